// Dictionary-loader target: the first input byte chooses one knowledge file, the
// rest of the input replaces its content in a private copy of the dictionary root,
// and that file's loader runs. A bad file must give a DictError, nothing else.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "clean/char_normalizer.h"
#include "clean/line_rules.h"
#include "core/dict_file.h"
#include "dedup/dedup.h"
#include "entities/actors.h"
#include "entities/context.h"
#include "entities/skeleton.h"
#include "entities/titles.h"
#include "events/codebook.h"
#include "events/patterns.h"
#include "fuzz/targets.h"
#include "lang/function_words.h"
#include "quotes/lexicon.h"
#include "segment/segmenter.h"
#include "syntax/model.h"
#include "syntax/tokenizer.h"
#include "time/timex.h"

namespace veille::fuzz {
namespace fs = std::filesystem;
namespace {

struct DictCase {
  std::string_view file;  // relative to the dictionary root
  std::function<void()> load;
};

const std::vector<DictCase>& Cases() {
  static const std::vector<DictCase> cases = [] {
    auto actors = [] { LoadActors(); };
    auto titles = [] {
      static const ActorTables tables = LoadActors();  // from the real files, loaded once
      TitleTable t(tables);
    };
    auto patterns = [] {
      static const Codebook codebook = Codebook::Load();
      PatternSet::Load(codebook);
    };
    auto time = [] { TimeTagger::Load(); };
    std::vector<DictCase> v = {
        {"clean/chars.tsv", [] { CharNormalizer n; }},
        {"clean/lines.tsv", [] { LineRules r; }},
        {"segment/abbreviations.txt", [] { Segmenter::Load(); }},
        {"segment/sentence_starters.txt", [] { Segmenter::Load(); }},
        {"syntax/tokens.tsv", [] { Tokenizer::Load(); }},
        {"lang/function_words.tsv", [] { FunctionWords w; }},
        {"dedup/params.tsv", [] { DedupParams::Load(); }},
        {"dedup/stopwords.txt", [] { DedupParams::Load(); }},
        {"time/months.tsv", time},
        {"time/weekdays.tsv", time},
        {"time/numbers.tsv", time},
        {"time/units.tsv", time},
        {"time/modifiers.tsv", time},
        {"time/relative.tsv", time},
        {"actors/countries.tsv", actors},
        {"actors/metonyms.tsv", actors},
        {"actors/organizations.tsv", actors},
        {"actors/people.tsv", actors},
        {"actors/surnames.tsv", actors},
        {"actors/titles.tsv", titles},
        {"actors/roles.tsv", titles},
        {"actors/context.tsv", [] { MentionContext c; }},
        {"entities/skeleton.tsv", [] { Skeleton s; }},
        {"quotes/verbs.tsv", [] { quotes::Lexicon l; }},
        {"quotes/words.tsv", [] { quotes::Lexicon l; }},
        {"cameo/codes.tsv", [] { Codebook::Load(); }},
        {"verbs/fr/01-statements.tsv", patterns},
        {"verbs/fr/13-threaten.tsv", patterns},
        {"verbs/fr/modality.tsv", patterns},
        {"verbs/fr/abstract-objects.tsv", patterns},
        {"models/fr-tagger.bin", [] { syntax::Model::Load(DictPath("models/fr-tagger.bin")); }},
    };
    return v;
  }();
  return cases;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFile(const fs::path& p, std::string_view content) {
  std::ofstream(p, std::ios::binary | std::ios::trunc).write(content.data(), static_cast<std::streamsize>(content.size()));
}

// A private copy of the dictionary root, made once, removed at exit (never
// destroyed, so the exit handler can still use it).
const fs::path& Mirror() {
  static const fs::path* dir = [] {
    auto* d = new fs::path(fs::temp_directory_path() / ("veille-fuzz-dict-" + std::to_string(::getpid())));
    fs::remove_all(*d);
    fs::copy(DictRoot(), *d, fs::copy_options::recursive);
    std::atexit([] { std::error_code ec; fs::remove_all(Mirror(), ec); });
    return d;
  }();
  return *dir;
}

}  // namespace

const std::vector<std::string_view>& DictFiles() {
  static const std::vector<std::string_view> files = [] {
    std::vector<std::string_view> v;
    for (const DictCase& c : Cases()) v.push_back(c.file);
    return v;
  }();
  return files;
}

int Dict(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const DictCase& c = Cases()[data[0] % Cases().size()];
  const std::string saved_root = DictRoot();
  const fs::path& root = Mirror();
  const fs::path file = root / c.file;
  const std::string original = ReadFile(file);
  WriteFile(file, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  SetDictRoot(root.string());
  try {
    c.load();
  } catch (const DictError&) {
    // The expected outcome for a bad file.
  }
  SetDictRoot(saved_root);
  WriteFile(file, original);
  return 0;
}

}  // namespace veille::fuzz
