// Tables for triage, compiled once per knowledge base: for each screen and
// each look-alike, where each region stands in its list of regions.
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
#include <vector>

#include "myoref/kb.hpp"

namespace myoref::detail {

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

  /// The row of screen `s`, or nullptr when these tables are not of the
  /// knowledge base asked about (a knowledge base with no engine).
  const std::uint32_t* screen_row(std::size_t s) const noexcept {
    return s < screen_count ? screen_rank.data() + s * region_count : nullptr;
  }
  const std::uint32_t* lookalike_row(std::size_t l) const noexcept {
    return l < lookalike_count ? lookalike_rank.data() + l * region_count : nullptr;
  }
};

/// Builds the tables from a loaded knowledge base.
TriageTables compile_triage_tables(const KnowledgeBase& kb);

/// The tables of a knowledge base (compiled when it was loaded).
const TriageTables& triage_tables(const KnowledgeBase& kb) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ENGINE_TRIAGE_TABLES_HPP
