#include "time/timex.h"

#include <fmt/format.h>

#include <climits>
#include <cstdint>

#include "time/calendar.h"
#include "quotes/words.h"
#include "time/internal.h"

namespace veille {

TimeTagger::TimeTagger() = default;
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;
TimeTagger::~TimeTagger() = default;

TimeTagger TimeTagger::Load() {
  TimeTagger t;
  t.lex_ = std::make_unique<timex::Lexicon>(timex::Lexicon::Load());
  return t;
}

namespace {

int64_t TodayOr(std::string_view today) {
  int64_t now;
  if (today.empty() || !cal::ParseIsoDate(today, &now)) now = cal::Today();
  return now;
}

std::vector<timex::DayRange> Facts(const Doc& doc, std::string_view text) {
  std::vector<timex::DayRange> facts;
  for (const DateFact& f : doc.date_facts) {
    timex::DayRange r;
    for (const auto& [from, to] : f.periods) {
      int64_t a = INT64_MIN, b = INT64_MAX;
      if (!from.empty()) cal::ParseIsoDate(from, &a);
      if (!to.empty()) cal::ParseIsoDate(to, &b);
      r.periods.emplace_back(a, b);
    }
    r.why = fmt::format("\"{}\" ({})", f.span.of(text), f.rule);
    facts.push_back(std::move(r));
  }
  return facts;
}

const char* const kWeekdays[] = {"", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};

void Explain(const timex::DateInference& inf, const std::vector<timex::DayRange>& facts, std::string_view text,
             std::vector<std::string>* trace) {
  if (!trace) return;
  if (inf.evidence.empty()) {
    trace->push_back("no weekday tied to a day of the month: the date cannot be inferred from the text");
    return;
  }
  std::vector<std::string> quoted;
  for (const Span& s : inf.spans) quoted.push_back(fmt::format("\"{}\"", s.of(text)));
  trace->push_back(fmt::format("evidence: {}: {} -> {} {}/{}{}", inf.evidence, fmt::join(quoted, ", "),
                               kWeekdays[inf.weekday], inf.day, inf.month,
                               inf.year ? fmt::format("/{}", inf.year) : ""));
  trace->push_back(fmt::format("years where that day is a {} (not after today): {}", kWeekdays[inf.weekday],
                               inf.candidates.empty() ? "none" : fmt::format("{}", fmt::join(inf.candidates, ", "))));
  for (const timex::DayRange& f : facts) trace->push_back("actor fact: " + f.why);
  if (!inf.ruled_out.empty())
    trace->push_back(fmt::format("ruled out by the actor facts: {}", fmt::join(inf.ruled_out, ", ")));
  if (inf.facts_ignored) trace->push_back("the actor facts exclude every candidate: not used");
  if (inf.date) trace->push_back(fmt::format("chosen: {}, {}", cal::FormatDay(*inf.date), inf.choice));
}

}  // namespace

void TimeTagger::Run(Doc& doc, std::string_view today, std::vector<std::string>* trace,
                     const quotes::WordSplit* words) const {
  std::vector<timex::Mention> mentions =
      words ? timex::Recognize(*lex_, doc.text, words->words) : timex::Recognize(*lex_, doc.text);
  std::optional<int64_t> ref;
  int64_t d;
  if (doc.date && cal::ParseIsoDate(*doc.date, &d)) ref = d;
  if (!doc.date) {
    timex::DateInference inf = timex::ExplainDocumentDate(mentions, doc.sentences, TodayOr(today));
    Explain(inf, {}, doc.text, trace);
    ref = inf.date;
    if (ref) {
      doc.date = cal::FormatDay(*ref);
      doc.date_source = "inferred";
    }
  } else if (trace) {
    trace->push_back("the input gives the date: " + *doc.date);
  }
  doc.timex = timex::Normalize(mentions, ref);
}

bool TimeTagger::Refine(Doc& doc, std::string_view today, std::vector<std::string>* trace,
                        const quotes::WordSplit* words) const {
  if (doc.date_facts.empty() || (doc.date && doc.date_source != "inferred")) return false;
  std::vector<timex::Mention> mentions =
      words ? timex::Recognize(*lex_, doc.text, words->words) : timex::Recognize(*lex_, doc.text);
  std::vector<timex::DayRange> facts = Facts(doc, doc.text);
  timex::DateInference inf = timex::ExplainDocumentDate(mentions, doc.sentences, TodayOr(today), facts);
  if (trace) {
    trace->push_back("again, with the dated facts of the entities:");
    Explain(inf, facts, doc.text, trace);
  }
  std::optional<std::string> date;
  if (inf.date) date = cal::FormatDay(*inf.date);
  if (date == doc.date) return false;
  doc.date = date;
  doc.date_source = date ? std::optional<std::string>("inferred") : std::nullopt;
  doc.timex = timex::Normalize(mentions, inf.date);
  return true;
}

}  // namespace veille
