#include "util/json.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <charconv>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <utility>
#include "util/charconv.hpp"

namespace myoref::detail {
namespace {

// A basic_parser handler that builds the value on a value_stack (as Boost's
// own parser does) while enforcing what Boost 1.81 does not: duplicate keys,
// non-finite numbers and per-container size limits. It records where the
// first such problem is, as a JSON pointer.
class StrictHandler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  // temp_ is scratch the value stack starts in; it needs no initial value.
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
  StrictHandler(const JsonLimits& limits, json::storage_ptr storage)
      : st(json::storage_ptr(), temp_, sizeof temp_),
        limits_(limits),
        storage_(std::move(storage)) {}

  json::value_stack st;
  std::string problem;       // empty while all is well
  std::string problem_path;  // JSON pointer of the problem
  ErrorCode problem_code = ErrorCode::invalid_input;

  bool on_document_begin(json::error_code&) {
    st.reset(storage_);
    return true;
  }
  bool on_document_end(json::error_code&) { return true; }

  bool on_object_begin(json::error_code& ec) {
    if (!begin_value(ec) || !begin_container(ec))
      return false;
    frames_.push_back(Frame{true, 0, keys_.size(), key_chars_.size()});
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code&) {
    // The object's keys go with it; its parent's stay, so no key is copied twice.
    keys_.resize(frames_.back().keys_begin);
    key_chars_.resize(frames_.back().chars_begin);
    frames_.pop_back();
    st.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
    if (!begin_value(ec) || !begin_container(ec))
      return false;
    frames_.push_back(Frame{false, 0, keys_.size(), key_chars_.size()});
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code&) {
    frames_.pop_back();
    st.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t n, json::error_code& ec) {
    if (n > limits_.max_string)
      return fail_in_object(ec, "a key is longer than the limit");
    key_chars_.append(s.data(), s.size());
    st.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t n, json::error_code& ec) {
    if (n > limits_.max_string)
      return fail_in_object(ec, "a key is longer than the limit");
    // The key so far (parts included) is the tail of key_chars_ past the
    // object's last complete key.
    const std::size_t start = keys_.size() > frames_.back().keys_begin
                                  ? keys_.back().offset + keys_.back().size
                                  : frames_.back().chars_begin;
    key_chars_.append(s.data(), s.size());
    const std::size_t size = key_chars_.size() - start;
    Frame& f = frames_.back();
    if (++f.count > limits_.max_object) {
      keys_.push_back(Key{start, size});  // so that the path names the extra member
      return fail(ec, ErrorCode::limit_exceeded,
                  "an object has more than " + std::to_string(limits_.max_object) + " members");
    }
    const std::string_view key(key_chars_.data() + start, size);
    bool repeated = false;
    for (std::size_t k = f.keys_begin; k < keys_.size() && !repeated; ++k) {
      repeated = keys_[k].size == size &&
                 std::string_view(key_chars_.data() + keys_[k].offset, size) == key;
    }
    keys_.push_back(Key{start, size});
    if (repeated) {
      return fail(ec, ErrorCode::invalid_input, "duplicate key \"" + std::string(key) + "\"");
    }
    st.push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec) {
    if (!in_string_) {
      if (!begin_value(ec))
        return false;
      in_string_ = true;
    }
    if (n > limits_.max_string)
      return fail(ec, ErrorCode::limit_exceeded, "a string is longer than the limit");
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t n, json::error_code& ec) {
    if (!in_string_ && !begin_value(ec))
      return false;
    in_string_ = false;
    if (n > limits_.max_string)
      return fail(ec, ErrorCode::limit_exceeded, "a string is longer than the limit");
    st.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view s, json::error_code& ec) {
    if (!in_number_) {
      if (!begin_value(ec))
        return false;
      in_number_ = true;
    }
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, json::string_view, json::error_code& ec) {
    number_.clear();
    if (!end_number(ec))
      return false;
    st.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code& ec) {
    number_.clear();
    if (!end_number(ec))
      return false;
    st.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view s, json::error_code& ec) {
    if (!end_number(ec))
      return false;
    // Boost 1.81 reads a double to within an ulp or so, not always to the
    // nearest: then the shortest text that the writers print for a double
    // (std::to_chars) could read back as a neighbour, and a document would
    // not survive being written and read again. Read the text exactly.
    number_.append(s.data(), s.size());
    double exact = 0.0;
    const char* const end = number_.data() + number_.size();
    const std::errc r = detail::from_chars_exact(number_.data(), end, exact);
    number_.clear();
    if (r == std::errc()) {
      d = exact;
    } else if (r == std::errc::result_out_of_range && std::isfinite(d) && std::fabs(d) < 1.0) {
      d = std::copysign(0.0, d);  // nearer to zero than the smallest double
    } else {
      return fail(ec, ErrorCode::invalid_input, "a number is too large to represent");
    }
    st.push_double(d);
    return true;
  }
  bool on_bool(bool b, json::error_code& ec) {
    if (!begin_value(ec))
      return false;
    st.push_bool(b);
    return true;
  }
  bool on_null(json::error_code& ec) {
    if (!begin_value(ec))
      return false;
    st.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  // Keys of the open objects live in one buffer (key_chars_), found through
  // keys_; a frame remembers where its own keys begin. Nothing is allocated
  // per key or per object once the buffers have grown to the document's depth.
  struct Key {
    std::size_t offset;  // into key_chars_
    std::size_t size;
  };
  struct Frame {
    bool object;
    std::size_t count;        // members or elements so far
    std::size_t keys_begin;   // this object's first entry in keys_
    std::size_t chars_begin;  // and its first byte in key_chars_
  };

  bool begin_value(json::error_code& ec) {
    if (!frames_.empty() && !frames_.back().object) {
      if (++frames_.back().count > limits_.max_array) {
        return fail(ec, ErrorCode::limit_exceeded,
                    "an array has more than " + std::to_string(limits_.max_array) + " elements");
      }
    }
    return true;
  }
  // The depth limit is checked here rather than left to Boost so that the
  // error can name the container that is one level too deep.
  bool begin_container(json::error_code& ec) {
    if (frames_.size() >= limits_.max_depth) {
      return fail(ec, ErrorCode::limit_exceeded,
                  "nesting is deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    return true;
  }
  bool end_number(json::error_code& ec) {
    if (!in_number_ && !begin_value(ec))
      return false;
    in_number_ = false;
    return true;
  }
  bool fail(json::error_code& ec, ErrorCode code, std::string message) {
    problem = std::move(message);
    problem_code = code;
    problem_path = current_path(frames_.size());
    ec = json::error::extra_data;  // any code: it only stops the parser
    return false;
  }
  // A key that is too long has no path of its own yet: the object's.
  bool fail_in_object(json::error_code& ec, std::string message) {
    fail(ec, ErrorCode::limit_exceeded, std::move(message));
    problem_path = current_path(frames_.size() - 1);
    return false;
  }
  // The current key of an object: its last complete key ("" before the first).
  std::string_view current_key(std::size_t frame) const {
    const std::size_t end =
        frame + 1 < frames_.size() ? frames_[frame + 1].keys_begin : keys_.size();
    if (end == frames_[frame].keys_begin)
      return {};
    return std::string_view(key_chars_.data() + keys_[end - 1].offset, keys_[end - 1].size);
  }
  // The path through the first `depth` containers.
  std::string current_path(std::size_t depth) const {
    std::string p;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& f = frames_[i];
      p = f.object ? pointer(p, current_key(i)) : pointer(p, f.count == 0 ? 0 : f.count - 1);
    }
    return p;
  }

  // Scratch space for value_stack, so that a small document needs no heap for it.
  alignas(std::max_align_t) unsigned char temp_[1024];
  JsonLimits limits_;
  json::storage_ptr storage_;
  std::vector<Frame> frames_;
  std::vector<Key> keys_;
  std::string key_chars_;
  std::string number_;  // the text of a number split across buffers
  bool in_string_ = false;
  bool in_number_ = false;
};

std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Boost names most malformed text just "syntax error". These are the usual
// ways a document from another program or an editor goes wrong; name them,
// so that the person who fixes the file knows what to look for. `at` is
// where the parser stopped.
std::string explain_syntax_error(std::string_view text, std::size_t at) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    return "the text starts with a byte order mark (U+FEFF), which JSON does not allow";
  if (at >= text.size())
    return {};
  const auto c = static_cast<unsigned char>(text[at]);
  if (c == 0)
    return "a NUL byte";
  if (c == '/' && at + 1 < text.size() && (text[at + 1] == '/' || text[at + 1] == '*'))
    return "a comment (JSON has no comments)";
  if (c == '\'')
    return "a single quote (JSON strings use double quotes)";
  if (c == '\t' || c == '\n' || c == '\r')
    return "a line break or tab inside a string (write it as \\n, \\r or \\t)";
  if (c < 0x20) {
    static const char* const hex = "0123456789abcdef";
    return std::string("a control character (0x") + hex[c >> 4U] + hex[c & 15U] +
           ") that must be escaped";
  }
  if (c >= 0x80)
    return "invalid UTF-8";
  if (c == '}' || c == ']') {
    std::size_t i = at;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n' ||
                     text[i - 1] == '\r'))
      --i;
    if (i > 0 && text[i - 1] == ',')
      return "a trailing comma";
  }
  // Boost stops just after a \uXXXX escape of half a surrogate pair.
  if (at >= 6 && text[at - 6] == '\\' && (text[at - 5] == 'u' || text[at - 5] == 'U') &&
      (text[at - 4] == 'd' || text[at - 4] == 'D') &&
      std::string_view("89abAB").find(text[at - 3]) != std::string_view::npos)
    return "a \\u escape of an unpaired UTF-16 surrogate";
  for (const std::string_view word : {"NaN", "Infinity", "-Infinity", "nan", "inf", "-inf"}) {
    if (text.substr(at, word.size()) == word)
      return "NaN and infinities are not JSON numbers";
  }
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return "a bare word (text goes in double quotes; the only words are true, false and null)";
  return {};
}

}  // namespace

