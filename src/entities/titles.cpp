#include "entities/titles.h"

#include <algorithm>

#include "core/dict_file.h"

namespace veille {
namespace {

std::string_view BaseRole(std::string_view role) { return role.substr(0, role.find('/')); }

// Roles that name an institution rather than one person ("le gouvernement russe").
bool IsCollective(std::string_view role) {
  static const char* const kCollective[] = {"government", "military", "legislature", "intelligence", "police",
                                            "judiciary"};
  for (const char* c : kCollective)
    if (role == c) return true;
  return false;
}

// Roles that several people hold at once in one country (ambassadors, generals,
// ministers in general): a title with such a role never designates one person.
bool IsPlural(std::string_view role) {
  static const char* const kPlural[] = {"diplomat", "ambassador", "military-officer", "minister", "deputy-minister",
                                        "special-envoy", "adviser", "opposition-leader", "party-leader"};
  for (const char* c : kPlural)
    if (role == c) return true;
  return false;
}

bool IsCameoRole(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

}  // namespace

TitleTable::TitleTable(const ActorTables& tables) : tables_(tables) {
  std::unordered_map<std::string, std::string> cameo_role;  // base role -> CAMEO role, from titles.tsv
  ReadDictFile(
      "actors/titles.tsv",
      [&](const DictLine& line) {
        Title t;
        t.phrase = std::string(line.fields[0]);
        t.role = std::string(line.fields[1]);
        t.cameo_role = std::string(line.fields[2]);
        if (!IsCameoRole(t.cameo_role)) line.Fail("cameo_role must be a 3-letter CAMEO role code: " + t.cameo_role);
        t.collective = IsCollective(t.role);
        t.rule = line.Where();
        cameo_role.emplace(std::string(BaseRole(t.role)), t.cameo_role);
        titles_.push_back(std::move(t));
      },
      3, 4);
  ReadDictFile(
      "actors/roles.tsv",
      [&](const DictLine& line) {
        Title t;
        t.phrase = std::string(line.fields[0]);
        t.role = std::string(line.fields[1]);
        auto it = cameo_role.find(std::string(BaseRole(t.role)));
        t.cameo_role = it == cameo_role.end() ? "GOV" : it->second;
        t.country = std::string(line.fields[2]);
        if (t.country == "-") {
          // International organisation: the note starts with its code ("IGOUNO").
          std::string_view note = line.fields.size() > 3 ? line.fields[3] : std::string_view();
          t.country = std::string(note.substr(0, note.find(' ')));
          t.igo = true;
          if (t.country.size() < 3 || t.country.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
            line.Fail("an international role (country '-') needs its IGO code first in the note");
        } else if (t.country.size() != 3) {
          line.Fail("country must be a 3-letter CAMEO code or '-': " + t.country);
        }
        t.collective = IsCollective(t.role);
        t.rule = line.Where();
        titles_.push_back(std::move(t));
      },
      3, 4);
  for (uint32_t a = 0; a < tables_.actors.size(); ++a) {
    const Actor& actor = tables_.actors[a];
    for (uint32_t p = 0; p < actor.periods.size(); ++p) {
      const RolePeriod& period = actor.periods[p];
      std::string country = period.country == "-" ? period.cameo : period.country;
      holders_[country + "|" + std::string(BaseRole(period.role))].emplace_back(a, p);
    }
  }
}

std::vector<const RolePeriod*> TitleTable::PeriodsOf(const Title& title, std::string_view country,
                                                     uint32_t actor) const {
  std::vector<const RolePeriod*> out;
  if (title.collective) return out;
  auto it = holders_.find(std::string(country) + "|" + std::string(BaseRole(title.role)));
  if (it == holders_.end()) return out;
  bool qualified = title.role.find('/') != std::string::npos;
  for (auto [a, p] : it->second) {
    const RolePeriod& period = tables_.actors[a].periods[p];
    if (a == actor && (!qualified || period.role == title.role)) out.push_back(&period);
  }
  return out;
}

TitleTable::Holder TitleTable::HolderOf(const Title& title, std::string_view country, std::string_view date) const {
  Holder none;
  // A generic title with a plural role names one of many; an explicit roles.tsv phrase
  // ("émissaire américain pour le Venezuela") names one office.
  if (title.collective || (title.country.empty() && IsPlural(title.role))) return none;
  auto it = holders_.find(std::string(country) + "|" + std::string(BaseRole(title.role)));
  if (it == holders_.end()) return none;
  bool qualified = title.role.find('/') != std::string::npos;
  std::vector<Holder> in_office;
  Holder last;  // without a date and nobody in office: who left last
  int last_count = 0;
  for (auto [a, p] : it->second) {
    const RolePeriod& period = tables_.actors[a].periods[p];
    if (qualified && period.role != title.role) continue;
    if (Covers(period, date)) in_office.push_back({a, &period});
    if (date.empty() && !period.end.empty()) {
      if (!last.period || period.end > last.period->end) {
        last = {a, &period};
        last_count = 1;
      } else if (period.end == last.period->end && a != last.actor) {
        ++last_count;
      }
    }
  }
  // On a handover day both are in office: the one whose term ends that day is out.
  if (in_office.size() > 1 && !date.empty()) {
    std::erase_if(in_office, [&](const Holder& h) { return h.period->end == date; });
  }
  auto one_person = [](const std::vector<Holder>& hs) {
    return !hs.empty() && std::all_of(hs.begin(), hs.end(), [&](const Holder& h) { return h.actor == hs[0].actor; });
  };
  if (one_person(in_office)) return in_office.front();
  if (in_office.empty() && date.empty() && last_count == 1) return last;
  return none;
}

}  // namespace veille
