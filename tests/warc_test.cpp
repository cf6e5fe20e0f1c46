#include "ingest/warc.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest_test_util.h"

namespace veille {
namespace {

// ---- Helpers ---------------------------------------------------------------------

using namespace veille::test_util;  // NOLINT: test helpers

int g_uuid = 0;

// One WARC record; `fields` are extra header lines ("Name: value\r\n" each).
std::string Record(const std::string& type, const std::string& block, const std::string& fields = "",
                   const std::string& version = "WARC/1.0") {
  char id[64];
  std::snprintf(id, sizeof(id), "<urn:uuid:00000000-0000-4000-8000-%012d>", ++g_uuid);
  return version + "\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: " + id +
         "\r\nWARC-Date: 2024-03-05T10:15:00Z\r\n" + fields + "Content-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

std::string Response(const std::string& uri, const std::string& http, const std::string& version = "WARC/1.0") {
  return Record("response", http,
                "WARC-Target-URI: " + uri + "\r\nContent-Type: application/http; msgtype=response\r\n", version);
}

std::string Chunked(const std::string& body, size_t chunk) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += chunk) {
    std::string part = body.substr(i, chunk);
    char size[32];
    std::snprintf(size, sizeof(size), "%zx", part.size());
    out += std::string(size) + (i == 0 ? ";name=value" : "") + "\r\n" + part + "\r\n";
  }
  return out + "0\r\nX-Trailer: 1\r\n\r\n";
}

const std::string kHtml1 =
    "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Visite à Dakar</title></head>"
    "<body><p>La ministre est arrivée lundi à Dakar pour une visite de deux jours.</p></body></html>\n";
const std::string kHtml2 =
    "<html><body><p>Les deux ministres se sont entretenus par téléphone mardi soir.</p>" + std::string(3000, ' ') +
    "<p>Fin de l'article.</p></body></html>";
const std::string kHtml3 = "<html><body><p>Le Premier ministre a reçu les syndicats à Matignon.</p></body></html>";

// The records of a small crawl, one string each: warcinfo, request, three
// responses (plain, chunked, gzip), metadata, resource, revisit.
std::vector<std::string> CrawlRecords(const std::string& v) {
  const std::string ct = "Content-Type: text/html; charset=utf-8\r\n";
  return {
      Record("warcinfo", "software: veille-test\r\nformat: WARC File Format 1.0\r\n",
             "Content-Type: application/warc-fields\r\n", v),
      Record("request", "GET /monde/dakar HTTP/1.1\r\nHost: www.presse.example\r\n\r\n",
             "WARC-Target-URI: https://www.presse.example/monde/dakar\r\n"
             "Content-Type: application/http; msgtype=request\r\n",
             v),
      Response("https://www.presse.example/monde/dakar", Http(ct + "Content-Length: 100\r\n", kHtml1), v),
      Response("https://www.presse.example/monde/appel",
               Http(ct + "Transfer-Encoding: chunked\r\n", Chunked(kHtml2, 1000)), v),
      Response("https://www.presse.example/politique/matignon",
               Http(ct + "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n", Compress(kHtml3)), v),
      Record("metadata", "via: https://www.presse.example/\r\nfetchTimeMs: 120\r\n",
             "WARC-Target-URI: https://www.presse.example/monde/dakar\r\nContent-Type: application/warc-fields\r\n",
             v),
      Record("resource", "Bonjour le monde\n",
             "WARC-Target-URI: file:///tmp/bonjour.txt\r\nContent-Type: text/plain\r\n", v),
      Record("revisit", Http(ct, ""),
             "WARC-Target-URI: https://www.presse.example/monde/dakar\r\n"
             "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n",
             v),
  };
}

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

std::string GzipEach(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += Compress(p);
  return s;
}

struct Result {
  std::vector<WarcRecord> records;  // including the ones with an error (type empty)
  std::vector<std::string> errors;  // one per record, "" if none
  std::string final_error;          // set when Next returned false
};

Result ReadAllRecords(ByteSource& src, size_t max = 64 << 20) {
  WarcReader reader(src, max);
  Result r;
  WarcRecord rec;
  std::string error;
  while (reader.Next(&rec, &error)) {
    r.records.push_back(rec);
    r.errors.push_back(error);
    if (r.records.size() > 1000) break;
  }
  r.final_error = error;
  // Reading past the end is harmless.
  EXPECT_FALSE(reader.Next(&rec, &error));
  return r;
}

Result ReadString(const std::string& data, size_t chunk = SIZE_MAX, size_t max = 64 << 20) {
  StringSource src(data, chunk);
  return ReadAllRecords(src, max);
}

Result ReadGzip(const std::string& gz, size_t chunk = SIZE_MAX) {
  auto src = GunzipSource(std::make_unique<StringSource>(gz, chunk));
  return ReadAllRecords(*src);
}

bool Contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

void ExpectCrawl(const Result& r) {
  ASSERT_EQ(r.records.size(), 8u) << r.final_error;
  EXPECT_EQ(r.final_error, "");
  for (size_t i = 0; i < r.records.size(); ++i) {
    EXPECT_EQ(r.errors[i], "") << "record " << i + 1;
    EXPECT_EQ(r.records[i].record_number, i + 1);
    EXPECT_EQ(r.records[i].id.rfind("urn:uuid:00000000-0000-4000-8000-", 0), 0u) << r.records[i].id;
    EXPECT_EQ(r.records[i].date, "2024-03-05T10:15:00Z");
  }
  std::vector<std::string> types;
  for (const auto& rec : r.records) types.push_back(rec.type);
  EXPECT_EQ(types, (std::vector<std::string>{"warcinfo", "request", "response", "response", "response", "metadata",
                                             "resource", "revisit"}));
  EXPECT_EQ(r.records[0].payload, "");
  EXPECT_EQ(r.records[1].payload, "");
  EXPECT_EQ(r.records[1].target_uri, "https://www.presse.example/monde/dakar");

  EXPECT_EQ(r.records[2].target_uri, "https://www.presse.example/monde/dakar");
  EXPECT_EQ(r.records[2].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.records[2].payload, kHtml1);
  EXPECT_EQ(r.records[2].http_status, 200);
  EXPECT_EQ(r.records[3].payload, kHtml2);  // chunked
  EXPECT_EQ(r.records[4].payload, kHtml3);  // gzip
  EXPECT_EQ(r.records[4].target_uri, "https://www.presse.example/politique/matignon");

  EXPECT_EQ(r.records[5].payload, "");  // metadata
  EXPECT_EQ(r.records[6].payload, "Bonjour le monde\n");
  EXPECT_EQ(r.records[6].content_type, "text/plain");
  EXPECT_EQ(r.records[7].payload, "");  // revisit
}

// ---- Well-formed input -------------------------------------------------------

TEST(WarcReader, ReadsWarc10) { ExpectCrawl(ReadString(Join(CrawlRecords("WARC/1.0")))); }

TEST(WarcReader, ReadsWarc11) { ExpectCrawl(ReadString(Join(CrawlRecords("WARC/1.1")))); }

TEST(WarcReader, ReadsAnyReadSize) {
  std::string data = Join(CrawlRecords("WARC/1.1"));
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{4096}}) {
    SCOPED_TRACE(chunk);
    ExpectCrawl(ReadString(data, chunk));
  }
}

