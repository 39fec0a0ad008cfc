# CMake toolchain file: build with crt-cc for ARMv5TE (soft-float EABI) (arm-linux-gnueabi).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=$CRT_CC_REPO/cmake/crt-armv5.cmake
#   cmake --build build && ctest --test-dir build     # tests run under crt-run (qemu)
set(CRT_TRIPLE arm-linux-gnueabi)
set(CMAKE_SYSTEM_PROCESSOR arm)
include("${CMAKE_CURRENT_LIST_DIR}/crt-common.cmake")
