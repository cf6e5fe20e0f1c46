// Near-duplicates and stories (src/dedup/).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>

#include "core/dict_file.h"
#include "dedup/dedup.h"
#include "dedup/gold.h"
#include "dedup/words.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "temp_dict.h"

namespace veille {
namespace {

Doc MakeDoc(const std::string& id, const std::string& text, std::optional<std::string> date = std::nullopt) {
  Doc d;
  d.id = id;
  d.text = text;
  d.date = std::move(date);
  return d;
}

// A long French-looking text of `n` words drawn from a vocabulary of 5000 made-up words.
std::string RandomText(std::mt19937& rng, int n) {
  std::uniform_int_distribution<int> pick(0, 4999);
  std::string s;
  for (int i = 0; i < n; ++i) {
    s += "mot";
    s += std::to_string(pick(rng));
    s += i % 12 == 11 ? ". " : " ";
  }
  return s;
}

// Reads every document of `path` through the whole pipeline, then the index.
std::vector<Doc> RunAll(const std::string& path, DuplicateIndex& index) {
  static Pipeline pipeline;
  Diagnostics diag(nullptr);
  diag.set_quiet(true);
  std::vector<Doc> docs;
  ReadInput(path, ReadOptions{}, diag, [&](Doc&& d) {
    pipeline.Run(d);
    index.Add(d);
    docs.push_back(std::move(d));
  });
  return docs;
}

TEST(DedupWords, FoldCaseAccentsAndPunctuation) {
  std::vector<dedup::Word> a, b;
  dedup::FoldWords("L’Élysée, ŒUVRE de Nicolás : « 2022 » !", &a);
  dedup::FoldWords("l elysee oeuvre DE nicolas 2022", &b);
  ASSERT_EQ(a.size(), 6u);
  ASSERT_EQ(b.size(), 6u);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].hash, b[i].hash) << i;
  EXPECT_TRUE(a[5].numeric);
  EXPECT_FALSE(a[1].numeric);
  EXPECT_EQ(a[1].length, 6u);  // "elysee"
  EXPECT_EQ(dedup::FoldWord("Œuvre"), "oeuvre");
  EXPECT_EQ(dedup::FoldWord("Ďurović"), "durovic");
  EXPECT_EQ(dedup::FoldWord("Путин"), "путин");
}

TEST(DuplicateIndex, ExactAndLightCopiesPointToTheFirstSeen) {
  DuplicateIndex index;
  std::mt19937 rng(7);
  std::string text = RandomText(rng, 300);
  Doc a = MakeDoc("a", text), b = MakeDoc("b", "Un titre nouveau. " + text), other = MakeDoc("o", RandomText(rng, 300));
  // c changes one word in twenty of b: a copy of b, and of a.
  std::string c_text = b.text;
  for (size_t pos = 0, n = 0; (pos = c_text.find(" mot", pos + 1)) != std::string::npos; ++n)
    if (n % 20 == 0) c_text.replace(pos + 1, 3, "terme");
  Doc c = MakeDoc("c", c_text);
  index.Add(a);
  index.Add(other);
  index.Add(b);
  index.Add(c);
  EXPECT_FALSE(a.dup_of);
  EXPECT_FALSE(other.dup_of);
  EXPECT_EQ(b.dup_of.value_or(""), "a");
  EXPECT_EQ(c.dup_of.value_or(""), "a");  // dup_of names the original, never a copy
  EXPECT_EQ(a.story.value_or(""), "story:a");
  EXPECT_EQ(b.story, a.story);
  EXPECT_EQ(c.story, a.story);
  EXPECT_EQ(other.story.value_or(""), "story:o");
  EXPECT_EQ(index.size(), 4u);
  EXPECT_EQ(index.stats().duplicates, 2u);
  EXPECT_EQ(index.stats().stories, 2u);
}

