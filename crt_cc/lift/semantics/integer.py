"""Integer instructions: moves, ALU with exact flags, shifts/rotates, multiply/divide,
bit scans and counts, bit tests, setcc/cmovcc, sign extensions, stack operations."""

from __future__ import annotations

from capstone import x86

from ..ir import I1, I8, I16, I32, I64, I128, Val, bits_of, const, ity
from ..regs import CC_ALIASES, CONDITIONS, FLAG_BITS, RAX, RDX, SUBREGS
from . import sem

LOCK = 0xF0
SEGMENT_REGS = {"cs", "ds", "es", "ss", "fs", "gs"}


def _locked(insn) -> bool:
    return insn.cs.prefix[0] == LOCK


def _ops(insn):
    return insn.cs.operands


def _base(insn) -> str:
    """The mnemonic without a lock/rep prefix ("lock adc" -> "adc")."""
    return insn.mnemonic.split()[-1]


def _libcall_subword_atomics(lf, ty: str) -> bool:
    """Are ``ty`` atomics libgcc ``__sync_*_1/_2`` calls whose result LLVM misreads?

    ARMv5 has no atomic instructions, so LLVM calls libgcc's ``__sync_*_1``/``_2`` helpers and
    marks their 8/16-bit result zero-extended; libgcc declares them with ``signed char`` and
    ``short`` and so returns it sign-extended.  LLVM then drops the masking when it widens the old
    value (flags, merges into a 32-bit register, cmpxchg's success test), and a negative old byte
    leaks 1s into the upper bits."""
    return ty in (I8, I16) and lf.ctx.target.triple.startswith("arm")


def _opaque(lf, v: Val) -> Val:
    """``v`` through an empty inline asm: LLVM no longer knows its upper register bits and
    masks them wherever it widens it (the fix-up for :func:`_libcall_subword_atomics`)."""
    return lf.b.op(v.ty, f'call {v.ty} asm "", "=r,0"({v})')


def atomic_rmw(lf, op: str, ptr: Val, v: Val) -> Val:
    """``atomicrmw op`` (seq_cst); returns the old value."""
    old = lf.b.op(v.ty, f"atomicrmw {op} ptr {ptr.ref}, {v} seq_cst")
    return _opaque(lf, old) if _libcall_subword_atomics(lf, v.ty) else old


def atomic_cmpxchg(lf, ptr: Val, expected: Val, new: Val) -> tuple[Val, Val]:
    """``cmpxchg`` (seq_cst); returns (old value, success)."""
    b = lf.b
    pair = b.op(f"{{ {expected.ty}, i1 }}", f"cmpxchg ptr {ptr.ref}, {expected}, {new} seq_cst seq_cst")
    old = b.extractvalue(pair, 0, expected.ty)
    if _libcall_subword_atomics(lf, expected.ty):
        old = _opaque(lf, old)
        return old, b.icmp("eq", old, expected)      # LLVM's own test compares the unmasked value
    return old, b.extractvalue(pair, 1, I1)


def _atomic_update(lf, op, compute) -> tuple[Val, Val]:
    """Atomically replace memory operand ``op`` by ``compute(old)`` (a cmpxchg loop, for
    lock-prefixed forms without an ``atomicrmw`` equivalent); returns (old, new)."""
    b = lf.b
    t = ity(op.size * 8)
    p = lf.addr(op)
    init = b.load(t, p)
    pre, loop, done = b.cur, b.new_block(), b.new_block()
    b.terminate(f"br label %{loop.label}")
    b.position(loop)
    seen = b.tmp()
    old = b.op(t, f"phi {t} [{init.ref}, %{pre.label}], [{seen}, %{loop.label}]")
    new = compute(old)
    got, ok = atomic_cmpxchg(lf, p, old, new)
    b.emit(f"{seen} = or {t} {got.ref}, 0")
    b.terminate(f"br {ok}, label %{done.label}, label %{loop.label}")
    b.position(done)
    return old, new


def _set_reg_if(lf, name: str, cond: Val, v: Val) -> None:
    """Write register ``name`` only when ``cond`` holds (a 32-bit write that does not happen
    does not zero the upper half either: cmpxchg, cmpxchg8b)."""
    reg = SUBREGS[name][0]
    before = lf.get64(reg)
    lf.set_reg(name, v)
    lf.set64(reg, lf.b.select(cond, lf.get64(reg), before))


