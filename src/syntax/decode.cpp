#include "syntax/decode.h"

#include <unicode/uchar.h>

#include <cstring>

#include "segment/chars.h"
#include "syntax/constraints.h"
#include "syntax/lemmatizer_overrides.h"

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

// The fixed classes the constraints may turn into a verb (constraints.h).
bool MayBeVerb(Pos pos) { return pos == Pos::kNoun || pos == Pos::kAdj || pos == Pos::kAdv || pos == Pos::kSconj; }

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

// acc[0..N*8) = the sum of rows[0..count) (each N*8 wide), in N vector registers.
template <int N>
[[gnu::always_inline]] inline void SumRows(const int32_t* const* rows, int count, int32_t* acc) {
  V32 r[N];
  for (int j = 0; j < N; j++) __builtin_memcpy(&r[j], rows[0] + j * 8, sizeof r[j]);
  for (int k = 1; k < count; k++)
    for (int j = 0; j < N; j++) {
      V32 b;
      __builtin_memcpy(&b, rows[k] + j * 8, sizeof b);
      r[j] += b;
    }
  for (int j = 0; j < N; j++) __builtin_memcpy(acc + j * 8, &r[j], sizeof r[j]);
}

// acc = the sum of rows[0..count), `width` wide (a multiple of 8); integer sums, so the
// order does not change the result.
[[gnu::always_inline]] inline void SumRows(const int32_t* const* rows, int count, int32_t* acc, size_t width) {
  switch (width / 8) {
    case 1: return SumRows<1>(rows, count, acc);
    case 2: return SumRows<2>(rows, count, acc);
    case 3: return SumRows<3>(rows, count, acc);
    case 4: return SumRows<4>(rows, count, acc);
    case 5: return SumRows<5>(rows, count, acc);
    case 6: return SumRows<6>(rows, count, acc);
    case 7: return SumRows<7>(rows, count, acc);
    case 8: return SumRows<8>(rows, count, acc);
    default:
      if (rows[0] != acc)
        for (size_t k = 0; k < width; k++) acc[k] = rows[0][k];
      for (int k = 1; k < count; k++) AddRow(rows[k], acc, width);
  }
}

// Empties the cache when the model changes.
void Reset(const Model& model, const LemmaOverrides* verbs, Scratch* s) {
  s->model_serial = model.serial;
  s->verbs = verbs;
  s->stamp = 0;
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
  s->end_mix = Premix(EndWord());
  const size_t tags = model.classes.size() + 1;
  s->tag_rows.assign(tags * tags * w, 0);
  s->tag_ready.assign(tags * tags, 0);
}

// The features of role r of a word.
int RoleFeatures(const WordInfo& w, Scratch::Role r, uint64_t* feats) {
  switch (r) {
    case Scratch::kSelf: return SelfFeatures(w, false, feats);
    case Scratch::kAsM1: return M1Features(w, feats);
    case Scratch::kAsM2: return M2Features(w, feats);
    case Scratch::kAsP1: return P1Features(w, feats);
    default: return P2Features(w, feats);
  }
}

// The row of role r of the entry in `slot`, computed on first use.
[[gnu::always_inline]] inline const int32_t* Row(const Model& model, Scratch* s, uint32_t slot, Scratch::Role r) {
  Scratch::Described& d = s->cache[slot];
  int32_t* row = &s->rows[(slot * Scratch::kRoles + r) * s->width];
  if (!(d.ready & (1u << r))) {
    uint64_t feats[kMaxGroupFeatures];
    int k = RoleFeatures(d.info, r, feats);
    for (size_t c = 0; c < s->width; c++) row[c] = 0;
    model.AddWeights(feats, k, row);
    d.ready |= 1u << r;
  }
  return row;
}

// The per-word arrays of a Scratch while a sentence is scored (they do not move then), as
// plain pointers: the compiler need not reload them after every byte store (`ready`).
struct Sentence {
  const uint8_t* spilled;
  const int32_t* const* rows_of;
  const uint32_t* slot;
  const WordInfo* words;
  const Premixed* mix;
  const int* fixed;
  Scratch::Described* cache;
  int32_t* rows;
  size_t width;
};

