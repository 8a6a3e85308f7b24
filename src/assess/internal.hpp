// Pieces shared by the files of src/assess/.
#ifndef MYOREF_SRC_ASSESS_INTERNAL_HPP
#define MYOREF_SRC_ASSESS_INTERNAL_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gsl/assert>

#include "engine/phrases.hpp"
#include "myoref/assess.hpp"
#include "util/json_writer.hpp"

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
  bool tied = false;  // another listed candidate has the same score
  ScoreParts parts;
  std::uint32_t explained_begin = 0, explained_count = 0;      // region_pool
  std::uint32_t unexplained_begin = 0, unexplained_count = 0;  // region_pool
  std::uint32_t for_begin = 0, for_count = 0;                  // finding_pool
  std::uint32_t against_begin = 0, against_count = 0;          // finding_pool
  std::uint32_t basis_begin = 0, basis_count = 0;              // reasons
};

/// A fixed-capacity array carved out of an assessment's one block of storage.
/// Capacities are worked out before anything is written, so a pool never
/// moves and views into it stay valid. Only for trivially destructible T.
template <class T>
struct Pool {
  T* data = nullptr;
  std::uint32_t size = 0;
  std::uint32_t capacity = 0;

  void push_back(const T& value) {
    Expects(size < capacity);
    new (data + size) T(value);
    ++size;
  }
  T* begin() const noexcept { return data; }
  T* end() const noexcept { return data + size; }
  T& operator[](std::size_t i) const noexcept { return data[i]; }
  gsl::span<const T> view() const noexcept { return {data, size}; }
  gsl::span<const T> view(std::uint32_t first, std::uint32_t count) const noexcept {
    return {data + first, count};
  }
};

/// Everything an Assessment holds. Built once by assess(), then immutable.
/// The result's arrays share one block of storage with the result itself (one
/// allocation instead of nine: assess() allocates it so, and the pools point
/// after it); the spans inside `reasons` point into `region_pool` and the kb.
struct AssessmentData {
  explicit AssessmentData(KnowledgeBase knowledge_base) : kb(std::move(knowledge_base)) {}
  AssessmentData(KnowledgeBase knowledge_base, Intake canonical_intake, Triage made)
      : kb(std::move(knowledge_base)),
        intake(std::move(canonical_intake)),
        triage(std::move(made)) {}

  KnowledgeBase kb;
  Intake intake;  // canonical
  Triage triage;
  Pool<float> scores;  // by candidate index
  Pool<RegionKeyIndex> painful;
  Pool<CandidateIndex> cover;
  Pool<RegionKeyIndex> unexplained;
  Pool<RankedEntry> ranked;
  Pool<RegionKeyIndex> region_pool;
  Pool<FindingIndex> finding_pool;
  Pool<Reason> reasons;
};

/// parse_intake()'s fast path (intake_plain.cpp): the intake of a text
/// written plainly (known fields, ids without escapes, small whole numbers)
/// that is valid, read in one pass; nullopt for any other text, which the
/// strict reader then reads (and says what is wrong with). When it gives an
/// intake, it is the one parse_json + read_intake give.
std::optional<Intake> read_plain_intake(const KnowledgeBase& kb, std::string_view text,
                                        const IntakeLimits& limits);

/// parse_intake() after the JSON text is parsed: reads an intake from a JSON
/// value (paths relative to it).
Expected<Intake> read_intake(const KnowledgeBase& kb, const boost::json::value& root,
                             const IntakeLimits& limits);

/// The intake with every list sorted by knowledge-base index (the canonical
/// order that JSON output and scoring use).
Intake canonical(const Intake& intake);

/// Writes a canonical intake as the contract's Intake object.
void write_intake(JsonWriter& w, const KnowledgeBase& kb, const Intake& intake);

/// The age rule's outcome for an intake in one plain sentence.
std::string age_rule_reason(const KnowledgeBase& kb, const Triage& triage, const Intake& intake);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_INTERNAL_HPP
