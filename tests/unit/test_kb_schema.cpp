// The schema written once (myoref/schema.hpp): for each record with a field
// table, the writer writes exactly the table's fields in its order, and the
// loader reads every one of them (a wrong value in any is reported at its
// path) and no other (a field the table lacks is refused). A writer or loader
// that spells a field of its own fails here. Python's to_dict is checked
// against the same keys in tests/python/test_kb.py.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "myoref/kb.hpp"
#include "myoref/schema.hpp"
#include "support.hpp"
#include "util/json.hpp"

namespace json = myoref::detail::json;
using myoref::KnowledgeBase;

namespace {

json::value canonical() {
  return json::parse(myoref::test::default_kb().to_json());
}

template <class Table>
std::vector<std::string> table_names(const Table& table) {
  const auto names = myoref::schema::names(table);
  return {names.begin(), names.end()};
}

std::vector<std::string> keys(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& kv : v.as_object())
    out.emplace_back(kv.key());
  return out;
}

// The record at `path` (a JSON pointer into the canonical document).
json::object& record(json::value& doc, const std::string& path) {
  return doc.at_pointer(path).as_object();
}

std::vector<myoref::Diagnostic> load_problems(const json::value& doc) {
  const auto kb = KnowledgeBase::from_json(json::serialize(doc));
  if (kb)
    return {};
  return kb.error().diagnostics();
}

bool reported_at(const std::vector<myoref::Diagnostic>& problems, const std::string& at) {
  for (const auto& d : problems) {
    if (d.path.compare(0, at.size(), at) == 0 &&
        (d.path.size() == at.size() || d.path[at.size()] == '/'))
      return true;
  }
  return false;
}

// The writer's keys, the loader's reading of each and its refusal of others.
template <class Table>
void check_record(const Table& table, const std::string& path) {
  INFO("record " << path);
  json::value doc = canonical();
  CHECK(keys(doc.at_pointer(path)) == table_names(table));

  for (const std::string& name : table_names(table)) {
    INFO("field " << name);
    json::value changed = doc;
    record(changed, path)[name] = json::object{{"not_a_value", true}};
    std::string at = path;
    at += '/';
    at += name;
    CHECK(reported_at(load_problems(changed), at));
  }
  json::value extra = doc;
  record(extra, path)["not_in_the_schema"] = 1;
  const auto problems = load_problems(extra);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == path + "/not_in_the_schema");
  CHECK(problems[0].message.find("unknown field") == 0);
}

}  // namespace

TEST_CASE("schema: writer and loader follow each record's field table", "[kb][schema]") {
  namespace schema = myoref::schema;
  check_record(schema::kCitation, "/citations/0");
  check_record(schema::kTriggerPoint, "/muscles/0/trigger_points/0");
  check_record(schema::kAgeRule, "/age_rule");
  check_record(schema::kFinding, "/findings/0");
  check_record(schema::kRedFlag, "/red_flags/0");
  check_record(schema::kPrecaution, "/precautions/0");
  check_record(schema::kTriageRule, "/rules/0");
  check_record(schema::kExercise, "/exercises/0");
  check_record(schema::kDose, "/exercises/0/dose");
}

TEST_CASE("schema: a region's parts are written where it has some", "[kb][schema]") {
  namespace schema = myoref::schema;
  const json::value doc = canonical();
  const auto& regions = doc.at("regions").as_array();
  std::size_t coarse = regions.size();
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].as_object().contains("parts")) {
      if (coarse == regions.size())
        coarse = i;
    } else {
      std::vector<std::string> without = table_names(schema::kRegion);
      without.erase(std::find(without.begin(), without.end(), "parts"));
      CHECK(keys(regions[i]) == without);
    }
  }
  REQUIRE(coarse < regions.size());
  check_record(schema::kRegion, "/regions/" + std::to_string(coarse));
}

TEST_CASE("schema: every record of a kind is written with its table's keys", "[kb][schema]") {
  namespace schema = myoref::schema;
  const json::value doc = canonical();
  for (const auto& e : doc.at("exercises").as_array()) {
    CHECK(keys(e) == table_names(schema::kExercise));
    CHECK(keys(e.at("dose")) == table_names(schema::kDose));
  }
  for (const auto& f : doc.at("findings").as_array())
    CHECK(keys(f) == table_names(schema::kFinding));
  for (const auto& f : doc.at("red_flags").as_array())
    CHECK(keys(f) == table_names(schema::kRedFlag));
}

TEST_CASE("schema: an enum's spellings are its to_string and parse", "[kb][schema]") {
  const auto steps = myoref::spellings<myoref::Step>();
  REQUIRE(steps.size() == static_cast<std::size_t>(myoref::kStepCount));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto step = static_cast<myoref::Step>(i);
    CHECK(myoref::to_string(step) == steps[i]);
    CHECK(myoref::parse_step(steps[i]) == step);
  }
  const auto levels = myoref::spellings<myoref::TriageLevel>();
  for (std::size_t i = 0; i < levels.size(); ++i) {
    CHECK(myoref::to_string(static_cast<myoref::TriageLevel>(i)) == levels[i]);
    CHECK(myoref::parse_triage_level(levels[i]) == static_cast<myoref::TriageLevel>(i));
  }
}

TEST_CASE("schema: a name is found by its member", "[kb][schema]") {
  namespace schema = myoref::schema;
  STATIC_REQUIRE(schema::name_of(schema::kDose, &myoref::Dose::hold_seconds) == "hold_seconds");
  STATIC_REQUIRE(schema::name_of(schema::kExercise, &myoref::Exercise::progression) ==
                 "progression");
}
