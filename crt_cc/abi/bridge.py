"""Typed boundary crossings: SysV (translated side) <-> the target ABI (native side) from a C prototype.

Without a prototype every crossing uses the target's universal register mapping
(:mod:`crt_cc.abi.aarch64`, :mod:`crt_cc.abi.riscv64`).  With one (``--crt-prototypes`` or the
built-in libc/libm declarations) each argument and the result are placed exactly: SysV x86-64
classification on the translated side (:func:`x86_64.sysv_classes`), the target module's lowering
to LLVM types on the native side (``nat.pieces`` / ``nat.return_pieces``: what clang emits), and
LLVM's backend does the register assignment.  Values move between the two through their memory
image, which is the same on both sides (LP64 little-endian, same struct layout); only long double
changes representation (x87 80-bit in memory on x86-64, binary128 on the targets).

Two directions:

* :func:`entry_adapter` - the native entry point of an exported translated function;
* :func:`native_call` - a call from translated code to a native function.

On an ILP32 target (ARM EABI, ``nat.ILP32``) the two images differ: pointers and ``long`` are 4
bytes natively, structs are laid out anew, long double is a double.  The ``_ilp32`` variants below
convert every value (scalars by width and signedness, structs member by member, see
:func:`crt_cc.abi.arm.convert_image`) and refuse what cannot be converted
(:func:`crt_cc.abi.arm.check_bridgeable`).
"""

from __future__ import annotations

from ..diagnostics import CrtError
from ..lift.ir import F32, F64, F128, I64, PTR, V2I64, FunctionBuilder, Val, const, ity
from .prototypes import CType, Prototype
from .x86_64 import INTERNAL_RET, N_XMM_ARGS, sysv_classes, sysv_memory_return

N_GPR_ARGS = 6


class _Shim:
    """The part of a FunctionLifter the x87 conversions need (just the builder)."""

    def __init__(self, b: FunctionBuilder):
        self.b = b
        self.x87_ty = F128      # the LP64 targets' long double (ILP32 converts to double directly)


def _f80_to_fp128(b: FunctionBuilder, raw: Val) -> Val:
    from ..lift.semantics.x87 import from_f80
    return from_f80(_Shim(b), raw)


def _fp128_to_f80(b: FunctionBuilder, v: Val) -> Val:
    from ..lift.semantics.x87 import to_f80
    return to_f80(_Shim(b), v)


def _words(t: CType) -> int:
    return (t.size + 7) // 8


def _scalar_to_word(b: FunctionBuilder, t: CType, v: Val) -> Val:
    """A native scalar value as the 64-bit word SysV keeps in a GPR or the low half of an XMM."""
    if t.kind == "float":
        return b.zext(b.bitcast(v, "i32"), I64)
    if t.kind == "double":
        return b.bitcast(v, I64)
    if v.ty == PTR:
        return b.ptrtoint(v)
    return b.resize(v, 64)


def _word_to_scalar(b: FunctionBuilder, t: CType, w: Val, nat=None) -> Val:
    if t.kind == "float":
        return b.bitcast(b.trunc(w, "i32"), F32)
    if t.kind == "double":
        return b.bitcast(w, F64)
    if t.kind == "int" and t.size < 8:      # normalise narrow values as the native ABI expects
        return _narrow_int(b, t, w, nat)
    return w


def _narrow_int(b: FunctionBuilder, t: CType, w: Val, nat) -> Val:
    """A narrow integer extended per its type; on LP64 RISC-V 32-bit values are then sign-extended."""
    v = b.resize(b.trunc(w, ity(8 * t.size)), 32 if nat is not None and nat.SEXT_INT32 else 64, signed=t.signed)
    return b.sext(v, I64) if v.ty != I64 else v


def _xmm_low(b: FunctionBuilder, w: Val) -> Val:
    return b.insert(Val(V2I64, "zeroinitializer"), w, 0)


def declaration(nat, proto: Prototype, name: str, weak: str, attrs: str) -> str:
    """``declare`` line of a native function called with its prototype."""
    if getattr(nat, "ILP32", False):
        params = [ty for t in proto.params for ty, _ in nat.pieces(t)]
        if nat.returns_indirect(proto.ret):
            params.insert(0, f"ptr sret([{proto.ret.ilp32.size} x i8])")
        return f"declare {weak}{nat.native_return_type(proto.ret)} {name}({', '.join(params)}){attrs}"
    params = [ty for t in proto.params for ty, _ in nat.pieces(t)]
    if nat.returns_indirect(proto.ret):
        params.insert(0, f"ptr sret([{proto.ret.size} x i8])")
    return f"declare {weak}{nat.native_return_type(proto.ret)} {name}({', '.join(params)}){attrs}"


