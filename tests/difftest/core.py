"""Build, run and compare the differential tests of one family of forms.

Flow for a family (see docs/difftest.md):

1. every form gets N random cases (deterministic: seeded with the form name);
   they are written to ``inputs.bin`` (records of struct crt_diff_input);
2. ``family.s`` holds one function ``crt_diff_run_<form>`` per form: load the
   state, run the snippet, store the state back;
3. host: ``gcc harness.c family.s`` and run natively;
4. target: ``crt-cc --target=aarch64-linux-gnu -c family.s``; forms it rejects
   are located (line number / function name / instruction text in the
   diagnostic, else by translating forms one by one), reported, and left out; then
   ``aarch64-linux-gnu-gcc harness.c family.o`` runs under qemu-aarch64
   (a form that crashes the binary is reported and left out of a re-run);
5. both printed states are compared field by field.

i386 forms (tests/difftest/forms_i386.py) go the same way with an i386 ``family.s``:
the reference is ``i686-linux-gnu-gcc -static``, run natively where the kernel runs
i386 binaries, else under qemu-i386 (:func:`reference`), and crt-cc gets ``-m32``.
"""

from __future__ import annotations

import fnmatch
import functools
import math
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from .cases import GPR_NAMES, I386, I386_GPR_NAMES, ISAS, RSP, X86_64, Case, Isa, flag_text, make_case
from .forms import FORMS, Form, forms_for
from .forms_i386 import I386_CC

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
HARNESS = HERE / "harness.c"

TARGET = "aarch64-linux-gnu"
HOST_CC = os.environ.get("CRT_DIFFTEST_HOST_CC", "gcc")
N_CASES = int(os.environ.get("CRT_DIFFTEST_CASES", "16"))
SEED = os.environ.get("CRT_DIFFTEST_SEED", "crt-difftest")
FAMILY_CHUNK = 40                     # forms per translated file at most
RUN_TIMEOUT = 60
TRANSLATE_TIMEOUT = 300

# state layout (struct crt_diff_state in harness.c)
OFF_RFLAGS = 128
OFF_XMM = 144
SAVED_GPRS = [i for i in range(16) if i != RSP]


# ---------------------------------------------------------------------------
# families and cases
# ---------------------------------------------------------------------------

