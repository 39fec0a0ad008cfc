"""Thread-local storage in translated code, across objects and threads.

x86 code reaches a ``__thread`` variable through the thread pointer (``%fs`` on x86-64, ``%gs``
on i386) in four models: local-exec (``%fs:x@tpoff``), initial-exec (the offset loaded from the
GOT, then ``%fs:(%rax)``), general- and local-dynamic (``__tls_get_addr``).  The translation
turns each into the target's own thread-local variable (crt_cc/lift/module.py, ``tls_address``),
also for variables defined in another object.  Checked by running a two-file, five-thread
program translated file by file, without and with -fPIC, against the same program built for the
x86 host.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import check_files_translated_one_by_one, selected_targets

SRC = Path(__file__).parent / "tls"
FILES = ["main.c", "vars.c"]


def _params():
    for target in selected_targets():
        for pic in ("pie", "pic"):
            yield pytest.param(target, pic, id=f"{pic}-{target.short}")


@pytest.mark.parametrize("target, pic", list(_params()))
def test_thread_locals_are_per_thread_in_every_tls_model(target, pic, tmp_path):
    flags = ["-O2", "-pthread"] + (["-fPIC"] if pic == "pic" else [])
    check_files_translated_one_by_one(target, [SRC / f for f in FILES], flags, tmp_path)
