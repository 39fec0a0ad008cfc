"""``crt-as``: GNU-as-compatible front end: x86 assembly in, target object out.

Build systems that call ``$(AS)`` directly (or ``gcc -c`` on .s through
``-print-prog-name=as``) get the same translation path as ``crt-cc -c foo.s``.
"""

from __future__ import annotations

import os
import subprocess
import sys

from .. import __version__
from ..diagnostics import CrtError
from ..pipeline import run_plan
from ..toolchain.targets import Target, host_tool, resolve_target
from .cc import cache_command, report_internal_error, target_from_progname
from .options import build_as_plan, parse_as_args

PROG = "crt-as"

_HELP = """\
Usage: {prog} [--target=T] [-o out.o] [-I dir] [--defsym sym=val] [-W] [--noexecstack] file.s...

x86-64 GNU assembly in, {triple} object out (default output a.out).  Several
inputs are assembled as one, like GNU as; no input or '-' reads standard input.
Other GNU as options are passed to the host x86 assembler.  --crt-* options as
for crt-cc (--crt-report, --crt-opt, --crt-prototypes, --crt-keep-temps,
--crt-cache-stats, --crt-cache-clear ...).
"""


def version_text(target: Target) -> str:
    try:
        host = subprocess.run([host_tool("as"), "--version"], capture_output=True, text=True).stdout
        host_line = host.splitlines()[0] if host else "GNU assembler"
    except (CrtError, OSError):
        host_line = "GNU assembler (not found)"
    return (f"{PROG} (crt-cc {__version__}) x86-64 assembly to {target.triple} objects\n"
            f"x86 input read by: {host_line}\n")


def _main(argv: list[str], argv0: str) -> int:
    a = parse_as_args(argv)
    target = resolve_target(a.target_name or target_from_progname(argv0))
    if "--help" in a.info:
        sys.stdout.write(_HELP.format(prog=PROG, triple=target.triple))
        return 0
    if "--version" in a.info:
        sys.stdout.write(version_text(target))
        return 0
    actions = a.crt.cache_actions
    if "clear" in actions:
        cache_command("clear", PROG)
    if actions and not a.inputs:
        if "stats" in actions:
            cache_command("stats", PROG)
        return 0          # a cache command alone must not wait for assembly on stdin
    if a.verbose:
        sys.stderr.write(version_text(target))
        if not a.inputs:
            return 0      # `as -v </dev/null` probes: report the version, produce nothing
    plan = build_as_plan(a, target, PROG)
    status = run_plan(plan, target)
    if "stats" in actions:
        cache_command("stats", PROG)
    return status


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``crt-as``; returns the exit status."""
    argv0 = sys.argv[0] if argv is None else PROG
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        return _main(args, argv0)
    except CrtError as e:
        print(e.format(PROG), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as e:      # noqa: BLE001 - turned into a diagnostic on purpose
        if os.environ.get("CRT_DEBUG") == "1":
            raise
        return report_internal_error(PROG, e)


if __name__ == "__main__":
    sys.exit(main())
