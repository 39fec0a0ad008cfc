"""Real projects' own test suites, built with crt-cc (issue 4).

zlib comes from Debian's source package at test time (never committed): ``apt-get source
--download-only zlib`` into build/real-projects/ (toolchain/setup.sh adds the deb-src entry),
configured with ``CC=crt-cc --crt-via-x86`` (every C file compiled to x86-64 assembly by the
host gcc and translated), built with its own Makefile, and checked with its own ``make test``,
which runs the target programs through ``crt-run`` (zlib's ``QEMU_RUN`` hook).
"""

from __future__ import annotations

import fcntl
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, crt_cc_command

WORK = REPO / "build" / "real-projects"
VENV_BIN = REPO / ".venv" / "bin"


def _debian_source(package: str, marker: str) -> Path:
    """Unpacked upstream source of a Debian source package, cached under build/real-projects.

    Several xdist workers may ask at once: one fetches and unpacks under a lock, the others wait.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    with open(WORK / f".{package}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _fetch_and_unpack(package, marker)


def _fetch_and_unpack(package: str, marker: str) -> Path:
    dest = WORK / package
    if (dest / marker).is_file() and (dest / ".complete").is_file():
        return dest
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
    tarballs = sorted(glob.glob(str(dl / f"{package}_*.orig.tar.*")))
    assert tarballs, f"no upstream tarball in {dl}"
    unpack = WORK / f"{package}-unpack"
    shutil.rmtree(unpack, ignore_errors=True)
    unpack.mkdir(parents=True)
    subprocess.run(["tar", "xf", tarballs[0], "-C", str(unpack)], check=True)
    (top,) = [p for p in unpack.iterdir() if p.is_dir()]
    shutil.rmtree(dest, ignore_errors=True)
    top.rename(dest)
    shutil.rmtree(unpack, ignore_errors=True)
    (dest / ".complete").touch()
    return dest


@pytest.mark.parametrize("triple", ["aarch64-linux-gnu", "riscv64-linux-gnu"])
def test_zlib_builds_with_crt_cc_via_x86_and_passes_its_own_make_test(triple: str, tmp_path: Path) -> None:
    src = _debian_source("zlib", "zlib.h")
    build = tmp_path / "zlib"
    shutil.copytree(src, build)
    cmd, env = crt_cc_command()
    crt_cc = " ".join([*cmd, f"--target={triple}", "--crt-via-x86"])
    env = {**env, "CHOST": triple, "CC": crt_cc, "CFLAGS": "-O2"}
    cfg = subprocess.run(["./configure", "--static"], cwd=build, env=env, capture_output=True, text=True,
                         timeout=300)
    assert cfg.returncode == 0, f"configure failed:\n{cfg.stdout[-2000:]}\n{cfg.stderr[-2000:]}"
    run = f"{VENV_BIN / 'crt-run'} --target={triple}" if (VENV_BIN / "crt-run").exists() else \
        f"{sys.executable} -m crt_cc.toolchain.run --target={triple}"
    test = subprocess.run(["make", "-j2", "test", f"QEMU_RUN={run}"], cwd=build, env=env,
                          capture_output=True, text=True, timeout=900)
    out = test.stdout + test.stderr
    assert test.returncode == 0, f"zlib make test failed:\n{out[-4000:]}"
    assert "*** zlib test OK ***" in out and "*** zlib 64-bit test OK ***" in out, out[-4000:]