TEST(WarcReader, ReadsGzipMemberPerRecord) {
  std::string gz = GzipEach(CrawlRecords("WARC/1.0"));
  ExpectCrawl(ReadGzip(gz));
  ExpectCrawl(ReadGzip(gz, 5));
}

TEST(WarcReader, HttpStatusIsRecorded) {
  Result r = ReadString(Response("https://x.example/old", "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\n\r\n") +
                        Response("https://x.example/gone", "HTTP/1.0 404 Not Found\r\n\r\n<html>absent</html>"));
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].http_status, 301);
  EXPECT_EQ(r.records[1].http_status, 404);
}

TEST(WarcReader, EmptyInput) {
  Result r = ReadString("");
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.final_error, "");
  Result blank = ReadString("\r\n\r\n\n");
  EXPECT_TRUE(blank.records.empty());
  EXPECT_EQ(blank.final_error, "");
  Result gz = ReadGzip("");
  EXPECT_TRUE(gz.records.empty());
  EXPECT_EQ(gz.final_error, "");
}

TEST(WarcReader, HeaderNamesAreCaseInsensitiveAndValuesTrimmed) {
  std::string block = "hello";
  std::string data =
      "WARC/1.1\r\nwarc-type:   resource  \r\nWARC-RECORD-ID:<urn:uuid:abc>\r\n"
      "Warc-Target-Uri: <http://a.example/x>\r\ncontent-type: text/plain;\r\n  charset=utf-8\r\n"
      "CONTENT-LENGTH: 5\r\n\r\nhello\r\n\r\n";
  Result r = ReadString(data);
  ASSERT_EQ(r.records.size(), 1u) << r.final_error;
  EXPECT_EQ(r.errors[0], "");
  EXPECT_EQ(r.records[0].type, "resource");
  EXPECT_EQ(r.records[0].id, "urn:uuid:abc");
  EXPECT_EQ(r.records[0].target_uri, "http://a.example/x");
  EXPECT_EQ(r.records[0].content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(r.records[0].payload, "hello");
}

TEST(WarcReader, ToleratesBareLineFeeds) {
  std::string block = "HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>salut</p>";
  std::string data = "WARC/1.0\nWARC-Type: response\nContent-Type: application/http\nContent-Length: " +
                     std::to_string(block.size()) + "\n\n" + block + "\n\n";
  Result r = ReadString(data);
  ASSERT_EQ(r.records.size(), 1u) << r.final_error;
  EXPECT_EQ(r.errors[0], "");
  EXPECT_EQ(r.records[0].payload, "<p>salut</p>");
  EXPECT_EQ(r.records[0].content_type, "text/html");
}

// ---- HTTP bodies ---------------------------------------------------------------

WarcRecord OneResponse(const std::string& http, std::string* error) {
  Result r = ReadString(Response("https://x.example/", http));
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.final_error, "");
  *error = r.errors.empty() ? "" : r.errors[0];
  return r.records.empty() ? WarcRecord() : r.records[0];
}

