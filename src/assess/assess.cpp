// assess(): triage first, then the scores, the ranking, each listed
// candidate's explanations and the set cover.
//
// Budget: about 2 microseconds for a five-mark intake with explanations. So:
// one pass of the shared kernel over the painful region keys, working memory
// on the stack, and the result's arrays in one block whose size is worked
// out before anything is written (the spans in Reason point into it).
#include <algorithm>
#include <array>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

#include <gsl/assert>
#include <gsl/narrow>

#include "assess/internal.hpp"
#include "assess/scoring.hpp"

namespace myoref {
namespace {

using detail::Pool;
using detail::ScoringTables;
using detail::ZoneRelation;

/// Working floats for one call: on the stack for knowledge bases of ordinary
/// size, on the heap for very large ones.
class WorkBuffer {
 public:
  // stack_ is scratch, written before it is read.
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
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

std::uint32_t u32(std::size_t n) {
  return gsl::narrow_cast<std::uint32_t>(n);
}

/// Lays pools out in one block: reserve() each (which gives its offset),
/// allocate() once, then bind() each pool to its place.
class Layout {
 public:
  template <class T>
  std::size_t reserve(Pool<T>& pool, std::size_t capacity) {
    static_assert(std::is_trivially_destructible<T>::value, "pools never run destructors");
    bytes_ = (bytes_ + alignof(T) - 1) / alignof(T) * alignof(T);
    const std::size_t offset = bytes_;
    pool.capacity = u32(capacity);
    pool.size = 0;
    bytes_ += capacity * sizeof(T);
    return offset;
  }

  std::unique_ptr<std::max_align_t[]> allocate() const {
    const std::size_t words = (bytes_ + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    // Default-initialised: every element is written before it is read.
    return std::unique_ptr<std::max_align_t[]>(
        new std::max_align_t[std::max<std::size_t>(words, 1)]);
  }

  template <class T>
  static void bind(Pool<T>& pool, std::max_align_t* block, std::size_t offset) {
    unsigned char* base = reinterpret_cast<unsigned char*>(block);
    pool.data = static_cast<T*>(static_cast<void*>(base + offset));
  }

 private:
  std::size_t bytes_ = 0;
};

/// A stable sort for the few reasons of one candidate; std::stable_sort
/// would allocate a buffer.
void sort_by_kind(Reason* first, Reason* last) {
  for (Reason* i = first + 1; i < last; ++i) {
    const Reason moving = *i;
    Reason* j = i;
    for (; j > first && (j - 1)->kind > moving.kind; --j)
      *j = *(j - 1);
    *j = moving;
  }
}

/// Listed candidates for which build_cover() keeps bit masks on the stack.
constexpr std::uint32_t kMaxMaskedCandidates = 512;

/// The index of the lowest set bit of a non-zero mask.
inline unsigned lowest_bit64(std::uint64_t mask) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<unsigned>(__builtin_ctzll(mask));
#else
  unsigned k = 0;
  while ((mask & 1U) == 0) {
    mask >>= 1U;
    ++k;
  }
  return k;
#endif
}

/// Insertion sort for the handful of finding ids of one candidate: a call of
/// std::sort costs more than sorting two or three values.
void sort_small(FindingIndex* first, FindingIndex* last) {
  if (first == last)
    return;
  for (FindingIndex* i = first + 1; i < last; ++i) {
    const FindingIndex moving = *i;
    FindingIndex* j = i;
    for (; j > first && *(j - 1) > moving; --j)
      *j = *(j - 1);
    *j = moving;
  }
}

/// Builds one listed candidate's explanations into the pools.
class Explainer {
 public:
  Explainer(const ScoringTables& t, const KnowledgeBase& kb, detail::AssessmentData& d,
            const float* dense, const float* work, const std::uint8_t* finding_state)
      : t_(t),
        muscles_(kb.muscles().data()),
        d_(d),
        dense_(dense),
        work_(work),
        state_(finding_state) {}

