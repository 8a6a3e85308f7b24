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
  std::string text;                 ///< the statement, in plain words
  std::vector<CitationIndex> cite;  ///< the sources behind it, never empty
};

/// A source cited by the knowledge base.
struct Citation {
  std::string key;   ///< "donnelly2019"
  std::string text;  ///< the full reference
};

/// A named area of the body chart (docs/concepts.md, "The body chart").
struct Region {
  std::string id;                              ///< "buttock_upper"
  std::string name;                            ///< "Upper buttock"
  std::string what;                            ///< a plain description a person can recognise
  Laterality laterality = Laterality::paired;  ///< once on each side, or once on the midline
  View view = View::both;                      ///< the chart view(s) that show it
  /// A coarse region's finer regions (empty for any other): the coarse id means
  /// pain somewhere in their union. A part is never coarse itself.
  std::vector<RegionIndex> parts;
};

/// A region on one side: what a pain mark and a referral zone point at.
struct RegionKey {
  RegionIndex region = 0;  ///< the region, an index into KnowledgeBase::regions()
  Side side = Side::none;  ///< none exactly when the region is midline
  std::string key;         ///< "buttock_upper:left", or "sacrum"
};

/// A symptom question a person answers yes (confirmed) or no (denied).
struct Finding {
  std::string id;        ///< "walking"
  std::string question;  ///< asked of a person: "Does walking bring on the pain?"
  std::string what;      ///< short description: "pain when walking"
};

/// A sign that pain may have a serious cause: confirmed, it raises triage.
struct RedFlag {
  std::string id;                                  ///< "saddle_numbness"
  TriageLevel level = TriageLevel::see_clinician;  ///< the triage level it raises to
  std::string question;                            ///< asked of a person
  std::string advice;                              ///< what to do when confirmed, in plain words
  std::vector<CitationIndex> cite;                 ///< the sources behind it
};

/// Something a person brings to the exercises (blood thinners, pregnancy,
/// fragile bones, ...): it rules some exercises out and changes how others
/// are done. An intake lists the ones that apply (Intake::precautions).
struct Precaution {
  std::string id;                    ///< "blood_thinners"
  std::string name;                  ///< "Blood-thinning medicine"
  std::string what;                  ///< who it applies to, in plain words
  std::vector<std::string> changes;  ///< what it changes for the exercises, one point each
  std::vector<CitationIndex> cite;   ///< the sources behind it
};

/// Which red-flag questions a pain drawing opens (docs/safety.md, "Screens"):
/// a screen opens its questions when a drawn region is one of `regions`, or a
/// finding in `findings` is confirmed, and the person's age, sex and onset do
/// not rule it out. A condition whose value the intake does not give never
/// rules a screen out.
struct Screen {
  std::string id;    ///< "heart_and_lungs"
  std::string area;  ///< the area in words, "the chest, arm, neck, jaw or upper back"
  /// Region ids as written (coarse or fine). An id this knowledge base does
  /// not have never matches, so that one file can serve a finer chart.
  std::vector<std::string> region_ids;
  std::vector<RegionIndex> regions;     ///< those of region_ids this knowledge base has
  std::vector<FindingIndex> findings;   ///< confirmed findings that open it too
  std::vector<RedFlagIndex> red_flags;  ///< the questions it opens, never empty
  std::optional<int> age_min;           ///< only from this age (years)
  std::optional<int> age_max;           ///< only up to this age (years)
  std::vector<Sex> sexes;               ///< only for these; empty = everyone
  std::optional<Onset> onset_not;       ///< not when the pain began this way
  std::vector<CitationIndex> cite;      ///< the sources behind it
};

/// A triage rule that needs no red-flag answer (under 16, a fall, ...): what
/// it says and advises. The knowledge base gives the words and sources; the
/// library knows when each applies (docs/safety.md, "Rules").
struct TriageRule {
  std::string id;                                  ///< "under_16"
  TriageLevel level = TriageLevel::see_clinician;  ///< the level it raises triage to
  std::string reason;                              ///< why, in plain words
  std::string advice;                              ///< what to do
  std::vector<CitationIndex> cite;                 ///< the sources behind it
};

/// What makes a look-alike match an intake. Every condition given must hold;
/// an age or duration the intake does not give never rules it out.
struct LookalikeFeatures {
  std::vector<std::string> region_ids;   ///< a drawn region among these (empty: any drawing)
  std::vector<RegionIndex> regions;      ///< those of region_ids this knowledge base has
  std::vector<FindingIndex> findings;    ///< confirmed findings that count
  int min_findings = 1;                  ///< how many of `findings` must be confirmed
  std::vector<FindingIndex> sufficient;  ///< any one of these, confirmed, is enough on its own
  std::optional<int> age_min;            ///< from this age (years)
  std::optional<int> age_max;            ///< up to this age (years)
  std::optional<int> duration_min_days;  ///< the pain at least this many days old
  std::optional<int> duration_max_days;  ///< the pain at most this many days old
  std::optional<Onset> onset;            ///< how it began
};

