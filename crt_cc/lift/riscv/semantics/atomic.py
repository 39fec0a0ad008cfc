"""The A extension: AMOs as LLVM ``atomicrmw``, LR/SC as a ``cmpxchg`` against the value LR saw.

All orderings are sequentially consistent (a superset of any aq/rl combination).  SC succeeds when
its address is the reserved one and memory still holds the value LR loaded; the classic
LR/SC loops that gcc emits for compare-and-swap keep their meaning.
"""

from __future__ import annotations

from ...ir import I1, I32, I64, const
from . import sem

_RMW = {"amoswap": "xchg", "amoadd": "add", "amoxor": "xor", "amoand": "and", "amoor": "or",
        "amomin": "min", "amomax": "max", "amominu": "umin", "amomaxu": "umax"}


def _ty(insn) -> str:
    return I32 if insn.name.endswith(".w") else I64


@sem(*(f"{op}.{w}" for op in _RMW for w in "wd"))
def amo(lf, insn) -> None:
    b = lf.b
    f = insn.f
    ty = _ty(insn)
    p = b.inttoptr(lf.x(f.rs1))
    v = b.resize(lf.x(f.rs2), int(ty[1:]))
    old = b.op(ty, f"atomicrmw {_RMW[insn.name.split('.')[0]]} ptr {p.ref}, {v} seq_cst, align {int(ty[1:]) // 8}")
    lf.set_x(f.rd, b.sext(old, I64))


@sem("lr.w", "lr.d")
def lr(lf, insn) -> None:
    b = lf.b
    f = insn.f
    ty = _ty(insn)
    addr = lf.x(f.rs1)
    v = b.op(ty, f"load atomic {ty}, ptr {b.inttoptr(addr).ref} seq_cst, align {int(ty[1:]) // 8}")
    v64 = b.sext(v, I64)
    b.store(addr, lf.res_addr, 8)
    b.store(v64, lf.res_val, 8)
    lf.set_x(f.rd, v64)


@sem("sc.w", "sc.d")
def sc(lf, insn) -> None:
    b = lf.b
    f = insn.f
    ty = _ty(insn)
    addr = lf.x(f.rs1)
    new = b.resize(lf.x(f.rs2), int(ty[1:]))
    ok_addr = b.icmp("eq", b.load(I64, lf.res_addr, 8), addr)
    try_blk, done = b.new_block(), b.new_block()
    start = b.cur
    b.terminate(f"br {ok_addr}, label %{try_blk.label}, label %{done.label}")
    b.position(try_blk)
    expected = b.trunc(b.load(I64, lf.res_val, 8), ty) if ty == I32 else b.load(I64, lf.res_val, 8)
    pair = b.op(f"{{ {ty}, i1 }}", f"cmpxchg ptr {b.inttoptr(addr).ref}, {expected}, {new} seq_cst seq_cst, "
                f"align {int(ty[1:]) // 8}")
    won = b.extractvalue(pair, 1, I1)
    b.terminate(f"br label %{done.label}")
    b.position(done)
    ok = b.op(I1, f"phi i1 [ false, %{start.label} ], [ {won.ref}, %{try_blk.label} ]")
    b.store(const(I64, -1), lf.res_addr, 8)
    lf.set_x(f.rd, b.zext(b.xor(ok, const(I1, 1)), I64))
