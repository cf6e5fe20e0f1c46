#include "entities/linker.h"
#include "entities/by_start.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "clean/cleaner.h"

namespace veille {
namespace {

const EntityLinker& Linker() {
  static const EntityLinker* l = new EntityLinker();
  return *l;
}

Doc Link(const std::string& text, const char* date = nullptr) {
  Doc d;
  d.text = text;
  if (date) d.date = date;
  Linker().Run(d);
  return d;
}

const Entity* FindText(const Doc& d, const std::string& text) {
  for (const Entity& e : d.entities)
    if (e.span.of(d.text) == text) return &e;
  return nullptr;
}

TEST(EntityOrder, IndexSortsGiveTheSameOrderAsSortingTheEntities) {
  // SortByStart / StableSortByStart sort indices: the order among equal starts must be the
  // one std::sort / std::stable_sort give, for short (insertion sort) and long vectors.
  for (size_t n : {0u, 1u, 5u, 15u, 17u, 40u, 200u}) {
    for (uint32_t seed = 1; seed <= 5; ++seed) {
      std::vector<Entity> v(n);
      uint32_t x = seed * 2654435761u;
      for (size_t i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        v[i].span.start = (x >> 16) % (n / 3 + 2);  // many equal starts
        v[i].id = std::to_string(i);
      }
      auto by_start = [](const Entity& a, const Entity& b) { return a.span.start < b.span.start; };
      std::vector<Entity> want = v, got = v, want_stable = v, got_stable = v;
      std::sort(want.begin(), want.end(), by_start);
      entities::SortByStart(&got);
      std::stable_sort(want_stable.begin(), want_stable.end(), by_start);
      entities::StableSortByStart(&got_stable);
      for (size_t i = 0; i < n; ++i) {
        EXPECT_EQ(got[i].id, want[i].id) << n << " " << seed << " " << i;
        EXPECT_EQ(got_stable[i].id, want_stable[i].id) << n << " " << seed << " " << i;
      }
    }
  }
}

TEST(EntityLinker, LinksPeopleStatesAndSeatsOfPower) {
  Doc d = Link(
      "Le vice-ministre russe Sergueï Riabkov a rencontré Nicolás Maduro à Caracas. "
      "Le Kremlin et la Maison Blanche ont réagi ; l'OTAN aussi, selon l'AFP.",
      "2022-02-16");
  const Entity* riabkov = FindText(d, "Sergueï Riabkov");
  ASSERT_NE(riabkov, nullptr);
  EXPECT_EQ(riabkov->type, "PER");
  EXPECT_EQ(riabkov->id.rfind("person:", 0), 0u);
  const Entity* maduro = FindText(d, "Nicolás Maduro");
  ASSERT_NE(maduro, nullptr);
  EXPECT_EQ(maduro->actor, "VENGOV");
  const Entity* kremlin = FindText(d, "Kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->actor, "RUSGOV");
  EXPECT_EQ(kremlin->via, "metonym");
  const Entity* wh = FindText(d, "Maison Blanche");
  ASSERT_NE(wh, nullptr);
  EXPECT_EQ(wh->actor, "USAGOV");
  // The demonym is part of a title: the title entity replaces it (no deputy minister
  // in general is known, so the state with the role code stands for the person).
  const Entity* title = FindText(d, "vice-ministre russe");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->via, "title");
  EXPECT_EQ(title->id, "country:RUS");
  EXPECT_EQ(title->actor, "RUSGOV");
  Doc voters = Link("Les électeurs russes ont voté.", "2022-02-16");
  const Entity* russe = FindText(voters, "russes");
  ASSERT_NE(russe, nullptr);
  EXPECT_EQ(russe->via, "demonym");
  EXPECT_EQ(russe->id, "country:RUS");
  const Entity* afp = FindText(d, "AFP");
  ASSERT_NE(afp, nullptr);
  EXPECT_EQ(afp->actor, "") << "media are never actors";
  for (const Entity& e : d.entities) EXPECT_FALSE(e.rule.empty());
}

TEST(EntityLinker, SpellingVariantsShareOneId) {
  Doc a = Link("Sergueï Riabkov a parlé. Dmitri Peskov aussi. Nicolas Maduro a répondu.");
  Doc b = Link("Sergey Ryabkov a parlé. Dmitry Peskov aussi. Nicolás Maduro a répondu.");
  for (const auto& [x, y] : std::vector<std::pair<std::string, std::string>>{
           {"Sergueï Riabkov", "Sergey Ryabkov"}, {"Dmitri Peskov", "Dmitry Peskov"}, {"Nicolas Maduro", "Nicolás Maduro"}}) {
    const Entity* ex = FindText(a, x);
    const Entity* ey = FindText(b, y);
    ASSERT_NE(ex, nullptr) << x;
    ASSERT_NE(ey, nullptr) << y;
    EXPECT_EQ(ex->id, ey->id) << x << " / " << y;
  }
}

TEST(EntityLinker, RolesFollowTheDocumentDate) {
  Doc d2019 = Link("Donald Trump a menacé Caracas.", "2019-06-09");
  Doc d2023 = Link("Donald Trump a menacé Caracas.", "2023-06-09");
  const Entity* t2019 = FindText(d2019, "Donald Trump");
  const Entity* t2023 = FindText(d2023, "Donald Trump");
  ASSERT_NE(t2019, nullptr);
  ASSERT_NE(t2023, nullptr);
  EXPECT_EQ(t2019->actor, "USAGOV");
  EXPECT_NE(t2023->actor, "USAGOV") << "out of office in 2023";
  EXPECT_EQ(t2019->id, t2023->id);
}

TEST(EntityLinker, LaterSurnameMentions) {
  Doc d = Link("Le porte-parole Dmitri Peskov a démenti. Peskov a ajouté que Moscou restait prudente.");
  const Entity* full = FindText(d, "Dmitri Peskov");
  const Entity* later = FindText(d, "Peskov");
  ASSERT_NE(full, nullptr);
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->id, full->id);
  EXPECT_EQ(later->via, "surname");
}

TEST(EntityLinker, TwoLetterSurnameOnlyAsListedAndAsAWholeWord) {
  // "Xi" is a listed alias of people.tsv: linked alone, as written.
  Doc d = Link("Xi a reçu Vladimir Poutine à Pékin.", "2024-05-16");
  const Entity* xi = FindText(d, "Xi");
  ASSERT_NE(xi, nullptr);
  EXPECT_EQ(xi->id, "person:xi-jinping");
  EXPECT_EQ(xi->via, "surname");
  // Not the city, in either apostrophe, nor a king's numeral.
  for (const char* text : {"Le sommet de Xi'an a réuni l'Asie centrale.", "Le sommet de Xi\u2019an a eu lieu.",
                           "Sous Louis XI, le royaume a changé."}) {
    Doc other = Link(text, "2024-05-16");
    for (const Entity& e : other.entities) EXPECT_NE(e.id, "person:xi-jinping") << text;
  }
}

// The checks on the real seeds (read-only, outside the repository).
TEST(EntityLinker, SharedSeedsLinkOneIdPerPerson) {
  std::filesystem::path dir = std::filesystem::path(VEILLE_SHARED_DIR) / "corpus" / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  Cleaner cleaner;
  std::map<std::string, std::map<std::string, std::set<std::string>>> ids;  // doc prefix -> surface -> ids
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Doc d;
    d.original = d.text = ss.str();
    d.map = OffsetMap::Identity(static_cast<uint32_t>(d.text.size()));
    cleaner.Run(d);
    Linker().Run(d);
    std::string prefix = entry.path().filename().string().substr(0, 3);
    for (const Entity& e : d.entities) ids[prefix][e.name].insert(e.id);
  }
  auto id_of = [&](const std::string& doc, const std::string& name_part) {
    for (const auto& [name, set] : ids[doc])
      if (name.find(name_part) != std::string::npos) return *set.begin();
    return std::string("missing in " + doc + ": " + name_part);
  };
  EXPECT_EQ(id_of("000", "Riabkov"), id_of("001", "Riabkov"));
  for (const char* doc : {"001", "002", "004"}) EXPECT_EQ(id_of(doc, "Peskov"), id_of("001", "Peskov")) << doc;
  for (const char* doc : {"000", "001", "002", "003", "004"}) EXPECT_EQ(id_of(doc, "Maduro"), "person:maduro-nicolas") << doc;
  EXPECT_EQ(id_of("000", "Canel"), id_of("001", "Canel"));
  EXPECT_EQ(id_of("001", "Guaid"), id_of("002", "Guaid"));
}

TEST(EntityLinker, LastPartOfACompoundAdjectiveIsNoState) {
  // "latino-américains" is not American, "franco-allemand" not only German; a demonym on
  // its own, after "anti-" and a listed compound ("sud-coréen") still are.
  Doc d = Link("Les pays latino-américains et le couple franco-allemand ont réagi.");
  for (const Entity& x : d.entities) ADD_FAILURE() << x.span.of(d.text) << " " << x.id;
  Doc e = Link("Les diplomates américains et sud-coréens ont réagi à la manifestation anti-russe.");
  const Entity* us = FindText(e, "américains");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->id, "country:USA");
  const Entity* kr = FindText(e, "sud-coréens");
  ASSERT_NE(kr, nullptr);
  EXPECT_EQ(kr->id, "country:KOR");
  const Entity* ru = FindText(e, "russe");
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->id, "country:RUS");
}

}  // namespace
}  // namespace veille
