"""ARM EABI (ARMv5TE, soft-float, Debian armel) at the boundary of translated x86-64 code.

The translated code keeps x86-64's 64-bit registers and its own LP64 data layout; LLVM's
``inttoptr`` truncates its 64-bit addresses to the target's 32-bit pointers, so addresses work
modulo 2**32 (a native pointer that x86 code loads as 8 bytes from a 4-byte slot still reaches the
right place).  Native code is ILP32: ``long``, ``size_t`` and pointers are 4 bytes, ``long long``
and ``double`` are 8 bytes, 8-byte aligned, and travel in even/odd core-register pairs (the
soft-float variant of AAPCS: no FP registers at all).  So, unlike AArch64, no register mapping is
exact for every signature, and this module decides per crossing:

* **With a prototype** (``--crt-prototypes``, the built-in libc/libm declarations of
  :func:`crt_cc.abi.prototypes.libc_prototypes`): every value is converted (pointers and
  ``long`` truncated or extended, structs converted member by member between the two layouts,
  x87 long double to double); the typed crossing itself is :mod:`crt_cc.abi.bridge`, the C-type
  lowering (what clang emits for AAPCS) is below.  Pointers whose pointee is laid out
  differently (``long *``, ``char **``, ``struct node *`` with pointer members) cannot be
  converted without knowing how much memory they designate: that is a diagnostic
  (:func:`check_bridgeable`), except for the libc out-parameters in :data:`OUT_PARAMS`.
* **Without one** (:func:`universal_entry`, :func:`universal_call`): each native core-register or
  stack word is one x86 integer argument, zero-extended (exact for int, unsigned, pointers and
  non-negative longs), a result comes back in r0:r1 as an ``i64`` (exact for every integer,
  pointer, float and double result: int-returning callers read r0 only).  Floating-point
  arguments are placed when the function takes nothing else, in AAPCS order; a function whose
  x86 code takes both integer and floating-point arguments gets a warning, since the order of
  the two classes (kept apart by SysV) cannot be recovered.
* printf/scanf-family calls are typed from constant format strings with ILP32 sizes (``%ld``
  passes 4 bytes, ``%lld`` 8, ``%Lf`` a double); scanf's ``long``/``size_t`` targets are widened
  back to 8 bytes after the call.  ``v*printf`` gets an ARM ``va_list`` built at run time with
  glibc's ``parse_printf_format`` (:data:`VA_HELPER`).
"""

from __future__ import annotations

from ..diagnostics import CrtError
from ..lift.ir import F32, F64, I1, I8, I16, I32, I64, PTR, V2I64, FunctionBuilder, Val, const, ity
from . import varargs
from .riscv64 import V_VARIANT  # noqa: F401  (the same v* reroutes)
from .x86_64 import N_XMM_ARGS, internal_ret

ILP32 = True
NAN_BOX_FLOATS = False
SHAPE_FROM_CODE = False
SEXT_INT32 = False
# glibc's armel jmp_buf is 392 bytes (256-byte __jmp_buf, mask flag, sigset): more than the 200
# bytes x86 code allocates, so the native buffer lives in the frame that called setjmp.
JMP_BUF_SIZE = 392
VA_LIST_KIND = "arm"
VA_HELPER = "__crt_arm_va_list"
N_CORE_ARGS = 4
# x87 registers are doubles on ARMv5 (ARM EABI long double is double): the internal result type.
INTERNAL_RET = internal_ret(F64)

# Built-in functions whose pointer-to-pointer/long arguments designate one object, copied
# across the boundary in both directions (NULL stays NULL): index of each such parameter.
OUT_PARAMS: dict[str, tuple[int, ...]] = {
    "strtol": (1,), "strtoul": (1,), "strtoll": (1,), "strtoull": (1,), "strtod": (1,), "strtof": (1,),
    "strtold": (1,), "strtoimax": (1,), "strtoumax": (1,), "strtok_r": (2,), "strsep": (0,), "getline": (0, 1), "getdelim": (0, 1),
    "posix_memalign": (0,), "time": (0,), "modfl": (1,),
}

# C library functions taking or returning `long`, called by LP64 code: their `long long`
# counterparts compute exactly what the x86-64 library does (strtol's overflow at 2**63, atol,
# lrint of 1e15...), where the ARM `long` ones would stop at 2**31.
LP64_EQUIVALENT: dict[str, str] = {
    "strtol": "strtoll", "strtoul": "strtoull", "__isoc23_strtol": "strtoll", "__isoc23_strtoul": "strtoull",
    "atol": "atoll", "labs": "llabs", "ldiv": "lldiv", "lrint": "llrint", "lround": "llround",
    "lrintf": "llrintf", "lroundf": "llroundf", "lrintl": "llrintl", "lroundl": "llroundl",
    "ftell": "ftello64", "fseek": "fseeko64",
}


# ---------------------------------------------------------------------------------------------
# C types as an AAPCS (soft-float) caller passes them; ``t`` is the LP64 CType, ``t.ilp32`` the
# ARM view (crt_cc/abi/prototypes.py).
def _n(t):
    return t.ilp32 if t.ilp32 is not None else t


def scalar_type(t32) -> str:
    """LLVM type of a scalar of ILP32 C type ``t32`` (soft-float: LLVM puts FP in core registers)."""
    if t32.kind == "int":
        return I64 if t32.size == 8 else I32
    if t32.kind == "ptr":
        return PTR
    if t32.kind == "float":
        return F32
    return F64              # double, and long double (a double on ARM EABI)


def passes_by_reference(t) -> bool:
    """Composites over 64 bytes are passed as a ``byval`` copy (clang's AAPCS lowering)."""
    return t.kind == "struct" and _n(t).size > 64


def returns_indirect(t) -> bool:
    """Composites over 4 bytes are returned through a hidden pointer in r0."""
    return t.kind == "struct" and _n(t).size > 4


def native_type(t) -> str:
    t32 = _n(t)
    if t.kind != "struct":
        return scalar_type(t32)
    if passes_by_reference(t):
        return PTR
    if t32.align >= 8:
        return f"[{(t32.size + 7) // 8} x i64]"
    return f"[{(t32.size + 3) // 4} x i32]"


