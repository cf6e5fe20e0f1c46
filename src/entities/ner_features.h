// Features of the named-entity tagger (internal to entities/): each word is described once
// (the POS tagger's hashes of its form, lower case, affixes and shape, plus its case class
// and its gazetteer bits), then the features of a position combine the word, its
// neighbours (±2) and the previous two tags into hashed ids. Training and tagging share it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "syntax/features.h"

namespace veille::ner {

constexpr int kMaxNerFeatures = 32;

// Gazetteer bits of a lower-case word.
enum GazBit : uint32_t {
  kGivenName = 1,    // a given name (fr-ner-words.tsv, or the first word of a person's name)
  kPersonWord = 2,   // a word of a known person's name
  kOrgWord = 4,      // a word of a known organisation's name
  kPlaceWord = 8,    // a word of a country, capital or seat of power
  kTitleWord = 16,   // a word of a title ("président", "porte-parole")
  kDemonym = 32,     // "russe", "vénézuélienne"
  kOrgCue = 64,      // fr-ner-words.tsv: "association", "société", "université"
  kPlaceCue = 128,   // fr-ner-words.tsv: "rue", "ville", "région"
  kPersonCue = 256,  // fr-ner-words.tsv: "M.", "Mme", "analyste", "chercheuse"
};

// Lower-case word -> gazetteer bits, from dict/actors/ and dict/models/fr-ner-words.tsv.
class NerLexicon {
 public:
  // Loads the dictionaries under DictRoot(). Throws DictError.
  static NerLexicon Load();
  uint32_t Bits(const std::string& lower) const {
    auto it = bits_.find(lower);
    return it == bits_.end() ? 0 : it->second;
  }
  void Add(std::string_view phrase, uint32_t bit);  // every word of `phrase`, lower-cased
  // Tells apart the contents of lexicons in the per-thread cache of DescribeWord: a new
  // one for each Add (copies share it, and their contents).
  uint64_t id() const { return id_; }

 private:
  std::unordered_map<std::string, uint32_t> bits_;
  uint64_t id_ = 0;
};

// The hashed features that depend on one word alone, as itself (kOwn*) or as a neighbour
// (kAs*): computed once per word (and remembered per form) instead of once per position.
enum WordFeature {
  kOwnWord, kOwnLower, kOwnSuf2, kOwnSuf3, kOwnSuf4, kOwnPre3, kOwnShape, kOwnGaz, kOwnGazKind,
  kAsLowerM1, kAsLowerP1, kAsLowerM2, kAsLowerP2, kAsShapeM1, kAsShapeP1, kAsGazM1, kAsGazP1,
  kWordFeatures
};

struct NerWord {
  syntax::WordInfo info;
  uint32_t gaz = 0;
  uint32_t kind = 0;  // 0 other, 1 lower-case word, 2 Capitalised, 3 ALL CAPS, 4 number, 5 punctuation
  uint64_t f[kWordFeatures] = {};  // filled by HashWordFeatures from the fields above
  // syntax::Mix64 of info.lower, kind and gaz: the first half of the pair features' hashes.
  uint64_t mix_lower = 0, mix_kind = 0, mix_gaz = 0;
};

// Fills w->f from w->info, w->gaz and w->kind.
void HashWordFeatures(NerWord* w);

// Describes `form` (fields and word features); `lower` receives its lower-case form.
void DescribeWord(std::string_view form, const NerLexicon& lexicon, NerWord* w, std::string* lower);

// The position features that are not word features, in three parts: with the word features
// of the position's five words, the same features as ExtractNer.
// (1) Those of the word's kind, whether it is the first, and the two previous tags (bias,
// kind and first, previous tag, previous two tags, kind and previous tag): few values, so
// that the tagger adds their rows from a table built once per model.
int ExtractNerTagKind(uint32_t kind, bool first, int prev, int prev2, uint64_t* out);
// (2) The kinds of the word before, the word and the word after (kinds are below 8).
uint64_t NerKindsFeature(uint32_t m1, uint32_t w, uint32_t p1);
// (3) The pairs: the word's lower case and bits with the previous tag, neighbours' lower
// case with the word's kind, the two words before.
int ExtractNerPairs(const NerWord* words, int n, int i, int prev, uint64_t* out);
// ExtractNerPairs' features one by one (w: the word, m1 and m2: the words before, p1: after):
// those of the word with the previous tag, the neighbours' with the word's kind, the bigram.
uint64_t NerPrevLowerFeature(const NerWord& w, int prev);
uint64_t NerPrevGazFeature(const NerWord& w, int prev);
uint64_t NerLowerM1KindFeature(const NerWord& m1, uint32_t kind);
uint64_t NerBigramFeature(const NerWord& m1, const NerWord& m2);
// The same in two halves, for decoders that keep the second per word:
// NerBigramFeature(m1, m2) == NerBigramJoin(m1.mix_lower, NerBigramPart(m2)).
uint64_t NerBigramPart(const NerWord& m2);
inline uint64_t NerBigramJoin(uint64_t m1_mix_lower, uint64_t part) { return syntax::Mix64(m1_mix_lower ^ part); }
uint64_t NerLowerP1KindFeature(const NerWord& p1, uint32_t kind);

// The words standing before the first (start) and after the last word.
const NerWord& BoundaryWord(bool start);

// The "tag" before the first word.
constexpr int kStart = 255;

// Writes the features of position i of words[0..n) given the two previous tags; returns
// how many (at most kMaxNerFeatures).
int ExtractNer(const NerWord* words, int n, int i, int prev, int prev2, uint64_t* out);

}  // namespace veille::ner
