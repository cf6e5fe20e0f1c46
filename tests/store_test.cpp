// The corpus database: schema and migrations, idempotent writing, French full-text
// search, and the queries behind `veille query` / `timeline`.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "output/contract.h"
#include "store/compress.h"
#include "store/database.h"
#include "store/fts_french.h"
#include "store/query.h"
#include "store/schema.h"
#include "store/writer.h"

namespace veille::store {
namespace {

namespace fs = std::filesystem;

class TempDb {
 public:
  TempDb() {
    dir_ = fs::temp_directory_path() /
           fmt::format("veille-store-test-{}-{}", getpid(),
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~TempDb() { fs::remove_all(dir_); }
  std::string path() const { return (dir_ / "test.db").string(); }

 private:
  fs::path dir_;
};

int64_t Count(Database& db, const std::string& table) {
  Statement s = db.Prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(s.Step());
  return s.Int(0);
}

// A document as the pipeline would leave it, with entities, quotes and events filled.
Doc MakeDoc(const std::string& id, const std::string& text, const std::string& date) {
  Doc d;
  d.id = id;
  d.source = id + ".txt";
  d.format = "txt";
  d.date = date;
  d.date_source = "metadata";
  d.original = text;
  d.text = text;
  d.map = OffsetMap::Identity(static_cast<uint32_t>(text.size()));
  d.lang = "fr";
  d.lang_score = 0.9;
  d.sentences.push_back({0, static_cast<uint32_t>(text.size())});
  return d;
}

Span Find(const std::string& text, const std::string& what) {
  size_t p = text.find(what);
  EXPECT_NE(p, std::string::npos) << what;
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + what.size())};
}

EventActor Actor(const Doc& d, const std::string& mention, const std::string& id, const std::string& name,
                 const std::string& code) {
  return {Find(d.text, mention), id, name, code};
}

Event MakeEvent(const Doc& d, EventActor source, std::optional<EventActor> target, const std::string& code,
                double goldstein, const std::string& polarity) {
  Event e;
  e.span = d.sentences[0];
  e.source = std::move(source);
  e.target = std::move(target);
  e.code = code;
  e.root = code.substr(0, 2);
  e.plover = "AGREE";
  e.goldstein = goldstein;
  e.quad = 1;
  e.polarity = polarity;
  e.rule = "test:1";
  return e;
}

std::string Contract(const Doc& d) {
  std::string s;
  AppendContractJson(d, &s);
  return s;
}

TEST(StoreSchema, NewDatabaseIsAtTheCurrentVersion) {
  TempDb tmp;
  Database db(tmp.path(), Database::Mode::kReadWrite);
  EXPECT_EQ(db.schema_version(), kSchemaVersion);
  Statement s = db.Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Text(0), "wal");
}

TEST(StoreSchema, MigratesAnOlderDatabaseForward) {
  TempDb tmp;
  Doc d = MakeDoc("a", "Les négociations sur l'accord gazier ont repris à Moscou.", "2024-03-01");
  {
    Database v1(tmp.path(), Database::Mode::kReadWrite, 1);
    EXPECT_EQ(v1.schema_version(), 1);
    Writer w(v1);
    ASSERT_TRUE(w.Add(d, Contract(d)));
    w.Commit();
  }
  // Version 2 adds the full-text index and fills it from the stored documents.
  Database db(tmp.path(), Database::Mode::kReadWrite);
  EXPECT_EQ(db.schema_version(), kSchemaVersion);
  Statement s = db.Prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1");
  s.Bind(1, "négociation");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Int(0), 1);
}

TEST(StoreSchema, RefusesANewerDatabase) {
  TempDb tmp;
  {
    Database db(tmp.path(), Database::Mode::kReadWrite);
    db.Exec("PRAGMA user_version = 99");
  }
  for (auto mode : {Database::Mode::kReadWrite, Database::Mode::kReadOnly}) {
    try {
      Database db(tmp.path(), mode);
      FAIL() << "opened a newer database";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("newer than this veille supports"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(tmp.path()), std::string::npos) << e.what();
    }
  }
}

TEST(StoreSchema, ReadOnlyNeedsAnExistingDatabase) {
  TempDb tmp;
  EXPECT_THROW(Database(tmp.path(), Database::Mode::kReadOnly), StoreError);
  EXPECT_FALSE(fs::exists(tmp.path()));
  EXPECT_THROW(Database("/nonexistent-dir/x.db", Database::Mode::kReadWrite), StoreError);
}

