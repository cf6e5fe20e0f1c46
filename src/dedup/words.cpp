#include "dedup/words.h"

#include <unicode/uchar.h>
#include <xxhash.h>

#include "core/utf8.h"

namespace veille::dedup {
namespace {

// ASCII base of U+00C0..U+017F; '\0' = not a letter, '2' = a digraph (see Digraph).
constexpr char kLatin[] =
    "aaaaaa2ceeeeiiii"  // C0..CF  (C6 Æ)
    "dnooooo\0ouuuuy22"  // D0..DF  (D7 ×, DE Þ, DF ß)
    "aaaaaa2ceeeeiiii"  // E0..EF  (E6 æ)
    "dnooooo\0ouuuuy2y"  // F0..FF  (F7 ÷, FE þ)
    "aaaaaaccccccccdd"  // 100..10F
    "ddeeeeeeeeeegggg"  // 110..11F
    "gggghhhhiiiiiiii"  // 120..12F
    "ii22jjkkklllllll"  // 130..13F (132/133 Ĳ ĳ)
    "lllnnnnnnnnnoooo"  // 140..14F
    "oo22rrrrrrssssss"  // 150..15F (152/153 Œ œ)
    "ssttttttuuuuuuuu"  // 160..16F
    "uuuuwwyyyzzzzzzs"; // 170..17F

const char* Digraph(char32_t c) {
  switch (c) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
  }
  return "";
}

// Appends the folded form of `c` to `w`; returns false if `c` is not part of a word.
inline bool Fold(char32_t c, std::string& w, bool& numeric) {
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') { w += static_cast<char>(c); numeric = false; return true; }
    if (c >= 'A' && c <= 'Z') { w += static_cast<char>(c + 32); numeric = false; return true; }
    if (c >= '0' && c <= '9') { w += static_cast<char>(c); return true; }
    return false;
  }
  if (c >= 0xC0 && c <= 0x17F) {
    char b = kLatin[c - 0xC0];
    if (b == '\0') return false;
    numeric = false;
    if (b == '2') w += Digraph(c);
    else w += b;
    return true;
  }
  if (c >= 0x300 && c <= 0x36F) return !w.empty();  // a stray combining mark: part of the word, dropped
  if (!u_isalnum(static_cast<UChar32>(c))) return false;
  if (u_isalpha(static_cast<UChar32>(c))) numeric = false;
  utf8::Append(w, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  return true;
}

}  // namespace

uint64_t HashFolded(std::string_view folded) { return XXH3_64bits(folded.data(), folded.size()); }

void FoldWords(std::string_view text, std::vector<Word>* out) {
  std::string w;
  bool numeric = true;
  auto flush = [&] {
    if (!w.empty()) out->push_back({HashFolded(w), static_cast<uint32_t>(w.size()), numeric});
    w.clear();
    numeric = true;
  };
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
    } else {
      c = utf8::Next(text, i);  // Doc::text is valid UTF-8 (the reader repairs it)
    }
    if (!Fold(c, w, numeric)) flush();
  }
  flush();
}

std::string FoldWord(std::string_view word) {
  std::string w;
  bool numeric = true;
  size_t i = 0;
  while (i < word.size()) {
    char32_t c = utf8::Next(word, i);
    Fold(c, w, numeric);
  }
  return w;
}

}  // namespace veille::dedup
