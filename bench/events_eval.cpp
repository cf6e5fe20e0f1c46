// events_eval: precision, recall and F1 of the event coder on the hand-coded test set.
//   build/bench/events_eval [tests/data/events/gold.tsv] [--errors] [--kinds] [--from gNNN]
//   --from: adds a row scoring only the dev items from that id on (g399: the fresh dev items,
//   written after the coder had been tuned on the first dev split)
//   --errors: the dev split's differences (triples, then polarities of the triples found); --kinds: counts of differences by kind for each
//   split (no sentence printed, so the held-out split's profile can be seen without its items),
//   and with --errors each dev difference's kind
#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <set>

#include "events_gold.h"

int main(int argc, char** argv) {
  std::string path = VEILLE_SOURCE_DIR "/tests/data/events/gold.tsv";
  bool errors = false, kinds = false;
  std::string from;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--errors")) errors = true;
    else if (!std::strcmp(argv[i], "--kinds")) kinds = true;
    else if (!std::strcmp(argv[i], "--from") && i + 1 < argc) from = argv[++i];
    else path = argv[i];
  }
  std::vector<veille::gold::Item> items = veille::gold::Load(path);
  veille::PipelineOptions po;
  po.language = "fr";  // one-sentence items are too short to identify
  veille::Pipeline pipeline(po);
  std::vector<std::string> report;
  veille::Codebook codebook = veille::Codebook::Load();
  veille::PatternSet patterns = veille::PatternSet::Load(codebook);
  auto scores = veille::gold::Evaluate(pipeline, items, errors ? &report : nullptr, kinds ? &patterns : nullptr);
  // Ids are g + a zero-padded number of at least 3 digits: compare the numbers.
  auto number = [](const std::string& id) { return id.size() > 1 ? std::atoi(id.c_str() + 1) : 0; };
  std::vector<const char*> rows = {"dev", "test", "all"};
  std::string from_row = "dev from " + from;
  if (!from.empty()) {
    std::vector<veille::gold::Item> fresh;
    for (const auto& it : items)
      if (it.split == "dev" && number(it.id) >= number(from)) fresh.push_back(it);
    scores[from_row] = veille::gold::Evaluate(pipeline, fresh, nullptr, kinds ? &patterns : nullptr)["dev"];
    rows.insert(rows.begin() + 1, from_row.c_str());
  }
  // Only the dev split's differences: the test split is held out (never tune on it).
  std::set<std::string> test_ids;
  for (const auto& it : items)
    if (it.split == "test") test_ids.insert(it.id);
  for (const std::string& line : report) {
    size_t a = line.find(' ', 5) + 1, b = line.find(':', a);
    if (test_ids.count(line.substr(a, b - a))) continue;
    fmt::print("{}\n", line);
  }
  fmt::print("| split | items | gold events | coded | correct | precision | recall | F1 | polarity agreement |\n");
  fmt::print("|---|---|---|---|---|---|---|---|---|\n");
  for (const char* split : rows) {
    const auto& s = scores[split];
    fmt::print("| {} | {} | {} | {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", split, s.items, s.tp + s.fn,
               s.tp + s.fp, s.tp, s.precision(), s.recall(), s.f1(), s.tp ? double(s.polarity_ok) / s.tp : 0.0);
  }
  if (kinds) {
    fmt::print("\n| difference | dev |{} test | all |\n|---|---:|{}---:|---:|\n", from.empty() ? "" : " " + from_row + " |",
               from.empty() ? "" : "---:|");
    std::set<std::string> names;
    for (const auto& [split, s] : scores)
      for (const auto& kv : s.kinds) names.insert(kv.first);
    for (const std::string& k : names)
      fmt::print("| {} | {} |{} {} | {} |\n", k, scores["dev"].kinds[k],
                 from.empty() ? "" : fmt::format(" {} |", scores[from_row].kinds[k]), scores["test"].kinds[k],
                 scores["all"].kinds[k]);
  }
  return 0;
}
