"""Calls from translated RISC-V code: to translated functions, and to native code (AAPCS64).

Between translated functions the internal convention passes a0-a7, fa0-fa7 and the caller's sp,
and returns a0, a1, fa0, fa1 (:mod:`.function`).  A native callee gets the *universal* mapping:
a0-a7 -> x0-x7, fa0-fa7 -> d0-d7, RISC-V stack words -> the native stack, and x0, x1, d0, d1 come
back as a0, a1, fa0, fa1.  For integer, pointer, float and double arguments that is exactly what
both conventions do.  Where they differ, the call is typed:

* printf-family calls with a constant format: RISC-V passes variadic doubles (and long doubles, in
  aligned register pairs) in *integer* registers, AAPCS64 in FP registers.  The format gives each
  argument's class; each value is read from its RISC-V location and LLVM gets a typed variadic
  call.  With a format that is not constant the call goes to the ``v*`` variant with a va_list.
* ``v*printf``/``v*scanf``: RISC-V's va_list is a pointer to 8-byte slots; an AAPCS64 va_list
  whose register areas are empty (``__gr_offs = __vr_offs = 0``) reads exactly those slots from
  its ``__stack`` pointer, long doubles 16-aligned as on RISC-V.
* long double (binary128) travels in integer register pairs on RISC-V and in q registers on
  AArch64: libgcc's soft-float helpers (``__addtf3``...) and libm's long double functions get
  typed calls (:data:`TYPED`, and the built-in prototypes of :mod:`crt_cc.abi.prototypes`).
* 32-bit integer results: RISC-V code relies on them being sign-extended, AAPCS64 leaves the
  upper half unspecified.  Known int-returning libc functions are sign-extended; other native
  results by what the code does with them (:func:`crt_cc.lift.riscv.analysis.decide`).
"""

from __future__ import annotations

from ...abi import native_abi, varargs
from ...abi.prototypes import BUILTIN_NAMES, builtin_prototypes
from ...abi.riscv64 import V_VARIANT
from ...frontend.riscv import RvFunction
from ...frontend.riscv_isa import SP
from .. import libc_compat
from ..ir import F32, F64, F128, I32, I64, I128, PTR, Val, const
from .analysis import STORES
from .function import INTERNAL_RET, N_ARG

NATIVE_RET = "{ i64, i64, double, double }"
NORETURN = {"exit", "_exit", "_Exit", "abort", "__stack_chk_fail", "__assert_fail", "longjmp", "siglongjmp",
            "_longjmp", "__longjmp_chk", "err", "errx", "verr", "verrx", "pthread_exit", "quick_exit",
            "__fortify_fail", "__chk_fail", "__cxa_throw"}
RETURNS_TWICE = {"setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp", "vfork"}

# libgcc's binary128 helpers (long double arithmetic on RISC-V): parameter and result kinds.
_L = "f128"
TYPED: dict[str, tuple[tuple[str, ...], str]] = {
    **{n: ((_L, _L), _L) for n in ("__addtf3", "__subtf3", "__multf3", "__divtf3")},
    "__negtf2": ((_L,), _L), "__powitf2": ((_L, "i32"), _L),
    "__extendsftf2": (("f32",), _L), "__extenddftf2": (("f64",), _L),
    "__trunctfsf2": ((_L,), "f32"), "__trunctfdf2": ((_L,), "f64"),
    "__floatsitf": (("i32",), _L), "__floatunsitf": (("i32",), _L),
    "__floatditf": (("i64",), _L), "__floatunditf": (("i64",), _L),
    "__floattitf": (("i128",), _L), "__floatuntitf": (("i128",), _L),
    "__fixtfsi": ((_L,), "i32"), "__fixunstfsi": ((_L,), "i32"),
    "__fixtfdi": ((_L,), "i64"), "__fixunstfdi": ((_L,), "i64"),
    "__fixtfti": ((_L,), "i128"), "__fixunstfti": ((_L,), "i128"),
    **{n: ((_L, _L), "i32") for n in ("__eqtf2", "__netf2", "__lttf2", "__letf2", "__gttf2", "__getf2",
                                        "__unordtf2", "__cmptf2")},
}

