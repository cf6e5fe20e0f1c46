#include "quotes/words.h"

#include <unicode/uchar.h>

#include "core/utf8.h"

namespace veille::quotes {
namespace {

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c));
}
// Whether the character at text[i] is a letter (or digit).
bool NextIsLetter(std::string_view text, size_t i) { return IsLetter(utf8::Next(text, i)); }
bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

// Elisions split off as words of their own ("l'", "qu'"); other apostrophes stay
// inside the word ("aujourd'hui").
bool IsElision(std::string_view lower) {
  static const char* const kElided[] = {"l", "d", "qu", "n", "s", "j", "m", "t", "c", "jusqu", "lorsqu",
                                        "puisqu", "quoiqu", "presqu"};
  for (const char* e : kElided)
    if (lower == e) return true;
  return false;
}

// ASCII letters and digits, each mapped to its lower case; 0 for the other bytes (NUL
// and the bytes of multi-byte characters included).
struct AsciiLowerAlnum {
  char c[256] = {};
  constexpr AsciiLowerAlnum() {
    for (int b = 'a'; b <= 'z'; ++b) c[b] = static_cast<char>(b);
    for (int b = 'A'; b <= 'Z'; ++b) c[b] = static_cast<char>(b + ('a' - 'A'));
    for (int b = '0'; b <= '9'; ++b) c[b] = static_cast<char>(b);
  }
};
constexpr AsciiLowerAlnum kLowerAlnum;

char* PutUtf8(char* out, char32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// Writes the lower case of code point `c` (what u_tolower gives), U+2019 as '\'' when
// `apostrophe`; returns the end.
char* PutLowerCp(char32_t c, bool apostrophe, char* out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return out;
  }
  if (c >= 0xC0 && c <= 0xFF) {  // U+00C0..U+00FF: capitals but U+00D7 are +0x20
    if (c <= 0xDE && c != 0xD7) c += 0x20;
    *out++ = static_cast<char>(0xC3);
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
    return out;
  }
  c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  if (apostrophe && c == U'\u2019') c = U'\'';
  return PutUtf8(out, c);
}

// Writes the lower case of `s` (valid UTF-8) at `out`, what u_tolower gives code point by
// code point, U+2019 as '\'' when `apostrophe`; returns the end. Room needed: 1.5 times
// s.size() (a lower case is at most that much longer in UTF-8: U+023A -> U+2C65).
char* PutLower(std::string_view s, bool apostrophe, char* out) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      *out++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    if (b == 0xC3 && i + 1 < n) {  // U+00C0..U+00FF: capitals but U+00D7 are +0x20
      unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
      *out++ = static_cast<char>(b);
      *out++ = static_cast<char>(b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97 ? b1 + 0x20 : b1);
      i += 2;
      continue;
    }
    char32_t c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::Next(s, i))));
    if (apostrophe && c == U'\u2019') c = U'\'';
    out = PutUtf8(out, c);
  }
  return out;
}

bool IsContinuation(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }
// Whether C2 b is a mark: a continuation byte but ª, µ and º (the letters of U+0080..U+00BF).
bool IsMarkC2(unsigned char b) { return (b & 0xC0) == 0x80 && b != 0xAA && b != 0xB5 && b != 0xBA; }

// Hashes the bytes [from, to) into *h.
void HashBytes(const char* from, const char* to, uint64_t* h) {
  for (; from < to; ++from) *h = WordHashStep(*h, static_cast<unsigned char>(*from));
}

// The run of ASCII letters and digits at p[i] (the NUL after the text stops it): written in
// lower case at *out and hashed into *h; returns its end. (Locals only in the loop: the
// caller's variables would be spilled to memory on every byte.)
inline size_t AsciiRun(const char* p, size_t i, char** out, uint64_t* h) {
  const unsigned char* q = reinterpret_cast<const unsigned char*>(p + i);
  char* o = *out;
  uint64_t hh = *h;
  // Two bytes a step (q[1] can be read: q[0] is no NUL, so at most q[1] is the one after
  // the text).
  while (char l = kLowerAlnum.c[q[0]]) {
    const char l1 = kLowerAlnum.c[q[1]];
    o[0] = l;
    hh = WordHashStep(hh, static_cast<unsigned char>(l));
    if (!l1) {
      ++q;
      ++o;
      break;
    }
    o[1] = l1;
    hh = WordHashStep(hh, static_cast<unsigned char>(l1));
    q += 2;
    o += 2;
  }
  *out = o;
  *h = hh;
  return static_cast<size_t>(reinterpret_cast<const char*>(q) - p);
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s.size() + s.size() / 2 + 1, '\0');
  out.resize(static_cast<size_t>(PutLower(s, false, out.data()) - out.data()));
  return out;
}

