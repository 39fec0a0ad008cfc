"""The differential-execution harness: generated inputs, a C driver and a register trampoline.

One harness program serves every function of an object: ``harness N`` calls
function N of its table once per input vector and prints, per call, the
compared result bits, whether callee-saved registers and the stack pointer
survived, a hash of the memory the pointer arguments reach and a hash of each
global variable of the object.  The same harness is linked once with the lift
engine's translation (the oracle) and once per candidate with the model's
function spliced in; the two outputs must agree (see :mod:`.verify`).

Calls go through a small assembly trampoline per target that loads every
argument register and eight stack words from a vector, plants canaries in the
callee-saved registers and stores the result registers and canaries back, so
the harness does not need to know a C prototype.  Pointer arguments point
into a region mapped at a fixed address (below 2^31, so a pointer is also a
valid sign-extended 32-bit value) and refilled with the same pseudo-random
bytes before every call; faults and time-outs are caught with
``sigsetjmp`` and reported as such.
"""

from __future__ import annotations

import random
import struct
from dataclasses import dataclass

from .signature import BOOL_WIDTH, UNKNOWN, Signature

REGION = 0x20000000
REGION_SIZE = 0x40000
ARGV1 = REGION + 0x100          # {"crt", NULL}
ARGV2 = REGION + 0x140          # {"crt", "5", NULL}
ENVP = REGION + 0x180           # {NULL}
MODEL_TEXT = 0x10000000         # where a candidate's own code and data are linked (see verify.py);
MODEL_DATA = 0x11000000         # qemu reserves the span of the image, so REGION lies above both
CALL_SECONDS = 2                # per call; a time-out in the oracle makes that input inconclusive
N_OUT = 64


@dataclass(frozen=True)
class TargetRegs:
    """How one target's trampoline lays out results and canaries in ``out[]``."""

    int_canaries: int           # callee-saved GPRs checked: out[6 ...]
    fp_canaries: int            # callee-saved FP registers checked: out[32 ...]
    trampoline: str


def canary(k: int) -> int:
    return 0x5A5A000000000000 | ((k + 1) * 0x01010101)


def fp_canary(k: int) -> int:
    return 0x4010000000000000 + (k + 1) * 0x1000


def _aarch64() -> str:
    saves = "\n".join(f"\tstp\tx{19 + 2 * i}, x{20 + 2 * i}, [sp, #{16 + 16 * i}]" for i in range(5))
    saves += "\n" + "\n".join(f"\tstp\td{8 + 2 * i}, d{9 + 2 * i}, [sp, #{96 + 16 * i}]" for i in range(4))
    restores = saves.replace("stp", "ldp")
    canaries = "\n".join(f"\tldr\tx{19 + i}, ={canary(i):#x}" for i in range(10))
    canaries += "\n" + "\n".join(f"\tldr\tx9, ={fp_canary(i):#x}\n\tfmov\td{8 + i}, x9" for i in range(8))
    stack = "\n".join(f"\tldp\tx9, x10, [x17, #{128 + 16 * i}]\n\tstp\tx9, x10, [sp, #{16 * i}]" for i in range(4))
    args = "\n".join(f"\tldp\td{2 * i}, d{2 * i + 1}, [x17, #{64 + 16 * i}]" for i in range(4))
    args += "\n" + "\n".join(f"\tldp\tx{2 * i}, x{2 * i + 1}, [x17, #{16 * i}]" for i in range(4))
    outs = "\n".join(f"\tstp\tx{19 + 2 * i}, x{20 + 2 * i}, [x9, #{48 + 16 * i}]" for i in range(5))
    outs += "\n" + "\n".join(f"\tstp\td{8 + 2 * i}, d{9 + 2 * i}, [x9, #{256 + 16 * i}]" for i in range(4))
    return f"""\t.text
\t.p2align\t2
\t.globl\tcrt_vcall
\t.type\tcrt_vcall, %function
crt_vcall:
\tstp\tx29, x30, [sp, #-176]!
\tmov\tx29, sp
{saves}
\tstr\tx2, [sp, #160]
\tmov\tx16, x0
\tmov\tx17, x1
\tsub\tsp, sp, #64
{stack}
{canaries}
{args}
\tblr\tx16
\tldr\tx9, [x29, #160]
\tstp\tx0, x1, [x9]
\tstp\td0, d1, [x9, #16]
\tstp\td2, d3, [x9, #32]
{outs}
\tmov\tx10, sp
\tsub\tx10, x10, x29
\tadd\tx10, x10, #64
\tstr\tx10, [x9, #{8 * (N_OUT - 1)}]
\tmov\tsp, x29
{restores}
\tldp\tx29, x30, [sp], #176
\tret
\t.ltorg
\t.size\tcrt_vcall, .-crt_vcall
\t.section\t.note.GNU-stack,"",%progbits
"""


