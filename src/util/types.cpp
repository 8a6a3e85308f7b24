#include "myoref/types.hpp"

#include "myoref/spellings.hpp"

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace myoref {
namespace {

template <class E, std::size_t N>
std::optional<E> parse_name(const std::array<std::string_view, N>& names,
                            std::string_view text) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

template <std::size_t N>
std::vector<std::string_view> listed(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, E value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view{};
}

constexpr std::array<std::string_view, 3> kSides{"none", "left", "right"};
constexpr std::array<std::string_view, 2> kLateralities{"paired", "midline"};
constexpr std::array<std::string_view, 3> kViews{"front", "back", "both"};
constexpr std::array<std::string_view, 4> kRelations{"same", "opposite", "both", "midline"};
constexpr std::array<std::string_view, 4> kLevels{"self_care", "see_clinician", "urgent",
                                                  "emergency"};
constexpr std::array<std::string_view, 3> kSteps{"release", "stretch", "strengthen"};
constexpr std::array<std::string_view, 2> kOnsets{"sudden", "gradual"};
constexpr std::array<std::string_view, 2> kSexes{"female", "male"};

}  // namespace

std::string_view to_string(Side side) noexcept {
  return name_of(kSides, side);
}
std::string_view to_string(Laterality laterality) noexcept {
  return name_of(kLateralities, laterality);
}
std::string_view to_string(View view) noexcept {
  return name_of(kViews, view);
}
std::string_view to_string(SideRelation relation) noexcept {
  return name_of(kRelations, relation);
}
std::string_view to_string(TriageLevel level) noexcept {
  return name_of(kLevels, level);
}
std::string_view to_string(Step step) noexcept {
  return name_of(kSteps, step);
}
std::string_view to_string(Onset onset) noexcept {
  return name_of(kOnsets, onset);
}
std::string_view to_string(Sex sex) noexcept {
  return name_of(kSexes, sex);
}

std::optional<Side> parse_side(std::string_view text) noexcept {
  // "none" is how a side is absent; it is never written in a document.
  if (text == "left")
    return Side::left;
  if (text == "right")
    return Side::right;
  return std::nullopt;
}
std::optional<Laterality> parse_laterality(std::string_view text) noexcept {
  return parse_name<Laterality>(kLateralities, text);
}
std::optional<View> parse_view(std::string_view text) noexcept {
  return parse_name<View>(kViews, text);
}
std::optional<SideRelation> parse_side_relation(std::string_view text) noexcept {
  return parse_name<SideRelation>(kRelations, text);
}
std::optional<TriageLevel> parse_triage_level(std::string_view text) noexcept {
  return parse_name<TriageLevel>(kLevels, text);
}
std::optional<Step> parse_step(std::string_view text) noexcept {
  return parse_name<Step>(kSteps, text);
}
std::optional<Onset> parse_onset(std::string_view text) noexcept {
  return parse_name<Onset>(kOnsets, text);
}
std::optional<Sex> parse_sex(std::string_view text) noexcept {
  return parse_name<Sex>(kSexes, text);
}

template <>
std::vector<std::string_view> spellings<Laterality>() {
  return listed(kLateralities);
}
template <>
std::vector<std::string_view> spellings<View>() {
  return listed(kViews);
}
template <>
std::vector<std::string_view> spellings<SideRelation>() {
  return listed(kRelations);
}
template <>
std::vector<std::string_view> spellings<TriageLevel>() {
  return listed(kLevels);
}
template <>
std::vector<std::string_view> spellings<Step>() {
  return listed(kSteps);
}
template <>
std::vector<std::string_view> spellings<Onset>() {
  return listed(kOnsets);
}
template <>
std::vector<std::string_view> spellings<Sex>() {
  return listed(kSexes);
}

}  // namespace myoref