def stack_words(proto: Prototype) -> int:
    """How many x86 stack words the SysV call of ``proto`` uses."""
    gi = 1 if sysv_memory_return(proto.ret) else 0
    xi = si = 0
    for t in proto.params:
        cls = sysv_classes(t)
        if cls is not None and gi + cls.count("INTEGER") <= N_GPR_ARGS and xi + cls.count("SSE") <= N_XMM_ARGS:
            gi += cls.count("INTEGER")
            xi += cls.count("SSE")
            continue
        si += (si % 2 if t.align >= 16 else 0) + _words(t)
    return si


# ---------------------------------------------------------------------------------------------
# native -> translated
def entry_adapter(nat, proto: Prototype, name: str, linkage: str, internal: str, min_stack_words: int) -> str:
    """LLVM function ``name`` with the native signature of ``proto`` that calls the lifted body."""
    if getattr(nat, "ILP32", False):
        return _entry_adapter_ilp32(nat, proto, name, linkage, internal, min_stack_words)
    b = FunctionBuilder()
    b.position(b.new_block("entry"))
    params: list[str] = []
    mem_ret = sysv_memory_return(proto.ret)
    native_ret, ret_pieces = nat.return_pieces(proto.ret)
    sret = nat.returns_indirect(proto.ret)
    if sret:
        params.append(f"ptr sret([{proto.ret.size} x i8]) align {proto.ret.align} %sret")
    gprs: list[Val] = []
    xmms: list[Val] = []
    stack: list[Val] = []
    if mem_ret:
        gprs.append(b.ptrtoint(Val(PTR, "%sret")))
    n = 0
    for t in proto.params:
        vals = []
        for ty, _ in nat.pieces(t):
            params.append(f"{ty} %p{n}")
            vals.append(Val(ty, f"%p{n}"))
            n += 1
        cls = sysv_classes(t)
        fits = cls is not None and len(gprs) + cls.count("INTEGER") <= N_GPR_ARGS \
            and len(xmms) + cls.count("SSE") <= N_XMM_ARGS
        if t.kind != "struct" and t.kind != "ldouble":
            w = _scalar_to_word(b, t, vals[0])
            if fits:
                (gprs if cls[0] == "INTEGER" else xmms).append(w if cls[0] == "INTEGER" else _xmm_low(b, w))
            else:
                stack.append(w)
            continue
        # aggregates and long double go through their memory image
        if t.kind == "ldouble":
            img = b.alloca("[16 x i8]", align=16)
            b.store(_fp128_to_f80(b, vals[0]), img)
        elif nat.passes_by_reference(t):
            img = vals[0]
        else:
            img = b.alloca(f"[{max(16, _words(t) * 8)} x i8]", align=16)
            for v, (_, off) in zip(vals, nat.pieces(t), strict=True):
                b.store(v, b.gep(img, const(I64, off)))
        if fits:
            for k, c in enumerate(cls):
                w = b.load(I64, b.gep(img, const(I64, 8 * k)))
                if c == "INTEGER":
                    gprs.append(w)
                else:
                    xmms.append(_xmm_low(b, w))
        else:
            if t.align >= 16 and len(stack) % 2:
                stack.append(const(I64, 0))
            for k in range(_words(t)):
                stack.append(b.load(I64, b.gep(img, const(I64, 8 * k))))
    nwords = max(1, len(stack), min_stack_words)
    argp = b.alloca(f"[{nwords} x i64]", align=16)
    for k, w in enumerate(stack):
        b.store(w, b.gep(argp, const(I64, 8 * k)), 8)
    args = gprs + [const(I64, 0)] * (N_GPR_ARGS - len(gprs)) + [const(I64, len(xmms))]
    args += xmms + [Val(V2I64, "zeroinitializer")] * (N_XMM_ARGS - len(xmms)) + [argp]
    res = b.call(INTERNAL_RET, internal, args)
    if sret or native_ret == "void":
        b.terminate("ret void")
    elif proto.ret.kind == "ldouble":
        b.terminate(f"ret {b.extractvalue(res, 4, F128)}")
    elif proto.ret.kind != "struct":
        cls = sysv_classes(proto.ret)
        w = b.extractvalue(res, 0, I64) if cls[0] == "INTEGER" else \
            b.extract(b.extractvalue(res, 2, V2I64), 0)
        b.terminate(f"ret {_word_to_scalar(b, proto.ret, w, nat)}")
    else:
        img = b.alloca(f"[{max(16, _words(proto.ret) * 8)} x i8]", align=16)
        _store_sysv_result(b, sysv_classes(proto.ret), res, img)
        b.terminate(f"ret {_load_pieces(b, img, native_ret, ret_pieces)}")
    return b.render(f"define {linkage}{native_ret} {name}({', '.join(params)})")


