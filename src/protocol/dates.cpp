#include "protocol/dates.hpp"

namespace myoref::detail {
namespace {

bool is_leap(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) noexcept {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
std::int32_t days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool digits(std::string_view text, std::size_t from, std::size_t count, int& out) noexcept {
  out = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return false;
    }
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::optional<std::int32_t> parse_iso_date(std::string_view text, std::string* why) {
  const auto fail = [why](const char* message) -> std::optional<std::int32_t> {
    if (why != nullptr) {
      *why = message;
    }
    return std::nullopt;
  };
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, year) ||
      !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) {
    return fail("error.date.format");
  }
  if (year < 1) {
    return fail("error.date.year_zero");
  }
  if (month < 1 || month > 12) {
    return fail("error.date.month");
  }
  if (day < 1 || day > days_in_month(year, month)) {
    return fail(month == 2 && day == 29 ? "error.date.leap" : "error.date.day");
  }
  return days_from_civil(year, month, day);
}

}  // namespace myoref::detail
