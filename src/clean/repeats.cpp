#include "clean/repeats.h"

#include <xxhash.h>

#include <emmintrin.h>

#include <algorithm>
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
inline bool IsStop(unsigned char c) { return c == '.' || c == '!' || c == '?'; }

// Bit k of words[k / 64] is set when p[k] (k < n) is a word byte: an ASCII
// letter or digit, or any non-ASCII byte (accented letters); bit k of stops[k / 64]
// when it is '.', '!' or '?'. n / 64 + 1 words each. 16 bytes at a time (SSE2), each
// 64-bit word assembled in registers and stored once.
void ClassifyBytes(const char* p, size_t n, std::vector<uint64_t>& words, std::vector<uint64_t>& stops) {
  words.resize(n / 64 + 1);  // every word is written below
  stops.resize(n / 64 + 1);
  uint64_t* wb = words.data();
  uint64_t* sb = stops.data();
  // lo <= x <= hi exactly when x + (0x80 - lo), wrapping, is a signed byte below
  // -128 + (hi - lo + 1): one add and one compare per range.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i letter_shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a')),
                letter_limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digit_shift = _mm_set1_epi8(static_cast<char>(0x80 - '0')),
                digit_limit = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  auto classify16 = [&](const char* q, uint64_t* w, uint64_t* s) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    __m128i t = _mm_or_si128(v, case_bit);  // ASCII upper case to lower
    __m128i letter = _mm_cmpgt_epi8(letter_limit, _mm_add_epi8(t, letter_shift));
    __m128i digit = _mm_cmpgt_epi8(digit_limit, _mm_add_epi8(v, digit_shift));
    // v itself: the sign bit of a byte >= 0x80 (non-ASCII) marks a word byte too.
    *w = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), v)));
    __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                                _mm_cmpeq_epi8(v, question));
    *s = static_cast<uint32_t>(_mm_movemask_epi8(stop));
  };
  size_t k = 0, blk = 0;
  for (; k + 64 <= n; k += 64, ++blk) {
    uint64_t w0, w1, w2, w3, s0, s1, s2, s3;
    classify16(p + k, &w0, &s0);
    classify16(p + k + 16, &w1, &s1);
    classify16(p + k + 32, &w2, &s2);
    classify16(p + k + 48, &w3, &s3);
    wb[blk] = w0 | w1 << 16 | w2 << 32 | w3 << 48;
    sb[blk] = s0 | s1 << 16 | s2 << 32 | s3 << 48;
  }
  // The last, partial word (perhaps empty).
  uint64_t w = 0, s = 0;
  for (; k + 16 <= n; k += 16) {
    uint64_t wm, sm;
    classify16(p + k, &wm, &sm);
    w |= wm << (k % 64);
    s |= sm << (k % 64);
  }
  for (; k < n; ++k) {
    unsigned char c = static_cast<unsigned char>(p[k]);
    if (IsWordByte(c)) w |= uint64_t{1} << (k % 64);
    if (IsStop(c)) s |= uint64_t{1} << (k % 64);
  }
  wb[blk] = w;
  sb[blk] = s;
}

// The first set bit at or after i (< n), or n.
inline uint32_t NextSetBit(const uint64_t* bits, uint32_t i, uint32_t n) {
  while (i < n) {
    uint64_t w = bits[i / 64] & (~uint64_t{0} << (i % 64));
    if (w) return std::min(n, (i & ~uint32_t{63}) + static_cast<uint32_t>(__builtin_ctzll(w)));
    i = (i & ~uint32_t{63}) + 64;
  }
  return n;
}

