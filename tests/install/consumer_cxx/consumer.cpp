// Uses the installed C++ library (myoref::core): the built-in knowledge base,
// one assessment, its JSON. Built with no -std flag of its own: myoref::core
// asks for C++17 (clang 14 and g++ 12 default to older or other standards).
#include <myoref/myoref.hpp>

#include <cstdio>
#include <cstring>

int main() {
  auto kb = myoref::KnowledgeBase::builtin();
  if (!kb) {
    std::fprintf(stderr, "%s\n", kb.error().to_string().c_str());
    return 1;
  }
  auto out = myoref::assess_json(
      *kb, R"({"pain": [{"region": "buttock_upper", "side": "left", "intensity": 6}]})");
  if (!out) {
    std::fprintf(stderr, "%s\n", out.error().to_string().c_str());
    return 1;
  }
  if (out->find("gluteus_medius") == std::string::npos) {
    std::fprintf(stderr, "no gluteus_medius in the assessment\n");
    return 1;
  }
  std::printf("myoref %s (C++ %ld), kb %s\n", myoref::library_version(),
              static_cast<long>(__cplusplus), kb->hash().c_str());
  return 0;
}
