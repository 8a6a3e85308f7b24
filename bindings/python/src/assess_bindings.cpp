// Assessment, triage and batch scoring: KnowledgeBase.assess / triage /
// validate_intake / score_batch, and the Assessment, Triage and
// RankedCandidate classes.
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "common.hpp"
#include "objects.hpp"

namespace myoref::python {
namespace {

template <class Span>
std::vector<std::string> region_keys(const KnowledgeBase& kb, const Span& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const RegionKeyIndex r : list)
    out.push_back(kb.region_keys()[r].key);
  return out;
}

template <class Span>
std::vector<std::string> finding_ids(const KnowledgeBase& kb, const Span& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const FindingIndex f : list)
    out.push_back(kb.findings()[f].id);
  return out;
}

std::vector<std::string> triage_red_flags(const KnowledgeBase& kb, const Triage& t) {
  std::vector<std::string> out;
  for (const RedFlagIndex f : t.red_flags)
    out.push_back(kb.red_flags()[f].id);
  return out;
}

/// Triage on its own (KnowledgeBase.triage) or as part of an Assessment.
struct PyTriage {
  KnowledgeBase kb;
  Triage triage;
};

/// One ranked candidate of an Assessment.
struct PyCandidate {
  Assessment assessment;
  std::size_t rank = 0;

  RankedCandidate get() const { return assessment.candidate(rank); }
  const Candidate& candidate() const {
    return assessment.kb().candidates()[assessment.candidate(rank).candidate];
  }
};

py::object read_assessment(const py::object& kb_obj, py::handle document) {
  const auto& kb = kb_obj.cast<const KnowledgeBase&>();
  const std::string text = document_text(document, "an assessment document");
  return py::cast(PyAssessment{unwrap(assessment_from_json(kb, text)), kb_obj});
}

/// A shape as Python writes it: "(3, 81)", "(81,)".
std::string shape_text(const py::ssize_t* dims, std::size_t n) {
  std::string text = "(";
  for (std::size_t i = 0; i < n; ++i)
    text += (i != 0 ? ", " : "") + std::to_string(dims[i]);
  return text + (n == 1 ? ",)" : ")");
}

/// `out` as score_batch's destination for `rows` drawings (`shape`, float32,
/// C-contiguous, writeable, not overlapping the input), or raises.
py::array_t<float> checked_out(const py::object& out, const std::vector<py::ssize_t>& shape,
                               const void* in, std::size_t in_bytes) {
  const auto wrong = [](const std::string& detail) {
    raise_error(ErrorCode::invalid_argument, "out is not valid", "", detail);
  };
  if (!py::isinstance<py::array>(out))
    wrong("expected a numpy array (float32, C-contiguous, writeable) or None");
  const auto array = py::reinterpret_borrow<py::array>(out);
  if (!array.dtype().is(py::dtype::of<float>()))
    wrong("expected dtype float32, not " + std::string(py::str(array.dtype())));
  bool same_shape = array.ndim() == static_cast<py::ssize_t>(shape.size());
  for (std::size_t i = 0; same_shape && i < shape.size(); ++i)
    same_shape = array.shape(static_cast<py::ssize_t>(i)) == shape[i];
  if (!same_shape)
    wrong("expected shape " + shape_text(shape.data(), shape.size()));
  if ((array.flags() & py::array::c_style) == 0)
    wrong("expected a C-contiguous array");
  if (!array.writeable())
    wrong("expected a writeable array");
  const auto* first = static_cast<const char*>(array.data());
  const auto* last = first + array.nbytes();
  const auto* in_first = static_cast<const char*>(in);
  if (array.nbytes() > 0 && in_bytes > 0 && first < in_first + in_bytes && in_first < last)
    wrong("out shares memory with the drawings");
  return py::reinterpret_borrow<py::array_t<float>>(out);
}

/// Scores an array of drawings of element type T (already C-contiguous),
/// into `out` when it is not None (returned), else into a new array.
template <class T>
py::array_t<float> score_rows(const KnowledgeBase& kb,
                              const py::array_t<T, py::array::c_style | py::array::forcecast>& x,
                              unsigned threads, const py::object& out_arg) {
  const std::size_t n = x.ndim() == 1 ? 1 : static_cast<std::size_t>(x.shape(0));
  const auto columns = static_cast<py::ssize_t>(kb.candidates().size());
  std::vector<py::ssize_t> shape{columns};
  if (x.ndim() == 2)
    shape.insert(shape.begin(), static_cast<py::ssize_t>(n));
  const T* in = x.data();
  py::array_t<float> out =
      out_arg.is_none() ? py::array_t<float>(shape)
                        : checked_out(out_arg, shape, in, static_cast<std::size_t>(x.nbytes()));
  float* result = out.mutable_data();
  std::optional<Status> status;
  {
    py::gil_scoped_release release;
    status.emplace(score_batch(kb, in, n, result, threads));
  }
  check(*status);
  return out;
}

