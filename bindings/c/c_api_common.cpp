// The C API's shared parts: the thread-local last-error record, the catch
// ladder, strings, versions and the names of enum values.
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "c_api.hpp"
#include "myoref/myoref.hpp"
#include "util/json.hpp"

namespace myoref::capi {
namespace {

static_assert(status_of(ErrorCode::ok) == MYOREF_OK);
static_assert(status_of(ErrorCode::invalid_argument) == MYOREF_EINVAL);
static_assert(status_of(ErrorCode::parse) == MYOREF_EPARSE);
static_assert(status_of(ErrorCode::invalid_input) == MYOREF_EINPUT);
static_assert(status_of(ErrorCode::limit_exceeded) == MYOREF_ELIMIT);
static_assert(status_of(ErrorCode::safety_refusal) == MYOREF_EREFUSED);
static_assert(status_of(ErrorCode::kb_mismatch) == MYOREF_EMISMATCH);
static_assert(status_of(ErrorCode::integrity) == MYOREF_EINTEGRITY);
static_assert(status_of(ErrorCode::unsupported_version) == MYOREF_EVERSION);
static_assert(status_of(ErrorCode::not_found) == MYOREF_ENOTFOUND);
static_assert(status_of(ErrorCode::out_of_memory) == MYOREF_ENOMEM);
static_assert(status_of(ErrorCode::internal) == MYOREF_EINTERNAL);
static_assert(status_of(ErrorCode::misuse) == MYOREF_EMISUSE);

// Every handle's tag is where tag_of() reads it: at its start. (offsetof on
// these classes, which are not standard-layout, is conditionally supported;
// GCC and Clang support it.)
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
#endif
static_assert(offsetof(myoref_kb, tag) == 0);
static_assert(offsetof(myoref_intake, tag) == 0);
static_assert(offsetof(myoref_assessment, tag) == 0);
static_assert(offsetof(myoref_plan, tag) == 0);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

// The C enums share their values with the C++ ones, so a cast converts them.
static_assert(MYOREF_TRIAGE_SELF_CARE == static_cast<int>(TriageLevel::self_care));
static_assert(MYOREF_TRIAGE_SEE_CLINICIAN == static_cast<int>(TriageLevel::see_clinician));
static_assert(MYOREF_TRIAGE_URGENT == static_cast<int>(TriageLevel::urgent));
static_assert(MYOREF_TRIAGE_EMERGENCY == static_cast<int>(TriageLevel::emergency));
static_assert(MYOREF_AGE_RULE_NOT_APPLICABLE == static_cast<int>(AgeRuleOutcome::not_applicable));
static_assert(MYOREF_AGE_RULE_APPLIES == static_cast<int>(AgeRuleOutcome::applies));
static_assert(MYOREF_AGE_RULE_APPLIES_DURATION_UNKNOWN ==
              static_cast<int>(AgeRuleOutcome::applies_duration_unknown));
static_assert(MYOREF_AGE_RULE_AGE_UNKNOWN == static_cast<int>(AgeRuleOutcome::age_unknown));
static_assert(MYOREF_PLAN_ACTIVE == static_cast<int>(PlanStatus::active));
static_assert(MYOREF_PLAN_MAINTENANCE == static_cast<int>(PlanStatus::maintenance));
static_assert(MYOREF_PLAN_STOPPED_SEEK_CARE == static_cast<int>(PlanStatus::stopped_seek_care));
static_assert(MYOREF_PLAN_EXHAUSTED == static_cast<int>(PlanStatus::exhausted));

constexpr myoref_error kNoError{MYOREF_OK, "no error", "", 0};
// Used when recording an error itself runs out of memory.
constexpr myoref_error kOutOfMemory{MYOREF_ENOMEM, "out of memory", "", 0};

enum class RecordState : unsigned char { clean, recorded, out_of_memory };

// One per thread. Its strings keep their capacity between errors, so that a
// thread that fails often does not allocate for every failure.
struct ErrorRecord {
  RecordState state = RecordState::clean;
  std::string message;
  std::string path;
  std::vector<Diagnostic> diagnostics;
  myoref_error view{};

