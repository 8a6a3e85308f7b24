// Screens, questions and the rules beyond single red flags (docs/safety.md):
// every screen of the built-in knowledge base opens its questions for its
// areas; a yes gives the red flag's level, a no clears it, and an unanswered
// question keeps the assessment provisional and at least see_clinician.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "engine/explanation_tables.hpp"
#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

bool has(const std::vector<RedFlagIndex>& list, RedFlagIndex f) {
  return std::find(list.begin(), list.end(), f) != list.end();
}

bool asked(const Triage& t, RedFlagIndex f) {
  return std::any_of(t.questions.begin(), t.questions.end(),
                     [&](const Question& q) { return q.red_flag == f; });
}

bool has_rule(const Triage& t, std::string_view id) {
  return std::any_of(t.rules.begin(), t.rules.end(), [&](const RuleHit& r) { return r.id == id; });
}

bool considers(const KnowledgeBase& kb, const Triage& t, std::string_view id) {
  return std::any_of(t.also_consider.begin(), t.also_consider.end(), [&](const LookalikeMatch& m) {
    return kb.lookalikes()[m.lookalike].id == id;
  });
}

/// An intake that a screen's conditions allow: one of its regions drawn (or
/// its first finding confirmed), an age inside its band, a sex it asks,
/// an onset it does not exclude; the pain not new, so the age rule is quiet.
Intake opening(const KnowledgeBase& kb, const Screen& s) {
  Intake in;
  if (!s.regions.empty()) {
    const RegionIndex r = s.regions.front();
    const Side side = kb.regions()[r].laterality == Laterality::midline ? Side::none : Side::left;
    in.pain.push_back(PainMark{*kb.find_region_key(r, side), 5});
  } else {
    in.pain.push_back(PainMark{key(kb, "sacrum"), 3});
    in.findings.push_back(s.findings.front());
  }
  int age = 40;
  if (s.age_min)
    age = std::max(age, *s.age_min);
  if (s.age_max)
    age = std::min(age, *s.age_max);
  in.age = age;
  in.duration_days = 60;
  if (!s.sexes.empty())
    in.sex = s.sexes.front();
  in.onset = s.onset_not == Onset::sudden ? Onset::gradual : Onset::sudden;
  return in;
}

}  // namespace

TEST_CASE("every screen opens its questions; yes gives the level, no clears, none is pending",
          "[assess][triage][screens]") {
  const KnowledgeBase& kb = default_kb();
  REQUIRE(kb.screens().size() >= 16);
  for (const Screen& s : kb.screens()) {
    INFO("screen " << s.id);
    REQUIRE((!s.regions.empty() || !s.findings.empty()));
    Intake in = opening(kb, s);
    const Triage open = triage(kb, in);
    for (const RedFlagIndex f : s.red_flags) {
      INFO("question " << kb.red_flags()[f].id);
      CHECK(asked(open, f));
      CHECK(has(open.pending, f));
    }
    // Unanswered: provisional, at least see_clinician, the rule says why.
    CHECK(open.provisional);
    CHECK(open.level >= TriageLevel::see_clinician);
    CHECK(has_rule(open, "unanswered"));

    // Every question answered no: nothing pending; self-care unless another
    // rule (a look-alike, pain no muscle explains) says otherwise.
    Intake no = in;
    for (const Question& q : open.questions)
      no.red_flags_denied.push_back(q.red_flag);
    const Triage cleared = triage(kb, no);
    CHECK(cleared.pending.empty());
    CHECK_FALSE(cleared.provisional);
    CHECK_FALSE(has_rule(cleared, "unanswered"));
    if (cleared.rules.empty()) {
      CHECK(cleared.level == TriageLevel::self_care);
    }

    // A yes to any one of them gives at least its level.
    for (const RedFlagIndex f : s.red_flags) {
      Intake yes = no;
      yes.red_flags_denied.erase(
          std::remove(yes.red_flags_denied.begin(), yes.red_flags_denied.end(), f),
          yes.red_flags_denied.end());
      yes.red_flags.push_back(f);
      const Triage t = triage(kb, yes);
      CHECK(t.level >= kb.red_flags()[f].level);
      CHECK(has(t.red_flags, f));
    }
  }
}

