// A necessary condition for a verb pattern's words before trying it: every word element
// ("signer accord", "faire part de") needs one of its alternatives somewhere in the
// sentence, as a lemma or as a form (ASCII lower-cased), which is how the coder matches
// words. A small Bloom filter of the sentence's lemmas and forms answers "maybe" or a
// certain "no"; most patterns of a frequent head ("faire", "appeler") fail on their
// words, and are skipped without a look at the window.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "events/patterns.h"
#include "events/structure.h"

namespace veille::events {

class WordFilter {
 public:
  explicit WordFilter(const PatternSet& patterns);

  // The words of one sentence (its lemmas and forms) as a Bloom filter.
  struct Words {
    static constexpr size_t kWords = 16;  // 1,024 bits: a sentence sets ~50
    std::array<uint64_t, kWords> bits{};
    void Add(uint64_t key) { bits[(key >> 6) & (kWords - 1)] |= uint64_t{1} << (key & 63); }
    bool Has(uint64_t key) const { return bits[(key >> 6) & (kWords - 1)] & (uint64_t{1} << (key & 63)); }
  };
  static Words Of(const SentenceView& s);

  // False only when a word element of `p` (one of the set's patterns) has none of its
  // alternatives among the sentence's words.
  bool MayMatch(const Words& words, const VerbPattern& p) const;

 private:
  static uint64_t Key(std::string_view word);

  const VerbPattern* first_ = nullptr;  // patterns.all()[0]: a pattern's index is p - first_
  // Per pattern, per word element, the keys of its alternatives.
  std::vector<std::vector<std::vector<uint64_t>>> keys_;
};

}  // namespace veille::events
