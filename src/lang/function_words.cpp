#include "lang/function_words.h"

#include <algorithm>
#include <emmintrin.h>

#include <array>
#include <cstring>

#include "core/dict_file.h"

namespace veille {

FunctionWords::FunctionWords() {
  ReadDictFile(
      "lang/function_words.tsv",
      [&](const DictLine& line) {
        std::string lang(line.fields[0]);
        if (lang.size() != 2) line.Fail("expected an ISO 639-1 code, got '" + lang + "'");
        if (std::find(langs_.begin(), langs_.end(), lang) != langs_.end()) line.Fail("language listed twice: " + lang);
        int index = static_cast<int>(langs_.size());
        langs_.push_back(lang);
        std::string_view rest = line.fields[1];
        while (!rest.empty()) {
          size_t sp = rest.find(' ');
          std::string word(rest.substr(0, sp));
          rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
          if (word.empty()) continue;
          auto [it, fresh] = words_.emplace(word, index);
          if (!fresh) {
            if (it->second == index) line.Fail("word listed twice: " + word);
            it->second = -1;  // shared by several languages: not evidence
          }
        }
      },
      2, 2);
  size_t size = 64;
  while (size < 4 * words_.size()) size *= 2;
  shift_ = 64 - __builtin_ctzll(size);
  slots_.assign(size, Slot{});
  for (const auto& [word, lang] : words_) {
    if (word.size() > 16) continue;  // never looked up
    max_len_ = std::max(max_len_, word.size());
    char buf[16] = {};
    std::memcpy(buf, word.data(), word.size());
    Slot s;
    std::memcpy(&s.a, buf, 8);
    std::memcpy(&s.b, buf + 8, 8);
    s.len = static_cast<uint32_t>(word.size());
    s.lang = lang;
    size_t k = SlotHash(s.a, s.b, s.len) >> shift_;
    while (slots_[k].len) k = (k + 1) & (size - 1);
    slots_[k] = s;
  }
}

uint64_t FunctionWords::SlotHash(uint64_t a, uint64_t b, size_t len) {
  // One multiply; the table uses the top bits. b is 0 for words of up to 8 bytes.
  return (a ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ len) * 0x9E3779B97F4A7C15ULL;
}

namespace {

// The n <= 8 bytes at p, zero padded, as one little-endian word; reads 8 bytes
// when they are before `end` (one load, no byte copy).
inline uint64_t Load(const char* p, size_t n, const char* end) {
  uint64_t w = 0;
  if (end - p >= 8) {
    std::memcpy(&w, p, 8);
    return n ? w & (~uint64_t{0} >> (64 - 8 * n)) : 0;
  }
  std::memcpy(&w, p, n);
  return w;
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
// kLowBytes[k]: the low k bytes of a 64-bit word (k <= 8).
constexpr uint64_t kLowBytes[9] = {0,           0xFF,           0xFFFF,           0xFFFFFF,      0xFFFFFFFF,
                                   0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFULL, ~uint64_t{0}};

// ASCII upper case to lower case in all 8 bytes at once (other bytes unchanged).
inline uint64_t FoldAscii(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  uint64_t t = x & ~kHighs;
  uint64_t ge_a = t + kOnes * (0x80 - 'A');      // high bit set where byte >= 'A'
  uint64_t gt_z = t + kOnes * (0x80 - 'Z' - 1);  // high bit set where byte > 'Z'
  uint64_t upper = ge_a & ~gt_z & ~x & kHighs;   // ASCII bytes in 'A'..'Z'
  return x | (upper >> 2);                       // + 0x20
}


// Bit k of bits[k / 64] is set when text[k] (k < n) is a letter: an ASCII letter
// or any non-ASCII byte (accented letters, Cyrillic). Writes all n / 64 + 1 words,
// 16 bytes at a time (SSE2), each word assembled in registers and stored once.
void LetterBits(const char* text, size_t n, uint64_t* bits) {
  // 'a' <= x <= 'z' exactly when x + (0x80 - 'a'), wrapping, is a signed byte
  // below -128 + 26: one add and one compare.
  const __m128i case_bit = _mm_set1_epi8(0x20), shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a')),
                limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  auto letters16 = [&](const char* q) -> uint64_t {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    __m128i t = _mm_or_si128(v, case_bit);  // ASCII upper case to lower
    __m128i ascii_letter = _mm_cmpgt_epi8(limit, _mm_add_epi8(t, shift));
    // v itself: the sign bit of a byte >= 0x80 marks a letter too.
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(ascii_letter, v)));
  };
  size_t k = 0, blk = 0;
  for (; k + 64 <= n; k += 64, ++blk)
    bits[blk] = letters16(text + k) | letters16(text + k + 16) << 16 | letters16(text + k + 32) << 32 |
                letters16(text + k + 48) << 48;
  uint64_t w = 0;  // the last, partial word (perhaps empty)
  for (; k + 16 <= n; k += 16) w |= letters16(text + k) << (k % 64);
  for (; k < n; ++k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) w |= uint64_t{1} << (k % 64);
  }
  bits[blk] = w;
}

}  // namespace

