"""Embedding functions of ELF files, faiss indexes over them, evaluation and the audit API.

An index is two files: ``INDEX`` (a faiss ``IndexFlatIP``: embeddings are unit vectors, so
inner product is cosine similarity and the flat index is exact) and ``INDEX.meta.json`` (for
each row: object path, function name, ISA, instruction count; plus the weights used).  Exact
search is fast enough here: 10K functions x 128 dimensions is 5 MB.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS = Path(__file__).resolve().parent / "weights" / "encoder.pt"


@dataclass
class FuncRef:
    """Where an embedded function came from (never given to the model: names stay here)."""

    path: str
    name: str
    isa: str
    n_insns: int


def parse_object_spec(spec: str) -> tuple[str, str | None]:
    """``obj.o`` or ``obj.o:function`` (a path may itself contain ':' if the file exists)."""
    if os.path.exists(spec) or ":" not in spec:
        return spec, None
    path, _, name = spec.rpartition(":")
    return path, name or None


def set_threads(n: int | None = None) -> None:
    """Keep torch to a few threads: the machines this runs on are small and shared."""
    import torch

    n = n or int(os.environ.get("CRT_EMBED_THREADS", "2"))
    torch.set_num_threads(max(1, n))


class Embedder:
    """The trained encoder plus batching; loads torch and the weights on first use."""

    def __init__(self, weights: str | Path | None = None, threads: int | None = None) -> None:
        self.weights = Path(weights or os.environ.get("CRT_EMBED_WEIGHTS", WEIGHTS))
        self.threads = threads
        self._model: Any = None
        self.meta: dict[str, Any] = {}

    @property
    def model(self) -> Any:
        if self._model is None:
            from .model import load

            if not self.weights.exists():
                raise FileNotFoundError(f"{self.weights}: no encoder weights "
                                        "(train them with 'crt-embed train')")
            set_threads(self.threads)
            self._model, self.meta = load(str(self.weights))
        return self._model

    def embed_arrays(self, arrays: list[np.ndarray], batch_insns: int = 16384) -> np.ndarray:
        """Embeddings ``[n, d]`` (float32, unit norm) of token-id arrays.

        Sorted by length and batched by total instruction count so padding stays small.
        """
        import torch

        from .model import pad_batch

        model = self.model
        cap = model.cfg.max_insns
        n = len(arrays)
        out = np.zeros((n, model.cfg.out_dim), dtype=np.float32)
        order = sorted(range(n), key=lambda i: len(arrays[i]))
        i = 0
        with torch.inference_mode():
            while i < n:
                j = i
                while j < n and (j - i + 1) * max(1, min(len(arrays[order[j]]), cap)) <= batch_insns:
                    j += 1
                j = max(j, i + 1)
                idx = order[i:j]
                z = model(pad_batch([arrays[k] for k in idx], cap))
                out[idx] = z.numpy()
                i = j
        return out

    def embed_objects(self, specs: list[str], min_insns: int = 0,
                      jobs: int = 1) -> tuple[list[FuncRef], np.ndarray]:
        """Every function (or the named one, ``obj.o:name``) of the given ELF files."""
        from .dataset import tokenize_many
        from .elf import elf_isa

        parsed = [parse_object_spec(s) for s in specs]
        paths = sorted({p for p, _ in parsed})
        want: dict[str, set[str] | None] = defaultdict(set)
        for p, name in parsed:
            if name is None:
                want[p] = None
            elif want[p] is not None:
                want[p].add(name)       # type: ignore[union-attr]
        toks = tokenize_many(paths, jobs)
        refs: list[FuncRef] = []
        arrays: list[np.ndarray] = []
        for p in paths:
            isa = elf_isa(p)
            names = want[p]
            found = set()
            for name, ids in toks[p]:
                if names is not None and name not in names:
                    continue
                found.add(name)
                if len(ids) < min_insns:
                    continue
                refs.append(FuncRef(p, name, isa, int(len(ids))))
                arrays.append(ids)
            if names:
                missing = names - found
                if missing:
                    raise KeyError(f"{p}: no function {', '.join(sorted(missing))}")
        vecs = self.embed_arrays(arrays) if arrays else np.zeros((0, 1), dtype=np.float32)
        return refs, vecs


# ---------------------------------------------------------------------------
# index files

def write_index(path: str | Path, refs: list[FuncRef], vecs: np.ndarray, weights: str) -> None:
    """``path`` (faiss) and ``path.meta.json``."""
    import faiss

    index = faiss.IndexFlatIP(vecs.shape[1])
    index.add(np.ascontiguousarray(vecs, dtype=np.float32))
    faiss.write_index(index, str(path))
    meta = {"format": 1, "weights": str(weights), "functions": [asdict(r) for r in refs]}
    Path(str(path) + ".meta.json").write_text(json.dumps(meta))


def read_index(path: str | Path) -> tuple[Any, list[FuncRef], dict[str, Any]]:
    """(faiss index, row references, metadata) of an index written by :func:`write_index`."""
    import faiss

    index = faiss.read_index(str(path))
    meta = json.loads(Path(str(path) + ".meta.json").read_text())
    refs = [FuncRef(**r) for r in meta["functions"]]
    return index, refs, meta


def search(index: Any, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Top-k (scores, rows) for each query vector."""
    k = max(1, min(k, index.ntotal))
    return index.search(np.ascontiguousarray(queries, dtype=np.float32), k)