def pieces(t) -> list[tuple[str, int]]:
    """LLVM argument(s) carrying a value of C type ``t``, with their offsets in the native image."""
    if passes_by_reference(t):
        t32 = _n(t)
        return [(f"ptr byval([{t32.size} x i8]) align {min(8, max(4, t32.align))}", 0)]
    return [(native_type(t), 0)]


def native_return_type(t) -> str:
    if t.kind == "void" or returns_indirect(t):
        return "void"
    if t.kind == "struct":
        size = _n(t).size
        return I8 if size <= 1 else I16 if size <= 2 else I32
    return scalar_type(_n(t))


def return_pieces(t) -> tuple[str, list[tuple[str, int]]]:
    ty = native_return_type(t)
    return ty, [(ty, 0)]


def universal_return(live: set[str]) -> tuple[str, tuple[str, ...]]:
    """r0:r1 as one i64: an int/pointer in r0, a long long or (soft-float) double in both."""
    return I64, ("rax",)


def entry_params(n_stack_words: int) -> list[str]:
    return [I32] * (N_CORE_ARGS + 2 + n_stack_words)


def entry_return(hint) -> tuple[str, tuple[str, ...]]:
    return I64, ("xmm0" if _fp_result(hint) else "rax",)


def _fp_result(hint) -> bool:
    return bool(hint is not None and hint.live and hint.live <= {"xmm0", "xmm1"})


# ---------------------------------------------------------------------------------------------
# What cannot cross
def check_bridgeable(proto, what: str, out_params: tuple[int, ...] = ()) -> None:
    """Raise a diagnostic when a value of ``proto`` cannot be converted between LP64 and ILP32.

    A pointer crosses as an address; what it points to is shared memory, which must mean the same
    to the x86-64 code and to native ARM code.  ``long``/``size_t``/pointer/long double objects
    (and structures containing them) do not, and how many of them a pointer designates is not in
    the prototype; structures passed by value are converted member by member, so only the
    pointers inside them are checked.
    """
    def bad(t, where: str, k: int | None) -> str | None:
        if t.kind == "ptr" and t.pointee and k not in out_params:
            return f"{where} ('{t.cname}') points to {t.pointee}"
        if t.kind == "struct":
            if t.ilp32 is not None and t.ilp32.issue:
                return f"{where} ('{t.cname}') cannot be converted: {t.ilp32.issue}"
            for _, leaf in t.leaves:
                if leaf.kind == "ptr" and leaf.pointee:
                    return f"{where} ('{t.cname}') has a pointer member ('{leaf.cname}') to {leaf.pointee}"
        return None

    problems = [p for p in [bad(t, f"parameter {k + 1}", k) for k, t in enumerate(proto.params)]
                + [bad(proto.ret, "the result", None)] if p]
    if problems:
        raise CrtError(f"{what} '{proto.name}' cannot cross the boundary between x86-64 code and ARM EABI "
                       f"code: {problems[0]}, which is laid out differently on the two sides "
                       "(docs/abi.md, ARMv5)")


def check_shared_data(decls, names, source_file: str | None) -> None:
    """Refuse global variables shared with native code (defined by the translated object, or used
    by it) whose declared type is laid out differently by LP64 and ILP32 code (``long x[8]``)."""
    variables = getattr(decls, "variables", {})
    for name in sorted(names):
        why = variables.get(name)
        if why:
            raise CrtError(f"global variable '{name}' is shared between x86-64 code and ARM EABI code but "
                           f"its type contains {why}, which is laid out differently on the two sides "
                           "(docs/abi.md, ARMv5)", getattr(decls, "origin", None) or source_file)


# ---------------------------------------------------------------------------------------------
# Values between the LP64 (x86) and ILP32 (native) representations
def double_to_f80(b: FunctionBuilder, v: Val) -> Val:
    """A double as an x87 80-bit value (exact), without intrinsics (usable in adapters).

    Subnormal doubles are first scaled by 2**64 (exact), so every finite non-zero value is
    normal; its exponent is rebiased and the explicit integer bit set.
    """
    bits0 = b.bitcast(v, I64)
    sub = b.icmp("eq", b.and_(bits0, const(I64, 0x7FF << 52)), const(I64, 0))
    scaled = b.op(F64, f"fmul {v}, 0x43F0000000000000")           # * 2**64
    bits = b.bitcast(b.select(sub, scaled, v), I64)
    sign = b.lshr(bits0, const(I64, 63))
    exp = b.and_(b.lshr(bits, const(I64, 52)), const(I64, 0x7FF))
    frac = b.and_(bits, const(I64, (1 << 52) - 1))
    e = b.sub(b.add(exp, const(I64, 16383 - 1023)), b.select(sub, const(I64, 64), const(I64, 0)))
    m = b.or_(const(I64, -(1 << 63)), b.shl(frac, const(I64, 11)))
    zero = b.icmp("eq", b.and_(bits0, const(I64, (1 << 63) - 1)), const(I64, 0))
    special = b.icmp("eq", b.and_(bits0, const(I64, 0x7FF << 52)), const(I64, 0x7FF << 52))
    e = b.select(zero, const(I64, 0), b.select(special, const(I64, 0x7FFF), e))
    m = b.select(zero, const(I64, 0), m)
    se = b.or_(b.shl(sign, const(I64, 15)), e)
    return b.or_(b.shl(b.zext(se, "i80"), const("i80", 64)), b.zext(m, "i80"))


def f80_to_double(b: FunctionBuilder, raw: Val) -> Val:
    from ..lift.semantics.x87 import f80_to_double as conv
    return conv(b, raw)


def _leaf_ty(t, lp64: bool) -> str:
    """Integer type holding the bits of scalar leaf ``t`` in memory."""
    if t.kind == "ldouble":
        return "i80" if lp64 else I64
    return ity(8 * t.size)


def leaf_to_native(b: FunctionBuilder, t, t32, v: Val) -> Val:
    """Bits of an LP64 scalar (as loaded from the x86 image) -> bits of its ILP32 counterpart."""
    if t.kind == "ldouble":
        return b.bitcast(f80_to_double(b, v), I64)
    return b.resize(v, 8 * t32.size)


def leaf_from_native(b: FunctionBuilder, t, t32, v: Val) -> Val:
    if t.kind == "ldouble":
        return double_to_f80(b, b.bitcast(v, F64))
    return b.resize(v, 8 * t.size, signed=t.kind == "int" and t.signed)


