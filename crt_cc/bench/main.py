"""Command line of ``python -m crt_cc.bench`` (``make bench``; ``BENCH_ARGS`` passes options)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ..diagnostics import CrtError
from ..toolchain.targets import resolve_target
from . import report
from .measure import Bench, Side, host_reference, run
from .suite import (
    BENCH_DIR,
    BENCH_TARGETS,
    DEFAULT_TARGETS,
    EMPTY_C,
    REPO,
    BenchTarget,
    Program,
    kernels,
    zlib_programs,
)

DEFAULT_OUT = REPO / "docs" / "results"
DEFAULT_WORK = REPO / "build" / "bench"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m crt_cc.bench",
        description="Benchmark translated programs against native builds (see docs/benchmarks.md).")
    p.add_argument("--targets", default=",".join(DEFAULT_TARGETS),
                   help=f"comma-separated targets or aliases (default: {','.join(DEFAULT_TARGETS)}; "
                        "arm-linux-gnueabi is translated from i386 code, built with i686-linux-gnu-gcc "
                        "and crt-cc -m32)")
    p.add_argument("--levels", default="0,2", help="comma-separated -O levels (default: 0,2)")
    p.add_argument("--runs", type=int, default=7, help="wall-time runs per build, median (default: 7)")
    p.add_argument("--compile-runs", type=int, default=3,
                   help="timed compile/translate runs per program, median (default: 3)")
    p.add_argument("--programs", default="",
                   help="comma-separated subset of programs (then results go to build/bench/results "
                        "unless --out is given)")
    p.add_argument("--no-optional", action="store_true", help="leave out zlib's minigzip")
    p.add_argument("--no-setup", action="store_true", help="do not run bench/setup.sh")
    p.add_argument("--no-chart", action="store_true", help="do not draw the PNG chart")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds one program run may take (default: 60)")
    p.add_argument("--out", type=Path, default=None, help=f"results directory (default: {DEFAULT_OUT})")
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, help=f"build directory (default: {DEFAULT_WORK})")
    p.add_argument("-v", "--verbose", action="store_true", help="print every command")
    return p.parse_args(argv)


def crt_cc_command() -> list[str]:
    """$CRT_CC, else the repository venv's crt-cc, else the crt-cc script beside this Python (a
    clean clone run with the main checkout's venv and ``PYTHONPATH``, docs/benchmarks.md), else
    ``python -m crt_cc.driver.cc``.

    The script comes before ``-m``: under ``-m`` the working directory heads ``sys.path``, and the
    compile server's fingerprint (driver/client.py) covers it, so every output written there
    would start a new server and the warm timings would be cold ones."""
    if os.environ.get("CRT_CC"):
        return shlex.split(os.environ["CRT_CC"])
    for venv in (REPO / ".venv" / "bin" / "crt-cc", Path(sys.executable).parent / "crt-cc"):
        if venv.is_file():
            return [str(venv)]
    return [sys.executable, "-m", "crt_cc.driver.cc"]


def setup(work: Path, skip: bool) -> tuple[Path | None, str]:
    """Run bench/setup.sh (idempotent) and return the plugin path, or None and why."""
    plugin = work / "libinsn.so"
    if not skip:
        subprocess.run(["bash", str(BENCH_DIR / "setup.sh")], check=False,
                       env=dict(os.environ, BENCH_WORK=str(work), BENCH_PYTHON=sys.executable))
    if plugin.is_file():
        return plugin, ""
    return None, "the instruction-count plugin could not be built (see the bench setup messages)"


def first_line(cmd: list[str]) -> str:
    r = run(cmd, timeout=30)
    text = r.stdout.decode(errors="replace").strip().splitlines()
    return text[0] if text else "unknown"


def metadata(bt: BenchTarget, args: argparse.Namespace, plugin: Path | None, note: str) -> dict[str, Any]:
    """Where and how the numbers were taken, so that a reader can judge them."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = first_line(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = run(["git", "-C", str(REPO), "status", "--porcelain", "--", "crt_cc", ":!crt_cc/bench"], timeout=30).stdout.strip()
    t, src = resolve_target(bt.triple), bt.source
    flags = "".join(f" {f}" for f in src.crt_flags)
    run_ref = " ".join(src.run) + " " if src.run else ""
    try:
        import llvmlite

        llvm_version = llvmlite.__version__
    except ImportError:
        llvm_version = "unknown"
    hdr = args.work / "include" / "SOURCE-VERSION"
    return {
        "target": t.triple,
        "source": src.name,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit + ("+dirty" if dirty else ""),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "qemu": first_line([t.qemu, "--version"]),
        "host_gcc": first_line(["gcc", "--version"]),
        "source_gcc": first_line([src.gcc, "--version"]),
        "cross_gcc": first_line([t.gnu_prefix + "gcc", "--version"]),
        "llvmlite": llvm_version,
        "python": platform.python_version(),
        "runs": args.runs,
        "compile_runs": args.compile_runs,
        "levels": args.level_list,
        "plugin": plugin is not None,
        "plugin_note": note,
        "plugin_header": hdr.read_text().strip() if hdr.is_file() else None,
        "commands": {
            "reference": f"{src.gcc} -O<n> prog.c -o ref -lm; {run_ref}./ref",
            "native": f"{t.gnu_prefix}gcc -O<n> prog.c -o native -lm",
            "translated": f"crt-cc --target={t.triple}{flags} --crt-via-x86 -O<n> prog.c -o translated -lm",
            "run": f"{t.qemu} -L {t.sysroot} [-plugin build/bench/libinsn.so,outfile=F] prog",
            "native_compile": f"{t.gnu_prefix}gcc -c -O<n> prog.c",
            "translate": (f"{src.gcc} -S -O<n> prog.c (untimed); "
                          f"crt-cc --target={t.triple}{flags} -O<n> -c prog.s"),
        },
    }


