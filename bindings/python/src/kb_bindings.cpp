// KnowledgeBase and its records: regions, findings, red flags, the age rule,
// precautions, screens, triage rules, look-alikes, citations, muscles with
// their trigger points, finding weights and protocol, and exercises with their
// doses.
//
// A record class's attributes and to_dict() come from the record's field
// table (myoref/schema.hpp): one attribute per field, named as the field,
// valued by the field's rule (value_of below), documented by the table. A
// field added to a table is an attribute here with no line of its own. What
// is not a field (Region.keys, Muscle.candidates, reprs) is written by hand.
//
// A record object holds a copy of its KnowledgeBase (cheap: copies share one
// immutable model) and an index (or, for a record inside another, a pointer
// into that model), so it stays valid for as long as Python keeps it,
// whatever happens to the KnowledgeBase object it came from.
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
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

/// A record inside another record or the knowledge base itself (a muscle's
/// statements, layer and attachments, a group's member codes, a look-alike's
/// features, the age rule): the knowledge base and where the record is in
/// its model, which lives as long as `kb` does.
template <class T>
struct Part {
  KnowledgeBase kb;
  const T* value = nullptr;
};

// --- A record object's record -------------------------------------------------

const Region& get(const RegionRef& r) {
  return r.kb.regions()[r.index];
}
const Finding& get(const FindingRef& r) {
  return r.kb.findings()[r.index];
}
const RedFlag& get(const RedFlagRef& r) {
  return r.kb.red_flags()[r.index];
}
const Precaution& get(const PrecautionRef& r) {
  return r.kb.precautions()[r.index];
}
const Screen& get(const ScreenRef& r) {
  return r.kb.screens()[r.index];
}
const TriageRule& get(const TriageRuleRef& r) {
  return r.kb.triage_rules()[r.index];
}
const Lookalike& get(const LookalikeRef& r) {
  return r.kb.lookalikes()[r.index];
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
template <class T>
const T& get(const Part<T>& p) {
  return *p.value;
}
/// A Dose refers to nothing in its knowledge base: its Python class is the
/// C++ struct itself (plans give them too).
const Dose& get(const Dose& d) {
  return d;
}

/// The knowledge base a record object came from (an empty one for a Dose,
/// whose fields name nothing in it).
template <class Self>
const KnowledgeBase& kb_of(const Self& self) {
  return self.kb;
}
const KnowledgeBase& kb_of(const Dose& /*dose*/) {
  static const KnowledgeBase kNone;
  return kNone;
}

template <class R>
R ref(const KnowledgeBase& kb, std::size_t index) {
  return R{kb, static_cast<std::uint16_t>(index)};
}

std::vector<std::string> cite_keys(const KnowledgeBase& kb,
                                   const std::vector<CitationIndex>& cite) {
  std::vector<std::string> keys;
  keys.reserve(cite.size());
  for (const CitationIndex c : cite)
    keys.push_back(kb.citations()[c].key);
  return keys;
}

/// The ids of records of one kind, by index.
std::vector<std::string> ids_of(const KnowledgeBase& kb, schema::Ids kind,
                                const std::vector<std::uint16_t>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto i : list)
    out.push_back(kb.id_of(kind, i));
  return out;
}

// --- An attribute's value, by the field's member type and rule ---------------
// The canonical value (as to_dict() gives it), except where Python gives
// more, always for every field of the rule or type:
//   Refs, Ref  a muscle or an exercise is its Muscle or Exercise object; any
//              other kind (regions, findings, red flags, precautions: what an
//              intake names) its id
//   Nested     an object of the nested record's class (Statement, Layer, ...)
//   Each       a list of them
//   Weight     the weight as the model keeps it (to_dict() rounds it)
//   Custom     a muscle's findings, trigger points and protocol are
//              FindingWeight, TriggerPoint and Exercise objects

