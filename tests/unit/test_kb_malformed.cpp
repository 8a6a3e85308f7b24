// Malformed knowledge bases: each is minimal.json with a few edits, and each
// must be refused with exactly the diagnostics listed (path and message), in
// document order.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "myoref/kb.hpp"
#include "support.hpp"
#include "util/json.hpp"

namespace json = boost::json;
using myoref::ErrorCode;
using myoref::KnowledgeBase;

namespace {

json::value minimal_doc() {
  return myoref::detail::parse_json(myoref::test::minimal_kb_text(), {}, "kb").value();
}

// The parent of a JSON pointer and its last token.
std::pair<std::string, std::string> split(const std::string& pointer) {
  const auto slash = pointer.rfind('/');
  return {pointer.substr(0, slash), pointer.substr(slash + 1)};
}

void set(json::value& doc, const std::string& pointer, json::value v) {
  const auto [parent, token] = split(pointer);
  json::value& p = parent.empty() ? doc : doc.at_pointer(parent);
  if (p.is_object()) {
    p.as_object()[token] = std::move(v);
  } else {
    p.as_array().at(std::stoul(token)) = std::move(v);
  }
}

void erase(json::value& doc, const std::string& pointer) {
  const auto [parent, token] = split(pointer);
  json::value& p = parent.empty() ? doc : doc.at_pointer(parent);
  if (p.is_object()) {
    REQUIRE(p.as_object().erase(token) == 1);
  } else {
    auto& a = p.as_array();
    a.erase(a.begin() + static_cast<std::ptrdiff_t>(std::stoul(token)));
  }
}

void append(json::value& doc, const std::string& pointer, json::value v) {
  doc.at_pointer(pointer).as_array().push_back(std::move(v));
}

json::value parse(const char* text) {
  return json::parse(text);
}

// Two precautions for the ruled_out_by cases (minimal.json defines none).
json::value precautions() {
  return parse(R"([{"id": "blood_thinners", "name": "Blood-thinning medicine",
                    "what": "You take a blood thinner.", "changes": ["Hand pressure only."],
                    "cite": ["donnelly2019"]},
                   {"id": "pregnant", "name": "Pregnancy", "what": "You are pregnant.",
                    "changes": ["No pressure through the belly."], "cite": ["donnelly2019"]}])");
}

struct Expect {
  std::string path;
  std::string message;  // the diagnostic's message contains this
};

struct Case {
  const char* name;
  std::function<void(json::value&)> edit;
  std::vector<Expect> expected;  // all of them, in document order
  ErrorCode code = ErrorCode::invalid_input;
};

void check_refused(const Case& c) {
  json::value doc = minimal_doc();
  c.edit(doc);
  const auto kb = KnowledgeBase::from_json(json::serialize(doc));
  INFO("case: " << c.name);
  if (kb) {
    FAIL_CHECK("loaded");
    return;
  }
  const auto& error = kb.error();
  INFO(error.to_string());
  CHECK(error.code() == c.code);
  CHECK(error.diagnostics().size() == c.expected.size());
  if (error.diagnostics().size() != c.expected.size())
    return;
  for (std::size_t i = 0; i < c.expected.size(); ++i) {
    const auto& d = error.diagnostics()[i];
    CHECK(d.path == c.expected[i].path);
    CHECK_THAT(d.message, Catch::Matchers::Contains(c.expected[i].message));
  }
}

}  // namespace

TEST_CASE("the unedited minimal.json loads (the cases below start from it)", "[kb][malformed]") {
  CHECK(KnowledgeBase::from_json(json::serialize(minimal_doc())));
}

