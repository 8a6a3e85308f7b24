// Triage: every red flag, the age rule and its boundaries, red flags first.
#include <algorithm>
#include <random>
#include <string>
#include <thread>

#include <boost/json.hpp>

#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

// A drawing that muscles explain well, so scoring has plenty to say.
Intake low_back_drawing(const KnowledgeBase& kb) {
  Intake intake = drawing(
      kb,
      {{"iliac_crest:left", 6}, {"sacroiliac:left", 5}, {"buttock_upper:left", 4}, {"sacrum", 3}});
  intake.findings = {finding(kb, "walking"), finding(kb, "standing_long")};
  // Every question the drawing calls for (at any age) answered no, so that
  // only what a test adds raises the level.
  for (const Question& q : triage(kb, intake).questions)
    intake.red_flags_denied.push_back(q.red_flag);
  return intake;
}

Intake aged(Intake intake, std::optional<int> age, std::optional<int> duration) {
  intake.age = age;
  intake.duration_days = duration;
  return intake;
}

}  // namespace

TEST_CASE("each red flag raises triage to its level, with its advice", "[assess][triage]") {
  const KnowledgeBase& kb = default_kb();
  REQUIRE(kb.red_flags().size() >= 15);
  for (std::size_t f = 0; f < kb.red_flags().size(); ++f) {
    const RedFlag& flag = kb.red_flags()[f];
    INFO("red flag " << flag.id);
    Intake intake = aged(low_back_drawing(kb), 40, 10);
    intake.red_flags = {static_cast<RedFlagIndex>(f)};
    intake.red_flags_denied.erase(
        std::remove(intake.red_flags_denied.begin(), intake.red_flags_denied.end(), f),
        intake.red_flags_denied.end());
    const Triage t = triage(kb, intake);
    CHECK(t.level == flag.level);
    CHECK(t.level > TriageLevel::self_care);
    REQUIRE(t.red_flags.size() == 1);
    CHECK(t.red_flags[0] == f);
    const auto advice = triage_advice(kb, t);
    REQUIRE(advice.size() == 1);
    CHECK(advice[0] == flag.advice);

    // In the assessment the banner leads, and scoring still runs.
    const Assessment a = assessed(kb, intake);
    CHECK(a.triage().level == flag.level);
    CHECK(a.candidate_count() > 0);
    const std::string text = a.to_text();
    CHECK(text.find(flag.advice.substr(0, 30)) < text.find("Muscles that could explain"));
    const auto doc = boost::json::parse(a.to_json());
    CHECK(doc.at("triage").at("level").as_string() == std::string(to_string(flag.level)));
    CHECK(doc.at("triage").at("red_flags").at(0).at("id").as_string() == flag.id);
    CHECK(doc.at("triage").at("red_flags").at(0).at("advice").as_string() == flag.advice);
  }
}

TEST_CASE("the vocabulary's red flags have the vocabulary's levels", "[assess][triage]") {
  const KnowledgeBase& kb = default_kb();
  const auto level = [&](const char* id) { return kb.red_flags()[red_flag(kb, id)].level; };
  CHECK(level("saddle_numbness") == TriageLevel::emergency);
  CHECK(level("bladder_bowel_change") == TriageLevel::emergency);
  CHECK(level("progressive_leg_weakness") == TriageLevel::emergency);
  CHECK(level("fever_or_unwell") == TriageLevel::urgent);
  CHECK(level("calf_swelling_redness") == TriageLevel::urgent);
  CHECK(level("cannot_bear_weight") == TriageLevel::urgent);
  CHECK(level("claudication") == TriageLevel::see_clinician);
  CHECK(level("night_pain_unrelenting") == TriageLevel::see_clinician);
}

TEST_CASE("the highest level wins and the most urgent flag is listed first", "[assess][triage]") {
  const KnowledgeBase& kb = default_kb();
  Intake intake = aged(low_back_drawing(kb), 40, 10);
  intake.red_flags = {red_flag(kb, "osteoporosis"), red_flag(kb, "fever_or_unwell"),
                      red_flag(kb, "saddle_numbness")};
  const Triage t = triage(kb, intake);
  CHECK(t.level == TriageLevel::emergency);
  REQUIRE(t.red_flags.size() == 3);
  CHECK(t.red_flags[0] == red_flag(kb, "saddle_numbness"));
  CHECK(t.red_flags[1] == red_flag(kb, "fever_or_unwell"));
  CHECK(t.red_flags[2] == red_flag(kb, "osteoporosis"));
  CHECK(triage_advice(kb, t).size() == 3);
}

TEST_CASE("red flags win over any drawing and any answers", "[assess][triage]") {
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    Intake intake = random_intake(kb, rng);
    intake.red_flags = {red_flag(kb, "bladder_bowel_change")};
    const Assessment a = assessed(kb, intake);
    CHECK(a.triage().level == TriageLevel::emergency);
    const std::string json = a.to_json();
    CHECK(json.find("\"triage\"") < json.find("\"candidates\""));
    CHECK(a.to_text().rfind("EMERGENCY", 0) == 0);
  }
}

