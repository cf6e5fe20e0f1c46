#include "entities/gazetteer.h"

#include <unicode/uchar.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The hash of a folded word (FoldHash): its length and first 8 bytes, so a word is hashed
// with one load (the first-word filter only needs to rule most words out: Find() checks
// the folded word itself). `or_mask` is ORed into every byte first: 0x20 lower-cases ASCII
// letters and leaves digits as they are, so NextWord() hashes an ASCII word of the text
// without folding it. `readable`: bytes that can be read from p (8 are loaded at once
// when there are, then masked to the word).
constexpr uint64_t kLowerAscii = 0x2020202020202020ULL;
uint64_t FoldedHash(const unsigned char* p, size_t len, size_t readable, uint64_t or_mask) {
  if (len == 0) return 0;
  const size_t head = len < 8 ? len : 8;
  uint64_t x = 0;
  if (readable >= 8) {
    std::memcpy(&x, p, 8);
  } else {
    std::memcpy(&x, p, head);  // (the end of a text, or a dictionary word)
  }
  x = (x | or_mask) & (~uint64_t{0} >> (64 - 8 * head));
  uint64_t h = (x ^ (len * 0x9E3779B97F4A7C15ULL)) * 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 32);  // the low bits (the filter's index) take the product's high ones
}

uint64_t EdgeHash(int node, uint64_t key_hash) {
  return Mix64(key_hash ^ (static_cast<uint64_t>(node) * 0x9E3779B97F4A7C15ULL));
}

