"""A small builder for textual LLVM IR.

We emit IR as text (parsed by llvmlite.binding) rather than through
llvmlite.ir: it is faster to build, and intrinsics, attributes and constant
expressions are written exactly as the LLVM LangRef spells them.
Values carry their type so semantics code never spells a type twice.
"""

from __future__ import annotations

from dataclasses import dataclass

I1, I8, I16, I32, I64, I128 = "i1", "i8", "i16", "i32", "i64", "i128"
F32, F64, F128 = "float", "double", "fp128"
PTR = "ptr"
V2I64 = "<2 x i64>"
INT_BY_BITS = {1: I1, 8: I8, 16: I16, 32: I32, 64: I64, 128: I128}


def ity(bits: int) -> str:
    return INT_BY_BITS.get(bits) or f"i{bits}"


def bits_of(ty: str) -> int:
    if ty.startswith("<"):
        n, elt = ty[1:-1].split(" x ")
        return int(n) * bits_of(elt)
    return {F32: 32, F64: 64, F128: 128, PTR: 64}.get(ty) or int(ty[1:])


def vec(n: int, elt: str) -> str:
    return f"<{n} x {elt}>"


@dataclass(frozen=True)
class Val:
    ty: str
    ref: str

    def __str__(self) -> str:
        return f"{self.ty} {self.ref}"

    @property
    def is_const(self) -> bool:
        return self.ref.lstrip("-").isdigit()

    @property
    def const(self) -> int:
        return int(self.ref)


def const(ty: str, value: int) -> Val:
    """An integer constant, wrapped to the type's width and printed signed like LLVM does."""
    bits = bits_of(ty)
    value &= (1 << bits) - 1
    if bits > 1 and value >> (bits - 1):
        value -= 1 << bits
    if bits == 1:
        return Val(ty, "true" if value else "false")
    return Val(ty, str(value))


def fconst(ty: str, value: float) -> Val:
    import struct
    if ty == F32:   # LLVM spells float constants as the double with the same value, in hex
        value = struct.unpack("<f", struct.pack("<f", value))[0]
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    if ty == F128:  # the binary64 value widened: 0xL, low then high 64 bits
        sign, exp, mant = bits >> 63, (bits >> 52) & 0x7FF, bits & ((1 << 52) - 1)
        assert exp or not mant, "binary64 subnormals are not widened here"
        exp = 0x7FFF if exp == 0x7FF else exp + 16383 - 1023 if exp else 0
        q = (sign << 127) | (exp << 112) | (mant << 60)
        return Val(ty, f"0xL{q & ((1 << 64) - 1):016X}{q >> 64:016X}")
    return Val(ty, f"0x{bits:016X}")


class Block:
    def __init__(self, label: str):
        self.label = label
        self.lines: list[str] = []
        self.terminated = False


