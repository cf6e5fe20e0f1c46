// veille serve's handler (serve/api.h) without sockets: routing, static files, the JSON
// API on a small database, validation of every parameter, limits, read-only use
// alongside a writer, and concurrent requests.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "output/contract.h"
#include "serve/api.h"
#include "serve/http.h"
#include "store/database.h"
#include "store/writer.h"

namespace veille::serve {
namespace {

namespace fs = std::filesystem;

Span Find(const std::string& text, const std::string& what) {
  size_t p = text.find(what);
  EXPECT_NE(p, std::string::npos) << what;
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + what.size())};
}

Doc MakeDoc(const std::string& id, const std::string& text, const std::string& date) {
  Doc d;
  d.id = id;
  d.source = id + ".txt";
  d.format = "txt";
  d.date = date;
  d.original = text;
  d.text = text;
  d.map = OffsetMap::Identity(static_cast<uint32_t>(text.size()));
  d.lang = "fr";
  d.lang_score = 0.9;
  return d;
}

// An event whose evidence is `evidence`, inside sentence `sentence`.
void AddEvent(Doc& d, uint32_t sentence, const std::string& evidence, const std::string& src,
              const std::string& src_id, const std::string& src_name, const std::string& tgt,
              const std::string& tgt_id, const std::string& tgt_name, const std::string& code, double goldstein,
              int quad) {
  Event e;
  e.sentence = sentence;
  e.span = Find(d.text, evidence);
  e.source = {Find(d.text, src), src_id, src_name, src_id.substr(8) + "GOV"};
  e.target = EventActor{Find(d.text, tgt), tgt_id, tgt_name, tgt_id.substr(8) + "GOV"};
  e.code = code;
  e.root = code.substr(0, 2);
  e.plover = "X";
  e.goldstein = goldstein;
  e.quad = quad;
  e.polarity = "asserted";
  e.rule = "test:1";
  d.events.push_back(e);
}

void Add(store::Writer& w, const Doc& d) {
  std::string contract;
  AppendContractJson(d, &contract);
  ASSERT_TRUE(w.Add(d, contract));
}

class Serve : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("veille-serve-test-{}-{}", getpid(),
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store::Database db(path(), store::Database::Mode::kReadWrite);
    store::Writer w(db);
    // Accented words before the evidence: byte offsets differ from character offsets.
    Doc a = MakeDoc("a",
                    "Réunion à Genève. Moscou et Caracas ont signé un accord énergétique. Élysée muet.",
                    "2024-03-05");
    a.title = "Accord signé";
    a.sentences = {Find(a.text, "Réunion à Genève."), Find(a.text, "Moscou et Caracas ont signé un accord énergétique."),
                   Find(a.text, "Élysée muet.")};
    AddEvent(a, 1, "Moscou et Caracas ont signé un accord", "Moscou", "country:RUS", "Russie", "Caracas",
             "country:VEN", "Venezuela", "057", 8.0, 1);
    Doc b = MakeDoc("b", "Washington a menacé Moscou de sanctions.", "2024-04-10");
    b.sentences = {Find(b.text, b.text)};
    AddEvent(b, 0, "Washington a menacé Moscou", "Washington", "country:USA", "États-Unis", "Moscou",
             "country:RUS", "Russie", "138", -7.0, 4);
    Add(w, a);
    Add(w, b);
    w.Commit();
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path() const { return (dir_ / "test.db").string(); }

  Response Get(Api& api, const std::string& target) { return api.Handle(ParseTarget("GET", target)); }

  fs::path dir_;
};

#define EXPECT_STATUS(r, code) EXPECT_EQ((r).status, code) << (r).body

TEST(ServeHttp, ParseTargetDecodesPathAndQuery) {
  Request r = ParseTarget("GET", "/api/events?actor=%C3%89tats-Unis&q=accord+gazier&&from=2024");
  EXPECT_EQ(r.path, "/api/events");
  ASSERT_EQ(r.params.size(), 3u);
  EXPECT_EQ(r.params[0].second, "États-Unis");
  EXPECT_EQ(r.params[1].second, "accord gazier");
  EXPECT_EQ(r.params[2].first, "from");
  EXPECT_FALSE(r.bad_encoding);
  EXPECT_TRUE(ParseTarget("GET", "/a?x=%zz").bad_encoding);
  EXPECT_TRUE(ParseTarget("GET", "/a%2").bad_encoding);
  EXPECT_EQ(ParseTarget("GET", "/static/%2e%2e/x").path, "/static/../x");
  EXPECT_EQ(Error(404, "no \"such\"").body, "{\"error\": \"no \\\"such\\\"\"}\n");
}

