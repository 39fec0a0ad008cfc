# A longjmp that switches stacks (musl's, reduced) cannot be translated statically: a located
# error, exit status 1, no output file; the same for every target.
# RUN: rm -f %t.o
# RUN: not %crt-cc --target=aarch64-linux-gnu -c %s -o %t.o 2>&1 | FileCheck %s
# RUN: not test -e %t.o
# RUN: not %crt-cc --target=riscv64-linux-gnu -c %s -o %t.o 2>&1 | FileCheck %s

# CHECK: longjmp-diagnostic.s:[[# @LINE + 6]]: error: the stack pointer is loaded from memory

        .text
        .globl  lj
        .type   lj, @function
lj:
        mov     48(%rdi), %rsp
        jmp     *56(%rdi)
        .size   lj, .-lj
        .section .note.GNU-stack,"",@progbits
