// The decoder's per-form cache (src/syntax/decode.h): the same classes as scoring every word
// with all of Extract's features, whatever the cache holds.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/dict_file.h"
#include "syntax/constraints.h"
#include "syntax/decode.h"
#include "syntax/features.h"
#include "syntax/lemmatizer.h"
#include "syntax/lemmatizer_overrides.h"
#include "syntax/model.h"
#include "syntax/tagger.h"

namespace veille::syntax {
namespace {

const Model& TheModel() {
  static const Model m = Model::Load(DictPath("models/fr-tagger.bin"));
  return m;
}

const LemmaOverrides& Verbs() {
  static const LemmaOverrides v = LemmaOverrides::Load();
  return v;
}

// The decoder without caches: Extract and Model::Predict for every word the model decides.
std::vector<int> Reference(const Model& model, const std::vector<std::string_view>& forms) {
  const size_t n = forms.size();
  std::vector<WordInfo> words(n);
  std::vector<std::string> lower(n);
  for (size_t i = 0; i < n; i++) {
    Describe(forms[i], &words[i], &lower[i]);
    words[i].amb = model.Ambiguity(words[i].lower);
  }
  std::vector<int> out;
  std::vector<int32_t> scores(model.classes.size());
  int prev = kStartTag, prev2 = kStartTag;
  uint64_t feats[kMaxFeatures];
  for (size_t i = 0; i < n; i++) {
    int c = model.Fixed(words[i].word);
    if (c < 0 && forms[i] == ".") c = model.punct_class;
    // A tag-dictionary noun, adjective, adverb or conjunction that is a known verb form is
    // scored too, and constrained from its fixed class ("Paris juge …").
    const Pos fixed_pos = c >= 0 ? model.class_pos[c] : Pos::kX;
    const bool verb_form = c >= 0 && forms[i] == lower[i] && Verbs().Find(lower[i]) &&
                           (fixed_pos == Pos::kNoun || fixed_pos == Pos::kAdj || fixed_pos == Pos::kAdv ||
                            fixed_pos == Pos::kSconj);
    if (c < 0 || verb_form) {
      int k = Extract(words.data(), static_cast<int>(n), static_cast<int>(i), prev, prev2, feats);
      int best = model.Predict(feats, k, scores.data());
      if (c < 0) c = best;
      Position p{forms[i], lower[i], i > 0 ? forms[i - 1] : std::string_view(), i > 0 ? prev : -1,
                 i > 0 ? words[i - 1].amb : 0, i > 1 ? prev2 : -1,
                 i + 1 < n ? forms[i + 1] : std::string_view(), i + 1 < n ? words[i + 1].amb : 0};
      c = Constrain(model, &Verbs(), p, c, scores.data());
    }
    out.push_back(c);
    prev2 = prev;
    prev = c;
  }
  return out;
}

std::vector<int> Cached(const Model& model, const std::vector<std::string_view>& forms, Scratch* s) {
  TagForms(model, forms.data(), forms.size(), s, &Verbs());
  return s->classes;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t p = 0; p < text.size();) {
    size_t e = text.find(' ', p);
    if (e == std::string_view::npos) e = text.size();
    out.push_back(text.substr(p, e - p));
    p = e + 1;
  }
  return out;
}

size_t SlotOf(std::string_view form) { return HashBytes(form) & (Scratch::kCacheSlots - 1); }

TEST(Decode, GroupsAreExtractsFeatures) {
  std::vector<std::string> text = {"La", "Russie", "livre", "du", "gaz", "à", "l'", "Ukraine", "."};
  std::vector<WordInfo> w(text.size());
  std::string lower;
  for (size_t i = 0; i < text.size(); i++) {
    Describe(text[i], &w[i], &lower);
    w[i].amb = static_cast<uint32_t>(i * 3);
  }
  const int n = static_cast<int>(w.size());
  for (int i = 0; i < n; i++) {
    uint64_t all[kMaxFeatures];
    int k = Extract(w.data(), n, i, i + 1, i + 2, all);
    std::vector<uint64_t> expected(all, all + k), got;
    const WordInfo& m1 = i > 0 ? w[i - 1] : StartWord();
    const WordInfo& m2 = i > 1 ? w[i - 2] : StartWord();
    const WordInfo& p1 = i + 1 < n ? w[i + 1] : EndWord();
    const WordInfo& p2 = i + 2 < n ? w[i + 2] : EndWord();
    uint64_t f[kMaxGroupFeatures];
    auto add = [&](int m) { got.insert(got.end(), f, f + m); };
    add(SelfFeatures(w[i], i == 0, f));
    add(M1Features(m1, f));
    add(M2Features(m2, f));
    add(P1Features(p1, f));
    add(P2Features(p2, f));
    add(TagFeatures(i + 1, i + 2, f));
    add(MixedFeatures(w[i], m1, p1, i + 1, f));
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected) << "position " << i;
  }
}

