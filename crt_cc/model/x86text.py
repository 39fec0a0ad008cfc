"""One x86-64 function of an object, written the way ``gcc -S -masm=intel`` writes it.

The model engine translates objects (that is what the host assembler gives the
translator, whatever the user's input was), but the CRT models were trained
on compiler output in Intel syntax.  This renders a decoded function back into
that dialect: tab-separated mnemonics, ``DWORD PTR -4[rbp]`` memory operands,
decimal immediates, ``.L<n>`` labels for branch targets, symbols for
relocations (``counter[rip]``, ``call puts@PLT``, ``.LC0[rip]``) and the
read-only constants a function references as ``.LC<n>`` items.  The corpus
builder renders its training inputs with the same code, so a model trained
with ``crt-model train`` sees at inference exactly the text it was trained on.

Faithfulness here only affects translation quality, never correctness:
every model translation is verified before it is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..frontend.decode import Function, Insn
from ..frontend.elfobj import ObjectFile, Reloc, Symbol

_OP_REG, _OP_IMM, _OP_MEM = 1, 2, 3
_SIZE_NAME = {1: "BYTE", 2: "WORD", 4: "DWORD", 8: "QWORD", 10: "TBYTE", 16: "XMMWORD",
              32: "YMMWORD", 64: "ZMMWORD"}
_STRING_OPS = {op + w for op in ("movs", "stos", "lods", "scas", "cmps", "ins", "outs") for w in "bwdq"}
_NO_SIZE = ("lea",)
#: capstone's names where gcc's Intel output uses another spelling of the same instruction
_GCC_NAME = {"movsxd": "movsx", "shl": "sal"}
_BRANCHES = ("j", "call", "loop", "jrcxz", "jecxz")
R_X86_64_64, R_PC32, R_PLT32, R_GOTPCREL, R_32, R_32S = 1, 2, 4, 9, 10, 11
R_GOTPCRELX, R_REX_GOTPCRELX = 41, 42
_GOT = (R_GOTPCREL, R_GOTPCRELX, R_REX_GOTPCRELX)
_PCREL = (R_PC32, R_PLT32, *_GOT)


@dataclass
class _Context:
    obj: ObjectFile
    fn: Function
    labels: dict[int, str] = field(default_factory=dict)        # vaddr -> .L<n>
    constants: dict[tuple[int, int], str] = field(default_factory=dict)   # (section, offset) -> .LC<n>
    constant_size: dict[tuple[int, int], int] = field(default_factory=dict)


def _signed(value: int, size: int) -> int:
    bits = 8 * (size or 8)
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def _is_branch(insn: Insn) -> bool:
    m = insn.mnemonic
    return (m.startswith(_BRANCHES) or m in ("jmp", "call")) and not m.startswith("jmpq")


def _named_symbol(obj: ObjectFile, sec: int, off: int) -> Symbol | None:
    """A named (non-section) symbol at ``(sec, off)``: ``static int x`` relocated against .bss+8."""
    best = None
    for s in obj.symbols:
        if s.shndx == sec and s.value == off and s.name and s.type not in ("STT_SECTION", "STT_FILE") \
                and not s.name.startswith(".L"):
            if best is None or (best.bind == "STB_LOCAL" and s.bind != "STB_LOCAL"):
                best = s
    return best


def _symbol_text(ctx: _Context, rel: Reloc, extra: int, size: int) -> str:
    """``name``, ``name+8``, ``.LC3`` or a label for what a relocation designates."""
    sym = rel.symbol
    target = rel.addend + extra
    if not sym.defined:
        name = sym.name
        if rel.type == R_PLT32:
            return f"{name}@PLT"
        if rel.type in _GOT:
            return f"{name}@GOTPCREL"
        return f"{name}{target:+d}" if target else name
    sec = sym.shndx if isinstance(sym.shndx, int) else None
    off = target if sym.type == "STT_SECTION" else sym.value + target
    # gas keeps .L symbols for references into mergeable string sections; they are constants too
    anonymous = sym.type == "STT_SECTION" or (sym.bind == "STB_LOCAL" and sym.name.startswith(".L"))
    if sec is not None and anonymous:
        section = ctx.obj.sections[sec]
        if section.is_code:
            vaddr = ctx.fn.vaddr(sec, off)
            if vaddr is not None and vaddr in ctx.labels:
                return ctx.labels[vaddr]
        named = _named_symbol(ctx.obj, sec, off)
        if named is not None:
            return named.name
        if section.is_code:
            return f"{section.name}+{off}"
        key = (sec, off)
        if key not in ctx.constants:
            ctx.constants[key] = f".LC{len(ctx.constants)}"
        ctx.constant_size[key] = max(ctx.constant_size.get(key, 0), size or 8)
        return ctx.constants[key]
    name = sym.name
    if rel.type in _GOT:
        return f"{name}@GOTPCREL"
    return f"{name}{target:+d}" if target else name


def _memory(ctx: _Context, insn: Insn, op, show_size: bool) -> str:
    cs = insn.cs
    mem = op.mem
    base = cs.reg_name(mem.base) if mem.base else ""
    index = cs.reg_name(mem.index) if mem.index else ""
    rel = insn.reloc_at(cs.disp_offset) if cs.disp_offset else None
    if rel is not None:
        extra = insn.end - rel.offset if rel.type in _PCREL else 0
        disp = _symbol_text(ctx, rel, extra, op.size)
    elif base == "rip":
        disp = str(mem.disp)
        target = insn.end + mem.disp
        if target in ctx.labels:
            disp = ctx.labels[target]
    else:
        disp = str(mem.disp) if mem.disp or not (base or index) else ""
    inner = base
    if index:
        inner += f"+{index}*{mem.scale}" if inner else f"0+{index}*{mem.scale}"
    text = f"{disp}[{inner}]" if inner else f"ds:{disp}"
    seg = cs.reg_name(mem.segment) if mem.segment else ""
    if seg:
        text = f"{seg}:{disp or 0}[{inner}]" if inner else f"{seg}:{disp or 0}"
    size = _SIZE_NAME.get(op.size)
    if show_size and size:
        text = f"{size} PTR {text}"
    return text


def _immediate(ctx: _Context, insn: Insn, op) -> str:
    cs = insn.cs
    rel = insn.reloc_at(cs.imm_offset) if cs.imm_offset else None
    if rel is not None:
        extra = insn.end - rel.offset if rel.type in _PCREL else 0
        text = _symbol_text(ctx, rel, extra, 0)
        if _is_branch(insn):
            return text
        return f"OFFSET FLAT:{text}"
    if _is_branch(insn):
        if op.imm in ctx.labels:
            return ctx.labels[op.imm]
        sec, off = ctx.fn.real(op.imm)      # a call gas resolved within the section: a local function
        named = _named_symbol(ctx.obj, sec, off)
        return named.name if named is not None else hex(op.imm)
    return str(_signed(op.imm, op.size))


def _instruction(ctx: _Context, insn: Insn) -> str:
    mnemonic = _GCC_NAME.get(insn.mnemonic, insn.mnemonic)
    bare = mnemonic.split()[-1]
    if _is_string_op(insn, bare):
        return mnemonic                 # gcc: "rep stosq", without the implicit operands
    ops = []
    for op in insn.cs.operands:
        if op.type == _OP_REG:
            ops.append(insn.cs.reg_name(op.reg))
        elif op.type == _OP_IMM:
            ops.append(_immediate(ctx, insn, op))
        elif op.type == _OP_MEM:
            ops.append(_memory(ctx, insn, op, not bare.startswith(_NO_SIZE)))
    return f"{mnemonic}\t{', '.join(ops)}" if ops else mnemonic


def _is_string_op(insn: Insn, bare: str) -> bool:
    """``movsd`` is a string move or an SSE move; only the former has no xmm operand."""
    if bare not in _STRING_OPS:
        return False
    return not any(op.type == _OP_REG and insn.cs.reg_name(op.reg).startswith("xmm")
                   for op in insn.cs.operands)


def _escape(data: bytes) -> str:
    out = []
    for b in data:
        ch = chr(b)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif 32 <= b < 127:
            out.append(ch)
        else:
            out.append(f"\\{b:03o}")
    return "".join(out)


def _constant_lines(ctx: _Context) -> list[str]:
    """``.LC<n>`` items: C strings as ``.string``, other constants as ``.long`` words."""
    lines: list[str] = []
    current = None
    for (sec, off), name in sorted(ctx.constants.items(), key=lambda kv: kv[1][3:].zfill(6)):
        section = ctx.obj.sections[sec]
        if section.name != current:
            flags = ',"aMS",@progbits,1' if section.name.startswith(".rodata.str") else ""
            lines.append(f"\t.section\t{section.name}{flags}" if section.name != ".data" else "\t.data")
            current = section.name
        lines.append(f"{name}:")
        data = section.data or b""
        end = data.find(b"\0", off)
        text = data[off:end] if end > off else b""
        if text and all(32 <= b < 127 or b in (9, 10) for b in text) and not any(
                o in section.relocs for o in range(off, end)):
            lines.append(f'\t.string\t"{_escape(data[off:end])}"')
            continue
        size = ctx.constant_size.get((sec, off), 8)
        chunk = data[off:off + size] if data else bytes(size)
        for k in range(0, len(chunk) - len(chunk) % 4, 4):
            lines.append(f"\t.long\t{int.from_bytes(chunk[k:k + 4], 'little')}")
    return lines


def function_text(obj: ObjectFile, fn: Function) -> str:
    """The decoded function ``fn`` (``decode_function`` done) as gcc -masm=intel assembly."""
    ctx = _Context(obj, fn)
    targets: set[int] = set()
    for insn in fn.insns:
        if _is_branch(insn) and not insn.mnemonic.startswith("call"):
            for op in insn.cs.operands:
                if op.type == _OP_IMM and not insn.relocs:
                    targets.add(op.imm)
            for rel in insn.relocs:
                sym = rel.symbol
                if sym.type == "STT_SECTION" and isinstance(sym.shndx, int):
                    v = fn.vaddr(sym.shndx, rel.addend + insn.end - rel.offset)
                    if v is not None:
                        targets.add(v)
    starts = {i.addr for i in fn.insns}
    for n, addr in enumerate(sorted(targets & starts)):
        ctx.labels[addr] = f".L{n + 2}"
    body = []
    for insn in fn.insns:
        if insn.addr in ctx.labels:
            body.append(f"{ctx.labels[insn.addr]}:")
        body.append("\t" + _instruction(ctx, insn))
    while body and body[-1] in ("\tnop", "\tint3"):
        body.pop()                  # alignment padding up to the next function
    name = fn.name
    head = ["\t.intel_syntax noprefix"]
    head += _constant_lines(ctx)
    head.append("\t.text")
    if fn.exported:
        head.append(f"\t.globl\t{name}")
    head.append(f"\t.type\t{name}, @function")
    head.append(f"{name}:")
    return "\n".join(head + body + [f"\t.size\t{name}, .-{name}"]) + "\n"


def object_functions(obj: ObjectFile) -> list[Function]:
    """The object's functions, decoded (what the lifter sees)."""
    from ..frontend.decode import decode_function, find_functions

    functions = find_functions(obj)
    for fn in functions:
        decode_function(obj, fn)
    return functions
