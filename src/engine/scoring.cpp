#include "engine/scoring.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string_view>

#include <gsl/assert>
#include <gsl/narrow>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "engine/engine.hpp"
#include "engine/phrases.hpp"
#include "engine/scoring_x86.hpp"
#include "i18n/messages.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {
namespace {

// The region keys a trigger point's zone lands on for a candidate on `side`.
// Midline regions ignore the side relation; a midline muscle (side none)
// refers to paired regions on both sides.
void map_zone(const KnowledgeBase& kb, const std::vector<RegionIndex>& regions,
              SideRelation relation, Side side, std::vector<RegionKeyIndex>& out) {
  out.clear();
  const auto all = kb.regions();
  const auto add = [&](RegionIndex region, Side s) {
    if (const auto key = kb.find_region_key(region, s)) {
      out.push_back(*key);
    }
  };
  for (const RegionIndex region : regions) {
    if (all[region].laterality == Laterality::midline) {
      add(region, Side::none);
      continue;
    }
    const bool both_sides =
        side == Side::none || relation == SideRelation::both || relation == SideRelation::midline;
    if (both_sides) {
      add(region, Side::left);
      add(region, Side::right);
    } else {
      add(region, relation == SideRelation::opposite ? mirror(side) : side);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// Coarse regions and their parts (docs/assessment.md, "Coarse regions"): a
// zone that lists a coarse key covers all of its parts, and a zone that lists
// a part also answers a mark on its coarse key ("somewhere in the neck" is
// explained by pain referred to the side of the neck). Widening the zone's
// keys here, once, makes assess, score_batch and everything read from these
// tables agree. The zone's size stays the number of keys it lists, so a
// drawing that names only regions without parts scores as it did before.
void widen_zone(const KbData& kb, std::vector<RegionKeyIndex>& keys) {
  const std::size_t listed = keys.size();
  for (std::size_t i = 0; i < listed; ++i) {
    const RegionKeyIndex k = keys[i];
    keys.insert(keys.end(), kb.region_key_parts[k].begin(), kb.region_key_parts[k].end());
    keys.insert(keys.end(), kb.region_key_coarse[k].begin(), kb.region_key_coarse[k].end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

template <class T>
void flatten(const std::vector<std::vector<T>>& lists, std::vector<std::uint32_t>& begin,
             std::vector<T>& flat) {
  begin.clear();
  flat.clear();
  begin.reserve(lists.size() + 1);
  for (const auto& list : lists) {
    begin.push_back(gsl::narrow<std::uint32_t>(flat.size()));
    flat.insert(flat.end(), list.begin(), list.end());
  }
  begin.push_back(gsl::narrow<std::uint32_t>(flat.size()));
}

}  // namespace

const ScoringTables& scoring_tables(const KnowledgeBase& kb) noexcept {
  return engine_of(kb).scoring;
}

ScoringTables compile_scoring_tables(const KnowledgeBase& kb) {
  ScoringTables t;
  const auto keys = kb.region_keys();
  const auto candidates = kb.candidates();
  const auto muscles = kb.muscles();
  const std::size_t nr = keys.size();
  const std::size_t nc = candidates.size();
  t.region_key_count = nr;
  t.candidate_count = nc;
  t.finding_count = kb.findings().size();
  t.muscle_count = muscles.size();
  // candidate x region key, row-major: the best relation of any of the
  // candidate's zones to the key; the referral rows and lists come from it.
  std::vector<ZoneRelation> relation(nc * nr, ZoneRelation::none);

  std::size_t most_trigger_points = 0;
  for (const Candidate& cand : candidates) {
    most_trigger_points = std::max(most_trigger_points, muscles[cand.muscle].trigger_points.size());
  }
  t.slot_count = most_trigger_points;
  t.candidate_stride = (nc + kCandidateBlock - 1) / kCandidateBlock * kCandidateBlock;
  const std::size_t stride = t.candidate_stride;
  t.slot_size.assign(t.slot_count * stride, std::numeric_limits<float>::infinity());
  t.slot_inverse_size.assign(t.slot_count * stride, 0.0F);
  std::vector<std::vector<std::uint32_t>> members(nr);
  std::vector<std::vector<RegionKeyIndex>> essential_lists;
  std::vector<std::vector<RegionKeyIndex>> spillover_lists;
  std::vector<RegionKeyIndex> essential;
  std::vector<RegionKeyIndex> spillover;
  std::vector<RegionKeyIndex> listed_keys;
  for (std::size_t c = 0; c < nc; ++c) {
    t.candidate_muscle.push_back(candidates[c].muscle);
    t.candidate_zone_begin.push_back(gsl::narrow<std::uint32_t>(essential_lists.size()));
    const Muscle& muscle = muscles[candidates[c].muscle];
    t.candidate_finding_count.push_back(gsl::narrow<std::uint16_t>(muscle.findings.size()));
    std::size_t largest_zone = 0;
    for (std::size_t j = 0; j < muscle.trigger_points.size(); ++j) {
      const TriggerPoint& tp = muscle.trigger_points[j];
      const auto slot = gsl::narrow<std::uint32_t>(j * stride + c);
      map_zone(kb, tp.essential, tp.side, candidates[c].side, essential);
      map_zone(kb, tp.spillover, tp.side, candidates[c].side, spillover);
      const std::size_t listed = essential.size();
      listed_keys.assign(essential.begin(), essential.end());
      widen_zone(model_of(kb), essential);
      widen_zone(model_of(kb), spillover);
      // A region can be essential on one side of a "both" zone and spillover
      // on the other only through different regions; within one zone the
      // essential relation wins.
      spillover.erase(std::remove_if(spillover.begin(), spillover.end(),
                                     [&](RegionKeyIndex r) {
                                       return std::binary_search(essential.begin(), essential.end(),
                                                                 r);
                                     }),
                      spillover.end());
      if (listed != 0) {
        t.slot_size[slot] = static_cast<float>(listed);
        t.slot_inverse_size[slot] = 1.0F / static_cast<float>(listed);
      }
      for (const RegionKeyIndex r : essential) {
        members[r].push_back(slot);
        relation[c * nr + r] = ZoneRelation::essential;
      }
      for (const RegionKeyIndex r : spillover) {
        ZoneRelation& rel = relation[c * nr + r];
        if (rel == ZoneRelation::none) {
          rel = ZoneRelation::spillover;
        }
      }
      t.zone_essential_size.push_back(gsl::narrow<std::uint16_t>(listed));
      t.zone_name.push_back(lower_first(tp.name));
      largest_zone = std::max(largest_zone, essential.size());
      essential_lists.push_back(essential);
      spillover_lists.push_back(spillover);
      for (const RegionKeyIndex r : essential) {
        t.zone_essential_listed.push_back(
            std::binary_search(listed_keys.begin(), listed_keys.end(), r) ? 1U : 0U);
      }
    }
    t.candidate_largest_zone.push_back(gsl::narrow<std::uint16_t>(largest_zone));
  }
  t.candidate_zone_begin.push_back(gsl::narrow<std::uint32_t>(essential_lists.size()));
  flatten(essential_lists, t.zone_essential_begin, t.zone_essential_keys);
  flatten(spillover_lists, t.zone_spillover_begin, t.zone_spillover_keys);
  flatten(members, t.essential_member_begin, t.essential_member_slot);
  std::vector<std::vector<RegionKeyIndex>> relatives(nr);
  for (std::size_t r = 0; r < nr; ++r) {
    const auto& parts = model_of(kb).region_key_parts[r];
    const auto& coarse = model_of(kb).region_key_coarse[r];
    relatives[r].assign(parts.begin(), parts.end());
    relatives[r].insert(relatives[r].end(), coarse.begin(), coarse.end());
  }
  flatten(relatives, t.relative_begin, t.relative_key);
  t.essential_member_candidate.reserve(t.essential_member_slot.size());
  // Every slot is below slot_count * stride, so a slot means stride > 0.
  for (const std::uint32_t slot : t.essential_member_slot) {
    // NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult)
    t.essential_member_candidate.push_back(gsl::narrow<CandidateIndex>(slot % stride));
  }

  t.region_key_phrase.reserve(nr);
  for (std::size_t r = 0; r < nr; ++r) {
    std::string phrase = lower_first(kb.regions()[keys[r].region].name);
    if (keys[r].side != Side::none) {
      const Catalogue& c = catalogue(kb);
      phrase = c.get("region.on_side",
                     {{"region", phrase},
                      {"side", c.get(keys[r].side == Side::left ? "side.left" : "side.right")}});
    }
    t.region_key_phrase.push_back(std::move(phrase));
  }

  // The dense slots: the fewest (up to kMaxDenseSlots) that leave at most
  // one block's worth of trigger points to the overflow lists.
  std::vector<std::size_t> slots_at(t.slot_count, 0);  // trigger points with index j
  for (std::size_t c = 0; c < nc; ++c) {
    const std::size_t points = t.candidate_zone_begin[c + 1] - t.candidate_zone_begin[c];
    for (std::size_t j = 0; j < points; ++j)
      ++slots_at[j];
  }
  t.dense_slot_count = std::min(t.slot_count, kMaxDenseSlots);
  for (std::size_t dense = t.slot_count == 0 ? 0 : 1; dense < t.dense_slot_count; ++dense) {
    if (std::accumulate(slots_at.begin() + static_cast<std::ptrdiff_t>(dense), slots_at.end(),
                        std::size_t{0}) <= kCandidateBlock) {
      t.dense_slot_count = dense;
      break;
    }
  }
  const std::size_t dense = t.dense_slot_count;
  const std::size_t blocks = stride / kCandidateBlock;
  t.essential_mask.assign(nr * dense * blocks, 0);
  t.overflow_member_begin.reserve(nr + 1);
  for (std::size_t r = 0; r < nr; ++r) {
    t.overflow_member_begin.push_back(gsl::narrow<std::uint32_t>(t.overflow_member_slot.size()));
    for (std::uint32_t e = t.essential_member_begin[r]; e < t.essential_member_begin[r + 1]; ++e) {
      const std::uint32_t slot = t.essential_member_slot[e];
      // NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): as above
      const std::size_t j = slot / stride;
      const std::size_t c = slot % stride;
      if (j >= dense) {
        t.overflow_member_slot.push_back(slot);
        continue;
      }
      t.essential_mask[(r * blocks + c / kCandidateBlock) * dense + j] |=
          static_cast<std::uint16_t>(1U << (c % kCandidateBlock));
    }
  }
  t.overflow_member_begin.push_back(gsl::narrow<std::uint32_t>(t.overflow_member_slot.size()));
  for (std::size_t c = 0; c < nc; ++c) {
    const std::size_t points = t.candidate_zone_begin[c + 1] - t.candidate_zone_begin[c];
    for (std::size_t j = dense; j < points; ++j)
      t.overflow_slot.push_back(gsl::narrow<std::uint32_t>(j * stride + c));
  }
  std::sort(t.overflow_slot.begin(), t.overflow_slot.end());
  for (const std::uint32_t slot : t.overflow_slot) {
    // NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): as above
    t.overflow_candidate.push_back(gsl::narrow<CandidateIndex>(slot % stride));
  }
  // The explained-intensity row of the work area (scoring_work_size), a float
  // of its own for each unused padded member.
  const std::size_t unused = (t.slot_count + 1) * stride;
  t.padded_member_slot.reserve(nr * kPaddedMembers);
  t.extra_member_begin.reserve(nr + 1);
  for (std::size_t r = 0; r < nr; ++r) {
    t.extra_member_begin.push_back(gsl::narrow<std::uint32_t>(t.extra_member_slot.size()));
    const std::uint32_t begin = t.essential_member_begin[r];
    const std::uint32_t end = t.essential_member_begin[r + 1];
    for (std::size_t i = 0; i < kPaddedMembers; ++i) {
      t.padded_member_slot.push_back(begin + i < end ? t.essential_member_slot[begin + i]
                                                     : gsl::narrow<std::uint32_t>(unused + i));
    }
    for (std::uint32_t e = begin + kPaddedMembers; e < end; ++e)
      t.extra_member_slot.push_back(t.essential_member_slot[e]);
  }
  t.extra_member_begin.push_back(gsl::narrow<std::uint32_t>(t.extra_member_slot.size()));

  t.referred.assign(nr, 0);
  t.referral_weight.assign(nr * stride, 0.0F);
  t.referral_begin.reserve(nr + 1);
  for (std::size_t r = 0; r < nr; ++r) {
    t.referral_begin.push_back(gsl::narrow<std::uint32_t>(t.referral_candidate.size()));
    for (std::size_t c = 0; c < nc; ++c) {
      const ZoneRelation rel = relation[c * nr + r];
      if (rel == ZoneRelation::none) {
        continue;
      }
      const float weight = rel == ZoneRelation::essential ? 1.0F : kSpilloverWeight;
      t.referral_weight[r * stride + c] = weight;
      t.referral_candidate.push_back(gsl::narrow<CandidateIndex>(c));
      t.referral_candidate_weight.push_back(weight);
      t.referred[r] = 1;
    }
  }
  t.referral_begin.push_back(gsl::narrow<std::uint32_t>(t.referral_candidate.size()));

  std::vector<std::vector<std::uint32_t>> by_finding(t.finding_count);
  for (std::size_t m = 0; m < muscles.size(); ++m) {
    const auto& weights = muscles[m].findings;
    for (std::size_t j = 0; j < weights.size(); ++j) {
      by_finding[weights[j].finding].push_back(gsl::narrow<std::uint32_t>((m << 16U) | j));
    }
  }
  t.finding_begin.reserve(t.finding_count + 1);
  for (std::size_t f = 0; f < t.finding_count; ++f) {
    t.finding_begin.push_back(gsl::narrow<std::uint32_t>(t.finding_muscle.size()));
    for (const std::uint32_t packed : by_finding[f]) {
      const auto m = gsl::narrow<MuscleIndex>(packed >> 16U);
      const auto j = gsl::narrow<std::uint16_t>(packed & 0xFFFFU);
      t.finding_muscle.push_back(m);
      t.finding_weight_thousandths.push_back(static_cast<std::int32_t>(
          std::lround(static_cast<double>(muscles[m].findings[j].weight) * 1000.0)));
    }
  }
  t.finding_begin.push_back(gsl::narrow<std::uint32_t>(t.finding_muscle.size()));

  std::vector<std::uint16_t> order(nc);
  std::iota(order.begin(), order.end(), std::uint16_t{0});
  // The order of equal scores: muscle id, then side (none, left, right). It
  // does not depend on which side was drawn, so that a mirrored drawing lists
  // the mirrored candidates in the same places (docs/contract.md, "Ties").
  std::sort(order.begin(), order.end(), [&](std::uint16_t a, std::uint16_t b) {
    const std::string_view ida(muscles[candidates[a].muscle].id);
    const std::string_view idb(muscles[candidates[b].muscle].id);
    if (ida != idb)
      return ida < idb;
    return static_cast<int>(candidates[a].side) < static_cast<int>(candidates[b].side);
  });
  t.candidate_key_rank.assign(nc, 0);
  for (std::size_t i = 0; i < nc; ++i) {
    t.candidate_key_rank[order[i]] = gsl::narrow<std::uint16_t>(i);
  }
  return t;
}

namespace {

// The portable paths: one candidate at a time, and SSE2 (part of x86-64).
// scoring_kernel.inl describes what a lane type provides.
namespace portable {

#define MYOREF_KERNEL_TARGET
#include "engine/scoring_kernel.inl"
#undef MYOREF_KERNEL_TARGET

struct ScalarLanes {
  using reg = float;
  using mask = bool;
  static constexpr std::size_t width = 1;
  static reg zero() noexcept { return 0.0F; }
  static reg set1(float v) noexcept { return v; }
  static reg load(const float* p) noexcept { return *p; }
  static void store(float* p, reg v) noexcept { *p = v; }
  static void store_first(float* p, reg v, std::size_t n) noexcept {
    if (n != 0)
      *p = v;
  }
  static reg add(reg a, reg b) noexcept { return a + b; }
  static reg mul(reg a, reg b) noexcept { return a * b; }
  static reg max(reg a, reg b) noexcept { return a > b ? a : b; }
  static mask ge(reg a, reg b) noexcept { return a >= b; }
  static mask both(mask a, mask b) noexcept { return a && b; }
  static mask all(bool b) noexcept { return b; }
  static reg select(mask m, reg a, reg b) noexcept { return m ? a : b; }

  /// All-zero 8-byte words (8 uint8 or 2 float +0) are skipped.
  template <class T>
  static std::size_t painful(const T* x, std::size_t nr, RegionKeyIndex* keys,
                             float* intensity) noexcept {
    constexpr std::size_t per_word = sizeof(std::uint64_t) / sizeof(T);
    std::size_t count = 0;
    std::size_t r = 0;
    for (; r + per_word <= nr; r += per_word) {
      std::uint64_t w = 0;
      std::memcpy(&w, x + r, sizeof w);
      if (w == 0)
        continue;  // a float -0 has a bit set, and take_if_painful decides
      for (std::size_t k = 0; k < per_word; ++k)
        count = take_if_painful(x, r + k, keys, intensity, count);
    }
    for (; r < nr; ++r)
      count = take_if_painful(x, r, keys, intensity, count);
    return count;
  }
};

#if defined(__SSE2__)
struct Sse2Lanes {
  using reg = __m128;
  using mask = __m128;
  static constexpr std::size_t width = 4;
  static reg zero() noexcept { return _mm_setzero_ps(); }
  static reg set1(float v) noexcept { return _mm_set1_ps(v); }
  static reg load(const float* p) noexcept { return _mm_loadu_ps(p); }
  static void store(float* p, reg v) noexcept { _mm_storeu_ps(p, v); }
  static void store_first(float* p, reg v, std::size_t n) noexcept {
    alignas(16) float lanes[4];
    _mm_store_ps(lanes, v);
    for (std::size_t l = 0; l < n; ++l)
      p[l] = lanes[l];
  }
  static reg add(reg a, reg b) noexcept { return _mm_add_ps(a, b); }
  static reg mul(reg a, reg b) noexcept { return _mm_mul_ps(a, b); }
  static reg max(reg a, reg b) noexcept { return _mm_max_ps(a, b); }  // a > b ? a : b
  static mask ge(reg a, reg b) noexcept { return _mm_cmpge_ps(a, b); }
  static mask both(mask a, mask b) noexcept { return _mm_and_ps(a, b); }
  static mask all(bool b) noexcept {
    return b ? _mm_castsi128_ps(_mm_set1_epi32(-1)) : _mm_setzero_ps();
  }
  static reg select(mask m, reg a, reg b) noexcept {
    return _mm_or_ps(_mm_and_ps(m, a), _mm_andnot_ps(m, b));
  }

  /// 16 uint8 compared at once; only the painful ones are visited.
  static std::size_t painful(const std::uint8_t* x, std::size_t nr, RegionKeyIndex* keys,
                             float* intensity) noexcept {
    std::size_t count = 0;
    std::size_t r = 0;
    const __m128i zero_v = _mm_setzero_si128();
    for (; r + 16 <= nr; r += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x + r));
      const auto marked = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero_v)));
      count = take_marked(marked & 0xFFFFU, r, x, keys, intensity, count);
    }
    for (; r < nr; ++r)
      count = take_if_painful(x, r, keys, intensity, count);
    return count;
  }
  /// 4 floats compared at once.
  static std::size_t painful(const float* x, std::size_t nr, RegionKeyIndex* keys,
                             float* intensity) noexcept {
    std::size_t count = 0;
    std::size_t r = 0;
    const __m128 zero_v = _mm_setzero_ps();
    for (; r + 4 <= nr; r += 4) {
      const auto marked =
          static_cast<unsigned>(_mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(x + r), zero_v)));
      count = take_marked(marked, r, x, keys, intensity, count);
    }
    for (; r < nr; ++r)
      count = take_if_painful(x, r, keys, intensity, count);
    return count;
  }
};
#endif

}  // namespace portable

