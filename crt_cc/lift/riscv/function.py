"""Lifting one RISC-V function: register file, frame, operands and control flow.

x1-x31 and f0-f31 live in ``alloca``s (f registers as raw 64-bit patterns, singles NaN-boxed) so
mem2reg turns them into SSA values.  The frame is one ``alloca``: the entry sp points ``below``
bytes into it, and every memory access whose base register is known to be ``entry sp + k``
(:mod:`.analysis`) becomes a ``getelementptr`` at ``below + k`` -- which is what lets LLVM promote
-O0 stack slots.  Incoming stack arguments are copied into the frame above the entry sp from
``argp`` (the caller's sp), so addresses computed at run time (va_list walks) agree with the static
ones.  Run-time register values are always kept too: a frame address stored in a register is the
``ptrtoint`` of the same ``getelementptr``.

Singles are read from the low 32 bits of an f register without checking the NaN-box: native
AArch64 code leaves d-register upper halves zero when it writes an s register, and compiled
RISC-V code never relies on an unboxed single reading as NaN.
"""

from __future__ import annotations

from ...diagnostics import CrtError, UnsupportedInstruction
from ...frontend.riscv import RvFunction, RvInsn
from ...frontend.riscv_isa import SP, TP
from ..ir import F32, F64, I32, I64, PTR, FunctionBuilder, Val, const
from . import analysis
from .analysis import FunctionInfo

# Internal convention between translated functions: a0-a7, fa0-fa7 (bit patterns), the caller's
# sp (its outgoing stack arguments) -> a0, a1, fa0, fa1.
INTERNAL_RET = "{ i64, i64, i64, i64 }"
N_ARG = 8
# Incoming-argument bytes copied when their extent is unknown (variadic functions, escaping
# addresses of the argument area); frames whose callees may read that much reserve it above sp.
ARG_COPY_MAX = 256
# Below a dynamic stack allocation: room for outgoing arguments and spills that follow it.
DYNAMIC_SLACK = 512
CANONICAL_NAN = {F64: 0x7FF8000000000000, F32: 0x7FC00000}


def args_copied(info: FunctionInfo) -> int:
    """Incoming stack-argument bytes a function's entry block copies from ``argp``."""
    if info.variadic or info.arg_escape:
        return ARG_COPY_MAX
    return (info.arg_bytes + 7) // 8 * 8


