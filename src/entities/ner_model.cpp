#include "entities/ner_model.h"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>

#include "syntax/binary_file.h"

namespace veille::ner {
namespace {

constexpr char kMagic[] = "veille-ner-model 1\n";

}  // namespace

void NerModel::Index() {
  if (tags.empty() || tags.size() > 64) throw std::runtime_error("between 1 and 64 tags expected");
  outside = -1;
  inside_of.assign(tags.size(), -1);
  type_of.assign(tags.size(), -1);
  type_name.clear();
  std::map<std::string, int> begin_of;
  for (size_t t = 0; t < tags.size(); t++) {
    const std::string& s = tags[t];
    if (s == "O") {
      outside = static_cast<int>(t);
      continue;
    }
    if (s.size() < 3 || (s[0] != 'B' && s[0] != 'I') || s[1] != '-') throw std::runtime_error("unknown tag \"" + s + "\"");
    if (s[0] == 'B') begin_of[s.substr(2)] = static_cast<int>(t);
  }
  if (outside < 0) throw std::runtime_error("no tag \"O\"");
  for (size_t t = 0; t < tags.size(); t++) {
    if (static_cast<int>(t) == outside) continue;
    auto it = begin_of.find(tags[t].substr(2));
    if (it == begin_of.end()) throw std::runtime_error("\"" + tags[t] + "\" without its B- tag");
    if (tags[t][0] == 'I') inside_of[t] = it->second;
    int type = static_cast<int>(std::distance(begin_of.begin(), it));
    type_of[t] = type;
  }
  for (const auto& [name, b] : begin_of) type_name.push_back(name);
  if (weights.begin.size() != weights.keys.size() + 1 || weights.begin.back() != weights.cls.size() ||
      weights.cls.size() != weights.weight.size())
    throw std::runtime_error("inconsistent weight tables");
  for (size_t f = 0; f + 1 < weights.begin.size(); f++)
    if (weights.begin[f] > weights.begin[f + 1]) throw std::runtime_error("weight entries out of order");
  for (uint8_t c : weights.cls)
    if (c >= tags.size()) throw std::runtime_error("weight for an unknown tag");
  index.Build(weights.keys);
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  slots_.clear();
  slot_mask_ = 0;
  if (tags.size() > kDenseTags) return;
  float largest = 0;
  for (float w : weights.weight) largest = std::max(largest, std::fabs(w));
  const float scale = largest > 0 ? 30000.0f / largest : 1.0f;
  size_t size = 16;
  while (size < weights.keys.size() * 2) size <<= 1;  // load factor <= 0.5
  slots_.assign(size, Slot{});
  slot_mask_ = size - 1;
  for (size_t f = 0; f < weights.keys.size(); f++) {
    uint64_t s = weights.keys[f] & slot_mask_;
    uint32_t check = Check(weights.keys[f]);
    while (slots_[s].check != 0 && slots_[s].check != check) s = (s + 1) & slot_mask_;
    if (slots_[s].check == check) continue;  // same slot and check bits as an earlier feature: keep that one
    slots_[s].check = check;
    for (uint32_t e = weights.begin[f]; e < weights.begin[f + 1]; e++)
      slots_[s].w[weights.cls[e]] = static_cast<int16_t>(std::lround(weights.weight[e] * scale));
  }
  uint64_t feats[kMaxNerFeatures];
  tag_kind_rows_.assign(8 * kTagIndexes * kTagIndexes * kDenseTags, 0);
  std::vector<int> prevs;
  for (size_t t = 0; t < tags.size(); t++) prevs.push_back(static_cast<int>(t));
  prevs.push_back(kStart);
  for (uint32_t kind = 0; kind < 8; kind++)
    for (int prev : prevs)
      for (int prev2 : prevs) {
        int k = ExtractNerTagKind(kind, prev == kStart, prev, prev2, feats);
        ScoreDense(feats, k, &tag_kind_rows_[((kind * kTagIndexes + TagIndex(prev)) * kTagIndexes + TagIndex(prev2)) * kDenseTags]);
      }
  for (int prev : prevs) {
    allowed_after_[TagIndex(prev)] = 0;
    for (size_t t = 0; t < tags.size(); t++)
      if (Allowed(prev, static_cast<int>(t))) allowed_after_[TagIndex(prev)] |= 1u << t;
    for (size_t t = 0; t < kDenseTags; t++) allowed_lanes_[TagIndex(prev)][t] = (allowed_after_[TagIndex(prev)] >> t) & 1 ? -1 : 0;
  }
  kinds_rows_.assign(512 * kDenseTags, 0);
  for (uint32_t x = 0; x < 512; x++) {
    feats[0] = NerKindsFeature(x >> 6, (x >> 3) & 7, x & 7);
    ScoreDense(feats, 1, &kinds_rows_[x * kDenseTags]);
  }
}

// The rows are integer sums of 8 int16 lanes: with AVX2 one widening load and one add
// a feature; the result is the same on every machine.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
void NerModel::ScoreDense(const uint64_t* feats, int n, int32_t* scores) const {
  // Prefetch every slot first so that the memory accesses of the features overlap.
  uint64_t slot[kMaxNerFeatures];
  for (int k = 0; k < n; k++) {
    slot[k] = feats[k] & slot_mask_;
    __builtin_prefetch(&slots_[slot[k]]);
  }
  typedef int16_t Lanes16 __attribute__((vector_size(16)));
  typedef int32_t Lanes32 __attribute__((vector_size(32)));
  static_assert(kDenseTags == 8);
  Lanes32 acc = {};
  for (int k = 0; k < n; k++) {
    uint32_t check = Check(feats[k]);
    for (uint64_t s = slot[k];; s = (s + 1) & slot_mask_) {
      const Slot& sl = slots_[s];
      if (sl.check == check) {
        Lanes16 w;
        std::memcpy(&w, sl.w, sizeof w);  // all lanes: the padding is 0
        acc += __builtin_convertvector(w, Lanes32);
        break;
      }
      if (sl.check == 0) break;
    }
  }
  for (size_t t = 0; t < kDenseTags; t++) scores[t] += acc[t];
}

namespace {

// (always inlined into DecodeRows, compiled for AVX2 and for the baseline: the vector ABI
// of an out-of-line call does not arise; GCC reports it at the end of the file, so it stays off)
#pragma GCC diagnostic ignored "-Wpsabi"

// Eight int32 lanes read from or written to any int32_t[8] (unaligned, may alias): GCC
// copies fixed arrays of vectors through the stack, 16 bytes at a time.
typedef int16_t Lanes16 __attribute__((vector_size(16)));
typedef int32_t Lanes32 __attribute__((vector_size(32)));
typedef int32_t Lanes32U __attribute__((vector_size(32), aligned(4), may_alias));
[[gnu::always_inline]] inline Lanes32 Row(const int32_t* p) { return *reinterpret_cast<const Lanes32U*>(p); }

[[gnu::always_inline]] inline Lanes32 Max(Lanes32 a, Lanes32 b) { return a > b ? a : b; }

// The first of the highest scores among the allowed tags (`lanes`: -1 for an allowed tag,
// 0 for the others; `bits` the same as a bit set, never empty): Best() without a branch
// per tag. Scores are sums of a few dozen int16 weights, far above INT32_MIN.
[[gnu::always_inline]] inline int BestAllowed(Lanes32 scores, const int32_t* lanes, uint32_t bits) {
  const Lanes32 allowed = Row(lanes);
  const Lanes32 floor = {INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN};
  const Lanes32 s = (scores & allowed) | (floor & ~allowed);
  Lanes32 m = Max(s, __builtin_shuffle(s, Lanes32{4, 5, 6, 7, 0, 1, 2, 3}));
  m = Max(m, __builtin_shuffle(m, Lanes32{2, 3, 0, 1, 6, 7, 4, 5}));
  m = Max(m, __builtin_shuffle(m, Lanes32{1, 0, 3, 2, 5, 4, 7, 6}));
  Lanes32 hit = (s == m) & Lanes32{1, 2, 4, 8, 16, 32, 64, 128};
  hit |= __builtin_shuffle(hit, Lanes32{4, 5, 6, 7, 0, 1, 2, 3});
  hit |= __builtin_shuffle(hit, Lanes32{2, 3, 0, 1, 6, 7, 4, 5});
  hit |= __builtin_shuffle(hit, Lanes32{1, 0, 3, 2, 5, 4, 7, 6});
  return __builtin_ctz(static_cast<uint32_t>(hit[0]) & bits);
}

}  // namespace

const NerModel::Partial& NerModel::PartialOf(const NerWord& w) const {
  struct Cached {
    uint64_t model = 0;  // 0: empty
    uint64_t f[kWordFeatures];
    Partial p;
  };
  constexpr size_t kSlots = 4096;  // a power of two
  thread_local std::vector<Cached> cache(kSlots);
  Cached& c = cache[(w.f[kOwnWord] ^ (w.f[kOwnGazKind] >> 7)) & (kSlots - 1)];
  if (c.model == id_ && std::memcmp(c.f, w.f, sizeof c.f) == 0) return c.p;
  ScorePartial(w, &c.p);
  std::memcpy(c.f, w.f, sizeof c.f);
  c.model = id_;
  return c.p;
}

// The five rows in one pass over the word's 17 features (every slot prefetched first), not
// five ScoreDense calls: the same integer sums.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
void NerModel::ScorePartial(const NerWord& w, Partial* p) const {
  for (uint64_t f : w.f) __builtin_prefetch(&slots_[f & slot_mask_]);
  auto row = [&](int feature) -> Lanes32 {
    const uint64_t f = w.f[feature];
    const uint32_t check = Check(f);
    for (uint64_t s = f & slot_mask_;; s = (s + 1) & slot_mask_) {
      const Slot& sl = slots_[s];
      if (sl.check == check) {
        Lanes16 r;
        std::memcpy(&r, sl.w, sizeof r);  // all lanes: the padding is 0
        return __builtin_convertvector(r, Lanes32);
      }
      if (sl.check == 0) return Lanes32{};
    }
  };
  const Lanes32 own = row(kOwnWord) + row(kOwnLower) + row(kOwnSuf2) + row(kOwnSuf3) + row(kOwnSuf4) + row(kOwnPre3) +
                      row(kOwnShape) + row(kOwnGaz) + row(kOwnGazKind);
  const Lanes32 m1 = row(kAsLowerM1) + row(kAsShapeM1) + row(kAsGazM1);
  const Lanes32 p1 = row(kAsLowerP1) + row(kAsShapeP1) + row(kAsGazP1);
  const Lanes32 m2 = row(kAsLowerM2), p2 = row(kAsLowerP2);
  std::memcpy(p->own, &own, sizeof p->own);
  std::memcpy(p->m1, &m1, sizeof p->m1);
  std::memcpy(p->p1, &p1, sizeof p->p1);
  std::memcpy(p->m2, &m2, sizeof p->m2);
  std::memcpy(p->p2, &p2, sizeof p->p2);
}

void NerModel::InitRows(WordRows* r) const {
  ScorePartial(r->word, &r->partial);
  r->own_done = r->m1_done = r->p1_done = 0;
  r->bigram_part = NerBigramPart(r->word);
}

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
void NerModel::DecodeRows(WordRows* const* w, int n, std::vector<int>* out) const {
  // The same sums as DecodeDense: the word features' rows and the pairs of a word with the
  // previous tag or a neighbour's kind come from the words' rows (filled once per word and
  // value), so that a position looks up one feature, the bigram of the two words before.
  out->resize(n);
  int prev = kStart, prev2 = kStart;
  for (int i = 0; i < n; i++) {
    WordRows& x = *w[i];
    WordRows& a = *w[i - 1];
    WordRows& b = *w[i + 1];
    const uint32_t kind = x.word.kind;
    const size_t ti = TagIndex(prev);
    if (!((x.own_done >> ti) & 1)) {
      std::memcpy(x.own[ti], x.partial.own, sizeof x.own[ti]);
      const uint64_t f[2] = {NerPrevLowerFeature(x.word, prev), NerPrevGazFeature(x.word, prev)};
      ScoreDense(f, 2, x.own[ti]);
      x.own_done |= 1u << ti;
    }
    if (!((a.m1_done >> kind) & 1)) {
      std::memcpy(a.m1[kind], a.partial.m1, sizeof a.m1[kind]);
      const uint64_t f = NerLowerM1KindFeature(a.word, kind);
      ScoreDense(&f, 1, a.m1[kind]);
      a.m1_done |= 1u << kind;
    }
    if (!((b.p1_done >> kind) & 1)) {
      std::memcpy(b.p1[kind], b.partial.p1, sizeof b.p1[kind]);
      const uint64_t f = NerLowerP1KindFeature(b.word, kind);
      ScoreDense(&f, 1, b.p1[kind]);
      b.p1_done |= 1u << kind;
    }
    const int32_t* tk = &tag_kind_rows_[((kind * kTagIndexes + ti) * kTagIndexes + TagIndex(prev2)) * kDenseTags];
    const int32_t* kr = &kinds_rows_[(a.word.kind * 64 + kind * 8 + b.word.kind) * kDenseTags];
    Lanes32 dense = Row(x.own[ti]) + Row(a.m1[kind]) + Row(b.p1[kind]) + Row(w[i - 2]->partial.m2) +
                    Row(w[i + 2]->partial.p2) + Row(tk) + Row(kr);
    // The bigram's row (ScoreDense of one feature, inline).
    const uint64_t bigram = NerBigramJoin(a.word.mix_lower, w[i - 2]->bigram_part);
    const uint32_t check = Check(bigram);
    for (uint64_t s = bigram & slot_mask_;; s = (s + 1) & slot_mask_) {
      const Slot& sl = slots_[s];
      if (sl.check == check) {
        Lanes16 r;
        std::memcpy(&r, sl.w, sizeof r);
        dense += __builtin_convertvector(r, Lanes32);
        break;
      }
      if (sl.check == 0) break;
    }
    const int t = BestAllowed(dense, allowed_lanes_[ti], allowed_after_[ti]);
    (*out)[i] = t;
    prev2 = prev;
    prev = t;
  }
}

void NerModel::DecodeDense(const NerWord* words, int n, std::vector<int>* out, std::vector<int32_t>* scores) const {
  // The word features' rows once per word (remembered per form), then per position only
  // the rows of its other features: the same integer sums as ScoreDense of all of them.
  thread_local std::vector<Partial> partial;
  partial.resize(static_cast<size_t>(n) + 4);
  Partial* p = partial.data() + 2;  // p[-2], p[-1]: before the first word; p[n], p[n+1]: after the last
  p[-2] = p[-1] = PartialOf(BoundaryWord(true));
  p[n] = p[n + 1] = PartialOf(BoundaryWord(false));
  for (int i = 0; i < n; i++) p[i] = PartialOf(words[i]);
  int32_t dense[kDenseTags];
  uint64_t feats[kMaxNerFeatures];
  int prev = kStart, prev2 = kStart;
  const uint32_t start_kind = BoundaryWord(true).kind, end_kind = BoundaryWord(false).kind;
  for (int i = 0; i < n; i++) {
    // (prev is kStart at the first word alone: Best always finds a tag, "O" at least)
    uint32_t kind = words[i].kind;
    const int32_t* tk =
        &tag_kind_rows_[((kind * kTagIndexes + TagIndex(prev)) * kTagIndexes + TagIndex(prev2)) * kDenseTags];
    uint32_t m1 = i > 0 ? words[i - 1].kind : start_kind, p1 = i + 1 < n ? words[i + 1].kind : end_kind;
    const int32_t* kr = &kinds_rows_[(m1 * 64 + kind * 8 + p1) * kDenseTags];
    int k = ExtractNerPairs(words, n, i, prev, feats);
    for (size_t c = 0; c < kDenseTags; c++)
      dense[c] = p[i].own[c] + p[i - 1].m1[c] + p[i + 1].p1[c] + p[i - 2].m2[c] + p[i + 2].p2[c] + tk[c] + kr[c];
    ScoreDense(feats, k, dense);
    if (scores) scores->insert(scores->end(), dense, dense + kDenseTags);
    // Best(prev, dense) through the allowed tags' bits: the first of the highest scores.
    int t = -1;
    for (uint32_t bits = allowed_after_[TagIndex(prev)]; bits; bits &= bits - 1) {
      int c = __builtin_ctz(bits);
      if (t < 0 || dense[c] > dense[t]) t = c;
    }
    (*out)[i] = t;
    prev2 = prev;
    prev = t;
  }
}

void NerModel::Decode(const NerWord* words, int n, std::vector<int>* out, std::vector<int32_t>* dense_scores) const {
  out->resize(n);
  if (!slots_.empty()) {
    if (dense_scores) dense_scores->clear();
    DecodeDense(words, n, out, dense_scores);
    return;
  }
  float scores[64];
  int32_t dense[kDenseTags];
  uint64_t feats[kMaxNerFeatures];
  int prev = kStart, prev2 = kStart;
  for (int i = 0; i < n; i++) {
    int k = ExtractNer(words, n, i, prev, prev2, feats);
    int t;
    if (!slots_.empty()) {
      for (size_t c = 0; c < kDenseTags; c++) dense[c] = 0;
      ScoreDense(feats, k, dense);
      t = Best(prev, dense);
    } else {
      for (size_t c = 0; c < tags.size(); c++) scores[c] = 0;
      Score(feats, k, scores);
      t = Best(prev, scores);
    }
    (*out)[i] = t;
    prev2 = prev;
    prev = t;
  }
}

void NerModel::Save(const std::string& path) const {
  syntax::Writer w;
  w.Bytes(kMagic);
  w.U32(static_cast<uint32_t>(tags.size()));
  for (const std::string& t : tags) w.Str(t);
  w.U32(static_cast<uint32_t>(weights.keys.size()));
  w.U32(static_cast<uint32_t>(weights.cls.size()));
  for (uint64_t k : weights.keys) w.U64(k);
  for (uint32_t b : weights.begin) w.U32(b);
  for (uint8_t c : weights.cls) w.U8(c);
  for (float x : weights.weight) w.F32(x);
  w.U64(XXH64(w.out().data(), w.out().size(), 0));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.out().data(), static_cast<std::streamsize>(w.out().size()));
  if (!out.flush()) throw std::runtime_error(path + ": cannot write the model");
}

