// Words of a document for the quote finder: letters-and-hyphens words, elided
// clitics ("l'", "qu'") and single punctuation marks, each with its lower-case form
// (a view into one buffer per document: no string per word). The pipeline splits each
// document once (WordSplit): the time stage reads its tokens from these words first
// (time/recognizer.cpp), then the quote finder takes them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace veille::quotes {

struct Form;

// FNV-1a over the bytes of a lower-case form, step by step (SplitWords hashes each word
// as it writes it; Lexicon::Annotate looks the word up by that hash).
constexpr uint64_t kWordHashSeed = 1469598103934665603ULL;
constexpr uint64_t WordHashStep(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
inline uint64_t WordHash(std::string_view s) {
  uint64_t h = kWordHashSeed;
  for (char c : s) h = WordHashStep(h, static_cast<unsigned char>(c));
  return h;
}

struct Word {
  Span span;
  std::string_view lower;  // lower case ("a-t-il", "l'", "«"), in SplitWords' `lowered`
  uint64_t hash = 0;       // WordHash(lower)
  bool word = false;   // letters/digits (false: punctuation)
  bool upper = false;  // starts with a capital letter
  bool newline_before = false;  // a line break lies between the previous word and this one
  // Looked up once by Lexicon::Annotate (else on every use): the word's classes and the
  // speech-verb forms whose first word it is (nullptr: none).
  bool annotated = false;
  uint8_t classes = 0;
  const std::vector<Form>* forms = nullptr;
  // Annotated: whether a speech verb can start at this word (a form's first word, a clitic,
  // "le"/"l'" after "comme", "s'"/"se", an auxiliary); false lets MatchVerb answer at once.
  bool may_start_verb = false;
  bool starts_phrase = false;  // annotated: the first word of a two-word entry ("ce dernier")
  uint8_t aux = 0;  // annotated: Lexicon::kAux… bits (an auxiliary, "a-t-il"), tested by MatchVerb
  // Only ASCII, Latin-1 letters (C3 xx) and the marks of U+0080..U+00BF and U+2000..U+203F
  // but U+2019 inside a word: the time stage's letters are then the same, and its tokens are
  // runs of these words (time/recognizer.cpp); false for a word read by the ICU path.
  bool plain = true;
};

// The words of one document, made once (pipeline/) and read by the time stage, then
// handed to the quote finder; `words` view into `lowered`, which must not move (no copy).
struct WordSplit {
  std::string lowered;
  std::vector<Word> words;
};

// The words of `text` (valid UTF-8, as Doc::text is); their lower-case forms are written one after the other to
// `*lowered` (replacing its content), which must outlive the words, unchanged.
// (A std::string: its terminating NUL ends the scan of the last word.)
std::vector<Word> SplitWords(const std::string& text, std::string* lowered);
std::string Lower(std::string_view s);

}  // namespace veille::quotes
