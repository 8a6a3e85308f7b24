// CHOIR body map segments to an intake and back (myoref/choir.py wraps these).
#include <string>

#include "common.hpp"
#include "myoref/interop.hpp"

namespace myoref::python {
namespace {

ChoirSex sex_of(const std::string& text) {
  const auto sex = parse_choir_sex(text);
  if (!sex) {
    raise_error(ErrorCode::invalid_argument, "sex is not valid", "",
                "expected \"female\" or \"male\", not \"" + text + "\"");
  }
  return *sex;
}

}  // namespace

void init_choir(py::module_& m) {
  m.def(
      "_intake_from_choir",
      [](const KnowledgeBase& kb, const std::string& segments, const std::string& sex,
         int intensity) {
        const ChoirSex s = sex_of(sex);
        Expected<std::string> intake = [&] {
          py::gil_scoped_release release;
          return intake_from_choir(kb, segments, s, intensity);
        }();
        return json_to_python(unwrap(std::move(intake)));
      },
      py::arg("kb"), py::arg("segments"), py::arg("sex"), py::arg("intensity") = 5);
  m.def(
      "_choir_from_intake",
      [](const KnowledgeBase& kb, py::handle intake, const std::string& sex) {
        const ChoirSex s = sex_of(sex);
        const std::string text = document_text(intake, "an intake or assessment");
        Expected<std::string> segments = [&] {
          py::gil_scoped_release release;
          return choir_from_intake(kb, text, s);
        }();
        return unwrap(std::move(segments));
      },
      py::arg("kb"), py::arg("intake"), py::arg("sex"));
}

}  // namespace myoref::python
