// Event places: dict/places/places.tsv and the place the coder gives each event.
#include <gtest/gtest.h>

#include <sstream>

#include "../bench/events_gold.h"
#include "core/dict_file.h"
#include "events/places.h"
#include "output/gdelt.h"
#include "pipeline/pipeline.h"
#include "temp_dict.h"

namespace veille {
namespace {

Doc Code(const std::string& text) {
  static const Pipeline* p = [] {
    PipelineOptions o;
    o.language = "fr";
    return new Pipeline(o);
  }();
  Doc d;
  d.id = "p";
  d.source = "test";
  d.format = "txt";
  d.original = d.text = text;
  d.date = "2019-03-01";
  d.date_source = "metadata";
  p->Run(d);
  return d;
}

TEST(PlaceTable, LoadsCapitalsWithCoordinates) {
  PlaceTable t = PlaceTable::Load();
  EXPECT_GE(t.size(), 150u);
  const Place* caracas = t.Find("Caracas");
  ASSERT_NE(caracas, nullptr);
  EXPECT_EQ(caracas->country, "VEN");
  EXPECT_NEAR(caracas->lat, 10.48, 0.1);
  EXPECT_NEAR(caracas->lon, -66.90, 0.1);
  ASSERT_NE(t.Capital("RUS"), nullptr);
  EXPECT_EQ(t.Capital("RUS")->name, "Moscou");
  EXPECT_EQ(t.Find("Atlantide"), nullptr);
}

std::string Error(const std::string& rows) {
  TempDict t;
  t.Copy("actors/countries.tsv").Write("places/places.tsv", "# header\nCaracas\tVEN\tcapital\t10.48\t-66.90\n" + rows);
  try {
    PlaceTable::Load();
  } catch (const DictError& e) {
    return e.what();
  }
  return "";
}

TEST(PlaceTable, ValidatedWithFileAndLine) {
  EXPECT_EQ(Error(""), "");
  std::string e = Error("Lima\tXXX\tcapital\t-12.05\t-77.04\n");
  EXPECT_NE(e.find("places.tsv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown country"), std::string::npos) << e;
  e = Error("Lima\tPER\tvillage\t-12.05\t-77.04\n");
  EXPECT_NE(e.find("unknown kind"), std::string::npos) << e;
  e = Error("Lima\tPER\tcapital\t-112.05\t-77.04\n");
  EXPECT_NE(e.find("bad latitude"), std::string::npos) << e;
  e = Error("Lima\tPER\tcapital\t-12.05\tW77\n");
  EXPECT_NE(e.find("bad longitude"), std::string::npos) << e;
  e = Error("Caracas\tVEN\tcapital\t10.48\t-66.90\n");
  EXPECT_NE(e.find("duplicate place"), std::string::npos) << e;
  e = Error("Lima\tPER\n");
  EXPECT_NE(e.find("places.tsv:3"), std::string::npos) << e;
}

TEST(EventPlace, FromLocationEntityOrPlacePreposition) {
  Doc d = Code("Sergueï Lavrov a rencontré Jorge Arreaza lundi à Caracas.");
  ASSERT_EQ(d.events.size(), 1u);
  ASSERT_TRUE(d.events[0].place.has_value());
  EXPECT_EQ(d.events[0].place->name, "Caracas");
  EXPECT_EQ(d.events[0].place->country, "VEN");

  d = Code("Vladimir Poutine a reçu Nicolás Maduro au Kremlin.");
  ASSERT_FALSE(d.events.empty());
  ASSERT_TRUE(d.events[0].place.has_value());
  EXPECT_EQ(d.events[0].place->name, "Moscou");  // a seat of power: its country's capital

  d = Code("La Russie et le Venezuela ont signé un accord de coopération à Genève.");
  ASSERT_FALSE(d.events.empty());
  ASSERT_TRUE(d.events[0].place.has_value());
  EXPECT_EQ(d.events[0].place->country, "CHE");

  d = Code("La Russie a condamné les États-Unis.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_FALSE(d.events[0].place.has_value());
}

TEST(EventPlace, FillsGdeltActionGeo) {
  Doc d = Code("Sergueï Lavrov a rencontré Jorge Arreaza lundi à Caracas.");
  ASSERT_EQ(d.events.size(), 1u);
  std::string rows;
  AppendGdeltRows(d, &rows);
  std::vector<std::string> f = gold::Split(rows.substr(0, rows.find('\n')) + "\t", '\t');
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[51], "4");        // ActionGeo_Type: world city
  EXPECT_EQ(f[52], "Caracas");  // ActionGeo_FullName
  EXPECT_EQ(f[53], "VEN");
  EXPECT_EQ(f[56].substr(0, 5), "10.48");
  EXPECT_EQ(f[57].substr(0, 6), "-66.90");
}

}  // namespace
}  // namespace veille
