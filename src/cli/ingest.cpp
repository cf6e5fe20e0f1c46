// veille ingest: extract, then keep everything in the corpus database.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <memory>

#include "cli/process.h"
#include "cli/progress.h"
#include "cli/subcommands.h"
#include "dedup/dedup.h"
#include "output/contract.h"
#include "store/database.h"
#include "store/replay.h"
#include "store/writer.h"

namespace veille::cli {

CLI::App* AddIngestCommand(CLI::App& app, IngestOptions& o) {
  CLI::App* c = app.add_subcommand("ingest", "Extract documents as `extract` does and store them, with every "
                                             "annotation and their contract line, in the corpus database. "
                                             "Documents already stored (same original bytes) are passed over.");
  c->add_option("paths", o.inputs, "Files or directories (recursive) to read, or - for stdin (as for extract)")
      ->required();
  c->add_option("--db", o.db, "The database file (created when missing)");
  c->add_option("--batch", o.batch, "Documents per transaction (an interruption loses at most one batch, "
                                    "which a re-run writes again)")
      ->check(CLI::Range(1, 100000));
  c->add_option("--max-doc-size", o.max_doc_mb, "Skip (with an error) documents larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  c->add_flag("--no-dedup", o.no_dedup,
              "Do not look for near-duplicates and stories (dup_of and story stay null). Otherwise the documents "
              "already stored are indexed first, so new ones are compared with the whole corpus");
  c->add_flag("--no-clean", o.no_clean, "Keep the reader's text as is (no noise removal, no normalisation)");
  c->add_flag("-q,--quiet", o.quiet, "Print nothing but fatal errors (the exit code still tells)");
  return c;
}

int RunIngest(const IngestOptions& o) {
  try {
    store::Database db(o.db, store::Database::Mode::kReadWrite);
    store::Writer writer(db, o.batch);
    PipelineOptions po;
    po.clean = !o.no_clean;
    Pipeline pipeline(po);
    Diagnostics diag;
    diag.set_quiet(o.quiet);
    ReadOptions ro;
    ro.max_doc_bytes = o.max_doc_mb << 20;
    // Near-duplicates and stories depend on every earlier document: replay the stored
    // ones, in ingest order, so a resumed or later ingest decides as one run would.
    std::unique_ptr<DuplicateIndex> dedup;
    if (!o.no_dedup) {
      dedup = std::make_unique<DuplicateIndex>();
      store::ForEachStoredDoc(db, {.text = true, .entities = true}, [&](Doc& d) { dedup->Add(d); });
    }

    size_t total = 0;
    for (const std::string& path : o.inputs) total += InputSize(path);
    Progress progress(total, !o.quiet && isatty(STDERR_FILENO));
    size_t added = 0, present = 0;
    std::string hash, contract;
    DocHandlers handlers;
    handlers.before = [&](const Doc& doc) {
      progress.Read(doc);
      hash = store::ContentHash(doc.original);
      if (writer.Contains(hash)) {
        ++present;
        progress.Update(fmt::format("{} new", added));
        return false;
      }
      return true;
    };
    handlers.after = [&](Doc& doc) {
      if (dedup) dedup->Add(doc);
      contract.clear();
      AppendContractJson(doc, &contract);
      if (writer.Add(doc, hash, contract)) ++added;
      else ++present;
      progress.Update(fmt::format("{} new", added));
      return true;
    };
    ProcessInputs(o.inputs, ro, pipeline, diag, handlers);
    writer.Commit();
    progress.Finish();
    if (!o.quiet) {
      if (progress.live())
        fmt::print(stderr, "veille: {} documents into {}: {} new, {} already present ({:.1f} s)\n",
                   progress.docs(), o.db, added, present, progress.seconds());
      fmt::print(stderr, "ingest: files={} docs={} new={} present={} errors={} warnings={} seconds={:.2f}\n",
                 progress.files(), progress.docs(), added, present, diag.errors(), diag.warnings(),
                 progress.seconds());
    }
    return diag.ExitCode();
  } catch (const store::StoreError& e) {
    fmt::print(stderr, "veille: {}\n", e.what());
    return kExitFatal;
  }
}

}  // namespace veille::cli
