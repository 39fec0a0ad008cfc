# A tiny x86-64 function translated to RISC-V64 assembly: an int result is sign-extended (LP64).
# RUN: %crt-cc --target=riscv64-linux-gnu -S %s -o - | FileCheck %s

# CHECK-LABEL: add2:
# CHECK-NOT: call
# CHECK: addw{{\s+}}a0, a{{[01]}}, a{{[01]}}
# CHECK: ret

        .text
        .globl  add2
        .type   add2, @function
add2:
        movl    %edi, %eax
        addl    %esi, %eax
        ret
        .size   add2, .-add2
        .section .note.GNU-stack,"",@progbits