/// A non-muscular explanation to name beside the muscles when its features
/// match (also_consider). Never a diagnosis.
struct Lookalike {
  std::string id;                       ///< "nerve_root_leg"
  std::string name;                     ///< "Nerve-root irritation in the leg (sciatica)"
  std::optional<TriageLevel> level;     ///< raises triage to at least this, when it matches
  LookalikeFeatures features;           ///< when it matches
  std::vector<RedFlagIndex> opens;      ///< red-flag questions it opens when it matches
  std::vector<FindingIndex> set_aside;  ///< findings no longer counted for a muscle
  std::string why;                      ///< what it is and why it is named, in plain words
  std::string advice;                   ///< what to do
  std::vector<CitationIndex> cite;      ///< the sources behind it
};

/// New pain in the young or the old: raises triage to `level`.
struct AgeRule {
  TriageLevel level = TriageLevel::see_clinician;  ///< the level it raises triage to
  int younger_than = 20;                           ///< applies when age < younger_than ...
  int older_than = 55;                             ///< ... or age > older_than ...
  int max_duration_days = 42;                      ///< ... and the pain is this new or newer
  std::string advice;                              ///< what to do when it applies, in plain words
  std::vector<CitationIndex> cite;                 ///< the sources behind it
};

/// A finding that counts for (weight > 0) or against (weight < 0) a muscle.
struct FindingWeight {
  FindingIndex finding = 0;         ///< the finding, an index into KnowledgeBase::findings()
  float weight = 0.0F;              ///< in [-1, 1], never 0
  std::vector<CitationIndex> cite;  ///< the sources behind the weight
};

/// A trigger point of a muscle and its referral pattern: essential and
/// spillover zones, on the side its side relation gives.
struct TriggerPoint {
  std::string id;                          ///< unique within the muscle: "posterior"
  std::string name;                        ///< "Posterior trigger point"
  std::string location;                    ///< where to find it, in plain words
  std::vector<RegionIndex> essential;      ///< where referred pain nearly always appears
  std::vector<RegionIndex> spillover;      ///< where it appears in some people
  SideRelation side = SideRelation::same;  ///< the side its pain appears on, relative to the muscle
  std::vector<CitationIndex> cite;         ///< the sources behind the pattern
};

/// Numbers a person can follow. At least one of the optional numbers is set.
struct Dose {
  std::optional<int> hold_seconds;      ///< how long to hold each repetition, 1..600
  std::optional<int> repetitions;       ///< repetitions per set
  std::optional<int> sets;              ///< number of sets
  std::optional<int> duration_seconds;  ///< how long the whole exercise lasts, 1..3600
  bool per_side = false;                ///< the numbers are for each side
  std::string frequency;                ///< "daily", "3 times a week"

  /// "3 sets of 10 repetitions, each side, daily".
  std::string to_string() const;
};

/// One exercise of the protocol, for one step, with its dose and how to do it.
struct Exercise {
  std::string id;                             ///< "gluteus_medius_clamshell"
  std::string name;                           ///< "Clamshell"
  Step step = Step::release;                  ///< the protocol step it belongs to
  std::vector<MuscleIndex> targets;           ///< the muscles it works on
  std::vector<std::string> equipment;         ///< hands, massage_ball, foam_roller, ...
  std::vector<std::string> instructions;      ///< numbered in this order
  Dose dose;                                  ///< how much and how often
  std::vector<std::string> cues;              ///< short tips for doing it well
  std::vector<std::string> cautions;          ///< when to stop or take care
  std::vector<PrecautionIndex> ruled_out_by;  ///< precautions under which it is never offered
  std::optional<ExerciseIndex> regression;    ///< an easier exercise
  std::optional<ExerciseIndex> progression;   ///< a harder one
  std::vector<CitationIndex> cite;            ///< the sources behind it
};

/// What lies over and under a muscle.
struct Layer {
  std::vector<std::string> over;    ///< what lies over (superficial to) the muscle
  std::vector<std::string> under;   ///< what lies under (deep to) it
  std::vector<CitationIndex> cite;  ///< the sources behind it
};

