"""Render decoded RISC-V fields back to GNU assembly (tests/test_riscv_source.py's decoder check).

The decoder (crt_cc/frontend/riscv_isa.py) is checked by round trip: every instruction of real
objects is decoded, printed as its base (uncompressed) form with explicit operands, assembled with
``.option norvc`` and decoded again; the fields must agree.  For 32-bit instructions the
re-assembled word must equal the original bits.
"""

from __future__ import annotations

from crt_cc.frontend.riscv_isa import Fields

RM = {0: "rne", 1: "rtz", 2: "rdn", 3: "rup", 4: "rmm", 7: "dyn"}
_FP_DEST = ("fl", "fadd", "fsub", "fmul", "fdiv", "fsqrt", "fsgnj", "fmin", "fmax", "fmadd", "fmsub",
            "fnmsub", "fnmadd", "fcvt.s.", "fcvt.d.", "fmv.w.x", "fmv.d.x")


def _fence_set(bits: int) -> str:
    return "".join(c for c, b in zip("iorw", (8, 4, 2, 1), strict=True) if bits & b) or "0"


def render(f: Fields) -> str:
    """GNU as text for ``f`` (registers as x0-x31 / f0-f31)."""
    n = f.name
    x = lambda r: f"x{r}"                       # noqa: E731
    fr = lambda r: f"f{r}"                      # noqa: E731
    if n in ("ecall", "ebreak", "fence.i"):
        return n
    if n == "fence":
        return f"fence {_fence_set(f.imm >> 4 & 15)},{_fence_set(f.imm & 15)}"
    if n in ("lui", "auipc"):
        return f"{n} {x(f.rd)},{(f.imm >> 12) & 0xFFFFF}"
    if n == "jal":
        return f"jal {x(f.rd)},.{f.imm:+d}"
    if n == "jalr":
        return f"jalr {x(f.rd)},{f.imm}({x(f.rs1)})"
    if n in ("beq", "bne", "blt", "bge", "bltu", "bgeu"):
        return f"{n} {x(f.rs1)},{x(f.rs2)},.{f.imm:+d}"
    if n in ("lb", "lh", "lw", "ld", "lbu", "lhu", "lwu"):
        return f"{n} {x(f.rd)},{f.imm}({x(f.rs1)})"
    if n in ("flw", "fld"):
        return f"{n} {fr(f.rd)},{f.imm}({x(f.rs1)})"
    if n in ("sb", "sh", "sw", "sd"):
        return f"{n} {x(f.rs2)},{f.imm}({x(f.rs1)})"
    if n in ("fsw", "fsd"):
        return f"{n} {fr(f.rs2)},{f.imm}({x(f.rs1)})"
    if n.startswith("csrr"):
        src = str(f.rs1) if n.endswith("i") else x(f.rs1)
        return f"{n} {x(f.rd)},{f.csr:#x},{src}"
    if n.startswith("lr."):
        return f"{n}{_aqrl(f)} {x(f.rd)},({x(f.rs1)})"
    if n.startswith(("sc.", "amo")):
        return f"{n}{_aqrl(f)} {x(f.rd)},{x(f.rs2)},({x(f.rs1)})"
    if n.startswith(("fmadd", "fmsub", "fnmsub", "fnmadd")):
        return f"{n} {fr(f.rd)},{fr(f.rs1)},{fr(f.rs2)},{fr(f.rs3)},{RM[f.rm]}"
    if n.startswith(("fadd", "fsub", "fmul", "fdiv")):
        return f"{n} {fr(f.rd)},{fr(f.rs1)},{fr(f.rs2)},{RM[f.rm]}"
    if n.startswith(("fsgnj", "fmin", "fmax")):
        return f"{n} {fr(f.rd)},{fr(f.rs1)},{fr(f.rs2)}"
    if n.startswith(("feq", "flt", "fle")):
        return f"{n} {x(f.rd)},{fr(f.rs1)},{fr(f.rs2)}"
    if n.startswith("fsqrt"):
        return f"{n} {fr(f.rd)},{fr(f.rs1)},{RM[f.rm]}"
    if n.startswith("fclass") or n in ("fmv.x.w", "fmv.x.d"):
        return f"{n} {x(f.rd)},{fr(f.rs1)}"
    if n in ("fmv.w.x", "fmv.d.x"):
        return f"{n} {fr(f.rd)},{x(f.rs1)}"
    if n.startswith("fcvt."):
        _, dst, src = n.split(".")
        d = fr(f.rd) if dst in ("s", "d") else x(f.rd)
        s = fr(f.rs1) if src in ("s", "d") else x(f.rs1)
        rm = "" if n == "fcvt.d.s" or (n.startswith("fcvt.d.") and src in ("w", "wu")) else f",{RM[f.rm]}"
        return f"{n} {d},{s}{rm}"
    if n in ("addi", "slti", "sltiu", "xori", "ori", "andi", "slli", "srli", "srai", "addiw", "slliw",
             "srliw", "sraiw"):
        return f"{n} {x(f.rd)},{x(f.rs1)},{f.imm}"
    return f"{n} {x(f.rd)},{x(f.rs1)},{x(f.rs2)}"


def _aqrl(f: Fields) -> str:
    return (".aq" if f.aq else "") + (".rl" if f.rl else "") if not (f.aq and f.rl) else ".aqrl"
