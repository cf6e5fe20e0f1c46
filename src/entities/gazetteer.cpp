#include "entities/gazetteer.h"

#include <unicode/uchar.h>

#include <charconv>

#include "core/utf8.h"

namespace veille {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(c) > 0;
}
bool IsUpper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c)); }
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// "UN", "OTAN", "CIA": no lower-case letter and at least two letters.
bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// Between two words of one name: spaces or a hyphen, possibly with an elided
// article ("Département d'État", "chef de l'État": the elision is not a word).
bool IsNameGap(std::string_view gap) {
  if (gap.size() <= 2 && gap.find_first_not_of(" -") == std::string_view::npos) return true;
  size_t apos = gap.size() >= 3 && gap.substr(gap.size() - 3) == "\xE2\x80\x99" ? gap.size() - 3
                : !gap.empty() && gap.back() == '\'' ? gap.size() - 1 : std::string_view::npos;
  if (apos == std::string_view::npos || apos < 2 || apos > 7 || gap[0] != ' ') return false;
  for (size_t i = 1; i < apos; ++i)
    if (!((gap[i] >= 'a' && gap[i] <= 'z') || (gap[i] >= 'A' && gap[i] <= 'Z'))) return false;
  return true;
}

std::string EdgeKey(int node, const std::string& key) { return std::to_string(node) + '\x1f' + key; }

// French elided words that attach to the next word with an apostrophe.
bool IsElision(std::string_view folded) {
  return folded == "l" || folded == "d" || folded == "j" || folded == "m" || folded == "n" || folded == "s" ||
         folded == "t" || folded == "c" || folded == "qu" || folded == "jusqu" || folded == "lorsqu" ||
         folded == "puisqu" || folded == "quoiqu";
}

}  // namespace

// `text` must be valid UTF-8 (documents are repaired when read; names come from
// validated dictionary files).
std::vector<Gazetteer::Word> Gazetteer::Words(std::string_view text, bool with_keys) const {
  std::vector<Word> words;
  size_t i = 0, n = text.size();
  while (i < n) {
    // Skip to the start of a word.
    size_t j = i;
    char32_t c = 0;
    while (j < n) {
      size_t k = j;
      c = utf8::Next(text, k);
      if (IsWordChar(c)) break;
      j = k;
    }
    if (j >= n) break;
    size_t start = j;
    bool upper = IsUpper(c);
    // Up to the end of the word; an apostrophe after an elided article ends it.
    size_t end = j;
    while (end < n) {
      size_t k = end;
      char32_t d = utf8::Next(text, k);
      if (IsWordChar(d)) {
        end = k;
        continue;
      }
      if (IsApostrophe(d) && IsElision(Skeleton::Fold(text.substr(start, end - start)))) {
        // "d'Iran": restart after the apostrophe.
        start = k;
        end = k;
        if (k < n) {
          size_t m = k;
          upper = IsUpper(utf8::Next(text, m));
        }
        continue;
      }
      break;
    }
    if (end > start) {
      std::string_view w = text.substr(start, end - start);
      words.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(end)},
                       with_keys ? skeleton_.Key(w) : std::string(), std::string(), upper});
    }
    i = end > j ? end : j + 1;
  }
  return words;
}

void Gazetteer::Add(std::string_view name, uint32_t value, bool capitalised) {
  int node = 0;
  std::vector<Word> words = Words(name);
  if (!capitalised && !words.empty()) lower_starts_.insert(Skeleton::Fold(words.front().span.of(name)));
  if (capitalised) any_case_only_ = false;
  for (const Word& w : words) {
    std::string edge = EdgeKey(node, w.key);
    auto it = edges_.find(edge);
    if (it == edges_.end()) {
      nodes_.emplace_back();
      it = edges_.emplace(edge, static_cast<int>(nodes_.size() - 1)).first;
    }
    node = it->second;
  }
  if (node == 0) return;  // no word in the name
  for (const Value& v : nodes_[node].values)
    if (v.value == value) return;
  nodes_[node].values.push_back({value, capitalised, words.size() == 1 && IsAllCaps(name)});
  ++entries_;
}

int Gazetteer::Child(int node, const std::string& key) const {
  // EdgeKey without an allocation per step: the key is built in a reused buffer.
  thread_local std::string edge;
  char digits[16];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, node);
  (void)ec;  // an int always fits
  edge.assign(digits, end);
  edge += '\x1f';
  edge += key;
  auto it = edges_.find(edge);
  return it == edges_.end() ? -1 : it->second;
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view text) const {
  std::vector<Word> words = Words(text, /*with_keys=*/false);
  return Find(text, words);
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view text, std::vector<Word>& words) const {
  std::vector<Match> out;
  auto key = [&](size_t j) -> const std::string& {
    if (words[j].key.empty()) words[j].key = skeleton_.Key(words[j].span.of(text));
    return words[j].key;
  };
  size_t i = 0;
  while (i < words.size()) {
    if (!words[i].capitalised || any_case_only_) {
      if (words[i].folded.empty()) words[i].folded = Skeleton::Fold(words[i].span.of(text));
      if (!lower_starts_.contains(words[i].folded)) {
        ++i;
        continue;
      }
    }
    int node = 0;
    size_t best_end = 0;
    int best_node = -1;
    for (size_t j = i; j < words.size(); ++j) {
      // Words of one name are separated by spaces or hyphens only.
      if (j > i) {
        std::string_view gap = text.substr(words[j - 1].span.end, words[j].span.start - words[j - 1].span.end);
        if (!IsNameGap(gap)) break;
      }
      node = Child(node, key(j));
      if (node < 0) break;
      for (const Value& v : nodes_[node].values) {
        if ((!v.capitalised || words[i].capitalised) &&
            (!v.acronym || IsAllCaps(text.substr(words[i].span.start, words[j].span.end - words[i].span.start)))) {
          best_end = j + 1;
          best_node = node;
          break;
        }
      }
    }
    if (best_node < 0) {
      ++i;
      continue;
    }
    Match m;
    m.span = {words[i].span.start, words[best_end - 1].span.end};
    m.words = static_cast<int>(best_end - i);
    bool caps = IsAllCaps(m.span.of(text));
    for (const Value& v : nodes_[best_node].values)
      if ((!v.capitalised || words[i].capitalised) && (!v.acronym || caps)) m.values.push_back(v.value);
    out.push_back(std::move(m));
    i = best_end;
  }
  return out;
}

}  // namespace veille
