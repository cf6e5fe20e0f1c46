// Statistical named-entity recognition: people, organisations and places the dictionary
// does not know (a new minister, an analyst quoted once), found by an averaged perceptron
// (dict/models/fr-ner.bin, trained by `veille train-ner`) and added to doc.entities with
// via "model".
#pragma once
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"

namespace veille {

class Tokenizer;
class SentenceTokens;
namespace ner {
struct NerModel;
class NerLexicon;
}  // namespace ner

class NerTagger {
 public:
  // Loads dict/models/fr-ner.bin, dict/models/fr-ner-words.tsv, dict/actors/ and the
  // tokenizer's files under DictRoot(). Throws DictError.
  static NerTagger Load();
  static NerTagger LoadFrom(const std::string& model_path);

  // Runs after the EntityLinker. Tags only the sentences with a capitalised word (after
  // the first one) outside the dictionary's entities. Spans without a capital are dropped,
  // and so is a sentence's first word tagged alone ("Parfois", "Si"; also after ". : « —") unless another mention
  // of the document ends with it. A span that overlaps no dictionary entity becomes an Entity: type PER, ORG or LOC (GPE with the country's id and code
  // when it is a country's name), via "model", name = the longest mention in the document
  // that ends with the same word (a later "Dupont" is "Jeanne Dupont"), id = "model:per:",
  // "model:org:" or "model:loc:" + the folded name (the same in every document), actor ""
  // (none: see dict/models/README.md). Keeps doc.entities in text order. Returns how
  // many sentences it tagged. `words`, when given, has the tokens of doc's sentences (the
  // pipeline's, shared with the event prefilter and the tagger; syntax/tokenizer.h).
  size_t Run(Doc& doc, SentenceTokens* words = nullptr) const;

  // Tags one standalone sentence (for tests and `veille explain`): the entity spans.
  struct Mention {
    Span span;
    std::string type;  // PER | ORG | LOC
    bool first_alone = false;  // one word, the sentence's first (or after . : « —)
  };
  std::vector<Mention> TagText(std::string_view sentence) const;

 private:
  void TagSentence(std::string_view text, Span span, std::vector<Mention>* out) const;
  // The same with the sentence's tokens.
  void TagTokens(std::string_view text, std::span<const Span> spans, std::vector<Mention>* out) const;

  std::shared_ptr<const ner::NerModel> model_;
  std::shared_ptr<const ner::NerLexicon> lexicon_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  struct Countries;
  std::shared_ptr<const Countries> countries_;
};

}  // namespace veille
