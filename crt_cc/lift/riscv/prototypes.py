"""Entry points from C prototypes (``--crt-prototypes``): exact AAPCS64 <-> LP64D crossings.

Without a prototype a translated RISC-V function gets the universal entry point (:mod:`.module`),
which cannot place structs whose classifications differ, results over 16 bytes, narrow unsigned
integers or long double.  With one, each argument goes through its memory image (the same bytes on
both sides: LP64, little-endian, same layout): the native side's LLVM types come from
:mod:`crt_cc.abi.aarch64` (clang's AAPCS64 lowering), and :func:`lp64d_locations` places the image
in RISC-V registers and stack slots by the LP64D rules:

* integers and pointers: the next a register, else an 8-byte stack slot; narrow integers are
  extended by their type, 32-bit ones then sign-extended;
* float/double: the next fa register, else as an integer (a register or stack);
* long double: two a registers (the second may be the first stack slot), else 16-byte aligned
  stack;
* a struct of at most 16 bytes whose flattened fields are one or two FP values, or one FP and one
  integer, goes in fa (and a) registers when enough are left; other structs of at most 16 bytes in
  one or two a registers (or the stack); larger ones by reference;
* a result over 16 bytes is written through a hidden pointer passed in a0; smaller ones come back
  in a0/a1 and fa0/fa1 by the same flattening.
"""

from __future__ import annotations

from ...abi import aarch64
from ...abi.prototypes import CType, Prototype
from ..ir import I64, PTR, FunctionBuilder, Val, const, ity
from .function import INTERNAL_RET, N_ARG


def flatten(t: CType) -> list[tuple[str, int, int]] | None:
    """(kind 'f'/'i', offset, size) of a struct passed by LP64D's floating-point convention."""
    if t.kind != "struct" or t.size > 16 or not t.leaves or len(t.leaves) > 2:
        return None
    out = [("f" if leaf.kind in ("float", "double") else "i", off, leaf.size) for off, leaf in t.leaves]
    if not any(k == "f" for k, _, _ in out) or any(leaf.kind not in ("float", "double", "int", "ptr")
                                                  for _, leaf in t.leaves):
        return None
    return out


def by_reference(t: CType) -> bool:
    return t.kind == "struct" and t.size > 16


