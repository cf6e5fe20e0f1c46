// Line rules (internal to clean/): dict/clean/lines.tsv compiled with RE2 (each rule, and
// one RE2::Set of all, compiled on first use), behind a prefilter derived from the patterns.
// A rule matches when its pattern and each of its further patterns match the whole line.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"

namespace re2 {
class RE2;
}

namespace veille {

enum class LineAction { kLine, kBlock, kTail };

struct LineRule {
  LineAction action;
  RemovalReason why;
  std::string where;  // "dict/clean/lines.tsv:12"
  std::string pattern;
  // Further patterns the whole line must match as well (columns after the example): a
  // counted repetition of a large class is cheaper to compile as a loop plus a count.
  std::vector<std::string> also;
  std::string example;  // a line the rule must remove (checked by the tests)
};

class LineRules {
 public:
  // Loads dict/clean/lines.tsv. Throws DictError (bad action, reason or pattern).
  LineRules();
  ~LineRules();

  // Lines longer than this are never tested.
  static constexpr size_t kMaxLineBytes = 400;

  // The first rule (in file order) matching the whole of `line` (already
  // normalised and trimmed), or nullptr.
  // Most lines are answered by a prefilter (clean/line_prefilter.h: conditions derived
  // from the patterns) without running RE2.
  const LineRule* Match(std::string_view line) const;
  // The same answer, always from RE2 (tests check that the prefilter changes nothing).
  const LineRule* MatchUnfiltered(std::string_view line) const;

  const std::vector<LineRule>& rules() const { return rules_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<LineRule> rules_;
};

}  // namespace veille