TEST(WarcReader, DeflateContentEncoding) {
  std::string body = "<p>Communiqué conjoint des deux gouvernements.</p>";
  for (int bits : {MAX_WBITS, -MAX_WBITS}) {
    std::string error;
    WarcRecord rec = OneResponse(Http("Content-Encoding: deflate\r\n", Compress(body, bits)), &error);
    EXPECT_EQ(error, "");
    EXPECT_EQ(rec.payload, body) << "window bits " << bits;
  }
}

TEST(WarcReader, ChunkedAndGzip) {
  std::string body = std::string(20000, 'a') + "fin";
  std::string error;
  WarcRecord rec = OneResponse(
      Http("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
           Chunked(Compress(body), 7)),
      &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(rec.payload, body);
}

TEST(WarcReader, BodyAlreadyDecodedByTheCrawlerIsKept) {
  std::string error;
  WarcRecord rec = OneResponse(
      Http("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", "<html>déjà décodé</html>"), &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(rec.payload, "<html>déjà décodé</html>");
}

TEST(WarcReader, UnsupportedContentEncodingIsAnError) {
  std::string error;
  WarcRecord rec = OneResponse(Http("Content-Encoding: br\r\n", "\x0b\x02\x80\x68\x65"), &error);
  EXPECT_TRUE(Contains(error, "record 1")) << error;
  EXPECT_TRUE(Contains(error, "br")) << error;
  EXPECT_EQ(rec.type, "");
  EXPECT_EQ(rec.payload, "");
}

TEST(WarcReader, CorruptGzipBodyIsAnError) {
  std::string gz = Compress(std::string(5000, 'z') + "texte");
  for (size_t i = 10; i < 30; ++i) gz[i] = static_cast<char>(~gz[i]);
  std::string error;
  WarcRecord rec = OneResponse(Http("Content-Encoding: gzip\r\n", gz), &error);
  EXPECT_TRUE(Contains(error, "corrupt gzip")) << error;
  EXPECT_EQ(rec.type, "");
}

TEST(WarcReader, GzipBombIsStopped) {
  std::string gz = Compress(std::string(8 << 20, '\0'));
  std::string data = Response("https://x.example/bomb", Http("Content-Encoding: gzip\r\n", gz)) +
                     Record("resource", "next", "Content-Type: text/plain\r\n");
  Result r = ReadString(data, SIZE_MAX, 1 << 20);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_TRUE(Contains(r.errors[0], "exceeds the 1 MB limit")) << r.errors[0];
  EXPECT_EQ(r.records[1].payload, "next");
}

TEST(WarcReader, ResponseWithoutStatusLineIsAnError) {
  std::string error;
  WarcRecord rec = OneResponse("<html>no headers</html>", &error);
  EXPECT_TRUE(Contains(error, "no HTTP status line")) << error;
  EXPECT_EQ(rec.type, "");
}

TEST(WarcReader, NonHttpResponseKeepsTheBlock) {
  Result r = ReadString(Record("response", "a.example. 300 IN A 192.0.2.1\n", "Content-Type: text/dns\r\n"));
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].payload, "a.example. 300 IN A 192.0.2.1\n");
  EXPECT_EQ(r.records[0].content_type, "text/dns");
}

