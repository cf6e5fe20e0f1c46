// Streams of bytes: plain files/stdin and gzip (multi-member) decompression.
// Internal to ingest/.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

namespace veille {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; returns 0 at end of stream. Throws std::runtime_error on
  // an I/O or decompression error (e.g. "truncated gzip stream"); bytes delivered
  // before the error remain valid.
  virtual size_t Read(char* buf, size_t n) = 0;
};

// A file descriptor source; "-" is stdin. Throws std::runtime_error if it cannot open.
std::unique_ptr<ByteSource> OpenFile(const std::string& path);

// Decompresses a gzip stream of one or more members (RFC 1952), member after
// member, in constant memory. A stream that ends inside a member throws
// std::runtime_error("truncated gzip stream").
std::unique_ptr<ByteSource> GunzipSource(std::unique_ptr<ByteSource> in);

// A source over a buffer whose first bytes were already read (for format sniffing).
std::unique_ptr<ByteSource> PrependSource(std::string head, std::unique_ptr<ByteSource> rest);

// Reads lines terminated by '\n' (the '\n' and a trailing '\r' are not returned).
// A line longer than `max_line` is not buffered: the rest of it is skipped and
// `*overlong` is set.
class LineReader {
 public:
  LineReader(ByteSource& src, size_t max_line) : src_(src), max_line_(max_line), buf_(1 << 16, '\0') {}
  bool Next(std::string* line, bool* overlong);
  size_t line_number() const { return line_no_; }

 private:
  bool Fill();
  ByteSource& src_;
  size_t max_line_;
  std::string buf_;
  size_t pos_ = 0, len_ = 0;
  size_t line_no_ = 0;
  bool eof_ = false;
};

}  // namespace veille
