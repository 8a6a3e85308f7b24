// detail::shortest_float writes exactly what std::to_chars(first, last, float)
// writes. A sample of bit patterns on every run; every one of the 2^32 with
// MYOREF_EXHAUSTIVE=1 in the environment (a few minutes).
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "util/shortest_float.hpp"

namespace {

std::string standard(float value) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

std::string ours(float value) {
  char buf[myoref::detail::kShortestFloatMax];
  return std::string(buf, myoref::detail::shortest_float(buf, value));
}

float from_bits(std::uint32_t bits) {
  float f = 0.0F;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

/// Bit patterns from `first` in steps of `step`, up to `last` (included);
/// counts the finite floats whose text differs (and reports the first few).
std::uint64_t mismatches(std::uint64_t first, std::uint64_t step,
                         std::uint64_t last = 0xFFFFFFFFU) {
  std::uint64_t bad = 0;
  for (std::uint64_t u = first; u <= last; u += step) {
    const float f = from_bits(static_cast<std::uint32_t>(u));
    if (!std::isfinite(f))
      continue;
    const std::string a = standard(f);
    const std::string b = ours(f);
    if (a != b && ++bad <= 10) {
      INFO("bits " << std::hex << u << ": std::to_chars '" << a << "', shortest_float '" << b
                   << "'");
      CHECK(a == b);
    }
  }
  return bad;
}

}  // namespace

TEST_CASE("shortest_float writes std::to_chars's text", "[json][float]") {
  for (const float f : {0.0F,
                        -0.0F,
                        1.0F,
                        -1.0F,
                        0.1F,
                        0.82F,
                        0.9F,
                        0.25F,
                        1.4000001F,
                        0.70000005F,
                        1e-5F,
                        1.5e-5F,
                        0.0001F,
                        0.001F,
                        123456.0F,
                        1e6F,
                        1048576.0F,
                        16777215.0F,
                        16777216.0F,
                        16777217.0F,
                        3.0e10F,
                        std::numeric_limits<float>::min(),
                        std::numeric_limits<float>::denorm_min(),
                        std::numeric_limits<float>::max(),
                        std::numeric_limits<float>::lowest(),
                        std::numeric_limits<float>::epsilon()}) {
    INFO(f);
    CHECK(ours(f) == standard(f));
  }
  // Every power of ten and its neighbours, where the digit count changes.
  for (int e = -45; e <= 38; ++e) {
    const float p = static_cast<float>(std::pow(10.0, e));
    for (const float f : {p, std::nextafter(p, 0.0F), std::nextafter(p, 2.0F * p)}) {
      INFO(f);
      CHECK(ours(f) == standard(f));
      CHECK(ours(-f) == standard(-f));
    }
  }
  // A sample of every bit pattern (all exponents, both signs).
  CHECK(mismatches(12345, 4099) == 0);
}

TEST_CASE("shortest_float, the forms written straight from the digits", "[json][float]") {
  // Fixed notation with the point before the digits ("0.0012": every score),
  // inside them ("1.4", "123.25") and after them (whole numbers below 2^24),
  // and where it gives way to scientific notation: the floats of [1e-5, 1],
  // of [1, 2^24) and around 2^24, on a dense sample (every bit pattern with
  // MYOREF_EXHAUSTIVE=1 below).
  const auto bits_of = [](float f) {
    std::uint32_t u = 0;
    std::memcpy(&u, &f, sizeof u);
    return std::uint64_t{u};
  };
  CHECK(mismatches(bits_of(1e-5F), 101, bits_of(1.0F)) == 0);
  CHECK(mismatches(bits_of(1.0F), 997, bits_of(16777216.0F)) == 0);
  CHECK(mismatches(bits_of(16777216.0F) - 50000, 1, bits_of(16777216.0F) + 50000) == 0);
  for (int i = 0; i <= 100000; ++i) {
    const auto f = static_cast<float>(i);
    INFO(i);
    CHECK(ours(f) == standard(f));
    CHECK(ours(-f) == standard(-f));
  }
}

TEST_CASE("shortest_float, every float", "[json][float][exhaustive]") {
  const char* exhaustive = std::getenv("MYOREF_EXHAUSTIVE");
  if (exhaustive == nullptr || std::string(exhaustive) != "1") {
    SUCCEED("set MYOREF_EXHAUSTIVE=1 to check all 2^32 bit patterns");
    return;
  }
  CHECK(mismatches(0, 1) == 0);
}