// ---- Damaged input ---------------------------------------------------------------

TEST(WarcReader, TruncatedGzipReturnsRecordsBeforeTheCut) {
  std::vector<std::string> recs = CrawlRecords("WARC/1.0");
  std::string gz = Compress(recs[0]) + Compress(recs[1]) + Compress(recs[2]);
  std::string third = Compress(recs[3]);
  gz += third.substr(0, third.size() / 2);
  Result r = ReadGzip(gz);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[2].payload, kHtml1);
  EXPECT_EQ(r.records[2].http_status, 200);
  EXPECT_TRUE(Contains(r.final_error, "record 4")) << r.final_error;
  EXPECT_TRUE(Contains(r.final_error, "truncated gzip stream")) << r.final_error;
}

TEST(WarcReader, TruncatedGzipBetweenRecords) {
  std::vector<std::string> recs = CrawlRecords("WARC/1.0");
  std::string gz = Compress(recs[0]) + Compress(recs[1]).substr(0, 5);  // cut in member 2's header
  Result r = ReadGzip(gz);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_TRUE(Contains(r.final_error, "record 2: truncated gzip stream")) << r.final_error;
}

TEST(WarcReader, CorruptGzipEndsTheStream) {
  std::vector<std::string> recs = CrawlRecords("WARC/1.0");
  std::string bad = Compress(recs[2]);
  for (size_t i = 12; i < bad.size() - 8; i += 3) bad[i] = static_cast<char>(bad[i] ^ 0x33);
  Result r = ReadGzip(Compress(recs[0]) + bad + Compress(recs[3]));
  EXPECT_LE(r.records.size(), 1u);
  EXPECT_TRUE(Contains(r.final_error, "gzip stream")) << r.final_error;
}

TEST(WarcReader, TruncatedPlainStream) {
  std::string data = Join(CrawlRecords("WARC/1.1"));
  std::string first_two = CrawlRecords("WARC/1.1")[0] + CrawlRecords("WARC/1.1")[1];
  // Cut inside the block, inside the header, inside the version line.
  for (size_t extra : {size_t{300}, size_t{40}, size_t{4}}) {
    SCOPED_TRACE(extra);
    Result r = ReadString(data.substr(0, first_two.size() + extra));
    EXPECT_EQ(r.records.size(), 2u);
    EXPECT_TRUE(Contains(r.final_error, "record 3: truncated WARC stream")) << r.final_error;
  }
}

TEST(WarcReader, GarbageBetweenRecordsResyncs) {
  std::vector<std::string> recs = CrawlRecords("WARC/1.0");
  std::string garbage = "garbage line\r\nxxWARC/1.0 not at the start of a line\r\n" + std::string(100000, '\x01');
  std::string data = recs[0] + recs[2] + garbage + "\nWARC/1.0 junk\n" + recs[3] + recs[4];
  Result r = ReadString(data, 777);
  ASSERT_EQ(r.records.size(), 6u) << r.final_error;
  EXPECT_EQ(r.final_error, "");
  EXPECT_EQ(r.records[1].payload, kHtml1);
  EXPECT_EQ(r.records[2].type, "");
  EXPECT_TRUE(Contains(r.errors[2], "record 3: expected a WARC/1.0 or WARC/1.1 version line")) << r.errors[2];
  EXPECT_TRUE(Contains(r.errors[2], "garbage line")) << r.errors[2];
  EXPECT_EQ(r.records[3].type, "");  // "WARC/1.0 junk"
  EXPECT_TRUE(Contains(r.errors[3], "record 4:")) << r.errors[3];
  EXPECT_EQ(r.records[4].payload, kHtml2);
  EXPECT_EQ(r.records[4].record_number, 5u);
  EXPECT_EQ(r.errors[4], "");
  EXPECT_EQ(r.records[5].payload, kHtml3);
}

TEST(WarcReader, GarbageAtTheEnd) {
  Result r = ReadString(CrawlRecords("WARC/1.0")[0] + "trailing junk without newline");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].type, "");
  EXPECT_TRUE(Contains(r.errors[1], "record 2")) << r.errors[1];
  EXPECT_EQ(r.final_error, "");
}

