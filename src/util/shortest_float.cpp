#include "util/shortest_float.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace myoref::detail {
namespace {

// Ryu's float tables and helpers (f2s.c, the e2 < 0 half: every float below
// 2^24 in magnitude has e2 < 0).
constexpr int kPow5Bitcount = 61;

/// ceil(log2(5^e)) for 0 < e <= 3528, and 1 for e = 0.
constexpr std::int32_t pow5bits(std::int32_t e) {
  return static_cast<std::int32_t>((static_cast<std::uint32_t>(e) * 1217359U) >> 19U) + 1;
}

/// floor(log10(5^e)) for 0 <= e <= 2620.
constexpr std::uint32_t log10_pow5(std::int32_t e) {
  return (static_cast<std::uint32_t>(e) * 732923U) >> 20U;
}

/// 5^i scaled to kPow5Bitcount bits: floor(5^i / 2^(pow5bits(i) - 61)).
constexpr std::array<std::uint64_t, 47> make_pow5_split() {
  std::array<std::uint64_t, 47> table{};
  // 5^46 < 2^107: every power fits in 128 bits, as two 64-bit halves.
  std::uint64_t hi = 0;
  std::uint64_t lo = 1;
  for (int i = 0; i < 47; ++i) {
    const int bits = pow5bits(i);
    const int shift = bits - kPow5Bitcount;
    if (shift <= 0) {
      table[static_cast<std::size_t>(i)] = lo << static_cast<unsigned>(-shift);
    } else {
      table[static_cast<std::size_t>(i)] =
          (lo >> static_cast<unsigned>(shift)) | (hi << static_cast<unsigned>(64 - shift));
    }
    // (hi, lo) *= 5, as (x << 2) + x.
    const std::uint64_t lo4 = lo << 2U;
    const std::uint64_t hi4 = (hi << 2U) | (lo >> 62U);
    const std::uint64_t new_lo = lo4 + lo;
    hi = hi4 + hi + (new_lo < lo4 ? 1U : 0U);
    lo = new_lo;
  }
  return table;
}

constexpr std::array<std::uint64_t, 47> kPow5Split = make_pow5_split();
static_assert(kPow5Split[0] == 1152921504606846976U, "5^0 scaled");
static_assert(kPow5Split[4] == 1407374883553280000U, "5^4 scaled");
static_assert(kPow5Split[46] == 2019483917365790221U, "5^46 scaled");

std::uint32_t mul_shift32(std::uint32_t m, std::uint64_t factor, std::int32_t shift) {
  const auto factor_lo = static_cast<std::uint32_t>(factor);
  const auto factor_hi = static_cast<std::uint32_t>(factor >> 32U);
  const std::uint64_t bits0 = static_cast<std::uint64_t>(m) * factor_lo;
  const std::uint64_t bits1 = static_cast<std::uint64_t>(m) * factor_hi;
  const std::uint64_t sum = (bits0 >> 32U) + bits1;
  return static_cast<std::uint32_t>(sum >> static_cast<unsigned>(shift - 32));
}

std::uint32_t mul_pow5_div_pow2(std::uint32_t m, std::uint32_t i, std::int32_t j) {
  return mul_shift32(m, kPow5Split[i], j);
}

bool multiple_of_power_of2(std::uint32_t value, std::uint32_t p) {
  return (value & ((1U << p) - 1U)) == 0;
}

struct Decimal {
  std::uint32_t mantissa;
  std::int32_t exponent;
};

// Ryu's f2d for a normal float with e2 < 0 (biased exponent 1..150).
Decimal to_decimal(std::uint32_t ieee_mantissa, std::uint32_t ieee_exponent) {
  constexpr std::int32_t kBias = 127;
  constexpr std::int32_t kMantissaBits = 23;
  const std::int32_t e2 = static_cast<std::int32_t>(ieee_exponent) - kBias - kMantissaBits - 2;
  const std::uint32_t m2 = (1U << kMantissaBits) | ieee_mantissa;
  const bool accept_bounds = (m2 & 1U) == 0;

  const std::uint32_t mv = 4 * m2;
  const std::uint32_t mp = 4 * m2 + 2;
  const std::uint32_t mm_shift = ieee_mantissa != 0 || ieee_exponent <= 1 ? 1U : 0U;
  const std::uint32_t mm = 4 * m2 - 1 - mm_shift;

  bool vm_is_trailing_zeros = false;
  bool vr_is_trailing_zeros = false;
  std::uint8_t last_removed_digit = 0;
  const std::uint32_t q = log10_pow5(-e2);
  const std::int32_t e10 = static_cast<std::int32_t>(q) + e2;
  const std::int32_t i = -e2 - static_cast<std::int32_t>(q);
  const std::int32_t k = pow5bits(i) - kPow5Bitcount;
  std::int32_t j = static_cast<std::int32_t>(q) - k;
  std::uint32_t vr = mul_pow5_div_pow2(mv, static_cast<std::uint32_t>(i), j);
  std::uint32_t vp = mul_pow5_div_pow2(mp, static_cast<std::uint32_t>(i), j);
  std::uint32_t vm = mul_pow5_div_pow2(mm, static_cast<std::uint32_t>(i), j);
  if (q != 0 && (vp - 1) / 10 <= vm / 10) {
    j = static_cast<std::int32_t>(q) - 1 - (pow5bits(i + 1) - kPow5Bitcount);
    last_removed_digit =
        static_cast<std::uint8_t>(mul_pow5_div_pow2(mv, static_cast<std::uint32_t>(i + 1), j) % 10);
  }
  if (q <= 1) {
    vr_is_trailing_zeros = true;
    if (accept_bounds) {
      vm_is_trailing_zeros = mm_shift == 1;
    } else {
      --vp;
    }
  } else if (q < 31) {
    vr_is_trailing_zeros = multiple_of_power_of2(mv, q - 1);
  }

  std::int32_t removed = 0;
  std::uint32_t output = 0;
  if (vm_is_trailing_zeros || vr_is_trailing_zeros) {
    while (vp / 10 > vm / 10) {
      vm_is_trailing_zeros &= vm % 10 == 0;
      vr_is_trailing_zeros &= last_removed_digit == 0;
      last_removed_digit = static_cast<std::uint8_t>(vr % 10);
      vr /= 10;
      vp /= 10;
      vm /= 10;
      ++removed;
    }
    if (vm_is_trailing_zeros) {
      while (vm % 10 == 0) {
        vr_is_trailing_zeros &= last_removed_digit == 0;
        last_removed_digit = static_cast<std::uint8_t>(vr % 10);
        vr /= 10;
        vp /= 10;
        vm /= 10;
        ++removed;
      }
    }
    if (vr_is_trailing_zeros && last_removed_digit == 5 && vr % 2 == 0) {
      last_removed_digit = 4;  // round to even when the exact value is ...50...0
    }
    output =
        vr + ((vr == vm && (!accept_bounds || !vm_is_trailing_zeros)) || last_removed_digit >= 5
                  ? 1U
                  : 0U);
  } else {
    while (vp / 10 > vm / 10) {
      last_removed_digit = static_cast<std::uint8_t>(vr % 10);
      vr /= 10;
      vp /= 10;
      vm /= 10;
      ++removed;
    }
    output = vr + (vr == vm || last_removed_digit >= 5 ? 1U : 0U);
  }
  return Decimal{output, e10 + removed};
}

int decimal_length(std::uint32_t v) {
  int n = 1;
  for (std::uint32_t bound = 10; n < 10 && v >= bound; bound *= 10)
    ++n;
  return n;
}

/// "00", "01", ..., "99".
constexpr std::array<char, 200> make_digit_pairs() {
  std::array<char, 200> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[static_cast<std::size_t>(2 * i)] = static_cast<char>('0' + i / 10);
    pairs[static_cast<std::size_t>(2 * i + 1)] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}
constexpr std::array<char, 200> kDigitPairs = make_digit_pairs();

/// Writes the n decimal digits of v to [out, out + n).
void write_digits(char* out, std::uint32_t v, int n) {
  char* p = out + n;
  while (v >= 100) {
    const std::uint32_t pair = v % 100;
    v /= 100;
    p -= 2;
    p[0] = kDigitPairs[2 * pair];
    p[1] = kDigitPairs[2 * pair + 1];
  }
  if (v >= 10) {
    p -= 2;
    p[0] = kDigitPairs[2 * v];
    p[1] = kDigitPairs[2 * v + 1];
  } else {
    *--p = static_cast<char>('0' + v);
  }
}

}  // namespace

