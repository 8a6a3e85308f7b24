// Plan::start from an Assessment: the assessment's ranking, triage and the
// highest intensity in its intake become the seed.
#include "kb/kb_mismatch.hpp"
#include "myoref/assess.hpp"
#include "myoref/plan.hpp"
#include "protocol/state.hpp"

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
  const Intake& intake = assessment.intake();
  seed.age = intake.age;
  seed.pending = assessment.triage().pending;
  seed.precautions = intake.precautions;
  seed.duration_days = intake.duration_days;
  // Safety first: a refusal is the answer, whatever else the assessment holds.
  if (auto refused = detail::safety_refusal(kb, seed)) {
    return std::move(*refused);
  }
  if (assessment.candidate_count() == 0) {
    return Error(ErrorCode::invalid_input, "no plan: the assessment names no candidate muscle",
                 {{"/candidates", "empty: no muscle in the knowledge base explains the drawing"}});
  }
  if (seed.baseline_pain < 1) {
    return Error(ErrorCode::invalid_input, "no plan: the intake reports no pain",
                 {{"/intake/pain", "every intensity is 0; there is nothing to relieve"}});
  }
  seed.ranking.reserve(assessment.candidate_count());
  for (std::size_t rank = 0; rank < assessment.candidate_count(); ++rank) {
    const RankedCandidate& rc = assessment.candidate(rank);
    seed.ranking.push_back(rc.candidate);
    // A muscle whose two sides have exactly the same score (a symmetric
    // drawing) is treated on both sides together, not on the side that sorts
    // first.
    const Candidate& c = kb.candidates()[rc.candidate];
    if (c.side == Side::right) {
      for (std::size_t other = 0; other < assessment.candidate_count(); ++other) {
        const RankedCandidate& oc = assessment.candidate(other);
        const Candidate& o = kb.candidates()[oc.candidate];
        if (o.muscle == c.muscle && o.side == Side::left && oc.score == rc.score) {
          seed.both_sides.push_back(c.muscle);
        }
      }
    }
  }
  return start(kb, seed, options);
}

}  // namespace myoref
