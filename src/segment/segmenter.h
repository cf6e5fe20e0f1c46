// French sentence segmentation over cleaned text.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
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
  // whitespace. Every line break ends a sentence.
  std::vector<Span> Split(std::string_view text) const;

  // Pipeline stage: fills doc.sentences from doc.text.
  void Run(Doc& doc) const { doc.sentences = Split(doc.text); }

  // How an abbreviation's '.' may end a sentence (dict/segment/README.md).
  enum class AbbreviationKind { kPrefix, kAmbiguous, kFinal };
  struct Dictionary {
    // Lower-case, without the final '.': "m", "etc", "av. j.-c".
    std::unordered_map<std::string, AbbreviationKind> abbreviations;
    // Lower-case words that often open a sentence: "le", "il", "l'".
    std::unordered_set<std::string> starters;
  };

 private:
  Dictionary dict_;
};

}  // namespace veille
