// The shortest text that reads back as the same float: std::to_chars(first,
// last, value), with the room it needs named once, and the shortest digits
// themselves (Ryu's algorithm, which std::to_chars implementations use).
#ifndef MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
#define MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP

#include <cstddef>
#include <cstdint>

namespace myoref::detail {

/// Longest text shortest_float() writes ("-1.17549435e-38").
inline constexpr std::size_t kShortestFloatMax = 16;

/// Writes the shortest round-trip text of a finite `value` to `out` (room for
/// kShortestFloatMax chars) and returns the number of chars written: the text
/// of std::to_chars(out, out + kShortestFloatMax, value).
std::size_t shortest_float(char* out, float value) noexcept;

/// The shortest decimal digits (as an integer) and the power of ten of its
/// last digit of `bits`, the representation of a finite float > 0: of the
/// shortest decimals that read back as the float, the nearest (ties to an
/// even digit).
void shortest_float_digits(std::uint32_t bits, std::uint32_t& digits, int& exp10) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
