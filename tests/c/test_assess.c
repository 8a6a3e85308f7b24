/* C API: intakes and assessments, structured and as JSON. */
#include "check.h"

static const char kClassic[] =
    "{\"pain\": ["
    "{\"region\": \"iliac_crest\", \"side\": \"left\", \"intensity\": 6},"
    "{\"region\": \"sacroiliac\", \"side\": \"left\", \"intensity\": 5},"
    "{\"region\": \"buttock_upper\", \"side\": \"left\", \"intensity\": 5},"
    "{\"region\": \"sacrum\", \"intensity\": 3}],"
    "\"findings\": [\"walking\", \"standing_long\", \"stairs\"],"
    "\"denied\": [\"sitting_long\"],"
    "\"red_flags\": [],"
    "\"red_flags_denied\": [\"urinary_blood_or_fever\", \"saddle_numbness\", "
    "\"bladder_bowel_change\", \"progressive_leg_weakness\", \"history_of_cancer\", "
    "\"unexplained_weight_loss\", \"night_pain_unrelenting\", \"fever_or_unwell\", "
    "\"immunosuppressed\", \"major_trauma\", \"osteoporosis\", \"tearing_pain\"],"
    "\"age\": 42, \"duration_days\": 21, \"onset\": \"gradual\"}";

