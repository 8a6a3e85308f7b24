# Installation: the library, its headers, a CMake package and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS myoref EXPORT myorefTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/myoref ${PROJECT_SOURCE_DIR}/bindings/c/include/myoref
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/myoref/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/myoref)
install(FILES ${MYOREF_DEFAULT_KB_JSON} DESTINATION ${CMAKE_INSTALL_DATADIR}/myoref)

set(MYOREF_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/myoref)
install(EXPORT myorefTargets NAMESPACE myoref:: DESTINATION ${MYOREF_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/myorefConfig.cmake.in
  ${PROJECT_BINARY_DIR}/myorefConfig.cmake
  INSTALL_DESTINATION ${MYOREF_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/myorefConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/myorefConfig.cmake ${PROJECT_BINARY_DIR}/myorefConfigVersion.cmake
  DESTINATION ${MYOREF_CMAKE_DIR})

if(BUILD_SHARED_LIBS)
  set(MYOREF_PC_LIBS_PRIVATE "")
  set(MYOREF_PC_CFLAGS "")
else()
  set(MYOREF_PC_LIBS_PRIVATE "-lboost_json -lstdc++ -lpthread")
  set(MYOREF_PC_CFLAGS "-DMYOREF_STATIC_DEFINE")
endif()
file(RELATIVE_PATH MYOREF_PC_UP /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/myoref.pc.in ${PROJECT_BINARY_DIR}/myoref.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/myoref.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
