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

from ..lift.ir import F64
from .aarch64 import (  # noqa: F401  (the universal argument mapping is the same)
    N_FP_REGS,
    N_INT_REGS,
    SCALAR_TYPES,
    X86_INT_REGS,
    entry_params,
    integer_composite,
    split_stack_words,
)

# LP64 like the x86-64 code: values and memory images cross unchanged (see abi/arm.py).
ILP32 = False
NAN_BOX_FLOATS = True
SHAPE_FROM_CODE = True
# 32-bit integer arguments and results are sign-extended to 64 bits (LP64 psABI).
SEXT_INT32 = True
# glibc's riscv64 pthread types have x86-64's sizes (abi/x86_64.py); as a source ISA for AArch64
# they meet its larger ones (lift/libc_compat.py).
PTHREAD_SIZES = {"pthread_mutex_t": 40, "pthread_attr_t": 56, "pthread_mutexattr_t": 4,
                 "pthread_condattr_t": 4, "pthread_barrierattr_t": 4}
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
    # A float pair only when no call's result can be the one returned in rax: a function that
    # returns malloc's pointer after a loop of movss is not returning {float, float}.
    if hint.single and hint.live and hint.live <= {"xmm0", "xmm1"} and not hint.rax_by_call:
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
    if t.kind in SCALAR_TYPES:
        return SCALAR_TYPES[t.kind]
    return "ptr" if passes_by_reference(t) else integer_composite(t)


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


# ---------------------------------------------------------------------------------------------
# va_list: a RISC-V va_list is a plain pointer to consecutive 8-byte argument slots (long double:
# an aligned pair).  Converting an x86-64 va_list (register save area + overflow area, read by
# class) therefore needs each argument's type: glibc's parse_printf_format gives them at run time
# from the format string, which every v*printf call has.  scanf-family arguments are all pointers.
VA_LIST_KIND = "slots"
VA_SLOTS = 130                      # 64 arguments, long doubles taking an aligned pair
VA_HELPER = "__crt_rv_va_list"

# printf-family function -> its v* variant, for calls whose format is not a constant: the
# arguments are gathered into an x86 va_list and converted, since their classes are unknown.
V_VARIANT = {
    "printf": "vprintf", "fprintf": "vfprintf", "sprintf": "vsprintf", "snprintf": "vsnprintf",
    "dprintf": "vdprintf", "asprintf": "vasprintf", "__printf_chk": "__vprintf_chk",
    "__fprintf_chk": "__vfprintf_chk", "__sprintf_chk": "__vsprintf_chk",
    "__snprintf_chk": "__vsnprintf_chk", "__asprintf_chk": "__vasprintf_chk",
    "__dprintf_chk": "__vdprintf_chk",
}

