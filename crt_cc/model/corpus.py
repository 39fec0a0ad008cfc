"""``crt-model corpus``: paired training data from C sources, the way the CRT paper built it.

Each C file is compiled twice per optimisation level -- by the host gcc to
x86-64 assembly and by the target's cross gcc to target assembly (the paper
used AnghaBench; here any C files, or the C files of Debian source packages
fetched with ``apt-get source``) -- and the two are paired per function:

* ``x86``: the function as the engine will show it to the model: the x86
  assembly is assembled and each function rendered by
  :mod:`crt_cc.model.x86text` from the object, exactly as at inference;
* ``asm``: the target compiler's text for the same function
  (:func:`crt_cc.model.asmtext.split_functions`), compiled without unwind
  tables and section anchors so that a function stands alone;
* ``x86_unit``: the whole x86 assembly file, from which ``crt-model eval``
  rebuilds the object to test a prediction against the lift engine (stored on
  the file's first record; the others name that record in ``x86_unit_of``).

Files that do not compile on their own (missing generated headers, other
architectures' code) are skipped and counted -- most of a package's files
compile standalone, the rest would need its build system.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import CrtError
from ..toolchain.targets import Target, host_tool
from .asmtext import split_functions

#: Flags for both compilers: one function per piece, no unwind tables (the lift engine emits none).
COMMON_FLAGS = ["-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fno-ident", "-w"]
#: For the target compiler: no section anchors (a function refers to variables by name) and no fused
#: multiply-add -- x86-64 code without FMA rounds twice, verification compares against that, and a
#: model trained on fused code would have its answers rejected for last-bit differences.
TARGET_FLAGS = ["-fno-section-anchors", "-ffp-contract=off"]
COMPILE_TIMEOUT = 120


@dataclass
class CorpusStats:
    files: int = 0
    compiled: int = 0
    pairs: int = 0
    skipped: list[str] = field(default_factory=list)     # "file: why"


def c_sources(paths: list[str]) -> list[str]:
    """C files named, or found under the directories named, sorted."""
    found: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            found += sorted(glob.glob(os.path.join(p, "**", "*.c"), recursive=True))
        elif os.path.isfile(p):
            found.append(p)
        else:
            raise CrtError(f"no such file or directory: {p}")
    return found


def fetch_debian_sources(package: str, workdir: str) -> str:
    """``apt-get source PACKAGE`` into ``workdir``; the extracted source tree."""
    proc = subprocess.run(["apt-get", "source", "-qq", package], cwd=workdir, capture_output=True, text=True)
    if proc.returncode != 0:
        raise CrtError(f"apt-get source {package} failed (deb-src entries: 'make setup'): "
                       f"{(proc.stderr or proc.stdout).strip()[:300]}")
    trees = [d for d in glob.glob(os.path.join(workdir, "*")) if os.path.isdir(d)]
    if not trees:
        raise CrtError(f"apt-get source {package} extracted nothing")
    return max(trees, key=os.path.getmtime)


def _compile(cmd: list[str]) -> str:
    """Run a compiler; '' on success, else its first error line."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=COMPILE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return "compiler timed out"
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.splitlines() if "error" in ln] or proc.stderr.splitlines() or ["failed"]
        return lines[0][:200]
    return ""


def pairs_for_file(src: str, target: Target, opt: str, workdir: str, include_dirs: list[str],
                   display: str | None = None) -> tuple[list[dict], str]:
    """Paired records of one C file at one optimisation level, or ([], why not).

    ``display``: the name records use for the file (default: ``src``).
    """
    display = display or src
    from ..frontend.elfobj import read_object
    from .x86text import function_text, object_functions

    incs = [f"-I{d}" for d in include_dirs]
    base = os.path.join(workdir, os.path.basename(src).replace(".c", "") + f".O{opt}")
    x86_s, x86_o, tgt_s = base + ".x86.s", base + ".x86.o", base + ".tgt.s"
    err = _compile([host_tool("gcc"), f"-O{opt}", *COMMON_FLAGS, *incs, "-S", src, "-o", x86_s])
    if err:
        return [], f"x86: {err}"
    err = _compile([target.tool("gcc"), f"-O{opt}", *COMMON_FLAGS, *TARGET_FLAGS, *incs, "-S", src, "-o", tgt_s])
    if err:
        return [], f"{target.triple}: {err}"
    err = _compile([host_tool("as"), "--64", x86_s, "-o", x86_o])
    if err:
        return [], f"as: {err}"
    try:
        obj = read_object(x86_o)
        functions = object_functions(obj)
    except CrtError as exc:
        return [], f"decode: {exc.message}"
    with open(x86_s, encoding="utf-8", errors="replace") as f:
        unit = f.read()
    with open(tgt_s, encoding="utf-8", errors="replace") as f:
        target_pieces = split_functions(f.read())
    records: list[dict] = []
    for fn in functions:
        answer = target_pieces.get(fn.name)
        if answer is None:
            continue
        rec = {"id": f"{display}:{fn.name}:O{opt}:{target.triple}", "source": display, "function": fn.name,
               "opt": opt, "target": target.triple, "global": fn.exported,
               "x86": function_text(obj, fn), "asm": answer}
        # The unit once per file and level; the file's other records point at that record.
        if records:
            rec["x86_unit_of"] = records[0]["id"]
        else:
            rec["x86_unit"] = unit
        records.append(rec)
    return records, ""


def build(sources: list[str], target: Target, out_path: str, *, opt_levels: tuple[str, ...] = ("0", "2"),
          debian: tuple[str, ...] = (), include_dirs: tuple[str, ...] = (),
          log: Callable[[str], None] | None = None) -> CorpusStats:
    """Write the JSONL corpus of ``sources`` (and Debian packages) to ``out_path``."""
    stats = CorpusStats()
    with tempfile.TemporaryDirectory(prefix="crt-corpus-") as workdir:
        trees: dict[str, str] = {}          # extracted tree -> package
        for package in debian:
            pkgdir = os.path.join(workdir, "deb-" + package)
            os.makedirs(pkgdir)
            trees[fetch_debian_sources(package, pkgdir)] = package
        files = c_sources(list(sources) + list(trees))
        stats.files = len(files)
        tmp = out_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            for n, src in enumerate(files):
                incs = list(include_dirs) + [os.path.dirname(os.path.abspath(src))]
                display = src
                for tree, package in trees.items():
                    if os.path.abspath(src).startswith(os.path.abspath(tree) + os.sep):
                        incs.append(tree)
                        display = f"debian:{package}/{os.path.relpath(src, tree)}"
                ok = False
                for opt in opt_levels:
                    unit_dir = os.path.join(workdir, f"u{n}")
                    os.makedirs(unit_dir, exist_ok=True)
                    records, why = pairs_for_file(src, target, opt, unit_dir, incs, display)
                    shutil.rmtree(unit_dir, ignore_errors=True)
                    if why:
                        stats.skipped.append(f"{display} -O{opt}: {why}")
                        continue
                    ok = True
                    for rec in records:
                        out.write(json.dumps(rec) + "\n")
                    stats.pairs += len(records)
                stats.compiled += ok
                if log:
                    log(f"[{n + 1}/{len(files)}] {display}: {'ok' if ok else 'skipped'}")
        os.replace(tmp, out_path)
    return stats
