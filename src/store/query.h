// Reading the corpus database: full-text search, events by actor, code, date and
// polarity, quotes by speaker, the export and the timeline. Each function returns a
// prepared statement with its parameters bound; the caller steps through the rows
// (column names are the output field names).
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "store/database.h"

namespace veille::store {

struct Filter {
  std::string text{};    // full-text search over title and text (every word must match, French stemming)
  // Actors (source or target) are matched by entity id, canonical name or mention (any
  // case), or CAMEO code (3+ capitals: also a prefix, "RUS" -> "RUSGOV").
  std::string actor{};   // source or target
  std::string source{};  // the event's source, same forms
  std::string target{};  // the event's target, same forms
  std::string code{};    // CAMEO event code, or its prefix ("03" -> "0312")
  std::string root{};    // CAMEO root code ("03")
  std::string polarity{};  // "asserted" | "negated" | ...
  std::string from{}, to{};  // date range, inclusive; YYYY, YYYY-MM or YYYY-MM-DD (event date, else document date)
  std::string speaker{};  // quotes: speaker id, name or CAMEO code, or the words that name them
  std::string with{};    // events, with `actor`: only those between `actor` and `with` (either direction)
  bool keys = false;     // documents: also doc_key (documents.doc); events: doc_key, n, start, end (the evidence span)
  size_t limit = 0;      // 0: no limit
};

// Turns user words into an FTS5 query where every word must occur ("accord gazier" ->
// "accord" "gazier"), so that punctuation and FTS5 operators in user text are inert.
std::string FtsQuery(const std::string& words);

// Documents matching f.text (and the date range), best first: doc, date, title, snippet
// (the matched words in [brackets], on one line).
Statement SearchDocuments(Database& db, const Filter& f);

// Events matching the filter, by date: doc, date, source, source_actor, code, root,
// target, target_actor, goldstein, quad, polarity, text, source_id, target_id, plover, rule.
Statement FindEvents(Database& db, const Filter& f);

// Quotes matching the filter, by date: doc, date, speaker, speaker_id, speaker_actor, kind,
// verb, text.
Statement FindQuotes(Database& db, const Filter& f);

// Calls `fn` with each stored contract line (without the newline), in ingest order.
void ExportContracts(Database& db, const std::function<void(std::string_view)>& fn);

// The dated events between `a` and `b` (either direction), or involving `a` when `b`
// is empty, by date (columns as FindEvents).
Statement TimelineEvents(Database& db, const std::string& a, const std::string& b);
// The same events by month: month, events, goldstein (sum), cooperation (quad 1-2),
// conflict (quad 3-4).
Statement TimelineMonths(Database& db, const std::string& a, const std::string& b);

}  // namespace veille::store
