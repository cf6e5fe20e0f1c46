// Named-entity training and evaluation data (internal to entities/): sentences of words
// with IOB2 tags ("O", "B-PER", "I-PER", ...) read from "token TAG" files.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace veille::ner {

struct NerSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // IOB2, parallel to words
  size_t line = 0;                // line of the first word in its file
};

// Reads one "token TAG" pair a line (space or tab between; TAG is O or I-/B- + PER, ORG or
// LOC). IOB1 tags ("I-PER" starting an entity) become IOB2. A blank line ends a sentence;
// files without any blank line (the Europeana corpus) are cut after ".", "!" and "?" and
// every 80 words. Throws std::runtime_error naming file:line for a malformed line.
std::vector<NerSentence> ReadBio(const std::string& path);

// The share of a sentence's words that look like OCR noise: characters outside letters,
// digits and ordinary punctuation, letters mixed with digits, a lower-case letter followed
// by a capital ("aS", "fJ").
double NoiseShare(const NerSentence& s);

// A file name with an optional part: "enp_FR.bnf.bio@test". With a part, the file is the
// Europeana corpus, cut into pages: the "[**Lstart - Lend**]" line ranges of the .md file
// beside it (same stem; it gives the first 13 pages), then blocks of 6,000 lines. Page i
// goes to test when i % 10 == 9, to dev when i % 10 == 4, else to train; sentences with more
// than 10% noisy words (NoiseShare) or fewer than 3 words are dropped. Returns the
// sentences of that part; `dropped` gets how many were filtered out.
std::vector<NerSentence> ReadPart(const std::string& spec, size_t* dropped = nullptr);

// Entity spans [begin, end) of an IOB2 sequence with their type.
struct TagSpan {
  size_t begin, end;
  std::string type;
  friend bool operator<(const TagSpan& a, const TagSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end != b.end ? a.end < b.end : a.type < b.type;
  }
  friend bool operator==(const TagSpan&, const TagSpan&) = default;
};
std::vector<TagSpan> SpansOf(const std::vector<std::string>& tags);

}  // namespace veille::ner
