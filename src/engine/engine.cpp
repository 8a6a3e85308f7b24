// Loading a knowledge base: the model (src/kb/), then the engine compiled
// from it. This is the one place where a KnowledgeBase a host can hold is
// made from a document.
#include "engine/engine.hpp"

#include <new>
#include <string>
#include <utility>

#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"

namespace myoref {
namespace detail {

Expected<std::shared_ptr<const Engine>> compile_engine(const KnowledgeBase& model) {
  auto engine = std::make_shared<Engine>();
  engine->scoring = compile_scoring_tables(model);
  engine->explanation = compile_explanation_tables(model, engine->scoring);
  engine->triage = compile_triage_tables(model, engine->scoring);
  return std::shared_ptr<const Engine>(std::move(engine));
}

const Engine& engine_of(const KnowledgeBase& kb) noexcept {
  static const Engine empty;
  const Engine* engine = KbAccess::engine(kb);
  return engine != nullptr ? *engine : empty;
}

Expected<KnowledgeBase> load_knowledge_base(std::string_view text, const KbLimits& limits,
                                            std::shared_ptr<const Catalogue> messages,
                                            std::string_view locale) {
  auto model = load_model(text, limits, std::move(messages), locale);
  if (!model)
    return std::move(model).error();
  std::shared_ptr<const KbData> shared = std::move(*model);
  // The compilers read the model through the public accessors.
  auto engine = compile_engine(KbAccess::make(shared, nullptr));
  if (!engine)
    return std::move(engine).error();
  return KbAccess::make(std::move(shared), std::move(*engine));
}

}  // namespace detail

Expected<KnowledgeBase> KnowledgeBase::from_json(std::string_view text, const KbLimits& limits) {
  try {
    return detail::load_knowledge_base(text, limits, nullptr, "en");
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while loading the knowledge base");
  } catch (const std::exception& e) {
    return Error(ErrorCode::internal,
                 std::string("internal error while loading the knowledge base: ") + e.what());
  } catch (...) {
    return Error(ErrorCode::internal, "internal error while loading the knowledge base");
  }
}

}  // namespace myoref
