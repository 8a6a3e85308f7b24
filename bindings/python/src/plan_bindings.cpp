// The self-care plan: Plan, NextStep (with PrescribedStep and
// PrescribedExercise), Decision, SessionRecord and PlanCandidate.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/stl.h>

#include "common.hpp"
#include "objects.hpp"

namespace myoref::python {
namespace {

// How Jupyter shows a plan: its pain over the sessions at the picture's own width.
RenderOptions display_options() {
  RenderOptions o;
  o.width_px = 640;
  return o;
}

std::vector<std::string> step_names(const std::vector<Step>& steps) {
  std::vector<std::string> out;
  out.reserve(steps.size());
  for (const Step s : steps)
    out.emplace_back(to_string(s));
  return out;
}

py::dict options_dict(const PlanOptions& o) {
  py::dict d;
  d["release_trials"] = o.release_trials;
  d["relief_points"] = o.relief_points;
  d["relief_percent"] = o.relief_percent;
  d["worsening_points"] = o.worsening_points;
  d["worsening_sessions"] = o.worsening_sessions;
  d["maintenance_sessions"] = o.maintenance_sessions;
  d["append_related"] = o.append_related;
  d["max_candidates"] = o.max_candidates;
  d["max_exercises_per_step"] = o.max_exercises_per_step;
  d["no_improvement_weeks"] = o.no_improvement_weeks;
  return d;
}

py::dict session_dict(const SessionRecord& r) {
  py::dict d;
  d["date"] = r.log.date;
  d["target"] = r.log.target;
  d["steps"] = step_names(r.log.steps);
  d["pain_before"] = r.log.pain_before;
  d["pain_after"] = r.log.pain_after;
  d["red_flags"] = r.log.red_flags;
  d["complete"] = r.complete;
  d["missing"] = step_names(r.missing);
  d["relief"] = r.relief;
  d["worse"] = r.worse;
  return d;
}

PyPlan start_plan(const py::object& kb_obj, py::handle assessment, int release_trials,
                  int relief_points, int relief_percent, int worsening_points,
                  int worsening_sessions, int maintenance_sessions, bool append_related,
                  int max_candidates, int max_exercises_per_step, int no_improvement_weeks) {
  const auto& kb = kb_obj.cast<const KnowledgeBase&>();
  PlanOptions o;
  o.release_trials = release_trials;
  o.relief_points = relief_points;
  o.relief_percent = relief_percent;
  o.worsening_points = worsening_points;
  o.worsening_sessions = worsening_sessions;
  o.maintenance_sessions = maintenance_sessions;
  o.append_related = append_related;
  o.max_candidates = max_candidates;
  o.max_exercises_per_step = max_exercises_per_step;
  o.no_improvement_weeks = no_improvement_weeks;
  if (py::isinstance<PyAssessment>(assessment)) {
    return PyPlan{unwrap(Plan::start(kb, assessment.cast<const PyAssessment&>().assessment, o)),
                  kb_obj};
  }
  const std::string text = document_text(assessment, "an assessment");
  const Assessment a = unwrap(assessment_from_json(kb, text));
  return PyPlan{unwrap(Plan::start(kb, a, o)), kb_obj};
}

py::object target_of(const Plan& p) {
  const auto current = p.current();
  if (!current || p.status() == PlanStatus::exhausted)
    return py::none();
  return py::str(p.candidates()[*current].key);
}

}  // namespace

void init_plan(py::module_& m) {
  py::class_<PrescribedExercise>(m, "PrescribedExercise", R"doc(
An exercise as prescribed for the next session: the knowledge base's exercise,
or its easier or harder variant (``variant``), with the dose and how to do it.)doc")
      .def_readonly("id", &PrescribedExercise::id, "The exercise id.")
      .def_readonly("name", &PrescribedExercise::name, "Its name for people.")
      .def_readonly("dose", &PrescribedExercise::dose, "The Dose.")
      .def_readonly("dose_text", &PrescribedExercise::dose_text, "The dose in words.")
      .def_readonly("how", &PrescribedExercise::how, "The instructions, in order.")
      .def_readonly("cues", &PrescribedExercise::cues, "What to pay attention to.")
      .def_readonly("cautions", &PrescribedExercise::cautions, "When to stop or take care.")
      .def_readonly("variant", &PrescribedExercise::variant,
                    "\"as_listed\", \"progression\" (harder) or \"regression\" (easier).")
      .def_property_readonly(
          "instead_of", [](const PrescribedExercise& e) { return str_or_none(e.instead_of); },
          "The exercise id it stands in for, or None when as listed.")
      .def_readonly("regression", &PrescribedExercise::regression,
                    "An easier exercise's id, or None.")
      .def_readonly("progression", &PrescribedExercise::progression,
                    "A harder exercise's id, or None.")
      .def("__repr__", [](const PrescribedExercise& e) {
        return "<PrescribedExercise " + e.id + ": " + e.dose_text +
               (e.variant == "as_listed" ? std::string() : " (" + e.variant + ")") + ">";
      });

  py::class_<PrescribedStep>(m, "PrescribedStep",
                             "One protocol step of the next session with its exercises.")
      .def_property_readonly(
          "step", [](const PrescribedStep& s) { return str_of(to_string(s.step)); },
          "\"release\", \"stretch\" or \"strengthen\".")
      .def_readonly("as_needed", &PrescribedStep::as_needed,
                    "In maintenance, release and stretch are done as needed.")
      .def_readonly("exercises", &PrescribedStep::exercises, "PrescribedExercises, in order.")
      .def("__repr__", [](const PrescribedStep& s) {
        std::string ids;
        for (const auto& e : s.exercises)
          ids += (ids.empty() ? "" : ", ") + e.id;
        return "<PrescribedStep " + std::string(to_string(s.step)) +
               (s.as_needed ? " (as needed)" : "") + ": " + ids + ">";
      });

  py::class_<NextStep>(m, "NextStep", R"doc(
What to do in the next session: the target muscle and the release, stretch and
strengthen steps in that order with their exercises and doses, and advice. On a
plan that stopped or is exhausted there are no steps; ``reason`` and
``advice`` say why and what to do. ``to_dict()`` is the contract's
``plan next`` JSON; ``str()`` the same for people.)doc")
      .def_property_readonly(
          "status", [](const NextStep& n) { return str_of(to_string(n.status)); },
          "The plan's status.")
      .def_property_readonly(
          "target", [](const NextStep& n) { return str_or_none(n.target); },
          "The candidate key to work on, or None.")
      .def_property_readonly(
          "name", [](const NextStep& n) { return str_or_none(n.name); },
          "The target muscle's name, or None.")
      .def_property_readonly(
          "side",
          [](const NextStep& n) -> py::object {
            if (n.side == Side::none)
              return py::none();
            return str_of(to_string(n.side));
          },
          "The target's side, or None.")
      .def_readonly("reason", &NextStep::reason, "Why the plan is where it is.")
      .def_property_readonly(
          "level", [](const NextStep& n) { return str_of(to_string(n.level)); },
          "The triage level the advice is at.")
      .def_readonly("steps", &NextStep::steps, "PrescribedSteps: release, stretch, strengthen.")
      .def_readonly("advice", &NextStep::advice, "What to keep in mind, in plain words.")
      .def_readonly("both_sides", &NextStep::both_sides,
                    "True when the target is both sides of the muscle, done one after the other.")
      .def_readonly("acute", &NextStep::acute,
                    "True in the acute phase (the pain's first week): the gentlest versions at a "
                    "lower dose.")
      .def_readonly("precautions", &NextStep::precautions, "The plan's precaution ids.")
      .def_property_readonly(
          "left_out",
          [](const NextStep& n) {
            py::list out;
            for (const auto& l : n.left_out) {
              py::dict d;
              d["id"] = l.id;
              d["name"] = l.name;
              d["step"] = std::string(to_string(l.step));
              d["precautions"] = l.precautions;
              d["why"] = l.why;
              out.append(std::move(d));
            }
            return out;
          },
          "Exercises a precaution rules out, each a dict with id, name, step, precautions and "
          "why.")
      .def_readonly("sessions_logged", &NextStep::sessions_logged, "Sessions logged so far.")
      .def(
          "to_dict", [](const NextStep& n) { return json_to_python(n.to_json()); },
          "The contract's ``plan next`` JSON as plain Python objects.")
      .def("to_json", &NextStep::to_json, "The contract's ``plan next`` JSON.")
      .def("to_text", &NextStep::to_text, "The same for people.")
      .def("__str__", &NextStep::to_text)
      .def("__repr__", [](const NextStep& n) {
        return "<NextStep " + std::string(to_string(n.status)) +
               (n.target.empty() ? std::string() : " target=" + n.target) + ", " +
               std::to_string(n.steps.size()) + " steps>";
      });

  py::class_<Decision>(m, "Decision", R"doc(
What the plan's rules made of one logged session: the outcome ("continued",
"escalated", "exhausted", "maintenance", "stopped_worsening",
"stopped_red_flag", "stopped_no_improvement"), the plan's status after it, whether it showed relief, and
the reasons and advice in words.)doc")
      .def_property_readonly(
          "outcome", [](const Decision& d) { return str_of(to_string(d.outcome)); },
          "What the rules decided.")
      .def_property_readonly(
          "status", [](const Decision& d) { return str_of(to_string(d.status)); },
          "The plan's status after the session.")
      .def_readonly("session", &Decision::session, "The session's index in Plan.sessions.")
      .def_readonly("target", &Decision::target, "The session's target key.")
      .def_property_readonly(
          "next_target", [](const Decision& d) { return str_or_none(d.next_target); },
          "The target now, or None.")
      .def_readonly("complete", &Decision::complete, "Whether all three steps were done.")
      .def_property_readonly(
          "missing", [](const Decision& d) { return step_names(d.missing); },
          "The steps left out, in protocol order.")
      .def_readonly("relief", &Decision::relief, "Whether the session showed relief.")
      .def_readonly("previous_relief", &Decision::previous_relief,
                    "This session's pain_before credited relief to the one before.")
      .def_property_readonly(
          "level", [](const Decision& d) { return str_of(to_string(d.level)); },
          "At a stop: how soon to seek care.")
      .def_readonly("reasons", &Decision::reasons, "One sentence per rule that applied, in order.")
      .def_readonly("advice", &Decision::advice, "What to do now.")
      .def("to_dict", [](const Decision& d) { return json_to_python(d.to_json()); })
      .def("to_json", &Decision::to_json)
      .def("to_text", &Decision::to_text)
      .def("__str__", &Decision::to_text)
      .def("__repr__", [](const Decision& d) {
        return "<Decision " + std::string(to_string(d.outcome)) + ": status " +
               std::string(to_string(d.status)) + (d.relief ? ", relief" : ", no relief") +
               (d.next_target.empty() ? std::string() : ", next " + d.next_target) + ">";
      });

