"""RV64GC instruction fields from the raw encoding, compressed forms expanded.

Capstone finds the instruction boundaries and prints the instruction for diagnostics
(:mod:`crt_cc.frontend.riscv`), but its RISC-V operands are not enough to lift from: capstone 5
drops the rounding mode of ``fcvt``/``fadd``, the ``aq``/``rl`` bits of atomics and the offset of
``jalr``, prints aliases (``mv``, ``sext.w``, ``jr``) instead of the instruction, and gives branch
offsets rather than targets.  RISC-V's encoding is regular enough that reading the fields from the
bits is shorter and exact, so this module is the authority on *what* an instruction is.

Every compressed (RVC) instruction is expanded to the 32-bit instruction it abbreviates, so the
semantics only ever see base instructions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Fields:
    """A decoded instruction: the base mnemonic and its operand fields.

    Register numbers are architectural (x0-x31 or f0-f31, depending on the operand's role in
    ``name``).  ``imm`` is already sign-extended and scaled; ``rm`` is the rounding-mode field
    (7 = dynamic) of floating-point instructions.
    """

    name: str
    rd: int = 0
    rs1: int = 0
    rs2: int = 0
    rs3: int = 0
    imm: int = 0
    rm: int = 7
    aq: bool = False
    rl: bool = False
    csr: int = 0


def _sx(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def _bits(w: int, hi: int, lo: int) -> int:
    return (w >> lo) & ((1 << (hi - lo + 1)) - 1)


# --------------------------------------------------------------------------- 32-bit forms

_BRANCH = {0: "beq", 1: "bne", 4: "blt", 5: "bge", 6: "bltu", 7: "bgeu"}
_LOAD = {0: "lb", 1: "lh", 2: "lw", 3: "ld", 4: "lbu", 5: "lhu", 6: "lwu"}
_STORE = {0: "sb", 1: "sh", 2: "sw", 3: "sd"}
_OPIMM = {0: "addi", 2: "slti", 3: "sltiu", 4: "xori", 6: "ori", 7: "andi"}
_OP = {(0, 0): "add", (0x20, 0): "sub", (0, 1): "sll", (0, 2): "slt", (0, 3): "sltu", (0, 4): "xor",
       (0, 5): "srl", (0x20, 5): "sra", (0, 6): "or", (0, 7): "and",
       (1, 0): "mul", (1, 1): "mulh", (1, 2): "mulhsu", (1, 3): "mulhu", (1, 4): "div", (1, 5): "divu",
       (1, 6): "rem", (1, 7): "remu"}
_OP32 = {(0, 0): "addw", (0x20, 0): "subw", (0, 1): "sllw", (0, 5): "srlw", (0x20, 5): "sraw",
         (1, 0): "mulw", (1, 4): "divw", (1, 5): "divuw", (1, 6): "remw", (1, 7): "remuw"}
_AMO = {0x02: "lr", 0x03: "sc", 0x01: "amoswap", 0x00: "amoadd", 0x04: "amoxor", 0x0C: "amoand",
        0x08: "amoor", 0x10: "amomin", 0x14: "amomax", 0x18: "amominu", 0x1C: "amomaxu"}
_CSR = {1: "csrrw", 2: "csrrs", 3: "csrrc", 5: "csrrwi", 6: "csrrsi", 7: "csrrci"}
_FMA = {0x43: "fmadd", 0x47: "fmsub", 0x4B: "fnmsub", 0x4F: "fnmadd"}
_FP_ARITH = {0x00: "fadd", 0x04: "fsub", 0x08: "fmul", 0x0C: "fdiv"}
_FMT = {0: "s", 1: "d"}
_INT_OF = {0: "w", 1: "wu", 2: "l", 3: "lu"}


def decode32(w: int) -> Fields | None:
    """Fields of a 32-bit instruction, or None when it is not RV64G."""
    op = w & 0x7F
    rd, f3, rs1, rs2, f7 = _bits(w, 11, 7), _bits(w, 14, 12), _bits(w, 19, 15), _bits(w, 24, 20), w >> 25
    imm_i = _sx(w >> 20, 12)
    if op == 0x37:
        return Fields("lui", rd=rd, imm=_sx(w & 0xFFFFF000, 32))
    if op == 0x17:
        return Fields("auipc", rd=rd, imm=_sx(w & 0xFFFFF000, 32))
    if op == 0x6F:
        imm = (_bits(w, 31, 31) << 20) | (_bits(w, 19, 12) << 12) | (_bits(w, 20, 20) << 11) | (_bits(w, 30, 21) << 1)
        return Fields("jal", rd=rd, imm=_sx(imm, 21))
    if op == 0x67 and f3 == 0:
        return Fields("jalr", rd=rd, rs1=rs1, imm=imm_i)
    if op == 0x63 and f3 in _BRANCH:
        imm = (_bits(w, 31, 31) << 12) | (_bits(w, 7, 7) << 11) | (_bits(w, 30, 25) << 5) | (_bits(w, 11, 8) << 1)
        return Fields(_BRANCH[f3], rs1=rs1, rs2=rs2, imm=_sx(imm, 13))
    if op == 0x03 and f3 in _LOAD:
        return Fields(_LOAD[f3], rd=rd, rs1=rs1, imm=imm_i)
    if op == 0x23 and f3 in _STORE:
        return Fields(_STORE[f3], rs1=rs1, rs2=rs2, imm=_sx((f7 << 5) | rd, 12))
    if op == 0x13:
        if f3 in _OPIMM:
            return Fields(_OPIMM[f3], rd=rd, rs1=rs1, imm=imm_i)
        sh, f6 = _bits(w, 25, 20), w >> 26
        if f3 == 1 and f6 == 0:
            return Fields("slli", rd=rd, rs1=rs1, imm=sh)
        if f3 == 5 and f6 in (0, 0x10):
            return Fields("srli" if f6 == 0 else "srai", rd=rd, rs1=rs1, imm=sh)
        return None
    if op == 0x1B:
        if f3 == 0:
            return Fields("addiw", rd=rd, rs1=rs1, imm=imm_i)
        if f3 == 1 and f7 == 0:
            return Fields("slliw", rd=rd, rs1=rs1, imm=rs2)
        if f3 == 5 and f7 in (0, 0x20):
            return Fields("srliw" if f7 == 0 else "sraiw", rd=rd, rs1=rs1, imm=rs2)
        return None
    if op == 0x33 and (f7, f3) in _OP:
        return Fields(_OP[(f7, f3)], rd=rd, rs1=rs1, rs2=rs2)
    if op == 0x3B and (f7, f3) in _OP32:
        return Fields(_OP32[(f7, f3)], rd=rd, rs1=rs1, rs2=rs2)
    if op == 0x0F:
        if f3 == 0:
            return Fields("fence", imm=_bits(w, 27, 20))
        if f3 == 1:
            return Fields("fence.i")
        return None
    if op == 0x73:
        if f3 == 0 and rd == 0 and rs1 == 0:
            return {0: Fields("ecall"), 1: Fields("ebreak")}.get(w >> 20)
        if f3 in _CSR:
            return Fields(_CSR[f3], rd=rd, rs1=rs1, csr=w >> 20)
        return None
    if op == 0x2F and f3 in (2, 3):
        f5 = w >> 27
        if f5 not in _AMO or (f5 == 0x02 and rs2 != 0):
            return None
        return Fields(f"{_AMO[f5]}.{'w' if f3 == 2 else 'd'}", rd=rd, rs1=rs1, rs2=rs2,
                      aq=bool(_bits(w, 26, 26)), rl=bool(_bits(w, 25, 25)))
    if op == 0x07 and f3 in (2, 3):
        return Fields("flw" if f3 == 2 else "fld", rd=rd, rs1=rs1, imm=imm_i)
    if op == 0x27 and f3 in (2, 3):
        return Fields("fsw" if f3 == 2 else "fsd", rs1=rs1, rs2=rs2, imm=_sx((f7 << 5) | rd, 12))
    if op in _FMA and _bits(w, 26, 25) in _FMT:
        return Fields(f"{_FMA[op]}.{_FMT[_bits(w, 26, 25)]}", rd=rd, rs1=rs1, rs2=rs2, rs3=w >> 27, rm=f3)
    if op == 0x53:
        return _decode_opfp(w, rd, f3, rs1, rs2, f7)
    return None


def _decode_opfp(w: int, rd: int, f3: int, rs1: int, rs2: int, f7: int) -> Fields | None:
    fmt = _FMT.get(f7 & 3)
    if fmt is None:
        return None
    group = f7 & ~3
    if group in _FP_ARITH:
        return Fields(f"{_FP_ARITH[group]}.{fmt}", rd=rd, rs1=rs1, rs2=rs2, rm=f3)
    if group == 0x2C and rs2 == 0:
        return Fields(f"fsqrt.{fmt}", rd=rd, rs1=rs1, rm=f3)
    if group == 0x10 and f3 in (0, 1, 2):
        return Fields(f"{('fsgnj', 'fsgnjn', 'fsgnjx')[f3]}.{fmt}", rd=rd, rs1=rs1, rs2=rs2)
    if group == 0x14 and f3 in (0, 1):
        return Fields(f"{('fmin', 'fmax')[f3]}.{fmt}", rd=rd, rs1=rs1, rs2=rs2)
    if group == 0x20:
        if fmt == "s" and rs2 == 1:
            return Fields("fcvt.s.d", rd=rd, rs1=rs1, rm=f3)
        if fmt == "d" and rs2 == 0:
            return Fields("fcvt.d.s", rd=rd, rs1=rs1, rm=f3)
        return None
    if group == 0x50 and f3 in (0, 1, 2):
        return Fields(f"{('fle', 'flt', 'feq')[f3]}.{fmt}", rd=rd, rs1=rs1, rs2=rs2)
    if group == 0x60 and rs2 in _INT_OF:
        return Fields(f"fcvt.{_INT_OF[rs2]}.{fmt}", rd=rd, rs1=rs1, rm=f3)
    if group == 0x68 and rs2 in _INT_OF:
        return Fields(f"fcvt.{fmt}.{_INT_OF[rs2]}", rd=rd, rs1=rs1, rm=f3)
    if group == 0x70 and rs2 == 0 and f3 in (0, 1):
        if f3 == 1:
            return Fields(f"fclass.{fmt}", rd=rd, rs1=rs1)
        return Fields("fmv.x.w" if fmt == "s" else "fmv.x.d", rd=rd, rs1=rs1)
    if group == 0x78 and rs2 == 0 and f3 == 0:
        return Fields("fmv.w.x" if fmt == "s" else "fmv.d.x", rd=rd, rs1=rs1)
    return None


# --------------------------------------------------------------------------- compressed forms

def _r3(v: int) -> int:
    """The 3-bit register fields of RVC name x8-x15 (f8-f15)."""
    return 8 + (v & 7)


def decode16(h: int) -> Fields | None:
    """The base instruction a 16-bit RVC (RV64) instruction expands to, or None."""
    q, f3 = h & 3, h >> 13
    rd = _bits(h, 11, 7)
    rs2 = _bits(h, 6, 2)
    rdp, rs2p = _r3(_bits(h, 4, 2)), _r3(_bits(h, 9, 7))   # rd'/rs2' (bits 4:2), rs1' (bits 9:7)
    if h == 0:
        return None                                          # the defined illegal instruction
    if q == 0:
        ld_imm = (_bits(h, 12, 10) << 3) | (_bits(h, 6, 5) << 6)          # c.ld/c.sd/c.fld/c.fsd
        lw_imm = (_bits(h, 12, 10) << 3) | (_bits(h, 6, 6) << 2) | (_bits(h, 5, 5) << 6)
        if f3 == 0:
            imm = (_bits(h, 12, 11) << 4) | (_bits(h, 10, 7) << 6) | (_bits(h, 6, 6) << 2) | (_bits(h, 5, 5) << 3)
            return Fields("addi", rd=rdp, rs1=2, imm=imm) if imm else None
        return {1: Fields("fld", rd=rdp, rs1=rs2p, imm=ld_imm),
                2: Fields("lw", rd=rdp, rs1=rs2p, imm=lw_imm),
                3: Fields("ld", rd=rdp, rs1=rs2p, imm=ld_imm),
                5: Fields("fsd", rs1=rs2p, rs2=rdp, imm=ld_imm),
                6: Fields("sw", rs1=rs2p, rs2=rdp, imm=lw_imm),
                7: Fields("sd", rs1=rs2p, rs2=rdp, imm=ld_imm)}.get(f3)
    imm6 = _sx((_bits(h, 12, 12) << 5) | _bits(h, 6, 2), 6)
    if q == 1:
        if f3 == 0:
            return Fields("addi", rd=rd, rs1=rd, imm=imm6)              # c.addi, c.nop
        if f3 == 1:
            return Fields("addiw", rd=rd, rs1=rd, imm=imm6) if rd else None
        if f3 == 2:
            return Fields("addi", rd=rd, rs1=0, imm=imm6)               # c.li
        if f3 == 3:
            if rd == 2:
                imm = (_bits(h, 12, 12) << 9) | (_bits(h, 6, 6) << 4) | (_bits(h, 5, 5) << 6) \
                    | (_bits(h, 4, 3) << 7) | (_bits(h, 2, 2) << 5)
                imm = _sx(imm, 10)
                return Fields("addi", rd=2, rs1=2, imm=imm) if imm else None   # c.addi16sp
            return Fields("lui", rd=rd, imm=imm6 << 12) if imm6 else None
        if f3 == 4:
            f2 = _bits(h, 11, 10)
            r = rs2p
            shamt = (_bits(h, 12, 12) << 5) | _bits(h, 6, 2)
            if f2 == 0:
                return Fields("srli", rd=r, rs1=r, imm=shamt)
            if f2 == 1:
                return Fields("srai", rd=r, rs1=r, imm=shamt)
            if f2 == 2:
                return Fields("andi", rd=r, rs1=r, imm=imm6)
            ops = {(0, 0): "sub", (0, 1): "xor", (0, 2): "or", (0, 3): "and", (1, 0): "subw", (1, 1): "addw"}
            name = ops.get((_bits(h, 12, 12), _bits(h, 6, 5)))
            return Fields(name, rd=r, rs1=r, rs2=rdp) if name else None
        if f3 == 5:
            return Fields("jal", rd=0, imm=_cj_offset(h))
        imm = (_bits(h, 12, 12) << 8) | (_bits(h, 6, 5) << 6) | (_bits(h, 2, 2) << 5) \
            | (_bits(h, 11, 10) << 3) | (_bits(h, 4, 3) << 1)
        return Fields("beq" if f3 == 6 else "bne", rs1=rs2p, rs2=0, imm=_sx(imm, 9))
    if q == 2:
        if f3 == 0:
            return Fields("slli", rd=rd, rs1=rd, imm=(_bits(h, 12, 12) << 5) | _bits(h, 6, 2))
        ld_sp = (_bits(h, 12, 12) << 5) | (_bits(h, 6, 5) << 3) | (_bits(h, 4, 2) << 6)
        if f3 == 1:
            return Fields("fld", rd=rd, rs1=2, imm=ld_sp)
        if f3 == 2:
            imm = (_bits(h, 12, 12) << 5) | (_bits(h, 6, 4) << 2) | (_bits(h, 3, 2) << 6)
            return Fields("lw", rd=rd, rs1=2, imm=imm) if rd else None
        if f3 == 3:
            return Fields("ld", rd=rd, rs1=2, imm=ld_sp) if rd else None
        if f3 == 4:
            bit12 = _bits(h, 12, 12)
            if bit12 == 0:
                if rs2 == 0:
                    return Fields("jalr", rd=0, rs1=rd, imm=0) if rd else None     # c.jr
                return Fields("add", rd=rd, rs1=0, rs2=rs2)                      # c.mv
            if rd == 0 and rs2 == 0:
                return Fields("ebreak")
            if rs2 == 0:
                return Fields("jalr", rd=1, rs1=rd, imm=0)                       # c.jalr
            return Fields("add", rd=rd, rs1=rd, rs2=rs2)
        sd_sp = (_bits(h, 12, 10) << 3) | (_bits(h, 9, 7) << 6)
        if f3 == 5:
            return Fields("fsd", rs1=2, rs2=rs2, imm=sd_sp)
        if f3 == 6:
            return Fields("sw", rs1=2, rs2=rs2, imm=(_bits(h, 12, 9) << 2) | (_bits(h, 8, 7) << 6))
        return Fields("sd", rs1=2, rs2=rs2, imm=sd_sp)
    return None


def _cj_offset(h: int) -> int:
    imm = (_bits(h, 12, 12) << 11) | (_bits(h, 11, 11) << 4) | (_bits(h, 10, 9) << 8) \
        | (_bits(h, 8, 8) << 10) | (_bits(h, 7, 7) << 6) | (_bits(h, 6, 6) << 7) \
        | (_bits(h, 5, 3) << 1) | (_bits(h, 2, 2) << 5)
    return _sx(imm, 12)


def decode(data: bytes, off: int) -> tuple[int, Fields | None]:
    """(length, fields) of the instruction at ``data[off:]``; fields None when not RV64GC."""
    if off + 2 > len(data):
        return len(data) - off, None
    h = int.from_bytes(data[off:off + 2], "little")
    if h & 3 != 3:
        return 2, decode16(h)
    if off + 4 > len(data) or h & 0x1C == 0x1C:
        return 4, None                     # 48-bit and longer encodings are not RV64GC
    return 4, decode32(int.from_bytes(data[off:off + 4], "little"))


# Registers by ABI name (diagnostics, and the semantics' readable constants).
X_NAMES = ("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
           "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6")
RA, SP, GP, TP, S0, A0, A7 = 1, 2, 3, 4, 8, 10, 17
