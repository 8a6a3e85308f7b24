# Outside projects built against installed packages (tests/install/check.sh),
# so that a broken install or package file fails the suite:
#   - this build installed into a scratch prefix (the shared C API library and
#     the static C++ library): a C++ host (find_package, myoref::core) with g++
#     and with clang; a C host (LANGUAGES C) with the GSL and Boost packages
#     unfindable; pkg-config;
#   - the static package: the reader's add_subdirectory build of
#     docs/getting-started.md (tests/cmake/docs.cmake, g++) installed, so no
#     library is compiled here: a C host (LANGUAGES C) and pkg-config --static.
if(MYOREF_SANITIZE)
  return()
endif()
set(install_check ${PROJECT_SOURCE_DIR}/tests/install/check.sh)
set(install_work ${CMAKE_CURRENT_BINARY_DIR}/install)
set(install_prefix ${install_work}/prefix)

add_test(NAME "install: the build installs into a scratch prefix"
  COMMAND ${install_check} install ${PROJECT_BINARY_DIR} ${install_prefix})
set_tests_properties("install: the build installs into a scratch prefix" PROPERTIES
  FIXTURES_SETUP myoref_installed RESOURCE_LOCK myoref_install_prefix
  PASS_REGULAR_EXPRESSION "/libmyoref\\.so\n.*/libmyoref_core\\.a\n")

set(install_cxx_compilers "g++=${CMAKE_CXX_COMPILER}")
find_program(MYOREF_CLANGXX clang++)
if(MYOREF_CLANGXX)
  list(APPEND install_cxx_compilers "clang=${MYOREF_CLANGXX}")
endif()
foreach(entry IN LISTS install_cxx_compilers)
  string(REPLACE "=" ";" entry "${entry}")
  list(GET entry 0 label)
  list(GET entry 1 compiler)
  set(test "install: C++ host links myoref::core (find_package, ${label})")
  add_test(NAME "${test}" COMMAND ${install_check} cxx ${install_prefix} ${PROJECT_SOURCE_DIR}
    ${install_work}/cxx_${label} ${compiler})
  set_tests_properties("${test}" PROPERTIES FIXTURES_REQUIRED myoref_installed
    PASS_REGULAR_EXPRESSION "myoref ${PROJECT_VERSION} \\(C\\+\\+ 2017")
endforeach()

add_test(NAME "install: C host of the shared library (LANGUAGES C, no GSL or Boost package)"
  COMMAND ${install_check} c ${install_prefix} ${PROJECT_SOURCE_DIR} ${install_work}/c)
add_test(NAME "install: C host of the shared library (pkg-config)"
  COMMAND ${install_check} pkg-config ${install_prefix} ${PROJECT_SOURCE_DIR} ${install_work}/pc)
set_tests_properties(
  "install: C host of the shared library (LANGUAGES C, no GSL or Boost package)"
  "install: C host of the shared library (pkg-config)"
  PROPERTIES FIXTURES_REQUIRED myoref_installed)

if(MYOREF_DOC_NESTED_BUILD)
  set(static_prefix ${install_work}/static-prefix)
  add_test(NAME "install: the add_subdirectory build installs a static package"
    COMMAND ${install_check} install ${MYOREF_DOC_NESTED_BUILD} ${static_prefix})
  set_tests_properties("install: the add_subdirectory build installs a static package" PROPERTIES
    FIXTURES_REQUIRED myoref_nested_build FIXTURES_SETUP myoref_static_installed
    PASS_REGULAR_EXPRESSION "/libmyoref\\.a\n")
  add_test(NAME "install: C host of the static package (LANGUAGES C)"
    COMMAND ${install_check} c ${static_prefix} ${PROJECT_SOURCE_DIR} ${install_work}/static_c --static)
  add_test(NAME "install: C host of the static package (pkg-config --static)"
    COMMAND ${install_check} pkg-config ${static_prefix} ${PROJECT_SOURCE_DIR}
      ${install_work}/static_pc --static)
  set_tests_properties(
    "install: C host of the static package (LANGUAGES C)"
    "install: C host of the static package (pkg-config --static)"
    PROPERTIES FIXTURES_REQUIRED "myoref_static_installed;myoref_nested_build")
endif()

get_property(install_tests DIRECTORY PROPERTY TESTS)
foreach(test IN LISTS install_tests)
  if(test MATCHES "^install: ")
    set_property(TEST "${test}" APPEND PROPERTY LABELS install)
  endif()
endforeach()
