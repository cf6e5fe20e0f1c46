// The issue's acceptance list on the real seed articles (../shared/corpus/seeds, skipped
// when absent): Russia–Venezuela meeting and agreement signing, US threats, Lavrov's phone
// call with the Venezuelan foreign minister, US warship deployment, Venezuela's appeal for
// Russian help, and no event whose actor is a journalist, a newspaper or an agency.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

struct Coded {
  std::string doc, source, source_name, code, target, target_name, polarity;
};

std::string Country(const std::string& actor) { return actor.substr(0, 3); }

std::vector<Coded> CodeSeeds(const fs::path& dir, std::vector<std::string>* media_actors) {
  static const Pipeline pipeline{PipelineOptions{}};
  std::vector<Coded> out;
  for (const auto& f : fs::directory_iterator(dir)) {
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Doc d;
    d.id = f.path().stem().string();
    d.source = f.path().string();
    d.format = "txt";
    d.original = ss.str();
    d.text = d.original;
    pipeline.Run(d);
    std::set<std::string> media;  // ids of organisations that are no actor (news media)
    for (const Entity& e : d.entities)
      if (e.type == "ORG" && e.actor.empty()) media.insert(e.id);
    for (const Event& e : d.events) {
      Coded c{d.id, e.source.actor, e.source.name, e.code, "", "", e.polarity};
      if (e.target) {
        c.target = e.target->actor;
        c.target_name = e.target->name;
      }
      if (media.count(e.source.id) || (e.target && media.count(e.target->id)) || e.source.actor.empty() ||
          (e.target && e.target->actor.empty()))
        media_actors->push_back(d.id + ": " + e.source.name + " " + e.code + " " + c.target_name);
      out.push_back(c);
    }
  }
  return out;
}

TEST(EventSeeds, TheIssuesAcceptanceList) {
  fs::path dir = fs::path(VEILLE_SHARED_DIR) / "corpus" / "seeds";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  std::vector<std::string> media;
  const std::vector<Coded> events = CodeSeeds(dir, &media);
  auto any = [&](auto pred) { return std::any_of(events.begin(), events.end(), pred); };
  auto pair = [](const Coded& c, const char* a, const char* b) {
    return (Country(c.source) == a && Country(c.target) == b) || (Country(c.source) == b && Country(c.target) == a);
  };
  EXPECT_TRUE(any([&](const Coded& c) { return c.code.starts_with("04") && pair(c, "RUS", "VEN"); }))
      << "Russia-Venezuela meeting";
  EXPECT_TRUE(any([&](const Coded& c) { return c.code == "057" && pair(c, "RUS", "VEN"); }))
      << "Russia-Venezuela agreement signing";
  EXPECT_TRUE(any([&](const Coded& c) { return c.code.starts_with("13") && Country(c.source) == "USA"; }))
      << "US threats";
  EXPECT_TRUE(any([&](const Coded& c) {
    return c.code.starts_with("04") && c.source_name.find("Lavrov") != std::string::npos &&
           Country(c.target) == "VEN" && c.target_name.find("Gil") != std::string::npos;
  })) << "Lavrov's phone call with the Venezuelan foreign minister";
  EXPECT_TRUE(any([&](const Coded& c) { return c.code.starts_with("15") && Country(c.source) == "USA"; }))
      << "US warship deployment";
  EXPECT_TRUE(any([&](const Coded& c) {
    return c.code.starts_with("02") && Country(c.source) == "VEN" && Country(c.target) == "RUS";
  })) << "Venezuela's appeal for Russian help";
  EXPECT_TRUE(media.empty()) << "events with a media actor: " << testing::PrintToString(media);
}

}  // namespace
}  // namespace veille
