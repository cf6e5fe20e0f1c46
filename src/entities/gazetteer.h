// Finds dictionary names in text in one pass: a trie over the skeleton keys of
// words (entities/skeleton.h), so "Sergueï Riabkov", "Sergey Ryabkov" and
// "SERGEI RIABKOV" are one name. Matches map back to exact byte spans.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/span.h"
#include "entities/skeleton.h"

namespace veille {

class Gazetteer {
 public:
  explicit Gazetteer(const Skeleton& skeleton) : skeleton_(skeleton) { nodes_.emplace_back(); }

  // Adds `name` (one or more words) for entry `value`. With `capitalised`, a
  // match needs an upper-case first letter in the text (person and place
  // names); without, any case matches (demonyms: "russe", "Russe").
  void Add(std::string_view name, uint32_t value, bool capitalised = true);

  struct Match {
    Span span;                    // in the text
    std::vector<uint32_t> values; // every entry with this name
    int words = 0;
  };
  // Longest matches, left to right, non-overlapping.
  std::vector<Match> Find(std::string_view text) const;

  // A word of text: span and key. Elided articles ("d'", "l'", "qu'") are not
  // part of the following word; hyphens separate words.
  struct Word {
    Span span;
    std::string key;     // skeleton key; filled by Words(), or lazily by Find()
    std::string folded;  // Skeleton::Fold of the word, filled lazily by Find()
    bool capitalised;
  };
  // The words of `text` without keys: scan once, then pass them to Find() of
  // several gazetteers built on the same Skeleton (keys are computed once).
  std::vector<Word> Scan(std::string_view text) const { return Words(text, false); }
  std::vector<Match> Find(std::string_view text, std::vector<Word>& words) const;

  std::vector<Word> Words(std::string_view text) const { return Words(text, true); }

  size_t size() const { return entries_; }

 private:
  struct Value {
    uint32_t value;
    bool capitalised;
    bool acronym;  // an all-capitals name ("UN", "OTAN"): matches only all-capitals text
  };
  struct Node {
    std::vector<Value> values;
  };
  std::vector<Word> Words(std::string_view text, bool with_keys) const;
  int Child(int node, const std::string& key) const;
  // Folded first words of names that match in any case (demonyms): only these
  // and capitalised words can start a match, so most words need no key.
  std::unordered_set<std::string> lower_starts_;
  // True while every name matches in any case (titles): then a capitalised word
  // must be in lower_starts_ too, and most capitalised words need no key either.
  bool any_case_only_ = true;
  const Skeleton& skeleton_;
  std::vector<Node> nodes_;
  std::unordered_map<std::string, int> edges_;  // node id + '\x1f' + key -> child
  size_t entries_ = 0;
};

}  // namespace veille
