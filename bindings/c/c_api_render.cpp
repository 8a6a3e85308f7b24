// The C API: pictures (SVG body charts) and the HTML report.
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include "c_api.hpp"
#include "c_api_options.hpp"
#include "myoref/assess.hpp"
#include "myoref/plan.hpp"
#include "myoref/render.hpp"

using myoref::capi::guard;
using myoref::capi::text_view;

namespace {

// The sizes of the options structs by layout version (c_api_options.hpp).
constexpr std::size_t kRenderOptionsLayouts[] = {sizeof(myoref_render_options)};
static_assert(std::size(kRenderOptionsLayouts) == MYOREF_RENDER_OPTIONS_VERSION);
constexpr std::size_t kReportOptionsLayouts[] = {sizeof(myoref_report_options)};
static_assert(std::size(kReportOptionsLayouts) == MYOREF_REPORT_OPTIONS_VERSION);

// The options a C caller gave, read up to the layout its version says (an
// older caller's members only; the defaults for the rest). NULL means the
// defaults; so does a NULL string.
int read_options(const char* fn, const myoref_render_options* c, myoref::RenderOptions& o) {
  o = myoref::RenderOptions{};
  if (c == nullptr) {
    return MYOREF_OK;
  }
  const std::size_t size = myoref::capi::options_layout_size(c->version, kRenderOptionsLayouts);
  if (size == 0) {
    return myoref::capi::set_error(
        MYOREF_EINVAL, fn,
        myoref::capi::options_version_message("render options", c->version,
                                              std::size(kRenderOptionsLayouts)));
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, width_px)) {
    o.width_px = c->width_px;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, legend)) {
    o.legend = c->legend != 0;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, heading)) {
    o.heading = c->heading != 0;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, id_prefix) && c->id_prefix != nullptr) {
    o.id_prefix = c->id_prefix;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, essential_colour) && c->essential_colour != nullptr) {
    o.essential_colour = c->essential_colour;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, overlay_colour) && c->overlay_colour != nullptr) {
    o.overlay_colour = c->overlay_colour;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, trigger_point_colour) &&
      c->trigger_point_colour != nullptr) {
    o.trigger_point_colour = c->trigger_point_colour;
  }
  return MYOREF_OK;
}

int read_options(const char* fn, const myoref_report_options* c, myoref::ReportOptions& o) {
  o = myoref::ReportOptions{};
  if (c == nullptr) {
    return MYOREF_OK;
  }
  const std::size_t size = myoref::capi::options_layout_size(c->version, kReportOptionsLayouts);
  if (size == 0) {
    return myoref::capi::set_error(
        MYOREF_EINVAL, fn,
        myoref::capi::options_version_message("report options", c->version,
                                              std::size(kReportOptionsLayouts)));
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, ranked)) {
    o.ranked = c->ranked;
  }
  if (MYOREF_OPTION_IN_LAYOUT(c, size, charts)) {
    o.charts = c->charts;
  }
  return MYOREF_OPTION_IN_LAYOUT(c, size, chart) ? read_options(fn, c->chart, o.chart) : MYOREF_OK;
}

// A candidate by key, or MYOREF_ENOTFOUND.
int find_candidate(const char* fn, const myoref::KnowledgeBase& kb, std::string_view key,
                   myoref::CandidateIndex& out) {
  const auto found = kb.find_candidate(key);
  if (!found) {
    return myoref::capi::not_found(fn, "candidate", key);
  }
  out = *found;
  return MYOREF_OK;
}

int store(char** out, const myoref::Expected<std::string>& made) {
  if (!made) {
    return myoref::capi::fail(made.error());
  }
  *out = myoref::capi::to_c_string(*made);
  return MYOREF_OK;
}

}  // namespace

