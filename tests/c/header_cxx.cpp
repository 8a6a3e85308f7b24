// The public C header, and the C++ wrapper over it, compiled as C++17 with
// the same strict warnings.
#include <myoref/myoref.h>
#include <myoref/myoref_cxx.h>

#include <cstring>

int main() {
  myoref_plan_options options = MYOREF_PLAN_OPTIONS_INIT;
  const myoref::c::KbPtr kb = myoref::c::open_default_kb();
  if (!kb || options.version != MYOREF_PLAN_OPTIONS_VERSION) {
    return 1;
  }
  return std::strcmp(myoref_version(), MYOREF_VERSION_STRING) == 0 ? 0 : 1;
}
