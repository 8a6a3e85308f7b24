// Tables for explaining a ranked candidate, compiled once per knowledge base
// (from the scoring tables, in the loader's finalize()).
//
// assess() explains every listed candidate: which painful region keys its
// zones cover, which of them each trigger point's essential zone holds, which
// only a spillover zone reaches, and which of the best trigger point's
// essential keys are not painful. A drawing has few painful keys, and each
// is in few zones: so assess() goes from each painful key to the zones that
// hold it (these tables), marking it in a bit set per zone part, and then
// reads each list off a bit set (or the union of a candidate's), lowest bit
// first, which is the order of the painful keys. That does a fraction of the work of
// walking every zone of every listed candidate key by key, and gives the
// same lists in the same order.
#ifndef MYOREF_SRC_ASSESS_EXPLANATION_TABLES_HPP
#define MYOREF_SRC_ASSESS_EXPLANATION_TABLES_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include <gsl/span>

#include "myoref/types.hpp"

namespace myoref {
class KnowledgeBase;
}

namespace myoref::detail {

struct ScoringTables;

struct ExplanationTables {
  /// Zones in all (ScoringTables' numbering: zone = candidate_zone_begin[c] + trigger point).
  std::size_t zone_count = 0;

  /// Region key -> the zones that hold it, each as zone * 2 + part (0: its
  /// essential part; 1: its spillover part, less the zone's own essential
  /// keys, as ScoringTables::zone_spillover_keys). CSR: entries of region
  /// key r are [key_zone_begin[r], key_zone_begin[r + 1]).
  std::vector<std::uint32_t> key_zone_begin;
  std::vector<std::uint32_t> key_zone;

  /// Region key p -> the keys r that have p among their relatives
  /// (ScoringTables::relative_key: r's parts when coarse, its coarse regions
  /// when a part): when p hurts, a mark says the pain may be at each such r
  /// too. CSR: [key_near_begin[p], key_near_begin[p + 1]).
  std::vector<std::uint32_t> key_near_begin;
  std::vector<RegionKeyIndex> key_near;

  /// By region key: its Side (as a byte), for the cover's own-side rule.
  std::vector<std::uint8_t> key_side;

  /// What a reason about a zone needs, by zone.
  struct Zone {
    /// The trigger point's citations (a view into the knowledge base's model).
    gsl::span<const CitationIndex> cite;
    /// Its essential keys: [essential_begin, essential_end) of
    /// ScoringTables::zone_essential_keys, and how many, as a float.
    std::uint32_t essential_begin = 0;
    std::uint32_t essential_end = 0;
    float essential_size = 0.0F;
  };
  std::vector<Zone> zones;

  /// A muscle's finding weights, in its order (Muscle::findings); CSR by
  /// muscle: [muscle_weight_begin[m], muscle_weight_begin[m + 1]).
  struct Weight {
    gsl::span<const CitationIndex> cite;  ///< a view into the knowledge base's model
    FindingIndex finding = 0;
    std::uint16_t index = 0;  ///< into Muscle::findings
    bool positive = false;    ///< weight > 0: counts for the muscle
  };
  std::vector<std::uint32_t> muscle_weight_begin;
  std::vector<Weight> weights;
};

/// Builds the tables from a loaded knowledge base and its compiled scoring
/// tables.
ExplanationTables compile_explanation_tables(const KnowledgeBase& kb, const ScoringTables& scoring);

/// The tables of a knowledge base (compiled when it was loaded).
const ExplanationTables& explanation_tables(const KnowledgeBase& kb) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_EXPLANATION_TABLES_HPP
