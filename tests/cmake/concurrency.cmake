# The concurrency tests: the C++ API from 8 threads (here) and the C API's
# 8-thread test (c_api.cmake). `make tsan` builds the target
# myoref_concurrency (these programs only) with ThreadSanitizer and runs
# `ctest -L concurrency`.
add_executable(myoref_concurrency_tests
  ${PROJECT_SOURCE_DIR}/tests/concurrency/main.cpp
  ${PROJECT_SOURCE_DIR}/tests/concurrency/test_concurrency.cpp)
target_link_libraries(myoref_concurrency_tests PRIVATE myoref_core Catch2::Catch2 Threads::Threads)
myoref_set_warnings(myoref_concurrency_tests)
add_test(NAME "concurrency: C++ API from 8 threads" COMMAND myoref_concurrency_tests)
set_tests_properties("concurrency: C++ API from 8 threads" PROPERTIES LABELS concurrency)

add_custom_target(myoref_concurrency DEPENDS myoref_concurrency_tests)
if(TARGET myoref_c_threads)
  add_dependencies(myoref_concurrency myoref_c_threads)
endif()
