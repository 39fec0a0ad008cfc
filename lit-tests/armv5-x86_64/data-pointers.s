# x86-64 data keeps its layout on ARMv5: a relocated 8-byte pointer field stays 8 bytes (the 32-bit
# address, then zero), so the fields after it keep their x86-64 offsets.
# RUN: %crt-cc --target=arm-linux-gnueabi -S %s -o - | FileCheck %s

# CHECK-LABEL: {{^}}sec.{{[0-9]+}}.data:
# CHECK-NEXT: .long{{\s+}}sec.{{[0-9]+}}.rodata
# CHECK-NEXT: .long{{\s+}}0
# CHECK-NEXT: .asciz{{\s+}}"*\000

        .section .rodata
.Lstr:  .string "hi"
        .data
        .globl  entry
        .p2align 3
entry:  .quad   .Lstr
        .long   42
        .long   0
        .text
        .globl  get
        .type   get, @function
get:    movl    entry+8(%rip), %eax
        ret
        .size   get, .-get
        .section .note.GNU-stack,"",@progbits
