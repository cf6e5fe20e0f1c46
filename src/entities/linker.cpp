#include "entities/linker.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "entities/actors.h"
#include "entities/by_start.h"
#include "entities/context.h"
#include "entities/gazetteer.h"
#include "entities/skeleton.h"
#include "entities/titles.h"

namespace veille {
namespace {

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }
bool Contains(Span outer, Span inner) { return outer.start <= inner.start && inner.end <= outer.end; }

// A two-letter surname ("Xi") only as written in the dictionary, and not as the start of a
// longer word: not the numeral of "Louis XI", not the city of "Xi'an".
bool ShortSurnameAt(std::string_view text, Span span, std::string_view alias) {
  if (span.of(text) != alias) return false;
  std::string_view after = text.substr(span.end);
  return !(after.starts_with('\'') || after.starts_with('-') || after.starts_with("\u2019"));
}

// A timex value as a comparable day: "2019" -> mid-year, "2019-03" -> mid-month,
// "2019-W10" -> the month of that week; "" when it is not a date.
std::string AsDay(const std::string& v) {
  auto digits = [&](size_t a, size_t b) {
    for (size_t i = a; i < b; ++i)
      if (v[i] < '0' || v[i] > '9') return false;
    return true;
  };
  if (v.size() < 4 || !digits(0, 4)) return "";
  if (v.size() == 4) return v + "-07-01";
  if (v.size() == 7 && v[4] == '-' && digits(5, 7)) return v + "-15";
  if (v.size() == 10 && v[4] == '-' && v[7] == '-' && digits(5, 7) && digits(8, 10)) return v;
  if (v.size() == 8 && v[5] == 'W' && digits(6, 8)) {
    int month = std::clamp((std::stoi(v.substr(6, 2)) * 7 - 3) / 31 + 1, 1, 12);
    return v.substr(0, 4) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-15";
  }
  return "";
}

// The gap between a title and a country name that completes it: "président du
// Venezuela", "chef de la diplomatie des États-Unis", "président d'Iran".
bool IsOfGap(std::string_view gap) {
  static const char* const kGaps[] = {" de ", " du ", " des ", " de la ", " de l'", " de l\xE2\x80\x99", " d'",
                                      " d\xE2\x80\x99"};
  for (const char* g : kGaps)
    if (gap == g) return true;
  return false;
}

// The date that picks roles for a mention at `pos`: the document's date, else the
// nearest time expression before it (else the first after it, written to *storage),
// else "" (latest holder).
std::string_view DateAt(const Doc& doc, uint32_t pos, std::string* storage) {
  if (doc.date) return *doc.date;
  std::string before, after;
  for (const Timex& t : doc.timex) {
    std::string day = AsDay(t.value);
    if (day.empty()) continue;
    if (t.span.start < pos) {
      before = day;
    } else if (after.empty()) {
      after = day;
    }
  }
  *storage = before.empty() ? after : before;
  return *storage;
}

}  // namespace

struct EntityLinker::Knowledge {
  Skeleton skeleton;
  ActorTables tables = LoadActors();
  TitleTable title_table{tables};
  MentionContext context;
  Gazetteer names{skeleton};
  Gazetteer surnames{skeleton};
  Gazetteer titles{skeleton};
  Gazetteer::StartBits starts{};  // the first-word filter of the three: what Run() scans for
  std::unordered_map<std::string, uint32_t> by_code;  // country code or IGO code -> actor
  std::unordered_map<std::string, uint32_t> by_id;    // actor id -> actor

  Knowledge() {
    for (const auto& n : tables.names) names.Add(n.text, n.alias, n.capitalised);
    for (const auto& n : tables.surnames) surnames.Add(n.text, n.alias, n.capitalised);
    const std::vector<Title>& all = title_table.titles();
    for (uint32_t i = 0; i < all.size(); ++i) titles.Add(all[i].phrase, i, /*capitalised=*/false);
    starts = Gazetteer::AnyOf({&names, &surnames, &titles});
    for (uint32_t a = 0; a < tables.actors.size(); ++a) {
      const Actor& actor = tables.actors[a];
      by_id.emplace(actor.id, a);
      if (actor.kind == ActorKind::kCountry) by_code.emplace(actor.cameo, a);
      if (actor.kind == ActorKind::kOrganization && !actor.cameo.empty()) by_code.emplace(actor.cameo, a);
    }
  }

