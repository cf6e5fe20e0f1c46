#include "entities/ner_features.h"

#include <atomic>
#include <vector>

#include "core/dict_file.h"
#include "entities/actors.h"
#include "entities/titles.h"
#include "segment/chars.h"

namespace veille::ner {
namespace {

using syntax::Feature;
using syntax::Feature2;

enum Template : uint64_t {
  kBias = 101, kWord, kLower, kSuf2, kSuf3, kSuf4, kPre3, kShape, kKindFirst, kPrev, kPrevPrev2, kPrevKind,
  kPrevLower, kLowerM1, kLowerP1, kLowerM2, kLowerP2, kShapeM1, kShapeP1, kKinds, kGaz, kGazKind, kGazM1,
  kGazP1, kPrevGaz, kLowerM1Kind, kBigramM2M1, kLowerP1Kind,
};

}  // namespace

void HashWordFeatures(NerWord* w) {
  uint64_t* f = w->f;
  f[kOwnWord] = Feature(kWord, w->info.word);
  f[kOwnLower] = Feature(kLower, w->info.lower);
  f[kOwnSuf2] = Feature(kSuf2, w->info.suf[1]);
  f[kOwnSuf3] = Feature(kSuf3, w->info.suf[2]);
  f[kOwnSuf4] = Feature(kSuf4, w->info.suf[3]);
  f[kOwnPre3] = Feature(kPre3, w->info.pre3);
  f[kOwnShape] = Feature(kShape, w->info.shape);
  f[kOwnGaz] = Feature(kGaz, w->gaz);
  f[kOwnGazKind] = Feature2(kGazKind, w->gaz, w->kind);
  f[kAsLowerM1] = Feature(kLowerM1, w->info.lower);
  f[kAsLowerP1] = Feature(kLowerP1, w->info.lower);
  f[kAsLowerM2] = Feature(kLowerM2, w->info.lower);
  f[kAsLowerP2] = Feature(kLowerP2, w->info.lower);
  f[kAsShapeM1] = Feature(kShapeM1, w->info.shape);
  f[kAsShapeP1] = Feature(kShapeP1, w->info.shape);
  f[kAsGazM1] = Feature(kGazM1, w->gaz);
  f[kAsGazP1] = Feature(kGazP1, w->gaz);
  w->mix_lower = syntax::Mix64(w->info.lower);
  w->mix_kind = syntax::Mix64(w->kind);
  w->mix_gaz = syntax::Mix64(w->gaz);
}

namespace {

const NerWord& Boundary(bool start) {
  static const NerWord s = [] {
    NerWord w;
    w.info = syntax::StartWord();
    w.kind = 6;
    HashWordFeatures(&w);
    return w;
  }();
  static const NerWord e = [] {
    NerWord w;
    w.info = syntax::EndWord();
    w.kind = 7;
    HashWordFeatures(&w);
    return w;
  }();
  return start ? s : e;
}

uint32_t KindOf(std::string_view form) {
  size_t len;
  bool lower = false, digit = false, letter = false;
  for (size_t i = 0; i < form.size(); i += len) {
    char32_t c = segment::DecodeAt(form, i, form.size(), &len);
    if (segment::IsUpper(c)) letter = true;
    else if (segment::IsLetter(c)) lower = letter = true;
    else if (segment::IsDigit(c)) digit = true;
  }
  if (!letter) return digit ? 4 : 5;
  char32_t first = segment::DecodeAt(form, 0, form.size(), &len);
  if (segment::IsUpper(first)) return lower || form.size() == len ? 2 : 3;
  return 1;
}

}  // namespace

void NerLexicon::Add(std::string_view phrase, uint32_t bit) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  std::string lower;
  segment::AppendLower(&lower, phrase);
  size_t i = 0;
  while (i < lower.size()) {
    size_t j = lower.find(' ', i);
    if (j == std::string::npos) j = lower.size();
    if (j > i) {
      std::string word = lower.substr(i, j - i);
      bits_[word] |= bit;
      // Hyphenated people's names: the parts too ("Jean-Luc", "Rocard-Lemaire"); not
      // places ("Saint-Martin" does not make "Martin" a place).
      if ((bit & (kGivenName | kPersonWord)) && word.find('-') != std::string::npos) {
        for (size_t a = 0;;) {
          size_t h = word.find('-', a);
          size_t e = h == std::string::npos ? word.size() : h;
          if (e > a) bits_[word.substr(a, e - a)] |= bit;
          if (h == std::string::npos) break;
          a = h + 1;
        }
      }
    }
    i = j + 1;
  }
}

