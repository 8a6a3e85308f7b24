// See kb_mismatch.hpp.
#include "kb/kb_mismatch.hpp"

#include <string>

#include "util/json.hpp"

namespace myoref::detail {

Error kb_mismatch(std::string_view what, std::string_view id, std::string_view hash,
                  const KnowledgeBase& kb) {
  const std::string given = quoted(kb.id()) + " " + kb.version();
  const std::string made = "made with " + quoted(id) + " (hash " + quoted(hash) + ")";
  const std::string is = "; the one given is " + given + " (hash " + quoted(kb.hash()) + ")";
  if (id == kb.id()) {
    return Error(ErrorCode::kb_mismatch,
                 std::string(what) + " was made with another knowledge base: the same id " +
                     quoted(id) + " but other content than the one given (" + given + ")",
                 {{"/kb/hash", made + is}});
  }
  return Error(ErrorCode::kb_mismatch,
               std::string(what) + " was made with another knowledge base (" + quoted(id) +
                   ") than the one given (" + given + ")",
               {{"/kb/id", made + is}});
}

}  // namespace myoref::detail
