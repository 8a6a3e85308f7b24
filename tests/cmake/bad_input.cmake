# The bad-input matrix through the command line: each case gives one kind of
# bad input to one command and proves three things: the exit status (3 bad
# input, 4 refused by a safety rule), a message that names the problem and
# its JSON path, and that every file the command was given is byte-identical
# afterwards (files given as arguments are checked automatically; a file the
# command may write is a fresh copy made by a setup test). The same classes of
# bad input through the C API are in tests/c (c_api.cmake); docs/safety.md
# has the table.
set(BI_DATA ${PROJECT_SOURCE_DIR}/tests/bad_input)
set(BI_PLAN ${PROJECT_SOURCE_DIR}/tests/data/plan)
set(BI_WORK ${CMAKE_CURRENT_BINARY_DIR}/bad_input)
set(BI_KB --kb ${BI_PLAN}/kb.json)
set(BI_MYOREF $<TARGET_FILE:myoref_cli>)
file(MAKE_DIRECTORY ${BI_WORK})

# Made here rather than kept in the tree: an intake one byte over 64 KiB.
string(REPEAT " " 65400 bi_padding)
file(WRITE ${BI_WORK}/intake-too-large.json
  "{\"pain\": [{\"region\": \"sacrum\", \"intensity\": 3}]${bi_padding}")
file(SIZE ${BI_WORK}/intake-too-large.json bi_size)
math(EXPR bi_missing "65537 - ${bi_size} - 1")
string(REPEAT " " ${bi_missing} bi_more)
file(APPEND ${BI_WORK}/intake-too-large.json "${bi_more}}")

# bad_input(NAME EXIT status [COPY file] COMMAND args... STDERR texts...)
# COPY: a fresh copy of `file` is made before the test; {copy} in the
# command stands for it.
function(bad_input name)
  cmake_parse_arguments(PARSE_ARGV 1 B "" "EXIT;COPY" "COMMAND;STDERR")
  set(test "bad input: ${name}")
  set(command "")
  set(unchanged "")
  if(DEFINED B_COPY)
    string(MAKE_C_IDENTIFIER "${name}" slug)
    set(copy ${BI_WORK}/${slug}.json)
    add_test(NAME "${test} (fresh copy)" COMMAND ${CMAKE_COMMAND} -E copy ${B_COPY} ${copy})
    set_tests_properties("${test} (fresh copy)" PROPERTIES FIXTURES_SETUP "bi_${slug}"
      LABELS "cli;bad_input")
    list(APPEND unchanged ${copy})
  endif()
  foreach(arg IN LISTS B_COMMAND)
    if(arg STREQUAL "{copy}")
      set(arg ${copy})
    elseif(IS_ABSOLUTE "${arg}" AND EXISTS "${arg}" AND NOT IS_DIRECTORY "${arg}")
      list(APPEND unchanged ${arg})
    endif()
    list(APPEND command ${arg})
  endforeach()
  myoref_cli_test("${test}" COMMAND ${BI_MYOREF} ${command} EXPECT_EXIT ${B_EXIT}
    STDERR_CONTAINS ${B_STDERR} UNCHANGED ${unchanged} LABELS bad_input)
  if(DEFINED B_COPY)
    set_tests_properties("${test}" PROPERTIES FIXTURES_REQUIRED "bi_${slug}")
  endif()
endfunction()

# --- JSON hygiene: an intake (myoref assess) -------------------------------------
bad_input("an empty intake file is incomplete JSON" EXIT 3
  COMMAND assess ${BI_DATA}/intake-empty.json ${BI_KB}
  STDERR "intake is not valid JSON" "the document ends too early")
bad_input("a truncated intake names the line and column where it ends" EXIT 3
  COMMAND assess ${BI_DATA}/intake-truncated.json ${BI_KB}
  STDERR "the document ends too early (incomplete JSON) at line 1, column 61")
bad_input("a byte order mark is refused, and named" EXIT 3
  COMMAND assess ${BI_DATA}/intake-bom.json ${BI_KB}
  STDERR "byte order mark (U+FEFF), which JSON does not allow at line 1, column 1")
bad_input("a comment is refused, and named" EXIT 3
  COMMAND assess ${BI_DATA}/intake-comment.json ${BI_KB}
  STDERR "a comment (JSON has no comments) at line 2, column 3")
