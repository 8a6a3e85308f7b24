// next(): what to do in the coming session, and how answers and decisions are
// written for programs (JSON) and people (text).
#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>

#include "engine/engine.hpp"
#include "i18n/messages.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "myoref/plan.hpp"
#include "myoref/schema.hpp"
#include "protocol/state.hpp"
#include "util/json.hpp"
#include "util/json_writer.hpp"

namespace myoref {
namespace {

namespace json = detail::json;

// Pain that rose in or since the last session calls for the easier version of
// each exercise; relief that builds calls for the harder one, one level per
// kReliefPerProgression relief sessions on the target, at most
// kMaxProgressionLevels levels (which also bounds a cyclic chain).
constexpr int kReliefPerProgression = 2;
constexpr int kMaxProgressionLevels = 3;

PrescribedExercise prescribe(const KnowledgeBase& kb, ExerciseIndex chosen, ExerciseIndex listed,
                             const char* variant) {
  const Exercise& e = kb.exercises()[chosen];
  PrescribedExercise p;
  p.exercise = chosen;
  p.id = e.id;
  p.name = e.name;
  p.dose = e.dose;
  p.dose_text = detail::dose_text(detail::catalogue(kb), e.dose);
  p.how = e.instructions;
  p.cues = e.cues;
  p.cautions = e.cautions;
  p.variant = variant;
  if (chosen != listed) {
    p.instead_of = kb.exercises()[listed].id;
  }
  if (e.regression)
    p.regression = kb.exercises()[*e.regression].id;
  if (e.progression)
    p.progression = kb.exercises()[*e.progression].id;
  return p;
}

// Lower doses for the acute phase: half the repetitions and sets (rounded up),
// holds and durations as they are.
Dose acute_dose(Dose d) {
  const auto half = [](std::optional<int>& n) {
    if (n)
      n = (*n + 1) / 2;
  };
  half(d.repetitions);
  half(d.sets);
  return d;
}

// The precautions of `state` that rule `e` out, in knowledge-base order.
std::vector<PrecautionIndex> ruling_out(const detail::PlanState& s, const Exercise& e) {
  std::vector<PrecautionIndex> out;
  for (const PrecautionIndex p : s.precautions) {
    if (std::find(e.ruled_out_by.begin(), e.ruled_out_by.end(), p) != e.ruled_out_by.end()) {
      out.push_back(p);
    }
  }
  return out;
}

json::value text_or_null(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(json::string(s));
}

json::value optional_text(const std::optional<std::string>& s) {
  return s ? json::value(json::string(*s)) : json::value(nullptr);
}

json::array string_array(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& s : items) {
    a.emplace_back(json::string(s));
  }
  return a;
}

json::array step_array(const std::vector<Step>& steps) {
  json::array a;
  for (const Step s : steps) {
    a.emplace_back(json::string(to_string(s)));
  }
  return a;
}

// The dose's fields in the schema's order (myoref/schema.hpp), a number that
// is not set left out.
json::object dose_json(const Dose& d) {
  json::object o;
  schema::for_each_field(schema::kDose, [&](const auto& f) {
    const auto& v = d.*(f.member);
    const json::string_view key(f.name.data(), f.name.size());
    if constexpr (std::is_same<std::decay_t<decltype(v)>, std::optional<int>>::value) {
      if (v)
        o[key] = *v;
    } else if constexpr (std::is_same<std::decay_t<decltype(v)>, std::string>::value) {
      o[key] = json::string_view(v.data(), v.size());
    } else {
      o[key] = v;
    }
  });
  return o;
}

/// A plan's stored triage advice (kept as given, in the language the plan was
/// started in) said in `kb`'s language: the advice of the red flag, triage
/// rule or age rule whose words in `kb`, in its source language or in a
/// built-in language are the stored text. Text none gives is kept as stored.
std::string triage_advice_in(const KnowledgeBase& kb, const std::string& stored) {
  const std::vector<std::string>& source = detail::model_of(kb).source_advice;
  std::size_t at = 0;  // index into source: red flags, then rules, then the age rule
  // The key ("red_flag.ID.advice") is made only when the base's own words and
  // its source's are not the stored text.
  const auto said = [&](const std::string& here, const char* kind, const std::string& id) {
    const bool was =
        here == stored || (at < source.size() && source[at] == stored) ||
        detail::builtin_word_is(
            id.empty() ? std::string(kind) + ".advice" : kind + ('.' + id) + ".advice", stored);
    ++at;
    return was;
  };
  for (const RedFlag& f : kb.red_flags()) {
    if (said(f.advice, "red_flag", f.id))
      return f.advice;
  }
  for (const TriageRule& r : kb.triage_rules()) {
    if (!r.advice.empty() && said(r.advice, "rule", r.id))
      return r.advice;
    if (r.advice.empty())
      ++at;
  }
  if (said(kb.age_rule().advice, "age_rule", std::string()))
    return kb.age_rule().advice;
  return stored;
}

void add_stop_advice(const detail::PlanState& s, NextStep& n) {
  const detail::Catalogue& m = detail::catalogue(s.kb);
  n.level = TriageLevel::see_clinician;
  if (s.outcome == Outcome::stopped_red_flag && !s.sessions.empty()) {
    // The stop is always the last session's doing: its flags say how soon.
    TriageLevel level = TriageLevel::self_care;
    for (const auto& id : s.sessions.back().log.red_flags) {
      if (const auto f = s.kb.find_red_flag(id)) {
        const RedFlag& flag = s.kb.red_flags()[*f];
        level = std::max(level, flag.level);
        n.advice.push_back(flag.advice);
      }
    }
    n.level = std::max(n.level, level);
  } else if (s.outcome == Outcome::stopped_no_improvement) {
    n.advice.push_back(
        m.get("plan.advice.no_improvement", {{"weeks", s.options.no_improvement_weeks}}));
  } else if (s.status == PlanStatus::stopped_seek_care) {
    n.advice.push_back(m.get("plan.advice.worsening"));
  } else {
    n.advice.push_back(m.get("plan.advice.exhausted"));
  }
}

}  // namespace