  void publish(int status) noexcept {
    view.code = status;
    view.message = message.c_str();
    view.path = path.c_str();
    view.diagnostic_count = diagnostics.size();
    state = RecordState::recorded;
  }
};

thread_local ErrorRecord t_record;

const Diagnostic* diagnostic_at(std::size_t index) noexcept {
  const ErrorRecord& r = t_record;
  if (r.state != RecordState::recorded || index >= r.diagnostics.size()) {
    return nullptr;
  }
  return &r.diagnostics[index];
}

}  // namespace

void clear_error() noexcept {
  t_record.state = RecordState::clean;
}

int set_error(int status, const char* fn, std::string_view message,
              std::string_view detail) noexcept {
  ErrorRecord& r = t_record;
  try {
    r.message.clear();
    if (fn != nullptr) {
      r.message += fn;
      r.message += ": ";
    }
    r.message += message;
    if (!detail.empty()) {
      r.message += ": ";
      r.message += detail;
    }
    r.path.clear();
    r.diagnostics.clear();
    r.publish(status);
  } catch (...) {
    // The record says "out of memory", so the status must say it too.
    r.state = RecordState::out_of_memory;
    return MYOREF_ENOMEM;
  }
  return status;
}

int fail(const Error& error) noexcept {
  // An Error never carries ok; if one ever did, it is a bug, not a success.
  const int status = error.code() == ErrorCode::ok ? MYOREF_EINTERNAL : status_of(error.code());
  ErrorRecord& r = t_record;
  try {
    r.message = error.message();
    r.path = error.path();
    r.diagnostics = error.diagnostics();
    r.publish(status);
  } catch (...) {
    r.state = RecordState::out_of_memory;
    return MYOREF_ENOMEM;
  }
  return status;
}

int null_argument(const char* fn, const char* arg) noexcept {
  try {
    return set_error(MYOREF_EINVAL, fn, "argument '" + std::string(arg) + "' is NULL");
  } catch (...) {
    return set_error(MYOREF_EINVAL, fn, "an argument is NULL");
  }
}

namespace {

const char* handle_noun(HandleTag tag) noexcept {
  switch (tag) {
    case HandleTag::kb:
      return "a knowledge base (myoref_kb)";
    case HandleTag::intake:
      return "an intake (myoref_intake)";
    case HandleTag::assessment:
      return "an assessment (myoref_assessment)";
    case HandleTag::plan:
      return "a plan (myoref_plan)";
    case HandleTag::freed:
      return "a freed handle";
  }
  return "not a myoref handle";
}

}  // namespace

int wrong_handle(const char* fn, const char* arg, HandleTag expected, HandleTag found) noexcept {
  try {
    return set_error(MYOREF_EMISUSE, fn,
                     "argument '" + std::string(arg) + "' is " + handle_noun(found) + ", not " +
                         handle_noun(expected));
  } catch (...) {
    return set_error(MYOREF_EMISUSE, fn, "a handle of the wrong type");
  }
}

int index_out_of_range(const char* fn, const char* what, std::size_t index,
                       std::size_t count) noexcept {
  try {
    return set_error(MYOREF_ENOTFOUND, fn,
                     std::string(what) + " " + std::to_string(index) +
                         " is out of range (there are " + std::to_string(count) + ")");
  } catch (...) {
    return set_error(MYOREF_ENOTFOUND, fn, "index out of range");
  }
}

int not_found(const char* fn, const char* what, std::string_view id,
              std::string_view suggestion) noexcept {
  try {
    std::string message = "no ";
    message += what;
    // The id comes from the host as it is: bounded and made valid UTF-8.
    message += " '";
    message += detail::bounded_utf8(id);
    message += "'";
    if (!suggestion.empty()) {
      message += "; did you mean '";
      message += detail::bounded_utf8(suggestion);
      message += "'?";
    }
    return set_error(MYOREF_ENOTFOUND, fn, message);
  } catch (...) {
    return set_error(MYOREF_ENOTFOUND, fn, "no such id");
  }
}

int translate_exception(const char* fn) noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return set_error(MYOREF_ENOMEM, fn, "out of memory");
  } catch (const std::exception& e) {
    return set_error(MYOREF_EINTERNAL, fn, "internal error (please report it)", e.what());
  } catch (...) {
    return set_error(MYOREF_EINTERNAL, fn, "internal error (please report it)");
  }
}

char* to_c_string(std::string_view text) {
  auto* s = static_cast<char*>(std::malloc(text.size() + 1));
  if (s == nullptr) {
    throw std::bad_alloc();
  }
  if (!text.empty()) {
    std::memcpy(s, text.data(), text.size());
  }
  s[text.size()] = '\0';
  return s;
}

std::optional<Side> side_from_c(int side) noexcept {
  switch (side) {
    case MYOREF_SIDE_NONE:
      return Side::none;
    case MYOREF_SIDE_LEFT:
      return Side::left;
    case MYOREF_SIDE_RIGHT:
      return Side::right;
    default:
      return std::nullopt;
  }
}

int side_to_c(Side side) noexcept {
  switch (side) {
    case Side::none:
      return MYOREF_SIDE_NONE;
    case Side::left:
      return MYOREF_SIDE_LEFT;
    case Side::right:
      return MYOREF_SIDE_RIGHT;
  }
  return MYOREF_EINTERNAL;
}

int triage_to_c(TriageLevel level) noexcept {
  switch (level) {
    case TriageLevel::self_care:
      return MYOREF_TRIAGE_SELF_CARE;
    case TriageLevel::see_clinician:
      return MYOREF_TRIAGE_SEE_CLINICIAN;
    case TriageLevel::urgent:
      return MYOREF_TRIAGE_URGENT;
    case TriageLevel::emergency:
      return MYOREF_TRIAGE_EMERGENCY;
  }
  return MYOREF_EINTERNAL;
}

