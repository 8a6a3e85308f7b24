// The plan's safety rules (issue #16): refusals for children and for an
// unanswered emergency question, the candidate and exercise caps, the stop for
// no improvement, the acute phase, both sides together, and precautions.
#include <algorithm>
#include <string>
#include <vector>

#include "test_plan_support.hpp"

using myoref::ErrorCode;
using myoref::Plan;
using myoref::PlanOptions;
using myoref::PlanSeed;
using namespace plan_test;

namespace {

std::size_t red_flag(const std::string& id) {
  const auto f = test_kb().find_red_flag(id);
  REQUIRE(f);
  return *f;
}

myoref::MuscleIndex muscle(const std::string& id) {
  const auto m = test_kb().find_muscle(id);
  REQUIRE(m);
  return *m;
}

std::vector<std::string> ids(const myoref::PrescribedStep& step) {
  std::vector<std::string> out;
  for (const auto& e : step.exercises)
    out.push_back(e.id);
  return out;
}

}  // namespace

TEST_CASE("no plan for anyone under 16, whatever else the seed holds", "[plan][safety]") {
  PlanSeed seed = glute_seed();
  seed.age = 15;
  auto refused = Plan::start(test_kb(), seed);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::safety_refusal);
  CHECK(refused.error().path() == "/age");
  // Checked before the seed's other problems.
  seed.ranking.clear();
  CHECK(Plan::start(test_kb(), seed).error().code() == ErrorCode::safety_refusal);
  seed = glute_seed();
  seed.age = 16;
  CHECK(Plan::start(test_kb(), seed));
}

TEST_CASE("no plan while an emergency-level question is unanswered", "[plan][safety]") {
  PlanSeed seed = glute_seed();
  seed.triage = myoref::TriageLevel::see_clinician;
  seed.pending = {static_cast<myoref::RedFlagIndex>(red_flag("saddle_numbness"))};
  auto refused = Plan::start(test_kb(), seed);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::safety_refusal);
  CHECK(refused.error().path() == "/pending");
  CHECK_THAT(refused.error().to_string(), Catch::Matchers::Contains("saddle_numbness"));
  // Less severe questions still pending: the plan starts at see_clinician.
  seed.pending = {static_cast<myoref::RedFlagIndex>(red_flag("fever_or_unwell")),
                  static_cast<myoref::RedFlagIndex>(red_flag("night_pain"))};
  auto plan = Plan::start(test_kb(), seed);
  REQUIRE(plan);
  CHECK(plan->next().level == myoref::TriageLevel::see_clinician);
}

TEST_CASE("max_candidates caps the list, related muscles included, and is recorded",
          "[plan][options]") {
  PlanSeed seed = glute_seed();
  seed.ranking = {candidate("gluteus_medius:left"), candidate("quadratus_lumborum:left"),
                  candidate("iliopsoas:left"), candidate("pelvic_floor")};
  PlanOptions o;
  CHECK(o.max_candidates == 3);
  CHECK(start(seed, o).candidates().size() == 3);
  o.max_candidates = 1;
  const Plan one = start(seed, o);
  REQUIRE(one.candidates().size() == 1);
  CHECK(one.options().max_candidates == 1);
  CHECK(one.to_json().find("\"max_candidates\": 1") != std::string::npos);
  // One candidate, three release sessions without relief: exhausted, see a clinician.
  Plan p = one;
  for (int day = 1; day <= 3; ++day)
    accept(p, session(nov(day), "gluteus_medius:left", 6, 6));
  CHECK(p.status() == myoref::PlanStatus::exhausted);
  o.max_candidates = 0;
  auto bad = Plan::start(test_kb(), seed, o);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().path() == "/options/max_candidates");
}

