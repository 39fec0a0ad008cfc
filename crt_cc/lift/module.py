"""Lifting a whole x86 object: functions, data sections, symbols, jump tables.

Data sections become one LLVM global each (a packed struct of raw bytes and
relocated fields), so the layout the x86 code relies on is kept; exported
data symbols become aliases into them.  Relocations that point at code
labels inside a function (jump tables, computed gotos) become *tags*: small
integers that the lifted indirect jump switches on (see :meth:`indirect_jump`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from ..abi import bridge, native_abi
from ..abi import i386 as i386abi
from ..abi.prototypes import (
    BUILTIN_NAMES,
    Declarations,
    add_debug_info_prototypes,
    builtin_prototypes,
    load_prototypes,
)
from ..abi.x86_64 import INTERNAL_PARAM_GPRS, N_XMM_ARGS, internal_name, internal_ret
from ..diagnostics import CrtError
from ..frontend.decode import Function, decode_function, find_functions
from ..frontend.dwarf import function_declarations
from ..frontend.elfobj import EM_386, SHF_GROUP, SHF_WRITE, ObjectFile, Reloc, Section, Symbol, read_object
from . import context, flagflow, libc_compat
from . import frame as framemod
from .function import NORETURN, RETURNS_TWICE, FunctionLifter, finish_frame
from .ir import F64, F128, I64, PTR, V2I64, Val, const, vec
from .regs import CALL_CLOBBERED, I386, RDI, X86_64, cc_of, full_register
from .results import ReturnHint, propagate_int32, regs_read_written

R_X86_64_64, R_PC32, R_PLT32, R_GOTPCREL, R_32, R_32S = 1, 2, 4, 9, 10, 11
R_TLSGD, R_TLSLD, R_DTPOFF32, R_GOTTPOFF, R_TPOFF32, R_PC64 = 19, 20, 21, 22, 23, 24
R_GOTPCRELX, R_REX_GOTPCRELX, R_DTPOFF64, R_TPOFF64 = 41, 42, 17, 18
PCREL = {R_PC32, R_PLT32, R_GOTPCREL, R_GOTPCRELX, R_REX_GOTPCRELX, R_TLSGD, R_TLSLD, R_GOTTPOFF}
# i386 relocations are renumbered on reading: those that mean what an x86-64 kind means become
# that kind (R_386_32 is R_X86_64_32, R_386_PC32/PLT32 are the same numbers), and the GOT-relative
# addressing of position-independent i386 code gets kinds of its own.  Unknown ones keep their
# number plus I386_UNKNOWN so that diagnostics can name them.
R_GOTOFF, R_GOTPC, R_GOT32 = 1009, 1010, 1003
I386_UNKNOWN = 10000
# TLS: R_386_TLS_IE (``x@indntpoff``) and _GOTIE (``x@gotntpoff(%ebx)``) load the variable's offset
# from the thread pointer out of the GOT, as x86-64's GOTTPOFF does; _LE (``%gs:x@ntpoff``) is
# that offset itself (TPOFF32); _GD/_LDM/_LDO_32 are the dynamic models (``x@tlsgd(,%ebx,1)``,
# then ``call ___tls_get_addr``).
I386_RELOCS = {1: R_32, 2: R_PC32, 4: R_PLT32, 9: R_GOTOFF, 10: R_GOTPC, 3: R_GOT32, 43: R_GOT32,
               15: R_GOTTPOFF, 16: R_GOTTPOFF, 17: R_TPOFF32, 18: R_TLSGD, 19: R_TLSLD, 32: R_DTPOFF32}
# The translated code's _GLOBAL_OFFSET_TABLE_ is address 0: position-independent i386 code only
# ever uses differences to it, so ``sym@GOTOFF(%ebx)`` becomes plain ``sym`` once LLVM folds %ebx.
SKIP_SECTIONS = (".eh_frame", ".note", ".comment", ".debug", ".rela", ".rel.", ".symtab", ".strtab",
                 ".shstrtab", ".group", ".llvm_addrsig", ".gnu.warning", ".stab")


def q(name: str) -> str:
    return '@"' + name.replace('"', '\\22') + '"'


# Profiling hooks that -pg and -mfentry code calls with the arguments still in their registers:
# they preserve every register, not only the psABI's callee-saved ones.
PRESERVES_ALL = frozenset({"mcount", "_mcount", "__mcount", "__fentry__"})


class _CallSite:
    """The little of a FunctionLifter that ModuleLifter.direct_call_target reads."""

    def __init__(self, fn: Function):
        self.fn = fn


@dataclass
class JumpTable:
    section: int
    start: int
    relative: bool
    code_section: int
    entries: list[tuple[int, int]]    # (data offset, code target offset)


class ModuleLifter:
    def __init__(self, obj: ObjectFile, target, options):
        self.obj = obj
        self.target = target
        self.options = options
        self.source_file = options.source_file
        self.functions: list[Function] = []
        self.fn_at: dict[tuple[int, int], Function] = {}
        self._taken: set[str] | None = None            # see address_taken
        self.externals: dict[str, str] = {}          # name -> "func" | "data" | "tls"
        self.weak_undef: set[str] = set()
        self.helpers: set[str] = set()
        self.returns_twice_fns: set[str] = set()
        self.x87_returners: set[str] = set()
        self._may_write: dict[tuple[int, int], frozenset[str]] = {}   # see call_clobbers
        # function -> (x87-returning call sites, frame states): the search for x87 returners
        # analyses every frame once; the lifter reuses the result when the call sites agree
        self.frame_states: dict[str, tuple[frozenset[int], dict]] = {}
        self.cross_object_refs: set[str] = set()     # undefined functions called via cross_object_symbol
        self.private_globals: list[str] = []
        self.tags: dict[tuple[int, int], int] = {}     # (code section, offset) -> tag
        self.tables: list[JumpTable] = []
        self.data_globals: dict[int, str] = {}
        self.prototypes: dict = {}                   # --crt-prototypes (built-in ones: calls only)
        i386_source = obj.machine == EM_386
        # the target's ABI module whatever the source (i386 code runs on ARM): its libc layouts,
        # flag bits and context save/restore (lift/libc_compat.py, lift/context.py)
        self.target_abi = native_abi(target)
        # the target's calling convention for x86-64 code (abi/); i386 code crosses through abi/i386.py
        self.native = None if i386_source else self.target_abi
        self.typed_externals: dict = {}              # name -> Prototype used at its call sites
        self.adapter_intrinsics: dict[str, str] = {}  # intrinsics the entry adapters use
        self.mode = I386 if obj.machine == EM_386 else X86_64
        self.pc_thunks: dict[str, str] = {}          # i386 __x86.get_pc_thunk.REG -> REG
        self.pops: dict[str, int] = {}               # function -> bytes its `ret $N` pops
        # target assembly appended to LLVM's output, and the IR declarations of what it defines
        # (setjmp/longjmp, lift/context.py)
        self.appended_assembly: dict[str, str] = {}
        self.asm_functions: dict[str, str] = {}
        self.ir_helpers: dict[str, str] = {}         # module-level helper functions (lift/libc_compat.py)
        # x87 registers: binary128 where it is the target's long double, else double (ARMv5)
        self.x87_ty = F128 if target.bits == 64 else F64
        self.internal_ret = internal_ret(self.x87_ty)

    # ------------------------------------------------------------------ analysis
    def _boundary_prototypes(self) -> Declarations:
        """``--crt-prototypes``, completed by the object's debug information (frontend/dwarf.py).

        Not for x86-64 code on an ILP32 target: there a prototype also decides which crossings are
        refused (pointers to differently laid-out memory, docs/abi.md), which only the user's own
        declarations should do.
        """
        if self.mode is I386:
            declared, parse = i386abi.load_prototypes(self.options.prototypes_file), i386abi.parse_prototypes
        else:
            declared, parse = load_prototypes(self.options.prototypes_file), None
        if self.mode is X86_64 and getattr(self.native, "ILP32", False):
            return declared
        return add_debug_info_prototypes(declared, function_declarations(self.obj.path),
                                         f"{self.source_file} (debug information)", parse)

    def prepare(self) -> None:
        obj = self.obj
        self.prototypes = self._boundary_prototypes()
        self.functions = find_functions(obj)
        bits = 8 * self.mode.word
        for fn in self.functions:
            decode_function(obj, fn, bits)
            self.fn_at[(fn.section.index, fn.start)] = fn
            self._note_calling_details(fn)
        for sec in obj.sections:
            if self._is_data(sec):
                self.data_globals[sec.index] = q(f"sec.{sec.index}{sec.name}")
        self._find_code_labels()
        self._find_x87_returners()

    def _note_calling_details(self, fn: Function) -> None:
        """i386: program-counter thunks (``mov (%esp), %ebx; ret``) and callee-popped bytes."""
        insns = fn.insns
        if self.mode is I386 and len(insns) == 2 and insns[0].mnemonic == "mov" \
                and insns[1].mnemonic == "ret" and not insns[1].cs.operands:
            dst, src = insns[0].cs.operands
            if dst.type == 1 and src.type == 3 and src.mem.base and not src.mem.index and not src.mem.disp \
                    and insns[0].cs.reg_name(src.mem.base) == "esp":
                self.pc_thunks[fn.name] = insns[0].cs.reg_name(dst.reg)
        pops = {i.cs.operands[0].imm for i in insns if i.mnemonic.startswith("ret") and i.cs.operands}
        if pops:
            if len(pops) > 1:
                raise CrtError(f"'{fn.name}' pops different amounts of stack on different returns",
                               self.source_file)
            self.pops[fn.name] = pops.pop()

    def callee_pops_at(self, lf) -> dict[int, int]:
        """Call sites of ``lf``'s function whose callee pops stack (``ret $N``; i386 libc's div)."""
        if not self.pops and self.mode is not I386:
            return {}
        out = {}
        for insn in lf.fn.insns:
            if insn.mnemonic == "call":
                target, name = self.direct_call_target(lf, insn, quiet=True)
                if target is not None and target.name in self.pops:
                    out[insn.addr] = self.pops[target.name]
                elif target is None and name in i386abi.CALLEE_POPS and self.mode is I386:
                    out[insn.addr] = i386abi.CALLEE_POPS[name]
        return out

    @staticmethod
    def _is_data(sec: Section) -> bool:
        return sec.is_alloc and not sec.is_code and not sec.name.startswith(SKIP_SECTIONS)

    def _sym_offset(self, sym: Symbol, addend: int) -> tuple[int | str, int]:
        if sym.type == "STT_SECTION":
            return sym.shndx, addend
        return sym.shndx, sym.value + addend

    def address_taken(self, fn: Function) -> bool:
        """Whether the object holds ``fn``'s address anywhere but in a branch: in data (a table
        of function pointers) or materialised by code (``lea f@GOTOFF(%ebx)``, ``mov $f``)."""
        if self._taken is None:
            self._taken = set()
            for sec in self.obj.sections:
                for r in sec.relocs.values():
                    place = self._sym_offset(r.symbol, r.addend)
                    if place in self.fn_at and (self._is_data(sec) or sec.is_code and r.type not in PCREL):
                        self._taken.add(self.fn_at[place].name)
        return fn.name in self._taken

    def _function_containing(self, sec: int, off: int) -> Function | None:
        for fn in self.functions:
            if fn.vaddr(sec, off) is not None:
                return fn
        return None

    def _find_code_labels(self) -> None:
        """Jump-table entries and other references to code labels that are not function starts."""
        code_refs: dict[int, set[int]] = {}     # data section -> offsets referenced from code
        for fn in self.functions:
            for insn in fn.insns:
                for r in insn.relocs:
                    sec, off = self._sym_offset(r.symbol, r.addend)
                    if not isinstance(sec, int):
                        continue
                    if r.type in PCREL:
                        off += insn.end - r.offset
                    code_refs.setdefault(sec, set()).add(off)
                    # A direct branch between a function's fragments (foo <-> foo.cold) is an edge
                    # of its CFG; only labels whose address is taken become indirect-jump targets.
                    direct = insn.mnemonic.startswith("j") and insn.cs.operands \
                        and insn.cs.operands[0].type == 2
                    if self.obj.sections[sec].is_code and (sec, off) not in self.fn_at and not direct:
                        if self._function_containing(sec, off):
                            self._tag(sec, off)
                # rip-relative references within the same code section (no relocation)
                for op in insn.cs.operands:
                    if op.type == 3 and op.mem.base and insn.cs.reg_name(op.mem.base) == "rip" \
                            and not insn.relocs:
                        sec, end = fn.real(insn.end)
                        off = end + op.mem.disp
                        if (sec, off) not in self.fn_at and self._function_containing(sec, off):
                            self._tag(sec, off)
        for sec in self.obj.sections:
            if not self._is_data(sec):
                continue
            starts = sorted(code_refs.get(sec.index, ()))
            by_table: dict[tuple[int, bool], JumpTable] = {}
            for off in sorted(sec.relocs):
                r = sec.relocs[off]
                tsec, toff = self._sym_offset(r.symbol, r.addend)
                if not isinstance(tsec, int) or not self.obj.sections[tsec].is_code:
                    continue
                if r.type == R_X86_64_64 or (self.mode is I386 and r.type in (R_32, R_GOTOFF)):
                    relative = False
                elif r.type in (R_PC32, R_PLT32):
                    relative = True
                else:
                    continue
                if not relative and (tsec, toff) in self.fn_at:
                    continue                              # a function pointer, not a label
                base = max((s for s in starts if s <= off), default=None)
                if base is None:
                    if relative:
                        continue
                    base = off
                if relative:
                    toff = toff - (off - base)
                    if (tsec, toff) in self.fn_at:
                        continue
                if not self._function_containing(tsec, toff):
                    continue
                jt = by_table.get((base, relative, tsec))
                if jt is None:
                    jt = by_table[(base, relative, tsec)] = JumpTable(sec.index, base, relative, tsec, [])
                    self.tables.append(jt)
                jt.entries.append((off, toff))
                self._tag(tsec, toff)
        if self.tags:
            biggest = max([s.size for s in self.obj.sections if self._is_data(s)] + [1])
            self.tag_spacing = 1 << max(4, (2 * biggest + 16).bit_length())
            if (len(self.tags) + 1) * self.tag_spacing >= 1 << 31:
                raise CrtError("too many jump-table labels for the tag encoding", self.source_file)
            for n, key in enumerate(sorted(self.tags)):
                self.tags[key] = (n + 1) * self.tag_spacing

    def _tag(self, sec: int, off: int) -> None:
        self.tags.setdefault((sec, off), 0)

    def code_labels_in(self, fn: Function) -> list[int]:
        """Tagged labels of ``fn`` as addresses of the function (fragments at virtual addresses)."""
        return sorted(v for v in (fn.vaddr(sec, off) for (sec, off) in self.tags) if v is not None)

    def _find_x87_returners(self) -> None:
        for _ in range(4):
            changed = False
            for fn in self.functions:
                if fn.name in self.x87_returners or not any(i.mnemonic.startswith(("f", "call")) for i in fn.insns):
                    continue
                lf = FunctionLifter(self, fn)
                lf._build_cfg()
                calls = {i.addr for i in fn.insns if i.mnemonic == "call" and self.call_returns_x87(lf, i)}
                before = framemod.analyse(fn, lf.blocks, lf.succs, calls, self.mode, self.callee_pops_at(lf))
                self.frame_states[fn.name] = (frozenset(calls), before)
                for insn in fn.insns:
                    st = before.get(insn.addr)
                    if insn.mnemonic.startswith("ret") and st is not None and (st.x87 or 0) >= 1:
                        self.x87_returners.add(fn.name)
                        changed = True
                        break
            if not changed:
                break

    # ------------------------------------------------------------------ queries from the lifter
    def cc(self, suffix: str) -> str:
        cc = cc_of(suffix)
        if cc is None:
            raise CrtError(f"unknown condition code '{suffix}'", self.source_file)
        return cc

    def internal_name(self, fn: Function) -> str:
        return internal_name(f"{fn.name}@{fn.section.index}:{fn.start:x}")

    def returns_x87(self, fn: Function) -> bool:
        return fn.name in self.x87_returners

    def call_returns_x87(self, lf, insn) -> bool:
        target, name = self.direct_call_target(lf, insn, quiet=True)
        if name in self.pc_thunks:       # not an ABI call: the x87 stack may be in use around it
            return False
        if target is None and self.mode is I386:
            return i386abi.call_returns_fp(lf, insn, name) is not None
        if target is None:
            proto = self.prototype_for_call(name)
            return proto is not None and proto.ret.kind == "ldouble"
        if self.mode is I386 and not self.returns_x87(target) and i386abi.consumed_result(lf, insn):
            self.x87_returners.add(target.name)      # e.g. a recursive call, seen before its ret
        return self.returns_x87(target)

    def call_clobbers(self, callee: Function | None, name: str | None = None) -> frozenset[str]:
        """The call-clobbered registers (regs.CALL_CLOBBERED) a call leaves undefined.

        Keeping the caller's values of registers a callee may change costs a copy of each across
        every call (eight XMM registers at a libc call), and the psABI says the caller may not rely
        on them.  For a function outside this object (the C library, another file, a pointer) that
        is all of them.  A function of this object may be called with values kept in registers it
        does not touch: GCC's interprocedural register allocation (-fipa-ra, on from -O2) does
        this, and so does hand-written assembly with its own helpers.  So only the registers the
        callee may write (itself, or through what it calls) are dropped, as GCC itself computes.
        """
        clobbered = CALL_CLOBBERED[self.mode.word]
        if name in PRESERVES_ALL:
            return frozenset()
        if callee is None:
            return frozenset(clobbered)
        return self._writes_of(callee, frozenset(clobbered))

    def _writes_of(self, fn: Function, clobbered: frozenset[str]) -> frozenset[str]:
        """Call-clobbered registers ``fn`` may write.  Where that is not known (an instruction
        without register data, a call cycle still being walked) the answer is smaller, never
        larger: a register left out keeps its value across the call, which is always safe."""
        key = (fn.section.index, fn.start)
        known = self._may_write.get(key)
        if known is not None:
            return known
        self._may_write[key] = frozenset()            # a recursive call sees nothing yet
        site = _CallSite(fn)
        inside = {i.addr for i in fn.insns}
        out: set[str] = set()
        for insn in fn.insns:
            m = insn.mnemonic.removeprefix("bnd ").removeprefix("notrack ")
            if m == "call" or (m.startswith("j") and not self._stays_inside(fn, insn, inside)):
                callee, name = (None, None) if framemod.is_indirect(insn) \
                    else self.direct_call_target(site, insn, quiet=True)
                if callee is not None and callee.name in self.pc_thunks:   # i386: not an ABI call
                    out.add(full_register(self.pc_thunks[callee.name]))
                elif name not in PRESERVES_ALL:
                    out |= clobbered if callee is None else self._writes_of(callee, clobbered)
                continue
            rw = regs_read_written(insn)
            if rw is None:
                out = set()
                break
            out |= rw[1]
        result = frozenset(out) & clobbered
        self._may_write[key] = result
        return result

    def _stays_inside(self, fn: Function, insn, inside: set[int]) -> bool:
        """A jump to this function's own code (or a jump table of its own)."""
        if framemod.is_indirect(insn):
            return bool(self.code_labels_in(fn))
        ops = insn.cs.operands
        if not insn.relocs:
            return bool(ops) and ops[0].imm in inside
        place = self.branch_reloc_target(insn)
        return place is not None and fn.vaddr(*place) in inside

    def prototype_for_call(self, name: str | None):
        """The prototype a call to native ``name`` uses, or None for the universal mapping.

        Variadic prototypes keep the universal mapping (AAPCS64 on Linux passes variadic arguments
        like fixed ones) unless their fixed part needs a prototype; printf-family calls are typed
        from their format strings instead.
        """
        proto = self.prototypes.get(name) if name else None
        if proto is None and self.mode is I386 and name in i386abi.I386_BUILTIN_NAMES:
            proto = i386abi.builtin_prototypes()[name]
        elif proto is None and name in BUILTIN_NAMES:     # parsed only when such a call exists
            proto = builtin_prototypes()[name]
        if proto is None or proto.variadic:
            return None
        self.typed_externals[name] = proto
        return proto

    def uses_returns_twice(self, fn: Function) -> bool:
        return fn.name in self.returns_twice_fns

    def mark_returns_twice(self, fn: Function) -> None:
        self.returns_twice_fns.add(fn.name)

    def need_helper(self, name: str) -> None:
        self.helpers.add(name)
        if name == "div_trap":
            self.externals.setdefault("raise", "func")
            self.externals.setdefault("abort", "func")

    # ------------------------------------------------------------------ calls between translated objects
    def cross_object_symbol(self, name: str) -> str:
        """The symbol under which another translated object exports ``name``'s lifted body.

        Objects are translated one at a time, so a call to a function of another translated object
        goes out through that object's native entry; but native signatures lose what the x86 code
        relies on (an i386 double pushed as two words lands in the wrong AAPCS registers; char and
        float results; LP64 data on ARMv5).  Each translated object therefore also exports its
        lifted bodies with the internal x86 convention (hidden, so nothing outside the link sees
        them), and a call to an undefined function checks this weak symbol first: where it is
        defined, the call stays in the x86 convention, exactly as within one object.  The name
        carries the source ISA and the convention's version: other crt-cc builds do not match."""
        tag = "i386" if self.mode is I386 else "x86_64"
        return f'@"__crt_{tag}_v1.{name}"'

    # The register image a cross-object call passes (one pointer: vectors and fp128 by value would
    # be ABI-lowered differently per target): the argument GPRs, the eight argument XMM registers
    # and the argument-area pointer in; rax, rdx, xmm0, xmm1 and st(0) back in the same buffer.
    XSTATE_SIZE, XSTATE_XMM, XSTATE_ARGP, XSTATE_ST0 = 224, 64, 192, 208

    def _cross_object_entry(self, fn: Function) -> str:
        weak = "weak " if self._linkage(fn.symbols[0]).startswith("weak") else ""
        lines = [f"define {weak}hidden void {self.cross_object_symbol(fn.name)}(ptr %s) {{"]
        args = []
        for n in range(len(INTERNAL_PARAM_GPRS)):
            lines += [f"  %pg{n} = getelementptr i8, ptr %s, i64 {8 * n}", f"  %g{n} = load i64, ptr %pg{n}"]
            args.append(f"i64 %g{n}")
        for n in range(N_XMM_ARGS):
            lines += [f"  %px{n} = getelementptr i8, ptr %s, i64 {self.XSTATE_XMM + 16 * n}",
                      f"  %x{n} = load {V2I64}, ptr %px{n}, align 16"]
            args.append(f"{V2I64} %x{n}")
        lines += [f"  %pa = getelementptr i8, ptr %s, i64 {self.XSTATE_ARGP}", "  %argp = load ptr, ptr %pa"]
        args.append("ptr %argp")
        lines.append(f"  %r = call {self.internal_ret} {self.internal_name(fn)}({', '.join(args)})")
        outs = [(0, "i64", 0), (1, "i64", 8), (2, V2I64, self.XSTATE_XMM), (3, V2I64, self.XSTATE_XMM + 16),
                (4, self.x87_ty, self.XSTATE_ST0)]
        for k, ty, off in outs:
            lines += [f"  %o{k} = extractvalue {self.internal_ret} %r, {k}",
                      f"  %po{k} = getelementptr i8, ptr %s, i64 {off}", f"  store {ty} %o{k}, ptr %po{k}"]
        lines += ["  ret void", "}"]
        return "\n".join(lines)

    def calls_maybe_translated(self, name: str | None) -> bool:
        """Could ``name`` be defined by another translated object (not libc, libgcc, the runtime)?"""
        from ..abi.prototypes import known_libc_function
        return bool(name) and not name.startswith("_") and "@" not in name \
            and name not in NORETURN and name not in RETURNS_TWICE and name not in BUILTIN_NAMES \
            and not (self.mode is I386 and name in i386abi.I386_BUILTIN_NAMES) \
            and not known_libc_function(name)

    def external(self, name: str, kind: str = "func") -> str:
        if self.externals.get(name) != "func":
            self.externals[name] = kind
        return q(name)

    def direct_call_target(self, lf, insn, quiet: bool = False) -> tuple[Function | None, str | None]:
        ops = insn.cs.operands
        if ops and ops[0].type == 2 and insn.relocs:
            r = insn.relocs[0]
            sym = r.symbol
            if not sym.defined:
                if sym.bind == "STB_WEAK":
                    self.weak_undef.add(sym.name)
                return None, sym.name
            sec, off = self._sym_offset(sym, r.addend + (insn.end - r.offset))
            fn = self.fn_at.get((sec, off))
            if fn is None:
                if quiet:
                    return None, None
                raise lf.error(f"call to '{sym.name}{r.addend:+d}' does not reach a function start")
            return fn, fn.name
        if ops and ops[0].type == 2:
            sec, off = lf.fn.real(ops[0].imm)
            fn = self.fn_at.get((sec, off))
            if fn is None and not quiet:
                raise lf.error(f"call to offset {off:#x} of '{self.obj.sections[sec].name}' "
                               "does not reach a function start")
            return fn, fn.name if fn else None
        return None, None

    def branch_reloc_target(self, insn) -> tuple[int, int] | None:
        """``(section, offset)`` a relocated direct branch reaches, when it is inside this object."""
        r = insn.relocs[0]
        if r.type not in PCREL or not r.symbol.defined:
            return None
        sec, off = self._sym_offset(r.symbol, r.addend + (insn.end - r.offset))
        return (sec, off) if isinstance(sec, int) else None

    def data_address_of(self, lf, insn, op) -> tuple[int, int] | None:
        """(data section, offset) a rip-relative operand designates, when it is a data address."""
        if not op.mem.base or insn.cs.reg_name(op.mem.base) != "rip" or not insn.cs.disp_offset:
            return None
        rel = insn.reloc_at(insn.cs.disp_offset)
        if rel is None or rel.type not in (R_PC32, R_PLT32):
            return None
        sec, off = self._sym_offset(rel.symbol, rel.addend + insn.end - rel.offset)
        if isinstance(sec, int) and sec in self.data_globals:
            return sec, off
        return None

    def c_string(self, sec: int, off: int) -> str | None:
        data = self.obj.sections[sec].data
        end = data.find(b"\0", off)
        if end < 0 or any(o in self.obj.sections[sec].relocs for o in range(off, end)):
            return None
        return data[off:end].decode("latin-1")

    def special_call(self, lf, name: str, tail: bool = False) -> bool:
        b = lf.b
        if libc_compat.converted_call(lf, name, tail):
            return True
        if name == "__tls_get_addr":
            lf.set64(0, lf.get64(RDI))        # rdi already holds the variable's address
            return True
        if name == "___tls_get_addr" and self.mode is I386:
            return True                       # i386's takes it in %eax, and returns it there
        if name in ("__stack_chk_fail", "__stack_chk_fail_local"):
            b.call("void", self.external("__stack_chk_fail"), [], fnty="void ()")
            b.terminate("unreachable")
            return True
        return False

    def tls_address(self, lf, op, rel: Reloc | None, extra: int) -> Val:
        b = lf.b
        mem = op.mem
        if rel is not None and rel.type == R_TPOFF32:
            p = self._tls_var(lf, rel.symbol, rel.addend + extra)
        elif rel is None and not mem.base and not mem.index:
            disp = mem.disp + extra
            if disp == (0x28 if self.mode is X86_64 else 0x14):     # the stack-protector canary
                return Val(PTR, self.external("__stack_chk_guard", "data"))
            if disp == 0:
                tp = b.intrinsic("llvm.thread.pointer.p0", PTR, [])
                slot = b.alloca(I64)
                b.store(b.ptrtoint(tp), slot)
                return slot
            raise lf.unsupported(f"unsupported %fs-relative access at offset {disp:#x} in '{lf.insn}'")
        elif rel is None:
            # `movq x@gottpoff(%rip), %rax; movl %fs:(%rax), %eax` (initial-exec): the register holds
            # the variable's offset from the thread pointer, computed against the target's (_tp_offset)
            p = b.gep(b.intrinsic("llvm.thread.pointer.p0", PTR, []), const(I64, mem.disp + extra))
        else:
            raise lf.unsupported(f"unsupported %fs-relative access in '{lf.insn}'")
        if mem.base:
            p = b.gep(p, b.resize(lf.get_reg(lf.insn.cs.reg_name(mem.base)), 64))
        if mem.index:
            p = b.gep(p, lf._index_value(mem))
        return p

    def _tls_var(self, lf, sym: Symbol, addend: int) -> Val:
        """This thread's address of a thread-local symbol (plus addend): the intrinsic takes the
        global itself (a .tdata/.tbss section, or an undefined variable), the offset comes after."""
        if sym.shndx == "SHN_UNDEF" or sym.shndx == "SHN_COMMON":
            base, off = self._symbol_const(sym, 0), addend
        else:
            sec, off = self._sym_offset(sym, addend)
            if not isinstance(sec, int) or sec not in self.data_globals or not self.obj.sections[sec].is_tls:
                raise lf.error(f"'{sym.name}' is used as a thread-local variable but is not one ('{lf.insn}')")
            base = self.data_globals[sec]
        p = lf.b.call(PTR, "@llvm.threadlocal.address.p0", [Val(PTR, base)])
        return lf.b.gep(p, const(I64, off)) if off else p

    def _tp_offset(self, lf, sym: Symbol, addend: int) -> Val:
        """tpoff(x) := &x - thread pointer, so that tp + tpoff(x) == &x on any target."""
        b = lf.b
        addr = b.ptrtoint(self._tls_var(lf, sym, addend))
        tp = b.ptrtoint(b.intrinsic("llvm.thread.pointer.p0", PTR, []))
        return b.sub(addr, tp)

    def reloc_target(self, lf, rel: Reloc, adjust: int, memory: bool = False) -> Val:
        """Pointer that a relocated operand designates (for memory operands: the memory's address)."""
        b = lf.b
        t = rel.type
        sym = rel.symbol
        if t == R_GOTPC:      # _GLOBAL_OFFSET_TABLE_ - P: the pc thunk's value plus this is the GOT (0)
            place = lf.fn.real(rel.offset)[1]
            return b.inttoptr(const(I64, rel.addend + adjust - place))
        if t == R_GOTOFF:
            t = R_32          # sym - GOT == sym
        if t in (R_GOTPCREL, R_GOTPCRELX, R_REX_GOTPCRELX, R_GOT32):
            if rel.addend + adjust != 0:
                raise lf.error(f"unsupported GOT reference with offset in '{lf.insn}'")
            value = self._symbol_const(sym, 0)
            name = f"got.{sym.name}"
            if name not in self.private_globals:
                self.private_globals.append(name)
                self._got_entries = getattr(self, "_got_entries", {})
                self._got_entries[name] = value
            return Val(PTR, q(name))
        if t == R_GOTTPOFF:
            slot = b.alloca(I64)
            b.store(self._tp_offset(lf, sym, 0), slot)
            return slot
        if t == R_TLSGD:
            return self._tls_var(lf, sym, 0)
        if t == R_TLSLD:
            return Val(PTR, "null")
        if t in (R_DTPOFF32, R_DTPOFF64):
            return self._tls_var(lf, sym, rel.addend)
        if t in (R_TPOFF32, R_TPOFF64):
            return b.inttoptr(self._tp_offset(lf, sym, rel.addend))
        addend = rel.addend + (adjust if t in PCREL else 0)
        if t in PCREL or t in (R_X86_64_64, R_32, R_32S):
            sec, off = self._sym_offset(sym, addend)
            if isinstance(sec, int) and self.obj.sections[sec].is_code:
                return self.code_address(lf, off, sec)
            return Val(PTR, self._symbol_const(sym, addend))
        raise lf.unsupported(f"unsupported relocation type {t} in '{lf.insn}'")

    def code_address(self, lf, off: int, sec: int | None = None) -> Val:
        sec = lf.fn.section.index if sec is None else sec
        fn = self.fn_at.get((sec, off))
        if fn is not None:
            return Val(PTR, q(fn.name) if fn.exported else self._local_adapter(fn))
        tag = self.tags.get((sec, off))
        if tag:
            return Val(PTR, f"inttoptr (i64 {tag} to ptr)")
        raise lf.error(f"reference to code offset {off:#x} that is neither a function nor a label")

    def code_label_tag(self, sec: int, off: int) -> int | None:
        return self.tags.get((sec, off)) or None

    def _local_adapter(self, fn: Function) -> str:
        return q(f"{fn.name}.local.{fn.section.index}.{fn.start:x}")

    def _symbol_const(self, sym: Symbol, addend: int) -> str:
        """Constant expression (ptr) for symbol + addend."""
        if sym.shndx == "SHN_UNDEF":
            if sym.bind == "STB_WEAK":
                self.weak_undef.add(sym.name)
            base = self.external(sym.name, "tls" if sym.type == "STT_TLS" else "data")
            off = addend
        elif sym.shndx == "SHN_COMMON":
            base, off = q(sym.name), addend
        elif sym.shndx == "SHN_ABS":
            return f"inttoptr (i64 {sym.value + addend} to ptr)"
        else:
            sec, off = self._sym_offset(sym, addend)
            section = self.obj.sections[sec]
            if section.is_code:
                fn = self.fn_at.get((sec, off))
                if fn is None:
                    tag = self.tags.get((sec, off))
                    if tag:
                        return f"inttoptr (i64 {tag} to ptr)"
                    raise CrtError(f"reference to code offset {off:#x} in '{section.name}' that is not a "
                                   "function start", self.source_file)
                return q(fn.name) if fn.exported else self._local_adapter(fn)
            base = self.data_globals.get(sec)
            if base is None:
                raise CrtError(f"reference to non-allocated section '{section.name}'", self.source_file)
        if off == 0:
            return base
        return f"getelementptr (i8, ptr {base}, i64 {off})"

    # ------------------------------------------------------------------ indirect jumps
    def indirect_jump(self, lf, v: Val) -> None:
        """Switch over the function's tagged labels; anything else is an indirect tail call."""
        b = lf.b
        fn = lf.fn

        def reachable(va: int) -> bool:
            # A label whose stack depth differs from this jump's is not one of its targets (a
            # tail call through a pointer after the epilogue; see frame.analyse).
            st = lf.before.get(va)
            return st is None or st.rsp is None or lf.st.rsp is None or st.rsp == lf.st.rsp

        labels = [va for va in self.code_labels_in(fn) if reachable(va)]
        for jt in self.tables:
            targets = sorted({(va, t) for _, t in jt.entries
                              if (va := fn.vaddr(jt.code_section, t)) is not None and reachable(va)})
            if not jt.relative or not targets:
                continue
            nxt = b.new_block()
            tbase = self.data_globals[jt.section]
            key = b.sub(v, b.ptrtoint(Val(PTR, f"getelementptr (i8, ptr {tbase}, i64 {jt.start})")))
            cases = " ".join(f"i64 {self.tags[(jt.code_section, t)]}, label %L{va:x}" for va, t in targets)
            b.terminate(f"switch {key}, label %{nxt.label} [ {cases} ]")
            b.position(nxt)
        if labels:
            nxt = b.new_block()
            cases = " ".join(f"i64 {self.tags[fn.real(va)]}, label %L{va:x}" for va in labels)
            b.terminate(f"switch {v}, label %{nxt.label} [ {cases} ]")
            b.position(nxt)
        if lf.st.rsp == 0:
            lf.call_native(b.inttoptr(v), None, tail=True)
        else:
            b.call("void", "@llvm.trap", [])
            b.terminate("unreachable")

    # ------------------------------------------------------------------ data
    def _data_global(self, sec: Section) -> str:
        pieces: list[str] = []
        data = sec.data if not sec.is_nobits else None
        pos = 0
        relocs = sorted(sec.relocs.items())

        def raw(upto: int):
            nonlocal pos
            if upto > pos:
                if data is None:
                    pieces.append(f"[{upto - pos} x i8] zeroinitializer")
                else:
                    chunk = data[pos:upto]
                    if not any(chunk):
                        pieces.append(f"[{len(chunk)} x i8] zeroinitializer")
                    else:
                        pieces.append(f"[{len(chunk)} x i8] c\"" + "".join(
                            chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\{c:02X}" for c in chunk) + "\"")
                pos = upto

        gname = self.data_globals[sec.index]
        for off, r in relocs:
            raw(off)
            pieces.append(self._data_reloc(sec, off, r, gname))
            pos = off + (8 if r.type in (R_X86_64_64, R_PC64, R_DTPOFF64, R_TPOFF64) else 4)
        raw(sec.size)
        if not pieces:
            pieces.append("[0 x i8] zeroinitializer")
        types = ", ".join(p.split(" ", 1)[0] if not p.startswith("[") else p[:p.index("]") + 1]
                          for p in pieces)
        kind = "global" if (sec.flags & SHF_WRITE) or sec.is_tls else "constant"
        tls = "thread_local " if sec.is_tls else ""
        attrs = f", align {min(sec.align, 4096)}"
        std = (".text", ".data", ".rodata", ".bss", ".tdata", ".tbss", ".data.rel.ro", ".sdata")
        if not sec.name.startswith(std) or sec.name.startswith((".init_array", ".fini_array")):
            attrs = f', section "{sec.name}"' + attrs
        return f"{gname} = internal {tls}{kind} <{{ {types} }}> <{{ {', '.join(pieces)} }}>{attrs}"

    def _data_reloc(self, sec: Section, off: int, r: Reloc, gname: str) -> str:
        tsec, toff = self._sym_offset(r.symbol, r.addend)
        is_code = isinstance(tsec, int) and self.obj.sections[tsec].is_code
        if self.mode is I386 and r.type in (R_32, R_GOTOFF):    # GOT-relative == absolute (GOT is 0)
            if is_code and (tsec, toff) not in self.fn_at and (tsec, toff) in self.tags:
                return f"i32 {self.tags[(tsec, toff)]}"
            return f"i32 trunc (i64 ptrtoint (ptr {self._symbol_const(r.symbol, r.addend)} to i64) to i32)"
        if r.type == R_X86_64_64:
            if is_code and (tsec, toff) not in self.fn_at and (tsec, toff) in self.tags:
                return f"i64 {self.tags[(tsec, toff)]}"
            if getattr(self.native, "ILP32", False):   # keep the x86 layout's 8-byte field (abi/arm.py)
                return self.native.data_pointer(self._symbol_const(r.symbol, r.addend))
            return f"ptr {self._symbol_const(r.symbol, r.addend)}"
        if r.type in (R_PC32, R_PLT32):
            for jt in self.tables:
                if jt.section == sec.index and jt.relative:
                    for eoff, t in jt.entries:
                        if eoff == off:
                            return f"i32 {self.tags[(jt.code_section, t)]}"
            target = self._symbol_const(r.symbol, r.addend)
            here = f"getelementptr (i8, ptr {gname}, i64 {off})"
            return f"i32 trunc (i64 sub (i64 ptrtoint (ptr {target} to i64), i64 ptrtoint (ptr {here} to i64)) to i32)"
        if r.type in (R_32, R_32S):
            return f"i32 trunc (i64 ptrtoint (ptr {self._symbol_const(r.symbol, r.addend)} to i64) to i32)"
        if r.type == R_PC64 and not getattr(self.native, "ILP32", False):  # (none on a 32-bit target)
            target = self._symbol_const(r.symbol, r.addend)
            here = f"getelementptr (i8, ptr {gname}, i64 {off})"
            return f"i64 sub (i64 ptrtoint (ptr {target} to i64), i64 ptrtoint (ptr {here} to i64))"
        raise CrtError(f"unsupported data relocation type {r.type} in section '{sec.name}' at offset {off:#x}",
                       self.source_file)

    # ------------------------------------------------------------------ adapters
    def _adapter(self, fn: Function, name: str, linkage: str, n_words: int,
                 ret_hint: ReturnHint | None = None, context_save: bool = False) -> str:
        """Native entry point that calls the lifted body with SysV registers.

        ``ret_hint``: the SysV result registers the function writes itself before ``ret`` and
        whether xmm0 then holds a float (for targets whose result shape depends on them).
        ``context_save``: the adapter of a setjmp-like function, called by its naked entry: it
        returns %eax and the jmp_buf's address (%rdx) in the first two result registers.
        """
        proto = None if context_save else self.prototypes.get(fn.name)
        if proto is not None and not proto.variadic:
            try:
                if (proto.ret.kind == "ldouble") != self.returns_x87(fn):
                    raise CrtError(f"the prototype of '{fn.name}' does not match its code: the code "
                                   f"{'does not return' if self.returns_x87(fn) is False else 'returns'} "
                                   "a value on the x87 stack", self.source_file)
                return bridge.entry_adapter(self.native, proto, name, linkage, self.internal_name(fn), n_words)
            except CrtError:
                if not proto.from_debug_info:
                    raise
                # debug information only refines what the code shows: the universal entry below
        if getattr(self.native, "ILP32", False):       # ARM EABI: its own universal mapping (abi/arm.py)
            return self.native.universal_entry(self, fn, name, linkage, n_words, ret_hint,
                                               self.internal_name(fn), self.returns_x87(fn), context_save)
        params = self.native.entry_params(n_words)
        ps = [f"{t} %p{i}" for i, t in enumerate(params)]
        lines = []
        words = max(1, n_words)
        lines.append(f"  %argp = alloca [{words} x i64], align 16")
        for w in range(n_words):
            src = 6 + w if w < 2 else 16 + (w - 2)
            lines.append(f"  %ap{w} = getelementptr i64, ptr %argp, i64 {w}")
            lines.append(f"  store i64 %p{src}, ptr %ap{w}, align 8")
        args = [f"i64 %p{i}" for i in range(6)] + ["i64 8"]
        for k in range(N_XMM_ARGS):
            lines.append(f"  %xv{k} = insertelement <2 x double> zeroinitializer, double %p{8 + k}, i32 0")
            lines.append(f"  %x{k} = bitcast <2 x double> %xv{k} to {V2I64}")
            args.append(f"{V2I64} %x{k}")
        args.append("ptr %argp")
        lines.append(f"  %r = call {self.internal_ret} {self.internal_name(fn)}({', '.join(args)})")
        if self.returns_x87(fn):
            ret_ty = "fp128"
            lines.append(f"  %st0 = extractvalue {self.internal_ret} %r, 4")
            lines.append("  ret fp128 %st0")
        else:
            ret_ty, sources = self.native.entry_return(ret_hint or ReturnHint())
            if context_save:
                ret_ty, sources = "{ i64, i64 }", ("rax.sext32", "rdx")
            agg = "undef"
            for k, src in enumerate(sources):
                reg, *mods = src.split(".")
                if reg == "rax" and mods:           # sext32 / zext8: extend as the target ABI wants
                    narrow, ext = ("i32", "sext") if "sext32" in mods else ("i8", "zext")
                    lines.append(f"  %w{k} = extractvalue {self.internal_ret} %r, 0")
                    lines.append(f"  %v{k} = trunc i64 %w{k} to {narrow}")
                    lines.append(f"  %e{k} = {ext} {narrow} %v{k} to i64")
                    ety = "i64"
                elif reg in ("rax", "rdx"):
                    lines.append(f"  %e{k} = extractvalue {self.internal_ret} %r, {0 if reg == 'rax' else 1}")
                    ety = "i64"
                elif reg == "zero":
                    lines.append(f"  %e{k} = fadd double 0.0, 0.0")
                    ety = "double"
                else:
                    lines.append(f"  %xr{k} = extractvalue {self.internal_ret} %r, {2 if reg == 'xmm0' else 3}")
                    lines.append(f"  %xl{k} = extractelement {V2I64} %xr{k}, i32 0")
                    val = f"%xl{k}"
                    if "hi" in mods:            # the second float of a packed pair
                        lines.append(f"  %xh{k} = lshr i64 {val}, 32")
                        val = f"%xh{k}"
                    if "box" in mods:           # NaN-box the single (RISC-V)
                        lines.append(f"  %xb{k} = or i64 {val}, -4294967296")
                        val = f"%xb{k}"
                    lines.append(f"  %e{k} = bitcast i64 {val} to double")
                    ety = "double"
                lines.append(f"  %o{k} = insertvalue {ret_ty} {agg}, {ety} %e{k}, {k}")
                agg = f"%o{k}"
            lines.append(f"  ret {ret_ty} {agg}")
        head = f"define {linkage}{ret_ty} {name}({', '.join(ps)})"
        return head + " {\n" + "\n".join(lines) + "\n}"

    @staticmethod
    def _context_adapter(fn: Function) -> str:
        """The entry adapter a setjmp-like function's naked entry calls (lift/context.py)."""
        return q(context.ADAPTER_PREFIX + fn.name)

    def _context_entry(self, fn: Function, defined: set[str]) -> None:
        """The assembly entry of a setjmp-like function under its symbols (lift/context.py); the
        IR declares it for the references it makes (function pointers)."""
        if fn.exported:
            syms = [s for s in fn.symbols if s.bind != "STB_LOCAL"]
            name = syms[0].name
            rows = [(s.name, "weak" if "weak" in self._linkage(s) else "global",
                     {"STV_HIDDEN": "hidden", "STV_PROTECTED": "protected"}.get(s.visibility, ""))
                    for s in syms]
            defined.update(s.name for s in syms)
        else:
            name = self._local_adapter(fn)[2:-1]
            rows = [(name, "local", "")]
        self.appended_assembly[name] = context.naked_entry(self, name, rows, context.ADAPTER_PREFIX + fn.name)
        for sym, _, _ in rows:
            self.asm_functions[sym] = f"declare dso_local void {q(sym)}()"

    def _check_context_saves(self, lifted: dict) -> None:
        """A setjmp-like function works through its naked native entry only: translated code of
        the same object would call its lifted body directly (and without returns_twice)."""
        saves = {name for name, res in lifted.items() if res.context_save}
        for name, res in lifted.items():
            called = saves & ({c for c, _ in res.internal_calls} | res.tail_targets)
            if called:
                raise CrtError(f"'{name}' calls '{sorted(called)[0]}', which saves the machine context as "
                               "setjmp does, in the same object: translate them as separate objects "
                               "(the call then goes through the native entry, docs/abi.md)", self.source_file)

    @staticmethod
    def _share_tail_arguments(lifted: dict) -> None:
        """A tail call hands the callee this function's own argument area (`jmp g` in
        ``int f(int a, int b) { return g(a, b); }``): the words the callee reads must be copied
        in at entry, and native callers must pass them (a fixpoint over tail-call chains)."""
        changed = True
        while changed:
            changed = False
            for res in lifted.values():
                for name in res.tail_targets:
                    callee = lifted.get(name)
                    if callee is not None and callee.n_stack_words > res.n_stack_words:
                        res.n_stack_words = callee.n_stack_words
                        if len(callee.arg_kinds) >= len(res.arg_kinds):
                            res.arg_kinds = list(callee.arg_kinds)
                        changed = True

    def _i386_adapters(self, lifted: dict, defined: set[str]) -> list[str]:
        """Native (AAPCS32) entry points of i386 functions: exported ones under their names,
        the others as internal adapters whose addresses function pointers hold."""
        out = []
        for fn in self.functions:
            res = lifted[fn.name]
            if res.context_save:
                out.append(i386abi.entry_adapter(self, fn, self._context_adapter(fn), "internal ",
                                                 res.n_stack_words, res))
                self._context_entry(fn, defined)
            elif fn.exported:
                primary = fn.symbols[0]
                out.append(i386abi.entry_adapter(self, fn, q(fn.name), self._linkage(primary),
                                                 res.n_stack_words, res))
                defined.add(fn.name)
                for alias in fn.symbols[1:]:
                    if alias.bind != "STB_LOCAL":
                        out.append(f"{q(alias.name)} = {self._linkage(alias)}alias i8, ptr {q(fn.name)}")
                        defined.add(alias.name)
            else:
                out.append(i386abi.entry_adapter(self, fn, self._local_adapter(fn), "internal ",
                                                 res.n_stack_words, res))
        return out

    def _linkage(self, sym: Symbol) -> str:
        vis = {"STV_HIDDEN": "hidden ", "STV_PROTECTED": "protected "}.get(sym.visibility, "")
        if sym.bind == "STB_LOCAL":
            return "internal "
        in_group = isinstance(sym.shndx, int) and bool(self.obj.sections[sym.shndx].flags & SHF_GROUP)
        if sym.bind == "STB_WEAK" or in_group:
            # a COMDAT member (i386's __x86.get_pc_thunk.REG in every PIC object, C++ inline
            # functions) is defined by many objects: the linker keeps one
            return "weak " + vis
        return vis

    # ------------------------------------------------------------------ assembly of the module
    def build(self) -> str:
        self.prepare()
        bodies: list[str] = []
        intrinsics: dict[str, str] = {}
        lifted = {}
        for fn in self.functions:
            lf = FunctionLifter(self, fn)
            try:
                res = lf.lift()
            except flagflow.FlagLivenessMiss as miss:
                if os.environ.get("CRT_DEBUG_FLAGS"):
                    print(f"crt-cc: flag liveness miss in {fn.name} at '{miss.args[0]}'", file=sys.stderr)
                lf = FunctionLifter(self, fn, flag_liveness=False)
                res = lf.lift()
            lifted[fn.name] = res
            intrinsics.update(lf.b.intrinsics)
        self._share_tail_arguments(lifted)
        self._check_context_saves(lifted)
        for fn in self.functions:
            res = lifted[fn.name]
            finish_frame(res, self.mode.word, lifted)
            bodies.append(res.text)
            self.options.report.append({"function": fn.name, "engine": "lift", "verified": "by construction",
                                        "stack_words": res.n_stack_words, "variadic": res.variadic})
        out: list[str] = []
        for sec_index in self.data_globals:
            out.append(self._data_global(self.obj.sections[sec_index]))
        for name, value in getattr(self, "_got_entries", {}).items():
            init = f"<{{ ptr, i32 }}> <{{ ptr {value}, i32 0 }}>" if self.native is not None and self.native.ILP32 else f"ptr {value}"
            out.append(f"{q(name)} = private unnamed_addr constant {init}, align 8")   # 8-byte slot
        defined = set()
        for sym in self.obj.symbols:
            if not sym.name or sym.type in ("STT_SECTION", "STT_FILE"):
                continue
            if sym.shndx == "SHN_COMMON":
                out.append(f"{q(sym.name)} = common global [{max(sym.size, 1)} x i8] zeroinitializer, "
                           f"align {max(1, min(sym.value, 4096))}")
                defined.add(sym.name)
            elif sym.defined and sym.bind != "STB_LOCAL" and sym.shndx in self.data_globals:
                size = max(sym.size, 1)
                tls = "thread_local " if self.obj.sections[sym.shndx].is_tls else ""
                gep = f"getelementptr (i8, ptr {self.data_globals[sym.shndx]}, i64 {sym.value})"
                out.append(f"{q(sym.name)} = {self._linkage(sym)}{tls}alias [{size} x i8], ptr {gep}")
                defined.add(sym.name)
        if getattr(self.native, "ILP32", False):    # shared data must mean the same to both sides
            self.native.check_shared_data(self.prototypes, defined | {
                n for n, k in self.externals.items() if k in ("data", "tls")}, self.source_file)
        used = [self._context_adapter(fn) for fn in self.functions if lifted[fn.name].context_save]
        for sec_index, g in self.data_globals.items():
            name = self.obj.sections[sec_index].name
            if name.startswith((".init_array", ".fini_array", ".preinit_array", ".ctors", ".dtors")) \
                    or not name.startswith((".data", ".rodata", ".bss", ".tdata", ".tbss")):
                used.append(g)
        propagate_int32({name: res.ret_hint for name, res in lifted.items()})
        out.extend(self._i386_adapters(lifted, defined) if self.mode is I386 else [])
        for fn in self.functions if self.mode is X86_64 else ():
            res = lifted[fn.name]
            words = res.n_stack_words
            primary = fn.symbols[0]
            if res.context_save:
                out.append(self._adapter(fn, self._context_adapter(fn), "internal ", words, res.ret_hint,
                                         context_save=True))
                self._context_entry(fn, defined)
            elif fn.exported:
                out.append(self._adapter(fn, q(fn.name), self._linkage(primary), words, res.ret_hint))
                if fn.name in self.prototypes and self.prototypes[fn.name].variadic \
                        and not self.prototypes[fn.name].from_debug_info:
                    warn_once = f"'{fn.name}' is variadic: its entry uses the universal mapping (docs/abi.md)"
                    self.options.warnings.append(warn_once)
                defined.add(fn.name)
                for alias in fn.symbols[1:]:
                    if alias.bind != "STB_LOCAL":
                        out.append(f"{q(alias.name)} = {self._linkage(alias)}alias i8, ptr {q(fn.name)}")
                        defined.add(alias.name)
            else:
                out.append(self._adapter(fn, self._local_adapter(fn), "internal ", words, res.ret_hint))
        for fn in self.functions:
            if fn.exported and self.calls_maybe_translated(fn.name) and not lifted[fn.name].context_save:
                out.append(self._cross_object_entry(fn))
        out.extend(bodies)
        out.extend(self.asm_functions.values())
        out.extend(self.ir_helpers.values())
        for name in sorted(self.cross_object_refs):
            out.append(f"declare extern_weak void {self.cross_object_symbol(name)}(ptr)")
        for name, kind in sorted(self.externals.items()):
            if name in defined:
                continue
            weak = "extern_weak " if name in self.weak_undef else ""
            if kind == "func":
                attrs = " #0" if name in RETURNS_TWICE else (" #1" if name in NORETURN else "")
                if self.mode is I386:     # calls give their own (typed) function types
                    out.append(f"declare {weak}i64 {q(name)}(...){attrs}")
                elif name in self.typed_externals:
                    out.append(bridge.declaration(self.native, self.typed_externals[name], q(name), weak, attrs))
                else:
                    ret = self.native.universal_return(set())[0]
                    out.append(f"declare {weak}{ret} {q(name)}(...){attrs}")
            else:
                tls = "thread_local " if kind == "tls" else ""
                out.append(f"{q(name)} = {weak or 'external '}{tls}global i8")
        if i386abi.VA_HELPER in self.helpers:
            text, needs = i386abi.va_helper_ir()
            out.append(text)
            intrinsics.update(needs)
            if "parse_printf_format" not in self.externals:
                out.append("declare i32 @parse_printf_format(ptr, i32, ptr)")
        if self.native is not None and self.native.VA_HELPER and self.native.VA_HELPER in self.helpers:
            out.append(self.native.VA_HELPER_IR)
            if "parse_printf_format" not in self.externals:
                out.append("declare i64 @parse_printf_format(ptr, i64, ptr)")
        if "div_trap" in self.helpers:
            out.append(
                "define internal void @__crt_div_trap() noinline noreturn {\n"
                f"  call void (i64) {q('raise')}(i64 8)\n"
                f"  call void () {q('abort')}()\n"
                "  unreachable\n}")
        intrinsics.update(self.adapter_intrinsics)
        out.extend(intrinsics.values())
        if used:
            out.append(f"@llvm.used = appending global [{len(used)} x ptr] [{', '.join('ptr ' + u for u in used)}], "
                       'section "llvm.metadata"')
        out.append("attributes #0 = { returns_twice }")
        out.append("attributes #1 = { noreturn }")
        return "\n\n".join(out) + "\n"


def lift_object(obj_path: str, target, options) -> tuple[str, str]:
    """x86 relocatable object -> textual LLVM IR module for ``target``, and target assembly to
    append to LLVM's output of it (lift/context.py)."""
    obj = read_object(obj_path, options.source_file)
    if obj.machine == EM_386:
        if target.bits != 32:
            raise CrtError(f"translating i386 code for '{target.triple}' is not supported: its pointers are "
                           "32-bit (translate i386 code for arm-linux-gnueabi, or x86-64 code for "
                           f"{target.triple})", options.source_file)
        for sec in obj.sections:
            for r in sec.relocs.values():
                r.type = I386_RELOCS.get(r.type, I386_UNKNOWN + r.type)
    lifter = ModuleLifter(obj, target, options)
    body = lifter.build()
    return f'target triple = "{target.llvm_triple}"\n\n' + body, "".join(lifter.appended_assembly.values())


def _unused():
    return (F64, const, vec)