TEST_CASE("malformed knowledge bases are refused with every error and its path",
          "[kb][malformed]") {
  const std::vector<Case> cases{
      {"top level is not an object",
       [](json::value& d) {
         d = json::array{1, 2};
       },
       {{"", "a knowledge base is a JSON object; found an array"}}},
      {"unknown top-level field",
       [](json::value& d) { set(d, "/exercize", json::array{}); },
       {{"/exercize", "unknown field \"exercize\" (did you mean \"exercises\"?)"}}},
      {"missing required top-level field",
       [](json::value& d) { erase(d, "/title"); },
       {{"/title", "required field \"title\" is missing"}}},
      {"another schema version",
       [](json::value& d) { set(d, "/schema", "myoref.kb/2"); },
       {{"/schema", "this library reads \"myoref.kb/1\", not \"myoref.kb/2\""}},
       ErrorCode::unsupported_version},
      {"not a schema at all",
       [](json::value& d) { set(d, "/schema", "kb"); },
       {{"/schema", "expected \"myoref.kb/1\", found \"kb\""}}},
      {"bad version and id",
       [](json::value& d) {
         set(d, "/version", "1.0");
         set(d, "/id", "My KB");
       },
       {{"/id", "\"My KB\" is not a valid id"},
        {"/version", "\"1.0\" is not a version of the form MAJOR.MINOR.PATCH"}}},
      {"wrong type",
       [](json::value& d) { set(d, "/regions/0/name", 5); },
       {{"/regions/0/name", "expected a string, found a number"}}},
      {"blank required string",
       [](json::value& d) { set(d, "/findings/1/question", "  "); },
       {{"/findings/1/question", "must not be empty"}}},
      {"unknown laterality with suggestion",
       [](json::value& d) { set(d, "/regions/1/laterality", "pairred"); },
       {{"/regions/1/laterality",
         "\"pairred\" is not one of paired or midline (did you mean \"paired\"?)"}}},
      {"duplicate region id",
       [](json::value& d) {
         append(d, "/regions",
                parse(R"({"id": "sacrum", "name": "Sacrum again", "laterality": "midline",
                          "view": "back", "what": "again"})"));
       },
       {{"/regions/7/id", "duplicate region id \"sacrum\" (first at /regions/3)"}}},
      {"duplicate citation key",
       [](json::value& d) {
         append(d, "/citations", parse(R"({"key": "davies2013", "text": "again"})"));
       },
       {{"/citations/3/key", "duplicate citation key \"davies2013\" (first at /citations/1)"}}},
      {"unknown region with suggestion",
       [](json::value& d) { set(d, "/muscles/0/trigger_points/0/spillover/0", "buttock_uper"); },
       {{"/muscles/0/trigger_points/0/spillover/0",
         "unknown region \"buttock_uper\" (did you mean \"buttock_upper\"?)"}}},
      {"unknown citation with suggestion",
       [](json::value& d) { set(d, "/muscles/1/summary/cite/0", "donelly2019"); },
       {{"/muscles/1/summary/cite/0",
         "unknown citation \"donelly2019\" (did you mean \"donnelly2019\"?)"}}},
      {"repeated citation key",
       [](json::value& d) { append(d, "/red_flags/0/cite", "finucane2020"); },
       {{"/red_flags/0/cite/1", "citation \"finucane2020\" is listed twice"}}},
      {"unknown red-flag level",
       [](json::value& d) { set(d, "/red_flags/1/level", "urgnt"); },
       {{"/red_flags/1/level", "(did you mean \"urgent\"?)"}}},
      {"age rule out of range and inverted",
       [](json::value& d) {
         set(d, "/age_rule/younger_than", 70);
         set(d, "/age_rule/max_duration_days", -1);
       },
       {{"/age_rule/younger_than", "must not be greater than older_than (55)"},
        {"/age_rule/max_duration_days", "must be between 0 and 36500, found -1"}}},
      {"age rule missing",
       [](json::value& d) { erase(d, "/age_rule"); },
       {{"/age_rule", "required field \"age_rule\" is missing"}}},
      {"finding weights out of range, zero and repeated",
       [](json::value& d) {
         set(d, "/muscles/0/findings/0/weight", 1.5);
         set(d, "/muscles/0/findings/1/weight", 0);
         append(d, "/muscles/1/findings",
                parse(R"({"id": "sitting_long", "weight": 0.1, "cite": ["donnelly2019"]})"));
       },
       {{"/muscles/0/findings/0/weight", "must be between -1 and 1, found 1.5"},
        {"/muscles/0/findings/1/weight", "must not be 0"},
        {"/muscles/1/findings/1/id", "finding \"sitting_long\" is weighted twice"}}},
      {"finding weight finer than a thousandth",
       [](json::value& d) {
         set(d, "/muscles/0/findings/0/weight", 0.3333);
         set(d, "/muscles/0/findings/1/weight", -0.125);  // to the thousandth: fine
       },
       {{"/muscles/0/findings/0/weight",
         "0.3333 has more than three decimals: weights are given to the thousandth"}}},
      {"unknown finding",
       [](json::value& d) { set(d, "/muscles/2/findings/0/id", "sitting"); },
       {{"/muscles/2/findings/0/id", "unknown finding \"sitting\""}}},
      {"alias taken by another muscle's alias and another muscle's id",
       [](json::value& d) {
         append(d, "/muscles/2/aliases", "psoas");
         append(d, "/muscles/2/aliases", "gluteus_medius");
       },
       {{"/muscles/2/aliases/1", "alias \"psoas\" is already an alias of muscle \"iliopsoas\""},
        {"/muscles/2/aliases/2",
         "alias \"gluteus_medius\" is already the id of muscle /muscles/0"}}},
      {"alias used where a muscle id is needed",
       [](json::value& d) { set(d, "/exercises/2/targets/0", "psoas"); },
       // (the protocol's target check waits until the targets are good)
       {{"/exercises/2/targets/0",
         "\"psoas\" is an alias of muscle \"iliopsoas\"; refer to a muscle by its id"}}},
      {"related: itself, unknown, twice",
       [](json::value& d) {
         set(d, "/muscles/1/related",
             json::array{"iliopsoas", "gluteus_medus", "gluteus_medius", "gluteus_medius"});
       },
       {{"/muscles/1/related/0", "a muscle is not related to itself"},
        {"/muscles/1/related/1",
         "unknown muscle \"gluteus_medus\" (did you mean \"gluteus_medius\"?)"},
        {"/muscles/1/related/3", "muscle \"gluteus_medius\" is listed twice"}}},
      {"region in both essential and spillover",
       [](json::value& d) { append(d, "/muscles/0/trigger_points/0/spillover", "sacrum"); },
       {{"/muscles/0/trigger_points/0/spillover/1",
         "region \"sacrum\" is already in the essential zone"}}},
      {"empty essential zone and duplicate trigger point id",
       [](json::value& d) {
         set(d, "/muscles/0/trigger_points/1/essential", json::array{});
         set(d, "/muscles/0/trigger_points/1/id", "posterior");
       },
       // The chart's mark for "anterior" now names a trigger point that is
       // gone, and "posterior" is marked twice.
       {{"/muscles/0/trigger_points/1/id", "duplicate trigger point id \"posterior\""},
        {"/muscles/0/trigger_points/1/essential", "must not be empty"},
        {"/chart/marks/1/trigger_point", "has no trigger point \"anterior\""}}},
      {"trigger point sides against the muscle's laterality",
       [](json::value& d) {
         set(d, "/muscles/1/trigger_points/0/side", "midline");
         set(d, "/muscles/2/trigger_points/0/side", "same");
       },
       {{"/muscles/1/trigger_points/0/side", "side \"midline\" is for a midline muscle"},
        {"/muscles/2/trigger_points/0/side",
         "a midline muscle's trigger points have side \"midline\""}}},
      {"no trigger points",
       [](json::value& d) { set(d, "/muscles/1/trigger_points", json::array{}); },
       {{"/muscles/1/trigger_points", "must not be empty"},
        {"/chart/marks/2/trigger_point", "muscle \"iliopsoas\" has no trigger point \"iliacus\""}}},
      {"protocol exercise of the wrong step and without the muscle in its targets",
       [](json::value& d) {
         append(d, "/muscles/0/protocol/release", "hip_cross_stretch");
         set(d, "/muscles/1/protocol/release", json::array{"hip_hand_release"});
       },
       {{"/muscles/0/protocol/release/2",
         "exercise \"hip_cross_stretch\" is a stretch exercise, not release"},
        {"/muscles/1/protocol/release/0",
         "exercise \"hip_hand_release\" does not list \"iliopsoas\" in its targets"}}},
      {"empty protocol step and unknown step",
       [](json::value& d) {
         set(d, "/muscles/2/protocol/stretch", json::array{});
         set(d, "/muscles/2/protocol/strech", json::array{});
       },
       {{"/muscles/2/protocol/stretch", "must not be empty"},
        {"/muscles/2/protocol/strech", "unknown field \"strech\" (did you mean \"stretch\"?)"}}},
      {"unknown exercise in a protocol",
       [](json::value& d) { set(d, "/muscles/0/protocol/stretch/0", "hip_cross_strech"); },
       {{"/muscles/0/protocol/stretch/0",
         "unknown exercise \"hip_cross_strech\" (did you mean \"hip_cross_stretch\"?)"}}},
      {"dose: nothing to count, out of range, not whole",
       [](json::value& d) {
         set(d, "/exercises/0/dose", parse(R"({"per_side": true, "frequency": "daily"})"));
         set(d, "/exercises/1/dose/hold_seconds", 0);
         set(d, "/exercises/2/dose/repetitions", 2.5);
       },
       {{"/exercises/0/dose",
         "a dose needs at least one of hold_seconds, repetitions, sets or duration_seconds"},
        {"/exercises/1/dose/hold_seconds", "must be between 1 and 600, found 0"},
        {"/exercises/2/dose/repetitions", "expected a whole number, found 2.5"}}},
      {"dose frequency missing",
       [](json::value& d) { erase(d, "/exercises/4/dose/frequency"); },
       {{"/exercises/4/dose/frequency", "required field \"frequency\" is missing"}}},
      {"equipment: unknown, repeated, none with others",
       [](json::value& d) {
         set(d, "/exercises/4/equipment", json::array{"mat", "foam_rollr", "mat"});
         set(d, "/exercises/5/equipment", json::array{"none", "mat"});
       },
       {{"/exercises/4/equipment/1",
         "unknown equipment \"foam_rollr\" (did you mean \"foam_roller\"?)"},
        {"/exercises/4/equipment/2", "equipment \"mat\" is listed twice"},
        {"/exercises/5/equipment", "\"none\" cannot be listed with other equipment"}}},
      {"a release exercise with no tool",
       [](json::value& d) { set(d, "/exercises/2/equipment", json::array{"none"}); },
       {{"/exercises/2/equipment", "a release exercise names the tool it uses"}}},
      {"regression: itself, another step, unknown",
       [](json::value& d) {
         set(d, "/exercises/0/regression", "hip_ball_release");
         set(d, "/exercises/4/regression", "hip_hand_release");
         set(d, "/exercises/5/progression", "kneeling_hip_flexor_stretch_2");
       },
       {{"/exercises/0/regression", "an exercise is not its own regression"},
        {"/exercises/4/regression",
         "exercise \"hip_hand_release\" is a release exercise; a regression belongs to the same "
         "step (stretch)"},
        {"/exercises/5/progression", "unknown exercise \"kneeling_hip_flexor_stretch_2\""}}},
      {"progressions that loop",
       [](json::value& d) { set(d, "/exercises/8/progression", "side_lying_leg_lift"); },
       {{"/exercises/7/progression",
         "the progressions loop: \"side_lying_leg_lift\" -> \"banded_side_step\" -> "
         "\"side_lying_leg_lift\""}}},
      {"empty instructions and cues, blank instruction",
       [](json::value& d) {
         set(d, "/exercises/6/instructions", json::array{"Lie on your back.", ""});
         set(d, "/exercises/6/cues", json::array{});
       },
       {{"/exercises/6/instructions/1", "must not be empty"},
        {"/exercises/6/cues", "must not be empty"}}},
      {"unknown step",
       [](json::value& d) { set(d, "/exercises/9/step", "strenghten"); },
       {{"/exercises/9/step", "(did you mean \"strengthen\"?)"}}},
      {"muscle codes, layer and attachments",
       [](json::value& d) {
         set(d, "/muscles/0/codes/fma", "FMA22315");
         set(d, "/muscles/0/codes/mesh", "D0001");
         set(d, "/muscles/1/layer/over", json::array{});
         erase(d, "/muscles/2/attachments/insertion");
       },
       {{"/muscles/0/codes/fma", "\"FMA22315\" is not an ontology number (digits only)"},
        {"/muscles/0/codes/mesh", "unknown field \"mesh\""},
        {"/muscles/1/layer", "a layer names what lies over the muscle, under it, or both"},
        {"/muscles/2/attachments/insertion", "required field \"insertion\" is missing"}}},
      {"statements without text or citations",
       [](json::value& d) {
         set(d, "/muscles/0/actions/0", parse(R"({"text": "Lifts the thigh.", "cite": []})"));
         set(d, "/muscles/0/symptoms", json::array{});
         set(d, "/muscles/1/self_test", parse(R"({"cite": ["davies2013"]})"));
       },
       {{"/muscles/0/actions/0/cite", "must not be empty"},
        {"/muscles/0/symptoms", "must not be empty"},
        {"/muscles/1/self_test/text", "required field \"text\" is missing"}}},
      {"chart: too few points, outside the box, wrong view, unknown region",
       [](json::value& d) {
         set(d, "/chart/shapes/2/points", parse("[[60, 190], [97, 190]]"));
         set(d, "/chart/shapes/3/points/1", parse("[201, 202]"));
         set(d, "/chart/shapes/7/view", "back");
         set(d, "/chart/shapes/8/region", "perineun");
       },
       {{"/chart/shapes", "region \"groin\" has no shape in the front view"},
        {"/chart/shapes", "region \"perineum\" has no shape in the front view"},
        {"/chart/shapes/2/points", "a closed shape needs at least 3 points, found 2"},
        {"/chart/shapes/3/points/1/0", "must be between 0 and 200, found 201"},
        {"/chart/shapes/7/view", "region \"groin\" is shown in the front view only"},
        {"/chart/shapes/8/region", "unknown region \"perineun\" (did you mean \"perineum\"?)"}}},
      {"chart: a region without its shape, a trigger point without its mark",
       [](json::value& d) {
         erase(d, "/chart/marks/2");
         erase(d, "/chart/shapes/0");
       },
       {{"/chart/shapes", "region \"head\" has no shape in the front view"},
        {"/chart/marks", "trigger point \"iliacus\" of muscle \"iliopsoas\" has no mark"}}},
      {"chart: marks naming unknown things, twice, in no view",
       [](json::value& d) {
         set(d, "/chart/marks/0/trigger_point", "posterio");
         append(d, "/chart/marks",
                parse(R"({"muscle": "iliopsoas", "trigger_point": "iliacus", "view": "front",
                          "at": [120, 200]})"));
         set(d, "/chart/marks/3/view", "both");
         set(d, "/chart/height", 0);
       },
       {{"/chart/height", "must be greater than 0"},
        {"/chart/marks", "trigger point \"posterior\" of muscle \"gluteus_medius\" has no mark"},
        {"/chart/marks", "trigger point \"levator\" of muscle \"pelvic_floor\" has no mark"},
        {"/chart/marks/0/trigger_point",
         "muscle \"gluteus_medius\" has no trigger point \"posterio\" (did you mean "
         "\"posterior\"?)"},
        {"/chart/marks/3/view", "a mark is drawn in one view"},
        {"/chart/marks/4",
         "trigger point \"iliacus\" of muscle \"iliopsoas\" is already marked in the front view"}}},
      {"chart: missing outline view, unknown field",
       [](json::value& d) {
         erase(d, "/chart/outline/back");
         set(d, "/chart/colour", "red");
       },
       {{"/chart/outline/back", "required field \"back\" is missing"},
        {"/chart/colour", "unknown field \"colour\""}}},
      {"ruled_out_by missing: nothing rules it out is said on purpose",
       [](json::value& d) {
         set(d, "/precautions", precautions());
         erase(d, "/exercises/3/ruled_out_by");
       },
       {{"/exercises/3/ruled_out_by", "required field \"ruled_out_by\" is missing"}}},
      {"ruled_out_by: unknown precaution, listed twice, not a list",
       [](json::value& d) {
         set(d, "/precautions", precautions());
         set(d, "/exercises/0/ruled_out_by", json::array{"blood_thiners", "pregnant"});
         set(d, "/exercises/1/ruled_out_by", json::array{"pregnant", "pregnant"});
         set(d, "/exercises/2/ruled_out_by", "pregnant");
       },
       {{"/exercises/0/ruled_out_by/0",
         "unknown precaution \"blood_thiners\" (did you mean \"blood_thinners\"?)"},
        {"/exercises/1/ruled_out_by/1", "precaution \"pregnant\" is listed twice"},
        {"/exercises/2/ruled_out_by", "expected an array, found a string"}}},
      {"ruled_out_by names a precaution the knowledge base does not define",
       [](json::value& d) { set(d, "/exercises/5/ruled_out_by", json::array{"pregnant"}); },
       {{"/exercises/5/ruled_out_by/0", "unknown precaution \"pregnant\""}}},
      {"a muscle that is not an object, an exercise that is null",
       [](json::value& d) {
         set(d, "/muscles/2", "pelvic_floor");
         set(d, "/exercises/9", nullptr);
       },
       // What named them is now unknown too: every reference reports it.
       {{"/muscles/0/related/1", "unknown muscle \"pelvic_floor\""},
        {"/muscles/1/protocol/strengthen/0", "unknown exercise \"marching_bridge\""},
        {"/muscles/2", "expected an object, found a string"},
        {"/exercises/3/targets/0", "unknown muscle \"pelvic_floor\""},
        {"/exercises/6/targets/0", "unknown muscle \"pelvic_floor\""},
        {"/exercises/9", "expected an object, found null"},
        {"/chart/marks/3/muscle", "unknown muscle \"pelvic_floor\""}}},
  };
  CHECK(cases.size() >= 25);
  for (const auto& c : cases)
    check_refused(c);
}

