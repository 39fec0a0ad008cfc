"""Compiler-style diagnostics shared by every layer.

Every user-visible failure is a :class:`CrtError`; the driver prints it as
``file:line: error: message`` and exits with status 1, after removing any
partially written output file.
"""

from __future__ import annotations

import sys


class CrtError(Exception):
    """A diagnostic that aborts the current compilation."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def format(self, prog: str = "crt-cc") -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}: error: {self.message}"
        if self.file:
            return f"{self.file}: error: {self.message}"
        return f"{prog}: error: {self.message}"


class UnsupportedInstruction(CrtError):
    """An x86 instruction the lifter has no semantics for (named in the message)."""


def warn(message: str, file: str | None = None, line: int | None = None, prog: str = "crt-cc") -> None:
    """Print a compiler-style warning to stderr."""
    where = f"{file}:{line}: " if file and line else (f"{file}: " if file else f"{prog}: ")
    print(f"{where}warning: {message}", file=sys.stderr)
