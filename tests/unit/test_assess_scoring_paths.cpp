// The scoring kernel's instruction-set paths (scalar, SSE2, AVX2, AVX-512;
// src/engine/scoring.hpp): the widest one the CPU runs is the one used, and
// every path gives the same bits as the scalar one, for batch rows (uint8 and
// float, painful keys from none to all) and for one drawing with its parts and
// salience sums, on knowledge bases of each shape the AVX-512 kernel takes
// (one or several register blocks of candidates; more trigger points per
// muscle than it keeps in registers). Paths this CPU lacks are skipped.
#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/scoring.hpp"
#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;
using detail::ScoringPath;

namespace json = boost::json;

namespace {

const char* name_of(ScoringPath path) {
  switch (path) {
    case ScoringPath::scalar:
      return "scalar";
    case ScoringPath::sse2:
      return "sse2";
    case ScoringPath::avx2:
      return "avx2";
    case ScoringPath::avx512:
      return "avx512";
  }
  return "?";
}

std::vector<ScoringPath> supported_paths() {
  std::vector<ScoringPath> paths;
  for (const ScoringPath p :
       {ScoringPath::scalar, ScoringPath::sse2, ScoringPath::avx2, ScoringPath::avx512}) {
    if (detail::scoring_path_supported(p))
      paths.push_back(p);
  }
  return paths;
}

/// Forces a path for the scope (scoring_path() is what assess and
/// score_batch use).
class ForcedPath {
 public:
  explicit ForcedPath(ScoringPath path) { detail::override_scoring_path(path); }
  ~ForcedPath() { detail::override_scoring_path(std::nullopt); }
  ForcedPath(const ForcedPath&) = delete;
  ForcedPath& operator=(const ForcedPath&) = delete;
};

json::value default_document() {
  return json::parse(read_text(MYOREF_DEFAULT_KB_JSON));
}

KnowledgeBase load(const json::value& doc) {
  auto kb = KnowledgeBase::from_json(json::serialize(doc));
  if (!kb)
    FAIL(kb.error().to_string());
  return *kb;
}

json::string suffixed(const json::value& id, const std::string& suffix) {
  return json::string(std::string(id.as_string()) + suffix);
}

void suffix_list(json::value& list, const std::string& suffix) {
  for (auto& v : list.as_array())
    v = suffixed(v, suffix);
}

/// The default knowledge base with every muscle (and its exercises and chart
/// marks) there `copies` times: more candidates than one register block.
KnowledgeBase scaled_kb(int copies) {
  json::value doc = default_document();
  json::object& top = doc.as_object();
  const json::array muscles = top["muscles"].as_array();
  const json::array exercises = top["exercises"].as_array();
  const json::array marks = top["chart"].as_object()["marks"].as_array();
  for (int c = 2; c <= copies; ++c) {
    const std::string s = "_c" + std::to_string(c);
    for (json::value m : muscles) {
      json::object& o = m.as_object();
      o["id"] = suffixed(o["id"], s);
      o["name"] = json::string(std::string(o["name"].as_string()) + " " + std::to_string(c));
      o.erase("aliases");
      if (o.contains("related"))
        suffix_list(o["related"], s);
      for (auto& step : o["protocol"].as_object())
        suffix_list(step.value(), s);
      top["muscles"].as_array().push_back(std::move(m));
    }
    for (json::value e : exercises) {
      json::object& o = e.as_object();
      o["id"] = suffixed(o["id"], s);
      suffix_list(o["targets"], s);
      for (const char* link : {"regression", "progression"}) {
        if (o.contains(link) && o[link].is_string())
          o[link] = suffixed(o[link], s);
      }
      top["exercises"].as_array().push_back(std::move(e));
    }
    for (json::value mk : marks) {
      mk.as_object()["muscle"] = suffixed(mk.as_object()["muscle"], s);
      top["chart"].as_object()["marks"].as_array().push_back(std::move(mk));
    }
  }
  return load(doc);
}

/// The default knowledge base with three more trigger points on the muscle
/// that has the most (copies of its first three under new ids): more
/// trigger points per muscle than the AVX-512 kernel keeps in registers.
KnowledgeBase many_trigger_points_kb() {
  json::value doc = default_document();
  json::array& muscles = doc.as_object()["muscles"].as_array();
  json::array& marks = doc.as_object()["chart"].as_object()["marks"].as_array();
  json::object* most = nullptr;
  for (auto& m : muscles) {
    json::object& o = m.as_object();
    if (most == nullptr ||
        o["trigger_points"].as_array().size() > (*most)["trigger_points"].as_array().size())
      most = &o;
  }
  REQUIRE(most != nullptr);
  json::array& points = (*most)["trigger_points"].as_array();
  REQUIRE(points.size() >= 3);
  const json::value muscle_id = (*most)["id"];
  for (std::size_t i = 0; i < 3; ++i) {
    json::value tp = points[i];
    const json::value old_id = tp.as_object()["id"];
    tp.as_object()["id"] = suffixed(old_id, "_again");
    tp.as_object()["name"] =
        json::string(std::string(tp.as_object()["name"].as_string()) + " (again)");
    points.push_back(std::move(tp));
    // Every trigger point needs its place on the chart.
    const json::array existing = marks;
    for (json::value mark : existing) {
      json::object& o = mark.as_object();
      if (o["muscle"] == muscle_id && o["trigger_point"] == old_id) {
        o["trigger_point"] = suffixed(old_id, "_again");
        marks.push_back(std::move(mark));
      }
    }
  }
  return load(doc);
}

/// Rows of every density: none painful, a few (as people draw), many, all;
/// for floats also fractions, subnormals, -0 (not painful), 10 and 0.
template <class T>
std::vector<T> random_rows(std::size_t n, std::size_t nr, std::mt19937& rng) {
  std::vector<T> rows(n * nr, T(0));
  std::uniform_int_distribution<int> kind(0, 15);
  std::uniform_int_distribution<std::size_t> region(0, nr - 1);
  std::uniform_int_distribution<int> whole(0, 10);
  std::uniform_int_distribution<int> flavour(0, 7);
  std::uniform_real_distribution<float> fraction(0.0F, 10.0F);
  const auto value = [&]() -> T {
    if constexpr (std::is_same_v<T, float>) {
      switch (flavour(rng)) {
        case 0:
          return fraction(rng);
        case 1:
          return std::numeric_limits<float>::denorm_min() * static_cast<float>(whole(rng) + 1);
        case 2:
          return -0.0F;
        case 3:
          return 10.0F;
        case 4:
          return fraction(rng) * 1e-30F;
        default:
          return static_cast<float>(whole(rng));
      }
    } else {
      return static_cast<T>(whole(rng));
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    const int k = kind(rng);
    T* row = rows.data() + i * nr;
    if (k == 0)
      continue;  // nothing drawn
    if (k == 1) {
      for (std::size_t r = 0; r < nr; ++r)
        row[r] = value();  // everything
      continue;
    }
    const std::size_t marks = k < 12 ? 1 + region(rng) % 8 : region(rng);
    for (std::size_t m = 0; m < marks; ++m)
      row[region(rng)] = value();
  }
  return rows;
}

/// detail::score_rows on `path`, in two calls that share one work area (as
/// a thread's rows do), so that anything a row leaves behind would show.
template <class T>
std::vector<float> rows_on(ScoringPath path, const KnowledgeBase& kb, const std::vector<T>& rows,
                           std::size_t n) {
  const detail::ScoringTables& t = detail::scoring_tables(kb);
  detail::AlignedFloats work(detail::scoring_work_size(t) + detail::row_scratch_size(t), 0.0F);
  std::vector<RegionKeyIndex> keys(detail::row_scratch_size(t));
  const detail::RowScratch scratch{keys.data(), work.data() + detail::scoring_work_size(t),
                                   work.data()};
  std::vector<float> out(n * t.candidate_count, -1.0F);
  const std::size_t half = n / 2;
  detail::score_rows(path, t, rows.data(), half, out.data(), scratch);
  detail::score_rows(path, t, rows.data() + half * t.region_key_count, n - half,
                     out.data() + half * t.candidate_count, scratch);
  return out;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

template <class T>
void check_rows_agree(const KnowledgeBase& kb, unsigned seed) {
  const detail::ScoringTables& t = detail::scoring_tables(kb);
  std::mt19937 rng(seed);
  const std::size_t n = 3000;
  const auto rows = random_rows<T>(n, t.region_key_count, rng);
  const std::vector<float> scalar = rows_on(ScoringPath::scalar, kb, rows, n);
  std::size_t positive = 0;
  for (const float v : scalar)
    positive += v > 0.0F ? 1U : 0U;
  CHECK(positive > n);  // the comparison is of real scores, not of zeros
  for (const ScoringPath path : supported_paths()) {
    INFO("path " << name_of(path) << ", " << t.candidate_count << " candidates, " << t.slot_count
                 << " trigger points at most");
    CHECK(same_bits(rows_on(path, kb, rows, n), scalar));
    // And through the public call, on one thread and on three.
    const ForcedPath forced(path);
    for (const unsigned threads : {1U, 3U}) {
      std::vector<float> out(n * t.candidate_count);
      REQUIRE(score_batch(kb, rows.data(), n, out.data(), threads));
      CHECK(same_bits(out, scalar));
    }
  }
}

/// One drawing with findings on every path: scores, parts and the salience
/// sums explanations read, bit for bit.
void check_drawings_agree(const KnowledgeBase& kb, unsigned seed) {
  const detail::ScoringTables& t = detail::scoring_tables(kb);
  const std::size_t nc = t.candidate_count;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> count(0, static_cast<int>(t.region_key_count));
  std::uniform_int_distribution<int> small(1, 10);
  std::uniform_int_distribution<int> intensity(1, 10);
  std::uniform_real_distribution<float> weight(-1.5F, 1.5F);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<RegionKeyIndex> keys;
    std::vector<float> x;
    const int marks = trial % 3 == 0 ? count(rng) : small(rng);
    for (std::size_t r = 0; r < t.region_key_count; ++r) {
      if (static_cast<int>(rng() % t.region_key_count) < marks) {
        keys.push_back(static_cast<RegionKeyIndex>(r));
        x.push_back(static_cast<float>(intensity(rng)));
      }
    }
    std::vector<float> evidence(t.muscle_count);
    for (float& f : evidence)
      f = rng() % 3 == 0 ? 0.0F : weight(rng);
    const detail::SparseDrawing drawing{keys.data(), x.data(), keys.size()};
    std::vector<float> expected_scores;
    std::vector<float> expected_parts;
    std::vector<float> expected_salience;
    for (const ScoringPath path : supported_paths()) {
      INFO("path " << name_of(path) << ", trial " << trial << ", " << keys.size()
                   << " painful keys");
      // Stale contents in the work area must not matter.
      std::vector<float> work(detail::scoring_work_size(t), 7.0F);
      std::vector<float> scores(nc, -1.0F);
      std::vector<float> parts(4 * nc, -1.0F);
      detail::score_drawing(path, t, drawing, evidence.data(), work.data(), scores.data(),
                            parts.data());
      // The sums of every trigger point (explanations read no other slot).
      std::vector<float> salience;
      for (std::size_t c = 0; c < nc; ++c) {
        const std::size_t points = t.candidate_zone_begin[c + 1] - t.candidate_zone_begin[c];
        for (std::size_t j = 0; j < points; ++j) {
          salience.push_back(
              detail::zone_salience(t, work.data(), static_cast<CandidateIndex>(c), j));
        }
      }
      if (path == ScoringPath::scalar) {
        expected_scores = scores;
        expected_parts = parts;
        expected_salience = salience;
        continue;
      }
      CHECK(same_bits(scores, expected_scores));
      CHECK(same_bits(parts, expected_parts));
      CHECK(same_bits(salience, expected_salience));
    }
  }
}

}  // namespace

TEST_CASE("scoring runs on the widest instruction set the CPU has", "[assess][scoring][paths]") {
  ScoringPath expected = ScoringPath::scalar;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("popcnt")) {
    expected = ScoringPath::avx512;
  } else if (__builtin_cpu_supports("avx2")) {
    expected = ScoringPath::avx2;
  } else {
    expected = ScoringPath::sse2;
  }
#elif defined(__SSE2__)
  expected = ScoringPath::sse2;
#endif
  INFO("expected " << name_of(expected) << ", chose " << name_of(detail::scoring_path()));
  CHECK(detail::scoring_path() == expected);
  CHECK(detail::scoring_path_supported(expected));
  CHECK(detail::scoring_path_supported(ScoringPath::scalar));
  {
    const ForcedPath forced(ScoringPath::scalar);
    CHECK(detail::scoring_path() == ScoringPath::scalar);
  }
  CHECK(detail::scoring_path() == expected);
}

