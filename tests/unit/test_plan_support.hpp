// Shared by the plan tests: the small knowledge base in tests/data/plan/kb.json
// and a few builders for seeds and sessions.
#ifndef MYOREF_TESTS_TEST_PLAN_SUPPORT_HPP
#define MYOREF_TESTS_TEST_PLAN_SUPPORT_HPP

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "myoref/myoref.hpp"
#include "support.hpp"

namespace plan_test {

using myoref::test::read_text;

inline std::string data_path(const std::string& name) {
  return std::string(MYOREF_TEST_DATA) + "/data/plan/" + name;
}

/// The plan tests' knowledge base: gluteus medius (related: quadratus
/// lumborum, iliopsoas), quadratus lumborum, iliopsoas, and a midline pelvic
/// floor; three red flags (emergency, urgent, see_clinician).
inline const myoref::KnowledgeBase& test_kb() {
  static const myoref::KnowledgeBase kb = [] {
    auto loaded = myoref::KnowledgeBase::from_json(read_text(data_path("kb.json")));
    if (!loaded) {
      FAIL("tests/data/plan/kb.json does not load: " << loaded.error().to_string());
    }
    return std::move(loaded).value();
  }();
  return kb;
}

inline myoref::CandidateIndex candidate(const std::string& key) {
  const auto c = test_kb().find_candidate(key);
  REQUIRE(c);
  return *c;
}

/// A seed ranking gluteus medius (left) first, baseline pain 6.
inline myoref::PlanSeed glute_seed(int baseline = 6) {
  myoref::PlanSeed seed;
  seed.ranking = {candidate("gluteus_medius:left")};
  seed.baseline_pain = baseline;
  return seed;
}

inline myoref::Plan start(const myoref::PlanSeed& seed, const myoref::PlanOptions& options = {}) {
  auto plan = myoref::Plan::start(test_kb(), seed, options);
  if (!plan) {
    FAIL("start: " << plan.error().to_string());
  }
  return std::move(plan).value();
}

inline myoref::SessionLog session(const std::string& date, const std::string& target, int before,
                                  int after,
                                  std::vector<myoref::Step> steps = {myoref::Step::release,
                                                                     myoref::Step::stretch,
                                                                     myoref::Step::strengthen},
                                  std::vector<std::string> red_flags = {}) {
  myoref::SessionLog s;
  s.date = date;
  s.target = target;
  s.steps = std::move(steps);
  s.pain_before = before;
  s.pain_after = after;
  s.red_flags = std::move(red_flags);
  return s;
}

/// Logs a session that must be accepted; returns the decision.
inline myoref::Decision accept(myoref::Plan& plan, const myoref::SessionLog& s) {
  auto d = plan.log(s);
  if (!d) {
    FAIL("session " << s.date << " refused: " << d.error().to_string());
  }
  return std::move(d).value();
}

/// "2026-11-" + day, for days 1..30.
inline std::string nov(int day) {
  return std::string("2026-11-") + (day < 10 ? "0" : "") + std::to_string(day);
}

inline bool contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines) {
    if (l.find(text) != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace plan_test

#endif  // MYOREF_TESTS_TEST_PLAN_SUPPORT_HPP
