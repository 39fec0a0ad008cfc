"""gcc / GNU as command lines -> a :class:`crt_cc.pipeline.Plan`.

Two steps, kept apart so each can be tested alone:

1. :func:`parse_cc_args` reads the command line into :class:`CcArgs` (what the
   user asked for; response files expanded; no file system access beyond
   reading ``@file``\\ s).
2. :func:`build_plan` decides what happens to each input (native compile,
   translation, link input), names every output the way gcc would, computes
   dependency-rule targets, and rejects or warns about options that the chosen
   route cannot honour.  Nothing is ever silently dropped when it changes the
   meaning of the build.

``-m`` options are the subtle part: a drop-in compiler for x86 projects sees
x86 options (``-mavx2``, ``-march=haswell``) next to target ones
(``-mcpu=cortex-a72``).  :func:`classify_m_option` sorts them so each reaches
only the compiler that understands it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..diagnostics import CrtError
from ..pipeline import (
    SUPPORTED_ENGINES,
    SUPPORTED_SOURCE_ISAS,
    TARGET_MACHINE,
    TRANSLATABLE_MACHINES,
    CrtSettings,
    DepRequest,
    Job,
    LinkItem,
    LinkStep,
    Plan,
    Route,
    SourceInput,
    Stage,
    ToolArgs,
    archive_foreign_isas,
    elf_header,
)
from ..toolchain.targets import Target

# ---------------------------------------------------------------------------
# Response files
# ---------------------------------------------------------------------------

_MAX_RESPONSE_DEPTH = 64


def split_response_text(text: str) -> list[str]:
    """Split a response file like libiberty's ``buildargv`` (what gcc uses).

    Whitespace separates arguments; single and double quotes group; a
    backslash escapes the next character everywhere (also inside quotes).
    """
    args: list[str] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return args
        cur: list[str] = []
        squote = dquote = bsquote = False
        while i < n:
            ch = text[i]
            if ch.isspace() and not (squote or dquote or bsquote):
                break
            if bsquote:
                bsquote = False
                cur.append(ch)
            elif ch == "\\":
                bsquote = True
            elif squote:
                if ch == "'":
                    squote = False
                else:
                    cur.append(ch)
            elif dquote:
                if ch == '"':
                    dquote = False
                else:
                    cur.append(ch)
            elif ch == "'":
                squote = True
            elif ch == '"':
                dquote = True
            else:
                cur.append(ch)
            i += 1
        args.append("".join(cur))


def expand_response_files(argv: list[str], _depth: int = 0) -> list[str]:
    """Replace each ``@file`` by its arguments, recursively, as gcc does.

    An ``@file`` that cannot be read stays a literal argument (gcc then
    treats it as an input file name and reports it missing).
    """
    if _depth > _MAX_RESPONSE_DEPTH:
        raise CrtError("response files nested too deeply (recursive @file?)")
    out: list[str] = []
    for arg in argv:
        if arg.startswith("@") and len(arg) > 1 and os.path.isfile(arg[1:]):
            try:
                with open(arg[1:], encoding="utf-8", errors="surrogateescape") as f:
                    text = f.read()
            except OSError:
                out.append(arg)
                continue
            out += expand_response_files(split_response_text(text), _depth + 1)
        else:
            out.append(arg)
    return out


# ---------------------------------------------------------------------------
# -m option classification
# ---------------------------------------------------------------------------

class _LazyPattern:
    """A regular expression compiled on its first use.

    Compiling the long alternations below costs about 3 ms, which every crt-cc process
    (a cache hit takes well under 100 ms) would pay although most command lines have no
    ``-m`` option at all.
    """

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def match(self, text: str) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern)
        return self._compiled.match(text)


# Values of -march=/-mtune=/-mcpu= that name x86 processors.
_X86_CPU = _LazyPattern(
    r"^(x86-64(-v[234])?|i[3-6]86|pentium.*|prescott|nocona|core.*|nehalem|westmere|sandybridge|"
    r"ivybridge|haswell|broadwell|skylake.*|cannonlake|icelake.*|cascadelake|cooperlake|tigerlake|"
    r"sapphirerapids|alderlake|rocketlake|raptorlake|meteorlake|graniterapids.*|emeraldrapids|"
    r"sierraforest|grandridge|arrowlake.*|lunarlake|pantherlake|clearwaterforest|knl|knm|bonnell|"
    r"atom|silvermont|slm|goldmont.*|tremont|lakemont|k6.*|k8.*|athlon.*|opteron.*|amdfam10|"
    r"barcelona|bdver\d|btver\d|znver\d|c3.*|c7|winchip.*|geode|lujiazui|yongfeng|eden-x\d|nano.*|"
    r"intel)$"
)
# x86 -m feature/tuning options (prefix match, optional no-).
_X86_FEATURE = _LazyPattern(
    r"^-m(no-)?(sse|avx|mmx|3dnow|ssse3|popcnt|abm|bmi|lzcnt|tbm|fma|xop|f16c|aes|pclmul|"
    r"vpclmulqdq|vaes|gfni|sha|adx|rdrnd|rdseed|prfchw|xsave|fxsr|cx16|sahf|movbe|crc32|rtm|hle|"
    r"clflushopt|clwb|mwait|clzero|pku|rdpid|ptwrite|sgx|serialize|tsxldtrk|uintr|waitpkg|"
    r"wbnoinvd|amx|avxvnni|kl$|widekl|hreset|enqcmd|cldemote|movdiri|movdir64b|pconfig|lwp|"
    r"fsgsbase|red-zone|80387|fp-ret-in-387|ieee-fp|push-args|accumulate-outgoing-args|stackrealign|"
    r"align-stringops|inline-all-stringops|inline-stringops-dynamically|fentry|record-mcount|nop-mcount|"
    r"recip|cld|vzeroupper|prefer-vector-width|fpmath=|preferred-stack-boundary|"
    r"incoming-stack-boundary|stack-arg-probe|skip-rax-setup|indirect-branch|function-return|"
    r"direct-extern-access|needed|asm=|tls-direct-seg-refs|sm3|sm4|avxifma|avxneconvert|cmpccxadd|"
    r"prefetchi|raoint|usermsr|user-msr|apxf|evex512|shstk|ibt|uintr|large-data-threshold|"
    r"stringop-strategy|memcpy-strategy|memset-strategy|branch-cost|dump-tune-features|tune-ctrl|"
    r"daz-ftz|partial-vector-fp-math|mwaitx|cet-switch|harden-sls=indirect-jmp|"
    r"3dnowa|vect8-ret-in-mem|callee-pop|gather|scatter)"
)
# x86 options that change the calling convention / data layout.
_X86_ABI = _LazyPattern(
    r"^-m(regparm=|rtd$|sseregparm$|(no-)?align-double$|long-double-|128bit-long-double$|"
    r"96bit-long-double$|abi=(ms|sysv)$|(no-)?ms-bitfields$|pc(32|64|80)$|"
    r"(no-)?red-zone-abi$)"
)
# Options both x86 and (some) targets understand.
_BOTH = _LazyPattern(
    r"^-m(cmodel=|(no-)?omit-leaf-frame-pointer$|(no-)?general-regs-only$|stack-protector-guard|"
    r"harden-sls|(soft|hard)-float$|tls-dialect=|(no-)?strict-align$)"
)
_SOURCE_M = {"-m32": "i386", "-m64": "x86_64", "-mx32": "x32", "-m16": "i386-16bit"}

# Target options that change the target ABI, with the value crt-cc's translated code uses.
_TARGET_ABI_DEFAULT: dict[str, dict[str, str]] = {
    "aarch64-linux-gnu": {"-mabi=": "lp64"},
    "riscv64-linux-gnu": {"-mabi=": "lp64d"},
    "arm-linux-gnueabi": {"-mabi=": "aapcs-linux", "-mfloat-abi=": "soft"},
}


def classify_m_option(opt: str) -> str:
    """Sort a ``-m`` option: 'source', 'x86', 'x86-abi', 'both', 'target-abi' or 'target'.

    'source' selects the ISA of x86 inputs (-m32/-m64/-mx32/-m16); 'x86*'
    options only mean something to an x86 compiler; 'both' ones are valid for
    x86 and the targets; everything else is a target option.
    """
    if opt in _SOURCE_M:
        return "source"
    if _X86_ABI.match(opt):
        return "x86-abi"
    m = re.match(r"^-m(arch|tune|cpu)=(.*)$", opt)
    if m:
        value = m.group(2)
        if value == "generic":
            return "both"
        if value == "native":
            return "x86"       # "this machine": crt-cc runs on x86 hosts; the target CPU is unknown
        return "x86" if _X86_CPU.match(value) else "target"
    if _BOTH.match(opt):
        return "both"
    if _X86_FEATURE.match(opt):
        return "x86"
    if re.match(r"^-m(abi=|float-abi=|big-endian$|little-endian$|be8$|be32$)", opt):
        return "target-abi"
    return "target"


# ---------------------------------------------------------------------------
# Parsed command line
# ---------------------------------------------------------------------------

# gcc languages for -x, and what suffixes imply.
_LANGS = {
    "c", "c-header", "cpp-output", "c++", "c++-header", "c++-cpp-output", "objective-c",
    "objective-c-header", "objective-c++", "objective-c++-header", "assembler", "assembler-with-cpp",
    "f77", "f95", "f77-cpp-input", "f95-cpp-input", "go", "d", "ada", "lto", "none",
}
_SUFFIX_LANG = {
    ".c": "c", ".i": "cpp-output", ".h": "c-header", ".ii": "c++-cpp-output",
    ".cc": "c++", ".cp": "c++", ".cxx": "c++", ".cpp": "c++", ".CPP": "c++", ".c++": "c++", ".C": "c++",
    ".hh": "c++-header", ".hpp": "c++-header", ".hxx": "c++-header", ".H": "c++-header",
    ".m": "objective-c", ".mi": "objective-c", ".mm": "objective-c++", ".M": "objective-c++",
    ".s": "assembler", ".S": "assembler-with-cpp", ".sx": "assembler-with-cpp",
    ".f": "f77", ".for": "f77", ".f90": "f95", ".f95": "f95", ".F": "f77-cpp-input",
    ".F90": "f95-cpp-input", ".go": "go", ".d": "d", ".adb": "ada", ".ads": "ada",
}
#: Languages --crt-via-x86 compiles with the host compiler (others stay native).
_VIA_LANGS = {"c", "cpp-output", "c++", "c++-cpp-output"}

# Options taking their value as the next argument (or joined, where gcc allows it).
_JOINED_OR_SEPARATE = ("-o", "-x", "-I", "-D", "-U", "-L", "-l", "-MF", "-MT", "-MQ", "-A", "-B", "-T", "-u")
_I_OPTS = ("-iquote", "-isystem", "-idirafter", "-iprefix", "-iwithprefixbefore", "-iwithprefix",
           "-imultilib", "-isysroot", "-imacros", "-include", "-imultiarch")
_SEPARATE_FORWARD = ("-dumpbase", "-dumpdir", "-dumpbase-ext", "-aux-info", "-wrapper", "-Xclang")
_LINK_EXACT = {
    "-shared", "-static", "-static-pie", "-static-libgcc", "-shared-libgcc", "-static-libstdc++",
    "-static-libasan", "-static-libtsan", "-static-liblsan", "-static-libubsan", "-pie", "-no-pie",
    "-nostdlib", "-nostdlib++", "-nostartfiles", "-nodefaultlibs", "-nolibc", "-rdynamic", "-s", "-r",
    "-symbolic", "-Bstatic", "-Bdynamic", "-Bsymbolic",
}
_CPP_EXACT = {"-nostdinc", "-nostdinc++", "-undef", "-C", "-CC", "-P", "-H", "-trigraphs",
              "-traditional", "-traditional-cpp", "-remap", "-dM", "-dD", "-dN", "-dI", "-dU"}
_COMPILE_EXACT = {"-w", "-ansi", "-pedantic", "-pedantic-errors", "-p", "-pg", "-Q", "-time",
                  "-save-temps", "-no-canonical-prefixes", "-fsyntax-only"}
_IGNORED = {"-pipe", "-Qunused-arguments"}

_HELP = """\
Usage: {prog} [--target=T] [gcc options] file...