# ---------------------------------------------------------------------------
# evaluation

@dataclass
class EvalResult:
    """Retrieval quality of queries against a pool, ground truth by symbol name."""

    queries: int
    pool: int
    unmatched: int
    recall_at_1: float
    recall_at_10: float
    mrr: float

    def line(self) -> str:
        return (f"recall@1={self.recall_at_1:.3f} recall@10={self.recall_at_10:.3f} "
                f"mrr={self.mrr:.3f} pool={self.pool} queries={self.queries}")


def ground_truth(qrefs: list[FuncRef], prefs: list[FuncRef]) -> list[list[int]]:
    """Pool rows that are the same source function as each query ([] = not in the pool).

    Symbol names decide.  A name defined in several pool objects (static functions such as
    ``usage`` in different files) is resolved by the object's file name, which is the same
    across ISAs when both sides were built from one tree.
    """
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(prefs):
        by_name[r.name].append(i)
    out: list[list[int]] = []
    for q in qrefs:
        rows = by_name.get(q.name, [])
        if len(rows) > 1:
            base = os.path.basename(q.path)
            same = [i for i in rows if os.path.basename(prefs[i].path) == base]
            rows = same
        out.append(rows)
    return out


def rank_metrics(sims: np.ndarray, truth: list[list[int]]) -> tuple[float, float, float, int]:
    """Expected recall@1, recall@10 and MRR with ties broken at random; also the query count.

    Identical machine code normalises to identical tokens and so identical embeddings; counting
    such ties as wins (or as losses) would bias the numbers, so a query whose correct row ties
    with ``t`` others and is beaten by ``g`` rows has a rank uniform in ``g+1 .. g+t+1``.
    """
    r1 = r10 = mrr = 0.0
    n = 0
    for qi, rows in enumerate(truth):
        if not rows:
            continue
        n += 1
        s = sims[qi]
        best = max(s[rows])
        mask = np.ones(len(s), dtype=bool)
        mask[rows] = False
        g = int((s[mask] > best).sum())
        t = int((s[mask] == best).sum())
        ranks = np.arange(g + 1, g + t + 2)
        r1 += float((ranks <= 1).mean())
        r10 += float((ranks <= 10).mean())
        mrr += float((1.0 / ranks).mean())
    if n == 0:
        return 0.0, 0.0, 0.0, 0
    return r1 / n, r10 / n, mrr / n, n


def evaluate(query_specs: list[str], pool_specs: list[str], embedder: Embedder | None = None,
             min_insns: int = 0, jobs: int = 2) -> EvalResult:
    """Embed both sides, rank the whole pool for every query, score by symbol name."""
    embedder = embedder or Embedder()
    _ = embedder.model                  # fail on missing weights before normalising anything
    qrefs, qv = embedder.embed_objects(query_specs, min_insns=min_insns, jobs=jobs)
    prefs, pv = embedder.embed_objects(pool_specs, min_insns=0, jobs=jobs)
    truth = ground_truth(qrefs, prefs)
    sims = qv @ pv.T if len(qrefs) and len(prefs) else np.zeros((len(qrefs), len(prefs)))
    r1, r10, mrr, n = rank_metrics(sims, truth)
    return EvalResult(n, len(prefs), len(qrefs) - n, r1, r10, mrr)


# ---------------------------------------------------------------------------
# integration: audit of translations, retrieval of examples

#: crt-cc's name for a lifted ``static`` function in a translated object (crt_cc/lift/module.py:
#: ``name.local.<section>.<address>``); the audit compares it under its source name.
_LIFTED_LOCAL = re.compile(r"\.local\.\d+\.[0-9a-f]+$")


def source_name(symbol: str) -> str:
    """The source function name of a symbol of a translated object (``twice.local.1.0`` -> ``twice``)."""
    return _LIFTED_LOCAL.sub("", symbol)


@dataclass
class Match:
    """A native function close to a translated one."""

    name: str
    path: str
    score: float


@dataclass
class Audit:
    """Where one translated function lands among the native functions.

    ``matches`` are the nearest native functions, best first; equal scores are ordered with a
    function of the same name first (identical normalised code is as consistent as the encoder
    can tell) and then in pool order, so the result never depends on sort stability.
    ``same_name_rank`` is 1 + the number of native functions of *another* name scoring higher
    than the best native function of this name (None: the native build has no such function).
    """

    name: str                    # source name (see :func:`source_name`)
    symbol: str                  # the symbol in the translated object
    path: str
    matches: list[Match]
    same_name_rank: int | None
    same_name_score: float | None

    @property
    def consistent(self) -> bool:
        """The nearest native function is the function of the same name."""
        return bool(self.matches) and self.matches[0].name == self.name


