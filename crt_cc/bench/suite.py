"""What ``make bench`` measures: the kernels in ``bench/programs/`` and, optionally, zlib,
for which targets, and from which x86 code (x86-64, or i386 for ARMv5).

The kernels are small self-contained C programs with deterministic output (each
runs roughly 10-300 million AArch64 instructions under qemu, well under a second).
zlib's ``test/minigzip.c`` is a real multi-file program; its source comes from
Debian's ``zlib`` source package at bench time (``bench/setup.sh``), never from
this repository, so it is optional: without it the kernels are still measured.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = REPO / "bench"
PROGRAMS_DIR = BENCH_DIR / "programs"
EMPTY_C = BENCH_DIR / "empty.c"

# zlib's library sources plus its minigzip test program (zlib 1.2.x layout).
ZLIB_SOURCES = (
    "adler32.c", "compress.c", "crc32.c", "deflate.c", "gzclose.c", "gzlib.c", "gzread.c",
    "gzwrite.c", "infback.c", "inffast.c", "inflate.c", "inftrees.c", "trees.c", "uncompr.c",
    "zutil.c", "test/minigzip.c",
)


@dataclass(frozen=True)
class Source:
    """The x86 code a target's translation starts from, and how the host builds and runs it.

    The same compiler makes the reference program (whose output both builds must
    reproduce) and the x86 assembly that ``crt-cc -c`` is timed on, so a translation
    is always checked against the very code it was made from.
    """

    name: str                          # in reports: "x86-64", "i386"
    gcc: str                           # compiles the reference program and the x86 assembly
    crt_flags: tuple[str, ...] = ()    # crt-cc options that select this source ISA
    run: tuple[str, ...] = ()          # prefix that runs a reference program on the x86-64 host


X86_64 = Source(name="x86-64", gcc="gcc")
# Debian's i686 cross compiler; its programs run under qemu-i386 with its sysroot
# (the host kernel may lack 32-bit support, and the host has no i386 ld.so).
I386 = Source(name="i386", gcc="i686-linux-gnu-gcc", crt_flags=("-m32",),
              run=("qemu-i386", "-L", "/usr/i686-linux-gnu"))


@dataclass(frozen=True)
class BenchTarget:
    """One benchmarked target: the code translated for it and the name of its result files.

    Everything target-specific in the benchmark comes from here (and from
    :class:`crt_cc.toolchain.targets.Target`), so adding a target is one entry.
    """

    triple: str
    short: str                         # docs/results/bench-<short>.{json,md,png}
    source: Source = X86_64


BENCH_TARGETS: dict[str, BenchTarget] = {
    t.triple: t
    for t in (
        BenchTarget("aarch64-linux-gnu", "aarch64"),
        BenchTarget("riscv64-linux-gnu", "riscv64"),
        # ILP32 on both sides: the README's "i386 -> ARMv5" pair (docs/abi.md).
        BenchTarget("arm-linux-gnueabi", "armv5", I386),
    )
}
DEFAULT_TARGETS = tuple(BENCH_TARGETS)


@dataclass(frozen=True)
class Program:
    """One benchmarked program: its C sources, extra flags for every build, run arguments."""

    name: str
    sources: tuple[Path, ...]
    description: str
    cflags: tuple[str, ...] = ()
    args: tuple[str, ...] = ()
    optional: bool = False


def _description(src: Path) -> str:
    """The file's leading comment, on one line: what the kernel exercises (shown in the report)."""
    m = re.match(r"\s*/\*+(.*?)\*/", src.read_text(), re.S)
    if not m:
        return ""
    lines = [re.sub(r"^\s*\*\s?", "", ln) for ln in m.group(1).splitlines()]
    return " ".join(" ".join(lines).split())


def kernels() -> list[Program]:
    """Every ``bench/programs/*.c``, in name order (stable table order)."""
    return [Program(name=src.stem, sources=(src,), description=_description(src))
            for src in sorted(PROGRAMS_DIR.glob("*.c"))]


def zlib_programs(zlib_dir: Path, work: Path, host_cc: str = "gcc") -> tuple[list[Program], str]:
    """The two minigzip benchmarks, or ``([], why not)``.

    Input: zlib's own ``*.c`` files concatenated in name order (about 330 KB of C text,
    fixed for a given zlib version).  ``zlib-deflate`` compresses it to stdout;
    ``zlib-inflate`` decompresses the host build's compressed output.
    """
    if not (zlib_dir / "zlib.h").is_file():
        return [], f"zlib source not available in {zlib_dir} (bench/setup.sh could not fetch it)"
    missing = [s for s in ZLIB_SOURCES if not (zlib_dir / s).is_file()]
    if missing:
        return [], f"unexpected zlib layout: missing {', '.join(missing)}"
    work.mkdir(parents=True, exist_ok=True)
    data = work / "zlib-input.txt"
    blob = b"".join(p.read_bytes() for p in sorted(zlib_dir.glob("*.c")))
    if not data.is_file() or data.read_bytes() != blob:
        data.write_bytes(blob)
    sources = tuple(zlib_dir / s for s in ZLIB_SOURCES)
    cflags = (f"-I{zlib_dir}", "-DHAVE_UNISTD_H")
    # The compressed input for zlib-inflate, made by a host build of minigzip.
    host = work / "minigzip.host"
    gz = work / "zlib-input.txt.gz"
    try:
        subprocess.run([host_cc, "-O2", *cflags, *map(str, sources), "-o", str(host)],
                       check=True, capture_output=True, timeout=300)
        with open(gz, "wb") as out:
            subprocess.run([str(host), "-c", str(data)], check=True, stdout=out, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        return [], f"host build of minigzip failed: {e}"
    common = {"sources": sources, "cflags": cflags, "optional": True}
    return [
        Program(name="zlib-deflate", args=("-c", str(data)),
                description="zlib 1.2 minigzip -c: deflate (level 6) of 330 KB of C source", **common),
        Program(name="zlib-inflate", args=("-d", "-c", str(gz)),
                description="zlib 1.2 minigzip -d -c: inflate of the same data", **common),
    ], ""
