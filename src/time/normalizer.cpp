// Values for recognized expressions: calendar arithmetic against the document date
// (anchor "document") or the previous dated expression (anchor "previous").
#include "time/calendar.h"
#include "time/internal.h"

namespace veille {
namespace timex {
namespace {

// The year of "16 février" (no year) seen from `ref`: the occurrence closest to it,
// news being mostly about the past (from about ten months before to two after).
std::optional<int64_t> ResolveDayMonth(int month, int day, int weekday, int64_t ref) {
  cal::Ymd r = cal::CivilFromDays(ref);
  // A matching weekday decides between neighbouring years.
  if (weekday) {
    for (int y : {r.year, r.year - 1, r.year + 1}) {
      if (!cal::IsValid(y, month, day)) continue;
      int64_t d = cal::DaysFromCivil(y, month, day);
      if (cal::Weekday(d) == weekday && d <= ref + 62 && d > ref - 366) return d;
    }
  }
  for (int y : {r.year + 1, r.year, r.year - 1}) {
    if (!cal::IsValid(y, month, day)) continue;
    int64_t d = cal::DaysFromCivil(y, month, day);
    if (d <= ref + 62 && d > ref - 304) return d;
  }
  // 29 February: the latest leap year (the loops above only miss it outside the window).
  for (int y = r.year; y > r.year - 8; --y)
    if (cal::IsValid(y, month, day)) return cal::DaysFromCivil(y, month, day);
  return std::nullopt;  // "31 avril"
}

std::string Relative(Unit unit, int n, int64_t ref) {
  cal::Ymd r = cal::CivilFromDays(ref);
  switch (unit) {
    case Unit::kDay: return cal::FormatDay(ref + n);
    case Unit::kWeek: return cal::FormatWeek(ref + 7 * n);
    case Unit::kMonth: {
      int total = r.year * 12 + (r.month - 1) + n;
      return cal::FormatMonth(total / 12, total % 12 + 1);
    }
    case Unit::kYear: return cal::FormatYear(r.year + n);
    case Unit::kNone: break;
  }
  return "";
}

}  // namespace

std::vector<Timex> Normalize(const std::vector<Mention>& mentions, std::optional<int64_t> ref) {
  std::vector<Timex> out;
  out.reserve(mentions.size());
  std::optional<int64_t> previous;  // the last expression with a day value
  for (const Mention& m : mentions) {
    Timex t;
    t.span = m.span;
    t.rule = m.rule;
    t.anchor = "document";
    std::optional<int64_t> day;
    switch (m.kind) {
      case Kind::kFullDate:
        t.anchor = "absolute";
        if (cal::IsValid(m.year, m.month, m.day)) day = cal::DaysFromCivil(m.year, m.month, m.day);
        break;
      case Kind::kMonthYear:
        t.anchor = "absolute";
        t.value = cal::FormatMonth(m.year, m.month);
        break;
      case Kind::kYear:
        t.anchor = "absolute";
        t.value = cal::FormatYear(m.year);
        break;
      case Kind::kDayMonth:
        if (ref && m.day <= 31) day = ResolveDayMonth(m.month, m.day, m.weekday, *ref);
        break;
      case Kind::kMonth:
        if (ref) {
          cal::Ymd r = cal::CivilFromDays(*ref);
          t.value = cal::FormatMonth(m.month <= r.month + 1 ? r.year : r.year - 1, m.month);
        }
        break;
      case Kind::kWeekday:
        if (ref) {
          int delta = (cal::Weekday(*ref) - m.weekday + 7) % 7;  // days back to it
          if (m.offset < 0) day = *ref - (delta == 0 ? 7 : delta);
          else if (m.offset > 0) day = *ref + (delta == 0 ? 7 : 7 - delta);
          else day = *ref - delta;
        }
        break;
      case Kind::kRelative:
        if (ref) {
          if (m.unit == Unit::kDay) day = *ref + m.offset;
          else t.value = Relative(m.unit, m.offset, *ref);
        }
        break;
      case Kind::kPrevious:
        t.anchor = "previous";
        if (previous) day = *previous + m.offset;
        break;
    }
    if (day) {
      t.value = cal::FormatDay(*day);
      previous = day;
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace timex
}  // namespace veille