std::vector<Word> SplitWords(const std::string& text, std::string* lowered) {
  std::vector<Word> words;
  words.reserve(text.size() / 5 + 16);  // about one word per 5-6 bytes of French
  // Room for every lower-case form (see PutLower); written through `out` as the words are
  // read (one pass), cut at the end.
  lowered->assign(text.size() + text.size() / 2 + 1, '\0');
  char* const base = lowered->data();
  char* out = base;
  const char* const p = text.c_str();  // p[n] == '\0'
  const size_t n = text.size();
  size_t i = 0;
  bool newline = true;
  while (i < n) {
    size_t start = i;
    unsigned char b0 = static_cast<unsigned char>(p[i]);
    if (b0 == ' ' || b0 == '\t' || b0 == '\r') {
      ++i;
      continue;
    }
    if (b0 == '\n') {
      newline = true;
      ++i;
      continue;
    }
    Word& w = words.emplace_back();
    w.newline_before = newline;
    newline = false;
    char* at = out;
    uint64_t h = kWordHashSeed;
    bool letter = kLowerAlnum.c[b0] != 0;  // an ASCII letter or digit: the run below reads it
    if (letter) {
      w.upper = b0 >= 'A' && b0 <= 'Z';
    } else if (b0 < 0x80) {  // an ASCII mark (",", "."): itself, a word of one byte
      *out++ = static_cast<char>(b0);
      h = WordHashStep(h, b0);
      ++i;
    } else if (b0 == 0xC3 && (static_cast<unsigned char>(p[i + 1]) & 0x3F) != 0x17 &&
               (static_cast<unsigned char>(p[i + 1]) & 0x3F) != 0x37) {
      // U+00C0..U+00FF but × and ÷ (what utf8::Next decodes): a letter, a capital up to
      // U+00DE ("É", "À"); written in lower case inline.
      const unsigned c = 0xC0u | (static_cast<unsigned char>(p[i + 1]) & 0x3Fu);
      const bool capital = c <= 0xDE;
      const unsigned char b1 = static_cast<unsigned char>(0x80 | ((capital ? c + 0x20 : c) & 0x3F));
      out[0] = static_cast<char>(0xC3);
      out[1] = static_cast<char>(b1);
      out += 2;
      h = WordHashStep(WordHashStep(h, 0xC3), b1);
      i += 2;
      letter = true;
      w.upper = capital;
    } else if ((b0 == 0xC2 && IsMarkC2(static_cast<unsigned char>(p[i + 1]))) ||
               (b0 == 0xE2 && static_cast<unsigned char>(p[i + 1]) == 0x80 && IsContinuation(p[i + 2]))) {
      // A mark of U+0080..U+00BF (« » NBSP) or U+2000..U+203F (— ’ …): no letter, no
      // case, so its own bytes (what PutLowerCp writes for it), copied inline.
      const size_t len = b0 == 0xC2 ? 2 : 3;
      for (size_t k = 0; k < len; ++k) {
        out[k] = p[i + k];
        h = WordHashStep(h, static_cast<unsigned char>(p[i + k]));
      }
      out += len;
      i += len;
    } else {
      char32_t c = utf8::Next(text, i);
      letter = IsLetter(c);
      w.plain = !letter;  // a letter outside ASCII and Latin-1 (a mark is no letter for time/ either)
      out = PutLowerCp(c, letter, out);  // one spelling of the apostrophe in words ("l’")
      HashBytes(at, out, &h);
      if (letter) w.upper = u_isupper(static_cast<UChar32>(c));
    }
    if (letter) {
      w.word = true;
      size_t end = i;
      while (true) {
        // ASCII letters and digits (most of a word); the NUL after the text stops the run.
        end = AsciiRun(p, end, &out, &h);
        if (end >= n) break;
        // Most words end at a space or an ASCII mark: no letter, hyphen or apostrophe can
        // follow (the run stopped, so not an ASCII letter or digit).
        const unsigned char e = static_cast<unsigned char>(p[end]);
        if (e < 0x80 && e != '-' && e != '\'') break;
        if (e == 0xC3) {  // U+00C0..U+00FF (what utf8::Next decodes), letters but × and ÷
          const unsigned c = 0xC0u | (static_cast<unsigned char>(p[end + 1]) & 0x3Fu);
          if (c != 0xD7 && c != 0xF7) {  // PutLowerCp and HashBytes, inline
            const unsigned lc = c <= 0xDE ? c + 0x20 : c;
            const unsigned char b1 = static_cast<unsigned char>(0x80 | (lc & 0x3F));
            out[0] = static_cast<char>(0xC3);
            out[1] = static_cast<char>(b1);
            out += 2;
            h = WordHashStep(WordHashStep(h, 0xC3), b1);
            end += 2;
            continue;
          }
        }
        size_t j = end;
        char32_t d = utf8::Next(text, j);
        char* put = out;
        if (d != U'\u2019' && IsLetter(d)) {  // (the apostrophe is no letter: no ICU call)
          w.plain = false;  // a letter outside ASCII and Latin-1 (those are read above)
          out = PutLowerCp(d, true, out);
        } else if (d == U'-' && j < n && NextIsLetter(text, j)) {
          *out++ = '-';  // inner hyphen: a-t-il, vice-Premier
        } else if (IsApostrophe(d)) {
          if (d != U'\'') w.plain = false;  // U+2019: no apostrophe for the time stage
          // The word so far is an elision ("l'", "qu'"): it ends with the apostrophe.
          bool elision = IsElision(std::string_view(at, static_cast<size_t>(out - at)));
          if (!elision && !(j < n && NextIsLetter(text, j))) break;
          *out++ = '\'';
          HashBytes(put, out, &h);
          end = j;
          if (elision) break;
          continue;
        } else {
          break;
        }
        HashBytes(put, out, &h);
        end = j;
      }
      i = end;
    }
    w.span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(i)};
    w.lower = std::string_view(at, static_cast<size_t>(out - at));
    w.hash = h;
    if (p[i] == ' ') ++i;  // the space after most words (p[n] is the NUL: no test of i < n)
  }
  lowered->resize(static_cast<size_t>(out - base));  // shrinking: the views stay valid
  return words;
}

}  // namespace veille::quotes
