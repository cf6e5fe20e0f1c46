#include "ingest/byte_source.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest_test_util.h"

namespace veille {
namespace {

using namespace veille::test_util;  // NOLINT: test helpers

std::unique_ptr<ByteSource> Source(std::string data, size_t chunk = SIZE_MAX) {
  return std::make_unique<StringSource>(std::move(data), chunk);
}

std::string Gzip(const std::string& s) { return Compress(s); }

std::string ReadAll(ByteSource& src, size_t chunk = 4096) {
  std::string out, buf(chunk, '\0');
  while (size_t n = src.Read(buf.data(), buf.size())) out.append(buf.data(), n);
  return out;
}

// Some text that compresses well but is not trivial.
std::string Text(size_t n) {
  std::string s;
  for (size_t i = 0; s.size() < n; ++i) s += "ligne " + std::to_string(i * 7919 % 10007) + " de texte\n";
  s.resize(n);
  return s;
}

// ---- OpenFile ------------------------------------------------------------------

TEST(ByteSource, OpenFileReadsTheFile) {
  std::string path = testing::TempDir() + "veille_byte_source_test.txt";
  std::string content = Text(200000);
  std::ofstream(path, std::ios::binary) << content;
  auto src = OpenFile(path);
  EXPECT_EQ(ReadAll(*src, 1000), content);
  EXPECT_EQ(src->Read(nullptr, 0), 0u);
  std::remove(path.c_str());
}

TEST(ByteSource, OpenFileErrorNamesPathAndReason) {
  try {
    OpenFile("/nonexistent/dir/file.warc");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/file.warc"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(std::strerror(ENOENT)), std::string::npos) << e.what();
  }
}

TEST(ByteSource, ReadingADirectoryThrows) {
  std::string dir = testing::TempDir();
  EXPECT_THROW(
      {
        auto src = OpenFile(dir);
        ReadAll(*src);
      },
      std::runtime_error);
}

// ---- PrependSource -------------------------------------------------------------

TEST(ByteSource, PrependSourceServesHeadThenRest) {
  auto src = PrependSource("WARC", Source("/1.0\r\nrest", 3));
  EXPECT_EQ(ReadAll(*src, 3), "WARC/1.0\r\nrest");
  auto only_head = PrependSource("abc", nullptr);
  EXPECT_EQ(ReadAll(*only_head, 2), "abc");
  auto empty_head = PrependSource("", Source("xyz"));
  EXPECT_EQ(ReadAll(*empty_head), "xyz");
}

// ---- GunzipSource --------------------------------------------------------------

TEST(Gunzip, SingleMemberWithTinyReads) {
  std::string text = Text(300000);
  // One input byte at a time, a few output bytes at a time: zlib keeps output
  // pending between calls and the source must still deliver all of it.
  auto src = GunzipSource(Source(Gzip(text), 1));
  EXPECT_EQ(ReadAll(*src, 7), text);
  auto big_reads = GunzipSource(Source(Gzip(text)));
  EXPECT_EQ(ReadAll(*big_reads, 1 << 20), text);
}

TEST(Gunzip, MultiMemberConcatenation) {
  std::string gz = Gzip("alpha\n") + Gzip("beta\n") + Gzip("") + Gzip("gamma");
  for (size_t chunk : {size_t{1}, size_t{5}, size_t{1} << 16}) {
    auto src = GunzipSource(Source(gz, chunk));
    EXPECT_EQ(ReadAll(*src, 3), "alpha\nbeta\ngamma") << "chunk " << chunk;
  }
}

TEST(Gunzip, EmptyInputIsEmpty) {
  auto src = GunzipSource(Source(""));
  char buf[16];
  EXPECT_EQ(src->Read(buf, sizeof(buf)), 0u);
}

TEST(Gunzip, TruncatedMemberThrowsAfterDeliveringItsBytes) {
  std::string first = Text(1000), second = Text(50000);
  std::string gz = Gzip(first) + Gzip(second);
  gz.resize(gz.size() - Gzip(second).size() / 2);  // cut in the middle of member 2
  auto src = GunzipSource(Source(gz));
  std::string got, buf(512, '\0');
  try {
    while (size_t n = src->Read(buf.data(), buf.size())) got.append(buf.data(), n);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    std::string msg = e.what();
    EXPECT_EQ(msg.rfind("truncated gzip stream (", 0), 0u) << msg;
    EXPECT_NE(msg.find(std::to_string(got.size()) + " bytes decompressed"), std::string::npos) << msg;
  }
  EXPECT_GE(got.size(), first.size());
  EXPECT_EQ(got, (first + second).substr(0, got.size()));
  // The error is sticky.
  EXPECT_THROW(src->Read(buf.data(), buf.size()), std::runtime_error);
}

TEST(Gunzip, CutInsideTheTrailerIsTruncated) {
  std::string gz = Gzip("hello");
  gz.pop_back();  // the last byte of ISIZE
  auto src = GunzipSource(Source(gz));
  EXPECT_THROW(ReadAll(*src), std::runtime_error);
}

TEST(Gunzip, CorruptStreamThrowsWithZlibMessage) {
  std::string gz = Gzip(Text(10000));
  for (size_t i = 12; i < 40; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5A);
  auto src = GunzipSource(Source(gz));
  try {
    ReadAll(*src);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    std::string msg = e.what();
    EXPECT_EQ(msg.rfind("corrupt gzip stream: ", 0), 0u) << msg;
    EXPECT_GT(msg.size(), std::strlen("corrupt gzip stream: ") + 5) << msg;
  }
}

TEST(Gunzip, NotGzipThrows) {
  auto src = GunzipSource(Source("plain text, not gzip"));
  try {
    ReadAll(*src);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("incorrect header check"), std::string::npos) << e.what();
  }
}

TEST(Gunzip, BadCrcThrows) {
  std::string gz = Gzip("some text");
  gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 1);  // CRC32
  auto src = GunzipSource(Source(gz));
  EXPECT_THROW(ReadAll(*src), std::runtime_error);
}

