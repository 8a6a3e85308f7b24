// The chart to draw on: the body chart with no pattern, every region key an
// element a pain-drawing component (or a person with a keyboard) can toggle.
#include <string>
#include <utility>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/assess.hpp"
#include "myoref/render.hpp"
#include "render/figure.hpp"

namespace myoref {

namespace {

// The pain marks to show, checked: every problem with a JSON path into the
// intake's "pain" list, as the intake reader would report it.
Expected<std::vector<int>> intensities(const KnowledgeBase& kb, const std::vector<PainMark>& pain) {
  std::vector<int> by_key(kb.region_keys().size(), -1);
  std::vector<Diagnostic> problems;
  for (std::size_t i = 0; i < pain.size(); ++i) {
    const PainMark& mark = pain[i];
    const std::string path = "/pain/" + std::to_string(i);
    if (mark.region_key >= by_key.size()) {
      problems.push_back({path + "/region", "region key index " + std::to_string(mark.region_key) +
                                                " is outside the knowledge base (" +
                                                std::to_string(by_key.size()) + " region keys)"});
      continue;
    }
    if (mark.intensity < 0 || mark.intensity > 10) {
      problems.push_back({path + "/intensity", std::to_string(mark.intensity) +
                                                   " is out of range: expected an integer 0..10 "
                                                   "(pain now, 0 = none)"});
      continue;
    }
    if (by_key[mark.region_key] >= 0) {
      problems.push_back(
          {path, "\"" + kb.region_keys()[mark.region_key].key + "\" is marked twice"});
      continue;
    }
    by_key[mark.region_key] = mark.intensity;
  }
  if (!problems.empty()) {
    return Error(ErrorCode::invalid_input, "the pain marks to show are not valid",
                 std::move(problems));
  }
  return by_key;
}

}  // namespace

Expected<std::string> render_chart_svg(const KnowledgeBase& kb, const RenderOptions& options) {
  return render_chart_svg(kb, std::vector<PainMark>{}, options);
}

Expected<std::string> render_chart_svg(const KnowledgeBase& kb, const std::vector<PainMark>& pain,
                                       const RenderOptions& options) {
  auto look = detail::render::check_look(kb, options);
  if (!look)
    return std::move(look).error();
  auto by_key = intensities(kb, pain);
  if (!by_key)
    return std::move(by_key).error();

  detail::render::Panel panel;
  panel.interactive = true;
  panel.intensity = *by_key;
  panel.fill.resize(by_key->size());
  panel.note.resize(by_key->size());
  std::size_t marked = 0;
  for (std::size_t key = 0; key < by_key->size(); ++key) {
    const int intensity = (*by_key)[key];
    if (intensity < 0)
      continue;
    ++marked;
    panel.fill[key] = detail::render::to_hex(detail::render::pain_colour(intensity));
    panel.note[key] = intensity == 0
                          ? detail::catalogue(kb).get("render.drawn_no_pain")
                          : detail::catalogue(kb).get("render.pain_of", {{"n", intensity}});
  }

  detail::render::Figure figure;
  figure.interactive = true;
  const detail::Catalogue& m = detail::catalogue(kb);
  figure.title = m.get("render.chart_title");
  figure.subtitle =
      marked == 0 ? m.get("render.chart_select") : m.get("render.marked", {{"n", marked}});
  figure.desc = m.get("render.chart_desc");
  figure.panels.push_back(std::move(panel));
  figure.legend.push_back({detail::render::LegendItem::Kind::pain_scale, "",
                           detail::catalogue(kb).get("render.pain_now")});
  return detail::render::write_svg(kb, figure, *look);
}

}  // namespace myoref
