# Prints its command-line arguments (argv[0] excluded), one per line, read from the initial
# process stack that _start receives (argc at 0(sp), argv from 8(sp)); exit status argc.  No libc.
# ARGS: alpha beta "gamma delta"
        .text
        .globl  _start
        .type   _start, @function
_start:
        ld      s0, 0(sp)               # argc
        addi    s1, sp, 16              # &argv[1]
        addi    s2, s0, -1
1:      beqz    s2, 3f
        ld      a1, 0(s1)
        mv      a2, a1
2:      lbu     t0, 0(a2)               # strlen
        addi    a2, a2, 1
        bnez    t0, 2b
        sub     a2, a2, a1
        li      t1, 10
        addi    t2, a2, -1
        add     t2, t2, a1
        sb      t1, 0(t2)               # the terminating NUL becomes a newline
        li      a0, 1
        li      a7, 64
        ecall
        addi    s1, s1, 8
        addi    s2, s2, -1
        j       1b
3:      mv      a0, s0
        li      a7, 94                  # exit_group(argc)
        ecall
        .size   _start, .-_start
        .section .note.GNU-stack,"",@progbits