TEST(StoreSchema, RefusesAFileThatIsNotADatabase) {
  TempDb tmp;
  { std::FILE* f = std::fopen(tmp.path().c_str(), "wb"); std::fputs("ceci n'est pas une base\n", f); std::fclose(f); }
  EXPECT_THROW(Database(tmp.path(), Database::Mode::kReadWrite), StoreError);
}

TEST(StoreWriter, SameContentIsStoredOnce) {
  TempDb tmp;
  Database db(tmp.path(), Database::Mode::kReadWrite);
  Doc a = MakeDoc("a", "Le Kremlin a salué l'accord signé avec Caracas.", "2024-03-01");
  Doc b = MakeDoc("b", "L'ONU a appelé au dialogue.", "2024-03-02");
  Doc a_again = a;
  a_again.id = "a-copy";  // another name, same bytes
  Writer w(db, 1);
  EXPECT_TRUE(w.Add(a, Contract(a)));
  EXPECT_TRUE(w.Add(b, Contract(b)));
  EXPECT_FALSE(w.Add(a_again, Contract(a_again)));
  EXPECT_TRUE(w.Contains(ContentHash(a.original)));
  EXPECT_FALSE(w.Contains(ContentHash("autre chose")));
  w.Commit();
  EXPECT_EQ(Count(db, "documents"), 2);
  EXPECT_EQ(Count(db, "sentences"), 2);
}

TEST(StoreWriter, StoresEveryAnnotationWithItsSpan) {
  TempDb tmp;
  Database db(tmp.path(), Database::Mode::kReadWrite);
  Doc d = MakeDoc("d", "Moscou a signé un accord avec Caracas, a déclaré Dmitri Peskov.", "2024-05-06");
  d.entities.push_back({Find(d.text, "Moscou"), "GPE", "country:RUS", "Russie", "RUS", "metonym", "dict:1"});
  d.timex.push_back({Find(d.text, "Caracas"), "", "document", "t:1"});
  Quote q;
  q.span = Find(d.text, "Moscou a signé un accord avec Caracas");
  q.kind = "indirect";
  q.speaker = Speaker{Find(d.text, "Dmitri Peskov"), "person:peskov-dmitry", "Dmitri Peskov", "RUSGOV"};
  q.verb = "a déclaré";
  q.rule = "q:1";
  d.quotes.push_back(q);
  d.events.push_back(MakeEvent(d, Actor(d, "Moscou", "country:RUS", "Russie", "RUS"),
                               Actor(d, "Caracas", "country:VEN", "Venezuela", "VEN"), "057", 8.0, "asserted"));
  d.warnings.push_back("d.txt: a warning");
  const std::string contract = Contract(d);
  Writer w(db);
  ASSERT_TRUE(w.Add(d, contract));
  w.Commit();

  Statement e = db.Prepare("SELECT source_text, target_text, code, root, goldstein, target_start FROM events");
  ASSERT_TRUE(e.Step());
  EXPECT_EQ(e.Text(0), "Moscou");
  EXPECT_EQ(e.Text(1), "Caracas");
  EXPECT_EQ(e.Text(2), "057");
  EXPECT_EQ(e.Text(3), "05");
  EXPECT_DOUBLE_EQ(e.Real(4), 8.0);
  EXPECT_EQ(e.Int(5), d.text.find("Caracas"));
  Statement q2 = db.Prepare("SELECT speaker_text, speaker_id, verb, text FROM quotes");
  ASSERT_TRUE(q2.Step());
  EXPECT_EQ(q2.Text(0), "Dmitri Peskov");
  EXPECT_EQ(q2.Text(1), "person:peskov-dmitry");
  EXPECT_EQ(q2.Text(2), "a déclaré");
  EXPECT_EQ(q2.Text(3), "Moscou a signé un accord avec Caracas");
  Statement t = db.Prepare("SELECT value IS NULL, anchor FROM timex");
  ASSERT_TRUE(t.Step());
  EXPECT_EQ(t.Int(0), 1);
  Statement c = db.Prepare("SELECT contract, original IS NULL, length(map) FROM documents");
  ASSERT_TRUE(c.Step());
  EXPECT_EQ(Inflate(c.Blob(0)) + "\n", contract);
  EXPECT_EQ(c.Int(1), 1);  // the original is the text: not stored twice
  Doc html = MakeDoc("h", "Un texte.", "2024-05-06");
  html.original = "<p>Un texte.</p>";
  ASSERT_TRUE(w.Add(html, Contract(html)));
  w.Commit();
  Statement o = db.Prepare("SELECT original FROM documents WHERE id = 'h'");
  ASSERT_TRUE(o.Step());
  EXPECT_EQ(o.Blob(0), "<p>Un texte.</p>");
  EXPECT_EQ(c.Int(2), static_cast<int64_t>(d.map.anchors().size() * 8));
  EXPECT_EQ(Count(db, "entities"), 1);
  EXPECT_EQ(Count(db, "warnings"), 1);
}

