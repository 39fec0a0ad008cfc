"""cpuid in translated code: the processor it reports, and run-time dispatch on it.

Programs pick code paths with cpuid (zstd's BMI2 Huffman decoder, SSSE3 kernels...).  The
translation answers with the processor of crt_cc/lift/semantics/cpuid.py: the x86-64 baseline
plus the extensions whose instructions are all translated, never AVX or OSXSAVE.  Checked by
running tests/cpuid/features.c, built with ``--crt-via-x86`` for every target (i386 code for
ARMv5, where cpuid is first detected by toggling EFLAGS.ID through pushf/popf), at -O0 and -O2.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import BUILD_TIMEOUT, crt_cc_command, missing_tools, run, run_on_target, selected_targets

from crt_cc.lift.semantics import SUPPORTED_MNEMONICS, cpuid

PROGRAM = Path(__file__).parent / "cpuid" / "features.c"
LEAVES = [(0, 0), (1, 0), (7, 0), (7, 1), (4, 0), (0x80000000, 0), (0x80000001, 0)]
_LINE = re.compile(r"leaf ([0-9a-f]{8})\.(\d+): (\d) ([0-9a-f]{8}) ([0-9a-f]{8}) ([0-9a-f]{8}) ([0-9a-f]{8})")


def _expected(leaf: int, sub: int) -> tuple[int, int, int, int]:
    regs = cpuid.leaves().get(leaf) if leaf != 7 or sub == 0 else None
    return tuple(regs[r] for r in ("eax", "ebx", "ecx", "edx")) if regs else (0, 0, 0, 0)


def test_the_reported_processor_has_the_baseline_and_no_avx() -> None:
    leaves = cpuid.leaves()
    vendor = b"".join(leaves[0][r].to_bytes(4, "little") for r in ("ebx", "edx", "ecx"))
    assert vendor == b"GenuineIntel" and leaves[0]["eax"] >= 7
    edx1, ecx1 = leaves[1]["edx"], leaves[1]["ecx"]
    assert edx1 & (1 << 25) and edx1 & (1 << 26)               # SSE, SSE2: what x86-64 code assumes
    assert not ecx1 & (1 << 27) and not ecx1 & (1 << 28)       # no OSXSAVE (xgetbv), no AVX
    assert not leaves[7]["ebx"] & (1 << 5)                      # no AVX2
    for name in cpuid.advertised():
        assert set(cpuid.EXTENSIONS[name][1]) <= SUPPORTED_MNEMONICS, name
    assert "sse4.1" not in cpuid.advertised() or "roundsd" in SUPPORTED_MNEMONICS


def _params():
    for target in selected_targets():
        for lvl in ("0", "2"):
            yield pytest.param(target, lvl, id=f"O{lvl}-{target.short}")


@pytest.mark.parametrize("target, lvl", list(_params()))
def test_translated_code_sees_the_reported_processor_and_dispatches_on_it(target, lvl, tmp_path) -> None:
    if missing_tools(target.gcc, target.qemu):
        pytest.skip("cross toolchain or qemu missing")
    cmd, env = crt_cc_command()
    exe = tmp_path / "features"
    build = run([*cmd, f"--target={target.triple}", *target.source_flags, "--crt-via-x86", f"-O{lvl}",
                 str(PROGRAM), "-o", str(exe), "-lm"], timeout=BUILD_TIMEOUT, env=env)
    assert build.returncode == 0, build.describe()
    res = run_on_target(target, exe)
    assert res.returncode == 0, res.describe()
    out = res.stdout.decode()
    got = {(int(m[1], 16), int(m[2])): (int(m[3]), *(int(x, 16) for x in m.groups()[3:]))
           for m in _LINE.finditer(out)}
    assert set(got) == set(LEAVES), out
    for leaf, sub in LEAVES:
        assert got[(leaf, sub)] == (1, *_expected(leaf, sub)), f"leaf {leaf:#x}.{sub}\n{out}"
    want = "same as C" if {"sse3", "ssse3"} <= set(cpuid.advertised()) else "not used"
    assert f"ssse3 kernel: {want}" in out, out
    want = "same as C" if "sse4.1" in cpuid.advertised() else "not used"
    assert f"sse4.1 kernel: {want}" in out, out
