// veille export: the corpus database out again.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "cli/rows.h"
#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "output/gdelt.h"
#include "store/query.h"
#include "store/replay.h"

namespace veille::cli {

CLI::App* AddExportCommand(CLI::App& app, ExportOptions& o) {
  CLI::App* c = app.add_subcommand("export",
                                   "Write the corpus database to stdout: jsonl = each document's extract contract "
                                   "line, exactly as extract wrote it, in ingest order; csv = one row per event mention; gdelt = the "
                                   "GDELT 2.0 event table, one row per event with its mentions merged across the "
                                   "articles of a story (as extract --format gdelt).");
  c->add_option("--db", o.db, "The database file");
  c->add_option("--format", o.format, "Output format")->check(CLI::IsMember({"jsonl", "csv", "gdelt"}));
  return c;
}

int RunExport(const ExportOptions& o) {
  try {
    store::Database db(o.db, store::Database::Mode::kReadOnly);
    if (o.format == "csv") {
      store::Statement st = store::FindEvents(db, {});
      RowPrintOptions po;
      po.format = RowFormat::kCsv;
      PrintRows(st, po, stdout);
    } else if (o.format == "gdelt") {
      GdeltTable table;
      store::ForEachStoredDoc(db, {.events = true}, [&](Doc& d) { table.Add(d); });
      std::string rows;
      table.Write(&rows);
      std::fwrite(rows.data(), 1, rows.size(), stdout);
    } else {
      std::string buf;
      store::ExportContracts(db, [&](std::string_view line) {
        buf.append(line);
        buf.push_back('\n');
        if (buf.size() >= (1u << 20)) {
          std::fwrite(buf.data(), 1, buf.size(), stdout);
          buf.clear();
        }
      });
      std::fwrite(buf.data(), 1, buf.size(), stdout);
    }
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      fmt::print(stderr, "veille: cannot write stdout: {}\n", std::strerror(errno));
      return kExitFatal;
    }
    return kExitOk;
  } catch (const store::StoreError& e) {
    fmt::print(stderr, "veille: {}\n", e.what());
    return kExitFatal;
  }
}

}  // namespace veille::cli
