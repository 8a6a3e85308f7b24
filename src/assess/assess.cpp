// assess(): triage first, then the scores, the ranking, each listed
// candidate's explanations and the set cover.
//
// Budget: about 2 microseconds for a five-mark intake with explanations. So:
// one pass of the shared kernel over the painful region keys, working memory
// on the stack, and the result's lists in a few pooled vectors sized up front
// (the spans in Reason point into them, so they must never reallocate).
#include <algorithm>
#include <array>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include <gsl/assert>
#include <gsl/narrow>

#include "assess/internal.hpp"
#include "assess/scoring.hpp"

namespace myoref {
namespace {

using detail::ScoringTables;
using detail::ZoneRelation;

/// Working floats for one call: on the stack for knowledge bases of ordinary
/// size, on the heap for very large ones.
class WorkBuffer {
 public:
  explicit WorkBuffer(std::size_t n) {
    if (n <= stack_.size()) {
      data_ = stack_.data();
    } else {
      heap_ = std::make_unique<float[]>(n);
      data_ = heap_.get();
    }
  }
  float* data() noexcept { return data_; }

 private:
  std::array<float, 4096> stack_;
  std::unique_ptr<float[]> heap_;
  float* data_ = nullptr;
};

enum FindingState : std::uint8_t { kUnknown = 0, kConfirmed = 1, kDenied = 2 };

std::uint32_t u32(std::size_t n) { return gsl::narrow_cast<std::uint32_t>(n); }

class Builder {
 public:
  Builder(const ScoringTables& t, detail::AssessmentData& d, const float* dense,
          const float* zone_salience, const std::uint8_t* finding_state)
      : t_(t), d_(d), dense_(dense), zone_(zone_salience), state_(finding_state) {}

  void explain(detail::RankedEntry& e) {
    const CandidateIndex c = e.candidate;
    const Muscle& muscle = d_.kb.muscles()[t_.candidate_muscle[c]];
    auto& pool = d_.region_pool;

    e.explained_begin = u32(pool.size());
    for (const RegionKeyIndex r : d_.painful) {
      if (t_.relation_of(c, r) != ZoneRelation::none) pool.push_back(r);
    }
    e.explained_count = u32(pool.size()) - e.explained_begin;
    e.unexplained_begin = u32(pool.size());
    for (const RegionKeyIndex r : d_.painful) {
      if (t_.relation_of(c, r) == ZoneRelation::none) pool.push_back(r);
    }
    e.unexplained_count = u32(pool.size()) - e.unexplained_begin;

    e.basis_begin = u32(d_.reasons.size());
    const std::uint32_t zone0 = t_.candidate_zone_begin[c];
    const std::size_t zones = t_.candidate_zone_begin[c + 1U] - zone0;
    // Essential zones: the painful keys each trigger point's essential zone covers.
    for (std::size_t j = 0; j < zones; ++j) {
      const std::size_t z = zone0 + j;
      add_zone_reason(ReasonKind::essential_zone, muscle, j, t_.zone_essential_begin[z],
                      t_.zone_essential_begin[z + 1U], true);
    }
    // Spillover: painful keys no essential zone of this candidate covers,
    // each named once, under the first trigger point that spills there.
    const std::size_t spill_reasons_begin = d_.reasons.size();
    for (std::size_t j = 0; j < zones; ++j) {
      const std::size_t z = zone0 + j;
      const std::size_t begin = pool.size();
      for (std::uint32_t k = t_.zone_spillover_begin[z]; k < t_.zone_spillover_begin[z + 1U]; ++k) {
        const RegionKeyIndex r = t_.zone_spillover_keys[k];
        if (dense_[r] > 0.0F && t_.relation_of(c, r) == ZoneRelation::spillover &&
            !named_in(spill_reasons_begin, r)) {
          pool.push_back(r);
        }
      }
      push_reason(ReasonKind::spillover_zone, muscle, j, begin);
    }
    // The best-matching trigger point's essential keys that are not painful:
    // worth checking, and the reason essential coverage is below 1.
    std::size_t best = zones;
    float best_coverage = 0.0F;
    for (std::size_t j = 0; j < zones; ++j) {
      const std::size_t z = zone0 + j;
      const std::uint16_t size = t_.zone_essential_size[z];
      const float coverage = size == 0 ? 0.0F : zone_[z] / static_cast<float>(size);
      if (coverage > best_coverage) {
        best_coverage = coverage;
        best = j;
      }
    }
    if (best < zones) {
      const std::size_t z = zone0 + best;
      add_zone_reason(ReasonKind::zone_not_painful, muscle, best, t_.zone_essential_begin[z],
                      t_.zone_essential_begin[z + 1U], false);
    }

    // Findings, in the knowledge base's order for the muscle.
    auto& findings = d_.finding_pool;
    e.for_begin = u32(findings.size());
    for (const FindingWeight& w : muscle.findings) {
      if (state_[w.finding] == kConfirmed && w.weight > 0.0F) findings.push_back(w.finding);
    }
    e.for_count = u32(findings.size()) - e.for_begin;
    std::sort(findings.begin() + e.for_begin, findings.end());
    e.against_begin = u32(findings.size());
    for (const FindingWeight& w : muscle.findings) {
      if ((state_[w.finding] == kConfirmed && w.weight < 0.0F) ||
          (state_[w.finding] == kDenied && w.weight > 0.0F)) {
        findings.push_back(w.finding);
      }
    }
    e.against_count = u32(findings.size()) - e.against_begin;
    std::sort(findings.begin() + e.against_begin, findings.end());
    add_finding_reasons(muscle, kConfirmed, true, ReasonKind::finding_for);
    add_finding_reasons(muscle, kConfirmed, false, ReasonKind::finding_against);
    add_finding_reasons(muscle, kDenied, true, ReasonKind::denied_for);
    e.basis_count = u32(d_.reasons.size()) - e.basis_begin;
  }

