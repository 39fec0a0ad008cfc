"""The translation cache (crt_cc.cache): keys, correctness of hits, robustness, limits, remote store.

Most tests run crt-cc as a build system would (a subprocess per compile) against a private
cache directory, on one-function .s files so that each real translation stays well under a
second.  The store-level tests drive :class:`crt_cc.cache.local.LocalStore` directly.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ADD_S

from crt_cc import cache
from crt_cc.cache import entry, key
from crt_cc.cache.local import LocalStore
from crt_cc.driver.options import build_plan, parse_cc_args
from crt_cc.pipeline import Pipeline
from crt_cc.toolchain.targets import resolve_target

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(shutil.which("aarch64-linux-gnu-as") is None, reason="aarch64 binutils not installed"),
    pytest.mark.skipif(shutil.which("as") is None, reason="host as not installed"),
]

MUL_S = ADD_S.replace("add", "mul").replace("leaq (%rdi,%rsi), %rax", "movq %rdi, %rax\n    imulq %rsi, %rax")
SUB_S = ADD_S.replace("add", "sub").replace("leaq (%rdi,%rsi), %rax", "movq %rdi, %rax\n    subq %rsi, %rax")

# An exported function returning %rdi: the lifter warns about it (and reports the function).
IDENT_S = """\
.text
.globl ident
.type ident,@function
ident:
    movq %rdi, %rax
    ret
