// Plan documents that pass the integrity check but not the field checks: a
// host (or a bug) that writes a document and computes its integrity value
// cannot smuggle in a value the rules never produce. Each case changes one
// field of a sound plan, makes the integrity value match again, and expects
// invalid_input with the field's path, and the message that names it.
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "myoref/myoref.hpp"
#include "protocol/document.hpp"
#include "test_plan_support.hpp"
#include "util/json.hpp"

namespace json = boost::json;
using myoref::ErrorCode;
using myoref::Plan;

namespace {

struct BadField {
  const char* name;
  std::function<void(json::object&)> change;
  ErrorCode code;
  const char* path;
  const char* message;  // the start of the diagnostic at `path`
};

std::string resealed(json::object doc) {
  doc.erase("integrity");
  doc["integrity"] = json::object{{"sha256", myoref::detail::plan_integrity(doc)}};
  return json::serialize(doc);
}

json::object& at(json::object& doc, const char* key) {
  return doc[key].as_object();
}
json::object& candidate(json::object& doc, std::size_t i) {
  return doc["candidates"].as_array()[i].as_object();
}
json::object& session(json::object& doc, std::size_t i) {
  return doc["sessions"].as_array()[i].as_object();
}

}  // namespace

TEST_CASE("a resealed plan document with one bad field is refused at that field",
          "[plan][bad_input]") {
  const std::string sound = plan_test::read_text(plan_test::data_path("plan-two-sessions.json"));
  REQUIRE(Plan::from_json(plan_test::test_kb(), sound));
  const BadField cases[] = {
      {"an unknown triage level", [](json::object& d) { at(d, "triage")["level"] = "critical"; },
       ErrorCode::invalid_input, "/triage/level", "unknown triage level \"critical\""},
      {"no candidates", [](json::object& d) { d["candidates"] = json::array(); },
       ErrorCode::invalid_input, "/candidates", "a plan has at least one candidate"},
      {"an unknown candidate", [](json::object& d) { candidate(d, 1)["key"] = "soleus:left"; },
       ErrorCode::invalid_input, "/candidates/1/key", "unknown candidate \"soleus:left\""},
      {"a candidate spelt with an alias",
       [](json::object& d) { candidate(d, 2)["key"] = "psoas:left"; }, ErrorCode::invalid_input,
       "/candidates/2/key", "write the candidate key as \"iliopsoas:left\""},
      {"a candidate listed twice",
       [](json::object& d) { candidate(d, 1)["key"] = "gluteus_medius:left"; },
       ErrorCode::invalid_input, "/candidates/1/key",
       "candidate \"gluteus_medius:left\" is listed twice"},
      {"an unknown candidate status", [](json::object& d) { candidate(d, 1)["status"] = "maybe"; },
       ErrorCode::invalid_input, "/candidates/1/status", "unknown candidate status \"maybe\""},
      {"related that is not true or false",
       [](json::object& d) { candidate(d, 1)["related"] = "yes"; }, ErrorCode::invalid_input,
       "/candidates/1/related", "expected true or false"},
      {"an unknown plan status", [](json::object& d) { d["status"] = "paused"; },
       ErrorCode::invalid_input, "/status", "unknown plan status \"paused\""},
      {"an unknown outcome", [](json::object& d) { d["outcome"] = "won"; },
       ErrorCode::invalid_input, "/outcome", "unknown outcome \"won\""},
      {"a baseline beyond any integer",
       [](json::object& d) { d["baseline_pain"] = std::uint64_t{18446744073709551615U}; },
       ErrorCode::invalid_input, "/baseline_pain", "expected an integer"},
      {"a session with an empty target", [](json::object& d) { session(d, 0)["target"] = ""; },
       ErrorCode::invalid_input, "/sessions/0/target", "must not be empty"},
      {"a session with 17 steps",
       [](json::object& d) {
         json::array steps;
         for (int i = 0; i < 17; ++i)
           steps.emplace_back("release");
         session(d, 0)["steps"] = steps;
       },
       ErrorCode::invalid_input, "/sessions/0/steps", "more than 16 elements"},
      {"a session with 65 red flags",
       [](json::object& d) {
         json::array flags;
         for (int i = 0; i < 65; ++i)
           flags.emplace_back("night_pain");
         session(d, 0)["red_flags"] = flags;
       },
       ErrorCode::invalid_input, "/sessions/0/red_flags", "more than 64 elements"},
      {"a session target spelt with an alias",
       [](json::object& d) {
         // The alias of the first candidate's muscle would need one; use a
         // plan whose first target is iliopsoas.
         candidate(d, 0)["key"] = "iliopsoas:left";
         candidate(d, 2)["key"] = "gluteus_medius:left";
         session(d, 0)["target"] = "psoas:left";
       },
       ErrorCode::invalid_input, "/sessions/0/target",
       "write the candidate key as \"iliopsoas:left\""},
      {"a format version written as text", [](json::object& d) { d["format_version"] = "2"; },
       ErrorCode::invalid_input, "/format_version", "expected a positive integer"},
      {"no knowledge base named", [](json::object& d) { d.erase("kb"); }, ErrorCode::invalid_input,
       "/kb", "expected {\"id\": ..., \"version\": ..., \"hash\": ...}"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    json::object doc = json::parse(sound).as_object();
    c.change(doc);
    const auto plan = Plan::from_json(plan_test::test_kb(), resealed(doc));
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code() == c.code);
    bool found = false;
    for (const auto& d : plan.error().diagnostics()) {
      if (d.path == c.path && d.message.rfind(c.message, 0) == 0)
        found = true;
    }
    CHECK(found);
    if (!found)
      WARN(plan.error().to_string());
  }
}

