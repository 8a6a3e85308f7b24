#include "render/figure.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include "i18n/messages.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"

namespace myoref::detail::render {

namespace {

// Layout, in the chart's user units (the chart itself is kb.chart().width
// wide per view). Fixed numbers keep the output deterministic and let text
// sit where it fits without measuring it.
constexpr float kMargin = 12.0F;
constexpr float kHeadingHeight = 44.0F;
constexpr float kPanelHeadingHeight = 20.0F;
constexpr float kCaptionHeight = 18.0F;
constexpr float kViewGap = 24.0F;
constexpr float kPanelGap = 36.0F;
constexpr float kRowGap = 20.0F;
constexpr std::size_t kPanelColumns = 2;
// The enlarged head and hands under each view (chart units).
constexpr float kInsetTop = 8.0F;       // between the view and its strip
constexpr float kInsetHeight = 120.0F;  // the strip's height
constexpr float kInsetGap = 8.0F;       // between two insets
constexpr float kInsetPad = 2.0F;       // around a part's box
constexpr float kInsetMaxScale = 3.0F;
constexpr float kInsetCaption = 12.0F;  // under the strip: what each inset shows
constexpr float kLegendTop = 14.0F;
constexpr float kLegendRow = 18.0F;
constexpr float kScaleRow = 32.0F;
constexpr float kSwatchWidth = 20.0F;
constexpr float kSwatchHeight = 12.0F;
constexpr float kCrossHalf = 2.3F;

constexpr const char* kRegionStroke = "#b4b4b4";
// The borders of a chart to draw on: 5.7:1 against white, so that the map of
// regions stays visible to low vision (WCAG 1.4.11 asks 3:1 of the parts of a
// control).
constexpr const char* kInteractiveStroke = "#5c5c5c";
constexpr const char* kOutlineStroke = "#474747";
constexpr const char* kInsetFrame = "#8a8a8a";
constexpr const char* kTextColour = "#1a1a1a";
constexpr const char* kMutedText = "#555555";

// The pain scale: pale yellow through orange to dark red, one step per
// point; 0 ("drawn, no pain now") is a neutral grey.
constexpr Rgb kPainLow{0xff, 0xf0, 0xa8};
constexpr Rgb kPainMid{0xf2, 0x8c, 0x28};
constexpr Rgb kPainHigh{0x7f, 0x00, 0x00};
constexpr Rgb kNoPain{0xe4, 0xe4, 0xe4};
constexpr Rgb kWhite{0xff, 0xff, 0xff};

void points_attr(std::string& out, const std::vector<Point>& points) {
  out += " points=\"";
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i != 0)
      out += ' ';
    out += num(points[i].x);
    out += ',';
    out += num(points[i].y);
  }
  out += '"';
}

// Text is never measured (that would need fonts); this estimate of the
// average glyph width of a sans-serif face shrinks a long heading until it
// fits its box, deterministically.
float fitted_size(std::string_view text, float size, float max_width, bool bold) {
  std::size_t glyphs = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
      ++glyphs;  // UTF-8 lead bytes
  }
  const float per_glyph = bold ? 0.62F : 0.55F;
  const float width = static_cast<float>(glyphs) * size * per_glyph;
  if (glyphs == 0 || width <= max_width)
    return size;
  const float fitted =
      std::floor(2.0F * max_width / (static_cast<float>(glyphs) * per_glyph)) / 2.0F;
  return std::max(fitted, 7.0F);
}

std::string url(const std::string& id) {
  return "url(#" + id + ")";
}

// An X: a white halo under the coloured strokes keeps it visible on red.
// `size` scales it (an inset draws it at the view's size, not enlarged).
void cross(std::string& out, float x, float y, const std::string& colour, float size = 1.0F) {
  const float half = kCrossHalf * size;
  std::string d = "M" + num(x - half) + ' ' + num(y - half) + "L" + num(x + half) + ' ' +
                  num(y + half) + "M" + num(x - half) + ' ' + num(y + half) + "L" + num(x + half) +
                  ' ' + num(y - half);
  out += "<path";
  attr(out, "d", d);
  attr(out, "stroke", "#ffffff");
  attr(out, "stroke-width", 3.0F * size);
  out += " stroke-linecap=\"round\"/>\n<path";
  attr(out, "d", d);
  attr(out, "stroke", colour);
  attr(out, "stroke-width", 1.4F * size);
  out += " stroke-linecap=\"round\"/>\n";
}

