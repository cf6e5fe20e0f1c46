#include "clean/cleaner.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "clean/char_normalizer.h"
#include "clean/line_rules.h"
#include "core/dict_file.h"
#include "core/utf8.h"
#include "temp_dict.h"

#include <unistd.h>

namespace veille {
namespace {

Doc MakeDoc(const std::string& text) {
  Doc d;
  d.id = "t";
  d.original = text;
  d.text = text;
  d.map = OffsetMap::Identity(static_cast<uint32_t>(text.size()));
  return d;
}

Doc Clean(const std::string& text) {
  static const Cleaner* cleaner = new Cleaner();
  Doc d = MakeDoc(text);
  cleaner->Run(d);
  return d;
}

std::string RemovedText(const Doc& d, const Removal& r) { return d.original.substr(r.span.start, r.span.size()); }

bool HasRemoval(const Doc& d, const std::string& piece, RemovalReason why) {
  for (const Removal& r : d.removed)
    if (RemovedText(d, r).find(piece) != std::string::npos && r.why == why) return true;
  return false;
}

TEST(LineRules, EveryRuleRemovesItsOwnExample) {
  LineRules rules;
  ASSERT_GE(rules.rules().size(), 20u);
  CharNormalizer chars;
  for (const LineRule& r : rules.rules()) {
    SCOPED_TRACE(r.where);
    ASSERT_FALSE(r.example.empty()) << "every rule needs an example";
    std::string line = chars.Normalized(r.example);
    RE2::Options options;
    options.set_max_mem(64 << 20);  // as the cleaner compiles them
    RE2 re(r.pattern, options);
    EXPECT_TRUE(RE2::FullMatch(line, re)) << r.example;
    for (const std::string& also : r.also) EXPECT_TRUE(RE2::FullMatch(line, RE2(also, options))) << also;
    EXPECT_NE(rules.Match(line), nullptr);
  }
}

// The fast paths must agree with the full normalisation: IsNormal(s) only when
// Normalized(s) == s, and Normalized (no map) equal to Normalize into a TextBuilder.
TEST(CharNormalizer, FastPathsAgreeWithFullNormalisation) {
  CharNormalizer chars;
  const std::vector<std::string> cases = {
      "Le président a dit non.",
      "À Paris, l'été est chaud ; très chaud.",
      "l\u2019accord",                     // typographic apostrophe: replaced
      "Non\u00A0! Jamais\u202F?",          // no-break spaces
      "deux  espaces",                     // run of spaces
      "tab\there",
      "e\u0301te",                         // e + combining acute: composed
      "\u00E9te",                          // already composed
      " \u0301stray",                      // mark after a space
      "\u0643\u064E",                      // Arabic letter + fatha: kept
      "mot\u064E",                         // Arabic fatha on a Latin letter: stray
      "zero\u200Bwidth",
      "Москва и Киев",
      "emoji \U0001F600 ok",
      "\u00AB Guillemets \u00BB",
      "ctrl\x01" "char",
      "fin ",
      "",
      "une ligne assez longue pour le chemin rapide, puis\u00A0: la suite",
      "une ligne assez longue pour le chemin rapide e\u0301t\u00E9",
      "une ligne assez longue pour le chemin rapide  et deux espaces",
  };
  for (const std::string& s : cases) {
    SCOPED_TRACE(s);
    ASSERT_TRUE(utf8::IsValid(s));
    std::string norm = chars.Normalized(s);
    if (chars.IsNormal(s)) {
      EXPECT_EQ(norm, s);  // IsNormal may only err on the safe side
    }
    TextBuilder b(s);
    chars.Normalize(s, 0, static_cast<uint32_t>(s.size()), b, nullptr);
    EXPECT_EQ(b.Finish(nullptr), norm);
    // Resuming after the normal prefix gives the same text.
    size_t prefix = chars.NormalPrefix(s);
    EXPECT_EQ(chars.Normalized(s, prefix), norm);
    TextBuilder b2(s);
    chars.Normalize(s, 0, static_cast<uint32_t>(s.size()), b2, nullptr, static_cast<uint32_t>(prefix));
    EXPECT_EQ(b2.Finish(nullptr), norm);
    // Recorded once, replayed later: the same text, map and removals as Normalize.
    std::string recorded;
    CharNormalizer::Edits edits;
    chars.Record(s, 0, static_cast<uint32_t>(s.size()), static_cast<uint32_t>(prefix), &recorded, &edits);
    EXPECT_EQ(recorded, norm);
    TextBuilder direct(s), replayed(s);
    std::vector<Removal> direct_removed;
    chars.Normalize(s, 0, static_cast<uint32_t>(s.size()), direct, &direct_removed, static_cast<uint32_t>(prefix));
    CharNormalizer::Replay(edits, 0, edits.ops.size(), recorded, replayed);
    // A text that is not what the edits append: they are made one by one instead.
    TextBuilder one_by_one(s);
    CharNormalizer::Replay(edits, 0, edits.ops.size(), recorded + "?", one_by_one);
    OffsetMap direct_map, replayed_map, one_by_one_map;
    std::string direct_text = direct.Finish(&direct_map);
    EXPECT_EQ(replayed.Finish(&replayed_map), direct_text);
    EXPECT_EQ(one_by_one.Finish(&one_by_one_map), direct_text);
    ASSERT_EQ(replayed_map.anchors().size(), direct_map.anchors().size());
    ASSERT_EQ(one_by_one_map.anchors().size(), direct_map.anchors().size());
    for (size_t k = 0; k < direct_map.anchors().size(); ++k) {
      EXPECT_EQ(replayed_map.anchors()[k].derived, direct_map.anchors()[k].derived);
      EXPECT_EQ(replayed_map.anchors()[k].source, direct_map.anchors()[k].source);
      EXPECT_EQ(one_by_one_map.anchors()[k].derived, direct_map.anchors()[k].derived);
      EXPECT_EQ(one_by_one_map.anchors()[k].source, direct_map.anchors()[k].source);
    }
    ASSERT_EQ(edits.removed.size(), direct_removed.size());
    for (size_t k = 0; k < direct_removed.size(); ++k) {
      EXPECT_EQ(edits.removed[k].span.start, direct_removed[k].span.start);
      EXPECT_EQ(edits.removed[k].span.end, direct_removed[k].span.end);
      EXPECT_EQ(edits.removed[k].rule, direct_removed[k].rule);
    }
    // Recorded after other text (the cleaner records line after line into one arena):
    // the replacements are found in the line's own text, replayed one by one.
    std::string arena = "une ligne avant ";
    CharNormalizer::Edits later;
    chars.Record(s, 0, static_cast<uint32_t>(s.size()), static_cast<uint32_t>(prefix), &arena, &later);
    TextBuilder later_one_by_one(s);
    CharNormalizer::Replay(later, 0, later.ops.size(), arena.substr(16) + "?", later_one_by_one);
    EXPECT_EQ(later_one_by_one.Finish(nullptr), direct_text);
  }
  EXPECT_EQ(chars.NormalPrefix("l'accord l\u2019autre"), 10u);
  EXPECT_EQ(chars.NormalPrefix("un  deux"), 3u);
  EXPECT_TRUE(chars.IsNormal("À Paris, l'été est chaud ; très chaud."));
  EXPECT_TRUE(chars.IsNormal("Москва и Киев, « non »"));
  EXPECT_FALSE(chars.IsNormal("deux  espaces"));
  EXPECT_FALSE(chars.IsNormal("a very long line of plain text  with a double space past the first chunks"));
  EXPECT_FALSE(chars.IsNormal("a very long line of plain text with a\ttab past the first chunks"));
  EXPECT_FALSE(chars.IsNormal("l\u2019accord"));
  EXPECT_EQ(chars.Normalized("e\u0301te"), "\u00E9te");
}

TEST(LineRules, BodySentencesAreNeverMatched) {
  LineRules rules;
  for (const char* body : {
           "Le président vénézuélien a reçu mardi le ministre russe de la Défense à Caracas.",
           "Washington déploie 13 navires et accentue la pression militaire",
           "Moscou, Pékin, Téhéran et La Havane ont salué l'accord, selon l'agence TASS.",
           "Photo de famille à l'issue du sommet : les dirigeants ont posé devant le palais.",
           "Les commentaires du porte-parole ont été repris par toute la presse russe.",
           "Partager le pouvoir n'est pas à l'ordre du jour, a répondu le ministre.",
           "Le groupe de Lima, le Canada et l'Union européenne ont publié une déclaration commune.",
       }) {
    EXPECT_EQ(rules.Match(body), nullptr) << body;
  }
}

TEST(Cleaner, RemovesScraperNoiseAndKeepsBody) {
  std::string in =
      "Caracas et Moscou signent un accord de défense\n\n"
      "[ad_1]\n\n"
      "Le ministre russe de la Défense est arrivé lundi à Caracas pour une visite de deux jours.\n\n"
      "Les deux pays entendent renforcer leur coopération militaire\n\n"
      "Selon le communiqué, les deux délégations ont signé plusieurs accords techniques.\n"
      "JUAN PEREZ/AFP/Getty Images\n"
      "Russie, Venezuela, Défense, Kremlin\n\n"
      "À lire aussi :\n\n"
      "Le Kremlin dément tout projet de base militaire\n\n"
      "Maduro accuse Washington de vouloir l'isoler\n\n"
      "[ad_2]\n\n"
      "Laisser un commentaire\n\n"
      "Votre adresse e-mail ne sera pas publiée sur ce site. Champs requis : *\n\n"
      "Retour en haut\n";
  Doc d = Clean(in);
  EXPECT_EQ(d.text,
            "Caracas et Moscou signent un accord de défense\n\n"
            "Le ministre russe de la Défense est arrivé lundi à Caracas pour une visite de deux jours.\n\n"
            "Les deux pays entendent renforcer leur coopération militaire\n\n"
            "Selon le communiqué, les deux délégations ont signé plusieurs accords techniques.");
  EXPECT_TRUE(HasRemoval(d, "[ad_1]", RemovalReason::kBoilerplate));
  EXPECT_TRUE(HasRemoval(d, "AFP/Getty", RemovalReason::kBoilerplate));
  EXPECT_TRUE(HasRemoval(d, "Défense, Kremlin", RemovalReason::kBoilerplate));
  EXPECT_TRUE(HasRemoval(d, "Le Kremlin dément", RemovalReason::kBoilerplate));
  EXPECT_TRUE(HasRemoval(d, "Retour en haut", RemovalReason::kBoilerplate));
  ASSERT_TRUE(d.title.has_value());
  EXPECT_EQ(*d.title, "Caracas et Moscou signent un accord de défense");
  for (const Removal& r : d.removed) EXPECT_FALSE(r.rule.empty());
}

TEST(Cleaner, RelatedBlockStopsAtBodyText) {
  Doc d = Clean(
      "Vidéos associées :\n"
      "Le ministère russe des Affaires étrangères a indiqué que son titulaire avait eu un long entretien avec "
      "son homologue vénézuélien, au cours duquel ils ont évoqué la situation dans les Caraïbes.\n");
  EXPECT_EQ(d.text.find("Vidéos"), std::string::npos);
  EXPECT_EQ(d.text.rfind("Le ministère russe", 0), 0u);
}

TEST(Cleaner, NormalisesSpacesQuotesAndApostrophes) {
  Doc d = Clean("L\xE2\x80\x99" "arm\xC3\xA9" "e a dit\xC2\xA0: \xE2\x80\x9C" "non\xE2\x80\x9D" "  et   \xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB.");
  EXPECT_EQ(d.text, "L'armée a dit : «non» et « oui ».");
  // The apostrophe maps back to the three bytes of U+2019.
  Span s = d.map.ToSource(Span{1, 2});
  EXPECT_EQ(d.original.substr(s.start, s.size()), "\xE2\x80\x99");
}

TEST(Cleaner, RemovesInvisibleAndStrayCombiningCharacters) {
  // U+064E (Arabic fatha) glued before a Latin word; a zero-width space; a soft hyphen.
  std::string in = "La crise continue. \xD9\x8EQuoi qu'il en soit, le mi\xC2\xADnistre\xE2\x80\x8B parle.";
  Doc d = Clean(in);
  EXPECT_EQ(d.text, "La crise continue. Quoi qu'il en soit, le ministre parle.");
  int invisible = 0;
  for (const Removal& r : d.removed) {
    EXPECT_EQ(r.why, RemovalReason::kInvisible);
    ++invisible;
  }
  EXPECT_EQ(invisible, 3);
  EXPECT_TRUE(HasRemoval(d, "\xD9\x8E", RemovalReason::kInvisible));
  // Accents written as combining marks on Latin letters are kept and composed (NFC).
  Doc c = Clean("Le pre\xCC\x81sident a parle\xCC\x81.");
  EXPECT_EQ(c.text, "Le pr\xC3\xA9sident a parl\xC3\xA9.");
  EXPECT_TRUE(c.removed.empty());
}

TEST(Cleaner, RemovesRepeatedParagraphsAndSentences) {
  std::string p = "Le chef de la diplomatie russe a rencontré son homologue cubain à La Havane jeudi.";
  std::string q =
      "« Nous allons renforcer tous les programmes de formation et de coopération », a déclaré le ministre lors "
      "d'une conférence de presse, ajoutant que Moscou soutenait ses alliés face aux sanctions.";
  std::string q2 =
      "« Nous allons renforcer tous les programmes de formation et de coopération », a déclaré le ministre lors "
      "d'une conférence de presse, ajoutant que la Russie soutenait ses alliés face aux sanctions.";
  Doc d = Clean(p + "\n\n" + q + "\n\nUn autre paragraphe, tout à fait différent du premier. " + q2 + "\n\n" + p + "\n");
  EXPECT_EQ(d.text, p + "\n\n" + q + "\n\nUn autre paragraphe, tout à fait différent du premier.");
  EXPECT_TRUE(HasRemoval(d, "la Russie soutenait", RemovalReason::kDuplicate));
  int dups = 0;
  for (const Removal& r : d.removed) dups += r.why == RemovalReason::kDuplicate;
  EXPECT_EQ(dups, 2);
}

// Repeats are decided on exact trigram sets: a long document of distinct
// sentences (tens of thousands of trigrams, which saturated the Bloom filter of
// earlier versions) loses none, and a repeat after them is still found.
TEST(Cleaner, LongDocumentsOfDistinctSentencesKeepThemAll) {
  std::string text;
  int word = 0;
  auto next_word = [&] {
    std::string w = "m";
    for (int v = word++; v > 0; v /= 26) w.push_back(static_cast<char>('a' + v % 26));
    return w;
  };
  std::string first;
  for (int s = 0; s < 4000; ++s) {
    std::string sentence = "Le";
    for (int k = 0; k < 13; ++k) {
      sentence.push_back(' ');
      sentence.append(next_word());
    }
    sentence.push_back('.');
    if (s == 0) first = sentence;
    text.append(sentence).append(s % 5 == 4 ? "\n\n" : " ");
  }
  text.append("\n\nUn paragraphe final. ").append(first).append("\n");
  Doc d = Clean(text);
  int dups = 0;
  for (const Removal& r : d.removed) dups += r.why == RemovalReason::kDuplicate;
  EXPECT_EQ(dups, 1);
  EXPECT_TRUE(HasRemoval(d, first, RemovalReason::kDuplicate));
}

TEST(Cleaner, RemovalsPointIntoTheOriginalThroughEarlierMaps) {
  // An earlier stage (here: UTF-8 repair) already changed the text.
  std::string original = "Titre \xFF\n\n[ad_1]\n\nLe texte reste.";
  Doc d;
  d.original = original;
  std::string repaired;
  utf8::Repair(original, &repaired, &d.map);
  d.text = repaired;
  Cleaner().Run(d);
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(RemovedText(d, d.removed[0]), "[ad_1]");
  // A word of the cleaned text maps back to the same word in the original.
  size_t pos = d.text.find("texte");
  Span s = d.map.ToSource(Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + 5)});
  EXPECT_EQ(original.substr(s.start, s.size()), "texte");
}

