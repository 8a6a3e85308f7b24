// Session dates: ISO 8601 calendar dates, checked for being real.
#include <catch2/catch.hpp>

#include "i18n/messages.hpp"
#include "protocol/dates.hpp"

using myoref::detail::parse_iso_date;

TEST_CASE("calendar dates are real dates, leap years included", "[plan][dates]") {
  CHECK(parse_iso_date("1970-01-01") == 0);
  CHECK(parse_iso_date("1970-01-02") == 1);
  CHECK(parse_iso_date("1969-12-31") == -1);
  CHECK(parse_iso_date("2000-03-01").value() - parse_iso_date("2000-02-28").value() ==
        2);  // 2000 is leap
  CHECK(parse_iso_date("2100-03-01").value() - parse_iso_date("2100-02-28").value() ==
        1);  // 2100 is not
  CHECK(parse_iso_date("2024-02-29"));
  CHECK(parse_iso_date("2000-02-29"));
  CHECK(parse_iso_date("2026-12-31").value() + 1 == parse_iso_date("2027-01-01").value());
  for (const char* bad : {"2023-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                          "2026-01-00", "0000-01-01", "2026-1-05", "2026-01-5", "26-01-05",
                          "2026/01/05", "2026-01-05T10:00", " 2026-01-05", "2026-01-0a", ""}) {
    INFO(bad);
    std::string why;
    CHECK_FALSE(parse_iso_date(bad, &why));
    // `why` is the key of a catalogue message, which every language has.
    CHECK(myoref::detail::english_catalogue().has(why));
  }
  std::string why;
  CHECK_FALSE(parse_iso_date("2023-02-29", &why));
  CHECK(myoref::detail::english_catalogue().get(why).find("leap year") != std::string::npos);
  CHECK(myoref::detail::catalogue_for("es").get(why).find("bisiesto") != std::string::npos);
}
