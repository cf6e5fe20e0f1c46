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
  // The descriptions of recent forms (Describe depends on the form alone, not on the model):
  // direct-mapped by the form's hash; a slot is used only when its form is the same.
  struct Described {
    std::string form, lower;
    WordInfo info;
  };
  static constexpr size_t kCacheSlots = 8192;  // a power of two
  std::vector<Described> cache;
  std::vector<WordInfo> words;
  std::vector<std::string> lower;  // lower-case forms, parallel to words
  std::vector<int> classes;        // the result
  std::vector<int32_t> scores;
};

class LemmaOverrides;

// Tags forms[0..n): scratch->classes[i] is the class of forms[i], scratch->lower[i] its
// lower-case form. The model's choices go through Constrain (constraints.h), with `verbs`
// (may be null) as the known verb forms.
void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* scratch,
              const LemmaOverrides* verbs = nullptr);

}  // namespace veille::syntax