TEST_CASE("max_exercises_per_step caps each step, in protocol order", "[plan][options]") {
  PlanOptions o;
  o.max_exercises_per_step = 1;
  const auto next = start(glute_seed(), o).next();
  REQUIRE(next.steps.size() == 3);
  CHECK(ids(next.steps[2]) == std::vector<std::string>{"gm_clamshell"});
  o.max_exercises_per_step = 2;
  CHECK(ids(start(glute_seed(), o).next().steps[2]) ==
        std::vector<std::string>{"gm_clamshell", "gm_side_lying_abduction"});
  o.max_exercises_per_step = 11;
  CHECK(Plan::start(test_kb(), glute_seed(), o).error().path() ==
        "/options/max_exercises_per_step");
}

TEST_CASE("no meaningful improvement after six weeks stops the plan", "[plan][stop]") {
  PlanOptions o;
  o.release_trials = 20;  // stay on one target for the whole time
  Plan plan = start(glute_seed(6), o);
  accept(plan, session("2026-01-01", "gluteus_medius:left", 6, 6));
  accept(plan, session("2026-01-20", "gluteus_medius:left", 6, 5));
  // Day 41: not six weeks yet.
  auto d = accept(plan, session("2026-02-11", "gluteus_medius:left", 6, 6));
  CHECK(d.status == myoref::PlanStatus::active);
  // Day 42 without relief: stopped.
  d = accept(plan, session("2026-02-12", "gluteus_medius:left", 6, 5));
  CHECK(d.outcome == myoref::Outcome::stopped_no_improvement);
  CHECK(d.status == myoref::PlanStatus::stopped_seek_care);
  CHECK(d.level == myoref::TriageLevel::see_clinician);
  CHECK(contains(d.reasons, "No meaningful improvement after 6 weeks"));
  const auto next = plan.next();
  CHECK(next.steps.empty());
  CHECK(contains(next.advice, "See a clinician"));
  // The stored plan reads back to the same state (the rule is replayed).
  auto again = Plan::from_json(test_kb(), plan.to_json());
  REQUIRE(again);
  CHECK(again->outcome() == myoref::Outcome::stopped_no_improvement);
}

TEST_CASE("relief at six weeks keeps the plan going; the weeks are an option", "[plan][stop]") {
  PlanOptions o;
  o.release_trials = 20;
  Plan plan = start(glute_seed(6), o);
  accept(plan, session("2026-01-01", "gluteus_medius:left", 6, 6));
  // 4 is 2 points below the baseline: meaningful, so no stop.
  auto d = accept(plan, session("2026-03-01", "gluteus_medius:left", 6, 4));
  CHECK(d.status == myoref::PlanStatus::active);

  o.no_improvement_weeks = 2;
  Plan quick = start(glute_seed(6), o);
  accept(quick, session("2026-01-01", "gluteus_medius:left", 6, 6));
  d = accept(quick, session("2026-01-15", "gluteus_medius:left", 6, 6));
  CHECK(d.outcome == myoref::Outcome::stopped_no_improvement);
  o.no_improvement_weeks = 0;
  CHECK(Plan::start(test_kb(), glute_seed(), o).error().path() == "/options/no_improvement_weeks");
}

TEST_CASE("the acute phase gives the gentlest version at a lower dose, all three steps",
          "[plan][acute]") {
  PlanSeed seed = glute_seed();
  seed.duration_days = 3;
  Plan plan = start(seed);
  auto next = plan.next();
  CHECK(next.acute);
  REQUIRE(next.steps.size() == 3);
  // gm_ball_release regresses to gm_hand_release, the end of its chain.
  REQUIRE_FALSE(next.steps[0].exercises.empty());
  const auto& release = next.steps[0].exercises[0];
  CHECK(release.id == "gm_hand_release");
  CHECK(release.variant == "acute");
  CHECK(release.instead_of == "gm_ball_release");
  // Lower doses: half the repetitions (rounded up); holds unchanged.
  CHECK(release.dose.repetitions == 2);
  CHECK(release.dose.hold_seconds == 30);
  for (const auto& step : next.steps) {
    CHECK_FALSE(step.exercises.empty());
    for (const auto& e : step.exercises)
      CHECK(e.variant == "acute");
  }
  CHECK(contains(next.advice, "acute phase"));
  CHECK(next.to_text().find("Phase: acute") != std::string::npos);
  CHECK(next.to_json().find("\"acute\": true") != std::string::npos);

  // Day 3 of the pain plus 4 days of sessions is the end of the first week.
  accept(plan, session("2026-01-01", "gluteus_medius:left", 6, 5));
  CHECK(plan.next().acute);
  accept(plan, session("2026-01-05", "gluteus_medius:left", 5, 5));
  next = plan.next();
  CHECK_FALSE(next.acute);
  CHECK(next.steps[0].exercises[0].id == "gm_ball_release");

  // Pain of unknown age, or older than a week: no acute phase.
  seed.duration_days.reset();
  CHECK_FALSE(start(seed).next().acute);
  seed.duration_days = 7;
  CHECK_FALSE(start(seed).next().acute);
}

