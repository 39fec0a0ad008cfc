"""The auto engine: the model engine, per function, with the lift engine as the fallback.

A function gets the model's translation only when that translation is
verified (:mod:`.verify`); otherwise -- no model configured, the model cannot
be loaded, the function is local or too long for the context window, or the
answer is rejected -- it keeps the lift engine's translation, and the
``--crt-report`` record of the function says which and why.  The
orchestration is shared with ``--crt-engine=model`` (:mod:`.model`), which
differs only in failing where this engine falls back.
"""

from __future__ import annotations

from ..toolchain.targets import Target


def translate_object(obj_path: str, target: Target, options, model_dir: str | None) -> str:
    """Translate ``obj_path``: verified model translations where there are any, lift elsewhere."""
    from . import model

    return model.translate_object(obj_path, target, options, model_dir, fallback=True)
