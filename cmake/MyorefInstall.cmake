# Installation: the two libraries, their headers, a CMake package and a
# pkg-config file (docs/c-api.md, "Building against an installed myoref").
#
#   myoref::myoref  the C API library (shared by default): C headers only
#                   (myoref/myoref.h, myoref_cxx.h, export.h, version.h)
#   myoref::core    the static C++ library and the C++ headers (myoref/*.hpp),
#                   which need the GSL headers, and Boost.JSON to link
#
# Two export sets, so that myorefConfig.cmake asks for GSL and Boost only when
# myoref::core is wanted: a C host of the shared library needs neither.
include(CMakePackageConfigHelpers)

install(TARGETS myoref EXPORT myorefTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS myoref_core EXPORT myorefCoreTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/myoref ${PROJECT_SOURCE_DIR}/bindings/c/include/myoref
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/myoref/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/myoref)
install(FILES ${MYOREF_DEFAULT_KB_JSON} DESTINATION ${CMAKE_INSTALL_DATADIR}/myoref)

set(MYOREF_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/myoref)
install(EXPORT myorefTargets NAMESPACE myoref:: DESTINATION ${MYOREF_CMAKE_DIR})
install(EXPORT myorefCoreTargets NAMESPACE myoref:: DESTINATION ${MYOREF_CMAKE_DIR})

# What a static library needs at link time beyond itself, for the package
# files: Boost.JSON (unless compiled in), the C++ runtime, libm and threads.
get_target_property(MYOREF_LIBRARY_TYPE myoref TYPE)
if(MYOREF_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(MYOREF_STATIC ON)
else()
  set(MYOREF_STATIC OFF)
endif()
set(MYOREF_CXX_RUNTIME stdc++)
set(MYOREF_BOOST_JSON_LIBRARY_DIR "")
if(TARGET Boost::json)
  get_target_property(boost_json_location Boost::json LOCATION)
  if(boost_json_location)
    get_filename_component(MYOREF_BOOST_JSON_LIBRARY_DIR "${boost_json_location}" DIRECTORY)
  endif()
endif()
if(MYOREF_BOOST_JSON_HEADER_ONLY)
  set(MYOREF_PC_BOOST "")
  set(MYOREF_BOOST_COMPONENTS "")
else()
  set(MYOREF_PC_BOOST "-lboost_json")
  set(MYOREF_BOOST_COMPONENTS "COMPONENTS json")
endif()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/myorefConfig.cmake.in
  ${PROJECT_BINARY_DIR}/myorefConfig.cmake
  INSTALL_DESTINATION ${MYOREF_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/myorefConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/myorefConfig.cmake ${PROJECT_BINARY_DIR}/myorefConfigVersion.cmake
  DESTINATION ${MYOREF_CMAKE_DIR})

# pkg-config: `pkg-config --libs myoref` links the C API library;
# `--static` adds what the static library needs.
if(MYOREF_STATIC)
  set(MYOREF_PC_CFLAGS "-DMYOREF_STATIC_DEFINE")
else()
  set(MYOREF_PC_CFLAGS "")
endif()
string(STRIP "${MYOREF_PC_BOOST} -l${MYOREF_CXX_RUNTIME} -lm -lpthread" MYOREF_PC_LIBS_PRIVATE)
file(RELATIVE_PATH MYOREF_PC_UP /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/myoref.pc.in ${PROJECT_BINARY_DIR}/myoref.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/myoref.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
