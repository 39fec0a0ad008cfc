# Shared part of the crt-cc CMake toolchain files (crt-aarch64.cmake, crt-riscv64.cmake,
# crt-armv5.cmake).  Those set CRT_TRIPLE and CMAKE_SYSTEM_PROCESSOR, then include this.
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=/path/to/crt-cc/cmake/crt-aarch64.cmake
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=... -DCRT_VIA_X86=ON    # translate the C too
#
# C and ASM (x86 .s/.S sources, translated) go through <triple>-crt-cc; executables run
# through crt-run (CMAKE_CROSSCOMPILING_EMULATOR, used by ctest and try_run for tests whose
# command names an executable target; tests that run a path such as ./prog need binfmt_misc:
# toolchain/binfmt.sh).
#
# CRT_VIA_X86=ON makes --crt-via-x86 a mandatory argument of the C compiler (C compiled to x86
# assembly by the host gcc and translated), whatever CMAKE_C_FLAGS the project or user sets.
#
# CMAKE_SYSROOT is deliberately not set: Debian's cross compilers are configured with
# --with-sysroot=/ and their libc.so linker scripts name absolute paths such as
# /usr/aarch64-linux-gnu/lib/libc.so.6, so '--sysroot=/usr/<triple>' breaks linking.
# The target root is used for find_* only (CMAKE_FIND_ROOT_PATH); CRT_SYSROOT names it.

set(CMAKE_SYSTEM_NAME Linux)
set(CRT_SYSROOT "/usr/${CRT_TRIPLE}" CACHE PATH "Target root (Debian cross libc)")

# Tools: the repository's .venv/bin (made by 'make setup'), else PATH.
get_filename_component(_crt_repo "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(_crt_bin "${_crt_repo}/.venv/bin")
foreach(_crt_tool cc run)
  if(_crt_tool STREQUAL "cc")
    set(_crt_name "${CRT_TRIPLE}-crt-cc")
  else()
    set(_crt_name "crt-run")
  endif()
  if(EXISTS "${_crt_bin}/${_crt_name}")
    set(_crt_${_crt_tool} "${_crt_bin}/${_crt_name}")
  else()
    find_program(_crt_${_crt_tool}_found NAMES "${_crt_name}")
    if(_crt_${_crt_tool}_found)
      set(_crt_${_crt_tool} "${_crt_${_crt_tool}_found}")
    else()
      message(FATAL_ERROR "crt-cc: '${_crt_name}' not found in ${_crt_bin} or on PATH; run 'make setup' in ${_crt_repo}")
    endif()
  endif()
endforeach()

option(CRT_VIA_X86 "Compile C to x86-64 assembly with the host gcc and translate it (--crt-via-x86)" OFF)
# try_compile projects read this file again: hand them the option.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CRT_VIA_X86)
if(CRT_VIA_X86)
  set(CMAKE_C_COMPILER "${_crt_cc}" --crt-via-x86)
else()
  set(CMAKE_C_COMPILER "${_crt_cc}")
endif()
set(CMAKE_ASM_COMPILER "${_crt_cc}")
# CMake recognises a GNU assembler driver by its --version text, which crt-cc words
# differently; it takes gcc's options, so tell CMake (GNU-ASM rules: .s and .S, -MD deps).
set(CMAKE_ASM_COMPILER_ID GNU)
set(CMAKE_CROSSCOMPILING_EMULATOR "${_crt_run};--target=${CRT_TRIPLE}")

# Target binutils for static libraries.
find_program(CMAKE_AR NAMES "${CRT_TRIPLE}-ar")
find_program(CMAKE_RANLIB NAMES "${CRT_TRIPLE}-ranlib")

set(CMAKE_FIND_ROOT_PATH "${CRT_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
