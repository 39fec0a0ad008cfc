"""The translation cache: content-addressed store of finished translations.

Translating an object costs hundreds of milliseconds (llvmlite, capstone, LLVM
-O2); a rebuild after ``make clean``, a CI job on an unchanged tree, or the
second configuration of a project translate the same objects again.  Like
ccache and sccache, crt-cc keys each translation by a SHA-256 over everything
that can change its output (:mod:`.key`) and keeps the result:

* ``t`` entries: the translated target assembly text plus the warnings and
  ``--crt-report`` records the engine produced, which are replayed on a hit.
  These are portable, and the only kind sent to a remote store.
* ``o`` entries: the target object assembled from that text, keyed also by the
  local target assembler (path, size, mtime).  A ``-c`` hit then costs no
  assembler run at all; the entry never leaves the machine.
* ``p`` entries (``--crt-via-x86`` C): preprocessed C key -> the object-based
  key of its translation, plus what the host compiler printed.  A hit then
  skips the host ``gcc -S`` as well (ccache's preprocessor mode); local only.

Design rules: a hit imports nothing heavy (no llvmlite, capstone, cffi); every
entry is verified before use; and a cache problem (read-only or full disk,
unreachable server, corrupt file) is at most one warning and a miss -- the
build itself never fails because of the cache.

Configuration (environment): ``CRT_CACHE=off`` disables it; ``CRT_CACHE_DIR``
(default ``$XDG_CACHE_HOME/crt-cc`` or ``~/.cache/crt-cc``);
``CRT_CACHE_MAXSIZE`` (default 1G; ccache-style suffixes, 0 = unlimited);
``CRT_CACHE_READONLY=1``; ``CRT_CACHE_REMOTE=http://host:port/prefix``,
``CRT_CACHE_REMOTE_READONLY=1``, ``CRT_CACHE_REMOTE_TIMEOUT`` (seconds, default 2).
See docs/cache.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from . import entry
from .key import (
    file_digest,
    object_key,
    preprocessed_key,
    preprocessed_text_is_complete,
    preprocessor_mode_blocker,
    set_source_digest_memo,
    tool_identity,
    translation_key,
    tree_digest,
)
from .local import LocalStore

TYPE_CHECKING = False     # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from .remote import HttpStore

__all__ = ["CacheSettings", "CachedTranslation", "PreprocessedEntry", "TranslationCache", "clear_cache",
           "file_digest", "format_size", "object_key", "open_cache", "parse_size", "preprocessed_key",
           "preprocessed_text_is_complete", "preprocessor_mode_blocker", "settings_from_env",
           "stats_text", "tool_identity", "translation_key", "tree_digest"]

DEFAULT_MAX_SIZE = 10**9

_OFF = ("off", "0", "no", "false", "disable", "disabled")
_ON = ("on", "1", "yes", "true", "enable", "enabled", "")

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kKMGT]?)(i?)B?\s*$")


def parse_size(text: str) -> int:
    """A ccache-style size: ``500M``, ``1G``, ``2.5GB``, ``64Ki``, ``1GiB``; bytes.

    k/M/G/T are decimal, Ki/Mi/Gi/Ti binary; a bare number means gigabytes (as
    in ccache); 0 means no limit.  ValueError for anything else.
    """
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"invalid size '{text}' (expected e.g. 500M, 1G, 2GiB, 0 for no limit)")
    number, unit, binary = float(m.group(1)), m.group(2).upper() or "G", m.group(3)
    power = "KMGT".index(unit) + 1
    return int(number * (1024 if binary else 1000) ** power)


def format_size(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def default_directory(env: Mapping[str, str]) -> str:
    """``$XDG_CACHE_HOME/crt-cc``, else ``~/.cache/crt-cc`` (the XDG base directory rules)."""
    xdg = env.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "crt-cc")
    return os.path.join(os.path.expanduser("~"), ".cache", "crt-cc")


@dataclass(frozen=True)
class CacheSettings:
    """The cache configuration, read from the environment once per process."""

    enabled: bool = True
    directory: str = ""
    max_size: int = DEFAULT_MAX_SIZE
    read_only: bool = False
    remote: str | None = None
    remote_read_only: bool = False
    remote_timeout: float = 2.0
    problems: tuple[str, ...] = ()     # configuration mistakes, reported as warnings


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() not in (*_OFF, "")


def settings_from_env(env: Mapping[str, str] | None = None) -> CacheSettings:
    """Read ``CRT_CACHE*`` variables; a bad value is a problem to warn about, never an error."""
    env = os.environ if env is None else env
    problems: list[str] = []
    mode = env.get("CRT_CACHE", "").strip().lower()
    enabled = mode not in _OFF
    if mode not in _OFF and mode not in _ON:
        problems.append(f"CRT_CACHE='{env['CRT_CACHE']}' not understood (use on or off); cache enabled")
    directory = env.get("CRT_CACHE_DIR", "").strip() or default_directory(env)
    max_size = DEFAULT_MAX_SIZE
    if env.get("CRT_CACHE_MAXSIZE", "").strip():
        try:
            max_size = parse_size(env["CRT_CACHE_MAXSIZE"])
        except ValueError as exc:
            problems.append(f"CRT_CACHE_MAXSIZE: {exc}; using {format_size(DEFAULT_MAX_SIZE)}")
    timeout = 2.0
    if env.get("CRT_CACHE_REMOTE_TIMEOUT", "").strip():
        try:
            timeout = float(env["CRT_CACHE_REMOTE_TIMEOUT"])
        except ValueError:
            problems.append(f"CRT_CACHE_REMOTE_TIMEOUT='{env['CRT_CACHE_REMOTE_TIMEOUT']}' is not a number")
    return CacheSettings(
        enabled=enabled,
        directory=os.path.abspath(os.path.expanduser(directory)),
        max_size=max_size,
        read_only=_flag(env, "CRT_CACHE_READONLY"),
        remote=env.get("CRT_CACHE_REMOTE", "").strip() or None,
        remote_read_only=_flag(env, "CRT_CACHE_REMOTE_READONLY"),
        remote_timeout=timeout,
        problems=tuple(problems),
    )


@dataclass
class CachedTranslation:
    """What one translation produced: target assembly text, warnings, report records."""

    text: str
    report: list[dict[str, object]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def meta(self, kind: str) -> dict[str, object]:
        return {"kind": kind, "report": self.report, "warnings": self.warnings}

    @classmethod
    def from_meta(cls, meta: dict[str, object], text: str) -> CachedTranslation:
        report, warnings = meta.get("report"), meta.get("warnings")
        if not isinstance(report, list) or not isinstance(warnings, list):
            raise entry.CorruptEntry("bad metadata")
        return cls(text, [dict(r) for r in report if isinstance(r, dict)], [str(w) for w in warnings])


@dataclass
class PreprocessedEntry:
    """A ``p`` entry: where the translation of one preprocessed C file is, and what gcc said.

    ``translation``: the object-based key (:func:`translation_key`) of its
    ``t``/``o`` entries; ``noexecstack``: whether the x86 object had a
    non-executable stack note (part of the ``o`` key); ``stderr``: the host
    compiler's diagnostics, replayed on a hit like ccache does; ``colour``:
    whether they were produced with ``-fdiagnostics-color=always``.
    """

    translation: str
    noexecstack: bool
    stderr: str = ""
    colour: bool = False


class TranslationCache:
    """Local store plus optional remote store, with every failure turned into a miss.

    ``warn`` receives at most one message per store per process (local and
    remote are separate), so a read-only cache directory or an unreachable
    server costs a build one line per compiler run, not one per entry.
    """

    def __init__(self, settings: CacheSettings, warn: Callable[[str], None] | None = None):
        self.settings = settings
        self._warn = warn or (lambda _msg: None)
        self._warned: set[str] = set()
        self.local = LocalStore(settings.directory, settings.max_size, settings.read_only)
        # Every key hashes the translator's sources; remembering that digest saves each process 5-10 ms.
        set_source_digest_memo(os.path.join(settings.directory, "translator-digest.json"),
                               writable=not settings.read_only)
        self._local_writes = not settings.read_only
        self.remote: HttpStore | None = None
        for problem in settings.problems:
            self._warn(f"translation cache: {problem}")
        if settings.remote:
            from .remote import HttpStore, RemoteError  # lazy: urllib costs ~20 ms to import
            try:
                self.remote = HttpStore(settings.remote, settings.remote_timeout)
            except RemoteError as exc:
                self._problem("remote", exc)

    # -- failure policy ---------------------------------------------------------------

    def _problem(self, where: str, exc: BaseException) -> None:
        """Count a cache failure, warn once per store, and stop using what failed."""
        self.local.record(errors=1)
        if where == "remote":
            self.remote = None
        elif where == "local-write":
            self._local_writes = False
        group = "remote" if where == "remote" else "local"
        if group not in self._warned:
            self._warned.add(group)
            detail = f"{exc.strerror}: {exc.filename}" if isinstance(exc, OSError) and exc.strerror \
                and exc.filename else str(exc)
            what = "remote store" if where == "remote" else f"directory {self.settings.directory}"
            self._warn(f"translation cache: {what}: {detail}; continuing without it")

    # -- translations (text entries, shared with the remote) -------------------------

    def get_translation(self, key: str) -> tuple[CachedTranslation, str] | None:
        """(translation, 'local'|'remote') for ``key``, else None.  A remote hit is stored locally."""
        try:
            found = self.local.get(key, "t")
            if found is not None:
                return CachedTranslation.from_meta(found[0], found[1].decode("utf-8")), "local"
        except (OSError, UnicodeDecodeError, entry.CorruptEntry) as exc:
            self._problem("local-read", exc)
        if self.remote is None:
            return None
        from .remote import RemoteError
        try:
            blob = self.remote.get(key)
        except RemoteError as exc:
            self._problem("remote", exc)
            return None
        if blob is None:
            return None
        try:
            meta, data = entry.decode(blob, key)
            result = CachedTranslation.from_meta(meta, data.decode("utf-8"))
        except (entry.CorruptEntry, UnicodeDecodeError):
            self.local.record(corrupt=1)
            return None
        self._put_local(key, "t", blob)
        return result, "remote"

    def put_translation(self, key: str, tr: CachedTranslation) -> None:
        """Store locally and (write-through) on the remote, unless either is read-only."""
        blob = entry.encode(key, tr.meta("text"), tr.text.encode("utf-8"))
        self._put_local(key, "t", blob)
        if self.remote is not None and not self.settings.remote_read_only:
            from .remote import RemoteError
            try:
                self.remote.put(key, blob)
            except RemoteError as exc:
                self._problem("remote", exc)

    # -- assembled objects (local only) ----------------------------------------------

    def get_object(self, key: str) -> tuple[bytes, CachedTranslation] | None:
        try:
            found = self.local.get(key, "o")
            if found is not None:
                return found[1], CachedTranslation.from_meta(found[0], "")
        except (OSError, entry.CorruptEntry) as exc:
            self._problem("local-read", exc)
        return None

    def put_object(self, key: str, data: bytes, tr: CachedTranslation) -> None:
        self._put_local(key, "o", entry.encode(key, tr.meta("object"), data))

    # -- preprocessed C -> translation key (local only) --------------------------------

    def get_preprocessed(self, key: str) -> PreprocessedEntry | None:
        """The ``p`` entry of a preprocessed-C key, or None (missing, corrupt, unreadable)."""
        try:
            found = self.local.get(key, "p")
        except (OSError, entry.CorruptEntry) as exc:
            self._problem("local-read", exc)
            return None
        if found is None:
            return None
        meta = found[0]
        translation, stderr = meta.get("translation"), meta.get("stderr", "")
        if not isinstance(translation, str) or len(translation) != 64 or not isinstance(stderr, str):
            self.local.record(corrupt=1)
            return None
        return PreprocessedEntry(translation, bool(meta.get("noexecstack")), stderr, bool(meta.get("colour")))

    def put_preprocessed(self, key: str, found: PreprocessedEntry) -> None:
        meta = {"kind": "preprocessed", "translation": found.translation, "noexecstack": found.noexecstack,
                "stderr": found.stderr, "colour": found.colour}
        self._put_local(key, "p", entry.encode(key, meta, b""))

    def _put_local(self, key: str, kind: str, blob: bytes) -> None:
        if not self._local_writes:
            return
        try:
            self.local.put(key, kind, blob)
        except OSError as exc:
            self._problem("local-write", exc)

    # -- counters ----------------------------------------------------------------------

    def count(self, hit: bool, remote: bool = False, preprocessed: bool = False) -> None:
        """One translation looked up: a hit (local or remote; through a ``p`` entry) or a miss."""
        if hit:
            self.local.record(hits=1, remote_hits=1 if remote else 0, preprocessed_hits=1 if preprocessed else 0)
        else:
            self.local.record(misses=1)

    def close(self) -> None:
        """Write this process's counters (once, under the lock)."""
        if not self._local_writes:
            return
        try:
            self.local.flush()
        except OSError as exc:
            self._problem("local-write", exc)


