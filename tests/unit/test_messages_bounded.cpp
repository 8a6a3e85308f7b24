// Quoted input in messages: at most 64 characters and an ellipsis, cut on a
// character boundary, always valid UTF-8 (invalid bytes become U+FFFD).
#include <catch2/catch.hpp>

#include <string>

#include "myoref/kb.hpp"
#include "util/json.hpp"

using myoref::detail::bounded_utf8;
using myoref::detail::quoted;

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";
const std::string kReplacement = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("bounded_utf8 keeps short valid text as it is", "[messages]") {
  CHECK(bounded_utf8("") == "");
  CHECK(bounded_utf8("gluteus_medius") == "gluteus_medius");
  CHECK(bounded_utf8("Fern\xC3\xA1ndez \xE2\x86\x92 \xF0\x9F\x98\x80") ==
        "Fern\xC3\xA1ndez \xE2\x86\x92 \xF0\x9F\x98\x80");
  const std::string exactly(64, 'x');
  CHECK(bounded_utf8(exactly) == exactly);
}

TEST_CASE("bounded_utf8 cuts after 64 characters, on a character boundary", "[messages]") {
  const std::string big(10U * 1024U * 1024U, 'a');  // a 10 MB id
  CHECK(bounded_utf8(big) == std::string(64, 'a') + kEllipsis);
  std::string accents;
  for (int i = 0; i < 65; ++i) {
    accents += "\xC3\xA9";  // two bytes each
  }
  CHECK(bounded_utf8(accents) == accents.substr(0, 128) + kEllipsis);
  CHECK(bounded_utf8("abcdef", 3) == "abc" + kEllipsis);
}

TEST_CASE("bounded_utf8 replaces every byte that is not UTF-8", "[messages]") {
  CHECK(bounded_utf8("a\xFF"
                     "b") == "a" + kReplacement + "b");
  CHECK(bounded_utf8("\xC3") == kReplacement);                                        // cut short
  CHECK(bounded_utf8("\xC0\xAF") == kReplacement + kReplacement);                     // overlong
  CHECK(bounded_utf8("\xED\xA0\x80") == kReplacement + kReplacement + kReplacement);  // surrogate
  CHECK(bounded_utf8("\xF4\x90\x80\x80") ==
        kReplacement + kReplacement + kReplacement + kReplacement);  // above U+10FFFF
  CHECK(bounded_utf8("\xE2\x82") == kReplacement + kReplacement);
  // A replacement counts as one character toward the bound.
  CHECK(bounded_utf8(std::string(70, '\xFF')).size() ==
        64 * kReplacement.size() + kEllipsis.size());
}

TEST_CASE("quoted() is a bounded, escaped JSON string", "[messages]") {
  CHECK(quoted("a\"b\n") == "\"a\\\"b\\n\"");
  CHECK(quoted(std::string(100, 'z')) == "\"" + std::string(64, 'z') + kEllipsis + "\"");
  CHECK(quoted("x\xFE") == "\"x" + kReplacement + "\"");
}

TEST_CASE("a knowledge-base error quotes a long string bounded", "[messages]") {
  // A schema string near the reader's 64 KiB string limit (a 10 MB id is
  // refused by that limit before any message quotes it; the C API's raw ids
  // are checked at 10 MB in tests/c/test_misuse.c): 64 characters are quoted.
  const std::string big(60000U, 'q');
  const std::string doc = "{\"schema\": \"" + big + "\"}";
  auto loaded = myoref::KnowledgeBase::from_json(doc);
  REQUIRE_FALSE(loaded);
  std::string message;
  for (const myoref::Diagnostic& d : loaded.error().diagnostics()) {
    message += d.path + ": " + d.message + "\n";
  }
  CHECK(message.find(std::string(64, 'q') + kEllipsis) != std::string::npos);
  CHECK(message.find(std::string(65, 'q')) == std::string::npos);
  CHECK(message.size() < 4096);
}