def same_layout(t) -> bool:
    """Whether an aggregate's bytes mean the same in both layouts (a plain copy converts it)."""
    t32 = _n(t)
    if t.kind != "struct":
        return t.kind not in ("ldouble", "ptr") and not (t.kind == "int" and t.size != t32.size)
    return t.size == t32.size and all(
        o == o32 and a.size == a32.size and a.kind != "ldouble"
        for (o, a), (o32, a32) in zip(t.leaves, t32.leaves, strict=True))


def convert_image(b: FunctionBuilder, t, src: Val, dst: Val, to_native: bool) -> None:
    """Copy a struct value between its x86 (LP64) image and its native (ILP32) image."""
    t32 = _n(t)
    if same_layout(t):
        size = min(t.size, t32.size)
        n8, rest = divmod(size, 8)
        for k in range(n8):
            b.store(b.load(I64, b.gep(src, const(I64, 8 * k))), b.gep(dst, const(I64, 8 * k)))
        for k in range(8 * n8, size):
            b.store(b.load(I8, b.gep(src, const(I64, k))), b.gep(dst, const(I64, k)))
        return
    for (o, a), (o32, a32) in zip(t.leaves, t32.leaves, strict=True):
        if to_native:
            v = b.load(_leaf_ty(a, True), b.gep(src, const(I64, o)))
            b.store(leaf_to_native(b, a, a32, v), b.gep(dst, const(I64, o32)))
        else:
            v = b.load(_leaf_ty(a32, False), b.gep(src, const(I64, o32)))
            b.store(leaf_from_native(b, a, a32, v), b.gep(dst, const(I64, o)))


def word_to_native(b: FunctionBuilder, t, w: Val) -> Val:
    """The x86 register word (GPR, or an XMM's low half) of a scalar argument -> its native value."""
    t32 = _n(t)
    if t.kind == "float":
        return b.bitcast(b.trunc(w, I32), F32)
    if t.kind == "double":
        return b.bitcast(w, F64)
    if t.kind == "ptr":
        return b.inttoptr(w)
    if t32.size == 8:
        return w
    if t.size < 4:        # char/short: extended to 32 bits as AAPCS callers do
        return b.resize(b.trunc(w, ity(8 * t.size)), 32, signed=t.signed)
    return b.trunc(w, I32)


def native_to_word(b: FunctionBuilder, t, v: Val) -> Val:
    """A native scalar -> the 64-bit word x86 code expects in rax (or in an XMM's low half).

    ``long`` results are sign- or zero-extended by their signedness, pointers zero-extended;
    narrower integers are extended to 32 bits by their type and then zero-extended, as an x86
    32-bit register write does.
    """
    if t.kind == "float":
        return b.zext(b.bitcast(v, I32), I64)
    if t.kind in ("double", "ldouble"):
        return b.bitcast(v, I64)
    if v.ty == PTR:
        return b.ptrtoint(v)
    if t.size == 8:
        return b.resize(v, 64, signed=t.signed)
    v = b.resize(b.trunc(v, ity(8 * t.size)), 32, signed=t.signed)
    return b.zext(v, I64)


# ---------------------------------------------------------------------------------------------
# Recovering argument classes from the x86 code (no prototype)
def _reads_single(insn) -> bool | None:
    """For an instruction reading an XMM register: True single, False double, None: cannot tell."""
    m = insn.mnemonic
    if m.startswith(("cvtss", "cvttss")) or m.endswith("ss"):
        return True
    if m.startswith(("cvtsd", "cvttsd")) or m.endswith("sd"):
        return False
    return None


def entry_arguments(lf) -> tuple[list[int], list[bool | None]]:
    """Integer argument registers (indices into rdi..r9) and XMM arguments (single?) the function
    reads before writing them, on some path from its entry.

    Calls are not taken to read anything (their arity is unknown; a wrapper that only passes its
    arguments on still gets them, since r0-r3 are always mapped) and ``ret`` neither.
    """
    from ..lift import results
    names = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"] + [f"xmm{k}" for k in range(N_XMM_ARGS)]
    first: dict[str, object] = {}
    for reg in names:
        seen: set[int] = set()
        work = [lf.fn.start]
        while work and reg not in first:
            s = work.pop()
            for x in lf.blocks[s]:
                m = x.mnemonic
                if m.startswith(("call", "ret")) or m.endswith(" call"):
                    break                   # argument registers are clobbered / not arguments
                rd, wr = results._access(x)
                if reg in rd:
                    first[reg] = x
                    break
                if reg in wr:
                    break
            else:
                for o in lf.succs.get(s, []):
                    if o not in seen:
                        seen.add(o)
                        work.append(o)
    ints = [k for k, r in enumerate(names[:6]) if r in first]
    fps = [_reads_single(first[f"xmm{k}"]) if f"xmm{k}" in first else "unused" for k in range(N_XMM_ARGS)]
    n_fp = max([k + 1 for k, f in enumerate(fps) if f != "unused"], default=0)
    return ints, [None if f == "unused" else f for f in fps[:n_fp]]


# ---------------------------------------------------------------------------------------------
# native -> translated without a prototype
MARKER = (0x43525478, 0x38366134)       # "xTRC" "4a68": prefix words of translated entry points


def marker_prefix(internal: str) -> str:
    """Prefix data before an entry point: two marker words and the internal (x86-convention)
    function, so that translated code calling through a function pointer can recognise a
    translated function and call it with the exact internal convention (:func:`universal_call`)."""
    return f" prefix <{{ i32, i32, ptr }}> <{{ i32 {MARKER[0]}, i32 {MARKER[1]}, ptr {internal} }}>"