void write_defs(std::string& out, const Look& look) {
  const std::string essential = to_hex(look.essential);
  const std::string tint = to_hex(mix(look.essential, kWhite, 0.8F));
  const std::string overlay = to_hex(look.overlay);
  out += "<defs>\n";
  // Spillover: the essential colour stippled on a light tint of it, as the
  // Travell & Simons charts draw it.
  out += "<pattern";
  attr(out, "id", spillover_pattern_id(look));
  out +=
      " width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><rect width=\"4\" "
      "height=\"4\"";
  attr(out, "fill", tint);
  out += "/><circle cx=\"1\" cy=\"1\" r=\"0.75\"";
  attr(out, "fill", essential);
  out += "/><circle cx=\"3\" cy=\"3\" r=\"0.75\"";
  attr(out, "fill", essential);
  out += "/></pattern>\n";
  // Over a pain drawing: diagonal hatching (essential) and sparse dots
  // (spillover) leave the pain colours readable underneath.
  out += "<pattern";
  attr(out, "id", hatch_pattern_id(look));
  out +=
      " width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"1.3\" height=\"4\"";
  attr(out, "fill", overlay);
  out += "/></pattern>\n<pattern";
  attr(out, "id", dots_pattern_id(look));
  out +=
      " width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><circle cx=\"2.5\" "
      "cy=\"2.5\" r=\"0.9\"";
  attr(out, "fill", overlay);
  out += "/></pattern>\n</defs>\n";
}

struct View {
  myoref::View view;
  const char* caption;
  const char* viewer_left;  // the person's side on the viewer's left
  const char* viewer_right;
};

// Front first, as body charts are read; on the front view the person's right
// is on the viewer's left.
constexpr std::array<View, 2> kViews{
    {{myoref::View::front, "Front", "R", "L"}, {myoref::View::back, "Back", "L", "R"}}};

// The head and the hands are small on a whole-body chart: under each view a
// strip shows them enlarged (the head, then each hand, in the viewer's
// left-to-right order), each clipped to its box and framed.
struct Inset {
  float x0 = 0.0F, y0 = 0.0F, x1 = 0.0F, y1 = 0.0F;  // the part's box, in chart units
  float at_x = 0.0F, at_y = 0.0F;                    // where it is drawn in the strip
  float scale = 1.0F;
  std::string label;  // its caption: "Head", "Right hand", "Left hand"
};

bool inside(const Inset& box, const Point& p) {
  return p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1;
}

// Whether a shape's bounding box meets the inset's box.
bool meets(const Inset& box, const std::vector<Point>& points) {
  if (points.empty())
    return false;
  float x0 = points[0].x, x1 = points[0].x, y0 = points[0].y, y1 = points[0].y;
  for (const Point& p : points) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y);
    y1 = std::max(y1, p.y);
  }
  return x0 <= box.x1 && x1 >= box.x0 && y0 <= box.y1 && y1 >= box.y0;
}

// A chart to draw on: each region key of the view is one <path> (all its
// shapes), the element the component toggles. The first in the document
// takes the tab stop (tabindex 0), the others -1: the component moves it with
// the arrow keys (a roving tabindex), so Tab enters and leaves the chart in
// one step.
//
// In an inset (`box`), the same regions are drawn enlarged as a second place to
// click: each carries data-inset-key instead (the hooks and the accessibility
// tree keep one element per region) and is neither focusable nor named.
void write_interactive_regions(std::string& out, const KnowledgeBase& kb, const Panel& panel,
                               const View& view, const Inset* box, bool& tab_stop_taken) {
  const Chart& chart = kb.chart();
  std::vector<std::vector<const ChartShape*>> shapes_of(kb.region_keys().size());
  std::vector<RegionKeyIndex> order;  // keys in the order their first shape comes
  for (const ChartShape& shape : chart.shapes) {
    if (shape.view != view.view || (box != nullptr && !meets(*box, shape.points)))
      continue;
    if (shapes_of[shape.key].empty())
      order.push_back(shape.key);
    shapes_of[shape.key].push_back(&shape);
  }
  for (const RegionKeyIndex key : order) {
    std::string d;
    for (const ChartShape* shape : shapes_of[key]) {
      for (std::size_t i = 0; i < shape->points.size(); ++i) {
        d += i == 0 ? 'M' : 'L';
        d += num(shape->points[i].x);
        d += ' ';
        d += num(shape->points[i].y);
      }
      d += 'Z';
    }
    const int intensity = key < panel.intensity.size() ? panel.intensity[key] : -1;
    const std::string& fill =
        key < panel.fill.size() && !panel.fill[key].empty() ? panel.fill[key] : std::string();
    out += "<path";
    attr(out, "d", d);
    attr(out, "fill", fill.empty() ? std::string("#ffffff") : fill);
    attr(out, "stroke", kInteractiveStroke);
    out += " stroke-width=\"0.8\" stroke-linejoin=\"round\"";
    attr(out, box == nullptr ? "data-region-key" : "data-inset-key", kb.region_keys()[key].key);
    attr(out, "data-view", to_string(view.view));
    if (intensity >= 0)
      attr(out, "data-intensity", std::to_string(intensity));
    if (box == nullptr) {
      out += " role=\"button\"";
      attr(out, "tabindex", tab_stop_taken ? "-1" : "0");
      tab_stop_taken = true;
      attr(out, "aria-pressed", intensity >= 0 ? "true" : "false");
      attr(out, "aria-label", region_aria_label(kb, key));
    }
    out += "><title>";
    append_escaped(out, region_label(kb, key));
    if (key < panel.note.size() && !panel.note[key].empty()) {
      out += ": ";
      append_escaped(out, panel.note[key]);
    }
    out += "</title></path>\n";
  }
}

