// Perceptron features of the tagger (internal to src/syntax/): each word is described once
// (hashes of its form, lower case, suffixes, prefixes and shape), then the features of a
// position combine the descriptions of the word, its neighbours and the previous two tags
// into 64-bit hashed feature ids. Training and tagging use the same code.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/hash.h"

namespace veille::syntax {

// The feature templates (Extract writes one feature of each).
enum Template : uint64_t {
  kBias = 1, kWord, kLower, kSuf1, kSuf2, kSuf3, kSuf4, kPre1, kPre3, kShape, kPrev, kPrev2, kPrevPrev2,
  kPrevLower, kLowerM1, kSuf3M1, kLowerM2, kLowerP1, kSuf3P1, kLowerP2, kFirstShape, kPrevSuf3, kBigramM1,
  kBigramP1, kPrevLowerP1, kAmb, kAmbP1, kPrevAmb,
};

constexpr int kMaxFeatures = 32;  // Extract writes 28; raise this when adding templates
constexpr int kStartTag = 255;  // the "tag" before the first word

using ::veille::Mix64;  // core/hash.h

// A feature id: template `t` with one value, or with two.
inline uint64_t Feature(uint64_t t, uint64_t a) { return Mix64(a + t * 0x9E3779B97F4A7C15ULL); }
inline uint64_t Feature2(uint64_t t, uint64_t a, uint64_t b) {
  return Mix64(Mix64(a) ^ (b + t * 0x9E3779B97F4A7C15ULL));
}

// The 64-bit hash of a string (XXH3, stable across machines and versions).
uint64_t HashBytes(std::string_view s);

struct WordInfo {
  uint64_t word = 0;     // the form as written
  uint64_t lower = 0;    // lower case
  uint64_t suf[4] = {};  // last 1..4 characters of the lower-case form
  uint64_t pre1 = 0, pre3 = 0;
  uint64_t shape = 0;    // "Xxx", "d/d/d", "x'", ...
  uint32_t amb = 0;      // the UPOS the lower-case form has in the lexicon (bit set), 0 if unknown
};

// Describes `form`; `lower` receives its lower-case form.
void Describe(std::string_view form, WordInfo* w, std::string* lower);

// The description of the positions before the first and after the last word.
const WordInfo& StartWord();
const WordInfo& EndWord();

// Writes the features of position i of words[0..n) given the two previous tags; returns
// how many (at most kMaxFeatures).
int Extract(const WordInfo* words, int n, int i, int prev, int prev2, uint64_t* out);

// Extract's features split by what they depend on, for decoders that cache the sums of
// their weights (decode.cpp): together, the same multiset of features as Extract. Each
// writes at most kMaxGroupFeatures and returns how many.
constexpr int kMaxGroupFeatures = 12;
// The word alone (`first`: it is the first of the sentence).
int SelfFeatures(const WordInfo& w, bool first, uint64_t* out);
// The word as the previous one (M1), the one before (M2), the next (P1), the one after (P2).
int M1Features(const WordInfo& m1, uint64_t* out);
int M2Features(const WordInfo& m2, uint64_t* out);
int P1Features(const WordInfo& p1, uint64_t* out);
int P2Features(const WordInfo& p2, uint64_t* out);
// The two previous tags alone.
int TagFeatures(int prev, int prev2, uint64_t* out);
// The rest: the word with its neighbours or with the previous tag.
int MixedFeatures(const WordInfo& w, const WordInfo& m1, const WordInfo& p1, int prev, uint64_t* out);
// The same given the Premix of w and p1 (Feature2's first Mix64, computed once per form).
struct Premixed {
  uint64_t lower = 0, suf3 = 0, amb = 0;
};
inline Premixed Premix(const WordInfo& w) { return Premixed{Mix64(w.lower), Mix64(w.suf[2]), Mix64(w.amb)}; }
// MixedFeatures in three groups, for decoders that cache the first two: the word with the
// previous tag (3), the next word with the previous tag (1), the word with its neighbours (2).
inline int WordPrevFeatures(const Premixed& pw, int prev, uint64_t* out) {
  const uint64_t k = 0x9E3779B97F4A7C15ULL;
  const uint64_t b = static_cast<uint64_t>(prev);
  out[0] = Mix64(pw.lower ^ (b + kPrevLower * k));  // Feature2(kPrevLower, w.lower, prev)
  out[1] = Mix64(pw.suf3 ^ (b + kPrevSuf3 * k));
  out[2] = Mix64(pw.amb ^ (b + kPrevAmb * k));
  return 3;
}
inline int NextPrevFeatures(const Premixed& pp1, int prev, uint64_t* out) {
  const uint64_t k = 0x9E3779B97F4A7C15ULL;
  out[0] = Mix64(pp1.lower ^ (static_cast<uint64_t>(prev) + kPrevLowerP1 * k));
  return 1;
}
inline int BigramFeatures(const Premixed& pw, uint64_t m1_lower, uint64_t p1_lower, uint64_t* out) {
  const uint64_t k = 0x9E3779B97F4A7C15ULL;
  out[0] = Mix64(pw.lower ^ (m1_lower + kBigramM1 * k));
  out[1] = Mix64(pw.lower ^ (p1_lower + kBigramP1 * k));
  return 2;
}
// The same given only what they read of m1 and p1: their lower-case hashes (WordInfo::lower).
inline int MixedFeatures(const Premixed& pw, uint64_t m1_lower, uint64_t p1_lower, const Premixed& pp1, int prev,
                         uint64_t* out) {
  int k = WordPrevFeatures(pw, prev, out);
  k += NextPrevFeatures(pp1, prev, out + k);
  return k + BigramFeatures(pw, m1_lower, p1_lower, out + k);
}
inline int MixedFeatures(const WordInfo& w, const Premixed& pw, const WordInfo& m1, const WordInfo& p1,
                         const Premixed& pp1, int prev, uint64_t* out) {
  (void)w;
  return MixedFeatures(pw, m1.lower, p1.lower, pp1, prev, out);
}

}  // namespace veille::syntax
