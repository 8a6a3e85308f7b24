# `myoref plan`: start, next and log through the command line, and documents
# that must be refused without the file changing. Every plan here is made with
# the small knowledge base tests/data/plan/kb.json (--kb), so that the checked-in
# documents do not depend on the default knowledge base's content.
set(PLAN_DATA ${PROJECT_SOURCE_DIR}/tests/data/plan)
set(PLAN_GOLDEN ${PROJECT_SOURCE_DIR}/tests/golden/plan)
set(PLAN_WORK ${CMAKE_CURRENT_BINARY_DIR}/plan)
set(PLAN_KB --kb ${PLAN_DATA}/kb.json)
set(MYOREF $<TARGET_FILE:myoref_cli>)
file(MAKE_DIRECTORY ${PLAN_WORK})

# A fresh copy of a checked-in plan for the commands that may write it, made
# by a setup test so the source tree is never written to.
function(plan_copy fixture source)
  add_test(NAME "plan: (copy ${source} for ${fixture})"
    COMMAND ${CMAKE_COMMAND} -E copy ${PLAN_DATA}/${source} ${PLAN_WORK}/${fixture}.json)
  set_tests_properties("plan: (copy ${source} for ${fixture})" PROPERTIES
    FIXTURES_SETUP ${fixture} LABELS "cli;plan")
endfunction()

# myoref_cli_test with the work copy of `fixture` made first.
function(plan_test name fixture)
  myoref_cli_test("${name}" ${ARGN} LABELS plan)
  set_tests_properties("${name}" PROPERTIES FIXTURES_REQUIRED ${fixture})
endfunction()

# --- start ------------------------------------------------------------------

# No copy here: the file is removed first, so the tests below read what start wrote.
add_test(NAME "plan: (remove started.json)" COMMAND ${CMAKE_COMMAND} -E rm -f ${PLAN_WORK}/started.json)
set_tests_properties("plan: (remove started.json)" PROPERTIES FIXTURES_SETUP started LABELS "cli;plan")
plan_test("plan: start writes a plan from an assessment" started
  COMMAND ${MYOREF} plan start ${PLAN_DATA}/assessment-glute.json --out ${PLAN_WORK}/started.json ${PLAN_KB}
  STDOUT_CONTAINS "first target gluteus_medius:left")
plan_test("plan: next on a started plan, text" started
  COMMAND ${MYOREF} plan next ${PLAN_WORK}/started.json ${PLAN_KB}
  GOLDEN ${PLAN_GOLDEN}/next-started.txt)
plan_test("plan: next on a started plan, json" started
  COMMAND ${MYOREF} plan next ${PLAN_WORK}/started.json --format json ${PLAN_KB}
  GOLDEN ${PLAN_GOLDEN}/next-started.json)
set_tests_properties("plan: next on a started plan, text" "plan: next on a started plan, json"
  PROPERTIES DEPENDS "plan: start writes a plan from an assessment")

myoref_cli_test("plan: start records --release-trials" LABELS plan
  COMMAND ${MYOREF} plan start ${PLAN_DATA}/assessment-glute.json --out - --release-trials 2 ${PLAN_KB}
  STDOUT_CONTAINS "\"release_trials\": 2" "\"status\": \"current\"")
myoref_cli_test("plan: start carries see_clinician advice" LABELS plan
  COMMAND ${MYOREF} plan start ${PLAN_DATA}/assessment-see-clinician.json --out - ${PLAN_KB}
  STDOUT_CONTAINS "\"level\": \"see_clinician\"" "Book a visit with your doctor.")

foreach(level urgent emergency)
  plan_copy(refused-${level} plan-fresh.json)
  plan_test("plan: start refused at ${level} triage, file unchanged" refused-${level}
    COMMAND ${MYOREF} plan start ${PLAN_DATA}/assessment-${level}.json --out ${PLAN_WORK}/refused-${level}.json ${PLAN_KB}
    EXPECT_EXIT 4 STDERR_CONTAINS "no self-care plan at ${level} triage"
    UNCHANGED ${PLAN_WORK}/refused-${level}.json)
endforeach()

myoref_cli_test("plan: start refuses an assessment made with another knowledge base" LABELS plan
  COMMAND ${MYOREF} plan start ${PLAN_DATA}/assessment-glute.json --out - EXPECT_EXIT 3
  STDERR_CONTAINS "another knowledge base")
myoref_cli_test("plan: start with --release-trials 0 is a usage error" LABELS plan
  COMMAND ${MYOREF} plan start ${PLAN_DATA}/assessment-glute.json --out - --release-trials 0 ${PLAN_KB}
  EXPECT_EXIT 2 STDERR_CONTAINS "/options/release_trials")
myoref_cli_test("plan: start without --out is a usage error" LABELS plan
  COMMAND ${MYOREF} plan start ${PLAN_DATA}/assessment-glute.json ${PLAN_KB}
  EXPECT_EXIT 2 STDERR_CONTAINS "--out")
myoref_cli_test("plan: unknown plan subcommand is a usage error" LABELS plan
  COMMAND ${MYOREF} plan frobnicate EXPECT_EXIT 2 STDERR_CONTAINS "plan start|next|log")

# --- log ----------------------------------------------------------------------

