#include "util/shortest_float.hpp"

#include <cstring>

#include <gsl/assert>

#include "util/charconv.hpp"

namespace myoref::detail {
namespace {

/// The shortest decimal of a finite float > 0 that reads back as it and, of
/// those, the nearest (ties to an even digit): Ryu's algorithm for 32-bit
/// floats (Ulf Adams, "Ryu: fast float-to-string conversion", PLDI 2018, the
/// f2s of github.com/ulfjack/ryu), the one std::to_chars implementations use,
/// with 64-bit integer arithmetic only (moved here from charconv.cpp, whose
/// portable float path uses it through shortest_float_digits()). The
/// exact-arithmetic shortest() of charconv.cpp gives the same digits (the unit
/// tests compare both with std::to_chars) but builds big integers in strings
/// for every number: in the WebAssembly build, where every float of an
/// assessment was written that way, it took about half of an assessment's time.
namespace ryu32 {

constexpr int kMantissaBits = 23;
constexpr int kBias = 127;
constexpr int kPow5InvBits = 59;
constexpr int kPow5Bits = 61;
// q <= log10Pow2(254 - 127 - 23 - 2) = 30; i + 1 <= 47 (subnormals).
constexpr int kInvTable = 31;
constexpr int kTable = 48;

/// ceil(log2(5^e)) for e >= 1; 1 for e = 0.
constexpr int pow5bits(int e) {
  return static_cast<int>((static_cast<std::uint32_t>(e) * 1217359U) >> 19U) + 1;
}
/// floor(log10(2^e)), floor(log10(5^e)).
constexpr std::uint32_t log10_pow2(int e) {
  return (static_cast<std::uint32_t>(e) * 78913U) >> 18U;
}
constexpr std::uint32_t log10_pow5(int e) {
  return (static_cast<std::uint32_t>(e) * 732923U) >> 20U;
}

// The two tables of Ryu's f2s, the numbers Ryu ships as literals (written
// here by Python's exact integers from the definition above each; a wrong
// entry would show in the unit tests' comparison with std::to_chars):
// floor(2^(pow5bits(q) - 1 + 59) / 5^q) + 1 ...
constexpr std::uint64_t kPow5InvSplit[kInvTable] = {
    576460752303423489ULL, 461168601842738791ULL, 368934881474191033ULL, 295147905179352826ULL,
    472236648286964522ULL, 377789318629571618ULL, 302231454903657294ULL, 483570327845851670ULL,
    386856262276681336ULL, 309485009821345069ULL, 495176015714152110ULL, 396140812571321688ULL,
    316912650057057351ULL, 507060240091291761ULL, 405648192073033409ULL, 324518553658426727ULL,
    519229685853482763ULL, 415383748682786211ULL, 332306998946228969ULL, 531691198313966350ULL,
    425352958651173080ULL, 340282366920938464ULL, 544451787073501542ULL, 435561429658801234ULL,
    348449143727040987ULL, 557518629963265579ULL, 446014903970612463ULL, 356811923176489971ULL,
    570899077082383953ULL, 456719261665907162ULL, 365375409332725730ULL,
};
// ... and 5^i scaled to 61 bits (its top 61 bits, or shifted up to 61).
constexpr std::uint64_t kPow5Split[kTable] = {
    1152921504606846976ULL, 1441151880758558720ULL, 1801439850948198400ULL, 2251799813685248000ULL,
    1407374883553280000ULL, 1759218604441600000ULL, 2199023255552000000ULL, 1374389534720000000ULL,
    1717986918400000000ULL, 2147483648000000000ULL, 1342177280000000000ULL, 1677721600000000000ULL,
    2097152000000000000ULL, 1310720000000000000ULL, 1638400000000000000ULL, 2048000000000000000ULL,
    1280000000000000000ULL, 1600000000000000000ULL, 2000000000000000000ULL, 1250000000000000000ULL,
    1562500000000000000ULL, 1953125000000000000ULL, 1220703125000000000ULL, 1525878906250000000ULL,
    1907348632812500000ULL, 1192092895507812500ULL, 1490116119384765625ULL, 1862645149230957031ULL,
    1164153218269348144ULL, 1455191522836685180ULL, 1818989403545856475ULL, 2273736754432320594ULL,
    1421085471520200371ULL, 1776356839400250464ULL, 2220446049250313080ULL, 1387778780781445675ULL,
    1734723475976807094ULL, 2168404344971008868ULL, 1355252715606880542ULL, 1694065894508600678ULL,
    2117582368135750847ULL, 1323488980084844279ULL, 1654361225106055349ULL, 2067951531382569187ULL,
    1292469707114105741ULL, 1615587133892632177ULL, 2019483917365790221ULL, 1262177448353618888ULL,
};

std::uint32_t pow5_factor(std::uint32_t value) {
  std::uint32_t count = 0;
  while (value % 5 == 0) {
    value /= 5;
    ++count;
  }
  return count;
}
bool multiple_of_pow5(std::uint32_t value, std::uint32_t p) {
  return pow5_factor(value) >= p;
}
bool multiple_of_pow2(std::uint32_t value, std::uint32_t p) {
  return (value & ((1U << p) - 1U)) == 0;
}

/// (m * factor) >> shift, shift > 32.
std::uint32_t mul_shift(std::uint32_t m, std::uint64_t factor, int shift) {
  const std::uint64_t lo = static_cast<std::uint64_t>(m) * static_cast<std::uint32_t>(factor);
  const std::uint64_t hi =
      static_cast<std::uint64_t>(m) * static_cast<std::uint32_t>(factor >> 32U);
  const std::uint64_t sum = (lo >> 32U) + hi;
  return static_cast<std::uint32_t>(sum >> static_cast<unsigned>(shift - 32));
}

/// The shortest digits (as an integer) and the power of ten of `bits`, a
/// finite float > 0's representation.
inline void shortest(std::uint32_t bits, std::uint32_t& digits, int& exp10) {
  const std::uint32_t mantissa = bits & ((1U << kMantissaBits) - 1U);
  const std::uint32_t exponent = bits >> kMantissaBits;
  int e2 = 0;
  std::uint32_t m2 = 0;
  if (exponent == 0) {
    e2 = 1 - kBias - kMantissaBits - 2;
    m2 = mantissa;
  } else {
    e2 = static_cast<int>(exponent) - kBias - kMantissaBits - 2;
    m2 = (1U << kMantissaBits) | mantissa;
  }
  const bool accept_bounds = (m2 & 1U) == 0;
  const std::uint32_t mv = 4 * m2;
  const std::uint32_t mp = 4 * m2 + 2;
  const std::uint32_t mm_shift = (mantissa != 0 || exponent <= 1) ? 1U : 0U;
  const std::uint32_t mm = 4 * m2 - 1 - mm_shift;

  std::uint32_t vr = 0;
  std::uint32_t vp = 0;
  std::uint32_t vm = 0;
  int e10 = 0;
  bool vm_trailing_zeros = false;
  bool vr_trailing_zeros = false;
  std::uint32_t last_removed = 0;
  if (e2 >= 0) {
    const std::uint32_t q = log10_pow2(e2);
    e10 = static_cast<int>(q);
    const int k = kPow5InvBits + pow5bits(static_cast<int>(q)) - 1;
    const int i = -e2 + static_cast<int>(q) + k;
    vr = mul_shift(mv, kPow5InvSplit[q], i);
    vp = mul_shift(mp, kPow5InvSplit[q], i);
    vm = mul_shift(mm, kPow5InvSplit[q], i);
    if (q != 0 && (vp - 1) / 10 <= vm / 10) {
      const int l = kPow5InvBits + pow5bits(static_cast<int>(q) - 1) - 1;
      last_removed = mul_shift(mv, kPow5InvSplit[q - 1], -e2 + static_cast<int>(q) - 1 + l) % 10;
    }
    if (q <= 9) {
      // At most one of mp, mv and mm is a multiple of 5.
      if (mv % 5 == 0) {
        vr_trailing_zeros = multiple_of_pow5(mv, q);
      } else if (accept_bounds) {
        vm_trailing_zeros = multiple_of_pow5(mm, q);
      } else {
        vp -= multiple_of_pow5(mp, q) ? 1U : 0U;
      }
    }
  } else {
    const std::uint32_t q = log10_pow5(-e2);
    e10 = static_cast<int>(q) + e2;
    const int i = -e2 - static_cast<int>(q);
    const int k = pow5bits(i) - kPow5Bits;
    int j = static_cast<int>(q) - k;
    vr = mul_shift(mv, kPow5Split[i], j);
    vp = mul_shift(mp, kPow5Split[i], j);
    vm = mul_shift(mm, kPow5Split[i], j);
    if (q != 0 && (vp - 1) / 10 <= vm / 10) {
      j = static_cast<int>(q) - 1 - (pow5bits(i + 1) - kPow5Bits);
      last_removed = mul_shift(mv, kPow5Split[i + 1], j) % 10;
    }
    if (q <= 1) {
      // mv = 4 m2 has at least two trailing zero bits.
      vr_trailing_zeros = true;
      if (accept_bounds) {
        vm_trailing_zeros = mm_shift == 1;  // mm = mv - 1 - mm_shift
      } else {
        --vp;  // mp = mv + 2 has one trailing zero bit
      }
    } else if (q < 31) {
      vr_trailing_zeros = multiple_of_pow2(mv, q - 1);
    }
  }

  int removed = 0;
  std::uint32_t output = 0;
  if (vm_trailing_zeros || vr_trailing_zeros) {
    while (vp / 10 > vm / 10) {
      vm_trailing_zeros = vm_trailing_zeros && vm % 10 == 0;
      vr_trailing_zeros = vr_trailing_zeros && last_removed == 0;
      last_removed = vr % 10;
      vr /= 10;
      vp /= 10;
      vm /= 10;
      ++removed;
    }
    if (vm_trailing_zeros) {
      while (vm % 10 == 0) {
        vr_trailing_zeros = vr_trailing_zeros && last_removed == 0;
        last_removed = vr % 10;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        ++removed;
      }
    }
    if (vr_trailing_zeros && last_removed == 5 && vr % 2 == 0)
      last_removed = 4;  // exactly ...50..0: round to even
    const bool up = (vr == vm && (!accept_bounds || !vm_trailing_zeros)) || last_removed >= 5;
    output = vr + (up ? 1U : 0U);
  } else {
    while (vp / 10 > vm / 10) {
      last_removed = vr % 10;
      vr /= 10;
      vp /= 10;
      vm /= 10;
      ++removed;
    }
    output = vr + ((vr == vm || last_removed >= 5) ? 1U : 0U);
  }
  digits = output;
  exp10 = e10 + removed;
}

}  // namespace ryu32

/// The number of decimal digits of v, 0 < v < 10^10 (Ryu's float digits
/// have at most nine).
int decimal_length(std::uint32_t v) noexcept {
  if (v >= 100000U) {
    if (v >= 10000000U)
      return v >= 1000000000U ? 10 : v >= 100000000U ? 9 : 8;
    return v >= 1000000U ? 7 : 6;
  }
  if (v >= 100U)
    return v >= 10000U ? 5 : v >= 1000U ? 4 : 3;
  return v >= 10U ? 2 : 1;
}

/// Eight decimal digits of v < 10^8 as ASCII, the first in the lowest byte
/// (three rounds of dividing lanes of a word at once).
std::uint64_t eight_digits(std::uint32_t v) noexcept {
  std::uint64_t x = (v / 10000U) | (static_cast<std::uint64_t>(v % 10000U) << 32U);
  std::uint64_t q = ((x * 10486U) >> 20U) & 0x0000007F0000007FULL;  // x / 100 per 32-bit lane
  x = q | ((x - q * 100U) << 16U);
  q = ((x * 103U) >> 10U) & 0x000F000F000F000FULL;  // x / 10 per 16-bit lane
  x = q | ((x - q * 10U) << 8U);
  return x | 0x3030303030303030ULL;
}

/// Up to sixteen chars in two words, the first char in the lowest byte of lo.
struct Chars {
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;
};

/// c moved up by `bytes` (0..15) chars, zeros coming in.
Chars shifted_up(Chars c, unsigned bytes) noexcept {
  if (bytes >= 8U)
    return {0, bytes == 8U ? c.lo : c.lo << (8U * (bytes - 8U))};
  if (bytes == 0U)
    return c;
  return {c.lo << (8U * bytes), (c.hi << (8U * bytes)) | (c.lo >> (64U - 8U * bytes))};
}

/// c moved down by `bytes` (0..15) chars.
Chars shifted_down(Chars c, unsigned bytes) noexcept {
  if (bytes >= 8U)
    return {bytes == 8U ? c.hi : c.hi >> (8U * (bytes - 8U)), 0};
  if (bytes == 0U)
    return c;
  return {(c.lo >> (8U * bytes)) | (c.hi << (64U - 8U * bytes)), c.hi >> (8U * bytes)};
}

/// The first `bytes` (0..16) chars of c.
Chars first_chars(Chars c, unsigned bytes) noexcept {
  if (bytes >= 16U)
    return c;
  if (bytes >= 8U)
    return {c.lo, bytes == 8U ? 0 : c.hi & ((std::uint64_t{1} << (8U * (bytes - 8U))) - 1U)};
  return {bytes == 0U ? 0 : c.lo & ((std::uint64_t{1} << (8U * bytes)) - 1U), 0};
}

Chars operator|(Chars a, Chars b) noexcept {
  return {a.lo | b.lo, a.hi | b.hi};
}

/// The n (1..9) decimal digits of v < 10^9.
Chars digits_of(std::uint32_t v, unsigned n) noexcept {
  if (n == 9U) {
    const std::uint64_t rest = eight_digits(v % 100000000U);
    return {(0x30U + v / 100000000U) | (rest << 8U), rest >> 56U};
  }
  return {eight_digits(v) >> (8U * (8U - n)), 0};
}

}  // namespace

void shortest_float_digits(std::uint32_t bits, std::uint32_t& digits, int& exp10) noexcept {
  ryu32::shortest(bits, digits, exp10);
}

FloatText shortest_float_text(float value) noexcept {
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  std::uint32_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const bool negative = (bits >> 31U) != 0;
  bits &= 0x7FFFFFFFU;
  // The forms with a decimal point inside or before the digits ("0.82",
  // "0.0012", "12.5": every score) and whole numbers below 2^24 ("1",
  // "200"), made from Ryu's digits in two words as std::to_chars's plain form
  // writes them: fixed notation when it is not longer than scientific.
  // Scientific notation, larger whole numbers, zero and what is not finite
  // go the general way below.
  if (bits != 0 && bits < 0x7F800000U) {
    std::uint32_t v = 0;
    int e = 0;
    ryu32::shortest(bits, v, e);
    const auto n = static_cast<unsigned>(decimal_length(v));
    const int point = e + static_cast<int>(n);  // digits before the point (<= 0: none)
    Chars c;
    std::size_t size = 0;
    if (point <= 0) {
      // "0." then -point zeros then the digits: n + 2 - point chars against
      // scientific's n + 4 (n + 5 with a point after the first digit).
      if (2 - point <= (n > 1 ? 5 : 4)) {
        const auto s = static_cast<unsigned>(2 - point);
        c = first_chars({0x3030303030302E30ULL, 0}, s) | shifted_up(digits_of(v, n), s);
        size = s + n;
      }
    } else if (static_cast<unsigned>(point) < n) {
      // Digits, a point, digits: n + 1 chars, always shorter than scientific.
      const Chars d = digits_of(v, n);
      const auto w = static_cast<unsigned>(point);
      c = first_chars(d, w) | shifted_up({'.', 0}, w) | shifted_up(shifted_down(d, w), w + 1U);
      size = n + 1;
    } else if (bits < 0x4B800000U && static_cast<unsigned>(point) <= n + (n > 1 ? 5U : 4U)) {
      // A whole number below 2^24 (every float there that reads as a whole
      // number is one, its exact digits the shortest ones and zeros), not
      // longer than scientific: the digits and point - n <= 5 zeros.
      c = digits_of(v, n) |
          shifted_up(first_chars({0x3030303030303030ULL, 0}, static_cast<unsigned>(point) - n), n);
      size = static_cast<std::size_t>(point);
    }
    if (size != 0) {
      if (negative) {
        c = shifted_up(c, 1) | Chars{'-', 0};
        ++size;
      }
      // Little-endian: the first char in the lowest byte, the size in the
      // highest (a multiple of 2^56: the size times 2^56, below 2^64).
      constexpr std::uint64_t kLastChar = std::uint64_t{1} << 56U;
      return FloatText{c.lo, c.hi | (static_cast<std::uint64_t>(size) * kLastChar)};
    }
  }
#endif
  // kShortestFloatMax holds the longest float text (the unit tests write it);
  // the portable path wants kShortestDoubleMax of room.
  char buf[kShortestDoubleMax];
  char* const end = to_chars_shortest(buf, buf + sizeof buf, value);
  const auto n = static_cast<std::size_t>(end - buf);
  Ensures(n > 0 && n < kShortestFloatMax);
  unsigned char chars[kShortestFloatMax];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  std::memcpy(chars, buf, sizeof chars);
  chars[kShortestFloatMax - 1] = static_cast<unsigned char>(n);
  FloatText t{};
  std::memcpy(&t, chars, sizeof t);
  return t;
}

std::size_t shortest_float(char* out, float value) noexcept {
  const FloatText t = shortest_float_text(value);
  std::memcpy(out, &t, sizeof t);
  return t.size();
}

}  // namespace myoref::detail