py::array_t<float> score_batch_py(const KnowledgeBase& kb, py::handle x, const py::object& threads,
                                  const py::object& out) {
  unsigned thread_count = 0;
  if (!threads.is_none()) {
    if (!PyLong_Check(threads.ptr()) || PyBool_Check(threads.ptr())) {
      throw py::type_error("threads must be an int or None");
    }
    const long long t = threads.cast<long long>();
    if (t < 0 || t > 4096) {
      raise_error(ErrorCode::invalid_argument, "threads is not valid", "",
                  "expected None (one per hardware thread) or 0..4096, not " + std::to_string(t));
    }
    thread_count = static_cast<unsigned>(t);
  }
  py::array array = py::array::ensure(x);
  if (!array) {
    PyErr_Clear();
    raise_error(ErrorCode::invalid_input, "drawings are not valid", "",
                "expected an array of intensities 0..10, shape (N, " +
                    std::to_string(kb.region_keys().size()) + ")");
  }
  const auto regions = static_cast<py::ssize_t>(kb.region_keys().size());
  const char kind = array.dtype().kind();
  if (kind != 'u' && kind != 'i' && kind != 'f') {
    raise_error(ErrorCode::invalid_input, "drawings are not valid", "",
                "expected intensities as uint8 or float32 (or another integer or float type), not "
                "dtype " +
                    std::string(py::str(array.dtype())));
  }
  if (array.ndim() < 1 || array.ndim() > 2 || array.shape(array.ndim() - 1) != regions) {
    raise_error(ErrorCode::invalid_input, "drawings are not valid", "",
                "expected shape (N, " + std::to_string(regions) +
                    "): one column per region key (KnowledgeBase.region_keys()), not " +
                    shape_text(array.shape(), static_cast<std::size_t>(array.ndim())));
  }
  if (array.dtype().is(py::dtype::of<std::uint8_t>())) {
    using U8 = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>;
    return score_rows<std::uint8_t>(kb, U8::ensure(array), thread_count, out);
  }
  using F32 = py::array_t<float, py::array::c_style | py::array::forcecast>;
  F32 floats = F32::ensure(array);
  if (!floats)
    throw py::error_already_set();
  return score_rows<float>(kb, floats, thread_count, out);
}

py::dict score_parts(const ScoreParts& p) {
  py::dict d;
  d["explained_share"] = p.explained_share;
  d["essential_coverage"] = p.essential_coverage;
  d["drawing_fit"] = p.drawing_fit;
  d["findings_evidence"] = p.findings_evidence;
  return d;
}

/// "0.750", whatever the C locale says.
std::string score_text(float score) {
  std::array<char, 32> buffer{};
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                 static_cast<double>(score), std::chars_format::fixed, 3);
  return std::string(buffer.data(), end.ptr);
}

RenderOptions display_options() {
  RenderOptions o;
  o.width_px = 720;
  return o;
}

}  // namespace

