// Helpers shared by the C++ tests (tests/unit/*.cpp): reading files, the
// built-in and the small knowledge bases, golden files.
#ifndef MYOREF_TESTS_SUPPORT_SUPPORT_HPP
#define MYOREF_TESTS_SUPPORT_SUPPORT_HPP

#include <string>

#include "myoref/kb.hpp"

namespace myoref::test {

/// The whole file, bytes as they are; throws std::runtime_error when it cannot
/// be read.
std::string read_text(const std::string& path);

/// A path below the source tree: source_path("tests/golden/render/x.svg").
std::string source_path(const std::string& relative);

/// The built-in knowledge base, loaded once; throws when it does not load.
const KnowledgeBase& default_kb();

/// tests/data/kb/minimal.json: a small, complete, valid knowledge base (its
/// pelvic floor is a midline muscle), as text and loaded once.
const std::string& minimal_kb_text();
const KnowledgeBase& minimal_kb();

/// Compares `actual` with the golden file at `path` byte for byte (a failed
/// check writes it to PATH.actual), or rewrites the file when the environment
/// has MYOREF_UPDATE_GOLDEN=1.
void check_golden(const std::string& path, const std::string& actual);

}  // namespace myoref::test

#endif  // MYOREF_TESTS_SUPPORT_SUPPORT_HPP
