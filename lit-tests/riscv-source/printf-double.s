# RISC-V passes printf's variadic double in an integer register (a1); the translation reads it
# there and gives AArch64's printf a typed call with the double in d0.  Run under qemu.
# REQUIRES: qemu-aarch64
# RUN: %crt-cc --target=aarch64-linux-gnu --crt-source=riscv64 %s -o %t -lm
# RUN: %crt-run --target=aarch64-linux-gnu %t | FileCheck %s

# CHECK: sqrt(2) = 1.414214, argc = 1

        .text
        .globl  main
        .type   main, @function
main:
        addi    sp, sp, -16
        sd      ra, 8(sp)
        sd      s0, 0(sp)
        mv      s0, a0                  # argc
        addiw   a0, a0, 1
        fcvt.d.w fa0, a0
        call    sqrt
        fmv.x.d a1, fa0                 # variadic double in an integer register
        mv      a2, s0
        lla     a0, .Lfmt
        call    printf
        li      a0, 0
        ld      ra, 8(sp)
        ld      s0, 0(sp)
        addi    sp, sp, 16
        ret
        .size   main, .-main

        .section .rodata
.Lfmt:  .string "sqrt(2) = %f, argc = %d\n"
        .section .note.GNU-stack,"",@progbits
