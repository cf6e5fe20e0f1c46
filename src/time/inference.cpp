// Document-date inference when the input gave no date. The evidence is a day of the
// month tied to a weekday, which fixes the year up to a 5-, 6- or 11-year cycle:
//   1. in one expression: "ce dimanche 2 novembre" (with a year, "jeudi 7 novembre 2024",
//      the weekday says the date is current news: it is the document date);
//   2. both deictic, anywhere: "ce 22 décembre" ... "ce lundi";
//   3. in one sentence: "mercredi ... le 16 février";
//   4. the only day of the month the text gives, with the weekday it names most often
//      on its own ("mercredi" twice, "mardi" once).
// Among the years where the weekday agrees, explicit years in the text choose: the
// most recent candidate in a year that a full date or a month names ("4 juillet
// 2012", "mars 2013"), else the most recent within kNearYears after the latest year
// mentioned, else the most recent candidate; never after today. Dated actor facts (DayRange:
// "le président américain Donald Trump" is dated to one of his terms) restrict the
// candidates, unless they exclude them all (a title the dictionary dates wrongly, an
// "ancien président" read as current): then they are ignored and the explanation says so.
#include <algorithm>

#include "time/calendar.h"
#include "time/internal.h"

namespace veille {
namespace timex {
namespace {

constexpr int kNearYears = 5;
constexpr int kMaxYearsBack = 80;

struct Evidence {
  int month = 0, day = 0, weekday = 0;
  int year = 0;  // when the text gives it
  const char* rule = "";
  std::vector<Span> spans;
};

size_t SentenceOf(const std::vector<Span>& sentences, uint32_t pos) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](uint32_t p, const Span& s) { return p < s.start; });
  return static_cast<size_t>(it - sentences.begin());  // sentences starting at or before pos
}

std::optional<Evidence> FindEvidence(const std::vector<Mention>& ms, const std::vector<Span>& sentences) {
  for (const Mention& m : ms) {
    if (m.kind == Kind::kDayMonth && m.weekday)
      return Evidence{m.month, m.day, m.weekday, 0, "a weekday and a day of the month in one expression", {m.span}};
    if (m.kind == Kind::kFullDate && m.weekday && cal::IsValid(m.year, m.month, m.day) &&
        cal::Weekday(cal::DaysFromCivil(m.year, m.month, m.day)) == m.weekday)
      return Evidence{m.month, m.day, m.weekday, m.year, "a full date with its weekday", {m.span}};
  }
  const Mention* deictic_date = nullptr;
  const Mention* deictic_weekday = nullptr;
  for (const Mention& m : ms) {
    if (!m.deictic || m.offset != 0) continue;
    if (m.kind == Kind::kDayMonth && !deictic_date) deictic_date = &m;
    if (m.kind == Kind::kWeekday && !deictic_weekday) deictic_weekday = &m;
  }
  if (deictic_date && deictic_weekday)
    return Evidence{deictic_date->month, deictic_date->day, deictic_weekday->weekday, 0,
                    "a day of the month and a weekday both introduced by ce/cette",
                    {deictic_date->span, deictic_weekday->span}};
  for (const Mention& d : ms) {
    if (d.kind != Kind::kDayMonth) continue;
    size_t sd = SentenceOf(sentences, d.span.start);
    for (const Mention& w : ms) {
      if (w.kind == Kind::kWeekday && w.offset == 0 && SentenceOf(sentences, w.span.start) == sd)
        return Evidence{d.month, d.day, w.weekday, 0, "a day of the month and a weekday in one sentence",
                        {d.span, w.span}};
    }
  }
  // 4. One distinct undated day of the month, and the most frequent bare weekday.
  const Mention* only = nullptr;
  for (const Mention& d : ms) {
    if (d.kind != Kind::kDayMonth) continue;
    if (only && (only->month != d.month || only->day != d.day)) return std::nullopt;
    only = &d;
  }
  if (!only) return std::nullopt;
  int count[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int first_seen[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int order = 0;
  for (const Mention& w : ms) {
    if (w.kind != Kind::kWeekday || w.offset != 0) continue;
    if (!count[w.weekday]++) first_seen[w.weekday] = ++order;
  }
  int best = 0;
  for (int wd = 1; wd <= 7; ++wd) {
    if (!count[wd]) continue;
    if (!best || count[wd] > count[best] || (count[wd] == count[best] && first_seen[wd] < first_seen[best])) best = wd;
  }
  if (!best) return std::nullopt;
  Evidence ev{only->month, only->day, best, 0,
              "the only day of the month in the text, with the weekday named most often", {only->span}};
  for (const Mention& w : ms)
    if (w.kind == Kind::kWeekday && w.offset == 0 && w.weekday == best) {
      ev.spans.push_back(w.span);
      break;
    }
  return ev;
}

}  // namespace

DateInference ExplainDocumentDate(const std::vector<Mention>& mentions, const std::vector<Span>& sentences,
                                  int64_t today, const std::vector<DayRange>& facts) {
  DateInference out;
  std::optional<Evidence> ev = FindEvidence(mentions, sentences);
  if (!ev) return out;
  out.evidence = ev->rule;
  out.spans = ev->spans;
  out.month = ev->month, out.day = ev->day, out.weekday = ev->weekday, out.year = ev->year;
  int this_year = cal::CivilFromDays(today).year;
  int latest_year = 0;  // the latest explicit year not after today's
  std::vector<int> dated_years;  // years of full dates and months
  for (const Mention& m : mentions) {
    if ((m.kind == Kind::kFullDate || m.kind == Kind::kMonthYear || m.kind == Kind::kYear) &&
        m.year <= this_year) {
      latest_year = std::max(latest_year, m.year);
      if (m.kind != Kind::kYear) dated_years.push_back(m.year);
    }
  }
  std::vector<int64_t> days;  // candidates, latest first
  for (int y = this_year; y > this_year - kMaxYearsBack; --y) {
    if ((ev->year && y != ev->year) || !cal::IsValid(y, ev->month, ev->day)) continue;
    int64_t d = cal::DaysFromCivil(y, ev->month, ev->day);
    if (d > today || cal::Weekday(d) != ev->weekday) continue;
    out.candidates.push_back(y);
    bool ok = true;
    for (const DayRange& r : facts)
      ok = ok && std::any_of(r.periods.begin(), r.periods.end(), [&](auto p) { return d >= p.first && d <= p.second; });
    if (ok) days.push_back(d);
    else out.ruled_out.push_back(y);
  }
  if (days.empty() && !out.ruled_out.empty()) {
    out.facts_ignored = true;
    out.ruled_out.clear();
    for (int y : out.candidates) days.push_back(cal::DaysFromCivil(y, ev->month, ev->day));
  }
  if (days.empty()) return out;
  auto year_of = [](int64_t d) { return cal::CivilFromDays(d).year; };
  for (int64_t d : days)
    if (std::find(dated_years.begin(), dated_years.end(), year_of(d)) != dated_years.end()) {
      out.date = d;
      out.choice = "the most recent candidate in a year the text names with a month or a full date";
      return out;
    }
  for (int64_t d : days)
    if (latest_year && year_of(d) >= latest_year && year_of(d) <= latest_year + kNearYears) {
      out.date = d;
      out.choice = "the most recent candidate at most " + std::to_string(kNearYears) +
                   " years after the latest year the text names (" + std::to_string(latest_year) + ")";
      return out;
    }
  out.date = days.front();
  out.choice = ev->year ? "the year the text gives" : "the most recent candidate not after today";
  return out;
}

}  // namespace timex
}  // namespace veille
