// The C++ types behind the module's classes that more than one part of the
// module creates: knowledge-base records by index, and the assessment and plan
// objects that keep the Python KnowledgeBase they were made with.
#ifndef MYOREF_PYTHON_OBJECTS_HPP
#define MYOREF_PYTHON_OBJECTS_HPP

#include <cstdint>
#include <utility>

#include "common.hpp"

namespace myoref::python {

/// A record of a knowledge base, by index. Tag keeps the kinds apart.
template <class Tag>
struct Ref {
  KnowledgeBase kb;
  std::uint16_t index = 0;

  friend bool operator==(const Ref& a, const Ref& b) {
    return a.index == b.index && a.kb.hash() == b.kb.hash();
  }
};

struct RegionTag {};
struct FindingTag {};
struct RedFlagTag {};
struct PrecautionTag {};
struct ScreenTag {};
struct TriageRuleTag {};
struct LookalikeTag {};
struct CitationTag {};
struct MuscleTag {};
struct ExerciseTag {};
using RegionRef = Ref<RegionTag>;
using FindingRef = Ref<FindingTag>;
using RedFlagRef = Ref<RedFlagTag>;
using PrecautionRef = Ref<PrecautionTag>;
using ScreenRef = Ref<ScreenTag>;
using TriageRuleRef = Ref<TriageRuleTag>;
using LookalikeRef = Ref<LookalikeTag>;
using CitationRef = Ref<CitationTag>;
using MuscleRef = Ref<MuscleTag>;
using ExerciseRef = Ref<ExerciseTag>;

/// A trigger point or a finding weight: an element of one muscle's list.
template <class Tag>
struct MemberRef {
  KnowledgeBase kb;
  MuscleIndex muscle = 0;
  std::uint16_t index = 0;

  friend bool operator==(const MemberRef& a, const MemberRef& b) {
    return a.muscle == b.muscle && a.index == b.index && a.kb.hash() == b.kb.hash();
  }
};
struct TriggerPointTag {};
struct FindingWeightTag {};
using TriggerPointRef = MemberRef<TriggerPointTag>;
using FindingWeightRef = MemberRef<FindingWeightTag>;

/// An assessment with the myoref.KnowledgeBase object it was made with, so that
/// `.kb` gives that same object back (and pickling many assessments of one
/// knowledge base stores it once).
struct PyAssessment {
  Assessment assessment;
  py::object kb;  ///< the myoref.KnowledgeBase the assessment was made with
};

/// A plan with the myoref.KnowledgeBase object it was made with.
struct PyPlan {
  Plan plan;
  py::object kb;  ///< the myoref.KnowledgeBase the plan was made with
};

}  // namespace myoref::python

#endif  // MYOREF_PYTHON_OBJECTS_HPP
