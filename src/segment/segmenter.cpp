// French sentence segmentation: a hand-written scanner over UTF-8 bytes.
//
// Split() cuts the text into lines (every '\n' ends a sentence, so headlines and
// list items without final punctuation stand alone) and scans each line once.
// Only a few bytes stop the fast loop: . ! ? and the straight quote, and the lead
// bytes 0xC2/0xE2 of « » … “ ” „. Letters, digits, spaces and accented letters
// (0xC3) are skipped by a table lookup.
//
// At a terminator (a run such as "." "?!" "!!!" "..." "…") the scanner decides
// whether the sentence ends there:
//   * closing quotes and brackets right after the run belong to the sentence
//     ("... .)" "... »." "Non ! »");
//   * a sentence only ends before whitespace or the end of the line, so
//     "lemonde.fr", "3.5", "24.02.2022", "U.S.A" and "Ph.D" never split;
//   * a lower-case letter or , ; : after the whitespace continues the sentence
//     ("etc. et", "M. le ministre");
//   * otherwise it depends on the word before a single '.': see Strength.
//
// Quotations. Within a line, « » (and “ ” „, and straight " by context) are
// paired with a stack the first time a quote mark is met. A paired quotation is
// atomic: the scanner jumps to its closing mark, so . ! ? inside never end the
// sentence. After the closing mark, the sentence ends only if the quoted text
// ended with a terminator and a new sentence follows:
//   « Nous allons le faire. Nous le ferons », a déclaré Maduro.   (one sentence)
//   « Nous allons le faire. Nous le ferons. » Il est reparti.     (two)
// A quotation still open at the end of its line (quoted paragraphs continued on
// the next line) is plain text.
//
// Dictionary (Segmenter::Dictionary): abbreviations with their kind ("etc" may
// end a sentence, "art" only before a sentence-starting word, "m" never), and
// words that often start a sentence (sentence_starters.txt).
#include "segment/segmenter.h"

#include <emmintrin.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <utility>

#include "core/dict_file.h"
#include "core/utf8.h"
#include "segment/chars.h"

