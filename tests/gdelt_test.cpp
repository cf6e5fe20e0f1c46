// The GDELT table: one row per event, its mentions merged within a story.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "output/gdelt.h"

namespace veille {
namespace {

Event Meeting(const std::string& source, const std::string& target, const std::string& code = "040") {
  Event e;
  e.source.id = "person:" + source;
  e.source.name = source;
  e.source.actor = "RUSGOV";
  e.target = EventActor{};
  e.target->id = "person:" + target;
  e.target->name = target;
  e.target->actor = "VENGOV";
  e.code = code;
  e.root = code.substr(0, 2);
  e.quad = 1;
  e.goldstein = 1.0;
  e.polarity = "asserted";
  return e;
}

Doc Article(const std::string& id, const std::string& url, const std::string& story, std::vector<Event> events) {
  Doc d;
  d.id = id;
  d.url = url;
  d.source = "feed.jsonl";
  d.date = "2022-02-16";
  if (!story.empty()) d.story = story;
  d.events = std::move(events);
  return d;
}

std::vector<std::vector<std::string>> Rows(const GdeltTable& t) {
  std::string out;
  t.Write(&out);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    EXPECT_EQ(f.size(), 61u) << line;
    rows.push_back(f);
  }
  return rows;
}

constexpr int kNumMentions = 31, kNumSources = 32, kNumArticles = 33, kEventCode = 26, kSourceUrl = 60;

TEST(GdeltTable, MentionsOfOneEventAcrossAStoryAreOneRow) {
  GdeltTable t;
  // Two outlets, three articles (one a syndicated copy on the same site), one story.
  t.Add(Article("a", "https://www.lemonde.example/a", "story:a", {Meeting("lavrov", "gil"), Meeting("lavrov", "gil")}));
  t.Add(Article("b", "https://lemonde.example/b", "story:a", {Meeting("lavrov", "gil")}));
  t.Add(Article("c", "http://Radio.example/c?x=1", "story:a", {Meeting("lavrov", "gil"), Meeting("lavrov", "gil", "036")}));
  // The same words in another story are another event.
  t.Add(Article("d", "https://radio.example/d", "story:d", {Meeting("lavrov", "gil")}));
  auto rows = Rows(t);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(t.mentions(), 6u);
  EXPECT_EQ(rows[0][kEventCode], "040");
  EXPECT_EQ(rows[0][kNumMentions], "4");
  EXPECT_EQ(rows[0][kNumSources], "2");  // lemonde.example (www. dropped) and radio.example
  EXPECT_EQ(rows[0][kNumArticles], "3");
  EXPECT_EQ(rows[0][kSourceUrl], "https://www.lemonde.example/a");  // the first mention's
  EXPECT_EQ(rows[1][kEventCode], "036");
  EXPECT_EQ(rows[1][kNumMentions], "1");
  EXPECT_EQ(rows[2][kNumArticles], "1");
  EXPECT_NE(rows[0][0], rows[2][0]);  // GLOBALEVENTID differs
}

TEST(GdeltTable, WithoutStoriesEachDocumentIsItsOwn) {
  GdeltTable t;
  Event negated = Meeting("lavrov", "gil");
  negated.polarity = "negated";
  t.Add(Article("a", "https://x.example/a", "", {Meeting("lavrov", "gil"), negated}));
  t.Add(Article("b", "https://x.example/b", "", {Meeting("lavrov", "gil")}));
  auto rows = Rows(t);
  ASSERT_EQ(rows.size(), 3u);  // polarity keeps the negated mention apart
  for (const auto& r : rows) EXPECT_EQ(r[kNumMentions], "1");
}

}  // namespace
}  // namespace veille
