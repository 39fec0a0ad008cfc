"""AAPCS64 (Linux) at the native/translated boundary.

x86-64 SysV and AAPCS64 both pass integer and floating-point arguments in two
independent register sequences, so a *universal* mapping is exact for the
common cases: rdi,rsi,rdx,rcx,r8,r9 -> x0..x5, the first two x86 stack words
-> x6,x7 and later ones -> the native stack, xmm0-7 (low 64 bits) -> d0-d7
(a float travels as the low half of a d register, which is s0).  Returns come
back in x0,x1,d0,d1 as an LLVM first-class struct.  On Linux AAPCS64 a variadic
call uses the same registers, so one variadic declaration serves every
external callee, printf included.

Where the universal mapping is wrong (structs classified differently, long
double, >8 FP or interleaved stack arguments, hidden sret in x8) the caller
must give ``--crt-prototypes``; docs/abi.md lists the cases.
"""

from __future__ import annotations

from ..lift.ir import F64, I64

NATIVE_RET = "{ i64, i64, double, double }"
N_INT_REGS = 8
N_FP_REGS = 8
X86_INT_REGS = 6


def entry_params(n_stack_words: int) -> list[str]:
    """Parameter types of an exported function's native entry point."""
    extra = max(0, n_stack_words - (N_INT_REGS - X86_INT_REGS))
    return [I64] * N_INT_REGS + [F64] * N_FP_REGS + [I64] * extra


def split_stack_words(n_stack_words: int) -> tuple[int, int]:
    """How many x86 stack words travel in x6/x7 and how many on the native stack."""
    in_regs = min(n_stack_words, N_INT_REGS - X86_INT_REGS)
    return in_regs, n_stack_words - in_regs
