"""Real projects' own test suites and real build systems, built with crt-cc (issue 4).

Third-party code comes from Debian source packages at test time, never from this repository:
``apt-get source --download-only PKG`` into build/real-projects/ (toolchain/setup.sh adds the
deb-src entry), unpacked once and shared by the tests (zlib from its upstream tarball; cJSON,
libogg and musl with ``dpkg-source -x``, i.e. with Debian's patches, as Debian builds them).

* zlib: ``./configure`` (its own, not autoconf), make, its own ``make test`` (static, shared
  and 64-bit examples) with the target programs run through ``crt-run`` (zlib's ``QEMU_RUN``).
* cJSON: CMake with ``cmake/crt-<arch>.cmake``, then its own ctest suite (22 programs). Its tests
  run ``./prog`` paths, which CMake's cross-compiling emulator does not cover, so ctest runs
  under ``toolchain/binfmt.sh run`` (qemu-user registered with a private binfmt_misc).
* libogg: an autotools package: ``./configure --host=T CC=T-crt-cc`` (tool names derived from
  the prefix), make, and its own ``make check`` (which runs ``./test_bitwise`` directly) under
  ``toolchain/binfmt.sh run``.
* bzip2: a whole program built by its own Makefile with ``--crt-via-x86`` on every target
  (ARMv5 from i386 code), every file translated alone; the checks its ``test`` target runs.
* musl: its hand-written x86_64 memcpy/memmove/memset and setjmp/longjmp ``.s`` files translated
  by crt-cc (default mode: ``.s`` inputs are x86), renamed ``musl_*`` with the target objcopy
  and linked into C drivers (tests/real_projects/musl_*_check.c) that check edge cases.
* Our own small projects for what the packages do not exercise: a Makefile that derives tool
  names from a prefix (``CROSS_COMPILE=aarch64-linux-gnu-crt-``), and a CMake project with x86
  ``.s``/``.S`` sources and a ctest that runs through ``CMAKE_CROSSCOMPILING_EMULATOR``.

Modes: ``default`` (C by the target's cross gcc; x86 assembly translated) and ``via-x86``
(``--crt-via-x86``: every C file compiled to x86-64 assembly by the host gcc and translated).

Which cases run (``CRT_TEST_PROJECTS``): ``aarch64`` (default; what ``make test`` runs),
``extra`` (RISC-V64 and ARMv5; ``make test-projects``), ``all``. Where ``binfmt.sh run`` cannot
work (Linux < 6.7), the ctest and make check programs run under crt-run instead
(``CRT_TEST_NO_BINFMT=1`` forces that).
Results and timings: docs/real-projects.md.
"""

from __future__ import annotations

import fcntl
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from helpers import REPO, crt_cc_command

WORK = REPO / "build" / "real-projects"
VENV_BIN = REPO / ".venv" / "bin"
HERE = Path(__file__).resolve().parent / "real_projects"
BINFMT = REPO / "toolchain" / "binfmt.sh"

A64, RV64, ARM5 = "aarch64-linux-gnu", "riscv64-linux-gnu", "arm-linux-gnueabi"
CMAKE_FILE = {A64: "crt-aarch64.cmake", RV64: "crt-riscv64.cmake", ARM5: "crt-armv5.cmake"}
ELF_MACHINE = {A64: 183, RV64: 243, ARM5: 40}
ARMV5_UNSUPPORTED = "translating x86-64 code for 'arm-linux-gnueabi' is not supported yet"
BUILD_TIMEOUT = 1200


# ---------------------------------------------------------------------------------------------
# Which cases run
# ---------------------------------------------------------------------------------------------

def _selection() -> str:
    sel = os.environ.get("CRT_TEST_PROJECTS", "aarch64")
    if sel not in ("aarch64", "extra", "all"):
        raise ValueError(f"CRT_TEST_PROJECTS={sel!r}: expected aarch64, extra or all")
    return sel


def cases(*combos: tuple[str, ...], marks=()) -> list:
    """pytest params for (target, [mode]) combinations: AArch64 ones in the default selection
    (``make test``), the others with ``CRT_TEST_PROJECTS=extra`` (``make test-projects``)."""
    sel = _selection()
    out = []
    for combo in combos:
        is_a64 = combo[0] == A64
        if sel == "all" or (sel == "aarch64") == is_a64:
            out.append(pytest.param(*combo, id="-".join(combo), marks=marks))
    return out


def extra_cases(*combos: tuple[str, ...]) -> list:
    """Like ``cases``, but every target runs in ``make test-projects`` only (long builds that
    would push ``make test`` past its time)."""
    if _selection() == "aarch64":
        return []
    return [pytest.param(*combo, id="-".join(combo)) for combo in combos]


def default_selection_only(fn):
    """Target-independent tests run once: with the default selection (``make test``)."""
    return fn if _selection() != "extra" else None


# ---------------------------------------------------------------------------------------------
# Tools and sources
# ---------------------------------------------------------------------------------------------

def _via_x86_cc(triple: str) -> str:
    """``CC`` for a whole-program build with --crt-via-x86 (ARMv5: from i386 code, -m32)."""
    cmd, _ = crt_cc_command()
    return " ".join([*cmd, f"--target={triple}", *(["-m32"] if triple == ARM5 else []), "--crt-via-x86"])


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.fail(f"required tool(s) not installed: {', '.join(missing)} (run 'make setup')", pytrace=False)


def _venv_tool(name: str) -> Path:
    path = VENV_BIN / name
    if not path.exists():
        pytest.fail(f"{path} not found: run 'make setup' (it installs crt-cc and copies wrappers/)", pytrace=False)
    return path


def _crt_run(triple: str) -> list[str]:
    if (VENV_BIN / "crt-run").exists():
        return [str(VENV_BIN / "crt-run"), f"--target={triple}"]
    return [sys.executable, "-m", "crt_cc.toolchain.run", f"--target={triple}"]


def _build_env(**extra: str) -> dict[str, str]:
    """crt-cc's environment with .venv/bin first on PATH (prefixed wrappers found by name)."""
    _cmd, env = crt_cc_command()
    env = {**env, "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"}
    env.update(extra)
    return env


