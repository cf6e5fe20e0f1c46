#include "clean/char_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <emmintrin.h>

#include <array>
#include <charconv>
#include <cstring>

#include "core/dict_file.h"
#include "core/utf8.h"

namespace veille {
namespace {

char32_t ParseCodePoint(const DictLine& line, std::string_view s) {
  if (s.size() < 3 || s.substr(0, 2) != "U+") line.Fail("expected a code point U+XXXX, got '" + std::string(s) + "'");
  uint32_t v = 0;
  auto [p, ec] = std::from_chars(s.data() + 2, s.data() + s.size(), v, 16);
  if (ec != std::errc() || p != s.data() + s.size() || v > 0x10FFFF)
    line.Fail("invalid code point '" + std::string(s) + "'");
  return v;
}

// A combining mark that does not belong to the letter before it: after a space,
// punctuation or the start of the text, or on a letter of another script.
bool IsStrayMark(char32_t mark, char32_t base, bool have_base) {
  if (!have_base || !u_isalpha(base)) return true;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode base_script = uscript_getScript(base, &err);
  if (U_FAILURE(err) || base_script == USCRIPT_COMMON || base_script == USCRIPT_INHERITED) return false;
  // Marks of the Inherited script with no extensions (most accents) go on any
  // letter; marks restricted to some scripts (Arabic harakat) only on those.
  UScriptCode scx[16];
  int n = uscript_getScriptExtensions(mark, scx, 16, &err);
  if (U_FAILURE(err) || n <= 0) return false;
  if (n == 1 && (scx[0] == USCRIPT_INHERITED || scx[0] == USCRIPT_COMMON)) return false;
  return !uscript_hasScript(mark, base_script);
}

constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;

// True when the 8 bytes of `w` (in text order, little-endian) need no work:
// printable ASCII and single spaces, and no space right after a space (one
// before the chunk when `last_space`). May say false for a plain chunk (a '!'
// right after a space looks like a second space), never true for another.
inline bool PlainChunk(uint64_t w, bool last_space) {
  if (w & kHighs) return false;                            // non-ASCII
  if ((w - kOnes * 0x20) & ~w & kHighs) return false;      // a byte < 0x20: tab, controls
  uint64_t v = w ^ (kOnes * 0x7F);
  if ((v - kOnes) & ~v & kHighs) return false;             // DEL
  v = w ^ (kOnes * ' ');
  uint64_t spaces = (v - kOnes) & ~v & kHighs;             // spaces (and a few false positives)
  if (spaces & (spaces << 8)) return false;                // two spaces in a row
  return !(last_space && (w & 0xFF) == ' ');
}

// The end of the run of 16-byte blocks from i (before n) that need no work:
// printable ASCII, single spaces (none right after a space when *last_space)
// and, when `c3_plain`, two-byte letters U+00C0..U+00FF (lead byte 0xC3, every
// one of them plain), complete within the block. Updates *last_space and, when
// given, the last character (*base, *have_base) as the byte loop would.
inline size_t PlainBlocks(const char* p, size_t i, size_t n, bool c3_plain, bool* last_space, char32_t* base,
                          bool* have_base) {
  const __m128i c3 = _mm_set1_epi8(static_cast<char>(0xC3)), lead = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i ctrl = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), space = _mm_set1_epi8(' ');
  size_t start = i;
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    unsigned hi = static_cast<unsigned>(_mm_movemask_epi8(v));
    unsigned low = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, ctrl), _mm_cmpeq_epi8(v, del))));
    if (low & ~hi) break;  // a control byte or DEL
    if (hi) {
      if (!c3_plain) break;
      unsigned leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c3)));
      unsigned conts = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, lead)));  // 0x80..0xBF
      if (hi != (leads | conts) || conts != ((leads << 1) & 0xFFFF) || (leads & 0x8000)) break;
    }
    unsigned spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)));
    if (spaces & ((spaces << 1) | (*last_space ? 1u : 0u))) break;  // two spaces in a row
    *last_space = spaces >> 15;
  }
  if (i > start && base) {
    auto b15 = static_cast<unsigned char>(p[i - 1]);
    if (b15 == ' ') {
      *have_base = false;
    } else if (b15 < 0x80) {
      *base = b15;
      *have_base = true;
    } else {
      *base = (static_cast<char32_t>(static_cast<unsigned char>(p[i - 2]) & 0x1F) << 6) | (b15 & 0x3F);
      *have_base = true;
    }
  }
  return i;
}

