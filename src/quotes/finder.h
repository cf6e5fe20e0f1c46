// The quote finder's working state over one document (internal to src/quotes/):
// words, their entity/sentence/paragraph, the candidate quotes and the speakers found so far.
// finder.cpp collects and attributes quotes; speakers.cpp finds who speaks.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"
#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "quotes/words.h"

namespace veille::quotes {

// A speaker mention: a span of the text and the entity it names (-1 if none).
struct Who {
  Span span;
  int entity = -1;
};

// A quote waiting for its speaker.
struct Candidate {
  enum class Type { kMarked, kThat, kIncise, kSelon } type;
  Span span;
  std::string_view kind;   // direct | partial | indirect (a literal: the candidates are sorted, moved as plain bytes)
  size_t first = 0, last = 0;  // words of the quote (marks included for marked quotes)
  Marked marked;   // kMarked
  VerbMatch verb;          // kThat, kIncise
  size_t source_begin = 0, source_end = 0;  // kSelon: the words naming the source
};

struct Attributed {
  Who who;
  size_t word;       // where the quote starts
  size_t paragraph;
};

class Finder {
 public:
  Finder(const Lexicon& lex, Doc& doc) : lex_(lex), doc_(doc), w_(SplitWords(doc.text, &lowered_)) {
    lex_.Annotate(&w_);
    Index();
  }
  // With the words of doc.text already split (SplitWords; their `lowered` outlives the finder).
  Finder(const Lexicon& lex, Doc& doc, std::vector<Word>&& words) : lex_(lex), doc_(doc), w_(std::move(words)) {
    lex_.Annotate(&w_);
    Index();
  }

  void Run();

 private:
  void Index();
  bool IsWord(size_t i, std::string_view s) const { return i < w_.size() && w_[i].lower == s; }
  bool IsPunct(size_t i) const { return i < w_.size() && !w_[i].word; }
  bool Is(size_t i, uint8_t cls) const { return i < w_.size() && w_[i].word && lex_.Is(w_[i], cls); }
  bool IsSource(size_t i, size_t* after) const;
  bool IsPronoun(size_t i, size_t* after) const;
  size_t WordAt(uint32_t byte) const;  // first word starting at or after byte
  size_t SentenceStart(size_t i) const;
  size_t SentenceEnd(size_t i) const;  // one past the last word of i's sentence
  bool AnyQuoted(size_t a, size_t b) const;  // a word of [a, b) inside quotation marks
  std::string VerbText(const VerbMatch& m) const;
  // A speech verb at word i (any verb, or only a verb of saying). Inline: its first test
  // answers most calls, made word by word (finder.cpp, speakers.cpp).
  bool Verb(size_t i, VerbMatch* m, bool say_only) const {
    if (i < w_.size() && !w_[i].may_start_verb) return false;  // annotated words: MatchVerb's own first test
    if (!lex_.MatchVerb(w_, i, m)) return false;
    return !say_only || m->verb->kind == VerbKind::kSay;
  }

  std::optional<Who> NounPhrase(size_t a, size_t b) const;
  std::optional<Who> Preverbal(size_t v) const;
  std::optional<Who> Postverbal(size_t e) const;
  std::optional<Who> SubjectOf(const VerbMatch& m) const;
  std::optional<Who> Resolve(size_t pronoun) const;
  std::optional<Who> Describe(const Who& who, size_t at) const;
  bool IsName(const std::optional<Who>& who) const;
  std::optional<Who> Source(size_t after, size_t end, size_t* stop) const;
  std::optional<Who> SpeakerOfVerb(const VerbMatch& m) const;
  bool VerbBefore(size_t from, size_t limit, VerbMatch* m) const;
  bool IsAdverb(size_t i) const;
  std::optional<Who> ClauseSubject(size_t start) const;

  void CollectMarked();
  void CollectThat();
  void CollectIncise();
  void CollectSelon();
  void Attribute(const Candidate& c);
  void Emit(const Candidate& c, std::optional<Who> who, std::string verb, std::string rule);

  const Lexicon& lex_;
  Doc& doc_;
  std::string lowered_;  // the words' lower-case forms (before w_: built first)
  std::vector<Word> w_;
  std::vector<int> entity_;     // per word: the entity covering it, -1 if none
  std::vector<int> sentence_;   // per word: sentence index
  std::vector<size_t> paragraph_;  // per word: paragraph index
  std::vector<uint8_t> quoted_;  // per word: inside quotation marks (marks included); bytes, not bits
  std::vector<uint8_t> timex_;   // per word: inside a time expression
  std::vector<uint32_t> run_;      // per word: its sentence run (same sentence and paragraph)
  std::vector<size_t> run_start_;  // per run: its first word; then the number of words
  std::vector<uint32_t> verb_starts_;  // the words with Word::may_start_verb, in order
  std::vector<Candidate> cands_;
  std::vector<Attributed> history_;
};

// Words that end a subject read backwards ("que", "mais", "comme", …).
bool IsBoundaryWord(std::string_view w);

}  // namespace veille::quotes
