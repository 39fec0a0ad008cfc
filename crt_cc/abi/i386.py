"""The i386 cdecl source ABI and its crossing into AAPCS32 soft-float (ARMv5 EABI, Debian armel).

i386 code passes every argument on the stack, in 4-byte words with no padding (an 8-byte
double or long long sits at any multiple of 4; a long double takes 12 bytes), and returns
integers in eax (edx:eax for 64-bit values) and every floating-point result in x87 st(0).
AAPCS32 with the soft-float variant passes the same values in r0-r3 and then the stack, but an
8-byte value starts at an even register or an 8-aligned stack slot, float and double travel
in core registers, long double *is* double, and results come back in r0 (r0:r1 for 64-bit
values, doubles included).

So a crossing needs, per argument, only its *kind*:

* ``w``: one 4-byte word (int, pointer, float, enum, char/short already widened);
* ``8``: an 8-byte value (long long, double: both take an aligned register pair on ARM);
* ``x``: an i386 long double (12 bytes, 80-bit), which is a double on ARM.

LLVM applies the AAPCS placement itself once the IR is typed (``i32``, ``i64``, ``double``),
so this module only decides the kinds: from a prototype (``--crt-prototypes``; parsed with
ILP32 sizes), from a constant printf/scanf format, or recovered from the code (8- and 10-byte
accesses to incoming argument slots; 8- and 10-byte stores to outgoing ones).  Without any of
those an 8-byte integer read as two words is taken for two ints: docs/abi.md lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import CrtError
from ..lift import results
from ..lift.frame import X87_DELTA
from ..lift.ir import F32, F64, I32, I64, FunctionBuilder, Val, const
from ..lift.regs import RAX, RCX, RDX, full_register
from . import prototypes as protomod
from . import varargs
from .riscv64 import V_VARIANT  # libc's printf -> vprintf names (no RISC-V specifics)
from .x86_64 import INTERNAL_PARAM_GPRS, N_XMM_ARGS

WORD = 4
# libc functions returning a struct: i386 callers pass its address first and the callee pops it
# (`ret $4`), which the caller's stack arithmetic relies on; the ARM callee pops nothing.
CALLEE_POPS = {"div": 4, "ldiv": 4, "lldiv": 4, "imaxdiv": 4}
# The i386 jmp_buf (glibc: 6 registers, mask flag, sigset) is smaller than ARM's: the native
# buffer lives in the caller's frame and the x86 buffer holds its address (as on RISC-V).
I386_JMP_BUF = 156
ARM_JMP_BUF = 392


# ---------------------------------------------------------------------------------- prototypes
_ILP32_TYPES = [
    (r"\bunsigned\s+long\s+long(\s+int)?\b", "uint64_t"),
    (r"\b(signed\s+)?long\s+long(\s+int)?\b", "int64_t"),
    (r"\bunsigned\s+long(\s+int)?\b", "uint32_t"),
    (r"\b(signed\s+)?long(\s+int)?\b(?!\s+double)", "int32_t"),
    (r"\b(size_t|uintptr_t)\b", "uint32_t"),
    (r"\b(ssize_t|ptrdiff_t|intptr_t|off_t|time_t)\b", "int32_t"),
]


def ilp32_declarations(text: str) -> str:
    """C declarations with the ILP32 sizes of i386/ARM spelled out: cffi's parser knows only
    the host's LP64 sizes, and ``long`` is one word on both sides of this crossing."""
    for pat, repl in _ILP32_TYPES:
        text = re.sub(pat, repl, text)
    return text


# Beyond abi/prototypes.py's list: libc/libm functions with double results or 8-byte arguments
# (AAPCS passes those in an even register pair or an 8-aligned stack slot, i386 code pushes two
# words anywhere: the large-file functions a -D_FILE_OFFSET_BITS=64 build calls, fseeko64...).
# lldiv/imaxdiv return a struct through a hidden first pointer on both sides: declared in that form.
# On x86-64 the universal mapping carries them; i386 returns every FP result in st(0), and a
# caller that hands it straight back (`call sqrt; ...; ret`) leaves no trace of its type.
I386_DECLARATIONS = """
double sqrt(double); double sin(double); double cos(double); double tan(double); double asin(double);
double acos(double); double atan(double); double atan2(double, double); double sinh(double);
double cosh(double); double tanh(double); double asinh(double); double acosh(double); double atanh(double);
double exp(double); double exp2(double); double expm1(double); double log(double); double log2(double);
double log10(double); double log1p(double); double logb(double); double pow(double, double);
double fabs(double); double floor(double); double ceil(double); double trunc(double); double round(double);
double rint(double); double nearbyint(double); double fmod(double, double); double hypot(double, double);
double cbrt(double); double fmin(double, double); double fmax(double, double); double fdim(double, double);
double copysign(double, double); double remainder(double, double); double fma(double, double, double);
double ldexp(double, int); double scalbn(double, int); double frexp(double, int *); double modf(double, double *);
double erf(double); double erfc(double); double tgamma(double); double lgamma(double); double nan(const char *);
long lround(double); long lrint(double); long long llround(double); long long llrint(double);
double atof(const char *); double strtod(const char *, char **); double difftime(long, long);
double drand48(void); double erand48(unsigned short *);
long long llabs(long long); long long atoll(const char *);
void lldiv(void *, long long, long long); void imaxdiv(void *, long long, long long);
void *memcpy(void *, const void *, unsigned); void *memmove(void *, const void *, unsigned);
void *memset(void *, int, unsigned); int memcmp(const void *, const void *, unsigned);
void *memchr(const void *, int, unsigned); unsigned strlen(const char *); char *strcpy(char *, const char *);
char *strncpy(char *, const char *, unsigned); char *strcat(char *, const char *);
char *strncat(char *, const char *, unsigned); int strcmp(const char *, const char *);
int strncmp(const char *, const char *, unsigned); char *strchr(const char *, int);
char *strrchr(const char *, int); char *strstr(const char *, const char *); char *strdup(const char *);
void *malloc(unsigned); void *calloc(unsigned, unsigned); void *realloc(void *, unsigned); void free(void *);
int abs(int); long labs(long); int atoi(const char *); long atol(const char *);
long strtol(const char *, char **, int); unsigned long strtoul(const char *, char **, int);
void qsort(void *, unsigned, unsigned, int (*)(const void *, const void *));
void *bsearch(const void *, const void *, unsigned, unsigned, int (*)(const void *, const void *));
int puts(const char *); int putchar(int); int fputs(const char *, void *); int fputc(int, void *);
int rand(void); void srand(unsigned); int toupper(int); int tolower(int);
long long strtoll(const char *, char **, int); unsigned long long strtoull(const char *, char **, int);
int fseeko64(void *, long long, int); long long ftello64(void *); long long lseek64(int, long long, int);
int pread64(int, void *, unsigned, long long); int pwrite64(int, const void *, unsigned, long long);
int ftruncate64(int, long long); int truncate64(const char *, long long);
int posix_fadvise64(int, long long, long long, int); int posix_fallocate64(int, long long, long long);
void *mmap64(void *, unsigned, int, int, int, long long);
"""
I386_BUILTIN_NAMES = frozenset(re.findall(r"(\w+)\(", protomod.BUILTIN_DECLARATIONS + I386_DECLARATIONS))
_builtins: dict | None = None


