/*
 * myoref_cxx.h: header-only C++17 RAII over the C API, for C++ hosts of the
 * shared library (which exports the C API only).
 *
 * Nothing here is compiled into the library and nothing throws: handles are
 * std::unique_ptr with the matching free function as deleter, and failures
 * are the C API's status codes plus a snapshot of the last error.
 *
 *   myoref::c::KbPtr kb = myoref::c::open_default_kb();
 *   if (!kb) { auto e = myoref::c::Error::last(); ... }
 *   std::string json;
 *   int status = myoref::c::call(json, myoref_assess_json, kb.get(), text.data(), text.size());
 *
 * The same habit as libjxl's decode_cxx.h.
 */
#ifndef MYOREF_MYOREF_CXX_H
#define MYOREF_MYOREF_CXX_H

#if !defined(__cplusplus) || __cplusplus < 201703L
#error "myoref_cxx.h is C++17; C hosts include myoref.h"
#endif

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "myoref/myoref.h"

namespace myoref {
namespace c {

/* Deleters: each calls the matching myoref_*_free (which accepts NULL). */
struct KbFree {
  /* Frees a knowledge base. */
  void operator()(myoref_kb* kb) const noexcept { myoref_kb_free(kb); }
};
/* Deleter of an intake. */
struct IntakeFree {
  /* Frees an intake. */
  void operator()(myoref_intake* intake) const noexcept { myoref_intake_free(intake); }
};
/* Deleter of an assessment. */
struct AssessmentFree {
  /* Frees an assessment. */
  void operator()(myoref_assessment* assessment) const noexcept {
    myoref_assessment_free(assessment);
  }
};
/* Deleter of a plan. */
struct PlanFree {
  /* Frees a plan. */
  void operator()(myoref_plan* plan) const noexcept { myoref_plan_free(plan); }
};
/* Deleter of a string the library made. */
struct StringFree {
  /* Frees it with myoref_string_free. */
  void operator()(char* s) const noexcept { myoref_string_free(s); }
};

/* Owning handles. */
using KbPtr = std::unique_ptr<myoref_kb, KbFree>;
using IntakePtr = std::unique_ptr<myoref_intake, IntakeFree>;
using AssessmentPtr = std::unique_ptr<myoref_assessment, AssessmentFree>;
using PlanPtr = std::unique_ptr<myoref_plan, PlanFree>;
/* A string the library made (myoref_string_free on destruction). */
using StringPtr = std::unique_ptr<char, StringFree>;

/* One problem of an error: where (a JSON pointer, "" when nowhere) and what. */
struct Diagnostic {
  std::string path;    /* JSON pointer of the place, "" when it has none */
  std::string message; /* what is wrong */
};

/* A copy of the calling thread's last error, which outlives the next call. */
struct Error {
  int code = MYOREF_OK;                /* the MYOREF_E* code, MYOREF_OK for none */
  std::string message;                 /* the one-line summary */
  std::string path;                    /* JSON pointer of the first problem, or "" */
  std::vector<Diagnostic> diagnostics; /* every problem, in document order */

  /* A copy of the calling thread's last error (myoref_last_error()). */
  static Error last() {
    const myoref_error* e = myoref_last_error();
    Error copy;
    copy.code = e->code;
    copy.message = e->message;
    copy.path = e->path;
    copy.diagnostics.reserve(e->diagnostic_count);
    for (std::size_t i = 0; i < e->diagnostic_count; ++i) {
      copy.diagnostics.push_back(
          {myoref_last_error_diagnostic_path(i), myoref_last_error_diagnostic_message(i)});
    }
    return copy;
  }

  /* The summary, then one "path: message" line per diagnostic. */
  std::string to_string() const {
    std::string text = message;
    for (const Diagnostic& d : diagnostics) {
      text += '\n';
      if (!d.path.empty()) {
        text += d.path;
        text += ": ";
      }
      text += d.message;
    }
    return text;
  }
};

/*
 * call(out, fn, args...): calls a C function whose first parameter is a
 * `char** out` (myoref_assess_json, myoref_plan_next, ...), moves the text it
 * made into `out` and frees it. Returns the function's status; `out` is left
 * as it was on failure.
 */
template <class Fn, class... Args>
int call(std::string& out, Fn fn, Args&&... args) {
  char* raw = nullptr;
  const int status = fn(&raw, std::forward<Args>(args)...);
  StringPtr owned(raw);
  if (status == MYOREF_OK && owned) {
    out.assign(owned.get());
  }
  return status;
}

/* The constructors: an empty pointer on failure (see Error::last()). */

/* myoref_kb_open_default: the built-in knowledge base. */
inline KbPtr open_default_kb() noexcept {
  myoref_kb* kb = nullptr;
  myoref_kb_open_default(&kb);
  return KbPtr(kb);
}

/* myoref_kb_open_json: a knowledge base from JSON text. */
inline KbPtr open_kb_json(std::string_view text) noexcept {
  myoref_kb* kb = nullptr;
  myoref_kb_open_json(&kb, text.data(), text.size());
  return KbPtr(kb);
}

/* myoref_intake_new: an empty intake to fill with the setters. */
inline IntakePtr new_intake(const myoref_kb* kb) noexcept {
  myoref_intake* intake = nullptr;
  myoref_intake_new(&intake, kb);
  return IntakePtr(intake);
}

/* myoref_intake_from_json: an intake from its JSON document. */
inline IntakePtr intake_from_json(const myoref_kb* kb, std::string_view text) noexcept {
  myoref_intake* intake = nullptr;
  myoref_intake_from_json(&intake, kb, text.data(), text.size());
  return IntakePtr(intake);
}

/* myoref_assess: triage and rank an intake. */
inline AssessmentPtr assess(const myoref_intake* intake) noexcept {
  myoref_assessment* assessment = nullptr;
  myoref_assess(&assessment, intake);
  return AssessmentPtr(assessment);
}

/* myoref_assessment_from_json: an assessment document read back. */
inline AssessmentPtr assessment_from_json(const myoref_kb* kb, std::string_view text) noexcept {
  myoref_assessment* assessment = nullptr;
  myoref_assessment_from_json(&assessment, kb, text.data(), text.size());
  return AssessmentPtr(assessment);
}

/* myoref_plan_start: a plan from an assessment (NULL options: the defaults). */
inline PlanPtr start_plan(const myoref_assessment* assessment,
                          const myoref_plan_options* options = nullptr) noexcept {
  myoref_plan* plan = nullptr;
  myoref_plan_start(&plan, assessment, options);
  return PlanPtr(plan);
}

/* myoref_plan_from_json: a stored plan document read back. */
inline PlanPtr plan_from_json(const myoref_kb* kb, std::string_view text) noexcept {
  myoref_plan* plan = nullptr;
  myoref_plan_from_json(&plan, kb, text.data(), text.size());
  return PlanPtr(plan);
}

}  // namespace c
}  // namespace myoref

#endif /* MYOREF_MYOREF_CXX_H */
