/* C API: FHIR R4 out and back. */
#include "check.h"

static const char kClassic[] =
    "{\"pain\": ["
    "{\"region\": \"iliac_crest\", \"side\": \"left\", \"intensity\": 6},"
    "{\"region\": \"sacrum\", \"intensity\": 3}],"
    "\"findings\": [\"walking\"], \"denied\": [\"sitting_long\"],"
    "\"age\": 42, \"onset\": \"gradual\"}";

static void test_round_trip(const myoref_kb* kb) {
  char* assessment = NULL;
  char* bundle = NULL;
  char* again = NULL;
  char* intake = NULL;
  myoref_intake* in = NULL;

  CHECK_OK(myoref_assess_json(&assessment, kb, kClassic, sizeof kClassic - 1));
  CHECK_OK(myoref_fhir_json(&bundle, kb, assessment, MYOREF_NTS, "Patient/p1", "2026-12-01"));
  CHECK(bundle != NULL && strstr(bundle, "\"resourceType\": \"Bundle\"") != NULL);
  CHECK(bundle != NULL && strstr(bundle, "\"code\": \"72514-3\"") != NULL);
  CHECK(bundle != NULL && strstr(bundle, "\"reference\": \"Patient/p1\"") != NULL);
  CHECK(bundle != NULL && strstr(bundle, "\"effectiveDateTime\": \"2026-12-01\"") != NULL);
  CHECK(bundle != NULL && strstr(bundle, "ClinicalImpression") != NULL);

  /* The same document and options give the same bytes. */
  CHECK_OK(myoref_fhir_json(&again, kb, assessment, MYOREF_NTS, "Patient/p1", "2026-12-01"));
  CHECK_STR(again, bundle);

  /* Back to the intake: the canonical form of the one assessed. */
  CHECK_OK(myoref_import_fhir_json(&intake, kb, bundle, MYOREF_NTS));
  CHECK_OK(myoref_intake_from_json(&in, kb, kClassic, MYOREF_NTS));
  {
    char* canonical = NULL;
    CHECK_OK(myoref_intake_to_json(&canonical, in));
    CHECK_STR(intake, canonical);
    myoref_string_free(canonical);
  }

  myoref_intake_free(in);
  myoref_string_free(intake);
  myoref_string_free(again);
  myoref_string_free(bundle);
  myoref_string_free(assessment);
}

static void test_errors(const myoref_kb* kb) {
  char* out = NULL;
  static const char kNotBundle[] = "{\"resourceType\": \"Patient\"}";
  CHECK_STATUS(myoref_import_fhir_json(&out, kb, kNotBundle, MYOREF_NTS), MYOREF_EINPUT);
  CHECK(strcmp(myoref_last_error()->path, "/resourceType") == 0);
  CHECK(out == NULL);
  CHECK_STATUS(myoref_fhir_json(&out, kb, "{", MYOREF_NTS, NULL, NULL), MYOREF_EPARSE);
  CHECK_STATUS(myoref_fhir_json(&out, kb, "{}", MYOREF_NTS, NULL, "1 Dec 2026"), MYOREF_EINVAL);
  CHECK_NULL_ARG(myoref_fhir_json(&out, NULL, "{}", MYOREF_NTS, NULL, NULL), "kb");
  CHECK_NULL_ARG(myoref_import_fhir_json(NULL, kb, "{}", MYOREF_NTS), "out");
}

static void test_choir(const myoref_kb* kb) {
  char* intake = NULL;
  char* segments = NULL;
  /* Female numbering: 113 is the left abdomen; 128 the left hand. */
  CHECK_OK(myoref_import_choir_json(&intake, kb, "128, 113", "female", 6));
  /* The hand's parts: the palm takes most of the front of the hand. */
  CHECK(intake != NULL && strstr(intake, "\"region\":\"palm\",\"side\":\"left\"") != NULL);
  CHECK(intake != NULL && strstr(intake, "\"region\":\"abdomen_lower\",\"side\":\"left\"") != NULL);
  CHECK_OK(myoref_export_choir_json(&segments, kb, intake, MYOREF_NTS, "female"));
  CHECK(segments != NULL && strstr(segments, "113") != NULL && strstr(segments, "128") != NULL);
  myoref_string_free(intake);
  myoref_string_free(segments);
  intake = NULL;
  /* Male numbering: 113 is the right elbow. */
  CHECK_OK(myoref_import_choir_json(&intake, kb, "113", "male", 5));
  CHECK(intake != NULL &&
        strstr(intake, "\"region\":\"elbow_lateral\",\"side\":\"right\"") != NULL);
  myoref_string_free(intake);
  intake = NULL;
  CHECK_STATUS(myoref_import_choir_json(&intake, kb, "128,999", "female", 5), MYOREF_EINPUT);
  CHECK(strcmp(myoref_last_error()->path, "/1") == 0);
  CHECK_STATUS(myoref_import_choir_json(&intake, kb, "128", "other", 5), MYOREF_EINVAL);
  CHECK_STATUS(myoref_import_choir_json(&intake, kb, "128", "male", 11), MYOREF_EINVAL);
  CHECK_NULL_ARG(myoref_export_choir_json(&segments, kb, NULL, MYOREF_NTS, "male"), "intake");
}

int main(void) {
  myoref_kb* kb = NULL;
  CHECK_OK(myoref_kb_open_default(&kb));
  if (kb == NULL) {
    return check_done("c_api interop");
  }
  test_round_trip(kb);
  test_errors(kb);
  test_choir(kb);
  myoref_kb_free(kb);
  return check_done("c_api interop");
}
