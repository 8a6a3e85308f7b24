/* C API: batch scoring over caller-owned arrays. */
#include <math.h>

#include "check.h"

struct mark {
  const char* key;
  int intensity;
};

static const struct mark kDrawings[3][4] = {
    {{"iliac_crest:left", 6}, {"sacroiliac:left", 5}, {"buttock_upper:left", 5}, {"sacrum", 3}},
    {{"hip_lateral:right", 6}, {"thigh_lateral:right", 4}, {NULL, 0}, {NULL, 0}},
    {{"buttock_lower:left", 7}, {"thigh_posterior_upper:left", 3}, {NULL, 0}, {NULL, 0}},
};

/* Fills row-major u8 and f32 drawings from kDrawings. */
static void fill(const myoref_kb* kb, uint8_t* u8, float* f32, size_t columns) {
  size_t row, i;
  memset(u8, 0, 3 * columns);
  for (i = 0; i < 3 * columns; ++i) {
    f32[i] = 0.0f;
  }
  for (row = 0; row < 3; ++row) {
    for (i = 0; i < 4 && kDrawings[row][i].key != NULL; ++i) {
      size_t k = 0;
      CHECK_OK(myoref_kb_find_region_key(&k, kb, kDrawings[row][i].key, MYOREF_NTS));
      u8[row * columns + k] = (uint8_t)kDrawings[row][i].intensity;
      f32[row * columns + k] = (float)kDrawings[row][i].intensity;
    }
  }
}

/* Row `row` of `scores` equals what myoref_assess gives with no findings. */
static void check_row_matches_assessment(const myoref_kb* kb, const float* scores, size_t row) {
  const size_t candidates = myoref_kb_candidate_count(kb);
  myoref_intake* in = NULL;
  myoref_assessment* a = NULL;
  size_t i, rank, listed = 0;
  CHECK_OK(myoref_intake_new(&in, kb));
  for (i = 0; i < 4 && kDrawings[row][i].key != NULL; ++i) {
    const char* key = kDrawings[row][i].key;
    const char* colon = strchr(key, ':');
    const int side = colon == NULL                 ? MYOREF_SIDE_NONE
                     : strcmp(colon, ":left") == 0 ? MYOREF_SIDE_LEFT
                                                   : MYOREF_SIDE_RIGHT;
    const size_t len = colon == NULL ? strlen(key) : (size_t)(colon - key);
    CHECK_OK(myoref_intake_add_pain(in, key, len, side, kDrawings[row][i].intensity));
  }
  CHECK_OK(myoref_assess(&a, in));
  for (rank = 0; rank < myoref_assessment_candidate_count(a); ++rank) {
    size_t c = candidates;
    CHECK_OK(
        myoref_kb_find_candidate(&c, kb, myoref_assessment_candidate_key(a, rank), MYOREF_NTS));
    CHECK(c < candidates && fabs((double)scores[row * candidates + c] -
                                 myoref_assessment_candidate_score(a, rank)) <= 1e-5);
  }
  /* Every candidate the assessment does not list scores 0. */
  for (i = 0; i < candidates; ++i) {
    if (scores[row * candidates + i] > 0.0f) {
      ++listed;
    }
  }
  CHECK(listed == myoref_assessment_candidate_count(a));
  myoref_assessment_free(a);
  myoref_intake_free(in);
}

