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
from .regs import GPR_NAMES, X86_64, SourceMode, full_register

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
    # Other registers that hold a frame address, as sorted (register, offset) pairs: i386's
    # ``lea 4(%esp), %ecx; and $-16, %esp; ...; lea -4(%ecx), %esp`` in main, or a frame
    # pointer copied into another register.
    regs: tuple[tuple[str, int], ...] = ()

    def merge(self, other: FrameState) -> FrameState:
        return FrameState(
            self.rsp if self.rsp == other.rsp else None,
            self.rbp if self.rbp == other.rbp else None,
            self.x87 if self.x87 == other.x87 else None,
            tuple(sorted(set(self.regs) & set(other.regs))),
        )

    def offset_of(self, reg: str) -> int | None:
        """Frame offset a (full-width) register holds, when known."""
        if reg == "rsp":
            return self.rsp
        if reg == "rbp":
            return self.rbp
        return dict(self.regs).get(reg)


ENTRY = FrameState(0, None, 0)
ENTRY_ALIGN = X86_64.entry_align      # entry rsp is 8 mod 64 in our frame (x86: 8 mod 16 after the call)
# Registers a lifted call changes: the caller's other registers keep their values across it, since
# a translated callee hands back only rax/rdx (gcc's IPA-RA relies on the same for local callees).
CALL_CLOBBERED = {"rax", "rdx"}


# Instructions that write no general-purpose register (jcc is tested by its first letter), and
# ones that write none when their destination is memory (string moves are not in either set).
_NO_REGISTER_WRITES = frozenset({"cmp", "test", "jmp", "nop", "ucomisd", "ucomiss", "comisd", "comiss"})
_MEMORY_DESTINATION_ONLY = frozenset({"mov", "add", "sub", "and", "or", "xor", "inc", "dec", "neg", "not",
                                      "shl", "sal", "shr", "sar", "movaps", "movups", "movdqa", "movdqu",
                                      "movss", "movq", "movd", "movlps", "movhps", "movlpd", "movhpd"})


def _imm(op, size: int = 0) -> int | None:
    """An immediate operand, read as a signed ``size``-byte value (capstone gives i386's
    ``and $-16, %esp`` as 0xfffffff0)."""
    from capstone import x86
    if op.type != x86.X86_OP_IMM:
        return None
    v = op.imm
    if size and v >= 1 << (8 * size - 1):
        v -= 1 << (8 * size)
    return v


def _regname(insn, op) -> str | None:
    from capstone import x86
    return full_register(insn.cs.reg_name(op.reg)) if op.type == x86.X86_OP_REG else None


