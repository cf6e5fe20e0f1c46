// Where an event happened: the place table (dict/places/places.tsv: capitals, major
// cities, regions and countries with coordinates) and the place of a sentence — a
// capital the linker marked as a location ("à Moscou"), or a listed name after a place
// preposition ("à Genève", "en Haïti", "au Venezuela").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/doc.h"

namespace veille {

class PlaceTable {
 public:
  // Loads dict/places/places.tsv (format in dict/places/README.md). Throws DictError.
  static PlaceTable Load();

  const Place* Find(std::string_view name) const;
  // The capital of a country code, nullptr when the table has none.
  const Place* Capital(std::string_view country) const;
  size_t size() const { return places_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Place, Hash, std::equal_to<>> places_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> capitals_;  // country -> name
};

namespace events {
class SentenceView;
// The place of the sentence: its first location entity found in the table, else the
// first listed name after a place preposition; nullopt when none.
std::optional<Place> PlaceOf(const SentenceView& s, const PlaceTable& table);
// The listed place whose name (exact spelling, capitalised, up to four words) starts at
// sentence token k; nullopt when none.
std::optional<Place> PlaceNamedAt(const SentenceView& s, const PlaceTable& table, size_t k);
// The first location named after token `from` in the clause of the act (up to a
// reporting clause, "selon", or the end of the sentence) that is in the table — a location
// entity, or a listed name that no actor entity covers — with the sentence token it starts
// at; nullopt when none.
std::optional<std::pair<Place, size_t>> PlaceAfter(const SentenceView& s, const PlaceTable& table, size_t from);
}  // namespace events

}  // namespace veille
