// French verb patterns (dict/verbs/fr/*.tsv) and polarity cues (modality.tsv);
// the format is documented in dict/verbs/fr/README.md.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/hash.h"
#include "events/codebook.h"

namespace veille {

// One element after the head: a word (with alternatives) or an actor slot, the
// latter possibly introduced by a preposition ("avec [T]", "à|en [T]").
struct PatternElement {
  enum class Kind { kWord, kSource, kTarget };
  Kind kind = Kind::kWord;
  std::vector<std::string> words;  // kWord: alternative lemmas; slots: prepositions ("" none)
  std::vector<uint64_t> keys;      // WordKey (core/hash.h) of each alternative; slots: of each
                                   // preposition's first word ("auprès" of "auprès_de")
  std::string actor_class;         // slots: "" any actor, "pop" a population ("des Vénézuéliens")
  // Slots: how each preposition is tested, decided once at load: "à" and "de" (which also
  // match au, aux, du, des, d'), "en", another word (its lemma), or several ("auprès_de").
  enum class Prep : uint8_t { kA, kDe, kEn, kWord, kWords };
  std::vector<Prep> prep_kinds;
};

struct VerbPattern {
  std::string code;
  std::string head;        // lemma of the head word
  bool noun = false;       // head is a noun ("visite:n")
  bool reflexive = false;  // "se rendre", "s'entretenir"
  std::vector<PatternElement> elements;
  std::string text;        // the pattern as written
  std::string example;
  std::string rule;        // "dict/verbs/fr/04-consult.tsv:12"
  int order = 0;           // position over all files (earlier wins ties)

  bool has_source_slot() const;
  bool has_target_slot() const;
};

enum class Modality { kNone, kHypothetical, kDenied, kNegated, kReported, kNegatedHypothetical, kIntent, kThreat, kReject };

class PatternSet {
 public:
  // Loads every dict/verbs/fr/NN-*.tsv and dict/verbs/fr/modality.tsv. Throws DictError.
  static PatternSet Load(const Codebook& codebook);

  // Patterns whose head is `lemma` (verb heads or noun heads), in dictionary order. `key`
  // is WordKey(lemma) (core/hash.h) when the caller has it already.
  const std::vector<const VerbPattern*>& ForHead(std::string_view lemma, bool noun) const;
  const std::vector<const VerbPattern*>& ForHead(std::string_view lemma, uint64_t key, bool noun) const {
    // Most nouns and verbs head no pattern: a bit per key says so without a probe.
    const uint64_t* bits = head_bits_[noun ? 1 : 0];
    if (!((bits[(key >> 6) & (kHeadBitWords - 1)] >> (key & 63)) & 1)) return kNoPatterns;
    return Find(lemma, key, noun);
  }
  const std::vector<VerbPattern>& all() const { return patterns_; }

  // The polarity cue of a governing word, kNone when it has none.
  Modality ModalityOf(std::string_view lemma) const {
    // Most words have none: a bit per key says so without making a string and hashing it.
    const uint64_t key = WordKey(lemma);
    if (!((modality_bits_[(key >> 6) & (kHeadBitWords - 1)] >> (key & 63)) & 1)) return Modality::kNone;
    return FindModality(lemma);
  }
  const std::string* ModalityRule(std::string_view lemma) const;
  // The modality entries as (lemma, example) for tests.
  const std::vector<std::pair<std::string, std::string>>& modality_examples() const { return modality_examples_; }
  // dict/verbs/fr/abstract-objects.tsv: the line ("dict/verbs/fr/abstract-objects.tsv:12")
  // of a noun lemma naming no person, group, place or materiel ("décision", "effort"), or
  // nullptr. A material act whose object is headed by one is no act on anyone.
  const std::string* AbstractObject(std::string_view lemma) const;

 private:
  std::vector<VerbPattern> patterns_;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // The patterns of each head: an open-addressing table on WordKey(head) (a quarter full,
  // so a word heading nothing usually stops at its first slot), one for verbs, one for nouns.
  struct HeadSlot {
    uint64_t key = 0;
    std::string head;  // "" for an empty slot
    std::vector<const VerbPattern*> patterns;
  };
  std::vector<HeadSlot> heads_[2];
  // A bit filter of the heads' keys, one for verbs, one for nouns (4,096 bits each; a few
  // hundred heads set a small part of them).
  static constexpr size_t kHeadBitWords = 64;
  uint64_t head_bits_[2][kHeadBitWords] = {};
  static const std::vector<const VerbPattern*> kNoPatterns;
  uint64_t modality_bits_[kHeadBitWords] = {};  // the same for the lemmas of modality.tsv
  Modality FindModality(std::string_view lemma) const;
  const std::vector<const VerbPattern*>& Find(std::string_view lemma, uint64_t key, bool noun) const;
  std::unordered_map<std::string, std::pair<Modality, std::string>> modality_;
  std::vector<std::pair<std::string, std::string>> modality_examples_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> abstract_;
};

const char* ModalityName(Modality m);

}  // namespace veille
