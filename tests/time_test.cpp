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
#include "pipeline/pipeline.h"
#include "segment/segmenter.h"
#include "time/calendar.h"
#include "time/internal.h"
#include "quotes/words.h"

namespace veille {
namespace {

const timex::Lexicon& Lexicon() {
  static const timex::Lexicon lex = timex::Lexicon::Load();
  return lex;
}

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
  std::string text;
  std::string date;  // document date (metadata); "" for none
  std::string want;
};


// The hand-written cases of tests/data/time/cases.tsv (also read by bench/time_eval).
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = [] {
    std::vector<Case> out;
    std::ifstream in(VEILLE_TEST_DATA "/time/cases.tsv");
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      size_t a = line.find('\t'), b = line.find('\t', a + 1);
      if (a == std::string::npos || b == std::string::npos) ADD_FAILURE() << "bad case line: " << line;
      else out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1) == "-" ? "" : line.substr(a + 1, b - a - 1),
                          line.substr(b + 1)});
    }
    return out;
  }();
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

// The tokens read from the quote finder's words (what the pipeline does) give the same
// mentions as the byte scan, on random valid UTF-8 made of the pieces where the two splits
// differ: elisions (' and ’), hyphens, slashes between digits, letters outside Latin-1.
TEST(TimeTagger, TokensFromWordsAreTheScannedTokens) {
  const std::vector<std::string> pieces = {
      "le", "la", "l'", "l’", "d'", "qu'", "qu’", "jusqu'", "c'", "ce", "cette", "en", "il", "y", "a", "dans",
      "depuis", "16", "1er", "2022", "1991", "02", "/", "16/02/2022", "3/4", "février", "févr", ".", "sept", "mai",
      "lundi", "dernier", "prochaine", "hier", "veille", "avant", "-", "veille", "lendemain", "aujourd", "hui",
      "semaine", "mois", "ans", "an", "trois", ",", "\n", "\n\n", "«", "»", "É", "Été", "À", "œ", "Œuvre", "ł",
      "ą", "Ł", "ª", "µ", "×", "÷", "\xC2\xA0", "—", "…", "ß", "Ω", "漢", "😀", "'", "’", " ", "\t", "\r", "2", "0",
      "x", "MAI", "HIER", "Dès", "DÈS", "TÔT", "plus", "tôt", "tard"};
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 3 == 0) text += ' ';
    }
    quotes::WordSplit words;
    words.words = quotes::SplitWords(text, &words.lowered);
    auto mentions = [&](const std::vector<timex::Mention>& ms) {
      std::string out;
      for (const timex::Mention& m : ms)
        out += std::to_string(m.span.start) + "-" + std::to_string(m.span.end) + ":" +
               std::to_string(static_cast<int>(m.kind)) + ":" + m.rule + " ";
      return out;
    };
    ASSERT_EQ(mentions(timex::Recognize(Lexicon(), text, words.words)), mentions(timex::Recognize(Lexicon(), text)))
        << text;
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
  // Written by hand for years 0..9999, as fmt writes them (and by fmt outside).
  EXPECT_EQ(cal::FormatDay(cal::DaysFromCivil(7, 11, 9)), "0007-11-09");
  EXPECT_EQ(cal::FormatDay(cal::DaysFromCivil(12345, 1, 2)), "12345-01-02");
  EXPECT_EQ(cal::FormatMonth(-5, 3), "-005-03");
  EXPECT_EQ(cal::FormatMonth(2024, 123), "2024-123");
  EXPECT_EQ(cal::FormatYear(0), "0000");
  EXPECT_EQ(cal::FormatYear(999), "0999");
  EXPECT_EQ(cal::FormatYear(10000), "10000");
  EXPECT_EQ(cal::FormatWeek(cal::DaysFromCivil(5, 1, 10)), "0005-W02");
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
  auto years = [](int from, int to) {
    timex::DayRange r;
    r.periods.emplace_back(cal::DaysFromCivil(from, 1, 1), cal::DaysFromCivil(to, 12, 31));
    return std::vector<timex::DayRange>{r};
  };
  EXPECT_EQ(cal::FormatDay(*timex::InferDocumentDate(ms, {}, today, years(2010, 2015))), "2014-11-02");
  // Facts that exclude every candidate are not used (the explanation says so).
  timex::DateInference inf = timex::ExplainDocumentDate(ms, {}, today, years(2016, 2018));
  EXPECT_TRUE(inf.facts_ignored);
  EXPECT_EQ(cal::FormatDay(*inf.date), "2025-11-02");
  // Either of two terms: the later one that agrees.
  std::vector<timex::DayRange> two = years(2008, 2009);
  two[0].periods.emplace_back(cal::DaysFromCivil(2013, 1, 1), cal::DaysFromCivil(2016, 12, 31));
  inf = timex::ExplainDocumentDate(ms, {}, today, two);
  EXPECT_EQ(cal::FormatDay(*inf.date), "2014-11-02");
  EXPECT_EQ(inf.candidates.front(), 2025);
  EXPECT_FALSE(inf.ruled_out.empty());
}

// Through the whole pipeline: a person named with the office they held dates the text.
TEST(TimeInference, PeopleInOfficeChooseTheYear) {
  PipelineOptions po;
  po.language = "fr";
  po.today = "2026-11-23";
  static const Pipeline pipeline(po);
  auto date_of = [&](const std::string& text, std::vector<std::string>* trace = nullptr) {
    Doc doc;
    doc.text = text;
    pipeline.Run(doc, nullptr, trace);
    return doc.date.value_or("null") + " " + doc.date_source.value_or("null");
  };
  // Sunday 2 November: 2025, 2014, 2008, ... Obama was president 2009-2017.
  std::vector<std::string> trace;
  EXPECT_EQ(date_of("Ce dimanche 2 novembre, le président américain Barack Obama a reçu son homologue.", &trace),
            "2014-11-02 inferred");
  std::string all;
  for (const std::string& line : trace) all += line + "\n";
  EXPECT_NE(all.find("ruled out by the actor facts: 2025"), std::string::npos) << all;
  EXPECT_NE(all.find("chosen: 2014-11-02"), std::string::npos) << all;
  EXPECT_EQ(date_of("Barack Obama, le président américain, a parlé ce dimanche 2 novembre."), "2014-11-02 inferred");
  EXPECT_EQ(date_of("Ce dimanche 2 novembre, le président américain Donald Trump a parlé."), "2025-11-02 inferred");
  // No fact: the most recent candidate. A former president says nothing of the date.
  EXPECT_EQ(date_of("Ce dimanche 2 novembre, le ministre a parlé."), "2025-11-02 inferred");
  EXPECT_EQ(date_of("Ce dimanche 2 novembre, l'ancien président américain Barack Obama a parlé."),
            "2025-11-02 inferred");
  // The roles are resolved again at the refined date: the title is Obama's.
  Doc doc;
  doc.text = "Ce dimanche 2 novembre, le président américain Barack Obama a parlé. Le président américain a ajouté.";
  pipeline.Run(doc);
  ASSERT_FALSE(doc.entities.empty());
  EXPECT_EQ(doc.entities.back().id, "person:obama-barack");
  // A date given by the input is never changed.
  Doc given;
  given.text = "Ce dimanche 2 novembre, le président américain Barack Obama a parlé.";
  given.date = "2025-11-05";
  given.date_source = "metadata";
  pipeline.Run(given);
  EXPECT_EQ(*given.date, "2025-11-05");
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
