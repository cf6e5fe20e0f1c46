// The tagger's model (internal to src/syntax/): perceptron weights over hashed features,
// a tag dictionary for frequent unambiguous words, and the lemmatizer's lexicon and
// suffix rules. Saved as one binary file, dict/models/fr-tagger.bin (format in
// dict/models/README.md), validated on load.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"
#include "syntax/features.h"

namespace veille::syntax {

// Open-addressing map from a 64-bit key to its position in the key list given to Build.
class FlatIndex {
 public:
  void Build(const std::vector<uint64_t>& keys);
  // The position of `key`, or -1.
  int64_t Find(uint64_t key) const {
    if (mask_ == 0) return -1;
    uint64_t k = key == 0 ? 1 : key;
    for (uint64_t s = k & mask_;; s = (s + 1) & mask_) {
      if (slots_[s] == k) return vals_[s];
      if (slots_[s] == 0) return -1;
    }
  }

 private:
  std::vector<uint64_t> slots_;
  std::vector<uint32_t> vals_;
  uint64_t mask_ = 0;
};

struct LexEntry {
  std::string form;   // lower case
  Pos pos = Pos::kX;
  std::string lemma;  // lower case
};

// For words ending with `suffix` tagged `pos`: replace the final `remove` by `add`.
struct SuffixRule {
  Pos pos = Pos::kX;
  std::string suffix;
  std::string remove;
  std::string add;
  uint32_t support = 0;  // training word types ending with `suffix` tagged `pos`
};

constexpr int kMaxRuleSuffix = 8;  // characters

struct Model {
  // Classes: "NOUN", "VERB|Mood=Ind|Tense=Pres|VerbForm=Fin", ...
  std::vector<std::string> classes;
  // Averaged perceptron weights: feature f (keys sorted) has the entries [begin[f], begin[f+1]).
  std::vector<uint64_t> feature_keys;
  std::vector<uint32_t> feature_begin;
  std::vector<uint8_t> entry_class;
  std::vector<float> entry_weight;
  // Frequent unambiguous words (hash of the form as written) and their class.
  std::vector<uint64_t> tagdict_keys;
  std::vector<uint8_t> tagdict_class;
  // Lemmatizer: (form, pos) -> lemma, sorted; suffix rules for the other words.
  std::vector<LexEntry> lexicon;
  std::vector<SuffixRule> rules;
  uint32_t rule_min_support = 1;

  // Derived by Index().
  std::vector<Pos> class_pos;
  std::vector<std::string> class_feats;
  std::vector<bool> class_past_participle;  // VERB/AUX with Tense=Past|VerbForm=Part
  int punct_class = -1;  // the class "PUNCT", if any
  // The UPOS each lexicon form has (bit set), by hash of the form.
  FlatIndex amb_index;
  std::vector<uint32_t> amb_mask;
  uint32_t Ambiguity(uint64_t lower_hash) const {
    int64_t a = amb_index.Find(lower_hash);
    return a < 0 ? 0 : amb_mask[a];
  }
  FlatIndex tagdict, lex, rule_index;
  FlatIndex known_lemmas;  // LexKey(hash of a lemma, its UPOS) of the lexicon's lemmas

  // Builds the derived fields; throws std::runtime_error when the model is inconsistent.
  void Index();
  // Set by Index(), different for every call: caches of what a model computes key on it.
  uint64_t serial = 0;

  // The best class for the features (scores has classes.size() slots).
  // (Always inlined: TagForms is compiled for AVX2 too, and the sums use its vector width.)
  [[gnu::always_inline]] int Predict(const uint64_t* feats, int n, int32_t* scores) const {
    uint32_t found[kMaxFeatures];
    int m = FindWeights(feats, n, found);
    // The dense rows are summed in registers when they are a few vectors wide (37 classes:
    // 5 vectors of 8 lanes), the sparse weights in memory; integer sums, so the order does
    // not change the result.
    switch (dense_width_ / kLanes) {
      case 1: return Sum<1>(found, m, scores);
      case 2: return Sum<2>(found, m, scores);
      case 3: return Sum<3>(found, m, scores);
      case 4: return Sum<4>(found, m, scores);
      case 5: return Sum<5>(found, m, scores);
      case 6: return Sum<6>(found, m, scores);
      case 7: return Sum<7>(found, m, scores);
      case 8: return Sum<8>(found, m, scores);
      default: return Sum<0>(found, m, scores);
    }
  }

