#include "util/charconv.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace myoref::detail {

namespace {

/// A decimal d[0].d[1]...d[n-1] x 10^exp10, d[0] != 0 (n = 1, d = "0" for zero).
struct Decimal {
  char digits[24] = {};
  int n = 0;
  int exp10 = 0;
};

/// An unsigned integer of any size, little-endian in base 2^32: just enough
/// arithmetic to write a binary floating-point value's exact decimal digits.
class BigInt {
 public:
  explicit BigInt(std::uint64_t v) {
    while (v != 0) {
      words_.push_back(static_cast<std::uint32_t>(v));
      v >>= 32U;
    }
  }
  void mul(std::uint32_t f) {
    std::uint64_t carry = 0;
    for (auto& w : words_) {
      const std::uint64_t t = static_cast<std::uint64_t>(w) * f + carry;
      w = static_cast<std::uint32_t>(t);
      carry = t >> 32U;
    }
    if (carry != 0)
      words_.push_back(static_cast<std::uint32_t>(carry));
  }
  void shift_left(int bits) {
    for (; bits >= 16; bits -= 16)
      mul(1U << 16U);
    if (bits > 0)
      mul(1U << static_cast<unsigned>(bits));
  }
  void mul_pow5(int n) {
    for (; n >= 13; n -= 13)
      mul(1220703125U);  // 5^13
    std::uint32_t f = 1;
    for (; n > 0; --n)
      f *= 5;
    mul(f);
  }
  /// Decimal digits, most significant first ("0" for zero).
  std::string decimal() const {
    std::vector<std::uint32_t> n = words_;
    std::string out;
    while (!n.empty()) {
      std::uint64_t rem = 0;
      for (std::size_t i = n.size(); i-- > 0;) {
        const std::uint64_t cur = (rem << 32U) | n[i];
        n[i] = static_cast<std::uint32_t>(cur / 1000000000U);
        rem = cur % 1000000000U;
      }
      while (!n.empty() && n.back() == 0)
        n.pop_back();
      for (int k = 0; k < 9; ++k) {
        out.push_back(static_cast<char>('0' + rem % 10));
        rem /= 10;
      }
    }
    while (out.size() > 1 && out.back() == '0')
      out.pop_back();
    if (out.empty())
      out = "0";
    return std::string(out.rbegin(), out.rend());
  }

