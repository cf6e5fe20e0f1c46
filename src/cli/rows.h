// Printing the rows of a database query: an aligned table for people, JSON Lines or
// CSV for programs.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

#include "store/database.h"

namespace veille::cli {

enum class RowFormat { kTable, kJsonl, kCsv };

// "table" | "jsonl" | "csv"; "" picks table when `out` is a terminal, JSONL otherwise.
RowFormat ChooseRowFormat(const std::string& name, FILE* out);

struct RowPrintOptions {
  RowFormat format = RowFormat::kJsonl;
  size_t max_cell = 60;     // table: longer cells are cut (in characters) and end with "…"
  std::string_view kind;    // jsonl: when set, each object starts with "kind": <kind>
  bool header = true;       // table and csv: print the column names
};

// Steps `st` to the end and prints every row to `out`. Returns the number of rows. A
// table with no rows prints nothing; CSV prints its header.
size_t PrintRows(store::Statement& st, const RowPrintOptions& options, FILE* out);

}  // namespace veille::cli
