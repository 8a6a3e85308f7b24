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

/// Everything in the C++ API: the knowledge base (kb.hpp), assessment
/// (assess.hpp), the self-care plan (plan.hpp), pictures (render.hpp), errors
/// as values (error.hpp) and small vocabulary types (types.hpp).
namespace myoref {

/// The library's version at run time ("0.1.0"); compare MYOREF_VERSION_STRING.
const char* library_version() noexcept;

}  // namespace myoref

#endif  // MYOREF_MYOREF_HPP
