// Small, deterministic building blocks for writing SVG and HTML text.
#ifndef MYOREF_SRC_RENDER_SVG_HPP
#define MYOREF_SRC_RENDER_SVG_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myoref::detail::render {

/// A number with at most one decimal ("12", "12.5", "-0.5"), rounded half
/// away from zero. Written digit by digit, so the C locale (a host may have
/// set a decimal comma) never changes the output.
std::string num(float value);

/// Appends `text` escaped for XML and HTML character data and attribute
/// values (& < > " '). C0 control characters other than tab and newline,
/// which XML 1.0 does not allow, become spaces.
void append_escaped(std::string& out, std::string_view text);
std::string escaped(std::string_view text);

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
};

/// "#rrggbb" (either case) or nullopt.
std::optional<Rgb> parse_colour(std::string_view text) noexcept;
/// "#rrggbb", lower case.
std::string to_hex(Rgb colour);
/// `a` moved `part` of the way (0..1) toward `b`, each channel rounded.
Rgb mix(Rgb a, Rgb b, float part) noexcept;

/// Appends ` name="value"`, the value escaped (or written with num()).
void attr(std::string& out, const char* name, std::string_view value);
void attr(std::string& out, const char* name, float value);

/// Appends a <text> element at (x, y): `anchor` is "start", "middle" or
/// "end", `fill` a colour.
void text_element(std::string& out, float x, float y, std::string_view text, float size,
                  const char* anchor, const char* fill, bool bold = false);

/// Whether `prefix` is usable as the start of XML ids: a letter, then
/// letters, digits, '-' or '_', 1..64 characters.
bool valid_id_prefix(std::string_view prefix) noexcept;

}  // namespace myoref::detail::render

#endif  // MYOREF_SRC_RENDER_SVG_HPP
