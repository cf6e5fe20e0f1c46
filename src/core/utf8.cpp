#include "core/utf8.h"

#include <simdjson.h>

#include <algorithm>

namespace veille::utf8 {
namespace {

// Length of the valid sequence starting at s[i], or 0 if it is invalid; on
// invalid input, *bad receives the length of the maximal subpart to replace.
size_t SequenceLength(std::string_view s, size_t i, size_t* bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  *bad = 1;
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) { len = 3; lo = 0xA0; }
  else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
  else if (c == 0xED) { len = 3; hi = 0x9F; }
  else if (c == 0xF0) { len = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) { len = 4; hi = 0x8F; }
  else return 0;
  for (size_t k = 1; k < len; ++k) {
    if (i + k >= n) { *bad = k; return 0; }
    unsigned char b = p[i + k];
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) { *bad = k; return 0; }
  }
  return len;
}

}  // namespace

bool IsValid(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

size_t ValidPrefix(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    // Fast path: 8 ASCII bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    size_t bad;
    size_t len = SequenceLength(s, i, &bad);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

size_t Repair(std::string_view in, std::string* out, OffsetMap* map) {
  size_t valid = ValidPrefix(in);
  if (valid == in.size()) {
    out->assign(in);
    if (map) *map = OffsetMap::Identity(static_cast<uint32_t>(in.size()));
    return 0;
  }
  TextBuilder b(in);
  size_t repairs = 0, i = valid;
  b.Copy(0, static_cast<uint32_t>(valid));
  while (i < in.size()) {
    size_t bad;
    size_t len = SequenceLength(in, i, &bad);
    if (len) {
      size_t j = i + len;
      j += ValidPrefix(in.substr(j));
      b.Copy(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
      i = j;
    } else {
      b.Replace(static_cast<uint32_t>(i), static_cast<uint32_t>(i + bad), "\xEF\xBF\xBD");
      i += bad;
      ++repairs;
    }
  }
  *out = b.Finish(map);
  return repairs;
}

char32_t Prev(std::string_view s, size_t& i) {
  size_t j = i;
  do { --j; } while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80);
  size_t k = j;
  char32_t cp = Next(s, k);
  i = j;
  return cp;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool LooksBinary(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 4096), ctrl = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++ctrl;
  }
  return n > 0 && ctrl * 10 > n;  // more than 10% control characters
}

}  // namespace veille::utf8
