# The example app (examples/web, built by `make web` into build-wasm/site) in
# Debian's chromium, driven by playwright-core from npm (tests/browser): a
# journey by mouse and one by keyboard, screenshots against the checked-in
# images, no console error, no request beyond the page's own files, axe-core.
# Skipped with a message (exit 77) when the site was not built, as js_node is.
set(MYOREF_SITE ${PROJECT_SOURCE_DIR}/build-wasm/site CACHE PATH
  "The built example app (make web) that the browser tests open")
add_test(NAME browser_app
  COMMAND ${PROJECT_SOURCE_DIR}/tests/browser/run.sh ${MYOREF_SITE}
          ${PROJECT_SOURCE_DIR}/build-wasm/browser-tests)
set_tests_properties(browser_app PROPERTIES LABELS "browser" SKIP_RETURN_CODE 77 TIMEOUT 600
  RUN_SERIAL TRUE)
