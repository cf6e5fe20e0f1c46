// Character helpers for the sentence scanner (internal to src/segment/).
//
// The scanner looks at arbitrary bytes (the segmenter is fuzzed), so decoding
// here never trusts its input: an invalid or truncated sequence decodes as
// U+FFFD of length 1, and nothing reads past the given end.
#pragma once
#include <unicode/uchar.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace veille::segment {

inline constexpr char32_t kBadChar = 0xFFFD;
inline constexpr char32_t kNbsp = 0x00A0;
inline constexpr char32_t kLeftGuillemet = 0x00AB;   // «
inline constexpr char32_t kRightGuillemet = 0x00BB;  // »
inline constexpr char32_t kInvertedExclamation = 0x00A1;
inline constexpr char32_t kInvertedQuestion = 0x00BF;
inline constexpr char32_t kThinSpace = 0x2009;
inline constexpr char32_t kEnDash = 0x2013;
inline constexpr char32_t kEmDash = 0x2014;
inline constexpr char32_t kRightSingleQuote = 0x2019;  // ’
inline constexpr char32_t kLeftDoubleQuote = 0x201C;   // “
inline constexpr char32_t kRightDoubleQuote = 0x201D;  // ”
inline constexpr char32_t kLowDoubleQuote = 0x201E;    // „
inline constexpr char32_t kEllipsis = 0x2026;          // …
inline constexpr char32_t kNarrowNbsp = 0x202F;

// Decodes the code point at s[i], for i < end <= s.size(); sets *len.
inline char32_t DecodeAt(std::string_view s, size_t i, size_t end, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned c = p[i];
  *len = 1;
  if (c < 0x80) return c;
  size_t n;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return kBadChar;
  }
  if (end - i < n) return kBadChar;
  for (size_t k = 1; k < n; ++k) {
    unsigned cc = p[i + k];
    if ((cc & 0xC0) != 0x80) return kBadChar;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return kBadChar;
  *len = n;
  return cp;
}

// Decodes the code point that ends just before s[i], for begin < i; sets *len.
inline char32_t DecodeBefore(std::string_view s, size_t begin, size_t i, size_t* len) {
  size_t j = i - 1;
  while (j > begin && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  size_t n;
  char32_t cp = DecodeAt(s, j, i, &n);
  if (j + n == i) {
    *len = n;
    return cp;
  }
  *len = 1;
  return kBadChar;
}

inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == kNbsp ||
         c == kThinSpace || c == kNarrowNbsp;
}
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c));
}
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == kRightSingleQuote; }
inline bool IsTerminator(char32_t c) { return c == '.' || c == '!' || c == '?' || c == kEllipsis; }

// Marks that close a quotation or a parenthesis.
inline bool IsCloser(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == kRightGuillemet || c == kRightDoubleQuote ||
         c == kRightSingleQuote;
}

// Marks that may stand before the first word of a sentence or of a token.
inline bool IsOpener(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == '-' || c == kLeftGuillemet ||
         c == kLeftDoubleQuote || c == kLowDoubleQuote || c == kEnDash || c == kEmDash ||
         c == kInvertedExclamation || c == kInvertedQuestion;
}

// Characters that, after a terminator and a space, show that the sentence goes
// on: "etc. et", "M. le ministre", « Non ! » a-t-il dit, "(etc.), puis".
inline bool ContinuesSentence(char32_t c) {
  return IsLower(c) || c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' ||
         c == kRightGuillemet || c == kRightDoubleQuote;
}

// Appends the lower-case form of `s` to *out (ASCII fast path, ICU otherwise;
// invalid bytes are copied unchanged).
inline void AppendLower(std::string* out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    size_t len;
    char32_t c = DecodeAt(s, i, s.size(), &len);
    if (c == kBadChar && len == 1) {
      out->push_back(static_cast<char>(b));
    } else {
      c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      if (c < 0x80) {  // e.g. KELVIN SIGN -> 'k'
        out->push_back(static_cast<char>(c));
        i += len;
        continue;
      }
      if (c < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      } else if (c < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (c >> 12)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      } else {
        out->push_back(static_cast<char>(0xF0 | (c >> 18)));
        out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      }
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    i += len;
  }
}

}  // namespace veille::segment
