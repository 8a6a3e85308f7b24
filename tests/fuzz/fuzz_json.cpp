// Fuzz target: the strict JSON reader every loader shares (src/util/json.cpp).
//
// Small limits, so that the fuzzer reaches every limit quickly. Any text is
// either read or refused with a located error; a document that is read is
// written back (pretty) and the text reads again to the same value, and
// writing that gives the same text. "The same value" compares numbers by
// value: the writer prints a double with an integral value as an integer
// ("-1e0" is written "-1"), which reads back as one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "util/json.hpp"
#include "util/json_writer.hpp"

namespace {

namespace json = boost::json;

bool same_number(const json::value& a, const json::value& b) {
  if (a.is_double() || b.is_double()) {
    const double x = a.is_double()  ? a.get_double()
                     : a.is_int64() ? static_cast<double>(a.get_int64())
                                    : static_cast<double>(a.get_uint64());
    const double y = b.is_double()  ? b.get_double()
                     : b.is_int64() ? static_cast<double>(b.get_int64())
                                    : static_cast<double>(b.get_uint64());
    return x == y;
  }
  return a == b;  // int64 and uint64 compare by value
}

bool same_json(const json::value& a, const json::value& b) {
  if (a.is_number() && b.is_number())
    return same_number(a, b);
  if (a.kind() != b.kind())
    return false;
  if (a.is_array()) {
    const auto& x = a.get_array();
    const auto& y = b.get_array();
    if (x.size() != y.size())
      return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!same_json(x[i], y[i]))
        return false;
    }
    return true;
  }
  if (a.is_object()) {
    const auto& x = a.get_object();
    const auto& y = b.get_object();
    if (x.size() != y.size())
      return false;
    auto i = x.begin();
    auto j = y.begin();
    for (; i != x.end(); ++i, ++j) {
      if (i->key() != j->key() || !same_json(i->value(), j->value()))
        return false;
    }
    return true;
  }
  return a == b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace detail = myoref::detail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  detail::JsonLimits limits;
  limits.max_bytes = 1U << 16U;
  limits.max_depth = 8;
  limits.max_array = 64;
  limits.max_object = 32;
  limits.max_string = 256;
  const auto value = detail::parse_json(text, limits, "document");
  if (!value) {
    FUZZ_CHECK_REFUSAL(value.error());
    const auto code = value.error().code();
    FUZZ_CHECK(code == myoref::ErrorCode::parse || code == myoref::ErrorCode::invalid_input ||
                   code == myoref::ErrorCode::limit_exceeded,
               value.error().to_string());
    return 0;
  }
  const std::string written = detail::pretty(*value);
  // Indentation makes the text longer, nothing else grows: string limits
  // count the bytes of the string read, not of its escaped text.
  detail::JsonLimits roomy = limits;
  roomy.max_bytes = 1U << 24U;
  const auto again = detail::parse_json(written, roomy, "written document");
  FUZZ_CHECK(again.has_value(), again ? written : again.error().to_string() + "\n" + written);
  FUZZ_CHECK(same_json(*again, *value), written);
  FUZZ_CHECK(detail::pretty(*again) == written, written);
  return 0;
}