bool IsMark(char32_t c) {
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

}  // namespace

CharNormalizer::CharNormalizer() {
  UErrorCode err = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) throw DictError("ICU", 0, "cannot load NFC normaliser data");
  ReadDictFile(
      "clean/chars.tsv",
      [&](const DictLine& line) {
        std::string_view from = line.fields[0], to = line.fields[1];
        char32_t lo, hi;
        if (size_t dots = from.find(".."); dots != std::string_view::npos) {
          lo = ParseCodePoint(line, from.substr(0, dots));
          hi = ParseCodePoint(line, from.substr(dots + 2));
          if (hi < lo || hi - lo > 4096) line.Fail("invalid range");
        } else {
          lo = hi = ParseCodePoint(line, from);
        }
        if (lo < 0x80) line.Fail("ASCII characters are not remapped here");
        Entry e;
        e.rule = line.Where();
        if (to != "-") {
          size_t pos = 0;
          while (pos < to.size()) {
            size_t sp = to.find(' ', pos);
            if (sp == std::string_view::npos) sp = to.size();
            utf8::Append(e.replacement, ParseCodePoint(line, to.substr(pos, sp - pos)));
            pos = sp + 1;
          }
          if (e.replacement.empty()) line.Fail("empty replacement (write - to remove)");
        }
        for (char32_t c = lo; c <= hi; ++c) {
          if (!table_.emplace(c, e).second) line.Fail("duplicate entry for a code point");
        }
      },
      2, 3);
  plain_.assign(0x10000 / 64, 0);
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;  // surrogates: never decoded
    if (!table_.count(c) && !IsMark(c) && nfc_->hasBoundaryBefore(c)) plain_[c >> 6] |= uint64_t{1} << (c & 63);
  }
  c3_plain_ = true;
  for (char32_t c = 0xC0; c <= 0xFF; ++c) c3_plain_ = c3_plain_ && Plain(c);
}

const CharNormalizer::Entry* CharNormalizer::Find(char32_t cp) const {
  auto it = table_.find(cp);
  return it == table_.end() ? nullptr : &it->second;
}

// TextBuilder's text without its offset map (for Normalized): same Copy/Replace/
// Skip semantics, no anchors.
namespace {

class StringSink {
 public:
  StringSink(std::string_view src, std::string* out) : src_(src), out_(out) { out_->reserve(src.size()); }
  void Copy(uint32_t from, uint32_t to) {  // like TextBuilder: bytes before `from` are dropped
    out_->append(src_.data() + from, to - from);
    consumed_ = to;
  }
  void Replace(uint32_t from, uint32_t to, std::string_view replacement) {  // bytes before `from` are kept
    if (from > consumed_) out_->append(src_.data() + consumed_, from - consumed_);
    out_->append(replacement);
    consumed_ = to;
  }
  void Skip(uint32_t from, uint32_t to) { Replace(from, to, {}); }
  void Finish() {
    if (consumed_ < src_.size()) out_->append(src_.data() + consumed_, src_.size() - consumed_);
  }

 private:
  std::string_view src_;
  std::string* out_;
  uint32_t consumed_ = 0;
};

// StringSink's text, plus the calls themselves, for Replay. A replacement is not
// kept apart: its bytes are those the call appended to the text, at rep_off from
// where this line's text starts.
class RecordingSink {
 public:
  RecordingSink(std::string_view src, uint32_t from, std::string* out, CharNormalizer::Edits* edits)
      : src_(src), out_(out), edits_(edits), consumed_(from), base_(out->size()) {}
  void Copy(uint32_t from, uint32_t to) {
    out_->append(src_.data() + from, to - from);
    edits_->ops.push_back({from, to, 0, 0, true});
    consumed_ = to;
  }
  void Replace(uint32_t from, uint32_t to, std::string_view replacement) {
    if (from > consumed_) out_->append(src_.data() + consumed_, from - consumed_);
    edits_->ops.push_back({from, to, static_cast<uint32_t>(out_->size() - base_),
                           static_cast<uint32_t>(replacement.size()), false});
    out_->append(replacement);
    consumed_ = to;
  }
  void Skip(uint32_t from, uint32_t to) { Replace(from, to, {}); }
  void Finish(uint32_t to) {
    if (consumed_ < to) out_->append(src_.data() + consumed_, to - consumed_);
  }

