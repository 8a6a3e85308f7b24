// Intake: strict parsing, validation of intakes built in code, canonical JSON.
#include <string>
#include <vector>

#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

struct Expect {
  std::string path;
  std::string message_part;
};

void check_rejected(const std::string& json, const std::vector<Expect>& expected,
                    ErrorCode code = ErrorCode::invalid_input) {
  INFO(json);
  auto intake = parse_intake(default_kb(), json);
  REQUIRE_FALSE(intake);
  const Error& e = intake.error();
  INFO(e.to_string());
  CHECK(e.code() == code);
  // Every problem is reported, each once, at its own path.
  REQUIRE(e.diagnostics().size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(e.diagnostics()[i].path == expected[i].path);
    CHECK_THAT(e.diagnostics()[i].message, Catch::Contains(expected[i].message_part));
  }
}

}  // namespace

TEST_CASE("a contract-shaped intake parses to knowledge-base indices", "[assess][intake]") {
  const KnowledgeBase& kb = default_kb();
  auto intake = parse_intake(kb, R"({
    "pain": [{"region": "buttock_upper", "side": "left", "intensity": 6},
             {"region": "sacrum", "intensity": 3}],
    "findings": ["walking", "standing_long"], "denied": ["sitting_long"], "red_flags": [],
    "age": 42, "duration_days": 21, "onset": "gradual"})");
  REQUIRE(intake);
  REQUIRE(intake->pain.size() == 2);
  CHECK(intake->pain[0].region_key == key(kb, "buttock_upper:left"));
  CHECK(intake->pain[0].intensity == 6);
  CHECK(intake->pain[1].region_key == key(kb, "sacrum"));
  CHECK(intake->findings ==
        std::vector<FindingIndex>{finding(kb, "walking"), finding(kb, "standing_long")});
  CHECK(intake->denied == std::vector<FindingIndex>{finding(kb, "sitting_long")});
  CHECK(intake->age == 42);
  CHECK(intake->duration_days == 21);
  CHECK(intake->onset == Onset::gradual);
}

TEST_CASE("only pain is required; an integral 6.0 is the integer 6", "[assess][intake]") {
  auto intake = parse_intake(default_kb(), R"({"pain": [{"region": "head", "intensity": 6.0}]})");
  REQUIRE(intake);
  CHECK(intake->pain[0].intensity == 6);
  CHECK(intake->findings.empty());
  CHECK_FALSE(intake->age);
}

TEST_CASE("the canonical form sorts by knowledge-base order and reads back", "[assess][intake]") {
  const KnowledgeBase& kb = default_kb();
  Intake a = drawing(kb, {{"calf:right", 2}, {"sacrum", 4}, {"buttock_upper:left", 6}});
  a.findings = {finding(kb, "walking"), finding(kb, "standing_long")};
  a.red_flags = {red_flag(kb, "osteoporosis"), red_flag(kb, "saddle_numbness")};
  a.age = 30;
  Intake b = a;
  std::reverse(b.pain.begin(), b.pain.end());
  std::reverse(b.findings.begin(), b.findings.end());
  std::reverse(b.red_flags.begin(), b.red_flags.end());
  const std::string text = intake_to_json(kb, a);
  CHECK(text == intake_to_json(kb, b));
  auto back = parse_intake(kb, text);
  REQUIRE(back);
  CHECK(intake_to_json(kb, *back) == text);
  CHECK(std::is_sorted(
      back->pain.begin(), back->pain.end(),
      [](const PainMark& x, const PainMark& y) { return x.region_key < y.region_key; }));
  // Field order is the contract's; absent optional fields are left out.
  CHECK(text.find("\"pain\"") < text.find("\"findings\""));
  CHECK(text.find("\"red_flags\"") < text.find("\"age\""));
  CHECK(text.find("duration_days") == std::string::npos);
  CHECK(text.find(R"({"region":"sacrum","intensity":4})") != std::string::npos);
}

