// Explanations from findings: what the answered findings say for and against
// one muscle, worked out once per muscle and copied for its other side.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "assess/explain.hpp"

namespace myoref::detail {

namespace {

/// Muscles with at most this many finding weights have their finding reasons
/// ordered in one pass (the usual case); others in one pass per kind.
constexpr std::ptrdiff_t kFewWeights = 32;

/// Insertion sort for the handful of values of one list: a call of
/// std::sort costs more than sorting two or three values, and
/// std::stable_sort would allocate.
template <class T>
void sort_small(T* first, T* last) {
  if (first == last)
    return;
  for (T* i = first + 1; i < last; ++i) {
    const T moving = *i;
    T* j = i;
    for (; j > first && moving < *(j - 1); --j)
      *j = *(j - 1);
    *j = moving;
  }
}

/// Appends one reason from a finding, and the finding to the list.
void emit(ExplainCursor& out, ReasonKind kind, const ExplanationTables::Weight& w) {
  Reason& reason = *out.reasons++;
  reason.kind = kind;
  reason.trigger_point = 0;
  reason.finding = w.finding;
  reason.finding_weight = w.index;
  reason.regions = {};
  reason.cite = w.cite;
  *out.findings++ = w.finding;
}

/// The reasons in one pass over the muscle's weights: reasons for the
/// muscle are written at once, the others kept aside until they are.
/// Returns where the against list begins.
FindingIndex* emit_in_one_pass(const ExplanationTables::Weight* w0,
                               const ExplanationTables::Weight* w1, const std::uint8_t* state,
                               ExplainCursor& out) {
  const ExplanationTables::Weight* against_w[kFewWeights];
  const ExplanationTables::Weight* denied_w[kFewWeights];
  std::size_t n_against = 0;
  std::size_t n_denied = 0;
  for (const auto* w = w0; w != w1; ++w) {
    const std::uint8_t answer = state[w->finding];
    if (answer == kUnknown)
      continue;
    if (answer == kConfirmed) {
      if (w->positive) {
        emit(out, ReasonKind::finding_for, *w);
      } else {
        against_w[n_against++] = w;
      }
    } else if (w->positive) {
      denied_w[n_denied++] = w;
    }  // denying what counts against a muscle says little either way
  }
  FindingIndex* const against = out.findings;
  for (std::size_t i = 0; i < n_against; ++i)
    emit(out, ReasonKind::finding_against, *against_w[i]);
  for (std::size_t i = 0; i < n_denied; ++i)
    emit(out, ReasonKind::denied_for, *denied_w[i]);
  return against;
}

/// The same in one pass per kind, for a muscle of many weights.
FindingIndex* emit_by_kind(const ExplanationTables::Weight* w0, const ExplanationTables::Weight* w1,
                           const std::uint8_t* state, ExplainCursor& out) {
  for (const auto* w = w0; w != w1; ++w) {
    if (w->positive && state[w->finding] == kConfirmed)
      emit(out, ReasonKind::finding_for, *w);
  }
  FindingIndex* const against = out.findings;
  for (const auto* w = w0; w != w1; ++w) {
    if (!w->positive && state[w->finding] == kConfirmed)
      emit(out, ReasonKind::finding_against, *w);
  }
  for (const auto* w = w0; w != w1; ++w) {
    if (w->positive && state[w->finding] == kDenied)
      emit(out, ReasonKind::denied_for, *w);
  }
  return against;
}

}  // namespace

void explain_findings(const ExplanationTables& x, MuscleIndex m, const std::uint8_t* state,
                      std::uint8_t& muscle_state, MuscleFindings& done, ExplainCursor& out) {
  if (muscle_state == kExplained) {
    out.reasons = std::copy(out.reason_base + done.reasons_begin,
                            out.reason_base + done.reasons_begin + done.reasons_count, out.reasons);
    return;
  }
  Reason* const first = out.reasons;
  FindingIndex* const for_first = out.findings;
  const ExplanationTables::Weight* const w0 = x.weights.data() + x.muscle_weight_begin[m];
  const ExplanationTables::Weight* const w1 = x.weights.data() + x.muscle_weight_begin[m + 1U];
  FindingIndex* const against = w1 - w0 <= kFewWeights ? emit_in_one_pass(w0, w1, state, out)
                                                       : emit_by_kind(w0, w1, state, out);
  sort_small(for_first, against);
  sort_small(against, out.findings);
  done.reasons_begin = offset_of(first, out.reason_base);
  done.reasons_count = offset_of(out.reasons, first);
  done.for_begin = offset_of(for_first, out.finding_base);
  done.for_count = offset_of(against, for_first);
  done.against_begin = offset_of(against, out.finding_base);
  done.against_count = offset_of(out.findings, against);
  muscle_state = kExplained;
}

}  // namespace myoref::detail
