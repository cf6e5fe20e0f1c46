// Repeated passages inside one document (internal to clean/): paragraphs repeated
// verbatim, and long sentences that repeat an earlier one with a few words changed
// (a common scraper and CMS artefact).
#pragma once
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <bitset>

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

  // True if `paragraph` (normalised) was seen verbatim before; records it otherwise.
  bool RepeatedParagraph(std::string_view paragraph);

  // Spans (relative to `paragraph`) of the sentences of `paragraph` that repeat
  // earlier text; the other sentences are recorded as seen.
  std::vector<Span> RepeatedSentences(std::string_view paragraph);

 private:
  std::unordered_set<uint64_t> paragraphs_;
  // Word trigrams seen so far, as a one-hash Bloom filter: a document has at most
  // a few thousand trigrams, so false positives are rare, and a rare one only
  // nudges a containment ratio that must reach 0.8. No allocation per trigram.
  static constexpr size_t kFilterBits = 1 << 16;
  std::bitset<kFilterBits> trigrams_;
  std::vector<uint32_t> scratch_;
  std::vector<Span> sentences_;    // rough sentences of the paragraph being checked  // trigram bits of the sentence being checked
};

}  // namespace veille
