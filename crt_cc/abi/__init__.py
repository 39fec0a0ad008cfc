"""Calling conventions: the x86-64 SysV source ABI and one module per target ABI."""

from __future__ import annotations

from ..diagnostics import CrtError


def native_abi(target):
    """The module describing ``target``'s native calling convention at the boundary."""
    if target.triple == "aarch64-linux-gnu":
        from . import aarch64
        return aarch64
    if target.triple == "riscv64-linux-gnu":
        from . import riscv64
        return riscv64
    if target.triple == "arm-linux-gnueabi":
        from . import arm
        return arm
    raise CrtError(f"translating x86-64 code for '{target.triple}' is not supported yet")
