// The shortest text that reads back as the same float: std::to_chars(first,
// last, value), with the room it needs named once, and the shortest digits
// themselves (Ryu's algorithm, which std::to_chars implementations use).
#ifndef MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
#define MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace myoref::detail {

/// The room shortest_float() writes in: the longest text ("-1.17549435e-38",
/// 15 chars) and one more.
inline constexpr std::size_t kShortestFloatMax = 16;

/// Writes the shortest round-trip text of a finite `value` to `out` (room for
/// kShortestFloatMax chars, all of which it may write) and returns the number
/// of chars of the text: the text of std::to_chars(out, out +
/// kShortestFloatMax, value).
std::size_t shortest_float(char* out, float value) noexcept;

/// The text of shortest_float() in two words, returned in registers, so that
/// a writer can keep it and copy it as one 16-byte store rather than char by
/// char: the text is the first size() of the 16 chars of the words in memory
/// order, and the last char is its size (a float's text has at most 15).
/// No member initializers: a writer keeps a table of them, written before it
/// is read.
// NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
struct FloatText {
  std::uint64_t lo;
  std::uint64_t hi;

  std::size_t size() const noexcept {
    unsigned char chars[16];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
    std::memcpy(chars, this, sizeof chars);
    return chars[15];
  }
};
static_assert(sizeof(FloatText) == kShortestFloatMax);

/// shortest_float()'s text, as a FloatText.
FloatText shortest_float_text(float value) noexcept;

/// The shortest decimal digits (as an integer) and the power of ten of its
/// last digit of `bits`, the representation of a finite float > 0: of the
/// shortest decimals that read back as the float, the nearest (ties to an
/// even digit).
void shortest_float_digits(std::uint32_t bits, std::uint32_t& digits, int& exp10) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_UTIL_SHORTEST_FLOAT_HPP