// The row of role r of word i of the sentence (Row, from the sentence's arrays).
[[gnu::always_inline]] inline const int32_t* RowOf(const Model& model, const Sentence& v, size_t i, Scratch::Role r) {
  if (v.spilled[i]) return v.rows_of[i] + r * v.width;
  const uint32_t slot = v.slot[i];
  Scratch::Described& d = v.cache[slot];
  int32_t* row = v.rows + (slot * Scratch::kRoles + r) * v.width;
  if (!(d.ready & (1u << r))) {
    uint64_t feats[kMaxGroupFeatures];
    int k = RoleFeatures(d.info, r, feats);
    for (size_t c = 0; c < v.width; c++) row[c] = 0;
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
  if (s->cache.empty() || s->model_serial != model.serial || s->verbs != verbs) Reset(model, verbs, s);
  if (s->words.size() < n) s->words.resize(n);
  s->lower.resize(n);
  if (s->spill_lower.size() < n) s->spill_lower.resize(n);  // does not move while the sentence is read
  s->slot.resize(n);
  s->fixed.resize(n);
  s->verb_form.resize(n);
  s->mix.resize(n);
  s->rows_of.resize(n);
  s->spilled.assign(n, 0);
  s->classes.resize(n);
  const size_t width = s->width, block = Scratch::kRoles * width;
  if (++s->stamp == 0) {  // wrapped around: forget the old stamps
    for (Scratch::Described& d : s->cache) d.stamp = 0;
    s->stamp = 1;
  }
  size_t spills = 0;  // at most one a word: `spill` does not move while the sentence is read
  if (s->spill.size() < n * block) s->spill.resize(n * block);
  for (size_t i = 0; i < n; i++) {
    const std::string_view form = forms[i];
    const uint32_t slot = static_cast<uint32_t>(HashBytes(form) & (Scratch::kCacheSlots - 1));
    Scratch::Described& d = s->cache[slot];
    if (d.form != form || d.form.empty()) {
      if (d.stamp == s->stamp) {
        // An earlier word of this sentence has the slot: its rows move to `spill`.
        int32_t* dst = &s->spill[spills++ * block];
        for (int r = 0; r < Scratch::kRoles; r++) {
          const int32_t* row = Row(model, s, slot, static_cast<Scratch::Role>(r));
          for (size_t c = 0; c < width; c++) dst[r * width + c] = row[c];
        }
        std::string& lower = s->spill_lower[spills - 1];
        lower.assign(d.lower);
        for (size_t k = 0; k < i; k++)
          if (!s->spilled[k] && s->slot[k] == slot) {
            s->rows_of[k] = dst;
            s->spilled[k] = 1;
            s->lower[k] = lower;
          }
      }
      Describe(form, &d.info, &d.lower);
      d.form.assign(form);
      d.info.amb = model.Ambiguity(d.info.lower);
      d.mix = Premix(d.info);
      d.fixed = model.Fixed(d.info.word);
      if (d.fixed < 0 && model.punct_class >= 0 && IsPunctuation(form)) d.fixed = model.punct_class;
      d.verb_form = d.fixed >= 0 && verbs && form == d.lower && MayBeVerb(model.class_pos[d.fixed]) &&
                    verbs->Find(d.lower);
      d.ready = 0;
      d.has_lemma = false;
    }
    d.stamp = s->stamp;
    s->slot[i] = slot;
    s->rows_of[i] = &s->rows[slot * block];
    s->words[i] = d.info;
    s->lower[i] = d.lower;
    s->fixed[i] = d.fixed;
    s->verb_form[i] = d.verb_form;
    s->mix[i] = d.mix;
  }
  const size_t tags = model.classes.size() + 1;
  int prev = kStartTag, prev2 = kStartTag;
  alignas(32) int32_t acc[256 + 8];
  uint64_t feats[kMaxGroupFeatures];
  const Sentence v{s->spilled.data(), s->rows_of.data(), s->slot.data(), s->words.data(), s->mix.data(),
                   s->fixed.data(), s->cache.data(), s->rows.data(), width};
  const WordInfo* const words = v.words;
  const Premixed* const mix = v.mix;
  const int32_t* const boundary = s->boundary.data();
  int32_t* const tag_rows = s->tag_rows.data();
  uint8_t* const tag_ready = s->tag_ready.data();
  const Premixed end_mix = s->end_mix;
  int* const classes = s->classes.data();
  for (size_t i = 0; i < n; i++) {
    int c = v.fixed[i];
    if (c < 0 || s->verb_form[i]) {
      // The cached rows of the word and its neighbours, those of the previous tags, then
      // the features that mix them.
      const int32_t* rows[6];
      if (i == 0) {
        for (size_t k = 0; k < width; k++) acc[k] = 0;
        model.AddWeights(feats, SelfFeatures(words[0], true, feats), acc);
        rows[0] = acc;
      } else {
        rows[0] = RowOf(model, v, i, Scratch::kSelf);
      }
      rows[1] = i > 0 ? RowOf(model, v, i - 1, Scratch::kAsM1) : &boundary[0];
      rows[2] = i > 1 ? RowOf(model, v, i - 2, Scratch::kAsM2) : &boundary[width];
      rows[3] = i + 1 < n ? RowOf(model, v, i + 1, Scratch::kAsP1) : &boundary[2 * width];
      rows[4] = i + 2 < n ? RowOf(model, v, i + 2, Scratch::kAsP2) : &boundary[3 * width];
      size_t t = (prev == kStartTag ? tags - 1 : static_cast<size_t>(prev)) * tags +
                 (prev2 == kStartTag ? tags - 1 : static_cast<size_t>(prev2));
      int32_t* tag_row = &tag_rows[t * width];
      if (!tag_ready[t]) {
        model.AddWeights(feats, TagFeatures(prev, prev2, feats), tag_row);
        tag_ready[t] = 1;
      }
      rows[5] = tag_row;
      SumRows(rows, 6, acc, width);
      const WordInfo& m1 = i > 0 ? words[i - 1] : StartWord();
      const bool last = i + 1 == n;
      const WordInfo& p1 = last ? EndWord() : words[i + 1];
      model.AddWeights(feats, MixedFeatures(words[i], mix[i], m1, p1, last ? end_mix : mix[i + 1], prev, feats),
                       acc);
      if (c < 0) c = model.BestOf(acc);
      Position p{forms[i],
                 s->lower[i],
                 i > 0 ? forms[i - 1] : std::string_view(),
                 i > 0 ? prev : -1,
                 i > 0 ? words[i - 1].amb : 0,
                 i > 1 ? prev2 : -1,
                 i + 1 < n ? forms[i + 1] : std::string_view(),
                 i + 1 < n ? words[i + 1].amb : 0};
      c = Constrain(model, verbs, p, c, acc);
    }
    classes[i] = c;
    prev2 = prev;
    prev = c;
  }
}

}  // namespace veille::syntax
