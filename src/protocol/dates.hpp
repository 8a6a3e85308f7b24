// ISO 8601 calendar dates ("2026-11-24") as the host supplies them. The
// library reads no clock; it only checks that a date is real and compares days.
#ifndef MYOREF_SRC_PROTOCOL_DATES_HPP
#define MYOREF_SRC_PROTOCOL_DATES_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myoref::detail {

/// Days since 1970-01-01 of a date written exactly YYYY-MM-DD (years
/// 0001..9999, real months and days, leap years by the Gregorian rule);
/// nullopt for anything else, with `why` set to the key of the message that
/// says what is wrong ("error.date.month", data/locales/en/messages.json).
std::optional<std::int32_t> parse_iso_date(std::string_view text, std::string* why = nullptr);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_PROTOCOL_DATES_HPP
