"""C declarations of an object's functions, read from its DWARF type information.

The machine code does not say whether a function returns ``char`` or ``int``, ``float`` or
``double`` (i386's st(0)), nor how a struct argument is laid out; the targets' calling conventions
need exactly that (docs/abi.md).  An object compiled with ``-g`` carries the C types, and
``--crt-via-x86`` compiles with ``-g`` for this reason: the functions it defines then cross the
native boundary as exactly as with ``--crt-prototypes``.

The result is C text that :mod:`crt_cc.abi.prototypes` parses like a user's ``--crt-prototypes``
file, so each source ABI applies its own sizes (LP64 or ILP32) to one description.  Only what
that parser can carry exactly is written: scalars, pointers (as ``void *``: a pointer is a word,
whatever it points to) and structs of those; a function with any other type in its signature
(bit-fields, unions, vectors, ``__int128``, complex numbers) gets no declaration, and its entry
keeps the mapping recovered from the code.
"""

from __future__ import annotations

import math

_QUALIFIERS = ("DW_TAG_typedef", "DW_TAG_const_type", "DW_TAG_volatile_type", "DW_TAG_restrict_type",
               "DW_TAG_atomic_type")
# gcc's DWARF names of C base types -> C spellings every parser knows.
_BASE_NAMES = {
    "char": "char", "signed char": "signed char", "unsigned char": "unsigned char",
    "short int": "short", "short unsigned int": "unsigned short", "int": "int", "unsigned int": "unsigned int",
    "long int": "long", "long unsigned int": "unsigned long", "long long int": "long long",
    "long long unsigned int": "unsigned long long", "_Bool": "_Bool", "float": "float", "double": "double",
    "long double": "long double",
}


class _Unsupported(Exception):
    """A type this description leaves out (see the module docstring)."""