namespace {

/// The dense slots and the overflow lists (ScoringTables::dense_slot_count)
/// hold every trigger point once: each slot of a candidate's trigger point j
/// is dense (j < dense_slot_count) or listed in the overflow, and the
/// overflow is one block at most unless the dense slots are as many as
/// kernels keep.
void check_slots(const detail::ScoringTables& t) {
  const std::size_t stride = t.candidate_stride;
  REQUIRE(t.dense_slot_count <= detail::kMaxDenseSlots);
  REQUIRE(t.dense_slot_count <= t.slot_count);
  std::vector<std::uint32_t> expected;
  for (std::size_t c = 0; c < t.candidate_count; ++c) {
    const std::size_t points = t.candidate_zone_begin[c + 1] - t.candidate_zone_begin[c];
    for (std::size_t j = t.dense_slot_count; j < points; ++j)
      expected.push_back(static_cast<std::uint32_t>(j * stride + c));
  }
  std::sort(expected.begin(), expected.end());
  CHECK(t.overflow_slot == expected);
  REQUIRE(t.overflow_candidate.size() == t.overflow_slot.size());
  for (std::size_t i = 0; i < t.overflow_slot.size(); ++i)
    CHECK(t.overflow_candidate[i] == t.overflow_slot[i] % stride);
  if (t.dense_slot_count < detail::kMaxDenseSlots)
    CHECK(t.overflow_slot.size() <= detail::kCandidateBlock);
  // A key's overflow members are its essential members past the dense slots.
  for (std::size_t r = 0; r < t.region_key_count; ++r) {
    std::vector<std::uint32_t> members;
    for (std::uint32_t e = t.essential_member_begin[r]; e < t.essential_member_begin[r + 1]; ++e) {
      if (t.essential_member_slot[e] / stride >= t.dense_slot_count)
        members.push_back(t.essential_member_slot[e]);
    }
    const std::vector<std::uint32_t> listed(
        t.overflow_member_slot.begin() + t.overflow_member_begin[r],
        t.overflow_member_slot.begin() + t.overflow_member_begin[r + 1]);
    CHECK(listed == members);
  }
  // The padded members (ScoringTables::padded_member_slot) are each key's
  // essential members, kPaddedMembers at most, then floats of the
  // explained-intensity row, one each; the rest are the extra members.
  const std::size_t unused = (t.slot_count + 1) * stride;
  REQUIRE(t.padded_member_slot.size() == t.region_key_count * detail::kPaddedMembers);
  for (std::size_t r = 0; r < t.region_key_count; ++r) {
    const std::vector<std::uint32_t> members(
        t.essential_member_slot.begin() + t.essential_member_begin[r],
        t.essential_member_slot.begin() + t.essential_member_begin[r + 1]);
    std::vector<std::uint32_t> padded;
    for (std::size_t i = 0; i < detail::kPaddedMembers; ++i) {
      const std::uint32_t slot = t.padded_member_slot[r * detail::kPaddedMembers + i];
      if (i < members.size()) {
        padded.push_back(slot);
      } else {
        CHECK(slot == unused + i);
      }
    }
    padded.insert(padded.end(), t.extra_member_slot.begin() + t.extra_member_begin[r],
                  t.extra_member_slot.begin() + t.extra_member_begin[r + 1]);
    CHECK(padded == members);
  }
}

}  // namespace

