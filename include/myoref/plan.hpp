// The self-care plan: release -> stretch -> strengthen for the most likely
// muscle, session by session, with escalation to the next candidate, stops for
// worsening pain and red flags, and a JSON document a host stores between
// sessions. The rules are those of shared/spec/protocol.md; docs/protocol.md
// describes them, the plan document and how to store it.
//
// A Plan is a value: cheap to copy (copies share one immutable state), safe to
// read from any number of threads, and changed only by log(), which either
// applies a whole session or changes nothing. It keeps a copy of the
// KnowledgeBase it was made with (also cheap), so next() and log() need nothing
// else. The library reads no clock and no files: dates come from the host and
// the host stores the document.
#ifndef MYOREF_PLAN_HPP
#define MYOREF_PLAN_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/types.hpp"

namespace myoref {

class Assessment;  // myoref/assess.hpp

/// The numbers behind the rules. A host may change them when it starts a plan;
/// the plan records what was used and keeps to it. Each field's valid range is
/// given; start() refuses anything outside it with invalid_argument.
struct PlanOptions {
  /// Release sessions on one target without relief before it is marked "not
  /// likely the source" and the next candidate is taken. 1..20.
  int release_trials = 3;
  /// A session shows relief when pain is at least `relief_points` below the
  /// baseline (1..10) ...
  int relief_points = 2;
  /// ... or at least `relief_percent` percent below it (1..100).
  int relief_percent = 30;
  /// A session counts as worse when its pain is at least this many points above
  /// the baseline (1..10) ...
  int worsening_points = 2;
  /// ... and this many worse sessions in a row stop the plan (1..10).
  int worsening_sessions = 2;
  /// Relief in this many sessions in a row on one target moves the plan to
  /// maintenance (1..20).
  int maintenance_sessions = 3;
  /// Append the top candidate's related muscles (same side) from the knowledge
  /// base to the candidate list, after the assessment's own ranking, while the
  /// list is shorter than max_candidates.
  bool append_related = true;
  /// The most candidates the plan will try, one after another (1..200). After
  /// that many without relief the plan ends (exhausted) with the advice to see
  /// a clinician rather than working down a long list.
  int max_candidates = 3;
  /// The most exercises next() offers for each step (1..10), in the muscle's
  /// protocol order.
  int max_exercises_per_step = 2;
  /// No meaningful improvement (no relief, as relief_points and relief_percent
  /// define it) in a session this many weeks or more after the first session
  /// stops the plan: stopped_seek_care (1..52).
  int no_improvement_weeks = 6;
};

/// Where a plan stands (the plan document's top-level "status").
enum class PlanStatus : std::uint8_t {
  active = 0,             ///< working through the three steps on the current target
  maintenance = 1,        ///< relief held: strengthen on, release and stretch as needed
  stopped_seek_care = 2,  ///< stopped by worsening pain or a red flag; see a clinician
  exhausted = 3,          ///< no candidate left that brought relief; see a clinician
};

/// Where each candidate stands in the plan.
enum class CandidateStatus : std::uint8_t {
  untried = 0,            ///< not yet the target
  current = 1,            ///< the target now (or when the plan stopped)
  not_likely_source = 2,  ///< release_trials release sessions brought no relief
  responding = 3,         ///< the target that brought the plan to maintenance
};

/// Why a plan has its status after the last decision.
enum class Outcome : std::uint8_t {
  started = 0,            ///< no session yet
  continued = 1,          ///< same target, same status
  escalated = 2,          ///< the target was not likely the source; moved to the next candidate
  exhausted = 3,          ///< the target was not likely the source and none is left
  maintenance = 4,        ///< relief held long enough
  stopped_worsening = 5,  ///< pain above the baseline in sessions in a row
  stopped_red_flag = 6,   ///< a session reported a red flag
  stopped_no_improvement = 7,  ///< no meaningful improvement after no_improvement_weeks
};

/// Stable lower-case names, as in plan documents ("stopped_seek_care").
///@{
std::string_view to_string(PlanStatus status) noexcept;
std::string_view to_string(CandidateStatus status) noexcept;
std::string_view to_string(Outcome outcome) noexcept;
///@}
/// Parse those names; nullopt for anything else (case-sensitive).
///@{
std::optional<PlanStatus> parse_plan_status(std::string_view text) noexcept;
std::optional<CandidateStatus> parse_candidate_status(std::string_view text) noexcept;
std::optional<Outcome> parse_outcome(std::string_view text) noexcept;
///@}

/// What a plan starts from, without an Assessment: the low-level entry that
/// the Assessment overload, the C API and tests share.
struct PlanSeed {
  /// Candidates, most likely first, as indices into kb.candidates(). At least
  /// one; no repeats.
  std::vector<CandidateIndex> ranking;
  /// The assessment's triage level. urgent and emergency are refused.
  TriageLevel triage = TriageLevel::self_care;
  /// What triage advised (each red flag's and the age rule's advice); carried
  /// into every next() answer at see_clinician.
  std::vector<std::string> triage_advice;
  /// The highest pain intensity in the intake, 1..10: what relief and
  /// worsening are measured against.
  int baseline_pain = 0;
  /// The person's age in years, when known. Under 16 is refused: the
  /// knowledge base is written for adults.
  std::optional<int> age;
  /// Red-flag questions not answered yet (an assessment's triage.pending). One
  /// at emergency level refuses the plan: a question never asked is never
  /// taken as answered no.
  std::vector<RedFlagIndex> pending;
  /// Precautions that apply to the person. The plan records them and never
  /// offers an exercise that one of them rules out.
  std::vector<PrecautionIndex> precautions;
  /// How long the pain has lasted, in days, when known. Within the first week
  /// the plan is in its acute phase: the gentlest version of each step at a
  /// lower dose, all three steps still in order.
  std::optional<int> duration_days;
  /// Muscles whose two sides are tied in the ranking (a symmetric drawing):
  /// each becomes one candidate that treats both sides together, at the place
  /// of its first side in `ranking`.
  std::vector<MuscleIndex> both_sides;
};

/// One session as the host reports it (the contract's session log).
struct SessionLog {
  std::string date;                    ///< ISO 8601 calendar date, "2026-11-24"
  std::string target;                  ///< the candidate key worked on: the plan's current target
  std::vector<Step> steps;             ///< what was done, in the order done
  int pain_before = 0;                 ///< 0..10 (NPRS) at the start of the session
  int pain_after = 0;                  ///< 0..10 at the end
  std::vector<std::string> red_flags;  ///< red-flag ids the person confirmed; empty when none
};

/// Parses a session log from JSON text. Strict: the six fields above are all
/// required, nothing else is allowed, and every problem is reported with its
/// JSON path. Checks the shape and ranges only (not the date's order or the
/// target: those are the plan's rules, checked by Plan::log).
Expected<SessionLog> parse_session(std::string_view json_text);

/// A logged session with what the rules made of it.
struct SessionRecord {
  SessionLog log;             ///< the session as logged
  CandidateIndex target = 0;  ///< its target, an index into KnowledgeBase::candidates()
  bool complete = true;       ///< all three steps were done
  std::vector<Step> missing;  ///< the steps left out, in protocol order
  bool relief = false;        ///< pain_after, or the next session's pain_before, showed relief
  bool worse = false;         ///< pain at least worsening_points above the baseline
};

/// One candidate in the plan's list.
struct PlanCandidate {
  CandidateIndex candidate = 0;  ///< an index into KnowledgeBase::candidates()
  /// "gluteus_medius:left"; "gluteus_medius:both" for both sides together.
  std::string key;
  bool related = false;  ///< appended from the top candidate's related muscles
  CandidateStatus status = CandidateStatus::untried;  ///< where it stands in the plan
  /// Both sides of the muscle together (a tie between its sides); `candidate`
  /// is then its left side.
  bool both_sides = false;
};

/// What the rules decided about one logged session. Every rule that applied
/// adds a sentence to `reasons`, in the order applied.
struct Decision {
  Outcome outcome = Outcome::continued;    ///< what the session led to
  PlanStatus status = PlanStatus::active;  ///< the plan's status after the session
  std::size_t session = 0;                 ///< the session's index in Plan::sessions()
  std::string target;                      ///< the session's target key
  std::string next_target;                 ///< the target now; "" when the plan has none
  bool complete = true;                    ///< all three steps were done
  std::vector<Step> missing;               ///< the steps left out, in protocol order
  bool relief = false;                     ///< this session showed relief
  bool previous_relief = false;  ///< this session's pain_before credited relief to the one before
  /// How soon to seek care: at a stop or when exhausted, the stop's level
  /// (see_clinician, or the highest red flag's); otherwise the plan's triage.
  TriageLevel level = TriageLevel::self_care;
  std::vector<std::string> reasons;  ///< one sentence per rule that applied, in order
  std::vector<std::string> advice;   ///< what to do now (a stop's advice, the new target)
  /// The language its words are in (the knowledge base's locale); to_text()
  /// writes its headings in it (a built-in language; English otherwise).
  std::string locale = "en";

