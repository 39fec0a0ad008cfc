"""The instruction forms covered by the differential tests.

Each :class:`Form` is a short x86-64 AT&T snippet (usually one instruction)
plus what is needed to test it:

* ``flags``  -- the rflags bits whose value after the snippet is defined by the
  architecture (flags the snippet leaves alone are defined: they keep their
  input value).  An int, or a function of the :class:`Case` for count-dependent
  flags (shifts).
* ``kind``   -- shape of the random XMM/memory contents: ``int``, ``f32``, ``f64``.
* ``ptrs``   -- registers that hold pointers into the 256-byte memory block
  (register -> offset).  Default: ``rbx`` -> 128 when the snippet uses ``(%rbx``.
* ``fixup``  -- adjusts each random case (keep a divisor non-zero, bound a
  count, mark a result undefined for these inputs ...).
* ``cpu``    -- /proc/cpuinfo flags the host needs to run the form natively.
* ``helper`` -- extra assembly placed after the test function (call targets).
* ``ignore`` -- result fields that are never compared (registers a call
  clobbers under the SysV ABI, ...).
* ``approx`` -- relative error allowed in FP xmm lanes (approximation
  instructions whose exact bits are implementation-specific).

Registers the snippet does not mention are still random and still compared,
so a translation that clobbers anything else is caught too.  See
docs/difftest.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from .cases import (
    AF,
    ALL,
    CF,
    GPR,
    OF,
    PF,
    SF,
    ZF,
    Case,
    _f64_bits,
    rand_f64,
)

LOGIC = ALL & ~AF                 # and/or/xor/test: AF undefined
MULF = CF | OF                    # mul/imul: SF ZF AF PF undefined

FlagSpec = int | Callable[[Case], int]
Fixup = Callable[[Case, Random], None]


@dataclass
class Form:
    name: str
    asm: str
    family: str
    flags: FlagSpec = ALL
    kind: str = "int"
    ptrs: dict[str, int] | None = None
    fixup: Fixup | None = None
    cpu: tuple[str, ...] = ()
    helper: str = ""
    approx: float = 0.0        # FP results may differ by this relative error (rcpps ...)
    # NaN lanes may differ in sign and payload: dpps/dppd, whose lanes pick different NaNs when
    # several meet in the sum, differently on different processors (the SDM does not define it)
    nan_loose: bool = False
    ignore: tuple[str, ...] = ()   # result fields never compared (e.g. caller-saved after a call)
    source: str = "x86_64"     # the snippet's ISA: x86_64, or i386 (tests/difftest/forms_i386.py)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z0-9_]+", self.name):
            raise ValueError(f"form name {self.name!r} is not a C identifier")
        if self.ptrs is None:
            self.ptrs = {"rbx": 128} if re.search(r"\(%[re]bx", self.asm) else {}

    @property
    def lines(self) -> list[str]:
        return [ln.strip() for ln in re.split(r"[;\n]", self.asm) if ln.strip()]

    @property
    def text(self) -> str:
        return "; ".join(self.lines)

    def flag_mask(self, case: Case) -> int:
        return (self.flags(case) if callable(self.flags) else self.flags) & ALL

    def __reduce__(self):                  # pickles as a reference into FORMS (fixups are closures)
        return (_form_by_name, (self.name, self.source))


def _form_by_name(name: str, source: str = "x86_64") -> Form:
    return forms_for(source)[1][name]


def forms_for(source: str) -> tuple[list[Form], dict[str, Form]]:
    """The forms of a source ISA and the same by name: FORMS for x86-64, the derived
    i386 list (tests/difftest/forms_i386.py, built on first use) for i386."""
    if source == "x86_64":
        return FORMS, FORMS_BY_NAME
    if source == "i386":
        from .forms_i386 import i386_forms, i386_forms_by_name
        return i386_forms(), i386_forms_by_name()
    raise ValueError(f"no difftest forms for source ISA {source!r}")


FORMS: list[Form] = []
_family = "misc"


def family(name: str) -> None:
    global _family
    _family = name


def F(name: str, asm: str, flags: FlagSpec = ALL, **kw) -> Form:  # noqa: N802
    f = Form(name, asm, _family, flags, **kw)
    FORMS.append(f)
    return f


def chain(*fixups: Fixup | None) -> Fixup:
    def run(case: Case, rng: Random) -> None:
        for fx in fixups:
            if fx:
                fx(case, rng)
    return run


# ---------------------------------------------------------------------------
# register names / widths
# ---------------------------------------------------------------------------

SUF = {8: "b", 16: "w", 32: "l", 64: "q"}
_R64 = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi"] + [f"r{i}" for i in range(8, 16)]


def reg(name64: str, bits: int) -> str:
    """Sub-register name: reg('rcx', 32) == 'ecx', reg('r9', 8) == 'r9b'."""
    if name64.startswith("r") and name64[1:].isdigit():
        return name64 + {64: "", 32: "d", 16: "w", 8: "b"}[bits]
    base = name64[1:]                               # ax, cx, si, bp ...
    if bits == 64:
        return name64
    if bits == 32:
        return "e" + base
    if bits == 16:
        return base
    return {"ax": "al", "cx": "cl", "dx": "dl", "bx": "bl", "si": "sil", "di": "dil",
            "bp": "bpl", "sp": "spl"}[base]


CONDS = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"]


# ---------------------------------------------------------------------------
# fixup helpers
# ---------------------------------------------------------------------------

def small_count(reg64: str = "rcx", counts: tuple[int, ...] | None = None) -> Fixup:
    """Put an interesting shift/rotate count in the low byte of ``reg64``."""
    pool = counts or (0, 1, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255)

    def fx(case: Case, rng: Random) -> None:
        c = rng.choice(pool) if counts or rng.random() < 0.8 else rng.randrange(256)
        case.set(reg64, c, 8)
    return fx


def bounded(reg64: str, lo: int, hi: int) -> Fixup:
    """Full-register value uniformly in [lo, hi)."""
    def fx(case: Case, rng: Random) -> None:
        case.set(reg64, rng.randrange(lo, hi))
    return fx


def sparse_source(loc: str, bits: int) -> Fixup:
    """Bit-scan/count sources: zero, single bits, masked randoms.  ``loc`` is a
    register name or 'm<offset>' for memory relative to s->mem."""
    def fx(case: Case, rng: Random) -> None:
        r = rng.random()
        if r < 0.15:
            v = 0
        elif r < 0.45:
            v = 1 << rng.randrange(bits)
        elif r < 0.7:
            v = rng.getrandbits(bits) & rng.getrandbits(bits) & rng.getrandbits(bits)
        else:
            v = rng.getrandbits(bits)
        put(case, loc, v, bits)
    return fx


def put(case: Case, loc: str, value: int, bits: int) -> None:
    if loc.startswith("m"):
        case.store(int(loc[1:]), value, bits // 8)
    else:
        case.set(loc, value, bits)


def get(case: Case, loc: str, bits: int) -> int:
    if loc.startswith("m"):
        return case.load(int(loc[1:]), bits // 8)
    return case.get(loc, bits)


def memloc(disp: int) -> str:
    """Memory location 'disp(%rbx)' as a fixup location."""
    return f"m{128 + disp}"


# ---------------------------------------------------------------------------
# integer ALU
# ---------------------------------------------------------------------------

def alu(op: str, flags: int) -> None:
    family(f"alu_{op}")
    n = op
    F(f"{n}_r64_r64", f"{op}q %rcx, %rax", flags)
    F(f"{n}_r64_r64_ext", f"{op}q %r11, %r12", flags)
    F(f"{n}_r64_same", f"{op}q %rdx, %rdx", flags)
    F(f"{n}_r32_r32", f"{op}l %ecx, %eax", flags)
    F(f"{n}_r32_r32_ext", f"{op}l %r8d, %esi", flags)
    F(f"{n}_r16_r16", f"{op}w %cx, %ax", flags)
    F(f"{n}_r16_r16_ext", f"{op}w %r9w, %di", flags)
    F(f"{n}_r8_r8", f"{op}b %cl, %al", flags)
    F(f"{n}_r8_r8_rex", f"{op}b %sil, %r13b", flags)
    F(f"{n}_r8h_r8h", f"{op}b %ch, %ah", flags)
    F(f"{n}_r8h_r8", f"{op}b %dh, %cl", flags)
    F(f"{n}_r8_r8h", f"{op}b %dl, %ah", flags)
    F(f"{n}_i8_r64", f"{op}q $-3, %rdx", flags)
    F(f"{n}_i32_r64", f"{op}q $0x7654321f, %r10", flags)
    F(f"{n}_i32n_rax", f"{op}q $-0x12345678, %rax", flags)
    F(f"{n}_i32_r32", f"{op}l $0x89abcdef, %esi", flags)
    F(f"{n}_i8_r32", f"{op}l $0x7f, %ecx", flags)
    F(f"{n}_i16_r16", f"{op}w $0x8001, %di", flags)
    F(f"{n}_i8_r16", f"{op}w $-2, %r14w", flags)
    F(f"{n}_i8_r8", f"{op}b $0x80, %r9b", flags)
    F(f"{n}_i8_al", f"{op}b $0x7f, %al", flags)
    F(f"{n}_i8_r8h", f"{op}b $0x5a, %ch", flags)
    F(f"{n}_m64_r64", f"{op}q 8(%rbx), %rax", flags)
    F(f"{n}_m32_r32", f"{op}l -12(%rbx), %edx", flags)
    F(f"{n}_m8_r8", f"{op}b -1(%rbx), %cl", flags)
    F(f"{n}_r64_m64", f"{op}q %rcx, -16(%rbx)", flags)
    F(f"{n}_r16_m16", f"{op}w %dx, 2(%rbx)", flags)
    F(f"{n}_r8h_m8", f"{op}b %ah, 5(%rbx)", flags)
    F(f"{n}_i32_m32", f"{op}l $0x12345678, 4(%rbx)", flags)
    F(f"{n}_i8_m64", f"{op}q $5, -40(%rbx)", flags)
    F(f"{n}_i8_m8", f"{op}b $0xc3, 33(%rbx)", flags)
    if op in ("add", "sub", "and", "or", "xor", "adc", "sbb"):
        F(f"{n}_lock_m64", f"lock {op}q %rcx, 24(%rbx)", flags)
        F(f"{n}_lock_m32", f"lock {op}l $0x55, 36(%rbx)", flags)
        F(f"{n}_lock_m16", f"lock {op}w %dx, 2(%rbx)", flags)
        F(f"{n}_lock_m8", f"lock {op}b $-1, 5(%rbx)", flags)


for _op in ("add", "adc", "sub", "sbb", "cmp"):
    alu(_op, ALL)
for _op in ("and", "or", "xor"):
    alu(_op, LOGIC)

family("alu_test")
F("test_r64_r64", "testq %rcx, %rax", LOGIC)
F("test_r64_same", "testq %rdx, %rdx", LOGIC)
F("test_r32_r32", "testl %ecx, %eax", LOGIC)
F("test_r16_r16", "testw %cx, %si", LOGIC)
F("test_r8_r8", "testb %cl, %al", LOGIC)
F("test_r8h_r8h", "testb %ah, %ch", LOGIC)
F("test_i32_r64", "testq $-0x7fffffff, %rdx", LOGIC)
F("test_i32_r32", "testl $0x00ff00ff, %r9d", LOGIC)
F("test_i16_r16", "testw $0x8000, %di", LOGIC)
F("test_i8_al", "testb $0x81, %al", LOGIC)
F("test_i8_r8h", "testb $0x01, %dh", LOGIC)
F("test_r64_m64", "testq %rcx, 8(%rbx)", LOGIC)
F("test_i8_m8", "testb $0x40, -3(%rbx)", LOGIC)
F("test_i32_m32", "testl $0xffff0000, 12(%rbx)", LOGIC)

family("unary")
for _op in ("inc", "dec", "neg", "not"):
    F(f"{_op}_r64", f"{_op}q %rax")
    F(f"{_op}_r64_ext", f"{_op}q %r15")
    F(f"{_op}_r32", f"{_op}l %ecx")
    F(f"{_op}_r16", f"{_op}w %dx")
    F(f"{_op}_r8", f"{_op}b %sil")
    F(f"{_op}_r8h", f"{_op}b %ah")
    F(f"{_op}_m64", f"{_op}q 8(%rbx)")
    F(f"{_op}_m16", f"{_op}w -6(%rbx)")
    F(f"{_op}_m8", f"{_op}b 3(%rbx)")
    F(f"lock_{_op}_m32", f"lock {_op}l 12(%rbx)")

family("lock")                  # more lock-prefixed read-modify-write forms (atomic in the translation)
for _op in ("inc", "dec", "neg", "not"):
    F(f"lock_{_op}_m64", f"lock {_op}q -8(%rbx)")
    F(f"lock_{_op}_m8", f"lock {_op}b 3(%rbx)")
for _op in ("bts", "btr", "btc"):
    F(f"lock_{_op}_m64_r", f"lock {_op}q %rcx, 8(%rbx)", CF | ZF, fixup=bounded("rcx", -64, 128))
    F(f"lock_{_op}_m32_i", f"lock {_op}l $13, 4(%rbx)", CF | ZF)
    F(f"lock_{_op}_m16_r", f"lock {_op}w %dx, -2(%rbx)", CF | ZF, fixup=bounded("rdx", -200, 200))
F("lock_xadd_m8", "lock xaddb %cl, 7(%rbx)")
F("lock_xchg_m16", "lock xchgw %cx, 6(%rbx)")

# ---------------------------------------------------------------------------
# shifts and rotates
# ---------------------------------------------------------------------------


def shift_flags(op: str, bits: int, count: int | None) -> FlagSpec:
    """Flags defined after a shift/rotate; count None = taken from %cl."""
    def mask(case: Case) -> int:
        c = (case.get("rcx", 8) if count is None else count) & (63 if bits == 64 else 31)
        if c == 0:
            return ALL                      # no flags affected
        m = ALL
        if op in ("shl", "shr", "sar", "sal"):
            m &= ~AF
            if op in ("shl", "shr") and c >= bits:
                m &= ~CF
        if c != 1:
            m &= ~OF
        return m
    if count is not None:
        return mask(None)  # type: ignore[arg-type]
    return mask


def shifts(op: str) -> None:
    family(f"shift_{op}")
    regs = {64: "rax", 32: "edx", 16: "si", 8: "r10b"}
    imms = {64: (1, 37, 63), 32: (1, 17, 31), 16: (1, 9, 15, 20), 8: (1, 3, 7, 12)}
    for bits, r in regs.items():
        s = SUF[bits]
        F(f"{op}_r{bits}_implicit1", f"{op}{s} %{r}", shift_flags(op, bits, 1))
        for imm in imms[bits]:
            F(f"{op}_r{bits}_i{imm}", f"{op}{s} ${imm}, %{r}", shift_flags(op, bits, imm))
        F(f"{op}_r{bits}_cl", f"{op}{s} %cl, %{r}", shift_flags(op, bits, None), fixup=small_count())
    F(f"{op}_r64_i0", f"{op}q $0, %r13", shift_flags(op, 64, 0))
    F(f"{op}_r8h_cl", f"{op}b %cl, %ah", shift_flags(op, 8, None), fixup=small_count())
    F(f"{op}_r8h_i1", f"{op}b $1, %dh", shift_flags(op, 8, 1))
    F(f"{op}_r32_cl_ext", f"{op}l %cl, %r12d", shift_flags(op, 32, None), fixup=small_count())
    F(f"{op}_m64_cl", f"{op}q %cl, 8(%rbx)", shift_flags(op, 64, None), fixup=small_count())
    F(f"{op}_m32_i1", f"{op}l $1, 4(%rbx)", shift_flags(op, 32, 1))
    F(f"{op}_m16_i5", f"{op}w $5, -2(%rbx)", shift_flags(op, 16, 5))
    F(f"{op}_m8_cl", f"{op}b %cl, 3(%rbx)", shift_flags(op, 8, None), fixup=small_count())


for _op in ("shl", "shr", "sar", "rol", "ror", "rcl", "rcr"):
    shifts(_op)


def dshift_flags(bits: int, count: int | None) -> FlagSpec:
    def mask(case: Case) -> int:
        c = (case.get("rcx", 8) if count is None else count) & (63 if bits == 64 else 31)
        if c == 0:
            return ALL
        return ALL & ~AF & (~OF if c != 1 else ALL)
    if count is not None:
        return mask(None)  # type: ignore[arg-type]
    return mask


family("shift_double")
_DCOUNTS16 = (0, 1, 2, 7, 8, 15, 16, 32, 33, 47, 48)        # masked count <= 16 (result defined)
for _op in ("shld", "shrd"):
    for bits, (src, dst) in {64: ("rcx", "rax"), 32: ("ecx", "esi"), 16: ("cx", "di")}.items():
        s = SUF[bits]
        imms = (1, 5, bits - 1) if bits > 16 else (1, 5, 15, 16)
        for imm in imms:
            F(f"{_op}_r{bits}_i{imm}", f"{_op}{s} ${imm}, %{src}, %{dst}", dshift_flags(bits, imm))
    F(f"{_op}_r64_cl", f"{_op}q %cl, %rdx, %rax", dshift_flags(64, None), fixup=small_count())
    F(f"{_op}_r32_cl", f"{_op}l %cl, %edx, %r9d", dshift_flags(32, None), fixup=small_count())
    F(f"{_op}_r16_cl", f"{_op}w %cl, %dx, %ax", dshift_flags(16, None),
      fixup=small_count(counts=_DCOUNTS16))
    F(f"{_op}_m64_i7", f"{_op}q $7, %rcx, 8(%rbx)", dshift_flags(64, 7))
    F(f"{_op}_m32_cl", f"{_op}l %cl, %edx, 4(%rbx)", dshift_flags(32, None), fixup=small_count())

# ---------------------------------------------------------------------------
# multiply / divide
# ---------------------------------------------------------------------------

family("mul")
for _op in ("mul", "imul"):
    F(f"{_op}1_r64", f"{_op}q %rcx", MULF)
    F(f"{_op}1_r32", f"{_op}l %ecx", MULF)
    F(f"{_op}1_r16", f"{_op}w %cx", MULF)
    F(f"{_op}1_r8", f"{_op}b %cl", MULF)
    F(f"{_op}1_r8h", f"{_op}b %ch", MULF)
    F(f"{_op}1_m64", f"{_op}q 8(%rbx)", MULF)
    F(f"{_op}1_m32", f"{_op}l -4(%rbx)", MULF)
    F(f"{_op}1_m8", f"{_op}b 1(%rbx)", MULF)
F("imul2_r64", "imulq %rcx, %rax", MULF)
F("imul2_r64_ext", "imulq %r14, %r8", MULF)
F("imul2_r32", "imull %ecx, %edx", MULF)
F("imul2_r16", "imulw %cx, %si", MULF)
F("imul2_m64", "imulq 8(%rbx), %rdi", MULF)
F("imul2_m32", "imull 4(%rbx), %r9d", MULF)
F("imul3_i32_r64", "imulq $0x12345, %rcx, %rax", MULF)
F("imul3_i8_r64", "imulq $-7, %rdx, %r9", MULF)
F("imul3_i32_r32", "imull $1000, %ecx, %eax", MULF)
F("imul3_i16_r16", "imulw $-300, %cx, %ax", MULF)
F("imul3_i8_m64", "imulq $3, 8(%rbx), %rsi", MULF)
F("imul3_i32_m32", "imull $-100000, 12(%rbx), %r11d", MULF)


def div_fixup(signed: bool, bits: int, divisor: str) -> Fixup:
    """Inputs for div/idiv whose quotient fits (no #DE).  divisor: register or 'm<off>'."""
    m = (1 << bits) - 1

    def fx(case: Case, rng: Random) -> None:
        for _ in range(100):
            r = rng.random()
            if r < 0.3:
                d = rng.choice([1, 2, 3, 7, 10, m, m >> 1, 1 << (bits - 1), (1 << (bits - 1)) + 1])
            elif r < 0.6:
                d = rng.randrange(1, 256)
            else:
                d = rng.getrandbits(bits)
            d &= m
            if d == 0:
                continue
            if not signed:
                q = rng.getrandbits(bits) if rng.random() < 0.6 else rng.randrange(0, min(1000, m + 1))
                rem = rng.randrange(d)
                n = q * d + rem
            else:
                ds = d - (1 << bits) if d >> (bits - 1) else d
                q = rng.randrange(-(1 << (bits - 1)), 1 << (bits - 1)) if rng.random() < 0.6 \
                    else rng.randrange(-1000, 1000)
                prod = q * ds
                rem = rng.randrange(abs(ds))
                if prod < 0 or (prod == 0 and rng.random() < 0.5):
                    rem = -rem
                n = prod + rem
                qt = abs(n) // abs(ds) * (1 if (n >= 0) == (ds > 0) else -1)
                if not -(1 << (bits - 1)) <= qt < (1 << (bits - 1)):
                    continue
            n &= (1 << (2 * bits)) - 1
            break
        else:
            raise AssertionError("no divisor found")
        put(case, divisor, d, bits)
        if bits == 8:
            case.set("rax", n, 16)
        else:
            case.set("rax", n & m, bits)
            case.set("rdx", n >> bits, bits)
    return fx


family("div")
for _op in ("div", "idiv"):
    sg = _op == "idiv"
    F(f"{_op}_r64", f"{_op}q %rcx", 0, fixup=div_fixup(sg, 64, "rcx"))
    F(f"{_op}_r64_ext", f"{_op}q %r11", 0, fixup=div_fixup(sg, 64, "r11"))
    F(f"{_op}_r32", f"{_op}l %ecx", 0, fixup=div_fixup(sg, 32, "rcx"))
    F(f"{_op}_r16", f"{_op}w %si", 0, fixup=div_fixup(sg, 16, "rsi"))
    F(f"{_op}_r8", f"{_op}b %cl", 0, fixup=div_fixup(sg, 8, "rcx"))
    F(f"{_op}_m64", f"{_op}q 8(%rbx)", 0, fixup=div_fixup(sg, 64, memloc(8)))
    F(f"{_op}_m32", f"{_op}l -4(%rbx)", 0, fixup=div_fixup(sg, 32, memloc(-4)))
    F(f"{_op}_m8", f"{_op}b 1(%rbx)", 0, fixup=div_fixup(sg, 8, memloc(1)))

# ---------------------------------------------------------------------------
# bit scan / count / swap / test
# ---------------------------------------------------------------------------


def bsx_fixup(src: str, bits: int, dst: str) -> Fixup:
    def fx(case: Case, rng: Random) -> None:
        sparse_source(src, bits)(case, rng)
        if get(case, src, bits) == 0:
            case.ignore.add(dst)          # destination undefined for a zero source
    return fx


family("bitscan")
for _op in ("bsf", "bsr"):
    F(f"{_op}_r64", f"{_op}q %rcx, %rax", ZF, fixup=bsx_fixup("rcx", 64, "rax"))
    F(f"{_op}_r32", f"{_op}l %ecx, %edx", ZF, fixup=bsx_fixup("rcx", 32, "rdx"))
    F(f"{_op}_r16", f"{_op}w %cx, %si", ZF, fixup=bsx_fixup("rcx", 16, "rsi"))
    F(f"{_op}_m64", f"{_op}q 8(%rbx), %rdi", ZF, fixup=bsx_fixup(memloc(8), 64, "rdi"))
    F(f"{_op}_m32", f"{_op}l 4(%rbx), %r8d", ZF, fixup=bsx_fixup(memloc(4), 32, "r8"))
for _op, cpu in (("tzcnt", "bmi1"), ("lzcnt", "abm"), ("popcnt", "popcnt")):
    fl = ALL if _op == "popcnt" else CF | ZF
    F(f"{_op}_r64", f"{_op}q %rcx, %rax", fl, cpu=(cpu,), fixup=sparse_source("rcx", 64))
    F(f"{_op}_r32", f"{_op}l %ecx, %edx", fl, cpu=(cpu,), fixup=sparse_source("rcx", 32))
    F(f"{_op}_r16", f"{_op}w %cx, %si", fl, cpu=(cpu,), fixup=sparse_source("rcx", 16))
    F(f"{_op}_m64", f"{_op}q 8(%rbx), %rdi", fl, cpu=(cpu,), fixup=sparse_source(memloc(8), 64))
    F(f"{_op}_m32", f"{_op}l 4(%rbx), %r8d", fl, cpu=(cpu,), fixup=sparse_source(memloc(4), 32))
F("bswap_r64", "bswapq %rax")
F("bswap_r64_ext", "bswapq %r9")
F("bswap_r32", "bswapl %ecx")
F("bswap_r32_ext", "bswapl %r12d")

family("bt")
for _op in ("bt", "bts", "btr", "btc"):
    F(f"{_op}_r64_r64", f"{_op}q %rcx, %rax", CF | ZF)
    F(f"{_op}_r32_r32", f"{_op}l %ecx, %edx", CF | ZF)
    F(f"{_op}_r16_r16", f"{_op}w %cx, %si", CF | ZF)
    F(f"{_op}_i_r64", f"{_op}q $37, %rax", CF | ZF)
    F(f"{_op}_i_r32", f"{_op}l $5, %r10d", CF | ZF)
    F(f"{_op}_i_r16", f"{_op}w $13, %di", CF | ZF)
    F(f"{_op}_i_m64", f"{_op}q $45, 8(%rbx)", CF | ZF)
    F(f"{_op}_i_m32", f"{_op}l $3, -4(%rbx)", CF | ZF)
    F(f"{_op}_r64_m64", f"{_op}q %rcx, 8(%rbx)", CF | ZF, fixup=bounded("rcx", -512, 512))
    F(f"{_op}_r32_m32", f"{_op}l %ecx, -8(%rbx)", CF | ZF, fixup=bounded("rcx", -512, 512))

# ---------------------------------------------------------------------------
# BMI1/BMI2 (only emitted by compilers with -mbmi/-mbmi2, still cheap to cover)
# ---------------------------------------------------------------------------


def bextr_ctl(reg64: str) -> Fixup:
    def fx(case: Case, rng: Random) -> None:
        start = rng.choice([0, 1, 7, 31, 32, 60, 63, 64, 100, rng.randrange(256)])
        length = rng.choice([0, 1, 8, 31, 32, 63, 64, 70, rng.randrange(256)])
        case.set(reg64, start | (length << 8), 16)
    return fx


family("bmi")
_B1, _B2 = ("bmi1",), ("bmi2",)
F("andn_r64", "andnq %rcx, %rdx, %rax", ZF | SF | CF | OF, cpu=_B1)
F("andn_r32", "andnl %ecx, %edx, %eax", ZF | SF | CF | OF, cpu=_B1)
F("bextr_r64", "bextrq %rcx, %rdx, %rax", ZF | CF | OF, cpu=_B1, fixup=bextr_ctl("rcx"))
F("bextr_r32", "bextrl %ecx, %edx, %eax", ZF | CF | OF, cpu=_B1, fixup=bextr_ctl("rcx"))
F("blsi_r64", "blsiq %rcx, %rax", ZF | SF | CF | OF, cpu=_B1)
F("blsi_r32", "blsil %ecx, %eax", ZF | SF | CF | OF, cpu=_B1)
F("blsmsk_r64", "blsmskq %rcx, %rax", ZF | SF | CF | OF, cpu=_B1)
F("blsmsk_r32", "blsmskl %ecx, %eax", ZF | SF | CF | OF, cpu=_B1)
F("blsr_r64", "blsrq %rcx, %rax", ZF | SF | CF | OF, cpu=_B1)
F("blsr_r32", "blsrl %ecx, %eax", ZF | SF | CF | OF, cpu=_B1)
F("bzhi_r64", "bzhiq %rcx, %rdx, %rax", ZF | SF | CF | OF, cpu=_B2, fixup=small_count())
F("bzhi_r32", "bzhil %ecx, %edx, %eax", ZF | SF | CF | OF, cpu=_B2, fixup=small_count())
F("pdep_r64", "pdepq %rcx, %rdx, %rax", cpu=_B2)
F("pext_r64", "pextq %rcx, %rdx, %rax", cpu=_B2)
F("pdep_r32", "pdepl %ecx, %edx, %eax", cpu=_B2)
F("pext_r32", "pextl %ecx, %edx, %eax", cpu=_B2)
F("rorx_r64", "rorxq $13, %rcx, %rax", cpu=_B2)
F("rorx_r32", "rorxl $31, %ecx, %eax", cpu=_B2)
for _op in ("sarx", "shlx", "shrx"):
    F(f"{_op}_r64", f"{_op}q %rcx, %rdx, %rax", cpu=_B2, fixup=small_count())
    F(f"{_op}_r32", f"{_op}l %ecx, %edx, %eax", cpu=_B2, fixup=small_count())
F("mulx_r64", "mulxq %rcx, %rsi, %rdi", cpu=_B2)
F("mulx_r32", "mulxl %ecx, %esi, %edi", cpu=_B2)
F("mulx_m64", "mulxq 8(%rbx), %rsi, %rdi", cpu=_B2)
F("mulx_same_dst", "mulxq %rcx, %rsi, %rsi", cpu=_B2)          # both halves to rsi: the high half wins
F("andn_m64", "andnq 8(%rbx), %rdx, %rax", ZF | SF | CF | OF, cpu=_B1)
F("andn_m32", "andnl 4(%rbx), %edx, %eax", ZF | SF | CF | OF, cpu=_B1)
F("bextr_m64", "bextrq %rcx, 8(%rbx), %rax", ZF | CF | OF, cpu=_B1, fixup=bextr_ctl("rcx"))
F("blsi_m64", "blsiq 8(%rbx), %rax", ZF | SF | CF | OF, cpu=_B1)
F("blsmsk_m32", "blsmskl 4(%rbx), %eax", ZF | SF | CF | OF, cpu=_B1)
F("blsr_m64", "blsrq 16(%rbx), %rax", ZF | SF | CF | OF, cpu=_B1)
F("blsr_same", "blsrq %rax, %rax", ZF | SF | CF | OF, cpu=_B1)
F("bzhi_m64", "bzhiq %rcx, 8(%rbx), %rax", ZF | SF | CF | OF, cpu=_B2, fixup=small_count())
F("pdep_m64", "pdepq 8(%rbx), %rdx, %rax", cpu=_B2)
F("pext_m32", "pextl 4(%rbx), %edx, %eax", cpu=_B2)
F("pext_same", "pextq %rax, %rax, %rax", cpu=_B2)
F("rorx_m64", "rorxq $1, 8(%rbx), %rax", cpu=_B2)
F("rorx_r64_0", "rorxq $0, %rcx, %rax", cpu=_B2)
F("sarx_m64", "sarxq %rcx, 8(%rbx), %rax", cpu=_B2, fixup=small_count())
F("shlx_m32", "shlxl %ecx, 4(%rbx), %eax", cpu=_B2, fixup=small_count())
F("shrx_r16cnt_ext", "shrxq %r9, %r10, %r11", cpu=_B2, fixup=small_count("r9"))

# ---------------------------------------------------------------------------
# condition codes: setcc / cmovcc / jcc
# ---------------------------------------------------------------------------

family("setcc")
for _cc in CONDS:
    F(f"set{_cc}_r8", f"set{_cc} %al")
F("sete_r8h", "sete %ah")
F("setb_r8h", "setb %dh")
F("setl_r8_rex", "setl %r10b")
F("setg_r8_rex", "setg %sil")
F("setne_m8", "setne 3(%rbx)")
F("seta_m8", "seta -7(%rbx)")
F("setle_m8", "setle 0(%rbx)")

family("cmovcc")
for _cc in CONDS:
    F(f"cmov{_cc}_r64", f"cmov{_cc}q %rcx, %rax")
for _cc in CONDS:
    F(f"cmov{_cc}_r32", f"cmov{_cc}l %ecx, %edx")
F("cmove_r16", "cmovew %cx, %si")
F("cmovl_r16", "cmovlw %r9w, %di")
F("cmovb_m64", "cmovbq 8(%rbx), %rdi")
F("cmovg_m64", "cmovgq -8(%rbx), %r11")
F("cmovne_m32", "cmovnel 4(%rbx), %r9d")
F("cmovs_m16", "cmovsw 2(%rbx), %ax")

family("branch")
for _cc in CONDS:
    F(f"j{_cc}", f"j{_cc} 1f; movq %rcx, %rax; 1:")
F("jmp_fwd", "jmp 1f; movq %rcx, %rax; 1:")
F("jrcxz", "jrcxz 1f; movq %rdx, %rax; 1:", fixup=lambda c, r: c.set("rcx", r.choice([0, 1, 1 << 40])))
F("jecxz", "jecxz 1f; movq %rdx, %rax; 1:",
  fixup=lambda c, r: c.set("rcx", r.choice([0, 1, 1 << 40, 0xFFFFFFFF])))
F("loop_back", "1: addq %rdx, %rax; loop 1b", fixup=bounded("rcx", 1, 12))
F("loop_fwd", "loop 1f; movq %rdx, %rax; 1:", fixup=bounded("rcx", 1, 3))
F("jcc_loop", "1: addq $3, %rax; decl %ecx; jne 1b", fixup=bounded("rcx", 1, 20))
F("jmp_back", "jmp 2f; 1: addq %rdx, %rax; jmp 3f; 2: jmp 1b; 3:")
# calls follow the SysV ABI: arguments in rdi/rsi, result in rax; caller-saved
# registers and the flags are undefined afterwards, callee-saved ones survive
CALL_CLOBBERED = ("rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", *(f"xmm{i}" for i in range(16)))


def call_form(name: str, asm: str, helper: str, **kw) -> Form:
    return F(name, asm, 0, ignore=CALL_CLOBBERED, helper=helper, **kw)


call_form("call_local", "call crt_diff_helper_call_local",
          "crt_diff_helper_call_local:\n\tleaq 1(%rdi,%rsi,2), %rax\n\tret")
call_form("call_local_saves", "call crt_diff_helper_call_local_saves",
          "crt_diff_helper_call_local_saves:\n\tpushq %rbx\n\tmovq %rdi, %rbx\n\tsubq %rsi, %rbx\n"
          "\tmovq %rbx, %rax\n\tmovq $-1, %rbx\n\tpopq %rbx\n\tret")
call_form("call_indirect", "leaq crt_diff_helper_call_indirect(%rip), %r11; call *%r11",
          "crt_diff_helper_call_indirect:\n\tmovq %rdi, %rax\n\tnotq %rax\n\tret")
F("jmp_indirect", "leaq 1f(%rip), %r11; jmp *%r11; movq %rcx, %rax; 1: xorl %r11d, %r11d", LOGIC)

# ---------------------------------------------------------------------------
# moves, extensions, lea, exchange
# ---------------------------------------------------------------------------

family("mov")
F("mov_r64_r64", "movq %rcx, %rax")
F("mov_r64_r64_ext", "movq %r15, %r8")
F("mov_r32_r32", "movl %ecx, %eax")
F("mov_r32_self", "movl %eax, %eax")
F("mov_r16_r16", "movw %cx, %ax")
F("mov_r8_r8", "movb %cl, %al")
F("mov_r8_r8_rex", "movb %dil, %r12b")
F("mov_r8h_r8", "movb %ch, %al")
F("mov_r8_r8h", "movb %al, %dh")
F("mov_i32_r64", "movq $-1, %rax")
F("mov_i32_r64_pos", "movq $0x12345678, %r9")
F("mov_i32_r32", "movl $0xdeadbeef, %ecx")
F("mov_i64_r64", "movabsq $0x123456789abcdef0, %rdx")
F("mov_i16_r16", "movw $0x1234, %si")
F("mov_i8_r8h", "movb $0x5a, %ah")
F("mov_i8_r8", "movb $7, %r11b")
F("mov_m64_r64", "movq 8(%rbx), %rax")
F("mov_m32_r32", "movl 4(%rbx), %ecx")
F("mov_m16_r16", "movw 2(%rbx), %dx")
F("mov_m8_r8", "movb 1(%rbx), %sil")
F("mov_m8_r8h", "movb 5(%rbx), %ah")
F("mov_r64_m64", "movq %rcx, -8(%rbx)")
F("mov_r32_m32", "movl %ecx, 12(%rbx)")
F("mov_r16_m16", "movw %cx, 6(%rbx)")
F("mov_r8h_m8", "movb %ch, 7(%rbx)")
F("mov_r8_m8", "movb %r9b, -1(%rbx)")
F("mov_i32_m64", "movq $-0x12345678, 16(%rbx)")
F("mov_i32_m32", "movl $-2, 20(%rbx)")
F("mov_i16_m16", "movw $0x7fff, 24(%rbx)")
F("mov_i8_m8", "movb $0x80, 25(%rbx)")
F("mov_m64_idx", "movq 8(%rbx,%rsi,8), %rax", fixup=bounded("rsi", -16, 14))
F("mov_r64_idx", "movq %rcx, -24(%rbx,%rdi,4)", fixup=bounded("rdi", -20, 20))
F("mov_m8_idx", "movb (%rbx,%rdx), %al", fixup=bounded("rdx", -128, 128))
F("mov_m32_base_r12", "movl 8(%r12), %eax", ptrs={"r12": 64})
F("mov_m64_base_r13", "movq (%r13), %rax", ptrs={"r13": 32})
F("mov_m64_base_rbp", "movq -8(%rbp), %rcx", ptrs={"rbp": 100})
F("mov_m64_rip", "movq crt_diff_rip_data(%rip), %rax",
  helper="\t.section .rodata\n\t.balign 8\ncrt_diff_rip_data:\n\t.quad 0x0123456789abcdef\n\t.text")
F("movnti_r64_m64", "movntiq %rcx, 16(%rbx)")

family("ext")
F("movzbl_r", "movzbl %cl, %eax")
F("movzbw_r", "movzbw %cl, %ax")
F("movzbq_r", "movzbq %r9b, %r10")
F("movzbl_r8h", "movzbl %ah, %ecx")
F("movzwl_r", "movzwl %cx, %eax")
F("movzwq_r", "movzwq %cx, %rax")
F("movsbl_r", "movsbl %cl, %eax")
F("movsbw_r", "movsbw %cl, %ax")
F("movsbq_r", "movsbq %sil, %rdx")
F("movsbl_r8h", "movsbl %ch, %edi")
F("movswl_r", "movswl %cx, %eax")
F("movswq_r", "movswq %cx, %rax")
F("movslq_r", "movslq %ecx, %rax")
F("movslq_r_ext", "movslq %r8d, %r15")
F("movzbl_m", "movzbl 3(%rbx), %eax")
F("movzwq_m", "movzwq -2(%rbx), %rdx")
F("movsbq_m", "movsbq 7(%rbx), %rcx")
F("movswl_m", "movswl 10(%rbx), %esi")
F("movslq_m", "movslq 4(%rbx), %rcx")
F("cbtw", "cbtw")
F("cwtl", "cwtl")
F("cltq", "cltq")
F("cwtd", "cwtd")
F("cltd", "cltd")
F("cqto", "cqto")

family("lea")
F("lea_bis_d8", "leaq 8(%rcx,%rdx,4), %rax")
F("lea_bi", "leaq (%rcx,%rdx), %rax")
F("lea32_bis", "leal 1(%rcx,%rcx,2), %eax")
F("lea16_bi", "leaw 3(%rcx,%rdx), %si")
F("lea_b_negd", "leaq -0x80(%rcx), %rax")
F("lea_is", "leaq (,%rdx,8), %rax")
F("lea_bis_d32", "leaq 0x12345678(%rcx,%rsi,2), %r9")
F("lea_ptr", "leaq 16(%rbx), %rax")
F("lea32_self9", "leal (%rax,%rax,8), %eax")
F("lea_ext", "leaq 0(%r12,%r13,8), %r14")
F("lea_r13_base", "leaq (%r13), %rax")
F("lea32_dec", "leal -1(%rdi), %eax")
F("lea32_addr32", "leal (%ecx,%edx,2), %eax")

family("xchg")
F("xchg_r64_rax", "xchgq %rcx, %rax")
F("xchg_r64", "xchgq %rdx, %rsi")
F("xchg_r32_eax", "xchgl %ecx, %eax")
F("xchg_r32", "xchgl %edx, %r10d")
F("xchg_r16", "xchgw %cx, %dx")
F("xchg_r8h", "xchgb %cl, %ah")
F("xchg_m64", "xchgq %rcx, 8(%rbx)")
F("xchg_m32", "xchgl %ecx, 4(%rbx)")
F("xchg_m8", "xchgb %dl, 3(%rbx)")
F("xadd_r64", "xaddq %rcx, %rax")
F("xadd_r32", "xaddl %ecx, %edx")
F("xadd_r16", "xaddw %cx, %si")
F("xadd_r8", "xaddb %cl, %dl")
F("xadd_m64", "xaddq %rcx, 16(%rbx)")
F("lock_xadd_m64", "lock xaddq %rcx, 8(%rbx)")
F("lock_xadd_m32", "lock xaddl %ecx, 4(%rbx)")


def cmpxchg_fixup(dst: str, bits: int) -> Fixup:
    def fx(case: Case, rng: Random) -> None:
        if rng.random() < 0.5:
            case.set("rax", get(case, dst, bits), bits)
    return fx


F("cmpxchg_r64", "cmpxchgq %rcx, %rdx", fixup=cmpxchg_fixup("rdx", 64))
F("cmpxchg_r32", "cmpxchgl %ecx, %edx", fixup=cmpxchg_fixup("rdx", 32))
F("cmpxchg_r16", "cmpxchgw %cx, %si", fixup=cmpxchg_fixup("rsi", 16))
F("cmpxchg_r8", "cmpxchgb %cl, %dl", fixup=cmpxchg_fixup("rdx", 8))
F("cmpxchg_m8", "cmpxchgb %cl, 1(%rbx)", fixup=cmpxchg_fixup(memloc(1), 8))
F("lock_cmpxchg_m64", "lock cmpxchgq %rcx, 8(%rbx)", fixup=cmpxchg_fixup(memloc(8), 64))
F("lock_cmpxchg_m32", "lock cmpxchgl %ecx, 4(%rbx)", fixup=cmpxchg_fixup(memloc(4), 32))


def cx16_fixup(off: int, bits: int) -> Fixup:
    def fx(case: Case, rng: Random) -> None:
        if rng.random() < 0.5:
            case.set("rax", case.load(off, bits // 8), bits)
            case.set("rdx", case.load(off + bits // 8, bits // 8), bits)
    return fx


# ZF is set from the compare; CF PF AF SF OF are unaffected (so all are compared)
F("lock_cmpxchg16b", "lock cmpxchg16b 16(%rsi)", ptrs={"rsi": 128}, cpu=("cx16",),
  fixup=cx16_fixup(144, 64))
F("lock_cmpxchg8b", "lock cmpxchg8b 8(%rsi)", ptrs={"rsi": 128}, fixup=cx16_fixup(136, 32))
F("cmpxchg8b", "cmpxchg8b 24(%rdi)", ptrs={"rdi": 96}, fixup=cx16_fixup(120, 32))   # not rbx: ebx is stored
F("cmpxchg16b_rbx", "lock cmpxchg16b (%rdi)", ptrs={"rdi": 64}, cpu=("cx16",), fixup=cx16_fixup(64, 64))

family("stack")
F("push_pop_r64", "pushq %rcx; popq %rdx")
F("push_pop_ext", "pushq %r12; popq %r9")
F("push_i8_pop", "pushq $-5; popq %rax")
F("push_i32_pop", "pushq $0x12345678; popq %rsi")
F("push_m64_pop_m64", "pushq 8(%rbx); popq 16(%rbx)")
F("push_pop_rbp_frame", "pushq %rbp; movq %rsp, %rbp; pushq %rcx; pushq %rdx; popq %rax; leave")
F("pushfq_popq", "pushfq; popq %rax; andq $0x8d5, %rax", LOGIC)
F("pushq_popfq", "pushq %rcx; popfq", fixup=lambda c, r: c.set("rcx", c.get("rcx") & ALL))
F("nop", "nop")
F("nopl", "nopl 0(%rax)")
F("nopw", "nopw 0(%rax,%rax,1)")
F("xchg_nop", "xchgw %ax, %ax")
F("stack_store_load", "leaq -32(%rsp), %rsp; movq %rcx, 8(%rsp); movq %rdx, 16(%rsp); "
  "movq 8(%rsp), %rax; movl 16(%rsp), %edi; leaq 32(%rsp), %rsp")
F("clc", "clc")
F("stc", "stc")
F("cmc", "cmc")
F("lahf", "lahf")
F("sahf", "sahf")

# ---------------------------------------------------------------------------
# string instructions (DF = 0)
# ---------------------------------------------------------------------------


def str_fixup(maxcount: int, elem: int, kind: str = "") -> Fixup:
    def fx(case: Case, rng: Random) -> None:
        src = 16 + rng.randrange(0, 8)
        dst = 128 + rng.randrange(0, 8)
        case.ptr("rsi", src)
        case.ptr("rdi", dst)
        n = rng.choice([0, 1, 2, 3, maxcount, rng.randrange(maxcount + 1)])
        case.set("rcx", n)
        if kind == "cmps":                       # mostly-equal regions
            nbytes = n * elem
            case.mem[dst:dst + nbytes] = case.mem[src:src + nbytes]
            if nbytes and rng.random() < 0.7:
                i = rng.randrange(nbytes)
                case.mem[dst + i] ^= 1 << rng.randrange(8)
        elif kind == "scas" and n and rng.random() < 0.7:
            i = rng.randrange(n)
            case.set("rax", case.load(dst + i * elem, elem), 8 * elem)
    return fx


family("string")
F("rep_movsb", "rep movsb", fixup=str_fixup(100, 1))
F("rep_movsw", "rep movsw", fixup=str_fixup(50, 2))
F("rep_movsl", "rep movsl", fixup=str_fixup(25, 4))
F("rep_movsq", "rep movsq", fixup=str_fixup(12, 8))
F("movsb", "movsb", fixup=str_fixup(1, 1))
F("movsq", "movsq", fixup=str_fixup(1, 8))
F("rep_stosb", "rep stosb", fixup=str_fixup(100, 1))
F("rep_stosw", "rep stosw", fixup=str_fixup(50, 2))
F("rep_stosl", "rep stosl", fixup=str_fixup(25, 4))
F("rep_stosq", "rep stosq", fixup=str_fixup(12, 8))
F("stosb", "stosb", fixup=str_fixup(1, 1))
F("stosq", "stosq", fixup=str_fixup(1, 8))
F("lodsb", "lodsb", fixup=str_fixup(1, 1))
F("lodsq", "lodsq", fixup=str_fixup(1, 8))
F("repe_cmpsb", "repe cmpsb", fixup=str_fixup(100, 1, "cmps"))
F("repe_cmpsq", "repe cmpsq", fixup=str_fixup(12, 8, "cmps"))
F("cmpsb", "cmpsb", fixup=str_fixup(1, 1, "cmps"))
F("repne_scasb", "repne scasb", fixup=str_fixup(100, 1, "scas"))
F("repne_scasl", "repne scasl", fixup=str_fixup(25, 4, "scas"))
F("scasb", "scasb", fixup=str_fixup(1, 1, "scas"))

# ---------------------------------------------------------------------------
# SSE / SSE2 scalar floating point
# ---------------------------------------------------------------------------

for _t, _k in (("ss", "f32"), ("sd", "f64")):
    family(f"sse_scalar_{_t}")
    F(f"mov{_t}_rr", f"mov{_t} %xmm1, %xmm0", kind=_k)
    F(f"mov{_t}_load", f"mov{_t} 8(%rbx), %xmm2", kind=_k)
    F(f"mov{_t}_store", f"mov{_t} %xmm3, 16(%rbx)", kind=_k)
    F(f"mov{_t}_rr_hi", f"mov{_t} %xmm15, %xmm9", kind=_k)
    for _op in ("add", "sub", "mul", "div", "min", "max", "sqrt"):
        F(f"{_op}{_t}_rr", f"{_op}{_t} %xmm1, %xmm0", kind=_k)
        F(f"{_op}{_t}_rm", f"{_op}{_t} 8(%rbx), %xmm2", kind=_k)
    F(f"add{_t}_same", f"add{_t} %xmm4, %xmm4", kind=_k)
    F(f"mul{_t}_hi", f"mul{_t} %xmm12, %xmm10", kind=_k)
    for _op in ("ucomi", "comi"):
        F(f"{_op}{_t}_rr", f"{_op}{_t} %xmm1, %xmm0", kind=_k)
        F(f"{_op}{_t}_rm", f"{_op}{_t} 8(%rbx), %xmm2", kind=_k)
    for _p in range(8):
        F(f"cmp{_t}_p{_p}", f"cmp{_t} ${_p}, %xmm1, %xmm0", kind=_k)
    F(f"cmp{_t}_p1_rm", f"cmp{_t} $1, 8(%rbx), %xmm0", kind=_k)

family("sse_cvt")
F("cvtsi2sd_r32", "cvtsi2sdl %ecx, %xmm0", kind="f64")
F("cvtsi2sd_r64", "cvtsi2sdq %rcx, %xmm0", kind="f64")
F("cvtsi2sd_m32", "cvtsi2sdl 4(%rbx), %xmm1", kind="f64")
F("cvtsi2sd_m64", "cvtsi2sdq 8(%rbx), %xmm1")
F("cvtsi2ss_r32", "cvtsi2ssl %ecx, %xmm0", kind="f32")
F("cvtsi2ss_r64", "cvtsi2ssq %rcx, %xmm0", kind="f32")
F("cvtsi2ss_m32", "cvtsi2ssl 4(%rbx), %xmm1")
F("cvtsi2ss_m64", "cvtsi2ssq 8(%rbx), %xmm1")
for _t, _k in (("sd", "f64"), ("ss", "f32")):
    for _tr in ("cvtt", "cvt"):
        F(f"{_tr}{_t}2si_r32", f"{_tr}{_t}2si %xmm1, %eax", kind=_k)
        F(f"{_tr}{_t}2si_r64", f"{_tr}{_t}2si %xmm1, %rax", kind=_k)
        F(f"{_tr}{_t}2si_m32", f"{_tr}{_t}2sil 8(%rbx), %ecx", kind=_k)
        F(f"{_tr}{_t}2si_m64", f"{_tr}{_t}2siq 8(%rbx), %rcx", kind=_k)
F("cvtsd2ss_rr", "cvtsd2ss %xmm1, %xmm0", kind="f64")
F("cvtsd2ss_rm", "cvtsd2ss 8(%rbx), %xmm2", kind="f64")
F("cvtss2sd_rr", "cvtss2sd %xmm1, %xmm0", kind="f32")
F("cvtss2sd_rm", "cvtss2sd 4(%rbx), %xmm2", kind="f32")

family("sse_movd")
F("movd_r32_x", "movd %eax, %xmm0")
F("movd_x_r32", "movd %xmm1, %ecx")
F("movd_m32_x", "movd 4(%rbx), %xmm2")
F("movd_x_m32", "movd %xmm3, 12(%rbx)")
F("movq_r64_x", "movq %rax, %xmm0")
F("movq_x_r64", "movq %xmm1, %rcx")
F("movq_r64_x_ext", "movq %r13, %xmm14")
F("movq_m64_x", "movq 8(%rbx), %xmm2")
F("movq_x_m64", "movq %xmm3, 16(%rbx)")
F("movq_x_x", "movq %xmm1, %xmm0")
F("pextrw_0", "pextrw $0, %xmm1, %eax")
F("pextrw_7", "pextrw $7, %xmm1, %ecx")
F("pinsrw_r", "pinsrw $5, %ecx, %xmm0")
F("pinsrw_m", "pinsrw $2, 6(%rbx), %xmm0")
F("pmovmskb", "pmovmskb %xmm1, %ecx")
F("movmskps", "movmskps %xmm1, %eax", kind="f32")
F("movmskpd", "movmskpd %xmm1, %edx", kind="f64")

# ---------------------------------------------------------------------------
# SSE / SSE2 packed floating point
# ---------------------------------------------------------------------------

for _t, _k in (("ps", "f32"), ("pd", "f64")):
    family(f"sse_packed_{_t}")
    for _op in ("add", "sub", "mul", "div", "min", "max", "sqrt"):
        F(f"{_op}{_t}_rr", f"{_op}{_t} %xmm1, %xmm0", kind=_k)
        F(f"{_op}{_t}_rm", f"{_op}{_t} 16(%rbx), %xmm2", kind=_k)
    for _p in range(8):
        F(f"cmp{_t}_p{_p}", f"cmp{_t} ${_p}, %xmm1, %xmm0", kind=_k)
    F(f"cmp{_t}_p2_rm", f"cmp{_t} $2, -16(%rbx), %xmm3", kind=_k)
    F(f"add{_t}_hi", f"add{_t} %xmm13, %xmm8", kind=_k)

family("sse_logic_mov")
for _op in ("andps", "andnps", "orps", "xorps", "andpd", "andnpd", "orpd", "xorpd"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_rm", f"{_op} 16(%rbx), %xmm2")
F("xorps_zero", "xorps %xmm5, %xmm5")
for _op in ("movaps", "movapd", "movdqa"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_load", f"{_op} -32(%rbx), %xmm2")
    F(f"{_op}_store", f"{_op} %xmm3, 48(%rbx)")
for _op in ("movups", "movupd", "movdqu"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_load", f"{_op} 3(%rbx), %xmm2")
    F(f"{_op}_store", f"{_op} %xmm3, -13(%rbx)")
F("movaps_hi", "movaps %xmm15, %xmm8")
F("movntdq_store", "movntdq %xmm3, 32(%rbx)")
F("movntps_store", "movntps %xmm4, -48(%rbx)")
F("lddqu_load", "lddqu 5(%rbx), %xmm6", cpu=("pni",))

family("sse_shuffle_fp")
for _imm in (0x00, 0x1B, 0x4E, 0xE4, 0xB1):
    F(f"shufps_{_imm:02x}", f"shufps ${_imm:#x}, %xmm1, %xmm0")
F("shufps_same", "shufps $0x55, %xmm2, %xmm2")
F("shufps_m", "shufps $0x8d, 16(%rbx), %xmm0")
for _imm in range(4):
    F(f"shufpd_{_imm}", f"shufpd ${_imm}, %xmm1, %xmm0")
for _op in ("unpcklps", "unpckhps", "unpcklpd", "unpckhpd"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_rm", f"{_op} 16(%rbx), %xmm2")
F("movhlps", "movhlps %xmm1, %xmm0")
F("movlhps", "movlhps %xmm1, %xmm0")
for _op in ("movhps", "movlps", "movhpd", "movlpd"):
    F(f"{_op}_load", f"{_op} 8(%rbx), %xmm0")
    F(f"{_op}_store", f"{_op} %xmm1, 24(%rbx)")


def packed_cvt_fixup_dq(case: Case, rng: Random) -> None:
    """int32 lanes that are exact in float, large, and random."""
    for i in range(16):
        for lane in range(4):
            r = rng.random()
            v = rng.getrandbits(32) if r < 0.5 else rng.randrange(-70000, 70000) & 0xFFFFFFFF
            case.xmm[i][4 * lane:4 * lane + 4] = v.to_bytes(4, "little")


family("sse_cvt_packed")
F("cvtdq2ps", "cvtdq2ps %xmm1, %xmm0", fixup=packed_cvt_fixup_dq)
F("cvtdq2ps_m", "cvtdq2ps 16(%rbx), %xmm2")
F("cvtps2dq", "cvtps2dq %xmm1, %xmm0", kind="f32")
F("cvttps2dq", "cvttps2dq %xmm1, %xmm0", kind="f32")
F("cvttps2dq_m", "cvttps2dq 16(%rbx), %xmm2", kind="f32")
F("cvtdq2pd", "cvtdq2pd %xmm1, %xmm0", fixup=packed_cvt_fixup_dq)
F("cvtdq2pd_m", "cvtdq2pd 8(%rbx), %xmm2")
F("cvtpd2dq", "cvtpd2dq %xmm1, %xmm0", kind="f64")
F("cvttpd2dq", "cvttpd2dq %xmm1, %xmm0", kind="f64")
F("cvtpd2ps", "cvtpd2ps %xmm1, %xmm0", kind="f64")
F("cvtpd2ps_m", "cvtpd2ps 16(%rbx), %xmm2", kind="f64")
F("cvtps2pd", "cvtps2pd %xmm1, %xmm0", kind="f32")
F("cvtps2pd_m", "cvtps2pd 8(%rbx), %xmm2", kind="f32")

# ---------------------------------------------------------------------------
# SSE2 packed integer
# ---------------------------------------------------------------------------

family("sse_int_arith")
for _op in ("paddb", "paddw", "paddd", "paddq", "psubb", "psubw", "psubd", "psubq",
            "paddusb", "paddusw", "psubusb", "psubusw", "paddsb", "paddsw", "psubsb", "psubsw"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    if _op in ("paddb", "paddd", "psubq", "paddusb", "psubsw"):
        F(f"{_op}_rm", f"{_op} 16(%rbx), %xmm2")
F("paddq_hi", "paddq %xmm11, %xmm9")
F("psubb_same", "psubb %xmm7, %xmm7")

family("sse_int_mul")
for _op in ("pmullw", "pmulhw", "pmulhuw", "pmuludq", "pmaddwd", "psadbw", "pavgb", "pavgw",
            "pminub", "pmaxub", "pminsw", "pmaxsw"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_rm", f"{_op} -16(%rbx), %xmm2")

family("sse_int_logic_cmp")
for _op in ("pand", "pandn", "por", "pxor"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_rm", f"{_op} 16(%rbx), %xmm2")
F("pxor_zero", "pxor %xmm3, %xmm3")
F("pcmpeqd_ones", "pcmpeqd %xmm4, %xmm4")
for _op in ("pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpgtb", "pcmpgtw", "pcmpgtd"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_rm", f"{_op} 32(%rbx), %xmm2")


def xmm_count_fixup(case: Case, rng: Random) -> None:
    c = rng.choice([0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1 << 32, 1 << 63])
    if rng.random() < 0.2:
        c = rng.getrandbits(64)
    case.set_xmm_q(1, 0, c)


family("sse_int_shift")
_SHIMM = {"w": (0, 3, 15, 16, 200), "d": (1, 5, 31, 32), "q": (1, 7, 63, 64)}
for _op, _sz in (("psll", "w"), ("psll", "d"), ("psll", "q"), ("psrl", "w"), ("psrl", "d"),
                 ("psrl", "q"), ("psra", "w"), ("psra", "d")):
    for _imm in _SHIMM[_sz]:
        F(f"{_op}{_sz}_i{_imm}", f"{_op}{_sz} ${_imm}, %xmm0")
    F(f"{_op}{_sz}_x", f"{_op}{_sz} %xmm1, %xmm0", fixup=xmm_count_fixup)
for _op in ("pslldq", "psrldq"):
    for _imm in (0, 1, 3, 8, 15, 16):
        F(f"{_op}_i{_imm}", f"{_op} ${_imm}, %xmm2")

family("sse_int_shuffle")
for _imm in (0x00, 0x1B, 0x4E, 0xE4, 0xB1):
    F(f"pshufd_{_imm:02x}", f"pshufd ${_imm:#x}, %xmm1, %xmm0")
F("pshufd_m", "pshufd $0x39, 16(%rbx), %xmm0")
for _imm in (0x1B, 0xE4, 0x00):
    F(f"pshuflw_{_imm:02x}", f"pshuflw ${_imm:#x}, %xmm1, %xmm0")
    F(f"pshufhw_{_imm:02x}", f"pshufhw ${_imm:#x}, %xmm1, %xmm0")
for _op in ("punpcklbw", "punpcklwd", "punpckldq", "punpcklqdq", "punpckhbw", "punpckhwd",
            "punpckhdq", "punpckhqdq", "packsswb", "packuswb", "packssdw"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0")
    F(f"{_op}_rm", f"{_op} -32(%rbx), %xmm2")
F("punpcklbw_same", "punpcklbw %xmm3, %xmm3")

# ---------------------------------------------------------------------------
# x87 (optional: only the memory image of the results is compared)
# ---------------------------------------------------------------------------


def _f80(x: float) -> bytes:
    """Exact 80-bit extended encoding of a finite double, or an inf/NaN."""
    bits = _f64_bits(x)
    sign = bits >> 63
    exp = (bits >> 52) & 0x7FF
    frac = bits & ((1 << 52) - 1)
    if exp == 0x7FF:
        e80, mant = 0x7FFF, (1 << 63) | (frac << 11)
    elif exp == 0 and frac == 0:
        e80, mant = 0, 0
    elif exp == 0:                                # denormal double: normalise
        shift = 52 - frac.bit_length() + 1
        mant = frac << (11 + shift)
        e80 = 1 - 1023 + 16383 - shift
    else:
        e80, mant = exp - 1023 + 16383, (1 << 63) | (frac << 11)
    return mant.to_bytes(8, "little") + ((sign << 15) | e80).to_bytes(2, "little")


def f80_fixup(off: int) -> Fixup:
    def fx(case: Case, rng: Random) -> None:
        import struct
        bits = rand_f64(rng)
        x = struct.unpack("<d", bits.to_bytes(8, "little"))[0]
        case.mem[off:off + 10] = _f80(x)
    return fx


def fist_fixup(case: Case, rng: Random) -> None:
    """Keep fist* inputs in range (out-of-range gives the 'integer indefinite')."""
    import struct
    for off in (136, 144):
        if rng.random() < 0.8:
            v = rng.uniform(-3e9, 3e9) if rng.random() < 0.5 else rng.randrange(-100, 100) + 0.5
            case.mem[off:off + 8] = struct.pack("<d", v)


family("x87")
F("fld_fstp_m64", "fldl 8(%rbx); fstpl 16(%rbx)", kind="f64")
F("fld_fstp_m32", "flds 4(%rbx); fstps 20(%rbx)", kind="f32")
F("fld_m64_fstp_m80", "fldl 8(%rbx); fstpt 32(%rbx)", kind="f64")
F("fld_m80_fstp_m64", "fldt 32(%rbx); fstpl 16(%rbx)", kind="f64", fixup=f80_fixup(160))
F("fld_m80_fstp_m80", "fldt 32(%rbx); fstpt 64(%rbx)", kind="f64", fixup=f80_fixup(160))
for _op in ("fadd", "fsub", "fsubr", "fmul", "fdiv", "fdivr"):
    F(f"{_op}_m64", f"fldl 8(%rbx); {_op}l 16(%rbx); fstpl 24(%rbx)", kind="f64")
F("faddp", "fldl 8(%rbx); fldl 16(%rbx); faddp; fstpl 24(%rbx)", kind="f64")
F("fmulp", "fldl 8(%rbx); fldl 16(%rbx); fmulp %st, %st(1); fstpl 24(%rbx)", kind="f64")
F("fsqrt", "fldl 8(%rbx); fsqrt; fstpl 24(%rbx)", kind="f64")
F("fchs_fabs", "fldl 8(%rbx); fchs; fstpl 24(%rbx); fldl 16(%rbx); fabs; fstpl 32(%rbx)", kind="f64")
F("fld1_fldz", "fld1; fstpl 24(%rbx); fldz; fstpl 32(%rbx)", kind="f64")
F("fild_m32", "fildl 4(%rbx); fstpl 24(%rbx)")
F("fild_m64", "fildq 8(%rbx); fstpl 24(%rbx)")
F("fistp_m32", "fldl 8(%rbx); fistpl 24(%rbx)", kind="f64", fixup=fist_fixup)
F("fistp_m64", "fldl 16(%rbx); fistpq 24(%rbx)", kind="f64", fixup=fist_fixup)
F("fisttp_m64", "fldl 8(%rbx); fisttpq 24(%rbx)", kind="f64", fixup=fist_fixup, cpu=("pni",))
F("fucomip", "fldl 8(%rbx); fldl 16(%rbx); fucomip %st(1), %st; fstp %st(0)", kind="f64")
F("fxch", "fldl 8(%rbx); fldl 16(%rbx); fxch; fstpl 24(%rbx); fstpl 32(%rbx)", kind="f64")


# ---------------------------------------------------------------------------
# more string forms: every rep/repe/repne combination capstone can print
# ---------------------------------------------------------------------------

family("string_rep")
_SZ = {"b": 1, "w": 2, "l": 4, "q": 8}
for _op in ("movs", "stos", "lods"):
    for _s, _n in _SZ.items():
        if f"rep_{_op}{_s}" not in {f.name for f in FORMS}:
            F(f"rep_{_op}{_s}", f"rep {_op}{_s}", fixup=str_fixup(96 // _n, _n))
for _op in ("cmps", "scas"):
    for _pre in ("repe", "repne"):
        for _s, _n in _SZ.items():
            if f"{_pre}_{_op}{_s}" not in {f.name for f in FORMS}:
                F(f"{_pre}_{_op}{_s}", f"{_pre} {_op}{_s}", fixup=str_fixup(96 // _n, _n, _op))
for _op in ("movs", "stos", "lods", "cmps", "scas"):
    for _s, _n in _SZ.items():
        if f"{_op}{_s}" not in {f.name for f in FORMS}:
            F(f"{_op}{_s}", f"{_op}{_s}", fixup=str_fixup(1, _n, _op if _op in ("cmps", "scas") else ""))

# ---------------------------------------------------------------------------
# no-ops, fences, hints, prefixes on control transfers
# ---------------------------------------------------------------------------

family("misc")
F("cld", "cld")
F("std_cld", "std; cld")
F("std_rep_movsb_cld", "std; rep movsb; cld", fixup=chain(str_fixup(20, 1), lambda c, r: (
    c.ptr("rsi", c.mem_offset("rsi") + 40), c.ptr("rdi", c.mem_offset("rdi") + 40))))


def _from_top(n: int, size: int, kind: str = "") -> Fixup:
    """String pointers for DF=1: ``str_fixup``'s regions, walked down from their last element."""
    def up(c: Case, r: Random) -> None:
        k = max(c.get("rcx") - 1, 0) * size
        c.ptr("rsi", c.mem_offset("rsi") + k)
        c.ptr("rdi", c.mem_offset("rdi") + k)
    return chain(str_fixup(n, size, kind), up)


F("std_pushfq", "std; pushfq; popq %rax; cld; andq $0x400, %rax", LOGIC)        # DF is bit 10
F("std_rep_movsq_cld", "std; rep movsq; cld", fixup=_from_top(6, 8))
F("std_rep_stosl_cld", "std; rep stosl; cld", fixup=_from_top(10, 4))
F("std_movsw_cld", "std; movsw; cld", fixup=_from_top(1, 2))
F("std_lodsb_cld", "std; lodsb; cld", fixup=_from_top(1, 1))
F("std_stosq_cld", "std; stosq; cld", fixup=_from_top(1, 8))
F("std_cmpsb_cld", "std; cmpsb; cld", fixup=_from_top(1, 1, "cmps"))
F("std_repne_scasb_cld", "std; repne scasb; cld", fixup=_from_top(24, 1, "scas"))
F("std_repe_cmpsw_cld", "std; repe cmpsw; cld", fixup=_from_top(12, 2, "cmps"))
F("popfq_df_movsb", "pushfq; orq $0x400, (%rsp); popfq; movsb; cld", fixup=_from_top(1, 1))
F("endbr64", "endbr64")
F("endbr32", "endbr32")
F("pause", "pause")
F("lfence", "lfence")
F("sfence", "sfence")
F("mfence", "mfence")
F("prefetchnta", "prefetchnta 8(%rbx)")
F("prefetcht0", "prefetcht0 -8(%rbx)")
F("prefetcht1", "prefetcht1 16(%rbx)")
F("prefetcht2", "prefetcht2 (%rbx)")
F("prefetchw", "prefetchw 8(%rbx)", cpu=("3dnowprefetch",))
F("wait", "wait")
F("sal_raw", ".byte 0x48, 0xd1, 0xf0", ALL & ~AF)          # sal %rax (d1 /6), capstone 'sal'
F("bnd_jmp", "bnd jmp 1f; movq %rcx, %rax; 1:")
F("notrack_jmp", "leaq 1f(%rip), %r11; notrack jmp *%r11; movq %rcx, %rax; 1: movl $0, %r11d")
call_form("notrack_call", "leaq crt_diff_helper_notrack_call(%rip), %r11; notrack call *%r11",
          "crt_diff_helper_notrack_call:\n\tleaq 3(%rdi), %rax\n\tret")
call_form("bnd_call_bnd_ret", "bnd call crt_diff_helper_bnd_call",
          "crt_diff_helper_bnd_call:\n\tleaq 7(%rsi), %rax\n\tbnd ret")
call_form("rep_ret", "call crt_diff_helper_rep_ret",
          "crt_diff_helper_rep_ret:\n\tmovq %rdi, %rax\n\tnegq %rax\n\trep ret")
F("pushf_popf", "pushfq; popq %rax; andl $0x8d5, %eax; xorl $0x8d5, %eax; pushq %rax; popfq")
# cpuid answers with the host's processor on one side and the translation's on the other
# (tests/test_cpuid.py checks those values): here only that it keeps the flags and the other registers.
F("cpuid", "cpuid; movl $0, %eax; movl $0, %ebx; movl $0, %ecx; movl $0, %edx")
F("cpuid_leaf7", "movl $7, %eax; movl $0, %ecx; cpuid; movl $0, %eax; movl $0, %ebx; movl $0, %ecx; movl $0, %edx")

# ---------------------------------------------------------------------------
# SSE3 / SSSE3 / SSE4.1 / SSE4.2
# ---------------------------------------------------------------------------

family("sse4")
_S3, _SS3, _S41, _S42 = ("pni",), ("ssse3",), ("sse4_1",), ("sse4_2",)
F("movddup_rr", "movddup %xmm1, %xmm0", cpu=_S3, kind="f64")
F("movddup_rm", "movddup 8(%rbx), %xmm2", cpu=_S3, kind="f64")
F("movshdup", "movshdup %xmm1, %xmm0", cpu=_S3, kind="f32")
F("movsldup", "movsldup 16(%rbx), %xmm0", cpu=_S3, kind="f32")
F("movntdqa", "movntdqa 32(%rbx), %xmm3", cpu=_S41)
F("movntpd_store", "movntpd %xmm4, -48(%rbx)")
for _op in ("pabsb", "pabsw", "pabsd", "pshufb"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0", cpu=_SS3)
    F(f"{_op}_rm", f"{_op} 16(%rbx), %xmm2", cpu=_SS3)
for _imm in (0, 3, 8, 15, 16, 20, 31, 32):
    F(f"palignr_{_imm}", f"palignr ${_imm}, %xmm1, %xmm0", cpu=_SS3)
for _op, _kind in (("haddps", "f32"), ("haddpd", "f64"), ("hsubps", "f32"), ("hsubpd", "f64"),
                  ("addsubps", "f32"), ("addsubpd", "f64")):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0", cpu=_S3, kind=_kind)
    F(f"{_op}_rm", f"{_op} 16(%rbx), %xmm2", cpu=_S3, kind=_kind)
    F(f"{_op}_same", f"{_op} %xmm3, %xmm3", cpu=_S3, kind=_kind)
for _op in ("phaddw", "phaddd", "phaddsw", "phsubw", "phsubd", "phsubsw", "pmaddubsw", "pmulhrsw",
            "psignb", "psignw", "psignd"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0", cpu=_SS3)
    F(f"{_op}_rm", f"{_op} -16(%rbx), %xmm2", cpu=_SS3)
F("psignb_same", "psignb %xmm1, %xmm1", cpu=_SS3)
for _op in ("packusdw", "pcmpeqq", "pmaxsb", "pmaxsd", "pmaxud", "pmaxuw", "pminsb", "pminsd",
            "pminud", "pminuw", "pmuldq", "pmulld"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0", cpu=_S41)
    F(f"{_op}_rm", f"{_op} -16(%rbx), %xmm2", cpu=_S41)
for _op, _kind in (("roundss", "f32"), ("roundsd", "f64"), ("roundps", "f32"), ("roundpd", "f64")):
    for _imm in (0, 1, 2, 3, 4, 9, 11):
        F(f"{_op}_{_imm}", f"{_op} ${_imm}, %xmm1, %xmm0", cpu=_S41, kind=_kind)
    F(f"{_op}_m", f"{_op} $1, 16(%rbx), %xmm2", cpu=_S41, kind=_kind)
for _op, _imm in (("blendps", 5), ("blendps", 0xE), ("blendpd", 2), ("pblendw", 0xA5), ("pblendw", 0x3C)):
    F(f"{_op}_{_imm}", f"{_op} ${_imm}, %xmm1, %xmm0", cpu=_S41)
    F(f"{_op}_{_imm}_m", f"{_op} ${_imm}, -16(%rbx), %xmm2", cpu=_S41)
for _op in ("blendvps", "blendvpd", "pblendvb"):
    F(f"{_op}_rr", f"{_op} %xmm0, %xmm1, %xmm2", cpu=_S41)
    F(f"{_op}_rm", f"{_op} %xmm0, 16(%rbx), %xmm3", cpu=_S41)
F("extractps_r", "extractps $2, %xmm1, %eax", cpu=_S41)
F("extractps_m", "extractps $3, %xmm1, 4(%rbx)", cpu=_S41)
for _imm in (0x00, 0x1C, 0x91, 0xE2, 0x3F):
    F(f"insertps_{_imm}", f"insertps ${_imm}, %xmm1, %xmm0", cpu=_S41)
F("insertps_m", "insertps $0x25, 8(%rbx), %xmm0", cpu=_S41)
for _imm in (0xFF, 0xF1, 0x53, 0x3C):
    F(f"dpps_{_imm}", f"dpps ${_imm}, %xmm1, %xmm0", cpu=_S41, kind="f32", nan_loose=True)
for _imm in (0x33, 0x31, 0x12):
    F(f"dppd_{_imm}", f"dppd ${_imm}, %xmm1, %xmm0", cpu=_S41, kind="f64", nan_loose=True)
F("dpps_m", "dpps $0x71, 16(%rbx), %xmm2", cpu=_S41, kind="f32", nan_loose=True)
for _imm in (0, 1, 2, 3, 4, 7):
    F(f"mpsadbw_{_imm}", f"mpsadbw ${_imm}, %xmm1, %xmm0", cpu=_S41)
F("mpsadbw_m", "mpsadbw $5, 16(%rbx), %xmm2", cpu=_S41)
F("phminposuw_rr", "phminposuw %xmm1, %xmm0", cpu=_S41)
F("phminposuw_rm", "phminposuw 16(%rbx), %xmm2", cpu=_S41)
F("phminposuw_ties", "pxor %xmm1, %xmm1; phminposuw %xmm1, %xmm0", cpu=_S41)
F("pcmpgtq_rr", "pcmpgtq %xmm1, %xmm0", cpu=_S42)
F("pcmpgtq_rm", "pcmpgtq 16(%rbx), %xmm2", cpu=_S42)
F("ptest_rr", "ptest %xmm1, %xmm0", cpu=_S41)
F("ptest_same", "ptest %xmm2, %xmm2", cpu=_S41)
F("ptest_rm", "ptest 16(%rbx), %xmm3", cpu=_S41)
for _op in ("pmovzx", "pmovsx"):
    for _t in ("bw", "bd", "bq", "wd", "wq", "dq"):
        F(f"{_op}{_t}_rr", f"{_op}{_t} %xmm1, %xmm0", cpu=_S41)
    F(f"{_op}bw_rm", f"{_op}bw 8(%rbx), %xmm2", cpu=_S41)
    F(f"{_op}dq_rm", f"{_op}dq -8(%rbx), %xmm2", cpu=_S41)
F("pextrb_r", "pextrb $9, %xmm1, %eax", cpu=_S41)
F("pextrb_m", "pextrb $15, %xmm1, 3(%rbx)", cpu=_S41)
F("pextrd_r", "pextrd $2, %xmm1, %ecx", cpu=_S41)
F("pextrd_m", "pextrd $3, %xmm1, 4(%rbx)", cpu=_S41)
F("pextrq_r", "pextrq $1, %xmm1, %rdx", cpu=_S41)
F("pextrq_m", "pextrq $0, %xmm1, 8(%rbx)", cpu=_S41)
F("pinsrb_r", "pinsrb $7, %ecx, %xmm0", cpu=_S41)
F("pinsrb_m", "pinsrb $0, 5(%rbx), %xmm0", cpu=_S41)
F("pinsrd_r", "pinsrd $1, %ecx, %xmm0", cpu=_S41)
F("pinsrd_m", "pinsrd $3, 4(%rbx), %xmm0", cpu=_S41)
F("pinsrq_r", "pinsrq $1, %rcx, %xmm0", cpu=_S41)
F("pinsrq_m", "pinsrq $0, 8(%rbx), %xmm0", cpu=_S41)

family("sse_approx")
# Intel SDM: |relative error| <= 1.5 * 2^-12 against the exact value; the translation returns the
# correctly rounded value (error <= 2^-24), so host and target may differ by the sum.
_RCP_TOL = 1.5 * 2.0 ** -12 + 2.0 ** -24
for _op in ("rcpps", "rsqrtps"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0", kind="f32", approx=_RCP_TOL)
    F(f"{_op}_rm", f"{_op} 16(%rbx), %xmm2", kind="f32", approx=_RCP_TOL)
for _op in ("rcpss", "rsqrtss"):
    F(f"{_op}_rr", f"{_op} %xmm1, %xmm0", kind="f32", approx=_RCP_TOL)
    F(f"{_op}_rm", f"{_op} 4(%rbx), %xmm2", kind="f32", approx=_RCP_TOL)

# ---------------------------------------------------------------------------
# more x87: compares, control word, integer operands, constants, stack ops
# ---------------------------------------------------------------------------

family("x87_more")
_SW = "fnstsw %ax; andl $0x4500, %eax"          # C3 C2 C0 of the status word
for _op in ("fcom", "fucom"):
    F(f"{_op}_st1", f"fldl 8(%rbx); fldl 16(%rbx); {_op} %st(1); {_SW}; fstp %st(0); fstp %st(0)",
      LOGIC, kind="f64")
    F(f"{_op}p_st1", f"fldl 8(%rbx); fldl 16(%rbx); {_op}p %st(1); {_SW}; fstp %st(0)", LOGIC, kind="f64")
    F(f"{_op}pp", f"fldl 8(%rbx); fldl 16(%rbx); {_op}pp; {_SW}", LOGIC, kind="f64")
F("fcom_m64", f"fldl 8(%rbx); fcoml 16(%rbx); {_SW}; fstp %st(0)", LOGIC, kind="f64")
F("fcomp_m32", f"flds 4(%rbx); fcomps 12(%rbx); {_SW}", LOGIC, kind="f32")
F("ficom_m32", f"fldl 8(%rbx); ficoml 4(%rbx); {_SW}; fstp %st(0)", LOGIC, kind="f64")
F("ficomp_m16", f"fldl 8(%rbx); ficomps 2(%rbx); {_SW}", LOGIC, kind="f64")
F("ftst", f"fldl 8(%rbx); ftst; {_SW}; fstp %st(0)", LOGIC, kind="f64")
F("fxam", "fldl 8(%rbx); fxam; fnstsw %ax; andl $0x4700, %eax; fstp %st(0)", LOGIC, kind="f64")
F("fcomi", "fldl 8(%rbx); fldl 16(%rbx); fcomi %st(1), %st; fstp %st(0); fstp %st(0)", kind="f64")
F("fcomip", "fldl 8(%rbx); fldl 16(%rbx); fcomip %st(1), %st; fstp %st(0)", kind="f64")
F("fucomi", "fldl 8(%rbx); fldl 16(%rbx); fucomi %st(1), %st; fstp %st(0); fstp %st(0)", kind="f64")
for _cc in ("b", "e", "be", "u", "nb", "ne", "nbe", "nu"):
    F(f"fcmov{_cc}", f"fldl 8(%rbx); fldl 16(%rbx); fcmov{_cc} %st(1), %st; fstpl 24(%rbx); fstp %st(0)",
      kind="f64")
F("fnstcw_fldcw_trunc", "fnstcw 0(%rbx); movzwl 0(%rbx), %eax; orl $0x0c00, %eax; movw %ax, 2(%rbx); "
  "fldcw 2(%rbx); fldl 8(%rbx); fistpl 24(%rbx); fldcw 0(%rbx)", LOGIC, kind="f64", fixup=fist_fixup)
F("fstcw", "fstcw 0(%rbx)")
F("fstsw", "fldl 8(%rbx); fldl 16(%rbx); fcompp; fstsw %ax; andl $0x4500, %eax", LOGIC, kind="f64")
F("frndint", "fldl 8(%rbx); frndint; fstpl 24(%rbx)", kind="f64")
F("fist_m32", "fldl 8(%rbx); fistl 24(%rbx); fstpl 32(%rbx)", kind="f64", fixup=fist_fixup)
F("fist_m16", "fldl 8(%rbx); fists 24(%rbx); fstp %st(0)", kind="f64", fixup=fist_fixup)
for _op in ("fiadd", "fisub", "fisubr", "fimul", "fidiv", "fidivr"):
    F(f"{_op}_m32", f"fldl 8(%rbx); {_op}l 4(%rbx); fstpl 24(%rbx)", kind="f64")
F("fiadd_m16", "fldl 8(%rbx); fiadds 2(%rbx); fstpl 24(%rbx)", kind="f64")
for _op in ("fldpi", "fldl2e", "fldl2t", "fldlg2", "fldln2"):
    F(_op, f"{_op}; fstpl 24(%rbx)")
F("fst_m64", "fldl 8(%rbx); fstl 24(%rbx); fstps 32(%rbx)", kind="f64")
F("fst_st", "fldl 8(%rbx); fldz; fst %st(1); fstp %st(0); fstpl 24(%rbx)", kind="f64")
for _op in ("fsubp", "fsubrp", "fdivp", "fdivrp"):
    F(_op, f"fldl 8(%rbx); fldl 16(%rbx); {_op} %st, %st(1); fstpl 24(%rbx)", kind="f64")
F("fdecstp_fincstp", "fldl 8(%rbx); fldl 16(%rbx); fdecstp; fincstp; fstpl 24(%rbx); fstpl 32(%rbx)", kind="f64")
F("ffree", "fldl 8(%rbx); fldl 16(%rbx); ffree %st(1); fstpl 24(%rbx); fincstp", kind="f64")
F("ffree_fincstp_pop", "fldl 8(%rbx); fldl 16(%rbx); ffree %st(0); fincstp; fstpl 24(%rbx)", kind="f64")
F("fdecstp_rotate", "fldl 8(%rbx); fldl 16(%rbx); fincstp; fdecstp; fstpl 24(%rbx); fstpl 32(%rbx)",
  kind="f64")
F("fxch_st2", "fldl 8(%rbx); fldl 16(%rbx); fldl 24(%rbx); fxch %st(2); fstpl 32(%rbx); fstpl 40(%rbx); "
  "fstpl 48(%rbx)", kind="f64")
F("fnclex", "fldz; fldz; fdivrp; fnclex; fstpl 24(%rbx)", kind="f64")
F("fninit", "fninit; fldl 8(%rbx); fstpl 24(%rbx)", kind="f64")
F("fnop", "fnop")


# x87 NaN rules (SDM vol. 1, table 4-7): of two NaN operands the quiet one if only one is
# quiet, else the larger significand (the positive one on a tie); a single NaN operand is
# quietened; invalid operations give the negative default NaN.  fldt keeps an SNaN
# signalling in the register; fld m32/m64 quietens it; fst m32/m64 quietens, fstpt does not.
_NAN80_PAYLOADS = (0, 1, 0x1234, 1 << 40, (1 << 62) - 1)


def f80_nan_fixup(*offs: int) -> Fixup:
    def fx(case: Case, rng: Random) -> None:
        for off in offs:
            if rng.random() < 0.75:
                quiet = rng.random() < 0.5
                payload = rng.choice(_NAN80_PAYLOADS) or (0 if quiet else 1)
                mant = (1 << 63) | (quiet << 62) | payload
                se = (rng.getrandbits(1) << 15) | 0x7FFF
                case.mem[off:off + 10] = mant.to_bytes(8, "little") + se.to_bytes(2, "little")
            else:
                f80_fixup(off)(case, rng)
    return fx


family("x87_nan")
for _op in ("faddp", "fsubp", "fsubrp", "fmulp", "fdivp", "fdivrp"):
    F(f"{_op}_nan80", f"fldt 32(%rbx); fldt 64(%rbx); {_op} %st, %st(1); fstpt 96(%rbx)", kind="f64",
      fixup=f80_nan_fixup(160, 192))
F("fadd_nan80_st1_st0", "fldt 32(%rbx); fldt 64(%rbx); fadd %st(1), %st; fstpt 96(%rbx); fstp %st(0)",
  kind="f64", fixup=f80_nan_fixup(160, 192))
F("fadd_m64_nan80", "fldt 32(%rbx); faddl 16(%rbx); fstpt 96(%rbx)", kind="f64", fixup=f80_nan_fixup(160))
F("fmul_m32_nan80", "fldt 32(%rbx); fmuls 12(%rbx); fstpt 96(%rbx)", kind="f32", fixup=f80_nan_fixup(160))
F("fsqrt_nan80", "fldt 32(%rbx); fsqrt; fstpt 96(%rbx)", kind="f64", fixup=f80_nan_fixup(160))
F("frndint_nan80", "fldt 32(%rbx); frndint; fstpt 96(%rbx)", kind="f64", fixup=f80_nan_fixup(160))
F("fchs_nan80", "fldt 32(%rbx); fchs; fstpt 96(%rbx)", kind="f64", fixup=f80_nan_fixup(160))
F("fstpl_nan80", "fldt 32(%rbx); fstl 16(%rbx); fstps 24(%rbx)", kind="f64", fixup=f80_nan_fixup(160))
F("fld_m64_fstpt", "fldl 8(%rbx); fstpt 96(%rbx)", kind="f64")
F("fld_m32_fstpt", "flds 4(%rbx); fstpt 96(%rbx)", kind="f32")
F("finvalid_default_nan", "fldz; fldz; fdivrp; fstpt 96(%rbx); fld1; fchs; fsqrt; fstpt 112(%rbx)")


# ---------------------------------------------------------------------------

def _check_unique() -> None:
    seen: set[str] = set()
    for f in FORMS:
        if f.name in seen:
            raise ValueError(f"duplicate form name {f.name}")
        seen.add(f.name)
        for r in f.ptrs or {}:
            if r not in GPR:
                raise ValueError(f"{f.name}: bad pointer register {r}")


_check_unique()

FORMS_BY_NAME: dict[str, Form] = {f.name: f for f in FORMS}

# unused-import guard for names re-exported for fixups written by hand
__all__ = ["FORMS", "FORMS_BY_NAME", "Form", "ALL", "LOGIC", "MULF", "CF", "PF", "AF", "ZF", "SF", "OF"]
