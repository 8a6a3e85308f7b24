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
#include <new>
#include <optional>
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

/// The kernel works on up to 16 candidates at a time (one AVX-512 vector of
/// floats); arrays by candidate are padded to a multiple of this.
inline constexpr std::size_t kCandidateBlock = 16;
/// The most slots (trigger points per candidate) the wide paths pass over as
/// vectors; the AVX-512 kernel keeps that many sums per block in registers.
inline constexpr std::size_t kMaxDenseSlots = 4;
/// Essential members per region key in ScoringTables::padded_member_slot
/// (the default base: 4.2 on average, 8 or fewer for all but 13 of 179 keys).
inline constexpr std::size_t kPaddedMembers = 8;

/// An allocator of cache-line-aligned memory, so that a vector of the
/// kernel's tables starts a cache line and a row of 16 floats never spans two.
template <class T>
struct CacheLineAllocator {
  using value_type = T;
  static constexpr std::align_val_t kAlignment{64};
  CacheLineAllocator() = default;
  // Implicit, as containers convert allocators between element types.
  template <class U>
  CacheLineAllocator(const CacheLineAllocator<U>& /*other*/) noexcept {}  // NOLINT
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlignment)); }
  void deallocate(T* p, std::size_t /*n*/) noexcept { ::operator delete(p, kAlignment); }
  template <class U>
  bool operator==(const CacheLineAllocator<U>& /*other*/) const noexcept {
    return true;
  }
  template <class U>
  bool operator!=(const CacheLineAllocator<U>& /*other*/) const noexcept {
    return false;
  }
};
using AlignedFloats = std::vector<float, CacheLineAllocator<float>>;

/// How a candidate's zones relate to one region key.
enum class ZoneRelation : std::uint8_t { none = 0, spillover = 1, essential = 2 };

struct ScoringTables {
  std::size_t region_key_count = 0;
  std::size_t candidate_count = 0;
  std::size_t finding_count = 0;

  // The kernel's per-candidate arrays are padded to candidate_stride (a
  // multiple of kCandidateBlock), so that it works on whole vectors of
  // candidates; padding lanes hold weights of 0 and empty slots.
  std::size_t candidate_stride = 0;

  // Region key r -> row r of referral_weight: for every candidate, the weight
  // its zones give r (1 essential, kSpilloverWeight spillover only, 0 none).
  // region_key_count x candidate_stride. Dense, for the AVX2 and AVX-512
  // paths: a painful key adds to whole vectors of candidates in registers
  // rather than to scattered memory; adding its 0 to the candidates that do
  // not refer to it changes no bit of their sums.
  AlignedFloats referral_weight;
  // The same as lists, for the scalar and SSE2 paths, for which a scatter
  // over a key's few candidates (three in the default base) costs less than
  // a pass over all of them. CSR: entries of region key r are
  // [referral_begin[r], referral_begin[r + 1]).
  std::vector<std::uint32_t> referral_begin;
  std::vector<CandidateIndex> referral_candidate;
  std::vector<float> referral_candidate_weight;

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
  // Parallel to zone_essential_keys: 1 where the trigger point lists the key
  // itself, 0 where it is there by widening (a coarse region's part, or a
  // part's coarse region).
  std::vector<std::uint8_t> zone_essential_listed;
  // Region key -> the keys it overlaps: its parts when coarse, its coarse
  // regions when a part. CSR.
  std::vector<std::uint32_t> relative_begin;
  std::vector<RegionKeyIndex> relative_key;

  // For scoring, zones also sit in "slots": slot j of candidate c is its
  // trigger point j, at j * candidate_stride + c, for j < slot_count (the
  // most trigger points of any muscle). Candidates with fewer trigger points
  // (and the padding) have empty slots (size +infinity, inverse 0), so that
  // the per-candidate pass of the kernel is a straight pass over vectors.
  std::size_t slot_count = 0;
  AlignedFloats slot_size;          // slot_count x candidate_stride
  AlignedFloats slot_inverse_size;  // slot_count x candidate_stride

