// tools/kb_bundle.py writes the bundled default knowledge base as Boost.JSON's
// serialize() would (the form the C++ bundler wrote, before the step moved to
// Python so that no target program runs while building): the file read back
// and written by Boost.JSON gives the same bytes. A difference in number or
// string formatting between the two fails here.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <string>

#include "support.hpp"

TEST_CASE("the bundled knowledge base is in Boost.JSON's serialized form", "[kb][build]") {
  const std::string file = myoref::test::read_text(MYOREF_DEFAULT_KB_JSON);
  REQUIRE(!file.empty());
  REQUIRE(file.back() == '\n');
  const std::string text = file.substr(0, file.size() - 1);
  CHECK(boost::json::serialize(boost::json::parse(text)) == text);
  // It has doubles in Boost's own form (Ryu's digits, "E"), so the check covers them.
  CHECK(text.find("E-1") != std::string::npos);
}