/// Text, numbers, flags, lists of text (Id, Text, Whole, Flag, Texts,
/// RegionIds, Custom lists): as they are.
template <class Self, class T, class Rule>
py::object value_of(const Self& /*self*/, const T& value, Rule /*rule*/) {
  return py::cast(value);
}
template <class Self, class E, std::enable_if_t<std::is_enum<E>::value, int> = 0>
py::object value_of(const Self& /*self*/, E e, schema::Spelled /*rule*/) {
  return str_of(to_string(e));
}
template <class Self, class E>
py::object value_of(const Self& /*self*/, const std::optional<E>& e, schema::Spelled /*rule*/) {
  return e ? py::object(str_of(to_string(*e))) : py::object(py::none());
}
template <class Self, class E>
py::object value_of(const Self& /*self*/, const std::vector<E>& items, schema::Spelled /*rule*/) {
  py::list out;
  for (const E e : items)
    out.append(str_of(to_string(e)));
  return out;
}
template <class Self>
py::object value_of(const Self& /*self*/, const std::string& code, schema::Code /*rule*/) {
  return str_or_none(code);
}
template <class Self>
py::object value_of(const Self& /*self*/, float weight, schema::Weight /*rule*/) {
  return py::float_(static_cast<double>(weight));
}
template <class Self>
py::object value_of(const Self& self, const std::vector<CitationIndex>& cite,
                    schema::Cite /*rule*/) {
  return py::cast(cite_keys(kb_of(self), cite));
}

/// What a reference of each kind is given as in Python: f(the C++ type,
/// the Python type's name), a Muscle or Exercise object, or the id (str) of
/// anything else. reference() and the stub's reference_type() both ask it.
template <class F>
decltype(auto) with_reference_type(schema::Ids ids, F&& f) {
  switch (ids) {
    case schema::Ids::muscle:
      return f(static_cast<MuscleRef*>(nullptr), "Muscle");
    case schema::Ids::exercise:
      return f(static_cast<ExerciseRef*>(nullptr), "Exercise");
    case schema::Ids::citation:
    case schema::Ids::region:
    case schema::Ids::finding:
    case schema::Ids::red_flag:
    case schema::Ids::precaution:
      break;
  }
  return f(static_cast<std::string*>(nullptr), "str");
}

/// A reference: the Muscle or Exercise object, or the id of anything else.
py::object reference(const KnowledgeBase& kb, schema::Ids ids, std::uint16_t index) {
  return with_reference_type(ids, [&](auto* type, const char* /*name*/) -> py::object {
    using T = std::remove_pointer_t<decltype(type)>;
    if constexpr (std::is_same<T, std::string>::value) {
      return str_of(kb.id_of(ids, index));
    } else {
      return py::cast(ref<T>(kb, index));
    }
  });
}
template <class Self>
py::object value_of(const Self& self, const std::vector<std::uint16_t>& indices,
                    schema::Refs rule) {
  py::list out;
  for (const auto i : indices)
    out.append(reference(kb_of(self), rule.ids, i));
  return out;
}
template <class Self>
py::object value_of(const Self& self, const std::optional<std::uint16_t>& index, schema::Ref rule) {
  return index ? reference(kb_of(self), rule.ids, *index) : py::object(py::none());
}
template <class Self>
py::object value_of(const Self& self, std::uint16_t index, schema::Ref rule) {
  return reference(kb_of(self), rule.ids, index);
}

/// A nested record as an object of its class.
template <class T>
py::object part(const KnowledgeBase& kb, const T& value) {
  return py::cast(Part<T>{kb, &value});
}
py::object part(const KnowledgeBase& /*kb*/, const Dose& dose) {
  return py::cast(dose);
}
template <class Self, class T, class Table>
py::object value_of(const Self& self, const T& value, schema::Nested<Table> /*rule*/) {
  return part(kb_of(self), value);
}
template <class Self, class T, class Table>
py::object value_of(const Self& self, const std::vector<T>& items, schema::Each<Table> /*rule*/) {
  py::list out;
  for (const T& item : items)
    out.append(part(kb_of(self), item));
  return out;
}

// A muscle's Custom fields, by their type.
py::object value_of(const MuscleRef& r, const std::vector<FindingWeight>& weights,
                    schema::Custom /*rule*/) {
  py::list out;
  for (std::size_t i = 0; i < weights.size(); ++i)
    out.append(FindingWeightRef{r.kb, r.index, static_cast<std::uint16_t>(i)});
  return out;
}
py::object value_of(const MuscleRef& r, const std::vector<TriggerPoint>& trigger_points,
                    schema::Custom /*rule*/) {
  py::list out;
  for (std::size_t i = 0; i < trigger_points.size(); ++i)
    out.append(TriggerPointRef{r.kb, r.index, static_cast<std::uint16_t>(i)});
  return out;
}
py::object value_of(const MuscleRef& r, const std::vector<ExerciseIndex> (&protocol)[kStepCount],
                    schema::Custom /*rule*/) {
  py::dict out;
  for (int s = 0; s < kStepCount; ++s) {
    py::list list;
    for (const ExerciseIndex e : protocol[s])
      list.append(ref<ExerciseRef>(r.kb, e));
    out[str_of(to_string(static_cast<Step>(s)))] = list;
  }
  return out;
}

