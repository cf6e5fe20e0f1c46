// Language identification of a document's cleaned text.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "core/doc.h"

namespace veille {

struct LangGuess {
  std::string lang;   // ISO 639-1 ("fr", "en", ...) or "und"
  double score = 0;   // confidence in [0, 1]
};

// CLD2 (Compact Language Detector 2): a naive-Bayes classifier over character
// quadgrams and word unigrams, trained on web text, with its own reliability
// estimate. Covers 80+ languages, including fr, en, es, pt, it, de, ru.
// Looks at most at `max_bytes` of text (taken from the start, cut at a UTF-8
// boundary), so the cost per document is bounded.
LangGuess IdentifyLanguage(std::string_view text, size_t max_bytes = 1024);

class FunctionWords;

// The pipeline's identifier: a fast first pass on function words decides clear
// cases (most news articles, in microseconds); everything else (short texts, mixed
// texts, languages without a function-word list) goes to CLD2.
class LanguageIdentifier {
 public:
  // Loads dict/lang/function_words.tsv. Throws DictError.
  LanguageIdentifier();
  ~LanguageIdentifier();
  LanguageIdentifier(LanguageIdentifier&&) noexcept;
  // Pipeline stage: fills doc.lang and doc.lang_score from doc.text.
  void Run(Doc& doc) const;
  LangGuess Identify(std::string_view text) const;

 private:
  std::unique_ptr<FunctionWords> words_;
};

}  // namespace veille
