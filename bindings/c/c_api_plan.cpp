// The C API: plans (release -> stretch -> strengthen), on handles and on
// plan documents.
#include <cstddef>
#include <cstdlib>
#include <iterator>
#include <memory>

#include "c_api.hpp"
#include "c_api_options.hpp"

using myoref::capi::guard;
using myoref::capi::guard_value;
using myoref::capi::text_view;

namespace {

// The sizes of myoref_plan_options by layout version (c_api_options.hpp).
// Version 2 added max_candidates, max_exercises_per_step and no_improvement_weeks.
constexpr std::size_t kPlanOptionsLayouts[] = {offsetof(myoref_plan_options, max_candidates),
                                               sizeof(myoref_plan_options)};
static_assert(std::size(kPlanOptionsLayouts) == MYOREF_PLAN_OPTIONS_VERSION);

// The options a C caller gave, read up to the layout its version says (an
// older caller's members only; the defaults for the rest). NULL means the
// defaults.
int read_options(const char* fn, const myoref_plan_options* c, myoref::PlanOptions& options) {
  options = myoref::PlanOptions{};
  if (c == nullptr) {
    return MYOREF_OK;
  }
  const std::size_t size = myoref::capi::options_layout_size(c->version, kPlanOptionsLayouts);
  if (size == 0) {
    return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                   myoref::capi::options_version_message(
                                       "options", c->version, std::size(kPlanOptionsLayouts)));
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, release_trials)) {
    options.release_trials = c->release_trials;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, relief_points)) {
    options.relief_points = c->relief_points;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, relief_percent)) {
    options.relief_percent = c->relief_percent;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, worsening_points)) {
    options.worsening_points = c->worsening_points;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, worsening_sessions)) {
    options.worsening_sessions = c->worsening_sessions;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, maintenance_sessions)) {
    options.maintenance_sessions = c->maintenance_sessions;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, append_related)) {
    options.append_related = c->append_related != 0;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, max_candidates)) {
    options.max_candidates = c->max_candidates;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, max_exercises_per_step)) {
    options.max_exercises_per_step = c->max_exercises_per_step;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, no_improvement_weeks)) {
    options.no_improvement_weeks = c->no_improvement_weeks;
  }
  return MYOREF_OK;
}

int store(myoref_plan** out, myoref::Expected<myoref::Plan> made) {
  if (!made) {
    return myoref::capi::fail(made.error());
  }
  *out = new myoref_plan(std::move(*made));
  return MYOREF_OK;
}

struct StringFree {
  void operator()(char* s) const noexcept { std::free(s); }
};
using CString = std::unique_ptr<char, StringFree>;

}  // namespace

extern "C" {

int myoref_plan_options_init(myoref_plan_options* options, unsigned version) {
  MYOREF_CHECK_ARG(options);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const std::size_t size = myoref::capi::options_layout_size(version, kPlanOptionsLayouts);
    if (size == 0) {
      return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                     myoref::capi::options_version_message(
                                         "options", version, std::size(kPlanOptionsLayouts)));
    }
    // Only the members of the caller's layout: an older caller's struct is
    // smaller than this library's.
    const myoref::PlanOptions defaults;
    options->version = version;
    if (MYOREF_OPTION_IN_LAYOUT(options, size, release_trials)) {
      options->release_trials = defaults.release_trials;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, relief_points)) {
      options->relief_points = defaults.relief_points;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, relief_percent)) {
      options->relief_percent = defaults.relief_percent;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, worsening_points)) {
      options->worsening_points = defaults.worsening_points;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, worsening_sessions)) {
      options->worsening_sessions = defaults.worsening_sessions;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, maintenance_sessions)) {
      options->maintenance_sessions = defaults.maintenance_sessions;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, append_related)) {
      options->append_related = defaults.append_related ? 1 : 0;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, max_candidates)) {
      options->max_candidates = defaults.max_candidates;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, max_exercises_per_step)) {
      options->max_exercises_per_step = defaults.max_exercises_per_step;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, no_improvement_weeks)) {
      options->no_improvement_weeks = defaults.no_improvement_weeks;
    }
    return MYOREF_OK;
  });
}

int myoref_plan_start(myoref_plan** out, const myoref_assessment* assessment,
                      const myoref_plan_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(assessment);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::PlanOptions o;
    if (const int status = read_options(fn, options, o); status != MYOREF_OK) {
      return status;
    }
    const myoref::Assessment& a = assessment->assessment;
    return store(out, myoref::Plan::start(a.kb(), a, o));
  });
}

int myoref_plan_from_json(myoref_plan** out, const myoref_kb* kb, const char* text, size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(text, len);
  return guard(__func__,
               [&] { return store(out, myoref::Plan::from_json(kb->kb, text_view(text, len))); });
}

