// What every file of the C API shares: the handle types, the last-error
// record, the one exception firewall and the argument checks.
//
// Every extern "C" function is written the same way:
//
//   int myoref_thing_do(char** out, const myoref_thing* thing) {
//     MYOREF_CHECK_OUT(out);             // argument checks first, outside the try
//     MYOREF_CHECK_ARG(thing);
//     return myoref::capi::guard(__func__, [&] { ... return MYOREF_OK; });
//   }
//
// guard() resets the calling thread's last error, runs the body and catches
// everything; translate_exception() holds the one catch ladder: std::bad_alloc
// becomes MYOREF_ENOMEM, anything else MYOREF_EINTERNAL. A body reports a C++ Error with
// fail(__func__, error). Functions that return a value rather than a status use guard_value(),
// which returns the given fallback when the body throws.
#ifndef MYOREF_BINDINGS_C_API_HPP
#define MYOREF_BINDINGS_C_API_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "myoref/assess.hpp"
#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/myoref.h"
#include "myoref/plan.hpp"
#include "myoref/types.hpp"

namespace myoref::capi {

// Every handle starts with its type's tag, so that a handle of another type
// (a knowledge base passed as an assessment, a freed handle, a pointer to
// something else) is reported as MYOREF_EMISUSE instead of being read as
// garbage. The values spell the type in ASCII; a free function sets
// `freed` before deleting.
enum class HandleTag : std::uint32_t {
  kb = 0x6b62'796dU,          // "mykb" in memory order on little-endian machines
  intake = 0x6e69'796dU,      // "myin"
  assessment = 0x7361'796dU,  // "myas"
  plan = 0x6c70'796dU,        // "mypl"
  freed = 0x6565'7266U,       // "free"
};

}  // namespace myoref::capi

// The tag is the first member of each handle, at offset 0 (checked in
// c_api_common.cpp).
struct myoref_kb {
  explicit myoref_kb(myoref::KnowledgeBase k) : kb(std::move(k)) {}
  myoref::capi::HandleTag tag = myoref::capi::HandleTag::kb;
  myoref::KnowledgeBase kb;
};

struct myoref_intake {
  myoref_intake(myoref::KnowledgeBase k, myoref::Intake i)
      : kb(std::move(k)), intake(std::move(i)) {}
  myoref::capi::HandleTag tag = myoref::capi::HandleTag::intake;
  myoref::KnowledgeBase kb;
  myoref::Intake intake;
};

struct myoref_assessment {
  explicit myoref_assessment(myoref::Assessment a) : assessment(std::move(a)) {}
  myoref::capi::HandleTag tag = myoref::capi::HandleTag::assessment;
  myoref::Assessment assessment;
  // Text that the C++ API computes on demand, made once here so that the
  // accessors can lend it out for the life of the handle (and the handle
  // stays immutable, hence shareable between threads).
  std::vector<std::string> advice;
  /// Every candidate's reasons in words, by rank: made on the first call of a
  /// basis accessor (under a mutex, so still safe from any number of
  /// threads; never changed once made), not with the handle: a host that
  /// wants only the JSON (which writes the reasons itself) does not pay for
  /// them, a third of an assessment's time in the WebAssembly build. Throws
  /// std::bad_alloc, and then tries again on the next call. (Not
  /// std::call_once: an exception out of it is not reliably handled by every
  /// libstdc++, GCC bug 66146.)
  const std::vector<std::vector<std::string>>& basis() const;

 private:
  mutable std::mutex basis_mutex_;
  mutable bool basis_made_ = false;
  mutable std::vector<std::vector<std::string>> basis_;
};

struct myoref_plan {
  explicit myoref_plan(myoref::Plan p) : plan(std::move(p)) {}
  myoref::capi::HandleTag tag = myoref::capi::HandleTag::plan;
  myoref::Plan plan;
};

