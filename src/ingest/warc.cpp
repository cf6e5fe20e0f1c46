#include "ingest/warc.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace veille {
namespace {

constexpr size_t kChunk = 64 << 10;
constexpr size_t kMaxVersionLine = 64;
constexpr size_t kMaxHeaderBytes = 256 << 10;
constexpr std::string_view kResyncPattern = "\nWARC/1.";
constexpr size_t npos = std::string::npos;

// ---- Text helpers -------------------------------------------------------------

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ToLower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = Lower(c);
  return r;
}

bool IStartsWith(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

bool IContains(std::string_view s, std::string_view what) { return ToLower(s).find(ToLower(what)) != npos; }

std::string_view Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view StripAngles(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') return s.substr(1, s.size() - 2);
  return s;
}

// A short printable excerpt of raw input for error messages.
std::string Excerpt(std::string_view s) {
  constexpr size_t kMax = 40;
  std::string r;
  for (size_t i = 0; i < s.size() && i < kMax; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    r += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
  }
  if (s.size() > kMax) r += "...";
  return r;
}

std::string FormatUnit(double v, const char* unit) {
  std::string n = v >= 10 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
  if (n.size() > 2 && n.compare(n.size() - 2, 2, ".0") == 0) n.resize(n.size() - 2);
  return n + " " + unit;
}

std::string HumanSize(size_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < (1u << 20)) return FormatUnit(bytes / 1024.0, "KB");
  return FormatUnit(bytes / 1048576.0, "MB");
}

// "120 MB exceeds the 64 MB limit" (exact byte counts when rounding hides the difference).
std::string ExceedsLimit(size_t size, size_t limit) {
  std::string a = HumanSize(size), b = HumanSize(limit);
  if (a == b) {
    a = fmt::format("{} bytes", size);
    b = fmt::format("{} bytes", limit);
  }
  return a + " exceeds the " + b + " limit";
}

// Decimal (base 10) or hexadecimal (base 16) size without sign or spaces.
bool ParseSize(std::string_view s, int base, size_t* out) {
  if (s.empty() || s.size() > 15) return false;
  size_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && Lower(c) >= 'a' && Lower(c) <= 'f') d = Lower(c) - 'a' + 10;
    else return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

// Next '\n'-terminated line of `text` from *pos, without "\r\n"; false at the end.
bool NextLine(std::string_view text, size_t* pos, std::string_view* line) {
  if (*pos >= text.size()) return false;
  size_t nl = text.find('\n', *pos);
  size_t end = nl == npos ? text.size() : nl;
  *line = text.substr(*pos, end - *pos);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  *pos = nl == npos ? text.size() : nl + 1;
  return true;
}

// ---- Header fields (WARC and HTTP) --------------------------------------------

struct Field {
  std::string name;  // lower case
  std::string value;
};
using Fields = std::vector<Field>;

// Parses "Name: value" lines; a line starting with a space or tab continues the
// previous value. Strict mode rejects lines without a colon; lenient mode
// (HTTP headers as crawled) ignores them.
bool ParseFields(std::string_view text, bool strict, Fields* fields, std::string* why) {
  size_t pos = 0;
  std::string_view line;
  while (NextLine(text, &pos, &line)) {
    if (line.empty()) continue;
    if (line.front() == ' ' || line.front() == '\t') {
      if (fields->empty()) {
        if (!strict) continue;
        *why = "continuation line before the first header field";
        return false;
      }
      std::string& v = fields->back().value;
      std::string_view more = Trim(line);
      if (more.empty()) continue;
      if (!v.empty()) v.push_back(' ');
      v.append(more);
      continue;
    }
    size_t colon = line.find(':');
    std::string_view name = colon == npos ? std::string_view() : Trim(line.substr(0, colon));
    if (name.empty()) {
      if (!strict) continue;
      *why = fmt::format("malformed header line \"{}\"", Excerpt(line));
      return false;
    }
    fields->push_back({ToLower(name), std::string(Trim(line.substr(colon + 1)))});
  }
  return true;
}

const std::string* FindField(const Fields& fields, std::string_view lower_name) {
  for (const Field& f : fields) {
    if (f.name == lower_name) return &f.value;
  }
  return nullptr;
}

std::string FieldOr(const Fields& fields, std::string_view lower_name) {
  const std::string* v = FindField(fields, lower_name);
  return v ? *v : std::string();
}

// ---- HTTP bodies ----------------------------------------------------------------

enum class InflateResult { kOk, kTruncated, kCorrupt, kTooBig };

