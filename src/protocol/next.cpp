// next(): what to do in the coming session, and how answers and decisions are
// written for programs (JSON) and people (text).
#include <algorithm>
#include <sstream>

#include "myoref/plan.hpp"
#include "protocol/state.hpp"
#include "util/json.hpp"

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
  p.dose_text = e.dose.to_string();
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

std::string step_list(const std::vector<Step>& steps) {
  std::string out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i != 0)
      out += i + 1 == steps.size() ? " and " : ", ";
    out += to_string(steps[i]);
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

json::object dose_json(const Dose& d) {
  json::object o;
  if (d.hold_seconds)
    o["hold_seconds"] = *d.hold_seconds;
  if (d.repetitions)
    o["repetitions"] = *d.repetitions;
  if (d.sets)
    o["sets"] = *d.sets;
  if (d.duration_seconds)
    o["duration_seconds"] = *d.duration_seconds;
  o["per_side"] = d.per_side;
  o["frequency"] = d.frequency;
  return o;
}

void add_stop_advice(const detail::PlanState& s, NextStep& n) {
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
  } else if (s.status == PlanStatus::stopped_seek_care) {
    n.advice.emplace_back(
        "Stop the exercises and see a clinician: pain that gets worse with self-care needs to be "
        "examined.");
  } else {
    n.advice.emplace_back(
        "See a clinician: none of the likely muscles responded to self-care, so the pain needs "
        "another look.");
  }
}

}  // namespace

