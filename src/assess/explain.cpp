// Explanations from zones: for each listed candidate, the painful keys it
// explains and those it does not, the painful keys of each trigger point's
// essential and spillover zones, and the best-matching trigger point's
// essential keys that are not painful; then its reasons from findings
// (explain_findings.cpp).
//
// The tables are read through local pointers (ExplainTables): stores into the
// result could otherwise alias their members, and every table pointer would
// be loaded again after each store.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "assess/explain.hpp"

namespace myoref::detail {

namespace {

/// The tables explanations read, as local pointers.
struct ExplainTables {
  explicit ExplainTables(const ScoringTables& t, const ExplanationTables& x)
      : scoring(t),
        candidate_muscle(t.candidate_muscle.data()),
        candidate_zone_begin(t.candidate_zone_begin.data()),
        essential_keys(t.zone_essential_keys.data()),
        listed(t.zone_essential_listed.data()),
        zone_info(x.zones.data()) {}

  const ScoringTables& scoring;
  const MuscleIndex* candidate_muscle;
  const std::uint32_t* candidate_zone_begin;
  const RegionKeyIndex* essential_keys;
  const std::uint8_t* listed;
  const ExplanationTables::Zone* zone_info;
};

/// One candidate's zones: the first, how many, and their records.
struct CandidateZones {
  std::uint32_t first;
  std::uint32_t count;
  const ExplanationTables::Zone* zone;
};

/// The painful keys a candidate's zones cover (`refers`: the union of their
/// parts is the keys it refers pain to), and those in an essential zone.
template <std::size_t kWords>
void cover_sets(const ZoneSets<kWords>& sets, CandidateZones z, PainfulWord* refers,
                PainfulWord* essential_any) {
  for (std::size_t w = 0; w < sets.words(); ++w) {
    PainfulWord any = 0;
    PainfulWord essential = 0;
    for (std::uint32_t j = 0; j < z.count; ++j) {
      essential |= sets.essential(z.first + j)[w];
      any |= sets.spillover(z.first + j)[w];
    }
    refers[w] = any | essential;
    essential_any[w] = essential;
  }
}

/// Explained and unexplained: the painful keys `refers` holds, and the rest.
void explained_lists(const PainfulWord* refers, std::size_t words, const RegionKeyIndex* painful,
                     std::uint32_t np, RankedEntry& e, ExplainCursor& out) {
  e.explained_begin = offset_of(out.keys, out.key_base);
  for (std::size_t w = 0; w < words; ++w)
    out.keys = append_keys(out.keys, refers[w], painful + w * 64U);
  e.explained_count = offset_of(out.keys, out.key_base) - e.explained_begin;
  e.unexplained_begin = offset_of(out.keys, out.key_base);
  for (std::size_t w = 0; w < words; ++w) {
    const std::size_t in_word = np - w * 64U;
    const PainfulWord all = in_word >= 64U ? ~PainfulWord{0} : (PainfulWord{1} << in_word) - 1U;
    out.keys = append_keys(out.keys, all & ~refers[w], painful + w * 64U);
  }
  e.unexplained_count = offset_of(out.keys, out.key_base) - e.unexplained_begin;
}

/// Appends a zone reason about trigger point `tp`, whose regions are the keys
/// written since `first`.
void zone_reason(ExplainCursor& out, const CandidateZones& z, ReasonKind kind, std::uint32_t tp,
                 RegionKeyIndex* first) {
  Reason& reason = *out.reasons++;
  reason.kind = kind;
  reason.trigger_point = static_cast<std::uint16_t>(tp);
  reason.finding = 0;
  reason.finding_weight = 0;
  reason.regions =
      gsl::span<const RegionKeyIndex>(first, static_cast<std::size_t>(out.keys - first));
  reason.cite = z.zone[tp].cite;
}

/// Essential zones: the painful keys each trigger point's essential zone
/// covers. Returns the best-matching trigger point (z.count for none): a zone
/// with no painful essential key has salience 0, so it is never the best.
template <std::size_t kWords>
std::uint32_t essential_reasons(const ZoneSets<kWords>& sets, const ScoringTables& t,
                                const float* work, CandidateIndex c, const CandidateZones& z,
                                const RegionKeyIndex* painful, ExplainCursor& out) {
  std::uint32_t best = z.count;
  float best_coverage = 0.0F;
  for (std::uint32_t j = 0; j < z.count; ++j) {
    const PainfulWord* set = sets.essential(z.first + j);
    RegionKeyIndex* first = out.keys;
    for (std::size_t w = 0; w < sets.words(); ++w)
      out.keys = append_keys(out.keys, set[w], painful + w * 64U);
    if (out.keys == first)
      continue;
    zone_reason(out, z, ReasonKind::essential_zone, j, first);
    const float coverage = zone_salience(t, work, c, j) / z.zone[j].essential_size;
    if (coverage > best_coverage) {
      best_coverage = coverage;
      best = j;
    }
  }
  return best;
}

/// Spillover: painful keys no essential zone of this candidate covers
/// (`named`, which starts as its essential keys), each named once, under the
/// first trigger point that spills there.
template <std::size_t kWords>
void spillover_reasons(const ZoneSets<kWords>& sets, const CandidateZones& z, PainfulWord* named,
                       const RegionKeyIndex* painful, ExplainCursor& out) {
  for (std::uint32_t j = 0; j < z.count; ++j) {
    const PainfulWord* set = sets.spillover(z.first + j);
    RegionKeyIndex* first = out.keys;
    for (std::size_t w = 0; w < sets.words(); ++w) {
      const PainfulWord fresh = set[w] & ~named[w];
      named[w] |= fresh;
      out.keys = append_keys(out.keys, fresh, painful + w * 64U);
    }
    if (out.keys != first)
      zone_reason(out, z, ReasonKind::spillover_zone, j, first);
  }
}

/// The best-matching trigger point's essential keys that are not painful:
/// worth checking, and why essential coverage is below 1. Only the keys it
/// lists, and not one that is painful or whose coarse region or part is
/// (`near`, by region key): that mark already says the pain may be there.
void not_painful_reason(const ExplainTables& tables, const CandidateZones& z, std::uint32_t best,
                        const std::uint8_t* near, ExplainCursor& out) {
  RegionKeyIndex* first = out.keys;
  for (std::uint32_t k = z.zone[best].essential_begin; k < z.zone[best].essential_end; ++k) {
    const RegionKeyIndex r = tables.essential_keys[k];
    *out.keys = r;
    out.keys += (near[r] | static_cast<std::uint8_t>(tables.listed[k] ^ 1U)) != 0 ? 0 : 1;
  }
  if (out.keys != first)
    zone_reason(out, z, ReasonKind::zone_not_painful, best, first);
}

}  // namespace

template <std::size_t kWords>
void explain_all(const ScoringTables& t, const ExplanationTables& x,
                 const ZoneSets<kWords>& zone_sets, AssessmentData& d, const std::uint8_t* near,
                 const float* work, const std::uint8_t* state, std::uint8_t* muscle_state,
                 MuscleFindings* muscle_findings, PainfulWord* ranked_sets) {
  const ExplainTables tables(t, x);
  const RegionKeyIndex* const painful = d.painful.data;
  const std::uint32_t np = d.painful.size;
  const std::size_t words = zone_sets.words();
  ExplainCursor out{d.region_pool.data,  d.region_pool.data + d.region_pool.size,
                    d.reasons.data,      d.reasons.data + d.reasons.size,
                    d.finding_pool.data, d.finding_pool.data + d.finding_pool.size};

  PainfulWord named_here[kWords != 0 ? kWords : 1] = {};
  std::vector<PainfulWord> named_heap;
  PainfulWord* named = named_here;
  if (kWords == 0) {
    named_heap.assign(words, 0);
    named = named_heap.data();
  }

  for (RankedEntry& e : d.ranked) {
    const CandidateIndex c = e.candidate;
    const MuscleIndex m = tables.candidate_muscle[c];
    const std::uint32_t zone0 = tables.candidate_zone_begin[c];
    const CandidateZones z{zone0, tables.candidate_zone_begin[c + 1U] - zone0,
                           tables.zone_info + zone0};

    PainfulWord* refers = ranked_sets;
    PainfulWord* essential_any = ranked_sets + words;
    ranked_sets += 2 * words;
    cover_sets(zone_sets, z, refers, essential_any);
    explained_lists(refers, words, painful, np, e, out);

    e.basis_begin = offset_of(out.reasons, out.reason_base);
    const std::uint32_t best = essential_reasons(zone_sets, t, work, c, z, painful, out);
    for (std::size_t w = 0; w < words; ++w)
      named[w] = essential_any[w];
    spillover_reasons(zone_sets, z, named, painful, out);
    if (best < z.count)
      not_painful_reason(tables, z, best, near, out);

    // A muscle that weighs none of the answered findings has no reasons
    // from them.
    if (muscle_state != nullptr && muscle_state[m] != kUntouched) {
      MuscleFindings& done = muscle_findings[m];
      explain_findings(x, m, state, muscle_state[m], done, out);
      e.for_begin = done.for_begin;
      e.for_count = done.for_count;
      e.against_begin = done.against_begin;
      e.against_count = done.against_count;
    }
    e.basis_count = offset_of(out.reasons, out.reason_base) - e.basis_begin;
  }
  d.region_pool.size = offset_of(out.keys, out.key_base);
  d.reasons.size = offset_of(out.reasons, out.reason_base);
  d.finding_pool.size = offset_of(out.findings, out.finding_base);
}

template void explain_all<0>(const ScoringTables&, const ExplanationTables&, const ZoneSets<0>&,
                             AssessmentData&, const std::uint8_t*, const float*,
                             const std::uint8_t*, std::uint8_t*, MuscleFindings*, PainfulWord*);
template void explain_all<1>(const ScoringTables&, const ExplanationTables&, const ZoneSets<1>&,
                             AssessmentData&, const std::uint8_t*, const float*,
                             const std::uint8_t*, std::uint8_t*, MuscleFindings*, PainfulWord*);

}  // namespace myoref::detail
