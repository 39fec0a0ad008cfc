# long add3(long a, long b, long c)
	.text
	.globl	add3
	.type	add3, @function
add3:
	lea	(%rdi,%rsi), %rax
	add	%rdx, %rax
	ret
	.size	add3, .-add3
	.section	.note.GNU-stack,"",@progbits
