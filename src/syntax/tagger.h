// French part-of-speech tagger and lemmatizer: tokenises sentences of a Doc and gives every
// word its UPOS tag, lemma and, for verbs and auxiliaries, VerbForm, Mood and Tense.
//
// A greedy averaged perceptron (dict/models/fr-tagger.bin, trained on UD French by
// `veille train-tagger`); lemmas from the training lexicon, else from suffix rules.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"
#include "syntax/tokenizer.h"

namespace veille {

namespace syntax {
struct Model;
class LemmaOverrides;
}

class Tagger {
 public:
  // Loads dict/models/fr-tagger.bin and the tokenizer's files under DictRoot(). Throws DictError.
  static Tagger Load();
  // Loads the model from `model_path` (the tokenizer's files still come from DictRoot()).
  static Tagger LoadFrom(const std::string& model_path);

  // Tokenises and tags the sentences whose index is in `which` (all when empty), appending
  // to doc.tokens in text order (Token.sentence set).
  void Run(Doc& doc, const std::vector<uint32_t>& which = {}) const;

  // For `veille explain` and tests: tag one standalone sentence (spans into `sentence`).
  std::vector<Token> TagText(std::string_view sentence) const;

 private:
  void TagSentence(std::string_view text, Span span, uint32_t index, std::vector<Token>* out) const;

  std::shared_ptr<const syntax::Model> model_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::shared_ptr<const syntax::LemmaOverrides> overrides_;  // dict/syntax/lemmas.tsv
};

}  // namespace veille
