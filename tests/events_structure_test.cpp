#include <gtest/gtest.h>

#include <string>

#include "events/coder.h"
#include "events/structure.h"
#include "events/word_filter.h"
#include "pipeline/pipeline.h"

namespace veille::events {
namespace {

Doc Analyse(const std::string& text) {
  static const Pipeline* p = [] {
    PipelineOptions o;
    o.language = "fr";
    return new Pipeline(o);
  }();
  Doc d;
  d.id = "structure";
  d.text = text;
  d.original = d.text;
  d.date = "2024-03-04";
  d.date_source = "metadata";
  p->Run(d);
  return d;
}

// Calls `f(view)` for every sentence that has tokens, in text order.
template <class F>
void ForEachSentence(const Doc& d, SentenceView::Cursor* cursor, F f) {
  size_t t = 0;
  while (t < d.tokens.size()) {
    uint32_t sent = d.tokens[t].sentence;
    size_t end = t;
    while (end < d.tokens.size() && d.tokens[end].sentence == sent) ++end;
    SentenceView s(d, sent, t, end, cursor);
    f(s);
    t = end;
  }
}

// A view built with the cursor of the views before it sees the same entities and time
// expressions as one built from the document's start.
TEST(SentenceView, CursorGivesTheSameView) {
  Doc d = Analyse("Lundi, la Russie a signé un accord avec le Venezuela à Caracas. "
              "Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré mardi son homologue vénézuélien. "
              "Washington a menacé Moscou de sanctions le 3 mars, a déclaré Marco Rubio. "
              "La Chine, qui a condamné les frappes, a appelé au calme.");
  std::vector<std::string> plain, cursored;
  auto dump = [&d](std::vector<std::string>* out) {
    return [&d, out](const SentenceView& s) {
      std::string line;
      for (size_t i = 0; i < s.size(); ++i) {
        line.append(s.surface(i)).append("/").append(std::to_string(s.entity(i)));
        if (s.InTimex(i)) line.append("T");
        if (s.IsClauseBoundary(i)) line.append("B");
        if (s.IsPreposition(i, "à")) line.append("A");
        if (s.IsPreposition(i, "de")) line.append("D");
        line.append(" ");
      }
      out->push_back(line);
    };
  };
  ForEachSentence(d, nullptr, dump(&plain));
  SentenceView::Cursor cursor;
  ForEachSentence(d, &cursor, dump(&cursored));
  ASSERT_GE(plain.size(), 3u);
  EXPECT_EQ(plain, cursored);
  // The views did see the entities of later sentences (not only the first one's).
  int named = 0;
  cursor = SentenceView::Cursor{};
  ForEachSentence(d, &cursor, [&named](const SentenceView& s) {
    for (size_t i = 0; i < s.size(); ++i) named += s.entity(i) >= 0 && s.sentence() > 0;
  });
  EXPECT_GT(named, 0);
}

TEST(SentenceView, PrepositionsAndClauseBoundaries) {
  Doc d = Analyse("Moscou a livré des armes aux rebelles, qui les ont reçues au port du Havre.");
  ForEachSentence(d, nullptr, [](const SentenceView& s) {
    for (size_t i = 0; i < s.size(); ++i) {
      std::string_view w = s.surface(i);
      if (w == "aux" || w == "au") {
        EXPECT_TRUE(s.IsPreposition(i, "à")) << w;
      }
      if (w == "du") {
        EXPECT_TRUE(s.IsPreposition(i, "de")) << w;
      }
      if (w == "armes" || w == "Moscou") {
        EXPECT_FALSE(s.IsPreposition(i, "à")) << w;
        EXPECT_FALSE(s.IsPreposition(i, "de")) << w;
        EXPECT_FALSE(s.IsClauseBoundary(i)) << w;
      }
      if (w == "aux" || w == "au") {
        EXPECT_TRUE(s.MayStartLocution(i)) << w;  // "aux côtés de", "à l'encontre de"
      }
      if (w == "armes" || w == "du") {
        EXPECT_FALSE(s.MayStartLocution(i)) << w;
      }
      if (w == "qui" || w == ".") {
        EXPECT_TRUE(s.IsClauseBoundary(i)) << w;
      }
      if (w == ",") {
        EXPECT_FALSE(s.IsClauseBoundary(i)) << w;
      }
    }
  });
}

// The word filter says "no" only when a word element has none of its alternatives in the
// sentence, as a lemma or an ASCII-lower-cased form; the strict "every pattern fires on its
// example" test checks it never hides a match over the whole dictionary.
TEST(WordFilter, NoOnlyWhenAWordIsMissing) {
  const EventCoder coder = EventCoder::Load();
  const PatternSet& set = coder.patterns();
  const VerbPattern* treaty = nullptr;  // "signer accord|traité|… avec [T]"
  const VerbPattern* bare = nullptr;    // "signer avec [T]"
  for (const VerbPattern& p : set.all()) {
    if (p.head != "signer" || p.noun) continue;
    if (p.text.starts_with("signer accord|traité") && p.text.ends_with("avec [T]") && !treaty) treaty = &p;
    if (p.text == "signer avec [T]") bare = &p;
  }
  ASSERT_TRUE(treaty && bare);
  WordFilter filter(set);
  auto may = [&](const std::string& text, const VerbPattern& p) {
    Doc d = Analyse(text);
    bool out = false;
    ForEachSentence(d, nullptr, [&](const SentenceView& s) { out = filter.MayMatch(WordFilter::Of(s), p); });
    return out;
  };
  EXPECT_TRUE(may("La Russie a signé un accord avec le Venezuela.", *treaty));
  EXPECT_TRUE(
      may("La Russie a signé un Traité avec le Venezuela.", *treaty));  // form "traité" (ASCII lower case)
  EXPECT_TRUE(may("La Russie a signé des accords avec le Venezuela.", *treaty));  // the lemma
  EXPECT_FALSE(may("La Russie a signé avec le Venezuela.", *treaty));
  EXPECT_TRUE(may("La Russie a signé avec le Venezuela.", *bare));  // no word element
}

}  // namespace
}  // namespace veille::events