  void explain(detail::RankedEntry& e) {
    const CandidateIndex c = e.candidate;
    const Muscle& muscle = muscles_[t_.candidate_muscle[c]];
    Pool<RegionKeyIndex>& pool = d_.region_pool;
    const RegionKeyIndex* painful = d_.painful.data;
    const std::uint32_t np = d_.painful.size;
    const ZoneRelation* relation =
        t_.relation.data() + static_cast<std::size_t>(c) * t_.region_key_count;

    e.explained_begin = pool.size;
    for (std::uint32_t i = 0; i < np; ++i) {
      if (relation[painful[i]] != ZoneRelation::none)
        pool.push_back(painful[i]);
    }
    e.explained_count = pool.size - e.explained_begin;
    e.unexplained_begin = pool.size;
    for (std::uint32_t i = 0; i < np; ++i) {
      if (relation[painful[i]] == ZoneRelation::none)
        pool.push_back(painful[i]);
    }
    e.unexplained_count = pool.size - e.unexplained_begin;

    e.basis_begin = d_.reasons.size;
    const std::uint32_t zone0 = t_.candidate_zone_begin[c];
    const std::uint32_t zones = t_.candidate_zone_begin[c + 1U] - zone0;
    // Essential zones: the painful keys each trigger point's essential zone covers.
    for (std::uint32_t j = 0; j < zones; ++j) {
      const std::uint32_t z = zone0 + j;
      const std::uint32_t first = pool.size;
      for (std::uint32_t k = t_.zone_essential_begin[z]; k < t_.zone_essential_begin[z + 1U]; ++k) {
        const RegionKeyIndex r = t_.zone_essential_keys[k];
        if (dense_[r] > 0.0F)
          pool.push_back(r);
      }
      close_zone_reason(ReasonKind::essential_zone, muscle, j, first);
    }
    // Spillover: painful keys no essential zone of this candidate covers, each
    // named once, under the first trigger point that spills there.
    const std::uint32_t spill_first = pool.size;
    for (std::uint32_t j = 0; j < zones; ++j) {
      const std::uint32_t z = zone0 + j;
      const std::uint32_t first = pool.size;
      for (std::uint32_t k = t_.zone_spillover_begin[z]; k < t_.zone_spillover_begin[z + 1U]; ++k) {
        const RegionKeyIndex r = t_.zone_spillover_keys[k];
        if (dense_[r] > 0.0F && relation[r] == ZoneRelation::spillover &&
            std::find(pool.data + spill_first, pool.end(), r) == pool.end()) {
          pool.push_back(r);
        }
      }
      close_zone_reason(ReasonKind::spillover_zone, muscle, j, first);
    }
    // The best-matching trigger point's essential keys that are not painful:
    // worth checking, and why essential coverage is below 1.
    std::uint32_t best = zones;
    float best_coverage = 0.0F;
    for (std::uint32_t j = 0; j < zones; ++j) {
      const std::uint16_t size = t_.zone_essential_size[zone0 + j];
      const float coverage =
          size == 0 ? 0.0F : detail::zone_salience(t_, work_, c, j) / static_cast<float>(size);
      if (coverage > best_coverage) {
        best_coverage = coverage;
        best = j;
      }
    }
    if (best < zones) {
      const std::uint32_t z = zone0 + best;
      const std::uint32_t first = pool.size;
      for (std::uint32_t k = t_.zone_essential_begin[z]; k < t_.zone_essential_begin[z + 1U]; ++k) {
        const RegionKeyIndex r = t_.zone_essential_keys[k];
        if (!(dense_[r] > 0.0F))
          pool.push_back(r);
      }
      close_zone_reason(ReasonKind::zone_not_painful, muscle, best, first);
    }
    explain_findings(e, muscle);
    e.basis_count = d_.reasons.size - e.basis_begin;
  }

