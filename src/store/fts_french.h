// The FTS5 tokenizer `veille_french`: words are folded to lower case, reduced to
// their Snowball French stem, then stripped of accents, so "Accords" and "accord",
// "négociations" and "negociation", "Russie" and "russie" index to the same term.
// The stemmer reads accents ("sécurité" -> "sécur", "securite" -> "securit"), so a
// document word also gets, at the same position, the stem of its unaccented spelling:
// a query typed without accents finds it.
#pragma once
#include <sqlite3.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sb_stemmer;

namespace veille::store {

// Registers the tokenizer on a connection (every connection that reads or writes
// documents_fts needs it). Throws StoreError on failure.
void RegisterFrenchTokenizer(sqlite3* db);

// Word splitting and term folding, shared by the tokenizer and its tests. Not thread-safe
// (one per connection).
class FrenchTerms {
 public:
  FrenchTerms();
  ~FrenchTerms();
  FrenchTerms(const FrenchTerms&) = delete;
  FrenchTerms& operator=(const FrenchTerms&) = delete;

  // The term of one word: lower case, stemmed, accents removed.
  std::string Term(std::string_view word);
  // The term of the word's unaccented spelling (lower case, accents removed, stemmed).
  std::string UnaccentedTerm(std::string_view word);

  using TermFn = std::function<bool(const std::string& term, int start, int end, bool colocated)>;
  // Calls `fn` for every word of `text` (letters, digits and combining marks;
  // apostrophes, hyphens and everything else separate words), with byte offsets into
  // `text`; with `variants`, then again with the word's UnaccentedTerm when it differs
  // (colocated). Stops early when `fn` returns false.
  void Split(std::string_view text, bool variants, const TermFn& fn);

 private:
  struct Terms {
    std::string term;
    std::string unaccented;  // "" when the same as term
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  const Terms& Lookup(std::string_view word);  // memoised Term + UnaccentedTerm
  std::string Lower(std::string_view word) const;
  std::string Stem(std::string_view lower);
  sb_stemmer* stemmer_;
  std::unordered_map<std::string, Terms, Hash, std::equal_to<>> cache_;
};

}  // namespace veille::store