Expected<json::value> parse_json(std::string_view text, const JsonLimits& limits,
                                 std::string_view what) {
  // One arena for the whole document: parsing allocates many small strings
  // and containers, and they are all freed together.
  return parse_json(text, limits, what, json::make_shared_resource<json::monotonic_resource>());
}

Expected<json::value> parse_json(std::string_view text, const JsonLimits& limits,
                                 std::string_view what, json::storage_ptr storage) {
  const std::string subject(what);
  if (text.size() > limits.max_bytes) {
    return Error(ErrorCode::limit_exceeded, subject + " is too large",
                 {{"", "the document is " + std::to_string(text.size()) + " bytes; the limit is " +
                           std::to_string(limits.max_bytes)}});
  }
  json::parse_options options;
  // One more than the limit: StrictHandler reports the limit itself, with a path.
  options.max_depth = limits.max_depth + 1;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  options.allow_invalid_utf8 = false;
  json::basic_parser<StrictHandler> parser(options, limits, std::move(storage));
  json::error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  StrictHandler& h = parser.handler();
  if (!h.problem.empty()) {
    return Error(h.problem_code, subject + " is not acceptable JSON",
                 {{h.problem_path, h.problem}});
  }
  if (!ec && used < text.size()) {
    ec = json::error::extra_data;
  }
  if (ec) {
    std::string message = ec.message();
    ErrorCode code = ErrorCode::parse;
    if (ec == json::error::too_deep) {
      message = "nesting is deeper than " + std::to_string(limits.max_depth) + " levels";
      code = ErrorCode::limit_exceeded;
    } else if (ec == json::error::extra_data) {
      message = "unexpected data after the JSON document";
    } else if (text.empty() || used == text.size()) {
      message = "the document ends too early (" + message + ")";
    } else if (const std::string why = explain_syntax_error(text, used); !why.empty()) {
      message += ": " + why;
    }
    return Error(code, subject + " is not valid JSON",
                 {{"", message + " at " + line_column(text, used)}});
  }
  return h.st.release();
}

