"""Whole-program corpus (tests/programs/*.c): translated output must equal the host x86-64 output.

For every program, optimisation level (-O0..-O3) and target (CRT_TEST_TARGETS):

1. reference: ``gcc -O{n} prog.c -o host -lm`` on the x86-64 host, run it (cached per session);
2. translated: ``crt-cc --target=T --crt-via-x86 -O{n} prog.c -o tr -lm``, run under qemu-user;
3. assert identical stdout bytes and exit status (a unified diff is shown on failure).

``test_program_native_control`` checks the corpus itself: the program compiled natively with the
target's gcc must already print what the host prints. It runs at -O2 only, for 64-bit Linux targets;
programs listed in HOST_ONLY_REFERENCE are excluded from it (not from the translation test, which
always compares against the host x86-64 build).

A program may ask for extra compiler flags (for both builds) with ``/* CRT-TEST-CFLAGS: ... */``.
"""

from __future__ import annotations

import shlex
import threading
from pathlib import Path

import pytest
from helpers import (
    BUILD_TIMEOUT,
    PROGRAMS_DIR,
    Result,
    TargetInfo,
    missing_tools,
    opt_levels,
    output_diff,
    program_cflags,
    run,
    run_on_target,
    selected_targets,
)
from known_failures import known_failure

PROGRAMS = sorted(PROGRAMS_DIR.glob("*.c"))

# Programs whose output, compiled natively for the target, legitimately differs from the x86-64 host
# (e.g. long double precision). They still take part in the translation test. None so far: every
# program prints identical output natively on aarch64 and riscv64 (built with -ffp-contract=off).
HOST_ONLY_REFERENCE: set[str] = set()

# Native control builds: no FMA contraction, so that a*b+c rounds as on x86-64 (SSE2 has no FMA).
NATIVE_CONTROL_FLAGS = ["-ffp-contract=off"]
# The corpus assumes LP64 (it prints sizeof(long) and 64-bit longs), so the control is 64-bit only.
NATIVE_CONTROL_TARGETS = {"aarch64-linux-gnu", "riscv64-linux-gnu"}


# Programs that are not C for an ILP32 x86: they are not built for targets translated from i386.
LP64_ONLY = {
    "mulhi_int128": "uses __int128, which i386 gcc does not have",
    "switch_sparse": "its case labels are 64-bit long constants (duplicates when long is 32-bit)",
}

# Open translation bugs, each tracked in the closing notes (non-strict xfails). None open now.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


def _params():
    for target in selected_targets():
        for prog in PROGRAMS:
            if target.source != "x86_64" and prog.stem in LP64_ONLY:
                continue
            for lvl in opt_levels():
                lp64_on_ilp32 = target.source == "x86_64" and target.triple == "arm-linux-gnueabi"
                key = f"{target.triple}/x86_64:programs" if lp64_on_ilp32 else target.triple
                why = KNOWN_BUGS.get((prog.stem, lvl)) or known_failure(key, prog.stem, lvl)
                marks = [pytest.mark.xfail(reason=why, strict=False)] if why else []
                yield pytest.param(target, prog, lvl, id=f"{prog.stem}-O{lvl}-{target.short}", marks=marks)


def _control_params():
    for target in selected_targets():
        if target.triple not in NATIVE_CONTROL_TARGETS:
            continue
        for prog in PROGRAMS:
            if prog.stem not in HOST_ONLY_REFERENCE:
                yield pytest.param(target, prog, id=f"{prog.stem}-{target.short}")


