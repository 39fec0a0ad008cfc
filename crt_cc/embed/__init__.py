"""Cross-ISA function embeddings: normalisation, encoder, index, evaluation (issue 6).

Pipeline: :mod:`.elf` reads functions (bytes + relocations) of an ELF file of any supported ISA;
:mod:`.normalize` turns each into an architecture-neutral token stream (closed vocabulary in
:mod:`.vocab`; symbol names never reach it); :mod:`.model` is the torch encoder that maps a
stream to a unit vector; :mod:`.search` embeds objects, writes/reads faiss indexes, evaluates
retrieval by symbol name and offers the integration API (:func:`.search.nearest_native` and
:class:`.search.NativePool` for ``--crt-audit-against``, wired into the driver by :mod:`.audit`;
:class:`.search.FunctionIndex` for the model engine's examples, :mod:`crt_cc.model.examples`);
:mod:`.corpus` and :mod:`.train` rebuild the training corpus from Debian sources and train
(``crt-embed train``).  docs/embeddings.md has the design and the measured results.

Importing this package is cheap: torch, faiss and capstone load only when used.
"""

from __future__ import annotations

__all__ = ["nearest_native", "NativePool", "FunctionIndex", "Embedder"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from . import search

        return getattr(search, name)
    raise AttributeError(name)
