// FHIR R4 out and back (myoref/fhir.py wraps these; docs/interop.md).
#include <string>

#include "common.hpp"
#include "myoref/interop.hpp"

namespace myoref::python {

void init_interop(py::module_& m) {
  m.def(
      "_fhir_bundle",
      [](const KnowledgeBase& kb, py::handle document, const py::object& patient,
         const py::object& date, bool pretty) {
        FhirOptions options;
        if (!patient.is_none())
          options.patient = py::str(patient);
        if (!date.is_none())
          options.date = py::str(date);
        options.pretty = pretty;
        const std::string text = document_text(document, "an assessment or plan document");
        Expected<std::string> bundle = [&] {
          py::gil_scoped_release release;
          return fhir_bundle(kb, text, options);
        }();
        return unwrap(std::move(bundle));
      },
      py::arg("kb"), py::arg("document"), py::arg("patient") = py::none(),
      py::arg("date") = py::none(), py::arg("pretty") = true,
      "The FHIR R4 Bundle (JSON text) of an assessment or plan document.");
  m.def(
      "_intake_from_fhir",
      [](const KnowledgeBase& kb, py::handle bundle) {
        const std::string text = document_text(bundle, "a FHIR Bundle");
        Expected<std::string> intake = [&] {
          py::gil_scoped_release release;
          return intake_from_fhir(kb, text);
        }();
        return json_to_python(unwrap(std::move(intake)));
      },
      py::arg("kb"), py::arg("bundle"),
      "The intake (a dict, canonical) recorded in a Bundle that _fhir_bundle wrote.");
}

}  // namespace myoref::python
