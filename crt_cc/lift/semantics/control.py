"""Control flow: jumps, conditional jumps, calls, returns, jump tables, no-ops."""

from __future__ import annotations

from capstone import x86

from ..ir import I32, I64, Val, const, ity
from ..regs import CC_ALIASES, CONDITIONS
from . import sem

JCC = ["j" + c for c in CONDITIONS + list(CC_ALIASES)]


@sem("nop", "endbr64", "endbr32", "pause", "prefetcht0", "prefetcht1", "prefetcht2", "prefetchnta",
     "prefetchw", "lfence", "sfence", "mfence", "fwait", "wait", "cld.nop")
def nop(lf, insn):
    if insn.mnemonic == "mfence":
        lf.b.emit("fence seq_cst")


@sem("cld", "std")
def cld(lf, insn):
    lf.set_flag("df", const("i1", insn.mnemonic == "std"))


@sem("ud2", "hlt", "int3")
def trap(lf, insn):
    lf.b.call("void", "@llvm.trap", [])
    lf.b.terminate("unreachable")


@sem(*JCC)
def jcc(lf, insn):
    cc = lf.ctx.cc(insn.mnemonic[1:])
    target = lf.branch_targets.get(insn.addr)
    c = lf.cond(cc)
    if target is None:
        # conditional tail call to another function
        blk_t = lf.b.new_block()
        nxt = insn.end
        lf.b.terminate(f"br {c}, label %{blk_t.label}, label %L{nxt:x}")
        lf.b.position(blk_t)
        _tail_or_call(lf, insn, tail=True)
        return
    lf.branch(c, target)


@sem("jrcxz", "jecxz")
def jrcxz(lf, insn):
    reg = "rcx" if insn.mnemonic == "jrcxz" else "ecx"
    v = lf.get_reg(reg)
    lf.branch(lf.b.icmp("eq", v, const(v.ty, 0)), lf.branch_targets[insn.addr])


@sem("loop")
def loop(lf, insn):
    b = lf.b
    rcx = b.sub(lf.get64(1), const(I64, 1))
    lf.set64(1, rcx)
    lf.branch(b.icmp("ne", rcx, const(I64, 0)), lf.branch_targets[insn.addr])


@sem("jmp", "notrack jmp", "bnd jmp")
def jmp(lf, insn):
    target = lf.branch_targets.get(insn.addr)
    if target is not None:
        lf.jump(target)
        return
    op = insn.cs.operands[0]
    if op.type == x86.X86_OP_IMM:
        _tail_or_call(lf, insn, tail=True)
        return
    # indirect jump: jump table (switch over tagged labels) or indirect tail call
    v = lf.read(op, 64)
    lf.ctx.indirect_jump(lf, v)


@sem("call", "notrack call", "bnd call")
def call(lf, insn):
    _tail_or_call(lf, insn, tail=False)


def _tail_or_call(lf, insn, tail: bool):
    b = lf.b
    op = insn.cs.operands[0]
    if tail:
        if lf.st.rsp != 0:
            raise lf.error(f"tail jump with a non-empty frame (rsp offset {lf.st.rsp}) at '{insn}'")
        argp = lf.frame_ptr(lf.mode.word)      # our copy of the incoming arguments, updated in place
    else:
        argp = lf.stack_ptr(0)
    if op.type == x86.X86_OP_IMM:
        target_fn, name = lf.ctx.direct_call_target(lf, insn)
        if target_fn is not None and name in lf.ctx.pc_thunks and not tail:
            # i386 `call __x86.get_pc_thunk.bx`: the register gets the return address, here the
            # section offset the GOTPC relocation that follows is computed against.
            lf.set_reg(lf.ctx.pc_thunks[name], const(I32, lf.fn.real(insn.end)[1]))
            return
        if target_fn is not None:
            lf.call_internal(target_fn, argp, tail=tail)
            if not tail and name in lf.ctx.pops:       # the callee popped a hidden struct pointer
                lf.adjust_rsp(lf.ctx.pops[name])
        elif not tail and lf.ctx.calls_maybe_translated(name):
            lf.call_maybe_translated(name, argp)
        else:
            lf.call_native(lf.ctx.external(name), name, tail=tail)
    else:
        v = lf.read(op, 64)
        target_fn, name = None, None
        lf.call_native(b.inttoptr(v), None, tail=tail)
    if not tail and not b.cur.terminated:
        lf.clobber_after_call(target_fn, name)
    lf.invalidate_flags()


@sem("ret", "retq", "retl", "bnd ret", "rep ret", "repz ret")
def ret(lf, insn):
    lf.return_internal()


@sem("leave")
def leave(lf, insn):
    b = lf.b
    rbp = lf.get64(5)
    word = lf.mode.word
    # mov rsp, rbp ; pop rbp
    if lf.st.rbp is not None:
        p = lf.frame_ptr(lf.st.rbp)
        lf.set64(4, b.ptrtoint(lf.frame_ptr_raw(lf.st.rbp + word)))
    else:
        p = b.inttoptr(rbp)
        lf.set64(4, b.add(rbp, const(I64, word)))
    lf.set64(5, b.resize(b.load(ity(8 * word), p), 64))


def _unused(v: Val) -> None:   # keep linters calm about imported names used by reflection
    return None
