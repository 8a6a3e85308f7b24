#include "assess/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>
#include <type_traits>

#include <gsl/assert>
#include <gsl/narrow>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "assess/internal.hpp"
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
  return kb.data().scoring;
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
  t.relation.assign(nc * nr, ZoneRelation::none);

  std::size_t most_trigger_points = 0;
  for (const Candidate& cand : candidates) {
    most_trigger_points = std::max(most_trigger_points, muscles[cand.muscle].trigger_points.size());
  }
  t.slot_count = most_trigger_points;
  t.slot_size.assign(t.slot_count * nc, std::numeric_limits<float>::infinity());
  t.slot_inverse_size.assign(t.slot_count * nc, 0.0F);
  std::vector<std::vector<std::uint32_t>> members(nr);
  std::vector<std::vector<RegionKeyIndex>> essential_lists;
  std::vector<std::vector<RegionKeyIndex>> spillover_lists;
  std::vector<RegionKeyIndex> essential;
  std::vector<RegionKeyIndex> spillover;
  for (std::size_t c = 0; c < nc; ++c) {
    t.candidate_muscle.push_back(candidates[c].muscle);
    t.candidate_zone_begin.push_back(gsl::narrow<std::uint32_t>(essential_lists.size()));
    const Muscle& muscle = muscles[candidates[c].muscle];
    t.candidate_finding_count.push_back(gsl::narrow<std::uint16_t>(muscle.findings.size()));
    std::size_t largest_zone = 0;
    for (std::size_t j = 0; j < muscle.trigger_points.size(); ++j) {
      const TriggerPoint& tp = muscle.trigger_points[j];
      const auto slot = gsl::narrow<std::uint32_t>(j * nc + c);
      map_zone(kb, tp.essential, tp.side, candidates[c].side, essential);
      map_zone(kb, tp.spillover, tp.side, candidates[c].side, spillover);
      // A region can be essential on one side of a "both" zone and spillover
      // on the other only through different regions; within one zone the
      // essential relation wins.
      spillover.erase(std::remove_if(spillover.begin(), spillover.end(),
                                     [&](RegionKeyIndex r) {
                                       return std::binary_search(essential.begin(), essential.end(),
                                                                 r);
                                     }),
                      spillover.end());
      if (!essential.empty()) {
        t.slot_size[slot] = static_cast<float>(essential.size());
        t.slot_inverse_size[slot] = 1.0F / static_cast<float>(essential.size());
      }
      for (const RegionKeyIndex r : essential) {
        members[r].push_back(slot);
        t.relation[c * nr + r] = ZoneRelation::essential;
      }
      for (const RegionKeyIndex r : spillover) {
        ZoneRelation& rel = t.relation[c * nr + r];
        if (rel == ZoneRelation::none) {
          rel = ZoneRelation::spillover;
        }
      }
      t.zone_essential_size.push_back(gsl::narrow<std::uint16_t>(essential.size()));
      t.zone_name.push_back(lower_first(tp.name));
      largest_zone = std::max(largest_zone, essential.size());
      essential_lists.push_back(essential);
      spillover_lists.push_back(spillover);
    }
    t.candidate_largest_zone.push_back(gsl::narrow<std::uint16_t>(largest_zone));
  }
  t.candidate_zone_begin.push_back(gsl::narrow<std::uint32_t>(essential_lists.size()));
  flatten(essential_lists, t.zone_essential_begin, t.zone_essential_keys);
  flatten(spillover_lists, t.zone_spillover_begin, t.zone_spillover_keys);
  flatten(members, t.essential_member_begin, t.essential_member_slot);
  t.essential_member_candidate.reserve(t.essential_member_slot.size());
  for (const std::uint32_t slot : t.essential_member_slot) {
    t.essential_member_candidate.push_back(gsl::narrow<CandidateIndex>(slot % nc));
  }

  t.region_key_phrase.reserve(nr);
  for (std::size_t r = 0; r < nr; ++r) {
    std::string phrase = lower_first(kb.regions()[keys[r].region].name);
    if (keys[r].side != Side::none) {
      phrase += " (";
      phrase += to_string(keys[r].side);
      phrase += ')';
    }
    t.region_key_phrase.push_back(std::move(phrase));
  }

  t.referred.assign(nr, 0);
  t.referral_begin.reserve(nr + 1);
  for (std::size_t r = 0; r < nr; ++r) {
    t.referral_begin.push_back(gsl::narrow<std::uint32_t>(t.referral_candidate.size()));
    for (std::size_t c = 0; c < nc; ++c) {
      const ZoneRelation rel = t.relation[c * nr + r];
      if (rel == ZoneRelation::none) {
        continue;
      }
      t.referral_candidate.push_back(gsl::narrow<CandidateIndex>(c));
      t.referral_weight.push_back(rel == ZoneRelation::essential ? 1.0F : kSpilloverWeight);
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
      t.finding_weight.push_back(muscles[m].findings[j].weight);
      t.finding_weight_index.push_back(j);
    }
  }
  t.finding_begin.push_back(gsl::narrow<std::uint32_t>(t.finding_muscle.size()));

  std::vector<std::uint16_t> order(nc);
  std::iota(order.begin(), order.end(), std::uint16_t{0});
  std::sort(order.begin(), order.end(), [&](std::uint16_t a, std::uint16_t b) {
    return std::string_view(candidates[a].key) < std::string_view(candidates[b].key);
  });
  t.candidate_key_rank.assign(nc, 0);
  for (std::size_t i = 0; i < nc; ++i) {
    t.candidate_key_rank[order[i]] = gsl::narrow<std::uint16_t>(i);
  }
  return t;
}

