#include "ingest/body_overlap.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/utf8.h"

namespace veille {
namespace {

std::unordered_map<std::string, int> Tokens(std::string_view text, int* total) {
  std::unordered_map<std::string, int> bag;
  std::string word;
  *total = 0;
  auto flush = [&] {
    if (word.empty()) return;
    ++bag[word];
    ++*total;
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<UChar32>(utf8::Next(text, i));
    if (u_isalnum(c)) utf8::Append(word, u_tolower(c));
    else flush();
  }
  flush();
  return bag;
}

}  // namespace

BodyOverlap CompareBodies(std::string_view got, std::string_view gold) {
  int n_got = 0, n_gold = 0;
  auto a = Tokens(got, &n_got);
  auto b = Tokens(gold, &n_gold);
  int overlap = 0;
  for (const auto& [w, c] : a) {
    auto it = b.find(w);
    if (it != b.end()) overlap += std::min(c, it->second);
  }
  BodyOverlap s;
  s.precision = n_got == 0 ? (n_gold == 0 ? 1.0 : 0.0) : static_cast<double>(overlap) / n_got;
  s.recall = n_gold == 0 ? 1.0 : static_cast<double>(overlap) / n_gold;
  s.f1 = s.precision + s.recall == 0 ? 0 : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace veille
