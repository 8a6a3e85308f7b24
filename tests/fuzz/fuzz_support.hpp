// What every fuzz target shares: the libFuzzer entry point and the check that
// turns a broken promise into a crash that libFuzzer (or the replaying stub,
// or ctest) reports.
#ifndef MYOREF_TESTS_FUZZ_FUZZ_SUPPORT_HPP
#define MYOREF_TESTS_FUZZ_FUZZ_SUPPORT_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "myoref/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace myoref::fuzz {

[[noreturn]] inline void check_failed(const char* what, const char* file, int line,
                                      const std::string& detail) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n%s\n", file, line, what, detail.c_str());
  std::abort();
}

/// The promises every refusal keeps, whatever the input: a code that names a
/// kind of bad input (never ok, never internal), a summary, at least one
/// diagnostic, and every diagnostic path empty or a JSON pointer.
inline std::string refusal_problem(const Error& e) {
  if (e.code() == ErrorCode::ok || e.code() == ErrorCode::internal)
    return std::string("code ") + to_string(e.code());
  if (e.message().empty())
    return "empty summary";
  if (e.diagnostics().empty())
    return "no diagnostic: " + e.message();
  for (const Diagnostic& d : e.diagnostics()) {
    if (!d.path.empty() && d.path.front() != '/')
      return "path is not a JSON pointer: " + d.path;
    if (d.message.empty())
      return "empty diagnostic message at " + d.path;
  }
  return {};
}

}  // namespace myoref::fuzz

/// Aborts with a message when `cond` is false, in every build type.
#define FUZZ_CHECK(cond, detail)                                                    \
  do {                                                                              \
    if (!(cond))                                                                    \
      ::myoref::fuzz::check_failed(#cond, __FILE__, __LINE__, std::string(detail)); \
  } while (false)

/// Checks that an Error keeps the promises of refusal_problem().
#define FUZZ_CHECK_REFUSAL(error)                                                  \
  do {                                                                             \
    const std::string fuzz_problem_ = ::myoref::fuzz::refusal_problem(error);      \
    FUZZ_CHECK(fuzz_problem_.empty(), fuzz_problem_ + "\n" + (error).to_string()); \
  } while (false)

#endif  // MYOREF_TESTS_FUZZ_FUZZ_SUPPORT_HPP
