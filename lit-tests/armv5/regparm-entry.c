// i386 functions with __attribute__((regparm(N))) take their first N argument words in eax,
// edx, ecx.  The attribute means nothing to an ARM compiler, so a native caller passes the same
// words in r0-r2 and the rest in r3 and on the stack: the entry point maps them register for
// register.  (regparm is found in the code: eax, edx or ecx read before being written.)
// REQUIRES: qemu-arm
// RUN: %crt-cc --target=arm-linux-gnueabi -m32 --crt-via-x86 -O2 -DFUNCS -c %s -o %t.o
// RUN: %crt-cc --target=arm-linux-gnueabi -O2 %s %t.o -o %t
// RUN: %crt-run --target=arm-linux-gnueabi %t | FileCheck %s
// CHECK: mix=12345 pair=-7 one=43 unused=9
#include <stdio.h>

#ifdef FUNCS
#define REGPARM(n) __attribute__((regparm(n), noinline))
REGPARM(3) int mix(int a, int b, int c, int d, int e) { return a * 10000 + b * 1000 + c * 100 + d * 10 + e; }
REGPARM(2) int pair(int a, int b) { return a - b; }
REGPARM(1) int one(int a) { return a + 1; }
REGPARM(3) int unused_first(int a, int b) { (void)a; return b * 3; }
#else
int mix(int a, int b, int c, int d, int e);
int pair(int a, int b);
int one(int a);
int unused_first(int a, int b);

int main(void) {
    printf("mix=%d pair=%d one=%d unused=%d\n", mix(1, 2, 3, 4, 5), pair(3, 10), one(42),
           unused_first(100, 3));
    return 0;
}
#endif
