// veille timeline: what happened between two actors, month by month.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/rows.h"
#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "store/query.h"

namespace veille::cli {

CLI::App* AddTimelineCommand(CLI::App& app, TimelineOptions& o) {
  CLI::App* c = app.add_subcommand("timeline",
                                   "The dated events between two actors (either direction), or involving one, "
                                   "then the number of events and the Goldstein total by month.");
  c->add_option("actors", o.actors, "One or two actors: id (country:RUS), name (Russie) or CAMEO code (RUS)")
      ->required()
      ->expected(1, 2);
  c->add_option("--db", o.db, "The database file");
  c->add_option("--format", o.format, "Output format (default: table on a terminal, else jsonl with a "
                                      "\"kind\" of event or month)")
      ->check(CLI::IsMember({"table", "jsonl"}));
  return c;
}

int RunTimeline(const TimelineOptions& o) {
  const std::string& a = o.actors[0];
  const std::string b = o.actors.size() > 1 ? o.actors[1] : "";
  try {
    store::Database db(o.db, store::Database::Mode::kReadOnly);
    RowPrintOptions po;
    po.format = ChooseRowFormat(o.format, stdout);
    const bool table = po.format == RowFormat::kTable;
    po.kind = "event";
    store::Statement count = store::TimelineMonths(db, a, b);
    if (!count.Step()) {
      fmt::print(stderr, "veille: no dated events {}\n", b.empty() ? "involving " + a : "between " + a + " and " + b);
      return kExitOk;
    }
    if (table) fmt::print("Events {}{}\n\n", a, b.empty() ? "" : fmt::format(" ↔ {}", b));
    store::Statement events = store::TimelineEvents(db, a, b);
    PrintRows(events, po, stdout);
    if (table) fmt::print("\nBy month\n\n");
    po.kind = "month";
    store::Statement months = store::TimelineMonths(db, a, b);
    PrintRows(months, po, stdout);
    return kExitOk;
  } catch (const store::StoreError& e) {
    fmt::print(stderr, "veille: {}\n", e.what());
    return kExitFatal;
  }
}

}  // namespace veille::cli
