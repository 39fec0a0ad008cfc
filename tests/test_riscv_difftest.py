"""Per-instruction differential tests for RISC-V64 sources: translated (AArch64, qemu-aarch64)
against the RISC-V original (qemu-riscv64), one test per family of tests/riscv_source/forms.py.

Quick run of one family:  .venv/bin/python -m pytest tests/test_riscv_difftest.py -k fp_d
Inputs per form: CRT_RV_DIFFTEST_CASES (default 16).  docs/riscv-source.md describes the harness.
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tests.riscv_source import difftest
    from tests.riscv_source.forms import FAMILIES
except ImportError:              # rootdir-relative import (tests/ on sys.path)
    from riscv_source import difftest
    from riscv_source.forms import FAMILIES


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_riscv_difftest_family(family: str, tmp_path: Path) -> None:
    missing = difftest.tools_missing()
    if missing:
        pytest.fail(f"required tool(s) not installed: {', '.join(missing)}")
    res = difftest.run_family(family, FAMILIES[family], tmp_path)
    if res.failures or res.translate_error:
        pytest.fail(res.report(), pytrace=False)


def test_forms_cover_the_lifter() -> None:
    """Every base mnemonic crt-cc translates occurs in some form (pseudo-instructions expanded)."""
    import subprocess
    import tempfile

    from crt_cc.frontend.riscv import read_object
    from crt_cc.frontend.riscv_isa import decode
    from crt_cc.lift.riscv.semantics import SUPPORTED
    forms = [f for fs in FAMILIES.values() for f in fs]
    names = {f.name for f in forms}
    assert len(names) == len(forms), "form names must be unique"
    with tempfile.TemporaryDirectory() as d:
        src, obj = Path(d) / "all.s", Path(d) / "all.o"
        src.write_text(difftest.family_asm(forms))
        p = subprocess.run([difftest.RV_GCC, "-c", str(src), "-o", str(obj)], capture_output=True, text=True)
        assert p.returncode == 0, p.stderr
        seen = set()
        for sec in read_object(str(obj)).sections:
            pos = 0
            while sec.is_code and pos < sec.size:
                size, fields = decode(sec.data, pos)
                assert fields is not None or not any(sec.data[pos:pos + size]), f"{sec.name}+{pos:#x}"
                if fields is not None:
                    seen.add(fields.name)
                pos += size
    untested = SUPPORTED - seen - {"ecall", "ebreak", "jalr", "auipc"}
    assert not untested, f"mnemonics without a difftest form: {sorted(untested)}"
