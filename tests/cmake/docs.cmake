# Code in the docs is real. Every snippet of docs/*.md marked with
# <!-- test: run --> is extracted at configure time (tests/docs/doc_snippets.py)
# and tested here: C and C++ snippets are built as programs with the project's
# warnings (and -Werror) and run; Python snippets run against the built
# package; shell snippets run against the built `myoref` in a scratch folder.
# Where the page shows the output (<!-- test: output -->) it must match
# exactly; MYOREF_UPDATE_DOCS=1 ctest -L docs rewrites it from the real run.
find_package(Python3 COMPONENTS Interpreter REQUIRED)

set(doc_tool ${PROJECT_SOURCE_DIR}/tests/docs/doc_snippets.py)
set(doc_out ${CMAKE_CURRENT_BINARY_DIR}/docs/snippets)
set(doc_scratch ${CMAKE_CURRENT_BINARY_DIR}/docs/scratch)

# Re-extract whenever a page or the tool changes.
file(GLOB doc_pages CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${doc_pages} ${doc_tool})
execute_process(
  COMMAND ${Python3_EXECUTABLE} ${doc_tool} extract --docs ${PROJECT_SOURCE_DIR}/docs --out ${doc_out}
  RESULT_VARIABLE doc_result ERROR_VARIABLE doc_error)
if(NOT doc_result EQUAL 0)
  message(FATAL_ERROR "docs: the snippets of docs/*.md cannot be extracted:\n${doc_error}")
endif()

set(MYOREF_DOC_SNIPPET_COUNT 0)

# Called once per snippet by the generated manifest.
function(myoref_doc_snippet page stem index lang file line exit_code)
  set(name "docs: ${stem}.md snippet ${index} (${lang}, line ${line})")
  set(target myoref_doc_${stem}_${index})
  string(MAKE_C_IDENTIFIER ${target} target)
  set(run ${Python3_EXECUTABLE} ${doc_tool} run --page ${page} --index ${index}
          --scratch ${doc_scratch}/${stem}_${index} --myoref-dir $<TARGET_FILE_DIR:myoref_cli>)
  if(lang STREQUAL "cpp")
    # The C++ API: the static core, as a host that embeds myoref links it.
    add_executable(${target} ${file})
    target_link_libraries(${target} PRIVATE myoref_core ${MYOREF_BOOST_JSON} Threads::Threads)
    myoref_set_warnings(${target})
    add_test(NAME "${name}" COMMAND ${run} -- $<TARGET_FILE:${target}>)
  elseif(lang STREQUAL "c")
    # The C API: the public library, as any host links it.
    add_executable(${target} ${file})
    target_link_libraries(${target} PRIVATE myoref)
    myoref_set_warnings(${target})
    add_test(NAME "${name}" COMMAND ${run} -- $<TARGET_FILE:${target}>)
  elseif(lang STREQUAL "py")
    if(NOT TARGET myoref_python)
      return()  # a build without the Python module (e.g. make sanitize)
    endif()
    add_test(NAME "${name}" COMMAND ${run} -- ${MYOREF_PYTHON_EXECUTABLE} ${file})
    set_tests_properties("${name}" PROPERTIES ENVIRONMENT "PYTHONPATH=${MYOREF_PYTHON_DIR}")
  elseif(lang STREQUAL "sh")
    add_test(NAME "${name}" COMMAND ${run})
  elseif(lang STREQUAL "cmake")
    # A reader's CMakeLists.txt, built as an outside project around the source
    # tree, once with g++ and once with clang (clang 14 defaults to C++14: the
    # library must ask for C++17 itself). Nested, the library builds only what
    # the project needs, unoptimised (the reader's build type: none), so each
    # build is short; they run alone, each with two jobs, and not in the
    # sanitizer build, where they would only repeat the plain build's check.
    # The g++ build also installs (MYOREF_INSTALL=ON): that is the static
    # package tests/cmake/install.cmake checks, with no build of its own.
    if(MYOREF_SANITIZE)
      return()
    endif()
    find_program(MYOREF_CLANGXX clang++)
    find_program(MYOREF_CLANG clang)
    set(compilers gnu)
    if(MYOREF_CLANGXX AND MYOREF_CLANG)
      list(APPEND compilers clang)
    endif()
    foreach(compiler IN LISTS compilers)
      if(compiler STREQUAL "gnu")
        set(cc gcc)
        set(cxx g++)
        set(label "g++")
      else()
        set(cc ${MYOREF_CLANG})
        set(cxx ${MYOREF_CLANGXX})
        set(label "clang")
      endif()
      set(project ${CMAKE_CURRENT_BINARY_DIR}/docs/projects/${stem}_${index}_${compiler})
      set(test "docs: ${stem}.md snippet ${index} (cmake, line ${line}, ${label})")
      add_test(NAME "${test}" COMMAND ${Python3_EXECUTABLE} ${doc_tool} run --page ${page}
               --index ${index} --scratch ${doc_scratch}/${stem}_${index}_${compiler} --project ${project}
               --source-dir ${PROJECT_SOURCE_DIR} --cmake ${CMAKE_COMMAND}
               --configure-arg=-DCMAKE_C_COMPILER=${cc} --configure-arg=-DCMAKE_CXX_COMPILER=${cxx}
               --configure-arg=-DMYOREF_INSTALL=ON)
      set_tests_properties("${test}" PROPERTIES RUN_SERIAL TRUE TIMEOUT 1800 LABELS docs)
      if(compiler STREQUAL "gnu" AND NOT MYOREF_DOC_NESTED_BUILD)
        set_tests_properties("${test}" PROPERTIES FIXTURES_SETUP myoref_nested_build)
        set(MYOREF_DOC_NESTED_BUILD ${project}/build PARENT_SCOPE)
      endif()
    endforeach()
    math(EXPR count "${MYOREF_DOC_SNIPPET_COUNT} + 1")
    set(MYOREF_DOC_SNIPPET_COUNT ${count} PARENT_SCOPE)
    return()
  endif()
  set_property(TEST "${name}" APPEND PROPERTY LABELS docs)
  math(EXPR count "${MYOREF_DOC_SNIPPET_COUNT} + 1")
  set(MYOREF_DOC_SNIPPET_COUNT ${count} PARENT_SCOPE)
