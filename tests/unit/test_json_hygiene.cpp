// JSON hygiene: the ways text from another program or an editor goes wrong
// are each refused with a message that says which one it is, and where.
// (tests/unit/test_json.cpp covers the reader itself; the same classes of bad
// input through every document type are in test_json_hygiene_documents.cpp.)
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "util/json.hpp"
#include "util/json_writer.hpp"

using myoref::ErrorCode;
using myoref::detail::parse_json;

namespace {

struct SyntaxCase {
  const char* name;
  std::string text;
  const char* message;  // the whole diagnostic message
};

}  // namespace

TEST_CASE("strict JSON names the usual syntax mistakes and where they are", "[json][hygiene]") {
  const SyntaxCase cases[] = {
      {"byte order mark", "\xEF\xBB\xBF{}",
       "syntax error: the text starts with a byte order mark (U+FEFF), which JSON does not "
       "allow at line 1, column 1"},
      {"NUL byte", std::string("{\"a\": 1\0}", 9), "syntax error: a NUL byte at line 1, column 8"},
      {"line comment", "{\n  // note\n  \"a\": 1}",
       "syntax error: a comment (JSON has no comments) at line 2, column 3"},
      {"block comment", "{\"a\": 1 /* note */}",
       "syntax error: a comment (JSON has no comments) at line 1, column 9"},
      {"trailing comma in an object", "{\"a\": 1,\n}",
       "syntax error: a trailing comma at line 2, column 1"},
      {"trailing comma in an array", "[1, 2, ]",
       "syntax error: a trailing comma at line 1, column 8"},
      {"single quotes", "{'a': 1}",
       "syntax error: a single quote (JSON strings use double quotes) at line 1, column 2"},
      {"raw tab in a string", "[\"a\tb\"]",
       "syntax error: a line break or tab inside a string (write it as \\n, \\r or \\t) at line 1, "
       "column 4"},
      {"control character in a string", "[\"a\x01\"]",
       "syntax error: a control character (0x01) that must be escaped at line 1, column 4"},
      {"invalid UTF-8", "[\"caf\xC3\"]", "syntax error: invalid UTF-8 at line 1, column 6"},
      {"overlong UTF-8", "[\"\xC0\xAF\"]", "syntax error: invalid UTF-8 at line 1, column 3"},
      {"UTF-8 surrogate", "[\"\xED\xA0\x80\"]", "syntax error: invalid UTF-8 at line 1, column 3"},
      {"unpaired surrogate escape", "[\"\\ud800\"]",
       "syntax error: a \\u escape of an unpaired UTF-16 surrogate at line 1, column 9"},
      {"NaN", "[NaN]", "syntax error: NaN and infinities are not JSON numbers at line 1, column 2"},
      {"-Infinity", "[-Infinity]",
       "syntax error: NaN and infinities are not JSON numbers at line 1, column 3"},
      {"a bare word", "{\"a\": yes}",
       "syntax error: a bare word (text goes in double quotes; the only words are true, false "
       "and null) at line 1, column 7"},
      {"an unquoted key", "{a: 1}",
       "syntax error: a bare word (text goes in double quotes; the only words are true, false "
       "and null) at line 1, column 2"},
      {"trailing data", "{} {}", "unexpected data after the JSON document at line 1, column 4"},
      {"truncated", "{\"a\": [1, 2",
       "the document ends too early (incomplete JSON) at line 1, column 12"},
      {"empty", "", "the document ends too early (incomplete JSON) at line 1, column 1"},
      {"only whitespace", " \n",
       "the document ends too early (incomplete JSON) at line 2, column 1"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto v = parse_json(c.text, {}, "document");
    REQUIRE_FALSE(v);
    CHECK(v.error().code() == ErrorCode::parse);
    CHECK(v.error().message() == "document is not valid JSON");
    REQUIRE(v.error().diagnostics().size() == 1);
    CHECK(v.error().path().empty());
    CHECK(v.error().diagnostics()[0].message == c.message);
  }
}

TEST_CASE("strict JSON refuses what it cannot hold exactly, with the path", "[json][hygiene]") {
  struct Case {
    const char* name;
    const char* text;
    const char* path;
    const char* message;
  };
  const Case cases[] = {
      {"a number too large for a double", R"({"a": {"b": [1, 1e999]}})", "/a/b/1",
       "a number is too large to represent"},
      {"a negative one", R"({"a": -1e400})", "/a", "a number is too large to represent"},
      {"a duplicate key", R"({"a": 1, "b": {"c": 1, "c": 2}})", "/b/c", "duplicate key \"c\""},
      {"a duplicate key spelled with an escape", R"({"ab": 1, "a\u0062": 2})", "/ab",
       "duplicate key \"ab\""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto v = parse_json(c.text, {}, "document");
    REQUIRE_FALSE(v);
    CHECK(v.error().code() == ErrorCode::invalid_input);
    CHECK(v.error().path() == c.path);
    CHECK(v.error().diagnostics()[0].message == c.message);
  }
}

TEST_CASE("strict JSON accepts what is only unusual", "[json][hygiene]") {
  // Escaped NUL and surrogate pairs are text like any other; -0 and 1e308
  // are numbers; whitespace around the document is allowed.
  for (const char* text : {R"(["a\u0000b"])", R"(["\ud83d\ude00"])", "[-0, 1e308, 5e-324]",
                           " \t\r\n{}\n", "\"\xE2\x82\xAC\""}) {
    INFO(text);
    CHECK(parse_json(text, {}, "document").has_value());
  }
}

TEST_CASE("numbers survive being written and read again", "[json][hygiene]") {
  using myoref::detail::pretty;
  // Found by the json fuzz target (tests/fuzz/corpus/json/regress_*): Boost
  // reads some doubles to a neighbour of the nearest one, so the shortest text
  // the writer printed read back as another number; and -0 written as "-0"
  // read back as the integer 0 and was then written "0".
  for (const char* text :
       {"180380389045961176816875890459611768168750", "-1e000", "-0e6", "0.30000000000000004",
        "2.2250738585072011e-308", "5e-324", "1e-400", "-1e-400", "1.7976931348623157e308"}) {
    INFO(text);
    const auto first = parse_json(text, {}, "document");
    REQUIRE(first);
    const std::string written = pretty(*first);
    const auto second = parse_json(written, {}, "document");
    REQUIRE(second);
    CHECK(pretty(*second) == written);
    if (first->is_double() && second->is_double())
      CHECK(first->get_double() == second->get_double());
  }
  CHECK(pretty(*parse_json("180380389045961176816875890459611768168750", {}, "d")) ==
        "1.803803890459612e+41\n");
  CHECK(pretty(*parse_json("-0.0", {}, "d")) == "0\n");
  CHECK(pretty(*parse_json("1e-400", {}, "d")) == "0\n");
  const auto too_large = parse_json("[1.7976931348623159e308]", {}, "document");
  REQUIRE_FALSE(too_large);
  CHECK(too_large.error().path() == "/0");
}

TEST_CASE("every character a string can hold is written so that it reads back", "[json][hygiene]") {
  using myoref::detail::pretty;
  namespace json = boost::json;
  // Each ASCII character, and a few multi-byte ones, at every offset in a
  // word of eight bytes (the writer scans eight bytes at a time).
  std::vector<std::string> specials;
  for (int c = 0; c < 0x80; ++c)
    specials.emplace_back(1, static_cast<char>(c));
  for (const char* u : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC2\x9B"})
    specials.emplace_back(u);
  for (const auto& special : specials) {
    for (std::size_t offset = 0; offset < 10; ++offset) {
      const std::string text = std::string(offset, 'a') + special + std::string(9, 'z');
      const std::string written = pretty(json::value(json::string(text)));
      const auto back = parse_json(written, {}, "document");
      REQUIRE(back);
      CHECK(back->as_string() == text);
    }
  }
  CHECK(pretty(json::value("\b\f\n\r\t\x01\x1f\"\\/")) ==
        "\"\\b\\f\\n\\r\\t\\u0001\\u001f\\\"\\\\/\"\n");
}

TEST_CASE("string, key and array limits hold for every kind of value", "[json][hygiene]") {
  myoref::detail::JsonLimits limits;
  limits.max_string = 16;
  limits.max_array = 3;
  const auto key = parse_json(R"({"a": {"a_key_longer_than_sixteen": 1}})", limits, "document");
  REQUIRE_FALSE(key);
  CHECK(key.error().code() == ErrorCode::limit_exceeded);
  CHECK(key.error().path() == "/a");
  CHECK(key.error().diagnostics()[0].message == "a key is longer than the limit");
  // Escapes count as the characters they stand for.
  const auto escaped = parse_json(R"(["\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"])", limits, "document");
  REQUIRE_FALSE(escaped);
  CHECK(escaped.error().code() == ErrorCode::limit_exceeded);
  CHECK(escaped.error().path() == "/0");
  CHECK(escaped.error().diagnostics()[0].message == "a string is longer than the limit");
  CHECK(parse_json(R"(["\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"])", limits, "document"));
  for (const char* four :
       {"[true, false, true, false]", "[null, null, null, null]", "[[], [], [], []]",
        "[{}, {}, {}, {}]", "[1, 2.5, -3, 4]", R"(["a", "b", "c", "d"])"}) {
    INFO(four);
    const auto v = parse_json(four, limits, "document");
    REQUIRE_FALSE(v);
    CHECK(v.error().code() == ErrorCode::limit_exceeded);
    CHECK(v.error().path() == "/3");
    CHECK(v.error().diagnostics()[0].message == "an array has more than 3 elements");
  }
}
