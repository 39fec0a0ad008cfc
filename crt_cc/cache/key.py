"""Cache keys: SHA-256 over everything that can change a translation's output.

A key must change whenever the translated text (or the warnings and report
records that come with it) could change, and should change for nothing else,
so that identical work in another build directory run, another process, or
another CI job is found again.  The pieces are:

* the x86 relocatable object the host assembler produced -- the lifter's whole
  input.  It is a deterministic function of the preprocessed assembly, the host
  ``as`` version and its flags (checked: the same ``.s``/``.S``/``.c`` gives
  byte-identical objects from run to run).  It also carries the build
  directory in its DWARF ``DW_AT_comp_dir``, so entries are per checkout path,
  like ccache's default ``hash_dir``;
* the file named in diagnostics and its contents: warnings quote that name and
  the lifter searches that file for line numbers;
* the source ISA, the target (triple, LLVM triple, CPU, features, ABI);
* the engine and its configuration (for the model engine: a content hash of
  its weights directory, see :func:`tree_digest`);
* the translation flags: ``--crt-opt``, ``--crt-exact-nan`` and the *content* of
  ``--crt-prototypes``;
* the translator itself: ``crt_cc.__version__``, a hash of every source file of
  the ``crt_cc`` package (so editing the lifter invalidates old entries during
  development), the Python minor version and the versions of the libraries that
  shape the output (llvmlite with its LLVM, capstone, pyelftools, cffi,
  pycparser).

``-g`` needs no entry of its own: it changes the object bytes when it matters.

For C compiled with ``--crt-via-x86``, :func:`preprocessed_key` keys the same
translation on the *preprocessed* C instead of the object (ccache's
preprocessor mode), so that a hit needs no host ``gcc -S``; its ``p`` entry
names the object-based key whose entries hold the result.

Everything here is cheap (about 1-2 ms per process) and imports nothing heavy:
a cache hit must not pay for llvmlite or capstone.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Mapping

from .. import __version__

#: Bumped when the meaning of a key changes (what goes in, or how entries are laid out).
KEY_SCHEMA = 1

#: Distributions whose version can change translated code or its diagnostics.
_OUTPUT_LIBRARIES = ("llvmlite", "capstone", "pyelftools", "cffi", "pycparser")

_fingerprint: dict[str, object] | None = None


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_digest(path: str | None) -> str | None:
    """SHA-256 of a regular file's content; None when there is no such readable file.

    Used for inputs named by path whose *content* matters (``--crt-prototypes``,
    the source file diagnostics read), never their timestamps, so that keys
    agree between machines and checkouts.
    """
    if not path:
        return None
    try:
        if not os.path.isfile(path):
            return None
        return _sha256_file(path)
    except OSError:
        return "unreadable"


#: Where :func:`translator_fingerprint` may remember the package digest (set by the cache).
_source_memo: str | None = None
_source_memo_writable = False

#: How many package states the memo remembers (e.g. branches switched back and forth).
_SOURCE_MEMO_ENTRIES = 8


def set_source_digest_memo(path: str | None, writable: bool = True) -> None:
    """Let :func:`translator_fingerprint` reuse the package digest stored in ``path``.

    Called by the cache (the memo lives in its directory); see :func:`package_source_digest`.
    """
    global _source_memo, _source_memo_writable
    _source_memo, _source_memo_writable = path, writable


def _package_files(root: str) -> list[tuple[str, str]]:
    """(relative name, path) of every file of the package, in a fixed order; no bytecode."""
    files: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")) or name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            files.append((os.path.relpath(path, root).replace(os.sep, "/"), path))
    return files


def package_source_digest(root: str | None = None, memo: str | None = None,
                          save_memo: bool = True) -> str:
    """SHA-256 over the relative path and bytes of every file of the ``crt_cc`` package.

    Content, not modification times: two checkouts of the same commit must
    agree.  ``__pycache__`` is skipped (its bytes follow from the sources).

    Every crt-cc process needs this digest, and the package (about 3 MB with
    the embedding weights) takes 5-10 ms to hash -- a tenth of a cache hit.
    ``memo``: a JSON file mapping a digest of the files' identities (name,
    size, inode, mtime and ctime in ns) to the content digest, so an unchanged
    tree costs one ``stat`` per file.  Any write to a file changes its ctime,
    so an edited tree is hashed again (as :func:`tree_digest` does for weights).
    """
    root = root or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = _package_files(root)
    identity = table = None
    if memo:
        ident = hashlib.sha256()
        for rel, path in files:
            try:
                st = os.stat(path)
            except OSError:
                continue
            ident.update(f"{rel}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\n".encode())
        identity = f"{os.path.realpath(root)}\0{ident.hexdigest()}"
        table = _load_memo(memo)
        if identity in table:
            return table[identity]
    h = hashlib.sha256()
    for rel, path in files:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            continue
        h.update(f"{rel}\0{len(data)}\0".encode())
        h.update(data)
    digest = h.hexdigest()
    if memo and identity is not None and table is not None and save_memo:
        kept = [(k, v) for k, v in table.items() if k != identity][-(_SOURCE_MEMO_ENTRIES - 1):]
        _save_memo(memo, {**dict(kept), identity: digest})
    return digest


def library_versions(names: tuple[str, ...] = _OUTPUT_LIBRARIES) -> dict[str, str]:
    """Installed versions of ``names``, read from ``*.dist-info`` directory names on sys.path.

    ``importlib.metadata`` would do the same at several times the cost; the
    libraries themselves must not be imported (a hit never needs them).
    """
    wanted = {n.lower().replace("-", "_"): n for n in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        try:
            listing = os.listdir(entry)
        except OSError:
            continue
        for item in listing:
            if not item.endswith((".dist-info", ".egg-info")):
                continue
            stem = item.rsplit(".", 1)[0]
            dist, _, version = stem.partition("-")
            name = wanted.get(dist.lower().replace("-", "_").replace(".", "_"))
            if name and name not in found:
                found[name] = version
        if len(found) == len(wanted):
            break
    return {n: found.get(n, "absent") for n in names}


def translator_fingerprint() -> dict[str, object]:
    """What identifies this translator build; computed once per process."""
    global _fingerprint
    if _fingerprint is None:
        _fingerprint = {
            "version": __version__,
            "sources": package_source_digest(memo=_source_memo, save_memo=_source_memo_writable),
            "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
            "libraries": library_versions(),
        }
    return _fingerprint


def tree_digest(path: str, memo: str | None = None) -> str:
    """Content hash of a directory tree (relative names and bytes), e.g. model weights.

    Engines that depend on data files (the model engine's weights directory)
    put this in their engine configuration, so replacing the weights
    invalidates every translation they made.

    ``memo``: a JSON file remembering each file's SHA-256 by its identity
    (path, size, inode, mtime and ctime in ns), so that a build does not rehash
    gigabytes of unchanged weights in every compiler process -- a rewritten
    file changes its mtime/ctime and is hashed again.
    """
    h = hashlib.sha256()
    if os.path.isfile(path):
        return _sha256_file(path)
    table = _load_memo(memo)
    current: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, path).replace(os.sep, "/")
            try:
                st = os.stat(full)
                ident = f"{os.path.realpath(full)}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}"
                digest = table.get(ident) or _sha256_file(full)
                current[ident] = digest
            except OSError:
                digest = "unreadable"
            h.update(f"{rel}\0{digest}\n".encode())
    if memo and any(k not in table for k in current):
        # Forget older identities of the files just hashed; other trees' entries stay.
        paths = {k.split("\0", 1)[0] for k in current}
        _save_memo(memo, {**{k: v for k, v in table.items() if k.split("\0", 1)[0] not in paths}, **current})
    return h.hexdigest()


def _load_memo(memo: str | None) -> dict[str, str]:
    if not memo:
        return {}
    try:
        with open(memo, encoding="utf-8") as f:
            table = json.load(f)
        return {str(k): str(v) for k, v in table.items()} if isinstance(table, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_memo(memo: str, table: dict[str, str]) -> None:
    """Best effort (a read-only cache directory only costs rehashing); atomic for concurrent builds."""
    try:
        os.makedirs(os.path.dirname(memo) or ".", exist_ok=True)
        tmp = f"{memo}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(table, f)
        os.replace(tmp, memo)
    except OSError:
        pass


def _digest(material: Mapping[str, object]) -> str:
    text = json.dumps(material, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _translation_material(input_kind: str, input_digest: str, *, source_isa: str,
                          target: Mapping[str, object], engine_config: Mapping[str, object],
                          flags: Mapping[str, object], source: Mapping[str, object],
                          extra: Mapping[str, object] | None = None) -> dict[str, object]:
    """What every translation key hashes, around one digest of the translator's input.

    Shared by :func:`translation_key` (input: the x86 object) and
    :func:`preprocessed_key` (input: preprocessed C), so both kinds of key
    cover the same target, engine, flags, source and translator, and a change
    to one list of ingredients reaches both.
    """
    material: dict[str, object] = {
        "schema": KEY_SCHEMA,
        "translator": translator_fingerprint(),
        input_kind: input_digest,
        "source_isa": source_isa,
        "target": dict(target),
        "engine": dict(engine_config),
        "flags": dict(flags),
        "source": dict(source),
    }
    if extra:
        material.update(extra)
    return material


def translation_key(object_bytes: bytes, *, source_isa: str, target: Mapping[str, object],
                    engine_config: Mapping[str, object], flags: Mapping[str, object],
                    source: Mapping[str, object]) -> str:
    """The key of one translation (64 hex digits).

    ``target``: the target's triple and LLVM settings; ``engine_config``: the
    engine name and whatever configures it (a weights digest for the model
    engine); ``flags``: translation options (opt level, exact NaN, prototypes
    digest); ``source``: the diagnostic name and the digest of that file.
    Every mapping is serialised canonically (sorted keys), so adding an entry
    to one of them later changes keys only where the new entry is present.
    """
    return _digest(_translation_material(
        "object", hashlib.sha256(object_bytes).hexdigest(), source_isa=source_isa, target=target,
        engine_config=engine_config, flags=flags, source=source))


def preprocessed_key(preprocessed: bytes, *, compiler: Mapping[str, object], source_isa: str,
                     target: Mapping[str, object], engine_config: Mapping[str, object],
                     flags: Mapping[str, object], source: Mapping[str, object]) -> str:
    """Key of a ``--crt-via-x86`` C file's translation, from its *preprocessed* text (ccache's
    preprocessor mode).

    The object-based :func:`translation_key` needs the x86 object, so a hit
    would still cost the host ``gcc -S`` -- more than half of a warm build.
    This key replaces the object by what determines it: the preprocessed C
    (every header's text, ``__FILE__``/``__DATE__``/``__TIME__`` expanded, line
    markers with the headers' paths) plus ``compiler``: the host compiler's
    command line without the dependency options, its identity (path, size,
    mtime: ccache's ``compiler_check=mtime``), the host assembler's identity
    and arguments, the working directory (the object's DWARF names it) and the
    environment variables that change what the compiler does or says.  The
    rest is the same material as :func:`translation_key`.

    Only for entries that stay on this machine: the tool identities are local.
    """
    return _digest(_translation_material(
        "preprocessed", hashlib.sha256(preprocessed).hexdigest(), source_isa=source_isa, target=target,
        engine_config=engine_config, flags=flags, source=source, extra={"compiler": dict(compiler)}))


#: Host compiler options that make the preprocessed text an incomplete description of the object
#: (profile data or plugins read from files; -dM/-P drop code or line markers from ``-E``) or that
#: write side files a cache hit would not produce (coverage notes, -save-temps, dumps, .dwo, .su).
_PREPROCESSOR_MODE_BLOCKERS = (
    "-fprofile", "-fauto-profile", "-fbranch-probabilities", "-fcreate-profile", "-ftest-coverage",
    "--coverage", "-fplugin", "-save-temps", "--save-temps", "-fstack-usage", "-fcallgraph-info",
    "-fdump-", "-fopt-info", "-gsplit-dwarf", "-flto", "-fcompare-debug", "-fpch-preprocess",
    "-fdiagnostics-format", "-aux-info",
)


def preprocessor_mode_blocker(args: list[str]) -> str | None:
    """The first host compiler option that rules out :func:`preprocessed_key`, or None.

    Like ccache, a build with such an option still works, through the
    object-based key (the host compiler then runs every time).
    """
    for arg in args:
        if arg.startswith(_PREPROCESSOR_MODE_BLOCKERS) or arg in ("-dM", "-P"):
            return arg
        if arg.startswith("-Wp,") and {"-dM", "-P"} & set(arg.split(",")):
            return arg
    return None


#: Assembler directives in inline ``asm`` that pull in files the preprocessor never saw.
_ASM_FILE_DIRECTIVE = re.compile(rb"""(?:^|[\s"';]|\\[tn])\.inc(?:bin|lude)\b""", re.M)


def preprocessed_text_is_complete(preprocessed: bytes) -> bool:
    """False when inline assembly may read a file (``.incbin``/``.include``) whose content the
    preprocessed text does not contain (ccache refuses these too)."""
    return _ASM_FILE_DIRECTIVE.search(preprocessed) is None


def tool_identity(path: str) -> dict[str, object]:
    """A local tool's identity by path, size and modification time (ccache's ``compiler_check=mtime``).

    Only used for entries that never leave this machine (assembled target
    objects), where running ``as --version`` on every hit would cost more than
    the entry saves.
    """
    st = os.stat(path)
    return {"path": os.path.realpath(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def object_key(translation: str, assembler: Mapping[str, object], assembler_args: list[str]) -> str:
    """Key of the target object assembled from translation ``translation`` with one assembler."""
    return _digest({"schema": KEY_SCHEMA, "translation": translation, "assembler": dict(assembler),
                    "args": assembler_args})
