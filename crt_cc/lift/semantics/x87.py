"""x87 floating point (long double).

x87 registers are kept as IEEE binary128 values (the AArch64/RISC-V long
double) and every arithmetic result is rounded to the x87's 64-bit
significand, so results match the x86 bit for bit except for rare double-
rounding cases (documented in docs/design.md).  The register-stack depth is
static (see :mod:`crt_cc.lift.frame`), so st(i) maps to a fixed slot.
"""

from __future__ import annotations

from capstone import x86

from ..ir import F32, F64, F128, I1, I16, I32, I64, I128, Val, bits_of, const, ity
from . import sem

MANT_DROP = 112 - 63          # fraction bits binary128 has beyond the x87's 63

# binary128 fields.  The x87 quiet bit (significand bit 62) is binary128 fraction bit 111.
SIGN, EXP, QBIT, FRAC = 1 << 127, 0x7FFF << 112, 1 << 111, (1 << 112) - 1
DEFAULT_NAN = SIGN | EXP | QBIT           # x87 "real indefinite": a negative quiet NaN


def _depth(lf) -> int:
    d = lf.st.x87
    if d is None:
        raise lf.error(f"x87 register-stack depth is not static at '{lf.insn}'")
    return d


def _slot(lf, i: int):
    d = _depth(lf)
    k = d - 1 - i
    if not 0 <= k < 8:
        raise lf.error(f"x87 stack under/overflow at '{lf.insn}' (depth {d}, st({i}))")
    return lf.x87[k]


def st_get(lf, i: int) -> Val:
    return lf.b.load(F128, _slot(lf, i), 16)


def st_set(lf, i: int, v: Val) -> None:
    lf.b.store(v, _slot(lf, i), 16)


def st_push(lf, v: Val, after_call: bool = False) -> None:
    d = _depth(lf)
    if d >= 8:
        raise lf.error(f"x87 stack overflow at '{lf.insn}'")
    lf.b.store(v, lf.x87[d], 16)


def round64(lf, v: Val) -> Val:
    """Round a binary128 value to the x87's 64-bit significand (nearest-even)."""
    b = lf.b
    bits = b.bitcast(v, I128)
    exp = b.and_(b.lshr(bits, const(I128, 112)), const(I128, 0x7FFF))
    special = b.icmp("eq", exp, const(I128, 0x7FFF))
    lsb = b.and_(b.lshr(bits, const(I128, MANT_DROP)), const(I128, 1))
    r = b.add(bits, b.add(const(I128, (1 << (MANT_DROP - 1)) - 1), lsb))
    r = b.and_(r, const(I128, ~((1 << MANT_DROP) - 1)))
    return b.bitcast(b.select(special, bits, r), F128)


def _bits(lf, v: Val) -> Val:
    return lf.b.bitcast(v, I128)


def _isnan(lf, bits: Val) -> Val:
    """NaN test on the integer image (no soft-float call for fp128)."""
    b = lf.b
    t = bits.ty
    n = {"i32": 31, "i64": 63, "i128": 127}[t]
    exp = {"i32": 0xFF << 23, "i64": 0x7FF << 52, "i128": EXP}[t]
    return b.icmp("ugt", b.and_(bits, const(t, (1 << n) - 1)), const(t, exp))


def x87_nan(lf, r: Val, a: Val, c: Val | None = None) -> Val:
    """x87's NaN result where ``r`` (computed from ``a`` [op ``c``]) is a NaN: a NaN operand,
    quietened; of two NaNs the quiet one when only one is, else the one with the larger
    significand (the positive one on a tie); no NaN operand: the negative default NaN."""
    b = lf.b
    A = _bits(lf, a)
    an = _isnan(lf, A)
    aq = b.or_(A, const(I128, QBIT))
    dflt = const(I128, DEFAULT_NAN)
    if c is None:
        pick = b.select(an, aq, dflt)
    else:
        C = _bits(lf, c)
        cn = _isnan(lf, C)
        cq = b.or_(C, const(I128, QBIT))
        a_quiet = b.icmp("ne", b.and_(A, const(I128, QBIT)), const(I128, 0))
        c_quiet = b.icmp("ne", b.and_(C, const(I128, QBIT)), const(I128, 0))
        fa, fc = b.and_(A, const(I128, FRAC)), b.and_(C, const(I128, FRAC))
        a_larger = b.or_(b.icmp("ugt", fa, fc),
                         b.and_(b.icmp("eq", fa, fc), b.icmp("sge", A, const(I128, 0))))
        a_wins = b.select(b.xor(a_quiet, c_quiet), a_quiet, a_larger)
        both = b.select(a_wins, aq, cq)
        pick = b.select(an, b.select(cn, both, aq), b.select(cn, cq, dflt))
    R = _bits(lf, r)
    return b.bitcast(b.select(_isnan(lf, R), pick, R), F128)


