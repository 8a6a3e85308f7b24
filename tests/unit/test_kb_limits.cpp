// Limits keep a hostile knowledge base cheap: size, nesting depth, array
// length, and the 16-bit dense indices.
#include <catch2/catch.hpp>

#include <string>

#include "myoref/kb.hpp"
#include "support.hpp"

using myoref::ErrorCode;
using myoref::KbLimits;
using myoref::KnowledgeBase;
using myoref::test::minimal_kb_text;

TEST_CASE("a knowledge base larger than max_bytes is refused before parsing", "[kb][limits]") {
  KbLimits limits;
  limits.max_bytes = minimal_kb_text().size() - 1;
  const auto kb = KnowledgeBase::from_json(minimal_kb_text(), limits);
  REQUIRE_FALSE(kb);
  CHECK(kb.error().code() == ErrorCode::limit_exceeded);
  REQUIRE(kb.error().diagnostics().size() == 1);
  CHECK(kb.error().path().empty());  // the whole document
  CHECK_THAT(kb.error().diagnostics()[0].message,
             Catch::Matchers::Contains("the limit is " + std::to_string(limits.max_bytes)));
  limits.max_bytes = minimal_kb_text().size();
  CHECK(KnowledgeBase::from_json(minimal_kb_text(), limits));
}

TEST_CASE("nesting deeper than max_depth is refused with the path of the container",
          "[kb][limits]") {
  KbLimits limits;
  limits.max_depth = 4;
  const auto kb = KnowledgeBase::from_json(minimal_kb_text(), limits);
  REQUIRE_FALSE(kb);
  CHECK(kb.error().code() == ErrorCode::limit_exceeded);
  // document / muscles / muscle / summary / cite is the first fifth level.
  CHECK(kb.error().path() == "/muscles/0/summary/cite");
  CHECK(kb.error().diagnostics()[0].message == "nesting is deeper than 4 levels");
  // Six levels are the deepest the schema goes (a statement's citations in a
  // list of statements; a point of the chart's outline).
  limits.max_depth = 6;
  CHECK(KnowledgeBase::from_json(minimal_kb_text(), limits));
  limits.max_depth = 5;
  CHECK(KnowledgeBase::from_json(minimal_kb_text(), limits).error().path() ==
        "/muscles/0/actions/0/cite");
}

TEST_CASE("an array longer than max_array is refused at its first extra element", "[kb][limits]") {
  KbLimits limits;
  limits.max_array = 6;
  const auto kb = KnowledgeBase::from_json(minimal_kb_text(), limits);
  REQUIRE_FALSE(kb);
  CHECK(kb.error().code() == ErrorCode::limit_exceeded);
  CHECK(kb.error().path() == "/regions/6");  // the seventh region
  CHECK(kb.error().diagnostics()[0].message == "an array has more than 6 elements");
}

TEST_CASE("more entries than 16-bit indices can address are refused", "[kb][limits]") {
  // 32768 regions would need 65536 region keys.
  std::string text = R"({"regions": [)";
  for (int i = 0; i < 32768; ++i) {
    if (i != 0)
      text += ',';
    text += R"({"id":"r)" + std::to_string(i) + R"("})";
  }
  text += "]}";
  KbLimits limits;
  limits.max_array = 100000;
  const auto kb = KnowledgeBase::from_json(text, limits);
  REQUIRE_FALSE(kb);
  CHECK(kb.error().code() == ErrorCode::limit_exceeded);
  REQUIRE(kb.error().diagnostics().size() == 1);
  CHECK(kb.error().path() == "/regions");
  CHECK(kb.error().diagnostics()[0].message == "more than 32767 entries; dense indices are 16-bit");
}
