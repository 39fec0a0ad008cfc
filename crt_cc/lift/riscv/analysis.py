"""Control flow and register facts of one RISC-V function, before it is lifted.

Three things are computed per function, once, so that callers can ask about callees too:

* **Control**: what each control-transfer instruction is (branch, jump, call, tail call, return,
  indirect jump) -- ``call f`` is an ``auipc``/``jalr`` pair joined by one ``R_RISCV_CALL_PLT``.
* **CFG**: basic blocks and successors; an indirect jump may reach the function's jump-table
  labels (:meth:`RvModuleLifter.labels_in`).
* **Register facts**: a forward data-flow over the CFG of what each integer register holds:
  ``("sp", k)`` the entry stack pointer plus ``k``, ``("c", v)`` a constant, ``("addr", sec, off)``
  a data address, ``("arg", r)`` the untouched incoming argument register ``r``, ``("ret", a)``
  the untouched result of the native call at ``a``.  Frame addresses become static ``getelementptr``
  into the frame (so LLVM promotes -O0 stack slots), constants give ``ecall`` numbers, data
  addresses give printf formats, and the argument/result origins feed :func:`int32_classes`.

Calls clobber only a0/a1 (and ra) here: translated callees hand back a0/a1/fa0/fa1 and nothing
else, which is also what gcc's IPA-RA assumes of a local callee.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...frontend.riscv import RvFunction, RvInsn
from ...frontend.riscv_isa import A0, A7, RA, SP

BRANCHES = {"beq", "bne", "blt", "bge", "bltu", "bgeu"}
LOADS = {"lb": 1, "lh": 2, "lw": 4, "ld": 8, "lbu": 1, "lhu": 2, "lwu": 4, "flw": 4, "fld": 8}
STORES = {"sb": 1, "sh": 2, "sw": 4, "sd": 8, "fsw": 4, "fsd": 8}
_NO_DEST = BRANCHES | set(STORES) | {"fence", "fence.i", "ebreak", "flw", "fld"}
_FP_TO_INT = ("fcvt.w", "fcvt.l", "fmv.x", "fclass", "feq", "flt", "fle")


def writes_x(insn: RvInsn) -> int | None:
    """The integer register an instruction writes (None: none, or only an FP register)."""
    n = insn.name
    if n == "ecall":
        return A0
    if n in _NO_DEST or (n.startswith("f") and not n.startswith(_FP_TO_INT)):
        return None
    return insn.f.rd or None


@dataclass(frozen=True)
class Control:
    kind: str                      # branch jump call tail icall ijump ret trap
    target: int | None = None      # branch/jump: address in the function
    callee: object = None          # call/tail: an RvFunction or an external symbol name


Fact = tuple | None


@dataclass
class FunctionInfo:
    """Everything the lifter and the callers of a function need to know about it."""

    fn: RvFunction
    control: dict[int, Control] = field(default_factory=dict)
    blocks: dict[int, list[RvInsn]] = field(default_factory=dict)
    succs: dict[int, list[int]] = field(default_factory=dict)
    before: dict[int, dict[int, Fact]] = field(default_factory=dict)   # insn addr -> register facts
    min_off: int = 0               # lowest frame offset used (entry sp = 0)
    arg_bytes: int = 0             # incoming stack-argument bytes read
    arg_escape: bool = False       # the address of the incoming area (or va save area) escapes
    variadic: bool = False
    returns_f128: bool = False     # a long double result (a0:a1 on RISC-V, q0 on AArch64)
    arg_class: dict[int, str] = field(default_factory=dict)    # a0-a7 -> i32 | i64 | amb
    ret_class: dict[int, str] = field(default_factory=dict)    # native call addr -> i32 | i64 | amb
    evidence: dict[tuple, set[str]] = field(default_factory=dict)

    @property
    def stack_words(self) -> int:
        return (self.arg_bytes + 7) // 8


# --------------------------------------------------------------------------- control + CFG

def classify(ctx, fn: RvFunction) -> dict[int, Control]:
    """Control kind of every control-transfer instruction of ``fn``."""
    out: dict[int, Control] = {}
    insns = fn.insns
    for i, insn in enumerate(insns):
        n, f = insn.name, insn.f
        if n in BRANCHES:
            tgt = ctx.branch_target(fn, insn)
            if tgt is None:
                raise ctx.error_at(fn, insn, f"conditional branch out of function '{fn.name}'")
            out[insn.addr] = Control("branch", tgt)
        elif n == "jal":
            where = ctx.jump_destination(fn, insn)
            if f.rd == 0:
                out[insn.addr] = Control("jump", where) if isinstance(where, int) else Control("tail", None, where)
            elif f.rd == RA and not isinstance(where, int):
                out[insn.addr] = Control("call", None, where)
            else:
                raise ctx.unsupported_at(fn, insn, "a link register other than ra, or a call into a function")
        elif n == "jalr":
            prev = insns[i - 1] if i else None
            callee = ctx.call_pair_target(fn, prev, insn) if prev is not None and prev.name == "auipc" \
                and prev.f.rd == f.rs1 and prev.end == insn.addr else None
            if callee is not None:
                if f.rd not in (0, RA):
                    raise ctx.unsupported_at(fn, insn, "a link register other than ra")
                out[insn.addr] = Control("call" if f.rd == RA else "tail", None, callee)
            elif f.rd == 0 and f.rs1 == RA and f.imm == 0:
                out[insn.addr] = Control("ret")
            elif f.rd == 0:
                out[insn.addr] = Control("ijump")
            elif f.rd == RA:
                out[insn.addr] = Control("icall")
            else:
                raise ctx.unsupported_at(fn, insn, "a link register other than ra")
        elif n == "ebreak":
            out[insn.addr] = Control("trap")
    return out


def build_cfg(ctx, info: FunctionInfo) -> None:
    fn = info.fn
    addrs = {i.addr for i in fn.insns}
    leaders = {fn.start}
    for insn in fn.insns:
        c = info.control.get(insn.addr)
        if c is None or c.kind in ("call", "icall"):
            continue
        if c.target is not None:
            if c.target not in addrs:
                raise ctx.error_at(fn, insn, f"branch into the middle of an instruction at {c.target:#x}")
            leaders.add(c.target)
        leaders.add(insn.end)
    labels = ctx.labels_in(fn)
    for label in labels:
        if label not in addrs:
            raise ctx.error_at(fn, fn.insns[0], f"jump-table entry points into the middle of an "
                               f"instruction ({label:#x})")
        leaders.add(label)
    cur: list[RvInsn] = []
    for insn in fn.insns:
        if insn.addr in leaders:
            cur = []
            info.blocks[insn.addr] = cur
        cur.append(insn)
    for start, block in info.blocks.items():
        last = block[-1]
        c = info.control.get(last.addr)
        nxt = [last.end] if last.end in info.blocks else []
        if c is None or c.kind in ("call", "icall"):
            info.succs[start] = nxt
        elif c.kind == "branch":
            info.succs[start] = [c.target, *nxt]
        elif c.kind == "jump":
            info.succs[start] = [c.target]
        elif c.kind == "ijump":
            info.succs[start] = list(labels)
        else:
            info.succs[start] = []


# --------------------------------------------------------------------------- register facts

def _sext32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >> 31 else v


def _wrap64(v: int) -> int:
    v &= (1 << 64) - 1
    return v - (1 << 64) if v >> 63 else v


_NARROW_LOADS = {"lb": (8, True), "lbu": (8, False), "lh": (16, True), "lhu": (16, False)}


def transfer(ctx, fn: RvFunction, insn: RvInsn, st: dict[int, Fact], control: Control | None) -> dict[int, Fact]:
    """Register facts after ``insn`` given the facts before it."""
    st = dict(st)
    if control is not None and control.kind in ("call", "icall"):
        native = control.kind == "icall" or not isinstance(control.callee, RvFunction)
        st[A0] = ("ret", insn.addr) if native else None
        st.pop(A0 + 1, None)
        st.pop(RA, None)
        return st
    rd = writes_x(insn)
    if rd is None:
        return st
    f = insn.f
    n = insn.name
    get = lambda r: ("c", 0) if r == 0 else st.get(r)     # noqa: E731
    new: Fact = None
    addr = ctx.materialised_address(fn, insn)
    if addr is not None:
        new = addr
    elif n in _NARROW_LOADS:
        new = ("nl", *_NARROW_LOADS[n])
    elif n in ("addi", "addiw"):
        s = get(f.rs1)
        if s is not None and f.imm == 0 and (n == "addi" or s[0] in ("arg", "ret")):
            new = s                                   # mv; sext.w keeps an argument's identity
        elif s is not None and s[0] == "c":
            new = ("c", _sext32(s[1] + f.imm) if n == "addiw" else _wrap64(s[1] + f.imm))
        elif s is not None and s[0] == "sp" and n == "addi":
            new = ("sp", s[1] + f.imm)
        elif s is not None and s[0] == "addr" and n == "addi" and not insn.relocs:
            new = ("addr", s[1], s[2] + f.imm)
    elif n in ("add", "sub"):
        a, b = get(f.rs1), get(f.rs2)
        if n == "add" and a == ("c", 0):
            new = b
        elif b == ("c", 0):
            new = a
        elif a is not None and b is not None and a[0] == "sp" and b[0] == "c":
            new = ("sp", a[1] + b[1] if n == "add" else a[1] - b[1])
        elif n == "add" and a is not None and b is not None and a[0] == "c" and b[0] == "sp":
            new = ("sp", a[1] + b[1])
        elif a is not None and b is not None and a[0] == "c" and b[0] == "c":
            new = ("c", _wrap64(a[1] + b[1] if n == "add" else a[1] - b[1]))
    elif n == "lui" and not insn.relocs:
        new = ("c", f.imm)
    elif n == "andi":
        s = get(f.rs1)
        if f.imm == 255:
            new = ("nl", 8, False)
        elif s is not None and s[0] == "sp" and f.imm in (-16, -8, -4, -2, -1):
            new = ("sp", s[1] & f.imm)                  # entry sp is 16-byte aligned
        elif s is not None and s[0] == "c":
            new = ("c", s[1] & f.imm)
    elif n in ("ori", "xori", "slli") and get(f.rs1) is not None and get(f.rs1)[0] == "c":
        c = get(f.rs1)[1]
        new = ("c", _wrap64(c | f.imm if n == "ori" else c ^ f.imm if n == "xori" else c << f.imm))
    st[rd] = new
    if new is None:
        st.pop(rd, None)
    return st


def dataflow(ctx, info: FunctionInfo) -> None:
    fn = info.fn
    entry: dict[int, Fact] = {SP: ("sp", 0)}
    for r in range(A0, A7 + 1):
        entry[r] = ("arg", r)
    state_in: dict[int, dict[int, Fact]] = {fn.start: entry}
    work = [fn.start]
    while work:
        start = work.pop()
        st = state_in[start]
        for insn in info.blocks[start]:
            info.before[insn.addr] = st
            st = transfer(ctx, fn, insn, st, info.control.get(insn.addr))
        for succ in info.succs.get(start, ()):
            old = state_in.get(succ)
            merged = st if old is None else {k: v for k, v in old.items() if st.get(k) == v}
            if old is not None and any(v[0] == "sp" and v[1] >= 0 and k != SP and merged.get(k) != v
                                       for d in (old, st) for k, v in d.items() if v is not None):
                info.arg_escape = True   # a pointer into the argument area walks (va_arg, argv)
            if merged != old:
                state_in[succ] = merged
                work.append(succ)
    for block in info.blocks.values():                 # blocks no path reaches: nothing is known
        for insn in block:
            info.before.setdefault(insn.addr, {})


# --------------------------------------------------------------------------- frame summary

def _int_sources(insn: RvInsn) -> list[tuple[int, str]]:
    """Integer source registers and how each is used: base, data32/data64, 32, 64, amb, shamt."""
    n, f = insn.name, insn.f
    if n in LOADS:
        return [(f.rs1, "base")]
    if n in STORES:
        if n in ("fsw", "fsd"):
            return [(f.rs1, "base")]
        return [(f.rs1, "base"), (f.rs2, "data64" if n == "sd" else "32")]
    if n.startswith(("lr.", "sc.", "amo")):
        out = [(f.rs1, "base")]
        if not n.startswith("lr."):
            out.append((f.rs2, "32" if n.endswith(".w") else "data64"))
        return out
    if n in BRANCHES:
        return [(f.rs1, "amb"), (f.rs2, "amb")]
    if n == "jalr":
        return [(f.rs1, "64")]
    if n in ("addw", "subw", "mulw", "divw", "divuw", "remw", "remuw"):
        return [(f.rs1, "32"), (f.rs2, "32")]
    if n in ("sllw", "srlw", "sraw"):
        return [(f.rs1, "32"), (f.rs2, "shamt")]
    if n in ("addiw", "slliw", "srliw", "sraiw"):
        return [(f.rs1, "32")]
    if n in ("mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"):
        return [(f.rs1, "64"), (f.rs2, "64")]
    if n in ("srl", "sra"):
        return [(f.rs1, "64"), (f.rs2, "shamt")]
    if n in ("srli", "srai"):
        return [(f.rs1, "64")]
    if n == "sll":
        return [(f.rs1, "amb"), (f.rs2, "shamt")]
    if n == "andi":
        return [(f.rs1, "32" if 0 <= f.imm else "amb")]
    if n == "slli":
        return [(f.rs1, "32" if f.imm >= 32 else "amb")]
    if n in ("addi",):
        return [] if f.imm == 0 else [(f.rs1, "amb")]
    if n in ("slti", "sltiu", "xori", "ori"):
        return [(f.rs1, "amb")]
    if n in ("add", "sub", "and", "or", "xor", "slt", "sltu"):
        if n == "add" and 0 in (f.rs1, f.rs2):
            return []                                 # mv
        return [(f.rs1, "amb"), (f.rs2, "amb")]
    if n == "fmv.w.x":
        return [(f.rs1, "fps")]
    if n == "fmv.d.x":
        return [(f.rs1, "fpd")]
    if n in ("fcvt.s.w", "fcvt.s.wu", "fcvt.d.w", "fcvt.d.wu"):
        return [(f.rs1, "32")]
    if n in ("fcvt.s.l", "fcvt.s.lu", "fcvt.d.l", "fcvt.d.lu"):
        return [(f.rs1, "64")]
    if n.startswith("csrr") and not n.endswith("i"):
        return [(f.rs1, "amb")]
    return []


def _propagates_frame(st: dict[int, Fact], f) -> bool:
    """add/sub of a frame address and a constant (the result is a known frame address)."""
    a = ("c", 0) if f.rs1 == 0 else st.get(f.rs1)
    b = ("c", 0) if f.rs2 == 0 else st.get(f.rs2)
    return a is not None and b is not None and {a[0], b[0]} <= {"sp", "c"}


def frame_summary(info: FunctionInfo) -> None:
    """Frame extent, incoming stack-argument bytes, escapes of the argument area, variadic."""
    lo = 0
    hi = 0
    escape = False
    variadic = False
    for insn in info.fn.insns:
        st = info.before.get(insn.addr, {})
        sp = st.get(SP)
        if sp is not None and sp[0] == "sp":
            lo = min(lo, sp[1])
        n, f = insn.name, insn.f
        size = LOADS.get(n) or STORES.get(n) or (8 if n.endswith(".d") and n.startswith(("lr", "sc", "amo"))
                                                 else 4 if n.startswith(("lr", "sc", "amo")) else 0)
        srcs = _int_sources(insn)
        if n == "addi" or n in ("add", "sub") and _propagates_frame(st, f):
            srcs = []                 # frame address arithmetic: the result is tracked instead
        for reg, use in srcs:
            fact = st.get(reg)
            if fact is None or fact[0] != "sp":
                continue
            if use == "base" and not insn.relocs:
                off = fact[1] + (f.imm if n in LOADS or n in STORES else 0)
                lo = min(lo, off)
                if off + size > 0:
                    hi = max(hi, off + size)
                if n == "sd" and st.get(f.rs2) == ("arg", A7) and off == -8:
                    variadic = True
            elif fact[1] >= 0:
                escape = True
        c = info.control.get(insn.addr)
        if c is not None and c.kind in ("call", "icall", "tail", "ret"):
            for r in range(A0, A7 + 1):
                fact = st.get(r)
                if fact is not None and fact[0] == "sp" and fact[1] >= 0:
                    escape = True
    info.min_off = lo
    info.arg_bytes = hi
    info.arg_escape = info.arg_escape or escape
    info.variadic = variadic


# --------------------------------------------------------------------------- 32-bit integer values

# Loads, by what they say about the value stored in the slot they read (-O0 spills arguments).
_SLOT_LOADS = {"lb": "s8", "lbu": "u8", "lh": "s16", "lhu": "u16", "lw": "32", "lwu": "32", "ld": "64",
               "flw": "fps", "fld": "fpd"}
_COMPARES = BRANCHES | {"slt", "sltu", "sub", "xor", "subw"}
_NARROW_USE = {(8, False): "u8", (8, True): "s8", (16, False): "u16", (16, True): "s16"}


def collect_evidence(info: FunctionInfo, callee_class) -> None:
    """How each incoming argument and each native call's result is used (see :func:`decide`).

    Besides the direct uses: a value spilled to a frame slot is judged by the loads from that slot
    (-O0 code stores a ``char`` with ``sb`` and reloads it with ``lbu``; a double passed in an
    integer register with ``sd`` and reloads it with ``fld``), and a value compared with a byte or
    halfword loaded from memory is that narrow type (``*s == c``).
    """
    ev: dict[tuple, set[str]] = {}
    slots: dict[int, Fact] = {}

    def note(fact: Fact, use: str) -> None:
        if fact is not None and fact[0] in ("arg", "ret"):
            ev.setdefault(fact, set()).add(use)

    for insn in info.fn.insns:
        st = info.before.get(insn.addr, {})
        n, f = insn.name, insn.f
        for reg, use in _int_sources(insn):
            if use != "shamt":
                note(st.get(reg), "64" if use in ("base", "data64") else use)
        base = st.get(f.rs1)
        if n in STORES and n not in ("fsw", "fsd") and base is not None and base[0] == "sp":
            val = st.get(f.rs2)
            key = base[1] + f.imm
            if val is not None and val[0] in ("arg", "ret"):
                slots[key] = val if slots.get(key, val) == val else ("conflict",)
        if n in _COMPARES:
            a, b = st.get(f.rs1), st.get(f.rs2)
            for x, y in ((a, b), (b, a)):
                if y is not None and y[0] == "nl":
                    note(x, _NARROW_USE[(y[1], y[2])])
        c = info.control.get(insn.addr)
        if c is None:
            continue
        if c.kind in ("call", "tail", "icall"):
            for r in range(A0, A7 + 1):
                fact = st.get(r)
                if fact is None or fact[0] not in ("arg", "ret"):
                    continue
                use = callee_class(c.callee, r) if c.kind != "icall" else "pass"
                if use:
                    note(fact, use)
        elif c.kind == "ret":
            note(st.get(A0), "ret")
            note(st.get(A0 + 1), "ret")
    for insn in info.fn.insns:
        if insn.name in _SLOT_LOADS:
            base = info.before.get(insn.addr, {}).get(insn.f.rs1)
            if base is not None and base[0] == "sp":
                note(slots.get(base[1] + insn.f.imm), _SLOT_LOADS[insn.name])
    info.evidence = ev


NARROW = ("u8", "s8", "u16", "s16")


def decide(uses: set[str]) -> str | None:
    """How a native value must be adjusted before RISC-V code sees it.

    fpd/fps: a double/float in an integer register (FP arguments beyond fa7); u8..s16: a narrow
    integer (RISC-V callers extend it, AAPCS64 callers need not); i64: some use needs all 64 bits
    as given (a pointer, a 64-bit store, a 64-bit division...); amb: uses that read the upper
    half (compares, 64-bit adds) of what may be an int -- a value whose upper half is zero is then
    sign-extended from 32 bits, which is right for ints (which AArch64 code zero-extends) and
    changes no pointer (they are above 4 GiB); None: unused, or only 32-bit uses.  Being returned or passed on to an
    unknown callee only counts when nothing else is known (a register may just be stale there).
    """
    weak = {"ret", "pass"}
    if uses <= weak:
        return "amb" if uses else None
    uses = uses - weak
    fp = uses & {"fpd", "fps"}
    if fp and not uses & {"amb", "u8", "s8", "u16", "s16"}:
        return "fpd" if "fpd" in fp else "fps"
    narrow = uses & set(NARROW)
    if len(narrow) == 1 and "64" not in uses and not fp:
        return narrow.pop()
    if "64" in uses or fp:
        return "i64"
    if uses & {"amb", *NARROW}:
        return "amb"
    return None                                       # 32-bit uses only: the upper half is never read


def int32_classes(info: FunctionInfo) -> None:
    info.arg_class = {}
    info.ret_class = {}
    for fact, uses in info.evidence.items():
        cls = decide(uses)
        if cls is None:
            continue
        if fact[0] == "arg":
            info.arg_class[fact[1]] = cls
        else:
            info.ret_class[fact[1]] = cls


def f128_result(info: FunctionInfo, f128_callee) -> bool:
    """Whether a long double (binary128, in a0:a1) may be the result at some ``ret``.

    A may-analysis of where the halves of a binary128 value go: a call to a function returning
    one (libgcc's ``__multf3``..., libm's ``*l``, a translated function found to return one)
    defines a0 (low) and a1 (high); moves, and -O0's spills to frame slots and reloads, carry them.
    """
    fn = info.fn
    state_in: dict[int, dict[tuple, frozenset]] = {fn.start: {}}
    work = [fn.start]
    found = False
    lo, hi = frozenset({"lo"}), frozenset({"hi"})
    while work:
        start = work.pop()
        st = dict(state_in[start])
        for insn in info.blocks[start]:
            c = info.control.get(insn.addr)
            if c is not None and c.kind == "ret":
                found |= "lo" in st.get(("r", A0), ()) and "hi" in st.get(("r", A0 + 1), ())
            facts = info.before.get(insn.addr, {})
            n, f = insn.name, insn.f
            base = facts.get(f.rs1)
            if c is not None and c.kind in ("call", "icall"):
                yes = c.kind == "call" and f128_callee(c.callee)
                st[("r", A0)], st[("r", A0 + 1)] = (lo, hi) if yes else (frozenset(), frozenset())
            elif n == "sd" and base is not None and base[0] == "sp":
                st[("m", base[1] + f.imm)] = st.get(("r", f.rs2), frozenset())
            elif n == "ld" and base is not None and base[0] == "sp":
                st[("r", f.rd)] = st.get(("m", base[1] + f.imm), frozenset())
            elif n in ("addi", "add") and (n == "addi" and f.imm == 0 or n == "add" and 0 in (f.rs1, f.rs2)):
                src = f.rs1 if n == "addi" or f.rs2 == 0 else f.rs2
                st[("r", f.rd)] = st.get(("r", src), frozenset())
            else:
                rd = writes_x(insn)
                if rd is not None:
                    st[("r", rd)] = frozenset()
        for succ in info.succs.get(start, ()):
            old = state_in.get(succ)
            merged = dict(st) if old is None else {k: old.get(k, frozenset()) | st.get(k, frozenset())
                                                   for k in set(old) | set(st)}
            if merged != old:
                state_in[succ] = merged
                work.append(succ)
    return found


def analyse(ctx, fn: RvFunction) -> FunctionInfo:
    info = FunctionInfo(fn)
    info.control = classify(ctx, fn)
    build_cfg(ctx, info)
    dataflow(ctx, info)
    frame_summary(info)
    return info


def check_static_sp(info: FunctionInfo, error) -> None:
    """A function whose sp is unknown at a return cannot be translated (it never is in gcc code)."""
    for insn in info.fn.insns:
        c = info.control.get(insn.addr)
        if c is not None and c.kind == "ret":
            sp = info.before.get(insn.addr, {}).get(SP)
            if sp is not None and sp != ("sp", 0):
                raise error(insn, f"stack pointer at 'ret' is entry sp{sp[1]:+d}")