// What a view draws in chart units: the regions, a pattern over them, the
// outline and the trigger points. An inset (an enlarged copy of part of the
// view) is never interactive: it repeats what the view shows.
void write_view_body(std::string& out, const KnowledgeBase& kb, const Panel& panel,
                     const Look& look, const View& view, const Inset* box, bool& tab_stop_taken) {
  const bool inset = box != nullptr;  // only what meets its box is drawn
  const Chart& chart = kb.chart();
  const int v = static_cast<int>(view.view);
  const bool interactive = panel.interactive;
  if (interactive)
    write_interactive_regions(out, kb, panel, view, box, tab_stop_taken);
  // Regions: every one is drawn (white when not painted) so that each has a
  // hover title, and the faint borders show the chart's map.
  // A coarse region has no shape of its own: it is drawn as its parts, so a
  // part takes the fill (and note, and overlay) of its coarse key when it has
  // none of its own.
  const auto& coarse_of = detail::model_of(kb).region_key_coarse;
  const auto own_or_coarse = [&](const auto& by_key, std::size_t key, auto empty) {
    if (key < by_key.size() && !empty(by_key[key]))
      return key;
    for (const RegionKeyIndex c : coarse_of[key]) {
      if (c < by_key.size() && !empty(by_key[c]))
        return std::size_t{c};
    }
    return key;
  };
  const auto no_text = [](const std::string& s) { return s.empty(); };
  for (const ChartShape& shape : chart.shapes) {
    if (interactive || shape.view != view.view || (inset && !meets(*box, shape.points)))
      continue;
    const std::size_t key = own_or_coarse(panel.fill, shape.key, no_text);
    const std::string& fill =
        key < panel.fill.size() && !panel.fill[key].empty() ? panel.fill[key] : std::string();
    out += "<polygon";
    points_attr(out, shape.points);
    attr(out, "fill", fill.empty() ? std::string("#ffffff") : fill);
    attr(out, "stroke", kRegionStroke);
    out += " stroke-width=\"0.5\" stroke-linejoin=\"round\"><title>";
    append_escaped(out, region_label(kb, shape.key));
    const std::size_t noted = own_or_coarse(panel.note, shape.key, no_text);
    if (noted < panel.note.size() && !panel.note[noted].empty()) {
      out += ": ";
      append_escaped(out, panel.note[noted]);
    }
    out += "</title></polygon>\n";
  }

  // A candidate's pattern over a drawing; it lets hover reach the regions.
  if (!panel.overlay.empty()) {
    const std::string colour = to_hex(look.overlay);
    out += "<g pointer-events=\"none\">\n";
    for (const Zone zone : {Zone::spillover, Zone::essential}) {
      for (const ChartShape& shape : chart.shapes) {
        const std::size_t key =
            own_or_coarse(panel.overlay, shape.key, [](Zone z) { return z == Zone::none; });
        if (shape.view != view.view || key >= panel.overlay.size() || panel.overlay[key] != zone ||
            (inset && !meets(*box, shape.points))) {
          continue;
        }
        out += "<polygon";
        points_attr(out, shape.points);
        if (zone == Zone::essential) {
          attr(out, "fill", url(hatch_pattern_id(look)));
          attr(out, "stroke", colour);
          out += " stroke-width=\"1.3\" stroke-linejoin=\"round\"/>\n";
        } else {
          attr(out, "fill", url(dots_pattern_id(look)));
          attr(out, "stroke", colour);
          out += " stroke-width=\"0.9\" stroke-dasharray=\"2.5 2\" stroke-linejoin=\"round\"/>\n";
        }
      }
    }
    out += "</g>\n";
  }

  for (const auto& line : chart.outline[v]) {
    if (inset && !meets(*box, line))
      continue;
    out += "<polygon";
    points_attr(out, line);
    out += " fill=\"none\"";
    attr(out, "stroke", kOutlineStroke);
    out += " stroke-width=\"1.1\" stroke-linejoin=\"round\" pointer-events=\"none\"/>\n";
  }

  if (panel.marks_of) {
    const Candidate& candidate = kb.candidates()[*panel.marks_of];
    const Muscle& muscle = kb.muscles()[candidate.muscle];
    const std::string colour = to_hex(look.trigger_point);
    for (const ChartMark& mark : chart.marks) {
      if (mark.view != view.view || mark.muscle != candidate.muscle ||
          mark.side != candidate.side || mark.trigger_point >= muscle.trigger_points.size() ||
          (panel.only_trigger_point && mark.trigger_point != *panel.only_trigger_point) ||
          (inset && !inside(*box, mark.at))) {
        continue;
      }
      const TriggerPoint& tp = muscle.trigger_points[mark.trigger_point];
      out += "<g><title>";
      append_escaped(out,
                     catalogue(kb).get(
                         "render.trigger_point_title",
                         {{"muscle", muscle.name}, {"name", tp.name}, {"location", tp.location}}));
      out += "</title>\n";
      cross(out, mark.at.x, mark.at.y, colour, inset ? 1.6F / box->scale : 1.0F);
      out += "</g>\n";
    }
  }
}