def from_f80(lf, raw: Val) -> Val:
    b = lf.b
    w = b.zext(raw, I128)
    se = b.lshr(w, const(I128, 64))
    frac = b.and_(w, const(I128, (1 << 63) - 1))
    return b.bitcast(b.or_(b.shl(se, const(I128, 112)), b.shl(frac, const(I128, MANT_DROP))), F128)


def to_f80(lf, v: Val) -> Val:
    b = lf.b
    bits = b.bitcast(round64(lf, v), I128)
    se = b.lshr(bits, const(I128, 112))
    exp = b.and_(se, const(I128, 0x7FFF))
    ibit = b.shl(b.zext(b.icmp("ne", exp, const(I128, 0)), I128), const(I128, 63))
    frac = b.and_(b.lshr(bits, const(I128, MANT_DROP)), const(I128, (1 << 63) - 1))
    out = b.or_(b.or_(b.shl(se, const(I128, 64)), ibit), frac)
    return b.trunc(out, "i80")


_FMT = {4: (F32, I32, 23, 0xFF), 8: (F64, I64, 52, 0x7FF)}   # type, int type, fraction bits, exp


def _load_mem(lf, op, quiet: bool = True) -> Val:
    """A memory operand as binary128.  A 32/64-bit NaN keeps its payload (shifted up), and
    ``fld`` (``quiet``) quietens a signalling one; arithmetic operands keep it signalling for
    the NaN rules of :func:`x87_nan`."""
    b = lf.b
    size = op.size
    p = lf.addr(op)
    if size == 10:
        return from_f80(lf, b.load("i80", p))
    t, it, fb, _ = _FMT[size]
    raw = b.load(it, p)
    v = b.op(F128, f"fpext {b.bitcast(raw, t)} to fp128")
    w = b.zext(raw, I128)
    nb = bits_of(it)
    sign = b.shl(b.lshr(w, const(I128, nb - 1)), const(I128, 127))
    frac = b.shl(b.and_(w, const(I128, (1 << fb) - 1)), const(I128, 112 - fb))
    nan = b.or_(b.or_(sign, frac), const(I128, EXP | (QBIT if quiet else 0)))
    return b.bitcast(b.select(_isnan(lf, raw), nan, _bits(lf, v)), F128)


def _load_int(lf, op) -> Val:
    v = lf.b.load(ity(op.size * 8), lf.addr(op))
    return lf.b.op(F128, f"sitofp {v} to fp128")


def _store_mem(lf, op, v: Val) -> None:
    b = lf.b
    p = lf.addr(op)
    if op.size == 10:
        b.store(to_f80(lf, v), p)
        return
    t, it, fb, e = _FMT[op.size]
    nb = bits_of(it)
    r = b.bitcast(b.op(t, f"fptrunc {v} to {t}"), it)
    w = _bits(lf, v)        # a NaN keeps the top of its payload and is quietened
    nan = b.or_(b.shl(b.lshr(w, const(I128, 127)), const(I128, nb - 1)),
                b.lshr(b.and_(w, const(I128, FRAC)), const(I128, 112 - fb)))
    nan = b.or_(b.trunc(nan, it), const(it, (e << fb) | (1 << (fb - 1))))
    b.store(b.select(_isnan(lf, w), nan, r), p)


def _sti(lf, op) -> int | None:
    if op.type != x86.X86_OP_REG:
        return None
    name = lf.regname(op)
    if name.startswith("st("):
        return int(name[3:-1])
    if name == "st":
        return 0
    return None


@sem("fld")
def fld(lf, insn):
    (op,) = insn.cs.operands
    i = _sti(lf, op)
    v = st_get(lf, i) if i is not None else _load_mem(lf, op)
    st_push(lf, v)


@sem("fild")
def fild(lf, insn):
    st_push(lf, _load_int(lf, insn.cs.operands[0]))


_CONSTS = {
    "fldz": 0, "fld1": 0x3FFF0000000000000000000000000000,
    "fldpi": 0x4000921FB54442D18469898CC51701B8, "fldl2e": 0x3FFF71547652B82FE1777D0FFDA0D23A,
    "fldl2t": 0x4000A934F0979A3715FC9257EDFE9B60, "fldlg2": 0x3FFD34413509F79FEF311F12B35816F9,
    "fldln2": 0x3FFE62E42FEFA39EF35793C7673007E6,
}


