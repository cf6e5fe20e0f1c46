#include "syntax/decode.h"

#include <unicode/uchar.h>

#include <cstring>

#include "segment/chars.h"
#include "syntax/constraints.h"

namespace veille::syntax {
namespace {

// Dashes, brackets, quotation marks and sentence punctuation are PUNCT whatever the model
// says: the treebanks have few of the typographic ones ("–", "“", "‹").
bool IsPunctuation(std::string_view form) {
  if (form.empty()) return false;
  for (size_t i = 0; i < form.size();) {
    size_t len;
    char32_t c = segment::DecodeAt(form, i, form.size(), &len);
    i += len;
    if (c < 0x80) {
      if (!strchr(".,;:!?()[]{}\"'-", static_cast<char>(c)) || c == 0) return false;
      continue;
    }
    int8_t t = u_charType(static_cast<UChar32>(c));
    if (t != U_DASH_PUNCTUATION && t != U_START_PUNCTUATION && t != U_END_PUNCTUATION &&
        t != U_INITIAL_PUNCTUATION && t != U_FINAL_PUNCTUATION && c != 0x2026 /* … */)
      return false;
  }
  return true;
}

}  // namespace

// The perceptron's dense rows are integer sums of int16 lanes (Model::Predict): with AVX2
// they take a quarter of the instructions; the result is the same on every machine.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* s, const LemmaOverrides* verbs) {
  if (s->words.size() < n) s->words.resize(n);
  if (s->lower.size() < n) s->lower.resize(n);
  s->classes.resize(n);
  s->scores.resize(model.classes.size());
  if (s->cache.empty()) s->cache.resize(Scratch::kCacheSlots);
  for (size_t i = 0; i < n; i++) {
    Scratch::Described& d = s->cache[HashBytes(forms[i]) & (Scratch::kCacheSlots - 1)];
    if (d.form != forms[i] || d.form.empty()) {
      Describe(forms[i], &d.info, &d.lower);
      d.form.assign(forms[i]);
    }
    s->words[i] = d.info;
    s->lower[i].assign(d.lower);
    s->words[i].amb = model.Ambiguity(s->words[i].lower);
  }
  int prev = kStartTag, prev2 = kStartTag;
  uint64_t feats[kMaxFeatures];
  for (size_t i = 0; i < n; i++) {
    int c = model.Fixed(s->words[i].word);
    if (c < 0 && model.punct_class >= 0 && IsPunctuation(forms[i])) c = model.punct_class;
    if (c < 0) {
      int k = Extract(s->words.data(), static_cast<int>(n), static_cast<int>(i), prev, prev2, feats);
      c = model.Predict(feats, k, s->scores.data());
      Position p{forms[i],
                 s->lower[i],
                 i > 0 ? forms[i - 1] : std::string_view(),
                 i > 0 ? prev : -1,
                 i > 0 ? s->words[i - 1].amb : 0,
                 i > 1 ? prev2 : -1,
                 i + 1 < n ? forms[i + 1] : std::string_view(),
                 i + 1 < n ? s->words[i + 1].amb : 0};
      c = Constrain(model, verbs, p, c, s->scores.data());
    }
    s->classes[i] = c;
    prev2 = prev;
    prev = c;
  }
}

}  // namespace veille::syntax
