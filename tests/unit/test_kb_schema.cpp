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
#include <utility>
#include <vector>

#include "kb/chart_schema.hpp"
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

// The fields the writer may leave out (their rule's Written is not always).
template <class Table>
std::vector<std::string> may_leave_out(const Table& table) {
  namespace schema = myoref::schema;
  std::vector<std::string> out;
  schema::for_each_field(table, [&out](const auto& f) {
    if (schema::written_of(f) != schema::Written::always)
      out.emplace_back(f.name);
  });
  return out;
}

std::vector<std::string> keys(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& kv : v.as_object())
    out.emplace_back(kv.key());
  return out;
}

// The table's names in its order, less those that may be left out and are.
template <class Table>
std::vector<std::string> expected_keys(const json::value& written, const Table& table) {
  const std::vector<std::string> present = keys(written);
  const std::vector<std::string> optional = may_leave_out(table);
  std::vector<std::string> out;
  for (const std::string& name : table_names(table)) {
    if (std::find(present.begin(), present.end(), name) != present.end() ||
        std::find(optional.begin(), optional.end(), name) == optional.end())
      out.push_back(name);
  }
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
  CHECK(keys(doc.at_pointer(path)) == expected_keys(doc.at_pointer(path), table));

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
  // A group of muscles coded by its members ("codes": {"parts": [...]}).
  const json::value doc = canonical();
  const auto& muscles = doc.at("muscles").as_array();
  std::size_t grouped = 0;
  while (grouped < muscles.size() && !muscles[grouped].at("codes").as_object().contains("parts"))
    ++grouped;
  REQUIRE(grouped < muscles.size());
  check_record(schema::kCitation, "/citations/0");
  check_record(schema::kTriggerPoint, "/muscles/0/trigger_points/0");
  check_record(schema::kAgeRule, "/age_rule");
  check_record(schema::kFinding, "/findings/0");
  check_record(schema::kRedFlag, "/red_flags/0");
  check_record(schema::kPrecaution, "/precautions/0");
  check_record(schema::kTriageRule, "/rules/0");
  check_record(schema::kScreen, "/screens/0");
  check_record(schema::kLookalike, "/lookalikes/0");
  check_record(schema::kLookalikeFeatures, "/lookalikes/0/features");
  check_record(schema::kExercise, "/exercises/0");
  check_record(schema::kDose, "/exercises/0/dose");
  check_record(schema::kMuscle, "/muscles/0");
  check_record(schema::kCodes, "/muscles/" + std::to_string(grouped) + "/codes");
  check_record(schema::kMemberCodes, "/muscles/" + std::to_string(grouped) + "/codes/parts/0");
  check_record(schema::kStatement, "/muscles/0/summary");
  check_record(schema::kStatement, "/muscles/0/actions/0");
  check_record(schema::kLayer, "/muscles/0/layer");
  check_record(schema::kAttachments, "/muscles/0/attachments");
  check_record(schema::kFindingWeight, "/muscles/0/findings/0");
  check_record(schema::kChart, "/chart");
  check_record(schema::kChartOutline, "/chart/outline");
  check_record(schema::kChartShape, "/chart/shapes/3");
  check_record(schema::kChartMark, "/chart/marks/0");
}

TEST_CASE("schema: the chart's shapes and marks are written with their tables' keys",
          "[kb][schema]") {
  namespace schema = myoref::schema;
  const json::value doc = canonical();
  const json::value& chart = doc.at("chart");
  CHECK(keys(chart) == table_names(schema::kChart));
  CHECK(keys(chart.at("outline")) == table_names(schema::kChartOutline));
  REQUIRE(!chart.at("shapes").as_array().empty());
  for (const auto& s : chart.at("shapes").as_array())
    CHECK(keys(s) == table_names(schema::kChartShape));
  REQUIRE(!chart.at("marks").as_array().empty());
  for (const auto& m : chart.at("marks").as_array())
    CHECK(keys(m) == table_names(schema::kChartMark));
}