  // The preferred alias among those sharing a name: lowest rank, then file order.
  const Alias& Best(std::span<const uint32_t> values) const {
    const Alias* best = &tables.aliases[values.front()];
    for (uint32_t v : values)
      if (tables.aliases[v].rank < best->rank) best = &tables.aliases[v];
    return *best;
  }

  // The title a phrase stands for: an explicit roles.tsv phrase (with its country)
  // before a generic titles.tsv one, then file order.
  const Title& BestTitle(std::span<const uint32_t> values) const {
    const std::vector<Title>& all = title_table.titles();
    uint32_t best = values.front();
    for (uint32_t v : values)
      if ((!all[v].country.empty() && all[best].country.empty()) ||
          (all[v].country.empty() == all[best].country.empty() && v < best))
        best = v;
    return all[best];
  }

  Entity Make(std::string_view date, Span span, const Alias& alias) const {
    Entity e;
    MakeIn(date, span, alias, &e);
    return e;
  }
  // Make() into a new entity *e (in place: an entity is seven strings to move).
  void MakeIn(std::string_view date, Span span, const Alias& alias, Entity* out) const {
    const Actor& a = tables.actors[alias.actor];
    Entity& e = *out;
    e.span = span;
    e.type = a.type;
    e.id = a.id;
    e.name = a.name;
    e.via = alias.via;
    e.rule = alias.rule;
    if (a.kind == ActorKind::kPerson) {
      e.actor = a.CameoAt(date);
    } else if (a.kind != ActorKind::kMedia) {
      e.actor = a.cameo + alias.role;
    }
  }

  // "ministre russe des Affaires étrangères": a generic title split by its demonym
  // goes on after it. Looks for a longer title made of `head` and the words after
  // `after`; on success updates `title` and `span`.
  void ExtendTitle(std::string_view text, std::string_view head, uint32_t after, const Title** title,
                   Span* span) const {
    size_t end = std::min(text.size(), static_cast<size_t>(after) + 64);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    std::string probe(head);
    probe.append(text.substr(after, end - after));
    Gazetteer::Match m;
    if (!titles.FindAtStart(probe, &m) || m.span.end <= head.size()) return;
    const Title& longer = BestTitle(m.values);
    if (!longer.country.empty()) return;
    *title = &longer;
    span->end = after + static_cast<uint32_t>(m.span.end - head.size());
  }

  // A title phrase resolved to the person in office, or to the state (or IGO) with
  // the role's code when nobody is known. `names` are the name entities, in text order.
  std::optional<Entity> ResolveTitle(const Doc& doc, const Gazetteer::Match& m,
                                     const std::vector<Entity>& names, std::vector<DateFact>* facts) const;

  // "le président américain Donald Trump", "Donald Trump, le président américain": a
  // person named next to the title held its office when the text was written.
  void AddDateFact(std::string_view text, const Title& title, const std::string& country, Span span,
                   const std::vector<Entity>& names, std::vector<DateFact>* facts) const;
};

// Only spaces and commas, possibly followed by an article ("Donald Trump, le président").
bool IsAppositionGap(std::string_view gap) {
  while (!gap.empty() && (gap.front() == ' ' || gap.front() == ',')) gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap.empty() || gap == "le" || gap == "la" || gap == "l'" || gap == "l\u2019";
}