def step(insn, st: FrameState, x87_ret: bool, mode: SourceMode = X86_64, callee_pops: int = 0) -> FrameState:
    """Effect of one instruction on the tracked frame state.

    ``callee_pops``: bytes a called function pops besides its return address (``ret $4`` of an
    i386 function returning a struct through a hidden pointer).
    """
    from capstone import x86
    m = insn.mnemonic
    cs = insn.cs
    ops = cs.operands
    rsp, rbp, depth = st.rsp, st.rbp, st.x87
    regs = dict(st.regs)
    word = mode.word

    if m in X87_DELTA or (m.startswith("f") and m not in ("femms",)):
        if depth is not None:
            depth += X87_DELTA.get(m, 0)
    if m == "call" and x87_ret and depth is not None:
        depth += 1

    def add(v, d):
        return None if v is None else v + d

    def state(rsp_, rbp_):
        return FrameState(rsp_, rbp_, depth, tuple(sorted(regs.items())))

    if m in ("push", "pushfq", "pushq", "pushfd", "pushf"):
        size = ops[0].size if ops and m == "push" else word
        return state(add(rsp, -size), rbp)
    if m in ("pop", "popfq", "popfd", "popf"):
        size = ops[0].size if ops else word
        dst = _regname(insn, ops[0]) if ops else None
        regs.pop(dst, None)
        if dst == "rbp":
            rbp = None
        if dst == "rsp":
            return state(None, rbp)
        return state(add(rsp, size), rbp)
    if m in ("call", "notrack call", "bnd call"):
        for r in CALL_CLOBBERED:
            regs.pop(r, None)
        return state(add(rsp, callee_pops), rbp)
    if m.startswith("ret") or m.endswith(" ret"):
        return state(rsp, rbp)          # the callee pops its return address
    if m == "leave":
        return state(add(rbp, word), None)
    if m == "enter":
        size = _imm(ops[0]) or 0
        nrbp = add(rsp, -word)
        return state(add(nrbp, -size), nrbp)

    if m in _NO_REGISTER_WRITES or (m[0] == "j" and m != "jmp") or \
            (m in _MEMORY_DESTINATION_ONLY and ops and ops[0].type == x86.X86_OP_MEM):
        return state(rsp, rbp)          # the common case, without capstone's regs_access
    written = set()
    try:
        _, wr = cs.regs_access()
        written = {cs.reg_name(r) for r in wr}
    except Exception:   # capstone cannot tell: treat explicit destination only
        if ops and ops[0].type == x86.X86_OP_REG:
            written = {cs.reg_name(ops[0].reg)}
    # A write to any part of a register (xor %ebp,%ebp; sete %bpl) ends what we knew about it.
    written = {full_register(r) for r in written}
    cur = {"rsp": rsp, "rbp": rbp, **regs}
    dst = _regname(insn, ops[0]) if ops else None
    for reg in written:
        if reg not in ("rsp", "rbp") and reg not in regs and not (reg == dst and len(ops) == 2):
            continue
        new = None
        if dst == reg and len(ops) == 2 and ops[0].size == word:
            src = ops[1]
            old = cur.get(reg)
            imm = _imm(src, word)
            if m in ("sub", "add") and imm is not None and old is not None:
                new = old - imm if m == "sub" else old + imm
            elif m == "and" and imm is not None and old is not None:
                mask = imm
                align = mode.entry_align
                new = ((align + old) & mask) - align if -64 <= mask < 0 else None
            elif m == "mov" and src.type == x86.X86_OP_REG:
                new = cur.get(_regname(insn, src))
            elif m == "lea" and src.type == x86.X86_OP_MEM and not src.mem.index and src.mem.base \
                    and not insn.relocs:
                base = cur.get(full_register(cs.reg_name(src.mem.base)))
                new = None if base is None else base + src.mem.disp
        if reg == "rsp":
            rsp = new
        elif reg == "rbp":
            rbp = new
        elif new is None:
            regs.pop(reg, None)
        else:
            regs[reg] = new
    return state(rsp, rbp)


def _is_padding(insn) -> bool:
    """Alignment filler gcc puts after a call that does not return (``nop``, ``lea 0(%esi),%esi``)."""
    m = insn.mnemonic
    if m.startswith("nop") or m == "xchg" and insn.op_str in ("ax, ax", "%ax, %ax"):
        return True
    ops = insn.cs.operands
    return m == "lea" and len(ops) == 2 and ops[1].mem.disp == 0 and ops[1].mem.base == ops[0].reg \
        and not insn.relocs and insn.cs.reg_name(ops[1].mem.index or 0) in (None, "eiz", "riz")


def _ends_in_call(block: list) -> int | None:
    """Address of the call a block ends with (padding after it aside), else None."""
    for insn in reversed(block):
        if insn.mnemonic in ("call", "notrack call", "bnd call"):
            return insn.addr
        if not _is_padding(insn):
            return None
    return None


def is_indirect(insn) -> bool:
    """Whether a branch goes through a register or memory (``jmp *%rax``, ``call *8(%rbx)``)."""
    from capstone import x86
    ops = insn.cs.operands
    return bool(ops) and ops[0].type in (x86.X86_OP_REG, x86.X86_OP_MEM)


def _ends_in_indirect_jump(block: list) -> bool:
    """Whether a block ends with ``jmp *REG`` / ``jmp *MEM`` (its successors are every label)."""
    last = block[-1]
    return last.mnemonic.removeprefix("bnd ").removeprefix("notrack ") == "jmp" and is_indirect(last)