 private:
  std::vector<std::uint32_t> words_;
};

/// A positive decimal, exactly: digits (no trailing zeros) x 10^(exp10 - n + 1).
struct Exact {
  std::string digits;
  int exp10 = 0;
};

/// The exact decimal value of mantissa x 2^exponent (mantissa > 0).
Exact exact(std::uint64_t mantissa, int exponent) {
  BigInt n(mantissa);
  int shift10 = 0;
  if (exponent >= 0) {
    n.shift_left(exponent);
  } else {
    n.mul_pow5(-exponent);  // m / 2^k = m * 5^k / 10^k
    shift10 = exponent;
  }
  std::string d = n.decimal();
  const int len = static_cast<int>(d.size());
  Exact e;
  e.exp10 = len - 1 + shift10;
  while (d.size() > 1 && d.back() == '0')
    d.pop_back();
  e.digits = std::move(d);
  return e;
}

int compare(const std::string& a_digits, int a_exp, const std::string& b_digits, int b_exp) {
  if (a_exp != b_exp)
    return a_exp < b_exp ? -1 : 1;
  const std::size_t n = std::max(a_digits.size(), b_digits.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = i < a_digits.size() ? a_digits[i] : '0';
    const char y = i < b_digits.size() ? b_digits[i] : '0';
    if (x != y)
      return x < y ? -1 : 1;
  }
  return 0;
}

int compare(const Decimal& d, const Exact& e) {
  return compare(std::string(d.digits, static_cast<std::size_t>(d.n)), d.exp10, e.digits, e.exp10);
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

/// `value` rounded to `precision` significant digits, half to even.
Decimal rounded(const Exact& value, int precision) {
  Decimal d;
  const auto p = static_cast<std::size_t>(precision);
  const std::string& v = value.digits;
  d.exp10 = value.exp10;
  d.n = precision;
  for (std::size_t i = 0; i < p; ++i)
    d.digits[i] = i < v.size() ? v[i] : '0';
  if (v.size() > p) {
    const char next = v[p];
    const bool more = v.size() > p + 1;  // no trailing zeros: anything after is > 0
    const bool odd = ((d.digits[p - 1] - '0') % 2) != 0;
    if (next > '5' || (next == '5' && (more || odd)))
      d = next_up(d);
  }
  return d;
}

/// The shortest decimal that reads back as `magnitude` (finite, > 0) and,
/// of those as short, the nearest to it (what Ryu, behind std::to_chars,
/// finds), by exact integer arithmetic: the value and the two halfway points
/// to its neighbours as exact decimals, and each length's nearest decimal
/// tested against them. (A round-to-nearest reader takes a halfway point to
/// the value when its mantissa is even.) The nearest of a length falls
/// outside while the next one up falls inside only just above a power of
/// two, where the gap to the next smaller value is half the gap above.
template <typename T>
Decimal shortest(T magnitude, Exact& value_out) {
  constexpr int kBits = std::numeric_limits<T>::digits;                  // 24, 53
  constexpr int kMinExp = std::numeric_limits<T>::min_exponent - kBits;  // -149, -1074
  int exp2 = 0;
  const T fraction = std::frexp(magnitude, &exp2);
  auto m = static_cast<std::uint64_t>(std::ldexp(fraction, kBits));
  int e = exp2 - kBits;
  if (e < kMinExp) {  // subnormal: its low bits are zero
    m >>= static_cast<unsigned>(kMinExp - e);
    e = kMinExp;
  }
  const bool narrow_below = m == (std::uint64_t{1} << (kBits - 1)) && e > kMinExp;
  const Exact value = exact(m, e);
  const Exact high = exact(2 * m + 1, e - 1);
  const Exact low = narrow_below ? exact(4 * m - 1, e - 2) : exact(2 * m - 1, e - 1);
  const bool even = (m % 2) == 0;
  const auto inside = [&](const Decimal& d) {
    const int lo = compare(d, low);
    const int hi = compare(d, high);
    return even ? (lo >= 0 && hi <= 0) : (lo > 0 && hi < 0);
  };
  constexpr int kMaxDigits = std::numeric_limits<T>::max_digits10;
  Decimal d;
  for (int p = 1; p <= kMaxDigits; ++p) {
    d = rounded(value, p);
    if (inside(d))
      break;
    const Decimal up = next_up(d);
    if (inside(up)) {
      d = up;
      break;
    }
  }
  while (d.n > 1 && d.digits[d.n - 1] == '0')
    --d.n;
  value_out = value;
  return d;
}

/// Writes `d` as std::to_chars's plain form: the shorter of fixed and
/// scientific notation, fixed on a tie.
/// A whole number in fixed notation shows its exact digits, as printf("%.0f")
/// does ("46277552" for the float whose shortest digits are 4627755 x 10).
char* write(char* first, char* last, bool negative, const Decimal& d, const Exact& value) {
  std::string fixed;
  const auto n = static_cast<std::size_t>(d.n);
  const std::string digits(d.digits, n);
  if (d.exp10 >= 0) {
    const auto whole = static_cast<std::size_t>(d.exp10) + 1;
    if (n <= whole) {
      // The value is a whole number too: its exact digits, then zeros.
      fixed = value.digits + std::string(whole - value.digits.size(), '0');
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
  // A bounded copy into a char range, not a C string: no terminator wanted.
  std::copy_n(text.begin(), count, out);
  return out + count;
}

template <typename T>
char* portable(char* first, char* last, T value) noexcept {
  try {
    const bool negative = std::signbit(value);
    const T magnitude = std::fabs(value);
    Decimal d;
    Exact exact_value;
    if (magnitude == T(0)) {
      d.digits[0] = '0';
      d.n = 1;
      exact_value.digits = "0";
    } else {
      d = shortest(magnitude, exact_value);
    }
    return write(first, last, negative, d, exact_value);
  } catch (...) {  // std::bad_alloc from the short strings: write nothing
    return first;
  }
}

}  // namespace

char* portable_to_chars(char* first, char* last, double value) noexcept {
  return portable(first, last, value);
}

char* portable_to_chars(char* first, char* last, float value) noexcept {
  return portable(first, last, value);
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
