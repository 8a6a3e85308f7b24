// Strict JSON reading shared by every loader (knowledge base, intake, session,
// plan), and small helpers for JSON pointers and "did you mean" suggestions.
#ifndef MYOREF_SRC_UTIL_JSON_HPP
#define MYOREF_SRC_UTIL_JSON_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "myoref/error.hpp"

namespace myoref::detail {

namespace json = boost::json;

struct JsonLimits {
  std::size_t max_bytes = 1U << 20U;   ///< whole document
  std::size_t max_depth = 32;          ///< nesting of arrays and objects
  std::size_t max_array = 10000;       ///< elements of any one array
  std::size_t max_object = 1000;       ///< members of any one object
  std::size_t max_string = 1U << 16U;  ///< bytes of any one string or key
};

/// Parses `text` as one strict JSON document: RFC 8259 only (no comments, no
/// trailing commas, no trailing data), valid UTF-8, no duplicate keys, finite
/// numbers, within `limits`. `what` names the document in the error summary
/// ("intake", "knowledge base"). Parse errors carry the line and column.
Expected<json::value> parse_json(std::string_view text, const JsonLimits& limits,
                                 std::string_view what);

/// As above, with the document's memory taken from `storage` instead of an
/// arena of its own. A caller that parses, reads and drops a document can pass
/// a non-owning pointer to a local json::monotonic_resource (perhaps over a
/// stack buffer): the document then costs no per-node frees, since a
/// non-shared monotonic resource makes destroying the value a no-op. The
/// value must not outlive the resource.
Expected<json::value> parse_json(std::string_view text, const JsonLimits& limits,
                                 std::string_view what, json::storage_ptr storage);

/// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string pointer(std::string_view base, std::string_view token);
std::string pointer(std::string_view base, std::size_t index);

/// Levenshtein distance, for suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `unknown` when it is close enough to be a likely
/// typo (distance at most max(2, |unknown| / 3)); "" otherwise. Ties go to the
/// first candidate, so the answer is deterministic.
///
/// Suggestions are a courtesy, so their cost is bounded: candidates whose
/// length alone rules them out are skipped, and the comparisons made are paid
/// for from `work` (about one unit per character pair compared). When `work`
/// cannot pay for the next comparison it is set to 0 and the answer is "" (no
/// suggestion), so a caller that shares one budget among all the suggestions
/// for one document bounds the time a hostile document can take.
std::string closest(std::string_view unknown, const std::vector<std::string_view>& candidates,
                    std::size_t& work);
/// The same with a budget of its own (kSuggestionWorkPerCall).
std::string closest(std::string_view unknown, const std::vector<std::string_view>& candidates);

/// The work one closest() call may do on its own budget: far more than a
/// knowledge base of hundreds of 64-character ids needs, a few milliseconds.
inline constexpr std::size_t kSuggestionWorkPerCall = std::size_t{1} << 20U;
/// The work all the suggestions for one document may do together.
inline constexpr std::size_t kSuggestionWorkPerDocument = std::size_t{1} << 25U;

/// How much of a piece of input a message quotes: at most this many
/// characters (code points), then an ellipsis.
inline constexpr std::size_t kQuotedChars = 64;

/// At most `max_chars` characters of `text` as valid UTF-8: each byte that is
/// not part of a well-formed UTF-8 sequence becomes U+FFFD, and a text cut
/// short (on a character boundary) ends with "…". Reads only what it keeps,
/// so a 10 MB input costs no more than a short one.
std::string bounded_utf8(std::string_view text, std::size_t max_chars = kQuotedChars);

/// `text` as a JSON string, quotes included, bounded as bounded_utf8 does:
/// text from a document may hold quotes, line breaks or terminal escape
/// sequences, which must not reach a message as they are, and may be huge or
/// not UTF-8 (an id passed to the C API).
std::string quoted(std::string_view text);

/// " (did you mean \"x\"?)" or "".
std::string did_you_mean(const std::string& suggestion);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_UTIL_JSON_HPP
