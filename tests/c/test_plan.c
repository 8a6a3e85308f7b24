/* C API: plans on handles and on plan documents. */
#include "check.h"

static const char kClassic[] =
    "{\"pain\": ["
    "{\"region\": \"iliac_crest\", \"side\": \"left\", \"intensity\": 6},"
    "{\"region\": \"sacroiliac\", \"side\": \"left\", \"intensity\": 5},"
    "{\"region\": \"buttock_upper\", \"side\": \"left\", \"intensity\": 5},"
    "{\"region\": \"sacrum\", \"intensity\": 3}],"
    "\"findings\": [\"walking\", \"standing_long\", \"stairs\"],"
    "\"denied\": [\"sitting_long\"], \"red_flags\": [],"
    /* Every red-flag question this drawing opens, answered no: a plan waits
     * for the emergency ones, and self-care needs them all. */
    "\"red_flags_denied\": [\"saddle_numbness\", \"bladder_bowel_change\","
    " \"progressive_leg_weakness\", \"fever_or_unwell\", \"history_of_cancer\","
    " \"unexplained_weight_loss\", \"major_trauma\", \"immunosuppressed\","
    " \"urinary_blood_or_fever\", \"night_pain_unrelenting\", \"osteoporosis\"],"
    "\"age\": 42, \"duration_days\": 21, \"onset\": \"gradual\"}";

static const char kUrgent[] =
    "{\"pain\": [{\"region\": \"buttock_upper\", \"side\": \"left\", \"intensity\": 6}],"
    " \"red_flags\": [\"history_of_cancer\"]}";

/* A session log on `target`, on day `day` (0, 1, ...). */
static void session(char* buf, size_t size, int day, const char* target, int before, int after,
                    const char* red_flags) {
  snprintf(buf, size,
           "{\"date\": \"2027-%02d-%02d\", \"target\": \"%s\","
           " \"steps\": [\"release\", \"stretch\", \"strengthen\"],"
           " \"pain_before\": %d, \"pain_after\": %d, \"red_flags\": [%s]}",
           1 + day / 28, 1 + day % 28, target, before, after, red_flags);
}

static myoref_assessment* assess(const myoref_kb* kb, const char* intake_json) {
  myoref_intake* in = NULL;
  myoref_assessment* a = NULL;
  CHECK_OK(myoref_intake_from_json(&in, kb, intake_json, MYOREF_NTS));
  CHECK_OK(myoref_assess(&a, in));
  myoref_intake_free(in);
  return a;
}

static void test_options(void) {
  myoref_plan_options init = MYOREF_PLAN_OPTIONS_INIT;
  myoref_plan_options o;
  memset(&o, 0xff, sizeof o);
  CHECK_OK(myoref_plan_options_init(&o, MYOREF_PLAN_OPTIONS_VERSION));
  /* The macro and the function agree (the function reads the C++ defaults). */
  CHECK(o.version == MYOREF_PLAN_OPTIONS_VERSION && init.version == o.version);
  CHECK(init.release_trials == o.release_trials);
  CHECK(init.relief_points == o.relief_points);
  CHECK(init.relief_percent == o.relief_percent);
  CHECK(init.worsening_points == o.worsening_points);
  CHECK(init.worsening_sessions == o.worsening_sessions);
  CHECK(init.maintenance_sessions == o.maintenance_sessions);
  CHECK(init.append_related == o.append_related);
  CHECK(init.max_candidates == o.max_candidates);
  CHECK(init.max_exercises_per_step == o.max_exercises_per_step);
  CHECK(init.no_improvement_weeks == o.no_improvement_weeks);
  CHECK(o.release_trials == 3 && o.append_related == 1);
  CHECK(o.max_candidates == 3 && o.max_exercises_per_step == 2 && o.no_improvement_weeks == 6);

  /* A caller built against layout 1 passes the smaller struct: the library
   * fills only its members and leaves the rest of the memory alone. */
  memset(&o, 0xff, sizeof o);
  CHECK_OK(myoref_plan_options_init(&o, 1));
  CHECK(o.version == 1 && o.append_related == 1 && o.max_candidates == -1);

  CHECK_STATUS(myoref_plan_options_init(&o, 0), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "options version 0");
  CHECK_STATUS(myoref_plan_options_init(&o, MYOREF_PLAN_OPTIONS_VERSION + 1), MYOREF_EINVAL);
  CHECK_NULL_ARG(myoref_plan_options_init(NULL, MYOREF_PLAN_OPTIONS_VERSION), "options");
}