TEST_CASE("every scoring path gives the same bits: default knowledge base",
          "[assess][scoring][paths]") {
  const KnowledgeBase& kb = default_kb();
  // The default base has muscles with more trigger points than the dense
  // slots (quadratus lumborum 4, triceps 6): the overflow is exercised.
  const detail::ScoringTables& t = detail::scoring_tables(kb);
  check_slots(t);
  REQUIRE(t.dense_slot_count < t.slot_count);
  REQUIRE_FALSE(t.overflow_slot.empty());
  check_rows_agree<std::uint8_t>(kb, 1);
  check_rows_agree<float>(kb, 2);
  check_drawings_agree(kb, 3);
}

TEST_CASE("every scoring path gives the same bits: several blocks of candidates",
          "[assess][scoring][paths]") {
  for (const int copies : {2, 3}) {
    const KnowledgeBase kb = scaled_kb(copies);
    INFO(copies << " copies of every muscle");
    REQUIRE(kb.candidates().size() > 64);
    check_slots(detail::scoring_tables(kb));
    check_rows_agree<std::uint8_t>(kb, 4);
    check_rows_agree<float>(kb, 5);
    check_drawings_agree(kb, 6);
  }
}

TEST_CASE("every scoring path gives the same bits: many trigger points per muscle",
          "[assess][scoring][paths]") {
  const KnowledgeBase kb = many_trigger_points_kb();
  REQUIRE(detail::scoring_tables(kb).slot_count > detail::kMaxDenseSlots);
  check_slots(detail::scoring_tables(kb));
  check_rows_agree<std::uint8_t>(kb, 7);
  check_rows_agree<float>(kb, 8);
  check_drawings_agree(kb, 9);
}

