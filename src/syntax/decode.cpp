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

typedef int32_t V32 __attribute__((vector_size(32)));

// to[0..width) += from[0..width) (width a multiple of 8).
[[gnu::always_inline]] inline void AddRow(const int32_t* from, int32_t* to, size_t width) {
  for (size_t c = 0; c < width; c += 8) {
    V32 a, b;
    __builtin_memcpy(&a, to + c, sizeof a);
    __builtin_memcpy(&b, from + c, sizeof b);
    a += b;
    __builtin_memcpy(to + c, &a, sizeof a);
  }
}

// Empties the cache when the model changes.
void Reset(const Model& model, Scratch* s) {
  s->model_serial = model.serial;
  s->width = model.RowWidth();
  s->cache.assign(Scratch::kCacheSlots, Scratch::Described{});
  s->rows.assign(Scratch::kCacheSlots * Scratch::kRoles * s->width, 0);
  const size_t w = s->width;
  uint64_t feats[kMaxGroupFeatures];
  s->boundary.assign(4 * w, 0);
  model.AddWeights(feats, M1Features(StartWord(), feats), &s->boundary[0]);
  model.AddWeights(feats, M2Features(StartWord(), feats), &s->boundary[w]);
  model.AddWeights(feats, P1Features(EndWord(), feats), &s->boundary[2 * w]);
  model.AddWeights(feats, P2Features(EndWord(), feats), &s->boundary[3 * w]);
  const size_t tags = model.classes.size() + 1;
  s->tag_rows.assign(tags * tags * w, 0);
  s->tag_ready.assign(tags * tags, 0);
  s->scores.resize(model.classes.size());
}

// The entry of forms[i] in slot `slot`, described anew when the slot holds another form.
[[gnu::always_inline]] inline Scratch::Described& Entry(const Model& model, std::string_view form, uint32_t slot,
                                                        Scratch* s) {
  Scratch::Described& d = s->cache[slot];
  if (d.form != form || d.form.empty()) {
    Describe(form, &d.info, &d.lower);
    d.form.assign(form);
    d.info.amb = model.Ambiguity(d.info.lower);
    d.fixed = model.Fixed(d.info.word);
    if (d.fixed < 0 && model.punct_class >= 0 && IsPunctuation(form)) d.fixed = model.punct_class;
    d.ready = 0;
    d.has_lemma = false;
  }
  return d;
}

// The cached row of role r of the entry in `slot`.
[[gnu::always_inline]] inline const int32_t* Row(const Model& model, Scratch* s, uint32_t slot, Scratch::Role r) {
  Scratch::Described& d = s->cache[slot];
  int32_t* row = &s->rows[(slot * Scratch::kRoles + r) * s->width];
  if (!(d.ready & (1u << r))) {
    uint64_t feats[kMaxGroupFeatures];
    int k = r == Scratch::kSelf   ? SelfFeatures(d.info, false, feats)
            : r == Scratch::kAsM1 ? M1Features(d.info, feats)
            : r == Scratch::kAsM2 ? M2Features(d.info, feats)
            : r == Scratch::kAsP1 ? P1Features(d.info, feats)
                                  : P2Features(d.info, feats);
    for (size_t c = 0; c < s->width; c++) row[c] = 0;
    model.AddWeights(feats, k, row);
    d.ready |= 1u << r;
  }
  return row;
}

}  // namespace

// The perceptron's dense rows are integer sums of int16 lanes (Model::AddWeights): with AVX2
// they take a quarter of the instructions; the result is the same on every machine.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* s, const LemmaOverrides* verbs) {
  if (s->cache.empty() || s->model_serial != model.serial) Reset(model, s);
  if (s->words.size() < n) s->words.resize(n);
  if (s->lower.size() < n) s->lower.resize(n);
  s->slot.resize(n);
  s->fixed.resize(n);
  s->classes.resize(n);
  const size_t width = s->width;
  for (size_t i = 0; i < n; i++) {
    uint32_t slot = static_cast<uint32_t>(HashBytes(forms[i]) & (Scratch::kCacheSlots - 1));
    const Scratch::Described& d = Entry(model, forms[i], slot, s);
    s->slot[i] = slot;
    s->words[i] = d.info;
    s->lower[i].assign(d.lower);
    s->fixed[i] = d.fixed;
  }
  // The cached rows of every word, added to the words the model decides (the word itself,
  // and the words it is a neighbour of).
  s->sums.assign(n * width, 0);
  int32_t* sums = s->sums.data();
  auto decides = [&](size_t i) { return s->fixed[i] < 0; };
  for (size_t j = 0; j < n; j++) {
    Entry(model, forms[j], s->slot[j], s);  // a later form of the sentence may have taken the slot
    const uint32_t slot = s->slot[j];
    if (decides(j)) {
      if (j == 0) {
        uint64_t feats[kMaxGroupFeatures];
        model.AddWeights(feats, SelfFeatures(s->words[0], true, feats), sums);
      } else {
        AddRow(Row(model, s, slot, Scratch::kSelf), sums + j * width, width);
      }
    }
    if (j + 1 < n && decides(j + 1)) AddRow(Row(model, s, slot, Scratch::kAsM1), sums + (j + 1) * width, width);
    if (j + 2 < n && decides(j + 2)) AddRow(Row(model, s, slot, Scratch::kAsM2), sums + (j + 2) * width, width);
    if (j >= 1 && decides(j - 1)) AddRow(Row(model, s, slot, Scratch::kAsP1), sums + (j - 1) * width, width);
    if (j >= 2 && decides(j - 2)) AddRow(Row(model, s, slot, Scratch::kAsP2), sums + (j - 2) * width, width);
  }
  for (size_t i = 0; i < n && i < 2; i++) {
    if (!decides(i)) continue;
    if (i == 0) AddRow(&s->boundary[0], sums, width);
    AddRow(&s->boundary[width], sums + i * width, width);
  }
  for (size_t i = n >= 2 ? n - 2 : 0; i < n; i++) {
    if (!decides(i)) continue;
    if (i + 1 == n) AddRow(&s->boundary[2 * width], sums + i * width, width);
    AddRow(&s->boundary[3 * width], sums + i * width, width);
  }
  const size_t tags = model.classes.size() + 1;
  int prev = kStartTag, prev2 = kStartTag;
  alignas(32) int32_t acc[256 + 8];
  uint64_t feats[kMaxGroupFeatures];
  for (size_t i = 0; i < n; i++) {
    int c = s->fixed[i];
    if (c < 0) {
      size_t t = (prev == kStartTag ? tags - 1 : static_cast<size_t>(prev)) * tags +
                 (prev2 == kStartTag ? tags - 1 : static_cast<size_t>(prev2));
      int32_t* tag_row = &s->tag_rows[t * width];
      if (!s->tag_ready[t]) {
        model.AddWeights(feats, TagFeatures(prev, prev2, feats), tag_row);
        s->tag_ready[t] = 1;
      }
      for (size_t k = 0; k < width; k++) acc[k] = sums[i * width + k];
      AddRow(tag_row, acc, width);
      const WordInfo& m1 = i > 0 ? s->words[i - 1] : StartWord();
      const WordInfo& p1 = i + 1 < n ? s->words[i + 1] : EndWord();
      model.AddWeights(feats, MixedFeatures(s->words[i], m1, p1, prev, feats), acc);
      c = model.BestOf(acc, s->scores.data());
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
