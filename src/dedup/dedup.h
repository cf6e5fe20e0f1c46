// Near-duplicates and stories (corpus-level; documents arrive in input order).
//
// Duplicates: MinHash signatures over word shingles of the cleaned text (case, accents
// and punctuation folded), LSH banding to find candidates in time independent of the
// corpus size, verification by the estimated Jaccard similarity. A document that nearly
// copies an earlier one gets Doc::dup_of = the id of that earlier document's original
// (dup_of always names a document whose own dup_of is null; first seen wins).
//
// Stories: a sketch of each document's most distinctive terms (linked entity ids and
// content words, TF-IDF with document frequencies counted as documents arrive), compared
// by cosine with the earlier documents sharing a term, within a date window around the
// story. Every document gets Doc::story = "story:<id of the story's first document>";
// a document with no similar peer starts its own story. Duplicates join their
// original's story.
//
// Parameters: dict/dedup/params.tsv; stop words: dict/dedup/stopwords.txt
// (see dict/dedup/README.md for the choices).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_set>

#include "core/doc.h"

namespace veille {

struct DedupParams {
  int shingle_words = 4;          // words per shingle
  int minhash_hashes = 128;       // signature length
  int lsh_bands = 32;             // bands; rows per band = minhash_hashes / lsh_bands
  double dup_threshold = 0.5;     // estimated Jaccard of shingle sets to call a duplicate
  int max_bucket_scan = 64;       // most recent documents looked at per LSH bucket
  double story_threshold = 0.4;   // cosine of term sketches to join a story
  int story_window_days = 3;      // a story accepts documents dated within its span +- this
  int story_terms = 48;           // terms kept per document sketch
  double story_entity_weight = 2; // weight of a linked entity relative to a content word
  double story_idf_prior_docs = 100;  // idf = ln((N + this) / (df + 1)): a new term is not rare yet
  int story_min_word_length = 4;  // shorter folded words are not content words
  int story_max_postings_scan = 200;  // most recent documents looked at per term
  std::unordered_set<uint64_t> stopwords;  // folded-word hashes

  // Reads dict/dedup/params.tsv and dict/dedup/stopwords.txt. Throws DictError.
  static DedupParams Load();
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(DedupParams params = DedupParams::Load());
  ~DuplicateIndex();
  DuplicateIndex(DuplicateIndex&&) noexcept;

  // Indexes `doc` after the earlier ones and sets doc.dup_of and doc.story.
  void Add(Doc& doc);

  size_t size() const;
  // Heap bytes held by the index (capacity of its arrays and tables), for the benchmarks.
  size_t MemoryBytes() const;

  struct Stats {
    uint64_t candidates = 0;   // candidate pairs from LSH buckets
    uint64_t duplicates = 0;   // documents with dup_of set
    uint64_t stories = 0;      // distinct stories
  };
  const Stats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace veille
