"""Static stack-frame recovery: rsp/rbp offsets and x87 depth per instruction.

A forward data-flow pass over the decoded function tracks, for each
instruction, rsp and rbp as offsets from the entry rsp (or ``None`` when a
value is only known at run time, e.g. after ``sub %rax, %rsp`` for a VLA) and
the x87 register-stack depth.  The lifter uses the offsets to address the
frame as ``getelementptr`` into an ``alloca`` - which is what lets LLVM turn
an -O0 function's stack slots into SSA values - while still keeping the run-time
rsp value correct for the dynamic cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import CrtError
from .regs import full_register

# x87 register-stack effect (pushes minus pops) by mnemonic.
X87_DELTA = {
    "fld": 1, "fild": 1, "fld1": 1, "fldz": 1, "fldpi": 1, "fldl2e": 1, "fldl2t": 1, "fldlg2": 1,
    "fldln2": 1, "fstp": -1, "fistp": -1, "fisttp": -1, "fbstp": -1, "faddp": -1, "fsubp": -1, "fsubrp": -1,
    "fmulp": -1, "fdivp": -1, "fdivrp": -1, "fcomp": -1, "fucomp": -1, "fcompp": -2, "fucompp": -2,
    "fcomip": -1, "fucomip": -1, "fcompi": -1, "fucompi": -1, "ficomp": -1, "fxch": 0, "fst": 0, "fist": 0, "fadd": 0, "fsub": 0,
    "fsubr": 0, "fmul": 0, "fdiv": 0, "fdivr": 0, "fchs": 0, "fabs": 0, "fsqrt": 0, "frndint": 0,
    "fcom": 0, "fucom": 0, "fcomi": 0, "fucomi": 0, "ftst": 0, "fxam": 0, "fnstcw": 0, "fldcw": 0,
    "fnstsw": 0, "fwait": 0, "wait": 0, "fiadd": 0, "fisub": 0, "fisubr": 0, "fimul": 0, "fidiv": 0,
    "fidivr": 0, "ficom": 0, "fcmovb": 0, "fcmove": 0, "fcmovbe": 0, "fcmovu": 0, "fcmovnb": 0,
    "fcmovne": 0, "fcmovnbe": 0, "fcmovnu": 0, "fscale": 0, "fprem": 0, "fprem1": 0, "fnclex": 0,
    "ffree": 0, "fninit": 0, "fincstp": -1, "fdecstp": 1, "fnop": 0, "fyl2x": -1, "fpatan": -1,
    "f2xm1": 0, "fsin": 0, "fcos": 0, "fptan": 1, "fsincos": 1, "fxtract": 1, "fstp1": -1,
}


@dataclass(frozen=True)
class FrameState:
    rsp: int | None
    rbp: int | None
    x87: int | None

    def merge(self, other: FrameState) -> FrameState:
        return FrameState(
            self.rsp if self.rsp == other.rsp else None,
            self.rbp if self.rbp == other.rbp else None,
            self.x87 if self.x87 == other.x87 else None,
        )


ENTRY = FrameState(0, None, 0)
ENTRY_ALIGN = 8      # entry rsp is 8 mod 64 in our frame (x86: 8 mod 16 after the call)


def _imm(op) -> int | None:
    from capstone import x86
    return op.imm if op.type == x86.X86_OP_IMM else None


def _regname(insn, op) -> str | None:
    from capstone import x86
    return insn.cs.reg_name(op.reg) if op.type == x86.X86_OP_REG else None


def step(insn, st: FrameState, x87_ret: bool) -> FrameState:
    """Effect of one instruction on the tracked frame state."""
    from capstone import x86
    m = insn.mnemonic
    cs = insn.cs
    ops = cs.operands
    rsp, rbp, depth = st.rsp, st.rbp, st.x87

    if m in X87_DELTA or (m.startswith("f") and m not in ("femms",)):
        if depth is not None:
            depth += X87_DELTA.get(m, 0)
    if m == "call" and x87_ret and depth is not None:
        depth += 1

    def add(v, d):
        return None if v is None else v + d

    if m in ("push", "pushfq", "pushq"):
        size = ops[0].size if ops else 8
        return FrameState(add(rsp, -size if m == "push" else -8), rbp, depth)
    if m in ("pop", "popfq"):
        size = ops[0].size if ops else 8
        dst = _regname(insn, ops[0]) if ops else None
        if dst == "rbp":
            rbp = None
        if dst == "rsp":
            return FrameState(None, rbp, depth)
        return FrameState(add(rsp, size), rbp, depth)
    if m in ("call", "notrack call", "bnd call") or m.startswith("ret") or m.endswith(" ret"):
        return FrameState(rsp, rbp, depth)          # the callee pops its return address
    if m == "leave":
        return FrameState(add(rbp, 8), None, depth)
    if m == "enter":
        size = _imm(ops[0]) or 0
        nrbp = add(rsp, -8)
        return FrameState(add(nrbp, -size), nrbp, depth)

    written = set()
    try:
        _, wr = cs.regs_access()
        written = {cs.reg_name(r) for r in wr}
    except Exception:   # capstone cannot tell: treat explicit destination only
        if ops and ops[0].type == x86.X86_OP_REG:
            written = {cs.reg_name(ops[0].reg)}
    # A write to any part of rsp/rbp (xor %ebp,%ebp; sete %bpl) ends what we knew about it.
    written = {full_register(r) for r in written}
    for reg in ("rsp", "rbp"):
        if reg not in written:
            continue
        new = None
        dst = _regname(insn, ops[0]) if ops else None
        if dst == reg and len(ops) == 2:
            src = ops[1]
            cur = rsp if reg == "rsp" else rbp
            if m in ("sub", "add") and _imm(src) is not None and cur is not None:
                new = cur - src.imm if m == "sub" else cur + src.imm
            elif m == "and" and _imm(src) is not None and cur is not None:
                mask = src.imm
                new = ((ENTRY_ALIGN + cur) & mask) - ENTRY_ALIGN if -64 <= mask < 0 else None
            elif m == "mov" and src.type == x86.X86_OP_REG:
                sname = cs.reg_name(src.reg)
                new = rsp if sname == "rsp" else rbp if sname == "rbp" else None
            elif m == "lea" and src.type == x86.X86_OP_MEM and not src.mem.index:
                bname = cs.reg_name(src.mem.base) if src.mem.base else None
                base = rsp if bname == "rsp" else rbp if bname == "rbp" else None
                new = None if base is None else base + src.mem.disp
        if reg == "rsp":
            rsp = new
        else:
            rbp = new
    return FrameState(rsp, rbp, depth)


def analyse(fn, blocks: dict[int, list], succs: dict[int, list[int]], x87_ret_calls: set[int]) -> dict[int, FrameState]:
    """Frame state *before* each instruction address, by fixpoint over the CFG."""
    state_in: dict[int, FrameState] = {fn.start: ENTRY}
    before: dict[int, FrameState] = {}
    work = [fn.start]
    while work:
        start = work.pop()
        st = state_in[start]
        for insn in blocks[start]:
            before[insn.addr] = st
            st = step(insn, st, insn.addr in x87_ret_calls)
        for s in succs.get(start, []):
            old = state_in.get(s)
            new = st if old is None else old.merge(st)
            if new != old:
                state_in[s] = new
                work.append(s)
    return before


def check_x87(fn, before: dict[int, FrameState], line_of) -> None:
    for insn in fn.insns:
        st = before.get(insn.addr)
        if st is not None and st.x87 is None and insn.mnemonic.startswith("f"):
            raise CrtError(f"x87 register-stack depth is not static at '{insn}' in '{fn.name}'",
                           None, line_of(insn))