// ASCII classes: 1 letter or digit, 2 capital letter. fold: the lower case of an ASCII
// letter or digit, 0 for any other byte (bytes >= 0x80 included).
struct AsciiClasses {
  uint8_t c[128] = {};
  uint8_t fold[256] = {};
  uint8_t skip[256] = {};  // 1: an ASCII byte that is no letter or digit (between words)
  constexpr AsciiClasses() {
    for (int b = 0; b < 0x80; ++b) skip[b] = 1;
    for (int b = 'a'; b <= 'z'; ++b) skip[b] = 0;
    for (int b = 'A'; b <= 'Z'; ++b) skip[b] = 0;
    for (int b = '0'; b <= '9'; ++b) skip[b] = 0;
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

// Skeleton::FoldLatin1 by table: the fold of the Latin-1 letter 0xC3 `second`, or nullptr.
struct Latin1Folds {
  const char* base[64];
  Latin1Folds() {
    for (int k = 0; k < 64; ++k) base[k] = Skeleton::FoldLatin1(static_cast<unsigned char>(0x80 + k));
  }
  const char* Of(unsigned char second) const { return (second & 0xC0) == 0x80 ? base[second & 0x3F] : nullptr; }
};
const Latin1Folds kLatin1;

// FoldedHash of the word bytes[start, end) (at most 64 bytes) of ASCII letters and digits and
// Latin-1 letters, folded on the stack (a letter folds to at most 2 bytes).
uint64_t Latin1FoldHash(const unsigned char* bytes, size_t start, size_t end) {
  unsigned char folded[64];
  size_t len = 0;
  for (size_t k = start; k < end;) {
    if (bytes[k] < 0x80) {
      folded[len++] = kAscii.fold[bytes[k++]];
      continue;
    }
    for (const char* base = kLatin1.Of(bytes[k + 1]); *base; ++base) folded[len++] = static_cast<unsigned char>(*base);
    k += 2;
  }
  return FoldedHash(folded, len, len, 0);
}

// One word of a text as NextWord() finds it.
struct RawWord {
  uint32_t start = 0, end = 0;
  bool upper = false;      // its first letter is a capital
  bool hashed = false;     // fold_hash is set (a word of ASCII and Latin-1 letters)
  uint64_t fold_hash = 0;  // Gazetteer::FoldHash of the word
};

// Sets *out to the word text[start, end) of `n` bytes: `ascii` when all its letters are ASCII
// (its fold is its lower case), else `latin1` when they are ASCII or Latin-1; other words, and
// words longer than 64 bytes of Latin-1, are left to Find() (not hashed).
void SetWord(const unsigned char* bytes, size_t n, size_t start, size_t end, bool upper, bool ascii, bool latin1,
             RawWord* out) {
  out->start = static_cast<uint32_t>(start);
  out->end = static_cast<uint32_t>(end);
  out->upper = upper;
  out->hashed = true;
  if (ascii) {
    out->fold_hash = FoldedHash(bytes + start, end - start, n - start, kLowerAscii);
  } else if (latin1 && end - start <= 64) {
    out->fold_hash = Latin1FoldHash(bytes, start, end);
  } else {
    out->hashed = false;
    out->fold_hash = 0;
  }
}

// NextWord() for any word: non-ASCII letters, elided articles.
[[gnu::noinline]] bool NextWordSlow(std::string_view text, size_t i, RawWord* out) {
  const size_t n = text.size();
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (i < n) {
    // Skip to the start of a word.
    size_t j = i;
    char32_t c = 0;
    while (j < n) {
      unsigned char b = bytes[j];
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
    if (j >= n) return false;
    size_t start = j;
    bool upper = IsUpper(c);
    // Up to the end of the word; an apostrophe after an elided article ends it.
    size_t end = j;
    bool ascii = true;   // no byte >= 0x80 so far
    bool latin1 = true;  // and those are Latin-1 letters (Skeleton::FoldLatin1)
    while (end < n) {
      // ASCII letters and digits: most bytes of a word.
      while (end < n && kAscii.fold[bytes[end]]) ++end;
      if (end >= n) break;
      unsigned char b = bytes[end];
      if (b < 0x80 && b != '\'') break;  // (an ASCII word character was taken above)
      if (b == 0xC3 && end + 1 < n && Skeleton::FoldLatin1(bytes[end + 1])) {  // é, à, ç, É...
        ascii = false;
        end += 2;
        continue;
      }
      size_t k = end;
      char32_t d = utf8::Next(text, k);
      if (IsWordChar(d)) {
        ascii = false;
        latin1 = false;
        end = k;
        continue;
      }
      // (elisions have at most 6 letters: a longer ASCII word is none)
      // (an ASCII word of at most 6 letters is folded on the stack)
      if (IsApostrophe(d) && !(ascii && end - start > 6) && IsElisionWord(text.substr(start, end - start), ascii)) {
        // "d'Iran": restart after the apostrophe.
        ascii = true;
        latin1 = true;
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
      SetWord(bytes, n, start, end, upper, ascii, latin1, out);
      return true;
    }
    i = end > j ? end : j + 1;
  }
  return false;
}


// Skeleton::Fold of a word of at most 64 bytes of ASCII letters and digits and Latin-1
// letters (most words), written to `out` without a string: its length, 0 for other words.
size_t FoldLatin1Word(std::string_view word, char* out) {
  if (word.size() > 64) return 0;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(word.data());
  size_t len = 0;
  for (size_t k = 0; k < word.size();) {
    unsigned char b = bytes[k];
    if (b < 0x80) {
      if (!kAscii.fold[b]) return 0;
      out[len++] = static_cast<char>(kAscii.fold[b]);
      ++k;
      continue;
    }
    const char* base = b == 0xC3 && k + 1 < word.size() ? kLatin1.Of(bytes[k + 1]) : nullptr;
    if (!base) return 0;
    for (; *base; ++base) out[len++] = *base;  // (a letter of 2 bytes folds to at most 2)
    k += 2;
  }
  return len;
}

// The first word of `text` at or after byte `i` (a word start or a place between words);
// false when there is none. `text` must be valid UTF-8 (documents are repaired when read;
// names come from validated dictionary files). Words are scanned one after the other from
// the end of the previous one, so Find() can read the words after a first word again.
[[gnu::always_inline]] inline bool NextWord(std::string_view text, size_t i, RawWord* out) {
  // Most words are ASCII and Latin-1 letters (é, à, É...) and digits between ASCII bytes,
  // possibly after an elided article ("l'", "qu'"): they take this path; NextWordSlow()
  // takes the others from their first letter.
  const size_t n = text.size();
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (;;) {
    while (i < n && kAscii.skip[bytes[i]]) ++i;
    if (i >= n) return false;
    bool upper;
    if (bytes[i] < 0x80) {
      upper = kAscii.c[bytes[i]] == 3;
    } else if (bytes[i] == 0xC3 && i + 1 < n && kLatin1.Of(bytes[i + 1])) {
      upper = bytes[i + 1] < 0x9F;  // U+00C0..U+00DE (but U+00D7, no letter) are capitals
    } else {
      return NextWordSlow(text, i, out);
    }
    size_t end = i;
    bool latin1 = false;  // a Latin-1 letter in the word
    for (;;) {
      while (end < n && kAscii.fold[bytes[end]]) ++end;
      if (end + 1 < n && bytes[end] == 0xC3 && kLatin1.Of(bytes[end + 1])) {
        latin1 = true;
        end += 2;
        continue;
      }
      break;
    }
    if (end < n && bytes[end] >= 0x80) return NextWordSlow(text, i, out);
    if (end < n && bytes[end] == '\'') {
      if (latin1) return NextWordSlow(text, i, out);
      // (elisions have at most 6 letters)
      if (end - i <= 6 && IsElisionWord(text.substr(i, end - i), true)) {
        i = end + 1;  // "d'Iran": the word after the apostrophe
        continue;
      }
    }
    SetWord(bytes, n, i, end, upper, !latin1, true, out);  // ASCII, or ASCII and Latin-1 letters
    return true;
  }
}

bool HasBit(const Gazetteer::StartBits& bits, uint64_t h) {
  return (bits[(h >> 6) & (Gazetteer::kStartWords - 1)] >> (h & 63)) & 1;
}

}  // namespace

#if defined(__SSE2__)
// The words of the 16 bytes at text[i] that NextWord() would return one after the other from
// i (a place between words), as long as they are ASCII letters and digits between ASCII
// bytes other than the apostrophe: each passed to keep(start, end). Returns where to go on:
// after the 16 bytes, or the start of a word that goes on after them, or, with *scalar
// (NextWord() takes over), the first byte >= 0x80 or apostrophe (an accented letter, an
// elision) or the start of the word that reaches it. (Taking Latin-1 letters here too
// does not pay: folding them costs what NextWord() does.)
template <class Keep>
[[gnu::always_inline]] inline size_t WordsOf16(const unsigned char* bytes, size_t i, bool* scalar, Keep&& keep) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
  // Signed compares: a byte shifted so that its range starts at -128 is in the range when
  // less than -128 + its width. (x | 0x20) takes capitals to lower case and no other byte
  // into a..z.
  const __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
  const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                        _mm_set1_epi8(static_cast<char>(0x80 + 26)));
  const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                       _mm_set1_epi8(static_cast<char>(0x80 + 10)));
  unsigned word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
  const unsigned other = static_cast<unsigned>(_mm_movemask_epi8(x)) |
                         static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\''))));
  const unsigned limit = static_cast<unsigned>(__builtin_ctz(other | 0x10000u));
  while (word != 0) {
    unsigned s = static_cast<unsigned>(__builtin_ctz(word));
    if (s >= limit) break;
    unsigned e = s + static_cast<unsigned>(__builtin_ctz(~(word >> s)));
    if (e >= limit) {  // the word may go on
      // (past the 16 bytes: the next 16 start with it, unless it fills them)
      *scalar = limit < 16 || s == 0;
      return i + s;
    }
    keep(i + s, i + e);
    word &= ~0u << e;
  }
  *scalar = limit < 16;
  return i + limit;
}
#endif