/* The same intake, call by call, in another order. */
static myoref_intake* classic_intake(const myoref_kb* kb) {
  myoref_intake* in = NULL;
  CHECK_OK(myoref_intake_new(&in, kb));
  CHECK_OK(myoref_intake_add_pain(in, "sacrum", MYOREF_NTS, MYOREF_SIDE_NONE, 3));
  CHECK_OK(myoref_intake_add_pain(in, "buttock_upper", MYOREF_NTS, MYOREF_SIDE_LEFT, 5));
  CHECK_OK(myoref_intake_add_pain(in, "iliac_crest", MYOREF_NTS, MYOREF_SIDE_LEFT, 6));
  CHECK_OK(myoref_intake_add_pain(in, "sacroiliac-not-read", 10, MYOREF_SIDE_LEFT, 5));
  CHECK_OK(myoref_intake_confirm_finding(in, "stairs", MYOREF_NTS));
  CHECK_OK(myoref_intake_confirm_finding(in, "walking", MYOREF_NTS));
  CHECK_OK(myoref_intake_confirm_finding(in, "standing_long", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_finding(in, "sitting_long", MYOREF_NTS));
  CHECK_OK(myoref_intake_set_onset(in, MYOREF_ONSET_SUDDEN));
  CHECK_OK(myoref_intake_set_onset(in, MYOREF_ONSET_GRADUAL));
  CHECK_OK(myoref_intake_set_duration_days(in, 21));
  CHECK_OK(myoref_intake_deny_red_flag(in, "tearing_pain", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "osteoporosis", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "major_trauma", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "immunosuppressed", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "fever_or_unwell", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "night_pain_unrelenting", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "unexplained_weight_loss", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "history_of_cancer", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "progressive_leg_weakness", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "bladder_bowel_change", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "saddle_numbness", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "urinary_blood_or_fever", MYOREF_NTS));
  CHECK_OK(myoref_intake_set_age(in, 42));
  return in;
}

static void test_structured_equals_json(const myoref_kb* kb) {
  myoref_intake* in = classic_intake(kb);
  myoref_intake* parsed = NULL;
  myoref_assessment* a = NULL;
  char* from_json = NULL;
  char* from_handle = NULL;
  char* intake_a = NULL;
  char* intake_b = NULL;
  char* intake_c = NULL;

  CHECK_OK(myoref_intake_validate(in));
  CHECK_OK(myoref_assess_json(&from_json, kb, kClassic, sizeof kClassic - 1));
  CHECK_OK(myoref_assess(&a, in));
  CHECK_OK(myoref_assessment_to_json(&from_handle, a, 0));
  CHECK_STR(from_handle, from_json);

  /* Canonical intake: the same from JSON, from calls, and from the assessment. */
  CHECK_OK(myoref_intake_from_json(&parsed, kb, kClassic, MYOREF_NTS));
  CHECK_OK(myoref_intake_to_json(&intake_a, in));
  CHECK_OK(myoref_intake_to_json(&intake_b, parsed));
  CHECK_OK(myoref_assessment_intake_json(&intake_c, a));
  CHECK_STR(intake_a, intake_b);
  CHECK_STR(intake_a, intake_c);
  CHECK(intake_a != NULL && strstr(intake_a, "\"onset\":\"gradual\"") != NULL);

  myoref_string_free(from_json);
  myoref_string_free(from_handle);
  myoref_string_free(intake_a);
  myoref_string_free(intake_b);
  myoref_string_free(intake_c);
  myoref_assessment_free(a);
  myoref_intake_free(parsed);
  myoref_intake_free(in);
}

static void test_assessment_accessors(const myoref_kb* kb) {
  myoref_assessment* a = NULL;
  myoref_intake* in = classic_intake(kb);
  size_t n, rank, i;
  double previous = 2.0;
  char* json = NULL;
  char* pretty = NULL;
  char* text = NULL;

  CHECK_OK(myoref_assess(&a, in));
  if (a == NULL) {
    myoref_intake_free(in);
    return;
  }
  CHECK(myoref_assessment_triage_level(a) == MYOREF_TRIAGE_SELF_CARE);
  CHECK(myoref_last_error()->code == MYOREF_OK);
  CHECK(myoref_assessment_age_rule(a) == MYOREF_AGE_RULE_NOT_APPLICABLE);
  CHECK(myoref_assessment_red_flag_count(a) == 0);
  CHECK(myoref_assessment_advice_count(a) == 0);

  n = myoref_assessment_candidate_count(a);
  CHECK(n > 0);
  CHECK_STR(myoref_assessment_candidate_key(a, 0), "gluteus_medius:left");
  CHECK_STR(myoref_assessment_candidate_muscle(a, 0), "gluteus_medius");
  CHECK_STR(myoref_assessment_candidate_name(a, 0), "Gluteus medius");
  CHECK(myoref_assessment_candidate_side(a, 0) == MYOREF_SIDE_LEFT);

  CHECK_OK(myoref_assessment_to_json(&json, a, 0));
  for (rank = 0; rank < n; ++rank) {
    const double score = myoref_assessment_candidate_score(a, rank);
    const char* key = myoref_assessment_candidate_key(a, rank);
    size_t c = 0;
    CHECK(score > 0.0 && score <= 1.0 && score <= previous);
    previous = score;
    /* The key names a candidate of the knowledge base, with its muscle and side. */
    CHECK_OK(myoref_kb_find_candidate(&c, kb, key, MYOREF_NTS));
    CHECK_STR(myoref_kb_candidate_muscle(kb, c), myoref_assessment_candidate_muscle(a, rank));
    CHECK(myoref_kb_candidate_side(kb, c) == myoref_assessment_candidate_side(a, rank));
    /* Tied exactly when a neighbour in the ranking has the same score. */
    CHECK(myoref_assessment_candidate_tied(a, rank) ==
          ((rank > 0 && myoref_assessment_candidate_score(a, rank - 1) == score) ||
           (rank + 1 < n && myoref_assessment_candidate_score(a, rank + 1) == score)));
    CHECK(json != NULL && strstr(json, key) != NULL);

    /* Explained and unexplained split the painful regions. */
    CHECK(myoref_assessment_candidate_explained_count(a, rank) +
              myoref_assessment_candidate_unexplained_count(a, rank) ==
          4);
    for (i = 0; i < myoref_assessment_candidate_explained_count(a, rank); ++i) {
      size_t k;
      CHECK_OK(myoref_kb_find_region_key(&k, kb, myoref_assessment_candidate_explained(a, rank, i),
                                         MYOREF_NTS));
    }
    for (i = 0; i < myoref_assessment_candidate_unexplained_count(a, rank); ++i) {
      size_t k;
      CHECK_OK(myoref_kb_find_region_key(
          &k, kb, myoref_assessment_candidate_unexplained(a, rank, i), MYOREF_NTS));
    }
    for (i = 0; i < myoref_assessment_candidate_findings_for_count(a, rank); ++i) {
      size_t f;
      CHECK_OK(myoref_kb_find_finding(&f, kb, myoref_assessment_candidate_finding_for(a, rank, i),
                                      MYOREF_NTS));
    }
    for (i = 0; i < myoref_assessment_candidate_findings_against_count(a, rank); ++i) {
      size_t f;
      CHECK_OK(myoref_kb_find_finding(
          &f, kb, myoref_assessment_candidate_finding_against(a, rank, i), MYOREF_NTS));
    }
    CHECK(myoref_assessment_candidate_basis_count(a, rank) > 0);
    for (i = 0; i < myoref_assessment_candidate_basis_count(a, rank); ++i) {
      const char* line = myoref_assessment_candidate_basis(a, rank, i);
      CHECK(line != NULL && strlen(line) > 0 && strchr(line, '[') != NULL);
    }
    /* Past the end of each list. */
    CHECK(myoref_assessment_candidate_explained(
              a, rank, myoref_assessment_candidate_explained_count(a, rank)) == NULL);
    CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
    CHECK(myoref_assessment_candidate_unexplained(
              a, rank, myoref_assessment_candidate_unexplained_count(a, rank)) == NULL);
    CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
    CHECK(myoref_assessment_candidate_finding_for(
              a, rank, myoref_assessment_candidate_findings_for_count(a, rank)) == NULL);
    CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
    CHECK(myoref_assessment_candidate_finding_against(
              a, rank, myoref_assessment_candidate_findings_against_count(a, rank)) == NULL);
    CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
    CHECK(myoref_assessment_candidate_basis(
              a, rank, myoref_assessment_candidate_basis_count(a, rank)) == NULL);
    CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  }
  /* The top candidate explains the walking it is known for. */
  CHECK(myoref_assessment_candidate_findings_for_count(a, 0) > 0);

  /* A rank past the end. */
  CHECK(myoref_assessment_candidate_key(a, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_muscle(a, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_name(a, n) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK_STATUS(myoref_assessment_candidate_side(a, n), MYOREF_ENOTFOUND);
  CHECK_STATUS(myoref_assessment_candidate_tied(a, n), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_score(a, n) == -1.0);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_explained_count(a, n) == 0);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_explained(a, n, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_unexplained_count(a, n) == 0);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_unexplained(a, n, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_findings_for_count(a, n) == 0);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_finding_for(a, n, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_findings_against_count(a, n) == 0);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_finding_against(a, n, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_basis_count(a, n) == 0);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");
  CHECK(myoref_assessment_candidate_basis(a, n, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "rank");

  /* Cover: candidate keys, the first being a ranked candidate. */
  CHECK(myoref_assessment_cover_count(a) > 0);
  for (i = 0; i < myoref_assessment_cover_count(a); ++i) {
    size_t c;
    CHECK_OK(myoref_kb_find_candidate(&c, kb, myoref_assessment_cover(a, i), MYOREF_NTS));
  }
  CHECK(myoref_assessment_cover(a, myoref_assessment_cover_count(a)) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_assessment_unexplained_count(a) == 0);
  CHECK(myoref_assessment_unexplained(a, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_assessment_red_flag_id(a, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK(myoref_assessment_red_flag_advice(a, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  CHECK_STATUS(myoref_assessment_red_flag_level(a, 0), MYOREF_ENOTFOUND);
  CHECK(myoref_assessment_advice(a, 0) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");

  /* Pretty JSON, text, and unknown flags. */
  CHECK_OK(myoref_assessment_to_json(&pretty, a, MYOREF_JSON_PRETTY));
  CHECK(pretty != NULL && strstr(pretty, "\n  \"") != NULL);
  CHECK(json != NULL && strchr(json, '\n') == NULL);
  CHECK_OK(myoref_assessment_to_text(&text, a));
  CHECK(text != NULL && strstr(text, "Gluteus medius") != NULL);
  myoref_string_free(text);
  text = (char*)&text;
  CHECK_STATUS(myoref_assessment_to_json(&text, a, 2u), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "flags");
  CHECK(text == NULL);

  myoref_string_free(json);
  myoref_string_free(pretty);
  myoref_assessment_free(a);
  myoref_intake_free(in);
}

static void test_triage(const myoref_kb* kb) {
  myoref_intake* in = NULL;
  myoref_assessment* a = NULL;

  /* A red flag: urgent, with its advice, whatever the drawing. */
  CHECK_OK(myoref_intake_new(&in, kb));
  CHECK_OK(myoref_intake_add_pain(in, "calf", MYOREF_NTS, MYOREF_SIDE_RIGHT, 6));
  CHECK_OK(myoref_intake_confirm_red_flag(in, "calf_swelling_redness", MYOREF_NTS));
  CHECK_OK(myoref_intake_set_age(in, 38));
  CHECK_OK(myoref_intake_set_duration_days(in, 4));
  CHECK_OK(myoref_assess(&a, in));
  CHECK(myoref_assessment_triage_level(a) == MYOREF_TRIAGE_URGENT);
  CHECK(myoref_assessment_red_flag_count(a) == 1);
  CHECK_STR(myoref_assessment_red_flag_id(a, 0), "calf_swelling_redness");
  CHECK(myoref_assessment_red_flag_level(a, 0) == MYOREF_TRIAGE_URGENT);
  CHECK(myoref_assessment_red_flag_advice(a, 0) != NULL);
  CHECK(myoref_assessment_advice_count(a) >= 1);
  CHECK_STR(myoref_assessment_advice(a, 0), myoref_assessment_red_flag_advice(a, 0));
  CHECK(myoref_assessment_red_flag_id(a, 1) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  myoref_assessment_free(a);
  a = NULL;
  myoref_intake_free(in);

  /* The age rule: raises, raises without a duration, cannot be checked. */
  CHECK_OK(myoref_intake_new(&in, kb));
  CHECK_OK(myoref_intake_add_pain(in, "hip_lateral", MYOREF_NTS, MYOREF_SIDE_RIGHT, 6));
  /* Every question a hip drawing calls for answered no. */
  CHECK_OK(myoref_intake_deny_red_flag(in, "cold_pale_limb", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "compartment_swelling", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "hot_swollen_joint", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "saddle_numbness", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "bladder_bowel_change", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "progressive_leg_weakness", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "history_of_cancer", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "unexplained_weight_loss", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "night_pain_unrelenting", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "fever_or_unwell", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "immunosuppressed", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "major_trauma", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "osteoporosis", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "tearing_pain", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "urinary_blood_or_fever", MYOREF_NTS));
  CHECK_OK(myoref_intake_set_age(in, 68));
  CHECK_OK(myoref_assess(&a, in));
  CHECK(myoref_assessment_age_rule(a) == MYOREF_AGE_RULE_APPLIES_DURATION_UNKNOWN);
  CHECK(myoref_assessment_triage_level(a) == MYOREF_TRIAGE_SEE_CLINICIAN);
  CHECK(myoref_assessment_advice_count(a) == 1);
  myoref_assessment_free(a);
  a = NULL;
  CHECK_OK(myoref_intake_set_duration_days(in, 12));
  CHECK_OK(myoref_assess(&a, in));
  CHECK(myoref_assessment_age_rule(a) == MYOREF_AGE_RULE_APPLIES);
  CHECK(myoref_assessment_triage_level(a) == MYOREF_TRIAGE_SEE_CLINICIAN);
  myoref_assessment_free(a);
  a = NULL;
  myoref_intake_free(in);

  CHECK_OK(myoref_intake_new(&in, kb));
  CHECK_OK(myoref_intake_add_pain(in, "hip_lateral", MYOREF_NTS, MYOREF_SIDE_RIGHT, 6));
  /* Every question a hip drawing calls for answered no. */
  CHECK_OK(myoref_intake_deny_red_flag(in, "cold_pale_limb", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "compartment_swelling", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "hot_swollen_joint", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "saddle_numbness", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "bladder_bowel_change", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "progressive_leg_weakness", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "history_of_cancer", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "unexplained_weight_loss", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "night_pain_unrelenting", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "fever_or_unwell", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "immunosuppressed", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "major_trauma", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "osteoporosis", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "tearing_pain", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "urinary_blood_or_fever", MYOREF_NTS));
  CHECK_OK(myoref_intake_set_duration_days(in, 12));
  CHECK_OK(myoref_assess(&a, in));
  CHECK(myoref_assessment_age_rule(a) == MYOREF_AGE_RULE_AGE_UNKNOWN);
  CHECK(myoref_assessment_triage_level(a) == MYOREF_TRIAGE_SELF_CARE);
  CHECK(myoref_assessment_advice_count(a) == 1);
  CHECK(myoref_assessment_advice(a, 0) != NULL);
  myoref_assessment_free(a);
  myoref_intake_free(in);
}

static void test_unexplained(const myoref_kb* kb) {
  /* Pain where no muscle of the default knowledge base refers pain: the armpit. */
  const char* intake =
      "{\"pain\": [{\"region\": \"armpit\", \"side\": \"left\", \"intensity\": 6}]}";
  myoref_assessment* a = NULL;
  myoref_intake* in = NULL;
  CHECK_OK(myoref_intake_from_json(&in, kb, intake, MYOREF_NTS));
  CHECK_OK(myoref_assess(&a, in));
  CHECK(myoref_assessment_unexplained_count(a) == 1);
  CHECK_STR(myoref_assessment_unexplained(a, 0), "armpit:left");
  CHECK(myoref_assessment_unexplained(a, 1) == NULL);
  CHECK_ERROR(MYOREF_ENOTFOUND, "out of range");
  myoref_assessment_free(a);
  myoref_intake_free(in);
}

static void test_intake_errors(const myoref_kb* kb) {
  myoref_intake* in = NULL;
  myoref_assessment* a = NULL;
  char* json = NULL;

  CHECK_OK(myoref_intake_new(&in, kb));
  /* No pain mark yet. */
  CHECK_STATUS(myoref_intake_validate(in), MYOREF_EINPUT);
  CHECK_STR(myoref_last_error()->path, "/pain");
  a = (myoref_assessment*)&a;
  CHECK_STATUS(myoref_assess(&a, in), MYOREF_EINPUT);
  CHECK(a == NULL);

  /* The setters resolve ids and sides at once. */
  CHECK_STATUS(myoref_intake_add_pain(in, "buttok_upper", MYOREF_NTS, MYOREF_SIDE_LEFT, 5),
               MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'buttock_upper'?");
  CHECK_STATUS(myoref_intake_add_pain(in, "sacrum", MYOREF_NTS, MYOREF_SIDE_LEFT, 5),
               MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "midline");
  CHECK_STATUS(myoref_intake_add_pain(in, "calf", MYOREF_NTS, MYOREF_SIDE_NONE, 5), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "paired");
  CHECK_STATUS(myoref_intake_add_pain(in, "calf", MYOREF_NTS, 3, 5), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "side 3");
  CHECK_STATUS(myoref_intake_add_pain(in, "calf", MYOREF_NTS, -1, 5), MYOREF_EINVAL);
  CHECK_STATUS(myoref_intake_confirm_finding(in, "walkng", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'walking'?");
  CHECK_STATUS(myoref_intake_deny_finding(in, "stairz", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'stairs'?");
  CHECK_STATUS(myoref_intake_confirm_red_flag(in, "osteoporosi", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'osteoporosis'?");
  CHECK_STATUS(myoref_intake_set_onset(in, 3), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "onset 3");
  CHECK_STATUS(myoref_intake_set_onset(in, -1), MYOREF_EINVAL);

  /* Numbers are stored as given and checked with every other rule. */
  CHECK_OK(myoref_intake_add_pain(in, "calf", MYOREF_NTS, MYOREF_SIDE_LEFT, 11));
  CHECK_OK(myoref_intake_add_pain(in, "calf", MYOREF_NTS, MYOREF_SIDE_LEFT, 4));
  CHECK_OK(myoref_intake_confirm_finding(in, "walking", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_finding(in, "walking", MYOREF_NTS));
  CHECK_OK(myoref_intake_set_age(in, 130));
  CHECK_OK(myoref_intake_set_duration_days(in, -1));
  CHECK_STATUS(myoref_intake_validate(in), MYOREF_EINPUT);
  CHECK(myoref_last_error()->diagnostic_count >= 5);
  CHECK_STR(myoref_last_error_diagnostic_path(0), "/pain/0/intensity");
  json = (char*)&json;
  CHECK_STATUS(myoref_intake_to_json(&json, in), MYOREF_EINPUT);
  CHECK(json == NULL);
  CHECK_STATUS(myoref_assess(&a, in), MYOREF_EINPUT);
  CHECK(a == NULL);
  myoref_intake_free(in);

  /* From JSON: parse and schema errors. */
  in = (myoref_intake*)&in;
  CHECK_STATUS(myoref_intake_from_json(&in, kb, "{\"pain\": [", MYOREF_NTS), MYOREF_EPARSE);
  CHECK(in == NULL);
  CHECK_STATUS(myoref_intake_from_json(&in, kb, "{\"pain\": [], \"colour\": 1}", MYOREF_NTS),
               MYOREF_EINPUT);
  CHECK(myoref_last_error()->diagnostic_count >= 2);
  CHECK_STATUS(myoref_assess_json(&json, kb, kClassic, 20), MYOREF_EPARSE);
  CHECK(json == NULL);
  CHECK_STATUS(myoref_assess_json(&json, kb, NULL, 0), MYOREF_EPARSE);
}

static void test_assessment_documents(const myoref_kb* kb) {
  char* json = NULL;
  char* again = NULL;
  char* kb_json = NULL;
  char* other_json;
  myoref_kb* other = NULL;
  myoref_assessment* a = NULL;

  CHECK_OK(myoref_assess_json(&json, kb, kClassic, MYOREF_NTS));
  if (json == NULL) {
    return;
  }
  CHECK_OK(myoref_assessment_from_json(&a, kb, json, strlen(json)));
  CHECK_OK(myoref_assessment_to_json(&again, a, 0));
  CHECK_STR(again, json);
  myoref_assessment_free(a);
  a = NULL;

  /* The pretty form reads back too. */
  myoref_string_free(again);
  again = NULL;
  CHECK_OK(myoref_assessment_from_json(&a, kb, json, MYOREF_NTS));
  CHECK_OK(myoref_assessment_to_json(&again, a, MYOREF_JSON_PRETTY));
  myoref_assessment_free(a);
  a = NULL;
  CHECK_OK(myoref_assessment_from_json(&a, kb, again, MYOREF_NTS));
  myoref_assessment_free(a);
  a = NULL;

  /* Made with another knowledge base. */
  CHECK_OK(myoref_kb_to_json(&kb_json, kb));
  other_json = kb_json ? check_replace(kb_json, "\"myoref-default\"", "\"clinic-custom\"") : NULL;
  CHECK(other_json != NULL);
  if (other_json != NULL) {
    CHECK_OK(myoref_kb_open_json(&other, other_json, MYOREF_NTS));
    a = (myoref_assessment*)&a;
    CHECK_STATUS(myoref_assessment_from_json(&a, other, json, MYOREF_NTS), MYOREF_EMISMATCH);
    CHECK(a == NULL);
    myoref_kb_free(other);
    free(other_json);
  }

  CHECK_STATUS(myoref_assessment_from_json(&a, kb, json, 10), MYOREF_EPARSE);
  CHECK_STATUS(myoref_assessment_from_json(&a, kb, "{}", MYOREF_NTS), MYOREF_EINPUT);

  myoref_string_free(kb_json);
  myoref_string_free(again);
  myoref_string_free(json);
}

static void test_null_arguments(const myoref_kb* kb) {
  myoref_intake* in = NULL;
  myoref_assessment* a = NULL;
  char* s = NULL;

  CHECK_OK(myoref_intake_from_json(&in, kb, kClassic, MYOREF_NTS));
  CHECK_OK(myoref_assess(&a, in));

  {
    myoref_intake* other = (myoref_intake*)&other;
    CHECK_NULL_ARG(myoref_intake_new(NULL, kb), "out");
    CHECK_NULL_ARG(myoref_intake_new(&other, NULL), "kb");
    CHECK(other == NULL);
    CHECK_NULL_ARG(myoref_intake_from_json(NULL, kb, kClassic, MYOREF_NTS), "out");
    CHECK_NULL_ARG(myoref_intake_from_json(&other, NULL, kClassic, MYOREF_NTS), "kb");
    CHECK_NULL_ARG(myoref_intake_from_json(&other, kb, NULL, 4), "text");
  }
  CHECK_NULL_ARG(myoref_intake_add_pain(NULL, "calf", MYOREF_NTS, MYOREF_SIDE_LEFT, 1), "intake");
  CHECK_NULL_ARG(myoref_intake_add_pain(in, NULL, MYOREF_NTS, MYOREF_SIDE_LEFT, 1), "region");
  CHECK_NULL_ARG(myoref_intake_confirm_finding(NULL, "walking", MYOREF_NTS), "intake");
  CHECK_NULL_ARG(myoref_intake_confirm_finding(in, NULL, 1), "id");
  CHECK_NULL_ARG(myoref_intake_deny_finding(NULL, "walking", MYOREF_NTS), "intake");
  CHECK_NULL_ARG(myoref_intake_deny_finding(in, NULL, 1), "id");
  CHECK_NULL_ARG(myoref_intake_confirm_red_flag(NULL, "osteoporosis", MYOREF_NTS), "intake");
  CHECK_NULL_ARG(myoref_intake_confirm_red_flag(in, NULL, 1), "id");
  CHECK_NULL_ARG(myoref_intake_set_age(NULL, 40), "intake");
  CHECK_NULL_ARG(myoref_intake_set_duration_days(NULL, 40), "intake");
  CHECK_NULL_ARG(myoref_intake_set_onset(NULL, MYOREF_ONSET_SUDDEN), "intake");
  CHECK_NULL_ARG(myoref_intake_validate(NULL), "intake");
  CHECK_NULL_ARG(myoref_intake_to_json(NULL, in), "out");
  CHECK_NULL_ARG(myoref_intake_to_json(&s, NULL), "intake");

  CHECK_NULL_ARG(myoref_assess_json(NULL, kb, kClassic, MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_assess_json(&s, NULL, kClassic, MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_assess_json(&s, kb, NULL, 3), "intake");
  {
    myoref_assessment* other = (myoref_assessment*)&other;
    CHECK_NULL_ARG(myoref_assess(NULL, in), "out");
    CHECK_NULL_ARG(myoref_assess(&other, NULL), "intake");
    CHECK(other == NULL);
  }
  CHECK_NULL_ARG(myoref_assessment_from_json(NULL, kb, "{}", MYOREF_NTS), "out");
  {
    myoref_assessment* b = NULL;
    CHECK_NULL_ARG(myoref_assessment_from_json(&b, NULL, "{}", MYOREF_NTS), "kb");
    CHECK_NULL_ARG(myoref_assessment_from_json(&b, kb, NULL, 2), "text");
  }
  CHECK_NULL_ARG(myoref_assessment_to_json(NULL, a, 0), "out");
  CHECK_NULL_ARG(myoref_assessment_to_json(&s, NULL, 0), "assessment");
  CHECK_NULL_ARG(myoref_assessment_to_text(NULL, a), "out");
  CHECK_NULL_ARG(myoref_assessment_to_text(&s, NULL), "assessment");
  CHECK_NULL_ARG(myoref_assessment_intake_json(NULL, a), "out");
  CHECK_NULL_ARG(myoref_assessment_intake_json(&s, NULL), "assessment");
  CHECK_NULL_ARG(myoref_assessment_triage_level(NULL), "assessment");
  CHECK_NULL_ARG(myoref_assessment_age_rule(NULL), "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_red_flag_count(NULL), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_red_flag_id(NULL, 0), NULL, "assessment");
  CHECK_NULL_ARG(myoref_assessment_red_flag_level(NULL, 0), "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_red_flag_advice(NULL, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_advice_count(NULL), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_advice(NULL, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_count(NULL), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_key(NULL, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_muscle(NULL, 0), NULL, "assessment");
  CHECK_NULL_ARG(myoref_assessment_candidate_side(NULL, 0), "assessment");
  CHECK_NULL_ARG(myoref_assessment_candidate_tied(NULL, 0), "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_name(NULL, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_score(NULL, 0), -1.0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_explained_count(NULL, 0), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_explained(NULL, 0, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_unexplained_count(NULL, 0), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_unexplained(NULL, 0, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_findings_for_count(NULL, 0), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_finding_for(NULL, 0, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_findings_against_count(NULL, 0), 0,
                       "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_finding_against(NULL, 0, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_basis_count(NULL, 0), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_candidate_basis(NULL, 0, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_cover_count(NULL), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_cover(NULL, 0), NULL, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_unexplained_count(NULL), 0, "assessment");
  CHECK_NULL_ARG_VALUE(myoref_assessment_unexplained(NULL, 0), NULL, "assessment");

  myoref_assessment_free(a);
  myoref_intake_free(in);
}

/* Schema 2: red flags answered no, precautions and sex, call by call and as
 * JSON, give the same canonical intake; the new rules hold for both. */
static void test_answers_precautions_sex(const myoref_kb* kb) {
  static const char kJson[] =
      "{\"pain\": [{\"region\": \"chest\", \"side\": \"left\", \"intensity\": 6}],"
      "\"red_flags_denied\": [\"cardiac_chest_pain\", \"breathless_or_coughing_blood\"],"
      "\"precautions\": [\"blood_thinners\"], \"sex\": \"female\", \"age\": 58}";
  myoref_intake* in = NULL;
  myoref_intake* parsed = NULL;
  char* a = NULL;
  char* b = NULL;
  size_t index = 0;

  CHECK(myoref_kb_precaution_count(kb) == 6);
  CHECK_OK(myoref_kb_find_precaution(&index, kb, "pregnant", MYOREF_NTS));
  CHECK_STR(myoref_kb_precaution_id(kb, index), "pregnant");
  CHECK(myoref_kb_precaution_name(kb, index) != NULL);
  CHECK(myoref_kb_precaution_what(kb, index) != NULL);
  CHECK(myoref_kb_precaution_id(kb, 99) == NULL);
  CHECK_STATUS(myoref_kb_find_precaution(&index, kb, "pregnnt", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'pregnant'?");
  CHECK_STR(myoref_sex_name(MYOREF_SEX_FEMALE), "female");
  CHECK_STR(myoref_sex_name(MYOREF_SEX_MALE), "male");
  CHECK_STR(myoref_sex_name(MYOREF_SEX_UNKNOWN), "unknown");
  CHECK(myoref_sex_name(3) == NULL);

  CHECK_OK(myoref_intake_new(&in, kb));
  CHECK_OK(myoref_intake_add_pain(in, "chest", MYOREF_NTS, MYOREF_SIDE_LEFT, 6));
  CHECK_OK(myoref_intake_deny_red_flag(in, "breathless_or_coughing_blood", MYOREF_NTS));
  CHECK_OK(myoref_intake_deny_red_flag(in, "cardiac_chest_pain", MYOREF_NTS));
  CHECK_OK(myoref_intake_add_precaution(in, "blood_thinners", MYOREF_NTS));
  CHECK_OK(myoref_intake_set_sex(in, MYOREF_SEX_MALE));
  CHECK_OK(myoref_intake_set_sex(in, MYOREF_SEX_FEMALE));
  CHECK_OK(myoref_intake_set_age(in, 58));
  CHECK_OK(myoref_intake_from_json(&parsed, kb, kJson, MYOREF_NTS));
  CHECK_OK(myoref_intake_to_json(&a, in));
  CHECK_OK(myoref_intake_to_json(&b, parsed));
  CHECK_STR(a, b);
  CHECK(
      a != NULL &&
      strstr(a, "\"red_flags_denied\":[\"cardiac_chest_pain\",\"breathless_or_coughing_blood\"]") !=
          NULL);
  CHECK(a != NULL && strstr(a, "\"precautions\":[\"blood_thinners\"]") != NULL);
  CHECK(a != NULL && strstr(a, "\"sex\":\"female\"") != NULL);
  myoref_string_free(a);
  myoref_string_free(b);

  /* Unknown ids and values are refused at once; a yes and a no for one red
   * flag by validation. */
  CHECK_STATUS(myoref_intake_add_precaution(in, "blood_thiners", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'blood_thinners'?");
  CHECK_STATUS(myoref_intake_deny_red_flag(in, "tearing_pian", MYOREF_NTS), MYOREF_ENOTFOUND);
  CHECK_ERROR(MYOREF_ENOTFOUND, "did you mean 'tearing_pain'?");
  CHECK_STATUS(myoref_intake_set_sex(in, 3), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "sex 3");
  CHECK_OK(myoref_intake_confirm_red_flag(in, "cardiac_chest_pain", MYOREF_NTS));
  CHECK_STATUS(myoref_intake_validate(in), MYOREF_EINPUT);
  CHECK_STR(myoref_last_error_diagnostic_path(0), "/red_flags_denied/1");
  CHECK_OK(myoref_intake_set_sex(in, MYOREF_SEX_UNKNOWN));
  CHECK_NULL_ARG(myoref_intake_deny_red_flag(NULL, "tearing_pain", MYOREF_NTS), "intake");
  CHECK_NULL_ARG(myoref_intake_add_precaution(in, NULL, 1), "id");
  CHECK_NULL_ARG(myoref_intake_set_sex(NULL, MYOREF_SEX_MALE), "intake");
  myoref_intake_free(in);
  myoref_intake_free(parsed);
}

/* Questions: JSON in and out, and the assessment's structured accessors. */
static void test_questions(const myoref_kb* kb) {
  static const char kChest[] =
      "{\"pain\": [{\"region\": \"chest\", \"side\": \"left\", \"intensity\": 7}],"
      " \"age\": 58, \"onset\": \"sudden\", \"red_flags_denied\": "
      "[\"breathless_or_coughing_blood\"]}";
  char* json = NULL;
  myoref_intake* in = NULL;
  myoref_assessment* a = NULL;
  size_t i = 0;
  int saw_pending = 0;

  CHECK_OK(myoref_questions_json(&json, kb, kChest, MYOREF_NTS));
  CHECK(json != NULL && strncmp(json, "{\"questions\":[{\"id\":\"cardiac_chest_pain\"", 38) == 0);
  CHECK(json != NULL && strstr(json, "\"breathless_or_coughing_blood\"") == NULL);
  myoref_string_free(json);
  json = (char*)&json;
  CHECK_STATUS(myoref_questions_json(&json, kb, "{\"pain\": []}", MYOREF_NTS), MYOREF_EINPUT);
  CHECK(json == NULL);

  CHECK_OK(myoref_intake_from_json(&in, kb, kChest, MYOREF_NTS));
  CHECK_OK(myoref_assess(&a, in));
  CHECK(myoref_assessment_provisional(a) == 1);
  CHECK(myoref_assessment_question_count(a) >= 2);
  CHECK_STR(myoref_assessment_question_id(a, 0), "cardiac_chest_pain");
  CHECK(myoref_assessment_question_level(a, 0) == MYOREF_TRIAGE_EMERGENCY);
  CHECK(myoref_assessment_question_text(a, 0) != NULL);
  CHECK(strstr(myoref_assessment_question_why(a, 0), "at 58") != NULL);
  CHECK(myoref_assessment_question_id(a, 999) == NULL);
  CHECK(myoref_assessment_question_level(a, 999) < 0);
  CHECK(myoref_assessment_pending_count(a) + 1 == myoref_assessment_question_count(a));
  for (i = 0; i < myoref_assessment_pending_count(a); ++i) {
    if (strcmp(myoref_assessment_pending_id(a, i), "breathless_or_coughing_blood") == 0)
      CHECK(0);
    saw_pending = 1;
  }
  CHECK(saw_pending);
  CHECK(myoref_assessment_triage_level(a) >= MYOREF_TRIAGE_SEE_CLINICIAN);
  CHECK(myoref_assessment_rule_count(a) >= 1);
  saw_pending = 0;
  for (i = 0; i < myoref_assessment_rule_count(a); ++i) {
    if (strcmp(myoref_assessment_rule_id(a, i), "unanswered") == 0)
      saw_pending = 1;
  }
  CHECK(saw_pending);
  CHECK(myoref_assessment_rule_level(a, 0) == MYOREF_TRIAGE_SEE_CLINICIAN);
  CHECK(myoref_assessment_rule_reason(a, 0) != NULL);
  CHECK(myoref_assessment_rule_id(a, 99) == NULL);
  CHECK(myoref_assessment_also_consider_count(a) == 0);
  CHECK(myoref_assessment_also_consider_id(a, 0) == NULL);
  myoref_assessment_free(a);
  myoref_intake_free(in);

  /* Nerve-root pain in the arm is named beside the muscles. */
  in = NULL;
  CHECK_OK(myoref_intake_new(&in, kb));
  CHECK_OK(myoref_intake_add_pain(in, "forearm", MYOREF_NTS, MYOREF_SIDE_RIGHT, 6));
  CHECK_OK(myoref_intake_confirm_finding(in, "arm_pain_below_elbow_worse", MYOREF_NTS));
  CHECK_OK(myoref_assess(&a, in));
  CHECK(myoref_assessment_also_consider_count(a) == 1);
  CHECK_STR(myoref_assessment_also_consider_id(a, 0), "nerve_root_arm");
  CHECK(strstr(myoref_assessment_also_consider_name(a, 0), "Nerve-root") != NULL);
  CHECK_NULL_ARG(myoref_assessment_provisional(NULL), "assessment");
  myoref_assessment_free(a);
  myoref_intake_free(in);
}

/* Languages (docs/languages.md): the same knowledge base in Spanish, same hash. */
static void test_languages(const myoref_kb* kb) {
  myoref_kb* es = NULL;
  size_t glute = 0;
  CHECK_STR(myoref_kb_locale(kb), "en");
  CHECK_OK(myoref_kb_localized(&es, kb, "es-MX", NULL, 0));
  if (es == NULL) {
    return;
  }
  CHECK_STR(myoref_kb_locale(es), "es-MX");
  CHECK_STR(myoref_kb_hash(es), myoref_kb_hash(kb));
  CHECK_OK(myoref_kb_find_muscle(&glute, es, "gluteus_medius", 14));
  CHECK_STR(myoref_kb_muscle_name(es, glute), "Gl\xc3\xbateo medio");
  {
    static const char pack[] = "{\"muscle.gluteus_medius.name\": \"Glute\"}";
    myoref_kb* mine = NULL;
    CHECK_OK(myoref_kb_localized(&mine, kb, "es", pack, sizeof pack - 1));
    CHECK_STR(myoref_kb_muscle_name(mine, glute), "Glute");
    myoref_kb_free(mine);
  }
  {
    myoref_kb* none = NULL;
    CHECK_STATUS(myoref_kb_localized(&none, kb, "xx", NULL, 0), MYOREF_ENOTFOUND);
    CHECK(none == NULL);
  }
  {
    /* The problems found in what a person gave speak the knowledge base's
       language; the error code and the paths stay as they are. */
    static const char bad[] = "{\"pain\": [{\"region\": \"sacrum\", \"intensity\": 12}]}";
    char* out = (char*)&out;
    CHECK_STATUS(myoref_assess_json(&out, es, bad, sizeof bad - 1), MYOREF_EINPUT);
    CHECK(out == NULL);
    CHECK(strstr(myoref_last_error()->message, "no es v\xc3\xa1lido") != NULL);
    CHECK_STR(myoref_last_error_diagnostic_path(0), "/pain/0/intensity");
    CHECK(strstr(myoref_last_error_diagnostic_message(0), "12 est\xc3\xa1 fuera de rango") != NULL);
  }
  myoref_kb_free(es);
  /* A refused call clears its out-parameter: a handle given there would be
     lost, so this one starts empty. */
  es = NULL;
  CHECK_NULL_ARG(myoref_kb_localized(&es, kb, NULL, NULL, 0), "locale");
  CHECK(es == NULL);
}

int main(void) {
  myoref_kb* kb = NULL;
  CHECK_OK(myoref_kb_open_default(&kb));
  if (kb == NULL) {
    return check_done("c_api assess");
  }
  test_structured_equals_json(kb);
  test_assessment_accessors(kb);
  test_triage(kb);
  test_unexplained(kb);
  test_intake_errors(kb);
  test_assessment_documents(kb);
  test_null_arguments(kb);
  test_answers_precautions_sex(kb);
  test_questions(kb);
  test_languages(kb);
  myoref_kb_free(kb);
  return check_done("c_api assess");
}
