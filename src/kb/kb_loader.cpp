// The strict knowledge-base loader: JSON text -> validated KbData.
//
// Loading runs in three passes over the parsed document:
//   1. index: every citation key, region, finding, red flag, muscle (and
//      alias) and exercise id gets its dense index (its position in its
//      array), so that any reference can be resolved whatever its place;
//   2. read: every object is read in full, each field checked, each reference
//      resolved through the indexes of pass 1;
//   3. cross-check: the rules that join two parts (a protocol's exercises and
//      their step and targets, regressions and progressions, the chart).
// Every problem is recorded and loading goes on, so that one run reports all
// of them; the diagnostics are then put in document order.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <gsl/narrow>

#include "kb/chart_schema.hpp"
#include "kb/kb_data.hpp"
#include "myoref/schema.hpp"
#include "util/charconv.hpp"
#include "util/json.hpp"

namespace myoref {
namespace detail {
namespace {

constexpr std::string_view kSchema = "myoref.kb/1";
constexpr std::string_view kSchemaPrefix = "myoref.kb/";
constexpr std::size_t kMaxIdLength = 64;
// Dense indices are 16-bit; a paired region or muscle takes two keys.
constexpr std::size_t kMaxIndexed = std::numeric_limits<std::uint16_t>::max();
constexpr std::size_t kMaxSided = kMaxIndexed / 2;

const std::vector<std::string_view>& equipment_ids() {
  static const std::vector<std::string_view> ids{
      "none",   "hands", "massage_ball", "foam_roller", "hooked_pressure_tool", "therapist",
      "chair",  "wall",  "mat",          "step",        "resistance_band",      "weights",
      "pillow", "towel"};
  return ids;
}

const char* describe(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "true or false";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

// Shortest exact form, as the canonical writer prints numbers ("0.5", "200").
std::string number_text(double d) {
  char buf[32];
  return std::string(buf, detail::to_chars_shortest(buf, buf + sizeof buf, d));
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool is_id(std::string_view s, bool allow_hyphen) {
  if (s.empty() || s.size() > kMaxIdLength || s.front() < 'a' || s.front() > 'z')
    return false;
  return std::all_of(s.begin(), s.end(), [allow_hyphen](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           (allow_hyphen && c == '-');
  });
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// MAJOR.MINOR.PATCH, each a run of digits.
bool is_version(std::string_view s) {
  int parts = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view part =
        s.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!is_digits(part))
      return false;
    ++parts;
    if (dot == std::string_view::npos)
      break;
    start = dot + 1;
  }
  return parts == 3;
}

std::string join(const std::vector<std::string_view>& items, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0)
      out += (i + 1 == items.size()) ? last_sep : std::string_view(", ");
    out += items[i];
  }
  return out;
}

// Where a value is: a chain of steps up to the document, spelled out as a
// JSON pointer only when a diagnostic needs it, so that reading a good
// document builds no path strings. A Path points at its parent: name every
// step that outlives one expression.
class Path {
 public:
  Path() = default;  // the document itself
  Path(const Path& parent, std::string_view key) noexcept : parent_(&parent), key_(key) {}
  Path(const Path& parent, std::size_t index) noexcept
      : parent_(&parent), index_(index), is_index_(true) {}

  std::string str() const {
    if (parent_ == nullptr)
      return std::string();
    return is_index_ ? pointer(parent_->str(), index_) : pointer(parent_->str(), key_);
  }

 private:
  const Path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

const Path kDocument;
const Path kCitations(kDocument, "citations");
const Path kRegions(kDocument, "regions");
const Path kFindings(kDocument, "findings");
const Path kRedFlags(kDocument, "red_flags");
const Path kPrecautions(kDocument, "precautions");
const Path kScreens(kDocument, "screens");
const Path kRules(kDocument, "rules");
const Path kLookalikes(kDocument, "lookalikes");
const Path kMuscles(kDocument, "muscles");
const Path kExercises(kDocument, "exercises");

using schema::Empty;
using schema::Need;

// An enum's value by its spelling (myoref/types.hpp's one table of them).
template <class E>
std::optional<E> parse_spelled(std::string_view s) {
  const std::vector<std::string_view> all = spellings<E>();
  const auto it = std::find(all.begin(), all.end(), s);
  if (it == all.end())
    return std::nullopt;
  return static_cast<E>(it - all.begin());
}

// One kind of id: its index (pass 1) and, for suggestions, its ids in
// document order.
struct IdKind {
  std::string_view noun;  // "region"
  IdTable* table = nullptr;
  std::vector<std::string_view> names;
};

// A reference checked in pass 3, once everything it joins has been read.
// `/muscles/<muscle>/protocol/<step>/<position>` names `exercise`.
struct ProtocolUse {
  MuscleIndex muscle;
  Step step;
  std::size_t position;
  ExerciseIndex exercise;
};
// The regression (or progression) of exercise `from` is `to`.
struct ExerciseLink {
  ExerciseIndex from;
  ExerciseIndex to;
};

class Loader {
 public:
  Loader(const json::value& root, KbData& kb) : root_(root), kb_(kb) {
    citations_ = {"citation", &kb_.citation_by_key, {}};
    regions_ = {"region", &kb_.region_by_id, {}};
    findings_ = {"finding", &kb_.finding_by_id, {}};
    red_flags_ = {"red flag", &kb_.red_flag_by_id, {}};
    precautions_ = {"precaution", &kb_.precaution_by_id, {}};
    muscles_ = {"muscle", &kb_.muscle_by_name, {}};
    exercises_ = {"exercise", &kb_.exercise_by_id, {}};
  }

  void load();

  std::vector<Diagnostic> take_diagnostics() { return std::move(diags_); }
  ErrorCode code() const noexcept { return code_; }

 private:
  // --- reporting -------------------------------------------------------------
  void error(std::string path, std::string message) {
    diags_.push_back(Diagnostic{std::move(path), std::move(message)});
  }
  void error(const Path& path, std::string message) { error(path.str(), std::move(message)); }
  void wrong_type(const Path& path, std::string_view expected, const json::value& v) {
    error(path, "expected " + std::string(expected) + ", found " + describe(v));
  }

  // --- reading one field -----------------------------------------------------
  const json::object* object_at(const json::value& v, const Path& path,
                                std::initializer_list<std::string_view> fields) {
    return object_at(v, path, std::vector<std::string_view>(fields));
  }
  const json::object* object_at(const json::value& v, const Path& path,
                                const std::vector<std::string_view>& fields);
  // An object whose fields are a schema table's (myoref/schema.hpp).
  template <class Table>
  const json::object* record_at(const json::value& v, const Path& path, const Table& table) {
    const auto fields = schema::names(table);
    return object_at(v, path, std::vector<std::string_view>(fields.begin(), fields.end()));
  }
  const json::value* member(const json::object& o, const Path& base, std::string_view key,
                            Need need);
  // A non-blank string, viewed in the document (valid while it lives) or copied.
  bool text_value(const json::value& v, const Path& path, std::string_view& out);
  bool text_value(const json::value& v, const Path& path, std::string& out);
  bool text(const json::object& o, const Path& base, std::string_view key, std::string& out,
            Need need = Need::required);
  bool id_field(const json::object& o, const Path& base, std::string_view key, std::string& out,
                bool allow_hyphen = false);
  std::optional<int> integer(const json::object& o, const Path& base, std::string_view key, int lo,
                             int hi, Need need = Need::required);
  std::optional<double> number_value(const json::value& v, const Path& path, double lo, double hi);
  bool flag(const json::object& o, const Path& base, std::string_view key, bool fallback);
  const json::array* list(const json::object& o, const Path& base, std::string_view key, Need need,
                          Empty empty);
  std::vector<std::string> texts(const json::object& o, const Path& base, std::string_view key,
                                 Need need, Empty empty);
  // An enum by its spelling; `listed` are the spellings a message offers (all
  // of them unless the rule offers fewer: a chart shape's view is never both).
  template <class E>
  std::optional<E> choice(const json::object& o, const Path& base, std::string_view key,
                          const std::vector<std::string_view>& listed, Need need);
  // A spelling already read as text at `path`.
  template <class E>
  std::optional<E> spelled(std::string_view s, const Path& path,
                           const std::vector<std::string_view>& listed);

