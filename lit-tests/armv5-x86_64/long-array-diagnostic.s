# x86-64 code for ARMv5 (ILP32): a `long *` crossing the boundary cannot be converted (the
# pointee is 8 bytes in the x86-64 code, 4 in native ARM code): a diagnostic, exit 1, no output.
# RUN: rm -f %t.o
# RUN: not %crt-cc --target=arm-linux-gnueabi --crt-prototypes=%S/Inputs/sum.h -c %s -o %t.o 2>&1 | FileCheck %s
# RUN: not test -e %t.o

# CHECK: sum.h: error: translated function 'sum' cannot cross the boundary between x86-64 code and ARM EABI code: parameter 1 ('long *') points to 'long' (8 bytes in x86-64 code, 4 in ARM code)

        .text
        .globl  sum
        .type   sum, @function
sum:
        xorl    %eax, %eax
        testl   %esi, %esi
        jle     2f
1:      addq    (%rdi), %rax
        addq    $8, %rdi
        subl    $1, %esi
        jne     1b
2:      ret
        .size   sum, .-sum
        .section .note.GNU-stack,"",@progbits