 private:
  bool named_in(std::size_t reasons_begin, RegionKeyIndex r) const {
    for (std::size_t i = reasons_begin; i < d_.reasons.size(); ++i) {
      const auto& regions = d_.reasons[i].regions;
      if (std::find(regions.begin(), regions.end(), r) != regions.end()) return true;
    }
    return false;
  }

  void add_zone_reason(ReasonKind kind, const Muscle& muscle, std::size_t tp, std::uint32_t begin,
                       std::uint32_t end, bool painful) {
    const std::size_t first = d_.region_pool.size();
    for (std::uint32_t k = begin; k < end; ++k) {
      const RegionKeyIndex r = t_.zone_essential_keys[k];
      if ((dense_[r] > 0.0F) == painful) d_.region_pool.push_back(r);
    }
    push_reason(kind, muscle, tp, first);
  }

  // Closes a zone reason whose keys were pushed from `first`; drops it if empty.
  void push_reason(ReasonKind kind, const Muscle& muscle, std::size_t tp, std::size_t first) {
    auto& pool = d_.region_pool;
    if (pool.size() == first) return;
    Reason reason;
    reason.kind = kind;
    reason.trigger_point = gsl::narrow_cast<std::uint16_t>(tp);
    // The pool never reallocates (its capacity is reserved up front), so this
    // view stays valid for the Assessment's life.
    Expects(pool.size() <= pool.capacity());
    reason.regions = gsl::span<const RegionKeyIndex>(pool.data() + first, pool.size() - first);
    const auto& cite = muscle.trigger_points[tp].cite;
    reason.cite = gsl::span<const CitationIndex>(cite.data(), cite.size());
    d_.reasons.push_back(reason);
  }

  void add_finding_reasons(const Muscle& muscle, FindingState state, bool positive,
                           ReasonKind kind) {
    for (std::size_t j = 0; j < muscle.findings.size(); ++j) {
      const FindingWeight& w = muscle.findings[j];
      if (state_[w.finding] != state || (w.weight > 0.0F) != positive) continue;
      Reason reason;
      reason.kind = kind;
      reason.finding = w.finding;
      reason.finding_weight = gsl::narrow_cast<std::uint16_t>(j);
      reason.cite = gsl::span<const CitationIndex>(w.cite.data(), w.cite.size());
      d_.reasons.push_back(reason);
    }
  }

