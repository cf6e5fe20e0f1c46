#include "events/word_filter.h"

#include "core/hash.h"

namespace veille::events {

WordFilter::WordFilter(const PatternSet& patterns) {
  const auto& all = patterns.all();
  first_ = all.empty() ? nullptr : &all[0];
  keys_.resize(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    for (const PatternElement& e : all[i].elements) {
      if (e.kind != PatternElement::Kind::kWord) continue;
      std::vector<uint64_t>& alts = keys_[i].emplace_back();
      for (const std::string& w : e.words) alts.push_back(Key(w));
    }
  }
}

namespace {

// FNV-1a over the bytes, ASCII capitals lower-cased when `fold`, then Mix64
// (the filter uses the low bits).
inline uint64_t Hash(std::string_view word, bool fold) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char ch : word) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (fold && c >= 'A' && c <= 'Z') c += 32;
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return Mix64(h);
}

}  // namespace

uint64_t WordFilter::Key(std::string_view word) { return Hash(word, false); }

WordFilter::Words WordFilter::Of(const SentenceView& s) {
  Words words;
  for (size_t i = 0; i < s.size(); ++i) {
    const uint64_t lemma = Hash(s.lemma(i), false);
    words.Add(lemma);
    // The coder compares forms lower-cased in ASCII only ("Accord" is "accord").
    const uint64_t form = Hash(s.surface(i), true);
    if (form != lemma) words.Add(form);
  }
  return words;
}

bool WordFilter::MayMatch(const Words& words, const VerbPattern& p) const {
  for (const std::vector<uint64_t>& alts : keys_[&p - first_]) {
    bool any = false;
    for (uint64_t k : alts) any = any || words.Has(k);
    if (!any) return false;
  }
  return true;
}

}  // namespace veille::events