# libc functions returning int (RISC-V callers expect the result sign-extended to 64 bits).
INT_RESULT = frozenset({
    *(n for n in varargs.FORMAT_FUNCS), *(n for n in varargs.VA_LIST_FUNCS if not n.startswith("verr")),
    "puts", "putchar", "fputs", "fputc", "putc", "getchar", "getc", "fgetc", "ungetc", "fclose", "fflush",
    "fseek", "feof", "ferror", "fileno", "remove", "rename", "strcmp", "strncmp", "strcasecmp",
    "strncasecmp", "memcmp", "bcmp", "strcoll", "atoi", "abs", "rand", "rand_r", "toupper", "tolower",
    "isalpha", "isdigit", "isalnum", "isspace", "isupper", "islower", "isxdigit", "ispunct", "isprint",
    "isgraph", "iscntrl", "isblank", "isascii", "setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp", "atexit",
    "open", "close", "system", "raise", "kill", "getpid", "ffs", "ilogb", "__fpclassify", "__isinf",
    "__isnan", "__signbit", "__isinff", "__isnanf", "fesetround", "fegetround", "feclearexcept",
    "fetestexcept", "feraiseexcept", "mkdir", "access", "unlink", "dup", "dup2", "pipe", "chdir",
    "gettimeofday", "clock_gettime", "pthread_create", "pthread_join", "pthread_mutex_lock",
    "pthread_mutex_unlock", "setvbuf", "fgetpos", "fsetpos", "usleep", "sleep", "isatty", "tolower_l",
})


# --------------------------------------------------------------------------- entry points

def direct_call(lf, callee, tail: bool) -> None:
    """``call``/``tail`` to a translated function (internal convention) or a named native one."""
    if isinstance(callee, RvFunction):
        info = lf.ctx.infos[callee.name]
        argp = lf.sp_value() if lf.ctx.uses_argp(info) else Val(PTR, "null")
        b = lf.b
        res = b.call(INTERNAL_RET, lf.ctx.internal_name(callee), [*lf.internal_args(), argp])
        if tail:
            b.terminate(f"ret {res}")
        else:
            lf.take_result(res)
        return
    native_call(lf, callee, lf.ctx.external(callee), tail)


def pointer_call(lf, target: Val, tail: bool) -> None:
    """A call through a function pointer: translated functions' pointers are their native entry
    points, so every pointer is called with the native convention."""
    native_call(lf, None, lf.b.inttoptr(target).ref, tail)


def native_call(lf, name: str | None, ref: str, tail: bool) -> None:
    """A call to native code; open/fcntl flag bits that the target defines otherwise than RISC-V
    (AArch64's O_DIRECTORY...) are remapped around it, and pthread initialisers whose objects the
    target makes larger go through a native-sized buffer (lift/libc_compat.py)."""
    if libc_compat.converted_riscv_call(lf, name, tail):
        return
    pairs = getattr(native_abi(lf.ctx.target), "OPEN_FLAG_BITS", ())
    after = libc_compat.around_riscv_call(lf, name, tail, pairs)
    _native_call(lf, name, ref, tail)
    if after is not None and not lf.b.cur.terminated:
        after()