NextStep Plan::next() const {
  const detail::PlanState& s = *s_;
  const KnowledgeBase& kb = s.kb;
  const detail::Catalogue& m = detail::catalogue(kb);
  NextStep n;
  n.locale = kb.locale();
  n.status = s.status;
  n.reason = s.reason;
  n.level = s.triage;
  n.sessions_logged = s.sessions.size();
  // Triage advice first, in every answer: safety before exercises, said in
  // this knowledge base's language even when stored in another.
  n.advice.reserve(s.triage_advice.size());
  for (const std::string& stored : s.triage_advice)
    n.advice.push_back(triage_advice_in(kb, stored));
  if (s.status == PlanStatus::stopped_seek_care || s.status == PlanStatus::exhausted ||
      !s.current) {
    add_stop_advice(s, n);
    return n;
  }

  const PlanCandidate& pc = s.candidates[*s.current];
  const Candidate& candidate = kb.candidates()[pc.candidate];
  const Muscle& muscle = kb.muscles()[candidate.muscle];
  const std::string label = detail::candidate_label(kb, pc);
  n.target = pc.key;
  n.name = muscle.name;
  n.side = pc.both_sides ? Side::none : candidate.side;
  n.both_sides = pc.both_sides;
  const bool maintenance = s.status == PlanStatus::maintenance;
  const bool acute = detail::in_acute_phase(s);
  n.acute = acute;
  for (const PrecautionIndex p : s.precautions) {
    const Precaution& precaution = kb.precautions()[p];
    n.precautions.push_back(precaution.id);
    for (const auto& change : precaution.changes) {
      n.advice.push_back(
          m.get("plan.advice.precaution", {{"precaution", precaution.name}, {"change", change}}));
    }
  }

  const SessionRecord* last = s.sessions.empty() ? nullptr : &s.sessions.back();
  const bool last_on_target = last != nullptr && last->target == pc.candidate;
  const bool pain_rose =
      last_on_target && (last->log.pain_after > last->log.pain_before || last->worse);
  int relief_sessions = 0;
  for (auto it = s.sessions.rbegin(); it != s.sessions.rend() && it->target == pc.candidate; ++it) {
    relief_sessions += it->relief ? 1 : 0;
  }
  // The acute phase takes the gentlest version (the end of the regression
  // chain); pain that rose takes one step easier; relief that builds, harder.
  const int level = acute ? -kMaxProgressionLevels
                    : pain_rose
                        ? -1
                        : std::min(relief_sessions / kReliefPerProgression, kMaxProgressionLevels);
  const auto allowed = [&](ExerciseIndex e) { return ruling_out(s, kb.exercises()[e]).empty(); };
  const auto cap = static_cast<std::size_t>(s.options.max_exercises_per_step);

  bool regressed = false;
  bool progressed = false;
  for (int k = 0; k < kStepCount; ++k) {
    PrescribedStep ps;
    ps.step = static_cast<Step>(k);
    ps.as_needed = maintenance && ps.step != Step::strengthen;
    for (const ExerciseIndex listed : muscle.protocol[k]) {
      if (ps.exercises.size() >= cap)
        break;
      ExerciseIndex chosen = listed;
      const char* variant = "as_listed";
      if (!allowed(listed)) {
        // Ruled out as listed: an easier version the precautions allow stands
        // in for it, or it is left out and said so.
        std::optional<ExerciseIndex> instead;
        ExerciseIndex at = listed;
        for (int i = 0; i < kMaxProgressionLevels && !instead; ++i) {
          const auto easier = kb.exercises()[at].regression;
          if (!easier || *easier == listed)
            break;
          at = *easier;
          if (allowed(at))
            instead = at;
        }
        const Exercise& e = kb.exercises()[listed];
        LeftOutExercise out;
        out.id = e.id;
        out.name = e.name;
        out.step = ps.step;
        std::string names;
        for (const PrecautionIndex p : ruling_out(s, e)) {
          out.precautions.push_back(kb.precautions()[p].id);
          names += names.empty() ? "" : m.get("list.or");
          names += kb.precautions()[p].name;
        }
        out.why = m.get("plan.left_out", {{"exercise", e.name}, {"precautions", names}});
        if (instead) {
          out.why += " ";
          out.why += m.get("plan.left_out_easier", {{"exercise", kb.exercises()[*instead].name}});
          chosen = *instead;
          variant = "precaution";
        }
        n.left_out.push_back(std::move(out));
        if (!instead)
          continue;
      } else if (level < 0) {
        for (int i = 0; i < -level; ++i) {
          const auto easier = kb.exercises()[chosen].regression;
          if (!easier || *easier == listed || !allowed(*easier))
            break;
          chosen = *easier;
          variant = acute ? "acute" : "regression";
        }
      } else {
        for (int i = 0; i < level; ++i) {
          const auto harder = kb.exercises()[chosen].progression;
          if (!harder || *harder == listed || !allowed(*harder))
            break;
          chosen = *harder;
          variant = "progression";
        }
      }
      if (acute && chosen == listed)
        variant = "acute";
      const bool dup =
          std::any_of(ps.exercises.begin(), ps.exercises.end(),
                      [chosen](const PrescribedExercise& p) { return p.exercise == chosen; });
      if (dup)
        continue;
      regressed = regressed || (chosen != listed && level < 0 && !acute);
      progressed = progressed || (chosen != listed && level > 0);
      ps.exercises.push_back(prescribe(kb, chosen, listed, variant));
      if (acute) {
        PrescribedExercise& p = ps.exercises.back();
        p.dose = acute_dose(p.dose);
        p.dose_text = detail::dose_text(m, p.dose);
      }
    }
    if (ps.exercises.empty()) {
      n.advice.push_back(m.get("plan.advice.no_exercise." + std::string(to_string(ps.step)),
                               {{"candidate", label}}));
    }
    n.steps.push_back(std::move(ps));
  }
  if (pc.both_sides) {
    n.advice.push_back(m.get("plan.advice.both_sides", {{"muscle", muscle.name}}));
  }
  if (acute) {
    n.advice.push_back(m.get("plan.advice.acute"));
  }

  if (last == nullptr) {
    n.advice.push_back(m.get("plan.advice.first"));
  } else if (!last_on_target) {
    n.advice.push_back(m.get("plan.advice.target_changed", {{"reason", s.reason}}));
  } else if (!last->complete) {
    n.advice.push_back(
        m.get("plan.advice.left_out_steps",
              {{"date", last->log.date}, {"steps", detail::step_list(m, last->missing)}}));
  }
  if (maintenance) {
    n.advice.push_back(m.get("plan.advice.relief_held", {{"candidate", label}}));
  } else {
    const int trials = detail::release_trials_without_relief(s, pc.candidate);
    if (trials > 0) {
      const bool more = *s.current + 1 < s.candidates.size();
      n.advice.push_back(
          m.get(more ? "plan.advice.trials_more" : "plan.advice.trials_last",
                {{"n", trials}, {"trials", s.options.release_trials}, {"candidate", label}}));
    }
  }
  if (regressed) {
    n.advice.push_back(m.get("plan.advice.regressed"));
  } else if (progressed) {
    n.advice.push_back(m.get("plan.advice.progressed"));
  }
  return n;
}