  /// {"outcome", "status", "session", "target", "next_target", "complete",
  ///  "missing", "relief", "previous_relief", "level", "reasons", "advice"};
  /// pretty-printed, ends with a newline.
  std::string to_json() const;
  /// A few lines for people.
  std::string to_text() const;
};

/// An exercise as prescribed for the next session.
struct PrescribedExercise {
  ExerciseIndex exercise = 0;         ///< an index into KnowledgeBase::exercises()
  std::string id;                     ///< the exercise's id
  std::string name;                   ///< its name
  Dose dose;                          ///< how much and how often
  std::string dose_text;              ///< dose.to_string()
  std::vector<std::string> how;       ///< the instructions, to be numbered in order
  std::vector<std::string> cues;      ///< short tips for doing it well
  std::vector<std::string> cautions;  ///< when to stop or take care
  /// "as_listed", "progression" (harder, as relief accumulates) or
  /// "regression" (easier, because pain rose).
  std::string variant = "as_listed";
  std::string instead_of;  ///< the knowledge base's exercise it stands in for; "" when as listed
  std::optional<std::string> regression;   ///< an easier exercise's id, if there is one
  std::optional<std::string> progression;  ///< a harder one's id
};

/// One protocol step of the next session and its exercises.
struct PrescribedStep {
  Step step = Step::release;  ///< release, stretch or strengthen
  bool as_needed = false;     ///< in maintenance, release and stretch are done as needed
  std::vector<PrescribedExercise>
      exercises;  ///< in the muscle's protocol order (variant says if one was swapped)
};

/// An exercise next() did not offer because a precaution rules it out.
struct LeftOutExercise {
  std::string id;                        ///< the exercise's id
  std::string name;                      ///< its name
  Step step = Step::release;             ///< the step it belongs to
  std::vector<std::string> precautions;  ///< the precaution ids that rule it out
  std::string why;                       ///< in words: "not with blood-thinning medicine"
};

/// What to do in the next session.
struct NextStep {
  PlanStatus status = PlanStatus::active;  ///< the plan's status
  std::string target;                      ///< "" when stopped or exhausted
  std::string name;                        ///< the muscle's name; "" when there is no target
  Side side = Side::none;   ///< the target's side; none for a midline muscle or no target
  bool both_sides = false;  ///< the target is both sides of the muscle, done one after the other
  std::string reason;       ///< why the plan is where it is
  /// The acute phase (the first week of the pain): the gentlest version of each
  /// step at a lower dose.
  bool acute = false;
  TriageLevel level = TriageLevel::self_care;  ///< the triage level the advice is at
  /// release, stretch, strengthen in that order; empty when stopped or exhausted.
  std::vector<PrescribedStep> steps;
  std::vector<std::string> advice;  ///< what to keep in mind, triage advice first
  /// Exercises of the target's protocol a precaution rules out, and why.
  std::vector<LeftOutExercise> left_out;
  std::vector<std::string> precautions;  ///< the plan's precaution ids
  std::size_t sessions_logged = 0;       ///< sessions accepted so far
  /// The language its words are in (the knowledge base's locale); to_text()
  /// writes its headings in it (a built-in language; English otherwise).
  std::string locale = "en";