extern "C" {

int myoref_render_options_init(myoref_render_options* options, unsigned version) {
  MYOREF_CHECK_ARG(options);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const std::size_t size = myoref::capi::options_layout_size(version, kRenderOptionsLayouts);
    if (size == 0) {
      return myoref::capi::set_error(
          MYOREF_EINVAL, fn,
          myoref::capi::options_version_message("render options", version,
                                                std::size(kRenderOptionsLayouts)));
    }
    // Only the members of the caller's layout (an older caller's struct is smaller).
    const myoref::RenderOptions defaults;
    options->version = version;
    if (MYOREF_OPTION_IN_LAYOUT(options, size, width_px)) {
      options->width_px = defaults.width_px;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, legend)) {
      options->legend = defaults.legend ? 1 : 0;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, heading)) {
      options->heading = defaults.heading ? 1 : 0;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, id_prefix)) {
      options->id_prefix = nullptr;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, essential_colour)) {
      options->essential_colour = nullptr;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, overlay_colour)) {
      options->overlay_colour = nullptr;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, trigger_point_colour)) {
      options->trigger_point_colour = nullptr;
    }
    return MYOREF_OK;
  });
}

int myoref_report_options_init(myoref_report_options* options, unsigned version) {
  MYOREF_CHECK_ARG(options);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const std::size_t size = myoref::capi::options_layout_size(version, kReportOptionsLayouts);
    if (size == 0) {
      return myoref::capi::set_error(
          MYOREF_EINVAL, fn,
          myoref::capi::options_version_message("report options", version,
                                                std::size(kReportOptionsLayouts)));
    }
    const myoref::ReportOptions defaults;
    options->version = version;
    if (MYOREF_OPTION_IN_LAYOUT(options, size, ranked)) {
      options->ranked = defaults.ranked;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, charts)) {
      options->charts = defaults.charts;
    }
    if (MYOREF_OPTION_IN_LAYOUT(options, size, chart)) {
      options->chart = nullptr;
    }
    return MYOREF_OK;
  });
}

int myoref_render_muscle_svg(char** out, const myoref_kb* kb, const char* candidate, size_t len,
                             const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(candidate, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    myoref::CandidateIndex c = 0;
    int status = read_options(fn, options, o);
    if (status == MYOREF_OK) {
      status = find_candidate(fn, kb->kb, text_view(candidate, len), c);
    }
    return status != MYOREF_OK ? status : store(out, myoref::render_muscle_svg(kb->kb, c, o));
  });
}

int myoref_render_intake_svg(char** out, const myoref_intake* intake,
                             const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(intake);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    const int status = read_options(fn, options, o);
    return status != MYOREF_OK
               ? status
               : store(out, myoref::render_intake_svg(intake->kb, intake->intake, o));
  });
}

int myoref_render_overlay_svg(char** out, const myoref_intake* intake, const char* candidate,
                              size_t len, const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(intake);
  MYOREF_CHECK_TEXT(candidate, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    myoref::CandidateIndex c = 0;
    int status = read_options(fn, options, o);
    if (status == MYOREF_OK) {
      status = find_candidate(fn, intake->kb, text_view(candidate, len), c);
    }
    return status != MYOREF_OK
               ? status
               : store(out, myoref::render_overlay_svg(intake->kb, intake->intake, c, o));
  });
}

int myoref_render_candidates_svg(char** out, const myoref_assessment* assessment, size_t top_n,
                                 const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(assessment);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    const int status = read_options(fn, options, o);
    return status != MYOREF_OK
               ? status
               : store(out, myoref::render_candidates_svg(assessment->assessment, top_n, o));
  });
}

int myoref_render_report_html(char** out, const myoref_assessment* assessment,
                              const myoref_report_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(assessment);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::ReportOptions o;
    const int status = read_options(fn, options, o);
    return status != MYOREF_OK ? status
                               : store(out, myoref::render_report_html(assessment->assessment, o));
  });
}

