"""The warm compile server: crt-cc's imports done once, a forked worker per command.

Started by :mod:`crt_cc.driver.client` as ``python -m crt_cc.driver.server SOCKET``, detached
from the build (its own session, standard streams on /dev/null).  It imports the driver, the
lifters and the backend, initialises LLVM's targets and translates a small function for each
target (:func:`_warm_up`), then accepts one connection per command.
Each command gets a fresh ``fork()`` of this pristine process, so no state passes from one
command to the next, and commands run in parallel exactly as separate processes would
(``make -j``).  The worker:

1. takes the client's standard streams (SCM_RIGHTS), working directory, environment, umask and
   resource limits, and puts itself in a process group of its own, which the client signals
   when it is interrupted;
2. sends its pid, runs the ordinary ``crt-cc``/``crt-as`` entry point with the client's argv,
   and sends the exit status;
3. kills its process group if the client goes away first (a build that was stopped should not
   leave a translation running).

A worker that dies by a signal (LLVM aborts) is reported by the server, which reaps it, so the
client can die the same way.  The server exits after ``CRT_SERVER_IDLE`` seconds (default 600)
without a command, or at once when its socket is removed or taken over.  A lock file next to the
socket keeps a second server from starting on the same path.
"""

from __future__ import annotations

import fcntl
import gc
import importlib
import json
import os
import selectors
import signal
import socket
import sys
import time

from .client import _HEADER, LIMITS, frame, read_exactly

IDLE_SECONDS = 600
_PRELOAD = (
    "crt_cc.driver.cc", "crt_cc.driver.as_", "crt_cc.pipeline", "crt_cc.cache",
    "crt_cc.engines.lift", "crt_cc.lift.module", "crt_cc.lift.riscv.module", "crt_cc.backend",
    "crt_cc.frontend.elfobj", "crt_cc.frontend.dwarf", "crt_cc.abi.prototypes",
    "elftools.elf.elffile", "capstone", "cffi", "tempfile", "json", "hashlib",
)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m crt_cc.driver.server SOCKET\n")
        return 2
    path = argv[0]
    lock = open(path + ".lock", "a")          # noqa: SIM115 - held for the server's lifetime
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0                               # another server has this path
    # Dispositions inherited from the command that started the server (a background job in a
    # script ignores SIGINT) are not every later command's: workers start from Python's own.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    _preload()
    _warm_up()
    gc.collect()
    gc.freeze()       # what the server holds stays out of the workers' collections (copy-on-write)
    try:
        os.unlink(path)                        # a dead server's socket
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o077)
    try:
        listener.bind(path)
    finally:
        os.umask(old)
    listener.listen(128)
    inode = os.stat(path).st_ino
    try:
        idle = float(os.environ.get("CRT_SERVER_IDLE", IDLE_SECONDS))
    except ValueError:
        idle = IDLE_SECONDS
    try:
        _serve(listener, path, inode, idle)
    finally:
        try:
            if os.stat(path).st_ino == inode:
                os.unlink(path)
        except OSError:
            pass
    return 0


def _preload() -> None:
    for name in _PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:     # noqa: BLE001 - a module that cannot load fails in the worker, visibly
            pass
    try:
        from .. import backend
        backend._llvm()
    except Exception:         # noqa: BLE001 - same
        pass


