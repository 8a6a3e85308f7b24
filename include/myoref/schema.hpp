// The knowledge base's schema, written once: for each record a table of its
// fields, each {name in the document, member of the struct, rule, doc}. The
// loader (src/kb/kb_loader.cpp) takes its list of accepted fields and its
// checks from these tables, the canonical writer (src/kb/kb_writer.cpp) its
// keys and their order, the Python bindings their classes' attributes (name,
// value by the rule, docstring) and to_dict() keys. Adding a field to one of
// these records is one line here (plus its tests and docs/knowledge-base.md).
//
// A rule says how a field is read and written:
//   Id        a document id (lower-case letters, digits, '_')
//   Text      non-blank text
//   Whole     a whole number in [lo, hi] (std::optional<int> when optional)
//   Flag      true or false, `fallback` when left out
//   Texts     an array of non-blank texts
//   Spelled   an enum, by its spelling in myoref/types.hpp (to_string, parse_*);
//             a std::optional one may be left out, a std::vector one is a list;
//             `offered` limits the spellings a message lists
//   RegionIds region ids as written, those this base has resolved into a second
//             member (an id it lacks never matches: one file serves any chart)
//   Refs      an array of ids of another record kind, each resolved to its index
//   Ref       one such id, or null (std::optional<Index>)
//   Cite      citation keys, required and never empty
//   Code      an ontology number (digits), optional: "" when left out, written null
//   Weight    a finding's weight: a number in [-1, 1], not 0, to the thousandth
//   Number    a number in [lo, hi] (a float), 0 refused when `positive`
//   Points    chart geometry inside the chart's box: a point [x, y], a closed
//             shape (3 points or more) or a list of them, by the member's type
//   Nested    an object read and written by another table
//   Each      an array of objects, each read and written by another table
//   group()   an object whose fields are more members of the same record
//   Custom    read by named code of the loader (its checks are its own),
//             written by its type
#ifndef MYOREF_SCHEMA_HPP
#define MYOREF_SCHEMA_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "myoref/kb.hpp"
#include "myoref/spellings.hpp"
#include "myoref/types.hpp"

