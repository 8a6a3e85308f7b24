// The C API: pictures (SVG body charts) and the HTML report.
#include "c_api.hpp"
#include "myoref/render.hpp"

using myoref::capi::guard;
using myoref::capi::text_view;

namespace {

// The options a C caller gave, read up to the layout its version says. NULL
// means the defaults; so does a NULL string.
int read_options(const char* fn, const myoref_render_options* c, myoref::RenderOptions& o) {
  o = myoref::RenderOptions{};
  if (c == nullptr) {
    return MYOREF_OK;
  }
  if (c->version != MYOREF_RENDER_OPTIONS_VERSION) {
    return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                   "render options version " + std::to_string(c->version) +
                                       " is not known (this library knows " +
                                       std::to_string(MYOREF_RENDER_OPTIONS_VERSION) + ")");
  }
  o.width_px = c->width_px;
  o.legend = c->legend != 0;
  o.heading = c->heading != 0;
  if (c->id_prefix != nullptr) {
    o.id_prefix = c->id_prefix;
  }
  if (c->essential_colour != nullptr) {
    o.essential_colour = c->essential_colour;
  }
  if (c->overlay_colour != nullptr) {
    o.overlay_colour = c->overlay_colour;
  }
  if (c->trigger_point_colour != nullptr) {
    o.trigger_point_colour = c->trigger_point_colour;
  }
  return MYOREF_OK;
}

int read_options(const char* fn, const myoref_report_options* c, myoref::ReportOptions& o) {
  o = myoref::ReportOptions{};
  if (c == nullptr) {
    return MYOREF_OK;
  }
  if (c->version != MYOREF_REPORT_OPTIONS_VERSION) {
    return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                   "report options version " + std::to_string(c->version) +
                                       " is not known (this library knows " +
                                       std::to_string(MYOREF_REPORT_OPTIONS_VERSION) + ")");
  }
  o.ranked = c->ranked;
  o.charts = c->charts;
  return read_options(fn, c->chart, o.chart);
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
    if (version != MYOREF_RENDER_OPTIONS_VERSION) {
      return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                     "render options version " + std::to_string(version) +
                                         " is not known (this library knows " +
                                         std::to_string(MYOREF_RENDER_OPTIONS_VERSION) + ")");
    }
    const myoref::RenderOptions defaults;
    options->version = version;
    options->width_px = defaults.width_px;
    options->legend = defaults.legend ? 1 : 0;
    options->heading = defaults.heading ? 1 : 0;
    options->id_prefix = nullptr;
    options->essential_colour = nullptr;
    options->overlay_colour = nullptr;
    options->trigger_point_colour = nullptr;
    return MYOREF_OK;
  });
}

int myoref_report_options_init(myoref_report_options* options, unsigned version) {
  MYOREF_CHECK_ARG(options);
  const char* const fn = __func__;
  return guard(fn, [&] {
    if (version != MYOREF_REPORT_OPTIONS_VERSION) {
      return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                     "report options version " + std::to_string(version) +
                                         " is not known (this library knows " +
                                         std::to_string(MYOREF_REPORT_OPTIONS_VERSION) + ")");
    }
    const myoref::ReportOptions defaults;
    options->version = version;
    options->ranked = defaults.ranked;
    options->charts = defaults.charts;
    options->chart = nullptr;
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

}  // extern "C"
