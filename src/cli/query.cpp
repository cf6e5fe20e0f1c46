// veille query: search the corpus database.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/rows.h"
#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "store/query.h"

namespace veille::cli {

CLI::App* AddQueryCommand(CLI::App& app, QueryOptions& o) {
  CLI::App* c = app.add_subcommand(
      "query",
      "Search the corpus database. With only --text: documents (best first, with a snippet). With an event "
      "filter (--actor, --source, --target, --code, --root, --polarity, --events): events, by date; --text then "
      "restricts them to matching documents. With --quotes or --speaker: quotations. Actors are given by id "
      "(country:RUS), name (Russie) or CAMEO code (RUS matches RUSGOV).");
  c->add_option("--db", o.db, "The database file");
  c->add_option("--text", o.text, "Words that must all occur (French stemming, accents and case ignored)");
  c->add_option("--actor", o.actor, "Events whose source or target is this actor");
  c->add_option("--source", o.source, "Events whose source is this actor");
  c->add_option("--target", o.target, "Events whose target is this actor");
  c->add_option("--code", o.code, "Events with this CAMEO code or code prefix (0312, 03)");
  c->add_option("--root", o.root, "Events with this CAMEO root code (03)");
  c->add_option("--polarity", o.polarity, "Events with this polarity")
      ->check(CLI::IsMember({"asserted", "negated", "hypothetical", "denied", "reported"}));
  c->add_option("--from", o.from, "From this date on (YYYY, YYYY-MM or YYYY-MM-DD; event date, else document's)");
  c->add_option("--to", o.to, "Up to this date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)");
  c->add_flag("--events", o.events, "List events (all of them when no other filter is given)");
  c->add_flag("--quotes", o.quotes, "List quotations");
  c->add_option("--speaker", o.speaker, "Quotations by this speaker (id, name, CAMEO code or the words naming them)");
  c->add_option("--limit", o.limit, "At most this many results");
  c->add_option("--format", o.format, "Output format (default: table on a terminal, else jsonl)")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}));
  return c;
}

int RunQuery(const QueryOptions& o) {
  if (!o.text.empty() && o.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fmt::print(stderr, "veille: --text needs at least one word\n");
    return kExitUsage;
  }
  store::Filter f;
  f.text = o.text;
  f.actor = o.actor;
  f.source = o.source;
  f.target = o.target;
  f.code = o.code;
  f.root = o.root;
  f.polarity = o.polarity;
  f.from = o.from;
  f.to = o.to;
  f.speaker = o.speaker;
  f.limit = o.limit;
  const bool event_filter = o.events || !o.actor.empty() || !o.source.empty() || !o.target.empty() ||
                            !o.code.empty() || !o.root.empty() || !o.polarity.empty();
  const bool quotes = o.quotes || !o.speaker.empty();
  if (quotes && event_filter) {
    fmt::print(stderr, "veille: --quotes/--speaker cannot be combined with event filters\n");
    return kExitUsage;
  }
  try {
    store::Database db(o.db, store::Database::Mode::kReadOnly);
    store::Statement st = quotes                          ? store::FindQuotes(db, f)
                          : !o.text.empty() && !event_filter ? store::SearchDocuments(db, f)
                                                             : store::FindEvents(db, f);
    RowPrintOptions po;
    po.format = ChooseRowFormat(o.format, stdout);
    size_t n = PrintRows(st, po, stdout);
    if (n == 0 && po.format == RowFormat::kTable) fmt::print(stderr, "veille: nothing found\n");
    return kExitOk;
  } catch (const store::StoreError& e) {
    fmt::print(stderr, "veille: {}\n", e.what());
    return kExitFatal;
  }
}

}  // namespace veille::cli
