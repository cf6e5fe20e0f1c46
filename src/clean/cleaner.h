// Cleaning: removes scraper noise and normalises characters, keeping a map back to
// the original bytes and a record of everything removed and why.
#pragma once
#include <memory>

#include "core/doc.h"

namespace veille {

class Cleaner {
 public:
  // Loads dict/clean/chars.tsv and dict/clean/lines.tsv. Throws DictError.
  Cleaner();
  ~Cleaner();
  Cleaner(Cleaner&&) noexcept;

  // Rewrites doc.text; composes doc.map so it still reaches doc.original; appends
  // to doc.removed (original offsets). Sets doc.title from a leading headline when
  // the reader found none.
  void Run(Doc& doc) const;

 private:
  struct Rules;
  std::unique_ptr<Rules> rules_;
};

}  // namespace veille
