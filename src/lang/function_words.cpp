#include "lang/function_words.h"

#include <algorithm>
#include <array>

#include "core/dict_file.h"

namespace veille {

FunctionWords::FunctionWords() {
  ReadDictFile(
      "lang/function_words.tsv",
      [&](const DictLine& line) {
        std::string lang(line.fields[0]);
        if (lang.size() != 2) line.Fail("expected an ISO 639-1 code, got '" + lang + "'");
        if (std::find(langs_.begin(), langs_.end(), lang) != langs_.end()) line.Fail("language listed twice: " + lang);
        int index = static_cast<int>(langs_.size());
        langs_.push_back(lang);
        std::string_view rest = line.fields[1];
        while (!rest.empty()) {
          size_t sp = rest.find(' ');
          std::string word(rest.substr(0, sp));
          rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
          if (word.empty()) continue;
          auto [it, fresh] = words_.emplace(word, index);
          if (!fresh) {
            if (it->second == index) line.Fail("word listed twice: " + word);
            it->second = -1;  // shared by several languages: not evidence
          }
        }
      },
      2, 2);
}

bool FunctionWords::Identify(std::string_view text, size_t max_bytes, std::string* lang, double* score) const {
  int counts[32] = {0};
  int hits = 0;
  size_t n = std::min(text.size(), max_bytes);
  // Letters: ASCII letters and any non-ASCII byte (accented letters, Cyrillic).
  static const auto kLetter = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return t;
  }();
  auto letter = [&](size_t k) { return kLetter[static_cast<unsigned char>(text[k])]; };
  char word[16];
  size_t i = 0;
  while (i < n) {
    while (i < n && !letter(i)) ++i;
    size_t b = i;
    while (i < n && letter(i)) ++i;
    if (i == b || i - b > sizeof word || i == n) continue;  // a word cut by the window is not counted
    // ASCII upper case is folded, which covers sentence-initial function words.
    for (size_t k = b; k < i; ++k) {
      char c = text[k];
      word[k - b] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    auto it = words_.find(std::string_view(word, i - b));
    if (it == words_.end() || it->second < 0 || it->second >= 32) continue;
    ++counts[it->second];
    ++hits;
  }
  if (hits < kMinHits) return false;
  int best = static_cast<int>(std::max_element(counts, counts + langs_.size()) - counts);
  double share = static_cast<double>(counts[best]) / hits;
  if (share < kMinShare) return false;
  *lang = langs_[best];
  *score = std::min(share, 0.99);
  return true;
}

}  // namespace veille
