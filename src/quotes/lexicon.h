// The quote finder's knowledge: speech verbs with their generated forms
// (dict/quotes/verbs.tsv) and small closed word classes (dict/quotes/words.tsv).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quotes/words.h"

namespace veille::quotes {

enum class VerbKind { kSay, kIncise, kJudge };

struct Verb {
  std::string lemma;
  VerbKind kind;
  bool reflexive = false;
  std::string rule;  // "dict/quotes/verbs.tsv:12"
};

// How a form stands in a clause.
enum class Slot {
  kParticiple,  // needs an auxiliary: a déclaré, s'est dit
  kFinite,      // déclare, déclarait, déclara, déclarera
  kInverted,    // déclare-t-il (subject pronoun inside)
  kGerund,      // ajoutant (que…)
};

struct Form {
  std::vector<std::string> words;  // lower case, e.g. {"fait", "savoir"}
  const Verb* verb;
  Slot slot;
};

// A speech verb found in the text: words [begin, end).
struct VerbMatch {
  size_t begin = 0, end = 0;
  const Verb* verb = nullptr;
  Slot slot = Slot::kFinite;
  bool inverted = false;  // a-t-il déclaré, déclare-t-elle: the subject is a pronoun inside the verb
};

class Lexicon {
 public:
  // Loads dict/quotes/verbs.tsv and words.tsv. Throws DictError.
  Lexicon();
  Lexicon(const Lexicon&) = delete;  // known_ points into forms_
  Lexicon& operator=(const Lexicon&) = delete;

  // The speech verb whose first word is words[i] (after optional clitics), if any.
  bool MatchVerb(const std::vector<Word>& words, size_t i, VerbMatch* m) const;

  // cls: adverb, clitic, pronoun, source, stop, time, det or person (false for any other).
  bool Is(std::string_view word, std::string_view cls) const;
  // The same with the bits below, for a word of the text (annotated or not).
  static constexpr uint8_t kAdverb = 1, kClitic = 2, kPronoun = 4, kSource = 8, kStop = 16, kTime = 32, kDet = 64,
                           kPerson = 128;
  bool Is(const Word& w, uint8_t cls) const { return (ClassesOf(w) & cls) != 0; }
  // Looks up every word's classes and forms once (Word::annotated), by its Word::hash.
  void Annotate(std::vector<Word>* words) const;
  // Listed adverbs, and lower-case -ment words (simplement, fermement).
  bool IsAdverb(const Word& w) const;
  // Whether a words.tsv entry of several words may start at w (false: none does).
  bool MayStartPhrase(const Word& w) const { return !w.annotated || w.starts_phrase; }
  // Word::aux: an auxiliary of avoir ("a", "ont") or être ("est"), or one with its subject
  // pronoun ("a-t-il", "est-elle").
  static constexpr uint8_t kAuxAvoir = 1, kAuxEtre = 2, kAuxAvoirInverted = 4, kAuxEtreInverted = 8;
  size_t verbs() const { return verbs_.size(); }

 private:
  bool MatchForm(const std::vector<Word>& words, size_t i, Slot slot, bool reflexive, VerbMatch* m) const;
  // The same with the forms whose first word is words[i] (looked up once for several slots).
  bool MatchForm(const std::vector<Form>& forms, const std::vector<Word>& words, size_t i, Slot slot, bool reflexive,
                 VerbMatch* m) const;
  size_t SkipAdverbs(const std::vector<Word>& words, size_t i) const;
  // Inline for the annotated words (all of the finder's): Is() is asked for most words.
  uint8_t ClassesOf(const Word& w) const { return w.annotated ? w.classes : ClassesOfUnannotated(w); }
  uint8_t ClassesOfUnannotated(const Word& w) const;
  const std::vector<Form>* FormsOf(const Word& w) const;

  // Hash of a std::string or std::string_view (lookups without a copy of the word): FNV-1a,
  // inline (words are short: cheaper than a call to std::hash).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      uint64_t h = 1469598103934665603ULL;
      for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  template <class T>
  using ByWord = std::unordered_map<std::string, T, Hash, std::equal_to<>>;

  std::vector<std::unique_ptr<Verb>> verbs_;
  ByWord<std::vector<Form>> forms_;  // by first word, in the order of verbs.tsv
  ByWord<uint8_t> classes_;          // word -> its classes (one bit each)
  struct Known {
    uint8_t classes = 0;
    const std::vector<Form>* forms = nullptr;
    bool may_start_verb = false;  // Word::may_start_verb
    bool starts_phrase = false;   // Word::starts_phrase
    uint8_t aux = 0;              // Word::aux
  };
  ByWord<Known> known_;  // both of the above in one table
  // known_ again as an open-addressing table for Annotate (one probe for most words): a
  // quarter full, each slot with its word's hash, so most misses compare no string.
  // The slot hash of a word from its WordHash.
  static size_t Mix(uint64_t h) { return static_cast<size_t>(h ^ (h >> 29)); }
  struct Entry {
    size_t hash = 0;
    std::string_view word;        // a key of known_
    const Known* known = nullptr;  // nullptr: empty slot
  };
  std::vector<Entry> slots_;
  size_t mask_ = 0;
  size_t max_known_ = 0;  // the longest word of known_ (longer words are looked up in vain)
};

}  // namespace veille::quotes
