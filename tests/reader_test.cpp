#include "ingest/reader.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "ingest/formats.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("veille-reader-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::vector<Doc> Read(const std::string& path) {
    std::vector<Doc> docs;
    ReadInput(path, ReadOptions(), diag_, [&](Doc&& d) { docs.push_back(std::move(d)); });
    return docs;
  }
  fs::path dir_;
  Diagnostics diag_{nullptr};
};

std::string Gzip(const std::string& s) {
  uLongf n = compressBound(s.size()) + 64;
  std::string out(n, '\0');
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  z.avail_in = s.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST_F(ReaderTest, TextFileIsOneDocumentNamedAfterTheFile) {
  auto docs = Read(Write("012-visite.txt", "Titre\n\nCorps du texte."));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "012-visite");
  EXPECT_EQ(docs[0].format, "txt");
  EXPECT_EQ(docs[0].text, "Titre\n\nCorps du texte.");
  EXPECT_EQ(docs[0].original, docs[0].text);
  EXPECT_EQ(diag_.ExitCode(), kExitOk);
}

TEST_F(ReaderTest, JsonlFieldsAndDefaultIds) {
  std::string path = Write("feed.jsonl",
                           "{\"id\":\"x1\",\"url\":\"https://example.org/a\",\"title\":\"T\",\"date\":\"2025-11-02\","
                           "\"text\":\"Un \\u00e9t\\u00e9 \\\"chaud\\\".\\nFin.\",\"extra\":[1,{\"a\":2}]}\n"
                           "{\"text\":\"Sans id.\",\"date\":null}\n"
                           "{\"id\": 42, \"text\": \"Id num\\u00e9rique.\"}\n");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "x1");
  EXPECT_EQ(*docs[0].url, "https://example.org/a");
  EXPECT_EQ(*docs[0].title, "T");
  EXPECT_EQ(*docs[0].date, "2025-11-02");
  EXPECT_EQ(*docs[0].date_source, "metadata");
  EXPECT_EQ(docs[0].text, "Un été \"chaud\".\nFin.");
  EXPECT_EQ(docs[1].id, "feed.jsonl:2");
  EXPECT_FALSE(docs[1].date.has_value());
  EXPECT_EQ(docs[2].id, "42");
  EXPECT_EQ(diag_.ExitCode(), kExitOk);
}

TEST_F(ReaderTest, DirectoriesAreReadRecursivelyInNameOrder) {
  Write("b/2.txt", "deux");
  Write("a/1.txt", "un");
  Write("a/z.jsonl", "{\"id\":\"j\",\"text\":\"jsonl\"}\n");
  Write("c/image.png", std::string("\x89PNG\0\0", 6));
  Write("c/notes.md", "pas un document");
  auto docs = Read(dir_.string());
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "1");
  EXPECT_EQ(docs[1].id, "j");
  EXPECT_EQ(docs[2].id, "2");
  EXPECT_EQ(diag_.ExitCode(), kExitOk);
}

TEST_F(ReaderTest, GzippedInputsAreDecompressed) {
  auto docs = Read(Write("note.txt.gz", Gzip("Texte compressé.")));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "note");
  EXPECT_EQ(docs[0].text, "Texte compressé.");
  docs = Read(Write("feed.jsonl.gz", Gzip("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")));
  EXPECT_EQ(docs.size(), 2u);
}

TEST_F(ReaderTest, UnknownExtensionsAreSniffed) {
  EXPECT_EQ(SniffFormat("{\"text\": \"x\"}"), Format::kJsonl);
  EXPECT_EQ(SniffFormat("  <!DOCTYPE html><html>"), Format::kHtml);
  EXPECT_EQ(SniffFormat("WARC/1.1\r\nWARC-Type: warcinfo"), Format::kWarc);
  EXPECT_EQ(SniffFormat("Le texte."), Format::kText);
  EXPECT_EQ(SniffFormat("<3 ceci est du texte"), Format::kText);
  auto docs = Read(Write("dump.data", "{\"id\":\"s\",\"text\":\"sniffed\"}\n"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "s");
}

TEST_F(ReaderTest, HtmlFileGoesThroughTheExtractor) {
  auto docs = Read(Write("page.html",
                         "<html><head><title>Visite à Caracas</title>"
                         "<meta property=\"article:published_time\" content=\"2024-05-07T08:00:00Z\"></head>"
                         "<body><nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>"
                         "<article><h1>Visite à Caracas</h1><p>Le ministre russe est arrivé lundi à Caracas pour une "
                         "visite officielle de deux jours, a annoncé le gouvernement vénézuélien.</p>"
                         "<p>Les deux pays doivent signer plusieurs accords de coopération énergétique et "
                         "militaire, selon un communiqué publié dimanche soir.</p></article>"
                         "<footer>© Journal 2024</footer></body></html>"));
  ASSERT_EQ(docs.size(), 1u);
  const Doc& d = docs[0];
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(*d.title, "Visite à Caracas");
  EXPECT_EQ(*d.date, "2024-05-07");
  EXPECT_NE(d.text.find("Le ministre russe est arrivé lundi"), std::string::npos);
  EXPECT_EQ(d.text.find("Accueil"), std::string::npos);
  EXPECT_EQ(d.text.find("Journal 2024"), std::string::npos);
  // The text maps back into the HTML.
  size_t pos = d.text.find("ministre");
  Span s = d.map.ToSource(Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + 8)});
  EXPECT_EQ(d.original.substr(s.start, s.size()), "ministre");
}

