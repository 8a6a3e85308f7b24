// Assessment: red-flag triage first, then candidate muscles ranked by how well
// their referral zones and characteristic findings explain a pain drawing,
// each with the reasons (and the knowledge-base citations) behind it.
//
// Everything here is a pure function of a KnowledgeBase and an Intake: no
// global state, no clock, no files, safe from any number of threads, and the
// same intake always gives byte-identical JSON. Bad input comes back as an
// Error with a JSON-pointer Diagnostic per problem (all problems at once);
// nothing here throws for bad input or aborts.
//
// The scoring formula, its rationale and its limits are in docs/assessment.md;
// the JSON shapes are those of docs/contract.md ("Intake", "Assessment").
#ifndef MYOREF_ASSESS_HPP
#define MYOREF_ASSESS_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gsl/span>

#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/types.hpp"

namespace myoref {

// ---------------------------------------------------------------------------
// Intake
// ---------------------------------------------------------------------------

/// One mark of a pain drawing: a region on one side (a region key) and how
/// much it hurts now, 0..10 (NPRS). Intensity 0 means "drawn, no pain now":
/// the mark is kept and echoed, but the region does not count as painful.
struct PainMark {
  RegionKeyIndex region_key = 0;  ///< index into KnowledgeBase::region_keys()
  int intensity = 0;              ///< 0..10

  friend bool operator==(const PainMark& a, const PainMark& b) {
    return a.region_key == b.region_key && a.intensity == b.intensity;
  }
};

/// What a person reports: the input to triage and assessment. Build it with
/// parse_intake() from JSON, or in code from knowledge-base indices (the C API
/// does) and check it with validate_intake(). Order does not matter: the
/// canonical form (intake_to_json, Assessment::intake) sorts every list by
/// knowledge-base index.
struct Intake {
  std::vector<PainMark> pain;           ///< at least one mark; one per region key
  std::vector<FindingIndex> findings;   ///< findings the person confirmed
  std::vector<FindingIndex> denied;     ///< findings the person denied (unlisted = unknown)
  std::vector<RedFlagIndex> red_flags;  ///< red-flag questions the person answered yes
  /// Red-flag questions the person answered no. A red flag in neither list is
  /// unanswered, which is never taken as a no.
  std::vector<RedFlagIndex> red_flags_denied;
  std::vector<PrecautionIndex> precautions;  ///< precautions that apply to the person
  std::optional<int> age;                    ///< years, 0..120
  std::optional<int> duration_days;          ///< how long the pain has lasted, 0..36500
  std::optional<Onset> onset;                ///< how the pain began, when the person says
  std::optional<Sex> sex;                    ///< when the person says

