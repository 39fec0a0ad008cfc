"""The recovered prototype of an x86 function, as the verification harness needs it.

Verification calls a function with generated inputs and compares what it
returns.  Two facts about each function decide whether that comparison is
fair to a correct translation:

* how wide each integer argument is read.  A RISC-V function compiled from C
  may rely on a 32-bit argument arriving sign-extended (LP64 requires it),
  while the x86 code only reads ``%edi``; such arguments get sign-extended
  values.  Arguments read as bytes or halves get values that are the same
  under sign and zero extension.
* which result registers carry a value, and how many bits of them: a
  function returning ``int`` leaves the upper half of x0 undefined, a
  ``void`` function leaves anything in x0.  Only defined bits are compared.

Both come from a C prototype when there is one -- ``--crt-prototypes``, or
the DWARF type information of an object compiled with ``-g`` (the pipeline
compiles ``--crt-via-x86`` C with ``-g`` for the model engine) -- and
otherwise from the lift engine's own analyses of the x86 code (CFG, last
writers before ``ret``, ``crt_cc.lift.results.return_hint``).  The code
alone cannot tell a ``void`` function that leaves a loop index in %rax from
one returning it, nor a ``short`` result from an ``int``: there the harness
compares what the code might return, which can only reject a correct
translation, never accept a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lift.regs import SUBREGS, full_register

ARG_REGS = ("rdi", "rsi", "rdx", "rcx", "r8", "r9")
UNKNOWN = -1          # width of an argument register passed on to a callee unread
BOOL_WIDTH = 1        # a C bool argument: only 0 and 1 are valid values


@dataclass
class Signature:
    """What the harness needs to know about one function."""

    name: str
    int_args: list[int] = field(default_factory=lambda: [0] * 6)   # bits first read (0: unread)
    fp_args: list[str] = field(default_factory=lambda: [""] * 8)   # xmm0-7 first read as "s"ingle/"d"ouble
    pointers: list[bool] = field(default_factory=lambda: [False] * 6)   # known (C type) pointer arguments
    results: list[tuple[str, int]] = field(default_factory=list)  # ("i0"|"i1"|"f0"|"f1", bits)
    variadic: bool = False
    stack_words: int = 0


def _reads_writes(insn) -> tuple[list[str], list[str]]:
    try:
        rd, wr = insn.cs.regs_access()
    except Exception:      # capstone cannot tell: treat as reading everything
        return list(ARG_REGS), []
    return [insn.cs.reg_name(r) for r in rd], [insn.cs.reg_name(r) for r in wr]


def _width(name: str) -> int:
    sub = SUBREGS.get(name)
    return 8 * sub[2] if sub else 64


def _self_idiom(insn) -> bool:
    ops = insn.cs.operands
    return insn.mnemonic in ("xor", "sub") and len(ops) == 2 and ops[0].type == 1 and ops[1].type == 1 \
        and ops[0].reg == ops[1].reg


def _first_reads(lf, reg: str) -> list:
    """The instructions that read ``reg`` before any write, on some path from the entry.

    A call or a jump out of the function first passes the register on unread
    (it appears in the result as None).
    """
    found: list = []
    seen: set[int] = set()
    work = [lf.fn.start]
    while work:
        start = work.pop()
        if start in seen or start not in lf.blocks:
            continue
        seen.add(start)
        stopped = False
        for insn in lf.blocks[start]:
            m = insn.mnemonic
            if m.startswith("call") or (m.startswith("jmp") and insn.addr not in lf.branch_targets
                                        and not lf.succs.get(start)):
                found.append(None)
                stopped = True
                break
            rd, wr = _reads_writes(insn)
            if _self_idiom(insn):
                rd = []
            if any(full_register(n) == reg for n in rd):
                found.append(insn)
                stopped = True
                break
            if any(full_register(n) == reg for n in wr):
                stopped = True
                break
        if not stopped:
            work.extend(lf.succs.get(start, []))
    return found


def argument_widths(lf) -> list[int]:
    """For rdi..r9: the widest first read (0: never read; UNKNOWN: only passed on to a callee)."""
    widths = []
    for reg in ARG_REGS:
        width = 0
        for insn in _first_reads(lf, reg):
            if insn is None:
                width = width or UNKNOWN
                continue
            names = [n for n in _reads_writes(insn)[0] if full_register(n) == reg]
            width = max(width, max((_width(n) for n in names), default=64))
        widths.append(width)
    return widths


def fp_argument_kinds(lf) -> list[str]:
    """For xmm0-7: "s" when first read by a single-precision instruction, "d" otherwise, "" unread.

    Singles must arrive NaN-boxed on RISC-V (native code converting an unboxed
    single sees a NaN), while the lifted code reads the low 32 bits either way.
    """
    kinds = []
    for k in range(8):
        reads = [i for i in _first_reads(lf, f"xmm{k}") if i is not None]
        single = [i.mnemonic.endswith(("ss", "ps")) or i.mnemonic.startswith(("cvtss", "cvtps", "vcvtss"))
                  for i in reads]
        kinds.append("" if not reads else "s" if all(single) else "d")
    return kinds


def result_slots(lf) -> list[tuple[str, int]]:
    """The result registers (``i0``/``i1``: x0/x1 or a0/a1, ``f0``/``f1``: d0/d1 or fa0/fa1) to compare."""
    from ..lift import results

    hint = results.return_hint(lf)
    exits = [(s, insns) for s, insns in lf.blocks.items() if insns and insns[-1].mnemonic.startswith("ret")]
    if hint.live and hint.live <= {"xmm0", "xmm1"}:
        bits = 32 if hint.single else 64
        return [("f0", bits)] + ([("f1", bits)] if _unconsumed(lf, exits, "xmm1") else [])
    if hint.live == {"rax", "rdx"} and _unconsumed(lf, exits, "rdx"):
        return [("i0", 64), ("i1", 64)]
    writers = []
    for start, insns in exits:
        writers += results.last_writers(lf, start, len(insns) - 1, "rax")
    tail_calls = any(insns and insns[-1].mnemonic.startswith("jmp") and not lf.succs.get(s)
                     for s, insns in lf.blocks.items())
    real = [w for w in writers if w is not None]
    if not real and not tail_calls:
        return []                         # rax never written: a void function
    if hint.bool8:
        return [("i0", 8)]
    if hint.int32 or not any(not w.mnemonic.startswith("call") for w in real):
        return [("i0", 32)]               # an int, or a callee's result of unknown width
    return [("i0", 64)]


def _unconsumed(lf, exits, reg: str) -> bool:
    """Whether ``reg``'s last values before the returns are results, not temporaries.

    The lift engine passes rdx/xmm1 on whenever a function writes them (harmless
    for a caller); comparing them is only fair when nothing in the function
    reads them after their last write -- -O0 code often leaves an operand in
    %edx (``mov edx, -4[rbp]; add eax, edx``).
    """
    from ..lift import results

    writers = []
    for start, insns in exits:
        writers += [w for w in results.last_writers(lf, start, len(insns) - 1, reg)
                    if w is not None and not w.mnemonic.startswith("call")]
    return bool(writers) and all(reg not in results.live_after(lf, w) for w in writers)


#: A C type as the harness needs it: ("void"|"bool"|"int"|"ptr"|"float"|"double"|"other", size in bytes).
CType = tuple[str, int]


@dataclass
class CPrototype:
    """A function's C prototype, reduced to what the harness needs."""

    ret: CType
    params: list[CType]
    variadic: bool = False


