// Judgements on short pieces of text: teasers ("À lire aussi"), bylines and
// date lines, repeated titles. They work on a folded form of the text: ASCII
// lowercase, French accented letters reduced to their base letter.

#include <string>
#include <vector>

#include "ingest/html_internal.h"

namespace veille::html {
namespace {

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// Strips ASCII punctuation around a word.
std::string_view Bare(std::string_view w) {
  while (!w.empty() && !IsAsciiAlnum(w.front())) w.remove_prefix(1);
  while (!w.empty() && !IsAsciiAlnum(w.back())) w.remove_suffix(1);
  return w;
}

bool IsMonthOrDay(std::string_view w) {
  for (std::string_view m :
       {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
        "octobre", "novembre", "decembre", "janv", "fevr", "avr", "juil", "sept", "oct", "nov",
        "dec", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    if (w == m) return true;
  return false;
}

bool HasDigit(std::string_view w) {
  for (char c : w)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// Words that may surround a date in a date line ("Le 12 mars 2024 à 18h05").
bool IsDateFiller(std::string_view w) {
  for (std::string_view f : {"le", "la", "a", "h", "et", "du", "de", "en", "ligne", "on", "at",
                             "the", "gmt", "utc", "cet", "cest", "am", "pm", "er", "mis", "jour",
                             "publie", "modifie", "updated", "published", "min", "lecture"})
    if (w == f) return true;
  return false;
}

}  // namespace

std::string Fold(std::string_view s, size_t limit) {
  std::string out;
  for (size_t i = 0; i < s.size() && out.size() < limit; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]) | 0x20;  // upper -> lower
      ++i;
      if (d >= 0xA0 && d <= 0xA5) out.push_back('a');
      else if (d >= 0xA8 && d <= 0xAB) out.push_back('e');
      else if (d >= 0xAC && d <= 0xAF) out.push_back('i');
      else if (d >= 0xB2 && d <= 0xB6) out.push_back('o');
      else if (d >= 0xB9 && d <= 0xBC) out.push_back('u');
      else if (d == 0xA7) out.push_back('c');
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out.push_back(' ');  // no-break space
      ++i;
      continue;
    }
    if (c >= 0x80) continue;  // other non-ASCII: typographic quotes, arrows, bullets
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return out;
}

bool IsTeaserText(std::string_view text) {
  static constexpr std::string_view kPrefixes[] = {
      "lire aussi", "a lire aussi", "a lire egalement", "lire egalement", "voir aussi",
      "a voir aussi", "a voir egalement", "sur le meme sujet", "a decouvrir", "decouvrir aussi",
      "ecouter aussi", "regarder aussi", "vous aimerez aussi", "read more", "read also",
      "see also", "related:", "related articles", "publicite", "advertisement",
      "abonnez-vous", "inscrivez-vous", "newsletter"};
  std::string folded = Fold(text, 60);
  size_t start = 0;
  while (start < folded.size() && !IsAsciiAlnum(folded[start])) ++start;
  std::string_view f = std::string_view(folded).substr(start);
  for (std::string_view p : kPrefixes)
    if (f.starts_with(p)) return true;
  return false;
}

bool IsBylineText(std::string_view text) {
  std::string folded = Fold(text, 240);
  std::vector<std::string_view> words = Words(folded);
  if (words.empty() || words.size() > 15) return false;
  std::string_view f = folded;
  for (std::string_view p : {"publie le", "publie a", "publie par", "poste le", "poste par",
                             "mis a jour", "mise a jour", "modifie le", "mis en ligne",
                             "propos recueillis", "posted on", "posted by", "published",
                             "updated"})
    if (f.starts_with(p)) return true;
  // "Par Hélène Roussel", "By Emma Clarke": a short signature, a capitalised name.
  if ((f.starts_with("par ") || f.starts_with("by ")) && words.size() <= 8 && words.size() >= 2) {
    size_t name = text.find(' ');
    if (name != std::string_view::npos && name + 1 < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[name + 1]);
      if ((c >= 'A' && c <= 'Z') || c == 0xC3) return folded.back() != '.';
    }
  }
  // "Par la rédaction · Publié le 14/05/2024 à 06h00".
  if (words.size() <= 12 && (f.starts_with("par ") || f.starts_with("by ")) &&
      (f.find("publie") != std::string_view::npos || f.find("/20") != std::string_view::npos))
    return true;
  // A bare date line: only numbers, month and day names, and filler words.
  bool date = false;
  for (std::string_view w : words) {
    std::string_view b = Bare(w);
    if (b.empty()) continue;
    if (IsMonthOrDay(b) || (HasDigit(b) && b.size() <= 10)) {
      date = date || IsMonthOrDay(b) || b.find('/') != std::string_view::npos ||
             b.find('-') != std::string_view::npos;
      continue;
    }
    if (!IsDateFiller(b)) return false;
  }
  return date;
}

bool SameText(std::string_view a, std::string_view b) {
  auto key = [](std::string_view s) {
    std::string f = Fold(s, 1000), out;
    for (char c : f)
      if (IsAsciiAlnum(c)) out.push_back(c);
    return out;
  };
  std::string ka = key(a);
  return !ka.empty() && ka == key(b);
}

}  // namespace veille::html