bad_input("a trailing comma is refused, and named" EXIT 3
  COMMAND assess ${BI_DATA}/intake-trailing-comma.json ${BI_KB}
  STDERR "syntax error: a trailing comma at line 1")
bad_input("a second document after the first is trailing data" EXIT 3
  COMMAND assess ${BI_DATA}/intake-trailing-data.json ${BI_KB}
  STDERR "unexpected data after the JSON document at line 2, column 1")
bad_input("a duplicate key is refused with its path" EXIT 3
  COMMAND assess ${BI_DATA}/intake-duplicate-key.json ${BI_KB}
  STDERR "/age: duplicate key \"age\"")
bad_input("1e999 is refused with its path, not read as infinity" EXIT 3
  COMMAND assess ${BI_DATA}/intake-huge-number.json ${BI_KB}
  STDERR "/pain/0/intensity: a number is too large to represent")
bad_input("invalid UTF-8 is refused with the line and column" EXIT 3
  COMMAND assess ${BI_DATA}/intake-invalid-utf8.json ${BI_KB}
  STDERR "syntax error: invalid UTF-8 at line 1, column 89")
bad_input("a NUL byte is refused, and named" EXIT 3
  COMMAND assess ${BI_DATA}/intake-nul-byte.json ${BI_KB}
  STDERR "syntax error: a NUL byte at line 1, column 2")
bad_input("an intake nested deeper than 8 levels is a limit, with the path" EXIT 3
  COMMAND assess ${BI_DATA}/intake-too-deep.json ${BI_KB}
  STDERR "/pain/0/region/0/0/0/0/0: nesting is deeper than 8 levels")
bad_input("an intake over 64 KiB is refused by its size" EXIT 3
  COMMAND assess ${BI_WORK}/intake-too-large.json ${BI_KB}
  STDERR "intake is too large" "the document is 65537 bytes; the limit is 65536")
bad_input("257 pain marks are a limit, refused at the 257th" EXIT 3
  COMMAND assess ${BI_DATA}/intake-257-marks.json ${BI_KB}
  STDERR "/pain/256: an array has more than 256 elements")
bad_input("an intake that is an array, not an object" EXIT 3
  COMMAND assess ${BI_DATA}/intake-array.json ${BI_KB}
  STDERR "(document): expected an intake: an object with \"pain\"")
bad_input("control characters from the input are escaped in the message" EXIT 3
  COMMAND assess ${BI_DATA}/intake-control-characters.json ${BI_KB}
  STDERR "/pain/0/region: unknown region \"sacrum\\u001b\\u0007\\u009b\"")

# --- the intake's schema and rules -----------------------------------------------
bad_input("an intake without pain says pain is required" EXIT 3
  COMMAND assess ${BI_DATA}/intake-no-pain.json ${BI_KB}
  STDERR "/pain: missing: an intake needs \"pain\"")
bad_input("a misspelt field is unknown, with a suggestion" EXIT 3
  COMMAND assess ${BI_DATA}/intake-typo-field.json ${BI_KB}
  STDERR "/pian: unknown field \"pian\" (did you mean \"pain\"?)")
bad_input("a misspelt region is unknown, with a suggestion" EXIT 3
  COMMAND assess ${BI_DATA}/intake-unknown-region.json ${BI_KB}
  STDERR "/pain/0/region: unknown region \"buttock_uper\" (did you mean \"buttock_upper\"?)")
bad_input("a side on a midline region is refused" EXIT 3
  COMMAND assess ${BI_DATA}/intake-side-on-midline.json ${BI_KB}
  STDERR "/pain/0/side: \"sacrum\" is a midline region: leave out \"side\"")
bad_input("a paired region without a side is refused" EXIT 3
  COMMAND assess ${BI_DATA}/intake-paired-without-side.json ${BI_KB}
  STDERR "/pain/0/side: missing: \"buttock_upper\" is a paired region")
bad_input("intensity 11 is out of range" EXIT 3
  COMMAND assess ${BI_DATA}/intake-intensity-11.json ${BI_KB}
  STDERR "/pain/0/intensity: 11 is out of range: expected an integer 0..10")
bad_input("intensity 6.5 is not an integer" EXIT 3
  COMMAND assess ${BI_DATA}/intake-intensity-fraction.json ${BI_KB}
  STDERR "/pain/0/intensity: expected an integer 0..10 (pain now, 0 = none), got a number with a fraction")
