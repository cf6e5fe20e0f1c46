#include "syntax/lemmatizer_overrides.h"

#include <filesystem>

#include "core/dict_file.h"
#include "syntax/lemmatizer.h"

namespace veille::syntax {
namespace {

constexpr char kFile[] = "syntax/lemmas.tsv";
constexpr char kNominalFile[] = "syntax/nominal-lemmas.tsv";

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

}  // namespace

LemmaOverrides LemmaOverrides::Load() {
  LemmaOverrides o;
  std::error_code ec;
  if (!std::filesystem::exists(DictPath(kFile), ec)) return o;
  ReadDictFile(
      kFile,
      [&](const DictLine& line) {
        std::string_view form = line.fields[0], lemma = line.fields[1];
        if (Lower(form) != form) line.Fail("the form must be lower case: '" + std::string(form) + "'");
        if (Lower(lemma) != lemma || !(EndsWith(lemma, "er") || EndsWith(lemma, "ir") || EndsWith(lemma, "re")))
          line.Fail("the lemma must be a lower-case infinitive (-er, -ir, -re, -oir): '" + std::string(lemma) + "'");
        if (!o.map_.emplace(std::string(form), std::string(lemma)).second)
          line.Fail("duplicate form '" + std::string(form) + "'");
      },
      2, 2);
  if (!std::filesystem::exists(DictPath(kNominalFile), ec)) return o;
  ReadDictFile(
      kNominalFile,
      [&](const DictLine& line) {
        std::string_view form = line.fields[0], lemma = line.fields[1];
        if (Lower(form) != form) line.Fail("the form must be lower case: '" + std::string(form) + "'");
        if (Lower(lemma) != lemma) line.Fail("the lemma must be lower case: '" + std::string(lemma) + "'");
        if (!o.nominal_.emplace(std::string(form), std::string(lemma)).second)
          line.Fail("duplicate form '" + std::string(form) + "'");
      },
      2, 2);
  return o;
}

const std::string* LemmaOverrides::Find(std::string_view lower) const {
  auto it = map_.find(lower);
  return it == map_.end() ? nullptr : &it->second;
}

const std::string* LemmaOverrides::FindNominal(std::string_view lower) const {
  auto it = nominal_.find(lower);
  return it == nominal_.end() ? nullptr : &it->second;
}

}  // namespace veille::syntax
