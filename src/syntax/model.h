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
  FlatIndex features, tagdict, lex, rule_index;

  // Builds the derived fields; throws std::runtime_error when the model is inconsistent.
  void Index();

  // The best class for the features (scores has classes.size() slots).
  int Predict(const uint64_t* feats, int n, float* scores) const {
    const size_t nc = classes.size();
    for (size_t c = 0; c < nc; c++) scores[c] = 0;
    for (int k = 0; k < n; k++) {
      int64_t f = features.Find(feats[k]);
      if (f < 0) continue;
      for (uint32_t e = feature_begin[f], end = feature_begin[f + 1]; e < end; e++)
        scores[entry_class[e]] += entry_weight[e];
    }
    int best = 0;
    for (size_t c = 1; c < nc; c++)
      if (scores[c] > scores[best]) best = static_cast<int>(c);
    return best;
  }

  // The class of a frequent unambiguous word, or -1.
  int Fixed(uint64_t word_hash) const {
    int64_t t = tagdict.Find(word_hash);
    return t < 0 ? -1 : tagdict_class[t];
  }

  // Lemma of a lower-case word with its part of speech (lemmatizer.cpp).
  std::string Lemma(std::string_view lower, Pos pos) const;

  // Binary file I/O (model_file.cpp). Load throws DictError naming the file and the byte offset.
  void Save(const std::string& path) const;
  static Model Load(const std::string& path);
};

uint64_t LexKey(std::string_view form, Pos pos);
uint64_t RuleKey(std::string_view suffix, Pos pos);

}  // namespace veille::syntax
