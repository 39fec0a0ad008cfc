"""Functions of an ELF file (object, executable or shared object) for the embedder.

The embedder works on any ISA the project meets (x86-64, i386, AArch64, ARM, RISC-V64, and
MIPS/PPC64/s390x where capstone decodes them), and on relocatable objects as well as linked
programs, so it reads ELF itself instead of using ``crt_cc.frontend.elfobj`` (x86 objects only).
Only pyelftools is needed: no capstone or torch import happens here.

Relocations matter because in a ``.o`` every call and every address of a global is still
zero: the normaliser turns "an instruction with a relocation" into ``FUNC``/``ADDR`` tokens.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

EXEC_FLAG = 0x4

# e_machine -> our ISA name
MACHINES = {
    "EM_X86_64": "x86_64",
    "EM_386": "i386",
    "EM_AARCH64": "aarch64",
    "EM_ARM": "arm",
    "EM_RISCV": "riscv64",
    "EM_MIPS": "mips",
    "EM_PPC64": "ppc64",
    "EM_S390": "s390x",
}


@dataclass
class Reloc:
    """One relocation inside a function's code (offset relative to the section)."""

    offset: int
    type: int
    # Where the relocation points when that is in the same section (local labels, static
    # functions): lets RISC-V branch relocations to local labels stay local jumps.
    target: int | None
    external: bool           # undefined symbol (libc, another object)
    is_func: bool            # the symbol is a function (STT_FUNC) or undefined
    pc_thunk: bool = False   # i386 PIC helper (__x86.get_pc_thunk.*): not a real call


@dataclass
class Function:
    """The bytes of one function plus what is needed to normalise them."""

    name: str
    isa: str
    path: str
    address: int             # section-relative for objects, virtual address for linked files
    code: bytes
    relocs: list[Reloc] = field(default_factory=list)
    data_ranges: list[tuple[int, int]] = field(default_factory=list)   # ARM/AArch64 $d ranges
    thumb: bool = False
    section_data: bytes = b""     # whole section (ARM literal pools)
    section_base: int = 0         # address of section_data[0]
    big_endian: bool = False
    section_relocs: dict[int, Reloc] = field(default_factory=dict)   # ARM literal pools
    _offs: list[int] | None = field(default=None, repr=False)

    def reloc_at(self, start: int, end: int) -> list[Reloc]:
        """Relocations applying to bytes [start, end) (absolute offsets like ``address``)."""
        if not self.relocs:
            return []
        offs = [r.offset for r in self.relocs] if self._offs is None else self._offs
        self._offs = offs
        return self.relocs[bisect.bisect_left(offs, start):bisect.bisect_left(offs, end)]


def elf_isa(path: str | Path) -> str:
    """The ISA name of an ELF file (ValueError for a machine we do not handle)."""
    from elftools.elf.elffile import ELFFile

    with open(path, "rb") as fh:
        elf = ELFFile(fh)
        mach = elf["e_machine"]
        if mach == "EM_MIPS":
            return "mips64" if elf.elfclass == 64 else "mips"
        if mach not in MACHINES:
            raise ValueError(f"{path}: unsupported ELF machine {mach}")
        return MACHINES[mach]