std::string NextStep::to_json() const {
  json::object o;
  o["status"] = json::string(myoref::to_string(status));
  o["target"] = text_or_null(target);
  o["name"] = text_or_null(name);
  o["side"] = side == Side::none ? json::value(nullptr)
                                 : json::value(json::string(myoref::to_string(side)));
  o["both_sides"] = both_sides;
  o["reason"] = reason;
  o["level"] = json::string(myoref::to_string(level));
  o["acute"] = acute;
  o["precautions"] = string_array(precautions);
  json::array steps_json;
  for (const auto& ps : steps) {
    json::array exercises;
    for (const auto& e : ps.exercises) {
      exercises.emplace_back(json::object{{"id", e.id},
                                          {"name", e.name},
                                          {"variant", e.variant},
                                          {"instead_of", text_or_null(e.instead_of)},
                                          {"dose", e.dose_text},
                                          {"dose_detail", dose_json(e.dose)},
                                          {"how", string_array(e.how)},
                                          {"cues", string_array(e.cues)},
                                          {"cautions", string_array(e.cautions)},
                                          {"regression", optional_text(e.regression)},
                                          {"progression", optional_text(e.progression)}});
    }
    steps_json.emplace_back(json::object{{"step", json::string(myoref::to_string(ps.step))},
                                         {"as_needed", ps.as_needed},
                                         {"exercises", std::move(exercises)}});
  }
  o["steps"] = std::move(steps_json);
  o["advice"] = string_array(advice);
  json::array left;
  for (const auto& l : left_out) {
    left.emplace_back(json::object{{"id", l.id},
                                   {"name", l.name},
                                   {"step", json::string(myoref::to_string(l.step))},
                                   {"precautions", string_array(l.precautions)},
                                   {"why", l.why}});
  }
  o["left_out"] = std::move(left);
  o["sessions_logged"] = static_cast<std::int64_t>(sessions_logged);
  return detail::pretty(o);
}

