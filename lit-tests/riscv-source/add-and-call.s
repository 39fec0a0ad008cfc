# RISC-V64 source translated to AArch64: an int function becomes w-register arithmetic, a call
# between translated functions stays a direct call, and the result reaches a native caller.
# RUN: %crt-cc --target=aarch64-linux-gnu --crt-source=riscv64 -S %s -o - | FileCheck %s

# CHECK-LABEL: add3:
# CHECK: add{{\s+}}w{{[0-9]+}}, w{{[0-9]+}}, w{{[0-9]+}}
# CHECK: ret
# CHECK-LABEL: twice_add3:
# CHECK-NOT: blr
# CHECK: ret

        .text
        .globl  add3
        .type   add3, @function
add3:
        addw    a0, a0, a1
        addw    a0, a0, a2
        ret
        .size   add3, .-add3

        .globl  twice_add3
        .type   twice_add3, @function
twice_add3:
        addi    sp, sp, -16
        sd      ra, 8(sp)
        call    add3
        slliw   a0, a0, 1
        ld      ra, 8(sp)
        addi    sp, sp, 16
        ret
        .size   twice_add3, .-twice_add3
        .section .note.GNU-stack,"",@progbits
