"""The x86 register file as the lifter sees it: 16 GPRs, flags, 16 XMM, 8 x87.

Sub-registers map onto (gpr index, byte offset, size); partial writes follow
x86 rules (32-bit writes zero the upper half, 8/16-bit writes merge).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceMode:
    """What differs between x86-64 and i386 code for the lifter: the stack word (return
    address, push/pop, incoming argument area) and where the entry stack pointer sits modulo
    64 (x86-64: 8 mod 16 after the call; i386 psABI: 12 mod 16), so ``and $-16, %esp`` stays
    static."""

    name: str
    word: int
    entry_align: int


X86_64 = SourceMode("x86_64", 8, 8)
I386 = SourceMode("i386", 4, 60)

GPR_NAMES = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
             "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"]
RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI = range(8)
R8, R9 = 8, 9
ARG_GPRS = [RDI, RSI, RDX, RCX, R8, R9]          # SysV x86-64 integer argument order
# What a call may change besides its results (rax, rdx, xmm0, xmm1, st(0)) under the SysV
# psABIs: x86-64 keeps rbx, rbp, r12-r15 and rsp; i386 keeps ebx, esi, edi, ebp and esp, and
# has only xmm0-xmm7.  Code compiled by a compiler never reads these after a call to a
# function it does not see (lift/function.py, FunctionLifter.clobber_after_call).
CALL_CLOBBERED = {
    8: ("rcx", "rsi", "rdi", "r8", "r9", "r10", "r11") + tuple(f"xmm{n}" for n in range(2, 16)),
    4: ("rcx",) + tuple(f"xmm{n}" for n in range(2, 8)),
}
# "id" (bit 21) is what i386 code toggles through pushf/popf to learn that cpuid exists; like
# "df" it starts clear in each function and only pushf reads it.
FLAGS = ["cf", "pf", "af", "zf", "sf", "of", "df", "id"]
FLAG_BITS = {"cf": 0, "pf": 2, "af": 4, "zf": 6, "sf": 7, "df": 10, "of": 11, "id": 21}

# name -> (gpr, byte offset, size in bytes)
SUBREGS: dict[str, tuple[int, int, int]] = {}
for _i, _n in enumerate(GPR_NAMES):
    SUBREGS[_n] = (_i, 0, 8)
for _i, (_d, _w, _b) in enumerate([("eax", "ax", "al"), ("ecx", "cx", "cl"), ("edx", "dx", "dl"),
                                   ("ebx", "bx", "bl"), ("esp", "sp", "spl"), ("ebp", "bp", "bpl"),
                                   ("esi", "si", "sil"), ("edi", "di", "dil")]):
    SUBREGS[_d] = (_i, 0, 4)
    SUBREGS[_w] = (_i, 0, 2)
    SUBREGS[_b] = (_i, 0, 1)
for _i in range(8, 16):
    SUBREGS[f"r{_i}d"] = (_i, 0, 4)
    SUBREGS[f"r{_i}w"] = (_i, 0, 2)
    SUBREGS[f"r{_i}b"] = (_i, 0, 1)
for _i, _n in enumerate(["ah", "ch", "dh", "bh"]):
    SUBREGS[_n] = (_i, 1, 1)

# 32-bit sub-register -> its 64-bit register (eax -> rax, r8d -> r8), and back.
SUB32_OF = {n: GPR_NAMES[i] for n, (i, off, size) in SUBREGS.items() if size == 4}
WIDE_TO_SUB32 = {wide: n for n, wide in SUB32_OF.items()}


def full_register(name: str) -> str:
    """The architectural register a (sub-)register name belongs to: ``bpl`` -> ``rbp``, ``ymm3`` -> ``xmm3``."""
    if name in SUBREGS:
        return GPR_NAMES[SUBREGS[name][0]]
    if name[:3] in ("ymm", "zmm"):
        return "xmm" + name[3:]
    return name


# Flags read by each condition-code suffix (used by liveness-free lifting and docs).
CONDITIONS = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"]
CC_ALIASES = {"c": "b", "nae": "b", "nb": "ae", "nc": "ae", "z": "e", "nz": "ne", "na": "be",
              "nbe": "a", "pe": "p", "po": "np", "nge": "l", "nl": "ge", "ng": "le", "nle": "g"}


def cc_of(suffix: str) -> str | None:
    """Canonical condition code for a jcc/setcc/cmovcc suffix, or None."""
    if suffix in CONDITIONS:
        return suffix
    return CC_ALIASES.get(suffix)
