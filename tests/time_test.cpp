#include "time/timex.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "output/contract.h"
#include "segment/segmenter.h"
#include "time/calendar.h"
#include "time/internal.h"

namespace veille {
namespace {

const TimeTagger& Tagger() {
  static const TimeTagger t = TimeTagger::Load();
  return t;
}

// "text|value|anchor" for every timex, joined by " ; ".
std::string Tag(const std::string& text, const std::string& date) {
  Doc doc;
  doc.text = text;
  if (!date.empty()) {
    doc.date = date;
    doc.date_source = "metadata";
  }
  Tagger().Run(doc, "2026-11-23");
  std::string out;
  for (const Timex& t : doc.timex) {
    if (!out.empty()) out += " ; ";
    out += text.substr(t.span.start, t.span.end - t.span.start) + "|" + t.value + "|" + t.anchor;
  }
  return out;
}

struct Case {
  const char* text;
  const char* date;  // document date (metadata); "" for none
  const char* want;
};

// Reference date for most cases: Wednesday 5 November 2025 (ISO week 2025-W45).
constexpr const char* R = "2025-11-05";

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // Absolute dates.
      {"Le sommet a eu lieu le 16 février 2022 à Caracas.", R, "le 16 février 2022|2022-02-16|absolute"},
      {"Le 16 février 2022, Maduro a parlé.", R, "Le 16 février 2022|2022-02-16|absolute"},
      {"Signé le 16/02/2022 à Moscou.", R, "le 16/02/2022|2022-02-16|absolute"},
      {"Publié 3/7/2021.", R, "3/7/2021|2021-07-03|absolute"},
      {"Il est arrivé le 1er mai 2019.", R, "le 1er mai 2019|2019-05-01|absolute"},
      {"Il est né en 1962.", R, "en 1962|1962|absolute"},
      {"Le groupe a été formé en 2017 à Lima.", R, "en 2017|2017|absolute"},
      {"Le traité a été signé en mai 2017.", R, "en mai 2017|2017-05|absolute"},
      {"La crise de février 2022 a tout changé.", R, "février 2022|2022-02|absolute"},
      {"Il est au pouvoir depuis 2019.", R, "2019|2019|absolute"},
      {"Le contrat court jusqu'en 2030.", R, "2030|2030|absolute"},
      {"Les livraisons reprendront dès 2024.", R, "2024|2024|absolute"},
      {"Le bug du 31 décembre 1999 n'a pas eu lieu.", R, "31 décembre 1999|1999-12-31|absolute"},
      {"Le scrutin du 29 février 2024 a été annulé.", R, "29 février 2024|2024-02-29|absolute"},
      {"Une date impossible : le 30 février 2023.", R, "le 30 février 2023||absolute"},
      {"La Bastille est prise le 14 juillet 1789.", R, "le 14 juillet 1789|1789-07-14|absolute"},
      {"Il a parlé dimanche 2 novembre 2025 à Moscou.", R, "dimanche 2 novembre 2025|2025-11-02|absolute"},
      {"Le texte date de févr. 2020.", R, "févr. 2020|2020-02|absolute"},
      {"Le 3 sept. 2020, il a démissionné.", R, "Le 3 sept. 2020|2020-09-03|absolute"},
      {"DIMANCHE 2 NOVEMBRE 2025 : le Kremlin répond.", R, "DIMANCHE 2 NOVEMBRE 2025|2025-11-02|absolute"},
      {"En 2017, le groupe de Lima est né.", R, "En 2017|2017|absolute"},
      {"la première guerre du Golfe (1990-1991)", R, ""},
      {"Il a recensé 2019 cas.", R, ""},
      {"Il a été construit en 12 jours.", R, ""},
      {"en mars 2003 et en avril 2004", R, "en mars 2003|2003-03|absolute ; en avril 2004|2004-04|absolute"},
      {"le 16 février 2022 puis le 17 février 2022", R,
       "le 16 février 2022|2022-02-16|absolute ; le 17 février 2022|2022-02-17|absolute"},
      {"Les élections auront lieu début 2020.", R, "2020|2020|absolute"},
      {"Le retrait est prévu fin 2021.", R, "2021|2021|absolute"},
      {"Rien n'a changé après 2014.", R, "2014|2014|absolute"},
      {"C'était avant 2000.", R, "2000|2000|absolute"},
      {"Le formulaire 12/13/2020 est faux.", R, ""},
      {"Également, le 5 août 2020, le port a explosé.", R, "le 5 août 2020|2020-08-05|absolute"},
      {"Le 5 AOÛT 2020, le port a explosé.", R, "Le 5 AOÛT 2020|2020-08-05|absolute"},
      {"le 2 aout 2020", R, "le 2 aout 2020|2020-08-02|absolute"},
      {"le 7 décembre 1941", R, "le 7 décembre 1941|1941-12-07|absolute"},
      {"Le 1er janvier 2000, le rouble a été redénominé.", R, "Le 1er janvier 2000|2000-01-01|absolute"},
      {"Le 25/12/2024 à midi.", R, "Le 25/12/2024|2024-12-25|absolute"},
      {"En janvier 2023, puis en 2024.", R, "En janvier 2023|2023-01|absolute ; en 2024|2024|absolute"},
      {"Il a quitté ses fonctions en décembre 2018.", R, "en décembre 2018|2018-12|absolute"},
      {"Le 9 juin 2019, Guaido s'est exprimé.", R, "Le 9 juin 2019|2019-06-09|absolute"},
      {"Il est parti le 31 juillet 2021.", R, "le 31 juillet 2021|2021-07-31|absolute"},
      {"le 1ER mars 2022", R, "le 1ER mars 2022|2022-03-01|absolute"},
      {"Le vote est prévu le 4 octobre 2026.", R, "le 4 octobre 2026|2026-10-04|absolute"},
      {"Un accord de juillet 2015 avec l'Iran.", R, "juillet 2015|2015-07|absolute"},
      {"L'embargo date de 1962.", R, ""},

