// The plan's rules, as scripted journeys through the API (protocol.md).
#include <catch2/catch.hpp>

#include "test_plan_support.hpp"

using myoref::CandidateStatus;
using myoref::ErrorCode;
using myoref::Outcome;
using myoref::Plan;
using myoref::PlanOptions;
using myoref::PlanStatus;
using myoref::Step;
using myoref::TriageLevel;
using namespace plan_test;

namespace {
const std::string kGlute = "gluteus_medius:left";
const std::string kQl = "quadratus_lumborum:left";
const std::string kPsoas = "iliopsoas:left";
}  // namespace

TEST_CASE("a plan starts on the top candidate with the related muscles appended", "[plan]") {
  Plan plan = start(glute_seed());
  REQUIRE(plan.candidates().size() == 3);
  CHECK(plan.candidates()[0].key == kGlute);
  CHECK_FALSE(plan.candidates()[0].related);
  CHECK(plan.candidates()[1].key == kQl);
  CHECK(plan.candidates()[1].related);
  CHECK(plan.candidates()[2].key == kPsoas);
  CHECK(plan.candidates()[0].status == CandidateStatus::current);
  CHECK(plan.candidates()[1].status == CandidateStatus::untried);
  CHECK(plan.status() == PlanStatus::active);
  CHECK(plan.baseline_pain() == 6);

  const auto n = plan.next();
  CHECK(n.status == PlanStatus::active);
  CHECK(n.target == kGlute);
  CHECK(n.name == "Gluteus medius");
  REQUIRE(n.steps.size() == 3);
  CHECK(n.steps[0].step == Step::release);
  CHECK(n.steps[1].step == Step::stretch);
  CHECK(n.steps[2].step == Step::strengthen);
  REQUIRE(n.steps[0].exercises.size() == 1);
  const auto& release = n.steps[0].exercises[0];
  CHECK(release.id == "gm_ball_release");
  CHECK(release.variant == "as_listed");
  CHECK(release.how.size() == 3);
  CHECK(release.dose.hold_seconds == 30);
  CHECK_FALSE(release.dose_text.empty());
  CHECK(release.regression == std::string("gm_hand_release"));
  CHECK(release.progression == std::string("gm_floor_ball_release"));
  CHECK(n.steps[2].exercises.size() == 2);
  CHECK(n.sessions_logged == 0);
  CHECK(contains(n.advice, "release, then stretch, then strengthen"));
}

TEST_CASE("related muscles are not appended when the options say so, nor twice", "[plan]") {
  PlanOptions options;
  options.append_related = false;
  CHECK(start(glute_seed(), options).candidates().size() == 1);

  auto seed = glute_seed();
  seed.ranking.push_back(candidate(kPsoas));
  Plan plan = start(seed);
  REQUIRE(plan.candidates().size() == 3);
  CHECK(plan.candidates()[1].key == kPsoas);
  CHECK_FALSE(plan.candidates()[1].related);
  CHECK(plan.candidates()[2].key == kQl);
}

TEST_CASE("a midline top candidate appends its related muscles on both sides", "[plan]") {
  myoref::PlanSeed seed;
  seed.ranking = {candidate("pelvic_floor")};
  seed.baseline_pain = 5;
  Plan plan = start(seed);
  REQUIRE(plan.candidates().size() == 3);
  CHECK(plan.candidates()[1].key == "gluteus_medius:left");
  CHECK(plan.candidates()[2].key == "gluteus_medius:right");
  CHECK(plan.next().side == myoref::Side::none);
}

TEST_CASE("start is refused at urgent and emergency triage, and carries see_clinician advice",
          "[plan]") {
  for (const auto level : {TriageLevel::urgent, TriageLevel::emergency}) {
    auto seed = glute_seed();
    seed.triage = level;
    seed.triage_advice = {"See a doctor within a day or two."};
    auto plan = Plan::start(test_kb(), seed);
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code() == ErrorCode::safety_refusal);
  }
  auto seed = glute_seed();
  seed.triage = TriageLevel::see_clinician;
  seed.triage_advice = {"Book a visit with your doctor."};
  Plan plan = start(seed);
  CHECK(plan.next().advice.front() == "Book a visit with your doctor.");
  CHECK(plan.next().level == TriageLevel::see_clinician);
  accept(plan, session(nov(1), kGlute, 6, 5));
  accept(plan, session(nov(2), kGlute, 6, 5, {Step::release}));
  CHECK(plan.next().advice.front() == "Book a visit with your doctor.");
  CHECK(contains(plan.next().advice, "left out stretch and strengthen"));
}