// ---- LineReader ------------------------------------------------------------------

struct Line {
  std::string text;
  bool overlong;
  size_t number;
};

std::vector<Line> ReadLines(ByteSource& src, size_t max_line) {
  LineReader r(src, max_line);
  std::vector<Line> lines;
  std::string line;
  bool overlong = true;
  while (r.Next(&line, &overlong)) lines.push_back({line, overlong, r.line_number()});
  EXPECT_FALSE(overlong);
  return lines;
}

TEST(LineReader, SplitsLinesAndStripsCarriageReturns) {
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{1000}}) {
    StringSource src("one\r\ntwo\n\nfour\r\n\r\nsix", chunk);
    auto lines = ReadLines(src, 100);
    ASSERT_EQ(lines.size(), 6u);
    std::vector<std::string> want = {"one", "two", "", "four", "", "six"};
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(lines[i].text, want[i]);
      EXPECT_FALSE(lines[i].overlong);
      EXPECT_EQ(lines[i].number, i + 1);
    }
  }
}

TEST(LineReader, EmptyInputAndFinalNewline) {
  StringSource empty("");
  EXPECT_TRUE(ReadLines(empty, 10).empty());
  StringSource one("a\n");
  auto lines = ReadLines(one, 10);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "a");
}

TEST(LineReader, LimitIsInclusive) {
  StringSource src("12345\n12345\r\n123456\nok\n");
  auto lines = ReadLines(src, 5);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_FALSE(lines[0].overlong);
  EXPECT_FALSE(lines[1].overlong);
  EXPECT_EQ(lines[1].text, "12345");
  EXPECT_TRUE(lines[2].overlong);
  EXPECT_LE(lines[2].text.size(), 5u);
  EXPECT_EQ(lines[3].text, "ok");
  EXPECT_FALSE(lines[3].overlong);
}

TEST(LineReader, UnlimitedLines) {
  StringSource src("abc\r\ndef");
  auto lines = ReadLines(src, SIZE_MAX);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].overlong);
  EXPECT_EQ(lines[0].text, "abc");
  EXPECT_EQ(lines[1].text, "def");
}

TEST(LineReader, FiveMegabyteLineIsSkipped) {
  std::string input = "first\n" + std::string(5 << 20, 'x') + "\nafter\r\nlast";
  StringSource src(input, 4093);
  auto lines = ReadLines(src, 1 << 20);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "first");
  EXPECT_FALSE(lines[0].overlong);
  EXPECT_TRUE(lines[1].overlong);
  EXPECT_LE(lines[1].text.size(), size_t{1} << 20);
  EXPECT_EQ(lines[1].number, 2u);
  EXPECT_EQ(lines[2].text, "after");
  EXPECT_FALSE(lines[2].overlong);
  EXPECT_EQ(lines[2].number, 3u);
  EXPECT_EQ(lines[3].text, "last");
  EXPECT_EQ(lines[3].number, 4u);
}

TEST(LineReader, HugeLineIsNotBuffered) {
  // 512 MB on one line: buffering it would raise the peak RSS by as much.
  constexpr size_t kHuge = size_t{512} << 20;
  GeneratedSource src;
  src.Text("head\n").Run('y', kHuge).Text("\ntail\n");
  long before = MaxRssKb();
  auto lines = ReadLines(src, 1 << 20);
  long grown_mb = (MaxRssKb() - before) / 1024;
  EXPECT_LT(grown_mb, 64);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[1].overlong);
  EXPECT_EQ(lines[2].text, "tail");
  EXPECT_EQ(lines[2].number, 3u);
}

TEST(LineReader, OverGzip) {
  std::string gz = Gzip("a,b\n") + Gzip("c,d\ne,f\n");
  auto src = GunzipSource(Source(gz, 3));
  auto lines = ReadLines(*src, 80);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].text, "c,d");
  EXPECT_EQ(lines[2].text, "e,f");
}

TEST(LineReader, SourceErrorsPropagate) {
  std::string gz = Gzip(Text(100000));
  gz.resize(gz.size() / 2);
  auto src = GunzipSource(Source(gz));
  LineReader r(*src, 1000);
  std::string line;
  bool overlong;
  EXPECT_THROW(
      {
        while (r.Next(&line, &overlong)) {
        }
      },
      std::runtime_error);
  EXPECT_GT(r.line_number(), 0u);
}

}  // namespace
}  // namespace veille
