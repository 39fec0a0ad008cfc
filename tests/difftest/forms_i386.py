"""The i386 forms of the differential tests, derived from the x86-64 table.

i386 code is what crt-cc translates for ARMv5 by default (``-m32``), so the same
instruction forms are tested in 32-bit mode.  Rather than a second hand-written
table, every x86-64 form (tests/difftest/forms.py) is rewritten mechanically:

1. **As it is.**  Address registers inside ``(...)`` become their 32-bit names
   (``8(%rbx)`` -> ``8(%ebx)``); everything else stays.  A form that names a
   register i386 does not have (r8-r15 at any width, sil/dil/bpl/spl, xmm8-15,
   rip) or carries raw ``.byte`` encodings (their meaning depends on the mode) is
   dropped.
2. **Narrowed.**  A form that still uses 64-bit GPRs as data (``addq %rcx, %rax``,
   or the ``movq %rcx, %rax`` of a branch form) gets them as 32-bit registers and
   its GPR mnemonics' ``q`` suffix as ``l``.  Only forms without a fixup are
   narrowed (fixups such as ``div_fixup(.., 64, ..)`` are written for one width),
   and a narrowed form that repeats another form's text is dropped.  It is named
   after its x86-64 form with ``r64``/``m64`` read as ``r32``/``m32``.
3. **Assembled.**  Everything the i386 assembler rejects or warns about is
   dropped: 64-bit-only instructions (``cqto``, ``movslq``, ``cmpxchg16b``,
   ``pextrq``, ``jrcxz``, q-suffixed memory operations that were not narrowed ...).

Flag specs, kinds, pointers, CPU features and fixups carry over: the state
records are the same (cases.Isa), so a fixup's ``case.set("rcx", ...)`` sets ecx.
What only i386 has is written here (:data:`I386_EXTRA`): cdecl calls (arguments
on the stack, results in eax, edx:eax and x87 st(0), callee-popped arguments),
absolute addressing, and the x86-64 forms with fixups that use 64-bit glue.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from random import Random

from .cases import ALL, Case
from .forms import FORMS, LOGIC, Form, bounded, str_fixup

# i386 reference compiler (and assembler driver): also what crt-cc uses for -m32 --crt-via-x86
I386_CC = os.environ.get("CRT_DIFFTEST_I386_CC", "i686-linux-gnu-gcc")

_GPR64 = {"rax": "eax", "rcx": "ecx", "rdx": "edx", "rbx": "ebx", "rsp": "esp", "rbp": "ebp",
          "rsi": "esi", "rdi": "edi"}
_NO_I386 = re.compile(r"^(r(8|9|1[0-5])[dwb]?|sil|dil|bpl|spl|rip|[xyz]mm(8|9|[12]\d|3[01]))$")
_REG = re.compile(r"%([a-z][a-z0-9]*)")
_PARENS = re.compile(r"\([^)]*\)")
_INSN = re.compile(r"^(\s*(?:\w+:\s*)?(?:(?:lock|rep|repe|repne|repz|repnz|notrack|bnd)\s+)*)([a-z][a-z0-9]*)(.*)$")


def _narrow_suffix(line: str) -> tuple[str, str, str]:
    """``addq %ecx, %eax`` -> ``addl ...``: the q suffix of a GPR instruction (not x87's
    64-bit integer ``fildq``, not SSE's ``movq`` with an xmm operand).  Returns the line
    and the mnemonic before and after."""
    m = _INSN.match(line)
    if not m:
        return line, "", ""
    pre, mn, rest = m.groups()
    new = mn
    if mn.endswith("q") and not mn.startswith("f") and "%xmm" not in rest and "%mm" not in rest:
        new = mn[:-1] + "l"
    return pre + new + rest, mn, new


def convert(asm: str, narrow: bool, directives: bool = False,
            renamed: dict[str, str] | None = None) -> str | None:
    """The i386 spelling of an x86-64 snippet (or helper), None where there is none.

    Without ``narrow`` only address registers change; with it 64-bit data registers
    and q-suffixed GPR mnemonics become 32-bit (each changed mnemonic goes into
    ``renamed``).  ``directives``: raw ``.byte`` encodings are allowed (helper code)."""
    if not directives and ".byte" in asm:
        return None
    if any(_NO_I386.match(r) for r in _REG.findall(asm)):
        return None
    out = _PARENS.sub(lambda m: _REG.sub(lambda r: "%" + _GPR64.get(r.group(1), r.group(1)), m.group(0)), asm)
    wide = [r for r in _REG.findall(out) if r in _GPR64]
    if wide and not narrow:
        return None
    if narrow:
        out = _REG.sub(lambda r: "%" + _GPR64.get(r.group(1), r.group(1)), out)
        parts = []
        for p in re.split(r"([;\n])", out):
            if p not in (";", "\n"):
                p, old, new = _narrow_suffix(p)
                if renamed is not None and old != new:
                    renamed[old] = new
            parts.append(p)
        out = "".join(parts)
    return out


def _narrow_name(name: str, renamed: dict[str, str]) -> str:
    """``add_i8_r64`` -> ``add_i8_r32``, ``pushfq_popq`` -> ``pushfl_popl``."""
    name = re.sub(r"(?<=[rm])64", "32", name)
    return "_".join(renamed.get(tok, tok) for tok in name.split("_"))


def _derive(form: Form, narrow: bool) -> Form | None:
    renamed: dict[str, str] = {}
    asm = convert(form.asm, narrow, renamed=renamed)
    helper = convert(form.helper, narrow, directives=True) if form.helper else ""
    if asm is None or helper is None:
        return None
    name = _narrow_name(form.name, renamed) if narrow else form.name
    return replace(form, name=name, asm=asm, helper=helper, source="i386")


# ---------------------------------------------------------------------------
# what only i386 has (or what the derivation cannot reach)
# ---------------------------------------------------------------------------

# cdecl: eax ecx edx, the xmm registers and the flags are the caller's to lose; ebx esi edi ebp survive
CALL_CLOBBERED = ("rcx", "rdx", *(f"xmm{i}" for i in range(8)))


def _jecxz_fixup(case: Case, rng: Random) -> None:
    case.set("rcx", rng.choice([0, 1, 1 << 40, 0xFFFFFFFF]))


def _extra() -> list[Form]:
    out: list[Form] = []

    def F(name: str, asm: str, family: str, flags: int = ALL, **kw) -> None:  # noqa: N802
        out.append(Form(name, asm, family, flags, source="i386", **kw))

    def call(name: str, asm: str, helper: str, ignore: tuple[str, ...] = CALL_CLOBBERED, **kw) -> None:
        F(name, asm, "branch", 0, ignore=ignore, helper=helper, **kw)

    F("loop_back", "1: addl %edx, %eax; loop 1b", "branch", fixup=bounded("rcx", 1, 12))
    F("jcc_loop", "1: addl $3, %eax; decl %ecx; jne 1b", "branch", fixup=bounded("rcx", 1, 20))
    F("jecxz", "jecxz 1f; movl %edx, %eax; 1:", "branch", fixup=_jecxz_fixup)
    F("jmp_indirect_abs", "movl $1f, %edx; jmp *%edx; movl %ecx, %eax; 1: xorl %edx, %edx", "branch", LOGIC)
    F("notrack_jmp_abs", "movl $1f, %edx; notrack jmp *%edx; movl %ecx, %eax; 1: movl $0, %edx", "branch")
    h = "crt_diff_helper_"
    call("call_cdecl", f"pushl %esi; pushl %edi; call {h}cdecl; addl $8, %esp",
         f"{h}cdecl:\n\tmovl 4(%esp), %eax\n\tmovl 8(%esp), %ecx\n\tleal 1(%eax,%ecx,2), %eax\n\tret")
    call("call_cdecl_saves", f"pushl %ecx; pushl %edx; call {h}cdecl_saves; addl $8, %esp",
         f"{h}cdecl_saves:\n\tpushl %ebx\n\tpushl %esi\n\tmovl 12(%esp), %ebx\n\tsubl 16(%esp), %ebx\n"
         "\tmovl %ebx, %eax\n\tmovl $-1, %ebx\n\tmovl $-1, %esi\n\tpopl %esi\n\tpopl %ebx\n\tret")
    call("call_ret_edx_eax", f"pushl %ecx; pushl %esi; call {h}ret64; addl $8, %esp",
         f"{h}ret64:\n\tmovl 4(%esp), %eax\n\tmovl 8(%esp), %edx\n\taddl $1, %eax\n\tadcl $0, %edx\n\tret",
         ignore=("rcx", *CALL_CLOBBERED[2:]))
    call("call_ret_st0_double", f"pushl 12(%ebx); pushl 8(%ebx); call {h}st0d; addl $8, %esp; fstpl 24(%ebx)",
         f"{h}st0d:\n\tfldl 4(%esp)\n\tfadd %st(0), %st\n\tret", ignore=("rax", *CALL_CLOBBERED), kind="f64")
    call("call_ret_st0_float", f"pushl 4(%ebx); call {h}st0f; addl $4, %esp; fstps 24(%ebx)",
         f"{h}st0f:\n\tflds 4(%esp)\n\tfmul %st(0), %st\n\tret", ignore=("rax", *CALL_CLOBBERED), kind="f32")
    call("call_callee_pops", f"pushl %edx; call {h}pops",
         f"{h}pops:\n\tmovl 4(%esp), %eax\n\tnotl %eax\n\tret $4")
    call("call_indirect_abs", f"movl ${h}ind, %edx; pushl %edi; call *%edx; addl $4, %esp",
         f"{h}ind:\n\tmovl 4(%esp), %eax\n\tnegl %eax\n\tret")
    call("call_indirect_mem", f"pushl %esi; call *{h}ptr; addl $4, %esp",
         f"{h}mem:\n\tmovl 4(%esp), %eax\n\tshll $3, %eax\n\tret\n"
         f"\t.section .data\n\t.balign 4\n{h}ptr:\n\t.long {h}mem\n\t.text")
    call("notrack_call_abs", f"movl ${h}nt, %edx; pushl %edi; notrack call *%edx; addl $4, %esp",
         f"{h}nt:\n\tmovl 4(%esp), %eax\n\taddl $3, %eax\n\tret")
    F("mov_m32_abs", "movl crt_diff_abs_data, %eax", "mov",
      helper="\t.section .rodata\n\t.balign 4\ncrt_diff_abs_data:\n\t.long 0x89abcdef\n\t.text")
    F("mov_abs_store_load", "movl %ecx, crt_diff_abs_var; movw %dx, crt_diff_abs_var+2; movl crt_diff_abs_var, %eax",
      "mov", helper="\t.section .bss\n\t.balign 4\ncrt_diff_abs_var:\n\t.zero 4\n\t.text")
    F("mov_m32_abs_idx", "movl crt_diff_abs_table(,%ecx,4), %eax", "mov", fixup=bounded("rcx", 0, 4),
      helper="\t.section .rodata\n\t.balign 4\ncrt_diff_abs_table:\n\t.long 1, -2, 0x7fffffff, 0x80000000\n\t.text")
    F("popfl_df_movsb", "pushfl; orl $0x400, (%esp); popfl; movsb; cld", "misc", fixup=str_fixup(1, 1))
    return out


# ---------------------------------------------------------------------------
# the list
# ---------------------------------------------------------------------------

def _assembler_rejects(forms: list[Form]) -> set[str]:
    """Names of forms whose snippet or helper the i386 assembler rejects or warns about."""
    lines: list[str] = ["\t.text"]
    owner: dict[int, str] = {}
    for f in forms:
        start = len(lines)
        lines.append(f"crt_i386_{f.name}:")
        lines += [f"\t{ln}" for ln in f.lines]
        if f.helper:
            lines += f.helper.splitlines()
            lines.append("\t.text")
        for i in range(start, len(lines)):
            owner[i + 1] = f.name
    with tempfile.TemporaryDirectory(prefix="crt-difftest-i386-") as tmp:
        src = Path(tmp) / "forms.s"
        src.write_text("\n".join(lines) + "\n")
        try:
            p = subprocess.run([I386_CC, "-c", "-o", str(Path(tmp) / "forms.o"), str(src)],
                               capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise RuntimeError(f"cannot run the i386 assembler ({I386_CC}): {e}") from e
    bad = {owner.get(int(m.group(1)), "") for m in re.finditer(r"forms\.s:(\d+):", p.stderr)}
    if p.returncode != 0 and not bad:
        raise RuntimeError(f"{I386_CC} failed on the i386 forms:\n{p.stderr[-2000:]}")
    return bad - {""}


@functools.cache
def i386_forms() -> list[Form]:
    """Every i386 form: the x86-64 table converted as it is, else narrowed, then the extras;
    whatever the i386 assembler refuses is left out.  Cached: two assembler runs per process."""
    kept: list[Form] = []
    texts: set[tuple[str, str]] = set()
    names: set[str] = set()

    def add(f: Form | None, into: list[Form]) -> None:
        """First spelling wins: a form whose name or text is already there is not added."""
        if f is None or f.name in names or (f.text, f.helper) in texts:
            return
        into.append(f)
        names.add(f.name)
        texts.add((f.text, f.helper))

    def drop(fs: list[Form], bad: set[str]) -> None:
        for f in fs:
            if f.name in bad:
                names.discard(f.name)
                texts.discard((f.text, f.helper))

    first: list[Form] = []
    plain = {f.name: _derive(f, narrow=False) for f in FORMS}
    for f in FORMS:
        add(plain[f.name], first)
    for f in FORMS:
        if plain[f.name] is None and not f.fixup:
            add(_derive(f, narrow=True), first)
    for f in _extra():
        add(f, first)
    bad = _assembler_rejects(first)
    drop(first, bad)
    # a plain form that fails only to assemble (incq 8(%ebx)) gets its narrowed spelling (incl)
    second: list[Form] = []
    for f in FORMS:
        if f.name in bad and plain[f.name] is not None and not f.fixup:
            add(_derive(f, narrow=True), second)
    bad2 = _assembler_rejects(second) if second else set()
    kept = [f for f in first if f.name not in bad] + [f for f in second if f.name not in bad2]
    by_family: dict[str, list[Form]] = {}
    for f in kept:                       # families in the x86-64 table's order
        by_family.setdefault(f.family, []).append(f)
    return [f for fs in by_family.values() for f in fs]


@functools.cache
def i386_forms_by_name() -> dict[str, Form]:
    return {f.name: f for f in i386_forms()}


__all__ = ["I386_CC", "convert", "i386_forms", "i386_forms_by_name"]
