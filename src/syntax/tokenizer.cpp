#include "syntax/tokenizer.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "core/dict_file.h"
#include "segment/chars.h"
#include "syntax/features.h"

namespace veille {
namespace {

using segment::DecodeAt;
using segment::IsSpace;

constexpr char kTokensFile[] = "syntax/tokens.tsv";
constexpr char kAbbreviationsFile[] = "segment/abbreviations.txt";

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// ASCII letters and '_' (word characters that are not digits), by byte.
constexpr auto kAsciiLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; c++) t[c] = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
  return t;
}();

// A word character past Latin-1: ICU's letters and digits, and the combining marks.
[[gnu::noinline]] bool IsOtherWordChar(char32_t c) {
  if (c == segment::kBadChar) return false;
  if (u_isalnum(static_cast<UChar32>(c))) return true;
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

inline bool IsWordChar(char32_t c) {
  if (c < 0x80) return kAsciiLetter[c] || IsDigit(c);
  // Latin-1 letters (most of the accented letters of French) without asking ICU: U+00C0 to
  // U+00FF are all letters but the signs × and ÷.
  if (c >= 0xC0 && c <= 0xFF) return c != 0xD7 && c != 0xF7;
  return IsOtherWordChar(c);
}


bool IsLetter(char32_t c) { return IsWordChar(c) && !IsDigit(c) && c != '_'; }
bool IsApostrophe(char32_t c) { return c == '\'' || c == segment::kRightSingleQuote; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Spaces allowed between digit groups: "1 200", "1 200" (no-break), "1 200" (narrow).
bool IsGroupSpace(char32_t c) { return c == ' ' || c == segment::kNbsp || c == segment::kNarrowNbsp; }

// Lower case with ’ written ', for dictionary keys.
void KeyOf(std::string_view s, std::string* out) {
  // ASCII (most words): lower-cased in place, no ’ to rewrite.
  if (std::all_of(s.begin(), s.end(), [](char b) { return static_cast<unsigned char>(b) < 0x80; })) {
    out->assign(s);
    for (char& b : *out)
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
    return;
  }
  out->clear();
  segment::AppendLower(out, s);
  // In place: every "\xE2\x80\x99" becomes '\''.
  size_t w = 0;
  for (size_t r = 0; r < out->size(); r++, w++) {
    if (r + 2 < out->size() && (*out)[r] == '\xE2' && (*out)[r + 1] == '\x80' && (*out)[r + 2] == '\x99') {
      (*out)[w] = '\'';
      r += 2;
    } else {
      (*out)[w] = (*out)[r];
    }
  }
  out->resize(w);
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); i++)
    if ((s[i] | 0x20) != prefix[i] && s[i] != prefix[i]) return false;
  return true;
}

// A dotted acronym or initials: single letters separated by '.' or ".-" ("U.S.A", "J.-C").
bool IsDottedLetters(std::string_view w) {
  size_t i = 0, letters = 0;
  while (i < w.size()) {
    size_t len;
    char32_t c = DecodeAt(w, i, w.size(), &len);
    if (!IsLetter(c)) return false;
    i += len;
    letters++;
    if (i == w.size()) break;
    if (w[i] != '.') return false;
    i++;
    if (i < w.size() && w[i] == '-') i++;
  }
  return letters >= 2;
}

bool IsSingleLetter(std::string_view w) {
  size_t len;
  char32_t c = DecodeAt(w, 0, w.size(), &len);
  return len == w.size() && IsLetter(c);
}

}  // namespace

bool Tokenizer::KeySet::Insert(std::string_view key) {
  if (!keys_.emplace(key).second) return false;
  lengths_ |= uint64_t{1} << std::min<size_t>(key.size(), 63);
  return true;
}

