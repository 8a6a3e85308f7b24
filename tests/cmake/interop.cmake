# Interoperability (docs/interop.md): FHIR R4 out and back through the C API
# and the myoref command, every Bundle validated against HL7's R4 JSON Schema
# and R4 rules by tools/fhir-validator (npm, pinned in its package-lock.json,
# installed by `npm ci` into the build tree by the fixture below).

add_executable(myoref_c_interop ${PROJECT_SOURCE_DIR}/tests/c/test_interop.c)
set_target_properties(myoref_c_interop PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_link_libraries(myoref_c_interop PRIVATE myoref)
myoref_set_warnings(myoref_c_interop)
add_test(NAME "c_api: interop" COMMAND myoref_c_interop)
set_tests_properties("c_api: interop" PROPERTIES LABELS "c;interop")

set(MYOREF_FHIR_OUT ${CMAKE_CURRENT_BINARY_DIR}/fhir)
add_test(NAME "interop: fhir round trip (cli)"
  COMMAND ${CMAKE_COMMAND} -DMYOREF=$<TARGET_FILE:myoref_cli> -DSOURCE=${PROJECT_SOURCE_DIR}
          -DOUT=${MYOREF_FHIR_OUT}/bundles -P ${PROJECT_SOURCE_DIR}/tests/tools/fhir_round_trip.cmake)
set_tests_properties("interop: fhir round trip (cli)" PROPERTIES
  LABELS "cli;interop" FIXTURES_SETUP myoref_fhir_bundles)

myoref_cli_test("interop: fhir usage" COMMAND $<TARGET_FILE:myoref_cli> fhir
  EXPECT_EXIT 2 STDERR_CONTAINS "fhir ASSESSMENT_OR_PLAN.json" LABELS interop)
myoref_cli_test("interop: fhir refuses an intake as an assessment"
  COMMAND $<TARGET_FILE:myoref_cli> fhir examples/intakes/gluteus_medius_classic.json
  WORKDIR ${PROJECT_SOURCE_DIR} EXPECT_EXIT 3 LABELS interop)
myoref_cli_test("interop: import fhir refuses what is not a Bundle"
  COMMAND $<TARGET_FILE:myoref_cli> import fhir examples/intakes/gluteus_medius_classic.json
  WORKDIR ${PROJECT_SOURCE_DIR} EXPECT_EXIT 3 STDERR_CONTAINS "/resourceType" LABELS interop)
myoref_cli_test("interop: import fhir names the bad answer's path"
  COMMAND $<TARGET_FILE:myoref_cli> import fhir tests/data/fhir/invalid-bundle.json
  WORKDIR ${PROJECT_SOURCE_DIR} EXPECT_EXIT 3 STDERR_CONTAINS "/entry/0/resource/bodySite"
  LABELS interop)

# The validator: `npm ci` from the committed lock file into the build tree
# (never the source tree). Skipped (77) only where there is no node or npm.
find_program(MYOREF_NODE node)
find_program(MYOREF_NPM npm)
set(MYOREF_FHIR_VALIDATOR ${MYOREF_FHIR_OUT}/validator)
if(MYOREF_NODE AND MYOREF_NPM)
  add_test(NAME "interop: fhir validator (npm ci)"
    COMMAND ${CMAKE_COMMAND} -E chdir ${MYOREF_FHIR_VALIDATOR}
            ${MYOREF_NPM} ci --no-audit --no-fund --ignore-scripts)
  set_tests_properties("interop: fhir validator (npm ci)" PROPERTIES
    LABELS interop FIXTURES_SETUP myoref_fhir_validator TIMEOUT 600)
  file(MAKE_DIRECTORY ${MYOREF_FHIR_VALIDATOR})
  foreach(f package.json package-lock.json validate.js)
    configure_file(${PROJECT_SOURCE_DIR}/tools/fhir-validator/${f} ${MYOREF_FHIR_VALIDATOR}/${f} COPYONLY)
  endforeach()

  add_test(NAME "interop: every FHIR Bundle is valid R4"
    COMMAND ${CMAKE_COMMAND} -DNODE=${MYOREF_NODE} -DVALIDATOR=${MYOREF_FHIR_VALIDATOR}/validate.js
            -DDIR=${MYOREF_FHIR_OUT}/bundles -P ${PROJECT_SOURCE_DIR}/tests/tools/fhir_validate_all.cmake)
  set_tests_properties("interop: every FHIR Bundle is valid R4" PROPERTIES
    LABELS interop FIXTURES_REQUIRED "myoref_fhir_validator;myoref_fhir_bundles")

  # The validator finds what is wrong (so that a pass means something).
  add_test(NAME "interop: the FHIR validator refuses a broken Bundle"
    COMMAND ${MYOREF_NODE} ${MYOREF_FHIR_VALIDATOR}/validate.js
            ${PROJECT_SOURCE_DIR}/tests/data/fhir/invalid-bundle.json)
  set_tests_properties("interop: the FHIR validator refuses a broken Bundle" PROPERTIES
    LABELS interop FIXTURES_REQUIRED myoref_fhir_validator WILL_FAIL TRUE)
endif()

# The CHOIR population notebook: all 7,068 validation maps scored and shown.
if(TARGET myoref_python)
  add_test(NAME "python: choir population notebook executes"
    COMMAND ${MYOREF_PYTHON_EXECUTABLE} -m nbconvert --to notebook --execute
            --ExecutePreprocessor.timeout=900
            --output-dir ${CMAKE_CURRENT_BINARY_DIR}/python --output choir_population.executed.ipynb
            ${PROJECT_SOURCE_DIR}/examples/python/choir_population.ipynb
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties("python: choir population notebook executes" PROPERTIES
    ENVIRONMENT "PYTHONPATH=${MYOREF_PYTHON_DIR};PYTHONDONTWRITEBYTECODE=1;MPLBACKEND=Agg;MYOREF_SOURCE_DIR=${PROJECT_SOURCE_DIR};JUPYTER_RUNTIME_DIR=${CMAKE_CURRENT_BINARY_DIR}/python/jupyter-runtime;IPYTHONDIR=${CMAKE_CURRENT_BINARY_DIR}/python/ipython;PYDEVD_DISABLE_FILE_VALIDATION=1"
    LABELS "python;examples;interop" TIMEOUT 1200)
endif()
# The ranking's words in the Bundle write a score as a person reads it (two
# decimals), not as JSON writes a float ("8.9572453E-1").
myoref_cli_test("interop: fhir writes a candidate's score with two decimals"
  COMMAND $<TARGET_FILE:myoref_cli> fhir tests/data/plan/assessment-glute.json
          --kb tests/data/plan/kb.json --date 2026-11-24
  WORKDIR ${PROJECT_SOURCE_DIR} STDOUT_CONTAINS "Rank 1 of 6, score 0.90." LABELS interop)
