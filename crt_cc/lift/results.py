"""Which SysV result registers a crossing carries, recovered from the x86 code.

Targets whose calling convention returns at most two values in registers (RISC-V) cannot pass
rax, rdx, xmm0 and xmm1 all at once, and their FP registers hold singles NaN-boxed.  Two small
CFG analyses over the decoded function answer what those crossings need:

* after a call to native code: which of rdx, xmm0, xmm1 the x86 code reads before writing them
  (rax is always taken);
* at the function's returns: which result registers the function itself wrote last (not a call),
  and whether xmm0's last writer is a single-precision instruction;
* before a call: whether an argument register holds a single (so it must be NaN-boxed).
"""

from __future__ import annotations

from .regs import GPR_NAMES, SUBREGS

RESULT_REGS = ("rax", "rdx", "xmm0", "xmm1")
_SINGLE_SUFFIXES = ("ss",)
_DOUBLE_SUFFIXES = ("sd", "pd")


def _canon(name: str) -> str:
    if name in SUBREGS:
        return GPR_NAMES[SUBREGS[name][0]]
    if name[:3] in ("ymm", "zmm"):
        return "xmm" + name[3:]
    return name


def _access(insn) -> tuple[set[str], set[str]]:
    cached = getattr(insn, "_rw", None)
    if cached is not None:
        return cached
    m = insn.mnemonic
    if m.endswith("call") or m == "call":
        # A call's arity is unknown, so it is not taken to read rdx or xmm1: a result only stays
        # in those registers when ordinary instructions read them (a 128-bit or two-double result).
        rw = ({"rdi", "rsi", "rcx", "r8", "r9", "rax", "xmm0"},
              {"rax", "rdx"} | {f"xmm{i}" for i in range(16)})
    elif m.startswith("ret") or m.endswith(" ret"):
        rw = ({"rax", "xmm0"}, set())
    else:
        try:
            rd, wr = insn.cs.regs_access()
            rw = ({_canon(insn.cs.reg_name(r)) for r in rd}, {_canon(insn.cs.reg_name(r)) for r in wr})
        except Exception:   # capstone cannot tell: assume everything is read, nothing written
            rw = (set(RESULT_REGS) | {f"xmm{i}" for i in range(8)}, set())
        # xor/pxor/xorps of a register with itself reads nothing
        ops = insn.cs.operands
        if m in ("xor", "pxor", "xorps", "xorpd", "sub", "psubd", "psubq") and len(ops) == 2 \
                and ops[0].type == 1 and ops[1].type == 1 and ops[0].reg == ops[1].reg:
            rw = (set(), rw[1])
    insn._rw = rw
    return rw


def _preds(lf) -> dict[int, list[int]]:
    preds: dict[int, list[int]] = {s: [] for s in lf.blocks}
    for s, outs in lf.succs.items():
        for o in outs:
            if o in preds:
                preds[o].append(s)
    return preds


def _block_of(lf, insn) -> tuple[int, int]:
    for start, insns in lf.blocks.items():
        if insns and insns[0].addr <= insn.addr <= insns[-1].addr:
            for i, x in enumerate(insns):
                if x is insn or x.addr == insn.addr:
                    return start, i
    raise KeyError(insn.addr)


def live_after(lf, insn) -> set[str]:
    """Result registers (of RESULT_REGS) read after ``insn`` before being written, on some path."""
    start, idx = _block_of(lf, insn)
    live: set[str] = {"rax"}
    for reg in RESULT_REGS[1:]:
        seen: set[int] = set()
        work = [(start, idx + 1)]
        while work and reg not in live:
            s, i = work.pop()
            insns = lf.blocks[s]
            killed = False
            for x in insns[i:]:
                rd, wr = _access(x)
                if reg in rd:
                    live.add(reg)
                    break
                if reg in wr:
                    killed = True
                    break
            else:
                for o in lf.succs.get(s, []):
                    if o not in seen:
                        seen.add(o)
                        work.append((o, 0))
            if killed:
                continue
    return live


def last_writers(lf, start: int, idx: int, reg: str, preds=None) -> list:
    """Instructions that last wrote ``reg`` before position ``idx`` of block ``start`` (None: entry)."""
    preds = preds if preds is not None else _preds(lf)
    out: list = []
    seen: set[int] = set()
    work = [(start, idx)]
    while work:
        s, i = work.pop()
        for x in reversed(lf.blocks[s][:i]):
            if reg in _access(x)[1]:
                out.append(x)
                break
        else:
            ps = preds.get(s, [])
            if not ps or s == lf.fn.start:
                out.append(None)
            for p in ps:
                if p not in seen:
                    seen.add(p)
                    work.append((p, len(lf.blocks[p])))
        if len(out) > 64:
            break
    return out