  py::class_<SessionRecord>(m, "SessionRecord", "A logged session with what the rules made of it.")
      .def_property_readonly(
          "date", [](const SessionRecord& r) { return r.log.date; }, "ISO 8601 date.")
      .def_property_readonly(
          "target", [](const SessionRecord& r) { return r.log.target; },
          "The candidate key worked on.")
      .def_property_readonly(
          "steps", [](const SessionRecord& r) { return step_names(r.log.steps); },
          "The steps done, in order.")
      .def_property_readonly(
          "pain_before", [](const SessionRecord& r) { return r.log.pain_before; },
          "Pain (0..10) at the start.")
      .def_property_readonly(
          "pain_after", [](const SessionRecord& r) { return r.log.pain_after; },
          "Pain (0..10) at the end.")
      .def_property_readonly(
          "red_flags", [](const SessionRecord& r) { return r.log.red_flags; },
          "Red-flag ids reported.")
      .def_readonly("complete", &SessionRecord::complete, "All three steps were done.")
      .def_property_readonly(
          "missing", [](const SessionRecord& r) { return step_names(r.missing); },
          "The steps left out.")
      .def_readonly("relief", &SessionRecord::relief, "It showed relief.")
      .def_readonly("worse", &SessionRecord::worse,
                    "Pain rose above the baseline by the worsening threshold.")
      .def("to_dict", &session_dict, "The session log's fields and the flags, as a dict.")
      .def("__repr__", [](const SessionRecord& r) {
        return "<SessionRecord " + r.log.date + " " + r.log.target + " pain " +
               std::to_string(r.log.pain_before) + "->" + std::to_string(r.log.pain_after) +
               (r.complete ? "" : " incomplete") + (r.relief ? " relief" : "") +
               (r.worse ? " worse" : "") + ">";
      });

