// The strict JSON reader that every loader shares.
#include <catch2/catch.hpp>

#include "util/json.hpp"
#include "util/json_writer.hpp"

using myoref::ErrorCode;
using myoref::detail::JsonLimits;
using myoref::detail::parse_json;

TEST_CASE("strict JSON accepts ordinary documents", "[json]") {
  auto v = parse_json(R"({"a": [1, 2.5, "x", true, null], "b": {"c": -3}})", {}, "doc");
  REQUIRE(v);
  CHECK(v->at("b").at("c").as_int64() == -3);
}

TEST_CASE("strict JSON refuses what RFC 8259 does not allow", "[json]") {
  const char* bad[] = {
      "",                  // nothing
      "{\"a\": 1",         // truncated
      "{\"a\": 1} x",      // trailing data
      "{\"a\": 1,}",       // trailing comma
      "// c\n{\"a\": 1}",  // comment
      "{\"a\": NaN}",      // non-finite literal
      "{\"a\": Infinity}",
      "[\"\xff\"]",  // invalid UTF-8
  };
  for (const char* text : bad) {
    INFO(text);
    auto v = parse_json(text, {}, "doc");
    REQUIRE_FALSE(v);
    CHECK(v.error().code() == ErrorCode::parse);
    CHECK(v.error().diagnostics().at(0).message.find("line ") != std::string::npos);
  }
}

TEST_CASE("strict JSON refuses duplicate keys and names where", "[json]") {
  auto v = parse_json(R"({"a": [{"x": 1}, {"y": 1, "y": 2}]})", {}, "doc");
  REQUIRE_FALSE(v);
  CHECK(v.error().code() == ErrorCode::invalid_input);
  CHECK(v.error().path() == "/a/1/y");
  CHECK(v.error().diagnostics()[0].message == "duplicate key \"y\"");
}

TEST_CASE("strict JSON refuses numbers too large for a double", "[json]") {
  auto v = parse_json(R"({"n": [0, 1e999]})", {}, "doc");
  REQUIRE_FALSE(v);
  CHECK(v.error().path() == "/n/1");
}

TEST_CASE("strict JSON enforces its limits", "[json]") {
  JsonLimits limits;
  limits.max_bytes = 10;
  CHECK(parse_json("[1,2,3,4,5,6]", limits, "doc").error().code() == ErrorCode::limit_exceeded);
  limits = JsonLimits{};
  limits.max_depth = 3;
  CHECK(parse_json("[[[[1]]]]", limits, "doc").error().code() == ErrorCode::limit_exceeded);
  limits = JsonLimits{};
  limits.max_array = 3;
  auto v = parse_json(R"({"a": [1, 2, 3, 4]})", limits, "doc");
  REQUIRE_FALSE(v);
  CHECK(v.error().code() == ErrorCode::limit_exceeded);
  CHECK(v.error().path() == "/a/3");
  limits = JsonLimits{};
  limits.max_string = 4;
  CHECK(parse_json(R"(["abcdef"])", limits, "doc").error().code() == ErrorCode::limit_exceeded);
}

TEST_CASE("pointers escape and suggestions find typos", "[json]") {
  using myoref::detail::closest;
  using myoref::detail::pointer;
  CHECK(pointer("/a", "b/c~d") == "/a/b~1c~0d");
  CHECK(pointer("", 3) == "/3");
  CHECK(closest("buttock_uper", {"sacrum", "buttock_upper", "buttock_lower"}) == "buttock_upper");
  CHECK(closest("zzzzzz", {"sacrum", "head"}).empty());
}

TEST_CASE("pretty writes numbers as people write them", "[json]") {
  using myoref::detail::pretty;
  namespace json = boost::json;
  CHECK(pretty(json::value(0.6)) == "0.6\n");
  CHECK(pretty(json::array{12.5, 200.0, -0.25, 3}) == "[12.5, 200, -0.25, 3]\n");
}

TEST_CASE("the depth limit names the container that is too deep", "[json]") {
  JsonLimits limits;
  limits.max_depth = 3;
  auto v = parse_json(R"({"a": [1, {"b": [2]}]})", limits, "doc");
  REQUIRE_FALSE(v);
  CHECK(v.error().code() == ErrorCode::limit_exceeded);
  CHECK(v.error().path() == "/a/1/b");
  CHECK(parse_json(R"({"a": [1, {"b": 2}]})", limits, "doc"));
}
