#include "syntax/decode.h"

namespace veille::syntax {

void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* s) {
  if (s->words.size() < n) s->words.resize(n);
  if (s->lower.size() < n) s->lower.resize(n);
  s->classes.resize(n);
  s->scores.resize(model.classes.size());
  for (size_t i = 0; i < n; i++) Describe(forms[i], &s->words[i], &s->lower[i]);
  int prev = kStartTag, prev2 = kStartTag;
  uint64_t feats[kMaxFeatures];
  for (size_t i = 0; i < n; i++) {
    int c = model.Fixed(s->words[i].word);
    if (c < 0) {
      int k = Extract(s->words.data(), static_cast<int>(n), static_cast<int>(i), prev, prev2, feats);
      c = model.Predict(feats, k, s->scores.data());
    }
    s->classes[i] = c;
    prev2 = prev;
    prev = c;
  }
}

}  // namespace veille::syntax
