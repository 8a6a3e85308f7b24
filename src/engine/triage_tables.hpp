// Tables for triage, compiled once per knowledge base: for each screen and
// each look-alike, where each region stands in its list of regions; and the
// words of triage's reasons that depend only on the knowledge base and its
// language ("pain in the top of the pelvis (left)"), worded once.
//
// Triage asks of every screen and look-alike which of its regions, in the
// order listed (the most telling first), is drawn. Walking each list against
// the drawing costs a look-up per listed region; with these tables it costs
// one per drawn region: the drawn region listed first is the one of least
// rank.
#ifndef MYOREF_SRC_ENGINE_TRIAGE_TABLES_HPP
#define MYOREF_SRC_ENGINE_TRIAGE_TABLES_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <gsl/span>

#include "i18n/messages.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {

struct ScoringTables;

/// A catalogue's sentence cut at its placeholders, to be filled on the hot
/// path without looking the sentence up or scanning it: text[0], the value of
/// slot[0], text[1], ..., text.back(). What Catalogue::append writes for the
/// same values (the placeholders are named when it is cut; a placeholder the
/// sentence does not hold is not a slot). Not for plural sentences.
struct SentenceParts {
  std::vector<std::string> text;   ///< slot.size() + 1 pieces
  std::vector<std::uint8_t> slot;  ///< which value goes after text[i]
  std::size_t text_size = 0;       ///< the pieces' total size

  /// Appends the sentence with values[slot[i]] in each slot.
  void append(std::string& out, gsl::span<const std::string_view> values) const;
  void append(std::string& out, std::initializer_list<std::string_view> values) const {
    append(out, gsl::span<const std::string_view>(values.begin(), values.size()));
  }
  /// The size of the sentence with these values.
  std::size_t size(gsl::span<const std::string_view> values) const noexcept;
};

/// Cuts sentence `key` of `messages` at placeholders `names` (at most 8).
/// `fixed` are values written into the pieces (a plural sentence's form is
/// chosen by a fixed number `n`; a placeholder `n` among `names` chooses the
/// form for any other count).
SentenceParts cut_sentence(const Catalogue& messages, std::string_view key,
                           std::initializer_list<std::string_view> names,
                           std::initializer_list<MsgArg> fixed = {});

/// What triage's fixed rules (apply_rules in src/assess/triage.cpp) name in
/// a knowledge base, found by id once instead of on every call.
struct TriageIds {
  /// The fixed rules, in the order of kRuleIds.
  enum Rule : std::uint8_t {
    under_16,
    fall_fragile,
    fall_hip,
    inflammatory_back_pain,
    unexplained_only,
    unanswered,
    kRuleCount
  };
  /// An id the knowledge base does not hold.
  static constexpr std::uint32_t kNone = 0xFFFFFFFFU;

  /// Each rule's index into KnowledgeBase::triage_rules(), or kNone.
  std::uint32_t rule[kRuleCount] = {kNone, kNone, kNone, kNone, kNone, kNone};
  std::uint32_t onset_fall = kNone;              ///< finding
  std::uint32_t morning_stiffness_long = kNone;  ///< finding
  std::uint32_t fragile_bones = kNone;           ///< precaution
  std::uint32_t osteoporosis = kNone;            ///< red flag
  std::uint32_t immunosuppressed = kNone;        ///< red flag
  /// The regions of a fall's hip rule, and of inflammatory back pain (those
  /// the knowledge base holds).
  std::vector<RegionIndex> fall_hip_regions;
  std::vector<RegionIndex> back_regions;

  /// The id of rule `r` ("under_16", ...).
  static std::string_view rule_id(Rule r) noexcept;
};

/// Finds the items of TriageIds in `kb` by id.
TriageIds find_triage_ids(const KnowledgeBase& kb);

struct TriageTables {
  /// A region not in the list.
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFU;

  std::size_t region_count = 0;     ///< the row length: KnowledgeBase::regions().size()
  std::size_t screen_count = 0;     ///< rows of screen_rank
  std::size_t lookalike_count = 0;  ///< rows of lookalike_rank
  /// screen_rank[s * region_count + r]: the position of region r in
  /// screens()[s].regions (its first, when listed twice), or kAbsent.
  std::vector<std::uint32_t> screen_rank;
  /// The same for lookalikes()[l].features.regions.
  std::vector<std::uint32_t> lookalike_rank;
  /// By region, the screens that list it, as bits: bit s % 64 of word
  /// region_screens[r * screen_words + s / 64]. A drawing's screens with a
  /// drawn region are the union of its regions' rows, so that a screen none
  /// of whose regions is drawn costs no look-up.
  std::size_t screen_words = 0;
  std::vector<std::uint64_t> region_screens;
  /// The same for the look-alikes' regions.
  std::size_t lookalike_words = 0;
  std::vector<std::uint64_t> region_lookalikes;

  /// "pain in the top of the pelvis (left)": triage.pain_in of each region
  /// key's phrase (ScoringTables::region_key_phrase), by region key.
  std::vector<std::string> pain_in_key;
  /// "pain in the top of the pelvis (both sides)": triage.pain_in of
  /// region.both_sides, by region (a drawing on both sides of it).
  std::vector<std::string> pain_in_both;
  /// triage.at_age cut at {what} (value 0) and {age} (value 1).
  SentenceParts at_age;
  /// triage.lookalike_reason of each look-alike ("{name}: {why}").
  std::vector<std::string> lookalike_reason;
  /// The words of each TriageLevel (level.self_care, ...), by its value.
  std::vector<std::string> level_words;
  /// triage.unanswered for one question ({level}: value 0), and cut at {n}
  /// (value 0) and {level} (value 1) for any other count.
  SentenceParts unanswered_one;
  SentenceParts unanswered_other;
  /// age_rule.band of the knowledge base's age rule ("under 16 or over 50").
  std::string age_rule_band;
  /// The fixed rules' items; `has_ids` is false in the tables of a knowledge
  /// base with no engine (find them with find_triage_ids()).
  TriageIds ids;
  bool has_ids = false;

  /// The row of screen `s`, or nullptr when these tables are not of the
  /// knowledge base asked about (a knowledge base with no engine).
  const std::uint32_t* screen_row(std::size_t s) const noexcept {
    return s < screen_count ? screen_rank.data() + s * region_count : nullptr;
  }
  const std::uint32_t* lookalike_row(std::size_t l) const noexcept {
    return l < lookalike_count ? lookalike_rank.data() + l * region_count : nullptr;
  }
};

/// Builds the tables from a loaded knowledge base and its scoring tables.
TriageTables compile_triage_tables(const KnowledgeBase& kb, const ScoringTables& scoring);

/// The tables of a knowledge base (compiled when it was loaded).
const TriageTables& triage_tables(const KnowledgeBase& kb) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ENGINE_TRIAGE_TABLES_HPP