def universal_entry(ctx, fn, name: str, linkage: str, n_words: int, hint, internal: str,
                    returns_x87: bool, context_save: bool = False) -> str:
    """Native entry point of a translated function without prototype (see the module docstring).

    ``main`` also gets its ``argv``/``envp`` vectors rebuilt with 8-byte pointers.
    ``context_save``: the adapter a setjmp-like function's naked entry calls: %eax in r0 and
    the jmp_buf's address (%rdx) in r1 (lift/context.py).
    """
    from ..lift.function import FunctionLifter
    lf = FunctionLifter(ctx, fn)
    lf._build_cfg()
    ints, fps = entry_arguments(lf)
    b = FunctionBuilder()
    b.position(b.new_block("entry"))
    params: list[str] = []
    gprs: list[Val] = []
    xmms: list[Val] = []
    stack: list[Val] = []

    def param(ty: str) -> Val:
        v = Val(ty, f"%p{len(params)}")
        params.append(f"{ty} {v.ref}")
        return v

    if fn.name == "main" and fn.exported:
        gprs.append(b.zext(param(I32), I64))
        for k in (1, 2):
            p = param(PTR)
            gprs.append(_widen_vector(b, p) if k in ints else b.ptrtoint(p))
    elif fps and not ints:
        # Only FP arguments: AAPCS soft-float puts them in core registers in order, doubles in
        # even/odd pairs; a single is recognised by the ss-form instruction reading it first.
        for single in fps:
            v = param(F32 if single else F64)
            w = b.zext(b.bitcast(v, I32), I64) if single else b.bitcast(v, I64)
            xmms.append(b.insert(Val(V2I64, "zeroinitializer"), w, 0))
        for _ in range(n_words):
            stack.append(b.zext(param(I32), I64))
    else:
        if fps and fn.exported:
            ctx.options.warnings.append(
                f"'{fn.name}' takes integer and floating-point arguments: their order in ARM core "
                "registers cannot be recovered from the x86 code (integers are assumed first); give "
                "its prototype with --crt-prototypes (docs/abi.md, ARMv5)")
        n_int = max([k + 1 for k in ints] + [N_CORE_ARGS])
        if n_words:
            n_int = 6
        for _ in range(n_int):
            gprs.append(b.zext(param(I32), I64))
        for _ in range(n_words):
            stack.append(b.zext(param(I32), I64))
        for single in fps:
            v = param(F32 if single else F64)
            w = b.zext(b.bitcast(v, I32), I64) if single else b.bitcast(v, I64)
            xmms.append(b.insert(Val(V2I64, "zeroinitializer"), w, 0))
    argp = b.alloca(f"[{max(1, n_words)} x i64]", align=16)
    for k, w in enumerate(stack):
        b.store(w, b.gep(argp, const(I64, 8 * k)), 8)
    gprs = gprs[:6]
    args = gprs + [const(I64, 0)] * (6 - len(gprs)) + [const(I64, len(xmms))]
    args += xmms + [Val(V2I64, "zeroinitializer")] * (N_XMM_ARGS - len(xmms)) + [argp]
    res = b.call(INTERNAL_RET, internal, args)
    if context_save:
        lo = b.and_(b.extractvalue(res, 0, I64), const(I64, 0xFFFFFFFF))
        out = b.or_(lo, b.shl(b.extractvalue(res, 1, I64), const(I64, 32)))
    elif returns_x87:
        out = b.bitcast(b.extractvalue(res, 4, F64), I64)
    elif _fp_result(hint):
        out = b.extract(b.extractvalue(res, 2, V2I64), 0)
    else:
        out = b.extractvalue(res, 0, I64)
    b.terminate(f"ret {out}")
    return b.render(f"define {linkage}i64 {name}({', '.join(params)}){marker_prefix(internal)}")


def _widen_vector(b: FunctionBuilder, p: Val) -> Val:
    """A NULL-terminated vector of native (4-byte) pointers copied to 8-byte slots (argv, envp).

    The copy lives in the entry point's frame, which for ``main`` lasts as long as the program.
    """
    head = b.cur
    loop = b.new_block()
    done = b.new_block()
    i = b.tmp()
    b.terminate(f"br label %{loop.label}")
    b.position(loop)
    b.emit(f"{i} = phi i32 [ 0, %{head.label} ], [ {i}.next, %{loop.label} ]")
    e = b.load(I32, b.op(PTR, f"getelementptr i32, {p}, i32 {i}"), 4)
    b.emit(f"{i}.next = add i32 {i}, 1")
    b.terminate(f"br {b.icmp('eq', e, const(I32, 0))}, label %{done.label}, label %{loop.label}")
    b.position(done)
    n = Val(I32, f"{i}.next")
    v = b.op(PTR, f"alloca i64, {n}, align 8")
    copy = b.new_block()
    end = b.new_block()
    j = b.tmp()
    b.terminate(f"br label %{copy.label}")
    b.position(copy)
    b.emit(f"{j} = phi i32 [ 0, %{done.label} ], [ {j}.next, %{copy.label} ]")
    w = b.load(I32, b.op(PTR, f"getelementptr i32, {p}, i32 {j}"), 4)
    b.store(b.zext(w, I64), b.op(PTR, f"getelementptr i64, {v}, i32 {j}"), 8)
    b.emit(f"{j}.next = add i32 {j}, 1")
    b.terminate(f"br {b.icmp('eq', Val(I32, f'{j}.next'), n)}, label %{end.label}, label %{copy.label}")
    b.position(end)
    return b.ptrtoint(v)


