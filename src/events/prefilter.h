// Which sentences can hold an event, decided before tagging them (the POS tagger is the
// costliest stage, and most sentences naming an actor have no event word).
//
// The event coder matches patterns only at a token tagged VERB or NOUN whose lemma is the
// head of a pattern of dict/verbs/fr/. The prefilter tokenises a sentence the way the
// tagger does and asks, for every word, whether the tagger could give it such a lemma
// under either tag (the lexicon, the suffix rules and the verb overrides, exactly as
// Tagger::Run would). A sentence with no such word yields no event whatever its tags, so
// leaving it untagged changes no event. The answer per form is cached per thread.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/doc.h"
#include "events/patterns.h"
#include "syntax/tagger.h"

namespace veille {

class EventPrefilter {
 public:
  // Keeps references to both: they must outlive the prefilter.
  EventPrefilter(const PatternSet& patterns, const Tagger& tagger);

  // The sentences of `candidates` (indices into doc.sentences, in order) with at least
  // one word that can be the head of a pattern.
  std::vector<uint32_t> Select(const Doc& doc, const std::vector<uint32_t>& candidates) const;
  // The same, with their tokens (Tagger::Tokenize's), ready for Tagger::Run: *out is
  // replaced, its sentences in increasing order.
  void Select(const Doc& doc, const std::vector<uint32_t>& candidates, Tagger::Tokenized* out) const;
  // The same with the tokens of doc's sentences in `words` (the pipeline's, which the
  // named-entity tagger has read already; syntax/tokenizer.h).
  void Select(const Doc& doc, const std::vector<uint32_t>& candidates, SentenceTokens* words,
              Tagger::Tokenized* out) const;

  // Whether the word `form` (as written) can be tagged and lemmatised into a head.
  bool CanBeHead(std::string_view form) const;

 private:
  bool Compute(std::string_view lower) const;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> verb_heads_, noun_heads_;
  const Tagger& tagger_;
  uint64_t id_;  // tells this prefilter's cached answers from another's
};

}  // namespace veille