  // --- reading a record by its schema table (myoref/schema.hpp) ---------------
  // Every field of the table in its order (so that the problems of fields
  // left out are listed in that order); a Custom one by custom(field).
  template <class Table, class Record, class CustomReader>
  void read_fields(const json::object& o, const Path& base, const Table& table, Record& out,
                   CustomReader&& custom) {
    schema::for_each_field(table, [&](const auto& f) { read_one(o, base, f, out, custom); });
  }
  template <class Record, class Member, class Rule, class CustomReader>
  void read_one(const json::object& o, const Path& base,
                const schema::Field<Record, Member, Rule>& f, Record& out, CustomReader& custom) {
    if constexpr (std::is_same<Rule, schema::Custom>::value) {
      custom(f);
    } else {
      read_one(o, base, f, out);
    }
  }
  template <class Record, class Table, class CustomReader>
  void read_one(const json::object& o, const Path& base, const schema::Group<Record, Table>& g,
                Record& out, CustomReader& /*custom*/) {
    const json::value* v = member(o, base, g.name, g.need);
    if (v == nullptr)
      return;
    const Path path(base, g.name);
    if (const json::object* n = record_at(*v, path, *g.fields))
      read_fields(*n, path, *g.fields, out);
  }
  template <class Record, class Member, class Rule>
  void read_one(const json::object& o, const Path& base,
                const schema::Field<Record, Member, Rule>& f, Record& out) {
    read_field(o, base, f.name, out.*(f.member), f.rule);
  }
  template <class Record>
  void read_one(const json::object& o, const Path& base,
                const schema::Field<Record, std::vector<std::string>, schema::RegionIds<Record>>& f,
                Record& out) {
    out.*(f.member) = region_ids(o, base, f.name, out.*(f.rule.resolved));
  }
  template <class Table, class Record>
  void read_fields(const json::object& o, const Path& base, const Table& table, Record& out) {
    read_fields(o, base, table, out, [](const auto& /*field*/) {});
  }
  void read_field(const json::object& o, const Path& base, std::string_view key, std::string& out,
                  schema::Id /*rule*/) {
    id_field(o, base, key, out);
  }
  void read_field(const json::object& o, const Path& base, std::string_view key, std::string& out,
                  schema::Text rule) {
    text(o, base, key, out, rule.need);
  }
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::optional<int>& out, schema::Whole rule) {
    out = integer(o, base, key, rule.lo, rule.hi, rule.need);
  }
  void read_field(const json::object& o, const Path& base, std::string_view key, int& out,
                  schema::Whole rule) {
    if (const auto n = integer(o, base, key, rule.lo, rule.hi, rule.need))
      out = *n;
  }
  void read_field(const json::object& o, const Path& base, std::string_view key, bool& out,
                  schema::Flag rule) {
    out = flag(o, base, key, rule.fallback);
  }
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::vector<std::string>& out, schema::Texts rule) {
    out = texts(o, base, key, rule.need, rule.empty);
  }
  template <class E>
  void read_field(const json::object& o, const Path& base, std::string_view key, E& out,
                  schema::Spelled rule) {
    if (const auto e = choice<E>(o, base, key, offered<E>(rule), rule.need))
      out = *e;
  }
  template <class E>
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::optional<E>& out, schema::Spelled rule) {
    out = choice<E>(o, base, key, offered<E>(rule), rule.need);
  }
  // The spellings a message offers for a field with `rule`.
  template <class E>
  static std::vector<std::string_view> offered(schema::Spelled rule) {
    std::vector<std::string_view> all = spellings<E>();
    if (rule.offered != 0 && rule.offered < all.size())
      all.resize(rule.offered);
    return all;
  }
  template <class E>
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::vector<E>& out, schema::Spelled rule) {
    const json::array* a = list(o, base, key, rule.need, rule.empty);
    if (a == nullptr)
      return;
    const Path path(base, key);
    for (std::size_t i = 0; i < a->size(); ++i) {
      std::string_view s;
      if (!text_value((*a)[i], Path(path, i), s))
        continue;
      if (const auto e = spelled<E>(s, Path(path, i), spellings<E>()))
        out.push_back(*e);
    }
  }
  template <class Index>
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::vector<Index>& out, schema::Refs rule) {
    const Need need = rule.written == schema::Written::with_precautions && kb_.precautions.empty()
                          ? Need::optional
                          : rule.need;
    out = references<Index>(o, base, key, kind(rule.ids), need, rule.empty);
  }
  template <class Index>
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::optional<Index>& out, schema::Ref rule) {
    const json::value* v = member(o, base, key, Need::optional);
    if (v == nullptr)
      return;
    if (const auto index = reference(*v, Path(base, key), kind(rule.ids)))
      out = static_cast<Index>(*index);
  }
  template <class Index>
  void read_field(const json::object& o, const Path& base, std::string_view key, Index& out,
                  schema::Ref rule) {
    const json::value* v = member(o, base, key, Need::required);
    if (v == nullptr)
      return;
    if (const auto index = reference(*v, Path(base, key), kind(rule.ids)))
      out = static_cast<Index>(*index);
  }
  void read_field(const json::object& o, const Path& base, std::string_view /*key*/,
                  std::vector<CitationIndex>& out, schema::Cite /*rule*/) {
    out = cite(o, base);
  }
  void read_field(const json::object& o, const Path& base, std::string_view key, std::string& out,
                  schema::Code /*rule*/) {
    if (text(o, base, key, out, Need::optional) && !is_digits(out))
      error(Path(base, key), quoted(out) + " is not an ontology number (digits only)");
  }
  void read_field(const json::object& o, const Path& base, std::string_view key, float& out,
                  schema::Weight /*rule*/);
  void read_field(const json::object& o, const Path& base, std::string_view key, float& out,
                  schema::Number rule);
  void read_field(const json::object& o, const Path& base, std::string_view key, Point& out,
                  schema::Points /*rule*/) {
    if (const json::value* v = member(o, base, key, Need::required)) {
      if (const auto p = point(*v, Path(base, key)))
        out = *p;
    }
  }
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::vector<Point>& out, schema::Points /*rule*/) {
    if (const json::value* v = member(o, base, key, Need::required))
      out = polygon(*v, Path(base, key));
  }
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::vector<std::vector<Point>>& out, schema::Points /*rule*/) {
    const json::array* a = list(o, base, key, Need::required, Empty::allowed);
    if (a == nullptr)
      return;
    const Path path(base, key);
    out.reserve(a->size());
    for (std::size_t i = 0; i < a->size(); ++i)
      out.push_back(polygon((*a)[i], Path(path, i)));
  }
  template <class Record, class Table>
  void read_field(const json::object& o, const Path& base, std::string_view key,
                  std::vector<Record>& out, schema::Each<Table> rule) {
    const json::array* a = list(o, base, key, rule.need, rule.empty);
    if (a == nullptr)
      return;
    const Path path(base, key);
    out.resize(a->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
      const Path item(path, i);
      if (const json::object* n = record_at((*a)[i], item, *rule.fields))
        read_fields(*n, item, *rule.fields, out[i]);
    }
  }
  template <class Record, class Table>
  void read_field(const json::object& o, const Path& base, std::string_view key, Record& out,
                  schema::Nested<Table> rule) {
    const json::value* v = member(o, base, key, Need::required);
    if (v == nullptr)
      return;
    const Path path(base, key);
    if (const json::object* n = record_at(*v, path, *rule.fields)) {
      read_fields(*n, path, *rule.fields, out);
      check_nested(*n, path, out);
    }
  }
  const IdKind& kind(schema::Ids ids) const {
    switch (ids) {
      case schema::Ids::citation:
        return citations_;
      case schema::Ids::region:
        return regions_;
      case schema::Ids::finding:
        return findings_;
      case schema::Ids::red_flag:
        return red_flags_;
      case schema::Ids::precaution:
        return precautions_;
      case schema::Ids::muscle:
        return muscles_;
      case schema::Ids::exercise:
        return exercises_;
    }
    return citations_;
  }
  // Whether field `key` of the object at `base` was read without a problem
  // since diagnostic `before`, so that the checks that join it with another
  // (and pass 3) only judge what they can see.
  bool clean_since(std::size_t before, const Path& base, std::string_view key) const {
    if (diags_.size() == before)
      return true;
    const std::string at = Path(base, key).str();
    return std::none_of(diags_.begin() + static_cast<std::ptrdiff_t>(before), diags_.end(),
                        [&at](const Diagnostic& d) {
                          return d.path.compare(0, at.size(), at) == 0 &&
                                 (d.path.size() == at.size() || d.path[at.size()] == '/');
                        });
  }
  // What a nested record's table cannot say: the rules that join its fields.
  void check_nested(const json::object& o, const Path& path, const Dose& dose);
  void check_nested(const json::object& o, const Path& path, const LookalikeFeatures& features);
  void check_nested(const json::object& /*o*/, const Path& /*path*/, const Statement& /*s*/) {}
  void check_nested(const json::object& o, const Path& path, const Layer& layer);
  void check_nested(const json::object& /*o*/, const Path& /*path*/, const Attachments& /*a*/) {}

  std::optional<std::uint16_t> reference(const json::value& v, const Path& path,
                                         const IdKind& kind);
  template <class Index>
  std::vector<Index> references(const json::object& o, const Path& base, std::string_view key,
                                const IdKind& kind, Need need, Empty empty);
  std::vector<CitationIndex> cite(const json::object& o, const Path& base);
  std::optional<Point> point(const json::value& v, const Path& path);
  std::vector<Point> polygon(const json::value& v, const Path& path);

  // --- the passes --------------------------------------------------------------
  bool check_counts(const json::object& top);
  void index(const json::object& top, std::string_view array_key, std::string_view id_key,
             IdKind& kind);
  void index_aliases(const json::object& top);
  void read_header(const json::object& top);
  void read_citations(const json::object& top);
  void read_regions(const json::object& top);
  void check_region_parts(const json::array& regions);
  void read_findings(const json::object& top);
  void read_red_flags(const json::object& top);
  void read_age_rule(const json::object& top);
  void read_precautions(const json::object& top);
  void read_screens(const json::object& top);
  void read_rules(const json::object& top);
  void read_lookalikes(const json::object& top);
  std::vector<std::string> region_ids(const json::object& o, const Path& base, std::string_view key,
                                      std::vector<RegionIndex>& resolved);
  void read_muscles(const json::object& top);
  void read_muscle(const json::value& v, const Path& path, MuscleIndex index);
  // The muscle's Custom fields (myoref/schema.hpp's kMuscle), by their type.
  void read_custom(const json::object& o, const Path& path, std::string_view key,
                   std::vector<std::string>& aliases, Muscle& m, MuscleIndex index);
  void read_custom(const json::object& o, const Path& path, std::string_view key,
                   std::vector<FindingWeight>& findings, Muscle& m, MuscleIndex index);
  void read_custom(const json::object& o, const Path& path, std::string_view key,
                   std::vector<TriggerPoint>& trigger_points, Muscle& m, MuscleIndex index);
  void read_custom(const json::object& o, const Path& path, std::string_view key,
                   std::vector<ExerciseIndex> (&protocol)[kStepCount], Muscle& m,
                   MuscleIndex index);
  void read_trigger_point(const json::value& v, const Path& path, Muscle& muscle);
  void read_exercises(const json::object& top);
  void read_exercise(const json::value& v, const Path& path, ExerciseIndex index);
  void read_equipment(const json::object& o, const Path& path, std::string_view equipment,
                      Exercise& e, bool step_known);
  void read_chart(const json::value& v);
  // Which fields of each of `count` items of the array at `array` had a
  // problem since diagnostic `before`: bit k for keys[k], every bit when the
  // item itself had one (it was not an object).
  std::vector<unsigned> troubled(std::size_t before, const Path& array, std::size_t count,
                                 std::initializer_list<std::string_view> keys) const;
  // Whether a problem was reported at `at` itself since diagnostic `before`.
  bool reported_at(std::size_t before, const Path& at) const;
  void check_protocols();
  void check_exercise_links();
  void check_chains(bool progression);
  void build_region_keys();
  void build_candidates();

  const json::value& root_;
  KbData& kb_;
  std::vector<Diagnostic> diags_;
  ErrorCode code_ = ErrorCode::invalid_input;
  // Shared by every "did you mean" of this document: thousands of unknown
  // references against thousands of ids would otherwise take minutes.
  std::size_t suggestion_work_ = kSuggestionWorkPerDocument;

  IdKind citations_;
  IdKind regions_;
  IdKind findings_;
  IdKind red_flags_;
  IdKind precautions_;
  IdKind muscles_;  // ids only, for suggestions; the table also holds aliases
  IdKind exercises_;
  std::vector<std::string> muscle_ids_;  // by index, from pass 1

  // What pass 2 could read, so that pass 3 only judges what it can see.
  std::vector<bool> exercise_step_known_;
  std::vector<bool> exercise_targets_known_;
  std::vector<bool> region_known_;
  std::vector<bool> muscle_known_;
  AuthoredChart chart_doc_;  // the chart as read, before its checks and mirroring
  std::vector<ProtocolUse> protocol_uses_;
  std::vector<ExerciseLink> regressions_;
  std::vector<ExerciseLink> progressions_;
};

