#include "entities/ner_words.h"

#include <algorithm>

#include "syntax/features.h"

namespace veille::ner {
namespace {

constexpr size_t kCapacity = 8192;  // words kept (about 1.3 KB each)

}  // namespace

WordTable& WordTable::For(const NerModel& model, const NerLexicon& lexicon) {
  thread_local WordTable table;
  if (table.model_ != &model || table.model_id_ != model.id() || table.lexicon_ != &lexicon ||
      table.lexicon_id_ != lexicon.id() || lexicon.id() == 0)
    table.Reset(model, lexicon);
  return table;
}

void WordTable::Reset(const NerModel& model, const NerLexicon& lexicon) {
  model_ = &model;
  lexicon_ = &lexicon;
  model_id_ = model.id();
  lexicon_id_ = lexicon.id();
  start_.word = BoundaryWord(true);
  end_.word = BoundaryWord(false);
  model.InitRows(&start_);
  model.InitRows(&end_);
  if (capacity_ == 0) Reserve(0);  // (the first time: the entries and slots)
  Clear();
}

void WordTable::Clear() {
  entries_.clear();
  std::fill(slots_.begin(), slots_.end(), 0);
}

void WordTable::Reserve(size_t n) {
  if (n > capacity_ || capacity_ == 0) {  // (a sentence longer than the table: grow it)
    capacity_ = std::max(kCapacity, n);
    size_t size = 16;
    while (size < capacity_ * 2) size <<= 1;
    entries_.clear();
    entries_.shrink_to_fit();
    entries_.reserve(capacity_);
    slots_.assign(size, 0);
    hashes_.assign(size, 0);
    return;
  }
  if (entries_.size() + n > capacity_) Clear();
}

NerModel::WordRows* WordTable::Find(std::string_view form) {
  const uint64_t h = syntax::HashBytes(form);
  const size_t mask = slots_.size() - 1;
  for (size_t s = h & mask;; s = (s + 1) & mask) {
    uint32_t e = slots_[s];
    if (e == 0) {
      Entry& x = entries_.emplace_back();  // (Reserve made room: no reallocation)
      x.form.assign(form);
      DescribeWord(form, *lexicon_, &x.rows.word, &lower_);
      model_->InitRows(&x.rows);
      slots_[s] = static_cast<uint32_t>(entries_.size());
      hashes_[s] = static_cast<uint32_t>(h);
      return &x.rows;
    }
    if (hashes_[s] == static_cast<uint32_t>(h) && entries_[e - 1].form == form) return &entries_[e - 1].rows;
  }
}

}  // namespace veille::ner
