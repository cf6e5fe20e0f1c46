// veille extract: the main job.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "cli/process.h"
#include "cli/subcommands.h"
#include "dedup/dedup.h"
#include "output/contract.h"
#include "output/gdelt.h"

namespace veille::cli {
namespace {

// Buffered writer that remembers the first error.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {
    f_ = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
    if (!f_) error_ = fmt::format("cannot write {}: {}", path, std::strerror(errno));
  }
  ~Output() { Close(); }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::string& buffer() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= (1u << 20)) Flush();
  }
  void Flush() {
    if (!f_ || buf_.empty()) return;
    if (std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size() && error_.empty())
      error_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
    buf_.clear();
  }
  void Close() {
    Flush();
    if (f_ && std::fflush(f_) != 0 && error_.empty())
      error_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
    if (f_ && f_ != stdout) std::fclose(f_);
    f_ = nullptr;
  }

 private:
  std::string path_;
  FILE* f_ = nullptr;
  std::string buf_;
  std::string error_;
};

// What a person wants to know after a run.
class Summary {
 public:
  void Add(const Doc& doc) {
    ++docs_;
    bytes_ += doc.original.size();
    ++langs_[doc.lang];
    sentences_ += doc.sentences.size();
    if (doc.date) ++dated_;
    if (doc.date_source && *doc.date_source == "inferred") ++inferred_;
    entities_ += doc.entities.size();
    timex_ += doc.timex.size();
    for (const Entity& e : doc.entities) ids_.insert(e.id);
    if (doc.dup_of) ++dups_;
    // A story is counted at its first document ("story:<id>").
    if (doc.story && doc.story->size() == doc.id.size() + 6 && doc.story->ends_with(doc.id)) ++stories_;
    for (const Removal& r : doc.removed) {
      ++removed_[RemovalReasonName(r.why)];
      removed_bytes_ += r.span.size();
    }
  }
  void Print(const std::string& output) const {
    std::string langs, removed;
    for (const auto& [lang, n] : langs_) langs += fmt::format("{}{} {}", langs.empty() ? "" : ", ", lang, n);
    for (const auto& [why, n] : removed_) removed += fmt::format("{}{} {}", removed.empty() ? "" : ", ", why, n);
    fmt::print(stderr,
               "veille: {} documents ({:.1f} KB) — languages: {}\n"
               "        {} sentences; {} documents dated ({} from their text); {} time expressions\n"
               "        {} entity mentions of {} distinct actors\n"
               "        {} near-duplicates; {} stories\n"
               "        removed {} pieces ({:.1f} KB): {}\n"
               "        output: {}\n",
               docs_, bytes_ / 1000.0, langs.empty() ? "none" : langs, sentences_, dated_, inferred_, timex_,
               entities_, ids_.size(), dups_, stories_,
               [&] { size_t n = 0; for (const auto& [w, c] : removed_) n += c; return n; }(), removed_bytes_ / 1000.0,
               removed.empty() ? "nothing" : removed, output == "-" ? "stdout" : output);
  }

 private:
  size_t docs_ = 0, bytes_ = 0, sentences_ = 0, dated_ = 0, inferred_ = 0, removed_bytes_ = 0;
  size_t entities_ = 0, timex_ = 0, dups_ = 0, stories_ = 0;
  std::set<std::string> ids_;
  std::map<std::string, size_t> langs_, removed_;
};

}  // namespace

CLI::App* AddExtractCommand(CLI::App& app, ExtractOptions& o) {
  CLI::App* c = app.add_subcommand("extract", "Read documents, clean them, split sentences and write one JSON object "
                                              "per document (the extract contract, see README.md).");
  c->add_option("paths", o.inputs,
                "Files or directories (recursive) to read, or - for stdin. Formats by extension: .txt (one "
                "document), .jsonl/.ndjson (one per line: text, id, url, title, date), .html/.htm, .warc/.warc.gz; "
                "any of them may be .gz")
      ->required();
  c->add_option("-o,--output", o.output, "Write here instead of stdout");
  c->add_option("--format", o.format,
                "jsonl: the extract contract, one JSON object per document (default); gdelt: the GDELT 2.0 event "
                "table, 61 tab-separated columns, one row per event (its mentions in the same story merged, with "
                "NumMentions, NumSources and NumArticles), written at the end")
      ->check(CLI::IsMember({"jsonl", "gdelt"}));
  c->add_option("--max-doc-size", o.max_doc_mb, "Skip (with an error) documents larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  c->add_flag("--no-dedup", o.no_dedup, "Do not look for near-duplicates and stories (dup_of and story stay null)");
  c->add_flag("--no-clean", o.no_clean, "Keep the reader's text as is (no noise removal, no normalisation)");
  c->add_flag("--summary", o.summary, "Print a short human summary on stderr at the end");
  c->add_flag("-q,--quiet", o.quiet, "Do not print warnings and errors (the exit code still tells)");
  return c;
}

int RunExtract(const ExtractOptions& o) {
  PipelineOptions po;
  po.clean = !o.no_clean;
  Pipeline pipeline(po);
  std::unique_ptr<DuplicateIndex> dedup;
  if (!o.no_dedup) dedup = std::make_unique<DuplicateIndex>();
  Diagnostics diag;
  diag.set_quiet(o.quiet);
  Output out(o.output);
  if (!out.ok()) {
    fmt::print(stderr, "veille: {}\n", out.error());
    return kExitFatal;
  }
  ReadOptions ro;
  ro.max_doc_bytes = o.max_doc_mb << 20;
  size_t docs = 0;
  Summary summary;
  GdeltTable gdelt;
  DocHandlers handlers;
  handlers.after = [&](Doc& doc) {
    if (dedup) dedup->Add(doc);
    if (o.format == "gdelt") gdelt.Add(doc);  // rows are written at the end: mentions are merged
    else AppendContractJson(doc, &out.buffer());
    summary.Add(doc);
    out.MaybeFlush();
    ++docs;
    return out.ok();
  };
  ProcessInputs(o.inputs, ro, pipeline, diag, handlers);
  gdelt.Write(&out.buffer());
  out.Close();
  if (!out.ok()) {
    fmt::print(stderr, "veille: {}\n", out.error());
    return kExitFatal;
  }
  if (o.summary) summary.Print(o.output);
  if (!o.quiet && (diag.errors() || diag.warnings()))
    fmt::print(stderr, "veille: {} document{} written; {} error{}, {} warning{}\n", docs, docs == 1 ? "" : "s",
               diag.errors(), diag.errors() == 1 ? "" : "s", diag.warnings(), diag.warnings() == 1 ? "" : "s");
  return diag.ExitCode();
}

}  // namespace veille::cli
