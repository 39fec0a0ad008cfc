"""Runs a build plan: host cpp/cc/as, translation, target as/gcc; temp files; diagnostics.

The driver (``crt_cc.driver``) turns a gcc/as command line into a :class:`Plan`;
this module only executes it and never looks at a command line.  Keeping the
two apart means every decision about *what* to do (output names, dependency
targets, which flags reach which tool) is made once, up front, where it can be
validated and reported before any process runs.

Guarantees the rest of the project (and users' builds) rely on:

* Every output goes to a temporary name next to its destination and is renamed
  into place only when the job producing it succeeded, so a failed or
  interrupted build never leaves a truncated object/executable/deps file that
  make would treat as up to date.
* Intermediates live in one :class:`tempfile.TemporaryDirectory` per run, so
  parallel ``make -j`` invocations never share files.
* Diagnostics are compiler-style (``file:line: error: message``); GNU as
  messages about x86 input are rewritten into that form.
* Heavy imports (llvmlite, capstone) happen only inside the translation engine,
  which is imported lazily when a job actually translates something -- a
  translation cache hit (:mod:`crt_cc.cache`) never imports it.
"""

from __future__ import annotations

import enum
import json
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import __version__
from .diagnostics import CrtError, warn
from .toolchain.targets import TARGETS, Target, host_tool

TYPE_CHECKING = False     # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from . import cache as crt_cache  # imported where used: native-only builds never need it
    from .embed.audit import TranslationAudit
    from .model.examples import ExampleStore

# ---------------------------------------------------------------------------
# The plan (built by crt_cc.driver.options, executed here)
# ---------------------------------------------------------------------------

#: Source ISAs the translator can handle today.  The driver rejects the others
#: with a clear "not yet supported" diagnostic; extend this tuple when the lifter
#: grows i386 / riscv64 front ends.
SUPPORTED_SOURCE_ISAS: tuple[str, ...] = ("x86_64", "i386", "riscv64")

#: Engines the driver accepts for --crt-engine (model/auto: crt_cc/engines/model.py, docs/model.md).
SUPPORTED_ENGINES: tuple[str, ...] = ("lift", "model", "auto")

#: ELF e_machine values.
EM_386 = 3
EM_ARM = 40
EM_X86_64 = 62
EM_AARCH64 = 183
EM_RISCV = 243

#: e_machine -> source ISA name for objects crt-cc translates.
TRANSLATABLE_MACHINES: dict[int, str] = {EM_X86_64: "x86_64", EM_386: "i386", EM_RISCV: "riscv64"}

#: riscv64-linux-gnu-as -march for RISC-V64 sources: RV64GC and the extensions binutils 2.40 knows,
#: so that instructions outside RV64GC reach the lifter's "unsupported instruction" diagnostic.
RISCV_ASM_MARCH = "rv64gcv_zba_zbb_zbc_zbs_zfh_zicbom_zicboz"

#: Target triple -> e_machine of its native objects.
TARGET_MACHINE: dict[str, int] = {
    "aarch64-linux-gnu": EM_AARCH64,
    "riscv64-linux-gnu": EM_RISCV,
    "arm-linux-gnueabi": EM_ARM,
}


class Stage(enum.Enum):
    """Where a compilation stops (gcc's -E / -S / -c / link, plus -fsyntax-only)."""

    PREPROCESS = "E"
    ASSEMBLY = "S"
    OBJECT = "c"
    LINK = "link"
    SYNTAX = "syntax-only"


class Route(enum.Enum):
    """How one input becomes target code."""

    NATIVE = "native"            # C (or another gcc language): target cross gcc
    VIA_HOST = "via-host"        # C via the source ISA's compiler (-S), then translated
    ASM = "asm"                  # source-ISA assembly: host as, then translated
    ASM_CPP = "asm-cpp"          # .S: host preprocessor, host as, then translated
    FOREIGN_OBJECT = "object"    # x86 relocatable object: translated, then target as
    FOREIGN_ARCHIVE = "archive"  # .a with x86 members: members translated, archive rebuilt


@dataclass
class SourceInput:
    """One input file as the user named it."""

    path: str                 # path to open ('-' means stdin)
    lang: str                 # gcc -x language ('c', 'assembler', ...) or 'object'
    display: str = ""         # name used in diagnostics (defaults to path; '<stdin>' for '-')

    def __post_init__(self) -> None:
        if not self.display:
            self.display = "<stdin>" if self.path == "-" else self.path


@dataclass
class DepRequest:
    """A make dependency rule to produce for one input (-M/-MM/-MD/-MMD family).

    ``file`` is the final path of the rule (None: standard output, only for
    -M/-MM).  ``targets`` are (option, text) pairs: '-MT' text is used verbatim,
    '-MQ' text is make-quoted, exactly as gcc treats them.
    """

    file: str | None
    targets: list[tuple[str, str]]
    system: bool = True       # -M/-MD (list system headers) vs -MM/-MMD
    only: bool = False        # -M/-MM: the rule *instead of* preprocessed output
    phony: bool = False       # -MP
    missing_ok: bool = False  # -MG


@dataclass
class Job:
    """One input's journey to its stopping stage."""

    input: SourceInput
    route: Route
    stage: Stage
    output: str | None        # final path; '-' = stdout; None = temporary (feeds the link)
    source_isa: str = "x86_64"
    deps: DepRequest | None = None
    more_inputs: list[SourceInput] = field(default_factory=list)   # crt-as concatenates inputs
    # -dumpdir/-dumpbase for gcc: auxiliary outputs (.gcno, .su, -save-temps, LTO) are named
    # after the final output, not after the temporary name the object is first written to.
    aux_args: list[str] = field(default_factory=list)


@dataclass
class LinkItem:
    """One positional element of the link line, in command-line order."""

    job: int | None = None            # index into Plan.jobs whose object goes here
    args: list[str] = field(default_factory=list)   # a native object / archive path, -lfoo, -Wl,...


@dataclass
class LinkStep:
    output: str
    items: list[LinkItem]


@dataclass
class ToolArgs:
    """Arguments each tool gets, already filtered by the driver (order preserved)."""

    native_cc: list[str] = field(default_factory=list)   # target gcc: C compile / -E (cpp + codegen)
    host_cc: list[str] = field(default_factory=list)     # source-ISA gcc: --crt-via-x86 and .S cpp
    host_as: list[str] = field(default_factory=list)     # host as: -I dirs, -Wa,/-Xassembler, --defsym...
    link: list[str] = field(default_factory=list)        # target gcc link (non-positional options)
    add_debug_line_info: bool = True   # host as -g for .s without .loc (lifter maps addresses to lines)