# ---------------------------------------------------------------- moves
@sem("mov", "movabs")
def mov(lf, insn):
    dst, src = _ops(insn)
    for op in (dst, src):
        if op.type == x86.X86_OP_REG and lf.regname(op) in SEGMENT_REGS:
            raise lf.unsupported(f"unsupported segment register access in '{insn}'")
    lf.write(dst, lf.read(src, dst.size * 8))


@sem("movzx")
def movzx(lf, insn):
    dst, src = _ops(insn)
    lf.write(dst, lf.b.zext(lf.read(src), ity(dst.size * 8)))


@sem("movsx", "movsxd")
def movsx(lf, insn):
    dst, src = _ops(insn)
    lf.write(dst, lf.b.resize(lf.read(src), dst.size * 8, signed=True))


@sem("lea")
def lea(lf, insn):
    dst, src = _ops(insn)
    lf.write(dst, lf.b.resize(lf.lea_value(src), dst.size * 8))


@sem("xchg")
def xchg(lf, insn):
    a, c = _ops(insn)
    if a.type == x86.X86_OP_MEM or c.type == x86.X86_OP_MEM:
        mem, reg = (a, c) if a.type == x86.X86_OP_MEM else (c, a)
        v = lf.read(reg)
        old = atomic_rmw(lf, "xchg", lf.addr(mem), v)
        lf.write(reg, old)
        return
    va, vc = lf.read(a), lf.read(c)
    lf.write(a, vc)
    lf.write(c, va)


@sem("bswap")
def bswap(lf, insn):
    (dst,) = _ops(insn)
    v = lf.read(dst)
    lf.write(dst, lf.b.intrinsic(f"llvm.bswap.{v.ty}", v.ty, [v]))


@sem("cbw", "cwde", "cdqe")
def cbw(lf, insn):
    src, dst, bits = {"cbw": ("al", "ax", 16), "cwde": ("ax", "eax", 32), "cdqe": ("eax", "rax", 64)}[insn.mnemonic]
    lf.set_reg(dst, lf.b.sext(lf.get_reg(src), ity(bits)))


@sem("cwd", "cdq", "cqo")
def cwd(lf, insn):
    src, dst = {"cwd": ("ax", "dx"), "cdq": ("eax", "edx"), "cqo": ("rax", "rdx")}[insn.mnemonic]
    v = lf.get_reg(src)
    lf.set_reg(dst, lf.b.ashr(v, const(v.ty, bits_of(v.ty) - 1)))


# ---------------------------------------------------------------- ALU
def _rmw(lf, insn, compute, flags, write=True, atomic_op=None):
    """Read-modify-write of operand 0 with operand 1 (atomically under lock)."""
    ops = _ops(insn)
    dst = ops[0]
    bits = dst.size * 8
    src = lf.read(ops[1], bits) if len(ops) > 1 else None
    if _locked(insn) and dst.type == x86.X86_OP_MEM and atomic_op:
        old = atomic_rmw(lf, atomic_op, lf.addr(dst), src)
        r = compute(old, src)
        flags(old, src, r)
        return
    a = lf.read(dst)
    r = compute(a, src)
    flags(a, src, r)
    if write:
        lf.write(dst, r)


@sem("add")
def add(lf, insn):
    _rmw(lf, insn, lf.b.add, lf.flags_add, atomic_op="add")


@sem("sub")
def sub(lf, insn):
    ops = _ops(insn)
    if len(ops) == 2 and ops[0].type == ops[1].type == x86.X86_OP_REG and ops[0].reg == ops[1].reg:
        z = const(ity(ops[0].size * 8), 0)          # zeroing idiom, like xor
        lf.write(ops[0], z)
        lf.flags_sub(z, z, z)
        return
    _rmw(lf, insn, lf.b.sub, lf.flags_sub, atomic_op="sub")


@sem("cmp")
def cmp(lf, insn):
    _rmw(lf, insn, lf.b.sub, lf.flags_sub, write=False)


@sem("and")
def and_(lf, insn):
    _rmw(lf, insn, lf.b.and_, lambda a, c, r: lf.flags_logic(r), atomic_op="and")


@sem("or")
def or_(lf, insn):
    _rmw(lf, insn, lf.b.or_, lambda a, c, r: lf.flags_logic(r), atomic_op="or")


