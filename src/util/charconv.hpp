// Numbers as text, the same bytes on every build.
//
// The writers print a floating-point number as its shortest round-trip text,
// in the form std::to_chars(first, last, value) chooses (plain notation or
// scientific, whichever is shorter, plain on a tie: "0.6", "200", "1e-05"),
// and the JSON reader reads a number's text exactly (std::from_chars). Some
// standard libraries have no floating-point to_chars/from_chars (libc++ as
// shipped with emscripten 3.1.6, for the WebAssembly build): there the
// portable functions below stand in. They are compiled on every build, so
// that the unit tests check them against the standard library's on the native
// build (tests/unit/test_charconv.cpp).
#ifndef MYOREF_SRC_UTIL_CHARCONV_HPP
#define MYOREF_SRC_UTIL_CHARCONV_HPP

#include <charconv>
#include <cstddef>
#include <system_error>

#if !defined(MYOREF_PORTABLE_CHARCONV) && !defined(__cpp_lib_to_chars)
#define MYOREF_PORTABLE_CHARCONV 1
#endif

namespace myoref::detail {

/// Room for the longest text written for a double ("-2.2250738585072014e-308").
inline constexpr std::size_t kShortestDoubleMax = 32;

/// The shortest round-trip text of a finite `value`, as std::to_chars(first,
/// last, value) writes it, by way of the C library's correctly rounded
/// snprintf("%.*e") and strtod/strtof. `last - first` must be at least
/// kShortestDoubleMax. Returns the end of the text.
char* portable_to_chars(char* first, char* last, double value) noexcept;
char* portable_to_chars(char* first, char* last, float value) noexcept;

/// Reads the text of a JSON number exactly, as std::from_chars(first, last,
/// out) does for such text: std::errc() and the whole text read, or
/// std::errc::result_out_of_range (out untouched) when the value overflows or
/// underflows to zero, or std::errc::invalid_argument.
std::errc portable_from_chars(const char* first, const char* last, double& out) noexcept;

/// The standard library's conversion where it has one, else the portable one.
inline char* to_chars_shortest(char* first, char* last, double value) noexcept {
#if MYOREF_PORTABLE_CHARCONV
  return portable_to_chars(first, last, value);
#else
  return std::to_chars(first, last, value).ptr;
#endif
}
inline char* to_chars_shortest(char* first, char* last, float value) noexcept {
#if MYOREF_PORTABLE_CHARCONV
  return portable_to_chars(first, last, value);
#else
  return std::to_chars(first, last, value).ptr;
#endif
}

/// std::from_chars on a whole JSON number's text: see portable_from_chars.
inline std::errc from_chars_exact(const char* first, const char* last, double& out) noexcept {
#if MYOREF_PORTABLE_CHARCONV
  return portable_from_chars(first, last, out);
#else
  const auto r = std::from_chars(first, last, out);
  if (r.ec == std::errc() && r.ptr != last)
    return std::errc::invalid_argument;
  return r.ec;
#endif
}

}  // namespace myoref::detail

#endif  // MYOREF_SRC_UTIL_CHARCONV_HPP
