// Fuzz target: the strict JSON reader every loader shares (src/util/json.cpp).
//
// Small limits, so that the fuzzer reaches every limit quickly. Any text is
// either read or refused with a located error; a document that is read is
// written back (pretty) and the text reads again to the same value, and
// writing that gives the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "util/json.hpp"

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
  FUZZ_CHECK(*again == *value, written);
  FUZZ_CHECK(detail::pretty(*again) == written, written);
  return 0;
}
