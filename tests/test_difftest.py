"""Per-instruction differential tests: x86 code natively vs crt-cc's translation for each target.

One test per family of instruction forms (tests/difftest/forms.py) and target (CRT_TEST_TARGETS);
each runs every form of the family on random states natively and, translated by crt-cc, under
qemu-user, and compares every register, flag and memory byte.  A form
crt-cc rejects fails its family's test.  Targets whose source ISA is i386 (ARMv5 by default) get
the i386 forms derived from the same table (tests/difftest/forms_i386.py).  See docs/difftest.md.

Quick list of failing forms:  .venv/bin/python -m tests.difftest.run --list-failures
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

try:
    from tests.difftest import core
    from tests.difftest.cases import ALL, GPR_NAMES, I386, I386_GPR_NAMES, M64
    from tests.difftest.forms import FORMS, FORMS_BY_NAME, forms_for
    from tests.difftest.forms_i386 import I386_CC, convert
except ImportError:              # rootdir-relative import (tests/ on sys.path)
    from difftest import core
    from difftest.cases import ALL, GPR_NAMES, I386, I386_GPR_NAMES, M64
    from difftest.forms import FORMS, FORMS_BY_NAME, forms_for
    from difftest.forms_i386 import I386_CC, convert

FAMILIES = core.families()


def _families_for(source: str) -> dict[str, list]:
    """Families of a source ISA (the i386 ones need the i386 assembler to be derived)."""
    return FAMILIES if source == "x86_64" else core.families(forms_for(source)[0])


def _need(*tools: str) -> None:
    miss = [t for t in tools if not shutil.which(t)]
    if miss:
        pytest.skip(f"missing tools: {', '.join(miss)}")


# ---------------------------------------------------------------------------
# the differential tests proper
# ---------------------------------------------------------------------------

# Open mismatches by test id (the family, plus -<target> for all but the default target), listed
# form by form by `python -m tests.difftest.run --target T --list-failures` and in docs/difftest.md
# ("Open mismatches").  Not strict: a family is one test over many forms and random inputs.
_X87_DOUBLE_NANS = ("x87 NaN rules: on ARMv5 x87 values are doubles and NaN results are the target's, as in a "
                    "native ARM build (80-bit payloads truncated, positive default NaN, fld/fchs of an SNaN; "
                    "crt_cc/lift/semantics/x87.py, docs/abi.md)")
KNOWN_MISMATCHES: dict[str, str] = {
    "x87_nan-armv5": _X87_DOUBLE_NANS,
    "x87_nan-armv5-x86_64": _X87_DOUBLE_NANS,
}


def _family_params():
    from helpers import selected_targets
    for target in selected_targets():
        if target.source != "x86_64" and not shutil.which(I386_CC):
            yield pytest.param("", target.triple, target.source, id=f"{target.short}-no-{I386_CC}")
            continue
        for fam in _families_for(target.source):
            # ids keep the bare family name for the first (default) target
            tid = fam if target.triple == core.TARGET and target.source == "x86_64" else f"{fam}-{target.short}"
            why = KNOWN_MISMATCHES.get(tid)
            marks = [pytest.mark.xfail(reason=why, strict=False)] if why else []
            yield pytest.param(fam, target.triple, target.source, marks=marks, id=tid)


@pytest.mark.parametrize("family,triple,source", list(_family_params()))
def test_difftest_family(family: str, triple: str, source: str, tmp_path: Path) -> None:
    if not family:
        pytest.skip(f"missing tools: {I386_CC} (the i386 forms are derived with its assembler)")
    tc = core.Toolchain.for_target(triple, source)
    ref = core.reference(source)
    _need(ref.cc, *ref.run_prefix[:1], tc.target_cc, tc.run_prefix[0])
    res = core.run_family(family, _families_for(source)[family], tmp_path, toolchain=tc)
    if res.failures():
        pytest.fail(res.report(), pytrace=False)


# ---------------------------------------------------------------------------
# the forms table and the x86 side on their own
# ---------------------------------------------------------------------------

def test_forms_table_sane() -> None:
    assert len(FORMS) == len(FORMS_BY_NAME)
    for f in FORMS:
        assert f.kind in ("int", "f32", "f64"), f.name
        assert f.lines, f.name
        if not callable(f.flags):
            assert f.flags & ~ALL == 0, f.name
        for off in (f.ptrs or {}).values():
            assert 0 <= off < 256, f.name


def test_cases_deterministic() -> None:
    for f in FORMS[::7]:
        a = [c.pack(0, i) for i, c in enumerate(core.make_cases(f, 4))]
        b = [c.pack(0, i) for i, c in enumerate(core.make_cases(f, 4))]
        assert a == b, f.name


def _check_deterministic(families: dict[str, list], tmp_path: Path) -> None:
    for name, forms in families.items():
        active = [f for f in forms if not core.missing_cpu(f)]
        if not active:
            continue
        res1 = core.run_family(name, active, tmp_path / "a" / name, target=False)
        res2 = core.run_family(name, active, tmp_path / "b" / name, target=False)
        assert not res1.failures(), res1.report()
        for f in active:
            out1, out2 = res1.host_outputs[f.name], res2.host_outputs[f.name]
            assert len(out1) == core.N_CASES, f.name
            for ci, case in enumerate(core.make_cases(f)):
                a = {k: v for k, v in out1[ci].items() if k not in case.ignore}
                b = {k: v for k, v in out2[ci].items() if k not in case.ignore}
                assert a == b, f"{f.name} case {ci}: host output varies"


def test_host_side_deterministic(tmp_path: Path) -> None:
    """Every family builds and runs natively, twice with identical output
    (so nothing undefined leaks into the compared fields on this CPU)."""
    _need(core.HOST_CC)
    _check_deterministic(FAMILIES, tmp_path)


def _host_run(tmp_path: Path, name: str, n: int = 16, source: str = "x86_64"):
    form = forms_for(source)[1][name]
    res = core.run_family(name, [form], tmp_path / name, target=False, n_cases=n)
    assert not res.failures(), res.report()
    return core.make_cases(form, n), res.host_outputs[name]


def _gpr_out(state: dict[str, str], reg: str) -> int:
    return int(state[reg], 16)


def test_host_harness_identity(tmp_path: Path) -> None:
    """A nop leaves every field as loaded: the load/store code is right."""
    _need(core.HOST_CC)
    cases, outs = _host_run(tmp_path, "nop")
    for i, c in enumerate(cases):
        expected = {}
        for ln in c.describe():
            k, v = ln.split(" ", 1)
            expected[k] = v.split(" (")[0]
        assert outs[i] == expected, f"case {i}"


def test_host_semantics_spot_checks(tmp_path: Path) -> None:
    """A few forms against a Python model, to show the harness measures the snippet."""
    _need(core.HOST_CC)
    cases, outs = _host_run(tmp_path, "add_r64_r64")
    for c, o in zip(cases, [outs[i] for i in range(len(cases))], strict=True):
        a, b = c.get("rax"), c.get("rcx")
        r = (a + b) & M64
        assert _gpr_out(o, "rax") == r
        fl = int(o["rflags"], 16)
        assert bool(fl & 1) == (a + b > M64)                      # CF
        assert bool(fl & 0x40) == (r == 0)                        # ZF
        assert bool(fl & 0x80) == bool(r >> 63)                   # SF
        assert bool(fl & 0x800) == (((a ^ r) & (b ^ r)) >> 63 == 1)   # OF
    cases, outs = _host_run(tmp_path, "mov_r64_m64")
    for i, c in enumerate(cases):
        mem = bytes.fromhex("".join(outs[i][f"mem{o:02x}"] for o in range(0, 256, 32)))
        assert int.from_bytes(mem[120:128], "little") == c.get("rcx")
    cases, outs = _host_run(tmp_path, "shl_r64_cl")
    for i, c in enumerate(cases):
        n = c.get("rcx", 8) & 63
        assert _gpr_out(outs[i], "rax") == (c.get("rax") << n) & M64
        if n == 0:
            assert int(outs[i]["rflags"], 16) == c.rflags & ALL        # flags untouched
    cases, outs = _host_run(tmp_path, "lea_ptr")
    for i in range(len(cases)):
        assert outs[i]["rax"] == "M+144"                            # pointer printed relative to mem
    assert "rsp" not in outs[0] and set(GPR_NAMES) - {"rsp"} <= set(outs[0])


# ---------------------------------------------------------------------------
# the i386 forms (derived from the x86-64 table) and their reference
# ---------------------------------------------------------------------------

def _need_i386() -> list:
    _need(I386_CC)
    _need(*core.reference("i386").run_prefix[:1])
    return forms_for("i386")[0]


def test_i386_forms_derived() -> None:
    """The derivation keeps most of the table, only in i386 spellings, with unique names."""
    forms = _need_i386()
    assert len({f.name for f in forms}) == len(forms) > 1000
    assert {f.family for f in forms} == {f.family for f in FORMS}       # every family has i386 forms
    wide = re.compile(r"%(r[a-z0-9]+|[sd]il|[bs]pl|xmm(8|9|1\d))\b")
    for f in forms:
        assert f.source == "i386" and not wide.search(f.asm + f.helper), f.name
    assert convert("addq 8(%rbx), %rax", narrow=False) is None
    assert convert("addq 8(%rbx), %rax", narrow=True) == "addl 8(%ebx), %eax"
    assert convert("jo 1f; movq %rcx, %rax; 1:", narrow=True) == "jo 1f; movl %ecx, %eax; 1:"
    assert convert("fildq 8(%rbx); movq %xmm1, %xmm0", narrow=True) == "fildq 8(%ebx); movq %xmm1, %xmm0"
    assert convert("movq %r9, %rax", narrow=True) is None and convert(".byte 0x48", narrow=True) is None
    by_name = forms_for("i386")[1]
    assert by_name["pushfl_popl"].text == "pushfl; popl %eax; andl $0x8d5, %eax"     # narrowed + renamed
    assert "cqto" not in by_name and "lock_cmpxchg16b" not in by_name             # 64-bit only


def test_i386_host_harness_identity(tmp_path: Path) -> None:
    """An i386 nop returns the low words of eax..edi and xmm0-7 as loaded."""
    _need_i386()
    cases, outs = _host_run(tmp_path, "nop", source="i386")
    for i, c in enumerate(cases):
        expected = {}
        for ln in c.describe(I386):
            k, v = ln.split(" ", 1)
            expected[k] = v.split(" (")[0]
        assert outs[i] == expected, f"case {i}"
    assert set(outs[0]) >= set(I386_GPR_NAMES) - {"esp"} and "xmm8" not in outs[0] and "rax" not in outs[0]


def test_i386_host_semantics_spot_checks(tmp_path: Path) -> None:
    _need_i386()
    cases, outs = _host_run(tmp_path, "add_r32_r32", source="i386")
    for c, o in zip(cases, [outs[i] for i in range(len(cases))], strict=True):
        a, b = c.get("rax", 32), c.get("rcx", 32)
        r = (a + b) & 0xFFFFFFFF
        assert int(o["eax"], 16) == r
        fl = int(o["rflags"], 16)
        assert bool(fl & 1) == (a + b > 0xFFFFFFFF) and bool(fl & 0x40) == (r == 0)
        assert int(o["ecx"], 16) == b
    cases, outs = _host_run(tmp_path, "lea_ptr", source="i386")
    assert all(outs[i]["eax"] == "M+144" for i in range(len(cases)))     # leal 16(%ebx), %eax
    cases, outs = _host_run(tmp_path, "call_ret_edx_eax", source="i386")
    for i, c in enumerate(cases):
        v = (c.get("rcx", 32) << 32 | c.get("rsi", 32)) + 1          # pushl %ecx (hi); pushl %esi (lo)
        assert (int(outs[i]["edx"], 16), int(outs[i]["eax"], 16)) == (v >> 32 & 0xFFFFFFFF, v & 0xFFFFFFFF)


def test_i386_host_side_deterministic(tmp_path: Path) -> None:
    """As test_host_side_deterministic, for the i386 forms (when a target translates i386 code)."""
    from helpers import selected_targets
    if not any(t.source == "i386" for t in selected_targets()):
        pytest.skip("no i386 target in CRT_TEST_TARGETS")
    _need_i386()
    _check_deterministic(_families_for("i386"), tmp_path)


# ---------------------------------------------------------------------------
# the machinery, with a fake translator (gcc itself) so the target runs natively
# ---------------------------------------------------------------------------

def _fake_toolchain(**env: str) -> core.Toolchain:
    e = dict(os.environ)
    e.update(env)
    return core.Toolchain(crt_cc=[sys.executable, str(core.HERE / "fake_crt_cc.py")], crt_env=e,
                          crt_flags=["--target=x86_64-fake"], target_cc=core.HOST_CC, target_ldflags=[],
                          run_prefix=[])


def test_machinery_with_fake_translator(tmp_path: Path) -> None:
    _need(core.HOST_CC)
    forms = FAMILIES["unary"]
    # faithful "translation": everything passes
    res = core.run_family("unary", forms, tmp_path / "ok", n_cases=4, toolchain=_fake_toolchain())
    assert not res.failures(), res.report()
    assert res.translate_calls == 1
    # rejected instructions, located from the line number
    res = core.run_family("unary", forms, tmp_path / "rej", n_cases=4,
                          toolchain=_fake_toolchain(FAKE_CRT_REJECT=r"^neg|^lock dec"))
    bad = {r.form.name for r in res.failures()}
    assert bad == {f.name for f in forms if f.lines[0].startswith(("neg", "lock dec"))}
    assert all(r.status == core.UNSUPPORTED for r in res.failures())
    # rejected without a line number: found by translating forms one by one
    res = core.run_family("unary", forms[:6], tmp_path / "noline", n_cases=4,
                          toolchain=_fake_toolchain(FAKE_CRT_REJECT_NOLINE=r"^dec"))
    assert {r.form.name for r in res.failures()} == {f.name for f in forms[:6] if f.text.startswith("dec")}
    # a wrong translation is a mismatch naming the field
    res = core.run_family("unary", forms, tmp_path / "bad", n_cases=4,
                          toolchain=_fake_toolchain(FAKE_CRT_REPLACE="incq %rax=>decq %rax"))
    fails = res.failures()
    assert [r.form.name for r in fails] == ["inc_r64"]
    assert fails[0].status == core.MISMATCH and "rax" in fails[0].summary
    # a translation that crashes is reported and the other forms still run
    res = core.run_family("unary", forms, tmp_path / "crash", n_cases=4,
                          toolchain=_fake_toolchain(FAKE_CRT_REPLACE="notw %dx=>ud2"))
    fails = res.failures()
    assert [(r.form.name, r.status) for r in fails] == [("not_r16", core.CRASH)]
    assert sum(r.status == core.PASS for r in res.results.values()) == len(forms) - 1


# ---------------------------------------------------------------------------
# coverage of the lifter's instruction set
# ---------------------------------------------------------------------------

def test_every_supported_mnemonic_has_a_form(tmp_path: Path) -> None:
    """Every mnemonic in crt_cc.lift.semantics.SUPPORTED_MNEMONICS has a form.

    Spellings capstone never prints (jz, cmovnae, retq, repz ret, repne movsb ...)
    count as the spelling it does print (core.canonical_mnemonic)."""
    _need(core.HOST_CC, "objcopy", "nm")
    claimed = core.claimed_mnemonics()
    if claimed is None:
        pytest.fail("crt_cc.lift.semantics.SUPPORTED_MNEMONICS does not exist yet: the lifter must export "
                    "the set of capstone mnemonics it implements", pytrace=False)
    per_form = core.form_mnemonics(FORMS, tmp_path)
    covered = {core.canonical_mnemonic(m) for ms in per_form.values() for m in ms}
    missing = sorted(claimed - covered - core.UNTESTABLE)
    if missing:
        pytest.fail(f"{len(missing)} supported mnemonics have no difftest form in tests/difftest/forms.py: "
                    + " ".join(missing), pytrace=False)


def test_mnemonic_canonicalisation() -> None:
    c = core.canonical_mnemonic
    assert c("jz") == "je" and c("cmovnae") == "cmovb" and c("setpo") == "setnp"
    assert c("repz ret") == "ret" and c("lock add") == "add" and c("notrack jmp") == "jmp"
    assert c("rep movsb") == c("repe movsb") == c("repne movsb") == "rep movsb"
    assert c("rep cmpsb") == c("repz cmpsb") == "repe cmpsb" and c("repnz scasq") == "repne scasq"
    assert c("fucomip") == "fucompi" and c("cld.nop") is None and c("jmp") == "jmp"
