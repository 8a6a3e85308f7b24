/*
 * c_host_example: how a C host embeds myoref. Copy it and start from here.
 *
 *   usage: c_host_example INTAKE.json
 *
 * It loads the built-in knowledge base, assesses the intake in the file
 * (docs/contract.md "Intake"), prints the triage and the most likely muscles with
 * the reasons behind each, then starts a self-care plan and prints what to do
 * in the first session.
 *
 * The habits to copy:
 *  - every fallible call returns MYOREF_OK (0) or a negative MYOREF_E* code;
 *    myoref_last_error() says what went wrong, on this thread;
 *  - every handle has a free function, and so has every string the library
 *    makes (myoref_string_free); strings returned directly are borrowed;
 *  - text goes in as (pointer, length): no NUL needed, or MYOREF_NTS.
 *
 * Exit status: 0 success, 2 usage, 3 bad input, 4 refused by a safety rule
 * (the same as the myoref command).
 */
#include <myoref/myoref.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints what went wrong in the last myoref call on this thread: a summary
 * and, for bad input, every problem with its JSON path. */
static void print_error(const char* what) {
  const myoref_error* e = myoref_last_error(); /* never NULL */
  size_t i;
  fprintf(stderr, "c_host_example: %s: %s (%s)\n", what, e->message, myoref_status_name(e->code));
  for (i = 0; i < e->diagnostic_count; ++i) {
    fprintf(stderr, "  %s: %s\n", myoref_last_error_diagnostic_path(i),
            myoref_last_error_diagnostic_message(i));
  }
}

/* Reads a whole file into memory; the caller frees it. */
static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  size_t size = 0;
  size_t got;
  char chunk[4096];
  if (f == NULL) {
    return NULL;
  }
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    char* grown = (char*)realloc(text, size + got);
    if (grown == NULL) {
      free(text);
      fclose(f);
      return NULL;
    }
    text = grown;
    memcpy(text + size, chunk, got);
    size += got;
  }
  fclose(f);
  *len = size;
  return text != NULL ? text : (char*)calloc(1, 1);
}

static void print_triage(const myoref_assessment* a) {
  size_t i;
  printf("Triage: %s\n", myoref_triage_level_name(myoref_assessment_triage_level(a)));
  /* Red flags come first, and their advice is what a person must read. */
  for (i = 0; i < myoref_assessment_advice_count(a); ++i) {
    printf("  ! %s\n", myoref_assessment_advice(a, i));
  }
}

static void print_candidates(const myoref_assessment* a, size_t top) {
  size_t rank, i;
  const size_t n = myoref_assessment_candidate_count(a);
  printf("\nMost likely sources (%lu candidates):\n", (unsigned long)n);
  for (rank = 0; rank < n && rank < top; ++rank) {
    /* Borrowed strings: they live as long as the assessment handle. */
    printf("%lu. %s, %s side (%s)  score %.2f\n", (unsigned long)(rank + 1),
           myoref_assessment_candidate_name(a, rank),
           myoref_side_name(myoref_assessment_candidate_side(a, rank)),
           myoref_assessment_candidate_key(a, rank), myoref_assessment_candidate_score(a, rank));
    printf("   explains:");
    for (i = 0; i < myoref_assessment_candidate_explained_count(a, rank); ++i) {
      printf(" %s", myoref_assessment_candidate_explained(a, rank, i));
    }
    printf("\n");
    for (i = 0; i < myoref_assessment_candidate_basis_count(a, rank); ++i) {
      printf("   - %s\n", myoref_assessment_candidate_basis(a, rank, i));
    }
  }
  if (myoref_assessment_unexplained_count(a) > 0) {
    printf("\nNo muscle here explains:");
    for (i = 0; i < myoref_assessment_unexplained_count(a); ++i) {
      printf(" %s", myoref_assessment_unexplained(a, i));
    }
    printf("\n");
  }
}

int main(int argc, char** argv) {
  myoref_kb* kb = NULL;
  myoref_assessment* assessment = NULL;
  myoref_plan* plan = NULL;
  myoref_plan_options options = MYOREF_PLAN_OPTIONS_INIT;
  char* intake = NULL;
  char* next = NULL;
  size_t len = 0;
  int status;
  int exit_code = 0;

  if (argc != 2) {
    fprintf(stderr, "usage: c_host_example INTAKE.json\n");
    return 2;
  }
  intake = read_file(argv[1], &len);
  if (intake == NULL) {
    fprintf(stderr, "c_host_example: cannot read %s\n", argv[1]);
    return 3;
  }

  /* 1. The knowledge base compiled into the library: no files to ship. One
   *    handle can be shared by every thread of the host. */
  if (myoref_kb_open_default(&kb) != MYOREF_OK) {
    print_error("opening the knowledge base");
    free(intake);
    return 1;
  }
  printf("myoref %s, knowledge base %s %s\n", myoref_version(), myoref_kb_id(kb),
         myoref_kb_version(kb));

  /* 2. Assess. The intake text need not end in a NUL: its length is given.
   *    An intake can also be built call by call (myoref_intake_new,
   *    myoref_intake_add_pain, ...), and myoref_assess_json does JSON in,
   *    JSON out in one call. */
  {
    myoref_intake* in = NULL;
    status = myoref_intake_from_json(&in, kb, intake, len);
    if (status == MYOREF_OK) {
      status = myoref_assess(&assessment, in);
    }
    myoref_intake_free(in); /* the assessment keeps what it needs */
  }
  free(intake);
  if (status != MYOREF_OK) {
    print_error(argv[1]);
    myoref_kb_free(kb);
    return 3;
  }
  print_triage(assessment);
  print_candidates(assessment, 3);

  /* 3. A plan: release -> stretch -> strengthen for the top candidate. It is
   *    refused (MYOREF_EREFUSED) when triage says urgent or emergency. The
   *    options struct starts with its version; MYOREF_PLAN_OPTIONS_INIT gives
   *    the defaults. The host stores myoref_plan_to_json's document between
   *    sessions and logs each session with myoref_plan_log. */
  options.release_trials = 3;
  status = myoref_plan_start(&plan, assessment, &options);
  if (status == MYOREF_EREFUSED) {
    printf("\nNo self-care plan: %s\n", myoref_last_error()->message);
    exit_code = 4;
  } else if (status != MYOREF_OK) {
    print_error("starting a plan");
    exit_code = status == MYOREF_EINVAL ? 3 : 1;
  } else if (myoref_plan_next_text(&next, plan) != MYOREF_OK) {
    print_error("planning the next session");
    exit_code = 1;
  } else {
    /* myoref_plan_next gives the same as JSON, for an app to lay out. */
    printf("\nNext session (target %s):\n%s", myoref_plan_target(plan), next);
  }

  myoref_string_free(next);
  myoref_plan_free(plan);
  myoref_assessment_free(assessment);
  myoref_kb_free(kb);
  return exit_code;
}