TEST_CASE("start checks its seed and options", "[plan]") {
  auto seed = glute_seed();
  seed.ranking.clear();
  CHECK(Plan::start(test_kb(), seed).error().code() == ErrorCode::invalid_argument);
  seed = glute_seed();
  seed.ranking.push_back(seed.ranking.front());
  CHECK(Plan::start(test_kb(), seed).error().path() == "/ranking/1");
  seed = glute_seed();
  seed.ranking.push_back(60000);
  CHECK(Plan::start(test_kb(), seed).error().path() == "/ranking/1");
  CHECK(Plan::start(test_kb(), glute_seed(0)).error().path() == "/baseline_pain");
  PlanOptions options;
  options.release_trials = 0;
  auto refused = Plan::start(test_kb(), glute_seed(), options);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::invalid_argument);
  CHECK(refused.error().path() == "/options/release_trials");
}

TEST_CASE("journey: relief three sessions in a row leads to maintenance", "[plan][journey]") {
  Plan plan = start(glute_seed());
  auto d = accept(plan, session(nov(1), kGlute, 6, 4));
  CHECK(d.relief);
  CHECK(d.outcome == Outcome::continued);
  d = accept(plan, session(nov(3), kGlute, 5, 4));
  CHECK(d.relief);
  CHECK(plan.status() == PlanStatus::active);
  d = accept(plan, session(nov(5), kGlute, 4, 3));
  CHECK(d.outcome == Outcome::maintenance);
  CHECK(d.status == PlanStatus::maintenance);
  CHECK(plan.status() == PlanStatus::maintenance);
  CHECK(plan.candidates()[0].status == CandidateStatus::responding);
  CHECK(contains(d.reasons, "Relief in 3 sessions in a row"));

  const auto n = plan.next();
  CHECK(n.status == PlanStatus::maintenance);
  CHECK(n.target == kGlute);
  REQUIRE(n.steps.size() == 3);
  CHECK(n.steps[0].as_needed);
  CHECK(n.steps[1].as_needed);
  CHECK_FALSE(n.steps[2].as_needed);
  CHECK(contains(n.advice, "Keep strengthening Gluteus medius (left)"));

  // In maintenance, strengthening alone is a complete session.
  d = accept(plan, session(nov(7), kGlute, 3, 3, {Step::strengthen}));
  CHECK(d.complete);
  d = accept(plan, session(nov(9), kGlute, 3, 3, {Step::release, Step::stretch}));
  CHECK_FALSE(d.complete);
  CHECK(d.missing == std::vector<Step>{Step::strengthen});
}

TEST_CASE("relief is measured by points or by percent of the baseline", "[plan]") {
  // Baseline 3: a drop of 1 point is 33%, which is relief; baseline 10 needs 2 points.
  Plan low = start(glute_seed(3));
  CHECK(accept(low, session(nov(1), kGlute, 3, 2)).relief);
  Plan high = start(glute_seed(10));
  CHECK_FALSE(accept(high, session(nov(1), kGlute, 10, 9)).relief);
  CHECK(accept(high, session(nov(2), kGlute, 9, 8)).relief);
  // Pain at the baseline is never relief.
  Plan same = start(glute_seed(6));
  CHECK_FALSE(accept(same, session(nov(1), kGlute, 6, 6)).relief);
}

TEST_CASE("relief shown by the next session's pain_before counts for the session before",
          "[plan]") {
  Plan plan = start(glute_seed());
  CHECK_FALSE(accept(plan, session(nov(1), kGlute, 6, 5)).relief);
  auto d = accept(plan, session(nov(2), kGlute, 4, 4));
  CHECK(d.previous_relief);
  CHECK(plan.sessions()[0].relief);
  // The credited session keeps the count of release trials at zero ...
  d = accept(plan, session(nov(3), kGlute, 4, 4));
  CHECK(plan.status() == PlanStatus::maintenance);  // three reliefs in a row
}

