"""Shared helpers for the end-to-end test layers (tests/test_programs.py, tests/test_boundary.py).

Plain functions, no pytest fixtures (those are in conftest.py), so other test
modules and ad-hoc scripts can import them: ``from helpers import ...``
(pytest puts tests/ on sys.path because it has no ``__init__.py``).

Environment knobs:

* ``CRT_CC``             -- command for crt-cc (shell words); default ``<repo>/.venv/bin/crt-cc``,
                            else ``python -m crt_cc.driver.cc`` with the repo on PYTHONPATH.
* ``CRT_RUN``            -- command to run a target program (``crt-run``-compatible: it is given
                            ``--target=T prog``); default: qemu-user directly with the target sysroot.
* ``CRT_TEST_TARGETS``   -- comma-separated target triples (default: AArch64, RISC-V64 and ARMv5 from i386); ``TRIPLE/SOURCE``
                            picks the source ISA (``arm-linux-gnueabi/x86_64``: x86-64 code on ARMv5).
* ``CRT_TEST_OPT_LEVELS``-- comma-separated optimisation levels (default ``0,1,2,3``).
* ``CRT_TEST_TIMEOUT``   -- seconds a target program may run (default 10).
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
PROGRAMS_DIR = TESTS / "programs"
FUNCTIONS_DIR = TESTS / "functions"

BUILD_TIMEOUT = 300
RUN_TIMEOUT = float(os.environ.get("CRT_TEST_TIMEOUT", "10"))


@dataclass(frozen=True)
class TargetInfo:
    triple: str
    gcc: str       # native cross compiler for the target
    qemu: str      # qemu-user binary
    sysroot: str   # passed to qemu -L
    short: str     # short name used in test ids
    source: str = "x86_64"   # the x86 code the tests translate for it: x86_64, or i386 (ILP32 ARMv5)

    @property
    def source_gcc(self) -> str:
        """The compiler that makes the x86 code (and the x86 reference programs)."""
        return "gcc" if self.source == "x86_64" else "i686-linux-gnu-gcc"

    @property
    def source_flags(self) -> list[str]:
        """crt-cc flags that select the source ISA."""
        return [] if self.source == "x86_64" else ["-m32"]

    @property
    def source_run(self) -> list[str]:
        """Prefix that runs an x86 reference program of the source ISA on the host."""
        return [] if self.source == "x86_64" else ["qemu-i386", "-L", "/usr/i686-linux-gnu"]


_TARGETS = {
    t.triple: t
    for t in (
        TargetInfo("aarch64-linux-gnu", "aarch64-linux-gnu-gcc", "qemu-aarch64", "/usr/aarch64-linux-gnu", "aarch64"),
        TargetInfo("riscv64-linux-gnu", "riscv64-linux-gnu-gcc", "qemu-riscv64", "/usr/riscv64-linux-gnu", "riscv64"),
        TargetInfo("arm-linux-gnueabi", "arm-linux-gnueabi-gcc", "qemu-arm", "/usr/arm-linux-gnueabi", "armv5",
                   "i386"),
    )
}
_ALIASES = {"aarch64": "aarch64-linux-gnu", "arm64": "aarch64-linux-gnu", "riscv64": "riscv64-linux-gnu",
            "armv5": "arm-linux-gnueabi", "armel": "arm-linux-gnueabi", "arm": "arm-linux-gnueabi"}


def target_info(name: str) -> TargetInfo:
    """A CRT_TEST_TARGETS entry: a triple or alias, optionally ``/SOURCE`` to translate another
    source ISA than the target's default (``arm-linux-gnueabi/x86_64``: LP64 code on ARMv5)."""
    name, _, source = name.partition("/")
    triple = _ALIASES.get(name, name)
    if triple not in _TARGETS:
        raise ValueError(f"unknown target {name!r} in CRT_TEST_TARGETS (known: {', '.join(_TARGETS)})")
    info = _TARGETS[triple]
    if source and source != info.source:
        if source not in ("x86_64", "i386"):
            raise ValueError(f"unknown source ISA {source!r} in CRT_TEST_TARGETS (x86_64 or i386)")
        info = dataclasses.replace(info, source=source, short=f"{info.short}-{source}")
    return info


def selected_targets() -> list[TargetInfo]:
    raw = os.environ.get("CRT_TEST_TARGETS", "aarch64-linux-gnu,riscv64-linux-gnu,arm-linux-gnueabi")
    return [target_info(t.strip()) for t in raw.split(",") if t.strip()]


def opt_levels() -> list[str]:
    raw = os.environ.get("CRT_TEST_OPT_LEVELS", "0,1,2,3")
    return [lvl.strip().removeprefix("-O") for lvl in raw.split(",") if lvl.strip()]


