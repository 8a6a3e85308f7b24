// Options structs that only grow (libgit2's rule): every options struct starts
// with `unsigned version`, new members are only ever added at its end, and
// the layout version goes up by one with each addition. A caller compiled
// against an older header passes a smaller struct with an older version; the
// library reads only the members that layout has and takes the defaults for
// the rest, so the older caller keeps working. A version of 0 or one newer
// than the library's is refused.
//
//   constexpr std::size_t kPlanLayouts[] = {sizeof(myoref_plan_options)};  // v1
//   const std::size_t size = options_layout_size(c->version, kPlanLayouts);
//   if (size == 0) -> refuse (options_version_message)
//   if (MYOREF_OPTION_IN_LAYOUT(c, size, relief_points)) o.relief_points = c->relief_points;
//
// When a struct grows, its table gains the new size, e.g.
// {offsetof(myoref_x_options, first_new_member), sizeof(myoref_x_options)}.
// Header-only (tests/unit/test_c_api_options.cpp checks it on a struct with
// two layouts).
#ifndef MYOREF_BINDINGS_C_API_OPTIONS_HPP
#define MYOREF_BINDINGS_C_API_OPTIONS_HPP

#include <cstddef>
#include <string>
#include <type_traits>

namespace myoref::capi {

/// The size of layout `version` (1-based) in `layouts` (sizes by version,
/// oldest first), or 0 when the version is 0 or newer than the last one.
template <std::size_t N>
constexpr std::size_t options_layout_size(unsigned version,
                                          const std::size_t (&layouts)[N]) noexcept {
  return version >= 1 && version <= N ? layouts[version - 1] : 0;
}

/// Why a version is refused, for the error message.
inline std::string options_version_message(const char* what, unsigned version, std::size_t known) {
  return std::string(what) + " version " + std::to_string(version) +
         (version == 0
              ? " is not a version (they start at 1)"
              : " is newer than this library's (it knows 1 to " + std::to_string(known) + ")");
}

/// Where a member of type M that starts at `offset` ends.
template <class T, class M>
constexpr std::size_t member_end(std::size_t offset, M T::* /*member*/) noexcept {
  return offset + sizeof(M);
}

}  // namespace myoref::capi

/// Whether `member` of the options struct `*c` lies wholly within the
/// caller's layout of `size` bytes (so that reading it stays within what the
/// caller passed).
#define MYOREF_OPTION_IN_LAYOUT(c, size, member)                               \
  (::myoref::capi::member_end(                                                 \
       offsetof(std::remove_cv_t<std::remove_pointer_t<decltype(c)>>, member), \
       &std::remove_cv_t<std::remove_pointer_t<decltype(c)>>::member) <= (size))

#endif  // MYOREF_BINDINGS_C_API_OPTIONS_HPP
