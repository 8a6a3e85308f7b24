// The knowledge base: body chart, muscles, trigger points and their referral
// zones, findings, red flags, exercises and citations.
//
// A KnowledgeBase is immutable once loaded and cheap to copy (copies share one
// read-only model), so one instance can be used from any number of threads.
// Ids are resolved to dense indices at load; every span returned here lives as
// long as any copy of the KnowledgeBase it came from.
//
// The JSON schema is documented in docs/knowledge-base.md.
#ifndef MYOREF_KB_HPP
#define MYOREF_KB_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gsl/span>

#include "myoref/error.hpp"
#include "myoref/types.hpp"

namespace myoref {

/// A clinical statement in the knowledge base's own words and the citation
/// keys behind it. Every statement has at least one citation.
struct Statement {
  std::string text;
  std::vector<CitationIndex> cite;
};

struct Citation {
  std::string key;   ///< "donnelly2019"
  std::string text;  ///< the full reference
};

struct Region {
  std::string id;    ///< "buttock_upper"
  std::string name;  ///< "Upper buttock"
  std::string what;  ///< a plain description a person can recognise
  Laterality laterality = Laterality::paired;
  View view = View::both;
};

/// A region on one side: what a pain mark and a referral zone point at.
struct RegionKey {
  RegionIndex region = 0;
  Side side = Side::none;  ///< none exactly when the region is midline
  std::string key;         ///< "buttock_upper:left", or "sacrum"
};

struct Finding {
  std::string id;        ///< "walking"
  std::string question;  ///< asked of a person: "Does walking bring on the pain?"
  std::string what;      ///< short description: "pain when walking"
};

struct RedFlag {
  std::string id;
  TriageLevel level = TriageLevel::see_clinician;
  std::string question;  ///< asked of a person
  std::string advice;    ///< what to do when confirmed, in plain words
  std::vector<CitationIndex> cite;
};

/// New pain in the young or the old: raises triage to `level`.
struct AgeRule {
  TriageLevel level = TriageLevel::see_clinician;
  int younger_than = 20;      ///< applies when age < younger_than ...
  int older_than = 55;        ///< ... or age > older_than ...
  int max_duration_days = 42; ///< ... and the pain is this new or newer
  std::string advice;
  std::vector<CitationIndex> cite;
};

/// A finding that counts for (weight > 0) or against (weight < 0) a muscle.
struct FindingWeight {
  FindingIndex finding = 0;
  float weight = 0.0F;  ///< in [-1, 1], never 0
  std::vector<CitationIndex> cite;
};

struct TriggerPoint {
  std::string id;        ///< unique within the muscle: "posterior"
  std::string name;      ///< "Posterior trigger point"
  std::string location;  ///< where to find it, in plain words
  std::vector<RegionIndex> essential;  ///< where referred pain nearly always appears
  std::vector<RegionIndex> spillover;  ///< where it appears in some people
  SideRelation side = SideRelation::same;
  std::vector<CitationIndex> cite;
};

/// Numbers a person can follow. At least one of the optional numbers is set.
struct Dose {
  std::optional<int> hold_seconds;
  std::optional<int> repetitions;
  std::optional<int> sets;
  std::optional<int> duration_seconds;
  bool per_side = false;
  std::string frequency;  ///< "daily", "3 times a week"

  /// "3 sets of 10 repetitions, each side, daily".
  std::string to_string() const;
};

struct Exercise {
  std::string id;
  std::string name;
  Step step = Step::release;
  std::vector<MuscleIndex> targets;
  std::vector<std::string> equipment;  ///< hands, massage_ball, foam_roller, ...
  std::vector<std::string> instructions;  ///< numbered in this order
  Dose dose;
  std::vector<std::string> cues;
  std::vector<std::string> cautions;
  std::optional<ExerciseIndex> regression;   ///< an easier exercise
  std::optional<ExerciseIndex> progression;  ///< a harder one
  std::vector<CitationIndex> cite;
};

struct Layer {
  std::vector<std::string> over;   ///< what lies over (superficial to) the muscle
  std::vector<std::string> under;  ///< what lies under (deep to) it
  std::vector<CitationIndex> cite;
};

struct Attachments {
  std::string origin;
  std::string insertion;
  std::vector<CitationIndex> cite;
};

struct Muscle {
  std::string id;    ///< "gluteus_medius"
  std::string name;  ///< "Gluteus medius"
  std::vector<std::string> aliases;  ///< other ids that resolve to this muscle
  bool midline = false;  ///< one candidate with no side (e.g. the pelvic floor)
  std::string fma;       ///< Foundational Model of Anatomy id, "" when not given
  std::string uberon;    ///< UBERON id, "" when not given
  Statement summary;     ///< one paragraph: what it is and why it matters
  Statement location;
  Layer layer;
  Attachments attachments;
  std::vector<Statement> actions;
  std::vector<Statement> loaded_by;            ///< activities that load it
  std::vector<Statement> perpetuating_factors;
  std::vector<Statement> symptoms;
  std::vector<FindingWeight> findings;
  Statement self_test;
  std::vector<TriggerPoint> trigger_points;
  std::vector<MuscleIndex> related;  ///< muscles to check next, in order
  std::vector<Statement> differentials;  ///< conditions that can look alike
  std::vector<ExerciseIndex> protocol[kStepCount];  ///< by Step, in order
};

/// A candidate source of pain: a muscle on one side (or a midline muscle).
struct Candidate {
  MuscleIndex muscle = 0;
  Side side = Side::none;
  std::string key;  ///< "gluteus_medius:left", or "pelvic_floor"
};

struct Point {
  float x = 0.0F;
  float y = 0.0F;
};

/// One closed shape of a region key in one view, in chart coordinates.
struct ChartShape {
  RegionKeyIndex key = 0;
  View view = View::back;  ///< front or back, never both
  std::vector<Point> points;
};

/// Where a trigger point sits on the chart, for one candidate's side.
struct ChartMark {
  MuscleIndex muscle = 0;
  std::uint16_t trigger_point = 0;  ///< index into Muscle::trigger_points
  Side side = Side::none;
  View view = View::back;
  Point at;
};

/// Body chart geometry. Each view is drawn in a box of width x height; right-
/// side shapes and marks are the authored left-side ones mirrored about the
/// view's midline (the knowledge base authors left and midline only).
struct Chart {
  float width = 0.0F;
  float height = 0.0F;
  std::vector<std::vector<Point>> outline[2];  ///< figure outline by view (front, back)
  std::vector<ChartShape> shapes;              ///< every region key, both sides
  std::vector<ChartMark> marks;                ///< trigger points, both sides
};

/// Limits that keep a hostile document from costing much (docs/knowledge-base.md,
/// "Loading"). Going past one is an Error with code limit_exceeded.
struct KbLimits {
  std::size_t max_bytes = 8U << 20U;
  std::size_t max_depth = 32;
  std::size_t max_array = 10000;
};

namespace detail {
struct KbData;
}

class KnowledgeBase {
 public:
  /// An empty knowledge base (no regions, no muscles, empty id), for a
  /// variable that a loaded one is assigned to later.
  KnowledgeBase() noexcept;

