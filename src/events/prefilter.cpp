#include "events/prefilter.h"

#include <algorithm>
#include <atomic>

#include "core/hash.h"
#include "segment/chars.h"

namespace veille {
namespace {

std::atomic<uint64_t> next_id{1};

// The answers of one prefilter for recent forms (as written), per thread: direct-mapped by
// the form's hash; a slot answers only for its own form.
struct Cache {
  struct Entry {
    std::string form;
    bool yes = false;
    bool used = false;
  };
  // A power of two. 8,192 slots thrashed on a large corpus (Compute, three lemmatisations,
  // redone for forms evicted by a colliding one); 32,768 (1.3 MB a thread) keep most.
  static constexpr size_t kSlots = 32768;
  uint64_t owner = 0;
  std::vector<Entry> entries;
  std::string lower;
};

Cache& ThreadCache(uint64_t owner) {
  thread_local Cache cache;
  if (cache.owner != owner) {
    cache.owner = owner;
    cache.entries.assign(Cache::kSlots, Cache::Entry{});
  }
  return cache;
}

// The answer for `form` in `cache`; compute(lower-case form) when its slot holds another form.
template <typename F>
bool Answer(Cache& cache, std::string_view form, F compute) {
  Cache::Entry& e = cache.entries[WordKey(form) & (Cache::kSlots - 1)];
  if (e.used && e.form == form) return e.yes;
  cache.lower.clear();
  segment::AppendLower(&cache.lower, form);
  e.form.assign(form);
  e.yes = compute(cache.lower);
  e.used = true;
  return e.yes;
}

}  // namespace

EventPrefilter::EventPrefilter(const PatternSet& patterns, const Tagger& tagger)
    : tagger_(tagger), id_(next_id.fetch_add(1)) {
  for (const VerbPattern& p : patterns.all()) (p.noun ? noun_heads_ : verb_heads_).insert(p.head);
}

bool EventPrefilter::Compute(std::string_view lower) const {
  if (lower.empty()) return false;
  auto head = [](const auto& set, const std::string& lemma) { return set.find(lemma) != set.end(); };
  // A noun head may also be a word the tagger reads as an adjective after a determiner or a
  // noun ("de vastes manœuvres"): the coder takes its adjective lemma then.
  return head(verb_heads_, tagger_.LemmaOf(lower, Pos::kVerb)) || head(noun_heads_, tagger_.LemmaOf(lower, Pos::kNoun)) ||
         head(noun_heads_, tagger_.LemmaOf(lower, Pos::kAdj));
}

bool EventPrefilter::CanBeHead(std::string_view form) const {
  return Answer(ThreadCache(id_), form, [this](std::string_view lower) { return Compute(lower); });
}

std::vector<uint32_t> EventPrefilter::Select(const Doc& doc, const std::vector<uint32_t>& candidates) const {
  Tagger::Tokenized t;
  Select(doc, candidates, &t);
  return std::move(t.sentences);
}

void EventPrefilter::Select(const Doc& doc, const std::vector<uint32_t>& candidates, Tagger::Tokenized* out) const {
  Select(doc, candidates, nullptr, out);
}

void EventPrefilter::Select(const Doc& doc, const std::vector<uint32_t>& candidates, SentenceTokens* words,
                            Tagger::Tokenized* out) const {
  out->sentences.clear();
  out->spans.clear();
  out->ends.clear();
  const std::vector<uint32_t>* sorted = &candidates;
  std::vector<uint32_t> copy;
  if (!std::is_sorted(candidates.begin(), candidates.end())) {
    copy = candidates;
    std::sort(copy.begin(), copy.end());
    sorted = &copy;
  }
  Cache& cache = ThreadCache(id_);
  auto compute = [this](std::string_view lower) { return Compute(lower); };
  for (uint32_t s : *sorted) {
    if (s >= doc.sentences.size() || (!out->sentences.empty() && s == out->sentences.back())) continue;
    bool head = false;
    if (words) {
      // The sentence's tokens go to *out when one of them can be a head.
      std::span<const Span> tokens = words->Of(s);
      for (size_t k = 0; k < tokens.size() && !head; k++) head = Answer(cache, tokens[k].of(doc.text), compute);
      if (head) out->spans.insert(out->spans.end(), tokens.begin(), tokens.end());
    } else {
      // The sentence's tokens go to *out, and stay there when one of them can be a head.
      const size_t from = out->spans.size();
      tagger_.Tokenize(doc.text, doc.sentences[s], &out->spans);
      for (size_t k = from; k < out->spans.size() && !head; k++) head = Answer(cache, out->spans[k].of(doc.text), compute);
      if (!head) out->spans.resize(from);
    }
    if (head) {
      out->sentences.push_back(s);
      out->ends.push_back(out->spans.size());
    }
  }
}

}  // namespace veille
