# crt-cc demo: a small hand-written x86-64 (AT&T syntax, System V ABI) program.
#
#   int sum_squares(int n)      1*1 + 2*2 + ... + n*n, with a loop
#   int main(void)              for n = 1..5: printf(fmt, n, s, s * 0.5)
#
# Natively:      gcc examples/demo/demo.s -o /tmp/demo && /tmp/demo
# Translated:    crt-cc --target=aarch64-linux-gnu examples/demo/demo.s -o demo
#                crt-run --target=aarch64-linux-gnu ./demo
# Expected output: examples/demo/expected.txt

        .text

        .globl  sum_squares
        .type   sum_squares, @function
sum_squares:                            # %edi = n; result in %eax
        movl    $0, %eax                # sum = 0
        movl    $1, %ecx                # i = 1
.Lloop:
        cmpl    %edi, %ecx
        jg      .Ldone                  # while (i <= n)
        movl    %ecx, %edx
        imull   %ecx, %edx              #   sum += i * i
        addl    %edx, %eax
        addl    $1, %ecx                #   i++
        jmp     .Lloop
.Ldone:
        ret
        .size   sum_squares, .-sum_squares

        .globl  main
        .type   main, @function
main:
        pushq   %rbp
        movq    %rsp, %rbp
        pushq   %rbx                    # n (callee-saved)
        pushq   %r12                    # s (callee-saved); %rsp is 16-byte aligned again
        movl    $1, %ebx                # n = 1
.Lmain_loop:
        movl    %ebx, %edi
        call    sum_squares
        movl    %eax, %r12d             # s = sum_squares(n)
        cvtsi2sdl %r12d, %xmm0          # (double)s
        movsd   .Lhalf(%rip), %xmm1
        mulsd   %xmm1, %xmm0            # s * 0.5 -> 3rd variadic argument (double)
        leaq    .Lfmt(%rip), %rdi       # format
        movl    %ebx, %esi              # n
        movl    %r12d, %edx             # s
        movl    $1, %eax                # one vector register used by the variadic call
        call    printf@PLT
        addl    $1, %ebx
        cmpl    $5, %ebx
        jle     .Lmain_loop
        movl    $0, %eax                # return 0
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret
        .size   main, .-main

        .section .rodata
.Lfmt:
        .string "sum_squares(%d) = %d, half = %.1f\n"
        .align  8
.Lhalf:
        .double 0.5

        .section .note.GNU-stack,"",@progbits
