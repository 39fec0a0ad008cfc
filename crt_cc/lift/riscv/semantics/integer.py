"""RV64I register/immediate arithmetic and the M extension.

Tables map each mnemonic to the LLVM operation; W forms work on the low 32 bits and
sign-extend the result.  Division never traps on RISC-V: x/0 is all ones, x%0 is x, and the
overflowing MIN/-1 gives MIN (remainder 0), so the divisor is made safe before LLVM sees it.
"""

from __future__ import annotations

from ...ir import I32, I64, I128, const
from . import sem

# mnemonic -> (LLVM binop, immediate form?, 32-bit?)
_BINOPS = {
    "add": ("add", False, False), "sub": ("sub", False, False), "and": ("and", False, False),
    "or": ("or", False, False), "xor": ("xor", False, False),
    "addi": ("add", True, False), "andi": ("and", True, False), "ori": ("or", True, False),
    "xori": ("xor", True, False),
    "addw": ("add", False, True), "subw": ("sub", False, True), "addiw": ("add", True, True),
    "mul": ("mul", False, False), "mulw": ("mul", False, True),
}
# mnemonic -> (LLVM shift, immediate form?, 32-bit?)
_SHIFTS = {
    "sll": ("shl", False, False), "srl": ("lshr", False, False), "sra": ("ashr", False, False),
    "slli": ("shl", True, False), "srli": ("lshr", True, False), "srai": ("ashr", True, False),
    "sllw": ("shl", False, True), "srlw": ("lshr", False, True), "sraw": ("ashr", False, True),
    "slliw": ("shl", True, True), "srliw": ("lshr", True, True), "sraiw": ("ashr", True, True),
}
_COMPARES = {"slt": ("slt", False), "sltu": ("ult", False), "slti": ("slt", True), "sltiu": ("ult", True)}


def _operands(lf, insn, imm: bool, w: bool):
    f = insn.f
    if w:
        a = lf.xw(f.rs1)
        return a, const(I32, f.imm) if imm else lf.xw(f.rs2)
    a = lf.x(f.rs1)
    if imm:
        tgt = lf.ctx.lo_target(lf, insn)          # addi rd, rs, %lo(sym) / %pcrel_lo(...)
        if tgt is not None:
            return None, lf.b.ptrtoint(tgt)
        return a, const(I64, f.imm)
    return a, lf.x(f.rs2)


@sem(*_BINOPS)
def binop(lf, insn) -> None:
    op, imm, w = _BINOPS[insn.name]
    a, c = _operands(lf, insn, imm, w)
    if a is None:                                 # a relocated %lo: the whole address
        lf.set_x(insn.f.rd, c)
        return
    r = lf.b.bin(op, a, c)
    (lf.set_xw if w else lf.set_x)(insn.f.rd, r)


@sem(*_SHIFTS)
def shift(lf, insn) -> None:
    op, imm, w = _SHIFTS[insn.name]
    b = lf.b
    f = insn.f
    bits = 32 if w else 64
    ty = I32 if w else I64
    a = lf.xw(f.rs1) if w else lf.x(f.rs1)
    n = const(ty, f.imm & (bits - 1)) if imm else b.and_(b.resize(lf.x(f.rs2), bits), const(ty, bits - 1))
    r = b.bin(op, a, n)
    (lf.set_xw if w else lf.set_x)(f.rd, r)


@sem(*_COMPARES)
def compare(lf, insn) -> None:
    pred, imm = _COMPARES[insn.name]
    b = lf.b
    f = insn.f
    other = const(I64, f.imm) if imm else lf.x(f.rs2)
    lf.set_x(f.rd, b.zext(b.icmp(pred, lf.x(f.rs1), other), I64))


@sem("lui")
def lui(lf, insn) -> None:
    tgt = lf.ctx.hi_value(lf, insn)
    lf.set_x(insn.f.rd, tgt if tgt is not None else const(I64, insn.f.imm))


@sem("auipc")
def auipc(lf, insn) -> None:
    """With a %pcrel_hi/%got_pcrel_hi/call relocation: the symbol's address (the paired %pcrel_lo
    instruction uses the symbol directly).  Without one: a code address of this function."""
    v = lf.ctx.hi_value(lf, insn)
    if v is None:
        v = lf.ctx.pc_relative(lf, insn.addr + insn.f.imm)
    lf.set_x(insn.f.rd, v)


@sem("mulh", "mulhu", "mulhsu")
def mulh(lf, insn) -> None:
    b = lf.b
    f = insn.f
    sa = insn.name in ("mulh", "mulhsu")
    sb = insn.name == "mulh"
    a = b.resize(lf.x(f.rs1), 128, signed=sa)
    c = b.resize(lf.x(f.rs2), 128, signed=sb)
    lf.set_x(f.rd, b.trunc(b.lshr(b.mul(a, c), const(I128, 64)), I64))


@sem("div", "divu", "rem", "remu", "divw", "divuw", "remw", "remuw")
def divide(lf, insn) -> None:
    b = lf.b
    f = insn.f
    name = insn.name
    w = name.endswith("w")
    ty = I32 if w else I64
    bits = 32 if w else 64
    signed = name in ("div", "rem", "divw", "remw")
    rem = name.startswith("rem")
    a = lf.xw(f.rs1) if w else lf.x(f.rs1)
    d = lf.xw(f.rs2) if w else lf.x(f.rs2)
    zero = b.icmp("eq", d, const(ty, 0))
    bad = zero
    if signed:
        ovf = b.and_(b.icmp("eq", a, const(ty, -(1 << (bits - 1)))), b.icmp("eq", d, const(ty, -1)))
        bad = b.or_(zero, ovf)
    safe = b.select(bad, const(ty, 1), d)
    op = ("srem" if signed else "urem") if rem else ("sdiv" if signed else "udiv")
    r = b.bin(op, a, safe)
    if rem:
        # x % 0 == x; MIN % -1 == 0 (the safe divisor 1 gives 0 there already)
        r = b.select(zero, a, r)
    else:
        # x / 0 == -1; MIN / -1 == MIN (the safe divisor 1 gives MIN there already)
        r = b.select(zero, const(ty, -1), r)
    (lf.set_xw if w else lf.set_x)(f.rd, r)
