#include "quotes/words.h"

#include <unicode/uchar.h>

#include <stdexcept>

#include "core/utf8.h"

namespace veille::quotes {
namespace {

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c));
}
bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

// Elisions split off as words of their own ("l'", "qu'"); other apostrophes stay
// inside the word ("aujourd'hui").
bool IsElision(std::string_view lower) {
  static const char* const kElided[] = {"l", "d", "qu", "n", "s", "j", "m", "t", "c", "jusqu", "lorsqu",
                                        "puisqu", "quoiqu", "presqu"};
  for (const char* e : kElided)
    if (lower == e) return true;
  return false;
}

}  // namespace

// Appends the lower case of `s` to `out` (what u_tolower gives, code point by code point).
void AppendLower(std::string_view s, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII: what u_tolower gives
      *out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    utf8::Append(*out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::Next(s, i)))));
  }
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendLower(s, &out);
  return out;
}

std::vector<Word> SplitWords(std::string_view text, std::string* lowered) {
  std::vector<Word> words;
  words.reserve(text.size() / 5 + 16);  // about one word per 5-6 bytes of French
  // Lower case makes a code point at most 1.5 times longer in UTF-8 (2 -> 3 bytes, as
  // U+023A -> U+2C65): with this room the buffer never moves and the views stay valid.
  lowered->clear();
  lowered->reserve(text.size() + text.size() / 2 + 1);
  const char* const base = lowered->data();
  size_t i = 0;
  bool newline = true;
  while (i < text.size()) {
    size_t start = i;
    unsigned char b0 = static_cast<unsigned char>(text[i]);
    if (b0 == ' ' || b0 == '\t' || b0 == '\r') {
      ++i;
      continue;
    }
    if (b0 == '\n') {
      newline = true;
      ++i;
      continue;
    }
    char32_t c = utf8::Next(text, i);
    Word& w = words.emplace_back();
    w.newline_before = newline;
    newline = false;
    bool ascii = c < 0x80;
    if (IsLetter(c)) {
      w.word = true;
      w.upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c));
      size_t end = i;
      while (end < text.size()) {
        unsigned char b = static_cast<unsigned char>(text[end]);
        if (b < 0x80 && ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'))) {
          ++end;  // ASCII letters and digits (most of a word)
          continue;
        }
        size_t j = end;
        char32_t d = utf8::Next(text, j);
        if (IsLetter(d)) { ascii = false; end = j; continue; }
        if (d == U'-' && j < text.size()) {  // inner hyphen: a-t-il, vice-Premier
          size_t k = j;
          if (IsLetter(utf8::Next(text, k))) { end = j; continue; }
        }
        if (IsApostrophe(d)) {
          // (elisions have at most 6 letters: longer words need no lower-casing here)
          if (end - start <= 24 && IsElision(Lower(text.substr(start, end - start)))) {
            ascii = ascii && d < 0x80;
            end = j;
            break;
          }
          size_t k = j;
          if (k < text.size() && IsLetter(utf8::Next(text, k))) { ascii = ascii && d < 0x80; end = j; continue; }
        }
        break;
      }
      i = end;
    } else {
      w.word = false;
    }
    w.span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(i)};
    size_t at = lowered->size();
    if (ascii) {  // known ASCII: no scan for other bytes
      lowered->append(text.data() + start, i - start);
      for (char* ch = lowered->data() + at; ch != lowered->data() + lowered->size(); ++ch)
        *ch = static_cast<char>(*ch + ((*ch >= 'A' && *ch <= 'Z') ? 'a' - 'A' : 0));
    } else {
      AppendLower(text.substr(start, i - start), lowered);
      // One spelling of the apostrophe for matching (only a non-ASCII word can hold U+2019).
      if (w.word && lowered->find("\u2019", at) != std::string::npos) {
        std::string norm;
        std::string_view low = std::string_view(*lowered).substr(at);
        for (size_t k = 0; k < low.size();) {
          size_t b = k;
          char32_t d = utf8::Next(low, k);
          if (d == U'\u2019') norm += '\'';
          else norm.append(low, b, k - b);
        }
        lowered->resize(at);
        lowered->append(norm);
      }
    }
    w.lower = std::string_view(lowered->data() + at, lowered->size() - at);
  }
  if (lowered->data() != base) throw std::logic_error("quotes::SplitWords: the lower-case buffer moved");
  return words;
}

}  // namespace veille::quotes