NerLexicon NerLexicon::Load() {
  NerLexicon lex;
  ActorTables tables = LoadActors();
  for (const ActorTables::Name& n : tables.names) {
    const Alias& alias = tables.aliases[n.alias];
    const Actor& actor = tables.actors[alias.actor];
    if (alias.via == "demonym") {
      lex.Add(n.text, kDemonym);
      continue;
    }
    switch (actor.kind) {
      case ActorKind::kPerson: {
        lex.Add(n.text, kPersonWord);
        size_t space = n.text.find(' ');
        if (space != std::string::npos) lex.Add(std::string_view(n.text).substr(0, space), kGivenName);
        break;
      }
      case ActorKind::kOrganization:
      case ActorKind::kMedia:
        lex.Add(n.text, kOrgWord);
        break;
      case ActorKind::kCountry:
        lex.Add(n.text, kPlaceWord);
        break;
    }
  }
  TitleTable titles(tables);
  for (const Title& t : titles.titles()) lex.Add(t.phrase, kTitleWord);
  ReadDictFile(
      "models/fr-ner-words.tsv",
      [&](const DictLine& l) {
        std::string_view cls = l.fields[1];
        uint32_t bit = 0;
        if (cls == "given-name") bit = kGivenName;
        if (cls == "person-cue") bit = kPersonCue;
        if (cls == "org-cue") bit = kOrgCue;
        if (cls == "place-cue") bit = kPlaceCue;
        if (bit == 0) l.Fail("unknown class \"" + std::string(cls) + "\" (given-name, person-cue, org-cue, place-cue)");
        if (l.fields[0].find(' ') != std::string_view::npos) l.Fail("one word per line");
        lex.Add(l.fields[0], bit);
      },
      2, 2);
  return lex;
}

void DescribeWord(std::string_view form, const NerLexicon& lexicon, NerWord* w, std::string* lower) {
  // syntax::Describe and KindOf depend on the form alone, the gazetteer bits on the form
  // and the lexicon: remembered per thread for recent forms (direct-mapped by the form's
  // hash; a slot is used only when its form is the same, its bits only for the same lexicon).
  struct Described {
    std::string form, lower;
    NerWord word;
    uint64_t lexicon = 0;  // NerLexicon::id() of word.gaz; 0: none
  };
  constexpr size_t kSlots = 8192;  // a power of two
  thread_local std::vector<Described> cache(kSlots);
  Described& d = cache[syntax::HashBytes(form) & (kSlots - 1)];
  if (d.form != form || d.form.empty()) {
    syntax::Describe(form, &d.word.info, &d.lower);
    d.form.assign(form);
    d.word.kind = KindOf(form);
    d.lexicon = 0;
  }
  if (d.lexicon != lexicon.id() || lexicon.id() == 0) {
    d.word.gaz = lexicon.Bits(d.lower);
    d.lexicon = lexicon.id();
    HashWordFeatures(&d.word);
  }
  *w = d.word;
  lower->assign(d.lower);
}

