#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>

#include "cli/subcommands.h"
#include "core/diagnostics.h"
#include "core/dict_file.h"

namespace veille::cli {

int Main(int argc, char** argv) {
  CLI::App app{"veille: French news in, political event data out (who did what to whom, with evidence)."};
  app.name("veille");
  app.footer(R"(Examples:
  veille extract samples/ > out.jsonl          clean, segment and code every document
  veille extract crawl.warc.gz -o out.jsonl    read a WARC crawl
  cat article.txt | veille extract -           read one document from stdin
  veille clean --diff article.txt              show what cleaning removed, and why
  veille entities article.txt                  people, states, organisations, and why each was linked
  veille explain "Moscou a menacé Washington."  how one sentence is coded, step by step
  veille explain-date article.txt              the document date, and the evidence when inferred from the text
  veille extract --format gdelt samples/       the events as a GDELT 2.0 event table
  veille ingest samples/ --db corpus.db        keep everything in a database (re-running adds only new documents)
  veille query --db corpus.db --text "accord gazier"         full-text search (French stemming)
  veille query --db corpus.db --actor RUS --from 2024-03     events involving Russia since March 2024
  veille timeline --db corpus.db country:RUS country:VEN     dated events between two actors, by month
  veille export --db corpus.db --format jsonl  the stored documents, as extract wrote them
  veille export --db corpus.db --format gdelt  the stored events as a GDELT 2.0 table (mentions merged by story)
  veille serve --db corpus.db --port 8080      browse it in a web browser (JSON API and page, read-only)
  veille train-tagger --train a.conllu ...     rebuild the POS tagger model from UD treebanks
  veille train-ner --train a.bio ...           rebuild the named-entity model (names the dictionary lacks)

Exit codes: 0 all input processed; 1 some input was skipped or repaired (messages on
stderr name the file and line/record); 2 bad command line or invalid dictionary file;
3 fatal error (output or database not writable, database missing or too new).
Run `veille COMMAND --help` for the options of a command.)");
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("veille ") + VEILLE_VERSION);
  std::string dict_dir;
  app.add_option("--dict", dict_dir, "Dictionary directory (default: $VEILLE_DICT, else the bundled dict/)");

  ExtractOptions extract;
  CLI::App* ex = AddExtractCommand(app, extract);
  CleanOptions clean;
  CLI::App* cl = AddCleanCommand(app, clean);
  EntitiesOptions entities;
  CLI::App* en = AddEntitiesCommand(app, entities);
  ExplainOptions explain;
  CLI::App* xp = AddExplainCommand(app, explain);
  ExplainDateOptions explain_date;
  CLI::App* xd = AddExplainDateCommand(app, explain_date);
  IngestOptions ingest;
  CLI::App* in = AddIngestCommand(app, ingest);
  QueryOptions query;
  CLI::App* qu = AddQueryCommand(app, query);
  ExportOptions exp;
  CLI::App* ep = AddExportCommand(app, exp);
  TimelineOptions timeline;
  CLI::App* tl = AddTimelineCommand(app, timeline);
  ServeOptions serve;
  CLI::App* sv = AddServeCommand(app, serve);
  TrainTaggerOptions train_tagger;
  CLI::App* tt = AddTrainTaggerCommand(app, train_tagger);
  TrainNerOptions train_ner;
  CLI::App* tn = AddTrainNerCommand(app, train_ner);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!dict_dir.empty()) SetDictRoot(dict_dir);
  try {
    if (ex->parsed()) return RunExtract(extract);
    if (cl->parsed()) return RunClean(clean);
    if (en->parsed()) return RunEntities(entities);
    if (xp->parsed()) return RunExplain(explain);
    if (xd->parsed()) return RunExplainDate(explain_date);
    if (in->parsed()) return RunIngest(ingest);
    if (qu->parsed()) return RunQuery(query);
    if (ep->parsed()) return RunExport(exp);
    if (tl->parsed()) return RunTimeline(timeline);
    if (tt->parsed()) return RunTrainTagger(train_tagger);
    if (sv->parsed()) return RunServe(serve);
    if (tn->parsed()) return RunTrainNer(train_ner);
  } catch (const DictError& e) {
    fmt::print(stderr, "veille: invalid dictionary: {}\n", e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "veille: fatal: {}\n", e.what());
    return kExitFatal;
  }
  return kExitUsage;
}

}  // namespace veille::cli