endfunction()

include(${doc_out}/manifest.cmake)

# The machinery itself: a wrong output, a wrong exit status, a misplaced
# marker and an unknown option must each fail with a message that says so, and
# a page whose snippets match must pass, or a broken page could pass unseen.
set(doc_selftest ${PROJECT_SOURCE_DIR}/tests/docs/selftest)
function(myoref_doc_selftest case index expect_exit)
  myoref_cli_test("docs: the checker on ${case}.md"
    COMMAND ${Python3_EXECUTABLE} ${doc_tool} run --page ${doc_selftest}/${case}.md --index ${index}
            --scratch ${doc_scratch}/selftest_${case} --myoref-dir $<TARGET_FILE_DIR:myoref_cli>
    EXPECT_EXIT ${expect_exit} ${ARGN} UNCHANGED ${doc_selftest}/${case}.md LABELS docs)
  # Never rewrite these pages, even in a run that updates the real ones.
  set_tests_properties("docs: the checker on ${case}.md" PROPERTIES ENVIRONMENT MYOREF_UPDATE_DOCS=0)
endfunction()
myoref_doc_selftest(matching 2 0 STDOUT_CONTAINS "/pain: missing")
myoref_doc_selftest(wrong_output 1 1 STDOUT_CONTAINS "the output differs from the page's")
myoref_doc_selftest(wrong_exit 1 1 STDOUT_CONTAINS "exited 3, expected 0")
myoref_doc_selftest(failing_earlier 2 1 STDOUT_CONTAINS "earlier shell snippet exited 1, expected 0")
myoref_doc_selftest(stray_marker 1 1 STDERR_CONTAINS "a test marker must be right before a code fence")
myoref_doc_selftest(unknown_option 1 1 STDERR_CONTAINS "unknown option 'exits=3'")

# Pictures in the docs are the renderer's own: each file in docs/images that a
# page shows is compared byte for byte with what the command draws now
# (MYOREF_UPDATE_GOLDEN=1 rewrites them; look at them before committing).
set(doc_images ${PROJECT_SOURCE_DIR}/docs/images)
myoref_cli_test("docs: images/concepts_gluteus_minimus_left.svg is the renderer's"
  COMMAND $<TARGET_FILE:myoref_cli> render muscle gluteus_minimus --out -
  GOLDEN ${doc_images}/concepts_gluteus_minimus_left.svg LABELS docs)
myoref_cli_test("docs: images/concepts_overlay_quadratus_lumborum_left.svg is the renderer's"
  COMMAND $<TARGET_FILE:myoref_cli> render overlay ${doc_images}/walkthrough_intake.json
          --candidate quadratus_lumborum:left --out -
  GOLDEN ${doc_images}/concepts_overlay_quadratus_lumborum_left.svg LABELS docs)

# The API reference (make docs) builds from the public headers with no warning,
# so a declaration added without a doc comment fails the suite, not only
# `make docs`. doxygen comes from `scripts/deps.sh test`; when it is missing
# this test fails rather than skipping.
find_program(MYOREF_DOXYGEN doxygen)
if(NOT MYOREF_DOXYGEN)
  set(MYOREF_DOXYGEN "doxygen-NOT-FOUND-run-scripts/deps.sh-test")
endif()
add_test(NAME "docs: the API reference builds with no warning"
  COMMAND ${CMAKE_COMMAND} -E env MYOREF_VERSION=${PROJECT_VERSION}
          MYOREF_DOCS_OUT=${CMAKE_CURRENT_BINARY_DIR}/docs/api ${MYOREF_DOXYGEN} docs/Doxyfile
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("docs: the API reference builds with no warning" PROPERTIES LABELS docs)

# Every relative link and #anchor in the docs, the README and the changelog
# leads to a file and a heading that exist.
file(GLOB doc_link_pages RELATIVE ${PROJECT_SOURCE_DIR} CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
add_test(NAME "docs: every relative link and anchor resolves"
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/docs/check_links.py ${PROJECT_SOURCE_DIR}
          README.md CHANGELOG.md ${doc_link_pages})
set_tests_properties("docs: every relative link and anchor resolves" PROPERTIES LABELS docs)
myoref_cli_test("docs: the link checker finds a missing file and a missing anchor"
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/docs/check_links.py ${PROJECT_SOURCE_DIR}
          tests/docs/selftest/broken_links.md
  EXPECT_EXIT 1 STDOUT_CONTAINS "no_such_page.md: no such file"
  "matching.md#no-such-heading: no heading with anchor #no-such-heading" "3 links checked, 2 broken"
  LABELS docs)
