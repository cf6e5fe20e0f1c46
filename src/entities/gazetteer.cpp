#include "entities/gazetteer.h"

#include <unicode/uchar.h>

#include "core/hash.h"
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

// FNV-1a of `s` with ASCII capitals read as lower case (MakeWords() computes the same on the fly).
constexpr uint64_t kFnvStart = 1469598103934665603ULL, kFnvPrime = 1099511628211ULL;
uint64_t HashLowered(std::string_view s) {
  uint64_t h = kFnvStart;
  for (char ch : s) {
    unsigned char b = static_cast<unsigned char>(ch);
    h = (h ^ (b >= 'A' && b <= 'Z' ? b + 32u : b)) * kFnvPrime;
  }
  return Mix64(h);
}

uint64_t EdgeHash(int node, uint64_t key_hash) {
  return Mix64(key_hash ^ (static_cast<uint64_t>(node) * 0x9E3779B97F4A7C15ULL));
}

// ASCII classes: 1 letter or digit, 2 capital letter. fold: the lower case of an ASCII
// letter or digit, 0 for any other byte (bytes >= 0x80 included).
struct AsciiClasses {
  uint8_t c[128] = {};
  uint8_t fold[256] = {};
  constexpr AsciiClasses() {
    for (int b = 'a'; b <= 'z'; ++b) c[b] = 1, fold[b] = static_cast<uint8_t>(b);
    for (int b = 'A'; b <= 'Z'; ++b) c[b] = 3, fold[b] = static_cast<uint8_t>(b + 32);
    for (int b = '0'; b <= '9'; ++b) c[b] = 1, fold[b] = static_cast<uint8_t>(b);
  }
};
constexpr AsciiClasses kAscii;

// French elided words that attach to the next word with an apostrophe (`folded`: lower
// case, no accents).
bool IsElision(std::string_view folded) {
  return folded == "l" || folded == "d" || folded == "j" || folded == "m" || folded == "n" || folded == "s" ||
         folded == "t" || folded == "c" || folded == "qu" || folded == "jusqu" || folded == "lorsqu" ||
         folded == "puisqu" || folded == "quoiqu";
}

// IsElision of Skeleton::Fold(word); `ascii`: the word has no byte >= 0x80.
bool IsElisionWord(std::string_view word, bool ascii) {
  if (!ascii || word.size() > 6) return IsElision(Skeleton::Fold(word));
  char lower[6];
  for (size_t k = 0; k < word.size(); ++k) {
    char c = word[k];
    lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return IsElision(std::string_view(lower, word.size()));
}

}  // namespace

