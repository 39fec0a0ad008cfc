"""The F and D extensions.

Arithmetic rounds to nearest even (the dynamic mode a C program runs with; ``fsrm`` is not
followed); a static rounding mode is honoured where gcc uses one -- float-to-integer conversions
(``rtz`` for C casts, ``rmm``/``rdn``/``rup`` for round/floor/ceil) -- and rejected elsewhere.
Conversions to integers saturate and give the largest value for NaN, as RISC-V does;
``fmin``/``fmax`` follow IEEE 754-2019 minimumNumber/maximumNumber with -0 < +0.  With
``--crt-exact-nan`` every NaN result is RISC-V's canonical NaN.
"""

from __future__ import annotations

from ...ir import F32, F64, I1, I32, I64, const
from . import sem

_ARITH = {"fadd": "fadd", "fsub": "fsub", "fmul": "fmul", "fdiv": "fdiv"}
_RM_NAMES = {0: "rne", 1: "rtz", 2: "rdn", 3: "rup", 4: "rmm", 7: "dyn"}


def _is_d(insn) -> bool:
    return insn.name.endswith(".d")


def _get(lf, insn, r: int):
    return lf.fd(r) if _is_d(insn) else lf.fs(r)


def _set(lf, insn, r: int, v) -> None:
    (lf.set_fd if _is_d(insn) else lf.set_fs)(r, v)


def _nearest(lf, insn) -> None:
    """Only round-to-nearest-even (static rne, or the default dynamic mode) is translated here."""
    if insn.f.rm not in (0, 7):
        raise lf.unsupported(f"static rounding mode '{_RM_NAMES.get(insn.f.rm, insn.f.rm)}'")


@sem(*(f"{op}.{t}" for op in _ARITH for t in "sd"))
def arith(lf, insn) -> None:
    _nearest(lf, insn)
    f = insn.f
    r = lf.b.bin(_ARITH[insn.name.split(".")[0]], _get(lf, insn, f.rs1), _get(lf, insn, f.rs2))
    _set(lf, insn, f.rd, lf.canon(r))


@sem("fsqrt.s", "fsqrt.d")
def fsqrt(lf, insn) -> None:
    _nearest(lf, insn)
    a = _get(lf, insn, insn.f.rs1)
    r = lf.b.intrinsic(f"llvm.sqrt.{'f64' if a.ty == F64 else 'f32'}", a.ty, [a])
    _set(lf, insn, insn.f.rd, lf.canon(r))


@sem(*(f"{op}.{t}" for op in ("fmadd", "fmsub", "fnmsub", "fnmadd") for t in "sd"))
def fma(lf, insn) -> None:
    """fmadd: a*b+c; fmsub: a*b-c; fnmsub: -(a*b)+c; fnmadd: -(a*b)-c, each rounded once."""
    _nearest(lf, insn)
    b = lf.b
    f = insn.f
    op = insn.name.split(".")[0]
    a, m, c = _get(lf, insn, f.rs1), _get(lf, insn, f.rs2), _get(lf, insn, f.rs3)
    if op in ("fnmsub", "fnmadd"):
        a = b.op(a.ty, f"fneg {a}")
    if op in ("fmsub", "fnmadd"):
        c = b.op(c.ty, f"fneg {c}")
    r = b.intrinsic(f"llvm.fma.{'f64' if a.ty == F64 else 'f32'}", a.ty, [a, m, c])
    _set(lf, insn, f.rd, lf.canon(r))


@sem(*(f"{op}.{t}" for op in ("fsgnj", "fsgnjn", "fsgnjx") for t in "sd"))
def sign_inject(lf, insn) -> None:
    b = lf.b
    f = insn.f
    d = _is_d(insn)
    ty = I64 if d else I32
    sign = const(ty, -(1 << (63 if d else 31)))
    a = lf.fbits(f.rs1) if d else b.trunc(lf.fbits(f.rs1), I32)
    s = lf.fbits(f.rs2) if d else b.trunc(lf.fbits(f.rs2), I32)
    op = insn.name.split(".")[0]
    if op == "fsgnjn":
        s = b.not_(s)
    if op == "fsgnjx":
        s = b.xor(a, s)
    r = b.or_(b.and_(a, b.not_(sign)), b.and_(s, sign))
    if d:
        lf.set_fbits(f.rd, r)
    else:
        lf.set_fbits(f.rd, b.or_(b.zext(r, I64), const(I64, -(1 << 32))))


@sem("fmin.s", "fmin.d", "fmax.s", "fmax.d")
def minmax(lf, insn) -> None:
    b = lf.b
    f = insn.f
    is_min = insn.name.startswith("fmin")
    x, y = _get(lf, insn, f.rs1), _get(lf, insn, f.rs2)
    ity = I64 if x.ty == F64 else I32
    xb, yb = b.bitcast(x, ity), b.bitcast(y, ity)
    lt = b.fcmp("olt", x, y)
    gt = b.fcmp("olt", y, x)
    same = b.or_(xb, yb) if is_min else b.and_(xb, yb)        # equal values: -0 wins min, +0 max
    r = b.select(lt, xb if is_min else yb, b.select(gt, yb if is_min else xb, same))
    xnan, ynan = b.fcmp("uno", x, x), b.fcmp("uno", y, y)
    qnan = const(ity, 0x7FF8000000000000 if ity == I64 else 0x7FC00000)
    r = b.select(xnan, b.select(ynan, qnan, yb), b.select(ynan, xb, r))
    _set(lf, insn, f.rd, b.bitcast(r, x.ty))


@sem("fcvt.s.d")
def narrow(lf, insn) -> None:
    _nearest(lf, insn)
    lf.set_fs(insn.f.rd, lf.canon(lf.b.cast("fptrunc", lf.fd(insn.f.rs1), F32)))


