# CMake toolchain file: build with crt-cc for RISC-V64 (RV64GC, lp64d) (riscv64-linux-gnu).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=$CRT_CC_REPO/cmake/crt-riscv64.cmake
#   cmake --build build && ctest --test-dir build     # tests run under crt-run (qemu)
set(CRT_TRIPLE riscv64-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR riscv64)
include("${CMAKE_CURRENT_LIST_DIR}/crt-common.cmake")
