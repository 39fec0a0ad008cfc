"""Decoding: code sections -> functions -> capstone instructions with their relocations.

A function is a FUNC symbol (or, for hand-written assembly without ``.type``,
any global/NOTYPE label in a code section) and extends to its ``.size`` or to
the next function symbol.  Bytes capstone cannot decode are an error here,
at decode time, never later.

gcc's hot/cold splitting moves the unlikely paths of ``foo`` into a local
``foo.cold`` symbol in ``.text.unlikely``; the two parts jump into each other.
Such a fragment is not a function: it becomes part of its parent, decoded at a
*virtual address* (``Fragment.base`` + its section offset) so that one function
keeps one flat address space for blocks and branch targets.
"""

from __future__ import annotations

import dataclasses
import re
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


# gcc names split-off parts ``foo.cold`` (``foo.cold.1`` in older releases).
COLD_FRAGMENT = re.compile(r"^(?P<parent>.+)\.cold(?:\.\d+)?$")
# Virtual addresses of fragment k start at (k + 1) * FRAGMENT_SPACING: far above any real offset,
# and below 2**32, because capstone computes i386 branch targets modulo 2**32 (a call from a cold
# fragment to a function at the start of its section would otherwise land on address 0).
FRAGMENT_SPACING = 1 << 28


@dataclass
class Fragment:
    """A split-off part of a function (``foo.cold``) in another place of the object."""
    name: str
    section: Section
    start: int
    end: int
    base: int                       # virtual address = base + section offset


@dataclass
class Function:
    name: str
    symbols: list[Symbol]
    section: Section
    start: int
    end: int
    insns: list[Insn] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)

    @property
    def exported(self) -> bool:
        return any(s.bind != "STB_LOCAL" for s in self.symbols)

    def vaddr(self, sec: int, off: int) -> int | None:
        """The function's address for section offset ``(sec, off)``, or None when it is elsewhere."""
        if sec == self.section.index and self.start <= off < self.end:
            return off
        for fr in self.fragments:
            if sec == fr.section.index and fr.start <= off < fr.end:
                return fr.base + off
        return None

    def real(self, vaddr: int) -> tuple[int, int]:
        """``(section index, offset)`` of a virtual address of this function."""
        for fr in self.fragments:
            if fr.base <= vaddr < fr.base + FRAGMENT_SPACING:
                return fr.section.index, vaddr - fr.base
        return self.section.index, vaddr


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
    return _attach_fragments(funcs)


def _attach_fragments(funcs: list[Function]) -> list[Function]:
    """Fold local ``foo.cold`` parts into their parent ``foo`` (see the module docstring)."""
    by_name = {f.name: f for f in funcs}
    kept: list[Function] = []
    for f in funcs:
        m = COLD_FRAGMENT.match(f.name)
        parent = by_name.get(m.group("parent")) if m else None
        if parent is None or parent is f or f.exported:
            kept.append(f)
            continue
        base = (len(parent.fragments) + 1) * FRAGMENT_SPACING
        parent.fragments.append(Fragment(f.name, f.section, f.start, f.end, base))
    return kept


def decode_function(obj: ObjectFile, fn: Function, bits: int = 64) -> None:
    """Fill ``fn.insns`` (fragments at their virtual addresses); undecodable bytes are an error."""
    _decode_part(obj, fn, fn.name, fn.section, fn.start, fn.end, 0, bits)
    for fr in fn.fragments:
        _decode_part(obj, fn, fr.name, fr.section, fr.start, fr.end, fr.base, bits)


def _decode_part(obj: ObjectFile, fn: Function, name: str, sec: Section, start: int, end: int,
                 base: int, bits: int) -> None:
    md = _disassembler(bits)
    code = sec.data[start:end]
    if bits == 32 and base + end > 1 << 32 or end > FRAGMENT_SPACING:
        raise CrtError(f"function '{name}' has too many or too large cold fragments to decode", obj.path)
    # Relocation offsets move with the code so that ``Insn.reloc_at`` and pc-relative maths hold.
    relocs = sorted((o + base, dataclasses.replace(r, offset=r.offset + base) if base else r)
                    for o, r in sec.relocs.items() if start <= o < end)
    ri = 0
    pos = start + base
    for cs in md.disasm(code, start + base):
        insn = Insn(cs.address, cs.size, cs.mnemonic, cs.op_str, cs)
        while ri < len(relocs) and relocs[ri][0] < insn.end:
            if relocs[ri][0] >= insn.addr:
                insn.relocs.append(relocs[ri][1])
            ri += 1
        fn.insns.append(insn)
        pos = insn.end
    if pos < end + base:
        tail = sec.data[pos - base:end]
        if any(b not in (0x00, 0x90, 0xCC) for b in tail):
            line = obj.line_of(sec.index, pos - base)
            raise UnsupportedInstruction(
                f"cannot decode instruction bytes {tail[:8].hex(' ')} in function '{name}'",
                None, line)
