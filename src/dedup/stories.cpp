#include <xxhash.h>

#include <algorithm>
#include <cmath>

#include "dedup/internal.h"

namespace veille::dedup {

int32_t DayNumber(const std::optional<std::string>& date) {
  if (!date || date->size() < 10) return INT32_MIN;
  const std::string& s = *date;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return INT32_MIN;
  if (s[4] != '-' || s[7] != '-') return INT32_MIN;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return INT32_MIN;
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool StoryIndex::DateFits(const Story& s, int32_t day) const {
  if (day == kNoDay || s.first_day == kNoDay) return true;
  return day >= s.first_day - p_.story_window_days && day <= s.last_day + p_.story_window_days;
}

// The document's most distinctive terms: linked entities and content words, weighted by
// (1 + ln tf) * idf, idf from the documents seen so far; the top story_terms, L2-normalised.
// Counts the document in the document frequencies.
void StoryIndex::Sketch(const Doc& doc, const std::vector<Word>& words, std::vector<FullTerm>* out) {
  tf_.clear();
  for (const Word& w : words) {
    if (w.length < static_cast<uint32_t>(p_.story_min_word_length)) continue;
    if (w.numeric && w.length != 4) continue;  // years are content; other numbers are not
    if (p_.stopwords.count(w.hash)) continue;
    tf_[w.hash] += 1;
  }
  // Entities count in their own namespace (seed 1), so "person:maduro-nicolas" is one
  // term whatever the spelling in the text.
  std::unordered_map<uint64_t, float> entity_tf;
  for (const Entity& e : doc.entities) entity_tf[XXH3_64bits_withSeed(e.id.data(), e.id.size(), 1)] += 1;

  const double n = static_cast<double>(story_of_.size());
  out->clear();
  auto weigh = [&](uint64_t h, float tf, double boost) {
    TermInfo& info = info_[h];
    double idf = std::log((n + p_.story_idf_prior_docs) / (info.df + 1.0));
    ++info.df;
    out->push_back({h, static_cast<float>((1 + std::log(tf)) * idf * boost)});
  };
  for (const auto& [h, tf] : tf_) weigh(h, tf, 1.0);
  for (const auto& [h, tf] : entity_tf) weigh(h, tf, p_.story_entity_weight);
  size_t keep = std::min<size_t>(out->size(), p_.story_terms);
  std::partial_sort(out->begin(), out->begin() + keep, out->end(), [](const FullTerm& x, const FullTerm& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.hash < y.hash;
  });
  out->resize(keep);
  double norm = 0;
  for (const FullTerm& t : *out) norm += double(t.weight) * t.weight;
  norm = std::sqrt(norm);
  for (FullTerm& t : *out) t.weight = norm > 0 ? static_cast<float>(t.weight / norm) : 0.f;
}

uint32_t StoryIndex::Add(const Doc& doc, const std::vector<Word>& words, uint32_t dup_root) {
  const uint32_t n = static_cast<uint32_t>(story_of_.size());
  const int32_t day = DayNumber(doc.date);
  std::vector<FullTerm>& sketch = sketch_;
  Sketch(doc, words, &sketch);

  uint32_t story = kNone;
  if (dup_root != kNone) {
    story = story_of_[dup_root];
  } else {
    // Cosine with every earlier document sharing a sketch term (the most recent ones per term).
    scores_.resize(n, 0.f);
    touched_.clear();
    for (const FullTerm& t : sketch) {
      auto it = info_.find(t.hash);
      if (it == info_.end()) continue;
      const std::vector<Posting>& post = it->second.postings;
      size_t from = post.size() > size_t(p_.story_max_postings_scan) ? post.size() - p_.story_max_postings_scan : 0;
      for (size_t i = from; i < post.size(); ++i) {
        if (scores_[post[i].doc] == 0.f) touched_.push_back(post[i].doc);
        scores_[post[i].doc] += t.weight * post[i].weight;
      }
    }
    float best = static_cast<float>(p_.story_threshold);
    uint32_t best_doc = kNone;
    for (uint32_t d : touched_) {
      float score = scores_[d];
      scores_[d] = 0.f;
      if (score < best || (score == best && best_doc != kNone && d > best_doc)) continue;
      if (!DateFits(stories_[story_of_[d]], day)) continue;
      best = score;
      best_doc = d;
    }
    if (best_doc != kNone) story = story_of_[best_doc];
  }
  if (story == kNone) {
    story = static_cast<uint32_t>(stories_.size());
    stories_.push_back({n, day, day});
  } else if (day != kNoDay) {
    Story& s = stories_[story];
    if (s.first_day == kNoDay) {
      s.first_day = s.last_day = day;
    } else {
      s.first_day = std::min(s.first_day, day);
      s.last_day = std::max(s.last_day, day);
    }
  }
  for (const FullTerm& t : sketch) {
    info_[t.hash].postings.push_back({n, t.weight});
  }
  story_of_.push_back(story);
  return story;
}

size_t StoryIndex::MemoryBytes() const {
  size_t bytes = story_of_.capacity() * 4 + scores_.capacity() * 4 + touched_.capacity() * 4 +
                 stories_.capacity() * sizeof(Story);
  // unordered_map: one node (key, value, next pointer, cached hash) per term plus the buckets.
  bytes += info_.bucket_count() * sizeof(void*) + info_.size() * (sizeof(uint64_t) + sizeof(TermInfo) + 16);
  for (const auto& [h, info] : info_) bytes += info.postings.capacity() * sizeof(Posting);
  return bytes;
}

}  // namespace veille::dedup
