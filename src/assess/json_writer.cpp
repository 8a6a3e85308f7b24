#include "assess/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include <gsl/assert>

namespace myoref::detail {

void JsonWriter::newline_and_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * 2U, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) {
    return;
  }
  Frame& f = frames_[depth_ - 1];
  if (!f.empty) {
    out_ += ',';
    if (pretty_ && f.flat) {
      out_ += ' ';
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
  out_ += bracket;
}

void JsonWriter::close(char bracket) {
  Expects(depth_ > 0);
  const Frame f = frames_[depth_ - 1];
  --depth_;
  if (pretty_ && !f.flat && !f.empty) {
    newline_and_indent(depth_);
  }
  out_ += bracket;
  if (pretty_ && depth_ == 0) {
    out_ += '\n';
  }
}

void JsonWriter::key(std::string_view name) {
  before_value();
  write_string(name);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  write_string(text);
}

void JsonWriter::value(int number) {
  before_value();
  char buf[16];
  const auto r = std::to_chars(buf, buf + sizeof buf, number);
  out_.append(buf, r.ptr);
}

void JsonWriter::value(float number) {
  before_value();
  // Scores are finite by construction; JSON has no spelling for anything else.
  Expects(std::isfinite(number));
  if (number == 0.0F) {
    out_ += '0';  // also for -0, which JSON readers would keep as a negative zero
    return;
  }
  char buf[32];
  // Shortest text that reads back as the same float: deterministic and exact.
  const auto r = std::to_chars(buf, buf + sizeof buf, number);
  out_.append(buf, r.ptr);
}

void JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::write_string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default:
        if (c < 0x20) {
          out_ += "\\u00";
          out_ += kHex[c >> 4U];
          out_ += kHex[c & 0xFU];
        } else {
          out_ += ch;  // UTF-8 passes through: every text was validated on input
        }
    }
  }
  out_ += '"';
}

}  // namespace myoref::detail
