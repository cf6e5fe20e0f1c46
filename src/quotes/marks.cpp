#include "quotes/marks.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"

namespace veille::quotes {
namespace {

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\u00A0'; }

Span Trim(std::string_view text, uint32_t a, uint32_t b) {
  while (a < b && IsSpace(static_cast<unsigned char>(text[a]))) ++a;
  while (b > a && IsSpace(static_cast<unsigned char>(text[b - 1]))) --b;
  return Span{a, b};
}

char32_t At(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  return utf8::Next(text, i);
}
char32_t Before(std::string_view text, size_t i) {
  if (i == 0) return 0;
  return utf8::Prev(text, i);
}

// The first i' >= i (at most b) where text[i'] is '"', 0xC2 or 0xE2, or a position before it
// (the caller looks at that byte and comes back): sixteen bytes at a time with SSE2, else eight.
size_t SkipToLead(std::string_view text, size_t i, size_t b) {
  const char* p = text.data();
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  while (i + 16 <= b) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, c2)), _mm_cmpeq_epi8(x, e2));
    int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i + 8 <= b) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    auto zero = [](uint64_t q) { return (q - kOnes) & ~q & kHigh; };  // exact as "any zero byte"
    if ((zero(x ^ (kOnes * '"')) | zero(x ^ (kOnes * 0xC2)) | zero(x ^ (kOnes * 0xE2))) != 0) break;
    i += 8;
  }
  return i;
}

// One paragraph [a, b): appends its quotes.
void Paragraph(std::string_view text, uint32_t a, uint32_t b, bool continues, std::vector<Marked>* out) {
  int depth = 0;          // guillemets
  uint32_t open = 0;      // where the outermost open mark starts
  bool ascii = false;     // inside " … "
  uint32_t ascii_open = 0;
  size_t i = a;
  while (i < b) {
    // Only '"' and the characters led by C2 (« ») or E2 (“ ” „) can be marks; UTF-8 lead
    // bytes always start a character, so every other byte is skipped, eight at a time when
    // none of the eight is one of those three.
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead != '"' && lead != 0xC2 && lead != 0xE2) {
      i = SkipToLead(text, i + 1, b);
      continue;
    }
    size_t at = i;
    char32_t c = utf8::Next(text, i);
    bool opener = c == U'\u00AB' || c == U'\u201E' || c == U'\u201C';
    bool closer = c == U'\u00BB' || c == U'\u201D';
    if (opener && depth > 0 && !IsSpace(Before(text, at)) && Before(text, at) != 0 &&
        (i >= b || IsSpace(At(text, i)) || u_ispunct(static_cast<UChar32>(At(text, i))))) {
      // „ … “ after normalisation reads « … «: a second opener glued to the word before
      // and followed by a space or punctuation closes the quote.
      opener = false;
      closer = true;
    }
    if (opener) {
      if (depth == 0 && !ascii) open = static_cast<uint32_t>(at);
      if (!ascii) ++depth;
    } else if (closer) {
      if (depth == 0) continue;  // stray closing mark
      if (--depth == 0) {
        Marked m;
        m.outer = Span{open, static_cast<uint32_t>(i)};
        size_t o = open;
        utf8::Next(text, o);
        m.inner = Trim(text, static_cast<uint32_t>(o), static_cast<uint32_t>(at));
        m.continues = continues && open == a;
        continues = false;
        if (!m.inner.empty()) out->push_back(m);
      }
    } else if (c == U'"' && depth == 0) {
      if (!ascii) {
        char32_t next = At(text, i);
        if (i < b && !IsSpace(next)) {
          ascii = true;
          ascii_open = static_cast<uint32_t>(at);
        }
      } else {
        ascii = false;
        Marked m;
        m.outer = Span{ascii_open, static_cast<uint32_t>(i)};
        m.inner = Trim(text, ascii_open + 1, static_cast<uint32_t>(at));
        if (!m.inner.empty()) out->push_back(m);
      }
    }
  }
  if (depth > 0) {
    Marked m;
    m.outer = Span{open, b};
    size_t o = open;
    utf8::Next(text, o);
    m.inner = Trim(text, static_cast<uint32_t>(o), b);
    m.continues = continues && open == a;
    m.closed = false;
    if (!m.inner.empty()) out->push_back(m);
  }
}

}  // namespace

std::vector<Marked> FindMarked(std::string_view text) {
  std::vector<Marked> out;
  uint32_t a = 0;
  bool open_before = false;  // the previous paragraph ended inside a quote
  while (a <= text.size()) {
    size_t nl = text.find('\n', a);
    uint32_t b = static_cast<uint32_t>(nl == std::string_view::npos ? text.size() : nl);
    Span p = Trim(text, a, b);
    if (!p.empty()) {
      size_t before = out.size();
      bool opens_with_mark = At(text, p.start) == U'\u00AB' || At(text, p.start) == U'\u201C';
      Paragraph(text, p.start, p.end, open_before && opens_with_mark, &out);
      open_before = out.size() > before && !out.back().closed;
    }
    if (nl == std::string_view::npos) break;
    a = b + 1;
  }
  return out;
}

}  // namespace veille::quotes
