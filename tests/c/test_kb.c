/* C API: knowledge-base handles and lookups. */
#include "check.h"

static myoref_kb* open_default(void) {
  myoref_kb* kb = NULL;
  CHECK_OK(myoref_kb_open_default(&kb));
  CHECK(kb != NULL);
  return kb;
}

static void test_identity(const myoref_kb* kb) {
  CHECK_STR(myoref_kb_id(kb), "myoref-default");
  CHECK(myoref_kb_version(kb) != NULL && strlen(myoref_kb_version(kb)) > 0);
  CHECK(myoref_kb_title(kb) != NULL && strlen(myoref_kb_title(kb)) > 0);
  CHECK(myoref_kb_hash(kb) != NULL && strlen(myoref_kb_hash(kb)) == 64);

  CHECK_NULL_ARG_VALUE(myoref_kb_id(NULL), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_version(NULL), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_title(NULL), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_hash(NULL), NULL, "kb");
}

static void test_open_json(const myoref_kb* kb) {
  char* json = NULL;
  myoref_kb* again = NULL;
  char* renamed;
  size_t len;

  CHECK_OK(myoref_kb_to_json(&json, kb));
  CHECK(json != NULL);
  if (json == NULL) {
    return;
  }
  len = strlen(json);

  /* The canonical form loads back to the same hash; len, not a NUL, ends it. */
  CHECK_OK(myoref_kb_open_json(&again, json, len));
  CHECK_STR(myoref_kb_hash(again), myoref_kb_hash(kb));
  myoref_kb_free(again);
  again = NULL;
  CHECK_OK(myoref_kb_open_json(&again, json, MYOREF_NTS));
  CHECK_STR(myoref_kb_hash(again), myoref_kb_hash(kb));
  myoref_kb_free(again);
  again = NULL;

  /* A knowledge base of its own: another id, another hash. */
  renamed = check_replace(json, "\"myoref-default\"", "\"clinic-custom\"");
  CHECK(renamed != NULL);
  if (renamed != NULL) {
    CHECK_OK(myoref_kb_open_json(&again, renamed, MYOREF_NTS));
    CHECK_STR(myoref_kb_id(again), "clinic-custom");
    CHECK(strcmp(myoref_kb_hash(again), myoref_kb_hash(kb)) != 0);
    myoref_kb_free(again);
    again = NULL;
    free(renamed);
  }

  /* Cut short: not JSON. */
  again = (myoref_kb*)&again; /* *out is set to NULL on failure */
  CHECK_STATUS(myoref_kb_open_json(&again, json, len / 2), MYOREF_EPARSE);
  CHECK(again == NULL);
  CHECK_STATUS(myoref_kb_open_json(&again, "", 0), MYOREF_EPARSE);
  CHECK_STATUS(myoref_kb_open_json(&again, NULL, 0), MYOREF_EPARSE);

  /* Well-formed but not a knowledge base: every problem, with its path. */
  CHECK_STATUS(myoref_kb_open_json(&again, "{\"format\": 7}", MYOREF_NTS), MYOREF_EINPUT);
  CHECK(myoref_last_error()->diagnostic_count >= 1);
  CHECK(myoref_last_error_diagnostic_path(0) != NULL);

  CHECK_NULL_ARG(myoref_kb_open_json(NULL, json, len), "out");
  CHECK_NULL_ARG(myoref_kb_open_json(&again, NULL, 1), "text");
  CHECK_NULL_ARG(myoref_kb_open_json(&again, NULL, MYOREF_NTS), "text");
  CHECK_NULL_ARG(myoref_kb_open_default(NULL), "out");
  CHECK_NULL_ARG(myoref_kb_to_json(NULL, kb), "out");
  {
    char* none = (char*)&none;
    CHECK_NULL_ARG(myoref_kb_to_json(&none, NULL), "kb");
    CHECK(none == NULL);
  }
  myoref_string_free(json);
}