def lp64d_locations(params: list[CType], first_gpr: int = 0) -> list[list[tuple[str, int, int, int]]]:
    """Per parameter: pieces (where 'a'|'f'|'s', index or stack offset, image offset, size)."""
    gi, fi, so = first_gpr, 0, 0
    out = []

    def int_word(off: int, size: int) -> tuple[str, int, int, int]:
        nonlocal gi, so
        if gi < N_ARG:
            gi += 1
            return ("a", gi - 1, off, size)
        so += 8
        return ("s", so - 8, off, size)

    for t in params:
        pieces: list[tuple[str, int, int, int]] = []
        flat = flatten(t)
        if t.kind in ("float", "double") and fi < N_ARG:
            pieces.append(("f", fi, 0, t.size))
            fi += 1
        elif flat is not None and fi + sum(k == "f" for k, _, _ in flat) <= N_ARG \
                and gi + sum(k == "i" for k, _, _ in flat) <= N_ARG:
            for k, off, size in flat:
                if k == "f":
                    pieces.append(("f", fi, off, size))
                    fi += 1
                else:
                    pieces.append(("a", gi, off, size))
                    gi += 1
        elif t.kind == "ldouble" or (t.kind == "struct" and not by_reference(t) and t.align >= 16):
            if gi < N_ARG:
                pieces += [int_word(0, 8), int_word(8, 8)]
            else:
                so = (so + 15) & ~15
                pieces += [("s", so, 0, 8), ("s", so + 8, 8, 8)]
                so += 16
        elif by_reference(t):
            pieces.append(int_word(-1, 8))        # -1: the address of a copy of the image
        elif t.kind == "struct":
            for w in range((t.size + 7) // 8):
                pieces.append(int_word(8 * w, min(8, t.size - 8 * w)))
        else:
            pieces.append(int_word(0, t.size))
        out.append(pieces)
    return out


def result_locations(t: CType) -> list[tuple[str, int, int, int]]:
    """Where an LP64D result lives: a0/a1 and fa0/fa1 pieces (empty: void or through a0)."""
    if t.kind == "void" or by_reference(t):
        return []
    if t.kind in ("float", "double"):
        return [("f", 0, 0, t.size)]
    flat = flatten(t)
    if flat is not None:
        gi = fi = 0
        out = []
        for k, off, size in flat:
            out.append(("f" if k == "f" else "a", fi if k == "f" else gi, off, size))
            if k == "f":
                fi += 1
            else:
                gi += 1
        return out
    return [("a", w, 8 * w, min(8, t.size - 8 * w)) for w in range((t.size + 7) // 8)]


def _word(b: FunctionBuilder, img: Val, off: int, size: int, t: CType, fp: bool) -> Val:
    """A register's 64 bits from ``size`` bytes of an image, extended as RISC-V callers extend."""
    p = b.gep(img, const(I64, off))
    if size >= 8:
        return b.load(I64, p, 1)
    v = b.load(ity(8 * size), p, 1)
    if fp and size == 4:
        return b.or_(b.zext(v, I64), const(I64, -(1 << 32)))          # a NaN-boxed single
    signed = t.signed if t.kind == "int" else False
    v = b.resize(v, 32, signed=signed) if size < 4 else v
    return b.sext(v, I64)                                             # 32-bit values sign-extended


def entry_adapter(proto: Prototype, name: str, linkage: str, internal: str, copied_words: int,
                  intrinsics: dict[str, str]) -> str:
    """The native entry point of a translated function declared by ``proto`` (intrinsics it calls
    are added to ``intrinsics``, the module's declarations)."""
    b = FunctionBuilder()
    b.position(b.new_block("entry"))
    params: list[str] = []
    sret = aarch64.returns_indirect(proto.ret) or by_reference(proto.ret)
    native_ret, ret_pieces = aarch64.return_pieces(proto.ret)
    if aarch64.returns_indirect(proto.ret):
        params.append(f"ptr sret([{proto.ret.size} x i8]) align {proto.ret.align} %sret")
    images: list[Val] = []
    n = 0
    for t in proto.params:
        img = b.alloca(f"[{max(16, (t.size + 15) // 16 * 16)} x i8]", align=16)
        if aarch64.passes_by_reference(t):
            params.append(f"ptr %p{n}")
            b.call("void", "@llvm.memcpy.p0.p0.i64", [img, Val(PTR, f"%p{n}"), const(I64, t.size),
                                                       Val("i1", "false")])
            n += 1
        else:
            for ty, off in aarch64.pieces(t):
                params.append(f"{ty} %p{n}")
                b.store(Val(ty, f"%p{n}"), b.gep(img, const(I64, off)), 1)
                n += 1
        images.append(img)
    a = [const(I64, 0)] * N_ARG
    f = [const(I64, 0)] * N_ARG
    stack: dict[int, Val] = {}
    first = 0
    res_img = None
    if sret:
        res_img = Val(PTR, "%sret") if aarch64.returns_indirect(proto.ret) else \
            b.alloca(f"[{max(16, proto.ret.size)} x i8]", align=16)
        a[0] = b.ptrtoint(res_img)
        first = 1
    for t, img, pieces in zip(proto.params, images, lp64d_locations(proto.params, first), strict=True):
        for where, idx, off, size in pieces:
            if off < 0:
                v = b.ptrtoint(img)
            else:
                v = _word(b, img, off, size, t, where == "f" or t.kind in ("float", "double"))
            if where == "a":
                a[idx] = v
            elif where == "f":
                f[idx] = v
            else:
                stack[idx] = v
    words = max(copied_words, (max(stack) // 8 + 1) if stack else 0, 1)
    argp = b.alloca(f"[{words} x i64]", align=16)
    for off, v in stack.items():
        b.store(v, b.gep(argp, const(I64, off)), 8)
    res = b.call(INTERNAL_RET, internal, [*a, *f, argp])
    if sret or native_ret == "void":
        b.terminate("ret void")
        intrinsics.update(b.intrinsics)
        return b.render(f"define {linkage}{native_ret} {name}({', '.join(params)})")
    out = b.alloca(f"[{max(16, proto.ret.size)} x i8]", align=16)
    for where, idx, off, size in result_locations(proto.ret):
        v = b.extractvalue(res, (0 if where == "a" else 2) + idx, I64)
        b.store(b.trunc(v, ity(8 * size)) if size < 8 else v, b.gep(out, const(I64, off)), 1)
    if len(ret_pieces) == 1:
        rv = b.load(ret_pieces[0][0], b.gep(out, const(I64, ret_pieces[0][1])), 1)
    else:
        rv = Val(native_ret, "undef")
        for k, (pty, off) in enumerate(ret_pieces):
            rv = b.insertvalue(rv, b.load(pty, b.gep(out, const(I64, off)), 1), k)
    b.terminate(f"ret {rv}")
    intrinsics.update(b.intrinsics)
    return b.render(f"define {linkage}{native_ret} {name}({', '.join(params)})")


def scalar_signature(proto: Prototype) -> tuple[tuple[str, ...], str] | None:
    """Kinds for :func:`.calls.typed_call` when ``proto`` has only scalar parameters and result."""
    def kind(t: CType) -> str | None:
        if t.kind == "void":
            return "void"
        if t.kind == "int":
            return "i64" if t.size == 8 else "i32"
        return {"ptr": "i64", "float": "f32", "double": "f64", "ldouble": "f128"}.get(t.kind)
    kinds = [kind(t) for t in proto.params]
    ret = kind(proto.ret)
    if proto.variadic or None in kinds or ret is None:
        return None
    return tuple(kinds), ret
