// Finds French time expressions. One pass splits the text into word tokens (a byte
// scan) or, in the pipeline, reads the same tokens from the quote finder's words of the
// document (made once for both stages); only tokens that may be in the lexicon or a
// grammar word are looked up, and the patterns below run only at tokens that matched.
#include <algorithm>
#include <array>
#include <cstring>

#include "quotes/words.h"
#include "time/internal.h"

namespace veille {
namespace timex {
namespace {

// Grammar words the patterns are built from (closed class, not knowledge to tune).
enum class G : uint8_t { kNone, kLe, kLa, kCe, kEn, kIl, kY, kA, kPlus, kTot, kDans, kYearPrep };

G GrammarWord(std::string_view w) {
  switch (w.size()) {
    case 1:
      if (w == "y") return G::kY;
      if (w == "a") return G::kA;
      break;
    case 2:
      if (w == "le") return G::kLe;
      if (w == "la") return G::kLa;
      if (w == "ce") return G::kCe;
      if (w == "en") return G::kEn;
      if (w == "il") return G::kIl;
      break;
    case 3:
      if (w == "cet") return G::kCe;
      if (w == "fin") return G::kYearPrep;
      break;
    case 4:
      if (w == "plus") return G::kPlus;
      if (w == "tôt") return G::kTot;
      if (w == "dans") return G::kDans;
      if (w == "dès") return G::kYearPrep;
      if (w == "tard") return G::kTot;
      break;
    case 5:
      if (w == "cette") return G::kCe;
      if (w == "qu'il") return G::kIl;  // "qu'il y a deux jours": the expression starts at "il"
      if (w == "avant") return G::kYearPrep;
      break;
    case 6:
      if (w == "depuis") return G::kYearPrep;
      if (w == "début") return G::kYearPrep;
      if (w == "après") return G::kYearPrep;
      break;
    case 8:
      if (w == "jusqu'en") return G::kYearPrep;
      break;
  }
  return G::kNone;
}

// Every word GrammarWord knows (keep the two in step).
constexpr std::string_view kGrammarWords[] = {"y",     "a",     "le",    "la",     "ce",    "en",    "il",
                                              "cet",   "fin",   "plus",  "tôt",    "dans",  "dès",   "tard",
                                              "cette", "qu'il", "avant", "depuis", "début", "après", "jusqu'en"};

// The shape keys (Lexicon::ShapeKey) of the words above, as a bit set.
class GrammarShapes {
 public:
  GrammarShapes() {
    for (std::string_view w : kGrammarWords) {
      uint16_t key = Lexicon::ShapeKey(w);
      bits_[key >> 6] |= uint64_t{1} << (key & 63);
    }
  }
  bool Has(uint16_t key) const { return bits_[key >> 6] >> (key & 63) & 1; }

 private:
  uint64_t bits_[65536 / 64] = {};
};

struct Tok {
  uint32_t start = 0, end = 0;
  int num = -1;      // value when all ASCII digits (up to 4)
  int day = 0;       // 1..31 for "16", "1er"
  bool numeric_date = false;
  int y = 0, m = 0, d = 0;  // for dd/mm/yyyy
  bool elided = false;      // "l'an": an elided article is part of the token
  G g = G::kNone;
  const Word* w = nullptr;
};

constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
// Letters: ASCII, and Latin-1 / Latin Extended-A letters (lead bytes C3, C5).
inline size_t LetterLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiAlpha(c) || IsDigit(c)) return 1;
  if ((c == 0xC3 || c == 0xC5) && i + 1 < s.size()) {
    unsigned char c2 = static_cast<unsigned char>(s[i + 1]);
    if (c2 >= 0x80 && c2 <= 0xBF && !(c == 0xC3 && (c2 == 0x97 || c2 == 0xB7))) return 2;
  }
  return 0;
}

// For the scan: 1 for the bytes that are a letter alone (ASCII letters and digits), 2 for
// the lead bytes that may start one (LetterLen decides), 0 for the others.
constexpr auto kLetterByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = IsAsciiAlpha(static_cast<unsigned char>(c)) || IsDigit(static_cast<unsigned char>(c)) ? 1 : 0;
  t[0xC3] = t[0xC5] = 2;
  return t;
}();

