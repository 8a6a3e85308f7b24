/* C API: pictures and the report, from handles and from JSON documents. */
#include "check.h"

static const char kIntake[] =
    "{\"pain\": ["
    "{\"region\": \"iliac_crest\", \"side\": \"left\", \"intensity\": 6},"
    "{\"region\": \"buttock_upper\", \"side\": \"left\", \"intensity\": 5},"
    "{\"region\": \"sacrum\", \"intensity\": 3}],"
    "\"findings\": [\"walking\"]}";

static int is_svg(const char* text) {
  return text != NULL && strstr(text, "<svg") != NULL && strstr(text, "</svg>") != NULL;
}

static void test_options(void) {
  myoref_render_options r = MYOREF_RENDER_OPTIONS_INIT;
  myoref_render_options ri;
  myoref_report_options p = MYOREF_REPORT_OPTIONS_INIT;
  myoref_report_options pi;
  memset(&ri, 0xff, sizeof ri);
  memset(&pi, 0xff, sizeof pi);
  CHECK_OK(myoref_render_options_init(&ri, MYOREF_RENDER_OPTIONS_VERSION));
  CHECK(ri.version == r.version && ri.width_px == r.width_px && ri.legend == r.legend &&
        ri.heading == r.heading);
  CHECK(ri.id_prefix == NULL && ri.essential_colour == NULL && ri.overlay_colour == NULL &&
        ri.trigger_point_colour == NULL);
  CHECK(r.id_prefix == NULL && r.essential_colour == NULL && r.overlay_colour == NULL &&
        r.trigger_point_colour == NULL);
  CHECK_OK(myoref_report_options_init(&pi, MYOREF_REPORT_OPTIONS_VERSION));
  CHECK(pi.version == p.version && pi.ranked == p.ranked && pi.charts == p.charts &&
        pi.chart == NULL && p.chart == NULL);
  CHECK_STATUS(myoref_render_options_init(&ri, 0), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "version 0");
  CHECK_STATUS(myoref_report_options_init(&pi, 2), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "version 2");
  CHECK_NULL_ARG(myoref_render_options_init(NULL, MYOREF_RENDER_OPTIONS_VERSION), "options");
  CHECK_NULL_ARG(myoref_report_options_init(NULL, MYOREF_REPORT_OPTIONS_VERSION), "options");
}

static void test_muscle(const myoref_kb* kb) {
  myoref_render_options o = MYOREF_RENDER_OPTIONS_INIT;
  char* a = NULL;
  char* b = NULL;
  char* c = NULL;
  char* none = (char*)&none;

  CHECK_OK(myoref_render_muscle_svg(&a, kb, "iliopsoas:left", MYOREF_NTS, NULL));
  CHECK(is_svg(a));
  /* An alias names the same muscle; the defaults are the same as NULL. */
  CHECK_OK(myoref_render_muscle_svg(&b, kb, "psoas:left", MYOREF_NTS, &o));
  CHECK_STR(a, b);
  /* Options change the picture. */
  o.width_px = 480;
  o.essential_colour = "#00aa00";
  o.id_prefix = "chart-1";
  CHECK_OK(myoref_render_muscle_svg(&c, kb, "iliopsoas:left", 14, &o));
  CHECK(is_svg(c) && strcmp(a, c) != 0);
  CHECK(c != NULL && strstr(c, "#00aa00") != NULL && strstr(c, "chart-1") != NULL &&
        strstr(c, "480") != NULL);

  CHECK_STATUS(myoref_render_muscle_svg(&none, kb, "iliopsoas", MYOREF_NTS, NULL),
               MYOREF_ENOTFOUND);
  CHECK(none == NULL);
  o.essential_colour = "green";
  CHECK_STATUS(myoref_render_muscle_svg(&none, kb, "iliopsoas:left", MYOREF_NTS, &o),
               MYOREF_EINVAL);
  o.essential_colour = NULL;
  o.id_prefix = "1bad";
  CHECK_STATUS(myoref_render_muscle_svg(&none, kb, "iliopsoas:left", MYOREF_NTS, &o),
               MYOREF_EINVAL);
  o.id_prefix = NULL;
  o.version = 7;
  CHECK_STATUS(myoref_render_muscle_svg(&none, kb, "iliopsoas:left", MYOREF_NTS, &o),
               MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "render options version 7");

  CHECK_NULL_ARG(myoref_render_muscle_svg(NULL, kb, "iliopsoas:left", MYOREF_NTS, NULL), "out");
  CHECK_NULL_ARG(myoref_render_muscle_svg(&none, NULL, "iliopsoas:left", MYOREF_NTS, NULL), "kb");
  CHECK_NULL_ARG(myoref_render_muscle_svg(&none, kb, NULL, 3, NULL), "candidate");
  CHECK(none == NULL);
  myoref_string_free(a);
  myoref_string_free(b);
  myoref_string_free(c);
}

