// The time stage: French time expressions ("le 16 février 2022", "hier", "la veille",
// "il y a trois ans") with normalized values, and the document date when the input
// gave none. Knowledge lives in dict/time/ (see dict/time/README.md).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"

namespace veille {

namespace timex {
class Lexicon;
}
namespace quotes {
struct WordSplit;
}

class TimeTagger {
 public:
  // Loads dict/time/*.tsv. Throws DictError.
  static TimeTagger Load();
  TimeTagger(TimeTagger&&) noexcept;
  TimeTagger& operator=(TimeTagger&&) noexcept;
  ~TimeTagger();

  // Fills doc.timex; when doc.date is missing, infers it (date_source "inferred").
  // `today` ("YYYY-MM-DD") bounds inference; empty means the system clock. `trace`,
  // when given, receives the reasons for the document date (`veille explain-date`).
  // `words`, when given, is doc.text split by quotes::SplitWords (the pipeline makes it
  // once for this stage and the quote finder): the time tokens are read from those words
  // instead of the text (the same tokens; see time/recognizer.cpp).
  void Run(Doc& doc, std::string_view today = "", std::vector<std::string>* trace = nullptr,
           const quotes::WordSplit* words = nullptr) const;

  // After entities/: when the date was inferred (or could not be), infers it again
  // with the dated facts of doc.date_facts ("le président américain Donald Trump")
  // and, when it changes, normalises the expressions again. Returns whether the
  // document date changed (the caller then re-runs the date-dependent stages).
  bool Refine(Doc& doc, std::string_view today = "", std::vector<std::string>* trace = nullptr,
              const quotes::WordSplit* words = nullptr) const;

 private:
  TimeTagger();
  std::unique_ptr<timex::Lexicon> lex_;
};

}  // namespace veille
