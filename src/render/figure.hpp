// The body-chart figure that every picture is made of: one or more panels,
// each the front and back views of the chart with regions painted, a
// candidate's pattern drawn over them and its trigger points marked, under a
// heading and over a legend.
#ifndef MYOREF_SRC_RENDER_FIGURE_HPP
#define MYOREF_SRC_RENDER_FIGURE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/render.hpp"
#include "render/svg.hpp"

namespace myoref::detail::render {

/// Where a region key lies in a candidate's referral pattern.
enum class Zone : std::uint8_t { none = 0, spillover = 1, essential = 2 };

/// By region key: the zone of `candidate`'s pattern it lies in (essential wins
/// over spillover). Sides follow each trigger point's side relation, exactly
/// as scoring reads them: midline regions ignore it, a midline muscle refers
/// to paired regions on both sides. With `trigger_point`, that trigger point's
/// zones alone (an index into the muscle's trigger_points).
std::vector<Zone> referral_zones(const KnowledgeBase& kb, CandidateIndex candidate,
                                 std::optional<std::size_t> trigger_point = std::nullopt);

/// RenderOptions, checked and parsed.
struct Look {
  int width_px = 0;
  bool legend = true;
  bool heading = true;
  std::string prefix;
  Rgb essential;
  Rgb overlay;
  Rgb trigger_point;
};

/// Checks the options. Errors: invalid_argument (paths name the option).
Expected<Look> check_options(const RenderOptions& options);

/// Checks the options and that `kb` has a chart. Errors: invalid_argument
/// (paths name the option: "/essential_colour"), not_found (no chart).
Expected<Look> check_look(const KnowledgeBase& kb, const RenderOptions& options);

/// "Upper buttock (left)", or "Sacrum" for a midline region.
std::string region_label(const KnowledgeBase& kb, RegionKeyIndex key);
/// "Gluteus medius (left)", or "Pelvic floor" for a midline muscle.
std::string candidate_label(const KnowledgeBase& kb, CandidateIndex candidate);

/// "Iliac crest (left), Sacrum": the region keys in zone `which`, in
/// knowledge-base order; "none" when there are none.
std::string zone_list(const KnowledgeBase& kb, const std::vector<Zone>& zones, Zone which);

/// The fill of pain intensity 0..10 (0: drawn, no pain now).
Rgb pain_colour(int intensity) noexcept;

/// One pair of views and what is painted on them. Vectors by region key are
/// either empty (nothing) or kb.region_keys().size() long.
struct Panel {
  std::string heading;                     ///< drawn above the views; "" for none
  std::vector<std::string> fill;           ///< a fill attribute value; "" = not painted
  std::vector<std::string> note;           ///< added to the region's hover title; "" = nothing
  std::vector<Zone> overlay;               ///< a candidate's pattern drawn over the fills
  std::optional<CandidateIndex> marks_of;  ///< whose trigger points to mark
  /// With marks_of: mark this one of its trigger points only (an index into
  /// the muscle's trigger_points); none: mark them all.
  std::optional<std::size_t> only_trigger_point;
  /// By region key: the pain intensity written as data-intensity (and shown
  /// as pressed) on an interactive figure; -1 = not marked. Empty: none.
  std::vector<int> intensity;
  /// Its regions are the elements to toggle (see Figure::interactive).
  bool interactive = false;
};

struct LegendItem {
  enum class Kind : std::uint8_t { swatch, outlined_swatch, cross, pain_scale };
  Kind kind = Kind::swatch;
  std::string fill;  ///< swatch fill (a colour or url(#id))
  std::string label;
};

struct Figure {
  std::string title;     ///< the <title>, and the heading's first line
  std::string subtitle;  ///< the heading's second line; "" for none
  std::string desc;      ///< the <desc>: what the picture shows, in words
  std::vector<Panel> panels;
  std::vector<LegendItem> legend;
  /// A chart to draw on: every region key of a view is one focusable element
  /// (data-region-key, role="button", aria-pressed, aria-label, roving
  /// tabindex), the regions' borders are dark enough to see, and the root is a
  /// group rather than an image (an image's children are not reachable).
  bool interactive = false;
};

/// The accessible name of a region key on an interactive chart: "left upper
/// buttock, the person's left", or the region's name for a midline one.
std::string region_aria_label(const KnowledgeBase& kb, RegionKeyIndex key);

/// Ids of the patterns a figure may use, made from the look's prefix.
std::string spillover_pattern_id(const Look& look);
std::string hatch_pattern_id(const Look& look);
std::string dots_pattern_id(const Look& look);

/// The whole SVG document (no XML declaration, so it can be inlined in HTML).
std::string write_svg(const KnowledgeBase& kb, const Figure& figure, const Look& look);

}  // namespace myoref::detail::render

#endif  // MYOREF_SRC_RENDER_FIGURE_HPP