static void test_journey(const myoref_kb* kb) {
  myoref_assessment* a = assess(kb, kClassic);
  myoref_plan* plan = NULL;
  myoref_plan* copy = NULL;
  char* doc = NULL;
  char* doc_again = NULL;
  char* next = NULL;
  char* text = NULL;
  char* decision = NULL;
  char log[512];
  char target[128];

  CHECK_OK(myoref_plan_start(&plan, a, NULL));
  if (plan == NULL) {
    myoref_assessment_free(a);
    return;
  }
  CHECK(myoref_plan_status(plan) == MYOREF_PLAN_ACTIVE);
  CHECK_STR(myoref_plan_target(plan), "gluteus_medius:left");
  CHECK(myoref_plan_reason(plan) != NULL && strlen(myoref_plan_reason(plan)) > 0);
  CHECK(myoref_plan_session_count(plan) == 0);

  CHECK_OK(myoref_plan_next(&next, plan));
  CHECK(next != NULL && strstr(next, "\"gluteus_medius:left\"") != NULL);
  CHECK(next != NULL && strstr(next, "\"release\"") != NULL && strstr(next, "\"stretch\"") &&
        strstr(next, "\"strengthen\""));
  CHECK_OK(myoref_plan_next_text(&text, plan));
  CHECK(text != NULL && strstr(text, "Gluteus medius") != NULL);

  /* The document round-trips. */
  CHECK_OK(myoref_plan_to_json(&doc, plan));
  CHECK_OK(myoref_plan_from_json(&copy, kb, doc, MYOREF_NTS));
  CHECK_OK(myoref_plan_to_json(&doc_again, copy));
  CHECK_STR(doc_again, doc);
  myoref_string_free(doc_again);
  doc_again = NULL;

  /* A session: the decision comes back as JSON. */
  strcpy(target, myoref_plan_target(plan));
  session(log, sizeof log, 0, target, 6, 5, "");
  CHECK_OK(myoref_plan_log(&decision, plan, log, strlen(log)));
  CHECK(decision != NULL && strstr(decision, "\"outcome\"") != NULL);
  CHECK(myoref_plan_session_count(plan) == 1);
  CHECK(myoref_plan_status(plan) == MYOREF_PLAN_ACTIVE);
  myoref_string_free(decision);
  decision = NULL;

  /* A bad session changes nothing. */
  CHECK_OK(myoref_plan_to_json(&doc_again, plan));
  session(log, sizeof log, 1, "piriformis:right", 6, 5, "");
  decision = (char*)&decision;
  CHECK_STATUS(myoref_plan_log(&decision, plan, log, MYOREF_NTS), MYOREF_EINPUT);
  CHECK(decision == NULL);
  CHECK(myoref_last_error()->diagnostic_count >= 1);
  CHECK_STATUS(myoref_plan_log(&decision, plan, "{\"date\":", MYOREF_NTS), MYOREF_EPARSE);
  CHECK_STATUS(myoref_plan_log(&decision, plan, NULL, 0), MYOREF_EPARSE);
  session(log, sizeof log, 1, target, 11, 5, "");
  CHECK_STATUS(myoref_plan_log(&decision, plan, log, MYOREF_NTS), MYOREF_EINPUT);
  CHECK(myoref_plan_session_count(plan) == 1);
  myoref_string_free(doc);
  doc = NULL;
  CHECK_OK(myoref_plan_to_json(&doc, plan));
  CHECK_STR(doc, doc_again);

  /* A red flag stops the plan; next still answers; logging is refused. */
  session(log, sizeof log, 2, target, 6, 6, "\"saddle_numbness\"");
  CHECK_OK(myoref_plan_log(&decision, plan, log, MYOREF_NTS));
  CHECK(decision != NULL && strstr(decision, "stopped_red_flag") != NULL);
  myoref_string_free(decision);
  decision = NULL;
  CHECK(myoref_plan_status(plan) == MYOREF_PLAN_STOPPED_SEEK_CARE);
  myoref_string_free(next);
  next = NULL;
  CHECK_OK(myoref_plan_next(&next, plan));
  CHECK(next != NULL && strstr(next, "stopped_seek_care") != NULL);
  session(log, sizeof log, 3, target, 6, 6, "");
  CHECK_STATUS(myoref_plan_log(&decision, plan, log, MYOREF_NTS), MYOREF_EREFUSED);
  CHECK(myoref_plan_session_count(plan) == 2);

  /* Pain over the sessions: the handle and the document give the same picture. */
  {
    char* svg = NULL;
    char* svg_json = NULL;
    char* none = (char*)&none;
    myoref_render_options o = MYOREF_RENDER_OPTIONS_INIT;
    myoref_string_free(doc);
    doc = NULL;
    CHECK_OK(myoref_plan_to_json(&doc, plan));
    CHECK_OK(myoref_render_pain_over_time_svg(&svg, plan, NULL));
    CHECK_OK(myoref_render_pain_over_time_svg_json(&svg_json, kb, doc, MYOREF_NTS, NULL));
    CHECK(svg != NULL && strncmp(svg, "<svg", 4) == 0);
    CHECK_STR(svg, svg_json);
    CHECK(svg != NULL && strstr(svg, ">Stopped</text>") != NULL);
    CHECK(svg != NULL && strstr(svg, "Session 2 on ") != NULL);
    o.id_prefix = "9";
    CHECK_STATUS(myoref_render_pain_over_time_svg(&none, plan, &o), MYOREF_EINVAL);
    CHECK(none == NULL);
    CHECK_STATUS(myoref_render_pain_over_time_svg_json(&none, kb, "{", 1, NULL), MYOREF_EPARSE);
    CHECK_NULL_ARG(myoref_render_pain_over_time_svg(NULL, plan, NULL), "out");
    CHECK_NULL_ARG(myoref_render_pain_over_time_svg(&none, NULL, NULL), "plan");
    CHECK_NULL_ARG(myoref_render_pain_over_time_svg_json(&none, NULL, doc, MYOREF_NTS, NULL), "kb");
    CHECK_NULL_ARG(myoref_render_pain_over_time_svg_json(&none, kb, NULL, 2, NULL), "plan");
    myoref_string_free(svg);
    myoref_string_free(svg_json);
  }

  myoref_string_free(doc);
  myoref_string_free(doc_again);
  myoref_string_free(next);
  myoref_string_free(text);
  myoref_plan_free(copy);
  myoref_plan_free(plan);
  myoref_assessment_free(a);
}