TEST_CASE("every scoring path checks intensities alike", "[assess][scoring][paths]") {
  // Every length up to 200 (the vector loops' ends), with one value out of
  // range at each place in turn, or none.
  const std::vector<float> bad_floats = {std::numeric_limits<float>::quiet_NaN(),
                                         std::numeric_limits<float>::infinity(),
                                         -std::numeric_limits<float>::infinity(),
                                         -std::numeric_limits<float>::denorm_min(),
                                         -1.0F,
                                         10.000001F,
                                         1e30F};
  const std::vector<std::uint8_t> bad_bytes = {11, 128, 255};
  for (const ScoringPath path : supported_paths()) {
    INFO("path " << name_of(path));
    for (std::size_t count = 0; count <= 200; ++count) {
      // Valid everywhere, edges included: -0, 0, subnormals, 10.
      std::vector<float> floats(count);
      std::vector<std::uint8_t> bytes(count);
      for (std::size_t i = 0; i < count; ++i) {
        floats[i] = i % 5 == 0   ? -0.0F
                    : i % 5 == 1 ? 10.0F
                    : i % 5 == 2 ? std::numeric_limits<float>::denorm_min()
                                 : static_cast<float>(i % 11) * 0.9F;
        bytes[i] = static_cast<std::uint8_t>(i % 11);
      }
      INFO(count << " values");
      CHECK(detail::all_intensities(path, floats.data(), count));
      CHECK(detail::all_intensities(path, bytes.data(), count));
      for (std::size_t at = 0; at < count; ++at) {
        const float f = floats[at];
        floats[at] = bad_floats[at % bad_floats.size()];
        CHECK_FALSE(detail::all_intensities(path, floats.data(), count));
        floats[at] = f;
        const std::uint8_t b = bytes[at];
        bytes[at] = bad_bytes[at % bad_bytes.size()];
        CHECK_FALSE(detail::all_intensities(path, bytes.data(), count));
        bytes[at] = b;
      }
    }
  }
}

