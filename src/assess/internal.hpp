// Pieces shared by the files of src/assess/.
#ifndef MYOREF_SRC_ASSESS_INTERNAL_HPP
#define MYOREF_SRC_ASSESS_INTERNAL_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assess/json_writer.hpp"
#include "myoref/assess.hpp"

namespace boost::json {
class value;
}

namespace myoref::detail {

inline constexpr int kMaxIntensity = 10;
inline constexpr int kMaxAge = 120;
inline constexpr int kMaxDurationDays = 36500;  // a hundred years: anything longer is a typo

/// Where ranked candidate i's lists live in AssessmentData's pools.
struct RankedEntry {
  CandidateIndex candidate = 0;
  float score = 0.0F;
  ScoreParts parts;
  std::uint32_t explained_begin = 0, explained_count = 0;      // region_pool
  std::uint32_t unexplained_begin = 0, unexplained_count = 0;  // region_pool
  std::uint32_t for_begin = 0, for_count = 0;                  // finding_pool
  std::uint32_t against_begin = 0, against_count = 0;          // finding_pool
  std::uint32_t basis_begin = 0, basis_count = 0;              // reasons
};

/// Everything an Assessment holds. Built once by assess(), then immutable:
/// the spans inside `reasons` point into `region_pool` and into the kb.
struct AssessmentData {
  explicit AssessmentData(KnowledgeBase knowledge_base) : kb(std::move(knowledge_base)) {}

  KnowledgeBase kb;
  Intake intake;  // canonical
  Triage triage;
  std::vector<float> scores;  // by candidate index
  std::vector<RegionKeyIndex> painful;
  std::vector<CandidateIndex> cover;
  std::vector<RegionKeyIndex> unexplained;
  std::vector<RankedEntry> ranked;
  std::vector<RegionKeyIndex> region_pool;
  std::vector<FindingIndex> finding_pool;
  std::vector<Reason> reasons;
};

/// parse_intake() after the JSON text is parsed: reads an intake from a JSON
/// value (paths relative to it).
Expected<Intake> read_intake(const KnowledgeBase& kb, const boost::json::value& root,
                             const IntakeLimits& limits);

/// The intake with every list sorted by knowledge-base index (the canonical
/// order that JSON output and scoring use).
Intake canonical(const Intake& intake);

/// Writes a canonical intake as the contract's Intake object.
void write_intake(JsonWriter& w, const KnowledgeBase& kb, const Intake& intake);

/// "upper buttock": a region or text in running prose (first letter lowered
/// unless the word looks like an acronym).
std::string lower_first(std::string_view text);

/// "top of the pelvis (left)" / "sacrum".
std::string region_key_phrase(const KnowledgeBase& kb, RegionKeyIndex key);

/// "top of the pelvis (left); sacrum".
std::string region_key_phrases(const KnowledgeBase& kb, gsl::span<const RegionKeyIndex> keys);

/// The age rule's outcome for an intake in one plain sentence.
std::string age_rule_reason(const KnowledgeBase& kb, const Triage& triage, const Intake& intake);

/// " [donnelly2019, davies2013]", or "" for no citations.
std::string citation_suffix(const KnowledgeBase& kb, gsl::span<const CitationIndex> cite);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_INTERNAL_HPP