static void test_exhausted(const myoref_kb* kb) {
  /* One release session without relief per candidate: the plan runs out. */
  myoref_assessment* a = assess(kb, kClassic);
  myoref_plan_options o = MYOREF_PLAN_OPTIONS_INIT;
  myoref_plan* plan = NULL;
  char log[512];
  char* decision = NULL;
  int day;
  o.release_trials = 1;
  o.append_related = 0;
  CHECK_OK(myoref_plan_start(&plan, a, &o));
  for (day = 0; day < 200 && plan != NULL && myoref_plan_status(plan) == MYOREF_PLAN_ACTIVE;
       ++day) {
    session(log, sizeof log, day, myoref_plan_target(plan), 6, 6, "");
    CHECK_OK(myoref_plan_log(&decision, plan, log, MYOREF_NTS));
    myoref_string_free(decision);
    decision = NULL;
  }
  CHECK(myoref_plan_status(plan) == MYOREF_PLAN_EXHAUSTED);
  CHECK_STR(myoref_plan_target(plan), "");
  /* One session per candidate in the plan's list (the assessment's ranking). */
  CHECK(myoref_plan_session_count(plan) >= 1 &&
        myoref_plan_session_count(plan) <= myoref_assessment_candidate_count(a));
  session(log, sizeof log, day, "gluteus_medius:left", 6, 6, "");
  CHECK_STATUS(myoref_plan_log(&decision, plan, log, MYOREF_NTS), MYOREF_EINPUT);
  myoref_plan_free(plan);
  myoref_assessment_free(a);
}