ScoringPath widest_supported_path() noexcept {
  for (const ScoringPath path : {ScoringPath::avx512, ScoringPath::avx2, ScoringPath::sse2}) {
    if (scoring_path_supported(path))
      return path;
  }
  return ScoringPath::scalar;
}

constexpr int kNoOverride = -1;
std::atomic<int> g_path_override{kNoOverride};

template <bool kParts>
void score_sparse_on(ScoringPath path, const ScoringTables& t, const SparseDrawing& drawing,
                     float* work, float* scores) noexcept {
  switch (path) {
#if MYOREF_SCORING_X86
    case ScoringPath::avx512:
      x86::score_drawing_avx512(t, drawing, work, scores, kParts);
      return;
    case ScoringPath::avx2:
      x86::score_drawing_avx2(t, drawing, work, scores, kParts);
      return;
#endif
#if defined(__SSE2__)
    case ScoringPath::sse2:
      portable::score_sparse_any<portable::Sse2Lanes, false, kParts>(t, drawing, work, scores);
      return;
#endif
    default:
      portable::score_sparse_any<portable::ScalarLanes, false, kParts>(t, drawing, work, scores);
      return;
  }
}

bool all_intensities_portable(const std::uint8_t* v, std::size_t count) noexcept {
  std::uint8_t peak = 0;
  for (std::size_t i = 0; i < count; ++i)
    peak = std::max(peak, v[i]);  // vectorised by the compiler
  return peak <= 10;
}
bool all_intensities_portable(const float* v, std::size_t count) noexcept {
  unsigned bad = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // Compilers do not vectorise the scalar loop below (the compares of floats
  // into an integer), and this pass reads every input byte.
  const __m128 lo = _mm_setzero_ps();
  const __m128 hi = _mm_set1_ps(10.0F);
  __m128 ok = _mm_castsi128_ps(_mm_set1_epi32(-1));
  for (; i + 4 <= count; i += 4) {
    const __m128 x = _mm_loadu_ps(v + i);
    ok = _mm_and_ps(ok, _mm_and_ps(_mm_cmpge_ps(x, lo), _mm_cmple_ps(x, hi)));  // NaN: false
  }
  bad = _mm_movemask_ps(ok) == 0xF ? 0U : 1U;
#endif
  for (; i < count; ++i) {
    bad |= (v[i] >= 0.0F && v[i] <= 10.0F) ? 0U : 1U;  // NaN compares false: bad
  }
  return bad == 0;
}

