/* A tiny check harness for the C API tests, in C. Every failed check prints
 * where it failed (and, for status checks, the last error) and the test
 * program exits non-zero at the end. */
#ifndef MYOREF_TESTS_C_CHECK_H
#define MYOREF_TESTS_C_CHECK_H

#include <myoref/myoref.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures = 0;
static int check_count = 0;

static inline void check_report(const char* file, int line, const char* what) {
  const myoref_error* e = myoref_last_error();
  ++check_failures;
  fprintf(stderr, "%s:%d: check failed: %s\n    last error: %d %s (path \"%s\")\n", file, line,
          what, e->code, e->message, e->path);
}

/* A condition. */
#define CHECK(cond)                            \
  do {                                         \
    ++check_count;                             \
    if (!(cond)) {                             \
      check_report(__FILE__, __LINE__, #cond); \
    }                                          \
  } while (0)

/* A call's status, and that the last error agrees with it. */
#define CHECK_STATUS(call, expected)                                                        \
  do {                                                                                      \
    int check_status_ = (call);                                                             \
    ++check_count;                                                                          \
    if (check_status_ != (expected) || myoref_last_error()->code != (expected)) {           \
      fprintf(stderr, "    got %d (%s), expected %d (%s)\n", check_status_,                 \
              myoref_status_name(check_status_), (expected), myoref_status_name(expected)); \
      check_report(__FILE__, __LINE__, #call);                                              \
    }                                                                                       \
  } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, MYOREF_OK)

/* Two NUL-terminated strings, either of which may be NULL. */
#define CHECK_STR(actual, expected)                                                        \
  do {                                                                                     \
    const char* check_a_ = (actual);                                                       \
    const char* check_e_ = (expected);                                                     \
    ++check_count;                                                                         \
    if (check_a_ == NULL || check_e_ == NULL || strcmp(check_a_, check_e_) != 0) {         \
      fprintf(stderr, "    got \"%s\", expected \"%s\"\n", check_a_ ? check_a_ : "(null)", \
              check_e_ ? check_e_ : "(null)");                                             \
      check_report(__FILE__, __LINE__, #actual " == " #expected);                          \
    }                                                                                      \
  } while (0)

/* The last error has this code and its message contains `part`. */
#define CHECK_ERROR(expected, part)                                                  \
  do {                                                                               \
    const myoref_error* check_e_ = myoref_last_error();                              \
    ++check_count;                                                                   \
    if (check_e_->code != (expected) || strstr(check_e_->message, (part)) == NULL) { \
      fprintf(stderr, "    expected %d with \"%s\"\n", (expected), (part));          \
      check_report(__FILE__, __LINE__, "last error " #expected " " #part);           \
    }                                                                                \
  } while (0)

/* "FN: argument 'ARG' is NULL" after a call that was given a NULL. */
#define CHECK_NULL_ARG(call, arg)                     \
  do {                                                \
    CHECK_STATUS(call, MYOREF_EINVAL);                \
    CHECK_ERROR(MYOREF_EINVAL, "argument '" arg "'"); \
  } while (0)

/* The same for functions that return a value rather than a status. */
#define CHECK_NULL_ARG_VALUE(expr, fallback, arg)     \
  do {                                                \
    CHECK((expr) == (fallback));                      \
    CHECK_ERROR(MYOREF_EINVAL, "argument '" arg "'"); \
  } while (0)

static inline int check_done(const char* name) {
  if (check_failures != 0) {
    fprintf(stderr, "%s: %d of %d checks failed\n", name, check_failures, check_count);
    return EXIT_FAILURE;
  }
  printf("%s: %d checks passed\n", name, check_count);
  return EXIT_SUCCESS;
}

/* Reads a whole file; the caller frees. NULL when it cannot be read. */
static inline char* check_read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  long size = 0;
  if (f == NULL) {
    return NULL;
  }
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    text = (char*)malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, f) == (size_t)size) {
      text[size] = '\0';
      if (len != NULL) {
        *len = (size_t)size;
      }
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(f);
  return text;
}

/* A copy of `text` with the first `from` replaced by `to`; the caller frees. */
static inline char* check_replace(const char* text, const char* from, const char* to) {
  const char* at = strstr(text, from);
  size_t head, size;
  char* out;
  if (at == NULL) {
    return NULL;
  }
  head = (size_t)(at - text);
  size = strlen(text) - strlen(from) + strlen(to);
  out = (char*)malloc(size + 1);
  if (out == NULL) {
    return NULL;
  }
  memcpy(out, text, head);
  strcpy(out + head, to);
  strcat(out, at + strlen(from));
  return out;
}

#endif /* MYOREF_TESTS_C_CHECK_H */