def _native_call(lf, name: str | None, ref: str, tail: bool) -> None:
    b = lf.b
    ctx = lf.ctx
    if name == "__tls_get_addr":          # a0 already holds the variable's address
        if tail:
            lf.ret()
        return
    typed = signature(ctx, name)
    if typed is not None:
        typed_call(lf, name, ref, typed[0], typed[1], tail)
        return
    ints = [lf.x(10 + k) for k in range(N_ARG)]
    fps = [lf.fd(10 + k) for k in range(N_ARG)]
    if name in varargs.VA_LIST_FUNCS:
        idx = varargs.VA_LIST_FUNCS[name]
        ints[idx] = aapcs_va_list(lf, ints[idx])
    if name in varargs.FORMAT_FUNCS:
        fmt = format_types(lf, name)
        if fmt is not None:
            _format_call(lf, name, ref, fmt, tail)
            return
        if name in V_VARIANT:
            fi = varargs.FORMAT_FUNCS[name][0]
            ints[fi + 1] = aapcs_va_list(lf, _slots_after(lf, fi + 1))
            name = V_VARIANT[name]
            ref = ctx.external(name)
    words = outgoing_words(lf)
    stack = [b.load(I64, b.gep(lf.sp_value(), const(I64, 8 * w))) for w in range(words)]
    args = ints + fps + stack
    attrs = ""
    if name in RETURNS_TWICE:
        attrs = "#0"
        ctx.returns_twice_fns.add(lf.fn.name)
    fnty = f"{NATIVE_RET} ({', '.join(a.ty for a in args)})"
    res = b.call(NATIVE_RET, ref, args, attrs=attrs, fnty=fnty)
    _take_native_result(lf, name, res, tail)


def _take_native_result(lf, name: str | None, res: Val, tail: bool) -> None:
    b = lf.b
    a0 = fix_int_result(lf, name, b.extractvalue(res, 0, I64))
    lf.set_x(10, a0)
    lf.set_x(11, b.extractvalue(res, 1, I64))
    lf.set_fd(10, b.extractvalue(res, 2, F64))
    lf.set_fd(11, b.extractvalue(res, 3, F64))
    _finish(lf, name, tail)


def _finish(lf, name: str | None, tail: bool) -> None:
    if tail:
        lf.ret()
    elif name in NORETURN:
        lf.b.terminate("unreachable")


# --------------------------------------------------------------------------- 32-bit results

def sext32(lf, v: Val) -> Val:
    return lf.b.sext(lf.b.trunc(v, I32), I64)


def fix_zero_extended(lf, v: Val) -> Val:
    """A value that may be a 32-bit int passed zero-extended (AAPCS64 leaves the upper half
    unspecified, compilers zero it): sign-extend it when the upper half is zero.  64-bit values
    with an empty upper half and bit 31 set (2^31..2^32-1) are the price; pointers never are."""
    b = lf.b
    upper_zero = b.icmp("eq", b.lshr(v, const(I64, 32)), const(I64, 0))
    return b.select(upper_zero, sext32(lf, v), v)


_NARROW_BITS = {"u8": (8, False), "s8": (8, True), "u16": (16, False), "s16": (16, True)}


def adjust(lf, v: Val, cls: str | None) -> Val:
    """A native integer value as RISC-V code expects it, for the class :func:`.analysis.decide`
    gave it: narrow types extended by their signedness, 32-bit ones sign-extended."""
    if cls in _NARROW_BITS:
        bits, signed = _NARROW_BITS[cls]
        return lf.b.resize(lf.b.resize(v, bits), 64, signed=signed)
    if cls == "i32":
        return sext32(lf, v)
    if cls == "amb":
        return fix_zero_extended(lf, v)
    return v


def fix_int_result(lf, name: str | None, v: Val) -> Val:
    if name in INT_RESULT:
        return sext32(lf, v)
    return adjust(lf, v, lf.info.ret_class.get(lf.insn.addr))


# --------------------------------------------------------------------------- outgoing stack

def outgoing_words(lf) -> int:
    """RISC-V stack words the call site has prepared: stores at or above the call's sp since the
    previous call in the block."""
    sp = lf.fact(SP)
    if sp is None or sp[0] != "sp":
        return 0
    block = next(blk for blk in lf.info.blocks.values() if lf.insn in blk)
    top = 0
    for insn in reversed(block[:block.index(lf.insn)]):
        c = lf.info.control.get(insn.addr)
        if c is not None and c.kind in ("call", "icall"):
            break
        if insn.name not in STORES:
            continue
        base = lf.info.before.get(insn.addr, {}).get(insn.f.rs1)
        if base is None or base[0] != "sp":
            continue
        rel = base[1] + insn.f.imm - sp[1]
        if rel >= 0:
            top = max(top, rel + STORES[insn.name])
    return (top + 7) // 8


