// A regparm function whose address is taken is called through pointers by translated i386 code
// too, and such a call site does not show whether it passes eax/edx/ecx or only stack words:
// refused with a diagnostic naming the function, exit status 1, no output file.
// RUN: rm -f %t.o
// RUN: not %crt-cc --target=arm-linux-gnueabi -m32 --crt-via-x86 -O2 -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: not test -e %t.o
// CHECK: error: 'twice' takes arguments in registers (regparm: eax, edx, ecx) and its address is taken
// From i386 assembly the diagnostic names the line of the function's first instruction.
// RUN: i686-linux-gnu-gcc -O2 -S %s -o %t.s
// RUN: not %crt-cc --target=arm-linux-gnueabi -m32 -c %t.s -o %t.o 2>&1 | FileCheck --check-prefix=ASM %s
// ASM: .s:{{[0-9]+}}: error: 'twice' takes arguments in registers

typedef int (__attribute__((regparm(3))) *op_fn)(int, int);

static int __attribute__((regparm(3))) twice(int a, int b) { return 2 * a + b; }

op_fn table[] = {twice};
