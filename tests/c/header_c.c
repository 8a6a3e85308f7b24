/* The public C header on its own, compiled as strict C (C99 and C11 builds of
 * this file are made with -Wall -Wextra -pedantic -Werror). */
#include <myoref/myoref.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  const char* v = myoref_version();
  if (strcmp(v, MYOREF_VERSION_STRING) != 0) {
    fprintf(stderr, "runtime version %s differs from header version %s\n", v, MYOREF_VERSION_STRING);
    return 1;
  }
  if (myoref_version_number() != MYOREF_VERSION_NUMBER || !MYOREF_VERSION_CHECK(0, 1, 0)) {
    fprintf(stderr, "version number mismatch\n");
    return 1;
  }
  return 0;
}
