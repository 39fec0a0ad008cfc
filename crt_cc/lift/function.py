"""Lifting one x86-64 function to LLVM IR.

The register file lives in ``alloca``s (one per GPR, per flag, per XMM and
x87 register) so that LLVM's mem2reg turns it into SSA form and deletes every
flag nobody reads.  The stack frame is one ``alloca`` addressed through the
offsets recovered by :mod:`crt_cc.lift.frame`; stack arguments are read from
the caller's area through ``argp``.  Instruction semantics live in
:mod:`crt_cc.lift.semantics`, one module per family; this module provides the
operand, flag, memory and control-flow machinery they share.
"""

from __future__ import annotations

import capstone
from capstone import x86

from ..abi import bridge, varargs
from ..abi import i386 as i386abi
from ..abi.prototypes import int32_arg_registers, libc_register_use, libc_result_registers
from ..abi.x86_64 import INTERNAL_PARAM_GPRS, N_XMM_ARGS
from ..diagnostics import CrtError, UnsupportedInstruction
from ..frontend.decode import Function, Insn
from . import context, flagflow, libc_compat, results
from . import frame as framemod
from .ir import F64, I1, I8, I32, I64, PTR, V2I64, FunctionBuilder, Val, bits_of, const, ity, vec
from .regs import FLAGS, GPR_NAMES, RAX, RDX, RSP, SUBREGS, full_register

NORETURN = {"exit", "_exit", "_Exit", "abort", "__stack_chk_fail", "__assert_fail", "longjmp", "siglongjmp",
            "__longjmp_chk", "err", "errx", "verr", "verrx", "pthread_exit", "__cxa_throw", "quick_exit",
            "__fortify_fail", "__chk_fail"}
RETURNS_TWICE = {"setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp", "vfork", "savectx", "getcontext"}
RED_ZONE = 128
# Above the entry rsp: the return-address slot, then the copy of the incoming stack arguments.
# The generous size keeps a callee's copy-in of up to 60 words from the caller's outgoing
# area inside the caller's frame object.
FRAME_ABOVE = 512
# Placeholders in a lifted function's entry block, filled in by finish_frame.
FRAME_SIZE_TOKEN = "@@FRAME_SIZE@@"
ARG_COPY_TOKEN = "  @@ARG_COPY@@"
# When the address of the incoming argument area escapes (va_start, a by-value struct passed on
# by pointer) or is indexed, the extent read is unknown: copy in as much as the frame allows.
ARG_COPY_MAX = FRAME_ABOVE - 16
# Below a dynamic stack allocation: room for the pushes and outgoing stack arguments that follow.
DYNAMIC_SLACK = 512
# libgcc's 128-bit helpers return rax:rdx even when the code only passes the result on (ret).
INT128_RESULT = {"__divti3", "__udivti3", "__modti3", "__umodti3", "__multi3", "__fixdfti", "__fixunsdfti",
                 "__fixsfti", "__fixunssfti", "__fixxfti", "__fixunsxfti", "__ashlti3", "__ashrti3", "__lshrti3"}
# Instructions that overwrite the register they name twice with a result (and flags) that do
# not depend on its value (not cmp: it leaves the register as it was).
SAME_REGISTER_IDIOMS = frozenset(
    ["xor", "sub", "sbb", "pxor", "xorps", "xorpd", "pandn", "andnps", "andnpd"]
    + [f"{op}{s}" for op in ("psub", "pcmpeq", "pcmpgt") for s in "bwdq"]
    + ["psubsb", "psubsw", "psubusb", "psubusw"])
SETJMP = {"_setjmp", "setjmp", "__sigsetjmp", "sigsetjmp"}
LONGJMP = {"longjmp", "_longjmp", "siglongjmp", "__longjmp_chk"}


class Lifted:
    """What the module needs to know about a lifted function."""

    def __init__(self, text: str, n_stack_words: int, variadic: bool, ret_hint=None):
        self.text = text
        self.n_stack_words = n_stack_words
        self.variadic = variadic
        self.ret_hint = ret_hint          # see crt_cc.lift.results.return_hint
        self.tail_targets: set[str] = set()   # translated functions it tail-calls (they share its arguments)
        self.internal_calls: list[tuple[str, int]] = []   # (callee, rsp offset at the call site)
        self.frame_geometry = (0, "", 0)      # (bytes below entry rsp, frame alloca, top offset read)
        self.arg_kinds: list[str] = []    # i386: argument kinds at the native boundary (abi/i386.py)
        self.fp_ret = "double"            # i386: C type of an x87 result
        self.short_ret = False            # i386: a 16-bit result (sign-extended for AAPCS)
        self.small_struct = False         # i386: a struct of <= 4 bytes returned through the hidden pointer
        self.regparm = 0                  # i386: argument words taken in eax, edx, ecx (abi/i386.py)
        self.context_save = False         # setjmp-like: entered through a naked entry (lift/context.py)


def finish_frame(lifted: Lifted, word: int, all_lifted: dict[str, Lifted]) -> None:
    """Size the frame of a lifted function and copy its incoming stack arguments.

    Only what is read above the entry rsp needs room there: the argument words (its own and
    those of the translated functions it tail-calls with its argument area), the widest access
    to them, and what its translated callees copy from their argument area, which starts at the
    call's rsp (a variadic callee copies its whole argument window).  A fixed 512 bytes kept
    every frame that escapes (i386 frames are passed as argument areas) at least that large:
    100000-deep recursion overflowed the stack.
    """
    below, frame, top = lifted.frame_geometry
    n = lifted.n_stack_words
    above = max(top, word + n * word)
    for name, rsp in lifted.internal_calls:
        callee = all_lifted.get(name)
        if callee is not None:
            above = max(above, rsp + callee.n_stack_words * word)
    above += 16
    above += -above % 16
    copy = ""
    if n:
        copy = (f"  %argcopy = getelementptr i8, ptr {frame}, i64 {below + word}\n"
                f"  call void @llvm.memcpy.p0.p0.i64(ptr %argcopy, ptr %argp, i64 {n * word}, i1 false)")
    text = lifted.text.replace(FRAME_SIZE_TOKEN, str(below + above), 1)
    lifted.text = text.replace(ARG_COPY_TOKEN + "\n", copy + "\n" if copy else "", 1)