std::size_t shortest_float(char* out, float value) noexcept {
  std::uint32_t bits = 0;
  static_assert(sizeof bits == sizeof value, "a float is 32 bits");
  std::memcpy(&bits, &value, sizeof bits);
  const std::uint32_t ieee_mantissa = bits & ((1U << 23U) - 1U);
  const std::uint32_t ieee_exponent = (bits >> 23U) & 0xFFU;
  // Zero, subnormals, 2^24 and above, infinities and NaN: std::to_chars.
  if (ieee_exponent == 0 || ieee_exponent > 150) {
    const auto r = std::to_chars(out, out + kShortestFloatMax, value);
    return static_cast<std::size_t>(r.ptr - out);
  }
  char* p = out;
  if ((bits >> 31U) != 0)
    *p++ = '-';
  const Decimal d = to_decimal(ieee_mantissa, ieee_exponent);
  const int n = decimal_length(d.mantissa);
  const int e = d.exponent;                   // value = mantissa * 10^e
  const int scientific_exponent = e + n - 1;  // value = m.mmm * 10^scientific_exponent

  // std::to_chars writes the shorter of the fixed and the scientific forms,
  // the fixed one on a tie.
  const int fixed_length = e >= 0 ? n + e : (n + e > 0 ? n + 1 : 2 - e);
  const int exponent_digits = scientific_exponent >= 100 || scientific_exponent <= -100 ? 3 : 2;
  const int scientific_length = n + (n > 1 ? 1 : 0) + 2 + exponent_digits;
  if (fixed_length <= scientific_length) {
    if (e >= 0) {
      write_digits(p, d.mantissa, n);
      p += n;
      for (int i = 0; i < e; ++i)
        *p++ = '0';
    } else if (n + e > 0) {
      // The digits one place to the right, then the whole part back over the
      // place of the point.
      const int whole = n + e;
      write_digits(p + 1, d.mantissa, n);
      for (int i = 0; i < whole; ++i)
        p[i] = p[i + 1];
      p[whole] = '.';
      p += n + 1;
    } else {
      *p++ = '0';
      *p++ = '.';
      for (int i = -(n + e); i > 0; --i)
        *p++ = '0';
      write_digits(p, d.mantissa, n);
      p += n;
    }
  } else {
    write_digits(p + 1, d.mantissa, n);
    p[0] = p[1];
    if (n > 1) {
      p[1] = '.';
      p += n + 1;
    } else {
      p += 1;
    }
    *p++ = 'e';
    int x = scientific_exponent;
    *p++ = x < 0 ? '-' : '+';
    if (x < 0)
      x = -x;
    if (x >= 100) {
      *p++ = static_cast<char>('0' + x / 100);
      x %= 100;
    }
    *p++ = kDigitPairs[static_cast<std::size_t>(2 * x)];
    *p++ = kDigitPairs[static_cast<std::size_t>(2 * x + 1)];
  }
  return static_cast<std::size_t>(p - out);
}

}  // namespace myoref::detail
