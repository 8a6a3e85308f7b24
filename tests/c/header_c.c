/* The public C header on its own, compiled as strict C (C99 and C11 builds of
 * this file are made with -Wall -Wextra -pedantic -Werror). It uses each kind
 * of thing the header declares: macros, enums, the options struct and its
 * _INIT macro, the error struct, and a function of each family. */
#include <myoref/myoref.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  const char* v = myoref_version();
  myoref_plan_options options = MYOREF_PLAN_OPTIONS_INIT;
  int side = MYOREF_SIDE_LEFT;
  int level = MYOREF_TRIAGE_URGENT;
  int onset = MYOREF_ONSET_GRADUAL;
  int rule = MYOREF_AGE_RULE_APPLIES;
  int status = MYOREF_PLAN_MAINTENANCE;
  const myoref_error* error = myoref_last_error();
  myoref_kb* kb = NULL;
  size_t nts = MYOREF_NTS;

  if (strcmp(v, MYOREF_VERSION_STRING) != 0) {
    fprintf(stderr, "runtime version %s differs from header version %s\n", v,
            MYOREF_VERSION_STRING);
    return 1;
  }
  if (myoref_version_number() != MYOREF_VERSION_NUMBER || !MYOREF_VERSION_CHECK(0, 1, 0)) {
    fprintf(stderr, "version number mismatch\n");
    return 1;
  }
  if (error == NULL || error->code != MYOREF_OK || options.version != MYOREF_PLAN_OPTIONS_VERSION ||
      nts != (size_t)-1) {
    fprintf(stderr, "unexpected initial state\n");
    return 1;
  }
  if (strcmp(myoref_side_name(side), "left") != 0 ||
      strcmp(myoref_triage_level_name(level), "urgent") != 0 ||
      strcmp(myoref_onset_name(onset), "gradual") != 0 ||
      strcmp(myoref_age_rule_name(rule), "applies") != 0 ||
      strcmp(myoref_plan_status_name(status), "maintenance") != 0) {
    fprintf(stderr, "enum names differ\n");
    return 1;
  }
  if (myoref_kb_open_default(&kb) != MYOREF_OK || myoref_kb_region_count(kb) == 0) {
    fprintf(stderr, "cannot open the default knowledge base: %s\n", myoref_last_error()->message);
    return 1;
  }
  myoref_kb_free(kb);
  return 0;
}