TEST_CASE("screens follow age, sex and onset; what is not given never closes a question",
          "[assess][triage][screens]") {
  const KnowledgeBase& kb = default_kb();
  const RedFlagIndex tearing = red_flag(kb, "tearing_pain");
  const RedFlagIndex pregnancy = red_flag(kb, "pregnancy_pelvic_pain");
  const RedFlagIndex testicle = red_flag(kb, "testicular_pain");
  const RedFlagIndex gca = red_flag(kb, "giant_cell_arteritis");

  // Tearing pain: the back at 50 and over; the belly at any age; not when
  // the pain came on gradually.
  Intake back = drawing(kb, {{"lumbar_paraspinal:left", 8}});
  back.age = 72;
  back.onset = Onset::sudden;
  CHECK(asked(triage(kb, back), tearing));
  back.age = 35;
  CHECK_FALSE(asked(triage(kb, back), tearing));
  back.age.reset();
  CHECK(asked(triage(kb, back), tearing));
  back.age = 72;
  back.onset = Onset::gradual;
  CHECK_FALSE(asked(triage(kb, back), tearing));
  Intake belly = drawing(kb, {{"abdomen_lower:right", 7}});
  belly.age = 24;
  belly.onset = Onset::sudden;
  const Triage b = triage(kb, belly);
  CHECK(asked(b, tearing));
  CHECK(asked(b, red_flag(kb, "acute_abdomen")));
  // Sex not given: both the pregnancy and the testicle questions.
  CHECK(asked(b, pregnancy));
  CHECK(asked(b, testicle));
  belly.sex = Sex::male;
  CHECK_FALSE(asked(triage(kb, belly), pregnancy));
  CHECK(asked(triage(kb, belly), testicle));
  belly.sex = Sex::female;
  CHECK(asked(triage(kb, belly), pregnancy));
  CHECK_FALSE(asked(triage(kb, belly), testicle));
  belly.age = 60;
  CHECK_FALSE(asked(triage(kb, belly), pregnancy));
  belly.age = 11;
  CHECK_FALSE(asked(triage(kb, belly), pregnancy));

  // Giant cell arteritis: a head drawing, or a headache, at 50 and over.
  Intake head = drawing(kb, {{"head", 5}});
  head.age = 62;
  CHECK(asked(triage(kb, head), gca));
  head.age = 40;
  CHECK_FALSE(asked(triage(kb, head), gca));
  Intake headache = drawing(kb, {{"buttock_upper:left", 3}});
  headache.findings = {finding(kb, "headache")};
  headache.age = 70;
  CHECK(asked(triage(kb, headache), gca));
  CHECK(asked(triage(kb, headache), red_flag(kb, "thunderclap_headache")));
}

TEST_CASE("the cases of issue 16 are never self-care while their questions are open",
          "[assess][triage][screens]") {
  const KnowledgeBase& kb = default_kb();
  // Chest pain spreading to the arm at 58, old or new: the heart question,
  // an emergency, comes first.
  Intake chest = drawing(kb, {{"chest:left", 7}, {"upper_arm:left", 4}});
  chest.age = 58;
  chest.duration_days = 200;
  chest.onset = Onset::sudden;
  Triage t = triage(kb, chest);
  REQUIRE_FALSE(t.pending.empty());
  CHECK(kb.red_flags()[t.pending.front()].id == "cardiac_chest_pain");
  CHECK(t.level >= TriageLevel::see_clinician);
  CHECK_THAT(t.questions.front().why,
             Catch::StartsWith("pain in the chest") && Catch::EndsWith("(left) at 58"));
  chest.red_flags = {red_flag(kb, "cardiac_chest_pain")};
  CHECK(triage(kb, chest).level == TriageLevel::emergency);

  // A tense, swollen shin after a run: the compartment question.
  Intake shin = drawing(kb, {{"shin:left", 8}});
  shin.findings = {finding(kb, "running"), finding(kb, "onset_new_activity")};
  shin.age = 28;
  t = triage(kb, shin);
  CHECK(has(t.pending, red_flag(kb, "compartment_swelling")));
  shin.red_flags = {red_flag(kb, "compartment_swelling")};
  CHECK(triage(kb, shin).level == TriageLevel::emergency);

  // Questions: only the unanswered, most severe first.
  auto list = questions(kb, chest);
  REQUIRE(list);
  for (const Question& q : *list)
    CHECK(q.red_flag != red_flag(kb, "cardiac_chest_pain"));
  for (std::size_t i = 1; i < list->size(); ++i)
    CHECK(kb.red_flags()[(*list)[i - 1].red_flag].level >=
          kb.red_flags()[(*list)[i].red_flag].level);
}

