// The portable number path (util/charconv.hpp), which the WebAssembly build
// uses for want of floating-point std::to_chars/std::from_chars, writes and
// reads exactly what the standard library does, so that both builds print the
// same bytes: checked here, on the native build, against std::to_chars and
// std::from_chars on chosen values and samples of every bit pattern.
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "util/charconv.hpp"

namespace {

using myoref::detail::kShortestDoubleMax;
using myoref::detail::portable_from_chars;
using myoref::detail::portable_to_chars;

template <typename T>
std::string standard(T value) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

template <typename T>
std::string portable(T value) {
  char buf[kShortestDoubleMax];
  return std::string(buf, portable_to_chars(buf, buf + sizeof buf, value));
}

template <typename T, typename Bits>
T from_bits(Bits bits) {
  T f{};
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

/// Checks `value` both ways: the text, and reading it back.
template <typename T>
bool same(T value) {
  if (!std::isfinite(value))
    return true;  // never written: the writers refuse infinities
  const std::string a = standard(value);
  const std::string b = portable(value);
  if (a != b) {
    INFO("std::to_chars '" << a << "', portable '" << b << "'");
    CHECK(a == b);
    return false;
  }
  double ours = 0.0;
  double theirs = 0.0;
  const auto r = std::from_chars(a.data(), a.data() + a.size(), theirs);
  const std::errc e = portable_from_chars(a.data(), a.data() + a.size(), ours);
  if (r.ec != e || (e == std::errc() && std::memcmp(&ours, &theirs, sizeof ours) != 0)) {
    INFO("reading '" << a << "'");
    CHECK(false);
    return false;
  }
  return true;
}

}  // namespace

TEST_CASE("portable_to_chars writes std::to_chars's text", "[charconv]") {
  for (const double d : {0.0,
                         -0.0,
                         1.0,
                         0.1,
                         0.3,
                         0.7,
                         0.82,
                         12.5,
                         200.0,
                         1e-5,
                         0.0001,
                         0.001,
                         123456789.0,
                         1e21,
                         1e22,
                         123456789012345680000.0,
                         5e-324,
                         std::numeric_limits<double>::min(),
                         std::numeric_limits<double>::max(),
                         std::numeric_limits<double>::lowest(),
                         std::numeric_limits<double>::epsilon()}) {
    INFO(d);
    CHECK(same(d));
    CHECK(same(static_cast<float>(d)));
  }
  // Powers of ten and of two and their neighbours: where digit counts change
  // and where the gap below a value is half the gap above it.
  for (int e = -320; e <= 308; ++e) {
    const double p = std::pow(10.0, e);
    for (const double d : {p, std::nextafter(p, 0.0), std::nextafter(p, 2.0 * p)}) {
      CHECK(same(d));
      CHECK(same(-d));
      CHECK(same(static_cast<float>(d)));
    }
  }
  for (int e = -1074; e <= 1023; ++e) {
    const double p = std::ldexp(1.0, e);
    CHECK(same(p));
    CHECK(same(std::nextafter(p, 0.0)));
    CHECK(same(static_cast<float>(p)));
  }
}

TEST_CASE("portable_to_chars, samples of every float and double", "[charconv]") {
  int bad = 0;
  for (std::uint64_t u = 7; u <= 0xFFFFFFFFU && bad < 10; u += 65521) {
    const auto f = from_bits<float>(static_cast<std::uint32_t>(u));
    if (std::isfinite(f) && !same(f))
      ++bad;
  }
  std::mt19937_64 random(20261207);
  for (int i = 0; i < 200000 && bad < 10; ++i) {
    const auto d = from_bits<double>(random());
    if (std::isfinite(d) && !same(d))
      ++bad;
  }
  // Short decimals, as the knowledge base and the intakes write them.
  for (int i = 0; i < 200000 && bad < 10; ++i) {
    const double d = static_cast<double>(random() % 2000001) / 1000.0;
    if (!same(d) || !same(static_cast<float>(d)))
      ++bad;
  }
  CHECK(bad == 0);
}

TEST_CASE("portable_from_chars reads as std::from_chars does", "[charconv]") {
  for (const char* text : {"0", "-0", "0.1", "1e400", "-1e400", "1e-400", "2.5e-320", "12.50",
                           "0.30000000000000004", "9007199254740993", "1E+2", "-12.5e-3"}) {
    INFO(text);
    const std::size_t n = std::strlen(text);
    double ours = 1.5;
    double theirs = 1.5;
    const auto r = std::from_chars(text, text + n, theirs);
    const std::errc e = portable_from_chars(text, text + n, ours);
    CHECK(static_cast<int>(e) == static_cast<int>(r.ec));
    if (e == std::errc())
      CHECK(std::memcmp(&ours, &theirs, sizeof ours) == 0);
  }
  // Where Clinger's fast path (digits below 2^53, a power of ten within 22)
  // ends and strtod takes over, both sides of each edge.
  for (const char* text :
       {"9007199254740991", "9007199254740992", "9007199254740991e1", "900719925474099.15", "1e22",
        "1e23", "1e-22", "1e-23", "4.35e-20", "123456789012345.6e-22", "-0.0",
        "0.000000000000000000001", "1.7976931348623157e308", "4.9e-324", "5e-324"}) {
    INFO(text);
    const std::size_t n = std::strlen(text);
    double ours = 1.5;
    double theirs = 1.5;
    const auto r = std::from_chars(text, text + n, theirs);
    CHECK(static_cast<int>(portable_from_chars(text, text + n, ours)) == static_cast<int>(r.ec));
    CHECK(std::memcmp(&ours, &theirs, sizeof ours) == 0);
  }
  // Short decimals with every power of ten the fast path takes, and beyond.
  std::mt19937_64 random(20261208);
  int bad = 0;
  for (int i = 0; i < 100000 && bad < 10; ++i) {
    const std::string text = std::to_string(random() % 100000000) + "e" +
                             std::to_string(static_cast<int>(random() % 61) - 30);
    double ours = 1.5;
    double theirs = 1.5;
    std::from_chars(text.data(), text.data() + text.size(), theirs);
    portable_from_chars(text.data(), text.data() + text.size(), ours);
    if (std::memcmp(&ours, &theirs, sizeof ours) != 0) {
      INFO(text);
      CHECK(false);
      ++bad;
    }
  }
  CHECK(bad == 0);
  double out = 0.0;
  const std::string trailing = "1.5x";
  CHECK(portable_from_chars(trailing.data(), trailing.data() + trailing.size(), out) ==
        std::errc::invalid_argument);
}
