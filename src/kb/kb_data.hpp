// The loaded knowledge base's model: what the document says, validated, every
// id resolved to a dense index, and the lookup tables built once at load.
// What is compiled from it for the hot paths (scoring, explanations, JSON
// pieces) is the engine's (src/engine/), never this layer's.
//
// A KbData is built by the loader (kb_loader.cpp) and then only read, shared
// by every copy of the KnowledgeBase that owns it. Nothing here is iterated
// in an order that depends on hashing: lookups are std::map, everything else
// is in document order.
#ifndef MYOREF_SRC_KB_KB_DATA_HPP
#define MYOREF_SRC_KB_KB_DATA_HPP

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/error.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {

/// Text -> dense index. std::less<> lets a std::string_view look up without
/// building a std::string.
using IdTable = std::map<std::string, std::uint16_t, std::less<>>;

struct KbData {
  // --- The document's header ---------------------------------------------
  std::string id;       ///< "myoref-default"
  std::string version;  ///< "0.1.0"
  std::string title;
  std::optional<std::string> license;
  /// SHA-256 hex of the canonical text (kb_writer.hpp). Computed on first
  /// use, not at load: writing and hashing the canonical text costs more than
  /// the whole load, and many hosts never ask. The built-in base has it from
  /// the build instead (builtin_kb.cpp). Use KnowledgeBase::hash().
  mutable std::string hash;
  mutable std::once_flag hash_once;
  bool loaded = false;  ///< false for the empty model of a default KnowledgeBase

  // --- Language (docs/languages.md) -----------------------------------------
  /// The locale its words and messages are in ("en", "es", "es-MX").
  std::string locale = "en";
  /// Its message catalogue; null means the English one (english_catalogue()).
  std::shared_ptr<const Catalogue> messages;
  /// Localized copies made from this one by KnowledgeBase::localized()
  /// without a host pack, by locale, made once and kept.
  mutable std::mutex localized_mutex;
  mutable std::map<std::string, KnowledgeBase, std::less<>> localized;
  /// The muscles' names in the source language (English) when this is a
  /// localized copy; empty for a knowledge base as loaded. Plan documents
  /// record their reason in the source language, so that a plan's document
  /// is the same in every language (docs/protocol.md).
  std::vector<std::string> source_muscle_names;
  /// Likewise the red flags', the triage rules' and the age rule's advice in
  /// the source language (in that order, red flags and rules by index): a
  /// plan stores its triage advice as given, and says it again in this
  /// language (protocol/next.cpp).
  std::vector<std::string> source_advice;

  // --- The model, in document order ----------------------------------------
  std::vector<Citation> citations;
  std::vector<Region> regions;
  std::vector<Finding> findings;
  std::vector<RedFlag> red_flags;
  AgeRule age_rule;
  std::vector<Precaution> precautions;
  std::vector<Screen> screens;
  std::vector<TriageRule> triage_rules;
  std::vector<Lookalike> lookalikes;
  std::vector<Muscle> muscles;
  std::vector<Exercise> exercises;
  bool has_chart = false;  ///< the document had a "chart"; `chart` is empty otherwise
  /// Shapes and marks hold the authored left/midline element followed at once
  /// by its mirrored right-side copy (for paired regions and muscles), so the
  /// authored ones are exactly those whose side is not right.
  Chart chart;

  // --- Sides, resolved once ------------------------------------------------
  /// Regions in document order; a paired region gives `id:left` then `id:right`,
  /// a midline region gives `id`.
  std::vector<RegionKey> region_keys;
  /// By region: its left (or only) key; a paired region's right key is the next one.
  std::vector<RegionKeyIndex> region_first_key;
  /// By region key: the same region's key on the other side (itself for midline).
  std::vector<RegionKeyIndex> region_key_mirror;
  /// By region key: the keys of the parts it covers when its region is coarse
  /// (empty otherwise). A paired coarse region on one side covers its paired
  /// parts on that side and its midline parts; a midline one covers its
  /// midline parts and its paired parts on both sides.
  std::vector<std::vector<RegionKeyIndex>> region_key_parts;
  /// By region key: the coarse keys that cover it (the inverse of region_key_parts).
  std::vector<std::vector<RegionKeyIndex>> region_key_coarse;
  /// Muscles in document order; a paired muscle gives `id:left` then
  /// `id:right`, a midline muscle gives `id`.
  std::vector<Candidate> candidates;
  /// By muscle: its left (or only) candidate; a paired muscle's right one is next.
  std::vector<CandidateIndex> muscle_first_candidate;
  /// By candidate: the same muscle on the other side (itself for midline).
  std::vector<CandidateIndex> candidate_mirror;

  // --- Lookups by text -------------------------------------------------------
  IdTable citation_by_key;
  IdTable region_by_id;
  IdTable finding_by_id;
  IdTable red_flag_by_id;
  IdTable precaution_by_id;
  IdTable muscle_by_name;  ///< ids and aliases
  IdTable exercise_by_id;
};

/// The id (a citation's key) of entry `index` of the kind `kind` names: the
/// one switch from a reference's kind to its record (the canonical writer's
/// and KnowledgeBase::id_of). `index` must be valid for that kind.
const std::string& id_of(const KbData& kb, schema::Ids kind, std::uint16_t index) noexcept;

/// Reads and validates a knowledge-base document into its model: every id
/// resolved, the side tables and the lookups in place (kb_loader.cpp). The
/// engine is compiled from it by the layer above (src/engine/engine.hpp).
/// Its words are in `locale`, its sentences composed from `messages` (null:
/// English).
Expected<std::shared_ptr<KbData>> load_model(std::string_view text, const KbLimits& limits,
                                             std::shared_ptr<const Catalogue> messages = nullptr,
                                             std::string_view locale = "en");

}  // namespace myoref::detail

#endif  // MYOREF_SRC_KB_KB_DATA_HPP
