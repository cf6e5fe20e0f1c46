// Entity linking: every person, state, organisation and seat of power named in a
// French document, linked to one canonical actor with its CAMEO code at the
// document's date. Knowledge: dict/actors/*.tsv (see dict/actors/README.md).
#pragma once
#include <memory>

#include "core/doc.h"

namespace veille {

class EntityLinker {
 public:
  // Loads dict/actors/ and dict/entities/. Throws DictError.
  EntityLinker();
  ~EntityLinker();
  EntityLinker(EntityLinker&&) noexcept;

  // Fills doc.entities from doc.text, using doc.date (when known) for dated roles.
  void Run(Doc& doc) const;

  size_t actors() const;

 private:
  struct Knowledge;
  std::unique_ptr<Knowledge> k_;
};

}  // namespace veille
