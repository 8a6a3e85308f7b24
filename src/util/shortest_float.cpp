#include "util/shortest_float.hpp"

#include <charconv>

#include <gsl/assert>

namespace myoref::detail {

std::size_t shortest_float(char* out, float value) noexcept {
  const auto [end, ec] = std::to_chars(out, out + kShortestFloatMax, value);
  // kShortestFloatMax holds the longest float text (the unit tests write it).
  Ensures(ec == std::errc());
  return static_cast<std::size_t>(end - out);
}

}  // namespace myoref::detail
