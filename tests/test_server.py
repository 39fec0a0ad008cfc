"""The compile server (crt_cc.driver.server): a command it runs is the command run in-process.

Each test gets its own runtime directory (``XDG_RUNTIME_DIR``), so its own server, and removes
the socket at the end, which makes that server exit.  Whether a command ran in a server worker
is seen from the host assembler crt-cc starts: a wrapper ``x86_64-linux-gnu-as`` first in PATH
records the command line of its parent process before running the real one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ADD_S, REPO

from crt_cc.driver import client, server

pytestmark = [
    pytest.mark.skipif(shutil.which("aarch64-linux-gnu-as") is None, reason="aarch64 binutils not installed"),
    pytest.mark.skipif(not (REPO / ".venv" / "bin" / "crt-cc").exists(), reason="crt-cc not installed"),
]

CRT_CC = str(REPO / ".venv" / "bin" / "crt-cc")
CRT_AS = str(REPO / ".venv" / "bin" / "crt-as")

# The lifter warns about a function whose result is its first argument register.
IDENT_S = ADD_S.replace("add", "ident").replace("leaq (%rdi,%rsi), %rax", "movq %rdi, %rax")
BAD_S = ".text\nf:\n\tvpgatherdd %ymm0, (%rax,%ymm1,4), %ymm2\n\tret\n"

AS_WRAPPER = """\
#!/bin/sh
echo "$(tr '\\0' ' ' < /proc/$PPID/cmdline) :: $*" >> "{log}"
[ -n "$SLOW_AS" ] && {{ echo $$ > "$SLOW_AS"; sleep 60; }}
exec {real} "$@"
"""


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    work = tmp_path / "work"
    work.mkdir()
    for name, text in (("add.s", ADD_S), ("ident.s", IDENT_S), ("bad.s", BAD_S)):
        (work / name).write_text(text)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    real = shutil.which("x86_64-linux-gnu-as") or shutil.which("as")
    wrapper = bin_dir / "x86_64-linux-gnu-as"
    wrapper.write_text(AS_WRAPPER.format(log=tmp_path / "as-parents.log", real=real))
    wrapper.chmod(0o755)
    runtime = Path(tempfile.mkdtemp(prefix="crt-srv-"))   # short: a socket path has 107 bytes
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), CRT_SERVER="on", CRT_SERVER_IDLE="120",
               CRT_CACHE="off", PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    env.pop("CRT_TARGET", None)
    yield work, env
    for sock in runtime.glob("crt-cc-server-*/s-*"):
        if not sock.name.endswith(".lock"):
            sock.unlink()                        # the server sees its socket gone and exits
    shutil.rmtree(runtime, ignore_errors=True)


def parents(work: Path) -> list[str]:
    """The command lines of the processes that ran the host assembler, oldest first; not the
    server's own warm-up (crt_cc.driver.server._warm_up), which assembles in its scratch directory."""
    log = work.parent / "as-parents.log"
    lines = log.read_text().splitlines() if log.exists() else []
    return [line.split(" :: ")[0] for line in lines if "crt-cc-warm-up-" not in line]


