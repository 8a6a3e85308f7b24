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
