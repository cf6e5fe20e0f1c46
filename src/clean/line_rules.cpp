#include "clean/line_rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <mutex>

#include "clean/line_prefilter.h"
#include "core/dict_file.h"
#include "core/utf8.h"

namespace veille {
namespace {

// A rule ending in ".{m,n}" at its top level ("… mis à jour.{0,200}") asks for at most n
// more characters after its head, but RE2 compiles n copies of a UTF-8 "any character"
// for it (5 to 9 M instructions for n = 100 to 300, the bulk of the rules' one-time
// compiles). Such a rule is compiled as its head followed by ".{m}" instead, matched
// leftmost-longest from the line's start, and the rest of the line is counted: the
// longest head leaves the shortest rest, so the line matches exactly when that rest
// has at most n - m characters (and no '\n', which '.' does not match).
struct CountedTail {
  std::string head;  // the pattern without its ".{m,n}", then ".{m}" when m > 0
  int max_rest = 0;  // n - m
};

// Whether `pattern` ends with ".{m,n}" at its top level (outside any group, class or
// alternation, and without the 's' flag that lets '.' match '\n'): then *tail is set.
bool SplitCountedTail(const std::string& pattern, CountedTail* tail) {
  int depth = 0;
  bool in_class = false;
  size_t dot = std::string::npos;  // the last top-level '.'
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character is never a dot, a bracket or a bar
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // a leading ']' is a member
    } else if (c == '(') {
      // Flags: "(?i)", "(?i:"; an 's' among them changes what '.' matches.
      if (i + 1 < pattern.size() && pattern[i + 1] == '?') {
        size_t end = pattern.find_first_of(":)", i);
        if (end != std::string::npos && pattern.substr(i, end - i).find('s') != std::string::npos) return false;
      }
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;  // a top-level alternation: the tail belongs to its last branch only
    } else if (c == '.' && depth == 0) {
      dot = i;
    }
  }
  if (dot == std::string::npos || in_class || depth != 0) return false;
  int m = 0, n = 0;
  char close = 0;
  int used = 0;
  std::string rest = pattern.substr(dot);
  if (std::sscanf(rest.c_str(), ".{%d,%d%c%n", &m, &n, &close, &used) != 3 || close != '}' ||
      static_cast<size_t>(used) != rest.size() || m < 0 || n < m || rest.find(' ') != std::string::npos)
    return false;
  tail->head = pattern.substr(0, dot);
  if (m > 0) tail->head += ".{" + std::to_string(m) + "}";
  tail->max_rest = n - m;
  return true;
}

}  // namespace

struct LineRules::Impl {
  Impl() : set(Options(), RE2::ANCHOR_BOTH) {}
  static RE2::Options Options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    return o;
  }
  // All rules at once, for MatchUnfiltered alone (the tests, and more than 64 rules):
  // compiled on its first use, which most processes never make (it costs more than the
  // rules themselves).
  RE2::Set set;
  std::once_flag set_once;
  bool set_ok = false;
  // Each rule alone, for the prefilter's candidates: parsed on load (by the set), compiled
  // on the first line it is a candidate for (a process that cleans little text never
  // compiles most of them; compiling all costs ~200 M instructions).
  struct One {
    std::once_flag once;
    std::unique_ptr<RE2> re;  // the whole pattern, or the head of a counted tail
    int max_rest = -1;        // a counted tail: the most characters after the head
    std::vector<std::unique_ptr<RE2>> also;  // the rule's further patterns
    int line = 0;  // in dict/clean/lines.tsv
  };
  std::deque<One> one;
  const One& Rule(const LineRule& rule, size_t r) {
    One& o = one[r];
    std::call_once(o.once, [&] {
      CountedTail tail;
      if (SplitCountedTail(rule.pattern, &tail)) {
        RE2::Options longest = Options();
        longest.set_longest_match(true);
        o.re = std::make_unique<RE2>(tail.head, longest);
        o.max_rest = tail.max_rest;
      } else {
        o.re = std::make_unique<RE2>(rule.pattern, Options());
      }
      for (const std::string& p : rule.also) o.also.push_back(std::make_unique<RE2>(p, Options()));
    });
    // The set parsed the pattern on load: only a program too large can fail here.
    if (!o.re->ok()) throw DictError(DictPath("clean/lines.tsv"), o.line, "invalid pattern: " + o.re->error());
    for (const auto& also : o.also)
      if (!also->ok()) throw DictError(DictPath("clean/lines.tsv"), o.line, "invalid pattern: " + also->error());
    return o;
  }
  // Whether the rule's own pattern matches the whole line.
  bool Full(const LineRule& rule, size_t r, std::string_view line) {
    const One& o = Rule(rule, r);
    if (o.max_rest < 0) return RE2::FullMatch(line, *o.re);
    re2::StringPiece head;
    if (!o.re->Match(line, 0, line.size(), RE2::ANCHOR_START, &head, 1)) return false;
    std::string_view rest = line.substr(head.size());
    if (rest.find('\n') != std::string_view::npos || !utf8::IsValid(rest)) return false;
    size_t chars = 0;  // valid UTF-8: one character per byte that is no continuation byte
    for (char c : rest) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return chars <= static_cast<size_t>(o.max_rest);
  }
  // The rule's further patterns (its own pattern already matched).
  bool Also(const LineRule& rule, size_t r, std::string_view line) {
    for (const auto& re : Rule(rule, r).also)
      if (!RE2::FullMatch(line, *re)) return false;
    return true;
  }
  LinePrefilter prefilter;  // decides most lines without RE2
};