def _load_pieces(b: FunctionBuilder, img: Val, ty: str, pieces: list[tuple[str, int]]) -> Val:
    """A native value of LLVM type ``ty`` made of ``pieces`` read from a memory image."""
    if len(pieces) == 1:
        return b.load(pieces[0][0], b.gep(img, const(I64, pieces[0][1])))
    agg = Val(ty, "undef")
    for k, (pty, off) in enumerate(pieces):
        agg = b.insertvalue(agg, b.load(pty, b.gep(img, const(I64, off))), k)
    return agg


def _store_pieces(b: FunctionBuilder, v: Val, img: Val, pieces: list[tuple[str, int]]) -> None:
    if len(pieces) == 1:
        b.store(v, b.gep(img, const(I64, pieces[0][1])))
        return
    for k, (pty, off) in enumerate(pieces):
        b.store(b.extractvalue(v, k, pty), b.gep(img, const(I64, off)))


def _store_sysv_result(b: FunctionBuilder, cls: list[str], res: Val, img: Val) -> None:
    """Write a SysV register-class result (rax, rdx / xmm0, xmm1 in class order) to memory."""
    ints, sses = [0, 1], [2, 3]
    for k, c in enumerate(cls):
        if c == "INTEGER":
            w = b.extractvalue(res, ints.pop(0), I64)
        else:
            w = b.extract(b.extractvalue(res, sses.pop(0), V2I64), 0)
        b.store(w, b.gep(img, const(I64, 8 * k)))


# ---------------------------------------------------------------------------------------------
# translated -> native
def native_call(lf, nat, proto: Prototype, callee: str, base: Val, tail: bool) -> None:
    """Call native ``callee`` with ``proto``: read SysV locations, write SysV results.

    ``base`` points at the x86 outgoing stack-argument area of this call.
    """
    if getattr(nat, "ILP32", False):
        _native_call_ilp32(lf, nat, proto, callee, base, tail)
        return
    from ..lift.regs import ARG_GPRS, RAX, RDX
    b = lf.b
    args: list[Val] = []
    gi = xi = si = 0
    mem_ret = sysv_memory_return(proto.ret)
    sret = nat.returns_indirect(proto.ret)
    ret_ptr = None
    if mem_ret:
        ret_ptr = lf.get64(ARG_GPRS[0])
        gi = 1
    if sret:
        args.append(Val(f"ptr sret([{proto.ret.size} x i8]) align {proto.ret.align}",
                        b.inttoptr(ret_ptr).ref))

    def stack_at(k: int) -> Val:
        return b.gep(base, const(I64, 8 * k))

    for t in proto.params:
        pcs = nat.pieces(t)
        cls = sysv_classes(t)
        fits = cls is not None and gi + cls.count("INTEGER") <= N_GPR_ARGS and xi + cls.count("SSE") <= N_XMM_ARGS
        if fits:
            words = []
            for c in cls:
                if c == "INTEGER":
                    words.append(lf.get64(ARG_GPRS[gi]))
                    gi += 1
                else:
                    words.append(b.extract(lf.get_xmm(xi), 0))
                    xi += 1
            if t.kind != "struct":
                args.append(_word_to_native(b, t, words[0], nat))
                continue
            img = b.alloca(f"[{max(16, len(words) * 8)} x i8]", align=16)
            for k, w in enumerate(words):
                b.store(w, b.gep(img, const(I64, 8 * k)))
            args.extend([b.load(ty, b.gep(img, const(I64, off))) for ty, off in pcs])
            continue
        if t.align >= 16 and si % 2:
            si += 1
        p = stack_at(si)
        si += _words(t)
        if t.kind == "ldouble":
            args.append(_f80_to_fp128(b, b.load("i80", p)))
        elif t.kind == "struct" and nat.passes_by_reference(t):
            args.append(p)       # the x86 caller's copy belongs to the callee, as the native one does
        elif t.kind == "struct":
            args.extend([b.load(ty, b.gep(p, const(I64, off))) for ty, off in pcs])
        else:
            args.append(_word_to_native(b, t, b.load(I64, p, 8), nat))
    ret_ty, ret_pieces = nat.return_pieces(proto.ret)
    fnty = f"{ret_ty} ({', '.join(a.ty.split(' ')[0] if a.ty.startswith('ptr ') else a.ty for a in args)})"
    res = b.call(ret_ty, callee, args, fnty=fnty)
    r = proto.ret
    rax = rdx = None
    x0 = x1 = None
    st0 = None
    if mem_ret:
        rax = ret_ptr
    elif r.kind == "ldouble":
        st0 = res
    elif r.kind == "struct":
        img = b.alloca(f"[{max(16, _words(r) * 8)} x i8]", align=16)
        _store_pieces(b, res, img, ret_pieces)
        ints: list[Val] = []
        sses: list[Val] = []
        for k, c in enumerate(sysv_classes(r)):
            w = b.load(I64, b.gep(img, const(I64, 8 * k)))
            (ints if c == "INTEGER" else sses).append(w)
        rax, rdx = (ints + [None, None])[:2]
        x0, x1 = ([_xmm_low(b, w) for w in sses] + [None, None])[:2]
    elif r.kind != "void":
        w = _scalar_to_word(b, r, res)
        if r.kind == "float" and nat.NAN_BOX_FLOATS:
            w = b.or_(w, const(I64, -(1 << 32)))   # stays boxed if passed on to a native caller
        if sysv_classes(r)[0] == "INTEGER":
            rax = w
        else:
            x0 = _xmm_low(b, w)
    if tail:
        agg = Val(INTERNAL_RET, "undef")
        for k, v in enumerate((rax, rdx, x0, x1, st0)):
            if v is not None:
                agg = b.insertvalue(agg, v, k)
        b.terminate(f"ret {agg}")
        return
    if rax is not None:
        lf.set64(RAX, rax)
    if rdx is not None:
        lf.set64(RDX, rdx)
    if x0 is not None:
        lf.set_xmm(0, x0)
    if x1 is not None:
        lf.set_xmm(1, x1)
    if st0 is not None:
        from ..lift.semantics.x87 import st_push
        st_push(lf, st0, after_call=True)


