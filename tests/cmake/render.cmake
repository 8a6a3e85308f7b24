# Pictures: the myoref render / report commands, and checks that every chart
# is well-formed XML, rasterises, and that the report opens cleanly in a
# browser. Tools come from `scripts/deps.sh test`; a missing one fails its test
# rather than skipping it.
set(render_golden ${PROJECT_SOURCE_DIR}/tests/golden/render)
set(render_out ${CMAKE_CURRENT_BINARY_DIR}/render)
set(render_intake ${render_golden}/intake_gluteus_medius.json)
set(myoref $<TARGET_FILE:myoref_cli>)
file(MAKE_DIRECTORY ${render_out})

# --- The commands ------------------------------------------------------------
myoref_cli_test("render: muscle chart to standard output"
  COMMAND ${myoref} render muscle gluteus_medius --out -
  GOLDEN ${render_golden}/muscle_gluteus_medius_left.svg LABELS render)
myoref_cli_test("muscle: --format svg is the chart of the left muscle"
  COMMAND ${myoref} muscle gluteus_medius --format svg
  GOLDEN ${render_golden}/muscle_gluteus_medius_left.svg LABELS render)
myoref_cli_test("render: an alias and the right side"
  COMMAND ${myoref} render muscle psoas --side right --out -
  STDOUT_CONTAINS "Iliopsoas (right): referral pattern" LABELS render)
myoref_cli_test("render: unknown muscle is bad input with a suggestion"
  COMMAND ${myoref} render muscle gluteus_medus --out -
  EXPECT_EXIT 3 STDERR_CONTAINS "unknown muscle \"gluteus_medus\"" "did you mean \"gluteus_medius\""
  LABELS render)
myoref_cli_test("render: a side that is not left or right is a usage error"
  COMMAND ${myoref} render muscle soleus --side middle --out -
  EXPECT_EXIT 2 STDERR_CONTAINS "--side is left or right" LABELS render)
# The default knowledge base has no midline muscle; the small one in
# tests/data/kb/ keeps a midline pelvic floor for this path.
myoref_cli_test("render: a midline muscle takes no side"
  COMMAND ${myoref} render muscle pelvic_floor --side left
    --kb ${PROJECT_SOURCE_DIR}/tests/data/kb/minimal.json --out -
  EXPECT_EXIT 2 STDERR_CONTAINS "is a midline muscle" LABELS render)
myoref_cli_test("render: the pelvic floor muscles have sides"
  COMMAND ${myoref} render muscle pelvic_floor --side right --out -
  STDOUT_CONTAINS "Pelvic floor (right): referral pattern" "Sitting bone (right)" LABELS render)
myoref_cli_test("render: no picture named is a usage error"
  COMMAND ${myoref} render EXPECT_EXIT 2 LABELS render)
myoref_cli_test("render: --out is required"
  COMMAND ${myoref} render muscle soleus EXPECT_EXIT 2 LABELS render)
myoref_cli_test("render: pain drawing"
  COMMAND ${myoref} render intake ${render_intake} --out -
  GOLDEN ${render_golden}/intake_gluteus_medius.svg LABELS render)
myoref_cli_test("render: overlay"
  COMMAND ${myoref} render overlay ${render_intake} --candidate gluteus_medius:left --out -
  GOLDEN ${render_golden}/overlay_gluteus_medius_left.svg LABELS render)
myoref_cli_test("render: overlay with an unknown candidate is bad input"
  COMMAND ${myoref} render overlay ${render_intake} --candidate gluteus_medius:up --out -
  EXPECT_EXIT 3 STDERR_CONTAINS "unknown candidate \"gluteus_medius:up\"" LABELS render)
myoref_cli_test("render: a bad intake names the file, the path and what was expected"
  COMMAND ${myoref} render intake ${render_golden}/intake_bad.json --out -
  EXPECT_EXIT 3 STDERR_CONTAINS "intake_bad.json" "/pain/0/intensity" "/pain/1/region"
  "did you mean \"buttock_upper\"" LABELS render)
file(WRITE ${render_out}/kept.html "an earlier report\n")
myoref_cli_test("report: a failed report leaves the output file as it was"
  COMMAND ${myoref} report ${render_golden}/intake_bad.json --out ${render_out}/kept.html
  EXPECT_EXIT 3 UNCHANGED ${render_out}/kept.html LABELS render)
myoref_cli_test("report: one page with triage, ranking and the first step"
  COMMAND ${myoref} report ${render_intake} --out -
  STDOUT_CONTAINS "<!DOCTYPE html>" "Questions to answer first"
  "See a clinician about this pain within one to two weeks"
  "Gluteus medius (left)" "First step: release" LABELS render)

# --- Every chart parses as XML and rasterises ----------------------------------
add_test(NAME "render: export every muscle chart" COMMAND myoref_tests "[render-export]")
set_tests_properties("render: export every muscle chart" PROPERTIES
  ENVIRONMENT "MYOREF_RENDER_OUT=${render_out}" FIXTURES_SETUP render_charts LABELS render)

find_program(MYOREF_XMLLINT xmllint)
find_program(MYOREF_RSVG_CONVERT rsvg-convert)
find_program(MYOREF_CHROMIUM NAMES chromium chromium-browser)
foreach(tool MYOREF_XMLLINT MYOREF_RSVG_CONVERT MYOREF_CHROMIUM)
  if(NOT ${tool})
    set(${tool} "${tool}-NOT-FOUND-run-scripts/deps.sh-test")
  endif()
endforeach()

# At least one chart per muscle and side, so an empty export cannot pass.
add_test(NAME "render: every chart is well-formed XML"
  COMMAND sh -c "lint=\"$1\"; set -- \"$0\"/*.svg; [ \"$#\" -ge 40 ] || { echo \"only $# charts\"; exit 1; }; \"$lint\" --noout \"$@\"" ${render_out} ${MYOREF_XMLLINT})
add_test(NAME "render: every chart rasterises"
  COMMAND sh -c "n=0; for f in \"$0\"/*.svg; do \"$1\" \"$f\" -o \"\${f%.svg}.png\" || exit 1; n=$((n+1)); done; [ $n -ge 40 ] || { echo \"only $n charts\"; exit 1; }" ${render_out} ${MYOREF_RSVG_CONVERT})
set_tests_properties("render: every chart is well-formed XML" "render: every chart rasterises"
  PROPERTIES FIXTURES_REQUIRED render_charts LABELS render)

# --- The report in a browser ---------------------------------------------------
add_test(NAME "report: opens in headless Chromium without a console error"
  COMMAND ${CMAKE_COMMAND} -DMYOREF=$<TARGET_FILE:myoref_cli> -DINTAKE=${render_intake}
          -DOUT_DIR=${render_out} -DCHROMIUM=${MYOREF_CHROMIUM}
          -P ${PROJECT_SOURCE_DIR}/tests/tools/report_in_browser.cmake)
set_tests_properties("report: opens in headless Chromium without a console error" PROPERTIES
  LABELS render TIMEOUT 180)
