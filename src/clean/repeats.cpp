#include "clean/repeats.h"

#include <xxhash.h>

#include <array>
#include <cstring>

namespace veille {
namespace {

const std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return t;
}();
inline bool IsWordByte(unsigned char c) { return kWordByte[c]; }

constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;

// Bytes of `w` equal to `c`: the lowest flagged byte is always a true match.
inline uint64_t BytesEqual(uint64_t w, unsigned char c) {
  uint64_t v = w ^ (kOnes * c);
  return (v - kOnes) & ~v & kHighs;
}

// Position of the first '.', '!' or '?' at or after i (n if none), 8 bytes at a time.
inline uint32_t NextTerminator(std::string_view p, uint32_t i) {
  uint32_t n = static_cast<uint32_t>(p.size());
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p.data() + i, 8);
    uint64_t m = BytesEqual(w, '.') | BytesEqual(w, '!') | BytesEqual(w, '?');
    if (m) return i + (__builtin_ctzll(m) >> 3);
  }
  while (i < n && p[i] != '.' && p[i] != '!' && p[i] != '?') ++i;
  return i;
}

// Rough sentence ends: . ! ? or … followed by spaces and an upper-case ASCII
// letter, a guillemet or a quote, or a non-ASCII byte (accented capitals).
void RoughSentences(std::string_view p, std::vector<Span>& out) {
  out.clear();
  uint32_t start = 0, n = static_cast<uint32_t>(p.size());
  for (uint32_t i = 0; i < n; ++i) {
    i = NextTerminator(p, i);
    if (i >= n) break;
    uint32_t j = i + 1;
    while (j < n && (p[j] == '.' || p[j] == '"' || p[j] == ')')) ++j;
    if (j + 1 < n && p[j] == ' ' && p[j + 1] == '\xC2' && j + 2 < n && p[j + 2] == '\xBB') j += 3;  // " »"
    if (j >= n || p[j] != ' ') continue;
    uint32_t k = j;
    while (k < n && p[k] == ' ') ++k;
    if (k >= n) break;
    unsigned char d = static_cast<unsigned char>(p[k]);
    if ((d >= 'A' && d <= 'Z') || d >= 0x80 || d == '"') {
      out.push_back({start, j});
      start = k;
      i = k;
    }
  }
  if (start < n) out.push_back({start, n});
}

template <typename F>
int ForEachTrigram(std::string_view s, F&& f) {
  uint64_t w[3] = {0, 0, 0};
  int words = 0;
  size_t i = 0, n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < n) {
    while (i < n && !IsWordByte(p[i])) ++i;
    if (i == n) break;
    // One pass over the word: find its end and hash it (FNV-1a: words are short).
    uint64_t h = 0xcbf29ce484222325ULL;
    do {
      h = (h ^ p[i]) * 0x100000001b3ULL;
      ++i;
    } while (i < n && IsWordByte(p[i]));
    w[0] = w[1];
    w[1] = w[2];
    w[2] = h;
    if (++words >= 3) {
      uint64_t t = w[0] * 0x9E3779B97F4A7C15ULL ^ (w[1] * 0xC2B2AE3D27D4EB4FULL + w[2]);
      f(t ^ (t >> 29));
    }
  }
  return words;
}

}  // namespace

bool RepeatFinder::RepeatedParagraph(std::string_view paragraph) {
  if (paragraph.size() < kMinParagraphBytes) return false;
  return !paragraphs_.insert(XXH3_64bits(paragraph.data(), paragraph.size())).second;
}

std::vector<Span> RepeatFinder::RepeatedSentences(std::string_view paragraph) {
  std::vector<Span> repeats;
  std::vector<uint32_t>& bits = scratch_;
  RoughSentences(paragraph, sentences_);
  for (Span s : sentences_) {
    bits.clear();
    size_t seen = 0;
    int words = ForEachTrigram(s.of(paragraph), [&](uint64_t h) {
      uint32_t b = h & (kFilterBits - 1);
      bits.push_back(b);
      seen += trigrams_.test(b);
    });
    if (words >= kMinWords && !bits.empty() && seen >= kContainment * bits.size()) {
      repeats.push_back(s);
      continue;
    }
    for (uint32_t b : bits) trigrams_.set(b);
  }
  return repeats;
}

}  // namespace veille