bad_input("intensity \"6\" is a string, not a number" EXIT 3
  COMMAND assess ${BI_DATA}/intake-intensity-string.json ${BI_KB}
  STDERR "/pain/0/intensity: expected an integer 0..10 (pain now, 0 = none), got a string")
bad_input("the same region and side twice is refused with both places" EXIT 3
  COMMAND assess ${BI_DATA}/intake-region-twice.json ${BI_KB}
  STDERR "/pain/1: \"buttock_upper:left\" is marked twice (also at /pain/0)")
bad_input("a coarse region and one of its own parts are refused with both places" EXIT 3
  COMMAND assess ${BI_DATA}/intake-coarse-and-part.json
  STDERR "/pain/1: \"throat\" is a part of \"neck:left\" (the other mark is at /pain/0)")
bad_input("a finding both confirmed and denied is refused" EXIT 3
  COMMAND assess ${BI_DATA}/intake-confirmed-and-denied.json ${BI_KB}
  STDERR "/denied/0: \"walking\" is both confirmed (at /findings/0) and denied")
bad_input("age 121 is out of range" EXIT 3
  COMMAND assess ${BI_DATA}/intake-age-121.json ${BI_KB}
  STDERR "/age: 121 is out of range: expected an integer 0..120 (years)")
bad_input("an onset other than sudden or gradual is refused" EXIT 3
  COMMAND assess ${BI_DATA}/intake-unknown-onset.json ${BI_KB}
  STDERR "/onset: expected \"sudden\" or \"gradual\", got \"slowly\"")
bad_input("pain that is not a list is refused" EXIT 3
  COMMAND assess ${BI_DATA}/intake-pain-not-a-list.json ${BI_KB}
  STDERR "/pain: expected an array of pain marks, got an object")
bad_input("a misspelt red flag is unknown, with a suggestion" EXIT 3
  COMMAND assess ${BI_DATA}/intake-unknown-red-flag.json ${BI_KB}
  STDERR "/red_flags/0: unknown red flag \"saddle_numbnes\" (did you mean \"saddle_numbness\"?)")
bad_input("a red flag answered both yes and no is refused with both places" EXIT 3
  COMMAND assess ${BI_DATA}/intake-red-flag-yes-and-no.json
  STDERR "/red_flags_denied/1: \"saddle_numbness\" is answered both yes (at /red_flags/0) and no"
    "keep it in the one list that holds the answer")
bad_input("an unknown precaution is refused, with a suggestion" EXIT 3
  COMMAND assess ${BI_DATA}/intake-unknown-precaution.json
  STDERR "/precautions/0: unknown precaution \"blood_thiners\" (did you mean \"blood_thinners\"?)")
bad_input("a sex other than female or male is refused, with a suggestion" EXIT 3
  COMMAND assess ${BI_DATA}/intake-bad-sex.json
  STDERR "/sex: expected \"female\" or \"male\"" "got \"Female\" (did you mean \"female\"?)")
bad_input("every problem of an intake is listed at once" EXIT 3
  COMMAND assess ${BI_DATA}/intake-several-problems.json ${BI_KB}
  STDERR "intake is not valid: 6 problems" "/pain/0/region: unknown region"
    "/pain/0/intensity: 12 is out of range" "/pain/1/side: \"sacrum\" is a midline region"
    "/findings/0: unknown finding \"walkng\"" "/age: -1 is out of range"
    "/onset: expected \"sudden\" or \"gradual\"")

# --- files that cannot be read ---------------------------------------------------
bad_input("a missing intake file says it cannot be opened" EXIT 3
  COMMAND assess ${BI_WORK}/no-such-intake.json ${BI_KB}
  STDERR "no-such-intake.json: cannot open: No such file or directory")
bad_input("a folder given as the intake cannot be read" EXIT 3
  COMMAND assess ${BI_DATA} ${BI_KB}
  STDERR "cannot read")
add_test(NAME "bad input: a 20 MB intake on standard input is refused without reading it all"
  COMMAND sh -c "out=$(head -c 20000000 /dev/zero | \"$0\" assess - 2>&1); rc=$?; echo \"$out\"; [ $rc -eq 3 ] && echo \"$out\" | grep -q 'larger than 16 MiB'"
    ${BI_MYOREF})