@dataclass
class CrtSettings:
    """The --crt-* options, as the pipeline needs them."""

    engine: str = "lift"
    model_dir: str | None = None
    prototypes: str | None = None
    report: str | None = None
    opt_level: int = 2
    keep_temps: bool = False
    exact_nan: bool = False    # --crt-exact-nan
    audit_against: list[str] = field(default_factory=list)   # --crt-audit-against (crt_cc/embed/audit.py)
    model_examples: int | None = None    # --crt-model-examples (None: the model settings decide)


@dataclass
class Plan:
    """Everything one crt-cc / crt-as invocation will do."""

    jobs: list[Job]
    link: LinkStep | None = None
    tools: ToolArgs = field(default_factory=ToolArgs)
    crt: CrtSettings = field(default_factory=CrtSettings)
    verbose: bool = False     # -v: echo commands, pass -v to gcc
    dry_run: bool = False     # -###: echo commands, run nothing
    no_warnings: bool = False  # -w
    warnings: list[str] = field(default_factory=list)   # driver warnings, printed before running
    prog: str = "crt-cc"


# ---------------------------------------------------------------------------
# Small readers the driver uses to route object inputs
# ---------------------------------------------------------------------------


def elf_header(path: str) -> tuple[int, int] | None:
    """(e_machine, e_type) of an ELF file, or None when it is not ELF."""
    try:
        with open(path, "rb") as f:
            head = f.read(20)
    except OSError:
        return None
    return _elf_header_bytes(head)


def _elf_header_bytes(head: bytes) -> tuple[int, int] | None:
    if len(head) < 20 or head[:4] != b"\x7fELF":
        return None
    endian = "<" if head[5] == 1 else ">"
    e_type, e_machine = struct.unpack_from(endian + "HH", head, 16)
    return e_machine, e_type


def _ar_members(path: str) -> list[tuple[str, int, int]]:
    """(name, offset, size) of the regular members of a GNU/BSD ``ar`` archive."""
    members: list[tuple[str, int, int]] = []
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(b"!<arch>\n"):
        return members
    pos, longnames = 8, b""
    while pos + 60 <= len(data):
        hdr = data[pos:pos + 60]
        name = hdr[:16].decode("latin-1").rstrip()
        try:
            size = int(hdr[48:58].decode("ascii").strip() or 0)
        except ValueError:
            break
        body, next_pos = pos + 60, pos + 60 + size + (size & 1)
        if name == "//":
            longnames = data[body:body + size]
        elif name not in ("/", "/SYM64/", "__.SYMDEF", "__.SYMDEF SORTED"):
            bsize = size
            if name.startswith("/") and name[1:].isdigit():
                off = int(name[1:])
                end = longnames.find(b"/\n", off)
                name = longnames[off:end if end >= 0 else None].decode("latin-1")
            elif name.startswith("#1/"):   # BSD: long name stored at the start of the body
                n = int(name[3:])
                name = data[body:body + n].decode("latin-1").rstrip("\0")
                body, bsize = body + n, size - n
            members.append((name.rstrip("/"), body, bsize))
        pos = next_pos
    return members


def archive_foreign_isas(path: str) -> set[str]:
    """Source ISAs of translatable members of an archive (empty set: pass it through)."""
    isas: set[str] = set()
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return isas
    if not data.startswith(b"!<arch>\n"):     # thin archives and others: leave to the linker
        return isas
    for _name, off, _size in _ar_members(path):
        hdr = _elf_header_bytes(data[off:off + 20])
        if hdr and hdr[0] in TRANSLATABLE_MACHINES:
            isas.add(TRANSLATABLE_MACHINES[hdr[0]])
    return isas


def _has_nonexec_stack_note(obj: str) -> bool:
    """Whether an ELF64 object carries a non-executable ``.note.GNU-stack`` section.

    The translated object must make the same promise, or the target linker
    warns (and may mark the program's stack executable).
    """
    try:
        with open(obj, "rb") as f:
            data = f.read()
    except OSError:
        return False
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return False
    e = "<" if data[5] == 1 else ">"
    shoff = struct.unpack_from(e + "Q", data, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from(e + "HHH", data, 0x3A)
    if not shoff or shstrndx >= shnum:
        return False
    str_off = struct.unpack_from(e + "Q", data, shoff + shstrndx * shentsize + 0x18)[0]
    for i in range(shnum):
        base = shoff + i * shentsize
        name_off = struct.unpack_from(e + "I", data, base)[0]
        flags = struct.unpack_from(e + "Q", data, base + 8)[0]
        end = data.find(b"\0", str_off + name_off)
        if data[str_off + name_off:end] == b".note.GNU-stack":
            return not flags & 0x4   # SHF_EXECINSTR
    return False


# ---------------------------------------------------------------------------
# Diagnostics helpers
# ---------------------------------------------------------------------------


class StepFailed(Exception):
    """A tool failed and has already printed its diagnostics; just exit 1."""


_GAS_LOC = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<sev>Error|Warning|Info|Fatal error): (?P<msg>.*)$")
_GAS_FILE = re.compile(r"^(?P<file>[^:\s][^:]*): (?P<sev>Error|Warning|Fatal error): (?P<msg>.*)$")
_GAS_BARE = re.compile(r"^(?P<sev>Error|Warning|Fatal error): (?P<msg>.*)$")
_SEVERITY = {"Error": "error", "Fatal error": "fatal error", "Warning": "warning", "Info": "note"}


def reformat_gas_messages(text: str, names: dict[str, str], prog: str = "crt-cc") -> list[str]:
    """Rewrite GNU as output into compiler-style diagnostics.

    ``file.s:12: Error: msg`` becomes ``file.s:12: error: msg``; the
    ``Assembler messages:`` banner is dropped; temporary file names are mapped
    back to the names the user gave (``names``).
    """
    out: list[str] = []
    for raw in text.splitlines():
        line = raw
        for tmp, shown in names.items():
            line = line.replace(tmp, shown)
        if not line.strip() or line.endswith(": Assembler messages:"):
            continue
        m = _GAS_LOC.match(line)
        if m:
            out.append(f"{m['file']}:{m['line']}: {_SEVERITY[m['sev']]}: {m['msg']}")
            continue
        m = _GAS_FILE.match(line)
        if m:
            out.append(f"{m['file']}: {_SEVERITY[m['sev']]}: {m['msg']}")
            continue
        m = _GAS_BARE.match(line)
        if m:
            out.append(f"{prog}: {_SEVERITY[m['sev']]}: {m['msg']}")
            continue
        out.append(line)
    return out


# ---------------------------------------------------------------------------
# Dependency rules for plain assembly (no preprocessor to ask)
# ---------------------------------------------------------------------------


def make_quote(text: str) -> str:
    """Quote a file name for a make rule the way gcc's -MQ does."""
    out: list[str] = []
    backslashes = 0
    for ch in text:
        if ch == "\\":
            backslashes += 1
            out.append(ch)
            continue
        if ch in " \t":
            out.append("\\" * (backslashes + 1))   # double preceding backslashes, escape the blank
        elif ch == "$":
            out.append("$")
        elif ch == "#":
            out.append("\\")
        backslashes = 0
        out.append(ch)
    return "".join(out)


