# An instruction outside RV64GC (Zba's sh1add) is a compiler-style error naming the file, line and
# instruction; exit status 1; no output file left.
# RUN: rm -f %t.o
# RUN: not %crt-cc --target=aarch64-linux-gnu --crt-source=riscv64 -c %s -o %t.o 2>&1 | FileCheck %s
# RUN: not test -e %t.o

# CHECK: unsupported-insn.s:[[# @LINE + 6]]: error: unsupported instruction 'sh1add'

        .text
        .globl  index2
        .type   index2, @function
index2:
        sh1add  a0, a1, a0
        lh      a0, 0(a0)
        ret
        .size   index2, .-index2
        .section .note.GNU-stack,"",@progbits
