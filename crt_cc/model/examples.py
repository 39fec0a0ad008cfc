"""Verified translations kept as few-shot examples for the model engine (``--crt-model-examples``).

Every function the model engine translates *and verification accepts* is a correct
(x86 function -> target assembly) pair.  The engine keeps each one in a small store next to the
translation cache entries, and with ``--crt-model-examples=N`` (or ``CRT_MODEL_EXAMPLES``, or
``"examples"`` in ``crt_model.json``) shows the model the N stored pairs whose x86 code is most
similar to the function it is about to translate, as solved examples before the question.
Similarity is the cosine of the cross-ISA function embeddings (:mod:`crt_cc.embed`): the same
normaliser and encoder as ``crt-embed`` and ``--crt-audit-against``.

Why a store of its own: the cache's ``t``/``o`` entries hold whole translated objects, keyed by
a hash; they cannot be searched by function and do not keep the x86 text the model saw.

Layout: ``<cache dir>/examples/<target triple>/<sha256>.json``, one file per pair, written
atomically (temporary file + rename), named by the SHA-256 of target, x86 text and answer so the
same pair is stored once::

    {"format": 1, "target": "aarch64-linux-gnu", "function": "add", "source": "kernels.c",
     "x86": "<the function as the prompt showed it>", "asm": "<the model's verified answer>",
     "normalizer": 2, "insns": [["MOV", "GEN0", "ARG0"], ...]}

``insns`` are the function's normalised instructions (names never appear in them), so stored
pairs can be embedded again by any encoder of the same vocabulary without their objects.  Pairs
written by another normaliser version are skipped.  The store follows the cache settings:
``CRT_CACHE=off`` means no store, ``CRT_CACHE_READONLY=1`` a store that is read but never
written.  It is not counted in ``CRT_CACHE_MAXSIZE`` and ``--crt-cache-clear`` leaves it alone
(verified translations stay useful whatever the cache holds); ``rm -r <cache dir>/examples``
empties it.

Nothing heavy is imported at module level: the pipeline creates the store on every model-engine
run; numpy, torch and capstone load only when pairs are normalised or embedded.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any

FORMAT = 1


@dataclass(frozen=True)
class Example:
    """One verified (x86 function -> target assembly) pair of the store."""

    key: str                    # file name stem: sha256 of target, x86 and asm
    target: str
    function: str
    source: str
    x86: str
    asm: str
    insns: tuple[tuple[str, ...], ...]


def example_key(target: str, x86: str, asm: str) -> str:
    """The name of a pair in the store (the same pair always gets the same name)."""
    h = hashlib.sha256()
    for part in (target, x86, asm):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _normalizer_version() -> int:
    from ..embed.normalize import NORMALIZER_VERSION  # light: capstone loads when used

    return int(NORMALIZER_VERSION)


class ExampleStore:
    """The directory of verified pairs (``<cache dir>/examples``), one subdirectory per target."""

    def __init__(self, root: str, read_only: bool = False) -> None:
        self.root = root
        self.read_only = read_only

    def directory(self, target: str) -> str:
        return os.path.join(self.root, target)

    def add(self, target: str, function: str, source: str, x86: str, asm: str,
            insns: list[list[str]]) -> bool:
        """Keep one verified pair; False when the store is read-only.  OSError passes up."""
        if self.read_only:
            return False
        key = example_key(target, x86, asm)
        d = self.directory(target)
        path = os.path.join(d, key + ".json")
        if os.path.exists(path):
            return True
        os.makedirs(d, exist_ok=True)
        doc = {"format": FORMAT, "target": target, "function": function, "source": source,
               "x86": x86, "asm": asm, "normalizer": _normalizer_version(),
               "insns": [list(i) for i in insns]}
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=d)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(doc, f, sort_keys=True)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return True

    def load(self, target: str) -> list[Example]:
        """Every usable pair for ``target``, in file-name order (deterministic).

        Unreadable or foreign files, and pairs of another normaliser version, are skipped: the
        store is an optimisation, never a reason for a build to fail.
        """
        d = self.directory(target)
        try:
            names = sorted(n for n in os.listdir(d) if n.endswith(".json") and not n.startswith("."))
        except OSError:
            return []
        version = _normalizer_version()
        out: list[Example] = []
        for name in names:
            try:
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    doc = json.load(f)
                if doc.get("format") != FORMAT or doc.get("normalizer") != version or \
                        doc.get("target") != target or not doc.get("insns"):
                    continue
                out.append(Example(name[:-5], target, str(doc["function"]), str(doc.get("source", "")),
                                   str(doc["x86"]), str(doc["asm"]),
                                   tuple(tuple(str(t) for t in i) for i in doc["insns"])))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return out


def normalized_functions(obj_path: str) -> dict[str, list[list[str]]]:
    """The normalised instructions of every function of an x86 object (crt_cc.embed's normaliser)."""
    from ..embed.dataset import MAX_STORE
    from ..embed.normalize import normalize_object

    return {nf.name: nf.insns[:MAX_STORE] for nf in normalize_object(obj_path)}


def _ids(insns: Any) -> Any:
    import numpy as np

    from ..embed.vocab import INSN_WIDTH, encode

    return np.asarray(encode([list(i) for i in insns]), dtype=np.int16).reshape(-1, INSN_WIDTH)


class Retriever:
    """The stored pairs of one target, embedded once, searched for each function of one object."""

    def __init__(self, examples: list[Example], embedder: Any = None) -> None:
        from ..embed.search import FuncRef, FunctionIndex

        self.examples = examples
        self.index = FunctionIndex(embedder)
        refs = [FuncRef(ex.key, ex.function, "x86_64", len(ex.insns)) for ex in examples]
        self.index.add_arrays(refs, [_ids(ex.insns) for ex in examples])

    def nearest(self, insns: list[list[str]], n: int) -> list[tuple[Example, float]]:
        """The ``n`` pairs most similar to a function given by its normalised instructions.

        Best first; equal scores keep store order (file names), so the answer is deterministic.
        """
        if n <= 0 or not self.examples or not insns:
            return []
        hits = self.index.nearest_arrays([_ids(insns)], n)[0]
        by_key = {ex.key: ex for ex in self.examples}
        return [(by_key[ref.path], score) for ref, score in hits]