// Inflates `in` (zlib window_bits convention) into `out`, at most `limit` bytes.
// gzip input may hold several members.
InflateResult Inflate(std::string_view in, int window_bits, size_t limit, std::string* out) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  if (inflateInit2(&zs, window_bits) != Z_OK) return InflateResult::kCorrupt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());  // bodies are below max_record_bytes
  out->clear();
  InflateResult result = InflateResult::kOk;
  char buf[kChunk];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    int rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof(buf) - zs.avail_out);
    if (out->size() > limit) {
      result = InflateResult::kTooBig;
      break;
    }
    if (rc == Z_STREAM_END) {
      bool next_member = window_bits > 15 && zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b;
      if (!next_member) break;  // trailing bytes after the last member are ignored
      inflateReset(&zs);
    } else if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
      result = InflateResult::kTruncated;
      break;
    } else if (rc != Z_OK) {
      result = InflateResult::kCorrupt;
      break;
    }
  }
  inflateEnd(&zs);
  return result;
}

// Undoes the chunked transfer-coding. Returns false if `in` does not start with a
// chunk-size line (the crawler stored the body already de-chunked). A body cut
// short keeps the chunks read so far.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  bool first = true;
  std::string_view line;
  while (NextLine(in, &pos, &line)) {
    size_t size;
    std::string_view digits = Trim(line.substr(0, line.find(';')));
    if (!ParseSize(digits, 16, &size)) return !first;
    first = false;
    if (size == 0) break;
    size_t take = std::min(size, in.size() - pos);
    out->append(in.substr(pos, take));
    pos += take;
    if (take < size) break;
    if (in.substr(pos, 2) == "\r\n") pos += 2;
    else if (in.substr(pos, 1) == "\n") pos += 1;
  }
  return !first;
}

bool LooksGzip(std::string_view s) { return s.size() >= 2 && s[0] == '\x1f' && s[1] == '\x8b'; }

bool LooksZlib(std::string_view s) {
  if (s.size() < 2) return false;
  unsigned b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]);
  return (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
}

// Undoes one content-coding in place. Bodies that do not look encoded are kept:
// some crawlers store the decoded body with the original headers.
bool Decode(std::string_view coding, size_t limit, std::string* body, std::string* why) {
  std::string c = ToLower(Trim(coding));
  if (c.empty() || c == "identity") return true;
  int bits;
  if (c == "gzip" || c == "x-gzip") {
    if (!LooksGzip(*body)) return true;
    bits = 16 + MAX_WBITS;
  } else if (c == "deflate") {
    bits = LooksZlib(*body) ? MAX_WBITS : -MAX_WBITS;
  } else {
    *why = fmt::format("unsupported Content-Encoding \"{}\"", Excerpt(c));
    return false;
  }
  std::string out;
  switch (Inflate(*body, bits, limit, &out)) {
    case InflateResult::kOk:
    case InflateResult::kTruncated:  // a truncated capture: keep what there is
      body->swap(out);
      return true;
    case InflateResult::kTooBig:
      *why = "decoded HTTP body exceeds the " + HumanSize(limit) + " limit";
      return false;
    case InflateResult::kCorrupt:
      if (c == "deflate" && !utf8::LooksBinary(*body)) return true;  // not deflated after all
      *why = fmt::format("corrupt {} Content-Encoding", c);
      return false;
  }
  return false;
}

// Parses an HTTP response block: status line, headers, body.
bool ParseHttpResponse(std::string_view block, size_t limit, int* status, std::string* content_type,
                       std::string* body, std::string* why) {
  size_t pos = 0;
  std::string_view line;
  if (!NextLine(block, &pos, &line) || !line.starts_with("HTTP/")) {
    *why = fmt::format("no HTTP status line (found \"{}\")", Excerpt(line));
    return false;
  }
  // "HTTP/1.1 200 OK": the code is the second word.
  size_t sp = line.find(' ');
  *status = 0;
  if (sp != std::string_view::npos)
    for (size_t i = sp + 1; i < line.size() && i < sp + 4 && line[i] >= '0' && line[i] <= '9'; ++i)
      *status = *status * 10 + (line[i] - '0');
  size_t headers_begin = pos, headers_end = block.size();
  for (size_t start = pos; NextLine(block, &pos, &line); start = pos) {
    if (line.empty()) {
      headers_end = start;
      break;
    }
  }
  Fields fields;
  ParseFields(block.substr(headers_begin, headers_end - headers_begin), false, &fields, why);
  *content_type = FieldOr(fields, "content-type");
  body->assign(block.substr(std::min(pos, block.size())));

  if (IContains(FieldOr(fields, "transfer-encoding"), "chunked")) {
    std::string plain;
    if (Dechunk(*body, &plain)) body->swap(plain);
  }
  // Codings are listed in the order they were applied.
  std::string codings = FieldOr(fields, "content-encoding");
  while (!Trim(codings).empty()) {
    size_t comma = codings.rfind(',');
    std::string last = comma == npos ? codings : codings.substr(comma + 1);
    if (!Decode(last, limit, body, why)) return false;
    codings.resize(comma == npos ? 0 : comma);
  }
  return true;
}