bool ParseNumericDate(std::string_view s, Tok* t) {
  int v[3] = {0, 0, 0}, len[3] = {0, 0, 0}, k = 0;
  for (char c : s) {
    if (c == '/') {
      if (++k > 2) return false;
    } else if (IsDigit(c)) {
      v[k] = v[k] * 10 + (c - '0');
      ++len[k];
    } else {
      return false;
    }
  }
  if (k != 2 || len[0] < 1 || len[0] > 2 || len[1] < 1 || len[1] > 2 || len[2] != 4) return false;
  t->d = v[0], t->m = v[1], t->y = v[2];
  return true;
}

// Fills what the patterns need to know about a token; false when it can take no part
// in an expression (most words), so it is not kept. A token not starting with a digit has
// passed MayBeListed (so it has at most 31 bytes).
// `lower` and `hash`, when given, are the token's lower case and quotes::WordHash (a word of
// the pipeline's shared words, alone: no elided article can start it).
bool Classify(const Lexicon& lex, std::string_view text, Tok* t, std::string_view lower = {}, uint64_t hash = 0) {
  std::string_view raw = text.substr(t->start, t->end - t->start);
  if (IsDigit(raw[0])) {
    size_t nd = 0;
    while (nd < raw.size() && IsDigit(raw[nd])) ++nd;
    if (nd == raw.size() && nd <= 4) {
      t->num = 0;
      for (char c : raw) t->num = t->num * 10 + (c - '0');
      if (nd <= 2 && t->num >= 1 && t->num <= 31) t->day = t->num;
    } else if (nd == 1 && raw[0] == '1' && raw.size() == 3 && (raw[1] | 0x20) == 'e' && (raw[2] | 0x20) == 'r') {
      t->day = 1;  // "1er"
    } else if (raw.find('/') != std::string_view::npos) {
      t->numeric_date = ParseNumericDate(raw, t) && t->m >= 1 && t->m <= 12 && t->d >= 1 && t->d <= 31;
    }
    return t->num >= 0 || t->day || t->numeric_date;
  }
  char buf[32];
  std::string_view low = lower;  // given: the quote finder's lower case of a plain word (the same)
  if (low.empty()) {
    size_t n = raw.size();
    for (size_t i = 0; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(raw[i]);
      if (c >= 'A' && c <= 'Z') c += 32;
      // Latin-1 capitals (U+00C0..U+00DE) are C3 80..C3 9E; lower case adds 0x20.
      if (i > 0 && static_cast<unsigned char>(raw[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E) c += 0x20;
      buf[i] = static_cast<char>(c);
    }
    low = std::string_view(buf, n);
  }
  t->g = GrammarWord(low);
  if (!lower.empty()) {
    t->w = lex.FindHashed(low, hash);
    return t->w || t->g != G::kNone;
  }
  t->w = lex.Find(low);
  if (!t->w) {
    size_t ap = low.find('\'');
    if (ap != std::string_view::npos && ap <= 3) {
      std::string_view head = low.substr(0, ap + 1);
      if (head == "l'" || head == "d'" || head == "qu'") {
        t->w = lex.Find(low.substr(ap + 1));
        t->elided = t->w != nullptr && head == "l'";
      }
    }
  }
  return t->w || t->g != G::kNone;
}

// ASCII bytes in lower case (the others unchanged).
constexpr auto kLowerAscii = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

// Whether a word token s[a, b) (not starting with a digit) may be in a list or be a grammar
// word: tokens longer than max_len (the lexicon's longest word + 3, at most 31) are in no list, nor are tokens of another shape (length, first two and
// last bytes, in lower case as in Classify) than the words of the lists, unless an elided
// article may start them ("l'", "d'", "qu'": an apostrophe second or third).
bool MayBeListed(const Lexicon& lex, const GrammarShapes& grammar, size_t max_len, const unsigned char* p, size_t a,
                 size_t b) {
  const size_t len = b - a;
  if (len > max_len) return false;
  if (len > 2 && (p[a + 1] == '\'' || p[a + 2] == '\'')) return true;
  // Lower case of byte k of the token: ASCII, and Latin-1 capitals after C3 (+0x20).
  auto lower = [&](size_t k) -> unsigned char {
    unsigned char c = p[k];
    if (k > a && p[k - 1] == 0xC3 && c >= 0x80 && c <= 0x9E) return static_cast<unsigned char>(c + 0x20);
    return kLowerAscii[c];
  };
  const uint16_t key = Lexicon::ShapeKey(len, lower(a), len > 1 ? lower(a + 1) : 0, lower(b - 1));
  return lex.MayHaveShape(key) || grammar.Has(key);
}

// The end of the run of ASCII letters and digits at p[i] (locals only: the caller's
// variables would be spilled to memory on every byte).
inline size_t LetterRun(const unsigned char* p, size_t i) {
  const unsigned char* q = p + i;
  // Two bytes a step (q[1] can be read when q[0] is a letter: at most it is s[to]).
  while (kLetterByte[q[0]] == 1) {
    if (kLetterByte[q[1]] != 1) return static_cast<size_t>(q + 1 - p);
    q += 2;
  }
  return static_cast<size_t>(q - p);
}

// Keeps the token s[start, end) in *toks when it can be part of an expression: a word
// dropped between two kept tokens leaves letters in the gap, so Linked() still sees it.
inline void Keep(const Lexicon& lex, const GrammarShapes& grammar, size_t max_len, std::string_view s, size_t start,
                 size_t end, std::vector<Tok>* toks) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (!IsDigit(p[start]) && !MayBeListed(lex, grammar, max_len, p, start, end)) return;
  Tok t;
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(end);
  if (Classify(lex, s, &t)) toks->push_back(t);
}

const GrammarShapes& Grammar() {
  static const GrammarShapes grammar;
  return grammar;
}

// Tokens of s[from, to), appended to *toks. s[to] is a line break or the NUL after the text
// (a std::string's), which ends a run of letters.
void Tokenize(const Lexicon& lex, std::string_view s, size_t from, size_t to, std::vector<Tok>* toks) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = from;
  const size_t n = to;
  const GrammarShapes& grammar = Grammar();
  const size_t max_len = std::min<size_t>(lex.max_len() + 3, 31);
  while (i < n) {
    const uint8_t kind = kLetterByte[p[i]];
    if (!kind) {  // no letter starts here
      ++i;
      continue;
    }
    size_t l = kind == 1 ? 1 : LetterLen(s, i);
    if (!l) {
      ++i;
      continue;
    }
    const size_t start = i;
    i += l;
    while (true) {
      i = LetterRun(p, i);  // stops at s[to] at the latest
      if (i >= n) break;
      if (kLetterByte[p[i]] == 2 && (l = LetterLen(s, i))) {  // (not an ASCII letter: the run stopped)
        i += l;
        continue;
      }
      char c = s[i];
      // Inner apostrophes and hyphens join words ("aujourd'hui", "avant-hier");
      // slashes join digits ("16/02/2022").
      if ((c == '\'' || c == '-') && i + 1 < n && LetterLen(s, i + 1)) {
        ++i;
        continue;
      }
      if (c == '/' && i + 1 < n && IsDigit(s[i + 1]) && IsDigit(s[i - 1])) {
        ++i;
        continue;
      }
      break;
    }
    const size_t end = i;
    if (p[i] == ' ') ++i;  // the space after most tokens (p[to] is a line break or the NUL)
    Keep(lex, grammar, max_len, s, start, end, toks);  // only tokens that can be part of an expression
  }
}

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Tok>& t) : text_(text), t_(t) {}

  // Tokens a and a+1 belong to one expression: only spaces between them (and a
  // full stop after an abbreviated month: "févr. 2020").
  bool Linked(size_t a) const {
    if (a + 1 >= t_.size()) return false;
    uint32_t from = t_[a].end, to = t_[a + 1].start;
    if (to - from > 3) return false;
    for (uint32_t k = from; k < to; ++k) {
      char c = text_[k];
      if (c == ' ') continue;
      if (c == '.' && k == from && t_[a].w && t_[a].w->month && t_[a].end - t_[a].start <= 5) continue;
      return false;
    }
    return true;
  }
  bool Month(size_t k) const { return k < t_.size() && t_[k].w && t_[k].w->month; }
  bool Year(size_t k) const { return k < t_.size() && t_[k].num >= 1000 && t_[k].num <= 2199; }
  // A count: digits or a number word.
  int Count(size_t k) const {
    if (k >= t_.size()) return 0;
    if (t_[k].num > 0) return t_[k].num;
    return t_[k].w ? t_[k].w->number : 0;
  }
  Unit UnitAt(size_t k) const { return k < t_.size() && t_[k].w ? t_[k].w->unit : Unit::kNone; }

  // Tries every pattern at token i; on success fills `m` and returns the last token.
  bool Match(size_t i, Mention* m, size_t* last) const;

 private:
  std::string_view text_;
  const std::vector<Tok>& t_;
};

