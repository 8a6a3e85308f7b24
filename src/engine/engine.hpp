// The engine: the tables compiled from a knowledge base's model for the hot
// paths (scoring, explanations, the assessment's JSON pieces). The layer
// between the model (src/kb/) and the assessment (src/assess/): built from the
// model, read by everything above it, never known to the model.
#ifndef MYOREF_SRC_ENGINE_ENGINE_HPP
#define MYOREF_SRC_ENGINE_ENGINE_HPP

#include <atomic>
#include <memory>
#include <mutex>
#include <string_view>

#include "engine/explanation_tables.hpp"
#include "engine/json_fragments.hpp"
#include "engine/scoring.hpp"
#include "engine/triage_tables.hpp"
#include "i18n/messages.hpp"
#include "myoref/error.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {

struct Engine {
  ScoringTables scoring;          ///< referral zones and finding weights as flat tables
  ExplanationTables explanation;  ///< region key -> zones, and what reasons need
  TriageTables triage;            ///< where each region stands in each screen and look-alike

  /// The assessment's JSON pieces, built on first use (json_fragments()): a
  /// host that never writes an assessment as JSON never pays for them.
  mutable std::mutex json_mutex;
  mutable std::atomic<const JsonFragments*> json{nullptr};
  mutable std::unique_ptr<const JsonFragments> json_owned;
};

/// Compiles the engine of a fully validated model, read through `model` (a
/// knowledge base with no engine yet). An Error fails the load.
Expected<std::shared_ptr<const Engine>> compile_engine(const KnowledgeBase& model);

/// Loads a knowledge base: its model (words in `locale`, sentences from
/// `messages`, null for English), then its engine. KnowledgeBase::from_json
/// is load_knowledge_base(text, limits, nullptr, "en").
Expected<KnowledgeBase> load_knowledge_base(std::string_view text, const KbLimits& limits,
                                            std::shared_ptr<const Catalogue> messages,
                                            std::string_view locale);

/// The engine of `kb`; an empty one for the empty knowledge base.
const Engine& engine_of(const KnowledgeBase& kb) noexcept;

/// Whether `text` is what a built-in language's words give for knowledge-base
/// word `key` ("red_flag.saddle_numbness.advice"): text saved in one language
/// (a plan's triage advice) can then be said again in another.
bool builtin_word_is(std::string_view key, std::string_view text);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ENGINE_ENGINE_HPP