@sem(*_CONSTS)
def fldconst(lf, insn):
    v = round64(lf, lf.b.bitcast(const(I128, _CONSTS[insn.mnemonic]), F128))
    st_push(lf, v)


@sem("fst", "fstp")
def fst(lf, insn):
    (op,) = insn.cs.operands
    v = st_get(lf, 0)
    i = _sti(lf, op)
    if i is not None:
        st_set(lf, i, v)
    else:
        _store_mem(lf, op, v)


def _fp_to_int(lf, v: Val, bits: int, mode: Val | None) -> Val:
    """fist(t)p: round (by the control word, or truncate), 'integer indefinite' when out of range."""
    b = lf.b
    if mode is not None:
        rn = b.intrinsic("llvm.rint.f128", F128, [v])
        dn = b.intrinsic("llvm.floor.f128", F128, [v])
        up = b.intrinsic("llvm.ceil.f128", F128, [v])
        tr = b.intrinsic("llvm.trunc.f128", F128, [v])
        v = b.select(b.icmp("eq", mode, const(I16, 0)), rn,
                     b.select(b.icmp("eq", mode, const(I16, 1)), dn,
                              b.select(b.icmp("eq", mode, const(I16, 2)), up, tr)))
    t = ity(bits)
    sat = b.call(t, f"@llvm.fptosi.sat.{t}.f128", [v])
    hi = b.op(F128, f"sitofp {t} {(1 << (bits - 1)) - 1} to fp128")
    lo = b.op(F128, f"sitofp {t} {-(1 << (bits - 1))} to fp128")
    bad = b.or_(b.fcmp("ugt", v, hi), b.fcmp("olt", v, lo))
    return b.select(bad, const(t, 1 << (bits - 1)), sat)


def _cw(lf):
    if not hasattr(lf, "x87_cw"):
        lf.x87_cw = lf.b.alloca(I16, align=2)
        lf.b.entry_lines.append(f"  store i16 895, ptr {lf.x87_cw.ref}, align 2")
    return lf.x87_cw


@sem("fist", "fistp", "fisttp")
def fist(lf, insn):
    b = lf.b
    (op,) = insn.cs.operands
    v = st_get(lf, 0)
    mode = None
    if insn.mnemonic != "fisttp":
        cw = b.load(I16, _cw(lf), 2)
        mode = b.and_(b.lshr(cw, const(I16, 10)), const(I16, 3))
    b.store(_fp_to_int(lf, v, op.size * 8, mode), lf.addr(op))


@sem("fnstcw", "fstcw")
def fnstcw(lf, insn):
    lf.b.store(lf.b.load(I16, _cw(lf), 2), lf.addr(insn.cs.operands[0]))


@sem("fldcw")
def fldcw(lf, insn):
    lf.b.store(lf.b.load(I16, lf.addr(insn.cs.operands[0])), _cw(lf), 2)


_ARITH = {"fadd": "fadd", "fmul": "fmul", "fsub": "fsub", "fdiv": "fdiv", "fsubr": "fsub", "fdivr": "fdiv"}


def _arith(lf, insn, base: str, pop: bool, from_int: bool):
    b = lf.b
    ops = insn.cs.operands
    rev = base.endswith("r")
    llop = _ARITH[base]
    if len(ops) == 1 and ops[0].type == x86.X86_OP_MEM:
        dst_i = 0
        a = st_get(lf, 0)
        c = _load_int(lf, ops[0]) if from_int else _load_mem(lf, ops[0], quiet=False)
    elif len(ops) == 2:
        dst_i = _sti(lf, ops[0])
        src_i = _sti(lf, ops[1])
        a, c = st_get(lf, dst_i), st_get(lf, src_i)
    elif len(ops) == 1 and pop:     # faddp st(i): st(i) = st(i) op st(0), then pop
        dst_i = _sti(lf, ops[0])
        a, c = st_get(lf, dst_i), st_get(lf, 0)
    elif len(ops) == 1:
        dst_i, a, c = 0, st_get(lf, 0), st_get(lf, _sti(lf, ops[0]))
    else:   # faddp with no operands = faddp st(1), st(0)
        dst_i, a, c = 1, st_get(lf, 1), st_get(lf, 0)
    if rev:
        a, c = c, a
    st_set(lf, dst_i, x87_nan(lf, round64(lf, b.op(F128, f"{llop} {a}, {c.ref}")), a, c))


