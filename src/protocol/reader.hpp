// Strict field-by-field reading of session and plan documents: every problem
// becomes a Diagnostic with its JSON pointer, and reading goes on so that all
// of them are reported at once.
#ifndef MYOREF_SRC_PROTOCOL_READER_HPP
#define MYOREF_SRC_PROTOCOL_READER_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/error.hpp"
#include "myoref/plan.hpp"
#include "util/json.hpp"

namespace myoref::detail {

class Reader {
 public:
  std::vector<Diagnostic> problems;
  /// The language of the messages: English unless a reader of what a person
  /// gave (a session) sets the knowledge base's.
  const Catalogue* words = &english_catalogue();

  void fail(std::string path, std::string message) {
    problems.push_back({std::move(path), std::move(message)});
  }
  bool ok() const noexcept { return problems.empty(); }

  /// `v` as an object whose members are all in `known` and include all of
  /// `required`; nullptr (with a diagnostic) when it is not an object.
  const json::object* object(const json::value& v, std::string_view path,
                             const std::vector<std::string_view>& known,
                             const std::vector<std::string_view>& required);

  /// A member that object() has already required; nullptr when absent.
  static const json::value* member(const json::object& o, std::string_view key);

  std::optional<std::string> string(const json::value& v, std::string_view path);
  std::optional<std::string> nonempty_string(const json::value& v, std::string_view path);
  /// An integer in [lo, hi] (a JSON number without fraction or exponent).
  std::optional<int> integer(const json::value& v, std::string_view path, int lo, int hi);
  std::optional<bool> boolean(const json::value& v, std::string_view path);
  const json::array* array(const json::value& v, std::string_view path, std::size_t max_size);
  std::optional<std::vector<std::string>> strings(const json::value& v, std::string_view path,
                                                  std::size_t max_size);
};

/// Reads one session log (the contract's six fields) from a JSON value; the
/// problems found go to `r` with paths under `base`.
std::optional<SessionLog> read_session(Reader& r, const json::value& v, std::string_view base);

/// The session log as a JSON object with the contract's field names.
json::object session_to_json(const SessionLog& session);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_PROTOCOL_READER_HPP
