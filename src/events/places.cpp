#include "events/places.h"

#include <charconv>
#include <set>

#include "core/dict_file.h"
#include "events/structure.h"

namespace veille {
namespace {

bool ParseCoord(std::string_view s, double lo, double hi, double* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && *out >= lo && *out <= hi;
}

}  // namespace

PlaceTable PlaceTable::Load() {
  std::set<std::string, std::less<>> countries;
  ReadDictFile("actors/countries.tsv", [&](const DictLine& line) { countries.emplace(line.fields[0]); }, 1, 64);
  PlaceTable t;
  ReadDictFile(
      "places/places.tsv",
      [&](const DictLine& line) {
        std::string_view name = line.fields[0], country = line.fields[1], kind = line.fields[2];
        if (!countries.count(country))
          line.Fail("unknown country code '" + std::string(country) + "' (dict/actors/countries.tsv)");
        if (kind != "capital" && kind != "city" && kind != "region" && kind != "country")
          line.Fail("unknown kind '" + std::string(kind) + "' (capital, city, region or country)");
        Place p;
        p.name = std::string(name);
        p.country = std::string(country);
        if (!ParseCoord(line.fields[3], -90, 90, &p.lat)) line.Fail("bad latitude '" + std::string(line.fields[3]) + "'");
        if (!ParseCoord(line.fields[4], -180, 180, &p.lon))
          line.Fail("bad longitude '" + std::string(line.fields[4]) + "'");
        if (!t.places_.emplace(std::string(name), std::move(p)).second)
          line.Fail("duplicate place '" + std::string(name) + "'");
        if (kind == "capital") t.capitals_.emplace(std::string(country), std::string(name));
      },
      5, 5);
  return t;
}

const Place* PlaceTable::Find(std::string_view name) const {
  auto it = places_.find(name);
  return it == places_.end() ? nullptr : &it->second;
}

const Place* PlaceTable::Capital(std::string_view country) const {
  auto it = capitals_.find(country);
  return it == capitals_.end() ? nullptr : Find(it->second);
}

namespace events {
namespace {

// The row of a location entity: its text, its name, else its country's capital ("au
// Kremlin" has no row of its own); nullptr when none.
const Place* EntityPlace(const Doc& doc, const Entity& ent, const PlaceTable& table) {
  if (const Place* p = table.Find(ent.span.of(doc.text))) return p;
  if (const Place* p = table.Find(ent.name)) return p;
  if (ent.id.rfind("country:", 0) == 0) return table.Capital(std::string_view(ent.id).substr(8));
  return nullptr;
}

// A listed name (up to four words, exact spelling) right after the place preposition at i
// ("à Genève", "en Haïti", "dans le Donbass"), with the token it starts at.
std::optional<std::pair<Place, size_t>> ListedAfterPreposition(const SentenceView& s, const PlaceTable& table, size_t i) {
  if (i + 1 >= s.size() || s.pos(i) != Pos::kAdp) return std::nullopt;
  std::string_view w = s.surface(i);
  if (!(w == "à" || w == "À" || w == "en" || w == "au" || w == "aux" || w == "dans" || w == "depuis" ||
        s.lemma(i) == "à"))
    return std::nullopt;
  size_t k = i + 1;
  if (k < s.size() && s.pos(k) == Pos::kDet && (w == "dans" || w == "depuis")) ++k;
  if (auto p = PlaceNamedAt(s, table, k)) return std::pair{*p, k};
  return std::nullopt;
}

}  // namespace

std::optional<Place> PlaceNamedAt(const SentenceView& s, const PlaceTable& table, size_t k) {
  if (k >= s.size() || s.surface(k).empty() || !(s.surface(k)[0] & 0x80 || (s.surface(k)[0] >= 'A' && s.surface(k)[0] <= 'Z')))
    return std::nullopt;
  const Doc& doc = s.doc();
  for (size_t n = std::min<size_t>(4, s.size() - k); n >= 1; --n) {
    uint32_t a = s.tok(k).span.start, b = s.tok(k + n - 1).span.end;
    if (const Place* p = table.Find(std::string_view(doc.text).substr(a, b - a))) return *p;
  }
  return std::nullopt;
}

std::optional<Place> PlaceOf(const SentenceView& s, const PlaceTable& table) {
  const Doc& doc = s.doc();
  // 1. A location the linker marked ("à Moscou", "au Kremlin" has no row: its country's capital).
  for (size_t i = 0; i < s.size(); ++i) {
    int e = s.entity(i);
    if (e < 0 || doc.entities[e].type != "LOC") continue;
    if (const Place* p = EntityPlace(doc, doc.entities[e], table)) return *p;
  }
  // 2. A listed name (up to four words) after a place preposition.
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (auto p = ListedAfterPreposition(s, table, i)) return p->first;
  return std::nullopt;
}

std::optional<std::pair<Place, size_t>> PlaceAfter(const SentenceView& s, const PlaceTable& table, size_t from) {
  const Doc& doc = s.doc();
  for (size_t i = from; i < s.size(); ++i) {
    std::string_view w = s.surface(i);
    if (w == "." || w == ";" || w == "?" || w == "!" || s.lemma(i) == "selon") break;
    // ", a indiqué X": the reporting clause names no place of the act.
    if (s.IsComma(i) && i + 1 < s.size() &&
        (s.pos(i + 1) == Pos::kAux || (s.pos(i + 1) == Pos::kVerb && !s.HasFeat(i + 1, "VerbForm=Part"))))
      break;
    int e = s.entity(i);
    if (e >= 0 && doc.entities[e].type == "LOC") {
      if (const Place* p = EntityPlace(doc, doc.entities[e], table)) return std::pair{*p, i};
    } else if (e >= 0 && doc.entities[e].id.starts_with("country:") && doc.entities[e].span.start == s.tok(i).span.start &&
               i > 0 && (In(s.surface(i - 1), {"en", "au", "aux", "dans"}) ||
                         (i > 1 && s.pos(i - 1) == Pos::kDet && In(s.surface(i - 2), {"dans", "à"})))) {
      // A country named as the place: "ont frappé des cibles au Yémen", "dans le Liban".
      if (const Place* p = EntityPlace(doc, doc.entities[e], table)) {
        Place at = *p;
        at.name = doc.entities[e].name;
        return std::pair{at, i};
      }
    } else if (e < 0 || !HasActorCode(doc.entities[e])) {
      // A listed name the entity stages did not mark as a location: "ont tiré sur des civils
      // à Bakhmout", "a bombardé Khan Younès" (read as a person by the NER model).
      if (auto p = PlaceNamedAt(s, table, i)) return std::pair{*p, i};
    }
  }
  return std::nullopt;
}

}  // namespace events
}  // namespace veille