@sem("xor")
def xor(lf, insn):
    ops = _ops(insn)
    if len(ops) == 2 and ops[0].type == ops[1].type == x86.X86_OP_REG and ops[0].reg == ops[1].reg:
        z = const(ity(ops[0].size * 8), 0)          # zeroing idiom: no dependence on the old value
        lf.write(ops[0], z)
        lf.flags_logic(z)
        return
    _rmw(lf, insn, lf.b.xor, lambda a, c, r: lf.flags_logic(r), atomic_op="xor")


@sem("test")
def test(lf, insn):
    _rmw(lf, insn, lf.b.and_, lambda a, c, r: lf.flags_logic(r), write=False)


@sem("adc", "sbb")
def adc(lf, insn):
    b = lf.b
    dst, srcop = _ops(insn)
    bits = dst.size * 8
    if _base(insn) == "sbb" and dst.type == srcop.type == x86.X86_OP_REG and dst.reg == srcop.reg:
        # `sbb %reg, %reg` is -CF whatever the register held (gcc uses it on registers it never
        # wrote): compute it from zeros so that no undefined entry value flows into the result
        z = const(ity(bits), 0)
        cf = lf.get_flag("cf")
        r = b.sub(z, b.zext(cf, ity(bits)))
        lf.write(dst, r)
        lf.flags_sub(z, z, r, borrow=cf)
        return
    c = lf.read(srcop, bits)
    cf = lf.get_flag("cf")
    cfn = b.zext(cf, ity(bits))
    is_adc = _base(insn) == "adc"

    def compute(a):
        return b.add(b.add(a, c), cfn) if is_adc else b.sub(b.sub(a, c), cfn)
    if _locked(insn) and dst.type == x86.X86_OP_MEM:
        a, r = _atomic_update(lf, dst, compute)
    else:
        a = lf.read(dst)
        r = compute(a)
        lf.write(dst, r)
    if is_adc:
        lf.flags_add(a, c, r, carry=cf)
    else:
        lf.flags_sub(a, c, r, borrow=cf)


@sem("inc", "dec")
def incdec(lf, insn):
    b = lf.b
    (dst,) = _ops(insn)
    bits = dst.size * 8
    one = const(ity(bits), 1)
    cf = lf.get_flag("cf") if lf.wants_flag("cf") else None    # kept: inc/dec leave CF alone
    inc = _base(insn) == "inc"
    if _locked(insn) and dst.type == x86.X86_OP_MEM:
        op = "add" if inc else "sub"
        a = atomic_rmw(lf, op, lf.addr(dst), one)
    else:
        a = lf.read(dst)
    if inc:
        r = b.add(a, one)
        lf.flags_add(a, one, r)
    else:
        r = b.sub(a, one)
        lf.flags_sub(a, one, r)
    if cf is not None:
        lf.set_flag("cf", cf)
    lf.cmp_cache = ("add", a, one, r) if inc else ("dec", r)
    if not (_locked(insn) and dst.type == x86.X86_OP_MEM):
        lf.write(dst, r)


@sem("neg")
def neg(lf, insn):
    b = lf.b
    (dst,) = _ops(insn)
    z = const(ity(dst.size * 8), 0)
    if _locked(insn) and dst.type == x86.X86_OP_MEM:
        a, r = _atomic_update(lf, dst, lambda a: b.sub(z, a))
    else:
        a = lf.read(dst)
        r = b.sub(z, a)
        lf.write(dst, r)
    lf.flags_sub(z, a, r)


@sem("not")
def not_(lf, insn):
    (dst,) = _ops(insn)
    if _locked(insn) and dst.type == x86.X86_OP_MEM:
        m1 = const(ity(dst.size * 8), -1)
        lf.b.op(m1.ty, f"atomicrmw xor ptr {lf.addr(dst).ref}, {m1} seq_cst")
        return
    lf.write(dst, lf.b.not_(lf.read(dst)))


# ---------------------------------------------------------------- shifts and rotates
def _count(lf, insn, bits):
    ops = _ops(insn)
    b = lf.b
    if len(ops) == 1:
        c = const(I8, 1)
    elif ops[-1].type == x86.X86_OP_IMM:        # capstone gives "rcl $1, mem" an immediate of size 0
        c = const(I8, ops[-1].imm)
    else:
        c = lf.read(ops[-1], 8)
    mask = 0x3F if bits == 64 else 0x1F
    return b.and_(c, const(I8, mask))


