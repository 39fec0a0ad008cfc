// i386 position-independent code (get_pc_thunk, @GOTOFF, a PIC jump table) and printf with a
// long long and a double, compiled by i686-linux-gnu-gcc, translated for ARMv5 and run.
// REQUIRES: qemu-arm
// RUN: %crt-cc --target=arm-linux-gnueabi -m32 --crt-via-x86 -O2 %s -o %t
// RUN: %crt-run --target=arm-linux-gnueabi %t 3 | FileCheck %s
// CHECK: three 1099511627776 2.500 x
#include <stdio.h>
#include <stdlib.h>

static const char *name(int n) {
    switch (n) {
    case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three";
    case 4: return "four"; case 5: return "five"; default: return "many";
    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 0;
    printf("%s %lld %.3f %c\n", name(n), 1LL << 40, n * 0.5 + 1.0, 'x');
    return 0;
}
