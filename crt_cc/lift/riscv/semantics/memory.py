"""Loads and stores (RV64I, F, D), fences.

A load through a GOT entry (``la`` in PIC code: ``auipc %got_pcrel_hi`` + ``ld %pcrel_lo``) or
an initial-exec TLS offset yields the value the linker would have put there, without a load.
"""

from __future__ import annotations

from ...ir import F32, I8, I16, I32, I64
from . import sem

# mnemonic -> (LLVM type, sign-extend?)
_LOADS = {"lb": (I8, True), "lh": (I16, True), "lw": (I32, True), "ld": (I64, True),
          "lbu": (I8, False), "lhu": (I16, False), "lwu": (I32, False)}
_STORES = {"sb": I8, "sh": I16, "sw": I32, "sd": I64}


@sem(*_LOADS)
def load(lf, insn) -> None:
    f = insn.f
    got = lf.ctx.lo_load_value(lf, insn)
    if got is not None:
        lf.set_x(f.rd, got)
        return
    ty, signed = _LOADS[insn.name]
    v = lf.b.load(ty, lf.mem(insn, f.rs1, f.imm))
    lf.set_x(f.rd, lf.b.resize(v, 64, signed=signed))


@sem(*_STORES)
def store(lf, insn) -> None:
    f = insn.f
    ty = _STORES[insn.name]
    lf.b.store(lf.b.resize(lf.x(f.rs2), int(ty[1:])), lf.mem(insn, f.rs1, f.imm))


@sem("flw", "fld")
def fload(lf, insn) -> None:
    f = insn.f
    p = lf.mem(insn, f.rs1, f.imm)
    if insn.name == "fld":
        lf.set_fbits(f.rd, lf.b.load(I64, p))
    else:
        lf.set_fs(f.rd, lf.b.bitcast(lf.b.load(I32, p), F32))


@sem("fsw", "fsd")
def fstore(lf, insn) -> None:
    f = insn.f
    p = lf.mem(insn, f.rs1, f.imm)
    if insn.name == "fsd":
        lf.b.store(lf.fbits(f.rs2), p)
    else:
        lf.b.store(lf.b.trunc(lf.fbits(f.rs2), I32), p)


@sem("fence")
def fence(lf, insn) -> None:
    lf.b.emit("fence seq_cst")


@sem("fence.i")
def fence_i(lf, insn) -> None:
    """Instruction-cache synchronisation: translated code is never modified at run time."""
