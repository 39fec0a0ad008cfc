"""x87 floating point (long double).

On 64-bit targets x87 registers are kept as IEEE binary128 values (the
AArch64/RISC-V long double) and every arithmetic result is rounded to the x87's
64-bit significand, so results match the x86 bit for bit except for rare double-
rounding cases (documented in docs/design.md).  On ARMv5 (no binary128 support
in its libgcc, and long double *is* double there) they are doubles: i386 code
uses the x87 for all float and double arithmetic, and computing it in double
precision gives what a native ARM build of the same C gives (docs/abi.md says
where 80-bit precision differs).  The register-stack depth is static (see
:mod:`crt_cc.lift.frame`), so st(i) maps to a fixed slot.
"""

from __future__ import annotations

from capstone import x86

from ..ir import F32, F64, F128, I1, I16, I32, I64, I128, Val, bits_of, const, fconst, ity
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
    return lf.b.load(lf.x87_ty, _slot(lf, i), 16)


def st_set(lf, i: int, v: Val) -> None:
    lf.b.store(v, _slot(lf, i), 16)


def st_push(lf, v: Val, after_call: bool = False) -> None:
    d = _depth(lf)
    if d >= 8:
        raise lf.error(f"x87 stack overflow at '{lf.insn}'")
    lf.b.store(v, lf.x87[d], 16)


def _suffix(lf) -> str:
    """LLVM intrinsic suffix of the x87 register type."""
    return _sfx(lf.x87_ty)


def round64(lf, v: Val) -> Val:
    """Round a binary128 value to the x87's 64-bit significand (nearest-even)."""
    if lf.x87_ty == F64:
        return v
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
    significand (the positive one on a tie); no NaN operand: the negative default NaN.
    In double mode NaN results are the target's, as in a native build."""
    if lf.x87_ty == F64:
        return r
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
    if lf.x87_ty == F64:
        return f80_to_double(lf.b, raw)
    b = lf.b
    w = b.zext(raw, I128)
    se = b.lshr(w, const(I128, 64))
    frac = b.and_(w, const(I128, (1 << 63) - 1))
    return b.bitcast(b.or_(b.shl(se, const(I128, 112)), b.shl(frac, const(I128, MANT_DROP))), F128)


def to_f80(lf, v: Val) -> Val:
    if lf.x87_ty == F64:
        return double_to_f80(lf.b, v)
    b = lf.b
    bits = b.bitcast(round64(lf, v), I128)
    se = b.lshr(bits, const(I128, 112))
    exp = b.and_(se, const(I128, 0x7FFF))
    ibit = b.shl(b.zext(b.icmp("ne", exp, const(I128, 0)), I128), const(I128, 63))
    frac = b.and_(b.lshr(bits, const(I128, MANT_DROP)), const(I128, (1 << 63) - 1))
    out = b.or_(b.or_(b.shl(se, const(I128, 64)), ibit), frac)
    return b.trunc(out, "i80")


_FMT = {4: (F32, I32, 23, 0xFF), 8: (F64, I64, 52, 0x7FF)}   # type, int type, fraction bits, exp


def _pow2(b, k: Val) -> Val:
    """2**k as a double for -1022 <= k <= 1023 (an i64 ``k``), built from its bits."""
    return b.bitcast(b.shl(b.add(k, const(I64, 1023)), const(I64, 52)), F64)


