// Little binary files (model files): a writer that appends fixed-size little-endian
// values and length-prefixed strings, and a reader that checks every read against the
// data and reports problems as DictError with the byte offset. Shared by the tagger and
// named-entity models.
#pragma once
#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/dict_file.h"
#include "core/utf8.h"

namespace veille::syntax {

class Writer {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, 2); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F32(float v) { Raw(&v, 4); }
  void Str(const std::string& s) {
    if (s.size() > 0xFFFF) throw std::runtime_error("string too long for the model file");
    U16(static_cast<uint16_t>(s.size()));
    out_ += s;
  }
  void Bytes(std::string_view s) { out_ += s; }
  std::string& out() { return out_; }

 private:
  // The file is little-endian; so are the machines veille runs on (x86-64, arm64).
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class Reader {
 public:
  Reader(const std::string& path, std::string_view data) : path_(path), data_(data) {}
  [[noreturn]] void Fail(const std::string& what) const {
    throw DictError(path_, 0, fmt::format("offset {}: {}", pos_, what));
  }
  void Need(size_t n) const {
    if (data_.size() - pos_ < n) Fail("truncated file");
  }
  uint8_t U8() {
    Need(1);
    return static_cast<uint8_t>(data_[pos_++]);
  }
  uint16_t U16() { return Raw<uint16_t>(); }
  uint32_t U32() { return Raw<uint32_t>(); }
  uint64_t U64() { return Raw<uint64_t>(); }
  float F32() { return Raw<float>(); }
  std::string Str() {
    uint16_t n = U16();
    Need(n);
    std::string s(data_.substr(pos_, n));
    if (!utf8::IsValid(s)) Fail("invalid UTF-8 in a string");
    pos_ += n;
    return s;
  }
  // A count of items of at least `item_size` bytes each, checked against what is left.
  uint32_t Count(size_t item_size) {
    uint32_t n = U32();
    if (static_cast<uint64_t>(n) * item_size > data_.size() - pos_) Fail(fmt::format("count {} exceeds the file", n));
    return n;
  }
  size_t pos() const { return pos_; }
  void set_pos(size_t p) { pos_ = p; }

 private:
  template <typename T>
  T Raw() {
    Need(sizeof(T));
    T v;
    memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  const std::string& path_;
  std::string_view data_;
  size_t pos_ = 0;
};

// Reads a model file whole into `data` and checks its frame: the header line `magic`
// ("veille-tagger-model 1\n") and the XXH64 checksum of everything before it in the last
// 8 bytes. Returns a reader over the body (after the header, before the checksum), or
// throws DictError: `kind` names the model in messages ("tagger", "NER"), `command` the
// command that rebuilds it ("veille train-tagger").
Reader OpenModelFile(const std::string& path, std::string_view magic, std::string_view kind,
                     std::string_view command, std::string* data);

}  // namespace veille::syntax