  /// The knowledge base compiled into the library, loaded on the first call
  /// and shared by every later one. Never fails in a correct build (the test
  /// suite loads the embedded text), but reports an Error rather than
  /// aborting if it ever did.
  static Expected<KnowledgeBase> builtin();

  /// Load and validate a knowledge base from JSON text. On failure the Error
  /// lists every problem found, each with its JSON pointer.
  static Expected<KnowledgeBase> from_json(std::string_view text, const KbLimits& limits = {});

  const std::string& id() const noexcept;
  const std::string& version() const noexcept;
  const std::string& title() const noexcept;
  /// SHA-256 (hex) of the canonical form; equal hashes mean equal content.
  /// Computed on the first call and kept (safe from any thread); empty for a
  /// default-constructed KnowledgeBase, or if memory ran out computing it.
  const std::string& hash() const noexcept;

  /// The canonical JSON form: fixed key order, no insignificant whitespace
  /// differences. Loading it again gives the same hash.
  std::string to_json() const;

  /// One muscle in canonical JSON: {"muscle": {...}, "exercises": [...]}, the
  /// exercises being those of its protocol (step by step, in order) followed
  /// by the regressions and progressions they lead to. `muscle` must be an
  /// index into muscles().
  std::string muscle_to_json(MuscleIndex muscle) const;

  gsl::span<const Citation> citations() const noexcept;
  gsl::span<const Region> regions() const noexcept;
  gsl::span<const RegionKey> region_keys() const noexcept;
  gsl::span<const Finding> findings() const noexcept;
  gsl::span<const RedFlag> red_flags() const noexcept;
  const AgeRule& age_rule() const noexcept;
  gsl::span<const Muscle> muscles() const noexcept;
  gsl::span<const Candidate> candidates() const noexcept;
  gsl::span<const Exercise> exercises() const noexcept;
  const Chart& chart() const noexcept;

  std::optional<CitationIndex> find_citation(std::string_view key) const noexcept;
  std::optional<RegionIndex> find_region(std::string_view id) const noexcept;
  /// Region key index of (region, side); side must be none for midline regions.
  std::optional<RegionKeyIndex> find_region_key(RegionIndex region, Side side) const noexcept;
  /// By key text: "buttock_upper:left" or "sacrum".
  std::optional<RegionKeyIndex> find_region_key(std::string_view key) const noexcept;
  std::optional<FindingIndex> find_finding(std::string_view id) const noexcept;
  std::optional<RedFlagIndex> find_red_flag(std::string_view id) const noexcept;
  /// By id or by any alias ("psoas" finds iliopsoas).
  std::optional<MuscleIndex> find_muscle(std::string_view id_or_alias) const noexcept;
  std::optional<CandidateIndex> find_candidate(MuscleIndex muscle, Side side) const noexcept;
  /// By key text: "gluteus_medius:left" (an alias may stand for the id).
  std::optional<CandidateIndex> find_candidate(std::string_view key) const noexcept;
  std::optional<ExerciseIndex> find_exercise(std::string_view id) const noexcept;

  /// The region key the region of `key` has on the other side (itself for midline).
  RegionKeyIndex mirror(RegionKeyIndex key) const noexcept;
  CandidateIndex mirror_candidate(CandidateIndex candidate) const noexcept;

  /// The known id closest to `unknown` among regions, findings, red flags,
  /// muscles (by edit distance), for "did you mean ...?" messages; "" if none is close.
  std::string suggest_region(std::string_view unknown) const;
  std::string suggest_finding(std::string_view unknown) const;
  std::string suggest_red_flag(std::string_view unknown) const;
  std::string suggest_muscle(std::string_view unknown) const;

  /// Internal compiled tables (scoring, lookups); not part of the stable API.
  const detail::KbData& data() const noexcept { return *d_; }

  explicit KnowledgeBase(std::shared_ptr<const detail::KbData> d) noexcept : d_(std::move(d)) {}

 private:
  std::shared_ptr<const detail::KbData> d_;
};

}  // namespace myoref

#endif  // MYOREF_KB_HPP
