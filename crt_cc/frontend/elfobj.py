"""Reading a relocatable ELF object (the host assembler's output) with pyelftools.

The lifter never looks at ELF structures directly: it gets plain dataclasses
for sections, symbols and relocations, plus a best-effort address -> source
line map used for diagnostics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import CrtError

SHF_WRITE = 0x1
SHF_ALLOC = 0x2
SHF_EXECINSTR = 0x4
SHF_MERGE = 0x10
SHF_STRINGS = 0x20
SHF_GROUP = 0x200
SHF_TLS = 0x400

EM_386 = 3
EM_X86_64 = 62


@dataclass
class Symbol:
    index: int
    name: str
    value: int
    size: int
    type: str            # STT_FUNC, STT_OBJECT, STT_NOTYPE, STT_SECTION, STT_TLS, STT_FILE
    bind: str            # STB_LOCAL, STB_GLOBAL, STB_WEAK
    visibility: str      # STV_DEFAULT, STV_HIDDEN, ...
    shndx: int | str     # section index, or SHN_UNDEF / SHN_COMMON / SHN_ABS

    @property
    def defined(self) -> bool:
        return isinstance(self.shndx, int)

    @property
    def is_common(self) -> bool:
        return self.shndx == "SHN_COMMON"


@dataclass
class Reloc:
    offset: int
    type: int
    symbol: Symbol
    addend: int


@dataclass
class Section:
    index: int
    name: str
    type: str
    flags: int
    align: int
    size: int
    data: bytes
    entsize: int = 0
    relocs: dict[int, Reloc] = field(default_factory=dict)

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


@dataclass
class ObjectFile:
    path: str
    machine: int
    sections: list[Section]
    symbols: list[Symbol]
    lines: dict[tuple[int, int], int] = field(default_factory=dict)   # (section, offset) -> line
    source_lines: list[str] = field(default_factory=list)
    lines_read: bool = False       # DWARF line info is read on the first lookup (diagnostics only)

    def section(self, index: int) -> Section:
        return self.sections[index]

    def line_of(self, section: int, offset: int, mnemonic: str | None = None) -> int | None:
        """Source line of an instruction: DWARF when the assembler recorded it, else a text search."""
        if not self.lines_read:
            self.lines_read = True
            from elftools.elf.elffile import ELFFile
            try:
                with open(self.path, "rb") as fh:
                    _read_lines(ELFFile(fh), self)
            except OSError:
                pass
        line = self.lines.get((section, offset))
        if line:
            return line
        if mnemonic and self.source_lines:
            # capstone's mnemonic, with the size suffix AT&T source may add (`push` is `pushl`)
            pat = re.compile(r"^\s*(?:[\w.$]+:\s*)*(?:rep\w*\s+|lock\s+)?" + re.escape(mnemonic)
                             + r"[bwlq]?\b", re.I)
            start = self._label_line(section, offset)
            for first in ((start, 0) if start else (0,)):   # in the enclosing function first
                for n in range(first, len(self.source_lines)):
                    if pat.match(self.source_lines[n]):
                        return n + 1
        return None

    def _label_line(self, section: int, offset: int) -> int:
        """Index of the source line defining the symbol nearest before ``offset`` (0: none found)."""
        best = None
        for sym in self.symbols:
            if sym.shndx == section and sym.name and sym.type in ("STT_FUNC", "STT_NOTYPE") \
                    and sym.value <= offset and (best is None or sym.value > best.value):
                best = sym
        if best is None:
            return 0
        label = re.compile(r"^\s*" + re.escape(best.name) + r"\s*:")
        return next((n for n, text in enumerate(self.source_lines) if label.match(text)), 0)


def read_object(path: str, source_file: str | None = None) -> ObjectFile:
    """Parse ``path`` into an :class:`ObjectFile`; ``source_file`` feeds line lookups."""
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
        machine = {"EM_X86_64": EM_X86_64, "EM_386": EM_386}.get(elf["e_machine"])
        if machine is None:
            raise CrtError(f"unsupported source machine {elf['e_machine']}", path)

        sections: list[Section] = []
        for idx, sec in enumerate(elf.iter_sections()):
            data = b"" if sec["sh_type"] in ("SHT_NOBITS", "SHT_NULL") else sec.data()
            sections.append(
                Section(
                    index=idx,
                    name=sec.name,
                    type=sec["sh_type"],
                    flags=sec["sh_flags"],
                    align=max(1, sec["sh_addralign"]),
                    size=sec["sh_size"],
                    data=data,
                    entsize=sec["sh_entsize"],
                )
            )

        symbols: list[Symbol] = []
        symtab = elf.get_section_by_name(".symtab")
        if isinstance(symtab, SymbolTableSection):
            for i, s in enumerate(symtab.iter_symbols()):
                name = s.name
                if s["st_info"]["type"] == "STT_SECTION" and isinstance(s["st_shndx"], int):
                    name = sections[s["st_shndx"]].name
                symbols.append(
                    Symbol(
                        index=i,
                        name=name,
                        value=s["st_value"],
                        size=s["st_size"],
                        type=s["st_info"]["type"],
                        bind=s["st_info"]["bind"],
                        visibility=s["st_other"]["visibility"],
                        shndx=s["st_shndx"],
                    )
                )

        for sec in elf.iter_sections():
            if not isinstance(sec, RelocationSection):
                continue
            target = sections[sec["sh_info"]]
            is_rela = sec.is_RELA()
            for r in sec.iter_relocations():
                addend = r["r_addend"] if is_rela else None
                if addend is None:   # REL (i386): implicit addend in the section bytes
                    addend = int.from_bytes(target.data[r["r_offset"]:r["r_offset"] + 4], "little", signed=True)
                target.relocs[r["r_offset"]] = Reloc(
                    offset=r["r_offset"], type=r["r_info_type"], symbol=symbols[r["r_info_sym"]], addend=addend
                )

        obj = ObjectFile(path=path, machine=machine, sections=sections, symbols=symbols)
        if source_file:
            try:
                with open(source_file, errors="replace") as src:
                    obj.source_lines = src.read().splitlines()
            except OSError:
                pass
    return obj


def _read_lines(elf, obj: ObjectFile) -> None:
    """Map instruction offsets to .s lines from DWARF, when only one code section has line info.

    With several code sections the relocated addresses in .debug_line are
    ambiguous (all start at 0), so we fall back to the text search in
    :meth:`ObjectFile.line_of`.
    """
    code = [s for s in obj.sections if s.is_code and s.size]
    compiler_lines = any(t.lstrip().startswith(".loc") for t in obj.source_lines)
    if len(code) != 1 or compiler_lines or not elf.has_dwarf_info():
        return
    try:
        dwarf = elf.get_dwarf_info()
        for cu in dwarf.iter_CUs():
            prog = dwarf.line_program_for_CU(cu)
            if prog is None:
                continue
            for entry in prog.get_entries():
                st = entry.state
                if st is not None and not st.end_sequence:
                    obj.lines.setdefault((code[0].index, st.address), st.line)
    except Exception:   # malformed or unusual DWARF only costs us line numbers
        obj.lines.clear()
