#include "syntax/tagger.h"

#include <algorithm>

#include "core/dict_file.h"
#include "core/hash.h"
#include "syntax/decode.h"
#include "syntax/lemmatizer_overrides.h"
#include "syntax/model.h"

namespace veille {

constexpr char kModelFile[] = "models/fr-tagger.bin";

Tagger Tagger::Load() { return LoadFrom(DictPath(kModelFile)); }

Tagger Tagger::LoadFrom(const std::string& model_path) {
  Tagger t;
  t.model_ = std::make_shared<const syntax::Model>(syntax::Model::Load(model_path));
  t.tokenizer_ = std::make_shared<const Tokenizer>(Tokenizer::Load());
  t.overrides_ = std::make_shared<const syntax::LemmaOverrides>(syntax::LemmaOverrides::Load());
  return t;
}

void Tagger::TagSentence(std::string_view text, Span span, uint32_t index, std::vector<Token>* out) const {
  thread_local std::vector<Span> spans;
  spans.clear();
  tokenizer_->Tokenize(text, span, &spans);
  TagSpans(text, spans.data(), spans.size(), index, out);
}

void Tagger::TagSpans(std::string_view text, const Span* spans, size_t n, uint32_t index, std::vector<Token>* out) const {
  thread_local std::vector<std::string_view> forms;
  thread_local syntax::Scratch scratch;
  // The spans come from the tokenizer: inside `text`.
  forms.resize(n);
  for (size_t i = 0; i < n; i++) forms[i] = std::string_view(text.data() + spans[i].start, spans[i].size());
  syntax::TagForms(*model_, forms.data(), n, &scratch, overrides_.get());
  const syntax::Model& m = *model_;
  // The sentence's tokens are made at once (Run reserved them), then filled.
  const size_t first = out->size();
  out->resize(first + n);
  Token* const tokens = out->data() + first;
  for (size_t i = 0; i < n; i++) {
    const int c = scratch.classes[i];
    Token& t = tokens[i];
    t.span = spans[i];
    t.sentence = index;
    t.pos = m.class_pos[c];
    // The lemma depends on the form and the part of speech alone: kept in the form's cache
    // entry (emptied with a new model, which comes with its own overrides).
    const syntax::Scratch::Word& w = scratch.word(i);
    // So are the keys of the lemma and of the form (Token::lemma_key, form_key).
    if (w.spilled) [[unlikely]] {  // a later word of the sentence took the slot
      t.lemma = LemmaOf(w.lower, w.lower_hash, t.pos);
      t.lemma_key = WordKey(t.lemma);
      t.form_key = WordKey(forms[i], true);
    } else {
      syntax::Scratch::Described& d = scratch.cache[w.slot];
      if (!d.has_lemma || d.lemma_pos != t.pos) {
        d.lemma = LemmaOf(w.lower, w.lower_hash, t.pos);
        d.lemma_key = WordKey(d.lemma);
        d.lemma_pos = t.pos;
        d.has_lemma = true;
      }
      t.lemma = d.lemma;
      t.lemma_key = d.lemma_key;
      t.form_key = d.form_key;
    }
    if (!m.class_feats[c].empty()) t.feats = m.class_feats[c];
  }
}

std::string Tagger::LemmaOf(std::string_view lower, uint64_t lower_hash, Pos pos) const {
  const std::string* over = nullptr;
  if (pos == Pos::kVerb || pos == Pos::kAux) over = overrides_->Find(lower);
  else if (pos == Pos::kNoun || pos == Pos::kAdj) over = overrides_->FindNominal(lower);
  return over ? *over : model_->Lemma(lower, lower_hash, pos);
}

std::string Tagger::LemmaOf(std::string_view lower, Pos pos) const {
  return LemmaOf(lower, syntax::HashBytes(lower), pos);
}

void Tagger::Tokenize(std::string_view text, Span span, std::vector<Span>* out) const {
  tokenizer_->Tokenize(text, span, out);
}

void Tagger::Run(Doc& doc, const std::vector<uint32_t>& which) const {
  thread_local Tokenized t;
  std::vector<uint32_t>& sorted = t.sentences;
  if (which.empty()) {
    sorted.resize(doc.sentences.size());
    for (uint32_t i = 0; i < sorted.size(); i++) sorted[i] = i;
  } else {
    sorted = which;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    while (!sorted.empty() && sorted.back() >= doc.sentences.size()) sorted.pop_back();
  }
  // All the tokens first, so that doc.tokens grows once.
  t.spans.clear();
  t.ends.clear();
  for (uint32_t i : sorted) {
    tokenizer_->Tokenize(doc.text, doc.sentences[i], &t.spans);
    t.ends.push_back(t.spans.size());
  }
  Run(doc, t);
}

void Tagger::Run(Doc& doc, const Tokenized& t) const {
  doc.tokens.reserve(doc.tokens.size() + t.spans.size());
  size_t from = 0;
  for (size_t k = 0; k < t.sentences.size(); k++) {
    TagSpans(doc.text, t.spans.data() + from, t.ends[k] - from, t.sentences[k], &doc.tokens);
    from = t.ends[k];
  }
}

std::vector<Token> Tagger::TagText(std::string_view sentence) const {
  std::vector<Token> out;
  TagSentence(sentence, Span{0, static_cast<uint32_t>(sentence.size())}, 0, &out);
  return out;
}

}  // namespace veille