namespace myoref::capi {

// Status codes are the C++ codes negated; both are pinned.
constexpr int status_of(ErrorCode code) noexcept {
  return -static_cast<int>(code);
}

/// Records an error on this thread and returns `status`. The message is
/// "FN: MESSAGE[: DETAIL]" (no "FN: " when fn is NULL). Never throws: when
/// the record cannot be stored, it falls back to a static out-of-memory one.
int set_error(int status, const char* fn, std::string_view message,
              std::string_view detail = {}) noexcept;
/// Records a C++ Error (code, summary, every diagnostic) and returns its status.
int fail(const Error& error) noexcept;
/// "FN: argument 'ARG' is NULL" as MYOREF_EINVAL.
int null_argument(const char* fn, const char* arg) noexcept;
/// "FN: WHAT INDEX is out of range (COUNT)" as MYOREF_ENOTFOUND.
int index_out_of_range(const char* fn, const char* what, std::size_t index,
                       std::size_t count) noexcept;
/// "FN: no WHAT 'ID'[; did you mean 'SUGGESTION'?]" as MYOREF_ENOTFOUND.
int not_found(const char* fn, const char* what, std::string_view id,
              std::string_view suggestion = {}) noexcept;
/// "FN: argument 'ARG' is WHAT IT IS, not WHAT IT SHOULD BE" as MYOREF_EMISUSE.
int wrong_handle(const char* fn, const char* arg, HandleTag expected, HandleTag found) noexcept;
/// Resets this thread's record to "no error".
void clear_error() noexcept;

/// Copies text the library made into a new C string for a `char** out`.
char* to_c_string(std::string_view text);

/// Reads a (text, len) pair; MYOREF_NTS means NUL-terminated. The caller has
/// checked text_ok() first.
inline std::string_view text_view(const char* text, std::size_t len) noexcept {
  if (text == nullptr) {
    return {};
  }
  return len == MYOREF_NTS ? std::string_view(text) : std::string_view(text, len);
}
/// A NULL text or buffer is allowed only when it is empty (len 0).
inline bool text_ok(const void* text, std::size_t len) noexcept {
  return text != nullptr || len == 0;
}

/// The catch ladder, in one place: called from inside a catch (...) block, it
/// rethrows the exception being handled, records it and returns its status.
int translate_exception(const char* fn) noexcept;

template <class Body>
int guard(const char* fn, Body&& body) noexcept {
  try {
    clear_error();
    return std::forward<Body>(body)();
  } catch (...) {
    return translate_exception(fn);
  }
}

template <class T, class Body>
T guard_value(const char* fn, T fallback, Body&& body) noexcept {
  try {
    clear_error();
    return std::forward<Body>(body)();
  } catch (...) {
    translate_exception(fn);
    return fallback;
  }
}

/// A borrowed string from `items[index]` (field(item) names a std::string of
/// it), or NULL with MYOREF_ENOTFOUND when index is out of range.
template <class Items, class Field>
const char* string_at(const char* fn, const char* what, const Items& items, std::size_t index,
                      Field field) noexcept {
  return guard_value<const char*>(fn, nullptr, [&]() -> const char* {
    if (index >= items.size()) {
      index_out_of_range(fn, what, index, items.size());
      return nullptr;
    }
    return field(items[index]).c_str();
  });
}

/// An int-valued property of `items[index]`, or MYOREF_ENOTFOUND.
template <class Items, class Value>
int int_at(const char* fn, const char* what, const Items& items, std::size_t index,
           Value value) noexcept {
  return guard(fn, [&]() -> int {
    if (index >= items.size()) {
      return index_out_of_range(fn, what, index, items.size());
    }
    return value(items[index]);
  });
}

template <class T>
struct HandleTraits {
  static constexpr bool is_handle = false;
};
template <>
struct HandleTraits<myoref_kb> {
  static constexpr bool is_handle = true;
  static constexpr HandleTag tag = HandleTag::kb;
};
template <>
struct HandleTraits<myoref_intake> {
  static constexpr bool is_handle = true;
  static constexpr HandleTag tag = HandleTag::intake;
};
template <>
struct HandleTraits<myoref_assessment> {
  static constexpr bool is_handle = true;
  static constexpr HandleTag tag = HandleTag::assessment;
};
template <>
struct HandleTraits<myoref_plan> {
  static constexpr bool is_handle = true;
  static constexpr HandleTag tag = HandleTag::plan;
};

/// The tag at the start of what `handle` points to, read as bytes (every
/// handle type has its tag there), so reading it is defined whatever the type.
inline HandleTag tag_of(const void* handle) noexcept {
  HandleTag tag{};
  std::memcpy(&tag, handle, sizeof tag);
  return tag;
}

/// The check of one pointer argument: NULL is MYOREF_EINVAL; a handle whose
/// tag is not its type's is MYOREF_EMISUSE. MYOREF_OK when it may be used.
template <class T>
int check_arg(const char* fn, const char* name, T* arg) noexcept {
  if (arg == nullptr) {
    return null_argument(fn, name);
  }
  using Handle = std::remove_cv_t<T>;
  if constexpr (HandleTraits<Handle>::is_handle) {
    const HandleTag found = tag_of(arg);
    if (found != HandleTraits<Handle>::tag) {
      return wrong_handle(fn, name, HandleTraits<Handle>::tag, found);
    }
  }
  return MYOREF_OK;
}

/// Frees a handle made with `new`: a NULL or a handle of another type is left
/// alone (the free functions report nothing; freeing another type's handle
/// as this one would corrupt memory). The tag says `freed` from then on.
template <class Handle>
void free_handle(Handle* handle) noexcept {
  if (handle == nullptr || tag_of(handle) != HandleTraits<Handle>::tag) {
    return;
  }
  handle->tag = HandleTag::freed;
  delete handle;
}

/// Converts between the C enums (pinned here) and the C++ ones.
std::optional<Side> side_from_c(int side) noexcept;
int side_to_c(Side side) noexcept;
int triage_to_c(TriageLevel level) noexcept;
int age_rule_to_c(AgeRuleOutcome outcome) noexcept;
int plan_status_to_c(PlanStatus status) noexcept;

}  // namespace myoref::capi

