#include "events/prefilter.h"

#include <atomic>

#include "segment/chars.h"
#include "syntax/tagger.h"

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
  static constexpr size_t kSlots = 8192;  // a power of two
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

}  // namespace

EventPrefilter::EventPrefilter(const PatternSet& patterns, const Tagger& tagger)
    : tagger_(tagger), id_(next_id.fetch_add(1)) {
  for (const VerbPattern& p : patterns.all()) (p.noun ? noun_heads_ : verb_heads_).insert(p.head);
}

bool EventPrefilter::Compute(std::string_view lower) const {
  if (lower.empty()) return false;
  auto head = [](const auto& set, const std::string& lemma) { return set.find(lemma) != set.end(); };
  return head(verb_heads_, tagger_.LemmaOf(lower, Pos::kVerb)) || head(noun_heads_, tagger_.LemmaOf(lower, Pos::kNoun));
}

bool EventPrefilter::CanBeHead(std::string_view form) const {
  Cache& c = ThreadCache(id_);
  Cache::Entry& e = c.entries[std::hash<std::string_view>()(form) & (Cache::kSlots - 1)];
  if (e.used && e.form == form) return e.yes;
  c.lower.clear();
  segment::AppendLower(&c.lower, form);
  e.form.assign(form);
  e.yes = Compute(c.lower);
  e.used = true;
  return e.yes;
}

std::vector<uint32_t> EventPrefilter::Select(const Doc& doc, const std::vector<uint32_t>& candidates) const {
  std::vector<uint32_t> out;
  std::vector<Span> spans;
  for (uint32_t s : candidates) {
    if (s >= doc.sentences.size()) continue;
    spans.clear();
    tagger_.Tokenize(doc.text, doc.sentences[s], &spans);
    for (const Span& w : spans) {
      if (CanBeHead(w.of(doc.text))) {
        out.push_back(s);
        break;
      }
    }
  }
  return out;
}

}  // namespace veille
