# Hand-written x86-64 assembly for tests/test_real_projects.py: Fletcher-style sums of n bytes
# modulo 65521 (Adler-32 without its initial 1); returns (b << 32) | a.
#   unsigned long long checksum(const unsigned char *p, unsigned long n)
	.text
	.globl	checksum
	.type	checksum, @function
checksum:
	xor	%eax, %eax		# a
	xor	%ecx, %ecx		# b
	mov	$65521, %r8d
	test	%rsi, %rsi
	jz	.Ldone
.Lloop:
	movzbl	(%rdi), %edx
	add	%edx, %eax
	cmp	%r8d, %eax
	jb	1f
	sub	%r8d, %eax
1:	add	%eax, %ecx
	cmp	%r8d, %ecx
	jb	2f
	sub	%r8d, %ecx
2:	inc	%rdi
	dec	%rsi
	jnz	.Lloop
.Ldone:
	shl	$32, %rcx
	or	%rcx, %rax
	ret
	.size	checksum, .-checksum
	.section	.note.GNU-stack,"",@progbits
