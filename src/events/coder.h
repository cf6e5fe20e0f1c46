// Event coding: who did what to whom. For every French sentence that has tokens
// (syntax/) and actors (entities/), finds the verb or noun patterns of
// dict/verbs/fr/ that match, resolves source and target from the sentence's
// structure, sets polarity from negation, modality and reported speech, and adds
// CAMEO/PLOVER-coded events to Doc::events.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/doc.h"
#include "events/codebook.h"
#include "events/patterns.h"

namespace veille {

class EventCoder {
 public:
  // Loads dict/cameo/ and dict/verbs/fr/. Throws DictError.
  static EventCoder Load();
  ~EventCoder();
  EventCoder(EventCoder&&) noexcept;

  // Indices of the sentences worth tagging: those with at least one actor entity.
  static std::vector<uint32_t> SentencesWithActors(const Doc& doc);

  // Appends the events of every tagged sentence to doc.events. When `trace` is
  // given, appends one human-readable line per decision (for `veille explain`).
  void Run(Doc& doc, std::vector<std::string>* trace = nullptr) const;

  const Codebook& codebook() const;
  const PatternSet& patterns() const;

 private:
  EventCoder();
  struct Knowledge;
  std::unique_ptr<Knowledge> k_;
};

}  // namespace veille
