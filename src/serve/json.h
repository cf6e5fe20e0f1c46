// Database rows as JSON for veille serve: each row an object keyed by column name
// (NULL -> null, integers and reals as numbers, text as strings).
#pragma once
#include <string>

#include "store/database.h"

namespace veille::serve {

// Appends the current row of `st` as a JSON object.
void AppendRow(const store::Statement& st, std::string* out);

// Steps `st` and appends up to `max` rows as a JSON array. Returns true when more rows
// were left (the result was cut).
bool AppendRows(store::Statement& st, size_t max, std::string* out);

}  // namespace veille::serve