crt-cc is a gcc-compatible cross compiler driver that translates x86-64
assembly and objects ahead of time into code for the target.

Targets (--target=T, -target T, CRT_TARGET, or a T-crt-cc program name):
  aarch64-linux-gnu (arm64, aarch64)   riscv64-linux-gnu (riscv64)
  arm-linux-gnueabi (armv5)

Inputs: .c (target cross compiler, or --crt-via-x86), .s (x86 assembly),
  .S (preprocessed, then x86 assembly), .o/.a (target objects, or x86 objects
  which are translated), -l/-L/-Wl,/-Xlinker for the link.

gcc options (-E -S -c -o -x -I -D -U -O -g -W -f -m -std= -M* -shared ...) work
as with gcc; options crt-cc does not know are passed to the target gcc.

crt-cc options:
  --crt-source=x86_64|i386|riscv64  ISA of assembly/object inputs (-m32: i386)
  --crt-via-x86                     compile C with the host gcc and translate it
  --crt-via-source                  same, with the source ISA's compiler
  --crt-engine=lift|model|auto      translation engine (default lift)
  --crt-model=DIR                   model directory for the model engine (also CRT_MODEL;
                                    docs/model.md)
  --crt-model-examples=N            show the model the N most similar verified translations
                                    as examples (default 0; also CRT_MODEL_EXAMPLES)
  --crt-prototypes=FILE.h           C declarations for functions crossing the boundary
  --crt-report=FILE                 JSON report of what was translated and how
  --crt-audit-against=OBJ[,OBJ...]  in the report, each translated function's nearest
                                    function of these native objects (docs/embeddings.md)
  --crt-opt=N                       LLVM optimisation level for translated code (default 2)
  --crt-exact-nan                   x86 NaN results bit for bit in SSE arithmetic (slower)
  --crt-keep-temps                  keep intermediate files and print where they are
  --crt-cache-stats                 print translation cache statistics (after any build)
  --crt-cache-clear                 empty the translation cache (before any build)
  (environment: CRT_CACHE=off, CRT_CACHE_DIR, CRT_CACHE_MAXSIZE, CRT_CACHE_REMOTE; docs/cache.md)
  --crt-server-start                start the compile server and wait until it listens (alone)
  --crt-server-stop                 stop the compile server once its commands finish (alone)
  (environment: CRT_SERVER=off, CRT_SERVER_IDLE=SECONDS; docs/usage.md)
