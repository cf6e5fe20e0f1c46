// Words of a document for the quote finder: letters-and-hyphens words, elided
// clitics ("l'", "qu'") and single punctuation marks, each with its lower-case form.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace veille::quotes {

struct Word {
  Span span;
  std::string lower;   // lower case ("a-t-il", "l'", "«")
  bool word = false;   // letters/digits (false: punctuation)
  bool upper = false;  // starts with a capital letter
  bool newline_before = false;  // a line break lies between the previous word and this one
};

std::vector<Word> SplitWords(std::string_view text);
std::string Lower(std::string_view s);

}  // namespace veille::quotes
