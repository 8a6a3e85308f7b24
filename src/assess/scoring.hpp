// The compiled scoring tables and the one scoring kernel that assess() and
// score_batch() share (so that the two agree exactly).
//
// The tables are built once per knowledge base, when it is loaded (the
// loader's finalize() hook calls compile_scoring_tables), and are read-only
// afterwards. Everything is flat arrays indexed by dense indices: no strings,
// no maps, nothing allocated while scoring. docs/assessment.md explains the
// formula and the constants below.
#ifndef MYOREF_SRC_ASSESS_SCORING_HPP
#define MYOREF_SRC_ASSESS_SCORING_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "myoref/types.hpp"

namespace myoref {
class KnowledgeBase;
}

namespace myoref::detail {

/// How much a painful region in a spillover zone counts toward E, against 1
/// for an essential zone: spillover is where pain appears in some people only.
inline constexpr float kSpilloverWeight = 0.5F;
/// k in D = E * (k + (1 - k) * K): the share of the drawing fit that does not
/// depend on how much of the essential zone hurts, so that a muscle explaining
/// pain through its spillover zone alone still scores (low), not zero.
inline constexpr float kCoverageFloor = 0.25F;
/// The most the drawing alone can say (a perfect fit scores 0.9 with no
/// findings), leaving room for findings to raise it or lower it.
inline constexpr float kDrawingCeiling = 0.9F;
/// Each unit of finding weight multiplies the odds by exp(kFindingsScale).
inline constexpr float kFindingsScale = 1.0F;
/// A denied characteristic finding counts against with this share of its
/// weight: the absence of a symptom is weaker evidence than its presence.
inline constexpr float kDeniedShare = 0.5F;

/// How a candidate's zones relate to one region key.
enum class ZoneRelation : std::uint8_t { none = 0, spillover = 1, essential = 2 };

struct ScoringTables {
  std::size_t region_key_count = 0;
  std::size_t candidate_count = 0;
  std::size_t finding_count = 0;

  // Region key -> the candidates whose zones include it, with the weight
  // (1 essential, kSpilloverWeight spillover only). CSR: entries of region
  // key r are [referral_begin[r], referral_begin[r + 1]).
  std::vector<std::uint32_t> referral_begin;
  std::vector<CandidateIndex> referral_candidate;
  std::vector<float> referral_weight;

  // A "zone" is one trigger point of one candidate, its region keys mapped
  // through the trigger point's side relation. Zones of candidate c are
  // [candidate_zone_begin[c], candidate_zone_begin[c + 1]), in trigger-point
  // order, so zone = candidate_zone_begin[c] + trigger point index.
  std::vector<std::uint32_t> candidate_zone_begin;
  std::vector<std::uint16_t> zone_essential_size;
  std::vector<std::uint32_t> zone_essential_begin;  // CSR into zone_essential_keys
  std::vector<RegionKeyIndex> zone_essential_keys;  // sorted within a zone
  std::vector<std::uint32_t> zone_spillover_begin;  // CSR into zone_spillover_keys
  std::vector<RegionKeyIndex>
      zone_spillover_keys;  // sorted, essential ones of the same zone removed

  // For scoring, zones also sit in "slots": slot j of candidate c is its
  // trigger point j, at j * candidate_count + c, for j < slot_count (the
  // most trigger points of any muscle). Candidates with fewer trigger points
  // have empty slots (size +infinity, inverse 0), so that the per-candidate
  // pass of the kernel is a straight loop the compiler can vectorise.
  std::size_t slot_count = 0;
  std::vector<float> slot_size;          // slot_count x candidate_count
  std::vector<float> slot_inverse_size;  // slot_count x candidate_count

  // Region key -> the slots whose essential zone includes it, and each slot's
  // candidate. CSR.
  std::vector<std::uint32_t> essential_member_begin;
  std::vector<std::uint32_t> essential_member_slot;
  std::vector<CandidateIndex> essential_member_candidate;

  // candidate_count x region_key_count, row-major: the best relation of any
  // of the candidate's zones to the region key. For explanations and cover.
  std::vector<ZoneRelation> relation;

  // 1 when some candidate refers pain to the region key.
  std::vector<std::uint8_t> referred;

  // Finding -> (muscle, weight, index into Muscle::findings). CSR.
  std::vector<std::uint32_t> finding_begin;
  std::vector<MuscleIndex> finding_muscle;
  std::vector<float> finding_weight;
  std::vector<std::uint16_t> finding_weight_index;

  std::vector<MuscleIndex> candidate_muscle;
  /// Per candidate: its muscle's finding weights, and its largest essential
  /// zone (for sizing an assessment's storage before filling it).
  std::vector<std::uint16_t> candidate_finding_count;
  std::vector<std::uint16_t> candidate_largest_zone;
  /// Position of each candidate in key order: ties in score are broken by key
  /// without comparing strings.
  std::vector<std::uint16_t> candidate_key_rank;
  std::size_t muscle_count = 0;

  // Words for explanations, made once so that writing a reason is appending:
  // "top of the pelvis (left)" by region key, "back trigger point" by zone.
  std::vector<std::string> region_key_phrase;
  std::vector<std::string> zone_name;

  ZoneRelation relation_of(CandidateIndex c, RegionKeyIndex r) const noexcept {
    return relation[static_cast<std::size_t>(c) * region_key_count + r];
  }
};

/// Builds the tables from a loaded knowledge base (through its public
/// accessors only, so the loader's internals stay its own).
ScoringTables compile_scoring_tables(const KnowledgeBase& kb);

/// The tables of a knowledge base (compiled when it was loaded).
const ScoringTables& scoring_tables(const KnowledgeBase& kb) noexcept;

/// Floats of working memory score_drawing() needs for one drawing: per
/// candidate (explained intensity), per slot (essential salience), and per
/// candidate again (essential coverage K), then padding.
inline std::size_t scoring_work_size(const ScoringTables& t) noexcept {
  // And four floats of padding, so that the kernel reads the last group of
  // four candidates whole.
  return t.candidate_count * (2 + t.slot_count) + 4;
}

/// After score_drawing(): the essential salience sum of candidate c's trigger
/// point j, from its working memory.
inline float zone_salience(const ScoringTables& t, const float* work, CandidateIndex c,
                           std::size_t j) noexcept {
  return work[t.candidate_count * (1 + j) + c];
}

/// One pain drawing as its painful region keys in ascending order, with their
/// intensities (> 0). assess() and score_batch() both present drawings like
/// this, so they sum in the same order and get the same floats.
struct SparseDrawing {
  const RegionKeyIndex* keys = nullptr;
  const float* intensity = nullptr;
  std::size_t count = 0;
};

/// Scores every candidate for one drawing. `findings_evidence` is per muscle
/// (F, see docs) or null for no findings (then `parts` may be null too).
/// Writes candidate_count scores to `scores` and, when `parts` is not null,
/// four floats per candidate
/// (E, K, D, F). `work` holds scoring_work_size(t) floats; afterwards
/// zone_salience() reads it, for explanations. Allocates nothing.
void score_drawing(const ScoringTables& t, const SparseDrawing& drawing,
                   const float* findings_evidence, float* work, float* scores, float* parts);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_SCORING_HPP