void init_assess(py::module_& m) {
  py::class_<PyTriage>(m, "Triage", R"doc(
The red-flag screen of an intake, done before (and independently of) muscle
scoring. ``level`` is "self_care", "see_clinician", "urgent" or "emergency":
the highest among the confirmed red flags and the age rule.)doc")
      .def_property_readonly(
          "level", [](const PyTriage& t) { return str_of(to_string(t.triage.level)); },
          R"doc("self_care", "see_clinician", "urgent" or "emergency".)doc")
      .def_property_readonly(
          "red_flags",
          [](const PyTriage& t) {
            std::vector<RedFlagRef> out;
            for (const RedFlagIndex f : t.triage.red_flags)
              out.push_back(RedFlagRef{t.kb, f});
            return out;
          },
          "The confirmed RedFlags (with their level and advice), most urgent first.")
      .def_property_readonly(
          "age_rule", [](const PyTriage& t) { return str_of(to_string(t.triage.age_rule)); },
          R"doc("not_applicable", "applies", "applies_duration_unknown" or "age_unknown".)doc")
      .def_property_readonly(
          "age_rule_raises", [](const PyTriage& t) { return t.triage.age_rule_raises(); },
          "Whether the age rule raised the level.")
      .def_property_readonly(
          "advice", [](const PyTriage& t) { return triage_advice(t.kb, t.triage); },
          "What triage advises, in plain words (empty at self_care with nothing to say).")
      .def_property_readonly(
          "pending",
          [](const PyTriage& t) {
            std::vector<py::str> out;
            for (const RedFlagIndex f : t.triage.pending)
              out.push_back(str_of(t.kb.red_flags()[f].id));
            return out;
          },
          "Ids of the red-flag questions the drawing calls for that were not answered, most "
          "serious first.")
      .def_property_readonly(
          "provisional", [](const PyTriage& t) { return t.triage.provisional; },
          "True while any question is pending (the level is then at least see_clinician).")
      .def_property_readonly(
          "rules",
          [](const PyTriage& t) {
            py::list out;
            for (const RuleHit& r : t.triage.rules) {
              py::dict d;
              d["id"] = str_of(r.id);
              d["level"] = str_of(to_string(r.level));
              d["reason"] = str_of(r.reason);
              d["advice"] = str_of(r.advice);
              py::list cite;
              for (const CitationIndex c : r.cite)
                cite.append(str_of(t.kb.citations()[c].key));
              d["cite"] = cite;
              out.append(d);
            }
            return out;
          },
          "The rules that raised the level, as dicts (id, level, reason, advice, cite).")
      .def_property_readonly(
          "self_care", [](const PyTriage& t) { return t.triage.level == TriageLevel::self_care; },
          "True when nothing says self-care is the wrong path.")
      .def("__repr__", [](const PyTriage& t) {
        std::string out = "<Triage " + std::string(to_string(t.triage.level));
        const auto flags = triage_red_flags(t.kb, t.triage);
        if (!flags.empty())
          out += " red_flags=" + std::string(py::repr(py::cast(flags)));
        if (t.triage.age_rule != AgeRuleOutcome::not_applicable) {
          out += " age_rule=" + std::string(to_string(t.triage.age_rule));
        }
        return out + ">";
      });

  py::class_<PyCandidate>(m, "RankedCandidate", R"doc(
One candidate of an Assessment: a muscle on one side, its score in (0, 1],
the painful regions its referral zones explain and do not, the answers that
count for and against it, and the reasons (``basis``) with their citations.
In Jupyter it shows as the pain drawing with its referral pattern over it.)doc")
      .def_property_readonly(
          "rank", [](const PyCandidate& c) { return c.rank; }, "0 for the most likely.")
      .def_property_readonly(
          "key", [](const PyCandidate& c) { return c.candidate().key; }, "\"gluteus_medius:left\"")
      .def_property_readonly(
          "muscle",
          [](const PyCandidate& c) {
            return MuscleRef{c.assessment.kb(), c.candidate().muscle};
          },
          "The Muscle.")
      .def_property_readonly(
          "side",
          [](const PyCandidate& c) -> py::object {
            if (c.candidate().side == Side::none)
              return py::none();
            return str_of(to_string(c.candidate().side));
          },
          "\"left\", \"right\", or None for a midline muscle.")
      .def_property_readonly(
          "name",
          [](const PyCandidate& c) {
            return c.assessment.kb().muscles()[c.candidate().muscle].name;
          },
          "The muscle's name: \"Gluteus medius\".")
      .def_property_readonly(
          "score", [](const PyCandidate& c) { return c.get().score; },
          "In (0, 1]: how well it explains the drawing and the answers.")
      .def_property_readonly(
          "tied", [](const PyCandidate& c) { return c.get().tied; },
          "True when another candidate has exactly the same score (for a symmetric\n"
          "drawing, the two sides of a muscle: present them as \"both sides\").")
      .def_property_readonly(
          "explained",
          [](const PyCandidate& c) { return region_keys(c.assessment.kb(), c.get().explained); },
          "Painful region keys its referral zones cover.")
      .def_property_readonly(
          "unexplained",
          [](const PyCandidate& c) { return region_keys(c.assessment.kb(), c.get().unexplained); },
          "Painful region keys they do not cover.")
      .def_property_readonly(
          "findings_for",
          [](const PyCandidate& c) { return finding_ids(c.assessment.kb(), c.get().findings_for); },
          "Confirmed findings that count for it.")
      .def_property_readonly(
          "findings_against",
          [](const PyCandidate& c) {
            return finding_ids(c.assessment.kb(), c.get().findings_against);
          },
          "Confirmed findings that count against it, and denied ones that would count for it.")
      .def_property_readonly(
          "basis",
          [](const PyCandidate& c) {
            const RankedCandidate rc = c.get();
            std::vector<std::string> out;
            for (const Reason& r : rc.basis)
              out.push_back(c.assessment.describe(rc.candidate, r));
            return out;
          },
          "The reasons, in words, each ending with its citation keys.")
      .def_property_readonly(
          "parts", [](const PyCandidate& c) { return score_parts(c.get().parts); },
          "What the score is made of (see docs/assessment.md).")
      .def(
          "to_dict",
          [](const PyCandidate& c) -> py::object {
            return json_to_python(c.assessment.to_json())["candidates"][py::int_(c.rank)];
          },
          "This candidate's object of Assessment.to_dict()['candidates'].")
      .def(
          "render",
          [](const PyCandidate& c, const py::kwargs& options) {
            return svg_object(
                unwrap(render_overlay_svg(c.assessment.kb(), c.assessment.intake(),
                                          c.get().candidate, render_options(options))));
          },
          R"doc(
The pain drawing with this candidate's referral pattern over it, as an SVG.
Keyword options as for :func:`myoref.render_muscle`.)doc")
      .def("_repr_svg_",
           [](const PyCandidate& c) -> py::object {
             auto svg = render_overlay_svg(c.assessment.kb(), c.assessment.intake(),
                                           c.get().candidate, display_options());
             if (!svg)
               return py::none();
             return py::str(*svg);
           })
      .def("__repr__", [](const PyCandidate& c) {
        const RankedCandidate rc = c.get();
        return "<RankedCandidate #" + std::to_string(c.rank + 1) + " " + c.candidate().key + " " +
               score_text(rc.score) + ", explains " + std::to_string(rc.explained.size()) + " of " +
               std::to_string(rc.explained.size() + rc.unexplained.size()) + " painful regions>";
      });

  py::class_<PyAssessment>(m, "Assessment", R"doc(
What the library makes of an intake: the triage (red flags first), the
candidate muscles ranked with their reasons, a small set of candidates that
together explain the drawing (``cover``), the painful regions nothing explains,
and the intake as validated.

``to_dict()`` is exactly the contract's JSON shape as plain Python objects;
``to_json()`` the same as text; ``str()`` a report for people. In Jupyter an
Assessment shows as the pain drawing overlaid with its top candidates.
Pickling stores the knowledge base and the intake, and re-assesses on load.)doc")
      .def_static("from_json", &read_assessment, py::arg("kb"), py::arg("document"), R"doc(
Reads an assessment document (``to_json()`` text, or its dict) by re-assessing
its echoed intake with ``kb``. Raises KnowledgeBaseMismatch when the document
was made with another knowledge base, InputError when its intake is not valid.)doc")
      .def_property_readonly(
          "kb", [](const PyAssessment& a) { return a.kb; }, "The KnowledgeBase it was made with.")
      .def_property_readonly(
          "intake",
          [](const PyAssessment& a) {
            return json_to_python(intake_to_json(a.assessment.kb(), a.assessment.intake()));
          },
          "The intake as validated, in canonical form (a dict).")
      .def_property_readonly(
          "triage",
          [](const PyAssessment& a) {
            return PyTriage{a.assessment.kb(), a.assessment.triage()};
          },
          "The Triage.")
      .def_property_readonly(
          "candidates",
          [](const PyAssessment& a) {
            std::vector<PyCandidate> out;
            for (std::size_t i = 0; i < a.assessment.candidate_count(); ++i) {
              out.push_back(PyCandidate{a.assessment, i});
            }
            return out;
          },
          "RankedCandidates, most likely first (score descending; ties by muscle id, then side, "
          "left first).")
      .def_property_readonly(
          "top",
          [](const PyAssessment& a) -> py::object {
            if (a.assessment.candidate_count() == 0)
              return py::none();
            return py::cast(PyCandidate{a.assessment, 0});
          },
          "The most likely RankedCandidate, or None when no muscle explains any pain.")
      .def_property_readonly(
          "cover",
          [](const PyAssessment& a) {
            std::vector<std::string> out;
            for (const CandidateIndex c : a.assessment.cover())
              out.push_back(a.assessment.kb().candidates()[c].key);
            return out;
          },
          "Candidate keys that together explain the painful regions, in order.")
      .def_property_readonly(
          "unexplained",
          [](const PyAssessment& a) {
            return region_keys(a.assessment.kb(), a.assessment.unexplained());
          },
          "Painful region keys that no muscle in the knowledge base explains.")
      .def_property_readonly(
          "painful",
          [](const PyAssessment& a) {
            return region_keys(a.assessment.kb(), a.assessment.painful());
          },
          "Region keys drawn with intensity > 0.")
      .def_property_readonly(
          "scores",
          [](const PyAssessment& a) {
            const auto s = a.assessment.scores();
            return py::array_t<float>(static_cast<py::ssize_t>(s.size()), s.data());
          },
          R"doc(
Every candidate's score as a float32 array, indexed like
``kb.candidate_keys()`` (0 for candidates that are not listed): for an intake
with no findings, the row :meth:`KnowledgeBase.score_batch` gives.)doc")
      .def(
          "score",
          [](const PyAssessment& a, std::string_view key) {
            const auto c = a.assessment.kb().find_candidate(key);
            if (!c) {
              raise_error(ErrorCode::not_found,
                          "no candidate \"" + std::string(key) + "\" in this knowledge base", "",
                          "expected a key of kb.candidate_keys()");
            }
            return a.assessment.scores()[*c];
          },
          py::arg("key"), "The score of the candidate with this key (0 when it is not listed).")
      .def(
          "to_dict", [](const PyAssessment& a) { return json_to_python(a.assessment.to_json()); },
          "The contract's Assessment JSON as plain Python objects.")
      .def(
          "to_json",
          [](const PyAssessment& a, bool pretty) { return a.assessment.to_json(pretty); },
          py::arg("pretty") = false,
          "The contract's Assessment JSON: compact, or indented when ``pretty``. Byte-identical "
          "for the same intake.")
      .def(
          "to_text", [](const PyAssessment& a) { return a.assessment.to_text(); },
          "A plain-text report for a person.")
      .def(
          "start_plan",
          [](const py::object& self, const py::kwargs& options) {
            return py::module_::import("myoref").attr("Plan").attr("start")(
                self.cast<const PyAssessment&>().kb, self, **options);
          },
          "``Plan.start(self.kb, self, **options)``.")
      .def(
          "render",
          [](const PyAssessment& a, std::size_t top_n, const py::kwargs& options) {
            return svg_object(
                unwrap(render_candidates_svg(a.assessment, top_n, render_options(options))));
          },
          py::arg("top_n") = 3, R"doc(
The pain drawing overlaid with each of the first ``top_n`` candidates, side by
side, as an SVG. Keyword options as for :func:`myoref.render_muscle`.)doc")
      .def(
          "report",
          [](const PyAssessment& a, std::size_t ranked, std::size_t charts,
             const py::kwargs& options) {
            ReportOptions o;
            o.ranked = ranked;
            o.charts = charts;
            o.chart = render_options(options);
            return html_object(unwrap(render_report_html(a.assessment, o)));
          },
          py::arg("ranked") = 5, py::arg("charts") = 3, R"doc(
One self-contained HTML page: triage first, the pain drawing, the ranked
candidates with reasons and citations, their charts, and the first plan step.)doc")
      .def("_repr_svg_",
           [](const PyAssessment& a) -> py::object {
             auto svg = render_candidates_svg(a.assessment, 3, display_options());
             if (!svg)
               return py::none();
             return py::str(*svg);
           })
      .def("__str__", [](const PyAssessment& a) { return a.assessment.to_text(); })
      .def("__repr__",
           [](const PyAssessment& a) {
             const Assessment& x = a.assessment;
             std::string out = "<Assessment triage=" + std::string(to_string(x.triage().level)) +
                               ", " + std::to_string(x.candidate_count()) + " candidates";
             if (x.candidate_count() > 0) {
               const RankedCandidate top = x.candidate(0);
               out +=
                   ", top " + x.kb().candidates()[top.candidate].key + " " + score_text(top.score);
             }
             return out + ">";
           })
      .def(
          "__eq__",
          [](const PyAssessment& a, const py::object& other) -> py::object {
            if (!py::isinstance<PyAssessment>(other))
              return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            const Assessment& b = other.cast<const PyAssessment&>().assessment;
            return py::bool_(a.assessment.kb().hash() == b.kb().hash() &&
                             a.assessment.intake() == b.intake());
          },
          py::is_operator())
      .def("__hash__",
           [](const PyAssessment& a) {
             return py::hash(
                 py::make_tuple(a.assessment.kb().hash(),
                                intake_to_json(a.assessment.kb(), a.assessment.intake())));
           })
      .def("__copy__", [](const PyAssessment& a) { return a; })
      .def(
          "__deepcopy__", [](const PyAssessment& a, py::handle) { return a; }, py::arg("memo"))
      .def(py::pickle(
          [](const PyAssessment& a) {
            return py::make_tuple(a.kb, intake_to_json(a.assessment.kb(), a.assessment.intake()));
          },
          [](const py::tuple& state) {
            if (state.size() != 2)
              throw py::value_error("not a pickled myoref.Assessment");
            const py::object kb_obj = state[0];
            const auto& kb = kb_obj.cast<const KnowledgeBase&>();
            const Intake intake = unwrap(parse_intake(kb, text_of(state[1], "a pickled intake")));
            return PyAssessment{unwrap(assess(kb, intake)), kb_obj};
          }));

  auto kb = py::reinterpret_borrow<py::class_<KnowledgeBase>>(m.attr("KnowledgeBase"));
  kb.def(
        "assess",
        [](const py::object& self, py::handle intake) {
          const auto& k = self.cast<const KnowledgeBase&>();
          const Intake in = intake_from_python(k, intake);
          std::optional<Expected<Assessment>> result;
          {
            py::gil_scoped_release release;
            result.emplace(assess(k, in));
          }
          return PyAssessment{unwrap(std::move(*result)), self};
        },
        py::arg("intake"), R"doc(
Triage and rank candidate muscles for an intake: a dict (the contract's Intake
shape) or its JSON text. Raises InputError listing every problem with its JSON
path ("/pain/1/intensity"), with the closest known id suggested for an unknown
one.)doc")
      .def(
          "triage",
          [](const KnowledgeBase& k, py::handle intake) {
            const Intake in = intake_from_python(k, intake);
            return PyTriage{k, triage(k, in)};
          },
          py::arg("intake"), "Only the red-flag screen of an intake (no scoring).")
      .def(
          "questions",
          [](const KnowledgeBase& k, py::handle intake) {
            const Intake in = intake_from_python(k, intake);
            auto list = unwrap(questions(k, in));
            py::list out;
            for (const Question& q : list) {
              const RedFlag& flag = k.red_flags()[q.red_flag];
              py::dict d;
              d["id"] = str_of(flag.id);
              d["level"] = str_of(to_string(flag.level));
              d["text"] = str_of(flag.question);
              d["why"] = str_of(q.why);
              out.append(d);
            }
            return out;
          },
          py::arg("intake"), R"doc(
The red-flag questions to ask for an intake (a dict or JSON text), most serious
first: those its drawing, age, sex and onset call for that it has not answered
(in neither ``red_flags`` nor ``red_flags_denied``). A list of dicts with
``id``, ``level``, ``text`` (the question) and ``why`` ("pain in the chest
(left) at 58"). Raises InputError for a bad intake.)doc")
      .def(
          "validate_intake",
          [](const KnowledgeBase& k, py::handle intake) {
            const Intake in = intake_from_python(k, intake);
            return json_to_python(intake_to_json(k, in));
          },
          py::arg("intake"), R"doc(
Checks an intake and returns it in canonical form (a dict: lists sorted in
knowledge-base order, absent optional fields left out); raises InputError.)doc")
      .def("score_batch", &score_batch_py, py::arg("drawings"), py::arg("threads") = py::none(),
           py::arg("out") = py::none(),
           R"doc(
Scores many pain drawings at once, with no findings.

``drawings`` has shape (N, len(kb.region_keys())): intensities 0..10 by region
key (0 = not painful), dtype uint8 or float32 (other integer and float types
are converted; any memory layout is accepted). A single drawing of shape
(len(kb.region_keys()),) gives a single row. The result is float32 of shape
(N, len(kb.candidate_keys())): row i equals ``kb.assess(drawing i).scores``.

Runs on ``threads`` threads (None: one per hardware thread) with the GIL
released. Raises InputError for a wrong shape or dtype and for values outside
[0, 10] (path "/ROW/COLUMN").

``out``, when given, receives the scores and is returned: a float32,
C-contiguous, writeable array of the result's shape that does not share
memory with ``drawings`` (else InvalidArgument). Scoring into the same array
again and again spares a new array's first-touch page faults each call (a
third of the time of a million drawings here). On an error it is left
untouched.)doc");
}

}  // namespace myoref::python