static void test_start_errors(const myoref_kb* kb) {
  myoref_assessment* a = assess(kb, kClassic);
  myoref_assessment* urgent = assess(kb, kUrgent);
  myoref_plan_options o = MYOREF_PLAN_OPTIONS_INIT;
  myoref_plan* plan = (myoref_plan*)&plan;
  char* doc = NULL;
  char* assessment_json = NULL;

  CHECK(myoref_assessment_triage_level(urgent) == MYOREF_TRIAGE_URGENT);
  CHECK_STATUS(myoref_plan_start(&plan, urgent, NULL), MYOREF_EREFUSED);
  CHECK(plan == NULL);
  CHECK_OK(myoref_assessment_to_json(&assessment_json, urgent, 0));
  CHECK_STATUS(myoref_plan_start_json(&doc, kb, assessment_json, MYOREF_NTS, NULL),
               MYOREF_EREFUSED);
  CHECK(doc == NULL);
  myoref_string_free(assessment_json);
  assessment_json = NULL;

  o.version = 3;
  CHECK_STATUS(myoref_plan_start(&plan, a, &o), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "options version 3");
  o.version = MYOREF_PLAN_OPTIONS_VERSION;
  o.max_candidates = 0;
  CHECK_STATUS(myoref_plan_start(&plan, a, &o), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "cannot start a plan");
  o.max_candidates = 3;
  o.version = MYOREF_PLAN_OPTIONS_VERSION;
  o.release_trials = 0;
  CHECK_STATUS(myoref_plan_start(&plan, a, &o), MYOREF_EINVAL);
  CHECK(plan == NULL);
  CHECK_OK(myoref_assessment_to_json(&assessment_json, a, 0));
  CHECK_STATUS(myoref_plan_start_json(&doc, kb, assessment_json, MYOREF_NTS, &o), MYOREF_EINVAL);
  o.release_trials = 3;
  o.version = 0;
  CHECK_STATUS(myoref_plan_start_json(&doc, kb, assessment_json, MYOREF_NTS, &o), MYOREF_EINVAL);
  CHECK_STATUS(myoref_plan_start_json(&doc, kb, assessment_json, 5, NULL), MYOREF_EPARSE);

  myoref_string_free(assessment_json);
  myoref_assessment_free(urgent);
  myoref_assessment_free(a);
}

