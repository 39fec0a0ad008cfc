"""Decoding: code sections -> functions -> capstone instructions with their relocations.

A function is a FUNC symbol (or, for hand-written assembly without ``.type``,
any global/NOTYPE label in a code section) and extends to its ``.size`` or to
the next function symbol.  Bytes capstone cannot decode are an error here,
at decode time, never later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import CrtError, UnsupportedInstruction
from .elfobj import ObjectFile, Reloc, Section, Symbol


@dataclass
class Insn:
    addr: int
    size: int
    mnemonic: str
    op_str: str
    cs: object                      # capstone CsInsn (detail mode)
    relocs: list[Reloc] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.addr + self.size

    def reloc_at(self, field_offset: int) -> Reloc | None:
        for r in self.relocs:
            if r.offset == self.addr + field_offset:
                return r
        return None

    def __str__(self) -> str:
        return f"{self.mnemonic} {self.op_str}".strip()


@dataclass
class Function:
    name: str
    symbols: list[Symbol]
    section: Section
    start: int
    end: int
    insns: list[Insn] = field(default_factory=list)

    @property
    def exported(self) -> bool:
        return any(s.bind != "STB_LOCAL" for s in self.symbols)


_md = None


def _disassembler(bits: int = 64):
    global _md
    import capstone
    if _md is None or _md[0] != bits:
        md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64 if bits == 64 else capstone.CS_MODE_32)
        md.detail = True
        _md = (bits, md)
    return _md[1]


def find_functions(obj: ObjectFile) -> list[Function]:
    """Function extents per code section, from the symbol table."""
    funcs: list[Function] = []
    for sec in obj.sections:
        if not (sec.is_code and sec.is_alloc) or not sec.size:
            continue
        syms = [s for s in obj.symbols
                if s.shndx == sec.index and s.type in ("STT_FUNC", "STT_NOTYPE", "STT_GNU_IFUNC")
                and s.name and not s.name.startswith(".L")
                and (s.type == "STT_FUNC" or s.bind != "STB_LOCAL" or not s.name.startswith("."))]
        by_start: dict[int, list[Symbol]] = {}
        for s in syms:
            by_start.setdefault(s.value, []).append(s)
        starts = sorted(by_start)
        if not starts:
            if any(b for b in sec.data if b not in (0x90, 0xCC)):
                raise CrtError(f"code in section '{sec.name}' is not covered by any function symbol", obj.path)
            continue
        for i, start in enumerate(starts):
            group = by_start[start]
            sized = [s.size for s in group if s.size]
            nxt = starts[i + 1] if i + 1 < len(starts) else sec.size
            end = min(start + max(sized), sec.size) if sized else nxt
            # A sized function never runs past the next symbol.
            end = min(end, nxt) if nxt > start else end
            group.sort(key=lambda s: (s.bind == "STB_LOCAL", s.type != "STT_FUNC", s.name))
            funcs.append(Function(name=group[0].name, symbols=group, section=sec, start=start, end=end))
    return funcs


def decode_function(obj: ObjectFile, fn: Function, bits: int = 64) -> None:
    """Fill ``fn.insns``; raise a file:line diagnostic for undecodable bytes."""
    md = _disassembler(bits)
    code = fn.section.data[fn.start:fn.end]
    relocs = sorted((o, r) for o, r in fn.section.relocs.items() if fn.start <= o < fn.end)
    ri = 0
    pos = fn.start
    for cs in md.disasm(code, fn.start):
        insn = Insn(cs.address, cs.size, cs.mnemonic, cs.op_str, cs)
        while ri < len(relocs) and relocs[ri][0] < insn.end:
            if relocs[ri][0] >= insn.addr:
                insn.relocs.append(relocs[ri][1])
            ri += 1
        fn.insns.append(insn)
        pos = insn.end
    if pos < fn.end:
        tail = fn.section.data[pos:fn.end]
        if any(b not in (0x00, 0x90, 0xCC) for b in tail):
            line = obj.line_of(fn.section.index, pos)
            raise UnsupportedInstruction(
                f"cannot decode instruction bytes {tail[:8].hex(' ')} in function '{fn.name}'",
                None, line)
