"""C library calls whose structures or flag bits x86 and the target define differently.

``struct stat`` is the common case: x86-64 has a layout of its own (``st_nlink`` 64-bit and
before ``st_mode``), AArch64 and RISC-V64 use Linux's generic one, and the i386 ``struct stat64``
of large-file code packs its 64-bit members at 4-byte alignment where ARM EABI aligns them to 8.
A translated ``stat(path, &sb)`` that handed the x86 buffer to the native function would read
the mode where the link count is (``S_ISREG`` false for a regular file) or a size shifted by
four bytes.  Such calls go through a small helper instead: the native function fills a native
buffer, and the fields are copied to their x86 offsets, widened where x86's are wider.

The pthread initialisers are a third: AArch64's ``pthread_mutex_t`` is 48 bytes where x86-64's is
40 (``pthread_attr_t`` 64 against 56, the attribute types 8 against 4), and
``pthread_mutex_init`` clears all 48, past the end of a mutex the x86 code allocated (zstd's
threading layer mallocs ``sizeof(pthread_mutex_t)``: a heap overflow).  The structures are the
same, padded, so these calls fill a native-sized buffer and copy the x86 size back; every other
pthread call touches only the structure and takes the x86 object as it is.

``open``'s flags are the other case: ``O_DIRECTORY``, ``O_NOFOLLOW``, ``O_DIRECT`` and
``O_LARGEFILE`` have other bits on AArch64 and ARM than on x86 (RISC-V shares x86's), so an x86
``open(dir, O_RDONLY | O_DIRECTORY)`` asked the native one for ``O_DIRECT``.  The flags argument
of the open family, and fcntl's ``F_SETFL`` argument and ``F_GETFL`` result, are remapped around
the native call (``OPEN_FLAG_BITS`` in the target's ABI module).

The layouts live with their ABIs (``STAT_LAYOUT`` in abi/x86_64.py, abi/aarch64.py,
abi/riscv64.py; ``STAT64_LAYOUT`` in abi/i386.py and abi/arm.py).  x86-64 code on ARMv5 keeps
its own boundary rules (abi/arm.py).
"""

from __future__ import annotations

from ..abi import i386 as i386abi
from ..abi import native_abi
from ..abi import riscv64 as riscv64abi
from ..abi import x86_64 as x86_64abi
from .ir import I32, I64, PTR, Val, const
from .regs import ARG_GPRS, I386, RAX

# The open family: which argument holds the flags.
_OPEN_FLAGS_ARG = {
    "open": 1, "open64": 1, "openat": 2, "openat64": 2, "__open_2": 1, "__open64_2": 1, "__openat_2": 2,
    "__openat64_2": 2, "shm_open": 1, "mkostemp": 1, "mkostemp64": 1, "mkostemps": 2, "mkostemps64": 2,
}
F_GETFL, F_SETFL = 3, 4
# The stat family: native parameter types, and which one is the struct pointer.
_STAT_CALLS: dict[str, tuple[tuple[str, ...], int]] = {
    "stat": ((PTR, PTR), 1), "lstat": ((PTR, PTR), 1), "fstat": ((I32, PTR), 1),
    "fstatat": ((I32, PTR, PTR, I32), 2),
}

# Calls that fill a pthread object: native parameter types, which one is the object, its type.
_INIT_CALLS: dict[str, tuple[tuple[str, ...], int, str]] = {
    "pthread_mutex_init": ((PTR, PTR), 0, "pthread_mutex_t"), "mtx_init": ((PTR, I32), 0, "pthread_mutex_t"),
    "pthread_attr_init": ((PTR,), 0, "pthread_attr_t"), "pthread_getattr_np": ((I64, PTR), 1, "pthread_attr_t"),
    "pthread_getattr_default_np": ((PTR,), 0, "pthread_attr_t"),
    "pthread_mutexattr_init": ((PTR,), 0, "pthread_mutexattr_t"),
    "pthread_condattr_init": ((PTR,), 0, "pthread_condattr_t"),
    "pthread_barrierattr_init": ((PTR,), 0, "pthread_barrierattr_t"),
}


def _init_call(name: str | None, source_sizes: dict[str, int], target_abi) -> tuple | None:
    """(parameters, object argument, source size, native size) of a pthread initialiser whose
    object the target makes larger than the source ISA's C library does, else None."""
    if name not in _INIT_CALLS or target_abi.ILP32:
        return None
    params, obj, ty = _INIT_CALLS[name]
    native = getattr(target_abi, "PTHREAD_SIZES", {}).get(ty)
    return (params, obj, source_sizes[ty], native) if native and native > source_sizes[ty] else None


