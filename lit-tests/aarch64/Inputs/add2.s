# int add2(int a, int b) { return a + b; }   (x86-64 System V; used by several tests)
        .text
        .globl  add2
        .type   add2, @function
add2:
        movl    %edi, %eax
        addl    %esi, %eax
        ret
        .size   add2, .-add2
        .section .note.GNU-stack,"",@progbits