std::string pointer(std::string_view base, std::string_view token) {
  std::string out(base);
  out += '/';
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string pointer(std::string_view base, std::size_t index) {
  std::string out(base);
  out += '/';
  out += std::to_string(index);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0U : 1U)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest(std::string_view unknown, const std::vector<std::string_view>& candidates,
                    std::size_t& work) {
  if (work == 0)
    return std::string();
  const std::size_t budget = std::max<std::size_t>(2, unknown.size() / 3);
  std::size_t best = budget + 1;
  std::string_view found;
  for (const auto c : candidates) {
    // The distance is at least the difference in length: a candidate that
    // cannot beat the best so far costs nothing (this skips every candidate
    // for an "id" of thousands of characters).
    const std::size_t gap =
        c.size() > unknown.size() ? c.size() - unknown.size() : unknown.size() - c.size();
    if (gap >= best)
      continue;
    const std::size_t cost = (unknown.size() + 1) * (c.size() + 1);
    if (work < cost) {
      work = 0;
      return std::string();
    }
    work -= cost;
    const std::size_t d = edit_distance(unknown, c);
    if (d < best) {
      best = d;
      found = c;
    }
  }
  return std::string(found);
}

std::string closest(std::string_view unknown, const std::vector<std::string_view>& candidates) {
  std::size_t work = kSuggestionWorkPerCall;
  return closest(unknown, candidates, work);
}

namespace {

// The length of the well-formed UTF-8 sequence at the start of `s` (which is
// not empty), or 0 when its first byte does not start one (Unicode 15, table
// 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence(std::string_view s) noexcept {
  const auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80U) {
    return 1;
  }
  std::size_t n = 0;
  unsigned char lo = 0x80U;
  unsigned char hi = 0xBFU;
  if (b0 >= 0xC2U && b0 <= 0xDFU) {
    n = 2;
  } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
    n = 3;
    lo = b0 == 0xE0U ? 0xA0U : 0x80U;
    hi = b0 == 0xEDU ? 0x9FU : 0xBFU;
  } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
    n = 4;
    lo = b0 == 0xF0U ? 0x90U : 0x80U;
    hi = b0 == 0xF4U ? 0x8FU : 0xBFU;
  } else {
    return 0;
  }
  if (s.size() < n || byte(1) < lo || byte(1) > hi) {
    return 0;
  }
  for (std::size_t i = 2; i < n; ++i) {
    if (byte(i) < 0x80U || byte(i) > 0xBFU) {
      return 0;
    }
  }
  return n;
}

}  // namespace

std::string bounded_utf8(std::string_view text, std::size_t max_chars) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026
  std::string out;
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (chars == max_chars) {
      out += kEllipsis;
      break;
    }
    const std::size_t n = utf8_sequence(text.substr(i));
    if (n == 0) {
      out += kReplacement;
      i += 1;
    } else {
      out.append(text.data() + i, n);
      i += n;
    }
    ++chars;
  }
  return out;
}

std::string quoted(std::string_view text) {
  const std::string bounded = bounded_utf8(text);
  return json::serialize(json::string_view(bounded.data(), bounded.size()));
}

std::string did_you_mean(const std::string& suggestion) {
  return suggestion.empty() ? std::string() : " (did you mean \"" + suggestion + "\"?)";
}

}  // namespace myoref::detail