def is_single(insn) -> bool | None:
    """True for an instruction producing a single-precision scalar, False for double, None: unknown."""
    if insn is None:
        return None
    m = insn.mnemonic
    if m.startswith("call"):
        return None
    if m.endswith(_SINGLE_SUFFIXES) or (m.startswith("cvt") and m.endswith("2ss")):
        return True
    if m.endswith(_DOUBLE_SUFFIXES) or (m.startswith("cvt") and m.endswith("2sd")):
        return False
    return None


def return_hint(lf) -> tuple[set[str], bool]:
    """(result registers the function's returns carry, xmm0 holds a single).

    At each ``ret`` the result registers last written by the function itself (not by a call) are
    found; the one written nearest to the ``ret`` decides between an integer-first shape (rax,
    with rdx when it was written too) and an FP-first one (xmm0, with xmm1 when written too).
    A double comparator that loads xmm0/xmm1 and then sets eax is integer-first; a function
    returning ``struct {double, double}`` ends by writing xmm0/xmm1.
    """
    preds = _preds(lf)
    written: set[str] = set()
    nearest: list[str] = []
    kinds: set[bool | None] = set()
    for start, insns in lf.blocks.items():
        if not insns or not insns[-1].mnemonic.startswith("ret") and not insns[-1].mnemonic.endswith(" ret"):
            continue
        best: tuple[int, str] | None = None
        for reg in RESULT_REGS:
            for dist, w in last_writers_with_distance(lf, start, len(insns) - 1, reg, preds):
                if w is None or w.mnemonic.startswith("call"):
                    continue
                written.add(reg)
                if reg == "xmm0":
                    kinds.add(is_single(w))
                if best is None or dist < best[0]:
                    best = (dist, reg)
        if best is not None:
            nearest.append(best[1])
    fp_first = bool(nearest) and all(r.startswith("xmm") for r in nearest)
    live: set[str] = set()
    if fp_first:
        live = {"xmm0", "xmm1"} & written if "xmm1" in written else {"xmm0"}
    elif "rdx" in written and "rax" in written and not any(r.startswith("xmm") for r in nearest):
        live = {"rax", "rdx"}
    single = True in kinds
    if not single and "xmm0" in written and kinds <= {None}:
        # e.g. only `pxor %xmm0,%xmm0` before ret: decide by the function's own arithmetic
        ops = [is_single(i) for i in lf.fn.insns]
        single = True in ops and False not in ops
    return live, single


def last_writers_with_distance(lf, start: int, idx: int, reg: str, preds) -> list[tuple[int, object]]:
    """Like :func:`last_writers`, with the number of instructions between each writer and the end."""
    out: list[tuple[int, object]] = []
    seen: set[int] = set()
    work = [(start, idx, 0)]
    while work:
        s, i, dist = work.pop()
        for k, x in enumerate(reversed(lf.blocks[s][:i])):
            if reg in _access(x)[1]:
                out.append((dist + k, x))
                break
        else:
            ps = preds.get(s, [])
            if not ps or s == lf.fn.start:
                out.append((dist + i, None))
            for p in ps:
                if p not in seen:
                    seen.add(p)
                    work.append((p, len(lf.blocks[p]), dist + i))
        if len(out) > 64:
            break
    return out


def arg_is_single(lf, insn, n: int) -> bool:
    """Whether xmm``n`` holds a single-precision value at call ``insn``."""
    start, idx = _block_of(lf, insn)
    kinds = {is_single(w) for w in last_writers(lf, start, idx, f"xmm{n}")}
    return True in kinds and False not in kinds


def returns_first_argument(lf) -> bool:
    """Whether every ``ret`` returns the incoming %rdi in %rax (``mov %rdi, %rax`` on rdi's entry value).

    That is what gcc and clang emit for a function returning a struct larger than 16 bytes (SysV
    passes its address in %rdi and returns it in %rax; AAPCS64 passes it in x8), and also what a
    ``strcpy``-style function returning its first pointer argument looks like.  The two cannot be
    told apart from the code, so the caller warns instead of guessing.
    """
    preds = _preds(lf)
    rets = [(s, insns) for s, insns in lf.blocks.items()
            if insns and (insns[-1].mnemonic.startswith("ret") or insns[-1].mnemonic.endswith(" ret"))]
    if not rets:
        return False
    for start, insns in rets:
        for w in last_writers(lf, start, len(insns) - 1, "rax", preds):
            ops = w.cs.operands if w is not None else ()
            if w is None or w.mnemonic != "mov" or len(ops) != 2 or ops[1].type != 1 \
                    or w.cs.reg_name(ops[1].reg) != "rdi" or w.cs.reg_name(ops[0].reg) != "rax":
                return False
            s, i = _block_of(lf, w)
            if any(x is not None for x in last_writers(lf, s, i, "rdi", preds)):
                return False
    return True
