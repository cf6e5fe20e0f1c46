// `veille explain "SENTENCE"`: why the coder coded (or did not code) a sentence.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>

#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "pipeline/pipeline.h"

namespace veille::cli {

CLI::App* AddExplainCommand(CLI::App& app, ExplainOptions& o) {
  CLI::App* c = app.add_subcommand(
      "explain",
      "Code one French sentence (or short text) and print the tokens with their tags and lemmas, the entities, "
      "every pattern that matched, the source and target chosen and why, the polarity and the events.");
  c->add_option("text", o.text, "The sentence, in quotes")->required();
  c->add_option("--date", o.date, "Document date YYYY-MM-DD (decides who held which office)");
  c->add_flag("--detect-language", o.detect_language,
              "Identify the language instead of assuming French (one sentence is often too short to identify)");
  c->footer(R"(Example:
  veille explain "La Russie et le Venezuela ont signé mercredi un accord de coopération militaire." --date 2019-03-27)");
  return c;
}

int RunExplain(const ExplainOptions& o) {
  PipelineOptions po;
  if (!o.detect_language) po.language = "fr";
  Pipeline pipeline(po);
  Doc doc;
  doc.id = "explain";
  doc.source = "command line";
  doc.format = "txt";
  doc.original = o.text;
  doc.text = o.text;
  if (!o.date.empty()) {
    doc.date = o.date;
    doc.date_source = "metadata";
  }
  std::vector<std::string> trace;
  pipeline.Run(doc, &trace);
  fmt::print("text: {}\n", doc.text);
  fmt::print("language: {} ({:.2f}); date: {}\n", doc.lang, doc.lang_score, doc.date ? *doc.date : "unknown");
  if (!doc.is_french()) {
    fmt::print("not French: the French stages did not run\n");
    return kExitOk;
  }
  uint32_t sentence = UINT32_MAX;
  for (const Token& t : doc.tokens) {
    if (t.sentence != sentence) {
      sentence = t.sentence;
      fmt::print("\nsentence {} tokens:\n ", sentence);
    }
    fmt::print(" {}/{}/{}{}", t.span.of(doc.text), PosName(t.pos), t.lemma, t.feats.empty() ? "" : "/" + t.feats);
  }
  if (doc.tokens.empty()) fmt::print("\n(no sentence mentions an actor: nothing tagged)");
  fmt::print("\n\nentities:\n");
  for (const Entity& e : doc.entities)
    fmt::print("  {} -> {} [{}] actor {} via {} ({})\n", e.span.of(doc.text), e.name, e.id,
               e.actor.empty() ? "-" : e.actor, e.via, e.rule);
  fmt::print("\ncoder:\n");
  for (const std::string& line : trace) fmt::print("{}\n", line);
  fmt::print("\nevents: {}\n", doc.events.size());
  for (const Event& e : doc.events)
    fmt::print("  {} ({}) -{} {} {:+.1f}-> {} ({}) [{}] {} — {}\n", e.source.name, e.source.actor, e.code, e.plover,
               e.goldstein, e.target ? e.target->name : "-", e.target ? e.target->actor : "-", e.polarity,
               e.date ? *e.date : "", e.rule);
  return kExitOk;
}

}  // namespace veille::cli
