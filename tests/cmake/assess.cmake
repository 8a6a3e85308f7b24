# myoref assess: the example intakes against their golden outputs, standard
# input, --kb, and the usage and input errors (exit 2 and 3).
set(MYOREF_INTAKES ${PROJECT_SOURCE_DIR}/examples/intakes)
set(MYOREF_ASSESS_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/assess)
set(MYOREF_ASSESS $<TARGET_FILE:myoref_cli> assess)

# Every example intake has a golden JSON assessment (MYOREF_UPDATE_GOLDEN=1
# rewrites them; review the diff before committing).
file(GLOB MYOREF_INTAKE_FILES CONFIGURE_DEPENDS ${MYOREF_INTAKES}/*.json)
foreach(intake IN LISTS MYOREF_INTAKE_FILES)
  get_filename_component(name ${intake} NAME_WE)
  myoref_cli_test("assess: ${name} (json)"
    COMMAND ${MYOREF_ASSESS} ${intake} --format json
    GOLDEN ${MYOREF_ASSESS_GOLDEN}/${name}.json UNCHANGED ${intake} LABELS assess)
endforeach()

# The report a person reads, for the demo case, an emergency, and symmetric
# drawings (ties shown as one "both sides" entry).
foreach(name gluteus_medius_classic red_flag_emergency_cauda_equina bilateral_low_back sacrum_only)
  myoref_cli_test("assess: ${name} (text)"
    COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/${name}.json
    GOLDEN ${MYOREF_ASSESS_GOLDEN}/${name}.txt LABELS assess)
endforeach()
myoref_cli_test("assess: the text report leads with triage and says it is not a diagnosis"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/red_flag_urgent_calf_swelling.json --format text
  STDOUT_CONTAINS "URGENT: be seen by a clinician today" "calf swelling redness (urgent)" "This is not a diagnosis"
  LABELS assess)

# Standard input and an explicit knowledge base give the same document.
myoref_cli_test("assess: intake from standard input"
  COMMAND ${MYOREF_ASSESS} - --format json
  STDIN ${MYOREF_INTAKES}/gluteus_medius_classic.json
  GOLDEN ${MYOREF_ASSESS_GOLDEN}/gluteus_medius_classic.json LABELS assess)
myoref_cli_test("assess: --kb with the bundled default knowledge base"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/gluteus_medius_classic.json --format json
          --kb ${MYOREF_DEFAULT_KB_JSON}
  GOLDEN ${MYOREF_ASSESS_GOLDEN}/gluteus_medius_classic.json LABELS assess)

# Usage errors: exit 2.
myoref_cli_test("assess: no intake is a usage error"
  COMMAND ${MYOREF_ASSESS} EXPECT_EXIT 2 STDERR_CONTAINS "takes one intake file" LABELS assess)
myoref_cli_test("assess: two intakes is a usage error"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/soleus_heel.json ${MYOREF_INTAKES}/soleus_heel.json
  EXPECT_EXIT 2 LABELS assess)
myoref_cli_test("assess: an unknown format is a usage error"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/soleus_heel.json --format xml
  EXPECT_EXIT 2 STDERR_CONTAINS "--format is text or json" LABELS assess)
myoref_cli_test("assess: an unknown option is a usage error"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/soleus_heel.json --colour red
  EXPECT_EXIT 2 STDERR_CONTAINS "unknown option --colour" LABELS assess)
myoref_cli_test("assess: intake and knowledge base cannot both be standard input"
  COMMAND ${MYOREF_ASSESS} - --kb - EXPECT_EXIT 2 LABELS assess)

# Bad input: exit 3, naming the file, each JSON path and what was expected.
myoref_cli_test("assess: a bad intake lists every problem with its path"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_ASSESS_GOLDEN}/bad_intake.input.json
  EXPECT_EXIT 3
  STDERR_CONTAINS "bad_intake.input.json: intake is not valid: 6 problems"
    "/pain/0/side: missing: \"buttock_upper\" is a paired region"
    "/pain/1/region: unknown region \"iliac_crst\" (did you mean \"iliac_crest\"?)"
    "/pain/2/intensity: 14 is out of range: expected an integer 0..10"
    "/findings/1: unknown finding \"standing\""
    "/agee: unknown field \"agee\" (did you mean \"age\"?)"
    "/denied/0: \"walking\" is both confirmed (at /findings/0) and denied"
  LABELS assess)
myoref_cli_test("assess: a missing intake file is bad input"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/no_such_intake.json
  EXPECT_EXIT 3 STDERR_CONTAINS "no_such_intake.json: cannot open" LABELS assess)
myoref_cli_test("assess: an intake that is not JSON is bad input"
  COMMAND ${MYOREF_ASSESS} - STDIN ${PROJECT_SOURCE_DIR}/CMakeLists.txt
  EXPECT_EXIT 3 STDERR_CONTAINS "myoref: -: intake is not valid JSON" LABELS assess)
myoref_cli_test("assess: a knowledge base that does not load is bad input"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/soleus_heel.json --kb ${MYOREF_INTAKES}/soleus_heel.json
  EXPECT_EXIT 3 STDERR_CONTAINS "soleus_heel.json" LABELS assess)

# Questions first: `myoref questions`, and `assess --ask` reading answers from
# standard input (y, n, skip), with the questions on standard error.
set(MYOREF_QUESTIONS $<TARGET_FILE:myoref_cli> questions)
myoref_cli_test("questions: chest pain at 58 asks about the heart first (text)"
  COMMAND ${MYOREF_QUESTIONS} ${MYOREF_INTAKES}/chest_pain_at_58_pending.json
  GOLDEN ${MYOREF_ASSESS_GOLDEN}/chest_pain_at_58_pending.questions.txt LABELS assess)
myoref_cli_test("questions: chest pain at 58 (json)"
  COMMAND ${MYOREF_QUESTIONS} ${MYOREF_INTAKES}/chest_pain_at_58_pending.json --format json
  GOLDEN ${MYOREF_ASSESS_GOLDEN}/chest_pain_at_58_pending.questions.json LABELS assess)
myoref_cli_test("questions: nothing left to ask when every question is answered"
  COMMAND ${MYOREF_QUESTIONS} ${MYOREF_INTAKES}/neck_pain_all_answered_no.json
  STDOUT_CONTAINS "No question is left to ask" LABELS assess)
myoref_cli_test("questions: a bad intake is refused with its path"
  COMMAND ${MYOREF_QUESTIONS} ${PROJECT_SOURCE_DIR}/tests/bad_input/intake-bad-sex.json
  EXPECT_EXIT 3 STDERR_CONTAINS "/sex: expected \"female\" or \"male\"" LABELS assess)
myoref_cli_test("questions: an unknown format is a usage error"
  COMMAND ${MYOREF_QUESTIONS} ${MYOREF_INTAKES}/soleus_heel.json --format xml
  EXPECT_EXIT 2 LABELS assess)
myoref_cli_test("assess: the text report opens with the pending questions"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/chest_pain_at_58_pending.json
  GOLDEN ${MYOREF_ASSESS_GOLDEN}/chest_pain_at_58_pending.txt LABELS assess)
myoref_cli_test("assess: nerve-root pain is named before the muscles (text)"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/nerve_root_leg.json
  GOLDEN ${MYOREF_ASSESS_GOLDEN}/nerve_root_leg.txt LABELS assess)
myoref_cli_test("assess --ask: a yes to the heart question makes it an emergency"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/chest_pain_at_58_pending.json --ask
  STDIN ${CMAKE_CURRENT_SOURCE_DIR}/data/answers_yes_first.txt
  STDOUT_CONTAINS "EMERGENCY: call the emergency number" "cardiac chest pain (emergency)"
  STDERR_CONTAINS "yes / no / skip?" "asked because: pain in the chest" LABELS assess)
myoref_cli_test("assess --ask: every question answered no is self-care's way open"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/belly_right_lower_at_24.json --ask --format json
  STDIN ${CMAKE_CURRENT_SOURCE_DIR}/data/answers_all_no.txt
  STDOUT_CONTAINS "\"provisional\": false" "\"pending\": []" LABELS assess)
myoref_cli_test("assess --ask: skipped questions stay pending"
  COMMAND ${MYOREF_ASSESS} ${MYOREF_INTAKES}/belly_right_lower_at_24.json --ask --format json
  STDIN ${CMAKE_CURRENT_SOURCE_DIR}/data/answers_skip.txt
  STDOUT_CONTAINS "\"provisional\": true" LABELS assess)
myoref_cli_test("assess --ask: the intake cannot be standard input"
  COMMAND ${MYOREF_ASSESS} - --ask EXPECT_EXIT 2 STDERR_CONTAINS "--ask reads the answers" LABELS assess)
