# A switch whose cases end in tail calls through a function pointer (gcc -O2 of
#     switch (kind) { case 0: return cb("null", 4, data); ... }
# ): each case pops the frame and jumps with `jmp *%rax`.  That jump's CFG successors are every
# code label of the function (an indirect jump may go to any), and the frame pass once merged
# their depth (0) with the switch's (-88): the cases lost their stack depth and every tail call
# became a trap.  The cases keep the dispatch's depth; the tail calls are calls.
# REQUIRES: qemu-riscv64
# RUN: %crt-cc --target=riscv64-linux-gnu -c %s -o %t.o
# RUN: %crt-cc --target=riscv64-linux-gnu -O2 %S/Inputs/switch-tail-call-driver.c %t.o -o %t
# RUN: %crt-run --target=riscv64-linux-gnu %t | FileCheck %s
# CHECK: nulltruefalse1003[1004]{} 24

	.text
	.section	.rodata.str1.1,"aMS",@progbits,1
.LC0:
	.string	"null"
.LC1:
	.string	"true"
.LC2:
	.string	"false"
.LC3:
	.string	"%ld"
.LC4:
	.string	"[%ld]"
.LC5:
	.string	"{}"
	.section	.text.unlikely,"ax",@progbits
.LCOLDB6:
	.text
.LHOTB6:
	.p2align 4
	.globl	emit
	.type	emit, @function
emit:
	pushq	%r12
	pushq	%rbp
	pushq	%rbx
	subq	$64, %rsp
	cmpl	$5, %edi
	ja	.L10
	movq	%rdx, %rbp
	movl	%edi, %edi
	leaq	.L4(%rip), %rdx
	movq	%rcx, %rbx
	movslq	(%rdx,%rdi,4), %rax
	addq	%rdx, %rax
	jmp	*%rax
	.section	.rodata
	.align 4
	.align 4
.L4:
	.long	.L9-.L4
	.long	.L8-.L4
	.long	.L7-.L4
	.long	.L6-.L4
	.long	.L5-.L4
	.long	.L3-.L4
	.text
	.p2align 4,,10
	.p2align 3
.L5:
	movq	%rsp, %r12
	movq	%rsi, %rcx
	leaq	.LC4(%rip), %rdx
	xorl	%eax, %eax
	movl	$64, %esi
	movq	%r12, %rdi
	call	snprintf@PLT
	movq	%rbx, %rdx
	movq	%r12, %rdi
	movl	%eax, %esi
	call	*%rbp
.L1:
	addq	$64, %rsp
	popq	%rbx
	popq	%rbp
	popq	%r12
	ret
	.p2align 4,,10
	.p2align 3
.L3:
	addq	$64, %rsp
	movq	%rbp, %rax
	movq	%rcx, %rdx
	movl	$2, %esi
	popq	%rbx
	leaq	.LC5(%rip), %rdi
	popq	%rbp
	popq	%r12
	jmp	*%rax
	.p2align 4,,10
	.p2align 3
.L9:
	addq	$64, %rsp
	movq	%rbp, %rax
	movq	%rcx, %rdx
	movl	$4, %esi
	popq	%rbx
	leaq	.LC0(%rip), %rdi
	popq	%rbp
	popq	%r12
	jmp	*%rax
	.p2align 4,,10
	.p2align 3
.L8:
	addq	$64, %rsp
	movq	%rbp, %rax
	movq	%rcx, %rdx
	movl	$4, %esi
	popq	%rbx
	leaq	.LC1(%rip), %rdi
	popq	%rbp
	popq	%r12
	jmp	*%rax
	.p2align 4,,10
	.p2align 3
.L7:
	addq	$64, %rsp
	movq	%rbp, %rax
	movq	%rcx, %rdx
	movl	$5, %esi
	popq	%rbx
	leaq	.LC2(%rip), %rdi
	popq	%rbp
	popq	%r12
	jmp	*%rax
	.p2align 4,,10
	.p2align 3
.L6:
	movq	%rsp, %r12
	movq	%rsi, %rcx
	leaq	.LC3(%rip), %rdx
	xorl	%eax, %eax
	movq	%r12, %rdi
	movl	$64, %esi
	call	snprintf@PLT
	movq	%rbx, %rdx
	movq	%r12, %rdi
	movl	%eax, %esi
	call	*%rbp
	addq	$64, %rsp
	popq	%rbx
	popq	%rbp
	popq	%r12
	ret
	.section	.text.unlikely
	.type	emit.cold, @function
emit.cold:
.L10:
	orl	$-1, %eax
	jmp	.L1
	.text
	.size	emit, .-emit
	.section	.text.unlikely
	.size	emit.cold, .-emit.cold
.LCOLDE6:
	.text
.LHOTE6:
	.section	.note.GNU-stack,"",@progbits
