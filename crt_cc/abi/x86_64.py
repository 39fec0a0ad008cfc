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


def internal_ret(x87_ty: str = F128) -> str:
    """The internal return type when st(0) is kept as ``x87_ty`` (double on ARMv5)."""
    return f"{{ {I64}, {I64}, {V2I64}, {V2I64}, {x87_ty} }}"
INTERNAL_FNTY = f"{INTERNAL_RET} ({', '.join(INTERNAL_PARAM_TYPES)})"


def internal_name(name: str) -> str:
    return f'@"{name}.x86"'


def sysv_classes(t) -> list[str] | None:
    """SysV eightbyte classes (``INTEGER``/``SSE``) of a value, or None when it is MEMORY class.

    Follows the psABI's classification for the C types crt-cc models (:class:`CType`): scalars
    are one eightbyte; aggregates up to 16 bytes are classified per eightbyte (INTEGER wins over
    SSE); larger or unaligned aggregates, and anything containing long double, live in memory.
    """
    if t.kind in ("int", "ptr"):
        return ["INTEGER"]
    if t.kind in ("float", "double"):
        return ["SSE"]
    if t.kind != "struct" or t.size > 16 or t.size == 0:
        return None
    if any(leaf.kind == "ldouble" or off % max(1, leaf.align) for off, leaf in t.leaves):
        return None
    classes = ["SSE"] * ((t.size + 7) // 8)
    for off, leaf in t.leaves:
        if leaf.kind in ("int", "ptr"):
            classes[off // 8] = "INTEGER"
    return classes


def sysv_memory_return(t) -> bool:
    """A result returned through a hidden pointer in %rdi (and echoed in %rax)."""
    return t.kind == "struct" and sysv_classes(t) is None


# glibc's sizes of the pthread types that some targets make larger (abi/aarch64.py): their
# initialisers clear the whole native size, so lift/libc_compat.py has them work on a native-sized
# buffer and copies back what the x86 object holds (the rest is padding on those targets).
PTHREAD_SIZES = {"pthread_mutex_t": 40, "pthread_attr_t": 56, "pthread_mutexattr_t": 4,
                 "pthread_condattr_t": 4, "pthread_barrierattr_t": 4}


# glibc's x86-64 `struct stat` (= stat64): field -> (offset, size, signed), and its size.  The
# targets lay it out differently (abi/aarch64.py); lift/libc_compat.py converts.
STAT_SIZE = 144
STAT_LAYOUT = {
    "st_dev": (0, 8, False), "st_ino": (8, 8, False), "st_nlink": (16, 8, False), "st_mode": (24, 4, False),
    "st_uid": (28, 4, False), "st_gid": (32, 4, False), "st_rdev": (40, 8, False), "st_size": (48, 8, True),
    "st_blksize": (56, 8, True), "st_blocks": (64, 8, True), "st_atim": (72, 16, False),
    "st_mtim": (88, 16, False), "st_ctim": (104, 16, False),
}