class FunctionLifter:
    def __init__(self, ctx, fn: Function, flag_liveness: bool = True):
        self.ctx = ctx
        self.fn = fn
        self.flag_liveness = flag_liveness   # False: every flag stored (after a FlagLivenessMiss)
        self._flags_at: dict[int, tuple[int, int, int]] = {}   # addr -> flagflow.analyse's facts
        self._live_in = self._live_out = flagflow.ALL
        self._written = self._skipped = 0    # flags the current instruction wrote / left uncomputed
        self._dead_vals: dict[str, Val] = {}  # values of dead flags written by this instruction
        self._xstate: Val | None = None       # register image of calls to other translated objects
        self.b = FunctionBuilder()
        self.insn: Insn | None = None
        self.st: framemod.FrameState = framemod.ENTRY
        self.cmp_cache: tuple | None = None   # last flag-setting operation, for direct icmp
        self.max_arg_off = 0                  # highest incoming stack byte read (x86 frame offset)
        self.tail_targets: set[str] = set()   # translated functions tail-called with this argument area
        self.internal_calls: list[tuple[str, int]] = []   # (callee, rsp offset at the call)
        self.variadic = False
        self.mode = ctx.mode                  # x86-64 or i386 (regs.SourceMode)
        self.x87_ty = ctx.x87_ty              # fp128, or double where the target has no binary128
        self.internal_ret = ctx.internal_ret
        self.arg_access: dict[int, int] = {}  # frame offset -> widest access (arguments: offset >= word)
        self.control = framemod.StackControl({}, {})   # setjmp/longjmp idioms (lift/context.py)
        self.ctx_buffer: Val | None = None    # setjmp-like: slot holding the jmp_buf's address

    # ------------------------------------------------------------------ errors
    def line_of(self, insn: Insn) -> int | None:
        return self.ctx.obj.line_of(*self.fn.real(insn.addr), insn.mnemonic)

    def error(self, msg: str, insn: Insn | None = None) -> CrtError:
        insn = insn or self.insn
        return CrtError(msg, self.ctx.source_file, self.line_of(insn) if insn else None)

    def unsupported(self, what: str | None = None) -> UnsupportedInstruction:
        insn = self.insn
        text = what or f"unsupported instruction '{insn.mnemonic}'"
        if what is None and insn.op_str:
            text += f" (in '{insn}')"
        return UnsupportedInstruction(text, self.ctx.source_file, self.line_of(insn))

    # ------------------------------------------------------------------ CFG
    def _build_cfg(self) -> None:
        fn = self.fn
        insns = fn.insns
        addrs = {i.addr for i in insns}
        leaders = {fn.start}
        self.branch_targets: dict[int, int] = {}
        for insn in insns:
            m = insn.mnemonic.removeprefix("bnd ").removeprefix("notrack ")   # bnd jmp 1f is a jmp
            nxt = insn.end
            if m == "jmp" or m.startswith("j") or m in ("loop", "loope", "loopne"):
                tgt = self._direct_target(insn)
                if tgt is not None and tgt in addrs:
                    leaders.add(tgt)
                    self.branch_targets[insn.addr] = tgt
                elif tgt is not None and fn.vaddr(*fn.real(tgt)) is not None:
                    raise self.error(f"branch into the middle of an instruction at offset {tgt:#x}", insn)
                leaders.add(nxt)
            elif m in ("ret", "ud2", "hlt", "int3") or m.startswith("ret") or self._calls_noreturn(insn):
                leaders.add(nxt)
        for label in self.ctx.code_labels_in(fn):
            if label not in addrs:
                raise self.error(f"jump-table entry points into the middle of an instruction ({label:#x})",
                                 insns[0])
            leaders.add(label)
        self.blocks: dict[int, list[Insn]] = {}
        cur: list[Insn] | None = None
        for insn in insns:
            if insn.addr in leaders:
                cur = []
                self.blocks[insn.addr] = cur
            cur.append(insn)
        self.succs: dict[int, list[int]] = {}
        for start, block in self.blocks.items():
            last = block[-1]
            m = last.mnemonic.removeprefix("bnd ").removeprefix("notrack ")
            nxt = last.end if last.end in self.blocks else None
            out: list[int] = []
            if m == "jmp":
                if last.addr in self.branch_targets:
                    out.append(self.branch_targets[last.addr])
                elif framemod.is_indirect(last):
                    out.extend(self.ctx.code_labels_in(self.fn))
            elif m.startswith("j") or m in ("loop", "loope", "loopne"):
                if last.addr in self.branch_targets:
                    out.append(self.branch_targets[last.addr])
                if nxt is not None:
                    out.append(nxt)
            elif m.startswith("ret") or m in ("ud2", "hlt") or self._calls_noreturn(last):
                pass
            elif nxt is not None:
                out.append(nxt)
            self.succs[start] = out
        # For the analyses of crt_cc.lift.results: predecessors and where each instruction sits.
        self.preds: dict[int, list[int]] = {s: [] for s in self.blocks}
        for start, outs in self.succs.items():
            for o in outs:
                if o in self.preds:
                    self.preds[o].append(start)
        self.position: dict[int, tuple[int, int]] = {
            insn.addr: (start, i) for start, block in self.blocks.items() for i, insn in enumerate(block)}

    @staticmethod
    def _calls_noreturn(insn: Insn) -> bool:
        """A call to a libc function that never returns (exit, abort, longjmp): the bytes after it
        are not reached from it, so frame and x87 states do not flow there."""
        return insn.mnemonic == "call" and bool(insn.relocs) and not insn.relocs[0].symbol.defined \
            and insn.relocs[0].symbol.name in NORETURN

    def _direct_target(self, insn: Insn) -> int | None:
        """Address (in this function's address space) of a direct branch, or None when it leaves.

        A relocated branch stays inside when it reaches one of the function's fragments (gcc's
        ``foo`` <-> ``foo.cold`` jumps); any other relocated branch is a tail call.
        """
        ops = insn.cs.operands
        if len(ops) != 1 or ops[0].type != x86.X86_OP_IMM:
            return None
        if not insn.relocs:
            return ops[0].imm
        if not self.fn.fragments:
            return None
        place = self.ctx.branch_reloc_target(insn)
        return self.fn.vaddr(*place) if place else None

    # ------------------------------------------------------------------ lifting
    def lift(self) -> Lifted:
        fn = self.fn
        self._build_cfg()
        x87_calls = {i.addr for i in fn.insns if i.mnemonic == "call" and self.ctx.call_returns_x87(self, i)}
        known = getattr(self.ctx, "frame_states", {}).get(fn.name)
        if known is not None and known[0] == x87_calls:
            self.before = known[1]
        else:
            self.before = framemod.analyse(fn, self.blocks, self.succs, x87_calls, self.mode,
                                           self.ctx.callee_pops_at(self))
        if any(i.mnemonic.startswith("f") for i in fn.insns):
            framemod.check_x87(fn, self.before, self.line_of)
        if fn.name not in self.ctx.pc_thunks:      # `mov (%esp), %ebx; ret` is recognised as such
            self.control = framemod.check_stack_control(fn, self.before, self.error)
        min_rsp = min([s.rsp for s in self.before.values() if s.rsp is not None] + [0])
        below = -min_rsp + (RED_ZONE + 64 if self.mode.word == 8 else 16)    # i386 has no red zone
        # The frame is 64-aligned only where the code realigns the stack beyond 16 bytes
        # (`and $-32, %rsp`): the frame pass models entry rsp as 8 (i386: 60) mod 64, and 16-byte
        # alignment is all the rest needs; deep recursion pays for every byte of it.
        masks = [i.cs.operands[1].imm for i in fn.insns if i.mnemonic == "and" and len(i.cs.operands) == 2
                 and i.cs.operands[1].type == x86.X86_OP_IMM and i.cs.operands[1].imm < 0]
        # ARM EABI keeps sp 8-aligned: a 16-aligned frame would cost a realignment (and a frame
        # pointer) in every function, for nothing unless the code masks the stack pointer.
        align = 64 if any(m < -16 for m in masks) else 16 if -16 in masks or self.mode.word == 8 else 8
        below += (self.mode.entry_align - below) % align
        self.frame_below = below

        b = self.b
        entry = b.new_block("entry")
        b.position(entry)
        # The part above the entry rsp (the copy of the incoming stack arguments) is sized once the
        # module knows how many words this function and its tail callees read (finish_frame).
        self.frame = b.alloca(f"[{FRAME_SIZE_TOKEN} x i8]", align=align)
        self.gpr = [b.alloca(I64) for _ in range(16)]
        self.flag = {f: b.alloca(I1, align=1) for f in FLAGS}
        self.xmm = [b.alloca(V2I64, align=16) for _ in range(16)]
        self.x87 = [b.alloca(self.x87_ty, align=16) for _ in range(8)]
        params = []
        for n, reg in enumerate(INTERNAL_PARAM_GPRS):
            params.append(f"i64 %a{n}")
            b.store(Val(I64, f"%a{n}"), self.gpr[reg])
        for n in range(N_XMM_ARGS):
            params.append(f"{V2I64} %x{n}")
            b.store(Val(V2I64, f"%x{n}"), self.xmm[n])
        params.append("ptr %argp")
        self.argp = Val(PTR, "%argp")
        rsp0 = b.ptrtoint(b.gep(self.frame, const(I64, below)))
        b.store(rsp0, self.gpr[RSP])
        b.store(const(I1, 0), self.flag["df"])
        b.store(const(I1, 0), self.flag["id"])
        self.labels = {start: b.new_block(f"L{start:x}") for start in self.blocks}
        b.terminate(f"br label %L{fn.start:x}")

        if self.flag_liveness:
            self._flags_at = flagflow.analyse(self.blocks, self.succs)
        everything = (flagflow.ALL, flagflow.ALL, 0)
        for start, insns in self.blocks.items():
            b.position(self.labels[start])
            self.cmp_cache = None
            for insn in insns:
                self.insn = insn
                self.st = self.before.get(insn.addr, framemod.FrameState(None, None, None))
                if b.cur.terminated:
                    break
                self._live_in, self._live_out, kills = self._flags_at.get(insn.addr, everything)
                self._written = self._skipped = 0
                self._dead_vals = {}
                if insn.addr in self.control.switches:
                    context.restore(self, self.control.switches[insn.addr])
                    break
                self._lift_insn(insn)
                if insn.addr in self.control.saves:
                    context.note_buffer(self, self.control.saves[insn.addr])
                if kills & ~self._written:
                    raise flagflow.FlagLivenessMiss(insn)
            if not b.cur.terminated:
                last = insns[-1]
                nxt = last.end
                if nxt in self.labels:
                    b.terminate(f"br label %L{nxt:x}")
                else:
                    b.terminate("unreachable")

        word = self.mode.word
        n_words = max(0, (self.max_arg_off - word + word - 1) // word)
        if n_words * word > FRAME_ABOVE - word:
            raise CrtError(f"function '{fn.name}' reads more than {FRAME_ABOVE - word} bytes of stack "
                           "arguments", self.ctx.source_file)
        b.entry_lines.append(ARG_COPY_TOKEN)
        b.intrinsics["@llvm.memcpy.p0.p0.i64"] = "declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)"
        linkage = "internal"
        header = f'define {linkage} {self.internal_ret} {self.ctx.internal_name(fn)}({", ".join(params)})'
        attrs = " #0" if self.ctx.uses_returns_twice(fn) else ""
        hint = results.return_hint(self)
        lifted = Lifted("", n_words, self.variadic, hint)
        lifted.tail_targets = self.tail_targets
        lifted.context_save = bool(self.control.saves)
        lifted.internal_calls = self.internal_calls
        self._frame_geometry = (below, self.frame.ref, max(self.max_arg_off, word))
        if self.mode.word == 4:
            lifted.arg_kinds = i386abi.incoming_kinds(self, n_words)
            lifted.fp_ret = i386abi.fp_result_kind(self)
            lifted.short_ret = i386abi.short_result(self)
            lifted.small_struct = i386abi.small_struct_result(self)
            lifted.regparm = i386abi.regparm_params(self)
            if lifted.regparm and self.ctx.address_taken(fn):
                # Native callers pass those words in r0-r2, which the entry maps; translated i386
                # code calling through a pointer cannot be told apart from cdecl code.
                raise self.error(
                    f"'{fn.name}' takes arguments in registers (regparm: eax, edx, ecx) and its "
                    "address is taken: calls through pointers from translated i386 code cannot be "
                    "bridged to ARM (translate it from x86-64 code, or build it without regparm)",
                    fn.insns[0])
        elif fn.exported and fn.name not in self.ctx.prototypes and results.returns_first_argument(self):
            self.ctx.options.warnings.append(
                f"'{fn.name}' returns its first argument register (%rdi): if it returns a struct larger "
                "than 16 bytes by value, native callers pass that address differently; give its "
                "prototype with --crt-prototypes (docs/abi.md)")
        lifted.text = b.render(header + attrs)
        lifted.frame_geometry = self._frame_geometry
        return lifted

    def _lift_insn(self, insn: Insn) -> None:
        from .semantics import SEMANTICS
        m = insn.mnemonic
        handler = SEMANTICS.get(m)
        if handler is None:
            # prefixed forms (rep/repne/lock/notrack/bnd) appear as "rep movsb" etc.
            parts = m.split()
            if len(parts) > 1:
                handler = SEMANTICS.get(" ".join(parts[:2])) or SEMANTICS.get(parts[-1]) \
                    if parts[0] in ("lock", "notrack", "bnd") else SEMANTICS.get(" ".join(parts[:2]))
        if handler is None:
            raise self.unsupported()
        ops = insn.cs.operands
        dynamic = m == "sub" and len(ops) == 2 and ops[0].type == x86.X86_OP_REG \
            and ops[1].type == x86.X86_OP_REG and full_register(insn.cs.reg_name(ops[0].reg)) == "rsp"
        old_rsp = self.rsp_value() if dynamic else None
        if m in SAME_REGISTER_IDIOMS:
            self._define_idiom_input(insn)
        handler(self, insn)
        if dynamic:
            # VLA/alloca (`sub %reg, %rsp`): the area below the recovered frame must be real
            # native stack memory, or LLVM's own stack objects and callees' frames overlap it.
            # A dynamic alloca of the size, plus room below for pushes and outgoing arguments.
            b = self.b
            size = b.sub(old_rsp, self.get64(RSP))
            p = b.op(PTR, f"alloca i8, i64 {b.add(size, const(I64, DYNAMIC_SLACK)).ref}, align 64")
            self.set64(RSP, b.ptrtoint(b.gep(p, const(I64, DYNAMIC_SLACK))))

    # ------------------------------------------------------------------ registers
    def get64(self, reg: int) -> Val:
        return self.b.load(I64, self.gpr[reg], 8)

    def set64(self, reg: int, v: Val) -> None:
        self.b.store(v, self.gpr[reg], 8)

    def get_reg(self, name: str) -> Val:
        reg, off, size = SUBREGS[name]
        v = self.get64(reg)
        if off:
            v = self.b.lshr(v, const(I64, 8 * off))
        return self.b.resize(v, size * 8)

    def set_reg(self, name: str, v: Val) -> None:
        reg, off, size = SUBREGS[name]
        b = self.b
        bits = size * 8
        assert bits_of(v.ty) == bits, (name, v)
        if size == 8:
            self.set64(reg, v)
        elif size == 4:
            self.set64(reg, b.zext(v, I64))
        else:
            old = self.get64(reg)
            mask = ((1 << bits) - 1) << (8 * off)
            keep = b.and_(old, const(I64, ~mask))
            new = b.zext(v, I64)
            if off:
                new = b.shl(new, const(I64, 8 * off))
            self.set64(reg, b.or_(keep, new))

    def get_flag(self, f: str) -> Val:
        if f in self._dead_vals:
            return self._dead_vals[f]
        bit = flagflow.BIT.get(f, 0)
        if bit & self._skipped or bit & ~self._live_in & ~self._written:
            raise flagflow.FlagLivenessMiss(self.insn)
        return self.b.load(I1, self.flag[f], 1)

    def wants_flag(self, f: str) -> bool:
        """The current instruction writes flag ``f``: is it read later (worth computing)?

        A False answer is a promise not to write it (crt_cc.lift.flagflow checks them)."""
        bit = flagflow.BIT[f]
        self._written |= bit
        if self._live_out & bit:
            return True
        self._skipped |= bit
        return False

    def set_flag(self, f: str, v: Val) -> None:
        bit = flagflow.BIT.get(f, 0)
        self._written |= bit
        if bit and not self._live_out & bit:
            self._dead_vals[f] = v         # nobody reads it after this instruction
            self._skipped &= ~bit
            return
        self.b.store(v, self.flag[f], 1)

    def get_xmm(self, n: int) -> Val:
        return self.b.load(V2I64, self.xmm[n], 16)

    def set_xmm(self, n: int, v: Val) -> None:
        if v.ty != V2I64:
            v = self.b.bitcast(v, V2I64)
        self.b.store(v, self.xmm[n], 16)

    # ------------------------------------------------------------------ operands
    def regname(self, op) -> str:
        return self.insn.cs.reg_name(op.reg)

    def is_reg(self, op) -> bool:
        return op.type == x86.X86_OP_REG

    def is_mem(self, op) -> bool:
        return op.type == x86.X86_OP_MEM

    def is_imm(self, op) -> bool:
        return op.type == x86.X86_OP_IMM

    def xmm_index(self, op) -> int | None:
        if op.type != x86.X86_OP_REG:
            return None
        name = self.regname(op)
        if name.startswith("xmm"):
            return int(name[3:])
        return None

    def read(self, op, bits: int | None = None, signed: bool = False) -> Val:
        """Integer value of an operand, resized to ``bits`` (immediates are sign-extended)."""
        b = self.b
        size = op.size * 8
        if op.type == x86.X86_OP_REG:
            name = self.regname(op)
            if name not in SUBREGS:
                raise self.unsupported(f"unsupported register '{name}' in '{self.insn}'")
            v = self.get_reg(name)
        elif op.type == x86.X86_OP_IMM:
            rel = self.insn.reloc_at(self.insn.cs.imm_offset) if self.insn.cs.imm_offset else None
            if rel is not None:
                v = b.resize(b.ptrtoint(self.ctx.reloc_target(self, rel, 0)), size)
            else:
                v = const(ity(size), op.imm)
        elif op.type == x86.X86_OP_MEM:
            v = b.load(ity(size), self.addr(op))
        else:
            raise self.unsupported()
        if bits is not None and bits != size:
            v = b.resize(v, bits, signed or op.type == x86.X86_OP_IMM)
        return v

    def write(self, op, v: Val) -> None:
        if op.type == x86.X86_OP_REG:
            name = self.regname(op)
            if name not in SUBREGS:
                raise self.unsupported(f"unsupported register '{name}' in '{self.insn}'")
            self.set_reg(name, v)
        elif op.type == x86.X86_OP_MEM:
            self.b.store(v, self.addr(op))
        else:
            raise self.unsupported()

    # ------------------------------------------------------------------ memory
    def frame_ptr(self, off: int) -> Val:
        """Pointer to entry-rsp-relative offset ``off``.

        Offsets >= 8 are the incoming stack arguments: the entry block copies them from
        ``argp`` into the frame, so static and run-time-computed addresses (``lea 16(%rbp)``
        then arithmetic) agree, as they do on x86.
        """
        if off >= self.mode.word:
            self.max_arg_off = max(self.max_arg_off, off + 16)   # room for the widest access
        return self.b.gep(self.frame, const(I64, self.frame_below + off))

    def reg_offset(self, name: str) -> int | None:
        """Frame offset register ``name`` holds here, when the frame pass knows it."""
        if name not in SUBREGS or SUBREGS[name][2] != self.mode.word:
            return None
        return self.st.offset_of(full_register(name))

    def _index_value(self, mem) -> Val | None:
        if not mem.index:
            return None
        iname = self.insn.cs.reg_name(mem.index)
        if iname.startswith("xmm") or iname.startswith("ymm"):
            raise self.unsupported()
        # i386: a 32-bit index is a signed offset (addresses wrap at 2**32 on the ILP32 target)
        v = self.b.resize(self.get_reg(iname), 64, signed=self.mode.word == 4)
        if mem.scale != 1:
            v = self.b.mul(v, const(I64, mem.scale))
        return v

    def addr(self, op, extra: int = 0) -> Val:
        """Pointer for a memory operand (``extra`` bytes further on)."""
        b = self.b
        insn = self.insn
        mem = op.mem
        seg = insn.cs.reg_name(mem.segment) if mem.segment else None
        base = insn.cs.reg_name(mem.base) if mem.base else None
        disp = mem.disp + extra
        rel = insn.reloc_at(insn.cs.disp_offset) if insn.cs.disp_offset else None
        if seg == "fs" and self.mode.word == 8 or seg == "gs" and self.mode.word == 4:
            return self.ctx.tls_address(self, op, rel, extra)
        if seg not in (None, "ds", "ss", "es", "cs"):
            raise self.unsupported(f"unsupported segment override '{seg}' in '{insn}'")
        if base == "rip":
            if rel is not None:
                return self.ctx.reloc_target(self, rel, insn.end - rel.offset + extra, memory=True)
            sec, off = self.fn.real(insn.end)
            return self.ctx.code_address(self, off + disp, sec)
        idx = self._index_value(mem)
        if rel is not None:   # absolute symbol in the displacement (non-PIE code)
            p = self.ctx.reloc_target(self, rel, extra)
            if base:
                p = b.gep(p, b.resize(self.get_reg(base), 64))
            if idx is not None:
                p = b.gep(p, idx)
            return p
        if base and self.reg_offset(base) is not None:
            off = self.reg_offset(base) + disp
            if idx is None:
                if not extra:       # incoming arguments, and (i386) locals they are copied to
                    self.arg_access[off] = max(self.arg_access.get(off, 0), op.size)
                return self.frame_ptr(off)
            if off >= self.mode.word:
                self.max_arg_off = max(self.max_arg_off, ARG_COPY_MAX)
            return b.gep(self.frame_ptr(off), idx)
        if base and base.startswith("e") and base in SUBREGS or (base or "").endswith("d") and base in SUBREGS:
            v = b.zext(self.get_reg(base), I64)          # 32-bit address size
        elif base:
            v = self.get_reg(base)
        else:
            v = const(I64, 0)
        if idx is not None:
            v = b.add(v, idx)
        if disp:
            v = b.add(v, const(I64, disp))
        return b.inttoptr(v)

    def lea_value(self, op) -> Val:
        """The integer an address computes to (lea): a frame pointer when statically known."""
        b = self.b
        mem = op.mem
        base = self.insn.cs.reg_name(mem.base) if mem.base else None
        rel = self.insn.reloc_at(self.insn.cs.disp_offset) if self.insn.cs.disp_offset else None
        if base and self.reg_offset(base) is not None and rel is None:
            off = self.reg_offset(base) + mem.disp
            if off >= self.mode.word:
                self.variadic = True   # the address of incoming stack arguments escapes (va_start)
                self.max_arg_off = max(self.max_arg_off, ARG_COPY_MAX)
            p = self.frame_ptr(off)
            idx = self._index_value(mem)
            if idx is not None:
                p = b.gep(p, idx)
            return b.ptrtoint(p)
        if base == "rip" and rel is None and not mem.index:
            sec, off = self.fn.real(self.insn.end)
            tag = self.ctx.code_label_tag(sec, off + mem.disp)
            if tag is not None:
                return const(I64, tag)
        if rel is None and base != "rip" and getattr(self.ctx.native, "ILP32", False) \
                and not (mem.segment or mem.base and base in ("esp", "ebp")):
            # x86-64 code on a 32-bit target: lea is 64-bit arithmetic, which a round trip through
            # a (32-bit) pointer would truncate (abi/arm.py)
            v = self.get_reg(base) if base else const(I64, 0)
            v = b.resize(v, 64)
            idx = self._index_value(mem)
            if idx is not None:
                v = b.add(v, idx)
            return b.add(v, const(I64, mem.disp)) if mem.disp else v
        return b.ptrtoint(self.addr(op))

    # ------------------------------------------------------------------ stack
    def rsp_value(self) -> Val:
        if self.st.rsp is not None:
            return self.b.ptrtoint(self.frame_ptr_raw(self.st.rsp))
        return self.get64(RSP)

    def frame_ptr_raw(self, off: int) -> Val:
        return self.b.gep(self.frame, const(I64, self.frame_below + off))

    def stack_ptr(self, delta: int) -> Val:
        """Pointer to [rsp + delta] for the rsp before the current instruction."""
        if self.st.rsp is not None:
            return self.frame_ptr(self.st.rsp + delta)
        return self.b.inttoptr(self.b.add(self.get64(RSP), const(I64, delta)))

    def adjust_rsp(self, delta: int) -> None:
        """Keep the run-time rsp in step (static offsets are tracked by the frame pass)."""
        if self.st.rsp is not None:
            self.set64(RSP, self.b.ptrtoint(self.frame_ptr_raw(self.st.rsp + delta)))
        else:
            self.set64(RSP, self.b.add(self.get64(RSP), const(I64, delta)))

    def push(self, v: Val) -> None:
        size = bits_of(v.ty) // 8
        self.b.store(v, self.stack_ptr(-size))
        self.adjust_rsp(-size)

    def pop(self, bits: int = 64) -> Val:
        v = self.b.load(ity(bits), self.stack_ptr(0))
        self.adjust_rsp(bits // 8)
        return v

    def outgoing_stack_words(self) -> int:
        """x86 stack words the current call site has prepared (stores at or above the call's rsp)."""
        if self.st.rsp is None:
            return 0
        call_rsp = self.st.rsp
        block = None
        for _start, insns in self.blocks.items():
            if self.insn in insns:
                block = insns
                break
        top = 0
        for insn in reversed(block[:block.index(self.insn)]):
            if insn.mnemonic == "call":
                break
            st = self.before.get(insn.addr)
            if st is None or st.rsp is None:
                continue
            if insn.mnemonic in ("push", "pushq"):
                size = insn.cs.operands[0].size
                rel = st.rsp - size - call_rsp
                if rel >= 0:
                    top = max(top, rel + size)
                continue
            for op in insn.cs.operands:
                if op.type == x86.X86_OP_MEM and op.mem.base and op.access & capstone.CS_AC_WRITE \
                        and not op.mem.index:
                    roff = st.rsp if full_register(insn.cs.reg_name(op.mem.base)) == "rsp" else None
                    if roff is None:
                        continue
                    rel = roff + op.mem.disp - call_rsp
                    if rel >= 0:
                        top = max(top, rel + op.size)
        return (top + self.mode.word - 1) // self.mode.word

    # ------------------------------------------------------------------ flags
    def parity(self, r: Val) -> Val:
        b = self.b
        low = b.resize(r, 8)
        cnt = b.intrinsic("llvm.ctpop.i8", I8, [low])
        return b.icmp("eq", b.and_(cnt, const(I8, 1)), const(I8, 0))

    def set_zsp(self, r: Val) -> None:
        b = self.b
        if self.wants_flag("zf"):
            self.set_flag("zf", b.icmp("eq", r, const(r.ty, 0)))
        if self.wants_flag("sf"):
            self.set_flag("sf", b.icmp("slt", r, const(r.ty, 0)))
        if self.wants_flag("pf"):
            self.set_flag("pf", self.parity(r))

    def set_af(self, a: Val, c: Val, r: Val) -> None:
        b = self.b
        if self.wants_flag("af"):
            x = b.xor(b.xor(a, c), r)
            self.set_flag("af", b.icmp("ne", b.and_(x, const(r.ty, 0x10)), const(r.ty, 0)))

    def flags_add(self, a: Val, c: Val, r: Val, carry: Val | None = None) -> None:
        b = self.b
        if not self.wants_flag("cf"):
            pass
        elif carry is None:
            self.set_flag("cf", b.icmp("ult", r, a))
        else:
            wide = ity(bits_of(a.ty) * 2)
            s = b.add(b.add(b.zext(a, wide), b.zext(c, wide)), b.zext(carry, wide))
            self.set_flag("cf", b.icmp("ne", b.lshr(s, const(wide, bits_of(a.ty))), const(wide, 0)))
        if self.wants_flag("of"):
            o = b.and_(b.xor(a, r), b.xor(c, r))
            self.set_flag("of", b.icmp("slt", o, const(r.ty, 0)))
        self.set_af(a, c, r)
        self.set_zsp(r)
        self.cmp_cache = ("add", a, c, r) if carry is None else None

    def flags_sub(self, a: Val, c: Val, r: Val, borrow: Val | None = None) -> None:
        b = self.b
        if not self.wants_flag("cf"):
            pass
        elif borrow is None:
            self.set_flag("cf", b.icmp("ult", a, c))
        else:
            lt = b.icmp("ult", a, c)
            eq = b.icmp("eq", a, c)
            self.set_flag("cf", b.or_(lt, b.and_(eq, borrow)))
        if self.wants_flag("of"):
            o = b.and_(b.xor(a, c), b.xor(a, r))
            self.set_flag("of", b.icmp("slt", o, const(r.ty, 0)))
        self.set_af(a, c, r)
        self.set_zsp(r)
        self.cmp_cache = ("sub", a, c, r) if borrow is None else None

    def flags_logic(self, r: Val) -> None:
        self.set_flag("cf", const(I1, 0))
        self.set_flag("of", const(I1, 0))
        self.set_flag("af", const(I1, 0))   # undefined on x86; zero is one valid choice
        self.set_zsp(r)
        self.cmp_cache = ("logic", r)

    def cond(self, cc: str) -> Val:
        """Value of condition code ``cc``, straight from the last compare where possible."""
        b = self.b
        c = self.cmp_cache
        if c is not None and c[0] == "sub":
            _, x, y, r = c
            preds = {"e": "eq", "ne": "ne", "b": "ult", "ae": "uge", "be": "ule", "a": "ugt",
                     "l": "slt", "ge": "sge", "le": "sle", "g": "sgt"}
            if cc in preds:
                return b.icmp(preds[cc], x, y)
            if cc in ("s", "ns"):
                return b.icmp("slt" if cc == "s" else "sge", r, const(r.ty, 0))
        if c is not None and c[0] == "logic":
            r = c[1]
            z = const(r.ty, 0)
            preds = {"e": "eq", "ne": "ne", "s": "slt", "ns": "sge", "l": "slt", "ge": "sge",
                     "le": "sle", "g": "sgt", "be": "eq", "a": "ne"}
            if cc in preds:
                return b.icmp(preds[cc], r, z)
            if cc in ("b", "o"):
                return const(I1, 0)
            if cc in ("ae", "no"):
                return const(I1, 1)
        if c is not None and c[0] == "add" and cc in ("e", "ne", "s", "ns"):
            r = c[3]
            pred = {"e": "eq", "ne": "ne", "s": "slt", "ns": "sge"}[cc]
            return b.icmp(pred, r, const(r.ty, 0))
        f = self.get_flag
        if cc == "o":
            return f("of")
        if cc == "no":
            return b.not_(f("of"))
        if cc == "b":
            return f("cf")
        if cc == "ae":
            return b.not_(f("cf"))
        if cc == "e":
            return f("zf")
        if cc == "ne":
            return b.not_(f("zf"))
        if cc == "be":
            return b.or_(f("cf"), f("zf"))
        if cc == "a":
            return b.not_(b.or_(f("cf"), f("zf")))
        if cc == "s":
            return f("sf")
        if cc == "ns":
            return b.not_(f("sf"))
        if cc == "p":
            return f("pf")
        if cc == "np":
            return b.not_(f("pf"))
        if cc == "l":
            return b.xor(f("sf"), f("of"))
        if cc == "ge":
            return b.not_(b.xor(f("sf"), f("of")))
        if cc == "le":
            return b.or_(f("zf"), b.xor(f("sf"), f("of")))
        if cc == "g":
            return b.not_(b.or_(f("zf"), b.xor(f("sf"), f("of"))))
        raise self.unsupported()

    def invalidate_flags(self) -> None:
        self.cmp_cache = None

    # ------------------------------------------------------------------ control flow
    def jump(self, target: int) -> None:
        self.b.terminate(f"br label %L{target:x}")

    def branch(self, c: Val, target: int) -> None:
        nxt = self.insn.end
        if nxt not in self.labels:
            blk = self.b.new_block()
            self.b.terminate(f"br {c}, label %L{target:x}, label %{blk.label}")
            self.b.position(blk)
            self.b.terminate("unreachable")
            return
        self.b.terminate(f"br {c}, label %L{target:x}, label %L{nxt:x}")

    def internal_args(self, argp: Val) -> list[Val]:
        args = [self.get64(r) for r in INTERNAL_PARAM_GPRS]
        args += [self.get_xmm(n) for n in range(N_XMM_ARGS)]
        return args + [argp]

    def take_internal_result(self, res: Val) -> None:
        b = self.b
        self.set64(RAX, b.extractvalue(res, 0, I64))
        self.set64(RDX, b.extractvalue(res, 1, I64))
        self.set_xmm(0, b.extractvalue(res, 2, V2I64))
        self.set_xmm(1, b.extractvalue(res, 3, V2I64))
        self.x87_ret = b.extractvalue(res, 4, self.x87_ty)

    def return_internal(self) -> None:
        b = self.b
        if self.control.saves:                  # setjmp-like: the jmp_buf for the naked entry
            self.set64(RDX, context.buffer_at_return(self))
        agg = Val(self.internal_ret, "undef")
        agg = b.insertvalue(agg, self.get64(RAX), 0)
        agg = b.insertvalue(agg, self.get64(RDX), 1)
        agg = b.insertvalue(agg, self.get_xmm(0), 2)
        agg = b.insertvalue(agg, self.get_xmm(1), 3)
        st0 = self.x87_top_value() if (self.st.x87 or 0) >= 1 else Val(self.x87_ty, "undef")
        agg = b.insertvalue(agg, st0, 4)
        b.terminate(f"ret {agg}")

    def x87_top_value(self) -> Val:
        from .semantics.x87 import st_get
        return st_get(self, 0)

    def call_internal(self, target: Function, argp: Val, tail: bool = False) -> None:
        b = self.b
        res = b.call(self.internal_ret, self.ctx.internal_name(target), self.internal_args(argp))
        if not tail and self.st.rsp is not None:
            self.internal_calls.append((target.name, self.st.rsp))
        if tail:
            self.tail_targets.add(target.name)
            b.terminate(f"ret {res}")
            return
        self.take_internal_result(res)
        if self.ctx.returns_x87(target):
            from .semantics.x87 import st_push
            st_push(self, self.x87_ret, after_call=True)

    def clobber_after_call(self, callee: Function | None, name: str | None) -> None:
        """After a call, the call-clobbered registers the callee may change hold nothing
        (ModuleLifter.call_clobbers): LLVM keeps no copy of them across the call."""
        for reg in sorted(self.ctx.call_clobbers(callee, name)):
            if reg.startswith("xmm"):
                self.set_xmm(int(reg[3:]), Val(V2I64, "undef"))
            else:
                self.set64(GPR_NAMES.index(reg), Val(I64, "undef"))

    def _define_idiom_input(self, insn: Insn) -> None:
        """Give the register of a same-register idiom a defined value before it is read.

        ``xor %ecx, %ecx``, ``sbb %eax, %eax`` or ``pcmpeqd %xmm5, %xmm5`` do not depend on the
        register's value, but after a call it may be LLVM's ``undef`` (clobber_after_call), and
        each use of ``undef`` may see a different value: ``x ^ x`` would not be 0.  Writing 0 to
        the operand first changes nothing else: the idiom overwrites it (a sub-register only, so
        the rest of its register is kept).
        """
        ops = insn.cs.operands
        if len(ops) != 2 or ops[0].type != x86.X86_OP_REG or ops[1].type != x86.X86_OP_REG \
                or ops[0].reg != ops[1].reg:
            return
        name = insn.cs.reg_name(ops[0].reg)
        if name in SUBREGS and SUBREGS[name][0] != RSP:
            self.set_reg(name, const(ity(8 * SUBREGS[name][2]), 0))
        elif name.startswith("xmm"):
            self.set_xmm(int(name[3:]), Val(V2I64, "zeroinitializer"))

    def call_maybe_translated(self, name: str, argp: Val) -> None:
        """Call undefined ``name``: in the x86 convention when another translated object of the
        program defines it (:meth:`ModuleLifter.cross_object_symbol`), else natively."""
        from .semantics.x87 import st_push
        b = self.b
        sym = self.ctx.cross_object_symbol(name)
        self.ctx.cross_object_refs.add(name)
        has = b.icmp("ne", Val(PTR, sym), Val(PTR, "null"))
        x86, native, join = b.new_block(), b.new_block(), b.new_block()
        b.terminate(f"br {has}, label %{x86.label}, label %{native.label}")
        b.position(x86)
        ctx = self.ctx
        if self._xstate is None:     # one buffer per function serves all its such calls
            self._xstate = b.alloca(f"[{ctx.XSTATE_SIZE} x i8]", align=16)
        state = self._xstate
        args = self.internal_args(argp)
        for n, v in enumerate(args[:len(INTERNAL_PARAM_GPRS)]):
            b.store(v, b.gep(state, const(I64, 8 * n)))
        for n, v in enumerate(args[len(INTERNAL_PARAM_GPRS):-1]):
            b.store(v, b.gep(state, const(I64, ctx.XSTATE_XMM + 16 * n)), 16)
        b.store(argp, b.gep(state, const(I64, ctx.XSTATE_ARGP)))
        b.call("void", sym, [state], fnty="void (ptr)")
        self.set64(RAX, b.load(I64, state))
        self.set64(RDX, b.load(I64, b.gep(state, const(I64, 8))))
        self.set_xmm(0, b.load(V2I64, b.gep(state, const(I64, ctx.XSTATE_XMM)), 16))
        self.set_xmm(1, b.load(V2I64, b.gep(state, const(I64, ctx.XSTATE_XMM + 16)), 16))
        self.x87_ret = b.load(self.x87_ty, b.gep(state, const(I64, ctx.XSTATE_ST0)), 16)
        if self.ctx.call_returns_x87(self, self.insn):
            st_push(self, self.x87_ret, after_call=True)
        b.terminate(f"br label %{join.label}")
        b.position(native)
        self.call_native(self.ctx.external(name), name)
        if not b.cur.terminated:
            b.terminate(f"br label %{join.label}")
        b.position(join)

    def call_native(self, callee: Val | str, name: str | None, tail: bool = False) -> None:
        """Call native code (external symbol or pointer): typed when a prototype is known, else
        through the target's universal mapping (abi/aarch64.py, abi/riscv64.py); flag bits that
        the target's C library defines otherwise are remapped around it (lift/libc_compat.py)."""
        after = libc_compat.around_call(self, name, tail)
        self._call_native(callee, name, tail)
        if after is not None and not self.b.cur.terminated:
            after()

    def _call_native(self, callee: Val | str, name: str | None, tail: bool = False) -> None:
        b = self.b
        special = self.ctx.special_call(self, name, tail) if name else False
        if special:
            if tail:
                self.return_internal()
            return
        if self.mode.word == 4:
            i386abi.native_call(self, callee if isinstance(callee, str) else callee.ref, name, tail)
            if not tail and name in NORETURN:
                b.terminate("unreachable")
            return
        proto = self.ctx.prototype_for_call(name)
        if proto is not None:
            base = self.stack_ptr(0) if not tail else self.frame_ptr(8)
            if tail:
                self.max_arg_off = max(self.max_arg_off, 8 + 8 * bridge.stack_words(proto))
            bridge.native_call(self, self.ctx.native, proto, callee if isinstance(callee, str) else callee.ref,
                               base, tail)
            if not tail and name in NORETURN:
                b.terminate("unreachable")
            return
        if getattr(self.ctx.native, "ILP32", False):   # ARM EABI: its own universal mapping (abi/arm.py)
            self.ctx.native.universal_call(self, callee, name, tail)
            return
        k = self.outgoing_stack_words() if not tail else self.max_arg_words_for_tail()
        nat = self.ctx.native
        ints = [self.get64(r) for r in INTERNAL_PARAM_GPRS[:6]]
        if nat.SEXT_INT32:
            known = int32_arg_registers(name)
            for n, reg in enumerate(INTERNAL_PARAM_GPRS[:6]):
                if (n in known[0]) if known is not None and n < known[1] else \
                        results.arg_is_int32(self, self.insn, GPR_NAMES[reg]):
                    ints[n] = b.sext(b.trunc(ints[n], I32), I64)
        if nat.JMP_BUF_SIZE > 200 and name in SETJMP:
            # The x86 jmp_buf (200 bytes) is too small for the native one: the native buffer
            # lives in this frame (setjmp's context is only valid while it lives) and the x86
            # buffer holds its address.
            nb = b.alloca(f"[{nat.JMP_BUF_SIZE} x i8]", align=16)
            b.store(b.ptrtoint(nb), b.inttoptr(ints[0]))
            ints[0] = b.ptrtoint(nb)
        elif nat.JMP_BUF_SIZE > 200 and name in LONGJMP:
            ints[0] = b.load(I64, b.inttoptr(ints[0]))
        if name in varargs.VA_LIST_FUNCS:
            idx = varargs.VA_LIST_FUNCS[name]
            if nat.VA_LIST_KIND == "slots":
                ints[idx] = self.slots_va_list(ints[idx - 1], ints[idx], "scanf" in name)
            else:
                ints[idx] = self.convert_va_list(ints[idx])
        typed = self.typed_format_call(name, tail) if name in varargs.FORMAT_FUNCS else None
        base = self.stack_ptr(0) if not tail else self.frame_ptr(8)
        if typed is None and name in nat.V_VARIANT:
            # A printf whose format is not a constant: the variadic arguments' classes are only
            # known at run time, so pass them as a va_list to the v* variant.
            fi = varargs.FORMAT_FUNCS[name][0]
            ap = self.x86_va_list(fi + 1, base)
            ints[fi + 1] = self.slots_va_list(ints[fi], ap, False)
            name = nat.V_VARIANT[name]
            callee = self.ctx.external(name)
        uses = libc_register_use(name) if typed is None else None
        if uses is not None:          # a known libc function: what it does not read is undef
            k = 0
            ints = [v if n < uses[0] else Val(I64, "undef") for n, v in enumerate(ints)]
        words = [b.load(I64, b.gep(base, const(I64, 8 * w))) for w in range(k)]
        words += [Val(I64, "undef")] * max(0, 2 - k)
        fps = []
        for n in range(N_XMM_ARGS):
            if uses is not None and n >= uses[1]:
                fps.append(Val(F64, "undef"))
                continue
            low = b.extract(self.get_xmm(n), 0)
            if nat.NAN_BOX_FLOATS and typed is None and results.arg_is_single(self, self.insn, n):
                low = b.or_(low, const(I64, -(1 << 32)))     # a single in an FP register is NaN-boxed
            fps.append(b.bitcast(low, F64))
        ref = callee if isinstance(callee, str) else callee.ref
        attrs = "#0" if name in RETURNS_TWICE else ""
        if name in RETURNS_TWICE:
            self.ctx.mark_returns_twice(self.fn)
        # One fixed shape (x0-x7, d0-d7, then stack words) for every native call: it matches the
        # adapters' signature, so LLVM sees identical types when it resolves a function pointer.
        args = ints + words[:2] + fps + words[2:]
        live = results.live_after(self, self.insn) if nat.SHAPE_FROM_CODE and not tail else set()
        if name in INT128_RESULT:
            live = {"rax", "rdx"}
        ret_ty, ret_regs = nat.universal_return(live)
        fnty = f"{ret_ty} ({', '.join(a.ty for a in args)})"
        if typed is not None:
            args, fixed = typed
            fnty = f"{ret_ty} ({fixed}, ...)"
        res = b.call(ret_ty, ref, args, attrs=attrs, fnty=fnty)
        got: dict[str, Val] = {}
        result = libc_result_registers(name)
        for k, reg in enumerate(ret_regs):
            if result is not None and reg not in result:   # not the result: nothing to read
                got[reg] = Val(I64 if reg in ("rax", "rdx") else V2I64, "undef")
            elif reg in ("rax", "rdx"):
                got[reg] = b.extractvalue(res, k, I64)
            else:
                got[reg] = b.bitcast(b.insert(Val(vec(2, F64), "zeroinitializer"),
                                              b.extractvalue(res, k, F64), 0), V2I64)
        if tail:
            agg = Val(self.internal_ret, "undef")
            for k, reg in enumerate(("rax", "rdx", "xmm0", "xmm1")):
                if reg in got:
                    agg = b.insertvalue(agg, got[reg], k)
            b.terminate(f"ret {agg}")
            return
        for reg, v in got.items():
            if reg in ("rax", "rdx"):
                self.set64(RAX if reg == "rax" else RDX, v)
            else:
                self.set_xmm(0 if reg == "xmm0" else 1, v)
        if name in NORETURN:
            b.terminate("unreachable")

    def x86_va_list(self, n_fixed_gprs: int, overflow: Val) -> Val:
        """An x86-64 va_list over this call's argument registers and outgoing stack area."""
        from .regs import ARG_GPRS
        b = self.b
        save = b.alloca("[176 x i8]", align=16)
        for n, reg in enumerate(ARG_GPRS):
            b.store(self.get64(reg), b.gep(save, const(I64, 8 * n)))
        for n in range(N_XMM_ARGS):
            b.store(self.get_xmm(n), b.gep(save, const(I64, 48 + 16 * n)))
        ap = b.alloca("[24 x i8]", align=8)
        b.store(const(I32, 8 * n_fixed_gprs), ap)
        b.store(const(I32, 48), b.gep(ap, const(I64, 4)))
        b.store(overflow, b.gep(ap, const(I64, 8)))
        b.store(save, b.gep(ap, const(I64, 16)))
        return b.ptrtoint(ap)

    def slots_va_list(self, fmt: Val, x86_ap: Val, scanf: bool) -> Val:
        """A slot-array va_list (RISC-V) holding the arguments an x86 va_list designates."""
        b = self.b
        nat = self.ctx.native
        out = b.alloca(f"[{nat.VA_SLOTS} x i64]", align=16)
        self.ctx.need_helper(nat.VA_HELPER)
        r = b.call(PTR, f"@{nat.VA_HELPER}", [b.inttoptr(fmt), b.inttoptr(x86_ap), out, const(I1, int(scanf))],
                   fnty="ptr (ptr, ptr, ptr, i1)")
        return b.ptrtoint(r)

    def convert_va_list(self, x86_ap: Val) -> Val:
        """Build the target's va_list from an x86-64 one (same slots, different header)."""
        b = self.b
        p = b.inttoptr(x86_ap)
        gp = b.load(I32, p)
        fp = b.load(I32, b.gep(p, const(I64, 4)))
        ov = b.load(PTR, b.gep(p, const(I64, 8)))
        rs = b.load(PTR, b.gep(p, const(I64, 16)))
        nat = b.alloca("[4 x i64]", align=16)
        b.store(ov, nat)
        b.store(b.gep(rs, const(I64, 48)), b.gep(nat, const(I64, 8)))
        b.store(b.gep(rs, const(I64, 176)), b.gep(nat, const(I64, 16)))
        b.store(b.sub(gp, const(I32, 48)), b.gep(nat, const(I64, 24)))
        b.store(b.sub(fp, const(I32, 176)), b.gep(nat, const(I64, 28)))
        return b.ptrtoint(nat)

    def known_addresses(self) -> dict[int, dict[int, tuple[int, int]]]:
        """Per instruction: registers known to hold a data address (section, offset).

        A forward data-flow over the CFG (``lea sym(%rip)`` defines, register moves copy,
        other writes and calls kill), so that a format string hoisted into a callee-saved
        register outside a loop is still recognised at the printf inside it.
        """
        if hasattr(self, "_known_before"):
            return self._known_before
        caller_saved = {0, 1, 2, 6, 7, 8, 9, 10, 11}
        before: dict[int, dict[int, tuple[int, int]]] = {}

        def transfer(insn, st: dict) -> dict:
            st = dict(st)
            m = insn.mnemonic
            if m in ("call", "notrack call"):
                # A translated callee hands back only rax/rdx (gcc's IPA-RA relies on this too).
                internal, _ = self.ctx.direct_call_target(self, insn, quiet=True)
                for r in ({0, 2} if internal is not None else caller_saved):
                    st.pop(r, None)
                return st
            try:
                _, written = insn.cs.regs_access()
            except Exception:
                written = []
            new = None
            ops = insn.cs.operands
            if m == "lea" and ops[0].size == 8:
                new = self.ctx.data_address_of(self, insn, ops[1])
            elif m == "mov" and len(ops) == 2 and ops[0].size == 8 and ops[0].type == ops[1].type == x86.X86_OP_REG:
                src = insn.cs.reg_name(ops[1].reg)
                new = st.get(SUBREGS[src][0]) if src in SUBREGS else None
            for r in written:
                name = insn.cs.reg_name(r)
                if name in SUBREGS:
                    st.pop(SUBREGS[name][0], None)
            if new is not None:
                st[SUBREGS[insn.cs.reg_name(ops[0].reg)][0]] = new
            return st

        state_in: dict[int, dict] = {self.fn.start: {}}
        work = [self.fn.start]
        while work:
            start = work.pop()
            st = state_in[start]
            for insn in self.blocks[start]:
                before[insn.addr] = st
                st = transfer(insn, st)
            for succ in self.succs.get(start, []):
                old = state_in.get(succ)
                merged = st if old is None else {k: v for k, v in old.items() if st.get(k) == v}
                if merged != old:
                    state_in[succ] = merged
                    work.append(succ)
        self._known_before = before
        return before

    def typed_format_call(self, name: str, tail: bool):
        """(args, fnty) for a printf/scanf-family call whose format string is a known constant."""
        from .regs import ARG_GPRS
        b = self.b
        fmt_index, scanf = varargs.FORMAT_FUNCS[name]
        reg = ARG_GPRS[fmt_index]
        loc = self.known_addresses().get(self.insn.addr, {}).get(reg)
        if loc is None:
            return None
        fmt = self.ctx.c_string(*loc)
        types = varargs.format_arg_types(fmt, scanf) if fmt is not None else None
        if types is None:
            return None
        base = self.frame_ptr(8) if tail else self.stack_ptr(0)
        args = [self.get64(ARG_GPRS[i]) for i in range(fmt_index + 1)]
        for t, (kind, where) in zip(types, varargs.x86_locations(fmt_index + 1, types), strict=False):
            if kind == "gpr":
                args.append(self.get64(ARG_GPRS[where]))
            elif kind == "xmm":
                args.append(b.extract(b.bitcast(self.get_xmm(where), vec(2, F64)), 0))
            elif t == "ldouble":
                from .semantics.x87 import from_f80
                args.append(from_f80(self, b.load("i80", b.gep(base, const(I64, where)))))
            else:
                args.append(b.load(F64 if t == "double" else I64, b.gep(base, const(I64, where))))
        return args, ", ".join([I64] * (fmt_index + 1))

    def max_arg_words_for_tail(self) -> int:
        return max(0, (self.max_arg_off - 8 + 7) // 8)
