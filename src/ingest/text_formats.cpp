// Plain text and JSONL documents, and helpers shared by the readers.
#include <fmt/format.h>
#include <simdjson.h>
#include <unicode/ucnv.h>

#include <cctype>
#include <filesystem>

#include "core/utf8.h"
#include "ingest/formats.h"

namespace veille {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

// True when the bytes have invalid UTF-8 but not a single valid multi-byte
// sequence: a legacy 8-bit encoding, almost always Windows-1252 for French.
bool LooksLegacy8Bit(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t valid = utf8::ValidPrefix(s.substr(i));
    for (size_t k = i; k < i + valid; ++k)
      if (static_cast<unsigned char>(s[k]) >= 0x80) return false;
    i += valid;
    if (i < n) ++i;
  }
  return true;
}

std::string DecodeWindows1252(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(s.size() * 3 + 1, '\0');
  int32_t len = ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()), s.data(),
                             static_cast<int32_t>(s.size()), &err);
  if (U_FAILURE(err)) return {};
  out.resize(len);
  return out;
}

}  // namespace

Format FormatFromName(std::string_view path, bool* gzipped) {
  *gzipped = false;
  std::string_view p = path;
  if (EndsWith(p, ".gz")) {
    *gzipped = true;
    p.remove_suffix(3);
  }
  if (EndsWith(p, ".txt") || EndsWith(p, ".text")) return Format::kText;
  if (EndsWith(p, ".jsonl") || EndsWith(p, ".ndjson")) return Format::kJsonl;
  if (EndsWith(p, ".html") || EndsWith(p, ".htm") || EndsWith(p, ".xhtml")) return Format::kHtml;
  if (EndsWith(p, ".warc")) return Format::kWarc;
  return Format::kUnknown;
}

Format SniffFormat(std::string_view head) {
  if (head.substr(0, 5) == "WARC/") return Format::kWarc;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i < head.size() && head[i] == '{') return Format::kJsonl;
  if (i < head.size() && head[i] == '<') {
    std::string lower;
    for (size_t k = i; k < std::min(head.size(), i + 512); ++k)
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(head[k]))));
    if (lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos ||
        lower.find("<body") != std::string::npos || lower.find("<p") != std::string::npos ||
        lower.find("<div") != std::string::npos)
      return Format::kHtml;
  }
  return Format::kText;
}

void SetOriginalText(std::string bytes, Doc& doc, std::string_view where, Diagnostics& diag) {
  // A byte order mark stays in the text; the cleaner removes it as invisible.
  if (utf8::IsValid(bytes)) {
    doc.map = OffsetMap::Identity(static_cast<uint32_t>(bytes.size()));
    doc.text = bytes;
    doc.original = std::move(bytes);
    return;
  }
  if (LooksLegacy8Bit(bytes)) {
    std::string decoded = DecodeWindows1252(bytes);
    if (!decoded.empty()) {
      diag.Warning(where, "not UTF-8; decoded as Windows-1252 (offsets refer to the UTF-8 decoding)");
      doc.map = OffsetMap::Identity(static_cast<uint32_t>(decoded.size()));
      doc.text = decoded;
      doc.original = std::move(decoded);
      return;
    }
  }
  size_t repairs = utf8::Repair(bytes, &doc.text, &doc.map);
  diag.Warning(where, fmt::format("invalid UTF-8: {} sequence{} replaced with U+FFFD", repairs, repairs == 1 ? "" : "s"));
  doc.original = std::move(bytes);
}

void ReadTextDoc(std::string bytes, const std::string& path, Diagnostics& diag, const DocCallback& emit) {
  Doc doc;
  doc.source = path;
  doc.format = "txt";
  if (path == "stdin") {
    doc.id = "stdin";
  } else {
    std::string name = std::filesystem::path(path).filename().string();
    bool gz;
    if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
    if (FormatFromName(name, &gz) == Format::kText) name.resize(name.rfind('.'));
    doc.id = name;
  }
  SetOriginalText(std::move(bytes), doc, path, diag);
  emit(std::move(doc));
}

std::string IsoDay(std::string_view s) {
  // YYYY-MM-DD, optionally followed by a time ("T..." or " ...").
  if (s.size() < 10) return {};
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return {};
  if (s[4] != '-' || s[7] != '-') return {};
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return {};
  int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  return std::string(s.substr(0, 10));
}

std::string HumanBytes(size_t n) {
  if (n >= (1u << 30)) return fmt::format("{:.1f} GiB", n / double(1u << 30));
  if (n >= (1u << 20)) return fmt::format("{:.0f} MiB", n / double(1u << 20));
  if (n >= 1024) return fmt::format("{:.0f} KiB", n / 1024.0);
  return fmt::format("{} bytes", n);
}