static void test_drawings(const myoref_kb* kb) {
  myoref_intake* in = NULL;
  myoref_intake* bad = NULL;
  myoref_assessment* a = NULL;
  myoref_render_options o = MYOREF_RENDER_OPTIONS_INIT;
  char* assessment = NULL;
  char* h = NULL;
  char* j = NULL;
  char* none = (char*)&none;

  CHECK_OK(myoref_intake_from_json(&in, kb, kIntake, MYOREF_NTS));
  CHECK_OK(myoref_assess(&a, in));
  CHECK_OK(myoref_assessment_to_json(&assessment, a, 0));

  /* The drawing: handle and JSON agree. */
  CHECK_OK(myoref_render_intake_svg(&h, in, NULL));
  CHECK_OK(myoref_render_intake_svg_json(&j, kb, kIntake, sizeof kIntake - 1, NULL));
  CHECK(is_svg(h));
  CHECK_STR(h, j);
  myoref_string_free(h);
  myoref_string_free(j);
  h = j = NULL;

  /* The overlay. */
  CHECK_OK(myoref_render_overlay_svg(&h, in, "gluteus_medius:left", MYOREF_NTS, NULL));
  CHECK_OK(myoref_render_overlay_svg_json(&j, kb, kIntake, MYOREF_NTS, "gluteus_medius:left",
                                          MYOREF_NTS, NULL));
  CHECK(is_svg(h));
  CHECK_STR(h, j);
  myoref_string_free(h);
  myoref_string_free(j);
  h = j = NULL;

  /* Small multiples of the top candidates. */
  o.legend = 0;
  CHECK_OK(myoref_render_candidates_svg(&h, a, 3, &o));
  CHECK_OK(myoref_render_candidates_svg_json(&j, kb, assessment, MYOREF_NTS, 3, &o));
  CHECK(is_svg(h));
  CHECK_STR(h, j);
  myoref_string_free(h);
  myoref_string_free(j);
  h = j = NULL;

  /* The chart to draw on: blank (NULL, "" or "[]"), or pre-filled from a pain list. */
  CHECK_OK(myoref_render_chart_svg(&h, kb, NULL, 0, NULL));
  CHECK_OK(myoref_render_chart_svg(&j, kb, " [ ] ", MYOREF_NTS, NULL));
  CHECK(is_svg(h));
  CHECK_STR(h, j);
  CHECK(strstr(h, "data-region-key=\"buttock_upper:left\"") != NULL);
  CHECK(strstr(h, "aria-label=\"left upper buttock, the person&#39;s left\"") != NULL);
  CHECK(strstr(h, "data-intensity") == NULL);
  myoref_string_free(h);
  myoref_string_free(j);
  h = j = NULL;
  CHECK_OK(myoref_render_chart_svg(
      &h, kb, "[{\"region\": \"buttock_upper\", \"side\": \"left\", \"intensity\": 6}]", MYOREF_NTS,
      NULL));
  CHECK(strstr(h, "data-intensity=\"6\"") != NULL);
  CHECK(strstr(h, "aria-pressed=\"true\"") != NULL);
  myoref_string_free(h);
  h = NULL;
  CHECK_STATUS(myoref_render_chart_svg(&none, kb,
                                       "[{\"region\": \"calf\", \"side\": \"left\", "
                                       "\"intensity\": 12}]",
                                       MYOREF_NTS, NULL),
               MYOREF_EINPUT);
  CHECK_STR(myoref_last_error()->path, "/pain/0/intensity");
  CHECK_STATUS(myoref_render_chart_svg(&none, kb, "[", 1, NULL), MYOREF_EPARSE);

  /* An intake that breaks a rule is refused with its path. */
  CHECK_OK(myoref_intake_new(&bad, kb));
  CHECK_OK(myoref_intake_add_pain(bad, "calf", MYOREF_NTS, MYOREF_SIDE_LEFT, 12));
  CHECK_STATUS(myoref_render_intake_svg(&none, bad, NULL), MYOREF_EINPUT);
  CHECK_STR(myoref_last_error()->path, "/pain/0/intensity");
  CHECK_STATUS(myoref_render_overlay_svg(&none, bad, "gluteus_medius:left", MYOREF_NTS, NULL),
               MYOREF_EINPUT);
  CHECK_STATUS(myoref_render_overlay_svg(&none, in, "gluteus_medius:middle", MYOREF_NTS, NULL),
               MYOREF_ENOTFOUND);
  CHECK_STATUS(myoref_render_intake_svg_json(&none, kb, "{", 1, NULL), MYOREF_EPARSE);
  CHECK_STATUS(myoref_render_overlay_svg_json(&none, kb, kIntake, MYOREF_NTS, "nope", 4, NULL),
               MYOREF_ENOTFOUND);
  CHECK_STATUS(
      myoref_render_overlay_svg_json(&none, kb, "{}", 2, "gluteus_medius:left", MYOREF_NTS, NULL),
      MYOREF_EINPUT);
  CHECK_STATUS(myoref_render_candidates_svg_json(&none, kb, "[", 1, 3, NULL), MYOREF_EPARSE);
  o.overlay_colour = "#12345";
  CHECK_STATUS(myoref_render_candidates_svg(&none, a, 3, &o), MYOREF_EINVAL);
  CHECK_STATUS(myoref_render_overlay_svg(&none, in, "gluteus_medius:left", MYOREF_NTS, &o),
               MYOREF_EINVAL);
  o.overlay_colour = NULL;
  o.version = 0;
  CHECK_STATUS(myoref_render_intake_svg(&none, in, &o), MYOREF_EINVAL);
  CHECK_STATUS(myoref_render_intake_svg_json(&none, kb, kIntake, MYOREF_NTS, &o), MYOREF_EINVAL);
  CHECK_STATUS(myoref_render_overlay_svg_json(&none, kb, kIntake, MYOREF_NTS, "gluteus_medius:left",
                                              MYOREF_NTS, &o),
               MYOREF_EINVAL);
  CHECK_STATUS(myoref_render_candidates_svg_json(&none, kb, assessment, MYOREF_NTS, 3, &o),
               MYOREF_EINVAL);

  CHECK_NULL_ARG(myoref_render_intake_svg(NULL, in, NULL), "out");
  CHECK_NULL_ARG(myoref_render_intake_svg(&none, NULL, NULL), "intake");
  CHECK_NULL_ARG(myoref_render_overlay_svg(NULL, in, "gluteus_medius:left", MYOREF_NTS, NULL),
                 "out");
  CHECK_NULL_ARG(myoref_render_overlay_svg(&none, NULL, "gluteus_medius:left", MYOREF_NTS, NULL),
                 "intake");
  CHECK_NULL_ARG(myoref_render_overlay_svg(&none, in, NULL, 1, NULL), "candidate");
  CHECK_NULL_ARG(myoref_render_candidates_svg(NULL, a, 3, NULL), "out");
  CHECK_NULL_ARG(myoref_render_candidates_svg(&none, NULL, 3, NULL), "assessment");
  CHECK_NULL_ARG(myoref_render_intake_svg_json(NULL, kb, kIntake, MYOREF_NTS, NULL), "out");
  CHECK_NULL_ARG(myoref_render_intake_svg_json(&none, NULL, kIntake, MYOREF_NTS, NULL), "kb");
  CHECK_NULL_ARG(myoref_render_intake_svg_json(&none, kb, NULL, 1, NULL), "intake");
  CHECK_NULL_ARG(myoref_render_overlay_svg_json(NULL, kb, kIntake, MYOREF_NTS, "x", 1, NULL),
                 "out");
  CHECK_NULL_ARG(myoref_render_overlay_svg_json(&none, NULL, kIntake, MYOREF_NTS, "x", 1, NULL),
                 "kb");
  CHECK_NULL_ARG(myoref_render_overlay_svg_json(&none, kb, NULL, 1, "x", 1, NULL), "intake");
  CHECK_NULL_ARG(myoref_render_overlay_svg_json(&none, kb, kIntake, MYOREF_NTS, NULL, 1, NULL),
                 "candidate");
  CHECK_NULL_ARG(myoref_render_candidates_svg_json(NULL, kb, assessment, MYOREF_NTS, 3, NULL),
                 "out");
  CHECK_NULL_ARG(myoref_render_candidates_svg_json(&none, NULL, assessment, MYOREF_NTS, 3, NULL),
                 "kb");
  CHECK_NULL_ARG(myoref_render_candidates_svg_json(&none, kb, NULL, 1, 3, NULL), "assessment");
  CHECK(none == NULL);

  myoref_string_free(assessment);
  myoref_assessment_free(a);
  myoref_intake_free(bad);
  myoref_intake_free(in);
}

