#include "dedup/gold.h"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace veille::dedup {

Gold ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  Gold g;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.size() != 3 || f[0].empty() || f[1].empty() || f[2].empty())
      throw std::runtime_error(fmt::format("{}:{}: expected id <TAB> original or - <TAB> story", path, n));
    if (g.story.count(f[0])) throw std::runtime_error(fmt::format("{}:{}: '{}' given twice", path, n, f[0]));
    if (f[1] != "-" && !g.story.count(f[1]))
      throw std::runtime_error(fmt::format("{}:{}: '{}' is not an earlier document", path, n, f[1]));
    g.ids.push_back(f[0]);
    g.original[f[0]] = f[1] == "-" ? f[0] : g.original[f[1]];
    g.story[f[0]] = f[2];
  }
  return g;
}

PairScore ScorePairs(const std::map<std::string, std::string>& gold,
                     const std::map<std::string, std::string>& predicted) {
  PairScore s;
  std::vector<std::pair<std::string, std::string>> rows;  // (gold label, predicted label)
  for (const auto& [id, label] : gold) {
    auto it = predicted.find(id);
    rows.emplace_back(label, it == predicted.end() ? "\x01" + id : it->second);
  }
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = i + 1; j < rows.size(); ++j) {
      bool g = rows[i].first == rows[j].first, p = rows[i].second == rows[j].second;
      s.gold_pairs += g;
      s.predicted_pairs += p;
      s.true_pairs += g && p;
    }
  return s;
}

}  // namespace veille::dedup
