// score_batch(): equal to assess() row by row, on several threads; checked input.
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

template <class T>
std::vector<T> random_rows(const KnowledgeBase& kb, std::size_t n, std::mt19937& rng) {
  const std::size_t nr = kb.region_keys().size();
  std::vector<T> rows(n * nr, T(0));
  std::uniform_int_distribution<int> marks(0, 12);
  std::uniform_int_distribution<std::size_t> region(0, nr - 1);
  std::uniform_int_distribution<int> intensity(0, 10);
  // Keys of every kind, coarse regions and their parts among them; never a
  // coarse key with one of its own parts, which an intake refuses.
  for (std::size_t i = 0; i < n; ++i) {
    const int count = marks(rng);
    for (int m = 0; m < count; ++m) {
      const std::size_t r = region(rng);
      bool clash = false;
      for (std::size_t q = 0; q < nr && !clash; ++q) {
        clash = q != r && rows[i * nr + q] != T(0) &&
                clashes(kb, static_cast<RegionKeyIndex>(q), static_cast<RegionKeyIndex>(r));
      }
      if (!clash)
        rows[i * nr + r] = static_cast<T>(intensity(rng));
    }
  }
  return rows;
}

template <class T>
Intake row_intake(const KnowledgeBase& kb, const std::vector<T>& rows, std::size_t i) {
  const std::size_t nr = kb.region_keys().size();
  Intake intake;
  for (std::size_t r = 0; r < nr; ++r) {
    const T v = rows[i * nr + r];
    if (v != T(0))
      intake.pain.push_back({static_cast<RegionKeyIndex>(r), static_cast<int>(v)});
  }
  if (intake.pain.empty())
    intake.pain.push_back({0, 0});  // an intake needs a mark
  return intake;
}

template <class T>
void check_equals_assess(unsigned threads, std::size_t n, unsigned seed) {
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(seed);
  const auto rows = random_rows<T>(kb, n, rng);
  const std::size_t nc = kb.candidates().size();
  std::vector<float> out(n * nc, -1.0F);
  const Status s = score_batch(kb, rows.data(), n, out.data(), threads);
  REQUIRE(s);
  std::size_t nonzero = 0;
  for (std::size_t i = 0; i < n; i += (n > 600 ? 7 : 1)) {
    const Assessment a = assessed(kb, row_intake(kb, rows, i));
    for (std::size_t c = 0; c < nc; ++c) {
      INFO("row " << i << ", candidate " << kb.candidates()[c].key);
      CHECK(std::fabs(out[i * nc + c] - a.scores()[c]) <= 1e-5F);
      nonzero += out[i * nc + c] > 0.0F ? 1U : 0U;
    }
  }
  CHECK(nonzero > 0);
  for (const float v : out)
    CHECK((v >= 0.0F && v <= 1.0F));
}

}  // namespace

TEST_CASE("score_batch equals assess with no findings: uint8 rows", "[assess][batch]") {
  check_equals_assess<std::uint8_t>(1, 300, 1);
  check_equals_assess<std::uint8_t>(4, 3000, 2);  // enough rows for several threads
  check_equals_assess<std::uint8_t>(0, 1100, 3);  // one per hardware thread
}

TEST_CASE("score_batch equals assess with no findings: float rows", "[assess][batch]") {
  check_equals_assess<float>(1, 300, 4);
  check_equals_assess<float>(3, 2500, 5);
}

TEST_CASE("score_batch gives the same answer on any number of threads", "[assess][batch]") {
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(6);
  const std::size_t n = 5000;
  const auto rows = random_rows<std::uint8_t>(kb, n, rng);
  const std::size_t nc = kb.candidates().size();
  std::vector<float> one(n * nc);
  std::vector<float> many(n * nc);
  REQUIRE(score_batch(kb, rows.data(), n, one.data(), 1));
  REQUIRE(score_batch(kb, rows.data(), n, many.data(), 8));
  CHECK(one == many);
}

