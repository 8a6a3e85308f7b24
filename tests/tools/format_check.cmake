# cmake -DCLANG_FORMAT=... -DROOT=... -P format_check.cmake
# Fails, naming the files, when any of our C or C++ sources differs from what
# clang-format would write. Seed corpora and generated files are not ours to format.
set(dirs include src bindings examples tools tests benchmarks)
set(files)
foreach(dir IN LISTS dirs)
  file(GLOB_RECURSE found ${ROOT}/${dir}/*.c ${ROOT}/${dir}/*.h ${ROOT}/${dir}/*.cpp
       ${ROOT}/${dir}/*.hpp)
  list(APPEND files ${found})
endforeach()
list(FILTER files EXCLUDE REGEX "/tests/fuzz/corpus/")
list(SORT files)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no sources found under ${ROOT}")
endif()
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  # Each violation starts "<file>:<line>:<column>: error: ..."; name each file once.
  string(REGEX MATCHALL "[^\n]+:[0-9]+:[0-9]+: error" hits "${err}")
  set(bad)
  foreach(hit IN LISTS hits)
    string(REGEX REPLACE ":[0-9]+:[0-9]+: error$" "" path "${hit}")
    file(RELATIVE_PATH rel ${ROOT} ${path})
    list(APPEND bad ${rel})
  endforeach()
  list(REMOVE_DUPLICATES bad)
  list(JOIN bad "\n  " listed)
  message(FATAL_ERROR "not formatted as .clang-format says (run `make format`):\n  ${listed}\n${err}")
endif()
message(STATUS "${count} files follow .clang-format")
