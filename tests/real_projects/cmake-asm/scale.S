/* long scale(long x): x * FACTOR (FACTOR comes from the build: -DFACTOR=3) */
#ifndef FACTOR
#error FACTOR not defined
#endif
	.text
	.globl	scale
	.type	scale, @function
scale:
	imul	$FACTOR, %rdi, %rax
	ret
	.size	scale, .-scale
	.section	.note.GNU-stack,"",@progbits