  // Partial sums, for decoders that cache the weights of groups of features (decode.cpp):
  // a row is RowWidth() int32 (the classes, then zeros), the sum of some features' weights.
  // Integer sums, so adding rows gives exactly what Predict computes from all the features.
  size_t RowWidth() const { return dense_width_ ? dense_width_ : (classes.size() + kLanes - 1) / kLanes * kLanes; }
  // Adds the weights of feats[0..n) (n <= kMaxFeatures) to `row`.
  [[gnu::always_inline]] void AddWeights(const uint64_t* feats, int n, int32_t* row) const {
    uint32_t found[kMaxFeatures];
    int m = FindWeights(feats, n, found);
    for (int k = 0; k < m; k++) {
      if (dense_width_ && (found[k] & 0xFF) == kDense) {
        const int16_t* w16 = &dense_[(found[k] >> 8) * dense_width_];
        for (size_t c = 0; c < dense_width_; c += kLanes) {
          V16 w;
          __builtin_memcpy(&w, w16 + c, sizeof w);
          V32 a;
          __builtin_memcpy(&a, row + c, sizeof a);
          a += __builtin_convertvector(w, V32);
          __builtin_memcpy(row + c, &a, sizeof a);
        }
        continue;
      }
      const Weight* w = &weights_[found[k] >> 8];
      for (uint32_t e = 0, count = found[k] & 0xFF; e < count; e++) row[w[e].cls] += w[e].w;
    }
  }
  // The best class of a row of sums: the first of the highest, as Predict.
  [[gnu::always_inline]] int BestOf(const int32_t* row) const {
    const size_t nc = classes.size();
    int32_t top = row[0];
    size_t c = 1;
    if (nc >= 2 * kLanes) {  // the maximum of whole vectors, then of their lanes
      V32 m, x;
      __builtin_memcpy(&m, row, sizeof m);
      for (c = kLanes; c + kLanes <= nc; c += kLanes) {
        __builtin_memcpy(&x, row + c, sizeof x);
        m = m > x ? m : x;
      }
      top = m[0];
      for (size_t l = 1; l < kLanes; l++) top = m[l] > top ? m[l] : top;
    }
    for (; c < nc; c++) top = row[c] > top ? row[c] : top;
    int best = 0;
    while (row[best] != top) best++;
    return best;
  }

  // The class of a frequent unambiguous word, or -1.
  int Fixed(uint64_t word_hash) const {
    int64_t t = tagdict.Find(word_hash);
    return t < 0 ? -1 : tagdict_class[t];
  }

  // Lemma of a lower-case word with its part of speech (lemmatizer.cpp).
  std::string Lemma(std::string_view lower, Pos pos) const { return Lemma(lower, HashBytes(lower), pos); }
  // The same, given HashBytes(lower).
  std::string Lemma(std::string_view lower, uint64_t lower_hash, Pos pos) const;

  // Binary file I/O (model_file.cpp). Load throws DictError naming the file and the byte offset.
  void Save(const std::string& path) const;
  static Model Load(const std::string& path);

