// veille-tag-bench: single-core speed of the French tokenizer and POS tagger.
//
// Reads PATH... (any input veille reads), runs the pipeline up to sentence segmentation once,
// keeps the French documents in memory (up to --max-mb of text), then times, best of
// --repeat runs (thread CPU time): the tokenizer alone over every sentence, and Tagger::Run (tokenize + tag +
// lemmatize) over every document. Prints tokens/s and MB/s of text.
#include <CLI/CLI.hpp>
#include <sys/resource.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/doc.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "syntax/tagger.h"
#include "syntax/tokenizer.h"

namespace {

// CPU time of this thread: on a shared machine, less sensitive to other processes than wall time.
double Now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace veille;
  CLI::App app{"veille-tag-bench: tokens/s of the French tokenizer and POS tagger on one core"};
  std::vector<std::string> paths;
  int repeat = 3;
  double max_mb = 50;
  std::string model;
  app.add_option("paths", paths, "Files or directories veille reads")->required();
  app.add_option("--repeat", repeat, "Runs per measure (the best is reported)")->capture_default_str();
  app.add_option("--max-mb", max_mb, "Stop reading after this much French text (MB)")->capture_default_str();
  app.add_option("--model", model, "Model file (default: the bundled dict/models/fr-tagger.bin)");
  CLI11_PARSE(app, argc, argv);

  PipelineOptions po;
  po.stop = PipelineOptions::Stop::kAfterSegment;
  Pipeline pipeline(po);
  double t0 = Now();
  Tagger tagger = model.empty() ? Tagger::Load() : Tagger::LoadFrom(model);
  Tokenizer tokenizer = Tokenizer::Load();
  double setup = Now() - t0;
  std::vector<Doc> docs;
  size_t bytes = 0, sentences = 0;
  Diagnostics diag;
  diag.set_quiet(true);
  for (const std::string& path : paths) {
    if (bytes > max_mb * 1e6) break;
    ReadInput(path, ReadOptions(), diag, [&](Doc&& doc) {
      if (bytes > max_mb * 1e6) return;
      pipeline.Run(doc);
      if (!doc.is_french()) return;
      bytes += doc.text.size();
      sentences += doc.sentences.size();
      docs.push_back(std::move(doc));
    });
  }
  double best_tok = 1e30, best_tag = 1e30;
  size_t tokens = 0;
  std::vector<Span> spans;
  for (int r = 0; r < repeat; r++) {
    double start = Now();
    size_t n = 0;
    for (const Doc& d : docs)
      for (const Span& s : d.sentences) {
        spans.clear();
        tokenizer.Tokenize(d.text, s, &spans);
        n += spans.size();
      }
    best_tok = std::min(best_tok, Now() - start);
    start = Now();
    size_t m = 0;
    for (Doc& d : docs) {
      d.tokens.clear();
      tagger.Run(d);
      m += d.tokens.size();
    }
    best_tag = std::min(best_tag, Now() - start);
    tokens = m;
    if (n != m) fmt::print(stderr, "warning: {} tokens from the tokenizer, {} from the tagger\n", n, m);
  }
  fmt::print("{} French documents, {} sentences, {} tokens, {:.1f} MB of text; model load {:.0f} ms\n", docs.size(),
             sentences, tokens, bytes / 1e6, setup * 1e3);
  fmt::print("{:<34} {:>12} {:>10}\n", "measure (one core, best of " + std::to_string(repeat) + ")", "tokens/s",
             "MB/s");
  fmt::print("{:<34} {:>12.0f} {:>10.1f}\n", "tokenizer", tokens / best_tok, bytes / 1e6 / best_tok);
  fmt::print("{:<34} {:>12.0f} {:>10.1f}\n", "tokenize + tag + lemmatize", tokens / best_tag,
             bytes / 1e6 / best_tag);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  fmt::print("peak RSS {:.0f} MB (the documents held in memory included)\n", ru.ru_maxrss / 1024.0);
  return 0;
}
