// Intake limits: size, nesting, marks, ids, string length. Going past one is
// limit_exceeded with the path of the place, decided before any large
// allocation or slow work.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "myoref/myoref.hpp"
#include "support.hpp"

using myoref::ErrorCode;
using myoref::IntakeLimits;
using myoref::KnowledgeBase;
using myoref::parse_intake;

namespace {

const KnowledgeBase& builtin() {
  return myoref::test::default_kb();
}

/// The region keys of regions without parts: no two of them clash (a coarse
/// region with one of its own parts is refused like a repeat).
const std::vector<myoref::RegionKey>& markable() {
  static const std::vector<myoref::RegionKey> keys = [] {
    std::vector<myoref::RegionKey> out;
    for (const auto& key : builtin().region_keys()) {
      if (builtin().regions()[key.region].parts.empty())
        out.push_back(key);
    }
    return out;
  }();
  return keys;
}

std::string marks(std::size_t n) {
  // Distinct region keys as far as they go; repeats are a different error,
  // found only once the count is within the limit.
  std::string text = R"({"pain": [)";
  for (std::size_t i = 0; i < n; ++i) {
    const auto& key = markable()[i % markable().size()];
    const auto& region = builtin().regions()[key.region];
    text += (i != 0 ? ", " : "") + std::string(R"({"region": ")") + region.id + "\"";
    if (key.side != myoref::Side::none)
      text += std::string(R"(, "side": ")") + std::string(myoref::to_string(key.side)) + "\"";
    text += R"(, "intensity": 3})";
  }
  return text + "]}";
}

struct LimitCase {
  const char* name;
  std::string text;
  const char* path;
  const char* message;
};

}  // namespace

TEST_CASE("a 100 MB intake is refused by its size alone, at once", "[limits][intake]") {
  const std::string huge(100U << 20U, '[');
  const auto start = std::chrono::steady_clock::now();
  const auto intake = parse_intake(builtin(), huge);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE_FALSE(intake);
  CHECK(intake.error().code() == ErrorCode::limit_exceeded);
  CHECK(intake.error().message() == "intake is too large");
  CHECK(intake.error().path().empty());
  CHECK(intake.error().diagnostics()[0].message ==
        "the document is 104857600 bytes; the limit is 65536");
  CHECK(seconds < 0.5);  // no parsing: a size comparison
}

