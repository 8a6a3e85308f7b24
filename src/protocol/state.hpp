// The plan's state and the rules that change it, shared by Plan (start, log),
// the document reader (which replays a stored history through the same rules)
// and next().
#ifndef MYOREF_SRC_PROTOCOL_STATE_HPP
#define MYOREF_SRC_PROTOCOL_STATE_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/plan.hpp"

namespace myoref::detail {

/// A value in a plan's reason, kept without words so that the reason can be
/// said in any language: text that is the same in every language (a date,
/// ids), a number, a count of points, a candidate of the plan (by index), or
/// red-flag ids ("a,b").
struct PlanArg {
  enum class Kind { text, number, points, candidate, red_flags };
  std::string name;
  Kind kind = Kind::text;
  std::string text;
  long long number = 0;
};

/// Why the plan is where it is: a message key and its values (docs/languages.md).
struct PlanReason {
  std::string key;
  std::vector<PlanArg> args;
};

struct PlanState {
  KnowledgeBase kb;
  PlanOptions options;
  TriageLevel triage = TriageLevel::self_care;
  std::vector<std::string> triage_advice;
  int baseline_pain = 0;
  std::vector<PrecautionIndex> precautions;  // the person's, in knowledge-base order
  std::optional<int> duration_days;          // at the start, when known
  std::vector<PlanCandidate> candidates;
  std::optional<std::size_t> current;  // into candidates; nullopt once exhausted
  PlanStatus status = PlanStatus::active;
  Outcome outcome = Outcome::started;  // what last changed the status or target
  PlanReason why;                      // why, without words
  std::string reason;                  // why, in words, in the knowledge base's language
  std::vector<SessionRecord> sessions;
  std::vector<std::int32_t> session_days;  // sessions' dates as day numbers

  explicit PlanState(KnowledgeBase k) : kb(std::move(k)) {}
};

/// "Gluteus medius (left)", "Gluteus medius (both sides)", or the bare name
/// for a midline candidate, in the knowledge base's language; with `source`,
/// in the source language (English), as plan documents record it.
std::string candidate_label(const KnowledgeBase& kb, const PlanCandidate& candidate,
                            bool source = false);

/// The reason said in the knowledge base's language, or (`source`) in
/// English, as the plan document records it whatever the language.
std::string say_reason(const PlanState& state, const PlanReason& why, bool source = false);

/// "release, stretch and strengthen" in a catalogue's words.
std::string step_list(const Catalogue& messages, const std::vector<Step>& steps);

/// Sets the state's reason (`why` and its words).
void set_reason(PlanState& state, PlanReason why);

/// The plan key of a candidate: the knowledge base's key, or "muscle:both".
std::string plan_candidate_key(const KnowledgeBase& kb, CandidateIndex candidate, bool both_sides);

/// Whether a session's target names the plan candidate `pc`: its key, or for a
/// both-sides candidate either side's key (an alias may stand for the id).
bool names_candidate(const KnowledgeBase& kb, const PlanCandidate& pc, std::string_view target);

/// Sessions reported no meaningful improvement (no relief) for this long: the
/// days from the first session to the last, when the last showed no relief.
bool no_improvement_stop(const PlanState& state);

/// The acute phase: the pain's first week, counted from duration_days at the
/// start plus the days since the first session.
bool in_acute_phase(const PlanState& state);

/// Options within their documented ranges; diagnostics under `base`.
std::vector<Diagnostic> check_options(const PlanOptions& options, std::string_view base);

/// Release sessions on `target`, counted back from the last session, since its
/// last relief: the ones that count towards release_trials.
int release_trials_without_relief(const PlanState& state, CandidateIndex target);
/// Sessions with relief in a row on `target`, ending with the last session.
int relief_streak(const PlanState& state, CandidateIndex target);
/// Sessions in a row, ending with the last, whose pain was worse than the baseline allows.
int worse_streak(const PlanState& state);

/// Whether `pain` is relief against `baseline` under `options`.
bool is_relief(const PlanOptions& options, int baseline, int pain) noexcept;

/// Why no plan may start from `seed` (urgent or emergency triage, under 16,
/// an emergency-level question pending), or nullopt. Checked before anything
/// else about the seed.
std::optional<Error> safety_refusal(const KnowledgeBase& kb, const PlanSeed& seed);

/// The state of a new plan: candidate list from `ranking` (plus related
/// muscles when the options say so), the first one current. Checks the seed.
Expected<PlanState> initial_state(const KnowledgeBase& kb, const PlanSeed& seed,
                                  const PlanOptions& options);

/// A state whose candidate list is given as is (a stored plan's), the first
/// one current, no session yet.
struct StartFacts {
  TriageLevel triage = TriageLevel::self_care;
  std::vector<std::string> triage_advice;
  int baseline_pain = 0;
  std::vector<PrecautionIndex> precautions;
  std::optional<int> duration_days;
};
PlanState initial_state_with(const KnowledgeBase& kb, const PlanOptions& options, StartFacts facts,
                             std::vector<PlanCandidate> candidates);

/// Applies one session to `state` in place. On error `state` may be partly
/// changed: callers apply to a copy and keep it only on success. Diagnostic
/// paths are JSON pointers under `base` (the session's place in a document).
Expected<Decision> apply_session(PlanState& state, const SessionLog& session,
                                 std::string_view base);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_PROTOCOL_STATE_HPP
