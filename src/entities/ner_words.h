// The NER tagger's per-thread table of words (internal to entities/): each distinct form is
// described (DescribeWord) and gets its dense score rows (NerModel::WordRows) once, then
// keeps them across sentences and documents until the table is full and starts again.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/ner_features.h"
#include "entities/ner_model.h"

namespace veille::ner {

class WordTable {
 public:
  // This thread's table for the model (which has the compact table) and the lexicon;
  // emptied when they are not those of the last call.
  static WordTable& For(const NerModel& model, const NerLexicon& lexicon);

  // Makes room for `n` new words, emptying the table when it might overflow. The rows
  // that Find returns after it stay in place until the next Reserve.
  void Reserve(size_t n);
  NerModel::WordRows* Find(std::string_view form);
  // The rows of BoundaryWord(start).
  NerModel::WordRows* Boundary(bool start) { return start ? &start_ : &end_; }

  // A slot: the form's length and first and last bytes (ner_words.cpp), and its entry + 1
  // (0: empty).
  struct Key {
    uint64_t a = 0, b = 0;
    uint32_t n = 0, entry = 0;
  };

 private:
  struct Entry {
    std::string form;
    NerModel::WordRows rows;
  };
  // Describes a form Find did not have and puts it in `slot` (`k`: its key).
  NerModel::WordRows* Add(std::string_view form, Key k, size_t slot);
  void Reset(const NerModel& model, const NerLexicon& lexicon);
  void Clear();

  const NerModel* model_ = nullptr;
  const NerLexicon* lexicon_ = nullptr;
  uint64_t model_id_ = 0, lexicon_id_ = 0;
  size_t capacity_ = 0;
  std::vector<Entry> entries_;   // reserved to capacity_: entries do not move
  std::vector<Key> slots_;  // open addressing, 2 * capacity_ or more (a power of two)
  NerModel::WordRows start_, end_;
  std::string lower_;
};

}  // namespace veille::ner
