// Greedy left-to-right decoding with the averaged perceptron (internal to src/syntax/).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"
#include "syntax/features.h"
#include "syntax/model.h"

namespace veille::syntax {

class LemmaOverrides;

// Buffers reused from sentence to sentence, and what the model makes of recent forms.
struct Scratch {
  // Most of a word's features depend on one form only (features.h: SelfFeatures, M1Features,
  // ...): the sums of their weights are kept per form and role; those of a form with the
  // previous tag (WordPrevFeatures, NextPrevFeatures) per form and tag, those of the previous
  // two tags (TagFeatures) per tag pair; so a word the model decides costs eight cached rows
  // plus its two BigramFeatures instead of all its features.
  enum Role { kSelf, kAsM1, kAsM2, kAsP1, kAsP2, kRoles };
  // A recent form: direct-mapped by the form's hash; a slot is used only when its form is
  // the same. Everything but `form`, `lower` and the description depends on the model
  // (model_serial): the cache is emptied when the model changes.
  struct Described {
    std::string form, lower;
    WordInfo info;      // amb included
    Premixed mix;       // Premix(info)
    uint32_t stamp = 0; // Scratch::stamp of the last sentence that used the entry
    int fixed = -1;     // the class of a tag-dictionary word or punctuation, -1: the model decides
    // A tag-dictionary noun, adjective, adverb or conjunction that is also a known verb form
    // ("juge", "livre", "critique"): scored anyway, so that the constraints can make it a
    // verb after a subject ("le tribunal de Paris juge …"), its fixed class otherwise.
    bool verb_form = false;
    // What Constrain (constraints.h) asks of the form alone: whether it may be a past
    // participle (HasParticipleEnding, or not alphabetic), and whether it is a lower-case
    // known verb form (the verb constraint applies only to those).
    bool participle_ok = true;
    bool may_be_verb = false;
    uint8_t ready = 0;  // bit r: the row of role r (rows) is computed
    // The caller's lemma of the form for one part of speech (Tagger::TagSentence).
    bool has_lemma = false;
    Pos lemma_pos = Pos::kX;
    std::string lemma;
    uint64_t lemma_key = 0;  // WordKey(lemma) (core/hash.h), with the lemma
    uint64_t form_key = 0;   // WordKey(form, true): the form ASCII lower-cased (Token::form_key)
  };
  static constexpr size_t kCacheSlots = 32768;  // a power of two
  static constexpr uint8_t kAllRows = (1u << kRoles) - 1;
  uint64_t model_serial = 0;
  const LemmaOverrides* verbs = nullptr;  // the verb forms the cache was described with
  uint32_t stamp = 0;              // counts the sentences
  size_t width = 0;                // Model::RowWidth()
  std::vector<Described> cache;
  // kCacheSlots x kRoles rows of `width`, left uninitialised (a row is read only once
  // computed: Described::ready).
  std::unique_ptr<int32_t[]> rows;
  // The rows of the positions before the first word and after the last one, as a word's:
  // StartWord's M1 and M2 rows in start_rows, EndWord's P1 and P2 rows in end_rows (at their
  // roles; the other roles are never read).
  std::vector<int32_t> start_rows, end_rows;
  std::vector<int32_t> tag_rows;   // TagFeatures by (prev, prev2), kStartTag as classes.size()
  std::vector<uint8_t> tag_ready;
  // Per class: 1 if a past participle, 2 if a part of speech the verb constraint may change
  // (Constrain leaves the other classes as they are).
  std::vector<uint8_t> constrained;
  Premixed end_mix;                // Premix(EndWord())
  // The sums of the features that join a form and the previous tag (WordPrevFeatures, and
  // NextPrevFeatures for the form as the next word), by (lower-case hash, previous tag):
  // direct-mapped, an entry answers only for its own key.
  struct PrevRows {
    static constexpr size_t kSlots = 16384;  // a power of two
    std::vector<uint64_t> lower;
    std::vector<int32_t> prev;      // -1: empty
    std::unique_ptr<int32_t[]> rows;  // kSlots rows of `width` (uninitialised: read once keyed)
  };
  PrevRows word_prev, next_prev;
  // A word of the sentence being tagged: what the scoring reads of its cache entry, copied
  // (a later word of the sentence may take the entry).
  struct Word {
    // Its kRoles rows (all computed): in the cache, or in `spill` when a later word of the
    // sentence took its slot (then `spilled`). The cache holds kCacheSlots x kRoles rows of
    // width int32 per thread (26 MB of address space with 37 classes, touched as forms come).
    const int32_t* rows = nullptr;
    uint64_t lower_hash = 0;  // WordInfo::lower
    Premixed mix;             // Described::mix
    uint32_t amb = 0;         // WordInfo::amb
    int fixed = -1;           // Described::fixed
    uint32_t slot = 0;        // its cache slot
    bool verb_form = false;   // Described::verb_form
    bool participle_ok = true, may_be_verb = false;  // Described's
    bool spilled = false;
    // The lower-case form: the cache entry's, or a copy in spill_lower when spilled.
    std::string_view lower;
  };
  // The sentence's words from words[kPad], between two boundary words on each side (their
  // rows start_rows and end_rows, their lower-case hashes and mixes StartWord's and EndWord's),
  // so that a word's neighbours are read without a test. word(i) is the i-th word.
  static constexpr size_t kPad = 2;
  std::vector<Word> words;
  const Word& word(size_t i) const { return words[kPad + i]; }
  // A sentence's first word differs from its kSelf row by one feature (kFirstShape with
  // `first`): that difference, per shape, direct-mapped (a few shapes start most sentences).
  struct FirstDelta {
    static constexpr size_t kSlots = 64;  // a power of two
    std::vector<uint64_t> shape;
    std::vector<uint8_t> used;
    std::vector<int32_t> rows;  // kSlots rows of `width`
  };
  FirstDelta first_delta;
  uint64_t first_shape = 0;        // WordInfo::shape of the first word
  std::vector<int32_t> spill;
  std::vector<std::string> spill_lower;
  std::vector<int> classes;        // the result
};


// Tags forms[0..n): scratch->classes[i] is the class of forms[i], scratch->word(i).lower its
// lower-case form, scratch->cache[scratch->word(i).slot] its cache entry unless a later form
// of the sentence took the slot (then scratch->word(i).spilled). The model's choices go through
// Constrain (constraints.h), with `verbs` (may be null) as the known verb forms. The same
// classes as scoring every word with Extract's features and Model::Predict.
void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* scratch,
              const LemmaOverrides* verbs = nullptr);

}  // namespace veille::syntax
