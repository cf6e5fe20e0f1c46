#include "syntax/model.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

#include "syntax/conllu.h"

namespace veille::syntax {

void FlatIndex::Build(const std::vector<uint64_t>& keys) {
  size_t size = 16;
  while (size < keys.size() * 2) size <<= 1;  // load factor <= 0.5
  slots_.assign(size, 0);
  vals_.assign(size, 0);
  mask_ = size - 1;
  for (size_t i = 0; i < keys.size(); i++) {
    uint64_t k = keys[i] == 0 ? 1 : keys[i];
    uint64_t s = k & mask_;
    while (slots_[s] != 0 && slots_[s] != k) s = (s + 1) & mask_;
    if (slots_[s] == k) continue;  // duplicate key: the first one wins
    slots_[s] = k;
    vals_[s] = static_cast<uint32_t>(i);
  }
}

void Model::Index() {
  if (classes.empty() || classes.size() > 255) throw std::runtime_error("between 1 and 255 classes expected");
  class_pos.clear();
  class_feats.clear();
  class_past_participle.clear();
  punct_class = -1;
  for (const std::string& c : classes) {
    size_t bar = c.find('|');
    Pos p;
    if (!ParsePos(std::string_view(c).substr(0, bar), &p)) throw std::runtime_error("unknown class \"" + c + "\"");
    class_pos.push_back(p);
    if (c == "PUNCT") punct_class = static_cast<int>(class_pos.size()) - 1;
    class_feats.push_back(bar == std::string::npos ? "" : c.substr(bar + 1));
    const std::string& f = class_feats.back();
    class_past_participle.push_back((p == Pos::kVerb || p == Pos::kAux) && f.find("Tense=Past") != std::string::npos &&
                                    f.find("VerbForm=Part") != std::string::npos);
  }
  if (feature_begin.size() != feature_keys.size() + 1 || feature_begin.back() != entry_class.size() ||
      entry_class.size() != entry_weight.size())
    throw std::runtime_error("inconsistent weight tables");
  for (size_t f = 0; f + 1 < feature_begin.size(); f++)
    if (feature_begin[f] > feature_begin[f + 1]) throw std::runtime_error(fmt::format("feature {}: entries out of order", f));
  for (uint8_t c : entry_class)
    if (c >= classes.size()) throw std::runtime_error("weight for an unknown class");
  for (uint8_t c : tagdict_class)
    if (c >= classes.size()) throw std::runtime_error("tag dictionary entry for an unknown class");
  if (tagdict_keys.size() != tagdict_class.size()) throw std::runtime_error("inconsistent tag dictionary");
  if (entry_class.size() >= (1u << 24)) throw std::runtime_error("too many weights (at most 2^24)");
  float largest = 0;
  for (float w : entry_weight) largest = std::max(largest, std::fabs(w));
  const float scale = largest > 0 ? 30000.0f / largest : 1.0f;
  size_t size = 16;
  while (size * 3 < feature_keys.size() * 5) size <<= 1;  // load factor <= 0.6
  slots_.assign(size, Slot{});
  slot_mask_ = size - 1;
  weights_.clear();
  weights_.reserve(entry_class.size());
  dense_.clear();
  dense_width_ = classes.size() < kMaxClasses ? (classes.size() + kLanes - 1) / kLanes * kLanes : 0;
  for (size_t f = 0; f < feature_keys.size(); f++) {
    uint64_t s = feature_keys[f] & slot_mask_;
    uint32_t check = Check(feature_keys[f]);
    while (slots_[s].check != 0 && slots_[s].check != check) s = (s + 1) & slot_mask_;
    if (slots_[s].check == check) continue;  // same slot and check bits as an earlier feature: keep that one
    uint32_t count = feature_begin[f + 1] - feature_begin[f];
    bool distinct = true;  // one weight per class (else the int16 row could overflow where int32 sums do not)
    if (dense_width_ > 0 && count >= kDenseMin) {
      uint64_t seen[4] = {};
      for (uint32_t e = feature_begin[f]; e < feature_begin[f + 1] && distinct; e++) {
        uint64_t bit = 1ull << (entry_class[e] & 63);
        distinct = !(seen[entry_class[e] >> 6] & bit);
        seen[entry_class[e] >> 6] |= bit;
      }
    }
    if (dense_width_ > 0 && count >= kDenseMin && distinct) {
      size_t row = dense_.size() / dense_width_;
      if (row >= (1u << 24)) throw std::runtime_error("too many dense weight rows (at most 2^24)");
      dense_.resize(dense_.size() + dense_width_, 0);
      int16_t* w = &dense_[row * dense_width_];
      for (uint32_t e = feature_begin[f]; e < feature_begin[f + 1]; e++)
        w[entry_class[e]] = static_cast<int16_t>(std::lround(entry_weight[e] * scale));
      slots_[s] = Slot{check, static_cast<uint32_t>(row) << 8 | kDense};
      continue;
    }
    slots_[s] = Slot{check, static_cast<uint32_t>(weights_.size()) << 8 | count};
    for (uint32_t e = feature_begin[f]; e < feature_begin[f + 1]; e++)
      weights_.push_back(Weight{static_cast<int16_t>(std::lround(entry_weight[e] * scale)), entry_class[e]});
  }
  tagdict.Build(tagdict_keys);
  std::vector<uint64_t> keys;
  keys.reserve(lexicon.size());
  for (const LexEntry& e : lexicon) keys.push_back(LexKey(HashBytes(e.form), e.pos));
  lex.Build(keys);
  keys.clear();
  for (const LexEntry& e : lexicon) keys.push_back(LexKey(HashBytes(e.lemma), e.pos));
  known_lemmas.Build(keys);
  keys.clear();
  amb_mask.clear();
  for (size_t i = 0; i < lexicon.size(); i++) {  // sorted by form: one run per form
    if (i == 0 || lexicon[i].form != lexicon[i - 1].form) {
      keys.push_back(HashBytes(lexicon[i].form));
      amb_mask.push_back(0);
    }
    amb_mask.back() |= 1u << static_cast<int>(lexicon[i].pos);
  }
  amb_index.Build(keys);
  keys.clear();
  for (const SuffixRule& r : rules) keys.push_back(RuleKey(r.suffix, r.pos));
  rule_index.Build(keys);
  static std::atomic<uint64_t> serials{0};
  serial = ++serials;
}

}  // namespace veille::syntax
