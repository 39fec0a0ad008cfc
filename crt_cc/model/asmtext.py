"""Text surgery on GNU assembly: model answers, lifted output, compiler output.

The model engine works at the level of assembly text because that is what a
model produces.  Three jobs, all line-based and conservative:

* :func:`sanitize_piece` makes a model's function safe to append to another
  file: compiler file-level directives go, every ``.L`` label gets a prefix
  unique to the piece (two pieces, or a piece and LLVM's output, may both use
  ``.LC0``), and the piece starts in ``.text``.
* :func:`detach_definition` turns the lift engine's definition of a function
  into an anonymous one, so the same file can take the model's definition.
  Binding and visibility directives (``.globl``/``.weak``/``.hidden``) stay:
  they describe the symbol, wherever its label is.
* :func:`split_functions` cuts gcc ``-S`` output into one piece per function
  for the training corpus.
"""

from __future__ import annotations

import re

_FILE_LEVEL = re.compile(
    r"^\s*\.(?:file|ident|intel_syntax|att_syntax|cfi_sections|addrsig|addrsig_sym)\b"
    r"|^\s*\.section\s+\"?\.note\.GNU-stack|^\s*\.attribute\b|^\s*\.option\s+(?:pic|nopic)\b")
_LOCAL_LABEL = re.compile(r"(?<![\w.$@])\.L([\w.$]+)")
_BINDING = ("globl", "global", "weak", "local", "hidden", "protected", "internal")


def _name(name: str) -> str:
    """A regex for a symbol as GNU as spells it: bare or quoted."""
    return f'(?:{re.escape(name)}|"{re.escape(name)}")'


def strip_comments(line: str) -> str:
    """Drop ``//``, ``#`` (AArch64/RISC-V/x86 gas) and ``@`` (ARM) comments outside strings."""
    out = []
    quoted = False
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == '"' and (i == 0 or line[i - 1] != "\\"):
            quoted = not quoted
        if not quoted and (line.startswith("//", i) or (ch == "#" and _hash_comment(line, i))):
            break
        out.append(ch)
        i += 1
    return "".join(out).rstrip()


def _hash_comment(line: str, i: int) -> bool:
    """``# text`` is a comment; ``#16``/``#:lo12:`` (AArch64/ARM immediates) are not."""
    before = line[i - 1] if i else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return before in " \t" and after in " \t"


def sanitize_piece(text: str, tag: str) -> str:
    """A model's answer as a self-contained piece: see the module docstring."""
    lines = []
    for line in text.splitlines():
        if _FILE_LEVEL.match(line):
            continue
        lines.append(_LOCAL_LABEL.sub(lambda m: f".L{tag}_{m.group(1)}", line))
    return "\t.text\n" + "\n".join(lines).strip("\n") + "\n"


def defined_labels(text: str) -> set[str]:
    """Labels a piece of assembly defines (``name:`` at the start of a line)."""
    found = set()
    for line in text.splitlines():
        m = re.match(r'^\s*("(?:[^"\\]|\\.)+"|[A-Za-z_.$][\w.$@]*)\s*:(?!:)', line)
        if m:
            found.add(m.group(1).strip('"'))
    return found


def detach_definition(text: str, name: str, new_label: str) -> str | None:
    """Rename the definition of ``name`` to ``new_label``; None when ``text`` does not define it.

    ``.type``/``.size`` of ``name`` are dropped (the new definition brings its
    own); binding and visibility directives stay.
    """
    sym = _name(name)
    label = re.compile(rf"^(\s*){sym}:(.*)$")
    typesize = re.compile(rf"^\s*\.(?:type|size)\s+{sym}\s*,")
    out = []
    found = False
    for line in text.splitlines():
        if typesize.match(line):
            continue
        m = label.match(line)
        if m and not found:
            out.append(f"{m.group(1)}{new_label}:{m.group(2)}")
            found = True
            continue
        out.append(line)
    return "\n".join(out) + "\n" if found else None


def strip_binding(text: str, name: str) -> str:
    """Drop the piece's own binding/visibility directives for ``name`` (the lifted file's stay)."""
    pat = re.compile(rf"^\s*\.(?:{'|'.join(_BINDING)})\s+{_name(name)}\s*(?:$|[#@/])")
    return "\n".join(line for line in text.splitlines() if not pat.match(line)) + "\n"


