// The hand-written quote cases of tests/data/quotes/cases.txt: parsing, running
// through the real pipeline, comparing and scoring. Shared by tests/quotes_test.cpp
// and bench/quotes_eval.cpp (header-only: both targets include it).
#pragma once
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/doc.h"
#include "pipeline/pipeline.h"

namespace veille::quote_cases {

struct Expected {
  std::string kind, text, speaker, id;  // speaker/id "-" = none
};

struct Case {
  int line = 0;          // the first > line
  bool heldout = false;  // every 5th case
  std::string text;
  std::vector<Expected> quotes;
};

inline std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(" | ", start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 3;
  }
  return out;
}

inline std::vector<Case> ReadCases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  bool open = false;  // the last case is still taking lines
  bool none = false;
  auto fail = [&](const std::string& what) { throw std::runtime_error(path + ":" + std::to_string(n) + ": " + what); };
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) { open = false; continue; }
    if (line[0] == '#') continue;
    if (line.rfind("> ", 0) == 0) {
      if (!open || !cases.back().quotes.empty() || none) {
        cases.push_back(Case{});
        cases.back().line = n;
        none = false;
        open = true;
      } else {
        cases.back().text += "\n";
      }
      cases.back().text += line.substr(2);
    } else if (line.rfind("= ", 0) == 0) {
      if (!open) fail("expectation outside a case");
      std::string body = line.substr(2);
      if (body == "none") {
        if (!cases.back().quotes.empty()) fail("'none' with quotes");
        none = true;
        continue;
      }
      std::vector<std::string> f = SplitBars(body);
      if (f.size() != 4) fail("expected: kind | text | speaker | id");
      if (f[0] != "direct" && f[0] != "partial" && f[0] != "indirect") fail("kind must be direct, partial or indirect");
      if (none) fail("quotes after 'none'");
      cases.back().quotes.push_back({f[0], f[1], f[2], f[3]});
    } else {
      fail("a line starts with '> ', '= ' or '#'");
    }
  }
  for (size_t i = 0; i < cases.size(); ++i) {
    cases[i].heldout = i % 5 == 4;
  }
  return cases;
}

struct Found {
  std::string kind, text, speaker, id;
};

// Every case is one paragraph of a document opening with this neutral lead: language
// identification needs more French than a single sentence, and the lead names nobody.
inline const char* kLead = "Voici les nouvelles de la journée, rédigées par notre rédaction à partir des déclarations publiques.\n";

inline std::vector<Found> RunCase(const Pipeline& p, const Case& c, Doc* out = nullptr) {
  Doc d;
  d.id = "case-" + std::to_string(c.line);
  d.source = "cases.txt";
  d.format = "txt";
  d.date = "2022-02-16";
  d.original = kLead + c.text;
  d.text = d.original;
  p.Run(d);
  std::vector<Found> found;
  for (const Quote& q : d.quotes) {
    Found f{q.kind, std::string(q.span.of(d.text)), "-", "-"};
    if (q.speaker) {
      f.speaker = std::string(q.speaker->span.of(d.text));
      if (!q.speaker->id.empty()) f.id = q.speaker->id;
    }
    found.push_back(f);
  }
  if (out) *out = std::move(d);
  return found;
}

// Empty when the case passes, else what differs.
inline std::string Compare(const Case& c, const std::vector<Found>& found) {
  std::ostringstream o;
  auto show = [](const std::string& k, const std::string& t, const std::string& s, const std::string& id) {
    return k + " | " + t + " | " + s + " | " + id;
  };
  bool same = found.size() == c.quotes.size();
  for (size_t i = 0; same && i < found.size(); ++i) {
    const Expected& e = c.quotes[i];
    const Found& f = found[i];
    same = e.kind == f.kind && e.text == f.text && e.id == f.id && (e.id != "-" || e.speaker == f.speaker);
  }
  if (same) return "";
  o << "expected:\n";
  for (const Expected& e : c.quotes) o << "  = " << show(e.kind, e.text, e.speaker, e.id) << "\n";
  if (c.quotes.empty()) o << "  = none\n";
  o << "found:\n";
  for (const Found& f : found) o << "  = " << show(f.kind, f.text, f.speaker, f.id) << "\n";
  if (found.empty()) o << "  = none\n";
  return o.str();
}

struct Score {
  int found = 0, expected = 0, span_ok = 0;           // quote spans (same text)
  int kind_ok = 0;                                    // matched spans with the right kind
  int attributed = 0, with_speaker = 0, speaker_ok = 0;  // speakers on matched spans
  int cases = 0, passed = 0;
  void Add(const Case& c, const std::vector<Found>& found_quotes) {
    ++cases;
    if (Compare(c, found_quotes).empty()) ++passed;
    found += static_cast<int>(found_quotes.size());
    expected += static_cast<int>(c.quotes.size());
    for (const Expected& e : c.quotes)
      if (e.speaker != "-") ++with_speaker;
    std::vector<bool> used(found_quotes.size(), false);
    for (const Expected& e : c.quotes) {
      for (size_t i = 0; i < found_quotes.size(); ++i) {
        const Found& f = found_quotes[i];
        if (used[i] || f.text != e.text) continue;
        used[i] = true;
        ++span_ok;
        if (f.kind == e.kind) ++kind_ok;
        if (f.speaker != "-") ++attributed;
        bool right = e.id != "-" ? f.id == e.id : (e.speaker != "-" && f.speaker == e.speaker);
        if (e.speaker != "-" && f.speaker != "-" && right) ++speaker_ok;
        break;
      }
    }
  }
  static double Ratio(int a, int b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; }
  double SpanP() const { return Ratio(span_ok, found); }
  double SpanR() const { return Ratio(span_ok, expected); }
  double SpeakerP() const { return Ratio(speaker_ok, attributed); }
  double SpeakerR() const { return Ratio(speaker_ok, with_speaker); }
};

}  // namespace veille::quote_cases
