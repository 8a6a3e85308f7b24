// The Python-side objects that pair a C++ value with the Python
// KnowledgeBase object it was made with, so that `.kb` gives that same object
// back (and pickling many assessments of one knowledge base stores it once).
#ifndef MYOREF_PYTHON_OBJECTS_HPP
#define MYOREF_PYTHON_OBJECTS_HPP

#include <utility>

#include "common.hpp"

namespace myoref::python {

struct PyAssessment {
  Assessment assessment;
  py::object kb;  ///< the myoref.KnowledgeBase the assessment was made with
};

struct PyPlan {
  Plan plan;
  py::object kb;  ///< the myoref.KnowledgeBase the plan was made with
};

}  // namespace myoref::python

#endif  // MYOREF_PYTHON_OBJECTS_HPP
