# CMake toolchain file: build with crt-cc for AArch64 (ARMv8-A, LP64) (aarch64-linux-gnu).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=$CRT_CC_REPO/cmake/crt-aarch64.cmake
#   cmake --build build && ctest --test-dir build     # tests run under crt-run (qemu)
set(CRT_TRIPLE aarch64-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
include("${CMAKE_CURRENT_LIST_DIR}/crt-common.cmake")
