// Byte sources and compression helpers shared by the ingest tests.
#pragma once
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/byte_source.h"

namespace veille::test_util {

// Serves `data` at most `chunk` bytes per Read.
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string data, size_t chunk = SIZE_MAX) : data_(std::move(data)), chunk_(chunk) {}
  size_t Read(char* buf, size_t n) override {
    size_t k = std::min({n, chunk_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
};

// Pieces of text and long runs of one byte, generated on the fly (no buffering).
class GeneratedSource : public ByteSource {
 public:
  GeneratedSource& Text(std::string s) {
    parts_.push_back({std::move(s), 0, 0});
    return *this;
  }
  GeneratedSource& Run(char c, size_t n) {
    parts_.push_back({std::string(), c, n});
    return *this;
  }
  size_t Read(char* buf, size_t n) override {
    while (i_ < parts_.size()) {
      Part& p = parts_[i_];
      size_t size = p.text.empty() ? p.count : p.text.size();
      if (off_ == size) {
        ++i_;
        off_ = 0;
        continue;
      }
      size_t k = std::min(n, size - off_);
      if (p.text.empty()) std::memset(buf, p.fill, k);
      else std::memcpy(buf, p.text.data() + off_, k);
      off_ += k;
      return k;
    }
    return 0;
  }

 private:
  struct Part {
    std::string text;
    char fill;
    size_t count;
  };
  std::vector<Part> parts_;
  size_t i_ = 0, off_ = 0;
};

// window_bits: 16 + MAX_WBITS gzip, MAX_WBITS zlib, -MAX_WBITS raw deflate.
inline std::string Compress(const std::string& s, int window_bits = 16 + MAX_WBITS) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, s.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline long MaxRssKb() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

}  // namespace veille::test_util
