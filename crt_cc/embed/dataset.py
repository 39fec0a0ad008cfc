"""Token arrays for many objects, cached, computed in parallel.

Normalising (capstone in Python) costs more than encoding, so corpus objects are tokenised once
and kept in ``ROOT/tokens/<package>.v<N>.pkl`` (N: the normaliser version; keyed by object
path and mtime).  Arrays are int16
``[n_insns, INSN_WIDTH]``, the encoder's input format.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .vocab import encode

#: instructions kept per function (the encoder's context; longer functions are cut)
MAX_STORE = 512


@dataclass
class Sample:
    """One compiled variant of one source function."""

    key: str           # package/file/function: the same for every ISA and optimisation level
    package: str
    isa: str
    opt: str
    name: str
    obj: str
    ids: np.ndarray    # int16 [n, INSN_WIDTH]


def tokenize_object(path: str) -> list[tuple[str, np.ndarray]]:
    """(function name, token ids) for every function of one ELF file."""
    from .normalize import normalize_object

    out = []
    for nf in normalize_object(path):
        ids = np.asarray(encode(nf.insns[:MAX_STORE]), dtype=np.int16).reshape(-1, 8)
        out.append((nf.name, ids))
    return out


def tokenize_many(paths: list[str], jobs: int = 2) -> dict[str, list[tuple[str, np.ndarray]]]:
    """tokenize_object over many files, in ``jobs`` processes (they inherit our niceness)."""
    if jobs <= 1 or len(paths) < 4:
        return {p: tokenize_object(p) for p in paths}
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        return dict(zip(paths, ex.map(tokenize_object, paths, chunksize=8), strict=True))


def load_package(root: Path, package: str, isas: Iterable[str], opts: Iterable[str],
                 jobs: int = 2) -> list[Sample]:
    """Samples of one built package, tokenising only objects not in the cache."""
    from .corpus import objects
    from .normalize import NORMALIZER_VERSION

    cache_file = root / "tokens" / f"{package}.v{NORMALIZER_VERSION}.pkl"
    cache: dict[str, tuple[float, list[tuple[str, np.ndarray]]]] = {}
    if cache_file.exists():
        with open(cache_file, "rb") as fh:
            cache = pickle.load(fh)
    wanted: list[tuple[str, str, Path]] = []
    for isa in isas:
        for opt in opts:
            for p in objects(root, package, isa, opt):
                wanted.append((isa, opt, p))
    missing = [str(p) for _i, _o, p in wanted
               if str(p) not in cache or cache[str(p)][0] != p.stat().st_mtime]
    if missing:
        fresh = tokenize_many(missing, jobs)
        for p, fns in fresh.items():
            cache[p] = (Path(p).stat().st_mtime, fns)
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(cache, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache_file)
    out: list[Sample] = []
    for isa, opt, p in wanted:
        stem = p.stem
        for name, ids in cache[str(p)][1]:
            out.append(Sample(f"{package}/{stem}/{name}", package, isa, opt, name, str(p), ids))
    return out
