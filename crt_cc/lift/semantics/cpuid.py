"""cpuid: the x86 processor that translated code sees.

Programs ask cpuid which instruction set extensions they may use (zstd's BMI2 decoder, hash and
checksum kernels with an SSSE3 path...), and pick a code path at run time.  Translation is ahead
of time, so every path in the object is translated whatever cpuid answers: an instruction we do
not implement is diagnosed at translation time on any path.  What cpuid decides is which of the
translated paths runs, so it reports:

* the x86-64 baseline (FPU, CX8, CMOV, MMX, FXSR, SSE, SSE2, SYSCALL, NX, LM), which x86-64
  compilers assume without asking;
* each extension of :data:`EXTENSIONS` whose instructions are all implemented (computed from the
  semantics registry, so implementing the rest of SSE4.2 advertises it without touching this file);
* nothing that needs operating-system state we do not model: no OSXSAVE, hence no AVX (code must
  not reach xgetbv), no TSC (rdtsc), no CLFSH.

Leaves 0, 1, 7 (sub-leaf 0), 0x80000000 and 0x80000001 answer as on an Intel processor of
family 6; every other leaf and sub-leaf reads as zeros (no cache or topology description).
"""

from __future__ import annotations

from ..ir import I32, const
from . import SEMANTICS, sem

# (leaf, register, bit) of a feature flag (Intel SDM vol. 2A, CPUID).
_L1_ECX, _L1_EDX, _L7_EBX, _X1_ECX, _X1_EDX = (1, "ecx"), (1, "edx"), (7, "ebx"), (0x80000001, "ecx"), \
    (0x80000001, "edx")

BASELINE: dict[str, tuple[int, str, int]] = {
    "fpu": (*_L1_EDX, 0), "cx8": (*_L1_EDX, 8), "cmov": (*_L1_EDX, 15), "mmx": (*_L1_EDX, 23),
    "fxsr": (*_L1_EDX, 24), "sse": (*_L1_EDX, 25), "sse2": (*_L1_EDX, 26),
    "syscall": (*_X1_EDX, 11), "nx": (*_X1_EDX, 20), "lm": (*_X1_EDX, 29),
}

# extension -> (leaf, register, bit), the instructions it adds
EXTENSIONS: dict[str, tuple[tuple[int, str, int], tuple[str, ...]]] = {
    "sse3": ((*_L1_ECX, 0), ("addsubpd", "addsubps", "haddpd", "haddps", "hsubpd", "hsubps", "lddqu",
                             "movddup", "movshdup", "movsldup", "fisttp")),
    "ssse3": ((*_L1_ECX, 9), ("pabsb", "pabsw", "pabsd", "palignr", "phaddw", "phaddd", "phaddsw", "phsubw",
                              "phsubd", "phsubsw", "pmaddubsw", "pmulhrsw", "pshufb", "psignb", "psignw",
                              "psignd")),
    "cx16": ((*_L1_ECX, 13), ("cmpxchg16b",)),
    "sse4.1": ((*_L1_ECX, 19), ("blendpd", "blendps", "blendvpd", "blendvps", "dppd", "dpps", "extractps",
                                "insertps", "movntdqa", "mpsadbw", "packusdw", "pblendvb", "pblendw", "pcmpeqq",
                                "pextrb", "pextrd", "pextrq", "phminposuw", "pinsrb", "pinsrd", "pinsrq",
                                "pmaxsb", "pmaxsd", "pmaxud", "pmaxuw", "pminsb", "pminsd", "pminud", "pminuw",
                                "pmovsxbw", "pmovsxbd", "pmovsxbq", "pmovsxwd", "pmovsxwq", "pmovsxdq",
                                "pmovzxbw", "pmovzxbd", "pmovzxbq", "pmovzxwd", "pmovzxwq", "pmovzxdq",
                                "pmuldq", "pmulld", "ptest", "roundpd", "roundps", "roundsd", "roundss")),
    "sse4.2": ((*_L1_ECX, 20), ("crc32", "pcmpestri", "pcmpestrm", "pcmpistri", "pcmpistrm", "pcmpgtq")),
    "movbe": ((*_L1_ECX, 22), ("movbe",)),
    "popcnt": ((*_L1_ECX, 23), ("popcnt",)),
    "bmi1": ((*_L7_EBX, 3), ("andn", "bextr", "blsi", "blsmsk", "blsr", "tzcnt")),
    "bmi2": ((*_L7_EBX, 8), ("bzhi", "mulx", "pdep", "pext", "rorx", "sarx", "shlx", "shrx")),
    "adx": ((*_L7_EBX, 19), ("adcx", "adox")),
    "lahf_lm": ((*_X1_ECX, 0), ("lahf", "sahf")),
    "abm": ((*_X1_ECX, 5), ("lzcnt",)),
}

_VENDOR = b"GenuineIntel"          # ebx, edx, ecx
_FAMILY_6 = 0x00000600             # leaf 1 eax: family 6, model 0, stepping 0
_LEAF1_EBX = 0x00010800            # one logical processor, 64-byte lines (CLFLUSH size field)
_MAX_BASIC, _MAX_EXTENDED = 7, 0x80000001


def advertised() -> list[str]:
    """The extensions cpuid reports: those whose instructions are all implemented."""
    return [name for name, (_, insns) in EXTENSIONS.items() if all(m in SEMANTICS for m in insns)]


def leaves() -> dict[int, dict[str, int]]:
    """leaf -> the four registers' values (leaf 7: sub-leaf 0)."""
    word = lambda i: int.from_bytes(_VENDOR[4 * i:4 * i + 4], "little")  # noqa: E731
    out = {0: {"eax": _MAX_BASIC, "ebx": word(0), "edx": word(1), "ecx": word(2)},
           1: {"eax": _FAMILY_6, "ebx": _LEAF1_EBX, "ecx": 0, "edx": 0},
           7: {"eax": 0, "ebx": 0, "ecx": 0, "edx": 0},
           0x80000000: {"eax": _MAX_EXTENDED, "ebx": 0, "ecx": 0, "edx": 0},
           0x80000001: {"eax": 0, "ebx": 0, "ecx": 0, "edx": 0}}
    flags = list(BASELINE.values()) + [EXTENSIONS[name][0] for name in advertised()]
    for leaf, reg, bit in flags:
        out[leaf][reg] |= 1 << bit
    return out


@sem("cpuid")
def cpuid(lf, insn):
    """eax, ebx, ecx, edx = the leaf eax (sub-leaf ecx) of :func:`leaves`; constants fold away
    where eax and ecx are known, which is how programs call it."""
    b = lf.b
    leaf, sub = lf.get_reg("eax"), lf.get_reg("ecx")
    table = leaves()
    hits = {n: b.icmp("eq", leaf, const(I32, n)) for n in table}
    hits[7] = b.and_(hits[7], b.icmp("eq", sub, const(I32, 0)))
    for reg in ("eax", "ebx", "ecx", "edx"):       # eax and ecx were read above
        v = const(I32, 0)
        for n, regs in table.items():
            if regs[reg]:
                v = b.select(hits[n], const(I32, regs[reg]), v)
        lf.set_reg(reg, v)
