"""SSE, SSE2, SSE3, SSSE3 and SSE4.1 (of SSE4.2, pcmpgtq): scalar and packed float/double,
integer SIMD, shuffles, conversions with x86's out-of-range rules."""

from __future__ import annotations

from capstone import x86

from ..ir import F32, F64, I1, I8, I16, I32, I64, V2I64, Val, bits_of, const, fconst, ity, vec
from ..regs import SUBREGS
from . import sem
from .string import _string
from .x87 import round_integral

LANES = {"b": (16, I8), "w": (8, I16), "d": (4, I32), "q": (2, I64)}
FP = {"ps": (4, F32), "pd": (2, F64), "ss": (4, F32), "sd": (2, F64)}


def _ops(insn):
    return insn.cs.operands


def xval(lf, op, ty: str) -> Val:
    """An XMM register or memory operand as vector type ``ty`` (memory: full 16 bytes)."""
    b = lf.b
    n = lf.xmm_index(op)
    if n is not None:
        return b.bitcast(lf.get_xmm(n), ty)
    if op.type == x86.X86_OP_MEM:
        return b.load(ty, lf.addr(op))
    raise lf.unsupported()


def scalar(lf, op, ty: str) -> Val:
    """Low element (float/double/int) of an XMM operand, or a scalar memory operand."""
    b = lf.b
    n = lf.xmm_index(op)
    if n is not None:
        return b.extract(b.bitcast(lf.get_xmm(n), vec(128 // bits_of(ty), ty)), 0)
    if op.type == x86.X86_OP_MEM:
        return b.load(ty, lf.addr(op))
    raise lf.unsupported()


def set_low(lf, n: int, v: Val) -> None:
    """Replace the low element of xmm ``n`` keeping the rest (scalar-op semantics)."""
    b = lf.b
    vt = vec(128 // bits_of(v.ty), v.ty)
    lf.set_xmm(n, b.insert(b.bitcast(lf.get_xmm(n), vt), v, 0))


def zero_ext_xmm(lf, n: int, v: Val) -> None:
    """xmm ``n`` = v in the low bits, zeros above (movd/movq/movss-from-memory)."""
    b = lf.b
    vt = vec(128 // bits_of(v.ty), v.ty)
    lf.set_xmm(n, b.insert(Val(vt, "zeroinitializer"), v, 0))


def dst_xmm(lf, op) -> int:
    n = lf.xmm_index(op)
    if n is None:
        raise lf.unsupported()
    return n


# ---------------------------------------------------------------- moves
@sem("movaps", "movups", "movapd", "movupd", "movdqa", "movdqu", "movntdq", "movntps", "movntpd",
     "lddqu", "movntdqa")
def mov128(lf, insn):
    dst, src = _ops(insn)
    v = xval(lf, src, V2I64)
    if dst.type == x86.X86_OP_MEM:
        lf.b.store(v, lf.addr(dst))
    else:
        lf.set_xmm(dst_xmm(lf, dst), v)


@sem("movd", "movq")
def movdq(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    bits = 32 if insn.mnemonic == "movd" else 64
    t = ity(bits)
    dn, sn = lf.xmm_index(dst), lf.xmm_index(src)
    if dn is not None:
        if sn is not None:
            v = scalar(lf, src, t)
        elif src.type == x86.X86_OP_MEM:
            v = b.load(t, lf.addr(src))
        else:
            v = lf.read(src, bits)
        zero_ext_xmm(lf, dn, v)
    else:
        v = scalar(lf, src, t)
        if dst.type == x86.X86_OP_MEM:
            b.store(v, lf.addr(dst))
        else:
            lf.write(dst, v)


@sem("movss", "movsd")
def movs_scalar(lf, insn):
    ops = _ops(insn)
    if not ops or all(lf.xmm_index(o) is None for o in ops):
        return _string(lf, insn, "movs")       # the string instruction movsd
    dst, src = ops
    t = F32 if insn.mnemonic == "movss" else F64
    dn, sn = lf.xmm_index(dst), lf.xmm_index(src)
    if dn is not None and sn is not None:
        set_low(lf, dn, scalar(lf, src, t))
    elif dn is not None:
        zero_ext_xmm(lf, dn, lf.b.load(t, lf.addr(src)))
    else:
        lf.b.store(scalar(lf, src, t), lf.addr(dst))


@sem("movhps", "movhpd", "movlps", "movlpd")
def movhl_mem(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    lane = 1 if insn.mnemonic in ("movhps", "movhpd") else 0
    if dst.type == x86.X86_OP_MEM:
        v = b.extract(b.bitcast(lf.get_xmm(dst_xmm(lf, src)), V2I64), lane)
        b.store(v, lf.addr(dst))
    else:
        n = dst_xmm(lf, dst)
        v = b.load(I64, lf.addr(src))
        lf.set_xmm(n, b.insert(lf.get_xmm(n), v, lane))


@sem("movhlps", "movlhps")
def movhlps(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    d, s = lf.get_xmm(dst_xmm(lf, dst)), lf.get_xmm(dst_xmm(lf, src))
    mask = [3, 1] if insn.mnemonic == "movhlps" else [0, 2]
    lf.set_xmm(dst_xmm(lf, dst), b.shuffle(d, s, mask))


@sem("movddup")
def movddup(lf, insn):
    dst, src = _ops(insn)
    v = scalar(lf, src, I64)
    b = lf.b
    lf.set_xmm(dst_xmm(lf, dst), b.insert(b.insert(Val(V2I64, "undef"), v, 0), v, 1))


@sem("movshdup", "movsldup")
def movshdup(lf, insn):
    dst, src = _ops(insn)
    v = xval(lf, src, vec(4, I32))
    mask = [1, 1, 3, 3] if insn.mnemonic == "movshdup" else [0, 0, 2, 2]
    lf.set_xmm(dst_xmm(lf, dst), lf.b.shuffle(v, v, mask))


# ---------------------------------------------------------------- FP arithmetic
_FPOPS = {"add": "fadd", "sub": "fsub", "mul": "fmul", "div": "fdiv"}


def _fp_binop(lf, insn, op: str, sfx: str):
    dst, src = _ops(insn)[:2]
    n, elt = FP[sfx]
    dn = dst_xmm(lf, dst)
    vt = vec(n, elt)
    if sfx in ("ss", "sd"):
        a = scalar(lf, dst, elt)
        c = scalar(lf, src, elt)
        set_low(lf, dn, _fp_apply(lf, op, a, c))
    else:
        a = xval(lf, dst, vt)
        c = xval(lf, src, vt)
        lf.set_xmm(dn, _fp_apply(lf, op, a, c))


def _fp_apply(lf, op: str, a: Val, c: Val) -> Val:
    b = lf.b
    if op in _FPOPS:
        return x86_nan(lf, b.op(a.ty, f"{_FPOPS[op]} {a}, {c.ref}"), a, c)
    # x86 min/max: exactly `a < c ? a : c`: the second operand (unchanged, even an SNaN)
    # wins on NaN and on equal (+0/-0) inputs
    pred = "olt" if op == "min" else "ogt"
    return b.select(b.fcmp(pred, a, c), a, c)


def _splat(ty: str, text: str) -> str:
    if not ty.startswith("<"):
        return text
    n, elt = ty[1:-1].split(" x ")
    return "<" + ", ".join([f"{elt} {text}"] * int(n)) + ">"


def x86_nan(lf, r: Val, a: Val, c: Val | None = None) -> Val:
    """Give ``r`` (a float/double, scalar or vector, computed from ``a`` [op ``c``]) x86's NaN
    result where it is a NaN: the first NaN operand, quietened (SSE's rule: the first source
    operand wins whatever the other is), else the default NaN, which on x86 is *negative*
    (0xffc00000 / 0xfff8000000000000).  LLVM leaves NaN payloads unspecified and AArch64's
    rules differ (SNaN before QNaN; positive default NaN), so the x86 result is computed
    explicitly -- on a cold path: the common case pays one ``fcmp uno`` and an unlikely branch
    (off the result's dependency chain), not the selects.

    Only with ``--crt-exact-nan``: even the cold path costs 2-3x on FP-heavy loops (it splits
    blocks and stops vectorisation, docs/benchmarks.md), and C leaves the sign and payload of a
    NaN result unspecified.  By default the target's NaN is kept: the same as a native build.
    """
    if not lf.ctx.options.exact_nan:
        return r
    b = lf.b
    elt = r.ty[1:-1].split(" x ")[1] if r.ty.startswith("<") else r.ty
    bits = 32 if elt == F32 else 64
    ity_ = r.ty.replace(elt, ity(bits))
    qbit, dflt = (0x400000, -0x400000) if bits == 32 else (1 << 51, -(1 << 51))
    isnan = b.fcmp("uno", r, r)
    if r.ty.startswith("<"):
        n = int(r.ty[1:].split(" x ")[0])
        isnan = b.intrinsic(f"llvm.vector.reduce.or.v{n}i1", I1, [isnan])
    isnan = b.intrinsic("llvm.expect.i1", I1, [isnan, const(I1, 0)])
    hot = b.cur.label
    fix = b.new_block()
    cont = b.new_block()
    b.terminate(f"br {isnan}, label %{fix.label}, label %{cont.label}")
    b.position(fix)
    pick = Val(ity_, _splat(ity_, str(dflt)))
    for x in reversed([a] if c is None else [a, c]):
        pick = b.select(b.fcmp("uno", x, x), b.bitcast(x, ity_), pick)
    pick = b.or_(pick, Val(ity_, _splat(ity_, str(qbit))))
    fixed = b.select(b.fcmp("uno", r, r), b.bitcast(pick, r.ty), r)
    b.terminate(f"br label %{cont.label}")
    b.position(cont)
    return b.op(r.ty, f"phi {r.ty} [ {r.ref}, %{hot} ], [ {fixed.ref}, %{fix.label} ]")


def x86_nan_convert(lf, r: Val, v: Val) -> Val:
    """x86 result of a float<->double conversion ``r`` of ``v`` when ``v`` is a NaN: its sign and
    payload carried over, quietened.  Only with --crt-exact-nan: targets such as RISC-V return
    their canonical NaN from conversions, AArch64 keeps the payload like x86."""
    if not lf.ctx.options.exact_nan:
        return r
    b = lf.b
    src_elt = v.ty[1:-1].split(" x ")[1] if v.ty.startswith("<") else v.ty
    dst_elt = r.ty[1:-1].split(" x ")[1] if r.ty.startswith("<") else r.ty
    sbits, dbits = (32, 64) if src_elt == F32 else (64, 32)
    sty, dty = v.ty.replace(src_elt, ity(sbits)), r.ty.replace(dst_elt, ity(dbits))
    x = b.bitcast(v, sty)

    def k(ty: str, n: int) -> Val:
        return Val(ty, _splat(ty, str(n)))

    sign = b.lshr(x, k(sty, sbits - 1))
    frac = b.and_(x, k(sty, (1 << (23 if sbits == 32 else 52)) - 1))
    if sbits == 32:       # float -> double: the fraction moves up by 29 bits
        frac = b.shl(b.zext(frac, dty), k(dty, 29))
        sign = b.zext(sign, dty)
    else:                 # double -> float: its top 23 fraction bits
        frac = b.trunc(b.lshr(frac, k(sty, 29)), dty)
        sign = b.trunc(sign, dty)
    exp_quiet = 0x7FF8 << 48 if dbits == 64 else 0x7FC00000
    nan = b.or_(b.or_(b.shl(sign, k(dty, dbits - 1)), k(dty, exp_quiet)), frac)
    return b.select(b.fcmp("uno", v, v), b.bitcast(nan, r.ty), r)


def _register_fp():
    for op in ("add", "sub", "mul", "div", "min", "max"):
        for sfx in FP:
            sem(op + sfx)(lambda lf, insn, op=op, sfx=sfx: _fp_binop(lf, insn, op, sfx))


_register_fp()


@sem("sqrtss", "sqrtsd", "sqrtps", "sqrtpd")
def sqrt(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    sfx = insn.mnemonic[-2:]
    n, elt = FP[sfx]
    dn = dst_xmm(lf, dst)
    if sfx in ("ss", "sd"):
        v = scalar(lf, src, elt)
        set_low(lf, dn, x86_nan(lf, b.intrinsic(f"llvm.sqrt.{'f32' if elt == F32 else 'f64'}", elt, [v]), v))
    else:
        vt = vec(n, elt)
        v = xval(lf, src, vt)
        name = f"llvm.sqrt.v{n}{'f32' if elt == F32 else 'f64'}"
        lf.set_xmm(dn, x86_nan(lf, b.intrinsic(name, vt, [v]), v))


@sem("rcpps", "rcpss", "rsqrtps", "rsqrtss")
def reciprocal(lf, insn):
    """rcp/rsqrt: x86 returns a ~12-bit estimate (|rel err| <= 1.5*2^-12) whose exact bits
    differ between Intel and AMD; we return the correctly rounded value, with x86's special
    cases: a denormal input counts as zero (-> inf of its sign), a tiny (denormal) result is
    flushed to a zero of its sign, NaNs are quietened, rsqrt of a negative number is the
    default NaN."""
    b = lf.b
    dst, src = _ops(insn)
    dn = dst_xmm(lf, dst)
    scal = insn.mnemonic.endswith("ss")
    v = scalar(lf, src, F32) if scal else xval(lf, src, vec(4, F32))
    it = I32 if scal else vec(4, I32)

    def k(x: int) -> Val:
        return Val(it, _splat(it, str(x)))

    def daz(x: Val) -> Val:          # denormal -> zero of the same sign
        xi = b.bitcast(x, it)
        tiny = b.op(I1 if scal else vec(4, I1), f"icmp eq {b.and_(xi, k(0x7F800000))}, {k(0).ref}")
        return b.bitcast(b.select(tiny, b.and_(xi, k(-0x80000000)), xi), x.ty)
    x = daz(v)
    if insn.mnemonic.startswith("rsqrt"):
        x = b.intrinsic("llvm.sqrt.f32" if scal else "llvm.sqrt.v4f32", x.ty, [x])
    one = _splat(x.ty, fconst(F32, 1.0).ref)
    r = x86_nan(lf, daz(b.op(x.ty, f"fdiv {x.ty} {one}, {x.ref}")), v)
    if scal:
        set_low(lf, dn, r)
    else:
        lf.set_xmm(dn, r)


# ---------------------------------------------------------------- bitwise (FP and integer)
_BITOPS = {"and": "and", "or": "or", "xor": "xor", "andn": "andn"}


@sem("andps", "andpd", "orps", "orpd", "xorps", "xorpd", "andnps", "andnpd", "pand", "por", "pxor", "pandn")
def bitwise(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    m = insn.mnemonic.lstrip("p")
    op = m[:-2] if m.endswith(("ps", "pd")) else m
    dn = dst_xmm(lf, dst)
    if op == "xor" and lf.xmm_index(src) == dn:
        lf.set_xmm(dn, Val(V2I64, "zeroinitializer"))
        return
    a = lf.get_xmm(dn)
    c = xval(lf, src, V2I64)
    if op == "andn":
        r = b.and_(b.xor(a, Val(V2I64, "<i64 -1, i64 -1>")), c)
    else:
        r = b.bin(op, a, c)
    lf.set_xmm(dn, r)


# ---------------------------------------------------------------- compares
@sem("ucomiss", "comiss", "ucomisd", "comisd")
def comis(lf, insn):
    b = lf.b
    a_op, c_op = _ops(insn)
    t = F32 if insn.mnemonic.endswith("ss") else F64
    a = scalar(lf, a_op, t)
    c = scalar(lf, c_op, t)
    uno = b.fcmp("uno", a, c)
    lf.set_flag("zf", b.fcmp("ueq", a, c))
    lf.set_flag("pf", uno)
    lf.set_flag("cf", b.fcmp("ult", a, c))
    for f in ("of", "sf", "af"):
        lf.set_flag(f, const(I1, 0))
    lf.cmp_cache = ("fcmp", a, c)


_CMP_PRED = ["oeq", "olt", "ole", "uno", "une", "uge", "ugt", "ord"]
_CMP_NAMES = ["eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"]


def _cmpfp(lf, insn, pred_idx: int | None, sfx: str):
    b = lf.b
    ops = _ops(insn)
    if all(lf.xmm_index(o) is None for o in ops):
        return _string(lf, insn, "cmps")        # the string instruction cmpsd
    dst, src = ops[0], ops[1]
    if pred_idx is None:
        pred_idx = ops[2].imm & 7
    pred = _CMP_PRED[pred_idx]
    n, elt = FP[sfx]
    ity_ = I32 if elt == F32 else I64
    dn = dst_xmm(lf, dst)
    if sfx in ("ss", "sd"):
        a = scalar(lf, dst, elt)
        c = scalar(lf, src, elt)
        r = b.sext(b.fcmp(pred, a, c), ity_)
        set_low(lf, dn, r)
    else:
        vt = vec(n, elt)
        a = xval(lf, dst, vt)
        c = xval(lf, src, vt)
        r = b.sext(b.fcmp(pred, a, c), vec(n, ity_))
        lf.set_xmm(dn, r)


def _register_cmp():
    for sfx in FP:
        sem("cmp" + sfx)(lambda lf, insn, sfx=sfx: _cmpfp(lf, insn, None, sfx))
        for i, name in enumerate(_CMP_NAMES):
            sem(f"cmp{name}{sfx}")(lambda lf, insn, i=i, sfx=sfx: _cmpfp(lf, insn, i, sfx))


_register_cmp()


# ---------------------------------------------------------------- conversions
def _fp_to_int(lf, v: Val, bits: int, truncate: bool) -> Val:
    """x86 cvt(t)s*2si: out-of-range and NaN give the 'integer indefinite' 0x80..0."""
    b = lf.b
    t = ity(bits)
    fty = v.ty
    fname = "f32" if fty == F32 else "f64"
    if not truncate and "+soft-float" in lf.ctx.target.llvm_features:   # no libm call (see there)
        v = round_integral(b, v, const(I16, 0))
    elif not truncate:
        v = b.intrinsic(f"llvm.rint.{fname}", fty, [v])
    sat = b.call(t, f"@llvm.fptosi.sat.{t}.{fname}", [v])
    limit = fconst(fty, float(2 ** (bits - 1)))
    big = b.fcmp("uge", v, limit)          # also true for NaN
    return b.select(big, const(t, 1 << (bits - 1)), sat)


@sem("cvttss2si", "cvttsd2si", "cvtss2si", "cvtsd2si")
def cvt_to_int(lf, insn):
    dst, src = _ops(insn)
    t = F32 if "ss2" in insn.mnemonic else F64
    v = scalar(lf, src, t)
    lf.write(dst, _fp_to_int(lf, v, dst.size * 8, insn.mnemonic.startswith("cvtt")))


@sem("cvtsi2ss", "cvtsi2sd", "cvtsi2ssl", "cvtsi2sdl", "cvtsi2ssq", "cvtsi2sdq")
def cvt_from_int(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    t = F32 if "2ss" in insn.mnemonic else F64
    v = lf.read(src)
    set_low(lf, dst_xmm(lf, dst), b.op(t, f"sitofp {v} to {t}"))


@sem("cvtss2sd", "cvtsd2ss")
def cvt_fp(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    if insn.mnemonic == "cvtss2sd":
        v = scalar(lf, src, F32)
        r = b.op(F64, f"fpext {v} to double")
    else:
        v = scalar(lf, src, F64)
        r = b.op(F32, f"fptrunc {v} to float")
    set_low(lf, dst_xmm(lf, dst), x86_nan_convert(lf, r, v))


@sem("cvtdq2ps", "cvtdq2pd", "cvtps2pd", "cvtpd2ps", "cvttps2dq", "cvtps2dq", "cvttpd2dq", "cvtpd2dq")
def cvt_packed(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    dn = dst_xmm(lf, dst)
    m = insn.mnemonic
    if m == "cvtdq2ps":
        v = xval(lf, src, vec(4, I32))
        lf.set_xmm(dn, b.op(vec(4, F32), f"sitofp {v} to {vec(4, F32)}"))
    elif m == "cvtdq2pd":
        v = _low_half(lf, src, vec(4, I32), 2)
        lf.set_xmm(dn, b.op(vec(2, F64), f"sitofp {v} to {vec(2, F64)}"))
    elif m == "cvtps2pd":
        v = _low_half(lf, src, vec(4, F32), 2)
        lf.set_xmm(dn, x86_nan_convert(lf, b.op(vec(2, F64), f"fpext {v} to {vec(2, F64)}"), v))
    elif m == "cvtpd2ps":
        v = xval(lf, src, vec(2, F64))
        r = x86_nan_convert(lf, b.op(vec(2, F32), f"fptrunc {v} to {vec(2, F32)}"), v)
        lf.set_xmm(dn, b.shuffle(r, Val(vec(2, F32), "zeroinitializer"), [0, 1, 2, 3]))
    elif m in ("cvttps2dq", "cvtps2dq"):
        v = xval(lf, src, vec(4, F32))
        lanes = [_fp_to_int(lf, b.extract(v, i), 32, m == "cvttps2dq") for i in range(4)]
        r = Val(vec(4, I32), "undef")
        for i, x in enumerate(lanes):
            r = b.insert(r, x, i)
        lf.set_xmm(dn, r)
    else:   # cvttpd2dq / cvtpd2dq: two results, upper lanes zero
        v = xval(lf, src, vec(2, F64))
        r = Val(vec(4, I32), "zeroinitializer")
        for i in range(2):
            r = b.insert(r, _fp_to_int(lf, b.extract(v, i), 32, m == "cvttpd2dq"), i)
        lf.set_xmm(dn, r)


def _low_half(lf, op, vt: str, n: int) -> Val:
    b = lf.b
    if op.type == x86.X86_OP_MEM:
        elt = vt[1:-1].split(" x ")[1]
        return b.load(vec(n, elt), lf.addr(op))
    v = xval(lf, op, vt)
    return b.shuffle(v, v, list(range(n)))


# ---------------------------------------------------------------- integer SIMD arithmetic
def _vec_binop(lf, insn, lanes: str, fn):
    dst, src = _ops(insn)[:2]
    n, elt = LANES[lanes]
    vt = vec(n, elt)
    dn = dst_xmm(lf, dst)
    a = xval(lf, dst, vt)
    c = xval(lf, src, vt)
    lf.set_xmm(dn, fn(a, c))


def _intr(lf, name: str):
    def f(a, c):
        n, elt = a.ty[1:-1].split(" x ")
        return lf.b.intrinsic(f"llvm.{name}.v{n}{elt}", a.ty, [a, c])
    return f


def _register_int():
    for ln in "bwdq":
        sem("padd" + ln)(lambda lf, insn, ln=ln: _vec_binop(lf, insn, ln, lf.b.add))
        sem("psub" + ln)(lambda lf, insn, ln=ln: _vec_binop(lf, insn, ln, lf.b.sub))
        sem("pcmpeq" + ln)(lambda lf, insn, ln=ln: _vec_binop(
            lf, insn, ln, lambda a, c: lf.b.sext(lf.b.op(vec(int(a.ty[1:].split()[0]), I1),
                                                          f"icmp eq {a}, {c.ref}"), a.ty)))
        sem("pcmpgt" + ln)(lambda lf, insn, ln=ln: _vec_binop(
            lf, insn, ln, lambda a, c: lf.b.sext(lf.b.op(vec(int(a.ty[1:].split()[0]), I1),
                                                          f"icmp sgt {a}, {c.ref}"), a.ty)))
    for ln in "bw":
        sem("paddus" + ln)(lambda lf, insn, ln=ln: _vec_binop(lf, insn, ln, _intr(lf, "uadd.sat")))
        sem("psubus" + ln)(lambda lf, insn, ln=ln: _vec_binop(lf, insn, ln, _intr(lf, "usub.sat")))
        sem("padds" + ln)(lambda lf, insn, ln=ln: _vec_binop(lf, insn, ln, _intr(lf, "sadd.sat")))
        sem("psubs" + ln)(lambda lf, insn, ln=ln: _vec_binop(lf, insn, ln, _intr(lf, "ssub.sat")))
    for name, ln, op in (("pminub", "b", "umin"), ("pmaxub", "b", "umax"), ("pminsw", "w", "smin"),
                         ("pmaxsw", "w", "smax"), ("pminsb", "b", "smin"), ("pmaxsb", "b", "smax"),
                         ("pminuw", "w", "umin"), ("pmaxuw", "w", "umax"), ("pminsd", "d", "smin"),
                         ("pmaxsd", "d", "smax"), ("pminud", "d", "umin"), ("pmaxud", "d", "umax")):
        sem(name)(lambda lf, insn, ln=ln, op=op: _vec_binop(lf, insn, ln, _intr(lf, op)))
    sem("pmullw")(lambda lf, insn: _vec_binop(lf, insn, "w", lf.b.mul))
    sem("pmulld")(lambda lf, insn: _vec_binop(lf, insn, "d", lf.b.mul))
    for ln in "bwd":
        sem("pabs" + ln)(lambda lf, insn: _pabs(lf, insn))


_register_int()


def _pabs(lf, insn):
    dst, src = _ops(insn)
    n, elt = LANES[insn.mnemonic[-1]]
    v = xval(lf, src, vec(n, elt))
    lf.set_xmm(dst_xmm(lf, dst), lf.b.call(v.ty, f"@llvm.abs.v{n}{elt}", [v, const(I1, 0)]))


# ---------------------------------------------------------------- horizontal and sign (SSE3/SSSE3)
def _pairs(lf, a: Val, c: Val) -> tuple[Val, Val]:
    """The even and the odd elements of dst:src, in order: horizontal ops combine neighbours of
    the destination into the low half of the result and those of the source into the high half."""
    n = int(a.ty[1:].split()[0])
    return (lf.b.shuffle(a, c, list(range(0, 2 * n, 2))), lf.b.shuffle(a, c, list(range(1, 2 * n, 2))))


def _hfp(lf, insn):
    """haddps/haddpd/hsubps/hsubpd: [d0 op d1, d2 op d3, s0 op s1, s2 op s3]."""
    dst, src = _ops(insn)
    n, elt = FP[insn.mnemonic[-2:]]
    vt = vec(n, elt)
    ev, od = _pairs(lf, xval(lf, dst, vt), xval(lf, src, vt))
    lf.set_xmm(dst_xmm(lf, dst), _fp_apply(lf, insn.mnemonic[1:4], ev, od))


def _addsub(lf, insn):
    """addsubps/addsubpd: even elements subtract, odd ones add."""
    dst, src = _ops(insn)
    n, elt = FP[insn.mnemonic[-2:]]
    vt = vec(n, elt)
    a, c = xval(lf, dst, vt), xval(lf, src, vt)
    sub, add = _fp_apply(lf, "sub", a, c), _fp_apply(lf, "add", a, c)
    lf.set_xmm(dst_xmm(lf, dst), lf.b.shuffle(sub, add, [i if i % 2 == 0 else n + i for i in range(n)]))


def _hint(lf, insn):
    """phaddw/phaddd/phsubw/phsubd and the saturating phaddsw/phsubsw."""
    m = insn.mnemonic
    sub = m.startswith("phsub")
    def f(a, c):
        ev, od = _pairs(lf, a, c)
        if m.endswith("sw"):
            return _intr(lf, "ssub.sat" if sub else "sadd.sat")(ev, od)
        return lf.b.sub(ev, od) if sub else lf.b.add(ev, od)
    _vec_binop(lf, insn, m[-1], f)


def _pmaddubsw(lf, insn):
    """Unsigned bytes of dst times signed bytes of src; neighbouring products summed with signed
    saturation (each product fits in 16 bits, their sum may not)."""
    b = lf.b
    def f(a, c):
        w = vec(16, I16)
        p = b.mul(b.zext(a, w), b.sext(c, w))
        ev, od = b.shuffle(p, p, list(range(0, 16, 2))), b.shuffle(p, p, list(range(1, 16, 2)))
        return b.bitcast(_intr(lf, "sadd.sat")(ev, od), a.ty)
    _vec_binop(lf, insn, "b", f)


def _pmulhrsw(lf, insn):
    """((a * c >> 14) + 1) >> 1 in 32 bits: the rounded high half of the Q15 product."""
    b = lf.b
    def f(a, c):
        w = vec(8, I32)
        p = b.lshr(b.mul(b.sext(a, w), b.sext(c, w)), Val(w, _splat(w, "14")))
        p = b.lshr(b.add(p, Val(w, _splat(w, "1"))), Val(w, _splat(w, "1")))
        return b.trunc(p, a.ty)
    _vec_binop(lf, insn, "w", f)


def _psign(lf, insn):
    """dst negated where src is negative, zeroed where it is zero, kept where it is positive."""
    b = lf.b
    def f(a, c):
        n = int(a.ty[1:].split()[0])
        neg = b.op(vec(n, I1), f"icmp slt {c}, zeroinitializer")
        zero = b.op(vec(n, I1), f"icmp eq {c}, zeroinitializer")
        r = b.select(neg, b.sub(Val(a.ty, "zeroinitializer"), a), a)
        return b.select(zero, Val(a.ty, "zeroinitializer"), r)
    _vec_binop(lf, insn, insn.mnemonic[-1], f)


sem("haddps", "haddpd", "hsubps", "hsubpd")(_hfp)
sem("addsubps", "addsubpd")(_addsub)
sem("phaddw", "phaddd", "phsubw", "phsubd", "phaddsw", "phsubsw")(_hint)
sem("pmaddubsw")(_pmaddubsw)
sem("pmulhrsw")(_pmulhrsw)
sem("psignb", "psignw", "psignd")(_psign)


def _mulhi(lf, insn, signed: bool):
    b = lf.b
    def f(a, c):
        w = vec(8, I32)
        ext = b.sext if signed else b.zext
        p = b.mul(ext(a, w), ext(c, w))
        return b.trunc(b.lshr(p, Val(w, "<" + ", ".join(["i32 16"] * 8) + ">")), a.ty)
    _vec_binop(lf, insn, "w", f)


sem("pmulhw")(lambda lf, insn: _mulhi(lf, insn, True))
sem("pmulhuw")(lambda lf, insn: _mulhi(lf, insn, False))


@sem("pmuludq", "pmuldq")
def pmuludq(lf, insn):
    b = lf.b
    signed = insn.mnemonic == "pmuldq"
    def f(a, c):
        if signed:
            sh = Val(V2I64, "<i64 32, i64 32>")
            a2 = b.ashr(b.shl(a, sh), sh)
            c2 = b.ashr(b.shl(c, sh), sh)
        else:
            m = Val(V2I64, "<i64 4294967295, i64 4294967295>")
            a2, c2 = b.and_(a, m), b.and_(c, m)
        return b.mul(a2, c2)
    _vec_binop(lf, insn, "q", f)


@sem("pmaddwd")
def pmaddwd(lf, insn):
    b = lf.b
    def f(a, c):
        w = vec(8, I32)
        p = b.mul(b.sext(a, w), b.sext(c, w))
        ev = b.shuffle(p, p, [0, 2, 4, 6])
        od = b.shuffle(p, p, [1, 3, 5, 7])
        return b.add(ev, od)
    _vec_binop(lf, insn, "w", f)


@sem("pavgb", "pavgw")
def pavg(lf, insn):
    b = lf.b
    ln = insn.mnemonic[-1]
    def f(a, c):
        n = int(a.ty[1:].split()[0])
        wt = vec(n, I32)
        one = Val(wt, "<" + ", ".join(["i32 1"] * n) + ">")
        s = b.add(b.add(b.zext(a, wt), b.zext(c, wt)), one)
        return b.trunc(b.lshr(s, one), a.ty)
    _vec_binop(lf, insn, ln, f)


@sem("psadbw")
def psadbw(lf, insn):
    b = lf.b
    def f(a, c):
        w = vec(16, I16)
        d = b.sub(b.zext(a, w), b.zext(c, w))
        d = b.call(w, "@llvm.abs.v16i16", [d, const(I1, 0)])
        lo = b.shuffle(d, d, list(range(8)))
        hi = b.shuffle(d, d, list(range(8, 16)))
        s0 = b.intrinsic("llvm.vector.reduce.add.v8i16", I16, [lo])
        s1 = b.intrinsic("llvm.vector.reduce.add.v8i16", I16, [hi])
        r = b.insert(Val(V2I64, "zeroinitializer"), b.zext(s0, I64), 0)
        return b.bitcast(b.insert(r, b.zext(s1, I64), 1), a.ty)
    _vec_binop(lf, insn, "b", f)


@sem("pmovmskb", "movmskps", "movmskpd")
def movmsk(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    n, elt = {"pmovmskb": (16, I8), "movmskps": (4, I32), "movmskpd": (2, I64)}[insn.mnemonic]
    v = xval(lf, src, vec(n, elt))
    neg = b.op(vec(n, I1), f"icmp slt {v}, zeroinitializer")
    bits = b.bitcast(neg, ity(n))
    lf.write(dst, b.zext(bits, ity(dst.size * 8)))


# ---------------------------------------------------------------- shifts
def _vshift(lf, insn, kind: str, ln: str):
    b = lf.b
    dst, src = _ops(insn)
    n, elt = LANES[ln]
    vt = vec(n, elt)
    dn = dst_xmm(lf, dst)
    a = xval(lf, dst, vt)
    eb = bits_of(elt)
    if src.type == x86.X86_OP_IMM:
        cnt = const(I64, src.imm & 0xFF)
    else:
        cnt = scalar(lf, src, I64)
    big = b.icmp("ugt", cnt, const(I64, eb - 1))
    c = b.resize(b.select(big, const(I64, eb - 1 if kind == "sra" else 0), cnt), eb)
    splat = b.shuffle(b.insert(Val(vt, "undef"), c, 0), Val(vt, "undef"), [0] * n)
    r = {"sll": b.shl, "srl": b.lshr, "sra": b.ashr}[kind](a, splat)
    if kind != "sra":
        r = b.select(big, Val(vt, "zeroinitializer"), r)
    lf.set_xmm(dn, r)


def _register_shifts():
    for kind in ("sll", "srl", "sra"):
        for ln in "wdq":
            if kind == "sra" and ln == "q":
                continue
            sem(f"p{kind}{ln}")(lambda lf, insn, kind=kind, ln=ln: _vshift(lf, insn, kind, ln))


_register_shifts()


@sem("pslldq", "psrldq")
def pbyteshift(lf, insn):
    b = lf.b
    dst, imm = _ops(insn)
    dn = dst_xmm(lf, dst)
    v = b.bitcast(lf.get_xmm(dn), vec(16, I8))
    k = min(imm.imm & 0xFF, 16)
    z = Val(vec(16, I8), "zeroinitializer")
    if insn.mnemonic == "pslldq":
        mask = [16 + i - k if i - k < 0 else i - k for i in range(16)]   # zeros come from z
        mask = [(i - k) if i >= k else 16 for i in range(16)]
    else:
        mask = [(i + k) if i + k < 16 else 16 for i in range(16)]
    lf.set_xmm(dn, b.shuffle(v, z, mask))


@sem("palignr")
def palignr(lf, insn):
    b = lf.b
    dst, src, imm = _ops(insn)
    dn = dst_xmm(lf, dst)
    lo = xval(lf, src, vec(16, I8))
    hi = b.bitcast(lf.get_xmm(dn), vec(16, I8))
    k = imm.imm & 0xFF
    cat = b.shuffle(lo, hi, list(range(32)))
    z = Val(vec(32, I8), "zeroinitializer")
    mask = [(i + k) if i + k < 32 else 32 for i in range(16)]
    lf.set_xmm(dn, b.shuffle(cat, z, mask))


# ---------------------------------------------------------------- shuffles
@sem("pshufd")
def pshufd(lf, insn):
    dst, src, imm = _ops(insn)
    v = xval(lf, src, vec(4, I32))
    k = imm.imm
    lf.set_xmm(dst_xmm(lf, dst), lf.b.shuffle(v, v, [(k >> (2 * i)) & 3 for i in range(4)]))


@sem("pshuflw", "pshufhw")
def pshufw(lf, insn):
    dst, src, imm = _ops(insn)
    v = xval(lf, src, vec(8, I16))
    k = imm.imm
    sel = [(k >> (2 * i)) & 3 for i in range(4)]
    if insn.mnemonic == "pshuflw":
        mask = sel + [4, 5, 6, 7]
    else:
        mask = [0, 1, 2, 3] + [4 + s for s in sel]
    lf.set_xmm(dst_xmm(lf, dst), lf.b.shuffle(v, v, mask))


@sem("shufps")
def shufps(lf, insn):
    dst, src, imm = _ops(insn)
    dn = dst_xmm(lf, dst)
    a = xval(lf, dst, vec(4, I32))
    c = xval(lf, src, vec(4, I32))
    k = imm.imm
    mask = [(k >> 0) & 3, (k >> 2) & 3, 4 + ((k >> 4) & 3), 4 + ((k >> 6) & 3)]
    lf.set_xmm(dn, lf.b.shuffle(a, c, mask))


@sem("shufpd")
def shufpd(lf, insn):
    dst, src, imm = _ops(insn)
    dn = dst_xmm(lf, dst)
    a = xval(lf, dst, V2I64)
    c = xval(lf, src, V2I64)
    k = imm.imm
    lf.set_xmm(dn, lf.b.shuffle(a, c, [k & 1, 2 + ((k >> 1) & 1)]))


def _unpack(lf, insn, n: int, elt: str, high: bool):
    dst, src = _ops(insn)
    dn = dst_xmm(lf, dst)
    vt = vec(n, elt)
    a = xval(lf, dst, vt)
    c = xval(lf, src, vt)
    base = n // 2 if high else 0
    mask = []
    for i in range(n // 2):
        mask += [base + i, n + base + i]
    lf.set_xmm(dn, lf.b.shuffle(a, c, mask))


def _register_unpack():
    for name, n, elt in (("bw", 16, I8), ("wd", 8, I16), ("dq", 4, I32), ("qdq", 2, I64)):
        sem(f"punpckl{name}")(lambda lf, insn, n=n, elt=elt: _unpack(lf, insn, n, elt, False))
        sem(f"punpckh{name}")(lambda lf, insn, n=n, elt=elt: _unpack(lf, insn, n, elt, True))
    sem("unpcklps")(lambda lf, insn: _unpack(lf, insn, 4, I32, False))
    sem("unpckhps")(lambda lf, insn: _unpack(lf, insn, 4, I32, True))
    sem("unpcklpd")(lambda lf, insn: _unpack(lf, insn, 2, I64, False))
    sem("unpckhpd")(lambda lf, insn: _unpack(lf, insn, 2, I64, True))


_register_unpack()


@sem("packsswb", "packuswb", "packssdw", "packusdw")
def pack(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    dn = dst_xmm(lf, dst)
    m = insn.mnemonic
    n, elt, out = (8, I16, I8) if m.endswith("wb") else (4, I32, I16)
    vt = vec(n, elt)
    a = xval(lf, dst, vt)
    c = xval(lf, src, vt)
    cat = b.shuffle(a, c, list(range(2 * n)))
    wt = vec(2 * n, elt)
    ob = bits_of(out)
    if m.startswith("packss"):
        lo, hi = -(1 << (ob - 1)), (1 << (ob - 1)) - 1
    else:
        lo, hi = 0, (1 << ob) - 1
    splat = lambda x: Val(wt, "<" + ", ".join([f"{elt} {x}"] * (2 * n)) + ">")  # noqa: E731
    cl = b.intrinsic(f"llvm.smax.v{2 * n}{elt}", wt, [cat, splat(lo)])
    cl = b.intrinsic(f"llvm.smin.v{2 * n}{elt}", wt, [cl, splat(hi)])
    lf.set_xmm(dn, b.trunc(cl, vec(2 * n, out)))


@sem("pextrw", "pextrb", "pextrd", "pextrq")
def pextr(lf, insn):
    b = lf.b
    dst, src, imm = _ops(insn)
    n, elt = {"pextrw": (8, I16), "pextrb": (16, I8), "pextrd": (4, I32), "pextrq": (2, I64)}[insn.mnemonic]
    v = xval(lf, src, vec(n, elt))
    e = b.extract(v, imm.imm & (n - 1))
    if dst.type == x86.X86_OP_MEM:
        b.store(e, lf.addr(dst))
    else:
        lf.write(dst, b.zext(e, ity(dst.size * 8)))


@sem("pinsrw", "pinsrb", "pinsrd", "pinsrq")
def pinsr(lf, insn):
    b = lf.b
    dst, src, imm = _ops(insn)
    n, elt = {"pinsrw": (8, I16), "pinsrb": (16, I8), "pinsrd": (4, I32), "pinsrq": (2, I64)}[insn.mnemonic]
    dn = dst_xmm(lf, dst)
    e = lf.read(src, bits_of(elt))
    v = b.bitcast(lf.get_xmm(dn), vec(n, elt))
    lf.set_xmm(dn, b.insert(v, e, imm.imm & (n - 1)))


@sem("pshufb")
def pshufb(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    dn = dst_xmm(lf, dst)
    a = b.bitcast(lf.get_xmm(dn), vec(16, I8))
    m = xval(lf, src, vec(16, I8))
    r = Val(vec(16, I8), "undef")
    for i in range(16):
        mi = b.extract(m, i)
        idx = b.and_(mi, const(I8, 15))
        e = b.op(I8, f"extractelement {a}, {idx}")
        neg = b.icmp("slt", mi, const(I8, 0))
        r = b.insert(r, b.select(neg, const(I8, 0), e), i)
    lf.set_xmm(dn, r)


@sem("pmovzxbw", "pmovzxbd", "pmovzxbq", "pmovzxwd", "pmovzxwq", "pmovzxdq",
     "pmovsxbw", "pmovsxbd", "pmovsxbq", "pmovsxwd", "pmovsxwq", "pmovsxdq")
def pmovx(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    m = insn.mnemonic
    sizes = {"b": (16, I8), "w": (8, I16), "d": (4, I32), "q": (2, I64)}
    nsrc, selt = sizes[m[-2]]
    nout, oelt = sizes[m[-1]]
    if src.type == x86.X86_OP_MEM:
        v = b.load(vec(nout, selt), lf.addr(src))
    else:
        full = xval(lf, src, vec(nsrc, selt))
        v = b.shuffle(full, full, list(range(nout)))
    ext = b.zext if m.startswith("pmovzx") else b.sext
    lf.set_xmm(dst_xmm(lf, dst), ext(v, vec(nout, oelt)))


@sem("ptest")
def ptest(lf, insn):
    b = lf.b
    a_op, c_op = _ops(insn)
    a = xval(lf, a_op, V2I64)
    c = xval(lf, c_op, V2I64)
    z = b.intrinsic("llvm.vector.reduce.or.v2i64", I64, [b.and_(a, c)])
    cc = b.intrinsic("llvm.vector.reduce.or.v2i64", I64,
                     [b.and_(b.xor(a, Val(V2I64, "<i64 -1, i64 -1>")), c)])
    lf.set_flag("zf", b.icmp("eq", z, const(I64, 0)))
    lf.set_flag("cf", b.icmp("eq", cc, const(I64, 0)))
    for f in ("of", "sf", "af", "pf"):
        lf.set_flag(f, const(I1, 0))
    lf.cmp_cache = None


def _unused():
    return SUBREGS


# ---------------------------------------------------------------- SSE4.1: rounding, blends, dot products
_ROUND_INTRINSIC = {0: "roundeven", 1: "floor", 2: "ceil", 3: "trunc"}


def _round(lf, v: Val, imm: int) -> Val:
    """roundss/sd/ps/pd of one element: imm[1:0] nearest-even, down, up, toward zero; imm[2]
    the current (MXCSR) mode, which is the target's own one (as for cvtsd2si); imm[3], the
    precision exception, has no effect here."""
    b = lf.b
    if "+soft-float" in lf.ctx.target.llvm_features:   # in integers: no libm call (x87.round_integral)
        r = round_integral(b, v, const(I16, 0 if imm & 4 else imm & 3))
    else:
        name = "rint" if imm & 4 else _ROUND_INTRINSIC[imm & 3]
        r = b.intrinsic(f"llvm.{name}.{'f32' if v.ty == F32 else 'f64'}", v.ty, [v])
    return x86_nan(lf, r, v)       # a NaN comes back quietened (RISC-V would give its canonical one)


@sem("roundss", "roundsd", "roundps", "roundpd")
def round_fp(lf, insn):
    b = lf.b
    dst, src, imm = _ops(insn)
    n, elt = FP[insn.mnemonic[-2:]]
    dn = dst_xmm(lf, dst)
    if insn.mnemonic in ("roundss", "roundsd"):
        set_low(lf, dn, _round(lf, scalar(lf, src, elt), imm.imm))
        return
    v = xval(lf, src, vec(n, elt))
    for i in range(n):
        v = b.insert(v, _round(lf, b.extract(v, i), imm.imm), i)
    lf.set_xmm(dn, v)


@sem("blendps", "blendpd", "pblendw")
def blend_imm(lf, insn):
    """Element i from the source where imm bit i is set."""
    dst, src, imm = _ops(insn)
    n, elt = {"blendps": (4, I32), "blendpd": (2, I64), "pblendw": (8, I16)}[insn.mnemonic]
    a, c = xval(lf, dst, vec(n, elt)), xval(lf, src, vec(n, elt))
    lf.set_xmm(dst_xmm(lf, dst), lf.b.shuffle(a, c, [n + i if imm.imm >> i & 1 else i for i in range(n)]))


@sem("blendvps", "blendvpd", "pblendvb")
def blend_var(lf, insn):
    """Element i from the source where the sign bit of xmm0's element i is set (xmm0 implicit)."""
    b = lf.b
    dst, src = _ops(insn)[:2]
    n, elt = {"blendvps": (4, I32), "blendvpd": (2, I64), "pblendvb": (16, I8)}[insn.mnemonic]
    vt = vec(n, elt)
    a, c = xval(lf, dst, vt), xval(lf, src, vt)
    mask = b.op(vec(n, I1), f"icmp slt {b.bitcast(lf.get_xmm(0), vt)}, zeroinitializer")
    lf.set_xmm(dst_xmm(lf, dst), b.select(mask, c, a))


@sem("extractps")
def extractps(lf, insn):
    b = lf.b
    dst, src, imm = _ops(insn)
    e = b.extract(xval(lf, src, vec(4, I32)), imm.imm & 3)
    if dst.type == x86.X86_OP_MEM:
        b.store(e, lf.addr(dst))
    else:
        lf.write(dst, b.zext(e, ity(dst.size * 8)))


@sem("insertps")
def insertps(lf, insn):
    """imm[7:6] picks the source element (a register; memory is one float), imm[5:4] the element
    it replaces, imm[3:0] the elements then zeroed."""
    b = lf.b
    dst, src, imm = _ops(insn)
    k = imm.imm
    dn = dst_xmm(lf, dst)
    if src.type == x86.X86_OP_MEM:
        e = b.load(I32, lf.addr(src))
    else:
        e = b.extract(xval(lf, src, vec(4, I32)), k >> 6 & 3)
    v = b.insert(b.bitcast(lf.get_xmm(dn), vec(4, I32)), e, k >> 4 & 3)
    zero = Val(vec(4, I32), "zeroinitializer")
    lf.set_xmm(dn, b.shuffle(v, zero, [4 if k >> i & 1 else i for i in range(4)]))


@sem("dpps", "dppd")
def dot_product(lf, insn):
    """imm[7:4] picks the products summed ((p0 + p1) + (p2 + p3)), imm[3:0] the elements that
    receive the sum (the others +0.0)."""
    b = lf.b
    dst, src, imm = _ops(insn)
    n, elt = FP[insn.mnemonic[-2:]]
    vt = vec(n, elt)
    a, c = xval(lf, dst, vt), xval(lf, src, vt)
    zero = fconst(elt, 0.0)
    prods = []
    for i in range(n):
        p = _fp_apply(lf, "mul", b.extract(a, i), b.extract(c, i))
        prods.append(p if imm.imm >> (4 + i) & 1 else zero)
    if n == 4:
        s = _fp_apply(lf, "add", _fp_apply(lf, "add", prods[0], prods[1]), _fp_apply(lf, "add", prods[2], prods[3]))
    else:
        s = _fp_apply(lf, "add", prods[0], prods[1])
    r = Val(vt, "zeroinitializer")
    for i in range(n):
        if imm.imm >> i & 1:
            r = b.insert(r, s, i)
    lf.set_xmm(dst_xmm(lf, dst), r)


@sem("mpsadbw")
def mpsadbw(lf, insn):
    """Eight sums of absolute differences: word i = sum over k < 4 of
    |dst[d + i + k] - src[s + k]|, with d = 4 * imm[2] and s = 4 * imm[1:0] (bytes)."""
    b = lf.b
    dst, src, imm = _ops(insn)
    d, s = 4 * (imm.imm >> 2 & 1), 4 * (imm.imm & 3)
    w = vec(8, I16)
    a = b.zext(xval(lf, dst, vec(16, I8)), vec(16, I16))
    c = b.zext(xval(lf, src, vec(16, I8)), vec(16, I16))
    total = Val(w, "zeroinitializer")
    for k in range(4):
        win = b.shuffle(a, a, [d + i + k for i in range(8)])
        ref = b.shuffle(c, c, [s + k] * 8)
        total = b.add(total, b.call(w, "@llvm.abs.v8i16", [b.sub(win, ref), const(I1, 0)]))
    lf.set_xmm(dst_xmm(lf, dst), total)


@sem("phminposuw")
def phminposuw(lf, insn):
    """Word 0: the smallest unsigned word; word 1: its lowest index; the rest zero."""
    b = lf.b
    dst, src = _ops(insn)
    v = xval(lf, src, vec(8, I16))
    best, idx = b.extract(v, 0), const(I16, 0)
    for i in range(1, 8):
        e = b.extract(v, i)
        lt = b.icmp("ult", e, best)
        best, idx = b.select(lt, e, best), b.select(lt, const(I16, i), idx)
    r = b.insert(b.insert(Val(vec(8, I16), "zeroinitializer"), best, 0), idx, 1)
    lf.set_xmm(dst_xmm(lf, dst), r)
