// The last step of loading a knowledge base: derived tables.
//
// This is the one place where tables compiled from the validated model are
// built (scoring matrices and the like). Everything it may rely on is already
// in place when it runs: the model, every id resolved, region_keys,
// candidates, the mirror tables, the lookups and the hash.
#include "kb/kb_data.hpp"

#include <memory>

#include "assess/explanation_tables.hpp"
#include "assess/json_fragments.hpp"
#include "assess/scoring.hpp"

namespace myoref::detail {

Status finalize(KbData& kb) {
  // The scoring compiler reads the model through the public accessors; a
  // non-owning view (aliasing constructor, no owner) gives it them.
  const KnowledgeBase view(std::shared_ptr<const KbData>(std::shared_ptr<const KbData>(), &kb));
  kb.scoring = compile_scoring_tables(view);
  kb.explanation = compile_explanation_tables(view, kb.scoring);
  kb.assessment_json = compile_json_fragments(view, kb.scoring, kb.explanation);
  return {};
}

}  // namespace myoref::detail