bool FunctionWords::Identify(std::string_view text, size_t max_bytes, std::string* lang, double* score) const {
  int counts[32] = {0};
  int hits = 0;
  size_t n = std::min(text.size(), max_bytes);
  // Letter bitmap of the window: words are the runs of set bits.
  uint64_t stack_bits[17];
  std::vector<uint64_t> heap_bits;
  uint64_t* bits = stack_bits;
  size_t words = n / 64 + 1;
  if (words > 17) {
    heap_bits.resize(words);
    bits = heap_bits.data();
  }
  LetterBits(text.data(), n, bits);
  // The table's fields in locals: the counts' stores could alias them.
  const Slot* slots = slots_.data();
  const size_t mask = slots_.size() - 1;
  const int shift = shift_;
  const size_t max_len = max_len_;
  // Index of the language of the word packed in (a, b) (at most 16 bytes, zero
  // padded), -1 if shared, -2 if absent.
  auto find = [&](uint64_t a, uint64_t b, size_t len) -> int {
    for (size_t k = SlotHash(a, b, len) >> shift;; k = (k + 1) & mask) {
      const Slot& s = slots[k];
      if (!s.len) return -2;
      if (s.a == a && s.b == b && s.len == len) return s.lang;
    }
  };
  const char* end = text.data() + text.size();
  // Words are the runs of set bits: walk the bits where the bitmap changes (a
  // word starts, a word ends), 64 positions at a time. A word still open at n
  // (cut by the window) is not counted.
  uint64_t carry = 0;  // bit 63 of the previous block
  size_t start = 0;
  for (size_t blk = 0; blk < words; ++blk) {
    uint64_t m = bits[blk];
    uint64_t before = (m << 1) | carry;  // bit k: byte k - 1 is a letter
    uint64_t starts = m & ~before, ends = ~m & before;
    // Starts and ends alternate: each end closes the start before it, the first one
    // perhaps a start of an earlier block.
    bool open = carry != 0;
    carry = m >> 63;
    for (; ends; ends &= ends - 1) {
      if (!open) {
        start = blk * 64 + __builtin_ctzll(starts);
        starts &= starts - 1;
      }
      open = false;
      size_t pos = blk * 64 + __builtin_ctzll(ends);
      if (pos >= n) break;  // cut by the window
      size_t len = pos - start;
      if (len > max_len) continue;  // longer than every function word
      // ASCII upper case is folded, which covers sentence-initial function words.
      const char* w = text.data() + start;
      uint64_t lo, hi = 0;
      if (len <= 8 && end - w >= 8) {
        // The common case in one load: the word's bytes are letters (ASCII letters or
        // bytes >= 0x80), so setting bit 5 of its ASCII bytes is FoldAscii.
        std::memcpy(&lo, w, 8);
        lo = (lo | ((~lo & kHighBits) >> 2)) & kLowBytes[len];
      } else {
        lo = FoldAscii(Load(w, std::min<size_t>(len, 8), end));
        hi = len > 8 ? FoldAscii(Load(w + 8, len - 8, end)) : 0;
      }
      int lang = find(lo, hi, len);
      if (lang < 0 || lang >= 32) continue;
      ++counts[lang];
      ++hits;
    }
    if (starts) start = blk * 64 + __builtin_ctzll(starts);  // a word running on
  }
  if (hits < kMinHits) return false;
  int best = static_cast<int>(std::max_element(counts, counts + langs_.size()) - counts);
  double share = static_cast<double>(counts[best]) / hits;
  if (share < kMinShare) return false;
  *lang = langs_[best];
  *score = std::min(share, 0.99);
  return true;
}

}  // namespace veille
