// "Did you mean" suggestions are a courtesy: their cost is bounded, so that a
// document full of unknown ids is refused as quickly as any other.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "myoref/kb.hpp"
#include "util/json.hpp"

using myoref::ErrorCode;
using myoref::KbLimits;
using myoref::KnowledgeBase;
using myoref::detail::closest;

TEST_CASE("closest skips candidates whose length rules them out, at no cost", "[limits]") {
  const std::vector<std::string_view> names{"gluteus_medius", "gluteus_minimus", "piriformis"};
  std::size_t work = 1000;
  // (13 + 1) x (14 + 1) cells for gluteus_medius, at distance 1; then
  // gluteus_minimus (2 letters longer) and piriformis (3 shorter) cannot be
  // closer than 1 edit, and cost nothing.
  CHECK(closest("gluteus_medus", names, work) == "gluteus_medius");
  CHECK(work == 1000 - 14 * 15);
  // A long "id" is compared with nothing at all.
  const std::string huge(100000, 'g');
  work = 1;
  CHECK(closest(huge, names, work).empty());
  CHECK(work == 1);
}

TEST_CASE("closest gives no suggestion once its work budget is spent", "[limits]") {
  const std::vector<std::string_view> names{"gluteus_medius", "gluteus_minimus"};
  std::size_t work = 14 * 15 - 1;  // not enough for even the first comparison
  CHECK(closest("gluteus_medus", names, work).empty());
  CHECK(work == 0);
  CHECK(closest("gluteus_medus", names, work).empty());  // spent stays spent
  // The budget of one call is enough for any realistic list of ids.
  CHECK(closest("gluteus_medus", names) == "gluteus_medius");
}

TEST_CASE(
    "a knowledge base with thousands of unknown references is refused quickly, every one listed",
    "[limits][kb]") {
  // 3,000 regions with 40-letter ids, and a trigger point that names 3,000
  // regions that do not exist, each one letter away from a real one. Every
  // suggestion would compare 40 x 40 letters with each of 3,000 ids: 1.4e10
  // steps, a minute at -O2 and hours in a coverage build, before the budget.
  // (The number of suggestions made is what shows the budget at work; the
  // time is left to ctest's timeout, as timings vary too much between builds.)
  auto id = [](char lead, int i) {
    std::string s = std::to_string(i);
    return std::string(1, lead) + std::string(39 - s.size(), 'x') + s;
  };
  std::string text = R"({"regions": [)";
  for (int i = 0; i < 3000; ++i)
    text += (i != 0 ? "," : "") + std::string(R"({"id": ")") + id('r', i) + "\"}";
  text += R"(], "muscles": [{"id": "m", "trigger_points": [{"id": "t", "essential": [)";
  for (int i = 0; i < 3000; ++i)
    text += (i != 0 ? ",\"" : "\"") + id('q', i) + "\"";
  text += "]}]}]}";
  const auto kb = KnowledgeBase::from_json(text);
  REQUIRE_FALSE(kb);
  CHECK(kb.error().code() == ErrorCode::invalid_input);
  std::size_t unknown = 0;
  std::size_t suggested = 0;
  for (const auto& d : kb.error().diagnostics()) {
    if (d.path.rfind("/muscles/0/trigger_points/0/essential/", 0) == 0 &&
        d.message.rfind("unknown region", 0) == 0) {
      ++unknown;
      if (d.message.find("did you mean") != std::string::npos)
        ++suggested;
    }
  }
  CHECK(unknown == 3000);  // every problem is still reported ...
  CHECK(suggested > 0);    // ... the first ones with a suggestion ...
  CHECK(suggested < 100);  // ... until the document's budget is spent
}