      // Day and month without a year: the occurrence near the document date.
      {"Il a été reçu le 16 février.", R, "le 16 février|2025-02-16|document"},
      {"Il a été reçu le 2 novembre.", R, "le 2 novembre|2025-11-02|document"},
      {"La rencontre aura lieu le 22 décembre.", R, "le 22 décembre|2025-12-22|document"},
      {"Depuis le 10 janvier, rien.", R, "le 10 janvier|2025-01-10|document"},
      {"Le vote aura lieu le 3 janvier.", R, "le 3 janvier|2026-01-03|document"},
      {"Le ministère a indiqué ce 22 décembre que...", R, "ce 22 décembre|2025-12-22|document"},
      {"Peskov a déclaré ce dimanche 2 novembre que Moscou...", R, "ce dimanche 2 novembre|2025-11-02|document"},
      {"l'a confirmé, dimanche 9 juin, le président", "2019-06-12", "dimanche 9 juin|2019-06-09|document"},
      {"Le 1er mai, les syndicats défilent.", R, "Le 1er mai|2025-05-01|document"},
      {"Le 13 janvier, le vice-ministre a parlé.", "2022-02-16", "Le 13 janvier|2022-01-13|document"},
      {"les discussions du 24 janvier entre Poutine et Maduro", "2022-02-16", "24 janvier|2022-01-24|document"},
      {"à Caracas, le 16 février.", "2022-02-16", "le 16 février|2022-02-16|document"},
      {"Le 28 février, il a signé.", "2024-03-10", "Le 28 février|2024-02-28|document"},
      {"Le 29 février, il a signé.", "2024-03-10", "Le 29 février|2024-02-29|document"},
      {"Réunion le 5 décembre.", "2026-01-20", "le 5 décembre|2025-12-05|document"},
      {"Réunion le 15 mars.", "2026-01-20", "le 15 mars|2026-03-15|document"},
      {"Réunion le 31 mars.", "2026-01-20", "le 31 mars|2025-03-31|document"},  // over two months ahead: past,
      {"Réunion le 1er avril.", "2026-01-20", "le 1er avril|2025-04-01|document"},
      {"Il a parlé lundi 3 novembre.", R, "lundi 3 novembre|2025-11-03|document"},
      {"le 16 février", "", "le 16 février||document"},
      {"le 31 avril", R, "le 31 avril||document"},
      {"le 30 février", R, "le 30 février||document"},
      {"le 29 février", R, "le 29 février|2024-02-29|document"},