def f80_to_double(b, raw: Val) -> Val:
    """An x87 80-bit value rounded to double with integer operations only (ARMv5 has no
    80-bit or binary128 arithmetic): the 64-bit significand converts with one rounding, then
    an exact power-of-two scaling (a second rounding only for results below the normal range)."""
    mant = b.trunc(raw, I64)
    se = b.trunc(b.lshr(raw, const("i80", 64)), I64)
    sign = b.shl(b.lshr(se, const(I64, 15)), const(I64, 63))
    exp = b.and_(se, const(I64, 0x7FFF))
    k = b.sub(exp, const(I64, 16383 + 63))
    k = b.select(b.icmp("slt", k, const(I64, -2000)), const(I64, -2000),
                 b.select(b.icmp("sgt", k, const(I64, 2000)), const(I64, 2000), k))
    k1 = b.op(I64, f"ashr {k}, 1")
    k2 = b.sub(k, k1)
    mag = b.op(F64, f"uitofp {mant} to double")
    mag = b.op(F64, f"fmul {mag}, {_pow2(b, k1).ref}")
    mag = b.op(F64, f"fmul {mag}, {_pow2(b, k2).ref}")
    finite = b.or_(b.bitcast(mag, I64), sign)
    frac = b.and_(b.shl(mant, const(I64, 1)), const(I64, -1))
    special = b.or_(const(I64, 0x7FF << 52), b.select(
        b.icmp("eq", frac, const(I64, 0)), const(I64, 0),
        b.or_(const(I64, 1 << 51), b.lshr(b.and_(mant, const(I64, (1 << 63) - 1)), const(I64, 11)))))
    out = b.select(b.icmp("eq", exp, const(I64, 0x7FFF)), b.or_(special, sign), finite)
    return b.bitcast(out, F64)


def double_to_f80(b, v: Val) -> Val:
    """A double as an x87 80-bit value (exact), with integer operations only."""
    bits = b.bitcast(v, I64)
    sign = b.lshr(bits, const(I64, 63))
    exp = b.and_(b.lshr(bits, const(I64, 52)), const(I64, 0x7FF))
    frac = b.and_(bits, const(I64, (1 << 52) - 1))
    lz = b.intrinsic("llvm.ctlz.i64", I64, [frac, const(I1, 0)])
    sub_mant = b.shl(frac, lz)
    sub_exp = b.sub(const(I64, 15372), lz)
    norm_mant = b.or_(const(I64, -(1 << 63)), b.shl(frac, const(I64, 11)))
    is_zero_exp = b.icmp("eq", exp, const(I64, 0))
    is_max_exp = b.icmp("eq", exp, const(I64, 0x7FF))
    is_zero = b.and_(is_zero_exp, b.icmp("eq", frac, const(I64, 0)))
    e = b.select(is_max_exp, const(I64, 0x7FFF), b.select(is_zero_exp, sub_exp, b.add(exp, const(I64, 15360))))
    m = b.select(is_zero_exp, sub_mant, norm_mant)
    e = b.select(is_zero, const(I64, 0), e)
    m = b.select(is_zero, const(I64, 0), m)
    se = b.or_(b.shl(sign, const(I64, 15)), e)
    return b.or_(b.shl(b.zext(se, "i80"), const("i80", 64)), b.zext(m, "i80"))


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
    if lf.x87_ty == F64:
        v = b.bitcast(raw, t)
        return v if t == F64 else b.op(F64, f"fpext {v} to double")
    v = b.op(F128, f"fpext {b.bitcast(raw, t)} to fp128")
    w = b.zext(raw, I128)
    nb = bits_of(it)
    sign = b.shl(b.lshr(w, const(I128, nb - 1)), const(I128, 127))
    frac = b.shl(b.and_(w, const(I128, (1 << fb) - 1)), const(I128, 112 - fb))
    nan = b.or_(b.or_(sign, frac), const(I128, EXP | (QBIT if quiet else 0)))
    return b.bitcast(b.select(_isnan(lf, raw), nan, _bits(lf, v)), F128)


def _load_int(lf, op) -> Val:
    v = lf.b.load(ity(op.size * 8), lf.addr(op))
    return lf.b.op(lf.x87_ty, f"sitofp {v} to {lf.x87_ty}")


