// Sub-commands of the CLI (internal to cli/).
#pragma once
#include <string>
#include <vector>

#include "syntax/trainer.h"

namespace CLI {
class App;
}

namespace veille::cli {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format = "jsonl";
  size_t max_doc_mb = 64;
  bool no_clean = false;
  bool quiet = false;
  bool summary = false;
};
CLI::App* AddExtractCommand(CLI::App& app, ExtractOptions& o);
int RunExtract(const ExtractOptions& o);

struct CleanOptions {
  std::vector<std::string> inputs;
  bool diff = false;
  bool color = false;
  bool no_color = false;
};
CLI::App* AddCleanCommand(CLI::App& app, CleanOptions& o);
int RunClean(const CleanOptions& o);

struct EntitiesOptions {
  std::vector<std::string> inputs;
};
CLI::App* AddEntitiesCommand(CLI::App& app, EntitiesOptions& o);
int RunEntities(const EntitiesOptions& o);

struct TrainTaggerOptions {
  std::vector<std::string> train;
  std::vector<std::string> eval;
  std::string output;
  int errors = 0;
  syntax::TrainOptions options;
};
CLI::App* AddTrainTaggerCommand(CLI::App& app, TrainTaggerOptions& o);
int RunTrainTagger(const TrainTaggerOptions& o);

}  // namespace veille::cli