static void test_documents(const myoref_kb* kb) {
  myoref_assessment* a = assess(kb, kClassic);
  char* assessment_json = NULL;
  char* doc = NULL;
  char* handle_doc = NULL;
  char* next = NULL;
  char* handle_next = NULL;
  char* doc2 = NULL;
  char* decision = NULL;
  char* handle_decision = NULL;
  char* edited;
  char* kb_json = NULL;
  char* other_json;
  char log[512];
  myoref_plan* plan = NULL;
  myoref_plan* loaded = (myoref_plan*)&loaded;
  myoref_kb* other = NULL;
  char* junk = (char*)&junk; /* outputs of calls that fail: set to NULL */
  char* junk2 = (char*)&junk2;

  /* The document functions agree with the handle functions. */
  CHECK_OK(myoref_assessment_to_json(&assessment_json, a, 0));
  CHECK_OK(myoref_plan_start_json(&doc, kb, assessment_json, strlen(assessment_json), NULL));
  CHECK_OK(myoref_plan_start(&plan, a, NULL));
  CHECK_OK(myoref_plan_to_json(&handle_doc, plan));
  CHECK_STR(doc, handle_doc);
  CHECK_OK(myoref_plan_next_json(&next, kb, doc, MYOREF_NTS));
  CHECK_OK(myoref_plan_next(&handle_next, plan));
  CHECK_STR(next, handle_next);

  session(log, sizeof log, 0, "gluteus_medius:left", 6, 3, "");
  CHECK_OK(myoref_plan_log_json(&doc2, &decision, kb, doc, strlen(doc), log, strlen(log)));
  CHECK_OK(myoref_plan_log(&handle_decision, plan, log, MYOREF_NTS));
  CHECK_STR(decision, handle_decision);
  myoref_string_free(handle_doc);
  handle_doc = NULL;
  CHECK_OK(myoref_plan_to_json(&handle_doc, plan));
  CHECK_STR(doc2, handle_doc);
  myoref_string_free(doc2);
  doc2 = NULL;
  /* The decision is optional. */
  CHECK_OK(myoref_plan_log_json(&doc2, NULL, kb, doc, MYOREF_NTS, log, MYOREF_NTS));
  CHECK_STR(doc2, handle_doc);

  /* Refusals of a document: another format version, an edit, another kb. */
  edited = check_replace(doc, "\"format_version\": 3", "\"format_version\": 99");
  CHECK(edited != NULL);
  if (edited != NULL) {
    CHECK_STATUS(myoref_plan_from_json(&loaded, kb, edited, MYOREF_NTS), MYOREF_EVERSION);
    CHECK(loaded == NULL);
    free(edited);
  }
  edited = check_replace(doc, "\"baseline_pain\": 6", "\"baseline_pain\": 9");
  CHECK(edited != NULL);
  if (edited != NULL) {
    CHECK_STATUS(myoref_plan_from_json(&loaded, kb, edited, MYOREF_NTS), MYOREF_EINTEGRITY);
    CHECK_STATUS(myoref_plan_next_json(&junk, kb, edited, MYOREF_NTS), MYOREF_EINTEGRITY);
    CHECK_STATUS(myoref_plan_log_json(&junk, &junk2, kb, edited, MYOREF_NTS, log, MYOREF_NTS),
                 MYOREF_EINTEGRITY);
    CHECK(junk == NULL && junk2 == NULL);
    free(edited);
  }
  CHECK_OK(myoref_kb_to_json(&kb_json, kb));
  other_json = kb_json ? check_replace(kb_json, "\"myoref-default\"", "\"clinic-custom\"") : NULL;
  if (other_json != NULL) {
    CHECK_OK(myoref_kb_open_json(&other, other_json, MYOREF_NTS));
    CHECK_STATUS(myoref_plan_from_json(&loaded, other, doc, MYOREF_NTS), MYOREF_EMISMATCH);
    CHECK_STATUS(myoref_plan_start_json(&junk, other, assessment_json, MYOREF_NTS, NULL),
                 MYOREF_EMISMATCH);
    free(other_json);
  }
  CHECK_STATUS(myoref_plan_from_json(&loaded, kb, doc, 20), MYOREF_EPARSE);
  CHECK_STATUS(myoref_plan_next_json(&junk, kb, "[]", MYOREF_NTS), MYOREF_EINPUT);
  CHECK_STATUS(myoref_plan_log_json(&junk, &junk2, kb, doc, MYOREF_NTS, "{}", MYOREF_NTS),
               MYOREF_EINPUT);

  /* NULL for every pointer. */
  CHECK_NULL_ARG(myoref_plan_start(NULL, a, NULL), "out");
  CHECK_NULL_ARG(myoref_plan_start(&loaded, NULL, NULL), "assessment");
  CHECK_NULL_ARG(myoref_plan_from_json(NULL, kb, doc, MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_plan_from_json(&loaded, NULL, doc, MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_plan_from_json(&loaded, kb, NULL, 1), "text");
  CHECK_NULL_ARG(myoref_plan_to_json(NULL, plan), "out");
  CHECK_NULL_ARG(myoref_plan_to_json(&junk, NULL), "plan");
  CHECK_NULL_ARG(myoref_plan_next(NULL, plan), "out");
  CHECK_NULL_ARG(myoref_plan_next(&junk, NULL), "plan");
  CHECK_NULL_ARG(myoref_plan_next_text(NULL, plan), "out");
  CHECK_NULL_ARG(myoref_plan_next_text(&junk, NULL), "plan");
  CHECK_NULL_ARG(myoref_plan_log(NULL, plan, log, MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_plan_log(&junk, NULL, log, MYOREF_NTS), "plan");
  CHECK_NULL_ARG(myoref_plan_log(&junk, plan, NULL, 3), "session");
  CHECK_NULL_ARG(myoref_plan_status(NULL), "plan");
  CHECK_NULL_ARG_VALUE(myoref_plan_target(NULL), NULL, "plan");
  CHECK_NULL_ARG_VALUE(myoref_plan_reason(NULL), NULL, "plan");
  CHECK_NULL_ARG_VALUE(myoref_plan_session_count(NULL), 0, "plan");
  CHECK_NULL_ARG(myoref_plan_start_json(NULL, kb, assessment_json, MYOREF_NTS, NULL), "out");
  CHECK_NULL_ARG(myoref_plan_start_json(&junk, NULL, assessment_json, MYOREF_NTS, NULL), "kb");
  CHECK_NULL_ARG(myoref_plan_start_json(&junk, kb, NULL, 1, NULL), "assessment");
  CHECK_NULL_ARG(myoref_plan_next_json(NULL, kb, doc, MYOREF_NTS), "out");
  CHECK_NULL_ARG(myoref_plan_next_json(&junk, NULL, doc, MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_plan_next_json(&junk, kb, NULL, 1), "plan");
  CHECK_NULL_ARG(myoref_plan_log_json(NULL, &junk2, kb, doc, MYOREF_NTS, log, MYOREF_NTS),
                 "out_plan");
  CHECK_NULL_ARG(myoref_plan_log_json(&junk, &junk2, NULL, doc, MYOREF_NTS, log, MYOREF_NTS), "kb");
  CHECK_NULL_ARG(myoref_plan_log_json(&junk, &junk2, kb, NULL, 1, log, MYOREF_NTS), "plan");
  CHECK_NULL_ARG(myoref_plan_log_json(&junk, &junk2, kb, doc, MYOREF_NTS, NULL, 1), "session");

  CHECK(junk == NULL && junk2 == NULL);
  myoref_string_free(kb_json);
  myoref_kb_free(other);
  myoref_string_free(assessment_json);
  myoref_string_free(doc);
  myoref_string_free(handle_doc);
  myoref_string_free(next);
  myoref_string_free(handle_next);
  myoref_string_free(doc2);
  myoref_string_free(decision);
  myoref_string_free(handle_decision);
  myoref_plan_free(plan);
  myoref_assessment_free(a);
}

int main(void) {
  myoref_kb* kb = NULL;
  test_options();
  CHECK_OK(myoref_kb_open_default(&kb));
  if (kb != NULL) {
    test_journey(kb);
    test_exhausted(kb);
    test_start_errors(kb);
    test_documents(kb);
  }
  myoref_kb_free(kb);
  return check_done("c_api plan");
}