TEST_CASE("journey: sessions without relief escalate through every candidate to exhausted",
          "[plan][journey]") {
  Plan plan = start(glute_seed());
  int day = 1;
  const std::vector<std::string> order = {kGlute, kQl, kPsoas};
  for (std::size_t c = 0; c < order.size(); ++c) {
    for (int trial = 1; trial <= 3; ++trial) {
      REQUIRE(plan.next().target == order[c]);
      auto d = accept(plan, session(nov(day++), order[c], 6, 6));
      CHECK_FALSE(d.relief);
      if (trial < 3) {
        CHECK(d.outcome == Outcome::continued);
        CHECK(contains(plan.next().advice, std::to_string(trial) + " of 3 release sessions"));
      } else if (c + 1 < order.size()) {
        CHECK(d.outcome == Outcome::escalated);
        CHECK(d.next_target == order[c + 1]);
        CHECK(plan.candidates()[c].status == CandidateStatus::not_likely_source);
        CHECK(plan.candidates()[c + 1].status == CandidateStatus::current);
        CHECK(plan.reason().find("is not likely the source") != std::string::npos);
        const auto n = plan.next();
        CHECK(n.target == order[c + 1]);
        CHECK(contains(n.advice, "The target has changed"));
      } else {
        CHECK(d.outcome == Outcome::exhausted);
        CHECK(d.status == PlanStatus::exhausted);
        CHECK(d.next_target.empty());
      }
    }
  }
  CHECK(plan.status() == PlanStatus::exhausted);
  CHECK_FALSE(plan.current());
  const auto n = plan.next();
  CHECK(n.status == PlanStatus::exhausted);
  CHECK(n.steps.empty());
  CHECK(n.target.empty());
  CHECK(contains(n.advice, "See a clinician"));
  CHECK(n.reason.find("no candidate is left") != std::string::npos);
  CHECK(n.sessions_logged == 9);

  const std::string before = plan.to_json();
  auto refused = plan.log(session(nov(20), kPsoas, 6, 6));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::invalid_input);
  CHECK(plan.to_json() == before);
}

TEST_CASE("release_trials is recorded and honoured", "[plan][options]") {
  PlanOptions options;
  options.release_trials = 2;
  Plan plan = start(glute_seed(), options);
  CHECK(plan.options().release_trials == 2);
  CHECK(plan.to_json().find("\"release_trials\": 2") != std::string::npos);
  accept(plan, session(nov(1), kGlute, 6, 6));
  const auto d = accept(plan, session(nov(2), kGlute, 6, 6));
  CHECK(d.outcome == Outcome::escalated);
  CHECK(plan.next().target == kQl);
}

TEST_CASE("only sessions with a release step count as release trials; relief restarts the count",
          "[plan]") {
  Plan plan = start(glute_seed());
  accept(plan, session(nov(1), kGlute, 6, 6));
  accept(plan, session(nov(2), kGlute, 6, 6, {Step::stretch, Step::strengthen}));
  accept(plan, session(nov(3), kGlute, 6, 6));
  CHECK(plan.status() == PlanStatus::active);
  CHECK(plan.next().target == kGlute);
  accept(plan, session(nov(4), kGlute, 6, 3));  // relief
  accept(plan, session(nov(5), kGlute, 6, 6));
  accept(plan, session(nov(6), kGlute, 6, 6));
  CHECK(plan.next().target == kGlute);
  CHECK(accept(plan, session(nov(7), kGlute, 6, 6)).outcome == Outcome::escalated);
}

TEST_CASE("journey: pain well above the baseline twice in a row stops the plan",
          "[plan][journey]") {
  Plan plan = start(glute_seed());
  auto d = accept(plan, session(nov(1), kGlute, 6, 8));
  CHECK(d.outcome == Outcome::continued);
  accept(plan, session(nov(2), kGlute, 6, 4));  // not worse: the run is broken
  d = accept(plan, session(nov(3), kGlute, 8, 7));
  CHECK(plan.status() == PlanStatus::active);
  d = accept(plan, session(nov(4), kGlute, 7, 8));
  CHECK(d.outcome == Outcome::stopped_worsening);
  CHECK(d.status == PlanStatus::stopped_seek_care);
  CHECK(d.level == TriageLevel::see_clinician);
  CHECK(plan.status() == PlanStatus::stopped_seek_care);

  const auto n = plan.next();
  CHECK(n.status == PlanStatus::stopped_seek_care);
  CHECK(n.steps.empty());
  CHECK(n.reason.find("above the baseline of 6 in 2 sessions in a row") != std::string::npos);
  CHECK(contains(n.advice, "see a clinician"));

  auto refused = plan.log(session(nov(5), kGlute, 6, 6));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::safety_refusal);
}