def analyse(fn, blocks: dict[int, list], succs: dict[int, list[int]], x87_ret_calls: set[int],
            mode: SourceMode = X86_64, callee_pops: dict[int, int] | None = None) -> dict[int, FrameState]:
    """Frame state *before* each instruction address, by fixpoint over the CFG.

    A call to a function that does not return (``luaX_syntaxerror``, declared noreturn in C) is
    followed by whatever block the compiler placed next, typically a branch target whose stack
    depth differs (i386 pushed the call's arguments): see :func:`_combine`.  The same holds for
    an indirect jump taken with the frame popped (rsp back at its entry value): the CFG gives it
    every code label of the function as a successor, but after ``add $0xf8, %rsp; pop ...;
    jmp *%rax`` it is a tail call through a function pointer, and the switch's case labels keep
    the depth of the switch's own dispatch.
    """
    pops = callee_pops or {}
    fall_call = {start: _ends_in_call(block) for start, block in blocks.items()}
    indirect = {start for start, block in blocks.items() if _ends_in_indirect_jump(block)}
    strong: dict[int, FrameState] = {}       # block -> merged state over the ordinary edges
    weak: dict[int, FrameState] = {}         # block -> merged state falling out of calls
    state_in: dict[int, FrameState] = {fn.start: ENTRY}
    strong[fn.start] = ENTRY
    before: dict[int, FrameState] = {}
    work = [fn.start]
    while work:
        start = work.pop()
        st = state_in[start]
        for insn in blocks[start]:
            before[insn.addr] = st
            st = step(insn, st, insn.addr in x87_ret_calls, mode, pops.get(insn.addr, 0))
        for s in succs.get(start, []):
            parts = weak if fall_call[start] is not None or (start in indirect and st.rsp == 0) else strong
            parts[s] = st if s not in parts else parts[s].merge(st)
            new = _combine(strong.get(s), weak.get(s))
            if new != state_in.get(s):
                state_in[s] = new
                work.append(s)
    return before


def _combine(strong: FrameState | None, weak: FrameState | None) -> FrameState:
    """A block's state from its ordinary predecessors and from calls falling into it.

    Where both stack depths are known and differ, the ordinary edges' depth is kept: gcc keeps
    the stack depth consistent wherever control merges and the depth is used, so a disagreeing
    call either does not return, or falls into code that does not use the depth before
    resetting it (`leave`).  Everything else (an unknown depth included) merges as usual."""
    if strong is None or weak is None:
        return strong or weak
    merged = strong.merge(weak)
    rsp = strong.rsp if strong.rsp is not None and weak.rsp is not None else merged.rsp
    x87 = strong.x87 if strong.x87 is not None and weak.x87 is not None else merged.x87
    return FrameState(rsp, merged.rbp, x87, merged.regs)


def check_x87(fn, before: dict[int, FrameState], line_of) -> None:
    for insn in fn.insns:
        st = before.get(insn.addr)
        if st is not None and st.x87 is None and insn.mnemonic.startswith("f"):
            raise CrtError(f"x87 register-stack depth is not static at '{insn}' in '{fn.name}'",
                           None, line_of(insn))


@dataclass
class StackControl:
    """The setjmp/longjmp idioms a function uses (lift/context.py translates them).

    ``saves``: instruction address -> register holding the jmp_buf, for the store of the
    function's own return address into memory (setjmp's ``mov (%rsp), %rdx; mov %rdx,
    56(%rdi)``).  ``switches``: the same for a load of the stack pointer from memory that is
    followed only by an indirect jump (longjmp's ``mov 48(%rdi), %rsp; jmp *56(%rdi)``).
    """
    saves: dict[int, str]
    switches: dict[int, str]


_TRANSFERS = ("j", "call", "ret", "loop", "ud2", "hlt", "int", "syscall", "sysenter")
# Registers that can hold a jmp_buf's address (not rsp, rip or a segment base).
_BUFFER_REGS = frozenset(GPR_NAMES) - {"rsp"}


def _writes(insn, reg: str) -> bool:
    """Does ``insn`` write any part of the full register ``reg``?"""
    try:
        written = insn.cs.regs_access()[1]
    except Exception:                       # capstone without details for it: assume it does
        return True
    return any(full_register(insn.cs.reg_name(r)) == reg for r in written)