TEST_CASE("bad intakes name the path and what was expected", "[assess][intake]") {
  check_rejected("[1]", {{"", "expected an intake"}});
  check_rejected("{}", {{"/pain", "missing"}});
  check_rejected(R"({"pain": []})", {{"/pain", "at least one pain mark"}});
  check_rejected(R"({"pain": {}})", {{"/pain", "expected an array of pain marks"}});
  check_rejected(R"({"pain": [7]})", {{"/pain/0", "expected a pain mark"}});
  check_rejected(R"({"pian": [], "pain": [{"region": "head", "intensity": 1}]})",
                 {{"/pian", "unknown field \"pian\" (did you mean \"pain\"?)"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1, "sid": "left"}]})",
                 {{"/pain/0/sid", "(did you mean \"side\"?)"}});
  check_rejected(
      R"({"pain": [{"region": "buttock_uper", "side": "left", "intensity": 1}]})",
      {{"/pain/0/region", "unknown region \"buttock_uper\" (did you mean \"buttock_upper\"?)"}});
  check_rejected(R"({"pain": [{"region": 3, "intensity": 1}]})",
                 {{"/pain/0/region", "expected a region id (a string), got a number"}});
  check_rejected(R"({"pain": [{"side": "left", "intensity": 1}]})",
                 {{"/pain/0/region", "missing"}});
  check_rejected(R"({"pain": [{"region": "calf", "intensity": 1}]})",
                 {{"/pain/0/side", "\"calf\" is a paired region, so \"side\" is required"}});
  check_rejected(R"({"pain": [{"region": "sacrum", "side": "left", "intensity": 1}]})",
                 {{"/pain/0/side", "\"sacrum\" is a midline region: leave out \"side\""}});
  check_rejected(R"({"pain": [{"region": "calf", "side": "middle", "intensity": 1}]})",
                 {{"/pain/0/side", "expected \"left\" or \"right\", got \"middle\""}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 11}]})",
                 {{"/pain/0/intensity", "11 is out of range: expected an integer 0..10"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": -1}]})",
                 {{"/pain/0/intensity", "-1 is out of range"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 2.5}]})",
                 {{"/pain/0/intensity", "got a number with a fraction"}});
  check_rejected(
      R"({"pain": [{"region": "head", "intensity": "5"}]})",
      {{"/pain/0/intensity", "expected an integer 0..10 (pain now, 0 = none), got a string"}});
  check_rejected(R"({"pain": [{"region": "head"}]})", {{"/pain/0/intensity", "missing"}});
  check_rejected(
      R"({"pain": [{"region": "calf", "side": "left", "intensity": 1},
                   {"region": "calf", "side": "left", "intensity": 4}]})",
      {{"/pain/1", "\"calf:left\" is marked twice (also at /pain/0)"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1}], "findings": ["walkng"]})",
                 {{"/findings/0", "unknown finding \"walkng\" (did you mean \"walking\"?)"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1}], "findings": "walking"})",
                 {{"/findings", "expected an array of finding ids, got a string"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1}], "denied": [true]})",
                 {{"/denied/0", "expected a finding id (a string), got a boolean"}});
  check_rejected(
      R"({"pain": [{"region": "head", "intensity": 1}], "findings": ["walking", "stairs", "walking"]})",
      {{"/findings/2", "\"walking\" is listed twice (also at /findings/0)"}});
  check_rejected(
      R"({"pain": [{"region": "head", "intensity": 1}], "findings": ["stairs", "walking"],
          "denied": ["walking"]})",
      {{"/denied/0", "\"walking\" is both confirmed (at /findings/1) and denied"}});
  check_rejected(
      R"({"pain": [{"region": "head", "intensity": 1}], "red_flags": ["saddle_numbnes"]})",
      {{"/red_flags/0",
        "unknown red flag \"saddle_numbnes\" (did you mean \"saddle_numbness\"?)"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1}], "age": 121})",
                 {{"/age", "121 is out of range: expected an integer 0..120 (years)"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1}], "age": null})",
                 {{"/age", "got null"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1}], "duration_days": -3})",
                 {{"/duration_days", "-3 is out of range"}});
  check_rejected(R"({"pain": [{"region": "head", "intensity": 1}], "onset": "slow"})",
                 {{"/onset", "expected \"sudden\" or \"gradual\", got \"slow\""}});
}

TEST_CASE("every problem of an intake is reported at once, in document order", "[assess][intake]") {
  check_rejected(
      R"({"pain": [{"region": "calf", "intensity": 4},
                   {"region": "sacrum", "side": "left", "intensity": 12},
                   {"region": "heel", "side": "left", "intensity": 3},
                   {"region": "heel", "side": "left", "intensity": 5}],
          "findings": ["walking", "flying"], "denied": ["walking"],
          "age": "forty", "onset": "gradual", "colour": "red"})",
      {{"/pain/0/side", "paired region"},
       {"/pain/1/side", "midline region"},
       {"/pain/1/intensity", "12 is out of range"},
       {"/findings/1", "unknown finding \"flying\""},
       {"/age", "got a string"},
       {"/colour", "unknown field \"colour\""},
       {"/pain/3", "\"heel:left\" is marked twice (also at /pain/2)"},
       {"/denied/0", "both confirmed (at /findings/0) and denied"}});
}