static void test_scores(const myoref_kb* kb) {
  const size_t columns = myoref_kb_region_key_count(kb);
  const size_t candidates = myoref_kb_candidate_count(kb);
  uint8_t* u8 = (uint8_t*)malloc(3 * columns);
  float* f32 = (float*)malloc(3 * columns * sizeof(float));
  float* out_u8 = (float*)malloc(3 * candidates * sizeof(float));
  float* out_f32 = (float*)malloc(3 * candidates * sizeof(float));
  float* out_threads = (float*)malloc(3 * candidates * sizeof(float));
  size_t row;
  if (u8 == NULL || f32 == NULL || out_u8 == NULL || out_f32 == NULL || out_threads == NULL) {
    CHECK(0 /* out of memory */);
    return;
  }
  fill(kb, u8, f32, columns);
  CHECK_OK(myoref_score_batch_u8(out_u8, 3 * candidates, kb, u8, 3 * columns, 1));
  CHECK_OK(myoref_score_batch_f32(out_f32, 3 * candidates, kb, f32, 3 * columns, 1));
  CHECK_OK(myoref_score_batch_u8(out_threads, 3 * candidates, kb, u8, 3 * columns, 0));
  CHECK(memcmp(out_u8, out_f32, 3 * candidates * sizeof(float)) == 0);
  CHECK(memcmp(out_u8, out_threads, 3 * candidates * sizeof(float)) == 0);
  for (row = 0; row < 3; ++row) {
    check_row_matches_assessment(kb, out_u8, row);
  }

  /* A larger out buffer is fine; what lies past N * C is not touched. */
  {
    float* big = (float*)malloc((3 * candidates + 1) * sizeof(float));
    if (big != NULL) {
      big[3 * candidates] = 42.0f;
      CHECK_OK(myoref_score_batch_u8(big, 3 * candidates + 1, kb, u8, 3 * columns, 2));
      CHECK(memcmp(big, out_u8, 3 * candidates * sizeof(float)) == 0);
      CHECK(big[3 * candidates] == 42.0f);
      free(big);
    }
  }

  /* No drawings: nothing to do, and NULL buffers are fine. */
  CHECK_OK(myoref_score_batch_u8(NULL, 0, kb, NULL, 0, 0));
  CHECK_OK(myoref_score_batch_f32(NULL, 0, kb, NULL, 0, 0));

  /* Errors leave `out` untouched. */
  for (row = 0; row < 3 * candidates; ++row) {
    out_threads[row] = 42.0f;
  }
  CHECK_STATUS(myoref_score_batch_u8(out_threads, 3 * candidates, kb, u8, 3 * columns - 1, 0),
               MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "multiple");
  CHECK_STATUS(myoref_score_batch_f32(out_threads, 3 * candidates - 1, kb, f32, 3 * columns, 0),
               MYOREF_EINVAL);
  CHECK_ERROR(MYOREF_EINVAL, "out_len");
  u8[columns + 2] = 11;
  CHECK_STATUS(myoref_score_batch_u8(out_threads, 3 * candidates, kb, u8, 3 * columns, 0),
               MYOREF_EINPUT);
  CHECK(myoref_last_error()->diagnostic_count == 1);
  CHECK_STR(myoref_last_error()->path, "/1/2");
  f32[2 * columns] = NAN;
  f32[2 * columns + 1] = -1.0f;
  CHECK_STATUS(myoref_score_batch_f32(out_threads, 3 * candidates, kb, f32, 3 * columns, 0),
               MYOREF_EINPUT);
  CHECK(myoref_last_error()->diagnostic_count == 2);
  CHECK_STR(myoref_last_error_diagnostic_path(1), "/2/1");
  for (row = 0; row < 3 * candidates; ++row) {
    CHECK(out_threads[row] == 42.0f);
  }

  CHECK_NULL_ARG(myoref_score_batch_u8(NULL, 3 * candidates, kb, u8, 3 * columns, 0), "out");
  CHECK_NULL_ARG(myoref_score_batch_u8(out_u8, 3 * candidates, NULL, u8, 3 * columns, 0), "kb");
  CHECK_NULL_ARG(myoref_score_batch_u8(out_u8, 3 * candidates, kb, NULL, 3 * columns, 0),
                 "drawings");
  CHECK_NULL_ARG(myoref_score_batch_f32(NULL, 3 * candidates, kb, f32, 3 * columns, 0), "out");
  CHECK_NULL_ARG(myoref_score_batch_f32(out_u8, 3 * candidates, NULL, f32, 3 * columns, 0), "kb");
  CHECK_NULL_ARG(myoref_score_batch_f32(out_u8, 3 * candidates, kb, NULL, 3 * columns, 0),
                 "drawings");

  free(u8);
  free(f32);
  free(out_u8);
  free(out_f32);
  free(out_threads);
}

int main(void) {
  myoref_kb* kb = NULL;
  CHECK_OK(myoref_kb_open_default(&kb));
  if (kb != NULL) {
    test_scores(kb);
  }
  myoref_kb_free(kb);
  return check_done("c_api batch");
}
