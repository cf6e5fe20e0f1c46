// Titles resolved to office holders, capitals as places, ambiguous surnames
// (src/entities/linker.cpp, titles.cpp, context.cpp).
#include <gtest/gtest.h>

#include "entities/linker.h"

namespace veille {
namespace {

const EntityLinker& Linker() {
  static const EntityLinker* l = new EntityLinker();
  return *l;
}

const Entity* FindText(const Doc& d, const std::string& text) {
  for (const Entity& e : d.entities)
    if (e.span.of(d.text) == text) return &e;
  return nullptr;
}

void ExpectOrderedAndDisjoint(const Doc& d) {
  for (size_t i = 1; i < d.entities.size(); ++i)
    EXPECT_LE(d.entities[i - 1].span.end, d.entities[i].span.start)
        << d.entities[i - 1].span.of(d.text) << " / " << d.entities[i].span.of(d.text);
}

TEST(EntityTitles, TitleReplacesTheNamesInsideIt) {
  Doc d;
  d.text = "Le président vénézuélien a reçu le porte-parole du Kremlin, Dmitri Peskov, et le chef de la "
           "diplomatie russe.";
  d.date = "2019-04-02";
  Linker().Run(d);
  ExpectOrderedAndDisjoint(d);
  EXPECT_EQ(FindText(d, "vénézuélien"), nullptr);
  EXPECT_EQ(FindText(d, "Kremlin"), nullptr);
  EXPECT_EQ(FindText(d, "russe"), nullptr);
  const Entity* president = FindText(d, "président vénézuélien");
  ASSERT_NE(president, nullptr);
  EXPECT_EQ(president->type, "PER");
  EXPECT_EQ(president->id, "person:maduro-nicolas");
  EXPECT_EQ(president->actor, "VENGOV");
  EXPECT_EQ(president->via, "title");
  EXPECT_NE(president->rule.find("titles.tsv"), std::string::npos);
  EXPECT_NE(president->rule.find("people.tsv"), std::string::npos);
  const Entity* spokesman = FindText(d, "porte-parole du Kremlin");
  const Entity* name = FindText(d, "Dmitri Peskov");
  ASSERT_NE(spokesman, nullptr);
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(spokesman->id, name->id) << "the apposition keeps its own name entity";
  const Entity* lavrov = FindText(d, "chef de la diplomatie russe");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov->id, "person:lavrov-sergei");
}

TEST(EntityTitles, InstitutionsAndUnknownHoldersGiveTheState) {
  Doc d;
  d.text = "L'armée russe et le ministre vénézuélien du Tourisme ont réagi.";
  d.date = "2019-04-02";
  Linker().Run(d);
  const Entity* army = FindText(d, "armée russe");
  ASSERT_NE(army, nullptr);
  EXPECT_EQ(army->type, "ORG");
  EXPECT_EQ(army->id, "country:RUS");
  EXPECT_EQ(army->actor, "RUSMIL");
  const Entity* minister = FindText(d, "ministre vénézuélien");
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->type, "PER");
  EXPECT_EQ(minister->id, "country:VEN");
  EXPECT_EQ(minister->actor, "VENGOV");
}

TEST(EntityTitles, WithoutDocumentDateTheTextDatesPickTheHolder) {
  for (const auto& [value, expected] : std::vector<std::pair<std::string, std::string>>{
           {"2019-03-12", "person:pompeo-mike"},
           {"2022-01", "person:blinken-antony"},
           {"2018", "person:pompeo-mike"},
           {"2017-W20", "person:tillerson-rex"}}) {
    Doc d;
    d.text = "Ce jour-là, le secrétaire d'État américain a appelé Moscou.";
    d.timex.push_back({{0, 10}, value, "absolute", "test"});
    Linker().Run(d);
    const Entity* e = FindText(d, "secrétaire d'État américain");
    ASSERT_NE(e, nullptr) << value;
    EXPECT_EQ(e->id, expected) << value;
  }
  Doc none;
  none.text = "Le secrétaire d'État américain a appelé Moscou.";
  Linker().Run(none);
  const Entity* latest = FindText(none, "secrétaire d'État américain");
  ASSERT_NE(latest, nullptr);
  EXPECT_EQ(latest->id, "person:rubio-marco") << "no date at all: the holder still in office";
}

TEST(EntityTitles, FormerHoldersAreNotTheCurrentOne) {
  Doc d;
  d.text = "L'ancien président américain et l'ex-président cubain ont parlé.";
  d.date = "2019-04-02";
  Linker().Run(d);
  for (const Entity& e : d.entities) EXPECT_NE(e.via, "title") << e.span.of(d.text);
}

TEST(EntityTitles, CapitalsArePlacesAfterAPreposition) {
  Doc d;
  d.text = "Washington a menacé Caracas. En visite à Washington, il a rejoint Caracas depuis Moscou.";
  d.date = "2019-04-02";
  Linker().Run(d);
  ASSERT_EQ(d.entities.size(), 5u);
  EXPECT_EQ(d.entities[0].actor, "USAGOV");
  EXPECT_EQ(d.entities[0].type, "GPE");
  EXPECT_EQ(d.entities[1].actor, "VENGOV");
  for (size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(d.entities[i].type, "LOC") << d.entities[i].span.of(d.text);
    EXPECT_EQ(d.entities[i].actor, "") << d.entities[i].span.of(d.text);
    EXPECT_NE(d.entities[i].rule.find("context.tsv"), std::string::npos);
  }
  EXPECT_EQ(d.entities[2].id, "country:USA");
  EXPECT_EQ(d.entities[2].name, "Washington");
}

TEST(EntityTitles, AmbiguousSurnames) {
  auto id_of = [](const std::string& text, const char* date, const std::string& surname, size_t from) {
    Doc d;
    d.text = text;
    d.date = date;
    Linker().Run(d);
    size_t at = d.text.find(surname, from);
    for (const Entity& e : d.entities)
      if (e.span.start == at) return e.id;
    return std::string("-");
  };
  EXPECT_EQ(id_of("Morales a parlé.", "2019-11-05", "Morales", 0), "-") << "Evo and Jimmy both in office";
  EXPECT_EQ(id_of("Castro a parlé.", "2016-04-16", "Castro", 0), "person:castro-raul") << "only Raúl in office";
  EXPECT_EQ(id_of("Castro a parlé.", "2023-01-27", "Castro", 0), "person:castro-xiomara");
  EXPECT_EQ(id_of("Delcy Rodríguez est arrivée. Rodríguez a parlé.", "2019-03-12", "Rodríguez", 10),
            "person:rodriguez-delcy");
  EXPECT_EQ(id_of("Le festival d'Austin.", "2022-03-01", "Austin", 0), "-") << "surnames.tsv: full name first";
  EXPECT_EQ(id_of("Lloyd Austin est arrivé. Austin a parlé.", "2022-03-01", "Austin", 10), "person:austin-lloyd");
}

}  // namespace
}  // namespace veille
