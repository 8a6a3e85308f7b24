// myoref._core: the compiled half of the myoref Python package. The package
// (myoref/__init__.py) re-exports everything public from here.
#include "common.hpp"

PYBIND11_MODULE(_core, m) {
  namespace python = myoref::python;
  m.doc() = "The compiled core of the myoref package; use `import myoref`.";
  python::register_exception_translator();
  python::init_kb(m);
  python::init_assess(m);
  python::init_plan(m);
  python::init_render(m);
  python::init_interop(m);
  python::init_choir(m);
  m.def("library_version", &myoref::library_version,
        "The version of the myoref library this module was built with (\"0.1.0\").");
}
