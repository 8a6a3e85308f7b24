// JSON text from the C++ API to plain Python objects, without json.loads.
//
// Assessment.to_dict() used to be json.loads(to_json()): 65-150 us against
// some 3 us for the assessment itself, most of it json.loads building a str
// for every key of every candidate. This reader makes the same objects (dict,
// list, str, int, float, bool, None; floats parsed by PyOS_string_to_double,
// correctly rounded like json.loads) and reuses one str per object key and
// per short value it has seen (ids, keys, names), which Python strings, being
// immutable, allow.
//
// It reads only what the library writes (well-formed JSON); on anything else
// it falls back to json.loads, whose error is then the one raised.
#include <Python.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace myoref::python {
namespace {

/// One str per distinct short text, kept for the life of the process (ids,
/// keys and names come from a knowledge base: a bounded set). Long texts and
/// texts past the cap are made anew each time.
///
/// A flat table with linear probing: a lookup is one hash of a few words and
/// usually one comparison, where std::unordered_map cost a third of to_dict()
/// in node chasing and byte hashing.
class StrCache {
 public:
  static constexpr std::size_t kMaxLength = 48;
  static constexpr std::size_t kSlots = std::size_t{1} << 12U;
  static constexpr std::size_t kMaxEntries = kSlots / 2;  // keeps probe runs short

  /// A new reference, or nullptr with a Python error set.
  PyObject* get(std::string_view text) {
    if (text.size() > kMaxLength)
      return make(text);
    const std::uint64_t h = hash(text);
    std::size_t i = h & (kSlots - 1);
    for (;; i = (i + 1) & (kSlots - 1)) {
      Slot& slot = slots_[i];
      if (slot.str == nullptr)
        break;
      if (slot.hash == h && slot.text == text) {
        Py_INCREF(slot.str);
        return slot.str;
      }
    }
    PyObject* s = make(text);
    if (s == nullptr || entries_ >= kMaxEntries)
      return s;
    Slot& slot = slots_[i];
    slot.hash = h;
    slot.text = texts_.emplace_back(text);
    Py_INCREF(s);  // the cache's own reference, never released
    slot.str = s;
    ++entries_;
    return s;
  }

  static PyObject* make(std::string_view text) {
    return PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "strict");
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view text;  // into texts_
    PyObject* str = nullptr;
  };

  /// The length and the first and last eight bytes, mixed by a multiply:
  /// enough to tell ids apart (they differ at the start or at the side
  /// suffix), and comparisons settle the rest.
  static std::uint64_t hash(std::string_view text) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    if (text.size() >= 8) {
      std::memcpy(&first, text.data(), 8);
      std::memcpy(&last, text.data() + text.size() - 8, 8);
    } else {
      for (const char c : text)
        first = (first << 8U) | static_cast<unsigned char>(c);
    }
    std::uint64_t h = (first ^ (text.size() * kMul)) * kMul;
    h = (h ^ (h >> 29U) ^ last) * kMul;
    return h ^ (h >> 32U);
  }

  std::deque<std::string> texts_;  // stable addresses for the views in slots_
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
  std::size_t entries_ = 0;
};

