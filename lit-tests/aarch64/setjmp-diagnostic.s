# Reading the return address for anything but saving it into a jmp_buf, as setjmp does
# (here: returning it, __builtin_return_address(0)), cannot be translated statically: a located
# error, exit status 1, no output file.
# RUN: rm -f %t.o
# RUN: not %crt-cc --target=aarch64-linux-gnu -c %s -o %t.o 2>&1 | FileCheck %s
# RUN: not test -e %t.o

# CHECK: setjmp-diagnostic.s:[[# @LINE + 6]]: error: {{.*}}reads the return address from the stack

        .text
        .globl  caller_pc
        .type   caller_pc, @function
caller_pc:
        mov     (%rsp), %rax
        ret
        .size   caller_pc, .-caller_pc
        .section .note.GNU-stack,"",@progbits
