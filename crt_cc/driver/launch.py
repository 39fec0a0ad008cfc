"""The ``crt-cc`` and ``crt-as`` console entry points: a warm server first, else this process.

Kept apart from :mod:`crt_cc.driver.cc` so that handing a command to a running compile server
(:mod:`crt_cc.driver.client`) costs no import of the driver itself.
"""

from __future__ import annotations

import sys

from . import client


def cc() -> int:
    status = _served("crt-cc")
    if status is not None:
        return status
    from .cc import main
    return main()


def as_() -> int:
    status = _served("crt-as")
    if status is not None:
        return status
    from .as_ import main
    return main()


def _served(prog: str) -> int | None:
    try:
        return client.run(prog, sys.argv[0], sys.argv[1:])
    except KeyboardInterrupt:          # before the worker's pid arrived: it dies with the socket
        return 130