TEST(StoreWriter, AnUncommittedBatchIsRolledBack) {
  TempDb tmp;
  {
    Database db(tmp.path(), Database::Mode::kReadWrite);
    Writer w(db, 3);
    for (int i = 0; i < 4; ++i) {
      Doc d = MakeDoc(std::to_string(i), fmt::format("Dépêche numéro {}.", i), "2024-01-01");
      ASSERT_TRUE(w.Add(d, Contract(d)));
    }
    // The first batch (3) was committed; the fourth document is in an open batch,
    // dropped when the writer goes away without Commit().
  }
  Database db(tmp.path(), Database::Mode::kReadOnly);
  EXPECT_EQ(Count(db, "documents"), 3);
  EXPECT_EQ(Count(db, "documents_fts"), 3);
}

TEST(StoreFts, FrenchTermsAreStemmedAndFolded) {
  FrenchTerms t;
  EXPECT_EQ(t.Term("accords"), t.Term("accord"));
  EXPECT_EQ(t.Term("négociations"), t.Term("négociation"));
  EXPECT_EQ(t.Term("négociations"), t.Term("NEGOCIATION"));
  EXPECT_EQ(t.Term("Russie"), t.Term("russie"));
  EXPECT_EQ(t.Term("signé"), t.Term("signer"));
  EXPECT_EQ(t.Term("Élysée"), "elys");
  EXPECT_EQ(t.UnaccentedTerm("Élysée"), t.Term("elysee"));
  EXPECT_NE(t.Term("accord"), t.Term("record"));
  std::vector<std::string> words;
  t.Split("L'accord gazier, porte-parole: sécurité.", true,
          [&](const std::string& term, int start, int end, bool colocated) {
            words.push_back(fmt::format("{}{}@{}-{}", colocated ? "+" : "", term, start, end));
            return true;
          });
  ASSERT_EQ(words.size(), 7u);
  EXPECT_EQ(words[0], "l@0-1");
  EXPECT_EQ(words[1], t.Term("accord") + "@2-8");
  EXPECT_EQ(words[5], "secur@31-41");
  EXPECT_EQ(words[6], "+securit@31-41");
}

TEST(StoreFts, SearchFindsInflectedAndUnaccentedForms) {
  TempDb tmp;
  Database db(tmp.path(), Database::Mode::kReadWrite);
  Writer w(db);
  Doc a = MakeDoc("a", "La Russie et le Venezuela ont conclu un accord après des semaines de négociation.",
                  "2024-02-01");
  Doc b = MakeDoc("b", "Les ministres ont signé plusieurs accords commerciaux à La Havane.", "2024-02-02");
  ASSERT_TRUE(w.Add(a, Contract(a)));
  ASSERT_TRUE(w.Add(b, Contract(b)));
  w.Commit();
  auto ids = [&](const std::string& match) {
    Statement s = db.Prepare(
        "SELECT d.id FROM documents_fts JOIN documents d ON d.doc = documents_fts.rowid "
        "WHERE documents_fts MATCH ?1 ORDER BY d.id");
    s.Bind(1, match);
    std::string out;
    while (s.Step()) out += s.Text(0);
    return out;
  };
  EXPECT_EQ(ids("accords"), "ab");
  EXPECT_EQ(ids("négociations"), "a");
  EXPECT_EQ(ids("negociations"), "a");
  EXPECT_EQ(ids("RUSSIE"), "a");
  EXPECT_EQ(ids("signer"), "b");
  EXPECT_EQ(ids("havane"), "b");
  EXPECT_EQ(ids("\"ont signé\""), "b");
  EXPECT_EQ(ids("apres"), "a");
  EXPECT_EQ(ids("gazier"), "");
}