std::string NextStep::to_text() const {
  const detail::Catalogue& m = detail::catalogue_for(locale);
  const auto word = [&m](const char* kind, std::string_view id) {
    return m.get(std::string(kind) + std::string(id));
  };
  std::ostringstream out;
  out << m.get("plan.text.plan", {{"status", word("plan.status.", myoref::to_string(status))}});
  if (level != TriageLevel::self_care) {
    out << " (" << word("level.", myoref::to_string(level)) << ")";
  }
  out << '\n';
  if (!target.empty()) {
    std::string label = name;
    if (both_sides) {
      label = m.get("plan.candidate_both_sides", {{"muscle", name}});
    } else if (side != Side::none) {
      label = m.get("plan.candidate",
                    {{"muscle", name}, {"side", word("side.", myoref::to_string(side))}});
    }
    out << m.get("plan.text.target", {{"target", label}}) << "  [" << target << "]\n";
  }
  if (acute)
    out << m.get("plan.text.acute") << '\n';
  out << m.get("plan.text.why", {{"reason", reason}}) << '\n';
  out << m.get("plan.text.sessions", {{"n", sessions_logged}}) << '\n';
  if (!advice.empty()) {
    out << '\n' << m.get("plan.text.advice") << '\n';
    for (const auto& a : advice)
      out << "  - " << a << '\n';
  }
  if (!left_out.empty()) {
    out << '\n' << m.get("plan.text.left_out") << '\n';
    for (const auto& l : left_out) {
      out << "  - " << l.name << " [" << l.id << "] (" << word("step.", myoref::to_string(l.step))
          << "): " << l.why << '\n';
    }
  }
  if (steps.empty()) {
    out << '\n' << m.get("plan.text.ended") << '\n';
    return out.str();
  }
  int number = 0;
  for (const auto& ps : steps) {
    out << '\n'
        << m.get(ps.as_needed ? "plan.text.step_as_needed" : "plan.text.step",
                 {{"n", ++number},
                  {"count", steps.size()},
                  {"step", word("step.", myoref::to_string(ps.step))}})
        << '\n';
    if (ps.exercises.empty())
      out << "  " << m.get("plan.text.none_suits") << '\n';
    for (const auto& e : ps.exercises) {
      out << "  * " << e.name << "  [" << e.id << "]";
      if (e.variant != "as_listed") {
        out << " - "
            << m.get("plan.text.variant",
                     {{"variant", word("plan.variant.", e.variant)}, {"instead_of", e.instead_of}});
      }
      out << "\n    " << m.get("plan.text.dose", {{"dose", e.dose_text}}) << '\n';
      int line = 0;
      for (const auto& h : e.how)
        out << "    " << ++line << ". " << h << '\n';
      for (const auto& c : e.cues)
        out << "    " << m.get("plan.text.cue", {{"text", c}}) << '\n';
      for (const auto& c : e.cautions)
        out << "    " << m.get("plan.text.caution", {{"text", c}}) << '\n';
      if (e.regression)
        out << "    " << m.get("plan.text.easier", {{"id", *e.regression}}) << '\n';
      if (e.progression)
        out << "    " << m.get("plan.text.harder", {{"id", *e.progression}}) << '\n';
    }
  }
  return out.str();
}

