# cat(1) for stdin: read(0) into a buffer until end of file, write(1) every chunk (short writes
# retried); exit status 0, or 1 on a read/write error.  No libc.
        .text
        .globl  _start
        .type   _start, @function
_start:
        addi    sp, sp, -16
1:      li      a7, 63                  # read(0, buf, 256)
        li      a0, 0
        lla     a1, buf
        li      a2, 256
        ecall
        beqz    a0, 4f                  # end of file
        bltz    a0, 5f
        mv      s1, a0                  # bytes left to write
        lla     s2, buf
2:      li      a7, 64                  # write(1, s2, s1)
        li      a0, 1
        mv      a1, s2
        mv      a2, s1
        ecall
        blez    a0, 5f
        add     s2, s2, a0
        sub     s1, s1, a0
        bnez    s1, 2b
        j       1b
4:      li      a0, 0
        j       6f
5:      li      a0, 1
6:      li      a7, 94                  # exit_group(a0)
        ecall
        .size   _start, .-_start

        .bss
        .align  4
buf:    .zero   256
        .section .note.GNU-stack,"",@progbits