TEST_CASE("no citations at all: every citation is unknown, each reported", "[kb][malformed]") {
  json::value doc = minimal_doc();
  set(doc, "/citations", json::array{});
  const auto kb = KnowledgeBase::from_json(json::serialize(doc));
  REQUIRE_FALSE(kb);
  const auto& ds = kb.error().diagnostics();
  REQUIRE(ds.size() > 40);
  CHECK(ds[0].path == "/citations");
  CHECK(ds[0].message == "must not be empty");
  CHECK(ds[1].path == "/red_flags/0/cite/0");
  CHECK(ds[1].message == "unknown citation \"finucane2020\"");
  CHECK(ds.back().path == "/exercises/9/cite/0");
}

TEST_CASE("several errors at once are all reported, in document order", "[kb][malformed]") {
  json::value doc = minimal_doc();
  set(doc, "/exercises/3/dose/duration_seconds", 4000);
  set(doc, "/muscles/1/trigger_points/0/essential/0", "grion");
  erase(doc, "/regions/2/what");
  set(doc, "/regions/4/view", "side");
  set(doc, "/red_flags/0/advise", "Go now.");
  set(doc, "/muscles/0/midline", "no");
  const auto kb = KnowledgeBase::from_json(json::serialize(doc));
  REQUIRE_FALSE(kb);
  CHECK(kb.error().code() == ErrorCode::invalid_input);
  CHECK(kb.error().message() == "the knowledge base has 6 errors");
  const std::vector<std::string> paths{"/regions/2/what",
                                       "/regions/4/view",
                                       "/red_flags/0/advise",
                                       "/muscles/0/midline",
                                       "/muscles/1/trigger_points/0/essential/0",
                                       "/exercises/3/dose/duration_seconds"};
  REQUIRE(kb.error().diagnostics().size() == paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    CHECK(kb.error().diagnostics()[i].path == paths[i]);
  }
  CHECK(kb.error().diagnostics()[2].message ==
        "unknown field \"advise\" (did you mean \"advice\"?)");
  CHECK(kb.error().diagnostics()[3].message == "expected true or false, found a string");
  CHECK(kb.error().diagnostics()[4].message ==
        "unknown region \"grion\" (did you mean \"groin\"?)");
}

TEST_CASE("text that is not JSON is a parse error with a place", "[kb][malformed]") {
  const auto kb = KnowledgeBase::from_json("{\"schema\": \"myoref.kb/1\",\n \"id\": }");
  REQUIRE_FALSE(kb);
  CHECK(kb.error().code() == ErrorCode::parse);
  CHECK_THAT(kb.error().diagnostics().at(0).message, Catch::Matchers::Contains("line 2"));
}

TEST_CASE("no truncation or corruption of a knowledge base escapes as an exception",
          "[kb][malformed]") {
  const std::string& text = myoref::test::minimal_kb_text();
  for (std::size_t cut = 0; cut < text.size(); cut += 97) {
    CHECK_FALSE(KnowledgeBase::from_json(text.substr(0, cut)));
  }
  // Swap characters that matter to JSON and to the schema.
  for (std::size_t at = 0; at < text.size(); at += 89) {
    std::string bad = text;
    bad[at] = bad[at] == '"' ? '1' : (bad[at] == '[' ? '{' : '"');
    CHECK_NOTHROW(KnowledgeBase::from_json(bad));
  }
}
