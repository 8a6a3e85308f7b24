// Boost.JSON compiled into the WebAssembly module from its headers (the
// library's header-only mode): Debian's libboost_json is built for the host.
#include <boost/json/src.hpp>
