// Format-3 plan documents with one bad new field (precautions, duration_days,
// both_sides, the new options), resealed so that the integrity check passes:
// each is refused with invalid_input at that field, and the plan a host holds
// is never one the rules could not have made.
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

std::string resealed(json::object doc) {
  doc.erase("integrity");
  doc["integrity"] = json::object{{"sha256", myoref::detail::plan_integrity(doc)}};
  return json::serialize(doc);
}

struct BadField {
  const char* name;
  std::function<void(json::object&)> change;
  const char* path;
  const char* message;
};

}  // namespace

TEST_CASE("a resealed format-3 plan with one bad new field is refused at that field",
          "[plan][bad_input][document]") {
  myoref::PlanSeed seed = plan_test::glute_seed();
  seed.duration_days = 20;
  const std::string sound = plan_test::start(seed).to_json();
  const json::object doc = json::parse(sound).as_object();
  REQUIRE(doc.at("format_version").as_int64() == 3);
  const BadField cases[] = {
      {"an unknown precaution",
       [](json::object& d) { d["precautions"] = json::array{"blood_thinnners"}; }, "/precautions/0",
       "unknown precaution \"blood_thinnners\""},
      {"precautions that are not a list", [](json::object& d) { d["precautions"] = "none"; },
       "/precautions", "expected"},
      {"a duration beyond 100 years", [](json::object& d) { d["duration_days"] = 40000; },
       "/duration_days", "expected"},
      {"a both-sides flag on a one-sided key",
       [](json::object& d) { d["candidates"].as_array()[0].as_object()["both_sides"] = true; },
       "/candidates/0/key", "a both-sides candidate's key ends in \":both\""},
      {"a both key without the flag",
       [](json::object& d) {
         d["candidates"].as_array()[0].as_object()["key"] = "gluteus_medius:both";
       },
       "/candidates/0/key", "a key ending in \":both\" needs \"both_sides\": true"},
      {"max_candidates of 0",
       [](json::object& d) { d["options"].as_object()["max_candidates"] = 0; },
       "/options/max_candidates", "expected an integer from 1 to 200"},
      {"more candidates than max_candidates",
       [](json::object& d) { d["options"].as_object()["max_candidates"] = 1; }, "/candidates",
       "lists 3 candidates, more than the plan's max_candidates of 1"},
      {"max_exercises_per_step of 11",
       [](json::object& d) { d["options"].as_object()["max_exercises_per_step"] = 11; },
       "/options/max_exercises_per_step", "expected an integer from 1 to 10"},
      {"no_improvement_weeks missing",
       [](json::object& d) { d["options"].as_object().erase("no_improvement_weeks"); },
       "/options/no_improvement_weeks", "missing"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    json::object bad = doc;
    c.change(bad);
    auto r = Plan::from_json(plan_test::test_kb(), resealed(bad));
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == ErrorCode::invalid_input);
    bool found = false;
    for (const auto& d : r.error().diagnostics()) {
      if (d.path == c.path && d.message.find(c.message) != std::string::npos)
        found = true;
    }
    INFO(r.error().to_string());
    CHECK(found);
  }
}

TEST_CASE("a format-2 document that already has format-3 fields is not upgraded over",
          "[plan][document][migration]") {
  const std::string sound = plan_test::start(plan_test::glute_seed()).to_json();
  json::object doc = json::parse(sound).as_object();
  doc["format_version"] = 2;  // says 2, but holds precautions and duration_days
  auto r = Plan::from_json(plan_test::test_kb(), resealed(doc));
  REQUIRE_FALSE(r);
  CHECK(r.error().code() == ErrorCode::invalid_input);
  CHECK(r.error().path() == "/precautions");
}