.section .note.GNU-stack,"",@progbits
"""

HEAVY_MODULES = ("llvmlite", "capstone", "torch", "cffi", "elftools", "pycparser")


def run_cc(*args: str, cwd: Path, cache_dir: Path | None, env: dict[str, str] | None = None,
           prog: str = "crt_cc.driver.cc", timeout: float = 120, stdin: int | None = None,
           ) -> subprocess.CompletedProcess:
    """crt-cc in a subprocess with the cache on and pointed at ``cache_dir``."""
    full = dict(os.environ)
    full["PYTHONPATH"] = str(REPO) + os.pathsep + full.get("PYTHONPATH", "")
    for var in [v for v in full if v.startswith("CRT_")]:
        del full[var]
    full["CRT_CACHE"] = "on"
    if cache_dir is not None:
        full["CRT_CACHE_DIR"] = str(cache_dir)
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", prog, *args], cwd=cwd, env=full, capture_output=True,
                          text=True, timeout=timeout, stdin=stdin)


def counters(cache_dir: Path) -> dict[str, int]:
    return LocalStore(str(cache_dir)).counters()


def entry_files(cache_dir: Path, kind: str = "*") -> list[Path]:
    return sorted(p for p in cache_dir.glob(f"??/*.{kind}") if not p.name.startswith("."))


def assert_all_entries_verify(cache_dir: Path) -> None:
    for path in entry_files(cache_dir):
        entry.decode(path.read_bytes(), path.name.split(".")[0])   # raises CorruptEntry


@pytest.fixture
def work(tmp_path: Path) -> Path:
    d = tmp_path / "work"
    d.mkdir()
    (d / "add.s").write_text(ADD_S)
    (d / "mul.s").write_text(MUL_S)
    (d / "sub.s").write_text(SUB_S)
    (d / "ident.s").write_text(IDENT_S)
    return d


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


# ---------------------------------------------------------------------------
# Hits are exact
# ---------------------------------------------------------------------------


def test_hit_after_miss_gives_byte_identical_object_and_assembly(work: Path, cache_dir: Path) -> None:
    first = run_cc("-c", "add.s", "-o", "a1.o", "-v", cwd=work, cache_dir=cache_dir)
    assert first.returncode == 0, first.stderr
    assert "[cache miss:" in first.stderr
    second = run_cc("-c", "add.s", "-o", "a2.o", "-v", cwd=work, cache_dir=cache_dir)
    assert second.returncode == 0, second.stderr
    assert "[cache hit: object" in second.stderr
    assert (work / "a1.o").read_bytes() == (work / "a2.o").read_bytes()

    # -S is served from the text entry the -c miss stored, identical to a fresh translation.
    s_hit = run_cc("-S", "add.s", "-o", "hit.s", cwd=work, cache_dir=cache_dir)
    fresh = run_cc("-S", "add.s", "-o", "fresh.s", cwd=work, cache_dir=None, env={"CRT_CACHE": "off"})
    assert s_hit.returncode == 0 and fresh.returncode == 0, s_hit.stderr + fresh.stderr
    assert (work / "hit.s").read_text() == (work / "fresh.s").read_text()
    c = counters(cache_dir)
    assert (c["hits"], c["misses"]) == (2, 1)
    assert_all_entries_verify(cache_dir)


def test_c_compiled_through_the_host_compiler_hits_on_the_second_build(work: Path, cache_dir: Path) -> None:
    """gcc -S and as are deterministic, so the x86 object (the key's input) repeats exactly."""
    (work / "f.c").write_text("int twice(int x) { return 2 * x; }\n")
    for out in ("f1.o", "f2.o"):
        proc = run_cc("--crt-via-x86", "-O2", "-g", "-c", "f.c", "-o", out, cwd=work, cache_dir=cache_dir)
        assert proc.returncode == 0, proc.stderr
    assert (work / "f1.o").read_bytes() == (work / "f2.o").read_bytes()
    assert (counters(cache_dir)["hits"], counters(cache_dir)["misses"]) == (1, 1)


def test_warnings_and_report_records_are_replayed_on_a_hit(work: Path, cache_dir: Path) -> None:
    runs = [run_cc("-c", "ident.s", "-o", f"i{n}.o", f"--crt-report=r{n}.json", cwd=work, cache_dir=cache_dir)
            for n in (1, 2)]
    for proc in runs:
        assert proc.returncode == 0, proc.stderr
        assert "ident.s: warning: 'ident' returns its first argument register" in proc.stderr
    assert runs[0].stderr == runs[1].stderr
    r1, r2 = (json.loads((work / f"r{n}.json").read_text()) for n in (1, 2))
    assert r1["warnings"] == r2["warnings"] and r1["warnings"]
    assert [{k: v for k, v in f.items() if k != "cache"} for f in r2["functions"]] == r1["functions"]
    assert all(f.get("cache") == "hit" for f in r2["functions"]) and r2["functions"]
    assert counters(cache_dir)["hits"] == 1


# ---------------------------------------------------------------------------
# --crt-via-x86: C keyed on its preprocessed text (no host gcc -S on a hit)
# ---------------------------------------------------------------------------

TWICE_C = '#include "k.h"\nint twice(int x) { int unused; return K * x; }\n'


@pytest.fixture
def logged_gcc(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A host compiler wrapper first on PATH that logs each command line (one per line) and runs gcc.

    crt-cc finds the host compiler as ``x86_64-linux-gnu-gcc`` (then ``gcc``) on PATH, so the
    log shows whether a build ran ``gcc -S`` or only the preprocessor.
    """
    real = shutil.which("x86_64-linux-gnu-gcc") or shutil.which("gcc")
    if real is None:
        pytest.skip("host gcc not installed")
    bindir, log = tmp_path / "bin", tmp_path / "gcc.log"
    bindir.mkdir()
    for name in ("x86_64-linux-gnu-gcc", "gcc"):
        wrapper = bindir / name
        wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real}" "$@"\n')
        wrapper.chmod(0o755)
    return {"PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"}, log


def _gcc_runs(log: Path) -> list[list[str]]:
    runs = [line.split() for line in log.read_text().splitlines()] if log.exists() else []
    log.unlink(missing_ok=True)
    return runs


def test_via_x86_hit_is_keyed_on_preprocessed_c_and_runs_no_host_compile(
        work: Path, cache_dir: Path, logged_gcc: tuple[dict[str, str], Path]) -> None:
    env, log = logged_gcc
    (work / "k.h").write_text("#define K 2\n")
    (work / "f.c").write_text(TWICE_C)
    args = ("--crt-via-x86", "-O2", "-Wall", "-MD", "-c", "f.c")
    miss = run_cc(*args, "-o", "f1.o", cwd=work, cache_dir=cache_dir, env=env)
    assert miss.returncode == 0, miss.stderr
    assert [r for r in _gcc_runs(log) if "-S" in r], "the first build compiles the C file"
    assert len(entry_files(cache_dir, "p")) == 1

    hit = run_cc(*args, "-o", "f2.o", cwd=work, cache_dir=cache_dir, env=env)
    assert hit.returncode == 0, hit.stderr
    runs = _gcc_runs(log)
    assert runs and all("-E" in r and "-S" not in r for r in runs), runs
    assert (work / "f1.o").read_bytes() == (work / "f2.o").read_bytes()
    c = counters(cache_dir)
    assert (c["hits"], c["preprocessed_hits"], c["misses"]) == (1, 1, 1)
    # -MD: the preprocessor run writes the dependency file, so a hit still has one.
    d1, d2 = ((work / f"f{n}.d").read_text() for n in (1, 2))
    assert d2.startswith("f2.o:") and "k.h" in d2 and d2.replace("f2.o", "f1.o") == d1
    # gcc's diagnostics (here -Wall's unused variable) are stored and replayed.
    assert "-Wunused-variable" in miss.stderr and hit.stderr == miss.stderr

    # -S of the same file is served from the same entries, identical to a fresh translation.
    s_hit = run_cc("--crt-via-x86", "-O2", "-Wall", "-S", "f.c", "-o", "hit.s", cwd=work, cache_dir=cache_dir,
                   env=env)
    assert s_hit.returncode == 0 and not [r for r in _gcc_runs(log) if "-S" in r], s_hit.stderr
    fresh = run_cc("--crt-via-x86", "-O2", "-Wall", "-S", "f.c", "-o", "fresh.s", cwd=work, cache_dir=None,
                   env={**env, "CRT_CACHE": "off"})
    assert fresh.returncode == 0, fresh.stderr
    assert (work / "hit.s").read_text() == (work / "fresh.s").read_text()
    assert counters(cache_dir)["preprocessed_hits"] == 2
    assert_all_entries_verify(cache_dir)


def test_via_x86_header_or_flag_change_misses(work: Path, cache_dir: Path,
                                              logged_gcc: tuple[dict[str, str], Path]) -> None:
    """The preprocessed text contains every header, so editing one changes the key; so do flags."""
    env, log = logged_gcc
    (work / "k.h").write_text("#define K 2\n")
    (work / "f.c").write_text(TWICE_C)
    build = ("--crt-via-x86", "-c", "f.c", "-o")
    assert run_cc(*build, "a.o", "-O2", cwd=work, cache_dir=cache_dir, env=env).returncode == 0
    _gcc_runs(log)
    (work / "k.h").write_text("#define K 3\n")
    assert run_cc(*build, "b.o", "-O2", cwd=work, cache_dir=cache_dir, env=env).returncode == 0
    assert [r for r in _gcc_runs(log) if "-S" in r], "b.o must be compiled again"
    assert (work / "a.o").read_bytes() != (work / "b.o").read_bytes()
    assert run_cc(*build, "c.o", "-O1", cwd=work, cache_dir=cache_dir, env=env).returncode == 0
    assert run_cc(*build, "d.o", "-O2", "-fno-inline", cwd=work, cache_dir=cache_dir, env=env).returncode == 0
    c = counters(cache_dir)
    assert c["preprocessed_hits"] == 0 and c["misses"] + c["hits"] == 4 and c["misses"] >= 2
    assert len(entry_files(cache_dir, "p")) == 4


def test_via_x86_options_with_side_outputs_keep_compiling(work: Path, cache_dir: Path,
                                                          logged_gcc: tuple[dict[str, str], Path]) -> None:
    """-fstack-usage makes gcc write a .su file, which a hit could not produce: such builds
    compile every time and use the object key only."""
    env, log = logged_gcc
    (work / "k.h").write_text("#define K 2\n")
    (work / "f.c").write_text(TWICE_C)
    for _ in range(2):
        proc = run_cc("--crt-via-x86", "-O2", "-fstack-usage", "-c", "f.c", "-o", "f.o", cwd=work,
                      cache_dir=cache_dir, env=env)
        assert proc.returncode == 0, proc.stderr
        assert [r for r in _gcc_runs(log) if "-S" in r]
    assert entry_files(cache_dir, "p") == [] and counters(cache_dir)["hits"] == 1


def test_preprocessor_mode_blockers_and_incomplete_text() -> None:
    assert key.preprocessor_mode_blocker(["-O2", "-g1", "-DX=1", "-Wall", "-fPIC"]) is None
    for bad in ("-fprofile-use", "-fprofile-arcs", "--coverage", "-save-temps=obj", "-fstack-usage",
                "-fplugin=x.so", "-dM", "-P", "-Wp,-dM", "-flto", "-gsplit-dwarf"):
        assert key.preprocessor_mode_blocker(["-O2", bad]) == bad
    assert key.preprocessed_text_is_complete(b'int f(void) { return 1; }\n# 1 "include/x.h"\n')
    assert not key.preprocessed_text_is_complete(b'asm(".incbin \\"blob.bin\\"");\n')
    assert not key.preprocessed_text_is_complete(b'__asm__("\\t.include \\"macros.s\\"");\n')
    assert key.preprocessed_text_is_complete(b'struct s x; int y = x.included;\n')


def test_preprocessed_key_covers_text_compiler_and_translation_settings() -> None:
    def k(text: bytes = b"int x;", compiler: dict[str, object] | None = None, **kw: object) -> str:
        parts: dict[str, object] = {"source_isa": "x86_64", "target": {"triple": "t"},
                                    "engine_config": {"name": "lift"}, "flags": {}, "source": {}}
        parts.update(kw)
        return cache.preprocessed_key(text, compiler=compiler or {"command": ["gcc", "-O2"]}, **parts)

    keys = [k(), k(b"int y;"), k(compiler={"command": ["gcc", "-O1"]}),
            k(compiler={"command": ["gcc", "-O2"], "compiler": {"mtime_ns": 1}}),
            k(target={"triple": "u"}), k(engine_config={"name": "model"}), k(flags={"opt_level": 1})]
    assert k() == keys[0] and len(set(keys)) == len(keys)
    # Never equal to an object-based key of the same bytes (the two kinds share a store).
    assert k() != cache.translation_key(b"int x;", source_isa="x86_64", target={"triple": "t"},
                                        engine_config={"name": "lift"}, flags={}, source={})


# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------


def _key(args: list[str], obj: Path, display: str = "add.s") -> str:
    a = parse_cc_args([*args, "-c", display])
    target = resolve_target(a.target_name)
    pipeline = Pipeline(build_plan(a, target), target)
    k = pipeline._cache_key(str(obj), display, "x86_64")
    assert k is not None
    return k


def test_key_changes_with_every_flag_target_and_input_that_changes_the_output(
        work: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(work)
    monkeypatch.setenv("CRT_CACHE", "on")
    monkeypatch.setenv("CRT_CACHE_DIR", str(cache_dir))
    for name in ("add", "mul"):
        subprocess.run(["as", "--64", "-o", f"{name}.o", f"{name}.s"], cwd=work, check=True)
    protos = work / "p.h"
    protos.write_text("long add(long, long);\n")
    add_o = work / "add.o"

    base = _key([], add_o)
    assert _key([], add_o) == base                       # deterministic
    assert _key(["-O3", "-g", "-DX=1"], add_o) == base   # C options do not reach a .s translation
    variants = {
        "opt1": _key(["--crt-opt=1"], add_o),
        "opt3": _key(["--crt-opt=3"], add_o),
        "exact-nan": _key(["--crt-exact-nan"], add_o),
        "prototypes": _key([f"--crt-prototypes={protos}"], add_o),
        "riscv64": _key(["--target=riscv64-linux-gnu"], add_o),
        "armv5": _key(["--target=arm-linux-gnueabi"], add_o),
        "object": _key([], work / "mul.o"),
        "display": _key([], add_o, display="mul.s"),
    }
    protos.write_text("long add(long, long);\ndouble other(double);\n")   # same path, new content
    variants["prototypes-content"] = _key([f"--crt-prototypes={protos}"], add_o)
    (work / "add.s").write_text(ADD_S + "# a comment the lifter may quote lines from\n")
    variants["source-content"] = _key([], add_o)
    keys = [base, *variants.values()]
    assert len(set(keys)) == len(keys), variants


def test_key_covers_engine_configuration_and_translator_sources(tmp_path: Path) -> None:
    def k(engine: dict[str, object]) -> str:
        return cache.translation_key(b"\x7fELF-object", source_isa="x86_64", target={"triple": "t"},
                                     engine_config=engine, flags={}, source={})
    weights = tmp_path / "weights"
    weights.mkdir()
    (weights / "model.bin").write_bytes(b"\0" * 64)
    model_a = k({"name": "model", "model": cache.tree_digest(str(weights))})
    (weights / "model.bin").write_bytes(b"\1" * 64)
    model_b = k({"name": "model", "model": cache.tree_digest(str(weights))})
    assert len({k({"name": "lift"}), model_a, model_b}) == 3

    pkg = tmp_path / "crt_cc"
    shutil.copytree(REPO / "crt_cc", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    before = key.package_source_digest(str(pkg))
    assert key.package_source_digest(str(pkg)) == before
    lifter = pkg / "lift" / "module.py"
    lifter.write_text(lifter.read_text() + "\n# edited\n")
    assert key.package_source_digest(str(pkg)) != before
    fp = key.translator_fingerprint()
    assert fp["libraries"]["llvmlite"] not in ("", "absent") and fp["libraries"]["capstone"] != "absent"


def test_translator_digest_memo_follows_every_edit(tmp_path: Path) -> None:
    """The memo saves rehashing an unchanged package, but any write to a file invalidates it."""
    pkg = tmp_path / "crt_cc"
    shutil.copytree(REPO / "crt_cc", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    memo = str(tmp_path / "cache" / "translator-digest.json")
    fresh = key.package_source_digest(str(pkg))
    assert key.package_source_digest(str(pkg), memo=memo) == fresh
    assert os.path.exists(memo) and key.package_source_digest(str(pkg), memo=memo) == fresh
    lifter = pkg / "lift" / "module.py"
    st = lifter.stat()
    lifter.write_text(lifter.read_text().replace("def ", "def\t", 1))    # same size, same mtime:
    assert lifter.stat().st_size == st.st_size                             # only the ctime tells
    os.utime(lifter, ns=(st.st_atime_ns, st.st_mtime_ns))
    edited = key.package_source_digest(str(pkg))
    assert edited != fresh and key.package_source_digest(str(pkg), memo=memo) == edited


def test_max_size_accepts_ccache_style_suffixes() -> None:
    assert cache.parse_size("500M") == 500 * 10**6
    assert cache.parse_size("1G") == cache.parse_size("1GB") == cache.parse_size("1") == 10**9
    assert cache.parse_size("64Ki") == cache.parse_size("64KiB") == 64 * 1024
    assert cache.parse_size("2.5G") == 2_500_000_000
    assert cache.parse_size("0") == 0
    with pytest.raises(ValueError):
        cache.parse_size("lots")


# ---------------------------------------------------------------------------
# Corruption, failures, CRT_CACHE=off
# ---------------------------------------------------------------------------


def _tamper_payload(path: Path) -> None:
    """Change the translation inside an entry without fixing its checksum (a plausible wrong answer)."""
    blob = path.read_bytes()
    if path.suffix == ".t":
        assert b"add\tx0" in blob or b"add x0" in blob, blob
        blob = blob.replace(b"add\tx0", b"sub\tx0").replace(b"add x0", b"sub x0")
    else:
        blob = blob[:-20] + bytes(b ^ 0xFF for b in blob[-20:])
    path.write_bytes(blob)


@pytest.mark.parametrize("damage", ["tampered", "truncated", "empty"])
def test_damaged_entries_are_misses_are_removed_and_never_served(work: Path, cache_dir: Path,
                                                                 damage: str) -> None:
    good = run_cc("-c", "add.s", "-o", "good.o", cwd=work, cache_dir=cache_dir)
    assert good.returncode == 0, good.stderr
    entries = entry_files(cache_dir)
    assert {p.suffix for p in entries} == {".t", ".o"}
    for path in entries:
        if damage == "tampered":
            _tamper_payload(path)
        elif damage == "truncated":
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        else:
            path.write_bytes(b"")
    again = run_cc("-c", "add.s", "-o", "again.o", "-v", cwd=work, cache_dir=cache_dir)
    assert again.returncode == 0, again.stderr
    assert "[cache miss:" in again.stderr and "cache hit" not in again.stderr
    assert (work / "again.o").read_bytes() == (work / "good.o").read_bytes()
    c = counters(cache_dir)
    assert c["corrupt"] == 2 and c["misses"] == 2 and c["hits"] == 0
    assert_all_entries_verify(cache_dir)          # the bad entries were replaced by good ones


def test_cache_off_neither_reads_nor_writes(work: Path, cache_dir: Path) -> None:
    proc = run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=cache_dir, env={"CRT_CACHE": "off"})
    assert proc.returncode == 0, proc.stderr
    assert not cache_dir.exists()
    run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=cache_dir)       # fill it
    before = {p: p.stat().st_mtime_ns for p in entry_files(cache_dir)}
    proc = run_cc("-c", "add.s", "-o", "b.o", "-v", cwd=work, cache_dir=cache_dir, env={"CRT_CACHE": "off"})
    assert proc.returncode == 0 and "cache" not in proc.stderr.split("[translate", 1)[1].splitlines()[0]
    assert {p: p.stat().st_mtime_ns for p in entry_files(cache_dir)} == before
    assert counters(cache_dir)["hits"] == 0


def test_read_only_cache_serves_hits_and_stores_nothing(work: Path, cache_dir: Path) -> None:
    assert run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=cache_dir).returncode == 0
    before = sorted(p.name for p in cache_dir.rglob("*"))
    env = {"CRT_CACHE_READONLY": "1"}
    hit = run_cc("-c", "add.s", "-o", "b.o", "-v", cwd=work, cache_dir=cache_dir, env=env)
    miss = run_cc("-c", "mul.s", "-o", "m.o", cwd=work, cache_dir=cache_dir, env=env)
    assert hit.returncode == 0 and miss.returncode == 0, hit.stderr + miss.stderr
    assert "[cache hit: object" in hit.stderr and "warning" not in hit.stderr + miss.stderr
    assert sorted(p.name for p in cache_dir.rglob("*")) == before


def test_unusable_cache_directory_costs_one_warning_not_the_build(work: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    proc = run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=blocker / "cache")
    assert proc.returncode == 0, proc.stderr
    assert (work / "a.o").exists()
    warnings = [ln for ln in proc.stderr.splitlines() if "translation cache" in ln]
    assert len(warnings) == 1 and "warning:" in warnings[0], proc.stderr


# ---------------------------------------------------------------------------
# --crt-cache-stats, --crt-cache-clear, size limit
# ---------------------------------------------------------------------------


def _stats(text: str) -> dict[str, str]:
    rows = [re.split(r"\s{2,}", ln.strip(), maxsplit=1) for ln in text.splitlines() if ln.strip()]
    return {row[0]: row[1] for row in rows if len(row) == 2}


def test_stats_report_hits_misses_entries_size_limit_and_directory(work: Path, cache_dir: Path) -> None:
    for _ in range(2):
        assert run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=cache_dir).returncode == 0
    proc = run_cc("--crt-cache-stats", cwd=work, cache_dir=cache_dir, env={"CRT_CACHE_MAXSIZE": "50M"})
    assert proc.returncode == 0, proc.stderr
    stats = _stats(proc.stdout)
    assert stats["cache directory"] == str(cache_dir)
    assert stats["hits"].startswith("1 ") and stats["misses"] == "1" and stats["hit rate"] == "50.0 %"
    assert stats["entries"] == "2" and stats["cache size"].endswith("kB")
    assert stats["max size"] == "50.0 MB"


def test_stats_with_inputs_are_printed_after_the_build(work: Path, cache_dir: Path) -> None:
    proc = run_cc("--crt-cache-stats", "-c", "add.s", "-o", "a.o", cwd=work, cache_dir=cache_dir)
    assert proc.returncode == 0, proc.stderr
    assert (work / "a.o").exists() and _stats(proc.stdout)["misses"] == "1"


def test_clear_removes_every_entry_and_resets_the_counters(work: Path, cache_dir: Path) -> None:
    for _ in range(2):
        assert run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=cache_dir).returncode == 0
    proc = run_cc("--crt-cache-clear", cwd=work, cache_dir=cache_dir)
    assert proc.returncode == 0, proc.stderr
    assert "cleared: 2 entries" in proc.stdout
    assert entry_files(cache_dir) == []
    assert counters(cache_dir)["hits"] == 0 and counters(cache_dir)["size"] == 0
    # crt-as takes the same options; with no input it must not wait for assembly on stdin.
    proc = run_cc("--crt-cache-clear", "--crt-cache-stats", cwd=work, cache_dir=cache_dir,
                  prog="crt_cc.driver.as_", timeout=30)
    assert proc.returncode == 0 and _stats(proc.stdout.split("\n", 1)[1])["entries"] == "0"


def _blob(k: str, size: int = 1000) -> bytes:
    return entry.encode(k, {"kind": "text", "report": [], "warnings": []}, k.encode() * (size // 64))


def test_eviction_at_the_size_limit_keeps_recently_used_entries(tmp_path: Path) -> None:
    keys = [f"{n:064x}" for n in range(9)]
    one = len(_blob(keys[0]))
    limit = 8 * one + one // 2                    # room for 8 entries; a cleanup keeps 90 %: 7
    store = LocalStore(str(tmp_path / "c"), max_size=limit)
    for k in keys[:5]:
        store.put(k, "t", _blob(k))
        time.sleep(0.02)               # distinct mtimes even on coarse-timestamp file systems
    assert store.get(keys[0], "t") is not None     # used: now the most recent of the five
    time.sleep(0.02)
    for k in keys[5:]:                             # the ninth entry goes over the limit
        store.put(k, "t", _blob(k))
        time.sleep(0.02)
    entries, size = store.usage()
    assert size <= limit and entries == 7
    survivors = {k for k in keys if store.path(k, "t") and os.path.exists(store.path(k, "t"))}
    assert survivors == {keys[0], *keys[3:]}       # keys[1], keys[2]: least recently used
    c = store.counters()
    assert c["evicted"] >= 1 and c["cleanups"] >= 1 and c["size"] == size and c["files"] == entries


# ---------------------------------------------------------------------------
# A hit is cheap
# ---------------------------------------------------------------------------


_PROBE = """\
import sys
from crt_cc.driver import cc
status = cc.main(sys.argv[1:])
print("STATUS", status)
print("MODULES", " ".join(sorted(sys.modules)))
"""


@pytest.mark.parametrize("stage", ["-c", "-S"])
def test_a_hit_does_not_import_the_translation_engine(work: Path, cache_dir: Path, stage: str) -> None:
    assert run_cc("-c", "add.s", "-o", "warm.o", cwd=work, cache_dir=cache_dir).returncode == 0
    env = dict(os.environ, CRT_CACHE="on", CRT_CACHE_DIR=str(cache_dir),
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("CRT_CACHE_REMOTE", None)
    proc = subprocess.run([sys.executable, "-c", _PROBE, stage, "add.s", "-o", "out"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=60)
    assert "STATUS 0" in proc.stdout, proc.stderr
    modules = proc.stdout.split("MODULES", 1)[1].split()
    loaded = [m for m in modules if m.split(".")[0] in HEAVY_MODULES or m in ("urllib.request", "http.client")]
    assert loaded == [], loaded
    assert counters(cache_dir)["hits"] == 1


def test_a_preprocessed_c_hit_does_not_import_the_translation_engine(work: Path, cache_dir: Path) -> None:
    (work / "k.h").write_text("#define K 2\n")
    (work / "f.c").write_text(TWICE_C)
    assert run_cc("--crt-via-x86", "-O2", "-c", "f.c", "-o", "warm.o", cwd=work, cache_dir=cache_dir).returncode == 0
    env = dict(os.environ, CRT_CACHE="on", CRT_CACHE_DIR=str(cache_dir),
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("CRT_CACHE_REMOTE", None)
    proc = subprocess.run([sys.executable, "-c", _PROBE, "--crt-via-x86", "-O2", "-c", "f.c", "-o", "out.o"],
                          cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert "STATUS 0" in proc.stdout, proc.stderr
    modules = proc.stdout.split("MODULES", 1)[1].split()
    loaded = [m for m in modules if m.split(".")[0] in HEAVY_MODULES or m in ("urllib.request", "http.client")]
    assert loaded == [], loaded
    assert counters(cache_dir)["preprocessed_hits"] == 1


# ---------------------------------------------------------------------------
# Remote store
# ---------------------------------------------------------------------------


class _Server:
    """An in-process HTTP store: PUT keeps the body under its path, GET returns it (404 if absent)."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self.requests: list[str] = []
        self.corrupt_gets = False
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.requests.append(f"GET {self.path}")
                body = server.blobs.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                if server.corrupt_gets:
                    body = body[:-10] + b"x" * 10
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_PUT(self) -> None:  # noqa: N802
                server.requests.append(f"PUT {self.path}")
                server.blobs[self.path] = self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/crt/cache"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def remote() -> Iterator[_Server]:
    server = _Server()
    yield server
    server.close()


def test_remote_store_is_written_through_and_read_through(work: Path, tmp_path: Path, remote: _Server) -> None:
    env = {"CRT_CACHE_REMOTE": remote.url}
    first = run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=tmp_path / "ci-1", env=env)
    assert first.returncode == 0, first.stderr
    assert [r.split()[0] for r in remote.requests] == ["GET", "PUT"]
    assert all(r.split()[1].startswith("/crt/cache/") for r in remote.requests)

    # Another machine (empty local cache) gets the translation from the remote and keeps a copy.
    second = run_cc("-c", "add.s", "-o", "b.o", "-v", cwd=work, cache_dir=tmp_path / "ci-2", env=env)
    assert second.returncode == 0, second.stderr
    assert "[cache hit: remote" in second.stderr
    assert (work / "a.o").read_bytes() == (work / "b.o").read_bytes()
    c = counters(tmp_path / "ci-2")
    assert (c["hits"], c["remote_hits"], c["misses"]) == (1, 1, 0)
    assert len(entry_files(tmp_path / "ci-2", "t")) == 1
    third = run_cc("-c", "add.s", "-o", "c.o", "-v", cwd=work, cache_dir=tmp_path / "ci-2", env=env)
    assert "[cache hit: object" in third.stderr          # now local: no request at all
    assert len(remote.requests) == 3


def test_read_only_remote_is_never_written(work: Path, tmp_path: Path, remote: _Server) -> None:
    env = {"CRT_CACHE_REMOTE": remote.url, "CRT_CACHE_REMOTE_READONLY": "1"}
    proc = run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=tmp_path / "pr-job", env=env)
    assert proc.returncode == 0, proc.stderr
    assert [r.split()[0] for r in remote.requests] == ["GET"] and remote.blobs == {}
    assert len(entry_files(tmp_path / "pr-job", "t")) == 1     # the local cache is still filled


