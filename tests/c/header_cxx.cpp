// The public C header compiled as C++17, with the same strict warnings.
#include <myoref/myoref.h>

#include <cstring>

int main() {
  return std::strcmp(myoref_version(), MYOREF_VERSION_STRING) == 0 ? 0 : 1;
}