 private:
  std::string_view src_;
  std::string* out_;
  CharNormalizer::Edits* edits_;
  uint32_t consumed_;
  size_t base_;  // where this line's text starts in *out_
};

}  // namespace

void CharNormalizer::Record(std::string_view src, uint32_t from, uint32_t to, uint32_t normal_prefix,
                            std::string* text, Edits* edits) const {
  RecordingSink sink(src, from, text, edits);
  NormalizeTo(src, from, to, sink, &edits->removed, normal_prefix);
  sink.Finish(to);
}

void CharNormalizer::Replay(const Edits& edits, size_t op_begin, size_t op_end, std::string_view text,
                            TextBuilder& b) {
  if (op_end > op_begin && b.Replay(edits.ops.data() + op_begin, op_end - op_begin, text)) return;
  for (size_t k = op_begin; k < op_end; ++k) {
    const Edits::Op& op = edits.ops[k];
    if (op.copy)
      b.Copy(op.from, op.to);
    else
      b.Replace(op.from, op.to, text.substr(op.rep_off, op.rep_len));
  }
}

void CharNormalizer::Normalize(std::string_view src, uint32_t from, uint32_t to, TextBuilder& b,
                               std::vector<Removal>* removed, uint32_t normal_prefix) const {
  NormalizeTo(src, from, to, b, removed, normal_prefix);
}

