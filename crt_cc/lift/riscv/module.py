"""Lifting a whole RISC-V64 object: relocations, data, jump tables, entry points, the IR module.

Relocations.  ``call f`` is ``R_RISCV_CALL_PLT`` on an ``auipc``/``jalr`` pair; addresses are
``%pcrel_hi``/``%pcrel_lo`` pairs (``lla``, ``la`` through the GOT, TLS initial-exec and
general-dynamic) or ``%hi``/``%lo`` (non-PIC, TLS local-exec).  The low part of every pair names
its symbol (``%pcrel_lo`` through the label of its ``auipc``), so the instruction carrying it is
lifted as an access to that symbol -- its base register holds the high part, which is all the
relocation allows it to hold.  The high part itself yields the symbol's address.

Data sections become one LLVM global each (packed bytes and relocated fields), as for x86
objects.  Code labels referenced from data (``.dword .L3``, ``.word .L9-.L4`` jump tables,
``&&label``) become *tags*: distinct integers, spaced wider than the data, that the lifted
indirect jump switches on (directly, or after subtracting each relative table's base).
"""

from __future__ import annotations

from ...abi.prototypes import add_debug_info_prototypes, load_prototypes
from ...diagnostics import CrtError, UnsupportedInstruction
from ...frontend.dwarf import function_declarations
from ...frontend.riscv import (
    BRANCH_RELOCS,
    R_RISCV_32,
    R_RISCV_32_PCREL,
    R_RISCV_64,
    R_RISCV_ADD32,
    R_RISCV_ADD64,
    R_RISCV_CALL,
    R_RISCV_CALL_PLT,
    R_RISCV_GOT_HI20,
    R_RISCV_HI20,
    R_RISCV_LO12_I,
    R_RISCV_LO12_S,
    R_RISCV_PCREL_HI20,
    R_RISCV_PCREL_LO12_I,
    R_RISCV_PCREL_LO12_S,
    R_RISCV_SUB32,
    R_RISCV_SUB64,
    R_RISCV_TLS_GD_HI20,
    R_RISCV_TLS_GOT_HI20,
    R_RISCV_TPREL_HI20,
    R_RISCV_TPREL_LO12_I,
    R_RISCV_TPREL_LO12_S,
    RvFunction,
    RvInsn,
    RvObject,
    RvSection,
    decode_function,
    find_functions,
    read_object,
)
from ...frontend.riscv_isa import A0, A7
from ..ir import I64, PTR, Val, const
from . import analysis, calls, prototypes, syscalls
from .analysis import FunctionInfo
from .function import INTERNAL_RET, N_ARG, RvFunctionLifter, args_copied

SKIP_SECTIONS = (".eh_frame", ".note", ".comment", ".debug", ".rela", ".symtab", ".strtab", ".shstrtab",
                 ".group", ".riscv.attributes", ".gnu.warning", ".stab", ".llvm_addrsig")
HI_RELOCS = {R_RISCV_PCREL_HI20, R_RISCV_GOT_HI20, R_RISCV_TLS_GOT_HI20, R_RISCV_TLS_GD_HI20}
PCREL_LO = {R_RISCV_PCREL_LO12_I, R_RISCV_PCREL_LO12_S}
ABS_LO = {R_RISCV_LO12_I, R_RISCV_LO12_S}
TPREL_LO = {R_RISCV_TPREL_LO12_I, R_RISCV_TPREL_LO12_S}
CALL_RELOCS = {R_RISCV_CALL, R_RISCV_CALL_PLT}


def q(name: str) -> str:
    return '@"' + name.replace('"', '\\22') + '"'