  const ScoringTables& t_;
  detail::AssessmentData& d_;
  const float* dense_;
  const float* zone_;
  const std::uint8_t* state_;
};

// The greedy set cover: repeatedly take the listed candidate that explains
// the most still-unexplained pain (intensity x zone weight). Equal gains go to
// the candidate more of whose gain lies on its own side (a muscle referring
// to both sides should be named on the side that hurts), then to the
// higher-ranked one. Stops when nothing more can be explained.
void build_cover(const KnowledgeBase& kb, const ScoringTables& t, detail::AssessmentData& d,
                 const float* dense, std::uint8_t* covered) {
  const std::size_t np = d.painful.size();
  const auto keys = kb.region_keys();
  std::fill(covered, covered + np, std::uint8_t{0});
  for (;;) {
    const detail::RankedEntry* best = nullptr;
    float best_gain = 0.0F;
    float best_own_side = 0.0F;
    for (const auto& e : d.ranked) {
      const Side side = kb.candidates()[e.candidate].side;
      float gain = 0.0F;
      float own_side = 0.0F;
      for (std::size_t i = 0; i < np; ++i) {
        if (covered[i] != 0) continue;
        const ZoneRelation rel = t.relation_of(e.candidate, d.painful[i]);
        if (rel == ZoneRelation::none) continue;
        const float g = dense[d.painful[i]] *
                        (rel == ZoneRelation::essential ? 1.0F : detail::kSpilloverWeight);
        gain += g;
        const Side region_side = keys[d.painful[i]].side;
        if (region_side == side || region_side == Side::none) own_side += g;
      }
      if (gain > best_gain || (gain == best_gain && gain > 0.0F && own_side > best_own_side)) {
        best_gain = gain;
        best_own_side = own_side;
        best = &e;
      }
    }
    if (best == nullptr) return;
    d.cover.push_back(best->candidate);
    for (std::size_t i = 0; i < np; ++i) {
      if (t.relation_of(best->candidate, d.painful[i]) != ZoneRelation::none) covered[i] = 1;
    }
  }
}

}  // namespace

Expected<Assessment> assess(const KnowledgeBase& kb, const Intake& intake) {
  if (Status valid = validate_intake(kb, intake); !valid) {
    return valid.error();
  }
  try {
    auto data = std::make_shared<detail::AssessmentData>(kb);
    detail::AssessmentData& d = *data;
    d.intake = detail::canonical(intake);
    // Triage comes first and does not depend on anything below.
    d.triage = triage(kb, d.intake);

    const ScoringTables& t = detail::scoring_tables(kb);
    const std::size_t nr = t.region_key_count;
    const std::size_t nc = t.candidate_count;
    const std::size_t nm = t.muscle_count;
    const std::size_t nf = t.finding_count;
    const std::size_t work_size = detail::scoring_work_size(t);
    // Layout: dense intensity | painful intensities | work | evidence | parts | finding state.
    WorkBuffer buffer(nr + nr + work_size + nm + 4 * nc + (nf + nr + 3) / 4 + 2);
    float* dense = buffer.data();
    float* painful_intensity = dense + nr;
    float* work = painful_intensity + nr;
    float* evidence = work + work_size;
    float* parts = evidence + nm;
    auto* finding_state = reinterpret_cast<std::uint8_t*>(parts + 4 * nc);
    std::uint8_t* covered = finding_state + nf;

    std::fill(dense, dense + nr, 0.0F);
    d.painful.reserve(d.intake.pain.size());
    for (const PainMark& m : d.intake.pain) {
      if (m.intensity <= 0) continue;  // drawn, but no pain now
      painful_intensity[d.painful.size()] = static_cast<float>(m.intensity);
      dense[m.region_key] = static_cast<float>(m.intensity);
      d.painful.push_back(m.region_key);
    }

    std::fill(evidence, evidence + nm, 0.0F);
    std::fill(finding_state, finding_state + nf, std::uint8_t{kUnknown});
    for (const FindingIndex f : d.intake.findings) {
      finding_state[f] = kConfirmed;
      for (std::uint32_t e = t.finding_begin[f]; e < t.finding_begin[f + 1U]; ++e) {
        evidence[t.finding_muscle[e]] += t.finding_weight[e];
      }
    }
    for (const FindingIndex f : d.intake.denied) {
      finding_state[f] = kDenied;
      for (std::uint32_t e = t.finding_begin[f]; e < t.finding_begin[f + 1U]; ++e) {
        if (t.finding_weight[e] > 0.0F) {
          evidence[t.finding_muscle[e]] -= detail::kDeniedShare * t.finding_weight[e];
        }
      }
    }

    d.scores.resize(nc);
    const detail::SparseDrawing drawing{d.painful.data(), painful_intensity, d.painful.size()};
    detail::score_drawing(t, drawing, evidence, work, d.scores.data(), parts);

    std::size_t listed = 0;
    for (std::size_t c = 0; c < nc; ++c) listed += d.scores[c] > 0.0F ? 1U : 0U;
    d.ranked.reserve(listed);
    std::size_t region_bound = 0;
    std::size_t finding_bound = 0;
    std::size_t reason_bound = 0;
    const std::size_t np = d.painful.size();
    for (std::size_t c = 0; c < nc; ++c) {
      if (!(d.scores[c] > 0.0F)) continue;
      detail::RankedEntry e;
      e.candidate = gsl::narrow_cast<CandidateIndex>(c);
      e.score = d.scores[c];
      e.parts = ScoreParts{parts[4 * c], parts[4 * c + 1], parts[4 * c + 2], parts[4 * c + 3]};
      d.ranked.push_back(e);
      const std::size_t zones = t.candidate_zone_begin[c + 1U] - t.candidate_zone_begin[c];
      std::size_t largest_zone = 0;
      for (std::size_t z = t.candidate_zone_begin[c]; z < t.candidate_zone_begin[c + 1U]; ++z) {
        largest_zone = std::max<std::size_t>(largest_zone, t.zone_essential_size[z]);
      }
      const std::size_t weights = kb.muscles()[t.candidate_muscle[c]].findings.size();
      // explained + unexplained + essential per zone + spillover + not painful
      region_bound += 2 * np + zones * np + np + largest_zone;
      finding_bound += weights;
      reason_bound += 2 * zones + 1 + weights;
    }
    std::sort(d.ranked.begin(), d.ranked.end(),
              [&](const detail::RankedEntry& a, const detail::RankedEntry& b) {
                if (a.score != b.score) return a.score > b.score;
                return t.candidate_key_rank[a.candidate] < t.candidate_key_rank[b.candidate];
              });

    d.region_pool.reserve(region_bound);
    d.finding_pool.reserve(finding_bound);
    d.reasons.reserve(reason_bound);
    Builder builder(t, d, dense, work + nc, finding_state);
    for (auto& e : d.ranked) builder.explain(e);
    Expects(d.region_pool.size() <= region_bound);

    build_cover(kb, t, d, dense, covered);
    for (const RegionKeyIndex r : d.painful) {
      if (t.referred[r] == 0) d.unexplained.push_back(r);
    }
    return Assessment(std::move(data));
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while assessing");
  }
}

const KnowledgeBase& Assessment::kb() const noexcept { return d_->kb; }
const Intake& Assessment::intake() const noexcept { return d_->intake; }
const Triage& Assessment::triage() const noexcept { return d_->triage; }
std::size_t Assessment::candidate_count() const noexcept { return d_->ranked.size(); }
gsl::span<const float> Assessment::scores() const noexcept { return d_->scores; }
gsl::span<const RegionKeyIndex> Assessment::painful() const noexcept { return d_->painful; }
gsl::span<const CandidateIndex> Assessment::cover() const noexcept { return d_->cover; }
gsl::span<const RegionKeyIndex> Assessment::unexplained() const noexcept {
  return d_->unexplained;
}

RankedCandidate Assessment::candidate(std::size_t rank) const {
  Expects(rank < d_->ranked.size());
  const detail::RankedEntry& e = d_->ranked[rank];
  const auto regions = [&](std::uint32_t begin, std::uint32_t count) {
    return gsl::span<const RegionKeyIndex>(d_->region_pool.data() + begin, count);
  };
  const auto findings = [&](std::uint32_t begin, std::uint32_t count) {
    return gsl::span<const FindingIndex>(d_->finding_pool.data() + begin, count);
  };
  RankedCandidate out;
  out.candidate = e.candidate;
  out.score = e.score;
  out.parts = e.parts;
  out.explained = regions(e.explained_begin, e.explained_count);
  out.unexplained = regions(e.unexplained_begin, e.unexplained_count);
  out.findings_for = findings(e.for_begin, e.for_count);
  out.findings_against = findings(e.against_begin, e.against_count);
  out.basis = gsl::span<const Reason>(d_->reasons.data() + e.basis_begin, e.basis_count);
  return out;
}

}  // namespace myoref