def make_row(prog: Program, level: int, sides: dict[str, Side], host_status: str = "",
             host_reason: str = "") -> dict[str, Any]:
    """One table row: both sides' measurements, a status and (for failures) the reason.

    ``skipped`` (the program cannot be built for the source ISA or natively for the
    target, e.g. ``__int128`` on a 32-bit one) says nothing about the translator and
    is left out of the geometric means and pass counts; ``FAIL`` is the translator's.
    """
    n, t = sides["native"], sides["translated"]
    if host_status:
        status, reason = host_status, host_reason
    elif n.status == "build-fail":
        status, reason = "skipped", "native build failed: " + n.reason
    elif t.status == "build-fail":
        status, reason = "FAIL", "translated build failed: " + t.reason
    elif t.status == "wrong":
        status, reason = "FAIL", "translated program: " + t.reason
    elif n.status != "ok":
        status, reason = "native-fail", f"native {n.status}: {n.reason}"
    else:
        status, reason = "ok", ""
    row = {
        "program": prog.name, "description": prog.description, "optional": prog.optional,
        "level": level, "status": status, "reason": reason,
        "native": dataclasses.asdict(n), "translated": dataclasses.asdict(t),
    }
    return report.add_ratios(row)


def progress(row: dict[str, Any], short: str) -> str:
    q = row["ratios"]
    head = f"[{short} -O{row['level']}] {row['program']:<14}"
    if row["status"] != "ok":
        return f"{head} {row['status']}: {row['reason']}"
    return (f"{head} insns {report.fmt_ratio(q['insns'])}  wall {report.fmt_ratio(q['wall'])}  "
            f"cpu {report.fmt_ratio(q['cpu'])}  text {report.fmt_ratio(q['text'])}  "
            f"translate/compile {report.fmt_ratio(q['compile'])} (cold {report.fmt_ratio(q['compile_cold'])})")


