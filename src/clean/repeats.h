// Repeated passages inside one document (internal to clean/): paragraphs repeated
// verbatim, and long sentences that repeat an earlier one with a few words changed
// (a common scraper and CMS artefact).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace veille {

class RepeatFinder {
 public:
  // A sentence of at least this many words whose word trigrams are at least
  // kContainment already seen in the document is a repeat.
  static constexpr int kMinWords = 12;
  static constexpr double kContainment = 0.8;
  // Paragraphs shorter than this are never called repeats ("Venezuela" twice is fine).
  static constexpr size_t kMinParagraphBytes = 30;
  // At most this many distinct trigrams are recorded per document (12 MiB of
  // table; a news article has a few hundred to a few thousand): later ones are
  // still looked up but not added.
  static constexpr size_t kMaxTrigrams = size_t{1} << 19;

  // One finder per document, and one at a time per thread: its trigram table is
  // the thread's, reused from document to document without clearing.
  RepeatFinder();

  // True if `paragraph` (normalised) was seen verbatim before; records it otherwise.
  bool RepeatedParagraph(std::string_view paragraph);

  // Spans (relative to `paragraph`) of the sentences of `paragraph` that repeat
  // earlier text; the other sentences are recorded as seen.
  std::vector<Span> RepeatedSentences(std::string_view paragraph);

  struct Table;
  struct Scratch;

 private:
  Table& table_;
  Scratch& scratch_;
};

}  // namespace veille
