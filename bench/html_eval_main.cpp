// html_eval: quality of the HTML main-content extractor against gold bodies.
//
//   html_eval DIR [--out OUTDIR] [--show PAGE.html]
//
// For every DIR/NAME.html that has a DIR/NAME.gold.txt, extracts the page and
// prints token-level precision, recall and F1 (bag of lowercased word tokens,
// multiset overlap), then the macro averages. --out writes each extracted text
// to OUTDIR/NAME.veille.txt (bench/html_eval.py reads them to compare with
// readability); --show prints the text and metadata of one page.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/body_overlap.h"
#include "ingest/html_extract.h"

namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Show(const fs::path& page) {
  std::string html = ReadFile(page);
  veille::HtmlPage p = veille::ExtractHtml(html);
  std::printf("title: %s\ndate:  %s\nurl:   %s\nlang:  %s\n---\n%s\n---\n",
              p.title.value_or("-").c_str(), p.date.value_or("-").c_str(),
              p.url.value_or("-").c_str(), p.lang.value_or("-").c_str(), p.text.c_str());
  for (const auto& r : p.removed)
    if (r.why == veille::RemovalReason::kBoilerplate)
      std::printf("removed %u-%u %s\n", r.span.start, r.span.end, r.rule.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: html_eval DIR [--out OUTDIR] [--show PAGE.html]\n");
    return 2;
  }
  fs::path dir = argv[1];
  fs::path out_dir;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--out") out_dir = argv[i + 1];
    else if (flag == "--show") {
      Show(argv[i + 1]);
      return 0;
    } else {
      std::fprintf(stderr, "unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  if (!out_dir.empty()) fs::create_directories(out_dir);

  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".html") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());

  veille::BodyOverlap sum;
  int n = 0;
  double seconds = 0;
  size_t bytes = 0;
  std::printf("%-32s %6s %6s %6s\n", "page", "P", "R", "F1");
  for (const fs::path& page : pages) {
    fs::path gold_path = page;
    gold_path.replace_extension(".gold.txt");
    if (!fs::exists(gold_path)) continue;
    std::string html = ReadFile(page);
    auto t0 = std::chrono::steady_clock::now();
    veille::HtmlPage p = veille::ExtractHtml(html);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += html.size();
    if (!out_dir.empty()) {
      std::ofstream(out_dir / (page.stem().string() + ".veille.txt"), std::ios::binary) << p.text;
    }
    veille::BodyOverlap s = veille::CompareBodies(p.text, ReadFile(gold_path));
    std::printf("%-32s %6.3f %6.3f %6.3f\n", page.stem().string().c_str(), s.precision, s.recall, s.f1);
    sum.precision += s.precision;
    sum.recall += s.recall;
    sum.f1 += s.f1;
    ++n;
  }
  if (n == 0) {
    std::fprintf(stderr, "no NAME.html + NAME.gold.txt pairs in %s\n", dir.c_str());
    return 1;
  }
  std::printf("%-32s %6.3f %6.3f %6.3f\n", "macro", sum.precision / n, sum.recall / n, sum.f1 / n);
  std::printf("pages %d, %.1f KiB, %.2f ms/page\n", n, bytes / 1024.0, 1000 * seconds / n);
  return 0;
}
