// Pictures: the body chart's coverage, the SVG and HTML writers, golden files.
//
// Golden files live in tests/golden/render/. When a change to the pictures is
// intended, rewrite them with
//     MYOREF_UPDATE_GOLDEN=1 ./tests/myoref_tests "[render-golden]"
// (from the build folder), then look at the new pictures (rsvg-convert F.svg
// -o F.png) and review the diff before committing it.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "myoref/assess.hpp"
#include "myoref/render.hpp"
#include "render/figure.hpp"
#include "render/svg.hpp"
#include "support.hpp"

using myoref::CandidateIndex;
using myoref::ErrorCode;
using myoref::KnowledgeBase;
using myoref::RenderOptions;
using myoref::Side;
using myoref::View;

namespace {

const KnowledgeBase& kb() {
  return myoref::test::default_kb();
}

// The small knowledge base of tests/data/kb/minimal.json, whose pelvic floor is
// a midline muscle (the default one has none since the pelvic floor got sides).
using myoref::test::minimal_kb;

std::string golden_path(const std::string& name) {
  return myoref::test::source_path("tests/golden/render/" + name);
}

void check_golden(const std::string& name, const std::string& actual) {
  myoref::test::check_golden(golden_path(name), actual);
}

CandidateIndex candidate(const std::string& key) {
  const auto c = kb().find_candidate(key);
  REQUIRE(c);
  return *c;
}

myoref::Intake intake_from(const std::string& file) {
  auto intake = myoref::parse_intake(kb(), myoref::test::read_text(golden_path(file)));
  REQUIRE(intake);
  return std::move(intake).value();
}

// The picture without its inset strips (each a group, groups nested inside).
std::string without_insets(const std::string& svg) {
  const std::string start = "<g aria-hidden=\"true\" pointer-events=\"none\">";
  std::string out;
  std::size_t from = 0;
  for (auto at = svg.find(start); at != std::string::npos; at = svg.find(start, from)) {
    out.append(svg, from, at - from);
    std::size_t depth = 0;
    std::size_t i = at;
    do {
      if (svg.compare(i, 4, "</g>") == 0) {
        --depth;
        i += 4;
      } else if (svg.compare(i, 3, "<g ") == 0 || svg.compare(i, 3, "<g>") == 0) {
        ++depth;
        i += 3;
      } else {
        ++i;
      }
    } while (depth > 0 && i < svg.size());
    from = i;
  }
  out.append(svg, from, std::string::npos);
  return out;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

double area(const std::vector<myoref::Point>& polygon) {
  double twice = 0.0;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const auto& a = polygon[i];
    const auto& b = polygon[(i + 1) % polygon.size()];
    twice += static_cast<double>(a.x) * static_cast<double>(b.y) -
             static_cast<double>(b.x) * static_cast<double>(a.y);
  }
  return std::abs(twice) / 2.0;
}

}  // namespace

TEST_CASE("every region key but a coarse one has a shape in each view that shows its region",
          "[render]") {
  const auto& chart = kb().chart();
  REQUIRE(chart.width > 0.0F);
  const auto keys = kb().region_keys();
  for (std::size_t key = 0; key < keys.size(); ++key) {
    const auto& region = kb().regions()[keys[key].region];
    for (const View view : {View::front, View::back}) {
      const bool shown = region.view == View::both || region.view == view;
      const auto shapes =
          std::count_if(chart.shapes.begin(), chart.shapes.end(),
                        [&](const auto& s) { return s.key == key && s.view == view; });
      INFO(keys[key].key << " in the " << myoref::to_string(view) << " view");
      // A coarse region is drawn as its parts (test_regions_coarse.cpp).
      const bool coarse = !region.parts.empty();
      CHECK(shapes == (shown && !coarse ? 1 : 0));
    }
  }
}

TEST_CASE("the regions tile the figure: no gaps, no overlaps", "[render]") {
  // The shapes of one view add up to the area inside its outline only when
  // they neither overlap nor leave holes (shared edges have no area).
  const auto& chart = kb().chart();
  for (const View view : {View::front, View::back}) {
    double regions = 0.0;
    for (const auto& shape : chart.shapes) {
      if (shape.view == view)
        regions += area(shape.points);
    }
    double figure = 0.0;
    for (const auto& line : chart.outline[static_cast<int>(view)])
      figure += area(line);
    INFO(myoref::to_string(view) << " view: regions " << regions << ", outline " << figure);
    CHECK(figure > 0.2 * static_cast<double>(chart.width * chart.height));
    CHECK(std::abs(regions - figure) < 0.0002 * figure);  // about 5 square units
  }
}

