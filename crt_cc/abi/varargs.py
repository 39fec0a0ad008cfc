"""Variadic calls into native libc: argument types from constant format strings,
and x86-64 -> AAPCS64 ``va_list`` conversion for the v*printf family.

SysV x86-64 places variadic arguments by class (integers in rdi..r9 then the
stack, doubles in xmm0-7 then the stack, long double always on the stack,
16-byte aligned).  Knowing each argument's type from the format string lets us
read every value from its x86 location and hand LLVM a typed variadic call,
which then applies the target's own rules (AAPCS64 q registers for long
double, RISC-V integer registers for variadic doubles, ...).
"""

from __future__ import annotations

import re

# function -> (index of the format argument, True for scanf-style)
FORMAT_FUNCS = {
    "printf": (0, False), "fprintf": (1, False), "sprintf": (1, False), "snprintf": (2, False),
    "dprintf": (1, False), "asprintf": (1, False), "syslog": (1, False),
    "__printf_chk": (1, False), "__fprintf_chk": (2, False), "__sprintf_chk": (3, False),
    "__snprintf_chk": (4, False), "__asprintf_chk": (2, False), "__dprintf_chk": (2, False),
    "scanf": (0, True), "sscanf": (1, True), "fscanf": (1, True),
    "__isoc99_scanf": (0, True), "__isoc99_sscanf": (1, True), "__isoc99_fscanf": (1, True),
    "__isoc23_scanf": (0, True), "__isoc23_sscanf": (1, True), "__isoc23_fscanf": (1, True),
}

# function -> index of its va_list argument
VA_LIST_FUNCS = {
    "vprintf": 1, "vfprintf": 2, "vsprintf": 2, "vsnprintf": 3, "vasprintf": 2, "vdprintf": 2,
    "vscanf": 1, "vsscanf": 2, "vfscanf": 2, "__isoc99_vscanf": 1, "__isoc99_vsscanf": 2,
    "__isoc99_vfscanf": 2, "__isoc23_vsscanf": 2, "__isoc23_vfscanf": 2, "__isoc23_vscanf": 1,
    "vsyslog": 2, "verr": 2, "verrx": 2, "vwarn": 1, "vwarnx": 1,
    "__vprintf_chk": 2, "__vfprintf_chk": 3, "__vsprintf_chk": 4, "__vsnprintf_chk": 5,
    "__vasprintf_chk": 3, "__vdprintf_chk": 3,
}

_CONV = re.compile(r"%(?:\d+\$)?([-+ #0'I]*)(\*|\d+)?(?:\.(\*|\d+)?)?(hh|h|ll|l|L|q|j|z|Z|t)?([diouxXcCsSpnfFeEgGaAm%\[])")


def format_arg_types(fmt: str, scanf: bool) -> list[str] | None:
    """Argument classes ('int', 'double', 'ldouble', 'ptr') a format consumes, or None if unsure."""
    specs = format_arg_specs(fmt, scanf)
    return None if specs is None else [cls for cls, _, _ in specs]


def format_arg_specs(fmt: str, scanf: bool) -> list[tuple[str, str, str]] | None:
    """(class, length modifier, conversion) of each argument a format consumes, or None if unsure.

    The length modifier matters where C types differ in size between the x86-64 code and the
    target (``%ld`` is 8 bytes in the translated code and 4 on ILP32 ARM); ``*`` widths and
    precisions are ('int', '', '*').
    """
    out: list[tuple[str, str, str]] = []
    pos = 0
    while True:
        i = fmt.find("%", pos)
        if i < 0:
            return out
        m = _CONV.match(fmt, i)
        if m is None:
            return None
        pos = m.end()
        flags, width, prec, length, conv = m.groups()
        length = length or ""
        if "$" in m.group(0):
            return None                     # positional arguments: give up, use the universal call
        if conv == "%":
            continue
        if conv == "[":
            close = fmt.find("]", pos + 1 if fmt[pos:pos + 1] == "]" else pos)
            if close < 0:
                return None
            pos = close + 1
        if scanf:
            if width == "*" or (flags and "*" in flags):
                continue
            out.append(("ptr", length, conv))
            continue
        if width == "*":
            out.append(("int", "", "*"))
        if prec == "*":
            out.append(("int", "", "*"))
        if conv == "m":
            continue
        if conv in "fFeEgGaA":
            out.append(("ldouble" if length == "L" else "double", length, conv))
        elif conv in "sSpn":
            out.append(("ptr", length, conv))
        else:
            out.append(("int", length, conv))


def x86_locations(n_fixed_ints: int, types: list[str]) -> list[tuple[str, int]]:
    """SysV locations of variadic arguments after ``n_fixed_ints`` integer fixed arguments.

    Returns per argument ('gpr', index) | ('xmm', index) | ('stack', byte offset).
    """
    gi, fi, so = n_fixed_ints, 0, 0
    locs: list[tuple[str, int]] = []
    for t in types:
        if t in ("int", "ptr"):
            if gi < 6:
                locs.append(("gpr", gi))
                gi += 1
            else:
                locs.append(("stack", so))
                so += 8
        elif t == "double":
            if fi < 8:
                locs.append(("xmm", fi))
                fi += 1
            else:
                locs.append(("stack", so))
                so += 8
        else:   # long double: memory class, 16-byte aligned
            so = (so + 15) & ~15
            locs.append(("stack", so))
            so += 16
    return locs


# C length modifiers whose integer is 8 bytes in LP64 code but 4 on an ILP32 target.
LP64_ONLY_LENGTHS = ("l", "z", "t")


def widen_long_conversions(fmt: str) -> str:
    """``fmt`` with ``%ld``/``%zu``/``%td``-style integer conversions spelled ``%lld``/``%llu``.

    For an ILP32 target's printf/scanf called from LP64 code: the argument (or, for scanf, the
    object written) is the x86 code's 8-byte ``long``, so the native library must take 8 bytes,
    which makes the output exactly what the x86-64 program prints.
    """
    out: list[str] = []
    pos = 0
    while True:
        i = fmt.find("%", pos)
        if i < 0:
            out.append(fmt[pos:])
            return "".join(out)
        m = _CONV.match(fmt, i)
        if m is None:
            out.append(fmt[pos:])
            return "".join(out)
        end = m.end()
        if m.group(5) == "[":
            close = fmt.find("]", end + 1 if fmt[end:end + 1] == "]" else end)
            end = len(fmt) if close < 0 else close + 1
        out.append(fmt[pos:i])
        length = m.group(4)
        if length in LP64_ONLY_LENGTHS and m.group(5) in "diouxXn":
            s, e = m.span(4)
            out.append(fmt[i:s] + "ll" + fmt[e:end])
        else:
            out.append(fmt[i:end])
        pos = end