  // The wide paths (AVX2, AVX-512) pass over the first dense_slot_count
  // slots of every candidate as whole vectors; the few trigger points beyond
  // them (the "overflow": in the default base, those of the two muscles with
  // four and six) are summed one by one, through the lists below, and their
  // coverage joins the vector pass as one more max. One muscle with many
  // trigger points thus costs a few scalar adds, not a vector pass per
  // extra slot over every candidate. dense_slot_count is the smallest count
  // (at most kMaxDenseSlots) that leaves at most kCandidateBlock overflow
  // slots; the narrow paths use the lists of every slot and ignore it.
  std::size_t dense_slot_count = 0;
  // Region key -> the overflow slots whose essential zone includes it. CSR.
  std::vector<std::uint32_t> overflow_member_begin;
  std::vector<std::uint32_t> overflow_member_slot;
  // Every overflow slot (ascending), and its candidate.
  std::vector<std::uint32_t> overflow_slot;
  std::vector<CandidateIndex> overflow_candidate;

  // The essential members again, for the AVX-512 batch kernel, with a fixed
  // number per region key so that adding a key's salience to its slots is a
  // loop the branch predictor need not learn: kPaddedMembers slots per key,
  // the unused ones pointing into the work area's explained-intensity row
  // (which that kernel keeps in registers and never reads), one distinct
  // float each; a key with more members has the rest in the CSR lists below.
  std::vector<std::uint32_t> padded_member_slot;  // region_key_count x kPaddedMembers
  std::vector<std::uint32_t> extra_member_begin;  // CSR into extra_member_slot
  std::vector<std::uint32_t> extra_member_slot;

  // Region key -> the slots whose essential zone includes it, and each
  // slot's candidate. CSR.
  std::vector<std::uint32_t> essential_member_begin;
  std::vector<std::uint32_t> essential_member_slot;
  std::vector<CandidateIndex> essential_member_candidate;
  // The same as bit masks, for the dense slots: [r][b][j] (region key, block
  // of kCandidateBlock candidates, slot j < dense_slot_count) has bit l set
  // when slot j of candidate b * kCandidateBlock + l holds region key r in its
  // essential zone.
  std::vector<std::uint16_t> essential_mask;

  // 1 when some candidate refers pain to the region key.
  std::vector<std::uint8_t> referred;

  // Finding -> (muscle, weight, index into Muscle::findings). CSR.
  std::vector<std::uint32_t> finding_begin;
  std::vector<MuscleIndex> finding_muscle;
  /// The weight in thousandths: the knowledge base gives weights to the
  /// thousandth (its loader refuses finer ones), so this is the author's
  /// number, and assessments sum it exactly.
  std::vector<std::int32_t> finding_weight_thousandths;

  std::vector<MuscleIndex> candidate_muscle;
  /// Per candidate: its muscle's finding weights, and its largest essential
  /// zone (for sizing an assessment's storage before filling it).
  std::vector<std::uint16_t> candidate_finding_count;
  std::vector<std::uint16_t> candidate_largest_zone;
  /// Position of each candidate in the order of muscle id, then side (left
  /// before right): ties in score are broken by it without comparing strings,
  /// in an order that a mirrored drawing keeps.
  std::vector<std::uint16_t> candidate_key_rank;
  std::size_t muscle_count = 0;

  // Words for explanations, made once so that writing a reason is appending:
  // "top of the pelvis (left)" by region key, "back trigger point" by zone.
  std::vector<std::string> region_key_phrase;
  std::vector<std::string> zone_name;
};

/// Builds the tables from a loaded knowledge base (through its public
/// accessors only, so the loader's internals stay its own).
ScoringTables compile_scoring_tables(const KnowledgeBase& kb);

/// The tables of a knowledge base (compiled when it was loaded).
const ScoringTables& scoring_tables(const KnowledgeBase& kb) noexcept;

/// Floats of working memory the kernel needs for one drawing, in arrays of
/// candidate_stride floats: the essential salience sums by slot (slot_count
/// arrays), then by candidate: K as the scalar and SSE2 paths build it, the
/// explained intensity, and E, K and D (for score_drawing's `parts`).
inline std::size_t scoring_work_size(const ScoringTables& t) noexcept {
  return (t.slot_count + 5) * t.candidate_stride;
}
/// Where E, K and D start in the work area (after score_drawing with parts).
inline std::size_t scoring_work_parts(const ScoringTables& t) noexcept {
  return (t.slot_count + 2) * t.candidate_stride;
}