void myoref_plan_free(myoref_plan* plan) {
  myoref::capi::free_handle(plan);
}

int myoref_plan_to_json(char** out, const myoref_plan* plan) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(plan);
  return guard(__func__, [&] {
    *out = myoref::capi::to_c_string(plan->plan.to_json());
    return MYOREF_OK;
  });
}

int myoref_plan_next(char** out, const myoref_plan* plan) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(plan);
  return guard(__func__, [&] {
    *out = myoref::capi::to_c_string(plan->plan.next().to_json());
    return MYOREF_OK;
  });
}

int myoref_plan_next_text(char** out, const myoref_plan* plan) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(plan);
  return guard(__func__, [&] {
    *out = myoref::capi::to_c_string(plan->plan.next().to_text());
    return MYOREF_OK;
  });
}

int myoref_plan_log(char** out, myoref_plan* plan, const char* session, size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(plan);
  MYOREF_CHECK_TEXT(session, len);
  return guard(__func__, [&] {
    // Make the text before logging, so that running out of memory for it
    // cannot leave the plan changed behind a failed call.
    myoref::Plan updated = plan->plan;
    auto decision = updated.log(text_view(session, len));
    if (!decision) {
      return myoref::capi::fail(decision.error());
    }
    *out = myoref::capi::to_c_string(decision->to_json());
    plan->plan = std::move(updated);
    return MYOREF_OK;
  });
}

int myoref_plan_status(const myoref_plan* plan) {
  MYOREF_CHECK_ARG(plan);
  return guard(__func__, [&] { return myoref::capi::plan_status_to_c(plan->plan.status()); });
}

const char* myoref_plan_target(const myoref_plan* plan) {
  MYOREF_CHECK_ARG_OR(plan, nullptr);
  return guard_value<const char*>(__func__, nullptr, [&] {
    const auto current = plan->plan.current();
    return current ? plan->plan.candidates()[*current].key.c_str() : "";
  });
}

const char* myoref_plan_reason(const myoref_plan* plan) {
  MYOREF_CHECK_ARG_OR(plan, nullptr);
  return guard_value<const char*>(__func__, nullptr, [&] { return plan->plan.reason().c_str(); });
}

size_t myoref_plan_session_count(const myoref_plan* plan) {
  MYOREF_CHECK_ARG_OR(plan, std::size_t{0});
  return guard_value(__func__, std::size_t{0}, [&] { return plan->plan.sessions().size(); });
}

// --- on documents ----------------------------------------------------------

int myoref_plan_start_json(char** out, const myoref_kb* kb, const char* assessment, size_t len,
                           const myoref_plan_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(assessment, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::PlanOptions o;
    if (const int status = read_options(fn, options, o); status != MYOREF_OK) {
      return status;
    }
    auto a = myoref::assessment_from_json(kb->kb, text_view(assessment, len));
    if (!a) {
      return myoref::capi::fail(a.error());
    }
    auto plan = myoref::Plan::start(kb->kb, *a, o);
    if (!plan) {
      return myoref::capi::fail(plan.error());
    }
    *out = myoref::capi::to_c_string(plan->to_json());
    return MYOREF_OK;
  });
}

int myoref_plan_next_json(char** out, const myoref_kb* kb, const char* plan, size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(plan, len);
  return guard(__func__, [&] {
    auto p = myoref::Plan::from_json(kb->kb, text_view(plan, len));
    if (!p) {
      return myoref::capi::fail(p.error());
    }
    *out = myoref::capi::to_c_string(p->next().to_json());
    return MYOREF_OK;
  });
}

int myoref_plan_log_json(char** out_plan, char** out_decision, const myoref_kb* kb,
                         const char* plan, size_t plan_len, const char* session,
                         size_t session_len) {
  MYOREF_CHECK_OUT(out_plan);
  if (out_decision != nullptr) {
    *out_decision = nullptr;
  }
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(plan, plan_len);
  MYOREF_CHECK_TEXT(session, session_len);
  return guard(__func__, [&] {
    auto p = myoref::Plan::from_json(kb->kb, text_view(plan, plan_len));
    if (!p) {
      return myoref::capi::fail(p.error());
    }
    auto decision = p->log(text_view(session, session_len));
    if (!decision) {
      return myoref::capi::fail(decision.error());
    }
    // Both strings or neither.
    CString plan_text(myoref::capi::to_c_string(p->to_json()));
    CString decision_text;
    if (out_decision != nullptr) {
      decision_text.reset(myoref::capi::to_c_string(decision->to_json()));
    }
    *out_plan = plan_text.release();
    if (out_decision != nullptr) {
      *out_decision = decision_text.release();
    }
    return MYOREF_OK;
  });
}

}  // extern "C"
