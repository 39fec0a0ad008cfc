"""The ``crt-cc`` and ``crt-as`` console entry points: a warm server first, else this process.

Kept apart from :mod:`crt_cc.driver.cc` so that handing a command to a running compile server
(:mod:`crt_cc.driver.client`) costs no import of the driver itself.
"""

from __future__ import annotations

import sys

from . import client


def cc() -> int:
    if len(sys.argv) == 2 and sys.argv[1] in client.CONTROL:   # never through a server
        return client.control(client.CONTROL[sys.argv[1]], "crt-cc")
    status = client.run("crt-cc", sys.argv[0], sys.argv[1:])
    if status is not None:
        return status
    from .cc import main
    return main()


def as_() -> int:
    status = client.run("crt-as", sys.argv[0], sys.argv[1:])
    if status is not None:
        return status
    from .as_ import main
    return main()