void ReadJsonl(ByteSource& src, const std::string& path, const ReadOptions& options, Diagnostics& diag,
               const DocCallback& emit) {
  LineReader lines(src, options.max_doc_bytes);
  simdjson::ondemand::parser parser;
  std::string line;
  bool overlong = false;
  while (true) {
    bool more;
    try {
      more = lines.Next(&line, &overlong);
    } catch (const std::exception& e) {
      diag.Error(fmt::format("{}:{}", path, lines.line_number() + 1), e.what());
      return;
    }
    if (!more) break;
    std::string where = fmt::format("{}:{}", path, lines.line_number());
    if (overlong) {
      diag.Error(where, fmt::format("line longer than the {} limit (--max-doc-size); skipped",
                                    HumanBytes(options.max_doc_bytes)));
      continue;
    }
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;  // blank lines are allowed
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: give the line that
    // much capacity (kept from line to line) instead of copying it.
    auto iterate = [&](simdjson::ondemand::document& json) {
      if (line.capacity() < line.size() + simdjson::SIMDJSON_PADDING) line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
      simdjson::padded_string_view padded(line.data(), line.size(), line.capacity());
      return parser.iterate(padded).get(json);
    };
    simdjson::ondemand::document json;
    simdjson::ondemand::object obj;
    // simdjson's first stage validates the UTF-8 of the whole line: a line it takes
    // is valid and needs no separate check. On any error the line is checked and,
    // when invalid, repaired (with its warning) and parsed again, as before.
    bool failed = iterate(json) != simdjson::SUCCESS;
    if (failed && !utf8::IsValid(line)) {
      std::string fixed;
      size_t n = utf8::Repair(line, &fixed);
      diag.Warning(where, fmt::format("invalid UTF-8: {} sequence{} replaced with U+FFFD", n, n == 1 ? "" : "s"));
      line.swap(fixed);
      failed = iterate(json) != simdjson::SUCCESS;
    }
    if (failed || json.get_object().get(obj)) {
      diag.Error(where, line[first] == '{' ? "malformed JSON; line skipped" : "not a JSON object; line skipped");
      continue;
    }
    Doc doc;
    doc.source = path;
    doc.format = "jsonl";
    std::string text_bytes;
    bool have_text = false, bad = false;
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) {
        bad = true;
        break;
      }
      simdjson::ondemand::value v;
      if (field.value().get(v)) {
        bad = true;
        break;
      }
      simdjson::ondemand::json_type t;
      if (v.type().get(t)) {
        bad = true;
        break;
      }
      std::string_view sv;
      if (t == simdjson::ondemand::json_type::string) {
        // Strings with invalid UTF-8 escapes are an error of the whole line.
        if (v.get_string().get(sv)) {
          bad = true;
          break;
        }
      } else if (key == "id" && t == simdjson::ondemand::json_type::number) {
        std::string_view raw = simdjson::to_json_string(v);
        doc.id = std::string(raw);
        continue;
      } else {
        if (key == "text" || key == "id" || key == "url" || key == "title" || key == "date") {
          if (t != simdjson::ondemand::json_type::null) diag.Warning(where, fmt::format("field '{}' is not a string; ignored", key));
        }
        continue;
      }
      if (key == "text") {
        text_bytes.assign(sv);
        have_text = true;
      } else if (key == "id") {
        doc.id.assign(sv);
      } else if (key == "url") {
        doc.url = std::string(sv);
      } else if (key == "title") {
        doc.title = std::string(sv);
      } else if (key == "date") {
        std::string day = IsoDay(sv);
        if (day.empty()) {
          diag.Warning(where, fmt::format("date '{}' is not ISO 8601 (YYYY-MM-DD...); ignored", sv));
        } else {
          doc.date = day;
          doc.date_source = "metadata";
        }
      }
    }
    if (bad) {
      diag.Error(where, "malformed JSON; line skipped");
      continue;
    }
    if (!have_text) {
      diag.Error(where, "no \"text\" field; line skipped");
      continue;
    }
    if (doc.id.empty()) doc.id = fmt::format("{}:{}", std::filesystem::path(path).filename().string(), lines.line_number());
    // No second UTF-8 check: the line is valid UTF-8 (checked or repaired above)
    // and simdjson rejects escapes of invalid code points (lone surrogates), so
    // the string it decoded is valid too.
    doc.map = OffsetMap::Identity(static_cast<uint32_t>(text_bytes.size()));
    doc.text = text_bytes;
    doc.original = std::move(text_bytes);
    emit(std::move(doc));
  }
}

}  // namespace veille
