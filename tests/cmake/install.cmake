# A tiny outside project built against the installed package (CMake and
# pkg-config), so that a broken install fails the suite.
if(NOT MYOREF_SANITIZE)
  add_test(NAME "install: consumer builds against the installed package"
    COMMAND ${PROJECT_SOURCE_DIR}/tests/install/run.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
  set_tests_properties("install: consumer builds against the installed package"
    PROPERTIES LABELS install RUN_SERIAL TRUE)
endif()
