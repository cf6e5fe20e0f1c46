#include <charconv>
#include <string>

#include "core/dict_file.h"
#include "dedup/dedup.h"
#include "dedup/words.h"

namespace veille {
namespace {

double ParseNumber(const DictLine& l, std::string_view s, double lo, double hi) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi)
    l.Fail("expected a number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return v;
}

int ParseInt(const DictLine& l, std::string_view s, int lo, int hi) {
  double v = ParseNumber(l, s, lo, hi);
  if (v != static_cast<int>(v)) l.Fail("expected an integer");
  return static_cast<int>(v);
}

}  // namespace

DedupParams DedupParams::Load() {
  DedupParams p;
  std::unordered_set<std::string> seen;
  int bands_line = 0;
  ReadDictFile("dedup/params.tsv", [&](const DictLine& l) {
    std::string key(l.fields[0]);
    std::string_view v = l.fields[1];
    if (!seen.insert(key).second) l.Fail("parameter '" + key + "' given twice");
    if (key == "shingle_words") p.shingle_words = ParseInt(l, v, 1, 16);
    else if (key == "minhash_hashes") p.minhash_hashes = ParseInt(l, v, 8, 1024);
    else if (key == "lsh_bands") p.lsh_bands = ParseInt(l, v, 1, 1024);
    else if (key == "dup_threshold") p.dup_threshold = ParseNumber(l, v, 0.01, 1);
    else if (key == "max_bucket_scan") p.max_bucket_scan = ParseInt(l, v, 1, 1 << 20);
    else if (key == "story_threshold") p.story_threshold = ParseNumber(l, v, 0.001, 1);
    else if (key == "story_window_days") p.story_window_days = ParseInt(l, v, 0, 3660);
    else if (key == "story_terms") p.story_terms = ParseInt(l, v, 1, 1024);
    else if (key == "story_entity_weight") p.story_entity_weight = ParseNumber(l, v, 0, 100);
    else if (key == "story_idf_prior_docs") p.story_idf_prior_docs = ParseNumber(l, v, 1, 1e9);
    else if (key == "story_min_word_length") p.story_min_word_length = ParseInt(l, v, 1, 64);
    else if (key == "story_max_postings_scan") p.story_max_postings_scan = ParseInt(l, v, 1, 1 << 20);
    else l.Fail("unknown parameter '" + key + "'");
    if (key == "lsh_bands" || key == "minhash_hashes") bands_line = l.number;
  }, 2, 2);
  if (p.minhash_hashes % p.lsh_bands != 0)
    throw DictError(DictPath("dedup/params.tsv"), bands_line, "lsh_bands must divide minhash_hashes");
  ReadDictFile("dedup/stopwords.txt", [&](const DictLine& l) {
    for (std::string_view rest = l.fields[0]; !rest.empty();) {
      size_t sp = rest.find(' ');
      std::string_view w = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      if (w.empty()) continue;
      std::string folded = dedup::FoldWord(w);
      if (folded != w) l.Fail("stop words are written folded (lower case, no accents): '" + std::string(w) + "'");
      p.stopwords.insert(dedup::HashFolded(folded));
    }
  }, 1, 1);
  return p;
}

}  // namespace veille