  /// The contract's `plan next` JSON; pretty-printed, ends with a newline.
  std::string to_json() const;
  /// The same for people.
  std::string to_text() const;
};

/// Limits for reading plan and session documents.
struct PlanLimits {
  std::size_t max_bytes = 4U << 20U;  ///< size of the JSON text
  std::size_t max_sessions = 10000;   ///< sessions in one plan
};

namespace detail {
struct PlanState;
}

/// A self-care plan: the ordered candidates, the current target, every
/// logged session and a status. Made by start(), read back by from_json(),
/// changed only by log() (all or nothing); the host stores to_json().
class Plan {
 public:
  /// The plan document format this library writes. It reads this one and every
  /// older one (upgrading them); a newer one is unsupported_version.
  static constexpr int kFormatVersion = 3;

  /// Starts a plan. Errors: safety_refusal when triage is urgent or emergency,
  /// the person is under 16, or an emergency-level question is pending
  /// (checked first, whatever else is wrong); invalid_argument for options out
  /// of range (paths "/options/..."), an empty or repeating ranking, an index
  /// outside kb.candidates(), or a baseline outside 1..10.
  static Expected<Plan> start(const KnowledgeBase& kb, const PlanSeed& seed,
                              const PlanOptions& options = {});

  /// Starts a plan from an assessment made with `kb`: its ranking (every
  /// candidate it lists), its triage and triage advice, and the highest
  /// intensity in its intake. Errors: kb_mismatch when the assessment was made
  /// with another knowledge base; safety_refusal at urgent or emergency, under
  /// 16, or while an emergency-level question is pending;
  /// invalid_input when it lists no candidate or the intake has no pain;
  /// invalid_argument for options out of range.
  static Expected<Plan> start(const KnowledgeBase& kb, const Assessment& assessment,
                              const PlanOptions& options = {});

