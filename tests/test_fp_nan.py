"""NaN results of SSE arithmetic: the target's by default, x86's with --crt-exact-nan.

C leaves the sign and payload of a NaN result unspecified; x86 makes an invalid operation's
result the *negative* default NaN (printf shows "-nan"), AArch64 the positive one ("nan").
By default crt-cc keeps the target's NaN, as a native build of the same C would, because exact
x86 NaN results cost 2-3x on FP-heavy loops (docs/benchmarks.md); --crt-exact-nan gives them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BUILD_TIMEOUT, run, run_on_target, target_info

SOURCE = r"""
#include <stdio.h>
volatile double zero = 0.0, one = 1.0;
volatile float fzero = 0.0f;
int main(void) {
    double d = zero / zero;            /* invalid operation: the default NaN */
    float f = fzero / fzero;
    double p = d + one;                /* propagation keeps the operand's NaN */
    printf("%f %f %f %d\n", d, (double)f, p, d != d);
    return 0;
}
"""


@pytest.mark.parametrize("exact,expected", [(True, "-nan -nan -nan 1"), (False, "nan nan nan 1")],
                         ids=["exact-nan", "default"])
def test_default_nan_sign_follows_the_mode(exact: bool, expected: str, tmp_path: Path, crt_cc_cmd,
                                           require_tools) -> None:
    target = target_info("aarch64-linux-gnu")
    require_tools("gcc", target.gcc, target.qemu)
    src = tmp_path / "nan.c"
    src.write_text(SOURCE)
    exe = tmp_path / "nan"
    cmd, env = crt_cc_cmd
    flags = ["--crt-exact-nan"] if exact else []
    build = run([*cmd, f"--target={target.triple}", "--crt-via-x86", "-O2", *flags, str(src), "-o", str(exe)],
                timeout=BUILD_TIMEOUT, env=env, cwd=tmp_path)
    assert build.returncode == 0, build.describe()
    res = run_on_target(target, exe, cwd=tmp_path)
    assert res.returncode == 0, res.describe()
    assert res.stdout.decode().strip() == expected
