// A small streaming JSON writer for the assessment's output.
//
// The assessment is written straight into one string rather than built as a
// boost::json::value first: that is several times faster (the JSON-in/JSON-out
// call has a budget of a few microseconds), and it lets scores be written as
// the shortest text that reads back as the same float ("0.82", not
// "8.2E-1"). Pretty layout: two-space indentation, arrays of scalars on one
// line, a newline at the end. It is also the one JSON escaper and the one
// pretty printer of the library: detail::pretty() writes a boost::json tree
// (a knowledge base's canonical text, plan documents) through it.
#ifndef MYOREF_SRC_ASSESS_JSON_WRITER_HPP
#define MYOREF_SRC_ASSESS_JSON_WRITER_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "util/shortest_float.hpp"

// The writer's few hot functions are inlined into the long writing functions
// that call them hundreds of times per document, where GCC would not.
#if defined(__GNUC__)
#define MYOREF_WRITER_INLINE inline __attribute__((always_inline))
#else
#define MYOREF_WRITER_INLINE inline
#endif

namespace boost::json {
class value;
}  // namespace boost::json

namespace myoref::detail {

/// An object member's name as a document writes it, made ahead of time (at
/// compile time: `constexpr MemberName kScore = member_name(3, "score");`)
/// for a member of an object that is `depth` levels deep (the document's own
/// members are at depth 1), with what comes before it: `,"name":` compact,
/// `,\n` + two spaces a level + `"name": ` pretty. The first member of an
/// object leaves out the comma. Names are the library's identifiers: nothing
/// to escape.
struct MemberName {
  static constexpr std::size_t kRoom = 64;
  char pretty[kRoom] = {};
  char compact[kRoom] = {};
  std::uint8_t pretty_size = 0;
  std::uint8_t compact_size = 0;
};

constexpr MemberName member_name(std::size_t depth, std::string_view name) {
  // Meant for constants: a name too long for the room writes past it, which
  // is no constant expression, and fails to compile.
  MemberName m;
  std::size_t p = 0;
  const auto pretty = [&m, &p](std::string_view text) {
    for (const char c : text)
      m.pretty[p++] = c;
  };
  pretty(",\n");
  for (std::size_t i = 0; i < depth; ++i)
    pretty("  ");
  pretty("\"");
  pretty(name);
  pretty("\": ");
  m.pretty_size = static_cast<std::uint8_t>(p);
  // The same without the line break, the indentation and the space.
  std::size_t c = 0;
  const auto compact = [&m, &c](std::string_view text) {
    for (const char ch : text)
      m.compact[c++] = ch;
  };
  compact(",\"");
  compact(name);
  compact("\":");
  m.compact_size = static_cast<std::uint8_t>(c);
  return m;
}

/// `value` pretty printed by JsonWriter: the canonical layout of every document
/// the library writes from a tree (numbers in their shortest exact form, -0 as 0).
std::string pretty(const boost::json::value& value);

class JsonWriter {
 public:
  /// Appends to `out`; call finish() when the document is complete (until
  /// then, the last few kilobytes written are held in the writer).
  /// `expected_size` is a guess of the bytes to come, to allocate once.
  JsonWriter(std::string& out, bool pretty, std::size_t expected_size = 256)
      : out_(out), pretty_(pretty) {
    // Reserved, not resized: resize() would fill it with zeros first, about a
    // fifth of writing an assessment by instruction count.
    out_.reserve(out_.size() + expected_size);
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() = default;

  /// Appends what the writer still holds to `out`. Nothing may be written after it.
  void finish() { flush(); }

  /// The size `out` will have after finish(): what it held and what was written since.
  std::size_t written() const noexcept {
    return out_.size() + static_cast<std::size_t>(cur_ - buffer_.data());
  }

  void begin_object() { open('{', false); }
  void end_object() { close('}'); }
  /// `flat`: the array holds scalars only and goes on one line when pretty.
  void begin_array(bool flat) { open('[', flat); }
  void end_array() { close(']'); }

  /// An object member's name; the value follows with the next call. Member
  /// names are the library's own identifiers: nothing to escape.
  void key(std::string_view name) {
    before_value();
    put('"');
    put(name);
    put(pretty_ ? "\": " : "\":", pretty_ ? 3 : 2);
    after_key_ = true;
  }

  /// A member's name made ahead (member_name()) for an object at its depth:
  /// the same text as key(name), with no scan and one copy.
  MYOREF_WRITER_INLINE void key(const MemberName& name) {
    Frame& f = frames_[depth_ - 1];
    const std::size_t skip = f.empty ? 1U : 0U;  // no comma before the first
    f.empty = false;
    after_key_ = true;
    const char* const text = (pretty_ ? name.pretty : name.compact) + skip;
    const std::size_t n = (pretty_ ? name.pretty_size : name.compact_size) - skip;
    // Most names with what goes before them fit in 32 chars, and the room of
    // a MemberName lets 32 be read from any of its texts: one fixed copy.
    static_assert(MemberName::kRoom >= 32 + 1);
    if (n <= 32 && static_cast<std::size_t>(end_ - cur_) >= 32) {
      std::memcpy(cur_, text, 32);
      cur_ += n;
      return;
    }
    put(text, n);
  }
  /// A flat array (on one line when pretty) of values already written as
  /// JSON: raw_value(piece(item)) for each of `items` between begin_array(true)
  /// and end_array(), with no frame.
  template <class Items, class Piece>
  void raw_array(const Items& items, Piece piece) {
    array_of<false>(items, piece);
  }

  // The same for JSON text that can be read 32 chars past its start whatever
  // its length (JsonFragments' pieces): a piece of up to 32 chars is copied
  // as one fixed 32-char move, with no branch on its length.
  void raw_value_padded(std::string_view json) {
    before_value();
    put_padded(json);
  }
  void member_padded(const MemberName& name, std::string_view json) {
    key(name);
    after_key_ = false;
    put_padded(json);
  }
  template <class Items, class Piece>
  void raw_array_padded(const Items& items, Piece piece) {
    array_of<true>(items, piece);
  }
  void raw_padded(std::string_view json) { put_padded(json); }

  /// A float's text (shortest_float_text()) as a value: one 16-byte store.
  void float_text(FloatText text) {
    before_value();
    reserve(sizeof text);
    std::memcpy(cur_, &text, sizeof text);
    cur_ += text.size();
  }

  /// A string that needs no escaping (an enum's spelling, an identifier):
  /// the same text as value(text), unscanned.
  void plain_value(std::string_view text) {
    before_value();
    put('"');
    put(text);
    put('"');
  }

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(int number);
  void value(float number);
  void value(bool flag);
  void null();

  /// A member name that may need escaping (a tree's keys).
  void escaped_key(std::string_view name) {
    before_value();
    write_string(name);
    put(':');
    if (pretty_)
      put(' ');
    after_key_ = true;
  }

  /// A whole tree, in this writer's layout (an array of scalars is flat).
  void tree(const boost::json::value& v);

  /// key + value in one call.
  template <class T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

  /// A value already written as JSON: a quoted and escaped string, say.
  void raw_value(std::string_view json) {
    before_value();
    put(json);
  }
  /// A value written in pieces: begin_raw_value(), then raw() for each piece
  /// of its JSON text.
  void begin_raw_value() { before_value(); }
  void raw(std::string_view json) { put(json); }

 private:
  struct Frame {
    bool flat = false;
    bool empty = true;
  };

  // Copies n bytes; the short pieces a document is mostly made of without a
  // call (two overlapping loads and stores, within [src, src + n)).
  static void copy_bytes(char* dst, const char* src, std::size_t n) {
    if (n > 32) {
      std::memcpy(dst, src, n);
    } else if (n >= 16) {
      char a[16];
      char b[16];
      std::memcpy(a, src, 16);
      std::memcpy(b, src + n - 16, 16);
      std::memcpy(dst, a, 16);
      std::memcpy(dst + n - 16, b, 16);
    } else if (n >= 8) {
      std::uint64_t a = 0;
      std::uint64_t b = 0;
      std::memcpy(&a, src, 8);
      std::memcpy(&b, src + n - 8, 8);
      std::memcpy(dst, &a, 8);
      std::memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4) {
      std::uint32_t a = 0;
      std::uint32_t b = 0;
      std::memcpy(&a, src, 4);
      std::memcpy(&b, src + n - 4, 4);
      std::memcpy(dst, &a, 4);
      std::memcpy(dst + n - 4, &b, 4);
    } else if (n > 0) {
      dst[0] = src[0];
      dst[n / 2] = src[n / 2];
      dst[n - 1] = src[n - 1];
    }
  }

  // Raw appends into the writer's own buffer, [cur_, end_), which flush()
  // appends to out_ when it is full: std::string::append costs a call and
  // checks per piece, and a document has thousands of pieces.
  MYOREF_WRITER_INLINE void put(const char* text, std::size_t n) {
    if (static_cast<std::size_t>(end_ - cur_) < n) {
      put_long(text, n);
      return;
    }
    copy_bytes(cur_, text, n);
    cur_ += n;
  }
  void put(std::string_view text) { put(text.data(), text.size()); }
  MYOREF_WRITER_INLINE void put(char c) {
    if (cur_ == end_)
      flush();
    *cur_++ = c;
  }
  /// Makes room for n more chars in the buffer (a number's: n is small).
  void reserve(std::size_t n) {
    if (static_cast<std::size_t>(end_ - cur_) < n)
      flush();
  }
  MYOREF_WRITER_INLINE void put_padded(std::string_view text) {
    if (text.size() <= 32 && static_cast<std::size_t>(end_ - cur_) >= 32) {
      std::memcpy(cur_, text.data(), 32);
      cur_ += text.size();
      return;
    }
    put(text.data(), text.size());
  }
  template <bool Padded, class Items, class Piece>
  void array_of(const Items& items, Piece piece) {
    before_value();
    put('[');
    bool first = true;
    for (const auto& item : items) {
      if (!first) {
        if (pretty_) {
          put(", ", 2);
        } else {
          put(',');
        }
      }
      first = false;
      if constexpr (Padded) {
        put_padded(piece(item));
      } else {
        put(piece(item));
      }
    }
    put(']');
  }
  /// put() of more than the buffer has room for.
  void put_long(const char* text, std::size_t n);
  /// Appends the buffer to out_ and empties it.
  void flush();

  void open(char bracket, bool flat);
  void close(char bracket);
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!pretty_ && depth_ != 0) {  // compact: a comma after the first element
      Frame& f = frames_[depth_ - 1];
      if (!f.empty)
        put(',');
      f.empty = false;
      return;
    }
    before_element();
  }
  void before_element();
  void newline_and_indent(std::size_t depth);
  void write_string(std::string_view text);

  // 4 KB less a little: a full buffer is appended by memcpy's vector loop
  // (glibc copies 4 KB and more with rep movsb, which valgrind counts byte by
  // byte, as it does memset's rep stosb).
  static constexpr std::size_t kBuffer = 4096 - 64;

  std::string& out_;
  // Written before it is read ([buffer_, cur_) is what was written).
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
  std::array<char, kBuffer> buffer_;
  char* cur_ = buffer_.data();
  char* end_ = buffer_.data() + buffer_.size();
  bool pretty_;
  bool after_key_ = false;
  std::size_t depth_ = 0;
  // Assessment documents nest five levels, a knowledge base's canonical tree
  // six; 64 holds any tree read within the default limits (32 levels) and
  // needs no heap.
  std::array<Frame, 64> frames_{};
};

}  // namespace myoref::detail

#endif  // MYOREF_SRC_ASSESS_JSON_WRITER_HPP