TEST(DuplicateIndex, HalfChangedTextIsNotACopy) {
  DuplicateIndex index;
  std::mt19937 rng(11);
  std::string text = RandomText(rng, 400);
  Doc a = MakeDoc("a", text);
  // Every other sentence replaced: about half the shingles survive, under the threshold.
  std::string mixed;
  std::string fresh = RandomText(rng, 400);
  for (size_t i = 0, j = 0, n = 0; i < text.size() && j < fresh.size(); ++n) {
    size_t ei = text.find(". ", i), ej = fresh.find(". ", j);
    if (ei == std::string::npos || ej == std::string::npos) break;
    mixed += n % 2 ? fresh.substr(j, ej + 2 - j) : text.substr(i, ei + 2 - i);
    i = ei + 2;
    j = ej + 2;
  }
  Doc b = MakeDoc("b", mixed);
  index.Add(a);
  index.Add(b);
  EXPECT_FALSE(b.dup_of);
}

TEST(DuplicateIndex, EmptyAndShortTexts) {
  DuplicateIndex index;
  Doc e1 = MakeDoc("e1", ""), e2 = MakeDoc("e2", " ... "), s1 = MakeDoc("s1", "Bonjour Caracas"),
      s2 = MakeDoc("s2", "bonjour, CARACAS !");
  for (Doc* d : {&e1, &e2, &s1, &s2}) index.Add(*d);
  EXPECT_FALSE(e1.dup_of);
  EXPECT_FALSE(e2.dup_of);  // no words: nothing to compare
  EXPECT_EQ(e2.story.value_or(""), "story:e2");
  EXPECT_EQ(s2.dup_of.value_or(""), "s1");  // fewer words than a shingle: the whole text is one
}

TEST(DuplicateIndex, StoriesKeepToTheirDateWindow) {
  DuplicateIndex index;
  std::mt19937 rng(3);
  std::string base = RandomText(rng, 200);
  // Same topic words, different wording: share content terms, not shingles.
  auto variant = [&](int seed) {
    std::mt19937 r(seed);
    std::string s = base;
    std::vector<std::string> words;
    for (size_t p = 0, q; p < s.size(); p = q + 1) {
      q = s.find(' ', p);
      if (q == std::string::npos) q = s.size();
      words.push_back(s.substr(p, q - p));
    }
    std::shuffle(words.begin(), words.end(), r);
    std::string out;
    for (const std::string& w : words) out += w + " ";
    return out;
  };
  Doc a = MakeDoc("a", variant(1), "2025-03-04"), b = MakeDoc("b", variant(2), "2025-03-06"),
      c = MakeDoc("c", variant(3), "2025-04-20"), d = MakeDoc("d", variant(4));
  for (Doc* x : {&a, &b, &c, &d}) index.Add(*x);
  for (Doc* x : {&a, &b, &c, &d}) EXPECT_FALSE(x->dup_of) << x->id;
  EXPECT_EQ(b.story.value_or(""), "story:a");
  EXPECT_EQ(c.story.value_or(""), "story:c");  // six weeks later: another story
  EXPECT_TRUE(d.story == a.story || d.story == c.story);  // undated: any window
}

TEST(DuplicateIndex, CandidatesStayBoundedWhenEveryDocumentIsTheSame) {
  // 3000 identical documents share every bucket; the scan per bucket is capped, so the
  // work per document is bounded (sub-quadratic), and each still finds the original.
  DedupParams p = DedupParams::Load();
  DuplicateIndex index(p);
  std::mt19937 rng(5);
  std::string text = RandomText(rng, 100);
  for (int i = 0; i < 3000; ++i) {
    std::string id = "d";
    id += std::to_string(i);
    Doc d = MakeDoc(id, text);
    index.Add(d);
    if (i > 0) {
      ASSERT_EQ(d.dup_of.value_or(""), "d0") << i;
    }
  }
  EXPECT_LE(index.stats().candidates, 3000u * p.max_bucket_scan);
  EXPECT_LT(index.MemoryBytes(), 3000u * 2048);
}

