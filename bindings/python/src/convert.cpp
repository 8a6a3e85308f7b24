// Errors and conversions between Python objects and the C++ API's types.
#include <climits>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common.hpp"

namespace myoref::python {
namespace {

/// Sets (does not raise) the Python exception for `error`.
void set_error(const Error& error) {
  const py::module_ errors = py::module_::import("myoref.errors");
  const std::string_view code = to_string(error.code());
  const py::object cls = errors.attr("error_class")(str_of(code));
  const py::object diagnostic = errors.attr("Diagnostic");
  py::list diagnostics;
  for (const Diagnostic& d : error.diagnostics()) {
    diagnostics.append(diagnostic(str_of(d.path), str_of(d.message)));
  }
  const py::object exc = cls(str_of(error.message()), str_of(code), diagnostics);
  PyErr_SetObject(cls.ptr(), exc.ptr());
}

/// Module-level callables looked up once and kept for the life of the
/// process (deliberately never released: the interpreter may be gone by the
/// time static destructors run).
py::handle cached(const char* module, const char* name, py::object*& slot) {
  if (slot == nullptr) {
    slot = new py::object(
        py::module_::import(module).attr(name));  // NOLINT(cppcoreguidelines-owning-memory)
  }
  return *slot;
}

py::object* g_json_loads = nullptr;
py::object* g_json_dumps = nullptr;
py::object* g_json_default = nullptr;
py::object* g_mapping = nullptr;
py::object* g_without_missing = nullptr;

// --- The direct route from a dict to an Intake ------------------------------
// It accepts only what is unambiguous (the right Python types, known ids) and
// reports nothing: anything else goes the JSON route, whose reader owns every
// rule and every message.

bool as_int(py::handle obj, int& out) {
  if (!PyLong_Check(obj.ptr()) || PyBool_Check(obj.ptr()))
    return false;
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(obj.ptr(), &overflow);
  if (overflow != 0 || v < INT_MIN || v > INT_MAX)
    return false;
  if (v == -1 && PyErr_Occurred() != nullptr) {
    PyErr_Clear();
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

bool as_text(py::handle obj, std::string_view& out) {
  if (!PyUnicode_Check(obj.ptr()))
    return false;
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
  if (data == nullptr) {  // lone surrogates: let the JSON route report it
    PyErr_Clear();
    return false;
  }
  out = std::string_view(data, static_cast<std::size_t>(size));
  return true;
}

/// Calls f(item) for each element of a list or tuple; false if `obj` is
/// neither or f refuses an element.
template <class F>
bool each_item(py::handle obj, F&& f) {
  if (PyList_Check(obj.ptr())) {
    for (const py::handle item : py::reinterpret_borrow<py::list>(obj)) {
      if (!f(item))
        return false;
    }
    return true;
  }
  if (PyTuple_Check(obj.ptr())) {
    for (const py::handle item : py::reinterpret_borrow<py::tuple>(obj)) {
      if (!f(item))
        return false;
    }
    return true;
  }
  return false;
}

template <class Index, class Find>
bool read_ids(py::handle obj, std::vector<Index>& out, Find&& find) {
  return each_item(obj, [&](py::handle item) {
    std::string_view id;
    if (!as_text(item, id))
      return false;
    const std::optional<Index> index = find(id);
    if (!index)
      return false;
    out.push_back(*index);
    return true;
  });
}

bool read_mark(const KnowledgeBase& kb, py::handle obj, Intake& intake) {
  if (!PyDict_Check(obj.ptr()))
    return false;
  std::optional<RegionIndex> region;
  std::optional<Side> side;
  std::optional<int> intensity;
  for (const auto& [name, value] : py::reinterpret_borrow<py::dict>(obj)) {
    std::string_view key;
    if (!as_text(name, key))
      return false;
    std::string_view text;
    int number = 0;
    if (key == "region") {
      if (!as_text(value, text) || !(region = kb.find_region(text)))
        return false;
    } else if (key == "side") {
      if (!as_text(value, text) || !(side = parse_side(text)) || *side == Side::none)
        return false;
    } else if (key == "intensity") {
      if (!as_int(value, number))
        return false;
      intensity = number;
    } else {
      return false;
    }
  }
  if (!region || !intensity)
    return false;
  // The side rule is find_region_key's (none for a midline region, one for a
  // paired region); anything else goes to the full reader for its message.
  const std::optional<RegionKeyIndex> key = kb.find_region_key(*region, side.value_or(Side::none));
  if (!key)
    return false;
  intake.pain.push_back(PainMark{*key, *intensity});
  return true;
}

bool read_intake_dict(const KnowledgeBase& kb, const py::dict& dict, Intake& intake) {
  for (const auto& [name, value] : dict) {
    std::string_view key;
    if (!as_text(name, key))
      return false;
    int number = 0;
    std::string_view text;
    bool ok = false;
    if (key == "pain") {
      ok = each_item(value, [&](py::handle mark) { return read_mark(kb, mark, intake); });
    } else if (key == "findings") {
      ok = read_ids(value, intake.findings,
                    [&](std::string_view id) { return kb.find_finding(id); });
    } else if (key == "denied") {
      ok = read_ids(value, intake.denied, [&](std::string_view id) { return kb.find_finding(id); });
    } else if (key == "red_flags") {
      ok = read_ids(value, intake.red_flags,
                    [&](std::string_view id) { return kb.find_red_flag(id); });
    } else if (key == "red_flags_denied") {
      ok = read_ids(value, intake.red_flags_denied,
                    [&](std::string_view id) { return kb.find_red_flag(id); });
    } else if (key == "precautions") {
      ok = read_ids(value, intake.precautions,
                    [&](std::string_view id) { return kb.find_precaution(id); });
    } else if (key == "sex") {
      ok = as_text(value, text) && (intake.sex = parse_sex(text)).has_value();
    } else if (key == "age") {
      ok = as_int(value, number);
      intake.age = number;
    } else if (key == "duration_days") {
      ok = as_int(value, number);
      intake.duration_days = number;
    } else if (key == "onset") {
      ok = as_text(value, text) && (intake.onset = parse_onset(text)).has_value();
    }
    if (!ok)
      return false;
  }
  return true;
}

}  // namespace

void raise_error(const Error& error) {
  set_error(error);
  throw py::error_already_set();
}

void raise_error(ErrorCode code, std::string message, std::string path, std::string detail) {
  std::vector<Diagnostic> diagnostics;
  if (!detail.empty())
    diagnostics.push_back(Diagnostic{std::move(path), std::move(detail)});
  raise_error(Error(code, std::move(message), std::move(diagnostics)));
}

void register_exception_translator() {
  // pybind11 takes a translator of exactly void(std::exception_ptr).
  // NOLINTNEXTLINE(performance-unnecessary-value-param)
  py::register_exception_translator([](std::exception_ptr p) {
    if (!p)
      return;
    try {
      std::rethrow_exception(p);
    } catch (const py::error_already_set&) {
      throw;
    } catch (const py::cast_error& e) {
      // pybind11 reports a failed conversion as RuntimeError; to Python it is
      // a value of the wrong type.
      PyErr_SetString(PyExc_TypeError, e.what());
    } catch (const py::builtin_exception&) {
      throw;
    } catch (const std::bad_alloc&) {
      set_error(Error(ErrorCode::out_of_memory, "myoref ran out of memory"));
    } catch (const std::exception& e) {
      set_error(Error(ErrorCode::internal, std::string("internal error in myoref: ") + e.what()));
    }
  });
}

std::string_view text_of(py::handle obj, const char* what) {
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data == nullptr)
      throw py::error_already_set();
    return {data, static_cast<std::size_t>(size)};
  }
  if (PyBytes_Check(obj.ptr())) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_AsStringAndSize(obj.ptr(), &data, &size) != 0)
      throw py::error_already_set();
    return {data, static_cast<std::size_t>(size)};
  }
  throw py::type_error(std::string(what) + " must be JSON text (str or bytes), not " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

std::string document_text(py::handle obj, const char* what) {
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()))
    return std::string(text_of(obj, what));
  if (PyDict_Check(obj.ptr()))
    return json_dumps(obj, what);
  throw py::type_error(std::string(what) + " is a dict or JSON text (str or bytes), not " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

py::object json_loads(std::string_view text) {
  return cached("json", "loads", g_json_loads)(str_of(text));
}

std::string json_dumps(py::handle obj, const char* what) {
  const py::handle dumps = cached("json", "dumps", g_json_dumps);
  const py::handle fallback = cached("myoref._display", "json_default", g_json_default);
  try {
    const py::object text = dumps(obj, py::arg("default") = fallback, py::arg("allow_nan") = false,
                                  py::arg("ensure_ascii") = false);
    return text.cast<std::string>();
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_TypeError) && !e.matches(PyExc_ValueError) &&
        !e.matches(PyExc_RecursionError)) {
      throw;
    }
    const std::string why = py::str(e.value());
    raise_error(ErrorCode::invalid_input, std::string(what) + " is not valid", "",
                "cannot be read as JSON: " + why);
  }
}

