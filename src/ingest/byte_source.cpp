#include "ingest/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace veille {
namespace {

constexpr size_t kBufferSize = 64 << 10;

// A file descriptor; closed on destruction unless it is stdin.
class FdSource : public ByteSource {
 public:
  FdSource(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~FdSource() override {
    if (fd_ > 0) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  size_t Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) return static_cast<size_t>(r);
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot read " + path_ + ": " + std::strerror(errno));
    }
  }

 private:
  int fd_;
  std::string path_;
};

// zlib inflate over `in`, gzip members one after the other.
class GunzipStream : public ByteSource {
 public:
  explicit GunzipStream(std::unique_ptr<ByteSource> in) : in_(std::move(in)), inbuf_(kBufferSize, '\0') {
    std::memset(&zs_, 0, sizeof(zs_));
    if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("cannot initialise zlib");
  }
  ~GunzipStream() override { inflateEnd(&zs_); }
  GunzipStream(const GunzipStream&) = delete;
  GunzipStream& operator=(const GunzipStream&) = delete;

  size_t Read(char* buf, size_t n) override {
    if (!error_.empty()) throw std::runtime_error(error_);
    if (n == 0) return 0;
    n = std::min<size_t>(n, kBufferSize);
    for (;;) {
      // Inflate even without new input while inside a member: zlib may hold
      // output that did not fit into the previous call's buffer.
      if (zs_.avail_in > 0 || in_member_) {
        size_t produced = Inflate(buf, n);
        if (produced > 0) return produced;
      }
      if (zs_.avail_in == 0 && !FillInput()) {
        if (in_member_) Fail("truncated gzip stream (" + std::to_string(total_out_) + " bytes decompressed)");
        return 0;
      }
    }
  }

 private:
  bool FillInput() {
    if (in_eof_) return false;
    size_t got = in_->Read(inbuf_.data(), inbuf_.size());
    if (got == 0) {
      in_eof_ = true;
      return false;
    }
    zs_.next_in = reinterpret_cast<Bytef*>(inbuf_.data());
    zs_.avail_in = static_cast<uInt>(got);
    return true;
  }

  // One inflate call; returns the bytes written to `buf`.
  size_t Inflate(char* buf, size_t n) {
    in_member_ = true;
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(n);
    int rc = inflate(&zs_, Z_NO_FLUSH);
    size_t produced = n - zs_.avail_out;
    total_out_ += produced;
    if (rc == Z_STREAM_END) {
      inflateReset(&zs_);  // keeps next_in/avail_in: the next member follows
      in_member_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      Fail(std::string("corrupt gzip stream: ") + (zs_.msg ? zs_.msg : zError(rc)) + " (after " +
           std::to_string(total_out_) + " bytes decompressed)");
    }
    return produced;
  }

  [[noreturn]] void Fail(std::string message) {
    error_ = std::move(message);
    throw std::runtime_error(error_);
  }

  std::unique_ptr<ByteSource> in_;
  std::string inbuf_;
  z_stream zs_;
  bool in_eof_ = false;
  bool in_member_ = false;  // inflate has seen bytes of a member not yet finished
  size_t total_out_ = 0;
  std::string error_;       // errors are sticky: later reads throw again
};

class Prepended : public ByteSource {
 public:
  Prepended(std::string head, std::unique_ptr<ByteSource> rest) : head_(std::move(head)), rest_(std::move(rest)) {}

  size_t Read(char* buf, size_t n) override {
    if (pos_ < head_.size()) {
      size_t k = std::min(n, head_.size() - pos_);
      std::memcpy(buf, head_.data() + pos_, k);
      pos_ += k;
      if (pos_ == head_.size()) {
        std::string().swap(head_);  // release the memory
        pos_ = 0;
      }
      return k;
    }
    return rest_ ? rest_->Read(buf, n) : 0;
  }

 private:
  std::string head_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

}  // namespace

std::unique_ptr<ByteSource> OpenFile(const std::string& path) {
  if (path == "-") return std::make_unique<FdSource>(0, "<stdin>");
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  return std::make_unique<FdSource>(fd, path);
}

std::unique_ptr<ByteSource> GunzipSource(std::unique_ptr<ByteSource> in) {
  return std::make_unique<GunzipStream>(std::move(in));
}

std::unique_ptr<ByteSource> PrependSource(std::string head, std::unique_ptr<ByteSource> rest) {
  return std::make_unique<Prepended>(std::move(head), std::move(rest));
}

// LineReader

bool LineReader::Fill() {
  if (eof_) return false;
  pos_ = 0;
  len_ = src_.Read(buf_.data(), buf_.size());
  if (len_ == 0) eof_ = true;
  return len_ > 0;
}

bool LineReader::Next(std::string* line, bool* overlong) {
  line->clear();
  bool too_long = false;
  bool any = false;  // some byte of this line (or its '\n') was seen
  // Keeps up to max_line_ + 1 bytes so that a line of exactly max_line_ bytes
  // followed by "\r\n" is not reported as overlong.
  const size_t keep = max_line_ == SIZE_MAX ? SIZE_MAX : max_line_ + 1;
  for (;;) {
    if (pos_ == len_ && !Fill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
    size_t n = nl ? static_cast<size_t>(nl - start) : len_ - pos_;
    if (!too_long) {
      size_t room = keep - line->size();
      if (n > room) too_long = true;
      line->append(start, std::min(n, room));
    }
    pos_ += n;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!any) {
    if (overlong) *overlong = false;
    return false;
  }
  ++line_no_;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  if (line->size() > max_line_) {
    too_long = true;
    line->resize(max_line_);
  }
  if (overlong) *overlong = too_long;
  return true;
}

}  // namespace veille