std::vector<Inset> insets_of(const KnowledgeBase& kb, myoref::View view) {
  const Chart& chart = kb.chart();
  const auto& coarse_of = detail::model_of(kb).region_key_coarse;
  // By part: 0 the head, 1 and 2 a hand on the viewer's left and right.
  std::array<std::optional<Inset>, 3> parts;
  for (const ChartShape& shape : chart.shapes) {
    if (shape.view != view)
      continue;
    for (const RegionKeyIndex c : coarse_of[shape.key]) {
      const RegionKey& coarse = kb.region_keys()[c];
      const std::string& id = kb.regions()[coarse.region].id;
      std::size_t part = 0;
      if (id == "hand") {
        // The front view shows the person's right on the viewer's left.
        const bool viewer_left = (coarse.side == Side::right) == (view == myoref::View::front);
        part = viewer_left ? 1 : 2;
      } else if (id != "head") {
        continue;
      }
      for (const Point& pt : shape.points) {
        if (!parts[part]) {
          parts[part] = Inset{pt.x, pt.y, pt.x, pt.y, 0.0F, 0.0F, 1.0F, std::string()};
          continue;
        }
        Inset& box = *parts[part];
        box.x0 = std::min(box.x0, pt.x);
        box.y0 = std::min(box.y0, pt.y);
        box.x1 = std::max(box.x1, pt.x);
        box.y1 = std::max(box.y1, pt.y);
      }
    }
  }
  std::vector<Inset> out;
  for (const std::size_t part : {std::size_t{1}, std::size_t{0}, std::size_t{2}}) {
    if (!parts[part])
      continue;
    Inset box = *parts[part];
    box.label = catalogue(kb).get(part == 0 ? "render.inset_head"
                                  : (part == 1) == (view == myoref::View::front)
                                      ? "render.inset_right_hand"
                                      : "render.inset_left_hand");
    box.x0 -= kInsetPad;
    box.y0 -= kInsetPad;
    box.x1 += kInsetPad;
    box.y1 += kInsetPad;
    out.push_back(box);
  }
  if (out.empty())
    return out;
  float widths = 0.0F;
  float tallest = 0.0F;
  for (const Inset& box : out) {
    widths += box.x1 - box.x0;
    tallest = std::max(tallest, box.y1 - box.y0);
  }
  const float room = chart.width - static_cast<float>(out.size() - 1) * kInsetGap;
  const float scale = std::min({kInsetMaxScale, room / widths, kInsetHeight / tallest});
  float x =
      (chart.width - (widths * scale + static_cast<float>(out.size() - 1) * kInsetGap)) / 2.0F;
  for (Inset& box : out) {
    box.scale = scale;
    box.at_x = x;
    box.at_y = (kInsetHeight - (box.y1 - box.y0) * scale) / 2.0F;
    x += (box.x1 - box.x0) * scale + kInsetGap;
  }
  return out;
}

std::string inset_clip_id(const Look& look, const View& view, std::size_t i) {
  return look.prefix + "-inset-" + std::string(to_string(view.view)) + '-' + std::to_string(i);
}