TEST_CASE("the age rule: new pain under 20 or over 55, at the boundaries", "[assess][triage]") {
  const KnowledgeBase& kb = default_kb();
  const AgeRule& rule = kb.age_rule();
  REQUIRE(rule.younger_than == 20);
  REQUIRE(rule.older_than == 55);
  REQUIRE(rule.max_duration_days == 42);
  const Intake base = low_back_drawing(kb);
  struct Case {
    int age;
    int days;
    TriageLevel level;
    AgeRuleOutcome outcome;
  };
  const Case cases[] = {
      {19, 42, rule.level, AgeRuleOutcome::applies},
      {19, 43, TriageLevel::self_care, AgeRuleOutcome::not_applicable},
      {20, 42, TriageLevel::self_care, AgeRuleOutcome::not_applicable},
      {20, 0, TriageLevel::self_care, AgeRuleOutcome::not_applicable},
      {55, 42, TriageLevel::self_care, AgeRuleOutcome::not_applicable},
      {56, 42, rule.level, AgeRuleOutcome::applies},
      {56, 43, TriageLevel::self_care, AgeRuleOutcome::not_applicable},
      {56, 0, rule.level, AgeRuleOutcome::applies},
      {0, 1, rule.level, AgeRuleOutcome::applies},
      {120, 42, rule.level, AgeRuleOutcome::applies},
  };
  for (const Case& c : cases) {
    INFO("age " << c.age << ", " << c.days << " days");
    const Triage t = triage(kb, aged(base, c.age, c.days));
    CHECK(t.level == c.level);
    CHECK(t.age_rule == c.outcome);
    CHECK(t.red_flags.empty());
    // The age rule's advice, and under 16 that rule's too.
    CHECK(triage_advice(kb, t).size() ==
          (c.outcome == AgeRuleOutcome::applies ? 1U : 0U) + (c.age < 16 ? 1U : 0U));
  }
}

TEST_CASE("the age rule with age or duration unknown never under-triages silently",
          "[assess][triage]") {
  const KnowledgeBase& kb = default_kb();
  const Intake base = low_back_drawing(kb);
  // Age outside the band, duration unknown: treated as new pain.
  Triage t = triage(kb, aged(base, 62, std::nullopt));
  CHECK(t.age_rule == AgeRuleOutcome::applies_duration_unknown);
  CHECK(t.level == kb.age_rule().level);
  // Age unknown: not raised, but said, with the rule's advice.
  t = triage(kb, aged(base, std::nullopt, 10));
  CHECK(t.age_rule == AgeRuleOutcome::age_unknown);
  CHECK(t.level == TriageLevel::self_care);
  CHECK(triage_advice(kb, t) == std::vector<std::string>{kb.age_rule().advice});
  const Assessment a = assessed(kb, aged(base, std::nullopt, std::nullopt));
  const auto doc = boost::json::parse(a.to_json());
  CHECK(doc.at("triage").at("age_rule").at("outcome").as_string() == "age_unknown");
  CHECK(doc.at("triage").at("age_rule").at("advice").as_string() == kb.age_rule().advice);
  CHECK(a.to_text().find("age not given") != std::string::npos);
  // Age unknown but the pain is old: the rule cannot apply, nothing to say.
  t = triage(kb, aged(base, std::nullopt, 400));
  CHECK(t.age_rule == AgeRuleOutcome::not_applicable);
  // Age inside the band, duration unknown: the rule cannot apply.
  t = triage(kb, aged(base, 40, std::nullopt));
  CHECK(t.age_rule == AgeRuleOutcome::not_applicable);
  CHECK(t.level == TriageLevel::self_care);
}

TEST_CASE("self care only when nothing says otherwise; never raised without a reason",
          "[assess][triage]") {
  const KnowledgeBase& kb = default_kb();
  const Triage calm = triage(kb, aged(low_back_drawing(kb), 40, 10));
  CHECK(calm.level == TriageLevel::self_care);
  CHECK(calm.red_flags.empty());
  CHECK(triage_advice(kb, calm).empty());

  std::mt19937 rng(11);
  std::uniform_int_distribution<int> age(0, 120);
  std::uniform_int_distribution<int> days(0, 100);
  std::uniform_int_distribution<int> coin(0, 3);
  for (int i = 0; i < 500; ++i) {
    Intake intake = random_intake(kb, rng);
    if (coin(rng) != 0)
      intake.age = age(rng);
    if (coin(rng) != 0)
      intake.duration_days = days(rng);
    for (std::size_t f = 0; f < kb.red_flags().size(); ++f) {
      if (coin(rng) == 0 && coin(rng) == 0)
        intake.red_flags.push_back(static_cast<RedFlagIndex>(f));
    }
    const Triage t = triage(kb, intake);
    TriageLevel explained = TriageLevel::self_care;
    for (const RedFlagIndex f : t.red_flags)
      explained = std::max(explained, kb.red_flags()[f].level);
    if (t.age_rule_raises())
      explained = std::max(explained, kb.age_rule().level);
    for (const RuleHit& r : t.rules)  // unanswered questions, look-alikes, ...
      explained = std::max(explained, r.level);
    CHECK(t.level == explained);
    CHECK(t.red_flags.size() == intake.red_flags.size());
    // Scoring does not change triage.
    CHECK(assessed(kb, intake).triage().level == t.level);
  }
}
