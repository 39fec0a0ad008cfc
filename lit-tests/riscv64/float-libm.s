# x86-64 code calling libm's sqrtf and printf, linked for RISC-V64 and run under qemu:
# the single is NaN-boxed for sqrtf (built-in prototype) and printf gets its double in a1.
# REQUIRES: qemu-riscv64
# RUN: %crt-cc --target=riscv64-linux-gnu -S %s -o - | FileCheck %s --check-prefix=ASM
# RUN: %crt-cc --target=riscv64-linux-gnu %s -o %t -lm
# RUN: %crt-run --target=riscv64-linux-gnu %t | FileCheck %s

# ASM-LABEL: main:
# ASM: {{fsqrt.s|call\s+sqrtf}}
# CHECK: sqrtf(2) = 1.414214

        .text
        .globl  main
        .type   main, @function
main:
        subq    $8, %rsp
        leal    1(%rdi), %eax           # argc + 1 = 2, unknown at translation time
        pxor    %xmm0, %xmm0
        cvtsi2ssl %eax, %xmm0
        call    sqrtf@PLT
        cvtss2sd %xmm0, %xmm0
        leaq    .Lfmt(%rip), %rdi
        movl    $1, %eax
        call    printf@PLT
        xorl    %eax, %eax
        addq    $8, %rsp
        ret
        .size   main, .-main

        .section .rodata
.Lfmt:  .string "sqrtf(2) = %f\n"
        .section .note.GNU-stack,"",@progbits
