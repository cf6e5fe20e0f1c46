// A line rule's pattern read as sets of characters (internal to clean/, for the line
// prefilter): the RE2 syntax the rules use, parsed into sequences, alternations and
// repetitions of character sets. Each set may only be looser than what RE2 matches, never
// stricter: ASCII bytes are exact, non-ASCII characters are counted by bucket (code point &
// 63, the low bits of the last byte of their UTF-8 form), case folding follows RE2 (with
// 'k'/U+212A and 's'/U+017F), and a class the parser cannot bound allows every character.
// Zero-width assertions (^ $ \b \B \A \z) are dropped, which only loosens the pattern.
// A construct the parser does not know throws Unsupported: the caller keeps the rule
// without conditions.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace veille::pattern {

struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr uint64_t kAllBuckets = ~uint64_t{0};
inline uint64_t Bucket(int cp) { return uint64_t{1} << (cp & 63); }

// ASCII bytes + non-ASCII characters by bucket (code point & 63: the last byte of its UTF-8
// form). The end of line is not a character.
struct Chars {
  uint64_t lo = 0, hi = 0;
  uint64_t na = 0;  // buckets of non-ASCII characters

  void Add(int c) {
    if (c < 64) lo |= uint64_t{1} << c;
    else hi |= uint64_t{1} << (c - 64);
  }
  bool Has(int c) const { return c < 64 ? (lo >> c) & 1 : (hi >> (c - 64)) & 1; }
  void AddRange(int a, int b) {
    for (int c = a; c <= b && c < 128; ++c) Add(c);
  }
  void Union(const Chars& o) {
    lo |= o.lo;
    hi |= o.hi;
    na |= o.na;
  }
  int Size() const { return __builtin_popcountll(lo) + __builtin_popcountll(hi) + __builtin_popcountll(na); }
  // The complement, over-approximated: every non-ASCII bucket is in (a bucket holds
  // characters the set does not name).
  void Negate() {
    lo = ~lo;
    hi = ~hi;
    na = kAllBuckets;
  }
  static Chars All() {
    Chars c;
    c.Negate();
    return c;
  }
  // What RE2's case folding adds (simple folding: ASCII letters pair up; 'k' and 's' also
  // fold with U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S).
  void Fold() {
    for (int c = 'a'; c <= 'z'; ++c) {
      if (Has(c) || Has(c - 32)) {
        Add(c);
        Add(c - 32);
        if (c == 'k') na |= Bucket(0x212A);
        if (c == 's') na |= Bucket(0x17F);
      }
    }
  }
};

// The parsed pattern: sets of characters, sequences, alternations, repetitions.
struct Node {
  enum Kind { kSet, kEmpty, kCat, kAlt, kRepeat } kind = kEmpty;
  Chars set;
  std::vector<Node> kids;
  int min = 0, max = 0;  // kRepeat; max < 0: unbounded
};

// The parsed pattern; throws Unsupported.
Node Parse(std::string_view pattern);

// Sets of characters each of which every match holds one of (a mandatory character, one
// character of every branch of a mandatory alternation).
std::vector<Chars> Required(const Node& n);
// The same pattern read backwards: its prefixes are the pattern's suffixes, reversed.
Node Reversed(const Node& n);
// Every character the pattern may match.
Chars AllChars(const Node& n);

}  // namespace veille::pattern
