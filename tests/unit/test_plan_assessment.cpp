// Plans started from assessments, with the test knowledge base and with the
// built-in one.
#include <algorithm>

#include <catch2/catch.hpp>

#include "myoref/assess.hpp"
#include "test_plan_support.hpp"

using myoref::ErrorCode;
using myoref::Plan;
using myoref::Step;
using namespace plan_test;

namespace {

myoref::Assessment assessed(const myoref::KnowledgeBase& kb, const std::string& intake_json) {
  auto intake = myoref::parse_intake(kb, intake_json);
  if (!intake)
    FAIL(intake.error().to_string());
  auto a = myoref::assess(kb, *intake);
  if (!a)
    FAIL(a.error().to_string());
  return std::move(a).value();
}

const char* kGluteIntake = R"({"pain": [
    {"region": "iliac_crest", "side": "left", "intensity": 6},
    {"region": "sacroiliac", "side": "left", "intensity": 5},
    {"region": "sacrum", "intensity": 3}],
  "findings": ["walking"], "denied": [], "red_flags": [], "age": 42, "duration_days": 60})";

}  // namespace

TEST_CASE("a plan from an assessment takes its ranking, triage and highest pain",
          "[plan][assessment]") {
  const auto a = assessed(test_kb(), kGluteIntake);
  auto plan = Plan::start(test_kb(), a);
  REQUIRE(plan);
  CHECK(plan->baseline_pain() == 6);
  CHECK(plan->triage() == myoref::TriageLevel::self_care);
  REQUIRE(plan->candidates().size() >= a.candidate_count());
  for (std::size_t rank = 0; rank < a.candidate_count(); ++rank) {
    CHECK(plan->candidates()[rank].candidate == a.candidate(rank).candidate);
    CHECK_FALSE(plan->candidates()[rank].related);
  }
  CHECK(plan->next().target == test_kb().candidates()[a.candidate(0).candidate].key);
}

TEST_CASE("a plan from an assessment is refused at urgent and emergency triage",
          "[plan][assessment]") {
  for (const char* flag : {"fever_or_unwell", "saddle_numbness"}) {
    std::string intake = kGluteIntake;
    intake.replace(intake.find("\"red_flags\": []"), 15,
                   std::string("\"red_flags\": [\"") + flag + "\"]");
    auto plan = Plan::start(test_kb(), assessed(test_kb(), intake));
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code() == ErrorCode::safety_refusal);
  }
  std::string intake = kGluteIntake;
  intake.replace(intake.find("\"red_flags\": []"), 15, "\"red_flags\": [\"night_pain\"]");
  auto plan = Plan::start(test_kb(), assessed(test_kb(), intake));
  REQUIRE(plan);
  CHECK(plan->next().advice.front() == "Book a visit with your doctor.");
}

TEST_CASE("a plan is refused for an assessment made with another knowledge base",
          "[plan][assessment]") {
  auto builtin = myoref::KnowledgeBase::builtin();
  REQUIRE(builtin);
  auto plan = Plan::start(*builtin, assessed(test_kb(), kGluteIntake));
  REQUIRE_FALSE(plan);
  CHECK(plan.error().code() == ErrorCode::kb_mismatch);
}

TEST_CASE("a drawing with no pain gives no plan", "[plan][assessment]") {
  const auto a = assessed(test_kb(), R"({"pain": [{"region": "sacrum", "intensity": 0}]})");
  auto plan = Plan::start(test_kb(), a);
  REQUIRE_FALSE(plan);
  CHECK(plan.error().code() == ErrorCode::invalid_input);
}

TEST_CASE(
    "every candidate of the built-in knowledge base gets three steps of "
    "real exercises",
    "[plan][builtin]") {
  auto kb = myoref::KnowledgeBase::builtin();
  REQUIRE(kb);
  for (std::size_t c = 0; c < kb->candidates().size(); ++c) {
    myoref::PlanSeed seed;
    seed.ranking = {static_cast<myoref::CandidateIndex>(c)};
    seed.baseline_pain = 6;
    auto plan = Plan::start(*kb, seed);
    REQUIRE(plan);
    const auto n = plan->next();
    INFO(n.target);
    REQUIRE(n.steps.size() == 3);
    for (int k = 0; k < 3; ++k) {
      CHECK(n.steps[static_cast<std::size_t>(k)].step == static_cast<Step>(k));
      REQUIRE_FALSE(n.steps[static_cast<std::size_t>(k)].exercises.empty());
      for (const auto& e : n.steps[static_cast<std::size_t>(k)].exercises) {
        CHECK_FALSE(e.dose_text.empty());
        CHECK_FALSE(e.how.empty());
        CHECK_FALSE(e.cues.empty());
      }
    }
    auto again = Plan::from_json(*kb, plan->to_json());
    REQUIRE(again);
    CHECK(again->to_json() == plan->to_json());
  }
}

TEST_CASE(
    "the gluteus medius plan of the built-in knowledge base escalates to "
    "its related muscles",
    "[plan][builtin]") {
  // The article behind the method names quadratus lumborum and iliacus next.
  auto kb = myoref::KnowledgeBase::builtin();
  REQUIRE(kb);
  const auto glute = kb->find_candidate("gluteus_medius:left");
  REQUIRE(glute);
  myoref::PlanSeed seed;
  seed.ranking = {*glute};
  seed.baseline_pain = 6;
  auto plan = Plan::start(*kb, seed);
  REQUIRE(plan);
  std::vector<std::string> keys;
  for (const auto& pc : plan->candidates())
    keys.push_back(pc.key);
  CHECK(std::find(keys.begin(), keys.end(), "quadratus_lumborum:left") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "iliopsoas:left") != keys.end());
  for (int i = 1; i <= 3; ++i) {
    accept(*plan, session(nov(i), "gluteus_medius:left", 6, 6));
  }
  CHECK(plan->next().target == keys.at(1));
}
