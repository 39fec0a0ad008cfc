# A tiny x86-64 function translated to AArch64 assembly (-S, output on stdout).
# RUN: %crt-cc --target=aarch64-linux-gnu -S %s -o - | FileCheck %s
# RUN: %crt-cc --target=aarch64-linux-gnu -S %s -o %t.s
# RUN: FileCheck %s --input-file %t.s

# CHECK-LABEL: add2:
# CHECK-NOT: bl{{\s}}
# CHECK: add{{\s+}}w0, w{{[01]}}, w{{[01]}}
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
