# An x86-64 main calling libc's puts, linked for AArch64 and run under qemu.
# REQUIRES: qemu-aarch64
# RUN: %crt-cc --target=aarch64-linux-gnu %s -o %t
# RUN: %crt-run --target=aarch64-linux-gnu %t | FileCheck %s
# Without --target, crt-run detects AArch64 from the ELF header.
# RUN: %crt-run %t | FileCheck %s

# CHECK: hello from x86-64
# CHECK-NEXT: second line

        .text
        .globl  main
        .type   main, @function
main:
        pushq   %rbp
        movq    %rsp, %rbp
        leaq    .Lmsg1(%rip), %rdi
        call    puts@PLT
        leaq    .Lmsg2(%rip), %rdi
        call    puts@PLT
        movl    $0, %eax
        popq    %rbp
        ret
        .size   main, .-main

        .section .rodata
.Lmsg1: .string "hello from x86-64"
.Lmsg2: .string "second line"
        .section .note.GNU-stack,"",@progbits