int age_rule_to_c(AgeRuleOutcome outcome) noexcept {
  switch (outcome) {
    case AgeRuleOutcome::not_applicable:
      return MYOREF_AGE_RULE_NOT_APPLICABLE;
    case AgeRuleOutcome::applies:
      return MYOREF_AGE_RULE_APPLIES;
    case AgeRuleOutcome::applies_duration_unknown:
      return MYOREF_AGE_RULE_APPLIES_DURATION_UNKNOWN;
    case AgeRuleOutcome::age_unknown:
      return MYOREF_AGE_RULE_AGE_UNKNOWN;
  }
  return MYOREF_EINTERNAL;
}

int plan_status_to_c(PlanStatus status) noexcept {
  switch (status) {
    case PlanStatus::active:
      return MYOREF_PLAN_ACTIVE;
    case PlanStatus::maintenance:
      return MYOREF_PLAN_MAINTENANCE;
    case PlanStatus::stopped_seek_care:
      return MYOREF_PLAN_STOPPED_SEEK_CARE;
    case PlanStatus::exhausted:
      return MYOREF_PLAN_EXHAUSTED;
  }
  return MYOREF_EINTERNAL;
}

}  // namespace myoref::capi

namespace {

// The names come from the C++ API's to_string(), whose views are string
// literals, hence NUL-terminated with static storage.
const char* c_name(std::string_view name) noexcept {
  return name.empty() ? nullptr : name.data();
}

}  // namespace

extern "C" {

const char* myoref_version(void) {
  return MYOREF_VERSION_STRING;
}

int myoref_version_number(void) {
  return MYOREF_VERSION_NUMBER;
}

const char* myoref_status_name(int status) {
  if (status > 0 || status < MYOREF_EMISUSE) {
    return "unknown";
  }
  return myoref::to_string(static_cast<myoref::ErrorCode>(-status));
}

void myoref_string_free(char* s) {
  std::free(s);
}

const myoref_error* myoref_last_error(void) {
  const auto& r = myoref::capi::t_record;
  switch (r.state) {
    case myoref::capi::RecordState::recorded:
      return &r.view;
    case myoref::capi::RecordState::out_of_memory:
      return &myoref::capi::kOutOfMemory;
    case myoref::capi::RecordState::clean:
      break;
  }
  return &myoref::capi::kNoError;
}

const char* myoref_last_error_diagnostic_path(size_t index) {
  const auto* d = myoref::capi::diagnostic_at(index);
  return d == nullptr ? nullptr : d->path.c_str();
}

const char* myoref_last_error_diagnostic_message(size_t index) {
  const auto* d = myoref::capi::diagnostic_at(index);
  return d == nullptr ? nullptr : d->message.c_str();
}

void myoref_last_error_clear(void) {
  myoref::capi::clear_error();
}

const char* myoref_side_name(int side) {
  const auto s = myoref::capi::side_from_c(side);
  return s ? c_name(myoref::to_string(*s)) : nullptr;
}

const char* myoref_triage_level_name(int level) {
  if (level < MYOREF_TRIAGE_SELF_CARE || level > MYOREF_TRIAGE_EMERGENCY) {
    return nullptr;
  }
  return c_name(myoref::to_string(static_cast<myoref::TriageLevel>(level)));
}

const char* myoref_sex_name(int sex) {
  switch (sex) {
    case MYOREF_SEX_UNKNOWN:
      return "unknown";
    case MYOREF_SEX_FEMALE:
      return c_name(myoref::to_string(myoref::Sex::female));
    case MYOREF_SEX_MALE:
      return c_name(myoref::to_string(myoref::Sex::male));
    default:
      return nullptr;
  }
}

const char* myoref_onset_name(int onset) {
  switch (onset) {
    case MYOREF_ONSET_UNKNOWN:
      return "unknown";
    case MYOREF_ONSET_SUDDEN:
      return c_name(myoref::to_string(myoref::Onset::sudden));
    case MYOREF_ONSET_GRADUAL:
      return c_name(myoref::to_string(myoref::Onset::gradual));
    default:
      return nullptr;
  }
}

const char* myoref_age_rule_name(int outcome) {
  if (outcome < MYOREF_AGE_RULE_NOT_APPLICABLE || outcome > MYOREF_AGE_RULE_AGE_UNKNOWN) {
    return nullptr;
  }
  return c_name(myoref::to_string(static_cast<myoref::AgeRuleOutcome>(outcome)));
}

const char* myoref_plan_status_name(int status) {
  if (status < MYOREF_PLAN_ACTIVE || status > MYOREF_PLAN_EXHAUSTED) {
    return nullptr;
  }
  return c_name(myoref::to_string(static_cast<myoref::PlanStatus>(status)));
}

}  // extern "C"