// Argument checks, made before the firewall (they cannot throw). A handle
// argument is also checked for its type (check_arg).
#define MYOREF_CHECK_ARG(arg)                                                       \
  do {                                                                              \
    if (const int myoref_check_ = ::myoref::capi::check_arg(__func__, #arg, (arg)); \
        myoref_check_ != MYOREF_OK) {                                               \
      return myoref_check_;                                                         \
    }                                                                               \
  } while (false)

// A pointer output: checked, then set to NULL so that it is NULL on failure.
#define MYOREF_CHECK_OUT(out) \
  do {                        \
    MYOREF_CHECK_ARG(out);    \
    *(out) = nullptr;         \
  } while (false)

// A (text, len) input: NULL only as the empty text.
#define MYOREF_CHECK_TEXT(text, len)                         \
  do {                                                       \
    if (!::myoref::capi::text_ok((text), (len))) {           \
      return ::myoref::capi::null_argument(__func__, #text); \
    }                                                        \
  } while (false)

// A caller-owned buffer of `len` elements: NULL only when len is 0.
#define MYOREF_CHECK_BUFFER(buffer, len) MYOREF_CHECK_TEXT(buffer, len)

// For functions that return a value: the check returns `fallback`.
#define MYOREF_CHECK_ARG_OR(arg, fallback)                               \
  do {                                                                   \
    if (::myoref::capi::check_arg(__func__, #arg, (arg)) != MYOREF_OK) { \
      return (fallback);                                                 \
    }                                                                    \
  } while (false)

#endif  // MYOREF_BINDINGS_C_API_HPP
