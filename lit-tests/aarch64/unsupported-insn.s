# An instruction the lifter has no semantics for (AVX2 gather) is a compiler-style
# error naming the file, line and instruction; exit status 1; no output file left.
# RUN: rm -f %t.o
# RUN: not %crt-cc --target=aarch64-linux-gnu -c %s -o %t.o 2>&1 | FileCheck %s
# RUN: not test -e %t.o

# CHECK: unsupported-insn.s:[[# @LINE + 6]]: error: unsupported instruction{{.*}}vpgatherdd

        .text
        .globl  gather
        .type   gather, @function
gather:
        vpgatherdd %ymm2, (%rdi,%ymm1,4), %ymm0
        ret
        .size   gather, .-gather
        .section .note.GNU-stack,"",@progbits