      // Weekdays, seen from Wednesday 5 November 2025.
      {"Maduro a déclaré mercredi que la Russie le soutient.", R, "mercredi|2025-11-05|document"},
      {"Les États-Unis ont tenu mardi une réunion.", R, "mardi|2025-11-04|document"},
      {"Il est arrivé lundi.", R, "lundi|2025-11-03|document"},
      {"Il a parlé dimanche.", R, "dimanche|2025-11-02|document"},
      {"Le vote de jeudi a été annulé.", R, "jeudi|2025-10-30|document"},
      {"a déclaré vendredi le directeur", R, "vendredi|2025-10-31|document"},
      {"Les manifestants ont défilé samedi.", R, "samedi|2025-11-01|document"},
      {"Il a démissionné lundi dernier.", R, "lundi dernier|2025-11-03|document"},
      {"Il a démissionné mercredi dernier.", R, "mercredi dernier|2025-10-29|document"},
      {"Il arrivera jeudi prochain.", R, "jeudi prochain|2025-11-06|document"},
      {"Il arrivera mercredi prochain.", R, "mercredi prochain|2025-11-12|document"},
      {"Il arrivera lundi prochain.", R, "lundi prochain|2025-11-10|document"},
      {"Ce lundi, Trump a averti.", R, "Ce lundi|2025-11-03|document"},
      {"Il a parlé ce dimanche à la télévision.", R, "ce dimanche|2025-11-02|document"},
      {"Après une rencontre plus tôt mercredi, il a parlé.", R, "plus tôt mercredi|2025-11-05|document"},
      {"Dimanche dernier, le journal a rapporté.", R, "Dimanche dernier|2025-11-02|document"},
      {"Il est parti samedi passé.", R, "samedi passé|2025-11-01|document"},
      {"Le vote aura lieu dimanche prochain.", R, "dimanche prochain|2025-11-09|document"},
      {"Vendredi dernier, il a démissionné.", R, "Vendredi dernier|2025-10-31|document"},
      {"Le lundi, il avait prévenu.", R, "Le lundi|2025-11-03|document"},
      {"Il a parlé mardi.", "2025-11-03", "mardi|2025-10-28|document"},
      {"Il a parlé dimanche.", "2025-11-09", "dimanche|2025-11-09|document"},
      {"Il a parlé samedi.", "2025-01-02", "samedi|2024-12-28|document"},
      {"plus tard jeudi", R, "plus tard jeudi|2025-10-30|document"},
      {"Mardi, il a parlé.", "", "Mardi||document"},

      // Deictic days.
      {"Hier, le Kremlin a répondu.", R, "Hier|2025-11-04|document"},
      {"Il a parlé hier soir.", R, "hier|2025-11-04|document"},
      {"Il est arrivé avant-hier.", R, "avant-hier|2025-11-03|document"},
      {"Aujourd'hui, la Russie répond.", R, "Aujourd'hui|2025-11-05|document"},
      {"Il arrive demain.", R, "demain|2025-11-06|document"},
      {"Il arrive après-demain.", R, "après-demain|2025-11-07|document"},
      {"Hier, le Kremlin a répondu.", "2025-01-01", "Hier|2024-12-31|document"},
      {"Il arrive demain.", "2024-02-28", "demain|2024-02-29|document"},
      {"hier", "", "hier||document"},

      // Relative to the previous expression.
      {"Le 16 février 2022, Maduro a parlé. La veille, Borissov était arrivé.", R,
       "Le 16 février 2022|2022-02-16|absolute ; La veille|2022-02-15|previous"},
      {"Il a signé le 28 février 2024 et il est reparti le lendemain.", R,
       "le 28 février 2024|2024-02-28|absolute ; le lendemain|2024-02-29|previous"},
      {"Le 1er mars 2023 ; l'avant-veille, rien.", R,
       "Le 1er mars 2023|2023-03-01|absolute ; l'avant-veille|2023-02-27|previous"},
      {"La veille, Juan Guaido avait parlé.", R, "La veille||previous"},
      {"Il a parlé mardi ; la veille il était à Cuba.", R, "mardi|2025-11-04|document ; la veille|2025-11-03|previous"},
      {"L'ordinateur est en veille.", R, ""},
      {"Il est arrivé hier et reparti le surlendemain.", R,
       "hier|2025-11-04|document ; le surlendemain|2025-11-06|previous"},
      {"En mai 2017, puis la veille de Noël.", R, "En mai 2017|2017-05|absolute ; la veille||previous"},
      {"Le 31 décembre 2024. Le lendemain, tout a changé.", R,
       "Le 31 décembre 2024|2024-12-31|absolute ; Le lendemain|2025-01-01|previous"},
      {"Lundi dernier puis la veille.", R, "Lundi dernier|2025-11-03|document ; la veille|2025-11-02|previous"},