 private:
  // The weights for scoring, compact so that they stay in cache: an open-addressing table of
  // features (8 bytes a slot: 31 bits of the hash beyond those that chose the slot, and where
  // its weights are), each pointing to its (weight, class) pairs, the weights quantized to
  // 16 bits (the largest magnitude maps to 30000).
  struct Slot {
    uint32_t check = 0;   // 0: empty
    uint32_t packed = 0;  // first weight << 8 | number of weights
  };
  struct Weight {
    int16_t w;
    uint16_t cls;
  };
  static uint32_t Check(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1u; }
  // Writes to found[] the packed slots of the features the model has; returns how many.
  // Two passes so that the memory accesses of different features overlap: prefetch the
  // slots, then find them and prefetch their weights.
  [[gnu::always_inline]] int FindWeights(const uint64_t* feats, int n, uint32_t* found) const {
    uint64_t slot[kMaxFeatures];
    for (int k = 0; k < n; k++) {
      slot[k] = feats[k] & slot_mask_;
      __builtin_prefetch(&slots_[slot[k]]);
    }
    int m = 0;
    for (int k = 0; k < n; k++) {
      uint32_t check = Check(feats[k]);
      for (uint64_t s = slot[k];; s = (s + 1) & slot_mask_) {
        const Slot& sl = slots_[s];
        if (sl.check == check) {
          if (dense_width_ && (sl.packed & 0xFF) == kDense) __builtin_prefetch(&dense_[(sl.packed >> 8) * dense_width_]);
          else __builtin_prefetch(&weights_[sl.packed >> 8]);
          found[m++] = sl.packed;
          break;
        }
        if (sl.check == 0) break;
      }
    }
    return m;
  }
  // Features with many weights keep them as a dense row of dense_width_ int16 (classes
  // padded to kLanes, zeros elsewhere), added with vector instructions; their slot says
  // kDense instead of a count, and "first weight" is the row. Only with fewer than 255 classes.
  static constexpr int kMaxClasses = 255;
  static constexpr size_t kLanes = 8;
  static constexpr uint32_t kDense = 0xFF;
  static constexpr uint32_t kDenseMin = 12;  // weights from which a row is dense
  typedef int16_t V16 __attribute__((vector_size(16)));
  typedef int32_t V32 __attribute__((vector_size(32)));
  // Adds the weights of the found slots and returns the best class (the first of the
  // highest score). N > 0: dense_width_ == N * kLanes, the dense rows summed in N vector
  // registers; N == 0: any width, everything summed in memory.
  template <int N>
  [[gnu::always_inline]] int Sum(const uint32_t* found, int m, int32_t* scores) const {
    const size_t nc = classes.size();
    alignas(32) int32_t acc[kMaxClasses + kLanes];
    const size_t width = dense_width_ ? dense_width_ : nc;
    for (size_t c = 0; c < width; c++) acc[c] = 0;
    V32 reg[N > 0 ? N : 1] = {};
    for (int k = 0; k < m; k++) {
      if (dense_width_ && (found[k] & 0xFF) == kDense) {
        const int16_t* row = &dense_[(found[k] >> 8) * dense_width_];
        if constexpr (N > 0) {
          for (int j = 0; j < N; j++) {
            V16 w;
            __builtin_memcpy(&w, row + j * kLanes, sizeof w);
            reg[j] += __builtin_convertvector(w, V32);
          }
        } else {
          for (size_t c = 0; c < dense_width_; c += kLanes) {
            V16 w;
            __builtin_memcpy(&w, row + c, sizeof w);
            V32 a;
            __builtin_memcpy(&a, acc + c, sizeof a);
            a += __builtin_convertvector(w, V32);
            __builtin_memcpy(acc + c, &a, sizeof a);
          }
        }
        continue;
      }
      const Weight* w = &weights_[found[k] >> 8];
      for (uint32_t e = 0, count = found[k] & 0xFF; e < count; e++) acc[w[e].cls] += w[e].w;
    }
    if constexpr (N > 0) {
      for (int j = 0; j < N; j++) {
        V32 a;
        __builtin_memcpy(&a, acc + j * kLanes, sizeof a);
        a += reg[j];
        __builtin_memcpy(acc + j * kLanes, &a, sizeof a);
      }
    }
    int32_t top = acc[0];
    for (size_t c = 1; c < nc; c++) top = acc[c] > top ? acc[c] : top;
    int best = 0;
    while (acc[best] != top) best++;
    for (size_t c = 0; c < nc; c++) scores[c] = acc[c];
    return best;
  }

  std::vector<int16_t> dense_;
  size_t dense_width_ = 0;
  std::vector<Slot> slots_;
  std::vector<Weight> weights_;
  uint64_t slot_mask_ = 0;
};

uint64_t LexKey(uint64_t form_hash, Pos pos);
uint64_t RuleKey(std::string_view suffix, Pos pos);

}  // namespace veille::syntax