py::object str_or_none(std::string_view text) {
  if (text.empty())
    return py::none();
  return str_of(text);
}

Intake intake_from_python(const KnowledgeBase& kb, py::handle obj) {
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr())) {
    return unwrap(parse_intake(kb, text_of(obj, "intake")));
  }
  py::dict dict;
  if (PyDict_Check(obj.ptr())) {
    dict = py::reinterpret_borrow<py::dict>(obj);
  } else if (py::isinstance(obj, cached("collections.abc", "Mapping", g_mapping))) {
    dict = py::dict(py::reinterpret_borrow<py::object>(obj));
  } else {
    throw py::type_error("an intake is a dict or JSON text (str or bytes), not " +
                         std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
  }
  Intake intake;
  if (read_intake_dict(kb, dict, intake) && validate_intake(kb, intake))
    return intake;
  // NaN and pandas.NA: "not given" in an optional field, an error with its
  // path elsewhere (myoref/_missing.py), before JSON, which has no NaN.
  const py::object cleaned =
      cached("myoref._missing", "intake_without_missing", g_without_missing)(dict);
  return unwrap(parse_intake(kb, json_dumps(cleaned, "intake")));
}

CandidateIndex candidate_from_python(const KnowledgeBase& kb, std::string_view key_or_muscle,
                                     const py::object& side) {
  if (side.is_none()) {
    if (const auto c = kb.find_candidate(key_or_muscle))
      return *c;
  }
  const std::optional<MuscleIndex> muscle = kb.find_muscle(key_or_muscle);
  if (!muscle) {
    const std::string suggestion = kb.suggest_muscle(key_or_muscle);
    raise_error(ErrorCode::not_found, "no such muscle or candidate: " + std::string(key_or_muscle),
                "", suggestion.empty() ? std::string() : "did you mean \"" + suggestion + "\"?");
  }
  const bool midline = kb.muscles()[*muscle].midline;
  Side s = midline ? Side::none : Side::left;
  if (!side.is_none()) {
    const std::string text = py::str(side);
    const std::optional<Side> parsed = parse_side(text);
    if (!parsed || (*parsed == Side::none) != midline) {
      raise_error(ErrorCode::invalid_argument, "side is not valid", "",
                  midline ? kb.muscles()[*muscle].id + " is a midline muscle: side must be None"
                          : "side must be \"left\" or \"right\", not \"" + text + "\"");
    }
    s = *parsed;
  }
  const std::optional<CandidateIndex> c = kb.find_candidate(*muscle, s);
  if (!c)
    raise_error(ErrorCode::not_found, "no such candidate: " + std::string(key_or_muscle));
  return *c;
}