      // "il y a", "dans".
      {"Il y a une semaine les USA ont menacé Cuba.", R, "Il y a une semaine|2025-W44|document"},
      {"Il a été reconnu il y a trois ans.", R, "il y a trois ans|2022|document"},
      {"Il a démenti il y a deux jours.", R, "il y a deux jours|2025-11-03|document"},
      {"Il a démenti il y a 10 jours.", R, "il y a 10 jours|2025-10-26|document"},
      {"Il a démenti il y a six mois.", R, "il y a six mois|2025-05|document"},
      {"Il a démenti il y a un an.", R, "il y a un an|2024|document"},
      {"Il a démenti il y a 2 semaines.", R, "il y a 2 semaines|2025-W43|document"},
      {"Il reviendra dans deux semaines.", R, "dans deux semaines|2025-W47|document"},
      {"Il reviendra dans trois jours.", R, "dans trois jours|2025-11-08|document"},
      {"Il reviendra dans un mois.", R, "dans un mois|2025-12|document"},
      {"Il a démenti il y a douze mois.", R, "il y a douze mois|2024-11|document"},
      {"C'était il y a quinze ans.", R, "il y a quinze ans|2010|document"},
      {"C'était il y a sept ans.", R, "il y a sept ans|2018|document"},
      {"C'était il y a longtemps.", R, ""},
      {"C'était il y a des années.", R, ""},
      {"Le projet aboutira dans dix ans.", R, "dans dix ans|2035|document"},
      {"Il y a deux pays.", R, ""},
      {"dans deux pays", R, ""},
      {"Il y a un an, le 5 mars 2024, il a parlé.", R,
       "Il y a un an|2024|document ; le 5 mars 2024|2024-03-05|absolute"},
      {"il y a trois mois", "2025-01-15", "il y a trois mois|2024-10|document"},
      {"il y a une semaine", "", "il y a une semaine||document"},

      // Units with "dernier", "prochain", "ce".
      {"Le mois dernier, la Russie a livré des armes.", R, "Le mois dernier|2025-10|document"},
      {"la semaine dernière", R, "la semaine dernière|2025-W44|document"},
      {"L'an dernier, il a gagné.", R, "L'an dernier|2024|document"},
      {"l'année dernière", R, "l'année dernière|2024|document"},
      {"l'année prochaine", R, "l'année prochaine|2026|document"},
      {"le mois prochain", R, "le mois prochain|2025-12|document"},
      {"la semaine prochaine", R, "la semaine prochaine|2025-W46|document"},
      {"Cette semaine, le Kremlin a répondu.", R, "Cette semaine|2025-W45|document"},
      {"cette année", R, "cette année|2025|document"},
      {"ce mois", R, "ce mois|2025-11|document"},
      {"l'an prochain", R, "l'an prochain|2026|document"},
      {"la semaine passée", R, "la semaine passée|2025-W44|document"},
      {"le mois dernier", "2025-01-15", "le mois dernier|2024-12|document"},
      {"le mois prochain", "2025-12-31", "le mois prochain|2026-01|document"},
      {"cette semaine", "2021-01-03", "cette semaine|2020-W53|document"},
      {"la semaine dernière", "2026-01-07", "la semaine dernière|2026-W01|document"},
      {"les mois derniers", R, ""},
      {"une semaine", R, ""},
      {"le dernier mot", R, ""},