TEST_CASE("an integrity member with anything beside sha256 is no integrity check",
          "[plan][bad_input]") {
  json::object doc =
      json::parse(plan_test::read_text(plan_test::data_path("plan-two-sessions.json"))).as_object();
  at(doc, "integrity")["by"] = "me";
  const auto plan = Plan::from_json(plan_test::test_kb(), json::serialize(doc));
  REQUIRE_FALSE(plan);
  CHECK(plan.error().code() == ErrorCode::integrity);
  CHECK(plan.error().path() == "/integrity");
}

TEST_CASE("a plan that names the pelvic floor without a side, as before it had sides, is refused",
          "[plan][bad_input][builtin]") {
  // Until issue 17 the built-in pelvic floor was one midline candidate,
  // "pelvic_floor"; now it is "pelvic_floor:left" and "pelvic_floor:right"
  // (docs/knowledge-base.md, "Changing a muscle's sides"). Nothing maps the old
  // key to a side.
  const auto builtin = myoref::KnowledgeBase::builtin();
  REQUIRE(builtin);
  const myoref::KnowledgeBase& kb = *builtin;
  CHECK_FALSE(kb.find_candidate("pelvic_floor"));
  myoref::PlanSeed seed;
  seed.ranking = {*kb.find_candidate("pelvic_floor:left")};
  seed.baseline_pain = 5;
  myoref::PlanOptions options;
  options.append_related = false;
  auto plan = Plan::start(kb, seed, options);
  REQUIRE(plan);
  const json::object sound = json::parse(plan->to_json()).as_object();

  // A plan made before records the older base's hash: refused as another base's
  // before any key is read.
  json::object made_before = sound;
  candidate(made_before, 0)["key"] = "pelvic_floor";
  at(made_before, "kb")["hash"] = std::string(64, '0');
  const auto older = Plan::from_json(kb, resealed(made_before));
  REQUIRE_FALSE(older);
  CHECK(older.error().code() == ErrorCode::kb_mismatch);

  // With this base's hash (edited and resealed), the key itself is unknown.
  json::object edited = sound;
  candidate(edited, 0)["key"] = "pelvic_floor";
  const auto unknown = Plan::from_json(kb, resealed(edited));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code() == ErrorCode::invalid_input);
  bool found = false;
  for (const auto& d : unknown.error().diagnostics()) {
    if (d.path == "/candidates/0/key" && d.message == "unknown candidate \"pelvic_floor\"")
      found = true;
  }
  CHECK(found);

  // A session logged for the old key is refused at its target, the plan unchanged.
  const std::string before = plan->to_json();
  auto logged = plan->log(plan_test::session("2026-12-01", "pelvic_floor", 5, 4));
  REQUIRE_FALSE(logged);
  CHECK(logged.error().path() == "/target");
  CHECK(plan->to_json() == before);
  CHECK(plan->log(plan_test::session("2026-12-01", "pelvic_floor:left", 5, 4)));
}
