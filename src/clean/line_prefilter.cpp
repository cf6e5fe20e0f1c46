#include "clean/line_prefilter.h"

#include "clean/line_pattern.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>

#include <unicode/uchar.h>

#include <emmintrin.h>

namespace veille {

using pattern::Chars;
using pattern::Node;
using pattern::Unsupported;

namespace {

constexpr int K = LinePrefilter::kPrefixChars;
constexpr int kNonAscii = 128;  // + (code point & 63): 64 buckets of non-ASCII characters
constexpr int kEol = 192;

// Past this many sequences for one rule the rule keeps no prefix condition.
constexpr size_t kMaxSequences = 4096;

// A prefix under construction: the first `len` positions are set (the others are empty).
struct Seq {
  std::array<Chars, K> at;
  int len = 0;
};

// The order of the sets position by position (lo, hi, na), then the length, skipping
// position `skip` (-1: none). Only the order of the canonical form below depends on it.
int Compare(const Seq& a, const Seq& b, int skip = -1) {
  for (int i = 0; i < K; ++i) {
    if (i == skip) continue;
    const Chars &x = a.at[i], &y = b.at[i];
    if (x.lo != y.lo) return x.lo < y.lo ? -1 : 1;
    if (x.hi != y.hi) return x.hi < y.hi ? -1 : 1;
    if (x.na != y.na) return x.na < y.na ? -1 : 1;
  }
  return a.len == b.len ? 0 : a.len < b.len ? -1 : 1;
}

// The canonical form of a set of sequences: sorted, without duplicates.
void Dedupe(std::vector<Seq>* v) {
  std::sort(v->begin(), v->end(), [](const Seq& a, const Seq& b) { return Compare(a, b) < 0; });
  v->erase(std::unique(v->begin(), v->end(), [](const Seq& a, const Seq& b) { return Compare(a, b) == 0; }),
           v->end());
}

// Sequences equal but at one position become one, that position's sets united (exact).
// Position by position from the last; which sequences unite depends only on the set of
// sequences, not on their order.
void Merge(std::vector<Seq>* v) {
  std::vector<Seq> out;
  out.reserve(v->size());
  for (int i = K - 1; i >= 0; --i) {
    // The sequences that reach position i, sorted by everything but it: the ones to
    // unite are neighbours.
    auto reach = std::partition(v->begin(), v->end(), [i](const Seq& s) { return i >= s.len; });
    std::sort(reach, v->end(), [i](const Seq& a, const Seq& b) { return Compare(a, b, i) < 0; });
    out.assign(v->begin(), reach);
    for (auto it = reach; it != v->end(); ++it) {
      if (it != reach && Compare(out.back(), *it, i) == 0) out.back().at[i].Union(it->at[i]);
      else out.push_back(*it);
    }
    v->swap(out);
  }
  Dedupe(v);
}

// Duplicates are left while the list is short (a set with or without them is the same set);
// a long one is made canonical, and merged.
void Tidy(std::vector<Seq>* v) {
  if (v->size() <= 64) return;
  Dedupe(v);
  if (v->size() > 64) Merge(v);
  if (v->size() > kMaxSequences) throw Unsupported("too many prefixes");
}

// Every prefix (cut at `limit` <= K characters) of `in` followed by a match of `n`.
std::vector<Seq> Apply(const Node& n, std::vector<Seq> in, int limit) {
  // Sequences already `limit` long are what they are: every node keeps them as they are.
  auto done = std::partition(in.begin(), in.end(), [limit](const Seq& s) { return s.len < limit; });
  if (done == in.begin()) return in;
  if (done != in.end() && n.kind != Node::kEmpty && n.kind != Node::kSet) {
    std::vector<Seq> out(done, in.end());
    in.erase(done, in.end());
    std::vector<Seq> rest = Apply(n, std::move(in), limit);
    out.insert(out.end(), rest.begin(), rest.end());
    Tidy(&out);
    return out;
  }
  switch (n.kind) {
    case Node::kEmpty:
      return in;
    case Node::kSet:
      for (Seq& s : in)
        if (s.len < limit) s.at[s.len++] = n.set;
      Tidy(&in);
      return in;
    case Node::kCat:
      for (const Node& k : n.kids) in = Apply(k, std::move(in), limit);
      return in;
    case Node::kAlt: {
      std::vector<Seq> out;
      for (const Node& k : n.kids) {
        std::vector<Seq> part = Apply(k, in, limit);
        out.insert(out.end(), part.begin(), part.end());
        Tidy(&out);
      }
      return out;
    }
    case Node::kRepeat: {
      // More than limit + 1 rounds add nothing: each round that adds a character fills a
      // position, and a round that adds none can be dropped.
      const Node& k = n.kids[0];
      int must = std::min(n.min, limit + 1);
      for (int i = 0; i < must; ++i) in = Apply(k, std::move(in), limit);
      std::vector<Seq> out = in;
      int more = n.max < 0 ? limit + 1 : std::min(n.max - n.min, limit + 1);
      for (int i = 0; i < more; ++i) {
        in = Apply(k, std::move(in), limit);
        out.insert(out.end(), in.begin(), in.end());
        Tidy(&out);
      }
      return out;
    }
  }
  return in;
}

}  // namespace

void LinePrefilter::Positional::Build(const std::vector<Rule>& entries, int len, bool exact, bool Rule::*has,
                                      std::vector<Prefix> Rule::*seqs) {
  this->len = len;
  this->exact = exact;
  size_t n = 0;
  for (const Rule& r : entries) n += (r.*seqs).size();
  words = (n + 63) / 64;
  table.assign(exact ? static_cast<size_t>(len) * kKeys * words : 0, 0);
  seq_rule.clear();
  seq_skip.clear();
  word_rules.assign(words, 0);
  at.assign(static_cast<size_t>(len) * kKeys, 0);
  none = 0;
  for (size_t r = 0; r < entries.size(); ++r) {
    uint64_t bit = uint64_t{1} << r;
    if (!(entries[r].*has)) none |= bit;
    for (const Prefix& p : entries[r].*seqs) {
      size_t s = seq_rule.size();
      seq_rule.push_back(bit);
      seq_skip.push_back(0);
      word_rules[s / 64] |= bit;
      for (int i = 0; i < len; ++i)
        for (int key = 0; key < kKeys; ++key)
          if (p[i].Has(key)) at[static_cast<size_t>(i) * kKeys + key] |= bit;
      for (int i = 0; i < len && exact; ++i)
        for (int key = 0; key < kKeys; ++key)
          if (p[i].Has(key)) table[(static_cast<size_t>(i) * kKeys + key) * words + s / 64] |= uint64_t{1} << (s % 64);
    }
  }
  // The bits of one rule are consecutive: once one is found, skip its others in the word.
  for (size_t s = 0; s < seq_rule.size(); ++s)
    for (size_t t = s / 64 * 64; t < std::min(seq_rule.size(), s / 64 * 64 + 64); ++t)
      if (seq_rule[t] == seq_rule[s]) seq_skip[s] |= uint64_t{1} << (t % 64);
}

uint64_t LinePrefilter::Positional::Loose(const int* keys, uint64_t want) const {
  uint64_t alive = want & none;
  // Each position rules out the rules none of whose sequences allow its key there.
  for (int i = 0; i < len; ++i) want &= at[static_cast<size_t>(i) * kKeys + keys[i]];
  return alive | want;
}

uint64_t LinePrefilter::Positional::Exact(const int* keys, uint64_t want) const {
  uint64_t alive = want & none;
  want &= ~none;
  if (want == 0) return alive;
  const uint64_t* row[kPrefixChars];
  for (int i = 0; i < len; ++i) row[i] = &table[(static_cast<size_t>(i) * kKeys + keys[i]) * words];
  for (size_t w = 0; w < words; ++w) {
    // Only the words holding sequences of rules still in question.
    if ((word_rules[w] & want & ~alive) == 0) continue;
    uint64_t m = row[0][w];
    for (int i = 1; i < len; ++i) m &= row[i][w];
    while (m) {
      size_t s = w * 64 + __builtin_ctzll(m);
      alive |= seq_rule[s];
      m &= ~seq_skip[s];
    }
  }
  return alive & (want | none);
}

bool LinePrefilter::CharClass::Has(int key) const {
  if (key == kEol) return eol;
  if (key >= kNonAscii) return (na >> (key - kNonAscii)) & 1;
  return key < 64 ? (lo >> key) & 1 : (hi >> (key - 64)) & 1;
}

namespace {

LinePrefilter::CharClass ToClass(const Chars& c) {
  LinePrefilter::CharClass out;
  out.lo = c.lo;
  out.hi = c.hi;
  out.na = c.na;
  return out;
}

// Whether a set leaves out some printable ASCII character (a line may lack it).
bool Useful(const Chars& r) { return (r.lo | 0x00000000ffffffffULL) != ~uint64_t{0} || r.hi != ~uint64_t{0}; }

// The pattern's top level as a list of parts (nested sequences spliced in).
void Flatten(const Node& n, std::vector<Node>* out) {
  if (n.kind == Node::kCat) {
    for (const Node& k : n.kids) Flatten(k, out);
  } else {
    out->push_back(n);
  }
}

// The pattern split into cases by its optional top-level parts that would bring a
// requirement of punctuation or digits (no letter, no space) when present: a photo
// credit "(?:X+[/|])*AGENCY(?:[/|]X+)*" becomes "AGENCY" (a strong prefix) and three cases
// that hold '/' or '|'. At most kMaxSplit parts; the cases' languages cover the pattern's.
constexpr int kMaxSplit = 2;
std::vector<Node> Cases(const Node& tree) {
  std::vector<Node> parts;
  Flatten(tree, &parts);
  std::vector<size_t> split;
  for (size_t i = 0; i < parts.size() && split.size() < kMaxSplit; ++i) {
    const Node& n = parts[i];
    if (n.kind != Node::kRepeat || n.min != 0 || n.max == 0) continue;
    for (const Chars& r : pattern::Required(n.kids[0])) {
      Chars letters;
      letters.AddRange('A', 'Z');
      letters.AddRange('a', 'z');
      letters.Add(' ');
      if (Useful(r) && (r.lo & letters.lo) == 0 && (r.hi & letters.hi) == 0) {
        split.push_back(i);
        break;
      }
    }
  }
  std::vector<Node> cases;
  if (split.empty()) return cases;
  for (unsigned mask = 0; mask < (1u << split.size()); ++mask) {
    Node c;
    c.kind = Node::kCat;
    c.kids = parts;
    for (size_t j = 0; j < split.size(); ++j) {
      Node& part = c.kids[split[j]];
      if (mask & (1u << j)) part.min = 1;  // present at least once
      else part = Node{};                  // absent
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

LinePrefilter::Rule LinePrefilter::Analyse(const void* tree_ptr) {
  const Node& tree = *static_cast<const Node*>(tree_ptr);
  Rule rule;
  rule.chars = ToClass(pattern::AllChars(tree));
  // The most selective requirement that some printable ASCII byte does not meet.
  std::vector<Chars> req = pattern::Required(tree);
  const Chars* best = nullptr;
  for (const Chars& r : req)
    if (Useful(r) && (best == nullptr || r.Size() < best->Size())) best = &r;
  if (best != nullptr) {
    rule.has_required = true;
    rule.required = ToClass(*best);
  }
  auto ends = [](const Node& t, int limit, bool* has, std::vector<Prefix>* out) {
    try {
      std::vector<Seq> seqs = Apply(t, {Seq{}}, limit);
      Merge(&seqs);
      for (const Seq& s : seqs) {
        Prefix p;
        for (int i = 0; i < limit; ++i) {
          if (i < s.len) p[i] = ToClass(s.at[i]);
          else p[i].eol = true;  // the match ended: so does the line
        }
        out->push_back(p);
      }
      *has = true;
    } catch (const Unsupported&) {  // too many sequences: the other conditions stay
      *has = false;
      out->clear();
    }
  };
  ends(tree, K, &rule.has_prefix, &rule.prefixes);
  ends(pattern::Reversed(tree), LinePrefilter::kSuffixChars, &rule.has_suffix, &rule.suffixes);
  return rule;
}

void LinePrefilter::Add(std::string_view pattern, const std::vector<std::string>& also) {
  Pending p;
  p.whole.chars = ToClass(Chars::All());
  try {
    Node tree = pattern::Parse(pattern);
    p.whole = Analyse(&tree);
    // Split only a rule that may start like any capitalised word (its prefixes decide
    // little): the cases add requirements.
    bool weak = !p.whole.has_prefix;
    for (const Prefix& pre : p.whole.prefixes) {
      bool caps = true, lower = true;
      for (int c = 'A'; c <= 'Z'; ++c) caps &= pre[0].Has(c);
      for (int c = 'a'; c <= 'z'; ++c) lower &= pre[1].Has(c);
      weak |= caps && lower;
    }
    if (weak)
      for (const Node& c : Cases(tree)) p.cases.push_back(Analyse(&c));
  } catch (const std::exception&) {  // a construct the parser does not know: no conditions
    p = Pending{};
    p.whole.chars = ToClass(Chars::All());
  }
  // The line must match the further patterns too: their conditions hold as well. Every
  // character is in both sets; the smaller required set, and their prefix and suffix when
  // the rule has none.
  for (std::string_view more : also) {
    Rule a;
    try {
      Node tree = pattern::Parse(more);
      a = Analyse(&tree);
    } catch (const std::exception&) {
      continue;
    }
    auto size = [](const CharClass& c) {
      return __builtin_popcountll(c.lo) + __builtin_popcountll(c.hi) + __builtin_popcountll(c.na);
    };
    auto narrow = [&](Rule& r) {
      r.chars.lo &= a.chars.lo;
      r.chars.hi &= a.chars.hi;
      r.chars.na &= a.chars.na;
      if (a.has_required && (!r.has_required || size(a.required) < size(r.required))) {
        r.has_required = true;
        r.required = a.required;
      }
      if (!r.has_prefix && a.has_prefix) r.has_prefix = true, r.prefixes = a.prefixes;
      if (!r.has_suffix && a.has_suffix) r.has_suffix = true, r.suffixes = a.suffixes;
    };
    narrow(p.whole);
    for (Rule& c : p.cases) narrow(c);
  }
  pending_.push_back(std::move(p));
}

void LinePrefilter::Build() {
  rules_ = static_cast<int>(pending_.size());
  if (rules_ > 64) {
    always_ = true;
    pending_.clear();
    return;
  }
  // One entry per rule, or per case of a rule while the 64 bits allow it (file order).
  std::vector<Rule> entries;
  size_t budget = 64 - pending_.size();
  for (int rule = 0; rule < rules_; ++rule) {
    Pending& p = pending_[rule];
    if (!p.cases.empty() && p.cases.size() - 1 <= budget) {
      budget -= p.cases.size() - 1;
      for (Rule& c : p.cases) {
        entry_rule_[entries.size()] = rule;
        entries.push_back(std::move(c));
      }
    } else {
      entry_rule_[entries.size()] = rule;
      entries.push_back(std::move(p.whole));
    }
  }
  pending_.clear();
  pending_.shrink_to_fit();
  entries_ = static_cast<int>(entries.size());
  prefix_.Build(entries, K, /*exact=*/true, &Rule::has_prefix, &Rule::prefixes);
  // The suffixes by position only: their sequences rule out no more lines on the corpus
  // and cost as much as the prefixes'.
  suffix_.Build(entries, kSuffixChars, /*exact=*/false, &Rule::has_suffix, &Rule::suffixes);
  for (int r = 0; r < entries_; ++r) {
    const Rule& rule = entries[r];
    uint64_t bit = uint64_t{1} << r;
    if (rule.has_prefix) ++rules_with_prefix_;
    bool all = true;
    for (int b = 0; b < 256; ++b) {
      bool has = b < 128 ? rule.chars.Has(b) : rule.chars.na != 0;
      if (has) allows_[b] |= bit;
      else if (b != '\n') all = false;  // a line never holds '\n'
      if (rule.has_required && (b < 128 ? rule.required.Has(b) : rule.required.na != 0)) satisfies_[b] |= bit;
    }
    if (rule.has_required) required_ |= bit;
    if (all) unrestricted_ |= bit;
    // A requirement of at most 3 ASCII punctuation characters (which most lines lack) is
    // looked for before scanning the line.
    Chars alnum;
    alnum.AddRange('0', '9');
    alnum.AddRange('A', 'Z');
    alnum.AddRange('a', 'z');
    if (rule.has_required && rule.required.na == 0 && (rule.required.lo & alnum.lo) == 0 &&
        (rule.required.hi & alnum.hi) == 0 &&
        __builtin_popcountll(rule.required.lo) + __builtin_popcountll(rule.required.hi) <= 3) {
      uint32_t chars = 0;
      bool fits = true;
      for (int c = 0; c < 128 && fits; ++c) {
        if (!rule.required.Has(c)) continue;
        int i = 0;
        while (i < few_count_ && few_list_[i] != c) ++i;
        if (i == few_count_) {
          if (few_count_ == 32) fits = false;
          else few_list_[few_count_++] = static_cast<char>(c);
        }
        if (fits) chars |= uint32_t{1} << i;
      }
      if (fits) {
        few_ |= bit;
        few_chars_[r] = chars;
      }
    }
  }
}

bool LinePrefilter::MayMatch(std::string_view line) const { return Candidates(line) != 0; }


uint64_t LinePrefilter::Rules(uint64_t candidates) const {
  if (always_) return ~uint64_t{0};
  uint64_t rules = 0;
  for (uint64_t m = candidates; m; m &= m - 1) rules |= uint64_t{1} << entry_rule_[__builtin_ctzll(m)];
  return rules;
}

namespace {

// Bit j (j < N <= 4) set when `line` holds the byte c[j]: one pass, 16 bytes at a time
// (SSE2), the last block overlapping the one before.
template <int N>
uint32_t FindChars(std::string_view line, const char* c) {
  __m128i want[N], acc[N];
  for (int j = 0; j < N; ++j) {
    want[j] = _mm_set1_epi8(c[j]);
    acc[j] = _mm_setzero_si128();
  }
  size_t n = line.size();
  uint32_t found = 0;
  if (n < 16) {
    for (char ch : line)
      for (int j = 0; j < N; ++j) found |= static_cast<uint32_t>(ch == c[j]) << j;
    return found;
  }
  auto block = [&](size_t k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + k));
    for (int j = 0; j < N; ++j) acc[j] = _mm_or_si128(acc[j], _mm_cmpeq_epi8(v, want[j]));
  };
  for (size_t k = 0; k + 16 <= n; k += 16) block(k);
  if (n % 16) block(n - 16);
  for (int j = 0; j < N; ++j) found |= static_cast<uint32_t>(_mm_movemask_epi8(acc[j]) != 0) << j;
  return found;
}

// The bits (of few_list_ positions) in `needed` whose characters `line` holds, four at a time.
uint32_t FindFew(std::string_view line, const char* list, uint32_t needed) {
  uint32_t found = 0;
  while (needed) {
    char c[4];
    int pos[4], n = 0;
    for (; needed && n < 4; needed &= needed - 1) {
      pos[n] = __builtin_ctz(needed);
      c[n] = list[pos[n]];
      ++n;
    }
    uint32_t got = n == 1 ? FindChars<1>(line, c) : n == 2 ? FindChars<2>(line, c) : n == 3 ? FindChars<3>(line, c) : FindChars<4>(line, c);
    for (int j = 0; j < n; ++j)
      if (got >> j & 1) found |= uint32_t{1} << pos[j];
  }
  return found;
}

}  // namespace

uint64_t LinePrefilter::Candidates(std::string_view line) const {
  if (always_) return ~uint64_t{0};
  int keys[K];
  size_t p = 0;
  for (int i = 0; i < K; ++i) {
    if (p >= line.size()) {
      keys[i] = kEol;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(line[p]);
    if (c < 0x80) {
      keys[i] = c;
      ++p;
    } else {
      p += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      keys[i] = p <= line.size() ? kNonAscii + (line[p - 1] & 63) : kEol;
    }
  }
  // Cheap conditions first (each position's key alone, then the characters a rule
  // requires), the prefixes' sequences last, on the few rules still alive.
  uint64_t alive = prefix_.Loose(keys, ~uint64_t{0});
  if (alive == 0) return 0;
  int ends[kSuffixChars];
  size_t q = line.size();
  for (int i = 0; i < kSuffixChars; ++i) {  // the last characters, backwards
    if (q == 0) {
      ends[i] = kEol;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(line[--q]);
    ends[i] = c < 0x80 ? c : kNonAscii + (c & 63);
    if (c >= 0x80)
      while (q > 0 && (static_cast<unsigned char>(line[q]) & 0xC0) == 0x80) --q;
  }
  alive = suffix_.Loose(ends, alive);
  if (alive == 0) return 0;
  // Rules that need one of a few ASCII characters: look for them (memchr) before scanning.
  uint32_t needed = 0;
  for (uint64_t m = alive & few_; m; m &= m - 1) needed |= few_chars_[__builtin_ctzll(m)];
  if (needed) {
    uint32_t found = FindFew(line, few_list_, needed);
    for (uint64_t m = alive & few_; m; m &= m - 1) {
      int r = __builtin_ctzll(m);
      if ((few_chars_[r] & found) == 0) alive &= ~(uint64_t{1} << r);
    }
  }
  if (alive == 0) return 0;
  alive = prefix_.Exact(keys, alive);
  if (alive == 0) return 0;
  if (alive & unrestricted_ & ~required_) return alive;
  uint64_t present = 0;  // rules whose required characters were seen
  for (char ch : line) {
    unsigned char b = static_cast<unsigned char>(ch);
    alive &= allows_[b];
    if (alive == 0) return 0;
    present |= satisfies_[b];
  }
  return alive & (present | ~required_);
}

}  // namespace veille
