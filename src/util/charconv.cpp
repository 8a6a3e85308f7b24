#include "util/charconv.hpp"

#include "util/shortest_float.hpp"

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

#include <boost/json/detail/ryu/ryu.hpp>

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

/// Writes digits[0..n) x 10^(exp10 - n + 1) (digits[0] != 0 unless the value
/// is 0) as std::to_chars's plain form: the shorter of fixed and scientific
/// notation, fixed on a tie, with no string built on the way. A whole number
/// in fixed notation shows its exact digits, as printf("%.0f") does
/// ("46277552" for the float whose shortest digits are 4627755 x 10):
/// `whole` gives them (only asked for when the shortest digits end before the
/// decimal point).
template <typename WholeDigits>
char* write(char* first, char* last, bool negative, const char* digits, int n, int exp10,
            WholeDigits whole_digits) {
  // The two forms' lengths, without writing either.
  const int exp_abs = exp10 < 0 ? -exp10 : exp10;
  const int exp_len = exp_abs >= 100 ? 3 : 2;
  const int sci_len = n + (n > 1 ? 1 : 0) + 2 + exp_len;
  int fixed_len = 0;
  if (exp10 >= 0) {
    fixed_len = n <= exp10 + 1 ? exp10 + 1 : n + 1;
  } else {
    fixed_len = 2 + (-exp10 - 1) + n;
  }
  char buf[64];  // the chosen form is never longer than the scientific one (25 chars)
  char* out = buf;
  if (negative)
    *out++ = '-';
  if (sci_len < fixed_len) {
    // The callers pass n >= 1 digits they have written.
    *out++ = digits[0];  // NOLINT(clang-analyzer-core.uninitialized.Assign)
    if (n > 1) {
      *out++ = '.';
      std::memcpy(out, digits + 1, static_cast<std::size_t>(n - 1));
      out += n - 1;
    }
    *out++ = 'e';
    *out++ = exp10 < 0 ? '-' : '+';
    if (exp_len == 3)
      *out++ = static_cast<char>('0' + exp_abs / 100);
    *out++ = static_cast<char>('0' + exp_abs / 10 % 10);
    *out++ = static_cast<char>('0' + exp_abs % 10);
  } else if (exp10 >= 0) {
    const int whole = exp10 + 1;
    if (n <= whole) {
      out = whole_digits(out);  // exactly `whole` digits
    } else {
      std::memcpy(out, digits, static_cast<std::size_t>(whole));
      out += whole;
      *out++ = '.';
      std::memcpy(out, digits + whole, static_cast<std::size_t>(n - whole));
      out += n - whole;
    }
  } else {
    *out++ = '0';
    *out++ = '.';
    for (int i = 0; i < -exp10 - 1; ++i)
      *out++ = '0';
    std::memcpy(out, digits, static_cast<std::size_t>(n));
    out += n;
  }
  const auto count = static_cast<std::size_t>(out - buf);
  const auto room = static_cast<std::size_t>(last - first);
  const std::size_t k = count < room ? count : room;
  // A bounded copy into a char range, not a C string: no terminator wanted.
  std::memcpy(first, buf, k);
  return first + k;
}

/// Writes the exact decimal digits of `value` (a whole number) at `out`.
char* exact_whole(char* out, const Exact& value, int whole) {
  out = std::copy_n(value.digits.data(), value.digits.size(), out);
  for (int i = static_cast<int>(value.digits.size()); i < whole; ++i)
    *out++ = '0';
  return out;
}

char* portable_double(char* first, char* last, double value) noexcept {
  try {
    const bool negative = std::signbit(value);
    const double magnitude = std::fabs(value);
    if (magnitude == 0.0) {
      const char zero = '0';
      return write(first, last, negative, &zero, 1, 0, [](char* out) {
        *out = '0';
        return out + 1;
      });
    }
    // The shortest digits by Ryu's d2s, as Boost.JSON ships it (its
    // serializer's; compiled from its headers in the WebAssembly build): text
    // "d.dddE-n", the digits and the power of ten of the first.
    char ryu[32];
    const int len = boost::json::detail::ryu::d2s_buffered_n(magnitude, ryu);
    char digits[24];
    int n = 0;
    int i = 0;
    for (; i < len && ryu[i] != 'E'; ++i) {
      if (ryu[i] != '.')
        digits[n++] = ryu[i];
    }
    int exp10 = 0;
    const bool exp_negative = i + 1 < len && ryu[i + 1] == '-';
    for (i += exp_negative ? 2 : 1; i < len; ++i)
      exp10 = exp10 * 10 + (ryu[i] - '0');
    if (exp_negative)
      exp10 = -exp10;
    return write(first, last, negative, digits, n, exp10, [&](char* out) {
      // A whole number in fixed notation: below 2^53 it is its shortest
      // digits followed by zeros (no other double lies within half a unit of
      // an integer there); above, its exact digits, worked out (rare).
      const int whole = exp10 + 1;
      if (magnitude < 9007199254740992.0) {
        std::memcpy(out, digits, static_cast<std::size_t>(n));
        out += n;
        for (int k = n; k < whole; ++k)
          *out++ = '0';
        return out;
      }
      Exact exact_value;
      (void)shortest(magnitude, exact_value);
      return exact_whole(out, exact_value, whole);
    });
  } catch (...) {  // std::bad_alloc from the exact digits' strings: write nothing
    return first;
  }
}

