// veille entities: the entities of documents, with why each was linked.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/subcommands.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace veille::cli {

CLI::App* AddEntitiesCommand(CLI::App& app, EntitiesOptions& o) {
  CLI::App* c = app.add_subcommand("entities", "Print the people, states and organisations found in documents, "
                                               "their canonical actor and why each was linked (the rule or "
                                               "dictionary line).");
  c->add_option("paths", o.inputs, "Files or directories, or - for stdin")->required();
  return c;
}

int RunEntities(const EntitiesOptions& o) {
  Pipeline pipeline;
  Diagnostics diag;
  for (const std::string& path : o.inputs) {
    ReadInput(path, ReadOptions(), diag, [&](Doc&& doc) {
      pipeline.Run(doc);
      fmt::print("=== {} (lang {}, date {}{})\n", doc.id, doc.lang, doc.date.value_or("unknown"),
                 doc.date_source ? ", " + *doc.date_source : "");
      if (!doc.is_french()) {
        fmt::print("  (not French: entities are linked in French documents only)\n");
        return;
      }
      for (const Entity& e : doc.entities) {
        fmt::print("  {:>6}-{:<6} {:<28} {:<3} {:<28} {:<8} via {:<8} {}\n", e.span.start, e.span.end,
                   fmt::format("\"{}\"", e.span.of(doc.text)), e.type, e.id, e.actor.empty() ? "-" : e.actor, e.via,
                   e.rule);
      }
    });
  }
  return diag.ExitCode();
}

}  // namespace veille::cli
