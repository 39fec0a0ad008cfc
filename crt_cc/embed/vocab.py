"""The closed token vocabulary of normalised instructions.

Every token the normaliser can produce is listed here, built from the token grammar rather
than from data, so the vocabulary (and with it the shipped weights) never depends on what a
corpus happened to contain, and no symbol name can ever become a token: anything outside this
list maps to ``UNK``.
"""

from __future__ import annotations

PAD = "<pad>"
UNK = "<unk>"

#: tokens per normalised instruction (opcode class + operands); longer ones are cut
INSN_WIDTH = 8

OPS = [
    "MOV", "MOVK", "ADR", "LOAD", "LOADS", "STORE", "PUSH", "POP", "LBL",
    "ADD", "SUB", "MUL", "MULH", "DIV", "UDIV", "REM", "UREM", "AND", "OR", "XOR", "NOT", "NEG",
    "SHL", "SHR", "SAR", "ROT", "EXT", "EXTS", "BFX", "CMP", "CMN", "TST", "CCMP",
    "BR", "JMP", "IJMP", "CALL", "ICALL", "RETURN", "SET", "CSEL",
    "CLZ", "CTZ", "POPCNT", "BSWAP", "BIT",
    "FMOV", "FADD", "FSUB", "FMUL", "FDIV", "FSQRT", "FNEG", "FABS", "FMIN", "FMAX", "FMA",
    "FCMP", "FCVT", "FOTHER", "VEC", "ATOMIC", "FENCE", "SYSCALL", "SYS", "STRING", "TRAP",
    "OTHER",
]
CONDS = ["EQ", "NE", "LT", "LE", "GT", "GE", "ULT", "ULE", "UGT", "UGE", "MI", "PL", "OV", "NOV",
         "PAR", "NPAR"]
WIDTHS = ["W8", "W16", "W32", "W64", "W128"]
MEMS = ["M0", "M1", "M2", "M4", "M8", "M10", "M16", "M32", "M64"]
SHIFTS = ["SH_LSL", "SH_LSR", "SH_ASR", "SH_ROR", "SH_EXT"]

N_ARGS = 8
N_GEN = 16
N_FGEN = 8
N_SLOTS = 32

ROLES = (
    [f"ARG{i}" for i in range(N_ARGS)]
    + ["RET", "SP", "FP", "LR", "PC", "ZERO", "TMP", "TLS", "GEN", "FGEN", "VREG"]
    + [f"GEN{i}" for i in range(N_GEN)]
    + [f"FARG{i}" for i in range(N_ARGS)]
    + [f"FGEN{i}" for i in range(N_FGEN)]
    + [f"SLOT{i}" for i in range(N_SLOTS)] + ["SLOT"]
)

SMALL_MIN = -32
SMALL_MAX = 256

IMMS = (
    [f"#{v}" for v in range(SMALL_MIN, SMALL_MAX + 1)]
    + [f"PW{k}" for k in range(9, 64)]
    + [f"NPW{k}" for k in range(6, 64)]
    + [f"MASK{k}" for k in range(9, 65)]
    + ["IMM16", "IMM32", "IMM64", "NIMM16", "NIMM32", "NIMM64", "FIMM"]
)

MISC = ["FUNC", "ADDR", "FWD", "BACK", "SCALE2", "SCALE4", "SCALE8"]

TOKENS: list[str] = [PAD, UNK, *OPS, *CONDS, *WIDTHS, *MEMS, *SHIFTS, *ROLES, *IMMS, *MISC]
TOKEN_IDS: dict[str, int] = {t: i for i, t in enumerate(TOKENS)}
assert len(TOKEN_IDS) == len(TOKENS), "duplicate tokens in the vocabulary"


def imm_token(v: int) -> str:
    """Small immediates are kept, powers of two and low-bit masks named, the rest bucketed."""
    if SMALL_MIN <= v <= SMALL_MAX:
        return f"#{v}"
    if v > 0:
        if v & (v - 1) == 0:
            return f"PW{v.bit_length() - 1}"
        if (v + 1) & v == 0 and v.bit_length() <= 64:
            return f"MASK{v.bit_length()}"
        if v < 1 << 16:
            return "IMM16"
        return "IMM32" if v < 1 << 32 else "IMM64"
    a = -v
    if a & (a - 1) == 0 and a.bit_length() - 1 < 64:
        return f"NPW{a.bit_length() - 1}"
    if a < 1 << 16:
        return "NIMM16"
    return "NIMM32" if a < 1 << 32 else "NIMM64"


def encode(insns: list[list[str]]) -> list[list[int]]:
    """Token ids, INSN_WIDTH per instruction (padded with PAD, unknown tokens as UNK)."""
    unk = TOKEN_IDS[UNK]
    out = []
    for ins in insns:
        ids = [TOKEN_IDS.get(t, unk) for t in ins[:INSN_WIDTH]]
        ids += [0] * (INSN_WIDTH - len(ids))
        out.append(ids)
    return out
