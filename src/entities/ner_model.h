// The named-entity tagger's model (internal to entities/): averaged perceptron weights over
// the hashed features of ner_features.h, for IOB2 tags ("O", "B-PER", "I-PER", ...). Saved
// as dict/models/fr-ner.bin (format in dict/models/README.md), validated on load.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/ner_features.h"
#include "syntax/model.h"
#include "syntax/perceptron.h"

namespace veille::ner {

struct NerModel {
  std::vector<std::string> tags;  // sorted: "B-LOC", ..., "O"
  syntax::SparseWeights weights;

  // Derived by Index().
  syntax::FlatIndex index;
  int outside = -1;            // the tag "O"
  std::vector<int> inside_of;  // for "I-X": the tag "B-X"; -1 for the others
  std::vector<int> type_of;    // B-X and I-X -> the same small number; -1 for O
  std::vector<std::string> type_name;

  // Builds the derived fields; throws std::runtime_error when the model is inconsistent.
  void Index();
  // Whether `tag` may follow `prev` (kStart before the first word): "I-X" only after
  // "B-X" or "I-X".
  bool Allowed(int prev, int tag) const {
    int b = inside_of[tag];
    return b < 0 || (prev != kStart && (prev == b || prev == tag));
  }
  // The best allowed tag after `prev` given the scores of every tag.
  template <typename Score>
  int Best(int prev, const Score* scores) const {
    int best = -1;
    for (int t = 0; t < static_cast<int>(tags.size()); t++)
      if (Allowed(prev, t) && (best < 0 || scores[t] > scores[best])) best = t;
    return best;
  }
  // Adds the weights of the features to scores (one slot per tag, zeroed by the caller).
  void Score(const uint64_t* feats, int n, float* scores) const {
    for (int k = 0; k < n; k++) {
      int64_t f = index.Find(feats[k]);
      if (f < 0) continue;
      for (uint32_t e = weights.begin[f]; e < weights.begin[f + 1]; e++) scores[weights.cls[e]] += weights.weight[e];
    }
  }

  // Tags the words (greedy, left to right): tags[i] receives the tag index of words[i].
  // With the compact table, `dense` (when given) receives the kDenseTags scores of each position.
  void Decode(const NerWord* words, int n, std::vector<int>* out, std::vector<int32_t>* dense = nullptr) const;

  // The same with the compact table (Index() builds it when there are at most kDenseTags
  // tags): one open-addressing slot per feature holding 31 more bits of its hash and its
  // weights for every tag, quantized to 16 bits, so that a feature costs one memory access.
  // `scores` has kDenseTags slots (those past tags.size() receive 0s).
  void ScoreDense(const uint64_t* feats, int n, int32_t* scores) const;

  // A word with its dense rows, for decoders that keep their words (the tagger's word table,
  // ner_words.h): the rows of its word features (PartialOf), and those with the pair features
  // that join the word to one small value, filled on first use. Needs the compact table.
  struct WordRows;
  // Sets up r->rows for r->word (the rows that depend on it alone; the others empty).
  void InitRows(WordRows* r) const;
  // Decode with the words' rows: words[-2], words[-1] are BoundaryWord(true)'s, words[n] and
  // words[n + 1] BoundaryWord(false)'s. The same tags as Decode of the same words; fills
  // the rows it needs.
  void DecodeRows(WordRows* const* words, int n, std::vector<int>* out) const;
  bool dense() const { return !slots_.empty(); }
  // Tells models apart (set by Index()).
  uint64_t id() const { return id_; }

  // Binary file I/O. Load throws DictError naming the file and the byte offset.
  void Save(const std::string& path) const;
  static NerModel Load(const std::string& path);

  static constexpr size_t kDenseTags = 8;
  static constexpr size_t kTagIndexes = kDenseTags + 1;
  // The dense rows of a word's word features (ner_features.h), by the role it plays at a
  // position: itself, the word before (m1) or after (p1), two before (m2) or after (p2).
  // Their sum plus the rows of the position's other features (ExtractNerTagKind,
  // NerKindsFeature, ExtractNerPairs) is the sum of its ExtractNer features.
  struct Partial {
    int32_t own[kDenseTags], m1[kDenseTags], p1[kDenseTags], m2[kDenseTags], p2[kDenseTags];
  };

 private:
  struct Slot {
    uint32_t check = 0;  // 0: empty
    int16_t w[kDenseTags] = {};
  };
  static uint32_t Check(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1u; }
  // A word's Partial, remembered per thread for recent words (keyed by the model and all features).
  const Partial& PartialOf(const NerWord& w) const;
  void ScorePartial(const NerWord& w, Partial* p) const;
  void DecodeDense(const NerWord* words, int n, std::vector<int>* out, std::vector<int32_t>* scores) const;
  // Rows of the features with few values, built by Index() with the compact table:
  // ExtractNerTagKind's sum by [kind][prev][prev2] (kStart as kDenseTags; first = prev
  // is kStart, as it is at the first word alone), NerKindsFeature's by m1 * 64 + w * 8 + p1.
  static size_t TagIndex(int tag) { return tag == kStart ? kDenseTags : static_cast<size_t>(tag); }
  std::vector<int32_t> tag_kind_rows_, kinds_rows_;
  uint32_t allowed_after_[kTagIndexes] = {};  // bit t: Allowed(prev, t), by TagIndex(prev)
  int32_t allowed_lanes_[kTagIndexes][kDenseTags] = {};  // the same as lanes: -1 allowed, 0 not
  std::vector<Slot> slots_;
  uint64_t slot_mask_ = 0;
  uint64_t id_ = 0;  // set by Index(): tells models apart in the per-thread cache of Partials
};

struct NerModel::WordRows {
  NerWord word;
  Partial partial;
  // partial.own + the rows of NerPrevLowerFeature and NerPrevGazFeature with the previous
  // tag, by TagIndex(prev); partial.m1 + NerLowerM1KindFeature with the kind of the word
  // after; partial.p1 + NerLowerP1KindFeature with the kind of the word before. A row is
  // filled when its bit is set.
  int32_t own[kTagIndexes][kDenseTags];
  int32_t m1[8][kDenseTags];
  int32_t p1[8][kDenseTags];
  uint32_t own_done = 0, m1_done = 0, p1_done = 0;
  uint64_t bigram_part = 0;  // NerBigramPart(word), as the word two before a position
};

}  // namespace veille::ner