def _const_count(insn, bits: int) -> int | None:
    """The masked shift count when it is an immediate (or the implicit 1), else None."""
    ops = _ops(insn)
    if len(ops) == 1:
        return 1
    if ops[-1].type == x86.X86_OP_IMM:
        return ops[-1].imm & (0x3F if bits == 64 else 0x1F)
    return None


def _keep_if_zero(lf, insn, bits: int, cnt: Val, flag_values: dict, count_known: bool = True) -> None:
    """Write the flags a shift or rotate computes (``flag_values``: name -> thunk), only those
    read later; they are unchanged when the count (``cnt``, masked) is zero."""
    b = lf.b
    known = _const_count(insn, bits) if count_known else None
    if known == 0:
        return
    is0 = None if known is not None else b.icmp("eq", cnt, const(I8, 0))
    for f, value in flag_values.items():
        if not lf.wants_flag(f):
            continue
        v = value()
        lf.set_flag(f, v if is0 is None else b.select(is0, lf.get_flag(f), v))


@sem("shl", "sal", "shr", "sar")
def shift(lf, insn):
    b = lf.b
    dst = _ops(insn)[0]
    bits = dst.size * 8
    a = lf.read(dst)
    cnt = _count(lf, insn, bits)
    wide = I64 if bits <= 32 else I128
    wb = bits_of(wide)
    aw = b.resize(a, wb, signed=insn.mnemonic == "sar")
    cw = b.zext(cnt, wide)
    m = insn.mnemonic
    if m in ("shl", "sal"):
        rw = b.shl(aw, cw)
        r = b.resize(rw, bits)
        cf = b.trunc(b.lshr(rw, const(wide, bits)), I1)
        of = b.xor(b.icmp("slt", r, const(r.ty, 0)), cf)
    else:
        rw = (b.lshr if m == "shr" else b.ashr)(aw, cw)
        r = b.resize(rw, bits)
        prev = (b.lshr if m == "shr" else b.ashr)(aw, b.sub(cw, const(wide, 1)))
        cf = b.trunc(prev, I1)
        of = b.icmp("slt", a, const(a.ty, 0)) if m == "shr" else const(I1, 0)
    _keep_if_zero(lf, insn, bits, cnt, {
        "cf": lambda: cf, "of": lambda: of, "zf": lambda: b.icmp("eq", r, const(r.ty, 0)),
        "sf": lambda: b.icmp("slt", r, const(r.ty, 0)), "pf": lambda: lf.parity(r),
        "af": lambda: const(I1, 0)})
    if _const_count(insn, bits) is None:
        r = b.select(b.icmp("eq", cnt, const(I8, 0)), a, r)
    elif _const_count(insn, bits) == 0:
        r = a
    lf.cmp_cache = None
    lf.write(dst, r)


@sem("rol", "ror")
def rotate(lf, insn):
    b = lf.b
    dst = _ops(insn)[0]
    bits = dst.size * 8
    a = lf.read(dst)
    cnt = _count(lf, insn, bits)
    c = b.resize(cnt, bits)
    name = "fshl" if insn.mnemonic == "rol" else "fshr"
    r = b.intrinsic(f"llvm.{name}.{a.ty}", a.ty, [a, a, c])
    msb = b.icmp("slt", r, const(r.ty, 0))
    if insn.mnemonic == "rol":
        cf = b.trunc(r, I1)
        of = b.xor(msb, cf)
    else:
        cf = msb
        msb2 = b.trunc(b.lshr(r, const(r.ty, bits - 2)), I1)
        of = b.xor(msb, msb2)
    _keep_if_zero(lf, insn, bits, cnt, {"cf": lambda: cf, "of": lambda: of})
    lf.cmp_cache = None
    lf.write(dst, r)