// `text` must be valid UTF-8 (documents are repaired when read; names come from
// validated dictionary files).
Gazetteer::Words Gazetteer::MakeWords(std::string_view text, bool with_keys) const {
  Words out;
  std::vector<Word>& words = out.list;
  words.reserve(text.size() / 6 + 4);  // about one word per 6-7 bytes of French
  out.capitals.reserve(text.size() / 32 + 4);  // and one capitalised word in 6 or so
  size_t i = 0, n = text.size();
  while (i < n) {
    // Skip to the start of a word.
    size_t j = i;
    char32_t c = 0;
    while (j < n) {
      unsigned char b = static_cast<unsigned char>(text[j]);
      if (b < 0x80) {  // ASCII (most bytes): a table
        if (kAscii.c[b] & 1) {
          c = b;
          break;
        }
        ++j;
        continue;
      }
      size_t k = j;
      c = utf8::Next(text, k);
      if (IsWordChar(c)) break;
      j = k;
    }
    if (j >= n) break;
    size_t start = j;
    bool upper = IsUpper(c);
    // Up to the end of the word; an apostrophe after an elided article ends it. A word of
    // ASCII and Latin-1 letters gets its FoldHash on the way (the hash of Skeleton::Fold:
    // ASCII lower-cased, Latin-1 letters by Skeleton::FoldLatin1).
    size_t end = j;
    bool ascii = true;   // no byte >= 0x80 so far
    bool hashed = true;  // h is the FNV-1a of the fold so far
    uint64_t h = kFnvStart;
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
    while (end < n) {
      // ASCII letters and digits (most bytes of a word): lower-cased into the hash.
      while (end < n && kAscii.fold[bytes[end]]) h = (h ^ kAscii.fold[bytes[end++]]) * kFnvPrime;
      if (end >= n) break;
      unsigned char b = bytes[end];
      if (b < 0x80 && b != '\'') break;  // (an ASCII word character was taken above)
      if (b == 0xC3 && end + 1 < n) {  // a Latin-1 letter (é, à, ç, É...): a word character
        if (const char* base = Skeleton::FoldLatin1(static_cast<unsigned char>(text[end + 1]))) {
          for (; *base; ++base) h = (h ^ static_cast<unsigned char>(*base)) * kFnvPrime;
          ascii = false;
          end += 2;
          continue;
        }
      }
      size_t k = end;
      char32_t d = utf8::Next(text, k);
      if (IsWordChar(d)) {
        ascii = false;
        hashed = false;
        end = k;
        continue;
      }
      // (elisions have at most 6 letters: a longer ASCII word is none)
      // (an ASCII word of at most 6 letters is folded on the stack)
      if (IsApostrophe(d) && !(ascii && end - start > 6) && IsElisionWord(text.substr(start, end - start), ascii)) {
        // "d'Iran": restart after the apostrophe.
        ascii = true;
        hashed = true;
        h = kFnvStart;
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
      Word& word = words.emplace_back();
      word.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
      word.capitalised = upper;
      if (upper) out.capitals.push_back(static_cast<uint32_t>(words.size() - 1));
      if (hashed) {
        word.fold_hash = Mix64(h);
        word.fold_hashed = true;
      }
      if (with_keys) {
        const std::string& key = skeleton_.Key(w, &word.key_hash);
        word.key_at = static_cast<uint32_t>(out.side.size());
        word.key_len = static_cast<uint32_t>(key.size());
        out.side.append(key);
        word.keyed = true;
      }
    }
    i = end > j ? end : j + 1;
  }
  return out;
}

void Gazetteer::Add(std::string_view name, uint32_t value, bool capitalised) {
  int node = 0;
  Words words = WordsOf(name);
  if (!capitalised && words.size() > 0) {
    std::string_view first = words.list.front().span.of(name);
    lower_starts_.insert(Skeleton::Fold(first));
    uint64_t h = FoldHash(first);
    lower_start_hashes_.insert(h);
    start_bits_[(h >> 6) & (kStartWords - 1)] |= uint64_t{1} << (h & 63);
  }
  if (capitalised) any_case_only_ = false;
  if (words.size() > 0) {
    uint64_t h = words.list.front().key_hash;
    first_key_bits_[(h >> 6) & (kStartWords - 1)] |= uint64_t{1} << (h & 63);
  }
  for (const Word& w : words) {
    int child = Child(node, words.Key(w), w.key_hash);
    if (child < 0) {
      child = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      nodes_.back().parent = node;
      nodes_.back().key = words.Key(w);
      Link(node, child, w.key_hash);
    }
    node = child;
  }
  if (node == 0) return;  // no word in the name
  for (const Value& v : nodes_[node].values)
    if (v.value == value) return;
  const Value v{value, capitalised, words.size() == 1 && IsAllCaps(name)};
  nodes_[node].values.push_back(v);
  for (int variant = 0; variant < 4; ++variant)
    if ((!v.capitalised || (variant & 1)) && (!v.acronym || (variant & 2))) nodes_[node].matching[variant].push_back(value);
  ++entries_;
}

uint64_t Gazetteer::FoldHash(std::string_view word) {
  for (char ch : word)
    if (static_cast<unsigned char>(ch) >= 0x80) return HashLowered(Skeleton::Fold(word));
  return HashLowered(word);  // Fold of an ASCII word is its lower case
}

int Gazetteer::Child(int node, std::string_view key, uint64_t key_hash) const {
  uint64_t h = EdgeHash(node, key_hash);
  size_t mask = edges_.size() - 1;
  for (size_t s = h & mask;; s = (s + 1) & mask) {
    const Edge& e = edges_[s];
    if (e.child == 0) return -1;
    if (e.hash == h && nodes_[e.child].parent == node && nodes_[e.child].key == key) return e.child;
  }
}

void Gazetteer::Link(int node, int child, uint64_t key_hash) {
  if ((edge_count_ + 1) * 2 > edges_.size()) {  // load factor <= 0.5
    std::vector<Edge> old(edges_.size() * 2);
    old.swap(edges_);
    for (const Edge& e : old)
      if (e.child != 0)
        for (size_t s = e.hash & (edges_.size() - 1);; s = (s + 1) & (edges_.size() - 1))
          if (edges_[s].child == 0) {
            edges_[s] = e;
            break;
          }
  }
  uint64_t h = EdgeHash(node, key_hash);
  for (size_t s = h & (edges_.size() - 1);; s = (s + 1) & (edges_.size() - 1))
    if (edges_[s].child == 0) {
      edges_[s] = {h, child};
      break;
    }
  ++edge_count_;
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view text) const {
  Words words = MakeWords(text, /*with_keys=*/false);
  return Find(text, words);
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view text, Words& words) const {
  std::vector<Match> out;
  // (the words are not added or removed here: a plain pointer and size, loaded once)
  Word* const ws = words.list.data();
  const size_t nw = words.list.size();
  std::string& side = words.side;
  const bool any_case_only = any_case_only_;
  const uint64_t* const start_bits = start_bits_.data();
  auto keyed = [&](size_t j) -> const Word& {
    Word& w = ws[j];
    if (!w.keyed) {
      const std::string& key = skeleton_.Key(w.span.of(text), &w.key_hash);
      w.key_at = static_cast<uint32_t>(side.size());
      w.key_len = static_cast<uint32_t>(key.size());
      side.append(key);
      w.keyed = true;
    }
    return w;
  };
  // The longest name starting at word i: its end (in words) and node, or best_node < 0.
  auto longest_at = [&](size_t i, size_t* best_end) -> int {
    int node = 0, best_node = -1;
    for (size_t j = i; j < nw; ++j) {
      // Words of one name are separated by spaces or hyphens only.
      if (j > i) {
        std::string_view gap = text.substr(ws[j - 1].span.end, ws[j].span.start - ws[j - 1].span.end);
        if (!IsNameGap(gap)) break;
      }
      const Word& w = keyed(j);
      // (most words start no name: the first word's key hash rules them out)
      if (j == i && !((first_key_bits_[(w.key_hash >> 6) & (kStartWords - 1)] >> (w.key_hash & 63)) & 1)) break;
      node = Child(node, words.Key(w), w.key_hash);
      if (node < 0) break;
      for (const Value& v : nodes_[node].values) {
        if ((!v.capitalised || ws[i].capitalised) &&
            (!v.acronym || IsAllCaps(text.substr(ws[i].span.start, ws[j].span.end - ws[i].span.start)))) {
          *best_end = j + 1;
          best_node = node;
          break;
        }
      }
    }
    return best_node;
  };
  auto add = [&](size_t i, size_t best_end, int best_node) {
    Match m;
    m.span = {ws[i].span.start, ws[best_end - 1].span.end};
    m.words = static_cast<int>(best_end - i);
    bool caps = IsAllCaps(m.span.of(text));
    m.values = nodes_[best_node].matching[(ws[i].capitalised ? 1 : 0) | (caps ? 2 : 0)];
    out.push_back(m);
  };
  if (lower_starts_.empty() && !any_case_only) {
    // Only capitalised words start a name (surnames): the others need no look.
    size_t next = 0;  // the first word after the last match
    for (uint32_t i : words.capitals) {
      if (i < next) continue;
      size_t best_end = 0;
      int best_node = longest_at(i, &best_end);
      if (best_node < 0) continue;
      add(i, best_end, best_node);
      next = best_end;
    }
    return out;
  }
  size_t i = 0;
  while (i < nw) {
    if (!ws[i].capitalised || any_case_only) {
      // Most words start no name: the filter rules them out before any folding.
      if (!ws[i].fold_hashed) {
        ws[i].fold_hash = FoldHash(ws[i].span.of(text));
        ws[i].fold_hashed = true;
      }
      uint64_t fh = ws[i].fold_hash;  // MaybeLowerStart, through the loaded pointer
      if (!((start_bits[(fh >> 6) & (kStartWords - 1)] >> (fh & 63)) & 1) || !lower_start_hashes_.contains(fh)) {
        ++i;
        continue;
      }
      if (!ws[i].folded) {
        std::string folded = Skeleton::Fold(ws[i].span.of(text));
        ws[i].folded_at = static_cast<uint32_t>(side.size());
        ws[i].folded_len = static_cast<uint32_t>(folded.size());
        side.append(folded);
        ws[i].folded = true;
      }
      if (!lower_starts_.contains(words.Folded(ws[i]))) {
        ++i;
        continue;
      }
    }
    size_t best_end = 0;
    int best_node = longest_at(i, &best_end);
    if (best_node < 0) {
      ++i;
      continue;
    }
    add(i, best_end, best_node);
    i = best_end;
  }
  return out;
}

}  // namespace veille
