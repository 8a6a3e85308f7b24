#include "support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace myoref::test {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string source_path(const std::string& relative) {
  return std::string(MYOREF_SOURCE_DIR) + "/" + relative;
}

namespace {

KnowledgeBase loaded(Expected<KnowledgeBase> kb, const char* what) {
  if (!kb)
    throw std::runtime_error(std::string(what) + " does not load: " + kb.error().to_string());
  return std::move(kb).value();
}

}  // namespace

const KnowledgeBase& default_kb() {
  static const KnowledgeBase kb = loaded(KnowledgeBase::builtin(), "the built-in knowledge base");
  return kb;
}

const std::string& minimal_kb_text() {
  static const std::string text = read_text(MYOREF_TEST_DATA "/data/kb/minimal.json");
  return text;
}

const KnowledgeBase& minimal_kb() {
  static const KnowledgeBase kb =
      loaded(KnowledgeBase::from_json(minimal_kb_text()), "tests/data/kb/minimal.json");
  return kb;
}

void check_golden(const std::string& path, const std::string& actual) {
  const char* update = std::getenv("MYOREF_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  std::string expected;
  try {
    expected = read_text(path);
  } catch (const std::runtime_error&) {
    // An empty expectation: the check below says which file is missing.
  }
  INFO("golden file " << path << " (MYOREF_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE_FALSE(expected.empty());
  if (expected != actual) {
    std::ofstream(path + ".actual", std::ios::binary) << actual;
    FAIL("output differs from " << path << "; written to " << path << ".actual");
  }
}

}  // namespace myoref::test
