"""Function-level boundary tests (tests/functions/NAME/{func.c,driver.c}), HumanEval style.

``func.c`` holds a few functions and no main; ``driver.c`` is a native main() that declares their
prototypes, calls them on several inputs and prints one PASS/FAIL line per check (tests/functions/check.h),
exiting 0 only when every check passed.

Translated (every set x -O0..-O3 x CRT_TEST_TARGETS):

1. ``gcc -S -O{n} func.c -o func.s``                        (x86-64 assembly from the host compiler)
2. ``crt-cc --target=T -c func.s -o func.o``                 (translated alone)
3. ``T-gcc driver.c func.o -o t -lm``                        (linked with a native caller)
4. run under qemu-user: exit status 0 and no FAIL line.

Variants: ``-prototypes`` (the set's prototypes.h given with --crt-prototypes) and ``-debug-info``
(``gcc -S -g``: the C types come from the object's DWARF, crt_cc/frontend/dwarf.py), the latter for
every set whose plain variant is a known failure.

Control (every set x -O0,-O2, 64-bit targets): ``T-gcc -O{n} driver.c func.c`` natively, which proves
the drivers and their expected values are right.

Targets translated from i386 (ARMv5, ILP32): the drivers' expected values assume LP64 in places, so
there the translated run must print exactly what ``T-gcc -O{n} driver.c func.c`` prints natively.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    BUILD_TIMEOUT,
    FUNCTIONS_DIR,
    Result,
    TargetInfo,
    opt_levels,
    output_diff,
    run,
    run_on_target,
    selected_targets,
)
from known_failures import known_failure

SETS = sorted(d for d in FUNCTIONS_DIR.iterdir() if (d / "func.c").is_file() and (d / "driver.c").is_file())

CONTROL_LEVELS = ["0", "2"]
PROTOTYPES_VARIANT = "prototypes"     # translated with --crt-prototypes
DEBUG_INFO_VARIANT = "debug-info"     # func.s compiled with -g, translated without prototypes
# A set may declare its boundary functions in this file; it is then also translated with
# --crt-prototypes=prototypes.h, which must make every signature exact.
PROTOTYPES = "prototypes.h"
# The drivers use 64-bit long constants, so the native control is run for LP64 targets only.
CONTROL_TARGETS = {"aarch64-linux-gnu", "riscv64-linux-gnu"}


# Known limitations of the universal native/translated boundary without --crt-prototypes
# (docs/abi.md). Strict: a set that starts passing must be removed from here.
_PROTOTYPES_NEEDED = ("needs --crt-prototypes: the universal AAPCS64 mapping cannot place "
                      "{what} without the prototype (docs/abi.md)")
KNOWN_LIMITATIONS: dict[str, tuple[set[str] | None, str]] = {
    "mixed_args": (None, _PROTOTYPES_NEEDED.format(what="more than 8 FP arguments (native stack)")),
    "variadic_sum": (None, _PROTOTYPES_NEEDED.format(what="variadic doubles beyond the 8 FP registers")),
    "struct_by_value": (None, _PROTOTYPES_NEEDED.format(what="structs whose SysV and AAPCS64 classes differ")),
    "he_struct_fp_pairs": (None, _PROTOTYPES_NEEDED.format(what="{float,float}/{double,int} structs by value")),
    "he_struct_sret": (None, _PROTOTYPES_NEEDED.format(what="structs over 16 bytes returned by value (x8)")),
}


# Sets that are not C for an ILP32 x86 (i386 gcc has no __int128): not built for i386 sources.
I386_UNBUILDABLE = {"factorial", "wide_math", "he_overflow_checks", "he_unsigned_math"}


def lp64_on_ilp32(target: TargetInfo) -> bool:
    """x86-64 (LP64) code for ARMv5 (ILP32): crossings are only exact with prototypes (docs/abi.md)."""
    return target.source == "x86_64" and target.triple == "arm-linux-gnueabi"


def prototypes_file(d: Path) -> Path:
    """A set's boundary declarations: its prototypes.h, else the driver itself (crt-cc reads the
    declarations of a C file and ignores function bodies)."""
    return d / PROTOTYPES if (d / PROTOTYPES).is_file() else d / "driver.c"


def _params():
    """Every set translated without prototypes; sets with a prototypes.h also with --crt-prototypes.

    x86-64 code for ARMv5: every set with its prototypes only (prototypes.h or the driver's own
    declarations), since no register mapping is exact for LP64 values on an ILP32 target.
    """
    for target in selected_targets():
        for d in SETS:
            if target.source == "i386" and d.name in I386_UNBUILDABLE:
                continue
            for lvl in opt_levels():
                if lp64_on_ilp32(target):
                    why = known_failure(f"{target.triple}/{target.source}", d.name, lvl)
                    marks = [pytest.mark.xfail(reason=why, strict=False)] if why else []
                    yield pytest.param(target, d, lvl, PROTOTYPES_VARIANT,
                                       id=f"{d.name}-O{lvl}-{target.short}-prototypes", marks=marks)
                    continue
                # (the AAPCS64 register-mapping limits; i386 ones are in known_failures.py)
                levels, why = KNOWN_LIMITATIONS.get(d.name, (set(), "")) if target.source == "x86_64" \
                    else (set(), "")
                marks = [pytest.mark.xfail(reason=why, strict=True)] if levels is None or lvl in levels else []
                open_bug = known_failure(target.triple, d.name, lvl)
                if open_bug and not marks:
                    marks = [pytest.mark.xfail(reason=open_bug, strict=False)]
                yield pytest.param(target, d, lvl, "", id=f"{d.name}-O{lvl}-{target.short}", marks=marks)
                for variant, wanted in ((PROTOTYPES_VARIANT, (d / PROTOTYPES).is_file()),
                                        (DEBUG_INFO_VARIANT, bool(marks))):
                    if wanted:
                        bug = known_failure(target.triple, f"{d.name}:{variant}", lvl)
                        vmarks = [pytest.mark.xfail(reason=bug, strict=False)] if bug else []
                        yield pytest.param(target, d, lvl, variant, id=f"{d.name}-O{lvl}-{target.short}-{variant}",
                                           marks=vmarks)


def _control_params():
    for target in selected_targets():
        if target.triple in CONTROL_TARGETS:
            for d in SETS:
                for lvl in CONTROL_LEVELS:
                    yield pytest.param(target, d, lvl, id=f"{d.name}-O{lvl}-{target.short}")


def _check_driver_run(res: Result, what: str) -> None:
    out = res.stdout.decode(errors="replace")
    failed = [line for line in out.splitlines() if "FAIL" in line]
    if res.timed_out or res.returncode != 0 or failed:
        pytest.fail(f"{what}: driver reported failure\n{res.describe()}", pytrace=False)


def _link_driver(target: TargetInfo, d: Path, objs: list[str], exe: Path, extra: list[str]) -> None:
    link = run([target.gcc, *extra, str(d / "driver.c"), *objs, "-o", str(exe), "-lm"], timeout=BUILD_TIMEOUT)
    if link.returncode != 0:
        pytest.fail(f"linking the native driver failed:\n{link.describe()}", pytrace=False)


def test_function_set_count() -> None:
    assert len(SETS) >= 30, f"only {len(SETS)} function sets in {FUNCTIONS_DIR}"


@pytest.mark.parametrize("target,fdir,lvl,variant", list(_params()))
def test_boundary_translated(target: TargetInfo, fdir: Path, lvl: str, variant: str, tmp_path: Path,
                             crt_cc_cmd, require_tools) -> None:
    require_tools(target.source_gcc, target.gcc, target.qemu)
    asm = tmp_path / "func.s"
    debug = ["-g"] if variant == DEBUG_INFO_VARIANT else []
    gen = run([target.source_gcc, "-S", *debug, f"-O{lvl}", str(fdir / "func.c"), "-o", str(asm)],
              timeout=BUILD_TIMEOUT)
    if gen.returncode != 0:
        pytest.fail(f"host gcc -S failed:\n{gen.describe()}", pytrace=False)
    cmd, env = crt_cc_cmd
    obj = tmp_path / "func.o"
    protos = [f"--crt-prototypes={prototypes_file(fdir)}"] if variant == PROTOTYPES_VARIANT else []
    tr = run([*cmd, f"--target={target.triple}", *target.source_flags, *protos, "-c", str(asm), "-o", str(obj)],
             timeout=BUILD_TIMEOUT, env=env, cwd=tmp_path)
    if tr.returncode != 0 or not obj.exists():
        pytest.fail(f"crt-cc failed to translate {fdir.name}/func.s (-O{lvl}):\n{tr.describe()}",
                    pytrace=False)
    exe = tmp_path / "t"
    _link_driver(target, fdir, [str(obj)], exe, [])
    got = run_on_target(target, exe, cwd=tmp_path)
    if target.source == "x86_64":
        _check_driver_run(got, f"translated {fdir.name} -O{lvl}")
        return
    # ILP32: the drivers' expected values assume LP64 in places (64-bit long constants), so the
    # oracle is the same func.c compiled natively for the target: every check must come out the
    # same, passed or failed, with the same values.
    native = tmp_path / "native"
    _link_driver(target, fdir, [str(fdir / "func.c")], native, [f"-O{lvl}"])
    ref = run_on_target(target, native, cwd=tmp_path)
    if got.timed_out or got.returncode != ref.returncode or got.stdout != ref.stdout:
        diff = output_diff(ref.stdout, got.stdout, f"native {target.short}", "translated")
        pytest.fail(f"translated {fdir.name} -O{lvl} differs from the native {target.short} build "
                    f"(exit {got.returncode} vs {ref.returncode}):\n{diff}\n{got.describe()}", pytrace=False)


@pytest.mark.parametrize("target,fdir,lvl", list(_control_params()))
def test_boundary_native_control(target: TargetInfo, fdir: Path, lvl: str, tmp_path: Path,
                                 require_tools) -> None:
    require_tools(target.gcc, target.qemu)
    exe = tmp_path / "t"
    _link_driver(target, fdir, [str(fdir / "func.c")], exe, [f"-O{lvl}"])
    _check_driver_run(run_on_target(target, exe, cwd=tmp_path), f"native {fdir.name} -O{lvl}")
