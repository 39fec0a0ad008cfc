"""C prototypes for functions that cross the native/translated boundary.

The universal register mapping (:mod:`crt_cc.abi.aarch64`) is exact for integer, pointer, float
and double arguments, but some signatures need the C declaration: structs passed or returned by
value (SysV and AAPCS64 classify them differently), long double, and floating-point arguments that
overflow to the stack.  ``--crt-prototypes=FILE.h`` gives those declarations; they are parsed with
cffi's C parser (pycparser underneath) and reduced to the :class:`CType` model, which is all the
classification code in ``abi/`` needs: sizes, alignments and the scalar leaves of aggregates.

A few libc/libm functions whose signatures the universal mapping gets wrong are built in
(:data:`BUILTIN_DECLARATIONS`), so translated code calls them correctly without a header.  On the
ILP32 target (ARM EABI) far more calls need their types, because ``long``, ``size_t`` and pointers
are narrower there than in the x86-64 code: :func:`libc_prototypes` reads the C declarations in
``libc.h`` next to this module.

Every type is described twice: as the x86-64 code sees it (LP64, the :class:`CType` itself) and,
in ``CType.ilp32``, as native ARM EABI code lays it out (ILP32, ``long long`` and ``double``
8-byte aligned, ``long double`` a double).  The boundary converts values between the two; where
it cannot (a pointer whose pointee differs, see ``CType.pointee``) it says why.
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
    # The C spelling, for diagnostics.
    cname: str = field(default="", compare=False)
    # ptr: why the pointee's memory layout differs between LP64 and ILP32 code ("" if it does
    # not, or is opaque: void, char, int, double, FILE, a function...).
    pointee: str = field(default="", compare=False)
    # struct: why its values cannot be converted between the two layouts ("" if they can).
    issue: str = field(default="", compare=False)
    # The same type laid out by the ILP32 ARM EABI (set on prototype parameters and results);
    # its leaves correspond one to one, in order, to this type's leaves.
    ilp32: CType | None = field(default=None, compare=False, repr=False)
    # ptr to a scalar (number or pointer): the pointee, with its ILP32 view, so that a single
    # in/out object can be copied across (crt_cc/abi/arm.py OUT_PARAMS).
    target: CType | None = field(default=None, compare=False, repr=False)

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
    origin: str = ""            # the file that declares it (for diagnostics)
    # Read from the object's DWARF (crt_cc/frontend/dwarf.py), not given by the user: the types
    # are the compiler's own, but DWARF does not record everything (regparm), and nobody asked
    # for warnings about it.
    from_debug_info: bool = False


_FP_KINDS = {"float": "float", "double": "double", "long double": "ldouble"}
# Integer types that are 8 bytes in LP64 code and 4 bytes in ILP32 (ARM EABI) code.
ILP32_NARROW = frozenset({"long", "unsigned long", "size_t", "ssize_t", "ptrdiff_t", "intptr_t", "uintptr_t",
                          "int_fast16_t", "int_fast32_t", "uint_fast16_t", "uint_fast32_t"})


def _ctype(ffi, c) -> CType:
    kind = c.kind
    if kind == "void":
        return VOID
    if kind == "function":
        return CType("ptr", 8, 8, cname=c.cname)
    if kind == "pointer":
        target = _both(ffi, c.item) if c.item.kind in ("primitive", "pointer") else None
        return CType("ptr", 8, 8, cname=c.cname, pointee=layout_difference(ffi, c.item), target=target)
    size, align = ffi.sizeof(c), ffi.alignof(c)
    if kind == "primitive":
        if c.cname in _FP_KINDS:
            return CType(_FP_KINDS[c.cname], size, align)
        if c.cname in ("char16_t", "char32_t", "wchar_t") or "char" in c.cname or "int" in c.cname \
                or c.cname in ("long", "short", "long long", "unsigned long", "unsigned short",
                               "unsigned long long", "_Bool", "size_t", "ssize_t", "ptrdiff_t"):
            signed = int(ffi.cast(c, -1)) < 0
            return CType("int", size, align, signed, cname=c.cname)
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
        return CType("struct", size, align, leaves=tuple(leaves), cname=c.cname)
    if kind == "array":
        return CType("struct", size, align, leaves=tuple(_leaves(ffi, c)), cname=c.cname)
    raise CrtError(f"unsupported type '{c.cname}' in a prototype")


def layout_difference(ffi, c, seen: frozenset = frozenset()) -> str:
    """Why objects of cffi type ``c`` are laid out differently by LP64 and ILP32 code ("" if not).

    Used for what pointers point to: such memory is shared by translated (LP64) and native
    (ILP32) code, so it must mean the same to both.  Opaque structs (``FILE``) and functions are
    never looked into by the translated code, so they do not count.
    """
    kind = c.kind
    if kind == "pointer":
        return f"pointers ('{c.cname}': 8 bytes in x86-64 code, 4 in ARM code)"
    if kind == "primitive":
        if c.cname in ILP32_NARROW:
            return f"'{c.cname}' (8 bytes in x86-64 code, 4 in ARM code)"
        if c.cname == "long double":
            return "'long double' (x87 80-bit in 16 bytes in x86-64 code, a double on ARM EABI)"
        return ""
    if kind == "array":
        return layout_difference(ffi, c.item, seen)
    if kind in ("struct", "union"):
        if c.fields is None or c.cname in seen:
            return ""
        for name, f in c.fields:
            why = layout_difference(ffi, f.type, seen | {c.cname})
            if why:
                return f"'{c.cname}' (member '{name}': {why})"
    return ""


def _ilp32(ffi, c) -> CType:
    """``c`` laid out by the ARM EABI (ILP32; 8-byte ``long long`` and ``double`` alignment)."""
    kind = c.kind
    if kind == "void":
        return VOID
    if kind in ("pointer", "function"):
        return CType("ptr", 4, 4, cname=c.cname)
    if kind == "primitive":
        if c.cname == "long double":
            return CType("ldouble", 8, 8, cname=c.cname)
        if c.cname in _FP_KINDS:
            size = ffi.sizeof(c)
            return CType(_FP_KINDS[c.cname], size, size, cname=c.cname)
        size = 4 if c.cname in ILP32_NARROW else ffi.sizeof(c)
        return CType("int", size, min(size, 8), int(ffi.cast(c, -1)) < 0, cname=c.cname)
    if kind == "enum":
        return CType("int", 4, 4, True, cname=c.cname)
    if kind == "array":
        item = _ilp32(ffi, c.item)
        n = c.length or 0
        one = item.leaves if item.kind == "struct" else ((0, item),)
        leaves = tuple((k * item.size + o, t) for k in range(n) for o, t in one)
        return CType("struct", item.size * n, item.align, leaves=leaves, cname=c.cname, issue=item.issue)
    if kind in ("struct", "union"):
        if c.fields is None:
            return CType("struct", 0, 1, cname=c.cname)
        off = size = 0
        align = 1
        leaves: list[tuple[int, CType]] = []
        issue = ""
        bitfields = False
        for _, f in c.fields:
            if f.bitsize >= 0:
                # Bit-fields keep their LP64 places, which is right only when nothing differs.
                bitfields = True
                t = CType("int", ffi.sizeof(f.type), ffi.alignof(f.type))
                leaves.append((f.offset, t))
                size = max(size, f.offset + t.size)
                align = max(align, t.align)
                continue
            t = _ilp32(ffi, f.type)
            issue = issue or t.issue
            if kind == "struct":
                off = (off + t.align - 1) // t.align * t.align
            else:
                off = 0
            leaves.extend((off + o, x) for o, x in (t.leaves if t.kind == "struct" else ((0, t),)))
            off += t.size
            size = max(size, off)
            align = max(align, t.align)
        if bitfields and layout_difference(ffi, c):
            issue = issue or f"'{c.cname}' has bit-fields and members whose size differs"
        if kind == "union" and len({(o, x.size) for o, x in leaves}) != len(leaves) and layout_difference(ffi, c):
            issue = issue or f"'{c.cname}' is a union whose members differ in size"
        size = (size + align - 1) // align * align
        return CType("struct", size, align, leaves=tuple(leaves), cname=c.cname, issue=issue)
    raise CrtError(f"unsupported type '{c.cname}' in a prototype")


def _both(ffi, c) -> CType:
    """The LP64 description of ``c`` with its ILP32 one attached."""
    import dataclasses
    return dataclasses.replace(_ctype(ffi, c), ilp32=_ilp32(ffi, c))


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


def _declarations_only(text: str) -> str:
    """C source reduced to its declarations: function bodies and initialisers removed.

    So that the native caller's own ``.c`` file can serve as ``--crt-prototypes``: what it
    declares and defines is exactly what crosses the boundary.
    """
    out: list[str] = []
    i = start = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in "\"'":                     # skip literals
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == "{":
            head = text[start:i].rstrip()
            depth, j = 0, i
            while j < n:
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            if head.endswith(")"):          # a function definition: keep its declarator
                out.append(head + ";\n")
                i = start = j
                continue
            if head.endswith("="):          # an initialiser
                out.append(head[:-1])
                i = start = j
                continue
            i = j                           # struct/union/enum body: part of the declaration
            continue
        if c == "=" and text[i + 1:i + 2] != "=":
            # `T x = value;`: drop the value (up to the `;` at this level)
            out.append(text[start:i])
            depth, j = 0, i + 1
            while j < n and not (text[j] == ";" and depth == 0):
                depth += {"(": 1, "{": 1, ")": -1, "}": -1}.get(text[j], 0)
                j += 1
            i = start = j
            continue
        if c == ";":
            out.append(text[start:i + 1])
            start = i + 1
        i += 1
    out.append(text[start:])
    return "".join(out)


class Declarations(dict):
    """Function prototypes by name, plus ``variables``: each declared global variable with why its
    layout differs between LP64 and ILP32 code ("" if it does not; data shared with native code
    must mean the same on both sides), and ``origin``, the declaring file."""

    def __init__(self, origin: str = ""):
        super().__init__()
        self.variables: dict[str, str] = {}
        self.origin = origin


def parse_declarations(text: str, origin: str) -> Declarations:
    """Function prototypes declared in C ``text`` (typedefs, structs and enums resolved)."""
    import warnings

    from cffi import FFI
    from cffi.error import CDefError
    ffi = FFI()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # cffi's advice on `extern` for global variables
            ffi.cdef(_declarations_only(_strip_gnu(text)), override=True)
    except (CDefError, Exception) as exc:   # pycparser raises its own ParseError
        raise CrtError("cannot parse prototypes: " + " ".join(str(exc).split()), origin) from None
    protos = Declarations(origin)
    for key, (tp, _) in ffi._parser._declarations.items():   # cffi has no public listing
        if key.startswith("variable "):
            try:
                protos.variables[key.split(" ", 1)[1]] = layout_difference(ffi, ffi.typeof(tp._get_c_name()))
            except Exception:       # a type cffi cannot size (e.g. an incomplete array of them)
                pass
            continue
        if not key.startswith("function "):
            continue
        name = key.split(" ", 1)[1]
        try:
            ret = _both(ffi, ffi.typeof(tp.result._get_c_name()))
            params = [_both(ffi, ffi.typeof(a._get_c_name())) for a in tp.args]
        except CrtError as exc:
            raise CrtError(f"prototype of '{name}': {exc.message}", origin) from None
        protos[name] = Prototype(name, ret, params, bool(tp.ellipsis), origin)
    return protos


_builtin_cache: dict[str, Prototype] | None = None


BUILTIN_NAMES = frozenset(re.findall(r"(\w+)\(", BUILTIN_DECLARATIONS))


def builtin_prototypes() -> dict[str, Prototype]:
    """Prototypes of the libc/libm functions in :data:`BUILTIN_DECLARATIONS`."""
    global _builtin_cache
    if _builtin_cache is None:
        _builtin_cache = parse_declarations(BUILTIN_DECLARATIONS, "<builtin prototypes>")
    return dict(_builtin_cache)


_libc_cache: dict[str, Prototype] | None = None


def libc_prototypes() -> dict[str, Prototype]:
    """Built-in prototypes for ILP32 targets: :data:`BUILTIN_DECLARATIONS` plus ``libc.h``.

    On ARM EABI every call whose arguments or result include ``long``, ``long long``, ``size_t``,
    a double or a pointer-sized result needs its types (see the header's comment), which covers
    most of the C library; the header is data, next to this module.
    """
    global _libc_cache
    if _libc_cache is None:
        import os
        path = os.path.join(os.path.dirname(__file__), "libc.h")
        with open(path) as fh:
            text = re.sub(r"/\*.*?\*/", " ", fh.read(), flags=re.S)
        _libc_cache = parse_declarations(BUILTIN_DECLARATIONS + text, path)
    return dict(_libc_cache)


_INT32_WORDS = frozenset({"int", "unsigned", "signed", "char", "short", "_Bool", "bool", "pid_t",
                          "useconds_t", "uid_t", "gid_t", "mode_t", "wint_t", "wchar_t", "int32_t",
                          "uint32_t", "int16_t", "uint16_t", "int8_t", "uint8_t", "const", "volatile"})
_FP_WORDS = frozenset({"float", "double"})
_int32_cache: dict[str, tuple[list[str], bool, bool]] | None = None


def _libc_param_classes() -> dict[str, tuple[list[str], bool, bool]]:
    """Per function of the built-in declarations and ``libc.h``: each parameter's class
    (``i32`` a 32-bit or narrower integer, ``int`` another integer or pointer, ``fp``, ``agg`` a
    struct by value, ``mem`` a long double, which x86-64 passes in memory), whether it is variadic
    and whether its result is floating-point.  A
    regular-expression reading of the plain prototypes there, so that translation does not pay
    for cffi's parser (about 0.1 s)."""
    global _int32_cache
    if _int32_cache is None:
        import os
        with open(os.path.join(os.path.dirname(__file__), "libc.h")) as fh:
            text = BUILTIN_DECLARATIONS + re.sub(r"/\*.*?\*/", " ", fh.read(), flags=re.S)
        text = re.sub(r"typedef[^;]*;", " ", text)
        out: dict[str, tuple[list[str], bool, bool]] = {}
        for m in re.finditer(r"([A-Za-z_][\w\s\*]*?)\b(\w+)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*;", text):
            body = m.group(3).strip()
            params = [p.strip() for p in _top_level_commas(body)] if body not in ("", "void") else []
            classes, variadic = [], False
            for prm in params:
                if prm == "...":
                    variadic = True
                    continue
                words = set(re.findall(r"[A-Za-z_]\w*", prm.split("(")[0]))
                if "*" in prm or "(" in prm:
                    classes.append("int")
                elif words & _FP_WORDS:
                    classes.append("mem" if "long" in words else "fp")
                elif "struct" in words or words & {"div_t", "ldiv_t", "lldiv_t"}:
                    classes.append("agg")
                elif "long" in words or not words & _INT32_WORDS - {"const", "volatile"}:
                    classes.append("int")         # long, size_t, time_t, off_t...: 64-bit
                else:
                    classes.append("i32")
            out[m.group(2)] = (classes, variadic, _result_class(m.group(1)))
        _int32_cache = out
    return _int32_cache


def _result_class(ret: str) -> str:
    """``int`` (an integer, a pointer or void: rax), ``fp`` (float or double: xmm0), ``x87`` (long
    double), ``cfp`` (a complex) or ``agg`` (a struct) for the result type written ``ret``."""
    words = set(re.findall(r"[A-Za-z_]\w*", ret))
    if "*" in ret:
        return "int"
    if words & _FP_WORDS:
        return "cfp" if words & {"complex", "_Complex"} else "x87" if "long" in words else "fp"
    if "struct" in words or words & {"div_t", "ldiv_t", "lldiv_t"}:
        return "agg"
    return "int"


def libc_result_is_fp(name: str) -> bool:
    """Whether the C library function ``name`` may return a float/double (unknown names: True)."""
    entry = _libc_param_classes().get(name)
    return entry is None or entry[2] in ("fp", "x87", "cfp")


def libc_result_registers(name: str | None) -> frozenset[str] | None:
    """Which SysV result registers a C library function's result occupies: rax for an integer,
    a pointer or void, xmm0 for a float or double; None where that is not one register (structs,
    complex and long double results) or the function is unknown.  After the call the others
    hold nothing the x86 code may read (lift/function.py, the universal call shape)."""
    entry = _libc_param_classes().get(name) if name else None
    if entry is None:
        return None
    return {"int": frozenset({"rax"}), "fp": frozenset({"xmm0"})}.get(entry[2])


def _top_level_commas(text: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    return parts + ["".join(cur)]


def int32_arg_registers(name: str | None) -> tuple[set[int], int] | None:
    """For a C library function: which integer argument registers hold 32-bit (or narrower) ints.

    Returns (their indexes among the integer argument registers, how many integer registers the
    fixed parameters use), or None for a function the built-in declarations and ``libc.h`` do
    not list.  LP64 targets that want 32-bit arguments sign-extended (RISC-V) use this where the
    x86 code only copies a value into the register (`movl %edx, %edi; call ldexp`), which says
    nothing of its type.
    """
    entry = _libc_param_classes().get(name) if name else None
    if entry is None or "agg" in entry[0]:
        return None
    slots: set[int] = set()
    n = 0
    for cls in entry[0]:
        if cls in ("fp", "mem"):          # not in an integer register
            continue
        if cls == "i32":
            slots.add(n)
        n += 1
    return slots, n


def known_libc_function(name: str) -> bool:
    """Is ``name`` declared by the built-in declarations or ``libc.h``?"""
    return name in _libc_param_classes()


def libc_register_use(name: str | None) -> tuple[int, int] | None:
    """For a non-variadic C library function whose parameters are all scalars: how many integer
    and how many floating-point argument registers its fixed parameters occupy (SysV and the
    native LP64 conventions agree on both counts), or None.  The universal call shape passes the
    rest as ``undef``: the callee never reads them, and LLVM no longer keeps eight XMM registers
    and the outgoing stack words alive up to every ``strlen``."""
    entry = _libc_param_classes().get(name) if name else None
    if entry is None or entry[1] or "agg" in entry[0] or "mem" in entry[0]:
        return None
    n_fp = entry[0].count("fp")
    n_int = len(entry[0]) - n_fp
    return (n_int, n_fp) if n_int <= 6 and n_fp <= 8 else None


def load_prototypes(path: str | None) -> Declarations:
    """The user's ``--crt-prototypes`` declarations (empty without a file)."""
    return parse_declarations(_preprocess(path), path) if path else Declarations()


def add_debug_info_prototypes(declared: Declarations, text: str, origin: str, parse=None) -> Declarations:
    """``declared`` (the user's) completed with the declarations an object's DWARF gives (``text``,
    from :func:`crt_cc.frontend.dwarf.function_declarations`); ``parse``: the source ABI's parser.

    The user's declarations win.  Debug information is evidence, not a request: text this parser
    cannot read costs only the exactness it would have added, never the translation.
    """
    if not text:
        return declared
    try:
        found = (parse or parse_declarations)(text, origin)
    except CrtError:
        return declared
    for name, proto in found.items():
        if name not in declared:
            proto.from_debug_info = True
            declared[name] = proto
    return declared
