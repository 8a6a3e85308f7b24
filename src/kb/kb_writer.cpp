#include "kb/kb_writer.hpp"

#include <charconv>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include "i18n/kb_words.hpp"
#include "kb/chart_schema.hpp"
#include "myoref/schema.hpp"
#include "util/charconv.hpp"
#include "util/json_writer.hpp"

namespace myoref::detail {
namespace {

json::string_view sv(std::string_view s) {
  return {s.data(), s.size()};
}

json::value optional_int(const std::optional<int>& v) {
  return v ? json::value(static_cast<std::int64_t>(*v)) : json::value(nullptr);
}

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  out.reserve(items.size());
  for (const auto& s : items)
    out.emplace_back(sv(s));
  return out;
}

json::array cite(const KbData& kb, const std::vector<CitationIndex>& keys) {
  json::array out;
  out.reserve(keys.size());
  for (const auto k : keys)
    out.emplace_back(sv(kb.citations[k].key));
  return out;
}

// --- Writing a record by its schema table (myoref/schema.hpp) -----------------

template <class Table, class Record>
json::object record_object(const KbData& kb, const Record& r, const Table& table);

// One field into `o`, by its member's type and its rule.
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, const std::string& s,
                 schema::Id /*rule*/) {
  o[sv(key)] = sv(s);
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, const std::string& s,
                 schema::Text /*rule*/) {
  o[sv(key)] = sv(s);
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::optional<int>& n, schema::Whole rule) {
  if (rule.written == schema::Written::if_set && !n)
    return;
  o[sv(key)] = optional_int(n);
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, int n,
                 schema::Whole /*rule*/) {
  o[sv(key)] = n;
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, bool b,
                 schema::Flag /*rule*/) {
  o[sv(key)] = b;
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::vector<std::string>& items, schema::Texts /*rule*/) {
  o[sv(key)] = strings(items);
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::vector<std::string>& items, schema::Custom /*rule*/) {
  o[sv(key)] = strings(items);
}
template <class E>
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, E e,
                 schema::Spelled /*rule*/) {
  o[sv(key)] = sv(to_string(e));
}
template <class E>
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::optional<E>& e, schema::Spelled rule) {
  if (rule.written == schema::Written::if_set && !e)
    return;
  o[sv(key)] = e ? json::value(sv(to_string(*e))) : json::value(nullptr);
}
template <class E>
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::vector<E>& items, schema::Spelled rule) {
  if (rule.written == schema::Written::if_any && items.empty())
    return;
  json::array out;
  out.reserve(items.size());
  for (const E e : items)
    out.emplace_back(sv(to_string(e)));
  o[sv(key)] = std::move(out);
}
template <class Record>
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::vector<std::string>& ids, schema::RegionIds<Record> /*rule*/) {
  o[sv(key)] = strings(ids);
}
void write_field(const KbData& kb, json::object& o, std::string_view key,
                 const std::vector<std::uint16_t>& indices, schema::Refs rule) {
  if ((rule.written == schema::Written::with_precautions && kb.precautions.empty()) ||
      (rule.written == schema::Written::if_any && indices.empty()))
    return;
  json::array ids;
  ids.reserve(indices.size());
  for (const auto i : indices)
    ids.emplace_back(sv(id_of(kb, rule.ids, i)));
  o[sv(key)] = std::move(ids);
}
void write_field(const KbData& kb, json::object& o, std::string_view key,
                 const std::optional<std::uint16_t>& index, schema::Ref rule) {
  o[sv(key)] = index ? json::value(sv(id_of(kb, rule.ids, *index))) : json::value(nullptr);
}
void write_field(const KbData& kb, json::object& o, std::string_view key,
                 const std::vector<CitationIndex>& keys, schema::Cite /*rule*/) {
  o[sv(key)] = cite(kb, keys);
}
template <class Record, class Table>
void write_field(const KbData& kb, json::object& o, std::string_view key, const Record& r,
                 schema::Nested<Table> rule) {
  o[sv(key)] = record_object(kb, r, *rule.fields);
}
template <class Record, class Table>
void write_field(const KbData& kb, json::object& o, std::string_view key,
                 const std::vector<Record>& items, schema::Each<Table> rule) {
  if (rule.written == schema::Written::if_any && items.empty())
    return;
  json::array out;
  out.reserve(items.size());
  for (const auto& r : items)
    out.emplace_back(record_object(kb, r, *rule.fields));
  o[sv(key)] = std::move(out);
}
void write_field(const KbData& kb, json::object& o, std::string_view key, std::uint16_t index,
                 schema::Ref rule) {
  o[sv(key)] = sv(id_of(kb, rule.ids, index));
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, const std::string& s,
                 schema::Code /*rule*/) {
  o[sv(key)] = s.empty() ? json::value(nullptr) : json::value(sv(s));
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, float weight,
                 schema::Weight /*rule*/) {
  o[sv(key)] = shortest_double(weight);
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, float n,
                 schema::Number /*rule*/) {
  o[sv(key)] = shortest_double(n);
}
json::array point(const Point& p) {
  return json::array{shortest_double(p.x), shortest_double(p.y)};
}
json::array polygon(const std::vector<Point>& points) {
  json::array out;
  out.reserve(points.size());
  for (const auto& p : points)
    out.emplace_back(point(p));
  return out;
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key, const Point& p,
                 schema::Points /*rule*/) {
  o[sv(key)] = point(p);
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::vector<Point>& points, schema::Points /*rule*/) {
  o[sv(key)] = polygon(points);
}
void write_field(const KbData& /*kb*/, json::object& o, std::string_view key,
                 const std::vector<std::vector<Point>>& lines, schema::Points /*rule*/) {
  json::array out;
  out.reserve(lines.size());
  for (const auto& line : lines)
    out.emplace_back(polygon(line));
  o[sv(key)] = std::move(out);
}
// A muscle's Custom fields, by their type.
void write_field(const KbData& kb, json::object& o, std::string_view key,
                 const std::vector<FindingWeight>& weights, schema::Custom /*rule*/) {
  write_field(kb, o, key, weights,
              schema::Each<decltype(schema::kFindingWeight)>{&schema::kFindingWeight});
}
void write_field(const KbData& kb, json::object& o, std::string_view key,
                 const std::vector<TriggerPoint>& trigger_points, schema::Custom /*rule*/) {
  write_field(kb, o, key, trigger_points,
              schema::Each<decltype(schema::kTriggerPoint)>{&schema::kTriggerPoint});
}
void write_field(const KbData& kb, json::object& o, std::string_view key,
                 const std::vector<ExerciseIndex> (&protocol)[kStepCount],
                 schema::Custom /*rule*/) {
  json::object steps;
  for (int s = 0; s < kStepCount; ++s) {
    json::array ids;
    for (const auto e : protocol[s])
      ids.emplace_back(sv(kb.exercises[e].id));
    steps[sv(to_string(static_cast<Step>(s)))] = std::move(ids);
  }
  o[sv(key)] = std::move(steps);
}

