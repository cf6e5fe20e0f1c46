#include "quotes/quotes.h"

#include "quotes/finder.h"
#include "quotes/lexicon.h"
#include "quotes/words.h"

namespace veille {

QuoteFinder::QuoteFinder() : lex_(std::make_unique<quotes::Lexicon>()) {}
QuoteFinder::~QuoteFinder() = default;
QuoteFinder::QuoteFinder(QuoteFinder&&) noexcept = default;

void QuoteFinder::Run(Doc& doc, quotes::WordSplit* words) const {
  doc.quotes.clear();
  if (words)
    quotes::Finder(*lex_, doc, std::move(words->words)).Run();
  else
    quotes::Finder(*lex_, doc).Run();
}

}  // namespace veille
