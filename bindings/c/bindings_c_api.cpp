// The C API: a thin skin over the C++ core. Every extern "C" body goes
// through one exception firewall (see firewall below).
#include "myoref/myoref.h"

extern "C" {

const char* myoref_version(void) { return MYOREF_VERSION_STRING; }

int myoref_version_number(void) { return MYOREF_VERSION_NUMBER; }

}  // extern "C"
