#include "time/calendar.h"

#include <fmt/format.h>

#include <chrono>
#include <initializer_list>
#include <utility>

namespace veille {
namespace cal {

// Howard Hinnant's civil calendar algorithms.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Ymd r;
  r.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  r.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  r.year = static_cast<int>(yoe + era * 400 + (r.month <= 2));
  return r;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool IsValid(int y, int m, int d) { return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

int Weekday(int64_t days) {
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void IsoWeek(int64_t days, int* year, int* week) {
  // The week belongs to the year of its Thursday.
  int64_t thursday = days - Weekday(days) + 4;
  int y = CivilFromDays(thursday).year;
  *year = y;
  *week = static_cast<int>((thursday - DaysFromCivil(y, 1, 1)) / 7 + 1);
}

bool ParseIsoDate(std::string_view s, int64_t* days) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const int pos[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < pos[k][1]; ++i) {
      char c = s[pos[k][0] + i];
      if (c < '0' || c > '9') return false;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (!IsValid(v[0], v[1], v[2])) return false;
  *days = DaysFromCivil(v[0], v[1], v[2]);
  return true;
}

int64_t Today() {
  auto now = std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
}

namespace {

// Writes v (0..99) as two digits at out.
void PutTwo(char* out, int v) {
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
}

// "YYYY" then, for each of `parts` (0..99), its separator and two digits: written by hand
// (fmt::format costs ~2 k instructions a call, and every time expression is formatted).
// Years 0..9999 only: the empty string for the others, which the callers leave to fmt.
std::string Digits(int y, std::initializer_list<std::pair<const char*, int>> parts) {
  if (y < 0 || y > 9999) return {};
  char buf[16];
  PutTwo(buf, y / 100);
  PutTwo(buf + 2, y % 100);
  size_t n = 4;
  for (const auto& [sep, v] : parts) {
    for (const char* s = sep; *s; ++s) buf[n++] = *s;
    PutTwo(buf + n, v);
    n += 2;
  }
  return std::string(buf, n);
}

bool TwoDigits(int v) { return v >= 0 && v <= 99; }

}  // namespace

std::string FormatDay(int64_t days) {
  Ymd d = CivilFromDays(days);
  if (std::string s = Digits(d.year, {{"-", d.month}, {"-", d.day}}); !s.empty()) return s;
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}
std::string FormatMonth(int y, int m) {
  if (TwoDigits(m))
    if (std::string s = Digits(y, {{"-", m}}); !s.empty()) return s;
  return fmt::format("{:04}-{:02}", y, m);
}
std::string FormatYear(int y) {
  if (std::string s = Digits(y, {}); !s.empty()) return s;
  return fmt::format("{:04}", y);
}
std::string FormatWeek(int64_t days) {
  int y, w;
  IsoWeek(days, &y, &w);
  if (TwoDigits(w))
    if (std::string s = Digits(y, {{"-W", w}}); !s.empty()) return s;
  return fmt::format("{:04}-W{:02}", y, w);
}

}  // namespace cal
}  // namespace veille
