#include "entities/actors.h"

#include <fmt/format.h>

#include <unordered_map>

#include "core/dict_file.h"
#include "entities/skeleton.h"

namespace veille {
namespace {

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    size_t bar = s.find('|');
    std::string_view part = s.substr(0, bar);
    if (!part.empty()) out.push_back(part);
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

bool IsDate(std::string_view d) {
  if (d.empty()) return true;
  auto digits = [&](size_t a, size_t b) {
    for (size_t i = a; i < b; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 7);
  if (d.size() == 10) return digits(0, 4) && d[4] == '-' && digits(5, 7) && d[7] == '-' && digits(8, 10);
  return false;
}

// Start and end of a period as comparable full dates ("2022-02" starts on the 1st,
// ends on the 31st).
std::string FullStart(const std::string& d) { return d.size() == 7 ? d + "-01" : d; }
std::string FullEnd(const std::string& d) { return d.size() == 7 ? d + "-31" : d; }

// Surname of a person's name: the last word ("Nicolás Maduro" -> "Maduro").
std::string_view LastWord(std::string_view name) {
  size_t sp = name.find_last_of(' ');
  return sp == std::string_view::npos ? std::string_view() : name.substr(sp + 1);
}

class Builder {
 public:
  ActorTables t;

  uint32_t AddActor(Actor a) {
    auto [it, fresh] = index_.emplace(a.id, static_cast<uint32_t>(t.actors.size()));
    if (fresh) t.actors.push_back(std::move(a));
    return it->second;
  }
  uint32_t Find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? UINT32_MAX : it->second;
  }
  void AddName(std::string_view text, uint32_t actor, const std::string& via, const std::string& rule, int rank,
               bool capitalised = true, const std::string& role = "") {
    t.aliases.push_back({actor, via, role, std::string(text), rule, rank});
    t.names.push_back({std::string(text), static_cast<uint32_t>(t.aliases.size() - 1), capitalised});
  }
  // Surnames of one or two letters are too ambiguous to derive from a full name ("Li",
  // "Ma"); `listed`: people.tsv gives the word as an alias on purpose ("Xi"), so it counts.
  void AddSurname(std::string_view text, uint32_t actor, const std::string& rule, bool listed = false) {
    if (text.size() < (listed ? 2 : 3)) return;
    t.aliases.push_back({actor, "surname", "", std::string(text), rule, 5});
    t.surnames.push_back({std::string(text), static_cast<uint32_t>(t.aliases.size() - 1), true});
  }

 private:
  std::unordered_map<std::string, uint32_t> index_;
};

void LoadCountries(Builder& b) {
  ReadDictFile(
      "actors/countries.tsv",
      [&](const DictLine& line) {
        std::string cameo(line.fields[0]);
        if (cameo.size() != 3) line.Fail("CAMEO country code must have 3 letters: " + cameo);
        Actor a{"country:" + cameo, std::string(line.fields[2]), "GPE", ActorKind::kCountry, cameo, cameo, {},
                line.Where()};
        uint32_t id = b.AddActor(std::move(a));
        std::string rule = line.Where();
        b.AddName(line.fields[2], id, "name", rule, 3);
        if (line.fields.size() > 4 && !line.fields[4].empty()) b.AddName(line.fields[4], id, "alias", rule, 3);
        if (line.fields.size() > 5)
          for (std::string_view alias : SplitBar(line.fields[5])) b.AddName(alias, id, "alias", rule, 3);
        if (line.fields.size() > 6)
          for (std::string_view d : SplitBar(line.fields[6])) b.AddName(d, id, "demonym", rule, 6, /*capitalised=*/false);
      },
      3, 7);
}

void LoadMetonyms(Builder& b) {
  ReadDictFile(
      "actors/metonyms.tsv",
      [&](const DictLine& line) {
        std::string country(line.fields[1]);
        uint32_t id = b.Find("country:" + country);
        if (id == UINT32_MAX) line.Fail("unknown country code '" + country + "' (not in countries.tsv)");
        std::string role(line.fields[2]);
        if (role == "-") role.clear();
        b.AddName(line.fields[0], id, "metonym", line.Where(), 4, true, role);
      },
      3, 4);
}

void LoadOrganizations(Builder& b) {
  ReadDictFile(
      "actors/organizations.tsv",
      [&](const DictLine& line) {
        std::string kind(line.fields[4]);
        static const char* kKinds[] = {"igo", "agency", "company", "media", "party", "armed-group", "ngo"};
        bool known = false;
        for (const char* k : kKinds) known |= kind == k;
        if (!known) line.Fail("unknown kind '" + kind + "'");
        std::string cameo(line.fields[3]);
        if (cameo == "-") cameo.clear();
        Actor a{std::string(line.fields[0]), std::string(line.fields[1]), "ORG",
                kind == "media" ? ActorKind::kMedia : ActorKind::kOrganization, kind == "media" ? "" : cameo, "", {},
                line.Where()};
        uint32_t id = b.AddActor(std::move(a));
        // A canonical name written in lower case ("groupe de Lima", "groupe Wagner") matches
        // in any case; lower-case aliases ("démocrates", "talibans") still need a capital.
        std::string_view name = line.fields[1];
        b.AddName(name, id, "name", line.Where(), 2, !(name[0] >= 'a' && name[0] <= 'z'));
        for (std::string_view alias : SplitBar(line.fields[2])) b.AddName(alias, id, "alias", line.Where(), 2);
      },
      5, 6);
}

void LoadPeople(Builder& b) {
  ReadDictFile(
      "actors/people.tsv",
      [&](const DictLine& line) {
        std::string id_text(line.fields[0]);
        if (id_text.rfind("person:", 0) != 0) line.Fail("person ids start with 'person:'");
        RolePeriod p{std::string(line.fields[4]), std::string(line.fields[3]), std::string(line.fields[5]),
                     line.fields.size() > 6 ? std::string(line.fields[6]) : "",
                     line.fields.size() > 7 ? std::string(line.fields[7]) : "", line.Where()};
        if (!IsDate(p.start) || !IsDate(p.end)) line.Fail("dates are YYYY-MM-DD or YYYY-MM");
        if (!p.start.empty() && !p.end.empty() && FullStart(p.start) > FullEnd(p.end)) line.Fail("start after end");
        uint32_t before = static_cast<uint32_t>(b.t.actors.size());
        uint32_t id = b.AddActor(Actor{id_text, std::string(line.fields[1]), "PER", ActorKind::kPerson, "",
                                       std::string(line.fields[3]), {}, line.Where()});
        b.t.actors[id].periods.push_back(std::move(p));
        if (id != before) return;  // names were added with the first period
        b.AddName(line.fields[1], id, "name", line.Where(), 1);
        b.AddSurname(LastWord(line.fields[1]), id, line.Where());
        for (std::string_view alias : SplitBar(line.fields[2])) {
          if (alias.find(' ') == std::string_view::npos) {
            b.AddSurname(alias, id, line.Where(), true);  // a lone word is a surname form
          } else {
            b.AddName(alias, id, "alias", line.Where(), 1);
            b.AddSurname(LastWord(alias), id, line.Where());
          }
        }
      },
      6, 9);
}

void LoadSurnames(Builder& b) {
  std::unordered_set<std::string> known;
  for (const auto& n : b.t.surnames) known.insert(Skeleton::Fold(n.text));
  ReadDictFile(
      "actors/surnames.tsv",
      [&](const DictLine& line) {
        std::string folded = Skeleton::Fold(line.fields[0]);
        if (!known.contains(folded)) line.Fail("not a surname of people.tsv: " + std::string(line.fields[0]));
        b.t.full_first.insert(std::move(folded));
      },
      1, 2);
}

}  // namespace

bool Covers(const RolePeriod& p, std::string_view date) {
  if (date.empty()) return p.end.empty();
  std::string d(date);
  return (p.start.empty() || FullStart(p.start) <= d) && (p.end.empty() || d <= FullEnd(p.end));
}

bool Actor::InOfficeAt(std::string_view date) const {
  for (const RolePeriod& p : periods)
    if (Covers(p, date)) return true;
  return false;
}

std::string Actor::CameoAt(std::string_view date) const {
  if (periods.empty()) return cameo;
  if (date.empty()) return periods.back().cameo;
  for (const RolePeriod& p : periods) {
    if (Covers(p, date)) return p.cameo;
  }
  // Out of every known office at that date: the country's code, no role.
  return country.size() == 3 ? country : "";
}

ActorTables LoadActors() {
  Builder b;
  LoadCountries(b);
  LoadMetonyms(b);
  LoadOrganizations(b);
  LoadPeople(b);
  LoadSurnames(b);
  return std::move(b.t);
}

}  // namespace veille