void write_view(std::string& out, const KnowledgeBase& kb, const Panel& panel, const Look& look,
                const View& view, const std::vector<Inset>& insets, float x, float y,
                bool& tab_stop_taken) {
  const Chart& chart = kb.chart();
  const Catalogue& words = catalogue(kb);
  const bool front = view.view == myoref::View::front;
  const std::string caption = words.get(front ? "render.front" : "render.back");
  text_element(out, x + chart.width / 2.0F, y + 12.0F, caption, 12.0F, "middle", kTextColour, true);
  text_element(out, x + 2.0F, y + 12.0F,
               words.get(front ? "render.right_letter" : "render.left_letter"), 11.0F, "start",
               kMutedText);
  text_element(out, x + chart.width - 2.0F, y + 12.0F,
               words.get(front ? "render.left_letter" : "render.right_letter"), 11.0F, "end",
               kMutedText);
  out += "<g";
  attr(out, "transform", "translate(" + num(x) + ' ' + num(y + kCaptionHeight) + ')');
  if (panel.interactive) {
    // A named group per view: a screen reader says "front view" when focus
    // enters it, which tells apart a region drawn on both views.
    out += " role=\"group\"";
    attr(out, "aria-label", words.get("render.view_label", {{"view", caption}}));
  }
  out += ">\n";
  write_view_body(out, kb, panel, look, view, nullptr, tab_stop_taken);
  out += "</g>\n";
  if (insets.empty())
    return;
  const float strip_top = y + kCaptionHeight + chart.height + kInsetTop;
  // Hidden from screen readers (the view's regions are the ones to reach);
  // on a chart to draw on, a second place to click.
  out += panel.interactive ? "<g aria-hidden=\"true\" class=\"myoref-inset\">\n"
                           : "<g aria-hidden=\"true\" pointer-events=\"none\">\n";
  for (std::size_t i = 0; i < insets.size(); ++i) {
    const Inset& box = insets[i];
    const float w = (box.x1 - box.x0) * box.scale;
    const float h = (box.y1 - box.y0) * box.scale;
    out += "<g";
    attr(out, "transform",
         "translate(" + num(x + box.at_x) + ' ' + num(strip_top + box.at_y) + ") scale(" +
             num(box.scale) + ") translate(" + num(-box.x0) + ' ' + num(-box.y0) + ')');
    attr(out, "clip-path", url(inset_clip_id(look, view, i)));
    out += ">\n";
    bool no_tab_stop = true;
    write_view_body(out, kb, panel, look, view, &box, no_tab_stop);
    out += "</g>\n<rect";
    attr(out, "x", x + box.at_x);
    attr(out, "y", strip_top + box.at_y);
    attr(out, "width", w);
    attr(out, "height", h);
    out += " fill=\"none\"";
    attr(out, "stroke", kInsetFrame);
    out += " stroke-width=\"0.8\" rx=\"3\"/>\n";
    text_element(out, x + box.at_x + w / 2.0F, strip_top + kInsetHeight + kInsetCaption - 2.0F,
                 box.label, 9.0F, "middle", kMutedText);
  }
  out += "</g>\n";
}

// Whether any panel paints, overlays or marks something inside an inset: a
// picture with nothing in the head or hands is drawn without the strips.
bool shows_anything(const KnowledgeBase& kb, const Figure& figure,
                    const std::array<std::vector<Inset>, 2>& insets) {
  const Chart& chart = kb.chart();
  const auto& coarse_of = detail::model_of(kb).region_key_coarse;
  const auto painted = [&](const Panel& panel, RegionKeyIndex key) {
    const auto own = [&](RegionKeyIndex k) {
      return (k < panel.fill.size() && !panel.fill[k].empty()) ||
             (k < panel.overlay.size() && panel.overlay[k] != Zone::none);
    };
    return own(key) || std::any_of(coarse_of[key].begin(), coarse_of[key].end(), own);
  };
  for (std::size_t v = 0; v < kViews.size(); ++v) {
    for (const Inset& box : insets[v]) {
      for (const Panel& panel : figure.panels) {
        for (const ChartShape& shape : chart.shapes) {
          if (shape.view == kViews[v].view && painted(panel, shape.key) &&
              meets(box, shape.points)) {
            return true;
          }
        }
        if (!panel.marks_of)
          continue;
        const Candidate& candidate = kb.candidates()[*panel.marks_of];
        for (const ChartMark& mark : chart.marks) {
          if (mark.view == kViews[v].view && mark.muscle == candidate.muscle &&
              mark.side == candidate.side && inside(box, mark.at)) {
            return true;
          }
        }
      }
    }
  }
  return false;
}