      // Months without a year.
      {"Le partenariat signé en mai lors de la visite.", R, "en mai|2025-05|document"},
      {"En novembre, des médias ont rapporté.", "2025-12-22", "En novembre|2025-11|document"},
      {"Le sommet aura lieu en décembre.", R, "en décembre|2025-12|document"},
      {"en janvier", R, "en janvier|2025-01|document"},
      {"en mars", "2025-02-10", "en mars|2025-03|document"},
      {"en octobre", "2025-02-10", "en octobre|2024-10|document"},
      {"La planète Mars est rouge.", R, ""},
      {"Mai est un mois.", R, ""},

      // Several expressions.
      {"Hier, le 4 novembre, et il y a trois ans.", R,
       "Hier|2025-11-04|document ; le 4 novembre|2025-11-04|document ; il y a trois ans|2022|document"},
      {"Mercredi, puis jeudi prochain et en 2026.", R,
       "Mercredi|2025-11-05|document ; jeudi prochain|2025-11-06|document ; en 2026|2026|absolute"},
      {"Du 3 au 5 novembre 2025.", R, "5 novembre 2025|2025-11-05|absolute"},
      {"Le 2 et le 3 novembre.", R, "le 3 novembre|2025-11-03|document"},
      {"En 2019 et en 2020, puis l'an dernier.", R,
       "En 2019|2019|absolute ; en 2020|2020|absolute ; l'an dernier|2024|document"},
      {"Il n'y a rien ici.", R, ""},
      {"", R, ""},
  };
  return cases;
}

TEST(TimeTagger, HandWrittenCases) {
  ASSERT_GE(Cases().size(), 150u);
  for (const Case& c : Cases()) EXPECT_EQ(Tag(c.text, c.date), c.want) << c.text << " @ " << c.date;
}

TEST(TimeTagger, SpansAreByteOffsets) {
  Doc doc;
  doc.text = "Élu « hier », il part le 16 février 2022.";
  doc.date = "2025-11-05";
  Tagger().Run(doc);
  ASSERT_EQ(doc.timex.size(), 2u);
  EXPECT_EQ(doc.text.substr(doc.timex[0].span.start, doc.timex[0].span.end - doc.timex[0].span.start), "hier");
  EXPECT_EQ(doc.timex[0].rule, "dict/time/relative.tsv:5");
  EXPECT_EQ(doc.timex[1].span.end, doc.text.size() - 1);
}

TEST(TimeTagger, ContractJson) {
  Doc doc;
  doc.text = "Hier, le 2 mai 2024.";
  doc.lang = "fr";
  Tagger().Run(doc, "2026-11-23");
  std::string json;
  AppendContractJson(doc, &json);
  EXPECT_NE(json.find("\"timex\":[{\"start\":0,\"end\":4,\"text\":\"Hier\",\"value\":null,\"anchor\":"
                      "\"document\",\"rule\":\"dict/time/relative.tsv:5\"},{\"start\":6,\"end\":19,\"text\":"
                      "\"le 2 mai 2024\",\"value\":\"2024-05-02\",\"anchor\":\"absolute\",\"rule\":"
                      "\"dict/time/months.tsv:11\"}],\"events\":[]}"),
            std::string::npos)
      << json;
}

// Random sequences of the words the patterns use: spans stay ordered, non-overlapping
// and inside the text; values are well formed.
TEST(TimeTagger, RandomWordSoup) {
  const std::vector<std::string> words = {
      "le", "la", "l'", "ce", "cette", "en", "il", "y", "a", "plus", "tôt", "dans", "depuis", "jusqu'en",
      "16", "1er", "31", "2022", "1991", "0", "99999", "16/02/2022", "29/02/2023", "février", "févr.", "sept",
      "mai", "lundi", "dimanche", "dernier", "prochaine", "hier", "veille", "l'avant-veille", "lendemain",
      "aujourd'hui", "semaine", "mois", "ans", "l'an", "trois", ",", ".", "\n", "«", "É", "\xC3", "-", "'"};
  std::mt19937 rng(42);
  for (int round = 0; round < 3000; ++round) {
    Doc doc;
    int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      doc.text += words[rng() % words.size()];
      if (rng() % 4) doc.text += ' ';
    }
    if (round % 2) doc.date = "2024-02-29";
    Tagger().Run(doc, "2026-11-23");
    uint32_t prev_end = 0;
    for (const Timex& t : doc.timex) {
      ASSERT_LE(prev_end, t.span.start) << doc.text;
      ASSERT_LT(t.span.start, t.span.end) << doc.text;
      ASSERT_LE(t.span.end, doc.text.size()) << doc.text;
      prev_end = t.span.end;
      size_t len = t.value.size();
      EXPECT_TRUE(len == 0 || len == 4 || len == 7 || len == 8 || len == 10) << t.value << " in " << doc.text;
    }
  }
}