def from_prototype(proto) -> CPrototype:
    """A ``crt_cc.abi.prototypes.Prototype`` (``--crt-prototypes``) as a :class:`CPrototype`."""
    def conv(t) -> CType:
        if t.kind == "int" and getattr(t, "cname", "") in ("_Bool", "bool"):
            return "bool", 1
        if t.kind in ("void", "int", "ptr", "float", "double"):
            return t.kind, t.size
        return "other", t.size
    return CPrototype(conv(proto.ret), [conv(p) for p in proto.params], proto.variadic)


def apply_prototype(sig: Signature, proto: CPrototype) -> Signature:
    """``sig`` with argument widths, FP kinds and results taken from a C prototype.

    Aggregates and long double travel by rules of their own; with one of those
    the code-recovered signature is kept unchanged.
    """
    if any(k == "other" for k, _ in [proto.ret, *proto.params]):
        return sig
    ints, fps, ptrs = [], [], []
    for kind, size in proto.params:
        if kind in ("float", "double"):
            fps.append("s" if kind == "float" else "d")
        else:       # a bool argument is 0 or 1 (BOOL_WIDTH): x86 code relies on it, as C does
            ints.append(64 if kind == "ptr" else BOOL_WIDTH if kind == "bool" else 8 * size)
            ptrs.append(kind == "ptr")
    kind, size = proto.ret
    results: list[tuple[str, int]] = []
    if kind in ("int", "ptr", "bool"):
        results = [("i0", 64 if kind == "ptr" else 8 * size)]
    elif kind in ("float", "double"):
        results = [("f0", 32 if kind == "float" else 64)]
    int_args = (ints[:6] + [0] * 6)[:6]
    fp_args = (fps[:8] + [""] * 8)[:8]
    pointers = (ptrs[:6] + [False] * 6)[:6]
    return Signature(sig.name, int_args, fp_args, pointers, results, sig.variadic or proto.variadic,
                     sig.stack_words)


def dwarf_prototypes(path: str) -> dict[str, CPrototype]:
    """Prototypes of the functions an object's DWARF describes (empty without ``-g`` type info)."""
    from ..abi.prototypes import parse_declarations
    from ..diagnostics import CrtError
    from ..frontend.dwarf import function_declarations

    text = function_declarations(path)
    try:
        declared = parse_declarations(text, path) if text else {}
    except CrtError:
        return {}
    return {name: from_prototype(proto) for name, proto in declared.items()}


def recover(module_lifter, fn, stack_words: int = 0, variadic: bool = False,
            proto: CPrototype | None = None) -> Signature:
    """The signature of ``fn`` (a decoded function of ``module_lifter``'s prepared object)."""
    from ..lift.function import FunctionLifter

    lf = FunctionLifter(module_lifter, fn)
    lf._build_cfg()
    sig = Signature(fn.name, argument_widths(lf), fp_argument_kinds(lf), [False] * 6, result_slots(lf),
                    variadic, stack_words)
    return apply_prototype(sig, proto) if proto is not None else sig
