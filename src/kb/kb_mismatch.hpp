// The one refusal for a document (an assessment, a plan) made with another
// knowledge base than the one given, so that the assessment reader, the plan
// reader and Plan::start word it alike.
#ifndef MYOREF_SRC_KB_KB_MISMATCH_HPP
#define MYOREF_SRC_KB_KB_MISMATCH_HPP

#include <string_view>

#include "myoref/error.hpp"
#include "myoref/kb.hpp"

namespace myoref::detail {

/// An ErrorCode::kb_mismatch error: `what` ("plan", "assessment") was made
/// with knowledge base `id` of content hash `hash`, not with `kb`. The
/// diagnostic points at /kb/id when the ids differ and at /kb/hash when only
/// the content does; the document's own text is quoted as JSON strings.
Error kb_mismatch(std::string_view what, std::string_view id, std::string_view hash,
                  const KnowledgeBase& kb);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_KB_KB_MISMATCH_HPP