int ExtractNer(const NerWord* words, int n, int i, int prev, int prev2, uint64_t* out) {
  const NerWord& w = words[i];
  const NerWord& m1 = i > 0 ? words[i - 1] : Boundary(true);
  const NerWord& m2 = i > 1 ? words[i - 2] : Boundary(true);
  const NerWord& p1 = i + 1 < n ? words[i + 1] : Boundary(false);
  const NerWord& p2 = i + 2 < n ? words[i + 2] : Boundary(false);
  int k = 0;
  static const uint64_t bias = Feature(kBias, 0);
  out[k++] = bias;
  out[k++] = w.f[kOwnWord];
  out[k++] = w.f[kOwnLower];
  out[k++] = w.f[kOwnSuf2];
  out[k++] = w.f[kOwnSuf3];
  out[k++] = w.f[kOwnSuf4];
  out[k++] = w.f[kOwnPre3];
  out[k++] = w.f[kOwnShape];
  out[k++] = Feature2(kKindFirst, w.kind, i == 0);
  out[k++] = Feature(kPrev, prev);
  out[k++] = Feature(kPrevPrev2, prev * 256 + prev2);
  out[k++] = Feature2(kPrevKind, w.kind, prev);
  out[k++] = Feature2(kPrevLower, w.info.lower, prev);
  out[k++] = m1.f[kAsLowerM1];
  out[k++] = p1.f[kAsLowerP1];
  out[k++] = m2.f[kAsLowerM2];
  out[k++] = p2.f[kAsLowerP2];
  out[k++] = m1.f[kAsShapeM1];
  out[k++] = p1.f[kAsShapeP1];
  out[k++] = Feature(kKinds, m1.kind * 64 + w.kind * 8 + p1.kind);
  out[k++] = w.f[kOwnGaz];
  out[k++] = w.f[kOwnGazKind];
  out[k++] = m1.f[kAsGazM1];
  out[k++] = p1.f[kAsGazP1];
  out[k++] = Feature2(kPrevGaz, w.gaz, prev);
  out[k++] = Feature2(kLowerM1Kind, m1.info.lower, w.kind);
  out[k++] = Feature2(kBigramM2M1, m1.info.lower, m2.info.lower);
  out[k++] = Feature2(kLowerP1Kind, p1.info.lower, w.kind);
  return k;
}

const NerWord& BoundaryWord(bool start) { return Boundary(start); }

// syntax::Feature2(t, a, b) given mixed = syntax::Mix64(a).
inline uint64_t Feature2Mixed(uint64_t t, uint64_t mixed, uint64_t b) {
  return syntax::Mix64(mixed ^ (b + t * 0x9E3779B97F4A7C15ULL));
}

int ExtractNerTagKind(uint32_t kind, bool first, int prev, int prev2, uint64_t* out) {
  static const uint64_t bias = Feature(kBias, 0);
  int k = 0;
  out[k++] = bias;
  out[k++] = Feature2(kKindFirst, kind, first);
  out[k++] = Feature(kPrev, prev);
  out[k++] = Feature(kPrevPrev2, prev * 256 + prev2);
  out[k++] = Feature2(kPrevKind, kind, prev);
  return k;
}

uint64_t NerKindsFeature(uint32_t m1, uint32_t w, uint32_t p1) { return Feature(kKinds, m1 * 64 + w * 8 + p1); }

uint64_t NerPrevLowerFeature(const NerWord& w, int prev) { return Feature2Mixed(kPrevLower, w.mix_lower, prev); }
uint64_t NerPrevGazFeature(const NerWord& w, int prev) { return Feature2Mixed(kPrevGaz, w.mix_gaz, prev); }
uint64_t NerLowerM1KindFeature(const NerWord& m1, uint32_t kind) { return Feature2Mixed(kLowerM1Kind, m1.mix_lower, kind); }
uint64_t NerBigramFeature(const NerWord& m1, const NerWord& m2) {
  return Feature2Mixed(kBigramM2M1, m1.mix_lower, m2.info.lower);
}
uint64_t NerBigramPart(const NerWord& m2) { return m2.info.lower + kBigramM2M1 * 0x9E3779B97F4A7C15ULL; }
uint64_t NerLowerP1KindFeature(const NerWord& p1, uint32_t kind) { return Feature2Mixed(kLowerP1Kind, p1.mix_lower, kind); }

int ExtractNerPairs(const NerWord* words, int n, int i, int prev, uint64_t* out) {
  const NerWord& w = words[i];
  const NerWord& m1 = i > 0 ? words[i - 1] : Boundary(true);
  const NerWord& m2 = i > 1 ? words[i - 2] : Boundary(true);
  const NerWord& p1 = i + 1 < n ? words[i + 1] : Boundary(false);
  int k = 0;
  out[k++] = NerPrevLowerFeature(w, prev);
  out[k++] = NerPrevGazFeature(w, prev);
  out[k++] = NerLowerM1KindFeature(m1, w.kind);
  out[k++] = NerBigramFeature(m1, m2);
  out[k++] = NerLowerP1KindFeature(p1, w.kind);
  return k;
}

}  // namespace veille::ner
