// Internals of dedup/: the LSH bucket table and the story index.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/doc.h"
#include "dedup/dedup.h"
#include "dedup/words.h"

namespace veille::dedup {

inline constexpr uint32_t kNone = 0xFFFFFFFFu;

// Open-addressing map from a band key to the most recent document in that bucket (the
// older ones are chained through DuplicateIndex's `next` array). Keys are 32-bit: two
// bands that collide only add candidates, which verification then rejects. 8 bytes a
// slot, at most 3/4 full.
class BucketTable {
 public:
  // The head slot for `key`, created (holding kNone) when absent.
  uint32_t& Head(uint32_t key);
  size_t MemoryBytes() const { return keys_.capacity() * 4 + heads_.capacity() * 4; }

 private:
  void Grow();
  std::vector<uint32_t> keys_;   // 0 = empty (a zero key is stored as 1)
  std::vector<uint32_t> heads_;
  size_t size_ = 0;
};

// Stories: term sketches, postings, document frequencies, date spans.
class StoryIndex {
 public:
  explicit StoryIndex(const DedupParams& p) : p_(p) {}
  // Returns the story number of the next document (its index is the number of documents
  // added before). `words` are its folded words; `dup_root` the document it copies, or kNone.
  uint32_t Add(const Doc& doc, const std::vector<Word>& words, uint32_t dup_root);
  uint32_t StoryFirstDoc(uint32_t story) const { return stories_[story].first_doc; }
  size_t stories() const { return stories_.size(); }
  size_t MemoryBytes() const;

 private:
  struct FullTerm {
    uint64_t hash;
    float weight;
  };
  struct Posting {
    uint32_t doc;
    float weight;  // the term's weight in that document's sketch
  };
  struct TermInfo {
    uint32_t df = 0;
    std::vector<Posting> postings;  // documents whose sketch holds the term, in order
  };
  struct Story {
    uint32_t first_doc;
    int32_t first_day, last_day;  // kNoDay when no document of the story is dated
  };
  static constexpr int32_t kNoDay = INT32_MIN;

  void Sketch(const Doc& doc, const std::vector<Word>& words, std::vector<FullTerm>* out);
  bool DateFits(const Story& s, int32_t day) const;

  const DedupParams& p_;
  std::vector<uint32_t> story_of_;     // per document (the sketches live in the postings)
  std::vector<Story> stories_;
  std::unordered_map<uint64_t, TermInfo> info_;
  // Scratch.
  std::unordered_map<uint64_t, float> tf_;
  std::vector<float> scores_;          // per earlier document, zero between calls
  std::vector<uint32_t> touched_;
  std::vector<FullTerm> sketch_;
};

// out[i] = min over the n shingle hashes of the i-th hash function (seeded by seed[i]).
void MinHash(const uint64_t* shingles, size_t n, const uint32_t* seed, int hashes, uint32_t* out);

// Days since 1970-01-01 of "YYYY-MM-DD[...]", INT32_MIN when absent or malformed.
int32_t DayNumber(const std::optional<std::string>& date);

}  // namespace veille::dedup