bool Matcher::Match(size_t i, Mention* m, size_t* last) const {
  const Tok& first = t_[i];
  size_t j = i;
  G det = G::kNone;
  if ((first.g == G::kLe || first.g == G::kLa || first.g == G::kCe) && Linked(i)) {
    det = first.g;
    j = i + 1;
  } else if (first.g == G::kPlus && Linked(i) && t_[i + 1].g == G::kTot && Linked(i + 1)) {
    j = i + 2;  // "plus tôt mercredi"
  }
  const Tok& h = t_[j];
  auto done = [&](Kind k, size_t end_tok, const std::string& rule) {
    m->kind = k;
    uint32_t start = t_[i].start;
    if (t_[i].g == G::kIl && t_[i].end - start == 5) start += 3;  // "qu'il": from "il"
    m->span = Span{start, t_[end_tok].end};
    m->rule = rule;
    m->deictic = det == G::kCe;
    *last = end_tok;
    return true;
  };

  // "il y a trois ans", "dans deux semaines"
  if (det == G::kNone && (h.g == G::kIl || h.g == G::kDans)) {
    size_t c = h.g == G::kIl ? j + 3 : j + 1;
    if (h.g == G::kIl && !(Linked(j) && t_[j + 1].g == G::kY && Linked(j + 1) && t_[j + 2].g == G::kA &&
                           Linked(j + 2)))
      return false;
    int n = Count(c);
    if (n > 0 && Linked(c) && UnitAt(c + 1) != Unit::kNone) {
      m->unit = UnitAt(c + 1);
      m->offset = h.g == G::kIl ? -n : n;
      return done(Kind::kRelative, c + 1, t_[c + 1].w->rule);
    }
    return false;
  }
  // "en mai", "en mai 2017", "en 2017"
  if (h.g == G::kEn && det == G::kNone && Linked(j)) {
    if (Month(j + 1)) {
      m->month = t_[j + 1].w->month;
      if (Linked(j + 1) && Year(j + 2)) {
        m->year = t_[j + 2].num;
        return done(Kind::kMonthYear, j + 2, t_[j + 1].w->rule);
      }
      return done(Kind::kMonth, j + 1, t_[j + 1].w->rule);
    }
    if (Year(j + 1)) {
      m->year = t_[j + 1].num;
      return done(Kind::kYear, j + 1, "time:year");
    }
    return false;
  }
  // "depuis 2019", "jusqu'en 2019": the year alone.
  if (h.g == G::kYearPrep && det == G::kNone && Linked(j) && Year(j + 1)) {
    m->year = t_[j + 1].num;
    m->kind = Kind::kYear;
    m->span = Span{t_[j + 1].start, t_[j + 1].end};
    m->rule = "time:year";
    *last = j + 1;
    return true;
  }
  // "16/02/2022"
  if (h.numeric_date) {
    m->year = h.y, m->month = h.m, m->day = h.d;
    return done(Kind::kFullDate, j, "time:numeric-date");
  }
  // "[ce] dimanche 2 novembre [2025]", "lundi dernier", "mercredi"
  if (h.w && h.w->weekday) {
    m->weekday = h.w->weekday;
    if (Linked(j) && t_[j + 1].day && Linked(j + 1) && Month(j + 2)) {
      m->day = t_[j + 1].day;
      m->month = t_[j + 2].w->month;
      if (Linked(j + 2) && Year(j + 3)) {
        m->year = t_[j + 3].num;
        return done(Kind::kFullDate, j + 3, t_[j + 2].w->rule);
      }
      return done(Kind::kDayMonth, j + 2, t_[j + 2].w->rule);
    }
    if (Linked(j) && t_[j + 1].w && t_[j + 1].w->has_modifier) {
      m->offset = t_[j + 1].w->modifier;
      return done(Kind::kWeekday, j + 1, h.w->rule);
    }
    return done(Kind::kWeekday, j, h.w->rule);
  }
  // "le 16 février [2022]", "ce 22 décembre", "1er mai"
  if (h.day && Linked(j) && Month(j + 1)) {
    m->day = h.day;
    m->month = t_[j + 1].w->month;
    if (Linked(j + 1) && Year(j + 2)) {
      m->year = t_[j + 2].num;
      return done(Kind::kFullDate, j + 2, t_[j + 1].w->rule);
    }
    return done(Kind::kDayMonth, j + 1, t_[j + 1].w->rule);
  }
  // "février 2022"
  if (det == G::kNone && Month(j) && Linked(j) && Year(j + 1)) {
    m->month = h.w->month;
    m->year = t_[j + 1].num;
    return done(Kind::kMonthYear, j + 1, h.w->rule);
  }
  if (!h.w) return false;
  // "hier", "la veille", "l'avant-veille", "le lendemain"
  if (h.w->relative) {
    if (h.w->previous) {
      if (det != G::kLe && det != G::kLa && !h.elided) return false;
      m->offset = h.w->offset;
      m->unit = Unit::kDay;
      return done(Kind::kPrevious, j, h.w->rule);
    }
    if (det != G::kNone) return false;
    m->offset = h.w->offset;
    m->unit = Unit::kDay;
    return done(Kind::kRelative, j, h.w->rule);
  }
  // "le mois dernier", "l'an prochain", "cette semaine", "cette année"
  if (h.w->unit != Unit::kNone && (det != G::kNone || h.elided)) {
    m->unit = h.w->unit;
    if (Linked(j) && t_[j + 1].w && t_[j + 1].w->has_modifier) {
      m->offset = t_[j + 1].w->modifier;
      return done(Kind::kRelative, j + 1, h.w->rule);
    }
    if (det == G::kCe) {
      m->offset = 0;
      return done(Kind::kRelative, j, h.w->rule);
    }
  }
  return false;
}