def crt_cc_command() -> tuple[list[str], dict[str, str]]:
    """How to run crt-cc: $CRT_CC, else the repo venv's script, else ``python -m crt_cc.driver.cc``."""
    env = dict(os.environ)
    env.pop("CRT_TARGET", None)  # the tests always pass --target explicitly
    if env.get("CRT_CC"):
        return shlex.split(env["CRT_CC"]), env
    venv = REPO / ".venv" / "bin" / "crt-cc"
    if venv.exists():
        return [str(venv)], env
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "crt_cc.driver.cc"], env


def run_prefix(target: TargetInfo) -> list[str]:
    """Command prefix that runs a target executable."""
    if os.environ.get("CRT_RUN"):
        return [*shlex.split(os.environ["CRT_RUN"]), f"--target={target.triple}"]
    return [target.qemu, "-L", target.sysroot]


def missing_tools(*tools: str) -> list[str]:
    return [t for t in tools if shutil.which(t) is None]


def program_cflags(src: Path) -> list[str]:
    """Extra compiler flags a program asks for with a ``/* CRT-TEST-CFLAGS: ... */`` comment."""
    m = re.search(r"CRT-TEST-CFLAGS:(.*?)\*/", src.read_text(errors="replace"))
    return shlex.split(m.group(1)) if m else []


@dataclass
class Result:
    cmd: list[str]
    returncode: int
    stdout: bytes
    stderr: bytes
    timed_out: bool = False

    def describe(self, limit: int = 4000) -> str:
        out = self.stdout.decode(errors="replace")
        err = self.stderr.decode(errors="replace")
        status = "TIMEOUT" if self.timed_out else f"exit status {self.returncode}"
        text = f"$ {shlex.join(self.cmd)}\n[{status}]\n"
        if out:
            text += f"--- stdout ---\n{out[-limit:]}\n"
        if err:
            text += f"--- stderr ---\n{err[-limit:]}\n"
        return text


def run(cmd: list[str], *, timeout: float, cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        return Result(cmd, -1, e.stdout or b"", e.stderr or b"", timed_out=True)
    except FileNotFoundError as e:
        return Result(cmd, 127, b"", str(e).encode())
    return Result(cmd, p.returncode, p.stdout, p.stderr)


def run_on_target(target: TargetInfo, exe: Path, *, timeout: float = RUN_TIMEOUT, cwd: Path | None = None) -> Result:
    return run([*run_prefix(target), str(exe)], timeout=timeout, cwd=cwd)


def output_diff(expected: bytes, actual: bytes, expected_name: str = "host x86-64",
                actual_name: str = "translated", limit: int = 80) -> str:
    a = expected.decode("latin-1").splitlines(keepends=True)
    b = actual.decode("latin-1").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, expected_name, actual_name))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... ({len(lines) - limit} more diff lines)\n"]
    return "".join(lines)


def check_files_translated_one_by_one(target: TargetInfo, sources: list[Path], flags: list[str],
                                      tmp_path: Path) -> None:
    """Build ``sources`` for the x86 host (reference) and with ``crt-cc --crt-via-x86 -c`` file by
    file for ``target``, link, run both and require the same output and a zero exit status:
    what a project's own Makefile does with ``CC=crt-cc``."""
    import pytest
    if missing_tools(target.gcc, target.qemu, target.source_gcc):
        pytest.skip("cross toolchain or qemu missing")
    ref_exe = tmp_path / "ref"
    build = run([target.source_gcc, *flags, *map(str, sources), "-o", str(ref_exe), "-lm"], timeout=120)
    assert build.returncode == 0, build.describe()
    ref = run([*target.source_run, str(ref_exe)], timeout=30)
    assert ref.returncode == 0, ref.describe()

    cmd, env = crt_cc_command()
    mode = ["-m32"] if target.source == "i386" else []
    objs = []
    for src in sources:
        obj = tmp_path / (src.name + ".o")
        res = run([*cmd, f"--target={target.triple}", *mode, "--crt-via-x86", *flags, "-c", str(src),
                   "-o", str(obj)], timeout=300, env=env)
        assert res.returncode == 0, res.describe()
        objs.append(str(obj))
    exe = tmp_path / "prog"
    link = run([*cmd, f"--target={target.triple}", *mode, *flags, *objs, "-o", str(exe), "-lm"], timeout=120, env=env)
    assert link.returncode == 0, link.describe()
    got = run_on_target(target, exe)
    assert got.stdout.decode() == ref.stdout.decode(), got.describe()
    assert got.returncode == 0


# A one-function x86-64 .s (a + b), for tests of the driver, the cache and the server.
ADD_S = """\
.text
.globl add
.type add,@function
add:
    leaq (%rdi,%rsi), %rax
    ret
.section .note.GNU-stack,"",@progbits
"""