TEST_CASE("score_batch rows are assess()'s scores to the bit, on every path",
          "[assess][scoring][paths]") {
  const KnowledgeBase& kb = default_kb();
  const std::size_t nr = kb.region_keys().size();
  const std::size_t nc = kb.candidates().size();
  std::mt19937 rng(10);
  const std::size_t n = 500;
  auto rows = random_rows<std::uint8_t>(n, nr, rng);
  for (std::size_t i = 0; i < n; ++i)
    drop_clashes(kb, rows.data() + i * nr);  // rows an intake can hold
  for (const ScoringPath path : supported_paths()) {
    const ForcedPath forced(path);
    std::vector<float> out(n * nc);
    REQUIRE(score_batch(kb, rows.data(), n, out.data(), 1));
    for (std::size_t i = 0; i < n; ++i) {
      Intake intake;
      for (std::size_t r = 0; r < nr; ++r) {
        if (rows[i * nr + r] != 0)
          intake.pain.push_back({static_cast<RegionKeyIndex>(r), rows[i * nr + r]});
      }
      if (intake.pain.empty())
        intake.pain.push_back({0, 0});  // an intake needs a mark
      const Assessment a = assessed(kb, intake);
      INFO("path " << name_of(path) << ", row " << i);
      CHECK(std::memcmp(out.data() + i * nc, a.scores().data(), nc * sizeof(float)) == 0);
    }
  }
}

TEST_CASE("with no findings a score is p itself: p / (p + (1 - p)) is p for every float in [0, 1]",
          "[assess][scoring][paths]") {
  // The kernels write the capped fit p = 0.9 * D as the score, which is
  // odds(p) * exp(0) turned back into a probability only if the division
  // gives p back to the bit. It does for every float from 0 to 1: 1 - p is
  // exact from 0.5 up, and below it is off by at most half a unit in the
  // last place, so p + (1 - p) rounds to exactly 1. Every one of them is
  // checked.
  std::uint64_t differ = 0;
  std::uint32_t first = 0;
  for (std::uint32_t bits = 0; bits <= 0x3F800000U; ++bits) {
    float p = 0.0F;
    std::memcpy(&p, &bits, sizeof p);
    const float score = p / (p + (1.0F - p));
    std::uint32_t got = 0;
    std::memcpy(&got, &score, sizeof got);
    if (got != bits && differ++ == 0)
      first = bits;
  }
  INFO("first differing bits " << first);
  CHECK(differ == 0);
}