# ---------------------------------------------------------------------------------------------
# translated -> native without a prototype
def universal_call(lf, callee, name: str | None, tail: bool) -> None:
    """A call from translated code to native code (or to a function pointer) on ARM EABI."""
    from ..lift.function import RETURNS_TWICE
    from .prototypes import libc_prototypes
    ctx = lf.ctx
    b = lf.b
    ref = callee if isinstance(callee, str) else callee.ref
    base = lf.stack_ptr(0) if not tail else lf.frame_ptr(8)
    if name in varargs.FORMAT_FUNCS and _format_call(lf, ref, name, base, tail):
        return
    if name in V_VARIANT and name in varargs.FORMAT_FUNCS:
        # A printf whose format is not a constant: its argument classes are only known at run
        # time, so the arguments go to the v* variant as an x86 va_list, converted there.
        fi = varargs.FORMAT_FUNCS[name][0]
        ap = lf.x86_va_list(fi + 1, base)
        ints = [b.trunc(lf.get64(r), I32) for r in _ARG_GPRS()[:fi + 1]]
        ints.append(_arm_va_list(lf, lf.get64(_ARG_GPRS()[fi]), ap, False))
        ref = ctx.external(V_VARIANT[name])
        res = b.call(I64, ref, ints, fnty=f"i64 ({', '.join(a.ty for a in ints)})")
        _widen_string_out(lf, name)
        _finish(lf, res, tail, name)
        return
    if name in varargs.VA_LIST_FUNCS:
        idx = varargs.VA_LIST_FUNCS[name]
        ints = [b.trunc(lf.get64(r), I32) for r in _ARG_GPRS()[:idx + 1]]
        ints[idx] = _arm_va_list(lf, lf.get64(_ARG_GPRS()[idx - 1]), lf.get64(_ARG_GPRS()[idx]), "scanf" in name)
        res = b.call(I64, ref, ints, fnty=f"i64 ({', '.join(a.ty for a in ints)})")
        _widen_string_out(lf, name)
        _finish(lf, res, tail, name)
        return
    if name in RUNTIME_HELPERS:
        _runtime_helper(lf, name, tail)
        return
    proto = libc_prototypes().get(name) if name else None
    if proto is not None and not proto.variadic and name not in RETURNS_TWICE:
        from . import bridge
        ctx.typed_externals[name] = proto
        if tail:
            lf.max_arg_off = max(lf.max_arg_off, 8 + 8 * bridge.stack_words(proto))
        bridge.native_call(lf, ctx.native, proto, ref, base, tail)
        from ..lift.function import NORETURN
        if not tail and name in NORETURN:
            b.terminate("unreachable")
        return
    join = _maybe_translated(lf, callee, base, tail) if isinstance(callee, Val) else None
    _plain_call(lf, ref, name, base, tail)
    if join is not None and not b.cur.terminated:
        b.terminate(f"br label %{join.label}")
        b.position(join)


# libgcc's helpers for 128-bit integers and bit counts, as x86-64 gcc calls them: ARM's libgcc has
# no TImode functions, and its DImode ones take r0:r1, so they are computed inline instead.
# name -> (operation, operand width: 64 or 128, result: "int", "wide" or "divmod")
RUNTIME_HELPERS: dict[str, tuple[str, int, str]] = {
    "__divti3": ("sdiv", 128, "wide"), "__udivti3": ("udiv", 128, "wide"),
    "__modti3": ("srem", 128, "wide"), "__umodti3": ("urem", 128, "wide"),
    "__multi3": ("mul", 128, "wide"),
    "__divmodti4": ("sdiv", 128, "divmod"), "__udivmodti4": ("udiv", 128, "divmod"),
    "__ashlti3": ("shl", 128, "shift"), "__ashrti3": ("ashr", 128, "shift"), "__lshrti3": ("lshr", 128, "shift"),
    "__popcountdi2": ("ctpop", 64, "int"), "__popcountti2": ("ctpop", 128, "int"),
    "__paritydi2": ("parity", 64, "int"), "__parityti2": ("parity", 128, "int"),
    "__clzdi2": ("ctlz", 64, "int"), "__clzti2": ("ctlz", 128, "int"),
    "__ctzdi2": ("cttz", 64, "int"), "__ctzti2": ("cttz", 128, "int"),
    "__ffsdi2": ("ffs", 64, "int"), "__ffsti2": ("ffs", 128, "int"),
    "__bswapdi2": ("bswap", 64, "wide"), "__bswapsi2": ("bswap", 32, "wide"),
}


def _runtime_helper(lf, name: str, tail: bool) -> None:
    """A libgcc integer helper (:data:`RUNTIME_HELPERS`) computed on the x86 argument registers."""
    from ..lift.regs import ARG_GPRS, RAX, RDX
    b = lf.b
    op, bits, kind = RUNTIME_HELPERS[name]
    ty = ity(bits)

    def wide(lo_reg: int, hi_reg: int) -> Val:
        if bits <= 64:
            return b.trunc(lf.get64(ARG_GPRS[lo_reg]), ty)
        lo = b.zext(lf.get64(ARG_GPRS[lo_reg]), ty)
        return b.or_(lo, b.shl(b.zext(lf.get64(ARG_GPRS[hi_reg]), ty), const(ty, 64)))

    a = wide(0, 1)
    rax = rdx = None
    if kind in ("wide", "divmod") and op not in ("bswap",):
        c = wide(2, 3)
        r = b.bin(op, a, c)
        if kind == "divmod":
            rem = b.bin("srem" if op == "sdiv" else "urem", a, c)
            b.store(rem, b.inttoptr(lf.get64(ARG_GPRS[4])), 8)
    elif op == "bswap":
        r = b.intrinsic(f"llvm.bswap.{ty}", ty, [a])
    elif kind == "shift":
        r = b.bin(op, a, b.zext(b.trunc(lf.get64(ARG_GPRS[2]), I8), ty))
    else:
        if op == "ffs":
            tz = b.intrinsic(f"llvm.cttz.{ty}", ty, [a, const(I1, 0)])
            r = b.select(b.icmp("eq", a, const(ty, 0)), const(ty, 0), b.add(tz, const(ty, 1)))
        elif op == "parity":
            r = b.and_(b.intrinsic(f"llvm.ctpop.{ty}", ty, [a]), const(ty, 1))
        elif op == "ctpop":
            r = b.intrinsic(f"llvm.ctpop.{ty}", ty, [a])
        else:
            r = b.intrinsic(f"llvm.{op}.{ty}", ty, [a, const(I1, 0)])
        rax = b.zext(b.trunc(r, I32), I64)
    if rax is None:
        rax = b.resize(r, 64)
        if bits == 128:
            rdx = b.trunc(b.lshr(r, const(ty, 64)), I64)
    if tail:
        agg = b.insertvalue(Val(lf.internal_ret, "undef"), rax, 0)
        if rdx is not None:
            agg = b.insertvalue(agg, rdx, 1)
        b.terminate(f"ret {agg}")
        return
    lf.set64(RAX, rax)
    if rdx is not None:
        lf.set64(RDX, rdx)


def _ARG_GPRS() -> list[int]:
    from ..lift.regs import ARG_GPRS
    return ARG_GPRS


def _finish(lf, res: Val, tail: bool, name: str | None) -> None:
    """Results of a universal call: rax = r0 zero-extended, xmm0 = r0:r1 (a soft-float double)."""
    from ..lift.function import NORETURN
    from ..lift.regs import RAX
    b = lf.b
    rax = b.zext(b.trunc(res, I32), I64)
    x0 = b.insert(Val(V2I64, "zeroinitializer"), res, 0)
    if tail:
        agg = b.insertvalue(Val(lf.internal_ret, "undef"), rax, 0)
        agg = b.insertvalue(agg, x0, 2)
        b.terminate(f"ret {agg}")
        return
    lf.set64(RAX, rax)
    lf.set_xmm(0, x0)
    if name in NORETURN:
        b.terminate("unreachable")


