// The GDELT 2.0 event table (61 tab-separated columns, no header, GDELT's column
// order), one row per coded event, so existing GDELT tooling reads veille's output.
// Our document's url (else its id) is the SOURCEURL.
#pragma once
#include <string>

#include "core/doc.h"

namespace veille {

// Appends one line per event of `doc`.
void AppendGdeltRows(const Doc& doc, std::string* out);

// The column names, in order (for documentation and tests).
const char* const* GdeltColumns(size_t* count);

}  // namespace veille