@sem("rcl", "rcr")
def rotate_carry(lf, insn):
    b = lf.b
    dst = _ops(insn)[0]
    bits = dst.size * 8
    a = lf.read(dst)
    cnt = _count(lf, insn, bits)
    if bits < 32:
        cnt = b.op(I8, f"urem i8 {cnt.ref}, {bits + 1}")
    n1 = bits + 1
    cf = lf.get_flag("cf")
    v = b.or_(b.zext(a, I128), b.shl(b.zext(cf, I128), const(I128, bits)))
    c = b.zext(cnt, I128)
    mask = const(I128, (1 << n1) - 1)
    if insn.mnemonic == "rcl":
        rot = b.or_(b.shl(v, c), b.lshr(v, b.sub(const(I128, n1), c)))
    else:
        rot = b.or_(b.lshr(v, c), b.shl(v, b.sub(const(I128, n1), c)))
    rot = b.and_(rot, mask)
    r = b.trunc(rot, ity(bits))
    ncf = b.trunc(b.lshr(rot, const(I128, bits)), I1)
    msb = b.icmp("slt", r, const(r.ty, 0))
    if insn.mnemonic == "rcl":
        of = b.xor(msb, ncf)
    else:
        msb2 = b.trunc(b.lshr(r, const(r.ty, bits - 2)), I1)
        of = b.xor(msb, msb2)
    _keep_if_zero(lf, insn, bits, cnt, {"cf": lambda: ncf, "of": lambda: of}, count_known=False)
    lf.cmp_cache = None
    lf.write(dst, r)


@sem("shld", "shrd")
def double_shift(lf, insn):
    """shld/shrd.  The count is masked to 5 bits (6 for 64-bit operands); for 16-bit
    operands counts 0..16 are defined (count 16 moves the whole source in), 17..31 give an
    architecturally undefined result (here: zeros shifted in after the source bits)."""
    b = lf.b
    dst, src = _ops(insn)[:2]
    bits = dst.size * 8
    a = lf.read(dst)
    s = lf.read(src, bits)
    cnt = _count(lf, insn, bits)
    shld = insn.mnemonic == "shld"
    if bits == 16:
        c32 = b.zext(cnt, I32)
        if shld:
            w = b.or_(b.shl(b.zext(a, I32), const(I32, 16)), b.zext(s, I32))
            r = b.trunc(b.lshr(b.shl(w, c32), const(I32, 16)), I16)
        else:
            w = b.or_(b.shl(b.zext(s, I32), const(I32, 16)), b.zext(a, I32))
            r = b.trunc(b.lshr(w, c32), I16)
    else:
        c = b.resize(cnt, bits)
        r = (b.intrinsic(f"llvm.fshl.{a.ty}", a.ty, [a, s, c]) if shld
             else b.intrinsic(f"llvm.fshr.{a.ty}", a.ty, [s, a, c]))
    if shld:
        wide = b.or_(b.shl(b.zext(a, I128), const(I128, bits)), b.zext(s, I128))
        cf = b.trunc(b.lshr(wide, b.sub(const(I128, 2 * bits), b.zext(cnt, I128))), I1)
    else:
        wide = b.or_(b.shl(b.zext(s, I128), const(I128, bits)), b.zext(a, I128))
        cf = b.trunc(b.lshr(wide, b.sub(b.zext(cnt, I128), const(I128, 1))), I1)
    of = b.xor(b.icmp("slt", r, const(r.ty, 0)), b.icmp("slt", a, const(a.ty, 0)))
    _keep_if_zero(lf, insn, bits, cnt, {
        "cf": lambda: cf, "of": lambda: of, "zf": lambda: b.icmp("eq", r, const(r.ty, 0)),
        "sf": lambda: b.icmp("slt", r, const(r.ty, 0)), "pf": lambda: lf.parity(r)})
    is0 = b.icmp("eq", cnt, const(I8, 0))
    lf.cmp_cache = None
    lf.write(dst, b.select(is0, a, r))


# ---------------------------------------------------------------- multiply / divide
_ACC = {8: ("al", "ah"), 16: ("ax", "dx"), 32: ("eax", "edx"), 64: ("rax", "rdx")}


@sem("mul", "imul")
def mul(lf, insn):
    b = lf.b
    ops = _ops(insn)
    signed = insn.mnemonic == "imul"
    bits = ops[0].size * 8
    wty = ity(bits * 2)
    ext = b.sext if signed else b.zext
    if len(ops) == 1:
        lo_name, hi_name = _ACC[bits]
        a = lf.get_reg(lo_name)
        c = lf.read(ops[0])
        full = b.mul(ext(a, wty), ext(c, wty))
        lo = b.trunc(full, ity(bits))
        hi = b.trunc(b.lshr(full, const(wty, bits)), ity(bits))
        if bits == 8:
            lf.set_reg("ax", b.trunc(full, I16))
        else:
            lf.set_reg(lo_name, lo)
            lf.set_reg(hi_name, hi)
    else:
        dst = ops[0]
        a = lf.read(ops[1] if len(ops) == 3 else dst)
        c = lf.read(ops[2] if len(ops) == 3 else ops[1], bits)
        lo = b.mul(a, c)
        full = b.mul(ext(a, wty), ext(c, wty))
        lf.write(dst, lo)
    if signed:
        ovf = b.icmp("ne", full, b.sext(lo, wty))
    else:
        ovf = b.icmp("ne", b.lshr(full, const(wty, bits)), const(wty, 0))
    lf.set_flag("cf", ovf)
    lf.set_flag("of", ovf)
    lf.set_zsp(lo)            # SF/ZF/PF are undefined after mul; these match common hardware
    lf.set_flag("af", const(I1, 0))
    lf.cmp_cache = None