# --------------------------------------------------------------------------- typed calls

def signature(ctx, name: str | None) -> tuple[tuple[str, ...], str] | None:
    """Parameter and result kinds of a native callee whose C signature is known (libgcc's
    binary128 helpers, libm's built-in long double/float prototypes, ``--crt-prototypes``)."""
    if name is None:
        return None
    if name in TYPED:
        return TYPED[name]
    user = ctx.prototypes.get(name)
    if user is not None:
        from .prototypes import scalar_signature
        return scalar_signature(user)
    if name in BUILTIN_NAMES:
        proto = builtin_prototypes()[name]
        kinds = [_kind(t) for t in proto.params]
        ret = _kind(proto.ret)
        if None not in kinds and ret is not None and not proto.variadic:
            return tuple(kinds), ret
    return None


def _kind(t) -> str | None:
    if t.kind == "void":
        return "void"
    if t.kind == "int":
        return "i64" if t.size == 8 else "i32"
    return {"ptr": "i64", "float": "f32", "double": "f64", "ldouble": _L}.get(t.kind)


_LLVM = {"i32": I32, "i64": I64, "i128": I128, "f32": F32, "f64": F64, _L: F128, "void": "void"}


def _pair(lf, lo: Val, hi: Val, ty: str) -> Val:
    b = lf.b
    v = b.or_(b.zext(lo, I128), b.shl(b.zext(hi, I128), const(I128, 64)))
    return v if ty == I128 else b.bitcast(v, ty)


def typed_call(lf, name: str, ref: str, params: tuple[str, ...], ret: str, tail: bool) -> None:
    """A call whose C signature is known: each argument read from its LP64D location."""
    b = lf.b
    gi = fi = so = 0
    args: list[Val] = []
    base = lf.sp_value()

    def stack_word(off: int) -> Val:
        return b.load(I64, b.gep(base, const(I64, off)))

    for k in params:
        if k in ("f32", "f64") and fi < N_ARG:
            args.append(lf.fd(10 + fi) if k == "f64" else lf.fs(10 + fi))
            fi += 1
        elif k in (_L, "i128"):
            ty = _LLVM[k]
            if gi + 1 < N_ARG:
                args.append(_pair(lf, lf.x(10 + gi), lf.x(11 + gi), ty))
            elif gi + 1 == N_ARG:
                args.append(_pair(lf, lf.x(10 + gi), stack_word(so), ty))
                so += 8
            else:
                so = (so + 15) & ~15
                args.append(_pair(lf, stack_word(so), stack_word(so + 8), ty))
                so += 16
            gi += 2
        else:
            v = lf.x(10 + gi) if gi < N_ARG else stack_word(so)
            if gi >= N_ARG:
                so += 8
            gi += 1
            if k == "f64":
                v = b.bitcast(v, F64)
            elif k == "f32":
                v = b.bitcast(b.trunc(v, I32), F32)
            elif k == "i32":
                v = b.trunc(v, I32)
            args.append(v)
    rty = _LLVM[ret]
    lf.ctx.declare_typed(name, f"{rty} ({', '.join(a.ty for a in args)})")
    res = b.call(rty, ref, args, fnty=f"{rty} ({', '.join(a.ty for a in args)})")
    if ret in ("i32", "i64"):
        lf.set_x(10, b.sext(res, I64) if ret == "i32" else res)
    elif ret == "f64":
        lf.set_fd(10, res)
    elif ret == "f32":
        lf.set_fs(10, res)
    elif ret in (_L, "i128"):
        v = res if ret == "i128" else b.bitcast(res, I128)
        lf.set_x(10, b.trunc(v, I64))
        lf.set_x(11, b.trunc(b.lshr(v, const(I128, 64)), I64))
    _finish(lf, name, tail)


