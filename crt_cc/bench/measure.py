"""Building, running and measuring one program for one target and -O level.

Everything runs sequentially on purpose: the benchmark machine is small and
shared, and parallel builds or runs would distort the wall and compile times.
Native and translated runs are interleaved so that load changes on the machine
hit both sides of a ratio alike.
"""

from __future__ import annotations

import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..toolchain.targets import Target
from .suite import REPO, X86_64, Program, Source

BUILD_TIMEOUT = 600.0


@dataclass
class Run:
    """One process run: stdout, exit status (None on timeout), wall and CPU seconds, stderr."""

    stdout: bytes
    returncode: int | None
    seconds: float
    stderr: bytes = b""
    cpu_seconds: float = 0.0


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run(cmd: list[str], *, timeout: float, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> Run:
    """Run *cmd* and time it; a timeout or a missing executable is a result, not an exception.

    CPU time (user+system of the child, from the RUSAGE_CHILDREN delta: runs are
    sequential) is kept beside wall time because the machine is shared, and CPU
    time is less disturbed by other processes than wall time is.
    """
    start, cpu0 = time.perf_counter(), _children_cpu()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        return Run(e.stdout or b"", None, time.perf_counter() - start, e.stderr or b"")
    except OSError as e:
        return Run(b"", 127, time.perf_counter() - start, str(e).encode())
    return Run(p.stdout, p.returncode, time.perf_counter() - start, p.stderr, _children_cpu() - cpu0)


def first_error(stderr: bytes, limit: int = 240) -> str:
    """The diagnostic worth showing in a table: the first ``error:`` line, temp dirs elided."""
    lines = [ln.strip() for ln in stderr.decode(errors="replace").splitlines() if ln.strip()]
    pick = next((ln for ln in lines if "error" in ln.lower()), lines[0] if lines else "no diagnostic")
    if pick.startswith("collect2:"):
        # "ld returned 1 exit status" says nothing; ld's first message before it says what
        # (undefined reference, multiple definition), after its "in function `f':" header.
        detail = next((ln for ln in lines if not ln.startswith("collect2:") and not ln.endswith("':")), "")
        pick = "ld: " + detail if detail else pick
    pick = re.sub(r"/tmp/crt-cc-[^/\s]+/", "<tmp>/", pick)
    pick = pick.replace(str(REPO) + "/", "")
    return pick if len(pick) <= limit else pick[: limit - 3] + "..."


def describe_mismatch(want: Run, got: Run, timeout: float, ref_name: str = "x86-64") -> str | None:
    """None when *got* behaves like the reference *want* (built for *ref_name*), else why not (one line)."""
    if got.returncode is None:
        return f"timed out after {timeout:g} s"
    if got.returncode < 0:
        return f"killed by signal {-got.returncode}"
    if got.stdout != want.stdout:
        a = want.stdout.decode(errors="replace").splitlines()
        b = got.stdout.decode(errors="replace").splitlines()
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return f"wrong output: line {i + 1} is {y[:60]!r}, {ref_name} prints {x[:60]!r}"
        if len(a) != len(b):
            return f"wrong output: {len(b)} lines, {ref_name} prints {len(a)}"
        return f"wrong output: {len(got.stdout)} bytes, {ref_name} prints {len(want.stdout)}"
    if got.returncode != want.returncode:
        return f"exit status {got.returncode}, {ref_name} gives {want.returncode}"
    return None


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


@dataclass
class Side:
    """Measurements of one build (native or translated) of a program."""

    status: str = "ok"                 # ok | build-fail | wrong | not-run
    reason: str = ""
    build_s: float | None = None       # full build (compile/translate + link), once
    insns: int | None = None           # dynamic instructions, empty program subtracted
    insns_raw: int | None = None
    wall_s: list[float] = field(default_factory=list)
    wall_median_s: float | None = None
    cpu_s: list[float] = field(default_factory=list)
    cpu_median_s: float | None = None
    text: int | None = None            # text bytes, empty program subtracted
    text_raw: int | None = None
    compile_s: list[float] = field(default_factory=list)  # gcc -c (native) / crt-cc -c (translated)
    compile_median_s: float | None = None
    # translated only: crt-cc -c in a fresh process each time (CRT_SERVER=off), the cost of a
    # build's first file; compile_s above is the warm compile server's, the cost of the others
    compile_cold_s: list[float] = field(default_factory=list)
    compile_cold_median_s: float | None = None
    x86_compile_s: float | None = None  # translated only: host gcc -S before crt-cc -c
    compile_error: str = ""            # why compile_s is empty


class Bench:
    """Tools and settings for one target: how to build, run and count.

    *source* is the x86 code translated for the target: its compiler makes the x86
    assembly and its ``crt_flags`` (``-m32`` for i386) go to every crt-cc command.
    """

    def __init__(self, target: Target, crt_cc: list[str], plugin: Path | None, work: Path, *,
                 runs: int, compile_runs: int, timeout: float, source: Source = X86_64,
                 verbose: bool = False) -> None:
        self.target = target
        self.crt_cc = crt_cc
        self.plugin = plugin
        self.work = work
        self.runs = runs
        self.compile_runs = compile_runs
        self.timeout = timeout
        self.source = source
        self.verbose = verbose
        self.gcc = target.tool("gcc")
        self.size = target.tool("size")
        # Translation times must be real work: no translation cache, ever.
        self.env = dict(os.environ, CRT_CACHE="off", LC_ALL="C")
        self.env.pop("CRT_TARGET", None)
        self.env.pop("QEMU_LD_PREFIX", None)

    # --- commands ---------------------------------------------------------------
    def _log(self, cmd: list[str]) -> None:
        if self.verbose:
            print("+ " + shlex.join(cmd), file=sys.stderr)

    def native_cmd(self, prog: Program, level: int, out: Path) -> list[str]:
        return [self.gcc, f"-O{level}", *prog.cflags, *map(str, prog.sources), "-o", str(out), "-lm"]

    def translated_cmd(self, prog: Program, level: int, out: Path) -> list[str]:
        return [*self.crt_cc, f"--target={self.target.triple}", *self.source.crt_flags, "--crt-via-x86",
                f"-O{level}", *prog.cflags, *map(str, prog.sources), "-o", str(out), "-lm"]

    def qemu_cmd(self, exe: Path, args: tuple[str, ...], count_file: Path | None = None) -> list[str]:
        cmd = [self.target.qemu, "-L", self.target.sysroot]
        if count_file is not None and self.plugin is not None:
            cmd += ["-plugin", f"{self.plugin},outfile={count_file}"]
        return [*cmd, str(exe), *args]

    # --- steps -----------------------------------------------------------------------
    def build(self, cmd: list[str], side: Side) -> bool:
        """Run a build command; on failure mark *side* build-fail with the first diagnostic."""
        self._log(cmd)
        r = run(cmd, timeout=BUILD_TIMEOUT, env=self.env)
        side.build_s = r.seconds
        if r.returncode != 0:
            side.status = "build-fail"
            side.reason = ("timed out" if r.returncode is None else first_error(r.stderr))
            return False
        return True

    def execute(self, exe: Path, args: tuple[str, ...], count: bool) -> tuple[Run, int | None]:
        """One run under qemu, with the instruction-count plugin when *count* and available."""
        count_file = exe.with_suffix(".insns") if count and self.plugin else None
        if count_file is not None:
            count_file.unlink(missing_ok=True)
        cmd = self.qemu_cmd(exe, args, count_file)
        self._log(cmd)
        r = run(cmd, timeout=self.timeout, env=self.env)
        insns = None
        if count_file is not None and count_file.is_file():
            m = re.search(rb"insns (\d+)", count_file.read_bytes())
            insns = int(m.group(1)) if m else None
        return r, insns

    def text_size(self, exe: Path) -> int | None:
        """The ``text`` column of Berkeley ``size``: code plus read-only data."""
        r = run([self.size, str(exe)], timeout=60)
        lines = r.stdout.decode().splitlines()
        if r.returncode != 0 or len(lines) < 2:
            return None
        return int(lines[1].split()[0])

    def native_compile_times(self, prog: Program, level: int, objdir: Path, side: Side) -> list[float]:
        """``<triple>-gcc -c -O<n>`` of every source, summed, ``compile_runs`` times."""
        objdir.mkdir(parents=True, exist_ok=True)
        times = []
        for _ in range(self.compile_runs):
            total = 0.0
            for i, src in enumerate(prog.sources):
                cmd = [self.gcc, "-c", f"-O{level}", *prog.cflags, str(src), "-o", str(objdir / f"{i:02d}-{src.stem}.o")]
                r = run(cmd, timeout=BUILD_TIMEOUT, env=self.env)
                if r.returncode != 0:
                    side.compile_error = f"{src.name}: {first_error(r.stderr)}"
                    return []
                total += r.seconds
            times.append(total)
        return times

    def x86_assembly(self, prog: Program, level: int, objdir: Path, side: Side) -> list[Path]:
        """Each source compiled once by the source ISA's ``gcc -S -O<n>``, the time summed in
        ``x86_compile_s``; [] (with ``compile_error``) when one fails."""
        objdir.mkdir(parents=True, exist_ok=True)
        asm = []
        x86 = 0.0
        for i, src in enumerate(prog.sources):
            s = objdir / f"{i:02d}-{src.stem}.s"
            r = run([self.source.gcc, "-S", f"-O{level}", *prog.cflags, str(src), "-o", str(s)],
                    timeout=BUILD_TIMEOUT, env=self.env)
            if r.returncode != 0:
                side.compile_error = f"{self.source.name} gcc -S {src.name}: {first_error(r.stderr)}"
                return []
            x86 += r.seconds
            asm.append(s)
        side.x86_compile_s = x86
        return asm

    def translate_times(self, asm: list[Path], level: int, side: Side, *, server: bool) -> list[float]:
        """``crt-cc -c prog.s`` (x86 assembly -> target object) of every file, summed,
        ``compile_runs`` times.

        With *server*, each command goes to a compile server started (and waited for)
        beforehand; without, each is a fresh process, as with ``CRT_SERVER=off``.
        """
        if not asm:
            return []
        env = dict(self.env, CRT_SERVER="on" if server else "off")
        if server:
            r = run([*self.crt_cc, "--crt-server-start"], timeout=BUILD_TIMEOUT, env=env)
            if r.returncode != 0:
                side.compile_error = f"crt-cc --crt-server-start: {first_error(r.stderr)}"
                return []
        times = []
        for _ in range(self.compile_runs):
            total = 0.0
            for s in asm:
                cmd = [*self.crt_cc, f"--target={self.target.triple}", *self.source.crt_flags, f"-O{level}",
                       "-c", str(s), "-o", str(s.with_suffix(".o"))]
                r = run(cmd, timeout=BUILD_TIMEOUT, env=env)
                if r.returncode != 0:
                    side.compile_error = f"crt-cc -c {s.name}: {first_error(r.stderr)}"
                    return []
                total += r.seconds
            times.append(total)
        return times

    # --- one program ------------------------------------------------------------------
    def measure(self, prog: Program, level: int, reference: Run,
                empty: dict[str, Side] | None) -> dict[str, Side]:
        """Build, check and measure both sides of *prog* at -O*level*."""
        d = self.work / f"O{level}" / prog.name
        d.mkdir(parents=True, exist_ok=True)
        sides = {"native": Side(), "translated": Side()}
        exes = {"native": d / "native", "translated": d / "translated"}
        cmds = {"native": self.native_cmd(prog, level, exes["native"]),
                "translated": self.translated_cmd(prog, level, exes["translated"])}
        for name, side in sides.items():
            exes[name].unlink(missing_ok=True)
            if not self.build(cmds[name], side):
                continue
            r, insns = self.execute(exes[name], prog.args, count=True)
            why = describe_mismatch(reference, r, self.timeout, self.source.name)
            if why:
                side.status, side.reason = "wrong", why
                continue
            base = (empty or {}).get(name)
            side.insns_raw = insns
            if insns is not None and base is not None and base.insns_raw is not None:
                side.insns = insns - base.insns_raw
            side.text_raw = self.text_size(exes[name])
            if side.text_raw is not None and base is not None and base.text_raw is not None:
                side.text = side.text_raw - base.text_raw
        ok = [n for n, s in sides.items() if s.status == "ok"]
        for _ in range(self.runs):                       # interleaved wall-time runs
            for name in ok:
                r, _ = self.execute(exes[name], prog.args, count=False)
                if r.returncode is not None and r.returncode >= 0:
                    sides[name].wall_s.append(r.seconds)
                    sides[name].cpu_s.append(r.cpu_seconds)
        for name in ok:
            sides[name].wall_median_s = median(sides[name].wall_s)
            sides[name].cpu_median_s = median(sides[name].cpu_s)
        n = sides["native"]
        n.compile_s = self.native_compile_times(prog, level, d / "native-obj", n)
        n.compile_median_s = median(n.compile_s)
        t = sides["translated"]
        if t.status != "build-fail":
            asm = self.x86_assembly(prog, level, d / "translated-obj", t)
            t.compile_s = self.translate_times(asm, level, t, server=True)
            t.compile_median_s = median(t.compile_s)
            t.compile_cold_s = self.translate_times(asm, level, t, server=False)
            t.compile_cold_median_s = median(t.compile_cold_s)
        return sides

    def baseline(self, prog: Program, level: int, reference: Run) -> dict[str, Side]:
        """The empty program measured like any other, with nothing subtracted.

        Dynamic linking and libc start-up cost ~90k instructions under qemu, the same
        for both builds; subtracting them leaves what the program itself executes.
        Its wall time is qemu's own start-up, and its translate time is crt-cc's
        fixed cost per file (Python and LLVM start-up), which the docs quote.
        """
        return self.measure(prog, level, reference, None)


def host_reference(prog: Program, level: int, work: Path, source: Source,
                   timeout: float) -> tuple[Run | None, str, str]:
    """The x86 build's behaviour (stdout and exit status): what both builds must reproduce.

    The reference is built for the *source* ISA (x86-64, or i386 for ARMv5), since
    that is the code the translation starts from: an ILP32 program may print other
    numbers than an LP64 one (``unsigned long`` hashes), and both would be right.
    Returns ``(run, "", "")``, or ``(None, status, reason)``: ``skipped`` when the
    program cannot be built for the source ISA (e.g. it needs ``__int128``),
    ``host-fail`` when the reference itself does not run to completion.
    """
    d = work / "host" / source.name / f"O{level}"
    d.mkdir(parents=True, exist_ok=True)
    exe = d / prog.name
    cmd = [source.gcc, f"-O{level}", *prog.cflags, *map(str, prog.sources), "-o", str(exe), "-lm"]
    b = run(cmd, timeout=BUILD_TIMEOUT)
    if b.returncode != 0:
        return None, "skipped", f"cannot be built for {source.name}: " + first_error(b.stderr)
    r = run([*source.run, str(exe), *prog.args], timeout=timeout)
    if r.returncode is None or r.returncode < 0:
        return None, "host-fail", f"{source.name} reference run failed (status {r.returncode})"
    return r, "", ""