def open_cache(env: Mapping[str, str] | None = None,
               warn: Callable[[str], None] | None = None) -> TranslationCache | None:
    """The cache for this process, or None when ``CRT_CACHE=off``."""
    settings = settings_from_env(env)
    if not settings.enabled:
        for problem in settings.problems:
            if warn:
                warn(f"translation cache: {problem}")
        return None
    return TranslationCache(settings, warn)


def stats_text(settings: CacheSettings) -> str:
    """``--crt-cache-stats``: counters and usage, in the spirit of ``ccache -s``."""
    store = LocalStore(settings.directory, settings.max_size, read_only=True)
    c = store.counters()
    entries, size = store.usage()
    lookups = c["hits"] + c["misses"]
    rate = f"{100.0 * c['hits'] / lookups:.1f} %" if lookups else "-"
    state = "enabled" if settings.enabled else "disabled (CRT_CACHE=off)"
    if settings.enabled and settings.read_only:
        state = "enabled, read-only (CRT_CACHE_READONLY)"
    remote = settings.remote or "none"
    if settings.remote and settings.remote_read_only:
        remote += " (read-only)"
    rows = [
        ("cache directory", settings.directory),
        ("state", state),
        ("remote store", remote),
        ("hits", f"{c['hits']} ({c['remote_hits']} from the remote store, "
                 f"{c['preprocessed_hits']} without compiling C)"),
        ("misses", str(c["misses"])),
        ("hit rate", rate),
        ("entries", str(entries)),
        ("cache size", format_size(size)),
        ("max size", format_size(settings.max_size) if settings.max_size else "unlimited"),
        ("stores", str(c["stores"])),
        ("evicted", f"{c['evicted']} in {c['cleanups']} cleanups"),
        ("corrupt entries dropped", str(c["corrupt"])),
        ("errors", str(c["errors"])),
    ]
    width = max(len(name) for name, _ in rows)
    return "".join(f"{name:<{width}}  {value}\n" for name, value in rows)


def clear_cache(settings: CacheSettings) -> tuple[int, int]:
    """``--crt-cache-clear``: remove every local entry and reset the counters; (entries, bytes)."""
    return LocalStore(settings.directory, settings.max_size).clear()
