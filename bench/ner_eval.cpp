// ner_eval: quality and speed of named-entity recognition.
//
// Quality: exact-match precision/recall/F1 of entity spans and types on the held-out sets
// (the Europeana test pages, tests/data/ner/modern-test.bio), for
//   - the model alone on the gold words (what `veille train-ner` prints),
//   - a capitalised-words baseline (trained on the same training data),
//   - the dictionary alone (EntityLinker over the sentence text, as in the pipeline),
//   - the dictionary + the model (EntityLinker then NerTagger, as in the pipeline).
// Dictionary entities are compared with GPE counted as LOC; title and demonym mentions
// ("le président vénézuélien", "russe") are left out, as the gold data does not mark them.
// Speed (--speed PATH...): the documents are segmented and linked first, then
// NerTagger::Run is timed alone (thread CPU time, best of --repeat).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/dict_file.h"
#include "entities/linker.h"
#include "entities/ner.h"
#include "entities/ner_trainer.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace {

using namespace veille;

double Now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

void Row(const std::string& name, const ner::NerScores& s) {
  fmt::print("| {:<30} | {:>5.1f} | {:>5.1f} | {:>5.1f} | {:>5.1f} |", name, s.typed.P(), s.typed.R(), s.typed.F1(),
             s.spans.F1());
  for (const char* t : {"PER", "ORG", "LOC"}) {
    auto it = s.by_type.find(t);
    fmt::print(" {:>5.1f} |", it == s.by_type.end() ? 0.0 : it->second.F1());
  }
  fmt::print("\n");
}

