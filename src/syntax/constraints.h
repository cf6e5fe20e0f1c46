// Constraints on the greedy decoder's choice (internal to src/syntax/): morphology and
// word knowledge the treebank-trained perceptron does not have. Each one takes, when it
// applies, the best-scoring class among those it allows (the perceptron's own scores), so
// the model still chooses the features (tense, mood) and the next words see the corrected tag.
//
// - A past participle ends in é, i, u, û, is, os, us or t, then optionally e and s ("signé",
//   "détenues", "pris", "clos", "détruites"; not qu, gu): a form without such an ending
//   ("chimiques", "physique") is not one; it gets the best class that is not a participle
//   (ADJ for "des armes chimiques", whose lemma is then "chimique", not "chimiqre"). Only
//   for words made of letters. (Checked on the UD French treebanks: 6 of 3,836 gold past
//   participles break it: "traité(e)", "CONSERVE", "IMPLEMENTEES".)
// - A lower-case word that is a known verb form (dict/syntax/lemmas.tsv, the forms of the
//   event patterns' verb heads) right after a capitalised name is a verb, not a noun,
//   adjective, adverb or conjunction: news copy's "Varsovie demande des …", "la Russie livre
//   du gaz", "Pékin critique Washington", "la Serbie proteste auprès de …", which the
//   treebanks (few present-tense wire sentences) read as NOUN, ADJ or SCONJ. A capitalised
//   name: the previous word starts with a capital and was tagged PROPN, or NOUN or ADJ while
//   the lexicon does not know it or knows it as PROPN (a sentence-initial "Varsovie" read as
//   ADJ; not "Dernière mise à jour"). Likewise after a noun and its lower-case adjective
//   when a capitalised word or a determiner follows: "l'armée russe bombarde Kharkiv", "la
//   marine chinoise livre des vedettes" (not "la situation humanitaire critique inquiète").
//   This applies to the tag dictionary's nouns, adjectives, adverbs and conjunctions too
//   (decode.cpp scores those that are known verb forms): "le tribunal de Paris juge …",
//   whose "juge" the treebanks only have as a noun.
#pragma once
#include <cstdint>
#include <string_view>

#include "syntax/model.h"

namespace veille::syntax {

class LemmaOverrides;

// Whether the lower-case `lower` has the ending of a past participle.
bool HasParticipleEnding(std::string_view lower);
// Whether the lower-case `lower` may be tagged a past participle: it has the ending, or it is
// not made of letters only. Constrain leaves a participle class alone when this holds.
bool ParticipleOk(std::string_view lower);

struct Position {
  std::string_view form, lower;  // the word as written and in lower case
  std::string_view prev_form;    // the previous word as written ("" at the start)
  int prev = -1;                 // the previous word's class (-1 at the start)
  uint32_t prev_amb = 0;         // the UPOS the previous word has in the lexicon (WordInfo::amb)
  int prev2 = -1;                // the class of the word before the previous one
  std::string_view next_form;    // the next word as written ("" at the end)
  uint32_t next_amb = 0;         // the UPOS the next word has in the lexicon
};

// The class to use at `p` given the model's choice `c` and its scores for every class.
// `verbs` (may be null) lists the known verb forms.
int Constrain(const Model& model, const LemmaOverrides* verbs, const Position& p, int c, const int32_t* scores);

}  // namespace veille::syntax
