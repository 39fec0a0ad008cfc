# Registers across calls (docs/design.md, "Registers across calls").  After a call, the
# call-clobbered registers the callee may change hold nothing (LLVM keeps no copy of them),
# but values the code keeps in registers its own helper does not touch survive, as GCC's
# -fipa-ra and hand-written assembly expect; and same-register idioms (xor, sbb, pcmpeqd)
# give their fixed results even on a register a call left undefined.
# The host runs the same code natively: both must print the same.
# REQUIRES: qemu-aarch64, qemu-riscv64
# RUN: %crt-cc --target=aarch64-linux-gnu -O2 %S/Inputs/call-clobbers-driver.c %s -o %t
# RUN: %crt-run --target=aarch64-linux-gnu %t | FileCheck %s
# RUN: %crt-cc --target=riscv64-linux-gnu -O2 %S/Inputs/call-clobbers-driver.c %s -o %t.rv
# RUN: %crt-run --target=riscv64-linux-gnu %t.rv | FileCheck %s
# CHECK: sum_kept 4321
# CHECK-NEXT: idioms 16712685
# CHECK-NEXT: twice 22

        .text
# rax += rdi: writes no register the caller keeps.
        .type   bump, @function
bump:
        add     %rdi, %rax
        ret
        .size   bump, .-bump

# long sum_kept(const long *p, long n): the count stays in rcx and the pointer in rsi
# across the calls to bump.
        .globl  sum_kept
        .type   sum_kept, @function
sum_kept:
        xor     %eax, %eax
        mov     %rsi, %rcx
        mov     %rdi, %rsi
        test    %rcx, %rcx
        je      2f
1:      mov     (%rsi), %rdi
        call    bump
        add     $8, %rsi
        dec     %rcx
        jne     1b
2:      ret
        .size   sum_kept, .-sum_kept

# long idioms(const char *s): strlen(s) + 1000 + 0xff0000, built from registers strlen
# leaves undefined (rcx, rdx, r9, xmm5) through idioms that do not read them.
        .globl  idioms
        .type   idioms, @function
idioms:
        push    %rbx
        call    strlen
        mov     %rax, %rbx
        xor     %ecx, %ecx
        cmp     $100, %rbx
        sbb     %edx, %edx
        and     $1000, %edx
        pcmpeqd %xmm5, %xmm5
        movq    %xmm5, %rax
        and     $0xff0000, %eax
        xor     %r9w, %r9w
        movzwl  %r9w, %r9d
        add     %rbx, %rax
        add     %rdx, %rax
        add     %rcx, %rax
        add     %r9, %rax
        pop     %rbx
        ret
        .size   idioms, .-idioms

# long twice(long x): ext_b(ext_a(x)), functions of another file.
        .globl  twice
        .type   twice, @function
twice:
        sub     $8, %rsp
        call    ext_a
        mov     %rax, %rdi
        call    ext_b
        add     $8, %rsp
        ret
        .size   twice, .-twice
        .section .note.GNU-stack,"",@progbits
