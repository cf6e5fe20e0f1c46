// events_eval: precision, recall and F1 of the event coder on the hand-coded test set.
//   build/bench/events_eval [tests/data/events/gold.tsv] [--errors]   (--errors: the dev split's differences)
#include <fmt/format.h>

#include <cstring>
#include <set>

#include "events_gold.h"

int main(int argc, char** argv) {
  std::string path = VEILLE_SOURCE_DIR "/tests/data/events/gold.tsv";
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--errors")) errors = true;
    else path = argv[i];
  }
  std::vector<veille::gold::Item> items = veille::gold::Load(path);
  veille::PipelineOptions po;
  po.language = "fr";  // one-sentence items are too short to identify
  veille::Pipeline pipeline(po);
  std::vector<std::string> report;
  auto scores = veille::gold::Evaluate(pipeline, items, errors ? &report : nullptr);
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
  for (const char* split : {"dev", "test", "all"}) {
    const auto& s = scores[split];
    fmt::print("| {} | {} | {} | {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", split, s.items, s.tp + s.fn,
               s.tp + s.fp, s.tp, s.precision(), s.recall(), s.f1(), s.tp ? double(s.polarity_ok) / s.tp : 0.0);
  }
  return 0;
}
