// The myoref C++ API, all of it. Link the static core (myoref_core in this
// build, or a static libmyoref) to use it; hosts of the shared library use the
// C API, or its C++ wrapper <myoref/myoref_cxx.h>.
#ifndef MYOREF_MYOREF_HPP
#define MYOREF_MYOREF_HPP

#include "myoref/assess.hpp"
#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/plan.hpp"
#include "myoref/render.hpp"
#include "myoref/types.hpp"
#include "myoref/version.h"

namespace myoref {

/// The library's version at run time ("0.1.0"); compare MYOREF_VERSION_STRING.
const char* library_version() noexcept;

}  // namespace myoref

#endif  // MYOREF_MYOREF_HPP