TEST_CASE("pain that rose last session brings easier exercises; relief brings harder ones",
          "[plan]") {
  Plan plan = start(glute_seed());
  accept(plan, session(nov(1), kGlute, 5, 7));
  auto n = plan.next();
  CHECK(n.steps[0].exercises[0].id == "gm_hand_release");
  CHECK(n.steps[0].exercises[0].variant == "regression");
  CHECK(n.steps[0].exercises[0].instead_of == "gm_ball_release");
  CHECK(n.steps[1].exercises[0].id == "gm_seated_stretch");  // no easier stretch in the KB
  CHECK(contains(n.advice, "easier versions"));

  Plan better = start(glute_seed());
  accept(better, session(nov(1), kGlute, 6, 4));
  CHECK(better.next().steps[0].exercises[0].id == "gm_ball_release");
  accept(better, session(nov(2), kGlute, 4, 4));
  n = better.next();
  CHECK(n.steps[0].exercises[0].id == "gm_floor_ball_release");
  CHECK(n.steps[0].exercises[0].variant == "progression");
  CHECK(n.steps[1].exercises[0].id == "gm_pigeon_stretch");
  CHECK(n.steps[2].exercises[0].id == "gm_band_clamshell");
  CHECK(n.steps[2].exercises[1].id == "gm_side_lying_abduction");
  CHECK(contains(n.advice, "harder versions"));
}

TEST_CASE("journey: a red flag stops the plan with that flag's level and advice",
          "[plan][journey]") {
  Plan plan = start(glute_seed());
  accept(plan, session(nov(1), kGlute, 6, 4));
  auto d =
      accept(plan, session(nov(2), kGlute, 4, 3, {Step::release, Step::stretch, Step::strengthen},
                           {"night_pain", "fever_or_unwell"}));
  CHECK(d.outcome == Outcome::stopped_red_flag);
  CHECK(d.status == PlanStatus::stopped_seek_care);
  CHECK(d.level == TriageLevel::urgent);
  CHECK(contains(d.advice, "See a doctor within a day or two."));
  CHECK(contains(d.advice, "Book a visit with your doctor."));

  const auto n = plan.next();
  CHECK(n.status == PlanStatus::stopped_seek_care);
  CHECK(n.level == TriageLevel::urgent);
  CHECK(n.steps.empty());
  CHECK(contains(n.advice, "See a doctor within a day or two."));
  CHECK(n.reason.find("fever_or_unwell (urgent)") != std::string::npos);
  CHECK(plan.log(session(nov(3), kGlute, 3, 3)).error().code() == ErrorCode::safety_refusal);
}

TEST_CASE("journey: a session with its steps out of order is refused and changes nothing",
          "[plan][journey]") {
  Plan plan = start(glute_seed());
  accept(plan, session(nov(1), kGlute, 6, 5));
  const std::string before = plan.to_json();
  const Plan copy = plan;
  auto refused =
      plan.log(session(nov(2), kGlute, 5, 4, {Step::stretch, Step::release, Step::strengthen}));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::invalid_input);
  CHECK(refused.error().path() == "/steps/1");
  CHECK(refused.error().diagnostics()[0].message.find("release comes after stretch") !=
        std::string::npos);
  CHECK(plan.to_json() == before);
  CHECK(plan.sessions().size() == 1);
  CHECK(plan.sessions()[0].relief == copy.sessions()[0].relief);

  // Refused for more than one reason: all of them are reported, and a red flag
  // the refused session reports is not lost.
  refused = plan.log(
      session("2026-11-31", kQl, 11, 4, {Step::strengthen, Step::strengthen}, {"fever_or_unwell"}));
  REQUIRE_FALSE(refused);
  std::vector<std::string> paths;
  for (const auto& diag : refused.error().diagnostics())
    paths.push_back(diag.path);
  CHECK(paths ==
        std::vector<std::string>{"/date", "/target", "/steps/1", "/pain_before", "/red_flags"});
  CHECK(refused.error().diagnostics().back().message.find("See a doctor") != std::string::npos);
  CHECK(plan.to_json() == before);

  // Nothing leaked from the refusals: the same session, in order, is accepted.
  accept(plan, session(nov(2), kGlute, 5, 4));
}