// The gold corpus: light rewrites of the samples, other outlets' articles on the same
// events, unrelated news (tests/data/dedup/make-docs.py, gold.tsv).
TEST(DuplicateIndex, GoldCorpus) {
  const std::string dir = VEILLE_TEST_DATA "/dedup";
  dedup::Gold gold = dedup::ReadGold(dir + "/gold.tsv");
  DuplicateIndex index;
  std::vector<Doc> docs = RunAll(dir + "/docs.jsonl", index);
  ASSERT_EQ(docs.size(), gold.ids.size());
  std::map<std::string, std::string> dup, story;
  for (const Doc& d : docs) {
    ASSERT_TRUE(gold.story.count(d.id)) << d.id;
    // Every near-duplicate found, to the right original, and nothing else.
    std::string want = gold.original.at(d.id) == d.id ? "" : gold.original.at(d.id);
    EXPECT_EQ(d.dup_of.value_or(""), want) << d.id;
    dup[d.id] = d.dup_of.value_or(d.id);
    ASSERT_TRUE(d.story) << d.id;
    story[d.id] = *d.story;
  }
  dedup::PairScore s = dedup::ScorePairs(gold.story, story);
  EXPECT_GE(s.precision(), 0.9) << s.true_pairs << "/" << s.predicted_pairs;
  EXPECT_GE(s.recall(), 0.9) << s.true_pairs << "/" << s.gold_pairs;
  EXPECT_EQ(dedup::ScorePairs(gold.original, dup).f1(), 1.0);
}

// The real seeds: 000 and 001 report the same February 2022 visit of Yuri Borisov to
// Caracas (two outlets, different text); 002 (2019), 003 and 004 (late 2025) are other events.
TEST(DuplicateIndex, SharedSeeds) {
  std::filesystem::path dir = std::filesystem::path(VEILLE_SHARED_DIR) / "corpus" / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  DuplicateIndex index;
  std::vector<Doc> docs = RunAll(dir.string(), index);
  std::map<std::string, const Doc*> by_prefix;
  for (const Doc& d : docs) by_prefix[d.id.substr(0, 3)] = &d;
  for (const char* k : {"000", "001", "002", "003", "004"}) ASSERT_TRUE(by_prefix.count(k)) << k;
  const Doc& d0 = *by_prefix["000"];
  const Doc& d1 = *by_prefix["001"];
  EXPECT_EQ(d1.story, d0.story);
  EXPECT_EQ(d0.story.value_or(""), "story:" + d0.id);
  for (const char* k : {"000", "001", "002", "003", "004"}) EXPECT_FALSE(by_prefix[k]->dup_of) << k;
  for (const char* k : {"002", "003", "004"}) EXPECT_NE(by_prefix[k]->story, d0.story) << k;
}


std::string LoadError(const std::string& params) {
  TempDict t;
  t.Copy("dedup/stopwords.txt").Write("dedup/params.tsv", params);
  try {
    DedupParams::Load();
  } catch (const DictError& e) {
    return e.what();
  }
  return "";
}

TEST(DedupParams, ErrorsNameFileAndLine) {
  EXPECT_NE(LoadError("# c\nshingle_words\t4\ndup_threshold\t1.5\n").find("dedup/params.tsv:3"), std::string::npos);
  EXPECT_NE(LoadError("colour\tblue\n").find("unknown parameter"), std::string::npos);
  EXPECT_NE(LoadError("lsh_bands\t32\nlsh_bands\t16\n").find("params.tsv:2: parameter 'lsh_bands' given twice"),
            std::string::npos);
  EXPECT_NE(LoadError("minhash_hashes\t100\nlsh_bands\t32\n").find("params.tsv:2: lsh_bands must divide"),
            std::string::npos);
  EXPECT_EQ(LoadError("shingle_words\t5\n"), "");
}

}  // namespace
}  // namespace veille
