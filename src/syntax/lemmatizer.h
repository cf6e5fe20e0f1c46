// Building the lemmatizer (internal to src/syntax/): a lexicon (lower-case form, UPOS) ->
// lemma learnt from treebank words, and suffix rewrite rules for unseen forms ("-ent" ->
// "-er" for VERB), the longest matching suffix per UPOS winning. Applying it is
// Model::Lemma (lemmatizer.cpp).
#pragma once
#include <cstdint>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/model.h"

namespace veille::syntax {

// Fills model->lexicon, model->rules and model->rule_min_support from `train`.
void BuildLemmatizer(const std::vector<UdSentence>& train, uint32_t min_support, Model* model);

// Lower case (lemmas and lexicon forms are lower case).
std::string Lower(std::string_view s);

}  // namespace veille::syntax