NextStep Plan::next() const {
  const detail::PlanState& s = *s_;
  const KnowledgeBase& kb = s.kb;
  NextStep n;
  n.status = s.status;
  n.reason = s.reason;
  n.level = s.triage;
  n.sessions_logged = s.sessions.size();
  // Triage advice first, in every answer: safety before exercises.
  n.advice = s.triage_advice;
  if (s.status == PlanStatus::stopped_seek_care || s.status == PlanStatus::exhausted ||
      !s.current) {
    add_stop_advice(s, n);
    return n;
  }

  const PlanCandidate& pc = s.candidates[*s.current];
  const Candidate& candidate = kb.candidates()[pc.candidate];
  const Muscle& muscle = kb.muscles()[candidate.muscle];
  const std::string label = detail::candidate_label(kb, pc.candidate);
  n.target = pc.key;
  n.name = muscle.name;
  n.side = candidate.side;
  const bool maintenance = s.status == PlanStatus::maintenance;

  const SessionRecord* last = s.sessions.empty() ? nullptr : &s.sessions.back();
  const bool last_on_target = last != nullptr && last->target == pc.candidate;
  const bool pain_rose =
      last_on_target && (last->log.pain_after > last->log.pain_before || last->worse);
  int relief_sessions = 0;
  for (auto it = s.sessions.rbegin(); it != s.sessions.rend() && it->target == pc.candidate; ++it) {
    relief_sessions += it->relief ? 1 : 0;
  }
  const int level =
      pain_rose ? -1 : std::min(relief_sessions / kReliefPerProgression, kMaxProgressionLevels);

  bool regressed = false;
  bool progressed = false;
  for (int k = 0; k < kStepCount; ++k) {
    PrescribedStep ps;
    ps.step = static_cast<Step>(k);
    ps.as_needed = maintenance && ps.step != Step::strengthen;
    for (const ExerciseIndex listed : muscle.protocol[k]) {
      ExerciseIndex chosen = listed;
      const char* variant = "as_listed";
      if (level < 0) {
        if (const auto easier = kb.exercises()[listed].regression) {
          chosen = *easier;
          variant = "regression";
        }
      } else {
        for (int i = 0; i < level; ++i) {
          const auto harder = kb.exercises()[chosen].progression;
          if (!harder || *harder == listed)
            break;
          chosen = *harder;
          variant = "progression";
        }
      }
      const bool dup =
          std::any_of(ps.exercises.begin(), ps.exercises.end(),
                      [chosen](const PrescribedExercise& p) { return p.exercise == chosen; });
      if (dup)
        continue;
      regressed = regressed || (chosen != listed && level < 0);
      progressed = progressed || (chosen != listed && level > 0);
      ps.exercises.push_back(prescribe(kb, chosen, listed, variant));
    }
    n.steps.push_back(std::move(ps));
  }

  if (last == nullptr) {
    n.advice.emplace_back(
        "Do the three steps in this order every session: release, then stretch, then strengthen.");
  } else if (!last_on_target) {
    n.advice.push_back("The target has changed. " + s.reason + " Start again with release.");
  } else if (!last->complete) {
    n.advice.push_back("The last session (" + last->log.date + ") left out " +
                       step_list(last->missing) +
                       ". Do all three steps, in order: release, then stretch, then strengthen.");
  }
  if (maintenance) {
    n.advice.push_back("Relief has held. Keep strengthening " + label +
                       "; do release and stretch as needed, when tightness or pain comes back.");
  } else {
    const int trials = detail::release_trials_without_relief(s, pc.candidate);
    if (trials > 0) {
      const bool more = *s.current + 1 < s.candidates.size();
      n.advice.push_back(std::to_string(trials) + " of " +
                         std::to_string(s.options.release_trials) + " release sessions on " +
                         label + " have brought no relief so far; after " +
                         std::to_string(s.options.release_trials) +
                         (more ? " the plan moves on to the next candidate."
                               : " the plan ends with the advice to see a clinician."));
    }
  }
  if (regressed) {
    n.advice.emplace_back("Pain rose last time, so easier versions are given where there is one.");
  } else if (progressed) {
    n.advice.emplace_back("Relief is building, so harder versions are given where there is one.");
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
  o["reason"] = reason;
  o["level"] = json::string(myoref::to_string(level));
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
  o["sessions_logged"] = static_cast<std::int64_t>(sessions_logged);
  return detail::pretty(o);
}

std::string NextStep::to_text() const {
  std::ostringstream out;
  out << "Plan: " << myoref::to_string(status);
  if (level != TriageLevel::self_care) {
    out << " (" << myoref::to_string(level) << ")";
  }
  out << '\n';
  if (!target.empty()) {
    out << "Target: " << name;
    if (side != Side::none)
      out << " (" << myoref::to_string(side) << ")";
    out << "  [" << target << "]\n";
  }
  out << "Why: " << reason << '\n';
  out << "Sessions logged: " << sessions_logged << '\n';
  if (!advice.empty()) {
    out << "\nAdvice:\n";
    for (const auto& a : advice)
      out << "  - " << a << '\n';
  }
  if (steps.empty()) {
    out << "\nNo exercises: this plan has ended. Follow the advice above.\n";
    return out.str();
  }
  int number = 0;
  for (const auto& ps : steps) {
    out << "\nStep " << ++number << " of " << steps.size() << ": " << myoref::to_string(ps.step)
        << (ps.as_needed ? " (as needed)" : "") << '\n';
    for (const auto& e : ps.exercises) {
      out << "  * " << e.name << "  [" << e.id << "]";
      if (e.variant != "as_listed")
        out << " - " << e.variant << " of " << e.instead_of;
      out << "\n    Dose: " << e.dose_text << '\n';
      int line = 0;
      for (const auto& h : e.how)
        out << "    " << ++line << ". " << h << '\n';
      for (const auto& c : e.cues)
        out << "    Cue: " << c << '\n';
      for (const auto& c : e.cautions)
        out << "    Caution: " << c << '\n';
      if (e.regression)
        out << "    Easier: " << *e.regression << '\n';
      if (e.progression)
        out << "    Harder: " << *e.progression << '\n';
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
  std::ostringstream out;
  out << "Session " << session + 1 << " on " << target << ": " << myoref::to_string(outcome)
      << '\n';
  out << "Plan: " << myoref::to_string(status);
  if (!next_target.empty())
    out << ", next target " << next_target;
  out << '\n';
  for (const auto& r : reasons)
    out << "  - " << r << '\n';
  if (!advice.empty()) {
    out << "Advice:\n";
    for (const auto& a : advice)
      out << "  - " << a << '\n';
  }
  return out.str();
}

}  // namespace myoref