// The clip paths of the insets, in chart units, once per picture.
void write_inset_clips(std::string& out, const Look& look,
                       const std::array<std::vector<Inset>, 2>& insets) {
  out += "<defs>\n";
  for (std::size_t v = 0; v < kViews.size(); ++v) {
    for (std::size_t i = 0; i < insets[v].size(); ++i) {
      const Inset& box = insets[v][i];
      out += "<clipPath";
      attr(out, "id", inset_clip_id(look, kViews[v], i));
      out += "><rect";
      attr(out, "x", box.x0);
      attr(out, "y", box.y0);
      attr(out, "width", box.x1 - box.x0);
      attr(out, "height", box.y1 - box.y0);
      out += "/></clipPath>\n";
    }
  }
  out += "</defs>\n";
}

float legend_height(const Figure& figure) {
  float h = kLegendTop;
  for (const LegendItem& item : figure.legend) {
    h += item.kind == LegendItem::Kind::pain_scale ? kScaleRow : kLegendRow;
  }
  return h;
}

void write_legend(std::string& out, const KnowledgeBase& kb, const Figure& figure, const Look& look,
                  float x, float y) {
  y += kLegendTop;
  for (const LegendItem& item : figure.legend) {
    if (item.kind == LegendItem::Kind::pain_scale) {
      text_element(out, x, y + 10.0F, item.label, 11.0F, "start", kTextColour);
      const float x0 = x + 74.0F;
      for (int i = 0; i <= 10; ++i) {
        const float sx = x0 + static_cast<float>(i) * kSwatchWidth;
        out += "<rect";
        attr(out, "x", sx);
        attr(out, "y", y);
        attr(out, "width", kSwatchWidth);
        attr(out, "height", kSwatchHeight);
        attr(out, "fill", to_hex(pain_colour(i)));
        attr(out, "stroke", kRegionStroke);
        out += " stroke-width=\"0.5\"/>\n";
        text_element(out, sx + kSwatchWidth / 2.0F, y + kSwatchHeight + 10.0F, std::to_string(i),
                     9.0F, "middle", kMutedText);
      }
      text_element(out, x0 + 11.0F * kSwatchWidth + 8.0F, y + 10.0F,
                   catalogue(kb).get("render.zero_drawn"), 10.0F, "start", kMutedText);
      y += kScaleRow;
      continue;
    }
    if (item.kind == LegendItem::Kind::cross) {
      cross(out, x + kSwatchWidth / 2.0F, y + kSwatchHeight / 2.0F, to_hex(look.trigger_point));
    } else {
      out += "<rect";
      attr(out, "x", x);
      attr(out, "y", y);
      attr(out, "width", kSwatchWidth);
      attr(out, "height", kSwatchHeight);
      attr(out, "fill", item.fill);
      if (item.kind == LegendItem::Kind::outlined_swatch) {
        attr(out, "stroke", to_hex(look.overlay));
        out += " stroke-width=\"1.2\"/>\n";
      } else {
        attr(out, "stroke", kRegionStroke);
        out += " stroke-width=\"0.5\"/>\n";
      }
    }
    text_element(out, x + kSwatchWidth + 8.0F, y + 10.0F, item.label, 11.0F, "start", kTextColour);
    y += kLegendRow;
  }
}

}  // namespace

std::vector<Zone> referral_zones(const KnowledgeBase& kb, CandidateIndex candidate,
                                 std::optional<std::size_t> trigger_point) {
  std::vector<Zone> zones(kb.region_keys().size(), Zone::none);
  const Candidate& c = kb.candidates()[candidate];
  const auto regions = kb.regions();
  const auto mark = [&](RegionIndex region, SideRelation relation, Zone zone) {
    const auto put = [&](Side side) {
      if (const auto key = kb.find_region_key(region, side)) {
        zones[*key] = std::max(zones[*key], zone);
      }
    };
    if (regions[region].laterality == Laterality::midline) {
      put(Side::none);
    } else if (c.side == Side::none || relation == SideRelation::both ||
               relation == SideRelation::midline) {
      put(Side::left);
      put(Side::right);
    } else {
      put(relation == SideRelation::opposite ? mirror(c.side) : c.side);
    }
  };
  const auto& points = kb.muscles()[c.muscle].trigger_points;
  for (std::size_t t = 0; t < points.size(); ++t) {
    if (trigger_point && t != *trigger_point)
      continue;
    const TriggerPoint& tp = points[t];
    for (const RegionIndex r : tp.essential)
      mark(r, tp.side, Zone::essential);
    for (const RegionIndex r : tp.spillover)
      mark(r, tp.side, Zone::spillover);
  }
  return zones;
}

