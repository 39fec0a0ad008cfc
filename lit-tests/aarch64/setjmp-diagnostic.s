# A setjmp that saves its caller's return address (musl's, reduced) cannot be translated
# statically: a located error, exit status 1, no output file.
# RUN: rm -f %t.o
# RUN: not %crt-cc --target=aarch64-linux-gnu -c %s -o %t.o 2>&1 | FileCheck %s
# RUN: not test -e %t.o

# CHECK: setjmp-diagnostic.s:[[# @LINE + 8]]: error: {{.*}}reads the return address from the stack

        .text
        .globl  sj
        .type   sj, @function
sj:
        lea     8(%rsp), %rdx
        mov     %rdx, 48(%rdi)
        mov     (%rsp), %rdx
        mov     %rdx, 56(%rdi)
        xor     %eax, %eax
        ret
        .size   sj, .-sj
        .section .note.GNU-stack,"",@progbits
