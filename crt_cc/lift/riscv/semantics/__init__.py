"""RV64GC instruction semantics, one module per family.

Handlers take the :class:`~crt_cc.lift.riscv.function.RvFunctionLifter` and the decoded
instruction (base form: compressed instructions arrive expanded) and emit IR through the
lifter's helpers.  :data:`SUPPORTED` lists the base mnemonics, for docs and the tests.
"""

from __future__ import annotations

from collections.abc import Callable

SEMANTICS: dict[str, Callable] = {}


def sem(*names: str):
    """Register a handler for the given base mnemonics."""
    def deco(fn):
        for n in names:
            SEMANTICS[n] = fn
        return fn
    return deco


from . import atomic, control, fp, integer, memory  # noqa: E402,F401  (registration side effects)

SUPPORTED = frozenset(SEMANTICS)
