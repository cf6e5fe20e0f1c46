// Internals of the time stage: the lexicon (dict/time/), the recognizer that finds
// expressions, the normalizer that gives them values, and document-date inference.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/doc.h"

namespace veille {
namespace quotes {
struct Word;
}
namespace timex {

enum class Unit { kNone, kDay, kWeek, kMonth, kYear };

// What the dictionaries say about one lower-case word (a word may be several things:
// "sept" is a number and a month abbreviation).
struct Word {
  int month = 0;        // 1..12
  int weekday = 0;      // 1..7
  int number = 0;       // > 0
  Unit unit = Unit::kNone;
  int modifier = 0;     // -1 / +1 when set (has_modifier)
  bool has_modifier = false;
  bool relative = false;  // relative.tsv
  bool previous = false;  // anchor "previous"
  int offset = 0;         // days, for relative words
  std::string rule;       // dict line of the first entry
};

class Lexicon {
 public:
  static Lexicon Load();
  Lexicon(Lexicon&&) = default;  // (not copied: by_hash_ points into words_)
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  // Lookup of a lower-case word by its quotes::WordHash `h` (the pipeline's shared words
  // carry it): one probe of an open-addressing table, most often.
  const Word* FindHashed(std::string_view lower, uint64_t h) const {
    for (size_t k = h & hash_mask_;; k = (k + 1) & hash_mask_) {
      const HashSlot& slot = by_hash_[k];
      if (!slot.word) return nullptr;
      if (slot.hash == h && *slot.key == lower) return slot.word;
    }
  }
  // Lookup of a lower-case word; a bit filter answers most misses without hashing
  // into the map.
  const Word* Find(std::string_view lower) const {
    uint32_t h = Hash(lower);
    if (!(filter_[(h >> 5) & (kFilterWords - 1)] & (1u << (h & 31)))) return nullptr;
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  size_t max_len() const { return max_len_; }
  // A hash of the length, the first two bytes and the last byte of a lower-case word (the
  // second byte 0 for a one-byte word): the key of the shape filter.
  static uint16_t ShapeKey(size_t len, unsigned char b0, unsigned char b1, unsigned char last) {
    uint32_t h = static_cast<uint32_t>(len) * 0x9E3779B1u ^ b0 * 0x85EBCA77u ^ b1 * 0xC2B2AE3Du ^ last * 0x27D4EB2Fu;
    return static_cast<uint16_t>(h ^ h >> 16);
  }
  static uint16_t ShapeKey(std::string_view lower) {
    return ShapeKey(lower.size(), static_cast<unsigned char>(lower[0]),
                    lower.size() > 1 ? static_cast<unsigned char>(lower[1]) : 0,
                    static_cast<unsigned char>(lower.back()));
  }
  // Whether some word of the lexicon has the shape `key` (answers most misses before the
  // word is lower-cased and hashed).
  bool MayHaveShape(uint16_t key) const { return shapes_[key >> 6] >> (key & 63) & 1; }
  // Whether some word of the lexicon or grammar word (GrammarWords) may have the quote
  // finder's hash `h` of its lower case (quotes::WordHash): with the pipeline's shared
  // words, answers most misses at once.
  static size_t WordHashBit(uint64_t h) { return static_cast<size_t>(h >> 48); }
  bool MayHaveWordHash(uint64_t h) const { return MayHaveWordHash(word_hashes_.data(), h); }
  // The same test on word_hash_bits() (held in a local by a loop over many words).
  static bool MayHaveWordHash(const uint64_t* bits, uint64_t h) {
    const size_t b = WordHashBit(h);
    return bits[b >> 6] >> (b & 63) & 1;
  }
  const uint64_t* word_hash_bits() const { return word_hashes_.data(); }

 private:
  static constexpr size_t kFilterWords = 1 << 12;  // 128 Kbit
  static uint32_t Hash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  Lexicon() = default;
  std::unordered_map<std::string, Word, SvHash, std::equal_to<>> words_;
  struct HashSlot {
    uint64_t hash = 0;
    const std::string* key = nullptr;  // in words_ (its nodes do not move)
    const Word* word = nullptr;        // nullptr: an empty slot
  };
  std::vector<HashSlot> by_hash_;  // by quotes::WordHash, at most half full
  size_t hash_mask_ = 0;
  std::vector<uint32_t> filter_ = std::vector<uint32_t>(kFilterWords, 0);
  std::vector<uint64_t> shapes_ = std::vector<uint64_t>(65536 / 64, 0);  // by ShapeKey
  std::vector<uint64_t> word_hashes_ = std::vector<uint64_t>(65536 / 64, 0);  // by WordHashBit
  size_t max_len_ = 0;
};

enum class Kind {
  kFullDate,   // year, month, day (absolute)
  kMonthYear,  // year, month (absolute)
  kYear,       // year (absolute)
  kDayMonth,   // month, day, optional weekday (document)
  kMonth,      // "en mai" (document)
  kWeekday,    // weekday, direction -1/0/+1 (document)
  kRelative,   // unit, offset in units from the document date (document)
  kPrevious,   // offset in days from the previous dated expression (previous)
};

struct Mention {
  Span span;
  Kind kind;
  int year = 0, month = 0, day = 0, weekday = 0;
  int offset = 0;  // direction for kWeekday, amount for kRelative / kPrevious
  Unit unit = Unit::kNone;
  bool deictic = false;  // introduced by "ce" / "cette"
  std::string rule;
};

// The grammar words the patterns are built from ("le", "en", "il", "depuis"; recognizer.cpp).
std::span<const std::string_view> GrammarWords();

// Finds the time expressions of `text`, in order, non-overlapping. (A std::string: its
// terminating NUL ends the scan of the last word.)
std::vector<Mention> Recognize(const Lexicon& lex, const std::string& text);
// The same, with the tokens read from the quote finder's words of `text` (SplitWords): a
// time token is one word or adjacent words joined at an elision ("l'" + "an") or at a
// slash between digits ("16" "/" "02"); a line with a word that is not `plain` is scanned.
std::vector<Mention> Recognize(const Lexicon& lex, const std::string& text, const std::vector<quotes::Word>& words);

// Gives each mention a value and an anchor against the document date (`ref`, days
// since the epoch; nullopt when unknown).
std::vector<Timex> Normalize(const std::vector<Mention>& mentions, std::optional<int64_t> ref);

// Days (since the epoch) the document date must fall in: a dated actor fact ("le
// président américain Donald Trump": one of his terms).
struct DayRange {
  std::vector<std::pair<int64_t, int64_t>> periods;  // the date falls in one of them (closed)
  std::string why;  // for explanations
};

// The document date inferred from the text, with the reasons.
struct DateInference {
  std::optional<int64_t> date;
  std::string evidence;              // which rule found a day of the month with its weekday
  std::vector<Span> spans;           // the mentions it used
  int month = 0, day = 0, weekday = 0, year = 0;  // the evidence (year 0: not given)
  std::vector<int> candidates;       // years where the weekday agrees, latest first, not after today
  std::vector<int> ruled_out;        // candidates the actor facts exclude
  bool facts_ignored = false;        // the facts excluded every candidate, so they were not used
  std::string choice;                // why this candidate
};

// Infers the document date from the mentions (weekday-date agreements, explicit
// years, actor facts), choosing the most recent consistent date not after `today`.
// `sentences` bounds the same-sentence pairing of a date and a weekday.
DateInference ExplainDocumentDate(const std::vector<Mention>& mentions, const std::vector<Span>& sentences,
                                  int64_t today, const std::vector<DayRange>& facts = {});
inline std::optional<int64_t> InferDocumentDate(const std::vector<Mention>& mentions,
                                                const std::vector<Span>& sentences, int64_t today,
                                                const std::vector<DayRange>& facts = {}) {
  return ExplainDocumentDate(mentions, sentences, today, facts).date;
}

}  // namespace timex
}  // namespace veille
