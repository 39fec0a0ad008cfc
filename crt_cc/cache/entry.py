"""The on-disk (and on-the-wire) form of one cache entry, with a checksum.

An entry is never trusted because it exists: a process killed by the OOM
killer, a full disk, a flaky NFS server or a broken remote store can leave a
short or garbled file, and serving it would put wrong code into a program.
So every entry carries its own length and SHA-256, and a reader that finds
anything amiss treats the entry as a miss.

Layout::

    crt-cc-cache 1\\n
    {"key": "<64 hex>", "length": N, "sha256": "<64 hex>"}\\n      header
    {...metadata JSON...}\\n<data bytes>                          body: exactly N bytes

The key in the header must be the key the reader asked for, which catches
entries copied or renamed to the wrong name.  The same bytes go to the
remote store, so a remote entry is verified exactly like a local one.
"""

from __future__ import annotations

import hashlib
import json

MAGIC = b"crt-cc-cache 1\n"


class CorruptEntry(Exception):
    """The bytes are not a complete, intact entry for the requested key."""


def encode(key: str, meta: dict[str, object], data: bytes) -> bytes:
    """Serialise an entry; ``meta`` must be JSON-serialisable (other values become strings)."""
    body = json.dumps(meta, sort_keys=True, separators=(",", ":"), default=str).encode() + b"\n" + data
    header = {"key": key, "length": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    return MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + body


def decode(blob: bytes, key: str) -> tuple[dict[str, object], bytes]:
    """(metadata, data) of an entry, or :class:`CorruptEntry` for anything not intact."""
    if not blob.startswith(MAGIC):
        raise CorruptEntry("bad magic")
    end = blob.find(b"\n", len(MAGIC))
    if end < 0:
        raise CorruptEntry("truncated header")
    try:
        header = json.loads(blob[len(MAGIC):end])
        length, digest, hkey = int(header["length"]), str(header["sha256"]), str(header["key"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CorruptEntry(f"bad header: {exc}") from None
    if hkey != key:
        raise CorruptEntry("entry belongs to another key")
    body = blob[end + 1:]
    if len(body) != length:
        raise CorruptEntry(f"length {len(body)} != {length}")
    if hashlib.sha256(body).hexdigest() != digest:
        raise CorruptEntry("checksum mismatch")
    nl = body.find(b"\n")
    try:
        meta = json.loads(body[:nl]) if nl >= 0 else None
    except ValueError:
        meta = None
    if not isinstance(meta, dict):
        raise CorruptEntry("bad metadata")
    return meta, body[nl + 1:]
