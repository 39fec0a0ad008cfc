"""Branches, jumps, calls and returns (as classified by :mod:`..analysis`), ecall, ebreak, CSRs."""

from __future__ import annotations

from ...ir import I64, const
from .. import calls, syscalls
from . import sem

_BRANCH = {"beq": "eq", "bne": "ne", "blt": "slt", "bge": "sge", "bltu": "ult", "bgeu": "uge"}


@sem(*_BRANCH)
def branch(lf, insn) -> None:
    f = insn.f
    c = lf.info.control[insn.addr]
    lf.branch(lf.b.icmp(_BRANCH[insn.name], lf.x(f.rs1), lf.x(f.rs2)), c.target)


@sem("jal", "jalr")
def jump(lf, insn) -> None:
    c = lf.info.control.get(insn.addr)
    kind = c.kind
    if kind == "jump":
        lf.b.terminate(f"br label {lf.target_label(c.target)}")
    elif kind == "ret":
        lf.ret()
    elif kind in ("call", "tail"):
        calls.direct_call(lf, c.callee, tail=kind == "tail")
    elif kind == "icall":
        calls.pointer_call(lf, lf.x(insn.f.rs1), tail=False)
    elif kind == "ijump":
        v = lf.x(insn.f.rs1)
        if insn.f.imm:
            v = lf.b.add(v, const(I64, insn.f.imm))
        lf.ctx.indirect_jump(lf, v)
    else:
        raise lf.unsupported()


@sem("ebreak")
def ebreak(lf, insn) -> None:
    lf.trap()


@sem("ecall")
def ecall(lf, insn) -> None:
    syscalls.lower_ecall(lf)


# fflags, frm, fcsr share one register: flags are not computed (they are only read by fenv code
# that saves and restores them), the rounding mode is kept but not followed.
_FCSR = {1: (0x1F, 0), 2: (0x7, 5), 3: (0xFF, 0)}
_COUNTERS = {0xC00, 0xC01, 0xC02}                   # cycle, time, instret


@sem("csrrw", "csrrs", "csrrc", "csrrwi", "csrrsi", "csrrci")
def csr(lf, insn) -> None:
    b = lf.b
    f = insn.f
    if f.csr in _COUNTERS and insn.name in ("csrrs", "csrrsi") and f.rs1 == 0:
        lf.set_x(f.rd, b.intrinsic("llvm.readcyclecounter", I64, []))
        return
    if f.csr not in _FCSR:
        raise lf.unsupported(f"control and status register {f.csr:#x}")
    mask, shift = _FCSR[f.csr]
    whole = b.load(I64, lf.fcsr, 8)
    old = b.and_(b.lshr(whole, const(I64, shift)), const(I64, mask))
    src = const(I64, f.rs1) if insn.name.endswith("i") else lf.x(f.rs1)
    op = insn.name.removesuffix("i")
    if op == "csrrw":
        new = src
    elif op == "csrrs":
        new = b.or_(old, src)
    else:
        new = b.and_(old, b.not_(src))
    if op == "csrrw" or f.rs1 != 0:
        new = b.shl(b.and_(new, const(I64, mask)), const(I64, shift))
        kept = b.and_(whole, const(I64, ~(mask << shift)))
        b.store(b.or_(kept, new), lf.fcsr, 8)
    lf.set_x(f.rd, old)
