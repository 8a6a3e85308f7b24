// A small streaming JSON writer for the assessment's output.
//
// The assessment is written straight into one string rather than built as a
// boost::json::value first: that is several times faster (the JSON-in/JSON-out
// call has a budget of a few microseconds), and it lets scores be written as
// the shortest text that reads back as the same float ("0.82", not
// "8.2E-1"). The pretty layout is that of detail::pretty(): two-space
// indentation, arrays of scalars on one line.
#ifndef MYOREF_SRC_ASSESS_JSON_WRITER_HPP
#define MYOREF_SRC_ASSESS_JSON_WRITER_HPP

#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace myoref::detail {

class JsonWriter {
 public:
  /// Appends to `out`; call finish() when the document is complete.
  /// `expected_size` is a guess of the bytes to come, to allocate once.
  JsonWriter(std::string& out, bool pretty, std::size_t expected_size = 256)
      : out_(out), used_(out.size()), pretty_(pretty) {
    out_.resize(used_ + expected_size);
  }

  /// Trims `out` to what was written. Nothing may be written after it.
  void finish() { out_.resize(used_); }

  void begin_object() { open('{', false); }
  void end_object() { close('}'); }
  /// `flat`: the array holds scalars only and goes on one line when pretty.
  void begin_array(bool flat) { open('[', flat); }
  void end_array() { close(']'); }

  /// An object member's name; the value follows with the next call.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(int number);
  void value(float number);
  void value(bool flag);
  void null();

  /// key + value in one call.
  template <class T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  struct Frame {
    bool flat = false;
    bool empty = true;
  };

  // Raw appends into out_'s buffer, grown by doubling: std::string::append
  // costs a call and checks per piece, and a document has thousands of pieces.
  void put(const char* text, std::size_t n) {
    if (out_.size() - used_ < n)
      grow(n);
    std::memcpy(&out_[used_], text, n);
    used_ += n;
  }
  void put(std::string_view text) { put(text.data(), text.size()); }
  void put(char c) {
    if (out_.size() == used_)
      grow(1);
    out_[used_++] = c;
  }
  void grow(std::size_t n);

  void open(char bracket, bool flat);
  void close(char bracket);
  void before_value();
  void newline_and_indent(std::size_t depth);
  void write_string(std::string_view text);

  std::string& out_;
  std::size_t used_;
  bool pretty_;
  bool after_key_ = false;
  std::size_t depth_ = 0;
  // Assessment documents nest five levels; 16 leaves room and needs no heap.
  std::array<Frame, 16> frames_{};
};

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_JSON_WRITER_HPP
