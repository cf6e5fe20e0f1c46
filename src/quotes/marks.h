// Quotation marks: pairs « … », “ … ” (normalised to « » by the cleaner), „ … “ and
// " … ", nested quotes inside outer ones, and quotes continued over paragraphs
// (a paragraph opening with « while the previous one left its quote open).
#pragma once
#include <string_view>
#include <vector>

#include "core/span.h"

namespace veille::quotes {

struct Marked {
  Span outer;              // marks included
  Span inner;              // inside the marks, spaces trimmed
  bool continues = false;  // continues the quote of the previous paragraph
  bool closed = true;      // false: the paragraph ended with the quote still open
};

std::vector<Marked> FindMarked(std::string_view text);

}  // namespace veille::quotes
