// dedup_eval: quality and scaling of near-duplicate and story detection (src/dedup/).
//
//   dedup_eval --gold tests/data/dedup
//       pair precision/recall/F1 of duplicates and stories against gold.tsv, next to two
//       baselines measured in the same run (exact copies of the folded text; stories as
//       "same date window and a shared person").
//   dedup_eval --scale 1000,10000,100000 PATH...
//       reads documents in order, runs the whole pipeline on each (not timed), then times
//       DuplicateIndex::Add (thread CPU time); at each size prints the time and memory of the index.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

#include "core/diagnostics.h"
#include "dedup/dedup.h"
#include "dedup/gold.h"
#include "dedup/words.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace veille {
namespace {

struct Stop {};  // thrown to stop reading once enough documents are in

// Days since the epoch of "YYYY-MM-DD" (for the baseline), or -1e9.
long Day(const std::optional<std::string>& d) {
  if (!d || d->size() < 10) return -1000000000;
  int y = std::stoi(d->substr(0, 4)), m = std::stoi(d->substr(5, 2)), day = std::stoi(d->substr(8, 2));
  return y * 372L + m * 31 + day;  // monotonic, exact within a month (enough for a baseline)
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) { return parent[x] == x ? x : parent[x] = Find(parent[x]); }
  void Join(size_t a, size_t b) { parent[std::max(Find(a), Find(b))] = std::min(Find(a), Find(b)); }
};

void Row(const char* what, const char* method, const dedup::PairScore& s) {
  fmt::print("| {} | {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", what, method, s.gold_pairs, s.predicted_pairs,
             s.precision(), s.recall(), s.f1());
}

int Gold(const std::string& dir) {
  dedup::Gold gold = dedup::ReadGold(dir + "/gold.tsv");
  Pipeline pipeline;
  DuplicateIndex index;
  DedupParams params = DedupParams::Load();
  Diagnostics diag;
  std::vector<Doc> docs;
  ReadInput(dir + "/docs.jsonl", ReadOptions{}, diag, [&](Doc&& d) {
    pipeline.Run(d);
    index.Add(d);
    docs.push_back(std::move(d));
  });
  std::map<std::string, std::string> dup, story, exact, base_story;
  // Baselines: identical folded word sequences; same date window and a shared person.
  std::map<std::vector<uint64_t>, std::string> seen;
  UnionFind uf(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    const Doc& d = docs[i];
    dup[d.id] = d.dup_of.value_or(d.id);
    story[d.id] = d.story.value_or(d.id);
    std::vector<dedup::Word> words;
    dedup::FoldWords(d.text, &words);
    std::vector<uint64_t> key;
    for (const auto& w : words) key.push_back(w.hash);
    exact[d.id] = seen.emplace(key, d.id).first->second;
    for (size_t j = 0; j < i; ++j) {
      if (std::labs(Day(docs[j].date) - Day(d.date)) > params.story_window_days) continue;
      std::set<std::string> people;
      for (const Entity& e : docs[j].entities)
        if (e.type == "PER") people.insert(e.id);
      for (const Entity& e : d.entities)
        if (e.type == "PER" && people.count(e.id)) uf.Join(i, j);
    }
  }
  for (size_t i = 0; i < docs.size(); ++i) base_story[docs[i].id] = docs[uf.Find(i)].id;

  fmt::print("{} documents, {} duplicate pairs and {} story pairs in the gold\n\n", docs.size(),
             dedup::ScorePairs(gold.original, gold.original).gold_pairs,
             dedup::ScorePairs(gold.story, gold.story).gold_pairs);
  fmt::print("| what | method | gold pairs | found pairs | precision | recall | F1 |\n|---|---|---:|---:|---:|---:|---:|\n");
  Row("duplicates", "veille (MinHash + LSH)", dedup::ScorePairs(gold.original, dup));
  Row("duplicates", "baseline: identical folded text", dedup::ScorePairs(gold.original, exact));
  Row("stories", "veille (term sketches, date window)", dedup::ScorePairs(gold.story, story));
  Row("stories", "baseline: date window + shared person", dedup::ScorePairs(gold.story, base_story));
  return 0;
}

// CPU time of this thread: the machine is shared, wall time would count the neighbours.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

long PeakRssKiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int Scale(std::vector<size_t> sizes, const std::vector<std::string>& paths) {
  std::sort(sizes.begin(), sizes.end());
  Pipeline pipeline;
  DuplicateIndex index;
  Diagnostics diag;
  diag.set_quiet(true);
  double seconds = 0;
  size_t next = 0, bytes = 0;
  fmt::print("| documents | index CPU time (s) | µs/doc | candidates/doc | index memory (MB) | bytes/doc | "
             "duplicates | stories |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  auto report = [&] {
    size_t n = index.size();
    fmt::print("| {} | {:.2f} | {:.1f} | {:.1f} | {:.1f} | {:.0f} | {} | {} |\n", n, seconds, seconds * 1e6 / n,
               double(index.stats().candidates) / n, index.MemoryBytes() / 1e6, double(index.MemoryBytes()) / n,
               index.stats().duplicates, index.stats().stories);
    std::fflush(stdout);
  };
  try {
    for (const std::string& path : paths)
      ReadInput(path, ReadOptions{}, diag, [&](Doc&& d) {
        pipeline.Run(d);
        bytes += d.text.size();
        double t0 = CpuSeconds();
        index.Add(d);
        seconds += CpuSeconds() - t0;
        if (index.size() == sizes[next]) {
          report();
          if (++next == sizes.size()) throw Stop{};
        }
      });
  } catch (const Stop&) {
  }
  if (next < sizes.size()) {
    fmt::print(stderr, "dedup_eval: only {} documents in the input\n", index.size());
    report();
  }
  fmt::print("\n{:.1f} KB of text per document on average; peak RSS of the process {:.0f} MB\n",
             bytes / 1e3 / std::max<size_t>(1, index.size()), PeakRssKiB() / 1024.0);
  return 0;
}

}  // namespace
}  // namespace veille

int main(int argc, char** argv) {
  CLI::App app{"dedup_eval: quality and scaling of veille's near-duplicate and story detection"};
  std::string gold;
  std::vector<size_t> sizes;
  std::vector<std::string> paths;
  app.add_option("--gold", gold, "Directory with docs.jsonl and gold.tsv (tests/data/dedup)");
  std::string scale;
  app.add_option("--scale", scale, "Index sizes to report, comma-separated (1000,10000,100000)");
  app.add_option("paths", paths, "Inputs for --scale (files or directories, as for veille extract)");
  CLI11_PARSE(app, argc, argv);
  for (size_t start = 0; start < scale.size();) {
    size_t comma = std::min(scale.find(',', start), scale.size());
    sizes.push_back(std::stoul(scale.substr(start, comma - start)));
    start = comma + 1;
  }
  try {
    if (!gold.empty()) return veille::Gold(gold);
    if (!sizes.empty() && !paths.empty()) return veille::Scale(sizes, paths);
  } catch (const std::exception& e) {
    fmt::print(stderr, "dedup_eval: {}\n", e.what());
    return 2;
  }
  fmt::print(stderr, "dedup_eval: give --gold DIR or --scale N,... PATH...\n");
  return 2;
}
