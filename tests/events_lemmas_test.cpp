// The verb lemma overrides (dict/syntax/lemmas.tsv) the event coder relies on.
#include <gtest/gtest.h>

#include <set>

#include "core/dict_file.h"
#include "events/patterns.h"
#include "syntax/lemmatizer_overrides.h"
#include "syntax/tagger.h"
#include "temp_dict.h"

namespace veille {
namespace {

TEST(LemmaOverrides, IrregularFormsOfPatternVerbs) {
  syntax::LemmaOverrides o = syntax::LemmaOverrides::Load();
  ASSERT_GT(o.size(), 1000u);
  ASSERT_NE(o.Find("exclu"), nullptr);
  EXPECT_EQ(*o.Find("exclu"), "exclure");
  EXPECT_EQ(*o.Find("recevait"), "recevoir");
  EXPECT_EQ(*o.Find("dissous"), "dissoudre");
  EXPECT_EQ(o.Find("sommes"), nullptr);  // être, not "sommer"
  EXPECT_EQ(o.Find("maison"), nullptr);
}

TEST(LemmaOverrides, TaggerUsesThemForVerbs) {
  Tagger t = Tagger::Load();
  std::vector<Token> toks = t.TagText("Nicolás Maduro recevait mardi Sergueï Lavrov.");
  bool found = false;
  for (const Token& k : toks)
    if (k.pos == Pos::kVerb && k.lemma == "recevoir") found = true;
  EXPECT_TRUE(found);
}

// The plural news copy writes for a noun lemma ("frappe" -> "frappes", "arsenal" -> "arsenaux").
std::string Plural(const std::string& w) {
  if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z")) return w;
  if (w.ends_with("al")) return w.substr(0, w.size() - 2) + "aux";
  if (w.ends_with("eau") || w.ends_with("au") || w.ends_with("eu")) return w + "x";
  return w + "s";
}

// Every noun head of dict/verbs/fr/ ("marche:n", "représailles:n") gets its own lemma back in
// the singular and the plural when tagged NOUN, so the coder finds it: a treebank lemma that
// is wrong ("marche" -> "marché", "représailles" -> "représaille") is fixed in
// dict/syntax/nominal-lemmas.tsv. The failures are listed together.
TEST(LemmaOverrides, NounHeadsGetTheirOwnLemma) {
  Tagger t = Tagger::Load();
  PatternSet patterns = PatternSet::Load(Codebook::Load());
  std::set<std::string> heads;
  for (const VerbPattern& p : patterns.all())
    if (p.noun) heads.insert(p.head);
  ASSERT_GT(heads.size(), 100u);
  std::string wrong;
  for (const std::string& h : heads)
    for (const std::string& form : std::set<std::string>{h, Plural(h)}) {
      std::string lemma = t.LemmaOf(form, Pos::kNoun);
      if (lemma != h) wrong += form + "\t" + h + "   (the model says " + lemma + ")\n";
    }
  EXPECT_EQ(wrong, "") << "add these lines to dict/syntax/nominal-lemmas.tsv";
}

TEST(LemmaOverrides, TaggerUsesNominalOnesForNouns) {
  syntax::LemmaOverrides o = syntax::LemmaOverrides::Load();
  ASSERT_NE(o.FindNominal("ventes"), nullptr);
  EXPECT_EQ(*o.FindNominal("ventes"), "vente");
  Tagger t = Tagger::Load();
  bool found = false;
  for (const Token& k : t.TagText("Berlin a suspendu les ventes d'armes à Riyad."))
    if (k.pos == Pos::kNoun && k.lemma == "vente") found = true;
  EXPECT_TRUE(found);
}

std::string Error(const std::string& content) {
  TempDict t;
  t.Write("syntax/lemmas.tsv", content);
  try {
    syntax::LemmaOverrides::Load();
  } catch (const DictError& e) {
    return e.what();
  }
  return "";
}

TEST(LemmaOverrides, ValidatedWithFileAndLine) {
  EXPECT_EQ(Error("# ok\nexclu\texclure\n"), "");
  std::string e = Error("exclu\texclure\nExclu\texclure\n");
  EXPECT_NE(e.find("lemmas.tsv:2"), std::string::npos) << e;
  EXPECT_NE(e.find("lower case"), std::string::npos) << e;
  e = Error("exclu\texclure\nexclu\texclure\n");
  EXPECT_NE(e.find("duplicate form"), std::string::npos) << e;
  e = Error("exclu\texclu\n");
  EXPECT_NE(e.find("infinitive"), std::string::npos) << e;
  e = Error("exclu\n");
  EXPECT_NE(e.find("lemmas.tsv:1"), std::string::npos) << e;
}

TEST(LemmaOverrides, AbsentFileMeansNone) {
  TempDict t;
  EXPECT_EQ(syntax::LemmaOverrides::Load().size(), 0u);
}

}  // namespace
}  // namespace veille