// A small corpus with events and quotes, as the events and quotes stages would fill it.
class StoreQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>(tmp_.path(), Database::Mode::kReadWrite);
    Writer w(*db_);
    Doc a = MakeDoc("a", "Moscou et Caracas ont signé un accord gazier, a annoncé Dmitri Peskov.", "2024-03-05");
    a.events.push_back(MakeEvent(a, Actor(a, "Moscou", "country:RUS", "Russie", "RUSGOV"),
                                 Actor(a, "Caracas", "country:VEN", "Venezuela", "VENGOV"), "057", 8.0, "asserted"));
    Quote q;
    q.span = Find(a.text, "Moscou et Caracas ont signé un accord gazier");
    q.kind = "indirect";
    q.speaker = Speaker{Find(a.text, "Dmitri Peskov"), "person:peskov-dmitry", "Dmitri Peskov", "RUSGOV"};
    q.verb = "a annoncé";
    q.rule = "q:1";
    a.quotes.push_back(q);
    Doc b = MakeDoc("b", "Caracas a rejeté les critiques de Washington contre Moscou.", "2024-04-10");
    b.events.push_back(MakeEvent(b, Actor(b, "Caracas", "country:VEN", "Venezuela", "VENGOV"),
                                 Actor(b, "Moscou", "country:RUS", "Russie", "RUSGOV"), "0311", 4.0, "negated"));
    b.events.push_back(MakeEvent(b, Actor(b, "Washington", "country:USA", "États-Unis", "USAGOV"),
                                 Actor(b, "Moscou", "country:RUS", "Russie", "RUSGOV"), "111", -2.0, "asserted"));
    b.events.back().quad = 3;
    b.events.back().date = "2024-04-08";
    Doc c = MakeDoc("c", "Les militaires russes ont menacé Kiev.", "2024-04-20");
    c.events.push_back(MakeEvent(c, Actor(c, "militaires russes", "country:RUS", "Russie", "RUSMIL"),
                                 Actor(c, "Kiev", "country:UKR", "Ukraine", "UKRGOV"), "138", -7.0, "asserted"));
    c.events.back().quad = 4;
    for (Doc* d : {&a, &b, &c}) {
      contracts_.push_back(Contract(*d));
      ASSERT_TRUE(w.Add(*d, contracts_.back()));
    }
    w.Commit();
  }

  // The values of column `col` of every row, joined by spaces.
  static std::string Column(Statement st, int col) {
    std::string out;
    while (st.Step()) out += fmt::format("{}{}", out.empty() ? "" : " ", st.IsNull(col) ? "-" : st.Text(col));
    return out;
  }
  // "doc:code" of every event found.
  std::string Events(const Filter& f) {
    Statement st = FindEvents(*db_, f);
    std::string out;
    while (st.Step()) out += fmt::format("{}{}:{}", out.empty() ? "" : " ", st.Text(0), st.Text(4));
    return out;
  }

  TempDb tmp_;
  std::unique_ptr<Database> db_;
  std::vector<std::string> contracts_;
};

TEST_F(StoreQuery, EventsByActorIdNameOrCameoCode) {
  EXPECT_EQ(Events({.actor = "country:VEN"}), "a:057 b:0311");
  EXPECT_EQ(Events({.actor = "venezuela"}), "a:057 b:0311");
  EXPECT_EQ(Events({.actor = "RUS"}), "a:057 b:111 b:0311 c:138");  // b:111 is dated 2024-04-08
  EXPECT_EQ(Events({.actor = "RUSMIL"}), "c:138");
  EXPECT_EQ(Events({.actor = "RU"}), "");  // too short to be a code prefix, and no such name
  EXPECT_EQ(Events({.source = "RUS"}), "a:057 c:138");
  EXPECT_EQ(Events({.target = "country:RUS"}), "b:111 b:0311");
  EXPECT_EQ(Events({.source = "Venezuela", .target = "Russie"}), "b:0311");
}

