# Primes below 2000 by trial division (mul/remu, nested loops), printed ten per line with
# write(2); the exit status is the count of primes modulo 256 (303 -> 47).  No libc.
        .text
        .globl  _start
        .type   _start, @function
_start:
        li      s0, 2                   # candidate
        li      s1, 0                   # primes found
        li      s3, 2000
1:      li      t0, 2                   # divisor
2:      mul     t1, t0, t0
        bgtu    t1, s0, 3f              # divisor^2 > candidate: prime
        remu    t2, s0, t0
        beqz    t2, 5f                  # divisible: not prime
        addi    t0, t0, 1
        j       2b
3:      addi    s1, s1, 1
        mv      a0, s0
        li      t3, 10
        remu    t4, s1, t3
        seqz    a1, t4                  # newline after every tenth prime
        call    put_number
5:      addi    s0, s0, 1
        bltu    s0, s3, 1b
        lla     a1, nl
        li      a0, 1
        li      a2, 1
        li      a7, 64
        ecall
        andi    a0, s1, 255
        li      a7, 93
        ecall
        .size   _start, .-_start

# put_number(a0 = value, a1 = 1 for a newline after it, else a space)
        .type   put_number, @function
put_number:
        addi    sp, sp, -32
        addi    t1, sp, 24
        li      t2, 32                  # ' '
        beqz    a1, 6f
        li      t2, 10                  # '\n'
6:      sb      t2, 0(t1)
        mv      t3, t1
        li      t2, 10
7:      remu    t4, a0, t2
        divu    a0, a0, t2
        addi    t4, t4, 48
        addi    t3, t3, -1
        sb      t4, 0(t3)
        bnez    a0, 7b
        li      a7, 64
        li      a0, 1
        mv      a1, t3
        sub     a2, t1, t3
        addi    a2, a2, 1
        ecall
        addi    sp, sp, 32
        ret
        .size   put_number, .-put_number

        .section .rodata
nl:     .ascii  "\n"
        .section .note.GNU-stack,"",@progbits
