"""One assembly line per RV64GC instruction form (compressed forms included), for the decoder test.

Every base mnemonic the lifter implements appears at least once (tests/test_riscv_source.py
checks that against ``crt_cc.lift.riscv.semantics.SUPPORTED``).
"""

from __future__ import annotations

_RM = ("rne", "rtz", "rdn", "rup", "rmm", "dyn")

SAMPLES: list[str] = [
    # RV64I
    "lui a0, 0xfffff", "auipc t1, 0x12345", "jal ra, .+2044", "jal zero, .-2048", "jalr t0, -8(a5)",
    "beq a0, a1, .+4094", "bne s2, s3, .-4096", "blt t0, t1, .+8", "bge a7, s11, .+16", "bltu a2, a3, .-2",
    "bgeu a4, a5, .+2",
    "lb a0, -2048(a1)", "lh t2, 2047(s0)", "lw s4, 4(sp)", "ld ra, 8(sp)", "lbu a5, 0(a4)", "lhu t6, 6(t5)",
    "lwu s9, 12(s10)", "sb a0, -1(a1)", "sh a2, 2(a3)", "sw a4, 2044(a5)", "sd s11, -2048(t0)",
    "addi a0, a0, -2048", "slti a1, a2, 2047", "sltiu a3, a4, -1", "xori a5, a6, 0x7ff", "ori a7, s2, -5",
    "andi s3, s4, 0xf0", "slli s5, s6, 63", "srli s7, s8, 1", "srai s9, s10, 33",
    "add t0, t1, t2", "sub t3, t4, t5", "sll t6, a0, a1", "slt a2, a3, a4", "sltu a5, a6, a7",
    "xor s0, s1, s2", "srl s3, s4, s5", "sra s6, s7, s8", "or s9, s10, s11", "and ra, gp, tp",
    "addiw a0, a1, -1", "slliw a2, a3, 31", "srliw a4, a5, 0", "sraiw a6, a7, 17",
    "addw t0, t1, t2", "subw t3, t4, t5", "sllw t6, s0, s1", "srlw a0, a1, a2", "sraw a3, a4, a5",
    "fence rw, rw", "fence iorw, iorw", "fence r, w", "fence.i", "ecall", "ebreak",
    "csrrw a0, fcsr, a1", "csrrs a2, frm, zero", "csrrc a3, fflags, a4", "csrrwi a5, frm, 2",
    "csrrsi a6, fflags, 1", "csrrci a7, fcsr, 31", "rdcycle t0", "rdtime t1", "rdinstret t2",
    # M
    "mul a0, a1, a2", "mulh a3, a4, a5", "mulhsu a6, a7, s2", "mulhu s3, s4, s5", "div s6, s7, s8",
    "divu s9, s10, s11", "rem t0, t1, t2", "remu t3, t4, t5", "mulw t6, a0, a1", "divw a2, a3, a4",
    "divuw a5, a6, a7", "remw s0, s1, s2", "remuw s3, s4, s5",
    # A
    "lr.w a0, (a1)", "lr.d.aq a2, (a3)", "sc.w.rl a4, a5, (a6)", "sc.d.aqrl a7, s2, (s3)",
    *(f"{op}.{w}{o} t0, t1, (t2)" for op in ("amoswap", "amoadd", "amoxor", "amoand", "amoor", "amomin",
                                           "amomax", "amominu", "amomaxu")
      for w in "wd" for o in ("", ".aqrl")),
    # F / D
    "flw fa0, -4(a0)", "fld fs0, 2040(sp)", "fsw ft1, 0(a1)", "fsd fs11, -8(s0)",
    *(f"{op}.{t} fa0, fa1, fa2, {rm}" for op in ("fadd", "fsub", "fmul", "fdiv") for t in "sd"
      for rm in ("rne", "dyn")),
    *(f"{op}.{t} ft0, ft1, ft2, ft3" for op in ("fmadd", "fmsub", "fnmsub", "fnmadd") for t in "sd"),
    "fsqrt.s fa3, fa4", "fsqrt.d fa5, fa6, rne",
    *(f"{op}.{t} fs1, fs2, fs3" for op in ("fsgnj", "fsgnjn", "fsgnjx", "fmin", "fmax") for t in "sd"),
    "fcvt.s.d fa0, fa1", "fcvt.d.s fa2, fa3",
    *(f"{op}.{t} a0, fa1, fa2" for op in ("feq", "flt", "fle") for t in "sd"),
    "fclass.s a1, fa1", "fclass.d a2, fa2",
    *(f"fcvt.{i}.{t} a3, fa3, {rm}" for i in ("w", "wu", "l", "lu") for t in "sd" for rm in _RM),
    *(f"fcvt.{t}.{i} fa4, a4" for i in ("w", "wu", "l", "lu") for t in "sd"),
    "fmv.x.w a5, fa5", "fmv.w.x fa6, a6", "fmv.x.d a7, fa7", "fmv.d.x ft4, s2",
    # C (RV64C)
    "c.addi4spn s0, sp, 1020", "c.fld fa5, 248(a5)", "c.lw a4, 124(a3)", "c.ld s1, 248(a0)",
    "c.fsd fs0, 8(s1)", "c.sw a2, 64(a1)", "c.sd a3, 0(a4)", "c.nop", "c.addi t0, -32", "c.addiw a0, 31",
    "c.li s11, -1", "c.addi16sp sp, -512", "c.addi16sp sp, 496", "c.lui t6, 0x1f", "c.lui a0, 0xfffe0",
    "c.srli a5, 63", "c.srai s0, 1", "c.andi a1, -32", "c.sub s1, a0", "c.xor a2, a3", "c.or a4, a5",
    "c.and s0, s1", "c.subw a0, a1", "c.addw a2, a3", "c.j .+2046", "c.j .-2048", "c.beqz a0, .+254",
    "c.bnez s1, .-256", "c.slli ra, 63", "c.fldsp fa0, 504(sp)", "c.lwsp a5, 252(sp)", "c.ldsp ra, 8(sp)",
    "c.jr a0", "c.mv t0, t1", "c.ebreak", "c.jalr t2", "c.add a0, a1", "c.fsdsp fs0, 0(sp)",
    "c.swsp a0, 252(sp)", "c.sdsp s0, 504(sp)",
]
