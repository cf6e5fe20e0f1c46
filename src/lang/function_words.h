// Fast first pass of language identification (internal to lang/): counts
// language-specific function words at the start of a text.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace veille {

class FunctionWords {
 public:
  // Loads dict/lang/function_words.tsv. Throws DictError.
  FunctionWords();

  // Decides only clear cases: at least kMinHits function words in the first
  // `max_bytes`, and one language with at least kMinShare of them. Returns false
  // (and leaves the outputs alone) otherwise.
  bool Identify(std::string_view text, size_t max_bytes, std::string* lang, double* score) const;

  static constexpr int kMinHits = 12;
  static constexpr double kMinShare = 0.85;

 private:
  std::vector<std::string> langs_;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // word -> index in langs_, -1 if shared (used while loading).
  std::unordered_map<std::string, int, Hash, std::equal_to<>> words_;
  // The same words for the scan: an open-addressing table keyed by the word's
  // bytes packed into two words (function words are at most 16 bytes).
  struct Slot {
    uint64_t a = 0, b = 0;
    uint32_t len = 0;  // 0: empty
    int lang = -1;
  };
  std::vector<Slot> slots_;
  int shift_ = 64;
  size_t max_len_ = 0;  // bytes of the longest word in slots_ (at most 16)
  static uint64_t SlotHash(uint64_t a, uint64_t b, size_t len);
};

}  // namespace veille