void EntityLinker::Knowledge::AddDateFact(std::string_view text, const Title& title, const std::string& country,
                                          Span span, const std::vector<Entity>& names,
                                          std::vector<DateFact>* facts) const {
  // Only a name that ends at most 6 bytes before the title or starts at most 2 after it is
  // next to it: `names` are in text order and do not overlap, so their ends are in order too.
  auto first = std::lower_bound(names.begin(), names.end(), span.start,
                                [](const Entity& e, uint32_t pos) { return e.span.end + 6 < pos; });
  for (auto next = first; next != names.end() && next->span.start <= span.end + 2; ++next) {
    const Entity& n = *next;
    if (n.type != "PER" || n.id.rfind("person:", 0) != 0) continue;
    bool after = n.span.start >= span.end && n.span.start - span.end <= 2 &&
                 IsAppositionGap(text.substr(span.end, n.span.start - span.end));
    bool before = n.span.end <= span.start && span.start - n.span.end <= 6 &&
                  IsAppositionGap(text.substr(n.span.end, span.start - n.span.end)) &&
                  text.substr(n.span.end, 1) == ",";
    if (!after && !before) continue;
    auto it = by_id.find(n.id);
    if (it == by_id.end()) return;
    std::vector<const RolePeriod*> periods = title_table.PeriodsOf(title, country, it->second);
    if (periods.empty()) return;
    DateFact f;
    f.span = Span{std::min(span.start, n.span.start), std::max(span.end, n.span.end)};
    f.rule = title.rule;
    for (const RolePeriod* p : periods) {
      f.periods.emplace_back(p->start, p->end);
      f.rule += " " + p->rule;
    }
    facts->push_back(std::move(f));
    return;
  }
}

std::optional<Entity> EntityLinker::Knowledge::ResolveTitle(const Doc& doc, const Gazetteer::Match& m,
                                                            const std::vector<Entity>& names,
                                                            std::vector<DateFact>* facts) const {
  std::string_view text = doc.text;
  if (context.FormerBefore(text, m.span.start)) return std::nullopt;
  const Title* title = &BestTitle(m.values);
  Span span = m.span;
  std::string country = title->country;
  if (country.empty()) {
    // A generic title needs a country right after it: a demonym or "de/du/des + country".
    auto next = std::lower_bound(names.begin(), names.end(), span.end,
                                 [](const Entity& e, uint32_t pos) { return e.span.start < pos; });
    if (next == names.end() || next->type != "GPE" || next->id.rfind("country:", 0) != 0) return std::nullopt;
    std::string_view gap = text.substr(span.end, next->span.start - span.end);
    if (next->via == "demonym" && gap == " ") {
      country = next->id.substr(8);
      span.end = next->span.end;
      ExtendTitle(text, m.span.of(text), next->span.end, &title, &span);
    } else if ((next->via == "name" || next->via == "alias") && IsOfGap(gap)) {
      country = next->id.substr(8);
      span.end = next->span.end;
    } else {
      return std::nullopt;
    }
  }
  AddDateFact(text, *title, country, span, names, facts);
  Entity e;
  e.span = span;
  e.via = "title";
  std::string storage;
  TitleTable::Holder h = title_table.HolderOf(*title, country, DateAt(doc, span.start, &storage));
  if (h.period) {
    const Actor& person = tables.actors[h.actor];
    e.type = "PER";
    e.id = person.id;
    e.name = person.name;
    e.actor = h.period->cameo;
    e.rule = title->rule + " " + h.period->rule;
    return e;
  }
  auto it = by_code.find(country);
  if (it == by_code.end()) return std::nullopt;
  const Actor& state = tables.actors[it->second];
  e.type = title->collective ? "ORG" : "PER";
  e.id = state.id;
  e.name = state.name;
  e.actor = title->igo ? state.cameo : country + title->cameo_role;
  e.rule = title->rule;
  return e;
}


EntityLinker::EntityLinker() : k_(std::make_unique<Knowledge>()) {}
EntityLinker::~EntityLinker() = default;
EntityLinker::EntityLinker(EntityLinker&&) noexcept = default;

size_t EntityLinker::actors() const { return k_->tables.actors.size(); }

