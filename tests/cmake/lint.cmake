# The sources follow the root .clang-format: every C and C++ file of ours
# (include, src, bindings, examples, tools, tests, benchmarks) is checked with
# `clang-format --dry-run --Werror`. `make format` rewrites them.
find_program(MYOREF_CLANG_FORMAT NAMES clang-format clang-format-14)
if(MYOREF_CLANG_FORMAT)
  add_test(NAME "lint: sources follow .clang-format"
    COMMAND ${CMAKE_COMMAND} -DCLANG_FORMAT=${MYOREF_CLANG_FORMAT}
            -DROOT=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/tests/tools/format_check.cmake)
  set_tests_properties("lint: sources follow .clang-format" PROPERTIES LABELS lint)
else()
  message(STATUS "clang-format not found: the format check is not a test here")
endif()

# The layers of src/ run one way (docs/architecture.md): util -> i18n -> kb
# (the model) -> engine -> assess -> protocol -> render -> interop. A file that
# includes from a layer above its own fails this test ...
add_test(NAME "lint: the layers of src/ run one way"
  COMMAND ${MYOREF_HOST_PYTHON} ${PROJECT_SOURCE_DIR}/tests/tools/check_layers.py
          ${PROJECT_SOURCE_DIR}/src)
set_tests_properties("lint: the layers of src/ run one way" PROPERTIES LABELS lint)
# ... and the check itself fails on a model file that includes the engine.
add_test(NAME "lint: the layer check refuses an include from a layer above"
  COMMAND ${MYOREF_HOST_PYTHON} ${PROJECT_SOURCE_DIR}/tests/tools/check_layers.py
          ${PROJECT_SOURCE_DIR}/tests/data/layers/upward)
set_tests_properties("lint: the layer check refuses an include from a layer above" PROPERTIES
  LABELS lint WILL_FAIL TRUE)