def converted_riscv_call(lf, name: str | None, tail: bool) -> bool:
    """The same for RISC-V code (lift/riscv/calls.py), whose pthread types are x86-64's size."""
    init = _init_call(name, riscv64abi.PTHREAD_SIZES, native_abi(lf.ctx.target))
    if init is None:
        return False
    b = lf.b
    params = init[0]
    args = [b.inttoptr(lf.x(10 + k)) if ty == PTR else b.trunc(lf.x(10 + k), I32) if ty == I32 else lf.x(10 + k)
            for k, ty in enumerate(params)]
    r = b.call(I32, _init_helper(lf.ctx, name, init), args, fnty=f"i32 ({', '.join(params)})")
    lf.set_x(10, b.sext(r, I64))
    if tail:
        lf.ret()
    return True


def _stat_call(name: str) -> tuple[tuple[str, ...], int] | None:
    """``_STAT_CALLS``' entry for ``name`` or its ``64`` variant."""
    return _STAT_CALLS.get(name[:-2] if name.endswith("64") else name)


def _layouts(ctx, name: str):
    """(x86 size, x86 layout, native size, native layout) for a call that needs converting."""
    if _stat_call(name) is None:
        return None
    abi = ctx.target_abi
    if ctx.mode is I386:
        if name.endswith("64"):           # plain struct stat: the same on i386 and ARM EABI
            return i386abi.STAT64_SIZE, i386abi.STAT64_LAYOUT, abi.STAT64_SIZE, abi.STAT64_LAYOUT
        return None
    if abi.ILP32 or not hasattr(abi, "STAT_LAYOUT"):
        return None
    return x86_64abi.STAT_SIZE, x86_64abi.STAT_LAYOUT, abi.STAT_SIZE, abi.STAT_LAYOUT


def converted_call(lf, name: str, tail: bool) -> bool:
    """Lower a call to ``name`` through its converting helper; False if it needs none."""
    ctx = lf.ctx
    init = None if ctx.mode is I386 else _init_call(name, x86_64abi.PTHREAD_SIZES, ctx.target_abi)
    lay = _layouts(ctx, name) if init is None else None
    if lay is None and init is None:
        return False
    params = init[0] if init else _stat_call(name)[0]
    b = lf.b
    args = []
    for k, ty in enumerate(params):
        if ty == I64:                       # pthread_t (x86-64 code only)
            args.append(_word(lf, k, tail)[0])
            continue
        if ty != PTR:
            args.append(_arg(lf, k, tail)[0])
            continue
        w, _ = _word(lf, k, tail)
        args.append(b.inttoptr(w if w.ty == I64 else b.zext(w, I64)))
    helper = _init_helper(ctx, name, init) if init else _helper(ctx, name, params, lay)
    r = b.call(I32, helper, args, fnty=f"i32 ({', '.join(params)})")
    lf.set64(RAX, b.zext(r, I64) if ctx.mode is I386 else b.sext(r, I64))
    return True


def _native_buffer_call(ctx, helper: str, name: str, params: tuple[str, ...], buf: int, size: int) -> list[str]:
    """The start of a helper that calls ``name`` with a native buffer ``%nb`` of ``size`` bytes in
    place of argument ``buf`` (its result in ``%r``); the caller copies the buffer back."""
    ps = [f"{'i32 signext' if t == I32 else t} %a{k}" for k, t in enumerate(params)]
    call_args = [f"{'i32 signext' if t == I32 else t} {'%nb' if k == buf else f'%a{k}'}"
                 for k, t in enumerate(params)]
    return [f"define internal i32 {helper}({', '.join(ps)}) {{",
            f"  %nb = alloca [{size} x i8], align 16",
            f"  %r = call i32 ({', '.join(params)}) {ctx.external(name)}({', '.join(call_args)})"]


def _helper(ctx, name: str, params: tuple[str, ...], lay) -> str:
    """The module's converting helper for ``name`` (emitted once)."""
    helper = f'@"__crt_libc.{name}"'
    if helper in ctx.ir_helpers:
        return helper
    x86_size, x86_lay, nat_size, nat_lay = lay
    _, buf = _stat_call(name)
    lines = _native_buffer_call(ctx, helper, name, params, buf, nat_size) + \
        [f"  call void @llvm.memset.p0.i64(ptr %a{buf}, i8 0, i64 {x86_size}, i1 false)"]
    for k, (field, (xoff, xsize, signed)) in enumerate(x86_lay.items()):
        noff, nsize, _ = nat_lay[field]
        nty, xty = f"i{8 * nsize}", f"i{8 * xsize}"
        lines += [f"  %n{k} = getelementptr i8, ptr %nb, i64 {noff}",
                  f"  %v{k} = load {nty}, ptr %n{k}, align 1"]
        val = f"%v{k}"
        if xsize != nsize:
            lines.append(f"  %w{k} = {'sext' if signed else 'zext'} {nty} %v{k} to {xty}")
            val = f"%w{k}"
        lines += [f"  %x{k} = getelementptr i8, ptr %a{buf}, i64 {xoff}",
                  f"  store {xty} {val}, ptr %x{k}, align 1"]
    lines += ["  ret i32 %r", "}"]
    ctx.ir_helpers[helper] = "\n".join(lines)
    ctx.adapter_intrinsics["@llvm.memset.p0.i64"] = "declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)"
    return helper