static void test_report(const myoref_kb* kb) {
  myoref_assessment* a = NULL;
  myoref_intake* in = NULL;
  myoref_report_options p = MYOREF_REPORT_OPTIONS_INIT;
  myoref_render_options chart = MYOREF_RENDER_OPTIONS_INIT;
  char* assessment = NULL;
  char* h = NULL;
  char* j = NULL;
  char* none = (char*)&none;

  CHECK_OK(myoref_intake_from_json(&in, kb, kIntake, MYOREF_NTS));
  CHECK_OK(myoref_assess(&a, in));
  CHECK_OK(myoref_assessment_to_json(&assessment, a, 0));

  CHECK_OK(myoref_render_report_html(&h, a, NULL));
  CHECK_OK(myoref_render_report_html_json(&j, kb, assessment, MYOREF_NTS, &p));
  CHECK(h != NULL && strstr(h, "<html") != NULL && strstr(h, "</html>") != NULL);
  CHECK(h != NULL && strstr(h, "Gluteus medius") != NULL);
  CHECK_STR(h, j);
  myoref_string_free(j);
  j = NULL;
  /* The chart options reach the charts. */
  chart.essential_colour = "#00aa00";
  chart.overlay_colour = "#00aa00";
  p.chart = &chart;
  CHECK_OK(myoref_render_report_html(&j, a, &p));
  CHECK(j != NULL && strcmp(h, j) != 0 && strstr(j, "#00aa00") != NULL);

  p.ranked = 0;
  CHECK_STATUS(myoref_render_report_html(&none, a, &p), MYOREF_EINVAL);
  p.ranked = 5;
  chart.trigger_point_colour = "black";
  CHECK_STATUS(myoref_render_report_html(&none, a, &p), MYOREF_EINVAL);
  chart.trigger_point_colour = NULL;
  chart.version = 0;
  CHECK_STATUS(myoref_render_report_html(&none, a, &p), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "render options version 0");
  p.version = 0;
  CHECK_STATUS(myoref_render_report_html(&none, a, &p), MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "report options version 0");
  CHECK_STATUS(myoref_render_report_html_json(&none, kb, assessment, MYOREF_NTS, &p),
               MYOREF_EINVAL);
  CHECK_STATUS(myoref_render_report_html_json(&none, kb, assessment, 3, NULL), MYOREF_EPARSE);

  CHECK_NULL_ARG(myoref_render_report_html(NULL, a, NULL), "out");
  CHECK_NULL_ARG(myoref_render_report_html(&none, NULL, NULL), "assessment");
  CHECK_NULL_ARG(myoref_render_report_html_json(NULL, kb, assessment, MYOREF_NTS, NULL), "out");
  CHECK_NULL_ARG(myoref_render_report_html_json(&none, NULL, assessment, MYOREF_NTS, NULL), "kb");
  CHECK_NULL_ARG(myoref_render_report_html_json(&none, kb, NULL, 2, NULL), "assessment");
  CHECK_NULL_ARG(myoref_render_chart_svg(NULL, kb, NULL, 0, NULL), "out");
  CHECK_NULL_ARG(myoref_render_chart_svg(&none, NULL, NULL, 0, NULL), "kb");
  CHECK_NULL_ARG(myoref_render_chart_svg(&none, kb, NULL, 2, NULL), "pain");
  CHECK(none == NULL);

  myoref_string_free(h);
  myoref_string_free(j);
  myoref_string_free(assessment);
  myoref_assessment_free(a);
  myoref_intake_free(in);
}

int main(void) {
  myoref_kb* kb = NULL;
  test_options();
  CHECK_OK(myoref_kb_open_default(&kb));
  if (kb != NULL) {
    test_muscle(kb);
    test_drawings(kb);
    test_report(kb);
  }
  myoref_kb_free(kb);
  return check_done("c_api render");
}