StrCache& str_cache() {
  static auto* cache = new StrCache();  // NOLINT(cppcoreguidelines-owning-memory): never freed
  return *cache;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  /// A new reference, or nullptr when the text is not what the library
  /// writes (a Python error may be set; the caller clears it).
  PyObject* document() {
    PyObject* v = value(0);
    if (v == nullptr)
      return nullptr;
    skip_space();
    if (pos_ != text_.size()) {
      Py_DECREF(v);
      return nullptr;
    }
    return v;
  }

 private:
  static constexpr int kMaxDepth = 128;

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        return;
      ++pos_;
    }
  }

  bool eat(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word)
      return false;
    pos_ += word.size();
    return true;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    return -1;
  }

  bool code_unit(std::uint32_t& out) {
    if (pos_ + 4 > text_.size())
      return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hex(text_[pos_ + static_cast<std::size_t>(i)]);
      if (h < 0)
        return false;
      out = out * 16U + static_cast<std::uint32_t>(h);
    }
    pos_ += 4;
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80U) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800U) {
      out += static_cast<char>(0xC0U | (cp >> 6U));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000U) {
      out += static_cast<char>(0xE0U | (cp >> 12U));
      out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
      out += static_cast<char>(0xF0U | (cp >> 18U));
      out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
      out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
  }

  /// At the opening quote: a new str, or nullptr.
  PyObject* string() {
    ++pos_;
    const std::size_t start = pos_;
    // memchr is vectorised: find the closing quote, then any escape before it.
    const char* base = text_.data();
    const void* quote = std::memchr(base + pos_, '"', text_.size() - pos_);
    if (quote == nullptr)
      return nullptr;
    const auto end = static_cast<std::size_t>(static_cast<const char*>(quote) - base);
    const void* escape = std::memchr(base + pos_, '\\', end - pos_);
    pos_ =
        escape == nullptr ? end : static_cast<std::size_t>(static_cast<const char*>(escape) - base);
    if (text_[pos_] == '"') {
      const std::string_view s = text_.substr(start, pos_ - start);
      ++pos_;
      return str_cache().get(s);
    }
    // Escapes: decode into a buffer.
    std::string buffer(text_.substr(start, pos_ - start));
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"')
        return StrCache::make(buffer);
      if (c != '\\') {
        buffer += c;
        continue;
      }
      if (pos_ >= text_.size())
        return nullptr;
      const char e = text_[pos_++];
      switch (e) {
        case '"':
          buffer += '"';
          break;
        case '\\':
          buffer += '\\';
          break;
        case '/':
          buffer += '/';
          break;
        case 'b':
          buffer += '\b';
          break;
        case 'f':
          buffer += '\f';
          break;
        case 'n':
          buffer += '\n';
          break;
        case 'r':
          buffer += '\r';
          break;
        case 't':
          buffer += '\t';
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!code_unit(cp))
            return nullptr;
          if (cp >= 0xD800U && cp <= 0xDBFFU) {
            std::uint32_t low = 0;
            if (!literal("\\u") || !code_unit(low) || low < 0xDC00U || low > 0xDFFFU)
              return nullptr;
            cp = 0x10000U + ((cp - 0xD800U) << 10U) + (low - 0xDC00U);
          } else if (cp >= 0xDC00U && cp <= 0xDFFFU) {
            return nullptr;
          }
          append_utf8(buffer, cp);
          break;
        }
        default:
          return nullptr;
      }
    }
    return nullptr;
  }

  PyObject* number() {
    const std::size_t start = pos_;
    bool real = false;
    if (text_[pos_] == '-')
      ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c >= '0' && c <= '9') {
        ++pos_;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        real = true;
        ++pos_;
      } else {
        break;
      }
    }
    const std::string digits(text_.substr(start, pos_ - start));
    if (digits.empty() || digits == "-")
      return nullptr;
    if (real) {
      char* end = nullptr;
      const double d = PyOS_string_to_double(digits.c_str(), &end, nullptr);
      if (end != digits.c_str() + digits.size()) {
        PyErr_Clear();
        return nullptr;
      }
      return PyFloat_FromDouble(d);
    }
    return PyLong_FromString(digits.c_str(), nullptr, 10);
  }

  PyObject* value(int depth) {
    skip_space();
    if (pos_ >= text_.size() || depth > kMaxDepth)
      return nullptr;
    const char c = text_[pos_];
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        if (!literal("true"))
          return nullptr;
        Py_RETURN_TRUE;
      case 'f':
        if (!literal("false"))
          return nullptr;
        Py_RETURN_FALSE;
      case 'n':
        if (!literal("null"))
          return nullptr;
        Py_RETURN_NONE;
      default:
        return number();
    }
  }

  PyObject* object(int depth) {
    ++pos_;
    PyObject* dict = PyDict_New();
    if (dict == nullptr)
      return nullptr;
    if (eat('}'))
      return dict;
    do {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        Py_DECREF(dict);
        return nullptr;
      }
      PyObject* key = string();
      if (key == nullptr || !eat(':')) {
        Py_XDECREF(key);
        Py_DECREF(dict);
        return nullptr;
      }
      PyObject* v = value(depth + 1);
      const int failed = v == nullptr ? -1 : PyDict_SetItem(dict, key, v);
      Py_DECREF(key);
      Py_XDECREF(v);
      if (failed != 0) {
        Py_DECREF(dict);
        return nullptr;
      }
    } while (eat(','));
    if (!eat('}')) {
      Py_DECREF(dict);
      return nullptr;
    }
    return dict;
  }

  PyObject* array(int depth) {
    ++pos_;
    PyObject* list = PyList_New(0);
    if (list == nullptr)
      return nullptr;
    if (eat(']'))
      return list;
    do {
      PyObject* v = value(depth + 1);
      const int failed = v == nullptr ? -1 : PyList_Append(list, v);
      Py_XDECREF(v);
      if (failed != 0) {
        Py_DECREF(list);
        return nullptr;
      }
    } while (eat(','));
    if (!eat(']')) {
      Py_DECREF(list);
      return nullptr;
    }
    return list;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

py::object json_to_python(std::string_view text) {
  PyObject* v = Reader(text).document();
  if (v != nullptr)
    return py::reinterpret_steal<py::object>(v);
  if (PyErr_Occurred() != nullptr && PyErr_ExceptionMatches(PyExc_MemoryError) != 0)
    throw py::error_already_set();
  PyErr_Clear();
  return json_loads(text);  // not the library's JSON: json.loads says why
}

}  // namespace myoref::python
