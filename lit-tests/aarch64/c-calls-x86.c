// A C main (compiled by the AArch64 cross compiler) calls an x86-64 assembly
// function translated by crt-cc: translated code keeps the native ABI.
// REQUIRES: qemu-aarch64
// RUN: %crt-cc --target=aarch64-linux-gnu %s %S/Inputs/add2.s -o %t
// RUN: %crt-run --target=aarch64-linux-gnu %t | FileCheck %s
#include <stdio.h>

int add2(int a, int b);

int main(void) {
    printf("add2(40, 2) = %d\n", add2(40, 2));
    printf("add2(-7, 3) = %d\n", add2(-7, 3));
    return 0;
}

// CHECK: add2(40, 2) = 42
// CHECK-NEXT: add2(-7, 3) = -4