@sem("fcvt.d.s")
def widen(lf, insn) -> None:
    lf.set_fd(insn.f.rd, lf.canon(lf.b.cast("fpext", lf.fs(insn.f.rs1), F64)))


@sem("feq.s", "feq.d", "flt.s", "flt.d", "fle.s", "fle.d")
def fcompare(lf, insn) -> None:
    f = insn.f
    pred = {"feq": "oeq", "flt": "olt", "fle": "ole"}[insn.name[:3]]
    c = lf.b.fcmp(pred, _get(lf, insn, f.rs1), _get(lf, insn, f.rs2))
    lf.set_x(f.rd, lf.b.zext(c, I64))


@sem("fclass.s", "fclass.d")
def fclass(lf, insn) -> None:
    """One bit: -inf, -normal, -subnormal, -0, +0, +subnormal, +normal, +inf, sNaN, qNaN."""
    b = lf.b
    d = _is_d(insn)
    bits = lf.fbits(insn.f.rs1) if d else b.zext(b.trunc(lf.fbits(insn.f.rs1), I32), I64)
    mbits, ebits = (52, 11) if d else (23, 8)
    neg = b.icmp("ne", b.lshr(bits, const(I64, mbits + ebits)), const(I64, 0))
    exp = b.and_(b.lshr(bits, const(I64, mbits)), const(I64, (1 << ebits) - 1))
    man = b.and_(bits, const(I64, (1 << mbits) - 1))
    emax = b.icmp("eq", exp, const(I64, (1 << ebits) - 1))
    ezero = b.icmp("eq", exp, const(I64, 0))
    mzero = b.icmp("eq", man, const(I64, 0))
    quiet = b.icmp("ne", b.and_(man, const(I64, 1 << (mbits - 1))), const(I64, 0))
    inf = b.and_(emax, mzero)
    nan = b.and_(emax, b.xor(mzero, const(I1, 1)))
    zero = b.and_(ezero, mzero)
    sub = b.and_(ezero, b.xor(mzero, const(I1, 1)))
    normal = b.xor(b.or_(emax, ezero), const(I1, 1))
    pos = b.xor(neg, const(I1, 1))
    classes = [b.and_(neg, inf), b.and_(neg, normal), b.and_(neg, sub), b.and_(neg, zero),
               b.and_(pos, zero), b.and_(pos, sub), b.and_(pos, normal), b.and_(pos, inf),
               b.and_(nan, b.xor(quiet, const(I1, 1))), b.and_(nan, quiet)]
    r = const(I64, 0)
    for k, c in enumerate(classes):
        r = b.or_(r, b.shl(b.zext(c, I64), const(I64, k)))
    lf.set_x(insn.f.rd, r)


_ROUND = {0: "llvm.roundeven", 7: "llvm.roundeven", 2: "llvm.floor", 3: "llvm.ceil", 4: "llvm.round"}


@sem(*(f"fcvt.{i}.{t}" for i in ("w", "wu", "l", "lu") for t in "sd"))
def to_int(lf, insn) -> None:
    b = lf.b
    f = insn.f
    _, ikind, _ = insn.name.split(".")
    a = _get(lf, insn, f.rs1)
    fname = "f64" if a.ty == F64 else "f32"
    if f.rm == 1:
        pass                                       # rtz: what fptosi/fptoui do
    elif f.rm in _ROUND:
        a = b.intrinsic(f"{_ROUND[f.rm]}.{fname}", a.ty, [a])
    else:
        raise lf.unsupported(f"invalid rounding mode {f.rm}")
    bits = 32 if ikind in ("w", "wu") else 64
    ity = I32 if bits == 32 else I64
    signed = ikind in ("w", "l")
    sat = b.intrinsic(f"llvm.fpto{'s' if signed else 'u'}i.sat.i{bits}.{fname}", ity, [a])
    nan_value = const(ity, (1 << (bits - 1)) - 1 if signed else -1)
    r = b.select(b.fcmp("uno", a, a), nan_value, sat)
    lf.set_x(f.rd, b.sext(r, I64) if bits == 32 else r)


@sem(*(f"fcvt.{t}.{i}" for i in ("w", "wu", "l", "lu") for t in "sd"))
def from_int(lf, insn) -> None:
    b = lf.b
    f = insn.f
    _, t, ikind = insn.name.split(".")
    ty = F64 if t == "d" else F32
    exact = ikind in ("w", "wu") and t == "d"
    if not exact:
        _nearest(lf, insn)
    v = lf.xw(f.rs1) if ikind in ("w", "wu") else lf.x(f.rs1)
    r = b.cast("sitofp" if ikind in ("w", "l") else "uitofp", v, ty)
    (lf.set_fd if ty == F64 else lf.set_fs)(f.rd, r)


@sem("fmv.x.w")
def fmv_x_w(lf, insn) -> None:
    lf.set_x(insn.f.rd, lf.b.sext(lf.b.trunc(lf.fbits(insn.f.rs1), I32), I64))


@sem("fmv.w.x")
def fmv_w_x(lf, insn) -> None:
    b = lf.b
    lf.set_fbits(insn.f.rd, b.or_(b.zext(b.trunc(lf.x(insn.f.rs1), I32), I64), const(I64, -(1 << 32))))


@sem("fmv.x.d")
def fmv_x_d(lf, insn) -> None:
    lf.set_x(insn.f.rd, lf.fbits(insn.f.rs1))


@sem("fmv.d.x")
def fmv_d_x(lf, insn) -> None:
    lf.set_fbits(insn.f.rd, lf.x(insn.f.rs1))
