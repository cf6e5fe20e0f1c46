#include "entities/linker.h"

#include <algorithm>
#include <unordered_set>

#include "entities/actors.h"
#include "entities/gazetteer.h"
#include "entities/skeleton.h"

namespace veille {

struct EntityLinker::Knowledge {
  Skeleton skeleton;
  ActorTables tables = LoadActors();
  Gazetteer names{skeleton};
  Gazetteer surnames{skeleton};

  Knowledge() {
    for (const auto& n : tables.names) names.Add(n.text, n.alias, n.capitalised);
    for (const auto& n : tables.surnames) surnames.Add(n.text, n.alias, n.capitalised);
  }

  // The preferred alias among those sharing a name: lowest rank, then file order.
  const Alias& Best(const std::vector<uint32_t>& values) const {
    const Alias* best = &tables.aliases[values.front()];
    for (uint32_t v : values)
      if (tables.aliases[v].rank < best->rank) best = &tables.aliases[v];
    return *best;
  }

  Entity Make(const Doc& doc, Span span, const Alias& alias) const {
    const Actor& a = tables.actors[alias.actor];
    Entity e;
    e.span = span;
    e.type = a.type;
    e.id = a.id;
    e.name = a.name;
    e.via = alias.via;
    e.rule = alias.rule;
    if (a.kind == ActorKind::kPerson) {
      e.actor = a.CameoAt(doc.date.value_or(""));
    } else if (a.kind != ActorKind::kMedia) {
      e.actor = a.cameo + alias.role;
    }
    return e;
  }
};

EntityLinker::EntityLinker() : k_(std::make_unique<Knowledge>()) {}
EntityLinker::~EntityLinker() = default;
EntityLinker::EntityLinker(EntityLinker&&) noexcept = default;

size_t EntityLinker::actors() const { return k_->tables.actors.size(); }

void EntityLinker::Run(Doc& doc) const {
  std::vector<Entity> found;
  // 1. Full names, aliases, metonyms, demonyms: longest match wins.
  for (const Gazetteer::Match& m : k_->names.Find(doc.text)) found.push_back(k_->Make(doc, m.span, k_->Best(m.values)));

  // 2. Surnames alone ("Maduro", "Peskov"): for a person already named in full
  // earlier in the document, or whose surname belongs to one known person only.
  std::vector<Entity> later;
  for (const Gazetteer::Match& m : k_->surnames.Find(doc.text)) {
    bool overlaps = std::any_of(found.begin(), found.end(), [&](const Entity& e) {
      return e.span.start < m.span.end && m.span.start < e.span.end;
    });
    if (overlaps) continue;
    std::unordered_set<uint32_t> people;
    for (uint32_t v : m.values) people.insert(k_->tables.aliases[v].actor);
    const Alias* chosen = nullptr;
    for (uint32_t v : m.values) {
      const Alias& alias = k_->tables.aliases[v];
      const std::string& id = k_->tables.actors[alias.actor].id;
      bool named_before = std::any_of(found.begin(), found.end(), [&](const Entity& e) {
        return e.id == id && e.span.end <= m.span.start;
      });
      if (named_before) {
        chosen = &alias;
        break;
      }
    }
    if (!chosen && people.size() == 1) chosen = &k_->tables.aliases[m.values.front()];
    if (chosen) later.push_back(k_->Make(doc, m.span, *chosen));
  }
  found.insert(found.end(), later.begin(), later.end());
  std::sort(found.begin(), found.end(), [](const Entity& a, const Entity& b) { return a.span.start < b.span.start; });
  doc.entities = std::move(found);
}

}  // namespace veille
