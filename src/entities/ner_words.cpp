#include "entities/ner_words.h"

#include <algorithm>
#include <cstring>

#include "core/hash.h"

#include "syntax/features.h"

namespace veille::ner {
namespace {

constexpr size_t kCapacity = 8192;  // words kept (about 1.3 KB each)

// A form's key: its length and up to its first and last eight bytes, read in at most
// two loads. For a form of at most 16 bytes these cover every byte, so equal keys mean
// equal forms; longer forms are compared in full. (Forms average 4.5 bytes: a general
// string hash and memcmp cost more than the key.)
inline WordTable::Key KeyOf(std::string_view form) {
  const char* p = form.data();
  const size_t n = form.size();
  WordTable::Key k;
  k.n = static_cast<uint32_t>(n);
  if (n >= 8) {
    std::memcpy(&k.a, p, 8);
    std::memcpy(&k.b, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    k.a = x;
    k.b = y;
  } else if (n > 0) {
    k.a = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 |
          static_cast<unsigned char>(p[n - 1]) << 16;
  }
  return k;
}

inline uint64_t HashOf(const WordTable::Key& k) { return Mix64(k.a ^ (k.b * 0x9E3779B97F4A7C15ULL) ^ (uint64_t{k.n} << 56)); }

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
  std::fill(slots_.begin(), slots_.end(), Key{});
}

void WordTable::Reserve(size_t n) {
  if (n > capacity_ || capacity_ == 0) {  // (a sentence longer than the table: grow it)
    capacity_ = std::max(kCapacity, n);
    size_t size = 16;
    while (size < capacity_ * 2) size <<= 1;
    entries_.clear();
    entries_.shrink_to_fit();
    entries_.reserve(capacity_);
    slots_.assign(size, Key{});
    return;
  }
  if (entries_.size() + n > capacity_) Clear();
}

NerModel::WordRows* WordTable::Find(std::string_view form) {
  const Key k = KeyOf(form);
  const size_t mask = slots_.size() - 1;
  for (size_t s = HashOf(k) & mask;; s = (s + 1) & mask) {
    const Key& x = slots_[s];
    if (x.entry == 0) return Add(form, k, s);
    if (x.a == k.a && x.b == k.b && x.n == k.n && (k.n <= 16 || entries_[x.entry - 1].form == form))
      return &entries_[x.entry - 1].rows;
  }
}

// (out of line: a new form is rare, and the lookup above then needs fewer saved registers)
[[gnu::noinline]] NerModel::WordRows* WordTable::Add(std::string_view form, Key k, size_t slot) {
  Entry& x = entries_.emplace_back();  // (Reserve made room: no reallocation)
  x.form.assign(form);
  DescribeWord(form, *lexicon_, &x.rows.word, &lower_);
  model_->InitRows(&x.rows);
  k.entry = static_cast<uint32_t>(entries_.size());
  slots_[slot] = k;
  return &x.rows;
}

}  // namespace veille::ner