void MatchLine(std::string_view text, const std::vector<Tok>& toks, std::vector<Mention>* out) {
  Matcher mt(text, toks);
  for (size_t i = 0; i < toks.size(); ++i) {
    Mention m;
    size_t last = i;
    if (mt.Match(i, &m, &last)) {
      out->push_back(std::move(m));
      i = last;
    }
  }
}

// The end of a line of words (from byte `from`, its last word ending at `last_end`): its
// tokens *toks are matched, or when a word is not `plain` (a letter outside Latin-1, a curly
// apostrophe in a word), the tokens of the line's bytes; *toks is left empty.
void EndLine(const Lexicon& lex, const std::string& text, bool plain, size_t from, size_t last_end,
             std::vector<Tok>* toks, std::vector<Mention>* out) {
  if (!plain) {
    size_t to = text.find('\n', last_end);
    if (to == std::string::npos) to = text.size();
    toks->clear();
    Tokenize(lex, text, from, to, toks);
  }
  if (!toks->empty()) MatchLine(text, *toks, out);
  toks->clear();
}

}  // namespace

std::span<const std::string_view> GrammarWords() { return kGrammarWords; }

// The same tokens, read from the quote finder's words (SplitWords) of a line whose words are
// all `plain`: letters are then the same for both (ASCII letters and digits, Latin-1
// letters), a word joins letters with an inner hyphen or apostrophe followed by a letter as
// Tokenize does, but stops after an elision ("l'", "qu'": the next word starts right after
// it) where Tokenize goes on when a letter follows, and slashes are words of their own
// ("16" "/" "02"). Lines with a word that is not plain are scanned by Tokenize.
std::vector<Mention> Recognize(const Lexicon& lex, const std::string& text, const std::vector<quotes::Word>& words) {
  std::vector<Mention> out;
  std::vector<Tok> toks;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const quotes::Word* w = words.data();
  const size_t n = words.size();
  const GrammarShapes& grammar = Grammar();
  const size_t max_len = std::min<size_t>(lex.max_len() + 3, 31);
  const uint64_t* const hash_bits = lex.word_hash_bits();
  size_t line = 0;    // the first word of the line
  bool plain = true;  // every word of the line so far
  for (size_t i = 0; i < n; ++i) {
    if (w[i].newline_before && i > 0) {  // line by line, as the scan
      EndLine(lex, text, plain, w[line].span.start, w[i - 1].span.end, &toks, &out);
      line = i;
      plain = true;
    }
    plain &= w[i].plain;
    if (!w[i].word) continue;  // a mark: no letter
    const size_t start = w[i].span.start;
    size_t end = w[i].span.end;
    // A word that is a token alone (no elision, no slash after it) and starts with a letter:
    // its lower case is what Classify looks up (an elided head "l'" would have ended the
    // word), so a hash that no listed or grammar word has drops it.
    const bool alone = p[end - 1] != '\'' && p[end] != '/';
    if (alone && !IsDigit(p[start])) {
      if (!Lexicon::MayHaveWordHash(hash_bits, w[i].hash)) continue;
      Tok t;
      t.start = static_cast<uint32_t>(start);
      t.end = static_cast<uint32_t>(end);
      if (Classify(lex, text, &t, w[i].lower, w[i].hash)) toks.push_back(t);
      continue;
    }
    while (true) {  // joined words are adjacent, so on this line
      if (p[end - 1] == '\'') {  // an elision: joined to a word right after it, else without the apostrophe
        if (i + 1 < n && w[i + 1].word && w[i + 1].span.start == end) {
          end = w[++i].span.end;
          plain &= w[i].plain;
          continue;
        }
        --end;
        break;
      }
      // A slash between digits ("16/02/2022"; p[end] is at most the NUL after the text).
      if (p[end] == '/' && IsDigit(p[end - 1]) && IsDigit(p[end + 1]) && i + 2 < n && w[i + 1].span.start == end &&
          w[i + 2].span.start == end + 1) {
        plain &= w[i + 1].plain & w[i + 2].plain;
        i += 2;
        end = w[i].span.end;
        continue;
      }
      break;
    }
    Keep(lex, grammar, max_len, text, start, end, &toks);
  }
  if (n) EndLine(lex, text, plain, w[line].span.start, w[n - 1].span.end, &toks, &out);
  return out;
}

std::vector<Mention> Recognize(const Lexicon& lex, const std::string& text) {
  std::vector<Mention> out;
  std::vector<Tok> toks;
  // Line by line (no expression spans a line break), so the token buffer stays small.
  for (size_t from = 0; from < text.size();) {
    size_t to = text.find('\n', from);
    if (to == std::string_view::npos) to = text.size();
    toks.clear();
    Tokenize(lex, text, from, to, &toks);
    MatchLine(text, toks, &out);
    from = to + 1;
  }
  return out;
}

}  // namespace timex
}  // namespace veille