def builtin_prototypes() -> dict:
    """The built-in libc/libm declarations (abi/prototypes.py and the above) with ILP32 sizes."""
    global _builtins
    if _builtins is None:
        text = protomod.BUILTIN_DECLARATIONS + I386_DECLARATIONS
        _builtins = protomod.parse_declarations(ilp32_declarations(text), "<builtin prototypes>")
    return _builtins


def parse_prototypes(text: str, origin: str) -> protomod.Declarations:
    """C declarations with ILP32 sizes."""
    return protomod.parse_declarations(ilp32_declarations(text), origin)


def load_prototypes(path: str | None) -> protomod.Declarations:
    """``--crt-prototypes`` declarations with ILP32 sizes."""
    if not path:
        return protomod.Declarations()
    return parse_prototypes(protomod._preprocess(path), path)


@dataclass(frozen=True)
class StructArg:
    """A struct crossing by value: its leaves' (i386 offset, ARM offset, size), both sizes, and
    whether AAPCS places it 8-aligned (a double or long long member)."""

    leaves: tuple[tuple[int, int, int], ...]
    i386_size: int
    arm_size: int
    arm_align8: bool

    @property
    def arm_type(self) -> str:
        """How clang lowers it for AAPCS: an array of words (or of 8-byte units when 8-aligned)."""
        unit = 8 if self.arm_align8 else 4
        return f"[{-(-self.arm_size // unit)} x i{8 * unit}]"

    @property
    def i386_words(self) -> int:
        return -(-self.i386_size // WORD)


def struct_layouts(t, where: str) -> StructArg:
    """i386 and ARM layouts of a struct prototype type.

    The parsed type carries its flattened scalar leaves laid out for the host (8-byte pointers);
    both ILP32 layouts are recomputed from them: pointers are 4 bytes, 8-byte scalars are aligned
    to 8 on ARM and to 4 on i386.  A struct whose host offsets the flat recomputation does not
    reproduce (nested structs with inner padding) gets a diagnostic instead of a guess.
    """
    if not t.leaves:
        raise CrtError(f"{where}: struct without members cannot cross between i386 and ARM code")

    def lay(size_of, align_of):
        offs, end, top = [], 0, 1
        for _, leaf in t.leaves:
            a = align_of(leaf)
            end = -(-end // a) * a
            offs.append(end)
            end += size_of(leaf)
            top = max(top, a)
        return offs, -(-end // top) * top, top

    host_offs, host_size, _ = lay(lambda x: x.size, lambda x: x.align)
    if host_offs != [off for off, _ in t.leaves] or host_size != t.size:
        raise CrtError(f"{where}: a nested struct passed by value cannot cross between i386 and ARM "
                       "code yet (docs/abi.md)")

    def size(x) -> int:
        return 4 if x.kind == "ptr" else x.size

    if any(leaf.kind == "ldouble" for _, leaf in t.leaves):
        raise CrtError(f"{where}: a struct with a long double member cannot cross between i386 and ARM "
                       "code yet (docs/abi.md)")
    arm_offs, arm_size, arm_align = lay(size, lambda x: min(size(x), 8))
    i386_offs, i386_size, _ = lay(size, lambda x: min(size(x), 4))
    leaves = tuple((i, a, size(leaf)) for i, a, (_, leaf) in zip(i386_offs, arm_offs, t.leaves, strict=True))
    return StructArg(leaves, i386_size, arm_size, arm_align == 8)


def arg_kind(t, where: str) -> str | StructArg:
    """Kind (``w``/``8``/``x``, or a :class:`StructArg`) of a prototype's parameter."""
    if t.kind in ("ptr", "float") or t.kind == "int" and t.size <= 4:
        return "w"
    if t.kind == "double" or t.kind == "int" and t.size == 8:
        return "8"
    if t.kind == "ldouble":
        return "x"
    if t.kind == "struct":
        return struct_layouts(t, where)
    raise CrtError(f"{where}: a {t.kind} passed by value cannot cross between i386 and ARM code yet "
                   "(docs/abi.md)")


def ret_kind(t, where: str) -> str | StructArg:
    """Result kind: ``void``, ``int`` (eax, or edx:eax for 64-bit values), ``float``, ``double``,
    ``ldouble``, or a :class:`StructArg` (i386 returns every struct through a hidden first
    argument that the callee pops; AAPCS returns one of at most 4 bytes in r0 and a larger one
    through a hidden pointer in r0)."""
    if t.kind in ("void", "int", "ptr"):
        return "void" if t.kind == "void" else "int"
    if t.kind in ("float", "double", "ldouble"):
        return t.kind
    if t.kind == "struct":
        return struct_layouts(t, where)
    raise CrtError(f"{where}: a {t.kind} result cannot cross between i386 and ARM code yet (docs/abi.md)")


def kinds_from_words(n_words: int, wide: dict[int, int]) -> list[str]:
    """Argument kinds over ``n_words`` i386 words, given the sizes of wide accesses by word index."""
    kinds: list[str] = []
    w = 0
    while w < n_words:
        size = wide.get(w, 4)
        if size >= 10:
            kinds.append("x")
            w += 3
        elif size == 8:
            kinds.append("8")
            w += 2
        else:
            kinds.append("w")
            w += 1
    return kinds


def i386_offsets(kinds: list) -> list[int]:
    """Byte offset of each argument in the i386 argument area."""
    out, off = [], 0
    for k in kinds:
        out.append(off)
        off += WORD * k.i386_words if isinstance(k, StructArg) else {"w": 4, "8": 8, "x": 12}[k]
    return out


LLVM_TYPE = {"w": I32, "8": I64, "x": F64}


def llvm_type(k) -> str:
    return k.arm_type if isinstance(k, StructArg) else LLVM_TYPE[k]


def copy_struct(b: FunctionBuilder, st: StructArg, src: Val, dst: Val, to_arm: bool) -> None:
    """Copy a struct's members between its i386 layout and its ARM layout, leaf by leaf."""
    for i_off, a_off, size in st.leaves:
        s_off, d_off = (i_off, a_off) if to_arm else (a_off, i_off)
        v = b.load(f"i{8 * size}", b.gep(src, const(I64, s_off)), 1)
        b.store(v, b.gep(dst, const(I64, d_off)), 1)


def fp_result_kind(lf) -> str:
    """Whether an x87 result is a float or a double, from the function's FP memory accesses.

    The x87 computes in extended precision whatever the C type, so the code does not say; the
    widths it loads and stores (arguments, locals; not constants, which gcc narrows when exact)
    are the evidence.  Any double or long double access: double; only floats: float.
    """
    sizes = set()
    for insn in lf.fn.insns:
        m = insn.mnemonic
        if not m.startswith("f") or m.startswith(("fi", "fnst", "fstcw", "fstsw", "fldcw", "fnclex")):
            continue
        if insn.relocs:
            continue
        for op in insn.cs.operands:
            if op.type == 3:
                sizes.add(op.size)
    if sizes & {8, 10}:
        return "double"
    if 4 in sizes:
        return "float"
    # no FP memory traffic at all (`return powf(b, e);`): the type of what its calls return
    returned = set()
    for insn in lf.fn.insns:
        if insn.mnemonic == "call" and insn.relocs:
            proto = lf.ctx.prototype_for_call(insn.relocs[0].symbol.name)
            if proto is not None and proto.ret.kind in ("float", "double", "ldouble"):
                returned.add(proto.ret.kind)
    return "float" if returned == {"float"} else "double"


def short_result(lf) -> bool:
    """Whether every path returns a value last written as 16 bits (``addw``/``movw`` to ax): a
    short result, which AAPCS wants sign-extended by the callee (i386 callers extend it)."""
    seen = False
    for start, insns in results._return_blocks(lf):
        for w in results.last_writers(lf, start, len(insns) - 1, "rax"):
            if w is None or w.mnemonic == "call":
                return False
            ops = w.cs.operands
            if not ops or ops[0].type != 1 or w.cs.reg_name(ops[0].reg) != "ax" or w.mnemonic.startswith("set"):
                return False
            seen = True
    return seen


def small_struct_result(lf) -> bool:
    """Whether the function returns a struct of at most 4 bytes: AAPCS returns that in r0, i386
    through the hidden first argument the callee pops (`ret $4`).  Recognised when every use of
    a register loaded from the hidden-pointer slot is a store through it (or handing it back in
    eax), and the stores cover at most 4 bytes (gcc's ``movb %dl, (%eax); movw %dx, 2(%eax)``)."""
    insns = lf.fn.insns
    rets = [i for i in insns if i.mnemonic.startswith("ret")]
    if not rets or any(not i.cs.operands or i.cs.operands[0].imm != WORD for i in rets):
        return False
    holders: set[str] = set()
    for insn in insns:
        st = lf.before.get(insn.addr)
        ops = insn.cs.operands
        if insn.mnemonic == "mov" and len(ops) == 2 and ops[0].type == 1 and ops[1].type == 3 \
                and ops[1].mem.base and not ops[1].mem.index and st is not None:
            base = st.offset_of(full_register(insn.cs.reg_name(ops[1].mem.base)))
            if base is not None and base + ops[1].mem.disp == WORD:
                holders.add(full_register(insn.cs.reg_name(ops[0].reg)))
    if not holders:
        return False
    extent = 0
    for insn in insns:
        ops = insn.cs.operands
        for n, op in enumerate(ops):
            if op.type == 3 and op.mem.base and full_register(insn.cs.reg_name(op.mem.base)) in holders:
                if op.mem.index or n != 0 or insn.mnemonic != "mov" or op.mem.disp < 0:
                    return False
                extent = max(extent, op.mem.disp + op.size)
    return 0 < extent <= WORD


def incoming_kinds(lf, n_words: int) -> list[str]:
    """Kinds of a translated function's arguments, from its wide accesses to its argument slots,
    directly or to the local a pair of word copies moved them to (gcc -O0 copies a double
    argument with two ``movl`` through a register before ``fldl`` reads the local)."""
    access = lf.arg_access
    wide = {(off - WORD) // WORD: size for off, size in access.items()
            if off >= WORD and (off - WORD) % WORD == 0 and size >= 8}
    copies = _word_copies(lf)
    for local, size in access.items():
        src = copies.get(local)
        if size >= 8 and local < 0 and src is not None and src >= WORD and (src - WORD) % WORD == 0 \
                and copies.get(local + WORD) == src + WORD:
            wide.setdefault((src - WORD) // WORD, size)
    return kinds_from_words(n_words, wide)


# regparm(n) (gcc's __attribute__((regparm(3))), expat's FASTCALL/PTRCALL): the first n argument
# words travel in eax, edx, ecx, the rest on the stack.  The attribute means nothing on ARM, so the
# same C prototype there passes those words in r0-r2, followed by the stack words: both sides of
# a crossing map register for register once each knows that the other uses regparm.
REGPARM_REGS = ("rax", "rdx", "rcx")
_REGPARM_INDEX = {"rax": RAX, "rdx": RDX, "rcx": RCX}


def _regs_read_written(insn) -> tuple[set[str], set[str]]:
    """Registers an instruction reads and writes; alignment padding (``nopw 0(%eax,%eax)``,
    executed when code falls into an aligned label) and what capstone cannot tell touch none."""
    from ..lift.frame import _is_padding
    if _is_padding(insn):
        return set(), set()
    return results.regs_read_written(insn) or (set(), set())


def _regparm_count(live: set[str]) -> int:
    """regparm(n) fills eax, edx, ecx in that order: n covers the last of them in use."""
    return max((i + 1 for i, r in enumerate(REGPARM_REGS) if r in live), default=0)


def regparm_params(lf) -> int:
    """How many argument words a function takes in registers: eax, edx or ecx read before any
    write on some path from the entry (cdecl code never does: they hold nothing at entry)."""
    wanted = set(REGPARM_REGS)
    live: set[str] = set()
    seen: set[tuple[int, frozenset]] = set()
    work: list[tuple[int, frozenset]] = [(lf.fn.start, frozenset())]
    while work:
        start, defined = work.pop()
        if (start, defined) in seen or start not in lf.blocks:
            continue
        seen.add((start, defined))
        d = set(defined)
        for insn in lf.blocks[start]:
            reads, writes = _regs_read_written(insn)
            live |= (reads & wanted) - d
            d |= wanted if insn.mnemonic.startswith("call") else writes & wanted
        if d != wanted:
            work.extend((s, frozenset(d)) for s in lf.succs.get(start, []))
    return _regparm_count(live)


def _word_copies(lf) -> dict[int, int]:
    """Frame offset -> argument offset it was copied from by ``mov ARG, %reg; mov %reg, LOCAL``."""

    def frame_off(insn, op) -> int | None:
        if op.type != 3 or not op.mem.base or op.mem.index or op.size != WORD or insn.relocs:
            return None
        st = lf.before.get(insn.addr)
        base = st.offset_of(full_register(insn.cs.reg_name(op.mem.base))) if st else None
        return None if base is None else base + op.mem.disp

    out: dict[int, int] = {}
    for block in lf.blocks.values():
        for load, store in zip(block, block[1:], strict=False):
            if load.mnemonic != "mov" or store.mnemonic != "mov":
                continue
            (ld, ls), (sd, ss) = load.cs.operands, store.cs.operands
            if ld.type != 1 or ss.type != 1 or ld.reg != ss.reg:
                continue
            src, dst = frame_off(load, ls), frame_off(store, sd)
            if src is not None and dst is not None:
                out[dst] = src
    return out


def _rsp_delta(insn) -> int | None:
    """What ``insn`` adds to esp, or None when it sets esp some other way."""
    m = insn.mnemonic
    ops = insn.cs.operands
    if m == "push":
        return -ops[0].size
    if m == "pop":
        return None if full_register(insn.cs.reg_name(ops[0].reg)) == "rsp" and ops[0].type == 1 \
            else ops[0].size
    try:
        written = {full_register(insn.cs.reg_name(r)) for r in insn.cs.regs_access()[1]}
    except Exception:
        return None
    if "rsp" not in written:
        return 0
    if m in ("sub", "add") and len(ops) == 2 and ops[1].type == 2:
        imm = ops[1].imm - (1 << 32) if ops[1].imm >= 1 << 31 else ops[1].imm
        return -imm if m == "sub" else imm
    if m == "lea" and ops[1].mem.base and not ops[1].mem.index \
            and full_register(insn.cs.reg_name(ops[1].mem.base)) == "rsp":
        return ops[1].mem.disp           # gcc -O0: `leal -8(%esp), %esp` before an fstpl
    return None


def _outgoing(lf, insn) -> tuple[int, dict[int, int]]:
    """(words, wide stores by word) prepared for the call ``insn``: what was pushed or stored at or
    above its esp, walking back with esp taken relative to the call's (so that it also works below
    a dynamic allocation, where the frame offset is unknown).  The walk goes on into predecessor
    blocks: gcc -O3 shares one call between paths that push different arguments
    (``push (%eax); push $46; .L239: ... call putc``)."""
    start, idx = lf.position[insn.addr]
    written: set[int] = set()
    wide: dict[int, int] = {}
    seen = {start}
    work = [(start, idx, 0)]
    while work:
        block, end, after = work.pop()      # after: esp after the instruction before ``end``
        for prev in reversed(lf.blocks[block][:end]):
            if prev.mnemonic == "call":
                break
            delta = _rsp_delta(prev)
            if delta is None:
                break
            before = after - delta
            _note_stores(prev, before, written, wide)
            after = before
        else:
            if block != lf.fn.start and len(seen) < 8:
                for p in lf.preds.get(block, []):
                    if p not in seen:
                        seen.add(p)
                        work.append((p, len(lf.blocks[p]), after))
    # Arguments are the words written from the call's esp up, without a gap: stores further up
    # are the caller's locals (gcc -O2 addresses them from esp too).
    n = 0
    while n in written:
        n += 1
    return n, wide


def _note_stores(prev, before: int, written: set[int], wide: dict[int, int]) -> None:
    """Add the outgoing words ``prev`` writes (esp was ``before`` relative to the call's esp)."""
    ops = prev.cs.operands
    if prev.mnemonic == "push":
        rel = before - ops[0].size
        if rel >= 0:
            written.update(range(rel // WORD, (rel + ops[0].size + WORD - 1) // WORD))
        return
    # capstone leaves the access flags of x87 stores unset
    stores = prev.mnemonic.startswith(("fst", "fist", "fbstp"))
    for op in ops:
        if op.type == 3 and op.mem.base and not op.mem.index and (op.access & 2 or stores) \
                and full_register(prev.cs.reg_name(op.mem.base)) == "rsp":
            rel = before + op.mem.disp
            if rel >= 0:
                written.update(range(rel // WORD, (rel + op.size + WORD - 1) // WORD))
                if op.size >= 8 and rel % WORD == 0 and (stores or op.size > 8):
                    wide[rel // WORD] = op.size
                elif op.size == 8:            # movsd/movq of a double (SSE code)
                    wide[rel // WORD] = 8


def _data_address(lf, insn, op) -> tuple[int, int] | None:
    """(data section, offset) an i386 operand designates: ``$sym`` or ``sym@GOTOFF(%ebx)``."""
    from ..lift.module import R_32, R_GOTOFF
    ctx = lf.ctx
    if op.type == 2:
        off = insn.cs.imm_offset
    elif op.type == 3 and insn.mnemonic == "lea":
        off = insn.cs.disp_offset
    else:
        return None
    rel = insn.reloc_at(off) if off else None
    if rel is None or rel.type not in (R_32, R_GOTOFF):
        return None
    sec, o = ctx._sym_offset(rel.symbol, rel.addend)
    return (sec, o) if isinstance(sec, int) and sec in ctx.data_globals else None


def _stack_slot_value(lf, insn, slot: int) -> tuple[int, int] | None:
    """The constant data address stored into outgoing word ``slot`` before the call ``insn``."""
    st = lf.before.get(insn.addr)
    if st is None or st.rsp is None:
        return None
    target = st.rsp + WORD * slot
    start, idx = lf.position[insn.addr]
    for prev in reversed(lf.blocks[start][:idx]):
        ps = lf.before.get(prev.addr)
        if ps is None or ps.rsp is None:
            return None
        ops = prev.cs.operands
        src = None
        if prev.mnemonic == "push" and ps.rsp - WORD == target:
            src = ops[0]
        elif prev.mnemonic == "mov" and len(ops) == 2 and ops[0].type == 3 and ops[0].size == WORD \
                and ops[0].mem.base and not ops[0].mem.index \
                and full_register(prev.cs.reg_name(ops[0].mem.base)) == "rsp" \
                and ps.rsp + ops[0].mem.disp == target:
            src = ops[1]
        if src is None:
            continue
        if src.type == 3 and src.mem.base and not src.mem.index:
            off = ps.offset_of(full_register(prev.cs.reg_name(src.mem.base)))
            if off is not None:            # a spilled copy: `pushl -108(%ebp)`
                return _frame_slot_address(lf, off + src.mem.disp)
        if src.type != 1:
            return _data_address(lf, prev, src)
        return _register_address(lf, prev, full_register(prev.cs.reg_name(src.reg)), 0)
    return None


def _frame_slot_address(lf, off: int) -> tuple[int, int] | None:
    """The constant data address a frame slot holds, when its only store in the function puts one
    there (gcc -O2 spills a format string's address out of a loop)."""
    stores = []
    for insn in lf.fn.insns:
        ops = insn.cs.operands
        if len(ops) == 2 and ops[0].type == 3 and ops[0].mem.base and not ops[0].mem.index:
            st = lf.before.get(insn.addr)
            base = st.offset_of(full_register(insn.cs.reg_name(ops[0].mem.base))) if st else None
            if base is None or ops[0].access & 2 == 0:
                if base is None and ops[0].access & 2:
                    return None            # a store through an unknown pointer might alias it
                continue
            if base + ops[0].mem.disp <= off < base + ops[0].mem.disp + ops[0].size:
                stores.append(insn)
    if len(stores) != 1 or stores[0].mnemonic != "mov" or stores[0].cs.operands[0].size != WORD:
        return None
    w = stores[0]
    src = w.cs.operands[1]
    if src.type == 1:
        return _register_address(lf, w, full_register(w.cs.reg_name(src.reg)), 0)
    return _data_address(lf, w, src)


def _register_address(lf, at, reg: str, depth: int) -> tuple[int, int] | None:
    """The constant data address ``reg`` holds before instruction ``at``, when every path agrees.

    A call to a translated function that never writes ``reg`` leaves it as it was (gcc's IPA-RA
    keeps a format string in eax across such calls)."""
    start, idx = lf.position[at.addr]
    locs = set()
    for w in results.last_writers(lf, start, idx, reg):
        if w is not None and w.mnemonic == "call" and depth < 4:
            target, _ = lf.ctx.direct_call_target(lf, w, quiet=True)
            if target is not None and not _writes(lf.ctx, target, reg):
                locs.add(_register_address(lf, w, reg, depth + 1))
                continue
        locs.add(_data_address(lf, w, w.cs.operands[1]) if w is not None and len(w.cs.operands) == 2 else None)
    return locs.pop() if len(locs) == 1 else None


def _writes(ctx, fn, reg: str) -> bool:
    """Whether translated function ``fn`` may change ``reg`` (any write, or any call)."""
    for insn in fn.insns:
        if insn.mnemonic == "call":
            return True
        try:
            written = insn.cs.regs_access()[1]
        except Exception:
            return True
        if any(full_register(insn.cs.reg_name(r)) == reg for r in written):
            return True
    return False


def _format_kind(cls: str, length: str, conv: str) -> str:
    """Kind of a printf/scanf argument: 64-bit integers (``%lld``, ``%jd``) are two words here."""
    if cls == "double":
        return "8"
    if cls == "ldouble":
        return "x"
    return "8" if cls == "int" and length in ("ll", "q", "j", "L") else "w"


def call_returns_fp(lf, insn, name: str | None) -> str | None:
    """The result kind ('float'/'double'/'ldouble') of a native call that returns on the x87
    stack, or None.  From the prototype, else from the caller: i386 calls leave the x87 stack
    empty, so an x87 instruction after the call that reads below what was pushed since consumes
    a result (followed through straight-line successor blocks)."""
    proto = lf.ctx.prototype_for_call(name) if name else None
    if proto is not None:
        k = ret_kind(proto.ret, name)
        return k if k in ("float", "double", "ldouble") else None
    return consumed_result(lf, insn)


def consumed_result(lf, insn) -> str | None:
    """'float'/'double' when the x87 code after the call ``insn`` reads a value it did not push.

    A call followed by ``ret`` with nothing pushed since, in a function that returns on the x87
    stack, hands its result on (``return f(x, ctx);`` through a function pointer at -O0): taken as
    a double, the common case."""
    start, idx = lf.position[insn.addr]
    # i386 calls leave the x87 stack empty: what is read below depth is the result.  Paths are
    # followed through a few blocks, both ways at a conditional branch (`if (!ok) error(...)`
    # often stores the result on only one of them: lua_tonumberx in luaL_checknumber).
    work = [(start, idx, 0)]
    seen = 0
    while work and seen <= 8:
        start, idx, depth = work.pop()
        seen += 1
        for nxt in lf.blocks[start][idx + 1:]:
            m = nxt.mnemonic
            if m.startswith("ret") and depth == 0 and lf.ctx.returns_x87(lf.fn):
                return "double"
            if m == "call" or m.startswith("ret"):
                break
            if not m.startswith("f") or m in _X87_NO_STACK:
                continue
            if _x87_reads(nxt) > depth:
                size = next((op.size for op in nxt.cs.operands if op.type == 3), None)
                return "float" if size == 4 and m.startswith("fst") else "double"
            depth += X87_DELTA.get(m, 0)
        else:
            work.extend((s, -1, depth) for s in reversed(lf.succs.get(start, [])))
    return None


_X87_NO_STACK = {"fnstcw", "fstcw", "fldcw", "fwait", "fnclex", "fninit", "fnstsw", "fstsw", "fnop",
                 "ffree", "fincstp", "fdecstp"}
_X87_LOADS = {"fld", "fild", "fld1", "fldz", "fldpi", "fldl2e", "fldl2t", "fldlg2", "fldln2", "fbld"}


def _x87_reads(insn) -> int:
    """How many x87 stack slots an instruction needs (st(i) read: i + 1)."""
    regs = [int(n[3:-1]) if n.startswith("st(") else 0
            for n in (insn.cs.reg_name(op.reg) for op in insn.cs.operands if op.type == 1)
            if n.startswith("st")]
    m = insn.mnemonic
    if m in _X87_LOADS:
        return max(regs, default=-1) + 1
    need = max(regs, default=0) + 1
    if m in ("fcompp", "fucompp") or m.endswith("p") and not regs and m not in ("fstp", "fistp", "fisttp",
                                                                                 "fbstp", "fcomp", "fucomp"):
        need = max(need, 2)
    return need


# ---------------------------------------------------------------------------------- crossings
def _prototype_kinds(proto, where: str) -> tuple[list, str | StructArg] | None:
    """A prototype's argument and result kinds; None where debug information describes a type
    that cannot cross yet (it only refines what the code shows; the user's declarations must)."""
    try:
        return [arg_kind(t, where) for t in proto.params], ret_kind(proto.ret, where)
    except CrtError:
        if not proto.from_debug_info:
            raise
        return None


def entry_adapter(ctx, fn, name: str, linkage: str, n_words: int, lifted) -> str:
    """Native AAPCS32 entry point calling the lifted i386 body with a cdecl argument area."""
    proto = ctx.prototypes.get(fn.name)
    if proto is not None and proto.from_debug_info and lifted.regparm:
        proto = None            # DWARF does not record regparm: the code's register arguments win
    typed = None
    if proto is not None and not proto.variadic:
        typed = _prototype_kinds(proto, fn.name)
        proto = proto if typed is not None else None
    if typed is not None:
        kinds, ret = typed
    elif lifted.small_struct and lifted.arg_kinds:
        kinds = lifted.arg_kinds[1:]        # the hidden pointer is added back below
        ret = StructArg(((0, 0, WORD),), WORD, WORD, False)
    else:
        kinds = lifted.arg_kinds
        ret = lifted.fp_ret if ctx.returns_x87(fn) else "int"
    b = FunctionBuilder()
    b.position(b.new_block("entry"))
    sret = ret if isinstance(ret, StructArg) else None
    if sret is not None:
        kinds = ["w"] + list(kinds)         # i386: the hidden result pointer is the first word
    params = [f"{llvm_type(k)} %p{i}" for i, k in enumerate(kinds)]
    if sret is not None and sret.arm_size <= WORD:
        params = params[1:]                 # AAPCS returns it in r0: no hidden pointer
    offs = i386_offsets(kinds)
    last = (offs[-1] + WORD * kinds[-1].i386_words) if kinds and isinstance(kinds[-1], StructArg) else \
        (offs[-1] + 12) if offs else 0
    size = max(16, last, WORD * n_words + 16)
    argp = b.alloca(f"[{size} x i8]", align=16)
    for i, (k, off) in enumerate(zip(kinds, offs, strict=True)):
        if i == 0 and sret is not None:
            tmp = b.alloca(f"[{max(sret.i386_size, 4)} x i8]", align=8)
            b.store(b.cast("ptrtoint", tmp, I32), b.gep(argp, const(I64, 0)), 4)
            continue
        v = Val(llvm_type(k), f"%p{i}")
        if isinstance(k, StructArg):
            arm = b.alloca(k.arm_type, align=8)
            b.store(v, arm, 8)
            copy_struct(b, k, arm, b.gep(argp, const(I64, off)), to_arm=False)
            continue
        if k == "x":
            from ..lift.semantics.x87 import double_to_f80
            v = double_to_f80(b, v)
        b.store(v, b.gep(argp, const(I64, off)), 4)
    args = [const(I64, 0)] * len(INTERNAL_PARAM_GPRS) + [Val("<2 x i64>", "zeroinitializer")] * N_XMM_ARGS
    n_reg = lifted.regparm if proto is None else 0
    for i, reg in enumerate(REGPARM_REGS[:n_reg]):      # r0-r2 -> eax, edx, ecx (see REGPARM_REGS)
        args[INTERNAL_PARAM_GPRS.index(_REGPARM_INDEX[reg])] = b.zext(Val(I32, f"%g{i}"), I64)
    params = [f"i32 %g{i}" for i in range(n_reg)] + params
    res = b.call(ctx.internal_ret, ctx.internal_name(fn), args + [argp])
    if sret is not None and sret.arm_size <= WORD:
        arm = b.alloca(I32, align=4)
        b.store(const(I32, 0), arm, 4)
        copy_struct(b, sret, tmp, arm, to_arm=True)
        b.terminate(f"ret {b.zext(b.load(I32, arm, 4), I64)}")
    elif sret is not None:
        copy_struct(b, sret, tmp, b.inttoptr(b.zext(Val(I32, "%p0"), I64)), to_arm=True)
        b.terminate("ret i64 undef")
    elif ret == "void":
        b.terminate("ret i64 undef")
    elif ret == "int":
        eax = b.extractvalue(res, 0, I64)
        narrow = proto.ret if proto is not None and proto.ret.kind == "int" and proto.ret.size < 4 else None
        if narrow is not None:          # AAPCS: the callee extends char/short results
            bits = 8 * narrow.size
            eax = b.cast("sext" if narrow.signed else "zext", b.trunc(eax, f"i{bits}"), I64)
        elif lifted.ret_hint is not None and lifted.ret_hint.bool8:
            eax = b.and_(eax, const(I64, 0xFF))         # setcc wrote al only; AAPCS extends
        elif lifted.short_ret:
            eax = b.sext(b.trunc(eax, "i16"), I64)
        lo = b.and_(eax, const(I64, 0xFFFFFFFF))
        hi = b.shl(b.extractvalue(res, 1, I64), const(I64, 32))
        b.terminate(f"ret {b.or_(lo, hi)}")
    else:
        st0 = b.extractvalue(res, 4, F64)
        if ret == "float":
            bits = b.zext(b.bitcast(b.op(F32, f"fptrunc {st0} to float"), I32), I64)
        else:
            bits = b.bitcast(st0, I64)
        b.terminate(f"ret {bits}")
    ctx.adapter_intrinsics.update(b.intrinsics)
    return b.render(f"define {linkage}i64 {name}({', '.join(params)})")


def native_call(lf, callee: str, name: str | None, tail: bool) -> None:
    """A call from i386 code to native ARM code: typed by prototype, format string or recovery."""
    b = lf.b
    ctx = lf.ctx
    insn = lf.insn
    base = lf.frame_ptr(WORD) if tail else lf.stack_ptr(0)
    proto = ctx.prototype_for_call(name) if name else None
    variadic_from = None
    if proto is not None:
        kinds = [arg_kind(t, name) for t in proto.params]
        ret = ret_kind(proto.ret, name)
    else:
        kinds = None
        if name in varargs.FORMAT_FUNCS and not tail:
            fi, scanf = varargs.FORMAT_FUNCS[name]
            loc = _stack_slot_value(lf, insn, fi)
            fmt = ctx.c_string(*loc) if loc else None
            specs = varargs.format_arg_specs(fmt, scanf) if fmt is not None else None
            if specs is not None:
                kinds = ["w"] * (fi + 1) + [_format_kind(*spec) for spec in specs]
                variadic_from = fi + 1
        if kinds is None and name in V_VARIANT and not tail:
            # a non-constant format: the v* variant with a va_list re-packed at run time
            fi = varargs.FORMAT_FUNCS[name][0]
            args = [b.load(I32, b.gep(base, const(I64, WORD * k)), 4) for k in range(fi + 1)]
            args.append(repacked_va_list(lf, args[fi], base, fi + 1))
            callee = ctx.external(V_VARIANT[name])
            res = b.call(I64, callee, args, fnty=f"i64 ({', '.join([I32] * len(args))})")
            lf.set64(RAX, b.and_(res, const(I64, 0xFFFFFFFF)))
            lf.set64(RDX, const(I64, 0))
            return
        if kinds is None:
            if tail:
                n, wide = max(0, (lf.max_arg_off - WORD) // WORD), {}
            else:
                n, wide = _outgoing(lf, insn)
            kinds = kinds_from_words(n, wide)
        ret = (call_returns_fp(lf, insn, name) or "int") if not tail else "int"
    if name in ("setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp", "longjmp", "_longjmp", "siglongjmp"):
        kinds = ["w"] * max(1, len(kinds))
    sret = ret if isinstance(ret, StructArg) else None
    if sret is not None:
        kinds = ["w"] + list(kinds)         # i386: the hidden result pointer is the first word
    args: list[Val] = []
    for k, off in zip(kinds, i386_offsets(kinds), strict=True):
        p = b.gep(base, const(I64, off))
        if isinstance(k, StructArg):
            arm = b.alloca(k.arm_type, align=8)
            b.store(Val(k.arm_type, "zeroinitializer"), arm, 8)
            copy_struct(b, k, p, arm, to_arm=True)
            args.append(b.load(k.arm_type, arm, 8))
        elif k == "x":
            from ..lift.semantics.x87 import f80_to_double
            args.append(f80_to_double(b, b.load("i80", p, 4)))
        else:
            args.append(b.load(LLVM_TYPE[k], p, 4))
    if name in varargs.VA_LIST_FUNCS and "scanf" not in name and name != "vsyslog" \
            and len(args) > varargs.VA_LIST_FUNCS[name] and not tail:
        # an i386 va_list points at i386-packed words; ARM's va_arg wants 8-byte values 8-aligned
        k = varargs.VA_LIST_FUNCS[name]
        args[k] = repacked_va_list(lf, args[k - 1], b.inttoptr(b.zext(args[k], I64)), 0)
    if name in ("setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp") and args:
        nb = b.alloca(f"[{ARM_JMP_BUF} x i8]", align=16)
        b.store(b.ptrtoint(nb), b.inttoptr(args[0]), 4)
        args[0] = b.cast("ptrtoint", nb, I32)
        lf.ctx.mark_returns_twice(lf.fn)
    elif name in ("longjmp", "_longjmp", "siglongjmp") and args:
        args[0] = b.load(I32, b.inttoptr(args[0]), 4)
    hidden = None
    if sret is not None:
        hidden = args[0]                    # where the i386 caller wants the struct
        if sret.arm_size <= WORD:
            args = args[1:]
        else:
            arm_res = b.alloca(f"[{sret.arm_size} x i8]", align=8)
            args[0] = b.cast("ptrtoint", arm_res, I32)
    types = [a.ty for a in args]
    if variadic_from is not None:
        fnty = f"i64 ({', '.join(types[:variadic_from])}, ...)"
    else:
        fnty = f"i64 ({', '.join(types)})"
    attrs = "#0" if name in ("setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp") else ""
    res = b.call(I64, callee, args, attrs=attrs, fnty=fnty)
    if sret is not None:
        dst = b.inttoptr(b.zext(hidden, I64))
        if sret.arm_size <= WORD:
            arm_res = b.alloca(I32, align=4)
            b.store(b.trunc(res, I32), arm_res, 4)
        copy_struct(b, sret, arm_res, dst, to_arm=False)
        res = b.zext(hidden, I64)           # i386 returns the hidden pointer in eax
        if not tail:
            lf.adjust_rsp(WORD)             # ... and pops it (`ret $4`)
    if ret in ("float", "double", "ldouble"):
        if ret == "float":
            v = b.op(F64, f"fpext {b.bitcast(b.trunc(res, I32), F32)} to double")
        else:
            v = b.bitcast(res, F64)
        if tail:
            agg = b.insertvalue(Val(lf.internal_ret, "undef"), v, 4)
            b.terminate(f"ret {agg}")
            return
        from ..lift.semantics.x87 import st_push
        st_push(lf, v, after_call=True)
        return
    lo = b.and_(res, const(I64, 0xFFFFFFFF))
    hi = b.lshr(res, const(I64, 32))
    if name in CALLEE_POPS and not tail:
        lf.adjust_rsp(CALLEE_POPS[name])
    if tail:
        agg = b.insertvalue(Val(lf.internal_ret, "undef"), lo, 0)
        agg = b.insertvalue(agg, hi, 1)
        b.terminate(f"ret {agg}")
        return
    lf.set64(RAX, lo)
    lf.set64(RDX, hi)


# ---------------------------------------------------------------------------------- va_list
# printf-family calls whose format is not a constant: their variadic arguments are only known at
# run time, so the call goes to the v* variant with an ARM va_list (a pointer into memory where
# 8-byte values are 8-aligned) re-packed from the i386 words by this helper, which asks glibc's
# parse_printf_format for the argument types.  glibc <printf.h>: PA_INT 0, PA_DOUBLE 7,
# PA_FLAG_LONG_LONG == PA_FLAG_LONG_DOUBLE 0x100, PA_FLAG_PTR 0x800.
VA_HELPER = "__crt_i386_va"
VA_SLOTS = 64


def va_helper_ir() -> tuple[str, dict[str, str]]:
    """(IR text of the re-packing helper, intrinsic declarations it needs)."""
    from ..lift.semantics.x87 import f80_to_double
    b = FunctionBuilder()
    entry = b.new_block("entry")
    loop, body, w4, w8, ld, q, nxt, done = (b.new_block(n) for n in
                                            ("loop", "body", "w4", "w8", "ld", "q", "next", "exit"))
    b.position(entry)
    types = b.alloca(f"[{VA_SLOTS} x i32]", align=4)
    iv, sv, dv = (b.alloca(I32, align=4) for _ in range(3))
    n = b.call(I32, "@parse_printf_format", [Val("ptr", "%fmt"), const(I32, VA_SLOTS), types],
               fnty="i32 (ptr, i32, ptr)")
    nn = b.select(b.icmp("ult", n, const(I32, VA_SLOTS)), n, const(I32, VA_SLOTS))
    for v in (iv, sv, dv):
        b.store(const(I32, 0), v, 4)
    b.terminate(f"br label %{loop.label}")
    b.position(loop)
    i = b.load(I32, iv, 4)
    b.terminate(f"br {b.icmp('uge', i, nn)}, label %{done.label}, label %{body.label}")
    b.position(body)
    t = b.load(I32, b.op("ptr", f"getelementptr i32, ptr {types.ref}, i32 {i.ref}"), 4)
    base = b.and_(t, const(I32, 0xFF))
    notptr = b.icmp("eq", b.and_(t, const(I32, 0x800)), const(I32, 0))
    isll = b.icmp("ne", b.and_(t, const(I32, 0x100)), const(I32, 0))
    isdbl = b.and_(b.icmp("eq", base, const(I32, 7)), notptr)
    isllint = b.and_(b.and_(b.icmp("eq", base, const(I32, 0)), notptr), isll)
    b.terminate(f"br {b.or_(isdbl, isllint)}, label %{w8.label}, label %{w4.label}")

    def at(p: str, off: Val) -> Val:
        return b.op("ptr", f"getelementptr i8, ptr {p}, i32 {off.ref}")

    b.position(w4)
    s, d = b.load(I32, sv, 4), b.load(I32, dv, 4)
    b.store(b.load(I32, at("%src", s), 4), at("%dst", d), 4)
    b.store(b.add(s, const(I32, 4)), sv, 4)
    b.store(b.add(d, const(I32, 4)), dv, 4)
    b.terminate(f"br label %{nxt.label}")
    b.position(w8)
    d = b.load(I32, dv, 4)
    b.store(b.and_(b.add(d, const(I32, 7)), const(I32, -8)), dv, 4)
    b.terminate(f"br {b.and_(isdbl, isll)}, label %{ld.label}, label %{q.label}")
    b.position(ld)                       # i386 long double (12 bytes) -> ARM double
    s, d = b.load(I32, sv, 4), b.load(I32, dv, 4)
    b.store(f80_to_double(b, b.load("i80", at("%src", s), 4)), at("%dst", d), 8)
    b.store(b.add(s, const(I32, 12)), sv, 4)
    b.store(b.add(d, const(I32, 8)), dv, 4)
    b.terminate(f"br label %{nxt.label}")
    b.position(q)
    s, d = b.load(I32, sv, 4), b.load(I32, dv, 4)
    b.store(b.load(I64, at("%src", s), 4), at("%dst", d), 8)
    b.store(b.add(s, const(I32, 8)), sv, 4)
    b.store(b.add(d, const(I32, 8)), dv, 4)
    b.terminate(f"br label %{nxt.label}")
    b.position(nxt)
    b.store(b.add(b.load(I32, iv, 4), const(I32, 1)), iv, 4)
    b.terminate(f"br label %{loop.label}")
    b.position(done)
    b.terminate("ret ptr %dst")
    text = b.render(f"define internal ptr @{VA_HELPER}(ptr %fmt, ptr %src, ptr %dst) noinline")
    return text, dict(b.intrinsics)


def repacked_va_list(lf, fmt: Val, base: Val, first: int) -> Val:
    """An ARM va_list (its pointer, as i32) over the i386 arguments from word ``first`` at ``base``."""
    b = lf.b
    lf.ctx.need_helper(VA_HELPER)
    out = b.alloca(f"[{VA_SLOTS * 8} x i8]", align=8)
    src = b.gep(base, const(I64, WORD * first))
    r = b.call("ptr", f"@{VA_HELPER}", [b.inttoptr(b.zext(fmt, I64)), src, out], fnty="ptr (ptr, ptr, ptr)")
    return b.cast("ptrtoint", r, I32)


# glibc's i386 `struct stat64` (what -D_FILE_OFFSET_BITS=64 code passes to stat64...): field ->
# (offset, size, signed).  64-bit members are 4-aligned, unlike ARM EABI's (abi/arm.py);
# lift/libc_compat.py converts.  The plain `struct stat` is laid out alike on both.
STAT64_SIZE = 96
STAT64_LAYOUT = {
    "st_dev": (0, 8, False), "__st_ino": (12, 4, False), "st_mode": (16, 4, False), "st_nlink": (20, 4, False),
    "st_uid": (24, 4, False), "st_gid": (28, 4, False), "st_rdev": (32, 8, False), "st_size": (44, 8, True),
    "st_blksize": (52, 4, True), "st_blocks": (56, 8, True), "st_atim": (64, 8, False), "st_mtim": (72, 8, False),
    "st_ctim": (80, 8, False), "st_ino": (88, 8, False),
}
