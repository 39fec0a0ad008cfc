"""RISC-V LP64D (Linux) at the native/translated boundary.

The universal mapping is the AAPCS64 one with RISC-V names: rdi..r9 -> a0..a5, x86 stack words 0
and 1 -> a6, a7, later words -> the native stack, xmm0-7 -> fa0-fa7.  Two things differ:

* Results: LLVM's RISC-V backend returns at most two values in registers (a0/a1, fa0/fa1); a
  four-element struct would be demoted to a hidden pointer.  The result shape is therefore chosen
  per crossing from what the x86 code shows: at a call, which of rax/rdx/xmm0/xmm1 the code reads
  afterwards; at an entry point, which of them the function itself writes last before ``ret``.
* Floats in FP registers are NaN-boxed (upper 32 bits all ones); a non-boxed single is read as the
  canonical NaN.  A float argument or result is recognised by the SSE instruction that produced
  it (``...ss`` forms); those values are boxed on the way out.

With a prototype, C types are lowered as clang lowers them for LP64D: a struct of at most 16 bytes
whose flattened fields are one or two floating-point values (or one FP and one integer) travels in
FP (and integer) registers as separate arguments; other structs up to 16 bytes in integer
registers; larger ones by reference, results through a hidden pointer in a0; long double is
binary128 in an integer register pair.
"""

from __future__ import annotations

from ..lift.ir import F64, I64
from .aarch64 import N_FP_REGS, N_INT_REGS, X86_INT_REGS, entry_params, split_stack_words  # noqa: F401

NAN_BOX_FLOATS = True
SHAPE_FROM_CODE = True
# 32-bit integer arguments and results are sign-extended to 64 bits (LP64 psABI).
SEXT_INT32 = True
# glibc's riscv64 __jmp_buf is 208 bytes (pc, s0-s11, sp, fs0-fs11) plus the signal mask:
# more than the 200 bytes x86 code allocates.
JMP_BUF_SIZE = 344


def universal_return(live: set[str]) -> tuple[str, tuple[str, ...]]:
    """Two-register result shape covering the SysV result registers in ``live``."""
    if "xmm1" in live and "rax" not in live:
        return "{ double, double }", ("xmm0", "xmm1")
    if "rdx" in live:
        return "{ i64, i64 }", ("rax", "rdx")
    return "{ i64, double }", ("rax", "xmm0")


def entry_return(hint) -> tuple[str, tuple[str, ...]]:
    """Result shape of an entry point and the source of each element (see lift/module.py).

    Singles are NaN-boxed; a single-precision result that SysV packs in xmm0 as a float pair
    goes to fa0/fa1 as LP64D returns ``{float, float}``; a 32-bit integer result is
    sign-extended, as LP64 requires of every 32-bit value (x86 zero-extends), and a bool set by
    setcc zero-extended (x86 defines only %al).
    """
    rax = "rax.zext8" if hint.bool8 else "rax.sext32" if hint.int32 else "rax"
    if hint.single and hint.live and hint.live <= {"xmm0", "xmm1"}:
        return "{ double, double }", ("xmm0.box", "xmm0.hi.box")
    if hint.single:
        return "{ i64, double }", (rax, "xmm0.box")
    ty, regs = universal_return(hint.live)
    return ty, tuple(rax if r == "rax" else r for r in regs)


def _fp_flattening(t) -> list[tuple[str, int]] | None:
    """Fields of a struct passed by the hardware floating-point convention, else None."""
    if t.kind != "struct" or t.size > 16 or not t.leaves or len(t.leaves) > 2:
        return None
    fps = [leaf for _, leaf in t.leaves if leaf.kind in ("float", "double")]
    if not fps:
        return None
    out = []
    for off, leaf in t.leaves:
        if leaf.kind in ("float", "double"):
            out.append(("float" if leaf.kind == "float" else F64, off))
        elif leaf.kind in ("int", "ptr") and leaf.size <= 8:
            out.append((f"i{8 * leaf.size}", off))
        else:
            return None
    return out


def passes_by_reference(t) -> bool:
    return t.kind == "struct" and t.size > 16


def returns_indirect(t) -> bool:
    return passes_by_reference(t)


def native_type(t) -> str:
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
    if t.align >= 16:
        return "i128"
    return I64 if t.size <= 8 else "[2 x i64]"


def pieces(t) -> list[tuple[str, int]]:
    flat = _fp_flattening(t)
    return flat if flat else [(native_type(t), 0)]


def native_return_type(t) -> str:
    if t.kind == "void" or returns_indirect(t):
        return "void"
    flat = _fp_flattening(t)
    if flat and len(flat) > 1:
        return "{ " + ", ".join(ty for ty, _ in flat) + " }"
    if flat:
        return flat[0][0]
    return native_type(t)


def return_pieces(t) -> tuple[str, list[tuple[str, int]]]:
    ty = native_return_type(t)
    flat = _fp_flattening(t)
    return ty, (flat if flat else [(ty, 0)])