# What the warm-up translates: a little of each kind of code a build brings (a loop, SSE double
# arithmetic, a call into libc with a double through varargs, a call to another object's
# function), in both source ISAs.
_WARM_UP_SOURCES = {
    "x86_64": """
	.text
	.globl	crt_warm_up
	.type	crt_warm_up, @function
crt_warm_up:
	pushq	%rbx
	movl	%edi, %ebx
	pxor	%xmm0, %xmm0
	xorl	%eax, %eax
.L2:	cvtsi2sdl	%eax, %xmm1
	addsd	%xmm1, %xmm0
	addl	$1, %eax
	cmpl	%ebx, %eax
	jl	.L2
	leaq	.LC0(%rip), %rdi
	movl	$1, %eax
	call	printf@PLT
	movl	%ebx, %edi
	call	crt_warm_up_other@PLT
	popq	%rbx
	ret
	.size	crt_warm_up, .-crt_warm_up
	.section	.rodata.str1.1,"aMS",@progbits,1
.LC0:	.string	"%f\\n"
""",
    "i386": """
	.text
	.globl	crt_warm_up
	.type	crt_warm_up, @function
crt_warm_up:
	pushl	%ebx
	subl	$24, %esp
	movl	32(%esp), %ebx
	fldz
	xorl	%eax, %eax
.L2:	movl	%eax, 12(%esp)
	fildl	12(%esp)
	faddp	%st, %st(1)
	addl	$1, %eax
	cmpl	%ebx, %eax
	jl	.L2
	fstpl	4(%esp)
	movl	$.LC0, (%esp)
	call	printf
	movl	%ebx, (%esp)
	call	crt_warm_up_other
	addl	$24, %esp
	popl	%ebx
	ret
	.size	crt_warm_up, .-crt_warm_up
	.section	.rodata.str1.1,"aMS",@progbits,1
.LC0:	.string	"%f\\n"
""",
}
_WARM_UP_TARGETS = {"x86_64": ("aarch64-linux-gnu", "riscv64-linux-gnu"), "i386": ("arm-linux-gnueabi",)}


def _warm_up() -> list[str]:
    """Translate a small function for each target once, before the first fork; the failures.

    Importing is not all of start-up: the first translation in a process also imports the
    instruction semantics, reads ``abi/libc.h``, builds pyelftools' and capstone's structures,
    and makes LLVM set up each target's code generator.  Done here, every worker inherits that
    work instead of repeating it.  Only what the package itself determines is kept: nothing here
    depends on a command's environment or input.  A failure costs only its time (a worker does
    the same work again), so the server goes on; the list is for the tests.
    """
    import subprocess
    import tempfile

    from ..engines.lift import TranslateOptions, translate_object
    from ..toolchain.targets import host_tool, resolve_target

    failures = []
    with tempfile.TemporaryDirectory(prefix="crt-cc-warm-up-") as tmp:
        for isa, triples in _WARM_UP_TARGETS.items():
            src, obj = os.path.join(tmp, f"{isa}.s"), os.path.join(tmp, f"{isa}.o")
            try:
                with open(src, "w") as fh:
                    fh.write(_WARM_UP_SOURCES[isa])
                subprocess.run([host_tool("as"), "--64" if isa == "x86_64" else "--32", "-g", "-o", obj, src],
                               check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            except Exception as exc:     # noqa: BLE001 - see above
                failures.append(f"assembling the {isa} warm-up: {type(exc).__name__}: {exc}")
                continue
            for triple in triples:
                try:
                    translate_object(obj, resolve_target(triple), TranslateOptions(source_file=src, source_isa=isa))
                except Exception as exc:     # noqa: BLE001 - see above
                    failures.append(f"{isa} -> {triple}: {type(exc).__name__}: {exc}")
    return failures


def _serve(listener: socket.socket, path: str, inode: int, idle: float) -> None:
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)   # a handler, so the wake-up fd is written
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    sel.register(wake_r, selectors.EVENT_READ)
    workers: dict[int, socket.socket] = {}
    last = time.monotonic()
    while True:
        events = sel.select(timeout=1.0)
        for key, _ in events:
            if key.fileobj is listener:
                conn, _ = listener.accept()
                pid = _fork_worker(conn, listener, sel, (wake_r, wake_w), workers)
                if pid is None:
                    conn.close()
                else:
                    workers[pid] = conn
                last = time.monotonic()
            else:
                try:
                    while os.read(wake_r, 512):
                        pass
                except BlockingIOError:
                    pass
        _reap(workers)
        if workers:
            last = time.monotonic()
            continue
        try:
            moved = os.stat(path).st_ino != inode
        except OSError:
            moved = True
        if moved or time.monotonic() - last > idle:
            return