# --------------------------------------------------------------------------- variadics

def format_types(lf, name: str) -> list[str] | None:
    fmt_index, scanf = varargs.FORMAT_FUNCS[name]
    fact = lf.fact(10 + fmt_index)
    if fact is None or fact[0] != "addr":
        return None
    text = lf.ctx.c_string(fact[1], fact[2])
    return varargs.format_arg_types(text, scanf) if text is not None else None


def _format_call(lf, name: str, ref: str, types: list[str], tail: bool) -> None:
    """printf-family call typed from its constant format (RISC-V variadic locations)."""
    b = lf.b
    fmt_index = varargs.FORMAT_FUNCS[name][0]
    gi = fmt_index + 1
    so = 0
    base = lf.sp_value()
    args = [lf.x(10 + k) for k in range(fmt_index + 1)]

    def stack_word(off: int) -> Val:
        return b.load(I64, b.gep(base, const(I64, off)))

    for t in types:
        if t == "ldouble":
            gi += gi & 1
            if gi + 1 < N_ARG:
                args.append(_pair(lf, lf.x(10 + gi), lf.x(11 + gi), F128))
                gi += 2
            else:
                gi = N_ARG
                so = (so + 15) & ~15
                args.append(_pair(lf, stack_word(so), stack_word(so + 8), F128))
                so += 16
            continue
        if gi < N_ARG:
            v = lf.x(10 + gi)
            gi += 1
        else:
            v = stack_word(so)
            so += 8
        args.append(b.bitcast(v, F64) if t == "double" else v)
    fixed = ", ".join([I64] * (fmt_index + 1))
    res = b.call(NATIVE_RET, ref, args, fnty=f"{NATIVE_RET} ({fixed}, ...)")
    _take_native_result(lf, name, res, tail)


_SLOT_WORDS = 32
SLOT_BYTES = 8 * _SLOT_WORDS


def may_reroute(name) -> bool:
    """Whether a call to ``name`` may be rerouted to its v* variant (reading SLOT_BYTES from sp)."""
    return isinstance(name, str) and name in V_VARIANT


def _slots_after(lf, first: int) -> Val:
    """A RISC-V-style va_list over this call's variadic arguments from register ``first``: the
    argument registers and the outgoing stack words, contiguous and 16-aligned like the save
    area a RISC-V variadic callee builds."""
    b = lf.b
    slots = b.alloca(f"[{N_ARG + _SLOT_WORDS} x i64]", align=16)
    for k in range(N_ARG):
        b.store(lf.x(10 + k), b.gep(slots, const(I64, 8 * k)), 8)
    base = lf.sp_value()
    for w in range(_SLOT_WORDS):
        b.store(b.load(I64, b.gep(base, const(I64, 8 * w))), b.gep(slots, const(I64, 8 * (N_ARG + w))), 8)
    return b.ptrtoint(b.gep(slots, const(I64, 8 * first)))


def aapcs_va_list(lf, slots: Val) -> Val:
    """An AAPCS64 va_list reading RISC-V va_list slots: both register areas empty, ``__stack`` at
    the slots (8-byte slots, 16-byte aligned pairs for long double, as on RISC-V)."""
    b = lf.b
    ap = b.alloca("[32 x i8]", align=16)
    b.store(b.inttoptr(slots), ap, 8)
    b.store(Val(PTR, "null"), b.gep(ap, const(I64, 8)), 8)
    b.store(Val(PTR, "null"), b.gep(ap, const(I64, 16)), 8)
    b.store(const(I32, 0), b.gep(ap, const(I64, 24)), 4)
    b.store(const(I32, 0), b.gep(ap, const(I64, 28)), 4)
    return b.ptrtoint(ap)
