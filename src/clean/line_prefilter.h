// Line prefilter (internal to clean/): necessary conditions derived from the line rules'
// patterns, so that most lines are known to match no rule without running RE2.
//
// Each pattern is parsed (clean/line_pattern.h: sets of characters, never stricter than
// RE2) and reduced to conditions that every line it matches in full must meet:
//   - its first kPrefixChars characters: a set of sequences of character sets (a literal
//     alternation like "lire aussi|voir aussi" gives "lire " and "voir "; `\p{Lu}` any
//     capital); a line shorter than a sequence must end where the match ends;
//   - its last kSuffixChars characters, position by position;
//   - its characters: the set every character of the line belongs to (a photo credit has
//     letters, '.', ''', '-', '/', '|', ':' and spaces, never a comma or a digit), and a set
//     one of which it must hold (a list of names needs a comma).
// A rule whose optional parts bring a requirement (the "X/" before a photo agency) is split
// into cases, one entry (bit) each: the case without them gets a strong prefix.
// Candidates() checks the cheap conditions first (each prefix and suffix position alone,
// then the few required punctuation characters, 16 bytes at a time), then the prefix
// sequences, then the characters byte by byte, each on the entries still alive.
// Invariant: every rule that matches a line is among its candidates (the tests compare
// with RE2 alone on every line of samples/, tests/data and ../shared/corpus). A construct
// the parser does not know leaves its rule without conditions (always tested with RE2).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

class LinePrefilter {
 public:
  static constexpr int kPrefixChars = 5;
  static constexpr int kSuffixChars = 2;

  // Adds the next rule's pattern (RE2 syntax, matched against the whole line) and the
  // further patterns the whole line must also match (their conditions are added).
  void Add(std::string_view pattern, const std::vector<std::string>& also = {});
  // Builds the lookup tables; call once after the last Add.
  void Build();

  // False when no rule can match the whole of `line` (valid UTF-8); true when one may.
  bool MayMatch(std::string_view line) const;
  // The candidates for `line` as a bit mask of entries (rules, or cases of a rule):
  // 0 when no rule can match. Every rule that matches the line is among them.
  uint64_t Candidates(std::string_view line) const;
  // The rules (bit i: the i-th rule added) the candidates belong to; all bits when the
  // prefilter is off (more than 64 rules).
  uint64_t Rules(uint64_t candidates) const;

  // How many rules (or cases of a rule) got a prefix condition, and how many there are.
  int rules_with_prefix() const { return rules_with_prefix_; }
  int entries() const { return entries_; }

  // The conditions as the .cpp builds them.
  // 0..127 ASCII, 128..191 non-ASCII characters by code point & 63, 192 end of line
  static constexpr int kKeys = 193;
  // A set of characters: ASCII bytes, buckets of non-ASCII characters, the end of the line.
  struct CharClass {
    uint64_t lo = 0, hi = 0, na = 0;
    bool eol = false;
    bool Has(int key) const;
  };
  using Prefix = std::array<CharClass, kPrefixChars>;
  struct Rule {
    bool has_prefix = false;
    std::vector<Prefix> prefixes;  // the line's first characters match one of them
    bool has_suffix = false;
    std::vector<Prefix> suffixes;  // its last characters (last first) match one of them
    CharClass chars;               // every character of the line is in it
    bool has_required = false;
    CharClass required;            // the line holds one of them
  };
  struct Pending {
    Rule whole;
    std::vector<Rule> cases;  // the rule split by its optional parts (may be empty)
  };

 private:
  static Rule Analyse(const void* tree);  // tree: the parsed pattern (internal type)
  std::vector<Pending> pending_;     // cleared by Build
  int entries_ = 0;                  // rules and cases, one bit each
  bool always_ = false;              // more than 64 rules: no filtering
  int rules_ = 0;                    // rules added
  int rules_with_prefix_ = 0;
  // Sequences of character sets at the first (or last) `len` positions of the line.
  struct Positional {
    int len = 0;
    bool exact = true;              // false: the `at` condition alone (no table)
    size_t words = 0;               // 64-bit words per row of table
    std::vector<uint64_t> table;    // [position][key][word]: sequences allowing key there
    std::vector<uint64_t> seq_rule; // rule bit of each sequence
    std::vector<uint64_t> seq_skip; // the bits of its rule in its word
    std::vector<uint64_t> word_rules;  // the rules with a sequence in each word of a row
    // [position][key]: the rules with a sequence allowing this key at this position. Their
    // AND over the line's keys is a looser condition than the sequences', at 5 loads.
    std::vector<uint64_t> at;
    uint64_t none = 0;              // rules without sequences (always alive)
    void Build(const std::vector<Rule>& entries, int len, bool exact, bool Rule::*has,
               std::vector<Prefix> Rule::*seqs);
    // Of the rules `want`, those without sequences or allowed by `at` at every position
    // (a necessary condition: each key is allowed by some sequence of the rule).
    uint64_t Loose(const int* keys, uint64_t want) const;
    // Of the rules `want`, those without sequences or one of whose sequences allows
    // keys[0..len) (only the words of the table holding their sequences are read);
    // needs the table (`exact`).
    uint64_t Exact(const int* keys, uint64_t want) const;
  };
  Positional prefix_, suffix_;
  uint64_t unrestricted_ = 0;            // rules every byte keeps alive
  uint64_t allows_[256] = {};            // rules whose characters may include this byte
  uint64_t required_ = 0;                // rules with required characters
  uint64_t satisfies_[256] = {};         // rules whose required characters include this byte
  int entry_rule_[64] = {};              // the rule of each entry (a rule or a case of one)
  uint64_t few_ = 0;                     // rules requiring one of at most 3 ASCII characters
  uint32_t few_chars_[64] = {};          // those characters, as bits of few_list_
  char few_list_[32] = {};
  int few_count_ = 0;
};

}  // namespace veille
