// Stored documents read back as Docs, in ingest order, for the corpus-level steps that
// need every earlier document: the near-duplicate index of `ingest` (text and entity
// ids) and the GDELT export (events). One pass per table, constant memory.
#pragma once
#include <functional>

#include "core/doc.h"
#include "store/database.h"

namespace veille::store {

struct ReplayFields {
  bool text = false;      // Doc::text
  bool entities = false;  // Doc::entities
  bool events = false;    // Doc::events
};

// Calls `fn` with each stored document: id, source, url, title, date, date_source,
// format, lang, dup_of and story always, plus the fields asked for.
void ForEachStoredDoc(Database& db, const ReplayFields& fields, const std::function<void(Doc&)>& fn);

}  // namespace veille::store
