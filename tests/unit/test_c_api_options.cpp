// Options structs that only grow (bindings/c/c_api_options.hpp, libgit2's
// rule): a caller built against an older header passes a smaller struct with
// an older version, and the library reads only the members that layout has.
// Checked on a struct with two layouts, as a public struct will have once it
// grows: the version-1 caller's struct is allocated at its own size, so a read
// past it would be caught by ASan (make sanitize).
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstring>
#include <memory>

#include "c_api_options.hpp"

namespace {

// Version 2 of an options struct: version 1 ended before `added`.
struct TwoLayouts {
  unsigned version;
  int first;
  int second;
  int added;  // new in version 2
};
constexpr std::size_t kLayouts[] = {offsetof(TwoLayouts, added), sizeof(TwoLayouts)};

struct Read {
  int first = 10;
  int second = 20;
  int added = 30;  // the defaults
};

// What the library does with a caller's struct of `size` bytes.
bool read(const TwoLayouts* c, Read& out) {
  const std::size_t size = myoref::capi::options_layout_size(c->version, kLayouts);
  if (size == 0) {
    return false;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, first)) {
    out.first = c->first;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, second)) {
    out.second = c->second;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, added)) {
    out.added = c->added;
  }
  return true;
}

}  // namespace

TEST_CASE("an older caller's options struct still works", "[c_api][options]") {
  // The version-1 caller's struct, exactly as large as its layout.
  const std::size_t v1_size = kLayouts[0];
  const auto storage = std::make_unique<unsigned char[]>(v1_size);
  const unsigned version = 1;
  const int first = 1;
  const int second = 2;
  std::memcpy(storage.get() + offsetof(TwoLayouts, version), &version, sizeof version);
  std::memcpy(storage.get() + offsetof(TwoLayouts, first), &first, sizeof first);
  std::memcpy(storage.get() + offsetof(TwoLayouts, second), &second, sizeof second);
  Read out;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): as a C caller's struct arrives
  REQUIRE(read(reinterpret_cast<const TwoLayouts*>(storage.get()), out));
  CHECK(out.first == 1);
  CHECK(out.second == 2);
  CHECK(out.added == 30);  // not in version 1: the default
}

TEST_CASE("a current caller's options struct is read whole", "[c_api][options]") {
  const TwoLayouts c{2, 1, 2, 3};
  Read out;
  REQUIRE(read(&c, out));
  CHECK(out.added == 3);
}

TEST_CASE("version 0 and versions newer than the library's are refused", "[c_api][options]") {
  CHECK(myoref::capi::options_layout_size(0, kLayouts) == 0);
  CHECK(myoref::capi::options_layout_size(3, kLayouts) == 0);
  CHECK(myoref::capi::options_layout_size(1, kLayouts) == offsetof(TwoLayouts, added));
  CHECK(myoref::capi::options_version_message("options", 3, 2) ==
        "options version 3 is newer than this library's (it knows 1 to 2)");
  CHECK(myoref::capi::options_version_message("options", 0, 2) ==
        "options version 0 is not a version (they start at 1)");
}
