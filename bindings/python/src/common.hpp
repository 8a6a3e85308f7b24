// Shared pieces of the myoref._core module: error translation, conversions
// between Python objects and the C++ API's types, and the init function of
// each part of the module.
//
// The module is a skin over the C++ API: it converts, it never decides. Every
// rule (validation, scoring, the protocol) lives in the library.
#ifndef MYOREF_PYTHON_COMMON_HPP
#define MYOREF_PYTHON_COMMON_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>

#include "myoref/assess.hpp"
#include "myoref/error.hpp"
#include "myoref/kb.hpp"
#include "myoref/myoref.hpp"
#include "myoref/plan.hpp"
#include "myoref/render.hpp"
#include "myoref/types.hpp"

namespace myoref::python {

namespace py = pybind11;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Raises the myoref.errors class for `error.code()` with its message and
/// diagnostics (as myoref.Diagnostic objects). Needs the GIL.
[[noreturn]] void raise_error(const Error& error);

/// Raises InvalidArgument / InputError / NotFound with one diagnostic.
[[noreturn]] void raise_error(ErrorCode code, std::string message, std::string path = {},
                              std::string detail = {});

/// The value of `result`, or raises its error.
template <class T>
T unwrap(Expected<T>&& result) {
  if (!result)
    raise_error(result.error());
  return std::move(result).value();
}

inline void check(const Status& status) {
  if (!status)
    raise_error(status.error());
}

/// Registers the translator that turns stray C++ exceptions into
/// myoref.InternalError (never a bare RuntimeError).
void register_exception_translator();

// ---------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------

/// Text from a str or bytes object; raises TypeError for anything else.
std::string_view text_of(py::handle obj, const char* what);

/// The JSON text of a document given as a dict or as JSON text (str or bytes);
/// TypeError for anything else. `what` names it in messages ("a session").
std::string document_text(py::handle obj, const char* what);

/// json.loads(text): JSON documents from the C++ API as plain Python objects.
py::object json_loads(std::string_view text);

/// The same objects as json_loads for JSON that the library wrote, made
/// directly from the text (json_to_python.cpp): several times faster, and
/// short strings (ids, keys, names) are shared. Anything else goes to
/// json.loads.
py::object json_to_python(std::string_view text);

/// json.dumps(obj) for plain Python data (dicts, lists, str, int, float,
/// bool, None; numpy scalars become numbers). Raises InputError naming `what`
/// when something in `obj` has no JSON form.
std::string json_dumps(py::handle obj, const char* what);

/// A str from a view, without a copy through std::string.
inline py::str str_of(std::string_view text) {
  return py::str(text.data(), text.size());
}

template <class Range>
py::list str_list(const Range& items) {
  py::list out;
  for (const auto& item : items)
    out.append(str_of(std::string_view(item)));
  return out;
}

/// None for "", else the string.
py::object str_or_none(std::string_view text);

/// An intake from a dict (or any Mapping) or from JSON text (str or bytes).
/// A well-formed dict is converted directly (no JSON text is made); anything
/// the direct route does not accept is written as JSON and read by
/// parse_intake, so both routes accept the same intakes and report the same
/// errors, with the same JSON paths.
Intake intake_from_python(const KnowledgeBase& kb, py::handle obj);

/// A candidate index from a candidate key ("gluteus_medius:left"), or from a
/// muscle id or alias with `side` ("left", "right", or None for the left side
/// of a paired muscle / the only candidate of a midline one). Raises NotFound.
CandidateIndex candidate_from_python(const KnowledgeBase& kb, std::string_view key_or_muscle,
                                     const py::object& side);

/// RenderOptions from keyword arguments (width, legend, heading, id_prefix,
/// essential_colour, overlay_colour, trigger_point_colour); TypeError for any
/// other name. The library checks the values.
RenderOptions render_options(const py::kwargs& kwargs);

/// myoref.SVG(text) / myoref.HTML(text): strings that Jupyter shows as pictures.
py::object svg_object(const std::string& text);
py::object html_object(const std::string& text);

// ---------------------------------------------------------------------------
// Parts of the module
// ---------------------------------------------------------------------------

void init_kb(py::module_& m);
void init_assess(py::module_& m);
void init_plan(py::module_& m);
void init_render(py::module_& m);
void init_interop(py::module_& m);
void init_choir(py::module_& m);

}  // namespace myoref::python

#endif  // MYOREF_PYTHON_COMMON_HPP