// ---- Buffered input -------------------------------------------------------------

// The reader's look-ahead buffer over the source, for one Next() call.
class Input {
 public:
  Input(ByteSource& src, std::string& pending) : src_(src), pending_(pending) {}

  std::string_view view() const { return pending_; }
  bool eof() const { return eof_; }
  void Consume(size_t n) { pending_.erase(0, n); }
  void DiscardAll() { pending_.clear(); }

  // Appends up to kChunk bytes from the source; false at the end of input.
  bool More() {
    if (eof_) return false;
    size_t old = pending_.size();
    pending_.resize(old + kChunk);
    size_t n = 0;
    try {
      n = src_.Read(pending_.data() + old, kChunk);
    } catch (...) {
      pending_.resize(old);
      throw;
    }
    pending_.resize(old + n);
    eof_ = n == 0;
    return n > 0;
  }

  // Position of `what` in the buffer at or after `from`, reading more input as
  // needed while the buffer holds less than `limit` bytes; npos if not found.
  size_t Find(std::string_view what, size_t from, size_t limit) {
    for (;;) {
      size_t p = pending_.find(what, from);
      if (p != npos) return p + what.size() <= limit ? p : npos;
      if (pending_.size() >= limit) return npos;
      if (pending_.size() >= what.size()) from = std::max(from, pending_.size() - what.size() + 1);
      if (!More()) return npos;
    }
  }

  // Skips line ends and blanks between records; false if nothing else is left.
  bool SkipBlankLines() {
    auto blank = [](char c) { return c == '\r' || c == '\n' || c == ' ' || c == '\t'; };
    for (;;) {
      size_t i = 0;
      while (i < pending_.size() && blank(pending_[i])) ++i;
      Consume(i);
      if (!pending_.empty()) return true;
      if (!More()) return false;
    }
  }

  // Reads exactly n bytes into *out; false (with the bytes read in *out) at the end of input.
  bool ReadExact(size_t n, std::string* out) {
    size_t have = std::min(n, pending_.size());
    out->assign(pending_, 0, have);
    Consume(have);
    out->resize(n);
    while (have < n) {
      size_t r = src_.Read(out->data() + have, n - have);
      if (r == 0) {
        out->resize(have);
        eof_ = true;
        return false;
      }
      have += r;
    }
    return true;
  }

  // Discards n bytes without keeping them; *skipped gets the count actually skipped.
  bool Skip(size_t n, size_t* skipped) {
    size_t have = std::min(n, pending_.size());
    Consume(have);
    std::string scratch(kChunk, '\0');
    while (have < n) {
      size_t r = src_.Read(scratch.data(), std::min(n - have, scratch.size()));
      if (r == 0) {
        eof_ = true;
        *skipped = have;
        return false;
      }
      have += r;
    }
    *skipped = have;
    return true;
  }

  // Discards input up to the next line that starts with "WARC/1.". `at_line_start`
  // says whether the buffer begins at the start of a line.
  void Resync(bool at_line_start) {
    const std::string_view header = kResyncPattern.substr(1);
    while (at_line_start && pending_.size() < header.size() && More()) {
    }
    if (at_line_start && view().starts_with(header)) return;
    for (;;) {
      size_t p = pending_.find(kResyncPattern);
      if (p != npos) {
        Consume(p + 1);
        return;
      }
      // Keep a tail that may hold the start of the pattern.
      Consume(pending_.size() - std::min(pending_.size(), kResyncPattern.size() - 1));
      if (!More()) {
        pending_.clear();
        return;
      }
    }
  }

 private:
  ByteSource& src_;
  std::string& pending_;
  bool eof_ = false;
};

// ---- Records ----------------------------------------------------------------------

bool IsVersionPrefix(std::string_view s) {
  if (s.empty()) return false;
  return std::string_view("WARC/1.0").starts_with(s) || std::string_view("WARC/1.1").starts_with(s) ||
         s.starts_with("WARC/1.");
}

void FillBody(const Fields& fields, std::string block, size_t limit, WarcRecord* record, std::string* why) {
  std::string warc_type = FieldOr(fields, "content-type");
  bool http = IStartsWith(warc_type, "application/http") ||
              (warc_type.empty() && std::string_view(block).starts_with("HTTP/"));
  if (record->type == "response" && http) {
    if (!ParseHttpResponse(block, limit, &record->http_status, &record->content_type, &record->payload, why)) {
      record->content_type.clear();
      record->payload.clear();
    }
  } else if (record->type == "response" || record->type == "resource") {
    record->content_type = warc_type;
    record->payload = std::move(block);
  }
}

