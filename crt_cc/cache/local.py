"""The local cache directory: atomic entries, shared counters, LRU eviction.

Many crt-cc processes (``make -j``) use one directory at once, and any of
them may be killed at any moment, so:

* An entry is written to a temporary file in its own directory, fsynced and
  renamed over its final name with :func:`os.replace`, so a reader sees either
  no entry or a whole one.  Two processes storing the same key both write
  complete, identical entries; the last rename wins.  Temporary files of killed
  writers are removed by the next cleanup once they are an hour old.
* Readers also verify each entry's length and checksum (:mod:`.entry`); a bad
  entry is deleted and counted as a miss, never served.
* Counters (hits, misses, the total size...) live in one small JSON file that
  is read, updated and replaced under an ``flock`` on ``lock``; each process
  takes that lock about once per translation.
* The size limit is enforced like ccache does: the counter says when the
  cache has grown past the limit; then one process (``cleanup.lock``, non
  blocking, so nobody waits) scans the directory, deletes the least recently
  used entries (a hit touches its entry's mtime) until the total is at most
  90 % of the limit, and writes the true size back into the counter, which
  also corrects any drift from racing writers.

Layout: ``<dir>/<first two hex digits>/<key>.<kind>`` (kind ``t``: translated
assembly text, ``o``: assembled target object, ``p``: preprocessed C -> key),
plus ``stats``, ``lock``, ``cleanup.lock`` and a ``CACHEDIR.TAG`` so backup tools skip the directory.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import time
from collections.abc import Iterator

from .entry import CorruptEntry, decode

#: Counter names kept in ``stats``.
COUNTERS = ("hits", "remote_hits", "preprocessed_hits", "misses", "stores", "corrupt", "errors", "evicted",
            "cleanups", "size", "files")

#: Cleanup brings the cache down to this fraction of the limit (ccache's limit_multiple).
CLEANUP_TARGET = 0.9

#: Temporary files older than this are leftovers of killed writers.
STALE_TMP_SECONDS = 3600

_ENTRY_NAME = re.compile(r"^[0-9a-f]{64}\.[a-z]$")

_CACHEDIR_TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
                 b"# This file marks the crt-cc translation cache; backup tools may skip it.\n")


class LocalStore:
    """One cache directory shared by every crt-cc process that names it."""

    def __init__(self, root: str, max_size: int = 0, read_only: bool = False):
        self.root = root
        self.max_size = max_size
        self.read_only = read_only
        self._pending: dict[str, int] = {}
        # Test hook: pause half-way through writing an entry (so a test can kill the writer there).
        pause = os.environ.get("CRT_CACHE_TEST_WRITE_PAUSE", "")
        try:
            self._write_pause = float(pause) if pause else 0.0
        except ValueError:
            self._write_pause = 0.0

    # -- entries ------------------------------------------------------------------

    def path(self, key: str, kind: str) -> str:
        return os.path.join(self.root, key[:2], f"{key}.{kind}")

    def get(self, key: str, kind: str) -> tuple[dict[str, object], bytes] | None:
        """A verified entry, or None (missing, or corrupt: then it is deleted).  OSError passes up."""
        path = self.path(key, kind)
        try:
            with open(path, "rb") as f:
                blob = f.read()
                st = os.fstat(f.fileno())
        except FileNotFoundError:
            return None
        try:
            meta, data = decode(blob, key)
        except CorruptEntry:
            self._remove_if_same(path, st)
            self.record(corrupt=1)
            return None
        if not self.read_only:
            with contextlib.suppress(OSError):
                os.utime(path)     # least recently *used*: a hit makes the entry young again
        return meta, data

    def put(self, key: str, kind: str, blob: bytes) -> None:
        """Store an entry atomically; may trigger a cleanup.  OSError passes up (temp file removed)."""
        if self.read_only:
            return
        d = os.path.join(self.root, key[:2])
        self._ensure_root()
        os.makedirs(d, exist_ok=True)
        final = os.path.join(d, f"{key}.{kind}")
        tmp = os.path.join(d, f".tmp.{key}.{kind}.{os.getpid()}.{os.urandom(4).hex()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            try:
                if self._write_pause:
                    half = len(blob) // 2
                    _write_all(fd, blob[:half])
                    time.sleep(self._write_pause)
                    _write_all(fd, blob[half:])
                else:
                    _write_all(fd, blob)
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                old = os.stat(final).st_size
            except FileNotFoundError:
                old = None
            os.replace(tmp, final)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        counters = self.flush(stores=1, size=len(blob) - (old or 0), files=0 if old is not None else 1)
        if self.max_size and counters.get("size", 0) > self.max_size:
            self.cleanup()

    def _remove_if_same(self, path: str, st: os.stat_result) -> None:
        """Delete a corrupt entry, unless another process has meanwhile replaced it with a new file."""
        if self.read_only:
            return
        try:
            now = os.stat(path)
            if (now.st_ino, now.st_dev) == (st.st_ino, st.st_dev):
                os.unlink(path)
                self.record(size=-st.st_size, files=-1)
        except OSError:
            pass

    # -- counters -----------------------------------------------------------------

    def record(self, **deltas: int) -> None:
        """Add to the counters; written by the next :meth:`flush` (one lock per process and store)."""
        for name, value in deltas.items():
            self._pending[name] = self._pending.get(name, 0) + value

    def flush(self, **deltas: int) -> dict[str, int]:
        """Apply pending and given deltas under the lock; returns the new counters."""
        self.record(**deltas)
        if self.read_only or not self._pending:
            self._pending.clear()
            return self.counters()
        pending, self._pending = self._pending, {}
        return self._update(pending)

    def counters(self) -> dict[str, int]:
        """The counters as stored (zeros when there is no stats file yet or it is unreadable)."""
        values = dict.fromkeys(COUNTERS, 0)
        try:
            with open(os.path.join(self.root, "stats"), "rb") as f:
                data = json.loads(f.read() or b"{}")
            if isinstance(data, dict):
                for name in COUNTERS:
                    if isinstance(data.get(name), int):
                        values[name] = data[name]
        except (OSError, ValueError):
            pass
        return values

    @contextlib.contextmanager
    def _locked(self, name: str = "lock", blocking: bool = True) -> Iterator[bool]:
        fd = os.open(os.path.join(self.root, name), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
                got = True
            except BlockingIOError:
                got = False
            yield got
        finally:
            os.close(fd)      # closing releases the lock

    def _update(self, deltas: dict[str, int], absolute: dict[str, int] | None = None) -> dict[str, int]:
        self._ensure_root()
        with self._locked():
            values = self.counters()
            for name, value in deltas.items():
                values[name] = values.get(name, 0) + value
            values.update(absolute or {})
            values["size"] = max(0, values["size"])
            values["files"] = max(0, values["files"])
            tmp = os.path.join(self.root, f".stats.{os.getpid()}.{os.urandom(4).hex()}")
            try:
                with open(tmp, "w") as f:
                    json.dump(values, f, sort_keys=True)
                os.replace(tmp, os.path.join(self.root, "stats"))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        return values

    def _ensure_root(self) -> None:
        """Create the directory and its CACHEDIR.TAG on first use (one stat afterwards)."""
        tag = os.path.join(self.root, "CACHEDIR.TAG")
        if not os.path.exists(tag):
            os.makedirs(self.root, exist_ok=True)
            with contextlib.suppress(OSError), open(tag, "xb") as f:
                f.write(_CACHEDIR_TAG)

    # -- maintenance ----------------------------------------------------------------

    def _scan(self, remove_tmp_older_than: float | None) -> list[tuple[int, int, str]]:
        """(mtime_ns, size, path) of every entry; temporary files past the age limit are deleted."""
        found: list[tuple[int, int, str]] = []
        now = time.time()
        try:
            subdirs = [e for e in os.scandir(self.root) if len(e.name) == 2 and e.is_dir()]
        except FileNotFoundError:
            return found
        for sub in subdirs:
            try:
                items = list(os.scandir(sub.path))
            except OSError:
                continue
            for item in items:
                try:
                    st = item.stat()
                except OSError:
                    continue
                if item.name.startswith(".tmp."):
                    if remove_tmp_older_than is not None and now - st.st_mtime > remove_tmp_older_than:
                        with contextlib.suppress(OSError):
                            os.unlink(item.path)
                elif _ENTRY_NAME.match(item.name):
                    found.append((st.st_mtime_ns, st.st_size, item.path))
        return found

    def cleanup(self, force: bool = False) -> tuple[int, int]:
        """Evict least recently used entries down to 90 % of the limit; (entries, bytes) evicted.

        Skipped when another process is already cleaning up (it will do the job).
        """
        if self.read_only or not (self.max_size or force):
            return 0, 0
        self._ensure_root()
        with self._locked("cleanup.lock", blocking=False) as got:
            if not got:
                return 0, 0
            entries = self._scan(remove_tmp_older_than=STALE_TMP_SECONDS)
            self._remove_stale_stats_tmp(STALE_TMP_SECONDS)
            total = sum(size for _, size, _ in entries)
            evicted = freed = 0
            if self.max_size and total > self.max_size:
                goal = int(self.max_size * CLEANUP_TARGET)
                for _, size, path in sorted(entries):
                    if total <= goal:
                        break
                    try:
                        os.unlink(path)
                    except FileNotFoundError:
                        pass
                    except OSError:
                        continue
                    total -= size
                    evicted += 1
                    freed += size
            self._update({"evicted": evicted, "cleanups": 1},
                         absolute={"size": total, "files": len(entries) - evicted})
        return evicted, freed

    def _remove_stale_stats_tmp(self, age: float) -> None:
        """Counter updates of killed processes leave ``.stats.*`` files behind; drop old ones."""
        now = time.time()
        with contextlib.suppress(OSError):
            for item in os.scandir(self.root):
                if item.name.startswith(".stats."):
                    with contextlib.suppress(OSError):
                        if now - item.stat().st_mtime > age:
                            os.unlink(item.path)

    def usage(self) -> tuple[int, int]:
        """(entries, bytes) actually on disk, by scanning (for --crt-cache-stats)."""
        entries = self._scan(remove_tmp_older_than=None)
        return len(entries), sum(size for _, size, _ in entries)

    def clear(self) -> tuple[int, int]:
        """Delete every entry and temporary file and reset the counters; (entries, bytes) removed."""
        removed = freed = 0
        try:
            subdirs = [e for e in os.scandir(self.root) if len(e.name) == 2 and e.is_dir()]
        except FileNotFoundError:
            return 0, 0
        for sub in subdirs:
            for item in list(os.scandir(sub.path)):
                if not (item.name.startswith(".tmp.") or _ENTRY_NAME.match(item.name)):
                    continue
                try:
                    size = item.stat().st_size
                    os.unlink(item.path)
                except OSError as exc:
                    if exc.errno != errno.ENOENT:
                        raise
                    continue
                if not item.name.startswith(".tmp."):
                    removed += 1
                    freed += size
            with contextlib.suppress(OSError):
                os.rmdir(sub.path)
        self._remove_stale_stats_tmp(0)
        self._pending.clear()
        self._update({}, absolute=dict.fromkeys(COUNTERS, 0))
        return removed, freed


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]
