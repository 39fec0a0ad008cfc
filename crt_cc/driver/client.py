"""Run a ``crt-cc``/``crt-as`` command in a warm compile server when one is running.

A translation does a tenth of a second of real work on a small file, but a fresh Python process
first pays about as much again to import llvmlite, capstone, pyelftools and the lifter, and to
initialise LLVM's targets.  A build runs crt-cc once per file, so that start-up is most of the
per-file cost the user waits for.  The server (:mod:`crt_cc.driver.server`) imports all of it once
and forks a worker per command; the worker takes over this process's standard streams (passed
over a Unix socket), working directory, environment and umask, runs the ordinary driver and
reports its exit status.  What the command does and prints is unchanged; only the start-up goes.

This module is the client side.  It is imported before anything else of crt-cc, so it uses the
standard library only and does no work beyond a ``stat`` of the package's files when no server
is running: then the command runs in this process as before, and one that translates starts a
server in the background for the next command (it never waits for it).

``CRT_SERVER=off`` turns the server off; ``CRT_SERVER_IDLE`` is its idle time-out in seconds.
``crt-cc --crt-server-start`` starts one and waits until it listens (a CI script that wants its
first compile warm, the benchmark); ``--crt-server-stop`` stops it once its commands finish.
A server belongs to one user, one Python and one state of the installed code: the socket's name
hashes the interpreter, its import path and the modification times of crt-cc's own files and
of the import path's directories, so editing or upgrading crt-cc or a dependency starts a new
server, and the old one exits when idle.
"""

from __future__ import annotations

import os
import sys

_OFF = ("off", "0", "no", "false")
# Arguments that mean a command will assemble, translate or link: worth starting a server for.
_INPUT_SUFFIXES = (".s", ".S", ".sx", ".asm", ".c", ".i", ".o", ".a", ".obj")
_HEADER = 4            # bytes of big-endian length before each JSON message
_FORWARDED = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
# ``crt-cc --crt-server-start`` (alone on the command line): the action for :func:`control`.
# Never served: the driver runs it in its own process.
CONTROL = {"--crt-server-start": "start", "--crt-server-stop": "stop"}
# The client's soft resource limits, which the worker takes on.
LIMITS = ("RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_AS", "RLIMIT_STACK", "RLIMIT_NOFILE",
          "RLIMIT_CORE", "RLIMIT_DATA")


def enabled(env: dict[str, str] | os._Environ = os.environ) -> bool:
    return env.get("CRT_SERVER", "on").strip().lower() not in _OFF


# A Unix socket's path must fit in sockaddr_un (108 bytes with the terminating NUL).
_MAX_SOCKET_PATH = 107


def runtime_dir(base: str) -> str | None:
    """``BASE/crt-cc-server-UID``, made if missing; None unless it is private to this user."""
    path = os.path.join(base, f"crt-cc-server-{os.getuid()}")
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        st = os.lstat(path)
    except OSError:
        return None
    import stat
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return path


def fingerprint() -> str:
    """A hash of what the server's imported code depends on (see the module docstring)."""
    import hashlib

    h = hashlib.sha256()
    h.update(f"{sys.executable}\0{sys.version}\0{os.getuid()}\0".encode())
    for name in ("LD_LIBRARY_PATH", "LD_PRELOAD", "PYTHONPATH", "PYTHONHOME"):
        h.update(f"{name}={os.environ.get(name, '')}\0".encode())
    for entry in sys.path:
        try:
            h.update(f"{entry}:{os.stat(entry or '.').st_mtime_ns}\0".encode())
        except OSError:
            h.update(f"{entry}:-\0".encode())
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".h")):
                st = os.stat(os.path.join(root, name))
                h.update(f"{root}/{name}:{st.st_mtime_ns}:{st.st_size}\0".encode())
    return h.hexdigest()[:20]


def socket_path() -> str | None:
    """The server's socket in ``$XDG_RUNTIME_DIR``, else in /tmp (a runtime directory whose path
    leaves no room for the socket's name); None without a private directory."""
    name = f"s-{fingerprint()}"
    for base in dict.fromkeys(filter(None, (os.environ.get("XDG_RUNTIME_DIR"), "/tmp"))):
        room = len(os.fsencode(os.path.join(base, f"crt-cc-server-{os.getuid()}", name)))
        if room <= _MAX_SOCKET_PATH:
            directory = runtime_dir(base)
            return None if directory is None else os.path.join(directory, name)
    return None


def worth_a_server(args: list[str]) -> bool:
    """True when the command has inputs to build, so more commands like it are likely to follow."""
    return any(not a.startswith("-") and a.endswith(_INPUT_SUFFIXES) for a in args)