TEST_CASE("a muscle whose two sides tie is treated on both sides together", "[plan][sides]") {
  PlanSeed seed;
  seed.ranking = {candidate("gluteus_medius:left"), candidate("gluteus_medius:right"),
                  candidate("pelvic_floor")};
  seed.baseline_pain = 5;
  seed.both_sides = {muscle("gluteus_medius")};
  Plan plan = start(seed);
  REQUIRE(plan.candidates().size() == 3);
  CHECK(plan.candidates()[0].key == "gluteus_medius:both");
  CHECK(plan.candidates()[0].both_sides);
  CHECK(plan.candidates()[1].key == "pelvic_floor");
  // Related muscles of a both-sides target come on both sides too.
  CHECK(plan.candidates()[2].key == "quadratus_lumborum:both");
  CHECK(plan.candidates()[2].related);

  auto next = plan.next();
  CHECK(next.target == "gluteus_medius:both");
  CHECK(next.both_sides);
  CHECK(next.side == myoref::Side::none);
  CHECK(contains(next.advice, "on both sides"));
  CHECK(next.to_text().find("Gluteus medius (both sides)") != std::string::npos);
  CHECK(plan.reason().find("both sides") != std::string::npos);

  // Either side's key, or the both key, names the target.
  accept(plan, session(nov(1), "gluteus_medius:both", 5, 5));
  accept(plan, session(nov(2), "gluteus_medius:right", 5, 5));
  auto wrong = plan.log(session(nov(3), "quadratus_lumborum:left", 5, 5));
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().path() == "/target");
  CHECK(plan.sessions()[1].log.target == "gluteus_medius:both");

  // The document keeps both sides and reads back to the same plan.
  const std::string doc = plan.to_json();
  CHECK(doc.find("\"both_sides\": true") != std::string::npos);
  auto again = Plan::from_json(test_kb(), doc);
  REQUIRE(again);
  CHECK(again->to_json() == doc);
}

TEST_CASE("a plan document's both-sides keys are checked", "[plan][sides][document]") {
  PlanSeed seed;
  seed.ranking = {candidate("gluteus_medius:left")};
  seed.baseline_pain = 5;
  seed.both_sides = {muscle("gluteus_medius")};
  const std::string doc = start(seed).to_json();
  const auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = doc;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
  };
  // Edited documents fail the integrity check first; what matters here is
  // that nothing reads a both-sides key as one side.
  CHECK_FALSE(Plan::from_json(test_kb(), edited("\"both_sides\": true", "\"both_sides\": false")));
  CHECK_FALSE(Plan::from_json(test_kb(), edited("gluteus_medius:both", "gluteus_medius:left")));
}

TEST_CASE("a midline muscle cannot be taken on both sides", "[plan][sides]") {
  PlanSeed seed = glute_seed();
  seed.both_sides = {muscle("pelvic_floor")};
  auto bad = Plan::start(test_kb(), seed);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code() == ErrorCode::invalid_argument);
  CHECK(bad.error().path() == "/both_sides/0");
}