TEST_CASE("intakes beyond the limits are refused as such", "[assess][intake]") {
  std::string marks;
  for (int i = 0; i < 300; ++i)
    marks += std::string(i ? "," : "") + R"({"region": "head", "intensity": 1})";
  auto big = parse_intake(default_kb(), "{\"pain\": [" + marks + "]}");
  REQUIRE_FALSE(big);
  CHECK(big.error().code() == ErrorCode::limit_exceeded);

  IntakeLimits small;
  small.max_bytes = 32;
  auto long_text =
      parse_intake(default_kb(), R"({"pain": [{"region": "head", "intensity": 1}]})", small);
  REQUIRE_FALSE(long_text);
  CHECK(long_text.error().code() == ErrorCode::limit_exceeded);

  IntakeLimits few;
  few.max_ids = 1;
  auto limited = parse_intake(
      default_kb(),
      R"({"pain": [{"region": "head", "intensity": 1}], "findings": ["walking", "stairs"]})", few);
  REQUIRE_FALSE(limited);
  CHECK(limited.error().code() == ErrorCode::limit_exceeded);
  CHECK(limited.error().path() == "/findings");
  CHECK_THAT(limited.error().diagnostics()[0].message, Catch::Contains("the limit is 1"));

  auto not_json = parse_intake(default_kb(), R"({"pain": [)");
  REQUIRE_FALSE(not_json);
  CHECK(not_json.error().code() == ErrorCode::parse);
}

TEST_CASE("intakes built in code are validated by the same rules", "[assess][intake]") {
  const KnowledgeBase& kb = default_kb();
  const auto nr = static_cast<RegionKeyIndex>(kb.region_keys().size());
  Intake good = drawing(kb, {{"calf:left", 3}});
  CHECK(validate_intake(kb, good));

  Intake bad;
  bad.pain = {{nr, 3}, {key(kb, "calf:left"), 11}, {key(kb, "heel:left"), -1}};
  bad.findings = {finding(kb, "walking"), static_cast<FindingIndex>(kb.findings().size())};
  bad.age = 130;
  bad.duration_days = -1;
  const Status s = validate_intake(kb, bad);
  REQUIRE_FALSE(s);
  INFO(s.error().to_string());
  CHECK(s.error().code() == ErrorCode::invalid_input);
  std::vector<std::string> paths;
  for (const auto& d : s.error().diagnostics())
    paths.push_back(d.path);
  CHECK(paths == std::vector<std::string>{"/pain/0/region", "/pain/1/intensity",
                                          "/pain/2/intensity", "/findings/1", "/age",
                                          "/duration_days"});

  Intake twice = drawing(kb, {{"calf:left", 3}, {"heel:left", 2}, {"calf:left", 1}});
  twice.findings = {finding(kb, "stairs")};
  twice.denied = {finding(kb, "stairs")};
  const Status t = validate_intake(kb, twice);
  REQUIRE_FALSE(t);
  REQUIRE(t.error().diagnostics().size() == 2);
  CHECK(t.error().diagnostics()[0].path == "/pain/2");
  CHECK(t.error().diagnostics()[1].path == "/denied/0");

  CHECK_FALSE(validate_intake(kb, Intake{}));
  // assess() refuses what validate_intake refuses, with the same error.
  auto a = assess(kb, bad);
  REQUIRE_FALSE(a);
  CHECK(a.error().diagnostics() == s.error().diagnostics());
}

TEST_CASE("intensity 0 is drawn but not painful", "[assess][intake]") {
  const KnowledgeBase& kb = default_kb();
  const Intake intake = drawing(kb, {{"heel:left", 6}, {"calf:left", 0}});
  const Assessment a = assessed(kb, intake);
  CHECK(a.painful().size() == 1);
  CHECK(a.painful()[0] == key(kb, "heel:left"));
  CHECK(a.intake().pain.size() == 2);  // echoed as drawn
  for (std::size_t i = 0; i < a.candidate_count(); ++i) {
    const auto c = a.candidate(i);
    CHECK(std::find(c.explained.begin(), c.explained.end(), key(kb, "calf:left")) ==
          c.explained.end());
    CHECK(std::find(c.unexplained.begin(), c.unexplained.end(), key(kb, "calf:left")) ==
          c.unexplained.end());
  }
  // Nothing painful at all: a valid intake with nothing to rank.
  const Assessment none = assessed(kb, drawing(kb, {{"heel:left", 0}}));
  CHECK(none.candidate_count() == 0);
  CHECK(none.cover().empty());
  CHECK(none.unexplained().empty());
}