def _init_helper(ctx, name: str, init) -> str:
    """The module's helper for a pthread initialiser (emitted once): the native call fills a
    native-sized buffer, of which the x86 object receives its own size."""
    helper = f'@"__crt_libc.{name}"'
    if helper in ctx.ir_helpers:
        return helper
    params, obj, x86_size, nat_size = init
    ctx.ir_helpers[helper] = "\n".join(_native_buffer_call(ctx, helper, name, params, obj, nat_size) + [
        f"  call void @llvm.memcpy.p0.p0.i64(ptr %a{obj}, ptr %nb, i64 {x86_size}, i1 false)",
        "  ret i32 %r", "}"])
    ctx.adapter_intrinsics["@llvm.memcpy.p0.p0.i64"] = "declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)"
    return helper


def _flag_bits(ctx) -> tuple[tuple[int, int], ...]:
    if ctx.mode is not I386 and ctx.target_abi.ILP32:     # x86-64 code on ARMv5: not remapped
        return ()
    return ctx.target_abi.OPEN_FLAG_BITS


def _remap(b, v: Val, pairs) -> Val:
    """``v`` with each ``from`` bit of ``pairs`` moved to its ``to`` bit."""
    moved = 0
    for frm, to in pairs:
        moved |= frm | to
    out = b.and_(v, const(v.ty, ~moved))
    for frm, to in pairs:
        bit = b.and_(v, const(v.ty, frm))
        shift = to.bit_length() - frm.bit_length()
        bit = b.shl(bit, const(v.ty, shift)) if shift > 0 else b.lshr(bit, const(v.ty, -shift))
        out = b.or_(out, bit)
    return out


def _word(lf, k: int, tail: bool) -> tuple[Val, object]:
    """Argument word ``k`` of the call being made (i386: the cdecl stack word, i32; x86-64: the
    SysV register, i64) and how to replace it."""
    b = lf.b
    if lf.ctx.mode is I386:
        slot = b.gep(lf.frame_ptr(4) if tail else lf.stack_ptr(0), const(I64, 4 * k))
        return b.load(I32, slot, 4), lambda v: b.store(v, slot, 4)
    reg = ARG_GPRS[k]
    return lf.get64(reg), lambda v: lf.set64(reg, v)


def _arg(lf, k: int, tail: bool) -> tuple[Val, object]:
    """Argument ``k`` of the call being made as an int, and how to replace it."""
    w, put = _word(lf, k, tail)
    if w.ty == I32:
        return w, put
    b = lf.b
    return b.trunc(w, I32), lambda v: put(b.zext(v, I64))


def around_call(lf, name: str | None, tail: bool):
    """Before a native call to ``name`` from x86 code: remap flag arguments (see the module
    docstring).  Returns what to do with the result after the call (fcntl's F_GETFL), or None."""
    pairs = _flag_bits(lf.ctx) if name else ()
    if not pairs:
        return None
    b = lf.b

    def result() -> tuple[Val, object]:
        r = b.trunc(lf.get64(RAX), I32)
        return r, lambda v: lf.set64(RAX, b.zext(v, I64) if lf.ctx.mode is I386 else b.sext(v, I64))
    return _around(b, name, pairs, lambda k: _arg(lf, k, tail), result, tail)


def around_riscv_call(lf, name: str | None, tail: bool, pairs: tuple[tuple[int, int], ...]):
    """The same for RISC-V code (lift/riscv/calls.py): its flag bits are x86's, and ``pairs``
    the target's differences from them; int arguments and results are sign-extended in x10-x17."""
    if not name or not pairs:
        return None
    b = lf.b

    def reg(n: int) -> tuple[Val, object]:
        return b.trunc(lf.x(n), I32), lambda v: lf.set_x(n, b.sext(v, I64))
    return _around(b, name, pairs, lambda k: reg(10 + k), lambda: reg(10), tail)


def _around(b, name: str, pairs, arg, result, tail: bool):
    if name in _OPEN_FLAGS_ARG:
        v, put = arg(_OPEN_FLAGS_ARG[name])
        put(_remap(b, v, pairs))
        return None
    if name not in ("fcntl", "fcntl64"):
        return None
    cmd, _ = arg(1)
    v, put = arg(2)
    put(b.select(b.icmp("eq", cmd, const(I32, F_SETFL)), _remap(b, v, pairs), v))
    if tail:                    # the result goes straight back: not remapped (documented)
        return None
    back = tuple((to, frm) for frm, to in pairs)

    def after() -> None:
        r, put_r = result()
        put_r(b.select(b.icmp("eq", cmd, const(I32, F_GETFL)), _remap(b, r, back), r))
    return after
