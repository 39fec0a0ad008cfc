"""Reading and decoding a RISC-V64 relocatable object (riscv64-linux-gnu-as output).

The x86 reader (:mod:`crt_cc.frontend.elfobj`) keeps one relocation per offset; RISC-V objects
need several: ``R_RISCV_RELAX`` rides along with most code relocations, and a jump-table entry
``.word .L9-.L4`` is an ``R_RISCV_ADD32``/``R_RISCV_SUB32`` pair at the same place.  So this
module has its own reader, reusing the plain ``Symbol``/``Reloc`` records.

Instructions: capstone (``CS_ARCH_RISCV``, RV64 + C) splits the code and prints each instruction
for diagnostics; the operand fields come from :mod:`crt_cc.frontend.riscv_isa`, which also expands
compressed forms.  A function is a FUNC symbol, or a global/NOTYPE label in a code section, up to
its ``.size`` or the next one; gcc's ``foo.cold`` fragments are folded into ``foo`` at a virtual
address, as the x86 decoder does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import CrtError, UnsupportedInstruction
from .elfobj import SHF_ALLOC, SHF_EXECINSTR, SHF_TLS, Reloc, Symbol
from .riscv_isa import Fields, decode

EM_RISCV = 243

# Relocation types (RISC-V ELF psABI).
R_RISCV_32, R_RISCV_64 = 1, 2
R_RISCV_BRANCH, R_RISCV_JAL, R_RISCV_CALL, R_RISCV_CALL_PLT = 16, 17, 18, 19
R_RISCV_GOT_HI20, R_RISCV_TLS_GOT_HI20, R_RISCV_TLS_GD_HI20 = 20, 21, 22
R_RISCV_PCREL_HI20, R_RISCV_PCREL_LO12_I, R_RISCV_PCREL_LO12_S = 23, 24, 25
R_RISCV_HI20, R_RISCV_LO12_I, R_RISCV_LO12_S = 26, 27, 28
R_RISCV_TPREL_HI20, R_RISCV_TPREL_LO12_I, R_RISCV_TPREL_LO12_S, R_RISCV_TPREL_ADD = 29, 30, 31, 32
R_RISCV_ADD8, R_RISCV_ADD16, R_RISCV_ADD32, R_RISCV_ADD64 = 33, 34, 35, 36
R_RISCV_SUB8, R_RISCV_SUB16, R_RISCV_SUB32, R_RISCV_SUB64 = 37, 38, 39, 40
R_RISCV_ALIGN, R_RISCV_RVC_BRANCH, R_RISCV_RVC_JUMP, R_RISCV_RELAX = 43, 44, 45, 51
R_RISCV_SUB6, R_RISCV_SET6, R_RISCV_SET8, R_RISCV_SET16, R_RISCV_SET32, R_RISCV_32_PCREL = 52, 53, 54, 55, 56, 57
R_RISCV_DTPREL32, R_RISCV_DTPREL64 = 8, 9

BRANCH_RELOCS = {R_RISCV_BRANCH, R_RISCV_JAL, R_RISCV_RVC_BRANCH, R_RISCV_RVC_JUMP}
# Relocations that only guide the linker's relaxation: nothing to translate.
HINT_RELOCS = {R_RISCV_RELAX, R_RISCV_ALIGN}


@dataclass
class RvSection:
    index: int
    name: str
    type: str
    flags: int
    align: int
    size: int
    data: bytes
    relocs: dict[int, list[Reloc]] = field(default_factory=dict)

    @property
    def is_code(self) -> bool:
        return bool(self.flags & SHF_EXECINSTR)

    @property
    def is_alloc(self) -> bool:
        return bool(self.flags & SHF_ALLOC)

    @property
    def is_tls(self) -> bool:
        return bool(self.flags & SHF_TLS)

    @property
    def is_nobits(self) -> bool:
        return self.type == "SHT_NOBITS"

    def reloc(self, off: int, skip_hints: bool = True) -> list[Reloc]:
        return [r for r in self.relocs.get(off, ()) if not (skip_hints and r.type in HINT_RELOCS)]


@dataclass
class RvObject:
    path: str
    display: str              # the name diagnostics use (the user's .s or .c)
    sections: list[RvSection]
    symbols: list[Symbol]
    lines: dict[tuple[int, int], int] = field(default_factory=dict)
    source_lines: list[str] = field(default_factory=list)

    def line_of(self, section: int, offset: int, mnemonic: str | None = None) -> int | None:
        """Source line: DWARF when the assembler recorded it, else a search for the mnemonic."""
        line = self.lines.get((section, offset))
        if line:
            return line
        if mnemonic and self.source_lines:
            pat = re.compile(r"^\s*(?:[\w.$]+:\s*)*" + re.escape(mnemonic) + r"(?:\s|$)", re.I)
            for n, text in enumerate(self.source_lines, 1):
                if pat.match(text):
                    return n
        return None


@dataclass
class RvInsn:
    addr: int                 # address in the function's address space (fragments: virtual)
    size: int
    f: Fields
    text: str                 # capstone's rendering, for diagnostics
    relocs: list[Reloc] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.f.name

    @property
    def end(self) -> int:
        return self.addr + self.size

    def reloc(self, *types: int) -> Reloc | None:
        for r in self.relocs:
            if r.type in types:
                return r
        return None

    def __str__(self) -> str:
        return self.text


@dataclass
class Fragment:
    name: str
    section: RvSection
    start: int
    end: int
    base: int


FRAGMENT_SPACING = 1 << 40
_COLD = re.compile(r"^(?P<parent>.+)\.cold(?:\.\d+)?$")


@dataclass
class RvFunction:
    name: str
    symbols: list[Symbol]
    section: RvSection
    start: int
    end: int
    insns: list[RvInsn] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)

    @property
    def exported(self) -> bool:
        return any(s.bind != "STB_LOCAL" for s in self.symbols)

    def vaddr(self, sec: int, off: int) -> int | None:
        if sec == self.section.index and self.start <= off < self.end:
            return off
        for fr in self.fragments:
            if sec == fr.section.index and fr.start <= off < fr.end:
                return fr.base + off
        return None

    def real(self, vaddr: int) -> tuple[int, int]:
        for fr in self.fragments:
            if fr.base <= vaddr < fr.base + FRAGMENT_SPACING:
                return fr.section.index, vaddr - fr.base
        return self.section.index, vaddr


# --------------------------------------------------------------------------- ELF

def read_object(path: str, source_file: str | None = None) -> RvObject:
    """Parse a RISC-V64 ET_REL object; ``source_file`` feeds the line lookups of diagnostics."""
    from elftools.common.exceptions import ELFError
    from elftools.elf.elffile import ELFFile
    from elftools.elf.relocation import RelocationSection
    from elftools.elf.sections import SymbolTableSection

    with open(path, "rb") as fh:
        try:
            elf = ELFFile(fh)
        except ELFError as exc:
            raise CrtError(f"not an ELF object: {exc}", path) from None
        if elf["e_type"] != "ET_REL":
            raise CrtError("expected a relocatable object (ET_REL)", path)
        if elf["e_machine"] != "EM_RISCV" or elf.elfclass != 64:
            raise CrtError(f"not a RISC-V64 object ({elf['e_machine']}, ELF{elf.elfclass})", path)
        sections = []
        for idx, sec in enumerate(elf.iter_sections()):
            data = b"" if sec["sh_type"] in ("SHT_NOBITS", "SHT_NULL") else sec.data()
            sections.append(RvSection(idx, sec.name, sec["sh_type"], sec["sh_flags"],
                                      max(1, sec["sh_addralign"]), sec["sh_size"], data))
        symbols: list[Symbol] = []
        symtab = elf.get_section_by_name(".symtab")
        if isinstance(symtab, SymbolTableSection):
            for i, s in enumerate(symtab.iter_symbols()):
                name = s.name
                if s["st_info"]["type"] == "STT_SECTION" and isinstance(s["st_shndx"], int):
                    name = sections[s["st_shndx"]].name
                symbols.append(Symbol(i, name, s["st_value"], s["st_size"], s["st_info"]["type"],
                                      s["st_info"]["bind"], s["st_other"]["visibility"], s["st_shndx"]))
        for sec in elf.iter_sections():
            if not isinstance(sec, RelocationSection) or not sec.is_RELA():
                continue
            target = sections[sec["sh_info"]]
            for r in sec.iter_relocations():
                rel = Reloc(r["r_offset"], r["r_info_type"], symbols[r["r_info_sym"]], r["r_addend"])
                target.relocs.setdefault(rel.offset, []).append(rel)
        obj = RvObject(path, source_file or path, sections, symbols)
        if source_file:
            try:
                with open(source_file, errors="replace") as src:
                    obj.source_lines = src.read().splitlines()
            except OSError:
                pass
        _read_lines(elf, obj)
    return obj


_LINE_RELOCS = {R_RISCV_64: (8, 1), R_RISCV_32: (4, 1), R_RISCV_ADD8: (1, 1), R_RISCV_ADD16: (2, 1),
                R_RISCV_ADD32: (4, 1), R_RISCV_ADD64: (8, 1), R_RISCV_SUB8: (1, -1), R_RISCV_SUB16: (2, -1),
                R_RISCV_SUB32: (4, -1), R_RISCV_SUB64: (8, -1)}


def _read_lines(elf, obj: RvObject) -> None:
    """Map instruction offsets to .s lines from the DWARF line table that ``as -g`` writes.

    RISC-V line tables are full of relocations (address advances are ``R_RISCV_ADD16``/``SUB16``
    pairs even without relaxation) that pyelftools does not apply, so they are applied here to a
    copy of the object first.  Each sequence's ``DW_LNE_set_address`` goes with the next
    ``R_RISCV_64`` of ``.debug_line``, which names its code section.  A .s with ``.loc``
    directives has a line table of its C file: the .s is searched instead (diagnostics name the
    .s); for C compiled by crt-cc (``--crt-via-source``) the table gives the C lines.
    """
    import io

    from elftools.elf.elffile import ELFFile

    dl = next((s for s in obj.sections if s.name == ".debug_line"), None)
    if dl is None or not elf.has_dwarf_info() or any(t.lstrip().startswith(".loc") for t in obj.source_lines):
        return
    try:
        with open(obj.path, "rb") as fh:
            raw = bytearray(fh.read())
        base = elf.get_section_by_name(".debug_line")["sh_offset"]
        addr_relocs = []
        for off in sorted(dl.relocs):
            for r in dl.relocs[off]:
                if r.type not in _LINE_RELOCS:
                    continue
                size, sign = _LINE_RELOCS[r.type]
                value = (r.symbol.value if r.symbol.type != "STT_SECTION" else 0) + r.addend
                at = base + off
                old = 0 if r.type in (R_RISCV_64, R_RISCV_32) else int.from_bytes(raw[at:at + size], "little")
                raw[at:at + size] = ((old + sign * value) & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
                if r.type == R_RISCV_64:
                    addr_relocs.append(r)
        dwarf = ELFFile(io.BytesIO(bytes(raw))).get_dwarf_info(relocate_dwarf_sections=False)
        k = 0
        for cu in dwarf.iter_CUs():
            prog = dwarf.line_program_for_CU(cu)
            if prog is None:
                continue
            sec = None
            for entry in prog.get_entries():
                if entry.command == 2 and entry.is_extended:           # DW_LNE_set_address
                    r = addr_relocs[k] if k < len(addr_relocs) else None
                    sec = r.symbol.shndx if r is not None and isinstance(r.symbol.shndx, int) else None
                    k += 1
                st = entry.state
                if st is not None and not st.end_sequence and sec is not None:
                    obj.lines.setdefault((sec, st.address), st.line)
    except Exception:   # malformed or unusual DWARF only costs us line numbers
        obj.lines.clear()


# --------------------------------------------------------------------------- functions

def find_functions(obj: RvObject) -> list[RvFunction]:
    """Function extents per code section, from the symbol table (mapping symbols ``$x`` excluded)."""
    funcs: list[RvFunction] = []
    for sec in obj.sections:
        if not (sec.is_code and sec.is_alloc) or not sec.size:
            continue
        syms = [s for s in obj.symbols
                if s.shndx == sec.index and s.type in ("STT_FUNC", "STT_NOTYPE", "STT_GNU_IFUNC")
                and s.name and not s.name.startswith((".L", "$"))
                and (s.type == "STT_FUNC" or s.bind != "STB_LOCAL" or not s.name.startswith("."))]
        by_start: dict[int, list[Symbol]] = {}
        for s in syms:
            by_start.setdefault(s.value, []).append(s)
        starts = sorted(by_start)
        if not starts:
            if any(sec.data):
                raise CrtError(f"code in section '{sec.name}' is not covered by any function symbol",
                           obj.display)
            continue
        if starts[0] > 0 and not _padding(sec.data[:starts[0]]):
            raise CrtError(f"code at the start of section '{sec.name}' is not covered by any function "
                           "symbol", obj.display)
        for i, start in enumerate(starts):
            group = by_start[start]
            sized = [s.size for s in group if s.size]
            nxt = starts[i + 1] if i + 1 < len(starts) else sec.size
            end = min(start + max(sized), sec.size) if sized else nxt
            end = min(end, nxt)
            group.sort(key=lambda s: (s.bind == "STB_LOCAL", s.type != "STT_FUNC", s.name))
            funcs.append(RvFunction(group[0].name, group, sec, start, end))
    by_name = {f.name: f for f in funcs}
    kept: list[RvFunction] = []
    for f in funcs:
        m = _COLD.match(f.name)
        parent = by_name.get(m.group("parent")) if m else None
        if parent is None or parent is f or f.exported:
            kept.append(f)
            continue
        base = (len(parent.fragments) + 1) * FRAGMENT_SPACING
        parent.fragments.append(Fragment(f.name, f.section, f.start, f.end, base))
    return kept


def _padding(data: bytes) -> bool:
    """Alignment filler: zeros, c.nop (0x0001) and nop (addi x0, x0, 0)."""
    return not data.replace(b"\x13\x00\x00\x00", b"").replace(b"\x01\x00", b"").strip(b"\x00")


_md = None


def _capstone():
    global _md
    if _md is None:
        import capstone
        _md = capstone.Cs(capstone.CS_ARCH_RISCV, capstone.CS_MODE_RISCV64 | capstone.CS_MODE_RISCVC)
    return _md


def disassemble(data: bytes, addr: int) -> str | None:
    """capstone's text for one instruction, or None when capstone cannot decode it."""
    for ins in _capstone().disasm_lite(data, addr, 1):
        return f"{ins[2]} {ins[3]}".strip()
    return None


