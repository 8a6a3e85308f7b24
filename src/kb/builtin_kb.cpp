// KnowledgeBase::builtin(): the default knowledge base embedded in the library,
// with its hash computed at build time.
//
// The hash is written by tools/kb_hash, which links the rest of the core and
// runs the library's own loader, canonical text and SHA-256 over the embedded
// text (data/CMakeLists.txt). So that the tool can link without the value it
// produces, this file alone refers to it and is built apart from the rest of
// the core (the object library myoref_builtin_kb, src/CMakeLists.txt).
// tests/unit/test_kb_builtin.cpp checks the value against one computed at run
// time from the same text.
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "myoref/kb.hpp"

namespace myoref {
namespace detail {
// The default knowledge base's text, embedded by tools/kb_bundle, and the
// SHA-256 of its canonical text, embedded by tools/kb_hash.
extern const char kDefaultKbJson[];
extern const std::size_t kDefaultKbJson_size;
extern const char kDefaultKbHash[];
}  // namespace detail

Expected<KnowledgeBase> KnowledgeBase::builtin() {
  // Loaded once per process and shared by every caller. Only a success is
  // kept: a load that ran out of memory is tried again by the next call, so
  // that a moment without memory does not take the knowledge base away for
  // the rest of the process.
  static std::mutex mutex;
  static std::optional<KnowledgeBase> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  if (!loaded) {
    auto kb = from_json(std::string_view(detail::kDefaultKbJson, detail::kDefaultKbJson_size),
                        KbLimits{});
    if (!kb)
      return kb;
    // The hash known from the build, set before anyone else can see this
    // base, so that hash() finds it done and computes nothing.
    const detail::KbData& data = detail::model_of(*kb);
    try {
      std::call_once(data.hash_once, [&data] { data.hash = detail::kDefaultKbHash; });
    } catch (...) {
      // Out of memory copying 64 characters: the flag stays unset, and hash()
      // computes the same value on first use, as for any other base.
    }
    loaded = std::move(*kb);
  }
  return *loaded;
}

}  // namespace myoref
