"""The RISC-V difftest forms, by family (one pytest test per family).

Registers are arbitrary: every integer register but sp/gp/tp and every FP register holds a random
input.  s1 points at mem+128 (see difftest.Form.ptrs).  Snippets never touch sp, gp or tp.
"""

from __future__ import annotations

from .difftest import Form

F = Form


def _aligned(reg: str, align: int):
    """Point ``reg`` at an ``align``-aligned place of the memory block (atomics need it)."""
    def fix(case, rng):
        case.set(reg, 0x4D454D0000000000 | (rng.randrange(0, 256 // align) * align))
    return fix


def _sc_elsewhere(case, rng) -> None:
    """lr on one doubleword, sc on another: the store conditional must fail."""
    _aligned("a2", 16)(case, rng)
    case.set("a4", 0x4D454D0000000000 | 248)


FAMILIES: dict[str, list[Form]] = {
    "alu_reg": [
        F("add", "add a0, a1, a2"), F("sub", "sub a0, a1, a2"), F("sub_same", "sub a3, a3, a3"),
        F("sll", "sll a0, a1, a2"), F("srl", "srl t0, t1, t2"), F("sra", "sra s2, s3, s4"),
        F("slt", "slt a0, a1, a2"), F("sltu", "sltu a3, a4, a5"), F("sltu_zero", "sltu a0, zero, a1"),
        F("xor", "xor a0, a1, a2"), F("or", "or a0, a1, a2"), F("and", "and a0, a1, a2"),
        F("mv", "mv a0, a7"), F("neg", "neg s5, s6"), F("not", "not t3, t4"), F("seqz", "seqz a0, a1"),
        F("snez", "snez a0, a1"), F("sltz", "sltz a2, a3"), F("sgtz", "sgtz a4, a5"),
        F("zero_dest", "add zero, a1, a2; addi zero, zero, 5"),
    ],
    "alu_imm": [
        F("addi_pos", "addi a0, a1, 2047"), F("addi_neg", "addi a0, a1, -2048"), F("slti", "slti a0, a1, -7"),
        F("sltiu", "sltiu a0, a1, 5"), F("sltiu_m1", "sltiu a0, a1, -1"), F("xori", "xori a0, a1, -1"),
        F("ori", "ori a0, a1, 0x555"), F("andi", "andi a0, a1, 0x7f0"), F("andi_neg", "andi a0, a1, -16"),
        F("slli", "slli a0, a1, 13"), F("slli63", "slli a0, a1, 63"), F("srli", "srli a0, a1, 1"),
        F("srli63", "srli a0, a1, 63"), F("srai", "srai a0, a1, 40"), F("lui", "lui a0, 0x80000"),
        F("lui_low", "lui a1, 0x7ffff"), F("li_big", "li a0, 0x123456789abcdef0"), F("li_small", "li a2, -3"),
    ],
    "alu_w": [
        F("addw", "addw a0, a1, a2"), F("subw", "subw a0, a1, a2"), F("sllw", "sllw a0, a1, a2"),
        F("srlw", "srlw a0, a1, a2"), F("sraw", "sraw a0, a1, a2"), F("addiw", "addiw a0, a1, -1"),
        F("sext_w", "sext.w a0, a1"), F("slliw", "slliw a0, a1, 31"), F("srliw", "srliw a0, a1, 3"),
        F("srliw0", "srliw a0, a1, 0"), F("sraiw", "sraiw a0, a1, 17"), F("negw", "negw a0, a1"),
        F("zext_w", "slli a0, a1, 32; srli a0, a0, 32"),
    ],
    "muldiv": [
        F("mul", "mul a0, a1, a2"), F("mulh", "mulh a0, a1, a2"), F("mulhsu", "mulhsu a0, a1, a2"),
        F("mulhu", "mulhu a0, a1, a2"), F("div", "div a0, a1, a2"), F("divu", "divu a0, a1, a2"),
        F("rem", "rem a0, a1, a2"), F("remu", "remu a0, a1, a2"), F("mulw", "mulw a0, a1, a2"),
        F("divw", "divw a0, a1, a2"), F("divuw", "divuw a0, a1, a2"), F("remw", "remw a0, a1, a2"),
        F("remuw", "remuw a0, a1, a2"), F("div_zero", "div a0, a1, zero; rem a3, a1, zero"),
        F("divu_zero", "divu a0, a1, zero; remu a3, a1, zero; divuw a4, a1, zero; remuw a5, a1, zero"),
        F("div_ovf", "li a1, -1; slli a2, a1, 63; div a0, a2, a1; rem a3, a2, a1"),
        F("divw_ovf", "li a1, -1; lui a2, 0x80000; divw a0, a2, a1; remw a3, a2, a1"),
    ],
    "memory": [
        F("lb", "lb a0, -128(s1); lb a1, 127(s1)"), F("lh", "lh a0, 6(s1); lh a1, -1(s1)"),
        F("lw", "lw a0, 12(s1); lw a1, -77(s1)"), F("ld", "ld a0, 64(s1); ld a1, -3(s1)"),
        F("lbu", "lbu a0, -7(s1)"), F("lhu", "lhu a0, 100(s1)"), F("lwu", "lwu a0, -100(s1)"),
        F("sb", "sb a0, 5(s1)"), F("sh", "sh a0, -6(s1)"), F("sw", "sw a0, 9(s1)"), F("sd", "sd a0, -128(s1)"),
        F("store_load", "sd a0, 0(s1); lw a1, 4(s1); lhu a2, 2(s1); lb a3, 7(s1)"),
        F("pointer_arith", "addi a0, s1, 16; ld a1, 8(a0); sd a1, -16(a0); sub a2, a0, s1"),
        F("flw_fsw", "flw fa0, 4(s1); fsw fa1, 8(s1); fmv.x.w a0, fa0", kind="f32"),
        F("fld_fsd", "fld fa0, 16(s1); fsd fa1, 24(s1); fmv.x.d a0, fa0", kind="f64"),
        F("fence", "fence rw, rw; fence.i; sd a0, 0(s1)"),
    ],
    "atomic": [
        *(F(f"{op}_{w}", f"{op}.{w} a0, a1, (a2)", fixup=_aligned("a2", 8))
          for op in ("amoswap", "amoadd", "amoxor", "amoand", "amoor", "amomin", "amomax", "amominu", "amomaxu")
          for w in ("w", "d")),
        F("amoadd_aqrl", "amoadd.d.aqrl a0, a1, (a2)", fixup=_aligned("a2", 8)),
        F("lr_sc_d", "lr.d a0, (a2); addi a0, a0, 1; sc.d a3, a0, (a2); ld a4, 0(a2)", fixup=_aligned("a2", 8)),
        F("lr_sc_w", "lr.w.aq a0, (a2); xori a0, a0, 5; sc.w.rl a3, a0, (a2); lw a4, 0(a2)",
          fixup=_aligned("a2", 4)),
        F("sc_other", "lr.d a0, (a2); sc.d a3, a1, (a4)", fixup=_sc_elsewhere),
    ],
    "branch": [
        *(F(f"{op}", f"{op} a0, a1, 1f; li a2, 1; j 2f; 1: li a2, 2; 2: addi a2, a2, 10")
          for op in ("beq", "bne", "blt", "bge", "bltu", "bgeu")),
        F("beqz_loop", "li a2, 0; andi a1, a1, 15; 1: beqz a1, 2f; addi a1, a1, -1; addi a2, a2, 3; j 1b; 2:"),
        F("bgtz", "bgtz a0, 1f; li a3, 7; 1: bltz a0, 2f; li a4, 9; 2:"),
        F("select", "slt t0, a0, a1; neg t0, t0; and a2, a0, t0; not t0, t0; and a3, a1, t0; or a2, a2, a3"),
    ],
    "compressed": [
        F("c_addi", "c.addi a0, -32"), F("c_addiw", "c.addiw a1, 31"), F("c_li", "c.li s1, -1"),
        F("c_lui", "c.lui a0, 0xfffe0"), F("c_srli", "c.srli a5, 33"), F("c_srai", "c.srai s0, 1"),
        F("c_andi", "c.andi a1, -32"), F("c_sub", "c.sub a0, a1"), F("c_xor", "c.xor a2, a3"),
        F("c_or", "c.or a4, a5"), F("c_and", "c.and s0, a0"), F("c_subw", "c.subw a0, a1"),
        F("c_addw", "c.addw a2, a3"), F("c_slli", "c.slli ra, 63"), F("c_mv", "c.mv t0, t1"),
        F("c_add", "c.add a0, a1"), F("c_lw", "c.lw a0, 60(s1)"), F("c_ld", "c.ld a1, 120(s1)"),
        F("c_sw", "c.sw a2, 4(s1)"), F("c_sd", "c.sd a3, 0(s1)"), F("c_fld", "c.fld fa0, 8(s1)", kind="f64"),
        F("c_fsd", "c.fsd fa1, 16(s1)", kind="f64"),
        F("c_beqz", "c.beqz a0, 1f; c.li a2, 1; 1: c.bnez a1, 2f; c.li a3, 3; 2: c.nop"),
        F("c_j", "c.j 1f; c.li a0, 5; 1: c.li a1, 6"),
    ],
    "fp_d": [
        *(F(f"{op}_d", f"{op}.d fa0, fa1, fa2", kind="f64")
          for op in ("fadd", "fsub", "fmul", "fdiv", "fmin", "fmax", "fsgnj", "fsgnjn", "fsgnjx")),
        F("fsqrt_d", "fsqrt.d fa0, fa1", kind="f64"),
        *(F(f"{op}_d", f"{op}.d fa0, fa1, fa2, fa3", kind="f64") for op in ("fmadd", "fmsub", "fnmsub", "fnmadd")),
        *(F(f"{op}_d", f"{op}.d a0, fa1, fa2", kind="f64") for op in ("feq", "flt", "fle")),
        F("fclass_d", "fclass.d a0, fa1", kind="f64"), F("fmv_x_d", "fmv.x.d a0, fa1", kind="f64"),
        F("fmv_d_x", "fmv.d.x fa0, a1", kind="f64"), F("fabs_fneg_d", "fabs.d fa0, fa1; fneg.d fa2, fa3",
                                                    kind="f64"),
        F("fadd_d_rne", "fadd.d fa0, fa1, fa2, rne", kind="f64"),
    ],
    "fp_s": [
        *(F(f"{op}_s", f"{op}.s fa0, fa1, fa2", kind="f32")
          for op in ("fadd", "fsub", "fmul", "fdiv", "fmin", "fmax", "fsgnj", "fsgnjn", "fsgnjx")),
        F("fsqrt_s", "fsqrt.s fa0, fa1", kind="f32"),
        *(F(f"{op}_s", f"{op}.s fa0, fa1, fa2, fa3", kind="f32") for op in ("fmadd", "fmsub", "fnmsub", "fnmadd")),
        *(F(f"{op}_s", f"{op}.s a0, fa1, fa2", kind="f32") for op in ("feq", "flt", "fle")),
        F("fclass_s", "fclass.s a0, fa1", kind="f32"), F("fmv_x_w", "fmv.x.w a0, fa1", kind="f32"),
        F("fmv_w_x", "fmv.w.x fa0, a1", kind="f32"),
    ],
    "fp_convert": [
        *(F(f"fcvt_{i}_{t}_{rm}", f"fcvt.{i}.{t} a0, fa1, {rm}", kind="f64" if t == "d" else "f32")
          for i in ("w", "wu", "l", "lu") for t in "sd" for rm in ("rtz", "rne", "rdn", "rup", "rmm")),
        *(F(f"fcvt_{t}_{i}", f"fcvt.{t}.{i} fa0, a1", kind="f64" if t == "d" else "f32")
          for i in ("w", "wu", "l", "lu") for t in "sd"),
        F("fcvt_s_d", "fcvt.s.d fa0, fa1", kind="f64"), F("fcvt_d_s", "fcvt.d.s fa0, fa1", kind="f32"),
    ],
    "csr": [
        F("frm_roundtrip", "fsrmi a0, 1; frrm a1; fsrmi zero, 0; frrm a2"),
        F("fflags_write", "csrrwi zero, fflags, 5; frflags a1; csrrwi zero, fflags, 0; frflags a2"),
        F("fcsr_fields", "csrrwi zero, fcsr, 0; fsrmi zero, 3; frcsr a0; fsrmi zero, 0"),
        F("csrrw_frm", "andi a1, a1, 3; csrrw a0, frm, a1; csrr a2, frm; fsrmi zero, 0"),
        F("csr_set_clear", "csrrwi zero, fflags, 0; csrrsi zero, fflags, 22; csrrci a0, fflags, 2; frflags a1; "
          "andi a2, a2, 31; csrrc a3, fflags, a2; frflags a4; csrrwi zero, fflags, 0"),
    ],
}
