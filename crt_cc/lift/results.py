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

from dataclasses import dataclass, field

from .regs import SUB32_OF, WIDE_TO_SUB32, full_register

RESULT_REGS = ("rax", "rdx", "xmm0", "xmm1")
_SELF_IDIOMS = {"xor", "pxor", "xorps", "xorpd", "sub", "psubb", "psubw", "psubd", "psubq",
                "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpeqq"}


@dataclass
class ReturnHint:
    """What the code shows about a function's result (see :func:`return_hint`)."""

    live: set[str] = field(default_factory=set)   # result registers the returns carry
    single: bool = False                          # xmm0 holds a single-precision value
    int32: bool = False                           # rax was last written as a 32-bit value (eax)
    bool8: bool = False                           # rax was last written by setcc (a bool in al)
    rax_from: set[str] = field(default_factory=set)   # translated functions whose result is returned
    rax_by_call: bool = False                     # a call's result reaches some ret in rax (malloc's...)


_SINGLE_SUFFIXES = ("ss",)
_DOUBLE_SUFFIXES = ("sd", "pd")


def writes_int32(lf, w, reg: str, depth: int = 0, follow_copies: bool = True) -> bool | None:
    """Whether ``w`` leaves ``reg`` holding a 32-bit value (True), a 64-bit one (False), or either.

    Either (None): zeroing idioms and ``mov $imm`` of a non-negative 31-bit constant (the same at
    both widths).  ``movl %edi, %edi`` is the compilers' zero-extension of an unsigned int to a
    64-bit value (False); a 32-bit copy from another register is followed to that register's
    writers; ``movl $-1, %eax`` is taken as an int, far more common than a zero-extended constant.
    """
    ops = w.cs.operands
    if w.mnemonic in _SELF_IDIOMS and len(ops) == 2 and ops[0].type == 1 and ops[1].type == 1 \
            and ops[0].reg == ops[1].reg:
        return None
    if w.mnemonic.startswith("set"):
        return None       # 0 or 1 in a register the compiler zeroed first
    if w.mnemonic == "mov" and len(ops) == 2 and ops[1].type == 1 and ops[0].size == 4:
        if ops[0].reg == ops[1].reg:
            return False
        if not follow_copies:
            return None
        src = SUB32_OF.get(w.cs.reg_name(ops[1].reg))
        if src is None or depth >= 4:
            return True
        start, idx = _block_of(lf, w)
        kinds = {writes_int32(lf, x, src, depth + 1) for x in last_writers(lf, start, idx, src)
                 if x is not None and not x.mnemonic.startswith("call")}
        return True if True in kinds or not kinds - {None} else False
    if w.mnemonic == "mov" and len(ops) == 2 and ops[1].type == 2:
        if ops[0].size != 4 or 0 <= ops[1].imm < 1 << 31:
            return None
        return True
    try:
        names = {w.cs.reg_name(r) for r in w.cs.regs_access()[1]}
    except Exception:
        return False
    return WIDE_TO_SUB32.get(reg) in names


def writes_byte(lf, w, depth: int = 0) -> bool:
    """Whether ``w`` leaves only the low byte of its destination defined (a bool or char result).

    setcc and 8-bit arithmetic write %al and keep the rest of the register; gcc often computes a
    bool in a callee-saved register (`setne %bpl`) and copies it with `movl %ebp, %eax`, so 32-bit
    copies are followed to their source's writers (zeroing idioms and small constants on other
    paths agree with a byte).  The targets' ABIs want such a result extended by the callee.
    """
    ops = w.cs.operands
    if w.mnemonic.startswith("set"):
        return True
    if w.mnemonic.startswith("call") or not ops or ops[0].type != 1:
        return False
    if ops[0].size == 1 and not w.mnemonic.startswith(("movz", "movs")):
        return True
    if w.mnemonic != "mov" or len(ops) != 2 or ops[1].type != 1 or ops[0].size != 4 or depth >= 4:
        return False
    src = SUB32_OF.get(w.cs.reg_name(ops[1].reg))
    if src is None or src == full_register(w.cs.reg_name(ops[0].reg)):
        return False
    start, idx = _block_of(lf, w)
    found = False
    for x in last_writers(lf, start, idx, src):
        if x is None or x.mnemonic.startswith("call"):
            return False
        if writes_byte(lf, x, depth + 1):
            found = True
        elif writes_int32(lf, x, src, follow_copies=False) is not None or x.cs.operands[-1].type == 2 \
                and not 0 <= x.cs.operands[-1].imm <= 1:
            return False
    return found


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
    elif _is_ret(insn):
        rw = ({"rax", "xmm0"}, set())
    else:
        # capstone cannot tell: assume everything is read, nothing written
        rw = regs_read_written(insn) or (set(RESULT_REGS) | {f"xmm{i}" for i in range(8)}, set())
    insn._rw = rw
    return rw