def _register_arith():
    for base in _ARITH:
        sem(base)(lambda lf, insn, base=base: _arith(lf, insn, base, False, False))
        sem(base + "p")(lambda lf, insn, base=base: _arith(lf, insn, base, True, False))
        sem("fi" + base[1:])(lambda lf, insn, base=base: _arith(lf, insn, base, False, True))


_register_arith()


@sem("fchs", "fabs", "fsqrt", "frndint")
def unary(lf, insn):
    b = lf.b
    v = st_get(lf, 0)
    m = insn.mnemonic
    if m == "fchs":
        r = b.op(F128, f"fneg {v}")
    elif m == "fabs":
        r = b.intrinsic("llvm.fabs.f128", F128, [v])
    elif m == "fsqrt":
        r = x87_nan(lf, round64(lf, b.intrinsic("llvm.sqrt.f128", F128, [v])), v)
    else:
        r = x87_nan(lf, b.intrinsic("llvm.rint.f128", F128, [v]), v)
    st_set(lf, 0, r)


@sem("fxch")
def fxch(lf, insn):
    ops = insn.cs.operands
    i = _sti(lf, ops[-1]) if ops else 1          # capstone: "fxch st(1)" has operands st(0), st(1)
    a, c = st_get(lf, 0), st_get(lf, i)
    st_set(lf, 0, c)
    st_set(lf, i, a)


def _compare_flags(lf, a: Val, c: Val, to_eflags: bool) -> None:
    b = lf.b
    uno = b.fcmp("uno", a, c)
    zf = b.fcmp("ueq", a, c)
    cf = b.fcmp("ult", a, c)
    if to_eflags:
        lf.set_flag("zf", zf)
        lf.set_flag("pf", uno)
        lf.set_flag("cf", cf)
        for f in ("of", "sf", "af"):
            lf.set_flag(f, const(I1, 0))
        lf.cmp_cache = None
    else:
        if not hasattr(lf, "x87_cc"):
            lf.x87_cc = [lf.b.alloca(I1, align=1) for _ in range(3)]
        for slot, v in zip(lf.x87_cc, (cf, uno, zf), strict=False):   # C0, C2, C3
            b.store(v, slot, 1)


@sem("fucomi", "fucomip", "fcomi", "fcomip", "fcompi", "fucompi")
def fcomi(lf, insn):
    ops = insn.cs.operands
    i = _sti(lf, ops[-1]) if ops else 1
    _compare_flags(lf, st_get(lf, 0), st_get(lf, i), True)


@sem("fucom", "fucomp", "fucompp", "fcom", "fcomp", "fcompp", "ftst", "ficom", "ficomp")
def fcom(lf, insn):
    ops = insn.cs.operands
    a = st_get(lf, 0)
    if insn.mnemonic == "ftst":
        c = lf.b.op(F128, "fpext double 0.0 to fp128")
    elif ops and ops[-1].type == x86.X86_OP_MEM:
        c = _load_int(lf, ops[-1]) if insn.mnemonic.startswith("fi") else _load_mem(lf, ops[-1])
    else:
        c = st_get(lf, _sti(lf, ops[-1]) if ops else 1)
    _compare_flags(lf, a, c, False)


@sem("fnstsw", "fstsw")
def fnstsw(lf, insn):
    b = lf.b
    (op,) = insn.cs.operands
    if not hasattr(lf, "x87_cc"):
        lf.x87_cc = [lf.b.alloca(I1, align=1) for _ in range(3)]
    c0, c2, c3 = (b.load(I1, s, 1) for s in lf.x87_cc)
    top = (8 - _depth(lf)) & 7
    sw = const(I16, top << 11)
    for v, bit in ((c0, 8), (c2, 10), (c3, 14)):
        sw = b.or_(sw, b.shl(b.zext(v, I16), const(I16, bit)))
    lf.write(op, sw)


def _register_fcmov():
    conds = {"fcmovb": "b", "fcmove": "e", "fcmovbe": "be", "fcmovu": "p",
             "fcmovnb": "ae", "fcmovne": "ne", "fcmovnbe": "a", "fcmovnu": "np"}
    for m, cc in conds.items():
        def h(lf, insn, cc=cc):
            ops = insn.cs.operands
            i = _sti(lf, ops[-1])
            c = lf.cond(cc)
            st_set(lf, 0, lf.b.select(c, st_get(lf, i), st_get(lf, 0)))
        sem(m)(h)


_register_fcmov()


@sem("ffree", "fnclex", "fincstp", "fdecstp", "fnop", "fninit")
def x87_nop(lf, insn):
    return None


def _unused():
    return I64
