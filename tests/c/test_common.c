/* C API: status codes, versions, names, strings and the last-error record. */
#include "check.h"

static void test_status_codes_are_pinned(void) {
  /* These values are the ABI: they never change. */
  CHECK(MYOREF_OK == 0);
  CHECK(MYOREF_EINVAL == -1);
  CHECK(MYOREF_EPARSE == -2);
  CHECK(MYOREF_EINPUT == -3);
  CHECK(MYOREF_ELIMIT == -4);
  CHECK(MYOREF_EREFUSED == -5);
  CHECK(MYOREF_EMISMATCH == -6);
  CHECK(MYOREF_EINTEGRITY == -7);
  CHECK(MYOREF_EVERSION == -8);
  CHECK(MYOREF_ENOTFOUND == -9);
  CHECK(MYOREF_ENOMEM == -10);
  CHECK(MYOREF_EINTERNAL == -11);
  CHECK(MYOREF_EMISUSE == -12);
  CHECK(MYOREF_NTS == (size_t)-1);
  CHECK(MYOREF_JSON_PRETTY == 1u);

  CHECK(MYOREF_SIDE_NONE == 0 && MYOREF_SIDE_LEFT == 1 && MYOREF_SIDE_RIGHT == 2);
  CHECK(MYOREF_TRIAGE_SELF_CARE == 0 && MYOREF_TRIAGE_SEE_CLINICIAN == 1 &&
        MYOREF_TRIAGE_URGENT == 2 && MYOREF_TRIAGE_EMERGENCY == 3);
  CHECK(MYOREF_ONSET_UNKNOWN == 0 && MYOREF_ONSET_SUDDEN == 1 && MYOREF_ONSET_GRADUAL == 2);
  CHECK(MYOREF_AGE_RULE_NOT_APPLICABLE == 0 && MYOREF_AGE_RULE_APPLIES == 1 &&
        MYOREF_AGE_RULE_APPLIES_DURATION_UNKNOWN == 2 && MYOREF_AGE_RULE_AGE_UNKNOWN == 3);
  CHECK(MYOREF_PLAN_ACTIVE == 0 && MYOREF_PLAN_MAINTENANCE == 1 &&
        MYOREF_PLAN_STOPPED_SEEK_CARE == 2 && MYOREF_PLAN_EXHAUSTED == 3);
}

static void test_status_names(void) {
  CHECK_STR(myoref_status_name(MYOREF_OK), "ok");
  CHECK_STR(myoref_status_name(MYOREF_EINVAL), "invalid_argument");
  CHECK_STR(myoref_status_name(MYOREF_EPARSE), "parse");
  CHECK_STR(myoref_status_name(MYOREF_EINPUT), "invalid_input");
  CHECK_STR(myoref_status_name(MYOREF_ELIMIT), "limit_exceeded");
  CHECK_STR(myoref_status_name(MYOREF_EREFUSED), "safety_refusal");
  CHECK_STR(myoref_status_name(MYOREF_EMISMATCH), "kb_mismatch");
  CHECK_STR(myoref_status_name(MYOREF_EINTEGRITY), "integrity");
  CHECK_STR(myoref_status_name(MYOREF_EVERSION), "unsupported_version");
  CHECK_STR(myoref_status_name(MYOREF_ENOTFOUND), "not_found");
  CHECK_STR(myoref_status_name(MYOREF_ENOMEM), "out_of_memory");
  CHECK_STR(myoref_status_name(MYOREF_EINTERNAL), "internal");
  CHECK_STR(myoref_status_name(MYOREF_EMISUSE), "misuse");
  CHECK_STR(myoref_status_name(1), "unknown");
  CHECK_STR(myoref_status_name(-13), "unknown");
}

static void test_versions(void) {
  CHECK_STR(myoref_version(), MYOREF_VERSION_STRING);
  CHECK(myoref_version_number() == MYOREF_VERSION_NUMBER);
  CHECK(MYOREF_VERSION_CHECK(MYOREF_VERSION_MAJOR, MYOREF_VERSION_MINOR, MYOREF_VERSION_PATCH));
}

static void test_enum_names(void) {
  CHECK_STR(myoref_side_name(MYOREF_SIDE_NONE), "none");
  CHECK_STR(myoref_side_name(MYOREF_SIDE_LEFT), "left");
  CHECK_STR(myoref_side_name(MYOREF_SIDE_RIGHT), "right");
  CHECK(myoref_side_name(3) == NULL);
  CHECK(myoref_side_name(-1) == NULL);

  CHECK_STR(myoref_triage_level_name(MYOREF_TRIAGE_SELF_CARE), "self_care");
  CHECK_STR(myoref_triage_level_name(MYOREF_TRIAGE_SEE_CLINICIAN), "see_clinician");
  CHECK_STR(myoref_triage_level_name(MYOREF_TRIAGE_URGENT), "urgent");
  CHECK_STR(myoref_triage_level_name(MYOREF_TRIAGE_EMERGENCY), "emergency");
  CHECK(myoref_triage_level_name(4) == NULL);
  CHECK(myoref_triage_level_name(MYOREF_EINVAL) == NULL);

  CHECK_STR(myoref_onset_name(MYOREF_ONSET_UNKNOWN), "unknown");
  CHECK_STR(myoref_onset_name(MYOREF_ONSET_SUDDEN), "sudden");
  CHECK_STR(myoref_onset_name(MYOREF_ONSET_GRADUAL), "gradual");
  CHECK(myoref_onset_name(3) == NULL);
  CHECK(myoref_onset_name(-1) == NULL);

  CHECK_STR(myoref_age_rule_name(MYOREF_AGE_RULE_NOT_APPLICABLE), "not_applicable");
  CHECK_STR(myoref_age_rule_name(MYOREF_AGE_RULE_APPLIES), "applies");
  CHECK_STR(myoref_age_rule_name(MYOREF_AGE_RULE_APPLIES_DURATION_UNKNOWN),
            "applies_duration_unknown");
  CHECK_STR(myoref_age_rule_name(MYOREF_AGE_RULE_AGE_UNKNOWN), "age_unknown");
  CHECK(myoref_age_rule_name(4) == NULL);
  CHECK(myoref_age_rule_name(-1) == NULL);

  CHECK_STR(myoref_plan_status_name(MYOREF_PLAN_ACTIVE), "active");
  CHECK_STR(myoref_plan_status_name(MYOREF_PLAN_MAINTENANCE), "maintenance");
  CHECK_STR(myoref_plan_status_name(MYOREF_PLAN_STOPPED_SEEK_CARE), "stopped_seek_care");
  CHECK_STR(myoref_plan_status_name(MYOREF_PLAN_EXHAUSTED), "exhausted");
  CHECK(myoref_plan_status_name(4) == NULL);
  CHECK(myoref_plan_status_name(-1) == NULL);
}