TEST_CASE("schema: a bad point of the chart is reported at its path", "[kb][schema]") {
  json::value doc = canonical();
  const double width = doc.at_pointer("/chart/width").to_number<double>();
  doc.at_pointer("/chart/shapes/3/points").as_array().at(2) = "12, 40";
  doc.at_pointer("/chart/shapes/5/points").as_array().at(1) = json::array{1, 2, 3};
  doc.at_pointer("/chart/marks/2/at").as_array().at(0) = width + 1;
  // One closed shape of one point. (Not json::array{json::array{1, 2}}: clang
  // reads those braces as a copy of the inner array, g++ as a list of one.)
  json::array one_point;
  one_point.emplace_back(json::array{1, 2});
  doc.at_pointer("/chart/outline/back").as_array().at(0) = std::move(one_point);
  const auto problems = load_problems(doc);
  std::string listed;
  for (const auto& p : problems)
    listed += p.path + ": " + p.message + "\n";
  INFO(listed);
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].path == "/chart/outline/back/0");
  CHECK(problems[0].message == "a closed shape needs at least 3 points, found 1");
  CHECK(problems[1].path == "/chart/shapes/3/points/2");
  CHECK(problems[1].message == "expected a point [x, y], found a string");
  CHECK(problems[2].path == "/chart/shapes/5/points/1");
  CHECK(problems[2].message == "expected a point [x, y], found an array of 3 items");
  // A mark that is not placed leaves its trigger point unmarked.
  CHECK(problems[3].path == "/chart/marks");
  CHECK(problems[3].message.find("has no mark") != std::string::npos);
  CHECK(problems[4].path == "/chart/marks/2/at/0");
  CHECK(problems[4].message.find("must be between 0 and ") == 0);

  // A view a shape is drawn in is offered as front or back, never both.
  json::value view = canonical();
  record(view, "/chart/shapes/0")["view"] = "bakc";
  bool offered = false;
  for (const auto& p : load_problems(view)) {
    offered = offered || (p.path == "/chart/shapes/0/view" &&
                          p.message ==
                              "\"bakc\" is not one of front or back (did you mean "
                              "\"back\"?)");
  }
  CHECK(offered);
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
  for (const auto& m : doc.at("muscles").as_array()) {
    CHECK(keys(m) == table_names(schema::kMuscle));
    // "parts" only for a group of muscles that has its members' codes.
    std::vector<std::string> codes = table_names(schema::kCodes);
    if (!m.at("codes").as_object().contains("parts"))
      codes.erase(std::find(codes.begin(), codes.end(), "parts"));
    CHECK(keys(m.at("codes")) == codes);
    CHECK(keys(m.at("layer")) == table_names(schema::kLayer));
    CHECK(keys(m.at("attachments")) == table_names(schema::kAttachments));
    for (const auto& w : m.at("findings").as_array())
      CHECK(keys(w) == table_names(schema::kFindingWeight));
    for (const auto& d : m.at("differentials").as_array())
      CHECK(keys(d) == table_names(schema::kStatement));
  }
  for (const auto& f : doc.at("red_flags").as_array())
    CHECK(keys(f) == table_names(schema::kRedFlag));
  REQUIRE(!doc.at("screens").as_array().empty());
  // A field that may be left out is left out, never written as null or [].
  const auto left_out_when_unset = [](const json::value& v, const auto& table) {
    for (const std::string& name : may_leave_out(table)) {
      const json::value* given = v.as_object().if_contains(name);
      CHECK((given == nullptr ||
             (!given->is_null() && !(given->is_array() && given->as_array().empty()))));
    }
  };
  std::size_t without_sex = 0;
  for (const auto& x : doc.at("screens").as_array()) {
    CHECK(keys(x) == expected_keys(x, schema::kScreen));
    left_out_when_unset(x, schema::kScreen);
    if (!x.as_object().contains("sex"))
      ++without_sex;
  }
  CHECK(without_sex > 0);
  REQUIRE(!doc.at("lookalikes").as_array().empty());
  for (const auto& l : doc.at("lookalikes").as_array()) {
    CHECK(keys(l) == expected_keys(l, schema::kLookalike));
    CHECK(keys(l.at("features")) == expected_keys(l.at("features"), schema::kLookalikeFeatures));
    left_out_when_unset(l, schema::kLookalike);
    left_out_when_unset(l.at("features"), schema::kLookalikeFeatures);
  }
}

TEST_CASE("schema: a field left out when unset is written when set", "[kb][schema]") {
  namespace schema = myoref::schema;
  json::value doc = canonical();
  json::object& screen = record(doc, "/screens/0");
  screen["age_min"] = 18;
  screen["age_max"] = 90;
  screen["sex"] = json::array{"female"};
  screen["onset_not"] = "sudden";
  json::object& lookalike = record(doc, "/lookalikes/0");
  lookalike["level"] = "see_clinician";
  json::object& features = record(doc, "/lookalikes/0/features");
  features["age_min"] = 30;
  features["age_max"] = 80;
  features["duration_min_days"] = 2;
  features["duration_max_days"] = 400;
  features["onset"] = "gradual";
  REQUIRE(load_problems(doc).empty());
  const json::value written =
      json::parse(KnowledgeBase::from_json(json::serialize(doc))->to_json());
  const json::value& x = written.at_pointer("/screens/0");
  CHECK(keys(x) == table_names(schema::kScreen));
  CHECK(x.at("age_min") == 18);
  CHECK(x.at("age_max") == 90);
  CHECK(x.at("sex") == json::array{"female"});
  CHECK(x.at("onset_not") == "sudden");
  const json::value& l = written.at_pointer("/lookalikes/0");
  CHECK(keys(l) == table_names(schema::kLookalike));
  CHECK(l.at("level") == "see_clinician");
  const json::value& f = l.at("features");
  CHECK(keys(f) == table_names(schema::kLookalikeFeatures));
  CHECK(f.at("age_min") == 30);
  CHECK(f.at("age_max") == 80);
  CHECK(f.at("duration_min_days") == 2);
  CHECK(f.at("duration_max_days") == 400);
  CHECK(f.at("onset") == "gradual");

  // A sex or an onset that is not one is refused at its path.
  json::value wrong = doc;
  record(wrong, "/screens/0")["sex"] = json::array{"female", "neither"};
  record(wrong, "/lookalikes/0/features")["onset"] = "slowly";
  const auto problems = load_problems(wrong);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].path == "/screens/0/sex/1");
  CHECK(problems[0].message == "\"neither\" is not one of female or male");
  CHECK(problems[1].path == "/lookalikes/0/features/onset");
  CHECK(problems[1].message == "\"slowly\" is not one of sudden or gradual");

  // ... with the closest spelling when there is one, as for every enum.
  json::value near = doc;
  record(near, "/screens/0")["onset_not"] = "suden";
  const auto near_problems = load_problems(near);
  REQUIRE(near_problems.size() == 1);
  CHECK(near_problems[0].path == "/screens/0/onset_not");
  CHECK(near_problems[0].message ==
        "\"suden\" is not one of sudden or gradual (did you mean \"sudden\"?)");
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
