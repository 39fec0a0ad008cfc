"""Command-line front end of the differential tests.

    python -m tests.difftest.run --list-failures        # every failing form, one line each
    python -m tests.difftest.run -f 'shift_*' -v        # details for some families
    python -m tests.difftest.run --form 'rcl_*' -v      # details for some forms
    python -m tests.difftest.run --host-only            # check the x86 side only
    python -m tests.difftest.run --list                 # the forms, by family
    python -m tests.difftest.run --check-masks          # native x86 vs qemu-x86_64 (mask sanity)
    python -m tests.difftest.run --target arm-linux-gnueabi   # i386 forms -> ARMv5 (-m32)
    python -m tests.difftest.run --target arm-linux-gnueabi/x86_64   # x86-64 forms -> ARMv5

Run from the repository root.  Exit status 1 when any form fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

if __package__ in (None, ""):                       # python tests/difftest/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "difftest"

from . import core  # noqa: E402

# the source ISA a target translates by default (as in tests/helpers.py: ARMv5 gets i386 code)
DEFAULT_SOURCE = {"arm-linux-gnueabi": "i386"}


def parse_target(spec: str) -> tuple[str, str]:
    """``TRIPLE[/SOURCE]`` (CRT_TEST_TARGETS syntax) -> (triple, source ISA)."""
    triple, _, source = spec.partition("/")
    return triple, source or DEFAULT_SOURCE.get(triple, "x86_64")


def _one(name: str, form_names: list[str], workdir: str, target: bool, n_cases: int, seed: str,
         check_masks: bool = False, triple: str = core.TARGET, source: str = "x86_64"):
    from .forms import forms_for
    by_name = forms_for(source)[1]
    forms = [by_name[n] for n in form_names]
    t0 = time.monotonic()
    if check_masks:
        res = core.emulator_check(name, forms, Path(workdir) / name, n_cases=n_cases, seed=seed)
    else:
        res = core.run_family(name, forms, Path(workdir) / name, target=target, n_cases=n_cases, seed=seed,
                              toolchain=core.Toolchain.for_target(triple, source))
    res.host_outputs.clear()                        # keep the pickle small
    return res, time.monotonic() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.difftest.run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list-failures", action="store_true",
                    help="print one line per failing form (the default output, plus a summary)")
    ap.add_argument("--list", action="store_true", help="list the forms and exit")
    ap.add_argument("-f", "--family", action="append", default=[], help="family glob (repeatable)")
    ap.add_argument("--form", action="append", default=[], help="form-name glob (repeatable)")
    ap.add_argument("--host-only", action="store_true", help="build and run the x86 side only")
    ap.add_argument("--check-masks", action="store_true",
                    help="compare native x86 with qemu-x86_64 instead of crt-cc (finds undefined bits "
                         "missing from flag masks; see docs/difftest.md for known QEMU differences)")
    ap.add_argument("-v", "--verbose", action="store_true", help="details of every failure")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--cases", type=int, default=core.N_CASES, help="random cases per form")
    ap.add_argument("--seed", default=core.SEED)
    ap.add_argument("--keep", metavar="DIR", help="build in DIR and keep it")
    ap.add_argument("--target", default=core.TARGET, metavar="TRIPLE[/SOURCE]",
                    help="target triple, optionally /x86_64 or /i386 for the source ISA (default "
                         f"{core.TARGET}; arm-linux-gnueabi translates i386 forms unless /x86_64)")
    args = ap.parse_args(argv)
    triple, source = parse_target(args.target)

    forms = core.select_forms(args.form, args.family, source)
    fams = core.families(forms)
    if args.list:
        for name, fs in fams.items():
            print(f"{name} ({len(fs)})")
            for f in fs:
                print(f"    {f.name:28s} {f.text}")
        print(f"{len(forms)} forms in {len(fams)} families")
        return 0
    if not forms:
        print("no forms selected", file=sys.stderr)
        return 2
    miss = core.missing_tools(target=not (args.host_only or args.check_masks),
                              toolchain=core.Toolchain.for_target(triple, source), source=source)
    emulator = core.X86_EMULATORS[source]
    if args.check_masks and not shutil.which(emulator[0]):
        miss.append(emulator[0])
    if miss:
        print(f"missing tools: {', '.join(miss)}", file=sys.stderr)
        return 2

    tmp = None
    if args.keep:
        workdir = Path(args.keep)
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="crt-difftest-")
        workdir = Path(tmp.name)
    t0 = time.monotonic()
    results: list[core.FamilyResult] = []
    # crt-cc itself runs in parallel inside a family when diagnostics are vague
    os.environ.setdefault("CRT_DIFFTEST_JOBS", "1")
    with ProcessPoolExecutor(max(1, args.jobs)) as ex:
        futs = {ex.submit(_one, name, [f.name for f in fs], str(workdir), not args.host_only,
                          args.cases, args.seed, args.check_masks, triple, source): name
                for name, fs in fams.items()}
        for fut in as_completed(futs):
            res, dt = fut.result()
            results.append(res)
            nf = len(res.failures())
            print(f"[{time.monotonic() - t0:6.1f}s] {res.family:22s} {len(res.results) - nf:3d} ok "
                  f"{nf:3d} failed  ({dt:.1f}s, {res.translate_calls} crt-cc calls)", file=sys.stderr)
    results.sort(key=lambda r: list(fams).index(r.family))

    all_res = [r for fr in results for r in fr.results.values()]
    fails = [r for r in all_res if not r.ok]
    skipped = [r for r in all_res if r.status in (core.SKIPPED, core.UNCLAIMED)]
    print()
    print("FAILING FORMS" if fails else "no failing forms")
    for r in fails:
        print(f"FAIL {r.status:15s} {r.form.family:18s} {r.form.name:26s} {r.form.text:40s} | {r.summary}")
    for r in skipped:
        print(f"SKIP {r.status:15s} {r.form.family:18s} {r.form.name:26s} {r.form.text:40s} | {r.summary}")
    if args.verbose and fails:
        print()
        for fr in results:
            if fr.failures():
                print(fr.report(max_forms=10_000))
                print()
    by_status: dict[str, int] = {}
    for r in all_res:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    print()
    print(f"{len(all_res)} forms, {len(fams)} families, {time.monotonic() - t0:.1f}s: "
          + ", ".join(f"{v} {k}" for k, v in sorted(by_status.items())))
    if args.keep:
        print(f"build files kept in {workdir}")
    if tmp:
        tmp.cleanup()
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