/// Where a muscle starts and ends.
struct Attachments {
  std::string origin;               ///< where it starts, in words
  std::string insertion;            ///< where it ends, in words
  std::vector<CitationIndex> cite;  ///< the sources behind it
};

/// One member muscle's ontology codes, for an entry that groups several
/// muscles (the obliques, the medial hamstrings): the ontology has a term for
/// each member and none for the group.
struct MemberCodes {
  std::string fma;     ///< Foundational Model of Anatomy id, "" when not given
  std::string uberon;  ///< UBERON id, "" when not given
};

/// A muscle: anatomy, what loads it, symptoms, findings, trigger points with
/// their zones, related muscles and its exercises for each protocol step.
struct Muscle {
  std::string id;                    ///< "gluteus_medius"
  std::string name;                  ///< "Gluteus medius"
  std::vector<std::string> aliases;  ///< other ids that resolve to this muscle
  bool midline = false;              ///< one candidate with no side (e.g. the pelvic floor)
  std::string fma;                   ///< Foundational Model of Anatomy id, "" when not given
  std::string uberon;                ///< UBERON id, "" when not given
  std::vector<MemberCodes> parts;    ///< a group's members' codes, in the order it names them
  Statement summary;                 ///< one paragraph: what it is and why it matters
  Statement location;                ///< where it is, in words a person can follow
  Layer layer;                       ///< what lies over and under it
  Attachments attachments;           ///< origin and insertion
  std::vector<Statement> actions;    ///< what it does
  std::vector<Statement> loaded_by;  ///< activities that load it
  std::vector<Statement>
      perpetuating_factors;             ///< habits and conditions that keep trigger points going
  std::vector<Statement> symptoms;      ///< what a person with its trigger points notices
  std::vector<FindingWeight> findings;  ///< findings that count for or against it
  Statement self_test;                  ///< a test a person can do alone
  std::vector<TriggerPoint> trigger_points;         ///< at least one, each with its zones
  std::vector<MuscleIndex> related;                 ///< muscles to check next, in order
  std::vector<Statement> differentials;             ///< conditions that can look alike
  std::vector<ExerciseIndex> protocol[kStepCount];  ///< by Step, in order
};

/// A candidate source of pain: a muscle on one side (or a midline muscle).
struct Candidate {
  MuscleIndex muscle = 0;  ///< an index into KnowledgeBase::muscles()
  Side side = Side::none;  ///< none exactly for a midline muscle
  std::string key;         ///< "gluteus_medius:left", or a midline muscle's bare id
};

/// A point in chart coordinates (origin top left, y downwards).
struct Point {
  float x = 0.0F;  ///< from the left edge of the view's box
  float y = 0.0F;  ///< from the top edge
};

/// One closed shape of a region key in one view, in chart coordinates.
struct ChartShape {
  RegionKeyIndex key = 0;  ///< the region key it draws, an index into KnowledgeBase::region_keys()
  View view = View::back;  ///< front or back, never both
  std::vector<Point> points;  ///< the closed outline, in order
};

/// Where a trigger point sits on the chart, for one candidate's side.
struct ChartMark {
  MuscleIndex muscle = 0;           ///< an index into KnowledgeBase::muscles()
  std::uint16_t trigger_point = 0;  ///< index into Muscle::trigger_points
  Side side = Side::none;           ///< the candidate's side (none for a midline muscle)
  View view = View::back;           ///< front or back
  Point at;                         ///< where the mark is drawn
};

/// Body chart geometry. Each view is drawn in a box of width x height; right-
/// side shapes and marks are the authored left-side ones mirrored about the
/// view's midline (the knowledge base authors left and midline only).
struct Chart {
  float width = 0.0F;                          ///< of each view's box, in chart units
  float height = 0.0F;                         ///< of each view's box, in chart units
  std::vector<std::vector<Point>> outline[2];  ///< figure outline by view (front, back)
  std::vector<ChartShape> shapes;              ///< every region key, both sides
  std::vector<ChartMark> marks;                ///< trigger points, both sides
};

/// What a language lacks or gets wrong (KnowledgeBase::check_locale,
/// `myoref kb check --lang`): every key the knowledge base's words and the
/// message catalogue need, against the locale's translations (and a host's
/// pack). A missing key shows the English text; it is never empty.
struct LocaleCheck {
  std::string locale;                ///< as resolved: "es-MX"
  std::vector<std::string> chain;    ///< the fallback chain: "es-MX", "es", "en"
  std::size_t kb_keys = 0;           ///< knowledge-base word keys
  std::size_t message_keys = 0;      ///< message catalogue keys
  std::vector<std::string> missing;  ///< keys with no translation, in key order
  std::vector<std::string> unknown;  ///< translated keys nothing uses (typos, removed content)
  /// "KEY: lost {x}" / "KEY: added {y}" / "KEY: plural forms missing".
  std::vector<std::string> placeholders;
  /// True when nothing is missing, unknown or wrong.
  bool complete() const noexcept {
    return missing.empty() && unknown.empty() && placeholders.empty();
  }
};

