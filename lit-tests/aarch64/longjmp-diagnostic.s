# A stack switch other than longjmp's (load the stack pointer, jump to the saved address): here a
# coroutine switch that returns on the new stack. It cannot be translated statically: a located
# error, exit status 1, no output file; the same for every target.
# RUN: rm -f %t.o
# RUN: not %crt-cc --target=aarch64-linux-gnu -c %s -o %t.o 2>&1 | FileCheck %s
# RUN: not test -e %t.o
# RUN: not %crt-cc --target=riscv64-linux-gnu -c %s -o %t.o 2>&1 | FileCheck %s

# CHECK: longjmp-diagnostic.s:[[# @LINE + 7]]: error: the stack pointer is loaded from memory

        .text
        .globl  switch_to
        .type   switch_to, @function
switch_to:
        mov     %rsp, (%rdi)
        mov     (%rsi), %rsp
        ret
        .size   switch_to, .-switch_to
        .section .note.GNU-stack,"",@progbits
