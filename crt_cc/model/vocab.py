"""Opcodes and registers of the source and target ISAs, as whole tokens.

The CRT paper's xTokenizer adds each ISA's mnemonics and register names to
the tokenizer so that ``ldr`` or ``xmm0`` is one token instead of three BPE
pieces: shorter sequences and embeddings that mean one thing.
``crt-model extend-tokenizer`` adds these lists; ``crt-model tiny`` also
trains its small BPE vocabulary on them.
"""

from __future__ import annotations

X86_OPCODES = """
mov movabs movzx movsx movsxd movss movsd movaps movapd movups movupd movq movd movdqa movdqu
lea push pop add sub imul mul idiv div inc dec neg not and or xor sal sar shl shr rol ror
cmp test jmp je jne jg jge jl jle ja jae jb jbe js jns jo jno jp jnp call ret leave nop endbr64
cdq cdqe cqo cwde sete setne setg setge setl setle seta setae setb setbe cmove cmovne cmovg cmovge
cmovl cmovle cmova cmovae cmovb cmovbe addss addsd subss subsd mulss mulsd divss divsd sqrtss
sqrtsd ucomiss ucomisd comiss comisd cvtsi2ss cvtsi2sd cvttss2si cvttsd2si cvtss2sd cvtsd2ss
pxor xorps xorpd andps andpd orps orpd maxss maxsd minss minsd rep stosq stosb movsb bt bsf bsr
popcnt lzcnt tzcnt xchg cmpxchg xadd fld fstp fild fistp fadd fmul fdiv fsub
""".split()

X86_REGISTERS = (
    "rax rbx rcx rdx rsi rdi rbp rsp rip eax ebx ecx edx esi edi ebp esp ax bx cx dx si di bp sp "
    "al bl cl dl sil dil bpl spl ah bh ch dh".split()
    + [f"r{i}{s}" for i in range(8, 16) for s in ("", "d", "w", "b")]
    + [f"xmm{i}" for i in range(16)] + [f"ymm{i}" for i in range(16)]
    + "BYTE WORD DWORD QWORD XMMWORD PTR OFFSET FLAT".split()
)

AARCH64_OPCODES = """
mov movz movk movn add adds sub subs mul madd msub smull umull smulh umulh sdiv udiv neg negs
and ands orr eor bic mvn lsl lsr asr ror cmp cmn tst csel csinc csinv csneg cset csetm cinc
b bl br blr ret cbz cbnz tbz tbnz b.eq b.ne b.gt b.ge b.lt b.le b.hi b.hs b.lo b.ls b.mi b.pl
beq bne bgt bge blt ble bhi bhs blo bls ldr ldrb ldrh ldrsb ldrsh ldrsw ldur ldp str strb strh
stur stp adrp adr sxtw sxtb sxth uxtb uxth ubfiz ubfx sbfiz sbfx bfi bfxil extr fmov fadd fsub
fmul fdiv fsqrt fneg fabs fcmp fcmpe fcsel fcvt fcvtzs fcvtzu scvtf ucvtf fmadd fmsub fmax fmin
movi dup ins umov nop
""".split()

AARCH64_REGISTERS = (
    [f"x{i}" for i in range(31)] + [f"w{i}" for i in range(31)]
    + [f"d{i}" for i in range(32)] + [f"s{i}" for i in range(32)] + [f"q{i}" for i in range(32)]
    + [f"v{i}" for i in range(32)] + "sp wsp xzr wzr lr fp lsl sxtw uxtw".split()
)

RISCV_OPCODES = """
li la lui auipc addi addiw add addw sub subw mul mulw mulh mulhu div divu divw divuw rem remu
remw remuw and andi or ori xor xori not neg negw sll slli sllw slliw srl srli srlw srliw sra srai
sraw sraiw slt slti sltu sltiu seqz snez sltz sgtz mv sext.w zext.b beq bne blt bge bltu bgeu
beqz bnez blez bgez bltz bgtz bgt ble bgtu bleu j jal jalr jr call tail ret ld lw lwu lh lhu lb
lbu sd sw sh sb fld flw fsd fsw fmv.d fmv.s fmv.x.d fmv.d.x fmv.x.w fmv.w.x fadd.d fsub.d fmul.d
fdiv.d fsqrt.d fadd.s fsub.s fmul.s fdiv.s fsqrt.s feq.d flt.d fle.d feq.s flt.s fle.s fcvt.d.s
fcvt.s.d fcvt.w.d fcvt.d.w fcvt.l.d fcvt.d.l fcvt.w.s fcvt.s.w fneg.d fabs.d fmadd.d nop
""".split()

RISCV_REGISTERS = (
    "zero ra sp gp tp fp".split() + [f"t{i}" for i in range(7)] + [f"s{i}" for i in range(12)]
    + [f"a{i}" for i in range(8)] + [f"ft{i}" for i in range(12)] + [f"fs{i}" for i in range(12)]
    + [f"fa{i}" for i in range(8)]
)

ISAS: dict[str, tuple[list[str], list[str]]] = {
    "x86_64": (X86_OPCODES, X86_REGISTERS),
    "aarch64": (AARCH64_OPCODES, AARCH64_REGISTERS),
    "riscv64": (RISCV_OPCODES, RISCV_REGISTERS),
}


def words(isas: list[str]) -> list[str]:
    """Opcodes and registers of ``isas``, deduplicated, in a stable order."""
    seen: dict[str, None] = {}
    for isa in isas:
        if isa not in ISAS:
            raise ValueError(f"unknown ISA '{isa}' (known: {', '.join(ISAS)})")
        opcodes, registers = ISAS[isa]
        for w in opcodes + registers:
            seen.setdefault(w, None)
    return list(seen)


def sample_text() -> str:
    """A little assembly-shaped text to train the tiny model's BPE vocabulary on."""
    lines = []
    for isa, (ops, regs) in ISAS.items():
        for k, op in enumerate(ops):
            a, b = regs[k % len(regs)], regs[(3 * k + 1) % len(regs)]
            if isa == "x86_64":
                lines.append(f"\t{op}\t{a}, DWORD PTR -{4 * (k % 9)}[rbp]")
            elif isa == "aarch64":
                lines.append(f"\t{op}\t{a}, {b}, #{k % 17}")
                lines.append(f"\t{op}\t{a}, [sp, {8 * (k % 5)}]")
            else:
                lines.append(f"\t{op}\t{a},{b},{k % 13}")
                lines.append(f"\t{op}\t{a},{8 * (k % 7)}({b})")
    lines += ["\t.globl\tf", "\t.type\tf, @function", "f:", ".L2:", "\t.size\tf, .-f", "\t.text",
              "\t.section\t.rodata", '\t.string\t"%d\\n"', "\t.intel_syntax noprefix", "```asm", "```",
              "### Instruction:", "### Response:", "Convert this x86 assembly into ARM RISC-V"]
    return "\n".join(lines) + "\n"