// ---------------------------------------------------------------------------
// Reading one field

const json::object* Loader::object_at(const json::value& v, const Path& path,
                                      const std::vector<std::string_view>& fields) {
  if (!v.is_object()) {
    wrong_type(path, "an object", v);
    return nullptr;
  }
  const json::object& o = v.get_object();
  for (const auto& kv : o) {
    const std::string_view key(kv.key().data(), kv.key().size());
    if (std::find(fields.begin(), fields.end(), key) == fields.end()) {
      error(Path(path, key),
            "unknown field " + quoted(key) + did_you_mean(closest(key, fields, suggestion_work_)));
    }
  }
  return &o;
}

const json::value* Loader::member(const json::object& o, const Path& base, std::string_view key,
                                  Need need) {
  const json::value* v = o.if_contains(json::string_view(key.data(), key.size()));
  if (v == nullptr) {
    if (need == Need::required)
      error(Path(base, key), "required field " + quoted(key) + " is missing");
    return nullptr;
  }
  // An optional field given as null is the same as one left out.
  if (need == Need::optional && v->is_null())
    return nullptr;
  return v;
}

bool Loader::text_value(const json::value& v, const Path& path, std::string_view& out) {
  if (!v.is_string()) {
    wrong_type(path, "a string", v);
    return false;
  }
  const std::string_view s(v.get_string().data(), v.get_string().size());
  if (is_blank(s)) {
    error(path, "must not be empty");
    return false;
  }
  out = s;
  return true;
}

bool Loader::text_value(const json::value& v, const Path& path, std::string& out) {
  std::string_view s;
  if (!text_value(v, path, s))
    return false;
  out.assign(s.data(), s.size());
  return true;
}

bool Loader::text(const json::object& o, const Path& base, std::string_view key, std::string& out,
                  Need need) {
  const json::value* v = member(o, base, key, need);
  return v != nullptr && text_value(*v, Path(base, key), out);
}

bool Loader::id_field(const json::object& o, const Path& base, std::string_view key,
                      std::string& out, bool allow_hyphen) {
  if (!text(o, base, key, out))
    return false;
  if (!is_id(out, allow_hyphen)) {
    error(Path(base, key),
          quoted(out) + " is not a valid id: use lower-case letters, digits and '_'" +
              (allow_hyphen ? std::string(" or '-'") : std::string()) +
              ", starting with a letter, at most " + std::to_string(kMaxIdLength) + " characters");
    return false;
  }
  return true;
}

std::optional<int> Loader::integer(const json::object& o, const Path& base, std::string_view key,
                                   int lo, int hi, Need need) {
  const json::value* v = member(o, base, key, need);
  if (v == nullptr)
    return std::nullopt;
  const Path path(base, key);
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->get_int64();
  } else if (v->is_uint64()) {
    n = std::numeric_limits<std::int64_t>::max();  // beyond any range below
  } else if (v->is_double()) {
    error(path, "expected a whole number, found " + json::serialize(*v));
    return std::nullopt;
  } else {
    wrong_type(path, "a whole number", *v);
    return std::nullopt;
  }
  if (n < lo || n > hi) {
    error(path, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                    ", found " + json::serialize(*v));
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<double> Loader::number_value(const json::value& v, const Path& path, double lo,
                                           double hi) {
  if (!v.is_number()) {
    wrong_type(path, "a number", v);
    return std::nullopt;
  }
  const double d = v.to_number<double>();
  if (!(d >= lo && d <= hi)) {
    error(path, "must be between " + number_text(lo) + " and " + number_text(hi) + ", found " +
                    number_text(d));
    return std::nullopt;
  }
  return d;
}

bool Loader::flag(const json::object& o, const Path& base, std::string_view key, bool fallback) {
  const json::value* v = member(o, base, key, Need::optional);
  if (v == nullptr)
    return fallback;
  if (!v->is_bool()) {
    wrong_type(Path(base, key), "true or false", *v);
    return fallback;
  }
  return v->get_bool();
}

const json::array* Loader::list(const json::object& o, const Path& base, std::string_view key,
                                Need need, Empty empty) {
  const json::value* v = member(o, base, key, need);
  if (v == nullptr)
    return nullptr;
  if (!v->is_array()) {
    wrong_type(Path(base, key), "an array", *v);
    return nullptr;
  }
  if (empty == Empty::refused && v->get_array().empty()) {
    error(Path(base, key), "must not be empty");
  }
  return &v->get_array();
}

std::vector<std::string> Loader::texts(const json::object& o, const Path& base,
                                       std::string_view key, Need need, Empty empty) {
  std::vector<std::string> out;
  const json::array* a = list(o, base, key, need, empty);
  if (a == nullptr)
    return out;
  const Path path(base, key);
  out.reserve(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    std::string s;
    if (text_value((*a)[i], Path(path, i), s))
      out.push_back(std::move(s));
  }
  return out;
}

template <class E>
std::optional<E> Loader::choice(const json::object& o, const Path& base, std::string_view key,
                                const std::vector<std::string_view>& allowed, Need need) {
  std::string_view s;
  const json::value* v = member(o, base, key, need);
  if (v == nullptr || !text_value(*v, Path(base, key), s))
    return std::nullopt;
  return spelled<E>(s, Path(base, key), allowed);
}

template <class E>
std::optional<E> Loader::spelled(std::string_view s, const Path& path,
                                 const std::vector<std::string_view>& allowed) {
  const std::optional<E> e = parse_spelled<E>(s);
  if (!e) {
    error(path, quoted(s) + " is not one of " + join(allowed, " or ") +
                    did_you_mean(closest(s, allowed, suggestion_work_)));
  }
  return e;
}

std::optional<std::uint16_t> Loader::reference(const json::value& v, const Path& path,
                                               const IdKind& kind) {
  std::string_view s;
  if (!text_value(v, path, s))
    return std::nullopt;
  const auto it = kind.table->find(s);
  if (it == kind.table->end()) {
    error(path, "unknown " + std::string(kind.noun) + " " + quoted(s) +
                    did_you_mean(closest(s, kind.names, suggestion_work_)));
    return std::nullopt;
  }
  // The muscle table also answers aliases; the knowledge base itself always
  // names a muscle by its id, so that each reference has one spelling.
  if (&kind == &muscles_ && muscle_ids_[it->second] != s) {
    error(path, quoted(s) + " is an alias of muscle " + quoted(muscle_ids_[it->second]) +
                    "; refer to a muscle by its id");
    return std::nullopt;
  }
  return it->second;
}

template <class Index>
std::vector<Index> Loader::references(const json::object& o, const Path& base, std::string_view key,
                                      const IdKind& kind, Need need, Empty empty) {
  std::vector<Index> out;
  const json::array* a = list(o, base, key, need, empty);
  if (a == nullptr)
    return out;
  const Path path(base, key);
  out.reserve(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path item(path, i);
    const auto index = reference((*a)[i], item, kind);
    if (!index)
      continue;
    if (std::find(out.begin(), out.end(), *index) != out.end()) {
      error(item, std::string(kind.noun) + " " + quoted((*a)[i].get_string()) + " is listed twice");
      continue;
    }
    out.push_back(static_cast<Index>(*index));
  }
  return out;
}

std::vector<CitationIndex> Loader::cite(const json::object& o, const Path& base) {
  return references<CitationIndex>(o, base, "cite", citations_, Need::required, Empty::refused);
}

std::optional<Point> Loader::point(const json::value& v, const Path& path) {
  if (!v.is_array() || v.get_array().size() != 2) {
    error(path, "expected a point [x, y], found " +
                    (v.is_array() ? "an array of " + std::to_string(v.get_array().size()) + " items"
                                  : std::string(describe(v))));
    return std::nullopt;
  }
  // Until the box is known to be good, check coordinates for being numbers only.
  const double w = chart_doc_.width > 0.0F ? static_cast<double>(chart_doc_.width) : kMaxChartSize;
  const double h =
      chart_doc_.height > 0.0F ? static_cast<double>(chart_doc_.height) : kMaxChartSize;
  const auto x = number_value(v.get_array()[0], Path(path, 0), 0.0, w);
  const auto y = number_value(v.get_array()[1], Path(path, 1), 0.0, h);
  if (!x || !y)
    return std::nullopt;
  return Point{static_cast<float>(*x), static_cast<float>(*y)};
}

std::vector<Point> Loader::polygon(const json::value& v, const Path& path) {
  std::vector<Point> out;
  if (!v.is_array()) {
    wrong_type(path, "an array of points", v);
    return out;
  }
  const json::array& a = v.get_array();
  if (a.size() < 3) {
    error(path, "a closed shape needs at least 3 points, found " + std::to_string(a.size()));
  }
  out.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (const auto p = point(a[i], Path(path, i)))
      out.push_back(*p);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pass 1: counts and indexes

bool Loader::check_counts(const json::object& top) {
  bool ok = true;
  const auto check = [&](std::string_view key, std::size_t limit) {
    const json::value* v = top.if_contains(json::string_view(key.data(), key.size()));
    if (v != nullptr && v->is_array() && v->get_array().size() > limit) {
      error(Path(kDocument, key),
            "more than " + std::to_string(limit) + " entries; dense indices are 16-bit");
      ok = false;
    }
  };
  check("citations", kMaxIndexed);
  check("regions", kMaxSided);
  check("findings", kMaxIndexed);
  check("red_flags", kMaxIndexed);
  check("precautions", kMaxIndexed);
  check("screens", kMaxIndexed);
  check("rules", kMaxIndexed);
  check("lookalikes", kMaxIndexed);
  check("muscles", kMaxSided);
  check("exercises", kMaxIndexed);
  if (!ok)
    code_ = ErrorCode::limit_exceeded;
  return ok;
}

void Loader::index(const json::object& top, std::string_view array_key, std::string_view id_key,
                   IdKind& kind) {
  const json::value* v = top.if_contains(json::string_view(array_key.data(), array_key.size()));
  if (v == nullptr || !v->is_array())
    return;
  const json::array& a = v->get_array();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_object())
      continue;
    const json::value* id =
        a[i].get_object().if_contains(json::string_view(id_key.data(), id_key.size()));
    if (id == nullptr || !id->is_string() || id->get_string().empty())
      continue;
    const std::string_view s(id->get_string().data(), id->get_string().size());
    const auto [it, added] =
        kind.table->emplace(std::string(s), gsl::narrow_cast<std::uint16_t>(i));
    if (!added) {
      error(Path(Path(Path(kDocument, array_key), i), id_key),
            "duplicate " + std::string(kind.noun) + " " + std::string(id_key) + " " + quoted(s) +
                " (first at " + Path(Path(kDocument, array_key), it->second).str() + ")");
      continue;
    }
    kind.names.push_back(s);
  }
}