// Rough sentence ends: . ! ? followed by spaces and an upper-case ASCII letter,
// a guillemet or a quote, or a non-ASCII byte (accented capitals).
void RoughSentences(std::string_view p, const uint64_t* stops, std::vector<Span>& out) {
  out.clear();
  uint32_t start = 0, n = static_cast<uint32_t>(p.size());
  for (uint32_t i = 0; i < n; ++i) {
    i = NextSetBit(stops, i, n);
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

// A 64-bit hash of the word p[0, len) (p + len <= end), 8 bytes at a time.
// Word bytes are never 0, so a word of at most 8 bytes (most words) is its
// zero-padded little-endian value, and the multiply is a bijection: such words
// never collide; longer words collide with probability ~2^-64.
inline uint64_t WordHash(const unsigned char* p, size_t len, const unsigned char* end) {
  auto tail = [&](const unsigned char* q, size_t rest) {  // 1..8 bytes, zero padded
    uint64_t c = 0;
    if (end - q >= 8) {
      std::memcpy(&c, q, 8);
      return c & (~uint64_t{0} >> (64 - 8 * rest));
    }
    std::memcpy(&c, q, rest);
    return c;
  };
  if (len <= 8) return tail(p, len) * 0x9E3779B97F4A7C15ULL;
  uint64_t h = (len + 1) * 0x9E3779B97F4A7C15ULL;
  size_t k = 0;
  for (; k + 8 <= len; k += 8) {
    uint64_t c;
    std::memcpy(&c, p + k, 8);
    h = (h ^ c) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  if (k < len) {
    h = (h ^ tail(p + k, len - k)) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
  }
  return h;
}

// kLowBytes[k]: the low k bytes of a 64-bit word (k <= 8).
constexpr uint64_t kLowBytes[9] = {0,           0xFF,           0xFFFF,           0xFFFFFF,      0xFFFFFFFF,
                                   0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFULL, ~uint64_t{0}};

// Keys are products of odd constants (trigrams) or XXH3 hashes (paragraphs): their
// middle bits are already mixed.
inline size_t SlotOf(uint64_t key, size_t mask) { return (key >> 32) & mask; }

}  // namespace

// The thread's trigram table: an open-addressing set of 64-bit trigram hashes,
// each with the sentence that added it. Sentences are numbered across documents;
// a slot whose owner is older than the document's first sentence is free, so a
// new document starts without clearing the table. The keys of a sentence found
// to be a repeat stay but count as absent (dead), so each trigram costs one
// probe: tested and added at once.
struct RepeatFinder::Table {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> owners;  // 0: never used
  uint32_t next_sentence = 1;
  uint32_t first = 1;            // the document's first sentence
  size_t used = 0;               // slots of this document
  std::vector<uint8_t> dead;     // by sentence - first

  void StartDocument() {
    if (next_sentence > UINT32_MAX - (1u << 24)) {  // numbers about to wrap: forget all
      std::fill(owners.begin(), owners.end(), 0);
      next_sentence = 1;
    }
    first = next_sentence;
    used = 0;
    dead.clear();
  }
  bool Live(size_t k) const { return owners[k] >= first; }

  // Makes room for `more` keys (up to kMaxTrigrams in all).
  void Reserve(size_t more) {
    size_t size = keys.size();
    size_t want = std::min(used + more, kMaxTrigrams);
    if (2 * want <= size) return;
    if (size == 0) size = 1024;
    while (2 * want > size) size *= 2;
    std::vector<uint64_t> old_keys(size);
    std::vector<uint32_t> old_owners(size, 0);
    old_keys.swap(keys);
    old_owners.swap(owners);
    size_t mask = size - 1;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_owners[i] < first) continue;
      size_t k = SlotOf(old_keys[i], mask);
      while (Live(k)) k = (k + 1) & mask;
      keys[k] = old_keys[i];
      owners[k] = old_owners[i];
    }
  }
};

// Per-thread buffers reused from paragraph to paragraph.
struct RepeatFinder::Scratch {
  // The hashes of the document's paragraphs: an open-addressing set reused from
  // document to document without clearing (a slot of an older document is free),
  // so recording a paragraph allocates nothing.
  std::vector<uint64_t> paragraph_keys;
  std::vector<uint32_t> paragraph_docs;  // 0: never used
  uint32_t doc = 0;
  size_t paragraphs = 0;  // of this document

  void StartDocument() {
    if (++doc == 0) {  // wrapped: forget all
      std::fill(paragraph_docs.begin(), paragraph_docs.end(), 0);
      doc = 1;
    }
    paragraphs = 0;
  }
  // Adds `key`; false if this document had it already.
  bool AddParagraph(uint64_t key) {
    if (2 * (paragraphs + 1) > paragraph_keys.size()) {
      size_t size = paragraph_keys.empty() ? 64 : 2 * paragraph_keys.size();
      std::vector<uint64_t> old_keys(size);
      std::vector<uint32_t> old_docs(size, 0);
      old_keys.swap(paragraph_keys);
      old_docs.swap(paragraph_docs);
      for (size_t i = 0; i < old_keys.size(); ++i)
        if (old_docs[i] == doc) Insert(old_keys[i]);
    }
    if (!Insert(key)) return false;
    ++paragraphs;
    return true;
  }
  bool Insert(uint64_t key) {
    size_t mask = paragraph_keys.size() - 1;
    for (size_t k = SlotOf(key, mask);; k = (k + 1) & mask) {
      if (paragraph_docs[k] != doc) {
        paragraph_keys[k] = key;
        paragraph_docs[k] = doc;
        return true;
      }
      if (paragraph_keys[k] == key) return false;
    }
  }

  std::vector<uint64_t> word_bits, stop_bits;  // of the paragraph being checked
  std::vector<Span> sentences;                 // its rough sentences
};

namespace {
RepeatFinder::Table& ThreadTable() {
  thread_local RepeatFinder::Table table;
  return table;
}
RepeatFinder::Scratch& ThreadScratch() {
  thread_local RepeatFinder::Scratch scratch;
  return scratch;
}
}  // namespace

RepeatFinder::RepeatFinder() : table_(ThreadTable()), scratch_(ThreadScratch()) {
  table_.StartDocument();
  scratch_.StartDocument();
}

