/* C API under concurrency: 8 threads assess on one shared knowledge-base
 * handle at the same time and must get byte-identical results; each thread
 * has its own last-error record. Labelled "concurrency" for the TSan lane. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>

#include "check.h"

#define THREADS 8
#define ROUNDS 25

static const char kIntake[] =
    "{\"pain\": ["
    "{\"region\": \"iliac_crest\", \"side\": \"left\", \"intensity\": 6},"
    "{\"region\": \"sacroiliac\", \"side\": \"left\", \"intensity\": 5},"
    "{\"region\": \"buttock_upper\", \"side\": \"left\", \"intensity\": 5},"
    "{\"region\": \"hip_lateral\", \"side\": \"right\", \"intensity\": 2},"
    "{\"region\": \"sacrum\", \"intensity\": 3}],"
    "\"findings\": [\"walking\", \"standing_long\"], \"denied\": [\"sitting_long\"],"
    "\"red_flags\": [\"osteoporosis\"], \"age\": 61, \"onset\": \"sudden\"}";

struct job {
  const myoref_kb* kb;             /* shared by every thread */
  const myoref_assessment* shared; /* one assessment read by every thread */
  const char* expected;            /* the single-threaded result */
  pthread_barrier_t* start;
  int index;
  int mismatches;
  int errors;
  char* result; /* this thread's last result */
};

static void* run(void* arg) {
  struct job* job = (struct job*)arg;
  char unknown[32];
  int round;
  pthread_barrier_wait(job->start);
  snprintf(unknown, sizeof unknown, "no_such_region_%d", job->index);
  for (round = 0; round < ROUNDS; ++round) {
    char* json = NULL;
    char* structured = NULL;
    size_t found = 0;
    myoref_intake* in = NULL;
    myoref_assessment* a = NULL;

    /* JSON in, JSON out. */
    if (myoref_assess_json(&json, job->kb, kIntake, sizeof kIntake - 1) != MYOREF_OK) {
      ++job->errors;
    } else if (strcmp(json, job->expected) != 0) {
      ++job->mismatches;
    }
    /* Handles: an intake of this thread's own, assessed with the shared kb. */
    if (myoref_intake_from_json(&in, job->kb, kIntake, MYOREF_NTS) != MYOREF_OK ||
        myoref_assess(&a, in) != MYOREF_OK ||
        myoref_assessment_to_json(&structured, a, 0) != MYOREF_OK) {
      ++job->errors;
    } else if (strcmp(structured, job->expected) != 0) {
      ++job->mismatches;
    }
    /* Reading one assessment from every thread. */
    if (strcmp(myoref_assessment_candidate_key(job->shared, 0),
               myoref_assessment_candidate_key(a, 0)) != 0 ||
        myoref_assessment_candidate_basis_count(job->shared, 0) !=
            myoref_assessment_candidate_basis_count(a, 0)) {
      ++job->mismatches;
    }
    /* This thread's error is its own, whatever the others do meanwhile. */
    if (myoref_kb_find_region(&found, job->kb, unknown, MYOREF_NTS) != MYOREF_ENOTFOUND ||
        strstr(myoref_last_error()->message, unknown) == NULL) {
      ++job->errors;
    }
    myoref_assessment_free(a);
    myoref_intake_free(in);
    myoref_string_free(structured);
    if (round + 1 == ROUNDS) {
      job->result = json;
    } else {
      myoref_string_free(json);
    }
  }
  return NULL;
}

int main(void) {
  myoref_kb* kb = NULL;
  myoref_assessment* shared = NULL;
  myoref_intake* in = NULL;
  char* expected = NULL;
  pthread_t threads[THREADS];
  struct job jobs[THREADS];
  pthread_barrier_t start;
  int i;

  CHECK_OK(myoref_kb_open_default(&kb));
  CHECK_OK(myoref_assess_json(&expected, kb, kIntake, MYOREF_NTS));
  CHECK_OK(myoref_intake_from_json(&in, kb, kIntake, MYOREF_NTS));
  CHECK_OK(myoref_assess(&shared, in));
  if (kb == NULL || expected == NULL || shared == NULL) {
    return check_done("c_api threads");
  }
  /* The main thread's error stays while the workers fail and succeed. */
  CHECK_STATUS(myoref_kb_open_default(NULL), MYOREF_EINVAL);

  pthread_barrier_init(&start, NULL, THREADS);
  for (i = 0; i < THREADS; ++i) {
    jobs[i].kb = kb;
    jobs[i].shared = shared;
    jobs[i].expected = expected;
    jobs[i].start = &start;
    jobs[i].index = i;
    jobs[i].mismatches = 0;
    jobs[i].errors = 0;
    jobs[i].result = NULL;
    CHECK(pthread_create(&threads[i], NULL, run, &jobs[i]) == 0);
  }
  for (i = 0; i < THREADS; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(jobs[i].mismatches == 0);
    CHECK(jobs[i].errors == 0);
    CHECK(jobs[i].result != NULL && strcmp(jobs[i].result, expected) == 0);
    myoref_string_free(jobs[i].result);
  }
  pthread_barrier_destroy(&start);
  CHECK(myoref_last_error()->code == MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "myoref_kb_open_default: argument 'out' is NULL");

  myoref_string_free(expected);
  myoref_assessment_free(shared);
  myoref_intake_free(in);
  myoref_kb_free(kb);
  return check_done("c_api threads");
}
