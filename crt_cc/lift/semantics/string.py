"""String instructions (movs/stos/lods/cmps/scas) with rep/repe/repne.

The pointers step by +size, or by -size when DF is set (``std``).  DF is 0 on
function entry (the ABI state), so in code without ``std``/``popf`` LLVM folds the
step to a constant and nothing is paid for it.
"""

from __future__ import annotations

from ..ir import I64, const, ity
from ..regs import RCX, RDI, RSI
from . import sem

SIZES = {"b": 1, "w": 2, "d": 4, "q": 8}
ACC = {1: "al", 2: "ax", 4: "eax", 8: "rax"}


def _size(insn, base: str) -> int:
    m = insn.mnemonic.split()[-1]
    return SIZES[m[len(base):]]


def _one(lf, kind: str, size: int):
    """One iteration's effect; returns (a, b) compared values for cmps/scas."""
    b = lf.b
    t = ity(size * 8)
    step = b.select(lf.get_flag("df"), const(I64, -size), const(I64, size))
    res = None
    if kind == "movs":
        v = b.load(t, b.inttoptr(lf.get64(RSI)))
        b.store(v, b.inttoptr(lf.get64(RDI)))
        lf.set64(RSI, b.add(lf.get64(RSI), step))
        lf.set64(RDI, b.add(lf.get64(RDI), step))
    elif kind == "stos":
        b.store(lf.get_reg(ACC[size]), b.inttoptr(lf.get64(RDI)))
        lf.set64(RDI, b.add(lf.get64(RDI), step))
    elif kind == "lods":
        lf.set_reg(ACC[size], b.load(t, b.inttoptr(lf.get64(RSI))))
        lf.set64(RSI, b.add(lf.get64(RSI), step))
    elif kind == "cmps":
        x = b.load(t, b.inttoptr(lf.get64(RSI)))
        y = b.load(t, b.inttoptr(lf.get64(RDI)))
        lf.set64(RSI, b.add(lf.get64(RSI), step))
        lf.set64(RDI, b.add(lf.get64(RDI), step))
        res = (x, y)
    elif kind == "scas":
        x = lf.get_reg(ACC[size])
        y = b.load(t, b.inttoptr(lf.get64(RDI)))
        lf.set64(RDI, b.add(lf.get64(RDI), step))
        res = (x, y)
    if res is not None:
        lf.flags_sub(res[0], res[1], b.sub(res[0], res[1]))
    return res


def _string(lf, insn, kind: str):
    b = lf.b
    size = _size(insn, kind)
    prefix = insn.mnemonic.split()[0] if " " in insn.mnemonic else None
    if prefix is None:
        _one(lf, kind, size)
        lf.cmp_cache = None
        return
    head, body, done = b.new_block(), b.new_block(), b.new_block()
    b.terminate(f"br label %{head.label}")
    b.position(head)
    rcx = lf.get64(RCX)
    b.terminate(f"br {b.icmp('eq', rcx, const(I64, 0))}, label %{done.label}, label %{body.label}")
    b.position(body)
    res = _one(lf, kind, size)
    lf.set64(RCX, b.sub(lf.get64(RCX), const(I64, 1)))
    if res is not None and prefix in ("repe", "repz", "repne", "repnz"):
        eq = b.icmp("eq", res[0], res[1])
        stop = b.not_(eq) if prefix in ("repe", "repz") else eq
        more = b.new_block()
        b.terminate(f"br {stop}, label %{done.label}, label %{more.label}")
        b.position(more)
    b.terminate(f"br label %{head.label}")
    b.position(done)
    lf.cmp_cache = None


def _register():
    for kind in ("movs", "stos", "lods", "cmps", "scas"):
        for sfx in SIZES:
            m = kind + sfx
            for pre in ("", "rep ", "repe ", "repz ", "repne ", "repnz "):
                if pre + m in ("movsd", "cmpsd"):
                    continue            # shared with SSE movsd/cmpsd, which dispatch by operand kind
                sem(pre + m)(lambda lf, insn, kind=kind: _string(lf, insn, kind))


_register()