namespace veille {
namespace {

using namespace segment;  // NOLINT: character helpers of this module

constexpr char kAbbreviationsFile[] = "segment/abbreviations.txt";
constexpr char kStartersFile[] = "segment/sentence_starters.txt";

constexpr size_t kNone = std::string_view::npos;
constexpr size_t kMaxToken = 64;  // longer words (URLs, ...) are never abbreviations
constexpr size_t kMaxWord = 32;   // longest sentence-starting word looked up

// How readily a '.' (or a terminator run) ends the sentence once whitespace and
// a character that does not continue the sentence follow it.
enum class Strength {
  kNever,       // prefix abbreviation or title: "M.", "Dr.", "cf.", "1." opening an item
  kStarterOnly, // initial or ambiguous abbreviation ("W.", "J.-C.", "art."): only
                // before a word that usually starts a sentence ("Le", "Il", "À")
  kNotDigit,    // abbreviation that may end a sentence ("etc.", "km."), but
                // not before a number ("janv. 2022", "env. 300")
  kUpper,       // ellipsis: only before an upper-case start
  kAlways,      // "." after an ordinary word, "!" and "?"
  kPeriod,      // a single '.': one of the above, decided by the word before it
                // only when needed (most dots, as in "3.5" or "lemonde.fr", are
                // not followed by whitespace and need no look-up)
};

// Bytes that stop the fast loop.
struct StopTable {
  bool stop[256] = {};
  constexpr StopTable() {
    for (unsigned char c : {'.', '!', '?', '"'}) stop[c] = true;
    stop[0xC2] = true;  // « » (and NBSP, °, ...)
    stop[0xE2] = true;  // … “ ” „ (and dashes, €, ...)
  }
};
constexpr StopTable kStops;

// The first byte at or after i (before end) that stops the fast loop, or end.
// 16 bytes at a time (SSE2), then kStops.
inline size_t NextStop(const char* s, size_t i, size_t end) {
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  const __m128i quote = _mm_set1_epi8('"'), c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= end; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(v, quote)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
    if (int bits = _mm_movemask_epi8(m)) return i + __builtin_ctz(static_cast<unsigned>(bits));
  }
  while (i < end && !kStops.stop[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// Scans one line at a time, appending sentences to *out.
class LineScanner {
 public:
  // The quote-pairing buffers and the look-up key are the thread's, reused from
  // document to document (one scanner at a time per thread).
  struct Buffers {
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    struct OpenQuote {
      uint32_t pos;
      int family;
    };
    std::vector<OpenQuote> open;
    std::string key;
  };
  static Buffers& ThreadBuffers() {
    thread_local Buffers buffers;
    return buffers;
  }

  LineScanner(std::string_view text, const Segmenter::Dictionary& dict, std::vector<Span>* out)
      : s_(text), dict_(dict), out_(out), buffers_(ThreadBuffers()), pairs_(buffers_.pairs), open_(buffers_.open),
        key_(buffers_.key) {}

  void Scan(size_t begin, size_t end);

 private:
  char32_t At(size_t i, size_t* len) const { return DecodeAt(s_, i, end_, len); }
  char32_t Before(size_t i, size_t* len) const { return DecodeBefore(s_, begin_, i, len); }
  // IsSpace(At(i)) and IsSpace(Before(i)), deciding ASCII bytes without decoding.
  bool SpaceAt(size_t i, size_t* len) const {
    unsigned char b = static_cast<unsigned char>(s_[i]);
    if (b >= 0x80) return IsSpace(At(i, len));
    *len = 1;
    return IsAsciiSpace(b);
  }
  bool SpaceBefore(size_t i, size_t* len) const {
    unsigned char b = static_cast<unsigned char>(s_[i - 1]);
    if (b >= 0x80) return IsSpace(Before(i, len));
    *len = 1;
    return IsAsciiSpace(b);
  }
  static bool IsAsciiSpace(unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); }
  size_t SkipSpaces(size_t i) const;
  size_t SkipSpacesBack(size_t i) const;
  size_t SkipOpeners(size_t i, size_t limit) const;
  void Emit(size_t from, size_t to);

  size_t Step(size_t i);
  size_t OnTerminator(size_t i);
  size_t OnQuote(size_t i, size_t len);
  size_t AfterQuote(size_t close, size_t after);
  size_t Finish(size_t pos, Strength st, size_t period = kNone);
  size_t Absorb(size_t pos, Strength* st);
  bool EndsBefore(size_t pos, Strength st, size_t period);
  bool StartsUpper(size_t q) const;
  bool StartsWithStarter(size_t q);

  Strength PeriodStrength(size_t period);
  size_t TokenStart(size_t end) const;
  size_t AfterElision(size_t word, size_t end) const;
  bool LookUp(const std::string& key, Strength* st) const;
  bool LookUpWithPrevious(size_t word, size_t period, Strength* st);
  Strength InitialStrength(size_t tok, size_t core, size_t period, bool elided);
  bool PreviousWordIsLower(size_t tok) const;
  bool IsEnumerator(size_t core, size_t end) const;

  void EnsurePaired(size_t from);
  void PairQuotes(size_t from);
  bool StraightQuoteOpens(size_t i, bool one_open) const;
  size_t QuoteClose(size_t open);

  std::string_view s_;
  const Segmenter::Dictionary& dict_;
  std::vector<Span>* out_;

  size_t begin_ = 0, end_ = 0;  // the current line
  size_t start_ = 0;            // where the current sentence began (untrimmed)
  bool paired_ = false;         // quotes of this line paired
  Buffers& buffers_;
  std::vector<std::pair<uint32_t, uint32_t>>& pairs_;  // (open, close), sorted
  std::vector<Buffers::OpenQuote>& open_;
  std::string& key_;
};

// ---------------------------------------------------------------- the scan

void LineScanner::Scan(size_t begin, size_t end) {
  begin_ = begin;
  end_ = end;
  start_ = begin;
  paired_ = false;
  pairs_.clear();
  size_t i = begin;
  while (i < end) {
    i = NextStop(s_.data(), i, end);
    if (i < end) i = Step(i);
  }
  Emit(start_, end);
}

size_t LineScanner::Step(size_t i) {
  size_t len;
  switch (At(i, &len)) {
    case '.':
    case '!':
    case '?':
    case kEllipsis:
      return OnTerminator(i);
    case '"':
    case kLeftGuillemet:
    case kLeftDoubleQuote:
    case kLowDoubleQuote:
      return OnQuote(i, len);
    default:
      return i + len;
  }
}

size_t LineScanner::OnTerminator(size_t i) {
  size_t run = i, dots = 0;
  bool strong = false, ellipsis = false;
  while (run < end_) {
    size_t len;
    char32_t c = At(run, &len);
    if (c == '.') ++dots;
    else if (c == '!' || c == '?') strong = true;
    else if (c == kEllipsis) ellipsis = true;
    else break;
    run += len;
  }
  if (strong) return Finish(run, Strength::kAlways);
  if (ellipsis || dots >= 2) {
    // "(...)" and "[…]" mark an elision inside a quotation, not an end.
    size_t len;
    if (i > begin_) {
      char32_t prev = Before(i, &len);
      if (prev == '(' || prev == '[') return run;
    }
    return Finish(run, Strength::kUpper);
  }
  return Finish(run, Strength::kPeriod, i);
}

size_t LineScanner::OnQuote(size_t i, size_t len) {
  size_t close = QuoteClose(i);
  if (close == kNone) return i + len;
  size_t close_len;
  At(close, &close_len);
  return AfterQuote(close, close + close_len);
}

// The quotation closes at [close, after): does the sentence end after it?
size_t LineScanner::AfterQuote(size_t close, size_t after) {
  size_t j = SkipSpacesBack(close);
  if (j == begin_) return after;
  size_t len;
  char32_t last = Before(j, &len);
  if (!IsTerminator(last)) return after;  // « Le Monde », « non » : text goes on
  bool ellipsis = last == kEllipsis || (last == '.' && j - len > begin_ && s_[j - len - 1] == '.');
  return Finish(after, ellipsis ? Strength::kUpper : Strength::kAlways);
}

// A terminator run ends at `pos` (for kPeriod, `period` is the '.'): absorbs
// closing marks, and ends the sentence if what follows starts a new one.
// Returns where scanning resumes.
size_t LineScanner::Finish(size_t pos, Strength st, size_t period) {
  pos = Absorb(pos, &st);
  if (EndsBefore(pos, st, period)) {
    Emit(start_, pos);
    start_ = pos;
  }
  return pos;
}

size_t LineScanner::Absorb(size_t pos, Strength* st) {
  bool closed = false;
  while (pos < end_) {
    size_t len;
    char32_t c = At(pos, &len);
    if (IsCloser(c) && !(c == '"' && QuoteClose(pos) != kNone)) {
      pos += len;
      closed = true;
      continue;
    }
    if (closed && IsTerminator(c)) {  // "(M.)." "« ... »." : the final mark ends it
      *st = Strength::kAlways;
      pos += len;
      continue;
    }
    if (c == ' ' && pos + 1 < end_) {  // French spacing: "Non ! »" (quote opened earlier)
      size_t len2;
      char32_t d = At(pos + 1, &len2);
      if (d == kRightGuillemet || d == kRightDoubleQuote) {
        pos += 1 + len2;
        closed = true;
        continue;
      }
    }
    break;
  }
  return pos;
}

bool LineScanner::EndsBefore(size_t pos, Strength st, size_t period) {
  if (pos >= end_) return true;
  size_t len;
  if (!IsSpace(At(pos, &len))) return false;
  size_t q = SkipSpaces(pos);
  if (q >= end_) return true;
  char32_t c = At(q, &len);
  if (ContinuesSentence(c)) return false;
  if (st == Strength::kPeriod) st = PeriodStrength(period);
  switch (st) {
    case Strength::kNever:
      return false;
    case Strength::kStarterOnly:
      return StartsWithStarter(q);
    case Strength::kNotDigit:
      return !IsDigit(c);
    case Strength::kUpper:
      return StartsUpper(q);
    case Strength::kAlways:
    case Strength::kPeriod:
      return true;
  }
  return true;
}

bool LineScanner::StartsUpper(size_t q) const {
  for (int step = 0; q < end_ && step < 8; ++step) {
    size_t len;
    char32_t c = At(q, &len);
    if (!IsOpener(c) && !IsSpace(c)) return IsUpper(c);
    q += len;
  }
  return false;
}

bool LineScanner::StartsWithStarter(size_t q) {
  q = SkipOpeners(q, end_);
  size_t e = q;
  while (e < end_ && e - q < kMaxWord) {
    size_t len;
    char32_t c = At(e, &len);
    if (IsApostrophe(c)) {  // "L'Élysée", "C'est"
      e += len;
      break;
    }
    if (!IsLetter(c)) break;
    e += len;
  }
  if (e == q) return false;
  key_.clear();
  AppendLower(&key_, s_.substr(q, e - q));
  if (key_.size() >= 3 && key_.compare(key_.size() - 3, 3, "\xE2\x80\x99") == 0) key_.replace(key_.size() - 3, 3, "'");
  return dict_.starters.contains(key_);
}

// ---------------------------------------------------------------- the word before '.'

Strength LineScanner::PeriodStrength(size_t period) {
  size_t tok = TokenStart(period);
  if (tok == kNone || tok == period) return Strength::kAlways;
  size_t len;
  if (IsCloser(Before(period, &len))) return Strength::kAlways;  // "». Il", "). Il"
  size_t word = SkipOpeners(tok, period);
  if (word == period) return Strength::kAlways;
  size_t core = AfterElision(word, period);
  Strength st;
  if (LookUpWithPrevious(word, period, &st)) return st;  // "av. J.-C."
  key_.clear();
  AppendLower(&key_, s_.substr(core, period - core));
  if (LookUp(key_, &st)) return st;
  st = InitialStrength(tok, core, period, core != word);
  if (st != Strength::kAlways) return st;
  if (tok == SkipSpaces(start_) && IsEnumerator(core, period)) return Strength::kNever;  // "1. Le"
  return Strength::kAlways;
}

// Start of the whitespace-delimited token ending at `end`, or kNone if it is too
// long to matter.
size_t LineScanner::TokenStart(size_t end) const {
  size_t j = end;
  while (j > begin_) {
    if (end - j >= kMaxToken) return kNone;
    size_t len;
    if (SpaceBefore(j, &len)) break;
    j -= len;
  }
  return j;
}

// "l'O.N.U" -> "O.N.U": the word after an elided article or preposition.
size_t LineScanner::AfterElision(size_t word, size_t end) const {
  size_t core = word;
  for (size_t i = word; i < end;) {
    size_t len;
    char32_t c = At(i, &len);
    i += len;
    if (IsApostrophe(c) && i < end) core = i;
  }
  return core;
}

bool LineScanner::LookUp(const std::string& key, Strength* st) const {
  if (key.empty()) return false;
  auto it = dict_.abbreviations.find(key);
  if (it == dict_.abbreviations.end()) return false;
  switch (it->second) {
    case Segmenter::AbbreviationKind::kFinal: *st = Strength::kNotDigit; break;
    case Segmenter::AbbreviationKind::kAmbiguous: *st = Strength::kStarterOnly; break;
    case Segmenter::AbbreviationKind::kPrefix: *st = Strength::kNever; break;
  }
  return true;
}

// Two-word abbreviations: "av. J.-C.", "p. ex.".
bool LineScanner::LookUpWithPrevious(size_t word, size_t period, Strength* st) {
  if (word <= begin_) return false;
  size_t prev_end = SkipSpacesBack(word);
  if (prev_end == word || prev_end <= begin_ || s_[prev_end - 1] != '.') return false;
  size_t prev = TokenStart(prev_end);
  if (prev == kNone) return false;
  prev = SkipOpeners(prev, prev_end);
  if (prev == prev_end) return false;
  key_.clear();
  AppendLower(&key_, s_.substr(prev, prev_end - prev));
  key_.push_back(' ');
  AppendLower(&key_, s_.substr(word, period - word));
  return LookUp(key_, st);
}

// Initials and dotted acronyms: "W", "J.-C", "J.R.R", "U.S.A", "O.N.U", "É.-U".
Strength LineScanner::InitialStrength(size_t tok, size_t core, size_t period, bool elided) {
  int groups = 0;
  bool hyphen = false;
  for (size_t i = core;;) {
    size_t len;
    if (!IsUpper(At(i, &len))) return Strength::kAlways;
    i += len;
    ++groups;
    if (i == period) break;
    if (s_[i] != '.') return Strength::kAlways;
    ++i;
    if (i < period && s_[i] == '-') {
      hyphen = true;
      ++i;
    }
    if (i >= period) return Strength::kAlways;
  }
  bool after_lower = tok != SkipSpaces(start_) && PreviousWordIsLower(tok);
  if (groups >= 2 && !hyphen) {
    // A dotted acronym is a noun: "l'O.N.U. Moscou", "aux U.S.A. Le" end a
    // sentence; "J.R.R. Tolkien" does not.
    if (elided || after_lower) return Strength::kAlways;
    return Strength::kStarterOnly;
  }
  // An initial ends a sentence only after a common noun ("le plan B. Le ...");
  // "George W. Bush", "A. Merkel", "J.-C. Juncker" go on.
  return after_lower ? Strength::kStarterOnly : Strength::kNever;
}

bool LineScanner::PreviousWordIsLower(size_t tok) const {
  size_t prev_end = SkipSpacesBack(tok);
  if (prev_end <= begin_) return false;
  size_t prev = TokenStart(prev_end);
  if (prev == kNone) return true;  // a long token (URL, number run) is no first name
  prev = SkipOpeners(prev, prev_end);
  if (prev >= prev_end) return false;
  size_t len;
  char32_t c = At(prev, &len);
  return IsLower(c) || IsDigit(c);
}

// "1", "2.3", "IV", "a": numbering that opens a list item.
bool LineScanner::IsEnumerator(size_t core, size_t end) const {
  size_t n = end - core;
  if (n == 0 || n > 8) return false;
  std::string_view t = s_.substr(core, n);
  if (n == 1 && IsLetter(static_cast<unsigned char>(t[0]))) return true;
  if (t.find_first_not_of("0123456789.") == std::string_view::npos && IsDigit(t[0])) return true;
  return n <= 5 && t.find_first_not_of("IVXLC") == std::string_view::npos;
}

// ---------------------------------------------------------------- quotations

void LineScanner::EnsurePaired(size_t from) {
  if (paired_) return;
  paired_ = true;
  PairQuotes(from);
}

// Pairs the quote marks of [from, end_) with a stack. Families: « », “„ ”, and
// straight " (opening or closing by context). A closing mark without an open
// mark of its family is ignored; one with an open mark closes it and drops any
// unclosed marks opened inside. Linear: count[] avoids searching the stack for
// a family that is not on it.
// The first byte at or after i (before end) that may start a quote mark: '"',
// or the lead byte 0xC2 / 0xE2 of « » “ ” „. 16 bytes at a time (SSE2).
size_t NextQuoteByte(std::string_view s, size_t i, size_t end) {
  const __m128i quote = _mm_set1_epi8('"'), c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= end; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
    if (int bits = _mm_movemask_epi8(m)) return i + __builtin_ctz(static_cast<unsigned>(bits));
  }
  while (i < end && s[i] != '"' && s[i] != '\xC2' && s[i] != '\xE2') ++i;
  return i;
}

void LineScanner::PairQuotes(size_t from) {
  open_.clear();
  int count[3] = {0, 0, 0};
  for (size_t i = from; i < end_;) {
    unsigned char b = static_cast<unsigned char>(s_[i]);
    if (b != '"' && b != 0xC2 && b != 0xE2) {
      i = NextQuoteByte(s_, i + 1, end_);
      continue;
    }
    size_t len;
    char32_t c = At(i, &len);
    int family;
    bool opens;
    switch (c) {
      case kLeftGuillemet: family = 0; opens = true; break;
      case kRightGuillemet: family = 0; opens = false; break;
      case kLeftDoubleQuote:
      case kLowDoubleQuote: family = 1; opens = true; break;
      case kRightDoubleQuote: family = 1; opens = false; break;
      case '"': family = 2; opens = StraightQuoteOpens(i, count[2] > 0); break;
      default: i += len; continue;
    }
    if (opens) {
      open_.push_back({static_cast<uint32_t>(i), family});
      ++count[family];
    } else if (count[family] > 0) {
      while (open_.back().family != family) {
        --count[open_.back().family];
        open_.pop_back();
      }
      pairs_.emplace_back(open_.back().pos, static_cast<uint32_t>(i));
      --count[family];
      open_.pop_back();
    }
    i += len;
  }
  std::sort(pairs_.begin(), pairs_.end());
}

// A straight quote opens after a space or an opening mark and before a word; it
// closes after a word and before a space or punctuation; otherwise it toggles.
bool LineScanner::StraightQuoteOpens(size_t i, bool one_open) const {
  size_t len;
  bool blank_before = i == begin_;
  if (!blank_before) {
    char32_t c = Before(i, &len);
    blank_before = IsSpace(c) || (IsOpener(c) && c != '"');
  }
  bool blank_after = i + 1 >= end_;
  if (!blank_after) {
    char32_t c = At(i + 1, &len);
    blank_after = IsSpace(c) || IsTerminator(c) || IsCloser(c) || c == ',' || c == ';' || c == ':';
  }
  if (blank_before != blank_after) return blank_before;
  return !one_open;
}

// The closing mark of the quotation opened at `open`, or kNone.
size_t LineScanner::QuoteClose(size_t open) {
  EnsurePaired(open);
  auto it = std::lower_bound(pairs_.begin(), pairs_.end(), std::make_pair(static_cast<uint32_t>(open), uint32_t{0}));
  if (it == pairs_.end() || it->first != open) return kNone;
  return it->second;
}

// ---------------------------------------------------------------- small helpers

size_t LineScanner::SkipSpaces(size_t i) const {
  while (i < end_) {
    size_t len;
    if (!SpaceAt(i, &len)) break;
    i += len;
  }
  return i;
}

size_t LineScanner::SkipSpacesBack(size_t i) const {
  while (i > begin_) {
    size_t len;
    if (!SpaceBefore(i, &len)) break;
    i -= len;
  }
  return i;
}

size_t LineScanner::SkipOpeners(size_t i, size_t limit) const {
  while (i < limit) {
    size_t len;
    if (!IsOpener(At(i, &len))) break;
    i += len;
  }
  return std::min(i, limit);
}

// Appends [from, to) trimmed of whitespace, if anything is left.
void LineScanner::Emit(size_t from, size_t to) {
  while (from < to) {
    size_t len = 1;
    unsigned char b = static_cast<unsigned char>(s_[from]);
    if (b < 0x80 ? !IsAsciiSpace(b) : !IsSpace(DecodeAt(s_, from, to, &len))) break;
    from += len;
  }
  while (to > from) {
    size_t len = 1;
    unsigned char b = static_cast<unsigned char>(s_[to - 1]);
    if (b < 0x80 ? !IsAsciiSpace(b) : !IsSpace(DecodeBefore(s_, from, to, &len))) break;
    to -= len;
  }
  if (from < to) out_->push_back(Span{static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
}

// ---------------------------------------------------------------- dictionary

// Why `e` is not a valid abbreviation entry, or "" if it is.
std::string AbbreviationProblem(std::string_view e) {
  if (e.empty()) return "empty abbreviation";
  if (e.back() == '.') return "write the abbreviation without its final '.'";
  char32_t prev = 0;
  for (size_t i = 0; i < e.size();) {
    char32_t c = utf8::Next(e, i);  // ReadDictFile checked the UTF-8
    if (IsUpper(c)) return "abbreviations are written in lower case";
    if (prev == 0 && !IsLetter(c)) return "an abbreviation starts with a letter";
    if (c == ' ') {
      if (prev != '.') return "a space may only follow a '.', as in \"av. j.-c\"";
    } else if (prev == ' ' && !IsLetter(c)) {
      return "a space must be followed by a letter";
    } else if (!IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != 0xB0) {
      return fmt::format("unexpected character U+{:04X} (letters, '.', '-', ''', '°' and spaces after '.')",
                         static_cast<uint32_t>(c));
    }
    prev = c;
  }
  return "";
}

// Why `w` is not a valid sentence-starter entry, or "" if it is.
std::string StarterProblem(std::string_view w) {
  if (w.empty()) return "empty word";
  for (size_t i = 0; i < w.size();) {
    char32_t c = utf8::Next(w, i);
    if (IsUpper(c)) return "words are written in lower case";
    if (c == '\'' && i == w.size() && w.size() > 1) continue;  // "l'", "qu'"
    if (!IsLetter(c)) return "a word is made of letters, with an optional final apostrophe";
  }
  return "";
}

// Remembers where each entry of a file was seen, to reject duplicates.
class Seen {
 public:
  void Add(std::string_view entry, const DictLine& line) {
    auto [it, fresh] = lines_.emplace(std::string(entry), line.number);
    if (!fresh) line.Fail(fmt::format("duplicate entry \"{}\" (first at line {})", entry, it->second));
  }

 private:
  std::unordered_map<std::string, int> lines_;
};

void LoadAbbreviations(Segmenter::Dictionary* dict) {
  Seen seen;
  ReadDictFile(
      kAbbreviationsFile,
      [&](const DictLine& line) {
        std::string_view entry = line.fields[0];
        if (std::string problem = AbbreviationProblem(entry); !problem.empty()) line.Fail(problem);
        std::string_view kind = line.fields.size() > 1 ? line.fields[1] : "prefix";
        Segmenter::AbbreviationKind k = Segmenter::AbbreviationKind::kPrefix;
        if (kind == "final") k = Segmenter::AbbreviationKind::kFinal;
        else if (kind == "ambiguous") k = Segmenter::AbbreviationKind::kAmbiguous;
        else if (kind != "prefix")
          line.Fail(fmt::format("unknown kind \"{}\" (prefix, ambiguous or final)", kind));
        seen.Add(entry, line);
        dict->abbreviations.emplace(std::string(entry), k);
      },
      1, 2);
}

void LoadStarters(Segmenter::Dictionary* dict) {
  Seen seen;
  ReadDictFile(
      kStartersFile,
      [&](const DictLine& line) {
        std::string_view word = line.fields[0];
        if (std::string problem = StarterProblem(word); !problem.empty()) line.Fail(problem);
        seen.Add(word, line);
        dict->starters.insert(std::string(word));
      },
      1, 1);
}

}  // namespace

Segmenter Segmenter::Load() {
  Segmenter seg;
  LoadAbbreviations(&seg.dict_);
  LoadStarters(&seg.dict_);
  return seg;
}

std::vector<Span> Segmenter::Split(std::string_view text) const {
  // Spans hold 32-bit offsets; longer texts are cut (documents never come close).
  if (text.size() > std::numeric_limits<uint32_t>::max()) text = text.substr(0, std::numeric_limits<uint32_t>::max());
  std::vector<Span> out;
  out.reserve(text.size() / 128 + 1);
  LineScanner scanner(text, dict_, &out);
  size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    scanner.Scan(pos, end);
    pos = end + 1;
  }
  return out;
}

}  // namespace veille
