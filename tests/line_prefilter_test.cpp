#include "clean/line_prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "clean/char_normalizer.h"
#include "clean/line_rules.h"
#include "core/utf8.h"

namespace veille {
namespace {

LinePrefilter Build(const std::vector<std::string>& patterns) {
  LinePrefilter p;
  for (const std::string& s : patterns) p.Add(s);
  p.Build();
  return p;
}

// The prefilter may say "maybe" wrongly, never "no" wrongly.
void ExpectNoFalseNo(const LinePrefilter& p, const std::vector<std::string>& patterns, const std::string& line) {
  bool re2 = false;
  for (const std::string& s : patterns) re2 |= RE2::FullMatch(line, RE2(s));
  if (re2) {
    EXPECT_TRUE(p.MayMatch(line)) << line;
  }
}

TEST(LinePrefilter, LiteralPrefixesDecideLinesWithoutRE2) {
  std::vector<std::string> pats = {R"((?i)(?:lire aussi|voir aussi)\s*:?)", R"((?i)(?:tags?|mots-clés)\s*:.{0,300})"};
  LinePrefilter p = Build(pats);
  EXPECT_TRUE(p.MayMatch("Lire aussi :"));
  EXPECT_TRUE(p.MayMatch("VOIR AUSSI"));
  EXPECT_TRUE(p.MayMatch("Tags : Russie, Venezuela"));
  EXPECT_TRUE(p.MayMatch("Mots-clés : Russie"));
  EXPECT_FALSE(p.MayMatch("Le président a parlé."));
  EXPECT_FALSE(p.MayMatch("Lire"));  // the end of the line comes too early
  EXPECT_FALSE(p.MayMatch("Mots : rien"));
  for (const char* l : {"Lire aussi :", "lire aussi", "Tags : x", "Mots-clés :"}) ExpectNoFalseNo(p, pats, l);
}

TEST(LinePrefilter, CaseFoldingFollowsRE2) {
  // RE2 folds 's' with U+017F LONG S and 'k' with U+212A KELVIN SIGN; accented capitals.
  std::vector<std::string> pats = {"(?i)sur le même sujet", "(?i)kilo", "(?i)été"};
  LinePrefilter p = Build(pats);
  for (const char* l : {"ſur le même sujet", "SUR LE MÊME SUJET", "\u212Ailo", "KILO", "ÉTÉ", "Été"}) {
    EXPECT_TRUE(RE2::FullMatch(l, RE2(pats[0])) || RE2::FullMatch(l, RE2(pats[1])) || RE2::FullMatch(l, RE2(pats[2])))
        << l;
    EXPECT_TRUE(p.MayMatch(l)) << l;
  }
  EXPECT_FALSE(p.MayMatch("Sur un autre sujet"));
  EXPECT_FALSE(p.MayMatch("Kiev"));
}

TEST(LinePrefilter, CharactersAndRequiredCharactersOfTheWholeLine) {
  // A list of capitalised words needs commas; a photo credit has no comma and needs the
  // agency first or a '/'.
  std::vector<std::string> pats = {R"(\p{Lu}\p{L}*(?:, ?\p{Lu}\p{L}*){2,})",
                                   R"((?i)(?:[\p{L}.' -]+\s*[/|]\s*)*(?:afp|reuters)(?:\s*[/|]\s*[\p{L}.' -]+)*\.?)"};
  LinePrefilter p = Build(pats);
  EXPECT_TRUE(p.MayMatch("Russie, Venezuela, Cuba"));
  EXPECT_FALSE(p.MayMatch("Russie Venezuela Cuba"));  // no comma
  EXPECT_TRUE(p.MayMatch("JUAN PEREZ/AFP"));
  EXPECT_TRUE(p.MayMatch("AFP"));
  EXPECT_TRUE(p.MayMatch("Reuters | Photo"));
  EXPECT_FALSE(p.MayMatch("Le gouvernement minimise"));  // neither '/' nor an agency first
  EXPECT_FALSE(p.MayMatch("Le 3 mai, à Caracas."));
  for (const char* l : {"Russie, Venezuela, Cuba", "JUAN PEREZ/AFP", "AFP", "afp.", "Reuters | Photo", "x/y/AFP/z"})
    ExpectNoFalseNo(p, pats, l);
}

TEST(LinePrefilter, UnknownSyntaxLeavesTheRuleToRE2) {
  LinePrefilter p = Build({"(?s)abc", R"(\Qa.b\E)"});
  EXPECT_TRUE(p.MayMatch("anything at all"));
  EXPECT_EQ(p.entries(), 2);
  EXPECT_EQ(p.rules_with_prefix(), 0);
}

// Lines of every text the repository and ../shared/corpus hold, and mutations of the
// rules' examples: the prefilter never changes LineRules' answer, and spares RE2 most lines.
std::vector<std::string> TextLines() {
  std::vector<std::string> lines;
  CharNormalizer chars;
  for (const char* dir : {VEILLE_SAMPLES_DIR, VEILLE_TEST_DATA, VEILLE_SHARED_DIR "/corpus"}) {
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file() || e.file_size() > (4 << 20) || e.path().extension() == ".gz") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string raw = ss.str(), text;  // JSON strings' "\n" as line breaks
      for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'n') {
          text += '\n';
          ++i;
        } else {
          text += raw[i];
        }
      }
      std::istringstream ls(text);
      for (std::string line; std::getline(ls, line);) {
        if (!utf8::IsValid(line)) continue;
        std::string norm = chars.Normalized(line);
        size_t a = norm.find_first_not_of(' '), b = norm.find_last_not_of(' ');
        if (a != std::string::npos) lines.push_back(norm.substr(a, b - a + 1));
      }
    }
  }
  return lines;
}