def regs_read_written(insn) -> tuple[set[str], set[str]] | None:
    """Architectural registers an instruction reads and writes, by capstone (None where it has no
    access data).  xor/pxor/xorps/pcmpeq/sub of a register with itself reads nothing (zeroing and
    all-ones idioms)."""
    try:
        rd, wr = insn.cs.regs_access()
    except Exception:
        return None
    reads = {full_register(insn.cs.reg_name(r)) for r in rd}
    writes = {full_register(insn.cs.reg_name(r)) for r in wr}
    ops = insn.cs.operands
    if insn.mnemonic in _SELF_IDIOMS and len(ops) == 2 \
            and ops[0].type == 1 and ops[1].type == 1 and ops[0].reg == ops[1].reg:
        reads = set()
    return reads, writes


def _block_of(lf, insn) -> tuple[int, int]:
    return lf.position[insn.addr]


def _is_ret(insn) -> bool:
    return insn.mnemonic.startswith("ret") or insn.mnemonic.endswith(" ret")


def _return_blocks(lf) -> list[tuple[int, list]]:
    """(start, instructions) of the blocks that end in ``ret``."""
    return [(s, insns) for s, insns in lf.blocks.items() if insns and _is_ret(insns[-1])]


def live_after(lf, insn) -> set[str]:
    """Result registers (of RESULT_REGS) read after ``insn`` before being written, on some path."""
    start, idx = _block_of(lf, insn)
    live: set[str] = set()
    for reg in RESULT_REGS:
        seen: set[int] = set()
        work = [(start, idx + 1)]
        while work and reg not in live:
            s, i = work.pop()
            for x in lf.blocks[s][i:]:
                rd, wr = _access(x)
                if reg in rd:
                    live.add(reg)
                    break
                if reg in wr:
                    break
            else:
                for o in lf.succs.get(s, []):
                    if o not in seen:
                        seen.add(o)
                        work.append((o, 0))
    return live


def last_writers(lf, start: int, idx: int, reg: str) -> list:
    """Instructions that last wrote ``reg`` before position ``idx`` of block ``start`` (None: entry)."""
    return [w for _, w in last_writers_with_distance(lf, start, idx, reg)]


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