def read_functions(path: str | Path) -> list[Function]:
    """Every sized STT_FUNC symbol defined in an executable section of ``path``.

    Aliases (several names on one address) are reported once, under the first global name,
    so that a pool does not hold two copies of the same code.
    """
    from elftools.elf.elffile import ELFFile
    from elftools.elf.relocation import RelocationSection
    from elftools.elf.sections import SymbolTableSection

    path = str(path)
    with open(path, "rb") as fh:
        elf = ELFFile(fh)
        isa = elf_isa(path)
        relocatable = elf["e_type"] == "ET_REL"
        symtab = elf.get_section_by_name(".symtab")
        if not isinstance(symtab, SymbolTableSection):
            symtab = elf.get_section_by_name(".dynsym")
        if not isinstance(symtab, SymbolTableSection):
            return []
        symbols = list(symtab.iter_symbols())

        sections = {}
        for idx, sec in enumerate(elf.iter_sections()):
            if sec["sh_flags"] & EXEC_FLAG and sec["sh_type"] == "SHT_PROGBITS":
                sections[idx] = sec

        # relocations per code section (objects only)
        relocs: dict[int, list[Reloc]] = {i: [] for i in sections}
        if relocatable:
            for rsec in elf.iter_sections():
                if not isinstance(rsec, RelocationSection) or rsec["sh_info"] not in sections:
                    continue
                rsymtab = elf.get_section(rsec["sh_link"])
                for rel in rsec.iter_relocations():
                    sym = rsymtab.get_symbol(rel["r_info_sym"]) if rel["r_info_sym"] else None
                    addend = rel["r_addend"] if rel.is_RELA() else 0
                    target = None
                    external = False
                    is_func = False
                    if sym is not None:
                        shndx = sym["st_shndx"]
                        stype = sym["st_info"]["type"]
                        external = shndx == "SHN_UNDEF"
                        is_func = external or stype in ("STT_FUNC", "STT_GNU_IFUNC")
                        if shndx == rsec["sh_info"]:
                            target = sym["st_value"] + addend
                    thunk = sym is not None and sym.name.startswith("__x86.get_pc_thunk")
                    relocs[rsec["sh_info"]].append(
                        Reloc(rel["r_offset"], rel["r_info_type"], target, external, is_func,
                              thunk))
            for lst in relocs.values():
                lst.sort(key=lambda r: r.offset)

        # ARM/AArch64 mapping symbols: $d starts data, $a/$t/$x start code
        maps: dict[int, list[tuple[int, str]]] = {i: [] for i in sections}
        if isa in ("arm", "aarch64"):
            for s in symbols:
                n = s.name
                if n[:2] in ("$d", "$a", "$t", "$x") and (len(n) == 2 or n[2] == "."):
                    if s["st_shndx"] in maps:
                        maps[s["st_shndx"]].append((s["st_value"], n[1]))
            for lst in maps.values():
                lst.sort()

        seen: dict[tuple[int, int], int] = {}
        out: list[Function] = []
        data_cache: dict[int, bytes] = {}
        for s in symbols:
            if s["st_info"]["type"] not in ("STT_FUNC", "STT_GNU_IFUNC") or s["st_size"] <= 0:
                continue
            shndx = s["st_shndx"]
            if shndx not in sections or not s.name:
                continue
            sec = sections[shndx]
            if shndx not in data_cache:
                data_cache[shndx] = sec.data()
            data = data_cache[shndx]
            base = 0 if relocatable else sec["sh_addr"]
            value = s["st_value"]
            thumb = isa == "arm" and bool(value & 1)
            value &= ~1 if isa == "arm" else ~0
            key = (shndx, value)
            if key in seen:
                prev = out[seen[key]]
                if prev.name.startswith("_") and not s.name.startswith("_"):
                    prev.name = s.name
                continue
            start = value - base
            code = data[start:start + s["st_size"]]
            fn = Function(s.name, isa, path, value, code, thumb=thumb,
                          big_endian=not elf.little_endian)
            end = value + s["st_size"]
            lst = relocs.get(shndx, [])
            offs = [r.offset for r in lst]
            i0 = bisect.bisect_left(offs, value)
            i1 = bisect.bisect_left(offs, end)
            fn.relocs = lst[i0:i1]
            if isa == "arm":
                fn.section_data = data
                fn.section_base = base
                fn.section_relocs = {r.offset: r for r in lst}
            fn.data_ranges = _data_ranges(maps.get(shndx, []), value, end)
            seen[key] = len(out)
            out.append(fn)
        return out


def _data_ranges(marks: list[tuple[int, str]], start: int, end: int) -> list[tuple[int, int]]:
    """[a, b) ranges inside [start, end) that mapping symbols mark as data."""
    out = []
    state = "x"
    for addr, kind in marks:
        if addr <= start:
            state = kind
    cur = start if state == "d" else None
    for addr, kind in marks:
        if addr <= start or addr >= end:
            continue
        if kind == "d" and cur is None:
            cur = addr
        elif kind != "d" and cur is not None:
            out.append((cur, addr))
            cur = None
    if cur is not None:
        out.append((cur, end))
    return out