def _store_mem(lf, op, v: Val) -> None:
    b = lf.b
    p = lf.addr(op)
    if op.size == 10:
        b.store(to_f80(lf, v), p)
        return
    t, it, fb, e = _FMT[op.size]
    if lf.x87_ty == F64:
        b.store(v if t == F64 else b.op(t, f"fptrunc {v} to {t}"), p)
        return
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
    if lf.x87_ty == F64:
        q = _CONSTS[insn.mnemonic]       # binary128 -> double, rounded to nearest
        sign, exp, frac = q >> 127, (q >> 112) & 0x7FFF, q & ((1 << 112) - 1)
        if exp == 0:
            bits = sign << 63
        else:
            m = (frac + (1 << 59) - 1 + ((frac >> 60) & 1)) >> 60
            bits = (sign << 63) + ((exp - 16383 + 1023) << 52) + m
        st_push(lf, lf.b.bitcast(const(I64, bits), F64))
        return
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


def round_integral(b, v: Val, mode: Val) -> Val:
    """``v`` rounded to an integral value as the x87 rounding-control ``mode`` (i16: 0 nearest-even,
    1 down, 2 up, 3 toward zero) says, keeping the sign of zero; NaN, infinities and values too
    large to have a fraction unchanged.

    In integer arithmetic rather than llvm.rint/floor/ceil/trunc: on targets without rounding
    instructions (soft-float ARMv5, binary128 long double) those intrinsics become calls into
    libm, which a program converting a double to int (every i386 `(int)x` does it through the
    control word) does not link."""
    T = v.ty
    it, exact = (I64, 52) if T == F64 else (I128, 112) if T == F128 else (I32, 23)
    n = b.op(it, f"fptosi {v} to {it}")                         # toward zero; exact where used
    f = b.op(T, f"sitofp {n} to {T}")
    one = const(it, 1)
    down = b.sub(n, b.zext(b.fcmp("ogt", f, v), it))
    up = b.add(n, b.zext(b.fcmp("olt", f, v), it))
    d = b.op(T, f"fsub {v}, {f.ref}")
    odd = b.icmp("ne", b.and_(n, one), const(it, 0))
    half, mhalf = fconst(T, 0.5), fconst(T, -0.5)
    inc = b.or_(b.fcmp("ogt", d, half), b.and_(b.fcmp("oeq", d, half), odd))
    dec = b.or_(b.fcmp("olt", d, mhalf), b.and_(b.fcmp("oeq", d, mhalf), odd))
    near = b.sub(b.add(n, b.zext(inc, it)), b.zext(dec, it))
    r = b.select(b.icmp("eq", mode, const(I16, 0)), near,
                 b.select(b.icmp("eq", mode, const(I16, 1)), down,
                          b.select(b.icmp("eq", mode, const(I16, 2)), up, n)))
    rf = b.intrinsic(f"llvm.copysign.{_sfx(T)}", T, [b.op(T, f"sitofp {r} to {T}"), v])
    small = b.fcmp("olt", b.intrinsic(f"llvm.fabs.{_sfx(T)}", T, [v]), fconst(T, 2.0 ** exact))
    return b.select(small, rf, v)


def _sfx(T: str) -> str:
    """LLVM intrinsic suffix of a floating-point type."""
    return {F32: "f32", F64: "f64", F128: "f128"}[T]


