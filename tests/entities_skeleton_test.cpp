#include <gtest/gtest.h>

#include "entities/gazetteer.h"
#include "entities/skeleton.h"

namespace veille {
namespace {

const Skeleton& Sk() {
  static const Skeleton* s = new Skeleton();
  return *s;
}

TEST(Skeleton, FoldsCaseAndAccents) {
  EXPECT_EQ(Skeleton::Fold("Díaz-Canel"), "diaz-canel");
  EXPECT_EQ(Skeleton::Fold("GUAIDÓ"), "guaido");
  EXPECT_EQ(Skeleton::Fold("Sergueï"), "serguei");
  EXPECT_EQ(Skeleton::Fold("Łukaszenko Šojgu Čapek"), "lukaszenko sojgu capek");
  EXPECT_EQ(Skeleton::Fold("cœur"), "coeur");
  EXPECT_EQ(Skeleton::Fold("Пескова"), "пескова");
  EXPECT_EQ(Skeleton::Fold("Nicola\xCC\x81s"), "nicolas");  // combining acute
  // Latin-1 letters take a short path: the same result as the general one.
  EXPECT_EQ(Skeleton::Fold("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß"), "aaaaaaaeceeeeiiiidnoooooouuuuythss");
  EXPECT_EQ(Skeleton::Fold("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"), "aaaaaaaeceeeeiiiidnoooooouuuuythy");
  EXPECT_EQ(Skeleton::Fold("3×4÷2 Ÿ"), "3×4÷2 y");
}

// The pairs: transliteration variants share one key.
TEST(Skeleton, TransliterationVariantsShareAKey) {
  const std::pair<const char*, const char*> same[] = {
      {"Sergueï", "Sergey"},     {"Sergueï", "Sergei"},       {"Riabkov", "Ryabkov"},
      {"Dmitri", "Dmitry"},      {"Iouri", "Yuri"},           {"Youri", "Yuri"},
      {"Chtchetinine", "Shchetinin"}, {"Chtchetinine", "Schetinin"}, {"Nicolás", "Nicolas"},
      {"Díaz", "Diaz"},          {"Guaidó", "Guaido"},        {"Peskov", "PESKOV"},
      {"Zelensky", "Zelenskyy"}, {"Zelenski", "Zelensky"},    {"Choïgou", "Shoigu"},
      {"Alexandre", "Aleksandre"}, {"Tchernychenko", "Chernyshenko"}, {"Vladimir", "Wladimir"},
  };
  for (auto [a, b] : same) EXPECT_EQ(Sk().Key(a), Sk().Key(b)) << a << " / " << b;
  const std::pair<const char*, const char*> different[] = {
      {"Maduro", "Madura"}, {"Lavrov", "Lavrova"}, {"Cuba", "Cabo"}, {"Iran", "Irak"}, {"Russie", "Prusse"},
  };
  for (auto [a, b] : different) EXPECT_NE(Sk().Key(a), Sk().Key(b)) << a << " / " << b;
}

TEST(Gazetteer, FindsLongestNamesAcrossSpellings) {
  Gazetteer g(Sk());
  g.Add("Sergueï Riabkov", 1);
  g.Add("Riabkov", 2);
  g.Add("Nicolás Maduro", 3);
  g.Add("Maduro", 4);
  g.Add("Miguel Díaz-Canel", 5);
  g.Add("Iran", 6);
  g.Add("russe", 7, /*capitalised=*/false);
  std::string text =
      "Le vice-ministre Sergey Ryabkov a appelé Nicolas Maduro ; Miguel Diaz Canel et d'Iran, "
      "la diplomatie russe. RIABKOV a confirmé. Une maduro ne compte pas.";
  auto m = g.Find(text);
  std::vector<std::pair<std::string, uint32_t>> got;
  for (const auto& x : m) got.emplace_back(std::string(x.span.of(text)), x.values.front());
  std::vector<std::pair<std::string, uint32_t>> want = {
      {"Sergey Ryabkov", 1}, {"Nicolas Maduro", 3}, {"Miguel Diaz Canel", 5}, {"Iran", 6}, {"russe", 7}, {"RIABKOV", 2}};
  EXPECT_EQ(got, want);
}

TEST(Gazetteer, AcronymsMatchOnlyInCapitals) {
  Gazetteer g(Sk());
  g.Add("UN", 1);
  g.Add("OTAN", 2);
  std::string text = "Un diplomate de l'OTAN a saisi le UN. Otan n'est pas un sigle ici.";
  std::vector<std::string> found;
  for (const auto& m : g.Find(text)) found.push_back(std::string(m.span.of(text)));
  EXPECT_EQ(found, (std::vector<std::string>{"OTAN", "UN"}));
}

TEST(Gazetteer, WordsSkipElisionsAndSplitHyphens) {
  Gazetteer g(Sk());
  std::string text = "l'OTAN, qu'Antonov et Díaz-Canel";
  std::vector<std::string> words;
  for (const auto& w : g.WordsOf(text)) words.push_back(std::string(w.span.of(text)));
  EXPECT_EQ(words, (std::vector<std::string>{"OTAN", "Antonov", "et", "Díaz", "Canel"}));
}


TEST(Gazetteer, FoldHashIsTheHashOfTheFoldedWord) {
  // The ASCII path hashes without folding: it must agree with the folded form.
  for (const char* w : {"Russe", "RUSSE", "russe", "Président", "PRÉSIDENT", "Œuvre", "Díaz", "l'Iran", "X"}) {
    EXPECT_EQ(Gazetteer::FoldHash(w), Gazetteer::FoldHash(Skeleton::Fold(w))) << w;
  }
  EXPECT_EQ(Gazetteer::FoldHash("Ministre"), Gazetteer::FoldHash("ministre"));
  // Scan() hashes ASCII words on the way: the same value.
  Gazetteer g(Sk());
  std::string text = "Le Premier ministre d'Israël, l'ONU et qu'aujourd'hui Jean-Luc OTAN2 président";
  int hashed = 0;
  for (const Gazetteer::Word& w : g.Scan(text)) {
    if (!w.fold_hashed) continue;
    ++hashed;
    EXPECT_EQ(w.fold_hash, Gazetteer::FoldHash(w.span.of(text))) << w.span.of(text);
  }
  EXPECT_GE(hashed, 8);
  EXPECT_NE(Gazetteer::FoldHash("ministre"), Gazetteer::FoldHash("ministres"));
  // Words of ASCII and Latin-1 letters too (every letter U+00C0..U+00FF, both cases, ß and
  // ÿ); others (œ, ł) are left to Find(), which folds them.
  std::string latin = "Israël PRÉSIDENT ÉÉÉ";
  for (unsigned c = 0xC0; c <= 0xFF; ++c) {
    if (c == 0xD7 || c == 0xF7) continue;
    latin += " x";
    latin += static_cast<char>(0xC3);
    latin += static_cast<char>(0x80 | (c & 0x3F));
    latin += "y";
  }
  latin += " cœur Łódź";
  int latin_hashed = 0;
  for (const Gazetteer::Word& w : g.Scan(latin)) {
    if (!w.fold_hashed) continue;
    ++latin_hashed;
    EXPECT_EQ(w.fold_hash, Gazetteer::FoldHash(w.span.of(latin))) << w.span.of(latin);
  }
  EXPECT_EQ(latin_hashed, 3 + 62);
}

TEST(Gazetteer, FirstWordFilterNeverWronglySaysNo) {
  Gazetteer g(Sk());
  std::vector<std::string> starts;
  for (int i = 0; i < 3000; ++i) {
    std::string w = "mot" + std::to_string(i * 7919) + (i % 3 == 0 ? "é" : "");
    g.Add(w + " suite", static_cast<uint32_t>(i), /*capitalised=*/false);
    starts.push_back(w);
  }
  for (const std::string& w : starts) {
    EXPECT_TRUE(g.MaybeLowerStart(Gazetteer::FoldHash(w))) << w;
    std::string upper = "MOT" + w.substr(3);
    EXPECT_TRUE(g.MaybeLowerStart(Gazetteer::FoldHash(upper))) << upper;
  }
  // Words that start no name are mostly ruled out (16384 bits for 3000 words).
  int maybe = 0;
  for (int i = 0; i < 1000; ++i) maybe += g.MaybeLowerStart(Gazetteer::FoldHash("autre" + std::to_string(i)));
  EXPECT_LT(maybe, 400);
  // And every name is still found, through the trie's edge table (grown many times).
  std::string text = "la " + starts[0] + " suite et " + starts[2999] + " suite, " + starts[1500] + " pas";
  auto m = g.Find(text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(std::vector<uint32_t>(m[0].values.begin(), m[0].values.end()), std::vector<uint32_t>{0});
  EXPECT_EQ(std::vector<uint32_t>(m[1].values.begin(), m[1].values.end()), std::vector<uint32_t>{2999});
}

}  // namespace
}  // namespace veille