// Aliases share the muscle id space: indexed after every id, so that an alias
// equal to a later muscle's id is found too.
void Loader::index_aliases(const json::object& top) {
  const json::value* v = top.if_contains("muscles");
  if (v == nullptr || !v->is_array())
    return;
  const json::array& a = v->get_array();
  muscle_ids_.assign(a.size(), std::string());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_object())
      continue;
    const json::value* id = a[i].get_object().if_contains("id");
    if (id != nullptr && id->is_string())
      muscle_ids_[i] = std::string(id->get_string());
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_object())
      continue;
    const json::value* aliases = a[i].get_object().if_contains("aliases");
    if (aliases == nullptr || !aliases->is_array())
      continue;
    const json::array& list = aliases->get_array();
    for (std::size_t j = 0; j < list.size(); ++j) {
      if (!list[j].is_string() || list[j].get_string().empty())
        continue;
      const std::string s(list[j].get_string());
      const auto [it, added] = kb_.muscle_by_name.emplace(s, gsl::narrow_cast<std::uint16_t>(i));
      if (added)
        continue;
      const Path muscle(kMuscles, i);
      const Path aliases_path(muscle, "aliases");
      const Path path(aliases_path, j);
      const std::string& owner = muscle_ids_[it->second];
      if (owner == s) {
        error(path, "alias " + quoted(s) + " is already the id of muscle " +
                        Path(kMuscles, it->second).str());
      } else {
        error(path, "alias " + quoted(s) + " is already an alias of muscle " + quoted(owner));
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Pass 2: reading

void Loader::read_header(const json::object& top) {
  std::string schema;
  if (text(top, kDocument, "schema", schema) && schema != kSchema) {
    if (schema.compare(0, kSchemaPrefix.size(), kSchemaPrefix) == 0) {
      code_ = ErrorCode::unsupported_version;
      error("/schema", "this library reads " + quoted(kSchema) + ", not " + quoted(schema));
    } else {
      error("/schema", "expected " + quoted(kSchema) + ", found " + quoted(schema));
    }
  }
  id_field(top, kDocument, "id", kb_.id, true);
  if (text(top, kDocument, "version", kb_.version) && !is_version(kb_.version)) {
    error("/version", quoted(kb_.version) + " is not a version of the form MAJOR.MINOR.PATCH");
  }
  text(top, kDocument, "title", kb_.title);
  std::string license;
  if (text(top, kDocument, "license", license, Need::optional))
    kb_.license = std::move(license);
}

void Loader::read_citations(const json::object& top) {
  const json::array* a = list(top, kDocument, "citations", Need::required, Empty::refused);
  if (a == nullptr)
    return;
  kb_.citations.resize(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kCitations, i);
    if (const json::object* o = record_at((*a)[i], path, schema::kCitation))
      read_fields(*o, path, schema::kCitation, kb_.citations[i]);
  }
}

void Loader::read_regions(const json::object& top) {
  const json::array* a = list(top, kDocument, "regions", Need::required, Empty::refused);
  if (a == nullptr)
    return;
  kb_.regions.resize(a->size());
  region_known_.assign(a->size(), false);
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kRegions, i);
    const json::object* o = record_at((*a)[i], path, schema::kRegion);
    if (o == nullptr)
      continue;
    const std::size_t before = diags_.size();
    read_fields(*o, path, schema::kRegion, kb_.regions[i]);
    region_known_[i] =
        clean_since(before, path, schema::name_of(schema::kRegion, &Region::laterality)) &&
        clean_since(before, path, schema::name_of(schema::kRegion, &Region::view));
  }
  check_region_parts(*a);
}

// A part belongs to one coarse region and is not coarse itself: one level, so
// that a mark has one coarse parent at most. Laterality may differ (the head
// is midline and its temples paired; the throat is a midline part of the
// paired neck): region_key_parts says how sides meet.
void Loader::check_region_parts(const json::array& a) {
  std::vector<std::optional<RegionIndex>> parent(kb_.regions.size());
  for (std::size_t i = 0; i < kb_.regions.size(); ++i) {
    const auto coarse = gsl::narrow_cast<RegionIndex>(i);
    const std::vector<RegionIndex>& parts = kb_.regions[i].parts;
    // A Path refers to its parent: each level is a named object.
    const Path region_path(kRegions, i);
    const Path parts_path(region_path, "parts");
    for (std::size_t j = 0; j < parts.size(); ++j) {
      const RegionIndex part = parts[j];
      const std::string& id = kb_.regions[part].id;
      // parts holds the ids that resolved; find this one's place in the document.
      const std::string_view key = schema::name_of(schema::kRegion, &Region::parts);
      const json::array& listed =
          a[i].get_object().at(json::string_view(key.data(), key.size())).get_array();
      std::size_t at = j;
      for (std::size_t n = 0; n < listed.size(); ++n) {
        if (listed[n].is_string() && listed[n].get_string() == id) {
          at = n;
          break;
        }
      }
      const Path item(parts_path, at);
      if (part == coarse) {
        error(item, "a region is not a part of itself");
      } else if (!kb_.regions[part].parts.empty()) {
        error(item, "region " + quoted(id) + " has parts of its own; parts do not nest");
      } else if (parent[part] && *parent[part] != coarse) {
        error(item, "region " + quoted(id) + " is already a part of " +
                        quoted(kb_.regions[*parent[part]].id));
      } else {
        parent[part] = coarse;
      }
    }
  }
}

void Loader::read_findings(const json::object& top) {
  const json::array* a = list(top, kDocument, "findings", Need::required, Empty::allowed);
  if (a == nullptr)
    return;
  kb_.findings.resize(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kFindings, i);
    if (const json::object* o = record_at((*a)[i], path, schema::kFinding))
      read_fields(*o, path, schema::kFinding, kb_.findings[i]);
  }
}

void Loader::read_red_flags(const json::object& top) {
  // A knowledge base with no red flags would skip triage without a word.
  const json::array* a = list(top, kDocument, "red_flags", Need::required, Empty::refused);
  if (a == nullptr)
    return;
  kb_.red_flags.resize(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kRedFlags, i);
    if (const json::object* o = record_at((*a)[i], path, schema::kRedFlag))
      read_fields(*o, path, schema::kRedFlag, kb_.red_flags[i]);
  }
}

