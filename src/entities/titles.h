// Titles that name a person by office (internal to entities/): "le président
// vénézuélien", "le chef de la diplomatie russe", "le porte-parole du Kremlin".
// Knowledge: dict/actors/titles.tsv (generic title words, combined with a
// country next to them) and dict/actors/roles.tsv (whole phrases with their
// country); the holders come from the dated roles of people.tsv.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/actors.h"

namespace veille {

struct Title {
  std::string phrase;      // as written in the dictionary ("chef de la diplomatie")
  std::string role;        // role vocabulary of people.tsv, possibly with its office ("spokesperson/presidency")
  std::string cameo_role;  // CAMEO role code appended to the country ("GOV", "MIL")
  std::string country;     // roles.tsv: the country's CAMEO code, or the IGO code; "" = generic (titles.tsv)
  bool igo = false;        // `country` is an international organisation's code (roles.tsv country "-")
  bool collective = false; // an institution (government, army, police...), never one person
  std::string rule;        // dict line
};

class TitleTable {
 public:
  // Loads dict/actors/titles.tsv and roles.tsv; `tables` gives the people. Throws DictError.
  explicit TitleTable(const ActorTables& tables);

  const std::vector<Title>& titles() const { return titles_; }

  struct Holder {
    uint32_t actor = UINT32_MAX;  // index in ActorTables::actors; UINT32_MAX = nobody known
    const RolePeriod* period = nullptr;
  };
  // The one person who held `title`'s role for `country` (a CAMEO country or IGO code)
  // at `date` (YYYY-MM-DD). Without a date: the one holder still in office, else the
  // one who left last. Nobody when no one or several people match.
  Holder HolderOf(const Title& title, std::string_view country, std::string_view date) const;

  // The periods in which `actor` (index in ActorTables::actors) held `title`'s role for
  // `country`; empty when never.
  std::vector<const RolePeriod*> PeriodsOf(const Title& title, std::string_view country, uint32_t actor) const;

 private:
  std::vector<Title> titles_;
  const ActorTables& tables_;
  // "<country>|<base role>" -> (actor, period index) of every matching role period.
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> holders_;
};

}  // namespace veille