def run(prog: str, argv0: str, args: list[str]) -> int | None:
    """The exit status of the command run by a server, or None to run it in this process."""
    if not enabled() or (len(args) == 1 and args[0] in CONTROL):
        return None
    path = socket_path()
    if path is None:
        return None
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:
        sock.close()
        if worth_a_server(args):
            start_server(path)
        return None
    with sock:
        return _request(sock, prog, argv0, args)


def control(action: str, prog: str) -> int:
    """``--crt-server-start`` / ``--crt-server-stop``: the exit status, messages on stderr."""
    import fcntl
    import time

    if not enabled():
        sys.stderr.write(f"{prog}: error: the compile server is turned off "
                         f"(CRT_SERVER={os.environ.get('CRT_SERVER', '')})\n")
        return 1
    path = socket_path()
    if path is None:
        sys.stderr.write(f"{prog}: error: no private directory for the server's socket "
                         f"($XDG_RUNTIME_DIR or /tmp, then crt-cc-server-{os.getuid()}, must be "
                         "a directory owned by you with mode 0700)\n")
        return 1
    deadline = time.monotonic() + 60
    if action == "start":
        started = False
        while not _listening(path):
            if not started:
                start_server(path)
                started = True
            if time.monotonic() > deadline:
                sys.stderr.write(f"{prog}: error: the compile server did not start within 60 s\n")
                return 1
            time.sleep(0.05)
        sys.stderr.write(f"{prog}: compile server listening on {path}\n")
        return 0
    try:
        os.unlink(path)                    # the server sees its socket gone and exits when idle
    except FileNotFoundError:
        pass
    with open(path + ".lock", "a") as lock:
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.stderr.write(f"{prog}: error: the compile server is still running "
                                     "commands after 60 s\n")
                    return 1
                time.sleep(0.05)
    return 0


def _listening(path: str) -> bool:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(path)
        except OSError:
            return False
    return True


def start_server(path: str) -> None:
    """Start a detached server on ``path`` (if two race, the second one sees the lock and exits)."""
    import subprocess

    try:
        subprocess.Popen([sys.executable, "-m", "crt_cc.driver.server", path],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True,
                         cwd="/")
    except OSError:
        pass


def _request(sock, prog: str, argv0: str, args: list[str]) -> int | None:
    import signal
    import socket

    limits = {}
    try:
        import resource
        for name in LIMITS:
            limits[name] = resource.getrlimit(getattr(resource, name))[0]
    except (ImportError, OSError, ValueError):
        pass
    umask = os.umask(0)
    os.umask(umask)
    try:
        cwd = os.getcwd()
    except OSError:
        return None                      # let the in-process driver report it
    request = {"prog": prog, "argv0": argv0, "args": args, "cwd": cwd,
               "env": dict(os.environ), "umask": umask, "limits": limits}
    try:
        sock.sendmsg([frame(request)],
                     [(socket.SOL_SOCKET, socket.SCM_RIGHTS, _std_fds())])
        first = _receive(sock)
    except OSError:
        first = None
    if first is None or "pid" not in first:
        return None                      # the server went away before it started the command
    worker = int(first["pid"])

    def forward(signum, _frame):
        try:
            os.killpg(worker, signum)
        except OSError:
            pass

    for name in _FORWARDED:              # a signal this process ignores stays ignored
        signum = getattr(signal, name)
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, forward)
    try:
        last = _receive(sock)
    except OSError:
        last = None
    if last is None:
        sys.stderr.write(f"{prog}: internal error: the compile server's worker for this command "
                         "ended without an exit status; this is a crt-cc bug (CRT_SERVER=off "
                         "runs crt-cc without a server)\n")
        return 1
    if "signal" in last:                 # die the way the worker died, like the command would have
        sys.stdout.flush()
        signum = int(last["signal"])
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return 128 + signum
    return int(last["status"])


def _std_fds():
    import array

    return array.array("i", [0, 1, 2])


def frame(message: dict) -> bytes:
    """A message on the socket, either way: its JSON's length (big-endian), then the JSON."""
    import json

    data = json.dumps(message).encode()
    return len(data).to_bytes(_HEADER, "big") + data


def _receive(sock) -> dict | None:
    """One framed message, or None at end of stream."""
    import json

    header = read_exactly(sock, _HEADER)
    if header is None:
        return None
    body = read_exactly(sock, int.from_bytes(header, "big"))
    return None if body is None else json.loads(body)


def read_exactly(sock, n: int, data: bytes = b"") -> bytes | None:
    """``data`` completed to ``n`` bytes from ``sock``, or None at end of stream."""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data