"""


def help_text(prog: str) -> str:
    return _HELP.format(prog=prog)


@dataclass
class CrtArgs:
    """Values of the --crt-* options (shared by crt-cc and crt-as)."""

    source_isa: str | None = None
    via_x86: bool = False
    via_source: bool = False
    engine: str = "lift"
    model_dir: str | None = None
    prototypes: str | None = None
    report: str | None = None
    audit_against: list[str] = field(default_factory=list)   # --crt-audit-against (accumulates)
    model_examples: int | None = None                        # --crt-model-examples
    opt_level: int | None = None
    keep_temps: bool = False
    exact_nan: bool = False
    cache_actions: list[str] = field(default_factory=list)   # 'clear' / 'stats', in command-line order


def _model_dir(crt: CrtArgs) -> str | None:
    """--crt-model=DIR, else $CRT_MODEL (the model engine's weights directory)."""
    return crt.model_dir or os.environ.get("CRT_MODEL", "").strip() or None


def parse_crt_option(arg: str, crt: CrtArgs) -> None:
    """Apply one ``--crt-*`` option; unknown ones are errors (they would otherwise reach gcc)."""
    name, eq, value = arg.partition("=")
    flags = {"--crt-via-x86": "via_x86", "--crt-via-source": "via_source", "--crt-keep-temps": "keep_temps",
             "--crt-exact-nan": "exact_nan"}
    valued = {"--crt-source", "--crt-engine", "--crt-model", "--crt-prototypes", "--crt-report", "--crt-opt",
              "--crt-audit-against", "--crt-model-examples"}
    if name in flags and not eq:
        setattr(crt, flags[name], True)
    elif name in ("--crt-cache-stats", "--crt-cache-clear") and not eq:
        action = name.rsplit("-", 1)[1]
        if action not in crt.cache_actions:
            crt.cache_actions.append(action)
    elif name in valued:
        if not eq or not value:
            raise CrtError(f"missing argument to '{name}=' ")
        if name == "--crt-source":
            if value not in ("x86_64", "i386", "riscv64"):
                raise CrtError(f"unknown source ISA '{value}' in '{arg}' (expected x86_64, i386 or riscv64)")
            crt.source_isa = value
        elif name == "--crt-engine":
            if value not in ("lift", "model", "auto"):
                raise CrtError(f"unknown translation engine '{value}' (expected lift, model or auto)")
            crt.engine = value
        elif name == "--crt-opt":
            if value not in ("0", "1", "2", "3"):
                raise CrtError(f"invalid --crt-opt level '{value}' (expected 0, 1, 2 or 3)")
            crt.opt_level = int(value)
        elif name == "--crt-audit-against":
            paths = [p for p in value.split(",") if p]
            if not paths:
                raise CrtError(f"missing argument to '{name}=' ")
            crt.audit_against += paths
        elif name == "--crt-model-examples":
            if not value.isdigit():
                raise CrtError(f"invalid --crt-model-examples count '{value}' (expected a number, 0 for none)")
            crt.model_examples = int(value)
        else:
            setattr(crt, {"--crt-model": "model_dir", "--crt-prototypes": "prototypes",
                          "--crt-report": "report"}[name], value)
    else:
        raise CrtError(f"unrecognized crt-cc option '{arg}'")


@dataclass
class CcArgs:
    """A parsed crt-cc command line (what the user asked for, before any decision)."""

    inputs: list[SourceInput | LinkItem] = field(default_factory=list)   # in order
    stop: Stage = Stage.LINK
    output: str | None = None
    target_name: str | None = None
    verbose: bool = False
    dry_run: bool = False
    info: list[str] = field(default_factory=list)        # --version, -dumpmachine, -print-...
    cpp: list[str] = field(default_factory=list)         # preprocessor options (host and target)
    target_cpp: list[str] = field(default_factory=list)  # --sysroot, -isysroot, -B, -specs: target only
    compile: list[str] = field(default_factory=list)     # -O -g -W -f -std ... (both compilers)
    m_opts: list[str] = field(default_factory=list)      # all -m options, classified later
    unknown: list[str] = field(default_factory=list)     # forwarded to the target gcc
    link: list[str] = field(default_factory=list)        # non-positional link options
    asm_opts: list[str] = field(default_factory=list)    # -Wa, / -Xassembler values
    include_dirs: list[str] = field(default_factory=list)
    dep_opts: dict[str, bool] = field(default_factory=dict)   # M MM MD MMD MP MG
    dep_file: str | None = None
    dep_targets: list[tuple[str, str]] = field(default_factory=list)
    syntax_only: bool = False
    no_warnings: bool = False
    crt: CrtArgs = field(default_factory=CrtArgs)


def _lang_for(path: str, forced: str | None) -> str:
    if forced and forced != "none":
        return forced
    if path == "-":
        return "stdin"
    return _SUFFIX_LANG.get(os.path.splitext(path)[1], "object")


def parse_cc_args(argv: list[str]) -> CcArgs:
    """Parse a gcc-style command line (after the program name)."""
    args = expand_response_files(list(argv))
    a = CcArgs()
    lang: str | None = None
    i = 0

    def value(opt: str, arg: str) -> str:
        """The value of ``opt`` joined to ``arg`` or in the next argument."""
        nonlocal i
        if len(arg) > len(opt):
            return arg[len(opt):]
        if i + 1 >= len(args):
            raise CrtError(f"missing argument to '{opt}'")
        i += 1
        return args[i]

    while i < len(args):
        arg = args[i]
        if arg == "-" or not arg.startswith("-") or arg == "":
            a.inputs.append(SourceInput(arg, _lang_for(arg, lang)))
        elif arg in ("-E", "-S", "-c"):
            order = {Stage.LINK: 0, Stage.OBJECT: 1, Stage.ASSEMBLY: 2, Stage.PREPROCESS: 3}
            new = {"-E": Stage.PREPROCESS, "-S": Stage.ASSEMBLY, "-c": Stage.OBJECT}[arg]
            if order[new] > order[a.stop]:
                a.stop = new       # gcc: -E beats -S beats -c, whatever the order
        elif arg.startswith("-o"):
            a.output = value("-o", arg)
        elif arg == "-x" or arg.startswith("-x"):
            lang = value("-x", arg)
            if lang not in _LANGS:
                raise CrtError(f"language {lang} not recognized")
        elif arg == "-v":
            a.verbose = True
        elif arg == "-###":
            a.dry_run = True
        elif arg in ("--version", "--help", "--target-help", "-dumpmachine", "-dumpversion",
                     "-dumpfullversion", "-dumpspecs") or arg.startswith(("--help=", "-print-", "--print-")):
            a.info.append(arg[1:] if arg.startswith("--print-") else arg)
        elif arg.startswith("--target="):
            a.target_name = arg.split("=", 1)[1]
        elif arg in ("-target", "--target"):
            a.target_name = value(arg, arg)
        elif arg.startswith("--crt-"):
            parse_crt_option(arg, a.crt)
        elif arg in _IGNORED:
            pass
        # ---- preprocessor
        elif arg in _CPP_EXACT or arg.startswith("-Wp,"):
            a.cpp.append(arg)
        elif arg.startswith(("-I", "-D", "-U", "-A")):
            opt = arg[:2]
            v = value(opt, arg)
            a.cpp += [opt + v] if opt != "-A" else ["-A", v]
            if opt == "-I":
                a.include_dirs.append(v)
        elif arg.startswith(_I_OPTS):
            opt = next(o for o in _I_OPTS if arg.startswith(o))
            v = value(opt, arg)
            (a.target_cpp if opt == "-isysroot" else a.cpp).extend([opt, v])
        elif arg == "-Xpreprocessor":
            a.cpp += [arg, value(arg, arg)]
        # ---- dependencies
        elif arg in ("-M", "-MM", "-MD", "-MMD", "-MP", "-MG"):
            a.dep_opts[arg[1:]] = True
        elif arg.startswith("-MF"):
            a.dep_file = value("-MF", arg)
        elif arg.startswith(("-MT", "-MQ")):
            a.dep_targets.append((arg[:3], value(arg[:3], arg)))
        # ---- assembler / linker
        elif arg.startswith("-Wa,"):
            a.asm_opts += [x for x in arg[4:].split(",") if x]
        elif arg == "-Xassembler":
            a.asm_opts.append(value(arg, arg))
        elif arg.startswith("-Wl,"):
            a.inputs.append(LinkItem(args=[arg]))
        elif arg == "-Xlinker":
            a.inputs.append(LinkItem(args=[arg, value(arg, arg)]))
        elif arg.startswith("-l"):
            a.inputs.append(LinkItem(args=["-l" + value("-l", arg)]))
        elif arg.startswith("-L"):
            a.inputs.append(LinkItem(args=["-L" + value("-L", arg)]))
        elif arg in ("-T", "-u", "-z", "-e"):
            a.inputs.append(LinkItem(args=[arg, value(arg, arg)]))
        elif arg.startswith(("-T", "-u")):
            a.inputs.append(LinkItem(args=[arg]))     # -Tscript, -Ttext=..., -usym
        elif arg in _LINK_EXACT:
            a.link.append(arg)
        elif arg == "-pthread":
            a.compile.append(arg)        # defines _REENTRANT and links libpthread: every step
        # ---- target-only driver options
        elif arg.startswith(("--sysroot=", "-specs=", "--specs=")):
            a.target_cpp.append(arg)
        elif arg in ("--sysroot", "-specs", "--specs"):
            a.target_cpp += [arg, value(arg, arg)]
        elif arg.startswith("-B"):
            a.target_cpp.append("-B" + value("-B", arg))
        # ---- code generation
        elif arg == "-fsyntax-only":
            a.syntax_only = True
        elif arg == "-w":
            a.no_warnings = True
            a.compile.append(arg)
        elif arg.startswith("-m"):
            a.m_opts.append(arg)
        elif arg.startswith(("-O", "-g", "-f", "-W", "-std=", "--std=", "--param=")) or arg in _COMPILE_EXACT:
            a.compile.append(arg)
        elif arg == "--param":
            a.compile += [arg, value(arg, arg)]
        elif arg in _SEPARATE_FORWARD:
            a.unknown += [arg, value(arg, arg)]
        else:
            a.unknown.append(arg)      # never dropped: the target gcc judges it
        i += 1
    return a


# ---------------------------------------------------------------------------
# Plan building
# ---------------------------------------------------------------------------


def _stem(path: str) -> str:
    base = os.path.basename(path)
    root, ext = os.path.splitext(base)
    return root if ext else base


def _same_file(a: str, b: str) -> bool:
    """Whether writing ``b`` would destroy input ``a`` (devices like /dev/null never count)."""
    if not os.path.isfile(a):
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _replace_ext(path: str, ext: str) -> str:
    root, old = os.path.splitext(path)
    return (root if old and not os.path.basename(path).startswith(".") else path) + ext


def _dep_request(a: CcArgs, inp: SourceInput, stage: Stage, n_compiled: int) -> DepRequest | None:
    """The dependency rule for one input, named like gcc 12 names it."""
    d = a.dep_opts
    only = d.get("M") or d.get("MM")
    if not (only or d.get("MD") or d.get("MMD")):
        return None
    system = bool(d.get("M")) if only else bool(d.get("MD"))
    default_obj = _stem(inp.path if inp.path != "-" else "-") + ".o"
    if only:
        dep_file = a.dep_file if a.dep_file is not None else a.output
        if dep_file == "-":
            dep_file = None
        target = default_obj
    else:
        single_o = a.output is not None and (stage is not Stage.LINK or n_compiled == 1)
        if a.dep_file is not None:
            dep_file = a.dep_file
        elif single_o and a.output != "-":
            dep_file = _replace_ext(a.output or "", ".d")
        else:
            dep_file = _stem(inp.path) + ".d"
        target = a.output if single_o and stage is not Stage.PREPROCESS and a.output != "-" else default_obj
    targets = list(a.dep_targets) or [("-MQ", target or default_obj)]
    return DepRequest(file=dep_file, targets=targets, system=system, only=bool(only),
                      phony=bool(d.get("MP")), missing_ok=bool(d.get("MG")))


def _split_asm_opts(opts: list[str]) -> tuple[list[str], list[str]]:
    """-Wa options for the host x86 as, and the subset that also makes sense for the target as."""
    x86_only = re.compile(r"^(--(32|64|x32)$|-m|-n$|--divide$|-O\d?$)")
    generic = [o for o in opts if not x86_only.match(o)]
    return list(opts), generic


def build_plan(a: CcArgs, target: Target, prog: str = "crt-cc") -> Plan:
    """Decide what happens to every input; validate; name outputs.  Raises CrtError."""
    crt = a.crt
    warnings: list[str] = []

    # -- the --crt-* settings -------------------------------------------------------
    if crt.engine not in SUPPORTED_ENGINES:
        raise CrtError(f"translation engine '{crt.engine}' is not yet supported "
                       f"(available: {', '.join(SUPPORTED_ENGINES)})")
    source_isa = crt.source_isa or "x86_64"
    m_source = [m for m in a.m_opts if classify_m_option(m) == "source"]
    if m_source and crt.source_isa is None:
        source_isa = _SOURCE_M[m_source[-1]]
    via = crt.via_x86 or crt.via_source
    if crt.via_x86 and source_isa not in ("x86_64", "i386", "x32", "i386-16bit"):
        raise CrtError("--crt-via-x86 compiles C with the x86 host compiler; it cannot be combined "
                       f"with --crt-source={source_isa} (use --crt-via-source)")

    # -- inputs -----------------------------------------------------------------
    sources = [x for x in a.inputs if isinstance(x, SourceInput)]
    if not sources:
        raise NoInputFiles()
    missing = [s for s in sources if s.path != "-" and not os.path.exists(s.path)]
    if missing:
        raise MissingInputs([s.path for s in missing])
    for s in sources:
        if s.lang == "stdin":
            if a.stop is not Stage.PREPROCESS:
                raise CrtError("-E or -x required when input is from standard input")
            s.lang = "c"

    stage = Stage.SYNTAX if a.syntax_only and a.stop is not Stage.PREPROCESS else a.stop
    if a.dep_opts.get("M") or a.dep_opts.get("MM"):
        stage = Stage.PREPROCESS
    compiled = [s for s in sources if s.lang != "object"]
    if a.output is not None and stage not in (Stage.LINK, Stage.SYNTAX) and len(compiled) > 1:
        raise CrtError("cannot specify '-o' with '-c', '-S' or '-E' with multiple files")
    if a.output and a.output != "-":
        for s in sources:
            if s.path != "-" and os.path.exists(a.output) and _same_file(s.path, a.output):
                raise CrtError(f"input file '{s.path}' is the same as output file")

    # -- -m options, per consumer ---------------------------------------------------
    classes = [(m, classify_m_option(m)) for m in a.m_opts]
    m_native = [m for m, c in classes if c in ("target", "target-abi", "both")]
    m_host = [m for m, c in classes if c in ("x86", "x86-abi", "both")]
    m_x86 = [m for m, c in classes if c == "x86"]
    m_x86_abi = [m for m, c in classes if c == "x86-abi"]
    m_target_tune = [m for m, c in classes if c == "target"]
    m_target_abi = [m for m, c in classes if c == "target-abi"]

    # -- jobs ------------------------------------------------------------------------
    jobs: list[Job] = []
    link_items: list[LinkItem] = []
    machine = TARGET_MACHINE.get(target.triple)
    native_c: list[SourceInput] = []
    translating: list[tuple[str, str]] = []     # (display, isa) of everything translated
    lib_dirs = [x.args[0][2:] for x in a.inputs if isinstance(x, LinkItem) and x.args[0].startswith("-L")]
    for item in a.inputs:
        if isinstance(item, LinkItem):
            found = _user_library(item, lib_dirs, "-static" in a.link) if stage is Stage.LINK else None
            if found is None:
                link_items.append(item)
                continue
            # -lfoo resolving to an x86 archive in the user's -L dirs: translate it like a named .a
            item = SourceInput(found, "object")
        s = item
        if s.lang == "object":
            if stage is not Stage.LINK:
                warnings.append(f"{s.path}: linker input file unused because linking not done")
                continue
            hdr = elf_header(s.path)
            if hdr and hdr[0] in TRANSLATABLE_MACHINES and hdr[0] != machine:
                isa = TRANSLATABLE_MACHINES[hdr[0]]
                if hdr[1] != 1:   # ET_REL
                    raise CrtError("x86 executables and shared libraries cannot be linked into a "
                                   f"{target.triple} program (only relocatable objects are translated)",
                                   file=s.path)
                translating.append((s.display, isa))
                jobs.append(Job(s, Route.FOREIGN_OBJECT, Stage.LINK, None, isa))
                link_items.append(LinkItem(job=len(jobs) - 1))
            else:
                isas = archive_foreign_isas(s.path) if s.path.endswith(".a") else set()
                if isas:
                    for isa in sorted(isas):
                        translating.append((s.display, isa))
                    jobs.append(Job(s, Route.FOREIGN_ARCHIVE, Stage.LINK, None, sorted(isas)[0]))
                    link_items.append(LinkItem(job=len(jobs) - 1))
                else:
                    link_items.append(LinkItem(args=[s.path]))
            continue

        if s.lang == "assembler":
            route = Route.ASM
        elif s.lang == "assembler-with-cpp":
            route = Route.ASM_CPP
        elif via and s.lang in _VIA_LANGS:
            route = Route.VIA_HOST
        else:
            route = Route.NATIVE
            native_c.append(s)
        if route is not Route.NATIVE and stage is not Stage.PREPROCESS:
            translating.append((s.display, source_isa))

        output = _job_output(a, s, stage, route, len(compiled))
        deps = _dep_request(a, s, stage, len(compiled))
        jobs.append(Job(s, route, stage, output, source_isa, deps,
                        aux_args=_aux_args(a, s, stage, output) if route in _GCC_ROUTES else []))
        if stage is Stage.LINK:
            link_items.append(LinkItem(job=len(jobs) - 1))

    # -- validation of what the routes cannot honour -------------------------------
    for display, isa in translating:
        if isa not in SUPPORTED_SOURCE_ISAS:
            why = f" ('{m_source[-1]}')" if m_source and crt.source_isa is None else ""
            raise CrtError(f"translating {isa} code{why} is not yet supported "
                           f"(supported: {', '.join(SUPPORTED_SOURCE_ISAS)})", file=display)
        check_source_fits_target(isa, target, display)
    if translating:
        defaults = _TARGET_ABI_DEFAULT.get(target.triple, {})
        for m in m_target_abi:
            key = next((k for k in defaults if m.startswith(k)), None)
            if m == "-mlittle-endian" or (key and m[len(key):] == defaults[key]):
                continue
            raise CrtError(f"'{m}' changes the {target.triple} ABI, which translated code does not "
                           "support yet")
        for m in m_target_tune:
            warnings.append(f"'{m}' does not affect translated code (it uses the {target.triple} "
                            "baseline)")
    if native_c:
        bad = [m for m in m_source if m != "-m64"] + m_x86_abi
        if bad:
            raise CrtError(f"x86 option '{bad[0]}' cannot be honoured when compiling "
                           f"'{native_c[0].display}' natively for {target.triple} "
                           "(use --crt-via-x86 to compile it as x86 and translate it)")
        if m_x86:
            warnings.append(f"x86 option{'s' if len(m_x86) > 1 else ''} {' '.join(repr(m) for m in m_x86)} "
                            f"ignored when compiling C natively for {target.triple}")
    if a.unknown and any(j.route is Route.VIA_HOST for j in jobs):
        warnings.append(f"option{'s' if len(a.unknown) > 1 else ''} {' '.join(a.unknown)} "
                        "not passed to the host compiler used by --crt-via-x86")
    only_translated = not native_c and stage is not Stage.LINK
    if only_translated and a.unknown and translating:
        warnings.append(f"option{'s' if len(a.unknown) > 1 else ''} {' '.join(a.unknown)} "
                        "not understood by crt-cc; no effect on translated code")

    # -S would overwrite its own input (crt-cc -S foo.s): refuse instead of destroying it.
    for j in jobs:
        if j.output and j.output != "-" and j.input.path != "-" and _same_file(j.input.path, j.output):
            raise CrtError(f"output file '{j.output}' would overwrite the input; use -o to name the "
                           "translated assembly", file=j.input.display)

    # -- tool arguments ------------------------------------------------------------
    host_as, target_wa = _split_asm_opts(a.asm_opts)
    tools = ToolArgs(
        native_cc=[*a.target_cpp, *a.cpp, *a.compile, *m_native, *a.unknown,
                   *(["-Wa," + ",".join(target_wa)] if target_wa else [])],
        host_cc=[*a.cpp, *a.compile, *m_host],
        host_as=[*(f"-I{d}" for d in a.include_dirs), *host_as],
        link=[*a.target_cpp, *a.compile, *m_native, *a.unknown, *a.link],
    )
    link = None
    if stage is Stage.LINK:
        link = LinkStep(output=a.output or "a.out", items=link_items)

    return Plan(
        jobs=jobs,
        link=link,
        tools=tools,
        crt=CrtSettings(engine=crt.engine, model_dir=_model_dir(crt), prototypes=crt.prototypes, exact_nan=crt.exact_nan,
                        report=crt.report, opt_level=2 if crt.opt_level is None else crt.opt_level,
                        keep_temps=crt.keep_temps, audit_against=list(crt.audit_against),
                        model_examples=crt.model_examples),
        verbose=a.verbose,
        dry_run=a.dry_run,
        no_warnings=a.no_warnings,
        warnings=warnings,
        prog=prog,
    )


def _user_library(item: LinkItem, lib_dirs: list[str], static: bool) -> str | None:
    """The file ``-lname`` finds in the user's -L directories when it holds x86 code, else None.

    Only -L directories are searched: the sysroot's libraries are target code.
    """
    arg = item.args[0]
    if not arg.startswith("-l") or len(item.args) != 1:
        return None
    name = arg[2:]
    names = [name[1:]] if name.startswith(":") else (
        [f"lib{name}.a"] if static else [f"lib{name}.so", f"lib{name}.a"])
    for d in lib_dirs:
        for n in names:
            path = os.path.join(d, n)
            if os.path.isfile(path):
                hdr = elf_header(path)
                if hdr and hdr[0] in TRANSLATABLE_MACHINES:
                    return path        # x86 shared object: reported by the object route
                return path if archive_foreign_isas(path) else None
    return None


_GCC_ROUTES = (Route.NATIVE, Route.VIA_HOST)


def _aux_args(a: CcArgs, s: SourceInput, stage: Stage, output: str | None) -> list[str]:
    """gcc 12's -dumpdir/-dumpbase for this compile, made explicit (see Job.aux_args)."""
    if s.path == "-" or any(u in ("-dumpbase", "-dumpdir", "-dumpbase-ext") for u in a.unknown):
        return []
    ext = os.path.splitext(os.path.basename(s.path))[1]
    ext_args = ["-dumpbase-ext", ext] if ext else []
    if stage is Stage.LINK:
        return ["-dumpdir", (a.output or "a") + "-", "-dumpbase", os.path.basename(s.path), *ext_args]
    if stage in (Stage.OBJECT, Stage.ASSEMBLY) and output and output != "-":
        d = os.path.dirname(output)
        # gcc would otherwise put side files (-fstack-usage's .su, -save-temps) next to the
        # scratch .s crt-cc compiles to, where they are deleted
        return ["-dumpdir", (d or ".") + "/", "-dumpbase", _stem(output) + ext, *ext_args]
    return []


def _job_output(a: CcArgs, s: SourceInput, stage: Stage, route: Route, n_compiled: int) -> str | None:
    """gcc's output naming: -o, else input basename + .o/.s; -E to stdout; link inputs to scratch."""
    if stage in (Stage.LINK, Stage.SYNTAX):
        return None
    if stage is Stage.PREPROCESS:
        if a.dep_opts.get("M") or a.dep_opts.get("MM"):
            return None            # the rule is the output (see DepRequest.file)
        return a.output            # None: stdout
    if a.output is not None:
        return a.output
    return _stem(s.path) + (".s" if stage is Stage.ASSEMBLY else ".o")


class NoInputFiles(CrtError):
    """gcc's fatal 'no input files' (its own wording, which scripts grep for)."""

    def __init__(self) -> None:
        super().__init__("no input files")

    def format(self, prog: str = "crt-cc") -> str:
        return f"{prog}: fatal error: no input files\ncompilation terminated."


class MissingInputs(CrtError):
    """One or more input files do not exist (each gets its own gcc-style line)."""

    def __init__(self, paths: list[str]):
        super().__init__(f"{paths[0]}: No such file or directory")
        self.paths = paths

    def format(self, prog: str = "crt-cc") -> str:
        return "\n".join(f"{prog}: error: {p}: No such file or directory" for p in self.paths)


# ---------------------------------------------------------------------------
# crt-as
# ---------------------------------------------------------------------------


@dataclass
class AsArgs:
    inputs: list[str] = field(default_factory=list)
    output: str = "a.out"
    target_name: str | None = None
    host_as: list[str] = field(default_factory=list)
    include_dirs: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    no_warnings: bool = False
    dep_file: str | None = None
    verbose: bool = False
    crt: CrtArgs = field(default_factory=CrtArgs)


def parse_as_args(argv: list[str]) -> AsArgs:
    """Parse a GNU as command line; x86 assembler options go to the host as."""
    args = expand_response_files(list(argv))
    a = AsArgs()
    i = 0

    def value(opt: str, arg: str) -> str:
        nonlocal i
        if len(arg) > len(opt) and arg.startswith(opt):
            v = arg[len(opt):]
            return v[1:] if v.startswith("=") and opt.startswith("--") else v
        if i + 1 >= len(args):
            raise CrtError(f"missing argument to '{opt}'")
        i += 1
        return args[i]

    while i < len(args):
        arg = args[i]
        if arg == "-" or not arg.startswith("-"):
            a.inputs.append(arg)
        elif arg == "--":
            a.inputs.append("-")
        elif arg.startswith("-o"):
            a.output = value("-o", arg)
        elif arg.startswith("--target="):
            a.target_name = arg.split("=", 1)[1]
        elif arg in ("--target", "-target"):
            a.target_name = value(arg, arg)
        elif arg.startswith("--crt-"):
            parse_crt_option(arg, a.crt)
        elif arg in ("--version", "--help", "-v", "-version"):
            if arg in ("-v", "-version"):
                a.verbose = True
            a.info.append(arg)
        elif arg.startswith("-I"):
            d = value("-I", arg)
            a.include_dirs.append(d)
            a.host_as.append("-I" + d)
        elif arg == "--32":
            a.crt.source_isa = a.crt.source_isa or "i386"
        elif arg == "--x32":
            a.crt.source_isa = a.crt.source_isa or "x32"
        elif arg == "--64":
            pass
        elif arg in ("-g", "--gen-debug") or arg.startswith(("--gdwarf", "-gdwarf")):
            pass    # line info is added whenever the source has none (see ToolArgs.add_debug_line_info)
        elif arg in ("-W", "--no-warn"):
            a.no_warnings = True
            a.host_as.append(arg)
        elif arg in ("--defsym", "--debug-prefix-map"):
            a.host_as += [arg, value(arg, arg)]
        elif arg == "--MD":
            a.dep_file = value(arg, arg)
        elif arg.startswith("-march=") and not _X86_CPU.match(arg.split("=", 1)[1].split("+")[0]):
            pass    # a target -march (build systems pass CFLAGS to as): translated code uses the baseline
        else:
            a.host_as.append(arg)   # x86 as options (-march=, -msyntax=, --noexecstack, -a...)
        i += 1
    return a


def check_source_fits_target(isa: str, target: Target, display: str | None = None) -> None:
    """i386 code keeps 32-bit pointers in its registers and memory: only an ILP32 target can run it."""
    if isa == "i386" and target.bits != 32:
        raise CrtError(f"translating i386 code for '{target.triple}' is not supported: its pointers are "
                       "32-bit (translate i386 code for arm-linux-gnueabi, or x86-64 code for "
                       f"{target.triple})", file=display)


def build_as_plan(a: AsArgs, target: Target, prog: str = "crt-as") -> Plan:
    """One translation job over the (concatenated) inputs, like as assembles them together."""
    isa = a.crt.source_isa or "x86_64"
    if isa not in SUPPORTED_SOURCE_ISAS:
        raise CrtError(f"translating {isa} code is not yet supported "
                       f"(supported: {', '.join(SUPPORTED_SOURCE_ISAS)})")
    check_source_fits_target(isa, target)
    if a.crt.engine not in SUPPORTED_ENGINES:
        raise CrtError(f"translation engine '{a.crt.engine}' is not yet supported "
                       f"(available: {', '.join(SUPPORTED_ENGINES)})")
    names = a.inputs or ["-"]
    missing = [p for p in names if p != "-" and not os.path.exists(p)]
    if missing:
        raise CrtError(f"can't open {missing[0]} for reading: No such file or directory")
    inputs = [SourceInput(p, "assembler", "{standard input}" if p == "-" else p) for p in names]
    deps = None
    if a.dep_file:
        deps = DepRequest(file=a.dep_file, targets=[("-MQ", a.output)])
    job = Job(inputs[0], Route.ASM, Stage.OBJECT, a.output, isa, deps, more_inputs=inputs[1:])
    crt = a.crt
    return Plan(
        jobs=[job],
        tools=ToolArgs(host_as=a.host_as),
        crt=CrtSettings(engine=crt.engine, model_dir=_model_dir(crt), prototypes=crt.prototypes, exact_nan=crt.exact_nan,
                        report=crt.report, opt_level=2 if crt.opt_level is None else crt.opt_level,
                        keep_temps=crt.keep_temps, audit_against=list(crt.audit_against),
                        model_examples=crt.model_examples),
        verbose=a.verbose,
        no_warnings=a.no_warnings,
        prog=prog,
    )