static void test_regions(const myoref_kb* kb) {
  size_t n = myoref_kb_region_count(kb);
  size_t i = 99;
  size_t k;
  CHECK(n > 10);
  CHECK_OK(myoref_kb_find_region(&i, kb, "sacrum", MYOREF_NTS));
  CHECK_STR(myoref_kb_region_id(kb, i), "sacrum");
  CHECK(myoref_kb_region_name(kb, i) != NULL && strlen(myoref_kb_region_name(kb, i)) > 0);
  CHECK(myoref_kb_region_midline(kb, i) == 1);
  CHECK_OK(myoref_kb_find_region(&i, kb, "calf-and-more", 4));
  CHECK_STR(myoref_kb_region_id(kb, i), "calf");
  CHECK(myoref_kb_region_midline(kb, i) == 0);

  CHECK_STATUS(myoref_kb_find_region(&i, kb, "sacrun", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'sacrum'?");
  CHECK_STATUS(myoref_kb_find_region(&i, kb, NULL, 0), MYOREF_ENOTFOUND);

  CHECK(myoref_kb_region_id(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_region_name(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK_STATUS(myoref_kb_region_midline(kb, n), MYOREF_ENOTFOUND);

  CHECK_NULL_ARG_VALUE(myoref_kb_region_count(NULL), 0, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_region_id(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_region_name(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG(myoref_kb_region_midline(NULL, 0), "kb");
  CHECK_NULL_ARG(myoref_kb_find_region(NULL, kb, "sacrum", MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_kb_find_region(&i, NULL, "sacrum", MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_kb_find_region(&i, kb, NULL, 3), "id");

  /* Region keys: two per paired region, one per midline one. */
  n = myoref_kb_region_key_count(kb);
  CHECK(n > myoref_kb_region_count(kb));
  CHECK_OK(myoref_kb_find_region_key(&k, kb, "buttock_upper:left", MYOREF_NTS));
  CHECK_STR(myoref_kb_region_key(kb, k), "buttock_upper:left");
  CHECK_STR(myoref_kb_region_key_region(kb, k), "buttock_upper");
  CHECK(myoref_kb_region_key_side(kb, k) == MYOREF_SIDE_LEFT);
  CHECK_OK(myoref_kb_find_region_key(&k, kb, "sacrum", MYOREF_NTS));
  CHECK(myoref_kb_region_key_side(kb, k) == MYOREF_SIDE_NONE);
  CHECK_STR(myoref_kb_region_key_region(kb, k), "sacrum");
  CHECK_STATUS(myoref_kb_find_region_key(&k, kb, "sacrum:left", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "sacrum:left");

  CHECK(myoref_kb_region_key(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_region_key_region(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK_STATUS(myoref_kb_region_key_side(kb, n), MYOREF_ENOTFOUND);

  CHECK_NULL_ARG_VALUE(myoref_kb_region_key_count(NULL), 0, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_region_key(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_region_key_region(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG(myoref_kb_region_key_side(NULL, 0), "kb");
  CHECK_NULL_ARG(myoref_kb_find_region_key(NULL, kb, "sacrum", MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_kb_find_region_key(&k, NULL, "sacrum", MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_kb_find_region_key(&k, kb, NULL, MYOREF_NTS), "key");
}

static void test_muscles_and_candidates(const myoref_kb* kb) {
  size_t n = myoref_kb_muscle_count(kb);
  size_t m = 0, c = 0, a;
  char* json = NULL;
  CHECK(n > 5);
  CHECK_OK(myoref_kb_find_muscle(&m, kb, "gluteus_medius", MYOREF_NTS));
  CHECK_STR(myoref_kb_muscle_id(kb, m), "gluteus_medius");
  CHECK_STR(myoref_kb_muscle_name(kb, m), "Gluteus medius");
  CHECK(myoref_kb_muscle_midline(kb, m) == 0);

  /* Aliases: every alias finds its muscle. */
  for (m = 0; m < n; ++m) {
    size_t aliases = myoref_kb_muscle_alias_count(kb, m);
    for (a = 0; a < aliases; ++a) {
      size_t found = n;
      const char* alias = myoref_kb_muscle_alias(kb, m, a);
      CHECK(alias != NULL);
      CHECK_OK(myoref_kb_find_muscle(&found, kb, alias, MYOREF_NTS));
      CHECK(found == m);
    }
    CHECK(myoref_kb_muscle_alias(kb, m, aliases) == NULL);
    CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  }
  CHECK_OK(myoref_kb_find_muscle(&m, kb, "psoas", MYOREF_NTS));
  CHECK_STR(myoref_kb_muscle_id(kb, m), "iliopsoas");

  CHECK_STATUS(myoref_kb_find_muscle(&m, kb, "gluteus_medias", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'gluteus_medius'?");

  CHECK_OK(myoref_kb_find_muscle(&m, kb, "gluteus_medius", MYOREF_NTS));
  CHECK_OK(myoref_kb_muscle_json(&json, kb, m));
  CHECK(json != NULL && json[0] == '{' && strstr(json, "\"muscle\":") != NULL);
  CHECK(json != NULL && strstr(json, "\"gluteus_medius\"") != NULL);
  CHECK(json != NULL && strstr(json, "\"exercises\":") != NULL);
  myoref_string_free(json);
  json = (char*)&json;
  CHECK_STATUS(myoref_kb_muscle_json(&json, kb, n), MYOREF_ENOTFOUND);
  CHECK(json == NULL);

  CHECK(myoref_kb_muscle_id(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_muscle_name(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK_STATUS(myoref_kb_muscle_midline(kb, n), MYOREF_ENOTFOUND);
  CHECK(myoref_kb_muscle_alias_count(kb, n) == 0);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_muscle_alias(kb, n, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");

  CHECK_NULL_ARG_VALUE(myoref_kb_muscle_count(NULL), 0, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_muscle_id(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_muscle_name(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG(myoref_kb_muscle_midline(NULL, 0), "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_muscle_alias_count(NULL, 0), 0, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_muscle_alias(NULL, 0, 0), NULL, "kb");
  CHECK_NULL_ARG(myoref_kb_find_muscle(NULL, kb, "psoas", MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_kb_find_muscle(&m, NULL, "psoas", MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_kb_find_muscle(&m, kb, NULL, 5), "id_or_alias");
  CHECK_NULL_ARG(myoref_kb_muscle_json(NULL, kb, 0), "out");
  CHECK_NULL_ARG(myoref_kb_muscle_json(&json, NULL, 0), "kb");

  /* Candidates: muscle and side. */
  n = myoref_kb_candidate_count(kb);
  CHECK(n >= myoref_kb_muscle_count(kb));
  CHECK_OK(myoref_kb_find_candidate(&c, kb, "gluteus_medius:right", MYOREF_NTS));
  CHECK_STR(myoref_kb_candidate_key(kb, c), "gluteus_medius:right");
  CHECK_STR(myoref_kb_candidate_muscle(kb, c), "gluteus_medius");
  CHECK(myoref_kb_candidate_side(kb, c) == MYOREF_SIDE_RIGHT);
  CHECK_OK(myoref_kb_find_candidate(&c, kb, "psoas:left", MYOREF_NTS));
  CHECK_STR(myoref_kb_candidate_key(kb, c), "iliopsoas:left");
  CHECK_STATUS(myoref_kb_find_candidate(&c, kb, "gluteus_medius", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "gluteus_medius");
  for (c = 0; c < n; ++c) {
    size_t back = n;
    CHECK_OK(myoref_kb_find_candidate(&back, kb, myoref_kb_candidate_key(kb, c), MYOREF_NTS));
    CHECK(back == c);
  }

  CHECK(myoref_kb_candidate_key(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_candidate_muscle(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK_STATUS(myoref_kb_candidate_side(kb, n), MYOREF_ENOTFOUND);

  CHECK_NULL_ARG_VALUE(myoref_kb_candidate_count(NULL), 0, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_candidate_key(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_candidate_muscle(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG(myoref_kb_candidate_side(NULL, 0), "kb");
  CHECK_NULL_ARG(myoref_kb_find_candidate(NULL, kb, "psoas:left", MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_kb_find_candidate(&c, NULL, "psoas:left", MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_kb_find_candidate(&c, kb, NULL, 2), "key");
}

static void test_findings_and_red_flags(const myoref_kb* kb) {
  size_t n = myoref_kb_finding_count(kb);
  size_t i = 0;
  CHECK(n > 5);
  CHECK_OK(myoref_kb_find_finding(&i, kb, "walking", MYOREF_NTS));
  CHECK_STR(myoref_kb_finding_id(kb, i), "walking");
  CHECK(myoref_kb_finding_question(kb, i) != NULL &&
        strchr(myoref_kb_finding_question(kb, i), '?') != NULL);
  CHECK_STATUS(myoref_kb_find_finding(&i, kb, "walkng", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'walking'?");
  CHECK(myoref_kb_finding_id(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_finding_question(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");

  CHECK_NULL_ARG_VALUE(myoref_kb_finding_count(NULL), 0, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_finding_id(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_finding_question(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG(myoref_kb_find_finding(NULL, kb, "walking", MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_kb_find_finding(&i, NULL, "walking", MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_kb_find_finding(&i, kb, NULL, 1), "id");

  n = myoref_kb_red_flag_count(kb);
  CHECK(n > 5);
  CHECK_OK(myoref_kb_find_red_flag(&i, kb, "saddle_numbness", MYOREF_NTS));
  CHECK_STR(myoref_kb_red_flag_id(kb, i), "saddle_numbness");
  CHECK(myoref_kb_red_flag_level(kb, i) == MYOREF_TRIAGE_EMERGENCY);
  CHECK(myoref_kb_red_flag_question(kb, i) != NULL);
  CHECK(myoref_kb_red_flag_advice(kb, i) != NULL && strlen(myoref_kb_red_flag_advice(kb, i)) > 0);
  CHECK_OK(myoref_kb_find_red_flag(&i, kb, "claudication", MYOREF_NTS));
  CHECK(myoref_kb_red_flag_level(kb, i) == MYOREF_TRIAGE_SEE_CLINICIAN);
  CHECK_STATUS(myoref_kb_find_red_flag(&i, kb, "claudicaton", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'claudication'?");
  CHECK(myoref_kb_red_flag_id(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_red_flag_question(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_kb_red_flag_advice(kb, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK_STATUS(myoref_kb_red_flag_level(kb, n), MYOREF_ENOTFOUND);

  CHECK_NULL_ARG_VALUE(myoref_kb_red_flag_count(NULL), 0, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_red_flag_id(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_red_flag_question(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG_VALUE(myoref_kb_red_flag_advice(NULL, 0), NULL, "kb");
  CHECK_NULL_ARG(myoref_kb_red_flag_level(NULL, 0), "kb");
  CHECK_NULL_ARG(myoref_kb_find_red_flag(NULL, kb, "osteoporosis", MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_kb_find_red_flag(&i, NULL, "osteoporosis", MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_kb_find_red_flag(&i, kb, NULL, 1), "id");
}

static void test_handles_outlive_the_kb(void) {
  /* An intake made with a knowledge base keeps what it needs of it. */
  myoref_kb* kb = open_default();
  myoref_intake* intake = NULL;
  myoref_assessment* assessment = NULL;
  CHECK_OK(myoref_intake_new(&intake, kb));
  myoref_kb_free(kb);
  CHECK_OK(myoref_intake_add_pain(intake, "buttock_upper", MYOREF_NTS, MYOREF_SIDE_LEFT, 5));
  CHECK_OK(myoref_assess(&assessment, intake));
  CHECK(myoref_assessment_candidate_count(assessment) > 0);
  myoref_assessment_free(assessment);
  myoref_intake_free(intake);
}

int main(void) {
  myoref_kb* kb = open_default();
  if (kb == NULL) {
    return check_done("c_api kb");
  }
  test_identity(kb);
  test_open_json(kb);
  test_regions(kb);
  test_muscles_and_candidates(kb);
  test_findings_and_red_flags(kb);
  myoref_kb_free(kb);
  test_handles_outlive_the_kb();
  return check_done("c_api kb");
}