Expected<Look> check_options(const RenderOptions& options) {
  std::vector<Diagnostic> problems;
  Look look;
  look.width_px = options.width_px;
  look.legend = options.legend;
  look.heading = options.heading;
  look.prefix = options.id_prefix;
  if (options.width_px < 0 || options.width_px > 100000) {
    problems.push_back(
        {"/width_px", "expected 0 (no size) or a width in pixels up to 100000, got " +
                          std::to_string(options.width_px)});
  }
  if (!valid_id_prefix(options.id_prefix)) {
    problems.push_back({"/id_prefix",
                        "expected 1 to 64 characters: a letter, then letters, digits, "
                        "'-' or '_'"});
  }
  const std::pair<const char*, std::pair<const std::string*, Rgb*>> colours[] = {
      {"/essential_colour", {&options.essential_colour, &look.essential}},
      {"/overlay_colour", {&options.overlay_colour, &look.overlay}},
      {"/trigger_point_colour", {&options.trigger_point_colour, &look.trigger_point}},
  };
  for (const auto& [path, field] : colours) {
    if (const auto rgb = parse_colour(*field.first)) {
      *field.second = *rgb;
    } else {
      problems.push_back({path, "expected a colour \"#rrggbb\", got \"" + *field.first + "\""});
    }
  }
  if (!problems.empty()) {
    return Error(ErrorCode::invalid_argument, "render options are not valid", std::move(problems));
  }
  return look;
}

Expected<Look> check_look(const KnowledgeBase& kb, const RenderOptions& options) {
  auto look = check_options(options);
  if (!look)
    return look;
  const Chart& chart = kb.chart();
  if (chart.shapes.empty() || !(chart.width > 0.0F) || !(chart.height > 0.0F)) {
    return Error(ErrorCode::not_found,
                 "knowledge base \"" + kb.id() + "\" has no body chart to draw on");
  }
  return look;
}

std::string region_label(const KnowledgeBase& kb, RegionKeyIndex key) {
  const RegionKey& k = kb.region_keys()[key];
  const std::string& name = kb.regions()[k.region].name;
  if (k.side == Side::none)
    return name;
  const Catalogue& m = catalogue(kb);
  return m.get(
      "region.on_side",
      {{"region", name}, {"side", m.get(k.side == Side::left ? "side.left" : "side.right")}});
}

std::string region_aria_label(const KnowledgeBase& kb, RegionKeyIndex key) {
  const RegionKey& k = kb.region_keys()[key];
  const std::string& name = kb.regions()[k.region].name;
  if (k.side == Side::none)
    return name;
  // "Upper buttock" reads "left upper buttock"; a name that starts with an
  // abbreviation ("ITB") keeps its capitals.
  std::string lowered = name;
  if (lowered.size() >= 2 && lowered[0] >= 'A' && lowered[0] <= 'Z' &&
      !(lowered[1] >= 'A' && lowered[1] <= 'Z')) {
    lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
  }
  const Catalogue& m = catalogue(kb);
  return m.get(
      "region.aria_on_side",
      {{"region", lowered}, {"side", m.get(k.side == Side::left ? "side.left" : "side.right")}});
}

std::string candidate_label(const KnowledgeBase& kb, CandidateIndex candidate) {
  const Candidate& c = kb.candidates()[candidate];
  const std::string& name = kb.muscles()[c.muscle].name;
  if (c.side == Side::none)
    return name;
  const Catalogue& m = catalogue(kb);
  return m.get(
      "region.on_side",
      {{"region", name}, {"side", m.get(c.side == Side::left ? "side.left" : "side.right")}});
}

std::string zone_list(const KnowledgeBase& kb, const std::vector<Zone>& zones, Zone which) {
  const Catalogue& m = catalogue(kb);
  std::string out;
  for (std::size_t key = 0; key < zones.size(); ++key) {
    if (zones[key] != which)
      continue;
    if (!out.empty())
      out += m.get("list.separator");
    out += region_label(kb, static_cast<RegionKeyIndex>(key));
  }
  return out.empty() ? m.get("render.none") : out;
}

Rgb pain_colour(int intensity) noexcept {
  if (intensity <= 0)
    return kNoPain;
  if (intensity >= 10)
    return kPainHigh;
  if (intensity <= 5)
    return mix(kPainLow, kPainMid, static_cast<float>(intensity - 1) / 4.0F);
  return mix(kPainMid, kPainHigh, static_cast<float>(intensity - 5) / 5.0F);
}

std::string spillover_pattern_id(const Look& look) {
  return look.prefix + "-spillover";
}
std::string hatch_pattern_id(const Look& look) {
  return look.prefix + "-essential-hatch";
}
std::string dots_pattern_id(const Look& look) {
  return look.prefix + "-spillover-dots";
}