  friend bool operator==(const Intake& a, const Intake& b) {
    return a.pain == b.pain && a.findings == b.findings && a.denied == b.denied &&
           a.red_flags == b.red_flags && a.red_flags_denied == b.red_flags_denied &&
           a.precautions == b.precautions && a.age == b.age && a.duration_days == b.duration_days &&
           a.onset == b.onset && a.sex == b.sex;
  }
};

/// Bounds on what one intake may contain, so that a hostile or broken input
/// costs little. A document or intake beyond them is a limit_exceeded Error.
struct IntakeLimits {
  std::size_t max_bytes = 64U << 10U;  ///< JSON text size
  std::size_t max_pain_marks = 256;    ///< elements of "pain"
  /// Elements of each of findings, denied, red_flags, red_flags_denied, precautions.
  std::size_t max_ids = 256;
};

/// The highest intensity in the drawing (0 when nothing hurts now).
int max_intensity(const Intake& intake) noexcept;

/// Reads an intake from JSON text (docs/contract.md "Intake"). Strict: unknown
/// fields, wrong types, out-of-range numbers, unknown ids (with the closest
/// known id suggested), a side on a midline region or none on a paired one,
/// the same region and side twice, a coarse region with one of its own parts, repeated ids, a
/// finding both confirmed and denied, a red flag both answered yes and no, a sex other than
/// "female" or "male", and lists beyond `limits` are errors. Every problem is reported together,
/// each with its JSON pointer ("/pain/2/intensity"). Errors: parse (not JSON), limit_exceeded,
/// invalid_input.
Expected<Intake> parse_intake(const KnowledgeBase& kb, std::string_view json,
                              const IntakeLimits& limits = {});

/// Checks an intake built in code against the same rules as parse_intake:
/// indices inside `kb`, intensities 0..10, at least one mark, no region key
/// twice, no repeated id, no finding both confirmed and denied, no red flag
/// both answered yes and no, age 0..120,
/// duration 0..36500, counts within `limits`. Paths are those the intake's
/// JSON form would have ("/pain/1/intensity", "/denied/0").
/// Errors: invalid_input, limit_exceeded.
Status validate_intake(const KnowledgeBase& kb, const Intake& intake,
                       const IntakeLimits& limits = {});

/// The canonical JSON text of a valid intake: compact, keys in the order of
/// the contract (pain, findings, denied, red_flags, red_flags_denied,
/// precautions, age, duration_days, onset, sex; absent optional fields left out), every list sorted
/// by knowledge-base index. parse_intake() of the result gives the intake back. Expects a valid
/// intake (indices inside `kb`).
std::string intake_to_json(const KnowledgeBase& kb, const Intake& intake);

// ---------------------------------------------------------------------------
// Triage
// ---------------------------------------------------------------------------

/// What the age rule (kb.age_rule(): new pain in the young or the old) made of
/// an intake. When age or duration is missing the rule is never skipped
/// silently: see docs/assessment.md.
enum class AgeRuleOutcome : std::uint8_t {
  /// Age inside the band, or the pain is not new.
  not_applicable = 0,
  /// Age outside the band and the pain is new: raises the level.
  applies = 1,
  /// Age outside the band, duration not given: treated as new, raises the level.
  applies_duration_unknown = 2,
  /// Age not given and the pain possibly new: cannot be checked; said, not raised.
  age_unknown = 3,
};

/// "not_applicable", "applies", "applies_duration_unknown", "age_unknown".
std::string_view to_string(AgeRuleOutcome outcome) noexcept;

/// A red-flag question the drawing calls for, and why it is asked.
struct Question {
  RedFlagIndex red_flag = 0;  ///< the question: KnowledgeBase::red_flags()[red_flag].question
  std::string why;            ///< "pain in the chest (left) at 58"
};

/// How a red-flag question was answered: yes (in red_flags), no (in
/// red_flags_denied) or not at all. Never answered is never taken as no.
enum class Answer : std::uint8_t { pending = 0, yes = 1, no = 2 };

/// "pending", "yes", "no".
std::string_view to_string(Answer answer) noexcept;

/// The answer an intake gives to one red-flag question.
Answer answer_of(const Intake& intake, RedFlagIndex flag) noexcept;

/// A rule that raised the level (under 16, a fall, nerve-root pain,
/// inflammatory back pain, pain only where no muscle explains it, unanswered
/// questions, new pain at an age), with its reason, advice and sources.
struct RuleHit {
  std::string id;                                  ///< "fall_fragile"
  TriageLevel level = TriageLevel::see_clinician;  ///< the level it raises to
  std::string reason;                              ///< why, in plain words
  std::string advice;                              ///< what to do
  std::vector<CitationIndex> cite;                 ///< the sources behind it
};

/// A look-alike whose features the intake matches (also_consider).
struct LookalikeMatch {
  std::uint16_t lookalike = 0;   ///< index into KnowledgeBase::lookalikes()
  std::vector<std::string> why;  ///< the features matched, in words
};

/// The triage of an intake: its level and every reason behind it. The level
/// is self_care only when every question the drawing calls for was answered
/// no and no red flag, rule or age rule says otherwise; it is never above
/// self_care without a reason listed here.
struct Triage {
  TriageLevel level = TriageLevel::self_care;  ///< the highest level any reason raises it to
  /// The confirmed red flags, most urgent level first, then knowledge-base order.
  std::vector<RedFlagIndex> red_flags;
  AgeRuleOutcome age_rule =
      AgeRuleOutcome::not_applicable;  ///< what the age rule made of the intake
  /// Every red-flag question this drawing, age, sex and onset call for (the
  /// screens and matched look-alikes open them), most severe first.
  std::vector<Question> questions;
  /// The questions not answered, most severe first.
  std::vector<RedFlagIndex> pending;
  /// True when `pending` is not empty: the level is then at least see_clinician.
  bool provisional = false;
  /// The rules that raised the level, most severe first.
  std::vector<RuleHit> rules;
  /// Non-muscular explanations whose features the intake matches.
  std::vector<LookalikeMatch> also_consider;
  /// Confirmed findings not counted for any muscle (nerve-type symptoms when
  /// a nerve-root pattern matched), in knowledge-base order.
  std::vector<FindingIndex> set_aside;

