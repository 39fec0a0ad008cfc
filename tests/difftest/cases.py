"""Random input states for the differential tests.

A :class:`Case` is one complete x86 machine state (GPRs, arithmetic flags,
XMM registers, 256 bytes of memory) plus what the comparison needs to know
about it: which flag bits are defined after the instruction and which result
fields are undefined for these particular inputs.

Everything is generated from a :class:`random.Random` seeded with the form's
name, so a form always gets the same inputs (set ``CRT_DIFFTEST_SEED`` to
explore other inputs).
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from random import Random

M64 = (1 << 64) - 1

GPR_NAMES = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
             "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"]
GPR = {n: i for i, n in enumerate(GPR_NAMES)}
RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI = range(8)
I386_GPR_NAMES = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"]

# rflags bits
CF, PF, AF, ZF, SF, OF = 0x1, 0x4, 0x10, 0x40, 0x80, 0x800
ALL = CF | PF | AF | ZF | SF | OF          # 0x8d5: the arithmetic flags; DF is always 0
FLAG_NAMES = [("CF", CF), ("PF", PF), ("AF", AF), ("ZF", ZF), ("SF", SF), ("OF", OF)]

MEM_SIZE = 256
MEM_BASE_OFFSET = 128          # default pointer register value: s->mem + 128


@dataclass(frozen=True)
class Isa:
    """The source ISA whose registers a test function loads and stores.

    Cases and input records always hold 16 64-bit GPRs and 16 XMM registers (one record layout
    for both ISAs, so fixups written for x86-64 forms work unchanged); an i386 test function
    loads and stores only the low 32 bits of the first 8 GPRs and xmm0-7, and its harness prints
    only those, under their i386 names."""
    name: str                          # "x86_64" or "i386" (crt-cc's --crt-source spelling)
    gprs: tuple[str, ...]              # printed GPR names in encoding order (the stack pointer too)
    bits: int                          # GPR width
    nxmm: int

    def field(self, name: str) -> str | None:
        """The printed name of a state field given by its x86-64 name (``rcx`` -> ``ecx`` on
        i386, ``xmm3`` -> ``xmm3``), or None when this ISA has no such field (``r9``, ``xmm12``)."""
        if name in GPR:
            i = GPR[name]
            return self.gprs[i] if i < len(self.gprs) else None
        if name.startswith("xmm") and name[3:].isdigit():
            return name if int(name[3:]) < self.nxmm else None
        return name


X86_64 = Isa("x86_64", tuple(GPR_NAMES), 64, 16)
I386 = Isa("i386", tuple(I386_GPR_NAMES), 32, 8)
ISAS = {i.name: i for i in (X86_64, I386)}


@dataclass
class Case:
    gpr: list[int]                     # 16 values; a pointer register holds its offset into mem
    rflags: int                        # only ALL bits are used
    xmm: list[bytearray]               # 16 x 16 bytes
    mem: bytearray                     # 256 bytes
    ptrs: dict[int, int] = field(default_factory=dict)   # gpr index -> offset into mem
    flagmask: int = ALL                # flags compared after execution
    ignore: set[str] = field(default_factory=set)        # result fields undefined for these inputs

    # -- helpers for fixups -------------------------------------------------
    def get(self, reg: str, bits: int = 64) -> int:
        return self.gpr[GPR[reg]] & ((1 << bits) - 1)

    def set(self, reg: str, value: int, bits: int = 64) -> None:
        """Replace the low ``bits`` of ``reg`` (upper bits stay random)."""
        m = (1 << bits) - 1
        i = GPR[reg]
        self.gpr[i] = (self.gpr[i] & ~m & M64) | (value & m)

    def set_high8(self, reg: str, value: int) -> None:
        i = GPR[reg]
        self.gpr[i] = (self.gpr[i] & ~0xFF00 & M64) | ((value & 0xFF) << 8)

    def ptr(self, reg: str, offset: int) -> None:
        """Make ``reg`` point at s->mem + offset."""
        self.ptrs[GPR[reg]] = offset

    def mem_offset(self, reg: str) -> int:
        return self.ptrs[GPR[reg]]

    def load(self, off: int, size: int) -> int:
        return int.from_bytes(self.mem[off:off + size], "little")

    def store(self, off: int, value: int, size: int) -> None:
        self.mem[off:off + size] = (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little")

    def xmm_q(self, reg: int, lane: int) -> int:
        return int.from_bytes(self.xmm[reg][8 * lane:8 * lane + 8], "little")

    def set_xmm_q(self, reg: int, lane: int, value: int) -> None:
        self.xmm[reg][8 * lane:8 * lane + 8] = (value & M64).to_bytes(8, "little")

    # -- serialisation (layout of struct crt_diff_input in harness.c) --------
    def pack(self, form_index: int, case_index: int) -> bytes:
        ptrmask = 0
        gpr = list(self.gpr)
        for i, off in self.ptrs.items():
            ptrmask |= 1 << i
            gpr[i] = off & M64
        gpr[RSP] = 0
        out = struct.pack("<4Q", form_index, case_index, self.flagmask & ALL, ptrmask)
        out += struct.pack("<16Q", *[g & M64 for g in gpr])
        out += struct.pack("<Q", self.rflags & ALL)
        out += b"".join(bytes(x) for x in self.xmm)
        out += bytes(self.mem)
        assert len(out) == RECORD_SIZE
        return out

    def describe(self, isa: Isa = X86_64) -> list[str]:
        """The input state as text lines (same notation as the harness output for ``isa``)."""
        lines = []
        digits = isa.bits // 4
        for i, n in enumerate(isa.gprs):
            if i == RSP:
                continue
            if i in self.ptrs:
                lines.append(f"{n} M{self.ptrs[i]:+d}")
            else:
                lines.append(f"{n} {self.gpr[i] & ((1 << isa.bits) - 1):0{digits}x}")
        lines.append(f"rflags {self.rflags & ALL:016x} ({flag_text(self.rflags & ALL)})")
        for i, x in enumerate(self.xmm[:isa.nxmm]):
            lines.append(f"xmm{i} {int.from_bytes(x, 'little'):032x}")
        for off in range(0, MEM_SIZE, 32):
            lines.append(f"mem{off:02x} {self.mem[off:off + 32].hex()}")
        return lines


RECORD_SIZE = 4 * 8 + 16 * 8 + 8 + 256 + MEM_SIZE


def flag_text(v: int) -> str:
    return " ".join(n for n, b in FLAG_NAMES if v & b) or "-"


# --------------------------------------------------------------------------
# value generators
# --------------------------------------------------------------------------

_EDGE_LOW = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000,
             0xFFFFFFFF, 0x100000000]
_EDGE64 = [0, 1, M64, 0x8000000000000000, 0x7FFFFFFFFFFFFFFF, 0xFFFFFFFF, 0x80000000,
           0x7FFFFFFF, 0xFFFFFFFF80000000, 0x00000000FFFFFFFF, 0x8000, 0x7FFF, 0xFFFF, 0x80, 0x7F,
           0xFF, 0xFFFFFFFFFFFFFF80, 0xFFFFFFFFFFFF8000]


def rand_int(rng: Random) -> int:
    r = rng.random()
    if r < 0.40:
        return rng.getrandbits(64)
    if r < 0.62:
        return rng.choice(_EDGE64)
    if r < 0.75:                       # narrow edge value under random upper bits
        low = rng.choice(_EDGE_LOW)
        w = rng.choice([8, 16, 32])
        return (rng.getrandbits(64) & ~((1 << w) - 1) & M64) | (low & ((1 << w) - 1))
    if r < 0.88:                       # small signed
        return rng.randrange(-70, 71) & M64
    w = rng.choice([8, 16, 32])        # random narrow value, sign- or zero-extended
    v = rng.getrandbits(w)
    if rng.random() < 0.5 and v >> (w - 1):
        v |= M64 & ~((1 << w) - 1)
    return v


def _lane_edges(size: int) -> list[int]:
    bits = 8 * size
    top = 1 << (bits - 1)
    return [0, 1, top - 1, top, (1 << bits) - 1, 2, top + 1]


def rand_xmm_int(rng: Random) -> bytearray:
    size = rng.choice([1, 2, 4, 8])
    edges = _lane_edges(size)
    out = bytearray()
    for _ in range(16 // size):
        v = rng.getrandbits(8 * size) if rng.random() < 0.5 else rng.choice(edges)
        out += v.to_bytes(size, "little")
    return out


_F64_SPECIAL = [
    0x0000000000000000, 0x8000000000000000,            # +-0
    0x7FF0000000000000, 0xFFF0000000000000,            # +-inf
    0x7FF8000000000000, 0xFFF8000000000000,            # qNaN (x86 default NaN is the negative one)
    0x7FF8000000001234, 0xFFFC00000000ABCD,            # qNaN with payload
    0x7FF0000000000001, 0xFFF4000000005678,            # sNaN
    0x0000000000000001, 0x800FFFFFFFFFFFFF,            # denormals
    0x0010000000000000, 0x7FEFFFFFFFFFFFFF,            # min normal, max
]
_F64_VALUES = [1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 3.5, -0.5, 2.0 ** 31, 2.0 ** 31 - 1, -(2.0 ** 31),
               -(2.0 ** 31) - 1, 2.0 ** 63, -(2.0 ** 63), 2.0 ** 64, 2.0 ** 32, 1e300, -1e-300,
               4294967295.5, 123456789.75, 1e10, -1e20, 0.1, 3.0e38, 3.5e38, 1e-40, 65535.5, -32768.5]
_F32_SPECIAL = [0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000,
                0x7FC01234, 0xFFE0ABCD, 0x7F800001, 0xFFA05678, 0x00000001, 0x807FFFFF,
                0x00800000, 0x7F7FFFFF]


def _f64_bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def _f32_bits(x: float) -> int:
    try:
        return struct.unpack("<I", struct.pack("<f", x))[0]
    except OverflowError:
        return 0x7F800000 if x > 0 else 0xFF800000


def rand_f64(rng: Random) -> int:
    r = rng.random()
    if r < 0.25:
        return rng.choice(_F64_SPECIAL)
    if r < 0.45:
        return _f64_bits(rng.choice(_F64_VALUES))
    if r < 0.55:
        return rng.getrandbits(64)
    if r < 0.70:
        return _f64_bits(float(rng.randrange(-100000, 100000)) / rng.choice([1, 2, 4, 8, 10]))
    return _f64_bits(math.ldexp(rng.uniform(-1.0, 1.0), rng.randrange(-30, 40)))


def rand_f32(rng: Random) -> int:
    r = rng.random()
    if r < 0.25:
        return rng.choice(_F32_SPECIAL)
    if r < 0.45:
        return _f32_bits(rng.choice(_F64_VALUES))
    if r < 0.55:
        return rng.getrandbits(32)
    if r < 0.70:
        return _f32_bits(float(rng.randrange(-100000, 100000)) / rng.choice([1, 2, 4, 8, 10]))
    return _f32_bits(math.ldexp(rng.uniform(-1.0, 1.0), rng.randrange(-30, 40)))


def rand_lanes(rng: Random, kind: str) -> bytearray:
    if kind == "f64":
        return bytearray(rand_f64(rng).to_bytes(8, "little") + rand_f64(rng).to_bytes(8, "little"))
    if kind == "f32":
        return bytearray(b"".join(rand_f32(rng).to_bytes(4, "little") for _ in range(4)))
    return rand_xmm_int(rng)


def make_case(rng: Random, kind: str, ptrs: dict[str, int]) -> Case:
    """A fresh random state.  ``kind`` (int/f32/f64) shapes the XMM and memory contents."""
    gpr = [rand_int(rng) for _ in range(16)]
    gpr[RSP] = 0
    xmm = [rand_lanes(rng, kind) for _ in range(16)]
    mem = bytearray()
    for _ in range(MEM_SIZE // 16):
        mem += rand_lanes(rng, kind) if kind != "int" else (
            rng.getrandbits(128).to_bytes(16, "little") if rng.random() < 0.5
            else rand_xmm_int(rng))
    # "equal" cases: share a value among registers, xmm lanes and memory so that
    # compare-equal, cmpxchg success, pcmpeq etc. see equality often enough.
    if rng.random() < 0.3:
        v = rand_int(rng)
        for i in range(16):
            if rng.random() < 0.5:
                gpr[i] = v
        pat = rand_lanes(rng, kind)
        for x in [*xmm, *(memoryview(mem)[o:o + 16] for o in range(0, MEM_SIZE, 16))]:
            for lane in range(0, 16, 4):
                if rng.random() < 0.5:
                    x[lane:lane + 4] = pat[lane:lane + 4]
        if kind == "int":
            for o in range(0, MEM_SIZE, 8):
                if rng.random() < 0.3:
                    mem[o:o + 8] = v.to_bytes(8, "little")
    gpr[RSP] = 0
    case = Case(gpr=gpr, rflags=rng.getrandbits(12) & ALL, xmm=xmm, mem=mem)
    for reg, off in ptrs.items():
        case.ptr(reg, off)
    return case
