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
  } else if (s.outcome == Outcome::stopped_no_improvement) {
    n.advice.emplace_back(
        "See a clinician: self-care has not helped enough in " +
        std::to_string(s.options.no_improvement_weeks) +
        " weeks, so the pain needs to be looked at again (its cause, and other treatments).");
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
      n.advice.push_back(precaution.name + ": " + change);
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
          names += names.empty() ? "" : " or ";
          names += kb.precautions()[p].name;
        }
        out.why = e.name + " is not for anyone with this precaution: " + names + ".";
        if (instead) {
          out.why += " " + kb.exercises()[*instead].name + ", an easier version, stands in for it.";
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
        p.dose_text = p.dose.to_string();
      }
    }
    if (ps.exercises.empty()) {
      n.advice.push_back("No " + std::string(to_string(ps.step)) + " exercise for " + label +
                         " suits your precautions. Ask a clinician or physiotherapist for one that "
                         "does, and keep to the order: release, then stretch, then strengthen.");
    }
    n.steps.push_back(std::move(ps));
  }
  if (pc.both_sides) {
    n.advice.push_back("The pain is the same on both sides, so work on " + muscle.name +
                       " on both sides in each session: each exercise on one side, then the "
                       "other.");
  }
  if (acute) {
    n.advice.emplace_back(
        "The pain began less than a week ago: this is the acute phase, so the gentlest version "
        "of each step is given at a lower dose. Keep all three steps, in order, and stay within "
        "comfort.");
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
  std::ostringstream out;
  out << "Plan: " << myoref::to_string(status);
  if (level != TriageLevel::self_care) {
    out << " (" << myoref::to_string(level) << ")";
  }
  out << '\n';
  if (!target.empty()) {
    out << "Target: " << name;
    if (both_sides) {
      out << " (both sides)";
    } else if (side != Side::none) {
      out << " (" << myoref::to_string(side) << ")";
    }
    out << "  [" << target << "]\n";
  }
  if (acute)
    out << "Phase: acute (the first week): the gentlest versions, at a lower dose\n";
  out << "Why: " << reason << '\n';
  out << "Sessions logged: " << sessions_logged << '\n';
  if (!advice.empty()) {
    out << "\nAdvice:\n";
    for (const auto& a : advice)
      out << "  - " << a << '\n';
  }
  if (!left_out.empty()) {
    out << "\nLeft out for your precautions:\n";
    for (const auto& l : left_out) {
      out << "  - " << l.name << " [" << l.id << "] (" << myoref::to_string(l.step)
          << "): " << l.why << '\n';
    }
  }
  if (steps.empty()) {
    out << "\nNo exercises: this plan has ended. Follow the advice above.\n";
    return out.str();
  }
  int number = 0;
  for (const auto& ps : steps) {
    out << "\nStep " << ++number << " of " << steps.size() << ": " << myoref::to_string(ps.step)
        << (ps.as_needed ? " (as needed)" : "") << '\n';
    if (ps.exercises.empty())
      out << "  (none that suits your precautions: see the advice above)\n";
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
