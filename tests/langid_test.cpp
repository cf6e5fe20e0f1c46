#include "lang/langid.h"

#include "lang/function_words.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <string>

namespace veille {
namespace {

struct Case {
  const char* lang;
  const char* text;
};

// Short news paragraphs written for this test, one per language the issue names.
const Case kCases[] = {
    {"fr", "Le ministre des Affaires étrangères a reçu mardi son homologue à Paris pour évoquer la situation "
           "dans les Caraïbes et les sanctions économiques décidées la semaine dernière."},
    {"en", "The foreign minister met his counterpart in Washington on Tuesday to discuss the situation in the "
           "Caribbean and the economic sanctions announced last week."},
    {"es", "El ministro de Relaciones Exteriores recibió el martes a su homólogo en Caracas para hablar de la "
           "situación en el Caribe y de las sanciones económicas anunciadas la semana pasada."},
    {"pt", "O ministro das Relações Exteriores recebeu na terça-feira o seu homólogo em Brasília para discutir a "
           "situação no Caribe e as sanções econômicas anunciadas na semana passada."},
    {"it", "Il ministro degli Esteri ha ricevuto martedì il suo omologo a Roma per discutere della situazione nei "
           "Caraibi e delle sanzioni economiche annunciate la settimana scorsa."},
    {"de", "Der Außenminister hat am Dienstag seinen Amtskollegen in Berlin empfangen, um über die Lage in der "
           "Karibik und die vergangene Woche angekündigten Wirtschaftssanktionen zu sprechen."},
    {"ru", "Министр иностранных дел во вторник принял своего коллегу в Москве, чтобы обсудить ситуацию в "
           "Карибском бассейне и экономические санкции, объявленные на прошлой неделе."},
};

// The function-word table packs words into 64-bit keys and folds ASCII case 8 bytes
// at a time; these cases pin what a word is and where the window ends.
TEST(FunctionWords, CaseWindowEdgeAndMultibyteWords) {
  FunctionWords words;
  std::string lang;
  double score = 0;
  auto repeat = [](const std::string& w, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += w + " ";
    return out;
  };
  // 12 hits decide; a word touching the end of the window is not counted, one
  // followed by punctuation is (its key is read near the end of the string).
  EXPECT_TRUE(words.Identify(repeat("dans", 11) + "dans.", 1024, &lang, &score));
  EXPECT_EQ(lang, "fr");
  EXPECT_FALSE(words.Identify(repeat("dans", 11) + "dans", 1024, &lang, &score));
  // ASCII upper case is folded: the same decision and score.
  std::string mixed = "LE chat ET LA souris DANS les champs AVEC des amis QUI sont PAS LOIN du village. ";
  double lower_score = 0, upper_score = 0;
  std::string lower_lang, upper_lang;
  std::string lower = mixed;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_TRUE(words.Identify(lower + lower, 1024, &lower_lang, &lower_score));
  ASSERT_TRUE(words.Identify(mixed + mixed, 1024, &upper_lang, &upper_score));
  EXPECT_EQ(upper_lang, lower_lang);
  EXPECT_EQ(upper_score, lower_score);
  // Eight-byte words with non-ASCII letters (Spanish, Russian).
  EXPECT_TRUE(words.Identify(repeat("también", 13), 1024, &lang, &score));
  EXPECT_EQ(lang, "es");
  EXPECT_TRUE(words.Identify(repeat("было", 13), 1024, &lang, &score));
  EXPECT_EQ(lang, "ru");
  // A word longer than 16 bytes is never a function word, and does not match a prefix.
  EXPECT_FALSE(words.Identify(repeat("dansdansdansdansdans", 13), 1024, &lang, &score));
  // Only the first max_bytes count.
  EXPECT_TRUE(words.Identify(repeat("dans", 13), 1024, &lang, &score));
  EXPECT_FALSE(words.Identify(repeat("dans", 13), 40, &lang, &score));
}

TEST(LanguageId, IdentifiesTheSevenLanguages) {
  for (const Case& c : kCases) {
    LangGuess g = IdentifyLanguage(c.text);
    EXPECT_EQ(g.lang, c.lang) << c.text;
    EXPECT_GT(g.score, 0.7) << c.lang;
    EXPECT_LE(g.score, 1.0);
  }
}

TEST(LanguageId, TooLittleTextIsUndetermined) {
  EXPECT_EQ(IdentifyLanguage("").lang, "und");
  EXPECT_EQ(IdentifyLanguage("Oui.").lang, "und");
  EXPECT_EQ(IdentifyLanguage("12345 67890 !!!! ---- 2022").lang, "und");
}

TEST(LanguageId, MixedTextGetsTheMajorityWithLowerConfidence) {
  std::string mixed = std::string(kCases[0].text) + " " + kCases[0].text + " " + kCases[1].text;
  LangGuess g = IdentifyLanguage(mixed);
  EXPECT_EQ(g.lang, "fr");
  EXPECT_LT(g.score, IdentifyLanguage(kCases[0].text).score);
}

TEST(LanguageId, StageFillsTheDoc) {
  Doc d;
  d.text = kCases[0].text;
  LanguageIdentifier().Run(d);
  EXPECT_TRUE(d.is_french());
  EXPECT_GT(d.lang_score, 0.7);
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

TEST(LanguageIdentifier, FastPathAgreesWithCld2OnLongerTexts) {
  LanguageIdentifier id;
  for (const Case& c : kCases) {
    std::string text = std::string(c.text) + " " + c.text + " " + c.text;
    LangGuess g = id.Identify(text);
    EXPECT_EQ(g.lang, c.lang) << c.text;
    EXPECT_EQ(g.lang, IdentifyLanguage(text).lang);
    EXPECT_GT(g.score, 0.8);
  }
}

TEST(LanguageIdentifier, UnclearCasesGoToCld2) {
  LanguageIdentifier id;
  // Too few function words: the result is CLD2's, whatever it is.
  EXPECT_EQ(id.Identify("Nicolás Maduro, Vladimir Poutine, Caracas, Moscou.").lang,
            IdentifyLanguage("Nicolás Maduro, Vladimir Poutine, Caracas, Moscou.").lang);
  // A language without a function-word list (Dutch) is still identified.
  const char* nl =
      "De minister van Buitenlandse Zaken heeft dinsdag zijn collega in Den Haag ontvangen om te praten over de "
      "situatie in het Caribisch gebied en de economische sancties die vorige week werden aangekondigd. Volgens "
      "het ministerie was het gesprek constructief en zullen beide landen binnenkort opnieuw overleggen.";
  EXPECT_EQ(id.Identify(nl).lang, "nl");
  // Half French, half English: no language has 85% of the function words.
  std::string mixed = std::string(kCases[0].text) + " " + kCases[1].text + " " + kCases[0].text + " " + kCases[1].text;
  EXPECT_EQ(id.Identify(mixed).lang, IdentifyLanguage(mixed).lang);
}

// On real French news (../shared, when present) the fast path and CLD2 agree.
TEST(LanguageIdentifier, AgreesWithCld2OnWikinews) {
  std::string path = std::string(VEILLE_SHARED_DIR) + "/corpus/wikinews-fr-2012/wikinews_fr_2012_100.jsonl";
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) GTEST_SKIP() << "no " << path;
  LanguageIdentifier id;
  char* line = nullptr;
  size_t cap = 0;
  int docs = 0, agree = 0;
  while (getline(&line, &cap, f) > 0) {
    std::string s(line);
    ++docs;
    agree += id.Identify(s).lang == "fr" && IdentifyLanguage(s).lang == "fr";
  }
  std::free(line);
  std::fclose(f);
  EXPECT_EQ(docs, 100);
  EXPECT_EQ(agree, docs);
}

}  // namespace
}  // namespace veille