TEST(WarcReader, MalformedHeaderResyncs) {
  std::vector<std::string> recs = CrawlRecords("WARC/1.1");
  std::string no_length = "WARC/1.1\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\nbody\r\n\r\n";
  std::string bad_line =
      "WARC/1.1\r\nWARC-Type: resource\r\nthis line has no colon\r\nContent-Length: 4\r\n\r\nbody\r\n\r\n";
  std::string bad_length = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 12abc\r\n\r\nbody\r\n\r\n";
  Result r = ReadString(no_length + recs[2] + bad_line + bad_length + recs[3]);
  ASSERT_EQ(r.records.size(), 5u) << r.final_error;
  EXPECT_TRUE(Contains(r.errors[0], "record 1: malformed WARC header: no Content-Length")) << r.errors[0];
  EXPECT_EQ(r.records[1].payload, kHtml1);
  EXPECT_TRUE(Contains(r.errors[2], "record 3: malformed WARC header")) << r.errors[2];
  EXPECT_TRUE(Contains(r.errors[2], "this line has no colon")) << r.errors[2];
  EXPECT_TRUE(Contains(r.errors[3], "bad Content-Length")) << r.errors[3];
  EXPECT_EQ(r.records[4].payload, kHtml2);
  EXPECT_EQ(r.errors[4], "");
}

TEST(WarcReader, UnsupportedVersionIsSkipped) {
  std::vector<std::string> recs = CrawlRecords("WARC/1.0");
  Result r = ReadString(Record("resource", "old", "", "WARC/0.17") + recs[2]);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_TRUE(Contains(r.errors[0], "WARC/0.17")) << r.errors[0];
  EXPECT_EQ(r.records[1].payload, kHtml1);
}

TEST(WarcReader, OversizedRecordIsSkipped) {
  std::vector<std::string> recs = CrawlRecords("WARC/1.0");
  std::string big = Response("https://x.example/big", Http("", std::string(5000, 'b')));
  Result r = ReadString(recs[0] + big + recs[2], 100, 4096);
  ASSERT_EQ(r.records.size(), 3u) << r.final_error;
  EXPECT_EQ(r.records[1].type, "");
  EXPECT_EQ(r.records[1].payload, "");
  EXPECT_TRUE(Contains(r.errors[1], "record 2: ")) << r.errors[1];
  EXPECT_TRUE(Contains(r.errors[1], "exceeds the 4 KB limit, skipped")) << r.errors[1];
  EXPECT_EQ(r.records[2].payload, kHtml1);
  EXPECT_EQ(r.records[2].http_status, 200);
  EXPECT_EQ(r.errors[2], "");
}

TEST(WarcReader, HugeRecordIsSkippedWithoutBuffering) {
  constexpr size_t kBig = size_t{120} << 20;
  GeneratedSource src;
  src.Text("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: " + std::to_string(kBig) + "\r\n\r\n")
      .Run('x', kBig)
      .Text("\r\n\r\n" + CrawlRecords("WARC/1.0")[2]);
  long before = MaxRssKb();
  Result r = ReadAllRecords(src, size_t{64} << 20);
  EXPECT_LT((MaxRssKb() - before) / 1024, 32);
  ASSERT_EQ(r.records.size(), 2u) << r.final_error;
  EXPECT_EQ(r.errors[0], "record 1: 120 MB exceeds the 64 MB limit, skipped");
  EXPECT_EQ(r.records[1].payload, kHtml1);
}

TEST(WarcReader, TruncatedInsideOversizedRecord) {
  GeneratedSource src;
  src.Text("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 100000\r\n\r\n").Run('x', 5000);
  Result r = ReadAllRecords(src, 1000);
  EXPECT_TRUE(r.records.empty());
  EXPECT_TRUE(Contains(r.final_error, "record 1: truncated WARC stream")) << r.final_error;
}

// ---- The demo sample ---------------------------------------------------------------

TEST(WarcReader, SampleCrawl) {
  auto src = GunzipSource(OpenFile(std::string(VEILLE_SAMPLES_DIR) + "/crawl.warc.gz"));
  Result r = ReadAllRecords(*src);
  EXPECT_EQ(r.final_error, "");
  int responses = 0, published = 0;
  for (size_t i = 0; i < r.records.size(); ++i) {
    EXPECT_EQ(r.errors[i], "");
    if (r.records[i].type != "response") continue;
    ++responses;
    EXPECT_TRUE(Contains(r.records[i].content_type, "text/html")) << r.records[i].content_type;
    EXPECT_TRUE(Contains(r.records[i].payload, "</html>"));
    EXPECT_TRUE(Contains(r.records[i].payload, "ministre"));
    published += Contains(r.records[i].payload, "article:published_time");
  }
  EXPECT_GE(responses, 2);
  EXPECT_GE(published, 1);
}

}  // namespace
}  // namespace veille