void Loader::read_age_rule(const json::object& top) {
  const json::value* v = member(top, kDocument, "age_rule", Need::required);
  if (v == nullptr)
    return;
  const Path path(kDocument, "age_rule");
  const json::object* o = record_at(*v, path, schema::kAgeRule);
  if (o == nullptr)
    return;
  AgeRule& rule = kb_.age_rule;
  const std::size_t before = diags_.size();
  read_fields(*o, path, schema::kAgeRule, rule);
  const std::string_view younger = schema::name_of(schema::kAgeRule, &AgeRule::younger_than);
  const std::string_view older = schema::name_of(schema::kAgeRule, &AgeRule::older_than);
  if (clean_since(before, path, younger) && clean_since(before, path, older) &&
      rule.younger_than > rule.older_than) {
    error(Path(path, younger), "must not be greater than older_than (" +
                                   std::to_string(rule.older_than) +
                                   "), or the rule would apply at every age");
  }
}

void Loader::read_precautions(const json::object& top) {
  // Optional: a knowledge base without precautions offers none to an intake.
  const json::array* a = list(top, kDocument, "precautions", Need::optional, Empty::allowed);
  if (a == nullptr)
    return;
  kb_.precautions.resize(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kPrecautions, i);
    if (const json::object* o = record_at((*a)[i], path, schema::kPrecaution))
      read_fields(*o, path, schema::kPrecaution, kb_.precautions[i]);
  }
}

std::vector<std::string> Loader::region_ids(const json::object& o, const Path& base,
                                            std::string_view key,
                                            std::vector<RegionIndex>& resolved) {
  std::vector<std::string> ids = texts(o, base, key, Need::optional, Empty::allowed);
  const Path path(base, key);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!is_id(ids[i], false)) {
      error(Path(path, i), quoted(ids[i]) + " is not a valid region id");
      continue;
    }
    // A region this knowledge base does not have never matches: screens are
    // written for the whole vocabulary, and a smaller chart uses part of it.
    const auto it = kb_.region_by_id.find(ids[i]);
    if (it != kb_.region_by_id.end() &&
        std::find(resolved.begin(), resolved.end(), it->second) == resolved.end())
      resolved.push_back(it->second);
  }
  return ids;
}

void Loader::read_screens(const json::object& top) {
  const json::array* a = list(top, kDocument, "screens", Need::optional, Empty::allowed);
  if (a == nullptr)
    return;
  kb_.screens.resize(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kScreens, i);
    const json::object* o = record_at((*a)[i], path, schema::kScreen);
    if (o == nullptr)
      continue;
    Screen& s = kb_.screens[i];
    read_fields(*o, path, schema::kScreen, s);
    if (s.region_ids.empty() && s.findings.empty()) {
      error(path, "a screen needs " +
                      quoted(schema::name_of(schema::kScreen, &Screen::region_ids)) + " or " +
                      quoted(schema::name_of(schema::kScreen, &Screen::findings)) +
                      " that open it");
    }
  }
}

void Loader::read_rules(const json::object& top) {
  const json::array* a = list(top, kDocument, "rules", Need::optional, Empty::allowed);
  if (a == nullptr)
    return;
  kb_.triage_rules.resize(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kRules, i);
    const json::object* o = record_at((*a)[i], path, schema::kTriageRule);
    if (o == nullptr)
      continue;
    TriageRule& r = kb_.triage_rules[i];
    read_fields(*o, path, schema::kTriageRule, r);
    for (std::size_t j = 0; j < i; ++j) {
      if (!r.id.empty() && kb_.triage_rules[j].id == r.id) {
        error(Path(path, schema::name_of(schema::kTriageRule, &TriageRule::id)),
              "duplicate rule id " + quoted(r.id));
      }
    }
  }
}

void Loader::read_lookalikes(const json::object& top) {
  const json::array* a = list(top, kDocument, "lookalikes", Need::optional, Empty::allowed);
  if (a == nullptr)
    return;
  kb_.lookalikes.resize(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path path(kLookalikes, i);
    if (const json::object* o = record_at((*a)[i], path, schema::kLookalike))
      read_fields(*o, path, schema::kLookalike, kb_.lookalikes[i]);
  }
}

void Loader::check_nested(const json::object& /*o*/, const Path& path, const LookalikeFeatures& x) {
  using schema::kLookalikeFeatures;
  if (x.findings.empty() && x.region_ids.empty()) {
    error(path, "a look-alike needs " +
                    quoted(schema::name_of(kLookalikeFeatures, &LookalikeFeatures::region_ids)) +
                    " or " +
                    quoted(schema::name_of(kLookalikeFeatures, &LookalikeFeatures::findings)) +
                    " to match");
  } else if (!x.findings.empty() && static_cast<std::size_t>(x.min_findings) > x.findings.size()) {
    error(Path(path, schema::name_of(kLookalikeFeatures, &LookalikeFeatures::min_findings)),
          "is more than the findings listed");
  }
}

void Loader::read_muscles(const json::object& top) {
  const json::array* a = list(top, kDocument, "muscles", Need::required, Empty::refused);
  if (a == nullptr)
    return;
  kb_.muscles.resize(a->size());
  muscle_known_.assign(a->size(), false);
  for (std::size_t i = 0; i < a->size(); ++i) {
    read_muscle((*a)[i], Path(kMuscles, i), gsl::narrow_cast<MuscleIndex>(i));
  }
}

void Loader::read_muscle(const json::value& v, const Path& path, MuscleIndex index) {
  const json::object* o = record_at(v, path, schema::kMuscle);
  if (o == nullptr)
    return;
  Muscle& m = kb_.muscles[index];
  muscle_known_[index] = true;
  read_fields(*o, path, schema::kMuscle, m, [&](const auto& field) {
    read_custom(*o, path, field.name, m.*(field.member), m, index);
  });

  const std::string_view related = schema::name_of(schema::kMuscle, &Muscle::related);
  for (std::size_t i = 0; i < m.related.size(); ++i) {
    if (m.related[i] == index) {
      // The index of the offending entry is not kept by references(); find it.
      const json::array& a = o->at(json::string_view(related.data(), related.size())).get_array();
      for (std::size_t j = 0; j < a.size(); ++j) {
        if (a[j].is_string() && a[j].get_string() == m.id) {
          error(Path(Path(path, related), j), "a muscle is not related to itself");
        }
      }
    }
  }
  m.related.erase(std::remove(m.related.begin(), m.related.end(), index), m.related.end());
}

void Loader::read_custom(const json::object& o, const Path& path, std::string_view key,
                         std::vector<std::string>& aliases, Muscle& /*m*/, MuscleIndex /*index*/) {
  const json::array* a = list(o, path, key, Need::optional, Empty::allowed);
  if (a == nullptr)
    return;
  const Path aliases_path(path, key);
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Path item(aliases_path, i);
    std::string alias;
    if (!text_value((*a)[i], item, alias))
      continue;
    if (!is_id(alias, false)) {
      error(item, quoted(alias) +
                      " is not a valid id: use lower-case letters, digits and '_', "
                      "starting with a letter, at most " +
                      std::to_string(kMaxIdLength) + " characters");
    }
    aliases.push_back(std::move(alias));
  }
}

void Loader::read_custom(const json::object& o, const Path& path, std::string_view key,
                         std::vector<FindingWeight>& findings, Muscle& /*m*/,
                         MuscleIndex /*index*/) {
  const json::array* fs = list(o, path, key, Need::optional, Empty::allowed);
  if (fs == nullptr)
    return;
  const Path fs_path(path, key);
  const std::string_view id = schema::name_of(schema::kFindingWeight, &FindingWeight::finding);
  const std::string_view weight = schema::name_of(schema::kFindingWeight, &FindingWeight::weight);
  for (std::size_t i = 0; i < fs->size(); ++i) {
    const Path item(fs_path, i);
    const json::object* f = record_at((*fs)[i], item, schema::kFindingWeight);
    if (f == nullptr)
      continue;
    FindingWeight w;
    const std::size_t before = diags_.size();
    read_fields(*f, item, schema::kFindingWeight, w);
    const bool id_good = clean_since(before, item, id);
    bool good = id_good && clean_since(before, item, weight);
    if (id_good && std::any_of(findings.begin(), findings.end(),
                               [&](const FindingWeight& x) { return x.finding == w.finding; })) {
      error(Path(item, id),
            "finding " + quoted(f->at(json::string_view(id.data(), id.size())).get_string()) +
                " is weighted twice for this muscle");
      good = false;
    }
    if (good)
      findings.push_back(std::move(w));
  }
}

void Loader::read_field(const json::object& o, const Path& base, std::string_view key, float& out,
                        schema::Weight /*rule*/) {
  const json::value* wv = member(o, base, key, Need::required);
  if (wv == nullptr)
    return;
  const Path path(base, key);
  const auto weight = number_value(*wv, path, -1.0, 1.0);
  if (weight && *weight == 0.0) {
    error(path,
          "must not be 0: a weight says whether the finding counts for (> 0) or against (< 0)");
  }
  // Assessments sum weights exactly in thousandths (docs/assessment.md).
  const bool thousandths =
      weight && std::abs(*weight * 1000.0 - std::round(*weight * 1000.0)) < 1e-6;
  if (weight && !thousandths) {
    error(path, number_text(*weight) +
                    " has more than three decimals: weights are given to the thousandth");
  }
  out = weight ? static_cast<float>(*weight) : 0.0F;
}

void Loader::read_field(const json::object& o, const Path& base, std::string_view key, float& out,
                        schema::Number rule) {
  const json::value* n = member(o, base, key, Need::required);
  if (n == nullptr)
    return;
  const Path path(base, key);
  const auto d = number_value(*n, path, rule.lo, rule.hi);
  if (d && rule.positive && *d == 0.0) {
    error(path, "must be greater than 0");
  } else if (d) {
    out = static_cast<float>(*d);
  }
}