TEST(Calendar, Basics) {
  EXPECT_EQ(cal::Weekday(cal::DaysFromCivil(2025, 11, 2)), 7);
  EXPECT_EQ(cal::Weekday(cal::DaysFromCivil(1970, 1, 1)), 4);
  EXPECT_EQ(cal::FormatWeek(cal::DaysFromCivil(2021, 1, 3)), "2020-W53");
  EXPECT_EQ(cal::FormatWeek(cal::DaysFromCivil(2024, 12, 30)), "2025-W01");
  int64_t d;
  EXPECT_TRUE(cal::ParseIsoDate("2024-02-29T10:00:00Z", &d));
  EXPECT_FALSE(cal::ParseIsoDate("2023-02-29", &d));
  EXPECT_FALSE(cal::ParseIsoDate("2023/02/01", &d));
  EXPECT_EQ(cal::FormatDay(cal::DaysFromCivil(1900, 3, 1)), "1900-03-01");
}

// Inference: the date when the input gave none.
std::optional<std::string> Infer(const std::string& text, const std::string& today, Doc* out = nullptr) {
  Doc doc;
  doc.text = text;
  static const Segmenter seg = Segmenter::Load();
  seg.Run(doc);
  Tagger().Run(doc, today);
  if (doc.date) {
    EXPECT_EQ(doc.date_source, "inferred");
  }
  if (out) *out = doc;
  return doc.date;
}

TEST(TimeInference, WeekdayDateInOneExpression) {
  EXPECT_EQ(Infer("Peskov a déclaré ce dimanche 2 novembre que Moscou est en contact.", "2026-11-23"), "2025-11-02");
  // Not after today: 2 November 2025 is tomorrow, the previous Sunday 2 November is 2014.
  EXPECT_EQ(Infer("Peskov a déclaré ce dimanche 2 novembre que Moscou est en contact.", "2025-11-01"), "2014-11-02");
  EXPECT_EQ(Infer("Il a parlé dimanche 2 novembre.", "2025-11-02"), "2025-11-02");
}

TEST(TimeInference, WeekdayWithFullDate) {
  EXPECT_EQ(Infer("Moscou, jeudi 7 novembre 2024. Aujourd'hui, le Kremlin répond.", "2026-11-23"), "2024-11-07");
  // The weekday disagrees: no evidence.
  EXPECT_EQ(Infer("Moscou, vendredi 7 novembre 2024.", "2026-11-23"), std::nullopt);
  // After today: no date.
  EXPECT_EQ(Infer("Moscou, jeudi 7 novembre 2024.", "2024-11-01"), std::nullopt);
}

TEST(TimeInference, ExplicitYearsChooseTheCycle) {
  // 9 June was a Sunday in 2019 and 2024; "en 2017" makes 2019 the near one.
  EXPECT_EQ(Infer("Le groupe a été formé en 2017. Il l'a confirmé dimanche 9 juin.", "2026-11-23"), "2019-06-09");
  EXPECT_EQ(Infer("Il l'a confirmé dimanche 9 juin.", "2026-11-23"), "2024-06-09");
  // A year named with a date or a month wins over a later plain year ("en 2014", a plan).
  EXPECT_EQ(Infer("4 juillet 2012. Il a parlé ce mercredi 4 juillet. Le stade ouvrira en 2014.", "2026-11-23"),
            "2012-07-04");
  EXPECT_EQ(Infer("Il a parlé ce mercredi 4 juillet. Le stade ouvrira en 2014.", "2026-11-23"), "2018-07-04");
  // A distant historical year does not pull the date back.
  EXPECT_EQ(Infer("Depuis la guerre de 1991, rien. Il a parlé ce dimanche 2 novembre.", "2026-11-23"),
            "2025-11-02");
}

