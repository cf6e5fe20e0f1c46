// The time stage: French time expressions ("le 16 février 2022", "hier", "la veille",
// "il y a trois ans") with normalized values, and the document date when the input
// gave none. Knowledge lives in dict/time/ (see dict/time/README.md).
#pragma once
#include <memory>
#include <string_view>

#include "core/doc.h"

namespace veille {

namespace timex {
class Lexicon;
}

class TimeTagger {
 public:
  // Loads dict/time/*.tsv. Throws DictError.
  static TimeTagger Load();
  TimeTagger(TimeTagger&&) noexcept;
  TimeTagger& operator=(TimeTagger&&) noexcept;
  ~TimeTagger();

  // Fills doc.timex; when doc.date is missing, infers it (date_source "inferred").
  // `today` ("YYYY-MM-DD") bounds inference; empty means the system clock.
  void Run(Doc& doc, std::string_view today = "") const;

 private:
  TimeTagger();
  std::unique_ptr<timex::Lexicon> lex_;
};

}  // namespace veille
