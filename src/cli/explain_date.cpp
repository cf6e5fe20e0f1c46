// veille explain-date: the document date of each document and why (the input's, or
// inferred from the text: the weekday-date evidence, the candidate years, the dated
// facts about people in office, the choice).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/subcommands.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace veille::cli {

CLI::App* AddExplainDateCommand(CLI::App& app, ExplainDateOptions& o) {
  CLI::App* c = app.add_subcommand(
      "explain-date",
      "Print each document's date and where it comes from: the input's metadata, or inferred from the text (a "
      "weekday tied to a day of the month, the years where they agree, explicit years, people named with the "
      "office they held), and the time expressions resolved against it.");
  c->add_option("paths", o.inputs, "Files or directories, or - for stdin")->required();
  c->add_flag("--ignore-metadata", o.ignore_metadata,
              "Drop the date the input gives and infer it from the text (to check the inference)");
  c->footer(R"(Example:
  veille explain-date --ignore-metadata samples/articles/004-riabkov-navires-cuba.txt)");
  return c;
}

int RunExplainDate(const ExplainDateOptions& o) {
  Pipeline pipeline;
  Diagnostics diag;
  for (const std::string& path : o.inputs) {
    ReadInput(path, ReadOptions(), diag, [&](Doc&& doc) {
      std::optional<std::string> given = doc.date;
      if (o.ignore_metadata) doc.date.reset(), doc.date_source.reset();
      std::vector<std::string> trace;
      pipeline.Run(doc, nullptr, &trace);
      fmt::print("=== {}: {}{}\n", doc.id, doc.date.value_or("no date"),
                 doc.date_source ? " (" + *doc.date_source + ")" : "");
      if (o.ignore_metadata && given) fmt::print("  the input gave: {}\n", *given);
      if (!doc.is_french()) {
        fmt::print("  (not French: dates are read in French documents only)\n");
        return;
      }
      for (const std::string& line : trace) fmt::print("  {}\n", line);
      if (!doc.timex.empty()) fmt::print("  time expressions:\n");
      for (const Timex& t : doc.timex)
        fmt::print("    {:>6}-{:<6} {:<32} {:<10} {:<8} {}\n", t.span.start, t.span.end,
                   fmt::format("\"{}\"", t.span.of(doc.text)), t.value.empty() ? "?" : t.value, t.anchor, t.rule);
    });
  }
  return diag.ExitCode();
}

}  // namespace veille::cli