  /// Whether the age rule raised the level (applies or applies_duration_unknown).
  bool age_rule_raises() const noexcept {
    return age_rule == AgeRuleOutcome::applies ||
           age_rule == AgeRuleOutcome::applies_duration_unknown;
  }
};

/// Screens an intake for red flags and the age rule. Independent of scoring
/// and always done first. Expects indices inside `kb` (a validated intake).
Triage triage(const KnowledgeBase& kb, const Intake& intake);

/// The red-flag questions to ask for this intake, most severe first: those its
/// drawing, age, sex and onset call for that it has not answered. Validates
/// the intake first (errors as validate_intake).
Expected<std::vector<Question>> questions(const KnowledgeBase& kb, const Intake& intake);

/// JSON in, JSON out: {"questions": [{"id", "level", "text", "why"}, ...]}.
Expected<std::string> questions_json(const KnowledgeBase& kb, std::string_view intake_json,
                                     bool pretty = false, const IntakeLimits& limits = {});

/// What triage advises, in plain words: each confirmed red flag's advice (in
/// Triage::red_flags order), each rule's advice, then the age rule's advice
/// when it could not be checked. Empty at self_care with nothing to say.
std::vector<std::string> triage_advice(const KnowledgeBase& kb, const Triage& triage);

// ---------------------------------------------------------------------------
// Assessment
// ---------------------------------------------------------------------------

/// Why a candidate is where it is; one line of its `basis`. A reason names
/// knowledge-base entries by index; Assessment::describe() writes it in words
/// with its citation keys.
enum class ReasonKind : std::uint8_t {
  /// Painful regions in the essential zone of trigger point `trigger_point`.
  essential_zone = 0,
  /// Painful regions only in the spillover zone of `trigger_point`.
  spillover_zone = 1,
  /// Regions of the best-matching trigger point's essential zone not drawn as painful.
  zone_not_painful = 2,
  /// A confirmed finding that counts for the muscle.
  finding_for = 3,
  /// A confirmed finding that counts against it.
  finding_against = 4,
  /// A denied finding that would have counted for it.
  denied_for = 5,
};

/// One reason for a candidate's place, naming knowledge-base entries by index.
struct Reason {
  ReasonKind kind = ReasonKind::essential_zone;  ///< which kind of reason; says which fields apply
  /// Zone kinds: index into Muscle::trigger_points of the candidate's muscle.
  std::uint16_t trigger_point = 0;
  /// Finding kinds: the finding, and the index into Muscle::findings of its weight.
  FindingIndex finding = 0;
  std::uint16_t finding_weight = 0;  ///< Finding kinds: the index into Muscle::findings
  /// Zone kinds: the region keys meant, in knowledge-base order.
  gsl::span<const RegionKeyIndex> regions;
  /// The citations behind the statement (the trigger point's or the finding
  /// weight's); a view into the KnowledgeBase.
  gsl::span<const CitationIndex> cite;
};

/// The parts a candidate's score is made of (docs/assessment.md).
struct ScoreParts {
  /// E: the intensity share of the drawing its zones explain, 0..1.
  float explained_share = 0.0F;
  /// K: how much of its best trigger point's essential zone hurts, 0..1.
  float essential_coverage = 0.0F;
  /// D = E * (k + (1 - k) * K), 0..1.
  float drawing_fit = 0.0F;
  /// F: the signed sum of the finding weights that apply.
  float findings_evidence = 0.0F;
};

/// One ranked candidate. The spans view its Assessment's storage (and the
/// KnowledgeBase's) and live as long as any copy of that Assessment.
struct RankedCandidate {
  CandidateIndex candidate = 0;  ///< index into KnowledgeBase::candidates()
  float score = 0.0F;            ///< in (0, 1]
  /// True when another listed candidate has exactly the same score (the same
  /// float, bit for bit). The two sides of a muscle tie when the drawing is
  /// symmetric for it (only midline regions, or the same regions on both
  /// sides): the reports then present them as one "both sides" entry.
  bool tied = false;
  ScoreParts parts;                             ///< what the score is made of
  gsl::span<const RegionKeyIndex> explained;    ///< painful region keys its zones cover
  gsl::span<const RegionKeyIndex> unexplained;  ///< painful region keys they do not
  gsl::span<const FindingIndex> findings_for;   ///< confirmed, counting for it
  /// Confirmed findings counting against it, and denied ones that would count for it.
  gsl::span<const FindingIndex> findings_against;
  gsl::span<const Reason> basis;  ///< every reason, zones first; Assessment::describe() words each
};

namespace detail {
struct AssessmentData;
}

/// The result of assess(): triage, ranked candidates with explanations, a set
/// cover of the painful regions, the canonical intake and the knowledge base
/// it was made with. Immutable and cheap to copy (copies share one result);
/// safe to read from any number of threads.
class Assessment {
 public:
  /// The knowledge base it was made with (a copy shares its model).
  const KnowledgeBase& kb() const noexcept;
  /// The intake as validated, in canonical order.
  const Intake& intake() const noexcept;
  /// The triage, done before and independently of the ranking.
  const Triage& triage() const noexcept;