Tokenizer Tokenizer::Load() {
  Tokenizer t;
  ReadDictFile(
      kTokensFile,
      [&](const DictLine& line) {
        std::string_view kind = line.fields[0];
        std::string form(line.fields[1]);
        std::string key;
        KeyOf(form, &key);
        if (key != form) line.Fail("forms are written in lower case, with the apostrophe '");
        if (kind == "elision") {
          if (form.size() < 2 || form.back() != '\'') line.Fail("an elision ends with an apostrophe: \"l'\"");
          if (!t.elisions_.Insert(form)) line.Fail("duplicate elision \"" + form + "\"");
        } else if (kind == "whole") {
          if (form.find_first_of("'-") == std::string::npos)
            line.Fail("a whole form contains an apostrophe or a hyphen (other words are never split)");
          if (!t.whole_.Insert(form)) line.Fail("duplicate form \"" + form + "\"");
        } else if (kind == "clitic") {
          if (form.size() < 2 || form[0] != '-' || form[1] == '-') line.Fail("a clitic starts with one hyphen: \"-il\"");
          if (std::find(t.clitics_.begin(), t.clitics_.end(), form) != t.clitics_.end())
            line.Fail("duplicate clitic \"" + form + "\"");
          t.clitics_.push_back(form);
        } else {
          line.Fail(fmt::format("unknown kind \"{}\" (elision, whole or clitic)", kind));
        }
      },
      2, 2);
  std::stable_sort(t.clitics_.begin(), t.clitics_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  // The sentence splitter's abbreviations (validated there); two-word entries give both words.
  ReadDictFile(
      kAbbreviationsFile,
      [&](const DictLine& line) {
        std::string_view e = line.fields[0];
        size_t sp = e.find(". ");
        if (sp != std::string_view::npos) {
          t.abbreviations_.Insert(e.substr(0, sp));
          t.abbreviations_.Insert(e.substr(sp + 2));
        } else {
          t.abbreviations_.Insert(e);
        }
      },
      1, 2);
  return t;
}

bool Tokenizer::IsAbbreviation(std::string_view word) const {
  thread_local std::string buffer;
  KeyOf(word, &buffer);
  std::string_view key = buffer;
  // "l'art." is the abbreviation "art" after an elision.
  size_t apo = key.rfind('\'');
  if (apo != std::string::npos && elisions_.Contains(key.substr(0, apo + 1))) key.remove_prefix(apo + 1);
  return abbreviations_.Contains(key);
}

void Tokenizer::SplitWord(std::string_view text, size_t start, size_t end, std::vector<Span>* out) const {
  thread_local std::string key;
  bool whole = false;
  while (true) {
    std::string_view w = text.substr(start, end - start);
    // Most words (and what follows most elisions) have neither an apostrophe nor a hyphen:
    // no whole form (they all have one), no elision, no clitic; nothing to split.
    if (std::none_of(w.begin(), w.end(), [](char b) { return b == '\'' || b == '-' || b == '\xE2'; })) {
      out->push_back(Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      return;
    }
    KeyOf(w, &key);
    if (whole_.Contains(key)) {
      whole = true;
      break;
    }
    // An elision: the word up to its first apostrophe, when that is a listed elision.
    size_t apo = w.find('\'');
    size_t apo_len = 1;
    size_t curly = w.find("\xE2\x80\x99");
    if (curly != std::string_view::npos && (apo == std::string_view::npos || curly < apo)) {
      apo = curly;
      apo_len = 3;
    }
    if (apo == std::string_view::npos || apo + apo_len >= w.size()) break;
    size_t key_apo = key.find('\'');
    if (key_apo == std::string::npos || !elisions_.Contains(std::string_view(key).substr(0, key_apo + 1))) break;
    out->push_back(Span{static_cast<uint32_t>(start), static_cast<uint32_t>(start + apo + apo_len)});
    start += apo + apo_len;
  }
  // Trailing clitics, split from the end: "donne-le-moi" -> "donne" "-le" "-moi". `key` is
  // the key of text[start, end); clitics start with '-', so a key without one has none.
  Span clitics[4];
  int n = 0;
  size_t host_end = end;
  if (!whole && key.find('-') != std::string::npos) {
    size_t klen = key.size();
    while (n < 4) {
      bool found = false;
      for (const std::string& c : clitics_) {
        if (klen <= c.size() || key.compare(klen - c.size(), c.size(), c) != 0) continue;
        // The key and the text have the same length except for non-ASCII case changes;
        // clitics are ASCII, so their byte length is the same in both.
        size_t host_len = (host_end - start) - c.size();
        std::string_view host = text.substr(start, host_len);
        if (host.empty() || host.back() == '-') continue;
        clitics[n++] = Span{static_cast<uint32_t>(start + host_len), static_cast<uint32_t>(host_end)};
        host_end = start + host_len;
        klen -= c.size();
        found = true;
        break;
      }
      if (!found) break;
    }
  }
  // A proper name ("Saint-Didier-le-Vieux") is not an inversion: the host is lower case after
  // its first letter (or all capitals: "DIT-IL"), and has no hyphen when capitalised.
  if (n > 0) {
    std::string_view host = text.substr(start, host_end - start);
    bool upper_first = false, upper_later = false, lower = false;
    for (size_t i = 0; i < host.size();) {
      size_t len;
      char32_t ch = DecodeAt(host, i, host.size(), &len);
      if (segment::IsUpper(ch)) (i == 0 ? upper_first : upper_later) = true;
      if (segment::IsLower(ch)) lower = true;
      i += len;
    }
    if ((upper_later && lower) || (upper_first && host.find('-') != std::string_view::npos)) {
      n = 0;
      host_end = end;
    }
  }
  out->push_back(Span{static_cast<uint32_t>(start), static_cast<uint32_t>(host_end)});
  for (int k = n - 1; k >= 0; k--) out->push_back(clitics[k]);
}

void Tokenizer::Tokenize(std::string_view text, Span span, std::vector<Span>* out) const {
  const size_t end = std::min<size_t>(span.end, text.size());
  if (span.start >= end) return;
  TokenizeRange(text, span.start, end, out);
}

void Tokenizer::TokenizeRange(std::string_view text, size_t start, size_t end, std::vector<Span>* out) const {
  size_t i = start;
  std::string key;
  while (i < end) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == ' ') {
      i++;
      continue;
    }
    size_t len = 1;
    char32_t c = b < 0x80 ? b : DecodeAt(text, i, end, &len);
    // Spaces are controls, ' ' or past U+009F: a printable ASCII character is none.
    if ((c <= ' ' || c >= 0xA0) && (IsSpace(c) || c == 0x200B || c == 0xFEFF)) {
      i += len;
      continue;
    }
    std::string_view rest = text.substr(i, end - i);
    // URLs: up to the next space, without trailing punctuation.
    if (((b | 0x20) == 'h' || (b | 0x20) == 'w') &&
        (StartsWithNoCase(rest, "http://") || StartsWithNoCase(rest, "https://") || StartsWithNoCase(rest, "www."))) {
      size_t j = i;
      while (j < end) {
        size_t l;
        char32_t d = DecodeAt(text, j, end, &l);
        if (IsSpace(d)) break;
        j += l;
      }
      while (j > i + 4) {
        size_t l;
        char32_t d = segment::DecodeBefore(text, i, j, &l);
        if (!(d == '.' || d == ',' || d == ';' || d == ':' || d == '!' || d == '?' || d == ')' || d == ']' ||
              d == '"' || d == '\'' || d == segment::kRightGuillemet || d == segment::kRightDoubleQuote))
          break;
        j -= l;
      }
      out->push_back(Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
      i = j;
      continue;
    }
    if (IsWordChar(c)) {
      size_t j = i + len;
      char32_t prev = c;
      size_t group = IsDigit(c) ? 1 : 0;   // digits since the last non-digit
      bool digits_only = IsDigit(c);       // the word so far is digits (and group spaces)
      // Only ASCII letters, digits and '_' so far: nothing SplitWord could split.
      bool plain = c < 0x80;
      // An apostrophe, a hyphen or a character of U+2000..U+2FFF (’, ‐) may be in the word:
      // SplitWord looks for those bytes; without them it has nothing to split either.
      bool splittable = b == 0xE2;
      while (j < end) {
        // ASCII letters and digits, most of the text, without decoding.
        const unsigned char a = static_cast<unsigned char>(text[j]);
        if (kAsciiLetter[a]) {  // a run of them
          do j++;
          while (j < end && kAsciiLetter[static_cast<unsigned char>(text[j])]);
          group = 0;
          digits_only = false;
          prev = static_cast<unsigned char>(text[j - 1]);
          continue;
        }
        if (a >= '0' && a <= '9') {
          group++;
          prev = a;
          j++;
          continue;
        }
        // A space ends the word (most words end so) unless it separates digit groups.
        if (a == ' ' && !digits_only) break;
        size_t l = 1;
        char32_t d = a < 0x80 ? a : DecodeAt(text, j, end, &l);
        if (a == '\'' || a == '-' || a == 0xE2) splittable = true;
        if (IsWordChar(d)) {
          if (IsDigit(d)) {
            group++;
          } else {
            group = 0;
            digits_only = false;
          }
          prev = d;
          j += l;
          plain = false;
          continue;
        }
        if (j + l >= end) {
          // A final apostrophe belongs to an elision written before a space ("l' accord").
          if (IsApostrophe(d)) {
            KeyOf(text.substr(i, j + l - i), &key);
            if (elisions_.Contains(key)) {
              j += l;
              plain = false;
            }
          }
          break;
        }
        size_t l2;
        char32_t next = DecodeAt(text, j + l, end, &l2);
        bool join = false;
        if (IsApostrophe(d)) {
          join = IsLetter(next);
          if (!join) {
            KeyOf(text.substr(i, j + l - i), &key);
            if (elisions_.Contains(key)) {
              j += l;
              plain = false;
              break;
            }
          }
        } else if (IsHyphen(d)) {
          join = IsWordChar(next);
        } else if (d == '.' || d == '@') {
          join = IsWordChar(next);
          // "M.Dupont": an abbreviation then a capital is two words.
          if (join && d == '.' && segment::IsUpper(next) && IsAbbreviation(text.substr(i, j - i))) join = false;
          // Initials of a hyphenated first name: "J.-C.", "J.-M. Le Pen".
          if (!join && d == '.' && next == '-' && j + l + l2 < end && IsSingleLetter(text.substr(i, j - i))) {
            size_t l3;
            join = IsLetter(DecodeAt(text, j + l + l2, end, &l3));
          }
        } else if (d == ',' || d == '/' || d == ':') {
          join = IsDigit(prev) && IsDigit(next);
        } else if (d == 0x00B0 /* ° */) {
          if ((j - i == 1) && (text[i] == 'n' || text[i] == 'N')) {  // "n°" ends the word
            j += l;
            plain = false;
          }
          break;
        } else if (IsGroupSpace(d) && digits_only && group >= 1 && group <= 3) {
          // "1 200", "15 000 000": exactly three digits after the space, then no word character.
          size_t k = j + l, digits = 0;
          while (k < end && digits < 4 && IsDigit(static_cast<unsigned char>(text[k]))) {
            k++;
            digits++;
          }
          bool after_ok = true;
          if (k < end) {
            size_t l3;
            char32_t a = DecodeAt(text, k, end, &l3);
            after_ok = !IsWordChar(a);
          }
          if (digits == 3 && after_ok) {
            j = k;
            group = 3;
            prev = '0';
            plain = false;
            continue;
          }
        }
        if (!join) break;
        digits_only = false;
        group = 0;
        prev = d;
        j += l;
        plain = false;
      }
      // Abbreviations keep their '.': "M.", "etc.", "J.-C.", "U.S.A.", an initial "J.".
      if (j < end && text[j] == '.' && !(j + 1 < end && text[j + 1] == '.')) {
        std::string_view w = text.substr(i, j - i);
        bool at_end = true;
        for (size_t k = j + 1; k < end; k++)
          if (!IsSpace(static_cast<unsigned char>(text[k]))) {
            at_end = false;
            break;
          }
        if (IsAbbreviation(w) || IsDottedLetters(w) || (IsSingleLetter(w) && segment::IsUpper(c) && !at_end)) j++;
      }
      if (plain || !splittable) {
        out->push_back(Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
      } else {
        SplitWord(text, i, j, out);
      }
      i = j;
      continue;
    }
    // Punctuation: a run of '.', '!', '?' or '-' is one token ("...", "?!" is two); any other
    // character is a token of its own.
    size_t j = i + len;
    if (c == '.' || c == '!' || c == '?' || c == '-') {
      while (j < end && static_cast<char32_t>(text[j]) == c) j++;
    }
    out->push_back(Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
    i = j;
  }
}

void SentenceTokens::Reset(const Tokenizer& tokenizer, std::string_view text, const std::vector<Span>& sentences) {
  tokenizer_ = &tokenizer;
  text_ = text;
  sentences_ = &sentences;
  spans_.clear();
  begin_.assign(sentences.size(), kNotYet);
  end_.resize(sentences.size());
}

std::span<const Span> SentenceTokens::Of(uint32_t s) {
  if (begin_[s] == kNotYet) {
    begin_[s] = static_cast<uint32_t>(spans_.size());
    tokenizer_->Tokenize(text_, (*sentences_)[s], &spans_);
    end_[s] = static_cast<uint32_t>(spans_.size());
  }
  return std::span<const Span>(spans_.data() + begin_[s], end_[s] - begin_[s]);
}

}  // namespace veille
