"""Architecture-neutral token streams for functions of x86-64, i386, AArch64, ARM and RISC-V64.

Why this shape: the encoder only generalises across ISAs if the same computation looks alike
before it ever sees a weight.  So each instruction becomes ``[OP, (COND), (W), operands...]``
with

* ``OP`` a shared opcode class (``ADD``, ``LOAD``, ``BR``, ``CALL``...).  CISC forms are split
  the way a RISC would write them (``add [mem], eax`` -> LOAD/ADD/STORE), fused RISC forms are
  split the way x86 writes them (``blt a0, a1, L`` / ``cbz`` -> ``CMP`` + ``BR``);
* registers by role: ``ARG0..ARG7`` (integer argument registers of the ISA's C ABI), ``RET``
  (x86's rax/eax; on ISAs where the first argument register is also the result register it is
  named ``RET`` in the few instructions before a return), ``SP``, ``FP``, ``LR``, ``ZERO``,
  ``FARG0..7`` for FP/SIMD argument registers, and ``GENn``/``FGENn`` for the rest, numbered in
  order of first use within the function (an ISA-independent renaming that keeps data flow);
* immediates: small ones kept, powers of two / masks named, others bucketed ``IMM16/32/64``;
* memory as ``M<size> base [index SCALEn] disp``; stack slots (SP/FP based) become ``SLOTn`` in
  order of first use, since frame layouts differ per ISA but the use pattern does not;
* anything reached through a relocation or PC-relative address materialisation (adrp+add,
  auipc+addi, ARM literal pools, rip-relative) is ``ADDR``; call targets are ``FUNC``;
  constants built in two steps (movz+movk, lui+addi, movw+movt) are merged into one ``MOV``;
* local branch targets become ``LBL`` pseudo-instructions, branches say ``FWD`` or ``BACK``.

Symbol names never reach the output: tokens come only from :mod:`crt_cc.embed.vocab`.
capstone is imported lazily (only when a function is normalised).
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from typing import Any

from .elf import Function, read_functions
from .vocab import N_FGEN, N_GEN, N_SLOTS, imm_token

SUPPORTED_ISAS = ("x86_64", "i386", "aarch64", "arm", "riscv64")
#: bump when the token stream changes: token caches and trained weights depend on it
NORMALIZER_VERSION = 2
# instructions after which control does not fall through to the next one
NO_FALLTHROUGH = {"JMP", "IJMP", "CALL", "ICALL", "RETURN"}


@dataclass
class NormFunction:
    """A function reduced to its token stream (one token list per instruction)."""

    name: str
    isa: str
    path: str
    insns: list[list[str]]
    n_machine_insns: int


class _Op:
    """A decoded operand in ISA-neutral form."""

    __slots__ = ("kind", "tok", "width", "value", "base", "index", "scale", "disp", "size", "fp",
                 "phys", "shift")

    def __init__(self, kind: str, **kw: Any) -> None:
        self.kind = kind          # "R" register, "I" immediate, "M" memory, "A" address, "F" fimm
        self.tok = kw.get("tok", "")
        self.width = kw.get("width", 0)
        self.value = kw.get("value", 0)
        self.base = kw.get("base")
        self.index = kw.get("index")
        self.scale = kw.get("scale", 1)
        self.disp = kw.get("disp", 0)
        self.size = kw.get("size", 0)
        self.fp = kw.get("fp", False)
        self.phys = kw.get("phys", "")
        self.shift = kw.get("shift")


class _Emitter:
    """Per-function state: register/slot renaming, address and constant tracking, output."""

    def __init__(self, isa: str) -> None:
        self.isa = isa
        self.out: list[list[str]] = []
        self.gen: dict[str, str] = {}
        self.fgen: dict[str, str] = {}
        self.slots: dict[tuple[str, int], str] = {}
        self.adr_regs: set[str] = set()          # registers holding a materialised address
        self.const: dict[str, tuple[int, int]] = {}   # reg -> (out index, value) of last MOV imm
        self.pending_call: str | None = None     # RISC-V auipc reg of a call pair

    # -- names -------------------------------------------------------------
    def gen_tok(self, phys: str, fp: bool) -> str:
        table, prefix, cap = (self.fgen, "FGEN", N_FGEN) if fp else (self.gen, "GEN", N_GEN)
        t = table.get(phys)
        if t is None:
            t = f"{prefix}{len(table)}" if len(table) < cap else prefix
            table[phys] = t
        return t

    def slot(self, base: str, disp: int) -> str:
        key = (base, disp)
        t = self.slots.get(key)
        if t is None:
            t = f"SLOT{len(self.slots)}" if len(self.slots) < N_SLOTS else "SLOT"
            self.slots[key] = t
        return t

    # -- operands ----------------------------------------------------------
    def mem(self, op: _Op, reloc: bool = False) -> list[str]:
        size = op.size
        mt = f"M{size}" if size in (1, 2, 4, 8, 10, 16, 32, 64) else "M0"
        if reloc or op.base == "ADDR" or (op.phys in self.adr_regs and op.index is None):
            return [mt, "ADDR"]
        if op.base in ("SP", "FP") and op.index is None:
            return [mt, self.slot(op.base, op.disp)]
        toks = [mt, op.base or "ZERO"]
        if op.index:
            toks.append(op.index)
            if op.scale in (2, 4, 8):
                toks.append(f"SCALE{op.scale}")
        if op.disp or not op.index:
            toks.append(imm_token(op.disp))
        return toks

    def opnd(self, op: _Op) -> list[str]:
        if op.kind == "R":
            toks = [op.tok]
            if op.shift:
                toks += list(op.shift)
            return toks
        if op.kind == "I":
            return [imm_token(op.value)]
        if op.kind == "M":
            return self.mem(op)
        if op.kind == "A":
            return ["ADDR"]
        if op.kind == "F":
            return ["FIMM"]
        return []

    def emit(self, *toks: str) -> int:
        self.out.append([t for t in toks if t])
        return len(self.out) - 1

    def emit_ops(self, op: str, pre: list[str], ops: list[_Op]) -> int:
        toks = [op, *pre]
        for o in ops:
            toks += self.opnd(o)
        return self.emit(*toks)

    def write(self, op: _Op) -> None:
        """A register was overwritten: forget what we knew about it."""
        if op.kind == "R":
            self.adr_regs.discard(op.phys)
            self.const.pop(op.phys, None)

    def set_const(self, op: _Op, idx: int, value: int) -> None:
        if op.kind == "R":
            self.const[op.phys] = (idx, value)

    def merge_const(self, dst: _Op, src_phys: str, fn: Any) -> bool:
        """movk / addi-after-lui / movt: fold into the earlier MOV of the same register."""
        c = self.const.get(src_phys)
        if c is None:
            return False
        idx, value = c
        value = fn(value)
        ins = self.out[idx]
        ins[-1] = imm_token(value)
        self.const.pop(src_phys, None)
        if dst.kind == "R":
            self.const[dst.phys] = (idx, value)
            if dst.phys != src_phys:
                ins[-2] = dst.tok
        return True


# ---------------------------------------------------------------------------
# capstone set-up

@functools.cache
def _cs(isa: str, thumb: bool = False) -> Any:
    import capstone as C

    arch, mode = {
        "x86_64": (C.CS_ARCH_X86, C.CS_MODE_64),
        "i386": (C.CS_ARCH_X86, C.CS_MODE_32),
        "aarch64": (C.CS_ARCH_ARM64, C.CS_MODE_ARM),
        "arm": (C.CS_ARCH_ARM, C.CS_MODE_THUMB if thumb else C.CS_MODE_ARM),
        "riscv64": (C.CS_ARCH_RISCV, C.CS_MODE_RISCV64 | C.CS_MODE_RISCVC),
    }[isa]
    md = C.Cs(arch, mode)
    md.detail = True
    return md


def _decode(fn: Function) -> list[Any]:
    """All instructions of ``fn``; undecodable bytes and $d data ranges are skipped."""
    md = _cs(fn.isa, fn.thumb)
    code = fn.code
    out: list[Any] = []
    pos = 0
    step = {"x86_64": 1, "i386": 1, "riscv64": 2}.get(fn.isa, 2 if fn.thumb else 4)
    ranges = sorted(fn.data_ranges)
    while pos < len(code):
        addr = fn.address + pos
        skip_to = None
        for a, b in ranges:
            if a <= addr < b:
                skip_to = b
                break
        if skip_to is not None:
            pos = skip_to - fn.address
            continue
        limit = len(code)
        for a, _b in ranges:
            if a > addr:
                limit = min(limit, a - fn.address)
                break
        n = 0
        for insn in md.disasm(code[pos:limit], addr):
            out.append(insn)
            n += insn.size
        pos += n
        if pos < limit:
            pos += step
        elif n == 0 and pos >= limit and limit < len(code):
            pos = limit
    return out


# ---------------------------------------------------------------------------
# register roles

def _x86_families() -> dict[str, tuple[str, int]]:
    fam: dict[str, tuple[str, int]] = {}
    for r in "abcd":
        fam[f"r{r}x"] = (f"r{r}x", 64)
        fam[f"e{r}x"] = (f"r{r}x", 32)
        fam[f"{r}x"] = (f"r{r}x", 16)
        fam[f"{r}l"] = (f"r{r}x", 8)
        fam[f"{r}h"] = (f"r{r}x", 8)
    for r in ("si", "di", "bp", "sp"):
        fam[f"r{r}"] = (f"r{r}", 64)
        fam[f"e{r}"] = (f"r{r}", 32)
        fam[r] = (f"r{r}", 16)
        fam[f"{r}l"] = (f"r{r}", 8)
    for i in range(8, 16):
        fam[f"r{i}"] = (f"r{i}", 64)
        fam[f"r{i}d"] = (f"r{i}", 32)
        fam[f"r{i}w"] = (f"r{i}", 16)
        fam[f"r{i}b"] = (f"r{i}", 8)
    fam["rip"] = ("rip", 64)
    fam["eip"] = ("rip", 32)
    return fam


_X86_FAM = _x86_families()
_X64_ROLES = {"rdi": "ARG0", "rsi": "ARG1", "rdx": "ARG2", "rcx": "ARG3", "r8": "ARG4", "r9": "ARG5",
              "rax": "RET", "rsp": "SP", "rbp": "FP", "rip": "PC"}
_I386_ROLES = {"rax": "RET", "rsp": "SP", "rbp": "FP", "rip": "PC"}


def _x86_reg(e: _Emitter, name: str) -> _Op:
    if name in _X86_FAM:
        phys, width = _X86_FAM[name]
        roles = _X64_ROLES if e.isa == "x86_64" else _I386_ROLES
        tok = roles.get(phys) or e.gen_tok(phys, False)
        return _Op("R", tok=tok, width=width, phys=phys)
    if name.startswith(("xmm", "ymm", "zmm")):
        n = int(name[3:])
        width = {"x": 128, "y": 256, "z": 512}[name[0]]
        if e.isa == "x86_64" and n < 8:
            return _Op("R", tok=f"FARG{n}", width=width, fp=True, phys=f"v{n}")
        return _Op("R", tok=e.gen_tok(f"v{n}", True), width=width, fp=True, phys=f"v{n}")
    if name.startswith("st"):
        return _Op("R", tok=e.gen_tok(name, True), width=80, fp=True, phys=name)
    return _Op("R", tok="GEN", width=64, phys=name)


def _a64_reg(e: _Emitter, name: str) -> _Op:
    if name in ("sp", "wsp"):
        return _Op("R", tok="SP", width=64, phys="sp")
    if name in ("xzr", "wzr"):
        return _Op("R", tok="ZERO", width=64 if name[0] == "x" else 32, phys="zr")
    if name in ("fp", "x29", "w29"):
        return _Op("R", tok="FP", width=64, phys="x29")
    if name in ("lr", "x30", "w30"):
        return _Op("R", tok="LR", width=64, phys="x30")
    c = name[0]
    num = name[1:]
    if c in "xw" and num.isdigit():
        n = int(num)
        tok = f"ARG{n}" if n < 8 else e.gen_tok(f"x{n}", False)
        return _Op("R", tok=tok, width=64 if c == "x" else 32, phys=f"x{n}")
    if c in "vqdshb" and num.isdigit():
        n = int(num)
        width = {"v": 128, "q": 128, "d": 64, "s": 32, "h": 16, "b": 8}[c]
        tok = f"FARG{n}" if n < 8 else e.gen_tok(f"v{n}", True)
        return _Op("R", tok=tok, width=width, fp=True, phys=f"v{n}")
    return _Op("R", tok="GEN", width=64, phys=name)


_RV_FIXED = {"zero": "ZERO", "ra": "LR", "sp": "SP", "s0": "FP", "fp": "FP"}


def _rv_reg(e: _Emitter, name: str, width: int = 64) -> _Op:
    if name in _RV_FIXED:
        return _Op("R", tok=_RV_FIXED[name], width=width, phys="s0" if name == "fp" else name)
    if name.startswith("a") and name[1:].isdigit():
        return _Op("R", tok=f"ARG{int(name[1:])}", width=width, phys=name)
    if name.startswith("fa") and name[2:].isdigit():
        return _Op("R", tok=f"FARG{int(name[2:])}", width=width, fp=True, phys=name)
    if name.startswith("f"):
        return _Op("R", tok=e.gen_tok(name, True), width=width, fp=True, phys=name)
    return _Op("R", tok=e.gen_tok(name, False), width=width, phys=name)


_ARM_FIXED = {"sp": "SP", "r13": "SP", "lr": "LR", "r14": "LR", "pc": "PC", "r15": "PC",
              "fp": "FP", "r11": "FP"}


def _arm_reg(e: _Emitter, name: str) -> _Op:
    if name in _ARM_FIXED:
        return _Op("R", tok=_ARM_FIXED[name], width=32, phys=_ARM_FIXED[name].lower())
    if name.startswith("r") and name[1:].isdigit() and int(name[1:]) < 4:
        return _Op("R", tok=f"ARG{int(name[1:])}", width=32, phys=name)
    if name[0] in "sdq" and name[1:].isdigit():
        return _Op("R", tok=e.gen_tok(name, True), width={"s": 32, "d": 64, "q": 128}[name[0]],
                   fp=True, phys=name)
    return _Op("R", tok=e.gen_tok(name, False), width=32, phys=name)


# ---------------------------------------------------------------------------
# shared pieces

_X86_CC = {"e": "EQ", "z": "EQ", "ne": "NE", "nz": "NE", "l": "LT", "nge": "LT", "le": "LE",
           "ng": "LE", "g": "GT", "nle": "GT", "ge": "GE", "nl": "GE", "b": "ULT", "nae": "ULT",
           "c": "ULT", "be": "ULE", "na": "ULE", "a": "UGT", "nbe": "UGT", "ae": "UGE",
           "nb": "UGE", "nc": "UGE", "s": "MI", "ns": "PL", "o": "OV", "no": "NOV", "p": "PAR",
           "pe": "PAR", "np": "NPAR", "po": "NPAR", "ecxz": "EQ", "rcxz": "EQ", "cxz": "EQ"}
# capstone ARM/ARM64 condition codes (same numbering in both)
_ARM_CC = {1: "EQ", 2: "NE", 3: "UGE", 4: "ULT", 5: "MI", 6: "PL", 7: "OV", 8: "NOV", 9: "UGT",
           10: "ULE", 11: "GE", 12: "LT", 13: "GT", 14: "LE"}
_INV = {"EQ": "NE", "NE": "EQ", "LT": "GE", "GE": "LT", "LE": "GT", "GT": "LE", "ULT": "UGE",
        "UGE": "ULT", "ULE": "UGT", "UGT": "ULE", "MI": "PL", "PL": "MI", "OV": "NOV",
        "NOV": "OV", "PAR": "NPAR", "NPAR": "PAR"}


def _w(width: int) -> str:
    return {8: "W8", 16: "W16", 32: "W32", 64: "W64", 128: "W128"}.get(width, "")


def _signed(v: int, width: int) -> int:
    if width in (8, 16, 32, 64):
        v &= (1 << width) - 1
        if v >= 1 << (width - 1):
            v -= 1 << width
    return v


def _branch(e: _Emitter, fn: Function, insn: Any, target: int | None, relocs: list[Any],
            op: str, pre: list[str]) -> None:
    """BR/JMP to a local label (FWD/BACK) or, leaving the function, to FUNC (tail call)."""
    end = fn.address + len(fn.code)
    local_target = target is not None and fn.address <= target < end
    for r in relocs:
        if r.target is not None and fn.address <= r.target < end:
            local_target, target = True, r.target
        elif r.external or r.is_func or r.target is not None:
            local_target = False
    if local_target and target is not None:
        e.emit(op, *pre, "BACK" if target <= insn.address else "FWD")
    else:
        e.emit(op, *pre, "FUNC")


# ---------------------------------------------------------------------------
# x86-64 / i386

_X86_ALU = {"add": "ADD", "sub": "SUB", "and": "AND", "or": "OR", "xor": "XOR", "adc": "ADD",
            "sbb": "SUB", "shl": "SHL", "sal": "SHL", "shr": "SHR", "sar": "SAR", "rol": "ROT",
            "ror": "ROT", "imul": "MUL", "shld": "SHL", "shrd": "SHR", "andn": "AND",
            "rcl": "ROT", "rcr": "ROT", "shlx": "SHL", "shrx": "SHR", "sarx": "SAR"}
_X86_UN = {"neg": "NEG", "not": "NOT", "inc": "ADD", "dec": "SUB", "bswap": "BSWAP"}
_X86_FP = {"addss": "FADD", "addsd": "FADD", "subss": "FSUB", "subsd": "FSUB", "mulss": "FMUL",
           "mulsd": "FMUL", "divss": "FDIV", "divsd": "FDIV", "sqrtss": "FSQRT", "sqrtsd": "FSQRT",
           "minss": "FMIN", "minsd": "FMIN", "maxss": "FMAX", "maxsd": "FMAX", "comiss": "FCMP",
           "comisd": "FCMP", "ucomiss": "FCMP", "ucomisd": "FCMP", "andps": "FABS", "andpd": "FABS",
           "xorps": "FNEG", "xorpd": "FNEG", "andnps": "FABS", "andnpd": "FABS",
           "fadd": "FADD", "faddp": "FADD", "fiadd": "FADD", "fsub": "FSUB", "fsubp": "FSUB",
           "fsubr": "FSUB", "fsubrp": "FSUB", "fisub": "FSUB", "fmul": "FMUL", "fmulp": "FMUL",
           "fimul": "FMUL", "fdiv": "FDIV", "fdivp": "FDIV", "fdivr": "FDIV", "fdivrp": "FDIV",
           "fidiv": "FDIV", "fsqrt": "FSQRT", "fchs": "FNEG", "fabs": "FABS", "fcomi": "FCMP",
           "fcomip": "FCMP", "fucomi": "FCMP", "fucomip": "FCMP", "fcom": "FCMP", "fcomp": "FCMP",
           "fucom": "FCMP", "fucomp": "FCMP", "fucompp": "FCMP", "ftst": "FCMP", "fxch": "FMOV",
           "fld": "LOAD", "fild": "FCVT", "fst": "STORE", "fstp": "STORE", "fist": "FCVT",
           "fistp": "FCVT", "fisttp": "FCVT", "fldz": "FMOV", "fld1": "FMOV", "fnstcw": "SYS",
           "fldcw": "SYS", "fnstsw": "SYS", "fstsw": "SYS", "fxam": "FOTHER"}
_X86_MOVF = {"movss", "movsd", "movaps", "movapd", "movups", "movupd", "movd", "movq", "movdqa",
             "movdqu", "movhps", "movlps", "movhpd", "movlpd", "vmovss", "vmovsd", "vmovaps",
             "vmovapd", "vmovups", "vmovdqa", "vmovdqu", "vmovd", "vmovq", "movsldup", "movshdup",
             "movddup", "lddqu", "movntdq", "movnti"}
_X86_SKIP = {"nop", "endbr64", "endbr32", "pause", "prefetcht0", "prefetcht1", "prefetcht2",
             "prefetchnta", "prefetchw", "fwait", "wait", "cld", "notrack"}


def _x86_ops(e: _Emitter, insn: Any, has_reloc: bool) -> list[_Op]:
    from capstone import x86

    out: list[_Op] = []
    for o in insn.operands:
        if o.type == x86.X86_OP_REG:
            out.append(_x86_reg(e, insn.reg_name(o.reg)))
        elif o.type == x86.X86_OP_IMM:
            if has_reloc:
                out.append(_Op("A"))
            else:
                out.append(_Op("I", value=_signed(o.imm, o.size * 8)))
        elif o.type == x86.X86_OP_MEM:
            m = o.mem
            base = insn.reg_name(m.base) if m.base else None
            index = insn.reg_name(m.index) if m.index else None
            seg = insn.reg_name(m.segment) if m.segment else None
            bop = _x86_reg(e, base) if base else None
            iop = _x86_reg(e, index) if index else None
            if seg in ("fs", "gs"):
                b = "TLS"
            elif (bop and bop.tok == "PC") or (has_reloc and not bop):
                b = "ADDR"
            elif bop is None and iop is None:
                b = "ADDR"
            else:
                b = bop.tok if bop else None
            out.append(_Op("M", base=b, index=iop.tok if iop else None, scale=m.scale,
                           disp=m.disp, size=o.size, phys=bop.phys if bop else ""))
    return out


def _x86(e: _Emitter, fn: Function, insn: Any) -> None:
    name = insn.insn_name()
    if name in _X86_SKIP:
        return
    relocs = fn.reloc_at(insn.address, insn.address + insn.size)
    ops = _x86_ops(e, insn, bool(relocs))
    rep = insn.prefix[0] in (0xF2, 0xF3)
    if name.startswith(("stos", "movs", "cmps", "scas", "lods")) and (rep or not ops or
                                                                      ops[0].kind != "R"):
        e.emit("STRING", "W32" if name.endswith("d") else "W64" if name.endswith("q") else "W8")
        return
    if insn.prefix[0] == 0xF0 or name in ("xchg", "cmpxchg", "xadd", "cmpxchg8b", "cmpxchg16b"):
        if name != "xchg" or any(o.kind == "M" for o in ops):
            e.emit_ops("ATOMIC", [], ops[:2])
            for o in ops:
                e.write(o)
            return

    # control flow
    if name == "call":
        if any(r.pc_thunk for r in relocs):
            return          # i386 PIC base set-up; the following add of the GOT is ADDR
        if ops and ops[0].kind in ("I", "A"):
            e.emit("CALL", "FUNC")
        else:
            e.emit_ops("ICALL", [], ops)
        e.const.clear()
        e.adr_regs.clear()
        return
    if name in ("ret", "retf"):
        e.emit("RETURN")
        return
    if name == "jmp":
        if ops and ops[0].kind in ("I", "A"):
            tgt = ops[0].value if ops[0].kind == "I" else None
            _branch(e, fn, insn, tgt, relocs, "JMP", [])
        else:
            e.emit_ops("IJMP", [], ops)
        return
    if name.startswith("j") and name[1:] in _X86_CC:
        tgt = insn.operands[0].imm if insn.operands else None
        _branch(e, fn, insn, tgt, relocs, "BR", [_X86_CC[name[1:]]])
        return
    if name in ("loop", "loope", "loopne"):
        e.emit("SUB", "W64", "ARG3", "ARG3", "#1")
        e.emit("BR", "NE", "BACK")
        return
    if name in ("hlt", "ud2", "int3", "int", "into"):
        e.emit("TRAP")
        return
    if name in ("syscall", "sysenter"):
        e.emit("SYSCALL")
        return
    if name in ("mfence", "lfence", "sfence"):
        e.emit("FENCE")
        return
    if name in ("push", "pop"):
        e.emit_ops("PUSH" if name == "push" else "POP", [], ops)
        if name == "pop":
            for o in ops:
                e.write(o)
        return
    if name == "leave":
        e.emit("MOV", "W64", "SP", "FP")
        e.emit("POP", "FP")
        return

    def w_of(o: _Op) -> str:
        return _w(o.width if o.kind == "R" else o.size * 8)

    # moves, loads, stores
    if name in ("mov", "movabs"):
        d, s = ops[0], ops[1]
        if d.kind == "M":
            e.emit("STORE", *e.mem(d), *e.opnd(s))
        elif s.kind == "M":
            e.write(d)
            e.emit("LOAD", w_of(d), d.tok, *e.mem(s))
        else:
            e.write(d)
            idx = e.emit("MOV", w_of(d), d.tok, *e.opnd(s))
            if s.kind == "I":
                e.set_const(d, idx, s.value)
            if s.kind == "A":
                e.adr_regs.add(d.phys)
        return
    if name in ("movzx", "movsx", "movsxd", "cdqe", "cwde", "cbw", "cdq", "cqo", "cwd"):
        if name in ("cdqe", "cwde", "cbw"):
            e.emit("EXTS", "W64" if name == "cdqe" else "W32", "RET", "RET")
            return
        if name in ("cdq", "cqo", "cwd"):
            e.emit("SAR", "W64" if name == "cqo" else "W32", "ARG2" if e.isa == "x86_64" else
                   e.gen_tok("rdx", False), "RET", "#31" if name == "cdq" else "#63")
            return
        d, s = ops[0], ops[1]
        e.write(d)
        signed = name != "movzx"
        if s.kind == "M":
            e.emit("LOADS" if signed else "LOAD", w_of(d), d.tok, *e.mem(s))
        else:
            e.emit("EXTS" if signed else "EXT", w_of(s), d.tok, *e.opnd(s))
        return
    if name == "lea":
        d, s = ops[0], ops[1]
        e.write(d)
        if s.base == "ADDR":
            e.emit("ADR", d.tok, "ADDR")
            e.adr_regs.add(d.phys)
            return
        if s.base in ("SP", "FP") and s.index is None:
            e.emit("ADD", w_of(d), d.tok, *e.mem(s)[1:])
            return
        toks = ["ADD", w_of(d), d.tok, s.base or "ZERO"]
        if s.index:
            toks.append(s.index)
            if s.scale in (2, 4, 8):
                toks.append(f"SCALE{s.scale}")
        if s.disp:
            toks.append(imm_token(s.disp))
        e.emit(*toks)
        return
    if name in _X86_MOVF:
        d, s = ops[0], ops[1]
        if d.kind == "M":
            e.emit("STORE", *e.mem(d), *e.opnd(s))
        elif s.kind == "M":
            e.emit("LOAD", w_of(d) if not d.fp else "", d.tok, *e.mem(s))
        else:
            e.emit("FMOV", d.tok, *e.opnd(s))
        e.write(d)
        return
    if name.startswith("cmov") and name[4:] in _X86_CC:
        d, s = ops[0], ops[1]
        if s.kind == "M":
            e.emit("LOAD", w_of(d), "TMP", *e.mem(s))
            s = _Op("R", tok="TMP")
        e.emit("CSEL", _X86_CC[name[4:]], w_of(d), d.tok, *e.opnd(s), d.tok)
        return
    if name.startswith("set") and name[3:] in _X86_CC:
        d = ops[0]
        if d.kind == "M":
            e.emit("SET", _X86_CC[name[3:]], "W8", "TMP")
            e.emit("STORE", *e.mem(d), "TMP")
        else:
            e.emit("SET", _X86_CC[name[3:]], "W8", d.tok)
        return
    if name in ("cmp", "test", "bt"):
        a, b = ops[0], ops[1]
        pre = []
        if a.kind == "M":
            pre.append(("LOAD", w_of(a), "TMP", *e.mem(a)))
            a = _Op("R", tok="TMP", width=a.size * 8)
        if b.kind == "M":
            pre.append(("LOAD", w_of(b), "TMP", *e.mem(b)))
            b = _Op("R", tok="TMP", width=b.size * 8)
        for p in pre:
            e.emit(*p)
        if name == "test" and a.kind == "R" and b.kind == "R" and a.tok == b.tok:
            e.emit("CMP", w_of(a), a.tok, "#0")
        elif name == "bt":
            e.emit("TST", w_of(a), *e.opnd(a), "#1" if b.kind != "I" else imm_token(1 << b.value))
        else:
            e.emit("CMP" if name == "cmp" else "TST", w_of(a), *e.opnd(a), *e.opnd(b))
        return
    if name in ("mul", "imul", "div", "idiv") and len(ops) == 1:
        s = ops[0]
        if s.kind == "M":
            e.emit("LOAD", w_of(s), "TMP", *e.mem(s))
            s = _Op("R", tok="TMP", width=s.size * 8)
        op = {"mul": "MUL", "imul": "MUL", "div": "UDIV", "idiv": "DIV"}[name]
        e.emit(op, w_of(s), "RET", "RET", *e.opnd(s))
        return
    if name == "imul" and len(ops) == 3:
        d, s, i = ops
        e.write(d)
        if s.kind == "M":
            e.emit("LOAD", w_of(d), "TMP", *e.mem(s))
            s = _Op("R", tok="TMP")
        e.emit("MUL", w_of(d), d.tok, *e.opnd(s), *e.opnd(i))
        return
    if name in _X86_ALU and len(ops) >= 2:
        d, s = ops[0], ops[1]
        op = _X86_ALU[name]
        if name in ("xor", "sub", "sbb") and d.kind == "R" and s.kind == "R" and d.tok == s.tok:
            e.write(d)
            e.emit("MOV", w_of(d), d.tok, "#0")
            return
        if d.kind == "M":
            e.emit("LOAD", w_of(d), "TMP", *e.mem(d))
            e.emit(op, w_of(d), "TMP", "TMP", *e.opnd(s))
            e.emit("STORE", *e.mem(d), "TMP")
            return
        if s.kind == "M":
            e.emit("LOAD", w_of(d), "TMP", *e.mem(s))
            s = _Op("R", tok="TMP")
        e.write(d)
        e.emit(op, w_of(d), d.tok, d.tok, *e.opnd(s))
        return
    if name in _X86_UN:
        d = ops[0] if ops else _Op("R", tok="TMP")
        op = _X86_UN[name]
        extra = ["#1"] if name in ("inc", "dec") else []
        if d.kind == "M":
            e.emit("LOAD", w_of(d), "TMP", *e.mem(d))
            e.emit(op, w_of(d), "TMP", "TMP", *extra)
            e.emit("STORE", *e.mem(d), "TMP")
            return
        e.write(d)
        e.emit(op, w_of(d), d.tok, d.tok, *extra)
        return
    if name in ("bsf", "tzcnt", "bsr", "lzcnt", "popcnt"):
        d, s = ops[0], ops[1]
        op = {"bsf": "CTZ", "tzcnt": "CTZ", "bsr": "CLZ", "lzcnt": "CLZ", "popcnt": "POPCNT"}[name]
        e.write(d)
        e.emit_ops(op, [w_of(d)], [d, s])
        return
    if name in ("cvtsi2sd", "cvtsi2ss", "cvttsd2si", "cvttss2si", "cvtsd2ss", "cvtss2sd",
                "cvtsd2si", "cvtss2si", "cvtdq2pd", "cvtdq2ps", "cvttps2dq", "cvtps2pd", "cvtpd2ps",
                "cvttpd2dq", "cvtsi2sdl", "cvtsi2sdq"):
        d, s = ops[0], ops[1]
        if s.kind == "M":
            e.emit("LOAD", "", "TMP", *e.mem(s))
            s = _Op("R", tok="TMP")
        e.write(d)
        e.emit("FCVT", d.tok, *e.opnd(s))
        return
    if name in _X86_FP:
        op = _X86_FP[name]
        if name in ("xorps", "xorpd", "pxor") and len(ops) == 2 and ops[0].kind == "R" \
                and ops[1].kind == "R" and ops[0].tok == ops[1].tok:
            e.emit("FMOV", ops[0].tok, "#0")
            return
        mem = [o for o in ops if o.kind == "M"]
        if op in ("LOAD", "STORE", "FCVT") and name.startswith("f"):
            if mem:
                load = op == "LOAD" or name == "fild"
                if load:
                    e.emit("LOAD", "FGEN0", *e.mem(mem[0]))
                else:
                    e.emit("STORE", *e.mem(mem[0]), "FGEN0")
            else:
                e.emit("FMOV", "FGEN0", *[t for o in ops for t in e.opnd(o)])
            return
        if name.startswith("f") and len(ops) <= 1 and op not in ("FCMP",):
            # x87 arithmetic on st(0)
            if mem:
                e.emit("LOAD", "TMP", *e.mem(mem[0]))
                ops = [_Op("R", tok="TMP")]
            e.emit_ops(op, [], [_Op("R", tok="FGEN0"), _Op("R", tok="FGEN0"), *ops])
            return
        if mem:
            e.emit("LOAD", "", "TMP", *e.mem(mem[0]))
            ops = [o if o.kind != "M" else _Op("R", tok="TMP") for o in ops]
        if op == "FCMP":
            e.emit_ops("FCMP", [], ops)
        else:
            e.emit_ops(op, [], ops[:1] + ops)
        return
    if name.startswith(("p", "v")) or name.endswith(("ps", "pd")) or name.startswith(
            ("unpck", "shuf", "punpck", "cvt", "round")):
        e.emit_ops("VEC", [], ops[:3])
        return
    if name in ("cpuid", "rdtsc", "rdtscp", "xgetbv", "rdrand"):
        e.emit("SYS")
        return
    e.emit_ops("OTHER", [], ops[:3])


# ---------------------------------------------------------------------------
# AArch64

_A64_ALU = {"add": "ADD", "adds": "ADD", "sub": "SUB", "subs": "SUB", "and": "AND", "ands": "AND",
            "orr": "OR", "eor": "XOR", "bic": "AND", "bics": "AND", "orn": "OR", "eon": "XOR",
            "lsl": "SHL", "lslv": "SHL", "lsr": "SHR", "lsrv": "SHR", "asr": "SAR", "asrv": "SAR",
            "ror": "ROT", "rorv": "ROT", "mul": "MUL", "smulh": "MULH", "umulh": "MULH",
            "sdiv": "DIV", "udiv": "UDIV", "adc": "ADD", "adcs": "ADD", "sbc": "SUB", "sbcs": "SUB",
            "smull": "MUL", "umull": "MUL", "mneg": "MUL", "smnegl": "MUL", "umnegl": "MUL"}
_A64_UN = {"neg": "NEG", "negs": "NEG", "mvn": "NOT", "ngc": "NEG", "ngcs": "NEG", "clz": "CLZ",
           "cls": "CLZ", "rbit": "BIT", "rev": "BSWAP", "rev16": "BSWAP", "rev32": "BSWAP",
           "sxtb": "EXTS", "sxth": "EXTS", "sxtw": "EXTS", "uxtb": "EXT", "uxth": "EXT",
           "uxtw": "EXT"}
_A64_F = {"fadd": "FADD", "fsub": "FSUB", "fmul": "FMUL", "fdiv": "FDIV", "fsqrt": "FSQRT",
          "fneg": "FNEG", "fabs": "FABS", "fmin": "FMIN", "fmax": "FMAX", "fminnm": "FMIN",
          "fmaxnm": "FMAX", "fmadd": "FMA", "fmsub": "FMA", "fnmadd": "FMA", "fnmsub": "FMA",
          "fnmul": "FMUL", "fcvt": "FCVT", "fcvtzs": "FCVT", "fcvtzu": "FCVT", "scvtf": "FCVT",
          "ucvtf": "FCVT", "fcvtas": "FCVT", "fcvtau": "FCVT", "fcvtms": "FCVT", "fcvtmu": "FCVT",
          "fcvtps": "FCVT", "fcvtpu": "FCVT", "fcvtns": "FCVT", "fcvtnu": "FCVT", "frintz": "FCVT",
          "frinta": "FCVT", "frintm": "FCVT", "frintp": "FCVT", "frintn": "FCVT", "frintx": "FCVT",
          "frinti": "FCVT", "fmov": "FMOV"}
_A64_SKIP = {"nop", "hint", "bti", "paciasp", "autiasp", "pacibsp", "autibsp", "xpaclri", "yield",
             "prfm", "prfum"}


def _a64_ops(e: _Emitter, insn: Any) -> list[_Op]:
    from capstone import arm64

    out: list[_Op] = []
    for o in insn.operands:
        if o.type == arm64.ARM64_OP_REG:
            r = _a64_reg(e, insn.reg_name(o.reg))
            if getattr(o, "vas", 0):
                r = _Op("R", tok="VREG" if r.tok.startswith("FGEN") else r.tok, width=128, fp=True,
                        phys=r.phys)
            if o.shift.type and o.shift.value:
                sh = {arm64.ARM64_SFT_LSL: "SH_LSL", arm64.ARM64_SFT_LSR: "SH_LSR",
                      arm64.ARM64_SFT_ASR: "SH_ASR", arm64.ARM64_SFT_ROR: "SH_ROR"}.get(
                          o.shift.type, "SH_LSL")
                r.shift = (sh, imm_token(o.shift.value))
            elif o.ext:
                r.shift = ("SH_EXT",)
            out.append(r)
        elif o.type in (arm64.ARM64_OP_IMM, arm64.ARM64_OP_CIMM):
            v = o.imm
            if o.shift.type == arm64.ARM64_SFT_LSL and o.shift.value:
                v <<= o.shift.value
            out.append(_Op("I", value=v))
        elif o.type == arm64.ARM64_OP_FP:
            out.append(_Op("F"))
        elif o.type == arm64.ARM64_OP_MEM:
            m = o.mem
            b = _a64_reg(e, insn.reg_name(m.base)) if m.base else None
            i = _a64_reg(e, insn.reg_name(m.index)) if m.index else None
            scale = 1
            if i is not None and o.shift.type == arm64.ARM64_SFT_LSL:
                scale = 1 << o.shift.value
            out.append(_Op("M", base=b.tok if b else None, index=i.tok if i else None,
                           scale=scale, disp=m.disp, phys=b.phys if b else ""))
        else:
            out.append(_Op("I", value=0))
    return out


def _a64_size(name: str, reg: _Op) -> tuple[int, bool]:
    base = name.rstrip("p")
    for suf, size, signed in (("sb", 1, True), ("sh", 2, True), ("sw", 4, True), ("b", 1, False),
                              ("h", 2, False)):
        if base.endswith(suf) and not base.endswith("xrb") or base.endswith(suf + "r"):
            if base.endswith(suf):
                return size, signed
    return max(reg.width // 8, 1), False


def _aarch64(e: _Emitter, fn: Function, insn: Any) -> None:
    name = insn.insn_name()
    if name in _A64_SKIP:
        return
    relocs = fn.reloc_at(insn.address, insn.address + insn.size)
    ops = _a64_ops(e, insn)
    cc = _ARM_CC.get(insn.cc, "")
    vector = any(o.kind == "R" and o.tok == "VREG" or (o.kind == "R" and o.width == 128 and o.fp)
                 for o in ops)

    if name == "b" and cc:
        _branch(e, fn, insn, ops[0].value if ops else None, relocs, "BR", [cc])
        return
    if name == "b":
        _branch(e, fn, insn, ops[0].value if ops else None, relocs, "JMP", [])
        return
    if name == "bl":
        e.emit("CALL", "FUNC")
        e.const.clear()
        e.adr_regs.clear()
        return
    if name in ("blr", "blraa", "blraaz", "blrab", "blrabz"):
        e.emit_ops("ICALL", [], ops[:1])
        e.const.clear()
        e.adr_regs.clear()
        return
    if name in ("br", "braa", "braaz"):
        e.emit_ops("IJMP", [], ops[:1])
        return
    if name in ("ret", "retaa", "retab"):
        e.emit("RETURN")
        return
    if name in ("cbz", "cbnz"):
        e.emit("CMP", _w(ops[0].width), ops[0].tok, "#0")
        _branch(e, fn, insn, ops[1].value, relocs, "BR", ["EQ" if name == "cbz" else "NE"])
        return
    if name in ("tbz", "tbnz"):
        e.emit("TST", _w(ops[0].width), ops[0].tok, imm_token(1 << ops[1].value))
        _branch(e, fn, insn, ops[2].value, relocs, "BR", ["EQ" if name == "tbz" else "NE"])
        return
    if name in ("adrp", "adr"):
        d = ops[0]
        e.write(d)
        e.emit("ADR", d.tok, "ADDR")
        e.adr_regs.add(d.phys)
        return
    if name in ("svc", "hvc", "smc"):
        e.emit("SYSCALL")
        return
    if name in ("brk", "udf", "hlt"):
        e.emit("TRAP")
        return
    if name in ("dmb", "dsb", "isb"):
        e.emit("FENCE")
        return
    if name in ("mrs", "msr", "sys"):
        e.emit("SYS")
        return

    if name.startswith(("ld", "st")) and name not in ("stp", "ldp", "ldnp", "stnp", "ldpsw") \
            and name.startswith(("ldx", "ldax", "stx", "stlx", "ldadd", "ldset", "ldclr", "ldeor",
                                 "swp", "stadd", "stset", "stclr")):
        e.emit_ops("ATOMIC", [], ops[:1])
        return
    if name.startswith("cas"):
        e.emit_ops("ATOMIC", [], ops[:1])
        return
    if name.startswith(("ld1", "ld2", "ld3", "ld4", "st1", "st2", "st3", "st4")):
        mem = [o for o in ops if o.kind == "M"]
        op = "LOAD" if name.startswith("ld") else "STORE"
        if mem:
            mem[0].size = 16
            e.emit(op, *e.mem(mem[0]), "VREG")
        return
    if name in ("ldp", "ldnp", "ldpsw", "stp", "stnp") or name.startswith(("ldr", "ldur", "ldar",
                                                                               "str", "stur",
                                                                               "stlr", "ldapr")):
        regs = [o for o in ops if o.kind == "R"]
        mem = [o for o in ops if o.kind == "M"]
        lit = [o for o in ops if o.kind == "I"]
        load = name.startswith("ld")
        if not regs:
            return
        size, signed = _a64_size(name, regs[0])
        if name == "ldpsw":
            size, signed = 4, True
        if not mem:
            # literal load (ldr x0, =label)
            e.write(regs[0])
            e.emit("LOAD", _w(regs[0].width), regs[0].tok, f"M{size}", "ADDR")
            return
        m = mem[0]
        if relocs or m.phys in e.adr_regs:
            m.base = "ADDR"
        if getattr(insn, "writeback", False) and not lit:
            m.disp = 0           # pre-index (``[sp, #-32]!``): the slot is at the new sp
        for k, r in enumerate(regs[:2]):
            mk = _Op("M", base=m.base, index=m.index, scale=m.scale, disp=m.disp + k * size,
                     size=size, phys=m.phys)
            if load:
                e.write(r)
                e.emit("LOADS" if signed else "LOAD", "" if r.fp else _w(r.width), r.tok, *e.mem(mk))
            else:
                e.emit("STORE", *e.mem(mk), r.tok)
        return

    if vector and name not in ("fmov", "dup", "umov", "ins", "mov") and not name.startswith("fcvt"):
        e.emit_ops("VEC", [], ops[:3])
        return
    if name in ("mov", "movz", "movn", "fmov", "umov", "dup", "ins", "smov"):
        d, s = ops[0], ops[-1]
        e.write(d)
        if name == "movn":
            s = _Op("I", value=~s.value)
        if d.fp or (s.kind == "R" and s.fp) or name == "fmov":
            e.emit_ops("FMOV", [], [d, s])
            return
        if s.kind == "R" and s.tok == "SP":
            e.emit("ADD", _w(d.width), d.tok, "SP", "#0")
            return
        if s.kind == "I":
            s = _Op("I", value=_signed(s.value, d.width))
        if s.kind == "R" and s.tok == "ZERO":
            s = _Op("I", value=0)
        idx = e.emit_ops("MOV", [_w(d.width)], [d, s])
        if s.kind == "I":
            e.set_const(d, idx, s.value)
        return
    if name == "movk":
        d, s = ops[0], ops[1]
        if e.merge_const(d, d.phys, lambda v: (v & ~(0xFFFF << _sh(s.value))) | s.value):
            return
        e.emit_ops("MOVK", [_w(d.width)], [d, s])
        return
    if name in ("cmp", "cmn", "tst"):
        op = {"cmp": "CMP", "cmn": "CMN", "tst": "TST"}[name]
        e.emit_ops(op, [_w(ops[0].width)], ops[:2])
        return
    if name in ("ccmp", "ccmn", "fccmp", "fccmpe"):
        e.emit_ops("CCMP", [cc], ops[:2])
        return
    if name in ("fcmp", "fcmpe"):
        e.emit_ops("FCMP", [], ops[:2])
        return
    if name in ("csel", "csinc", "csinv", "csneg", "fcsel"):
        d = ops[0]
        e.write(d)
        e.emit_ops("CSEL", [cc, _w(d.width)], ops[:3])
        return
    if name in ("cset", "csetm"):
        d = ops[0]
        e.write(d)
        e.emit_ops("SET", [cc, _w(d.width)], [d])
        return
    if name in ("cinc", "cinv", "cneg"):
        d = ops[0]
        e.write(d)
        e.emit_ops("CSEL", [cc, _w(d.width)], ops[:2])
        return
    if name in ("madd", "msub", "smaddl", "umaddl", "smsubl", "umsubl"):
        d, a, b, c = ops[:4]
        e.write(d)
        e.emit_ops("MUL", [_w(d.width)], [d, a, b])
        e.emit_ops("ADD" if "add" in name else "SUB", [_w(d.width)], [d, c, d])
        return
    if name in ("ubfx", "sbfx", "ubfiz", "sbfiz", "bfi", "bfxil", "bfc", "extr", "ubfm", "sbfm",
                "bfm"):
        d = ops[0]
        e.write(d)
        if name in ("ubfx", "sbfx") and len(ops) == 4 and ops[2].kind == "I" and ops[2].value == 0:
            e.emit_ops("EXTS" if name[0] == "s" else "EXT", [_w(ops[3].value)], ops[:2])
            return
        e.emit_ops("BFX", [_w(d.width)], ops[:3])
        return
    if name in _A64_F:
        d = ops[0]
        e.write(d)
        e.emit_ops(_A64_F[name], [], ops[:4])
        return
    if name in _A64_UN:
        d = ops[0]
        e.write(d)
        width = ops[1].width if name.startswith(("sxt", "uxt")) and len(ops) > 1 else d.width
        if name in ("sxtb", "uxtb"):
            width = 8
        elif name in ("sxth", "uxth"):
            width = 16
        elif name in ("sxtw", "uxtw"):
            width = 32
        e.emit_ops(_A64_UN[name], [_w(width)], ops[:2])
        return
    if name in _A64_ALU:
        d = ops[0]
        if len(ops) >= 3 and name in ("add", "sub") and ops[1].kind == "R" \
                and ops[1].phys in e.adr_regs and ops[2].kind == "I":
            # adrp x0, sym; add x0, x0, :lo12:sym  ->  one ADR
            e.adr_regs.add(d.phys)
            if d.phys != ops[1].phys:
                e.emit("ADR", d.tok, "ADDR")
            return
        e.write(d)
        op = _A64_ALU[name]
        e.emit_ops(op, [_w(d.width)], ops[:3])
        return
    if name in ("cnt",):
        e.emit_ops("POPCNT", [], ops[:2])
        return
    if name in ("ldxr", "ldaxr", "stxr", "stlxr"):
        e.emit_ops("ATOMIC", [], ops[:1])
        return
    e.emit_ops("OTHER", [], ops[:3])


def _sh(v: int) -> int:
    """Shift of a movk half-word: capstone reports the already shifted value."""
    s = 0
    while v and not v & 0xFFFF:
        v >>= 16
        s += 16
    return s


# ---------------------------------------------------------------------------
# RISC-V64

_RV_LOAD = {"lb": (1, True), "lh": (2, True), "lw": (4, False), "ld": (8, False), "lbu": (1, False),
            "lhu": (2, False), "lwu": (4, False), "flw": (4, False), "fld": (8, False)}
_RV_STORE = {"sb": 1, "sh": 2, "sw": 4, "sd": 8, "fsw": 4, "fsd": 8}
_RV_ALU = {"add": "ADD", "addi": "ADD", "sub": "SUB", "mul": "MUL", "mulh": "MULH",
           "mulhu": "MULH", "mulhsu": "MULH", "div": "DIV", "divu": "UDIV", "rem": "REM",
           "remu": "UREM", "and": "AND", "andi": "AND", "or": "OR", "ori": "OR", "xor": "XOR",
           "xori": "XOR", "sll": "SHL", "slli": "SHL", "srl": "SHR", "srli": "SHR", "sra": "SAR",
           "srai": "SAR"}
_RV_BR = {"beq": "EQ", "bne": "NE", "blt": "LT", "bge": "GE", "bltu": "ULT", "bgeu": "UGE",
          "bgt": "GT", "ble": "LE", "bgtu": "UGT", "bleu": "ULE"}
_RV_BRZ = {"beqz": "EQ", "bnez": "NE", "blez": "LE", "bgez": "GE", "bltz": "LT", "bgtz": "GT"}
_RV_F = {"fadd": "FADD", "fsub": "FSUB", "fmul": "FMUL", "fdiv": "FDIV", "fsqrt": "FSQRT",
         "fmin": "FMIN", "fmax": "FMAX", "fmadd": "FMA", "fmsub": "FMA", "fnmadd": "FMA",
         "fnmsub": "FMA", "fcvt": "FCVT", "fmv": "FMOV", "fsgnj": "FMOV", "fsgnjn": "FNEG",
         "fsgnjx": "FABS", "fneg": "FNEG", "fabs": "FABS", "fclass": "FOTHER"}
# relocation types: R_RISCV_CALL, R_RISCV_CALL_PLT
_RV_CALL_RELOCS = {18, 19}
_RV_IGNORE_RELOCS = {51, 43, 44, 16, 17, 45, 46}   # RELAX, ALIGN, BRANCH, JAL, RVC_*


def _riscv(e: _Emitter, fn: Function, insn: Any) -> None:
    from capstone import riscv

    mnem = insn.mnemonic
    name = mnem[2:] if mnem.startswith("c.") else mnem
    if name.endswith("sp") and name[:-2] in (*_RV_LOAD, *_RV_STORE):
        name = name[:-2]
    if name in ("addi16sp", "addi4spn"):
        name = "addi"
    if name in ("nop", "fence.i"):
        return
    relocs = [r for r in fn.reloc_at(insn.address, insn.address + insn.size)
              if r.type not in _RV_IGNORE_RELOCS]
    base = name.split(".")[0]
    width = 32 if (base.endswith("w") and base not in ("sw", "lw", "fsw", "flw", "lwu")) else 64
    fp_suffix = name.split(".")[1:] if "." in name else []
    ops: list[_Op] = []
    raw = list(insn.operands)
    for o in raw:
        if o.type == riscv.RISCV_OP_REG:
            ops.append(_rv_reg(e, insn.reg_name(o.reg), width))
        elif o.type == riscv.RISCV_OP_IMM:
            ops.append(_Op("I", value=o.imm))
        elif o.type == riscv.RISCV_OP_MEM:
            b = _rv_reg(e, insn.reg_name(o.mem.base)) if o.mem.base else None
            ops.append(_Op("M", base=b.tok if b else None, disp=o.mem.disp,
                           phys=b.phys if b else ""))
    # compressed loads/stores come as (reg, imm, reg)
    if (base in _RV_LOAD or base in _RV_STORE) and len(ops) == 3 and ops[1].kind == "I":
        b = ops[2]
        ops = [ops[0], _Op("M", base=b.tok, disp=ops[1].value, phys=b.phys)]
    if base.endswith("w") and base not in ("sw", "lw", "fsw", "flw", "lwu") and base[:-1] in _RV_ALU:
        base = base[:-1]
    if base in ("addiw", "slliw", "srliw", "sraiw"):
        base = base[:-1]

    def wt(o: _Op) -> str:
        return _w(o.width if not o.fp else 0)

    if base in _RV_LOAD:
        size, signed = _RV_LOAD[base]
        d, m = ops[0], ops[1]
        m.size = size
        if relocs or m.phys in e.adr_regs:
            m.base = "ADDR"
        e.write(d)
        e.emit("LOADS" if signed else "LOAD", "" if d.fp else "W64" if size == 8 else "W32", d.tok,
               *e.mem(m))
        return
    if base in _RV_STORE:
        v, m = ops[0], ops[1]
        m.size = _RV_STORE[base]
        if relocs or m.phys in e.adr_regs:
            m.base = "ADDR"
        e.emit("STORE", *e.mem(m), "ZERO" if v.tok == "ZERO" else v.tok)
        return
    if base == "auipc":
        d = ops[0]
        e.write(d)
        if any(r.type in _RV_CALL_RELOCS for r in relocs):
            e.pending_call = d.phys
            return
        e.emit("ADR", d.tok, "ADDR")
        e.adr_regs.add(d.phys)
        return
    if base in ("jalr", "jr", "ret"):
        tgt = ops[-1] if ops else None
        if base == "ret" or (base == "jr" and tgt and tgt.tok == "LR"):
            e.emit("RETURN")
            return
        link = base == "jalr" and (len(ops) == 1 or ops[0].tok == "LR")
        via = next((o for o in reversed(ops) if o.kind == "R"), None)
        if via is not None and (via.phys == e.pending_call or via.phys in e.adr_regs):
            e.pending_call = None
            e.emit("CALL" if link else "JMP", "FUNC")
        else:
            e.emit_ops("ICALL" if link else "IJMP", [], [via] if via else [])
        if link:
            e.const.clear()
            e.adr_regs.clear()
        return
    if base == "jal":
        if len(ops) == 1 or ops[0].tok == "LR":
            e.emit("CALL", "FUNC")
            e.const.clear()
            e.adr_regs.clear()
        else:
            tgt = insn.address + ops[-1].value
            _branch(e, fn, insn, tgt, relocs, "JMP", [])
        return
    if base == "j":
        _branch(e, fn, insn, insn.address + ops[-1].value, relocs, "JMP", [])
        return
    if base in _RV_BR:
        a, b = ops[0], ops[1]
        e.emit("CMP", "W64", a.tok, "#0" if b.tok == "ZERO" else b.tok)
        _branch(e, fn, insn, insn.address + ops[2].value, relocs, "BR", [_RV_BR[base]])
        return
    if base in _RV_BRZ:
        a = ops[0]
        e.emit("CMP", "W64", a.tok, "#0")
        _branch(e, fn, insn, insn.address + ops[1].value, relocs, "BR", [_RV_BRZ[base]])
        return
    if base in ("ecall",):
        e.emit("SYSCALL")
        return
    if base in ("ebreak", "unimp"):
        e.emit("TRAP")
        return
    if base == "fence":
        e.emit("FENCE")
        return
    if base.startswith(("amo", "lr", "sc")) and "." in name and base in (
            "lr", "sc") or base.startswith("amo"):
        e.emit_ops("ATOMIC", [], ops[:1])
        return
    if base.startswith("csr") or base in ("frflags", "fsflags", "frrm", "fsrm", "frcsr", "fscsr",
                                          "rdtime", "rdcycle"):
        e.emit("SYS")
        return
    if base in ("li", "lui"):
        d, s = ops[0], ops[-1]
        e.write(d)
        v = s.value << 12 if base == "lui" else s.value
        v = _signed(v, 32) if base == "lui" else v
        idx = e.emit("MOV", wt(d), d.tok, imm_token(v))
        e.set_const(d, idx, v)
        return
    if base in ("mv",):
        d, s = ops[0], ops[1]
        e.write(d)
        if s.phys in e.adr_regs:
            e.adr_regs.add(d.phys)
        e.emit("MOV", "W64", d.tok, s.tok)
        return
    if base == "sext" or name == "sext.w":
        d, s = ops[0], ops[1]
        e.write(d)
        e.emit("EXTS", "W32", d.tok, s.tok)
        return
    if base in ("not", "neg", "negw"):
        d, s = ops[0], ops[1]
        e.write(d)
        e.emit("NOT" if base == "not" else "NEG", wt(d), d.tok, s.tok)
        return
    if base in ("seqz", "snez", "sltz", "sgtz"):
        d, s = ops[0], ops[1]
        cond = {"seqz": "EQ", "snez": "NE", "sltz": "LT", "sgtz": "GT"}[base]
        e.emit("CMP", "W64", s.tok, "#0")
        e.write(d)
        e.emit("SET", cond, "W64", d.tok)
        return
    if base in ("slt", "sltu", "slti", "sltiu"):
        d, a, b = ops[0], ops[1], ops[2]
        e.emit_ops("CMP", ["W64"], [a, b])
        e.write(d)
        e.emit("SET", "ULT" if base.endswith(("u", "ui")) else "LT", "W64", d.tok)
        return
    if base in ("feq", "flt", "fle"):
        d, a, b = ops[0], ops[1], ops[2]
        e.emit("FCMP", a.tok, b.tok)
        e.write(d)
        e.emit("SET", {"feq": "EQ", "flt": "LT", "fle": "LE"}[base], "W64", d.tok)
        return
    if base in _RV_F:
        op = _RV_F[base]
        if base == "fmv" and len(fp_suffix) == 2:
            op = "FMOV"
        d = ops[0] if ops else None
        if d is not None:
            e.write(d)
        if base == "fsgnj" and len(ops) == 3 and ops[1].tok != ops[2].tok:
            op = "FOTHER"
        e.emit_ops(op, [], ops[:4] if op != "FMOV" else ops[:2])
        return
    if base in _RV_ALU or base in ("zext", "andi"):
        d = ops[0]
        srcs = ops[1:]
        if len(srcs) == 1:          # compressed two-operand form
            srcs = [d, srcs[0]]
        if base in ("add", "addi") and srcs and srcs[0].kind == "R" and srcs[0].phys in e.adr_regs \
                and srcs[-1].kind == "I":
            e.adr_regs.add(d.phys)
            if d.phys != srcs[0].phys:
                e.emit("ADR", d.tok, "ADDR")
            return
        if base == "addi" and srcs and srcs[0].kind == "R" and srcs[-1].kind == "I" \
                and srcs[0].phys in e.const and d.phys == srcs[0].phys:
            inc = srcs[-1].value
            if e.merge_const(d, srcs[0].phys,
                             lambda v: _signed(v + inc, 32) if width == 32 else v + inc):
                return
        if base == "addi" and srcs and srcs[0].kind == "R" and srcs[0].tok == "ZERO":
            e.write(d)
            idx = e.emit("MOV", _w(width), d.tok, imm_token(srcs[-1].value))
            e.set_const(d, idx, srcs[-1].value)
            return
        if base == "addi" and srcs[-1].kind == "I" and srcs[-1].value == 0:
            e.write(d)
            if width == 32:
                e.emit("EXTS", "W32", d.tok, srcs[0].tok)
            else:
                e.emit("MOV", "W64", d.tok, srcs[0].tok)
            return
        if base == "andi" and srcs[-1].kind == "I" and srcs[-1].value in (0xFF, 0xFFFF):
            e.write(d)
            e.emit("EXT", "W8" if srcs[-1].value == 0xFF else "W16", d.tok, srcs[0].tok)
            return
        e.write(d)
        op = _RV_ALU.get(base, "EXT")
        e.emit_ops(op, [_w(width)], [d, *srcs])
        return
    e.emit_ops("OTHER", [], ops[:3])


# ---------------------------------------------------------------------------
# ARM (A32, ARMv5TE soft-float as Debian's armel, Thumb where a symbol says so)

_ARM_ALU = {"add": "ADD", "adc": "ADD", "sub": "SUB", "sbc": "SUB", "rsb": "SUB", "rsc": "SUB",
            "and": "AND", "orr": "OR", "eor": "XOR", "bic": "AND", "orn": "OR", "lsl": "SHL",
            "lsr": "SHR", "asr": "SAR", "ror": "ROT", "mul": "MUL", "sdiv": "DIV", "udiv": "UDIV",
            "umull": "MUL", "smull": "MUL", "smmul": "MULH"}
_ARM_UN = {"mvn": "NOT", "clz": "CLZ", "rev": "BSWAP", "rev16": "BSWAP", "rbit": "BIT",
           "uxtb": "EXT", "uxth": "EXT", "sxtb": "EXTS", "sxth": "EXTS", "rrx": "ROT", "neg": "NEG"}
_ARM_F = {"vadd": "FADD", "vsub": "FSUB", "vmul": "FMUL", "vdiv": "FDIV", "vsqrt": "FSQRT",
          "vneg": "FNEG", "vabs": "FABS", "vcvt": "FCVT", "vmov": "FMOV", "vcmp": "FCMP",
          "vcmpe": "FCMP", "vmla": "FMA", "vmls": "FMA", "vfma": "FMA", "vfms": "FMA"}
_ARM_ABS32 = {2}          # R_ARM_ABS32 in a literal pool: the literal is an address
_ARM_LOADS = {"ldr": (4, False), "ldrb": (1, False), "ldrh": (2, False), "ldrsb": (1, True),
              "ldrsh": (2, True), "ldrd": (8, False), "ldrex": (4, False), "ldrt": (4, False),
              "ldrbt": (1, False), "vldr": (8, False)}
_ARM_STORES = {"str": 4, "strb": 1, "strh": 2, "strd": 8, "strex": 4, "vstr": 8}


def _arm(e: _Emitter, fn: Function, insn: Any) -> None:
    from capstone import arm

    name = insn.insn_name()
    if name in ("nop", "pld", "hint"):
        return
    relocs = fn.reloc_at(insn.address, insn.address + insn.size)
    cc = _ARM_CC.get(insn.cc, "")
    ops: list[_Op] = []
    for o in insn.operands:
        if o.type == arm.ARM_OP_REG:
            r = _arm_reg(e, insn.reg_name(o.reg))
            if o.shift.type and o.shift.value:
                sh = {arm.ARM_SFT_LSL: "SH_LSL", arm.ARM_SFT_LSR: "SH_LSR",
                      arm.ARM_SFT_ASR: "SH_ASR", arm.ARM_SFT_ROR: "SH_ROR"}.get(o.shift.type,
                                                                               "SH_LSL")
                r.shift = (sh, imm_token(o.shift.value) if o.shift.type < 6 else "GEN")
            ops.append(r)
        elif o.type in (arm.ARM_OP_IMM, arm.ARM_OP_CIMM, arm.ARM_OP_PIMM):
            ops.append(_Op("I", value=_signed(o.imm, 32)))
        elif o.type == arm.ARM_OP_MEM:
            m = o.mem
            b = _arm_reg(e, insn.reg_name(m.base)) if m.base else None
            i = _arm_reg(e, insn.reg_name(m.index)) if m.index else None
            disp = m.disp if not getattr(o, "subtracted", False) else -m.disp
            ops.append(_Op("M", base=b.tok if b else None, index=i.tok if i else None,
                           scale=1 << o.shift.value if (i and o.shift.type == arm.ARM_SFT_LSL)
                           else 1, disp=disp, phys=b.phys if b else ""))
        elif o.type == arm.ARM_OP_FP:
            ops.append(_Op("F"))
        else:
            ops.append(_Op("I", value=0))
    pre = [cc] if cc else []

    if name in ("b", "bl", "blx", "bx"):
        if name == "bx" and ops and ops[0].tok == "LR":
            if cc:
                e.emit("BR", cc, "FUNC")
            e.emit("RETURN")
            return
        if ops and ops[0].kind == "R":
            e.emit_ops("ICALL" if name == "blx" else "IJMP", pre, ops[:1])
            return
        if name in ("bl", "blx"):
            e.emit("CALL", *pre, "FUNC")
            e.const.clear()
            e.adr_regs.clear()
            return
        _branch(e, fn, insn, ops[0].value if ops else None, relocs, "BR" if cc else "JMP", pre)
        return
    if name in ("push", "stmdb", "stmfd") and (name == "push" or (ops and ops[0].tok == "SP")):
        regs = [o for o in ops if o.kind == "R"][(0 if name == "push" else 1):]
        e.emit("PUSH", *[r.tok for r in regs][:7])
        return
    if name in ("pop", "ldm", "ldmia", "ldmfd") and (name == "pop" or (ops and ops[0].tok == "SP")):
        regs = [o for o in ops if o.kind == "R"][(0 if name == "pop" else 1):]
        e.emit("POP", *[r.tok for r in regs if r.tok != "PC"][:7])
        for r in regs:
            e.write(r)
        if any(r.tok == "PC" for r in regs):
            e.emit("RETURN")
        return
    if name in ("ldm", "stm", "ldmia", "stmia", "ldmdb", "stmib", "ldmib", "stmda", "ldmda"):
        e.emit_ops("LOAD" if name.startswith("ld") else "STORE", pre, ops[:3])
        return
    if name in _ARM_LOADS or name in _ARM_STORES:
        regs = [o for o in ops if o.kind == "R"]
        mem = [o for o in ops if o.kind == "M"]
        if not regs or not mem:
            e.emit_ops("OTHER", pre, ops[:3])
            return
        r, m = regs[0], mem[0]
        if name in _ARM_LOADS:
            size, signed = _ARM_LOADS[name]
            if m.base == "PC" and m.index is None:
                lit = insn.address + (4 if fn.thumb else 8) + m.disp
                if fn.thumb:
                    lit = (insn.address + 4) & ~3
                    lit += m.disp
                e.write(r)
                srel = fn.section_relocs
                if lit in srel:
                    e.emit("ADR", *pre, r.tok, "ADDR")
                    e.adr_regs.add(r.phys)
                else:
                    off = lit - fn.section_base
                    raw = fn.section_data[off:off + 4]
                    v = struct.unpack(">i" if fn.big_endian else "<i", raw)[0] if len(raw) == 4 \
                        else 0
                    idx = e.emit("MOV", *pre, "W32", r.tok, imm_token(v))
                    e.set_const(r, idx, v)
                return
            if r.tok == "PC":
                e.emit("RETURN" if m.base == "SP" else "IJMP", *pre)
                return
            if m.phys in e.adr_regs:
                m.base = "ADDR"
            m.size = size
            e.write(r)
            e.emit("LOADS" if signed else "LOAD", *pre, "W32" if not r.fp else "", r.tok, *e.mem(m))
            return
        m.size = _ARM_STORES[name]
        if m.phys in e.adr_regs:
            m.base = "ADDR"
        e.emit("STORE", *pre, *e.mem(m), r.tok)
        return
    if name in ("mov", "movw", "movs", "mvn") and ops and ops[0].tok == "PC":
        e.emit("RETURN" if len(ops) > 1 and ops[1].tok == "LR" else "IJMP", *pre)
        return
    if name in ("mov", "movw"):
        d, s = ops[0], ops[1]
        e.write(d)
        idx = e.emit_ops("MOV", [*pre, "W32"], [d, s])
        if s.kind == "I" and not cc:
            e.set_const(d, idx, s.value)
        if s.kind == "R" and s.phys in e.adr_regs:
            e.adr_regs.add(d.phys)
        return
    if name == "movt":
        d, s = ops[0], ops[1]
        if e.merge_const(d, d.phys, lambda v: _signed((v & 0xFFFF) | (s.value << 16), 32)):
            return
        e.emit_ops("MOVK", [*pre, "W32"], [d, s])
        return
    if name in ("cmp", "cmn", "tst", "teq"):
        op = {"cmp": "CMP", "cmn": "CMN", "tst": "TST", "teq": "CMP"}[name]
        e.emit_ops(op, [*pre, "W32"], ops[:2])
        return
    if name in ("mla", "mls", "umlal", "smlal"):
        d = ops[0]
        e.write(d)
        e.emit_ops("MUL", [*pre, "W32"], ops[:3])
        e.emit_ops("ADD" if name != "mls" else "SUB", [*pre, "W32"], [d, ops[-1], d])
        return
    if name in ("ubfx", "sbfx", "bfi", "bfc"):
        e.write(ops[0])
        e.emit_ops("BFX", [*pre, "W32"], ops[:3])
        return
    if name in ("svc", "swi"):
        e.emit("SYSCALL")
        return
    if name in ("udf", "bkpt"):
        e.emit("TRAP")
        return
    if name in ("dmb", "dsb", "isb", "mcr"):
        e.emit("FENCE" if name != "mcr" else "SYS")
        return
    if name in ("mrc", "mrs", "msr", "vmrs", "vmsr"):
        e.emit("SYS")
        return
    if name in ("ldrex", "strex", "swp", "swpb", "ldrexd", "strexd", "ldrexb", "strexb"):
        e.emit_ops("ATOMIC", pre, ops[:1])
        return
    if name in _ARM_UN:
        d = ops[0]
        e.write(d)
        width = 8 if name.endswith("b") and name != "rrx" else 16 if name.endswith("h") else 32
        e.emit_ops(_ARM_UN[name], [*pre, _w(width)], ops[:2])
        return
    if name in _ARM_ALU:
        d = ops[0]
        srcs = ops[1:] if len(ops) > 2 else [d, *ops[1:]]
        if name == "add" and any(o.kind == "R" and o.tok == "PC" for o in srcs):
            # add rX, pc, rX: PC-relative address materialisation
            e.adr_regs.add(d.phys)
            return
        if name in ("add", "sub") and srcs and srcs[0].kind == "R" and srcs[0].phys in e.adr_regs \
                and srcs[-1].kind == "I":
            e.adr_regs.add(d.phys)
            return
        if name in ("add", "orr", "sub", "eor") and srcs[0].kind == "R" and srcs[-1].kind == "I" \
                and d.phys == srcs[0].phys and srcs[0].phys in e.const and not cc:
            val = srcs[-1].value
            f = {"add": lambda v: v + val, "orr": lambda v: v | val, "sub": lambda v: v - val,
                 "eor": lambda v: v ^ val}[name]
            if e.merge_const(d, d.phys, lambda v: _signed(f(v), 32)):
                return
        e.write(d)
        op = _ARM_ALU[name]
        if name in ("rsb", "rsc") and len(srcs) == 2:
            srcs = [srcs[1], srcs[0]]
            if srcs[0].kind == "I" and srcs[0].value == 0:
                e.emit_ops("NEG", [*pre, "W32"], [d, srcs[1]])
                return
        e.emit_ops(op, [*pre, "W32"], [d, *srcs])
        return
    vname = name.split(".")[0]
    if vname in _ARM_F:
        if ops:
            e.write(ops[0])
        e.emit_ops(_ARM_F[vname], pre, ops[:3])
        return
    if name.startswith("v"):
        e.emit_ops("VEC", pre, ops[:3])
        return
    e.emit_ops("OTHER", pre, ops[:3])


# ---------------------------------------------------------------------------
# driver

_HANDLERS = {"x86_64": _x86, "i386": _x86, "aarch64": _aarch64, "riscv64": _riscv, "arm": _arm}


def normalize_function(fn: Function) -> NormFunction:
    """Token stream of one function (see the module docstring for the format)."""
    if fn.isa not in _HANDLERS:
        raise ValueError(f"{fn.path}: ISA {fn.isa} is not supported by the embedder "
                         f"(supported: {', '.join(SUPPORTED_ISAS)})")
    insns = _decode(fn)
    handler = _HANDLERS[fn.isa]
    e = _Emitter(fn.isa)
    # local branch targets -> LBL pseudo-instructions
    targets = _branch_targets(fn, insns)
    starts: list[int] = []
    for insn in insns:
        if insn.address in targets and insn.address != fn.address:
            e.emit("LBL")
            e.const.clear()
            e.adr_regs.clear()
        starts.append(len(e.out))
        try:
            handler(e, fn, insn)
        except (IndexError, AttributeError, KeyError, TypeError, ValueError):
            e.emit("OTHER")
    out = [ins for ins in e.out if ins]
    if fn.isa in ("aarch64", "riscv64", "arm"):
        _name_results(out)
    return NormFunction(fn.name, fn.isa, fn.path, out, len(insns))


def _branch_targets(fn: Function, insns: list[Any]) -> set[int]:
    """Addresses inside ``fn`` that some jump or branch of ``fn`` goes to (calls excluded)."""
    out: set[int] = set()
    start, end = fn.address, fn.address + len(fn.code)
    for insn in insns:
        groups = insn.groups
        if 2 in groups or (7 not in groups and 1 not in groups):   # CALL; BRANCH_RELATIVE/JUMP
            continue
        for r in fn.reloc_at(insn.address, insn.address + insn.size):
            if r.target is not None and start <= r.target < end:
                out.add(r.target)
        for o in insn.operands:
            if o.type != 2:                  # *_OP_IMM is 2 on x86, ARM, ARM64 and RISC-V
                continue
            t = insn.address + o.imm if fn.isa == "riscv64" else o.imm
            if start <= t < end:
                out.add(t)
    return out


def _name_results(insns: list[list[str]]) -> None:
    """On ISAs where ARG0 is also the result register, call it RET just before a return.

    x86 has a separate result register (rax); without this, ``return x + 1`` would look like
    ``ADD RET ...`` on x86 but ``ADD ARG0 ...`` elsewhere.
    """
    for i, ins in enumerate(insns):
        if ins[0] != "RETURN":
            continue
        j = i - 1
        n = 0
        # walk back through labels and conditional branches (paths that still reach the
        # return), up to 4 real instructions
        while j >= 0 and n < 4 and insns[j][0] not in NO_FALLTHROUGH:
            if insns[j][0] not in ("LBL", "BR"):
                insns[j] = ["RET" if t == "ARG0" else t for t in insns[j]]
                n += 1
            j -= 1


def normalize_object(path: str, names: set[str] | None = None) -> list[NormFunction]:
    """Normalised functions of one ELF file (all of them, or those named in ``names``)."""
    fns = read_functions(path)
    return [normalize_function(f) for f in fns if names is None or f.name in names]


def format_insns(insns: list[list[str]]) -> str:
    """One instruction per line, for ``crt-embed tokens`` and debugging."""
    return "\n".join(" ".join(i) for i in insns)
