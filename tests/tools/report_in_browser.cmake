# Renders report.html for an intake, opens it in headless Chromium and saves a
# screenshot (OUT_DIR/report.png). Fails when the command fails, when the
# page logs anything to the console (it has no script, so any message is a
# problem, e.g. a resource it could not load), or when no screenshot appears.
#
#   cmake -DMYOREF=... -DINTAKE=... -DOUT_DIR=... -DCHROMIUM=... -P report_in_browser.cmake
cmake_minimum_required(VERSION 3.22)
set(html ${OUT_DIR}/report.html)
set(png ${OUT_DIR}/report.png)
set(profile ${OUT_DIR}/chromium-profile)
file(REMOVE ${png})
file(REMOVE_RECURSE ${profile})
file(MAKE_DIRECTORY ${profile})

execute_process(COMMAND ${MYOREF} report ${INTAKE} --out ${html}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "myoref report failed (${rc}):\n${err}")
endif()

if(NOT EXISTS "${CHROMIUM}")
  message(FATAL_ERROR "Chromium not found (${CHROMIUM}); install it with scripts/deps.sh test")
endif()
execute_process(
  COMMAND ${CHROMIUM} --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
          --disable-background-networking --disable-component-update --disable-sync
          --user-data-dir=${profile} --enable-logging=stderr --v=0
          --screenshot=${png} --window-size=1200,2000 file://${html}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE log TIMEOUT 150)
file(REMOVE_RECURSE ${profile})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "Chromium failed (${rc}):\n${log}")
endif()
string(REGEX MATCHALL "[^\n]*:CONSOLE[^\n]*" console "${log}")
if(console)
  list(JOIN console "\n" shown)
  message(FATAL_ERROR "the report logged to the browser console:\n${shown}")
endif()
if(NOT EXISTS ${png})
  message(FATAL_ERROR "Chromium wrote no screenshot:\n${log}")
endif()
file(SIZE ${png} size)
if(size LESS 20000)
  message(FATAL_ERROR "the screenshot ${png} is only ${size} bytes: the page looks empty")
endif()
message(STATUS "screenshot: ${png}")
