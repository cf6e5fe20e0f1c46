// How close an extracted article body is to a hand-made gold body: precision, recall and
// F1 over the bag of lowercased word tokens (maximal runs of letters and digits; multiset
// overlap). Used by the HTML extraction benchmark (bench/html_eval) and its test.
#pragma once
#include <string_view>

namespace veille {

struct BodyOverlap {
  double precision = 0, recall = 0, f1 = 0;
};

// An empty `got` has precision 1 when `gold` is empty too, else 0; an empty `gold` has recall 1.
BodyOverlap CompareBodies(std::string_view got, std::string_view gold);

}  // namespace veille