void EntityLinker::Run(Doc& doc) const {
  const Knowledge& k = *k_;
  std::string_view text = doc.text;
  Gazetteer::Words words = k.names.Scan(text, k.starts);  // shared by the three gazetteers
  doc.date_facts.clear();

  // 1. Full names, aliases, metonyms, demonyms: longest match wins. A capital or
  // seat of power after a place preposition is a location ("à Washington").
  std::vector<Entity> found;
  std::string date_storage;  // (DateAt without a document date)
  const std::vector<Gazetteer::Match> name_matches = k.names.Find(text, words);
  found.reserve(name_matches.size());
  for (const Gazetteer::Match& m : name_matches) {
    const Alias& alias = k.Best(m.values);
    // The last part of a compound adjective is not the state: "latino-américains",
    // "nord-américaine", "franco-allemand" (a listed compound, "sud-coréen", matches whole);
    // "anti-américaine" still names it.
    if (alias.via == "demonym" && m.span.start >= 2 && text[m.span.start - 1] == '-' &&
        std::isalpha(static_cast<unsigned char>(text[m.span.start - 2])) &&
        !(m.span.start >= 5 && (text.compare(m.span.start - 5, 4, "anti") == 0 ||
                                text.compare(m.span.start - 5, 4, "Anti") == 0)))
      continue;
    Entity& e = found.emplace_back();
    k.MakeIn(DateAt(doc, m.span.start, &date_storage), m.span, alias, &e);
    if (alias.via == "metonym") {
      if (const std::string* rule = k.context.PlaceBefore(text, m.span.start)) {
        e.type = "LOC";
        e.name = alias.text;
        e.actor.clear();
        e.rule = alias.rule + " " + *rule;
      }
    }
  }

  // 2. Titles ("le président vénézuélien", "le porte-parole du Kremlin"): a title
  // replaces the names inside it ("vénézuélien", "Kremlin"); one that cuts a name
  // ("président du Parlement" in "président du Parlement européen") is dropped.
  std::vector<Entity> titled;
  for (const Gazetteer::Match& m : k.titles.Find(text, words)) {
    std::optional<Entity> e = k.ResolveTitle(doc, m, found, &doc.date_facts);
    if (!e) continue;
    if (!titled.empty() && Overlaps(titled.back().span, e->span)) continue;
    bool cuts = std::any_of(found.begin(), found.end(), [&](const Entity& n) {
      return Overlaps(n.span, e->span) && !Contains(e->span, n.span);
    });
    if (!cuts) titled.push_back(std::move(*e));
  }
  if (!titled.empty()) {
    std::erase_if(found, [&](const Entity& n) {
      return std::any_of(titled.begin(), titled.end(), [&](const Entity& t) { return Contains(t.span, n.span); });
    });
    found.insert(found.end(), std::make_move_iterator(titled.begin()), std::make_move_iterator(titled.end()));
    entities::SortByStart(&found);
  }

  // 3. Surnames alone ("Maduro", "Peskov"): for a person already named in full (or
  // by title) earlier in the document, else for the only known person with that
  // surname, else for the only one of them in office at the date; otherwise the
  // surname is ambiguous ("Castro", "Rodríguez") and is not linked. Surnames that are
  // also common words or places ("Austin", "May": surnames.tsv) need the full name first.
  std::vector<Entity> later;
  for (const Gazetteer::Match& m : k.surnames.Find(text, words)) {
    bool overlaps = std::any_of(found.begin(), found.end(), [&](const Entity& e) { return Overlaps(e.span, m.span); });
    if (overlaps) continue;
    if (m.span.size() <= 2 && !ShortSurnameAt(text, m.span, k.tables.aliases[m.values[0]].text)) continue;
    std::string_view date = DateAt(doc, m.span.start, &date_storage);
    const Alias* chosen = nullptr;
    for (uint32_t v : m.values) {
      const Alias& alias = k.tables.aliases[v];
      const std::string& id = k.tables.actors[alias.actor].id;
      bool named_before = std::any_of(found.begin(), found.end(), [&](const Entity& e) {
        return e.id == id && e.span.end <= m.span.start;
      });
      if (named_before) {
        chosen = &alias;
        break;
      }
    }
    if (!chosen && !k.tables.full_first.contains(Skeleton::Fold(m.span.of(text)))) {
      std::unordered_set<uint32_t> people, in_office;
      for (uint32_t v : m.values) {
        uint32_t a = k.tables.aliases[v].actor;
        people.insert(a);
        if (k.tables.actors[a].InOfficeAt(date)) in_office.insert(a);
      }
      uint32_t pick = people.size() == 1 ? *people.begin() : in_office.size() == 1 ? *in_office.begin() : UINT32_MAX;
      for (uint32_t v : m.values)
        if (k.tables.aliases[v].actor == pick) {
          chosen = &k.tables.aliases[v];
          break;
        }
    }
    if (chosen) later.push_back(k.Make(date, m.span, *chosen));
  }
  found.insert(found.end(), std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()));
  entities::SortByStart(&found);
  doc.entities = std::move(found);
}

}  // namespace veille