@sem("div", "idiv")
def div(lf, insn):
    """Unsigned/signed division of the double-width accumulator; #DE becomes SIGFPE."""
    b = lf.b
    (srcop,) = _ops(insn)
    signed = insn.mnemonic == "idiv"
    bits = srcop.size * 8
    t = ity(bits)
    wty = ity(bits * 2)
    d = lf.read(srcop)
    if bits == 8:
        num = lf.get_reg("ax")
    else:
        lo_name, hi_name = _ACC[bits]
        lo = lf.get_reg(lo_name)
        hi = lf.get_reg(hi_name)
        num = b.or_(b.shl(b.zext(hi, wty), const(wty, bits)), b.zext(lo, wty))
    ext = b.sext if signed else b.zext
    dw = ext(d, wty)
    zero = b.icmp("eq", d, const(t, 0))
    trap_blk = b.new_block()
    ok_blk = b.new_block()
    b.terminate(f"br {zero}, label %{trap_blk.label}, label %{ok_blk.label}")
    b.position(trap_blk)
    lf.ctx.need_helper("div_trap")
    b.call("void", "@__crt_div_trap", [])
    b.terminate("unreachable")
    b.position(ok_blk)
    # fast path when the high half is just the extension of the low half
    lo_part = b.trunc(num, t)
    fits = b.icmp("eq", num, ext(lo_part, wty))
    fast = b.new_block()
    slow = b.new_block()
    join = b.new_block()
    b.terminate(f"br {fits}, label %{fast.label}, label %{slow.label}")
    b.position(fast)
    if signed:
        minv = b.icmp("eq", lo_part, const(t, 1 << (bits - 1)))
        m1 = b.icmp("eq", d, const(t, -1))
        ovf = b.and_(minv, m1)
        fast2 = b.new_block()
        b.terminate(f"br {ovf}, label %{trap_blk.label}, label %{fast2.label}")
        b.position(fast2)
    fq = b.bin("sdiv" if signed else "udiv", lo_part, d)
    fr = b.bin("srem" if signed else "urem", lo_part, d)
    fast_end = b.cur
    b.terminate(f"br label %{join.label}")
    b.position(slow)
    q = b.bin("sdiv" if signed else "udiv", num, dw)
    r = b.bin("srem" if signed else "urem", num, dw)
    qt = b.trunc(q, t)
    if signed:
        bad = b.icmp("ne", q, b.sext(qt, wty))
    else:
        bad = b.icmp("ne", b.lshr(q, const(wty, bits)), const(wty, 0))
    slow2 = b.new_block()
    b.terminate(f"br {bad}, label %{trap_blk.label}, label %{slow2.label}")
    b.position(slow2)
    rt = b.trunc(r, t)
    b.terminate(f"br label %{join.label}")
    b.position(join)
    quo = b.op(t, f"phi {t} [{fq.ref}, %{fast_end.label}], [{qt.ref}, %{slow2.label}]")
    rem = b.op(t, f"phi {t} [{fr.ref}, %{fast_end.label}], [{rt.ref}, %{slow2.label}]")
    if bits == 8:
        lf.set_reg("al", quo)
        lf.set_reg("ah", rem)
    else:
        lf.set_reg(lo_name, quo)
        lf.set_reg(hi_name, rem)
    lf.cmp_cache = None


