"""``crt-run``: run a target program under the right qemu-user and sysroot.

Usage::

    crt-run [--target=T] [--] prog [args...]

The target comes from ``--target``, else from the program's ELF header
(``e_machine``), else from ``CRT_TARGET``.  The program runs under
``Target.qemu`` with ``-L Target.sysroot`` (``QEMU_LD_PREFIX`` overrides the
sysroot).  stdin/stdout/stderr pass through; crt-run exits with the program's
exit status, or 128+n when it is killed by signal n.  A host (x86) ELF program
or a script runs directly, so crt-run can stand in as a CMake cross-compiling
emulator for anything a build produces.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

from ..diagnostics import CrtError
from .targets import TARGETS, Target, resolve_target

PROG = "crt-run"

# ELF e_machine values of the targets we run.
EM_ARM = 40
EM_AARCH64 = 183
EM_RISCV = 243
EM_386 = 3
EM_X86_64 = 62

_MACHINE_TARGET = {
    EM_AARCH64: "aarch64-linux-gnu",
    EM_RISCV: "riscv64-linux-gnu",
    EM_ARM: "arm-linux-gnueabi",
}
_HOST_MACHINES = {EM_386, EM_X86_64}

USAGE = f"""usage: {PROG} [--target=T] [--] prog [args...]

Run a target program under qemu-user with the target's sysroot.
  --target=T   {", ".join(sorted(TARGETS))} (or an alias); default: from the
               program's ELF header, else $CRT_TARGET
Environment: QEMU_LD_PREFIX overrides the sysroot; CRT_QEMU names the qemu binary.
"""


def elf_machine(path: str) -> int | None:
    """The ELF ``e_machine`` of *path*, or None when it is not an ELF file."""
    try:
        with open(path, "rb") as f:
            head = f.read(20)
    except OSError as e:
        raise CrtError(f"cannot open '{path}': {e.strerror}") from None
    if len(head) < 20 or head[:4] != b"\x7fELF":
        return None
    order = "little" if head[5] == 1 else "big"
    return int.from_bytes(head[18:20], order)


def _parse(argv: list[str]) -> tuple[str | None, list[str]]:
    target = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            i += 1
            break
        if a in ("-h", "--help"):
            sys.stdout.write(USAGE)
            raise SystemExit(0)
        if a.startswith("--target="):
            target = a.split("=", 1)[1]
        elif a in ("--target", "-target"):
            if i + 1 >= len(argv):
                raise CrtError(f"missing argument to '{a}'")
            i += 1
            target = argv[i]
        elif a.startswith("-") and a != "-":
            raise CrtError(f"unrecognized option '{a}'")
        else:
            break
        i += 1
    rest = argv[i:]
    if not rest:
        raise CrtError("no program given (usage: crt-run [--target=T] prog [args...])")
    return target, rest


def _find_program(prog: str) -> str:
    if os.path.exists(prog):
        return prog
    if "/" not in prog:
        found = shutil.which(prog)
        if found:
            return found
    raise CrtError(f"cannot open '{prog}': No such file or directory")


def _find_qemu(target: Target) -> str:
    override = os.environ.get("CRT_QEMU")
    candidates = [override] if override else [target.qemu, target.qemu + "-static"]
    for name in candidates:
        path = shutil.which(name)
        if path:
            return path
    raise CrtError(
        f"'{candidates[0]}' not found (needed to run {target.triple} programs); "
        "install it with 'apt-get install qemu-user' (or run 'make setup')"
    )


def build_command(target_name: str | None, prog: str, args: list[str]) -> list[str]:
    """The command line that runs *prog* (exposed for tests)."""
    prog = _find_program(prog)
    machine = elf_machine(prog)
    if machine is None or (machine in _HOST_MACHINES and target_name is None):
        # A script or a host program: run it as it is.
        return [prog if "/" in prog else "./" + prog, *args]
    detected = _MACHINE_TARGET.get(machine)
    if target_name is None:
        if detected is None:
            target_name = os.environ.get("CRT_TARGET")
            if not target_name:
                raise CrtError(f"'{prog}': unknown ELF machine {machine}; give --target=T")
        else:
            target_name = detected
    target = resolve_target(target_name)
    if detected is not None and detected != target.triple:
        raise CrtError(f"'{prog}' is built for {detected}, not {target.triple}")
    if machine in _HOST_MACHINES:
        return [prog if "/" in prog else "./" + prog, *args]
    sysroot = os.environ.get("QEMU_LD_PREFIX") or target.sysroot
    return [_find_qemu(target), "-L", sysroot, prog, *args]


def _exit_status(returncode: int) -> int:
    return 128 - returncode if returncode < 0 else returncode


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        target, rest = _parse(argv)
        cmd = build_command(target, rest[0], rest[1:])
    except CrtError as e:
        print(e.format(PROG), file=sys.stderr)
        return 1
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        proc = subprocess.Popen(cmd)
    except OSError as e:
        print(f"{PROG}: error: cannot run '{cmd[0]}': {e.strerror}", file=sys.stderr)
        return 1

    # Forward termination signals to the program; the terminal's own ^C reaches
    # both processes through the process group, so ignore SIGINT/SIGQUIT here.
    def forward(signum, _frame):
        try:
            proc.send_signal(signum)
        except ProcessLookupError:
            pass

    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(s, forward)
    for s in (signal.SIGINT, signal.SIGQUIT):
        signal.signal(s, signal.SIG_IGN)
    return _exit_status(proc.wait())


if __name__ == "__main__":
    sys.exit(main())