// The pipeline's entities of each sentence (words joined by spaces), as IOB2 tags.
std::vector<std::vector<std::string>> PipelineTags(const std::vector<ner::NerSentence>& gold, const EntityLinker& linker,
                                                   const NerTagger* tagger) {
  std::vector<std::vector<std::string>> out;
  for (const ner::NerSentence& s : gold) {
    Doc doc;
    std::vector<uint32_t> starts;
    for (const std::string& w : s.words) {
      if (!doc.text.empty()) doc.text += ' ';
      starts.push_back(static_cast<uint32_t>(doc.text.size()));
      doc.text += w;
    }
    doc.lang = "fr";
    doc.sentences = {Span{0, static_cast<uint32_t>(doc.text.size())}};
    linker.Run(doc);
    if (tagger) tagger->Run(doc);
    std::vector<std::string>& tags = out.emplace_back(s.words.size(), "O");
    for (const Entity& e : doc.entities) {
      if (e.via == "title" || e.via == "demonym") continue;
      std::string type = e.type == "GPE" ? "LOC" : e.type;
      bool first = true;
      for (size_t i = 0; i < starts.size(); i++) {
        uint32_t end = starts[i] + static_cast<uint32_t>(s.words[i].size());
        if (starts[i] < e.span.end && e.span.start < end) {
          tags[i] = (first ? "B-" : "I-") + type;
          first = false;
        }
      }
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ner_eval: quality and speed of the named-entity tagger"};
  std::string source = VEILLE_SOURCE_DIR;
  std::string europeana = source + "/../shared/ner/europeana-fr/enp_FR.bnf.bio";
  std::string modern_train = source + "/tests/data/ner/modern-train.bio";
  std::string modern_test = source + "/tests/data/ner/modern-test.bio";
  std::string part = "test";
  std::vector<std::string> speed;
  int repeat = 3;
  app.add_option("--europeana", europeana, "The Europeana corpus (its .md beside it)")->capture_default_str();
  app.add_option("--modern-train", modern_train, "Modern training sentences (for the baseline)");
  app.add_option("--modern-test", modern_test, "Modern held-out sentences");
  app.add_option("--part", part, "Which part to measure on: test (held out) or dev")->capture_default_str();
  app.add_option("--speed", speed, "Files or directories to time NerTagger::Run on");
  app.add_option("--repeat", repeat, "Timed runs (the best is reported)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (part != "test" && part != "dev") {
    fmt::print(stderr, "--part: test or dev\n");
    return 2;
  }
  std::string modern_eval = modern_test;
  if (part == "dev") modern_eval.replace(modern_eval.rfind("test"), 4, "dev");

  ner::NerLexicon lexicon = ner::NerLexicon::Load();
  ner::NerModel model = ner::NerModel::Load(DictPath("models/fr-ner.bin"));
  EntityLinker linker;
  NerTagger tagger = NerTagger::Load();
  std::vector<ner::NerSentence> train = ner::ReadPart(europeana + "@train");
  std::vector<ner::NerSentence> mt = ner::ReadBio(modern_train);
  train.insert(train.end(), mt.begin(), mt.end());

  for (const std::string& spec : {europeana + "@" + part, modern_eval}) {
    size_t dropped = 0;
    std::vector<ner::NerSentence> gold = ner::ReadPart(spec, &dropped);
    size_t words = 0, ents = 0;
    for (const auto& s : gold) words += s.words.size(), ents += ner::SpansOf(s.tags).size();
    fmt::print("\n{}: {} sentences, {} words, {} entities{}\n\n", spec, gold.size(), words, ents,
               dropped ? fmt::format(" ({} noisy sentences dropped)", dropped) : "");
    fmt::print("| {:<30} | {:>5} | {:>5} | {:>5} | {:>5} | {:>5} | {:>5} | {:>5} |\n", "system", "P", "R", "F1",
               "span", "PER", "ORG", "LOC");
    fmt::print("|{:-<32}|{:->7}|{:->7}|{:->7}|{:->7}|{:->7}|{:->7}|{:->7}|\n", "", "", "", "", "", "", "", "");
    Row("model (gold words)", ner::Score(gold, ner::Predict(model, lexicon, gold)));
    Row("baseline: capitalised words", ner::Score(gold, ner::PredictBaseline(train, gold)));
    Row("dictionary alone", ner::Score(gold, PipelineTags(gold, linker, nullptr)));
    Row("dictionary + model", ner::Score(gold, PipelineTags(gold, linker, &tagger)));
  }

  if (speed.empty()) return 0;
  PipelineOptions po;
  po.stop = PipelineOptions::Stop::kAfterSegment;
  Pipeline pipeline(po);
  std::vector<Doc> docs;
  size_t bytes = 0, sentences = 0;
  Diagnostics diag;
  diag.set_quiet(true);
  for (const std::string& path : speed)
    ReadInput(path, ReadOptions(), diag, [&](Doc&& doc) {
      pipeline.Run(doc);
      if (!doc.is_french()) return;
      bytes += doc.text.size();
      sentences += doc.sentences.size();
      docs.push_back(std::move(doc));
    });
  double best_link = 1e30, best_ner = 1e30;
  size_t tagged = 0, model_entities = 0, all_entities = 0;
  for (int r = 0; r < repeat; r++) {
    double t = Now();
    for (Doc& d : docs) linker.Run(d);
    best_link = std::min(best_link, Now() - t);
    t = Now();
    tagged = 0;
    for (Doc& d : docs) {
      tagged += tagger.Run(d);
    }
    best_ner = std::min(best_ner, Now() - t);
    model_entities = all_entities = 0;
    for (const Doc& d : docs)
      for (const Entity& e : d.entities) all_entities++, model_entities += e.via == "model";
  }
  fmt::print("\nspeed: {} French documents, {:.1f} MB, {} sentences; {} tagged by the model ({:.1f}%)\n", docs.size(),
             bytes / 1e6, sentences, tagged, 100.0 * tagged / std::max<size_t>(sentences, 1));
  fmt::print("entities: {} ({} via model)\n", all_entities, model_entities);
  fmt::print("EntityLinker::Run  {:>8.1f} MB/s (one core, best of {})\n", bytes / 1e6 / best_link, repeat);
  fmt::print("NerTagger::Run     {:>8.1f} MB/s\n", bytes / 1e6 / best_ner);
  return 0;
}
