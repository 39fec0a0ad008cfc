"""Calls between separately translated objects keep the x86 calling convention.

Each object of a program is translated alone, so a call into another object used to go out
through the callee's native entry point and back: right only where the native signature carries
everything the x86 code relies on.  Now each translated object also exports its lifted bodies
under hidden x86-convention symbols, and calls to undefined functions use them when the linked
program has them (crt_cc/lift/module.py, ``cross_object_symbol``).  Checked here by running a
two-file program translated file by file against the same program built for the x86 host.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import crt_cc_command, missing_tools, run, run_on_target, selected_targets

SRC = Path(__file__).parent / "multifile"
FILES = ["main.c", "values.c"]


def _params():
    for target in selected_targets():
        for lvl in ("0", "2"):
            yield pytest.param(target, lvl, id=f"O{lvl}-{target.short}")


@pytest.mark.parametrize("target, lvl", list(_params()))
def test_calls_between_translated_objects_keep_x86_semantics(target, lvl, tmp_path):
    if missing_tools(target.gcc, target.qemu, target.source_gcc):
        pytest.skip("cross toolchain or qemu missing")
    ref_exe = tmp_path / "ref"
    build = run([target.source_gcc, f"-O{lvl}", *[str(SRC / f) for f in FILES], "-o", str(ref_exe), "-lm"],
                timeout=120)
    assert build.returncode == 0, build.describe()
    ref = run([*target.source_run, str(ref_exe)], timeout=30)
    assert ref.returncode == 0, ref.describe()

    cmd, env = crt_cc_command()
    mode = ["-m32"] if target.source == "i386" else []
    objs = []
    for f in FILES:
        obj = tmp_path / (f + ".o")
        res = run([*cmd, f"--target={target.triple}", *mode, "--crt-via-x86", f"-O{lvl}", "-c", str(SRC / f),
                   "-o", str(obj)], timeout=300, env=env)
        assert res.returncode == 0, res.describe()
        objs.append(str(obj))
    exe = tmp_path / "prog"
    link = run([*cmd, f"--target={target.triple}", *mode, *objs, "-o", str(exe), "-lm"], timeout=120, env=env)
    assert link.returncode == 0, link.describe()
    got = run_on_target(target, exe)
    assert got.stdout.decode() == ref.stdout.decode(), got.describe()
    assert got.returncode == 0