TEST(Decode, CachedRowsGiveTheReferenceClasses) {
  const Model& m = TheModel();
  const char* sentences[] = {
      "La Russie livre du gaz à l' Ukraine .",
      "Le président a signé l' accord mardi à Paris .",
      "Varsovie demande des explications à Moscou .",
      "Les forces armées ont bombardé la ville de Kharkiv hier soir .",
      "Il",
      "Pékin critique Washington",
      "l' armée russe bombarde Kharkiv et la marine chinoise livre des vedettes .",
      "Le tribunal de Paris juge Nicolas Sarkozy et le juge Dupont juge l' affaire .",
  };
  Scratch warm;  // one scratch for all: the rows cached by a sentence serve the next ones
  for (const char* text : sentences) {
    std::vector<std::string_view> forms = Words(text);
    Scratch fresh;
    std::vector<int> want = Reference(m, forms);
    EXPECT_EQ(Cached(m, forms, &fresh), want) << text;
    EXPECT_EQ(Cached(m, forms, &warm), want) << text;
    EXPECT_EQ(Cached(m, forms, &warm), want) << text << " (again)";
  }
}

// Two forms of a sentence in the same cache slot: the later one takes it, the earlier one is
// described again when its rows are needed; the classes do not change.
TEST(Decode, FormsSharingASlot) {
  const Model& m = TheModel();
  std::vector<std::string> words;
  std::string a, b;
  for (int i = 0; a.empty(); i++) {
    std::string w = "mot" + std::to_string(i);
    for (const std::string& x : words)
      if (SlotOf(x) == SlotOf(w)) {
        a = x;
        b = w;
      }
    words.push_back(w);
  }
  ASSERT_EQ(SlotOf(a), SlotOf(b));
  std::string text = "Le " + a + " et le " + b + " du " + a + " " + b + " " + a + " .";
  std::vector<std::string_view> forms = Words(text);
  std::vector<int> want = Reference(m, forms);
  Scratch s;
  for (int round = 0; round < 3; round++) EXPECT_EQ(Cached(m, forms, &s), want) << text;
  // Another model (a new serial): the cache is emptied, not reused.
  Model other = m;
  other.Index();
  EXPECT_NE(other.serial, m.serial);
  EXPECT_EQ(Cached(other, forms, &s), want);
  EXPECT_EQ(s.model_serial, other.serial);
}

// The tagger's lemmas come from the form's cache entry unless a later word took the slot:
// the same lemmas as Tagger::LemmaOf, whether cached, spilled or new.
TEST(Decode, CachedLemmasAreTheLemmas) {
  static const Tagger tagger = Tagger::Load();
  std::vector<std::string> words;
  std::string a, b;
  for (int i = 0; a.empty(); i++) {
    std::string w = "signait" + std::to_string(i);
    for (const std::string& x : words)
      if (SlotOf(x) == SlotOf(w)) {
        a = x;
        b = w;
      }
    words.push_back(w);
  }
  const std::string text = "Il a signé l' accord et " + a + " " + b + " ; il signe , " + a + " signé " + b + " .";
  for (int round = 0; round < 3; round++) {
    std::vector<Token> tokens = tagger.TagText(text);
    ASSERT_FALSE(tokens.empty());
    for (const Token& t : tokens) {
      std::string lower = Lower(t.span.of(text));
      EXPECT_EQ(t.lemma, tagger.LemmaOf(lower, t.pos)) << lower;
    }
  }
}

}  // namespace
}  // namespace veille::syntax