def return_hint(lf) -> ReturnHint:
    """(result registers the function's returns carry, xmm0 holds a single).

    At each ``ret`` the result registers last written by the function itself (not by a call) are
    found; the one written nearest to the ``ret`` decides between an integer-first shape (rax,
    with rdx when it was written too) and an FP-first one (xmm0, with xmm1 when written too).
    A double comparator that loads xmm0/xmm1 and then sets eax is integer-first; a function
    returning ``struct {double, double}`` ends by writing xmm0/xmm1.
    """
    written: set[str] = set()
    nearest: list[str] = []
    kinds: set[bool | None] = set()
    rax32: set[bool | None] = set()
    rax_from: set[str] = set()
    rax_by_call = xmm0_by_call = False
    nearest_at: dict[str, int] = {}      # instructions between a register's last write and a ret
    for start, insns in _return_blocks(lf):
        best: tuple[int, str] | None = None
        for reg in RESULT_REGS:
            for dist, w in last_writers_with_distance(lf, start, len(insns) - 1, reg):
                if w is not None and reg == "rax" and w.mnemonic.startswith("call"):
                    rax_by_call = True
                    target, _ = lf.ctx.direct_call_target(lf, w, quiet=True)
                    if target is not None:
                        rax_from.add(target.name)
                if w is not None and reg == "xmm0" and w.mnemonic.startswith("call") \
                        and _returns_fp(lf, w):
                    xmm0_by_call = True
                if w is None or w.mnemonic.startswith("call"):
                    continue
                written.add(reg)
                nearest_at[reg] = min(nearest_at.get(reg, dist), dist)
                if reg == "rax":
                    rax32.add("setcc" if writes_byte(lf, w) else writes_int32(lf, w, "rax"))
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
    elif "rdx" in written and ("rax" in written or rax_by_call) and not xmm0_by_call \
            and ("xmm0" not in written or nearest_at["rdx"] < nearest_at["xmm0"]):
        # a 128-bit or two-word result (rax may be malloc's pointer: {int *data; int size});
        # not with an FP result, unless xmm0 was only a temporary of earlier vector code
        live = {"rax", "rdx"}
    single = True in kinds
    if not single and "xmm0" in written and kinds <= {None}:
        # e.g. only `pxor %xmm0,%xmm0` before ret: decide by the function's own arithmetic
        ops = [is_single(i) for i in lf.fn.insns]
        single = True in ops and False not in ops
    bool8 = "setcc" in rax32 and not rax32 - {"setcc", None}
    # One path writing eax as a 32-bit value is strong evidence of an int result (a function
    # returning long writes rax); other paths may still hold the int in a 64-bit register.
    return ReturnHint(live, single, True in rax32, bool8, rax_from, rax_by_call)


def _returns_fp(lf, call) -> bool:
    """Whether ``call`` may leave a floating-point result in xmm0: an indirect call, a translated
    function, or a C library function declared with a float/double result (``sqrt``), not
    ``malloc`` (calls are taken to clobber every xmm register)."""
    target, name = lf.ctx.direct_call_target(lf, call, quiet=True)
    if target is not None or name is None:
        return True
    from ..abi.prototypes import libc_result_is_fp
    return libc_result_is_fp(name)


def propagate_int32(hints: dict[str, ReturnHint]) -> None:
    """A function that returns another translated function's 32-bit (bool) result returns one too."""
    changed = True
    while changed:
        changed = False
        for h in hints.values():
            if not h.int32 and any(hints[n].int32 for n in h.rax_from if n in hints):
                h.int32 = changed = True
            if not h.bool8 and not h.int32 and h.rax_from and \
                    all(hints[n].bool8 for n in h.rax_from if n in hints) and h.rax_from <= hints.keys():
                h.bool8 = changed = True


def last_writers_with_distance(lf, start: int, idx: int, reg: str) -> list[tuple[int, object]]:
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
            ps = lf.preds.get(s, [])
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
    rets = _return_blocks(lf)
    if not rets:
        return False
    for start, insns in rets:
        for w in last_writers(lf, start, len(insns) - 1, "rax"):
            ops = w.cs.operands if w is not None else ()
            if w is None or w.mnemonic != "mov" or len(ops) != 2 or ops[1].type != 1 \
                    or w.cs.reg_name(ops[1].reg) != "rdi" or w.cs.reg_name(ops[0].reg) != "rax":
                return False
            s, i = _block_of(lf, w)
            if any(x is not None for x in last_writers(lf, s, i, "rdi")):
                return False
    return True


def arg_is_int32(lf, insn, reg: str) -> bool:
    """Whether integer argument register ``reg`` holds a 32-bit value at call ``insn``.

    x86 zero-extends a 32-bit write; RISC-V's LP64 ABI wants 32-bit values sign-extended, and
    native RISC-V code compares such arguments at full width.
    """
    start, idx = _block_of(lf, insn)
    # A 32-bit copy into an argument register is as often an unsigned int zero-extended for a
    # 64-bit parameter (`movl %ebx, %edi; call __popcountdi2`): copies are left alone.
    kinds = {writes_int32(lf, w, reg, follow_copies=False) for w in last_writers(lf, start, idx, reg) if w is not None
             and not w.mnemonic.startswith("call")}
    return True in kinds and False not in kinds
