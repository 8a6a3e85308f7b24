/*
 * myoref: the stable C API.
 *
 * A thin skin over the C++ core for hosts that link the shared library from
 * C or through a C FFI (Swift, Kotlin, Dart, Rust, C#, ...). Everything the
 * C++ API offers is here, and every operation also has a JSON-in/JSON-out
 * form, so that a host needs no other string type than `char*`.
 * docs/c-api.md has the walk-through; the JSON shapes are those of
 * docs/contract.md.
 *
 * CONVENTIONS
 *
 *  Names     Every function and type starts with myoref_, every macro with
 *            MYOREF_. Functions are myoref_<noun>_<verb>.
 *
 *  Status    Fallible functions return an int: MYOREF_OK (0) or one of the
 *            negative MYOREF_E* codes below, whose values never change.
 *            Output parameters come first and are named `out` (`out_plan`,
 *            `out_decision` when there are two). When a function fails, a
 *            pointer output is set to NULL; a numeric output is left as it was.
 *
 *  Accessors Functions that read one value of a handle return it directly.
 *            When they fail (a NULL handle, an index out of range) they
 *            return NULL (strings), 0 (counts), a negative MYOREF_E* code
 *            (functions returning an enum value or a 0/1 flag as int) or
 *            -1.0 (scores), and set the last error like any other call.
 *
 *  Text in   Text arguments are passed as (const char* text, size_t len).
 *            The text need not be NUL-terminated: exactly `len` bytes are
 *            read. Pass len = MYOREF_NTS for NUL-terminated text. `text` may
 *            be NULL only when len is 0 (an empty text). All text is UTF-8.
 *            The library never keeps a pointer to text it was given.
 *
 *  Text out  Text the library makes (JSON, SVG, HTML) is returned through a
 *            `char** out` as a NUL-terminated string that the caller owns and
 *            frees with myoref_string_free(). A `const char*` returned
 *            directly is borrowed: its doc comment says who owns it and how
 *            long it lives. Never free a borrowed string.
 *
 *  Handles   Opaque. Each has one function that makes it and one that frees
 *            it (myoref_kb_open_* / myoref_kb_free, ...). Every free function
 *            accepts NULL. A handle made from another keeps what it needs of
 *            it: a knowledge base may be freed before the intakes,
 *            assessments and plans made with it. Each handle carries its
 *            type: a handle of another type where one is expected (a
 *            knowledge base passed as an assessment) fails with
 *            MYOREF_EMISUSE instead of being read as garbage, and a free
 *            function given another type's handle leaves it alone.
 *
 *  Options   Options structs start with `unsigned version`, have an _INIT
 *            macro and an _init() function, and only ever grow at the end.
 *            Passing NULL for an options pointer means the defaults. They are
 *            read during the call only.
 *
 * ERRORS
 *
 *  myoref_last_error() describes the last call made on the calling thread:
 *  every function that can fail sets the record when it fails and resets it
 *  to "no error" when it succeeds. The exceptions, which never touch the
 *  record, are the myoref_last_error* functions themselves, the *_free
 *  functions, myoref_version(), myoref_version_number() and the *_name()
 *  functions. No function throws, aborts or exits, whatever its input.
 *
 * THREADS
 *
 *  The library has no global mutable state. The last-error record is per
 *  thread.
 *  - myoref_kb and myoref_assessment handles are immutable: any number of
 *    threads may use one at the same time, with every function that takes
 *    it as `const`.
 *  - myoref_intake and myoref_plan handles are mutable: a thread that changes
 *    one (myoref_intake_add_pain and the other intake setters,
 *    myoref_plan_log) must be the only thread using it at that time. Reading
 *    one from several threads at once, with nothing changing it, is safe.
 *  - Functions that take no handle (the *_json entry points take only a
 *    knowledge base) are safe from any number of threads.
 */
#ifndef MYOREF_H
#define MYOREF_H

#include <stddef.h>
#include <stdint.h>

#include "myoref/export.h"
#include "myoref/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Status codes, versions, strings                                          */
/* ------------------------------------------------------------------------ */

/* Status codes. Pinned forever: new codes are only ever added. */
#define MYOREF_OK 0
#define MYOREF_EINVAL (-1)     /* an argument is NULL or out of range */
#define MYOREF_EPARSE (-2)     /* the text is not well-formed JSON */
#define MYOREF_EINPUT (-3)     /* well-formed input that breaks the schema or a rule */
#define MYOREF_ELIMIT (-4)     /* input beyond the documented limits */
#define MYOREF_EREFUSED (-5)   /* refused by a safety rule */
#define MYOREF_EMISMATCH (-6)  /* made with another knowledge base */
#define MYOREF_EINTEGRITY (-7) /* a document's integrity check failed */
#define MYOREF_EVERSION (-8)   /* a format version this library does not know */
#define MYOREF_ENOTFOUND (-9)  /* no such id, key or index */
#define MYOREF_ENOMEM (-10)    /* out of memory */
#define MYOREF_EINTERNAL (-11) /* a bug in myoref */
#define MYOREF_EMISUSE (-12)   /* a handle of another type, or freed, where one was expected */

/* Pass as a text length to mean "the text is NUL-terminated". */
#define MYOREF_NTS SIZE_MAX

/* The library's version at run time, e.g. "0.1.0". Static storage. */
MYOREF_API const char* myoref_version(void);

/* The library's version as MYOREF_VERSION_NUMBER computes it, at run time. */
MYOREF_API int myoref_version_number(void);

/* The stable lower-case name of a status code ("ok", "invalid_input", ...),
 * or "unknown" for a value that is not a status code. Static storage. */
MYOREF_API const char* myoref_status_name(int status);

/* Frees a string the library returned through a `char** out`. Accepts NULL. */
MYOREF_API void myoref_string_free(char* s);

/* ------------------------------------------------------------------------ */
/* Last error                                                               */
/* ------------------------------------------------------------------------ */

/* What went wrong in the last failed call on this thread. Only ever grows at
 * the end; the library allocates it, so the size is not part of the ABI. */
typedef struct myoref_error {
  int code;                /* MYOREF_OK when the last call succeeded */
  const char* message;     /* one line; "no error" when code is MYOREF_OK */
  const char* path;        /* JSON pointer of the first problem ("/pain/2/side"),
                              "" when the error has no place in a document */
  size_t diagnostic_count; /* problems found, see myoref_last_error_diagnostic_* */
} myoref_error;

