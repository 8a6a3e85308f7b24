#include "assess/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

#include <gsl/narrow>

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
    const bool both_sides = side == Side::none || relation == SideRelation::both ||
                            relation == SideRelation::midline;
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

const ScoringTables& scoring_tables(const KnowledgeBase& kb) noexcept { return kb.data().scoring; }

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

  std::vector<std::vector<std::uint32_t>> members(nr);
  std::vector<std::vector<RegionKeyIndex>> essential_lists;
  std::vector<std::vector<RegionKeyIndex>> spillover_lists;
  std::vector<RegionKeyIndex> essential;
  std::vector<RegionKeyIndex> spillover;
  for (std::size_t c = 0; c < nc; ++c) {
    t.candidate_muscle.push_back(candidates[c].muscle);
    t.candidate_zone_begin.push_back(gsl::narrow<std::uint32_t>(essential_lists.size()));
    const Muscle& muscle = muscles[candidates[c].muscle];
    for (const TriggerPoint& tp : muscle.trigger_points) {
      const auto zone = gsl::narrow<std::uint32_t>(essential_lists.size());
      map_zone(kb, tp.essential, tp.side, candidates[c].side, essential);
      map_zone(kb, tp.spillover, tp.side, candidates[c].side, spillover);
      // A region can be essential on one side of a "both" zone and spillover
      // on the other only through different regions; within one zone the
      // essential relation wins.
      spillover.erase(std::remove_if(spillover.begin(), spillover.end(),
                                     [&](RegionKeyIndex r) {
                                       return std::binary_search(essential.begin(),
                                                                 essential.end(), r);
                                     }),
                      spillover.end());
      for (const RegionKeyIndex r : essential) {
        members[r].push_back(zone);
        t.relation[c * nr + r] = ZoneRelation::essential;
      }
      for (const RegionKeyIndex r : spillover) {
        ZoneRelation& rel = t.relation[c * nr + r];
        if (rel == ZoneRelation::none) {
          rel = ZoneRelation::spillover;
        }
      }
      t.zone_essential_size.push_back(gsl::narrow<std::uint16_t>(essential.size()));
      essential_lists.push_back(essential);
      spillover_lists.push_back(spillover);
    }
  }
  t.candidate_zone_begin.push_back(gsl::narrow<std::uint32_t>(essential_lists.size()));
  flatten(essential_lists, t.zone_essential_begin, t.zone_essential_keys);
  flatten(spillover_lists, t.zone_spillover_begin, t.zone_spillover_keys);
  flatten(members, t.essential_member_begin, t.essential_member_zone);

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
  std::fill(work, work + scoring_work_size(t), 0.0F);
  if (!(total > 0.0F)) {
    std::fill(scores, scores + nc, 0.0F);
    if (parts != nullptr) {
      std::fill(parts, parts + 4 * nc, 0.0F);
    }
    return;
  }

  float* explained = work;
  float* zone = work + nc;
  for (std::size_t i = 0; i < drawing.count; ++i) {
    const RegionKeyIndex r = drawing.keys[i];
    const float x = drawing.intensity[i];
    // Salience for essential coverage: being painful at all counts half,
    // intensity relative to the worst mark the other half.
    const float salience = 0.5F + 0.5F * (x / peak);
    for (std::uint32_t e = t.referral_begin[r]; e < t.referral_begin[r + 1U]; ++e) {
      explained[t.referral_candidate[e]] += x * t.referral_weight[e];
    }
    for (std::uint32_t e = t.essential_member_begin[r]; e < t.essential_member_begin[r + 1U];
         ++e) {
      zone[t.essential_member_zone[e]] += salience;
    }
  }

  for (std::size_t c = 0; c < nc; ++c) {
    const float f =
        findings_evidence == nullptr ? 0.0F : findings_evidence[t.candidate_muscle[c]];
    float* part = parts == nullptr ? nullptr : parts + 4 * c;
    if (!(explained[c] > 0.0F)) {
      // Findings alone never suggest a muscle.
      scores[c] = 0.0F;
      if (part != nullptr) {
        part[0] = part[1] = part[2] = 0.0F;
        part[3] = f;
      }
      continue;
    }
    const float e = std::min(1.0F, explained[c] / total);
    float k = 0.0F;
    for (std::uint32_t z = t.candidate_zone_begin[c]; z < t.candidate_zone_begin[c + 1U]; ++z) {
      if (t.zone_essential_size[z] != 0) {
        k = std::max(k, zone[z] / static_cast<float>(t.zone_essential_size[z]));
      }
    }
    k = std::min(1.0F, k);
    const float d = e * (kCoverageFloor + (1.0F - kCoverageFloor) * k);
    // Findings move the drawing's odds: odds(score) = odds(ceiling * D) * exp(scale * F).
    const float p = kDrawingCeiling * d;
    const float pl = p * std::exp(kFindingsScale * f);
    scores[c] = pl / (pl + (1.0F - p));
    if (part != nullptr) {
      part[0] = e;
      part[1] = k;
      part[2] = d;
      part[3] = f;
    }
  }
}

}  // namespace myoref::detail
