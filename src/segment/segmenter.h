// French sentence segmentation over cleaned text.
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/doc.h"
#include "core/span.h"

namespace veille {

class Segmenter {
 public:
  // Loads dict/segment/*.txt (abbreviations, ...). Throws DictError.
  static Segmenter Load();

  // Sentences of `text`, in order, non-overlapping, each trimmed of surrounding
  // whitespace. Paragraph breaks (blank lines, or a line break after a line that
  // looks like a headline) always end a sentence.
  std::vector<Span> Split(std::string_view text) const;

  // Pipeline stage: fills doc.sentences from doc.text.
  void Run(Doc& doc) const { doc.sentences = Split(doc.text); }

 private:
  std::unordered_set<std::string> abbreviations_;  // lower-case, without the final '.'
};

}  // namespace veille
