#include "lang/function_words.h"

#include <algorithm>
#include <cctype>

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
  std::string word;
  size_t i = 0;
  while (i < n) {
    // Words are runs of letters (any non-ASCII byte counts as a letter); ASCII
    // upper case is folded, which covers sentence-initial function words.
    while (i < n && !(static_cast<unsigned char>(text[i]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[i]))))
      ++i;
    size_t b = i;
    while (i < n && (static_cast<unsigned char>(text[i]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[i]))))
      ++i;
    if (i == b || i - b > 12 || i == n) continue;  // a word cut by the window is not counted
    word.assign(text.substr(b, i - b));
    for (char& c : word)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    auto it = words_.find(word);
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
