#include <charconv>

#include "core/dict_file.h"
#include "quotes/words.h"
#include "time/internal.h"

namespace veille {
namespace timex {
namespace {

int ParseInt(const DictLine& l, std::string_view s, int lo, int hi) {
  int v = 0;
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi)
    l.Fail("expected an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return v;
}

}  // namespace

Lexicon Lexicon::Load() {
  Lexicon lex;
  auto entry = [&lex](const DictLine& l) -> Word& {
    std::string w(l.fields[0]);
    for (char c : w)
      if (c >= 'A' && c <= 'Z') l.Fail("words must be lower case");
    Word& e = lex.words_[w];
    if (e.rule.empty()) e.rule = l.Where();
    uint32_t h = Hash(w);
    lex.filter_[(h >> 5) & (kFilterWords - 1)] |= 1u << (h & 31);
    if (w.size() > lex.max_len_) lex.max_len_ = w.size();
    if (!w.empty()) {
      uint16_t key = ShapeKey(w);
      lex.shapes_[key >> 6] |= uint64_t{1} << (key & 63);
      const size_t bit = WordHashBit(quotes::WordHash(w));
      lex.word_hashes_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
    return e;
  };
  ReadDictFile("time/months.tsv", [&](const DictLine& l) { entry(l).month = ParseInt(l, l.fields[1], 1, 12); }, 2, 2);
  ReadDictFile("time/weekdays.tsv", [&](const DictLine& l) { entry(l).weekday = ParseInt(l, l.fields[1], 1, 7); }, 2, 2);
  ReadDictFile("time/numbers.tsv", [&](const DictLine& l) { entry(l).number = ParseInt(l, l.fields[1], 1, 1000); }, 2, 2);
  ReadDictFile("time/units.tsv", [&](const DictLine& l) {
    std::string_view u = l.fields[1];
    Unit unit = u == "day" ? Unit::kDay : u == "week" ? Unit::kWeek : u == "month" ? Unit::kMonth
              : u == "year" ? Unit::kYear : Unit::kNone;
    if (unit == Unit::kNone) l.Fail("unit must be day, week, month or year");
    entry(l).unit = unit;
  }, 2, 2);
  ReadDictFile("time/modifiers.tsv", [&](const DictLine& l) {
    Word& e = entry(l);
    e.modifier = ParseInt(l, l.fields[1], -1, 1);
    e.has_modifier = true;
  }, 2, 2);
  ReadDictFile("time/relative.tsv", [&](const DictLine& l) {
    std::string_view a = l.fields[1];
    if (a != "document" && a != "previous") l.Fail("anchor must be document or previous");
    Word& e = entry(l);
    e.relative = true;
    e.previous = a == "previous";
    e.offset = ParseInt(l, l.fields[2], -366, 366);
  }, 3, 3);
  size_t size = 16;
  while (size < 2 * lex.words_.size()) size *= 2;
  lex.by_hash_.assign(size, {});
  lex.hash_mask_ = size - 1;
  for (const auto& [key, word] : lex.words_) {
    const uint64_t h = quotes::WordHash(key);
    size_t k = h & lex.hash_mask_;
    while (lex.by_hash_[k].word) k = (k + 1) & lex.hash_mask_;
    lex.by_hash_[k] = {h, &key, &word};
  }
  for (std::string_view w : GrammarWords()) {  // in the word-hash filter too (one test per word)
    const size_t bit = WordHashBit(quotes::WordHash(w));
    lex.word_hashes_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  return lex;
}

}  // namespace timex
}  // namespace veille