std::string Decision::to_json() const {
  json::object o;
  o["outcome"] = json::string(myoref::to_string(outcome));
  o["status"] = json::string(myoref::to_string(status));
  o["session"] = static_cast<std::int64_t>(session);
  o["target"] = target;
  o["next_target"] = text_or_null(next_target);
  o["complete"] = complete;
  o["missing"] = step_array(missing);
  o["relief"] = relief;
  o["previous_relief"] = previous_relief;
  o["level"] = json::string(myoref::to_string(level));
  o["reasons"] = string_array(reasons);
  o["advice"] = string_array(advice);
  return detail::pretty(o);
}

std::string Decision::to_text() const {
  const detail::Catalogue& m = detail::catalogue_for(locale);
  std::ostringstream out;
  out << m.get("plan.text.session",
               {{"n", session + 1},
                {"target", target},
                {"outcome", m.get("plan.outcome." + std::string(myoref::to_string(outcome)))}})
      << '\n';
  out << m.get("plan.text.plan",
               {{"status", m.get("plan.status." + std::string(myoref::to_string(status)))}});
  if (!next_target.empty())
    out << m.get("plan.text.next_target", {{"target", next_target}});
  out << '\n';
  for (const auto& r : reasons)
    out << "  - " << r << '\n';
  if (!advice.empty()) {
    out << m.get("plan.text.advice") << '\n';
    for (const auto& a : advice)
      out << "  - " << a << '\n';
  }
  return out.str();
}

}  // namespace myoref