template <class Record, class Member, class Rule>
void write_one(const KbData& kb, json::object& o, const schema::Field<Record, Member, Rule>& f,
               const Record& r) {
  write_field(kb, o, f.name, r.*(f.member), f.rule);
}
template <class Record, class Table>
void write_one(const KbData& kb, json::object& o, const schema::Group<Record, Table>& g,
               const Record& r) {
  o[sv(g.name)] = record_object(kb, r, *g.fields);
}

// Every field of `table`, in its order.
template <class Table, class Record>
json::object record_object(const KbData& kb, const Record& r, const Table& table) {
  json::object o;
  schema::for_each_field(table, [&](const auto& f) { write_one(kb, o, f, r); });
  return o;
}

// The chart as authored: its left and midline shapes and marks, the right
// sides being mirrored at load.
AuthoredChart authored_chart(const KbData& kb) {
  const Chart& c = kb.chart;
  AuthoredChart out;
  out.width = c.width;
  out.height = c.height;
  out.outline_front = c.outline[static_cast<int>(View::front)];
  out.outline_back = c.outline[static_cast<int>(View::back)];
  for (const auto& s : c.shapes) {
    const RegionKey& key = kb.region_keys[s.key];
    if (key.side != Side::right)
      out.shapes.push_back(AuthoredShape{key.region, s.view, s.points});
  }
  for (const auto& m : c.marks) {
    if (m.side != Side::right) {
      out.marks.push_back(AuthoredMark{
          m.muscle, kb.muscles[m.muscle].trigger_points[m.trigger_point].id, m.view, m.at});
    }
  }
  return out;
}

}  // namespace