TEST_CASE("score_batch checks its input before scoring anything", "[assess][batch]") {
  const KnowledgeBase& kb = default_kb();
  const std::size_t nr = kb.region_keys().size();
  const std::size_t nc = kb.candidates().size();
  std::vector<std::uint8_t> bytes(2 * nr, 0);
  bytes[nr + 3] = 11;
  std::vector<float> out(2 * nc, -1.0F);
  Status s = score_batch(kb, bytes.data(), 2, out.data());
  REQUIRE_FALSE(s);
  CHECK(s.error().code() == ErrorCode::invalid_input);
  REQUIRE(s.error().diagnostics().size() == 1);
  CHECK(s.error().diagnostics()[0].path == "/1/3");
  CHECK_THAT(s.error().diagnostics()[0].message, Catch::Contains("11 is not an intensity"));
  for (const float v : out)
    CHECK(v == -1.0F);  // untouched

  std::vector<float> floats(3 * nr, 0.0F);
  floats[2] = std::numeric_limits<float>::quiet_NaN();
  floats[nr] = -0.5F;
  floats[2 * nr + 1] = 10.5F;
  std::vector<float> out3(3 * nc);
  s = score_batch(kb, floats.data(), 3, out3.data());
  REQUIRE_FALSE(s);
  REQUIRE(s.error().diagnostics().size() == 3);
  CHECK(s.error().diagnostics()[0].path == "/0/2");
  CHECK(s.error().diagnostics()[1].path == "/1/0");
  CHECK(s.error().diagnostics()[2].path == "/2/1");

  std::vector<std::uint8_t> all_bad(100 * nr, 200);
  std::vector<float> out100(100 * nc);
  s = score_batch(kb, all_bad.data(), 100, out100.data());
  REQUIRE_FALSE(s);
  CHECK(s.error().diagnostics().size() == 20);  // listed problems are capped

  CHECK(score_batch(kb, static_cast<const std::uint8_t*>(nullptr), 0, nullptr));
  s = score_batch(kb, static_cast<const float*>(nullptr), 1, out.data());
  REQUIRE_FALSE(s);
  CHECK(s.error().code() == ErrorCode::invalid_argument);

  // Fractional float intensities are allowed and scored between their neighbours.
  std::vector<float> frac(3 * nr, 0.0F);
  const RegionKeyIndex heel = key(kb, "heel:left");
  const RegionKeyIndex calf = key(kb, "calf:left");
  for (std::size_t i = 0; i < 3; ++i)
    frac[i * nr + heel] = 6.0F;
  frac[0 * nr + calf] = 2.0F;
  frac[1 * nr + calf] = 2.5F;
  frac[2 * nr + calf] = 3.0F;
  std::vector<float> out_frac(3 * nc);
  REQUIRE(score_batch(kb, frac.data(), 3, out_frac.data()));
  const CandidateIndex gastro = candidate(kb, "gastrocnemius:left");
  const float lo = std::min(out_frac[gastro], out_frac[2 * nc + gastro]);
  const float hi = std::max(out_frac[gastro], out_frac[2 * nc + gastro]);
  CHECK(lo < hi);
  CHECK(out_frac[nc + gastro] > lo);
  CHECK(out_frac[nc + gastro] < hi);
}

TEST_CASE("score_batch checks every thread's rows before any thread scores", "[assess][batch]") {
  // The threads check their own rows in parallel; one bad value in any of
  // them, first, middle or last, must leave every row of `out` untouched.
  const KnowledgeBase& kb = default_kb();
  const std::size_t nr = kb.region_keys().size();
  const std::size_t nc = kb.candidates().size();
  const std::size_t n = 9000;  // enough rows for four threads
  std::mt19937 rng(7);
  for (const std::size_t bad_row : {std::size_t{0}, n / 2, n - 1}) {
    for (const unsigned threads : {2U, 4U, 0U}) {
      INFO("bad row " << bad_row << ", " << threads << " threads");
      auto bytes = random_rows<std::uint8_t>(kb, n, rng);
      bytes[bad_row * nr + 5] = 11;
      std::vector<float> out(n * nc, -1.0F);
      Status s = score_batch(kb, bytes.data(), n, out.data(), threads);
      REQUIRE_FALSE(s);
      CHECK(s.error().code() == ErrorCode::invalid_input);
      REQUIRE(s.error().diagnostics().size() == 1);
      CHECK(s.error().diagnostics()[0].path == "/" + std::to_string(bad_row) + "/5");
      CHECK(std::all_of(out.begin(), out.end(), [](float v) { return v == -1.0F; }));

      auto floats = random_rows<float>(kb, n, rng);
      floats[bad_row * nr + 7] = std::numeric_limits<float>::quiet_NaN();
      s = score_batch(kb, floats.data(), n, out.data(), threads);
      REQUIRE_FALSE(s);
      REQUIRE(s.error().diagnostics().size() == 1);
      CHECK(s.error().diagnostics()[0].path == "/" + std::to_string(bad_row) + "/7");
      CHECK(std::all_of(out.begin(), out.end(), [](float v) { return v == -1.0F; }));
    }
  }
}

TEST_CASE("an empty knowledge base refuses intakes and scores nothing", "[assess][batch]") {
  const KnowledgeBase empty;
  CHECK(empty.region_keys().empty());
  Intake intake;
  intake.pain.push_back({0, 3});
  auto a = assess(empty, intake);
  REQUIRE_FALSE(a);
  CHECK(a.error().path() == "/pain/0/region");
  auto parsed = parse_intake(empty, R"({"pain": [{"region": "head", "intensity": 1}]})");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().path() == "/pain/0/region");
  const std::uint8_t none[1] = {0};
  float out[1] = {-1.0F};
  CHECK(score_batch(empty, none, 3, out));
  CHECK(out[0] == -1.0F);  // no candidates: nothing written
}