template <typename Sink>
void CharNormalizer::NormalizeTo(std::string_view src, uint32_t from, uint32_t to, Sink& b,
                                 std::vector<Removal>* removed, uint32_t normal_prefix) const {
  auto drop = [&](uint32_t s, uint32_t e, const std::string& rule) {
    b.Skip(s, e);
    if (!removed) return;
    if (!removed->empty() && removed->back().span.end == s && removed->back().why == RemovalReason::kInvisible &&
        removed->back().rule == rule) {
      removed->back().span.end = e;
    } else {
      removed->push_back({{s, e}, RemovalReason::kInvisible, rule});
    }
  };
  static const std::string kControl = "unicode:control", kStray = "unicode:stray-combining-mark";

  uint32_t i = from;
  uint32_t run = from;       // start of the pending verbatim run
  char32_t base = 0;         // last base character, for combining marks
  bool have_base = false;
  bool last_space = false;   // collapse runs of spaces
  if (normal_prefix > 0 && from + normal_prefix <= to) {
    // src[from, from + normal_prefix) needs no work (NormalPrefix): resume after it
    // in the state its last character leaves, with the verbatim run still open.
    i = from + normal_prefix;
    size_t k = i;
    char32_t last = utf8::Prev(src, k);
    if (last == ' ') {
      last_space = true;
    } else {
      base = last;
      have_base = true;
    }
  }
  auto flush = [&](uint32_t upto) {
    if (upto > run) b.Copy(run, upto);
  };
  // Printable ASCII other than space needs no work: skip runs of it at once.
  static const auto kPlain = [] {
    std::array<bool, 256> t{};
    for (int c = 0x21; c < 0x7F; ++c) t[c] = true;
    return t;
  }();
  uint32_t next_chunk = i;  // where the next 8-byte fast check may start
  while (i < to) {
    if (i >= next_chunk) {
      // Fast path: skip 16 bytes at a time while they are plain (ASCII, single
      // spaces, Latin-1 letters), then 8 at a time while plain ASCII.
      i = static_cast<uint32_t>(PlainBlocks(src.data(), i, to, c3_plain_, &last_space, &base, &have_base));
      while (i + 8 <= to) {
        uint64_t w;
        std::memcpy(&w, src.data() + i, 8);
        if (!PlainChunk(w, last_space)) break;
        i += 8;
        unsigned char lastb = static_cast<unsigned char>(w >> 56);
        if (lastb == ' ') {
          last_space = true;
          have_base = false;
        } else {
          last_space = false;
          base = lastb;
          have_base = true;
        }
      }
      next_chunk = i + 8;  // byte at a time through the chunk that needs a look
      if (i >= to) break;
    }
    if (kPlain[static_cast<unsigned char>(src[i])]) {
      do { ++i; } while (i < to && kPlain[static_cast<unsigned char>(src[i])]);
      base = static_cast<unsigned char>(src[i - 1]);
      have_base = true;
      last_space = false;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(src[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '\t') {
        if (last_space || c == '\t') {
          flush(i);
          if (last_space) b.Skip(i, i + 1); else b.Replace(i, i + 1, " ");
          run = i + 1;
        }
        last_space = true;
        have_base = false;
      } else if (c < 0x20 || c == 0x7F) {
        flush(i);
        drop(i, i + 1, kControl);
        run = i + 1;
      } else {
        last_space = false;
        base = c;
        have_base = true;
      }
      ++i;
      continue;
    }
    size_t j = i;
    char32_t cp = utf8::Next(src, j);
    uint32_t next = static_cast<uint32_t>(j);
    if (Plain(cp)) {  // accented letters, guillemets, ...: nothing to do
      base = cp;
      have_base = true;
      last_space = false;
      i = next;
      continue;
    }
    if (const Entry* e = Find(cp)) {
      flush(i);
      if (e->replacement.empty()) {
        drop(i, next, e->rule);
      } else if (e->replacement == " ") {
        if (last_space) b.Skip(i, next); else b.Replace(i, next, " ");
        last_space = true;
        have_base = false;
      } else {
        b.Replace(i, next, e->replacement);
        last_space = false;
        have_base = false;
      }
      run = next;
      i = next;
      continue;
    }
    if (IsMark(cp)) {
      if (IsStrayMark(cp, base, have_base)) {
        flush(i);
        drop(i, next, kStray);
        run = next;
        i = next;
        continue;
      }
    }
    // Canonical composition where a character combines with what precedes it
    // ("e" + U+0301 -> "é"): normalise the cluster from its base.
    if (!nfc_->hasBoundaryBefore(cp) && have_base) {
      size_t k = i;
      utf8::Prev(src, k);
      uint32_t cluster_start = static_cast<uint32_t>(k);
      size_t end = next;
      while (end < to) {
        size_t m = end;
        char32_t c2 = utf8::Next(src, m);
        if (nfc_->hasBoundaryBefore(c2)) break;
        end = m;
      }
      if (cluster_start >= run) {
        UErrorCode err = U_ZERO_ERROR;
        std::string_view cluster = src.substr(cluster_start, end - cluster_start);
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(cluster.data(), cluster.size()));
        icu::UnicodeString n = nfc_->normalize(u, err);
        std::string out;
        n.toUTF8String(out);
        if (U_SUCCESS(err) && out != cluster) {
          flush(cluster_start);
          b.Replace(cluster_start, static_cast<uint32_t>(end), out);
          run = static_cast<uint32_t>(end);
        }
      }
      i = static_cast<uint32_t>(end);
      last_space = false;
      continue;
    }
    base = cp;
    have_base = !IsMark(cp);
    last_space = false;
    i = next;
  }
  flush(to);
}

size_t CharNormalizer::NormalPrefix(std::string_view s) const {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size(), next_chunk = 0;
  bool last_space = false;
  while (i < n) {
    if (i >= next_chunk) {
      i = PlainBlocks(s.data(), i, n, c3_plain_, &last_space, nullptr, nullptr);
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (!PlainChunk(w, last_space)) break;
        i += 8;
        last_space = (w >> 56) == ' ';
      }
      next_chunk = i + 8;
      if (i >= n) break;
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == ' ') {
        if (last_space) return i;
        last_space = true;
      } else {
        if (c < 0x21 || c == 0x7F) return i;  // tab, controls
        last_space = false;
      }
      ++i;
      continue;
    }
    size_t j = i;
    if (!Plain(utf8::Next(s, j))) return i;
    last_space = false;
    i = j;
  }
  return n;
}

std::string CharNormalizer::Normalized(std::string_view s, size_t normal_prefix) const {
  std::string out;
  StringSink b(s, &out);
  NormalizeTo(s, 0, static_cast<uint32_t>(s.size()), b, nullptr, static_cast<uint32_t>(normal_prefix));
  b.Finish();
  return out;
}

}  // namespace veille