double shortest_double(float value) noexcept {
  char buf[32];
  char* const written = detail::to_chars_shortest(buf, buf + sizeof buf, value);
  double out = static_cast<double>(value);
  double exact = 0.0;
  if (written != buf && detail::from_chars_exact(buf, written, exact) == std::errc())
    out = exact;
  return out;
}

json::object muscle_to_json_value(const KbData& kb, const Muscle& m) {
  return record_object(kb, m, schema::kMuscle);
}

json::object exercise_to_json_value(const KbData& kb, const Exercise& e) {
  return record_object(kb, e, schema::kExercise);
}

json::value kb_to_json_value(const KbData& kb) {
  json::object o;
  o["schema"] = "myoref.kb/1";
  o["id"] = sv(kb.id);
  o["version"] = sv(kb.version);
  o["title"] = sv(kb.title);
  o["license"] = kb.license ? json::value(sv(*kb.license)) : json::value(nullptr);
  json::array citations;
  for (const auto& c : kb.citations)
    citations.emplace_back(record_object(kb, c, schema::kCitation));
  o["citations"] = std::move(citations);
  json::array regions;
  // Only a coarse region has "parts" (Written::if_any), so that a base without
  // parts keeps the canonical text (and hash) it had before they existed.
  for (const auto& r : kb.regions)
    regions.emplace_back(record_object(kb, r, schema::kRegion));
  o["regions"] = std::move(regions);
  json::array findings;
  for (const auto& f : kb.findings)
    findings.emplace_back(record_object(kb, f, schema::kFinding));
  o["findings"] = std::move(findings);
  json::array red_flags;
  for (const auto& f : kb.red_flags)
    red_flags.emplace_back(record_object(kb, f, schema::kRedFlag));
  o["red_flags"] = std::move(red_flags);
  o["age_rule"] = record_object(kb, kb.age_rule, schema::kAgeRule);
  // Written only when there are some, so that a knowledge base without
  // precautions keeps the canonical text (and hash) it had before they existed.
  if (!kb.precautions.empty()) {
    json::array precautions;
    for (const auto& p : kb.precautions)
      precautions.emplace_back(record_object(kb, p, schema::kPrecaution));
    o["precautions"] = std::move(precautions);
  }
  if (!kb.screens.empty()) {
    json::array screens;
    for (const auto& x : kb.screens)
      screens.emplace_back(record_object(kb, x, schema::kScreen));
    o["screens"] = std::move(screens);
  }
  if (!kb.triage_rules.empty()) {
    json::array rules;
    for (const auto& r : kb.triage_rules)
      rules.emplace_back(record_object(kb, r, schema::kTriageRule));
    o["rules"] = std::move(rules);
  }
  if (!kb.lookalikes.empty()) {
    json::array lookalikes;
    for (const auto& l : kb.lookalikes)
      lookalikes.emplace_back(record_object(kb, l, schema::kLookalike));
    o["lookalikes"] = std::move(lookalikes);
  }
  json::array muscles;
  for (const auto& m : kb.muscles)
    muscles.emplace_back(muscle_to_json_value(kb, m));
  o["muscles"] = std::move(muscles);
  json::array exercises;
  for (const auto& e : kb.exercises)
    exercises.emplace_back(exercise_to_json_value(kb, e));
  o["exercises"] = std::move(exercises);
  o["chart"] = kb.has_chart ? json::value(record_object(kb, authored_chart(kb), schema::kChart))
                            : json::value(nullptr);
  return o;
}

std::string canonical_text(const KbData& kb) {
  return pretty(kb_to_json_value(kb));
}

std::string clinical_text(const KbData& kb) {
  json::value v = kb_to_json_value(kb);
  strip_words(v);
  return pretty(v);
}

}  // namespace myoref::detail