def test_corrupt_remote_entries_are_not_served(work: Path, tmp_path: Path, remote: _Server) -> None:
    env = {"CRT_CACHE_REMOTE": remote.url}
    assert run_cc("-c", "add.s", "-o", "a.o", cwd=work, cache_dir=tmp_path / "one", env=env).returncode == 0
    remote.corrupt_gets = True
    proc = run_cc("-c", "add.s", "-o", "b.o", "-v", cwd=work, cache_dir=tmp_path / "two", env=env)
    assert proc.returncode == 0, proc.stderr
    assert "[cache miss:" in proc.stderr
    assert (work / "a.o").read_bytes() == (work / "b.o").read_bytes()
    assert counters(tmp_path / "two")["corrupt"] == 1


def test_unreachable_remote_degrades_to_a_miss_with_one_warning(work: Path, cache_dir: Path) -> None:
    with socket.socket() as s:        # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"CRT_CACHE_REMOTE": f"http://127.0.0.1:{port}/cache"}
    proc = run_cc("-c", "add.s", "mul.s", cwd=work, cache_dir=cache_dir, env=env)
    assert proc.returncode == 0, proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if "translation cache" in ln]
    assert len(warnings) == 1 and "remote store" in warnings[0], proc.stderr
    assert len(entry_files(cache_dir, "t")) == 2       # the local cache still works


