"""Calls between separately translated objects keep the x86 calling convention.

Each object of a program is translated alone, so a call into another object used to go out
through the callee's native entry point and back: right only where the native signature carries
everything the x86 code relies on.  Now each translated object also exports its lifted bodies
under hidden x86-convention symbols, and calls to undefined functions use them when the linked
program has them (crt_cc/lift/module.py, ``cross_object_symbol``).  Checked here by running a
two-file program translated file by file against the same program built for the x86 host.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import check_files_translated_one_by_one, selected_targets

SRC = Path(__file__).parent / "multifile"
FILES = ["main.c", "values.c"]


def _params():
    for target in selected_targets():
        for lvl in ("0", "2"):
            yield pytest.param(target, lvl, id=f"O{lvl}-{target.short}")


@pytest.mark.parametrize("target, lvl", list(_params()))
def test_calls_between_translated_objects_keep_x86_semantics(target, lvl, tmp_path):
    check_files_translated_one_by_one(target, [SRC / f for f in FILES], [f"-O{lvl}"], tmp_path)