# ---------------------------------------------------------------- bit scans and counts
@sem("bsf", "bsr", "tzcnt", "lzcnt", "popcnt")
def bitscan(lf, insn):
    b = lf.b
    dst, srcop = _ops(insn)
    s = lf.read(srcop)
    t = s.ty
    bits = bits_of(t)
    m = insn.mnemonic
    is0 = b.icmp("eq", s, const(t, 0))
    if m == "popcnt":
        r = b.intrinsic(f"llvm.ctpop.{t}", t, [s])
        for f in ("cf", "of", "sf", "af", "pf"):
            lf.set_flag(f, const(I1, 0))
        lf.set_flag("zf", is0)
    elif m in ("tzcnt", "lzcnt"):
        r = b.call(t, f"@llvm.{'cttz' if m == 'tzcnt' else 'ctlz'}.{t}", [s, const(I1, 0)])
        lf.set_flag("cf", is0)
        lf.set_flag("zf", b.icmp("eq", r, const(t, 0)))
    else:
        if m == "bsf":
            r = b.call(t, f"@llvm.cttz.{t}", [s, const(I1, 0)])
        else:
            r = b.sub(const(t, bits - 1), b.call(t, f"@llvm.ctlz.{t}", [s, const(I1, 0)]))
        r = b.select(is0, lf.read(dst), r)       # destination unchanged for a zero source
        lf.set_flag("zf", is0)
    lf.cmp_cache = None
    lf.write(dst, r)


@sem("bt", "bts", "btr", "btc")
def bittest(lf, insn):
    b = lf.b
    base, offop = _ops(insn)
    bits = base.size * 8
    t = ity(bits)
    if base.type == x86.X86_OP_MEM and offop.type == x86.X86_OP_REG:
        # bit-string addressing: the offset may reach beyond the operand
        off = lf.read(offop, 64, signed=True)
        byte_off = b.ashr(off, const(I64, 3))
        p = b.gep(lf.addr(base), byte_off)
        bit = b.and_(b.trunc(off, I8), const(I8, 7))
        t8, pbit = I8, bit
    else:
        t8 = t
        off = lf.read(offop, bits)
        pbit = b.and_(off, const(t, bits - 1))
        p = lf.addr(base) if base.type == x86.X86_OP_MEM else None
    onebit = b.shl(const(t8, 1), pbit)
    m = _base(insn)
    rmw = None
    if m == "bts":
        rmw = ("or", onebit)
    elif m == "btr":
        rmw = ("and", b.not_(onebit))
    elif m == "btc":
        rmw = ("xor", onebit)
    if rmw is not None and p is not None and _locked(insn):
        cur = atomic_rmw(lf, rmw[0], p, rmw[1])
    else:
        cur = b.load(t8, p) if p is not None else lf.read(base)
        if rmw is not None:
            new = b.bin(rmw[0], cur, rmw[1])
            if p is not None:
                b.store(new, p)
            else:
                lf.write(base, new)
    lf.set_flag("cf", b.icmp("ne", b.and_(cur, onebit), const(t8, 0)))
    lf.cmp_cache = None


# ---------------------------------------------------------------- setcc / cmovcc
def _register_cc():
    for c in CONDITIONS + list(CC_ALIASES):
        sem("set" + c)(_setcc)
        sem("cmov" + c)(_cmov)


def _setcc(lf, insn):
    cc = lf.ctx.cc(insn.mnemonic[3:])
    (dst,) = _ops(insn)
    lf.write(dst, lf.b.zext(lf.cond(cc), I8))


def _cmov(lf, insn):
    cc = lf.ctx.cc(insn.mnemonic[4:])
    dst, src = _ops(insn)
    c = lf.cond(cc)
    lf.write(dst, lf.b.select(c, lf.read(src), lf.read(dst)))


_register_cc()


# ---------------------------------------------------------------- flags
@sem("clc", "stc", "cmc")
def carry_ops(lf, insn):
    b = lf.b
    v = {"clc": const(I1, 0), "stc": const(I1, 1)}.get(insn.mnemonic)
    lf.set_flag("cf", v if v is not None else b.not_(lf.get_flag("cf")))
    lf.cmp_cache = None


def rflags_value(lf) -> Val:
    b = lf.b
    v = const(I64, 0x202)
    for f, bit in FLAG_BITS.items():
        v = b.or_(v, b.shl(b.zext(lf.get_flag(f), I64), const(I64, bit)))
    return v


def set_rflags(lf, v: Val) -> None:
    b = lf.b
    for f, bit in FLAG_BITS.items():
        lf.set_flag(f, b.trunc(b.lshr(v, const(I64, bit)), I1))
    lf.cmp_cache = None


