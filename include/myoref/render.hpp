// Pictures: SVG body charts of referral patterns and pain drawings, and a
// self-contained HTML report of an assessment.
//
// Every picture shows the front and the back view side by side, drawn from the
// knowledge base's chart (docs/knowledge-base.md, "Chart"), with a title, a
// <desc> that says in words what the picture shows, a hover <title> on every
// region, and a legend. Output is a pure function of its inputs: the same
// knowledge base, input and options give byte-identical text (numbers are
// written with at most one decimal, independently of the C locale). Text from
// the knowledge base is escaped, so the result is always well-formed XML.
//
// Errors come back as values, never as exceptions:
//   invalid_argument  an index outside the knowledge base, or options that do
//                     not parse (a colour that is not "#rrggbb", a bad id prefix)
//   not_found         the knowledge base has no body chart
//   invalid_input / limit_exceeded  an Intake that validate_intake() refuses
//
// See docs/rendering.md for pictures of each kind.
#ifndef MYOREF_RENDER_HPP
#define MYOREF_RENDER_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/types.hpp"

namespace myoref {

struct Intake;     // myoref/assess.hpp
struct PainMark;   // myoref/assess.hpp
class Plan;        // myoref/plan.hpp
class Assessment;  // myoref/assess.hpp

/// How a picture looks. The defaults suit print and screen; every field is
/// checked before anything is drawn.
struct RenderOptions {
  /// Width in pixels written on the root `<svg>` (the height follows the aspect
  /// ratio). 0 writes no size, so the picture fills the width of whatever
  /// contains it and is sized by its viewBox alone.
  int width_px = 0;
  /// Draw the legend under the views.
  bool legend = true;
  /// Draw the title as text at the top (the `<title>` element is always there).
  bool heading = true;
  /// Prefix of every id inside the picture (patterns, title, description).
  /// Give each picture its own when several are inlined in one HTML page.
  /// 1 to 64 characters: a letter, then letters, digits, '-' or '_' (the
  /// report, which adds a suffix per picture, takes at most 32).
  std::string id_prefix = "myoref";
  /// A muscle's referral pattern: the essential zone is filled with this
  /// colour, the spillover zone stippled with it on a light tint. "#rrggbb".
  std::string essential_colour = "#c62828";
  /// The candidate's pattern drawn over a pain drawing (hatched essential
  /// zone, dotted spillover zone), chosen to contrast with the pain scale.
  std::string overlay_colour = "#1045a8";
  /// The X that marks a trigger point.
  std::string trigger_point_colour = "#111111";
};

/// A muscle's referral pattern on one side: `candidate` (an index into
/// kb.candidates()) names the muscle and the side of the muscle; the zones are
/// drawn where its trigger points send pain (the same side, the other side or
/// both, by each trigger point's side relation). Essential zone solid,
/// spillover zone stippled (a region in both is drawn as essential), trigger
/// points marked with an X.
Expected<std::string> render_muscle_svg(const KnowledgeBase& kb, CandidateIndex candidate,
                                        const RenderOptions& options = {});

/// A person's pain drawing: each marked region filled by its intensity on a
/// 1..10 colour scale (a mark of 0, "drawn, no pain now", is shown in grey),
/// with the scale as legend. The intake is checked with validate_intake().
Expected<std::string> render_intake_svg(const KnowledgeBase& kb, const Intake& intake,
                                        const RenderOptions& options = {});

/// The pain drawing with `candidate`'s referral pattern over it, so that a
/// reader sees which painful regions the candidate explains and which it does
/// not: essential zone hatched and outlined, spillover zone dotted, trigger
/// points marked.
Expected<std::string> render_overlay_svg(const KnowledgeBase& kb, const Intake& intake,
                                         CandidateIndex candidate,
                                         const RenderOptions& options = {});

/// Small multiples: the overlay of each of the assessment's first `top_n`
/// candidates (fewer when it has fewer), side by side, each headed by its rank,
/// name and score, with one shared legend. An assessment with no candidate
/// gives a picture of the pain drawing alone that says so.
Expected<std::string> render_candidates_svg(const Assessment& assessment, std::size_t top_n,
                                            const RenderOptions& options = {});

/// A body chart to draw a pain drawing on (docs/rendering.md, "The chart to
/// draw on"): the front and back views with orientation labels, and every
/// region key the view shows as one `<path>` with `data-region-key` (the key:
/// "buttock_upper:left", "sacrum"), `data-view` ("front" or "back"),
/// `role="button"`, `aria-pressed`, and an `aria-label` that names the person's
/// side ("left upper buttock, the person's left"; the region's name alone for a
/// midline one). A region drawn on both views has one element in each. The
/// first element has `tabindex="0"`, every other `tabindex="-1"` (a roving tab
/// stop: a host moves it with the arrow keys). The root `<svg>` is a
/// `role="group"`, each view a group named "Front view" / "Back view".
///
/// `pain` pre-fills the chart: each marked key gets `data-intensity`,
/// `aria-pressed="true"` and the drawing's fill for its intensity. The same
/// geometry as every other picture: the knowledge base's chart. Errors:
/// invalid_input (a mark outside the knowledge base, an intensity outside
/// 0..10, a key marked twice; paths "/pain/N/..."), plus those of the options.
///@{
Expected<std::string> render_chart_svg(const KnowledgeBase& kb, const RenderOptions& options = {});
Expected<std::string> render_chart_svg(const KnowledgeBase& kb, const std::vector<PainMark>& pain,
                                       const RenderOptions& options = {});
///@}

/// Pain over the sessions of a plan (docs/rendering.md, "Pain over time"): x,
/// the sessions in date order, one equal slot each, numbered and dated; y, pain
/// 0..10. Each session's pain before (hollow) and after (filled) joined by a
/// stroke, the pain after joined across sessions; the baseline as a dashed
/// line; the relief zone (pain the plan's rule counts as relief) shaded; the
/// worsening threshold when it is 10 or less; a line where the target changed,
/// named, and one where the plan stopped; a legend; a title, and a `<desc>` that
/// lists every session in words. A plan with no session draws the empty plot.
/// Only width_px, legend, heading and id_prefix apply, and overlay_colour
/// (the pain markers). Errors: invalid_argument for options that do not parse.
Expected<std::string> render_pain_over_time_svg(const Plan& plan,
                                                const RenderOptions& options = {});

/// What the HTML report shows.
struct ReportOptions {
  /// Candidates listed in the ranking, with their reasons (1..50).
  std::size_t ranked = 5;
  /// Candidates drawn as small multiples (0..6).
  std::size_t charts = 3;
  /// The look of the charts; id_prefix is extended per chart, so the ids in
  /// the page stay unique.
  RenderOptions chart;
};

/// One self-contained HTML page (inline CSS and SVG, no script, no external
/// resource): the triage banner first, the pain drawing, the ranked
/// candidates with their reasons and citations, their charts, and the first
/// step of the plan for the top candidate (the exercises of its release step
/// from the knowledge base, with doses and instructions). At urgent or
/// emergency triage the exercises are withheld and the page says to see a
/// clinician first, as a plan would be refused.
Expected<std::string> render_report_html(const Assessment& assessment,
                                         const ReportOptions& options = {});

}  // namespace myoref

#endif  // MYOREF_RENDER_HPP
