// Sub-commands of the CLI (internal to cli/).
#pragma once
#include <string>
#include <vector>

#include "entities/ner_trainer.h"
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
  bool no_dedup = false;
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

struct ExplainDateOptions {
  std::vector<std::string> inputs;
  bool ignore_metadata = false;
};
CLI::App* AddExplainDateCommand(CLI::App& app, ExplainDateOptions& o);
int RunExplainDate(const ExplainDateOptions& o);

struct ExplainOptions {
  std::string text;
  std::string date;
  bool detect_language = false;
};
CLI::App* AddExplainCommand(CLI::App& app, ExplainOptions& o);
int RunExplain(const ExplainOptions& o);
struct IngestOptions {
  std::vector<std::string> inputs;
  std::string db = "veille.db";
  size_t batch = 200;
  size_t max_doc_mb = 64;
  bool no_clean = false;
  bool no_dedup = false;
  bool quiet = false;
};
CLI::App* AddIngestCommand(CLI::App& app, IngestOptions& o);
int RunIngest(const IngestOptions& o);

struct QueryOptions {
  std::string db = "veille.db";
  std::string text, actor, source, target, code, root, polarity, from, to, speaker;
  bool quotes = false;
  bool events = false;
  size_t limit = 0;
  std::string format;  // "" = table on a terminal, else jsonl
};
CLI::App* AddQueryCommand(CLI::App& app, QueryOptions& o);
int RunQuery(const QueryOptions& o);

struct ExportOptions {
  std::string db = "veille.db";
  std::string format = "jsonl";
};
CLI::App* AddExportCommand(CLI::App& app, ExportOptions& o);
int RunExport(const ExportOptions& o);

struct TimelineOptions {
  std::string db = "veille.db";
  std::vector<std::string> actors;
  std::string format;
};
CLI::App* AddTimelineCommand(CLI::App& app, TimelineOptions& o);
int RunTimeline(const TimelineOptions& o);
struct ServeOptions {
  std::string db = "veille.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 8;
  int time_limit_ms = 2000;
};
CLI::App* AddServeCommand(CLI::App& app, ServeOptions& o);
int RunServe(const ServeOptions& o);

struct TrainTaggerOptions {
  std::vector<std::string> train;
  std::vector<std::string> eval;
  std::string output;
  int errors = 0;
  syntax::TrainOptions options;
};
CLI::App* AddTrainTaggerCommand(CLI::App& app, TrainTaggerOptions& o);
int RunTrainTagger(const TrainTaggerOptions& o);

struct TrainNerOptions {
  std::vector<std::string> train;
  std::vector<std::string> eval;
  std::string output;
  ner::NerTrainOptions options;
};
CLI::App* AddTrainNerCommand(CLI::App& app, TrainNerOptions& o);
int RunTrainNer(const TrainNerOptions& o);

}  // namespace veille::cli
