"""Per-instruction differential tests of the RISC-V64 lifter: the reference is the RISC-V original.

Each *form* is a snippet of RISC-V assembly.  It runs on random register, FP-register and memory
states twice: natively for RISC-V64 under qemu-riscv64 (the reference) and translated by crt-cc
(``--crt-source=riscv64 --crt-exact-nan``) under qemu-aarch64; every integer register but sp, gp
and tp, all 32 FP registers and a 256-byte memory block are compared (harness.c).  This is the x86
layer's approach (docs/difftest.md) with a RISC-V reference: qemu-riscv64 implements RISC-V's
canonical NaNs, saturating conversions and non-trapping division exactly.

A form's function (``rv_form_NAME``) saves ra and s0-s11, loads x1, x5-x31 and f0-f31 from the
state (t6, the state pointer, last), runs the snippet, stores everything back and returns.  Memory
operands go through s1 (= mem + 128 unless the form says otherwise).  fcsr's accrued flags are not
compared: crt-cc does not compute them (docs/riscv-source.md).
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
N_CASES = int(os.environ.get("CRT_RV_DIFFTEST_CASES", "16"))
MEM_MARK = 0x4D454D0000000000
RV_GCC = "riscv64-linux-gnu-gcc"
TARGET_GCC = "aarch64-linux-gnu-gcc"
RV_RUN = ["qemu-riscv64", "-L", "/usr/riscv64-linux-gnu"]
TARGET_RUN = ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"]
STATE_REGS = [1, *range(5, 32)]                   # loaded and stored: all but x0, sp, gp, tp


@dataclass
class Form:
    name: str
    text: str                                     # snippet, instructions separated by ';'
    kind: str = "int"                             # int | f64 | f32: what the FP registers hold
    ptrs: dict[str, int] = field(default_factory=lambda: {"s1": 128})
    fixup: Callable | None = None                 # fixup(case, rng): make the inputs valid

    @property
    def lines(self) -> list[str]:
        return [ln.strip() for ln in self.text.split(";") if ln.strip()]


ABI = {n: i for i, n in enumerate(("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
                                   "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
                                   "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"))}

# --------------------------------------------------------------------------- inputs

_EDGES = [0, 1, -1, 2, 0x7FFFFFFF, -0x80000000, 0x80000000, 0xFFFFFFFF, 0x7FFFFFFFFFFFFFFF,
          -0x8000000000000000, 0x100000000, 63, 64, 31, 32, 0xFF, 0x80, 0xFFFF, 0x8000, -2, 10, 3]
_F64 = [0.0, -0.0, 1.0, -1.0, 1.5, 2.5, -2.5, 3.0, 0.1, 1e300, -1e300, 1e-310, 5e-324, float("inf"),
        float("-inf"), 2.0 ** 31, -(2.0 ** 31), 2.0 ** 32, 2.0 ** 63, -(2.0 ** 63), 2.0 ** 64, 4294967295.5,
        123456.789, -0.5, 0.5, 1.7976931348623157e308]
_F64_BITS = [0x7FF8000000000000, 0xFFF8000000000000, 0x7FF0000000000001, 0x7FF4000000000000,
             0xFFF8000000000123]
_F32 = [0.0, -0.0, 1.0, -1.0, 1.5, 2.5, -2.5, 0.1, 3.4e38, -3.4e38, 1e-40, float("inf"), float("-inf"),
        2.0 ** 31, -(2.0 ** 31), 2.0 ** 32, 2.0 ** 63, 16777217.0, -0.5, 0.5, 100.25]
_F32_BITS = [0x7FC00000, 0xFFC00000, 0x7F800001, 0x7FA00000]
M64 = (1 << 64) - 1


def _int(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.35:
        return rng.choice(_EDGES) & M64
    if r < 0.55:                                   # a sign-extended 32-bit value, as W ops produce
        v = rng.getrandbits(32)
        return (v - (1 << 32) if v >> 31 else v) & M64
    if r < 0.65:
        return rng.randrange(-300, 300) & M64
    return rng.getrandbits(64)


def _fp(rng: random.Random, kind: str) -> int:
    if kind == "f32":
        r = rng.random()
        if r < 0.2:
            bits = rng.choice(_F32_BITS)
        elif r < 0.85:
            bits = struct.unpack("<I", struct.pack("<f", rng.choice(_F32)))[0]
        else:
            bits = struct.unpack("<I", struct.pack("<f", rng.uniform(-1e6, 1e6)))[0]
        return bits | 0xFFFFFFFF00000000           # NaN-boxed, as RISC-V code keeps singles
    r = rng.random()
    if r < 0.2:
        return rng.choice(_F64_BITS)
    if r < 0.85:
        return struct.unpack("<Q", struct.pack("<d", rng.choice(_F64)))[0]
    return struct.unpack("<Q", struct.pack("<d", rng.uniform(-1e9, 1e9)))[0]


@dataclass
class Case:
    x: list[int]
    f: list[int]
    mem: bytearray

    def set(self, reg: str, value: int) -> None:
        self.x[ABI[reg]] = value & M64

    def pack(self) -> bytes:
        return struct.pack("<32Q", *self.x) + struct.pack("<32Q", *self.f) + bytes(self.mem)


def make_cases(form: Form, n: int = N_CASES) -> list[Case]:
    rng = random.Random(f"rv-difftest:{form.name}")
    cases = []
    for _ in range(n):
        x = [0] * 32
        for r in STATE_REGS:
            x[r] = _int(rng)
        if rng.random() < 0.3:                      # shared values: equal operands, compares
            v = _int(rng)
            for r in rng.sample(STATE_REGS, 6):
                x[r] = v
        kind = form.kind if form.kind != "int" else rng.choice(("f64", "f32"))
        f = [_fp(rng, kind) for _ in range(32)]
        mem = bytearray(rng.getrandbits(8) for _ in range(256))
        case = Case(x, f, mem)
        for reg, off in form.ptrs.items():
            case.set(reg, MEM_MARK | off)
        if form.fixup:
            form.fixup(case, rng)
        cases.append(case)
    return cases


# --------------------------------------------------------------------------- assembly

def form_asm(form: Form) -> str:
    fn = f"rv_form_{form.name}"
    lines = ["\t.text", "\t.align\t2", f"\t.globl\t{fn}", f"\t.type\t{fn}, @function", f"{fn}:",
             "\taddi\tsp, sp, -128", "\tsd\tra, 0(sp)"]
    lines += [f"\tsd\ts{k}, {8 + 8 * k}(sp)" for k in range(12)]
    lines += ["\tsd\ta0, 104(sp)", "\tmv\tt6, a0"]
    lines += [f"\tfld\tf{r}, {256 + 8 * r}(t6)" for r in range(32)]
    lines += [f"\tld\tx{r}, {8 * r}(t6)" for r in STATE_REGS if r != 31]
    lines += ["\tld\tt6, 248(t6)"]
    lines += [f"\t{ln}" for ln in form.lines]
    lines += ["\tsd\tt6, 112(sp)", "\tld\tt6, 104(sp)"]
    lines += [f"\tsd\tx{r}, {8 * r}(t6)" for r in STATE_REGS if r != 31]
    lines += [f"\tfsd\tf{r}, {256 + 8 * r}(t6)" for r in range(32)]
    lines += ["\tld\tt5, 112(sp)", "\tsd\tt5, 248(t6)", "\tld\tra, 0(sp)"]
    lines += [f"\tld\ts{k}, {8 + 8 * k}(sp)" for k in range(12)]
    lines += ["\taddi\tsp, sp, 128", "\tret", f"\t.size\t{fn}, .-{fn}"]
    return "\n".join(lines) + "\n"


def family_asm(forms: list[Form]) -> str:
    return "".join(form_asm(f) for f in forms) + '\t.section\t.note.GNU-stack,"",@progbits\n'


def table_c(forms: list[Form]) -> str:
    decls = "".join(f"void rv_form_{f.name}(struct rv_state *);\n" for f in forms)
    rows = "".join(f'    {{"{f.name}", rv_form_{f.name}}},\n' for f in forms)
    return ("struct rv_state;\nstruct rv_form { const char *name; void (*fn)(struct rv_state *); };\n"
            f"{decls}const struct rv_form rv_forms[] = {{\n{rows}}};\n"
            f"const int rv_nforms = {len(forms)};\n")


# --------------------------------------------------------------------------- running

def crt_cc_command() -> list[str]:
    venv = REPO / ".venv" / "bin" / "crt-cc"
    return os.environ.get("CRT_CC", str(venv)).split()


@dataclass
class FamilyResult:
    failures: list[str]
    translate_error: str = ""

    def report(self) -> str:
        if self.translate_error:
            return self.translate_error
        return "\n".join(self.failures[:20]) + (f"\n... {len(self.failures) - 20} more" if len(self.failures) > 20
                                               else "")


def _parse(out: str) -> dict[tuple[str, str], dict[str, str]]:
    res = {}
    for line in out.splitlines():
        if line.startswith(">") or not line.strip():
            continue
        name, case, *fields = line.split()
        res[(name, case)] = dict(f.split("=", 1) for f in fields)
    return res


def _describe(case: Case) -> str:
    regs = " ".join(f"x{r}={case.x[r]:#x}" for r in STATE_REGS if case.x[r])
    return regs[:600]


def run_family(name: str, forms: list[Form], workdir: Path, n_cases: int = N_CASES) -> FamilyResult:
    """Build the family for both sides, run, compare; raises RuntimeError for harness problems."""
    workdir.mkdir(parents=True, exist_ok=True)
    asm = workdir / f"{name}.s"
    asm.write_text(family_asm(forms))
    (workdir / "table.c").write_text(table_c(forms))
    harness = HERE / "harness.c"
    ref = workdir / "ref"
    p = subprocess.run([RV_GCC, "-O1", str(harness), str(workdir / "table.c"), str(asm), "-o", str(ref)],
                       capture_output=True, text=True, timeout=300)
    if p.returncode:
        raise RuntimeError(f"reference build failed:\n{p.stderr}")
    obj = workdir / f"{name}.o"
    p = subprocess.run([*crt_cc_command(), "--target=aarch64-linux-gnu", "--crt-source=riscv64", "--crt-exact-nan",
                        "-c", str(asm), "-o", str(obj)], capture_output=True, text=True, timeout=300)
    if p.returncode:
        return FamilyResult([], f"crt-cc failed:\n{p.stderr[-3000:]}")
    tr = workdir / "tr"
    p = subprocess.run([TARGET_GCC, "-O1", str(harness), str(workdir / "table.c"), str(obj), "-o", str(tr)],
                       capture_output=True, text=True, timeout=300)
    if p.returncode:
        return FamilyResult([], f"linking the translation failed:\n{p.stderr[-3000:]}")
    cases = {f.name: make_cases(f, n_cases) for f in forms}
    data = struct.pack("<I", n_cases) + b"".join(c.pack() for f in forms for c in cases[f.name])
    ref_out = subprocess.run([*RV_RUN, str(ref)], input=data, capture_output=True, timeout=300)
    if ref_out.returncode:
        raise RuntimeError(f"reference run failed ({ref_out.returncode}): {ref_out.stderr.decode()[-2000:]}")
    tr_out = subprocess.run([*TARGET_RUN, str(tr)], input=data, capture_output=True, timeout=300)
    want, got = _parse(ref_out.stdout.decode()), _parse(tr_out.stdout.decode())
    failures = []
    for f in forms:
        for c in range(n_cases):
            key = (f.name, str(c))
            if key not in got:
                failures.append(f"{f.name} case {c}: crash (translated run exited {tr_out.returncode})")
                break
            diff = [k for k in want[key] if want[key][k] != got[key].get(k)]
            if diff:
                fields = ", ".join(f"{k}: {want[key][k]} != {got[key].get(k)}" for k in diff[:4])
                failures.append(f"{f.name} [{f.text}] case {c}: {fields}\n    input: {_describe(cases[f.name][c])}")
                break
    return FamilyResult(failures)


def tools_missing() -> list[str]:
    return [t for t in (RV_GCC, TARGET_GCC, RV_RUN[0], TARGET_RUN[0]) if shutil.which(t) is None]