bool RepeatFinder::RepeatedParagraph(std::string_view paragraph) {
  if (paragraph.size() < kMinParagraphBytes) return false;
  return !scratch_.AddParagraph(XXH3_64bits(paragraph.data(), paragraph.size()));
}

std::vector<Span> RepeatFinder::RepeatedSentences(std::string_view paragraph) {
  std::vector<Span> repeats;
  Table& t = table_;
  uint32_t n = static_cast<uint32_t>(paragraph.size());
  ClassifyBytes(paragraph.data(), n, scratch_.word_bits, scratch_.stop_bits);
  RoughSentences(paragraph, scratch_.stop_bits.data(), scratch_.sentences);
  const uint64_t* word_bits = scratch_.word_bits.data();
  const auto* p = reinterpret_cast<const unsigned char*>(paragraph.data());
  const unsigned char* end = p + n;
  for (Span s : scratch_.sentences) {
    // The words of the sentence (none straddles its edges: a rough sentence
    // ends before a space and starts after one), hashed, then their trigrams.
    // A sentence has fewer words than half its bytes, plus one.
    t.Reserve((s.end - s.start) / 2 + 1);
    uint32_t sentence = t.next_sentence++;
    t.dead.push_back(0);
    uint64_t* keys = t.keys.data();
    uint32_t* owners = t.owners.data();
    size_t mask = t.keys.size() - 1, room = t.keys.size() / 2;
    uint64_t h0 = 0, h1 = 0;  // hashes of the two words before
    int words = 0;
    size_t seen = 0;
    // Table fields in locals: the stores into keys and owners could alias them.
    const uint32_t first = t.first;
    const uint8_t* dead = t.dead.data();
    size_t used = t.used;
    // The words of the sentence: the runs of set bits of the word bitmap inside it,
    // found where the bitmap changes (a start where the byte is a word byte and the one
    // before is not, an end the other way round), block by block. The bits outside [start, end) are masked off,
    // so the last word ends at the sentence's end at the latest, and the block holding
    // `end` (which exists: the bitmap has n / 64 + 1 blocks) closes a word running up to
    // a block boundary.
    uint32_t b = 0;
    uint64_t carry = 0;  // the last byte of the previous block is in a word
    const uint32_t first_block = s.start / 64, last_block = s.end / 64;
    for (uint32_t blk = first_block; blk <= last_block; ++blk) {
      uint64_t m = word_bits[blk];
      if (blk == first_block) m &= ~uint64_t{0} << (s.start % 64);
      if (blk == last_block) m &= (uint64_t{1} << (s.end % 64)) - 1;
      uint64_t before = (m << 1) | carry;  // bit k: byte k - 1 is in a word
      uint64_t starts = m & ~before, ends = ~m & before;
      // Starts and ends alternate: each end closes the start before it, the first one
      // perhaps a start of an earlier block.
      bool open = carry != 0;
      carry = m >> 63;
      while (ends) {
        if (!open) {
          b = blk * 64 + static_cast<uint32_t>(__builtin_ctzll(starts));
          starts &= starts - 1;
        }
        open = false;
        uint32_t e = blk * 64 + static_cast<uint32_t>(__builtin_ctzll(ends));
        ends &= ends - 1;
        uint64_t h2;
        if (e - b <= 8 && b + 8 <= n) {  // WordHash's common case, inline
          uint64_t c;
          std::memcpy(&c, p + b, 8);
          h2 = (c & kLowBytes[e - b]) * 0x9E3779B97F4A7C15ULL;
        } else {
          h2 = WordHash(p + b, e - b, end);
        }
        uint64_t x = h0 * 0x9E3779B97F4A7C15ULL ^ (h1 * 0xC2B2AE3D27D4EB4FULL + h2);
        h0 = h1;
        h1 = h2;
        if (++words < 3) continue;
        uint64_t key = x;
        // Seen before this sentence (and not only by repeats)? Added if not.
        for (size_t k = SlotOf(key, mask);; k = (k + 1) & mask) {
          uint32_t owner = owners[k];
          if (owner < first) {  // free
            if (used < room) {
              keys[k] = key;
              owners[k] = sentence;
              ++used;
            }
            break;
          }
          if (keys[k] != key) continue;
          if (owner == sentence) break;  // twice in this sentence: not seen before it
          if (!dead[owner - first]) {
            ++seen;
            break;
          }
          owners[k] = sentence;  // added by repeats only: as if absent
          break;
        }
      }
      if (starts) b = blk * 64 + static_cast<uint32_t>(__builtin_ctzll(starts));  // runs on
    }
    t.used = used;
    size_t trigrams = words >= 3 ? words - 2 : 0;  // one per word from the third on
    if (words >= kMinWords && trigrams > 0 && seen >= kContainment * trigrams) {
      t.dead[sentence - t.first] = 1;  // its trigrams count as never added
      repeats.push_back(s);
    }
  }
  return repeats;
}

}  // namespace veille