def _reap(workers: dict[int, socket.socket]) -> None:
    """Collect finished workers; tell the client about one that a signal killed."""
    while workers:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = workers.pop(pid, None)
        if conn is None:
            continue
        if os.WIFSIGNALED(status):
            try:
                _send(conn, {"signal": os.WTERMSIG(status)})
            except OSError:
                pass
        conn.close()


def _fork_worker(conn: socket.socket, listener, sel, wake: tuple[int, int],
                 others: dict[int, socket.socket]) -> int | None:
    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
        if int.from_bytes(creds[4:8], sys.byteorder) != os.getuid():
            return None
        conn.settimeout(10)                    # a client stopped mid-request must not stall us
        msg, fds, _, _ = socket.recv_fds(conn, 1 << 22, 3)
    except OSError:
        return None
    try:
        if len(fds) != 3:
            raise ValueError("not the three standard streams")
        body = read_exactly(conn, int.from_bytes(msg[:_HEADER], "big"), msg[_HEADER:])
        if body is None:
            raise ValueError("short request")
        request = json.loads(body)
    except (ValueError, OSError):
        for fd in fds:
            os.close(fd)
        return None
    conn.settimeout(None)
    pid = os.fork()
    if pid:
        for fd in fds:
            os.close(fd)
        return pid
    status = 70
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        sel.close()
        listener.close()
        for fd in wake:
            os.close(fd)
        for other in others.values():         # other commands' connections are not ours
            other.close()
        status = _work(conn, request, fds)
    finally:
        os._exit(status)


def _work(conn: socket.socket, request: dict, fds: list[int]) -> int:
    """The worker: become the client's command, run it, report the exit status."""
    import tempfile
    import threading

    os.setpgid(0, 0)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.umask(int(request["umask"]))
    _apply_limits(request.get("limits", {}))
    tempfile.tempdir = None                   # TMPDIR is the client's
    enc, errs = sys.stdout.encoding, sys.stdout.errors
    sys.stdin = sys.__stdin__ = open(0, closefd=False, encoding=enc, errors=errs)
    sys.stdout = sys.__stdout__ = open(1, "w", buffering=1 if os.isatty(1) else -1,
                                          closefd=False, encoding=enc, errors=errs)
    sys.stderr = sys.__stderr__ = open(2, "w", buffering=1, closefd=False, encoding=enc,
                                          errors="backslashreplace")
    _send(conn, {"pid": os.getpid()})
    finished = threading.Event()

    def watch_client() -> None:
        try:
            while conn.recv(1):
                pass
        except OSError:
            pass
        if not finished.is_set():              # the client went away: stop the command
            os.killpg(0, signal.SIGKILL)

    threading.Thread(target=watch_client, daemon=True).start()
    sys.argv = [request["argv0"], *request["args"]]
    if request["prog"] == "crt-as":
        from .as_ import main as entry
    else:
        from .cc import main as entry
    try:
        status = entry()
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 1
    except BaseException:                      # CRT_DEBUG=1 lets the driver's bugs through
        import traceback
        traceback.print_exc()
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    finished.set()
    _send(conn, {"status": status})
    return status


def _apply_limits(limits: dict[str, int]) -> None:
    import resource

    for name, soft in limits.items():
        if name not in LIMITS:
            continue
        which = getattr(resource, name)
        try:
            _, hard = resource.getrlimit(which)
            if hard == resource.RLIM_INFINITY or (soft != resource.RLIM_INFINITY and soft <= hard):
                resource.setrlimit(which, (soft, hard))
        except (OSError, ValueError):
            pass


def _send(conn: socket.socket, message: dict) -> None:
    conn.sendall(frame(message))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