namespace myoref::schema {

/// Whether a field must be given.
enum class Need : std::uint8_t { required, optional };
/// Whether an array may be empty.
enum class Empty : std::uint8_t { allowed, refused };
/// The record kinds a reference can name.
enum class Ids : std::uint8_t { citation, region, finding, red_flag, precaution, muscle, exercise };

/// A document id: lower-case letters, digits and '_', starting with a letter.
struct Id {};
/// Non-blank text.
struct Text {
  Need need = Need::required;  ///< whether it must be given
};
/// When the canonical writer writes a field. A field that came after the
/// first knowledge bases is left out where it says nothing, so that those
/// keep the canonical text, and hash, they had before it existed.
enum class Written : std::uint8_t {
  always,
  if_any,            ///< only when not empty
  if_set,            ///< only when set (a std::optional), else left out rather than null
  with_precautions,  ///< only in a base that has precautions, where it is also required
};

/// A whole number in [lo, hi]; an optional one is a std::optional<int>.
struct Whole {
  int lo = 0;                         ///< the smallest allowed
  int hi = 0;                         ///< the largest allowed
  Need need = Need::required;         ///< whether it must be given
  Written written = Written::always;  ///< when the writer writes it
};
/// true or false.
struct Flag {
  bool fallback = false;  ///< the value when it is left out
};
/// An array of non-blank texts.
struct Texts {
  Need need = Need::required;    ///< whether it must be given
  Empty empty = Empty::refused;  ///< whether it may be empty
};
/// An enum, by its spelling (myoref/spellings.hpp); a std::optional<E> or a
/// std::vector<E> (a list of spellings) when the member is one.
struct Spelled {
  Need need = Need::required;         ///< whether it must be given
  Written written = Written::always;  ///< when the writer writes it
  Empty empty = Empty::refused;       ///< whether a list may be empty
  /// How many of the spellings, from the first, a message offers when one is
  /// wrong (0: all of them); the loader checks the others itself (a chart's
  /// view: front or back, never both).
  std::size_t offered = 0;
};
/// Region ids as written (coarse or fine), each a valid id; those this
/// knowledge base has are resolved, once each, into `resolved`. Optional, may
/// be empty, always written.
template <class Record>
struct RegionIds {
  std::vector<RegionIndex> Record::*resolved = nullptr;  ///< where the resolved indices go
};
/// An array of ids of another record kind, each resolved to its index.
struct Refs {
  Ids ids = Ids::citation;            ///< the kind they name
  Need need = Need::required;         ///< whether it must be given
  Empty empty = Empty::refused;       ///< whether it may be empty
  Written written = Written::always;  ///< when the writer writes it
};
/// One id of another record kind, or null (a std::optional index).
struct Ref {
  Ids ids = Ids::citation;  ///< the kind it names
};
/// Citation keys: required, never empty.
struct Cite {};
/// An object read and written by another table.
template <class Table>
struct Nested {
  const Table* fields = nullptr;  ///< its table
};
/// An array of objects, each read and written by another table.
template <class Table>
struct Each {
  const Table* fields = nullptr;      ///< its table
  Need need = Need::required;         ///< whether it must be given
  Empty empty = Empty::refused;       ///< whether it may be empty
  Written written = Written::always;  ///< when the writer writes it
};
/// An ontology number (digits only), optional: "" when left out, written as null.
struct Code {};
/// A finding's weight: a number in [-1, 1], never 0, given to the thousandth.
struct Weight {};
/// A number in [lo, hi] (a float), written in its shortest exact form; when
/// `positive`, 0 is refused ("must be greater than 0").
struct Number {
  double lo = 0.0;        ///< the smallest allowed
  double hi = 0.0;        ///< the largest allowed
  bool positive = false;  ///< whether 0 is refused
};
/// Chart geometry, by the member's type: a Point is [x, y], a
/// std::vector<Point> a closed shape of 3 points or more, a
/// std::vector<std::vector<Point>> a list of such shapes (may be empty).
/// Every point is inside the chart's box (0 <= x <= width, 0 <= y <= height;
/// the chart reads its width and height first).
struct Points {};
/// Read by named code of the loader (its checks are its own), written by its type.
struct Custom {};

/// When the writer writes a field with `rule` (Written::always for a rule
/// that does not say).
template <class Rule, class = void>
struct says_written : std::false_type {};
template <class Rule>
struct says_written<Rule, std::void_t<decltype(std::declval<Rule>().written)>> : std::true_type {};
template <class Rule>
constexpr Written written(const Rule& rule) {
  if constexpr (says_written<Rule>::value) {
    return rule.written;
  } else {
    return Written::always;
  }
}

/// One field: its name in the document, its member, its rule and what it
/// means (the Python attribute's docstring).
template <class Record, class Member, class Rule>
struct Field {
  using record_type = Record;  ///< the struct the field belongs to
  using member_type = Member;  ///< the member's type
  std::string_view name;       ///< the key in the document
  Member Record::*member;      ///< where the model keeps it
  Rule rule;                   ///< how it is read and written
  std::string_view doc;        ///< what it is, in a line (a Python docstring)
};

/// A Field, its types deduced.
template <class Record, class Member, class Rule>
constexpr Field<Record, Member, Rule> field(std::string_view name, Member Record::*member,
                                            Rule rule, std::string_view doc = {}) {
  return {name, member, rule, doc};
}

/// An object whose fields are more members of the record itself, by another
/// table (a muscle's "codes"): it has a name but no member of its own.
template <class Record, class Table>
struct Group {
  using record_type = Record;     ///< the struct its fields belong to
  using member_type = void;       ///< none: its fields are the record's
  std::string_view name;          ///< the key in the document
  const Table* fields = nullptr;  ///< its table, of fields of Record
  Need need = Need::required;     ///< whether it must be given
};

/// A Group, its types deduced.
template <class Record, class Table>
constexpr Group<Record, Table> group(std::string_view name, const Table* fields, Need need) {
  return {name, fields, need};
}

/// When the writer writes a field (a group always).
template <class Record, class Member, class Rule>
constexpr Written written_of(const Field<Record, Member, Rule>& field) {
  return written(field.rule);
}
template <class Record, class Table>
constexpr Written written_of(const Group<Record, Table>& /*group*/) {
  return Written::always;
}

/// Calls f(field) for each field of a table, in the table's order.
template <class Table, class F>
constexpr void for_each_field(const Table& table, F&& f) {
  std::apply([&f](const auto&... each) { (f(each), ...); }, table);
}

/// The fields' names, in order: what the loader accepts and the writer writes.
template <class Table>
constexpr std::array<std::string_view, std::tuple_size<Table>::value> names(const Table& table) {
  return std::apply(
      [](const auto&... each) {
        return std::array<std::string_view, sizeof...(each)>{each.name...};
      },
      table);
}

/// The name of `member`'s field in `table` ("" when the table has none).
template <class Table, class Record, class Member>
constexpr std::string_view name_of(const Table& table, Member Record::*member) {
  std::string_view out;
  for_each_field(table, [&out, member](const auto& f) {
    using F = std::decay_t<decltype(f)>;
    if constexpr (std::is_same<typename F::record_type, Record>::value &&
                  std::is_same<typename F::member_type, Member>::value) {
      if (f.member == member)
        out = f.name;
    }
  });
  return out;
}

// --- The tables ---------------------------------------------------------------
// In the canonical writer's key order (docs/knowledge-base.md).

/// A statement: words and their sources.
inline constexpr auto kStatement = std::make_tuple(
    field("text", &Statement::text, Text{}, "The statement, in plain words."),
    field("cite", &Statement::cite, Cite{}, "Citation keys, e.g. ``['donnelly2019']``."));

/// What lies over and under a muscle (the loader checks that one of them is
/// not empty).
inline constexpr auto kLayer =
    std::make_tuple(field("over", &Layer::over, Texts{Need::required, Empty::allowed},
                          "Structures over (superficial to) the muscle."),
                    field("under", &Layer::under, Texts{Need::required, Empty::allowed},
                          "Structures under (deep to) it."),
                    field("cite", &Layer::cite, Cite{}, "Citation keys."));

/// Where a muscle starts and ends.
inline constexpr auto kAttachments =
    std::make_tuple(field("origin", &Attachments::origin, Text{}, "Where the muscle starts."),
                    field("insertion", &Attachments::insertion, Text{}, "Where it ends."),
                    field("cite", &Attachments::cite, Cite{}, "Citation keys."));

/// A group's member's codes (one item of "parts").
inline constexpr auto kMemberCodes = std::make_tuple(
    field("fma", &MemberCodes::fma, Code{},
          "The member's Foundational Model of Anatomy id, or None."),
    field("uberon", &MemberCodes::uberon, Code{}, "The member's UBERON id, or None."));

/// A muscle's ontology codes, members of the muscle in its "codes" object;
/// "parts", a group's members' codes, only where it has some (so that a base
/// without keeps its canonical text and hash).
inline constexpr auto kCodes = std::make_tuple(
    field("fma", &Muscle::fma, Code{}, "Foundational Model of Anatomy id, or None."),
    field("uberon", &Muscle::uberon, Code{}, "UBERON id, or None."),
    field("parts", &Muscle::parts,
          Each<decltype(kMemberCodes)>{&kMemberCodes, Need::optional, Empty::refused,
                                       Written::if_any},
          "For a group of muscles, each member's codes (MemberCodes); else empty."));

/// A finding's weight for a muscle (the loader checks that a finding is not
/// weighted twice, and keeps only good weights).
inline constexpr auto kFindingWeight =
    std::make_tuple(field("id", &FindingWeight::finding, Ref{Ids::finding}, "The finding's id."),
                    field("weight", &FindingWeight::weight, Weight{}, "In [-1, 1], never 0."),
                    field("cite", &FindingWeight::cite, Cite{}, "Citation keys."));

/// A region of the body chart.
inline constexpr auto kRegion = std::make_tuple(
    field("id", &Region::id, Id{}, "\"buttock_upper\""),
    field("name", &Region::name, Text{}, "\"Upper buttock\""),
    field("laterality", &Region::laterality, Spelled{}, "\"paired\" or \"midline\"."),
    field("view", &Region::view, Spelled{},
          "Which chart view shows it: \"front\", \"back\" or \"both\"."),
    field("parts", &Region::parts,
          Refs{Ids::region, Need::optional, Empty::refused, Written::if_any},
          "A coarse region's finer region ids (empty for any other)."),
    field("what", &Region::what, Text{}, "A plain description a person can recognise."));

/// The age rule (the loader checks younger_than <= older_than).
inline constexpr auto kAgeRule = std::make_tuple(
    field("level", &AgeRule::level, Spelled{}, "The triage level it raises to."),
    field("younger_than", &AgeRule::younger_than, Whole{0, 150}, "Applies below this age ..."),
    field("older_than", &AgeRule::older_than, Whole{0, 150}, "... or above this one ..."),
    field("max_duration_days", &AgeRule::max_duration_days, Whole{0, 36500},
          "... when the pain is this new or newer."),
    field("advice", &AgeRule::advice, Text{}, "What to do when it applies."),
    field("cite", &AgeRule::cite, Cite{}, "Citation keys."));

/// A muscle's trigger point and its referral zones (the loader checks that
/// an id is not repeated in the muscle, that spillover leaves out the essential
/// zone, and that a midline muscle's side is "midline").
inline constexpr auto kTriggerPoint = std::make_tuple(
    field("id", &TriggerPoint::id, Id{}, "Unique within the muscle: \"posterior\"."),
    field("name", &TriggerPoint::name, Text{}, "\"Posterior trigger point\""),
    field("location", &TriggerPoint::location, Text{}, "Where to find it, in plain words."),
    field("essential", &TriggerPoint::essential, Refs{Ids::region, Need::required, Empty::refused},
          "Region ids of the essential zone."),
    field("spillover", &TriggerPoint::spillover, Refs{Ids::region, Need::optional, Empty::allowed},
          "Region ids of the spillover zone."),
    field("side", &TriggerPoint::side, Spelled{}, "Side of the zones relative to the muscle."),
    field("cite", &TriggerPoint::cite, Cite{}, "Citation keys."));

/// A citation: key and reference.
inline constexpr auto kCitation = std::make_tuple(
    field("key", &Citation::key, Id{}, "The key statements cite it by (\"donnelly2019\")."),
    field("text", &Citation::text, Text{}, "The full reference."));

/// A finding: id, question, what.
inline constexpr auto kFinding = std::make_tuple(
    field("id", &Finding::id, Id{}, "\"walking\""),
    field("question", &Finding::question, Text{}, "The question to ask a person."),
    field("what", &Finding::what, Text{}, "A short description: \"pain when walking\"."));

/// A red flag.
inline constexpr auto kRedFlag = std::make_tuple(
    field("id", &RedFlag::id, Id{}, "\"saddle_numbness\""),
    field("level", &RedFlag::level, Spelled{}, "\"see_clinician\", \"urgent\" or \"emergency\"."),
    field("question", &RedFlag::question, Text{}, "The question to ask a person."),
    field("advice", &RedFlag::advice, Text{}, "What to do when it is confirmed."),
    field("cite", &RedFlag::cite, Cite{}, "Citation keys."));

/// A precaution.
inline constexpr auto kPrecaution =
    std::make_tuple(field("id", &Precaution::id, Id{}, "\"blood_thinners\""),
                    field("name", &Precaution::name, Text{}, "\"Blood-thinning medicine\""),
                    field("what", &Precaution::what, Text{}, "Who it applies to, in plain words."),
                    field("changes", &Precaution::changes, Texts{Need::required, Empty::refused},
                          "What it changes for the exercises, one point each."),
                    field("cite", &Precaution::cite, Cite{}, "Citation keys."));

/// A screen: red-flag questions a drawing or a finding opens (the loader
/// checks that it has regions or findings that open it).
inline constexpr auto kScreen = std::make_tuple(
    field("id", &Screen::id, Id{}, "\"heart_and_lungs\""),
    field("area", &Screen::area, Text{},
          "The area in words: \"the chest, arm, neck, jaw or upper back\"."),
    field("regions", &Screen::region_ids, RegionIds<Screen>{&Screen::regions},
          "Region ids (as written) a drawing opens it by."),
    field("findings", &Screen::findings, Refs{Ids::finding, Need::optional, Empty::allowed},
          "Ids of the findings that open it too, when confirmed."),
    field("red_flags", &Screen::red_flags, Refs{Ids::red_flag, Need::required, Empty::refused},
          "Ids of the red flags whose questions it opens."),
    field("age_min", &Screen::age_min, Whole{0, 150, Need::optional, Written::if_set},
          "Only from this age (years), or None."),
    field("age_max", &Screen::age_max, Whole{0, 150, Need::optional, Written::if_set},
          "Only up to this age (years), or None."),
    field("sex", &Screen::sexes, Spelled{Need::optional, Written::if_any, Empty::refused},
          "Only for these sexes; empty for everyone."),
    field("onset_not", &Screen::onset_not, Spelled{Need::optional, Written::if_set},
          "Not when the pain began this way, or None."),
    field("cite", &Screen::cite, Cite{}, "Citation keys."));

/// What makes a look-alike match (the loader checks that it has regions or
/// findings, and that min_findings is no more than the findings listed).
inline constexpr auto kLookalikeFeatures = std::make_tuple(
    field("regions", &LookalikeFeatures::region_ids,
          RegionIds<LookalikeFeatures>{&LookalikeFeatures::regions},
          "A drawn region among these ids (empty: any drawing)."),
    field("findings", &LookalikeFeatures::findings,
          Refs{Ids::finding, Need::optional, Empty::allowed},
          "Ids of the confirmed findings that count."),
    field("min_findings", &LookalikeFeatures::min_findings, Whole{1, 64, Need::optional},
          "How many of ``findings`` must be confirmed."),
    field("sufficient", &LookalikeFeatures::sufficient,
          Refs{Ids::finding, Need::optional, Empty::allowed},
          "Ids of findings any one of which, confirmed, is enough."),
    field("age_min", &LookalikeFeatures::age_min, Whole{0, 150, Need::optional, Written::if_set},
          "From this age (years), or None."),
    field("age_max", &LookalikeFeatures::age_max, Whole{0, 150, Need::optional, Written::if_set},
          "Up to this age (years), or None."),
    field("duration_min_days", &LookalikeFeatures::duration_min_days,
          Whole{0, 36500, Need::optional, Written::if_set},
          "The pain at least this many days old, or None."),
    field("duration_max_days", &LookalikeFeatures::duration_max_days,
          Whole{0, 36500, Need::optional, Written::if_set},
          "The pain at most this many days old, or None."),
    field("onset", &LookalikeFeatures::onset, Spelled{Need::optional, Written::if_set},
          "How the pain began, or None."));

/// A look-alike ("lookalikes").
inline constexpr auto kLookalike = std::make_tuple(
    field("id", &Lookalike::id, Id{}, "\"nerve_root_leg\""),
    field("name", &Lookalike::name, Text{}, "\"Nerve-root irritation in the leg (sciatica)\""),
    field("level", &Lookalike::level, Spelled{Need::optional, Written::if_set},
          "The triage level it raises to at least when it matches, or None."),
    field("features", &Lookalike::features,
          Nested<decltype(kLookalikeFeatures)>{&kLookalikeFeatures},
          "When it matches (LookalikeFeatures)."),
    field("opens", &Lookalike::opens, Refs{Ids::red_flag, Need::optional, Empty::allowed},
          "Ids of the red flags whose questions it opens when it matches."),
    field("set_aside", &Lookalike::set_aside, Refs{Ids::finding, Need::optional, Empty::allowed},
          "Ids of the findings no longer counted for a muscle when it matches."),
    field("why", &Lookalike::why, Text{}, "What it is and why it is named, in plain words."),
    field("advice", &Lookalike::advice, Text{}, "What to do."),
    field("cite", &Lookalike::cite, Cite{}, "Citation keys."));

/// A triage rule ("rules").
inline constexpr auto kTriageRule =
    std::make_tuple(field("id", &TriageRule::id, Id{}, "\"under_16\""),
                    field("level", &TriageRule::level, Spelled{}, "The triage level it raises to."),
                    field("reason", &TriageRule::reason, Text{}, "Why, in plain words."),
                    field("advice", &TriageRule::advice, Text{}, "What to do."),
                    field("cite", &TriageRule::cite, Cite{}, "Citation keys."));

/// A muscle. Custom: aliases (each a valid id), findings (kFindingWeight, each
/// finding once), trigger_points (kTriggerPoint, checked against the muscle)
/// and protocol (an object of steps, each a list of exercises, checked in the
/// loader's third pass); the loader also refuses a muscle related to itself.
inline constexpr auto kMuscle = std::make_tuple(
    field("id", &Muscle::id, Id{}, "\"gluteus_medius\""),
    field("name", &Muscle::name, Text{}, "\"Gluteus medius\""),
    field("aliases", &Muscle::aliases, Custom{},
          "Other ids that find it (\"psoas\" for iliopsoas)."),
    field("midline", &Muscle::midline, Flag{false},
          "True for a midline muscle: one candidate with no side."),
    group<Muscle>("codes", &kCodes, Need::optional),
    field("summary", &Muscle::summary, Nested<decltype(kStatement)>{&kStatement},
          "What it is and why it matters (a Statement)."),
    field("location", &Muscle::location, Nested<decltype(kStatement)>{&kStatement},
          "Where it is (a Statement)."),
    field("layer", &Muscle::layer, Nested<decltype(kLayer)>{&kLayer},
          "What lies over and under it (a Layer)."),
    field("attachments", &Muscle::attachments, Nested<decltype(kAttachments)>{&kAttachments},
          "Origin and insertion (Attachments)."),
    field("actions", &Muscle::actions,
          Each<decltype(kStatement)>{&kStatement, Need::required, Empty::refused},
          "What it does (Statements)."),
    field("loaded_by", &Muscle::loaded_by,
          Each<decltype(kStatement)>{&kStatement, Need::required, Empty::refused},
          "Activities that load it."),
    field("perpetuating_factors", &Muscle::perpetuating_factors,
          Each<decltype(kStatement)>{&kStatement, Need::required, Empty::refused},
          "What keeps its trigger points going (Statements)."),
    field("symptoms", &Muscle::symptoms,
          Each<decltype(kStatement)>{&kStatement, Need::required, Empty::refused},
          "What a person notices (Statements)."),
    field("findings", &Muscle::findings, Custom{},
          "FindingWeights: the findings that count for or against it."),
    field("self_test", &Muscle::self_test, Nested<decltype(kStatement)>{&kStatement},
          "How a person can check it (a Statement)."),
    field("trigger_points", &Muscle::trigger_points, Custom{},
          "Its TriggerPoints with their referral zones."),
    field("related", &Muscle::related, Refs{Ids::muscle, Need::optional, Empty::allowed},
          "Muscles to check next, in order."),
    field("differentials", &Muscle::differentials,
          Each<decltype(kStatement)>{&kStatement, Need::optional, Empty::allowed},
          "Conditions that can look alike."),
    field("protocol", &Muscle::protocol, Custom{},
          "{\"release\": [Exercise, ...], \"stretch\": [...], \"strengthen\": [...]}, in order."));

/// An exercise's dose: at least one of its numbers is given (the loader checks).
inline constexpr auto kDose = std::make_tuple(
    field("hold_seconds", &Dose::hold_seconds, Whole{1, 600, Need::optional},
          "Seconds to hold, or None."),
    field("repetitions", &Dose::repetitions, Whole{1, 100, Need::optional},
          "Repetitions per set, or None."),
    field("sets", &Dose::sets, Whole{1, 10, Need::optional}, "Sets, or None."),
    field("duration_seconds", &Dose::duration_seconds, Whole{1, 3600, Need::optional},
          "Total seconds, or None."),
    field("per_side", &Dose::per_side, Flag{false}, "Whether the dose is for each side."),
    field("frequency", &Dose::frequency, Text{}, "How often: \"daily\", \"3 times a week\"."));

/// An exercise.
inline constexpr auto kExercise = std::make_tuple(
    field("id", &Exercise::id, Id{}, "The exercise id."),
    field("name", &Exercise::name, Text{}, "Its name for people."),
    field("step", &Exercise::step, Spelled{}, "\"release\", \"stretch\" or \"strengthen\"."),
    field("targets", &Exercise::targets, Refs{Ids::muscle, Need::required, Empty::refused},
          "The muscles it works on."),
    field("equipment", &Exercise::equipment, Custom{},
          "\"hands\", \"massage_ball\", \"foam_roller\", ..."),  // a known tool, "none" alone
    field("instructions", &Exercise::instructions, Texts{Need::required, Empty::refused},
          "What to do, step by step, in order."),
    field("dose", &Exercise::dose, Nested<decltype(kDose)>{&kDose}, "The Dose."),
    field("cues", &Exercise::cues, Texts{Need::required, Empty::refused},
          "What to pay attention to while doing it."),
    field("cautions", &Exercise::cautions, Texts{Need::optional, Empty::allowed},
          "When to stop or take care."),
    field("ruled_out_by", &Exercise::ruled_out_by,
          Refs{Ids::precaution, Need::required, Empty::allowed, Written::with_precautions},
          "The ids of the precautions under which it is never offered (\"pregnant\", ...)."),
    field("regression", &Exercise::regression, Ref{Ids::exercise}, "An easier Exercise, or None."),
    field("progression", &Exercise::progression, Ref{Ids::exercise}, "A harder Exercise, or None."),
    field("cite", &Exercise::cite, Cite{}, "Citation keys."));

}  // namespace myoref::schema

#endif  // MYOREF_SCHEMA_HPP
