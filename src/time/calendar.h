// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace veille {
namespace cal {

struct Ymd {
  int year = 0, month = 0, day = 0;
};

int64_t DaysFromCivil(int y, int m, int d);
Ymd CivilFromDays(int64_t days);
int DaysInMonth(int y, int m);
bool IsValid(int y, int m, int d);
// ISO weekday: 1 = Monday ... 7 = Sunday.
int Weekday(int64_t days);
// ISO 8601 week of a day: the week-numbering year and the week 1..53.
void IsoWeek(int64_t days, int* year, int* week);

// "YYYY-MM-DD" (a longer string is read on its first 10 bytes). False if malformed.
bool ParseIsoDate(std::string_view s, int64_t* days);
// The current UTC date.
int64_t Today();

std::string FormatDay(int64_t days);      // YYYY-MM-DD
std::string FormatMonth(int y, int m);    // YYYY-MM
std::string FormatYear(int y);            // YYYY
std::string FormatWeek(int64_t days);     // YYYY-Www

}  // namespace cal
}  // namespace veille