TEST_CASE("red flags answered no, precautions and sex parse, echo and read back",
          "[assess][intake][schema2]") {
  const KnowledgeBase& kb = default_kb();
  auto intake = parse_intake(kb, R"({
    "pain": [{"region": "chest", "side": "left", "intensity": 6}],
    "red_flags": [],
    "red_flags_denied": ["breathless_or_coughing_blood", "cardiac_chest_pain"],
    "precautions": ["pregnant", "blood_thinners"],
    "sex": "female", "age": 58, "duration_days": 3, "onset": "sudden"})");
  REQUIRE(intake);
  CHECK(intake->red_flags_denied ==
        std::vector<RedFlagIndex>{red_flag(kb, "breathless_or_coughing_blood"),
                                  red_flag(kb, "cardiac_chest_pain")});
  REQUIRE(intake->precautions.size() == 2);
  CHECK(kb.precautions()[intake->precautions[0]].id == "pregnant");
  CHECK(intake->sex == Sex::female);
  const std::string text = intake_to_json(kb, *intake);
  // Canonical: knowledge-base order, the new lists after red_flags, sex last.
  CHECK_THAT(
      text,
      Catch::Contains(
          R"("red_flags":[],"red_flags_denied":["cardiac_chest_pain","breathless_or_coughing_blood"],"precautions":["blood_thinners","pregnant"],"age":58)"));
  CHECK_THAT(text, Catch::EndsWith(R"("onset":"sudden","sex":"female"})"));
  auto back = parse_intake(kb, text);
  REQUIRE(back);
  CHECK(intake_to_json(kb, *back) == text);
  // Not given: no sex in the echo, empty lists written as such.
  auto plain = parse_intake(kb, R"({"pain": [{"region": "sacrum", "intensity": 2}]})");
  REQUIRE(plain);
  const std::string plain_text = intake_to_json(kb, *plain);
  CHECK(plain_text.find("\"sex\"") == std::string::npos);
  CHECK_THAT(plain_text, Catch::Contains(R"("red_flags_denied":[],"precautions":[])"));
}

TEST_CASE("a red flag answered yes and no, an unknown precaution and a bad sex are refused",
          "[assess][intake][schema2]") {
  check_rejected(
      R"({"pain": [{"region": "sacrum", "intensity": 2}], "red_flags": ["saddle_numbness"],
          "red_flags_denied": ["fever_or_unwell", "saddle_numbness"]})",
      {{"/red_flags_denied/1",
        "\"saddle_numbness\" is answered both yes (at /red_flags/0) and no; keep it in the one "
        "list"}});
  check_rejected(
      R"({"pain": [{"region": "sacrum", "intensity": 2}], "precautions": ["blood_thiners"]})",
      {{"/precautions/0",
        "unknown precaution \"blood_thiners\" (did you mean \"blood_thinners\"?)"}});
  check_rejected(R"({"pain": [{"region": "sacrum", "intensity": 2}], "sex": "Female"})",
                 {{"/sex", "got \"Female\" (did you mean \"female\"?)"}});
  check_rejected(R"({"pain": [{"region": "sacrum", "intensity": 2}], "sex": "M"})",
                 {{"/sex", "(did you mean \"male\"?)"}});
  check_rejected(R"({"pain": [{"region": "sacrum", "intensity": 2}], "sex": "other"})",
                 {{"/sex", "expected \"female\" or \"male\" (leave \"sex\" out"}});
  check_rejected(R"({"pain": [{"region": "sacrum", "intensity": 2}], "sex": 1})",
                 {{"/sex", "got a number"}});
  check_rejected(R"({"pain": [{"region": "sacrum", "intensity": 2}],
                     "red_flags_denied": ["tearing_pain", "tearing_pain"]})",
                 {{"/red_flags_denied/1",
                   "\"tearing_pain\" is listed twice (also at "
                   "/red_flags_denied/0)"}});
  check_rejected(R"({"pain": [{"region": "sacrum", "intensity": 2}],
                     "precautions": ["pregnant", "pregnant"]})",
                 {{"/precautions/1", "listed twice"}});
}

TEST_CASE("intakes built in code: a red flag answered yes and no, precaution indices",
          "[assess][intake][schema2]") {
  const KnowledgeBase& kb = default_kb();
  Intake a = drawing(kb, {{"sacrum", 4}});
  a.red_flags = {red_flag(kb, "saddle_numbness")};
  a.red_flags_denied = {red_flag(kb, "fever_or_unwell"), red_flag(kb, "saddle_numbness")};
  auto s = validate_intake(kb, a);
  REQUIRE_FALSE(s);
  CHECK(s.error().diagnostics().at(0).path == "/red_flags_denied/1");
  a.red_flags_denied.pop_back();
  CHECK(validate_intake(kb, a));
  a.precautions = {static_cast<PrecautionIndex>(kb.precautions().size())};
  s = validate_intake(kb, a);
  REQUIRE_FALSE(s);
  CHECK(s.error().diagnostics().at(0).path == "/precautions/0");
  CHECK_THAT(s.error().diagnostics().at(0).message, Catch::Contains("out of range"));
}
