// Training and measuring the French tagger on Universal Dependencies treebanks
// (used by `veille train-tagger` and the tests).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace veille::syntax {

struct Model;

struct TrainOptions {
  int iterations = 10;
  uint32_t seed = 1;              // the order of sentences in each iteration
  int tagdict_min_count = 10;     // a word is fixed to its class when seen this often...
  double tagdict_min_ratio = 0.98;  // ...with this class this often
  uint32_t rule_min_support = 2;  // word types behind a suffix rule
  float prune = 0.01f;            // averaged weights smaller than this are dropped
};

// Trains a model on `train` (in this order, shuffled deterministically per iteration).
Model Train(const std::vector<UdSentence>& train, const TrainOptions& options,
            const std::function<void(const std::string&)>& log = {});

struct Accuracy {
  size_t words = 0, upos = 0;           // UPOS
  size_t verbs = 0, verb_feats = 0;     // gold VERB/AUX: VerbForm, Mood, Tense all right
  size_t lemma = 0;                     // lemma right (lower case), with the predicted UPOS
  size_t unseen = 0, unseen_lemma = 0;  // forms absent from the model's lexicon
  size_t unseen_upos = 0;
  size_t fixed = 0;                     // words tagged from the tag dictionary
  double Pct(size_t n, size_t d) const { return d == 0 ? 0.0 : 100.0 * n / d; }
};

class LemmaOverrides;

// Tags the gold words of `gold` (their tokenization) and compares; `verbs` (may be null) are
// the known verb forms of the decoding constraints (constraints.h), as the Tagger uses them.
// When `errors` is given, counts the mistakes by "GOLD -> PREDICTED" (UPOS, verb features
// of verbs, and "lemma:" of wrong lemmas of unseen words).
Accuracy Evaluate(const Model& model, const std::vector<UdSentence>& gold,
                  std::map<std::string, size_t>* errors = nullptr, const LemmaOverrides* verbs = nullptr);

// A baseline on `gold`: each word gets the UPOS it has most often in `train` (NOUN when unseen)
// and its lower-case form as lemma; verb features are not predicted. Fills words, upos and
// lemma (and their unseen counterparts).
Accuracy EvaluateBaseline(const std::vector<UdSentence>& train, const std::vector<UdSentence>& gold);

}  // namespace veille::syntax
