# Python: the pytest suite (one ctest test per file, so they run in parallel),
# the example script, the notebook, and `pip install .` into a fresh venv.
# Every test imports the package from the build (PYTHONPATH), never a copy
# installed elsewhere, and writes nothing into the source tree (but for
# MYOREF_UPDATE_GOLDEN=1, which rewrites the stub: "python: stub ...").
if(NOT TARGET myoref_python)
  return()
endif()

set(MYOREF_PYTHON_TEST_DIR ${CMAKE_CURRENT_BINARY_DIR}/python)
file(MAKE_DIRECTORY ${MYOREF_PYTHON_TEST_DIR})
set(MYOREF_PYTHON_ENV
  "PYTHONPATH=${MYOREF_PYTHON_DIR}"
  "PYTHONDONTWRITEBYTECODE=1"
  "MPLCONFIGDIR=${MYOREF_PYTHON_TEST_DIR}/matplotlib"
  "MPLBACKEND=Agg"
  "JUPYTER_RUNTIME_DIR=${MYOREF_PYTHON_TEST_DIR}/jupyter-runtime"
  "IPYTHONDIR=${MYOREF_PYTHON_TEST_DIR}/ipython"
  "PYDEVD_DISABLE_FILE_VALIDATION=1")

file(GLOB MYOREF_PYTEST_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/python/test_*.py)
foreach(file IN LISTS MYOREF_PYTEST_FILES)
  get_filename_component(name ${file} NAME_WE)
  add_test(NAME "python: ${name}"
    COMMAND ${MYOREF_PYTHON_EXECUTABLE} -m pytest -q -p no:cacheprovider
            --rootdir=${PROJECT_SOURCE_DIR}/tests/python ${file}
    WORKING_DIRECTORY ${MYOREF_PYTHON_TEST_DIR})
  set_tests_properties("python: ${name}" PROPERTIES
    ENVIRONMENT "${MYOREF_PYTHON_ENV}" LABELS python TIMEOUT 600)
endforeach()

# The stub's table-driven attributes are those the built module's tables give
# (tools/python_stub.py; MYOREF_UPDATE_GOLDEN=1 rewrites the stub's generated
# sections in the source tree).
add_test(NAME "python: stub matches the schema tables"
  COMMAND ${MYOREF_PYTHON_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/python_stub.py
          ${PROJECT_SOURCE_DIR}/bindings/python/myoref/_core.pyi
  WORKING_DIRECTORY ${MYOREF_PYTHON_TEST_DIR})
set_tests_properties("python: stub matches the schema tables" PROPERTIES
  ENVIRONMENT "${MYOREF_PYTHON_ENV}" LABELS python TIMEOUT 120)

add_test(NAME "python: example script"
  COMMAND ${MYOREF_PYTHON_EXECUTABLE} ${PROJECT_SOURCE_DIR}/examples/python/explore.py
          --out ${MYOREF_PYTHON_TEST_DIR}/explore
  WORKING_DIRECTORY ${MYOREF_PYTHON_TEST_DIR})
set_tests_properties("python: example script" PROPERTIES
  ENVIRONMENT "${MYOREF_PYTHON_ENV}" LABELS "python;examples" TIMEOUT 600)

# nbconvert fails (non-zero exit) on the first cell that raises.
add_test(NAME "python: notebook executes"
  COMMAND ${MYOREF_PYTHON_EXECUTABLE} -m nbconvert --to notebook --execute
          --ExecutePreprocessor.timeout=600
          --output-dir ${MYOREF_PYTHON_TEST_DIR} --output explore.executed.ipynb
          ${PROJECT_SOURCE_DIR}/examples/python/explore.ipynb
  WORKING_DIRECTORY ${MYOREF_PYTHON_TEST_DIR})
set_tests_properties("python: notebook executes" PROPERTIES
  ENVIRONMENT "${MYOREF_PYTHON_ENV}" LABELS "python;examples" TIMEOUT 900)

# pip install . of a copy of the tree, with the module taken from this build
# (setup.py's MYOREF_CMAKE_BUILD_DIR): the packaging is checked, and the
# library is not compiled again. Skipped (exit 77) only when the interpreter
# has no pip or venv.
add_test(NAME "python: pip install into a fresh venv"
  COMMAND ${MYOREF_PYTHON_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/python/pip_install_check.py
          ${PROJECT_SOURCE_DIR} ${MYOREF_PYTHON_TEST_DIR}/pip-install ${PROJECT_BINARY_DIR}
  WORKING_DIRECTORY ${MYOREF_PYTHON_TEST_DIR})
set_tests_properties("python: pip install into a fresh venv" PROPERTIES
  ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1;CMAKE_BUILD_PARALLEL_LEVEL=2"
  LABELS "python;install;slow" TIMEOUT 2400 SKIP_RETURN_CODE 77)
