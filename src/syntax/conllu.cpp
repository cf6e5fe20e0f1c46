#include "syntax/conllu.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace veille::syntax {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  while (true) {
    size_t tab = line.find('\t');
    f.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return f;
}

}  // namespace

bool ParsePos(std::string_view name, Pos* pos) {
  for (int p = 0; p <= static_cast<int>(Pos::kX); p++) {
    if (name == PosName(static_cast<Pos>(p))) {
      *pos = static_cast<Pos>(p);
      return true;
    }
  }
  return false;
}

std::string VerbFeats(std::string_view feats) {
  std::string_view mood, tense, form;
  while (!feats.empty() && feats != "_") {
    size_t bar = feats.find('|');
    std::string_view f = feats.substr(0, bar);
    if (f.rfind("Mood=", 0) == 0) mood = f;
    else if (f.rfind("Tense=", 0) == 0) tense = f;
    else if (f.rfind("VerbForm=", 0) == 0) form = f;
    if (bar == std::string_view::npos) break;
    feats.remove_prefix(bar + 1);
  }
  std::string out;
  out.reserve(64);
  for (std::string_view f : {mood, tense, form}) {
    if (f.empty()) continue;
    if (!out.empty()) out.push_back('|');
    out.append(f.data(), f.size());
  }
  return out;
}

std::vector<UdSentence> ReadConllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<UdSentence> sentences;
  UdSentence sentence;
  std::string line;
  int number = 0;
  int mwt_last = 0;  // last word id covered by the current multiword token
  bool mwt_first = false;
  auto fail = [&](const std::string& what) { throw std::runtime_error(fmt::format("{}:{}: {}", path, number, what)); };
  auto ParseId = [&](std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v <= 0) fail(fmt::format("bad word id \"{}\"", s));
    return v;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!sentence.empty()) sentences.push_back(std::move(sentence));
      sentence.clear();
      mwt_last = 0;
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 10) fail(fmt::format("expected 10 tab-separated columns, found {}", f.size()));
    std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      UdWord w;
      w.form = std::string(f[1]);
      mwt_last = ParseId(id.substr(dash + 1));
      sentence.push_back(std::move(w));
      mwt_first = true;  // the parts follow and fill pos, lemma and feats
      continue;
    }
    int n = ParseId(id);
    UdWord w;
    w.form = std::string(f[1]);
    w.lemma = std::string(f[2]);
    if (!ParsePos(f[3], &w.pos)) fail(fmt::format("unknown UPOS \"{}\"", f[3]));
    if (w.pos == Pos::kVerb || w.pos == Pos::kAux) w.feats = VerbFeats(f[5]);
    if (mwt_last > 0 && n <= mwt_last) {
      UdWord& m = sentence.back();
      bool first = mwt_first;
      mwt_first = false;
      // "du" = ADP + DET keeps the ADP; any other combination takes its last part.
      if (first || !(m.pos == Pos::kAdp && w.pos == Pos::kDet)) {
        m.pos = w.pos;
        m.lemma = w.lemma;
        m.feats = w.feats;
      }
      if (n == mwt_last) mwt_last = 0;
      continue;
    }
    sentence.push_back(std::move(w));
  }
  if (!sentence.empty()) sentences.push_back(std::move(sentence));
  return sentences;
}

}  // namespace veille::syntax