def _word_to_native(b: FunctionBuilder, t: CType, w: Val, nat=None) -> Val:
    if t.kind == "float":
        return b.bitcast(b.trunc(w, "i32"), F32)
    if t.kind == "double":
        return b.bitcast(w, F64)
    if t.kind == "int" and t.size < 8 and nat is not None and nat.SEXT_INT32:
        return _narrow_int(b, t, w, nat)
    return w



# ---------------------------------------------------------------------------------------------
# ILP32 targets (ARM EABI): values are converted between the LP64 and ILP32 representations
def _image(b: FunctionBuilder, size: int) -> Val:
    """A zeroed scratch image of ``size`` bytes (whole 8-byte words)."""
    n = max(1, (size + 7) // 8)
    img = b.alloca(f"[{n} x i64]", align=16)
    b.store(Val(f"[{n} x i64]", "zeroinitializer"), img)
    return img


def _sysv_argument_values(lf, proto: Prototype, base: Val, first_gpr: int):
    """Per parameter: ('word', i64) for a scalar in a register or stack word, ('mem', ptr) for a
    value whose x86 image is in memory (structs, long double), following SysV classification."""
    from ..lift.regs import ARG_GPRS
    b = lf.b
    gi, xi, si = first_gpr, 0, 0
    out = []
    for t in proto.params:
        cls = sysv_classes(t)
        if cls is not None and gi + cls.count("INTEGER") <= N_GPR_ARGS and xi + cls.count("SSE") <= N_XMM_ARGS:
            words = []
            for c in cls:
                if c == "INTEGER":
                    words.append(lf.get64(ARG_GPRS[gi]))
                    gi += 1
                else:
                    words.append(b.extract(lf.get_xmm(xi), 0))
                    xi += 1
            if t.kind != "struct":
                out.append(("word", words[0]))
                continue
            img = _image(b, 8 * len(words))
            for k, w in enumerate(words):
                b.store(w, b.gep(img, const(I64, 8 * k)))
            out.append(("mem", img))
            continue
        if t.align >= 16 and si % 2:
            si += 1
        p = b.gep(base, const(I64, 8 * si))
        si += _words(t)
        out.append(("mem", p) if t.kind in ("struct", "ldouble") else ("word", b.load(I64, p, 8)))
    return out


def _native_call_ilp32(lf, nat, proto: Prototype, callee: str, base: Val, tail: bool) -> None:
    """Call native ``callee`` with ``proto`` on ILP32: read SysV locations, convert, call,
    convert the result back into SysV result registers (or the caller's x86 result buffer)."""
    from ..lift.regs import ARG_GPRS, RAX, RDX
    b = lf.b
    wide = nat.LP64_EQUIVALENT.get(proto.name)
    if wide is not None and callee == lf.ctx.external(proto.name):
        from .prototypes import libc_prototypes
        proto = libc_prototypes()[wide]
        callee = lf.ctx.external(wide)
        lf.ctx.typed_externals[wide] = proto
    out_params = nat.OUT_PARAMS.get(proto.name, ())
    try:
        nat.check_bridgeable(proto, "native function", out_params)
    except CrtError as exc:
        raise lf.error(exc.message) from None
    r = proto.ret
    mem_ret = sysv_memory_return(r)
    ret_ptr = lf.get64(ARG_GPRS[0]) if mem_ret else None
    args: list[Val] = []
    nbuf = None
    if nat.returns_indirect(r):
        nbuf = _image(b, r.ilp32.size)
        args.append(Val(f"ptr sret([{r.ilp32.size} x i8]) align 8", nbuf.ref))
    copy_back = []
    for k, (t, (how, v)) in enumerate(zip(proto.params, _sysv_argument_values(lf, proto, base, int(mem_ret)),
                                          strict=True)):
        if k in out_params and t.kind == "ptr" and t.target is not None:
            # one object copied in and back out (strtol's endptr...); NULL stays NULL
            tt = t.target
            null = b.icmp("eq", v, const(I64, 0))
            xp = b.select(null, _image(b, 16), b.inttoptr(v))
            tmp = _image(b, 8)
            b.store(nat.leaf_to_native(b, tt, tt.ilp32, b.load(nat._leaf_ty(tt, True), xp)), tmp)
            copy_back.append((xp, tmp, tt))
            args.append(b.select(null, Val(PTR, "null"), tmp))
        elif how == "word":
            args.append(nat.word_to_native(b, t, v))
        elif t.kind == "ldouble":
            args.append(nat.f80_to_double(b, b.load("i80", v)))
        else:
            nimg = _image(b, t.ilp32.size)
            nat.convert_image(b, t, v, nimg, True)
            ty = nat.pieces(t)[0][0]
            args.append(Val(ty, nimg.ref) if ty.startswith("ptr ") else b.load(ty, nimg))
    ret_ty = nat.native_return_type(r)
    fnty = f"{ret_ty} ({', '.join(a.ty.split(' ')[0] if a.ty.startswith('ptr ') else a.ty for a in args)})"
    res = b.call(ret_ty, callee, args, fnty=fnty)
    for xp, tmp, tt in copy_back:
        w = b.load(nat._leaf_ty(tt.ilp32, False), tmp)
        b.store(nat.leaf_from_native(b, tt, tt.ilp32, w), xp)
    rax = rdx = x0 = x1 = st0 = None
    if r.kind == "struct":
        nimg = nbuf
        if nimg is None:
            nimg = _image(b, 8)
            b.store(res, nimg)
        ximg = b.inttoptr(ret_ptr) if mem_ret else _image(b, r.size)
        nat.convert_image(b, r, nimg, ximg, False)
        if mem_ret:
            rax = ret_ptr
        else:
            ints: list[Val] = []
            sses: list[Val] = []
            for k, c in enumerate(sysv_classes(r)):
                w = b.load(I64, b.gep(ximg, const(I64, 8 * k)))
                (ints if c == "INTEGER" else sses).append(w)
            rax, rdx = (ints + [None, None])[:2]
            x0, x1 = ([_xmm_low(b, w) for w in sses] + [None, None])[:2]
    elif r.kind == "ldouble":
        st0 = res
    elif r.kind != "void":
        w = nat.native_to_word(b, r, res)
        if sysv_classes(r)[0] == "INTEGER":
            rax = w
        else:
            x0 = _xmm_low(b, w)
    if tail:
        agg = Val(lf.internal_ret, "undef")
        for k, v in enumerate((rax, rdx, x0, x1, st0)):
            if v is not None:
                agg = b.insertvalue(agg, v, k)
        b.terminate(f"ret {agg}")
        return
    if rax is not None:
        lf.set64(RAX, rax)
    if rdx is not None:
        lf.set64(RDX, rdx)
    if x0 is not None:
        lf.set_xmm(0, x0)
    if x1 is not None:
        lf.set_xmm(1, x1)
    if st0 is not None:
        from ..lift.semantics.x87 import st_push
        st_push(lf, st0, after_call=True)


def _entry_adapter_ilp32(nat, proto: Prototype, name: str, linkage: str, internal: str,
                         min_stack_words: int) -> str:
    """Native ILP32 entry point of a translated function with prototype ``proto``."""
    try:
        nat.check_bridgeable(proto, "translated function")
    except CrtError as exc:
        raise CrtError(exc.message, proto.origin or None) from None
    b = FunctionBuilder()
    b.position(b.new_block("entry"))
    params: list[str] = []
    r = proto.ret
    mem_ret = sysv_memory_return(r)
    sret = nat.returns_indirect(r)
    if sret:
        params.append(f"ptr sret([{r.ilp32.size} x i8]) align {min(8, max(4, r.ilp32.align))} %sret")
    gprs: list[Val] = []
    xmms: list[Val] = []
    stack: list[Val] = []
    ximg_ret = None
    if mem_ret:
        ximg_ret = _image(b, r.size)
        gprs.append(b.ptrtoint(ximg_ret))
    for n, t in enumerate(proto.params):
        ty = nat.pieces(t)[0][0]
        params.append(f"{ty} %p{n}")
        v = Val(PTR if ty.startswith("ptr ") else ty, f"%p{n}")
        cls = sysv_classes(t)
        fits = cls is not None and len(gprs) + cls.count("INTEGER") <= N_GPR_ARGS \
            and len(xmms) + cls.count("SSE") <= N_XMM_ARGS
        if t.kind not in ("struct", "ldouble"):
            w = nat.native_to_word(b, t, v)
            if fits:
                (gprs if cls[0] == "INTEGER" else xmms).append(w if cls[0] == "INTEGER" else _xmm_low(b, w))
            else:
                stack.append(w)
            continue
        img = _image(b, max(16, t.size))
        if t.kind == "ldouble":
            b.store(nat.double_to_f80(b, v), img)
        else:
            if nat.passes_by_reference(t):
                nimg = v
            else:
                nimg = _image(b, t.ilp32.size)
                b.store(v, nimg)
            nat.convert_image(b, t, nimg, img, False)
        if fits:
            for k, c in enumerate(cls):
                w = b.load(I64, b.gep(img, const(I64, 8 * k)))
                if c == "INTEGER":
                    gprs.append(w)
                else:
                    xmms.append(_xmm_low(b, w))
        else:
            if t.align >= 16 and len(stack) % 2:
                stack.append(const(I64, 0))
            for k in range(_words(t)):
                stack.append(b.load(I64, b.gep(img, const(I64, 8 * k))))
    nwords = max(1, len(stack), min_stack_words)
    argp = b.alloca(f"[{nwords} x i64]", align=16)
    for k, w in enumerate(stack):
        b.store(w, b.gep(argp, const(I64, 8 * k)), 8)
    args = gprs + [const(I64, 0)] * (N_GPR_ARGS - len(gprs)) + [const(I64, len(xmms))]
    args += xmms + [Val(V2I64, "zeroinitializer")] * (N_XMM_ARGS - len(xmms)) + [argp]
    res = b.call(nat.INTERNAL_RET, internal, args)
    native_ret = nat.native_return_type(r)
    if r.kind == "struct":
        ximg = ximg_ret
        if ximg is None:
            ximg = _image(b, max(16, r.size))
            _store_sysv_result(b, sysv_classes(r), res, ximg)
        nimg = Val(PTR, "%sret") if sret else _image(b, 8)
        nat.convert_image(b, r, ximg, nimg, True)
        b.terminate("ret void" if sret else f"ret {b.load(native_ret, nimg)}")
    elif r.kind == "void":
        b.terminate("ret void")
    elif r.kind == "ldouble":
        b.terminate(f"ret {b.extractvalue(res, 4, F64)}")
    else:
        cls = sysv_classes(r)
        w = b.extractvalue(res, 0, I64) if cls[0] == "INTEGER" else b.extract(b.extractvalue(res, 2, V2I64), 0)
        b.terminate(f"ret {nat.word_to_native(b, r, w)}")
    head = f"define {linkage}{native_ret} {name}({', '.join(params)}){nat.marker_prefix(internal)}"
    return b.render(head)