TEST_CASE("rules beyond single red flags: under 16, a fall, inflammatory back pain",
          "[assess][triage][rules]") {
  const KnowledgeBase& kb = default_kb();
  Intake child = drawing(kb, {{"thigh_anterior:left", 5}, {"knee_anterior:left", 4}});
  child.age = 13;
  child.duration_days = 60;
  Triage t = triage(kb, child);
  CHECK(has_rule(t, "under_16"));
  CHECK(t.level >= TriageLevel::see_clinician);
  for (const Question& q : t.questions)
    child.red_flags_denied.push_back(q.red_flag);
  t = triage(kb, child);
  CHECK(t.pending.empty());
  CHECK(t.level == TriageLevel::see_clinician);  // answered no, still not self-care
  child.age = 16;
  CHECK_FALSE(has_rule(triage(kb, child), "under_16"));

  Intake fall = drawing(kb, {{"groin:right", 7}});
  fall.findings = {finding(kb, "onset_fall")};
  fall.age = 81;
  t = triage(kb, fall);
  CHECK(has_rule(t, "fall_fragile"));
  CHECK(has_rule(t, "fall_hip"));
  CHECK(t.level == TriageLevel::urgent);
  fall.age = 40;
  CHECK_FALSE(has_rule(triage(kb, fall), "fall_fragile"));
  fall.precautions = {*kb.find_precaution("fragile_bones")};
  CHECK(has_rule(triage(kb, fall), "fall_fragile"));
  fall.precautions.clear();
  fall.red_flags = {red_flag(kb, "immunosuppressed")};  // long-term steroids
  CHECK(has_rule(triage(kb, fall), "fall_fragile"));
  fall.red_flags.clear();
  fall.findings.clear();
  fall.age = 81;
  CHECK_FALSE(has_rule(triage(kb, fall), "fall_fragile"));

  Intake back = drawing(kb, {{"lumbar_spine", 5}, {"sacroiliac:left", 5}});
  back.findings = {finding(kb, "morning_stiffness_long")};
  back.age = 31;
  back.duration_days = 200;
  t = triage(kb, back);
  REQUIRE(has_rule(t, "inflammatory_back_pain"));
  const auto rule = std::find_if(t.rules.begin(), t.rules.end(),
                                 [](const RuleHit& r) { return r.id == "inflammatory_back_pain"; });
  CHECK_THAT(rule->reason, Catch::Contains("axial spondyloarthritis"));
  CHECK_FALSE(rule->cite.empty());
  back.duration_days = 30;  // not yet three months
  CHECK_FALSE(has_rule(triage(kb, back), "inflammatory_back_pain"));
  back.duration_days = 200;
  back.age = 60;  // began at 59
  CHECK_FALSE(has_rule(triage(kb, back), "inflammatory_back_pain"));
}

TEST_CASE("pain only where no muscle explains it is at least see_clinician",
          "[assess][triage][rules]") {
  const KnowledgeBase& kb = default_kb();
  const detail::ExplanationTables& x = detail::explanation_tables(kb);
  std::optional<RegionKeyIndex> nowhere;
  for (RegionKeyIndex k = 0; k < kb.region_keys().size(); ++k) {
    if (x.key_zone_begin[k + 1U] == x.key_zone_begin[k]) {
      nowhere = k;
      break;
    }
  }
  REQUIRE(nowhere);
  Intake in;
  in.pain = {PainMark{*nowhere, 5}};
  in.age = 40;
  Triage t = triage(kb, in);
  CHECK(has_rule(t, "unexplained_only"));
  for (const Question& q : t.questions)
    in.red_flags_denied.push_back(q.red_flag);
  CHECK(triage(kb, in).level == TriageLevel::see_clinician);
  in.pain.push_back(PainMark{key(kb, "buttock_upper:left"), 5});
  CHECK_FALSE(has_rule(triage(kb, in), "unexplained_only"));
}