TEST(TimeInference, DeicticDateAndWeekday) {
  EXPECT_EQ(Infer("Le ministère a indiqué ce 22 décembre que Lavrov a appelé Gil. Ce lundi, Trump a averti.",
                  "2026-11-23"),
            "2025-12-22");
}

TEST(TimeInference, SameSentence) {
  Doc doc;
  EXPECT_EQ(Infer("Après des entretiens mercredi à Caracas, le 16 février. Il y a trois ans, Trump.", "2026-11-23",
                  &doc),
            "2022-02-16");
  // The inferred date anchors the relative expressions.
  ASSERT_EQ(doc.timex.size(), 3u);
  EXPECT_EQ(doc.timex[0].value, "2022-02-16");
  EXPECT_EQ(doc.timex[2].value, "2019");
}

TEST(TimeInference, OnlyDayWithMostFrequentWeekday) {
  EXPECT_EQ(Infer("Il a parlé mercredi. Mardi, rien. Le 16 février, photo. Mercredi encore.", "2026-11-23"),
            "2022-02-16");
  // Tie: the weekday named first.
  EXPECT_EQ(Infer("Il a parlé mardi. Mercredi, rien. Le 16 février, photo.", "2026-11-23"), "2021-02-16");
}

TEST(TimeInference, NoEvidence) {
  // Two different undated days and no tie to a weekday.
  EXPECT_EQ(Infer("Il a parlé mercredi. Le 16 février, rien. Le 13 janvier non plus.", "2026-11-23"), std::nullopt);
  EXPECT_EQ(Infer("Le 16 février, rien.", "2026-11-23"), std::nullopt);
  EXPECT_EQ(Infer("Hier, le Kremlin a répondu.", "2026-11-23"), std::nullopt);
  EXPECT_EQ(Infer("Le 16 février 2022, rien.", "2026-11-23"), std::nullopt);
}

TEST(TimeInference, MetadataDateWins) {
  Doc doc;
  doc.text = "Il a parlé ce dimanche 2 novembre.";
  doc.date = "2014-11-05";
  doc.date_source = "metadata";
  Tagger().Run(doc, "2026-11-23");
  EXPECT_EQ(doc.date, "2014-11-05");
  EXPECT_EQ(doc.date_source, "metadata");
  ASSERT_EQ(doc.timex.size(), 1u);
  EXPECT_EQ(doc.timex[0].value, "2014-11-02");
}

TEST(TimeInference, ActorFactsHook) {
  std::vector<timex::Mention> ms(1);
  ms[0].kind = timex::Kind::kDayMonth;
  ms[0].month = 11, ms[0].day = 2, ms[0].weekday = 7;
  int64_t today = cal::DaysFromCivil(2026, 11, 23);
  EXPECT_EQ(cal::FormatDay(*timex::InferDocumentDate(ms, {}, today)), "2025-11-02");
  EXPECT_EQ(cal::FormatDay(*timex::InferDocumentDate(ms, {}, today, {{2010, 2015}})), "2014-11-02");
  EXPECT_EQ(timex::InferDocumentDate(ms, {}, today, {{2016, 2018}}), std::nullopt);
}

TEST(TimeInference, SharedSeeds) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(VEILLE_SHARED_DIR) / "corpus" / "seeds";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  // Dates justified by the text (see the stage's inference rules).
  const std::map<std::string, std::string> want = {
      {"001_b1afe96e5b156a71", "2022-02-16"},  // "mercredi ... le 16 février" in one sentence
      {"002_f21619eca65d4c79", "2019-06-09"},  // "dimanche 9 juin", "en 2017"
      {"003_6a599bebd27f8e2f", "2025-12-22"},  // "ce 22 décembre" + "Ce lundi"
      {"004_8369d86ae2b1155f", "2025-11-02"},  // "ce dimanche 2 novembre"
  };
  static const Segmenter seg = Segmenter::Load();
  int seen = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Doc doc;
    doc.text = ss.str();
    seg.Run(doc);
    Tagger().Run(doc, "2026-11-23");
    std::string id = e.path().stem().string();
    auto it = want.find(id);
    if (it == want.end()) continue;
    ++seen;
    EXPECT_EQ(doc.date.value_or("null"), it->second) << id;
  }
  EXPECT_EQ(seen, 4);
}

}  // namespace
}  // namespace veille
