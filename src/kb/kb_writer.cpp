#include "kb/kb_writer.hpp"

#include <charconv>
#include <cstddef>
#include <optional>
#include <string_view>

#include "i18n/kb_words.hpp"
#include "util/charconv.hpp"

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

json::object statement(const KbData& kb, const Statement& s) {
  json::object o;
  o["text"] = sv(s.text);
  o["cite"] = cite(kb, s.cite);
  return o;
}

json::array statements(const KbData& kb, const std::vector<Statement>& items) {
  json::array out;
  out.reserve(items.size());
  for (const auto& s : items)
    out.emplace_back(statement(kb, s));
  return out;
}

json::array region_ids(const KbData& kb, const std::vector<RegionIndex>& regions) {
  json::array out;
  out.reserve(regions.size());
  for (const auto r : regions)
    out.emplace_back(sv(kb.regions[r].id));
  return out;
}

json::array muscle_ids(const KbData& kb, const std::vector<MuscleIndex>& muscles) {
  json::array out;
  out.reserve(muscles.size());
  for (const auto m : muscles)
    out.emplace_back(sv(kb.muscles[m].id));
  return out;
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

json::object chart_object(const KbData& kb) {
  const Chart& c = kb.chart;
  json::object o;
  o["width"] = shortest_double(c.width);
  o["height"] = shortest_double(c.height);
  json::object outline;
  for (const View view : {View::front, View::back}) {
    json::array lines;
    for (const auto& line : c.outline[static_cast<int>(view)])
      lines.emplace_back(polygon(line));
    outline[sv(to_string(view))] = std::move(lines);
  }
  o["outline"] = std::move(outline);
  json::array shapes;
  for (const auto& s : c.shapes) {
    const RegionKey& key = kb.region_keys[s.key];
    if (key.side == Side::right)
      continue;  // mirrored at load, never authored
    json::object shape;
    shape["region"] = sv(kb.regions[key.region].id);
    shape["view"] = sv(to_string(s.view));
    shape["points"] = polygon(s.points);
    shapes.emplace_back(std::move(shape));
  }
  o["shapes"] = std::move(shapes);
  json::array marks;
  for (const auto& m : c.marks) {
    if (m.side == Side::right)
      continue;
    const Muscle& muscle = kb.muscles[m.muscle];
    json::object mark;
    mark["muscle"] = sv(muscle.id);
    mark["trigger_point"] = sv(muscle.trigger_points[m.trigger_point].id);
    mark["view"] = sv(to_string(m.view));
    mark["at"] = point(m.at);
    marks.emplace_back(std::move(mark));
  }
  o["marks"] = std::move(marks);
  return o;
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
  json::object o;
  o["id"] = sv(m.id);
  o["name"] = sv(m.name);
  o["aliases"] = strings(m.aliases);
  o["midline"] = m.midline;
  json::object codes;
  codes["fma"] = m.fma.empty() ? json::value(nullptr) : json::value(sv(m.fma));
  codes["uberon"] = m.uberon.empty() ? json::value(nullptr) : json::value(sv(m.uberon));
  o["codes"] = std::move(codes);
  o["summary"] = statement(kb, m.summary);
  o["location"] = statement(kb, m.location);
  json::object layer;
  layer["over"] = strings(m.layer.over);
  layer["under"] = strings(m.layer.under);
  layer["cite"] = cite(kb, m.layer.cite);
  o["layer"] = std::move(layer);
  json::object attachments;
  attachments["origin"] = sv(m.attachments.origin);
  attachments["insertion"] = sv(m.attachments.insertion);
  attachments["cite"] = cite(kb, m.attachments.cite);
  o["attachments"] = std::move(attachments);
  o["actions"] = statements(kb, m.actions);
  o["loaded_by"] = statements(kb, m.loaded_by);
  o["perpetuating_factors"] = statements(kb, m.perpetuating_factors);
  o["symptoms"] = statements(kb, m.symptoms);
  json::array findings;
  for (const auto& f : m.findings) {
    json::object w;
    w["id"] = sv(kb.findings[f.finding].id);
    w["weight"] = shortest_double(f.weight);
    w["cite"] = cite(kb, f.cite);
    findings.emplace_back(std::move(w));
  }
  o["findings"] = std::move(findings);
  o["self_test"] = statement(kb, m.self_test);
  json::array trigger_points;
  for (const auto& tp : m.trigger_points) {
    json::object t;
    t["id"] = sv(tp.id);
    t["name"] = sv(tp.name);
    t["location"] = sv(tp.location);
    t["essential"] = region_ids(kb, tp.essential);
    t["spillover"] = region_ids(kb, tp.spillover);
    t["side"] = sv(to_string(tp.side));
    t["cite"] = cite(kb, tp.cite);
    trigger_points.emplace_back(std::move(t));
  }
  o["trigger_points"] = std::move(trigger_points);
  o["related"] = muscle_ids(kb, m.related);
  o["differentials"] = statements(kb, m.differentials);
  json::object protocol;
  for (int s = 0; s < kStepCount; ++s) {
    json::array ids;
    for (const auto e : m.protocol[s])
      ids.emplace_back(sv(kb.exercises[e].id));
    protocol[sv(to_string(static_cast<Step>(s)))] = std::move(ids);
  }
  o["protocol"] = std::move(protocol);
  return o;
}

json::object exercise_to_json_value(const KbData& kb, const Exercise& e) {
  json::object o;
  o["id"] = sv(e.id);
  o["name"] = sv(e.name);
  o["step"] = sv(to_string(e.step));
  o["targets"] = muscle_ids(kb, e.targets);
  o["equipment"] = strings(e.equipment);
  o["instructions"] = strings(e.instructions);
  json::object dose;
  dose["hold_seconds"] = optional_int(e.dose.hold_seconds);
  dose["repetitions"] = optional_int(e.dose.repetitions);
  dose["sets"] = optional_int(e.dose.sets);
  dose["duration_seconds"] = optional_int(e.dose.duration_seconds);
  dose["per_side"] = e.dose.per_side;
  dose["frequency"] = sv(e.dose.frequency);
  o["dose"] = std::move(dose);
  o["cues"] = strings(e.cues);
  o["cautions"] = strings(e.cautions);
  // Written when the knowledge base has precautions, like "precautions" itself,
  // so that one without them keeps the canonical text (and hash) it had before.
  if (!kb.precautions.empty()) {
    json::array ruled_out_by;
    for (const auto p : e.ruled_out_by)
      ruled_out_by.emplace_back(sv(kb.precautions[p].id));
    o["ruled_out_by"] = std::move(ruled_out_by);
  }
  o["regression"] =
      e.regression ? json::value(sv(kb.exercises[*e.regression].id)) : json::value(nullptr);
  o["progression"] =
      e.progression ? json::value(sv(kb.exercises[*e.progression].id)) : json::value(nullptr);
  o["cite"] = cite(kb, e.cite);
  return o;
}

json::value kb_to_json_value(const KbData& kb) {
  json::object o;
  o["schema"] = "myoref.kb/1";
  o["id"] = sv(kb.id);
  o["version"] = sv(kb.version);
  o["title"] = sv(kb.title);
  o["license"] = kb.license ? json::value(sv(*kb.license)) : json::value(nullptr);
  json::array citations;
  for (const auto& c : kb.citations) {
    json::object x;
    x["key"] = sv(c.key);
    x["text"] = sv(c.text);
    citations.emplace_back(std::move(x));
  }
  o["citations"] = std::move(citations);
  json::array regions;
  for (const auto& r : kb.regions) {
    json::object x;
    x["id"] = sv(r.id);
    x["name"] = sv(r.name);
    x["laterality"] = sv(to_string(r.laterality));
    x["view"] = sv(to_string(r.view));
    // Only a coarse region has the member, so that a base without parts keeps
    // the canonical text (and hash) it had before they existed.
    if (!r.parts.empty())
      x["parts"] = region_ids(kb, r.parts);
    x["what"] = sv(r.what);
    regions.emplace_back(std::move(x));
  }
  o["regions"] = std::move(regions);
  json::array findings;
  for (const auto& f : kb.findings) {
    json::object x;
    x["id"] = sv(f.id);
    x["question"] = sv(f.question);
    x["what"] = sv(f.what);
    findings.emplace_back(std::move(x));
  }
  o["findings"] = std::move(findings);
  json::array red_flags;
  for (const auto& f : kb.red_flags) {
    json::object x;
    x["id"] = sv(f.id);
    x["level"] = sv(to_string(f.level));
    x["question"] = sv(f.question);
    x["advice"] = sv(f.advice);
    x["cite"] = cite(kb, f.cite);
    red_flags.emplace_back(std::move(x));
  }
  o["red_flags"] = std::move(red_flags);
  json::object age;
  age["level"] = sv(to_string(kb.age_rule.level));
  age["younger_than"] = kb.age_rule.younger_than;
  age["older_than"] = kb.age_rule.older_than;
  age["max_duration_days"] = kb.age_rule.max_duration_days;
  age["advice"] = sv(kb.age_rule.advice);
  age["cite"] = cite(kb, kb.age_rule.cite);
  o["age_rule"] = std::move(age);
  // Written only when there are some, so that a knowledge base without
  // precautions keeps the canonical text (and hash) it had before they existed.
  if (!kb.precautions.empty()) {
    json::array precautions;
    for (const auto& p : kb.precautions) {
      json::object x;
      x["id"] = sv(p.id);
      x["name"] = sv(p.name);
      x["what"] = sv(p.what);
      json::array changes;
      for (const auto& c : p.changes)
        changes.emplace_back(sv(c));
      x["changes"] = std::move(changes);
      x["cite"] = cite(kb, p.cite);
      precautions.emplace_back(std::move(x));
    }
    o["precautions"] = std::move(precautions);
  }
  const auto strings = [](const std::vector<std::string>& list) {
    json::array out;
    for (const auto& s : list)
      out.emplace_back(sv(s));
    return out;
  };
  const auto finding_ids = [&kb](const std::vector<FindingIndex>& list) {
    json::array out;
    for (const FindingIndex f : list)
      out.emplace_back(sv(kb.findings[f].id));
    return out;
  };
  const auto flag_ids = [&kb](const std::vector<RedFlagIndex>& list) {
    json::array out;
    for (const RedFlagIndex f : list)
      out.emplace_back(sv(kb.red_flags[f].id));
    return out;
  };
  if (!kb.screens.empty()) {
    json::array screens;
    for (const auto& s : kb.screens) {
      json::object x;
      x["id"] = sv(s.id);
      x["area"] = sv(s.area);
      x["regions"] = strings(s.region_ids);
      x["findings"] = finding_ids(s.findings);
      x["red_flags"] = flag_ids(s.red_flags);
      if (s.age_min)
        x["age_min"] = *s.age_min;
      if (s.age_max)
        x["age_max"] = *s.age_max;
      if (!s.sexes.empty()) {
        json::array sexes;
        for (const Sex sex : s.sexes)
          sexes.emplace_back(sv(to_string(sex)));
        x["sex"] = std::move(sexes);
      }
      if (s.onset_not)
        x["onset_not"] = sv(to_string(*s.onset_not));
      x["cite"] = cite(kb, s.cite);
      screens.emplace_back(std::move(x));
    }
    o["screens"] = std::move(screens);
  }
  if (!kb.triage_rules.empty()) {
    json::array rules;
    for (const auto& r : kb.triage_rules) {
      json::object x;
      x["id"] = sv(r.id);
      x["level"] = sv(to_string(r.level));
      x["reason"] = sv(r.reason);
      x["advice"] = sv(r.advice);
      x["cite"] = cite(kb, r.cite);
      rules.emplace_back(std::move(x));
    }
    o["rules"] = std::move(rules);
  }
  if (!kb.lookalikes.empty()) {
    json::array lookalikes;
    for (const auto& l : kb.lookalikes) {
      json::object x;
      x["id"] = sv(l.id);
      x["name"] = sv(l.name);
      if (l.level)
        x["level"] = sv(to_string(*l.level));
      json::object f;
      const LookalikeFeatures& lf = l.features;
      f["regions"] = strings(lf.region_ids);
      f["findings"] = finding_ids(lf.findings);
      f["min_findings"] = lf.min_findings;
      f["sufficient"] = finding_ids(lf.sufficient);
      if (lf.age_min)
        f["age_min"] = *lf.age_min;
      if (lf.age_max)
        f["age_max"] = *lf.age_max;
      if (lf.duration_min_days)
        f["duration_min_days"] = *lf.duration_min_days;
      if (lf.duration_max_days)
        f["duration_max_days"] = *lf.duration_max_days;
      if (lf.onset)
        f["onset"] = sv(to_string(*lf.onset));
      x["features"] = std::move(f);
      x["opens"] = flag_ids(l.opens);
      x["set_aside"] = finding_ids(l.set_aside);
      x["why"] = sv(l.why);
      x["advice"] = sv(l.advice);
      x["cite"] = cite(kb, l.cite);
      lookalikes.emplace_back(std::move(x));
    }
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
  o["chart"] = kb.has_chart ? json::value(chart_object(kb)) : json::value(nullptr);
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