TEST_CASE("nerve-root pain is named, raises the level and sets nerve symptoms aside",
          "[assess][triage][lookalikes]") {
  const KnowledgeBase& kb = default_kb();
  Intake leg =
      drawing(kb, {{"buttock_central:left", 5}, {"calf:left", 7}, {"leg_lateral:left", 6}});
  leg.findings = {finding(kb, "shooting_pain"), finding(kb, "paresthesia_leg"),
                  finding(kb, "cough_sneeze")};
  leg.age = 44;
  leg.duration_days = 20;
  auto a = assess(kb, leg);
  REQUIRE(a);
  const Triage& t = a->triage();
  CHECK(considers(kb, t, "nerve_root_leg"));
  CHECK(has_rule(t, "nerve_root_leg"));
  CHECK(t.level >= TriageLevel::see_clinician);
  CHECK(has(t.set_aside, finding(kb, "paresthesia_leg")));
  CHECK(has(t.set_aside, finding(kb, "shooting_pain")));
  CHECK_FALSE(has(t.set_aside, finding(kb, "cough_sneeze")));
  CHECK(asked(t, red_flag(kb, "progressive_leg_weakness")));
  // No candidate counts the set-aside symptoms for itself.
  for (std::size_t i = 0; i < a->candidate_count(); ++i) {
    const RankedCandidate c = a->candidate(i);
    for (const FindingIndex f : c.findings_for) {
      CHECK(f != finding(kb, "paresthesia_leg"));
      CHECK(f != finding(kb, "shooting_pain"));
    }
  }
  const std::string json = a->to_json();
  CHECK_THAT(json, Catch::Contains(R"("set_aside":[{"id":"paresthesia_leg")"));
  const std::string text = a->to_text();
  CHECK(text.find("ALSO CONSIDER (not a muscle): Nerve-root irritation in the leg") <
        text.find("Muscles that could explain the pain"));

  // One nerve symptom alone is not the pattern.
  leg.findings = {finding(kb, "paresthesia_leg")};
  CHECK_FALSE(considers(kb, triage(kb, leg), "nerve_root_leg"));
  leg.findings = {finding(kb, "leg_pain_below_knee_worse")};
  CHECK(considers(kb, triage(kb, leg), "nerve_root_leg"));

  Intake arm = drawing(kb, {{"neck:right", 4}, {"forearm:right", 6}});
  arm.findings = {finding(kb, "paresthesia_arm"), finding(kb, "shooting_pain")};
  const Triage ta = triage(kb, arm);
  CHECK(considers(kb, ta, "nerve_root_arm"));
  CHECK(asked(ta, red_flag(kb, "progressive_arm_weakness")));
  arm.red_flags = {red_flag(kb, "progressive_arm_weakness")};
  CHECK(triage(kb, arm).level >= TriageLevel::urgent);
}

TEST_CASE("delayed-onset muscle soreness is named, and only in its first days",
          "[assess][triage][lookalikes]") {
  const KnowledgeBase& kb = default_kb();
  Intake in = drawing(kb, {{"calf:left", 4}, {"calf:right", 4}});
  in.findings = {finding(kb, "onset_new_activity"), finding(kb, "sore_to_touch_after_exercise")};
  in.age = 34;
  in.duration_days = 2;
  Triage t = triage(kb, in);
  CHECK(considers(kb, t, "doms"));
  CHECK(asked(t, red_flag(kb, "dark_urine_after_exertion")));
  for (const Question& q : t.questions)
    in.red_flags_denied.push_back(q.red_flag);
  t = triage(kb, in);
  CHECK(t.level == TriageLevel::self_care);  // reassurance, not a reason to be seen
  CHECK(considers(kb, t, "doms"));
  in.duration_days = 10;
  CHECK_FALSE(considers(kb, triage(kb, in), "doms"));
}