LineRules::LineRules() : impl_(std::make_unique<Impl>()) {
  ReadDictFile(
      "clean/lines.tsv",
      [&](const DictLine& line) {
        LineRule r;
        std::string_view action = line.fields[0], why = line.fields[1];
        if (action == "line") r.action = LineAction::kLine;
        else if (action == "block") r.action = LineAction::kBlock;
        else if (action == "tail") r.action = LineAction::kTail;
        else line.Fail("unknown action '" + std::string(action) + "' (line, block or tail)");
        if (why == "boilerplate") r.why = RemovalReason::kBoilerplate;
        else if (why == "duplicate") r.why = RemovalReason::kDuplicate;
        else line.Fail("unknown reason '" + std::string(why) + "' (boilerplate or duplicate)");
        r.pattern = std::string(line.fields[2]);
        r.where = line.Where();
        if (line.fields.size() > 3) r.example = std::string(line.fields[3]);
        // Further columns: patterns the line must match as well. Parsed on load (a set only
        // parses until it is compiled, and this one never is), compiled with the rule.
        for (size_t f = 4; f < line.fields.size(); ++f) {
          RE2::Set parse(Impl::Options(), RE2::ANCHOR_BOTH);
          std::string error;
          if (parse.Add(line.fields[f], &error) < 0) line.Fail("invalid pattern in column " + std::to_string(f + 1) + ": " + error);
          r.also.emplace_back(line.fields[f]);
        }
        std::string error;
        if (impl_->set.Add(r.pattern, &error) < 0) line.Fail("invalid pattern: " + error);
        impl_->prefilter.Add(r.pattern, r.also);
        impl_->one.emplace_back().line = line.number;
        rules_.push_back(std::move(r));
      },
      3, 8);
  impl_->prefilter.Build();
}

LineRules::~LineRules() = default;

const LineRule* LineRules::Match(std::string_view line) const {
  if (line.empty() || line.size() > kMaxLineBytes) return nullptr;
  uint64_t candidates = impl_->prefilter.Candidates(line);
  if (candidates == 0) return nullptr;
  uint64_t rules = impl_->prefilter.Rules(candidates);
  if (rules == ~uint64_t{0}) return MatchUnfiltered(line);
  // The candidate rules in file order, each alone: the first that matches.
  for (; rules; rules &= rules - 1) {
    int r = __builtin_ctzll(rules);
    // The further patterns first: they are small (a count over a few characters).
    if (impl_->Also(rules_[r], r, line) && impl_->Full(rules_[r], r, line)) return &rules_[r];
  }
  return nullptr;
}

const LineRule* LineRules::MatchUnfiltered(std::string_view line) const {
  if (line.empty() || line.size() > kMaxLineBytes) return nullptr;
  std::call_once(impl_->set_once, [this] { impl_->set_ok = impl_->set.Compile(); });
  // Each rule compiled alone (checked on load): only the set's size can fail here.
  if (!impl_->set_ok) throw DictError(DictPath("clean/lines.tsv"), 0, "patterns too large to compile as one set");
  // Most lines match nothing: ask first without collecting the hits, which
  // costs an allocation per call.
  if (!impl_->set.Match(line, nullptr)) return nullptr;
  std::vector<int> hits;
  if (!impl_->set.Match(line, &hits) || hits.empty()) return nullptr;
  std::sort(hits.begin(), hits.end());
  for (int r : hits)
    if (impl_->Also(rules_[r], r, line)) return &rules_[r];
  return nullptr;
}

}  // namespace veille