def _saved_return_address(fn, k: int, reg: str, before: dict[int, FrameState]) -> tuple[int, str] | None:
    """After ``fn.insns[k]`` loaded the return address into ``reg``: the store that puts it into
    memory outside the frame and that register holding the destination, when that store is on
    the straight-line path from the function's entry (so it happens before every return)."""
    if any(i.mnemonic.startswith(_TRANSFERS) for i in fn.insns[:k]) or fn.insns[0].addr != fn.start:
        return None
    for insn in fn.insns[k + 1:]:
        ops = insn.cs.operands
        if insn.mnemonic == "mov" and len(ops) == 2 and ops[0].type == 3 and ops[1].type == 1 \
                and full_register(insn.cs.reg_name(ops[1].reg)) == reg and ops[0].mem.base \
                and not ops[0].mem.index:
            base = full_register(insn.cs.reg_name(ops[0].mem.base))
            st = before.get(insn.addr)
            if st is None or st.offset_of(base) is not None or base not in _BUFFER_REGS:
                return None          # into the frame, or a global (`mov %rax, g(%rip)`)
            return insn.addr, base
        if insn.mnemonic.startswith(_TRANSFERS) or _writes(insn, reg):
            return None
    return None


def _switch_then_jump(fn, k: int) -> bool:
    """After the stack-pointer load ``fn.insns[k]``: only loads that leave %rax alone, then an
    indirect jump (to the saved return address)."""
    for insn in fn.insns[k + 1:]:
        ops = insn.cs.operands
        if insn.mnemonic == "jmp":
            return bool(ops) and ops[0].type in (1, 3)
        if insn.mnemonic.startswith(_TRANSFERS) or _writes(insn, "rax"):
            return False
    return False


def check_stack_control(fn, before: dict[int, FrameState], error) -> StackControl:
    """Find code that takes over the machine stack itself: loading the stack pointer from memory
    (longjmp, coroutine and context-switch code: ``mov 48(%rdi), %rsp``) and reading the
    caller's return address from the stack (setjmp's ``mov (%rsp), %rdx``,
    ``__builtin_return_address``).  A translation whose frames are LLVM's can express these only
    as what they are for: saving and restoring the native machine context (lift/context.py),
    which the setjmp and longjmp idioms of ``StackControl`` allow.  Any other use gets a
    diagnostic at its line instead of translated code that cannot work."""
    control = StackControl({}, {})
    for k, insn in enumerate(fn.insns):
        st = before.get(insn.addr)
        ops = insn.cs.operands
        if not ops or insn.mnemonic.startswith(("push", "pop", "call", "ret", "lea", "nop")):
            continue
        dst = ops[0]
        if insn.mnemonic in ("mov", "xchg") or insn.mnemonic.startswith("cmov"):
            src = ops[1] if len(ops) == 2 else None
            # gcc restores the stack pointer it saved in its own frame around a VLA's scope
            # (`mov -24(%rbp), %rsp`): that one is a frame slot, a stack switch is not.
            in_frame = src is not None and src.type == 3 and src.mem.base and st is not None \
                and st.offset_of(full_register(insn.cs.reg_name(src.mem.base))) is not None
            if dst.type == 1 and full_register(insn.cs.reg_name(dst.reg)) == "rsp" and src is not None \
                    and src.type == 3 and not in_frame:
                if insn.mnemonic == "mov" and src.mem.base and not src.mem.index and _switch_then_jump(fn, k) \
                        and full_register(insn.cs.reg_name(src.mem.base)) in _BUFFER_REGS:
                    control.switches[insn.addr] = full_register(insn.cs.reg_name(src.mem.base))
                    continue
                raise error(f"the stack pointer is loaded from memory ('{insn}'): switching stacks "
                            "other than longjmp's 'mov OFF(%reg), %rsp; jmp *...' (coroutines, context "
                            "switches) cannot be translated statically; use the target C library's "
                            "setjmp/longjmp or ucontext", insn)
        if st is None:
            continue
        for op in ops:
            if op.type != 3 or not op.mem.base or op.mem.index or not op.access & 1:
                continue
            base = st.offset_of(full_register(insn.cs.reg_name(op.mem.base)))
            if base is not None and base + op.mem.disp == 0 and op.size >= 4:
                saved = None
                if insn.mnemonic == "mov" and dst.type == 1 and op is ops[1]:
                    saved = _saved_return_address(fn, k, full_register(insn.cs.reg_name(dst.reg)), before)
                if saved is None:
                    raise error(f"'{insn}' reads the return address from the stack: code that inspects "
                                "its caller's return address (__builtin_return_address) cannot be "
                                "translated statically; saving it into memory is supported only as "
                                "setjmp does, on the straight-line path from the entry", insn)
                control.saves[saved[0]] = saved[1]
    return control