TEST_CASE("each non-muscular look-alike is named for its typical drawing and not for another",
          "[assess][triage][lookalikes]") {
  const KnowledgeBase& kb = default_kb();
  struct Case {
    const char* id;
    const char* region;  // a typical drawing
    std::vector<const char*> findings;
    int age;
    const char* elsewhere;  // a drawing the look-alike does not cover
  };
  const std::vector<Case> cases = {
      {"hip_osteoarthritis", "groin:left", {"walking", "stairs"}, 62, "shin:left"},
      {"greater_trochanteric_pain",
       "hip_lateral:left",
       {"lying_on_painful_side", "stairs"},
       52,
       "forearm_back:left"},
      {"patellofemoral_pain", "knee_anterior:right", {"stairs", "sitting_long"}, 24, "heel:right"},
      {"plantar_heel_pain", "heel:left", {"first_steps_heel"}, 48, "knee_anterior:left"},
      {"achilles_tendinopathy", "achilles:right", {"running"}, 38, "elbow_lateral:right"},
      {"lateral_elbow_pain", "elbow_lateral:right", {"gripping"}, 45, "achilles:right"},
      {"carpal_tunnel", "palm:right", {"hand_tingling_night"}, 50, "lumbar_paraspinal:right"},
      {"frozen_shoulder", "shoulder_lateral:left", {"shoulder_stiff"}, 55, "groin:left"},
      {"rotator_cuff_pain",
       "shoulder_lateral:right",
       {"overhead_reaching", "lying_on_painful_side"},
       48,
       "hip_lateral:right"},
      {"jaw_joint_disorder", "jaw:left", {"chewing", "jaw_click_lock"}, 30, "palm:left"},
      {"tension_type_headache", "temple:left", {"headache_band"}, 35, "shin:left"},
  };
  for (const Case& c : cases) {
    INFO("look-alike " << c.id);
    Intake in = drawing(kb, {{c.region, 5}});
    for (const char* f : c.findings)
      in.findings.push_back(finding(kb, f));
    in.age = c.age;
    in.duration_days = 90;
    const Triage t = triage(kb, in);
    CHECK(considers(kb, t, c.id));
    // Named beside the muscles, never instead of them: no level of its own.
    CHECK_FALSE(has_rule(t, c.id));
    // Another part of the body with the same answers, or the same part
    // without them: not named.
    Intake other = in;
    other.pain = drawing(kb, {{c.elsewhere, 5}}).pain;
    CHECK_FALSE(considers(kb, triage(kb, other), c.id));
    Intake silent = in;
    silent.findings.clear();
    CHECK_FALSE(considers(kb, triage(kb, silent), c.id));
  }
}

TEST_CASE(
    "property: a drawing with every question answered no stays self-care, and a yes "
    "never lowers the level",
    "[assess][triage][screens][property]") {
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(161616);
  int self_care = 0;
  for (int i = 0; i < 400; ++i) {
    Intake in = random_intake(kb, rng, 4);
    in.findings.clear();
    in.denied.clear();
    in.red_flags.clear();
    in.age = 25 + static_cast<int>(rng() % 30);
    in.duration_days = 60 + static_cast<int>(rng() % 100);
    const Triage open = triage(kb, in);
    for (const Question& q : open.questions)
      in.red_flags_denied.push_back(q.red_flag);
    const Triage t = triage(kb, in);
    CHECK(t.pending.empty());
    if (t.rules.empty()) {
      CHECK(t.level == TriageLevel::self_care);
      ++self_care;
    }
    for (const Question& q : open.questions) {
      Intake yes = in;
      yes.red_flags_denied.erase(
          std::remove(yes.red_flags_denied.begin(), yes.red_flags_denied.end(), q.red_flag),
          yes.red_flags_denied.end());
      yes.red_flags.push_back(q.red_flag);
      CHECK(triage(kb, yes).level >= std::max(t.level, kb.red_flags()[q.red_flag].level));
    }
  }
  CHECK(self_care > 100);
}
