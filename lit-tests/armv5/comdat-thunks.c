// Every i386 PIC object defines __x86.get_pc_thunk.bx in a COMDAT group: two translated objects
// using the same thunk must link (the translation keeps COMDAT members weak).
// REQUIRES: qemu-arm
// RUN: %crt-cc --target=arm-linux-gnueabi -m32 --crt-via-x86 -O2 -fPIC -DPART=1 -c %s -o %t1.o
// RUN: %crt-cc --target=arm-linux-gnueabi -m32 --crt-via-x86 -O2 -fPIC -DPART=2 -c %s -o %t2.o
// RUN: %crt-cc --target=arm-linux-gnueabi %t1.o %t2.o -o %t
// RUN: %crt-run --target=arm-linux-gnueabi %t | FileCheck %s
// CHECK: b=13 c=25
#include <stdio.h>

int b(int x);
int c(int x);
#if PART == 1
static int t[4] = {10, 11, 12, 13};
int b(int x) { return t[x & 3]; }
int main(void) {
    printf("b=%d c=%d\n", b(3), c(1));
    return 0;
}
#else
static int u[4] = {24, 25, 26, 27};
int c(int x) { return u[x & 3]; }
#endif
