"""BMI1/BMI2: andn, bextr, blsi, blsmsk, blsr, bzhi, pdep, pext, rorx, sarx, shlx, shrx, mulx.

Operands are in Intel order (capstone's): ``andn r1, r2, r/m`` is ``r1 = ~r2 & r/m``.
32-bit destinations are zero-extended like every 32-bit write.  Flags follow the SDM's
"Flags Affected"; the undefined ones (AF, PF, and SF for bextr) get the logic-op values.
"""

from __future__ import annotations

from ..ir import I1, Val, bits_of, const, ity
from . import sem


def _ops(insn):
    return insn.cs.operands


def _flags(lf, r: Val, cf: Val, zf: Val | None = None) -> None:
    """SF/ZF from ``r`` (or ``zf``), the given CF, OF=0; AF/PF (undefined) as a logic op."""
    lf.flags_logic(r)
    lf.set_flag("cf", cf)
    if zf is not None:
        lf.set_flag("zf", zf)
    lf.cmp_cache = None


@sem("andn")
def andn(lf, insn):
    dst, s1, s2 = _ops(insn)
    bits = dst.size * 8
    r = lf.b.and_(lf.b.not_(lf.read(s1)), lf.read(s2, bits))
    lf.flags_logic(r)
    lf.write(dst, r)


@sem("bextr")
def bextr(lf, insn):
    """dst = (src >> ctl[7:0]) & ((1 << ctl[15:8]) - 1); start/length >= width saturate."""
    b = lf.b
    dst, src, ctl = _ops(insn)
    bits = dst.size * 8
    t = ity(bits)
    v = lf.read(src)
    c = lf.read(ctl)
    start = b.and_(c, const(t, 0xFF))
    length = b.and_(b.lshr(c, const(t, 8)), const(t, 0xFF))
    far_start = b.icmp("uge", start, const(t, bits))
    long = b.icmp("uge", length, const(t, bits))
    shifted = b.select(far_start, const(t, 0), b.lshr(v, b.select(far_start, const(t, 0), start)))
    short_mask = b.sub(b.shl(const(t, 1), b.select(long, const(t, 0), length)), const(t, 1))
    r = b.and_(shifted, b.select(long, const(t, -1), short_mask))
    _flags(lf, r, const(I1, 0))
    lf.write(dst, r)


@sem("blsi", "blsmsk", "blsr")
def bls(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    v = lf.read(src)
    t = v.ty
    z = const(t, 0)
    m = insn.mnemonic
    is0 = b.icmp("eq", v, z)
    if m == "blsi":                               # lowest set bit; CF = source != 0
        r = b.and_(v, b.sub(z, v))
        _flags(lf, r, b.not_(is0))
    elif m == "blsmsk":                           # mask up to the lowest set bit; ZF always 0
        r = b.xor(v, b.sub(v, const(t, 1)))
        _flags(lf, r, is0, zf=const(I1, 0))
    else:                                         # reset the lowest set bit
        r = b.and_(v, b.sub(v, const(t, 1)))
        _flags(lf, r, is0)
    lf.write(dst, r)


@sem("bzhi")
def bzhi(lf, insn):
    """Zero the bits from index ctl[7:0] up; CF = index > width - 1."""
    b = lf.b
    dst, src, idx = _ops(insn)
    bits = dst.size * 8
    v = lf.read(src)
    t = v.ty
    n = b.resize(b.and_(lf.read(idx, bits), const(t, 0xFF)), bits)
    out = b.icmp("uge", n, const(t, bits))
    keep = b.sub(b.shl(const(t, 1), b.select(out, const(t, 0), n)), const(t, 1))
    r = b.select(out, v, b.and_(v, keep))
    _flags(lf, r, out)
    lf.write(dst, r)


def _bit_loop(lf, src: Val, mask: Val, deposit: bool) -> Val:
    """pdep/pext: one iteration per set bit of ``mask`` (LLVM has no generic intrinsic)."""
    b = lf.b
    t = src.ty
    pre, head, body, done = b.cur, b.new_block(), b.new_block(), b.new_block()
    b.terminate(f"br label %{head.label}")
    b.position(head)
    m2, res2, k2 = b.tmp(), b.tmp(), b.tmp()
    m = b.op(t, f"phi {t} [{mask.ref}, %{pre.label}], [{m2}, %{body.label}]")
    res = b.op(t, f"phi {t} [0, %{pre.label}], [{res2}, %{body.label}]")
    k = b.op(t, f"phi {t} [1, %{pre.label}], [{k2}, %{body.label}]")     # the other side's bit
    b.terminate(f"br {b.icmp('eq', m, const(t, 0))}, label %{done.label}, label %{body.label}")
    b.position(body)
    low = b.and_(m, b.sub(const(t, 0), m))
    test, put = (k, low) if deposit else (low, k)
    hit = b.icmp("ne", b.and_(src, test), const(t, 0))
    b.emit(f"{res2} = or {res}, {b.select(hit, put, const(t, 0)).ref}")
    b.emit(f"{k2} = shl {k}, 1")
    b.emit(f"{m2} = and {m}, {b.sub(m, const(t, 1)).ref}")
    b.terminate(f"br label %{head.label}")
    b.position(done)
    return res


@sem("pdep", "pext")
def pdep(lf, insn):
    dst, src, mask = _ops(insn)
    bits = dst.size * 8
    lf.write(dst, _bit_loop(lf, lf.read(src), lf.read(mask, bits), insn.mnemonic == "pdep"))


@sem("rorx")
def rorx(lf, insn):
    dst, src, imm = _ops(insn)
    v = lf.read(src)
    c = const(v.ty, imm.imm & (bits_of(v.ty) - 1))
    lf.write(dst, lf.b.intrinsic(f"llvm.fshr.{v.ty}", v.ty, [v, v, c]))


@sem("sarx", "shlx", "shrx")
def shiftx(lf, insn):
    b = lf.b
    dst, src, cnt = _ops(insn)
    v = lf.read(src)
    bits = bits_of(v.ty)
    c = b.and_(lf.read(cnt, bits), const(v.ty, bits - 1))
    op = {"sarx": b.ashr, "shlx": b.shl, "shrx": b.lshr}[insn.mnemonic]
    lf.write(dst, op(v, c))


@sem("mulx")
def mulx(lf, insn):
    """hi:lo = edx/rdx * src, unsigned; the high half is written last (wins when hi == lo)."""
    b = lf.b
    hi, lo, src = _ops(insn)
    bits = hi.size * 8
    w = ity(2 * bits)
    d = lf.get_reg("rdx" if bits == 64 else "edx")
    p = b.mul(b.zext(d, w), b.zext(lf.read(src), w))
    lf.write(lo, b.trunc(p, ity(bits)))
    lf.write(hi, b.trunc(b.lshr(p, const(w, bits)), ity(bits)))
