// Linking accuracy on hand-written mentions (tests/data/entities/linking.tsv): every
// case must pass unless the file lists it as a known failure. Prints the accuracy on
// the development cases and on the held-out ones (every 4th case written before
// tuning), the figure BENCHMARKS.md reports:
//   build/tests/veille_tests --gtest_filter='EntityAccuracy.*'
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "entities/linker.h"
#include "segment/segmenter.h"
#include "time/timex.h"

namespace veille {
namespace {

struct Case {
  int line = 0;
  int number = 0;  // 1-based among the cases
  bool held_out = false;
  bool after_tuning = false;  // written after the linker was tuned on the development cases
  std::string sentence, date, mention, id, actor, known;
};

std::vector<std::string> SplitTabs(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = s.find('\t', start);
    out.push_back(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

std::vector<Case> LoadCases() {
  std::ifstream in(std::string(VEILLE_TEST_DATA) + "/entities/linking.tsv");
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  bool after_tuning = false;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("# after tuning", 0) == 0) after_tuning = true;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 5 || f.size() > 6) {
      ADD_FAILURE() << "linking.tsv:" << n << ": expected 5 or 6 tab-separated fields, got " << f.size();
      continue;
    }
    Case c;
    c.line = n;
    c.number = static_cast<int>(cases.size()) + 1;
    c.held_out = !after_tuning && c.number % 4 == 0;
    c.after_tuning = after_tuning;
    c.sentence = f[0];
    c.date = f[1];
    c.mention = f[2];
    c.id = f[3];
    c.actor = f[4];
    if (f.size() == 6) c.known = f[5];
    cases.push_back(std::move(c));
  }
  return cases;
}

// Runs the stages the linker depends on (sentences, time expressions and the inferred
// date when there is none) and the linker.
Doc Run(const Case& c) {
  static const Segmenter* segmenter = new Segmenter(Segmenter::Load());
  static const TimeTagger* time = new TimeTagger(TimeTagger::Load());
  static const EntityLinker* linker = new EntityLinker();
  Doc d;
  d.text = c.sentence;
  d.lang = "fr";
  if (c.date != "-") d.date = c.date;
  segmenter->Run(d);
  time->Run(d, "2026-11-23");
  linker->Run(d);
  return d;
}

// Empty when the case passes, else why not.
std::string Check(const Case& c) {
  std::string mention = c.mention;
  int occurrence = 1;
  if (size_t hash = mention.rfind('#'); hash != std::string::npos) {
    occurrence = std::stoi(mention.substr(hash + 1));
    mention.resize(hash);
  }
  size_t at = std::string::npos;
  for (int i = 0; i < occurrence; ++i) at = c.sentence.find(mention, at == std::string::npos ? 0 : at + 1);
  if (at == std::string::npos) return "mention not in the sentence";
  Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
  Doc d = Run(c);
  std::string seen;
  for (const Entity& e : d.entities) {
    seen += " [" + std::string(e.span.of(d.text)) + " -> " + (e.id.empty() ? "''" : e.id) + " " +
            (e.actor.empty() ? "-" : e.actor) + " via " + e.via + "]";
  }
  for (const Entity& e : d.entities) {
    bool covers = e.span.start <= span.start && span.end <= e.span.end;
    if (c.id == "-") {
      if (covers && !e.id.empty()) return "expected no id, got" + seen;
      continue;
    }
    if (e.span.start != span.start || e.span.end != span.end) continue;
    if (e.id != c.id) return "expected " + c.id + ", got" + seen;
    std::string actor = e.actor.empty() ? "-" : e.actor;
    if (c.actor != "*" && actor != c.actor) return "expected actor " + c.actor + ", got" + seen;
    return "";
  }
  return c.id == "-" ? "" : "no entity on '" + c.mention + "'; got" + seen;
}

TEST(EntityAccuracy, HandWrittenMentions) {
  std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 200u);
  int dev = 0, dev_ok = 0, held = 0, held_ok = 0, late = 0, late_ok = 0, known = 0;
  for (const Case& c : cases) {
    std::string why = Check(c);
    bool ok = why.empty();
    int& group = c.held_out ? held : c.after_tuning ? late : dev;
    int& group_ok = c.held_out ? held_ok : c.after_tuning ? late_ok : dev_ok;
    group += 1;
    group_ok += ok;
    if (!c.known.empty()) {
      ++known;
      if (ok) ADD_FAILURE() << "linking.tsv:" << c.line << ": listed as a known failure but passes; remove the mark";
      else std::printf("known failure linking.tsv:%d (%s): %s\n", c.line, c.known.c_str(), why.c_str());
      continue;
    }
    EXPECT_TRUE(ok) << "linking.tsv:" << c.line << " case " << c.number << (c.held_out ? " (held out)" : "")
                    << ": '" << c.mention << "' in \"" << c.sentence << "\": " << why;
  }
  int all = dev + held + late, all_ok = dev_ok + held_ok + late_ok;
  auto pct = [](int ok, int n) { return n ? 100.0 * ok / n : 0.0; };
  std::printf("Entity linking accuracy: %d/%d = %.1f%% (development %d/%d = %.1f%%, held-out %d/%d = %.1f%%, "
              "written after tuning %d/%d = %.1f%%; %d known failure(s))\n",
              all_ok, all, pct(all_ok, all), dev_ok, dev, pct(dev_ok, dev), held_ok, held, pct(held_ok, held), late_ok,
              late, pct(late_ok, late), known);
}

}  // namespace
}  // namespace veille
