// Training an averaged perceptron over hashed features (Collins 2002), with sparse rows and
// lazy averaging (Daumé's trick). Shared by the POS tagger (syntax/trainer.cpp) and the
// named-entity tagger (entities/ner_trainer.cpp); at most 255 classes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace veille::syntax {

// Averaged weights: feature f (keys sorted) has the entries [begin[f], begin[f+1]).
struct SparseWeights {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> begin;
  std::vector<uint8_t> cls;
  std::vector<float> weight;
};

class Perceptron {
 public:
  explicit Perceptron(size_t classes) : classes_(classes) {}

  // The best class for the features with the current weights; scores has one slot per class.
  int Predict(const uint64_t* feats, int n, std::vector<float>* scores) const;
  // One training step: moves the weights towards `truth` when `guess` is wrong.
  void Update(const uint64_t* feats, int n, int truth, int guess);
  // A step without features (a word the caller decided alone): counts for the average.
  void Tick() { ++step_; }

  // The averaged weights, sorted by feature, entries with |w| < prune dropped.
  SparseWeights Average(float prune) const;

 private:
  struct Cell {
    uint8_t cls;
    float w;
    double total;  // sum of w over the steps before ts
    int64_t ts;
  };
  void Bump(std::vector<Cell>& row, int cls, float delta);

  size_t classes_;
  int64_t step_ = 0;
  std::unordered_map<uint64_t, std::vector<Cell>> rows_;
};

}  // namespace veille::syntax
