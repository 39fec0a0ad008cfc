"""Flag liveness: which of CF PF AF ZF SF OF each instruction's successors can read.

Nearly every x86 ALU instruction writes six flags and compiled code reads one or two of them,
usually from the next instruction.  Storing all six after every instruction made about half of
the lifted IR, and LLVM spent its time deleting it again.  With this backward analysis the lifter
computes and stores a flag only where some path reads it before it is overwritten.

The tables here are deliberately partial.  ``use`` is what an instruction reads and ``kill``
what it always overwrites; a mnemonic missing from the kill table kills nothing, which only
costs IR.  The lifter checks both tables while it lifts (a flag read that the analysis did not
predict, or a promised kill the semantics did not write, raises :class:`FlagLivenessMiss`), and
the function is then lifted again with every flag stored.  So a gap in the tables costs time,
never a wrong translation.  DF is not tracked: it is always stored.
"""

from __future__ import annotations

from capstone import x86

from .regs import cc_of

CF, PF, AF, ZF, SF, OF = 1, 2, 4, 8, 16, 32
ALL = CF | PF | AF | ZF | SF | OF
BIT = {"cf": CF, "pf": PF, "af": AF, "zf": ZF, "sf": SF, "of": OF}

_CC_READS = {"o": OF, "no": OF, "b": CF, "ae": CF, "e": ZF, "ne": ZF, "be": CF | ZF, "a": CF | ZF,
             "s": SF, "ns": SF, "p": PF, "np": PF, "l": SF | OF, "ge": SF | OF,
             "le": ZF | SF | OF, "g": ZF | SF | OF}
_FCMOV_READS = {"b": CF, "nb": CF, "e": ZF, "ne": ZF, "be": CF | ZF, "nbe": CF | ZF, "u": PF, "nu": PF}

_USES = {"adc": CF, "sbb": CF, "rcl": CF, "rcr": CF, "cmc": CF, "salc": CF, "into": OF,
         "loope": ZF, "loopz": ZF, "loopne": ZF, "loopnz": ZF,
         "pushf": ALL, "pushfd": ALL, "pushfq": ALL, "lahf": ALL}

# Written on every execution by the semantics in crt_cc/lift/semantics (checked while lifting).
_KILLS = {m: ALL for m in (
    "add", "sub", "cmp", "and", "or", "xor", "test", "neg", "adc", "sbb", "xadd", "cmpxchg",
    "mul", "imul", "andn", "popcnt", "comisd", "comiss", "ucomisd", "ucomiss", "vcomisd", "vcomiss",
    "vucomisd", "vucomiss", "fcomi", "fcomip", "fucomi", "fucomip", "popf", "popfd", "popfq")}
_KILLS.update({"inc": ALL & ~CF, "dec": ALL & ~CF, "sahf": CF | PF | AF | ZF | SF,
               "clc": CF, "stc": CF, "cmc": CF, "bt": CF, "bts": CF, "btr": CF, "btc": CF})
_SHIFTS = {"shl": ALL, "sal": ALL, "shr": ALL, "sar": ALL, "rol": CF | OF, "ror": CF | OF}

_TEST_BITS = ((x86.X86_EFLAGS_TEST_CF, CF), (x86.X86_EFLAGS_TEST_PF, PF), (x86.X86_EFLAGS_TEST_AF, AF),
              (x86.X86_EFLAGS_TEST_ZF, ZF), (x86.X86_EFLAGS_TEST_SF, SF), (x86.X86_EFLAGS_TEST_OF, OF))
_PREFIXES = ("lock ", "rep ", "repe ", "repz ", "repne ", "repnz ", "bnd ", "notrack ")


class FlagLivenessMiss(Exception):
    """The semantics read or failed to write a flag against the tables: lift without the analysis."""


def _base(mnemonic: str) -> str:
    for p in _PREFIXES:
        if mnemonic.startswith(p):
            return mnemonic[len(p):]
    return mnemonic


def effects(insn) -> tuple[int, int]:
    """(flags read, flags always written) of one instruction."""
    m = insn.mnemonic
    if " " in m and m.split()[0] in ("rep", "repe", "repz", "repne", "repnz"):
        return _capstone_reads(insn), 0          # string loops may run zero times
    m = _base(m)
    use = _USES.get(m, 0) | _capstone_reads(insn)
    for prefix in ("j", "set", "cmov"):
        if m.startswith(prefix):
            cc = cc_of(m[len(prefix):])
            if cc is not None:
                use |= _CC_READS[cc]
    if m.startswith("fcmov"):
        use |= _FCMOV_READS.get(m[5:], ALL)
    if m in _SHIFTS:
        ops = insn.cs.operands
        if len(ops) == 1:
            count = 1
        elif ops[-1].type == x86.X86_OP_IMM:
            count = ops[-1].imm
        else:
            return use, 0                        # a zero count in a register keeps every flag
        mask = 0x3F if ops[0].size == 8 else 0x1F
        return use, _SHIFTS[m] if count & mask else 0
    return use, _KILLS.get(m, 0)


def _capstone_reads(insn) -> int:
    eflags = insn.cs.eflags
    return sum(bit for test, bit in _TEST_BITS if eflags & test)


def analyse(blocks: dict[int, list], succs: dict[int, list[int]]) -> dict[int, tuple[int, int, int]]:
    """Instruction address -> (flags live before it, flags live after it, flags it always writes).

    Nothing is live where a function returns or leaves (flags are not part of any calling
    convention); an indirect jump's successors are the function's jump-table targets.
    """
    eff = {start: [effects(i) for i in insns] for start, insns in blocks.items()}
    gen: dict[int, int] = {}
    kill: dict[int, int] = {}
    for start, effs in eff.items():
        g = k = 0
        for use, kl in reversed(effs):
            g = use | (g & ~kl)
            k |= kl
        gen[start], kill[start] = g, k
    live_in = dict.fromkeys(blocks, 0)
    changed = True
    order = list(reversed(list(blocks)))
    while changed:
        changed = False
        for start in order:
            out = 0
            for s in succs.get(start, ()):
                out |= live_in.get(s, ALL)
            new = gen[start] | (out & ~kill[start])
            if new != live_in[start]:
                live_in[start] = new
                changed = True
    result: dict[int, tuple[int, int, int]] = {}
    for start, insns in blocks.items():
        live = 0
        for s in succs.get(start, ()):
            live |= live_in.get(s, ALL)
        for insn, (use, kl) in zip(reversed(insns), reversed(eff[start]), strict=True):
            before = use | (live & ~kl)
            result[insn.addr] = (before, live, kl)
            live = before
    return result