/* The calling thread's last-error record. Never NULL: when the last call
 * succeeded it points to a static record with code MYOREF_OK, message
 * "no error", path "" and no diagnostics. The record and its strings belong
 * to the library and stay valid until the calling thread makes another
 * myoref call other than a myoref_last_error* one. */
MYOREF_API const myoref_error* myoref_last_error(void);

/* Diagnostic `index` (0 <= index < diagnostic_count) of the last error: its
 * JSON pointer ("" when it has no place) and its message. NULL when index is
 * out of range. Lifetime as for myoref_last_error(). Loaders report every
 * problem, in document order, so a host can show them all. */
MYOREF_API const char* myoref_last_error_diagnostic_path(size_t index);
MYOREF_API const char* myoref_last_error_diagnostic_message(size_t index);

/* Resets the calling thread's record to "no error". */
MYOREF_API void myoref_last_error_clear(void);

/* ------------------------------------------------------------------------ */
/* Vocabulary                                                               */
/* ------------------------------------------------------------------------ */

/* Enumerations. Values are pinned. They are constants of type int, and
 * functions take and return them as int (not as an enum type, whose width and
 * signedness vary between compilers and FFIs). */
enum /* myoref_side */ {
  MYOREF_SIDE_NONE = 0, /* a midline region or muscle */
  MYOREF_SIDE_LEFT = 1,
  MYOREF_SIDE_RIGHT = 2
};

/* In increasing order of urgency: comparisons are meaningful. */
enum /* myoref_triage_level */ {
  MYOREF_TRIAGE_SELF_CARE = 0,
  MYOREF_TRIAGE_SEE_CLINICIAN = 1,
  MYOREF_TRIAGE_URGENT = 2,
  MYOREF_TRIAGE_EMERGENCY = 3
};

enum /* myoref_onset */ {
  MYOREF_ONSET_UNKNOWN = 0, /* not given */
  MYOREF_ONSET_SUDDEN = 1,
  MYOREF_ONSET_GRADUAL = 2
};

enum /* myoref_sex */ {
  MYOREF_SEX_UNKNOWN = 0, /* not given */
  MYOREF_SEX_FEMALE = 1,
  MYOREF_SEX_MALE = 2
};

/* What the age rule (new pain in the young or the old) made of an intake. */
enum /* myoref_age_rule */ {
  MYOREF_AGE_RULE_NOT_APPLICABLE = 0,           /* age inside the band, or pain not new */
  MYOREF_AGE_RULE_APPLIES = 1,                  /* raises the triage level */
  MYOREF_AGE_RULE_APPLIES_DURATION_UNKNOWN = 2, /* no duration given: treated as new, raises */
  MYOREF_AGE_RULE_AGE_UNKNOWN = 3 /* no age given: cannot be checked; advised, not raised */
};

enum /* myoref_plan_status */ {
  MYOREF_PLAN_ACTIVE = 0,            /* working through release, stretch, strengthen */
  MYOREF_PLAN_MAINTENANCE = 1,       /* relief held: strengthen on, the rest as needed */
  MYOREF_PLAN_STOPPED_SEEK_CARE = 2, /* stopped by worsening pain or a red flag */
  MYOREF_PLAN_EXHAUSTED = 3          /* no candidate left that brought relief */
};

/* The names used in every JSON document ("left", "see_clinician",
 * "gradual", "applies", "stopped_seek_care"); "none" for MYOREF_SIDE_NONE
 * and "unknown" for MYOREF_ONSET_UNKNOWN, which no document contains; NULL
 * for a value outside the enum. Static storage. */
MYOREF_API const char* myoref_side_name(int side);
MYOREF_API const char* myoref_triage_level_name(int level);
MYOREF_API const char* myoref_onset_name(int onset);
/* "female", "male"; "unknown" for MYOREF_SEX_UNKNOWN; NULL outside the enum. */
MYOREF_API const char* myoref_sex_name(int sex);
MYOREF_API const char* myoref_age_rule_name(int outcome);
MYOREF_API const char* myoref_plan_status_name(int status);

/* Flags for functions that write JSON. */
#define MYOREF_JSON_PRETTY 1u /* two-space indentation instead of compact text */

/* ------------------------------------------------------------------------ */
/* Knowledge base                                                           */
/* ------------------------------------------------------------------------ */

/* An immutable, validated knowledge base: body chart, muscles and their
 * referral patterns, findings, red flags, exercises, citations. Safe to use
 * from any number of threads at once. */
typedef struct myoref_kb myoref_kb;

/* Opens the knowledge base compiled into the library (no files needed).
 * Errors: MYOREF_EINVAL (out NULL), MYOREF_ENOMEM, and in a broken build the
 * loader's errors. */
MYOREF_API int myoref_kb_open_default(myoref_kb** out);

/* Loads and validates a knowledge base from JSON text (docs/knowledge-base.md).
 * The text is copied as needed; the caller keeps it. On failure the last
 * error lists every problem with its JSON path.
 * Errors: MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_ELIMIT, MYOREF_EINPUT,
 * MYOREF_ENOMEM. */
MYOREF_API int myoref_kb_open_json(myoref_kb** out, const char* text, size_t len);

/* The same knowledge base with its words and the library's sentences in
 * `locale` ("es", "es-MX", "en"; docs/languages.md), falling back key by key
 * along es-MX -> es -> en: a string no language gives is the English one,
 * never empty. `pack` (NULL, or JSON text of `pack_len` bytes) is a host's
 * locale pack applied over the built-in words. Everything made with the new handle (assessments,
 * reports, pictures, plan steps and decisions) is in its language; its hash, ids and indices are
 * the source's, so assessments and plans made with either are valid with the other. `kb` must be in
 * its source language (as opened). Errors: MYOREF_EINVAL (NULL, or `kb` already localized),
 * MYOREF_ENOTFOUND (a language with no built-in words and no pack), MYOREF_EPARSE and MYOREF_EINPUT
 * (a malformed pack), MYOREF_ENOMEM. */
MYOREF_API int myoref_kb_localized(myoref_kb** out, const myoref_kb* kb, const char* locale,
                                   const char* pack, size_t pack_len);

/* The language of a knowledge base's words: "en" as opened. Borrowed from
 * `kb`; valid until myoref_kb_free(kb). */
MYOREF_API const char* myoref_kb_locale(const myoref_kb* kb);

/* Frees a knowledge base handle. Accepts NULL. Handles made with it stay
 * valid. */
MYOREF_API void myoref_kb_free(myoref_kb* kb);