def _debian_source(package: str, marker: str, *, debian_patches: bool = False) -> Path:
    """Unpacked source of a Debian source package, cached under build/real-projects.

    ``debian_patches``: unpack with ``dpkg-source -x`` (Debian's patches applied), else the
    upstream tarball alone. Several xdist workers may ask at once: one fetches and unpacks
    under a lock, the others wait.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    with open(WORK / f".{package}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _fetch_and_unpack(package, marker, debian_patches)


def _fetch_and_unpack(package: str, marker: str, debian_patches: bool) -> Path:
    dest = WORK / package
    if (dest / marker).is_file() and (dest / ".complete").is_file():
        return dest
    _need("apt-get", "dpkg-source", "tar")
    dl = WORK / f"{package}-download"
    dl.mkdir(parents=True, exist_ok=True)
    cmd = ["apt-get", "source", "-qq", "--download-only", package]
    res = subprocess.run(cmd, cwd=dl, capture_output=True, text=True)
    if res.returncode != 0 and hasattr(os, "geteuid") and os.geteuid() == 0:
        # stale package lists (the deb-src entry predates the last update): refresh once
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
        res = subprocess.run(cmd, cwd=dl, capture_output=True, text=True)
    if res.returncode != 0:
        pytest.fail(f"cannot fetch Debian's {package} source ({' '.join(cmd)}): {res.stderr.strip()[-500:]}\n"
                    "run 'make setup' (it adds the deb-src entry) and 'apt-get update'", pytrace=False)
    unpack = WORK / f"{package}-unpack"
    shutil.rmtree(unpack, ignore_errors=True)
    unpack.mkdir(parents=True)
    if debian_patches:
        dscs = sorted(glob.glob(str(dl / f"{package}_*.dsc")))
        assert dscs, f"no .dsc in {dl}"
        res = subprocess.run(["dpkg-source", "--no-check", "-x", dscs[-1], str(unpack / package)],
                             capture_output=True, text=True)
        assert res.returncode == 0, f"dpkg-source -x {dscs[-1]} failed:\n{res.stdout}{res.stderr}"
    else:
        tarballs = sorted(glob.glob(str(dl / f"{package}_*.orig.tar.*")))
        assert tarballs, f"no upstream tarball in {dl}"
        subprocess.run(["tar", "xf", tarballs[-1], "-C", str(unpack)], check=True)
    (top,) = [p for p in unpack.iterdir() if p.is_dir()]
    shutil.rmtree(dest, ignore_errors=True)
    top.rename(dest)
    shutil.rmtree(unpack, ignore_errors=True)
    (dest / ".complete").touch()
    return dest


def _copy_tree(src: Path, dst: Path) -> Path:
    """A private copy of a source tree; modification times are kept (so make does not try to
    regenerate autotools files)."""
    shutil.copytree(src, dst, symlinks=True, ignore=shutil.ignore_patterns(".complete"))
    return dst


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float = BUILD_TIMEOUT,
         what: str | None = None) -> subprocess.CompletedProcess:
    """Runs a build step; fails the test with the tail of its output when it fails."""
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                       stdin=subprocess.DEVNULL)
    if p.returncode != 0:
        pytest.fail(f"{what or cmd[0]} failed (exit status {p.returncode}): {' '.join(cmd)}\n"
                    f"--- stdout ---\n{p.stdout[-4000:]}\n--- stderr ---\n{p.stderr[-4000:]}", pytrace=False)
    return p


def _elf_machine(path: Path) -> int:
    head = path.read_bytes()[:20]
    assert head[:4] == b"\x7fELF", f"{path} is not an ELF file"
    return int.from_bytes(head[18:20], "little")


def _assert_target_elf(path: Path, triple: str) -> None:
    """Built for the target (not the host): otherwise a passing test suite proves nothing."""
    assert path.is_file(), f"{path} was not built"
    assert _elf_machine(path) == ELF_MACHINE[triple], \
        f"{path} has ELF machine {_elf_machine(path)}, expected {ELF_MACHINE[triple]} ({triple})"


def _cache_env(tmp_path: Path) -> dict[str, str]:
    """A private, enabled translation cache: its statistics tell how many translations a build
    made (the suite otherwise runs with CRT_CACHE=off)."""
    return {"CRT_CACHE": "on", "CRT_CACHE_DIR": str(tmp_path / "crt-cache")}


def _cache_stats(env: dict[str, str]) -> dict[str, int]:
    cmd, _ = crt_cc_command()
    p = subprocess.run([*cmd, "--crt-cache-stats"], env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    stats = {}
    for key in ("hits", "misses"):
        m = re.search(rf"^{key}\s+(\d+)", p.stdout, re.M)
        assert m, f"no '{key}' in crt-cc --crt-cache-stats output:\n{p.stdout}"
        stats[key] = int(m.group(1))
    return stats


def _translator_digest(env: dict[str, str]) -> str:
    """The crt_cc package's content digest, part of every cache key (crt_cc/cache/key.py)."""
    p = subprocess.run([sys.executable, "-c", "from crt_cc.cache.key import package_source_digest as d; print(d())"],
                       env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


def _check_translations(env: dict[str, str], mode: str, at_least: int) -> dict[str, int]:
    """default mode translates nothing in a C-only project; via-x86 translates every C file."""
    stats = _cache_stats(env)
    if mode == "default":
        assert stats["misses"] == 0 and stats["hits"] == 0, f"default mode translated something: {stats}"
    else:
        assert stats["misses"] >= at_least, f"--crt-via-x86 made only {stats['misses']} translations: {stats}"
    return stats


# ---------------------------------------------------------------------------------------------
# binfmt_misc: running ./prog directly
# ---------------------------------------------------------------------------------------------

_binfmt_probe: dict[str, str] = {}


def _private_binfmt_problem(triple: str) -> str:
    """'' if ``toolchain/binfmt.sh run`` works here, else why not (cached per target).
    ``CRT_TEST_NO_BINFMT=1`` pretends it does not (to exercise the crt-run fallback)."""
    if os.environ.get("CRT_TEST_NO_BINFMT") == "1":
        return "CRT_TEST_NO_BINFMT=1"
    if triple not in _binfmt_probe:
        p = subprocess.run(["bash", str(BINFMT), "run", triple, "--", "true"], capture_output=True, text=True,
                           timeout=60)
        _binfmt_probe[triple] = "" if p.returncode == 0 else (p.stderr.strip() or f"exit status {p.returncode}")
    return _binfmt_probe[triple]


def _run_ctest(build: Path, triple: str, env: dict[str, str]) -> str:
    """Runs the project's ctest suite; returns its output. Tests whose command is a path
    (``./prog``) need binfmt_misc: ``binfmt.sh run`` gives a private registration. Where the
    kernel cannot (Linux < 6.7 without root), each listed test command runs under crt-run."""
    listed = _run(["ctest", "--show-only=json-v1"], cwd=build, env=env, timeout=120)
    tests = json.loads(listed.stdout)["tests"]
    assert tests, "ctest lists no tests"
    problem = _private_binfmt_problem(triple)
    if not problem:
        p = _run(["bash", str(BINFMT), "run", triple, "--", "ctest", "--output-on-failure", "-j2", "--timeout", "600"],
                 cwd=build, env=env, what="ctest")
        out = p.stdout + p.stderr
        assert f"100% tests passed, 0 tests failed out of {len(tests)}" in out, out[-4000:]
        return out
    print(f"toolchain/binfmt.sh run is not available ({problem}); running the ctest commands under crt-run")
    out = []
    for t in tests:
        props = {p["name"]: p["value"] for p in t.get("properties", [])}
        unsupported = set(props) - {"WORKING_DIRECTORY", "_BACKTRACE_TRIPLES"}
        assert not unsupported, f"test {t['name']}: properties {unsupported} not handled by this fallback"
        p = _run([*_crt_run(triple), *t["command"]], cwd=Path(props.get("WORKING_DIRECTORY", build)), env=env,
                 timeout=600, what=f"test {t['name']}")
        out.append(f"{t['name']}: passed\n{p.stdout[-300:]}")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# zlib: its own configure, make and make test
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("triple,mode", cases((A64, "default"), (A64, "via-x86"), (RV64, "default"),
                                              (RV64, "via-x86"), (ARM5, "default")))
def test_zlib_builds_with_crt_cc_and_passes_its_own_make_test(triple: str, mode: str, tmp_path: Path) -> None:
    _need("make")
    src = _debian_source("zlib", "zlib.h")
    build = _copy_tree(src, tmp_path / "zlib")
    cmd, _ = crt_cc_command()
    crt_cc = " ".join([*cmd, f"--target={triple}", *(["--crt-via-x86"] if mode == "via-x86" else [])])
    env = _build_env(CHOST=triple, CC=crt_cc, CFLAGS="-O2", **_cache_env(tmp_path))
    translator = _translator_digest(env)
    _run(["./configure"], cwd=build, env=env, timeout=300, what="zlib configure")
    configured = _cache_stats(env)
    run = " ".join(_crt_run(triple))
    t0 = time.monotonic()
    p = _run(["make", "-j2", "test", f"QEMU_RUN={run}"], cwd=build, env=env, what="zlib make test")
    cold = time.monotonic() - t0
    out = p.stdout + p.stderr
    for line in ("*** zlib test OK ***", "*** zlib shared test OK ***", "*** zlib 64-bit test OK ***"):
        assert line in out, f"{line!r} missing from zlib's make test output:\n{out[-4000:]}"
    for prog in ("example", "examplesh", "minigzip64", "libz.so.1"):
        _assert_target_elf(Path(os.path.realpath(build / prog)), triple)
    built = _check_translations(env, mode, at_least=15)
    if mode == "via-x86" and triple == A64:
        # The cache on a real project: a rebuild after 'make clean' translates nothing (every
        # translation of the first build is a hit) and its output passes zlib's tests again.
        # Cold/warm timings: docs/real-projects.md.
        translations = built["misses"] - configured["misses"]
        _run(["make", "clean"], cwd=build, env=env)
        t0 = time.monotonic()
        p = _run(["make", "-j2", "test", f"QEMU_RUN={run}"], cwd=build, env=env, what="zlib make test (warm)")
        warm = time.monotonic() - t0
        assert "*** zlib shared test OK ***" in p.stdout + p.stderr
        again = _cache_stats(env)
        if _translator_digest(env) != translator:
            pytest.skip("crt_cc's sources were edited during this test, which changes every cache key: "
                        "the warm rebuild cannot be checked")
        assert again["misses"] == built["misses"], f"the warm rebuild translated again: {built} -> {again}"
        assert again["hits"] - built["hits"] == translations, f"{translations} translations, but: {built} -> {again}"
        print(f"zlib make test with --crt-via-x86: cold {cold:.1f} s, warm {warm:.1f} s, {translations} translations")


# ---------------------------------------------------------------------------------------------
# bzip2: a whole program translated file by file (--crt-via-x86), its own Makefile's checks
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("triple", cases((A64,), (RV64,), (ARM5,)))
def test_bzip2_whole_program_via_x86_passes_its_own_checks(triple: str, tmp_path: Path) -> None:
    """Every file of bzip2 compiled to x86 assembly (i386 for ARMv5) and translated alone, so
    its calls between files cross from one translated object to another (docs/design.md); the
    checks are what its Makefile's ``test`` target runs: compress the three samples at their
    block sizes and decompress them (``-s``: the small-memory decoder), byte for byte."""
    _need("make")
    src = _debian_source("bzip2", "bzlib.c")
    build = _copy_tree(src, tmp_path / "bzip2")
    crt_cc = _via_x86_cc(triple)
    env = _build_env(**_cache_env(tmp_path))
    _run(["make", "-j2", "bzip2", f"CC={crt_cc}", f"AR={triple}-ar", f"RANLIB={triple}-ranlib"], cwd=build,
         env=env, what="bzip2 make")
    _assert_target_elf(build / "bzip2", triple)
    _check_translations(env, "via-x86", at_least=7)
    for n in ("1", "2", "3"):
        ref = (build / f"sample{n}.ref").read_bytes()
        packed = subprocess.run([*_crt_run(triple), "./bzip2", f"-{n}"], cwd=build, env=env, input=ref,
                                capture_output=True, timeout=300)
        assert packed.returncode == 0, packed.stderr.decode(errors="replace")
        assert packed.stdout == (build / f"sample{n}.bz2").read_bytes(), f"sample{n}: compressed output differs"
        unpacked = subprocess.run([*_crt_run(triple), "./bzip2", "-ds"], cwd=build, env=env,
                                  input=(build / f"sample{n}.bz2").read_bytes(), capture_output=True, timeout=300)
        assert unpacked.returncode == 0, unpacked.stderr.decode(errors="replace")
        assert unpacked.stdout == ref, f"sample{n}: decompressed output differs"


# ---------------------------------------------------------------------------------------------
# lz4: a whole program and its test programs translated file by file (--crt-via-x86)
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("triple", extra_cases((A64,), (RV64,), (ARM5,)))
def test_lz4_whole_program_via_x86_round_trips_and_passes_its_test_programs(triple: str, tmp_path: Path) -> None:
    """lz4's CLI and its frametest/fuzzer test programs built by its own Makefiles, every file
    translated alone (i386 code for ARMv5): -1/-9/-12 round trips of a fixed input through files
    (its sparse-file writer seeks with fseeko64 and checks S_ISREG with stat: both crossed the
    boundary wrongly on ARMv5 before; docs/abi.md), then frametest and fuzzer."""
    _need("make")
    src = _debian_source("lz4", "lib/lz4.c")
    build = _copy_tree(src, tmp_path / "lz4")
    crt_cc = _via_x86_cc(triple)
    env = _build_env(**_cache_env(tmp_path))
    _run(["make", "-j2", "-C", "programs", "lz4", f"CC={crt_cc}"], cwd=build, env=env, what="lz4 make")
    _run(["make", "-j2", "-C", "tests", "frametest", "fuzzer", f"CC={crt_cc}"], cwd=build, env=env,
         what="lz4 make (tests)")
    _assert_target_elf(build / "programs" / "lz4", triple)
    _assert_target_elf(build / "tests" / "fuzzer", triple)
    _check_translations(env, "via-x86", at_least=10)
    data = b"".join(p.read_bytes() for p in sorted((build / "lib").glob("lz4*.[ch]")))
    (tmp_path / "in.dat").write_bytes(data)
    for level in ("-1", "-9", "-12"):
        packed, unpacked = tmp_path / f"in{level}.lz4", tmp_path / f"out{level}.dat"
        for args in ([level, "-f", "-q", str(tmp_path / "in.dat"), str(packed)],
                     ["-d", "-f", "-q", str(packed), str(unpacked)]):
            p = subprocess.run([*_crt_run(triple), "./programs/lz4", *args], cwd=build, env=env,
                               capture_output=True, text=True, timeout=300)
            assert p.returncode == 0, f"lz4 {' '.join(args)}: {p.stderr[-2000:]}"
        assert unpacked.stat().st_size == len(data), f"lz4 {level}: decompressed size {unpacked.stat().st_size}"
        assert unpacked.read_bytes() == data, f"lz4 {level}: decompressed output differs"
        assert packed.stat().st_size < len(data) // 2, f"lz4 {level}: compressed to {packed.stat().st_size} bytes"
    for prog, args, done in (("frametest", ["-i20"], "All tests completed"),
                             ("fuzzer", ["-i30"], "all tests completed successfully")):
        p = subprocess.run([*_crt_run(triple), f"./{prog}", *args], cwd=build / "tests", env=env,
                           capture_output=True, text=True, timeout=600)
        out = p.stdout + p.stderr
        assert p.returncode == 0 and done in out, f"{prog}: exit {p.returncode}\n{out[-3000:]}"


# ---------------------------------------------------------------------------------------------
# jansson: a library and its ctest suite, every C file translated (--crt-via-x86)
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("triple", extra_cases((RV64,), (ARM5,)))
def test_jansson_via_x86_passes_its_own_ctest(triple: str, tmp_path: Path) -> None:
    """jansson 2.14 with the CMake toolchain file, -O3, every C file translated (i386 code for
    ARMv5): its 213 tests (API tests, valid/invalid JSON suites).  Its dumper's switch, whose
    cases tail-call through the output callback, was compiled to traps before (bug 5 in
    docs/real-projects.md)."""
    _need("cmake", "ctest", "make", "unshare")
    src = _debian_source("jansson", "CMakeLists.txt", debian_patches=True)
    build = tmp_path / "build"
    env = _build_env(**_cache_env(tmp_path))
    _run(["cmake", "-S", str(src), "-B", str(build), f"-DCMAKE_TOOLCHAIN_FILE={REPO / 'cmake' / CMAKE_FILE[triple]}",
          "-DCRT_VIA_X86=ON", "-DCMAKE_BUILD_TYPE=Release", "-DJANSSON_BUILD_DOCS=OFF",
          *(["-DCMAKE_C_FLAGS=-m32"] if triple == ARM5 else [])],
         cwd=tmp_path, env=env, timeout=600, what="cmake (configure)")
    _run(["cmake", "--build", str(build), "-j2"], cwd=tmp_path, env=env, what="cmake --build")
    _assert_target_elf(build / "bin" / "json_process", triple)
    _check_translations(env, "via-x86", at_least=20)
    out = _run_ctest(build, triple, env)
    print(out[-1500:])


# ---------------------------------------------------------------------------------------------
# libyaml: its ctest, and its example and run-* programs against the same code built for the host
# ---------------------------------------------------------------------------------------------

YAML_FILTERS = ("run-parser-test-suite", "example-reformatter", "example-deconstructor",
                "example-reformatter-alt", "example-deconstructor-alt")     # stdin -> stdout
YAML_RUNNERS = ("run-scanner", "run-parser", "run-loader", "run-dumper", "run-emitter")   # files


@pytest.mark.parametrize("triple", extra_cases((RV64,), (ARM5,)))
def test_libyaml_via_x86_behaves_like_the_host_build(triple: str, tmp_path: Path) -> None:
    """libyaml 0.2.5 with the CMake toolchain file, Release, every C file translated (i386 code for
    ARMv5): its ctest, then each of its ten example/run-* programs on every YAML file it ships
    (examples/, regression-inputs/), whose output and exit status must be the host build's byte
    for byte: differential execution of a whole library (scanner, parser, emitter, dumper)."""
    _need("cmake", "ctest", "make", "unshare")
    src = _debian_source("libyaml", "CMakeLists.txt", debian_patches=True)
    env = _build_env(**_cache_env(tmp_path))
    host, build = tmp_path / "host", tmp_path / "build"
    for where, extra in ((host, []), (build, [f"-DCMAKE_TOOLCHAIN_FILE={REPO / 'cmake' / CMAKE_FILE[triple]}",
                                              "-DCRT_VIA_X86=ON",
                                              *(["-DCMAKE_C_FLAGS=-m32"] if triple == ARM5 else [])])):
        _run(["cmake", "-S", str(src), "-B", str(where), "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_TESTING=ON",
              *extra], cwd=tmp_path, env=env, timeout=600, what="cmake (configure)")
        _run(["cmake", "--build", str(where), "-j2"], cwd=tmp_path, env=env, what="cmake --build")
    _assert_target_elf(build / "run-parser", triple)
    _check_translations(env, "via-x86", at_least=15)
    _run_ctest(build, triple, env)
    inputs = sorted([*(src / "examples").glob("*.yaml"), *(src / "regression-inputs").iterdir()])
    assert len(inputs) >= 8, inputs

    def outcome(cmd: list[str], stdin: Path | None) -> tuple[int, bytes]:
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fh:
            p = subprocess.run(cmd, stdin=fh, capture_output=True, timeout=120, cwd=tmp_path)
        return p.returncode, p.stdout + p.stderr

    runs = [([prog], f) for prog in YAML_FILTERS for f in inputs] + \
           [([prog, *map(str, inputs)], None) for prog in YAML_RUNNERS]
    for args, stdin in runs:
        want = outcome([str(host / args[0]), *args[1:]], stdin)
        got = outcome([*_crt_run(triple), str(build / args[0]), *args[1:]], stdin)
        assert got == want, f"{args[0]} {stdin or ''}: exit {got[0]} vs host {want[0]}\n" \
                            f"{got[1][-1500:].decode(errors='replace')}\n--- host ---\n" \
                            f"{want[1][-1500:].decode(errors='replace')}"


# ---------------------------------------------------------------------------------------------
# cJSON: CMake with our toolchain file, its own ctest suite
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("triple,mode", [*cases((A64, "default")), *cases((A64, "via-x86")),
                                         *cases((RV64, "default")), *cases((RV64, "via-x86")),
                                         *cases((ARM5, "default"))])
def test_cjson_builds_with_the_cmake_toolchain_file_and_passes_its_own_ctest(triple: str, mode: str,
                                                                           tmp_path: Path) -> None:
    _need("cmake", "ctest", "make", "unshare")
    src = _debian_source("cjson", "cJSON.h", debian_patches=True)
    build = tmp_path / "build"
    env = _build_env(**_cache_env(tmp_path))
    _run(["cmake", "-S", str(src), "-B", str(build), f"-DCMAKE_TOOLCHAIN_FILE={REPO / 'cmake' / CMAKE_FILE[triple]}",
          "-DENABLE_CJSON_UTILS=ON", "-DCMAKE_C_FLAGS=-O2", f"-DCRT_VIA_X86={'ON' if mode == 'via-x86' else 'OFF'}"],
         cwd=tmp_path, env=env, timeout=600, what="cmake (configure)")
    _run(["cmake", "--build", str(build), "-j2"], cwd=tmp_path, env=env, what="cmake --build")
    _assert_target_elf(build / "tests" / "parse_hex4", triple)
    _assert_target_elf(build / "cJSON_test", triple)
    _check_translations(env, mode, at_least=20)
    out = _run_ctest(build, triple, env)
    print(out[-1500:])


# ---------------------------------------------------------------------------------------------
# libogg: autotools (--host, tool names from the prefix), its own make check
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("triple", cases((A64,), (RV64,), (ARM5,)))
def test_libogg_autotools_configure_host_and_its_own_make_check(triple: str, tmp_path: Path) -> None:
    _need("make", "unshare")
    _venv_tool(f"{triple}-crt-cc")
    src = _debian_source("libogg", "configure", debian_patches=True)
    build = _copy_tree(src, tmp_path / "libogg")
    env = _build_env(**_cache_env(tmp_path))
    cfg = _run(["./configure", f"--host={triple}", f"CC={triple}-crt-cc", "CFLAGS=-O2"], cwd=build, env=env,
               timeout=600, what="libogg configure")
    assert "checking whether we are cross compiling... yes" in cfg.stdout, cfg.stdout
    log = (build / "config.log").read_text(errors="replace")
    assert re.search(rf"^AR='{re.escape(triple)}-ar'$", log, re.M), "configure did not derive AR from --host"
    _run(["make", "-j2"], cwd=build, env=env, what="libogg make")
    for prog in ("test_bitwise", "test_framing"):
        _assert_target_elf(build / "src" / prog, triple)
    _assert_target_elf(Path(os.path.realpath(build / "src" / ".libs" / "libogg.so")), triple)
    _check_translations(env, "default", 0)
    problem = _private_binfmt_problem(triple)
    if not problem:
        p = _run(["bash", str(BINFMT), "run", triple, "--", "make", "check"], cwd=build, env=env,
                 what="libogg make check")
        out = p.stdout + p.stderr
    else:   # what libogg's check target runs, under crt-run
        print(f"toolchain/binfmt.sh run is not available ({problem}); running libogg's tests under crt-run")
        runs = [_run([*_crt_run(triple), f"./{prog}"], cwd=build / "src", env=env)
                for prog in ("test_bitwise", "test_framing")]
        out = "".join(r.stdout + r.stderr for r in runs)
    for line in ("Testing unaligned writecopies (MSb): ok.", "Testing recapture... ok."):
        assert line in out, f"{line!r} missing from libogg's make check output:\n{out[-3000:]}"


# ---------------------------------------------------------------------------------------------
# Our own small builds: prefixed tool names in a Makefile; CMake with x86 assembly and crt-run
# ---------------------------------------------------------------------------------------------

def _xfail_if_armv5_translation_unsupported(triple: str, output: str) -> None:
    if triple == ARM5 and ARMV5_UNSUPPORTED in output:
        pytest.xfail("x86-64 -> ARMv5 translation not yet available")


@pytest.mark.parametrize("triple", cases((A64,), (RV64,), (ARM5,)))
def test_makefile_deriving_tool_names_from_a_prefix(triple: str, tmp_path: Path) -> None:
    """CROSS_COMPILE=<triple>-crt- gives CC=<triple>-crt-cc and AS=<triple>-crt-as (wrappers/)."""
    _need("make")
    for tool in ("cc", "as"):
        _venv_tool(f"{triple}-crt-{tool}")
    build = _copy_tree(HERE / "prefix", tmp_path / "prefix")
    env = _build_env()
    p = subprocess.run(["make", f"CROSS_COMPILE={triple}-crt-"], cwd=build, env=env, capture_output=True,
                       text=True, timeout=300)
    _xfail_if_armv5_translation_unsupported(triple, p.stdout + p.stderr)
    assert p.returncode == 0, f"make failed:\n{p.stdout}\n{p.stderr}"
    assert f"{triple}-crt-cc" in p.stdout and f"{triple}-crt-as" in p.stdout, p.stdout
    for f in ("main.o", "checksum.o", "prog"):
        _assert_target_elf(build / f, triple)
    run = subprocess.run([*_crt_run(triple), str(build / "prog")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (HERE / "prefix" / "expected.txt").read_text()


@pytest.mark.parametrize("triple,mode", cases((A64, "default"), (A64, "via-x86"), (RV64, "default"),
                                              (ARM5, "default")))
def test_cmake_toolchain_file_with_x86_assembly_and_crt_run_as_emulator(triple: str, mode: str,
                                                                       tmp_path: Path) -> None:
    _need("cmake", "ctest", "make")
    build = tmp_path / "build"
    env = _build_env(**_cache_env(tmp_path))
    p = subprocess.run(["cmake", "-S", str(HERE / "cmake-asm"), "-B", str(build),
                        f"-DCMAKE_TOOLCHAIN_FILE={REPO / 'cmake' / CMAKE_FILE[triple]}",
                        f"-DCRT_VIA_X86={'ON' if mode == 'via-x86' else 'OFF'}"],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, f"cmake failed:\n{p.stdout}\n{p.stderr}"
    assert "The ASM compiler identification is GNU" in p.stdout, p.stdout
    processor = {A64: "aarch64", RV64: "riscv64", ARM5: "arm"}[triple]
    assert f"-- CMAKE_SYSTEM_PROCESSOR={processor}\n" in p.stdout, p.stdout
    assert f"-- CMAKE_CROSSCOMPILING_EMULATOR={_venv_tool('crt-run')};--target={triple}\n" in p.stdout, p.stdout
    configured = _cache_stats(env)
    b = subprocess.run(["cmake", "--build", str(build), "-v"], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=600)
    _xfail_if_armv5_translation_unsupported(triple, b.stdout + b.stderr)
    assert b.returncode == 0, f"cmake --build failed:\n{b.stdout[-3000:]}\n{b.stderr[-3000:]}"
    assert f"{triple}-crt-cc" in b.stdout
    assert ("--crt-via-x86" in b.stdout) == (mode == "via-x86"), b.stdout
    _assert_target_elf(build / "asmdemo", triple)
    built = _cache_stats(env)
    assert built["misses"] - configured["misses"] == (3 if mode == "via-x86" else 2), \
        f"expected translations of add3.s, scale.S (and main.c with --crt-via-x86): {configured} -> {built}"
    # the test names the executable target, so ctest runs it through CMAKE_CROSSCOMPILING_EMULATOR
    t = subprocess.run(["ctest", "--output-on-failure", "-V"], cwd=build, env=env, capture_output=True, text=True,
                       timeout=300)
    assert t.returncode == 0, f"ctest failed:\n{t.stdout[-3000:]}\n{t.stderr[-2000:]}"
    assert "crt-run" in t.stdout and f"--target={triple}" in t.stdout, t.stdout[-3000:]
    assert "100% tests passed, 0 tests failed out of 2" in t.stdout, t.stdout[-3000:]


# ---------------------------------------------------------------------------------------------
# musl's hand-written x86_64 assembly, translated and checked by C drivers
# ---------------------------------------------------------------------------------------------

MUSL_STRING = ("src/string/x86_64/memcpy.s", "src/string/x86_64/memmove.s", "src/string/x86_64/memset.s")
MUSL_SETJMP = ("src/setjmp/x86_64/setjmp.s", "src/setjmp/x86_64/longjmp.s")
MUSL_SETJMP_I386 = ("src/setjmp/i386/setjmp.s", "src/setjmp/i386/longjmp.s")


def _rename_to_musl(objs: list[Path], objcopy: str, nm: str) -> list[str]:
    """Prefixes every global symbol the objects define with musl_ (also where the others use it),
    so they do not clash with the C library's memcpy, setjmp..."""
    names: set[str] = set()
    for o in objs:
        out = subprocess.run([nm, "--defined-only", "-g", str(o)], capture_output=True, text=True, check=True).stdout
        names.update(line.split()[-1] for line in out.splitlines() if line.strip())
    args = [f"--redefine-sym={n}=musl_{n}" for n in sorted(names)]
    for o in objs:
        subprocess.run([objcopy, *args, str(o)], check=True)
    return sorted(names)


def _musl_check(triple: str | None, sources: tuple[str, ...], driver: str, tmp_path: Path,
                flags: tuple[str, ...] = ()) -> tuple[subprocess.CompletedProcess | None, str]:
    """Translates musl's sources for triple (None: assemble them for x86-64 with the host tools)
    with crt-cc's ``flags`` and runs the driver. Returns (driver run, '') or (None, the
    translation's diagnostic)."""
    musl = _debian_source("musl", "src/string/x86_64/memcpy.s", debian_patches=True)
    objs = []
    cmd, env = crt_cc_command()
    for rel in sources:
        obj = tmp_path / (Path(rel).stem + ".o")
        if triple is None:
            compile_cmd = ["gcc", "-c", str(musl / rel), "-o", str(obj)]
        else:
            compile_cmd = [*cmd, f"--target={triple}", *flags, "-c", str(musl / rel), "-o", str(obj)]
        p = subprocess.run(compile_cmd, env=env, capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            assert p.returncode == 1 and not obj.exists(), f"{rel}: exit {p.returncode}, output left: {obj.exists()}"
            return None, p.stderr
        objs.append(obj)
    prefix = "" if triple is None else f"{triple}-"
    _need(f"{prefix}objcopy", f"{prefix}nm")
    renamed = _rename_to_musl(objs, f"{prefix}objcopy", f"{prefix}nm")
    exe = tmp_path / "check"
    link = ["gcc"] if triple is None else [*cmd, f"--target={triple}"]
    p = subprocess.run([*link, "-O2", "-Wall", str(HERE / driver), *map(str, objs), "-o", str(exe)], env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, f"linking {driver} with {renamed} failed:\n{p.stderr}"
    if triple is not None:
        _assert_target_elf(exe, triple)
    run = subprocess.run(([] if triple is None else _crt_run(triple)) + [str(exe)], capture_output=True, text=True,
                         timeout=600)
    return run, ""


def _signal_note(rc: int) -> str:
    return f" (signal {rc - 128})" if rc > 128 else ""


@default_selection_only
def test_musl_checks_pass_with_the_original_assembly_on_x86_64(tmp_path: Path) -> None:
    """The drivers themselves are right: musl's untranslated x86-64 code passes them on the host."""
    _need("gcc", "objcopy", "nm")
    for sources, driver in ((MUSL_STRING, "musl_string_check.c"), (MUSL_SETJMP, "musl_setjmp_check.c")):
        d = tmp_path / Path(driver).stem
        d.mkdir()
        run, diag = _musl_check(None, sources, driver, d)
        assert run is not None, diag
        assert run.returncode == 0 and "\nOK: " in "\n" + run.stdout, f"{driver} on x86-64:\n{run.stdout[-3000:]}"


@pytest.mark.parametrize("triple", cases((A64,), (RV64,), (ARM5,)))
def test_musl_x86_64_string_assembly_translated_passes_edge_case_checks(triple: str, tmp_path: Path) -> None:
    run, diag = _musl_check(triple, MUSL_STRING, "musl_string_check.c", tmp_path)
    if run is None:
        _xfail_if_armv5_translation_unsupported(triple, diag)
        pytest.fail(f"crt-cc could not translate musl's string functions:\n{diag}", pytrace=False)
    assert run.returncode == 0 and "\nOK: " in "\n" + run.stdout, \
        f"exit status {run.returncode}{_signal_note(run.returncode)}\n{run.stdout[-3000:]}\n{run.stderr[-2000:]}"
    assert "memcpy: " in run.stdout and "memmove: " in run.stdout and "memset: " in run.stdout


@pytest.mark.parametrize("triple", cases((A64,), (RV64,), (ARM5,)))
def test_musl_x86_64_setjmp_longjmp_translated_pass_their_checks(triple: str, tmp_path: Path) -> None:
    """musl's setjmp saves its caller's return address and stack pointer, longjmp loads the
    stack pointer and jumps: translated into saving and restoring the target's own machine
    context in the jmp_buf (lift/context.py), they must pass every check of the driver (jumps
    across 50 frames and through a callback, 1000 round trips without the stack growing)."""
    run, diag = _musl_check(triple, MUSL_SETJMP, "musl_setjmp_check.c", tmp_path)
    assert run is not None, f"crt-cc refused musl's setjmp/longjmp:\n{diag}"
    assert run.returncode == 0 and "\nOK: " in "\n" + run.stdout, \
        f"exit status {run.returncode}{_signal_note(run.returncode)}\n{run.stdout[-3000:]}\n{run.stderr[-2000:]}"
    assert "1000 setjmp/longjmp round trips" in run.stdout, run.stdout


@pytest.mark.parametrize("triple", cases((ARM5,)))
def test_musl_i386_setjmp_longjmp_translated_for_armv5_pass_their_checks(triple: str, tmp_path: Path) -> None:
    """The same checks with musl's i386 setjmp/longjmp (``mov 4(%esp), %eax`` ... ``jmp
    *20(%edx)``), translated with -m32: the ILP32-to-ILP32 path of ARMv5."""
    run, diag = _musl_check(triple, MUSL_SETJMP_I386, "musl_setjmp_check.c", tmp_path, ("-m32",))
    assert run is not None, f"crt-cc refused musl's i386 setjmp/longjmp:\n{diag}"
    assert run.returncode == 0 and "\nOK: " in "\n" + run.stdout, \
        f"exit status {run.returncode}{_signal_note(run.returncode)}\n{run.stdout[-3000:]}\n{run.stderr[-2000:]}"


# ---------------------------------------------------------------------------------------------
# toolchain/binfmt.sh
# ---------------------------------------------------------------------------------------------

def _binfmt(*args: str, env: dict[str, str] | None = None, user: str | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
    script = BINFMT
    if user is not None:
        # The checkout may sit in a directory the other user cannot enter (a 0700 mktemp dir):
        # run a copy from a world-readable one.
        shared = Path(tempfile.mkdtemp(prefix="crt-binfmt-"))
        shared.chmod(0o755)
        script = shared / BINFMT.name
        shutil.copy(BINFMT, script)
        script.chmod(0o755)
    cmd = ["bash", str(script), *args]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    try:
        return subprocess.run(cmd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                              timeout=timeout)
    finally:
        if user is not None:
            shutil.rmtree(script.parent, ignore_errors=True)


@default_selection_only
def test_binfmt_print_gives_the_registration_lines() -> None:
    """The kernel's format, :name:type:offset:magic:mask:interpreter:flags, with the magic and
    mask of qemu-user-binfmt (ELF class, data, version, type EXEC or DYN, e_machine)."""
    p = _binfmt("print", "arm64", "riscv64", "armv5", "aarch64-linux-gnu", env={"CRT_BINFMT_LIBEXEC": "/opt/x"})
    assert p.returncode == 0, p.stderr
    head = r"\x7fELF{}\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00{}"
    mask = r"\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff"
    want = [(A64, r"\x02", r"\xb7\x00"), (RV64, r"\x02", r"\xf3\x00"), (ARM5, r"\x01", r"\x28\x00")]
    assert p.stdout.splitlines() == [f":crt-{t}:M::{head.format(cls, em)}:{mask}:/opt/x/{t}:P" for t, cls, em in want]
    assert len(_binfmt("print").stdout.splitlines()) == 3      # default: all three targets


@default_selection_only
def test_binfmt_rejects_bad_arguments() -> None:
    for args, msg in ((("print", "x86_64"), "unknown target 'x86_64'"), ((), "no command given"),
                      (("frob",), "unknown command 'frob'"), (("run", "aarch64", "true"), "needs '--'"),
                      (("run", "--"), "no command after '--'")):
        p = _binfmt(*args)
        assert p.returncode == 2, (args, p.returncode, p.stderr)
        assert msg in p.stderr and "usage:" in p.stderr, (args, p.stderr)


@default_selection_only
def test_binfmt_register_and_unregister_need_root() -> None:
    user = "65534" if os.geteuid() == 0 else None     # nobody
    if user:
        _need("setpriv")
    for cmd in ("register", "unregister"):
        p = _binfmt(cmd, "aarch64", user=user, env={"CRT_BINFMT_DIR": "/nonexistent"})
        assert p.returncode == 1, (cmd, p.stdout, p.stderr)
        assert f"'{cmd}' changes the kernel's binfmt_misc table and needs root" in p.stderr, p.stderr


@default_selection_only
def test_binfmt_status_reports_entries(tmp_path: Path) -> None:
    fake = tmp_path / "binfmt_misc"
    p = _binfmt("status", env={"CRT_BINFMT_DIR": str(fake)})
    assert p.returncode == 3 and f"binfmt_misc: not mounted at {fake}" in p.stdout, p.stdout
    # A stand-in for the kernel's directory: our aarch64 entry and Debian's for the same magic.
    fake.mkdir()
    (fake / "register").write_text("")
    (fake / "status").write_text("enabled\n")
    magic = "magic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n"
    (fake / "crt-aarch64-linux-gnu").write_text(
        f"enabled\ninterpreter /usr/local/libexec/crt-cc-binfmt/aarch64-linux-gnu\nflags: P\noffset 0\n{magic}")
    (fake / "qemu-aarch64").write_text(
        f"enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: POCF\noffset 0\n{magic}")
    p = _binfmt("status", "aarch64", env={"CRT_BINFMT_DIR": str(fake)})
    assert p.returncode == 0, p.stdout + p.stderr
    assert "crt-aarch64-linux-gnu: registered, enabled, interpreter /usr/local/libexec/crt-cc-binfmt/" \
           "aarch64-linux-gnu, flags: P" in p.stdout, p.stdout
    assert "other entries for aarch64-linux-gnu executables: qemu-aarch64" in p.stdout, p.stdout
    p = _binfmt("status", env={"CRT_BINFMT_DIR": str(fake)})
    assert p.returncode == 3 and "crt-riscv64-linux-gnu: not registered" in p.stdout, p.stdout


def _hello(triple: str, tmp_path: Path) -> Path:
    exe = tmp_path / f"hello-{triple}"
    cmd, env = crt_cc_command()
    subprocess.run([*cmd, f"--target={triple}", "-O2", str(HERE / "hello_args.c"), "-o", str(exe)], env=env,
                   check=True, timeout=300)
    _assert_target_elf(exe, triple)
    return exe


def _need_private_binfmt() -> None:
    problem = _private_binfmt_problem(A64)
    if problem:
        pytest.skip(f"this kernel has no binfmt_misc for user namespaces (Linux 6.7+): {problem}")


@default_selection_only
def test_binfmt_run_executes_target_programs_directly(tmp_path: Path) -> None:
    """``binfmt.sh run T -- CMD``: ./prog runs under qemu with the target libc; argv[0] and the
    arguments arrive unchanged (flag P); nothing is registered outside the command."""
    _need("unshare")
    _need_private_binfmt()
    exes = [_hello(t, tmp_path) for t in (A64, RV64, ARM5)]
    before = {t for t in (A64, RV64, ARM5) if Path(f"/proc/sys/fs/binfmt_misc/crt-{t}").exists()}
    script = "; ".join(f"./{e.name} 'two words' x" for e in exes)
    p = subprocess.run(["bash", str(BINFMT), "run", "--", "sh", "-c", script], cwd=tmp_path, capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.splitlines() == [f"argv[0]=./{e.name} argc=3 argv[1]=two words argv[2]=x" for e in exes]
    # the registration was private to the command
    for t in (A64, RV64, ARM5):
        assert not Path(f"/proc/sys/fs/binfmt_misc/crt-{t}").exists() or t in before, t


@default_selection_only
def test_binfmt_register_status_unregister_in_a_private_namespace(tmp_path: Path) -> None:
    """The real register/unregister path against a kernel binfmt_misc, inside a user namespace
    of its own (its binfmt_misc instance is private: nothing outside is touched)."""
    _need("unshare")
    _need_private_binfmt()
    exe = _hello(A64, tmp_path)
    mnt, libexec = tmp_path / "binfmt_misc", tmp_path / "libexec"
    mnt.mkdir()
    script = f"""
        set -x
        bash {BINFMT} register aarch64 || exit 10
        test -x {libexec}/aarch64-linux-gnu || exit 11
        bash {BINFMT} status aarch64 || exit 12
        {exe} one || exit 13
        bash {BINFMT} unregister aarch64 || exit 14
        bash {BINFMT} status aarch64 && exit 15
        test -e {libexec} && exit 16
        grep -q ' {mnt} ' /proc/self/mounts && exit 17
        exit 0
    """
    p = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "--", "sh", "-c", script],
                       env={**os.environ, "CRT_BINFMT_DIR": str(mnt), "CRT_BINFMT_LIBEXEC": str(libexec)},
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, f"step {p.returncode}:\n{p.stdout}\n{p.stderr}"
    assert "registered crt-aarch64-linux-gnu" in p.stdout and "mounted binfmt_misc" in p.stdout, p.stdout
    assert f"argv[0]={exe} argc=2 argv[1]=one" in p.stdout, p.stdout
    assert "unmounted binfmt_misc" in p.stdout, p.stdout
