// Time expression quality: precision and recall of recognition (the expression's text)
// and of normalisation (text, value and anchor) over the hand-written cases of
// tests/data/time/cases.tsv, and the document dates inferred on ../shared/corpus/seeds.
//   time_eval [--cases FILE] [--dump]   (--dump: one line per case, TSV, for peers)
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/dict_file.h"
#include "pipeline/pipeline.h"
#include "time/timex.h"

namespace {

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (size_t at; (at = s.find(sep, start)) != std::string::npos; start = at + sep.size())
    out.push_back(s.substr(start, at - start));
  out.push_back(s.substr(start));
  return out;
}

struct Counts {
  size_t expected = 0, found = 0, right = 0;
  double p() const { return found ? double(right) / found : 0; }
  double r() const { return expected ? double(right) / expected : 0; }
  double f() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

// Matches as multisets: each expected item is used once.
size_t Matches(std::vector<std::string> want, const std::vector<std::string>& got) {
  size_t n = 0;
  for (const std::string& g : got) {
    auto it = std::find(want.begin(), want.end(), g);
    if (it != want.end()) ++n, want.erase(it);
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string cases = VEILLE_SOURCE_DIR "/tests/data/time/cases.tsv";
  bool dump = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--cases" && i + 1 < argc) cases = argv[++i];
    else if (a == "--dump") dump = true;
    else {
      fmt::print(stderr, "usage: time_eval [--cases FILE] [--dump]\n");
      return 2;
    }
  }
  const veille::TimeTagger tagger = veille::TimeTagger::Load();
  std::ifstream in(cases);
  if (!in) {
    fmt::print(stderr, "time_eval: cannot read {}\n", cases);
    return 2;
  }
  Counts spans, values, full;
  size_t n = 0, exact = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, "\t");
    if (f.size() != 3) continue;
    veille::Doc doc;
    doc.text = f[0];
    if (f[1] != "-") doc.date = f[1], doc.date_source = "metadata";
    tagger.Run(doc, "2026-11-23");
    std::vector<std::string> want_text, want_value, want_full, got_text, got_value, got_full;
    for (const std::string& w : Split(f[2], " ; ")) {
      std::vector<std::string> parts = Split(w, "|");
      want_text.push_back(parts[0]);
      want_value.push_back(parts[0] + "|" + parts[1]);
      want_full.push_back(w);
    }
    std::string got_line;
    for (const veille::Timex& t : doc.timex) {
      std::string text(t.span.of(doc.text));
      got_text.push_back(text);
      got_value.push_back(text + "|" + t.value);
      got_full.push_back(text + "|" + t.value + "|" + t.anchor);
      got_line += (got_line.empty() ? "" : " ; ") + got_full.back();
    }
    if (dump) fmt::print("{}\t{}\t{}\n", f[0], f[1], got_line);
    ++n;
    exact += got_line == f[2];
    spans.expected += want_text.size(), spans.found += got_text.size(), spans.right += Matches(want_text, got_text);
    values.expected += want_value.size(), values.found += got_value.size(), values.right += Matches(want_value, got_value);
    full.expected += want_full.size(), full.found += got_full.size(), full.right += Matches(want_full, got_full);
  }
  if (dump) return 0;
  fmt::print("{} cases, {} with every expression exactly as expected\n\n", n, exact);
  fmt::print("| measure | expected | found | right | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
  for (auto [name, c] : {std::pair{"recognition (text)", spans}, std::pair{"normalisation (text, value)", values},
                         std::pair{"normalisation (text, value, anchor)", full}})
    fmt::print("| {} | {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", name, c.expected, c.found, c.right, c.p(), c.r(),
               c.f());

  // Document dates inferred from the text of the seed articles (no metadata given).
  std::filesystem::path seeds = std::filesystem::path(VEILLE_SOURCE_DIR) / ".." / "shared" / "corpus" / "seeds";
  if (std::filesystem::is_directory(seeds)) {
    veille::PipelineOptions po;
    po.language = "fr";
    po.today = "2026-11-23";
    veille::Pipeline pipeline(po);
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(seeds)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    fmt::print("\nDocument dates inferred from the text ({}):\n", seeds.string());
    for (const auto& p : files) {
      std::ifstream f(p, std::ios::binary);
      std::stringstream ss;
      ss << f.rdbuf();
      veille::Doc doc;
      doc.text = ss.str();
      pipeline.Run(doc);
      fmt::print("  {}: {}\n", p.stem().string(), doc.date.value_or("none"));
    }
  }
  return 0;
}