void score_drawing(const ScoringTables& t, const SparseDrawing& drawing,
                   const float* findings_evidence, float* work, float* scores, float* parts) {
  const std::size_t nc = t.candidate_count;
  float total = 0.0F;
  float peak = 0.0F;
  for (std::size_t i = 0; i < drawing.count; ++i) {
    total += drawing.intensity[i];
    peak = std::max(peak, drawing.intensity[i]);
  }
  float* explained = work;
  float* salience_sum = work + nc;                   // by slot
  float* coverage = work + nc * (1 + t.slot_count);  // K, by candidate
  std::fill(work, work + scoring_work_size(t), 0.0F);

  // Scatter: each painful key adds to the candidates that refer to it.
  for (std::size_t i = 0; i < drawing.count; ++i) {
    const RegionKeyIndex r = drawing.keys[i];
    const float x = drawing.intensity[i];
    // Salience for essential coverage: being painful at all counts half,
    // intensity relative to the worst mark the other half.
    const float salience = 0.5F + 0.5F * (x / peak);
    for (std::uint32_t e = t.referral_begin[r]; e < t.referral_begin[r + 1U]; ++e) {
      explained[t.referral_candidate[e]] += x * t.referral_weight[e];
    }
    for (std::uint32_t e = t.essential_member_begin[r]; e < t.essential_member_begin[r + 1U]; ++e) {
      salience_sum[t.essential_member_slot[e]] += salience;
    }
  }

  // Essential coverage K: the best of the candidate's trigger points, each
  // min(1, salience / zone size). Only slots that a painful key falls in can
  // be above 0, so they are visited through the painful keys rather than
  // every slot of every candidate. A slot is met once per painful key of its
  // zone, with the same value each time; max is exact and order-free, so this
  // gives the same floats as a pass over all slots.
  for (std::size_t i = 0; i < drawing.count; ++i) {
    const RegionKeyIndex r = drawing.keys[i];
    for (std::uint32_t e = t.essential_member_begin[r]; e < t.essential_member_begin[r + 1U]; ++e) {
      const std::uint32_t slot = t.essential_member_slot[e];
      const float sum = salience_sum[slot];
      const float part = sum * t.slot_inverse_size[slot];
      float& k = coverage[t.essential_member_candidate[e]];
      k = std::max(k, sum >= t.slot_size[slot] ? 1.0F : part);
    }
  }

  // One pass per candidate, with no branches: a candidate that explains
  // nothing has E = 0, so D = 0 and its score is 0 / (0 + 1) = 0 exactly.
  // Whole explanations and whole zones are set to exactly 1 rather than
  // multiplied by a rounded reciprocal, so that a perfect fit scores the same
  // whichever muscle it is. Four candidates at a time where SSE2 is there;
  // the vector and scalar paths do the same operations in the same order.
  const float inverse_total = total > 0.0F ? 1.0F / total : 0.0F;
  const float coverage_share = 1.0F - kCoverageFloor;
  std::size_t c = 0;
#if defined(__SSE2__)
  {
    const __m128 one = _mm_set1_ps(1.0F);
    const __m128 total_v = _mm_set1_ps(total);
    const __m128 inverse_total_v = _mm_set1_ps(inverse_total);
    const __m128 some_pain = total > 0.0F ? _mm_castsi128_ps(_mm_set1_epi32(-1)) : _mm_setzero_ps();
    const __m128 floor_v = _mm_set1_ps(kCoverageFloor);
    const __m128 share_v = _mm_set1_ps(coverage_share);
    const __m128 ceiling_v = _mm_set1_ps(kDrawingCeiling);
    const auto select = [](__m128 mask, __m128 a, __m128 b) {
      return _mm_or_ps(_mm_and_ps(mask, a), _mm_andnot_ps(mask, b));
    };
    // Four candidates from c: score, and E, K, D when `parts` is wanted.
    // Reading past the last candidate is safe (the work area is padded); only
    // `lanes` results are stored.
    const auto group = [&](std::size_t at, std::size_t lanes, auto with_parts) {
      const __m128 x = _mm_loadu_ps(explained + at);
      const __m128 whole = _mm_and_ps(_mm_cmpge_ps(x, total_v), some_pain);
      const __m128 e = select(whole, one, _mm_mul_ps(x, inverse_total_v));
      const __m128 k = _mm_loadu_ps(coverage + at);
      const __m128 d = _mm_mul_ps(e, _mm_add_ps(floor_v, _mm_mul_ps(share_v, k)));
      const __m128 p = _mm_mul_ps(ceiling_v, d);
      const __m128 score = _mm_div_ps(p, _mm_add_ps(p, _mm_sub_ps(one, p)));
      if (lanes == 4) {
        _mm_storeu_ps(scores + at, score);
      } else {
        alignas(16) float sv[4];
        _mm_store_ps(sv, score);
        for (std::size_t l = 0; l < lanes; ++l)
          scores[at + l] = sv[l];
      }
      if constexpr (decltype(with_parts)::value) {
        alignas(16) float ev[4];
        alignas(16) float kv[4];
        alignas(16) float dv[4];
        _mm_store_ps(ev, e);
        _mm_store_ps(kv, k);
        _mm_store_ps(dv, d);
        for (std::size_t l = 0; l < lanes; ++l) {
          float* part = parts + 4 * (at + l);
          part[0] = ev[l];
          part[1] = kv[l];
          part[2] = dv[l];
          part[3] = 0.0F;
        }
      }
    };
    // Two loops rather than a test of `parts` in one: batch scoring takes the first.
    if (parts == nullptr) {
      for (; c + 4 <= nc; c += 4)
        group(c, 4, std::false_type{});
      if (c < nc)
        group(c, nc - c, std::false_type{});
    } else {
      for (; c + 4 <= nc; c += 4)
        group(c, 4, std::true_type{});
      if (c < nc)
        group(c, nc - c, std::true_type{});
    }
    c = nc;
  }
#endif
  for (; c < nc; ++c) {
    const float x = explained[c];
    const float e = x >= total && total > 0.0F ? 1.0F : x * inverse_total;
    const float k = coverage[c];
    const float d = e * (kCoverageFloor + coverage_share * k);
    const float p = kDrawingCeiling * d;
    scores[c] = p / (p + (1.0F - p));
    if (parts != nullptr) {
      parts[4 * c] = e;
      parts[4 * c + 1] = k;
      parts[4 * c + 2] = d;
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

}  // namespace myoref::detail
