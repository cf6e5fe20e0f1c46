// The verb lemma overrides (dict/syntax/lemmas.tsv) the event coder relies on.
#include <gtest/gtest.h>

#include "core/dict_file.h"
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
