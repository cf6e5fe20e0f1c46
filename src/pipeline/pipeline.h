// The pipeline: the ordered stages every document goes through after reading.
// Stages live in their own folders (clean/, lang/, segment/, ...); this class owns
// one loaded instance of each and runs them in order on a Doc.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/doc.h"

namespace veille {

struct PipelineOptions {
  bool clean = true;  // false: keep the reader's text as is (for diagnosis)
  // Where to stop (benchmarks measure the stages cumulatively).
  enum class Stop { kAfterClean, kAfterLang, kAfterSegment, kAll };
  Stop stop = Stop::kAll;
  // When set ("fr"), every document is taken to be in this language and language
  // identification does not run (one-sentence inputs are too short to identify).
  std::string language;
  // "YYYY-MM-DD": no inferred document date is after it; empty = the system clock.
  std::string today;
};

class Pipeline {
 public:
  // Loads every stage's knowledge from dict/. Throws DictError on an invalid file.
  explicit Pipeline(const PipelineOptions& options = {});
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;

  // Runs clean -> lang -> segment (-> French-only stages when doc.lang == "fr").
  // `trace`, when given, receives the event coder's decisions (`veille explain`);
  // `date_trace` the reasons for the document date (`veille explain-date`).
  void Run(Doc& doc, std::vector<std::string>* trace = nullptr,
           std::vector<std::string>* date_trace = nullptr) const;

 private:
  struct Stages;
  std::unique_ptr<Stages> stages_;
  PipelineOptions options_;
};

}  // namespace veille
