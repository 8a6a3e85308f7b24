/* Uses the installed myoref through its public header only. */
#include <myoref/myoref.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  if (strcmp(myoref_version(), MYOREF_VERSION_STRING) != 0) {
    fprintf(stderr, "header and library versions differ\n");
    return 1;
  }
  printf("myoref %s\n", myoref_version());
  return 0;
}
