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
must give ``--crt-prototypes``; docs/abi.md lists the cases.  With a prototype
the functions below lower each C type the way an AAPCS64 compiler does (clang's
lowering), and LLVM's AArch64 backend assigns the registers.
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


def hfa(t) -> tuple[str, int] | None:
    """(element type, count) of a homogeneous floating-point aggregate (1-4 floats or doubles)."""
    if t.kind != "struct" or not t.leaves:
        return None
    kinds = {leaf.kind for _, leaf in t.leaves}
    if len(kinds) != 1 or not kinds <= {"float", "double"} or len(t.leaves) > 4:
        return None
    elt = kinds.pop()
    size = 4 if elt == "float" else 8
    if t.size != size * len(t.leaves):
        return None
    return ("float" if elt == "float" else F64), len(t.leaves)


def passes_by_reference(t) -> bool:
    """Composites over 16 bytes (not HFAs) are passed as a pointer to a caller-made copy."""
    return t.kind == "struct" and t.size > 16 and hfa(t) is None


def returns_indirect(t) -> bool:
    """Composites over 16 bytes (not HFAs) are returned through the address in x8."""
    return passes_by_reference(t)


def _composite(t) -> str:
    h = hfa(t)
    if h:
        return f"[{h[1]} x {h[0]}]"
    if t.align >= 16:
        return "i128"
    return I64 if t.size <= 8 else "[2 x i64]"


def native_type(t) -> str:
    """LLVM type of an argument of C type ``t`` as an AAPCS64 caller passes it."""
    if t.kind in ("int", "ptr"):
        return I64
    if t.kind == "float":
        return "float"
    if t.kind == "double":
        return F64
    if t.kind == "ldouble":
        return "fp128"
    if passes_by_reference(t):
        return "ptr"
    return _composite(t)


def native_return_type(t) -> str:
    """LLVM return type for C type ``t`` (``void`` when the result goes through x8)."""
    if t.kind == "void" or returns_indirect(t):
        return "void"
    h = hfa(t)
    if h:
        return "{ " + ", ".join([h[0]] * h[1]) + " }"
    return native_type(t)