std::string write_svg(const KnowledgeBase& kb, const Figure& figure, const Look& look) {
  const Chart& chart = kb.chart();
  const float panel_width = 2.0F * chart.width + kViewGap;
  // Two panels a row at most: wider rows shrink the body too far to read
  // when the picture is fitted to a page.
  const std::size_t count = std::max<std::size_t>(figure.panels.size(), 1);
  const std::size_t columns = std::min<std::size_t>(count, kPanelColumns);
  const std::size_t rows = (count + columns - 1) / columns;
  const bool panel_headings = std::any_of(figure.panels.begin(), figure.panels.end(),
                                          [](const Panel& p) { return !p.heading.empty(); });
  const auto cols = static_cast<float>(columns);
  const float width = 2.0F * kMargin + cols * panel_width + (cols - 1.0F) * kPanelGap;
  const float heading = look.heading ? kHeadingHeight : 0.0F;
  // A chart to draw on always has the insets (the face and hands are small
  // to mark); a picture only when it shows something there.
  std::array<std::vector<Inset>, 2> insets{insets_of(kb, kViews[0].view),
                                           insets_of(kb, kViews[1].view)};
  if (!figure.interactive && !shows_anything(kb, figure, insets))
    insets = {};
  const bool any_inset = !insets[0].empty() || !insets[1].empty();
  const float row_height = (panel_headings ? kPanelHeadingHeight : 0.0F) + kCaptionHeight +
                           chart.height +
                           (any_inset ? kInsetTop + kInsetHeight + kInsetCaption : 0.0F);
  const float rows_top = kMargin + heading;
  const float views_bottom =
      rows_top + static_cast<float>(rows) * row_height + static_cast<float>(rows - 1) * kRowGap;
  const float height = views_bottom +
                       (look.legend && !figure.legend.empty() ? legend_height(figure) : 0.0F) +
                       kMargin;

  std::string out;
  out.reserve(64U << 10U);
  const std::string title_id = look.prefix + "-title";
  const std::string desc_id = look.prefix + "-desc";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\"";
  attr(out, "viewBox", "0 0 " + num(width) + ' ' + num(height));
  if (look.width_px > 0) {
    const float w = static_cast<float>(look.width_px);
    attr(out, "width", w);
    attr(out, "height", w * height / width);
  }
  // An image's children are presentational, so a chart to draw on is a group.
  out += figure.interactive ? " role=\"group\"" : " role=\"img\"";
  attr(out, "aria-labelledby", title_id + ' ' + desc_id);
  out += " font-family=\"sans-serif\">\n<title";
  attr(out, "id", title_id);
  out += '>';
  append_escaped(out, figure.title);
  out += "</title>\n<desc";
  attr(out, "id", desc_id);
  out += '>';
  append_escaped(out, figure.desc);
  out += "</desc>\n";
  write_defs(out, look);
  if (any_inset)
    write_inset_clips(out, look, insets);
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  const float text_width = width - 2.0F * kMargin;
  if (look.heading) {
    text_element(out, kMargin, kMargin + 17.0F, figure.title,
                 fitted_size(figure.title, 17.0F, text_width, true), "start", kTextColour, true);
    if (!figure.subtitle.empty()) {
      text_element(out, kMargin, kMargin + 35.0F, figure.subtitle,
                   fitted_size(figure.subtitle, 12.0F, text_width, false), "start", kMutedText);
    }
  }
  bool tab_stop_taken = false;
  for (std::size_t i = 0; i < figure.panels.size(); ++i) {
    const Panel& panel = figure.panels[i];
    const float x = kMargin + static_cast<float>(i % columns) * (panel_width + kPanelGap);
    const std::size_t row = i / columns;
    const float views_top = rows_top + static_cast<float>(row) * (row_height + kRowGap) +
                            (panel_headings ? kPanelHeadingHeight : 0.0F);
    if (!panel.heading.empty()) {
      text_element(out, x, views_top - 6.0F, panel.heading,
                   fitted_size(panel.heading, 13.0F, panel_width, true), "start", kTextColour,
                   true);
    }
    for (std::size_t v = 0; v < kViews.size(); ++v) {
      write_view(out, kb, panel, look, kViews[v], insets[v],
                 x + static_cast<float>(v) * (chart.width + kViewGap), views_top, tab_stop_taken);
    }
  }
  if (look.legend && !figure.legend.empty()) {
    write_legend(out, kb, figure, look, kMargin, views_bottom);
  }
  out += "</svg>\n";
  return out;
}

}  // namespace myoref::detail::render
