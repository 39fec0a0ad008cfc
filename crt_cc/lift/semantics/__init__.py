"""Instruction semantics, one module per family.

Each handler takes the :class:`~crt_cc.lift.function.FunctionLifter` and the
decoded instruction and emits IR through the lifter's helpers.  The registry
maps capstone mnemonics (prefix forms such as ``rep movsb`` included) to
handlers; :data:`SUPPORTED_MNEMONICS` is what docs and the differential
tests enumerate.
"""

from __future__ import annotations

from collections.abc import Callable

SEMANTICS: dict[str, Callable] = {}


def sem(*mnemonics: str):
    """Register a handler for the given mnemonics."""
    def deco(fn):
        for m in mnemonics:
            SEMANTICS[m] = fn
        return fn
    return deco


from . import bmi, control, cpuid, integer, sse, string, x87  # noqa: E402,F401  (registration side effects)

SUPPORTED_MNEMONICS = frozenset(SEMANTICS)