class RvFunctionLifter:
    def __init__(self, ctx, info: FunctionInfo):
        self.ctx = ctx
        self.info = info
        self.fn = info.fn
        self.b = FunctionBuilder()
        self.insn: RvInsn | None = None
        self.exact_nan = bool(getattr(ctx.options, "exact_nan", False))

    # ------------------------------------------------------------------ diagnostics
    def line_of(self, insn: RvInsn) -> int | None:
        return self.ctx.line_of(self.fn, insn)

    def error(self, msg: str, insn: RvInsn | None = None) -> CrtError:
        insn = insn or self.insn
        return CrtError(msg, self.ctx.source_file, self.line_of(insn) if insn else None)

    def unsupported(self, why: str | None = None) -> UnsupportedInstruction:
        """``unsupported instruction 'mnemonic' (why; in 'instruction')`` at the instruction's line."""
        return self.ctx.unsupported_at(self.fn, self.insn, why)

    # ------------------------------------------------------------------ lifting
    def lift(self) -> str:
        info = self.info
        fn = self.fn
        b = self.b
        below = -info.min_off + 64
        below += -below % 16
        self.below = below
        above = max(args_copied(info), self.callee_reads()) + 16
        entry = b.new_block("entry")
        b.position(entry)
        self.frame = b.alloca(f"[{below + above} x i8]", align=16)
        self.xr = [None] + [b.alloca(I64) for _ in range(31)]
        self.fr = [b.alloca(I64) for _ in range(32)]
        self.fcsr = b.alloca(I64)
        self.res_addr = b.alloca(I64)
        self.res_val = b.alloca(I64)
        params = []
        for k in range(N_ARG):
            params.append(f"i64 %a{k}")
            b.store(Val(I64, f"%a{k}"), self.xr[10 + k], 8)
        for k in range(N_ARG):
            params.append(f"i64 %f{k}")
            b.store(Val(I64, f"%f{k}"), self.fr[10 + k], 8)
        params.append("ptr %argp")
        for r in (1, 3, *range(5, 10), *range(18, 32)):
            b.store(const(I64, 0), self.xr[r], 8)
        b.store(const(I64, 0), self.fcsr, 8)
        b.store(const(I64, -1), self.res_addr, 8)
        b.store(b.ptrtoint(self.frame_ptr(0)), self.xr[SP], 8)
        copied = args_copied(info)
        for w in range(copied // 8):
            src = b.gep(Val(PTR, "%argp"), const(I64, 8 * w))
            b.store(b.load(I64, src, 8), self.frame_ptr(8 * w), 8)
        self.labels = {start: b.new_block(f"L{start:x}") for start in info.blocks}
        b.terminate(f"br label %L{fn.start:x}")
        from .semantics import SEMANTICS
        for start, insns in info.blocks.items():
            b.position(self.labels[start])
            for insn in insns:
                if b.cur.terminated:
                    break
                self.insn = insn
                self.facts = info.before.get(insn.addr, {})
                handler = SEMANTICS.get(insn.name)
                if handler is None:
                    raise self.unsupported()
                f = insn.f
                if insn.name == "sub" and f.rd == SP and f.rs1 == SP and f.rs2 != 0:
                    self.dynamic_sp(b.sub(self.x(SP), self.x(f.rs2)))     # VLA / alloca
                    continue
                handler(self, insn)
                if not b.cur.terminated:
                    self._settle(insn)
            if not b.cur.terminated:
                nxt = insns[-1].end
                b.terminate(f"br label %L{nxt:x}" if nxt in self.labels else "unreachable")
        header = f"define internal {INTERNAL_RET} {self.ctx.internal_name(fn)}({', '.join(params)})"
        attrs = " #0" if fn.name in self.ctx.returns_twice_fns else ""
        return b.render(header + attrs)

    def callee_reads(self) -> int:
        """Bytes above the entry sp that callees may read from this frame: an internal callee copies
        its stack arguments from the caller's sp, a printf with a run-time format reads a fixed
        number of argument slots (:func:`.calls._slots_after`)."""
        from .calls import SLOT_BYTES, may_reroute
        need = 0
        for addr, c in self.info.control.items():
            sp = self.info.before.get(addr, {}).get(SP)
            k = sp[1] if sp is not None and sp[0] == "sp" else 0
            if c.kind in ("call", "tail") and isinstance(c.callee, RvFunction):
                need = max(need, args_copied(self.ctx.infos[c.callee.name]) + k)
            elif c.kind in ("call", "tail") and may_reroute(c.callee):
                need = max(need, SLOT_BYTES + k)
        return need

    def _settle(self, insn: RvInsn) -> None:
        """Write a destination statically known to be a frame address as that address, so that the
        run-time arithmetic (and the frame's escape through it) dies when nothing else reads it."""
        rd = analysis.writes_x(insn)
        if rd is None or rd == 10 and insn.name == "ecall":
            return
        after = analysis.transfer(self.ctx, self.fn, insn, self.facts, self.info.control.get(insn.addr))
        fact = after.get(rd)
        if fact is not None and fact[0] == "sp":
            self.set_x(rd, self.b.ptrtoint(self.frame_ptr(fact[1])))

    # ------------------------------------------------------------------ registers
    def x(self, r: int) -> Val:
        if r == 0:
            return const(I64, 0)
        if r == TP:
            return self.b.ptrtoint(self.b.intrinsic("llvm.thread.pointer.p0", PTR, []))
        return self.b.load(I64, self.xr[r], 8)

    def set_x(self, r: int, v: Val) -> None:
        if r == 0:
            return
        if r == TP:
            raise self.unsupported("writes the thread pointer")
        if v.ty != I64:
            v = self.b.resize(v, 64, signed=True)
        self.b.store(v, self.xr[r], 8)

    def xw(self, r: int) -> Val:
        return self.b.trunc(self.x(r), I32)

    def set_xw(self, r: int, v: Val) -> None:
        """A 32-bit result, sign-extended as every RV64 W instruction does."""
        self.set_x(r, self.b.sext(v, I64))

    def fbits(self, r: int) -> Val:
        return self.b.load(I64, self.fr[r], 8)

    def set_fbits(self, r: int, v: Val) -> None:
        self.b.store(v, self.fr[r], 8)

    def fd(self, r: int) -> Val:
        return self.b.bitcast(self.fbits(r), F64)

    def fs(self, r: int) -> Val:
        return self.b.bitcast(self.b.trunc(self.fbits(r), I32), F32)

    def set_fd(self, r: int, v: Val) -> None:
        """A double (or its bit pattern as i64)."""
        self.set_fbits(r, v if v.ty == I64 else self.b.bitcast(v, I64))

    def set_fs(self, r: int, v: Val) -> None:
        """A single (or its bit pattern as i32), NaN-boxed (upper 32 bits all ones)."""
        b = self.b
        bits = v if v.ty == I32 else b.bitcast(v, I32)
        self.set_fbits(r, b.or_(b.zext(bits, I64), const(I64, -(1 << 32))))

    def canon(self, v: Val) -> Val:
        """RISC-V returns the canonical NaN for every NaN result (with --crt-exact-nan).

        The choice is made on the bit pattern: LLVM may treat a select between two NaNs of a
        floating-point type as either, since it leaves NaN payloads unspecified.
        """
        if not self.exact_nan:
            return v
        b = self.b
        nan = b.fcmp("uno", v, v)
        ity = I64 if v.ty == F64 else I32
        return b.select(nan, const(ity, CANONICAL_NAN[v.ty]), b.bitcast(v, ity))

    # ------------------------------------------------------------------ memory
    def frame_ptr(self, k: int) -> Val:
        return self.b.gep(self.frame, const(I64, self.below + k))

    def fact(self, r: int):
        return ("c", 0) if r == 0 else self.facts.get(r)

    def mem(self, insn: RvInsn, base: int, imm: int) -> Val:
        """Pointer for ``imm(base)``: the relocated symbol of a %lo/%pcrel_lo operand, a frame
        address when ``base`` is statically entry sp + k, else the run-time value."""
        tgt = self.ctx.lo_target(self, insn)
        if tgt is not None:
            return tgt
        fact = self.fact(base)
        if fact is not None and fact[0] == "sp":
            return self.frame_ptr(fact[1] + imm)
        v = self.x(base)
        if imm:
            v = self.b.add(v, const(I64, imm))
        return self.b.inttoptr(v)

    def sp_value(self) -> Val:
        """The current sp as a pointer (the caller's outgoing-argument area at a call)."""
        fact = self.fact(SP)
        if fact is not None and fact[0] == "sp":
            return self.frame_ptr(fact[1])
        return self.b.inttoptr(self.x(SP))

    def dynamic_sp(self, new: Val) -> None:
        """sp set to a run-time value below the frame (VLA, alloca): real stack memory of that size
        (a dynamic ``alloca``), so LLVM's own stack objects never overlap it."""
        b = self.b
        size = b.sub(b.ptrtoint(self.sp_value()), new)
        p = b.op(PTR, f"alloca i8, i64 {b.add(size, const(I64, DYNAMIC_SLACK)).ref}, align 16")
        self.set_x(SP, b.ptrtoint(b.gep(p, const(I64, DYNAMIC_SLACK))))

    # ------------------------------------------------------------------ control flow
    def target_label(self, addr: int) -> str:
        return f"%L{addr:x}"

    def branch(self, cond: Val, target: int) -> None:
        b = self.b
        nxt = self.insn.end
        if nxt in self.labels:
            b.terminate(f"br {cond}, label {self.target_label(target)}, label %L{nxt:x}")
            return
        blk = b.new_block()
        b.terminate(f"br {cond}, label {self.target_label(target)}, label %{blk.label}")
        b.position(blk)
        b.terminate("unreachable")

    def internal_args(self) -> list[Val]:
        return [self.x(10 + k) for k in range(N_ARG)] + [self.fbits(10 + k) for k in range(N_ARG)]

    def result_agg(self) -> Val:
        b = self.b
        agg = Val(INTERNAL_RET, "undef")
        for k, v in enumerate((self.x(10), self.x(11), self.fbits(10), self.fbits(11))):
            agg = b.insertvalue(agg, v, k)
        return agg

    def take_result(self, res: Val) -> None:
        b = self.b
        self.set_x(10, b.extractvalue(res, 0, I64))
        self.set_x(11, b.extractvalue(res, 1, I64))
        self.set_fbits(10, b.extractvalue(res, 2, I64))
        self.set_fbits(11, b.extractvalue(res, 3, I64))

    def ret(self) -> None:
        self.b.terminate(f"ret {self.result_agg()}")

    def trap(self) -> None:
        self.b.call("void", "@llvm.trap", [])
        self.b.terminate("unreachable")