class _Renderer:
    """C spellings of DWARF types; struct definitions are collected as they are needed."""

    def __init__(self) -> None:
        self.structs: dict[int, str] = {}        # DIE offset -> definition
        self.aligns: dict[int, int] = {}         # DIE offset -> the struct's alignment
        self.order: list[int] = []
        self.word = 8                            # the CU's address size (i386: 4)

    def declarator(self, die, name: str) -> str:
        """``T name`` for the type DIE ``die`` (None: void)."""
        t = _strip(die)
        if t is None:
            return f"void {name}".rstrip()
        tag = t.tag
        if tag == "DW_TAG_pointer_type":
            return f"void *{name}"
        if tag == "DW_TAG_base_type":
            raw = _attr(t, "DW_AT_name")
            spelled = _BASE_NAMES.get(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else "")
            if spelled is None:
                raise _Unsupported
            return f"{spelled} {name}".rstrip()
        if tag == "DW_TAG_enumeration_type":
            if _attr(t, "DW_AT_byte_size") != 4:
                raise _Unsupported
            under = _strip(t.get_DIE_from_attribute("DW_AT_type")) if "DW_AT_type" in t.attributes else None
            unsigned = under is not None and _attr(under, "DW_AT_encoding") == 0x8    # DW_ATE_unsigned
            return f"{'unsigned int' if unsigned else 'int'} {name}".rstrip()
        if tag == "DW_TAG_structure_type":
            return f"struct {self._struct(t)} {name}".rstrip()
        if tag == "DW_TAG_array_type" and name:
            return self.declarator(t, name + "".join(f"[{d}]" for d in _dims(t)))
        raise _Unsupported

    def declare(self, decl, name: str) -> str | None:
        """The declaration of function ``name``, or None (no struct stays written for it alone)."""
        mark = len(self.order)
        try:
            return _declaration(self, decl, name)
        except _Unsupported:
            for off in self.order[mark:]:
                del self.structs[off]
            del self.order[mark:]
            return None

    def _struct(self, t) -> str:
        tag = f"__crt_debug_{t.offset:x}"
        if t.offset in self.structs:
            return tag
        if "DW_AT_declaration" in t.attributes:
            raise _Unsupported                  # an incomplete type cannot be passed by value
        self.structs[t.offset] = ""             # a struct cannot contain itself by value
        try:
            members, align = self._members(t)
        except _Unsupported:
            del self.structs[t.offset]
            raise
        self.structs[t.offset] = f"struct {tag} {{ {' '.join(members)} }};"
        self.aligns[t.offset] = align
        self.order.append(t.offset)
        return tag

    def _members(self, t) -> tuple[list[str], int]:
        """A struct's member declarations and alignment.  C text has no offsets: only a struct
        laid out by the ABI's own rules is written (packed and over-aligned ones are not)."""
        members = []
        end, align = 0, 1
        for m in t.iter_children():
            if m.tag != "DW_TAG_member":
                continue
            if "DW_AT_bit_size" in m.attributes or "DW_AT_name" not in m.attributes:
                raise _Unsupported              # bit-fields, anonymous struct/union members
            members.append(self.declarator(m, _attr(m, "DW_AT_name").decode("utf-8", "replace")) + ";")
            size, malign = self.natural(_strip(m))
            off = -(-end // malign) * malign
            if _attr(m, "DW_AT_data_member_location") != off:
                raise _Unsupported
            end, align = off + size, max(align, malign)
        if not members or _attr(t, "DW_AT_byte_size") != -(-end // align) * align \
                or "DW_AT_alignment" in t.attributes:
            raise _Unsupported
        return members, align

    def natural(self, t) -> tuple[int, int]:
        """(size, alignment) of a (stripped) member type by the source ABI's rules: scalars
        aligned to their size, capped at 4 bytes by i386's ABI."""
        if t is None or "DW_AT_alignment" in t.attributes:
            raise _Unsupported
        if t.tag == "DW_TAG_pointer_type":
            return self.word, self.word
        if t.tag == "DW_TAG_array_type":
            size, align = self.natural(_strip(t))
            return size * math.prod(_dims(t)), align
        if t.tag == "DW_TAG_structure_type":
            self._struct(t)
            return _attr(t, "DW_AT_byte_size"), self.aligns[t.offset]
        size = _attr(t, "DW_AT_byte_size")
        if not isinstance(size, int) or size <= 0:
            raise _Unsupported
        return size, size if self.word == 8 else min(size, 4)

    def definitions(self) -> str:
        return "\n".join(self.structs[o] for o in self.order)


def _dims(t) -> list[int]:
    """An array type's dimensions (a flexible or variable-length one is left out)."""
    dims = []
    for sub in t.iter_children():
        if sub.tag != "DW_TAG_subrange_type":
            continue
        if "DW_AT_count" in sub.attributes:
            dims.append(_attr(sub, "DW_AT_count"))
        elif "DW_AT_upper_bound" in sub.attributes:
            dims.append(_attr(sub, "DW_AT_upper_bound") + 1)
        else:
            raise _Unsupported
    if not dims or not all(isinstance(d, int) and d > 0 for d in dims):
        raise _Unsupported
    return dims


def _attr(die, name: str):
    a = die.attributes.get(name)
    return None if a is None else a.value


def _strip(die):
    """The type DIE ``die`` refers to, through typedefs and qualifiers (None: void)."""
    t = die.get_DIE_from_attribute("DW_AT_type") if "DW_AT_type" in die.attributes else None
    while t is not None and t.tag in _QUALIFIERS:
        t = t.get_DIE_from_attribute("DW_AT_type") if "DW_AT_type" in t.attributes else None
    return t


def _origin(die):
    """The DIE holding a function's name and types (an out-of-line instance points to it)."""
    for _ in range(4):
        for link in ("DW_AT_abstract_origin", "DW_AT_specification"):
            if link in die.attributes:
                die = die.get_DIE_from_attribute(link)
                break
        else:
            return die
    return die


def _declaration(r: _Renderer, decl, name: str) -> str:
    params, variadic = [], False
    for child in decl.iter_children():
        if child.tag == "DW_TAG_formal_parameter":
            params.append(r.declarator(child, f"p{len(params)}"))
        elif child.tag == "DW_TAG_unspecified_parameters":
            variadic = True
    if variadic and not params:
        raise _Unsupported                      # `f()` in C: no prototype
    plist = ", ".join(params + (["..."] if variadic else [])) or "void"
    return r.declarator(decl, f"{name}({plist})") + ";"


# Absolute data relocations (type -> width) that a relocatable object's .debug_info needs applied
# before its strings can be read; RELA objects keep the value in the addend.  pyelftools knows no
# RISC-V relocations, and the type information needs nothing else (DIE references are CU-relative;
# i386's REL relocations keep their addends in place).
_ABS_RELOCS = {"EM_X86_64": {1: 8, 10: 4, 11: 4},     # R_X86_64_64, _32, _32S
               "EM_RISCV": {1: 4, 2: 8}}               # R_RISCV_32, _64
_TYPE_SECTIONS = (".debug_info", ".debug_str_offsets")


def _relocated_image(elf, raw: bytes) -> bytes:
    """``raw`` with the data relocations of the debug sections the type information reads applied."""
    recipes = _ABS_RELOCS.get(elf["e_machine"], {})
    if elf["e_type"] != "ET_REL" or not recipes:
        return raw
    image = bytearray(raw)
    for target in _TYPE_SECTIONS:
        sec, rel = elf.get_section_by_name(target), elf.get_section_by_name(".rela" + target)
        if sec is None or rel is None:
            continue
        symtab = elf.get_section(rel["sh_link"])
        for r in rel.iter_relocations():
            width = recipes.get(r["r_info_type"])
            if width is None or r["r_offset"] + width > sec["sh_size"]:
                continue
            value = symtab.get_symbol(r["r_info_sym"])["st_value"] + r["r_addend"]
            at = sec["sh_offset"] + r["r_offset"]
            image[at:at + width] = (value & ((1 << (8 * width)) - 1)).to_bytes(width, "little")
    return bytes(image)


def _defined_functions(dwarf, r: _Renderer):
    """(name, DIE with its types) of each function with code in the object that has a prototype."""
    for cu in dwarf.iter_CUs():
        r.word = cu["address_size"]
        for die in cu.get_top_DIE().iter_children():
            if die.tag != "DW_TAG_subprogram" or not ("DW_AT_low_pc" in die.attributes
                                                      or "DW_AT_ranges" in die.attributes):
                continue
            decl = _origin(die)
            name = _attr(decl, "DW_AT_name")
            if name is not None and "DW_AT_prototyped" in decl.attributes:
                yield name.decode("utf-8", "replace"), decl


_DW_TAG_SUBPROGRAM = 0x2E
_DW_AT_PROTOTYPED = 0x27
_DW_FORM_IMPLICIT_CONST = 0x21


def _describes_subprograms(elf) -> bool:
    """Whether ``.debug_abbrev`` has an abbreviation for a prototyped subprogram DIE (True when
    unsure).

    Without one, ``.debug_info`` holds no function :func:`_defined_functions` would declare.  That
    is every ``.s`` without type information: crt-cc assembles it with ``as -g`` (line information
    for diagnostics), whose DWARF has a compile unit and unprototyped subprograms (name and
    address), and skipping the relocation and the second parse below saves a few milliseconds of
    every such translation.
    """
    try:
        sec = elf.get_section_by_name(".debug_abbrev")
        if sec is None:
            return False
        data, i = sec.data(), 0

        def leb() -> int:                # ULEB128 (an SLEB128 is skipped the same way)
            nonlocal i
            value = shift = 0
            while True:
                byte = data[i]
                i += 1
                value |= (byte & 0x7F) << shift
                shift += 7
                if byte < 0x80:
                    return value

        while i < len(data):
            if leb() == 0:               # the end of one compile unit's table
                continue
            subprogram = leb() == _DW_TAG_SUBPROGRAM
            i += 1                       # DW_CHILDREN_yes/no
            while True:
                name, form = leb(), leb()
                if form == _DW_FORM_IMPLICIT_CONST:
                    leb()
                if name == 0 and form == 0:
                    break
                if subprogram and name == _DW_AT_PROTOTYPED:
                    return True
        return False
    except Exception:            # noqa: BLE001 - unreadable: let the full parse decide
        return True


def function_declarations(path: str) -> str:
    """C declarations of the prototyped functions ``path`` defines ("" without DWARF type info)."""
    import io

    from elftools.elf.elffile import ELFFile

    r = _Renderer()
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        elf = ELFFile(io.BytesIO(raw))
        if elf.get_section_by_name(".debug_info") is None or not _describes_subprograms(elf):
            return ""
        dwarf = ELFFile(io.BytesIO(_relocated_image(elf, raw))).get_dwarf_info(relocate_dwarf_sections=False)
        decls = [d for name, decl in _defined_functions(dwarf, r) if (d := r.declare(decl, name))]
    except Exception:           # damaged or unusual DWARF: the code's own evidence still applies
        return ""
    if not decls:
        return ""
    return r.definitions() + ("\n" if r.order else "") + "\n".join(decls) + "\n"