set_tests_properties("bad input: a 20 MB intake on standard input is refused without reading it all"
  PROPERTIES LABELS "cli;bad_input")

# --- a knowledge base (myoref kb check, --kb) ------------------------------------
bad_input("a knowledge base with a duplicate key is refused with its path" EXIT 3
  COMMAND kb check ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/kb/duplicate_key
  STDERR "knowledge base is not acceptable JSON" "/id: duplicate key \"id\"")
bad_input("a knowledge base of a newer schema says which one this library reads" EXIT 3
  COMMAND kb check ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/kb/newer_schema
  STDERR "/schema: this library reads \"myoref.kb/1\", not \"myoref.kb/2\"")
bad_input("assess with a malformed --kb names the knowledge base, not the intake" EXIT 3
  COMMAND assess ${BI_PLAN}/intake-glute.json --kb ${MYOREF_TEST_DATA}/data/kb/malformed_several.json
  STDERR "malformed_several.json: the knowledge base has 6 errors" "/title: required field")

# --- an assessment (myoref plan start): the --out file is never touched -----------
bad_input("a plan at urgent triage is refused, the --out file unchanged" EXIT 4
  COPY ${BI_PLAN}/plan-fresh.json
  COMMAND plan start ${BI_PLAN}/assessment-urgent.json --out {copy} ${BI_KB}
  STDERR "no self-care plan at urgent triage")
bad_input("a plan at emergency triage is refused, the --out file unchanged" EXIT 4
  COPY ${BI_PLAN}/plan-fresh.json
  COMMAND plan start ${BI_PLAN}/assessment-emergency.json --out {copy} ${BI_KB}
  STDERR "no self-care plan at emergency triage")
bad_input("an assessment whose echoed intake was edited is refused at the intake's path" EXIT 3
  COPY ${BI_PLAN}/plan-fresh.json
  COMMAND plan start ${BI_DATA}/assessment-edited-intake.json --out {copy} ${BI_KB}
  STDERR "/intake/pain/0/intensity: 11 is out of range")
bad_input("an assessment that does not name its knowledge base is refused" EXIT 3
  COPY ${BI_PLAN}/plan-fresh.json
  COMMAND plan start ${BI_DATA}/assessment-no-kb.json --out {copy} ${BI_KB}
  STDERR "/kb: expected {\"id\", \"version\", \"hash\"}")
bad_input("an assessment made with another knowledge base is refused" EXIT 3
  COPY ${BI_PLAN}/plan-fresh.json
  COMMAND plan start ${BI_PLAN}/assessment-glute.json --out {copy}
  STDERR "assessment was made with another knowledge base" "/kb/id: made with \"plan-test\"")
bad_input("an assessment with a trailing comma is refused" EXIT 3
  COPY ${BI_PLAN}/plan-fresh.json
  COMMAND plan start ${BI_DATA}/assessment-trailing-comma.json --out {copy} ${BI_KB}
  STDERR "assessment is not valid JSON" "a trailing comma")

# --- a plan (myoref plan log, plan next): the plan file is never touched ----------
bad_input("a plan edited by hand fails its integrity check, and is not rewritten" EXIT 3
  COPY ${BI_PLAN}/plan-edited.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "fails its integrity check" "/integrity/sha256: does not match")
bad_input("a truncated plan is refused, and not rewritten" EXIT 3
  COPY ${BI_PLAN}/plan-truncated.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "plan is not valid JSON" "the document ends too early")
bad_input("a plan of a newer format is refused, and not rewritten" EXIT 3
  COPY ${BI_PLAN}/plan-future-version.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "/format_version: unsupported format version 4")
bad_input("a plan made with another knowledge base is refused, and not rewritten" EXIT 3
  COPY ${BI_PLAN}/plan-other-kb.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "another knowledge base: the same id \"plan-test\"" "/kb/hash: made with \"plan-test\" (hash")
bad_input("a plan whose history the rules could not give is refused, and not rewritten" EXIT 3
  COPY ${BI_PLAN}/plan-impossible.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "its history is impossible" "/sessions/1/date")
bad_input("a plan with a byte order mark is refused, and not rewritten" EXIT 3
  COPY ${BI_DATA}/plan-bom.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "plan is not valid JSON" "byte order mark")