NerModel NerModel::Load(const std::string& path) {
  std::string data;
  syntax::Reader body = syntax::OpenModelFile(path, kMagic, "NER", "veille train-ner", &data);
  NerModel m;
  uint32_t nt = body.Count(2);
  for (uint32_t i = 0; i < nt; i++) m.tags.push_back(body.Str());
  uint32_t nf = body.Count(12);
  uint32_t ne = body.U32();
  body.Need(static_cast<size_t>(nf) * 12 + 4 + static_cast<size_t>(ne) * 5);
  m.weights.keys.resize(nf);
  for (uint32_t i = 0; i < nf; i++) {
    m.weights.keys[i] = body.U64();
    if (i > 0 && m.weights.keys[i] <= m.weights.keys[i - 1]) body.Fail("feature keys out of order");
  }
  m.weights.begin.resize(nf + 1);
  for (uint32_t i = 0; i <= nf; i++) m.weights.begin[i] = body.U32();
  m.weights.cls.resize(ne);
  for (uint32_t i = 0; i < ne; i++) m.weights.cls[i] = body.U8();
  m.weights.weight.resize(ne);
  for (uint32_t i = 0; i < ne; i++) {
    m.weights.weight[i] = body.F32();
    if (!std::isfinite(m.weights.weight[i])) body.Fail("weight is not a finite number");
  }
  if (body.pos() != data.size() - 8) body.Fail("unexpected data after the weights");
  try {
    m.Index();
  } catch (const std::runtime_error& e) {
    throw DictError(path, 0, e.what());
  }
  return m;
}

}  // namespace veille::ner
