// KnowledgeBase and its records: regions, findings, red flags, the age rule,
// citations, muscles with their trigger points, finding weights and protocol,
// and exercises with their doses.
//
// A record object holds a copy of its KnowledgeBase (cheap: copies share one
// immutable model) and an index, so it stays valid for as long as Python
// keeps it, whatever happens to the KnowledgeBase object it came from.
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <pybind11/stl.h>

#include "common.hpp"
#include "myoref/schema.hpp"
#include "objects.hpp"

namespace myoref::python {
namespace {

const Region& get(const RegionRef& r) {
  return r.kb.regions()[r.index];
}
const Finding& get(const FindingRef& r) {
  return r.kb.findings()[r.index];
}
const RedFlag& get(const RedFlagRef& r) {
  return r.kb.red_flags()[r.index];
}
const Citation& get(const CitationRef& r) {
  return r.kb.citations()[r.index];
}
const Muscle& get(const MuscleRef& r) {
  return r.kb.muscles()[r.index];
}
const Exercise& get(const ExerciseRef& r) {
  return r.kb.exercises()[r.index];
}
const TriggerPoint& get(const TriggerPointRef& r) {
  return r.kb.muscles()[r.muscle].trigger_points[r.index];
}
const FindingWeight& get(const FindingWeightRef& r) {
  return r.kb.muscles()[r.muscle].findings[r.index];
}

template <class R>
R ref(const KnowledgeBase& kb, std::size_t index) {
  return R{kb, static_cast<std::uint16_t>(index)};
}

/// A clinical statement with the keys of the citations behind it.
struct StatementView {
  std::string text;
  std::vector<std::string> cite;
};

/// What lies over and under a muscle.
struct LayerView {
  std::vector<std::string> over;
  std::vector<std::string> under;
  std::vector<std::string> cite;
};

/// Where a muscle starts and ends.
struct AttachmentsView {
  std::string origin;
  std::string insertion;
  std::vector<std::string> cite;
};

/// New pain in the young or the old (a copy of the knowledge base's rule).
struct AgeRuleView {
  std::string level;
  int younger_than = 0;
  int older_than = 0;
  int max_duration_days = 0;
  std::string advice;
  std::vector<std::string> cite;
};

std::vector<std::string> cite_keys(const KnowledgeBase& kb, gsl::span<const CitationIndex> cite) {
  std::vector<std::string> keys;
  keys.reserve(cite.size());
  for (const CitationIndex c : cite)
    keys.push_back(kb.citations()[c].key);
  return keys;
}

// --- A record as a dict, by its field table (myoref/schema.hpp) -------------
// The same keys, in the same order, with the same values as the canonical
// writer's, so that a field added to a table shows here with no second spelling.

const std::string& id_of(const KnowledgeBase& kb, schema::Ids ids, std::uint16_t index) {
  switch (ids) {
    case schema::Ids::citation:
      return kb.citations()[index].key;
    case schema::Ids::region:
      return kb.regions()[index].id;
    case schema::Ids::finding:
      return kb.findings()[index].id;
    case schema::Ids::red_flag:
      return kb.red_flags()[index].id;
    case schema::Ids::precaution:
      return kb.precautions()[index].id;
    case schema::Ids::muscle:
      return kb.muscles()[index].id;
    case schema::Ids::exercise:
      return kb.exercises()[index].id;
  }
  return kb.citations()[index].key;
}

template <class Record, class Table>
py::dict record_dict(const KnowledgeBase& kb, const Record& r, const Table& table);

// One field into `out` by its member's type and rule; nothing when the rule
// leaves it out.
template <class T, class Rule>
void put(const KnowledgeBase& /*kb*/, py::dict& out, const char* key, const T& value,
         Rule /*rule*/) {
  if constexpr (std::is_enum<T>::value) {
    out[key] = str_of(to_string(value));
  } else {
    out[key] = value;
  }
}
void put(const KnowledgeBase& /*kb*/, py::dict& out, const char* key, const std::optional<int>& n,
         schema::Whole rule) {
  if (rule.written == schema::Written::if_set && !n)
    return;
  out[key] = n;
}
template <class E>
void put(const KnowledgeBase& /*kb*/, py::dict& out, const char* key, const std::optional<E>& e,
         schema::Spelled rule) {
  if (!e) {
    if (rule.written != schema::Written::if_set)
      out[key] = py::none();
    return;
  }
  out[key] = str_of(to_string(*e));
}
template <class E>
void put(const KnowledgeBase& /*kb*/, py::dict& out, const char* key, const std::vector<E>& items,
         schema::Spelled rule) {
  if (rule.written == schema::Written::if_any && items.empty())
    return;
  py::list list;
  for (const E e : items)
    list.append(str_of(to_string(e)));
  out[key] = list;
}
void put(const KnowledgeBase& kb, py::dict& out, const char* key,
         const std::vector<std::uint16_t>& indices, schema::Refs rule) {
  if ((rule.written == schema::Written::with_precautions && kb.precautions().empty()) ||
      (rule.written == schema::Written::if_any && indices.empty()))
    return;
  py::list ids;
  for (const auto i : indices)
    ids.append(id_of(kb, rule.ids, i));
  out[key] = ids;
}
void put(const KnowledgeBase& kb, py::dict& out, const char* key,
         const std::optional<std::uint16_t>& index, schema::Ref rule) {
  out[key] = index ? py::object(py::str(id_of(kb, rule.ids, *index))) : py::object(py::none());
}
void put(const KnowledgeBase& kb, py::dict& out, const char* key, std::uint16_t index,
         schema::Ref rule) {
  out[key] = id_of(kb, rule.ids, index);
}
void put(const KnowledgeBase& kb, py::dict& out, const char* key,
         const std::vector<CitationIndex>& cite, schema::Cite /*rule*/) {
  py::list keys;
  for (const auto c : cite)
    keys.append(kb.citations()[c].key);
  out[key] = keys;
}
void put(const KnowledgeBase& /*kb*/, py::dict& out, const char* key, float weight,
         schema::Weight /*rule*/) {
  // Weights are given to the thousandth: the number the canonical text holds.
  out[key] = std::round(static_cast<double>(weight) * 1000.0) / 1000.0;
}
template <class Record, class Table>
void put(const KnowledgeBase& kb, py::dict& out, const char* key, const Record& r,
         schema::Nested<Table> rule) {
  out[key] = record_dict(kb, r, *rule.fields);
}

template <class Record, class Table>
py::dict record_dict(const KnowledgeBase& kb, const Record& r, const Table& table) {
  py::dict out;
  schema::for_each_field(table, [&](const auto& f) {
    const std::string key(f.name);
    put(kb, out, key.c_str(), r.*(f.member), f.rule);
  });
  return out;
}

StatementView statement(const KnowledgeBase& kb, const Statement& s) {
  return StatementView{s.text, cite_keys(kb, s.cite)};
}

std::vector<StatementView> statements(const KnowledgeBase& kb, const std::vector<Statement>& list) {
  std::vector<StatementView> out;
  out.reserve(list.size());
  for (const Statement& s : list)
    out.push_back(statement(kb, s));
  return out;
}

std::vector<std::string> region_ids(const KnowledgeBase& kb, const std::vector<RegionIndex>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const RegionIndex r : list)
    out.push_back(kb.regions()[r].id);
  return out;
}

std::string quote(const std::string& text) {
  return std::string(py::repr(py::str(text)));
}

std::string shortened(const std::string& text, std::size_t max) {
  if (text.size() <= max)
    return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U)
    --cut;  // UTF-8
  return text.substr(0, cut) + "...";
}