int myoref_render_chart_svg(char** out, const myoref_kb* kb, const char* pain, size_t len,
                            const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(pain, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    if (const int status = read_options(fn, options, o); status != MYOREF_OK) {
      return status;
    }
    const std::string_view text = text_view(pain, len);
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    const bool blank = first == std::string_view::npos ||
                       (text[first] == '[' && last > first &&
                        text.find_first_not_of(" \t\r\n", first + 1) == last && text[last] == ']');
    if (blank) {
      return store(out, myoref::render_chart_svg(kb->kb, o));
    }
    // The marks are read as an intake's "pain" list, by the intake's reader,
    // so that they are checked alike and their errors have the same paths.
    std::string intake = "{\"pain\":";
    intake += text;
    intake += '}';
    auto parsed = myoref::parse_intake(kb->kb, intake);
    if (!parsed) {
      return myoref::capi::fail(parsed.error());
    }
    return store(out, myoref::render_chart_svg(kb->kb, parsed->pain, o));
  });
}

int myoref_render_pain_over_time_svg(char** out, const myoref_plan* plan,
                                     const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(plan);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    const int status = read_options(fn, options, o);
    return status != MYOREF_OK ? status
                               : store(out, myoref::render_pain_over_time_svg(plan->plan, o));
  });
}

// --- on JSON documents -----------------------------------------------------

int myoref_render_intake_svg_json(char** out, const myoref_kb* kb, const char* intake, size_t len,
                                  const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(intake, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    if (const int status = read_options(fn, options, o); status != MYOREF_OK) {
      return status;
    }
    auto parsed = myoref::parse_intake(kb->kb, text_view(intake, len));
    if (!parsed) {
      return myoref::capi::fail(parsed.error());
    }
    return store(out, myoref::render_intake_svg(kb->kb, *parsed, o));
  });
}

int myoref_render_overlay_svg_json(char** out, const myoref_kb* kb, const char* intake, size_t len,
                                   const char* candidate, size_t candidate_len,
                                   const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(intake, len);
  MYOREF_CHECK_TEXT(candidate, candidate_len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    myoref::CandidateIndex c = 0;
    int status = read_options(fn, options, o);
    if (status == MYOREF_OK) {
      status = find_candidate(fn, kb->kb, text_view(candidate, candidate_len), c);
    }
    if (status != MYOREF_OK) {
      return status;
    }
    auto parsed = myoref::parse_intake(kb->kb, text_view(intake, len));
    if (!parsed) {
      return myoref::capi::fail(parsed.error());
    }
    return store(out, myoref::render_overlay_svg(kb->kb, *parsed, c, o));
  });
}

int myoref_render_candidates_svg_json(char** out, const myoref_kb* kb, const char* assessment,
                                      size_t len, size_t top_n,
                                      const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(assessment, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    if (const int status = read_options(fn, options, o); status != MYOREF_OK) {
      return status;
    }
    auto a = myoref::assessment_from_json(kb->kb, text_view(assessment, len));
    if (!a) {
      return myoref::capi::fail(a.error());
    }
    return store(out, myoref::render_candidates_svg(*a, top_n, o));
  });
}

int myoref_render_report_html_json(char** out, const myoref_kb* kb, const char* assessment,
                                   size_t len, const myoref_report_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(assessment, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::ReportOptions o;
    if (const int status = read_options(fn, options, o); status != MYOREF_OK) {
      return status;
    }
    auto a = myoref::assessment_from_json(kb->kb, text_view(assessment, len));
    if (!a) {
      return myoref::capi::fail(a.error());
    }
    return store(out, myoref::render_report_html(*a, o));
  });
}

int myoref_render_pain_over_time_svg_json(char** out, const myoref_kb* kb, const char* plan,
                                          size_t len, const myoref_render_options* options) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(plan, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    myoref::RenderOptions o;
    if (const int status = read_options(fn, options, o); status != MYOREF_OK) {
      return status;
    }
    auto p = myoref::Plan::from_json(kb->kb, text_view(plan, len));
    if (!p) {
      return myoref::capi::fail(p.error());
    }
    return store(out, myoref::render_pain_over_time_svg(*p, o));
  });
}

}  // extern "C"