plan_copy(logged plan-fresh.json)
plan_test("plan: log applies a session and prints the decision" logged
  COMMAND ${MYOREF} plan log ${PLAN_WORK}/logged.json ${PLAN_DATA}/session-incomplete.json --format json ${PLAN_KB}
  STDOUT_CONTAINS "\"outcome\": \"continued\"" "\"complete\": false" "\"missing\": [\"stretch\"]")
plan_test("plan: next after an incomplete session says what was left out" logged
  COMMAND ${MYOREF} plan next ${PLAN_WORK}/logged.json --format json ${PLAN_KB}
  STDOUT_CONTAINS "\"sessions_logged\": 1" "left out stretch")
set_tests_properties("plan: next after an incomplete session says what was left out"
  PROPERTIES DEPENDS "plan: log applies a session and prints the decision")

plan_copy(out-of-order plan-fresh.json)
plan_test("plan: log refuses steps out of order, file unchanged" out-of-order
  COMMAND ${MYOREF} plan log ${PLAN_WORK}/out-of-order.json ${PLAN_DATA}/session-out-of-order.json ${PLAN_KB}
  EXPECT_EXIT 3 STDERR_CONTAINS "/steps/1: release comes after stretch"
  UNCHANGED ${PLAN_WORK}/out-of-order.json)

plan_copy(backdated plan-two-sessions.json)
plan_test("plan: log refuses a backdated session, file unchanged" backdated
  COMMAND ${MYOREF} plan log ${PLAN_WORK}/backdated.json ${PLAN_DATA}/session-backdated.json ${PLAN_KB}
  EXPECT_EXIT 3 STDERR_CONTAINS "/date: 2026-11-21 is earlier than the last logged session (2026-11-22)"
  UNCHANGED ${PLAN_WORK}/backdated.json)

plan_copy(bad-session plan-fresh.json)
plan_test("plan: log refuses a session without red_flags, file unchanged" bad-session
  COMMAND ${MYOREF} plan log ${PLAN_WORK}/bad-session.json ${PLAN_DATA}/session-no-red-flags-field.json ${PLAN_KB}
  EXPECT_EXIT 3 STDERR_CONTAINS "session-no-red-flags-field.json" "/red_flags: missing (required)"
  UNCHANGED ${PLAN_WORK}/bad-session.json)

plan_copy(red-flag plan-fresh.json)
plan_test("plan: a red flag stops the plan" red-flag
  COMMAND ${MYOREF} plan log ${PLAN_WORK}/red-flag.json ${PLAN_DATA}/session-red-flag.json ${PLAN_KB}
  STDOUT_CONTAINS "stopped_red_flag" "See a doctor within a day or two.")
plan_test("plan: next on a stopped plan answers with no steps" red-flag
  COMMAND ${MYOREF} plan next ${PLAN_WORK}/red-flag.json --format json ${PLAN_KB}
  STDOUT_CONTAINS "\"status\": \"stopped_seek_care\"" "\"level\": \"urgent\"" "\"steps\": []")
plan_test("plan: log on a stopped plan is refused by the safety rule, file unchanged" red-flag
  COMMAND ${MYOREF} plan log ${PLAN_WORK}/red-flag.json ${PLAN_DATA}/session-later.json ${PLAN_KB}
  EXPECT_EXIT 4 STDERR_CONTAINS "the plan has stopped"
  UNCHANGED ${PLAN_WORK}/red-flag.json)
set_tests_properties("plan: next on a stopped plan answers with no steps"
  "plan: log on a stopped plan is refused by the safety rule, file unchanged"
  PROPERTIES DEPENDS "plan: a red flag stops the plan")

myoref_cli_test("plan: log needs a plan file, not standard input" LABELS plan
  COMMAND ${MYOREF} plan log - ${PLAN_DATA}/session-first.json ${PLAN_KB}
  EXPECT_EXIT 2 STDERR_CONTAINS "must be a file")

# --- documents that cannot be trusted -------------------------------------------

foreach(case
    "truncated|not valid JSON"
    "edited|fails its integrity check"
    "other-kb|made with another knowledge base"
    "future-version|newer than this library reads"
    "impossible|history is impossible")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 kind)
  list(GET parts 1 message)
  plan_copy(corrupt-${kind} plan-${kind}.json)
  plan_test("plan: log refuses the ${kind} document, file unchanged" corrupt-${kind}
    COMMAND ${MYOREF} plan log ${PLAN_WORK}/corrupt-${kind}.json ${PLAN_DATA}/session-later.json ${PLAN_KB}
    EXPECT_EXIT 3 STDERR_CONTAINS "corrupt-${kind}.json" "${message}"
    UNCHANGED ${PLAN_WORK}/corrupt-${kind}.json)
  plan_test("plan: next refuses the ${kind} document" corrupt-${kind}
    COMMAND ${MYOREF} plan next ${PLAN_DATA}/plan-${kind}.json ${PLAN_KB}
    EXPECT_EXIT 3 STDERR_CONTAINS "${message}")
endforeach()

myoref_cli_test("plan: next reads a format-1 plan" LABELS plan
  COMMAND ${MYOREF} plan next ${PLAN_DATA}/plan-v1.json --format json ${PLAN_KB}
  STDOUT_CONTAINS "\"target\": \"quadratus_lumborum:left\"" "\"sessions_logged\": 3")
