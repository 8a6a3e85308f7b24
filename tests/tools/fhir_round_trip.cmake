# FHIR out and back with the myoref command, for every example intake and for
# a plan with sessions: assess -> fhir -> import fhir gives the assessment's
# canonical intake again, in English and in Spanish; the same document always
# gives the same Bundle.
# Leaves the Bundles in OUT for the validator (tests/cmake/interop.cmake).
#   MYOREF   the myoref command
#   SOURCE   the source tree
#   OUT      a folder for the Bundles (emptied first)
cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(GLOB intakes "${SOURCE}/examples/intakes/*.json")
list(SORT intakes)
set(count 0)
foreach(intake IN LISTS intakes)
  get_filename_component(name "${intake}" NAME_WE)
  run("${MYOREF}" assess "${intake}" --format json)
  file(WRITE "${OUT}/${name}.assessment.json" "${out}")
  string(JSON canonical GET "${out}" intake)
  run("${MYOREF}" fhir "${OUT}/${name}.assessment.json" --date 2026-12-01
      --out "${OUT}/${name}.bundle.json")
  run("${MYOREF}" fhir "${OUT}/${name}.assessment.json" --date 2026-12-01)
  file(READ "${OUT}/${name}.bundle.json" first)
  if(NOT first STREQUAL out)
    message(FATAL_ERROR "${name}: the same assessment gave two different Bundles")
  endif()
  # A Bundle pointing at a patient of the host's own.
  run("${MYOREF}" fhir "${OUT}/${name}.assessment.json" --patient Patient/example-1
      --out "${OUT}/${name}.patient.bundle.json")
  # In Spanish the words change, the codes do not, so each reads back the same.
  run("${MYOREF}" fhir "${OUT}/${name}.assessment.json" --date 2026-12-01 --lang es
      --out "${OUT}/${name}.es.bundle.json")
  foreach(kind "bundle" "patient.bundle" "es.bundle")
    run("${MYOREF}" import fhir "${OUT}/${name}.${kind}.json")
    string(JSON same EQUAL "${canonical}" "${out}")
    if(NOT same)
      message(FATAL_ERROR "${name} (${kind}): import fhir gave\n${out}\nnot the intake assessed\n${canonical}")
    endif()
  endforeach()
  math(EXPR count "${count} + 1")
endforeach()
if(count LESS 10)
  message(FATAL_ERROR "only ${count} example intakes found under ${SOURCE}/examples/intakes")
endif()

# A plan with two sessions: pain before and after over time.
run("${MYOREF}" assess "${SOURCE}/examples/intakes/gluteus_medius_classic.json" --format json)
file(WRITE "${OUT}/plan.assessment.json" "${out}")
run("${MYOREF}" plan start "${OUT}/plan.assessment.json" --out "${OUT}/plan.json")
foreach(session 1 2)
  run("${MYOREF}" plan log "${OUT}/plan.json" "${SOURCE}/tests/data/fhir/session-${session}.json")
endforeach()
run("${MYOREF}" fhir "${OUT}/plan.json" --out "${OUT}/plan.bundle.json")
run("${MYOREF}" fhir "${OUT}/plan.json" --lang es --out "${OUT}/plan.es.bundle.json")
file(READ "${OUT}/plan.bundle.json" plan_bundle)
foreach(expected "\"effectiveDateTime\": \"2026-12-02\"" "\"effectiveDateTime\": \"2026-12-05\""
                 "\"code\": \"pain-before-session\"" "\"code\": \"pain-after-session\"")
  string(FIND "${plan_bundle}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the plan's Bundle lacks ${expected}")
  endif()
endforeach()
message(STATUS "${count} assessments and 1 plan: FHIR out and back")
