// The quote finder's knowledge: speech verbs with their generated forms
// (dict/quotes/verbs.tsv) and small closed word classes (dict/quotes/words.tsv).
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
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

  // The speech verb whose first word is words[i] (after optional clitics), if any.
  bool MatchVerb(const std::vector<Word>& words, size_t i, VerbMatch* m) const;

  bool Is(const std::string& word, const std::string& cls) const;
  // Listed adverbs, and lower-case -ment words (simplement, fermement).
  bool IsAdverb(const Word& w) const;
  size_t verbs() const { return verbs_.size(); }

 private:
  bool MatchForm(const std::vector<Word>& words, size_t i, Slot slot, bool reflexive, VerbMatch* m) const;
  size_t SkipAdverbs(const std::vector<Word>& words, size_t i) const;

  std::vector<std::unique_ptr<Verb>> verbs_;
  std::multimap<std::string, Form> forms_;  // by first word
  std::set<std::pair<std::string, std::string>> classes_;  // (word, class)
};

}  // namespace veille::quotes
