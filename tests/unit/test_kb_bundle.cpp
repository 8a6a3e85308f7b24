// tools/kb_bundle.py writes the bundled default knowledge base as Boost.JSON's
// serialize() would (the form the C++ bundler wrote, before the step moved to
// Python so that no target program runs while building): the file read back
// and written by Boost.JSON gives the same bytes. A difference in number or
// string formatting between the two fails here.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

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

namespace myoref::detail {
extern const char kDefaultKbJson[];
extern const std::size_t kDefaultKbJson_size;
extern const char kLocalesJson[];
extern const std::size_t kLocalesJson_size;
}  // namespace myoref::detail

// The bundlers embed each document as one string literal (printable ASCII as
// itself, '"', '\\' and '?' escaped, every other byte in octal): the library's
// bytes are the bundled file's, UTF-8 included (the Spanish words), to the
// last byte and with nothing after it.
TEST_CASE("the embedded documents are the bundled files, byte for byte", "[kb][build]") {
  const auto same = [](const std::string& path, const char* embedded, std::size_t size) {
    const std::string file = myoref::test::read_text(path);
    REQUIRE(!file.empty());
    REQUIRE(file.back() == '\n');
    CHECK(size == file.size() - 1);
    CHECK(std::string(embedded, size) == file.substr(0, file.size() - 1));
    CHECK(embedded[size] == '\0');
  };
  same(MYOREF_DEFAULT_KB_JSON, myoref::detail::kDefaultKbJson, myoref::detail::kDefaultKbJson_size);
  const std::string locales = MYOREF_DEFAULT_KB_JSON;
  same(locales.substr(0, locales.rfind('/') + 1) + "locales.json", myoref::detail::kLocalesJson,
       myoref::detail::kLocalesJson_size);
  // What the escapes must survive is there to survive.
  const std::string_view kb(myoref::detail::kDefaultKbJson, myoref::detail::kDefaultKbJson_size);
  const std::string_view words(myoref::detail::kLocalesJson, myoref::detail::kLocalesJson_size);
  CHECK(kb.find('?') != std::string_view::npos);
  CHECK(words.find("\\\"") != std::string_view::npos);      // an escaped quote in JSON
  CHECK(words.find("\xc3\xb1") != std::string_view::npos);  // ñ
}
