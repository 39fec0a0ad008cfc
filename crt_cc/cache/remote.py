"""A shared HTTP store for teams and CI: ``GET``/``PUT`` of ``<url>/<key>``.

Any server that stores a request body under its path and gives it back works:
nginx with WebDAV ``PUT``, a bazel-remote or sccache-style HTTP cache, an
object-store gateway, ``python -m``-sized test servers.  Entries travel in
the same checksummed form as on disk (:mod:`.entry`), so whatever the
server or network does to the bytes, the client verifies them and treats a bad
entry as a miss.

Only the standard library (``urllib``) is used, and only when a remote is
configured, so local hits do not pay for importing ``http.client``.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request

#: Everything a request can fail with short of a bug: URLError/timeouts are OSErrors, a
#: truncated or malformed response is an HTTPException, a bad URL a ValueError.
_FAILURES = (OSError, http.client.HTTPException, ValueError)


class RemoteError(Exception):
    """The remote store could not be reached or answered with an error."""


class HttpStore:
    """Client for one remote cache URL prefix."""

    def __init__(self, url: str, timeout: float = 2.0):
        if not url.startswith(("http://", "https://")):
            raise RemoteError(f"unsupported remote cache URL '{url}' (expected http:// or https://)")
        self.url = url.rstrip("/")
        self.timeout = timeout

    def _url(self, key: str) -> str:
        return f"{self.url}/{key}"

    def get(self, key: str) -> bytes | None:
        """The stored bytes, None when the server has no such key (404); RemoteError otherwise."""
        try:
            with urllib.request.urlopen(self._url(key), timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise RemoteError(f"GET {self._url(key)}: HTTP {exc.code}") from None
        except _FAILURES as exc:
            raise RemoteError(f"GET {self._url(key)}: {_reason(exc)}") from None

    def put(self, key: str, blob: bytes) -> None:
        """Store ``blob`` under ``key``; RemoteError unless the server answers 2xx."""
        req = urllib.request.Request(self._url(key), data=blob, method="PUT",
                                     headers={"Content-Type": "application/octet-stream"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as exc:
            raise RemoteError(f"PUT {self._url(key)}: HTTP {exc.code}") from None
        except _FAILURES as exc:
            raise RemoteError(f"PUT {self._url(key)}: {_reason(exc)}") from None


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason if reason is not None else exc) or type(exc).__name__
