# One list of warnings, applied per target with myoref_set_warnings(target).
set(MYOREF_CXX_WARNINGS
  -Wall -Wextra -Wpedantic
  -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
  -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough -Wmissing-declarations)
set(MYOREF_C_WARNINGS
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wstrict-prototypes -Wmissing-prototypes -Wformat=2)

function(myoref_set_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:${MYOREF_CXX_WARNINGS}>
    $<$<COMPILE_LANGUAGE:C>:${MYOREF_C_WARNINGS}>)
  if(MYOREF_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