class HostReference:
    """Builds and runs each program once per (program, level) on the x86-64 host."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.cache: dict[tuple[str, str], Result] = {}
        self.lock = threading.Lock()

    def get(self, prog: Path, lvl: str, source: TargetInfo) -> Result:
        """The x86 reference run: x86-64, or i386 (under qemu-i386) for targets translated from it."""
        key = (prog.stem, lvl, source.source)
        with self.lock:
            if key not in self.cache:
                self.cache[key] = self._build_and_run(prog, lvl, source)
            return self.cache[key]

    def _build_and_run(self, prog: Path, lvl: str, source: TargetInfo) -> Result:
        exe = self.workdir / f"{prog.stem}.O{lvl}.{source.source}"
        build = run([source.source_gcc, f"-O{lvl}", *program_cflags(prog), str(prog), "-o", str(exe), "-lm"],
                    timeout=BUILD_TIMEOUT)
        if build.returncode != 0:
            pytest.fail(f"host build of {prog.name} failed:\n{build.describe()}", pytrace=False)
        res = run([*source.source_run, str(exe)], timeout=30, cwd=self.workdir)
        if res.timed_out or res.returncode < 0:
            pytest.fail(f"host reference run of {prog.name} -O{lvl} did not finish normally:\n{res.describe()}",
                        pytrace=False)
        return res


@pytest.fixture(scope="session")
def host_reference(tmp_path_factory) -> HostReference:
    if missing_tools("gcc"):
        pytest.fail("host gcc is not installed", pytrace=False)
    return HostReference(tmp_path_factory.mktemp("host-ref"))


def _assert_same(ref: Result, got: Result, what: str, build: Result) -> None:
    problems = []
    if got.timed_out:
        problems.append("timed out")
    if got.stdout != ref.stdout:
        problems.append("stdout differs:\n" + output_diff(ref.stdout, got.stdout, "host x86-64", what))
    if got.returncode != ref.returncode:
        problems.append(f"exit status {got.returncode}, host x86-64 exited {ref.returncode}")
    if problems:
        stderr = got.stderr.decode(errors="replace")[-3000:]
        msg = f"{what} run differs from host: " + "\n".join(problems) + f"\nbuilt with: {shlex.join(build.cmd)}"
        if stderr:
            msg += f"\n--- {what} stderr ---\n{stderr}"
        pytest.fail(msg, pytrace=False)


def test_corpus_size() -> None:
    assert len(PROGRAMS) >= 64, f"only {len(PROGRAMS)} programs in {PROGRAMS_DIR}"


@pytest.mark.parametrize("target,prog,lvl", list(_params()))
def test_program_translated(target: TargetInfo, prog: Path, lvl: str, tmp_path: Path,
                            crt_cc_cmd, host_reference: HostReference, require_tools) -> None:
    require_tools(target.qemu)
    ref = host_reference.get(prog, lvl, target)
    cmd, env = crt_cc_cmd
    exe = tmp_path / f"{prog.stem}.O{lvl}.{target.short}"
    build = run([*cmd, f"--target={target.triple}", *target.source_flags, "--crt-via-x86", f"-O{lvl}",
                 *program_cflags(prog),
                 str(prog), "-o", str(exe), "-lm"], timeout=BUILD_TIMEOUT, env=env, cwd=tmp_path)
    if build.returncode != 0 or not exe.exists():
        pytest.fail(f"crt-cc failed to build {prog.name}:\n{build.describe()}", pytrace=False)
    _assert_same(ref, run_on_target(target, exe, cwd=tmp_path), f"translated {target.short} -O{lvl}", build)


@pytest.mark.parametrize("target,prog", list(_control_params()))
def test_program_native_control(target: TargetInfo, prog: Path, tmp_path: Path,
                                host_reference: HostReference, require_tools) -> None:
    """The corpus is portable: a native target build prints exactly what the host build prints."""
    require_tools(target.gcc, target.qemu)
    ref = host_reference.get(prog, "2", target)
    exe = tmp_path / f"{prog.stem}.native.{target.short}"
    build = run([target.gcc, "-O2", *NATIVE_CONTROL_FLAGS, *program_cflags(prog), str(prog), "-o", str(exe),
                 "-lm"], timeout=BUILD_TIMEOUT)
    if build.returncode != 0:
        pytest.fail(f"native {target.short} build failed:\n{build.describe()}", pytrace=False)
    _assert_same(ref, run_on_target(target, exe, cwd=tmp_path), f"native {target.short} -O2", build)
