"""The x86-64 System V convention as translated functions see it internally.

Translated functions call each other directly with an *internal* signature
that carries exactly the SysV argument and return registers plus a pointer to
the caller's outgoing stack-argument area ("argp").  Because both sides are
x86 code, everything SysV can express (struct classification, hidden sret
pointers, memory-class arguments, %al for variadics) crosses unchanged; LLVM's
dead-argument elimination removes the registers a callee never reads.
"""

from __future__ import annotations

from ..lift.ir import F128, I64, PTR, V2I64
from ..lift.regs import ARG_GPRS, RAX

N_XMM_ARGS = 8
# Internal parameters: rdi rsi rdx rcx r8 r9, rax (%al = vector-register count), xmm0-7, argp
INTERNAL_PARAM_GPRS = ARG_GPRS + [RAX]
INTERNAL_PARAM_TYPES = [I64] * len(INTERNAL_PARAM_GPRS) + [V2I64] * N_XMM_ARGS + [PTR]
# Internal return: rax, rdx, xmm0, xmm1, st(0)
INTERNAL_RET = f"{{ {I64}, {I64}, {V2I64}, {V2I64}, {F128} }}"
INTERNAL_FNTY = f"{INTERNAL_RET} ({', '.join(INTERNAL_PARAM_TYPES)})"


def internal_name(name: str) -> str:
    return f'@"{name}.x86"'
