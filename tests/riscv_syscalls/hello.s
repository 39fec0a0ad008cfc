# Hello world, 1000 times, through raw write(2) system calls; exit status 0 when every write
# was complete.  No libc: _start is the process entry point.
        .section .rodata
msg:    .ascii  "Hello, world!\n"
        .equ    msglen, . - msg

        .text
        .globl  _start
        .type   _start, @function
_start:
        li      s0, 1000                # iterations left
        li      s1, 0                   # bytes written in total
1:      li      a7, 64                  # write(1, msg, msglen)
        li      a0, 1
        lla     a1, msg
        li      a2, msglen
        ecall
        bltz    a0, 2f
        add     s1, s1, a0
        addi    s0, s0, -1
        bnez    s0, 1b
        li      t0, 1000 * msglen
        sub     a0, s1, t0
        li      a7, 93                  # exit(a0)
        ecall
2:      li      a0, 2
        li      a7, 93
        ecall
        .size   _start, .-_start
        .section .note.GNU-stack,"",@progbits