Gazetteer::Words Gazetteer::MakeWords(std::string_view text, bool with_keys, const StartBits* starts) const {
  Words out;
  std::vector<Word>& words = out.list;
  // about one word per 6-7 bytes of French, one in 6 or so capitalised
  words.reserve(starts ? text.size() / 24 + 4 : text.size() / 6 + 4);
  auto keep = [&](const RawWord& r) {
    // Only capitalised words and those the first-word filter lets through can start a
    // name (words that were not hashed are not filtered).
    if (starts && !r.upper && r.hashed && !HasBit(*starts, r.fold_hash)) return;
    Word& word = words.emplace_back();
    word.span = {r.start, r.end};
    word.capitalised = r.upper;
    word.fold_hash = r.fold_hash;
    word.fold_hashed = r.hashed;
    if (with_keys) {
      const std::string& key = skeleton_.Key(word.span.of(text), &word.key_hash);
      word.key_at = static_cast<uint32_t>(out.side.size());
      word.key_len = static_cast<uint32_t>(key.size());
      out.side.append(key);
      word.keyed = true;
    }
  };
  const size_t n = text.size();
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  RawWord r;
  size_t i = 0;
  for (;;) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while their words are plain ASCII (most words).
    bool scalar = false;
    while (!scalar && i + 16 <= n) {
      i = WordsOf16(bytes, i, &scalar, [&](size_t start, size_t end) {
        r.start = static_cast<uint32_t>(start);
        r.end = static_cast<uint32_t>(end);
        r.upper = kAscii.c[bytes[start]] == 3;
        r.hashed = true;
        r.fold_hash = FoldedHash(bytes + start, end - start, n - start, kLowerAscii);  // its fold is its lower case
        keep(r);
      });
    }
#endif
    if (!NextWord(text, i, &r)) break;
    keep(r);
    i = r.end;
  }
  return out;
}

