#include "render/svg.hpp"

#include <cmath>

namespace myoref::detail::render {

std::string num(float value) {
  // Far beyond any chart coordinate; keeps lround inside the range of long.
  constexpr float kLimit = 1.0e8F;
  if (!std::isfinite(value))
    return "0";
  if (value > kLimit)
    value = kLimit;
  if (value < -kLimit)
    value = -kLimit;
  const long tenths = std::lround(value * 10.0F);
  const bool negative = tenths < 0;
  const unsigned long magnitude =
      negative ? 0UL - static_cast<unsigned long>(tenths) : static_cast<unsigned long>(tenths);
  std::string out;
  if (negative && magnitude != 0)
    out += '-';
  out += std::to_string(magnitude / 10);
  if (magnitude % 10 != 0) {
    out += '.';
    out += static_cast<char>('0' + magnitude % 10);
  }
  return out;
}

void append_escaped(std::string& out, std::string_view text) {
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') {
          out += ' ';
        } else {
          out += ch;
        }
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

void attr(std::string& out, const char* name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_escaped(out, value);
  out += '"';
}

void attr(std::string& out, const char* name, float value) {
  out += ' ';
  out += name;
  out += "=\"";
  out += num(value);
  out += '"';
}

void text_element(std::string& out, float x, float y, std::string_view text, float size,
                  const char* anchor, const char* fill, bool bold) {
  out += "<text";
  attr(out, "x", x);
  attr(out, "y", y);
  attr(out, "font-size", size);
  if (bold)
    attr(out, "font-weight", "bold");
  if (std::string_view(anchor) != "start")
    attr(out, "text-anchor", anchor);
  attr(out, "fill", fill);
  out += '>';
  append_escaped(out, text);
  out += "</text>\n";
}

namespace {
int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<Rgb> parse_colour(std::string_view text) noexcept {
  if (text.size() != 7 || text[0] != '#')
    return std::nullopt;
  int channel[3] = {0, 0, 0};
  for (std::size_t i = 0; i < 3; ++i) {
    const int hi = hex_digit(text[1 + 2 * i]);
    const int lo = hex_digit(text[2 + 2 * i]);
    if (hi < 0 || lo < 0)
      return std::nullopt;
    channel[i] = hi * 16 + lo;
  }
  return Rgb{static_cast<std::uint8_t>(channel[0]), static_cast<std::uint8_t>(channel[1]),
             static_cast<std::uint8_t>(channel[2])};
}

std::string to_hex(Rgb colour) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (const std::uint8_t c : {colour.r, colour.g, colour.b}) {
    out += kDigits[c >> 4U];
    out += kDigits[c & 15U];
  }
  return out;
}

Rgb mix(Rgb a, Rgb b, float part) noexcept {
  const auto channel = [part](std::uint8_t from, std::uint8_t to) {
    const float v =
        static_cast<float>(from) + (static_cast<float>(to) - static_cast<float>(from)) * part;
    const long r = std::lround(v);
    return static_cast<std::uint8_t>(r < 0 ? 0 : r > 255 ? 255 : r);
  };
  return Rgb{channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b)};
}

bool valid_id_prefix(std::string_view prefix) noexcept {
  if (prefix.empty() || prefix.size() > 64)
    return false;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(prefix[0]))
    return false;
  for (const char c : prefix) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_')
      return false;
  }
  return true;
}

}  // namespace myoref::detail::render