/* Identity of the knowledge base. Borrowed from `kb`; valid until
 * myoref_kb_free(kb). The hash is the SHA-256 (hex) of the canonical form:
 * equal hashes mean equal content. */
MYOREF_API const char* myoref_kb_id(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_version(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_title(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_hash(const myoref_kb* kb);

/* The whole knowledge base in canonical JSON (loading it again gives the same
 * hash). Caller frees *out with myoref_string_free(). */
MYOREF_API int myoref_kb_to_json(char** out, const myoref_kb* kb);

/*
 * Lookups. Every list has a count and index-based accessors; indices run from
 * 0 to count - 1 and are meaningful only for the knowledge base they came
 * from. Strings are borrowed from `kb` and valid until myoref_kb_free(kb).
 * An index out of range returns NULL (or a negative code) with
 * MYOREF_ENOTFOUND. The find functions take an id or key as text and store
 * its index in *out; an unknown one is MYOREF_ENOTFOUND, whose message
 * suggests the closest known id.
 */

/* Body-chart regions ("buttock_upper"): a region is paired (one per side) or
 * midline. */
MYOREF_API size_t myoref_kb_region_count(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_region_id(const myoref_kb* kb, size_t index);
MYOREF_API const char* myoref_kb_region_name(const myoref_kb* kb, size_t index);
/* 1 for a midline region, 0 for a paired one, negative on error. */
MYOREF_API int myoref_kb_region_midline(const myoref_kb* kb, size_t index);
/* The index of the region with this id. */
MYOREF_API int myoref_kb_find_region(size_t* out, const myoref_kb* kb, const char* id, size_t len);

/* Region keys: a region on one side ("buttock_upper:left") or a midline
 * region ("sacrum"). Their order is the column order of batch scoring. */
MYOREF_API size_t myoref_kb_region_key_count(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_region_key(const myoref_kb* kb, size_t index);
/* The region id of a region key ("buttock_upper"). */
MYOREF_API const char* myoref_kb_region_key_region(const myoref_kb* kb, size_t index);
/* A MYOREF_SIDE_* value, negative on error. */
MYOREF_API int myoref_kb_region_key_side(const myoref_kb* kb, size_t index);
/* The index of the region key with this text ("buttock_upper:left", "sacrum"). */
MYOREF_API int myoref_kb_find_region_key(size_t* out, const myoref_kb* kb, const char* key,
                                         size_t len);

/* Muscles. find_muscle takes an id or any alias ("psoas" finds iliopsoas). */
MYOREF_API size_t myoref_kb_muscle_count(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_muscle_id(const myoref_kb* kb, size_t index);
MYOREF_API const char* myoref_kb_muscle_name(const myoref_kb* kb, size_t index);
/* 1 when the muscle is one midline candidate, 0 when it has two sides,
 * negative on error. */
MYOREF_API int myoref_kb_muscle_midline(const myoref_kb* kb, size_t index);
/* A muscle's aliases: other ids that find it. */
MYOREF_API size_t myoref_kb_muscle_alias_count(const myoref_kb* kb, size_t index);
MYOREF_API const char* myoref_kb_muscle_alias(const myoref_kb* kb, size_t index, size_t alias);
/* The index of the muscle with this id or alias. */
MYOREF_API int myoref_kb_find_muscle(size_t* out, const myoref_kb* kb, const char* id_or_alias,
                                     size_t len);
/* One muscle's record in canonical JSON: {"muscle": {...}, "exercises": [...]}
 * (anatomy, actions, symptoms, trigger points and referral zones, protocol
 * and its exercises). Caller frees *out with myoref_string_free(). */
MYOREF_API int myoref_kb_muscle_json(char** out, const myoref_kb* kb, size_t index);

/* Candidates: a muscle on one side ("gluteus_medius:left") or a midline
 * muscle. Their order is the column order of batch scoring's output. */
MYOREF_API size_t myoref_kb_candidate_count(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_candidate_key(const myoref_kb* kb, size_t index);
/* The muscle id of a candidate ("gluteus_medius"). */
MYOREF_API const char* myoref_kb_candidate_muscle(const myoref_kb* kb, size_t index);
/* A MYOREF_SIDE_* value, negative on error. */
MYOREF_API int myoref_kb_candidate_side(const myoref_kb* kb, size_t index);
/* By key; an alias may stand for the muscle id ("psoas:left"). */
MYOREF_API int myoref_kb_find_candidate(size_t* out, const myoref_kb* kb, const char* key,
                                        size_t len);

/* Findings: questions about what brings the pain on ("walking"). */
MYOREF_API size_t myoref_kb_finding_count(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_finding_id(const myoref_kb* kb, size_t index);
/* The question to ask a person: "Does walking bring on the pain?" */
MYOREF_API const char* myoref_kb_finding_question(const myoref_kb* kb, size_t index);
/* The index of the finding with this id. */
MYOREF_API int myoref_kb_find_finding(size_t* out, const myoref_kb* kb, const char* id, size_t len);

/* Red flags: signs that self-care is the wrong path. */
MYOREF_API size_t myoref_kb_red_flag_count(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_red_flag_id(const myoref_kb* kb, size_t index);
MYOREF_API const char* myoref_kb_red_flag_question(const myoref_kb* kb, size_t index);
/* What to do when the red flag is confirmed, in plain words. */
MYOREF_API const char* myoref_kb_red_flag_advice(const myoref_kb* kb, size_t index);
/* A MYOREF_TRIAGE_* value, negative on error. */
MYOREF_API int myoref_kb_red_flag_level(const myoref_kb* kb, size_t index);
/* The index of the red flag with this id. */
MYOREF_API int myoref_kb_find_red_flag(size_t* out, const myoref_kb* kb, const char* id,
                                       size_t len);

/* Precautions: what a person brings to the exercises ("blood_thinners",
 * "pregnant"); an intake lists the ones that apply. */
MYOREF_API size_t myoref_kb_precaution_count(const myoref_kb* kb);
MYOREF_API const char* myoref_kb_precaution_id(const myoref_kb* kb, size_t index);
MYOREF_API const char* myoref_kb_precaution_name(const myoref_kb* kb, size_t index);
/* Who it applies to, in plain words. */
MYOREF_API const char* myoref_kb_precaution_what(const myoref_kb* kb, size_t index);
/* The index of the precaution with this id. */
MYOREF_API int myoref_kb_find_precaution(size_t* out, const myoref_kb* kb, const char* id,
                                         size_t len);

/* ------------------------------------------------------------------------ */
/* Intake                                                                   */
/* ------------------------------------------------------------------------ */

/* A person's report built call by call: pain marks, findings, red flags and
 * a little history. Mutable: one thread at a time while it changes.
 *
 * The setters resolve ids at once (an unknown id is MYOREF_ENOTFOUND, with
 * the closest known id suggested) and store numbers as given; every other
 * rule (intensity 0..10, age 0..120, duration 0..36500, a region marked
 * twice, an id both confirmed and denied, at least one pain mark, the
 * limits) is checked by myoref_intake_validate(), myoref_assess() and the
 * functions that render an intake, which report every problem with the JSON
 * path the intake's JSON form would have ("/pain/1/intensity"). */
typedef struct myoref_intake myoref_intake;

/* An empty intake for the knowledge base `kb`. */
MYOREF_API int myoref_intake_new(myoref_intake** out, const myoref_kb* kb);

/* Reads an intake from JSON text (docs/contract.md "Intake"), strictly.
 * Errors: MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_ELIMIT, MYOREF_EINPUT. */
MYOREF_API int myoref_intake_from_json(myoref_intake** out, const myoref_kb* kb, const char* text,
                                       size_t len);

/* Frees an intake. Accepts NULL. */
MYOREF_API void myoref_intake_free(myoref_intake* intake);

/* Adds a pain mark: a region id, a side (MYOREF_SIDE_LEFT or _RIGHT for a
 * paired region, MYOREF_SIDE_NONE for a midline one) and the intensity now,
 * 0..10 (0 = drawn, no pain now). Errors: MYOREF_EINVAL (NULL, a side value
 * outside the enum, or a side that does not fit the region),
 * MYOREF_ENOTFOUND (unknown region). */
MYOREF_API int myoref_intake_add_pain(myoref_intake* intake, const char* region, size_t len,
                                      int side, int intensity);

/* A finding the person confirmed / denied (unlisted means unknown), and a red
 * flag the person confirmed. Errors: MYOREF_EINVAL, MYOREF_ENOTFOUND. */
MYOREF_API int myoref_intake_confirm_finding(myoref_intake* intake, const char* id, size_t len);
MYOREF_API int myoref_intake_deny_finding(myoref_intake* intake, const char* id, size_t len);
MYOREF_API int myoref_intake_confirm_red_flag(myoref_intake* intake, const char* id, size_t len);
/* A red-flag question the person answered no. A red flag neither confirmed
 * nor denied is unanswered, and is never taken as a no. An id both confirmed
 * and denied is an error of myoref_intake_validate().
 * Errors: MYOREF_EINVAL, MYOREF_ENOTFOUND. */
MYOREF_API int myoref_intake_deny_red_flag(myoref_intake* intake, const char* id, size_t len);
/* A precaution that applies to the person ("blood_thinners").
 * Errors: MYOREF_EINVAL, MYOREF_ENOTFOUND (with the closest id suggested). */
MYOREF_API int myoref_intake_add_precaution(myoref_intake* intake, const char* id, size_t len);
/* The person's sex, a MYOREF_SEX_* value (MYOREF_SEX_UNKNOWN takes it back).
 * Errors: MYOREF_EINVAL (NULL, a value outside the enum). */
MYOREF_API int myoref_intake_set_sex(myoref_intake* intake, int sex);

/* History: age in years, how many days the pain has lasted, and how it began
 * (a MYOREF_ONSET_* value; MYOREF_ONSET_UNKNOWN takes the onset back).
 * Errors: MYOREF_EINVAL (NULL, an onset value outside the enum). */
MYOREF_API int myoref_intake_set_age(myoref_intake* intake, int years);
MYOREF_API int myoref_intake_set_duration_days(myoref_intake* intake, int days);
MYOREF_API int myoref_intake_set_onset(myoref_intake* intake, int onset);

/* Checks every rule. Errors: MYOREF_EINVAL (NULL), MYOREF_EINPUT,
 * MYOREF_ELIMIT, each problem a diagnostic of the last error. */
MYOREF_API int myoref_intake_validate(const myoref_intake* intake);

/* The intake's canonical JSON (every list sorted by knowledge-base order).
 * Validates first, with the errors of myoref_intake_validate(). Caller frees
 * *out with myoref_string_free(). */
MYOREF_API int myoref_intake_to_json(char** out, const myoref_intake* intake);

/* ------------------------------------------------------------------------ */
/* Assessment                                                               */
/* ------------------------------------------------------------------------ */

/* Triage (red flags first, independently of scoring), candidate muscles
 * ranked with the reasons behind each, a cover of the painful regions, and
 * the regions nothing explains. Immutable: safe from any number of threads.
 * Strings read from it are borrowed from the handle and live until
 * myoref_assessment_free(). */
typedef struct myoref_assessment myoref_assessment;

/* JSON in, JSON out: reads an intake (docs/contract.md "Intake") and writes the
 * assessment (docs/contract.md "Assessment"), compact. The same intake always
 * gives byte-identical text. Caller frees *out with myoref_string_free().
 * Errors: MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_ELIMIT, MYOREF_EINPUT. */
MYOREF_API int myoref_assess_json(char** out, const myoref_kb* kb, const char* intake, size_t len);

/* JSON in, JSON out: the red-flag questions to ask for an intake, most
 * serious first: {"questions": [{"id", "level", "text", "why", "answer"}]},
 * those its drawing, age, sex and onset call for and that it has not
 * answered. Errors as myoref_assess_json. Caller frees *out. */
MYOREF_API int myoref_questions_json(char** out, const myoref_kb* kb, const char* intake,
                                     size_t len);

/* Triages and scores an intake with the knowledge base it was made for.
 * Errors: MYOREF_EINVAL (NULL), MYOREF_EINPUT and MYOREF_ELIMIT when the
 * intake breaks a rule (see myoref_intake_validate). */
MYOREF_API int myoref_assess(myoref_assessment** out, const myoref_intake* intake);

/* Reads an assessment document by re-assessing its echoed intake with `kb`.
 * Errors: MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_ELIMIT, MYOREF_EINPUT,
 * MYOREF_EMISMATCH (the document names another knowledge base). */
MYOREF_API int myoref_assessment_from_json(myoref_assessment** out, const myoref_kb* kb,
                                           const char* text, size_t len);

/* Frees an assessment. Accepts NULL. */
MYOREF_API void myoref_assessment_free(myoref_assessment* assessment);

/* The assessment JSON; `flags` is 0 or MYOREF_JSON_PRETTY. Caller frees *out
 * with myoref_string_free(). Errors: MYOREF_EINVAL (NULL, unknown flags). */
MYOREF_API int myoref_assessment_to_json(char** out, const myoref_assessment* assessment,
                                         unsigned flags);

/* A plain-text report for a person (triage banner first). Caller frees *out
 * with myoref_string_free(). */
MYOREF_API int myoref_assessment_to_text(char** out, const myoref_assessment* assessment);

/* The intake as validated, in canonical JSON. Caller frees *out. */
MYOREF_API int myoref_assessment_intake_json(char** out, const myoref_assessment* assessment);

/* Triage: the level (a MYOREF_TRIAGE_* value, negative on error) and what the
 * age rule made of the intake (a MYOREF_AGE_RULE_* value). */
MYOREF_API int myoref_assessment_triage_level(const myoref_assessment* assessment);
MYOREF_API int myoref_assessment_age_rule(const myoref_assessment* assessment);

/* The red-flag questions the drawing calls for (answered or not), most
 * serious first: id, level (a MYOREF_TRIAGE_* value, negative on error), the
 * question in plain words, and why it is asked ("pain in the chest (left) at
 * 58"). myoref_assessment_pending_* lists those not answered. */
MYOREF_API size_t myoref_assessment_question_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_question_id(const myoref_assessment* assessment,
                                                     size_t index);
MYOREF_API int myoref_assessment_question_level(const myoref_assessment* assessment, size_t index);
MYOREF_API const char* myoref_assessment_question_text(const myoref_assessment* assessment,
                                                       size_t index);
MYOREF_API const char* myoref_assessment_question_why(const myoref_assessment* assessment,
                                                      size_t index);
/* 1 when any question is unanswered (the level is then at least
 * MYOREF_TRIAGE_SEE_CLINICIAN), 0 otherwise, negative on error. */
MYOREF_API int myoref_assessment_provisional(const myoref_assessment* assessment);
/* The unanswered questions, most serious first. */
MYOREF_API size_t myoref_assessment_pending_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_pending_id(const myoref_assessment* assessment,
                                                    size_t index);
/* The rules that raised the level: id, level (MYOREF_TRIAGE_*), reason. */
MYOREF_API size_t myoref_assessment_rule_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_rule_id(const myoref_assessment* assessment, size_t index);
MYOREF_API int myoref_assessment_rule_level(const myoref_assessment* assessment, size_t index);
MYOREF_API const char* myoref_assessment_rule_reason(const myoref_assessment* assessment,
                                                     size_t index);
/* Non-muscular explanations the intake matches (also_consider): id and name. */
MYOREF_API size_t myoref_assessment_also_consider_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_also_consider_id(const myoref_assessment* assessment,
                                                          size_t index);
MYOREF_API const char* myoref_assessment_also_consider_name(const myoref_assessment* assessment,
                                                            size_t index);

/* The confirmed red flags, most urgent first: id, level (MYOREF_TRIAGE_*) and
 * advice in plain words. */
MYOREF_API size_t myoref_assessment_red_flag_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_red_flag_id(const myoref_assessment* assessment,
                                                     size_t index);
MYOREF_API int myoref_assessment_red_flag_level(const myoref_assessment* assessment, size_t index);
MYOREF_API const char* myoref_assessment_red_flag_advice(const myoref_assessment* assessment,
                                                         size_t index);

/* Everything triage advises, in the order to show it: each red flag's advice,
 * then the age rule's when it raised the level or could not be checked. */
MYOREF_API size_t myoref_assessment_advice_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_advice(const myoref_assessment* assessment, size_t index);

/*
 * Ranked candidates: rank 0 is the most likely. Sorted by score descending;
 * equal scores (ties) by muscle id, then side (left before right), an order
 * that does not depend on which side was drawn: assessing the mirrored
 * intake gives the same muscles, scores and tie flags at every rank, with
 * the sides swapped, except that both sides of a tied muscle stay listed left
 * first. A rank out of range is MYOREF_ENOTFOUND.
 */
MYOREF_API size_t myoref_assessment_candidate_count(const myoref_assessment* assessment);
/* "gluteus_medius:left" */
MYOREF_API const char* myoref_assessment_candidate_key(const myoref_assessment* assessment,
                                                       size_t rank);
/* The muscle id, "gluteus_medius". */
MYOREF_API const char* myoref_assessment_candidate_muscle(const myoref_assessment* assessment,
                                                          size_t rank);
/* A MYOREF_SIDE_* value, negative on error. */
MYOREF_API int myoref_assessment_candidate_side(const myoref_assessment* assessment, size_t rank);
/* The muscle's name, "Gluteus medius". */
MYOREF_API const char* myoref_assessment_candidate_name(const myoref_assessment* assessment,
                                                        size_t rank);
/* In (0, 1]; -1.0 on error. */
MYOREF_API double myoref_assessment_candidate_score(const myoref_assessment* assessment,
                                                    size_t rank);
/* 1 when another candidate has exactly the same score (the two sides of a
 * muscle tie for a symmetric drawing: present them as "both sides"), 0 when
 * not, negative on error (MYOREF_EINVAL for NULL, MYOREF_ENOTFOUND for a rank
 * out of range). */
MYOREF_API int myoref_assessment_candidate_tied(const myoref_assessment* assessment, size_t rank);
/* Painful region keys the candidate's referral zones cover / do not cover. */
MYOREF_API size_t myoref_assessment_candidate_explained_count(const myoref_assessment* assessment,
                                                              size_t rank);
MYOREF_API const char* myoref_assessment_candidate_explained(const myoref_assessment* assessment,
                                                             size_t rank, size_t index);
MYOREF_API size_t myoref_assessment_candidate_unexplained_count(const myoref_assessment* assessment,
                                                                size_t rank);
MYOREF_API const char* myoref_assessment_candidate_unexplained(const myoref_assessment* assessment,
                                                               size_t rank, size_t index);
/* Finding ids that count for it (confirmed), and against it (confirmed and
 * counting against, or denied and counting for). */
MYOREF_API size_t
myoref_assessment_candidate_findings_for_count(const myoref_assessment* assessment, size_t rank);
MYOREF_API const char* myoref_assessment_candidate_finding_for(const myoref_assessment* assessment,
                                                               size_t rank, size_t index);
MYOREF_API size_t myoref_assessment_candidate_findings_against_count(
    const myoref_assessment* assessment, size_t rank);
MYOREF_API const char* myoref_assessment_candidate_finding_against(
    const myoref_assessment* assessment, size_t rank, size_t index);
/* The reasons behind the candidate's place, one line each, ending with the
 * knowledge-base citation keys in brackets. */
MYOREF_API size_t myoref_assessment_candidate_basis_count(const myoref_assessment* assessment,
                                                          size_t rank);
MYOREF_API const char* myoref_assessment_candidate_basis(const myoref_assessment* assessment,
                                                         size_t rank, size_t index);

/* A small ordered set of candidate keys that together explain the painful
 * regions. */
MYOREF_API size_t myoref_assessment_cover_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_cover(const myoref_assessment* assessment, size_t index);

/* Painful region keys that no muscle in the knowledge base explains. */
MYOREF_API size_t myoref_assessment_unexplained_count(const myoref_assessment* assessment);
MYOREF_API const char* myoref_assessment_unexplained(const myoref_assessment* assessment,
                                                     size_t index);

/* ------------------------------------------------------------------------ */
/* Batch scoring                                                            */
/* ------------------------------------------------------------------------ */

/* Scores many pain drawings at once, with no findings, on `threads` threads
 * (0 = one per hardware thread). The caller owns every buffer.
 *
 * With R = myoref_kb_region_key_count(kb) and C = myoref_kb_candidate_count(kb):
 * `drawings` is row-major, `drawings_len` values (a multiple of R, so
 * N = drawings_len / R drawings), each an intensity 0..10 by region key
 * (0 = not painful; for float input any finite value in [0, 10]). `out`
 * receives N rows of C scores, row-major, indexed like the candidates;
 * `out_len` (in floats) must be at least N * C. Row i equals the candidate
 * scores myoref_assess gives for drawing i with no findings (to 1e-5).
 *
 * Every value is checked before anything is scored; on failure `out` is left
 * untouched. Errors: MYOREF_EINVAL (NULL with a length > 0, drawings_len not
 * a multiple of R, out_len too small), MYOREF_EINPUT (a value outside [0, 10]
 * or not finite; diagnostic paths are "/ROW/COLUMN"). */
MYOREF_API int myoref_score_batch_u8(float* out, size_t out_len, const myoref_kb* kb,
                                     const uint8_t* drawings, size_t drawings_len,
                                     unsigned threads);
MYOREF_API int myoref_score_batch_f32(float* out, size_t out_len, const myoref_kb* kb,
                                      const float* drawings, size_t drawings_len, unsigned threads);

/* ------------------------------------------------------------------------ */
/* Plan: release -> stretch -> strengthen                                   */
/* ------------------------------------------------------------------------ */

/* A self-care plan for the most likely muscle, session by session, with
 * escalation to the next candidate and stops for worsening pain or a red
 * flag (docs/protocol.md). The host stores the plan document between
 * sessions (myoref_plan_to_json / myoref_plan_from_json). Mutable: one
 * thread at a time while myoref_plan_log runs. */
typedef struct myoref_plan myoref_plan;

/* The numbers behind the plan's rules. A plan records what it was started
 * with and keeps to it. Out-of-range values are refused by the start
 * functions with MYOREF_EINVAL. */
typedef struct myoref_plan_options {
  unsigned version;         /* MYOREF_PLAN_OPTIONS_VERSION */
  int release_trials;       /* release sessions without relief before the next candidate, 1..20 */
  int relief_points;        /* relief: pain this many points below the baseline, 1..10 ... */
  int relief_percent;       /* ... or this many percent below it, 1..100 */
  int worsening_points;     /* worse: pain this many points above the baseline, 1..10 ... */
  int worsening_sessions;   /* ... in this many sessions in a row stops the plan, 1..10 */
  int maintenance_sessions; /* relief in this many sessions in a row: maintenance, 1..20 */
  int append_related;       /* nonzero: append the top muscle's related muscles */
  /* Layout version 2: */
  int max_candidates;         /* the most candidates the plan tries, 1..200 */
  int max_exercises_per_step; /* the most exercises offered for each step, 1..10 */
  int no_improvement_weeks;   /* no relief so many weeks after the first session: stop, 1..52 */
} myoref_plan_options;

/* The layout version of myoref_plan_options this header declares. */
#define MYOREF_PLAN_OPTIONS_VERSION 2
/* An initializer with the defaults: myoref_plan_options o = MYOREF_PLAN_OPTIONS_INIT; */
#define MYOREF_PLAN_OPTIONS_INIT \
  { MYOREF_PLAN_OPTIONS_VERSION, 3, 2, 30, 2, 2, 3, 1, 3, 2, 6 }

/* Fills `options` with the defaults for layout `version` (pass
 * MYOREF_PLAN_OPTIONS_VERSION). Errors: MYOREF_EINVAL (NULL, unknown
 * version). */
MYOREF_API int myoref_plan_options_init(myoref_plan_options* options, unsigned version);

/* Starts a plan from an assessment: its ranking, its triage and the highest
 * pain in its intake. `options` may be NULL (the defaults).
 * The plan keeps the intake's precautions (and never offers an exercise they
 * rule out), starts in the acute phase when the pain is under a week old, and
 * treats both sides of a muscle together when the drawing ties them.
 * Errors: MYOREF_EINVAL (NULL, an options version or value out of range, no
 * candidate to work on, no pain above 0), MYOREF_EREFUSED (triage is urgent
 * or emergency, the person is under 16, or an emergency-level red-flag
 * question is unanswered: see a clinician, or ask the question, first). */
MYOREF_API int myoref_plan_start(myoref_plan** out, const myoref_assessment* assessment,
                                 const myoref_plan_options* options);

/* Reads a plan document. Errors: MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_ELIMIT,
 * MYOREF_EVERSION (a newer format), MYOREF_EINTEGRITY (edited by hand or
 * damaged), MYOREF_EMISMATCH (made with another knowledge base),
 * MYOREF_EINPUT (a field, or a history the rules could not have produced). */
MYOREF_API int myoref_plan_from_json(myoref_plan** out, const myoref_kb* kb, const char* text,
                                     size_t len);

/* Frees a plan. Accepts NULL. */
MYOREF_API void myoref_plan_free(myoref_plan* plan);

/* The plan document to store (pretty JSON ending with a newline);
 * myoref_plan_from_json of it gives the same plan. Caller frees *out. */
MYOREF_API int myoref_plan_to_json(char** out, const myoref_plan* plan);

/* What to do in the next session, as JSON (docs/contract.md "plan next"): status,
 * target, name, the three steps with exercises and doses, advice, sessions
 * logged. A stopped or exhausted plan answers with its status, reason and
 * advice, and no steps. Caller frees *out. */
MYOREF_API int myoref_plan_next(char** out, const myoref_plan* plan);

/* The same for people, as plain text. Caller frees *out. */
MYOREF_API int myoref_plan_next_text(char** out, const myoref_plan* plan);

/* Applies one session log (docs/contract.md "session") and writes the decision
 * as JSON to *out (outcome, status, target, next_target, relief, reasons,
 * advice, ...). On any error the plan is exactly as before.
 * Errors: MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_EINPUT (a bad field, a date
 * earlier than the last one, a target that is not the current one, steps out
 * of order, an exhausted plan), MYOREF_EREFUSED (the plan has stopped). */
MYOREF_API int myoref_plan_log(char** out, myoref_plan* plan, const char* session, size_t len);

/* The plan's status: a MYOREF_PLAN_* value, negative on error. */
MYOREF_API int myoref_plan_status(const myoref_plan* plan);

/* The candidate key of the plan's target (for a stopped plan, the one it
 * stopped on); "" when it has none (exhausted). Borrowed from `plan`: valid
 * until the next myoref_plan_log on it or myoref_plan_free. */
MYOREF_API const char* myoref_plan_target(const myoref_plan* plan);

/* Why the plan is where it is, in one sentence. Borrowed as for
 * myoref_plan_target. */
MYOREF_API const char* myoref_plan_reason(const myoref_plan* plan);

/* How many sessions have been logged. */
MYOREF_API size_t myoref_plan_session_count(const myoref_plan* plan);

/*
 * The same operations on JSON documents, for hosts that keep only strings.
 * Each reads what it is given and writes new text; the caller frees every
 * *out with myoref_string_free().
 */

/* Starts a plan from an assessment document (myoref_assess_json's output)
 * and writes the plan document. Errors as myoref_assessment_from_json and
 * myoref_plan_start. */
MYOREF_API int myoref_plan_start_json(char** out, const myoref_kb* kb, const char* assessment,
                                      size_t len, const myoref_plan_options* options);

/* Reads a plan document and writes what to do next (as myoref_plan_next). */
MYOREF_API int myoref_plan_next_json(char** out, const myoref_kb* kb, const char* plan, size_t len);

/* Applies a session to a plan document: writes the updated plan document to
 * *out_plan and the decision to *out_decision (which may be NULL when the
 * decision is not wanted). The text given is never changed. */
MYOREF_API int myoref_plan_log_json(char** out_plan, char** out_decision, const myoref_kb* kb,
                                    const char* plan, size_t plan_len, const char* session,
                                    size_t session_len);

/* ------------------------------------------------------------------------ */
/* Pictures: SVG body charts and an HTML report                             */
/* ------------------------------------------------------------------------ */

/* Pictures show the front and back views side by side, with a title, a
 * <desc> in words, hover titles on every region and a legend
 * (docs/rendering.md). The same inputs and options always give the same
 * bytes. Every function returns the text through *out, which the caller
 * frees with myoref_string_free(). Errors: MYOREF_EINVAL (NULL, options that
 * do not parse: a colour that is not "#rrggbb", a bad id prefix, a count out
 * of range), MYOREF_ENOTFOUND (an unknown candidate key; a knowledge base
 * without a body chart), MYOREF_EINPUT / MYOREF_ELIMIT (an intake that breaks
 * a rule), and for the _json forms the errors of reading their document. */

/* How a picture looks. Strings are NUL-terminated; NULL means the default.
 * The options are read during the call only. */
typedef struct myoref_render_options {
  unsigned version;                 /* MYOREF_RENDER_OPTIONS_VERSION */
  int width_px;                     /* width written on the <svg>; 0: none, the
                                       picture fills its container */
  int legend;                       /* nonzero: draw the legend */
  int heading;                      /* nonzero: draw the title as text */
  const char* id_prefix;            /* prefix of every id in the picture (give
                                       each inlined picture its own); NULL: "myoref" */
  const char* essential_colour;     /* "#rrggbb" of a muscle's pattern; NULL: default */
  const char* overlay_colour;       /* "#rrggbb" of a pattern over a drawing; NULL: default */
  const char* trigger_point_colour; /* "#rrggbb" of the X on a trigger point; NULL: default */
} myoref_render_options;

/* The layout version of myoref_render_options this header declares. */
#define MYOREF_RENDER_OPTIONS_VERSION 1
/* An initializer with the defaults: myoref_render_options o = MYOREF_RENDER_OPTIONS_INIT; */
#define MYOREF_RENDER_OPTIONS_INIT \
  { MYOREF_RENDER_OPTIONS_VERSION, 0, 1, 1, NULL, NULL, NULL, NULL }

/* Fills `options` with the defaults for layout `version` (the strings are
 * set to NULL, meaning the defaults). Errors: MYOREF_EINVAL. */
MYOREF_API int myoref_render_options_init(myoref_render_options* options, unsigned version);

/* What the HTML report shows. */
typedef struct myoref_report_options {
  unsigned version;                   /* MYOREF_REPORT_OPTIONS_VERSION */
  size_t ranked;                      /* candidates listed with their reasons, 1..50 */
  size_t charts;                      /* candidates drawn as small multiples, 0..6 */
  const myoref_render_options* chart; /* the charts' look; NULL: the defaults */
} myoref_report_options;

/* The layout version of myoref_report_options this header declares. */
#define MYOREF_REPORT_OPTIONS_VERSION 1
/* An initializer with the defaults: myoref_report_options o = MYOREF_REPORT_OPTIONS_INIT; */
#define MYOREF_REPORT_OPTIONS_INIT \
  { MYOREF_REPORT_OPTIONS_VERSION, 5, 3, NULL }

/* Fills `options` with the defaults for layout `version`. Errors: MYOREF_EINVAL. */
MYOREF_API int myoref_report_options_init(myoref_report_options* options, unsigned version);

/* A muscle's referral pattern: `candidate` is a candidate key
 * ("gluteus_medius:left"; an alias may stand for the muscle id). Essential
 * zone solid, spillover stippled, trigger points marked. SVG. */
MYOREF_API int myoref_render_muscle_svg(char** out, const myoref_kb* kb, const char* candidate,
                                        size_t len, const myoref_render_options* options);

/* A person's pain drawing, each region filled by its intensity. SVG. */
MYOREF_API int myoref_render_intake_svg(char** out, const myoref_intake* intake,
                                        const myoref_render_options* options);

/* The pain drawing with a candidate's referral pattern over it, so that a
 * reader sees what it explains and what it does not. SVG. */
MYOREF_API int myoref_render_overlay_svg(char** out, const myoref_intake* intake,
                                         const char* candidate, size_t len,
                                         const myoref_render_options* options);

/* The overlays of the assessment's first `top_n` candidates side by side,
 * each headed by rank, name and score. SVG. */
MYOREF_API int myoref_render_candidates_svg(char** out, const myoref_assessment* assessment,
                                            size_t top_n, const myoref_render_options* options);

/* One self-contained HTML page (inline CSS and SVG, no script): triage first,
 * the drawing, the ranking with reasons and citations, charts, and the first
 * step of the plan (withheld at urgent or emergency triage). `options` may be
 * NULL. */
MYOREF_API int myoref_render_report_html(char** out, const myoref_assessment* assessment,
                                         const myoref_report_options* options);

/* A body chart to draw a pain drawing on (docs/rendering.md, "The chart to
 * draw on"): front and back views, every region key a view shows one <path>
 * with data-region-key (the key), data-view, role="button", aria-pressed, an
 * aria-label naming the person's side ("left upper buttock, the person's
 * left") and a roving tabindex (the first element 0, the others -1). `pain`
 * pre-fills it: an intake's "pain" list as JSON text
 * ([{"region": "buttock_upper", "side": "left", "intensity": 6}, ...]);
 * NULL or "" (len 0) or "[]" for a blank chart. Marked keys get
 * data-intensity, aria-pressed="true" and the drawing's fill. Errors in the
 * marks have the intake's paths ("/pain/0/region"). SVG. */
MYOREF_API int myoref_render_chart_svg(char** out, const myoref_kb* kb, const char* pain,
                                       size_t len, const myoref_render_options* options);

/* Pain over the sessions of a plan (docs/rendering.md, "Pain over time"):
 * pain before and after each session (0..10) in date order, the baseline, the
 * relief zone by the plan's own rule, the worsening threshold, where the
 * target changed and where the plan stopped, a legend, and a <desc> listing
 * every session in words. A plan with no session gives the empty plot. Only
 * width_px, legend, heading, id_prefix and overlay_colour apply. SVG. */
MYOREF_API int myoref_render_pain_over_time_svg(char** out, const myoref_plan* plan,
                                                const myoref_render_options* options);

/* The same from JSON documents: an intake (docs/contract.md "Intake") or an
 * assessment (myoref_assess_json's output). */
MYOREF_API int myoref_render_intake_svg_json(char** out, const myoref_kb* kb, const char* intake,
                                             size_t len, const myoref_render_options* options);
MYOREF_API int myoref_render_overlay_svg_json(char** out, const myoref_kb* kb, const char* intake,
                                              size_t len, const char* candidate,
                                              size_t candidate_len,
                                              const myoref_render_options* options);
MYOREF_API int myoref_render_candidates_svg_json(char** out, const myoref_kb* kb,
                                                 const char* assessment, size_t len, size_t top_n,
                                                 const myoref_render_options* options);
MYOREF_API int myoref_render_report_html_json(char** out, const myoref_kb* kb,
                                              const char* assessment, size_t len,
                                              const myoref_report_options* options);
/* From a plan document (myoref_plan_to_json's output), read and checked as
 * myoref_plan_from_json reads it. */
MYOREF_API int myoref_render_pain_over_time_svg_json(char** out, const myoref_kb* kb,
                                                     const char* plan, size_t len,
                                                     const myoref_render_options* options);

/* ------------------------------------------------------------------------ */
/* Interoperability: FHIR R4 (docs/interop.md)                              */
/* ------------------------------------------------------------------------ */

/* An assessment document (myoref_assess_json's output) or a plan document as
 * a FHIR R4 Bundle (JSON, two-space indented): pain Observations (LOINC
 * 72514-3, body sites coded), the knowledge base's Questionnaire and the
 * answers given, a ClinicalImpression with the triage and the ranked
 * candidates and their basis; for a plan, the sessions' pain before and after.
 * `patient` (NUL-terminated, may be NULL) is a FHIR reference for every
 * subject ("Patient/123"); NULL or "": an anonymous Patient in the Bundle.
 * `date` (NULL or "YYYY-MM-DD") dates an assessment's observations. Caller
 * frees *out with myoref_string_free(). Errors: MYOREF_EINVAL (NULL, a bad
 * date), MYOREF_EPARSE, MYOREF_ELIMIT, MYOREF_EINPUT, MYOREF_EMISMATCH,
 * MYOREF_EINTEGRITY (an edited plan). */
MYOREF_API int myoref_fhir_json(char** out, const myoref_kb* kb, const char* document, size_t len,
                                const char* patient, const char* date);

/* The intake (canonical JSON) recorded in a Bundle that myoref_fhir_json wrote
 * for an assessment. Errors: MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_ELIMIT,
 * MYOREF_EINPUT (with the Bundle's JSON path). */
MYOREF_API int myoref_import_fhir_json(char** out, const myoref_kb* kb, const char* bundle,
                                       size_t len);

/* An intake (canonical JSON) from a CHOIR body map's marked segments
 * ("128,117,107", NUL-terminated), for `sex` "female" or "male" (the map
 * numbers 112-117 differently), each overlapped region marked with
 * `intensity` (1..10) scaled by how much of it the segments cover, or how much
 * of a segment falls in it, whichever is larger (docs/interop.md). Caller
 * frees *out. Errors: MYOREF_EINVAL (NULL, a bad sex or intensity),
 * MYOREF_EINPUT (an unknown or repeated segment, with its position). */
MYOREF_API int myoref_import_choir_json(char** out, const myoref_kb* kb, const char* segments,
                                        const char* sex, int intensity);

/* The CHOIR segments ("107,117,128", ascending) that the painful regions of an
 * intake or assessment document fall in. Caller frees *out. Errors:
 * MYOREF_EINVAL, MYOREF_EPARSE, MYOREF_EINPUT. */
MYOREF_API int myoref_export_choir_json(char** out, const myoref_kb* kb, const char* intake,
                                        size_t len, const char* sex);

#ifdef __cplusplus
}
#endif

#endif /* MYOREF_H */
