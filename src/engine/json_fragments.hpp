// Pieces of assessment JSON made once per knowledge base (in the loader's
// finalize()), so that writing an assessment is mostly copying them.
//
// An assessment names region keys, findings and candidates by their ids, and
// gives each reason as a sentence built from the knowledge base's words.
// Every such string is held here already quoted and escaped as the
// assessment writer would write it (JsonWriter's escaping, byte by byte, so
// an escaped piece followed by another is the escaped whole), and every
// reason's words around its list of regions are held the same way, made by
// the same functions as Assessment::describe() (append_reason_head / _tail).
#ifndef MYOREF_SRC_ASSESS_JSON_FRAGMENTS_HPP
#define MYOREF_SRC_ASSESS_JSON_FRAGMENTS_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "myoref/types.hpp"

namespace myoref {
class KnowledgeBase;
}

namespace myoref::detail {

struct ExplanationTables;
struct ScoringTables;

struct JsonFragments {
  /// A piece of `text`.
  struct Piece {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
  };

  /// Every piece, back to back, then kSpare spaces: 32 chars can be read
  /// from the start of any piece (JsonWriter's *_padded functions copy a
  /// piece of up to 32 chars as one fixed move).
  std::string text;
  static constexpr std::size_t kSpare = 32;

  std::string_view operator[](Piece p) const noexcept { return {text.data() + p.offset, p.size}; }

  // Quoted strings ("\"iliac_crest:left\""), by index.
  std::vector<Piece> region_key;         ///< by region key: its key
  std::vector<Piece> region_id;          ///< by region: its id
  std::vector<Piece> finding_id;         ///< by finding
  std::vector<Piece> red_flag_id;        ///< by red flag
  std::vector<Piece> red_flag_question;  ///< by red flag: its question
  std::vector<Piece> citation_key;       ///< by citation
  std::vector<Piece> candidate_key;
  std::vector<Piece> muscle_id;
  std::vector<Piece> muscle_name;

  /// By region key: its phrase in a reason, escaped, unquoted ("top of the
  /// pelvis (left)").
  std::vector<Piece> region_phrase;

  /// By zone (ScoringTables' numbering) and zone reason kind (essential_zone,
  /// spillover_zone, zone_not_painful): the reason's words before its regions,
  /// opening quote included, and after them, closing quote included, for a
  /// reason citing the trigger point's citations.
  std::vector<Piece> zone_head;  ///< zone * 3 + kind
  std::vector<Piece> zone_tail;  ///< zone * 3 + kind

  /// By finding weight (ExplanationTables' numbering) and finding reason kind
  /// (finding_for, finding_against, denied_for): the whole reason, quoted,
  /// for a reason citing the weight's citations.
  std::vector<Piece> weight_reason;  ///< weight * 3 + kind - finding_for
};

/// Builds the pieces for a loaded knowledge base from its compiled tables.
JsonFragments compile_json_fragments(const KnowledgeBase& kb, const ScoringTables& scoring,
                                     const ExplanationTables& explanation);

/// The pieces of a knowledge base (made when it was loaded).
/// Built on first use and kept with the engine; throws std::bad_alloc when it
/// cannot be built (nothing is kept, and the next call tries again).
const JsonFragments& json_fragments(const KnowledgeBase& kb);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_JSON_FRAGMENTS_HPP
