// The quotes stage: direct, partial and indirect quotations with their speakers.
// Runs after entities/: a speaker is linked to the entity that names it.
// Knowledge: dict/quotes/ (speech verbs and small word classes, see its README.md).
#pragma once
#include <memory>

#include "core/doc.h"

namespace veille {

namespace quotes {
class Lexicon;
struct WordSplit;
}

class QuoteFinder {
 public:
  // Loads dict/quotes/. Throws DictError.
  QuoteFinder();
  ~QuoteFinder();
  QuoteFinder(QuoteFinder&&) noexcept;

  // Fills doc.quotes from doc.text, doc.sentences and doc.entities. `words`, when given,
  // is doc.text already split (quotes/words.h, shared with the time stage): its words
  // are taken (moved out), so that the text is read once.
  void Run(Doc& doc, quotes::WordSplit* words = nullptr) const;

 private:
  std::unique_ptr<quotes::Lexicon> lex_;
};

}  // namespace veille
