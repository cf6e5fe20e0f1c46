#include "syntax/features.h"

#define XXH_INLINE_ALL  // the hashes of short words, inlined (same values as the library)
#include <xxhash.h>

#include "segment/chars.h"

namespace veille::syntax {
namespace {

inline uint64_t F(uint64_t t, uint64_t a) { return Feature(t, a); }
inline uint64_t F2(uint64_t t, uint64_t a, uint64_t b) { return Feature2(t, a, b); }

char ShapeOf(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
  }
  if (segment::IsUpper(c)) return 'X';
  if (segment::IsLetter(c)) return 'x';
  return '?';
}

WordInfo Boundary(std::string_view name) {
  WordInfo w;
  uint64_t h = HashBytes(name);
  w.word = w.lower = w.pre1 = w.pre3 = w.shape = h;
  for (uint64_t& s : w.suf) s = h;
  return w;
}

}  // namespace

uint64_t HashBytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

const WordInfo& StartWord() {
  static const WordInfo w = Boundary("\x02start");
  return w;
}
const WordInfo& EndWord() {
  static const WordInfo w = Boundary("\x03end");
  return w;
}

void Describe(std::string_view form, WordInfo* w, std::string* lower) {
  lower->clear();
  segment::AppendLower(lower, form);
  w->word = HashBytes(form);
  w->lower = HashBytes(*lower);
  // Suffixes of 1..4 characters of the lower-case form (the whole word when shorter).
  size_t end = lower->size(), pos = end;
  for (int k = 0; k < 4; k++) {
    if (pos > 0) {
      pos--;
      while (pos > 0 && (static_cast<unsigned char>((*lower)[pos]) & 0xC0) == 0x80) pos--;
    }
    w->suf[k] = HashBytes(std::string_view(*lower).substr(pos)) + k;
  }
  // Prefixes of 1 and 3 characters.
  size_t p = 0, p1 = 0;
  for (int k = 0; k < 3 && p < lower->size(); k++) {
    p++;
    while (p < lower->size() && (static_cast<unsigned char>((*lower)[p]) & 0xC0) == 0x80) p++;
    if (k == 0) p1 = p;
  }
  w->pre1 = HashBytes(std::string_view(*lower).substr(0, p1));
  w->pre3 = HashBytes(std::string_view(*lower).substr(0, p)) + 7;
  // Shape: X x d and punctuation, runs longer than two collapsed ("Xxx", "dd/dd/dd").
  char shape[24];
  size_t n = 0;
  for (size_t i = 0; i < form.size() && n < sizeof shape;) {
    size_t len;
    char s = ShapeOf(segment::DecodeAt(form, i, form.size(), &len));
    i += len;
    if (n >= 2 && shape[n - 1] == s && shape[n - 2] == s) continue;
    shape[n++] = s;
  }
  w->shape = HashBytes(std::string_view(shape, n));
}

int Extract(const WordInfo* words, int n, int i, int prev, int prev2, uint64_t* out) {
  const WordInfo& w = words[i];
  const WordInfo& m1 = i > 0 ? words[i - 1] : StartWord();
  const WordInfo& m2 = i > 1 ? words[i - 2] : StartWord();
  const WordInfo& p1 = i + 1 < n ? words[i + 1] : EndWord();
  const WordInfo& p2 = i + 2 < n ? words[i + 2] : EndWord();
  int k = 0;
  out[k++] = F(kBias, 0);
  out[k++] = F(kWord, w.word);
  out[k++] = F(kLower, w.lower);
  out[k++] = F(kSuf1, w.suf[0]);
  out[k++] = F(kSuf2, w.suf[1]);
  out[k++] = F(kSuf3, w.suf[2]);
  out[k++] = F(kSuf4, w.suf[3]);
  out[k++] = F(kPre1, w.pre1);
  out[k++] = F(kPre3, w.pre3);
  out[k++] = F(kShape, w.shape);
  out[k++] = F(kPrev, prev);
  out[k++] = F(kPrev2, prev2);
  out[k++] = F(kPrevPrev2, prev * 256 + prev2);
  out[k++] = F2(kPrevLower, w.lower, prev);
  out[k++] = F(kLowerM1, m1.lower);
  out[k++] = F(kSuf3M1, m1.suf[2]);
  out[k++] = F(kLowerM2, m2.lower);
  out[k++] = F(kLowerP1, p1.lower);
  out[k++] = F(kSuf3P1, p1.suf[2]);
  out[k++] = F(kLowerP2, p2.lower);
  out[k++] = F2(kFirstShape, w.shape, i == 0);
  out[k++] = F2(kPrevSuf3, w.suf[2], prev);
  out[k++] = F2(kBigramM1, w.lower, m1.lower);
  out[k++] = F2(kBigramP1, w.lower, p1.lower);
  out[k++] = F2(kPrevLowerP1, p1.lower, prev);
  out[k++] = F(kAmb, w.amb);
  out[k++] = F(kAmbP1, p1.amb);
  out[k++] = F2(kPrevAmb, w.amb, prev);
  return k;
}

int SelfFeatures(const WordInfo& w, bool first, uint64_t* out) {
  int k = 0;
  out[k++] = F(kBias, 0);
  out[k++] = F(kWord, w.word);
  out[k++] = F(kLower, w.lower);
  out[k++] = F(kSuf1, w.suf[0]);
  out[k++] = F(kSuf2, w.suf[1]);
  out[k++] = F(kSuf3, w.suf[2]);
  out[k++] = F(kSuf4, w.suf[3]);
  out[k++] = F(kPre1, w.pre1);
  out[k++] = F(kPre3, w.pre3);
  out[k++] = F(kShape, w.shape);
  out[k++] = F2(kFirstShape, w.shape, first);
  out[k++] = F(kAmb, w.amb);
  return k;
}

int M1Features(const WordInfo& m1, uint64_t* out) {
  out[0] = F(kLowerM1, m1.lower);
  out[1] = F(kSuf3M1, m1.suf[2]);
  return 2;
}

int M2Features(const WordInfo& m2, uint64_t* out) {
  out[0] = F(kLowerM2, m2.lower);
  return 1;
}

int P1Features(const WordInfo& p1, uint64_t* out) {
  out[0] = F(kLowerP1, p1.lower);
  out[1] = F(kSuf3P1, p1.suf[2]);
  out[2] = F(kAmbP1, p1.amb);
  return 3;
}

int P2Features(const WordInfo& p2, uint64_t* out) {
  out[0] = F(kLowerP2, p2.lower);
  return 1;
}

int TagFeatures(int prev, int prev2, uint64_t* out) {
  out[0] = F(kPrev, prev);
  out[1] = F(kPrev2, prev2);
  out[2] = F(kPrevPrev2, prev * 256 + prev2);
  return 3;
}

int MixedFeatures(const WordInfo& w, const WordInfo& m1, const WordInfo& p1, int prev, uint64_t* out) {
  return MixedFeatures(w, Premix(w), m1, p1, Premix(p1), prev, out);
}

}  // namespace veille::syntax