// JSONL texts are valid UTF-8 without a second check: invalid bytes in the line
// are repaired first, and an escape of a lone surrogate rejects the line.
TEST_F(ReaderTest, JsonlTextsAreAlwaysValidUtf8) {
  std::string path = Write("mixed.jsonl",
                           "{\"id\":\"a\",\"text\":\"Un \\ud800 seul.\"}\n"
                           "{\"id\":\"b\",\"text\":\"Octet \xFF isol\xC3\xA9, paire \\ud83d\\ude00.\"}\n");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "b");
  EXPECT_EQ(docs[0].text, "Octet \xEF\xBF\xBD isol\xC3\xA9, paire \xF0\x9F\x98\x80.");
  EXPECT_TRUE(utf8::IsValid(docs[0].text));
  EXPECT_EQ(diag_.errors(), 1);    // the lone surrogate
  EXPECT_EQ(diag_.warnings(), 1);  // the repaired byte
}

// The UTF-8 of a line is checked by simdjson's first stage: a line that is both
// invalid UTF-8 and malformed JSON still gets the repair's warning, then its error.
TEST_F(ReaderTest, JsonlInvalidUtf8IsReportedEvenWhenTheJsonIsMalformed) {
  std::string path = Write("broken.jsonl",
                           "{\"id\":\"a\",\"text\":\"Octet \xFF isol\xC3\xA9.\"\n"
                           "{\"id\":\"b\",\"text\":\"Octet \xFE bon.\"}\n");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "b");
  EXPECT_EQ(docs[0].text, "Octet \xEF\xBF\xBD bon.");
  EXPECT_EQ(diag_.warnings(), 2);  // one repaired byte in each line
  EXPECT_EQ(diag_.errors(), 1);    // the unclosed object
}

TEST_F(ReaderTest, ProblemsAreCountedAndReadingGoesOn) {
  Write("1.txt", "");
  Write("2.txt", std::string("\0\1\2\3binary", 10));
  Write("3.txt", "bon");
  auto docs = Read(dir_.string());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "3");
  EXPECT_EQ(diag_.warnings(), 1);
  EXPECT_EQ(diag_.errors(), 1);
  EXPECT_EQ(diag_.ExitCode(), kExitPartial);
}

TEST_F(ReaderTest, OversizedDocumentsAreSkipped) {
  std::string big(3u << 20, 'a');
  std::string path = Write("big.txt", big);
  std::vector<Doc> docs;
  ReadOptions o;
  o.max_doc_bytes = 1u << 20;
  ReadInput(path, o, diag_, [&](Doc&& d) { docs.push_back(std::move(d)); });
  EXPECT_TRUE(docs.empty());
  EXPECT_EQ(diag_.errors(), 1);
}

// An exception from the caller's callback (a database that cannot be written) is not
// a problem with the input: it reaches the caller instead of being reported as a
// file error and reading going on with the next file.
TEST_F(ReaderTest, CallbackExceptionsReachTheCaller) {
  Write("in/a.jsonl", "{\"id\":\"1\",\"text\":\"un\"}\n{\"id\":\"2\",\"text\":\"deux\"}\n");
  Write("in/b.txt", "trois");
  Write("in/c.html", "<html><body><p>quatre</p></body></html>");
  int calls = 0;
  auto failing = [&](Doc&&) {
    ++calls;
    throw std::runtime_error("disk full");
  };
  EXPECT_THROW(ReadInput((dir_ / "in").string(), ReadOptions(), diag_, failing), std::runtime_error);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(diag_.errors(), 0);
  const std::pair<const char*, const char*> inputs[] = {
      {"x.txt", "texte"}, {"x.html", "<html><body><p>texte</p></body></html>"}, {"x.jsonl", "{\"text\":\"texte\"}"},
      {"x", "texte"}};
  for (const auto& [name, bytes] : inputs) {
    calls = 0;
    EXPECT_THROW(ReadBytes(bytes, name, ReadOptions(), diag_, failing), std::runtime_error) << name;
    EXPECT_EQ(calls, 1) << name;
  }
  EXPECT_EQ(diag_.errors(), 0);
}

TEST(IsoDay, AcceptsDatesAndDateTimesOnly) {
  EXPECT_EQ(IsoDay("2022-02-16"), "2022-02-16");
  EXPECT_EQ(IsoDay("2022-02-16T10:00:00+03:00"), "2022-02-16");
  EXPECT_EQ(IsoDay("2022-02-16 10:00"), "2022-02-16");
  EXPECT_EQ(IsoDay("2022-13-01"), "");
  EXPECT_EQ(IsoDay("16/02/2022"), "");
  EXPECT_EQ(IsoDay("2022-02-1"), "");
  EXPECT_EQ(IsoDay("2022-02-16X"), "");
}

}  // namespace
}  // namespace veille