TEST_F(StoreQuery, EventsByCodeDateAndPolarity) {
  EXPECT_EQ(Events({.code = "03"}), "b:0311");
  EXPECT_EQ(Events({.code = "057"}), "a:057");
  EXPECT_EQ(Events({.root = "13"}), "c:138");
  EXPECT_EQ(Events({.polarity = "negated"}), "b:0311");
  EXPECT_EQ(Events({.from = "2024-04"}), "b:111 b:0311 c:138");
  EXPECT_EQ(Events({.to = "2024-04-09"}), "a:057 b:111");
  EXPECT_EQ(Events({.from = "2024-04-09", .to = "2024-04"}), "b:0311 c:138");
  EXPECT_EQ(Events({.to = "2024"}), "a:057 b:111 b:0311 c:138");
  EXPECT_EQ(Events({.text = "gaziers", .actor = "RUS"}), "a:057");
  EXPECT_EQ(Events({.limit = 2}), "a:057 b:111");
}

TEST_F(StoreQuery, DocumentsByText) {
  EXPECT_EQ(Column(SearchDocuments(*db_, {.text = "accords"}), 0), "a");
  EXPECT_EQ(Column(SearchDocuments(*db_, {.text = "menace"}), 0), "c");
  EXPECT_EQ(Column(SearchDocuments(*db_, {.text = "Moscou"}), 0).size(), 3u);
  EXPECT_EQ(Column(SearchDocuments(*db_, {.text = "Moscou critique"}), 0), "b");
  EXPECT_EQ(Column(SearchDocuments(*db_, {.text = "ont"}), 0), "c a");  // best first: the shorter text
  EXPECT_EQ(Column(SearchDocuments(*db_, {.text = "ont", .from = "2024-04-15"}), 0), "c");
  // FTS5 syntax in user words is inert.
  EXPECT_EQ(Column(SearchDocuments(*db_, {.text = "accord OR \"Kiev"}), 0), "");
  EXPECT_NE(Column(SearchDocuments(*db_, {.text = "gazier"}), 3).find("[gazier]"), std::string::npos);
}

TEST_F(StoreQuery, QuotesBySpeaker) {
  EXPECT_EQ(Column(FindQuotes(*db_, {.speaker = "person:peskov-dmitry"}), 7),
            "Moscou et Caracas ont signé un accord gazier");
  EXPECT_EQ(Column(FindQuotes(*db_, {.speaker = "dmitri peskov"}), 0), "a");
  EXPECT_EQ(Column(FindQuotes(*db_, {.speaker = "RUS"}), 0), "a");
  EXPECT_EQ(Column(FindQuotes(*db_, {.speaker = "Lavrov"}), 0), "");
  EXPECT_EQ(Column(FindQuotes(*db_, {}), 6), "a annoncé");
}

TEST_F(StoreQuery, TimelineBetweenTwoActorsInBothDirections) {
  EXPECT_EQ(Column(TimelineEvents(*db_, "country:RUS", "country:VEN"), 4), "057 0311");
  EXPECT_EQ(Column(TimelineEvents(*db_, "VEN", "RUS"), 4), "057 0311");
  EXPECT_EQ(Column(TimelineEvents(*db_, "Russie", ""), 4), "057 111 0311 138");
  Statement m = TimelineMonths(*db_, "RUS", "");
  ASSERT_TRUE(m.Step());
  EXPECT_EQ(m.Text(0), "2024-03");
  EXPECT_EQ(m.Int(1), 1);
  EXPECT_DOUBLE_EQ(m.Real(2), 8.0);
  ASSERT_TRUE(m.Step());
  EXPECT_EQ(m.Text(0), "2024-04");
  EXPECT_EQ(m.Int(1), 3);
  EXPECT_DOUBLE_EQ(m.Real(2), -5.0);
  EXPECT_EQ(m.Int(3), 1);  // cooperation
  EXPECT_EQ(m.Int(4), 2);  // conflict
  EXPECT_FALSE(m.Step());
}

TEST_F(StoreQuery, ExportGivesBackTheContractLines) {
  size_t n = 0;
  ExportContracts(*db_, [&](std::string_view line) {
    ASSERT_LT(n, contracts_.size());
    EXPECT_EQ(std::string(line) + "\n", contracts_[n]);
    ++n;
  });
  EXPECT_EQ(n, 3u);
}

TEST(StoreQueryText, FtsQueryQuotesEveryWord) {
  EXPECT_EQ(FtsQuery("accord  gazier"), "\"accord\" \"gazier\"");
  EXPECT_EQ(FtsQuery("l'accord \"x"), "\"l'accord\" \"\"\"x\"");
  EXPECT_EQ(FtsQuery(" "), "");
}

}  // namespace
}  // namespace veille::store