def families(forms: Iterable[Form] = FORMS) -> dict[str, list[Form]]:
    """Family name -> forms; families larger than FAMILY_CHUNK are split (name.1, name.2 ...)."""
    grouped: dict[str, list[Form]] = {}
    for f in forms:
        grouped.setdefault(f.family, []).append(f)
    out: dict[str, list[Form]] = {}
    for name, fs in grouped.items():
        if len(fs) <= FAMILY_CHUNK:
            out[name] = fs
            continue
        nchunks = -(-len(fs) // FAMILY_CHUNK)
        size = -(-len(fs) // nchunks)
        for i in range(nchunks):
            out[f"{name}.{i + 1}"] = fs[i * size:(i + 1) * size]
    return out


def select_forms(patterns: Iterable[str] = (), families_pat: Iterable[str] = (),
                 source: str = "x86_64") -> list[Form]:
    pats, fpats = list(patterns), list(families_pat)
    out = []
    for f in forms_for(source)[0]:
        if pats and not any(fnmatch.fnmatchcase(f.name, p) for p in pats):
            continue
        if fpats and not any(fnmatch.fnmatchcase(f.family, p) for p in fpats):
            continue
        out.append(f)
    return out


def make_cases(form: Form, n: int = N_CASES, seed: str = SEED) -> list[Case]:
    """The form's random cases.  ``case.ignore`` ends up in the printed field names of the
    form's ISA (fixups and forms name x86-64 registers: ``rdx`` is ``edx`` on i386)."""
    isa = ISAS[form.source]
    rng = Random(f"{seed}:{form.name}")
    out = []
    for _ in range(n):
        case = make_case(rng, form.kind, form.ptrs or {})
        if form.fixup:
            form.fixup(case, rng)
        case.flagmask = form.flag_mask(case)
        case.ignore.update(form.ignore)
        if isa is not X86_64:
            case.ignore = {f for f in map(isa.field, case.ignore) if f}
        out.append(case)
    return out


@functools.cache
def host_cpu_flags() -> frozenset[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return frozenset()
    m = re.search(r"^flags\s*:\s*(.*)$", text, re.M)
    return frozenset(m.group(1).split()) if m else frozenset()


def missing_cpu(form: Form) -> list[str]:
    have = host_cpu_flags()
    return [c for c in form.cpu if c not in have]


# ---------------------------------------------------------------------------
# assembly generation
# ---------------------------------------------------------------------------

@dataclass
class Span:
    """1-based line numbers of one form's function in the generated .s."""
    start: int
    body: tuple[int, int]      # the snippet
    ret: int                   # the final ret; helper code follows
    end: int


Spans = dict[str, Span]


# Per ISA: callee-saved registers, the mov suffix, the argument (s), how globals are addressed.
_ABI = {
    "x86_64": (("rbx", "rbp", "r12", "r13", "r14", "r15"), "q", "%rdi", "(%rip)"),
    # i386 cdecl: s is the stack word above the return address and the four pushes
    "i386": (("ebx", "ebp", "esi", "edi"), "l", "20(%esp)", ""),
}


def _prologue(isa: Isa = X86_64) -> list[str]:
    saved, q, arg, rip = _ABI[isa.name]
    a = isa.gprs[0]
    L = [f"\tpush{q} %{r}" for r in saved]
    if isa is X86_64:
        L.append(f"\tmovq %rdi, crt_diff_state_ptr{rip}")
    else:
        L += [f"\tmov{q} {arg}, %{a}", f"\tmov{q} %{a}, crt_diff_state_ptr{rip}"]
    base = "%rdi" if isa is X86_64 else f"%{a}"
    L += [f"\tmovdqu {OFF_XMM + 16 * i}({base}), %xmm{i}" for i in range(isa.nxmm)]
    L += [f"\tpush{q} {OFF_RFLAGS}({base})", f"\tpopf{q}"]
    if isa is X86_64:
        L.append("\tmovq %rdi, %rax")
    L += [f"\tmov{q} {8 * i}(%{a}), %{isa.gprs[i]}" for i in SAVED_GPRS if 0 < i < len(isa.gprs)]
    L.append(f"\tmov{q} 0(%{a}), %{a}")
    return L


def _epilogue(isa: Isa = X86_64) -> list[str]:
    # flags first, then rax (the only register needed to reach the state again);
    # mov does not touch the flags, so the order of the rest does not matter
    saved, q, _, rip = _ABI[isa.name]
    a, c = isa.gprs[0], isa.gprs[1]
    L = [f"\tpushf{q}", f"\tpop{q} crt_diff_saved_flags{rip}", f"\tmov{q} %{a}, crt_diff_saved_rax{rip}",
         f"\tmov{q} crt_diff_state_ptr{rip}, %{a}"]
    L += [f"\tmov{q} %{isa.gprs[i]}, {8 * i}(%{a})" for i in SAVED_GPRS if 0 < i < len(isa.gprs)]
    L += [f"\tmov{q} crt_diff_saved_rax{rip}, %{c}", f"\tmov{q} %{c}, 0(%{a})"]
    L += [f"\tmov{q} crt_diff_saved_flags{rip}, %{c}", f"\tmov{q} %{c}, {OFF_RFLAGS}(%{a})"]
    L += [f"\tmovdqu %xmm{i}, {OFF_XMM + 16 * i}(%{a})" for i in range(isa.nxmm)]
    L += [f"\tpop{q} %{r}" for r in reversed(saved)]
    L.append("\tret")
    return L




# x87 control word with the precision control at double (PC=10), else the Linux default 0x37f
X87_DOUBLE_CW = 0x27F


def _x87_precision(isa: Isa) -> tuple[list[str], list[str]]:
    """Lines that run an x87 form with double-precision rounding, and that restore the
    control word after it: used against targets that keep x87 values as doubles
    (Toolchain.x87_double), so that each x87 operation rounds its significand as the
    translation does and results compare at double precision."""
    rip = _ABI[isa.name][3]
    return ([f"\tfnstcw crt_diff_saved_cw{rip}", f"\tfldcw crt_diff_x87_cw{rip}"],
            [f"\tfldcw crt_diff_saved_cw{rip}"])


HARNESS_LINES = frozenset(ln.strip() for isa in ISAS.values()
                          for ln in _prologue(isa) + _epilogue(isa) + sum(_x87_precision(isa), []))


def function_asm(form: Form, x87_double: bool = False) -> tuple[list[str], int, int, int]:
    """Lines of the form's test function, with the (0-based) index of the first
    and last snippet line and of the ret.  ``x87_double``: an x87 form runs with the
    x87 precision control at double (:func:`_x87_precision`)."""
    isa = ISAS[form.source]
    fn = f"crt_diff_run_{form.name}"
    L = [f"\t.globl {fn}", f"\t.type {fn}, @function", f"{fn}:"]
    L += _prologue(isa)
    pc_set, pc_restore = _x87_precision(isa) if x87_double and uses_x87(form) else ([], [])
    L += pc_set
    L.append(f"# ---- {form.name}: {form.text}")
    b0 = len(L)
    L.extend(f"\t{ln}" if not ln.endswith(":") else ln for ln in _body_lines(form))
    b1 = len(L) - 1
    L.append("# ---- end")
    L += pc_restore
    L += _epilogue(isa)
    ret = len(L) - 1
    L.append(f"\t.size {fn}, .-{fn}")
    if form.helper:
        L.extend(form.helper.splitlines())
    return L, b0, b1, ret


def _body_lines(form: Form) -> list[str]:
    out = []
    for ln in form.lines:
        m = re.match(r"^(\d+:|\w+:)\s*(.*)$", ln)       # "1: insn" -> label line + insn line
        if m:
            out.append(m.group(1))
            if m.group(2):
                out.append(m.group(2))
        else:
            out.append(ln)
    return out


def module_asm(forms: list[Form], x87_double: bool = False) -> tuple[str, Spans]:
    """Assembly text for a family of forms, and where each form's function is."""
    lines = ["# generated by tests/difftest (crt-cc differential tests)", "\t.text"]
    spans: Spans = {}
    for f in forms:
        base = len(lines) + 1
        fl, b0, b1, ret = function_asm(f, x87_double)
        lines.extend(fl)
        lines.append("\t.text")
        spans[f.name] = Span(base, (base + b0, base + b1), base + ret, len(lines))
    lines += [
        "\t.bss",
        "\t.balign 16",
        "crt_diff_state_ptr:",
        "\t.zero 8",
        "crt_diff_saved_flags:",
        "\t.zero 8",
        "crt_diff_saved_rax:",
        "\t.zero 8",
        "crt_diff_saved_cw:",
        "\t.zero 8",
        "\t.data",
        "\t.balign 2",
        "crt_diff_x87_cw:",
        f"\t.short {X87_DOUBLE_CW:#x}",
        '\t.section .note.GNU-stack,"",@progbits',
        "",
    ]
    return "\n".join(lines), spans


def funcs_header(forms: list[Form], indices: dict[str, int]) -> str:
    n = max(indices.values(), default=0)
    items = " ".join(f"X({indices[f.name]}, {f.name})" for f in forms)
    return f"#define CRT_DIFF_NFORMS {n}\n#define CRT_DIFF_FORMS(X) {items}\n"


def write_inputs(path: Path, forms: list[Form], indices: dict[str, int],
                 cases: dict[str, list[Case]]) -> None:
    with open(path, "wb") as fh:
        for f in forms:
            for ci, c in enumerate(cases[f.name]):
                fh.write(c.pack(indices[f.name], ci))


# ---------------------------------------------------------------------------
# tools
# ---------------------------------------------------------------------------

def crt_cc_command() -> tuple[list[str], dict[str, str]]:
    """How to run crt-cc: $CRT_CC, else the repo venv's script, else python -m."""
    env = dict(os.environ)
    if os.environ.get("CRT_CC"):
        return shlex.split(os.environ["CRT_CC"]), env
    venv = REPO / ".venv" / "bin" / "crt-cc"
    if venv.exists():
        return [str(venv)], env
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "crt_cc.driver.cc"], env


@dataclass
class Reference:
    """The x86 side: how the harness with the x86 ``family.s`` is built and run."""
    isa: Isa
    cc: str
    cflags: list[str]
    run_prefix: list[str]


# i386 reference: Debian's i686 cross gcc (I386_CC), linked statically (no i386 libc to load)
I386_EMULATOR = ["qemu-i386", "-cpu", "max"]
HARNESS_DEFINES = {"x86_64": [], "i386": ["-DCRT_DIFF_I386"]}


@functools.cache
def runs_i386_natively() -> bool:
    """Does this kernel run a static i386 binary (IA-32 emulation enabled)?  Then the i386
    reference runs on the real CPU like the x86-64 one, not on QEMU's model of it."""
    import tempfile
    with tempfile.TemporaryDirectory(prefix="crt-difftest-probe-") as tmp:
        src, exe = Path(tmp) / "probe.c", Path(tmp) / "probe"
        src.write_text("int main(void) { return sizeof(void *) == 4 ? 0 : 1; }\n")
        if _run([I386_CC, "-static", "-o", str(exe), str(src)], Path(tmp), 120).returncode != 0:
            return False
        return _run([str(exe)], Path(tmp), 30).returncode == 0


@functools.cache
def reference(source: str = "x86_64") -> Reference:
    """The reference for a source ISA: x86-64 natively with the host gcc; i386 with
    ``i686-linux-gnu-gcc -static``, natively where the kernel can, else under
    ``qemu-i386 -cpu max`` (``CRT_DIFFTEST_I386_RUN`` overrides: a run prefix, "" = native)."""
    if source == "x86_64":
        return Reference(X86_64, HOST_CC, [], [])
    if source != "i386":
        raise ValueError(f"no difftest reference for source ISA {source!r}")
    run = os.environ.get("CRT_DIFFTEST_I386_RUN")
    if run is not None:
        prefix = shlex.split(run)
    else:
        prefix = [] if shutil.which(I386_CC) and runs_i386_natively() else I386_EMULATOR
    return Reference(I386, I386_CC, ["-static", *HARNESS_DEFINES["i386"]], prefix)


@dataclass
class Toolchain:
    """The target side: translator, target C compiler, and how to run a target binary."""
    crt_cc: list[str]
    crt_env: dict[str, str]
    crt_flags: list[str]
    target_cc: str
    target_ldflags: list[str]
    run_prefix: list[str]
    # The target keeps x87 values as doubles (ARMv5: no binary128), and x87 NaN results are the
    # target's, as in a native ARM build (crt_cc/lift/semantics/x87.py, docs/abi.md): x87 forms
    # then compare NaN lanes loosely (any NaN equals any NaN), everything else bit for bit.
    x87_double: bool = False

    @classmethod
    def default(cls) -> Toolchain:
        cmd, env = crt_cc_command()
        return cls(
            crt_cc=cmd, crt_env=env,
            # x86 NaN results are checked bit for bit, which needs --crt-exact-nan (the default
            # keeps the target's NaN sign/payload; everything else is the same code).
            crt_flags=[f"--target={TARGET}", "--crt-exact-nan",
                       *shlex.split(os.environ.get("CRT_DIFFTEST_CRTFLAGS", ""))],
            target_cc=os.environ.get("CRT_DIFFTEST_TARGET_CC", "aarch64-linux-gnu-gcc"),
            target_ldflags=shlex.split(os.environ.get("CRT_DIFFTEST_TARGET_LDFLAGS", "")),
            run_prefix=shlex.split(os.environ.get("CRT_DIFFTEST_QEMU", "qemu-aarch64 -L /usr/aarch64-linux-gnu")),
        )

    @classmethod
    def for_target(cls, triple: str, source: str = "x86_64") -> Toolchain:
        """The default toolchain retargeted (the CRT_DIFFTEST_* variables still add flags);
        ``source="i386"`` translates i386 code (``-m32``, ARMv5 only)."""
        tc = cls.default()
        if source == "i386":
            tc.crt_flags = [*tc.crt_flags, "-m32"]
        if triple == TARGET:
            return tc
        arch = triple.split("-")[0]
        tc.crt_flags = [f"--target={triple}", *tc.crt_flags[1:]]
        tc.target_cc = f"{triple}-gcc"
        # 128-bit atomics (cmpxchg16b) are libatomic calls on targets without a 128-bit CAS
        tc.target_ldflags = [*tc.target_ldflags, "-Wl,--as-needed", "-latomic"]
        tc.run_prefix = [f"qemu-{arch}", "-L", f"/usr/{triple}"]
        tc.x87_double = _x87_is_double(triple)
        return tc

    def missing(self) -> list[str]:
        tools = [self.target_cc] + self.run_prefix[:1]
        return [t for t in tools if not shutil.which(t)]


def _x87_is_double(triple: str) -> bool:
    """crt-cc's rule (crt_cc/lift/module.py): x87 registers are doubles on 32-bit targets."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from crt_cc.toolchain.targets import resolve_target
    return resolve_target(triple).bits != 64


_MNEMONIC = re.compile(r"^(?:\w+:\s*)?(?:(?:lock|rep\w*|notrack|bnd)\s+)*([a-z][a-z0-9]*)")


def uses_x87(form: Form) -> bool:
    """Does the snippet run x87 instructions (every x87 mnemonic starts with f)?"""
    return any((m := _MNEMONIC.match(ln)) and m.group(1).startswith("f") for ln in form.lines)


def missing_tools(target: bool = True, toolchain: Toolchain | None = None, source: str = "x86_64") -> list[str]:
    ref = reference(source)
    miss = [t for t in (ref.cc, *ref.run_prefix[:1]) if not shutil.which(t)]
    return miss + ((toolchain or Toolchain.default()).missing() if target else [])


def _run(cmd: list[str], cwd: Path, timeout: int, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    except OSError as e:
        return subprocess.CompletedProcess(cmd, -998, "", f"cannot run {cmd[0]}: {e}")
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return subprocess.CompletedProcess(cmd, -999, out, f"timeout after {timeout}s")


class BuildError(Exception):
    pass


def compile_harness(cc: str, workdir: Path, obj_or_asm: Path, out: Path, extra: list[str] = ()) -> None:
    cmd = [cc, "-O1", "-w", "-I", str(workdir), "-o", str(out), str(HARNESS), str(obj_or_asm), *extra, "-lm"]
    p = _run(cmd, workdir, 300)
    if p.returncode != 0:
        raise BuildError(f"{' '.join(cmd)} failed:\n{p.stdout}{p.stderr}")


# ---------------------------------------------------------------------------
# output parsing
# ---------------------------------------------------------------------------

@dataclass
class RunOutput:
    states: dict[tuple[int, int], dict[str, str]]
    complete: bool
    last_started: tuple[int, int] | None      # "> f c" without a following "@ f c"
    returncode: int
    stderr: str


def parse_output(text: str, returncode: int = 0, stderr: str = "") -> RunOutput:
    states: dict[tuple[int, int], dict[str, str]] = {}
    cur: dict[str, str] | None = None
    started: tuple[int, int] | None = None
    complete = False
    for line in text.splitlines():
        if not line:
            continue
        tag = line[0]
        if tag == ">":
            _, f, c = line.split()
            started = (int(f), int(c))
            cur = None
        elif tag == "@":
            _, f, c = line.split()
            key = (int(f), int(c))
            cur = states.setdefault(key, {})
            started = None
        elif tag == "#":
            complete = line.startswith("# end")
        elif tag == "!":
            cur = None
        elif cur is not None:
            k, _, v = line.partition(" ")
            cur[k] = v
    return RunOutput(states, complete and returncode == 0, started, returncode, stderr)


def run_binary(cmd: list[str], workdir: Path) -> RunOutput:
    p = _run(cmd, workdir, RUN_TIMEOUT)
    return parse_output(p.stdout, p.returncode, p.stderr)


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------

PASS, MISMATCH, UNSUPPORTED, TRANSLATE_ERROR, CRASH, SKIPPED, HOST_ERROR, BUILD_ERROR, UNCLAIMED = (
    "pass", "mismatch", "unsupported", "translate-error", "crash", "skipped", "host-error", "build-error",
    "not-claimed")


@dataclass
class FormResult:
    form: Form
    status: str
    summary: str = ""               # one line
    detail: str = ""                # multi-line explanation

    @property
    def ok(self) -> bool:
        return self.status in (PASS, SKIPPED, UNCLAIMED)


@dataclass
class FamilyResult:
    family: str
    results: dict[str, FormResult] = field(default_factory=dict)
    host_outputs: dict[str, dict[int, dict[str, str]]] = field(default_factory=dict)
    translate_calls: int = 0

    def failures(self) -> list[FormResult]:
        return [r for r in self.results.values() if not r.ok]

    def report(self, max_forms: int = 50) -> str:
        fails = self.failures()
        lines = [f"family {self.family}: {len(fails)} of {len(self.results)} forms failed"]
        for r in fails[:max_forms]:
            lines.append(f"--- {r.form.name} [{r.status}]  {r.form.text}")
            lines.append(f"    {r.summary}")
            if r.detail and r.detail.strip() != r.summary.strip():
                lines.extend("    " + ln for ln in r.detail.splitlines())
        if len(fails) > max_forms:
            lines.append(f"... and {len(fails) - max_forms} more")
        return "\n".join(lines)


# ---------------------------------------------------------------------------
# comparison
# ---------------------------------------------------------------------------

_REG_RE = re.compile(r"%([a-z0-9]+)")


def _is_nan(bits: int, size: int) -> bool:
    if size == 4:
        return (bits >> 23) & 0xFF == 0xFF and bits & 0x7FFFFF != 0
    return (bits >> 52) & 0x7FF == 0x7FF and bits & ((1 << 52) - 1) != 0


def _fmt_lanes(v: int, kind: str) -> str:
    if kind == "f32":
        parts = [struct.unpack("<f", ((v >> (32 * i)) & 0xFFFFFFFF).to_bytes(4, "little"))[0] for i in range(4)]
        return "[" + ", ".join(f"{p:.9g}" for p in reversed(parts)) + "] (hi..lo)"
    if kind == "f64":
        parts = [struct.unpack("<d", ((v >> (64 * i)) & (2**64 - 1)).to_bytes(8, "little"))[0] for i in range(2)]
        return "[" + ", ".join(f"{p:.17g}" for p in reversed(parts)) + "] (hi..lo)"
    return ""


def _lane_words(v: int, size: int) -> list[int]:
    return [(v >> (8 * size * i)) & ((1 << (8 * size)) - 1) for i in range(16 // size)]


def _nan_only(hv: str, tv: str, kind: str, field: str = "xmm") -> bool:
    """Do two xmm (or mem) values differ only in lanes where both hold (different) NaNs?"""
    if kind not in ("f32", "f64"):
        return False
    size = 4 if kind == "f32" else 8
    try:
        if field.startswith("mem"):       # memory order -> little-endian lanes
            hb, tb = bytes.fromhex(hv), bytes.fromhex(tv)
            h = [int.from_bytes(hb[i:i + size], "little") for i in range(0, len(hb), size)]
            t = [int.from_bytes(tb[i:i + size], "little") for i in range(0, len(tb), size)]
            if len(h) != len(t):
                return False
        else:
            h, t = _lane_words(int(hv, 16), size), _lane_words(int(tv, 16), size)
    except ValueError:
        return False
    return all(a == b or (_is_nan(a, size) and _is_nan(b, size)) for a, b in zip(h, t, strict=True))


def _field_note(fld: str, hv: str, tv: str, kind: str) -> str:
    if fld == "rflags":
        try:
            return f"host {flag_text(int(hv, 16))} / target {flag_text(int(tv, 16))}"
        except ValueError:
            return ""
    if fld.startswith("xmm") and kind in ("f32", "f64"):
        try:
            note = f"host {_fmt_lanes(int(hv, 16), kind)} / target {_fmt_lanes(int(tv, 16), kind)}"
        except ValueError:
            return ""
        return note + ("  [NaN payload/sign only]" if _nan_only(hv, tv, kind) else "")
    if fld.startswith("mem") and _nan_only(hv, tv, kind, fld):
        return "[NaN payload/sign only]"
    return ""


def _approx_equal(hv: str, tv: str, kind: str, tol: float) -> bool:
    """Lane-wise: equal bits, or finite values whose relative difference, measured against the
    target's value (the correctly rounded result, for rcp/rsqrt), is at most ``tol``.  Values
    below the smallest normal (times 2) count as equal: x86 flushes tiny rcp results to zero
    from an implementation-specific threshold."""
    size = 4 if kind == "f32" else 8
    fmt, tiny = ("<f", 2.0 ** -125) if size == 4 else ("<d", 2.0 ** -1021)
    try:
        h, t = _lane_words(int(hv, 16), size), _lane_words(int(tv, 16), size)
    except ValueError:
        return False
    for a, b in zip(h, t, strict=True):
        if a == b or (NAN_LOOSE and _is_nan(a, size) and _is_nan(b, size)):
            continue
        x = struct.unpack(fmt, a.to_bytes(size, "little"))[0]
        y = struct.unpack(fmt, b.to_bytes(size, "little"))[0]
        if not (math.isfinite(x) and math.isfinite(y)):
            return False
        if abs(x) < tiny and abs(y) < tiny:
            continue
        if abs(x - y) > tol * abs(y):
            return False
    return True


# CRT_DIFFTEST_NAN=loose: an xmm or memory result of an FP form that differs only
# in the payload/sign of NaN lanes counts as equal (x86 NaN rules not checked)
NAN_LOOSE = os.environ.get("CRT_DIFFTEST_NAN", "strict") == "loose"


def _input_summary(form: Form, case: Case) -> list[str]:
    isa = ISAS[form.source]
    d = case.describe(isa)
    ngpr = len(isa.gprs) - 1                      # every GPR but the stack pointer
    gprs = [ln.replace(" ", "=") for ln in d[:ngpr]]
    out = ["  input: " + " ".join(gprs[0:5])]
    out += ["         " + " ".join(gprs[i:i + 5]) for i in range(5, ngpr, 5)]
    out.append("         " + d[ngpr])
    xmm_lines = d[ngpr + 1:ngpr + 1 + isa.nxmm]
    used = set(_REG_RE.findall(form.asm))
    xmms = [ln for ln in xmm_lines if ln.split()[0] in used] or xmm_lines[:2]
    out += ["         " + ln for ln in xmms]
    if "(" in form.asm or not used & set(isa.gprs) or form.family == "string":
        out += ["         " + ln for ln in d[ngpr + 1 + isa.nxmm:]]
    return out


def compare_form(form: Form, cases: list[Case], host: dict[int, dict[str, str]],
                 target: dict[int, dict[str, str]], max_shown: int = 3,
                 nan_loose: bool = NAN_LOOSE) -> FormResult:
    """Compare a form's outputs case by case; ``nan_loose``: xmm/memory lanes (of the form's
    kind) that hold a NaN on both sides are equal whatever their sign and payload."""
    bad_cases = []
    bad_fields: set[str] = set()
    detail: list[str] = []
    for ci, case in enumerate(cases):
        h, t = host.get(ci), target.get(ci)
        if h is None:
            return FormResult(form, HOST_ERROR, f"host produced no output for case {ci}")
        if t is None:
            bad_cases.append(ci)
            if len(bad_cases) <= max_shown:
                detail.append(f"case {ci}: no target output")
            continue
        diffs = [k for k in h if k not in case.ignore and h.get(k) != t.get(k)
                 and not ((nan_loose or form.nan_loose) and k.startswith(("xmm", "mem")) and _nan_only(h[k], t.get(k, ""), form.kind, k))
                 and not (form.approx and k.startswith("xmm")
                          and _approx_equal(h[k], t.get(k, ""), form.kind, form.approx))]
        if not diffs:
            continue
        bad_cases.append(ci)
        bad_fields.update(diffs)
        if len(bad_cases) <= max_shown:
            detail.append(f"case {ci}: flag mask {case.flagmask:#05x} ({flag_text(case.flagmask)})"
                          + (f", ignored {sorted(case.ignore)}" if case.ignore else ""))
            if len(bad_cases) == 1:
                detail.extend(_input_summary(form, case))
            for k in diffs:
                note = _field_note(k, h[k], t.get(k, "?"), form.kind)
                detail.append(f"  {k:7s} host {h[k]}  target {t.get(k, '<missing>')}"
                              + (f"\n          {note}" if note else ""))
    if not bad_cases:
        return FormResult(form, PASS)
    summary = (f"{len(bad_cases)}/{len(cases)} cases differ; fields: "
               + ", ".join(sorted(bad_fields, key=_field_order)))
    return FormResult(form, MISMATCH, summary, "\n".join(detail))


def _field_order(k: str) -> tuple[int, str]:
    order = {n: i for names in (GPR_NAMES, I386_GPR_NAMES) for i, n in enumerate(names)}
    if k in order:
        return (0, f"{order[k]:02d}")
    if k == "rflags":
        return (1, "")
    if k.startswith("xmm"):
        return (2, f"{int(k[3:]):02d}")
    return (3, k)


# ---------------------------------------------------------------------------
# translation with culprit elimination
# ---------------------------------------------------------------------------

_LINE_RE = re.compile(r"\.s:(\d+):")
_FN_RE = re.compile(r"crt_diff_run_([a-z0-9_]+)")
JOBS = int(os.environ.get("CRT_DIFFTEST_JOBS", "0")) or (os.cpu_count() or 2)


def _translate(forms: list[Form], workdir: Path, tag: str,
               tc: Toolchain) -> tuple[Path | None, str, int, Spans]:
    text, spans = module_asm(forms, tc.x87_double)
    src = workdir / f"{tag}.s"
    obj = workdir / f"{tag}.o"
    src.write_text(text)
    p = _run([*tc.crt_cc, *tc.crt_flags, "-c", str(src), "-o", str(obj)], workdir,
             TRANSLATE_TIMEOUT, tc.crt_env)
    if p.returncode == 0 and obj.exists():
        return obj, "", 0, spans
    msg = (p.stderr + p.stdout).strip() or f"crt-cc exited with status {p.returncode}"
    return None, msg, p.returncode, spans


def _driver_unavailable(msg: str, rc: int) -> bool:
    return rc == -998 or bool(re.search(r"No module named '?crt_cc", msg))


def _locate(msg: str, forms: list[Form], spans: Spans) -> tuple[list[Form], bool]:
    """Forms a crt-cc diagnostic points at, and whether it points at harness code
    (the load/store code every form shares) instead."""
    names = {f.name: f for f in forms}
    for m in _LINE_RE.finditer(msg):
        line = int(m.group(1))
        for name, sp in spans.items():
            if sp.start <= line <= sp.end and name in names:
                in_body = sp.body[0] <= line <= sp.body[1] or line > sp.ret
                return ([names[name]], False) if in_body else ([], True)
    for m in _FN_RE.finditer(msg):
        if m.group(1) in names:
            return [names[m.group(1)]], False
    # the diagnostic quotes a snippet instruction verbatim
    low = msg.lower()
    hits = [f for f in forms
            if any(len(ln) > 4 and ln not in HARNESS_LINES and ln.lower() in low for ln in f.lines)]
    return hits, False


def _error_status(msg: str) -> str:
    return UNSUPPORTED if "unsupported" in msg.lower() else TRANSLATE_ERROR


def _first_line(msg: str) -> str:
    for ln in msg.splitlines():
        if "error" in ln.lower():
            return ln.strip()
    return msg.splitlines()[-1].strip() if msg else ""


def translate_family(forms: list[Form], workdir: Path, result: FamilyResult,
                     tc: Toolchain) -> tuple[Path | None, list[Form]]:
    """Translate as many of ``forms`` as possible into one object.

    A rejected form is found from the diagnostic (line number, function name or
    quoted instruction) and dropped; when the diagnostic does not tell, every
    form is translated on its own (in parallel).  Failures go into ``result``.
    """
    def fail(fs: list[Form], msg: str, prefix: str = "") -> None:
        for f in fs:
            result.results[f.name] = FormResult(f, _error_status(msg), prefix + _first_line(msg), msg[-1500:])

    remaining = list(forms)
    attempt = 0
    while remaining:
        attempt += 1
        obj, msg, rc, spans = _translate(remaining, workdir, f"target{attempt}", tc)
        result.translate_calls += 1
        if obj is not None:
            return obj, remaining
        if _driver_unavailable(msg, rc):
            fail(remaining, msg, "crt-cc could not run: ")
            return None, []
        culprits, in_harness = _locate(msg, remaining, spans)
        if in_harness:
            fail(remaining, msg, "harness code rejected: ")
            return None, []
        if culprits:
            fail(culprits, msg)
            remaining = [f for f in remaining if f not in culprits]
            continue
        # the diagnostic does not say which form: translate them one by one
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max(1, JOBS)) as ex:
            singles = list(ex.map(lambda f: _translate([f], workdir, f"single_{f.name}", tc), remaining))
        result.translate_calls += len(remaining)
        ok = []
        for f, (o, m, _rc, _sp) in zip(remaining, singles, strict=True):
            if o is not None:
                ok.append(f)
            else:
                fail([f], m)
        if not ok:
            return None, []
        obj, msg, rc, spans = _translate(ok, workdir, "target_final", tc)
        result.translate_calls += 1
        if obj is not None:
            return obj, ok
        fail(ok, msg, "translates alone but not with the rest of its family: ")
        return None, []
    return None, []


def _mark_unclaimed(result: FamilyResult, workdir: Path) -> None:
    """A form rejected as unsupported whose instructions are not all in
    SUPPORTED_MNEMONICS is 'not-claimed' (reported, not a failure): the lifter
    never said it handles them.  A claimed form that is rejected fails."""
    rejected = [r for r in result.results.values() if r.status == UNSUPPORTED]
    if not rejected:
        return
    claimed = claimed_mnemonics()
    if claimed is None:
        return
    try:
        mn = form_mnemonics([r.form for r in rejected], workdir / "claims")
    except BuildError:
        return
    for r in rejected:
        missing = sorted({canonical_mnemonic(m) or m for m in mn[r.form.name]} - claimed)
        if missing:
            r.status = UNCLAIMED
            r.summary = "not in SUPPORTED_MNEMONICS: " + " ".join(missing)


# ---------------------------------------------------------------------------
# the whole family
# ---------------------------------------------------------------------------

def run_family(name: str, forms: list[Form], workdir: Path, *, target: bool = True,
               n_cases: int = N_CASES, seed: str = SEED, toolchain: Toolchain | None = None) -> FamilyResult:
    """Run one family (forms of one source ISA) on the reference and, with ``target``, translated."""
    workdir.mkdir(parents=True, exist_ok=True)
    result = FamilyResult(name)
    sources = {f.source for f in forms}
    if len(sources) > 1:
        raise ValueError(f"family {name} mixes source ISAs {sorted(sources)}")
    ref = reference(sources.pop() if sources else "x86_64")
    active = []
    for f in forms:
        miss = missing_cpu(f)
        if miss:
            result.results[f.name] = FormResult(f, SKIPPED, "host CPU lacks " + ", ".join(miss))
        else:
            active.append(f)
    if not active:
        return result
    indices = {f.name: i for i, f in enumerate(active)}
    cases = {f.name: make_cases(f, n_cases, seed) for f in active}
    inputs = workdir / "inputs.bin"
    write_inputs(inputs, active, indices, cases)

    # host
    hdir = workdir / "host"
    hdir.mkdir(exist_ok=True)
    tc = toolchain or Toolchain.default()
    text, _ = module_asm(active, tc.x87_double)
    (hdir / "family.s").write_text(text)
    (hdir / "crt_diff_funcs.h").write_text(funcs_header(active, indices))
    try:
        compile_harness(ref.cc, hdir, hdir / "family.s", hdir / "harness", ref.cflags)
    except BuildError as e:
        for f in active:
            result.results[f.name] = FormResult(f, HOST_ERROR, "host build failed", str(e)[-3000:])
        return result
    host = run_binary([*ref.run_prefix, str(hdir / "harness"), str(inputs)], hdir)
    if not host.complete:
        for f in active:
            result.results[f.name] = FormResult(
                f, HOST_ERROR, f"host run failed (status {host.returncode}, last started {host.last_started})",
                host.stderr[-2000:])
        return result
    for f in active:
        result.host_outputs[f.name] = {c: host.states[(indices[f.name], c)]
                                       for f_i, c in host.states if f_i == indices[f.name]}
    if not target:
        for f in active:
            result.results[f.name] = FormResult(f, PASS, "host only")
        return result

    # target
    tdir = workdir / "target"
    tdir.mkdir(exist_ok=True)
    obj, ok_forms = translate_family(active, tdir, result, tc)
    _mark_unclaimed(result, tdir)
    if obj is None:
        return result
    (tdir / "crt_diff_funcs.h").write_text(funcs_header(ok_forms, indices))
    try:
        compile_harness(tc.target_cc, tdir, obj, tdir / "harness",
                        [*HARNESS_DEFINES[ref.isa.name], *tc.target_ldflags])
    except BuildError as e:
        for f in ok_forms:
            result.results[f.name] = FormResult(f, BUILD_ERROR, "linking the translated object failed",
                                                str(e)[-3000:])
        return result
    run_forms = list(ok_forms)
    target_states: dict[tuple[int, int], dict[str, str]] = {}
    for attempt in range(len(run_forms) + 1):
        tin = tdir / f"inputs{attempt}.bin"
        write_inputs(tin, run_forms, indices, cases)
        out = run_binary([*tc.run_prefix, str(tdir / "harness"), str(tin)], tdir)
        target_states.update(out.states)
        if out.complete:
            break
        crashed = None
        if out.last_started is not None:
            fi = out.last_started[0]
            crashed = next((f for f in run_forms if indices[f.name] == fi), None)
        if crashed is None:
            for f in run_forms:
                if f.name not in result.results:
                    result.results[f.name] = FormResult(
                        f, CRASH, f"target run failed (status {out.returncode})", out.stderr[-2000:])
            return result
        ci = out.last_started[1]
        sig = f"signal {-out.returncode}" if out.returncode < 0 else f"status {out.returncode}"
        if out.returncode == -999:
            sig = "timeout"
        result.results[crashed.name] = FormResult(
            crashed, CRASH, f"target binary died ({sig}) in case {ci}",
            "\n".join([*_input_summary(crashed, cases[crashed.name][ci]), out.stderr[-1500:]]))
        run_forms = [f for f in run_forms if f is not crashed]
        if not run_forms:
            break
    for f in run_forms:
        if f.name in result.results:
            continue
        fi = indices[f.name]
        tgt = {c: s for (f_i, c), s in target_states.items() if f_i == fi}
        result.results[f.name] = compare_form(f, cases[f.name], result.host_outputs[f.name], tgt,
                                              nan_loose=NAN_LOOSE or (tc.x87_double and uses_x87(f)))
    return result


# ---------------------------------------------------------------------------
# mnemonic coverage
# ---------------------------------------------------------------------------

def form_mnemonics(forms: list[Form], workdir: Path) -> dict[str, list[str]]:
    """Capstone mnemonics of each form's instructions (snippet and helper code),
    as capstone prints them ("lock add", "rep movsb", "fucompi" ...)."""
    import capstone

    lines = ["\t.text"]
    for f in forms:
        lines.append(f"crt_cov_{f.name}:")
        lines += [f"\t{ln}" if not ln.endswith(":") else ln for ln in _body_lines(f)]
        if f.helper:
            lines.append(f"crt_cov_{f.name}__helper:")
            lines += f.helper.splitlines()
            lines.append("\t.text")
    lines.append("crt_cov__end:")
    workdir.mkdir(parents=True, exist_ok=True)
    src, obj, binf = workdir / "cov.s", workdir / "cov.o", workdir / "cov.bin"
    src.write_text("\n".join(lines) + "\n")
    i386 = any(f.source == "i386" for f in forms)
    for cmd in ([I386_CC if i386 else HOST_CC, "-c", "-o", str(obj), str(src)],
                ["objcopy", "-O", "binary", "--only-section=.text", str(obj), str(binf)]):
        p = _run(cmd, workdir, 120)
        if p.returncode != 0:
            raise BuildError(f"{' '.join(cmd)} failed:\n{p.stdout}{p.stderr}")
    p = _run(["nm", str(obj)], workdir, 60)
    addrs = []
    for ln in p.stdout.splitlines():
        parts = ln.split()
        if len(parts) == 3 and parts[2].startswith("crt_cov_") and parts[1] in "tT":
            addrs.append((int(parts[0], 16), parts[2][len("crt_cov_"):]))
    addrs.sort()
    code = binf.read_bytes()
    md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_32 if i386 else capstone.CS_MODE_64)
    out: dict[str, list[str]] = {f.name: [] for f in forms}
    for (a, name), (b, _) in zip(addrs, addrs[1:], strict=False):
        key = name.removesuffix("__helper")
        if key in out:
            out[key] += [insn.mnemonic for insn in md.disasm(code[a:b], a)]
    return out


# Spellings of one instruction that capstone never prints (condition-code
# aliases, AT&T suffixes, prefix variants) map to the one it does print.
_CC_ALIASES = {"c": "b", "nae": "b", "nb": "ae", "nc": "ae", "z": "e", "nz": "ne", "na": "be",
               "nbe": "a", "pe": "p", "po": "np", "nge": "l", "nl": "ge", "ng": "le", "nle": "g"}
_MNEMONIC_ALIASES = {
    "retq": "ret", "pushq": "push", "popq": "pop", "pushf": "pushfq", "popf": "popfq",
    "retl": "ret", "pushfd": "pushfq", "popfd": "popfq",      # i386 spellings of the same families
    "cvtsi2sdl": "cvtsi2sd", "cvtsi2sdq": "cvtsi2sd", "cvtsi2ssl": "cvtsi2ss", "cvtsi2ssq": "cvtsi2ss",
    "fcomip": "fcompi", "fucomip": "fucompi", "fwait": "wait", "fstsw": "fnstsw", "fstcw": "fnstcw",
    "cmpps": "cmpeqps", "cmppd": "cmpeqpd", "cmpss": "cmpeqss",
}
_STRING_OP = re.compile(r"^(movs|stos|lods|cmps|scas)[bwdq]$")
# instructions that stop the program: no differential test possible
UNTESTABLE = frozenset({"ud2", "hlt", "int3"})


def canonical_mnemonic(m: str) -> str | None:
    """The capstone spelling a mnemonic of SUPPORTED_MNEMONICS (or of capstone)
    stands for; None for internal pseudo entries (names with a dot)."""
    if "." in m:
        return None
    parts = m.split()
    base = _MNEMONIC_ALIASES.get(parts[-1], parts[-1])
    for pre in ("cmov", "set", "j"):
        if base.startswith(pre) and base[len(pre):] in _CC_ALIASES:
            base = pre + _CC_ALIASES[base[len(pre):]]
    reps = [p for p in parts[:-1] if p.startswith("rep")]
    if reps and _STRING_OP.match(base):
        if base.startswith(("cmps", "scas")):
            return ("repne " if reps[0] in ("repne", "repnz") else "repe ") + base
        return "rep " + base
    return base


def claimed_mnemonics() -> set[str] | None:
    s = supported_mnemonics()
    if s is None:
        return None
    return {c for c in map(canonical_mnemonic, s) if c}


def supported_mnemonics() -> set[str] | None:
    """crt_cc.lift.semantics.SUPPORTED_MNEMONICS, or None when it does not exist yet."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    try:
        import importlib
        mod = importlib.import_module("crt_cc.lift.semantics")
    except Exception:                  # noqa: BLE001 - a half-written lifter must not break the tests
        return None
    s = getattr(mod, "SUPPORTED_MNEMONICS", None)
    return None if s is None else {str(m) for m in s}


# ---------------------------------------------------------------------------
# second x86 implementation (qemu-x86_64): a check of the flag masks
# ---------------------------------------------------------------------------

X86_EMULATOR = shlex.split(os.environ.get("CRT_DIFFTEST_X86_EMULATOR", "qemu-x86_64 -cpu max"))
X86_EMULATORS = {"x86_64": X86_EMULATOR, "i386": I386_EMULATOR}


def emulator_check(name: str, forms: list[Form], workdir: Path, *, n_cases: int = N_CASES,
                   seed: str = SEED) -> FamilyResult:
    """Run the host binary natively and under an x86 emulator and compare.

    A difference means a flag/field the masks treat as defined is computed
    differently by two x86 implementations: an undefined bit missing from a
    mask, or an emulator bug (docs/difftest.md lists the known QEMU ones)."""
    res = run_family(name, forms, workdir, target=False, n_cases=n_cases, seed=seed)
    if any(r.status == HOST_ERROR for r in res.results.values()):
        return res
    active = [f for f in forms if f.name in res.host_outputs]
    indices = {f.name: i for i, f in enumerate(active)}
    emulator = X86_EMULATORS[active[0].source] if active else X86_EMULATOR
    out = run_binary([*emulator, str(workdir / "host" / "harness"), str(workdir / "inputs.bin")],
                     workdir / "host")
    for f in active:
        emu = {c: s for (fi, c), s in out.states.items() if fi == indices[f.name]}
        res.results[f.name] = compare_form(f, make_cases(f, n_cases, seed), res.host_outputs[f.name], emu)
    return res