namespace {

int int_option(py::handle value, const std::string& name) {
  int number = 0;
  if (!as_int(value, number))
    throw py::type_error(name + " must be an int");
  return number;
}

bool bool_option(py::handle value, const std::string& name) {
  if (!PyBool_Check(value.ptr()))
    throw py::type_error(name + " must be a bool");
  return value.ptr() == Py_True;
}

std::string text_option(py::handle value, const std::string& name) {
  std::string_view text;
  if (!as_text(value, text))
    throw py::type_error(name + " must be a str");
  return std::string(text);
}

}  // namespace

RenderOptions render_options(const py::kwargs& kwargs) {
  RenderOptions o;
  for (const auto& [name, value] : kwargs) {
    const std::string key = py::str(name);
    if (key == "width") {
      o.width_px = int_option(value, key);
    } else if (key == "legend") {
      o.legend = bool_option(value, key);
    } else if (key == "heading") {
      o.heading = bool_option(value, key);
    } else if (key == "id_prefix") {
      o.id_prefix = text_option(value, key);
    } else if (key == "essential_colour") {
      o.essential_colour = text_option(value, key);
    } else if (key == "overlay_colour") {
      o.overlay_colour = text_option(value, key);
    } else if (key == "trigger_point_colour") {
      o.trigger_point_colour = text_option(value, key);
    } else {
      throw py::type_error(
          "unexpected keyword argument '" + key +
          "' (render options: width, legend, heading, id_prefix, essential_colour, "
          "overlay_colour, trigger_point_colour)");
    }
  }
  return o;
}

py::object svg_object(const std::string& text) {
  return py::module_::import("myoref._display").attr("SVG")(py::str(text));
}

py::object html_object(const std::string& text) {
  return py::module_::import("myoref._display").attr("HTML")(py::str(text));
}

}  // namespace myoref::python
