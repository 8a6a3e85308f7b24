// Boost.JSON's definitions, compiled into the core when the build has Boost's
// headers but not libboost_json (MYOREF_BOOST_JSON_HEADER_ONLY: the aarch64
// cross build, WebAssembly). Built only with that option (src/CMakeLists.txt).
#include <boost/json/src.hpp>  // IWYU pragma: keep
