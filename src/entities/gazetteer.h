// Finds dictionary names in text in one pass: a trie over the skeleton keys of
// words (entities/skeleton.h), so "Sergueï Riabkov", "Sergey Ryabkov" and
// "SERGEI RIABKOV" are one name. Matches map back to exact byte spans.
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
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
    // Every entry with this name that matches the text's case (held by the gazetteer:
    // valid while no name is added).
    std::span<const uint32_t> values;
    int words = 0;
  };
  // Longest matches, left to right, non-overlapping.
  std::vector<Match> Find(std::string_view text) const;

  // A word of text: span and key. Elided articles ("d'", "l'", "qu'") are not
  // part of the following word; hyphens separate words. The key is kept in the Words'
  // side string (Key()): a word is 40 bytes, no string.
  struct Word {
    Span span;
    uint32_t key_at = 0, key_len = 0;        // skeleton key in Words::side; filled by WordsOf(), or lazily by Find()
    bool capitalised;
    bool keyed = false;        // key and key_hash are set
    bool fold_hashed = false;  // fold_hash is set
    uint64_t key_hash = 0;   // Skeleton::KeyHash of the key (trie steps without a string key)
    uint64_t fold_hash = 0;  // hash of the folded word (first-word filter), without folding ASCII words
  };
  // The words of a text and the side string of their keys.
  struct Words {
    std::vector<Word> list;
    std::string side;
    std::string_view Key(const Word& w) const { return std::string_view(side).substr(w.key_at, w.key_len); }
    std::vector<Word>::const_iterator begin() const { return list.begin(); }
    std::vector<Word>::const_iterator end() const { return list.end(); }
    size_t size() const { return list.size(); }
  };
  // The first-word filter of lower-case words (bits of FoldHash), of one gazetteer or
  // of several (AnyOf).
  static constexpr size_t kStartWords = 256;  // 16384 bits
  using StartBits = std::array<uint64_t, kStartWords>;
  const StartBits& start_bits() const { return start_bits_; }
  static StartBits AnyOf(std::initializer_list<const Gazetteer*> gazetteers);

  // The words of `text` that may start a name of a gazetteer whose start_bits() are in
  // `starts` (capitalised words and lower-case words that pass the filter), without keys:
  // scan once, then pass them to Find() of several gazetteers built on the same Skeleton
  // (keys are computed once). The other words are not kept: Find() reads the words after
  // a first word from the text.
  Words Scan(std::string_view text, const StartBits& starts) const { return MakeWords(text, false, &starts); }
  // Every word of `text` (tests).
  Words Scan(std::string_view text) const { return MakeWords(text, false, nullptr); }
  // `words` from Scan(text, starts) with this gazetteer's start_bits() in `starts`.
  std::vector<Match> Find(std::string_view text, Words& words) const;

  Words WordsOf(std::string_view text) const { return MakeWords(text, true, nullptr); }

  // The first match of Find(text) when it starts at byte 0 (without looking further).
  bool FindAtStart(std::string_view text, Match* m) const;

  size_t size() const { return entries_; }

  // The first-word filter: false only when no name that matches in any case starts
  // with a word of this folded hash (MaybeLowerStart never wrongly says no).
  bool MaybeLowerStart(uint64_t fold_hash) const {
    return (start_bits_[(fold_hash >> 6) & (kStartWords - 1)] >> (fold_hash & 63)) & 1;
  }
  // Hash of Skeleton::Fold(word), computed without folding when the word is ASCII.
  static uint64_t FoldHash(std::string_view word);

 private:
  struct Value {
    uint32_t value;
    bool capitalised;
    bool acronym;  // an all-capitals name ("UN", "OTAN"): matches only all-capitals text
  };
  struct Node {
    std::vector<Value> values;
    // The values that match when the first word is capitalised (bit 0) and the text is in
    // capitals (bit 1), in the order of `values`.
    std::vector<uint32_t> matching[4];
    int parent = -1;
    bool leaf = true;  // no longer name goes on from here
    std::string key;  // of the edge from parent
  };
  // Edges in one open-addressing table keyed by a hash of (parent, key hash); a slot
  // is taken only after checking the child's parent and key (collisions probe on).
  struct Edge {
    uint64_t hash = 0;
    int child = 0;  // 0: empty (the root is nobody's child)
  };
  Words MakeWords(std::string_view text, bool with_keys, const StartBits* starts) const;
  // The longest name starting at the word words.list[first]: its node (< 0: none), end in the
  // text and length in words.
  int LongestAt(std::string_view text, Words& words, size_t first, uint32_t* end, int* length) const;
  // Whether the word `w` of `words` passes this gazetteer's first-word checks.
  bool MayStart(std::string_view text, Word& w) const;
  // The longest name at words.list[i] in *m; false when none.
  bool MatchAt(std::string_view text, Words& words, size_t i, Match* m) const;
  // Sets the key of `w`, a word of `words` (once: the three gazetteers share it).
  void KeyWord(std::string_view text, Words& words, Word& w) const;
  int Child(int node, std::string_view key, uint64_t key_hash) const;
  void Link(int node, int child, uint64_t key_hash);
  StartBits start_bits_{};
  // KeyHash of the first word of every name (a root edge): a word whose bit is not set
  // starts no name.
  StartBits first_key_bits_{};
  // Folded first words of names that match in any case (demonyms): only these
  // and capitalised words can start a match, so most words need no key.
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, StringHash, std::equal_to<>> lower_starts_;
  // Their FoldHash: a word whose hash is not here needs no folding.
  std::unordered_set<uint64_t> lower_start_hashes_;
  // True while every name matches in any case (titles): then a capitalised word
  // must be in lower_starts_ too, and most capitalised words need no key either.
  bool any_case_only_ = true;
  const Skeleton& skeleton_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_ = std::vector<Edge>(16);
  size_t edge_count_ = 0;
  size_t entries_ = 0;
};

}  // namespace veille
