# The JavaScript package over the WebAssembly build (bindings/js): node's test
# runner over build-wasm/package, beside the native command. `make test` builds
# the package first (`make web`) when emscripten is installed; without
# emscripten, or when build-wasm/package has not been built, the test is
# skipped with a message saying so (exit 77).
set(MYOREF_JS_PACKAGE ${PROJECT_SOURCE_DIR}/build-wasm/package CACHE PATH
  "The built JavaScript package (make web) that the node tests load")
add_test(NAME js_node
  COMMAND ${PROJECT_SOURCE_DIR}/bindings/js/test/run.sh ${MYOREF_JS_PACKAGE}
          $<TARGET_FILE:myoref_cli> ${PROJECT_SOURCE_DIR}/bindings/js/test)
set_tests_properties(js_node PROPERTIES LABELS "js" SKIP_RETURN_CODE 77 TIMEOUT 1500)