 private:
  // One pass over the muscle's finding weights: the for / against lists (in
  // knowledge-base finding order) and the reasons (for, against, denied; each
  // in the muscle's order).
  void explain_findings(detail::RankedEntry& e, const Muscle& muscle) {
    Pool<FindingIndex>& findings = d_.finding_pool;
    const std::uint32_t reasons_first = d_.reasons.size;
    const FindingWeight* weights = muscle.findings.data();
    const std::size_t count = muscle.findings.size();
    e.for_begin = findings.size;
    for (std::size_t j = 0; j < count; ++j) {
      const FindingWeight& w = weights[j];
      const std::uint8_t state = state_[w.finding];
      if (state == kUnknown)
        continue;
      ReasonKind kind = ReasonKind::finding_for;
      if (state == kConfirmed) {
        kind = w.weight > 0.0F ? ReasonKind::finding_for : ReasonKind::finding_against;
      } else if (w.weight > 0.0F) {
        kind = ReasonKind::denied_for;
      } else {
        continue;  // denying what counts against a muscle says little either way
      }
      Reason reason;
      reason.kind = kind;
      reason.finding = w.finding;
      reason.finding_weight = gsl::narrow_cast<std::uint16_t>(j);
      reason.cite = gsl::span<const CitationIndex>(w.cite.data(), w.cite.size());
      d_.reasons.push_back(reason);
      if (kind == ReasonKind::finding_for)
        findings.push_back(w.finding);
    }
    e.for_count = findings.size - e.for_begin;
    e.against_begin = findings.size;
    for (std::uint32_t i = reasons_first; i < d_.reasons.size; ++i) {
      if (d_.reasons[i].kind != ReasonKind::finding_for)
        findings.push_back(d_.reasons[i].finding);
    }
    e.against_count = findings.size - e.against_begin;
    sort_small(findings.data + e.for_begin, findings.data + e.against_begin);
    sort_small(findings.data + e.against_begin, findings.end());
    sort_by_kind(d_.reasons.data + reasons_first, d_.reasons.end());
  }

  // Closes a zone reason whose keys were pushed from `first`; none if empty.
  void close_zone_reason(ReasonKind kind, const Muscle& muscle, std::uint32_t tp,
                         std::uint32_t first) {
    const Pool<RegionKeyIndex>& pool = d_.region_pool;
    if (pool.size == first)
      return;
    Reason reason;
    reason.kind = kind;
    reason.trigger_point = gsl::narrow_cast<std::uint16_t>(tp);
    reason.regions = pool.view(first, pool.size - first);
    const auto& cite = muscle.trigger_points[tp].cite;
    reason.cite = gsl::span<const CitationIndex>(cite.data(), cite.size());
    d_.reasons.push_back(reason);
  }

