// Reading inputs: files, directories (recursively) and "-" (stdin), in the
// formats .txt, .jsonl/.ndjson, .html/.htm, .warc/.warc.gz. Each document becomes
// a Doc with `original`, `text` (== original, or the HTML body) and `map` set.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

#include "core/diagnostics.h"
#include "core/doc.h"

namespace veille {

struct ReadOptions {
  size_t max_doc_bytes = 64u << 20;  // larger documents are reported and skipped
};

using DocCallback = std::function<void(Doc&&)>;

// Reads `path` and calls `emit` for every document, in a stable order (directory
// entries sorted by name). Problems are reported to `diag`, naming the file and
// line or record, and reading goes on with the rest.
void ReadInput(const std::string& path, const ReadOptions& options, Diagnostics& diag, const DocCallback& emit);

// Reads `bytes` as if they were the content of a file named `name` (its extension
// chooses the format as for a path; an unknown one is sniffed). For tests and fuzzers.
void ReadBytes(std::string bytes, const std::string& name, const ReadOptions& options, Diagnostics& diag,
               const DocCallback& emit);

// Total bytes of regular files under `path` (for progress), 0 for "-".
size_t InputSize(const std::string& path);

}  // namespace veille
