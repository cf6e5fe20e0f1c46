// veille clean: the cleaned text, or (--diff) what was removed and why.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "cli/subcommands.h"
#include "clean/cleaner.h"
#include "ingest/reader.h"

namespace veille::cli {
namespace {

// Prints the original with removed pieces marked [-...-]{why rule}.
void PrintDiff(const Doc& doc, bool color) {
  const char* red = color ? "\x1b[31m" : "";
  const char* dim = color ? "\x1b[2m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  fmt::print("=== {} ({} bytes in, {} bytes out, {} removals)\n", doc.id, doc.original.size(), doc.text.size(),
             doc.removed.size());
  uint32_t pos = 0;
  const std::string& s = doc.original;
  for (const Removal& r : doc.removed) {
    if (r.span.start < pos) continue;  // nested in an earlier removal (HTML)
    fmt::print("{}", std::string_view(s).substr(pos, r.span.start - pos));
    fmt::print("{}[-{}-]{}{}{{{} {}}}{}", red, std::string_view(s).substr(r.span.start, r.span.size()), reset, dim,
               RemovalReasonName(r.why), r.rule, reset);
    pos = r.span.end;
  }
  fmt::print("{}\n", std::string_view(s).substr(std::min<size_t>(pos, s.size())));
}

}  // namespace

CLI::App* AddCleanCommand(CLI::App& app, CleanOptions& o) {
  CLI::App* c = app.add_subcommand("clean", "Print the cleaned text of documents; with --diff, the original with "
                                            "every removed piece marked [-...-]{why rule}.");
  c->add_option("paths", o.inputs, "Files or directories, or - for stdin")->required();
  c->add_flag("--diff", o.diff, "Show the original text with the removed pieces marked");
  c->add_flag("--color", o.color, "Colour the marks even when stdout is not a terminal");
  c->add_flag("--no-color", o.no_color, "Never colour");
  return c;
}

int RunClean(const CleanOptions& o) {
  Cleaner cleaner;
  Diagnostics diag;
  bool color = !o.no_color && (o.color || isatty(STDOUT_FILENO));
  for (const std::string& path : o.inputs) {
    ReadInput(path, ReadOptions(), diag, [&](Doc&& doc) {
      cleaner.Run(doc);
      if (o.diff) {
        PrintDiff(doc, color);
      } else {
        fmt::print("=== {}\n{}\n", doc.id, doc.text);
      }
    });
  }
  return diag.ExitCode();
}

}  // namespace veille::cli
