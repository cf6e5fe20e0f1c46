// The hand-coded event test set (tests/data/events/gold.tsv, format in its README)
// and its scoring: precision, recall and F1 of (source country, root, target country)
// triples, and polarity agreement on the matched ones. Shared by bench/events_eval and
// tests/events_test.cpp.
#pragma once
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/doc.h"
#include "events/patterns.h"
#include "pipeline/pipeline.h"

namespace veille::gold {

struct Triple {
  std::string source, root, target, polarity;
  bool operator<(const Triple& o) const {
    return std::tie(source, root, target) < std::tie(o.source, o.root, o.target);
  }
};

struct Item {
  std::string id, split, date, text;
  int line = 0;
  std::set<Triple> events;
};

inline std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, sep)) out.push_back(part);
  return out;
}

inline std::vector<Item> Load(const std::string& path) {
  std::ifstream in(path);
  std::vector<Item> items;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() != 5) throw std::runtime_error(fmt::format("{}:{}: expected 5 columns", path, n));
    Item it{f[0], f[1], f[2], f[3], n, {}};
    if (f[4] != "-") {
      for (const std::string& ev : Split(f[4], ';')) {
        std::vector<std::string> p = Split(ev, '>');
        if (p.size() != 4) throw std::runtime_error(fmt::format("{}:{}: bad event '{}'", path, n, ev));
        it.events.insert({p[0], p[1].substr(0, 2), p[2], p[3]});
      }
    }
    items.push_back(std::move(it));
  }
  return items;
}

// The country of an actor code ("RUSGOV" -> "RUS"); international actors keep their code.
inline std::string CountryOf(const std::string& actor) {
  if (actor.size() >= 3 && (actor.compare(0, 3, "IGO") == 0 || actor.compare(0, 3, "NGO") == 0 ||
                            actor.compare(0, 3, "MNC") == 0))
    return actor;
  return actor.substr(0, 3);
}

inline std::set<Triple> Coded(const Doc& doc) {
  std::set<Triple> out;
  for (const Event& e : doc.events)
    out.insert({CountryOf(e.source.actor), e.root, e.target ? CountryOf(e.target->actor) : "-", e.polarity});
  return out;
}

struct Score {
  int tp = 0, fp = 0, fn = 0, polarity_ok = 0, items = 0;
  // Why each difference happened, by kind (see Kind()): counts only, no sentence, so the
  // held-out split's error profile can be read without reading its items.
  std::map<std::string, int> kinds;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r ? 2 * p * r / (p + r) : 0;
  }
};

// The kind of a missed gold triple `g` (or, with `extra`, of a coded triple absent from the
// gold) given the other side's triples of the same item: "nothing coded" in the item, the
// root never coded/gold ("root"), or the root right with the source, the target or both wrong.
// `linked`: the countries of the item's linked entities, which tell, for an item where nothing
// was coded, whether an actor was not found at all.
// `roots`: the roots of the patterns headed by a word of the item (by its tag and lemma), which
// tell a missing pattern from a pattern that did not fire; `sourceless`: the roots of patterns
// that matched but found no source actor (from the coder's trace).
inline std::string Kind(const Triple& g, const std::set<Triple>& other, bool extra,
                        const std::set<std::string>& linked, const std::set<std::string>& roots,
                        const std::set<std::string>& sourceless) {
  auto head = [&](const std::string& root) {
    return std::string(!roots.count(root)        ? "no head of the root"
                       : sourceless.count(root) ? "a pattern of the root matched without a source"
                                                : "a head of the root, no pattern matched");
  };
  std::string side = extra ? "extra: " : "missing: ";
  if (other.empty() && extra) return side + "no gold event in the item";
  if (other.empty()) {
    bool s = linked.count(g.source), t = g.target == "-" || linked.count(g.target);
    if (!(s && t)) return side + "nothing coded, " + (s ? "target not linked" : t ? "source not linked" : "neither linked");
    return side + "nothing coded, both actors linked, " + head(g.root);
  }
  int best = 0;  // 3 = same root and source, 2 = same root and target, 1 = same root
  for (const Triple& o : other) {
    if (o.root != g.root) continue;
    best = std::max(best, o.source == g.source ? 3 : o.target == g.target ? 2 : 1);
  }
  switch (best) {
    case 3: return side + "right root and source, other target";
    case 2: return side + "right root and target, other source";
    case 1: return side + "right root, other source and target";
    default:
      if (extra) return side + "root not in the gold of the item";
      return side + "root not coded in the item, " + head(g.root);
  }
}

