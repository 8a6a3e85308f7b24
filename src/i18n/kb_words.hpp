// The words of a knowledge base, apart from its clinical content.
//
// One table (kb_words.cpp, documented in docs/languages.md) says which fields
// of the canonical form are words a person reads: names, descriptions,
// symptoms, steps, cues, advice, question texts, region names. Everything
// else — ids, zones, weights, rules, exercise structure and doses — is the
// clinical content. The table gives, mechanically from the structure:
//   - each word's stable key ("muscle.gluteus_medius.name",
//     "exercise.gluteus_medius_clamshell.instructions.2"), for locale packs;
//   - the clinical form that the hash covers (the canonical form without
//     the words), so that translating or rewording never changes the hash.
#ifndef MYOREF_SRC_I18N_KB_WORDS_HPP
#define MYOREF_SRC_I18N_KB_WORDS_HPP

#include <functional>
#include <string>
#include <string_view>

#include "util/json.hpp"

namespace myoref::detail {

/// Calls `visit(key, text)` for every word of a canonical knowledge-base
/// value, in document order; `text` may be replaced in place.
void for_each_word(json::value& kb,
                   const std::function<void(const std::string& key, json::string& text)>& visit);

/// The canonical value without its words: what KnowledgeBase::hash() covers.
void strip_words(json::value& kb);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_I18N_KB_WORDS_HPP