TEST_CASE("journey: a step left out is recorded as incomplete and the next answer says so",
          "[plan][journey]") {
  Plan plan = start(glute_seed());
  auto d = accept(plan, session(nov(1), kGlute, 6, 5, {Step::release, Step::strengthen}));
  CHECK_FALSE(d.complete);
  CHECK(d.missing == std::vector<Step>{Step::stretch});
  CHECK(contains(d.reasons, "Incomplete: stretch was left out"));
  REQUIRE(plan.sessions().size() == 1);
  CHECK_FALSE(plan.sessions()[0].complete);
  const auto n = plan.next();
  CHECK(contains(n.advice, "The last session (2026-11-01) left out stretch"));
  REQUIRE(n.steps.size() == 3);  // the full order again
  // A complete session clears the note.
  accept(plan, session(nov(2), kGlute, 5, 5));
  CHECK_FALSE(contains(plan.next().advice, "left out"));
}

TEST_CASE("journey: a backdated session is refused; the same day is accepted", "[plan][journey]") {
  Plan plan = start(glute_seed());
  accept(plan, session(nov(10), kGlute, 6, 5));
  const std::string before = plan.to_json();
  auto refused = plan.log(session(nov(9), kGlute, 6, 5));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().path() == "/date");
  CHECK(refused.error().diagnostics()[0].message.find(
            "earlier than the last logged session (2026-11-10)") != std::string::npos);
  CHECK(plan.to_json() == before);
  accept(plan, session(nov(10), kGlute, 5, 5));
  CHECK(plan.sessions().size() == 2);
}

TEST_CASE("sessions are logged against the current target only", "[plan]") {
  Plan plan = start(glute_seed());
  auto refused = plan.log(session(nov(1), kQl, 6, 5));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().path() == "/target");
  CHECK(refused.error().diagnostics()[0].message.find("current target is gluteus_medius:left") !=
        std::string::npos);
  refused = plan.log(session(nov(1), "gluteus_maximus:left", 6, 5));
  CHECK(refused.error().path() == "/target");
  refused = plan.log(session(nov(1), kGlute, 6, 5, {}));
  CHECK(refused.error().path() == "/steps");
  refused = plan.log(session(nov(1), kGlute, 6, 5, {Step::release}, {"saddle_numbess"}));
  CHECK(refused.error().path() == "/red_flags/0");
  CHECK(refused.error().diagnostics()[0].message.find("did you mean \"saddle_numbness\"") !=
        std::string::npos);
  // An alias names the same candidate; the plan records the canonical key.
  Plan psoas = start([] {
    myoref::PlanSeed seed;
    seed.ranking = {candidate(kPsoas)};
    seed.baseline_pain = 5;
    return seed;
  }());
  accept(psoas, session(nov(1), "psoas:left", 5, 5));
  CHECK(psoas.sessions()[0].log.target == kPsoas);
}

TEST_CASE("sessions parse strictly from JSON, with paths", "[plan][session]") {
  auto s = myoref::parse_session(
      R"({"date": "2026-11-24", "target": "gluteus_medius:left", "steps": ["release", "stretch", "strengthen"],
          "pain_before": 6, "pain_after": 5, "red_flags": []})");
  REQUIRE(s);
  CHECK(s->steps.size() == 3);
  CHECK(s->pain_after == 5);

  struct Bad {
    const char* text;
    const char* path;
  };
  const Bad bad[] = {
      {R"({"date": "2026-11-24", "target": "x", "steps": [], "pain_before": 6, "pain_after": 5})",
       "/red_flags"},
      {R"({"date": "2026-11-24", "target": "x", "steps": [], "pain_before": 6, "pain_after": 5, "red_flags": [], "note": ""})",
       "/note"},
      {R"({"date": 20261124, "target": "x", "steps": [], "pain_before": 6, "pain_after": 5, "red_flags": []})",
       "/date"},
      {R"({"date": "2026-11-24", "target": "x", "steps": ["relase"], "pain_before": 6, "pain_after": 5, "red_flags": []})",
       "/steps/0"},
      {R"({"date": "2026-11-24", "target": "x", "steps": [], "pain_before": 6.5, "pain_after": 5, "red_flags": []})",
       "/pain_before"},
      {R"({"date": "2026-11-24", "target": "x", "steps": [], "pain_before": 6, "pain_after": 11, "red_flags": []})",
       "/pain_after"},
      {R"({"date": "2026-11-24", "target": "x", "steps": [], "pain_before": 6, "pain_after": 5, "red_flags": [1]})",
       "/red_flags/0"},
      {R"([1])", ""},
  };
  for (const auto& b : bad) {
    INFO(b.text);
    auto r = myoref::parse_session(b.text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::invalid_input);
    CHECK(r.error().path() == b.path);
  }
  auto truncated = myoref::parse_session(R"({"date": "2026-11-24", )");
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().code() == ErrorCode::parse);
  auto relase = myoref::parse_session(
      R"({"date": "2026-11-24", "target": "x", "steps": ["relase"], "pain_before": 6, "pain_after": 5, "red_flags": []})");
  CHECK(relase.error().diagnostics()[0].message.find("did you mean \"release\"") !=
        std::string::npos);
}