TEST_CASE("intake limits are refused with the path of the place", "[limits][intake]") {
  const LimitCase cases[] = {
      {"nesting deeper than 8 levels",
       R"({"pain": [{"region": [[[[[[["calf"]]]]]]], "side": "left", "intensity": 3}]})",
       "/pain/0/region/0/0/0/0/0", "nesting is deeper than 8 levels"},
      {"more than 256 pain marks", marks(257), "/pain/256", "an array has more than 256 elements"},
      {"more than 256 findings",
       R"({"pain": [{"region": "sacrum", "intensity": 3}], "findings": [)" +
           std::string(256 * 10, ' ') +
           [] {
             std::string ids;
             for (int i = 0; i < 257; ++i)
               ids += (i != 0 ? ",\"walking\"" : "\"walking\"");
             return ids;
           }() +
           "]}",
       "/findings/256", "an array has more than 256 elements"},
      {"a string longer than 1 KiB",
       R"({"pain": [{"region": ")" + std::string(1025, 'x') + R"(", "intensity": 3}]})",
       "/pain/0/region", "a string is longer than the limit"},
      {"an object with more than 64 members",
       [] {
         std::string t = R"({"pain": [{"region": "sacrum", "intensity": 3)";
         for (int i = 0; i < 64; ++i)
           t += ", \"x" + std::to_string(i) + "\": 0";
         return t + "}]}";
       }(),
       "/pain/0/x62", "an object has more than 64 members"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto intake = parse_intake(builtin(), c.text);
    REQUIRE_FALSE(intake);
    CHECK(intake.error().code() == ErrorCode::limit_exceeded);
    CHECK(intake.error().path() == c.path);
    CHECK(intake.error().diagnostics()[0].message == c.message);
  }
}

TEST_CASE("a host's own lower limits on marks and ids are refused as limits", "[limits][intake]") {
  IntakeLimits limits;
  limits.max_pain_marks = 2;
  limits.max_ids = 1;
  const auto too_many_marks = parse_intake(builtin(), marks(3), limits);
  REQUIRE_FALSE(too_many_marks);
  CHECK(too_many_marks.error().code() == ErrorCode::limit_exceeded);
  // The reader's array limit is the larger of the two, here the marks'.
  CHECK(too_many_marks.error().path() == "/pain/2");
  CHECK(too_many_marks.error().diagnostics()[0].message == "an array has more than 2 elements");
  const auto too_many_ids = parse_intake(
      builtin(), R"({"pain": [{"region": "sacrum", "intensity": 3}], "red_flags": ["a", "b"]})",
      limits);
  REQUIRE_FALSE(too_many_ids);
  CHECK(too_many_ids.error().code() == ErrorCode::limit_exceeded);
  CHECK(too_many_ids.error().path() == "/red_flags");
  CHECK(too_many_ids.error().diagnostics()[0].message == "has 2 elements; the limit is 1");
  limits.max_bytes = 10;
  const auto too_large = parse_intake(builtin(), marks(1), limits);
  REQUIRE_FALSE(too_large);
  CHECK(too_large.error().code() == ErrorCode::limit_exceeded);
}

TEST_CASE("an intake built in code is held to the same limits", "[limits][intake]") {
  myoref::Intake intake;
  for (std::size_t i = 0; i < 257; ++i)
    intake.pain.push_back({static_cast<myoref::RegionKeyIndex>(i % 10), 3});
  const auto status = myoref::validate_intake(builtin(), intake);
  REQUIRE_FALSE(status);
  CHECK(status.error().code() == ErrorCode::limit_exceeded);
  CHECK(status.error().path() == "/pain");
  CHECK(status.error().diagnostics()[0].message == "has 257 elements; the limit is 256");
  const auto assessed = myoref::assess(builtin(), intake);
  REQUIRE_FALSE(assessed);
  CHECK(assessed.error().code() == ErrorCode::limit_exceeded);
}

TEST_CASE("a long pain list with repeats names every repeat and where it was first",
          "[limits][intake]") {
  // More than 64 marks are checked for repeats by sorting rather than pairwise.
  const std::size_t keys = markable().size();
  const auto intake = parse_intake(builtin(), marks(keys + 19));
  REQUIRE_FALSE(intake);
  CHECK(intake.error().code() == ErrorCode::invalid_input);
  REQUIRE(intake.error().diagnostics().size() == 19);
  CHECK(intake.error().path() == "/pain/" + std::to_string(keys));
  CHECK_THAT(intake.error().diagnostics()[0].message,
             Catch::Matchers::EndsWith("is marked twice (also at /pain/0); give each region and "
                                       "side once"));
}

TEST_CASE("numbers an intake cannot hold are out of range, not wrapped", "[limits][intake]") {
  // Each is shown as written (1e300 as the shortest form of the double).
  const std::pair<const char*, const char*> cases[] = {
      {"18446744073709551615", "18446744073709551615"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"1e300", "1e+300"},
      {"4294967302", "4294967302"},
      {"-1e15", "-1e+15"}};
  for (const auto& [n, shown] : cases) {
    INFO(n);
    const auto intake = parse_intake(
        builtin(), std::string(R"({"pain": [{"region": "sacrum", "intensity": )") + n + "}]}");
    REQUIRE_FALSE(intake);
    CHECK(intake.error().code() == ErrorCode::invalid_input);
    CHECK(intake.error().path() == "/pain/0/intensity");
    CHECK(intake.error().diagnostics()[0].message ==
          std::string(shown) + " is out of range: expected an integer 0..10 (pain now, 0 = none)");
  }
}

TEST_CASE("a host's limit on marks below its limit on ids is reported as the marks'",
          "[limits][intake]") {
  IntakeLimits limits;
  limits.max_pain_marks = 2;
  limits.max_ids = 8;  // the reader's array limit is 8; the marks' own check says 2
  const auto intake = parse_intake(builtin(), marks(3), limits);
  REQUIRE_FALSE(intake);
  CHECK(intake.error().code() == ErrorCode::limit_exceeded);
  CHECK(intake.error().path() == "/pain");
  CHECK(intake.error().diagnostics()[0].message == "has 3 marks; the limit is 2");
}

TEST_CASE("an assessment document without its intake cannot be read back", "[limits][intake]") {
  std::string doc = *myoref::assess_json(builtin(), marks(2));
  const auto start = doc.find("\"intake\":");
  REQUIRE(start != std::string::npos);
  doc.replace(start, 8, "\"intakx\"");
  const auto back = myoref::assessment_from_json(builtin(), doc);
  REQUIRE_FALSE(back);
  CHECK(back.error().code() == ErrorCode::invalid_input);
  CHECK(back.error().path() == "/intake");
  CHECK(back.error().diagnostics()[0].message ==
        "missing: the echoed intake the assessment was made from");
}
