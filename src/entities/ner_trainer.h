// Training and measuring the named-entity tagger (used by `veille train-ner`, bench/ner_eval
// and the tests).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "entities/ner_data.h"
#include "entities/ner_model.h"

namespace veille::ner {

struct NerTrainOptions {
  int iterations = 8;
  uint32_t seed = 1;   // the order of sentences in each iteration
  float prune = 0.05f; // averaged weights smaller than this are dropped
};

// Trains on `train` (shuffled deterministically per iteration).
NerModel Train(const std::vector<NerSentence>& train, const NerLexicon& lexicon, const NerTrainOptions& options,
               const std::function<void(const std::string&)>& log = {});

// Exact-match scores of entity spans.
struct Prf {
  size_t tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp == 0 ? 0.0 : 100.0 * tp / (tp + fp); }
  double R() const { return tp + fn == 0 ? 0.0 : 100.0 * tp / (tp + fn); }
  double F1() const { return P() + R() == 0 ? 0.0 : 2 * P() * R() / (P() + R()); }
};
struct NerScores {
  size_t sentences = 0, words = 0;
  Prf typed;                         // span and type right
  Prf spans;                         // span right, any type
  std::map<std::string, Prf> by_type;
};

// Compares predicted tag sequences with the gold ones (parallel to `gold`).
NerScores Score(const std::vector<NerSentence>& gold, const std::vector<std::vector<std::string>>& predicted);

// The model's tags for every sentence.
std::vector<std::vector<std::string>> Predict(const NerModel& model, const NerLexicon& lexicon,
                                              const std::vector<NerSentence>& sentences);

// A baseline: every run of capitalised words (the first word of a sentence only when the
// next word is capitalised too) is an entity, typed by the type its last word has most
// often in `train` entities, else the most frequent type.
std::vector<std::vector<std::string>> PredictBaseline(const std::vector<NerSentence>& train,
                                                      const std::vector<NerSentence>& sentences);

}  // namespace veille::ner