TEST_CASE("log from JSON text applies the same rules", "[plan][session]") {
  Plan plan = start(glute_seed());
  auto d = plan.log(std::string_view(
      R"({"date": "2026-11-24", "target": "gluteus_medius:left", "steps": ["release", "stretch", "strengthen"],
          "pain_before": 6, "pain_after": 4, "red_flags": []})"));
  REQUIRE(d);
  CHECK(d->relief);
  auto refused = plan.log(std::string_view(
      R"({"date": "2026-11-23", "target": "gluteus_medius:left", "steps": ["release"],
          "pain_before": 6, "pain_after": 4, "red_flags": []})"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().path() == "/date");
  CHECK(plan.sessions().size() == 1);
}

TEST_CASE("decisions and next answers have their JSON shapes", "[plan][json]") {
  Plan plan = start(glute_seed());
  const auto d = accept(plan, session(nov(1), kGlute, 6, 5, {Step::release}));
  const std::string dj = d.to_json();
  for (const char* key :
       {"\"outcome\": \"continued\"", "\"status\": \"active\"", "\"session\": 0",
        "\"target\": \"gluteus_medius:left\"", "\"complete\": false",
        "\"missing\": [\"stretch\", \"strengthen\"]", "\"relief\": false", "\"reasons\": ["}) {
    CHECK(dj.find(key) != std::string::npos);
  }
  const std::string nj = plan.next().to_json();
  for (const char* key :
       {"\"status\": \"active\"", "\"target\": \"gluteus_medius:left\"",
        "\"name\": \"Gluteus medius\"", "\"step\": \"release\"", "\"step\": \"stretch\"",
        "\"step\": \"strengthen\"", "\"dose\": ", "\"how\": [", "\"cues\": [", "\"dose_detail\": {",
        "\"advice\": [", "\"sessions_logged\": 1"}) {
    CHECK(nj.find(key) != std::string::npos);
  }
  CHECK(nj.find("\"step\": \"release\"") < nj.find("\"step\": \"stretch\""));
  CHECK(nj.find("\"step\": \"stretch\"") < nj.find("\"step\": \"strengthen\""));
  const std::string text = plan.next().to_text();
  CHECK(text.find("Step 1 of 3: release") != std::string::npos);
  CHECK(text.find("    1. Stand side-on") != std::string::npos);
}

TEST_CASE("text from a session reaches a message quoted, never as it is", "[plan][bad_input]") {
  Plan plan = start(glute_seed());
  // A step name and a red flag holding a quote, a line break and an escape.
  std::string all;
  for (const char* session :
       {R"({"date": "2026-11-01", "target": "gluteus_medius:left", "pain_before": 6,
            "pain_after": 5, "steps": ["release", "str\"etch\n\u001b[2J"]})",
        R"({"date": "2026-11-01", "target": "gluteus_medius:left", "pain_before": 6,
            "pain_after": 5, "steps": ["release"], "red_flags": ["fever\"\n"]})"}) {
    auto refused = plan.log(session);
    REQUIRE_FALSE(refused);
    for (const auto& diag : refused.error().diagnostics())
      all += diag.path + ": " + diag.message + "|";
  }
  INFO(all);
  CHECK(all.find(R"(/steps/1: unknown step "str\"etch\n\u001b[2J")") != std::string::npos);
  CHECK(all.find(R"(/red_flags/0: unknown red flag "fever\"\n")") != std::string::npos);
  CHECK(all.find('\n') == std::string::npos);
  CHECK(all.find('\x1b') == std::string::npos);
}
