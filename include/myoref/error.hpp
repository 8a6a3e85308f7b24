// Errors as values: every fallible call in the C++ API returns Expected<T>.
//
// Bad input is never an exception and never an abort: it comes back as an
// Error carrying a code, a one-line summary and every problem found, each with
// the JSON pointer (RFC 6901) of the place it was found. Calling value() on an
// Expected that holds an error is a programming error and is caught by a GSL
// contract check.
#ifndef MYOREF_ERROR_HPP
#define MYOREF_ERROR_HPP

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <gsl/assert>

namespace myoref {

/// What kind of failure an Error reports. The numeric values are those of the
/// C API's status codes (negated there) and never change.
enum class ErrorCode : std::int8_t {
  ok = 0,
  invalid_argument = 1,     ///< a caller passed something the API does not accept
  parse = 2,                ///< the text is not well-formed JSON
  invalid_input = 3,        ///< well-formed JSON that breaks the schema or a rule
  limit_exceeded = 4,       ///< input larger or deeper than the documented limits
  safety_refusal = 5,       ///< refused by a safety rule (e.g. a plan at urgent triage)
  kb_mismatch = 6,          ///< a document made with another knowledge base
  integrity = 7,            ///< a document whose integrity check fails
  unsupported_version = 8,  ///< a format version this library does not know
  not_found = 9,            ///< an id or key that does not exist
  out_of_memory = 10,
  internal = 11,  ///< a bug in myoref; please report it
  misuse = 12,    ///< C API: a handle of another type (or freed) where one was expected
};

/// The stable lower-case name of a code ("invalid_input").
const char* to_string(ErrorCode code) noexcept;

/// One problem, where it was found. `path` is a JSON pointer into the document
/// that was read ("/pain/2/intensity"); empty when the problem has no place.
struct Diagnostic {
  std::string path;     ///< JSON pointer of the place, "" when it has none
  std::string message;  ///< what is wrong and what was expected, in one line

  friend bool operator==(const Diagnostic& a, const Diagnostic& b) {
    return a.path == b.path && a.message == b.message;
  }
};

/// A failure: a code, a summary line and every diagnostic found (in document
/// order). A loader reports all problems at once, never only the first.
class Error {
 public:
  Error() = default;
  /// An error of `code` with a summary line and the problems found.
  Error(ErrorCode code, std::string message, std::vector<Diagnostic> diagnostics = {})
      : code_(code), message_(std::move(message)), diagnostics_(std::move(diagnostics)) {}

  /// What kind of failure this is.
  ErrorCode code() const noexcept { return code_; }
  /// The one-line summary ("intake is not valid: 3 problems").
  const std::string& message() const noexcept { return message_; }
  /// Every problem found, in document order; may be empty.
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

  /// The path of the first diagnostic, or "" when there is none.
  const std::string& path() const noexcept;

  /// The summary followed by one "path: message" line per diagnostic.
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::internal;
  std::string message_;
  std::vector<Diagnostic> diagnostics_;
};

/// Either a value or the Error that prevented it.
template <class T>
class [[nodiscard]] Expected {
 public:
  /// A success holding `value`.
  // NOLINTNEXTLINE(google-explicit-constructor): `return value;` is the point
  Expected(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  /// A failure holding `error`.
  // NOLINTNEXTLINE(google-explicit-constructor): `return Error(...);` is the point
  Expected(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  /// Whether this holds a value (true) or an Error (false).
  ///@{
  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  ///@}

  /// The value; calling it on an error is a programming error (a GSL
  /// contract violation), so check has_value() first.
  ///@{
  T& value() & {
    Expects(has_value());
    return *std::get_if<0>(&v_);
  }
  const T& value() const& {
    Expects(has_value());
    return *std::get_if<0>(&v_);
  }
  T&& value() && {
    Expects(has_value());
    return std::move(*std::get_if<0>(&v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  ///@}

  /// The error; calling it on a value is a programming error, so check
  /// has_value() first.
  ///@{
  const Error& error() const& {
    Expects(!has_value());
    return *std::get_if<1>(&v_);
  }
  Error&& error() && {
    Expects(!has_value());
    return std::move(*std::get_if<1>(&v_));
  }
  ///@}

 private:
  std::variant<T, Error> v_;
};

/// Expected<void>: success, or an Error.
class [[nodiscard]] Status {
 public:
  /// Success.
  Status() = default;
  /// A failure holding `error`.
  // NOLINTNEXTLINE(google-explicit-constructor): `return Error(...);` is the point
  Status(Error error) : error_(std::move(error)), ok_(false) {}

  /// Whether this is a success.
  ///@{
  bool has_value() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  ///@}
  /// The error; calling it on a success is a programming error.
  const Error& error() const& {
    Expects(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace myoref

#endif  // MYOREF_ERROR_HPP