Gazetteer::StartBits Gazetteer::AnyOf(std::initializer_list<const Gazetteer*> gazetteers) {
  StartBits bits{};
  for (const Gazetteer* g : gazetteers)
    for (size_t k = 0; k < kStartWords; ++k) bits[k] |= g->start_bits_[k];
  return bits;
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
      nodes_[node].leaf = false;
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
  std::string folded = Skeleton::Fold(word);
  return FoldedHash(reinterpret_cast<const unsigned char*>(folded.data()), folded.size(), folded.size(), 0);
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
  Words words = MakeWords(text, /*with_keys=*/false, &start_bits_);
  return Find(text, words);
}

void Gazetteer::KeyWord(std::string_view text, Words& words, Word& w) const {
  if (w.keyed) return;
  const std::string& key = skeleton_.Key(w.span.of(text), &w.key_hash);
  w.key_at = static_cast<uint32_t>(words.side.size());
  w.key_len = static_cast<uint32_t>(key.size());
  words.side.append(key);
  w.keyed = true;
}

int Gazetteer::LongestAt(std::string_view text, Words& words, size_t first, uint32_t* end, int* length) const {
  Word& w = words.list[first];
  KeyWord(text, words, w);
  // (most words start no name: the first word's key hash rules them out)
  if (!HasBit(first_key_bits_, w.key_hash)) return -1;
  int node = Child(0, words.Key(w), w.key_hash);
  const uint32_t start = w.span.start;
  const bool capitalised = w.capitalised;
  int best_node = -1;
  RawWord next;
  next.end = w.span.end;
  size_t kept = first + 1;  // the first kept word that does not start before `next`
  for (int count = 1; node >= 0; ++count) {
    for (const Value& v : nodes_[node].values) {
      if ((!v.capitalised || capitalised) && (!v.acronym || IsAllCaps(text.substr(start, next.end - start)))) {
        *end = next.end;
        *length = count;
        best_node = node;
        break;
      }
    }
    if (nodes_[node].leaf) break;  // (most names end here: no need to read the next word)
    // The next word of the text, if a name gap (spaces or hyphens only, possibly with an
    // elided article) separates it: a gap starts with a space or a hyphen.
    uint32_t prev_end = next.end;
    if (prev_end >= text.size() || (text[prev_end] != ' ' && text[prev_end] != '-')) break;
    if (!NextWord(text, prev_end, &next) || !IsNameGap(text.substr(prev_end, next.start - prev_end))) break;
    // A kept word (most words of names are capitalised) has its key in `words`, or gets it there.
    while (kept < words.list.size() && words.list[kept].span.start < next.start) ++kept;
    if (kept < words.list.size() && words.list[kept].span.start == next.start) {
      Word& k = words.list[kept];
      KeyWord(text, words, k);
      node = Child(node, words.Key(k), k.key_hash);
    } else {
      uint64_t key_hash;
      const std::string& key = skeleton_.Key(text.substr(next.start, next.end - next.start), &key_hash);
      node = Child(node, key, key_hash);
    }
  }
  return best_node;
}

