# setjmp and longjmp written in x86 assembly (musl's, reduced) become saving and restoring the
# AArch64 machine context in the jmp_buf (lift/context.py): the entry saves x19-x30, d8-d15 and
# sp, calls the translated body, and copies them to the buffer the body names; longjmp restores
# them from there. longjmp(env, 0) makes setjmp return 1.
# RUN: %crt-cc --target=aarch64-linux-gnu -S %s -o - | FileCheck %s --check-prefix=ASM
# ASM-LABEL: {{^}}__crt_ctx_restore:
# ASM: ldp x29, x30, [x16, #80]
# ASM: mov sp, x17
# ASM-LABEL: {{^}}sj:
# ASM: stp x19, x20, [sp, #0]
# ASM: stp d14, d15, [sp, #144]
# ASM: bl __crt_ctx.sj
# ASM: stp x16, x17, [x1, #0]
#
# REQUIRES: qemu-aarch64
# RUN: %crt-cc --target=aarch64-linux-gnu -c %s -o %t.o
# RUN: %crt-cc --target=aarch64-linux-gnu -O2 %S/Inputs/setjmp-driver.c %t.o -o %t
# RUN: %crt-run --target=aarch64-linux-gnu %t | FileCheck %s
# CHECK: setjmp returned 0
# CHECK-NEXT: setjmp returned 7
# CHECK-NEXT: setjmp returned 1
# CHECK-NOT: setjmp

        .text
        .globl  sj
        .type   sj, @function
sj:
        mov     %rbx, (%rdi)
        mov     %rbp, 8(%rdi)
        lea     8(%rsp), %rdx
        mov     %rdx, 48(%rdi)
        mov     (%rsp), %rdx
        mov     %rdx, 56(%rdi)
        xor     %eax, %eax
        ret
        .size   sj, .-sj

        .globl  lj
        .type   lj, @function
lj:
        xor     %eax, %eax
        cmp     $1, %esi
        adc     %esi, %eax
        mov     (%rdi), %rbx
        mov     8(%rdi), %rbp
        mov     48(%rdi), %rsp
        jmp     *56(%rdi)
        .size   lj, .-lj
        .section .note.GNU-stack,"",@progbits
