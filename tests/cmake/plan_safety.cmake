# `myoref plan` on the default knowledge base, from example intakes through
# `assess`: what a plan for a person in the first week of a back strain, on
# blood thinners, with the same pain on both sides looks like (golden), and the
# refusals for a child and for an unanswered emergency question (exit 4).
set(SAFETY_WORK ${CMAKE_CURRENT_BINARY_DIR}/plan_safety)
file(MAKE_DIRECTORY ${SAFETY_WORK})
set(SAFETY_INTAKES ${PROJECT_SOURCE_DIR}/examples/intakes)

# An assessment document made from an example intake, for the tests that need one.
function(safety_assessment fixture intake)
  add_test(NAME "plan safety: (assess ${intake})"
    COMMAND sh -c "\"$1\" assess \"$2\" --format json > \"$3\""
      sh $<TARGET_FILE:myoref_cli> ${SAFETY_INTAKES}/${intake}.json ${SAFETY_WORK}/${intake}.json)
  set_tests_properties("plan safety: (assess ${intake})" PROPERTIES
    FIXTURES_SETUP ${fixture} LABELS "cli;plan")
endfunction()

safety_assessment(strain back_strain_day_4_blood_thinners)
add_test(NAME "plan safety: (start the strain plan)"
  COMMAND $<TARGET_FILE:myoref_cli> plan start ${SAFETY_WORK}/back_strain_day_4_blood_thinners.json
    --out ${SAFETY_WORK}/strain_plan.json)
set_tests_properties("plan safety: (start the strain plan)" PROPERTIES
  FIXTURES_SETUP strain_plan FIXTURES_REQUIRED strain LABELS "cli;plan")
foreach(format text json)
  if(format STREQUAL "text")
    set(ext txt)
  else()
    set(ext json)
  endif()
  myoref_cli_test("plan safety: acute phase, blood thinners, both sides (${format})"
    COMMAND $<TARGET_FILE:myoref_cli> plan next ${SAFETY_WORK}/strain_plan.json --format ${format}
    GOLDEN ${PROJECT_SOURCE_DIR}/tests/golden/plan/next-acute-blood-thinners-both-sides.${ext}
    LABELS plan)
  set_tests_properties("plan safety: acute phase, blood thinners, both sides (${format})"
    PROPERTIES FIXTURES_REQUIRED strain_plan)
endforeach()

safety_assessment(child child_13_thigh_knee)
myoref_cli_test("plan safety: no plan for a child (exit 4)"
  COMMAND $<TARGET_FILE:myoref_cli> plan start ${SAFETY_WORK}/child_13_thigh_knee.json
    --out ${SAFETY_WORK}/child_plan.json
  EXPECT_EXIT 4
  STDERR_CONTAINS "no self-care plan under 16" "/age: age 13 is under 16"
  LABELS plan)
set_tests_properties("plan safety: no plan for a child (exit 4)" PROPERTIES FIXTURES_REQUIRED child)

safety_assessment(chest chest_pain_at_58_pending)
myoref_cli_test("plan safety: no plan while an emergency question waits (exit 4)"
  COMMAND $<TARGET_FILE:myoref_cli> plan start ${SAFETY_WORK}/chest_pain_at_58_pending.json
    --out ${SAFETY_WORK}/chest_plan.json
  EXPECT_EXIT 4
  STDERR_CONTAINS "emergency question is unanswered" "/pending: cardiac_chest_pain"
  LABELS plan)
set_tests_properties("plan safety: no plan while an emergency question waits (exit 4)"
  PROPERTIES FIXTURES_REQUIRED chest)
