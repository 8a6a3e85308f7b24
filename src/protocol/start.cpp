// Plan::start from an Assessment: the assessment's ranking, triage and the
// highest intensity in its intake become the seed.
#include "kb/kb_mismatch.hpp"
#include "myoref/assess.hpp"
#include "myoref/plan.hpp"

namespace myoref {

Expected<Plan> Plan::start(const KnowledgeBase& kb, const Assessment& assessment,
                           const PlanOptions& options) {
  if (assessment.kb().id() != kb.id() || assessment.kb().hash() != kb.hash()) {
    return detail::kb_mismatch("the assessment", assessment.kb().id(), assessment.kb().hash(), kb);
  }
  PlanSeed seed;
  seed.triage = assessment.triage().level;
  seed.triage_advice = myoref::triage_advice(kb, assessment.triage());
  seed.baseline_pain = max_intensity(assessment.intake());
  // Safety first: at urgent or emergency the refusal is the answer, whatever
  // else the assessment holds.
  if (seed.triage < TriageLevel::urgent) {
    if (assessment.candidate_count() == 0) {
      return Error(
          ErrorCode::invalid_input, "no plan: the assessment names no candidate muscle",
          {{"/candidates", "empty: no muscle in the knowledge base explains the drawing"}});
    }
    if (seed.baseline_pain < 1) {
      return Error(ErrorCode::invalid_input, "no plan: the intake reports no pain",
                   {{"/intake/pain", "every intensity is 0; there is nothing to relieve"}});
    }
  }
  seed.ranking.reserve(assessment.candidate_count());
  for (std::size_t rank = 0; rank < assessment.candidate_count(); ++rank) {
    seed.ranking.push_back(assessment.candidate(rank).candidate);
  }
  return start(kb, seed, options);
}

}  // namespace myoref