TEST_F(Serve, ThePageAndItsFilesAreServed) {
  Api api(path());
  Response r = Get(api, "/");
  EXPECT_STATUS(r, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<script src=\"/static/app.js\">"), std::string::npos);
  // Byte for byte the file in web/.
  std::ifstream in(VEILLE_SAMPLES_DIR "/../web/app.js", std::ios::binary);
  std::stringstream js;
  js << in.rdbuf();
  r = Get(api, "/static/app.js");
  EXPECT_STATUS(r, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(r.body, js.str());
  EXPECT_STATUS(Get(api, "/static/style.css"), 200);
}

TEST_F(Serve, PathsOutsideTheRoutesAre4xxJson) {
  Api api(path());
  for (const char* t : {"/static/../CMakeLists.txt", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2fweb/app.js",
                        "/..", "/static/web/../app.js"}) {
    Response r = Get(api, t);
    EXPECT_STATUS(r, 400);
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    EXPECT_TRUE(r.body.starts_with("{\"error\": ")) << t;
  }
  for (const char* t : {"/etc/passwd", "/static/", "/static/nope.js", "/static//etc/passwd", "/api", "/api/nope",
                        "/static/embed.cmake", "/static/%00app.js"}) {
    Response r = Get(api, t);
    EXPECT_EQ(r.status / 100, 4) << t << " " << r.status;
    EXPECT_TRUE(r.body.starts_with("{\"error\": ")) << t;
  }
  EXPECT_STATUS(api.Handle(ParseTarget("POST", "/api/events")), 405);
  EXPECT_STATUS(api.Handle(ParseTarget("DELETE", "/")), 405);
}

TEST_F(Serve, EventsByActorAndBetweenTwo) {
  Api api(path());
  Response r = Get(api, "/api/events?actor=country:RUS");
  EXPECT_STATUS(r, 200);
  EXPECT_NE(r.body.find("\"code\": \"057\""), std::string::npos);
  EXPECT_NE(r.body.find("\"code\": \"138\""), std::string::npos);
  EXPECT_NE(r.body.find("\"doc_key\": 1, \"n\": 0"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"truncated\": false"), std::string::npos);
  r = Get(api, "/api/events?actor=Russie&with=USA");
  EXPECT_STATUS(r, 200);
  EXPECT_EQ(r.body.find("\"057\""), std::string::npos);
  EXPECT_NE(r.body.find("\"138\""), std::string::npos);
  r = Get(api, "/api/events?actor=RUS&limit=1");
  EXPECT_NE(r.body.find("\"truncated\": true"), std::string::npos);
  EXPECT_EQ(r.body.find("\"138\""), std::string::npos);
  r = Get(api, "/api/events?from=2024-04&to=2024-04-30");
  EXPECT_EQ(r.body.find("\"057\""), std::string::npos);
  EXPECT_NE(r.body.find("\"138\""), std::string::npos);
  r = Get(api, "/api/events?q=%C3%A9nerg%C3%A9tiques");  // "énergétiques": stemmed
  EXPECT_NE(r.body.find("\"057\""), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("\"138\""), std::string::npos);
}

