"""``crt-cc``: the gcc-compatible driver.

Build systems treat it exactly like gcc, so this module's job is mostly to
answer the queries configure/CMake/libtool make (``--version``, ``-v``,
``-dumpmachine``, ``-print-*``) the way a gcc cross compiler would, and to turn
every failure into a gcc-style diagnostic with exit status 1.
"""

from __future__ import annotations

import os
import subprocess
import sys

from .. import __version__
from ..diagnostics import CrtError
from ..pipeline import SourceInput, run_plan
from ..toolchain.targets import Target, resolve_target
from . import client
from .options import CcArgs, build_plan, classify_m_option, help_text, parse_cc_args

PROG = "crt-cc"

def target_from_progname(argv0: str) -> str | None:
    """``aarch64-linux-gnu-crt-cc`` (the prefixed wrappers) names its target like gcc's prefixes."""
    base = os.path.basename(argv0)
    for suffix in ("-crt-cc", "-crt-as"):
        if base.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return None


def _target_gcc_output(target: Target, args: list[str]) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run([target.tool("gcc"), *args], capture_output=True, text=True)
    except (CrtError, OSError):
        return None


def target_gcc_version(target: Target) -> str:
    """The target gcc's full version ("12.2.0"), which build scripts compare against."""
    proc = _target_gcc_output(target, ["-dumpfullversion"])
    if proc and proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.strip()
    return "unknown"


def version_text(target: Target) -> str:
    """``--version`` text: our identity first, then what compiles native C."""
    proc = _target_gcc_output(target, ["--version"])
    first = proc.stdout.splitlines()[0] if proc and proc.returncode == 0 and proc.stdout else ""
    lines = [f"{PROG} (crt-cc {__version__}) {target_gcc_version(target)}",
             f"Target: {target.triple} (x86-64 code is translated ahead of time)"]
    if first:
        lines.append(f"Native code: {first}")
    else:
        lines.append(f"Native code: {target.gnu_prefix}gcc (not found)")
    lines.append("This is free software; see the source for copying conditions.  There is NO")
    lines.append("warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.")
    return "\n".join(lines) + "\n"


def verbose_text(target: Target) -> str:
    """``-v`` text on stderr: gcc's lines (Target:, Thread model:, gcc version) under our banner."""
    proc = _target_gcc_output(target, ["-v"])
    body = proc.stderr if proc and proc.returncode == 0 else ""
    head = f"{PROG} (crt-cc {__version__}) {target_gcc_version(target)}\n"
    if "Target:" not in body:
        body = (f"Target: {target.triple}\nThread model: posix\n"
                f"gcc version {target_gcc_version(target)} (crt-cc {__version__})\n")
    return head + body


def _forward_info(a: CcArgs, target: Target, opts: list[str]) -> int:
    """-print-*, -dumpversion, --help=... : the target gcc answers, with the user's target options."""
    m_target = [m for m in a.m_opts if classify_m_option(m) in ("target", "target-abi", "both")]
    cmd = [target.tool("gcc"), *a.target_cpp, *m_target, *a.link, *opts]
    try:
        return subprocess.run(cmd).returncode
    except OSError as e:
        raise CrtError(f"cannot run '{cmd[0]}': {e.strerror}") from None


def run_info(a: CcArgs, target: Target) -> int:
    """Answer the info options in command-line order (gcc answers them and stops).

    Each forwarded option gets its own target gcc call because gcc exits after
    the first ``-dump*`` it meets.
    """
    status = 0
    for opt in a.info:
        if opt == "--version":
            sys.stdout.write(version_text(target))
        elif opt == "-dumpmachine":
            sys.stdout.write(target.triple + "\n")
        else:
            sys.stdout.flush()
            status |= _forward_info(a, target, [opt])
        sys.stdout.flush()
    return 1 if status else 0


def _main(argv: list[str], argv0: str) -> int:
    if len(argv) == 1 and argv[0] in client.CONTROL:
        return client.control(client.CONTROL[argv[0]], PROG)
    a = parse_cc_args(argv)
    if "--help" in a.info:
        sys.stdout.write(help_text(PROG))
        return 0
    target = resolve_target(a.target_name or target_from_progname(argv0))
    has_inputs = any(isinstance(x, SourceInput) for x in a.inputs)
    actions = a.crt.cache_actions
    if "clear" in actions:
        cache_command("clear", PROG)
    if actions and not has_inputs and not a.info:
        if "stats" in actions:
            cache_command("stats", PROG)
        return 0
    if a.info:
        return run_info(a, target)
    if a.verbose or a.dry_run:
        sys.stderr.write(verbose_text(target))
        sys.stderr.flush()
        if not has_inputs:
            return 0
    plan = build_plan(a, target, PROG)
    status = run_plan(plan, target)
    if "stats" in actions:
        cache_command("stats", PROG)   # after the build, so it counts this build's lookups
    return status


def cache_command(action: str, prog: str) -> None:
    """``--crt-cache-clear`` / ``--crt-cache-stats`` (shared with crt-as).

    Clearing is an explicit request, so unlike cache failures during a build a
    failure to clear is an error.
    """
    from .. import cache

    settings = cache.settings_from_env()
    if action == "clear":
        try:
            n, size = cache.clear_cache(settings)
        except OSError as e:
            raise CrtError(f"cannot clear the translation cache in {settings.directory}: "
                           f"{e.strerror or e}") from None
        print(f"{prog}: translation cache cleared: {n} entries ({cache.format_size(size)}) "
              f"removed from {settings.directory}")
    else:
        sys.stdout.write(cache.stats_text(settings))
    sys.stdout.flush()


def report_internal_error(prog: str, exc: BaseException) -> int:
    """Unexpected exceptions are bugs: say so visibly, but as a diagnostic (traceback with CRT_DEBUG=1)."""
    import traceback  # here, not at the top: with textwrap it costs every crt-cc process ~1.5 ms

    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        pkg_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        fname = frames[-1].filename
        if fname.startswith(pkg_root + os.sep):
            fname = os.path.relpath(fname, pkg_root)
        where = f" (at {fname}:{frames[-1].lineno})"
    print(f"{prog}: internal error: {type(exc).__name__}: {exc}{where}; this is a crt-cc bug "
          "(set CRT_DEBUG=1 for a traceback)", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``crt-cc``; returns the exit status."""
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