void Loader::check_nested(const json::object& o, const Path& path, const Layer& /*layer*/) {
  const std::string_view over_key = schema::name_of(schema::kLayer, &Layer::over);
  const std::string_view under_key = schema::name_of(schema::kLayer, &Layer::under);
  const json::value* over = o.if_contains(json::string_view(over_key.data(), over_key.size()));
  const json::value* under = o.if_contains(json::string_view(under_key.data(), under_key.size()));
  if (over != nullptr && over->is_array() && over->get_array().empty() && under != nullptr &&
      under->is_array() && under->get_array().empty()) {
    error(path, "a layer names what lies over the muscle, under it, or both");
  }
}

void Loader::read_custom(const json::object& o, const Path& path, std::string_view key,
                         std::vector<TriggerPoint>& trigger_points, Muscle& m,
                         MuscleIndex /*index*/) {
  if (const json::array* tps = list(o, path, key, Need::required, Empty::refused)) {
    const Path tps_path(path, key);
    trigger_points.reserve(tps->size());
    for (std::size_t i = 0; i < tps->size(); ++i) {
      read_trigger_point((*tps)[i], Path(tps_path, i), m);
    }
  }
}

void Loader::read_custom(const json::object& o, const Path& path, std::string_view key,
                         std::vector<ExerciseIndex> (&protocol)[kStepCount], Muscle& /*m*/,
                         MuscleIndex index) {
  const json::value* v = member(o, path, key, Need::required);
  if (v == nullptr)
    return;
  const Path p_path(path, key);
  const json::object* p = object_at(*v, p_path, spellings<Step>());
  if (p == nullptr)
    return;
  for (int s = 0; s < kStepCount; ++s) {
    const Step step = static_cast<Step>(s);
    const std::string_view name = to_string(step);
    auto& ids = protocol[s];
    ids = references<ExerciseIndex>(*p, p_path, name, exercises_, Need::required, Empty::refused);
    // Where each one came from, for the step and target checks of pass 3.
    const json::value* listed = p->if_contains(json::string_view(name.data(), name.size()));
    if (listed == nullptr || !listed->is_array())
      continue;
    const json::array& a = listed->get_array();
    for (std::size_t j = 0; j < a.size(); ++j) {
      if (!a[j].is_string())
        continue;
      const auto it = kb_.exercise_by_id.find(std::string_view(a[j].get_string()));
      if (it == kb_.exercise_by_id.end())
        continue;
      protocol_uses_.push_back(ProtocolUse{index, step, j, it->second});
    }
  }
}

void Loader::read_trigger_point(const json::value& v, const Path& path, Muscle& m) {
  const json::object* o = record_at(v, path, schema::kTriggerPoint);
  TriggerPoint tp;
  if (o == nullptr) {
    m.trigger_points.push_back(std::move(tp));
    return;
  }
  const std::size_t before = diags_.size();
  read_fields(*o, path, schema::kTriggerPoint, tp);
  const std::string_view id = schema::name_of(schema::kTriggerPoint, &TriggerPoint::id);
  if (clean_since(before, path, id)) {
    const bool repeated = std::any_of(m.trigger_points.begin(), m.trigger_points.end(),
                                      [&](const TriggerPoint& x) { return x.id == tp.id; });
    if (repeated)
      error(Path(path, id), "duplicate trigger point id " + quoted(tp.id) + " in this muscle");
  }
  const std::string_view spillover =
      schema::name_of(schema::kTriggerPoint, &TriggerPoint::spillover);
  if (!tp.spillover.empty()) {
    const json::array& a = o->at(json::string_view(spillover.data(), spillover.size())).get_array();
    for (std::size_t j = 0; j < a.size(); ++j) {
      if (!a[j].is_string())
        continue;
      const auto it = kb_.region_by_id.find(std::string_view(a[j].get_string()));
      if (it == kb_.region_by_id.end())
        continue;
      if (std::find(tp.essential.begin(), tp.essential.end(), it->second) != tp.essential.end()) {
        error(Path(Path(path, spillover), j),
              "region " + quoted(a[j].get_string()) + " is already in the essential zone");
      }
    }
    tp.spillover.erase(std::remove_if(tp.spillover.begin(), tp.spillover.end(),
                                      [&](RegionIndex r) {
                                        return std::find(tp.essential.begin(), tp.essential.end(),
                                                         r) != tp.essential.end();
                                      }),
                       tp.spillover.end());
  }
  const std::string_view side = schema::name_of(schema::kTriggerPoint, &TriggerPoint::side);
  if (clean_since(before, path, side)) {
    if (m.midline && tp.side != SideRelation::midline) {
      error(Path(path, side), "a midline muscle's trigger points have side \"midline\"");
    } else if (!m.midline && tp.side == SideRelation::midline) {
      error(
          Path(path, side),
          "side \"midline\" is for a midline muscle; this muscle is paired (use same, opposite or "
          "both)");
    }
  }
  m.trigger_points.push_back(std::move(tp));
}

void Loader::read_exercises(const json::object& top) {
  const json::array* a = list(top, kDocument, "exercises", Need::required, Empty::refused);
  if (a == nullptr)
    return;
  kb_.exercises.resize(a->size());
  exercise_step_known_.assign(a->size(), false);
  exercise_targets_known_.assign(a->size(), false);
  for (std::size_t i = 0; i < a->size(); ++i) {
    read_exercise((*a)[i], Path(kExercises, i), gsl::narrow_cast<ExerciseIndex>(i));
  }
}

void Loader::read_equipment(const json::object& o, const Path& path, std::string_view equipment,
                            Exercise& e, bool step_known) {
  if (const json::array* eq = list(o, path, equipment, Need::required, Empty::refused)) {
    const Path eq_path(path, equipment);
    for (std::size_t i = 0; i < eq->size(); ++i) {
      const Path item(eq_path, i);
      std::string s;
      if (!text_value((*eq)[i], item, s))
        continue;
      const auto& known = equipment_ids();
      if (std::find(known.begin(), known.end(), s) == known.end()) {
        error(item,
              "unknown equipment " + quoted(s) + did_you_mean(closest(s, known, suggestion_work_)));
        continue;
      }
      if (std::find(e.equipment.begin(), e.equipment.end(), s) != e.equipment.end()) {
        error(item, "equipment " + quoted(s) + " is listed twice");
        continue;
      }
      e.equipment.push_back(std::move(s));
    }
    const bool none =
        std::find(e.equipment.begin(), e.equipment.end(), "none") != e.equipment.end();
    if (none && e.equipment.size() > 1) {
      error(eq_path, "\"none\" cannot be listed with other equipment");
    } else if (none && step_known && e.step == Step::release) {
      error(eq_path,
            "a release exercise names the tool it uses (hands, massage_ball, ...), not \"none\"");
    }
  }
}

void Loader::read_exercise(const json::value& v, const Path& path, ExerciseIndex index) {
  const json::object* o = record_at(v, path, schema::kExercise);
  if (o == nullptr)
    return;
  Exercise& e = kb_.exercises[index];
  const std::size_t diagnostics_before = diags_.size();
  const auto clean = [&](std::string_view key) {
    return clean_since(diagnostics_before, path, key);
  };
  const std::string_view step = schema::name_of(schema::kExercise, &Exercise::step);
  // The one Custom field, equipment: each a known tool, "none" alone.
  read_fields(*o, path, schema::kExercise, e, [&](const auto& field) {
    exercise_step_known_[index] = clean(step);
    read_equipment(*o, path, field.name, e, exercise_step_known_[index]);
  });
  exercise_step_known_[index] = clean(step);
  exercise_targets_known_[index] = clean(schema::name_of(schema::kExercise, &Exercise::targets));

  for (const bool progression : {false, true}) {
    std::optional<ExerciseIndex>& target = progression ? e.progression : e.regression;
    if (!target)
      continue;
    if (*target == index) {
      const std::string_view key = schema::name_of(
          schema::kExercise, progression ? &Exercise::progression : &Exercise::regression);
      error(Path(path, key), "an exercise is not its own " + std::string(key));
      target.reset();
      continue;
    }
    (progression ? progressions_ : regressions_).push_back(ExerciseLink{index, *target});
  }
}

void Loader::check_nested(const json::object& o, const Path& path, const Dose& /*dose*/) {
  // At least one of the numbers is given (null is not given).
  std::vector<std::string_view> numbers;
  bool any_number = false;
  schema::for_each_field(schema::kDose, [&](const auto& f) {
    using Member = typename std::decay_t<decltype(f)>::member_type;
    if constexpr (std::is_same<Member, std::optional<int>>::value) {
      numbers.push_back(f.name);
      const json::value* n = o.if_contains(json::string_view(f.name.data(), f.name.size()));
      any_number = any_number || (n != nullptr && !n->is_null());
    }
  });
  if (!any_number)
    error(path, "a dose needs at least one of " + join(numbers, " or "));
}

std::vector<unsigned> Loader::troubled(std::size_t before, const Path& array, std::size_t count,
                                       std::initializer_list<std::string_view> keys) const {
  std::vector<unsigned> out(count, 0U);
  if (diags_.size() == before)
    return out;
  const std::string prefix = array.str() + '/';
  for (auto d = diags_.begin() + static_cast<std::ptrdiff_t>(before); d != diags_.end(); ++d) {
    const std::string_view p(d->path);
    if (p.substr(0, prefix.size()) != prefix)
      continue;
    std::size_t at = prefix.size();
    std::size_t i = 0;
    while (at < p.size() && p[at] >= '0' && p[at] <= '9' && i < count)
      i = i * 10 + static_cast<std::size_t>(p[at++] - '0');
    if (at == prefix.size() || i >= count)
      continue;
    if (at == p.size()) {
      out[i] = ~0U;
      continue;
    }
    const std::string_view rest = p.substr(at + 1);
    const std::string_view key = rest.substr(0, rest.find('/'));
    unsigned bit = 1U;
    for (const std::string_view k : keys) {
      if (k == key)
        out[i] |= bit;
      bit <<= 1U;
    }
  }
  return out;
}

