/* C API: handles that catch misuse, and messages that stay bounded, valid UTF-8.
 *
 * Every function that takes a handle is called here with a handle of another
 * type (a knowledge base passed as an assessment, ...): each must fail with
 * MYOREF_EMISUSE and say what it was given, without reading the handle as
 * the type it is not (ASan and Valgrind would catch a read past a smaller
 * handle). check_misuse.cmake checks that no such function is missing here. */
#include "check.h"

/* 1 when `s` is well-formed UTF-8. */
static int valid_utf8(const char* s) {
  const unsigned char* p = (const unsigned char*)s;
  while (*p != 0) {
    size_t n, i;
    unsigned char lo = 0x80, hi = 0xBF;
    if (*p < 0x80) {
      ++p;
      continue;
    }
    if (*p >= 0xC2 && *p <= 0xDF) {
      n = 2;
    } else if (*p >= 0xE0 && *p <= 0xEF) {
      n = 3;
      lo = *p == 0xE0 ? 0xA0 : 0x80;
      hi = *p == 0xED ? 0x9F : 0xBF;
    } else if (*p >= 0xF0 && *p <= 0xF4) {
      n = 4;
      lo = *p == 0xF0 ? 0x90 : 0x80;
      hi = *p == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (p[1] < lo || p[1] > hi) {
      return 0;
    }
    for (i = 2; i < n; ++i) {
      if (p[i] < 0x80 || p[i] > 0xBF) {
        return 0;
      }
    }
    p += n;
  }
  return 1;
}

/* The red-flag questions the drawing opens, answered no: a plan waits for them. */
static const char* const kIntake =
    "{\"pain\": [{\"region\": \"buttock_upper\", \"side\": \"left\", \"intensity\": 6}],"
    " \"red_flags_denied\": [\"saddle_numbness\", \"bladder_bowel_change\","
    " \"progressive_leg_weakness\", \"fever_or_unwell\", \"history_of_cancer\","
    " \"unexplained_weight_loss\", \"major_trauma\", \"immunosuppressed\","
    " \"night_pain_unrelenting\", \"osteoporosis\"]}";

static void test_wrong_handle_types(const myoref_kb* kb, const myoref_intake* intake,
                                    const myoref_assessment* assessment, const myoref_plan* plan) {
  char* text = NULL;
  char* text2 = NULL;
  size_t index = 0;
  float scores[1] = {0.0f};
  const uint8_t u8[1] = {0};
  const float f32[1] = {0.0f};
  myoref_intake* made_intake = NULL;
  myoref_assessment* made_assessment = NULL;
  myoref_plan* made_plan = NULL;
  (void)plan;

  CHECK(myoref_kb_id((const myoref_kb*)(void*)assessment) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_id: argument 'kb' is an assessment (myoref_assessment), not a knowledge "
              "base (myoref_kb)");
  CHECK(myoref_kb_version((const myoref_kb*)(void*)assessment) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_version: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_title((const myoref_kb*)(void*)assessment) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_title: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_hash((const myoref_kb*)(void*)assessment) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_hash: argument 'kb' is an assessment (myoref_assessment), not a knowledge "
              "base (myoref_kb)");
  CHECK(myoref_kb_locale((const myoref_kb*)(void*)assessment) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_locale: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  {
    myoref_kb* localized = NULL;
    CHECK_STATUS(
        myoref_kb_localized(&localized, (const myoref_kb*)(void*)assessment, "es", NULL, 0),
        MYOREF_EMISUSE);
    CHECK_ERROR(MYOREF_EMISUSE,
                "myoref_kb_localized: argument 'kb' is an assessment (myoref_assessment), not a "
                "knowledge base (myoref_kb)");
    CHECK(localized == NULL);
  }
  CHECK_STATUS(myoref_kb_to_json(&text, (const myoref_kb*)(void*)assessment), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_to_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_region_count((const myoref_kb*)(void*)assessment) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_count: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_region_id((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_id: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_region_name((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_name: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_region_midline((const myoref_kb*)(void*)assessment, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_midline: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_find_region(&index, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_find_region: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_region_key_count((const myoref_kb*)(void*)assessment) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_key_count: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK(myoref_kb_region_key((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_key: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_region_key_region((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_key_region: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_region_key_side((const myoref_kb*)(void*)assessment, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_region_key_side: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_kb_find_region_key(&index, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_find_region_key: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK(myoref_kb_muscle_count((const myoref_kb*)(void*)assessment) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_muscle_count: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_muscle_id((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_muscle_id: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_muscle_name((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_muscle_name: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_muscle_midline((const myoref_kb*)(void*)assessment, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_muscle_midline: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_muscle_alias_count((const myoref_kb*)(void*)assessment, 0) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_muscle_alias_count: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK(myoref_kb_muscle_alias((const myoref_kb*)(void*)assessment, 0, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_muscle_alias: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_find_muscle(&index, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_find_muscle: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_muscle_json(&text, (const myoref_kb*)(void*)assessment, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_muscle_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_candidate_count((const myoref_kb*)(void*)assessment) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_candidate_count: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK(myoref_kb_candidate_key((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_candidate_key: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_candidate_muscle((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_candidate_muscle: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_candidate_side((const myoref_kb*)(void*)assessment, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_candidate_side: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_kb_find_candidate(&index, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_find_candidate: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_finding_count((const myoref_kb*)(void*)assessment) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_finding_count: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_finding_id((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_finding_id: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_finding_question((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_finding_question: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_find_finding(&index, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_find_finding: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_red_flag_count((const myoref_kb*)(void*)assessment) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_red_flag_count: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_red_flag_id((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_red_flag_id: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_red_flag_question((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_red_flag_question: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK(myoref_kb_red_flag_advice((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_red_flag_advice: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_kb_red_flag_level((const myoref_kb*)(void*)assessment, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_red_flag_level: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_kb_find_red_flag(&index, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_find_red_flag: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_intake_new(&made_intake, (const myoref_kb*)(void*)assessment),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_new: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_intake_from_json(&made_intake, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_from_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_intake_add_pain((myoref_intake*)(void*)kb, "x", MYOREF_NTS, 0, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_add_pain: argument 'intake' is a knowledge base (myoref_kb), not an "
              "intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_confirm_finding((myoref_intake*)(void*)kb, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_confirm_finding: argument 'intake' is a knowledge base (myoref_kb), "
              "not an intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_deny_finding((myoref_intake*)(void*)kb, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_deny_finding: argument 'intake' is a knowledge base (myoref_kb), not "
              "an intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_confirm_red_flag((myoref_intake*)(void*)kb, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_confirm_red_flag: argument 'intake' is a knowledge base (myoref_kb), "
              "not an intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_set_age((myoref_intake*)(void*)kb, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_set_age: argument 'intake' is a knowledge base (myoref_kb), not an "
              "intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_set_duration_days((myoref_intake*)(void*)kb, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_set_duration_days: argument 'intake' is a knowledge base (myoref_kb), "
              "not an intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_set_onset((myoref_intake*)(void*)kb, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_set_onset: argument 'intake' is a knowledge base (myoref_kb), not an "
              "intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_validate((const myoref_intake*)(void*)kb), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_validate: argument 'intake' is a knowledge base (myoref_kb), not an "
              "intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_to_json(&text, (const myoref_intake*)(void*)kb), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_to_json: argument 'intake' is a knowledge base (myoref_kb), not an "
              "intake (myoref_intake)");
  CHECK_STATUS(myoref_assess_json(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assess_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_assess(&made_assessment, (const myoref_intake*)(void*)kb), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assess: argument 'intake' is a knowledge base (myoref_kb), not an intake "
              "(myoref_intake)");
  CHECK_STATUS(myoref_assessment_from_json(&made_assessment, (const myoref_kb*)(void*)assessment,
                                           "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_from_json: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_assessment_to_json(&text, (const myoref_assessment*)(void*)kb, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_to_json: argument 'assessment' is a knowledge base (myoref_kb), "
              "not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_to_text(&text, (const myoref_assessment*)(void*)kb),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_to_text: argument 'assessment' is a knowledge base (myoref_kb), "
              "not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_intake_json(&text, (const myoref_assessment*)(void*)kb),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_intake_json: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_triage_level((const myoref_assessment*)(void*)kb), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_triage_level: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_age_rule((const myoref_assessment*)(void*)kb), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_age_rule: argument 'assessment' is a knowledge base (myoref_kb), "
              "not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_red_flag_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_red_flag_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_red_flag_id((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_red_flag_id: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_red_flag_level((const myoref_assessment*)(void*)kb, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_red_flag_level: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_red_flag_advice((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_red_flag_advice: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_advice_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_advice_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_advice((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_advice: argument 'assessment' is a knowledge base (myoref_kb), "
              "not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_key((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_key: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_muscle((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_muscle: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_candidate_side((const myoref_assessment*)(void*)kb, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_side: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_candidate_tied((const myoref_assessment*)(void*)kb, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_tied: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_name((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_name: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_score((const myoref_assessment*)(void*)kb, 0) == -1.0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_score: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_explained_count((const myoref_assessment*)(void*)kb, 0) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_explained_count: argument 'assessment' is a knowledge "
              "base (myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_explained((const myoref_assessment*)(void*)kb, 0, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_explained: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_unexplained_count((const myoref_assessment*)(void*)kb, 0) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_unexplained_count: argument 'assessment' is a knowledge "
              "base (myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_unexplained((const myoref_assessment*)(void*)kb, 0, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_unexplained: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_findings_for_count((const myoref_assessment*)(void*)kb, 0) ==
        0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_findings_for_count: argument 'assessment' is a "
              "knowledge base (myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_finding_for((const myoref_assessment*)(void*)kb, 0, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_finding_for: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_findings_against_count((const myoref_assessment*)(void*)kb,
                                                           0) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_findings_against_count: argument 'assessment' is a "
              "knowledge base (myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_finding_against((const myoref_assessment*)(void*)kb, 0, 0) ==
        NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_finding_against: argument 'assessment' is a knowledge "
              "base (myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_basis_count((const myoref_assessment*)(void*)kb, 0) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_basis_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_candidate_basis((const myoref_assessment*)(void*)kb, 0, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_candidate_basis: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_cover_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_cover_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_cover((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_cover: argument 'assessment' is a knowledge base (myoref_kb), not "
              "an assessment (myoref_assessment)");
  CHECK(myoref_assessment_unexplained_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_unexplained_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_unexplained((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_unexplained: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_score_batch_u8(scores, 0, (const myoref_kb*)(void*)assessment, u8, 0, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_score_batch_u8: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_score_batch_f32(scores, 0, (const myoref_kb*)(void*)assessment, f32, 0, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_score_batch_f32: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_plan_start(&made_plan, (const myoref_assessment*)(void*)kb, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_start: argument 'assessment' is a knowledge base (myoref_kb), not an "
              "assessment (myoref_assessment)");
  CHECK_STATUS(
      myoref_plan_from_json(&made_plan, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_from_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_plan_to_json(&text, (const myoref_plan*)(void*)intake), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_to_json: argument 'plan' is an intake (myoref_intake), not a plan "
              "(myoref_plan)");
  CHECK_STATUS(myoref_plan_next(&text, (const myoref_plan*)(void*)intake), MYOREF_EMISUSE);
  CHECK_ERROR(
      MYOREF_EMISUSE,
      "myoref_plan_next: argument 'plan' is an intake (myoref_intake), not a plan (myoref_plan)");
  CHECK_STATUS(myoref_plan_next_text(&text, (const myoref_plan*)(void*)intake), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_next_text: argument 'plan' is an intake (myoref_intake), not a plan "
              "(myoref_plan)");
  CHECK_STATUS(myoref_plan_log(&text, (myoref_plan*)(void*)intake, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(
      MYOREF_EMISUSE,
      "myoref_plan_log: argument 'plan' is an intake (myoref_intake), not a plan (myoref_plan)");
  CHECK_STATUS(myoref_plan_status((const myoref_plan*)(void*)intake), MYOREF_EMISUSE);
  CHECK_ERROR(
      MYOREF_EMISUSE,
      "myoref_plan_status: argument 'plan' is an intake (myoref_intake), not a plan (myoref_plan)");
  CHECK(myoref_plan_target((const myoref_plan*)(void*)intake) == NULL);
  CHECK_ERROR(
      MYOREF_EMISUSE,
      "myoref_plan_target: argument 'plan' is an intake (myoref_intake), not a plan (myoref_plan)");
  CHECK(myoref_plan_reason((const myoref_plan*)(void*)intake) == NULL);
  CHECK_ERROR(
      MYOREF_EMISUSE,
      "myoref_plan_reason: argument 'plan' is an intake (myoref_intake), not a plan (myoref_plan)");
  CHECK(myoref_plan_session_count((const myoref_plan*)(void*)intake) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_session_count: argument 'plan' is an intake (myoref_intake), not a plan "
              "(myoref_plan)");
  CHECK_STATUS(
      myoref_plan_start_json(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS, NULL),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_start_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_plan_next_json(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_next_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_plan_log_json(&text, &text2, (const myoref_kb*)(void*)assessment, "x",
                                    MYOREF_NTS, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_plan_log_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_render_muscle_svg(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS, NULL),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_muscle_svg: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_render_intake_svg(&text, (const myoref_intake*)(void*)kb, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_intake_svg: argument 'intake' is a knowledge base (myoref_kb), not an "
              "intake (myoref_intake)");
  CHECK_STATUS(
      myoref_render_overlay_svg(&text, (const myoref_intake*)(void*)kb, "x", MYOREF_NTS, NULL),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_overlay_svg: argument 'intake' is a knowledge base (myoref_kb), not "
              "an intake (myoref_intake)");
  CHECK_STATUS(myoref_render_candidates_svg(&text, (const myoref_assessment*)(void*)kb, 0, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_candidates_svg: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_render_report_html(&text, (const myoref_assessment*)(void*)kb, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_report_html: argument 'assessment' is a knowledge base (myoref_kb), "
              "not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_render_chart_svg(&text, (const myoref_kb*)(void*)assessment, NULL, 0, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_chart_svg: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_render_pain_over_time_svg(&text, (const myoref_plan*)(void*)kb, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_pain_over_time_svg: argument 'plan' is a knowledge base (myoref_kb), "
              "not a plan (myoref_plan)");
  CHECK_STATUS(myoref_render_pain_over_time_svg_json(&text, (const myoref_kb*)(void*)assessment,
                                                     "x", MYOREF_NTS, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_pain_over_time_svg_json: argument 'kb' is an assessment "
              "(myoref_assessment), not a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_render_intake_svg_json(&text, (const myoref_kb*)(void*)assessment, "x",
                                             MYOREF_NTS, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_intake_svg_json: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_render_overlay_svg_json(&text, (const myoref_kb*)(void*)assessment, "x",
                                              MYOREF_NTS, "x", MYOREF_NTS, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_overlay_svg_json: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_render_candidates_svg_json(&text, (const myoref_kb*)(void*)assessment, "x",
                                                 MYOREF_NTS, 0, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_candidates_svg_json: argument 'kb' is an assessment "
              "(myoref_assessment), not a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_render_report_html_json(&text, (const myoref_kb*)(void*)assessment, "x",
                                              MYOREF_NTS, NULL),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_render_report_html_json: argument 'kb' is an assessment (myoref_assessment), "
              "not a knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_fhir_json(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS, "x", "x"),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_fhir_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_import_fhir_json(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_import_fhir_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_import_choir_json(&text, (const myoref_kb*)(void*)assessment, "x", "x", 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_import_choir_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_export_choir_json(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS, "x"),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_export_choir_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_precaution_count((const myoref_kb*)(void*)assessment) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_precaution_count: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK(myoref_kb_precaution_id((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_precaution_id: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_kb_precaution_name((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_precaution_name: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK(myoref_kb_precaution_what((const myoref_kb*)(void*)assessment, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_precaution_what: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK_STATUS(
      myoref_kb_find_precaution(&index, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
      MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_find_precaution: argument 'kb' is an assessment (myoref_assessment), not "
              "a knowledge base (myoref_kb)");
  CHECK_STATUS(myoref_intake_deny_red_flag((myoref_intake*)(void*)kb, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_deny_red_flag: argument 'intake' is a knowledge base (myoref_kb), not "
              "an intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_add_precaution((myoref_intake*)(void*)kb, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_add_precaution: argument 'intake' is a knowledge base (myoref_kb), "
              "not an intake (myoref_intake)");
  CHECK_STATUS(myoref_intake_set_sex((myoref_intake*)(void*)kb, 0), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_intake_set_sex: argument 'intake' is a knowledge base (myoref_kb), not an "
              "intake (myoref_intake)");
  CHECK_STATUS(myoref_questions_json(&text, (const myoref_kb*)(void*)assessment, "x", MYOREF_NTS),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_questions_json: argument 'kb' is an assessment (myoref_assessment), not a "
              "knowledge base (myoref_kb)");
  CHECK(myoref_assessment_question_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_question_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_question_id((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_question_id: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_question_level((const myoref_assessment*)(void*)kb, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_question_level: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_question_text((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_question_text: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_question_why((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_question_why: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_provisional((const myoref_assessment*)(void*)kb), MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_provisional: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_pending_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_pending_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_pending_id((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_pending_id: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_rule_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_rule_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_rule_id((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_rule_id: argument 'assessment' is a knowledge base (myoref_kb), "
              "not an assessment (myoref_assessment)");
  CHECK_STATUS(myoref_assessment_rule_level((const myoref_assessment*)(void*)kb, 0),
               MYOREF_EMISUSE);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_rule_level: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_rule_reason((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_rule_reason: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_also_consider_count((const myoref_assessment*)(void*)kb) == 0);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_also_consider_count: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_also_consider_id((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_also_consider_id: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  CHECK(myoref_assessment_also_consider_name((const myoref_assessment*)(void*)kb, 0) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_assessment_also_consider_name: argument 'assessment' is a knowledge base "
              "(myoref_kb), not an assessment (myoref_assessment)");
  /* Nothing was made or written. */
  CHECK(text == NULL && text2 == NULL && made_intake == NULL && made_assessment == NULL &&
        made_plan == NULL);
}

static void test_not_a_handle(void) {
  /* Memory that is no handle at all (here: zeros): "not a myoref handle". */
  static const unsigned char zeros[64] = {0};
  CHECK(myoref_kb_id((const myoref_kb*)(const void*)zeros) == NULL);
  CHECK_ERROR(MYOREF_EMISUSE,
              "myoref_kb_id: argument 'kb' is not a myoref handle, not a knowledge base");
  CHECK_STR(myoref_status_name(MYOREF_EMISUSE), "misuse");
}

static void test_free_of_another_type(myoref_kb* kb, myoref_assessment* assessment) {
  /* A free function given another type's handle leaves it alone: the
   * assessment is still whole afterwards (ASan would report a bad free). */
  myoref_kb_free((myoref_kb*)(void*)assessment);
  myoref_intake_free((myoref_intake*)(void*)kb);
  myoref_plan_free((myoref_plan*)(void*)kb);
  myoref_assessment_free((myoref_assessment*)(void*)kb);
  CHECK(myoref_assessment_candidate_count(assessment) > 0);
  CHECK_STR(myoref_kb_id(kb), "myoref-default");
}

static void test_bounded_messages(const myoref_kb* kb, myoref_intake* intake) {
  /* A 10 MB id: the message quotes 64 characters of it and an ellipsis. */
  const size_t big = (size_t)10 * 1024 * 1024;
  char* id = (char*)malloc(big);
  size_t index = 0;
  const myoref_error* e;
  CHECK(id != NULL);
  if (id == NULL) {
    return;
  }
  memset(id, 'a', big);
  CHECK_STATUS(myoref_kb_find_region(&index, kb, id, big), MYOREF_ENOTFOUND);
  e = myoref_last_error();
  CHECK(strlen(e->message) < 200);
  CHECK(strstr(e->message,
               "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xE2\x80\xA6'") !=
        NULL);
  CHECK(strstr(e->message, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") ==
        NULL);
  CHECK(valid_utf8(e->message));

  /* Cut on a character boundary: of 70 two-byte characters, 64 whole ones
   * and the ellipsis. */
  {
    char accents[141];
    char expected[2 + 128 + 3 + 1];
    size_t i;
    for (i = 0; i < 70; ++i) {
      accents[2 * i] = (char)0xC3;
      accents[2 * i + 1] = (char)0xA9; /* U+00E9 */
    }
    accents[140] = '\0';
    expected[0] = '\'';
    memcpy(expected + 1, accents, 128);
    memcpy(expected + 129, "\xE2\x80\xA6'", 5); /* U+2026, the quote, the NUL */
    CHECK_STATUS(myoref_intake_confirm_finding(intake, accents, MYOREF_NTS), MYOREF_ENOTFOUND);
    e = myoref_last_error();
    CHECK(valid_utf8(e->message));
    CHECK(strstr(e->message, expected) != NULL);
  }

  /* Invalid UTF-8 is replaced (U+FFFD), never passed on raw. */
  CHECK_STATUS(myoref_kb_find_muscle(&index, kb, "glut\xff\xfe\xc3(eus", MYOREF_NTS),
               MYOREF_ENOTFOUND);
  e = myoref_last_error();
  CHECK(valid_utf8(e->message));
  CHECK(strstr(e->message, "'glut\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD(eus'") != NULL);
  /* An encoded UTF-16 surrogate is not UTF-8 either. */
  CHECK_STATUS(myoref_kb_find_finding(&index, kb, "walk\xed\xa0\x80ing", MYOREF_NTS),
               MYOREF_ENOTFOUND);
  CHECK(valid_utf8(myoref_last_error()->message));
  CHECK(strstr(myoref_last_error()->message, "'walk\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDing'") !=
        NULL);
  free(id);
}

int main(void) {
  myoref_kb* kb = NULL;
  myoref_intake* intake = NULL;
  myoref_assessment* assessment = NULL;
  myoref_plan* plan = NULL;
  CHECK_OK(myoref_kb_open_default(&kb));
  CHECK_OK(myoref_intake_from_json(&intake, kb, kIntake, MYOREF_NTS));
  CHECK_OK(myoref_assess(&assessment, intake));
  CHECK_OK(myoref_plan_start(&plan, assessment, NULL));
  if (kb != NULL && intake != NULL && assessment != NULL && plan != NULL) {
    test_wrong_handle_types(kb, intake, assessment, plan);
    test_not_a_handle();
    test_free_of_another_type(kb, assessment);
    test_bounded_messages(kb, intake);
  }
  myoref_plan_free(plan);
  myoref_assessment_free(assessment);
  myoref_intake_free(intake);
  myoref_kb_free(kb);
  return check_done("test_misuse");
}