char* portable_float(char* first, char* last, float value) noexcept {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const bool negative = (bits >> 31U) != 0;
  bits &= 0x7FFFFFFFU;
  if (bits == 0) {
    const char zero = '0';
    return write(first, last, negative, &zero, 1, 0, [](char* out) {
      *out = '0';
      return out + 1;
    });
  }
  std::uint32_t output = 0;
  int e = 0;
  shortest_float_digits(bits, output, e);
  char digits[10];
  int n = 0;
  for (std::uint32_t v = output; v != 0; v /= 10)
    ++n;
  for (int i = n - 1; i >= 0; --i, output /= 10)
    digits[i] = static_cast<char>('0' + output % 10);
  const int exp10 = e + n - 1;
  return write(first, last, negative, digits, n, exp10, [&](char* out) {
    // A whole number written in fixed notation is below 10^14 (longer ones
    // are shorter in scientific notation), so the float is a whole number
    // (no other float is nearer an integer below 2^24 than itself) of at
    // most 64 bits: its exact digits.
    float magnitude = 0.0F;
    std::memcpy(&magnitude, &bits, sizeof magnitude);
    auto whole = static_cast<std::uint64_t>(magnitude);
    char rev[24];
    int k = 0;
    do {
      rev[k++] = static_cast<char>('0' + whole % 10);
      whole /= 10;
    } while (whole != 0);
    while (k > 0)
      *out++ = rev[--k];
    return out;
  });
}

}  // namespace

char* portable_to_chars(char* first, char* last, double value) noexcept {
  return portable_double(first, last, value);
}

char* portable_to_chars(char* first, char* last, float value) noexcept {
  return portable_float(first, last, value);
}

namespace {

/// Clinger's fast path: a JSON number whose digits, as an integer w, are
/// below 2^53 and whose power of ten e is within 22 of zero is exactly
/// w * 10^e or w / 10^-e, both operands exact doubles, so one correctly
/// rounded operation gives the correctly rounded value, strtod's. Almost
/// every number of a knowledge base or an intake ("0.6", "12.5", "42") is
/// one. False when the text is not such a number (strtod decides then): in
/// the WebAssembly build strtod works in software 128-bit long doubles, and
/// took a third of writing the knowledge base's JSON.
bool clinger(const char* p, const char* last, double& out) {
  static constexpr double kPow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  constexpr std::uint64_t kExact = std::uint64_t{1} << 53U;
  const bool negative = p < last && *p == '-';
  if (negative)
    ++p;
  const auto digit = [&] { return p < last && *p >= '0' && *p <= '9'; };
  if (!digit())
    return false;
  std::uint64_t w = 0;
  int e = 0;
  const auto take = [&] {
    w = w * 10 + static_cast<std::uint64_t>(*p++ - '0');
    return w < kExact;
  };
  if (*p == '0') {
    ++p;  // JSON: a leading zero stands alone
  } else {
    while (digit()) {
      if (!take())
        return false;
    }
  }
  if (p < last && *p == '.') {
    ++p;
    if (!digit())
      return false;
    while (digit()) {
      if (!take())
        return false;
      --e;
    }
  }
  if (p < last && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool minus = p < last && *p == '-';
    if (p < last && (*p == '-' || *p == '+'))
      ++p;
    if (!digit())
      return false;
    int x = 0;
    while (digit()) {
      if (x > 1000)
        return false;
      x = x * 10 + (*p++ - '0');
    }
    e += minus ? -x : x;
  }
  if (p != last || e < -22 || e > 22)
    return false;
  auto v = static_cast<double>(w);  // exact: w < 2^53
  v = e < 0 ? v / kPow10[-e] : v * kPow10[e];
  out = negative ? -v : v;
  return true;
}

}  // namespace

std::errc portable_from_chars(const char* first, const char* last, double& out) noexcept {
  if (clinger(first, last, out))
    return std::errc();
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