template <class T>
bool all_intensities_on(ScoringPath path, const T* values, std::size_t count) noexcept {
  switch (path) {
#if MYOREF_SCORING_X86
    case ScoringPath::avx512:
      return x86::all_intensities_avx512(values, count);
    case ScoringPath::avx2:
      return x86::all_intensities_avx2(values, count);
#endif
    default:
      return all_intensities_portable(values, count);
  }
}

template <class T>
void score_rows_on(ScoringPath path, const ScoringTables& t, const T* rows, std::size_t n,
                   float* out, const RowScratch& scratch) noexcept {
  switch (path) {
#if MYOREF_SCORING_X86
    case ScoringPath::avx512:
      x86::score_rows_avx512(t, rows, n, out, scratch);
      return;
    case ScoringPath::avx2:
      x86::score_rows_avx2(t, rows, n, out, scratch);
      return;
#endif
#if defined(__SSE2__)
    case ScoringPath::sse2:
      portable::score_dense_rows<portable::Sse2Lanes>(t, rows, n, out, scratch);
      return;
#endif
    default:
      portable::score_dense_rows<portable::ScalarLanes>(t, rows, n, out, scratch);
      return;
  }
}

}  // namespace

bool scoring_path_supported(ScoringPath path) noexcept {
  // The branches differ by platform (preprocessor), not on this one.
  switch (path) {
    case ScoringPath::scalar:  // NOLINT(bugprone-branch-clone)
      return true;
    case ScoringPath::sse2:
#if defined(__SSE2__)
      return true;
#else
      return false;
#endif
    case ScoringPath::avx2:
#if MYOREF_SCORING_X86
      return x86::cpu_runs_avx2();
#else
      return false;
#endif
    case ScoringPath::avx512:
#if MYOREF_SCORING_X86
      return x86::cpu_runs_avx512();
#else
      return false;
#endif
  }
  return false;
}

