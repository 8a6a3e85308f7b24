// Helpers shared by the knowledge-base tests (tests/unit/test_kb*.cpp).
#ifndef MYOREF_TESTS_UNIT_TEST_KB_SUPPORT_HPP
#define MYOREF_TESTS_UNIT_TEST_KB_SUPPORT_HPP

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace myoref::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// tests/data/kb/minimal.json: a small, complete, valid knowledge base.
inline const std::string& minimal_kb_text() {
  static const std::string text = read_text(MYOREF_TEST_DATA "/data/kb/minimal.json");
  return text;
}

}  // namespace myoref::test

#endif  // MYOREF_TESTS_UNIT_TEST_KB_SUPPORT_HPP