bool Loader::reported_at(std::size_t before, const Path& at) const {
  if (diags_.size() == before)
    return false;
  const std::string s = at.str();
  return std::any_of(diags_.begin() + static_cast<std::ptrdiff_t>(before), diags_.end(),
                     [&s](const Diagnostic& d) { return d.path == s; });
}

// The chart by its tables (chart_schema.hpp), then what they cannot say: a
// shape's view against its region's, every region drawn, each trigger point
// resolved in its muscle and marked once at most in a view and at least once;
// and the right sides, mirrored.
void Loader::read_chart(const json::value& v) {
  const Path path(kDocument, "chart");
  const json::object* o = record_at(v, path, schema::kChart);
  if (o == nullptr)
    return;
  kb_.has_chart = true;
  const std::size_t before = diags_.size();
  AuthoredChart& doc = chart_doc_;
  read_fields(*o, path, schema::kChart, doc);
  Chart& chart = kb_.chart;
  chart.width = doc.width;
  chart.height = doc.height;
  chart.outline[static_cast<int>(View::front)] = std::move(doc.outline_front);
  chart.outline[static_cast<int>(View::back)] = std::move(doc.outline_back);
  // What each shape and mark read well, before the checks below add theirs.
  const Path shapes_path(path, "shapes");
  const Path marks_path(path, "marks");
  const bool shapes_read = !reported_at(before, shapes_path);
  const bool marks_read = !reported_at(before, marks_path);
  // Bit k of an item's flags: its k-th key below had a problem.
  const std::vector<unsigned> bad_shapes =
      troubled(before, shapes_path, doc.shapes.size(), {"region", "view"});
  const std::vector<unsigned> bad_marks =
      troubled(before, marks_path, doc.marks.size(), {"muscle", "trigger_point", "view", "at"});

  // Which (region, view) pairs have a shape: views are front = 0, back = 1.
  std::vector<std::array<bool, 2>> drawn(kb_.regions.size(), {false, false});
  for (std::size_t i = 0; shapes_read && i < doc.shapes.size(); ++i) {
    AuthoredShape& s = doc.shapes[i];
    const Path item(shapes_path, i);
    const Path view_path(item, "view");
    const bool region_ok = (bad_shapes[i] & 1U) == 0U;
    const bool view_ok = (bad_shapes[i] & 2U) == 0U;
    if (view_ok && s.view == View::both) {
      error(view_path, "a shape is drawn in one view: \"front\" or \"back\"");
    } else if (view_ok && region_ok && region_known_[s.region]) {
      const View allowed = kb_.regions[s.region].view;
      if (allowed != View::both && allowed != s.view) {
        error(view_path, "region " + quoted(kb_.regions[s.region].id) + " is shown in the " +
                             std::string(to_string(allowed)) + " view only");
      }
    }
    if (!region_ok || !view_ok || s.view == View::both)
      continue;
    drawn[s.region][static_cast<std::size_t>(s.view)] = true;
    if (kb_.region_first_key.size() <= s.region)
      continue;
    const RegionKeyIndex key = kb_.region_first_key[s.region];
    const bool paired = kb_.regions[s.region].laterality == Laterality::paired;
    std::vector<Point> mirrored;
    if (paired) {
      mirrored.reserve(s.points.size());
      for (const Point& p : s.points)
        mirrored.push_back(Point{chart.width - p.x, p.y});
    }
    chart.shapes.push_back(ChartShape{key, s.view, std::move(s.points)});
    if (paired) {
      chart.shapes.push_back(
          ChartShape{gsl::narrow_cast<RegionKeyIndex>(key + 1), s.view, std::move(mirrored)});
    }
  }
  for (std::size_t r = 0; shapes_read && r < kb_.regions.size(); ++r) {
    // A region whose id is a duplicate has been reported; it cannot be drawn.
    const auto it = kb_.region_by_id.find(kb_.regions[r].id);
    if (!region_known_[r] || it == kb_.region_by_id.end() || it->second != r)
      continue;
    // A coarse region is drawn as its parts; a shape of its own is optional.
    if (!kb_.regions[r].parts.empty())
      continue;
    const View allowed = kb_.regions[r].view;
    for (const View view : {View::front, View::back}) {
      if ((allowed == View::both || allowed == view) && !drawn[r][static_cast<std::size_t>(view)]) {
        error(shapes_path, "region " + quoted(kb_.regions[r].id) + " has no shape in the " +
                               std::string(to_string(view)) + " view");
      }
    }
  }
  if (!marks_read)
    return;

  // By muscle, by trigger point: whether it is marked in the front, back view.
  std::vector<std::vector<std::array<bool, 2>>> marked(kb_.muscles.size());
  for (std::size_t m = 0; m < kb_.muscles.size(); ++m)
    marked[m].assign(kb_.muscles[m].trigger_points.size(), {false, false});
  for (std::size_t i = 0; i < doc.marks.size(); ++i) {
    const AuthoredMark& mk = doc.marks[i];
    const Path m_path(marks_path, i);
    const bool muscle_ok = (bad_marks[i] & 1U) == 0U;
    std::optional<std::uint16_t> tp;
    if ((bad_marks[i] & 2U) == 0U && muscle_ok) {
      const auto& tps = kb_.muscles[mk.muscle].trigger_points;
      for (std::size_t t = 0; t < tps.size(); ++t) {
        if (tps[t].id == mk.trigger_point) {
          tp = gsl::narrow_cast<std::uint16_t>(t);
          break;
        }
      }
      if (!tp) {
        std::vector<std::string_view> ids;
        ids.reserve(tps.size());
        for (const auto& x : tps)
          ids.emplace_back(x.id);
        error(Path(m_path, "trigger_point"),
              "muscle " + quoted(kb_.muscles[mk.muscle].id) + " has no trigger point " +
                  quoted(mk.trigger_point) +
                  did_you_mean(closest(mk.trigger_point, ids, suggestion_work_)));
      }
    }
    const bool view_ok = (bad_marks[i] & 4U) == 0U;
    if (view_ok && mk.view == View::both)
      error(Path(m_path, "view"), "a mark is drawn in one view: \"front\" or \"back\"");
    if (!muscle_ok || !tp || !view_ok || mk.view == View::both || (bad_marks[i] & 8U) != 0U)
      continue;
    bool& done = marked[mk.muscle][*tp][static_cast<std::size_t>(mk.view)];
    if (done) {
      error(m_path, "trigger point " + quoted(mk.trigger_point) + " of muscle " +
                        quoted(kb_.muscles[mk.muscle].id) + " is already marked in the " +
                        std::string(to_string(mk.view)) + " view");
      continue;
    }
    done = true;
    if (!muscle_known_[mk.muscle])
      continue;
    if (kb_.muscles[mk.muscle].midline) {
      chart.marks.push_back(ChartMark{mk.muscle, *tp, Side::none, mk.view, mk.at});
    } else {
      chart.marks.push_back(ChartMark{mk.muscle, *tp, Side::left, mk.view, mk.at});
      chart.marks.push_back(
          ChartMark{mk.muscle, *tp, Side::right, mk.view, Point{chart.width - mk.at.x, mk.at.y}});
    }
  }
  for (std::size_t m = 0; m < kb_.muscles.size(); ++m) {
    // A duplicate muscle or trigger point id has been reported already.
    const auto it = kb_.muscle_by_name.find(kb_.muscles[m].id);
    if (it == kb_.muscle_by_name.end() || it->second != m)
      continue;
    const auto& tps = kb_.muscles[m].trigger_points;
    for (std::size_t t = 0; t < tps.size(); ++t) {
      const bool first_with_id = std::find_if(tps.begin(), tps.end(), [&](const TriggerPoint& x) {
                                   return x.id == tps[t].id;
                                 }) == tps.begin() + static_cast<std::ptrdiff_t>(t);
      if (!marked[m][t][0] && !marked[m][t][1] && !tps[t].id.empty() && first_with_id) {
        error(marks_path, "trigger point " + quoted(tps[t].id) + " of muscle " +
                              quoted(kb_.muscles[m].id) + " has no mark");
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Pass 3: rules that join parts

void Loader::check_protocols() {
  for (const ProtocolUse& use : protocol_uses_) {
    const Exercise& e = kb_.exercises[use.exercise];
    const Path muscle(kMuscles, use.muscle);
    const Path protocol(muscle, "protocol");
    const Path step(protocol, to_string(use.step));
    const Path at(step, use.position);
    if (exercise_step_known_[use.exercise] && e.step != use.step) {
      error(at, "exercise " + quoted(e.id) + " is a " + std::string(to_string(e.step)) +
                    " exercise, not " + std::string(to_string(use.step)));
    }
    if (exercise_targets_known_[use.exercise] &&
        std::find(e.targets.begin(), e.targets.end(), use.muscle) == e.targets.end()) {
      error(at, "exercise " + quoted(e.id) + " does not list " +
                    quoted(kb_.muscles[use.muscle].id) + " in its targets");
    }
  }
}

void Loader::check_exercise_links() {
  for (const bool progression : {false, true}) {
    for (const ExerciseLink& link : progression ? progressions_ : regressions_) {
      const Exercise& from = kb_.exercises[link.from];
      const Exercise& to = kb_.exercises[link.to];
      const Path exercise(kExercises, link.from);
      const Path at(exercise, progression ? "progression" : "regression");
      if (exercise_step_known_[link.from] && exercise_step_known_[link.to] &&
          from.step != to.step) {
        error(at, "exercise " + quoted(to.id) + " is a " + std::string(to_string(to.step)) +
                      " exercise; a " + (progression ? "progression" : "regression") +
                      " belongs to the same step (" + std::string(to_string(from.step)) + ")");
      }
    }
    check_chains(progression);
  }
}

// Following regressions (or progressions) must end: a loop would leave a plan
// stepping round it for ever. Each exercise has at most one link, so a walk
// with three colours finds every loop in linear time.
void Loader::check_chains(bool progression) {
  const std::size_t n = kb_.exercises.size();
  enum : std::uint8_t { unseen, on_walk, done };
  std::vector<std::uint8_t> state(n, unseen);
  const auto next = [&](std::size_t i) -> std::optional<ExerciseIndex> {
    return progression ? kb_.exercises[i].progression : kb_.exercises[i].regression;
  };
  for (std::size_t start = 0; start < n; ++start) {
    std::vector<std::size_t> walk;
    std::optional<std::size_t> at = start;
    while (at && state[*at] == unseen) {
      state[*at] = on_walk;
      walk.push_back(*at);
      const auto to = next(*at);
      at = to ? std::optional<std::size_t>(*to) : std::nullopt;
    }
    if (at && state[*at] == on_walk) {
      // The loop is the tail of the walk from *at; report it once, at its
      // first exercise in document order.
      const auto loop_start = std::find(walk.begin(), walk.end(), *at);
      const std::size_t first = *std::min_element(loop_start, walk.end());
      std::string names = quoted(kb_.exercises[first].id);
      for (std::optional<std::size_t> i = next(first); i && *i != first;
           i = next(*i) ? std::optional<std::size_t>(*next(*i)) : std::nullopt) {
        names += " -> " + quoted(kb_.exercises[*i].id);
      }
      names += " -> " + quoted(kb_.exercises[first].id);
      const std::string_view key = progression ? "progression" : "regression";
      error(Path(Path(kExercises, first), key), "the " + std::string(key) + "s loop: " + names);
    }
    for (const std::size_t i : walk)
      state[i] = done;
  }
}

void Loader::build_region_keys() {
  kb_.region_keys.clear();
  kb_.region_first_key.clear();
  kb_.region_key_mirror.clear();
  for (std::size_t r = 0; r < kb_.regions.size(); ++r) {
    const Region& region = kb_.regions[r];
    const auto first = gsl::narrow_cast<RegionKeyIndex>(kb_.region_keys.size());
    const auto index = gsl::narrow_cast<RegionIndex>(r);
    kb_.region_first_key.push_back(first);
    if (region.laterality == Laterality::paired) {
      kb_.region_keys.push_back(RegionKey{index, Side::left, region.id + ":left"});
      kb_.region_keys.push_back(RegionKey{index, Side::right, region.id + ":right"});
      kb_.region_key_mirror.push_back(gsl::narrow_cast<RegionKeyIndex>(first + 1));
      kb_.region_key_mirror.push_back(first);
    } else {
      kb_.region_keys.push_back(RegionKey{index, Side::none, region.id});
      kb_.region_key_mirror.push_back(first);
    }
  }
  kb_.region_key_parts.assign(kb_.region_keys.size(), {});
  kb_.region_key_coarse.assign(kb_.region_keys.size(), {});
  for (std::size_t k = 0; k < kb_.region_keys.size(); ++k) {
    const RegionKey& key = kb_.region_keys[k];
    for (const RegionIndex part : kb_.regions[key.region].parts) {
      const RegionKeyIndex first = kb_.region_first_key[part];
      std::vector<RegionKeyIndex>& covered = kb_.region_key_parts[k];
      if (kb_.regions[part].laterality == Laterality::midline) {
        covered.push_back(first);
      } else if (key.side == Side::none) {
        covered.push_back(first);
        covered.push_back(gsl::narrow_cast<RegionKeyIndex>(first + 1));
      } else {
        covered.push_back(
            gsl::narrow_cast<RegionKeyIndex>(key.side == Side::left ? first : first + 1));
      }
    }
    for (const RegionKeyIndex p : kb_.region_key_parts[k])
      kb_.region_key_coarse[p].push_back(gsl::narrow_cast<RegionKeyIndex>(k));
  }
}

void Loader::build_candidates() {
  kb_.candidates.clear();
  kb_.muscle_first_candidate.clear();
  kb_.candidate_mirror.clear();
  for (std::size_t m = 0; m < kb_.muscles.size(); ++m) {
    const Muscle& muscle = kb_.muscles[m];
    const auto first = gsl::narrow_cast<CandidateIndex>(kb_.candidates.size());
    const auto index = gsl::narrow_cast<MuscleIndex>(m);
    kb_.muscle_first_candidate.push_back(first);
    if (!muscle.midline) {
      kb_.candidates.push_back(Candidate{index, Side::left, muscle.id + ":left"});
      kb_.candidates.push_back(Candidate{index, Side::right, muscle.id + ":right"});
      kb_.candidate_mirror.push_back(gsl::narrow_cast<CandidateIndex>(first + 1));
      kb_.candidate_mirror.push_back(first);
    } else {
      kb_.candidates.push_back(Candidate{index, Side::none, muscle.id});
      kb_.candidate_mirror.push_back(first);
    }
  }
}

void Loader::load() {
  if (!root_.is_object()) {
    error("", std::string("a knowledge base is a JSON object; found ") + describe(root_));
    return;
  }
  const json::object* top =
      object_at(root_, kDocument,
                {"schema", "id", "version", "title", "license", "citations", "regions", "findings",
                 "red_flags", "age_rule", "precautions", "screens", "rules", "lookalikes",
                 "muscles", "exercises", "chart"});
  if (!check_counts(*top))
    return;

  index(*top, "citations", "key", citations_);
  index(*top, "regions", "id", regions_);
  index(*top, "findings", "id", findings_);
  index(*top, "red_flags", "id", red_flags_);
  index(*top, "precautions", "id", precautions_);
  index(*top, "muscles", "id", muscles_);
  index_aliases(*top);
  index(*top, "exercises", "id", exercises_);

  read_header(*top);
  read_citations(*top);
  read_regions(*top);
  build_region_keys();
  read_findings(*top);
  read_red_flags(*top);
  read_age_rule(*top);
  read_precautions(*top);
  read_screens(*top);
  read_rules(*top);
  read_lookalikes(*top);
  read_muscles(*top);
  build_candidates();
  read_exercises(*top);
  if (const json::value* chart = member(*top, kDocument, "chart", Need::optional))
    read_chart(*chart);

  check_protocols();
  check_exercise_links();
}

// The place of a JSON pointer in document order: per token, the member's
// position in its object or the array index. A missing member sorts before
// the present ones, as a problem of the object as a whole. Sorting
// diagnostics by it lists them as a reader meets them.
std::vector<std::size_t> document_position(const json::value& root, std::string_view path) {
  std::vector<std::size_t> out;
  const json::value* at = &root;
  std::size_t start = 1;
  while (start <= path.size() && !path.empty()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view raw = path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size()) {
        token += raw[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += raw[i];
      }
    }
    if (at != nullptr && at->is_object()) {
      const json::object& o = at->get_object();
      const auto it = o.find(token);
      out.push_back(it == o.end() ? 0 : static_cast<std::size_t>(it - o.begin()) + 1);
      at = it == o.end() ? nullptr : &it->value();
    } else if (at != nullptr && at->is_array()) {
      std::size_t i = 0;
      for (const char c : token)
        i = i * 10 + static_cast<std::size_t>(c - '0');
      out.push_back(i);
      at = i < at->get_array().size() ? &at->get_array()[i] : nullptr;
    } else {
      out.push_back(0);
      at = nullptr;
    }
    if (slash == std::string_view::npos)
      break;
    start = slash + 1;
  }
  return out;
}

Expected<std::shared_ptr<KbData>> load(std::string_view text, const KbLimits& limits,
                                       std::shared_ptr<const Catalogue> messages,
                                       std::string_view locale) {
  JsonLimits json_limits;
  json_limits.max_bytes = limits.max_bytes;
  json_limits.max_depth = limits.max_depth;
  json_limits.max_array = limits.max_array;
  // The parsed document lives in this arena and goes with it in one release:
  // a non-owning pointer to a local monotonic resource makes destroying the
  // document a no-op, and a first block about the size of the text (the
  // document takes a little more) saves most of the arena's growth steps.
  json::monotonic_resource arena(text.size() + text.size() / 2);
  auto parsed = parse_json(text, json_limits, "knowledge base", json::storage_ptr(&arena));
  if (!parsed)
    return std::move(parsed).error();
  const json::value& root = *parsed;

  auto kb = std::make_shared<KbData>();
  Loader loader(root, *kb);
  loader.load();
  std::vector<Diagnostic> diagnostics = loader.take_diagnostics();
  if (!diagnostics.empty()) {
    std::vector<std::pair<std::vector<std::size_t>, std::size_t>> order;
    order.reserve(diagnostics.size());
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
      order.emplace_back(document_position(root, diagnostics[i].path), i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Diagnostic> sorted;
    sorted.reserve(diagnostics.size());
    for (const auto& o : order)
      sorted.push_back(std::move(diagnostics[o.second]));
    const std::size_t n = sorted.size();
    return Error(loader.code(),
                 "the knowledge base has " + std::to_string(n) + (n == 1 ? " error" : " errors"),
                 std::move(sorted));
  }
  kb->loaded = true;
  kb->messages = std::move(messages);
  kb->locale = std::string(locale);
  return kb;
}

}  // namespace

Expected<std::shared_ptr<KbData>> load_model(std::string_view text, const KbLimits& limits,
                                             std::shared_ptr<const Catalogue> messages,
                                             std::string_view locale) {
  return load(text, limits, std::move(messages), locale);
}

}  // namespace detail

}  // namespace myoref
