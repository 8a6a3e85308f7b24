// Words for reasons and reports: how regions, trigger points, findings and
// citations read in a sentence, from words prepared when the engine was
// compiled (ScoringTables). The engine's JSON pieces are made of them, and the
// assessment's explanations and reports use them.
#ifndef MYOREF_SRC_ENGINE_PHRASES_HPP
#define MYOREF_SRC_ENGINE_PHRASES_HPP

#include <string>
#include <string_view>

#include <gsl/span>

#include "myoref/assess.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {

/// Appends one reason in words, with its citation keys (Assessment::describe):
/// its head, its regions (append_region_phrases), its tail.
void append_reason(std::string& out, const KnowledgeBase& kb, CandidateIndex candidate,
                   const Reason& reason);
/// The words of a reason before its list of regions ("Refers pain to "), and
/// after it (": essential zone of the back trigger point [donnelly2019]").
/// A reason about findings has no regions: its head is the sentence and its
/// tail the citations.
void append_reason_head(std::string& out, const KnowledgeBase& kb, CandidateIndex candidate,
                        const Reason& reason);
void append_reason_tail(std::string& out, const KnowledgeBase& kb, CandidateIndex candidate,
                        const Reason& reason);

/// "upper buttock": a name in running prose (first letter lowered unless the
/// word looks like an acronym).
std::string lower_first(std::string_view text);

/// "top of the pelvis (left); sacrum".
void append_region_phrases(std::string& out, const KnowledgeBase& kb,
                           gsl::span<const RegionKeyIndex> keys);
std::string region_key_phrases(const KnowledgeBase& kb, gsl::span<const RegionKeyIndex> keys);

/// " [donnelly2019, davies2013]", or nothing for no citations.
void append_citations(std::string& out, const KnowledgeBase& kb,
                      gsl::span<const CitationIndex> cite);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ENGINE_PHRASES_HPP