def normalize(text: str) -> str:
    """Assembly without comments, blank lines and repeated blanks (for exact match / edit distance)."""
    lines = []
    for line in text.splitlines():
        line = " ".join(strip_comments(line).split())
        if line:
            lines.append(line)
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# gcc -S output -> per-function pieces (corpus)
# ---------------------------------------------------------------------------

_TYPE_FUNC = re.compile(r"^\s*\.type\s+([\w.$]+)\s*,\s*[@%]function")
_SIZE = re.compile(r"^\s*\.size\s+([\w.$]+)\s*,")
_SECTION = re.compile(r"^\s*\.(?:text|data|bss|section)\b")


def split_functions(text: str) -> dict[str, str]:
    """gcc ``-S`` output -> {function: its text, with the ``.L`` constants it uses}.

    gcc writes a function's string literals right before it, but its
    floating-point and vector constants may come at the end of the file, and
    two functions may share one: each piece gets every ``.L`` data item it
    refers to (:func:`_data_items`).  Global and static variables (non-``.L``
    data labels) are left out -- they belong to the translation unit, and the
    function refers to them by name.
    """
    lines = [ln for ln in text.splitlines() if not _FILE_LEVEL.match(ln)]
    items = _data_items(lines)
    pieces: dict[str, str] = {}
    start = 0
    current: str | None = None
    for i, line in enumerate(lines):
        m = _TYPE_FUNC.match(line)
        if m and current is None:
            current = m.group(1)
        m = _SIZE.match(line)
        if m and current is not None and m.group(1) == current:
            chunk = _drop_variables(lines[start:i + 1], current)
            body = "\n".join(chunk).strip("\n") + "\n"
            pieces[current] = body + _missing_items(body, items)
            start, current = i + 1, None
    return pieces


_DATA = re.compile(r"^\s*\.(?:word|long|int|quad|xword|dword|8byte|4byte|2byte|hword|half|short|byte|"
                   r"string|ascii|asciz|zero|space|skip|double|float|single|value|dc\.\w+)\b")
_ALIGN = re.compile(r"^\s*\.(?:p2align|balign|align)\b")


def _data_items(lines: list[str]) -> dict[str, str]:
    """``.L`` labels in data sections -> their text (section, alignment, label, data)."""
    items: dict[str, str] = {}
    section = ""
    aligns: list[str] = []
    current: str | None = None
    for line in lines:
        if _SECTION.match(line) or _TYPE_FUNC.match(line):
            section = line if not re.match(r"^\s*\.text\b|^\s*\.section\s+\.text", line) else ""
            aligns, current = [], None
            continue
        if _ALIGN.match(line):
            aligns.append(line)
            current = None
            continue
        m = re.match(r"^(\.L[\w.$]+):\s*$", line.strip())
        if m and section:
            current = m.group(1)
            items[current] = "\n".join([section, *aligns, f"{current}:"])
            aligns = []
            continue
        if current and _DATA.match(line):
            items[current] += "\n" + line
            continue
        current = None
        aligns = []
    return items


def _missing_items(body: str, items: dict[str, str]) -> str:
    """Definitions of the ``.L`` data items ``body`` refers to but does not define."""
    defined = defined_labels(body)
    wanted = [m.group(0) for m in _LOCAL_LABEL.finditer(body)]
    extra = []
    for label in dict.fromkeys(wanted):
        if label not in defined and label in items:
            extra.append(items[label])
    return "".join(text + "\n" for text in extra)


def _drop_variables(chunk: list[str], function: str) -> list[str]:
    """Remove data definitions of named variables from a function's chunk."""
    named = set()
    for line in chunk:
        m = re.match(r"^\s*([A-Za-z_$][\w.$]*)\s*:", line)
        if m and m.group(1) != function:
            named.add(m.group(1))
        m = re.match(r"^\s*\.(?:comm|lcomm)\s+([\w.$]+)", line)
        if m:
            named.add(m.group(1))
    if not named:
        return chunk
    out = []
    skipping = False
    about = re.compile(rf"^\s*\.(?:{'|'.join(_BINDING)}|type|size|comm|lcomm|set)\s+({'|'.join(map(re.escape, named))})\b")
    for line in chunk:
        if about.match(line):
            continue
        m = re.match(r"^\s*([A-Za-z_.$][\w.$]*)\s*:", line)
        if m:
            skipping = m.group(1) in named
            if skipping:
                continue
        elif skipping and (_SECTION.match(line) or _TYPE_FUNC.match(line)):
            skipping = False
        if not skipping:
            out.append(line)
    # Section/alignment directives left dangling by a removed variable are harmless to as.
    return out