class FunctionBuilder:
    """Collects basic blocks of one function and hands out SSA names."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.cur: Block | None = None
        self._n = 0
        self.entry_lines: list[str] = []   # allocas, kept in the entry block
        self.intrinsics: dict[str, str] = {}   # intrinsic name -> its declaration

    # -- structure -------------------------------------------------------
    def new_block(self, label: str | None = None) -> Block:
        self._n += 1
        blk = Block(label or f"b{self._n}")
        self.blocks.append(blk)
        return blk

    def position(self, blk: Block) -> None:
        self.cur = blk

    def tmp(self) -> str:
        self._n += 1
        return f"%t{self._n}"

    def emit(self, text: str) -> None:
        assert self.cur is not None and not self.cur.terminated, text
        self.cur.lines.append("  " + text)

    def op(self, ty: str, text: str) -> Val:
        name = self.tmp()
        self.emit(f"{name} = {text}")
        return Val(ty, name)

    def terminate(self, text: str) -> None:
        self.emit(text)
        self.cur.terminated = True

    def alloca(self, ty: str, align: int = 8, count: int | None = None) -> Val:
        name = self.tmp()
        cnt = f", i64 {count}" if count else ""
        self.entry_lines.append(f"  {name} = alloca {ty}{cnt}, align {align}")
        return Val(PTR, name)

    # -- integer arithmetic ---------------------------------------------
    def bin(self, opname: str, a: Val, b: Val) -> Val:
        assert a.ty == b.ty, (opname, a, b)
        return self.op(a.ty, f"{opname} {a.ty} {a.ref}, {b.ref}")

    def add(self, a, b): return self.bin("add", a, b)
    def sub(self, a, b): return self.bin("sub", a, b)
    def mul(self, a, b): return self.bin("mul", a, b)
    def and_(self, a, b): return self.bin("and", a, b)
    def or_(self, a, b): return self.bin("or", a, b)
    def xor(self, a, b): return self.bin("xor", a, b)
    def shl(self, a, b): return self.bin("shl", a, b)
    def lshr(self, a, b): return self.bin("lshr", a, b)
    def ashr(self, a, b): return self.bin("ashr", a, b)

    def not_(self, a: Val) -> Val:
        return self.xor(a, const(a.ty, -1))

    def icmp(self, pred: str, a: Val, b: Val) -> Val:
        assert a.ty == b.ty, (pred, a, b)
        return self.op(I1, f"icmp {pred} {a.ty} {a.ref}, {b.ref}")

    def fcmp(self, pred: str, a: Val, b: Val) -> Val:
        return self.op(I1 if not a.ty.startswith("<") else vec(int(a.ty[1:].split()[0]), I1),
                       f"fcmp {pred} {a.ty} {a.ref}, {b.ref}")

    def select(self, c: Val, a: Val, b: Val) -> Val:
        assert a.ty == b.ty, (a, b)
        return self.op(a.ty, f"select {c}, {a}, {b}")

    def cast(self, opname: str, v: Val, ty: str) -> Val:
        if v.ty == ty and opname in ("zext", "sext", "trunc", "bitcast"):
            return v
        return self.op(ty, f"{opname} {v} to {ty}")

    def zext(self, v, ty): return self.cast("zext", v, ty)
    def sext(self, v, ty): return self.cast("sext", v, ty)
    def trunc(self, v, ty): return self.cast("trunc", v, ty)
    def bitcast(self, v, ty): return self.cast("bitcast", v, ty)

    def resize(self, v: Val, bits: int, signed: bool = False) -> Val:
        """Zero/sign-extend or truncate an integer to ``bits``."""
        have = bits_of(v.ty)
        if have == bits:
            return v
        if have > bits:
            return self.trunc(v, ity(bits))
        return (self.sext if signed else self.zext)(v, ity(bits))

    # -- memory ------------------------------------------------------------
    def inttoptr(self, v: Val) -> Val:
        return self.op(PTR, f"inttoptr {v} to ptr")

    def ptrtoint(self, v: Val) -> Val:
        return self.op(I64, f"ptrtoint {v} to i64")

    def gep(self, base: Val, offset: Val) -> Val:
        return self.op(PTR, f"getelementptr i8, {base}, {offset}")

    def load(self, ty: str, ptr: Val, align: int = 1, volatile: bool = False) -> Val:
        vol = "volatile " if volatile else ""
        return self.op(ty, f"load {vol}{ty}, {ptr}, align {align}")

    def store(self, v: Val, ptr: Val, align: int = 1) -> None:
        self.emit(f"store {v}, {ptr}, align {align}")

    # -- vectors -------------------------------------------------------------
    def extract(self, v: Val, idx: int) -> Val:
        elt = v.ty[1:-1].split(" x ")[1]
        return self.op(elt, f"extractelement {v}, i32 {idx}")

    def insert(self, v: Val, e: Val, idx: int) -> Val:
        return self.op(v.ty, f"insertelement {v}, {e}, i32 {idx}")

    def shuffle(self, a: Val, b: Val, mask: list[int]) -> Val:
        elt = a.ty[1:-1].split(" x ")[1]
        m = ", ".join("i32 poison" if i < 0 else f"i32 {i}" for i in mask)
        return self.op(vec(len(mask), elt), f"shufflevector {a}, {b}, <{len(mask)} x i32> <{m}>")

    def extractvalue(self, agg: Val, idx: int, ty: str) -> Val:
        return self.op(ty, f"extractvalue {agg}, {idx}")

    def insertvalue(self, agg: Val, v: Val, idx: int) -> Val:
        return self.op(agg.ty, f"insertvalue {agg}, {v}, {idx}")

    # -- calls -----------------------------------------------------------------
    def call(self, ret: str, callee: str, args: list[Val], attrs: str = "", fnty: str | None = None) -> Val | None:
        a = ", ".join(str(x) for x in args)
        ty = fnty or ret
        if callee.startswith("@llvm.") and callee not in self.intrinsics:
            self.intrinsics[callee] = f"declare {ret} {callee}({', '.join(x.ty for x in args)})"
        text = f"call {ty} {callee}({a}){(' ' + attrs) if attrs else ''}"
        if ret == "void":
            self.emit(text)
            return None
        return self.op(ret, text)

    def intrinsic(self, name: str, ret: str, args: list[Val]) -> Val:
        return self.call(ret, f"@{name}", args)

    # -- output ------------------------------------------------------------------
    def render(self, header: str) -> str:
        out = [header + " {"]
        first = True
        for blk in self.blocks:
            out.append(f"{blk.label}:")
            if first:
                out.extend(self.entry_lines)
                first = False
            out.extend(blk.lines)
        out.append("}")
        return "\n".join(out)
