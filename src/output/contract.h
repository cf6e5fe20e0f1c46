// The extract contract: one JSON object per document (documented in README.md).
#pragma once
#include <string>

#include "core/doc.h"

namespace veille {

// Appends the JSON object for `doc` and a '\n' to `out`.
void AppendContractJson(const Doc& doc, std::string* out);

// Appends `s` as a JSON string literal (quoted, escaped; invalid UTF-8 must not occur).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace veille