TEST_F(Serve, BadParametersAre4xxJson) {
  Api api(path());
  struct Case {
    const char* target;
    int status;
    const char* error;
  };
  const Case cases[] = {
      {"/api/events?actor=country:XXX", 404, "unknown actor: country:XXX"},
      {"/api/timeline?a=RUS&b=Atlantide", 404, "unknown actor: Atlantide"},
      {"/api/events?actor=x%27%20OR%201=1%20--", 404, "unknown actor: x' OR 1=1 --"},
      {"/api/events?actor=RUS%27);DROP%20TABLE%20events;--", 404, "unknown actor"},
      {"/api/events?from=2024-13", 400, "from: expected a date"},
      {"/api/events?from=24-01-01", 400, "from: expected a date"},
      {"/api/events?to=2024-02-32", 400, "to: expected a date"},
      {"/api/events?to=2024-1-1", 400, "to: expected a date"},
      {"/api/events?limit=0", 400, "limit: expected a whole number from 1 to 1000"},
      {"/api/events?limit=1001", 400, "limit"},
      {"/api/events?limit=-1", 400, "limit"},
      {"/api/events?limit=99999999999999999999", 400, "limit"},
      {"/api/events?code=03%27", 400, "code: expected a CAMEO code"},
      {"/api/events?polarity=ASSERTED", 400, "polarity"},
      {"/api/events?with=RUS", 400, "with: needs actor"},
      {"/api/events?colour=red", 400, "unknown parameter: colour"},
      {"/api/events?actor=RUS&actor=VEN", 400, "repeated parameter: actor"},
      {"/api/events?actor=%ff", 400, "invalid UTF-8"},
      {"/api/events?actor=a%0Ab", 400, "control character"},
      {"/api/events?actor=%", 400, "malformed %-escape"},
      {"/api/search", 400, "q: words"},
      {"/api/search?q=%20%20", 400, "q: words"},
      {"/api/timeline", 400, "a: the actor"},
      {"/api/document", 400, "doc: "},
      {"/api/document?doc=abc", 400, "doc: expected a whole number"},
      {"/api/document?doc=99", 404, "no document 99"},
      {"/api/document?doc=1&event=5", 404, "no event 5 in document 1"},
      {"/api/health?x=1", 400, "unknown parameter: x"},
  };
  for (const Case& c : cases) {
    Response r = Get(api, c.target);
    EXPECT_EQ(r.status, c.status) << c.target << " " << r.body;
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    EXPECT_NE(r.body.find(c.error), std::string::npos) << c.target << " " << r.body;
  }
  // Every table is still there.
  EXPECT_NE(Get(api, "/api/health").body.find("\"events\": 2"), std::string::npos);
}

TEST_F(Serve, HugeRequestsAreRefused) {
  Api api(path());
  std::string words(300, 'a');
  Response r = Get(api, "/api/search?q=" + words);
  EXPECT_STATUS(r, 400);
  EXPECT_NE(r.body.find("q: longer than 256 bytes"), std::string::npos);
  r = Get(api, "/api/search?q=" + std::string(5000, 'a'));
  EXPECT_STATUS(r, 414);
  std::string many = "/api/events?";
  for (int i = 0; i < 20; ++i) many += fmt::format("p{}=1&", i);
  EXPECT_STATUS(Get(api, many), 400);
}

TEST_F(Serve, DocumentWithItsEvidence) {
  Api api(path());
  Response r = Get(api, "/api/document?doc=1&event=0");
  EXPECT_STATUS(r, 200);
  const std::string text = "Réunion à Genève. Moscou et Caracas ont signé un accord énergétique. Élysée muet.";
  Span sentence = Find(text, "Moscou et Caracas ont signé un accord énergétique.");
  Span evidence = Find(text, "Moscou et Caracas ont signé un accord");
  EXPECT_NE(r.body.find(fmt::format("\"highlight\": {{\"event\": 0, \"sentence\": {{\"start\": {}, \"end\": {}}}, "
                                    "\"evidence\": {{\"start\": {}, \"end\": {}}}}}",
                                    sentence.start, sentence.end, evidence.start, evidence.end)),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("\"title\": \"Accord signé\""), std::string::npos);
  EXPECT_NE(r.body.find("\"sentences\": [{\"n\": 0, \"start\": 0, "), std::string::npos);
  EXPECT_NE(Get(api, "/api/document?doc=1").body.find("\"highlight\": null"), std::string::npos);
}