TEST_CASE("every trigger point is marked on both sides of the chart", "[render]") {
  for (const auto& c : kb().candidates()) {
    const auto& muscle = kb().muscles()[c.muscle];
    for (std::size_t t = 0; t < muscle.trigger_points.size(); ++t) {
      const auto marks = std::count_if(
          kb().chart().marks.begin(), kb().chart().marks.end(), [&](const myoref::ChartMark& m) {
            return m.muscle == c.muscle && m.trigger_point == t && m.side == c.side;
          });
      INFO(c.key << " " << muscle.trigger_points[t].id);
      CHECK(marks >= 1);
    }
  }
}

TEST_CASE("numbers are written with at most one decimal, whatever the locale", "[render]") {
  using myoref::detail::render::num;
  CHECK(num(12.0F) == "12");
  CHECK(num(12.54F) == "12.5");
  CHECK(num(12.56F) == "12.6");
  CHECK(num(-0.5F) == "-0.5");
  CHECK(num(-0.04F) == "0");
  CHECK(num(0.96F) == "1");
  CHECK(num(200.0F) == "200");
}

TEST_CASE("text is escaped for XML and HTML", "[render]") {
  using myoref::detail::render::escaped;
  CHECK(escaped("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
  CHECK(escaped(std::string("x\x01y", 3)) == "x y");
  CHECK(escaped("Fibularis longus – brevis") == "Fibularis longus – brevis");
}

TEST_CASE("colours parse only as #rrggbb", "[render]") {
  using myoref::detail::render::parse_colour;
  using myoref::detail::render::to_hex;
  REQUIRE(parse_colour("#C62828"));
  CHECK(to_hex(*parse_colour("#C62828")) == "#c62828");
  CHECK_FALSE(parse_colour("red"));
  CHECK_FALSE(parse_colour("#c6282"));
  CHECK_FALSE(parse_colour("#c6282g"));
  CHECK_FALSE(parse_colour("#c62828\" onload=\"x"));
}

TEST_CASE("the pain scale darkens with every point", "[render]") {
  using myoref::detail::render::pain_colour;
  int last = 3 * 256;
  for (int i = 1; i <= 10; ++i) {
    const auto c = pain_colour(i);
    const int lightness = c.r + c.g + c.b;
    INFO("intensity " << i);
    CHECK(lightness < last);
    last = lightness;
  }
}

TEST_CASE("a muscle's pattern follows its trigger points' side relation", "[render]") {
  using myoref::detail::render::referral_zones;
  using myoref::detail::render::Zone;
  const auto left = candidate("gluteus_medius:left");
  const auto zones = referral_zones(kb(), left);
  const auto region_key = [](const char* key) { return *kb().find_region_key(key); };
  CHECK(zones[region_key("iliac_crest:left")] == Zone::essential);
  CHECK(zones[region_key("sacrum")] == Zone::essential);
  CHECK(zones[region_key("iliac_crest:right")] == Zone::none);
  CHECK(zones[region_key("thigh_posterior_upper:left")] == Zone::spillover);
  // The pelvic floor has sides: the left one refers to the left sitting bone
  // and the midline regions, not to the right sitting bone.
  const auto pf = referral_zones(kb(), candidate("pelvic_floor:left"));
  CHECK(pf[region_key("coccyx")] == Zone::essential);
  CHECK(pf[region_key("ischial:left")] == Zone::essential);
  CHECK(pf[region_key("ischial:right")] == Zone::none);
  CHECK(pf[region_key("thigh_posterior_upper:left")] == Zone::spillover);
  CHECK(pf[region_key("thigh_posterior_upper:right")] == Zone::none);
  // A midline muscle (a small knowledge base's pelvic floor) is one candidate
  // with no side, and its zones are drawn all the same.
  const KnowledgeBase& small = minimal_kb();
  const auto midline = small.find_candidate("pelvic_floor");
  REQUIRE(midline);
  CHECK(small.candidates()[*midline].side == Side::none);
  const auto mz = referral_zones(small, *midline);
  CHECK(mz[*small.find_region_key("perineum")] == Zone::essential);
  CHECK(mz[*small.find_region_key("sacrum")] == Zone::essential);
}

TEST_CASE("muscle charts match their golden files", "[render][render-golden]") {
  for (const char* key :
       {"gluteus_medius:left", "gluteus_medius:right", "gastrocnemius:left", "pelvic_floor:left",
        "iliopsoas:left", "masseter:left", "wrist_extensors:right"}) {
    INFO(key);
    auto svg = myoref::render_muscle_svg(kb(), candidate(key));
    REQUIRE(svg);
    std::string name = std::string("muscle_") + key + ".svg";
    std::replace(name.begin(), name.end(), ':', '_');
    check_golden(name, *svg);
  }
  // A midline muscle's chart: one candidate, no side in its title.
  const auto midline = minimal_kb().find_candidate("pelvic_floor");
  REQUIRE(midline);
  auto svg = myoref::render_muscle_svg(minimal_kb(), *midline);
  REQUIRE(svg);
  CHECK(svg->find("Pelvic floor: referral pattern") != std::string::npos);
  check_golden("muscle_minimal_pelvic_floor.svg", *svg);
}

TEST_CASE("pain drawing and overlay match their golden files", "[render][render-golden]") {
  const auto intake = intake_from("intake_gluteus_medius.json");
  auto drawing = myoref::render_intake_svg(kb(), intake);
  REQUIRE(drawing);
  check_golden("intake_gluteus_medius.svg", *drawing);
  auto overlay = myoref::render_overlay_svg(kb(), intake, candidate("gluteus_medius:left"));
  REQUIRE(overlay);
  check_golden("overlay_gluteus_medius_left.svg", *overlay);
}

TEST_CASE("a muscle chart names its zones and trigger points for every reader", "[render]") {
  auto svg = myoref::render_muscle_svg(kb(), candidate("gluteus_medius:left"));
  REQUIRE(svg);
  CHECK(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", 0) == 0);
  const std::string root = svg->substr(0, svg->find('>'));
  CHECK(root.find(" width=") == std::string::npos);  // sized by its viewBox alone
  CHECK(svg->find("<title id=\"myoref-title\">Gluteus medius (left): referral pattern</title>") !=
        std::string::npos);
  CHECK(svg->find("<desc id=\"myoref-desc\">") != std::string::npos);
  // One hover title per drawn shape, and the zones named in them.
  const std::size_t shapes = kb().chart().shapes.size();
  CHECK(count(*svg, "<polygon points=") >= shapes);
  CHECK(svg->find("<title>Sacrum: essential zone</title>") != std::string::npos);
  const std::string crest =
      myoref::detail::render::region_label(kb(), *kb().find_region_key("iliac_crest:left"));
  CHECK(svg->find("<title>" + crest + ": essential zone</title>") != std::string::npos);
  // Three trigger points, each an X with its own title: all three on the
  // combined panel, then one panel per trigger point with its name as the
  // heading and its own mark alone (none lies in the head or hand insets).
  CHECK(count(*svg, "<g><title>Gluteus medius, ") == 6);
  CHECK(svg->find(">All trigger points</text>") != std::string::npos);
  const auto m = *kb().find_muscle("gluteus_medius");
  for (const auto& tp : kb().muscles()[m].trigger_points) {
    INFO(tp.name);
    CHECK(svg->find(">" + tp.name + "</text>") != std::string::npos);
  }
}

TEST_CASE("a trigger point's own panel paints its zones alone", "[render]") {
  // Infraspinatus: the main point refers to the front of the shoulder, the
  // inner point to the inner border of the shoulder blade alone.
  const auto c = candidate("infraspinatus:left");
  const auto m = kb().candidates()[c].muscle;
  const auto& points = kb().muscles()[m].trigger_points;
  REQUIRE(points.size() >= 2);
  using myoref::detail::render::referral_zones;
  using myoref::detail::render::Zone;
  const auto all = referral_zones(kb(), c);
  std::vector<Zone> joined(all.size(), Zone::none);
  for (std::size_t t = 0; t < points.size(); ++t) {
    const auto one = referral_zones(kb(), c, t);
    for (std::size_t k = 0; k < one.size(); ++k) {
      CHECK((one[k] == Zone::none || all[k] != Zone::none));  // a part of the whole
      joined[k] = std::max(joined[k], one[k]);
    }
  }
  CHECK(joined == all);  // and the parts make the whole
  CHECK(referral_zones(kb(), c, 0) != referral_zones(kb(), c, 1));
}

TEST_CASE("pictures are the same every time and honour their options", "[render]") {
  const auto c = candidate("piriformis:right");
  auto a = myoref::render_muscle_svg(kb(), c);
  auto b = myoref::render_muscle_svg(kb(), c);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  RenderOptions options;
  options.width_px = 600;
  options.legend = false;
  options.heading = false;
  options.id_prefix = "p2";
  options.essential_colour = "#0000ff";
  auto custom = myoref::render_muscle_svg(kb(), c, options);
  REQUIRE(custom);
  CHECK(custom->find(" width=\"600\"") != std::string::npos);
  CHECK(custom->find("id=\"p2-spillover\"") != std::string::npos);
  CHECK(custom->find("url(#p2-spillover)") != std::string::npos);
  CHECK(custom->find("#0000ff") != std::string::npos);
  CHECK(custom->find("Essential zone: pain nearly always") == std::string::npos);
  CHECK(custom->find("myoref-") == std::string::npos);
}

TEST_CASE("bad render arguments are errors, never exceptions", "[render]") {
  RenderOptions options;
  options.essential_colour = "crimson";
  options.id_prefix = "1bad";
  auto svg = myoref::render_muscle_svg(kb(), candidate("soleus:left"), options);
  REQUIRE_FALSE(svg);
  CHECK(svg.error().code() == ErrorCode::invalid_argument);
  REQUIRE(svg.error().diagnostics().size() == 2);
  CHECK(svg.error().diagnostics()[0].path == "/id_prefix");
  CHECK(svg.error().diagnostics()[1].path == "/essential_colour");

  const auto outside = static_cast<CandidateIndex>(kb().candidates().size());
  auto none = myoref::render_muscle_svg(kb(), outside);
  REQUIRE_FALSE(none);
  CHECK(none.error().code() == ErrorCode::invalid_argument);

  myoref::Intake empty;  // no pain mark: refused by validate_intake
  auto drawing = myoref::render_intake_svg(kb(), empty);
  REQUIRE_FALSE(drawing);
  CHECK(drawing.error().code() == ErrorCode::invalid_input);

  myoref::Intake stray;
  stray.pain.push_back({static_cast<myoref::RegionKeyIndex>(kb().region_keys().size()), 3});
  auto overlay = myoref::render_overlay_svg(kb(), stray, candidate("soleus:left"));
  REQUIRE_FALSE(overlay);
  CHECK(overlay.error().code() == ErrorCode::invalid_input);
}

TEST_CASE("a knowledge base without a chart cannot be drawn", "[render]") {
  auto doc = boost::json::parse(kb().to_json());
  doc.as_object().erase("chart");
  auto bare = KnowledgeBase::from_json(boost::json::serialize(doc));
  REQUIRE(bare);
  auto svg = myoref::render_muscle_svg(*bare, 0);
  REQUIRE_FALSE(svg);
  CHECK(svg.error().code() == ErrorCode::not_found);
}

TEST_CASE("small multiples show the top candidates of an assessment", "[render]") {
  auto assessment = myoref::assess(kb(), intake_from("intake_gluteus_medius.json"));
  REQUIRE(assessment);
  REQUIRE(assessment->candidate_count() >= 3);
  auto svg = myoref::render_candidates_svg(*assessment, 3);
  REQUIRE(svg);
  CHECK(svg->find("1. Gluteus medius (left), score ") != std::string::npos);
  CHECK(count(*svg, ">Front</text>") == 3);
  auto zero = myoref::render_candidates_svg(*assessment, 0);
  REQUIRE_FALSE(zero);
  CHECK(zero.error().code() == ErrorCode::invalid_argument);
}

TEST_CASE("the report leads with triage and withholds self-care when it is urgent", "[render]") {
  // Every question the drawing opens answered no, as a host asks them first.
  auto answered = intake_from("intake_gluteus_medius.json");
  const auto asked = myoref::questions(kb(), answered);
  REQUIRE(asked);
  for (const auto& q : *asked)
    answered.red_flags_denied.push_back(q.red_flag);
  std::sort(answered.red_flags_denied.begin(), answered.red_flags_denied.end());
  auto calm = myoref::assess(kb(), answered);
  REQUIRE(calm);
  auto page = myoref::render_report_html(*calm);
  REQUIRE(page);
  CHECK(page->rfind("<!DOCTYPE html>", 0) == 0);
  // Self-care or, with its questions unanswered, see_clinician: either way
  // triage comes before the ranking.
  const auto triage = page->find("class=\"triage ");
  const auto ranking = page->find("Muscles that may be behind the pain");
  REQUIRE(triage != std::string::npos);
  REQUIRE(ranking != std::string::npos);
  CHECK(triage < ranking);
  const auto& top = kb().muscles()[kb().candidates()[calm->candidate(0).candidate].muscle];
  const auto first = top.protocol[static_cast<int>(myoref::Step::release)].front();
  CHECK(page->find(myoref::detail::render::escaped(kb().exercises()[first].name)) !=
        std::string::npos);
  // Self-contained: no script and nothing fetched from elsewhere.
  CHECK(page->find("<script") == std::string::npos);
  CHECK(page->find("https://") == std::string::npos);
  CHECK(count(*page, "http://") == count(*page, "http://www.w3.org/2000/svg"));
  // Each inlined picture has its own ids.
  CHECK(count(*page, "id=\"myoref-drawing-spillover\"") == 1);
  CHECK(count(*page, "id=\"myoref-candidates-spillover\"") == 1);

  auto urgent_intake = intake_from("intake_gluteus_medius.json");
  urgent_intake.red_flags.push_back(*kb().find_red_flag("saddle_numbness"));
  auto urgent = myoref::assess(kb(), urgent_intake);
  REQUIRE(urgent);
  auto warning = myoref::render_report_html(*urgent);
  REQUIRE(warning);
  CHECK(warning->find("class=\"triage emergency\"") != std::string::npos);
  CHECK(warning->find("Self-care exercises are not shown.") != std::string::npos);
  CHECK(warning->find(myoref::detail::render::escaped(kb().exercises()[first].name)) ==
        std::string::npos);

  // The first step is the plan's: with an emergency question unanswered it is
  // withheld, and it says why.
  auto pending = myoref::assess(kb(), intake_from("intake_gluteus_medius.json"));
  REQUIRE(pending);
  REQUIRE_FALSE(pending->triage().pending.empty());
  auto waiting = myoref::render_report_html(*pending);
  REQUIRE(waiting);
  CHECK(waiting->find("Self-care exercises are not shown.") != std::string::npos);
  CHECK(waiting->find("emergency question is unanswered") != std::string::npos);
  CHECK(waiting->find(myoref::detail::render::escaped(kb().exercises()[first].name)) ==
        std::string::npos);
}

TEST_CASE("the report's first step keeps the person's precautions", "[render][precautions]") {
  auto answered = intake_from("intake_gluteus_medius.json");
  const auto asked = myoref::questions(kb(), answered);
  REQUIRE(asked);
  for (const auto& q : *asked)
    answered.red_flags_denied.push_back(q.red_flag);
  std::sort(answered.red_flags_denied.begin(), answered.red_flags_denied.end());
  const auto thinners = kb().find_precaution("blood_thinners");
  REQUIRE(thinners);
  answered.precautions = {*thinners};
  auto a = myoref::assess(kb(), answered);
  REQUIRE(a);
  auto page = myoref::render_report_html(*a);
  REQUIRE(page);
  // No release exercise that blood thinners rule out is shown; what was left out is said.
  const auto& top = kb().muscles()[kb().candidates()[a->candidate(0).candidate].muscle];
  bool any_ruled_out = false;
  for (const auto e : top.protocol[static_cast<int>(myoref::Step::release)]) {
    const auto& ex = kb().exercises()[e];
    const bool ruled_out = std::find(ex.ruled_out_by.begin(), ex.ruled_out_by.end(), *thinners) !=
                           ex.ruled_out_by.end();
    any_ruled_out = any_ruled_out || ruled_out;
    if (ruled_out) {
      CHECK(page->find("<h3>" + myoref::detail::render::escaped(ex.name) + "</h3>") ==
            std::string::npos);
    }
  }
  CHECK(any_ruled_out);
  CHECK(page->find("Left out for your precautions") != std::string::npos);
}

namespace {

// The value of attribute `name` in the element that starts at `at`.
std::string attribute(const std::string& svg, std::size_t at, const std::string& name) {
  const std::size_t end = svg.find('>', at);
  const std::string key = ' ' + name + "=\"";
  const std::size_t found = svg.find(key, at);
  if (found == std::string::npos || found > end)
    return "";
  const std::size_t from = found + key.size();
  std::string value = svg.substr(from, svg.find('"', from) - from);
  // The one entity the labels use ("the person&#39;s left").
  for (auto apos = value.find("&#39;"); apos != std::string::npos; apos = value.find("&#39;"))
    value.replace(apos, 5, "'");
  return value;
}

// Start offsets of the elements that carry data-region-key="key".
std::vector<std::size_t> region_elements(const std::string& svg, const std::string& key) {
  std::vector<std::size_t> at;
  const std::string needle = "data-region-key=\"" + key + "\"";
  for (auto found = svg.find(needle); found != std::string::npos;
       found = svg.find(needle, found + 1)) {
    at.push_back(svg.rfind('<', found));
  }
  return at;
}

}  // namespace

TEST_CASE("the chart to draw on: every region key is one element per view, named by side",
          "[render][chart]") {
  auto svg = myoref::render_chart_svg(kb());
  REQUIRE(svg);
  CHECK(svg->find("role=\"group\"") < svg->find('>'));  // the root is not an image
  CHECK(count(*svg, "tabindex=\"0\"") == 1);            // one tab stop: a roving tabindex
  CHECK(count(*svg, "aria-pressed=\"true\"") == 0);
  CHECK(count(*svg, "data-intensity") == 0);
  CHECK(svg->find("aria-label=\"Front view\"") != std::string::npos);
  CHECK(svg->find("aria-label=\"Back view\"") != std::string::npos);
  std::size_t elements = 0;
  for (std::size_t k = 0; k < kb().region_keys().size(); ++k) {
    const myoref::RegionKey& key = kb().region_keys()[k];
    INFO(key.key);
    std::vector<std::string> views;
    for (const auto& shape : kb().chart().shapes) {
      const std::string view(myoref::to_string(shape.view));
      if (shape.key == k && std::find(views.begin(), views.end(), view) == views.end())
        views.push_back(view);
    }
    const auto at = region_elements(*svg, key.key);
    REQUIRE(at.size() == views.size());  // once in each view that draws it
    if (!kb().regions()[key.region].parts.empty()) {
      // A coarse region is drawn as its parts: the person marks the parts.
      CHECK(at.empty());
      continue;
    }
    REQUIRE_FALSE(at.empty());
    elements += at.size();
    for (const std::size_t element : at) {
      CHECK(svg->compare(element, 5, "<path") == 0);
      CHECK(attribute(*svg, element, "role") == "button");
      CHECK(attribute(*svg, element, "aria-pressed") == "false");
      const std::string tab = attribute(*svg, element, "tabindex");
      CHECK((tab == "0" || tab == "-1"));
      const std::string view = attribute(*svg, element, "data-view");
      CHECK(std::find(views.begin(), views.end(), view) != views.end());
      const std::string label = attribute(*svg, element, "aria-label");
      const std::string& name = kb().regions()[key.region].name;
      if (key.side == Side::none) {
        CHECK(label == name);
      } else {
        const std::string side(myoref::to_string(key.side));
        const std::string other = key.side == Side::left ? "right" : "left";
        CHECK(label.rfind(side + ' ', 0) == 0);
        CHECK(label.size() > side.size() + 17);
        CHECK(label.substr(label.size() - 15 - side.size()) == ", the person's " + side);
        CHECK(label.find(other) == std::string::npos);
      }
    }
  }
  CHECK(count(*svg, "data-region-key=") == elements);
  CHECK(count(*svg, "role=\"button\"") == elements);
}

TEST_CASE("the chart to draw on names the side as the person has it", "[render][chart]") {
  auto svg = myoref::render_chart_svg(kb());
  REQUIRE(svg);
  const auto left = region_elements(*svg, "buttock_upper:left");
  REQUIRE(left.size() == 1);
  CHECK(attribute(*svg, left[0], "aria-label") == "left upper buttock, the person's left");
  const auto sacrum = region_elements(*svg, "sacrum");
  REQUIRE(sacrum.size() == 1);
  CHECK(attribute(*svg, sacrum[0], "aria-label") == "Sacrum");
  // The back view: the person's left on the viewer's left; the right-side
  // shape is the left one mirrored, so its points lie further right.
  const auto right = region_elements(*svg, "buttock_upper:right");
  REQUIRE(right.size() == 1);
  const auto first_x = [&](std::size_t at) {
    const std::string d = attribute(*svg, at, "d");
    return std::stof(d.substr(1, d.find(' ') - 1));
  };
  CHECK(first_x(left[0]) < first_x(right[0]));
  // Orientation letters on both views.
  CHECK(count(*svg, ">R</text>") == 2);
  CHECK(count(*svg, ">L</text>") == 2);
}

TEST_CASE("the chart to draw on uses the drawing's geometry", "[render][chart]") {
  // The same points as the pain drawing: every polygon of the drawing, as
  // "x,y x,y", is a run of the chart's path data "Mx yLx y...".
  const auto intake = intake_from("intake_gluteus_medius.json");
  auto drawing = myoref::render_intake_svg(kb(), intake);
  auto chart = myoref::render_chart_svg(kb(), intake.pain);
  REQUIRE(drawing);
  REQUIRE(chart);
  // The enlarged head and hands repeat some shapes: set them aside.
  const std::string views = without_insets(*drawing);
  std::size_t polygons = 0;
  for (auto at = views.find("<polygon points=\""); at != std::string::npos;
       at = views.find("<polygon points=\"", at + 1)) {
    if (attribute(views, at, "fill") == "none")
      continue;  // the outline
    std::string points = attribute(views, at, "points");
    std::string d = "M";
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (points[i] == ',')
        d += ' ';
      else if (points[i] == ' ')
        d += 'L';
      else
        d += points[i];
    }
    CHECK(chart->find(d + 'Z') != std::string::npos);
    // And the same fill where the drawing marks pain.
    ++polygons;
  }
  CHECK(polygons == kb().chart().shapes.size());
  for (const auto& mark : intake.pain) {
    const std::string& key = kb().region_keys()[mark.region_key].key;
    INFO(key);
    for (const std::size_t at : region_elements(*chart, key)) {
      CHECK(attribute(*chart, at, "data-intensity") == std::to_string(mark.intensity));
      CHECK(attribute(*chart, at, "aria-pressed") == "true");
      CHECK(attribute(*chart, at, "fill") ==
            myoref::detail::render::to_hex(myoref::detail::render::pain_colour(mark.intensity)));
    }
  }
}

TEST_CASE("the chart to draw on refuses pain marks it cannot show", "[render][chart]") {
  const auto key = static_cast<myoref::RegionKeyIndex>(kb().region_keys().size());
  std::vector<myoref::PainMark> pain{{0, 3}, {key, 2}, {1, 11}, {0, 4}};
  auto svg = myoref::render_chart_svg(kb(), pain);
  REQUIRE_FALSE(svg);
  CHECK(svg.error().code() == ErrorCode::invalid_input);
  REQUIRE(svg.error().diagnostics().size() == 3);
  CHECK(svg.error().diagnostics()[0].path == "/pain/1/region");
  CHECK(svg.error().diagnostics()[1].path == "/pain/2/intensity");
  CHECK(svg.error().diagnostics()[2].path == "/pain/3");
  RenderOptions bad;
  bad.id_prefix = "1x";
  CHECK(myoref::render_chart_svg(kb(), bad).error().code() == ErrorCode::invalid_argument);
}

// Not run by default (hidden tag): writes every chart for the XML and
// rasteriser checks in tests/cmake/render.cmake.
TEST_CASE("export every muscle chart", "[.][render-export]") {
  const char* dir = std::getenv("MYOREF_RENDER_OUT");
  REQUIRE(dir != nullptr);
  for (const auto& c : kb().candidates()) {
    auto svg = myoref::render_muscle_svg(kb(), *kb().find_candidate(c.key));
    REQUIRE(svg);
    std::string name = c.key;
    std::replace(name.begin(), name.end(), ':', '_');
    std::ofstream(std::string(dir) + "/" + name + ".svg", std::ios::binary) << *svg;
  }
  auto drawing = myoref::render_intake_svg(kb(), intake_from("intake_gluteus_medius.json"));
  REQUIRE(drawing);
  std::ofstream(std::string(dir) + "/intake.svg", std::ios::binary) << *drawing;
  auto blank = myoref::render_chart_svg(kb());
  REQUIRE(blank);
  std::ofstream(std::string(dir) + "/chart.svg", std::ios::binary) << *blank;
  auto filled = myoref::render_chart_svg(kb(), intake_from("intake_gluteus_medius.json").pain);
  REQUIRE(filled);
  std::ofstream(std::string(dir) + "/chart_filled.svg", std::ios::binary) << *filled;
}

TEST_CASE("the trigger-point marks of one muscle do not overlap", "[render]") {
  // An X is 4.6 chart units across, with a white halo 1.5 units wide around
  // its strokes: two marks closer than 7.6 units touch.
  constexpr float kApart = 7.6F;
  const auto& marks = kb().chart().marks;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    for (std::size_t j = i + 1; j < marks.size(); ++j) {
      const auto& a = marks[i];
      const auto& b = marks[j];
      if (a.muscle != b.muscle || a.side != b.side || a.view != b.view)
        continue;
      const auto& m = kb().muscles()[a.muscle];
      INFO(m.id << ": " << m.trigger_points[a.trigger_point].id << " and "
                << m.trigger_points[b.trigger_point].id << " on the " << myoref::to_string(a.view)
                << " view");
      CHECK(std::hypot(a.at.x - b.at.x, a.at.y - b.at.y) >= kApart);
    }
  }
}

TEST_CASE("the head and hands are drawn enlarged under each view, and can be marked there",
          "[render]") {
  // The masseter refers within the face: its marks are repeated, enlarged, in
  // the front view's head inset, clipped to the head.
  auto svg = myoref::render_muscle_svg(kb(), candidate("masseter:left"));
  REQUIRE(svg);
  const auto m = *kb().find_muscle("masseter");
  const std::size_t tps = kb().muscles()[m].trigger_points.size();
  REQUIRE(tps >= 2);
  CHECK(count(*svg, "<g><title>Masseter, ") > 2 * tps);
  for (const char* id : {"myoref-inset-front-0", "myoref-inset-front-1", "myoref-inset-front-2",
                         "myoref-inset-back-0", "myoref-inset-back-1", "myoref-inset-back-2"}) {
    INFO(id);
    CHECK(count(*svg, std::string("<clipPath id=\"") + id + "\">") == 1);
    CHECK(count(*svg, std::string("clip-path=\"url(#") + id + ")\"") == 1 + tps);
  }
  CHECK(svg->find("<g aria-hidden=\"true\" pointer-events=\"none\">") != std::string::npos);
  // A pain drawing of the low back alone has nothing there: no strip.
  myoref::Intake back;
  back.pain.push_back({*kb().find_region_key("sacrum"), 5});
  auto drawing = myoref::render_intake_svg(kb(), back);
  REQUIRE(drawing);
  CHECK(drawing->find("clip-path=") == std::string::npos);
  // The chart to draw on always has them, as a second place to click: each
  // enlarged region carries data-inset-key (not data-region-key: the hooks and
  // the accessibility tree keep one element per region), and is neither
  // focusable nor named.
  auto chart = myoref::render_chart_svg(kb());
  REQUIRE(chart);
  CHECK(chart->find("clip-path=") != std::string::npos);
  std::size_t inset_elements = 0;
  for (auto at = chart->find("data-inset-key=\""); at != std::string::npos;
       at = chart->find("data-inset-key=\"", at + 1)) {
    ++inset_elements;
    const std::size_t start = chart->rfind('<', at);
    const std::string element = chart->substr(start, chart->find('>', at) - start);
    INFO(element);
    CHECK(element.find("role=") == std::string::npos);
    CHECK(element.find("tabindex=") == std::string::npos);
    CHECK(element.find("aria-label=") == std::string::npos);
    const std::string key = attribute(*chart, start, "data-inset-key");
    CHECK_FALSE(region_elements(*chart, key).empty());
  }
  CHECK(inset_elements > 0);
  // Every face and hand part is among them, on both views.
  for (const char* key : {"jaw:left", "eye:right", "teeth_upper:left", "palm:left", "thumb:right",
                          "hand_back:left", "fingers_ulnar:right"}) {
    INFO(key);
    CHECK(count(*chart, std::string("data-inset-key=\"") + key + "\"") >= 1);
  }
}

TEST_CASE("the pictures' words for screen readers are in the knowledge base's language",
          "[render][languages]") {
  const KnowledgeBase es = kb().localized("es").value();
  // A muscle chart: its description, the insets' captions, the zones' notes.
  auto muscle = myoref::render_muscle_svg(es, candidate("masseter:left"));
  REQUIRE(muscle);
  CHECK(muscle->find("<desc id=\"myoref-desc\">Patrón de dolor referido de ") != std::string::npos);
  CHECK(muscle->find("Zona esencial (el dolor casi siempre aquí): ") != std::string::npos);
  CHECK(muscle->find(">Cabeza</text>") != std::string::npos);
  CHECK(muscle->find(">Mano derecha</text>") != std::string::npos);
  CHECK(muscle->find(">Mano izquierda</text>") != std::string::npos);
  CHECK(muscle->find(": zona esencial</title>") != std::string::npos);
  // The chart to draw on: its description.
  auto chart = myoref::render_chart_svg(es);
  REQUIRE(chart);
  CHECK(chart->find("Un mapa corporal para marcar el dolor") != std::string::npos);
  // A drawing, an overlay and the small multiples: descriptions, headings, scores.
  const myoref::Intake intake = intake_from("intake_gluteus_medius.json");
  auto drawing = myoref::render_intake_svg(es, intake);
  REQUIRE(drawing);
  CHECK(drawing->find("Dibujo del dolor, vistas de frente y de espaldas, dolor ahora en una escala "
                      "de 0 a 10: ") != std::string::npos);
  auto overlay = myoref::render_overlay_svg(es, intake, candidate("gluteus_medius:left"));
  REQUIRE(overlay);
  CHECK(overlay->find("Zonas con dolor dentro del patrón: ") != std::string::npos);
  auto assessment = myoref::assess(es, intake);
  REQUIRE(assessment);
  auto candidates = myoref::render_candidates_svg(*assessment, 2);
  REQUIRE(candidates);
  CHECK(candidates->find("1. Glúteo medio (lado izquierdo), puntuación 0,") != std::string::npos);
  CHECK(candidates->find("Zona esencial de cada candidato") != std::string::npos);
  // None of the English sentences is left.
  for (const std::string* svg : {&*muscle, &*chart, &*drawing, &*overlay, &*candidates}) {
    for (const char* english :
         {"Referral pattern of", "front and back views", "essential zone", "spillover zone",
          "Painful regions", ">Head<", " hand<", "score ", "each candidate", "A body chart"}) {
      INFO(english);
      CHECK(svg->find(english) == std::string::npos);
    }
  }
}
