#include "engine/triage_tables.hpp"

#include <algorithm>
#include <optional>

#include "engine/engine.hpp"
#include "engine/phrases.hpp"
#include "engine/scoring.hpp"
#include "i18n/messages.hpp"

namespace myoref::detail {

namespace {

void add_row(std::vector<std::uint32_t>& table, std::size_t region_count,
             const std::vector<RegionIndex>& regions) {
  const std::size_t row = table.size();
  table.resize(row + region_count, TriageTables::kAbsent);
  for (std::size_t i = regions.size(); i-- > 0;) {
    // Walked from the end, so that a region listed twice keeps its first place.
    if (regions[i] < region_count)
      table[row + regions[i]] = static_cast<std::uint32_t>(i);
  }
}

/// Sets bit `item` in the rows of `regions` (those below `region_count`).
void add_bits(std::vector<std::uint64_t>& table, std::size_t words, std::size_t region_count,
              std::size_t item, const std::vector<RegionIndex>& regions) {
  for (const RegionIndex r : regions) {
    if (r < region_count)
      table[r * words + item / 64] |= std::uint64_t{1} << (item % 64);
  }
}

constexpr std::string_view kRuleIds[TriageIds::kRuleCount] = {
    "under_16",         "fall_fragile", "fall_hip", "inflammatory_back_pain",
    "unexplained_only", "unanswered"};

template <class Index>
std::uint32_t index_or_none(const std::optional<Index>& found) {
  return found ? static_cast<std::uint32_t>(*found) : TriageIds::kNone;
}

std::vector<RegionIndex> regions_of(const KnowledgeBase& kb,
                                    std::initializer_list<std::string_view> ids) {
  std::vector<RegionIndex> out;
  for (const std::string_view id : ids) {
    if (const auto r = kb.find_region(id))
      out.push_back(*r);
  }
  return out;
}

}  // namespace

std::string_view TriageIds::rule_id(Rule r) noexcept {
  return r < kRuleCount ? kRuleIds[r] : std::string_view();
}

TriageIds find_triage_ids(const KnowledgeBase& kb) {
  TriageIds ids;
  const auto rules = kb.triage_rules();
  for (std::size_t r = 0; r < TriageIds::kRuleCount; ++r) {
    if (const TriageRule* rule = kb.find_triage_rule(kRuleIds[r]))
      ids.rule[r] = static_cast<std::uint32_t>(rule - rules.data());
  }
  ids.onset_fall = index_or_none(kb.find_finding("onset_fall"));
  ids.morning_stiffness_long = index_or_none(kb.find_finding("morning_stiffness_long"));
  ids.fragile_bones = index_or_none(kb.find_precaution("fragile_bones"));
  ids.osteoporosis = index_or_none(kb.find_red_flag("osteoporosis"));
  ids.immunosuppressed = index_or_none(kb.find_red_flag("immunosuppressed"));
  ids.fall_hip_regions = regions_of(kb, {"groin", "hip_lateral", "thigh_anterior", "thigh_medial",
                                         "thigh_lateral", "buttock_lateral"});
  ids.back_regions = regions_of(
      kb, {"thoracolumbar", "lumbar_paraspinal", "lumbar_spine", "sacroiliac", "sacrum",
           "buttock_medial", "upper_back", "thoracic_spine", "thoracic_paraspinal", "iliac_crest"});
  return ids;
}

std::size_t SentenceParts::size(gsl::span<const std::string_view> values) const noexcept {
  std::size_t size = text_size;
  for (const std::uint8_t v : slot)
    size += values.data()[v].size();
  return size;
}

void SentenceParts::append(std::string& out, gsl::span<const std::string_view> values) const {
  // Sized once (reserved, not resized: resizing would fill with zeros first),
  // then the pieces appended.
  out.reserve(out.size() + size(values));
  out.append(text[0]);
  for (std::size_t i = 0; i < slot.size(); ++i) {
    out.append(values.data()[slot[i]]);
    out.append(text[i + 1]);
  }
}

SentenceParts cut_sentence(const Catalogue& messages, std::string_view key,
                           std::initializer_list<std::string_view> names,
                           std::initializer_list<MsgArg> fixed) {
  // The sentence is written with control characters 1, 2, ... in place of
  // the values (no catalogue's sentence holds one), then cut at them.
  static constexpr char kMarks[] = "\x01\x02\x03\x04\x05\x06\x07\x08";
  const std::size_t marks = std::min<std::size_t>(names.size(), 8);
  std::vector<MsgArg> args;
  for (std::size_t i = 0; i < marks; ++i)
    args.emplace_back(names.begin()[i], std::string_view(kMarks + i, 1));
  args.insert(args.end(), fixed.begin(), fixed.end());
  const std::string whole = messages.get(key, args);
  SentenceParts parts;
  parts.text.emplace_back();
  for (const char c : whole) {
    if (c >= 1 && c <= static_cast<char>(marks)) {
      parts.slot.push_back(static_cast<std::uint8_t>(c - 1));
      parts.text.emplace_back();
    } else {
      parts.text.back() += c;
      ++parts.text_size;
    }
  }
  return parts;
}

TriageTables compile_triage_tables(const KnowledgeBase& kb, const ScoringTables& scoring) {
  TriageTables tt;
  tt.region_count = kb.regions().size();
  tt.screen_count = kb.screens().size();
  tt.lookalike_count = kb.lookalikes().size();
  tt.screen_rank.reserve(tt.screen_count * tt.region_count);
  for (const Screen& s : kb.screens())
    add_row(tt.screen_rank, tt.region_count, s.regions);
  tt.lookalike_rank.reserve(tt.lookalike_count * tt.region_count);
  for (const Lookalike& l : kb.lookalikes())
    add_row(tt.lookalike_rank, tt.region_count, l.features.regions);
  tt.screen_words = (tt.screen_count + 63) / 64;
  tt.region_screens.assign(tt.region_count * tt.screen_words, 0);
  for (std::size_t s = 0; s < tt.screen_count; ++s)
    add_bits(tt.region_screens, tt.screen_words, tt.region_count, s, kb.screens()[s].regions);
  tt.lookalike_words = (tt.lookalike_count + 63) / 64;
  tt.region_lookalikes.assign(tt.region_count * tt.lookalike_words, 0);
  for (std::size_t l = 0; l < tt.lookalike_count; ++l) {
    add_bits(tt.region_lookalikes, tt.lookalike_words, tt.region_count, l,
             kb.lookalikes()[l].features.regions);
  }

  const Catalogue& messages = catalogue(kb);
  tt.pain_in_key.reserve(scoring.region_key_phrase.size());
  for (const std::string& phrase : scoring.region_key_phrase)
    tt.pain_in_key.push_back(messages.get("triage.pain_in", {{"region", phrase}}));
  tt.pain_in_both.reserve(tt.region_count);
  for (const Region& r : kb.regions()) {
    tt.pain_in_both.push_back(messages.get(
        "triage.pain_in",
        {{"region", messages.get("region.both_sides", {{"region", lower_first(r.name)}})}}));
  }
  tt.at_age = cut_sentence(messages, "triage.at_age", {"what", "age"});
  tt.lookalike_reason.reserve(tt.lookalike_count);
  for (const Lookalike& l : kb.lookalikes()) {
    tt.lookalike_reason.push_back(
        messages.get("triage.lookalike_reason", {{"name", l.name}, {"why", l.why}}));
  }
  for (const TriageLevel level : {TriageLevel::self_care, TriageLevel::see_clinician,
                                  TriageLevel::urgent, TriageLevel::emergency}) {
    const auto at = static_cast<std::size_t>(level);
    if (tt.level_words.size() <= at)
      tt.level_words.resize(at + 1);
    tt.level_words[at] = messages.get("level." + std::string(to_string(level)));
  }
  tt.unanswered_one = cut_sentence(messages, "triage.unanswered", {"level"}, {{"n", 1}});
  tt.unanswered_other = cut_sentence(messages, "triage.unanswered", {"n", "level"});
  tt.age_rule_band = messages.get("age_rule.band", {{"younger", kb.age_rule().younger_than},
                                                    {"older", kb.age_rule().older_than}});
  tt.ids = find_triage_ids(kb);
  tt.has_ids = true;
  return tt;
}

const TriageTables& triage_tables(const KnowledgeBase& kb) noexcept {
  return engine_of(kb).triage;
}

}  // namespace myoref::detail
