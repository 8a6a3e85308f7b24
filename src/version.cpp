// The library's version, as the build knows it (MYOREF_LIBRARY_VERSION). The
// umbrella header declares it; it belongs to no layer.
#include "myoref/myoref.hpp"

namespace myoref {

const char* library_version() noexcept {
  return MYOREF_LIBRARY_VERSION;
}

}  // namespace myoref