def _call_arguments(lf, base: Val, tail: bool) -> tuple[list[Val], list[Val]]:
    """(integer arguments, floating-point arguments) the x86 code sets up for this call.

    Integer registers count when the function itself wrote them before the call; XMM registers
    when written in the call's block after any earlier call (their usual pattern); stack words are
    the stores at or above the call's rsp.
    """
    from ..lift import results
    b = lf.b
    insn = lf.insn
    start, idx = lf.position[insn.addr]
    block = lf.blocks[start][:idx]
    since = max([k + 1 for k, x in enumerate(block) if x.mnemonic.startswith("call")], default=0)
    names = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"]
    n_int = 0
    for k, reg in enumerate(names):
        ws = results.last_writers(lf, start, idx, reg)
        if any(w is not None and not w.mnemonic.startswith("call") for w in ws):
            n_int = k + 1
    k_words = lf.outgoing_stack_words() if not tail else lf.max_arg_words_for_tail()
    fps: list[Val] = []
    for k in range(N_XMM_ARGS):
        ws = results.last_writers(lf, start, idx, f"xmm{k}")
        if not any(w is not None and w in block[since:] for w in ws):
            break
        kinds = {results.is_single(w) for w in ws}
        low = b.extract(lf.get_xmm(k), 0)
        fps.append(b.bitcast(b.trunc(low, I32), F32) if True in kinds and False not in kinds
                   else b.bitcast(low, F64))
    if k_words:
        n_int = 6
    elif not fps:
        n_int = max(n_int, N_CORE_ARGS)     # r0-r3 cost nothing: pass what the x86 registers hold
    ints = [b.trunc(lf.get64(r), I32) for r in _ARG_GPRS()[:n_int]]
    ints += [b.trunc(b.load(I64, b.gep(base, const(I64, 8 * w)), 8), I32) for w in range(k_words)]
    return ints, fps


def _plain_call(lf, ref: str, name: str | None, base: Val, tail: bool) -> None:
    from ..lift.function import RETURNS_TWICE, SETJMP
    from ..lift.regs import RDI
    b = lf.b
    ints, fps = _call_arguments(lf, base, tail)
    if name in SETJMP or name in ("longjmp", "_longjmp", "siglongjmp", "__longjmp_chk"):
        # The x86 jmp_buf (200 bytes) is too small for glibc's armel one (392): the native buffer
        # lives in this frame (setjmp's context is only valid while it does) and the x86 buffer
        # holds its address.
        x86buf = b.inttoptr(lf.get64(RDI))
        if name in SETJMP:
            nb = b.alloca(f"[{JMP_BUF_SIZE} x i8]", align=8)
            b.store(b.ptrtoint(nb), x86buf, 8)
            ints = [b.trunc(b.ptrtoint(nb), I32)] + ints[1:]
        else:
            ints = [b.trunc(b.load(I64, x86buf, 8), I32)] + ints[1:]
        ints = [ints[0], b.trunc(lf.get64(_ARG_GPRS()[1]), I32)]
        fps = []
    if fps and ints and name:
        lf.ctx.options.warnings.append(
            f"call to '{name}' passes integer and floating-point arguments: their order in ARM core "
            "registers cannot be recovered from the x86 code; declare it with --crt-prototypes "
            "(docs/abi.md, ARMv5)")
    args = ints + fps
    attrs = ""
    if name in RETURNS_TWICE:
        attrs = "#0"
        lf.ctx.mark_returns_twice(lf.fn)
    res = b.call(I64, ref, args, attrs=attrs, fnty=f"i64 ({', '.join(a.ty for a in args)})")
    _finish(lf, res, tail, name)


def _maybe_translated(lf, fp: Val, base: Val, tail: bool):
    """An indirect call: when the target is a translated function (its entry point carries the
    :data:`MARKER` prefix), call its body with the exact internal x86 convention, which keeps
    64-bit values, doubles and structs intact; otherwise the native call that the caller emits
    next (in the block this leaves positioned).  Returns the block both paths continue in (None
    for a tail call)."""
    b = lf.b
    addr = b.trunc(b.ptrtoint(fp), I32)
    aligned = b.icmp("eq", b.and_(addr, const(I32, 3)), const(I32, 0))
    ok = b.and_(aligned, b.icmp("uge", addr, const(I32, 4096 + 12)))
    check, hit, miss = b.new_block(), b.new_block(), b.new_block()
    b.terminate(f"br {ok}, label %{check.label}, label %{miss.label}")
    b.position(check)
    p = b.inttoptr(b.zext(addr, I64))
    w0 = b.load(I32, b.gep(p, const(I64, -12)), 4)
    w1 = b.load(I32, b.gep(p, const(I64, -8)), 4)
    ours = b.and_(b.icmp("eq", w0, const(I32, MARKER[0])), b.icmp("eq", w1, const(I32, MARKER[1])))
    b.terminate(f"br {ours}, label %{hit.label}, label %{miss.label}")
    b.position(hit)
    body = b.load(PTR, b.gep(p, const(I64, -4)), 4)
    res = b.call(lf.internal_ret, body.ref, lf.internal_args(base))
    join = None
    if tail:
        b.terminate(f"ret {res}")
    else:
        lf.take_internal_result(res)
        join = b.new_block()
        b.terminate(f"br label %{join.label}")
    b.position(miss)
    return join


# ---------------------------------------------------------------------------------------------
# printf/scanf families
# printf-family functions whose first argument is a `char **` result (a 4-byte pointer is stored).
_STRING_OUT = ("asprintf", "__asprintf_chk", "vasprintf", "__vasprintf_chk")
_WIDE_INT_LENGTHS = ("ll", "q", "j", "L") + varargs.LP64_ONLY_LENGTHS


