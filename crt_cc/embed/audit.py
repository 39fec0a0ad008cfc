"""``crt-cc --crt-audit-against=OBJECTS``: which native function each translated function looks like.

A translation can be wrong in ways no single test shows.  Given a native build of the same code
(the same C compiled by the target's cross gcc), the cross-ISA embeddings (docs/embeddings.md)
say which native function each translated function is nearest to: a translated ``foo`` whose
nearest native function is ``foo`` is consistent; one that lands on ``bar`` deserves a look.
Both sides are target code -- the pipeline audits the translated *target object* it produced --
so the comparison is AArch64 with AArch64 (or RISC-V with RISC-V ...), the easiest setting for
the encoder.

The pipeline (:class:`crt_cc.pipeline.Pipeline`) calls :func:`check_objects` before any work, so
a missing or unusable audit object is a diagnostic and exit status 1 like any other bad option,
then :meth:`TranslationAudit.annotate` once per translated object (fresh or from the cache: the
audit itself is never cached, it depends on the native objects), and puts
:meth:`TranslationAudit.summary` into the report.  This module imports nothing heavy; torch loads
on the first :meth:`~TranslationAudit.annotate`, i.e. only when the option is given.
"""

from __future__ import annotations

import importlib.util
import os
import struct
from typing import Any

from ..diagnostics import CrtError

#: Nearest native functions listed per translated function.
TOP_K = 3

#: e_machine -> ISA name, for the machines the normaliser reads (crt_cc/embed/elf.py).
_MACHINES = {62: "x86_64", 3: "i386", 183: "aarch64", 40: "arm", 243: "riscv64"}

#: Target triple -> ISA name of its native code.
TARGET_ISA = {"aarch64-linux-gnu": "aarch64", "riscv64-linux-gnu": "riscv64", "arm-linux-gnueabi": "arm"}

OPTION = "--crt-audit-against"


def _weights_path() -> str:
    from .search import WEIGHTS  # light: search.py imports numpy only

    return os.environ.get("CRT_EMBED_WEIGHTS") or str(WEIGHTS)


def check_objects(paths: list[str], target_triple: str) -> list[str]:
    """Validate the audit objects before any work; returns warnings, raises :class:`CrtError`.

    Objects must be ELF files (relocatable objects, executables or shared libraries) of an ISA
    the normaliser reads.  Another ISA than the target's is allowed (the embeddings are cross-ISA)
    but warned about: it is usually the x86 build given by mistake, and scores are lower.
    """
    warnings: list[str] = []
    if not paths:
        raise CrtError(f"missing argument to '{OPTION}=' (a comma-separated list of native objects)")
    want = TARGET_ISA.get(target_triple)
    for path in paths:
        try:
            with open(path, "rb") as f:
                head = f.read(20)
        except OSError as exc:
            raise CrtError(f"{OPTION}: {path}: {exc.strerror or exc}") from None
        if os.path.isdir(path):
            raise CrtError(f"{OPTION}: {path}: Is a directory")
        if head.startswith(b"!<arch>\n"):
            raise CrtError(f"{OPTION}: {path}: is an archive; give its objects (ar x) or a linked program")
        if len(head) < 20 or head[:4] != b"\x7fELF":
            raise CrtError(f"{OPTION}: {path}: not an ELF object or executable (give a native build "
                           f"of the same code for {target_triple})")
        machine = struct.unpack_from("<H" if head[5] == 1 else ">H", head, 18)[0]
        isa = _MACHINES.get(machine)
        if isa is None:
            raise CrtError(f"{OPTION}: {path}: ELF machine {machine} is not one the embeddings read "
                           "(x86-64, i386, AArch64, ARM, RISC-V64)")
        if want and isa != want:
            warnings.append(f"{OPTION}: {path} is {isa} code, not {want}: the audit compares "
                            "across ISAs (expect lower scores)")
    weights = _weights_path()
    if not os.path.isfile(weights):
        raise CrtError(f"{OPTION}: no encoder weights at {weights} (set CRT_EMBED_WEIGHTS, or train "
                       "them with 'crt-embed train')")
    missing = [m for m in ("torch", "numpy", "capstone", "elftools") if importlib.util.find_spec(m) is None]
    if missing:
        raise CrtError(f"{OPTION} needs {', '.join(missing)} (the embedding stack); install it with "
                       "'make setup'")
    return warnings


class TranslationAudit:
    """The audit of every object one crt-cc run translates, against one native build."""

    def __init__(self, native: list[str], k: int = TOP_K) -> None:
        self.native = list(native)
        self.k = k
        self._pool: Any = None
        self.audited = 0
        self.matching = 0
        self.mismatches: list[dict[str, object]] = []

    def _native_pool(self) -> Any:
        if self._pool is None:
            from .search import NativePool  # numpy here; torch on the first embedding

            self._pool = NativePool(self.native)
            try:
                self._pool.embed_native()       # the native build, embedded once
            except Exception as exc:           # noqa: BLE001 - any failure names the objects
                self._pool = None
                raise CrtError(f"{OPTION}: cannot embed {', '.join(self.native)}: {exc}") from None
        return self._pool

    def annotate(self, translated_obj: str, records: list[dict[str, Any]]) -> None:
        """Add an ``audit`` entry to each report record of one translated object.

        ``records`` are that object's ``--crt-report`` records (the functions it translated);
        functions of the object without a record (crt-cc's own helpers) are not audited.
        """
        if not records:
            return
        pool = self._native_pool()
        try:
            audits = pool.audit([translated_obj], self.k)
        except Exception as exc:               # noqa: BLE001 - a crt-cc object the reader refuses is a bug
            raise CrtError(f"{OPTION}: cannot embed the translated object: {exc}") from None
        by_name: dict[str, Any] = {}
        for a in audits:
            by_name.setdefault(a.name, a)
        for rec in records:
            name = str(rec.get("function"))
            a = by_name.get(name)
            self.audited += 1
            if a is None:
                rec["audit"] = {"nearest": None, "score": None, "match": False, "same_name_rank": None,
                                "top": [], "note": "no sized function symbol of this name in the "
                                                   "translated object"}
                self.mismatches.append({"function": name, "source": rec.get("source"), "nearest": None})
                continue
            top = [{"function": m.name, "object": m.path, "score": round(m.score, 4)} for m in a.matches]
            entry: dict[str, object] = {
                "nearest": top[0]["function"] if top else None,
                "score": top[0]["score"] if top else None,
                "match": a.consistent,
                "same_name_rank": a.same_name_rank,
                "same_name_score": None if a.same_name_score is None else round(a.same_name_score, 4),
                "top": top,
            }
            if a.same_name_rank is None:
                entry["note"] = "the native objects define no function of this name"
            rec["audit"] = entry
            if a.consistent:
                self.matching += 1
            else:
                self.mismatches.append({"function": name, "source": rec.get("source"),
                                        "nearest": entry["nearest"], "score": entry["score"]})

    def summary(self) -> dict[str, object]:
        """The report's top-level ``audit`` object."""
        return {"against": self.native, "weights": _weights_path(), "top": self.k,
                "functions": self.audited, "matching": self.matching, "mismatches": self.mismatches}
