// The canonical JSON form of a knowledge base.
//
// Fixed key order (the schema's, docs/knowledge-base.md), arrays in model
// order, every field written (defaults explicit, null where an optional field
// is absent), only the authored (left and midline) chart shapes and marks,
// numbers in their shortest exact form, pretty printed by detail::pretty. The
// hash of a knowledge base is the SHA-256 of its clinical text: this text
// without its words (i18n/kb_words.hpp), so that equal clinical content gives
// equal hashes whatever the formatting, key order or language of the source.
#ifndef MYOREF_SRC_KB_KB_WRITER_HPP
#define MYOREF_SRC_KB_KB_WRITER_HPP

#include <string>

#include "kb/kb_data.hpp"
#include "util/json.hpp"

namespace myoref::detail {

json::value kb_to_json_value(const KbData& kb);
json::object muscle_to_json_value(const KbData& kb, const Muscle& muscle);
json::object exercise_to_json_value(const KbData& kb, const Exercise& exercise);

/// The canonical text: pretty(kb_to_json_value(kb)).
std::string canonical_text(const KbData& kb);

/// The clinical text, which the hash covers: the canonical text without the
/// words a person reads (names, descriptions, steps, advice, questions).
std::string clinical_text(const KbData& kb);

/// A float written as the shortest decimal that reads back as the same float
/// ("0.6", not 0.60000002384...), held as the double nearest that decimal.
double shortest_double(float value) noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_KB_KB_WRITER_HPP
