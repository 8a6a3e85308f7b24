// The shortest text that reads back as the same float: std::to_chars(first,
// last, value), with the room it needs named once.
#ifndef MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
#define MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP

#include <cstddef>

namespace myoref::detail {

/// Longest text shortest_float() writes ("-1.17549435e-38").
inline constexpr std::size_t kShortestFloatMax = 16;

/// Writes the shortest round-trip text of a finite `value` to `out` (room for
/// kShortestFloatMax chars) and returns the number of chars written: the text
/// of std::to_chars(out, out + kShortestFloatMax, value).
std::size_t shortest_float(char* out, float value) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
