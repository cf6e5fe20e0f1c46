#include "entities/ner_data.h"

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "core/utf8.h"
#include "segment/chars.h"

namespace veille::ner {
namespace {

constexpr size_t kMaxWords = 80;
constexpr size_t kPageLines = 6000;  // the size of a "page" past the ranges the .md file gives

[[noreturn]] void Fail(const std::string& path, size_t line, const std::string& what) {
  throw std::runtime_error(fmt::format("{}:{}: {}", path, line, what));
}

bool ValidTag(const std::string& t) {
  if (t == "O") return true;
  if (t.size() != 5 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-') return false;
  std::string type = t.substr(2);
  return type == "PER" || type == "ORG" || type == "LOC";
}

// IOB1 -> IOB2: an I- tag that does not continue an entity of its type begins one.
void ToIob2(std::vector<std::string>* tags) {
  std::string prev = "O";
  for (std::string& t : *tags) {
    if (t[0] == 'I' && (prev == "O" || prev.substr(2) != t.substr(2))) t[0] = 'B';
    prev = t;
  }
}

bool IsNoisy(const std::string& w) {
  bool letter = false, digit = false;
  char32_t before = 0;
  for (size_t i = 0; i < w.size();) {
    size_t len;
    char32_t c = segment::DecodeAt(w, i, w.size(), &len);
    i += len;
    if (segment::IsLetter(c)) {
      letter = true;
      if (segment::IsUpper(c) && segment::IsLower(before)) return true;
    } else if (segment::IsDigit(c)) {
      digit = true;
    } else if (c >= 0x80) {
      // Typographic quotes, dashes and apostrophes are ordinary; other symbols are not.
      if (c != 0xAB && c != 0xBB && c != 0x2019 && c != 0x2013 && c != 0x2014 && c != 0x2026 && c != 0xB0)
        return true;
    } else if (!strchr(".,;:!?'\"()-/%", static_cast<char>(c)) || c == 0) {
      return true;
    }
    before = c;
  }
  return letter && digit;
}

}  // namespace

std::vector<NerSentence> ReadBio(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<NerSentence> out;
  NerSentence cur;
  bool any_blank = false;
  std::string line;
  size_t number = 0;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = NerSentence{};
  };
  while (std::getline(in, line)) {
    number++;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      any_blank = true;
      flush();
      continue;
    }
    if (!utf8::IsValid(line)) Fail(path, number, "invalid UTF-8");
    size_t sep = line.find_last_of(" \t");
    if (sep == std::string::npos || sep == 0)
      Fail(path, number, "expected \"token TAG\"");
    std::string word = line.substr(0, sep), tag = line.substr(sep + 1);
    if (word.find_first_of(" \t") != std::string::npos)
      Fail(path, number, "a token may not contain spaces");
    if (!ValidTag(tag))
      Fail(path, number, fmt::format("unknown tag \"{}\" (O, B-/I- + PER, ORG or LOC)", tag));
    if (cur.words.empty()) cur.line = number;
    cur.words.push_back(std::move(word));
    cur.tags.push_back(std::move(tag));
  }
  flush();
  if (!any_blank) {
    // One stream of words: cut it into sentences.
    std::vector<NerSentence> whole = std::move(out);
    out.clear();
    for (NerSentence& s : whole) {
      NerSentence piece;
      for (size_t i = 0; i < s.words.size(); i++) {
        if (piece.words.empty()) piece.line = s.line + i;
        piece.words.push_back(s.words[i]);
        piece.tags.push_back(s.tags[i]);
        const std::string& w = s.words[i];
        bool end = w == "." || w == "!" || w == "?";
        // Never cut inside an entity.
        bool inside = i + 1 < s.words.size() && s.tags[i + 1] != "O" && s.tags[i] != "O";
        if ((end || piece.words.size() >= kMaxWords) && !inside) out.push_back(std::move(piece)), piece = {};
      }
      if (!piece.words.empty()) out.push_back(std::move(piece));
    }
  }
  for (NerSentence& s : out) ToIob2(&s.tags);
  return out;
}

double NoiseShare(const NerSentence& s) {
  if (s.words.empty()) return 0;
  size_t noisy = 0;
  for (const std::string& w : s.words) noisy += IsNoisy(w);
  return static_cast<double>(noisy) / static_cast<double>(s.words.size());
}

std::vector<NerSentence> ReadPart(const std::string& spec, size_t* dropped) {
  size_t at = spec.rfind('@');
  if (dropped) *dropped = 0;
  if (at == std::string::npos) return ReadBio(spec);
  std::string path = spec.substr(0, at), part = spec.substr(at + 1);
  if (part != "train" && part != "dev" && part != "test")
    throw std::runtime_error(spec + ": unknown part \"" + part + "\" (train, dev or test)");
  std::string md = std::filesystem::path(path).replace_extension(".md").string();
  std::ifstream in(md);
  if (!in) throw std::runtime_error(md + ": cannot open (the page list of " + path + ")");
  std::vector<std::pair<size_t, size_t>> pages;  // first and last line
  static const std::regex kRange(R"(\[\*\*L(\d+) *- *L(\d+)\*\*\])");
  std::string line;
  for (int n = 1; std::getline(in, line); n++) {
    std::smatch m;
    if (!std::regex_search(line, m, kRange)) continue;
    size_t a = std::stoul(m[1].str()), b = std::stoul(m[2].str());
    if (b < a || (!pages.empty() && a <= pages.back().second)) Fail(md, static_cast<size_t>(n), "page ranges out of order");
    pages.emplace_back(a, b);
  }
  if (pages.empty()) throw std::runtime_error(md + ": no page ranges \"[**Lstart - Lend**]\"");
  std::vector<NerSentence> out;
  const size_t known_end = pages.back().second;
  size_t page = 0;
  for (NerSentence& s : ReadBio(path)) {
    size_t index;
    if (s.line <= known_end) {
      while (page + 1 < pages.size() && s.line > pages[page].second) page++;
      index = page;
    } else {  // past the pages the list gives: blocks of kPageLines lines
      index = pages.size() + (s.line - known_end - 1) / kPageLines;
    }
    std::string p = index % 10 == 9 ? "test" : index % 10 == 4 ? "dev" : "train";
    if (p != part) continue;
    if (s.words.size() < 3 || NoiseShare(s) > 0.10) {
      if (dropped) ++*dropped;
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<TagSpan> SpansOf(const std::vector<std::string>& tags) {
  std::vector<TagSpan> out;
  for (size_t i = 0; i < tags.size(); i++) {
    const std::string& t = tags[i];
    if (t == "O") continue;
    std::string type = t.substr(2);
    if (t[0] == 'I' && !out.empty() && out.back().end == i && out.back().type == type) {
      out.back().end = i + 1;
      continue;
    }
    out.push_back(TagSpan{i, i + 1, type});
  }
  return out;
}

}  // namespace veille::ner
