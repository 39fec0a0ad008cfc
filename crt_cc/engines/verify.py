"""Verification of model translations against the lift engine's translation.

A model's translation of a function is used only when all three checks pass:

1. **assembles**: the target assembler accepts it on its own and spliced into
   the lifted file (the model's definition replaces the lifted one there);
2. **symbols**: it defines the function's symbol, global, in a code section,
   and no other global symbol;
3. **behaviour**: linked with a generated harness (:mod:`.harness`), it gives
   the same results as the lift engine's translation -- the oracle -- on every
   conclusive generated input: compared result bits, callee-saved registers,
   stack pointer, the memory reachable from pointer arguments, the object's
   global variables, and everything the function prints.  Programs run under
   qemu-user.  Inputs on which the oracle times out are inconclusive; at
   least one input must be conclusive.

Layout matters for the comparison: a function that stores the address of a
global must store the same number in both programs.  The candidate's own code
and data are therefore linked at fixed far addresses (``MODEL_TEXT`` /
``MODEL_DATA``) and the oracle gets dummy sections there too, so that every
lifted function and variable has the same address in both programs.  The
final output uses the model's text unchanged; only section placement differs
from what was tested.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field

from ..diagnostics import CrtError
from ..model import asmtext
from . import harness
from .signature import Signature

_RUN_SLACK = 20.0


@dataclass
class Verdict:
    """The outcome of verifying one candidate."""

    passed: bool
    stage: str                  # assemble | symbols | harness | execution | unavailable | passed
    detail: str = ""
    inputs: int = 0             # conclusive inputs compared
    piece: str = ""             # what was tested and is to be emitted: the piece plus its aliases

    def record(self) -> dict[str, object]:
        rec: dict[str, object] = {"result": "passed" if self.passed else "rejected", "stage": self.stage}
        if self.detail:
            rec["detail"] = self.detail
        if self.inputs:
            rec["inputs"] = self.inputs
        return rec


@dataclass
class _Prepared:
    """Per-object state built once: oracle program, harness object, signatures."""

    index: dict[str, int] = field(default_factory=dict)
    signatures: dict[str, Signature] = field(default_factory=dict)
    harness_obj: str = ""
    tramp_obj: str = ""
    oracle_exe: str = ""
    problem: str = ""


def _run(cmd: list[str], timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, errors="replace", **kw)
    except FileNotFoundError:
        raise CrtError(f"cannot run '{cmd[0]}' (is the target toolchain installed? 'make setup')") from None


def _first_errors(text: str, limit: int = 3) -> str:
    lines = [ln.split(": ", 1)[-1] if ".s:" in ln else ln for ln in text.splitlines()
             if ln.strip() and not ln.endswith("Assembler messages:")]
    return "; ".join(lines[:limit])


def verification_layout(piece: str) -> str:
    """``piece`` with its sections renamed to the far-away candidate sections (see module docstring)."""
    out = []
    for line in piece.splitlines():
        s = line.strip()
        if re.match(r"^\.(text\b|section\s+\.text\b|section\s+\"\.text)", s):
            out.append('\t.section\t.crt_model_text,"ax",%progbits')
        elif re.match(r"^\.(data|bss|rodata)\b|^\.section\b|^\.pushsection\b", s) and ".note.GNU-stack" not in s:
            push = s.startswith(".pushsection")
            out.append(f'\t.{"pushsection" if push else "section"}\t.crt_model_data,"aw",%progbits')
        else:
            out.append(line)
    return "\n".join(out) + "\n"


_ALLOWED_SECTION = re.compile(r"^\.(text|rodata|data|bss|sdata|sbss|srodata)\b|^\.note\.GNU-stack$")
_SECTION_NAME = re.compile(r"^\s*\.(?:section|pushsection)\s+\"?([^\s\",]+)")
_FORBIDDEN = re.compile(r"^\s*\.(include|incbin|symver|init_array|fini_array|ctors|dtors)\b")


def directive_problem(piece: str) -> str:
    """Directives a replacement function may not use ('' when there are none).

    Verification tests the function, not the file around it: code reached
    through ``.init_array`` or bytes pulled in with ``.incbin`` would escape
    the comparison (the test layout moves every section of the piece), and
    thread-local data would need a layout of its own.  Functions need none of it.
    """
    for line in piece.splitlines():
        m = _FORBIDDEN.match(line)
        if m:
            return f"it uses '.{m.group(1)}'"
        m = _SECTION_NAME.match(line)
        if m and not _ALLOWED_SECTION.match(m.group(1)):
            return f"it places something in section '{m.group(1)}' (only .text, .rodata, .data and .bss)"
    return ""


#: Both programs get both far sections (same program headers, hence the same layout elsewhere).
_DUMMY_SECTIONS = ('\t.section\t.crt_model_text,"ax",%progbits\n\tnop\n'
                   '\t.section\t.crt_model_data,"aw",%progbits\n\t.byte\t0\n')


class Verifier:
    """Verifies candidates for the functions of one x86 object against its lifted translation."""

    def __init__(self, target, lift_text: str, obj, functions, lift_records: dict[str, dict],
                 module_lifter, workdir: str, vectors: int = 16):
        self.target = target
        self.lift_text = lift_text
        self.obj = obj
        self.functions = {fn.name: fn for fn in functions}
        self.lift_records = lift_records
        self.ml = module_lifter
        self.workdir = workdir
        self.vectors = vectors
        self.regs = harness.target_regs(target.triple)
        self._prep: _Prepared | None = None
        self._count = 0

    # -- tools ------------------------------------------------------------------------------

    def _path(self, name: str) -> str:
        self._count += 1
        return os.path.join(self.workdir, f"v{self._count}-{name}")

    def assemble(self, text: str, name: str) -> tuple[str | None, str]:
        """(object path, '') or (None, the assembler's first errors)."""
        src = self._path(name + ".s")
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        out = src[:-2] + ".o"
        proc = _run([self.target.tool("as"), "-o", out, src])
        if proc.returncode != 0:
            return None, _first_errors(proc.stderr) or "the assembler failed"
        return out, ""

    def _rename_main(self, obj: str) -> None:
        if "main" in self.functions:
            _run([self.target.tool("objcopy"), "--redefine-sym", "main=crt_obj_main", obj])

    def _link(self, obj: str, name: str) -> tuple[str | None, str]:
        p = self._prepare()
        exe = self._path(name)
        cmd = [self.target.tool("gcc"), "-no-pie", "-o", exe, p.harness_obj, p.tramp_obj, obj,
               f"-Wl,--section-start=.crt_model_text={harness.MODEL_TEXT:#x}",
               f"-Wl,--section-start=.crt_model_data={harness.MODEL_DATA:#x}",
               "-Wl,--unresolved-symbols=ignore-all", "-lm", *self.target.runtime_libs]
        if self.target.triple.startswith("riscv"):
            # Relaxation sizes code by the distance to its targets, and the candidate's function is
            # far away: without this the two programs' layouts (and stored addresses) would differ.
            cmd.insert(1, "-Wl,--no-relax")
        proc = _run(cmd)
        if proc.returncode != 0:
            return None, _first_errors(proc.stderr)
        return exe, ""

    def _execute(self, exe: str, index: int, count: int) -> tuple[int, str]:
        cmd = [self.target.qemu, "-L", self.target.sysroot, exe, str(index)]
        limit = count * harness.CALL_SECONDS + _RUN_SLACK
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=limit, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            return -1, (exc.stdout or b"").decode("utf-8", "replace") + "\n@@killed: time limit\n"
        except FileNotFoundError:
            raise CrtError(f"cannot run '{cmd[0]}' (install qemu-user: 'make setup')") from None
        return proc.returncode, proc.stdout.decode("utf-8", "replace")

    # -- per object -------------------------------------------------------------------------

    def candidates(self) -> dict[str, Signature]:
        return self._prepare().signatures

    def _prepare(self) -> _Prepared:
        if self._prep is not None:
            return self._prep
        p = self._prep = _Prepared()
        if self.regs is None:
            p.problem = f"differential execution is not available for {self.target.triple} yet"
            return p
        from . import signature

        protos = signature.dwarf_prototypes(self.obj.path)
        for pname, proto in getattr(self.ml, "prototypes", {}).items():   # --crt-prototypes wins
            protos[pname] = signature.from_prototype(proto)
        entries = []
        for name, fn in self.functions.items():
            rec = self.lift_records.get(name, {})
            if not fn.exported:
                continue
            try:
                sig = signature.recover(self.ml, fn, int(rec.get("stack_words", 0) or 0),
                                        bool(rec.get("variadic", False)), protos.get(name))
            except CrtError as exc:
                p.signatures[name] = Signature(name, variadic=True)
                p.problem = str(exc)
                continue
            p.signatures[name] = sig
            p.index[name] = len(entries)
            symbol = "crt_obj_main" if name == "main" else name
            entries.append((symbol, sig, harness.vectors(sig, self.vectors, _seed(name))))
        data = []
        for s in self.obj.symbols:
            if s.defined and s.bind != "STB_LOCAL" and s.type in ("STT_OBJECT", "STT_NOTYPE") and s.size > 0 \
                    and isinstance(s.shndx, int) and not self.obj.sections[s.shndx].is_code \
                    and not self.obj.sections[s.shndx].is_tls:
                data.append((s.name, s.size))
        src = self._path("harness.c")
        with open(src, "w", encoding="utf-8") as f:
            f.write(harness.harness_source(entries, data, self.regs))
        p.harness_obj = src[:-2] + ".o"
        proc = _run([self.target.tool("gcc"), "-O1", "-w", "-fno-pie", "-c", "-o", p.harness_obj, src])
        if proc.returncode != 0:
            p.problem = f"the harness does not compile: {_first_errors(proc.stderr)}"
            return p
        tramp, err = self.assemble(self.regs.trampoline, "trampoline")
        if tramp is None:
            p.problem = f"the trampoline does not assemble: {err}"
            return p
        p.tramp_obj = tramp
        oracle, err = self.assemble(self.lift_text + _DUMMY_SECTIONS, "oracle")
        if oracle is None:
            p.problem = f"the lifted translation does not assemble: {err}"
            return p
        self._rename_main(oracle)
        exe, err = self._link(oracle, "oracle")
        if exe is None:
            p.problem = f"the harness does not link with the lifted translation: {err}"
            return p
        p.oracle_exe = exe
        return p

    # -- per candidate ------------------------------------------------------------------------

    def verify(self, name: str, piece: str) -> Verdict:
        """Check a sanitized model translation ``piece`` of function ``name``."""
        fn = self.functions.get(name)
        if fn is None or not fn.exported:
            return Verdict(False, "unavailable", "only global functions can be replaced")
        problem = directive_problem(piece)
        if problem:
            return Verdict(False, "directives", problem)
        alone, err = self.assemble(piece, f"{_safe(name)}.piece")
        if alone is None:
            return Verdict(False, "assemble", err)
        problem, locals_ = self._symbol_problem(alone, name)
        if problem:
            return Verdict(False, "symbols", problem)
        aliases, missing = self._aliases(locals_)
        if missing:
            return Verdict(False, "symbols", f"it refers to {', '.join(repr(n) for n in missing[:4])}, local "
                           "to the object and not kept by the lifted translation")
        piece += aliases
        detached = asmtext.detach_definition(self.lift_text, name, f".Lcrt_lifted.{self._count}")
        if detached is None:
            return Verdict(False, "unavailable", "the lifted translation has no definition to replace")
        spliced = detached + asmtext.strip_binding(verification_layout(piece), name) + _DUMMY_SECTIONS
        cand, err = self.assemble(spliced, f"{_safe(name)}.candidate")
        if cand is None:
            return Verdict(False, "assemble", f"in the lifted file: {err}")
        p = self._prepare()
        if p.problem and not p.oracle_exe:
            return Verdict(False, "unavailable", p.problem)
        sig = p.signatures.get(name)
        if sig is None or name not in p.index:
            return Verdict(False, "unavailable", p.problem or "no harness entry for this function")
        if sig.variadic:
            return Verdict(False, "unavailable", "variadic functions cannot be tested by the harness")
        self._rename_main(cand)
        exe, err = self._link(cand, f"{_safe(name)}.candidate")
        if exe is None:
            return Verdict(False, "harness", f"does not link: {err}")
        count = len(harness.vectors(sig, self.vectors, _seed(name)))
        rc_o, out_o = self._execute(p.oracle_exe, p.index[name], count)
        rc_c, out_c = self._execute(exe, p.index[name], count)
        verdict = compare(out_o, rc_o, out_c, rc_c)
        verdict.piece = piece
        return verdict

    def _symbol_problem(self, obj_path: str, name: str) -> tuple[str, list[str]]:
        """(what is wrong with the piece's symbols or '', the object-local symbols it refers to)."""
        from elftools.elf.elffile import ELFFile
        from elftools.elf.sections import SymbolTableSection

        with open(obj_path, "rb") as fh:
            elf = ELFFile(fh)
            symtab = elf.get_section_by_name(".symtab")
            defined: dict[str, tuple[str, bool]] = {}
            undefined: set[str] = set()
            if isinstance(symtab, SymbolTableSection):
                for s in symtab.iter_symbols():
                    shndx = s["st_shndx"]
                    if s.name and shndx == "SHN_UNDEF":
                        undefined.add(s.name)
                    if s.name and shndx == "SHN_COMMON":     # .comm: a global variable definition
                        defined[s.name] = (s["st_info"]["bind"], False)
                    if not s.name or not isinstance(shndx, int):
                        continue
                    code = bool(elf.get_section(shndx)["sh_flags"] & 0x4)
                    defined[s.name] = (s["st_info"]["bind"], code)
        if name not in defined:
            return f"it does not define '{name}'", []
        bind, code = defined[name]
        if bind == "STB_LOCAL":
            return f"'{name}' is not global", []
        if not code:
            return f"'{name}' is not in a code section", []
        extra = sorted(n for n, (b, _) in defined.items() if b != "STB_LOCAL" and n != name)
        if extra:
            return f"it also defines {', '.join(repr(n) for n in extra[:4])}", []
        return "", sorted(n for n in undefined if n in self._local_symbols)

    @property
    def _local_symbols(self) -> dict[str, list]:
        out: dict[str, list] = {}
        for s in self.obj.symbols:
            if s.bind == "STB_LOCAL" and s.name and s.defined and s.type not in ("STT_SECTION", "STT_FILE") \
                    and not s.name.startswith(".L"):
                out.setdefault(s.name, []).append(s)
        return out

    def _aliases(self, names: list[str]) -> tuple[str, list[str]]:
        """``.set`` lines giving object-local symbols their place in the lifted translation.

        The lift engine keeps each data section as one global (``sec.<index><name>``)
        with the x86 layout, so ``static int x`` at .bss+8 is that global + 8; a
        local function is reachable through its native entry point when the
        lifted translation kept one.  Returns (lines, symbols with no place).
        """
        lines, missing = [], []
        for n in names:
            syms = self._local_symbols[n]
            sym = syms[0]
            sec = self.obj.sections[sym.shndx] if len(syms) == 1 and isinstance(sym.shndx, int) else None
            if sec is None:
                missing.append(n)
                continue
            if sec.is_code:
                fn = self.ml.fn_at.get((sym.shndx, sym.value))
                base, off = (f"{fn.name}.local.{fn.section.index}.{fn.start:x}", 0) if fn else ("", 0)
            else:
                base, off = f"sec.{sec.index}{sec.name}", sym.value
            label = _defined_as(self.lift_text, base) if base else None
            if label is None:
                missing.append(n)
                continue
            lines.append(f'\t.set\t{n}, "{label}"+{off}\n')
        return "".join(lines), missing


def _defined_as(text: str, symbol: str) -> str | None:
    """How assembly ``text`` names its definition of ``symbol`` (a label or local common), if any.

    LLVM may uniquify an internal global's name with a ``.<n>`` suffix; one such
    variant is accepted when the exact name is not defined.
    """
    found = set()
    for m in re.finditer(r'^\s*(?:\.l?comm\s+)?"?([^":,\s]+)"?\s*(?::|,)', text, re.M):
        if m.group(1) == symbol or re.fullmatch(re.escape(symbol) + r"\.\d+", m.group(1)):
            found.add(m.group(1))
    if symbol in found:
        return symbol
    return found.pop() if len(found) == 1 else None


def verifier_for_object(obj_path: str, target, workdir: str, source_file: str | None = None,
                        vectors: int = 16) -> Verifier:
    """A verifier for the functions of an x86 object file (lifts it; CrtError when it cannot)."""
    from ..frontend.elfobj import read_object
    from ..lift.module import ModuleLifter
    from . import lift

    opts = lift.TranslateOptions(source_file=source_file or obj_path)
    text = lift.translate_object(obj_path, target, opts)
    obj = read_object(obj_path, source_file)
    ml = ModuleLifter(obj, target, lift.TranslateOptions(source_file=source_file or obj_path))
    ml.prepare()
    records = {str(r.get("function")): dict(r) for r in opts.report}
    return Verifier(target, text, obj, ml.functions, records, ml, workdir, vectors)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]", "_", name)[:40]


