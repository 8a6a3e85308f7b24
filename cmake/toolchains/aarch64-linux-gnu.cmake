# Cross build for 64-bit ARM Linux with Debian's cross compiler
# (g++-aarch64-linux-gnu; scripts/deps.sh cross). `make cross-arm64` uses it:
#
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake \
#         -DMYOREF_BOOST_JSON_HEADER_ONLY=ON
#
# The target's C library comes from /usr/aarch64-linux-gnu. Boost.JSON and GSL
# are header-only there: their headers are the build machine's (/usr/include,
# which the cross compiler searches last, after its own), and Boost.JSON is
# compiled into the library (MYOREF_BOOST_JSON_HEADER_ONLY), since Debian's
# libboost_json is for the build machine only. Tests run under qemu-user
# (CMAKE_CROSSCOMPILING_EMULATOR: ctest prefixes every test program with it).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(MYOREF_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${MYOREF_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${MYOREF_CROSS_TRIPLE}-g++)

set(CMAKE_FIND_ROOT_PATH /usr/${MYOREF_CROSS_TRIPLE})
# Programs (python3, nm for the build machine's tools) from the build machine;
# libraries from the target's root only; headers and CMake packages from both,
# for the header-only packages (GSL, Boost's headers).
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/${MYOREF_CROSS_TRIPLE})