  py::class_<PlanCandidate>(m, "PlanCandidate",
                            "One candidate in a plan's list and where it stands.")
      .def_readonly("key", &PlanCandidate::key, "The candidate key.")
      .def_readonly("both_sides", &PlanCandidate::both_sides,
                    "True when both sides of the muscle are treated together.")
      .def_readonly("related", &PlanCandidate::related,
                    "Appended from the top candidate's related muscles.")
      .def_property_readonly(
          "status", [](const PlanCandidate& c) { return str_of(to_string(c.status)); },
          "\"untried\", \"current\", \"not_likely_source\" or \"responding\".")
      .def("__repr__", [](const PlanCandidate& c) {
        return "<PlanCandidate " + c.key + " " + std::string(to_string(c.status)) +
               (c.related ? " (related)" : "") + ">";
      });

  const PlanOptions defaults;
  py::class_<PyPlan>(m, "Plan", R"doc(
A release -> stretch -> strengthen self-care plan, session by session.

Start one from an assessment with :meth:`Plan.start`, ask what to do with
:meth:`next_step`, and record each session with :meth:`log`, which applies the
whole session or (raising) changes nothing. Store ``to_json()`` between
sessions and read it back with :meth:`Plan.from_json`. Pickling stores the
knowledge base and the plan document.)doc")
      .def_static("start", &start_plan, py::arg("kb"), py::arg("assessment"), py::kw_only(),
                  py::arg("release_trials") = defaults.release_trials,
                  py::arg("relief_points") = defaults.relief_points,
                  py::arg("relief_percent") = defaults.relief_percent,
                  py::arg("worsening_points") = defaults.worsening_points,
                  py::arg("worsening_sessions") = defaults.worsening_sessions,
                  py::arg("maintenance_sessions") = defaults.maintenance_sessions,
                  py::arg("append_related") = defaults.append_related,
                  py::arg("max_candidates") = defaults.max_candidates,
                  py::arg("max_exercises_per_step") = defaults.max_exercises_per_step,
                  py::arg("no_improvement_weeks") = defaults.no_improvement_weeks, R"doc(
Starts a plan from an Assessment (or an assessment document, as a dict or
JSON text) made with ``kb``. The options change the rules' numbers
(docs/protocol.md); the plan records them.

The plan keeps the intake's precautions and never offers an exercise they rule
out; a pain under a week old starts in the acute phase; a muscle whose two
sides tie is treated on both sides together.

Raises SafetyRefusal when triage is urgent or emergency, the person is under
16, or an emergency-level question is unanswered; InvalidArgument for an
option out of range, KnowledgeBaseMismatch for an assessment made with another
knowledge base.)doc")
      .def_static(
          "from_json",
          [](const py::object& kb_obj, py::handle document) {
            const auto& kb = kb_obj.cast<const KnowledgeBase&>();
            const std::string text = document_text(document, "a plan document");
            return PyPlan{unwrap(Plan::from_json(kb, text)), kb_obj};
          },
          py::arg("kb"), py::arg("document"), R"doc(
Reads a plan document (``to_json()`` text, or its dict). Raises ParseError,
UnsupportedVersion, IntegrityError (edited by hand), KnowledgeBaseMismatch, or
InputError (a field, or a history the rules could not have produced).)doc")
      .def(
          "to_json", [](const PyPlan& p) { return p.plan.to_json(); },
          "The plan document to store (pretty-printed JSON).")
      .def(
          "to_dict", [](const PyPlan& p) { return json_to_python(p.plan.to_json()); },
          "The plan document as plain Python objects.")
      .def(
          "next_step", [](const PyPlan& p) { return p.plan.next(); }, R"doc(
What to do in the next session (a NextStep). Never fails: a stopped or
exhausted plan answers with its status, reason and advice, and no steps.)doc")
      .def(
          "log",
          [](PyPlan& p, py::handle session) {
            const std::string text = document_text(session, "a session");
            return unwrap(p.plan.log(std::string_view(text)));
          },
          py::arg("session"), R"doc(
Applies one session (a dict with date, target, steps, pain_before, pain_after,
red_flags; or its JSON text) and returns the Decision. On any error the plan is
unchanged: InputError (steps out of order, an earlier date, another target,
...), SafetyRefusal on a plan that stopped.)doc")
      .def_property_readonly(
          "kb", [](const PyPlan& p) { return p.kb; }, "The KnowledgeBase it was made with.")
      .def_property_readonly(
          "status", [](const PyPlan& p) { return str_of(to_string(p.plan.status())); },
          "\"active\", \"maintenance\", \"stopped_seek_care\" or \"exhausted\".")
      .def_property_readonly(
          "target", [](const PyPlan& p) { return target_of(p.plan); },
          "The current target's candidate key, or None when exhausted.")
      .def_property_readonly(
          "current", [](const PyPlan& p) { return p.plan.current(); },
          "Index into ``candidates`` of the current target, or None.")
      .def_property_readonly(
          "outcome", [](const PyPlan& p) { return str_of(to_string(p.plan.outcome())); },
          "The last decision's outcome (\"started\" before any session).")
      .def_property_readonly(
          "reason", [](const PyPlan& p) { return p.plan.reason(); },
          "Why the plan is where it is, in words.")
      .def_property_readonly(
          "options", [](const PyPlan& p) { return options_dict(p.plan.options()); },
          "The numbers the plan's rules use.")
      .def_property_readonly(
          "baseline_pain", [](const PyPlan& p) { return p.plan.baseline_pain(); },
          "The highest intensity in the intake: what relief and worsening are measured against.")
      .def_property_readonly(
          "triage", [](const PyPlan& p) { return str_of(to_string(p.plan.triage())); },
          "The assessment's triage level.")
      .def_property_readonly(
          "triage_advice", [](const PyPlan& p) { return p.plan.triage_advice(); },
          "What triage advised; repeated in every next step at see_clinician.")
      .def_property_readonly(
          "candidates", [](const PyPlan& p) { return p.plan.candidates(); },
          "PlanCandidates, in order.")
      .def_property_readonly(
          "sessions", [](const PyPlan& p) { return p.plan.sessions(); },
          "SessionRecords, in order.")
      .def(
          "render_pain_over_time",
          [](const PyPlan& p, const py::kwargs& options) {
            return svg_object(unwrap(render_pain_over_time_svg(p.plan, render_options(options))));
          },
          R"doc(
Pain over the sessions as an SVG: pain before (hollow) and after (filled) each
session in date order, the baseline, the relief zone by the plan's own rule,
the worsening threshold, where the target changed and where the plan stopped.
Keyword options as for :func:`myoref.render_muscle` (``width``, ``legend``,
``heading``, ``id_prefix``, ``overlay_colour`` apply).)doc")
      .def("_repr_svg_",
           [](const PyPlan& p) -> py::object {
             auto svg = render_pain_over_time_svg(p.plan, display_options());
             if (!svg)
               return py::none();
             return py::str(*svg);
           })
      .def(
          "__eq__",
          [](const PyPlan& a, const py::object& other) -> py::object {
            if (!py::isinstance<PyPlan>(other))
              return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a.plan.to_json() == other.cast<const PyPlan&>().plan.to_json());
          },
          py::is_operator())
      .def("__copy__", [](const PyPlan& p) { return p; })
      .def(
          "__deepcopy__", [](const PyPlan& p, py::handle) { return p; }, py::arg("memo"))
      .def(py::pickle(
          [](const PyPlan& p) { return py::make_tuple(p.kb, p.plan.to_json()); },
          [](const py::tuple& state) {
            if (state.size() != 2)
              throw py::value_error("not a pickled myoref.Plan");
            const py::object kb_obj = state[0];
            const auto& kb = kb_obj.cast<const KnowledgeBase&>();
            return PyPlan{unwrap(Plan::from_json(kb, text_of(state[1], "a pickled plan"))), kb_obj};
          }))
      .def("__repr__", [](const PyPlan& p) {
        const py::object target = target_of(p.plan);
        return "<Plan " + std::string(to_string(p.plan.status())) +
               (target.is_none() ? std::string() : " target=" + target.cast<std::string>()) + ", " +
               std::to_string(p.plan.sessions().size()) + " sessions, " +
               std::to_string(p.plan.candidates().size()) + " candidates>";
      });
  // Plans change (log), so they are not hashable.
  m.attr("Plan").attr("__hash__") = py::none();
}

}  // namespace myoref::python
