// Replays every input a fuzzer found crashing (tests/data/fuzz/<target>/, see
// FUZZING.md) through the same entry point the fuzzer used (fuzz/targets.h): each
// must now run to the end with every invariant holding.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "core/dict_file.h"
#include "fuzz/targets.h"

namespace veille::fuzz {
namespace {
namespace fs = std::filesystem;

const fs::path kDir = fs::path(VEILLE_TEST_DATA) / "fuzz";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int Replay(const Target& t, const std::string& input) {
  return t.fn(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

TEST(FuzzRegressions, EverySavedInputRunsThrough) {
  size_t replayed = 0;
  for (const Target& t : AllTargets()) {
    fs::path dir = kDir / std::string(t.name);
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
      SCOPED_TRACE(entry.path().string());
      EXPECT_EQ(Replay(t, Slurp(entry.path())), 0);
      ++replayed;
    }
  }
  std::cout << "replayed " << replayed << " saved fuzz inputs\n";
}

// A folder with a misspelt target name would be skipped silently: refuse it.
TEST(FuzzRegressions, EveryFolderNamesATarget) {
  if (!fs::is_directory(kDir)) GTEST_SKIP() << "no saved inputs";
  std::set<std::string> names;
  for (const Target& t : AllTargets()) names.insert(std::string(t.name));
  for (const auto& entry : fs::directory_iterator(kDir))
    if (entry.is_directory()) {
      EXPECT_TRUE(names.count(entry.path().filename().string())) << entry.path();
    }
}

// The targets themselves, on ordinary and hostile inputs, so the replay above
// exercises working code: every target accepts them and the dictionary target
// leaves the process's dictionary root as it found it.
TEST(FuzzRegressions, TargetsRunOnSmallInputs) {
  const std::string inputs[] = {
      "",
      "Le ministre a déclaré lundi à Paris : « Nous signerons l'accord. » Fin.",
      std::string("\xEF\xBB\xBF<html><body><p>Un \xC3\x28 paragraphe</p></body></html>", 51),
      "{\"id\":\"a\",\"text\":\"Moscou a menacé Washington.\"}\n{\"text\":",
      "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/",
      std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03", 10),
      "GET\n/api/events?actor=country:RUS&with=%C3%A9&limit=5",
  };
  const std::string root = DictRoot();
  for (const Target& t : AllTargets()) {
    for (const std::string& in : inputs) {
      SCOPED_TRACE(std::string(t.name) + ": " + in.substr(0, 20));
      EXPECT_EQ(Replay(t, in), 0);
    }
  }
  EXPECT_EQ(DictRoot(), root);
}

// Every dictionary file the Dict target can replace exists in the real root, so
// the first byte of a saved input means what it meant when it was found.
TEST(FuzzRegressions, DictTargetFilesExist) {
  ASSERT_GE(DictFiles().size(), 20u);
  for (std::string_view f : DictFiles()) EXPECT_TRUE(fs::exists(DictPath(std::string(f)))) << f;
}

}  // namespace
}  // namespace veille::fuzz
