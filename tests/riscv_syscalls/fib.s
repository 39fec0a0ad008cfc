# The first 90 Fibonacci numbers, one per line, printed with a hand-written utoa and write(2):
# 64-bit adds, divu/remu by 10, a called helper with its own stack frame.  No libc.
        .text
        .globl  _start
        .type   _start, @function
_start:
        li      s0, 0                   # F(n)
        li      s1, 1                   # F(n+1)
        li      s2, 90                  # count
1:      mv      a0, s0
        call    print_u64
        add     t0, s0, s1
        mv      s0, s1
        mv      s1, t0
        addi    s2, s2, -1
        bnez    s2, 1b
        li      a0, 0
        li      a7, 93
        ecall
        .size   _start, .-_start

# print_u64(a0): decimal digits and a newline on stdout
        .type   print_u64, @function
print_u64:
        addi    sp, sp, -48
        sd      ra, 40(sp)
        addi    t1, sp, 32              # end of the digit buffer
        li      t2, 10
        sb      t2, 0(t1)               # '\n'
        mv      t3, t1
2:      remu    t4, a0, t2
        divu    a0, a0, t2
        addi    t4, t4, 48
        addi    t3, t3, -1
        sb      t4, 0(t3)
        bnez    a0, 2b
        li      a7, 64                  # write(1, t3, t1 + 1 - t3)
        li      a0, 1
        mv      a1, t3
        sub     a2, t1, t3
        addi    a2, a2, 1
        ecall
        ld      ra, 40(sp)
        addi    sp, sp, 48
        ret
        .size   print_u64, .-print_u64
        .section .note.GNU-stack,"",@progbits