  const ScoringTables& t_;
  const Muscle* muscles_;
  detail::AssessmentData& d_;
  const float* dense_;
  const float* work_;  // the kernel's working memory, read through zone_salience()
  const std::uint8_t* state_;
};

// The greedy set cover: repeatedly take the listed candidate that explains
// the most still-unexplained pain (intensity x zone weight). Equal gains go to
// the candidate more of whose gain lies on its own side (a muscle referring
// to both sides should be named on the side that hurts), then to the
// higher-ranked one. Stops when nothing more can be explained.
void build_cover(const KnowledgeBase& kb, const ScoringTables& t, detail::AssessmentData& d,
                 const float* dense, std::uint8_t* covered) {
  const std::uint32_t np = d.painful.size;
  const RegionKey* keys = kb.region_keys().data();
  const Candidate* candidates = kb.candidates().data();
  std::fill(covered, covered + np, std::uint8_t{0});
  // With at most 64 painful keys (every drawing people make), the painful keys
  // each listed candidate explains are a bit mask, and a candidate whose keys
  // are all covered is passed over in one test. Gains are summed over the same
  // keys in the same order as in the general loop below: the same floats.
  if (np <= 64 && d.ranked.size <= kMaxMaskedCandidates) {
    std::uint64_t explains[kMaxMaskedCandidates];
    for (std::uint32_t k = 0; k < d.ranked.size; ++k) {
      std::uint64_t mask = 0;
      for (std::uint32_t i = 0; i < np; ++i) {
        if (t.relation_of(d.ranked[k].candidate, d.painful[i]) != ZoneRelation::none) {
          mask |= std::uint64_t{1} << i;
        }
      }
      explains[k] = mask;
    }
    std::uint64_t open = np == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << np) - 1U;
    for (;;) {
      std::uint32_t best = d.ranked.size;
      float best_gain = 0.0F;
      float best_own_side = 0.0F;
      for (std::uint32_t k = 0; k < d.ranked.size; ++k) {
        std::uint64_t left = explains[k] & open;
        if (left == 0)
          continue;
        const CandidateIndex c = d.ranked[k].candidate;
        const Side side = candidates[c].side;
        float gain = 0.0F;
        float own_side = 0.0F;
        for (; left != 0; left &= left - 1U) {
          const RegionKeyIndex r = d.painful[lowest_bit64(left)];
          const float g =
              dense[r] *
              (t.relation_of(c, r) == ZoneRelation::essential ? 1.0F : detail::kSpilloverWeight);
          gain += g;
          const Side region_side = keys[r].side;
          if (region_side == side || region_side == Side::none)
            own_side += g;
        }
        if (gain > best_gain || (gain == best_gain && gain > 0.0F && own_side > best_own_side)) {
          best_gain = gain;
          best_own_side = own_side;
          best = k;
        }
      }
      if (best == d.ranked.size)
        return;
      d.cover.push_back(d.ranked[best].candidate);
      open &= ~explains[best];
    }
  }
  for (;;) {
    const detail::RankedEntry* best = nullptr;
    float best_gain = 0.0F;
    float best_own_side = 0.0F;
    for (const detail::RankedEntry& e : d.ranked) {
      const Side side = candidates[e.candidate].side;
      float gain = 0.0F;
      float own_side = 0.0F;
      for (std::uint32_t i = 0; i < np; ++i) {
        if (covered[i] != 0)
          continue;
        const ZoneRelation rel = t.relation_of(e.candidate, d.painful[i]);
        if (rel == ZoneRelation::none)
          continue;
        const float g = dense[d.painful[i]] *
                        (rel == ZoneRelation::essential ? 1.0F : detail::kSpilloverWeight);
        gain += g;
        const Side region_side = keys[d.painful[i]].side;
        if (region_side == side || region_side == Side::none)
          own_side += g;
      }
      if (gain > best_gain || (gain == best_gain && gain > 0.0F && own_side > best_own_side)) {
        best_gain = gain;
        best_own_side = own_side;
        best = &e;
      }
    }
    if (best == nullptr)
      return;
    d.cover.push_back(best->candidate);
    for (std::uint32_t i = 0; i < np; ++i) {
      if (t.relation_of(best->candidate, d.painful[i]) != ZoneRelation::none)
        covered[i] = 1;
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
    // dense intensity | painful intensities | work | evidence | parts | scores |
    // painful keys (16-bit) | finding state and cover flags (bytes)
    WorkBuffer buffer(2 * nr + work_size + nm + 5 * nc + (nr + 1) / 2 + (nf + nr + 3) / 4 + 2);
    float* dense = buffer.data();
    float* painful_intensity = dense + nr;
    float* work = painful_intensity + nr;
    float* evidence = work + work_size;
    float* parts = evidence + nm;
    float* scores = parts + 4 * nc;
    auto* painful_keys = reinterpret_cast<RegionKeyIndex*>(scores + nc);
    auto* finding_state = reinterpret_cast<std::uint8_t*>(scores + nc + (nr + 1) / 2);
    std::uint8_t* covered = finding_state + nf;

    std::fill(dense, dense + nr, 0.0F);
    std::size_t np = 0;
    for (const PainMark& m : d.intake.pain) {
      if (m.intensity <= 0)
        continue;  // drawn, but no pain now
      painful_keys[np] = m.region_key;
      painful_intensity[np] = static_cast<float>(m.intensity);
      dense[m.region_key] = static_cast<float>(m.intensity);
      ++np;
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

    const detail::SparseDrawing drawing{painful_keys, painful_intensity, np};
    detail::score_drawing(t, drawing, evidence, work, scores, parts);

    // Size every array of the result, then allocate them together.
    std::size_t listed = 0;
    std::size_t region_bound = 0;
    std::size_t finding_bound = 0;
    std::size_t reason_bound = 0;
    for (std::size_t c = 0; c < nc; ++c) {
      if (!(scores[c] > 0.0F))
        continue;
      ++listed;
      const std::size_t zones = t.candidate_zone_begin[c + 1U] - t.candidate_zone_begin[c];
      // explained + unexplained, essential per zone, spillover, not painful
      region_bound += 2 * np + zones * np + np + t.candidate_largest_zone[c];
      finding_bound += t.candidate_finding_count[c];
      reason_bound += 2 * zones + 1 + t.candidate_finding_count[c];
    }
    Layout layout;
    const std::size_t at_reasons = layout.reserve(d.reasons, reason_bound);
    const std::size_t at_ranked = layout.reserve(d.ranked, listed);
    const std::size_t at_scores = layout.reserve(d.scores, nc);
    const std::size_t at_painful = layout.reserve(d.painful, np);
    const std::size_t at_cover = layout.reserve(d.cover, np);
    const std::size_t at_unexplained = layout.reserve(d.unexplained, np);
    const std::size_t at_regions = layout.reserve(d.region_pool, region_bound);
    const std::size_t at_findings = layout.reserve(d.finding_pool, finding_bound);
    d.storage = layout.allocate();
    std::max_align_t* block = d.storage.get();
    Layout::bind(d.reasons, block, at_reasons);
    Layout::bind(d.ranked, block, at_ranked);
    Layout::bind(d.scores, block, at_scores);
    Layout::bind(d.painful, block, at_painful);
    Layout::bind(d.cover, block, at_cover);
    Layout::bind(d.unexplained, block, at_unexplained);
    Layout::bind(d.region_pool, block, at_regions);
    Layout::bind(d.finding_pool, block, at_findings);

    for (std::size_t c = 0; c < nc; ++c)
      d.scores.push_back(scores[c]);
    for (std::size_t i = 0; i < np; ++i)
      d.painful.push_back(painful_keys[i]);
    for (std::size_t c = 0; c < nc; ++c) {
      if (!(scores[c] > 0.0F))
        continue;
      detail::RankedEntry e;
      e.candidate = gsl::narrow_cast<CandidateIndex>(c);
      e.score = scores[c];
      e.parts = ScoreParts{parts[4 * c], parts[4 * c + 1], parts[4 * c + 2], parts[4 * c + 3]};
      d.ranked.push_back(e);
    }
    std::sort(d.ranked.begin(), d.ranked.end(),
              [&](const detail::RankedEntry& a, const detail::RankedEntry& b) {
                if (a.score != b.score)
                  return a.score > b.score;
                return t.candidate_key_rank[a.candidate] < t.candidate_key_rank[b.candidate];
              });

    Explainer explainer(t, kb, d, dense, work, finding_state);
    for (detail::RankedEntry& e : d.ranked)
      explainer.explain(e);

    build_cover(kb, t, d, dense, covered);
    for (std::size_t i = 0; i < np; ++i) {
      if (t.referred[painful_keys[i]] == 0)
        d.unexplained.push_back(painful_keys[i]);
    }
    return Assessment(std::move(data));
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while assessing");
  }
}

const KnowledgeBase& Assessment::kb() const noexcept {
  return d_->kb;
}
const Intake& Assessment::intake() const noexcept {
  return d_->intake;
}
const Triage& Assessment::triage() const noexcept {
  return d_->triage;
}
std::size_t Assessment::candidate_count() const noexcept {
  return d_->ranked.size;
}
gsl::span<const float> Assessment::scores() const noexcept {
  return d_->scores.view();
}
gsl::span<const RegionKeyIndex> Assessment::painful() const noexcept {
  return d_->painful.view();
}
gsl::span<const CandidateIndex> Assessment::cover() const noexcept {
  return d_->cover.view();
}
gsl::span<const RegionKeyIndex> Assessment::unexplained() const noexcept {
  return d_->unexplained.view();
}

RankedCandidate Assessment::candidate(std::size_t rank) const {
  Expects(rank < d_->ranked.size);
  const detail::RankedEntry& e = d_->ranked[rank];
  RankedCandidate out;
  out.candidate = e.candidate;
  out.score = e.score;
  out.parts = e.parts;
  out.explained = d_->region_pool.view(e.explained_begin, e.explained_count);
  out.unexplained = d_->region_pool.view(e.unexplained_begin, e.unexplained_count);
  out.findings_for = d_->finding_pool.view(e.for_begin, e.for_count);
  out.findings_against = d_->finding_pool.view(e.against_begin, e.against_count);
  out.basis = d_->reasons.view(e.basis_begin, e.basis_count);
  return out;
}

}  // namespace myoref
