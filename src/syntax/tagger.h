// French part-of-speech tagger and lemmatizer: tokenises sentences of a Doc and gives every
// word its UPOS tag, lemma and, for verbs and auxiliaries, VerbForm, Mood and Tense (and
// the WordKey of its lemma and form, Token::lemma_key / form_key, kept per form).
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

  // Sentences already tokenised (by Tokenize, as Run would): sentences[k], an index into
  // doc.sentences, has the tokens spans[ends[k-1] .. ends[k]) (from 0 for k = 0). The event
  // prefilter (events/prefilter.h) reads the words of a sentence to choose it and hands its
  // tokens over, so that a tagged sentence is tokenised once.
  struct Tokenized {
    std::vector<uint32_t> sentences;  // increasing
    std::vector<Span> spans;
    std::vector<size_t> ends;
  };
  // Tags the sentences of `t`, appending to doc.tokens in text order (Token.sentence set).
  void Run(Doc& doc, const Tokenized& t) const;

  // For `veille explain` and tests: tag one standalone sentence (spans into `sentence`).
  std::vector<Token> TagText(std::string_view sentence) const;

  // What Run would do with one word, for callers that decide which sentences to tag
  // (events/prefilter.h): the token spans of text[span], and the lemma of the lower-case
  // form `lower` if it were tagged `pos` (the overrides of dict/syntax/lemmas.tsv included).
  void Tokenize(std::string_view text, Span span, std::vector<Span>* out) const;
  std::string LemmaOf(std::string_view lower, Pos pos) const;

 private:
  std::string LemmaOf(std::string_view lower, uint64_t lower_hash, Pos pos) const;
  void TagSentence(std::string_view text, Span span, uint32_t index, std::vector<Token>* out) const;
  // Tags the tokens spans[0..n) of sentence `index`, appending to *out.
  void TagSpans(std::string_view text, const Span* spans, size_t n, uint32_t index, std::vector<Token>* out) const;

  std::shared_ptr<const syntax::Model> model_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::shared_ptr<const syntax::LemmaOverrides> overrides_;  // dict/syntax/lemmas.tsv
};

}  // namespace veille
