#include "quotes/quotes.h"

#include "quotes/finder.h"
#include "quotes/lexicon.h"

namespace veille {

QuoteFinder::QuoteFinder() : lex_(std::make_unique<quotes::Lexicon>()) {}
QuoteFinder::~QuoteFinder() = default;
QuoteFinder::QuoteFinder(QuoteFinder&&) noexcept = default;

void QuoteFinder::Run(Doc& doc) const {
  doc.quotes.clear();
  quotes::Finder(*lex_, doc).Run();
}

}  // namespace veille