class NativePool:
    """Native functions embedded once, to audit any number of translated objects against.

    ``crt-cc --crt-audit-against`` audits every object it translates against the same native
    build: embedding that build once per compiler process instead of once per object is what
    keeps the audit cheap.  The embedding happens on first use (torch loads there).
    """

    def __init__(self, native: list[str], embedder: Embedder | None = None) -> None:
        self.native = list(native)
        self.embedder = embedder or Embedder()
        self._refs: list[FuncRef] | None = None
        self._vecs: np.ndarray | None = None

    def embed_native(self) -> tuple[list[FuncRef], np.ndarray]:
        """The native functions and their embeddings (computed on the first call only)."""
        if self._refs is None:
            self._refs, self._vecs = self.embedder.embed_objects(self.native)
        assert self._vecs is not None
        return self._refs, self._vecs

    def audit(self, translated: list[str], k: int = 1) -> list[Audit]:
        """The audit of every function of the translated objects (``obj.o`` or ``obj.o:name``)."""
        nrefs, nv = self.embed_native()
        trefs, tv = self.embedder.embed_objects(translated)
        if not trefs:
            return []
        sims = tv @ nv.T if nrefs else np.zeros((len(trefs), 0), dtype=np.float32)
        names = np.array([r.name for r in nrefs], dtype=object)
        pool_order = np.arange(len(nrefs))
        out: list[Audit] = []
        for i, r in enumerate(trefs):
            name = source_name(r.name)
            s = sims[i]
            same = names == name if nrefs else np.zeros(0, dtype=bool)
            order = np.lexsort((pool_order, ~same, -s))[:max(0, k)]
            matches = [Match(nrefs[j].name, nrefs[j].path, float(s[j])) for j in order]
            rank = score = None
            if same.any():
                best = float(s[same].max())
                rank = 1 + int((s[~same] > best).sum())
                score = best
            out.append(Audit(name, r.name, r.path, matches, rank, score))
        return out


def nearest_native(translated: list[str], native: list[str], k: int = 1,
                   embedder: Embedder | None = None) -> dict[str, list[Match]]:
    """For each function of the translated target objects, its ``k`` nearest native functions.

    This is what ``crt-cc --crt-audit-against=OBJECTS`` puts in the ``--crt-report`` (through
    :class:`NativePool`, which also ranks the same-named function): the translated objects (any
    supported ISA) and a native build of the same code are embedded with the same encoder; a
    translation whose nearest native function is not the function of the same name (or whose
    score is low) deserves a look.  Keys are the translated symbol names; when two translated
    objects define the same name the later one wins, so pass one object per call if that matters.
    """
    return {a.symbol: a.matches for a in NativePool(native, embedder).audit(translated, k)}


class FunctionIndex:
    """An in-memory searchable set of functions (e.g. verified translations in the cache).

    The model engine keeps one over the verified translations of its example store
    (:mod:`crt_cc.model.examples`), whose functions are stored as normalised tokens rather than
    objects (:meth:`add_arrays`), and asks :meth:`nearest_arrays` for the prompt examples most
    similar to the function it is about to translate.  Search is exact (a dot product over unit
    vectors) and deterministic: equal scores keep insertion order.
    """

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder or Embedder()
        self.refs: list[FuncRef] = []
        self._vecs: list[np.ndarray] = []
        self._all: np.ndarray | None = None

    def add_objects(self, specs: list[str]) -> None:
        """Every function (or the named ones, ``obj.o:name``) of the given ELF files."""
        refs, vecs = self.embedder.embed_objects(specs)
        self._add(refs, vecs)

    def add_arrays(self, refs: list[FuncRef], arrays: list[np.ndarray]) -> None:
        """Functions given as token-id arrays (``vocab.encode`` of normalised instructions)."""
        if refs:
            self._add(refs, self.embedder.embed_arrays(arrays))

    def _add(self, refs: list[FuncRef], vecs: np.ndarray) -> None:
        self.refs += refs
        if len(refs):
            self._vecs.append(vecs)
        self._all = None

    def _search(self, qv: np.ndarray, k: int) -> list[list[tuple[FuncRef, float]]]:
        if not self.refs:
            return [[] for _ in range(len(qv))]
        if self._all is None:
            self._all = np.concatenate(self._vecs)
        sims = qv @ self._all.T
        rows = np.arange(len(self.refs))
        out = []
        for s in sims:
            order = np.lexsort((rows, -s))[:max(0, k)]
            out.append([(self.refs[j], float(s[j])) for j in order])
        return out

    def nearest(self, spec: str, k: int = 5) -> list[tuple[FuncRef, float]]:
        """Nearest stored functions to ``obj.o:function`` (best first)."""
        if not self.refs:
            return []
        _refs, qv = self.embedder.embed_objects([spec])
        return self._search(qv[:1], k)[0]

    def nearest_arrays(self, arrays: list[np.ndarray], k: int = 5) -> list[list[tuple[FuncRef, float]]]:
        """Nearest stored functions to each token-id array (best first)."""
        if not self.refs or not arrays:
            return [[] for _ in arrays]
        return self._search(self.embedder.embed_arrays(arrays), k)
