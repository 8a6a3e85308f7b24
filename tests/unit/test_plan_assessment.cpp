// Plans started from assessments, with the test knowledge base and with the
// built-in one.
#include <algorithm>

#include <catch2/catch.hpp>

#include "myoref/assess.hpp"
#include "support.hpp"
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
  // The first max_candidates of the ranking, in its order.
  const auto most = static_cast<std::size_t>(myoref::PlanOptions{}.max_candidates);
  REQUIRE(a.candidate_count() > most);
  REQUIRE(plan->candidates().size() == most);
  for (std::size_t rank = 0; rank < most; ++rank) {
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

namespace {

const myoref::KnowledgeBase& builtin_kb() {
  return myoref::test::default_kb();
}

// An intake with every red-flag question its drawing opens answered no.
myoref::Intake all_answered_no(const std::string& json) {
  auto intake = myoref::parse_intake(builtin_kb(), json);
  if (!intake)
    FAIL(intake.error().to_string());
  const auto asked = myoref::questions(builtin_kb(), *intake);
  REQUIRE(asked);
  for (const auto& q : *asked)
    intake->red_flags_denied.push_back(q.red_flag);
  std::sort(intake->red_flags_denied.begin(), intake->red_flags_denied.end());
  return *intake;
}

const char* kButtock = R"({"pain": [{"region": "buttock_upper", "side": "left", "intensity": 6}],
  "age": 40, "duration_days": 30})";

}  // namespace

TEST_CASE("a plan from an assessment waits for the emergency questions its drawing opens",
          "[plan][assessment][safety]") {
  const auto unanswered = assessed(builtin_kb(), kButtock);
  REQUIRE_FALSE(unanswered.triage().pending.empty());
  auto refused = Plan::start(builtin_kb(), unanswered);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::safety_refusal);
  CHECK_THAT(refused.error().message(), Catch::Matchers::Contains("emergency question"));

  const auto answered = myoref::assess(builtin_kb(), all_answered_no(kButtock));
  REQUIRE(answered);
  CHECK(answered->triage().pending.empty());
  CHECK(Plan::start(builtin_kb(), *answered));
}

TEST_CASE("a plan from a child's assessment is refused", "[plan][assessment][safety]") {
  const auto child = myoref::assess(
      builtin_kb(), all_answered_no(R"({"pain": [{"region": "thigh_anterior", "side": "left",
      "intensity": 5}, {"region": "knee_anterior", "side": "left", "intensity": 4}],
      "age": 13, "duration_days": 60})"));
  REQUIRE(child);
  auto refused = Plan::start(builtin_kb(), *child);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::safety_refusal);
  CHECK(refused.error().path() == "/age");
}

TEST_CASE("a symmetric drawing gives a plan on both sides together", "[plan][assessment][sides]") {
  const auto a = myoref::assess(builtin_kb(), all_answered_no(R"({"pain": [
      {"region": "iliac_crest", "side": "left", "intensity": 5},
      {"region": "iliac_crest", "side": "right", "intensity": 5},
      {"region": "sacroiliac", "side": "left", "intensity": 4},
      {"region": "sacroiliac", "side": "right", "intensity": 4}],
      "age": 36, "duration_days": 30})"));
  REQUIRE(a);
  auto plan = Plan::start(builtin_kb(), *a);
  if (!plan)
    FAIL(plan.error().to_string());
  const auto& top = builtin_kb().candidates()[a->candidate(0).candidate];
  CHECK(plan->candidates().front().both_sides);
  CHECK(plan->candidates().front().key == builtin_kb().muscles()[top.muscle].id + ":both");
  // No muscle appears twice, one side at a time.
  for (std::size_t i = 0; i < plan->candidates().size(); ++i) {
    for (std::size_t j = i + 1; j < plan->candidates().size(); ++j) {
      CHECK(builtin_kb().candidates()[plan->candidates()[i].candidate].muscle !=
            builtin_kb().candidates()[plan->candidates()[j].candidate].muscle);
    }
  }
}

TEST_CASE("a plan keeps the intake's precautions and the duration, and stores them",
          "[plan][assessment][precautions]") {
  auto intake = all_answered_no(kButtock);
  const auto thinners = builtin_kb().find_precaution("blood_thinners");
  REQUIRE(thinners);
  intake.precautions = {*thinners};
  const auto a = myoref::assess(builtin_kb(), intake);
  REQUIRE(a);
  auto plan = Plan::start(builtin_kb(), *a);
  REQUIRE(plan);
  CHECK(plan->precautions() == std::vector<myoref::PrecautionIndex>{*thinners});
  CHECK(plan->duration_days() == 30);
  const std::string doc = plan->to_json();
  CHECK(doc.find("\"blood_thinners\"") != std::string::npos);
  auto again = Plan::from_json(builtin_kb(), doc);
  REQUIRE(again);
  CHECK(again->precautions() == plan->precautions());
  CHECK(again->to_json() == doc);
  const auto next = plan->next();
  CHECK(next.precautions == std::vector<std::string>{"blood_thinners"});
  CHECK(contains(next.advice, "Blood-thinning medicine: "));
}

TEST_CASE("no precaution ever lets a plan offer an exercise it rules out",
          "[plan][builtin][precautions]") {
  // Every candidate, under every precaution, at every stage that changes the
  // exercises (as listed, acute, after pain rose, after relief built): never an
  // exercise the precaution rules out; everything left out is said, with why.
  const auto& kb = builtin_kb();
  std::size_t left_out = 0;
  std::size_t stood_in = 0;
  for (std::size_t p = 0; p < kb.precautions().size(); ++p) {
    const auto precaution = static_cast<myoref::PrecautionIndex>(p);
    for (std::size_t c = 0; c < kb.candidates().size(); ++c) {
      for (const int duration : {3, 60}) {
        myoref::PlanSeed seed;
        seed.ranking = {static_cast<myoref::CandidateIndex>(c)};
        seed.baseline_pain = 6;
        seed.precautions = {precaution};
        seed.duration_days = duration;
        auto plan = Plan::start(kb, seed);
        REQUIRE(plan);
        const std::string key = plan->candidates().front().key;
        const auto check = [&](const myoref::NextStep& n) {
          INFO(kb.precautions()[p].id << " " << key << " acute " << n.acute);
          REQUIRE(n.steps.size() == 3);
          for (const auto& step : n.steps) {
            for (const auto& e : step.exercises) {
              const auto& rules = kb.exercises()[e.exercise].ruled_out_by;
              CHECK(std::find(rules.begin(), rules.end(), precaution) == rules.end());
              stood_in += e.variant == "precaution" ? 1U : 0U;
            }
          }
          for (const auto& l : n.left_out) {
            CHECK(l.precautions == std::vector<std::string>{kb.precautions()[p].id});
            CHECK(l.why.find(kb.precautions()[p].name) != std::string::npos);
          }
          left_out += n.left_out.size();
        };
        check(plan->next());
        Plan rose = *plan;
        accept(rose, session("2026-02-01", key, 6, 8));
        check(rose.next());
        Plan better = *plan;
        for (int day = 1; day <= 4; ++day)
          accept(better, session(nov(day), key, 6, 2));
        check(better.next());
      }
    }
  }
  // The knowledge base does rule exercises out: the checks above were not empty.
  CHECK(left_out > 0);
  CHECK(stood_in > 0);
}