@sem("pushfq", "pushf", "pushfd")
def pushf(lf, insn):
    lf.push(lf.b.resize(rflags_value(lf), 8 * lf.mode.word))


@sem("popfq", "popf", "popfd")
def popf(lf, insn):
    set_rflags(lf, lf.b.resize(lf.pop(8 * lf.mode.word), 64))


@sem("lahf")
def lahf(lf, insn):
    lf.set_reg("ah", lf.b.trunc(rflags_value(lf), I8))


@sem("sahf")
def sahf(lf, insn):
    b = lf.b
    ah = b.zext(lf.get_reg("ah"), I64)
    for f in ("cf", "pf", "af", "zf", "sf"):
        lf.set_flag(f, b.trunc(b.lshr(ah, const(I64, FLAG_BITS[f])), I1))
    lf.cmp_cache = None


# ---------------------------------------------------------------- stack
@sem("push", "pushq")
def push(lf, insn):
    (src,) = _ops(insn)
    lf.push(lf.read(src, src.size * 8 if src.type != x86.X86_OP_IMM else 8 * lf.mode.word))


@sem("pop", "popq")
def pop(lf, insn):
    (dst,) = _ops(insn)
    bits = dst.size * 8
    v = lf.pop(bits)
    lf.write(dst, v)


# ---------------------------------------------------------------- atomics and exchange
@sem("xadd")
def xadd(lf, insn):
    b = lf.b
    dst, src = _ops(insn)
    s = lf.read(src)
    if dst.type == x86.X86_OP_MEM and _locked(insn):
        old = atomic_rmw(lf, "add", lf.addr(dst), s)
    else:
        old = lf.read(dst)
        lf.write(dst, b.add(old, s))
    r = b.add(old, s)
    lf.flags_add(old, s, r)
    lf.write(src, old)


@sem("cmpxchg")
def cmpxchg(lf, insn):
    """Success: ZF=1 and the destination gets the source (the accumulator is not written).
    Failure: ZF=0 and the accumulator gets the destination (a register destination is not
    written; memory is written back unchanged).  So a 32-bit register is zero-extended only
    on the side that is actually written."""
    b = lf.b
    dst, src = _ops(insn)
    bits = dst.size * 8
    acc_name = _ACC[bits][0]
    acc = lf.get_reg(acc_name)
    new = lf.read(src)
    if dst.type == x86.X86_OP_MEM:
        old, eq = atomic_cmpxchg(lf, lf.addr(dst), acc, new)
    else:
        old = lf.read(dst)
        eq = b.icmp("eq", old, acc)
        _set_reg_if(lf, lf.regname(dst), eq, new)
    lf.flags_sub(acc, old, b.sub(acc, old))
    _set_reg_if(lf, acc_name, b.not_(eq), old)


@sem("cmpxchg8b", "cmpxchg16b")
def cmpxchg_wide(lf, insn):
    """Compare edx:eax (rdx:rax) with m64 (m128): equal -> store ecx:ebx (rcx:rbx), ZF=1;
    else load it into edx:eax (rdx:rax), ZF=0.  Other flags are unaffected."""
    b = lf.b
    (dst,) = _ops(insn)
    half = 32 if _base(insn) == "cmpxchg8b" else 64
    t, wt = ity(half), ity(2 * half)
    lo, hi, nlo, nhi = ("eax", "edx", "ebx", "ecx") if half == 32 else ("rax", "rdx", "rbx", "rcx")

    def pair(h, low):
        return b.or_(b.shl(b.zext(lf.get_reg(h), wt), const(wt, half)), b.zext(lf.get_reg(low), wt))
    expected, new = pair(hi, lo), pair(nhi, nlo)
    res = b.op(f"{{ {wt}, i1 }}", f"cmpxchg ptr {lf.addr(dst).ref}, {expected}, {new} seq_cst seq_cst")
    old = b.extractvalue(res, 0, wt)
    ok = b.extractvalue(res, 1, I1)
    lf.set_flag("zf", ok)
    fail = b.not_(ok)
    _set_reg_if(lf, lo, fail, b.trunc(old, t))
    _set_reg_if(lf, hi, fail, b.trunc(b.lshr(old, const(wt, half)), t))
    lf.cmp_cache = None


@sem("movnti")
def movnti(lf, insn):
    dst, src = _ops(insn)
    lf.write(dst, lf.read(src))


def _unused():
    return (I32, RAX, RDX)