_INCLUDE_RE = re.compile(r'^\s*\.(?:include|incbin)\s+"([^"]+)"', re.M)


def asm_includes(src: str, include_dirs: Sequence[str], limit: int = 200) -> list[str]:
    """Files a .s pulls in with ``.include``/``.incbin`` (best effort, for deps)."""
    found: list[str] = []
    seen: set[str] = set()
    todo = [src]
    while todo and len(found) < limit:
        cur = todo.pop(0)
        try:
            with open(cur, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        for name in _INCLUDE_RE.findall(text):
            for d in ("", os.path.dirname(cur), *include_dirs):
                cand = os.path.join(d, name) if d else name
                if os.path.isfile(cand):
                    key = os.path.normpath(cand)
                    if key not in seen:
                        seen.add(key)
                        found.append(cand)
                        if not text.startswith(".incbin"):
                            todo.append(cand)
                    break
    return found


def format_dep_rule(dep: DepRequest, prerequisites: Sequence[str]) -> str:
    """A make rule in gcc's layout (used where no preprocessor writes one)."""
    targets = " ".join(make_quote(t) if opt == "-MQ" else t for opt, t in dep.targets)
    prereqs = [make_quote(p) for p in prerequisites]
    text = f"{targets}: {' '.join(prereqs)}\n"
    if dep.phony:
        text += "".join(f"\n{p}:\n" for p in prereqs[1:])
    return text


# ---------------------------------------------------------------------------
# Output files: temp name next to the destination, rename on success
# ---------------------------------------------------------------------------


class Outputs:
    """Final outputs of one job, published atomically only when it succeeded."""

    def __init__(self, scratch: str, dry_run: bool = False):
        self._scratch = scratch
        self._pending: list[tuple[str, str, bool]] = []   # (tmp, dest, copy_into)
        self._dry = dry_run

    def reserve(self, dest: str) -> str:
        """A temporary path to write ``dest``'s content to."""
        if self._dry:
            return dest
        if os.path.exists(dest) and not os.path.isfile(dest):
            # /dev/null and friends: produce in scratch, copy the bytes at the end.
            fd, tmp = tempfile.mkstemp(dir=self._scratch, prefix="out.")
            os.close(fd)
            self._pending.append((tmp, dest, True))
            return tmp
        d, base = os.path.split(dest)
        ext = os.path.splitext(base)[1]
        try:
            fd, tmp = tempfile.mkstemp(dir=d or ".", prefix=f".{base}.", suffix=f".crt-tmp{ext}")
        except OSError as e:
            raise CrtError(f"cannot create output file '{dest}': {e.strerror}") from None
        os.close(fd)
        self._pending.append((tmp, dest, False))
        return tmp

    def commit(self) -> None:
        if self._dry:
            return
        for tmp, dest, copy_into in self._pending:
            if copy_into:
                with open(tmp, "rb") as src, open(dest, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                os.unlink(tmp)
            else:
                _fix_mode(tmp)
                os.replace(tmp, dest)
        self._pending.clear()

    def discard(self, remove_stale: bool = True) -> None:
        """Drop the temporaries; like gcc, also delete a stale destination from an earlier build."""
        for tmp, dest, copy_into in self._pending:
            stale = [tmp] + ([dest] if remove_stale and not copy_into and os.path.isfile(dest) else [])
            for path in stale:
                try:
                    os.unlink(path)
                except OSError:
                    pass
        self._pending.clear()


def _fix_mode(path: str) -> None:
    """mkstemp creates 0600 files; give outputs the usual umask-based mode (ld adds +x itself)."""
    umask = os.umask(0)
    os.umask(umask)
    mode = os.stat(path).st_mode & 0o777
    want = (0o777 if mode & 0o100 else 0o666) & ~umask
    if mode != want:
        os.chmod(path, want)


def _write_text(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# The executor
# ---------------------------------------------------------------------------


class Pipeline:
    """Executes one :class:`Plan` for one target."""

    def __init__(self, plan: Plan, target: Target):
        self.plan = plan
        self.target = target
        self.prog = plan.prog
        self.scratch = ""
        self.report_records: list[dict] = []
        self.report_warnings: list[dict] = []
        self.report_errors: list[str] = []
        self._counter = 0
        self._cache: crt_cache.TranslationCache | None = None
        self._cache_opened = False
        self._cache_keys: dict[str, str | None] = {}
        self._engine_cfg: dict[str, object] | None = None
        self._audit: TranslationAudit | None = None

    # -- entry -------------------------------------------------------------

    def run(self) -> int:
        """Run every job, then the link; returns the process exit status."""
        for w in self.plan.warnings:
            self.warn(w)
        tmpdir = tempfile.TemporaryDirectory(prefix="crt-cc-")
        self.scratch = tmpdir.name
        status = 0
        report = Outputs(self.scratch, self.plan.dry_run)
        try:
            report_tmp = report.reserve(self.plan.crt.report) if self.plan.crt.report else None
        except CrtError as e:      # an unwritable report is found before any work is done
            self._error(e)
            tmpdir.cleanup()
            return 1
        if self.plan.crt.audit_against:
            try:
                self._start_audit()
            except CrtError as e:  # a bad audit object stops the run before any work
                self._error(e)
                self._write_report(1, report_tmp, report)
                tmpdir.cleanup()
                return 1
        try:
            produced: dict[int, str] = {}
            for idx, job in enumerate(self.plan.jobs):
                try:
                    obj = self._run_job(job)
                except StepFailed:
                    status = 1
                except CrtError as e:
                    self._error(e)
                    status = 1
                else:
                    if obj:
                        produced[idx] = obj
                if status and self.plan.link is not None:
                    break     # nothing to link; gcc also stops before linking
            if status == 0 and self.plan.link is not None:
                try:
                    self._link(self.plan.link, produced)
                except StepFailed:
                    status = 1
                except CrtError as e:
                    self._error(e)
                    status = 1
        finally:
            if self._cache is not None:
                self._cache.close()
            self._write_report(status, report_tmp, report)
            if self.plan.crt.keep_temps:
                kept = tempfile.mkdtemp(prefix="crt-cc-keep-")
                shutil.copytree(self.scratch, kept, dirs_exist_ok=True)
                print(f"{self.prog}: temporary files kept in {kept}", file=sys.stderr)
            tmpdir.cleanup()
        return status

    # -- diagnostics -----------------------------------------------------------

    def warn(self, message: str, file: str | None = None, line: int | None = None) -> None:
        if not self.plan.no_warnings:
            warn(message, file, line, prog=self.prog)

    def _error(self, e: CrtError) -> None:
        self.report_errors.append(e.format(self.prog))
        print(e.format(self.prog), file=sys.stderr)

    # -- process running ------------------------------------------------------

    def _exec(self, cmd: list[str], *, capture: bool = False, stdout=None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run a tool (or only echo it under -###); -v echoes it like gcc does."""
        if self.plan.verbose or self.plan.dry_run:
            print(" " + shlex.join(cmd), file=sys.stderr)
        if self.plan.dry_run:
            return subprocess.CompletedProcess(cmd, 0, "", "")
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            if capture:
                return subprocess.run(cmd, stdout=stdout if stdout is not None else subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=env)
            return subprocess.run(cmd, stdout=stdout, env=env)
        except OSError as e:
            raise CrtError(f"cannot run '{cmd[0]}': {e.strerror}") from None

    def _tmp(self, stem: str, ext: str) -> str:
        """A fresh file name in the scratch directory, readable in messages."""
        self._counter += 1
        safe = re.sub(r"[^A-Za-z0-9_.+-]", "_", os.path.basename(stem)) or "stdin"
        return os.path.join(self.scratch, f"{self._counter}-{safe}{ext}")

    def _materialise_stdin(self, inp: SourceInput, ext: str) -> str:
        """Tools that cannot read stdin themselves get a copy in scratch."""
        if inp.path != "-":
            return inp.path
        path = self._tmp("stdin", ext)
        if not self.plan.dry_run:
            with open(path, "wb") as f:
                shutil.copyfileobj(sys.stdin.buffer, f)
        return path

    @property
    def _gcc_v(self) -> list[str]:
        return ["-v"] if self.plan.verbose else []

    # -- jobs -------------------------------------------------------------------

    def _run_job(self, job: Job) -> str | None:
        outs = Outputs(self.scratch, self.plan.dry_run)
        try:
            if job.route is Route.NATIVE:
                obj = self._native(job, outs)
            elif job.route is Route.VIA_HOST:
                obj = self._via_host(job, outs)
            elif job.route in (Route.ASM, Route.ASM_CPP):
                obj = self._asm(job, outs)
            elif job.route is Route.FOREIGN_OBJECT:
                obj = self._foreign_object(job)
            else:
                obj = self._foreign_archive(job)
            outs.commit()
            return obj
        except BaseException:
            outs.discard()
            raise

    def _final(self, job: Job, outs: Outputs, ext: str) -> str:
        """Where the job's main product is written: reserved temp for -o, scratch for the link."""
        if job.output is None:
            return self._tmp(os.path.splitext(os.path.basename(job.input.display))[0], ext)
        return outs.reserve(job.output)

    def _dep_args(self, dep: DepRequest | None, outs: Outputs) -> list[str]:
        """gcc dependency options with an explicit -MF/-MQ, so temp output names never leak in."""
        if dep is None:
            return []
        args = ["-M" if dep.system else "-MM"] if dep.only else ["-MD" if dep.system else "-MMD"]
        if dep.file is not None:
            args += ["-MF", outs.reserve(dep.file)]
        for opt, text in dep.targets:
            args += [opt, text]
        if dep.phony:
            args.append("-MP")
        if dep.missing_ok:
            args.append("-MG")
        return args

    def _run_checked(self, cmd: list[str], stdout=None) -> None:
        if self._exec(cmd, stdout=stdout).returncode != 0:
            raise StepFailed()

    def _native(self, job: Job, outs: Outputs) -> str | None:
        """C (or another gcc language) compiled by the target cross gcc, with the user's flags."""
        base = [self.target.tool("gcc"), *self._gcc_v, *self.plan.tools.native_cc]
        return self._gcc_stage(job, outs, base, ["-x", job.input.lang, job.input.path])

    def _gcc_stage(self, job: Job, outs: Outputs, base: list[str], src: list[str]) -> str | None:
        """Run a gcc to the job's stopping stage; returns a scratch object for the link."""
        if job.stage is Stage.SYNTAX:
            self._run_checked([*base, "-fsyntax-only", *self._dep_args(job.deps, outs), *src])
            return None
        flag = {Stage.PREPROCESS: "-E", Stage.ASSEMBLY: "-S"}.get(job.stage, "-c")
        deps_only = job.deps is not None and job.deps.only
        if deps_only or job.output == "-" or (job.stage is Stage.PREPROCESS and job.output is None):
            # -M/-MM (rule goes to its own file or stdout) or output to stdout.
            to_stdout = ["-o", "-"] if job.output == "-" and not deps_only else []
            self._run_checked([*base, flag, *self._dep_args(job.deps, outs), *src, *to_stdout])
            return None
        out = self._final(job, outs, ".o")
        self._run_checked([*base, flag, *job.aux_args, *self._dep_args(job.deps, outs), *src, "-o", out])
        return out if job.output is None else None

    def _host_compiler(self, isa: str) -> list[str]:
        if isa == "x86_64":
            return [host_tool("gcc")]
        if isa == "i386":
            # Debian's i686 cross compiler has its own headers; host gcc -m32 needs gcc-multilib.
            i686 = shutil.which("i686-linux-gnu-gcc")
            return [i686] if i686 else [host_tool("gcc"), "-m32"]
        if isa == "riscv64":
            return [TARGETS["riscv64-linux-gnu"].tool("gcc")]
        raise CrtError(f"compiling C for source ISA '{isa}' is not yet supported")

    def _via_host(self, job: Job, outs: Outputs) -> str | None:
        """C compiled by the source ISA's gcc to assembly, then translated like a .s."""
        cc = self._host_compiler(job.source_isa)
        src = ["-x", job.input.lang, job.input.path]
        flags = list(self.plan.tools.host_cc)
        if job.stage in (Stage.SYNTAX, Stage.PREPROCESS) or (job.deps is not None and job.deps.only):
            return self._gcc_stage(job, outs, [*cc, *self._gcc_v, *flags], src)
        if not any(f.startswith("-g") for f in flags):
            # -g never changes gcc's generated code, and its information serves the
            # translation: line tables put the lifter's diagnostics at C lines, and the
            # functions' C types make their native entry points exact (char/short results,
            # i386 float results, structs by value: crt_cc/frontend/dwarf.py) and let the
            # model engine's verification compare the right bits (engines/signature.py).
            flags.append("-g")
        x86_s = self._tmp(job.input.display, ".x86.s")
        deps = self._dep_args(job.deps, outs)
        compile_cmd = [*cc, *self._gcc_v, *flags, "-S", *job.aux_args]
        pkey = self._preprocessed_key(job, cc, flags, src, deps)
        if pkey is None:
            self._run_checked([*compile_cmd, *deps, *src, "-o", x86_s])
            return self._assemble_and_translate(job, outs, [x86_s], {x86_s: job.input.display})
        hit, result = self._from_preprocessed_entry(job, outs, pkey)
        if hit:
            return result
        # A miss: compile the source itself (not the preprocessed text, as ccache's run_second_cpp:
        # the same warnings, the same -g3 macro information); the preprocessor run wrote the .d file.
        stderr, colour = self._run_keeping_stderr([*compile_cmd, *src, "-o", x86_s])
        obj = self._host_assemble(job, [x86_s], {x86_s: job.input.display})
        result = self._translate_to_stage(job, outs, obj, job.input.display)
        translation = self._cache_keys.get(obj)
        if translation is not None and self._cache is not None and stderr is not None:
            from . import cache as crt_cache

            self._cache.put_preprocessed(pkey, crt_cache.PreprocessedEntry(
                translation, _has_nonexec_stack_note(obj), stderr, colour))
        return result

    def _preprocessed_key(self, job: Job, cc: list[str], flags: list[str], src: list[str],
                          deps: list[str]) -> str | None:
        """Run the host preprocessor and key the translation on its output (ccache's preprocessor mode).

        The object-based key needs the x86 object, so a warm ``--crt-via-x86`` build would
        still run ``gcc -S`` for every file (more than half of its time).  ``gcc -E`` costs
        a fraction of that.  It also writes the dependency file (``deps``), which a hit
        must produce like a compile would.  None (then the object-based key alone is
        used, as before) when there is no cache, when an option makes the preprocessed
        text an incomplete description of the object or makes gcc write side files
        (:func:`crt_cc.cache.preprocessor_mode_blocker`), for standard input, and when
        the preprocessor fails (the compile then reports the errors as usual).
        """
        if (self.plan.dry_run or self.plan.crt.keep_temps or self._audit is not None
                or job.input.path == "-" or job.input.lang not in ("c", "c++") or self._open_cache() is None):
            return None
        from . import cache as crt_cache

        if crt_cache.preprocessor_mode_blocker(flags) is not None:
            return None
        cmd = [*cc, *flags, "-E", *deps, *src]
        if self.plan.verbose:
            print(" " + shlex.join(cmd), file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            proc = subprocess.run(cmd, capture_output=True)
        except OSError:
            return None
        if proc.returncode != 0 or not crt_cache.preprocessed_text_is_complete(proc.stdout):
            return None
        isa = job.source_isa
        try:
            assembler = host_tool("as") if isa in ("x86_64", "i386") else TARGETS["riscv64-linux-gnu"].tool("as")
            compiler = {
                "command": [*cc, *flags, "-x", job.input.lang],
                "compiler": crt_cache.tool_identity(shutil.which(cc[0]) or cc[0]),
                "assembler": crt_cache.tool_identity(assembler),
                "assembler_args": [*self.plan.tools.host_as, self.plan.tools.add_debug_line_info],
                "cwd": os.getcwd(),
                "env": {name: os.environ.get(name) for name in _COMPILER_ENVIRONMENT},
            }
        except (CrtError, OSError):
            return None
        return crt_cache.preprocessed_key(proc.stdout, compiler=compiler, source_isa=isa,
                                          **self._key_parts(job.input.display))

    def _from_preprocessed_entry(self, job: Job, outs: Outputs, pkey: str) -> tuple[bool, str | None]:
        """(True, what the job returns) when the ``p`` entry and the entry it names give the output.

        No host compile, no host assembler, no translation: the translated text (``-S``)
        or the target object (``-c``; assembled from the text when only that is cached)
        is written, and gcc's diagnostics, the translation's warnings and its report
        records are replayed.  (False, None): a miss, nothing written.
        """
        assert self._cache is not None
        found = self._cache.get_preprocessed(pkey)
        if found is None:
            return False, None
        display = job.input.display
        result: str | None = None
        tr: crt_cache.CachedTranslation
        if job.stage is Stage.ASSEMBLY:
            cached = self._cache.get_translation(found.translation)
            if cached is None:
                return False, None
            tr, where = cached
            if job.output == "-":
                sys.stdout.write(tr.text)
                sys.stdout.flush()
            else:
                _write_text(self._final(job, outs, ".s"), tr.text)
        else:
            okey = self._object_key_for(found.translation, found.noexecstack)
            cached_object = self._cache.get_object(okey) if okey is not None else None
            if cached_object is not None:
                data, tr = cached_object
                where = "object"
                out = self._final(job, outs, ".o")
                with open(out, "wb") as f:
                    f.write(data)
            else:
                cached = self._cache.get_translation(found.translation)
                if cached is None:
                    return False, None
                tr, where = cached
                out = self._final(job, outs, ".o")
                self._target_assemble(tr.text, out, display, noexecstack=found.noexecstack)
                if okey is not None:
                    with open(out, "rb") as f:
                        self._cache.put_object(okey, f.read(), tr)
            result = out if job.output is None else None
        self._cache.count(hit=True, remote=where == "remote", preprocessed=True)
        self._announce(job.input.path, display, job.source_isa,
                       f" [cache hit: preprocessed {pkey[:16]}, {where} {found.translation[:16]}]")
        if found.stderr:
            text = found.stderr if not found.colour or sys.stderr.isatty() else _ANSI_ESCAPE.sub("", found.stderr)
            sys.stderr.write(text)
            sys.stderr.flush()
        first_record = len(self.report_records)
        self._replay(tr, display, cached=True)
        self._audit_output(first_record, display, obj=None if job.stage is Stage.ASSEMBLY else out, text=tr.text)
        return True, result

    def _run_keeping_stderr(self, cmd: list[str]) -> tuple[str | None, bool]:
        """Run the host compile of a miss, printing and returning its diagnostics for the ``p`` entry.

        Returns (stderr, coloured).  Captured output is not a terminal, so when ours is one
        gcc is asked for colours explicitly (as ccache does) and a hit replayed elsewhere
        strips them.  Under -v, gcc's own verbose output must not be stored: the command
        runs as usual and (None, False) says there is nothing to store.
        """
        if self.plan.verbose:
            self._run_checked(cmd)
            return None, False
        colour = sys.stderr.isatty() and not any("diagnostics-color" in a for a in cmd)
        proc = self._exec([*cmd, "-fdiagnostics-color=always"] if colour else cmd, capture=True)
        if proc.stderr:
            sys.stderr.write(proc.stderr)
            sys.stderr.flush()
        if proc.returncode != 0:
            raise StepFailed()
        return proc.stderr or "", colour

    def _asm(self, job: Job, outs: Outputs) -> str | None:
        """x86 assembly (.s, or .S after the host preprocessor) -> translated target code."""
        inputs = [job.input, *job.more_inputs]
        if job.route is Route.ASM_CPP:
            cc = self._host_compiler(job.source_isa)
            base = [*cc, *self._gcc_v, *self.plan.tools.host_cc]
            src = ["-x", "assembler-with-cpp", job.input.path]
            if job.stage in (Stage.SYNTAX, Stage.PREPROCESS) or (job.deps is not None and job.deps.only):
                return self._gcc_stage(job, outs, base, src)
            pre = self._tmp(job.input.display, ".i.s")
            self._run_checked([*base, "-E", *self._dep_args(job.deps, outs), *src, "-o", pre])
            return self._assemble_and_translate(job, outs, [pre], {pre: job.input.display})

        paths = [self._materialise_stdin(i, ".s") for i in inputs]
        names = {p: "{standard input}" for p, i in zip(paths, inputs, strict=True) if i.path == "-"}
        if job.deps is not None:
            self._write_asm_deps(job, outs, paths)
        if job.stage is Stage.PREPROCESS or (job.deps is not None and job.deps.only):
            return None   # gcc -E does not touch plain assembly
        return self._assemble_and_translate(job, outs, paths, names)

    def _write_asm_deps(self, job: Job, outs: Outputs, paths: list[str]) -> None:
        dep = job.deps
        assert dep is not None
        incs: list[str] = []
        for p in paths:
            incs += asm_includes(p, self._include_dirs())
        text = format_dep_rule(dep, [i.display for i in (job.input, *job.more_inputs)] + incs)
        if dep.file is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        elif not self.plan.dry_run:
            _write_text(outs.reserve(dep.file), text)

    def _include_dirs(self) -> list[str]:
        args = self.plan.tools.host_as
        dirs: list[str] = []
        for i, a in enumerate(args):
            if a == "-I" and i + 1 < len(args):
                dirs.append(args[i + 1])
            elif a.startswith("-I") and len(a) > 2:
                dirs.append(a[2:])
        return dirs

    def _host_assemble(self, job: Job, paths: list[str], names: dict[str, str]) -> str:
        """Source-ISA assembly -> relocatable object with the host assembler."""
        if job.source_isa == "riscv64":
            return self._riscv_assemble(job, paths, names)
        if job.source_isa not in ("x86_64", "i386"):
            raise CrtError(f"assembling source ISA '{job.source_isa}' is not yet supported")
        obj = self._tmp(job.input.display, ".x86.o")
        cmd = [host_tool("as"), "--64" if job.source_isa == "x86_64" else "--32"]
        if self.plan.tools.add_debug_line_info and not any(_has_line_directives(p) for p in paths):
            # DWARF line info lets the lifter map addresses back to .s lines in diagnostics.
            cmd.append("-g")
        cmd += [*self.plan.tools.host_as, "-o", obj, *paths]
        env = dict(os.environ, LC_ALL="C")   # we parse its messages
        proc = self._exec(cmd, capture=True, env=env)
        lines = reformat_gas_messages(proc.stderr or "", names, self.prog)
        for line in lines:
            if ": warning: " in line and self.plan.no_warnings:
                continue
            print(line, file=sys.stderr)
        if proc.returncode != 0:
            raise StepFailed()
        return obj

    def _riscv_assemble(self, job: Job, paths: list[str], names: dict[str, str]) -> str:
        """RISC-V64 assembly -> object with riscv64-linux-gnu-as.

        ``-mno-relax``: no linker relaxation will happen, and the DWARF line table keeps plain
        addresses.  A broad ``-march`` lets extensions beyond RV64GC assemble, so the lifter names
        the instruction it does not translate (``.attribute arch`` in the file still wins).
        """
        obj = self._tmp(job.input.display, ".rv64.o")
        base = [TARGETS["riscv64-linux-gnu"].tool("as"), "-mno-relax"]
        if self.plan.tools.add_debug_line_info and not any(_has_line_directives(p) for p in paths):
            base.append("-g")
        rest = [*self.plan.tools.host_as, "-o", obj, *paths]
        env = dict(os.environ, LC_ALL="C")
        proc = self._exec([*base, f"-march={RISCV_ASM_MARCH}", *rest], capture=True, env=env)
        if proc.returncode != 0 and "ISA extension" in (proc.stderr or ""):
            proc = self._exec([*base, "-march=rv64gc", *rest], capture=True, env=env)   # older binutils
        for line in reformat_gas_messages(proc.stderr or "", names, self.prog):
            if ": warning: " in line and self.plan.no_warnings:
                continue
            print(line, file=sys.stderr)
        if proc.returncode != 0:
            raise StepFailed()
        return obj

    def _assemble_and_translate(self, job: Job, outs: Outputs, paths: list[str],
                                names: dict[str, str]) -> str | None:
        obj = self._host_assemble(job, paths, names)
        if job.stage is Stage.SYNTAX:
            return None       # -fsyntax-only: the assembler's verdict is the whole answer
        return self._translate_to_stage(job, outs, obj, job.input.display)

    def _translate_to_stage(self, job: Job, outs: Outputs, obj: str, display: str) -> str | None:
        first_record = len(self.report_records)     # this object's records start here (--crt-audit-against)
        if job.stage is Stage.ASSEMBLY:
            text = self.translate(obj, display, job.source_isa)
            if job.output == "-":
                sys.stdout.write(text)
                sys.stdout.flush()
            elif not self.plan.dry_run:
                _write_text(self._final(job, outs, ".s"), text)
            self._audit_output(first_record, display, text=text)
            return None
        out = self._final(job, outs, ".o")
        noexecstack = _has_nonexec_stack_note(obj)
        # -c: the cache may hold the assembled object itself, which saves the target as run.
        # Not with --crt-keep-temps, whose point is to leave the translated .s in scratch.
        okey = None if self.plan.crt.keep_temps else self._object_cache_key(obj, display, job.source_isa,
                                                                            noexecstack)
        if okey is not None and self._object_from_cache(okey, obj, display, job.source_isa, out):
            self._audit_output(first_record, display, obj=out)
            return out if job.output is None else None
        tr = self._translate(obj, display, job.source_isa)
        self._target_assemble(tr.text, out, display, noexecstack=noexecstack)
        if okey is not None and self._cache is not None:
            try:
                with open(out, "rb") as f:
                    data = f.read()
            except OSError:
                pass
            else:
                self._cache.put_object(okey, data, tr)
        self._audit_output(first_record, display, obj=out)
        return out if job.output is None else None

    def translate(self, obj: str, display: str, isa: str) -> str:
        """One x86 object -> target assembly text through the selected engine (or the cache)."""
        return self._translate(obj, display, isa).text

    def _announce(self, obj: str, display: str, isa: str, note: str = "") -> None:
        if self.plan.verbose or self.plan.dry_run:
            print(f" [translate engine={self.plan.crt.engine} source={isa} target={self.target.triple}"
                  f" O{self.plan.crt.opt_level}] {display} ({obj}){note}", file=sys.stderr)

    def _translate(self, obj: str, display: str, isa: str) -> crt_cache.CachedTranslation:
        """Translate through the engine, unless the cache has this exact translation."""
        from . import cache as crt_cache

        if self.plan.dry_run:
            self._announce(obj, display, isa)
            return crt_cache.CachedTranslation("")
        key = self._cache_key(obj, display, isa)
        if key is not None and self._cache is not None:
            found = self._cache.get_translation(key)
            if found is not None:
                tr, where = found
                self._cache.count(hit=True, remote=where == "remote")
                self._announce(obj, display, isa, f" [cache hit: {where} {key[:16]}]")
                self._replay(tr, display, cached=True)
                return tr
            self._cache.count(hit=False)
        self._announce(obj, display, isa, f" [cache miss: {key[:16]}]" if key else "")
        from .engines import lift  # lazy: the engine pulls in llvmlite/capstone

        opts = lift.TranslateOptions(source_file=display, source_isa=isa,
                                     opt_level=self.plan.crt.opt_level, exact_nan=self.plan.crt.exact_nan,
                                     prototypes_file=self.plan.crt.prototypes)
        try:
            if self.plan.crt.engine == "lift":
                text = lift.translate_object(obj, self.target, opts)
            else:   # model / auto: verified model translations, lift as oracle and fallback
                from .engines import model as model_engine
                text = model_engine.translate_object(obj, self.target, opts, self.plan.crt.model_dir,
                                                     fallback=self.plan.crt.engine == "auto",
                                                     examples=self.plan.crt.model_examples,
                                                     store=self._example_store())
        finally:
            self._replay(crt_cache.CachedTranslation("", opts.report, opts.warnings), display, cached=False)
        tr = crt_cache.CachedTranslation(text, [dict(r) for r in opts.report], list(opts.warnings))
        if key is not None and self._cache is not None:
            self._cache.put_translation(key, tr)
        return tr

    def _replay(self, tr: crt_cache.CachedTranslation, display: str, cached: bool) -> None:
        """Report records and warnings of a translation, fresh or from the cache, the same way."""
        for rec in tr.report:
            rec = dict(rec)
            rec.setdefault("source", display)
            rec.setdefault("engine", self.plan.crt.engine)
            if cached:
                rec["cache"] = "hit"
            self.report_records.append(rec)
        for w in tr.warnings:
            self.report_warnings.append({"source": display, "message": w})
            if ": warning: " in w or re.match(r"^\S+:\d+: warning", w):
                if not self.plan.no_warnings:
                    print(w, file=sys.stderr)
            else:
                self.warn(w, file=display)

    # -- translation cache --------------------------------------------------------

    def _open_cache(self) -> crt_cache.TranslationCache | None:
        """The translation cache, opened on first use; None when off or when the engine is replaced.

        A replaced ``translate_object`` (the driver tests substitute a fake) must
        neither be served real translations nor have its output stored under a
        real key, so the cache steps aside for anything but the genuine engine.
        """
        if not self._cache_opened:
            self._cache_opened = True
            from . import cache as crt_cache
            from .engines import lift  # light: the heavy imports are inside translate_object

            if getattr(lift.translate_object, "__module__", None) == lift.__name__:
                self._cache = crt_cache.open_cache(warn=self.warn)
        return self._cache

    def _engine_config(self) -> dict[str, object]:
        """The engine and whatever configures it (the model engine: its weights' content)."""
        from . import cache as crt_cache

        if self._engine_cfg is None:
            self._engine_cfg = {"name": self.plan.crt.engine}
            if self.plan.crt.engine != "lift" and self.plan.crt.model_dir:
                cache = self._cache
                memo = None if cache is None or cache.settings.read_only else \
                    os.path.join(cache.settings.directory, "weights-digests.json")
                self._engine_cfg["model"] = crt_cache.tree_digest(self.plan.crt.model_dir, memo)
                from .model.config import settings_key  # light: CRT_MODEL_* overrides
                self._engine_cfg["model_settings"] = settings_key()
                if self.plan.crt.model_examples is not None:    # examples change the prompt
                    self._engine_cfg["model_examples"] = self.plan.crt.model_examples
        return self._engine_cfg

    def _key_parts(self, display: str) -> dict[str, dict[str, object]]:
        """What every translation key covers besides its input (object or preprocessed C):
        target, engine configuration, translation flags, the diagnostics file."""
        from . import cache as crt_cache

        t = self.target
        crt = self.plan.crt
        return {
            "target": {"triple": t.triple, "llvm_triple": t.llvm_triple, "cpu": t.llvm_cpu,
                       "features": t.llvm_features, "abi": t.llvm_abi, "bits": t.bits},
            "engine_config": self._engine_config(),
            "flags": {"opt_level": crt.opt_level, "exact_nan": crt.exact_nan,
                      "prototypes": crt_cache.file_digest(crt.prototypes)},
            "source": {"display": display, "content": crt_cache.file_digest(display)},
        }

    def _cache_key(self, obj: str, display: str, isa: str) -> str | None:
        """The translation key of ``obj`` (see crt_cc.cache.key), or None without a cache."""
        from . import cache as crt_cache

        if obj in self._cache_keys:
            return self._cache_keys[obj]
        key = None
        if self._open_cache() is not None:
            try:
                with open(obj, "rb") as f:
                    data = f.read()
            except OSError:
                data = None
            if data is not None:
                key = crt_cache.translation_key(data, source_isa=isa, **self._key_parts(display))
        self._cache_keys[obj] = key
        return key

    def _object_cache_key(self, obj: str, display: str, isa: str, noexecstack: bool) -> str | None:
        """Key of the assembled target object: the translation key plus this machine's target as."""
        if self.plan.dry_run:
            return None
        key = self._cache_key(obj, display, isa)
        return None if key is None else self._object_key_for(key, noexecstack)

    def _object_key_for(self, key: str, noexecstack: bool) -> str | None:
        """The ``o`` entry key of translation ``key`` with this machine's target assembler."""
        from . import cache as crt_cache

        try:
            assembler = crt_cache.tool_identity(self.target.tool("as"))
        except (CrtError, OSError):
            return None
        return crt_cache.object_key(key, assembler, ["--noexecstack"] if noexecstack else [])

    def _object_from_cache(self, okey: str, obj: str, display: str, isa: str, out: str) -> bool:
        """Write a cached target object to ``out``; False on a miss (then translate as usual)."""
        assert self._cache is not None
        found = self._cache.get_object(okey)
        if found is None:
            return False
        data, tr = found
        try:
            with open(out, "wb") as f:
                f.write(data)
        except OSError:
            return False
        self._cache.count(hit=True)
        key = self._cache_keys.get(obj) or okey
        self._announce(obj, display, isa, f" [cache hit: object {key[:16]}]")
        self._replay(tr, display, cached=True)
        return True

    def _target_assemble(self, text: str, out: str, display: str, noexecstack: bool) -> None:
        """Translated assembly -> target object.  A failure here is a crt-cc bug."""
        src = self._tmp(display, f".{self.target.triple}.s")
        if not self.plan.dry_run:
            _write_text(src, text)
        cmd = [self.target.tool("as")]
        if noexecstack:
            cmd.append("--noexecstack")
        cmd += ["-o", out, src]
        proc = self._exec(cmd, capture=True)
        if proc.returncode != 0:
            for line in (proc.stderr or "").splitlines():
                if line.strip() and not line.endswith("Assembler messages:"):
                    print(f"{self.prog}: note: {line}", file=sys.stderr)
            raise CrtError(
                f"internal error: {self.target.gnu_prefix}as rejected the translation of '{display}' "
                "(a crt-cc bug; rerun with --crt-keep-temps to keep the generated assembly)",
            )

    def _foreign_object(self, job: Job) -> str:
        """An x86 .o given to the link: translate it into a target object in scratch."""
        self._check_isa(job.source_isa, job.input.display)
        as_link_input = Job(job.input, job.route, Stage.LINK, None, job.source_isa)
        obj = self._translate_to_stage(as_link_input, Outputs(self.scratch), job.input.path,
                                       job.input.display)
        assert obj is not None
        return obj

    def _foreign_archive(self, job: Job) -> str:
        """An archive with x86 members: translate those, keep the rest, rebuild with target ar."""
        src = job.input.path
        workdir = self._tmp(job.input.display, ".d")
        os.makedirs(workdir, exist_ok=True)
        with open(src, "rb") as f:
            data = f.read()
        members: list[str] = []
        for n, (name, off, size) in enumerate(_ar_members(src)):
            blob = data[off:off + size]
            path = os.path.join(workdir, f"{n:04d}-{os.path.basename(name) or 'member'}")
            with open(path, "wb") as f:
                f.write(blob)
            hdr = _elf_header_bytes(blob[:20])
            if hdr and hdr[0] in TRANSLATABLE_MACHINES and hdr[0] != TARGET_MACHINE.get(self.target.triple):
                display = f"{job.input.display}({name})"
                sub = Job(SourceInput(path, "object", display), Route.FOREIGN_OBJECT, Stage.LINK, None,
                          TRANSLATABLE_MACHINES[hdr[0]])
                path = self._foreign_object(sub)
            members.append(path)
        out = self._tmp(job.input.display, ".a")
        self._run_checked([self.target.tool("ar"), "rcs", out, *members])
        return out

    def _check_isa(self, isa: str, display: str) -> None:
        if isa not in SUPPORTED_SOURCE_ISAS:
            raise CrtError(f"translating {isa} code is not yet supported (only "
                           f"{', '.join(SUPPORTED_SOURCE_ISAS)})", file=display)

    # -- link -------------------------------------------------------------------

    def _link(self, link: LinkStep, produced: dict[int, str]) -> None:
        outs = Outputs(self.scratch, self.plan.dry_run)
        try:
            cmd = [self.target.tool("gcc"), *self._gcc_v, *self.plan.tools.link]
            for item in link.items:
                if item.job is not None:
                    obj = produced.get(item.job)
                    if obj:
                        cmd.append(obj)
                cmd += item.args
            if not any(a in ("-nostdlib", "-nodefaultlibs") for a in cmd):
                cmd += self.target.runtime_libs
            cmd += ["-o", outs.reserve(link.output)]
            self._run_checked(cmd)
            outs.commit()
        except BaseException:
            outs.discard()
            raise

    # -- --crt-audit-against, model examples ------------------------------------------

    def _start_audit(self) -> None:
        """Check the audit objects (CrtError before any work) and prepare the audit.

        The audit goes into the report, so it needs one; torch loads later, on the first
        translated object (crt_cc/embed/audit.py).
        """
        from .embed import audit

        if not self.plan.crt.report:
            raise CrtError("--crt-audit-against needs --crt-report=FILE (the audit is written into the report)")
        for w in audit.check_objects(self.plan.crt.audit_against, self.target.triple):
            self.warn(w)
        self._audit = audit.TranslationAudit(self.plan.crt.audit_against)

    def _audit_output(self, first_record: int, display: str, obj: str | None = None, text: str = "") -> None:
        """--crt-audit-against: audit one translation, fresh or from the cache.

        The report records from ``first_record`` on are that translation's; ``obj`` is the target
        object produced, else ``text`` (-S) is assembled in scratch: the audit compares target objects.
        """
        if self._audit is None or self.plan.dry_run:
            return
        if obj is None:
            obj = self._tmp(display, ".audit.o")
            self._target_assemble(text, obj, display, noexecstack=False)
        self._audit.annotate(obj, self.report_records[first_record:])

    def _example_store(self) -> ExampleStore | None:
        """The model engine's store of verified translations, next to the cache entries (None: cache off)."""
        cache = self._open_cache()
        if cache is None:
            return None
        from .model.examples import ExampleStore  # light: json and hashlib

        return ExampleStore(os.path.join(cache.settings.directory, "examples"), read_only=cache.settings.read_only)

    # -- report -----------------------------------------------------------------

    def _write_report(self, status: int, tmp: str | None, outs: Outputs) -> None:
        """--crt-report: written on failure too (it says what failed), via its reserved temp."""
        if tmp is None or self.plan.dry_run:
            return
        doc = {
            "crt_cc_version": __version__,
            "target": self.target.triple,
            "engine": self.plan.crt.engine,
            "status": "ok" if status == 0 else "failed",
            "functions": self.report_records,
            "warnings": self.report_warnings,
            "errors": self.report_errors,
        }
        if self._audit is not None:
            doc["audit"] = self._audit.summary()
        _write_text(tmp, json.dumps(doc, indent=2, default=str) + "\n")
        outs.commit()


_LINE_DIRECTIVE = re.compile(rb"^\s*\.(?:loc\b|file\s+\d)", re.M)

#: Environment variables that change what the host compiler runs (GCC_EXEC_PREFIX, COMPILER_PATH)
#: or the language of its diagnostics, which a preprocessed-C cache hit replays.  (CPATH,
#: SOURCE_DATE_EPOCH and the like show in the preprocessed text itself.)
_COMPILER_ENVIRONMENT = ("GCC_EXEC_PREFIX", "COMPILER_PATH", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES")

#: SGR and erase-line sequences of gcc's coloured diagnostics.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[mK]")


def _has_line_directives(path: str) -> bool:
    """Whether a .s already carries DWARF line directives (then ``as -g`` must not add its own).

    An unnumbered ``.file "x.c"`` (gcc's default) only names the STT_FILE
    symbol, so it does not count.
    """
    try:
        with open(path, "rb") as f:
            return bool(_LINE_DIRECTIVE.search(f.read()))
    except OSError:
        return False


def run_plan(plan: Plan, target: Target) -> int:
    """Execute ``plan`` for ``target``; returns the exit status (diagnostics already printed)."""
    return Pipeline(plan, target).run()