def decode_function(obj: RvObject, fn: RvFunction) -> None:
    """Fill ``fn.insns`` (fragments at their virtual addresses).  Anything that is not RV64GC is
    an ``unsupported instruction`` diagnostic naming the instruction as the source spells it."""
    _decode_part(obj, fn, fn.section, fn.start, fn.end, 0)
    for fr in fn.fragments:
        _decode_part(obj, fn, fr.section, fr.start, fr.end, fr.base)


def _decode_part(obj: RvObject, fn: RvFunction, sec: RvSection, start: int, end: int, base: int) -> None:
    data = sec.data
    pos = start
    while pos < end:
        size, fields = decode(data, pos)
        if pos + size > end:
            fields = None
        raw = data[pos:pos + size]
        text = disassemble(raw, pos) or raw[::-1].hex()
        if fields is None:
            if pos + size > end:
                if not any(data[pos:end]):
                    break               # alignment padding
                size = end - pos
            raise _unsupported(obj, sec, pos, text)
        relocs = []
        for o in range(pos, pos + size):
            for r in sec.relocs.get(o, ()):
                if r.type not in HINT_RELOCS:
                    relocs.append(Reloc(r.offset + base, r.type, r.symbol, r.addend) if base else r)
        fn.insns.append(RvInsn(pos + base, size, fields, text, relocs))
        pos += size


def _unsupported(obj: RvObject, sec: RvSection, off: int, text: str) -> UnsupportedInstruction:
    line = obj.lines.get((sec.index, off))
    mnemonic = text.split()[0] if text and not re.fullmatch(r"[0-9a-f]+", text) else None
    if line is None and mnemonic:
        line = obj.line_of(sec.index, off, mnemonic.removeprefix("c."))
    source_is_asm = not any(t.lstrip().startswith(".loc") for t in obj.source_lines) \
        and obj.display.endswith((".s", ".S", ".asm"))
    if line and 0 < line <= len(obj.source_lines) and source_is_asm:
        written = obj.source_lines[line - 1].split("#")[0].strip()
        written = re.sub(r"^(?:[\w.$]+:\s*)+", "", written)
        if written and not written.startswith("."):
            mnemonic, _, rest = written.partition(" ")
            text = f"{mnemonic} {rest.strip()}".strip()
    if mnemonic is None:
        return UnsupportedInstruction(f"cannot decode instruction bytes {text} (not RV64GC)", obj.display, line)
    what = f"unsupported instruction '{mnemonic}'"
    if text != mnemonic:
        what += f" (in '{text}')"
    return UnsupportedInstruction(what, obj.display, line)
