// The chart as the document writes it (docs/knowledge-base.md, "Chart"), and
// its field tables, read and written like every other record's
// (myoref/schema.hpp). The document authors left and midline shapes and
// marks only; the model's Chart (myoref/kb.hpp) holds them with their
// mirrored right sides, and the loader (kb_loader.cpp) makes one from the
// other, the canonical writer (kb_writer.cpp) the other from the one.
#ifndef MYOREF_SRC_KB_CHART_SCHEMA_HPP
#define MYOREF_SRC_KB_CHART_SCHEMA_HPP

#include <string>
#include <tuple>
#include <vector>

#include "myoref/kb.hpp"
#include "myoref/schema.hpp"
#include "myoref/types.hpp"

namespace myoref::detail {

/// The largest width or height of a chart's box, in chart units.
constexpr double kMaxChartSize = 100000.0;

/// An authored shape: a region's left (or midline) side in one view.
struct AuthoredShape {
  RegionIndex region = 0;     ///< the region it draws
  View view = View::back;     ///< front or back (the loader refuses both)
  std::vector<Point> points;  ///< the closed outline, in order
};

/// An authored mark: where a muscle's trigger point is on its left side (or
/// the midline) in one view.
struct AuthoredMark {
  MuscleIndex muscle = 0;     ///< the muscle
  std::string trigger_point;  ///< the trigger point's id within the muscle
  View view = View::back;     ///< front or back (the loader refuses both)
  Point at;                   ///< where the mark is drawn
};

/// The chart as authored.
struct AuthoredChart {
  float width = 0.0F;                             ///< of each view's box
  float height = 0.0F;                            ///< of each view's box
  std::vector<std::vector<Point>> outline_front;  ///< "outline": {"front": ...}
  std::vector<std::vector<Point>> outline_back;   ///< "outline": {"back": ...}
  std::vector<AuthoredShape> shapes;              ///< left and midline shapes
  std::vector<AuthoredMark> marks;                ///< left and midline marks
};

}  // namespace myoref::detail

namespace myoref::schema {

/// A view a shape or a mark is drawn in: front or back (the loader refuses
/// both, with its own message).
inline constexpr Spelled kOneView{Need::required, Written::always, Empty::refused, 2};

/// A shape ("chart"/"shapes"; the loader checks its view against the region's
/// and that every region has its shapes).
inline constexpr auto kChartShape =
    std::make_tuple(field("region", &detail::AuthoredShape::region, Ref{Ids::region}),
                    field("view", &detail::AuthoredShape::view, kOneView),
                    field("points", &detail::AuthoredShape::points, Points{}));

/// A mark ("chart"/"marks"; the loader resolves the trigger point within the
/// muscle and checks that each has one mark at most in each view, and one at least).
inline constexpr auto kChartMark =
    std::make_tuple(field("muscle", &detail::AuthoredMark::muscle, Ref{Ids::muscle}),
                    field("trigger_point", &detail::AuthoredMark::trigger_point, Text{}),
                    field("view", &detail::AuthoredMark::view, kOneView),
                    field("at", &detail::AuthoredMark::at, Points{}));

/// The chart's outline, by view: members of the chart itself.
inline constexpr auto kChartOutline =
    std::make_tuple(field("front", &detail::AuthoredChart::outline_front, Points{}),
                    field("back", &detail::AuthoredChart::outline_back, Points{}));

/// The chart ("chart").
inline constexpr auto kChart = std::make_tuple(
    field("width", &detail::AuthoredChart::width, Number{0.0, detail::kMaxChartSize, true}),
    field("height", &detail::AuthoredChart::height, Number{0.0, detail::kMaxChartSize, true}),
    group<detail::AuthoredChart>("outline", &kChartOutline, Need::required),
    field("shapes", &detail::AuthoredChart::shapes,
          Each<decltype(kChartShape)>{&kChartShape, Need::required, Empty::allowed}),
    field("marks", &detail::AuthoredChart::marks,
          Each<decltype(kChartMark)>{&kChartMark, Need::required, Empty::allowed}));

}  // namespace myoref::schema

#endif  // MYOREF_SRC_KB_CHART_SCHEMA_HPP
