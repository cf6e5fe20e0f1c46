// UTF-8 validation, repair and decoding.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace veille::utf8 {

// Length of the longest valid UTF-8 prefix of `s`.
size_t ValidPrefix(std::string_view s);
// True if all of `s` is valid UTF-8 (SIMD check: several GB/s).
bool IsValid(std::string_view s);

// Replaces every maximal invalid subsequence with U+FFFD (the WHATWG/Unicode
// "substitution of maximal subparts" practice). Returns the number of
// replacements made; `out` receives the repaired text and `map` its offsets back
// to `in` (when not null).
size_t Repair(std::string_view in, std::string* out, OffsetMap* map = nullptr);

// Decodes the code point at s[i] (which must be valid UTF-8), advancing i.
inline char32_t Next(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  if (c < 0xE0) { char32_t r = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F); i += 2; return r; }
  if (c < 0xF0) {
    char32_t r = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    i += 3;
    return r;
  }
  char32_t r = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
  i += 4;
  return r;
}

// Decodes the code point that ends just before s[i], moving i back to its start.
char32_t Prev(std::string_view s, size_t& i);

void Append(std::string& out, char32_t cp);

// True if `s` looks like binary data rather than text (NUL bytes or many control
// characters in its first bytes).
bool LooksBinary(std::string_view s);

}  // namespace veille::utf8
