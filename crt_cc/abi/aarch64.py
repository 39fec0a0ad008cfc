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

# x0, x1, d0-d3.  d2/d3 only carry the last two floats of a four-float HFA result (below).
NATIVE_RET = "{ i64, i64, double, double, double, double }"
# Which SysV result register each element of NATIVE_RET comes from at a call.
NATIVE_RET_REGS = ("rax", "rdx", "xmm0", "xmm1")
# AAPCS64 reads a float argument from the low half of a d register: no boxing needed.
# LP64 like the x86-64 code: values and memory images cross unchanged (see abi/arm.py).
ILP32 = False
NAN_BOX_FLOATS = False
# The result shape is fixed (x0, x1, d0, d1), so no recovery from the code is needed.
SHAPE_FROM_CODE = False
# AAPCS64 leaves the upper bits of a 32-bit argument or result unspecified.
SEXT_INT32 = False
# glibc's aarch64 _setjmp writes 180 bytes: it fits the 200 bytes x86 code allocates.
JMP_BUF_SIZE = 180
# va_list: the AAPCS64 structure, built from the x86 one (same slots, another header); no
# run-time helper, and printf-family calls with unknown formats need no rerouting.
VA_LIST_KIND = "aapcs64"
VA_HELPER: str | None = None
V_VARIANT: dict[str, str] = {}
N_INT_REGS = 8
N_FP_REGS = 8
X86_INT_REGS = 6


def entry_params(n_stack_words: int) -> list[str]:
    """Parameter types of an exported function's native entry point."""
    extra = max(0, n_stack_words - (N_INT_REGS - X86_INT_REGS))
    return [I64] * N_INT_REGS + [F64] * N_FP_REGS + [I64] * extra


def universal_return(live: set[str]) -> tuple[str, tuple[str, ...]]:
    """Return shape of a native call or entry point (x0, x1, d0, d1 always fit in registers)."""
    return NATIVE_RET, NATIVE_RET_REGS


def entry_return(hint) -> tuple[str, tuple[str, ...]]:
    """Result shape of an entry point and the source of each element (see lift/module.py).

    When the function's result is single precision, SysV packs a float pair in xmm0 (and a
    third/fourth float in xmm1) where AAPCS64 uses s0-s3: spreading the 32-bit halves over
    d0-d3 is exact for a float, a ``{float, float}`` and up to four floats, and costs nothing.
    """
    if hint.single:
        return NATIVE_RET, ("rax", "rdx", "xmm0", "xmm0.hi", "xmm1", "xmm1.hi")
    return NATIVE_RET, ("rax", "rdx", "xmm0", "xmm1", "zero", "zero")


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


# LLVM types of scalar C types: the same on every LP64 target (long double is binary128).
SCALAR_TYPES = {"int": I64, "ptr": I64, "float": "float", "double": F64, "ldouble": "fp128"}


def integer_composite(t) -> str:
    """A struct of at most 16 bytes passed in integer registers, as clang lowers it."""
    if t.align >= 16:
        return "i128"
    return I64 if t.size <= 8 else "[2 x i64]"


def native_type(t) -> str:
    """LLVM type of an argument of C type ``t`` as an AAPCS64 caller passes it."""
    if t.kind in SCALAR_TYPES:
        return SCALAR_TYPES[t.kind]
    if passes_by_reference(t):
        return "ptr"
    h = hfa(t)
    return f"[{h[1]} x {h[0]}]" if h else integer_composite(t)


def native_return_type(t) -> str:
    """LLVM return type for C type ``t`` (``void`` when the result goes through x8)."""
    if t.kind == "void" or returns_indirect(t):
        return "void"
    h = hfa(t)
    if h:
        return "{ " + ", ".join([h[0]] * h[1]) + " }"
    return native_type(t)


def pieces(t) -> list[tuple[str, int]]:
    """LLVM argument(s) carrying a value of C type ``t``, each with its byte offset in the value."""
    return [(native_type(t), 0)]


def return_pieces(t) -> tuple[str, list[tuple[str, int]]]:
    """LLVM return type for ``t`` and the (type, offset) of each element of a literal struct."""
    ty = native_return_type(t)
    h = hfa(t)
    if h:
        size = 4 if h[0] == "float" else 8
        return ty, [(h[0], k * size) for k in range(h[1])]
    return ty, [(ty, 0)]


# Native machine context of setjmp-like translated functions (lift/context.py): the callee-saved
# registers x19-x28, the frame record x29/x30 (x30: where the function returns), d8-d15 and the
# caller's stack pointer, at these offsets of the jmp_buf the x86 code stores into.
CONTEXT_SIZE = 168
_PAIRS = ("x19, x20", "x21, x22", "x23, x24", "x25, x26", "x27, x28", "x29, x30",
          "d8, d9", "d10, d11", "d12, d13", "d14, d15")


def context_save_asm(adapter: str) -> list[str]:
    """Body of the naked entry of a setjmp-like function: save the context on the stack, call
    the entry ``adapter`` (x0 its result, x1 the jmp_buf), copy the context there, return."""
    out = ["sub sp, sp, #176"]
    out += [f"stp {p}, [sp, #{16 * k}]" for k, p in enumerate(_PAIRS)]
    out += ["add x16, sp, #176", "str x16, [sp, #160]", f"bl {adapter}"]
    for off in range(0, 160, 16):
        out += [f"ldp x16, x17, [sp, #{off}]", f"stp x16, x17, [x1, #{off}]"]
    out += ["ldr x16, [sp, #160]", "str x16, [x1, #160]", "ldr x30, [sp, #88]", "add sp, sp, #176", "ret"]
    return out


# longjmp-like: restore the context at x0; setjmp returns x1 (an int) once more.
CONTEXT_RESTORE_ASM = ["mov x16, x0", "mov x0, x1"] + \
    [f"ldp {p}, [x16, #{16 * k}]" for k, p in enumerate(_PAIRS)] + ["ldr x17, [x16, #160]", "mov sp, x17", "ret"]


# glibc's AArch64 pthread types larger than x86-64's (abi/x86_64.py PTHREAD_SIZES): the same
# structures, padded.  RISC-V64, i386 and ARM have x86's sizes.
PTHREAD_SIZES = {"pthread_mutex_t": 48, "pthread_attr_t": 64, "pthread_mutexattr_t": 8,
                 "pthread_condattr_t": 8, "pthread_barrierattr_t": 8}


# glibc's `struct stat` (= stat64) on Linux's generic layout (AArch64 and RISC-V64), against
# x86-64's (abi/x86_64.py): mode and nlink swap places and nlink and blksize are 32-bit.
STAT_SIZE = 128
STAT_LAYOUT = {
    "st_dev": (0, 8, False), "st_ino": (8, 8, False), "st_mode": (16, 4, False), "st_nlink": (20, 4, False),
    "st_uid": (24, 4, False), "st_gid": (28, 4, False), "st_rdev": (32, 8, False), "st_size": (48, 8, True),
    "st_blksize": (56, 4, True), "st_blocks": (64, 8, True), "st_atim": (72, 16, False),
    "st_mtim": (88, 16, False), "st_ctim": (104, 16, False),
}

# open()'s flag bits where x86 Linux (and RISC-V) and AArch64/ARM differ: x86 bit -> native bit
# (O_DIRECT, O_LARGEFILE, O_DIRECTORY, O_NOFOLLOW).  lift/libc_compat.py remaps them.
OPEN_FLAG_BITS = ((0o40000, 0o200000), (0o100000, 0o400000), (0o200000, 0o40000), (0o400000, 0o100000))
