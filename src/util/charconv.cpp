#include "util/charconv.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace myoref::detail {

namespace {

/// A decimal d[0].d[1]...d[n-1] x 10^exp10, d[0] != 0 (n = 1, d = "0" for zero).
struct Decimal {
  char digits[24] = {};
  int n = 0;
  int exp10 = 0;
};

/// The correctly rounded `precision`-digit decimal of `magnitude` (>= 0),
/// read from the C library's "%.*e".
Decimal nearest(double magnitude, int precision) {
  char buf[48];
  const int len = std::snprintf(buf, sizeof buf, "%.*e", precision - 1, magnitude);
  Decimal d;
  int i = 0;
  for (; i < len && buf[i] != 'e'; ++i) {
    if (buf[i] != '.')
      d.digits[d.n++] = buf[i];
  }
  d.exp10 = (i < len) ? std::atoi(buf + i + 1) : 0;
  return d;
}

/// One more unit in the last digit (9.99 -> 1.00 x 10 higher).
Decimal next_up(Decimal d) {
  int i = d.n - 1;
  while (i >= 0 && d.digits[i] == '9') {
    d.digits[i] = '0';
    --i;
  }
  if (i >= 0) {
    ++d.digits[i];
  } else {
    d.digits[0] = '1';
    ++d.exp10;
  }
  return d;
}

/// The decimal as "d.ddde+X" text, for the C library's reader.
std::size_t scientific_text(const Decimal& d, char* out, std::size_t room) {
  std::string mantissa(d.digits, static_cast<std::size_t>(d.n));
  if (d.n > 1)
    mantissa.insert(1, 1, '.');
  const int len = std::snprintf(out, room, "%se%d", mantissa.c_str(), d.exp10);
  return static_cast<std::size_t>(len);
}

bool reads_back(const Decimal& d, double value) {
  char buf[48];
  scientific_text(d, buf, sizeof buf);
  return std::strtod(buf, nullptr) == value;
}

bool reads_back(const Decimal& d, float value) {
  char buf[48];
  scientific_text(d, buf, sizeof buf);
  return std::strtof(buf, nullptr) == value;
}

/// The shortest decimal that reads back as `magnitude` (finite, > 0) and,
/// of those as short, the nearest to it (what Ryu, behind std::to_chars,
/// finds). The nearest decimal of a given length fails to read back while a
/// farther one of that length reads back only just above a power of two,
/// where the gap to the next smaller value is half the gap to the next larger.
template <typename T>
Decimal shortest(T magnitude, int max_digits) {
  Decimal d;
  for (int p = 1; p <= max_digits; ++p) {
    d = nearest(static_cast<double>(magnitude), p);
    if (reads_back(d, magnitude))
      break;
    const Decimal up = next_up(d);
    if (reads_back(up, magnitude)) {
      d = up;
      break;
    }
  }
  while (d.n > 1 && d.digits[d.n - 1] == '0')
    --d.n;
  return d;
}

/// Writes `d` as std::to_chars's plain form: the shorter of fixed and
/// scientific notation, fixed on a tie.
/// A whole number in fixed notation shows its exact digits, as printf("%.0f")
/// does ("46277552" for the float whose shortest digits are 4627755 x 10).
char* write(char* first, char* last, bool negative, const Decimal& d, double magnitude) {
  std::string fixed;
  const auto n = static_cast<std::size_t>(d.n);
  const std::string digits(d.digits, n);
  if (d.exp10 >= 0) {
    const auto whole = static_cast<std::size_t>(d.exp10) + 1;
    if (n <= whole) {
      if (d.exp10 < 400) {
        char exact[420];
        std::snprintf(exact, sizeof exact, "%.0f", magnitude);
        fixed = exact;
      }
    } else {
      fixed = digits.substr(0, whole) + "." + digits.substr(whole);
    }
  } else {
    fixed = "0." + std::string(static_cast<std::size_t>(-d.exp10 - 1), '0') + digits;
  }
  std::string sci = digits.substr(0, 1);
  if (n > 1)
    sci += "." + digits.substr(1);
  char exponent[16];
  std::snprintf(exponent, sizeof exponent, "e%c%02d", d.exp10 < 0 ? '-' : '+',
                d.exp10 < 0 ? -d.exp10 : d.exp10);
  sci += exponent;
  const std::string& text = sci.size() < fixed.size() ? sci : fixed;
  char* out = first;
  if (negative && out < last)
    *out++ = '-';
  const auto room = static_cast<std::size_t>(last - out);
  const std::size_t count = text.size() < room ? text.size() : room;
  std::memcpy(out, text.data(), count);
  return out + count;
}

template <typename T>
char* portable(char* first, char* last, T value, int max_digits) noexcept {
  try {
    const bool negative = std::signbit(value);
    const T magnitude = std::fabs(value);
    Decimal d;
    if (magnitude == T(0)) {
      d.digits[0] = '0';
      d.n = 1;
    } else {
      d = shortest(magnitude, max_digits);
    }
    return write(first, last, negative, d, static_cast<double>(magnitude));
  } catch (...) {  // std::bad_alloc from the few short strings: write nothing
    return first;
  }
}

}  // namespace

char* portable_to_chars(char* first, char* last, double value) noexcept {
  return portable(first, last, value, 17);
}

char* portable_to_chars(char* first, char* last, float value) noexcept {
  return portable(first, last, value, 9);
}

std::errc portable_from_chars(const char* first, const char* last, double& out) noexcept {
  // A JSON number: -?digits(.digits)?([eE][+-]?digits)?, never long enough to
  // matter; strtod needs it NUL-terminated.
  char small[64];
  std::string big;
  const auto len = static_cast<std::size_t>(last - first);
  const char* text = small;
  try {
    if (len < sizeof small) {
      std::memcpy(small, first, len);
      small[len] = '\0';
    } else {
      big.assign(first, len);
      text = big.c_str();
    }
  } catch (...) {
    return std::errc::not_enough_memory;
  }
  if (len == 0 || !(text[0] == '-' || (text[0] >= '0' && text[0] <= '9')))
    return std::errc::invalid_argument;
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(text, &end);
  if (end != text + len)
    return std::errc::invalid_argument;
  if (errno == ERANGE && (std::isinf(d) || d == 0.0))
    return std::errc::result_out_of_range;
  out = d;
  return std::errc();
}

}  // namespace myoref::detail