bool Gazetteer::MayStart(std::string_view text, Word& w) const {
  if (w.capitalised && !any_case_only_) return true;
  if (lower_starts_.empty()) return false;
  // Most words start no name: the filter rules them out before any folding.
  if (!w.fold_hashed) {
    w.fold_hash = FoldHash(w.span.of(text));
    w.fold_hashed = true;
  }
  if (!HasBit(start_bits_, w.fold_hash) || !lower_start_hashes_.contains(w.fold_hash)) return false;
  char stack[64];
  size_t len = FoldLatin1Word(w.span.of(text), stack);
  if (len > 0) return lower_starts_.contains(std::string_view(stack, len));
  return lower_starts_.contains(Skeleton::Fold(w.span.of(text)));
}

[[gnu::always_inline]] inline bool Gazetteer::MatchAt(std::string_view text, Words& words, size_t i, Match* m) const {
  uint32_t end = 0;
  int length = 0;
  int node = LongestAt(text, words, i, &end, &length);
  if (node < 0) return false;
  const Word& w = words.list[i];
  m->span = {w.span.start, end};
  m->words = length;
  bool caps = IsAllCaps(m->span.of(text));
  m->values = nodes_[node].matching[(w.capitalised ? 1 : 0) | (caps ? 2 : 0)];
  return true;
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view text, Words& words) const {
  std::vector<Match> out;
  // (the words are not added or removed here: a plain pointer and size, loaded once)
  Word* const ws = words.list.data();
  const size_t nw = words.list.size();
  const bool capitals_start = !any_case_only_, lower_starts = !lower_starts_.empty();
  uint32_t next = 0;  // where the last match ended: a name starts at or after it
  for (size_t i = 0; i < nw; ++i) {
    Word& w = ws[i];
    if (w.span.start < next) continue;
    // (MayStart, its first tests inline: most words are ruled out here)
    if (!(w.capitalised && capitals_start) && (!lower_starts || !MayStart(text, w))) continue;
    Match m;
    if (!MatchAt(text, words, i, &m)) continue;
    out.push_back(m);
    next = m.span.end;
  }
  return out;
}

bool Gazetteer::FindAtStart(std::string_view text, Match* m) const {
  // The first word, kept as MakeWords() would keep it.
  RawWord r;
  if (!NextWord(text, 0, &r) || r.start != 0) return false;
  if (!r.upper && r.hashed && !HasBit(start_bits_, r.fold_hash)) return false;
  Words words;
  Word& w = words.list.emplace_back();
  w.span = {r.start, r.end};
  w.capitalised = r.upper;
  w.fold_hash = r.fold_hash;
  w.fold_hashed = r.hashed;
  return MayStart(text, w) && MatchAt(text, words, 0, m);
}

}  // namespace veille
