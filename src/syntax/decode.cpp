#include "syntax/decode.h"

#include <unicode/uchar.h>
#define XXH_INLINE_ALL  // HashBytes inlined where it picks a form's slot (same values)
#include <xxhash.h>

#include <cstring>

#include "core/hash.h"
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
// 8 int32 read or written at any int32 address. (Copying rows into a V32 array with memcpy
// had GCC move the whole array through memory 16 bytes at a time: loads keep it in registers.)
// (Pointers, not values: a V32 argument or result changes the ABI where AVX is not enabled.)
typedef int32_t V32u __attribute__((vector_size(32), aligned(4), may_alias));
[[gnu::always_inline]] inline const V32u& At8(const int32_t* p) { return *reinterpret_cast<const V32u*>(p); }
[[gnu::always_inline]] inline V32u& At8(int32_t* p) { return *reinterpret_cast<V32u*>(p); }

// to[0..width) += from[0..width) (width a multiple of 8).
[[gnu::always_inline]] inline void AddRow(const int32_t* from, int32_t* to, size_t width) {
  for (size_t c = 0; c < width; c += 8) At8(to + c) += At8(from + c);
}

// acc[0..N*8) = the sum of rows[0..count) (each N*8 wide), in N vector registers.
template <int N>
[[gnu::always_inline]] inline void SumRows(const int32_t* const* rows, int count, int32_t* acc) {
  V32 r[N];
  for (int j = 0; j < N; j++) r[j] = At8(rows[0] + j * 8);
  for (int k = 1; k < count; k++)
    for (int j = 0; j < N; j++) r[j] += At8(rows[k] + j * 8);
  for (int j = 0; j < N; j++) At8(acc + j * 8) = r[j];
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

// The best class of acc[0..N*8) (N vectors, `classes` of them real): the first of the
// highest score, as Model::BestOf, without a scalar pass over the classes: the maximum of the
// vectors then of their lanes, then the least index holding it.
template <int N>
[[gnu::always_inline]] inline int BestOf(const int32_t* acc, size_t classes) {
  const V32 iota = {0, 1, 2, 3, 4, 5, 6, 7};
  const V32 lowest = V32{} + INT32_MIN;
  V32 r[N];
  for (int j = 0; j < N; j++) r[j] = At8(acc + j * 8);
  // The lanes past the last class (zeros) take no part.
  r[N - 1] = iota < static_cast<int32_t>(classes - (N - 1) * 8) ? r[N - 1] : lowest;
  V32 m = r[0];
  for (int j = 1; j < N; j++) m = m > r[j] ? m : r[j];
  V32 x = __builtin_shuffle(m, V32{4, 5, 6, 7, 0, 1, 2, 3});
  m = m > x ? m : x;
  x = __builtin_shuffle(m, V32{2, 3, 0, 1, 6, 7, 4, 5});
  m = m > x ? m : x;
  x = __builtin_shuffle(m, V32{1, 0, 3, 2, 5, 4, 7, 6});
  m = m > x ? m : x;  // every lane: the maximum
  const V32 none = V32{} + INT32_MAX;
  V32 first = none;
  for (int j = 0; j < N; j++) {
    V32 at = r[j] == m ? iota + j * 8 : none;
    first = first < at ? first : at;
  }
  x = __builtin_shuffle(first, V32{4, 5, 6, 7, 0, 1, 2, 3});
  first = first < x ? first : x;
  x = __builtin_shuffle(first, V32{2, 3, 0, 1, 6, 7, 4, 5});
  first = first < x ? first : x;
  x = __builtin_shuffle(first, V32{1, 0, 3, 2, 5, 4, 7, 6});
  first = first < x ? first : x;
  return first[0];
}

[[gnu::always_inline]] inline int BestOf(const Model& model, const int32_t* acc, size_t width) {
  const size_t classes = model.classes.size();
  if (classes > (width / 8 - 1) * 8) switch (width / 8) {  // the last vector holds a class
      case 1: return BestOf<1>(acc, classes);
      case 2: return BestOf<2>(acc, classes);
      case 3: return BestOf<3>(acc, classes);
      case 4: return BestOf<4>(acc, classes);
      case 5: return BestOf<5>(acc, classes);
      case 6: return BestOf<6>(acc, classes);
      case 7: return BestOf<7>(acc, classes);
      case 8: return BestOf<8>(acc, classes);
      default: break;
    }
  return model.BestOf(acc);
}

// The row of cache c for (lower, prev), computed with `features` (writes feats, returns how
// many) when the entry holds another key.
template <typename F>
[[gnu::always_inline]] inline const int32_t* PrevRow(const Model& model, Scratch::PrevRows* c, size_t width,
                                                     uint64_t lower, int prev, F features) {
  const size_t e = (lower + static_cast<uint64_t>(prev) * 0x9E3779B97F4A7C15ULL) >> 32 & (Scratch::PrevRows::kSlots - 1);
  int32_t* row = &c->rows[e * width];
  if (c->lower[e] != lower || c->prev[e] != prev) [[unlikely]] {
    uint64_t feats[kMaxGroupFeatures];
    const int k = features(feats);
    for (size_t j = 0; j < width; j++) row[j] = 0;
    model.AddWeights(feats, k, row);
    c->lower[e] = lower;
    c->prev[e] = prev;
  }
  return row;
}

// The row to add to a word's kSelf row when it is the first of the sentence: the weights of
// kFirstShape with `first` minus those without (integer sums: the same total as SelfFeatures
// with `first`).
const int32_t* FirstDelta(const Model& model, Scratch::FirstDelta* c, size_t width, uint64_t shape) {
  const size_t e = shape & (Scratch::FirstDelta::kSlots - 1);  // a hash already
  int32_t* row = &c->rows[e * width];
  if (!c->used[e] || c->shape[e] != shape) [[unlikely]] {
    const uint64_t with = Feature2(kFirstShape, shape, 1), without = Feature2(kFirstShape, shape, 0);
    std::vector<int32_t> minus(width, 0);
    for (size_t j = 0; j < width; j++) row[j] = 0;
    model.AddWeights(&with, 1, row);
    model.AddWeights(&without, 1, minus.data());
    for (size_t j = 0; j < width; j++) row[j] -= minus[j];
    c->shape[e] = shape;
    c->used[e] = 1;
  }
  return row;
}

void ResetPrevRows(size_t width, Scratch::PrevRows* c) {
  c->lower.assign(Scratch::PrevRows::kSlots, 0);
  c->prev.assign(Scratch::PrevRows::kSlots, -1);
  c->rows.reset(new int32_t[Scratch::PrevRows::kSlots * width]);
}

// Empties the cache when the model changes.
void Reset(const Model& model, const LemmaOverrides* verbs, Scratch* s) {
  s->model_serial = model.serial;
  s->verbs = verbs;
  s->stamp = 0;
  s->width = model.RowWidth();
  s->cache.assign(Scratch::kCacheSlots, Scratch::Described{});
  s->rows.reset(new int32_t[Scratch::kCacheSlots * Scratch::kRoles * s->width]);
  const size_t w = s->width;
  uint64_t feats[kMaxGroupFeatures];
  s->start_rows.assign(Scratch::kRoles * w, 0);
  s->end_rows.assign(Scratch::kRoles * w, 0);
  model.AddWeights(feats, M1Features(StartWord(), feats), &s->start_rows[Scratch::kAsM1 * w]);
  model.AddWeights(feats, M2Features(StartWord(), feats), &s->start_rows[Scratch::kAsM2 * w]);
  model.AddWeights(feats, P1Features(EndWord(), feats), &s->end_rows[Scratch::kAsP1 * w]);
  model.AddWeights(feats, P2Features(EndWord(), feats), &s->end_rows[Scratch::kAsP2 * w]);
  s->end_mix = Premix(EndWord());
  s->first_delta.shape.assign(Scratch::FirstDelta::kSlots, 0);
  s->first_delta.used.assign(Scratch::FirstDelta::kSlots, 0);
  s->first_delta.rows.assign(Scratch::FirstDelta::kSlots * w, 0);
  ResetPrevRows(w, &s->word_prev);
  ResetPrevRows(w, &s->next_prev);
  const size_t tags = model.classes.size() + 1;
  s->tag_rows.assign(tags * tags * w, 0);
  s->tag_ready.assign(tags * tags, 0);
  s->constrained.assign(model.classes.size(), 0);
  for (size_t c = 0; c < model.classes.size(); c++)
    s->constrained[c] = (model.class_past_participle[c] ? 1 : 0) | (MayBeVerb(model.class_pos[c]) ? 2 : 0);
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

// Computes the rows of the entry in `slot` that are not yet: a form met in a sentence has all
// its rows, so that scoring reads them without checking. (Out of line: a new form is rare in
// a sentence, frequent in a corpus; its dense weights are added with AVX2 too, as TagForms'.)
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
[[gnu::noinline]] void FillRows(const Model& model, Scratch* s, uint32_t slot) {
  Scratch::Described& d = s->cache[slot];
  for (int r = 0; r < Scratch::kRoles; r++) {
    if (d.ready & (1u << r)) continue;
    int32_t* row = &s->rows[(slot * Scratch::kRoles + r) * s->width];
    uint64_t feats[kMaxGroupFeatures];
    int k = RoleFeatures(d.info, static_cast<Scratch::Role>(r), feats);
    for (size_t c = 0; c < s->width; c++) row[c] = 0;
    model.AddWeights(feats, k, row);
  }
  d.ready = Scratch::kAllRows;
}

// Describes `form` into the cache entry d (a new form for the slot).
[[gnu::noinline]] void DescribeEntry(const Model& model, const LemmaOverrides* verbs, std::string_view form,
                                     Scratch::Described* d) {
  Describe(form, &d->info, &d->lower);
  d->form.assign(form);
  d->form_key = WordKey(form, true);
  d->info.amb = model.Ambiguity(d->info.lower);
  d->mix = Premix(d->info);
  d->fixed = model.Fixed(d->info.word);
  if (d->fixed < 0 && model.punct_class >= 0 && IsPunctuation(form)) d->fixed = model.punct_class;
  d->may_be_verb = verbs && form == d->lower && verbs->Find(d->lower);
  d->verb_form = d->fixed >= 0 && d->may_be_verb && MayBeVerb(model.class_pos[d->fixed]);
  d->participle_ok = ParticipleOk(d->lower);
  d->ready = 0;
  d->has_lemma = false;
}

}  // namespace

// The perceptron's dense rows are integer sums of int16 lanes (Model::AddWeights): with AVX2
// they take a quarter of the instructions; the result is the same on every machine.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* s, const LemmaOverrides* verbs) {
  if (s->cache.empty() || s->model_serial != model.serial || s->verbs != verbs) Reset(model, verbs, s);
  if (s->words.size() < n + 2 * Scratch::kPad) s->words.resize(n + 2 * Scratch::kPad);
  if (s->spill_lower.size() < n) s->spill_lower.resize(n);  // does not move while the sentence is read
  s->classes.resize(n);
  const size_t width = s->width, block = Scratch::kRoles * width;
  if (++s->stamp == 0) {  // wrapped around: forget the old stamps
    for (Scratch::Described& d : s->cache) d.stamp = 0;
    s->stamp = 1;
  }
  size_t spills = 0;  // at most one a word: `spill` does not move while the sentence is read
  if (s->spill.size() < n * block) s->spill.resize(n * block);
  Scratch::Word* const words = s->words.data() + Scratch::kPad;  // words[-2] to words[n + 1]
  const uint64_t start_lower = StartWord().lower, end_lower = EndWord().lower;
  for (Scratch::Word* b : {&words[-2], &words[-1]}) {
    b->rows = s->start_rows.data();
    b->lower_hash = start_lower;
    b->amb = 0;
  }
  for (Scratch::Word* b : {&words[n], &words[n + 1]}) {
    b->rows = s->end_rows.data();
    b->lower_hash = end_lower;
    b->mix = s->end_mix;
    b->amb = 0;
  }
  for (size_t i = 0; i < n; i++) {
    const std::string_view form = forms[i];
    const uint32_t slot = static_cast<uint32_t>(XXH3_64bits(form.data(), form.size()) & (Scratch::kCacheSlots - 1));  // HashBytes
    Scratch::Described& d = s->cache[slot];
    if (d.form != form || d.form.empty()) {
      if (d.stamp == s->stamp) {
        // An earlier word of this sentence has the slot (and all its rows): they move to `spill`.
        int32_t* dst = &s->spill[spills++ * block];
        const int32_t* from = &s->rows[slot * block];
        for (size_t c = 0; c < block; c++) dst[c] = from[c];
        std::string& lower = s->spill_lower[spills - 1];
        lower.assign(d.lower);
        for (size_t k = 0; k < i; k++)
          if (!words[k].spilled && words[k].slot == slot) {
            words[k].rows = dst;
            words[k].spilled = true;
            words[k].lower = lower;
          }
      }
      DescribeEntry(model, verbs, form, &d);
    }
    if (d.ready != Scratch::kAllRows) FillRows(model, s, slot);
    d.stamp = s->stamp;
    if (i == 0) s->first_shape = d.info.shape;
    Scratch::Word& w = words[i];
    w.rows = &s->rows[slot * block];
    w.lower_hash = d.info.lower;
    w.mix = d.mix;
    w.amb = d.info.amb;
    w.fixed = d.fixed;
    w.slot = slot;
    w.verb_form = d.verb_form;
    w.participle_ok = d.participle_ok;
    w.may_be_verb = d.may_be_verb;
    w.spilled = false;
    w.lower = d.lower;
  }
  const size_t tags = model.classes.size() + 1;
  int prev = kStartTag, prev2 = kStartTag;
  alignas(32) int32_t acc[256 + 8];
  uint64_t feats[kMaxGroupFeatures];
  int32_t* const tag_rows = s->tag_rows.data();
  uint8_t* const tag_ready = s->tag_ready.data();
  const uint8_t* const constrained = s->constrained.data();
  int* const classes = s->classes.data();
  for (size_t i = 0; i < n; i++) {
    const Scratch::Word& w = words[i];
    int c = w.fixed;
    if (c < 0 || w.verb_form) {
      // The cached rows of the word and its neighbours, of the previous tags, of the word
      // and of the next one with the previous tag, then the two bigrams.
      const int32_t* rows[8];
      rows[0] = w.rows + Scratch::kSelf * width;  // the first word's: see FirstDelta below
      rows[1] = words[i - 1].rows + Scratch::kAsM1 * width;  // the boundary's before the first word
      rows[2] = words[i - 2].rows + Scratch::kAsM2 * width;
      rows[3] = words[i + 1].rows + Scratch::kAsP1 * width;  // and after the last
      rows[4] = words[i + 2].rows + Scratch::kAsP2 * width;
      size_t t = (prev == kStartTag ? tags - 1 : static_cast<size_t>(prev)) * tags +
                 (prev2 == kStartTag ? tags - 1 : static_cast<size_t>(prev2));
      int32_t* tag_row = &tag_rows[t * width];
      if (!tag_ready[t]) {
        model.AddWeights(feats, TagFeatures(prev, prev2, feats), tag_row);
        tag_ready[t] = 1;
      }
      rows[5] = tag_row;
      const Scratch::Word& next = words[i + 1];  // EndWord's after the last word
      rows[6] = PrevRow(model, &s->word_prev, width, w.lower_hash, prev,
                        [&](uint64_t* f) { return WordPrevFeatures(w.mix, prev, f); });
      rows[7] = PrevRow(model, &s->next_prev, width, next.lower_hash, prev,
                        [&](uint64_t* f) { return NextPrevFeatures(next.mix, prev, f); });
      SumRows(rows, 8, acc, width);
      if (i == 0) AddRow(FirstDelta(model, &s->first_delta, width, s->first_shape), acc, width);
      model.AddWeights(feats, BigramFeatures(w.mix, words[i - 1].lower_hash, next.lower_hash, feats), acc);
      if (c < 0) c = BestOf(model, acc, width);
      // Constrain changes only a participle class given to a form without a participle's
      // ending and, after a word, a part of speech a verb may be mistaken for given to a
      // known verb form.
      if (((constrained[c] & 1) && !w.participle_ok) || ((constrained[c] & 2) && w.may_be_verb && i > 0)) {
        Position p{forms[i],
                   w.lower,
                   i > 0 ? forms[i - 1] : std::string_view(),
                   i > 0 ? prev : -1,
                   i > 0 ? words[i - 1].amb : 0,
                   i > 1 ? prev2 : -1,
                   i + 1 < n ? forms[i + 1] : std::string_view(),
                   i + 1 < n ? words[i + 1].amb : 0};
        c = Constrain(model, verbs, p, c, acc);
      }
    }
    classes[i] = c;
    prev2 = prev;
    prev = c;
  }
}

}  // namespace veille::syntax