class RvModuleLifter:
    def __init__(self, obj: RvObject, target, options):
        self.obj = obj
        self.target = target
        self.options = options
        self.source_file = options.source_file
        self.functions: list[RvFunction] = []
        self.fn_at: dict[tuple[int, int], RvFunction] = {}
        self.infos: dict[str, FunctionInfo] = {}
        self.data_globals: dict[int, str] = {}
        self.externals: dict[str, str] = {}          # name -> "func" | "data"
        self.weak_undef: set[str] = set()
        self.typed_decls: dict[str, str] = {}
        self.ir_helpers: dict[str, str] = {}         # module-level helpers (lift/libc_compat.py)
        self.adapter_intrinsics: dict[str, str] = {}  # and the intrinsics they declare
        self.returns_twice_fns: set[str] = set()
        self.tags: dict[tuple[int, int], int] = {}
        self.abs_labels: set[tuple[int, int]] = set()
        self.rel_tables: dict[tuple[int, int], set[tuple[int, int]]] = {}   # base -> labels
        self.uses_local_adapter: set[str] = set()
        self.uses_svc = False
        self.prototypes: dict = {}

    # ------------------------------------------------------------------ diagnostics
    def line_of(self, fn: RvFunction, insn: RvInsn) -> int | None:
        return self.obj.line_of(*fn.real(insn.addr), insn.text.split()[0].removeprefix("c."))

    def error_at(self, fn: RvFunction, insn: RvInsn, msg: str) -> CrtError:
        return CrtError(msg, self.source_file, self.line_of(fn, insn))

    def unsupported_at(self, fn: RvFunction, insn: RvInsn, why: str | None = None) -> UnsupportedInstruction:
        mnemonic = insn.text.split()[0] if insn.text else insn.name
        detail = f"{why}; in '{insn.text}'" if why else f"in '{insn.text}'"
        return UnsupportedInstruction(f"unsupported instruction '{mnemonic}' ({detail})", self.source_file,
                                      self.line_of(fn, insn))

    # ------------------------------------------------------------------ preparation
    def prepare(self) -> None:
        obj = self.obj
        self.prototypes = add_debug_info_prototypes(   # the user's, completed by DWARF (frontend/dwarf.py)
            load_prototypes(self.options.prototypes_file), function_declarations(obj.path),
            f"{self.source_file} (debug information)")
        self.functions = find_functions(obj)
        for fn in self.functions:
            decode_function(obj, fn)
            self.fn_at[(fn.section.index, fn.start)] = fn
        for sec in obj.sections:
            if self._is_data(sec):
                self.data_globals[sec.index] = q(f"sec.{sec.index}{sec.name}")
        self._find_code_labels()
        for fn in self.functions:
            self.infos[fn.name] = analysis.analyse(self, fn)
        for _ in range(3):      # long double results flow from callees to callers
            for info in self.infos.values():
                info.returns_f128 = analysis.f128_result(info, self._returns_f128)
        for _ in range(3):      # argument classes flow from callees to callers' evidence
            for info in self.infos.values():
                analysis.collect_evidence(info, self._callee_use)
            for info in self.infos.values():
                analysis.int32_classes(info)

    def _returns_f128(self, callee) -> bool:
        if isinstance(callee, RvFunction):
            return self.infos[callee.name].returns_f128
        sig = calls.signature(self, callee)
        return sig is not None and sig[1] == "f128"

    def _callee_use(self, callee, reg: int) -> str | None:
        if isinstance(callee, RvFunction):
            cls = self.infos[callee.name].arg_class.get(reg)
            return {"i32": "32", "i64": "64"}.get(cls, cls) if cls else None
        return "pass"

    @staticmethod
    def _is_data(sec: RvSection) -> bool:
        return sec.is_alloc and not sec.is_code and not sec.name.startswith(SKIP_SECTIONS)

    def place(self, sym, addend: int) -> tuple:
        """Where symbol + addend is: ("sec", index, offset) | ("ext", name, addend) |
        ("common", name, addend) | ("abs", value)."""
        if sym.shndx == "SHN_UNDEF":
            return ("ext", sym.name, addend)
        if sym.shndx == "SHN_COMMON":
            return ("common", sym.name, addend)
        if sym.shndx == "SHN_ABS":
            return ("abs", sym.value + addend)
        if sym.type == "STT_SECTION":
            return ("sec", sym.shndx, addend)
        return ("sec", sym.shndx, sym.value + addend)

    def _function_containing(self, sec: int, off: int) -> RvFunction | None:
        for fn in self.functions:
            if fn.vaddr(sec, off) is not None:
                return fn
        return None

    def _code_label(self, where: tuple) -> tuple[int, int] | None:
        """(section, offset) when ``where`` is a code address inside a function, not its start."""
        if where[0] != "sec" or not self.obj.sections[where[1]].is_code:
            return None
        key = (where[1], where[2])
        if key in self.fn_at or self._function_containing(*key) is None:
            return None
        return key

    def hi_reloc(self, sec: int, off: int):
        for r in self.obj.sections[sec].reloc(off):
            if r.type in HI_RELOCS:
                return r
        return None

    def _find_code_labels(self) -> None:
        for fn in self.functions:
            for insn in fn.insns:
                for r in insn.relocs:
                    if r.type in (R_RISCV_PCREL_HI20, R_RISCV_HI20, R_RISCV_LO12_I):
                        key = self._code_label(self.place(r.symbol, r.addend))
                        if key:
                            self.tags.setdefault(key, 0)
                            self.abs_labels.add(key)
        for sec in self.obj.sections:
            if not self._is_data(sec):
                continue
            for rels in sec.relocs.values():
                types = [r.type for r in rels]
                if R_RISCV_64 in types:
                    key = self._code_label(self.place(rels[0].symbol, rels[0].addend))
                    if key:
                        self.tags.setdefault(key, 0)
                        self.abs_labels.add(key)
                elif sorted(types) == [R_RISCV_ADD32, R_RISCV_SUB32]:
                    add = next(r for r in rels if r.type == R_RISCV_ADD32)
                    sub = next(r for r in rels if r.type == R_RISCV_SUB32)
                    key = self._code_label(self.place(add.symbol, add.addend))
                    base = self.place(sub.symbol, sub.addend)
                    if key and base[0] == "sec":
                        self.tags.setdefault(key, 0)
                        self.rel_tables.setdefault((base[1], base[2]), set()).add(key)
        if self.tags:
            biggest = max([s.size for s in self.obj.sections if self._is_data(s)] + [1])
            spacing = 1 << max(4, (2 * biggest + 16).bit_length())
            if (len(self.tags) + 1) * spacing >= 1 << 31:
                raise CrtError("too many jump-table labels for the tag encoding", self.source_file)
            for n, key in enumerate(sorted(self.tags)):
                self.tags[key] = (n + 1) * spacing

    def labels_in(self, fn: RvFunction) -> list[int]:
        return sorted(v for v in (fn.vaddr(sec, off) for (sec, off) in self.tags) if v is not None)

    # ------------------------------------------------------------------ queries from analysis
    def branch_target(self, fn: RvFunction, insn: RvInsn) -> int | None:
        r = insn.reloc(*BRANCH_RELOCS)
        if r is None:
            return insn.addr + insn.f.imm
        where = self.place(r.symbol, r.addend)
        return fn.vaddr(where[1], where[2]) if where[0] == "sec" else None

    def _callee_at(self, where: tuple):
        if where[0] == "ext":
            if where[2]:
                return None
            return where[1]
        if where[0] == "sec":
            return self.fn_at.get((where[1], where[2]))
        return None

    def jump_destination(self, fn: RvFunction, insn: RvInsn):
        """A ``jal``'s destination: an address of ``fn``, another function, or an external name."""
        r = insn.reloc(*BRANCH_RELOCS)
        where = ("sec", *fn.real(insn.addr + insn.f.imm)) if r is None else self.place(r.symbol, r.addend)
        if where[0] == "sec":
            va = fn.vaddr(where[1], where[2])
            callee = self.fn_at.get((where[1], where[2]))
            if insn.f.rd == 0 and va is not None and callee in (None, fn):
                return va                      # a jump inside fn (to its own start: a loop)
            if callee is not None:
                return callee
            if va is not None:
                return va
        callee = self._callee_at(where)
        if callee is None:
            what = f"'{r.symbol.name}{r.addend:+d}'" if r is not None else f"offset {where[2]:#x}"
            raise self.error_at(fn, insn, f"jump to {what} does not reach a function")
        if isinstance(callee, str) and r is not None and r.symbol.bind == "STB_WEAK":
            self.weak_undef.add(callee)
        return callee

    def call_pair_target(self, fn: RvFunction, auipc: RvInsn, jalr: RvInsn):
        """The callee of an ``auipc``/``jalr`` pair (``call``/``tail``), or None if it is not one."""
        r = auipc.reloc(*CALL_RELOCS)
        if r is not None:
            if jalr.f.imm:
                return None
            callee = self._callee_at(self.place(r.symbol, r.addend))
            if callee is None:
                raise self.error_at(fn, jalr, f"call to '{r.symbol.name}{r.addend:+d}' does not reach a "
                                    "function start")
            if isinstance(callee, str) and r.symbol.bind == "STB_WEAK":
                self.weak_undef.add(callee)
            return callee
        if auipc.relocs:
            return None
        sec, off = fn.real(auipc.addr + auipc.f.imm + jalr.f.imm)
        return self.fn_at.get((sec, off))

    def materialised_address(self, fn: RvFunction, insn: RvInsn):
        """``("addr", sec, off)`` when ``insn`` computes the address of data in this object."""
        where = self._lo_place(fn, insn)
        if where is None and insn.name in ("auipc", "lui"):
            r = insn.reloc(R_RISCV_PCREL_HI20, R_RISCV_HI20)
            where = self.place(r.symbol, r.addend) if r is not None else None
        if where is None or insn.name not in ("auipc", "lui", "addi"):
            return None
        if where[0] == "sec" and where[1] in self.data_globals:
            return ("addr", where[1], where[2])
        return None

    def _lo_place(self, fn: RvFunction, insn: RvInsn) -> tuple | None:
        """Where the %lo/%pcrel_lo operand of ``insn`` points (only plain address relocations)."""
        r = insn.reloc(*PCREL_LO, *ABS_LO)
        if r is None:
            return None
        if r.type in ABS_LO:
            return self.place(r.symbol, r.addend)
        hi = self.hi_reloc(r.symbol.shndx, r.symbol.value) if isinstance(r.symbol.shndx, int) else None
        if hi is None or hi.type != R_RISCV_PCREL_HI20:
            return None
        return self.place(hi.symbol, hi.addend)

    # ------------------------------------------------------------------ queries from the lifter
    def internal_name(self, fn: RvFunction) -> str:
        return q(f"rv.{fn.name}@{fn.section.index}:{fn.start:x}")

    def local_adapter(self, fn: RvFunction) -> str:
        self.uses_local_adapter.add(fn.name)
        return q(f"{fn.name}.local.{fn.section.index}.{fn.start:x}")

    def uses_argp(self, info: FunctionInfo) -> bool:
        return args_copied(info) > 0

    def external(self, name: str, kind: str = "func") -> str:
        if self.externals.get(name) != "func":
            self.externals[name] = kind
        return q(name)

    def declare_typed(self, name: str, fnty: str) -> None:
        self.typed_decls.setdefault(name, fnty)

    def c_string(self, sec: int, off: int) -> str | None:
        s = self.obj.sections[sec]
        end = s.data.find(b"\0", off)
        if end < 0 or any(o in s.relocs for o in range(off, end)):
            return None
        return s.data[off:end].decode("latin-1")

    def symbol_const(self, where: tuple, fn_ok: bool = True) -> str:
        """LLVM constant (ptr) for a place (see :meth:`place`)."""
        kind = where[0]
        if kind == "ext":
            base, off = self.external(where[1], "data"), where[2]
        elif kind == "common":
            base, off = q(where[1]), where[2]
        elif kind == "abs":
            return f"inttoptr (i64 {where[1]} to ptr)"
        else:
            sec, off = where[1], where[2]
            section = self.obj.sections[sec]
            if section.is_code:
                fn = self.fn_at.get((sec, off))
                if fn is not None:
                    return q(fn.name) if fn.exported else self.local_adapter(fn)
                tag = self.tags.get((sec, off))
                if tag:
                    return f"inttoptr (i64 {tag} to ptr)"
                raise CrtError(f"reference to code offset {off:#x} in '{section.name}' that is neither a "
                               "function nor a label", self.source_file)
            base = self.data_globals.get(sec)
            if base is None:
                raise CrtError(f"reference to non-allocated section '{section.name}'", self.source_file)
        return base if off == 0 else f"getelementptr (i8, ptr {base}, i64 {off})"

    def _is_tls(self, where: tuple) -> bool:
        return where[0] == "sec" and self.obj.sections[where[1]].is_tls

    def address(self, lf, where: tuple) -> Val:
        """Pointer value of a place; thread-local data through ``llvm.threadlocal.address``."""
        ptr = Val(PTR, self.symbol_const(where))
        if self._is_tls(where) or where[0] == "ext" and where[1] in self.tls_externals:
            return lf.b.call(PTR, "@llvm.threadlocal.address.p0", [ptr])
        return ptr

    @property
    def tls_externals(self) -> set[str]:
        return self._tls_ext

    def lo_target(self, lf, insn: RvInsn) -> Val | None:
        """Pointer a %lo / %pcrel_lo / %tprel_lo operand designates (None: no such operand, or a
        GOT/TLS-offset load, see :meth:`lo_load_value`)."""
        r = insn.reloc(*PCREL_LO, *ABS_LO, *TPREL_LO)
        if r is None:
            return None
        if r.type in ABS_LO or r.type in TPREL_LO:
            return self.address(lf, self.place(r.symbol, r.addend))
        hi = self.hi_reloc(r.symbol.shndx, r.symbol.value) if isinstance(r.symbol.shndx, int) else None
        if hi is None:
            raise lf.error(f"%pcrel_lo in '{insn.text}' without its %pcrel_hi")
        if hi.type in (R_RISCV_PCREL_HI20, R_RISCV_TLS_GD_HI20):
            where = self.place(hi.symbol, hi.addend)
            if hi.type == R_RISCV_TLS_GD_HI20 and where[0] == "ext":
                self._tls_ext.add(where[1])
            return self.address(lf, where)
        if insn.name != "ld":
            raise lf.unsupported("a GOT entry used other than by 'ld'")
        return None

    def lo_load_value(self, lf, insn: RvInsn) -> Val | None:
        """What ``ld`` from a GOT entry (or an initial-exec TLS offset entry) would load."""
        r = insn.reloc(*PCREL_LO)
        if r is None or insn.name != "ld" or not isinstance(r.symbol.shndx, int):
            return None
        hi = self.hi_reloc(r.symbol.shndx, r.symbol.value)
        if hi is None or hi.type not in (R_RISCV_GOT_HI20, R_RISCV_TLS_GOT_HI20):
            return None
        where = self.place(hi.symbol, hi.addend)
        b = lf.b
        if hi.type == R_RISCV_GOT_HI20:
            return b.ptrtoint(self.address(lf, where))
        if where[0] == "ext":
            self._tls_ext.add(where[1])
        addr = b.ptrtoint(self.address(lf, where))
        tp = b.ptrtoint(b.intrinsic("llvm.thread.pointer.p0", PTR, []))
        return b.sub(addr, tp)

    def hi_value(self, lf, insn: RvInsn) -> Val | None:
        """The value of an ``auipc``/``lui`` carrying a high-part relocation: the symbol's address
        (TLS offsets: 0; the low part makes the real access)."""
        for r in insn.relocs:
            if r.type in (R_RISCV_PCREL_HI20, R_RISCV_HI20, R_RISCV_GOT_HI20, *CALL_RELOCS):
                where = self.place(r.symbol, r.addend)
                if where[0] == "ext" and r.type in CALL_RELOCS:
                    self.external(where[1])
                if self._is_tls(where):
                    return const(I64, 0)
                return lf.b.ptrtoint(Val(PTR, self.symbol_const(where)))
            if r.type in (R_RISCV_TPREL_HI20, R_RISCV_TLS_GOT_HI20, R_RISCV_TLS_GD_HI20):
                return const(I64, 0)
        if insn.relocs:
            raise lf.unsupported(f"relocation type {insn.relocs[0].type}")
        return None

    def pc_relative(self, lf, addr: int) -> Val:
        """``auipc`` without a relocation (the assembler resolved a local reference): a function or
        label address of this function when it is one, else a code address nothing may use."""
        sec, off = lf.fn.real(addr)
        fn = self.fn_at.get((sec, off))
        if fn is not None:
            return lf.b.ptrtoint(Val(PTR, q(fn.name) if fn.exported else self.local_adapter(fn)))
        tag = self.tags.get((sec, off))
        return const(I64, tag or 0)

    def indirect_jump(self, lf, v: Val) -> None:
        """``jr reg``: each relative jump table's base subtracted, then the absolute tags; anything
        else is a tail call through a pointer (from the entry sp) or a trap."""
        b = lf.b
        fn = lf.fn
        for (bsec, boff), keys in sorted(self.rel_tables.items()):
            mine = sorted({(fn.vaddr(*k), self.tags[k]) for k in keys if fn.vaddr(*k) is not None})
            if not mine:
                continue
            nxt = b.new_block()
            base = self.symbol_const(("sec", bsec, boff))
            key = b.sub(v, b.ptrtoint(Val(PTR, base)))
            cases = " ".join(f"i64 {tag}, label %L{va:x}" for va, tag in mine)
            b.terminate(f"switch {key}, label %{nxt.label} [ {cases} ]")
            b.position(nxt)
        mine = sorted({(fn.vaddr(*k), self.tags[k]) for k in self.abs_labels if fn.vaddr(*k) is not None})
        if mine:
            nxt = b.new_block()
            cases = " ".join(f"i64 {tag}, label %L{va:x}" for va, tag in mine)
            b.terminate(f"switch {v}, label %{nxt.label} [ {cases} ]")
            b.position(nxt)
        if lf.fact(2) == ("sp", 0):
            calls.pointer_call(lf, v, tail=True)
        else:
            lf.trap()

    # ------------------------------------------------------------------ data
    def _data_global(self, sec: RvSection) -> str:
        pieces: list[str] = []
        data = sec.data if not sec.is_nobits else None
        pos = 0
        gname = self.data_globals[sec.index]

        def raw(upto: int) -> None:
            nonlocal pos
            if upto <= pos:
                return
            chunk = data[pos:upto] if data is not None else b""
            if not any(chunk):
                pieces.append(f"[{upto - pos} x i8] zeroinitializer")
            else:
                pieces.append(f"[{len(chunk)} x i8] c\"" + "".join(
                    chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\{c:02X}" for c in chunk) + "\"")
            pos = upto

        for off in sorted(sec.relocs):
            rels = sec.reloc(off)
            if not rels:
                continue
            if off < pos:
                raise CrtError(f"overlapping relocations at offset {off:#x} of '{sec.name}'", self.source_file)
            raw(off)
            text, size = self._data_reloc(sec, off, rels, gname)
            pieces.append(text)
            pos = off + size
        raw(sec.size)
        if not pieces:
            pieces.append("[0 x i8] zeroinitializer")
        types = ", ".join(p.split(" ", 1)[0] if not p.startswith("[") else p[:p.index("]") + 1] for p in pieces)
        kind = "global" if (sec.flags & 1) or sec.is_tls else "constant"
        tls = "thread_local " if sec.is_tls else ""
        attrs = f", align {min(sec.align, 4096)}"
        std = (".text", ".data", ".rodata", ".bss", ".tdata", ".tbss", ".data.rel.ro", ".sdata", ".sbss",
               ".srodata")
        if not sec.name.startswith(std) or sec.name.startswith((".init_array", ".fini_array")):
            attrs = f', section "{sec.name}"' + attrs
        return f"{gname} = internal {tls}{kind} <{{ {types} }}> <{{ {', '.join(pieces)} }}>{attrs}"

    def _existing(self, sec: RvSection, off: int, size: int) -> int:
        if sec.is_nobits:
            return 0
        return int.from_bytes(sec.data[off:off + size], "little", signed=True)

    def _data_reloc(self, sec: RvSection, off: int, rels: list, gname: str) -> tuple[str, int]:
        types = sorted(r.type for r in rels)
        r = rels[0]
        if types == [R_RISCV_64]:
            where = self.place(r.symbol, r.addend)
            label = self._code_label(where)
            if label is not None:
                return f"i64 {self.tags[label]}", 8
            return f"ptr {self.symbol_const(where)}", 8
        if types == [R_RISCV_32]:
            return f"i32 trunc (i64 ptrtoint (ptr {self.symbol_const(self.place(r.symbol, r.addend))} to i64) " \
                   "to i32)", 4
        if types in ([R_RISCV_ADD32, R_RISCV_SUB32], [R_RISCV_ADD64, R_RISCV_SUB64]):
            wide = types[0] == R_RISCV_ADD64
            add = next(x for x in rels if x.type in (R_RISCV_ADD32, R_RISCV_ADD64))
            sub = next(x for x in rels if x.type in (R_RISCV_SUB32, R_RISCV_SUB64))
            a, s = self.place(add.symbol, add.addend), self.place(sub.symbol, sub.addend)
            label = self._code_label(a)
            extra = self._existing(sec, off, 8 if wide else 4)
            if label is not None and not wide and s[0] == "sec" and (s[1], s[2]) in self.rel_tables:
                return f"i32 {self.tags[label] + extra}", 4
            diff = (f"sub (i64 ptrtoint (ptr {self.symbol_const(a)} to i64), "
                    f"i64 ptrtoint (ptr {self.symbol_const(s)} to i64))")
            if extra:
                diff = f"add (i64 {diff}, i64 {extra})"
            return (f"i64 {diff}", 8) if wide else (f"i32 trunc (i64 {diff} to i32)", 4)
        if types == [R_RISCV_32_PCREL]:
            here = f"getelementptr (i8, ptr {gname}, i64 {off})"
            target = self.symbol_const(self.place(r.symbol, r.addend))
            return (f"i32 trunc (i64 sub (i64 ptrtoint (ptr {target} to i64), i64 ptrtoint (ptr {here} to i64)) "
                    "to i32)"), 4
        raise CrtError(f"unsupported data relocation types {types} in section '{sec.name}' at offset {off:#x}",
                       self.source_file)

    # ------------------------------------------------------------------ entry points
    def _adapter(self, fn: RvFunction, name: str, linkage: str) -> str:
        """The native (AAPCS64) entry point of a translated function.

        Universal mapping: x0-x7 -> a0-a7, d0-d7 -> fa0-fa7, native stack words -> the RISC-V stack
        arguments.  What the code shows refines it: integers are extended as RISC-V callers extend
        them (narrow types by signedness, 32-bit ones sign-extended), doubles/floats that RISC-V
        passes in integer registers once fa0-fa7 are used come from the native stack, where AAPCS64
        puts them, and a long double result goes back in q0.
        """
        info = self.infos[fn.name]
        if fn.name == "_start" and fn.exported:
            return self._start_adapter(fn, name, linkage)
        proto = self.prototypes.get(fn.name)
        if proto is not None and not proto.variadic:
            try:
                return prototypes.entry_adapter(proto, name, linkage, self.internal_name(fn),
                                                args_copied(info) // 8, self._intrinsics)
            except CrtError:
                if not proto.from_debug_info:
                    raise
                # debug information only refines what the code shows: the universal entry below
        words = args_copied(info) // 8
        classes = [info.arg_class.get(A0 + k) for k in range(N_ARG)]
        fp_regs = [k for k in range(N_ARG) if classes[k] in ("fpd", "fps")]
        overflow = bool(fp_regs) and info.arg_bytes == 0 and not info.variadic
        native_words = len(fp_regs) if overflow else words
        params = [f"i64 %x{k}" for k in range(N_ARG)] + [f"double %d{k}" for k in range(N_ARG)]
        params += [f"i64 %s{k}" for k in range(native_words)]
        lines: list[str] = []
        sources = [f"%x{k}" for k in range(N_ARG)]
        if overflow:
            ints = iter(range(N_ARG))
            stack = iter(range(len(fp_regs)))
            sources = [f"%s{next(stack)}" if k in fp_regs else f"%x{next(ints)}" for k in range(N_ARG)]
        args = []
        for k in range(N_ARG):
            v = sources[k]
            cls = classes[k]
            if cls in ("u8", "s8", "u16", "s16"):
                bits = int(cls[1:])
                lines.append(f"  %n{k} = trunc i64 {v} to i{bits}")
                lines.append(f"  %e{k}.a = {'sext' if cls[0] == 's' else 'zext'} i{bits} %n{k} to i64")
                v = f"%e{k}.a"
            elif cls in ("i32", "amb"):
                lines.append(f"  %w{k} = trunc i64 {v} to i32")
                lines.append(f"  %s{k}.a = sext i32 %w{k} to i64")
                if cls == "amb":
                    lines.append(f"  %h{k} = lshr i64 {v}, 32")
                    lines.append(f"  %z{k} = icmp eq i64 %h{k}, 0")
                    lines.append(f"  %f{k}.a = select i1 %z{k}, i64 %s{k}.a, i64 {v}")
                    v = f"%f{k}.a"
                else:
                    v = f"%s{k}.a"
            args.append(f"i64 {v}")
        for k in range(N_ARG):
            lines.append(f"  %fb{k} = bitcast double %d{k} to i64")
            args.append(f"i64 %fb{k}")
        argp_words = 0 if overflow else words
        lines.append(f"  %argp = alloca [{max(1, argp_words)} x i64], align 16")
        for k in range(argp_words):
            lines.append(f"  %ap{k} = getelementptr i64, ptr %argp, i64 {k}")
            lines.append(f"  store i64 %s{k}, ptr %ap{k}, align 8")
        args.append("ptr %argp")
        lines.append(f"  %r = call {INTERNAL_RET} {self.internal_name(fn)}({', '.join(args)})")
        for k in range(4):
            lines.append(f"  %r{k} = extractvalue {INTERNAL_RET} %r, {k}")
        if info.returns_f128:
            ret = "fp128"
            lines += ["  %lo = zext i64 %r0 to i128", "  %hi0 = zext i64 %r1 to i128",
                      "  %hi = shl i128 %hi0, 64", "  %q = or i128 %lo, %hi",
                      "  %ld = bitcast i128 %q to fp128", "  ret fp128 %ld"]
        else:
            ret = calls.NATIVE_RET
            agg = "undef"
            for k in range(4):
                val, ty = f"%r{k}", "i64"
                if k >= 2:
                    lines.append(f"  %c{k} = bitcast i64 %r{k} to double")
                    val, ty = f"%c{k}", "double"
                lines.append(f"  %o{k} = insertvalue {ret} {agg}, {ty} {val}, {k}")
                agg = f"%o{k}"
            lines.append(f"  ret {ret} {agg}")
        return f"define {linkage}{ret} {name}({', '.join(params)}) {{\n" + "\n".join(lines) + "\n}"

    def _start_adapter(self, fn: RvFunction, name: str, linkage: str) -> str:
        """The process entry point: the kernel's initial stack (argc, argv, envp, auxv) is the
        RISC-V code's incoming stack argument area."""
        if self.target.triple != "aarch64-linux-gnu":
            raise CrtError(f"a '_start' entry point cannot be translated for {self.target.triple}",
                           self.source_file)
        zeros = ", ".join(["i64 0"] * (2 * N_ARG))
        return (f"define {linkage}void {name}() noreturn {{\n"
                "  %sp = call ptr @llvm.sponentry.p0()\n"
                f"  %r = call {INTERNAL_RET} {self.internal_name(fn)}({zeros}, ptr %sp)\n"
                "  unreachable\n}\n"
                "declare ptr @llvm.sponentry.p0()")

    @staticmethod
    def _linkage(sym) -> str:
        vis = {"STV_HIDDEN": "hidden ", "STV_PROTECTED": "protected "}.get(sym.visibility, "")
        if sym.bind == "STB_LOCAL":
            return "internal "
        if sym.bind == "STB_WEAK":
            return "weak " + vis
        return vis

    # ------------------------------------------------------------------ the module
    def build(self) -> str:
        self._tls_ext: set[str] = set()
        self.prepare()
        bodies: list[str] = []
        intrinsics: dict[str, str] = {}
        self._intrinsics = intrinsics
        for fn in self.functions:
            info = self.infos[fn.name]
            analysis.check_static_sp(info, lambda insn, msg, fn=fn: self.error_at(fn, insn, msg))
            lf = RvFunctionLifter(self, info)
            bodies.append(lf.lift())
            intrinsics.update(lf.b.intrinsics)
            self.options.report.append({
                "function": fn.name, "engine": "lift", "source_isa": "riscv64",
                "verified": "by construction", "stack_words": info.stack_words, "variadic": info.variadic,
                "int32_args": sorted(k - A0 for k, c in info.arg_class.items() if c != "i64"
                                     and A0 <= k <= A7)})
        out: list[str] = []
        for sec_index in self.data_globals:
            out.append(self._data_global(self.obj.sections[sec_index]))
        defined: set[str] = set()
        for sym in self.obj.symbols:
            if not sym.name or sym.type in ("STT_SECTION", "STT_FILE") or sym.name.startswith("$"):
                continue
            if sym.shndx == "SHN_COMMON":
                out.append(f"{q(sym.name)} = common global [{max(sym.size, 1)} x i8] zeroinitializer, "
                           f"align {max(1, min(sym.value, 4096))}")
                defined.add(sym.name)
            elif sym.defined and sym.bind != "STB_LOCAL" and sym.shndx in self.data_globals:
                tls = "thread_local " if self.obj.sections[sym.shndx].is_tls else ""
                gep = f"getelementptr (i8, ptr {self.data_globals[sym.shndx]}, i64 {sym.value})"
                out.append(f"{q(sym.name)} = {self._linkage(sym)}{tls}alias [{max(sym.size, 1)} x i8], ptr {gep}")
                defined.add(sym.name)
        used = [g for i, g in self.data_globals.items()
                if not self.obj.sections[i].name.startswith((".data", ".rodata", ".bss", ".tdata", ".tbss",
                                                             ".sdata", ".sbss", ".srodata"))
                or self.obj.sections[i].name.startswith((".init_array", ".fini_array"))]
        for fn in self.functions:
            if fn.exported:
                out.append(self._adapter(fn, q(fn.name), self._linkage(fn.symbols[0])))
                defined.add(fn.name)
                for alias in fn.symbols[1:]:
                    if alias.bind != "STB_LOCAL":
                        out.append(f"{q(alias.name)} = {self._linkage(alias)}alias i8, ptr {q(fn.name)}")
                        defined.add(alias.name)
        for fn in self.functions:
            if not fn.exported and fn.name in self.uses_local_adapter:
                out.append(self._adapter(fn, self.local_adapter(fn), "internal "))
        out.extend(bodies)
        for name, kind in sorted(self.externals.items()):
            if name in defined:
                continue
            weak = "extern_weak " if name in self.weak_undef else ""
            tls = "thread_local " if name in self._tls_ext else ""
            if kind == "func":
                attrs = " #0" if name in calls.RETURNS_TWICE else (" #1" if name in calls.NORETURN else "")
                if name in self.typed_decls:
                    ret, _, params = self.typed_decls[name].partition(" (")
                    out.append(f"declare {weak}{ret} {q(name)}({params}{attrs}")
                else:
                    out.append(f"declare {weak}{calls.NATIVE_RET} {q(name)}(...){attrs}")
            else:
                out.append(f"{q(name)} = {weak or 'external '}{tls}global i8")
        out.extend(self.ir_helpers.values())
        out.extend(v for k, v in self.adapter_intrinsics.items() if k not in intrinsics)
        out.extend(intrinsics.values())
        if self.uses_svc:
            out.append(f"declare i64 @{syscalls.SVC_HELPER}(i64, i64, i64, i64, i64, i64, i64)")
        if used:
            out.append(f"@llvm.used = appending global [{len(used)} x ptr] [{', '.join('ptr ' + u for u in used)}], "
                       'section "llvm.metadata"')
        out.append("attributes #0 = { returns_twice }")
        out.append("attributes #1 = { noreturn }")
        return "\n\n".join(out) + "\n"


def lift_object(obj_path: str, target, options) -> tuple[str, bool]:
    """RISC-V64 relocatable object -> (textual LLVM IR module for ``target``, whether it makes
    system calls)."""
    if not syscalls.supported_target(target.triple):
        raise CrtError(f"translating RISC-V64 code for '{target.triple}' is not supported yet "
                       "(AArch64 only)", options.source_file)
    obj = read_object(obj_path, options.source_file)
    lifter = RvModuleLifter(obj, target, options)
    body = lifter.build()
    return f'target triple = "{target.llvm_triple}"\n\n' + body, lifter.uses_svc


def translate(obj_path: str, target, options) -> str:
    """RISC-V64 object -> target assembly text (the engine's entry point for this source ISA)."""
    from ...backend import emit_assembly
    ir_module, svc = lift_object(obj_path, target, options)
    text = emit_assembly(ir_module, target, options.opt_level)
    return text + syscalls.helper_assembly(target.triple) if svc else text