TEST(Cleaner, EmptyAndWhitespaceOnlyInput) {
  EXPECT_EQ(Clean("").text, "");
  EXPECT_EQ(Clean(" \n\n\t\r\n").text, "");
  EXPECT_EQ(Clean("\xE2\x80\x8B\n").text, "");
}


TEST(LineRules, DictionaryErrorsNameFileAndLine) {
  {
    TempDict t;
    t.Copy("clean/chars.tsv").Write("clean/lines.tsv", "# comment\nline\tboilerplate\t\\[ad\\]\texample\nsometimes\tboilerplate\tx\n");
    try {
      LineRules rules;
      FAIL() << "expected a DictError";
    } catch (const DictError& e) {
      EXPECT_NE(std::string(e.what()).find("clean/lines.tsv:3"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("unknown action"), std::string::npos) << e.what();
    }
  }
  {
    TempDict t;
    t.Copy("clean/chars.tsv").Write("clean/lines.tsv", "line\tboilerplate\t(unclosed\n");
    try {
      LineRules rules;
      FAIL() << "expected a DictError";
    } catch (const DictError& e) {
      EXPECT_NE(std::string(e.what()).find("clean/lines.tsv:1: invalid pattern"), std::string::npos) << e.what();
    }
  }
}

// The real seeds (read-only, outside the repository): every piece of noise goes,
// every sentence of body text stays.
TEST(Cleaner, SharedSeedsLoseNoiseKeepBody) {
  std::filesystem::path dir = std::filesystem::path(VEILLE_SHARED_DIR) / "corpus" / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  CharNormalizer chars;
  int docs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Doc d = Clean(ss.str());
    ++docs;
    SCOPED_TRACE(entry.path().filename().string());
    for (const char* noise : {"[ad_", "Laisser un commentaire", "Getty Images", "Retour en haut", "Vidéos associées",
                              "Archivé dans", "lire aussi", "Votre adresse e-mail", "Député, PM", "\xD9\x8E",
                              "nouvelle en développement"})
      EXPECT_EQ(d.text.find(noise), std::string::npos) << noise;
    // Every long line of the original is body text: each of its sentences is kept,
    // unless it was reported as a repeat.
    std::istringstream lines(d.original);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.size() < 120) continue;
      bool noisy = false;
      for (const char* notice : {"nouvelle en développement"}) noisy |= line.find(notice) != std::string::npos;
      if (noisy) {
        EXPECT_TRUE(HasRemoval(d, line.substr(0, 40), RemovalReason::kBoilerplate));
        continue;
      }
      std::string norm = chars.Normalized(line);
      size_t pos = 0;
      while (pos < norm.size()) {
        size_t end = norm.find(". ", pos);
        end = end == std::string::npos ? norm.size() : end + 1;
        std::string sentence = norm.substr(pos, end - pos);
        pos = end + 1;
        if (sentence.size() < 40 || sentence.find('\xD9') != std::string::npos) continue;
        if (d.text.find(sentence) != std::string::npos) continue;
        bool reported = false;
        for (const Removal& r : d.removed)
          if (r.why == RemovalReason::kDuplicate && chars.Normalized(RemovedText(d, r)).find(sentence.substr(0, 30)) != std::string::npos)
            reported = true;
        EXPECT_TRUE(reported) << "lost body sentence: " << sentence;
      }
    }
    // Subheadings are body text.
    if (d.original.find("Washington déploie 13 navires") != std::string::npos) {
      EXPECT_NE(d.text.find("Washington déploie 13 navires"), std::string::npos);
    }
  }
  EXPECT_EQ(docs, 5);
}

}  // namespace
}  // namespace veille