def bench_target(name: str, programs: list[Program], args: argparse.Namespace, plugin: Path | None,
                 note: str) -> dict[str, Any] | None:
    """Measure every program at every level for one target; None when its tools are missing."""
    try:
        target = resolve_target(name)
    except CrtError as e:
        print(f"bench: {e}", file=sys.stderr)
        return None
    bt = BENCH_TARGETS.get(target.triple)
    if bt is None:
        print(f"bench: no benchmark description for {target.triple} (crt_cc/bench/suite.py)", file=sys.stderr)
        return None
    short, source = bt.short, bt.source
    for tool in (source.gcc, *source.run[:1]):
        if not shutil.which(tool):
            print(f"bench: {tool} not found (needed for {source.name} code); skipping {target.triple}",
                  file=sys.stderr)
            return None
    if not shutil.which(target.qemu):
        print(f"bench: {target.qemu} not found; skipping {target.triple}", file=sys.stderr)
        return None
    help_text = run([target.qemu, "--help"], timeout=30).stdout.decode(errors="replace")
    target_plugin, target_note = plugin, note
    if plugin is not None and "-plugin" not in help_text:
        target_plugin, target_note = None, f"{target.qemu} has no -plugin support"
    try:
        bench = Bench(target, crt_cc_command(), target_plugin, args.work / short, runs=args.runs,
                      compile_runs=args.compile_runs, timeout=args.timeout, source=source,
                      verbose=args.verbose)
    except CrtError as e:
        print(f"bench: {e}; skipping {target.triple}", file=sys.stderr)
        return None
    meta = metadata(bt, args, target_plugin, target_note)
    empty_prog = Program(name="empty", sources=(EMPTY_C,), description="the empty program")
    rows: list[dict[str, Any]] = []
    empty: dict[str, Any] = {}
    for level in args.level_list:
        ref, _, why = host_reference(empty_prog, level, args.work, source, args.timeout)
        if ref is None:
            print(f"[{short} -O{level}] empty program: {why}", file=sys.stderr)
        base = bench.baseline(empty_prog, level, ref) if ref is not None else None
        if base is not None:
            empty[str(level)] = {k: dataclasses.asdict(v) for k, v in base.items()}
            for k, v in base.items():
                if v.status != "ok":
                    print(f"[{short} -O{level}] empty program, {k}: {v.status}: {v.reason}", file=sys.stderr)
        for prog in programs:
            ref, host_status, why = host_reference(prog, level, args.work, source, args.timeout)
            if ref is None:
                row = make_row(prog, level, {"native": Side(status="not-run"), "translated": Side(status="not-run")},
                               host_status=host_status, host_reason=why)
            else:
                row = make_row(prog, level, bench.measure(prog, level, ref, base))
            rows.append(row)
            print(progress(row, short), flush=True)
    data = {"short": short, "meta": meta, "empty": empty, "results": rows}
    data["summary"] = report.summary(rows, args.level_list)
    return data


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.level_list = [int(x.strip().removeprefix("-O")) for x in args.levels.split(",") if x.strip()]
    args.work = args.work.resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    plugin, note = setup(args.work, args.no_setup)
    if plugin is None:
        print(f"bench: no instruction counts: {note}", file=sys.stderr)
    programs = kernels()
    if not args.no_optional:
        extra, why = zlib_programs(args.work / "zlib", args.work / "zlib-data")
        if why:
            print(f"bench: optional zlib benchmarks skipped: {why}", file=sys.stderr)
        programs += extra
    if args.programs:
        wanted = {p.strip() for p in args.programs.split(",") if p.strip()}
        unknown = wanted - {p.name for p in programs}
        if unknown:
            print(f"bench: unknown program(s): {', '.join(sorted(unknown))} "
                  f"(known: {', '.join(p.name for p in programs)})", file=sys.stderr)
            return 2
        programs = [p for p in programs if p.name in wanted]
    out = args.out or (args.work / "results" if args.programs else DEFAULT_OUT)
    status = 0
    for name in [t.strip() for t in args.targets.split(",") if t.strip()]:
        data = bench_target(name, programs, args, plugin, note)
        if data is None:
            status = 1
            continue
        paths = report.write(data, out, want_chart=not args.no_chart)
        for s in data["summary"]:
            print(f"{data['meta']['target']} -O{s['level']} {s['group']}: {s['passed']}/{s['total']} passed; "
                  f"geomean translated/native: insns {report.fmt_ratio(s['insns'])}, wall {report.fmt_ratio(s['wall'])}, "
                  f"cpu {report.fmt_ratio(s['cpu'])}, "
                  f"text {report.fmt_ratio(s['text'])}, translate/compile {report.fmt_ratio(s['compile'])} (cold {report.fmt_ratio(s['compile_cold'])})")
        print("wrote " + ", ".join(str(p.relative_to(REPO) if p.is_relative_to(REPO) else p) for p in paths))
    return status
