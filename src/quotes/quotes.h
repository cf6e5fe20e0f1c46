// The quotes stage: direct, partial and indirect quotations with their speakers.
// Runs after entities/: a speaker is linked to the entity that names it.
// Knowledge: dict/quotes/ (speech verbs and small word classes, see its README.md).
#pragma once
#include <memory>

#include "core/doc.h"

namespace veille {

namespace quotes {
class Lexicon;
}

class QuoteFinder {
 public:
  // Loads dict/quotes/. Throws DictError.
  QuoteFinder();
  ~QuoteFinder();
  QuoteFinder(QuoteFinder&&) noexcept;

  // Fills doc.quotes from doc.text, doc.sentences and doc.entities.
  void Run(Doc& doc) const;

 private:
  std::unique_ptr<quotes::Lexicon> lex_;
};

}  // namespace veille
