// KnowledgeBase: the read-only face of a loaded KbData, and its lookups.
#include <cstddef>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include <gsl/assert>
#include <gsl/narrow>

#include "i18n/messages.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "kb/kb_writer.hpp"
#include "myoref/kb.hpp"
#include "myoref/schema.hpp"
#include "util/json.hpp"
#include "util/json_writer.hpp"
#include "util/sha256.hpp"

namespace myoref {
namespace {

std::optional<std::uint16_t> lookup(const detail::IdTable& table, std::string_view text) noexcept {
  const auto it = table.find(text);
  if (it == table.end())
    return std::nullopt;
  return it->second;
}

// "id:left" -> ("id", left); "id" -> ("id", none); anything else -> nullopt.
std::optional<std::pair<std::string_view, Side>> split_key(std::string_view key) noexcept {
  const std::size_t colon = key.find(':');
  if (colon == std::string_view::npos)
    return std::make_pair(key, Side::none);
  const auto side = parse_side(key.substr(colon + 1));
  if (!side)
    return std::nullopt;
  return std::make_pair(key.substr(0, colon), *side);
}

template <class Items, class Id>
std::string suggest(const Items& items, std::string_view unknown, Id id) {
  std::vector<std::string_view> names;
  names.reserve(items.size());
  for (const auto& item : items)
    names.emplace_back(id(item));
  return detail::closest(unknown, names);
}

const detail::KbData& empty_data() noexcept {
  static const detail::KbData empty;
  return empty;
}

}  // namespace

namespace detail {

const std::string& id_of(const KbData& kb, schema::Ids kind, std::uint16_t index) noexcept {
  switch (kind) {
    case schema::Ids::citation:
      return kb.citations[index].key;
    case schema::Ids::region:
      return kb.regions[index].id;
    case schema::Ids::finding:
      return kb.findings[index].id;
    case schema::Ids::red_flag:
      return kb.red_flags[index].id;
    case schema::Ids::precaution:
      return kb.precautions[index].id;
    case schema::Ids::muscle:
      return kb.muscles[index].id;
    case schema::Ids::exercise:
      return kb.exercises[index].id;
  }
  return kb.citations[index].key;
}

}  // namespace detail

KnowledgeBase::KnowledgeBase() noexcept
    // Aliasing constructor with no owner: points at the shared empty model
    // without allocating.
    : d_(std::shared_ptr<const detail::KbData>(), &empty_data()) {}

const std::string& KnowledgeBase::id() const noexcept {
  return d_->id;
}
const std::string& KnowledgeBase::version() const noexcept {
  return d_->version;
}
const std::string& KnowledgeBase::title() const noexcept {
  return d_->title;
}
const std::string& KnowledgeBase::hash() const noexcept {
  static const std::string none;
  const detail::KbData& kb = *d_;
  if (!kb.loaded)
    return kb.hash;  // the empty model has no content to hash
  try {
    // When the computation throws (out of memory), call_once does not mark
    // the flag done: the next call tries again. kb.hash is only assigned a
    // finished value.
    std::call_once(kb.hash_once,
                   [&kb] { kb.hash = detail::sha256_hex(detail::clinical_text(kb)); });
  } catch (...) {
    // Out of memory, or std::call_once itself failed: no hash this time,
    // which a caller can see; aborting the host would be worse.
    return none;
  }
  return kb.hash;
}

std::string KnowledgeBase::to_json() const {
  return detail::canonical_text(*d_);
}

std::string KnowledgeBase::muscle_to_json(MuscleIndex muscle) const {
  Expects(muscle < d_->muscles.size());
  const detail::KbData& kb = *d_;
  const Muscle& m = kb.muscles[muscle];
  // The protocol's exercises, then whatever their regressions and
  // progressions lead to, each once, in the order first met.
  std::vector<ExerciseIndex> order;
  std::vector<bool> listed(kb.exercises.size(), false);
  const auto add = [&](ExerciseIndex e) {
    if (!listed[e]) {
      listed[e] = true;
      order.push_back(e);
    }
  };
  for (const auto& step : m.protocol) {
    for (const auto e : step)
      add(e);
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Exercise& e = kb.exercises[order[i]];
    if (e.regression)
      add(*e.regression);
    if (e.progression)
      add(*e.progression);
  }
  detail::json::object out;
  out["muscle"] = detail::muscle_to_json_value(kb, m);
  detail::json::array exercises;
  for (const auto e : order)
    exercises.emplace_back(detail::exercise_to_json_value(kb, kb.exercises[e]));
  out["exercises"] = std::move(exercises);
  return detail::pretty(out);
}

gsl::span<const Citation> KnowledgeBase::citations() const noexcept {
  return d_->citations;
}
gsl::span<const Region> KnowledgeBase::regions() const noexcept {
  return d_->regions;
}
gsl::span<const RegionKey> KnowledgeBase::region_keys() const noexcept {
  return d_->region_keys;
}
gsl::span<const Finding> KnowledgeBase::findings() const noexcept {
  return d_->findings;
}
gsl::span<const RedFlag> KnowledgeBase::red_flags() const noexcept {
  return d_->red_flags;
}
const AgeRule& KnowledgeBase::age_rule() const noexcept {
  return d_->age_rule;
}
gsl::span<const Precaution> KnowledgeBase::precautions() const noexcept {
  return d_->precautions;
}
gsl::span<const Screen> KnowledgeBase::screens() const noexcept {
  return d_->screens;
}
gsl::span<const TriageRule> KnowledgeBase::triage_rules() const noexcept {
  return d_->triage_rules;
}
gsl::span<const Lookalike> KnowledgeBase::lookalikes() const noexcept {
  return d_->lookalikes;
}
const std::string& KnowledgeBase::id_of(schema::Ids kind, std::uint16_t index) const noexcept {
  return detail::id_of(*d_, kind, index);
}
const TriageRule* KnowledgeBase::find_triage_rule(std::string_view id) const noexcept {
  for (const TriageRule& r : d_->triage_rules) {
    if (r.id == id)
      return &r;
  }
  return nullptr;
}
gsl::span<const Muscle> KnowledgeBase::muscles() const noexcept {
  return d_->muscles;
}
gsl::span<const Candidate> KnowledgeBase::candidates() const noexcept {
  return d_->candidates;
}
gsl::span<const Exercise> KnowledgeBase::exercises() const noexcept {
  return d_->exercises;
}
const Chart& KnowledgeBase::chart() const noexcept {
  return d_->chart;
}

std::optional<CitationIndex> KnowledgeBase::find_citation(std::string_view key) const noexcept {
  return lookup(d_->citation_by_key, key);
}
std::optional<RegionIndex> KnowledgeBase::find_region(std::string_view id) const noexcept {
  return lookup(d_->region_by_id, id);
}
std::optional<FindingIndex> KnowledgeBase::find_finding(std::string_view id) const noexcept {
  return lookup(d_->finding_by_id, id);
}
std::optional<RedFlagIndex> KnowledgeBase::find_red_flag(std::string_view id) const noexcept {
  return lookup(d_->red_flag_by_id, id);
}
std::optional<PrecautionIndex> KnowledgeBase::find_precaution(std::string_view id) const noexcept {
  return lookup(d_->precaution_by_id, id);
}
std::optional<MuscleIndex> KnowledgeBase::find_muscle(std::string_view id_or_alias) const noexcept {
  return lookup(d_->muscle_by_name, id_or_alias);
}
std::optional<ExerciseIndex> KnowledgeBase::find_exercise(std::string_view id) const noexcept {
  return lookup(d_->exercise_by_id, id);
}

std::optional<RegionKeyIndex> KnowledgeBase::find_region_key(RegionIndex region,
                                                             Side side) const noexcept {
  if (region >= d_->regions.size())
    return std::nullopt;
  const RegionKeyIndex first = d_->region_first_key[region];
  if (d_->regions[region].laterality == Laterality::midline) {
    return side == Side::none ? std::optional<RegionKeyIndex>(first) : std::nullopt;
  }
  if (side == Side::left)
    return first;
  if (side == Side::right)
    return static_cast<RegionKeyIndex>(first + 1);
  return std::nullopt;
}

std::optional<RegionKeyIndex> KnowledgeBase::find_region_key(std::string_view key) const noexcept {
  const auto parts = split_key(key);
  if (!parts)
    return std::nullopt;
  const auto region = find_region(parts->first);
  if (!region)
    return std::nullopt;
  return find_region_key(*region, parts->second);
}

std::optional<CandidateIndex> KnowledgeBase::find_candidate(MuscleIndex muscle,
                                                            Side side) const noexcept {
  if (muscle >= d_->muscles.size())
    return std::nullopt;
  const CandidateIndex first = d_->muscle_first_candidate[muscle];
  if (d_->muscles[muscle].midline) {
    return side == Side::none ? std::optional<CandidateIndex>(first) : std::nullopt;
  }
  if (side == Side::left)
    return first;
  if (side == Side::right)
    return static_cast<CandidateIndex>(first + 1);
  return std::nullopt;
}

std::optional<CandidateIndex> KnowledgeBase::find_candidate(std::string_view key) const noexcept {
  const auto parts = split_key(key);
  if (!parts)
    return std::nullopt;
  const auto muscle = find_muscle(parts->first);
  if (!muscle)
    return std::nullopt;
  return find_candidate(*muscle, parts->second);
}

RegionKeyIndex KnowledgeBase::mirror(RegionKeyIndex key) const noexcept {
  return key < d_->region_key_mirror.size() ? d_->region_key_mirror[key] : key;
}

CandidateIndex KnowledgeBase::mirror_candidate(CandidateIndex candidate) const noexcept {
  return candidate < d_->candidate_mirror.size() ? d_->candidate_mirror[candidate] : candidate;
}

std::string KnowledgeBase::suggest_region(std::string_view unknown) const {
  return suggest(d_->regions, unknown, [](const Region& r) { return std::string_view(r.id); });
}
std::string KnowledgeBase::suggest_finding(std::string_view unknown) const {
  return suggest(d_->findings, unknown, [](const Finding& f) { return std::string_view(f.id); });
}
std::string KnowledgeBase::suggest_red_flag(std::string_view unknown) const {
  return suggest(d_->red_flags, unknown, [](const RedFlag& f) { return std::string_view(f.id); });
}
std::string KnowledgeBase::suggest_precaution(std::string_view unknown) const {
  return suggest(d_->precautions, unknown,
                 [](const Precaution& p) { return std::string_view(p.id); });
}
std::string KnowledgeBase::suggest_muscle(std::string_view unknown) const {
  // Ids and aliases, in document order: a typo of "psoas" suggests "psoas".
  std::vector<std::string_view> names;
  for (const Muscle& m : d_->muscles) {
    names.emplace_back(m.id);
    for (const auto& a : m.aliases)
      names.emplace_back(a);
  }
  return detail::closest(unknown, names);
}

std::string Dose::to_string() const {
  return detail::dose_text(detail::english_catalogue(), *this);
}

namespace detail {

std::string dose_text(const Catalogue& m, const Dose& d) {
  std::vector<std::string> parts;
  const auto count = [&m](const char* key, int n) { return m.get(key, {{"n", n}}); };
  if (d.hold_seconds)
    parts.push_back(m.get("dose.hold", {{"n", *d.hold_seconds}}));
  if (d.repetitions && d.sets && *d.sets > 1) {
    parts.push_back(
        m.get("dose.sets_of", {{"sets", count("dose.sets", *d.sets)},
                               {"repetitions", count("dose.repetitions", *d.repetitions)}}));
  } else if (d.repetitions) {
    parts.push_back(count("dose.repetitions", *d.repetitions));
  } else if (d.sets) {
    parts.push_back(count("dose.sets", *d.sets));
  }
  if (d.duration_seconds) {
    const int s = *d.duration_seconds;
    parts.push_back(s % 60 == 0 ? count("dose.for_minutes", s / 60) : count("dose.for_seconds", s));
  }
  if (d.per_side)
    parts.push_back(m.get("dose.each_side"));
  if (!d.frequency.empty())
    parts.push_back(d.frequency);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0)
      out += m.get("dose.separator");
    out += parts[i];
  }
  return out;
}

}  // namespace detail

const detail::Catalogue& detail::catalogue(const KnowledgeBase& kb) noexcept {
  const auto& m = KbAccess::model(kb).messages;
  return m ? *m : english_catalogue();
}

}  // namespace myoref
