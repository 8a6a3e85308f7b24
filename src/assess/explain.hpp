// Explanations: why each listed candidate is listed, in reasons (its painful
// zones, the essential keys not drawn, the findings for and against it) and
// in lists (the painful keys it explains and those it does not, its findings
// for and against). Written into an assessment's pools, which assess() sized
// for them. The zone reasons are in explain.cpp, the finding reasons in
// explain_findings.cpp.
#ifndef MYOREF_SRC_ASSESS_EXPLAIN_HPP
#define MYOREF_SRC_ASSESS_EXPLAIN_HPP

#include <cstddef>
#include <cstdint>

#include "assess/internal.hpp"
#include "assess/painful_sets.hpp"
#include "engine/explanation_tables.hpp"
#include "engine/scoring.hpp"

namespace myoref::detail {

/// What the intake says of a finding, by finding index.
enum FindingState : std::uint8_t { kUnknown = 0, kConfirmed = 1, kDenied = 2 };

/// By muscle: whether it weighs a confirmed or denied finding, and whether
/// its reasons from findings are written yet. Only these bytes are cleared
/// per call; a muscle's MuscleFindings is written when it is explained.
enum MuscleState : std::uint8_t { kUntouched = 0, kTouched = 1, kExplained = 2 };

/// What the findings say about one muscle: the same for each of its sides,
/// so worked out for the first side listed and reused for the other. Read
/// only once its MuscleState is kExplained.
struct MuscleFindings {
  std::uint32_t reasons_begin;  // in AssessmentData::reasons
  std::uint32_t reasons_count;
  std::uint32_t for_begin, for_count;          // in finding_pool
  std::uint32_t against_begin, against_count;  // in finding_pool
};

/// Where the next key, reason and finding id go in an assessment's pools,
/// and where each pool begins (offsets are from there).
struct ExplainCursor {
  RegionKeyIndex* key_base;
  RegionKeyIndex* keys;
  Reason* reason_base;
  Reason* reasons;
  FindingIndex* finding_base;
  FindingIndex* findings;
};

/// The offset of `cursor` from `base`, as the pools count.
template <class T>
std::uint32_t offset_of(const T* cursor, const T* base) noexcept {
  return static_cast<std::uint32_t>(cursor - base);
}

/// Appends the reasons from findings of muscle `m` (for, against, denied,
/// each kind in the muscle's order) and its for / against lists (in
/// knowledge-base finding order), and records them in `done` (and
/// `muscle_state` as kExplained); when they are there already (the muscle's
/// other side), copies its reasons. `state`: each finding's FindingState.
void explain_findings(const ExplanationTables& x, MuscleIndex m, const std::uint8_t* state,
                      std::uint8_t& muscle_state, MuscleFindings& done, ExplainCursor& out);

/// Builds the listed candidates' explanations into the pools, which were
/// sized for them. Leaves, by rank, the painful keys each candidate's zones
/// cover and those in its essential zones (`ranked_sets`: two sets per
/// rank), for the cover. `muscle_state` (a MuscleState by muscle) and
/// `muscle_findings` are null when no finding was answered.
template <std::size_t kWords>
void explain_all(const ScoringTables& t, const ExplanationTables& x,
                 const ZoneSets<kWords>& zone_sets, AssessmentData& d, const std::uint8_t* near,
                 const float* work, const std::uint8_t* state, std::uint8_t* muscle_state,
                 MuscleFindings* muscle_findings, PainfulWord* ranked_sets);

extern template void explain_all<0>(const ScoringTables&, const ExplanationTables&,
                                    const ZoneSets<0>&, AssessmentData&, const std::uint8_t*,
                                    const float*, const std::uint8_t*, std::uint8_t*,
                                    MuscleFindings*, PainfulWord*);
extern template void explain_all<1>(const ScoringTables&, const ExplanationTables&,
                                    const ZoneSets<1>&, AssessmentData&, const std::uint8_t*,
                                    const float*, const std::uint8_t*, std::uint8_t*,
                                    MuscleFindings*, PainfulWord*);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_EXPLAIN_HPP
