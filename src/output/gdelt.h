// The GDELT 2.0 event table (61 tab-separated columns, no header, GDELT's column
// order), so existing GDELT tooling reads veille's output.
//
// As in GDELT, a row is one event, not one mention: the mentions of the same event
// (same story, date, source, CAMEO code, target and polarity) in one or several
// articles are one row, with NumMentions (mentions), NumArticles (distinct documents)
// and NumSources (distinct outlets: the url's host, else the input the document came
// from). Without stories (extract --no-dedup) the story is the document itself. The
// row's SOURCEURL (our url, else the document id), IsRootEvent and geography are those
// of the event's first mention.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

#include "core/doc.h"

namespace veille {

class GdeltTable {
 public:
  GdeltTable();
  ~GdeltTable();
  GdeltTable(const GdeltTable&) = delete;
  GdeltTable& operator=(const GdeltTable&) = delete;

  // Adds every event of `doc` (uses id, url, source, date, story and events).
  void Add(const Doc& doc);
  // Appends one line per distinct event, in order of first mention.
  void Write(std::string* out) const;
  size_t rows() const;
  size_t mentions() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The rows of one document on its own (a table holding only `doc`).
void AppendGdeltRows(const Doc& doc, std::string* out);

// The column names, in order (for documentation and tests).
const char* const* GdeltColumns(size_t* count);

}  // namespace veille
