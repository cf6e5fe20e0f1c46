// Byte spans over UTF-8 text.
#pragma once
#include <cstdint>
#include <string_view>

namespace veille {

// A half-open byte range [start, end) over some text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  std::string_view of(std::string_view text) const { return text.substr(start, end - start); }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace veille
