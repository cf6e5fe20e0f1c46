// The reading loop shared by `extract` and `ingest`: every input path in order, every
// document through the pipeline.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/doc.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace veille::cli {

struct DocHandlers {
  // Called on each document as read, before the pipeline; false skips the document
  // (ingest uses it to pass over documents already stored). Optional.
  std::function<bool(const Doc&)> before;
  // Called on each processed document; false stops reading (the output failed).
  std::function<bool(Doc&)> after;
};

// Reads every path with `read`, runs `pipeline` on each document and hands it to
// `handlers`. Problems with the input go to `diag`. Returns false when `after` stopped it.
bool ProcessInputs(const std::vector<std::string>& paths, const ReadOptions& read, const Pipeline& pipeline,
                   Diagnostics& diag, const DocHandlers& handlers);

}  // namespace veille::cli