[[noreturn]] void not_found(const std::string& what, std::string_view id,
                            const std::string& suggestion) {
  raise_error(ErrorCode::not_found,
              "no " + what + " \"" + std::string(id) + "\" in this knowledge base", "",
              suggestion.empty() ? std::string() : "did you mean \"" + suggestion + "\"?");
}

py::object catalog(const char* kind, const py::list& items, const py::object& lookup) {
  return py::module_::import("myoref._catalog").attr("Catalog")(kind, items, lookup);
}

/// Adds __eq__, __ne__ and __hash__ (by knowledge-base hash and index) to a record class.
template <class T, class Cls>
void comparable(Cls& cls) {
  cls.def(
         "__eq__",
         [](const T& a, const py::object& other) -> py::object {
           if (!py::isinstance<T>(other))
             return py::reinterpret_borrow<py::object>(Py_NotImplemented);
           return py::bool_(a == other.cast<const T&>());
         },
         py::is_operator())
      .def("__hash__", [](const T& a) {
        return py::hash(py::make_tuple(py::type::of<T>(), a.kb.hash(), a.index));
      });
}

RenderOptions display_options() {
  RenderOptions o;
  o.width_px = 520;
  return o;
}

py::object render_candidate(const KnowledgeBase& kb, CandidateIndex c, const RenderOptions& o) {
  return svg_object(unwrap(render_muscle_svg(kb, c, o)));
}

}  // namespace