// Codes every item with `pipeline` and scores it into by_split["dev"|"test"|"all"];
// `report` (optional) receives one line per item with a difference.
// `patterns` (optional) sorts the misses by whether a word of the item heads a pattern of the
// gold root (Score::kinds).
inline std::map<std::string, Score> Evaluate(const Pipeline& pipeline, const std::vector<Item>& items,
                                             std::vector<std::string>* report = nullptr,
                                             const PatternSet* patterns = nullptr) {
  std::map<std::string, Score> by_split;
  for (const Item& it : items) {
    Doc doc;
    doc.id = it.id;
    doc.source = "gold";
    doc.format = "txt";
    doc.original = doc.text = it.text;
    doc.date = it.date;
    doc.date_source = "metadata";
    std::vector<std::string> trace;
    pipeline.Run(doc, patterns ? &trace : nullptr);
    std::set<std::string> sourceless;  // "match RULE [CODE] ..." then "  no source actor: no event"
    for (size_t i = 0; i + 1 < trace.size(); ++i)
      if (trace[i].rfind("match ", 0) == 0 && trace[i + 1].rfind("  no source actor", 0) == 0) {
        size_t b = trace[i].find(" [");
        if (b != std::string::npos) sourceless.insert(trace[i].substr(b + 2, 2));
      }
    std::set<Triple> got = Coded(doc);
    std::set<std::string> linked;
    for (const Entity& e : doc.entities)
      if (!e.actor.empty()) linked.insert(CountryOf(e.actor));
    std::set<std::string> roots;
    if (patterns)
      for (const Token& t : doc.tokens) {
        if (t.pos != Pos::kVerb && t.pos != Pos::kNoun) continue;
        for (const VerbPattern* p : patterns->ForHead(t.lemma, t.pos == Pos::kNoun)) roots.insert(p->code.substr(0, 2));
      }
    Score s;
    s.items = 1;
    std::string missing, extra, polarity;
    for (const Triple& g : it.events) {
      auto f = got.find(g);
      if (f == got.end()) {
        ++s.fn;
        std::string kind = Kind(g, got, false, linked, roots, sourceless);
        ++s.kinds[kind];
        missing += fmt::format(" {}>{}>{}", g.source, g.root, g.target);
        if (patterns) missing += " (" + kind.substr(9) + ")";
      } else {
        ++s.tp;
        if (f->polarity == g.polarity) ++s.polarity_ok;
        else polarity += fmt::format(" {}>{}>{} {} (gold {})", g.source, g.root, g.target, f->polarity, g.polarity);
      }
    }
    for (const Triple& c : got)
      if (!it.events.count(c)) {
        ++s.fp;
        std::string kind = Kind(c, it.events, true, linked, roots, sourceless);
        ++s.kinds[kind];
        extra += fmt::format(" {}>{}>{}", c.source, c.root, c.target);
        if (patterns) extra += " (" + kind.substr(7) + ")";
      }
    if (report && (!missing.empty() || !extra.empty()))
      report->push_back(fmt::format("line {} {}: missing [{}] extra [{}] | {}", it.line, it.id, missing, extra, it.text));
    if (report && !polarity.empty())
      report->push_back(fmt::format("line {} {}: polarity [{}] | {}", it.line, it.id, polarity, it.text));
    for (const std::string& key : {it.split, std::string("all")}) {
      Score& t = by_split[key];
      t.tp += s.tp;
      t.fp += s.fp;
      t.fn += s.fn;
      t.polarity_ok += s.polarity_ok;
      t.items += 1;
      for (const auto& [kind, n] : s.kinds) t.kinds[kind] += n;
    }
  }
  return by_split;
}

}  // namespace veille::gold
