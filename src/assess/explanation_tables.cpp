#include "assess/explanation_tables.hpp"

#include <gsl/narrow>

#include "assess/scoring.hpp"
#include "kb/kb_data.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {

const ExplanationTables& explanation_tables(const KnowledgeBase& kb) noexcept {
  return kb.data().explanation;
}

ExplanationTables compile_explanation_tables(const KnowledgeBase& kb, const ScoringTables& t) {
  ExplanationTables x;
  const auto keys = kb.region_keys();
  const std::size_t nr = t.region_key_count;
  const std::size_t nc = t.candidate_count;
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
  x.key_candidate_begin.reserve(nr + 1);
  for (std::size_t r = 0; r < nr; ++r) {
    x.key_zone_begin.push_back(gsl::narrow<std::uint32_t>(x.key_zone.size()));
    x.key_zone.insert(x.key_zone.end(), zones_of[r].begin(), zones_of[r].end());
    x.key_candidate_begin.push_back(gsl::narrow<std::uint32_t>(x.key_candidate.size()));
    for (std::size_t c = 0; c < nc; ++c) {
      const ZoneRelation rel = t.relation[c * nr + r];
      if (rel != ZoneRelation::none) {
        x.key_candidate.push_back(
            gsl::narrow<std::uint32_t>(c * 2 + (rel == ZoneRelation::essential ? 1U : 0U)));
      }
    }
  }
  x.key_zone_begin.push_back(gsl::narrow<std::uint32_t>(x.key_zone.size()));
  x.key_candidate_begin.push_back(gsl::narrow<std::uint32_t>(x.key_candidate.size()));

  x.key_side.reserve(nr);
  for (const RegionKey& key : keys)
    x.key_side.push_back(static_cast<std::uint8_t>(key.side));
  return x;
}

}  // namespace myoref::detail
