#include "util/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <system_error>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <gsl/assert>

#include "util/charconv.hpp"
#include "util/json.hpp"
#include "util/shortest_float.hpp"

namespace myoref::detail {

void JsonWriter::flush() {
  out_.append(buffer_.data(), static_cast<std::size_t>(cur_ - buffer_.data()));
  cur_ = buffer_.data();
}

void JsonWriter::put_long(const char* text, std::size_t n) {
  flush();
  if (n > kBuffer / 2) {
    out_.append(text, n);
    return;
  }
  copy_bytes(cur_, text, n);
  cur_ += n;
}

void JsonWriter::newline_and_indent(std::size_t depth) {
  static constexpr char kSpaces[] = "                                ";  // 32
  put('\n');
  std::size_t left = depth * 2U;
  while (left > 0) {
    const std::size_t n = std::min(left, sizeof kSpaces - 1);
    put(kSpaces, n);
    left -= n;
  }
}

void JsonWriter::before_element() {
  if (depth_ == 0) {
    return;
  }
  Frame& f = frames_[depth_ - 1];
  if (!f.empty) {
    put(',');
    if (pretty_ && f.flat) {
      put(' ');
    }
  }
  f.empty = false;
  if (pretty_ && !f.flat) {
    newline_and_indent(depth_);
  }
}

void JsonWriter::open(char bracket, bool flat) {
  before_value();
  Expects(depth_ < frames_.size());
  frames_[depth_] = Frame{flat, true};
  ++depth_;
  put(bracket);
}

void JsonWriter::close(char bracket) {
  Expects(depth_ > 0);
  const Frame f = frames_[depth_ - 1];
  --depth_;
  if (pretty_ && !f.flat && !f.empty) {
    newline_and_indent(depth_);
  }
  put(bracket);
  if (pretty_ && depth_ == 0) {
    put('\n');
  }
}

void JsonWriter::value(std::string_view text) {
  before_value();
  write_string(text);
}

void JsonWriter::value(int number) {
  before_value();
  constexpr std::size_t kIntMax = 11;  // "-2147483648"
  reserve(kIntMax);
  cur_ = std::to_chars(cur_, cur_ + kIntMax, number).ptr;
}

void JsonWriter::value(float number) {
  // Scores are finite by construction; JSON has no spelling for anything else.
  Expects(std::isfinite(number));
  if (number == 0.0F) {
    before_value();
    put('0');  // also for -0, which JSON readers would keep as a negative zero
    return;
  }
  // Shortest text that reads back as the same float: deterministic and exact
  // (std::to_chars's text). float_text() writes what goes before it.
  float_text(shortest_float_text(number));
}

void JsonWriter::value(bool flag) {
  before_value();
  put(flag ? "true" : "false");
}

void JsonWriter::null() {
  before_value();
  put("null");
}

namespace {

// The length of the prefix of `p[0, n)` that needs no escape in a JSON
// string: no byte below 0x20, no '"' and no '\\'. Assessments are mostly
// prose, so this scan is most of the writing time: 16 bytes at a time with
// SSE2 where the compiler offers it, 8 at a time with word bit tricks (the
// classic "has a byte less than n" and "has a zero byte" tests) elsewhere.
std::size_t plain_prefix(const char* p, std::size_t n) noexcept {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Unsigned v < 0x20 as a signed compare after flipping the top bit.
    const __m128i control = _mm_cmplt_epi8(_mm_xor_si128(v, flip), _mm_xor_si128(space, flip));
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
    if (_mm_movemask_epi8(_mm_or_si128(control, special)) != 0)
      break;
  }
#endif
  // Words of eight (all of a short string: ids and region keys are most of
  // the strings an assessment writes, and shorter than sixteen bytes).
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, sizeof w);
    const std::uint64_t below_space = (w - kOnes * 0x20U) & ~w & kHigh;
    if ((below_space | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'))) != 0)
      break;
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x20 || c == '"' || c == '\\')
      break;
  }
  return i;
}

}  // namespace

void JsonWriter::write_string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  put('"');
  const char* p = text.data();
  std::size_t n = text.size();
  for (;;) {
    // UTF-8 passes through unchanged: every text was validated on input.
    const std::size_t plain = plain_prefix(p, n);
    put(p, plain);
    if (plain == n)
      break;
    const auto c = static_cast<unsigned char>(p[plain]);
    p += plain + 1;
    n -= plain + 1;
    switch (c) {
      case '"':
        put("\\\"");
        break;
      case '\\':
        put("\\\\");
        break;
      case '\n':
        put("\\n");
        break;
      case '\r':
        put("\\r");
        break;
      case '\t':
        put("\\t");
        break;
      case '\b':
        put("\\b");
        break;
      case '\f':
        put("\\f");
        break;
      default:
        put("\\u00");
        put(kHex[c >> 4U]);
        put(kHex[c & 0xFU]);
    }
  }
  put('"');
}

void JsonWriter::tree(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object:
      begin_object();
      for (const auto& kv : v.get_object()) {
        escaped_key(std::string_view(kv.key().data(), kv.key().size()));
        tree(kv.value());
      }
      end_object();
      return;
    case json::kind::array: {
      const auto& a = v.get_array();
      // Arrays of scalars stay on one line; they read better that way.
      begin_array(std::all_of(a.begin(), a.end(), [](const json::value& e) {
        return !e.is_object() && !e.is_array();
      }));
      for (const auto& e : a)
        tree(e);
      end_array();
      return;
    }
    case json::kind::double_: {
      // The shortest text that reads back as the same double, in plain
      // notation where possible ("0.6", "12.5", "200"), instead of Boost's
      // "6E-1": people read these documents. An integral value prints as an
      // integer and reads back as one, so -0 would come back as 0: it is
      // printed as 0 to begin with, so that text written, read and written
      // again is the same text.
      before_value();
      const double d = v.get_double() == 0.0 ? 0.0 : v.get_double();
      constexpr std::size_t kDoubleMax = 32;
      reserve(kDoubleMax);
      cur_ = to_chars_shortest(cur_, cur_ + kDoubleMax, d);
      return;
    }
    case json::kind::string:
      value(std::string_view(v.get_string().data(), v.get_string().size()));
      return;
    case json::kind::int64:
    case json::kind::uint64: {
      before_value();
      constexpr std::size_t kIntegerMax = 24;  // "-9223372036854775808", 18446744073709551615
      reserve(kIntegerMax);
      cur_ = v.is_int64() ? std::to_chars(cur_, cur_ + kIntegerMax, v.get_int64()).ptr
                          : std::to_chars(cur_, cur_ + kIntegerMax, v.get_uint64()).ptr;
      return;
    }
    case json::kind::bool_:
      value(v.get_bool());
      return;
    case json::kind::null:
      null();
      return;
  }
}

std::string pretty(const json::value& value) {
  std::string out;
  JsonWriter w(out, true, 4096);
  w.tree(value);
  w.finish();
  // A closing bracket at the top ends the line; a lone scalar needs its own.
  if (!value.is_object() && !value.is_array())
    out += '\n';
  return out;
}

}  // namespace myoref::detail
