// Greedy left-to-right decoding with the averaged perceptron (internal to src/syntax/).
#pragma once
#include <cstdint>
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
  // ...): the sums of their weights are kept per form and role, so that a word costs a few
  // cached rows plus its MixedFeatures and TagFeatures instead of all its features.
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
    uint8_t ready = 0;  // bit r: the row of role r (rows) is computed
    // The caller's lemma of the form for one part of speech (Tagger::TagSentence).
    bool has_lemma = false;
    Pos lemma_pos = Pos::kX;
    std::string lemma;
  };
  static constexpr size_t kCacheSlots = 8192;  // a power of two
  uint64_t model_serial = 0;
  const LemmaOverrides* verbs = nullptr;  // the verb forms the cache was described with
  uint32_t stamp = 0;              // counts the sentences
  size_t width = 0;                // Model::RowWidth()
  std::vector<Described> cache;
  std::vector<int32_t> rows;       // kCacheSlots x kRoles rows of `width`
  std::vector<int32_t> boundary;   // StartWord as M1 and M2, EndWord as P1 and P2
  std::vector<int32_t> tag_rows;   // TagFeatures by (prev, prev2), kStartTag as classes.size()
  std::vector<uint8_t> tag_ready;
  Premixed end_mix;                // Premix(EndWord())
  std::vector<uint32_t> slot;      // per word: its cache slot
  std::vector<int> fixed;          // per word: Described::fixed
  std::vector<uint8_t> verb_form;  // per word: Described::verb_form
  std::vector<Premixed> mix;       // per word: Described::mix
  // Per word: its rows; in the cache, or in `spill` when a later word of the sentence took
  // its slot (spilled[i] = 1; all its rows were computed before). The cache holds
  // kCacheSlots x kRoles rows of width int32 per thread (6.5 MB with 37 classes).
  std::vector<const int32_t*> rows_of;
  std::vector<uint8_t> spilled;
  std::vector<int32_t> spill;
  std::vector<WordInfo> words;
  // Lower-case forms, parallel to words: the cache entry's, or a copy in spill_lower when a
  // later word of the sentence took the slot.
  std::vector<std::string_view> lower;
  std::vector<std::string> spill_lower;
  std::vector<int> classes;        // the result
};


// Tags forms[0..n): scratch->classes[i] is the class of forms[i], scratch->lower[i] its
// lower-case form, scratch->cache[scratch->slot[i]] its cache entry unless a later form of
// the sentence took the slot (then scratch->spilled[i] is 1). The model's choices go through
// Constrain (constraints.h), with `verbs` (may be null) as the known verb forms. The same
// classes as scoring every word with Extract's features and Model::Predict.
void TagForms(const Model& model, const std::string_view* forms, size_t n, Scratch* scratch,
              const LemmaOverrides* verbs = nullptr);

}  // namespace veille::syntax