def _c_string_constant(lf, text: str) -> Val:
    """Address of a private constant holding ``text`` (NUL-terminated), defined once per module."""
    import hashlib
    data = text.encode("latin-1") + b"\0"
    name = '@"crt.fmt.' + hashlib.sha1(data).hexdigest()[:16] + '"'
    body = "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\{c:02X}" for c in data)
    # Module-level text a function needs travels in its builder's declarations (see
    # crt_cc/lift/module.py build): keyed by name, so each constant is emitted once.
    lf.b.intrinsics[name] = f'{name} = private unnamed_addr constant [{len(data)} x i8] c"{body}", align 1'
    return Val(PTR, name)


def _widen_string_out(lf, name: str) -> None:
    """After (v)asprintf: the native callee stored a 4-byte pointer into the x86 code's 8-byte
    ``char *`` (its first argument): zero-extend it in place."""
    if name in _STRING_OUT:
        b = lf.b
        p = b.inttoptr(lf.get64(_ARG_GPRS()[0]))
        b.store(b.zext(b.load(I32, p), I64), p)


def _format_call(lf, ref: str, name: str, base: Val, tail: bool) -> bool:
    """A printf/scanf-family call typed from its constant format string.

    ``long``-sized conversions are rewritten to ``ll`` ones (:func:`varargs.widen_long_conversions`)
    and get the x86 code's 8-byte value (printf) or object (scanf), so the native library prints
    and reads exactly what the x86-64 library would; other integers and pointers pass 4 bytes,
    doubles a core-register pair, long doubles a double.
    """
    from ..lift.regs import ARG_GPRS
    ctx = lf.ctx
    b = lf.b
    fmt_index, scanf = varargs.FORMAT_FUNCS[name]
    loc = lf.known_addresses().get(lf.insn.addr, {}).get(ARG_GPRS[fmt_index])
    fmt = ctx.c_string(*loc) if loc is not None else None
    specs = varargs.format_arg_specs(fmt, scanf) if fmt is not None else None
    if specs is None:
        return False
    args = [b.trunc(lf.get64(ARG_GPRS[i]), I32) for i in range(fmt_index + 1)]
    wide = varargs.widen_long_conversions(fmt)
    if wide != fmt:
        args[fmt_index] = _c_string_constant(lf, wide)
    fixed = ", ".join(a.ty for a in args)
    widen: list[tuple[Val, str]] = []        # scanf: x86 objects to widen after the call
    types = [cls for cls, _, _ in specs]
    for (cls, length, conv), (kind, where) in zip(specs, varargs.x86_locations(fmt_index + 1, types),
                                                  strict=True):
        if kind == "gpr":
            w = lf.get64(ARG_GPRS[where])
        elif kind == "xmm":
            w = b.extract(lf.get_xmm(where), 0)
        elif cls == "ldouble":
            w = b.bitcast(f80_to_double(b, b.load("i80", b.gep(base, const(I64, where)))), I64)
        else:
            w = b.load(I64, b.gep(base, const(I64, where)), 8)
        if cls in ("double", "ldouble"):
            args.append(b.bitcast(w, F64))
        elif cls == "int" and length in _WIDE_INT_LENGTHS and conv != "c":
            args.append(w)
        else:
            args.append(b.trunc(w, I32))
        if scanf and conv == "p":
            widen.append((w, "p"))           # a 4-byte pointer into an 8-byte one
        elif scanf and conv in "fFeEgGaA" and length == "L":
            widen.append((w, "L"))           # a double into an x87 long double
    res = b.call(I32, ref, args, fnty=f"i32 ({fixed}, ...)")
    _widen_string_out(lf, name)
    for w, how in widen:
        p = b.inttoptr(w)
        if how == "L":
            b.store(double_to_f80(b, b.load(F64, p)), p)
        else:
            b.store(b.zext(b.load(I32, p), I64), p)
    _finish(lf, b.sext(res, I64), tail, name)
    return True


def _arm_va_list(lf, fmt: Val, x86_ap: Val, scanf: bool) -> Val:
    """An ARM va_list (a pointer to the argument words) for what an x86 va_list designates."""
    b = lf.b
    out = b.alloca(f"[{VA_WORDS} x i32]", align=8)
    lf.ctx.need_helper(VA_HELPER)
    r = b.call(PTR, f"@{VA_HELPER}", [b.inttoptr(fmt), b.inttoptr(x86_ap), out, const(I1, int(scanf))],
               fnty="ptr (ptr, ptr, ptr, i1)")
    return b.trunc(b.ptrtoint(r), I32)


VA_WORDS = 160      # 64 arguments, 8-byte ones taking an aligned pair


