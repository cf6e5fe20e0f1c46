// Entity linking: every person, state, organisation and seat of power named in a
// French document, linked to one canonical actor with its CAMEO code at the
// document's date. Knowledge: dict/actors/*.tsv (see dict/actors/README.md).
#pragma once
#include <memory>

#include "core/doc.h"

namespace veille {

class EntityLinker {
 public:
  // Loads dict/actors/ (see its README.md for the title, place and surname policies)
  // and dict/entities/. Throws DictError.
  EntityLinker();
  ~EntityLinker();
  EntityLinker(EntityLinker&&) noexcept;

  // Fills doc.entities from doc.text: names, metonyms (a place after "à", "depuis"...),
  // titles resolved to the office holder, later surnames. Dated roles use doc.date,
  // else the nearest doc.timex value, else the latest holder. Entities are in text
  // order and do not overlap.
  void Run(Doc& doc) const;

  size_t actors() const;

 private:
  struct Knowledge;
  std::unique_ptr<Knowledge> k_;
};

}  // namespace veille