def _fp_to_int(lf, v: Val, bits: int, mode: Val | None) -> Val:
    """fist(t)p: round (by the control word, or truncate), 'integer indefinite' when out of range."""
    b = lf.b
    T, sfx = lf.x87_ty, _suffix(lf)
    if mode is not None:
        v = round_integral(b, v, mode)
    t = ity(bits)
    sat = b.call(t, f"@llvm.fptosi.sat.{t}.{sfx}", [v])
    hi = b.op(T, f"sitofp {t} {(1 << (bits - 1)) - 1} to {T}")
    lo = b.op(T, f"sitofp {t} {-(1 << (bits - 1))} to {T}")
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
    st_set(lf, dst_i, x87_nan(lf, round64(lf, b.op(lf.x87_ty, f"{llop} {a}, {c.ref}")), a, c))


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
    T, sfx = lf.x87_ty, _suffix(lf)
    if m == "fchs":
        r = b.op(T, f"fneg {v}")
    elif m == "fabs":
        r = b.intrinsic(f"llvm.fabs.{sfx}", T, [v])
    elif m == "fsqrt":
        r = x87_nan(lf, round64(lf, b.intrinsic(f"llvm.sqrt.{sfx}", T, [v])), v)
    else:                # frndint rounds as the control word says (gcc's floor/ceil on i386)
        cw = b.load(I16, _cw(lf), 2)
        mode = b.and_(b.lshr(cw, const(I16, 10)), const(I16, 3))
        r = x87_nan(lf, round_integral(b, v, mode), v)
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
        c = lf.b.op(F128, "fpext double 0.0 to fp128") if lf.x87_ty == F128 else lf.b.op(F64, "fadd double 0.0, 0.0")
    elif ops and ops[-1].type == x86.X86_OP_MEM:
        c = _load_int(lf, ops[-1]) if insn.mnemonic.startswith("fi") else _load_mem(lf, ops[-1])
    else:
        c = st_get(lf, _sti(lf, ops[-1]) if ops else 1)
    _compare_flags(lf, a, c, False)


def _c1(lf):
    """Condition bit C1 (fxam's sign), zero unless fxam set it."""
    if not hasattr(lf, "x87_c1"):
        lf.x87_c1 = lf.b.alloca(I1, align=1)
        lf.b.entry_lines.append(f"  store i1 false, ptr {lf.x87_c1.ref}, align 1")
    return lf.x87_c1


@sem("fnstsw", "fstsw")
def fnstsw(lf, insn):
    b = lf.b
    (op,) = insn.cs.operands
    if not hasattr(lf, "x87_cc"):
        lf.x87_cc = [lf.b.alloca(I1, align=1) for _ in range(3)]
    c0, c2, c3 = (b.load(I1, s, 1) for s in lf.x87_cc)
    c1 = b.load(I1, _c1(lf), 1)
    top = (8 - _depth(lf)) & 7
    sw = const(I16, top << 11)
    for v, bit in ((c0, 8), (c1, 9), (c2, 10), (c3, 14)):
        sw = b.or_(sw, b.shl(b.zext(v, I16), const(I16, bit)))
    lf.write(op, sw)


@sem("fxam")
def fxam(lf, insn):
    """Classify st(0): C3,C2,C0 = zero 100, NaN 001, infinity 011, denormal 110, normal 010;
    C1 = sign.  (The stack is never empty here: its depth is static.)"""
    b = lf.b
    v = st_get(lf, 0)
    T = lf.x87_ty
    it = "i128" if T == F128 else I64
    bits = b.bitcast(v, it)
    a = b.intrinsic(f"llvm.fabs.{_suffix(lf)}", T, [v])
    zero = b.op(T, f"fsub {T} {v.ref}, {v.ref}")      # +0.0 for finite v
    is_zero = b.fcmp("oeq", v, zero)
    is_nan = b.fcmp("uno", v, v)
    big = b.bitcast(const(it, EXP if T == F128 else 0x7FF << 52), T)
    is_inf = b.fcmp("oeq", a, big)
    if T == F128:        # below the smallest normal 80-bit value (binary128 exponent 1)
        is_den = b.fcmp("olt", a, b.bitcast(const(it, 1 << 112), T))
        is_den = b.and_(is_den, b.not_(is_zero))
    else:                # a double is never an x87 denormal
        is_den = const(I1, 0)
    c3 = b.or_(is_zero, is_den)
    c2 = b.and_(b.not_(is_zero), b.not_(is_nan))
    c0 = b.or_(is_nan, is_inf)
    if not hasattr(lf, "x87_cc"):
        lf.x87_cc = [lf.b.alloca(I1, align=1) for _ in range(3)]
    for slot, c in zip(lf.x87_cc, (c0, c2, c3), strict=True):
        b.store(c, slot, 1)
    b.store(b.icmp("slt", bits, const(it, 0)), _c1(lf), 1)


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
