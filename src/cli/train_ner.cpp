// veille train-ner: trains the named-entity tagger on "token TAG" files and measures it.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "core/dict_file.h"
#include "entities/ner_data.h"
#include "entities/ner_trainer.h"

namespace veille::cli {
namespace {

std::vector<ner::NerSentence> ReadAll(const std::vector<std::string>& specs, const char* what) {
  std::vector<ner::NerSentence> all;
  for (const std::string& spec : specs) {
    size_t dropped = 0;
    std::vector<ner::NerSentence> s = ner::ReadPart(spec, &dropped);
    size_t words = 0, entities = 0;
    for (const ner::NerSentence& x : s) words += x.words.size(), entities += ner::SpansOf(x.tags).size();
    fmt::print("{} {}: {} sentences, {} words, {} entities", what, spec, s.size(), words, entities);
    if (dropped) fmt::print(" ({} noisy or short sentences dropped)", dropped);
    fmt::print("\n");
    all.insert(all.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  }
  return all;
}

void PrintRow(const std::string& name, const ner::NerScores& s) {
  fmt::print("  {:<24} {:>6.1f} {:>6.1f} {:>6.1f}   {:>6.1f} {:>6.1f} {:>6.1f}  ", name, s.typed.P(), s.typed.R(),
             s.typed.F1(), s.spans.P(), s.spans.R(), s.spans.F1());
  for (const auto& [type, p] : s.by_type) fmt::print(" {} {:.1f}", type, p.F1());
  fmt::print("\n");
}

}  // namespace

CLI::App* AddTrainNerCommand(CLI::App& app, TrainNerOptions& o) {
  CLI::App* c = app.add_subcommand(
      "train-ner",
      "Train the named-entity tagger on \"token TAG\" files (IOB1 or IOB2; PER, ORG, LOC) and write the model "
      "(default: dict/models/fr-ner.bin). Prints precision, recall and F1 of entity spans on every --eval file, "
      "with a capitalised-words baseline.");
  c->add_option("--train", o.train, "Training files; FILE@train|dev|test takes one part of the Europeana corpus")
      ->required();
  c->add_option("--eval", o.eval, "Files to measure the trained model on (same syntax)");
  c->add_option("-o,--output", o.output, "Where to write the model (default: <dict>/models/fr-ner.bin)");
  c->add_option("--iterations", o.options.iterations, "Training iterations")->capture_default_str();
  c->add_option("--seed", o.options.seed, "Seed of the sentence order")->capture_default_str();
  c->add_option("--prune", o.options.prune, "Drop averaged weights smaller than this")->capture_default_str();
  c->footer(R"(Example (the shipped model, dict/models/README.md):
  veille train-ner --train ../shared/ner/europeana-fr/enp_FR.bnf.bio@train tests/data/ner/modern-train.bio \
    --eval ../shared/ner/europeana-fr/enp_FR.bnf.bio@dev tests/data/ner/modern-dev.bio)");
  return c;
}

int RunTrainNer(const TrainNerOptions& o) {
  auto start = std::chrono::steady_clock::now();
  std::vector<ner::NerSentence> train = ReadAll(o.train, "train");
  ner::NerLexicon lexicon = ner::NerLexicon::Load();
  ner::NerModel model = ner::Train(train, lexicon, o.options, [](const std::string& line) { fmt::print("  {}\n", line); });
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("trained in {:.1f} s: {} tags, {} features, {} weights\n", seconds, model.tags.size(),
             model.weights.keys.size(), model.weights.weight.size());
  std::string output = o.output.empty() ? DictPath("models/fr-ner.bin") : o.output;
  model.Save(output);
  fmt::print("wrote {} ({} bytes)\n", output, std::filesystem::file_size(output));
  ner::NerModel loaded = ner::NerModel::Load(output);  // what will be used, validated
  for (const std::string& spec : o.eval) {
    std::vector<ner::NerSentence> gold = ReadAll({spec}, "eval");
    fmt::print("  {:<24} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   F1 by type\n", "", "P", "R", "F1", "P/span",
               "R/span", "F1/span");
    PrintRow("model", ner::Score(gold, ner::Predict(loaded, lexicon, gold)));
    PrintRow("baseline (capitalised)", ner::Score(gold, ner::PredictBaseline(train, gold)));
  }
  return kExitOk;
}

}  // namespace veille::cli
