// i386 -O2 sibling calls hand the callee the caller's own argument area (`jmp g` without
// touching the arguments): the translated caller must copy in the words the callee reads, also
// through a chain of tail calls, and native callers must pass them all.
// REQUIRES: qemu-arm
// RUN: %crt-cc --target=arm-linux-gnueabi -m32 --crt-via-x86 -O2 %s -o %t
// RUN: %crt-run --target=arm-linux-gnueabi %t | FileCheck %s
// CHECK: f=12345 h=54321
#include <stdio.h>

__attribute__((noinline)) int g(int a, int b, int c, int d, int e) {
    return a * 10000 + b * 1000 + c * 100 + d * 10 + e;
}
__attribute__((noinline)) int f(int a, int b, int c, int d, int e) { return g(a, b, c, d, e); }
__attribute__((noinline)) int h(int a, int b, int c, int d, int e) { return f(e, d, c, b, a); }
__attribute__((noinline)) int k(int a, int b, int c, int d, int e) { return h(a, b, c, d, e); }

int main(void) {
    int (*volatile pf)(int, int, int, int, int) = f;
    printf("f=%d h=%d\n", pf(1, 2, 3, 4, 5), k(1, 2, 3, 4, 5));
    return 0;
}
