#include "syntax/perceptron.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace veille::syntax {

int Perceptron::Predict(const uint64_t* feats, int n, std::vector<float>* scores) const {
  std::fill(scores->begin(), scores->end(), 0.0f);
  for (int k = 0; k < n; k++) {
    auto it = rows_.find(feats[k]);
    if (it == rows_.end()) continue;
    for (const Cell& c : it->second) (*scores)[c.cls] += c.w;
  }
  int best = 0;
  for (size_t c = 1; c < classes_; c++)
    if ((*scores)[c] > (*scores)[best]) best = static_cast<int>(c);
  return best;
}

void Perceptron::Update(const uint64_t* feats, int n, int truth, int guess) {
  ++step_;
  if (truth == guess) return;
  for (int k = 0; k < n; k++) {
    std::vector<Cell>& row = rows_[feats[k]];
    Bump(row, truth, 1.0f);
    Bump(row, guess, -1.0f);
  }
}

SparseWeights Perceptron::Average(float prune) const {
  SparseWeights out;
  std::vector<uint64_t> keys;
  keys.reserve(rows_.size());
  for (const auto& [k, row] : rows_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  for (uint64_t k : keys) {
    std::vector<Cell> row = rows_.at(k);
    std::sort(row.begin(), row.end(), [](const Cell& a, const Cell& b) { return a.cls < b.cls; });
    size_t before = out.cls.size();
    for (const Cell& c : row) {
      double total = c.total + static_cast<double>(step_ - c.ts) * c.w;
      float avg = static_cast<float>(total / static_cast<double>(step_));
      if (std::fabs(avg) < prune) continue;
      out.cls.push_back(c.cls);
      out.weight.push_back(avg);
    }
    if (out.cls.size() == before) continue;
    out.keys.push_back(k);
    out.begin.push_back(static_cast<uint32_t>(before));
  }
  out.begin.push_back(static_cast<uint32_t>(out.cls.size()));
  return out;
}

void Perceptron::Bump(std::vector<Cell>& row, int cls, float delta) {
  for (Cell& c : row) {
    if (c.cls != cls) continue;
    c.total += static_cast<double>(step_ - c.ts) * c.w;
    c.ts = step_;
    c.w += delta;
    return;
  }
  row.push_back(Cell{static_cast<uint8_t>(cls), delta, 0.0, step_});
}

void TrainPasses(size_t sentences, int iterations, uint64_t seed, const std::function<PassCount(size_t)>& train,
                 const std::function<void(const std::string&)>& log) {
  std::vector<size_t> order(sentences);
  for (size_t i = 0; i < order.size(); i++) order[i] = i;
  std::mt19937_64 rng(seed);
  for (int it = 0; it < iterations; it++) {
    for (size_t i = order.size(); i > 1; i--) std::swap(order[i - 1], order[rng() % i]);
    PassCount all;
    for (size_t s : order) {
      PassCount c = train(s);
      all.right += c.right;
      all.total += c.total;
    }
    if (log) log(fmt::format("iteration {}: {:.2f}% of training words right", it + 1, 100.0 * all.right / all.total));
  }
}

}  // namespace veille::syntax