/// After score_drawing(): the essential salience sum of candidate c's trigger
/// point j, from its working memory.
inline float zone_salience(const ScoringTables& t, const float* work, CandidateIndex c,
                           std::size_t j) noexcept {
  return work[j * t.candidate_stride + c];
}

/// One pain drawing as its painful region keys in ascending order, with their
/// intensities (> 0). assess() and score_batch() both present drawings like
/// this, so they sum in the same order and get the same floats.
struct SparseDrawing {
  const RegionKeyIndex* keys = nullptr;
  const float* intensity = nullptr;
  std::size_t count = 0;
};

/// The instruction sets the scoring kernel is compiled for. Every path does
/// the same floating-point operations in the same order on each candidate
/// (vectors only do several candidates at once), so all give the same bits;
/// the unit tests hold them to it. avx2 and avx512 exist on x86-64 with GCC
/// or Clang only, compiled through function attributes (the build needs no
/// -mavx2) and chosen at run time by what the CPU and the OS support.
enum class ScoringPath : std::uint8_t {
  scalar,  ///< one candidate at a time, plain C++
  sse2,    ///< 4 candidates at a time (x86-64 baseline)
  avx2,    ///< 8 at a time
  avx512,  ///< 16 at a time (AVX-512 F, BW and VL)
};

/// Whether `path` is compiled in and this CPU (and OS) can run it.
bool scoring_path_supported(ScoringPath path) noexcept;
/// The path scoring uses: the override if one is set, else the widest
/// supported one (decided once per process).
ScoringPath scoring_path() noexcept;
/// For tests and benchmarks: makes scoring_path() return `path` (which must be
/// supported) until it is called again with std::nullopt. Not meant for use
/// while another thread scores.
void override_scoring_path(std::optional<ScoringPath> path) noexcept;

/// Scores every candidate for one drawing. `findings_evidence` is per muscle
/// (F, see docs) or null for no findings (then `parts` may be null too).
/// Writes candidate_count scores to `scores` and, when `parts` is not null,
/// four floats per candidate
/// (E, K, D, F). `work` holds scoring_work_size(t) floats (any contents);
/// afterwards zone_salience() reads it, for explanations. Allocates nothing.
void score_drawing(const ScoringTables& t, const SparseDrawing& drawing,
                   const float* findings_evidence, float* work, float* scores, float* parts);
/// The same on a given (supported) path.
void score_drawing(ScoringPath path, const ScoringTables& t, const SparseDrawing& drawing,
                   const float* findings_evidence, float* work, float* scores, float* parts);

/// Entries of RowScratch::keys and ::intensity: a row's painful keys, and
/// room for a vector store of kCandidateBlock past the last one.
inline std::size_t row_scratch_size(const ScoringTables& t) noexcept {
  return t.region_key_count + kCandidateBlock;
}

/// Working memory for score_rows(): one drawing's painful keys and
/// intensities (row_scratch_size each) and the kernel's work area
/// (scoring_work_size floats), which must be all zero on the first call;
/// each path leaves it as its next row (and next call) needs it: the generic
/// kernels on wide vectors (AVX2, AVX-512) put the salience sums back to
/// zero after each row rather than clearing them before, and the others
/// clear what they use.
struct RowScratch {
  RegionKeyIndex* keys = nullptr;
  float* intensity = nullptr;
  float* work = nullptr;
};

/// Whether every value is an intensity (0..10; a float NaN is not), on
/// `path`: score_batch()'s check of its input, a pass over every value.
bool all_intensities(ScoringPath path, const std::uint8_t* values, std::size_t count) noexcept;
bool all_intensities(ScoringPath path, const float* values, std::size_t count) noexcept;

/// Scores `n` dense rows of region_key_count intensities (already checked to
/// be 0..10; a float row's painful keys are those > 0) into `n` rows of
/// candidate_count scores, each equal to score_drawing() of the row's
/// painful keys with no findings. The batch loop of score_batch().
void score_rows(ScoringPath path, const ScoringTables& t, const std::uint8_t* rows, std::size_t n,
                float* out, const RowScratch& scratch) noexcept;
void score_rows(ScoringPath path, const ScoringTables& t, const float* rows, std::size_t n,
                float* out, const RowScratch& scratch) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_SCORING_HPP
