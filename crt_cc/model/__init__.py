"""The model engine's language-model side and the ``crt-model`` tools.

Light modules (importable without torch/transformers, used on every
``--crt-engine=model|auto`` run and by the cache key): :mod:`.config`,
:mod:`.prompt`, :mod:`.x86text`, :mod:`.vocab`, :mod:`.asmtext`.  Heavy ones
import torch and transformers at call time: :mod:`.runtime` (load and
generate), :mod:`.tiny`, :mod:`.xtokenizer`, :mod:`.train`, :mod:`.evaluate`.
:mod:`.corpus` needs only the host and cross compilers.  :mod:`.cli` is the
``crt-model`` command.  See docs/model.md.
"""
