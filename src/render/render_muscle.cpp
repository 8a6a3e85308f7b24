// A muscle's referral pattern on one side.
#include <string>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/render.hpp"
#include "render/figure.hpp"

namespace myoref {

using detail::render::candidate_label;
using detail::render::Figure;
using detail::render::LegendItem;
using detail::render::Panel;
using detail::render::Zone;

Expected<std::string> render_muscle_svg(const KnowledgeBase& kb, CandidateIndex candidate,
                                        const RenderOptions& options) {
  if (candidate >= kb.candidates().size()) {
    return Error(ErrorCode::invalid_argument,
                 "candidate index " + std::to_string(candidate) + " is outside knowledge base \"" +
                     kb.id() + "\" (" + std::to_string(kb.candidates().size()) + " candidates)");
  }
  auto look = detail::render::check_look(kb, options);
  if (!look)
    return std::move(look).error();

  const Candidate& c = kb.candidates()[candidate];
  const Muscle& muscle = kb.muscles()[c.muscle];
  const std::vector<Zone> zones = detail::render::referral_zones(kb, candidate);
  const std::string solid = detail::render::to_hex(look->essential);
  const std::string stipple = "url(#" + detail::render::spillover_pattern_id(*look) + ")";
  const auto panel_of = [&](const std::vector<Zone>& painted) {
    Panel panel;
    panel.fill.resize(painted.size());
    panel.note.resize(painted.size());
    for (std::size_t key = 0; key < painted.size(); ++key) {
      if (painted[key] == Zone::essential) {
        panel.fill[key] = solid;
        panel.note[key] = detail::catalogue(kb).get("render.note_essential");
      } else if (painted[key] == Zone::spillover) {
        panel.fill[key] = stipple;
        panel.note[key] = detail::catalogue(kb).get("render.note_spillover");
      }
    }
    panel.marks_of = candidate;
    return panel;
  };

  Figure figure;
  const std::string label = candidate_label(kb, candidate);
  const detail::Catalogue& m = detail::catalogue(kb);
  figure.title = m.get("render.muscle_title", {{"muscle", label}});
  figure.subtitle = c.side == Side::none
                        ? m.get("render.muscle_subtitle_midline")
                        : m.get(c.side == Side::left ? "render.muscle_subtitle_left"
                                                     : "render.muscle_subtitle_right");
  std::string points;
  for (std::size_t t = 0; t < muscle.trigger_points.size(); ++t) {
    if (t != 0)
      points += m.get("render.item_separator");
    points += m.get("render.trigger_point_item", {{"name", muscle.trigger_points[t].name},
                                                  {"location", muscle.trigger_points[t].location}});
  }
  figure.desc = m.get("render.muscle_desc",
                      {{"muscle", label},
                       {"essential", detail::render::zone_list(kb, zones, Zone::essential)},
                       {"spillover", detail::render::zone_list(kb, zones, Zone::spillover)},
                       {"trigger_points", points}});
  // The combined pattern, then, for a muscle with more than one trigger
  // point, one panel per trigger point with its own zones and mark, as the
  // manual draws them.
  figure.panels.push_back(panel_of(zones));
  if (muscle.trigger_points.size() > 1) {
    figure.panels.front().heading = m.get("render.all_trigger_points");
    for (std::size_t t = 0; t < muscle.trigger_points.size(); ++t) {
      Panel one = panel_of(detail::render::referral_zones(kb, candidate, t));
      one.heading = muscle.trigger_points[t].name;
      one.only_trigger_point = t;
      figure.panels.push_back(std::move(one));
    }
  }
  figure.legend = {
      {LegendItem::Kind::swatch, solid, m.get("render.legend_essential")},
      {LegendItem::Kind::swatch, stipple, m.get("render.legend_spillover")},
      {LegendItem::Kind::cross, "", m.get("render.legend_trigger_point")},
  };
  return detail::render::write_svg(kb, figure, *look);
}

}  // namespace myoref
