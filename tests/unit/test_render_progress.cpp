// The pain-over-time picture of a plan: a scripted journey against its golden
// file (tests/golden/render/pain_over_time_journey.svg; rewrite with
// MYOREF_UPDATE_GOLDEN=1 ./tests/myoref_tests "[render-golden]" and look at
// it before committing), and what it says in words.
#include <catch2/catch.hpp>

#include <string>

#include "myoref/render.hpp"
#include "support.hpp"
#include "test_plan_support.hpp"

using myoref::ErrorCode;
using myoref::Plan;
using myoref::PlanStatus;
using myoref::RenderOptions;
using namespace plan_test;

namespace {

const std::string kGlute = "gluteus_medius:left";
const std::string kQl = "quadratus_lumborum:left";

void check_golden(const std::string& name, const std::string& actual) {
  myoref::test::check_golden(myoref::test::source_path("tests/golden/render/" + name), actual);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// Three sessions without relief on the gluteus medius move the plan to the
// quadratus lumborum; two with relief there; then pain well above the
// baseline twice in a row stops it.
Plan journey() {
  Plan plan = start(glute_seed(6));
  accept(plan, session(nov(2), kGlute, 6, 6));
  accept(plan, session(nov(4), kGlute, 6, 5));
  accept(plan, session(nov(6), kGlute, 6, 6));
  REQUIRE(plan.next().target == kQl);
  accept(plan, session(nov(9), kQl, 6, 4));
  accept(plan, session(nov(11), kQl, 5, 3));
  accept(plan, session(nov(13), kQl, 7, 8));
  accept(plan, session(nov(16), kQl, 8, 8));
  REQUIRE(plan.status() == PlanStatus::stopped_seek_care);
  return plan;
}

}  // namespace

TEST_CASE("pain over time: a plan's journey matches its golden file",
          "[render][render-golden][pain-over-time]") {
  auto svg = myoref::render_pain_over_time_svg(journey());
  REQUIRE(svg);
  check_golden("pain_over_time_journey.svg", *svg);
}

TEST_CASE("pain over time shows every session, the thresholds and the changes",
          "[render][pain-over-time]") {
  const Plan plan = journey();
  auto svg = myoref::render_pain_over_time_svg(plan);
  REQUIRE(svg);
  CHECK(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg->find("role=\"img\"") != std::string::npos);
  CHECK(count(*svg, "<circle") == 2 * plan.sessions().size() + 2);  // + the legend's two
  CHECK(svg->find("Baseline 6") != std::string::npos);
  // Relief by the plan's rule: 2 points (or 30%) below 6.
  CHECK(svg->find("Relief 4") != std::string::npos);
  CHECK(svg->find("Worse 8") != std::string::npos);
  CHECK(svg->find(">Gluteus medius (left)</text>") != std::string::npos);
  CHECK(svg->find(">Quadratus lumborum (left)</text>") != std::string::npos);
  CHECK(svg->find(">Stopped</text>") != std::string::npos);
  CHECK(svg->find("Session 4 on 2026-11-09, new target Quadratus lumborum (left): 6 before, 4 "
                  "after, relief.") != std::string::npos);
  CHECK(svg->find("The plan stopped after session 7") != std::string::npos);
  CHECK(svg->find("the plan stopped: see a clinician") != std::string::npos);
}

TEST_CASE("pain over time changes when a session is logged", "[render][pain-over-time]") {
  Plan plan = start(glute_seed(6));
  auto empty = myoref::render_pain_over_time_svg(plan);
  REQUIRE(empty);
  CHECK(empty->find("No session logged yet") != std::string::npos);
  CHECK(count(*empty, "<circle") == 2);
  CHECK(empty->find(">Stopped</text>") == std::string::npos);
  accept(plan, session(nov(2), kGlute, 6, 4));
  auto one = myoref::render_pain_over_time_svg(plan);
  REQUIRE(one);
  CHECK(*one != *empty);
  CHECK(count(*one, "<circle") == 4);
  accept(plan, session(nov(3), kGlute, 5, 3));
  auto two = myoref::render_pain_over_time_svg(plan);
  REQUIRE(two);
  CHECK(*two != *one);
  CHECK(count(*two, "<circle") == 6);
  CHECK(count(*two, "<polyline") == 1);
  // Deterministic.
  CHECK(*myoref::render_pain_over_time_svg(plan) == *two);
}

TEST_CASE("pain over time honours the options and refuses bad ones", "[render][pain-over-time]") {
  const Plan plan = journey();
  RenderOptions o;
  o.width_px = 500;
  o.legend = false;
  o.heading = false;
  o.id_prefix = "p1";
  auto svg = myoref::render_pain_over_time_svg(plan, o);
  REQUIRE(svg);
  CHECK(svg->find("width=\"500\"") != std::string::npos);
  CHECK(svg->find("id=\"p1-title\"") != std::string::npos);
  CHECK(svg->find("Pain before the session") == std::string::npos);
  CHECK(svg->find(">Pain over the sessions</text>") == std::string::npos);
  o.overlay_colour = "blue";
  auto bad = myoref::render_pain_over_time_svg(plan, o);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code() == ErrorCode::invalid_argument);
  CHECK(bad.error().path() == "/overlay_colour");
}

TEST_CASE("pain over time speaks the knowledge base's language",
          "[render][pain-over-time][languages]") {
  // The same plan, read with the knowledge base in Spanish.
  const myoref::KnowledgeBase es = test_kb().localized("es").value();
  auto plan = Plan::from_json(es, journey().to_json());
  REQUIRE(plan);
  auto svg = myoref::render_pain_over_time_svg(*plan);
  REQUIRE(svg);
  CHECK(svg->find(">El dolor a lo largo de las sesiones</text>") != std::string::npos);
  CHECK(svg->find("Dolor inicial 6/10; alivio con 4/10 o menos; 7 sesiones; el plan se detuvo") !=
        std::string::npos);
  CHECK(svg->find(">Dolor (0 a 10)</text>") != std::string::npos);
  CHECK(svg->find(">Inicial 6</text>") != std::string::npos);
  CHECK(svg->find(">Alivio 4</text>") != std::string::npos);
  CHECK(svg->find(">Peor 8</text>") != std::string::npos);
  CHECK(svg->find(">Detenido</text>") != std::string::npos);
  CHECK(svg->find(">Sesiones, por orden de fecha</text>") != std::string::npos);
  CHECK(svg->find(" Sesión 4 el 2026-11-09, nuevo objetivo ") != std::string::npos);
  CHECK(svg->find("Sesión 4, 2026-11-09: dolor 4 después (alivio)") != std::string::npos);
  CHECK(svg->find("El plan se detuvo tras la sesión 7") != std::string::npos);
  CHECK(svg->find(">Dolor antes de la sesión</text>") != std::string::npos);
  for (const char* english : {"Pain", "Session", "Baseline", "Relief", "Worse", "Stopped",
                              " before", " after", "The plan", "target"}) {
    INFO(english);
    CHECK(svg->find(english) == std::string::npos);
  }
}
