// A person's pain drawing, the drawing with a candidate's pattern over it,
// and the small multiples of an assessment's top candidates.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/assess.hpp"
#include "myoref/render.hpp"
#include "render/figure.hpp"

namespace myoref {

using detail::render::candidate_label;
using detail::render::Figure;
using detail::render::LegendItem;
using detail::render::Look;
using detail::render::Panel;
using detail::render::region_label;
using detail::render::Zone;

namespace {

constexpr std::size_t kMaxSmallMultiples = 12;

// Intensity by region key; -1 where the drawing has no mark.
std::vector<int> intensities(const KnowledgeBase& kb, const Intake& intake) {
  std::vector<int> by_key(kb.region_keys().size(), -1);
  for (const PainMark& mark : intake.pain)
    by_key[mark.region_key] = mark.intensity;
  return by_key;
}

Panel drawing_panel(const KnowledgeBase& kb, const std::vector<int>& by_key) {
  Panel panel;
  panel.fill.resize(by_key.size());
  panel.note.resize(by_key.size());
  for (std::size_t key = 0; key < by_key.size(); ++key) {
    if (by_key[key] < 0)
      continue;
    panel.fill[key] = detail::render::to_hex(detail::render::pain_colour(by_key[key]));
    panel.note[key] = by_key[key] == 0
                          ? detail::catalogue(kb).get("render.drawn_no_pain")
                          : detail::catalogue(kb).get("render.pain_of", {{"n", by_key[key]}});
  }
  return panel;
}

// "Upper buttock (left) 6/10; Sacrum 3/10", in knowledge-base order.
std::string drawing_text(const KnowledgeBase& kb, const std::vector<int>& by_key) {
  const detail::Catalogue& m = detail::catalogue(kb);
  std::string out;
  for (std::size_t key = 0; key < by_key.size(); ++key) {
    if (by_key[key] < 0)
      continue;
    if (!out.empty())
      out += m.get("render.item_separator");
    out +=
        m.get("render.region_pain",
              {{"region", region_label(kb, static_cast<RegionKeyIndex>(key))}, {"n", by_key[key]}});
  }
  return out;
}

LegendItem pain_scale(const KnowledgeBase& kb) {
  return {LegendItem::Kind::pain_scale, "", detail::catalogue(kb).get("render.pain_now")};
}

void add_pattern_legend(const KnowledgeBase& kb, Figure& figure, const Look& look,
                        const std::string& whose) {
  const detail::Catalogue& m = detail::catalogue(kb);
  figure.legend.push_back({LegendItem::Kind::outlined_swatch,
                           "url(#" + detail::render::hatch_pattern_id(look) + ")",
                           m.get("render.legend_essential_of", {{"muscle", whose}})});
  figure.legend.push_back({LegendItem::Kind::outlined_swatch,
                           "url(#" + detail::render::dots_pattern_id(look) + ")",
                           m.get("render.legend_spillover_of", {{"muscle", whose}})});
  figure.legend.push_back(
      {LegendItem::Kind::cross, "", m.get("render.legend_trigger_points_of", {{"muscle", whose}})});
}

// Which painful regions a candidate's pattern covers, in words.
std::string coverage_text(const KnowledgeBase& kb, const std::vector<int>& by_key,
                          const std::vector<Zone>& zones) {
  const detail::Catalogue& m = detail::catalogue(kb);
  std::string inside;
  std::string outside;
  for (std::size_t key = 0; key < by_key.size(); ++key) {
    if (by_key[key] <= 0)
      continue;
    std::string& list = zones[key] == Zone::none ? outside : inside;
    if (!list.empty())
      list += m.get("list.separator");
    list += region_label(kb, static_cast<RegionKeyIndex>(key));
  }
  const std::string none = m.get("render.none");
  return m.get("render.coverage", {{"inside", inside.empty() ? none : inside},
                                   {"outside", outside.empty() ? none : outside}});
}

Panel overlay_panel(const KnowledgeBase& kb, const std::vector<int>& by_key,
                    CandidateIndex candidate) {
  Panel panel = drawing_panel(kb, by_key);
  panel.overlay = detail::render::referral_zones(kb, candidate);
  for (std::size_t key = 0; key < panel.overlay.size(); ++key) {
    if (panel.overlay[key] == Zone::none)
      continue;
    const detail::Catalogue& m = detail::catalogue(kb);
    std::string& note = panel.note[key];
    if (!note.empty())
      note += m.get("list.separator");
    note += m.get(panel.overlay[key] == Zone::essential ? "render.note_essential"
                                                        : "render.note_spillover");
  }
  panel.marks_of = candidate;
  return panel;
}

Error bad_candidate(const KnowledgeBase& kb, CandidateIndex candidate) {
  return Error(ErrorCode::invalid_argument,
               "candidate index " + std::to_string(candidate) + " is outside knowledge base \"" +
                   kb.id() + "\" (" + std::to_string(kb.candidates().size()) + " candidates)");
}

}  // namespace

Expected<std::string> render_intake_svg(const KnowledgeBase& kb, const Intake& intake,
                                        const RenderOptions& options) {
  if (Status valid = validate_intake(kb, intake); !valid)
    return valid.error();
  auto look = detail::render::check_look(kb, options);
  if (!look)
    return std::move(look).error();
  const std::vector<int> by_key = intensities(kb, intake);

  Figure figure;
  const detail::Catalogue& m = detail::catalogue(kb);
  figure.title = m.get("render.drawing_title");
  figure.subtitle =
      m.get("render.drawing_subtitle", {{"max", max_intensity(intake)}, {"n", intake.pain.size()}});
  figure.desc = m.get("render.drawing_desc", {{"drawing", drawing_text(kb, by_key)}});
  figure.panels.push_back(drawing_panel(kb, by_key));
  figure.legend.push_back(pain_scale(kb));
  return detail::render::write_svg(kb, figure, *look);
}

Expected<std::string> render_overlay_svg(const KnowledgeBase& kb, const Intake& intake,
                                         CandidateIndex candidate, const RenderOptions& options) {
  if (candidate >= kb.candidates().size())
    return bad_candidate(kb, candidate);
  if (Status valid = validate_intake(kb, intake); !valid)
    return valid.error();
  auto look = detail::render::check_look(kb, options);
  if (!look)
    return std::move(look).error();
  const std::vector<int> by_key = intensities(kb, intake);
  const std::string label = candidate_label(kb, candidate);

  Figure figure;
  figure.panels.push_back(overlay_panel(kb, by_key, candidate));
  const std::vector<Zone>& zones = figure.panels.back().overlay;
  const detail::Catalogue& m = detail::catalogue(kb);
  figure.title = m.get("render.overlay_title", {{"muscle", label}});
  figure.subtitle = m.get("render.overlay_subtitle");
  figure.desc = m.get("render.overlay_desc",
                      {{"drawing", drawing_text(kb, by_key)},
                       {"muscle", label},
                       {"essential", detail::render::zone_list(kb, zones, Zone::essential)},
                       {"spillover", detail::render::zone_list(kb, zones, Zone::spillover)},
                       {"coverage", coverage_text(kb, by_key, zones)}});
  figure.legend.push_back(pain_scale(kb));
  add_pattern_legend(kb, figure, *look, label);
  return detail::render::write_svg(kb, figure, *look);
}

Expected<std::string> render_candidates_svg(const Assessment& assessment, std::size_t top_n,
                                            const RenderOptions& options) {
  const KnowledgeBase& kb = assessment.kb();
  if (top_n == 0 || top_n > kMaxSmallMultiples) {
    return Error(ErrorCode::invalid_argument, "top_n is the number of candidates to draw, 1 to " +
                                                  std::to_string(kMaxSmallMultiples) + ", not " +
                                                  std::to_string(top_n));
  }
  auto look = detail::render::check_look(kb, options);
  if (!look)
    return std::move(look).error();
  const std::vector<int> by_key = intensities(kb, assessment.intake());
  const std::size_t shown = std::min(top_n, assessment.candidate_count());

  Figure figure;
  const detail::Catalogue& m = detail::catalogue(kb);
  const std::string drawing = drawing_text(kb, by_key);
  if (shown == 0) {
    figure.title = m.get("render.none_title");
    figure.subtitle = m.get("render.none_subtitle");
    figure.desc = m.get("render.candidates_desc_none", {{"drawing", drawing}});
    figure.panels.push_back(drawing_panel(kb, by_key));
    figure.legend.push_back(pain_scale(kb));
    return detail::render::write_svg(kb, figure, *look);
  }
  figure.desc = m.get("render.candidates_desc", {{"drawing", drawing}});
  figure.title = m.get("render.candidates_title", {{"n", shown}});
  figure.subtitle = m.get("render.candidates_subtitle");
  for (std::size_t rank = 0; rank < shown; ++rank) {
    const RankedCandidate ranked = assessment.candidate(rank);
    const std::string label = candidate_label(kb, ranked.candidate);
    Panel panel = overlay_panel(kb, by_key, ranked.candidate);
    const std::string score = detail::score_text(ranked.score);
    panel.heading =
        m.get("render.candidate_heading",
              {{"rank", rank + 1}, {"muscle", label}, detail::MsgArg::decimal("score", score)});
    figure.desc += ' ';
    figure.desc +=
        m.get("render.candidate_desc",
              {{"rank", rank + 1},
               {"muscle", label},
               detail::MsgArg::decimal("score", score),
               {"essential", detail::render::zone_list(kb, panel.overlay, Zone::essential)},
               {"spillover", detail::render::zone_list(kb, panel.overlay, Zone::spillover)},
               {"coverage", coverage_text(kb, by_key, panel.overlay)}});
    figure.panels.push_back(std::move(panel));
  }
  figure.legend.push_back(pain_scale(kb));
  add_pattern_legend(kb, figure, *look, m.get("render.each_candidate"));
  return detail::render::write_svg(kb, figure, *look);
}

}  // namespace myoref
