// Plan limits: a plan holds at most PlanLimits{}.max_sessions sessions, so
// that every document the library writes can be read back; more in a
// document is limit_exceeded with the path of the first extra session.
#include <algorithm>
#include <catch2/catch.hpp>

#include <string>

#include "myoref/myoref.hpp"
#include "protocol/document.hpp"
#include "support.hpp"
#include "util/json.hpp"

namespace json = boost::json;
using myoref::ErrorCode;
using myoref::KnowledgeBase;
using myoref::Plan;
using myoref::PlanLimits;
using myoref::SessionLog;
using myoref::Step;

namespace {

const KnowledgeBase& builtin() {
  return myoref::test::default_kb();
}

SessionLog relief_session(const Plan& plan) {
  SessionLog s;
  s.date = "2026-01-01";
  s.target = plan.candidates()[*plan.current()].key;
  s.steps = {Step::release, Step::stretch, Step::strengthen};
  s.pain_before = 6;
  s.pain_after = 2;
  return s;
}

// A plan in maintenance holding `n` sessions of relief (n >= 4). Logging ten
// thousand sessions one by one takes seconds, so the document is made from
// one with four: in maintenance, more of the same session leaves every stored
// field as it is, so the sessions are repeated and the integrity check made
// to match.
std::string maintenance_document(std::size_t n) {
  auto intake = myoref::parse_intake(
      builtin(), R"({"pain": [{"region": "buttock_upper", "side": "left", "intensity": 6}]})");
  REQUIRE(intake);
  // Every red-flag question the drawing opens answered no: a plan waits for them.
  const auto asked = myoref::questions(builtin(), *intake);
  REQUIRE(asked);
  for (const auto& q : *asked)
    intake->red_flags_denied.push_back(q.red_flag);
  std::sort(intake->red_flags_denied.begin(), intake->red_flags_denied.end());
  auto plan = Plan::start(builtin(), *myoref::assess(builtin(), *intake));
  REQUIRE(plan);
  for (int i = 0; i < 4; ++i)
    REQUIRE(plan->log(relief_session(*plan)));
  REQUIRE(plan->status() == myoref::PlanStatus::maintenance);
  json::value doc = json::parse(plan->to_json());
  json::array& sessions = doc.as_object()["sessions"].as_array();
  const json::value last = sessions.back();
  while (sessions.size() < n)
    sessions.push_back(last);
  doc.as_object()["integrity"] =
      json::object{{"sha256", myoref::detail::plan_integrity(doc.as_object())}};
  return json::serialize(doc);
}

}  // namespace

TEST_CASE("a plan with the most sessions a document holds refuses one more, unchanged",
          "[limits][plan]") {
  const std::size_t most = PlanLimits{}.max_sessions;
  auto plan = Plan::from_json(builtin(), maintenance_document(most - 1));
  REQUIRE(plan);
  REQUIRE(plan->sessions().size() == most - 1);
  // The last session that fits is taken, and its document reads back.
  REQUIRE(plan->log(relief_session(*plan)));
  const std::string full = plan->to_json();
  const auto again = Plan::from_json(builtin(), full);
  REQUIRE(again);
  CHECK(again->sessions().size() == most);
  // One more would make a document that no default reader takes: refused.
  const auto refused = plan->log(relief_session(*plan));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == ErrorCode::limit_exceeded);
  CHECK(refused.error().message() == "session refused; the plan is full");
  REQUIRE(refused.error().diagnostics().size() == 1);
  CHECK(refused.error().diagnostics()[0].message ==
        "the plan holds 10000 sessions, the most a plan document may hold; start a new plan");
  CHECK(plan->to_json() == full);
}

TEST_CASE("a plan document with more sessions than the limit is refused at the first extra one",
          "[limits][plan]") {
  const std::size_t most = PlanLimits{}.max_sessions;
  const auto plan = Plan::from_json(builtin(), maintenance_document(most + 1));
  REQUIRE_FALSE(plan);
  CHECK(plan.error().code() == ErrorCode::limit_exceeded);
  CHECK(plan.error().path() == "/sessions/10000");
  CHECK(plan.error().diagnostics()[0].message == "an array has more than 10000 elements");
  // A host may set a lower limit of its own. The reader's array limit is never
  // below the knowledge base's candidate count (a plan lists candidates), so
  // the lower limit is taken above it for the parser to stop at the first
  // extra session.
  PlanLimits limits;
  limits.max_sessions = std::max<std::size_t>(100, builtin().candidates().size() + 1);
  const auto small =
      Plan::from_json(builtin(), maintenance_document(limits.max_sessions + 1), limits);
  REQUIRE_FALSE(small);
  CHECK(small.error().code() == ErrorCode::limit_exceeded);
  CHECK(small.error().path() == "/sessions/" + std::to_string(limits.max_sessions));
}

TEST_CASE("a plan document larger than max_bytes is refused before it is parsed",
          "[limits][plan]") {
  PlanLimits limits;
  limits.max_bytes = 1000;
  // Not even JSON: the size is checked first.
  const std::string text(limits.max_bytes + 1, '{');
  const auto plan = Plan::from_json(builtin(), text, limits);
  REQUIRE_FALSE(plan);
  CHECK(plan.error().code() == ErrorCode::limit_exceeded);
  CHECK(plan.error().path().empty());
  CHECK(plan.error().diagnostics()[0].message == "the document is 1001 bytes; the limit is 1000");
}

TEST_CASE("a session document larger than 64 KiB is refused before it is parsed",
          "[limits][plan]") {
  const std::string text((64U << 10U) + 1, ' ');
  const auto session = myoref::parse_session(text);
  REQUIRE_FALSE(session);
  CHECK(session.error().code() == ErrorCode::limit_exceeded);
  CHECK(session.error().message() == "session is too large");
}