// Reads one record whose first line is at the start of `in`. Returns false on a
// truncated stream; sets *error (record->type empty) for a record skipped.
bool ReadRecord(Input& in, size_t limit, WarcRecord* record, std::string* error) {
  const size_t n = record->record_number;
  auto fail = [&](const std::string& what) {
    *error = fmt::format("record {}: {}", n, what);
    record->type.clear();
    record->payload.clear();
  };

  // Version line.
  size_t eol = in.Find("\n", 0, kMaxVersionLine);
  std::string_view raw = in.view().substr(0, eol == npos ? kMaxVersionLine : eol);
  std::string_view version = Trim(raw);
  if (version != "WARC/1.0" && version != "WARC/1.1") {
    if (eol == npos && in.eof() && IsVersionPrefix(version)) {
      fail("truncated WARC stream (the input ends in the version line)");
      return false;
    }
    fail(fmt::format("expected a WARC/1.0 or WARC/1.1 version line, found \"{}\"; skipped to the next record",
                     Excerpt(raw)));
    if (eol != npos) in.Consume(eol + 1);
    in.Resync(eol != npos);
    return true;
  }
  in.Consume(eol + 1);

  // Header fields up to the blank line.
  size_t header_end = npos, block_start = 0;
  for (size_t pos = 0;;) {
    size_t nl = in.Find("\n", pos, kMaxHeaderBytes);
    if (nl == npos) break;
    if (nl == pos || (nl == pos + 1 && in.view()[pos] == '\r')) {
      header_end = pos;
      block_start = nl + 1;
      break;
    }
    pos = nl + 1;
  }
  if (header_end == npos) {
    if (in.eof()) {
      fail("truncated WARC stream (the input ends in the record header)");
      return false;
    }
    fail("WARC header longer than " + HumanSize(kMaxHeaderBytes) + "; skipped to the next record");
    in.Resync(true);
    return true;
  }
  Fields fields;
  std::string why;
  bool ok = ParseFields(in.view().substr(0, header_end), true, &fields, &why);
  in.Consume(block_start);
  size_t length = 0;
  if (ok) {
    const std::string* cl = FindField(fields, "content-length");
    record->type = FieldOr(fields, "warc-type");
    if (!cl) {
      why = "no Content-Length";
    } else if (!ParseSize(*cl, 10, &length)) {
      why = fmt::format("bad Content-Length \"{}\"", Excerpt(*cl));
    } else if (record->type.empty()) {
      why = "no WARC-Type";
    }
    ok = why.empty();
  }
  if (!ok) {
    fail("malformed WARC header: " + why + "; skipped to the next record");
    in.Resync(true);
    return true;
  }
  record->id = StripAngles(FieldOr(fields, "warc-record-id"));
  record->target_uri = StripAngles(FieldOr(fields, "warc-target-uri"));
  record->date = FieldOr(fields, "warc-date");

  // Block.
  if (length > limit) {
    size_t skipped;
    if (!in.Skip(length, &skipped)) {
      fail(fmt::format("truncated WARC stream (the input ends in the block, {} of {} bytes)", skipped, length));
      return false;
    }
    fail(ExceedsLimit(length, limit) + ", skipped");
    return true;
  }
  std::string block;
  if (!in.ReadExact(length, &block)) {
    fail(fmt::format("truncated WARC stream (the input ends in the block, {} of {} bytes)", block.size(), length));
    return false;
  }
  FillBody(fields, std::move(block), limit, record, &why);
  if (!why.empty()) {
    std::string where = record->target_uri.empty() ? "" : " (" + record->target_uri + ")";
    fail("HTTP response" + where + ": " + why + ", skipped");
  }
  return true;
}

void Clear(WarcRecord* r) {
  r->type.clear();
  r->id.clear();
  r->target_uri.clear();
  r->date.clear();
  r->content_type.clear();
  r->payload.clear();
  r->record_number = 0;
}

}  // namespace

bool WarcReader::Next(WarcRecord* record, std::string* error) {
  Clear(record);
  error->clear();
  Input in(src_, pending_);
  const size_t number = count_ + 1;
  try {
    if (!in.SkipBlankLines()) return false;
    record->record_number = count_ = number;
    if (ReadRecord(in, max_, record, error)) return true;
    in.DiscardAll();  // the stream is over: later calls return false
    return false;
  } catch (const std::runtime_error& e) {
    in.DiscardAll();
    // Source errors (truncated or corrupt gzip, I/O) end the stream.
    std::string what = fmt::format("record {}: {}", number, e.what());
    *error = error->empty() ? what : *error + "; then " + what;
    record->type.clear();
    record->payload.clear();
    return false;
  }
}

}  // namespace veille