def run(cmd: list[str], work: Path, env: dict[str, str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=work, env=env, capture_output=True, timeout=300, **kw)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_server(work: Path, env: dict[str, str]) -> None:
    """The first translating command runs in-process and starts the server; wait until it listens.

    That command runs as a script's background job would, with SIGINT ignored: later commands
    must still be interruptible.
    """
    first = run([CRT_CC, "--target=aarch64-linux-gnu", "-c", "add.s", "-o", "first.o"], work, env,
                preexec_fn=_ignore_sigint)
    assert first.returncode == 0, first.stderr
    assert "crt_cc.driver.server" not in parents(work)[-1]
    runtime = Path(env["XDG_RUNTIME_DIR"])
    deadline = time.monotonic() + 120
    while not [s for s in runtime.glob("crt-cc-server-*/s-*") if s.is_socket()]:
        assert time.monotonic() < deadline, "no compile server socket after 120 s"
        time.sleep(0.1)


def test_a_served_command_gives_the_in_process_output_diagnostics_and_status(setup) -> None:
    work, env = setup
    start_server(work, env)
    off = dict(env, CRT_SERVER="off")
    for args, out in ((["-c", "add.s"], "add.o"), (["-c", "ident.s"], "ident.o"),
                      (["-S", "add.s"], "add.s.out"), (["-c", "bad.s"], "bad.o")):
        served = run([CRT_CC, "--target=aarch64-linux-gnu", *args, "-o", "served-" + out], work, env)
        assert "crt_cc.driver.server" in parents(work)[-1]
        alone = run([CRT_CC, "--target=aarch64-linux-gnu", *args, "-o", "alone-" + out], work, off)
        assert "crt_cc.driver.server" not in parents(work)[-1]
        assert served.returncode == alone.returncode
        assert served.stdout == alone.stdout
        assert served.stderr.replace(b"served-", b"") == alone.stderr.replace(b"alone-", b"")
        if alone.returncode == 0:
            assert (work / ("served-" + out)).read_bytes() == (work / ("alone-" + out)).read_bytes()
        else:
            assert b"bad.s:3: error: unsupported instruction 'vpgatherdd'" in served.stderr
            assert not (work / ("served-" + out)).exists()
    warned = run([CRT_CC, "--target=aarch64-linux-gnu", "-c", "ident.s", "-o", "w.o"], work, env)
    assert b"warning" in warned.stderr


def test_a_served_command_reads_the_clients_stdin_and_working_directory(setup) -> None:
    work, env = setup
    start_server(work, env)
    sub = work / "sub"
    sub.mkdir()
    proc = run([CRT_AS, "--target=aarch64-linux-gnu", "-o", "from-stdin.o", "-"], sub, env,
               input=ADD_S.encode())
    assert proc.returncode == 0, proc.stderr
    assert "crt_cc.driver.server" in parents(work)[-1]
    assert (sub / "from-stdin.o").read_bytes() == (work / "first.o").read_bytes()


def test_crt_server_off_starts_no_server(setup) -> None:
    work, env = setup
    off = dict(env, CRT_SERVER="off")
    for _ in range(2):
        assert run([CRT_CC, "--target=aarch64-linux-gnu", "-c", "add.s"], work, off).returncode == 0
    assert not any("crt_cc.driver.server" in p for p in parents(work))
    assert not list(Path(env["XDG_RUNTIME_DIR"]).glob("crt-cc-server-*/s-*"))


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("how", ["interrupted", "killed"])
def test_a_stopped_client_stops_its_served_command(setup, how: str) -> None:
    """Ctrl-C reaches the command (status 130, no output); a killed client's command is killed."""
    work, env = setup
    start_server(work, env)
    marker = work / "slow-as.pid"
    # Interruptible, whatever this test process inherited (a CI job run in the background
    # ignores SIGINT, and so would a crt-cc it starts, served or not).
    proc = subprocess.Popen([CRT_CC, "--target=aarch64-linux-gnu", "-c", "add.s", "-o", "slow.o"],
                            cwd=work, env=dict(env, SLOW_AS=str(marker)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not (marker.exists() and marker.read_text().strip()):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    slow_as = int(marker.read_text())
    proc.send_signal(signal.SIGINT if how == "interrupted" else signal.SIGKILL)
    status = proc.wait(timeout=60)
    assert status == (130 if how == "interrupted" else -signal.SIGKILL)
    assert _wait_gone(slow_as, 30), "the served command's assembler is still running"
    assert not (work / "slow.o").exists()


def test_the_server_warm_up_translates_for_every_target() -> None:
    """What the server translates before its first fork still translates (a failure there would
    only cost time, silently)."""
    assert server._warm_up() == []


def test_a_runtime_directory_too_long_for_a_socket_falls_back_to_tmp(tmp_path: Path,
                                                                      monkeypatch) -> None:
    deep = tmp_path / ("d" * 100)
    deep.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    path = client.socket_path()
    assert path is not None and path.startswith(f"/tmp/crt-cc-server-{os.getuid()}/s-")
    assert len(os.fsencode(path)) <= 107
    short = Path(tempfile.mkdtemp(prefix="crt-srv-"))
    try:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(short))
        assert client.socket_path().startswith(f"{short}/crt-cc-server-{os.getuid()}/s-")
    finally:
        shutil.rmtree(short)
