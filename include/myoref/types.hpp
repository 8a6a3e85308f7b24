// Small vocabulary types shared by every part of the C++ API.
#ifndef MYOREF_TYPES_HPP
#define MYOREF_TYPES_HPP

#include <cstdint>
#include <optional>
#include <string_view>

namespace myoref {

/// Dense indices, resolved once when a knowledge base is loaded. An index is
/// only meaningful for the knowledge base that produced it.
using RegionIndex = std::uint16_t;      ///< into KnowledgeBase::regions()
using RegionKeyIndex = std::uint16_t;   ///< into KnowledgeBase::region_keys()
using MuscleIndex = std::uint16_t;      ///< into KnowledgeBase::muscles()
using CandidateIndex = std::uint16_t;   ///< into KnowledgeBase::candidates()
using FindingIndex = std::uint16_t;     ///< into KnowledgeBase::findings()
using RedFlagIndex = std::uint16_t;     ///< into KnowledgeBase::red_flags()
using ExerciseIndex = std::uint16_t;    ///< into KnowledgeBase::exercises()
using CitationIndex = std::uint16_t;    ///< into KnowledgeBase::citations()
using PrecautionIndex = std::uint16_t;  ///< into KnowledgeBase::precautions()

/// The body side of a region key or a candidate; `none` for midline ones.
enum class Side : std::uint8_t { none = 0, left = 1, right = 2 };

/// Whether a region (or a muscle) exists once on the midline or on each side.
enum class Laterality : std::uint8_t { paired = 0, midline = 1 };

/// Which body-chart view shows a region.
enum class View : std::uint8_t { front = 0, back = 1, both = 2 };

/// Where a trigger point's referred pain appears relative to the muscle's side.
enum class SideRelation : std::uint8_t { same = 0, opposite = 1, both = 2, midline = 3 };

/// Triage levels, in increasing order of urgency (comparisons are meaningful).
enum class TriageLevel : std::uint8_t {
  self_care = 0,
  see_clinician = 1,
  urgent = 2,
  emergency = 3
};

/// The three protocol steps, in the only order they may be done.
enum class Step : std::uint8_t { release = 0, stretch = 1, strengthen = 2 };
inline constexpr int kStepCount = 3;  ///< the number of protocol steps

/// How the pain began, when the person says.
enum class Onset : std::uint8_t { sudden = 0, gradual = 1 };

/// A person's sex, when they say (it opens or closes some red-flag questions).
enum class Sex : std::uint8_t { female = 0, male = 1 };

/// Stable lower-case names, as used in every JSON document ("left", "urgent").
///@{
std::string_view to_string(Side side) noexcept;
std::string_view to_string(Laterality laterality) noexcept;
std::string_view to_string(View view) noexcept;
std::string_view to_string(SideRelation relation) noexcept;
std::string_view to_string(TriageLevel level) noexcept;
std::string_view to_string(Step step) noexcept;
std::string_view to_string(Onset onset) noexcept;
std::string_view to_string(Sex sex) noexcept;
///@}

/// Parse the names above; nullopt for anything else (case-sensitive).
///@{
std::optional<Side> parse_side(std::string_view text) noexcept;
std::optional<Laterality> parse_laterality(std::string_view text) noexcept;
std::optional<View> parse_view(std::string_view text) noexcept;
std::optional<SideRelation> parse_side_relation(std::string_view text) noexcept;
std::optional<TriageLevel> parse_triage_level(std::string_view text) noexcept;
std::optional<Step> parse_step(std::string_view text) noexcept;
std::optional<Onset> parse_onset(std::string_view text) noexcept;
std::optional<Sex> parse_sex(std::string_view text) noexcept;
///@}

/// The other side: left <-> right; none stays none.
constexpr Side mirror(Side side) noexcept {
  return side == Side::left ? Side::right : side == Side::right ? Side::left : Side::none;
}

}  // namespace myoref

#endif  // MYOREF_TYPES_HPP
