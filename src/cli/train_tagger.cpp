// veille train-tagger: rebuilds the POS tagger model from UD CoNLL-U files.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "core/dict_file.h"
#include "syntax/lemmatizer_overrides.h"
#include "syntax/model.h"
#include "syntax/trainer.h"

namespace veille::cli {

CLI::App* AddTrainTaggerCommand(CLI::App& app, TrainTaggerOptions& o) {
  CLI::App* c = app.add_subcommand(
      "train-tagger",
      "Train the French POS tagger and lemmatizer on Universal Dependencies CoNLL-U files and write the model "
      "(default: dict/models/fr-tagger.bin). Prints the accuracy on every --eval file.");
  c->add_option("--train", o.train, "Training files (CoNLL-U), used in this order")->required();
  c->add_option("--eval", o.eval, "Files to measure the trained model on (CoNLL-U)");
  c->add_option("-o,--output", o.output, "Where to write the model (default: <dict>/models/fr-tagger.bin)");
  c->add_option("--iterations", o.options.iterations, "Training iterations")->capture_default_str();
  c->add_option("--seed", o.options.seed, "Seed of the sentence order")->capture_default_str();
  c->add_option("--prune", o.options.prune, "Drop averaged weights smaller than this")->capture_default_str();
  c->add_option("--errors", o.errors, "Print the N most frequent mistakes on each --eval file")->capture_default_str();
  c->add_option("--tagdict-count", o.options.tagdict_min_count, "Occurrences for a word to enter the tag dictionary")
      ->capture_default_str();
  c->add_option("--tagdict-ratio", o.options.tagdict_min_ratio, "Share of its main class for a word to enter it")
      ->capture_default_str();
  c->add_option("--rule-support", o.options.rule_min_support, "Word types needed behind a lemma suffix rule")
      ->capture_default_str();
  c->footer(R"(Example (the shipped model):
  veille train-tagger --train ../shared/ud/sequoia/fr_sequoia-ud-train.conllu ../shared/ud/gsd/fr_gsd-ud-dev.conllu \
    --eval ../shared/ud/sequoia/fr_sequoia-ud-dev.conllu ../shared/ud/sequoia/fr_sequoia-ud-test.conllu \
           ../shared/ud/gsd/fr_gsd-ud-test.conllu)");
  return c;
}

int RunTrainTagger(const TrainTaggerOptions& o) {
  using syntax::UdSentence;
  auto start = std::chrono::steady_clock::now();
  std::vector<UdSentence> train;
  for (const std::string& path : o.train) {
    std::vector<UdSentence> s = syntax::ReadConllu(path);
    size_t words = 0;
    for (const UdSentence& x : s) words += x.size();
    fmt::print("train {}: {} sentences, {} words\n", path, s.size(), words);
    train.insert(train.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  }
  syntax::Model model = syntax::Train(train, o.options, [](const std::string& line) { fmt::print("  {}\n", line); });
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("trained in {:.1f} s: {} classes, {} features, {} weights, {} fixed words, {} lexicon entries, "
             "{} suffix rules\n",
             seconds, model.classes.size(), model.feature_keys.size(), model.entry_weight.size(),
             model.tagdict_keys.size(), model.lexicon.size(), model.rules.size());
  std::string output = o.output.empty() ? DictPath("models/fr-tagger.bin") : o.output;
  model.Save(output);
  fmt::print("wrote {} ({} bytes)\n", output, std::filesystem::file_size(output));
  syntax::Model loaded = syntax::Model::Load(output);  // what will be used, validated
  // The decoding constraints use the known verb forms, as the Tagger does.
  syntax::LemmaOverrides verbs = syntax::LemmaOverrides::Load();
  fmt::print("decoding constraints: {} known verb forms (dict/syntax/lemmas.tsv)\n", verbs.size());
  fmt::print("{:<32} {:>6} {:>7} {:>10} {:>7} {:>7} {:>7} {:>8} {:>7}\n", "eval", "words", "UPOS", "verb feats",
             "lemma", "unseen", "UPOS/u", "lemma/u", "fixed");
  for (const std::string& path : o.eval) {
    std::vector<UdSentence> gold = syntax::ReadConllu(path);
    std::map<std::string, size_t> errors;
    syntax::Accuracy a = syntax::Evaluate(loaded, gold, o.errors > 0 ? &errors : nullptr, &verbs);
    fmt::print("{:<32} {:>6} {:>6.2f}% {:>9.2f}% {:>6.2f}% {:>6.2f}% {:>6.2f}% {:>7.2f}% {:>6.2f}%\n",
               std::filesystem::path(path).filename().string(), a.words, a.Pct(a.upos, a.words),
               a.Pct(a.verb_feats, a.verbs), a.Pct(a.lemma, a.words), a.Pct(a.unseen, a.words),
               a.Pct(a.unseen_upos, a.unseen), a.Pct(a.unseen_lemma, a.unseen), a.Pct(a.fixed, a.words));
    syntax::Accuracy b = syntax::EvaluateBaseline(train, gold);
    fmt::print("{:<32} {:>6} {:>6.2f}% {:>10} {:>6.2f}% {:>6.2f}% {:>6.2f}% {:>7.2f}%\n", "  baseline (most frequent UPOS)",
               b.words, b.Pct(b.upos, b.words), "-", b.Pct(b.lemma, b.words), b.Pct(b.unseen, b.words),
               b.Pct(b.unseen_upos, b.unseen), b.Pct(b.unseen_lemma, b.unseen));
    std::vector<std::pair<size_t, std::string>> top;
    for (const auto& [what, n] : errors) top.emplace_back(n, what);
    std::stable_sort(top.begin(), top.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (size_t i = 0; i < top.size() && i < static_cast<size_t>(o.errors); i++)
      fmt::print("    {:>5}  {}\n", top[i].first, top[i].second);
  }
  return kExitOk;
}

}  // namespace veille::cli
