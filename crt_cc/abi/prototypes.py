"""C prototypes for functions that cross the native/translated boundary.

The universal register mapping (:mod:`crt_cc.abi.aarch64`) is exact for integer, pointer, float
and double arguments, but some signatures need the C declaration: structs passed or returned by
value (SysV and AAPCS64 classify them differently), long double, and floating-point arguments that
overflow to the stack.  ``--crt-prototypes=FILE.h`` gives those declarations; they are parsed with
cffi's C parser (pycparser underneath) and reduced to the :class:`CType` model, which is all the
classification code in ``abi/`` needs: sizes, alignments and the scalar leaves of aggregates.

A few libc/libm functions whose signatures the universal mapping gets wrong are built in
(:data:`BUILTIN_DECLARATIONS`), so translated code calls them correctly without a header.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field

from ..diagnostics import CrtError

# libc/libm functions the universal mapping cannot carry: long double arguments or results (x87
# memory/st0 on x86-64, q registers on AAPCS64) and single-precision ones (NaN-boxed in RISC-V FP
# registers).  Calls to them always use these prototypes; definitions never do.
BUILTIN_DECLARATIONS = """
long double sqrtl(long double); long double fabsl(long double); long double floorl(long double);
long double ceill(long double); long double truncl(long double); long double roundl(long double);
long double rintl(long double); long double nearbyintl(long double); long double expl(long double);
long double exp2l(long double); long double expm1l(long double); long double logl(long double);
long double log2l(long double); long double log10l(long double); long double log1pl(long double);
long double sinl(long double); long double cosl(long double); long double tanl(long double);
long double asinl(long double); long double acosl(long double); long double atanl(long double);
long double sinhl(long double); long double coshl(long double); long double tanhl(long double);
long double cbrtl(long double); long double erfl(long double); long double erfcl(long double);
long double lgammal(long double); long double tgammal(long double);
long double powl(long double, long double); long double atan2l(long double, long double);
long double fmodl(long double, long double); long double hypotl(long double, long double);
long double fminl(long double, long double); long double fmaxl(long double, long double);
long double copysignl(long double, long double); long double remainderl(long double, long double);
long double fdiml(long double, long double); long double fmal(long double, long double, long double);
long double ldexpl(long double, int); long double scalbnl(long double, int);
long double frexpl(long double, int *); long double modfl(long double, long double *);
long lroundl(long double); long long llroundl(long double); long lrintl(long double);
int isnanl(long double); int isinfl(long double); int finitel(long double);
long double strtold(const char *, char **); long double nanl(const char *);
float sqrtf(float); float fabsf(float); float floorf(float); float ceilf(float); float truncf(float);
float roundf(float); float rintf(float); float nearbyintf(float); float expf(float); float exp2f(float);
float expm1f(float); float logf(float); float log2f(float); float log10f(float); float log1pf(float);
float sinf(float); float cosf(float); float tanf(float); float asinf(float); float acosf(float);
float atanf(float); float sinhf(float); float coshf(float); float tanhf(float); float cbrtf(float);
float erff(float); float erfcf(float); float lgammaf(float); float tgammaf(float);
float powf(float, float); float atan2f(float, float); float fmodf(float, float); float hypotf(float, float);
float fminf(float, float); float fmaxf(float, float); float copysignf(float, float);
float remainderf(float, float); float fdimf(float, float); float fmaf(float, float, float);
float ldexpf(float, int); float scalbnf(float, int); float frexpf(float, int *); float modff(float, float *);
long lroundf(float); long long llroundf(float); long lrintf(float); long long llrintf(float);
float strtof(const char *, char **); float nanf(const char *);
"""


@dataclass(frozen=True)
class CType:
    """What the calling conventions need to know about a C type."""

    kind: str                   # void | int | float | double | ldouble | ptr | struct
    size: int = 0
    align: int = 1
    signed: bool = False
    # struct/union: the scalar leaves (byte offset, leaf type), arrays expanded
    leaves: tuple[tuple[int, CType], ...] = ()

    @property
    def is_fp(self) -> bool:
        return self.kind in ("float", "double")


VOID = CType("void")


@dataclass
class Prototype:
    name: str
    ret: CType
    params: list[CType] = field(default_factory=list)
    variadic: bool = False


_FP_KINDS = {"float": "float", "double": "double", "long double": "ldouble"}


def _ctype(ffi, c) -> CType:
    kind = c.kind
    if kind == "void":
        return VOID
    if kind in ("pointer", "function"):
        return CType("ptr", 8, 8)
    size, align = ffi.sizeof(c), ffi.alignof(c)
    if kind == "primitive":
        if c.cname in _FP_KINDS:
            return CType(_FP_KINDS[c.cname], size, align)
        if c.cname in ("char16_t", "char32_t", "wchar_t") or "char" in c.cname or "int" in c.cname \
                or c.cname in ("long", "short", "long long", "unsigned long", "unsigned short",
                               "unsigned long long", "_Bool", "size_t", "ssize_t", "ptrdiff_t"):
            signed = int(ffi.cast(c, -1)) < 0
            return CType("int", size, align, signed)
        raise CrtError(f"unsupported primitive type '{c.cname}' in a prototype")
    if kind == "enum":
        return CType("int", size, align, True)
    if kind in ("struct", "union"):
        if c.fields is None:
            raise CrtError(f"'{c.cname}' is passed by value but its fields are not declared")
        leaves: list[tuple[int, CType]] = []
        for _, f in c.fields:
            if f.bitsize >= 0:
                leaves.append((f.offset, CType("int", ffi.sizeof(f.type), ffi.alignof(f.type))))
                continue
            leaves.extend((f.offset + o, t) for o, t in _leaves(ffi, f.type))
        return CType("struct", size, align, leaves=tuple(leaves))
    if kind == "array":
        return CType("struct", size, align, leaves=tuple(_leaves(ffi, c)))
    raise CrtError(f"unsupported type '{c.cname}' in a prototype")


def _leaves(ffi, c) -> list[tuple[int, CType]]:
    if c.kind == "array":
        item = _leaves(ffi, c.item)
        step = ffi.sizeof(c.item)
        return [(k * step + o, t) for k in range(c.length or 0) for o, t in item]
    t = _ctype(ffi, c)
    return list(t.leaves) if t.kind == "struct" else [(0, t)]


def _strip_gnu(text: str) -> str:
    """Remove what pycparser does not know: __attribute__((...)), __asm__("..."), __extension__."""
    out = []
    i = 0
    pat = re.compile(r"\b(__attribute__|__attribute|__asm__|__asm|asm)\s*\(")
    while True:
        m = pat.search(text, i)
        if not m:
            out.append(text[i:])
            break
        out.append(text[i:m.start()])
        depth, j = 0, m.end() - 1
        while j < len(text):
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
            if depth == 0:
                break
        i = j
    text = "".join(out)
    text = re.sub(r"\b(__extension__|__inline__|__inline|inline|__restrict__|__restrict|_Noreturn|"
                  r"__THROW|__wur)\b", " ", text)
    return text


def _preprocess(path: str) -> str:
    """Run the host preprocessor on the header, without system headers (cffi knows their types)."""
    try:
        with open(path, errors="replace") as fh:
            raw = fh.read()
    except OSError as exc:
        raise CrtError(f"cannot read prototypes file: {exc.strerror}", path) from None
    body = "\n".join("" if re.match(r"\s*#\s*include\b", ln) else ln for ln in raw.splitlines())
    res = subprocess.run(["cpp", "-P", "-nostdinc", "-undef", "-"], input=body, capture_output=True, text=True)
    if res.returncode != 0:
        msg = res.stderr.strip().splitlines()
        raise CrtError(f"cannot preprocess prototypes file: {msg[0] if msg else 'cpp failed'}", path)
    return res.stdout


def parse_declarations(text: str, origin: str) -> dict[str, Prototype]:
    """Function prototypes declared in C ``text`` (typedefs, structs and enums resolved)."""
    from cffi import FFI
    from cffi.error import CDefError
    ffi = FFI()
    try:
        ffi.cdef(_strip_gnu(text), override=True)
    except (CDefError, Exception) as exc:   # pycparser raises its own ParseError
        raise CrtError("cannot parse prototypes: " + " ".join(str(exc).split()), origin) from None
    protos: dict[str, Prototype] = {}
    for key, (tp, _) in ffi._parser._declarations.items():   # cffi has no public listing
        if not key.startswith("function "):
            continue
        name = key.split(" ", 1)[1]
        try:
            ret = _ctype(ffi, ffi.typeof(tp.result._get_c_name()))
            params = [_ctype(ffi, ffi.typeof(a._get_c_name())) for a in tp.args]
        except CrtError as exc:
            raise CrtError(f"prototype of '{name}': {exc.message}", origin) from None
        protos[name] = Prototype(name, ret, params, bool(tp.ellipsis))
    return protos


_builtin_cache: dict[str, Prototype] | None = None


BUILTIN_NAMES = frozenset(re.findall(r"(\w+)\(", BUILTIN_DECLARATIONS))


def builtin_prototypes() -> dict[str, Prototype]:
    """Prototypes of the libc/libm functions in :data:`BUILTIN_DECLARATIONS`."""
    global _builtin_cache
    if _builtin_cache is None:
        _builtin_cache = parse_declarations(BUILTIN_DECLARATIONS, "<builtin prototypes>")
    return dict(_builtin_cache)


def load_prototypes(path: str | None) -> dict[str, Prototype]:
    """The user's ``--crt-prototypes`` declarations (empty without a file)."""
    return parse_declarations(_preprocess(path), path) if path else {}