// --- A record as a dict, by its field table ------------------------------------
// The same keys, in the same order, with the same values as the canonical
// writer's (src/kb/kb_writer.cpp).

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
    ids.append(str_of(kb.id_of(rule.ids, i)));
  out[key] = ids;
}
void put(const KnowledgeBase& kb, py::dict& out, const char* key,
         const std::optional<std::uint16_t>& index, schema::Ref rule) {
  out[key] = index ? py::object(str_of(kb.id_of(rule.ids, *index))) : py::object(py::none());
}
void put(const KnowledgeBase& kb, py::dict& out, const char* key, std::uint16_t index,
         schema::Ref rule) {
  out[key] = str_of(kb.id_of(rule.ids, index));
}
void put(const KnowledgeBase& kb, py::dict& out, const char* key,
         const std::vector<CitationIndex>& cite, schema::Cite /*rule*/) {
  out[key] = cite_keys(kb, cite);
}
void put(const KnowledgeBase& /*kb*/, py::dict& out, const char* key, const std::string& code,
         schema::Code /*rule*/) {
  out[key] = str_or_none(code);
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
void put(const KnowledgeBase& kb, py::dict& out, const char* key, const std::vector<Record>& items,
         schema::Each<Table> rule) {
  if (rule.written == schema::Written::if_any && items.empty())
    return;
  py::list list;
  for (const Record& r : items)
    list.append(record_dict(kb, r, *rule.fields));
  out[key] = list;
}

template <class Record, class Table>
py::dict record_dict(const KnowledgeBase& kb, const Record& r, const Table& table) {
  py::dict out;
  schema::for_each_field(table, [&](const auto& f) {
    using F = std::decay_t<decltype(f)>;
    const std::string key(f.name);
    if constexpr (std::is_void<typename F::member_type>::value) {
      out[key.c_str()] = record_dict(kb, r, *f.fields);  // a group: more fields of r
    } else {
      put(kb, out, key.c_str(), r.*(f.member), f.rule);
    }
  });
  return out;
}

// --- A record class from its table ---------------------------------------------

/// A read-only attribute on `cls` for each field of `table` (a group's fields
/// too: a muscle's "codes" are its fma, uberon and parts), named as the
/// field, valued by value_of, with the field's doc as its docstring.
template <class Self, class Table>
void field_attributes(py::class_<Self>& cls, const Table& table) {
  schema::for_each_field(table, [&cls](const auto& f) {
    using F = std::decay_t<decltype(f)>;
    if constexpr (std::is_void<typename F::member_type>::value) {
      field_attributes(cls, *f.fields);
    } else {
      const std::string name(f.name);
      const std::string doc(f.doc);
      cls.def_property_readonly(
          name.c_str(),
          [f](const Self& self) { return value_of(self, get(self).*(f.member), f.rule); },
          doc.c_str());
    }
  });
}

/// The attributes of field_attributes and to_dict(), the record's canonical
/// JSON object as a plain dict.
template <class Self, class Table>
void table_record(py::class_<Self>& cls, const Table& table, const char* what) {
  field_attributes(cls, table);
  cls.def(
      "to_dict", [t = &table](const Self& self) { return record_dict(kb_of(self), get(self), *t); },
      (std::string("The ") + what + " as its canonical JSON object, a plain dict.").c_str());
}

// --- An attribute's Python type, for the stub ------------------------------------
// The type of value_of's value, by the same member types and rules (its
// comment above), as the stub bindings/python/myoref/_core.pyi writes it:
// tools/python_stub.py writes the stub's table-driven attributes from these.

template <class T>
struct Of {};

/// The classes whose attributes come from a table, with their tables: f(name,
/// table) for each (myoref._core._schema_fields, class_name).
template <class F>
void each_table_class(F&& f) {
  f("Statement", schema::kStatement);
  f("Layer", schema::kLayer);
  f("Attachments", schema::kAttachments);
  f("MemberCodes", schema::kMemberCodes);
  f("AgeRule", schema::kAgeRule);
  f("LookalikeFeatures", schema::kLookalikeFeatures);
  f("Dose", schema::kDose);
  f("Citation", schema::kCitation);
  f("Region", schema::kRegion);
  f("Finding", schema::kFinding);
  f("RedFlag", schema::kRedFlag);
  f("Precaution", schema::kPrecaution);
  f("Screen", schema::kScreen);
  f("TriageRule", schema::kTriageRule);
  f("Lookalike", schema::kLookalike);
  f("TriggerPoint", schema::kTriggerPoint);
  f("FindingWeight", schema::kFindingWeight);
  f("Exercise", schema::kExercise);
  f("Muscle", schema::kMuscle);
}

/// The class of a nested table's records.
template <class Table>
std::string class_name(const Table* fields) {
  std::string out;
  each_table_class([&out, fields](const char* name, const auto& table) {
    if (static_cast<const void*>(&table) == static_cast<const void*>(fields))
      out = name;
  });
  if (out.empty())
    throw std::logic_error("a nested table with no class in each_table_class");
  return out;
}

/// A value as it is (py::cast), by its C++ type.
std::string plain_type(Of<std::string> /*type*/) {
  return "str";
}
std::string plain_type(Of<bool> /*type*/) {
  return "bool";
}
template <class T, std::enable_if_t<std::is_integral<T>::value, int> = 0>
std::string plain_type(Of<T> /*type*/) {
  return "int";
}
template <class T, std::enable_if_t<std::is_floating_point<T>::value, int> = 0>
std::string plain_type(Of<T> /*type*/) {
  return "float";
}
template <class T>
std::string plain_type(Of<std::optional<T>> /*type*/) {
  return plain_type(Of<T>{}) + " | None";
}
template <class T>
std::string plain_type(Of<std::vector<T>> /*type*/) {
  return "list[" + plain_type(Of<T>{}) + "]";
}

/// What `reference` gives for a kind of record.
std::string reference_type(schema::Ids ids) {
  return with_reference_type(ids,
                             [](auto* /*type*/, const char* name) { return std::string(name); });
}

template <class T, class Rule>
std::string type_of(Of<T> type, Rule /*rule*/) {
  return plain_type(type);
}
template <class E, std::enable_if_t<std::is_enum<E>::value, int> = 0>
std::string type_of(Of<E> /*type*/, schema::Spelled /*rule*/) {
  return "str";
}
template <class E>
std::string type_of(Of<std::optional<E>> /*type*/, schema::Spelled /*rule*/) {
  return "str | None";
}
template <class E>
std::string type_of(Of<std::vector<E>> /*type*/, schema::Spelled /*rule*/) {
  return "list[str]";
}
std::string type_of(Of<std::string> /*type*/, schema::Code /*rule*/) {
  return "str | None";
}
std::string type_of(Of<float> /*type*/, schema::Weight /*rule*/) {
  return "float";
}
std::string type_of(Of<std::vector<CitationIndex>> /*type*/, schema::Cite /*rule*/) {
  return "list[str]";
}
std::string type_of(Of<std::vector<std::uint16_t>> /*type*/, schema::Refs rule) {
  return "list[" + reference_type(rule.ids) + "]";
}
std::string type_of(Of<std::optional<std::uint16_t>> /*type*/, schema::Ref rule) {
  return reference_type(rule.ids) + " | None";
}
std::string type_of(Of<std::uint16_t> /*type*/, schema::Ref rule) {
  return reference_type(rule.ids);
}
template <class T, class Table>
std::string type_of(Of<T> /*type*/, schema::Nested<Table> rule) {
  return class_name(rule.fields);
}
template <class T, class Table>
std::string type_of(Of<std::vector<T>> /*type*/, schema::Each<Table> rule) {
  return "list[" + class_name(rule.fields) + "]";
}
std::string type_of(Of<std::vector<FindingWeight>> /*type*/, schema::Custom /*rule*/) {
  return "list[FindingWeight]";
}
std::string type_of(Of<std::vector<TriggerPoint>> /*type*/, schema::Custom /*rule*/) {
  return "list[TriggerPoint]";
}
std::string type_of(Of<std::vector<ExerciseIndex>[kStepCount]> /*type*/, schema::Custom /*rule*/) {
  return "dict[str, list[Exercise]]";
}

/// Each field of a table (a group's in its place), the attributes that
/// field_attributes defines, with its Python type: {name: type}.
template <class Table>
void field_types(const Table& table, py::dict& out) {
  schema::for_each_field(table, [&out](const auto& f) {
    using F = std::decay_t<decltype(f)>;
    if constexpr (std::is_void<typename F::member_type>::value) {
      field_types(*f.fields, out);
    } else {
      out[str_of(f.name)] = type_of(Of<typename F::member_type>{}, f.rule);
    }
  });
}

// --- Hand-written helpers --------------------------------------------------------

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

std::string list_repr(const std::vector<std::string>& items) {
  return std::string(py::repr(py::cast(items)));
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

/// The getter of kb.<kind>: every record of a kind (KnowledgeBase::<list>), as
/// a Catalog looked up by kb.<one>(id).
template <class R, class T>
auto records(gsl::span<const T> (KnowledgeBase::*list)() const noexcept, const char* kind,
             const char* one) {
  return [list, kind, one](const py::object& self) {
    const auto& k = self.cast<const KnowledgeBase&>();
    const std::size_t count = (k.*list)().size();
    py::list items;
    for (std::size_t i = 0; i < count; ++i)
      items.append(ref<R>(k, i));
    return catalog(kind, items, self.attr(one));
  };
}

/// kb.<one>(id) for a kind the knowledge base looks up (KnowledgeBase::<find>),
/// raising NotFound with its closest id (KnowledgeBase::<suggest>).
template <class R, class Find, class Suggest>
auto lookup(Find find, Suggest suggest, const char* what) {
  return [find, suggest, what](const KnowledgeBase& k, std::string_view id) {
    const auto i = (k.*find)(id);
    if (!i)
      not_found(what, id, (k.*suggest)(id));
    return ref<R>(k, *i);
  };
}

/// kb.<one>(id) for a kind with no lookup of its own: a linear search.
template <class R, class Items>
R by_id(const KnowledgeBase& k, const Items& items, std::string_view id, const char* what) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id)
      return ref<R>(k, i);
  }
  not_found(what, id, "");
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
  // --- Records inside others -------------------------------------------------
  auto statement = py::class_<Part<Statement>>(m, "Statement", R"doc(
A clinical statement in the knowledge base's words, with the keys of the
citations behind it (look them up with ``kb.citations[key]``). ``str()`` gives
the text.)doc");
  table_record(statement, schema::kStatement, "statement");
  statement.def("__str__", [](const Part<Statement>& s) { return s.value->text; })
      .def("__repr__", [](const Part<Statement>& s) {
        std::string keys;
        for (const auto& k : cite_keys(s.kb, s.value->cite))
          keys += (keys.empty() ? "" : ", ") + k;
        return "<Statement " + quote(shortened(s.value->text, 60)) + " [" + keys + "]>";
      });

  auto layer = py::class_<Part<Layer>>(
      m, "Layer", "What lies over (superficial to) and under (deep to) a muscle.");
  table_record(layer, schema::kLayer, "layer");
  layer.def("__repr__", [](const Part<Layer>& l) {
    return "<Layer over=" + list_repr(l.value->over) + " under=" + list_repr(l.value->under) + ">";
  });

  auto attachments = py::class_<Part<Attachments>>(
      m, "Attachments", "Where a muscle starts (origin) and ends (insertion).");
  table_record(attachments, schema::kAttachments, "attachments");
  attachments.def("__repr__", [](const Part<Attachments>& a) {
    return "<Attachments origin=" + quote(shortened(a.value->origin, 40)) +
           " insertion=" + quote(shortened(a.value->insertion, 40)) + ">";
  });

  auto member_codes = py::class_<Part<MemberCodes>>(m, "MemberCodes", R"doc(
The ontology codes of one member of a muscle that groups several (the
obliques, the medial hamstrings): the ontologies name each member, not the
group.)doc");
  table_record(member_codes, schema::kMemberCodes, "member's codes");
  member_codes.def("__repr__", [](const Part<MemberCodes>& c) {
    return "<MemberCodes fma=" + std::string(py::repr(str_or_none(c.value->fma))) +
           " uberon=" + std::string(py::repr(str_or_none(c.value->uberon))) + ">";
  });

  auto age_rule = py::class_<Part<AgeRule>>(m, "AgeRule", R"doc(
The age rule of triage: new pain (lasting at most ``max_duration_days``) in
someone younger than ``younger_than`` or older than ``older_than`` raises triage
to ``level``.)doc");
  table_record(age_rule, schema::kAgeRule, "age rule");
  age_rule.def("__repr__", [](const Part<AgeRule>& r) {
    const AgeRule& a = *r.value;
    return "<AgeRule " + std::string(to_string(a.level)) + " when age < " +
           std::to_string(a.younger_than) + " or > " + std::to_string(a.older_than) +
           " and pain <= " + std::to_string(a.max_duration_days) + " days>";
  });

  auto features = py::class_<Part<LookalikeFeatures>>(m, "LookalikeFeatures", R"doc(
What makes a look-alike match an intake: every condition given must hold; an
age or duration the intake does not give never rules it out.)doc");
  table_record(features, schema::kLookalikeFeatures, "features");
  features.def("__repr__", [](const Part<LookalikeFeatures>& f) {
    return "<LookalikeFeatures regions=" + list_repr(f.value->region_ids) +
           " findings=" + list_repr(ids_of(f.kb, schema::Ids::finding, f.value->findings)) + ">";
  });

  auto dose = py::class_<Dose>(m, "Dose", R"doc(
How much of an exercise to do. Unset numbers are None; ``str()`` gives the dose
in words ("3 sets of 10 repetitions, each side, daily").)doc");
  table_record(dose, schema::kDose, "dose");
  dose.def("__str__", &Dose::to_string).def("__repr__", [](const Dose& d) {
    return "<Dose " + quote(d.to_string()) + ">";
  });

  // --- Records by index ------------------------------------------------------
  auto citation = py::class_<CitationRef>(m, "Citation", "A reference behind clinical statements.");
  table_record(citation, schema::kCitation, "citation");
  citation.def("__str__", [](const CitationRef& r) { return get(r).text; })
      .def("__repr__", [](const CitationRef& r) {
        return "<Citation " + get(r).key + ": " + quote(shortened(get(r).text, 60)) + ">";
      });
  comparable<CitationRef>(citation);

  auto region = py::class_<RegionRef>(m, "Region", R"doc(
A region of the body chart. A paired region has a left and a right region key
(``"buttock_upper:left"``), a midline one a single key (``"sacrum"``).)doc");
  table_record(region, schema::kRegion, "region");
  region
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
  comparable<RegionRef>(region);

  auto finding = py::class_<FindingRef>(m, "Finding", R"doc(
Something a person can confirm or deny ("Does walking bring on the pain?"); its
id goes in an intake's ``findings`` or ``denied`` list.)doc");
  table_record(finding, schema::kFinding, "finding");
  finding.def("__repr__", [](const FindingRef& r) {
    return "<Finding " + get(r).id + " " + quote(get(r).what) + ">";
  });
  comparable<FindingRef>(finding);

  auto red_flag = py::class_<RedFlagRef>(m, "RedFlag", R"doc(
A sign that self-care is the wrong path; its id goes in an intake's
``red_flags`` list. ``level`` is the triage level it raises to.)doc");
  table_record(red_flag, schema::kRedFlag, "red flag");
  red_flag.def("__repr__", [](const RedFlagRef& r) {
    return "<RedFlag " + get(r).id + " " + std::string(to_string(get(r).level)) + ">";
  });
  comparable<RedFlagRef>(red_flag);

  auto precaution = py::class_<PrecautionRef>(m, "Precaution", R"doc(
Something a person brings to the exercises (blood thinners, pregnancy, ...):
it rules some exercises out (``Exercise.ruled_out_by``) and changes how others
are done. Its id goes in an intake's ``precautions`` list.)doc");
  table_record(precaution, schema::kPrecaution, "precaution");
  precaution.def("__repr__", [](const PrecautionRef& r) {
    return "<Precaution " + get(r).id + " " + quote(get(r).name) + ">";
  });
  comparable<PrecautionRef>(precaution);

  auto screen = py::class_<ScreenRef>(m, "Screen", R"doc(
Which red-flag questions a pain drawing opens: those of ``red_flags``, when a
drawn region is one of ``regions`` or a finding of ``findings`` is confirmed,
and age, sex and onset do not rule it out (docs/safety.md, "Screens").)doc");
  table_record(screen, schema::kScreen, "screen");
  screen.def("__repr__", [](const ScreenRef& r) {
    return "<Screen " + get(r).id + " " + quote(shortened(get(r).area, 60)) + ">";
  });
  comparable<ScreenRef>(screen);

  auto triage_rule = py::class_<TriageRuleRef>(m, "TriageRule", R"doc(
A triage rule that needs no red-flag answer (under 16, a fall, ...): the
knowledge base gives its words and sources, the library knows when it applies
(docs/safety.md, "Rules").)doc");
  table_record(triage_rule, schema::kTriageRule, "triage rule");
  triage_rule.def("__repr__", [](const TriageRuleRef& r) {
    return "<TriageRule " + get(r).id + " " + std::string(to_string(get(r).level)) + ">";
  });
  comparable<TriageRuleRef>(triage_rule);

  auto lookalike = py::class_<LookalikeRef>(m, "Lookalike", R"doc(
A non-muscular explanation an assessment names beside the muscles when its
``features`` match (``also_consider``); never a diagnosis.)doc");
  table_record(lookalike, schema::kLookalike, "look-alike");
  lookalike.def("__repr__", [](const LookalikeRef& r) {
    return "<Lookalike " + get(r).id + " " + quote(shortened(get(r).name, 60)) + ">";
  });
  comparable<LookalikeRef>(lookalike);

  auto trigger_point = py::class_<TriggerPointRef>(m, "TriggerPoint", R"doc(
A trigger point of a muscle and where it refers pain: the essential zone
(where referred pain nearly always appears) and the spillover zone (where it
appears in some people), as region ids. ``side`` says on which side of the
body the zones are, relative to the muscle: "same", "opposite", "both" or
"midline".)doc");
  table_record(trigger_point, schema::kTriggerPoint, "trigger point");
  trigger_point
      .def_property_readonly(
          "muscle", [](const TriggerPointRef& r) { return ref<MuscleRef>(r.kb, r.muscle); },
          "The muscle it belongs to.")
      .def("__repr__", [](const TriggerPointRef& r) {
        const TriggerPoint& t = get(r);
        return "<TriggerPoint " + r.kb.muscles()[r.muscle].id + "/" + t.id + ": essential " +
               list_repr(ids_of(r.kb, schema::Ids::region, t.essential)) + ", spillover " +
               list_repr(ids_of(r.kb, schema::Ids::region, t.spillover)) + ">";
      });
  comparable<TriggerPointRef>(trigger_point);

  auto finding_weight = py::class_<FindingWeightRef>(m, "FindingWeight", R"doc(
A finding that counts for (``weight`` > 0) or against (``weight`` < 0) a muscle.)doc");
  table_record(finding_weight, schema::kFindingWeight, "weight");
  finding_weight
      .def_property_readonly(
          "finding",
          [](const FindingWeightRef& r) { return ref<FindingRef>(r.kb, get(r).finding); },
          "The Finding.")
      .def("__repr__", [](const FindingWeightRef& r) {
        return "<FindingWeight " + r.kb.findings()[get(r).finding].id + " " +
               std::string(py::repr(py::float_(static_cast<double>(get(r).weight)))) + ">";
      });
  comparable<FindingWeightRef>(finding_weight);

  auto exercise = py::class_<ExerciseRef>(m, "Exercise", R"doc(
An exercise of one protocol step ("release", "stretch" or "strengthen") with its
dose, instructions, cues, cautions, and easier (``regression``) and harder
(``progression``) variants.)doc");
  table_record(exercise, schema::kExercise, "exercise");
  exercise.def("__repr__", [](const ExerciseRef& r) {
    return "<Exercise " + get(r).id + " (" + std::string(to_string(get(r).step)) + ") " +
           quote(get(r).name) + ", " + get(r).dose.to_string() + ">";
  });
  comparable<ExerciseRef>(exercise);

  auto muscle = py::class_<MuscleRef>(m, "Muscle", R"doc(
A muscle and everything the knowledge base says about it: names, anatomy,
actions, what loads it, symptoms, the findings that count for or against it,
trigger points with their referral zones, related muscles to check next, and
the exercises of its release -> stretch -> strengthen protocol.

In Jupyter a Muscle shows as a picture of its referral pattern (the left side,
or the midline for a midline muscle); ``render()`` draws either side.)doc");
  // Its attributes by its table; its to_dict() is its to_json(), with its exercises.
  field_attributes(muscle, schema::kMuscle);
  muscle
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

  // Every table-driven class's fields with their Python types, {class: {field:
  // type}} in the tables' order: for the tests that check each is an attribute
  // (tests/python/test_kb.py) and for tools/python_stub.py, which writes them
  // into the stub.
  m.def("_schema_fields", []() {
    py::dict out;
    each_table_class([&out](const char* name, const auto& table) {
      py::dict fields;
      field_types(table, fields);
      out[name] = fields;
    });
    return out;
  });

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
      .def_property_readonly("regions",
                             records<RegionRef>(&KnowledgeBase::regions, "regions", "region"),
                             "Every Region, as a Catalog (by position or by id).")
      .def_property_readonly("findings",
                             records<FindingRef>(&KnowledgeBase::findings, "findings", "finding"),
                             "Every Finding, as a Catalog.")
      .def_property_readonly(
          "red_flags", records<RedFlagRef>(&KnowledgeBase::red_flags, "red flags", "red_flag"),
          "Every RedFlag, as a Catalog.")
      .def_property_readonly(
          "precautions",
          records<PrecautionRef>(&KnowledgeBase::precautions, "precautions", "precaution"),
          "Every Precaution, as a Catalog.")
      .def_property_readonly("screens",
                             records<ScreenRef>(&KnowledgeBase::screens, "screens", "screen"),
                             "Every Screen, as a Catalog.")
      .def_property_readonly(
          "triage_rules",
          records<TriageRuleRef>(&KnowledgeBase::triage_rules, "triage rules", "triage_rule"),
          "Every TriageRule, as a Catalog.")
      .def_property_readonly(
          "lookalikes",
          records<LookalikeRef>(&KnowledgeBase::lookalikes, "look-alikes", "lookalike"),
          "Every Lookalike, as a Catalog.")
      .def_property_readonly("muscles",
                             records<MuscleRef>(&KnowledgeBase::muscles, "muscles", "muscle"),
                             "Every Muscle, as a Catalog (by position, id or alias).")
      .def_property_readonly(
          "exercises", records<ExerciseRef>(&KnowledgeBase::exercises, "exercises", "exercise"),
          "Every Exercise, as a Catalog.")
      .def_property_readonly(
          "citations", records<CitationRef>(&KnowledgeBase::citations, "citations", "citation"),
          "Every Citation, as a Catalog (by position or key).")
      .def_property_readonly(
          "age_rule",
          [](const KnowledgeBase& k) {
            return Part<AgeRule>{k, &k.age_rule()};
          },
          "The AgeRule of triage.")
      .def("region",
           lookup<RegionRef>(&KnowledgeBase::find_region, &KnowledgeBase::suggest_region, "region"),
           py::arg("id"), "The Region with this id; raises NotFound.")
      .def("finding",
           lookup<FindingRef>(&KnowledgeBase::find_finding, &KnowledgeBase::suggest_finding,
                              "finding"),
           py::arg("id"), "The Finding with this id; raises NotFound.")
      .def("red_flag",
           lookup<RedFlagRef>(&KnowledgeBase::find_red_flag, &KnowledgeBase::suggest_red_flag,
                              "red flag"),
           py::arg("id"), "The RedFlag with this id; raises NotFound.")
      .def("precaution",
           lookup<PrecautionRef>(&KnowledgeBase::find_precaution,
                                 &KnowledgeBase::suggest_precaution, "precaution"),
           py::arg("id"), "The Precaution with this id; raises NotFound.")
      .def(
          "screen",
          [](const KnowledgeBase& k, std::string_view id) {
            return by_id<ScreenRef>(k, k.screens(), id, "screen");
          },
          py::arg("id"), "The Screen with this id; raises NotFound.")
      .def(
          "triage_rule",
          [](const KnowledgeBase& k, std::string_view id) {
            return by_id<TriageRuleRef>(k, k.triage_rules(), id, "triage rule");
          },
          py::arg("id"), "The TriageRule with this id; raises NotFound.")
      .def(
          "lookalike",
          [](const KnowledgeBase& k, std::string_view id) {
            return by_id<LookalikeRef>(k, k.lookalikes(), id, "look-alike");
          },
          py::arg("id"), "The Lookalike with this id; raises NotFound.")
      .def("muscle",
           lookup<MuscleRef>(&KnowledgeBase::find_muscle, &KnowledgeBase::suggest_muscle, "muscle"),
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