def _riscv64() -> str:
    saves = "\n".join(f"\tsd\ts{1 + i}, {200 - 8 * i}(sp)" for i in range(11))
    saves += "\n" + "\n".join(f"\tfsd\tfs{i}, {112 - 8 * i}(sp)" for i in range(12))
    restores = saves.replace("\tsd\t", "\tld\t").replace("\tfsd\t", "\tfld\t")
    canaries = "\n".join(f"\tli\ts{1 + i}, {canary(i):#x}" for i in range(11))
    canaries += "\n" + "\n".join(f"\tli\tt2, {fp_canary(i):#x}\n\tfmv.d.x\tfs{i}, t2" for i in range(12))
    stack = "\n".join(f"\tld\tt2, {128 + 8 * i}(t1)\n\tsd\tt2, {8 * i}(sp)" for i in range(8))
    args = "\n".join(f"\tfld\tfa{i}, {64 + 8 * i}(t1)" for i in range(8))
    args += "\n" + "\n".join(f"\tld\ta{i}, {8 * i}(t1)" for i in range(8))
    outs = "\n".join(f"\tsd\ts{1 + i}, {48 + 8 * i}(t2)" for i in range(11))
    outs += "\n" + "\n".join(f"\tfsd\tfs{i}, {256 + 8 * i}(t2)" for i in range(12))
    return f"""\t.text
\t.p2align\t2
\t.globl\tcrt_vcall
\t.type\tcrt_vcall, @function
crt_vcall:
\taddi\tsp, sp, -224
\tsd\tra, 216(sp)
\tsd\ts0, 208(sp)
{saves}
\tsd\ta2, 8(sp)
\tmv\ts0, sp
\tmv\tt0, a0
\tmv\tt1, a1
\taddi\tsp, sp, -64
{stack}
{canaries}
{args}
\tjalr\tt0
\tld\tt2, 8(s0)
\tsd\ta0, 0(t2)
\tsd\ta1, 8(t2)
\tfsd\tfa0, 16(t2)
\tfsd\tfa1, 24(t2)
{outs}
\tsub\tt3, sp, s0
\taddi\tt3, t3, 64
\tsd\tt3, {8 * (N_OUT - 1)}(t2)
\tmv\tsp, s0
{restores}
\tld\ts0, 208(sp)
\tld\tra, 216(sp)
\taddi\tsp, sp, 224
\tret
\t.size\tcrt_vcall, .-crt_vcall
\t.section\t.note.GNU-stack,"",@progbits
"""


def target_regs(triple: str) -> TargetRegs | None:
    """The trampoline for ``triple``; None where verification is not available (ARMv5 for now)."""
    if triple == "aarch64-linux-gnu":
        return TargetRegs(10, 8, _aarch64())
    if triple == "riscv64-linux-gnu":
        return TargetRegs(11, 12, _riscv64())
    return None


# ---------------------------------------------------------------------------
# Input vectors
# ---------------------------------------------------------------------------

