// The shortest text that reads back as the same float, as std::to_chars(first,
// last, value) writes it, only faster for the values assessments are made of.
//
// std::to_chars (libstdc++'s Ryu) costs about 300 instructions a float, and an
// assessment writes five floats per candidate. This is Ryu's float algorithm
// (Ulf Adams, "Ryu: fast float-to-string conversion", PLDI 2018) for normal
// floats of magnitude below 2^24, with std::to_chars's choice between fixed
// and scientific notation; anything else is passed to std::to_chars. The
// output equals std::to_chars's for every float: checked for every normal
// float below 2^24 in magnitude (tests/unit/test_shortest_float.cpp, with
// MYOREF_EXHAUSTIVE=1), for a sample of them on every test run.
#ifndef MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
#define MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP

#include <cstddef>

namespace myoref::detail {

/// Longest text shortest_float() writes ("-1.17549435e-38").
inline constexpr std::size_t kShortestFloatMax = 16;

/// Writes the shortest round-trip text of a finite `value` to `out` (room for
/// kShortestFloatMax chars) and returns the number of chars written; the same
/// text as std::to_chars(out, out + kShortestFloatMax, value).
std::size_t shortest_float(char* out, float value) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