bad_input("a plan with a duplicate key is refused before its integrity check" EXIT 3
  COPY ${BI_DATA}/plan-duplicate-key.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "/baseline_pain: duplicate key \"baseline_pain\"")
bad_input("a plan with 6e999 is refused before its integrity check" EXIT 3
  COPY ${BI_DATA}/plan-huge-number.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "/baseline_pain: a number is too large to represent")
bad_input("an intake given as a plan is not a plan document" EXIT 3
  COPY ${BI_DATA}/plan-not-a-plan.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "not a myoref plan document" "/format: expected \"myoref.plan\"")
bad_input("a stopped plan takes no more sessions (safety), and is not rewritten" EXIT 4
  COPY ${BI_PLAN}/plan-stopped.json
  COMMAND plan log {copy} ${BI_DATA}/session-good.json ${BI_KB}
  STDERR "the plan has stopped; no more sessions are taken")
bad_input("plan next on a plan edited by hand is refused" EXIT 3
  COMMAND plan next ${BI_PLAN}/plan-edited.json ${BI_KB}
  STDERR "fails its integrity check")

# --- a session (myoref plan log): neither file changes ---------------------------
foreach(case
    "backdated|a backdated session is refused with its date and the last one|/date: 2026-11-21 is earlier than the last logged session (2026-11-22)"
    "not-a-date|30 February is not a date|/date: \"2026-02-30\": there is no such day in that month"
    "wrong-target|a session on another muscle names the current target|/target: the plan's current target is gluteus_medius:left, not quadratus_lumborum:left"
    "steps-out-of-order|steps out of order name the order|/steps/1: release comes after stretch"
    "step-twice|a step done twice is refused|/steps/1: release is listed twice"
    "unknown-step|a misspelt step is unknown, with a suggestion|/steps/1: unknown step \"strech\""
    "pain-11|pain 11 after a session is out of range|/pain_after: expected an integer from 0 to 10, got 11"
    "unknown-red-flag|a misspelt red flag in a session is unknown, with a suggestion|/red_flags/0: unknown red flag \"saddle_numbnes\" (did you mean \"saddle_numbness\"?)"
    "unknown-field|a session with a field the log does not have is refused|/notes: unknown field"
    "missing-field|a session without pain_before says it is required|/pain_before: missing (required)"
    "bom|a session with a byte order mark is refused|byte order mark"
    "duplicate-key|a session with a duplicate key is refused with its path|/pain_after: duplicate key \"pain_after\""
    "trailing-data|a session followed by more JSON is refused|unexpected data after the JSON document"
    "not-json|a session that is not JSON names the bare word|a bare word (text goes in double quotes")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 file)
  list(GET parts 1 what)
  list(GET parts 2 message)
  bad_input("${what}, and the plan is not rewritten" EXIT 3
    COPY ${BI_PLAN}/plan-two-sessions.json
    COMMAND plan log {copy} ${BI_DATA}/session-${file}.json ${BI_KB}
    STDERR "${message}")
endforeach()

# The same classes of bad input through the C API, from C, as a host links it.
add_executable(myoref_bad_input_c ${BI_DATA}/bad_input_c.c)
set_target_properties(myoref_bad_input_c PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_link_libraries(myoref_bad_input_c PRIVATE myoref)
myoref_set_warnings(myoref_bad_input_c)
add_test(NAME "bad input: the C API refuses each class with its status, message and path, handles unchanged"
  COMMAND myoref_bad_input_c ${PROJECT_SOURCE_DIR})
set_tests_properties("bad input: the C API refuses each class with its status, message and path, handles unchanged"
  PROPERTIES LABELS "c;bad_input")

# Out of memory at every allocation of a few scenarios, through the C API.
add_executable(myoref_oom_c_api ${BI_DATA}/oom_c_api.cpp)
target_link_libraries(myoref_oom_c_api PRIVATE myoref)
myoref_set_warnings(myoref_oom_c_api)
add_test(NAME "bad input: out of memory at any allocation is MYOREF_ENOMEM and changes nothing"
  COMMAND myoref_oom_c_api ${PROJECT_SOURCE_DIR})
set_tests_properties("bad input: out of memory at any allocation is MYOREF_ENOMEM and changes nothing"
  PROPERTIES LABELS "c;bad_input")