TEST(LinePrefilter, ChangesNoAnswerOfTheLineRules) {
  LineRules rules;
  std::vector<std::string> lines = TextLines();
  ASSERT_GT(lines.size(), 1000u);
  size_t matched = 0, tested = 0;
  for (const std::string& l : lines) {
    if (l.empty() || l.size() > LineRules::kMaxLineBytes) continue;
    ++tested;
    const LineRule* slow = rules.MatchUnfiltered(l);
    ASSERT_EQ(rules.Match(l), slow) << l;
    matched += slow != nullptr;
  }
  EXPECT_GT(matched, 10u);
  // Mutated examples: case changes, cuts, characters inserted.
  std::mt19937 rng(7);
  CharNormalizer chars;
  const std::string inserts[] = {" ", ",", ".", ":", "/", "|", "-", "'", "1", "é", "É", "«", "A", "z", "*", "#"};
  size_t mutants = 0;
  for (const LineRule& r : rules.rules()) {
    std::string ex = chars.Normalized(r.example);
    for (int k = 0; k < 300; ++k) {
      std::string m = ex;
      int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !m.empty(); ++e) {
        size_t at = rng() % m.size();
        while (at > 0 && (static_cast<unsigned char>(m[at]) & 0xC0) == 0x80) --at;  // a character boundary
        switch (rng() % 4) {
          case 0: m.insert(at, inserts[rng() % std::size(inserts)]); break;
          case 1: m.resize(at); break;
          case 2: m.erase(0, at); break;
          default:
            for (char& c : m) c = static_cast<char>(rng() % 2 ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
        }
      }
      if (m.empty() || !utf8::IsValid(m)) continue;
      ++mutants;
      const LineRule* slow = rules.MatchUnfiltered(m);
      ASSERT_EQ(rules.Match(m), slow) << r.where << ": " << m;
    }
  }
  EXPECT_GT(mutants, 1000u);
}

// Rules ending in ".{m,n}" are matched as their head plus a count of the rest
// (line_rules.cpp): the same answer on both sides of each bound, in ASCII and in
// two-byte characters.
TEST(LinePrefilter, CountedTailsKeepTheirBounds) {
  LineRules rules;
  CharNormalizer chars;
  size_t tested = 0;
  for (const LineRule& r : rules.rules()) {
    std::string ex = chars.Normalized(r.example);
    for (const std::string fill : {"a", "\xC3\xA9", "\xE2\x82\xAC"}) {
      std::string line = ex;
      for (int k = 0; line.size() <= LineRules::kMaxLineBytes; ++k) {
        ++tested;
        ASSERT_EQ(rules.Match(line), rules.MatchUnfiltered(line)) << r.where << ": " << line;
        line += k % 7 == 3 ? std::string(" ") : fill;
      }
    }
  }
  EXPECT_GT(tested, 10000u);
}

TEST(LinePrefilter, SparesRE2MostBodyLines) {
  LinePrefilter p;
  LineRules rules;  // the real rules
  for (const LineRule& r : rules.rules()) p.Add(r.pattern);
  p.Build();
  EXPECT_GT(p.rules_with_prefix(), static_cast<int>(rules.rules().size()) / 2);
  size_t body = 0, passed = 0;
  for (const std::string& l : TextLines()) {
    if (l.size() < 40 || l.size() > LineRules::kMaxLineBytes || rules.MatchUnfiltered(l) != nullptr) continue;
    ++body;
    passed += p.MayMatch(l);
  }
  ASSERT_GT(body, 500u);
  EXPECT_LT(passed * 4, body) << passed << " of " << body << " lines that no rule matches go to RE2";
}

}  // namespace
}  // namespace veille