void init_kb(py::module_& m) {
  // --- Small value records -------------------------------------------------
  py::class_<StatementView>(m, "Statement", R"doc(
A clinical statement in the knowledge base's words, with the keys of the
citations behind it (look them up with ``kb.citations[key]``). ``str()`` gives
the text.)doc")
      .def_readonly("text", &StatementView::text, "The statement.")
      .def_readonly("cite", &StatementView::cite, "Citation keys, e.g. ``['donnelly2019']``.")
      .def("__str__", [](const StatementView& s) { return s.text; })
      .def("__repr__", [](const StatementView& s) {
        std::string keys;
        for (const auto& k : s.cite)
          keys += (keys.empty() ? "" : ", ") + k;
        return "<Statement " + quote(shortened(s.text, 60)) + " [" + keys + "]>";
      });

  py::class_<LayerView>(m, "Layer", "What lies over (superficial to) and under (deep to) a muscle.")
      .def_readonly("over", &LayerView::over, "Structures over the muscle.")
      .def_readonly("under", &LayerView::under, "Structures under it.")
      .def_readonly("cite", &LayerView::cite, "Citation keys.")
      .def("__repr__", [](const LayerView& l) {
        return "<Layer over=" + std::string(py::repr(py::cast(l.over))) +
               " under=" + std::string(py::repr(py::cast(l.under))) + ">";
      });

  py::class_<AttachmentsView>(m, "Attachments",
                              "Where a muscle starts (origin) and ends (insertion).")
      .def_readonly("origin", &AttachmentsView::origin, "Where the muscle starts.")
      .def_readonly("insertion", &AttachmentsView::insertion, "Where it ends.")
      .def_readonly("cite", &AttachmentsView::cite, "Citation keys.")
      .def("__repr__", [](const AttachmentsView& a) {
        return "<Attachments origin=" + quote(shortened(a.origin, 40)) +
               " insertion=" + quote(shortened(a.insertion, 40)) + ">";
      });

  py::class_<AgeRuleView>(m, "AgeRule", R"doc(
The age rule of triage: new pain (lasting at most ``max_duration_days``) in
someone younger than ``younger_than`` or older than ``older_than`` raises triage
to ``level``.)doc")
      .def_readonly("level", &AgeRuleView::level, "The triage level it raises to.")
      .def_readonly("younger_than", &AgeRuleView::younger_than, "Applies below this age ...")
      .def_readonly("older_than", &AgeRuleView::older_than, "... or above this one ...")
      .def_readonly("max_duration_days", &AgeRuleView::max_duration_days,
                    "... when the pain is this new or newer.")
      .def_readonly("advice", &AgeRuleView::advice, "What to do when it applies.")
      .def_readonly("cite", &AgeRuleView::cite, "Citation keys.")
      .def("__repr__", [](const AgeRuleView& a) {
        return "<AgeRule " + a.level + " when age < " + std::to_string(a.younger_than) + " or > " +
               std::to_string(a.older_than) +
               " and pain <= " + std::to_string(a.max_duration_days) + " days>";
      });

  py::class_<Dose>(m, "Dose", R"doc(
How much of an exercise to do. Unset numbers are None; ``str()`` gives the dose
in words ("3 sets of 10 repetitions, each side, daily").)doc")
      .def_readonly("hold_seconds", &Dose::hold_seconds, "Seconds to hold, or None.")
      .def_readonly("repetitions", &Dose::repetitions, "Repetitions per set, or None.")
      .def_readonly("sets", &Dose::sets, "Sets, or None.")
      .def_readonly("duration_seconds", &Dose::duration_seconds, "Total seconds, or None.")
      .def_readonly("per_side", &Dose::per_side, "Whether the dose is for each side.")
      .def_readonly("frequency", &Dose::frequency, "How often: \"daily\", \"3 times a week\".")
      .def(
          "to_dict",
          [](const Dose& d) {
            py::dict out;
            schema::for_each_field(schema::kDose, [&](const auto& f) {
              out[py::str(f.name.data(), f.name.size())] = d.*(f.member);
            });
            return out;
          },
          "The dose as a plain dict.")
      .def("__str__", &Dose::to_string)
      .def("__repr__", [](const Dose& d) { return "<Dose " + quote(d.to_string()) + ">"; });

  // --- Records by index ------------------------------------------------------
  auto citation = py::class_<CitationRef>(m, "Citation", "A reference behind clinical statements.");
  citation
      .def_property_readonly(
          "key", [](const CitationRef& r) { return get(r).key; },
          "The key statements cite it by (\"donnelly2019\").")
      .def_property_readonly(
          "text", [](const CitationRef& r) { return get(r).text; }, "The full reference.")
      .def("__str__", [](const CitationRef& r) { return get(r).text; })
      .def("__repr__", [](const CitationRef& r) {
        return "<Citation " + get(r).key + ": " + quote(shortened(get(r).text, 60)) + ">";
      });
  citation.def(
      "to_dict", [](const CitationRef& r) { return record_dict(r.kb, get(r), schema::kCitation); },
      "The citation as its canonical JSON object, a plain dict.");
  comparable<CitationRef>(citation);

  auto region = py::class_<RegionRef>(m, "Region", R"doc(
A region of the body chart. A paired region has a left and a right region key
(``"buttock_upper:left"``), a midline one a single key (``"sacrum"``).)doc");
  region
      .def_property_readonly(
          "id", [](const RegionRef& r) { return get(r).id; }, "\"buttock_upper\"")
      .def_property_readonly(
          "name", [](const RegionRef& r) { return get(r).name; }, "\"Upper buttock\"")
      .def_property_readonly(
          "what", [](const RegionRef& r) { return get(r).what; },
          "A plain description a person can recognise.")
      .def_property_readonly(
          "laterality", [](const RegionRef& r) { return str_of(to_string(get(r).laterality)); },
          "\"paired\" or \"midline\".")
      .def_property_readonly(
          "view", [](const RegionRef& r) { return str_of(to_string(get(r).view)); },
          "Which chart view shows it: \"front\", \"back\" or \"both\".")
      .def_property_readonly(
          "keys",
          [](const RegionRef& r) {
            std::vector<std::string> keys;
            for (const Side s : {Side::none, Side::left, Side::right}) {
              if (const auto k = r.kb.find_region_key(r.index, s))
                keys.push_back(r.kb.region_keys()[*k].key);
            }
            return keys;
          },
          "Its region keys: [\"id:left\", \"id:right\"] or [\"id\"].")
      .def("__repr__", [](const RegionRef& r) {
        return "<Region " + get(r).id + " " + quote(get(r).name) + " " +
               std::string(to_string(get(r).laterality)) + ">";
      });
  region.def(
      "to_dict", [](const RegionRef& r) { return record_dict(r.kb, get(r), schema::kRegion); },
      "The region as its canonical JSON object, a plain dict.");
  comparable<RegionRef>(region);

  auto finding = py::class_<FindingRef>(m, "Finding", R"doc(
Something a person can confirm or deny ("Does walking bring on the pain?"); its
id goes in an intake's ``findings`` or ``denied`` list.)doc");
  finding
      .def_property_readonly(
          "id", [](const FindingRef& r) { return get(r).id; }, "\"walking\"")
      .def_property_readonly(
          "question", [](const FindingRef& r) { return get(r).question; },
          "The question to ask a person.")
      .def_property_readonly(
          "what", [](const FindingRef& r) { return get(r).what; },
          "A short description: \"pain when walking\".")
      .def("__repr__", [](const FindingRef& r) {
        return "<Finding " + get(r).id + " " + quote(get(r).what) + ">";
      });
  finding.def(
      "to_dict", [](const FindingRef& r) { return record_dict(r.kb, get(r), schema::kFinding); },
      "The finding as its canonical JSON object, a plain dict.");
  comparable<FindingRef>(finding);

  auto red_flag = py::class_<RedFlagRef>(m, "RedFlag", R"doc(
A sign that self-care is the wrong path; its id goes in an intake's
``red_flags`` list. ``level`` is the triage level it raises to.)doc");
  red_flag
      .def_property_readonly(
          "id", [](const RedFlagRef& r) { return get(r).id; }, "\"saddle_numbness\"")
      .def_property_readonly(
          "level", [](const RedFlagRef& r) { return str_of(to_string(get(r).level)); },
          "\"see_clinician\", \"urgent\" or \"emergency\".")
      .def_property_readonly(
          "question", [](const RedFlagRef& r) { return get(r).question; },
          "The question to ask a person.")
      .def_property_readonly(
          "advice", [](const RedFlagRef& r) { return get(r).advice; },
          "What to do when it is confirmed.")
      .def_property_readonly(
          "cite", [](const RedFlagRef& r) { return cite_keys(r.kb, get(r).cite); },
          "Citation keys.")
      .def("__repr__", [](const RedFlagRef& r) {
        return "<RedFlag " + get(r).id + " " + std::string(to_string(get(r).level)) + ">";
      });
  red_flag.def(
      "to_dict", [](const RedFlagRef& r) { return record_dict(r.kb, get(r), schema::kRedFlag); },
      "The red flag as its canonical JSON object, a plain dict.");
  comparable<RedFlagRef>(red_flag);

  auto trigger_point = py::class_<TriggerPointRef>(m, "TriggerPoint", R"doc(
A trigger point of a muscle and where it refers pain: the essential zone
(where referred pain nearly always appears) and the spillover zone (where it
appears in some people), as region ids. ``side`` says on which side of the
body the zones are, relative to the muscle: "same", "opposite", "both" or
"midline".)doc");
  trigger_point
      .def_property_readonly(
          "id", [](const TriggerPointRef& r) { return get(r).id; },
          "Unique within the muscle: \"posterior\".")
      .def_property_readonly(
          "name", [](const TriggerPointRef& r) { return get(r).name; },
          "\"Posterior trigger point\"")
      .def_property_readonly(
          "location", [](const TriggerPointRef& r) { return get(r).location; },
          "Where to find it, in plain words.")
      .def_property_readonly(
          "essential", [](const TriggerPointRef& r) { return region_ids(r.kb, get(r).essential); },
          "Region ids of the essential zone.")
      .def_property_readonly(
          "spillover", [](const TriggerPointRef& r) { return region_ids(r.kb, get(r).spillover); },
          "Region ids of the spillover zone.")
      .def_property_readonly(
          "side", [](const TriggerPointRef& r) { return str_of(to_string(get(r).side)); },
          "Side of the zones relative to the muscle.")
      .def_property_readonly(
          "cite", [](const TriggerPointRef& r) { return cite_keys(r.kb, get(r).cite); },
          "Citation keys.")
      .def_property_readonly(
          "muscle", [](const TriggerPointRef& r) { return ref<MuscleRef>(r.kb, r.muscle); },
          "The muscle it belongs to.")
      .def("__repr__", [](const TriggerPointRef& r) {
        const TriggerPoint& t = get(r);
        return "<TriggerPoint " + r.kb.muscles()[r.muscle].id + "/" + t.id + ": essential " +
               std::string(py::repr(py::cast(region_ids(r.kb, t.essential)))) + ", spillover " +
               std::string(py::repr(py::cast(region_ids(r.kb, t.spillover)))) + ">";
      });
  trigger_point.def(
      "to_dict",
      [](const TriggerPointRef& r) { return record_dict(r.kb, get(r), schema::kTriggerPoint); },
      "The trigger point as its canonical JSON object, a plain dict.");
  comparable<TriggerPointRef>(trigger_point);

  auto finding_weight = py::class_<FindingWeightRef>(m, "FindingWeight", R"doc(
A finding that counts for (``weight`` > 0) or against (``weight`` < 0) a muscle.)doc");
  finding_weight
      .def_property_readonly(
          "finding",
          [](const FindingWeightRef& r) { return ref<FindingRef>(r.kb, get(r).finding); },
          "The Finding.")
      .def_property_readonly(
          "id", [](const FindingWeightRef& r) { return r.kb.findings()[get(r).finding].id; },
          "The finding's id.")
      .def_property_readonly(
          "weight", [](const FindingWeightRef& r) { return get(r).weight; }, "In [-1, 1], never 0.")
      .def_property_readonly(
          "cite", [](const FindingWeightRef& r) { return cite_keys(r.kb, get(r).cite); },
          "Citation keys.")
      .def("__repr__", [](const FindingWeightRef& r) {
        return "<FindingWeight " + r.kb.findings()[get(r).finding].id + " " +
               std::string(py::repr(py::float_(static_cast<double>(get(r).weight)))) + ">";
      });
  finding_weight.def(
      "to_dict",
      [](const FindingWeightRef& r) { return record_dict(r.kb, get(r), schema::kFindingWeight); },
      "The weight as its canonical JSON object, a plain dict.");
  comparable<FindingWeightRef>(finding_weight);

  auto exercise = py::class_<ExerciseRef>(m, "Exercise", R"doc(
An exercise of one protocol step ("release", "stretch" or "strengthen") with its
dose, instructions, cues, cautions, and easier (``regression``) and harder
(``progression``) variants.)doc");
  exercise
      .def_property_readonly(
          "id", [](const ExerciseRef& r) { return get(r).id; }, "The exercise id.")
      .def_property_readonly(
          "name", [](const ExerciseRef& r) { return get(r).name; }, "Its name for people.")
      .def_property_readonly(
          "step", [](const ExerciseRef& r) { return str_of(to_string(get(r).step)); },
          "\"release\", \"stretch\" or \"strengthen\".")
      .def_property_readonly(
          "targets",
          [](const ExerciseRef& r) {
            std::vector<MuscleRef> out;
            for (const MuscleIndex t : get(r).targets)
              out.push_back(ref<MuscleRef>(r.kb, t));
            return out;
          },
          "The muscles it works on.")
      .def_property_readonly(
          "equipment", [](const ExerciseRef& r) { return get(r).equipment; },
          "\"hands\", \"massage_ball\", \"foam_roller\", ...")
      .def_property_readonly(
          "instructions", [](const ExerciseRef& r) { return get(r).instructions; },
          "What to do, step by step, in order.")
      .def_property_readonly(
          "dose", [](const ExerciseRef& r) { return get(r).dose; }, "The Dose.")
      .def_property_readonly(
          "cues", [](const ExerciseRef& r) { return get(r).cues; },
          "What to pay attention to while doing it.")
      .def_property_readonly(
          "cautions", [](const ExerciseRef& r) { return get(r).cautions; },
          "When to stop or take care.")
      .def_property_readonly(
          "ruled_out_by",
          [](const ExerciseRef& r) {
            std::vector<std::string> out;
            for (const PrecautionIndex p : get(r).ruled_out_by)
              out.push_back(r.kb.precautions()[p].id);
            return out;
          },
          "The ids of the precautions under which it is never offered (\"pregnant\", ...).")
      .def_property_readonly(
          "regression",
          [](const ExerciseRef& r) -> py::object {
            if (!get(r).regression)
              return py::none();
            return py::cast(ref<ExerciseRef>(r.kb, *get(r).regression));
          },
          "An easier Exercise, or None.")
      .def_property_readonly(
          "progression",
          [](const ExerciseRef& r) -> py::object {
            if (!get(r).progression)
              return py::none();
            return py::cast(ref<ExerciseRef>(r.kb, *get(r).progression));
          },
          "A harder Exercise, or None.")
      .def_property_readonly(
          "cite", [](const ExerciseRef& r) { return cite_keys(r.kb, get(r).cite); },
          "Citation keys.")
      .def("__repr__", [](const ExerciseRef& r) {
        return "<Exercise " + get(r).id + " (" + std::string(to_string(get(r).step)) + ") " +
               quote(get(r).name) + ", " + get(r).dose.to_string() + ">";
      });
  exercise.def(
      "to_dict", [](const ExerciseRef& r) { return record_dict(r.kb, get(r), schema::kExercise); },
      "The exercise as its canonical JSON object, a plain dict.");
  comparable<ExerciseRef>(exercise);

  auto muscle = py::class_<MuscleRef>(m, "Muscle", R"doc(
A muscle and everything the knowledge base says about it: names, anatomy,
actions, what loads it, symptoms, the findings that count for or against it,
trigger points with their referral zones, related muscles to check next, and
the exercises of its release -> stretch -> strengthen protocol.

In Jupyter a Muscle shows as a picture of its referral pattern (the left side,
or the midline for a midline muscle); ``render()`` draws either side.)doc");
  muscle
      .def_property_readonly(
          "id", [](const MuscleRef& r) { return get(r).id; }, "\"gluteus_medius\"")
      .def_property_readonly(
          "name", [](const MuscleRef& r) { return get(r).name; }, "\"Gluteus medius\"")
      .def_property_readonly(
          "aliases", [](const MuscleRef& r) { return get(r).aliases; },
          "Other ids that find it (\"psoas\" for iliopsoas).")
      .def_property_readonly(
          "midline", [](const MuscleRef& r) { return get(r).midline; },
          "True for a midline muscle: one candidate with no side.")
      .def_property_readonly(
          "fma", [](const MuscleRef& r) { return str_or_none(get(r).fma); },
          "Foundational Model of Anatomy id, or None.")
      .def_property_readonly(
          "uberon", [](const MuscleRef& r) { return str_or_none(get(r).uberon); },
          "UBERON id, or None.")
      .def_property_readonly(
          "summary", [](const MuscleRef& r) { return statement(r.kb, get(r).summary); },
          "What it is and why it matters (a Statement).")
      .def_property_readonly(
          "location", [](const MuscleRef& r) { return statement(r.kb, get(r).location); },
          "Where it is (a Statement).")
      .def_property_readonly(
          "layer",
          [](const MuscleRef& r) {
            const Layer& l = get(r).layer;
            return LayerView{l.over, l.under, cite_keys(r.kb, l.cite)};
          },
          "What lies over and under it (a Layer).")
      .def_property_readonly(
          "attachments",
          [](const MuscleRef& r) {
            const Attachments& a = get(r).attachments;
            return AttachmentsView{a.origin, a.insertion, cite_keys(r.kb, a.cite)};
          },
          "Origin and insertion (Attachments).")
      .def_property_readonly(
          "actions", [](const MuscleRef& r) { return statements(r.kb, get(r).actions); },
          "What it does (Statements).")
      .def_property_readonly(
          "loaded_by", [](const MuscleRef& r) { return statements(r.kb, get(r).loaded_by); },
          "Activities that load it.")
      .def_property_readonly(
          "perpetuating_factors",
          [](const MuscleRef& r) { return statements(r.kb, get(r).perpetuating_factors); },
          "What keeps its trigger points going (Statements).")
      .def_property_readonly(
          "symptoms", [](const MuscleRef& r) { return statements(r.kb, get(r).symptoms); },
          "What a person notices (Statements).")
      .def_property_readonly(
          "findings",
          [](const MuscleRef& r) {
            std::vector<FindingWeightRef> out;
            for (std::size_t i = 0; i < get(r).findings.size(); ++i) {
              out.push_back(FindingWeightRef{r.kb, r.index, static_cast<std::uint16_t>(i)});
            }
            return out;
          },
          "FindingWeights: the findings that count for or against it.")
      .def_property_readonly(
          "self_test", [](const MuscleRef& r) { return statement(r.kb, get(r).self_test); },
          "How a person can check it (a Statement).")
      .def_property_readonly(
          "trigger_points",
          [](const MuscleRef& r) {
            std::vector<TriggerPointRef> out;
            for (std::size_t i = 0; i < get(r).trigger_points.size(); ++i) {
              out.push_back(TriggerPointRef{r.kb, r.index, static_cast<std::uint16_t>(i)});
            }
            return out;
          },
          "Its TriggerPoints with their referral zones.")
      .def_property_readonly(
          "related",
          [](const MuscleRef& r) {
            std::vector<MuscleRef> out;
            for (const MuscleIndex i : get(r).related)
              out.push_back(ref<MuscleRef>(r.kb, i));
            return out;
          },
          "Muscles to check next, in order.")
      .def_property_readonly(
          "differentials",
          [](const MuscleRef& r) { return statements(r.kb, get(r).differentials); },
          "Conditions that can look alike.")
      .def_property_readonly(
          "protocol",
          [](const MuscleRef& r) {
            py::dict out;
            for (int s = 0; s < kStepCount; ++s) {
              std::vector<ExerciseRef> list;
              for (const ExerciseIndex e : get(r).protocol[s])
                list.push_back(ref<ExerciseRef>(r.kb, e));
              out[str_of(to_string(static_cast<Step>(s)))] = list;
            }
            return out;
          },
          "{\"release\": [Exercise, ...], \"stretch\": [...], \"strengthen\": [...]}, in order.")
      .def_property_readonly(
          "candidates",
          [](const MuscleRef& r) {
            std::vector<std::string> keys;
            for (const Side s : {Side::none, Side::left, Side::right}) {
              if (const auto c = r.kb.find_candidate(r.index, s))
                keys.push_back(r.kb.candidates()[*c].key);
            }
            return keys;
          },
          "Its candidate keys: [\"id:left\", \"id:right\"], or [\"id\"] for a midline muscle.")
      .def(
          "to_json", [](const MuscleRef& r) { return r.kb.muscle_to_json(r.index); }, R"doc(
The muscle in canonical JSON: {"muscle": {...}, "exercises": [...]}, the
exercises being those of its protocol followed by their variants.)doc")
      .def(
          "to_dict",
          [](const MuscleRef& r) { return json_to_python(r.kb.muscle_to_json(r.index)); },
          "``to_json()`` as plain Python objects.")
      .def(
          "render",
          [](const MuscleRef& r, const py::object& side, const py::kwargs& options) {
            return render_candidate(r.kb, candidate_from_python(r.kb, get(r).id, side),
                                    render_options(options));
          },
          py::arg("side") = py::none(), R"doc(
The muscle's referral pattern on the body chart, as an SVG (a str that Jupyter
shows as a picture). ``side`` is "left" (the default for a paired muscle) or
"right"; None for a midline muscle. Keyword options as for
:func:`myoref.render_muscle`.)doc")
      .def("_repr_svg_",
           [](const MuscleRef& r) -> py::object {
             const RenderOptions o = display_options();
             auto svg =
                 render_muscle_svg(r.kb, candidate_from_python(r.kb, get(r).id, py::none()), o);
             if (!svg)
               return py::none();  // no chart: Jupyter falls back to repr()
             return py::str(*svg);
           })
      .def("__repr__", [](const MuscleRef& r) {
        const Muscle& mu = get(r);
        return "<Muscle " + mu.id + " " + quote(mu.name) + ", " +
               std::to_string(mu.trigger_points.size()) + " trigger point" +
               (mu.trigger_points.size() == 1 ? "" : "s") + (mu.midline ? ", midline" : "") + ">";
      });
  comparable<MuscleRef>(muscle);

  // --- The knowledge base ----------------------------------------------------
  py::class_<KnowledgeBase> kb(m, "KnowledgeBase", R"doc(
A validated, immutable knowledge base: the body chart, muscles, trigger points
and their referral zones, findings, red flags, exercises and citations.

Get the one built into the library with :meth:`KnowledgeBase.default`, or load
your own with :meth:`KnowledgeBase.from_json`. A KnowledgeBase is cheap to
copy and safe to share between threads. Two are equal when their content
hashes are equal. Pickling writes its JSON.)doc");
  kb.def_static(
        "default",
        [](const py::object& lang) {
          KnowledgeBase k = unwrap(KnowledgeBase::builtin());
          if (lang.is_none())
            return k;
          return unwrap(k.localized(lang.cast<std::string>()));
        },
        py::kw_only(), py::arg("lang") = py::none(), R"doc(
The knowledge base compiled into the library; with ``lang="es"`` (or "es-MX",
falling back to "es" then "en" string by string) its words and every
sentence the library writes with it are in that language. The hash, ids and
results are the same in every language: a plan made in one is continued in
another.)doc")
      .def_static(
          "builtin_locales", []() { return KnowledgeBase::builtin_locales(); },
          "The languages built into the library: [\"en\", \"es\"].")
      .def_property_readonly("locale", &KnowledgeBase::locale,
                             "The language of its words: \"en\", \"es\", \"es-MX\".")
      .def(
          "localized",
          [](const KnowledgeBase& k, const std::string& lang, const py::object& pack) {
            std::string text;
            if (!pack.is_none())
              text = std::string(text_of(pack, "a locale pack"));
            return unwrap(k.localized(lang, text));
          },
          py::arg("lang"), py::arg("pack") = py::none(), R"doc(
The same knowledge base in another language. ``pack`` is a host's own locale
pack (JSON text: an object of key -> text, docs/languages.md) applied over the
built-in words; a string neither gives stays English, never empty.)doc")
      .def(
          "check_locale",
          [](const KnowledgeBase& k, const std::string& lang, const py::object& pack) {
            std::string text;
            if (!pack.is_none())
              text = std::string(text_of(pack, "a locale pack"));
            const LocaleCheck c = unwrap(k.check_locale(lang, text));
            py::dict d;
            d["locale"] = c.locale;
            d["chain"] = c.chain;
            d["kb_keys"] = c.kb_keys;
            d["message_keys"] = c.message_keys;
            d["missing"] = c.missing;
            d["unknown"] = c.unknown;
            d["placeholders"] = c.placeholders;
            d["complete"] = c.complete();
            return d;
          },
          py::arg("lang"), py::arg("pack") = py::none(), R"doc(
What a language leaves untranslated: {"locale", "chain", "kb_keys",
"message_keys", "missing", "unknown", "placeholders", "complete"}.)doc")
      .def("message", &KnowledgeBase::message, py::arg("key"), R"doc(
Sentence ``key`` of the message catalogue in this knowledge base's language,
for a host's own headings and labels (``"muscle_text.symptoms"``,
``"equipment.foam_roller"``); the key itself when no catalogue has it.)doc")
      .def("dose_text", &KnowledgeBase::dose_text, py::arg("dose"), R"doc(
A Dose of this knowledge base's exercises in its language, numbers written as
it writes them (``str(dose)`` is English): ``"mantener 30 s, 3 repeticiones, cada lado, a diario"``.)doc")
      .def_static(
          "from_json",
          [](py::handle text) {
            const std::string_view t = text_of(text, "a knowledge base");
            std::optional<Expected<KnowledgeBase>> loaded;
            {
              py::gil_scoped_release release;
              loaded.emplace(KnowledgeBase::from_json(t));
            }
            return unwrap(std::move(*loaded));
          },
          py::arg("text"), R"doc(
Loads and validates a knowledge base from JSON text (str or bytes). Raises
InputError listing every problem with its JSON path, ParseError for text that
is not JSON, LimitError beyond the size limits.)doc")
      .def("to_json", &KnowledgeBase::to_json, R"doc(
The canonical JSON text: loading it again gives an equal knowledge base.)doc")
      .def_property_readonly("id", &KnowledgeBase::id, "\"myoref-default\"")
      .def_property_readonly("version", &KnowledgeBase::version,
                             "The knowledge base's own version.")
      .def_property_readonly("title", &KnowledgeBase::title, "A one-line description.")
      .def_property_readonly(
          "hash", &KnowledgeBase::hash,
          "SHA-256 (hex) of the canonical form: equal hashes mean equal content.")
      .def(
          "region_keys",
          [](const KnowledgeBase& k) {
            py::list out;
            for (const RegionKey& r : k.region_keys())
              out.append(str_of(r.key));
            return out;
          },
          R"doc(
Every region key in knowledge-base order ("buttock_upper:left", "sacrum", ...):
the columns of :meth:`score_batch`'s input.)doc")
      .def(
          "candidate_keys",
          [](const KnowledgeBase& k) {
            py::list out;
            for (const Candidate& c : k.candidates())
              out.append(str_of(c.key));
            return out;
          },
          R"doc(
Every candidate key in knowledge-base order ("gluteus_medius:left", ...): the
columns of :meth:`score_batch`'s output and the order of Assessment.scores.)doc")
      .def_property_readonly(
          "regions",
          [](const py::object& self) {
            const auto& k = self.cast<const KnowledgeBase&>();
            py::list items;
            for (std::size_t i = 0; i < k.regions().size(); ++i)
              items.append(ref<RegionRef>(k, i));
            return catalog("regions", items, self.attr("region"));
          },
          "Every Region, as a Catalog (by position or by id).")
      .def_property_readonly(
          "findings",
          [](const py::object& self) {
            const auto& k = self.cast<const KnowledgeBase&>();
            py::list items;
            for (std::size_t i = 0; i < k.findings().size(); ++i)
              items.append(ref<FindingRef>(k, i));
            return catalog("findings", items, self.attr("finding"));
          },
          "Every Finding, as a Catalog.")
      .def_property_readonly(
          "red_flags",
          [](const py::object& self) {
            const auto& k = self.cast<const KnowledgeBase&>();
            py::list items;
            for (std::size_t i = 0; i < k.red_flags().size(); ++i)
              items.append(ref<RedFlagRef>(k, i));
            return catalog("red flags", items, self.attr("red_flag"));
          },
          "Every RedFlag, as a Catalog.")
      .def_property_readonly(
          "muscles",
          [](const py::object& self) {
            const auto& k = self.cast<const KnowledgeBase&>();
            py::list items;
            for (std::size_t i = 0; i < k.muscles().size(); ++i)
              items.append(ref<MuscleRef>(k, i));
            return catalog("muscles", items, self.attr("muscle"));
          },
          "Every Muscle, as a Catalog (by position, id or alias).")
      .def_property_readonly(
          "exercises",
          [](const py::object& self) {
            const auto& k = self.cast<const KnowledgeBase&>();
            py::list items;
            for (std::size_t i = 0; i < k.exercises().size(); ++i)
              items.append(ref<ExerciseRef>(k, i));
            return catalog("exercises", items, self.attr("exercise"));
          },
          "Every Exercise, as a Catalog.")
      .def_property_readonly(
          "citations",
          [](const py::object& self) {
            const auto& k = self.cast<const KnowledgeBase&>();
            py::list items;
            for (std::size_t i = 0; i < k.citations().size(); ++i)
              items.append(ref<CitationRef>(k, i));
            return catalog("citations", items, self.attr("citation"));
          },
          "Every Citation, as a Catalog (by position or key).")
      .def_property_readonly(
          "age_rule",
          [](const KnowledgeBase& k) {
            const AgeRule& a = k.age_rule();
            return AgeRuleView{std::string(to_string(a.level)),
                               a.younger_than,
                               a.older_than,
                               a.max_duration_days,
                               a.advice,
                               cite_keys(k, a.cite)};
          },
          "The AgeRule of triage.")
      .def(
          "region",
          [](const KnowledgeBase& k, std::string_view id) {
            const auto i = k.find_region(id);
            if (!i)
              not_found("region", id, k.suggest_region(id));
            return ref<RegionRef>(k, *i);
          },
          py::arg("id"), "The Region with this id; raises NotFound.")
      .def(
          "finding",
          [](const KnowledgeBase& k, std::string_view id) {
            const auto i = k.find_finding(id);
            if (!i)
              not_found("finding", id, k.suggest_finding(id));
            return ref<FindingRef>(k, *i);
          },
          py::arg("id"), "The Finding with this id; raises NotFound.")
      .def(
          "red_flag",
          [](const KnowledgeBase& k, std::string_view id) {
            const auto i = k.find_red_flag(id);
            if (!i)
              not_found("red flag", id, k.suggest_red_flag(id));
            return ref<RedFlagRef>(k, *i);
          },
          py::arg("id"), "The RedFlag with this id; raises NotFound.")
      .def(
          "muscle",
          [](const KnowledgeBase& k, std::string_view id) {
            const auto i = k.find_muscle(id);
            if (!i)
              not_found("muscle", id, k.suggest_muscle(id));
            return ref<MuscleRef>(k, *i);
          },
          py::arg("id_or_alias"), "The Muscle with this id or alias; raises NotFound.")
      .def(
          "exercise",
          [](const KnowledgeBase& k, std::string_view id) {
            const auto i = k.find_exercise(id);
            if (!i)
              not_found("exercise", id, "");
            return ref<ExerciseRef>(k, *i);
          },
          py::arg("id"), "The Exercise with this id; raises NotFound.")
      .def(
          "citation",
          [](const KnowledgeBase& k, std::string_view key) {
            const auto i = k.find_citation(key);
            if (!i)
              not_found("citation", key, "");
            return ref<CitationRef>(k, *i);
          },
          py::arg("key"), "The Citation with this key; raises NotFound.")
      .def(
          "__eq__",
          [](const KnowledgeBase& a, const py::object& other) -> py::object {
            if (!py::isinstance<KnowledgeBase>(other))
              return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a.hash() == other.cast<const KnowledgeBase&>().hash());
          },
          py::is_operator())
      .def("__hash__", [](const KnowledgeBase& k) { return py::hash(py::str(k.hash())); })
      .def("__copy__", [](const KnowledgeBase& k) { return k; })
      .def(
          "__deepcopy__", [](const KnowledgeBase& k, py::handle) { return k; }, py::arg("memo"))
      .def(py::pickle(
          [](const KnowledgeBase& k) { return py::make_tuple(py::bytes(k.to_json())); },
          [](const py::tuple& state) {
            if (state.size() != 1)
              throw py::value_error("not a pickled myoref.KnowledgeBase");
            return unwrap(KnowledgeBase::from_json(text_of(state[0], "a pickled knowledge base")));
          }))
      .def("__repr__", [](const KnowledgeBase& k) {
        return "<KnowledgeBase " + k.id() + " " + k.version() + ": " +
               std::to_string(k.muscles().size()) + " muscles, " +
               std::to_string(k.regions().size()) + " regions, " +
               std::to_string(k.exercises().size()) + " exercises; hash " + k.hash().substr(0, 12) +
               ">";
      });
}

}  // namespace myoref::python