def _va_helper_ir() -> str:
    """``__crt_arm_va_list(fmt, x86_ap, out, all_pointers)``: lay out the arguments an x86-64
    va_list designates as an ARM EABI argument area (4-byte words, 8-byte values 8-aligned), by
    the types glibc's ``parse_printf_format`` reads from the format (scanf: all pointers)."""
    b = FunctionBuilder()
    head = b.new_block("entry")
    b.position(head)
    types = b.alloca("[64 x i32]", align=4)
    n = b.call(I32, "@parse_printf_format", [Val(PTR, "%fmt"), const(I32, 64), types],
               fnty="i32 (ptr, i32, ptr)")
    nn = b.select(b.icmp("ult", n, const(I32, 64)), n, const(I32, 64))
    loop, body, nxt, out_blk = b.new_block("loop"), b.new_block("body"), b.new_block("next"), b.new_block("exit")
    b.terminate(f"br label %{loop.label}")
    b.position(loop)
    b.emit(f"%i = phi i32 [ 0, %{head.label} ], [ %i1, %{nxt.label} ]")
    b.emit(f"%k = phi i32 [ 0, %{head.label} ], [ %k1, %{nxt.label} ]")
    b.terminate(f"br {b.icmp('uge', Val(I32, '%i'), nn)}, label %{out_blk.label}, label %{body.label}")
    b.position(body)
    t = b.load(I32, b.op(PTR, "getelementptr i32, ptr %types_, i32 %i".replace("%types_", types.ref)), 4)
    base_t = b.and_(t, const(I32, ~0xFF00))
    ldbl = b.icmp("ne", b.and_(t, const(I32, 0x100)), const(I32, 0))
    is_dbl = b.and_(b.icmp("eq", base_t, const(I32, 7)), b.xor(Val(I1, "%all_gp"), const(I1, 1)))
    wide_int = b.and_(b.and_(b.icmp("ult", base_t, const(I32, 6)), ldbl), b.xor(Val(I1, "%all_gp"), const(I1, 1)))
    ap = Val(PTR, "%ap")
    # x86 fetches: integer class from the GP save area or the overflow area, double from the FP
    # save area or overflow, long double from the overflow area (16-aligned, 16 bytes)
    gpo = b.load(I32, ap, 4)
    fpo_p = b.gep(ap, const(I64, 4))
    fpo = b.load(I32, fpo_p, 4)
    ovp = b.gep(ap, const(I64, 8))
    ov = b.load(I64, ovp, 8)
    rs = b.load(I64, b.gep(ap, const(I64, 16)), 8)
    is_ld = b.and_(is_dbl, ldbl)
    is_fp = b.and_(is_dbl, b.xor(ldbl, const(I1, 1)))
    in_fp = b.and_(is_fp, b.icmp("ult", fpo, const(I32, 176)))
    in_gp = b.and_(b.xor(is_dbl, const(I1, 1)), b.icmp("ult", gpo, const(I32, 48)))
    in_regs = b.or_(in_fp, in_gp)
    reg_off = b.zext(b.select(in_fp, fpo, gpo), I64)
    ov_al = b.select(is_ld, b.and_(b.add(ov, const(I64, 15)), const(I64, -16)), ov)
    src = b.select(in_regs, b.add(rs, reg_off), ov_al)
    sp = b.inttoptr(src)
    raw = b.load(I64, sp, 1)
    ldv = b.bitcast(f80_to_double(b, b.load("i80", sp, 1)), I64)
    val = b.select(is_ld, ldv, raw)
    b.store(b.select(in_fp, b.add(fpo, const(I32, 16)), fpo), fpo_p, 4)
    b.store(b.select(in_gp, b.add(gpo, const(I32, 8)), gpo), ap, 4)
    step = b.select(is_ld, const(I64, 16), const(I64, 8))
    b.store(b.select(in_regs, ov, b.add(ov_al, step)), ovp, 8)
    eight = b.or_(is_dbl, wide_int)
    k = Val(I32, "%k")
    kk = b.select(eight, b.and_(b.add(k, const(I32, 1)), const(I32, -2)), k)
    dst = b.op(PTR, f"getelementptr i32, ptr %out, i32 {kk.ref}")
    lo = b.trunc(val, I32)
    hi = b.trunc(b.lshr(val, const(I64, 32)), I32)
    b.store(lo, dst, 4)
    b.store(b.select(eight, hi, b.load(I32, b.gep(dst, const(I64, 4)), 4)), b.gep(dst, const(I64, 4)), 4)
    k2 = b.add(kk, b.select(eight, const(I32, 2), const(I32, 1)))
    b.terminate(f"br label %{nxt.label}")
    b.position(nxt)
    b.emit(f"%k1 = add i32 {k2.ref}, 0")
    b.emit("%i1 = add i32 %i, 1")
    b.terminate(f"br label %{loop.label}")
    b.position(out_blk)
    b.terminate("ret ptr %out")
    return b.render("define internal ptr @__crt_arm_va_list(ptr %fmt, ptr %ap, ptr %out, i1 %all_gp) noinline")


def __getattr__(attr: str):
    """``VA_HELPER_IR`` is generated on first use (it needs the lifter's IR helpers)."""
    if attr == "VA_HELPER_IR":
        return _va_helper_ir()      # (crt_cc/lift/module.py declares parse_printf_format)
    raise AttributeError(attr)


# ---------------------------------------------------------------------------------------------
# Data
def data_pointer(expr: str) -> str:
    """A relocated 8-byte pointer field of the x86 data layout: the 32-bit address, zero-extended
    (an LLVM ``ptr`` field would be 4 bytes on ARM and shift everything after it)."""
    return f"[2 x i32] [i32 ptrtoint (ptr {expr} to i32), i32 0]"


def data_word32(expr: str) -> str:
    """A relocated 4-byte absolute field (R_X86_64_32/32S): the 32-bit address."""
    return f"i32 ptrtoint (ptr {expr} to i32)"


# Native machine context of setjmp-like translated functions (lift/context.py): r4-r11, lr
# (where the function returns) and the caller's sp, at these offsets of the jmp_buf the x86
# code stores into.  Soft-float EABI: no floating-point registers to keep.
CONTEXT_SIZE = 40


def context_save_asm(adapter: str) -> list[str]:
    """Body of the naked entry of a setjmp-like function: save the context on the stack, call
    the entry ``adapter`` (r0 its result, r1 the jmp_buf), copy the context there, return."""
    out = ["sub sp, sp, #40", "stmia sp, {r4-r11, lr}", "add ip, sp, #40", "str ip, [sp, #36]",
           f"bl {adapter}"]
    for off in range(0, 40, 4):
        out += [f"ldr r2, [sp, #{off}]", f"str r2, [r1, #{off}]"]
    out += ["ldr lr, [sp, #32]", "add sp, sp, #40", "bx lr"]
    return out


# longjmp-like: restore the context at r0; setjmp returns r1 once more.
CONTEXT_RESTORE_ASM = ["mov ip, r0", "mov r0, r1", "ldr r1, [ip, #36]", "ldmia ip, {r4-r11, lr}", "mov sp, r1",
                       "bx lr"]


# glibc's ARM EABI `struct stat64`: 64-bit members 8-aligned (abi/i386.py has the i386 one).
STAT64_SIZE = 104
STAT64_LAYOUT = {
    "st_dev": (0, 8, False), "__st_ino": (12, 4, False), "st_mode": (16, 4, False), "st_nlink": (20, 4, False),
    "st_uid": (24, 4, False), "st_gid": (28, 4, False), "st_rdev": (32, 8, False), "st_size": (48, 8, True),
    "st_blksize": (56, 4, True), "st_blocks": (64, 8, True), "st_atim": (72, 8, False), "st_mtim": (80, 8, False),
    "st_ctim": (88, 8, False), "st_ino": (96, 8, False),
}

# open()'s flag bits where x86 Linux and ARM differ (the same as AArch64's, abi/aarch64.py).
OPEN_FLAG_BITS = ((0o40000, 0o200000), (0o100000, 0o400000), (0o200000, 0o40000), (0o400000, 0o100000))
