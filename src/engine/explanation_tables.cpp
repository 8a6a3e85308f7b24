#include "engine/explanation_tables.hpp"

#include <gsl/narrow>

#include "engine/engine.hpp"
#include "engine/scoring.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {

const ExplanationTables& explanation_tables(const KnowledgeBase& kb) noexcept {
  return engine_of(kb).explanation;
}

ExplanationTables compile_explanation_tables(const KnowledgeBase& kb, const ScoringTables& t) {
  ExplanationTables x;
  const auto keys = kb.region_keys();
  const std::size_t nr = t.region_key_count;
  x.zone_count = t.zone_essential_size.size();

  std::vector<std::vector<std::uint32_t>> zones_of(nr);
  for (std::size_t z = 0; z < x.zone_count; ++z) {
    const auto entry = gsl::narrow<std::uint32_t>(z * 2);
    for (std::uint32_t k = t.zone_essential_begin[z]; k < t.zone_essential_begin[z + 1U]; ++k)
      zones_of[t.zone_essential_keys[k]].push_back(entry);
    for (std::uint32_t k = t.zone_spillover_begin[z]; k < t.zone_spillover_begin[z + 1U]; ++k)
      zones_of[t.zone_spillover_keys[k]].push_back(entry + 1U);
  }
  x.key_zone_begin.reserve(nr + 1);
  for (std::size_t r = 0; r < nr; ++r) {
    x.key_zone_begin.push_back(gsl::narrow<std::uint32_t>(x.key_zone.size()));
    x.key_zone.insert(x.key_zone.end(), zones_of[r].begin(), zones_of[r].end());
  }
  x.key_zone_begin.push_back(gsl::narrow<std::uint32_t>(x.key_zone.size()));

  // Each key is near a painful key that is one of its relatives: listed
  // under that painful key.
  std::vector<std::vector<RegionKeyIndex>> near_of(nr);
  for (std::size_t r = 0; r < nr; ++r) {
    for (std::uint32_t q = t.relative_begin[r]; q < t.relative_begin[r + 1U]; ++q)
      near_of[t.relative_key[q]].push_back(gsl::narrow<RegionKeyIndex>(r));
  }
  x.key_near_begin.reserve(nr + 1);
  for (std::size_t r = 0; r < nr; ++r) {
    x.key_near_begin.push_back(gsl::narrow<std::uint32_t>(x.key_near.size()));
    x.key_near.insert(x.key_near.end(), near_of[r].begin(), near_of[r].end());
  }
  x.key_near_begin.push_back(gsl::narrow<std::uint32_t>(x.key_near.size()));

  x.key_side.reserve(nr);
  for (const RegionKey& key : keys)
    x.key_side.push_back(static_cast<std::uint8_t>(key.side));

  const auto candidates = kb.candidates();
  const auto muscles = kb.muscles();
  x.zones.reserve(x.zone_count);
  for (std::size_t c = 0; c < t.candidate_count; ++c) {
    const Muscle& muscle = muscles[candidates[c].muscle];
    for (std::uint32_t z = t.candidate_zone_begin[c]; z < t.candidate_zone_begin[c + 1U]; ++z) {
      const auto& cite = muscle.trigger_points[z - t.candidate_zone_begin[c]].cite;
      ExplanationTables::Zone zone;
      zone.cite = gsl::span<const CitationIndex>(cite.data(), cite.size());
      zone.essential_begin = t.zone_essential_begin[z];
      zone.essential_end = t.zone_essential_begin[z + 1U];
      zone.essential_size = static_cast<float>(t.zone_essential_size[z]);
      x.zones.push_back(zone);
    }
  }
  x.muscle_weight_begin.reserve(muscles.size() + 1);
  for (const Muscle& muscle : muscles) {
    x.muscle_weight_begin.push_back(gsl::narrow<std::uint32_t>(x.weights.size()));
    for (std::size_t j = 0; j < muscle.findings.size(); ++j) {
      const FindingWeight& w = muscle.findings[j];
      ExplanationTables::Weight weight;
      weight.cite = gsl::span<const CitationIndex>(w.cite.data(), w.cite.size());
      weight.finding = w.finding;
      weight.index = gsl::narrow<std::uint16_t>(j);
      weight.positive = w.weight > 0.0F;
      x.weights.push_back(weight);
    }
  }
  x.muscle_weight_begin.push_back(gsl::narrow<std::uint32_t>(x.weights.size()));
  return x;
}

}  // namespace myoref::detail