_SMALL = (0, 1, 2, 3, 5, 7, 10, 16, 100, 255, -1, -2, -7, -100)
_FP = (0.0, 1.0, -2.5, 3.141592653589793, 0.5, 100.25, -1e-3, 1e10, 2.0, -7.75)


def _u64(v: int) -> int:
    return v & 0xFFFFFFFFFFFFFFFF


def _pointer(rng: random.Random) -> int:
    return REGION + 0x1000 * rng.randrange(1, REGION_SIZE // 0x1000 - 2) + 8 * rng.randrange(0, 64)


def _int_value(rng: random.Random, width: int, mode: str) -> int:
    if width == BOOL_WIDTH:
        return rng.choice((0, 1))
    if width == 8:
        return rng.randrange(0, 128) if mode != "small" else rng.choice((0, 1, 2, 3, 7, 10, 100))
    if width == 16:
        return rng.randrange(0, 32768) if mode != "small" else rng.choice((0, 1, 2, 7, 100, 1000))
    if mode == "pointer":
        return _pointer(rng)
    if mode == "small":
        return _u64(rng.choice(_SMALL))
    if width == 32:
        return _u64(rng.choice((rng.randrange(-2**31, 2**31), rng.randrange(-1000, 1000), *_SMALL)))
    if width == 64:
        return _u64(rng.choice((rng.randrange(0, 2**64), -(2**40) + rng.randrange(1000), 2**33 + 5,
                                rng.randrange(-1000, 1000), _pointer(rng))))
    # unread or passed on unread: values valid under every interpretation
    return _u64(rng.choice((*_SMALL[:10], _pointer(rng))))


def _fp_bits(rng: random.Random, kind: str = "") -> int:
    """A value for an FP argument register.

    Singles are NaN-boxed (RISC-V requires it, AArch64 ignores the upper half);
    otherwise a double whose low half is also a meaningful float, in case the
    recovered kind is wrong.
    """
    f = struct.unpack("<I", struct.pack("<f", rng.choice(_FP)))[0]
    if kind == "s":
        return 0xFFFFFFFF00000000 | f
    d = struct.unpack("<Q", struct.pack("<d", rng.choice(_FP)))[0]
    return (d & 0xFFFFFFFF00000000) | f


def vectors(sig: Signature, count: int, seed: int) -> list[list[int]]:
    """``count`` input vectors: x0-x7 (a0-a7), d0-d7 (fa0-fa7), eight stack words."""
    rng = random.Random(seed)
    if sig.name == "main":
        return [[1, ARGV1, ENVP] + [0] * 5 + [_fp_bits(rng) for _ in range(8)] + [0] * 8,
                [2, ARGV2, ENVP] + [0] * 5 + [_fp_bits(rng) for _ in range(8)] + [0] * 8]
    out = []
    for n in range(count):
        mode = "pointer" if n == 0 else "small" if n == 1 else rng.choice(("pointer", "small", "mixed", "mixed"))
        regs = []
        for width, pointer in zip(sig.int_args, sig.pointers, strict=True):
            m = mode if mode != "mixed" else rng.choice(("pointer", "small", "wide"))
            if pointer:          # a C pointer: somewhere in the region, now and then NULL
                m = "null" if n > 1 and rng.random() < 0.1 else "pointer"
            elif m == "pointer" and width not in (64, UNKNOWN, 0):
                m = "small"
            regs.append(0 if m == "null" else _int_value(rng, width if width > 0 else UNKNOWN, m))
        regs += [_int_value(rng, UNKNOWN, "pointer" if mode == "pointer" else "small") for _ in range(2)]
        fps = [_fp_bits(rng, kind) for kind in sig.fp_args]
        stack = [_int_value(rng, UNKNOWN, "small" if rng.random() < 0.6 else "pointer") for _ in range(8)]
        out.append(regs + fps + stack)
    return out


# ---------------------------------------------------------------------------
# The C driver
# ---------------------------------------------------------------------------

def _c_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def harness_source(functions: list[tuple[str, Signature, list[list[int]]]],
                   globals_: list[tuple[str, int]], regs: TargetRegs) -> str:
    """C source of the harness for ``functions`` ((symbol as linked, signature, vectors))."""
    decls, table, vecs = [], [], []
    for k, (symbol, sig, vec) in enumerate(functions):
        decls.append(f"extern char crt_fn{k}[] __asm__({_c_string(symbol)});")
        rows = ",\n".join("  {" + ", ".join(f"{v:#x}ULL" for v in row) + "}" for row in vec)
        vecs.append(f"static const unsigned long long crt_vec{k}[][24] = {{\n{rows}\n}};")
        slots = ",".join(f"{{{ {'i0': 0, 'i1': 1, 'f0': 2, 'f1': 3}[s] }, {bits}, {int(s[0] == 'f')}}}"
                         for s, bits in sig.results) or "{-1, 0, 0}"
        vecs.append(f"static const struct slot crt_slots{k}[] = {{{slots}}};")
        table.append(f"  {{crt_fn{k}, crt_vec{k}, {len(vec)}, crt_slots{k}, {len(sig.results)}}}")
    for k, (name, _size) in enumerate(globals_):
        decls.append(f"extern unsigned char crt_g{k}[] __asm__({_c_string(name)});")
    gtable = ",\n".join(f"  {{crt_g{k}, {size}, {_c_string(name)}}}" for k, (name, size) in enumerate(globals_))
    return f"""/* generated by crt_cc.engines.harness */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define REGION ((unsigned char *){REGION:#x}UL)
#define REGION_SIZE {REGION_SIZE:#x}UL
struct slot {{ int index, bits, fp; }};
struct fn {{ void *addr; const unsigned long long (*vec)[24]; int n; const struct slot *slots; int nslots; }};
struct glob {{ unsigned char *addr; unsigned long size; const char *name; }};
extern void crt_vcall(void *fn, const unsigned long long *in, unsigned long long *out);
extern char etext[], __data_start[];
{chr(10).join(decls)}
{chr(10).join(vecs)}
static const struct fn fns[] = {{
{",".join(chr(10) + t for t in table) if table else "  {0, 0, 0, 0, 0}"}
}};
static struct glob globs[] = {{
{gtable if gtable else '  {0, 0, ""}'}
}};
static const int nglobs = {len(globals_)};
static sigjmp_buf jump;
static volatile sig_atomic_t armed;

static void on_signal(int sig) {{
  if (armed) {{ armed = 0; siglongjmp(jump, sig); }}
  _exit(100 + sig);
}}

static unsigned long long fnv(const unsigned char *p, unsigned long n) {{
  unsigned long long h = 1469598103934665603ULL;
  while (n--) {{ h ^= *p++; h *= 1099511628211ULL; }}
  return h;
}}

static int readonly_data(unsigned long long v) {{
  return (v >= (unsigned long long)etext && v < (unsigned long long)__data_start)
      || (v >= {MODEL_TEXT:#x}ULL && v < {MODEL_DATA + 0x1000000:#x}ULL);
}}

static void show(const struct slot *s, unsigned long long raw) {{
  unsigned long long v = s->bits == 64 ? raw : raw & ((1ULL << s->bits) - 1);
  if (s->fp) {{
    int nan = s->bits == 32 ? ((v & 0x7f800000ULL) == 0x7f800000ULL && (v & 0x7fffffULL))
                            : ((v & 0x7ff0000000000000ULL) == 0x7ff0000000000000ULL && (v & 0xfffffffffffffULL));
    if (nan) {{ printf(" f%d=nan", s->index - 2); return; }}
    printf(" f%d=%llx", s->index - 2, v);
    return;
  }}
  if (s->bits == 64 && readonly_data(v)) {{
    /* a pointer to a constant: the two programs keep their own copies, compare the bytes */
    const unsigned char *p = (const unsigned char *)v;
    printf(" i%d=&\\"", s->index);
    for (int k = 0; k < 32; k++) {{ printf("%02x", p[k]); if (!p[k]) break; }}
    printf("\\"");
    return;
  }}
  printf(" i%d=%llx", s->index, v);
}}

int main(int argc, char **argv) {{
  int which = argc > 1 ? atoi(argv[1]) : 0;
  const struct fn *f = &fns[which];
  setvbuf(stdout, NULL, _IONBF, 0);
  if (mmap(REGION, REGION_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0)
      != (void *)REGION) {{ printf("@@harness cannot map the argument region\\n"); return 97; }}
  unsigned char *pristine = malloc(REGION_SIZE);
  unsigned long long x = 0x9e3779b97f4a7c15ULL;
  for (unsigned long i = 0; i < REGION_SIZE; i++) {{
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    unsigned b = (unsigned)(x >> 58);
    pristine[i] = b < 8 ? 0 : (unsigned char)b;
  }}
  unsigned long long *argvs = (unsigned long long *)(pristine + 0x100);
  argvs[0] = (unsigned long long)REGION + 0x200; argvs[1] = 0;
  argvs[8] = (unsigned long long)REGION + 0x200; argvs[9] = (unsigned long long)REGION + 0x210; argvs[10] = 0;
  argvs[16] = 0;
  memcpy(pristine + 0x200, "crt", 4);
  memcpy(pristine + 0x210, "5", 2);
  static char altstack[65536];
  stack_t ss = {{ .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 }};
  sigaltstack(&ss, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_ONSTACK | SA_NODEFER;
  int sigs[] = {{ SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGALRM, SIGSYS }};
  for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
  unsigned char **saved = malloc(sizeof *saved * (nglobs + 1));
  for (int g = 0; g < nglobs; g++) saved[g] = malloc(globs[g].size);
  for (int i = 0; i < f->n; i++) {{
    static unsigned long long out[{N_OUT}];
    memcpy(REGION, pristine, REGION_SIZE);
    for (int g = 0; g < nglobs; g++) memcpy(saved[g], globs[g].addr, globs[g].size);
    memset(out, 0xa5, sizeof out);
    printf("@@call %d\\n", i);
    int sig = sigsetjmp(jump, 1);
    if (sig == 0) {{
      armed = 1;
      alarm({CALL_SECONDS});
      crt_vcall(f->addr, f->vec[i], out);
      alarm(0);
      armed = 0;
    }} else {{
      alarm(0);
      printf("@@end %d signal %d\\n", i, sig);
      for (int g = 0; g < nglobs; g++) memcpy(globs[g].addr, saved[g], globs[g].size);
      continue;
    }}
    printf("@@end %d ok", i);
    for (int s = 0; s < f->nslots; s++) show(&f->slots[s], out[f->slots[s].index]);
    for (int k = 0; k < {regs.int_canaries}; k++)
      if (out[6 + k] != (0x5A5A000000000000ULL | ((unsigned long long)(k + 1) * 0x01010101ULL)))
        printf(" clobbered-callee-saved-gpr%d", k);
    for (int k = 0; k < {regs.fp_canaries}; k++)
      if (out[32 + k] != 0x4010000000000000ULL + (unsigned long long)(k + 1) * 0x1000ULL)
        printf(" clobbered-callee-saved-fpr%d", k);
    if (out[{N_OUT - 1}]) printf(" stack-pointer-moved=%lld", (long long)out[{N_OUT - 1}]);
    printf(" memory=%llx", fnv(REGION, REGION_SIZE));
    for (int g = 0; g < nglobs; g++) printf(" %s=%llx", globs[g].name, fnv(globs[g].addr, globs[g].size));
    printf("\\n");
  }}
  printf("@@done\\n");
  return 0;
}}
"""
