// How the library's own layers reach what a KnowledgeBase holds: the model
// (detail::KbData, this folder) and the engine compiled from it
// (detail::Engine, src/engine/). Hosts never see either.
//
// The model knows nothing of the engine: the engine is named here only as an
// incomplete type, so that a KnowledgeBase can carry one.
#ifndef MYOREF_SRC_KB_KB_ACCESS_HPP
#define MYOREF_SRC_KB_KB_ACCESS_HPP

#include <memory>
#include <utility>

#include "myoref/kb.hpp"

namespace myoref::detail {

struct KbAccess {
  static const KbData& model(const KnowledgeBase& kb) noexcept { return *kb.d_; }
  static const std::shared_ptr<const KbData>& shared_model(const KnowledgeBase& kb) noexcept {
    return kb.d_;
  }
  /// Null for the empty knowledge base and for a model's view (below).
  static const Engine* engine(const KnowledgeBase& kb) noexcept { return kb.e_.get(); }
  /// A knowledge base of a model and its engine. With no engine, a view for
  /// the engine's compilers to read the model through the public accessors.
  static KnowledgeBase make(std::shared_ptr<const KbData> model,
                            std::shared_ptr<const Engine> engine) noexcept {
    return KnowledgeBase(std::move(model), std::move(engine));
  }
};

/// The model of `kb`.
inline const KbData& model_of(const KnowledgeBase& kb) noexcept {
  return KbAccess::model(kb);
}

}  // namespace myoref::detail

#endif  // MYOREF_SRC_KB_KB_ACCESS_HPP
