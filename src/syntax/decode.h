// Greedy left-to-right decoding with the averaged perceptron (internal to src/syntax/).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "syntax/features.h"
#include "syntax/model.h"

namespace veille::syntax {

// Buffers reused from sentence to sentence.
struct Scratch {
  std::vector<WordInfo> words;
  std::vector<std::string> lower;  // lower-case forms, parallel to words
  std::vector<int> classes;        // the result
  std::vector<int32_t> scores;
};

// Tags forms[0..n): scratch->classes[i] is the class of forms[i], scratch->lower[i] its
// lower-case form.
void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* scratch);

}  // namespace veille::syntax