TEST_F(Serve, ActorsTimelineGraphAndSearch) {
  Api api(path());
  Response r = Get(api, "/api/actors");
  EXPECT_STATUS(r, 200);
  EXPECT_TRUE(r.body.starts_with("{\"actors\": [{\"id\": \"country:RUS\", \"name\": \"Russie\", "
                                 "\"actor\": \"RUSGOV\", \"events\": 2}"))
      << r.body;
  r = Get(api, "/api/actors?match=russ");
  EXPECT_NE(r.body.find("country:RUS"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("country:USA"), std::string::npos);
  r = Get(api, "/api/actors?match=%C3%89tats");
  EXPECT_NE(r.body.find("country:USA"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("country:RUS"), std::string::npos);
  r = Get(api, "/api/timeline?a=country:RUS");
  EXPECT_STATUS(r, 200);
  EXPECT_EQ(r.body,
            "{\"months\": [{\"month\": \"2024-03\", \"events\": 1, \"goldstein\": 8, \"cooperation\": 1, "
            "\"conflict\": 0}, {\"month\": \"2024-04\", \"events\": 1, \"goldstein\": -7, \"cooperation\": 0, "
            "\"conflict\": 1}]}\n");
  r = Get(api, "/api/timeline?a=country:RUS&from=2024-04");
  EXPECT_EQ(r.body.find("2024-03"), std::string::npos);
  r = Get(api, "/api/graph");
  EXPECT_STATUS(r, 200);
  EXPECT_NE(r.body.find("{\"id\": \"country:RUS\", \"name\": \"Russie\", \"events\": 2}"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("{\"a\": \"country:RUS\", \"a_name\": \"Russie\", \"b\": \"country:USA\", \"b_name\": "
                        "\"États-Unis\", \"events\": 1, \"goldstein\": -7"),
            std::string::npos)
      << r.body;
  r = Get(api, "/api/search?q=accord");
  EXPECT_STATUS(r, 200);
  EXPECT_NE(r.body.find("\"doc_key\": 1"), std::string::npos) << r.body;
}

TEST_F(Serve, SlowQueriesAreInterrupted) {
  Limits limits;
  limits.time_limit = std::chrono::milliseconds(0);
  Api api(path(), limits);
  Response r = Get(api, "/api/actors");
  EXPECT_STATUS(r, 503);
  EXPECT_NE(r.body.find("the query took longer than 0 ms"), std::string::npos);
}

TEST_F(Serve, ReadOnlyWhileAWriterAddsDocuments) {
  Api api(path());
  EXPECT_NE(Get(api, "/api/health").body.find("\"documents\": 2"), std::string::npos);
  {
    store::Database db(path(), store::Database::Mode::kReadWrite);
    store::Writer w(db);
    Doc c = MakeDoc("c", "Caracas a salué Moscou.", "2024-05-01");
    c.sentences = {Find(c.text, c.text)};
    Add(w, c);
    // Uncommitted: readers still see the old state.
    EXPECT_NE(Get(api, "/api/health").body.find("\"documents\": 2"), std::string::npos);
    w.Commit();
  }
  EXPECT_NE(Get(api, "/api/health").body.find("\"documents\": 3"), std::string::npos);
}

TEST_F(Serve, ConcurrentRequestsGetTheSameAnswers) {
  Api api(path());
  const std::string targets[] = {"/api/events?actor=RUS", "/api/graph", "/api/document?doc=1&event=0",
                                 "/api/timeline?a=country:RUS&b=country:USA", "/api/events?actor=nobody"};
  std::vector<std::string> expected;
  for (const std::string& t : targets) expected.push_back(Get(api, t).body);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        size_t k = static_cast<size_t>(i) % std::size(targets);
        if (api.Handle(ParseTarget("GET", targets[k])).body != expected[k]) ++wrong;
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(Serve, RandomTargetsGetAnAnswer) {
  // Random paths and query strings built from the characters that matter (%, &, =, +,
  // /, ., bytes over 0x7f): every answer is 200 or a JSON error, never a crash.
  Api api(path());
  const std::string pieces[] = {"/",      "/api/", "events", "document", "timeline", "graph", "static/", "..",
                                "%2e",    "%",     "%zz",    "?",        "&",        "=",     "+",       "actor",
                                "doc",    "limit", "a",      "1",        "-1",       "2024",  "-13",     "\xff",
                                "%C3%A9", "RUS",   "country:VEN", "'",   "\"",      "with",  "q",       "%00"};
  uint64_t seed = 42;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(seed >> 33);
  };
  for (int i = 0; i < 3000; ++i) {
    std::string target = "/";
    for (size_t k = 0, n = next() % 12; k < n; ++k) target += pieces[next() % std::size(pieces)];
    Response r = api.Handle(ParseTarget("GET", target));
    ASSERT_TRUE(r.status == 200 || (r.status >= 400 && r.status < 500)) << target << " " << r.status;
    if (r.status != 200) {
      ASSERT_TRUE(r.body.starts_with("{\"error\": ")) << target;
    }
  }
}

}  // namespace
}  // namespace veille::serve