  /// Candidates with score > 0, by score descending; equal scores (ties) by
  /// muscle id ascending, then side (left before right). That order does not
  /// depend on which side was drawn, so the list is mirror-symmetric:
  /// assessing the mirrored intake (every side swapped) gives the same
  /// sequence of muscles, scores and `tied` flags, each candidate's side
  /// swapped, except that a muscle whose two sides tie is still listed left
  /// first (the pair is one "both sides" entry, not a choice of side).
  std::size_t candidate_count() const noexcept;
  /// The candidate at `rank` (0 = most likely); rank < candidate_count().
  RankedCandidate candidate(std::size_t rank) const;
  /// The score of every candidate, indexed like kb().candidates() (0 for the
  /// ones not listed). Equal to score_batch() for a drawing with no findings.
  gsl::span<const float> scores() const noexcept;

  /// Painful region keys (intensity > 0), in knowledge-base order.
  gsl::span<const RegionKeyIndex> painful() const noexcept;
  /// A small ordered set of candidates that together explain the painful
  /// regions (greedy set cover: each adds the most unexplained pain; equal
  /// gains go to the candidate with more of its gain on its own side, then to
  /// the higher-ranked one). Mirror-symmetric like the list: where the two
  /// sides of a tied muscle would serve equally, the left one is taken
  /// whichever way the drawing is mirrored.
  gsl::span<const CandidateIndex> cover() const noexcept;
  /// Painful region keys that no muscle in the knowledge base refers pain to.
  gsl::span<const RegionKeyIndex> unexplained() const noexcept;

  /// One reason in words, ending with its citation keys: "Refers pain to top
  /// of the pelvis (left) and sacrum: essential zone of the back trigger point
  /// [donnelly2019]". `candidate` is the one the reason belongs to.
  std::string describe(CandidateIndex candidate, const Reason& reason) const;

  /// The contract's Assessment JSON (plus documented extra fields), compact,
  /// or with two-space indentation when `pretty`. Byte-identical for the same
  /// intake and knowledge base.
  std::string to_json(bool pretty = false) const;

  /// A plain-text report for a person: the triage banner first, the likely
  /// muscles with their reasons, the cover, regions nothing explains, and a
  /// note that this is not a diagnosis.
  std::string to_text() const;

  /// Wraps a result; made by assess(), not by hosts.
  explicit Assessment(std::shared_ptr<const detail::AssessmentData> d) noexcept
      : d_(std::move(d)) {}

 private:
  std::shared_ptr<const detail::AssessmentData> d_;
};

/// Triage and score one intake. Validates it first (validate_intake) and
/// returns that Error when it is not valid; otherwise never fails except for
/// out_of_memory.
Expected<Assessment> assess(const KnowledgeBase& kb, const Intake& intake);

/// Reads an assessment document (Assessment::to_json, compact or pretty) back
/// by re-assessing its echoed intake with `kb`: the result is what this library
/// makes of that intake now. Errors: parse, limit_exceeded, invalid_input
/// (paths inside "/intake/..."), kb_mismatch when the document's "kb" id or
/// hash is not `kb`'s.
Expected<Assessment> assessment_from_json(const KnowledgeBase& kb, std::string_view json,
                                          const IntakeLimits& limits = {});

/// JSON in, JSON out: parse_intake + assess + to_json in one call.
Expected<std::string> assess_json(const KnowledgeBase& kb, std::string_view intake_json,
                                  bool pretty = false, const IntakeLimits& limits = {});

// ---------------------------------------------------------------------------
// Batch scoring
// ---------------------------------------------------------------------------

/// Scores many pain drawings at once, with no findings, on `threads` threads
/// (0 = one per hardware thread; small batches stay on the calling thread).
///
/// `drawings` is row-major n x kb.region_keys().size(): intensities 0..10 by
/// region key (0 = not painful); for float input any finite value in [0, 10].
/// `out` is row-major n x kb.candidates().size() and receives the scores; row
/// i equals Assessment::scores() for drawing i as an intake with no findings
/// (to 1e-5; in practice exactly). The caller owns both buffers.
///
/// Every value is checked before anything is scored; on an error `out` is left
/// untouched. Errors: invalid_argument for a null pointer with n > 0;
/// invalid_input for a value outside [0, 10] or not finite (path "/ROW/COLUMN";
/// at most 20 such problems are listed).
///@{
Status score_batch(const KnowledgeBase& kb, const std::uint8_t* drawings, std::size_t n, float* out,
                   unsigned threads = 0);
Status score_batch(const KnowledgeBase& kb, const float* drawings, std::size_t n, float* out,
                   unsigned threads = 0);
///@}

}  // namespace myoref

#endif  // MYOREF_ASSESS_HPP