/// Limits that keep a hostile document from costing much (docs/knowledge-base.md,
/// "Loading"). Going past one is an Error with code limit_exceeded.
struct KbLimits {
  std::size_t max_bytes = 8U << 20U;  ///< size of the JSON text
  std::size_t max_depth = 32;         ///< nesting of arrays and objects
  std::size_t max_array = 10000;      ///< elements of any one array
};

namespace detail {
struct KbData;
struct Engine;
struct KbAccess;
}  // namespace detail
namespace schema {
enum class Ids : std::uint8_t;  // the record kinds a reference names (myoref/schema.hpp)
}  // namespace schema

/// A loaded, validated knowledge base (see the file comment above).
class KnowledgeBase {
 public:
  /// An empty knowledge base (no regions, no muscles, empty id), for a
  /// variable that a loaded one is assigned to later.
  KnowledgeBase() noexcept;

  /// The knowledge base compiled into the library, loaded on the first call
  /// and shared by every later one. Never fails (the build loads the embedded
  /// text to hash it, and stops if it does not load) except for
  /// out_of_memory, which is not kept: the next call tries again.
  static Expected<KnowledgeBase> builtin();

  /// Load and validate a knowledge base from JSON text. On failure the Error
  /// lists every problem found, each with its JSON pointer.
  static Expected<KnowledgeBase> from_json(std::string_view text, const KbLimits& limits = {});

  /// The document's id ("myoref-default"), content version and title.
  ///@{
  const std::string& id() const noexcept;
  const std::string& version() const noexcept;
  const std::string& title() const noexcept;
  ///@}
  /// SHA-256 (hex) of the canonical form; equal hashes mean equal content.
  /// Computed on the first call and kept (safe from any thread), except for
  /// the built-in base, whose hash was computed when the library was built;
  /// empty for a default-constructed KnowledgeBase, and from a call during
  /// which memory ran out computing it (a later call tries again).
  const std::string& hash() const noexcept;

  /// The canonical JSON form: fixed key order, no insignificant whitespace
  /// differences. Loading it again gives the same hash.
  std::string to_json() const;

  /// One muscle in canonical JSON: {"muscle": {...}, "exercises": [...]}, the
  /// exercises being those of its protocol (step by step, in order) followed
  /// by the regressions and progressions they lead to. `muscle` must be an
  /// index into muscles().
  std::string muscle_to_json(MuscleIndex muscle) const;

  /// The language of its words and of the sentences the library composes
  /// with it: "en" for a knowledge base as loaded (docs/languages.md).
  const std::string& locale() const noexcept;

  /// The same knowledge base with its words and messages in `locale`
  /// ("es", "es-MX", "en"), falling back along the chain es-MX -> es -> en
  /// key by key: a string no pack gives is the English one, never empty.
  /// `pack_json`, when given, is a host's locale pack (a JSON object of
  /// key -> text, docs/languages.md) applied over the built-in one. The
  /// clinical content, and so hash(), ids and every index, are the same:
  /// assessments and plans made with either are valid with the other.
  /// Without a pack the result is made once per locale and kept. Errors:
  /// not_found for a language with no built-in words and no pack;
  /// parse/invalid_input for a malformed pack.
  Expected<KnowledgeBase> localized(std::string_view locale, std::string_view pack_json = {}) const;

  /// Reports what `locale` (and a host's pack) leaves untranslated, which
  /// keys it gives that nothing uses, and which messages lose or add a
  /// placeholder. Errors as localized().
  Expected<LocaleCheck> check_locale(std::string_view locale,
                                     std::string_view pack_json = {}) const;

  /// Sentence `key` of the message catalogue in this knowledge base's
  /// language (data/locales/LANG/messages.json), for a host's own headings
  /// ("muscle_text.where_it_is"); the key itself when no catalogue has it.
  std::string message(std::string_view key) const;

  /// A dose of this knowledge base's exercises in its language (the
  /// frequency is the exercise's own words), numbers written as it writes
  /// them ("hold 30 s, 3 repetitions, each side, daily"; in Spanish
  /// "mantener 30 s, 3 repeticiones, cada lado, a diario"). Dose::to_string()
  /// is the English form.
  std::string dose_text(const Dose& dose) const;

  /// The languages built into the library ("en", "es").
  static std::vector<std::string> builtin_locales();

