// Plan documents: the JSON a host stores between sessions. Writing, the
// integrity check, and the upgrade of older format versions.
#ifndef MYOREF_SRC_PROTOCOL_DOCUMENT_HPP
#define MYOREF_SRC_PROTOCOL_DOCUMENT_HPP

#include <string>

#include "protocol/state.hpp"
#include "util/json.hpp"

namespace myoref::detail {

inline constexpr const char* kPlanFormat = "myoref.plan";

/// The canonical text of a JSON value: object members sorted by key (bytewise),
/// no whitespace. Independent of key order and indentation, so a host that
/// re-serialises a plan without changing a value keeps its integrity check.
std::string canonical_json(const json::value& value);

/// The integrity value of a plan document: SHA-256 (hex) of the canonical text
/// of the document without its "integrity" member.
std::string plan_integrity(const json::object& document);

/// The document of a state (current format), integrity included.
json::object plan_document(const PlanState& state);

/// Upgrades a format-1 document in place to format 2 (see docs/protocol.md,
/// "Versions"). The integrity check must have been verified before. Returns
/// the problems that make it no format-1 document (a field format 1 did not
/// have); the document is then left as it was.
std::vector<Diagnostic> migrate_v1_to_v2(json::object& document);
/// Upgrades a format-2 plan document to format 3 in place: no precautions, no
/// known duration, every candidate on one side, and options that keep its
/// behaviour (every listed candidate and exercise; the no-improvement stop at
/// 52 weeks). Diagnostics when it already has format-3 fields.
std::vector<Diagnostic> migrate_v2_to_v3(json::object& document);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_PROTOCOL_DOCUMENT_HPP