ScoringPath scoring_path() noexcept {
  const int forced = g_path_override.load(std::memory_order_relaxed);
  if (forced != kNoOverride)
    return static_cast<ScoringPath>(forced);
  static const ScoringPath widest = widest_supported_path();
  return widest;
}

void override_scoring_path(std::optional<ScoringPath> path) noexcept {
  Expects(!path || scoring_path_supported(*path));
  g_path_override.store(path ? static_cast<int>(*path) : kNoOverride, std::memory_order_relaxed);
}

void score_drawing(const ScoringTables& t, const SparseDrawing& drawing,
                   const float* findings_evidence, float* work, float* scores, float* parts) {
  score_drawing(scoring_path(), t, drawing, findings_evidence, work, scores, parts);
}

void score_drawing(ScoringPath path, const ScoringTables& t, const SparseDrawing& drawing,
                   const float* findings_evidence, float* work, float* scores, float* parts) {
  const std::size_t nc = t.candidate_count;
  if (parts == nullptr) {
    score_sparse_on<false>(path, t, drawing, work, scores);
  } else {
    score_sparse_on<true>(path, t, drawing, work, scores);
    // The kernel leaves E, K and D as arrays by candidate after the
    // explained intensity; the parts are four floats per candidate.
    const float* e = work + scoring_work_parts(t);
    const float* k = e + t.candidate_stride;
    const float* d = k + t.candidate_stride;
    for (std::size_t c = 0; c < nc; ++c) {
      parts[4 * c] = e[c];
      parts[4 * c + 1] = k[c];
      parts[4 * c + 2] = d[c];
      parts[4 * c + 3] = 0.0F;
    }
  }
  if (findings_evidence == nullptr)
    return;

  // Findings move the drawing's odds: odds(score) = odds(ceiling * D) * exp(scale * F).
  // With F = 0 this is the score above exactly (exp(0) = 1), so score_batch,
  // which has no findings, agrees with assess() to the last bit.
  Expects(parts != nullptr);
  for (std::size_t i = 0; i < nc; ++i) {
    const float f = findings_evidence[t.candidate_muscle[i]];
    parts[4 * i + 3] = f;
    if (f == 0.0F || scores[i] == 0.0F)
      continue;  // findings alone never suggest a muscle
    const float p = kDrawingCeiling * parts[4 * i + 2];
    const float pl = p * std::exp(kFindingsScale * f);
    scores[i] = pl / (pl + (1.0F - p));
  }
}

bool all_intensities(ScoringPath path, const std::uint8_t* values, std::size_t count) noexcept {
  return all_intensities_on(path, values, count);
}

bool all_intensities(ScoringPath path, const float* values, std::size_t count) noexcept {
  return all_intensities_on(path, values, count);
}

void score_rows(ScoringPath path, const ScoringTables& t, const std::uint8_t* rows, std::size_t n,
                float* out, const RowScratch& scratch) noexcept {
  score_rows_on(path, t, rows, n, out, scratch);
}

void score_rows(ScoringPath path, const ScoringTables& t, const float* rows, std::size_t n,
                float* out, const RowScratch& scratch) noexcept {
  score_rows_on(path, t, rows, n, out, scratch);
}

}  // namespace myoref::detail