def _seed(name: str) -> int:
    import hashlib
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")


def _segments(text: str) -> tuple[dict[int, str], str]:
    """Per input: what the program printed from ``@@call i`` to its ``@@end i`` line; and the rest."""
    segs: dict[int, str] = {}
    rest: list[str] = []
    current: int | None = None
    buf: list[str] = []
    for line in text.splitlines():
        m = re.match(r"^@@call (\d+)$", line)
        if m:
            current, buf = int(m.group(1)), []
            continue
        if current is None:
            rest.append(line)
            continue
        buf.append(line)
        if re.match(rf"^@@end {current} ", line):
            segs[current] = "\n".join(buf)
            current = None
    if current is not None:
        segs[current] = "\n".join(buf) + "\n@@unfinished"
    return segs, "\n".join(rest)


def compare(oracle: str, rc_oracle: int, candidate: str, rc_candidate: int) -> Verdict:
    """Compare two harness outputs (see the module docstring for what counts)."""
    seg_o, rest_o = _segments(oracle)
    seg_c, rest_c = _segments(candidate)
    if "@@harness" in oracle:
        return Verdict(False, "unavailable", oracle.strip().splitlines()[-1])
    conclusive = 0
    for i in sorted(seg_o):
        expected = seg_o[i]
        if expected.endswith(" signal 14") or "@@killed" in expected:
            continue           # the oracle timed out on this input: inconclusive
        got = seg_c.get(i)
        if got != expected:
            return Verdict(False, "execution", f"input {i}: lifted: {_tail(expected)}; model: {_tail(got)}",
                           conclusive)
        conclusive += 1
    killed = "@@killed" in oracle
    if not killed and (rest_o != rest_c or rc_oracle != rc_candidate):
        return Verdict(False, "execution", f"program output or exit status differs (lifted: {rc_oracle}, "
                       f"model: {rc_candidate})", conclusive)
    if conclusive == 0:
        return Verdict(False, "execution", "inconclusive: the lifted translation gave no comparable result "
                       "(it timed out on every input)")
    return Verdict(True, "passed", "", conclusive)


def _tail(segment: str | None) -> str:
    if segment is None:
        return "no result (the program stopped)"
    lines = segment.splitlines()
    text = lines[-1] if lines else ""
    if len(lines) > 1:
        text = f"printed {len(lines) - 1} line(s); " + text
    return text[:300]
