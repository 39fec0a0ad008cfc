// x86 code returns a char or short in %al/%ax and leaves the rest of %eax to the caller; RISC-V
// callers rely on the callee extending it by its C type, which the code does not show.  With
// --crt-via-x86 the C is compiled with -g, and the functions' DWARF types make their entry points
// extend exactly (crt_cc/frontend/dwarf.py); x86 assembly compiled with -g carries them too.
// REQUIRES: qemu-riscv64
// RUN: %crt-cc --target=riscv64-linux-gnu --crt-via-x86 -O2 -DFUNCS -c %s -o %t.o
// RUN: %crt-cc --target=riscv64-linux-gnu -O2 %s %t.o -o %t
// RUN: %crt-run --target=riscv64-linux-gnu %t | FileCheck %s
// RUN: gcc -S -g -O2 -DFUNCS %s -o %t.s
// RUN: %crt-cc --target=riscv64-linux-gnu -c %t.s -o %t.s.o
// RUN: %crt-cc --target=riscv64-linux-gnu -O2 %s %t.s.o -o %t.s.exe
// RUN: %crt-run --target=riscv64-linux-gnu %t.s.exe | FileCheck %s
// CHECK: addu=144 adds=-5536 neg=-5 up=65 sat=255 ok=1
#include <stdio.h>

#ifdef FUNCS
unsigned char addu(unsigned char a, unsigned char b) { return a + b; }
short adds(short a, short b) { return a + b; }
signed char neg(signed char x) { return -x; }
char up(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : c; }
unsigned char sat(unsigned char a, unsigned char b) { unsigned s = a + b; return s > 255 ? 255 : s; }
#else
unsigned char addu(unsigned char a, unsigned char b);
short adds(short a, short b);
signed char neg(signed char x);
char up(char c);
unsigned char sat(unsigned char a, unsigned char b);

int main(void) {
    volatile int k = 200, s = 30000;
    int ok = addu(k, k) == 144 && adds(s, s) == -5536 && neg(5) == -5 && up('a') == 'A' && sat(k, 100) == 255;
    printf("addu=%d adds=%d neg=%d up=%d sat=%d ok=%d\n", addu(k, k), adds(s, s), neg(5), up('a'),
           sat(k, 100), ok);
    return !ok;
}
#endif