# ---------------------------------------------------------------------------
# Concurrency and killed writers
# ---------------------------------------------------------------------------


def _tmp_files(cache_dir: Path, pid: int) -> list[Path]:
    return [p for p in cache_dir.glob("??/.tmp.*") if p.name.split(".")[-2] == str(pid)]


def test_concurrent_builds_with_writers_killed_mid_write_never_serve_a_bad_entry(
        work: Path, cache_dir: Path) -> None:
    inputs = ["add.s", "mul.s", "sub.s"]
    reference = {}
    for src in inputs:
        out = f"ref-{src}.o"
        proc = run_cc("-c", src, "-o", out, cwd=work, cache_dir=None, env={"CRT_CACHE": "off"})
        assert proc.returncode == 0, proc.stderr
        reference[src] = (work / out).read_bytes()

    full = dict(os.environ, CRT_CACHE="on", CRT_CACHE_DIR=str(cache_dir), CRT_CACHE_TEST_WRITE_PAUSE="30",
                PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # Writers that stop half-way through writing an entry, then die by SIGKILL.
    victims = [subprocess.Popen([sys.executable, "-m", "crt_cc.driver.cc", "-c", src, "-o", f"v{n}.o"],
                                cwd=work, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for n, src in enumerate(inputs * 2)]
    deadline = time.monotonic() + 60
    pending = set(range(len(victims)))
    while pending and time.monotonic() < deadline:
        for n in list(pending):
            if _tmp_files(cache_dir, victims[n].pid):
                victims[n].send_signal(signal.SIGKILL)
                pending.discard(n)
        time.sleep(0.02)
    for v in victims:
        v.kill()
        v.wait()
    assert not pending, "writers never reached the cache"
    assert list(cache_dir.glob("??/.tmp.*")), "killed writers should leave half-written temp files"
    assert entry_files(cache_dir) == []               # ...and never a visible entry

    # Plant torn entries too, as a non-atomic writer or a crash on a weak file system could.
    for tmp in list(cache_dir.glob("??/.tmp.*"))[:2]:
        name = tmp.name.split(".")
        (tmp.parent / f"{name[2]}.{name[3]}").write_bytes(tmp.read_bytes())

    # Now overlapping builds of every input, all at once, then again (hits).
    for _round in range(2):
        env = dict(full)
        del env["CRT_CACHE_TEST_WRITE_PAUSE"]
        procs = [(src, f"r{_round}-{n}.o",
                  subprocess.Popen([sys.executable, "-m", "crt_cc.driver.cc", "-c", src, "-o", f"r{_round}-{n}.o"],
                                   cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
                 for n, src in enumerate(inputs * 2)]
        for src, out, p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            assert (work / out).read_bytes() == reference[src], f"{out} differs from a fresh translation"
    assert_all_entries_verify(cache_dir)
    assert len(entry_files(cache_dir, "t")) == 3 and len(entry_files(cache_dir, "o")) == 3
    assert counters(cache_dir)["hits"] >= 6


_HAMMER = """\
import hashlib, os, random, sys
from crt_cc.cache import entry
from crt_cc.cache.local import LocalStore
store = LocalStore(sys.argv[1], max_size=int(sys.argv[2]))
rng = random.Random(int(sys.argv[3]))
keys = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(24)]
for _ in range(int(sys.argv[4])):
    k = rng.choice(keys)
    data = hashlib.sha256(k.encode()).digest() * rng.choice((4, 40, 400))
    got = store.get(k, "t")
    if got is None:
        store.put(k, "t", entry.encode(k, {"kind": "text", "n": len(data)}, data))
    else:
        meta, payload = got
        if payload != hashlib.sha256(k.encode()).digest() * (meta["n"] // 32):
            print("BAD ENTRY SERVED", k)
            sys.exit(3)
store.flush()
"""


def test_store_under_concurrent_writers_readers_evictions_and_kills_serves_only_intact_entries(
        tmp_path: Path) -> None:
    root = tmp_path / "c"
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               CRT_CACHE_TEST_WRITE_PAUSE="0.005")
    procs = []
    for seed in range(8):
        procs.append(subprocess.Popen([sys.executable, "-c", _HAMMER, str(root), "60000", str(seed), "150"],
                                      env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    time.sleep(0.6)
    for p in procs[::3]:                  # some die in the middle of whatever they were doing
        p.send_signal(signal.SIGKILL)
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode in (0, -signal.SIGKILL), out + err
        assert "BAD ENTRY" not in out
    assert_all_entries_verify(root)
    store = LocalStore(str(root), max_size=60000)
    store.cleanup()
    assert store.usage()[1] <= 60000