  /// The contents, in the order the loader fixed (document order for what the
  /// document lists). The index types (RegionIndex, MuscleIndex,
  /// CandidateIndex, ...) index the span of their kind.
  ///@{
  gsl::span<const Citation> citations() const noexcept;
  gsl::span<const Region> regions() const noexcept;
  gsl::span<const RegionKey> region_keys() const noexcept;
  gsl::span<const Finding> findings() const noexcept;
  gsl::span<const RedFlag> red_flags() const noexcept;
  const AgeRule& age_rule() const noexcept;
  gsl::span<const Precaution> precautions() const noexcept;
  gsl::span<const Screen> screens() const noexcept;
  gsl::span<const TriageRule> triage_rules() const noexcept;
  gsl::span<const Lookalike> lookalikes() const noexcept;
  /// The rule with this id, or nullptr when the knowledge base has none.
  const TriageRule* find_triage_rule(std::string_view id) const noexcept;
  gsl::span<const Muscle> muscles() const noexcept;
  gsl::span<const Candidate> candidates() const noexcept;
  gsl::span<const Exercise> exercises() const noexcept;
  const Chart& chart() const noexcept;
  ///@}

  /// The id (a citation's key) of entry `index` of the kind `kind` names
  /// (myoref/schema.hpp): how a reference to it is written. `index` must be
  /// an index into that kind's span.
  const std::string& id_of(schema::Ids kind, std::uint16_t index) const noexcept;

  /// The index of the entry with this id (a citation by its key); nullopt
  /// when there is none. Exact, case-sensitive match.
  ///@{
  std::optional<CitationIndex> find_citation(std::string_view key) const noexcept;
  std::optional<RegionIndex> find_region(std::string_view id) const noexcept;
  ///@}
  /// Region key index of (region, side); side must be none for midline regions.
  std::optional<RegionKeyIndex> find_region_key(RegionIndex region, Side side) const noexcept;
  /// By key text: "buttock_upper:left" or "sacrum".
  std::optional<RegionKeyIndex> find_region_key(std::string_view key) const noexcept;
  /// The index of the finding or red flag with this id; nullopt when there is none.
  ///@{
  std::optional<FindingIndex> find_finding(std::string_view id) const noexcept;
  std::optional<RedFlagIndex> find_red_flag(std::string_view id) const noexcept;
  std::optional<PrecautionIndex> find_precaution(std::string_view id) const noexcept;
  ///@}
  /// By id or by any alias ("psoas" finds iliopsoas).
  std::optional<MuscleIndex> find_muscle(std::string_view id_or_alias) const noexcept;
  /// The candidate of `muscle` on `side` (none for a midline muscle); nullopt
  /// when the muscle has no such candidate.
  std::optional<CandidateIndex> find_candidate(MuscleIndex muscle, Side side) const noexcept;
  /// By key text: "gluteus_medius:left" (an alias may stand for the id).
  std::optional<CandidateIndex> find_candidate(std::string_view key) const noexcept;
  /// The index of the exercise with this id; nullopt when there is none.
  std::optional<ExerciseIndex> find_exercise(std::string_view id) const noexcept;

  /// The region key the region of `key` has on the other side (itself for midline).
  RegionKeyIndex mirror(RegionKeyIndex key) const noexcept;
  /// The same muscle's candidate on the other side (itself for a midline muscle).
  CandidateIndex mirror_candidate(CandidateIndex candidate) const noexcept;

  /// The known id closest to `unknown` among regions, findings, red flags,
  /// precautions, muscles (by edit distance), for "did you mean ...?" messages; "" if none is
  /// close.
  ///@{
  std::string suggest_region(std::string_view unknown) const;
  std::string suggest_finding(std::string_view unknown) const;
  std::string suggest_red_flag(std::string_view unknown) const;
  std::string suggest_precaution(std::string_view unknown) const;
  std::string suggest_muscle(std::string_view unknown) const;
  ///@}

 private:
  // The library's own layers reach the model and the compiled engine through
  // detail::KbAccess (src/kb/kb_access.hpp); a host has the accessors above.
  friend struct detail::KbAccess;
  KnowledgeBase(std::shared_ptr<const detail::KbData> model,
                std::shared_ptr<const detail::Engine> engine) noexcept
      : d_(std::move(model)), e_(std::move(engine)) {}

  std::shared_ptr<const detail::KbData> d_;  ///< the model: what the document says
  std::shared_ptr<const detail::Engine> e_;  ///< the tables compiled from it (src/engine)
};

}  // namespace myoref

#endif  // MYOREF_KB_HPP
