#include "engine/triage_tables.hpp"

#include "engine/engine.hpp"

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

}  // namespace

TriageTables compile_triage_tables(const KnowledgeBase& kb) {
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
  return tt;
}

const TriageTables& triage_tables(const KnowledgeBase& kb) noexcept {
  return engine_of(kb).triage;
}

}  // namespace myoref::detail
