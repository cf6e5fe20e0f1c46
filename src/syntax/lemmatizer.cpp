#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "segment/chars.h"
#include "syntax/features.h"

namespace veille::syntax {
namespace {

// Byte offset of the start of the k-th character from the end of `s` (k <= chars), or npos.
size_t SuffixStart(std::string_view s, int k) {
  size_t pos = s.size();
  for (int i = 0; i < k; i++) {
    if (pos == 0) return std::string_view::npos;
    pos--;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) pos--;
  }
  return pos;
}

int Chars(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// French infinitives end in -er, -ir (-ïr), -re or -oir.
bool IsInfinitive(std::string_view s) {
  return s.size() > 2 && (EndsWith(s, "er") || EndsWith(s, "ir") || EndsWith(s, "re") || EndsWith(s, "\xC3\xAFr"));
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out;
  segment::AppendLower(&out, s);
  return out;
}

uint64_t LexKey(uint64_t form_hash, Pos pos) {
  return Mix64(form_hash ^ ((static_cast<uint64_t>(pos) + 1) * 0x9E3779B97F4A7C15ULL));
}

uint64_t RuleKey(std::string_view suffix, Pos pos) {
  return Mix64(HashBytes(suffix) + (static_cast<uint64_t>(pos) + 1) * 0xC2B2AE3D27D4EB4FULL);
}

std::string Model::Lemma(std::string_view lower, uint64_t lower_hash, Pos pos) const {
  int64_t e = lex.Find(LexKey(lower_hash, pos));
  if (e >= 0 && lexicon[e].form == lower) return lexicon[e].lemma;
  // The rules of the matching suffixes, longest first: the first result that is a known
  // lemma of this UPOS wins ("approuvons" -> "approuver"), else the first plausible one (for
  // verbs, an infinitive), else the word itself.
  const bool verb = pos == Pos::kVerb || pos == Pos::kAux;
  std::string first;
  bool have_first = false;
  int chars = Chars(lower);
  for (int k = std::min(chars, kMaxRuleSuffix); k >= 0; k--) {
    size_t start = SuffixStart(lower, k);
    std::string_view suffix = lower.substr(start);
    int64_t r = rule_index.Find(RuleKey(suffix, pos));
    if (r < 0) continue;
    const SuffixRule& rule = rules[r];
    if (rule.pos != pos || rule.suffix != suffix) continue;  // a hash collision
    if (lower.size() < rule.remove.size() || lower.substr(lower.size() - rule.remove.size()) != rule.remove) continue;
    std::string out(lower.substr(0, lower.size() - rule.remove.size()));
    out += rule.add;
    if (verb && !IsInfinitive(out)) continue;
    if (known_lemmas.Find(LexKey(HashBytes(out), pos)) >= 0) return out;
    if (!have_first) {
      first = std::move(out);
      have_first = true;
    }
  }
  return have_first ? first : std::string(lower);
}

void BuildLemmatizer(const std::vector<UdSentence>& train, uint32_t min_support, Model* model) {
  // Token counts of (form, pos, lemma); the lexicon keeps the most frequent lemma.
  std::map<std::tuple<std::string, int, std::string>, uint32_t> counts;
  for (const UdSentence& s : train)
    for (const UdWord& w : s) {
      if (w.lemma.empty() || w.lemma == "_") continue;
      counts[{Lower(w.form), static_cast<int>(w.pos), Lower(w.lemma)}]++;
    }
  model->lexicon.clear();
  std::map<std::pair<std::string, int>, std::pair<std::string, uint32_t>> best;
  for (const auto& [key, n] : counts) {
    const auto& [form, pos, lemma] = key;
    auto& b = best[{form, pos}];
    if (n > b.second) b = {lemma, n};  // ties: the first lemma in byte order
  }
  for (const auto& [key, b] : best) model->lexicon.push_back(LexEntry{key.first, static_cast<Pos>(key.second), b.first});

  // Suffix rules, counted over word types: for every suffix of 0..kMaxRuleSuffix characters
  // that covers the changed part of the word, how often each rewrite applies.
  using Rule = std::pair<std::string, std::string>;  // remove, add
  std::map<std::pair<int, std::string>, std::map<Rule, uint32_t>> by_suffix;
  for (const auto& [key, b] : best) {
    const std::string& form = key.first;
    const std::string& lemma = b.first;
    size_t p = 0;
    while (p < form.size() && p < lemma.size() && form[p] == lemma[p]) p++;
    while (p > 0 && p < form.size() && (static_cast<unsigned char>(form[p]) & 0xC0) == 0x80) p--;  // char boundary
    Rule rule{form.substr(p), lemma.substr(p)};
    int changed = Chars(rule.first);
    int chars = Chars(form);
    for (int k = changed; k <= std::min(chars, kMaxRuleSuffix); k++) {
      size_t start = SuffixStart(form, k);
      by_suffix[{key.second, form.substr(start)}][rule]++;
    }
  }
  // The rule each suffix would apply (its best rule when supported enough, else its parent's);
  // a suffix is kept only when it changes the outcome of its parent.
  struct Choice {
    Rule rule;
    uint32_t support = 0;
    bool set = false;
  };
  std::map<std::pair<int, std::string>, Choice> effective;
  model->rules.clear();
  model->rule_min_support = min_support;
  // Shorter suffixes first, so the parent's effective rule is known.
  std::vector<std::pair<int, std::string>> keys;
  for (const auto& [key, rules] : by_suffix) keys.push_back(key);
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.second.size() != b.second.size() ? a.second.size() < b.second.size() : a < b;
  });
  for (const auto& key : keys) {
    const auto& rules = by_suffix[key];
    uint32_t support = 0;
    const Rule* top = nullptr;
    uint32_t top_n = 0;
    for (const auto& [rule, n] : rules) {
      support += n;
      if (n > top_n) {
        top = &rule;
        top_n = n;
      }
    }
    Choice parent;
    // The nearest shorter suffix that has an entry (what Lemma falls back to).
    for (int k = Chars(key.second) - 1; k >= 0; k--) {
      auto it = effective.find({key.first, key.second.substr(SuffixStart(key.second, k))});
      if (it != effective.end()) {
        parent = it->second;
        break;
      }
    }
    Choice mine = parent;
    if (support >= min_support) mine = Choice{*top, support, true};
    effective[key] = mine;
    if (mine.set && (!parent.set || parent.rule != mine.rule))
      model->rules.push_back(SuffixRule{static_cast<Pos>(key.first), key.second, mine.rule.first, mine.rule.second, support});
  }
  std::sort(model->rules.begin(), model->rules.end(), [](const SuffixRule& a, const SuffixRule& b) {
    return std::tie(a.pos, a.suffix) < std::tie(b.pos, b.suffix);
  });
}

}  // namespace veille::syntax
