// Training an averaged perceptron over hashed features (Collins 2002), with sparse rows and
// lazy averaging (Daumé's trick). Shared by the POS tagger (syntax/trainer.cpp) and the
// named-entity tagger (entities/ner_trainer.cpp); at most 255 classes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
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

// Words a training pass got right, of all it saw.
struct PassCount {
  size_t right = 0, total = 0;
};

// The training loop both taggers share: `iterations` passes over `sentences` sentences, each
// pass in a new order (Fisher-Yates on the raw output of std::mt19937_64(seed), which the
// standard fixes; std::shuffle is implementation-defined and the models must be the same
// bytes on every build). `train(s)` trains on sentence s and counts its words; `log`, if
// set, gets one line per pass.
void TrainPasses(size_t sentences, int iterations, uint64_t seed, const std::function<PassCount(size_t)>& train,
                 const std::function<void(const std::string&)>& log);

// Greedy left-to-right decoding of one training sentence with gold classes `gold`:
// `step(i, prev, prev2)` returns word i's class (and updates the weights), given the two
// classes before it (`start` before the first word).
template <class Step>
PassCount GreedySentence(const std::vector<int>& gold, int start, Step&& step) {
  PassCount c;
  int prev = start, prev2 = start;
  for (int i = 0; i < static_cast<int>(gold.size()); i++) {
    int guess = step(i, prev, prev2);
    c.right += guess == gold[i];
    c.total++;
    prev2 = prev;
    prev = guess;
  }
  return c;
}

}  // namespace veille::syntax