# glibc <printf.h>: PA_DOUBLE = 7, PA_FLAG_MASK = 0xff00, PA_FLAG_LONG_DOUBLE = 0x100
VA_HELPER_IR = """
define internal ptr @__crt_rv_va_list(ptr %fmt, ptr %ap, ptr %out, i1 %all_gp) noinline {
entry:
  %types = alloca [64 x i32], align 4
  %n = call i64 @parse_printf_format(ptr %fmt, i64 64, ptr %types)
  %few = icmp ult i64 %n, 64
  %nn = select i1 %few, i64 %n, i64 64
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %k = phi i64 [ 0, %entry ], [ %k1, %next ]
  %done = icmp uge i64 %i, %nn
  br i1 %done, label %exit, label %body
body:
  %tp = getelementptr i32, ptr %types, i64 %i
  %t = load i32, ptr %tp, align 4
  %base = and i32 %t, -65281
  %isd0 = icmp eq i32 %base, 7
  %notgp = xor i1 %all_gp, true
  %isd = and i1 %isd0, %notgp
  %ldf = and i32 %t, 256
  %isld = icmp ne i32 %ldf, 0
  br i1 %isd, label %dbl, label %gp
dbl:
  br i1 %isld, label %ldbl, label %fp
fp:
  %fpo_p = getelementptr i8, ptr %ap, i64 4
  %fpo = load i32, ptr %fpo_p, align 4
  %fin = icmp ult i32 %fpo, 176
  br i1 %fin, label %fpreg, label %ovf
fpreg:
  %rsa1 = getelementptr i8, ptr %ap, i64 16
  %rs1 = load ptr, ptr %rsa1, align 8
  %fpo64 = zext i32 %fpo to i64
  %src1 = getelementptr i8, ptr %rs1, i64 %fpo64
  %v1 = load i64, ptr %src1, align 1
  %fpo2 = add i32 %fpo, 16
  store i32 %fpo2, ptr %fpo_p, align 4
  br label %slot
gp:
  %gpo = load i32, ptr %ap, align 4
  %gin = icmp ult i32 %gpo, 48
  br i1 %gin, label %gpreg, label %ovf
gpreg:
  %rsa2 = getelementptr i8, ptr %ap, i64 16
  %rs2 = load ptr, ptr %rsa2, align 8
  %gpo64 = zext i32 %gpo to i64
  %src2 = getelementptr i8, ptr %rs2, i64 %gpo64
  %v2 = load i64, ptr %src2, align 1
  %gpo2 = add i32 %gpo, 8
  store i32 %gpo2, ptr %ap, align 4
  br label %slot
ovf:
  %ovp = getelementptr i8, ptr %ap, i64 8
  %ov = load ptr, ptr %ovp, align 8
  %v3 = load i64, ptr %ov, align 1
  %ov2 = getelementptr i8, ptr %ov, i64 8
  store ptr %ov2, ptr %ovp, align 8
  br label %slot
slot:
  %v = phi i64 [ %v1, %fpreg ], [ %v2, %gpreg ], [ %v3, %ovf ]
  %dst = getelementptr i64, ptr %out, i64 %k
  store i64 %v, ptr %dst, align 8
  %k2 = add i64 %k, 1
  br label %next
ldbl:
  %ovp3 = getelementptr i8, ptr %ap, i64 8
  %ov3 = load ptr, ptr %ovp3, align 8
  %ovi = ptrtoint ptr %ov3 to i64
  %ova = add i64 %ovi, 15
  %ovb = and i64 %ova, -16
  %ovc = inttoptr i64 %ovb to ptr
  %raw = load i80, ptr %ovc, align 1
  %w = zext i80 %raw to i128
  %se = lshr i128 %w, 64
  %fr = and i128 %w, 9223372036854775807
  %hi = shl i128 %se, 112
  %lo = shl i128 %fr, 49
  %bits = or i128 %hi, %lo
  %ov4 = getelementptr i8, ptr %ovc, i64 16
  store ptr %ov4, ptr %ovp3, align 8
  %ka = add i64 %k, 1
  %kb = and i64 %ka, -2
  %dst2 = getelementptr i64, ptr %out, i64 %kb
  store i128 %bits, ptr %dst2, align 8
  %k3 = add i64 %kb, 2
  br label %next
next:
  %k1 = phi i64 [ %k2, %slot ], [ %k3, %ldbl ]
  %i1 = add i64 %i, 1
  br label %loop
exit:
  ret ptr %out
}
"""


# Native machine context of setjmp-like translated functions (lift/context.py): s0-s11, ra (where
# the function returns), the caller's stack pointer and fs0-fs11, at these offsets of the jmp_buf
# the x86 code stores into.  208 bytes: 8 more than an x86 glibc/musl jmp_buf (docs/abi.md).
CONTEXT_SIZE = 208
_SAVED = [f"s{k}" for k in range(12)]


def context_save_asm(adapter: str) -> list[str]:
    """Body of the naked entry of a setjmp-like function: save the context on the stack, call
    the entry ``adapter`` (a0 its result, a1 the jmp_buf), copy the context there, return."""
    out = ["addi sp, sp, -208"]
    out += [f"sd {r}, {8 * k}(sp)" for k, r in enumerate(_SAVED)]
    out += ["sd ra, 96(sp)", "addi t0, sp, 208", "sd t0, 104(sp)"]
    out += [f"fsd fs{k}, {112 + 8 * k}(sp)" for k in range(12)]
    out += [f"call {adapter}"]
    for off in range(0, 208, 8):
        out += [f"ld t0, {off}(sp)", f"sd t0, {off}(a1)"]
    out += ["ld ra, 96(sp)", "addi sp, sp, 208", "ret"]
    return out


# longjmp-like: restore the context at a0; setjmp returns a1 (an int, sign-extended) once more.
CONTEXT_RESTORE_ASM = ["mv t0, a0", "mv a0, a1"] + [f"ld {r}, {8 * k}(t0)" for k, r in enumerate(_SAVED)] + \
    [f"fld fs{k}, {112 + 8 * k}(t0)" for k in range(12)] + ["ld ra, 96(t0)", "ld sp, 104(t0)", "ret"]


# glibc's `struct stat`: Linux's generic layout, the same as AArch64's.
from .aarch64 import STAT_LAYOUT, STAT_SIZE  # noqa: E402,F401

# open()'s flag bits: RISC-V uses the generic values, which are x86's.
OPEN_FLAG_BITS: tuple[tuple[int, int], ...] = ()
