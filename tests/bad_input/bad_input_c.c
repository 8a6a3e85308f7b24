/*
 * The bad-input matrix through the C API, as a C host meets it: each case
 * gives one kind of bad input to one function and proves the status, that the
 * last-error record agrees (code, a message that names the problem, the JSON
 * path of the place), that a pointer output is NULL, and that a handle the
 * call was given is unchanged (its JSON is byte-identical afterwards).
 *
 *   bad_input_c SOURCE_DIR
 *
 * Documents are read from SOURCE_DIR/tests/bad_input and tests/data/plan (the
 * small knowledge base there, so that no case depends on the built-in one's
 * content). The same classes of bad input through the command line are in
 * tests/cmake/bad_input.cmake.
 */
#include <myoref/myoref.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* source_dir = ".";
static int failures = 0;
static int cases = 0;

/* ------------------------------------------------------------------------ */
/* Fixtures                                                                 */
/* ------------------------------------------------------------------------ */

/* The whole file, NUL-terminated; its length (which counts any NUL inside)
 * in *size. */
static char* read_file(const char* folder, const char* name, size_t* length) {
  char path[4096];
  FILE* f;
  long size;
  char* text;
  snprintf(path, sizeof path, "%s/%s/%s", source_dir, folder, name);
  f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = (char*)malloc((size_t)size + 1);
  if (text == NULL || fread(text, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  text[size] = '\0';
  fclose(f);
  if (length != NULL)
    *length = (size_t)size;
  return text;
}

static myoref_kb* kb;         /* tests/data/plan/kb.json */
static myoref_plan* plan;     /* tests/data/plan/plan-two-sessions.json */
static myoref_plan* stopped;  /* tests/data/plan/plan-stopped.json */
static myoref_intake* intake; /* built by calls: buttock_upper left 6, sacrum 3 */
static myoref_assessment* assessment;

/* The JSON of whatever a case may not change, to compare after it. */
static char* snapshot(void) {
  char* a = NULL;
  char* b = NULL;
  char* c = NULL;
  char* all;
  size_t n;
  if (myoref_plan_to_json(&a, plan) != MYOREF_OK || myoref_plan_to_json(&b, stopped) != MYOREF_OK ||
      myoref_intake_to_json(&c, intake) != MYOREF_OK) {
    fprintf(stderr, "snapshot: %s\n", myoref_last_error()->message);
    exit(2);
  }
  n = strlen(a) + strlen(b) + strlen(c) + 1;
  all = (char*)malloc(n);
  if (all == NULL)
    exit(2);
  snprintf(all, n, "%s%s%s", a, b, c);
  myoref_string_free(a);
  myoref_string_free(b);
  myoref_string_free(c);
  return all;
}

/* ------------------------------------------------------------------------ */
/* The check every case ends with                                           */
/* ------------------------------------------------------------------------ */

/* The case named `name` returned `status`: it must be `want`, the record must
 * agree, its message or one of its diagnostics must contain `says`, its path
 * (the first diagnostic's) must be `path`, and the handles must be as they
 * were. */
static void expect(const char* name, int status, int want, const char* says, const char* path,
                   const char* before) {
  const myoref_error* e = myoref_last_error();
  const char* first = myoref_last_error_diagnostic_message(0);
  char* after;
  int ok = 1;
  ++cases;
  if (status != want || e->code != want) {
    fprintf(stderr, "  status %d (%s), record %d, expected %d (%s)\n", status,
            myoref_status_name(status), e->code, want, myoref_status_name(want));
    ok = 0;
  }
  if (strstr(e->message, says) == NULL) {
    size_t i;
    int found = 0;
    for (i = 0; i < e->diagnostic_count && !found; ++i)
      found = strstr(myoref_last_error_diagnostic_message(i), says) != NULL;
    if (!found) {
      fprintf(stderr,
              "  neither the message \"%s\" nor a diagnostic (the first: \"%s\") says \"%s\"\n",
              e->message, first ? first : "", says);
      ok = 0;
    }
  }
  if (strcmp(e->path, path) != 0) {
    fprintf(stderr, "  path \"%s\", expected \"%s\"\n", e->path, path);
    ok = 0;
  }
  /* Only now: the snapshot's own calls reset the record. */
  after = snapshot();
  if (strcmp(before, after) != 0) {
    fprintf(stderr, "  a handle given to the call was changed\n");
    ok = 0;
  }
  if (!ok) {
    ++failures;
    fprintf(stderr, "FAILED: %s\n", name);
  }
  free(after);
}

/* ------------------------------------------------------------------------ */
/* Cases                                                                    */
/* ------------------------------------------------------------------------ */

/* Reading a document of some kind from a file in tests/bad_input or
 * tests/data/plan, or from literal text. */
enum doc_kind {
  KB_DOC,
  INTAKE_DOC,
  ASSESS_JSON,
  ASSESSMENT_DOC,
  PLAN_DOC,
  SESSION_ON_PLAN,
  SESSION_ON_STOPPED,
  PLAN_START_JSON
};

struct doc_case {
  const char* name;
  enum doc_kind kind;
  const char* folder; /* NULL: `source` is the text itself */
  const char* source;
  int status;
  const char* says;
  const char* path;
};

static const struct doc_case doc_cases[] = {
    /* knowledge bases */
    {"a knowledge base that is not JSON", KB_DOC, NULL, "{\"schema\": ", MYOREF_EPARSE,
     "the document ends too early", ""},
    {"a knowledge base with a duplicate key", KB_DOC, "tests/fuzz/corpus/kb", "duplicate_key",
     MYOREF_EINPUT, "duplicate key \"id\"", "/id"},
    {"a knowledge base of a newer schema", KB_DOC, "tests/fuzz/corpus/kb", "newer_schema",
     MYOREF_EVERSION, "this library reads \"myoref.kb/1\"", "/id"},
    {"a knowledge base nested 40 deep", KB_DOC, "tests/fuzz/corpus/kb", "deep_nesting",
     MYOREF_ELIMIT, "nesting is deeper than 32 levels",
     "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"},
    /* intakes */
    {"an intake with a byte order mark", INTAKE_DOC, "tests/bad_input", "intake-bom.json",
     MYOREF_EPARSE, "byte order mark", ""},
    {"an intake with a comment", INTAKE_DOC, "tests/bad_input", "intake-comment.json",
     MYOREF_EPARSE, "a comment (JSON has no comments) at line 2, column 3", ""},
    {"an intake with a NUL byte", INTAKE_DOC, "tests/bad_input", "intake-nul-byte.json",
     MYOREF_EPARSE, "a NUL byte", ""},
    {"an intake with 1e999", INTAKE_DOC, "tests/bad_input", "intake-huge-number.json",
     MYOREF_EINPUT, "a number is too large to represent", "/pain/0/intensity"},
    {"an intake with a duplicate key", INTAKE_DOC, "tests/bad_input", "intake-duplicate-key.json",
     MYOREF_EINPUT, "duplicate key \"age\"", "/age"},
    {"an intake with a misspelt region", INTAKE_DOC, "tests/bad_input",
     "intake-unknown-region.json", MYOREF_EINPUT, "(did you mean \"buttock_upper\"?)",
     "/pain/0/region"},
    {"an intake with 257 pain marks", INTAKE_DOC, "tests/bad_input", "intake-257-marks.json",
     MYOREF_ELIMIT, "an array has more than 256 elements", "/pain/256"},
    {"an intake nested too deep", INTAKE_DOC, "tests/bad_input", "intake-too-deep.json",
     MYOREF_ELIMIT, "nesting is deeper than 8 levels", "/pain/0/region/0/0/0/0/0"},
    {"an intake with intensity 11", INTAKE_DOC, "tests/bad_input", "intake-intensity-11.json",
     MYOREF_EINPUT, "11 is out of range", "/pain/0/intensity"},
    {"an intake with a red flag answered yes and no", INTAKE_DOC, "tests/bad_input",
     "intake-red-flag-yes-and-no.json", MYOREF_EINPUT, "is answered both yes (at /red_flags/0)",
     "/red_flags_denied/1"},
    {"an intake with a misspelt precaution", INTAKE_DOC, "tests/bad_input",
     "intake-unknown-precaution.json", MYOREF_EINPUT, "unknown precaution \"blood_thiners\"",
     "/precautions/0"},
    {"an intake with sex \"Female\"", INTAKE_DOC, "tests/bad_input", "intake-bad-sex.json",
     MYOREF_EINPUT, "(did you mean \"female\"?)", "/sex"},
    {"an intake with six problems lists the first", INTAKE_DOC, "tests/bad_input",
     "intake-several-problems.json", MYOREF_EINPUT, "6 problems", "/pain/0/region"},
    {"assess_json on an intake with a trailing comma", ASSESS_JSON, "tests/bad_input",
     "intake-trailing-comma.json", MYOREF_EPARSE, "a trailing comma", ""},
    {"assess_json on invalid UTF-8", ASSESS_JSON, "tests/bad_input", "intake-invalid-utf8.json",
     MYOREF_EPARSE, "invalid UTF-8", ""},
    {"assess_json on an empty text", ASSESS_JSON, NULL, "", MYOREF_EPARSE,
     "the document ends too early", ""},
    /* assessments */
    {"an assessment whose intake was edited", ASSESSMENT_DOC, "tests/bad_input",
     "assessment-edited-intake.json", MYOREF_EINPUT, "11 is out of range",
     "/intake/pain/0/intensity"},
    {"an assessment that names no knowledge base", ASSESSMENT_DOC, "tests/bad_input",
     "assessment-no-kb.json", MYOREF_EINPUT, "of the knowledge base used", "/kb"},
    {"plan_start_json at urgent triage", PLAN_START_JSON, "tests/data/plan",
     "assessment-urgent.json", MYOREF_EREFUSED, "urgent", "/triage"},
    /* plans */
    {"a plan edited by hand", PLAN_DOC, "tests/data/plan", "plan-edited.json", MYOREF_EINTEGRITY,
     "does not match the document's content", "/integrity/sha256"},
    {"a plan of a newer format", PLAN_DOC, "tests/data/plan", "plan-future-version.json",
     MYOREF_EVERSION, "unsupported format version 4", "/format_version"},
    {"a truncated plan", PLAN_DOC, "tests/data/plan", "plan-truncated.json", MYOREF_EPARSE,
     "the document ends too early", ""},
    {"a plan made with another knowledge base", PLAN_DOC, "tests/data/plan", "plan-other-kb.json",
     MYOREF_EMISMATCH, "another knowledge base", "/kb/hash"},
    {"a plan whose history is impossible", PLAN_DOC, "tests/data/plan", "plan-impossible.json",
     MYOREF_EINPUT, "its history is impossible", "/sessions/1"},
    {"a plan with a duplicate key", PLAN_DOC, "tests/bad_input", "plan-duplicate-key.json",
     MYOREF_EINPUT, "duplicate key \"baseline_pain\"", "/baseline_pain"},
    /* sessions, logged on a plan that must not change */
    {"a backdated session", SESSION_ON_PLAN, "tests/bad_input", "session-backdated.json",
     MYOREF_EINPUT, "is earlier than the last logged session", "/date"},
    {"a session on 30 February", SESSION_ON_PLAN, "tests/bad_input", "session-not-a-date.json",
     MYOREF_EINPUT, "there is no such day in that month", "/date"},
    {"a session on another target", SESSION_ON_PLAN, "tests/bad_input", "session-wrong-target.json",
     MYOREF_EINPUT, "current target is gluteus_medius:left", "/target"},
    {"a session with steps out of order", SESSION_ON_PLAN, "tests/bad_input",
     "session-steps-out-of-order.json", MYOREF_EINPUT, "release comes after stretch", "/steps/1"},
    {"a session with pain 11", SESSION_ON_PLAN, "tests/bad_input", "session-pain-11.json",
     MYOREF_EINPUT, "got 11", "/pain_after"},
    {"a session with a misspelt red flag", SESSION_ON_PLAN, "tests/bad_input",
     "session-unknown-red-flag.json", MYOREF_EINPUT, "did you mean \"saddle_numbness\"",
     "/red_flags/0"},
    {"a session with a byte order mark", SESSION_ON_PLAN, "tests/bad_input", "session-bom.json",
     MYOREF_EPARSE, "byte order mark", ""},
    {"a session with a duplicate key", SESSION_ON_PLAN, "tests/bad_input",
     "session-duplicate-key.json", MYOREF_EINPUT, "duplicate key \"pain_after\"", "/pain_after"},
    {"a session that is not JSON", SESSION_ON_PLAN, "tests/bad_input", "session-not-json.json",
     MYOREF_EPARSE, "a bare word", ""},
    {"a session on a stopped plan", SESSION_ON_STOPPED, "tests/bad_input", "session-good.json",
     MYOREF_EREFUSED, "the plan has stopped", ""},
};

static void run_doc_case(const struct doc_case* c) {
  size_t len = strlen(c->source);
  char* text = c->folder != NULL ? read_file(c->folder, c->source, &len) : NULL;
  const char* t = text != NULL ? text : c->source;
  char* before = snapshot();
  char* out = (char*)"not touched";
  int status = MYOREF_OK;
  switch (c->kind) {
    case KB_DOC: {
      myoref_kb* k = (myoref_kb*)&out;
      status = myoref_kb_open_json(&k, t, len);
      if (k != NULL) {
        fprintf(stderr, "  *out is not NULL after a failure\n");
        ++failures;
      }
      break;
    }
    case INTAKE_DOC: {
      myoref_intake* i = (myoref_intake*)&out;
      status = myoref_intake_from_json(&i, kb, t, len);
      if (i != NULL) {
        fprintf(stderr, "  *out is not NULL after a failure\n");
        ++failures;
      }
      break;
    }
    case ASSESS_JSON:
      status = myoref_assess_json(&out, kb, t, len);
      break;
    case ASSESSMENT_DOC: {
      myoref_assessment* a = (myoref_assessment*)&out;
      status = myoref_assessment_from_json(&a, kb, t, len);
      out = (char*)a;
      break;
    }
    case PLAN_DOC: {
      myoref_plan* p = (myoref_plan*)&out;
      status = myoref_plan_from_json(&p, kb, t, len);
      out = (char*)p;
      break;
    }
    case SESSION_ON_PLAN:
      status = myoref_plan_log(&out, plan, t, len);
      break;
    case SESSION_ON_STOPPED:
      status = myoref_plan_log(&out, stopped, t, len);
      break;
    case PLAN_START_JSON:
      status = myoref_plan_start_json(&out, kb, t, len, NULL);
      break;
  }
  if (out != NULL &&
      (c->kind == ASSESS_JSON || c->kind == SESSION_ON_PLAN || c->kind == SESSION_ON_STOPPED ||
       c->kind == PLAN_START_JSON || c->kind == ASSESSMENT_DOC || c->kind == PLAN_DOC)) {
    fprintf(stderr, "  *out is not NULL after a failure\n");
    ++failures;
  }
  expect(c->name, status, c->status, c->says, c->path, before);
  free(before);
  free(text);
}

/* Calls that take no document: arguments, built intakes, options, batches. */
static void run_call_cases(void) {
  char* before;
  char* out = NULL;
  size_t index = 77;
  myoref_plan_options options;
  myoref_plan* p = NULL;
  myoref_render_options look;
  float scores[64];
  uint8_t drawing[16];
  size_t keys = myoref_kb_region_key_count(kb);
  size_t i;
  int status;

#define CALL_CASE(name, call, want, says, path)     \
  do {                                              \
    before = snapshot();                            \
    status = (call);                                \
    expect(name, status, want, says, path, before); \
    free(before);                                   \
  } while (0)

  CALL_CASE("add_pain with an unknown region leaves the intake as it was",
            myoref_intake_add_pain(intake, "buttock_uper", MYOREF_NTS, MYOREF_SIDE_LEFT, 3),
            MYOREF_ENOTFOUND, "did you mean 'buttock_upper'", "");
  CALL_CASE("add_pain with a side on a midline region",
            myoref_intake_add_pain(intake, "sacrum", MYOREF_NTS, MYOREF_SIDE_LEFT, 3),
            MYOREF_EINVAL, "sacrum", "");
  CALL_CASE("add_pain with a side outside the enum",
            myoref_intake_add_pain(intake, "groin", MYOREF_NTS, 7, 3), MYOREF_EINVAL, "side", "");
  CALL_CASE("confirm_finding with a misspelt finding",
            myoref_intake_confirm_finding(intake, "walkng", 6), MYOREF_ENOTFOUND,
            "did you mean 'walking'", "");
  CALL_CASE("confirm_red_flag with text NULL and a length",
            myoref_intake_confirm_red_flag(intake, NULL, 4), MYOREF_EINVAL, "NULL", "");
  CALL_CASE("set_onset outside the enum", myoref_intake_set_onset(intake, 9), MYOREF_EINVAL,
            "onset", "");
  CALL_CASE("intake_new without a knowledge base", myoref_intake_new(NULL, kb), MYOREF_EINVAL,
            "'out' is NULL", "");
  CALL_CASE("assess_json with a NULL knowledge base", myoref_assess_json(&out, NULL, "{}", 2),
            MYOREF_EINVAL, "'kb' is NULL", "");
  CALL_CASE("plan_log with a NULL plan", myoref_plan_log(&out, NULL, "{}", 2), MYOREF_EINVAL,
            "'plan' is NULL", "");
  CALL_CASE("a knowledge-base index out of range is not found, and says so",
            myoref_kb_region_id(kb, 1000) == NULL ? myoref_last_error()->code : MYOREF_OK,
            MYOREF_ENOTFOUND, "out of range", "");
  CALL_CASE("find_region with an unknown id leaves *out as it was",
            myoref_kb_find_region(&index, kb, "hed", 3), MYOREF_ENOTFOUND, "'hed'", "");
  if (index != 77) {
    fprintf(stderr, "FAILED: find_region changed *out on a failure\n");
    ++failures;
  }
  CALL_CASE("assessment_to_json with an unknown flag",
            myoref_assessment_to_json(&out, assessment, 8u), MYOREF_EINVAL, "flags", "");
  CALL_CASE("render_muscle_svg of an unknown candidate",
            myoref_render_muscle_svg(&out, kb, "gluteus_medius:top", MYOREF_NTS, NULL),
            MYOREF_ENOTFOUND, "gluteus_medius:top", "");
  myoref_render_options_init(&look, MYOREF_RENDER_OPTIONS_VERSION);
  look.essential_colour = "red";
  CALL_CASE("render options with a colour that is not #rrggbb",
            myoref_render_muscle_svg(&out, kb, "gluteus_medius:left", MYOREF_NTS, &look),
            MYOREF_EINVAL, "red", "/essential_colour");
  CALL_CASE("plan options of an unknown version", myoref_plan_options_init(&options, 99u),
            MYOREF_EINVAL, "version", "");
  myoref_plan_options_init(&options, MYOREF_PLAN_OPTIONS_VERSION);
  options.release_trials = 0;
  CALL_CASE("plan_start with release_trials 0", myoref_plan_start(&p, assessment, &options),
            MYOREF_EINVAL, "expected an integer from 1 to 20, got 0", "/options/release_trials");
  if (p != NULL) {
    fprintf(stderr, "FAILED: plan_start set *out on a failure\n");
    ++failures;
  }

  /* Batch scoring: nothing is written to `out` on a failure. */
  for (i = 0; i < 64; ++i)
    scores[i] = -7.0f;
  memset(drawing, 0, sizeof drawing);
  drawing[3] = 11;
  CALL_CASE("score_batch with an intensity of 11 names the row and column",
            myoref_score_batch_u8(scores, 64, kb, drawing, keys, 1), MYOREF_EINPUT, "0..10",
            "/0/3");
  CALL_CASE("score_batch with a length that is no whole number of drawings",
            myoref_score_batch_u8(scores, 64, kb, drawing, keys + 1, 1), MYOREF_EINVAL, "multiple",
            "");
  for (i = 0; i < 64; ++i) {
    if (scores[i] != -7.0f) {
      fprintf(stderr, "FAILED: a refused score_batch wrote its output\n");
      ++failures;
      break;
    }
  }

  /* A rule that only validation sees: the intake handle stays as it was. */
  {
    myoref_intake* bad = NULL;
    if (myoref_intake_new(&bad, kb) != MYOREF_OK ||
        myoref_intake_add_pain(bad, "groin", MYOREF_NTS, MYOREF_SIDE_RIGHT, 11) != MYOREF_OK) {
      fprintf(stderr, "FAILED: building an intake: %s\n", myoref_last_error()->message);
      ++failures;
    }
    CALL_CASE("validate an intake with intensity 11", myoref_intake_validate(bad), MYOREF_EINPUT,
              "11 is out of range", "/pain/0/intensity");
    {
      myoref_assessment* a = (myoref_assessment*)&out;
      CALL_CASE("assess an intake with intensity 11", myoref_assess(&a, bad), MYOREF_EINPUT,
                "11 is out of range", "/pain/0/intensity");
      if (a != NULL) {
        fprintf(stderr, "FAILED: assess set *out on a failure\n");
        ++failures;
      }
    }
    myoref_intake_free(bad);
  }
#undef CALL_CASE
}

int main(int argc, char** argv) {
  size_t i;
  char* text;
  if (argc != 2) {
    fprintf(stderr, "usage: bad_input_c SOURCE_DIR\n");
    return 2;
  }
  source_dir = argv[1];

  text = read_file("tests/data/plan", "kb.json", NULL);
  if (myoref_kb_open_json(&kb, text, strlen(text)) != MYOREF_OK)
    return fprintf(stderr, "kb: %s\n", myoref_last_error()->message), 2;
  free(text);
  text = read_file("tests/data/plan", "plan-two-sessions.json", NULL);
  if (myoref_plan_from_json(&plan, kb, text, strlen(text)) != MYOREF_OK)
    return fprintf(stderr, "plan: %s\n", myoref_last_error()->message), 2;
  free(text);
  text = read_file("tests/data/plan", "plan-stopped.json", NULL);
  if (myoref_plan_from_json(&stopped, kb, text, strlen(text)) != MYOREF_OK)
    return fprintf(stderr, "stopped plan: %s\n", myoref_last_error()->message), 2;
  free(text);
  if (myoref_intake_new(&intake, kb) != MYOREF_OK ||
      myoref_intake_add_pain(intake, "buttock_upper", MYOREF_NTS, MYOREF_SIDE_LEFT, 6) !=
          MYOREF_OK ||
      myoref_intake_add_pain(intake, "sacrum", MYOREF_NTS, MYOREF_SIDE_NONE, 3) != MYOREF_OK ||
      myoref_assess(&assessment, intake) != MYOREF_OK)
    return fprintf(stderr, "intake: %s\n", myoref_last_error()->message), 2;

  for (i = 0; i < sizeof doc_cases / sizeof doc_cases[0]; ++i)
    run_doc_case(&doc_cases[i]);
  run_call_cases();

  myoref_assessment_free(assessment);
  myoref_intake_free(intake);
  myoref_plan_free(stopped);
  myoref_plan_free(plan);
  myoref_kb_free(kb);
  printf("%d bad-input cases through the C API, %d failed\n", cases, failures);
  return failures == 0 ? 0 : 1;
}
