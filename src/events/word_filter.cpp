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

uint64_t WordFilter::Key(std::string_view word) { return WordKey(word); }

WordFilter::Words WordFilter::Of(const SentenceView& s) {
  Words words;
  for (size_t i = 0; i < s.size(); ++i) {
    const uint64_t lemma = s.lemma_key(i);
    words.Add(lemma);
    // The coder compares forms lower-cased in ASCII only ("Accord" is "accord").
    const uint64_t form = s.form_key(i);
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
