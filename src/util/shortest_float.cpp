#include "util/shortest_float.hpp"

#include "util/charconv.hpp"

#include <cstring>

#include <gsl/assert>

namespace myoref::detail {

std::size_t shortest_float(char* out, float value) noexcept {
  // kShortestFloatMax holds the longest float text (the unit tests write it);
  // the portable path wants kShortestDoubleMax of room.
  char buf[kShortestDoubleMax];
  char* const end = to_chars_shortest(buf, buf + sizeof buf, value);
  const auto n = static_cast<std::size_t>(end - buf);
  Ensures(n > 0 && n <= kShortestFloatMax);
  std::memcpy(out, buf, n);
  return n;
}

}  // namespace myoref::detail
