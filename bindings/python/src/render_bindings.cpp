// Pictures: myoref.render_muscle / render_intake / render_overlay /
// render_candidates / render_report / render_chart.
#include <string>

#include "common.hpp"
#include "objects.hpp"

namespace myoref::python {

void init_render(py::module_& m) {
  m.def(
      "render_muscle",
      [](const KnowledgeBase& kb, std::string_view muscle, const py::object& side,
         const py::kwargs& options) {
        const CandidateIndex c = candidate_from_python(kb, muscle, side);
        return svg_object(unwrap(render_muscle_svg(kb, c, render_options(options))));
      },
      py::arg("kb"), py::arg("muscle"), py::arg("side") = py::none(), R"doc(
A muscle's referral pattern on the body chart, as an SVG (a str that Jupyter
shows as a picture): essential zone solid, spillover zone stippled, trigger
points marked with an X.

``muscle`` is a candidate key ("gluteus_medius:right"), or a muscle id or alias
with ``side`` ("left" by default; None for a midline muscle).

Keyword options: ``width`` (pixels written on the <svg>; 0 = none, sized by
its viewBox), ``legend`` (bool), ``heading`` (bool), ``id_prefix`` (prefix of
the ids inside the picture), ``essential_colour``, ``overlay_colour``,
``trigger_point_colour`` ("#rrggbb"). Raises InvalidArgument for a bad option,
NotFound for an unknown muscle.)doc");

  m.def(
      "render_intake",
      [](const KnowledgeBase& kb, py::handle intake, const py::kwargs& options) {
        const Intake in = intake_from_python(kb, intake);
        return svg_object(unwrap(render_intake_svg(kb, in, render_options(options))));
      },
      py::arg("kb"), py::arg("intake"), R"doc(
A pain drawing (an intake as a dict or JSON text), each marked region filled by
its intensity, as an SVG. Keyword options as for :func:`render_muscle`.)doc");

  m.def(
      "render_overlay",
      [](const KnowledgeBase& kb, py::handle intake, std::string_view candidate,
         const py::kwargs& options) {
        const Intake in = intake_from_python(kb, intake);
        const CandidateIndex c = candidate_from_python(kb, candidate, py::none());
        return svg_object(unwrap(render_overlay_svg(kb, in, c, render_options(options))));
      },
      py::arg("kb"), py::arg("intake"), py::arg("candidate"), R"doc(
A pain drawing with a candidate's referral pattern over it, as an SVG, so that
a reader sees which painful regions the candidate explains. ``candidate`` is a
candidate key ("gluteus_medius:left"). Keyword options as for
:func:`render_muscle`.)doc");

  m.def(
      "render_candidates",
      [](const PyAssessment& a, std::size_t top_n, const py::kwargs& options) {
        return svg_object(
            unwrap(render_candidates_svg(a.assessment, top_n, render_options(options))));
      },
      py::arg("assessment"), py::arg("top_n") = 3, R"doc(
The overlays of an assessment's first ``top_n`` candidates side by side, as an
SVG. Keyword options as for :func:`render_muscle`.)doc");

  m.def(
      "render_chart",
      [](const KnowledgeBase& kb, const py::object& pain, const py::kwargs& options) {
        // None, [] and the text "[]" are a blank chart (the intake's reader
        // wants at least one mark).
        bool blank = pain.is_none() || (py::isinstance<py::list>(pain) && py::len(pain) == 0);
        if (py::isinstance<py::str>(pain)) {
          std::string compact;
          for (const char c : pain.cast<std::string>()) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
              compact += c;
          }
          blank = compact.empty() || compact == "[]";
        }
        if (blank) {
          return svg_object(unwrap(render_chart_svg(kb, render_options(options))));
        }
        // Read by the intake's reader, so the marks are checked alike and
        // problems have the intake's paths ("/pain/0/region").
        py::object intake;
        if (py::isinstance<py::str>(pain)) {
          intake = py::str("{\"pain\":" + pain.cast<std::string>() + "}");
        } else {
          py::dict d;
          d["pain"] = pain;
          intake = d;
        }
        const Intake in = intake_from_python(kb, intake);
        return svg_object(unwrap(render_chart_svg(kb, in.pain, render_options(options))));
      },
      py::arg("kb"), py::arg("pain") = py::none(), R"doc(
The body chart to draw a pain drawing on, as an SVG: front and back views,
every region key a view shows one element with ``data-region-key``,
``role="button"``, ``aria-pressed`` and an ``aria-label`` naming the person's
side ("left upper buttock, the person's left"). ``pain`` (an intake's "pain"
list, or its JSON text; None for a blank chart) pre-fills it: marked keys get
``data-intensity`` and the drawing's fill. Raises InputError for marks the
intake reader refuses. Keyword options as for :func:`render_muscle`.)doc");

  m.def(
      "render_report",
      [](const PyAssessment& a, std::size_t ranked, std::size_t charts, const py::kwargs& options) {
        ReportOptions o;
        o.ranked = ranked;
        o.charts = charts;
        o.chart = render_options(options);
        return html_object(unwrap(render_report_html(a.assessment, o)));
      },
      py::arg("assessment"), py::arg("ranked") = 5, py::arg("charts") = 3, R"doc(
One self-contained HTML page for an assessment (a str that Jupyter shows
inline): triage first, the pain drawing, the ranked candidates with reasons and
citations, their charts, and the first step of the plan. ``ranked`` candidates
are listed (1..50) and ``charts`` of them drawn (0..6).)doc");
}

}  // namespace myoref::python
