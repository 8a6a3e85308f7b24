#include "i18n/messages.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

#include "util/json.hpp"

namespace myoref::detail {

extern const char kLocalesJson[];
extern const std::size_t kLocalesJson_size;

std::string_view embedded_locales() noexcept {
  return {kLocalesJson, kLocalesJson_size};
}

MsgArg::MsgArg(std::string_view name, long long number) noexcept
    : name_(name), number_(true), value_(number) {
  // What "%lld" writes, without the cost of printf (24 bytes hold any long long).
  const auto written = std::to_chars(std::begin(buf_), std::end(buf_), number);
  size_ = static_cast<std::uint8_t>(written.ptr - buf_);
}

namespace {

const MsgArg* find_arg(const MsgArg* args, std::size_t count, std::string_view name) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    if (args[i].name() == name)
      return &args[i];
  }
  return nullptr;
}

bool name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

Catalogue load_english() {
  Catalogue c;
  const json::value v = json::parse(json::string_view(kLocalesJson, kLocalesJson_size));
  const auto& en = v.as_object().at("en").as_object().at("messages").as_object();
  for (const auto& kv : en) {
    Message m;
    if (kv.value().is_string()) {
      m.one = m.other = std::string(kv.value().get_string());
    } else {
      const auto& o = kv.value().as_object();
      m.plural = true;
      m.one = std::string(o.at("one").as_string());
      m.other = std::string(o.at("other").as_string());
    }
    c.messages.emplace(std::string(kv.key()), std::move(m));
  }
  return c;
}

}  // namespace

std::vector<std::string> placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{')
      continue;
    std::size_t j = i + 1;
    while (j < text.size() && name_char(text[j]))
      ++j;
    if (j < text.size() && text[j] == '}' && j > i + 1) {
      std::string name(text.substr(i + 1, j - i - 1));
      bool seen = false;
      for (const auto& o : out)
        seen = seen || o == name;
      if (!seen)
        out.push_back(std::move(name));
      i = j;
    }
  }
  return out;
}

void Catalogue::append(std::string& out, std::string_view key, const MsgArg* args,
                       std::size_t count) const {
  const auto it = messages.find(key);
  if (it == messages.end()) {
    out += key;
    return;
  }
  const Message& m = it->second;
  std::string_view text = m.other;
  if (m.plural) {
    const MsgArg* n = find_arg(args, count, "n");
    if (n != nullptr && n->is_number() && n->number() == 1)
      text = m.one;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{') {
      std::size_t j = i + 1;
      while (j < text.size() && name_char(text[j]))
        ++j;
      if (j < text.size() && text[j] == '}' && j > i + 1) {
        if (const MsgArg* a = find_arg(args, count, text.substr(i + 1, j - i - 1))) {
          if (a->is_decimal() && decimal != '.') {
            for (const char d : a->text())
              out += d == '.' ? decimal : d;
          } else {
            out += a->text();
          }
          i = j;
          continue;
        }
      }
    }
    out += c;
  }
}

std::string Catalogue::get(std::string_view key, const MsgArg* args, std::size_t count) const {
  // One block for the whole sentence: the template and every value fit.
  std::size_t size = key.size();
  if (const auto it = messages.find(key); it != messages.end())
    size = std::max(it->second.one.size(), it->second.other.size());
  for (std::size_t i = 0; i < count; ++i)
    size += args[i].text().size();
  std::string out;
  out.reserve(size);
  append(out, key, args, count);
  return out;
}

const Catalogue& english_catalogue() {
  static const Catalogue english = load_english();
  return english;
}

std::string score_text(float score) {
  const long hundredths = std::lround(std::clamp(score, 0.0F, 1.0F) * 100.0F);
  const std::string frac = std::to_string(hundredths % 100);
  return std::to_string(hundredths / 100) + '.' + (frac.size() == 1 ? "0" + frac : frac);
}

}  // namespace myoref::detail
