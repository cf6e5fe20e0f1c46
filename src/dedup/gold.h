// Evaluation of dedup/ against a gold file (tests and bench/dedup_eval).
// Gold format (tests/data/dedup/gold.tsv): id <TAB> original id or "-" <TAB> story label.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace veille::dedup {

struct Gold {
  std::vector<std::string> ids;                 // in file order
  std::map<std::string, std::string> original;  // id -> the document it copies, or itself
  std::map<std::string, std::string> story;     // id -> story label
};

// Reads a gold file; throws std::runtime_error naming file:line on a malformed line.
Gold ReadGold(const std::string& path);

// Pair counts: two documents are a pair when they have the same group label.
struct PairScore {
  size_t true_pairs = 0, predicted_pairs = 0, gold_pairs = 0;
  double precision() const { return predicted_pairs ? double(true_pairs) / predicted_pairs : 1.0; }
  double recall() const { return gold_pairs ? double(true_pairs) / gold_pairs : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Scores the grouping `predicted` (id -> label) against `gold` over the ids of `gold`
// (an id missing from `predicted` is alone in its group).
PairScore ScorePairs(const std::map<std::string, std::string>& gold,
                     const std::map<std::string, std::string>& predicted);

}  // namespace veille::dedup