  /// Reads a plan document written by to_json() (this or an older format).
  /// Checks, in order: strict JSON; the envelope (format, a known
  /// format_version: newer is unsupported_version); the integrity check
  /// (integrity); upgrades an older format; the knowledge base (kb_mismatch
  /// unless `kb` has the id and hash the plan was made with); every field
  /// (invalid_input); and that the history is possible: the sessions replayed
  /// through the rules give the stored state (invalid_input otherwise).
  static Expected<Plan> from_json(const KnowledgeBase& kb, std::string_view json_text,
                                  const PlanLimits& limits = {});

  /// The plan document (current format), pretty-printed, ending with a
  /// newline. from_json(kb, to_json()) gives a plan whose to_json() is identical.
  std::string to_json() const;

  /// What to do next. Never fails: on a stopped or exhausted plan it answers
  /// with the status, the reason and the advice, and no steps.
  NextStep next() const;

  /// Applies one session. On success the plan holds the session and the
  /// Decision says what the rules made of it. On any error the plan is exactly
  /// as before. Errors: invalid_input (with the session's JSON path) for a
  /// date that is not a real calendar date or is earlier than the last one, a
  /// target that is not the current target, steps out of order, repeated or
  /// empty, pain outside 0..10, unknown red flags; safety_refusal on a plan
  /// that stopped; invalid_input on an exhausted plan; limit_exceeded on a
  /// plan that holds PlanLimits{}.max_sessions sessions already (its document
  /// could not be read back with one more).
  Expected<Decision> log(const SessionLog& session);
  /// The same from JSON text (parse_session, then log).
  Expected<Decision> log(std::string_view session_json);

  /// active, maintenance, stopped_seek_care or exhausted.
  PlanStatus status() const noexcept;
  /// Why the plan is where it is: the outcome of the last change of target or
  /// status (started, escalated, maintenance, a stop), and its reason. A session
  /// that changes neither leaves both as they were; its Decision says `continued`.
  Outcome outcome() const noexcept;
  /// That reason in words.
  const std::string& reason() const noexcept;
  /// The options the plan was started with (release_trials, thresholds, ...).
  const PlanOptions& options() const noexcept;
  /// The person's precautions, recorded at the start.
  const std::vector<PrecautionIndex>& precautions() const noexcept;
  /// How long the pain had lasted at the start, in days, when known.
  std::optional<int> duration_days() const noexcept;
  /// The pain relief is measured against: the highest intensity at the start.
  int baseline_pain() const noexcept;
  /// The triage level at the start, and its advice (repeated in every next()).
  ///@{
  TriageLevel triage() const noexcept;
  const std::vector<std::string>& triage_advice() const noexcept;
  ///@}
  /// The candidates in the order they are tried, each with its status.
  const std::vector<PlanCandidate>& candidates() const noexcept;
  /// Index into candidates() of the current target; nullopt when exhausted.
  std::optional<std::size_t> current() const noexcept;
  /// Every accepted session, oldest first.
  const std::vector<SessionRecord>& sessions() const noexcept;
  /// The knowledge base the plan was made with.
  const KnowledgeBase& kb() const noexcept;

  /// Wraps a plan's state; made by start() and from_json(), not by hosts.
  explicit Plan(std::shared_ptr<const detail::PlanState> state) noexcept : s_(std::move(state)) {}

 private:
  std::shared_ptr<const detail::PlanState> s_;
};

}  // namespace myoref

#endif  // MYOREF_PLAN_HPP
