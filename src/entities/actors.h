// The actor knowledge (internal to entities/): dict/actors/*.tsv loaded into
// actors and the names that point at them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace veille {

enum class ActorKind { kPerson, kOrganization, kMedia, kCountry };

struct RolePeriod {
  std::string role;   // "head-of-state", "foreign-minister", "spokesperson/presidency", ...
  std::string country;  // country of the role (CAMEO code), "-" for an international organisation
  std::string cameo;  // actor code in that role ("VENGOV")
  std::string start;  // YYYY-MM-DD, "" = open
  std::string end;    // YYYY-MM-DD, "" = open (still in office)
  std::string rule;   // dict line
};

struct Actor {
  std::string id;     // "person:maduro-nicolas", "country:VEN", "org:otan"
  std::string name;   // canonical name
  std::string type;   // PER | ORG | GPE
  ActorKind kind;
  std::string cameo;  // code when not dated (countries, organisations)
  std::string country;
  std::vector<RolePeriod> periods;  // people only
  std::string rule;   // first dict line of the actor
  // The CAMEO code at `date` (YYYY-MM-DD, or "" when unknown: the latest role).
  std::string CameoAt(std::string_view date) const;
  // Whether some role period covers `date` ("" = a period still open).
  bool InOfficeAt(std::string_view date) const;
};

// Whether a role period covers `date` (YYYY-MM-DD); "" = the period is still open.
bool Covers(const RolePeriod& p, std::string_view date);

// A name (or demonym, metonym) pointing at an actor.
struct Alias {
  uint32_t actor;
  std::string via;    // name | alias | metonym | demonym | surname
  std::string role;   // for metonyms: the CAMEO role appended to the country ("GOV")
  std::string text;   // the name as written in the dictionary ("Washington")
  std::string rule;   // dict line
  int rank;           // preference when several actors share a name (lower wins)
};

struct ActorTables {
  std::vector<Actor> actors;
  struct Name {
    std::string text;
    uint32_t alias;     // index in aliases
    bool capitalised;
  };
  std::vector<Alias> aliases;
  std::vector<Name> names;     // full names, aliases, metonyms, demonyms
  std::vector<Name> surnames;  // people's last names, for later mentions
  // Folded surnames that are also common words or places (surnames.tsv): linked only
  // after the full name.
  std::unordered_set<std::string> full_first;
};

// Loads dict/actors/{countries,metonyms,organizations,people,surnames}.tsv. Throws DictError.
ActorTables LoadActors();

}  // namespace veille
