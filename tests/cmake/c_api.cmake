# The C API, tested from C (and its C++ wrapper from C++), through the public
# library `myoref` only, as a host links it.
set(MYOREF_C_API_DIR ${PROJECT_SOURCE_DIR}/tests/c)

foreach(name common kb assess batch plan render threads misuse)
  add_executable(myoref_c_${name} ${MYOREF_C_API_DIR}/test_${name}.c)
  set_target_properties(myoref_c_${name} PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
  target_link_libraries(myoref_c_${name} PRIVATE myoref)
  myoref_set_warnings(myoref_c_${name})
  add_test(NAME "c_api: ${name}" COMMAND myoref_c_${name})
  set_tests_properties("c_api: ${name}" PROPERTIES LABELS c)
endforeach()
target_link_libraries(myoref_c_batch PRIVATE m)
target_link_libraries(myoref_c_threads PRIVATE Threads::Threads)
# 8 threads on one knowledge base: the TSan lane runs `ctest -L concurrency`.
set_tests_properties("c_api: threads" PROPERTIES LABELS "c;concurrency")

# The header-only C++ wrapper, with the project's C++ warnings.
add_executable(myoref_c_cxx ${MYOREF_C_API_DIR}/test_cxx.cpp)
set_target_properties(myoref_c_cxx PROPERTIES CXX_STANDARD 17 CXX_EXTENSIONS OFF)
target_link_libraries(myoref_c_cxx PRIVATE myoref)
myoref_set_warnings(myoref_c_cxx)
add_test(NAME "c_api: C++ wrapper" COMMAND myoref_c_cxx)
set_tests_properties("c_api: C++ wrapper" PROPERTIES LABELS c)

# The shared library exports the C API and nothing else.
if(BUILD_SHARED_LIBS AND CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CMAKE_NM)
  add_test(NAME "c_api: exports only myoref_* (nm -D)"
    COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DLIBRARY=$<TARGET_FILE:myoref>
      -DHEADER=${PROJECT_SOURCE_DIR}/bindings/c/include/myoref/myoref.h
      -P ${MYOREF_C_API_DIR}/check_exports.cmake)
  set_tests_properties("c_api: exports only myoref_* (nm -D)" PROPERTIES LABELS c)
endif()

# Every declared function is called by one of the tests above.
add_test(NAME "c_api: every function is tested"
  COMMAND ${CMAKE_COMMAND} -DHEADER=${PROJECT_SOURCE_DIR}/bindings/c/include/myoref/myoref.h
    -DTESTS=${MYOREF_C_API_DIR} -P ${MYOREF_C_API_DIR}/check_called.cmake)
set_tests_properties("c_api: every function is tested" PROPERTIES LABELS c)

# The example a C host developer starts from, on an example intake.
if(TARGET c_host_example)
  myoref_cli_test("c_api: c_host_example assesses and plans"
    COMMAND $<TARGET_FILE:c_host_example> examples/intakes/gluteus_medius_classic.json
    WORKDIR ${PROJECT_SOURCE_DIR}
    STDOUT_CONTAINS "Triage: self_care" "1. Gluteus medius, left side (gluteus_medius:left)"
      "Next session (target gluteus_medius:left)"
    LABELS c)
  myoref_cli_test("c_api: c_host_example refuses a plan at urgent triage"
    COMMAND $<TARGET_FILE:c_host_example> examples/intakes/red_flag_urgent_calf_swelling.json
    WORKDIR ${PROJECT_SOURCE_DIR}
    EXPECT_EXIT 4 STDOUT_CONTAINS "Triage: urgent" "No self-care plan"
    LABELS c)
  myoref_cli_test("c_api: c_host_example reports bad input with paths"
    COMMAND $<TARGET_FILE:c_host_example> tests/c/data/bad_intake.json
    WORKDIR ${PROJECT_SOURCE_DIR}
    EXPECT_EXIT 3 STDERR_CONTAINS "/pain/0/intensity"
    LABELS c)
  myoref_cli_test("c_api: c_host_example usage" COMMAND $<TARGET_FILE:c_host_example>
    EXPECT_EXIT 2 STDERR_CONTAINS "usage: c_host_example INTAKE.json" LABELS c)
endif()

# Every function that takes a handle is called with one of another type in
# test_misuse.c (MYOREF_EMISUSE).
add_test(NAME "c_api: every handle-taking function reports misuse"
  COMMAND ${CMAKE_COMMAND} -DHEADER=${PROJECT_SOURCE_DIR}/bindings/c/include/myoref/myoref.h
    -DTEST=${MYOREF_C_API_DIR}/test_misuse.c -P ${MYOREF_C_API_DIR}/check_misuse.cmake)
set_tests_properties("c_api: every handle-taking function reports misuse" PROPERTIES LABELS c)