static void test_free_functions_accept_null(void) {
  myoref_string_free(NULL);
  myoref_kb_free(NULL);
  myoref_intake_free(NULL);
  myoref_assessment_free(NULL);
  myoref_plan_free(NULL);
  CHECK(1);
}

static void test_last_error_record(void) {
  const myoref_error* e;
  myoref_kb* kb = NULL;
  size_t index = 0;

  /* Clean: the static "no error" record, never NULL. */
  myoref_last_error_clear();
  e = myoref_last_error();
  CHECK(e != NULL);
  CHECK(e->code == MYOREF_OK);
  CHECK_STR(e->message, "no error");
  CHECK_STR(e->path, "");
  CHECK(e->diagnostic_count == 0);
  CHECK(myoref_last_error_diagnostic_path(0) == NULL);
  CHECK(myoref_last_error_diagnostic_message(0) == NULL);

  /* A failure sets it, naming the function and the argument. */
  CHECK_STATUS(myoref_kb_open_default(NULL), MYOREF_EINVAL);
  e = myoref_last_error();
  CHECK(e->code == MYOREF_EINVAL);
  CHECK_STR(e->message, "myoref_kb_open_default: argument 'out' is NULL");
  CHECK_STR(e->path, "");
  CHECK(e->diagnostic_count == 0);

  /* Reading the record does not change it. */
  CHECK(myoref_last_error_diagnostic_path(0) == NULL);
  CHECK(myoref_last_error()->code == MYOREF_EINVAL);

  /* Functions that never fail leave it alone. */
  CHECK_STR(myoref_version(), MYOREF_VERSION_STRING);
  CHECK_STR(myoref_status_name(MYOREF_OK), "ok");
  myoref_string_free(NULL);
  CHECK(myoref_last_error()->code == MYOREF_EINVAL);

  /* A success resets it. */
  CHECK_OK(myoref_kb_open_default(&kb));
  CHECK(myoref_last_error()->code == MYOREF_OK);
  CHECK_STR(myoref_last_error()->message, "no error");

  /* Errors with diagnostics: every problem, with its JSON path. */
  CHECK_STATUS(myoref_kb_find_region(&index, kb, "buttock_uper", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "buttock_uper");
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'buttock_upper'?");
  {
    char* json = NULL;
    const char* bad =
        "{\"pain\": [{\"region\": \"calf\", \"side\": \"left\", \"intensity\": 11},"
        " {\"region\": \"sacrum\", \"side\": \"left\", \"intensity\": 2}]}";
    CHECK_STATUS(myoref_assess_json(&json, kb, bad, strlen(bad)), MYOREF_EINPUT);
    CHECK(json == NULL);
    e = myoref_last_error();
    CHECK(e->diagnostic_count == 2);
    CHECK_STR(e->path, "/pain/0/intensity");
    CHECK_STR(myoref_last_error_diagnostic_path(0), "/pain/0/intensity");
    CHECK(myoref_last_error_diagnostic_message(0) != NULL &&
          strlen(myoref_last_error_diagnostic_message(0)) > 0);
    CHECK(myoref_last_error_diagnostic_path(1) != NULL &&
          strncmp(myoref_last_error_diagnostic_path(1), "/pain/1", 7) == 0);
    CHECK(myoref_last_error_diagnostic_message(1) != NULL);
    CHECK(myoref_last_error_diagnostic_path(2) == NULL);
    CHECK(myoref_last_error_diagnostic_message(2) == NULL);
    CHECK(myoref_last_error_diagnostic_path((size_t)-1) == NULL);
  }

  /* Clearing. */
  myoref_last_error_clear();
  CHECK(myoref_last_error()->code == MYOREF_OK);
  CHECK(myoref_last_error()->diagnostic_count == 0);
  CHECK(myoref_last_error_diagnostic_path(0) == NULL);

  /* An accessor that fails sets it too, and one that succeeds resets it. */
  CHECK(myoref_kb_region_id(kb, (size_t)-1) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_region_id(kb, 0) != NULL);
  CHECK(myoref_last_error()->code == MYOREF_OK);

  myoref_kb_free(kb);
}

int main(void) {
  test_status_codes_are_pinned();
  test_status_names();
  test_versions();
  test_enum_names();
  test_free_functions_accept_null();
  test_last_error_record();
  return check_done("c_api common");
}
